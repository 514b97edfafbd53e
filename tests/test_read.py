"""Readers: every input kind, and bad input that must become a Failure instead of an exception."""

from __future__ import annotations

import gzip
import http.server
import io
import json
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.model import Failure, RawArticle
from dateline.read import read

FIX = Path(__file__).parent / "fixtures" / "ingest"


def _split(items: list[RawArticle | Failure]) -> tuple[list[RawArticle], list[Failure]]:
    return [x for x in items if isinstance(x, RawArticle)], [x for x in items if isinstance(x, Failure)]


def _read(*inputs: str | Path, **kw: object) -> tuple[list[RawArticle], list[Failure]]:
    return _split(list(read([str(i) for i in inputs], **kw)))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- kinds


def test_txt_file() -> None:
    arts, fails = _read(FIX / "article.txt")
    assert not fails and len(arts) == 1
    assert arts[0].kind == "txt" and arts[0].html is None
    assert arts[0].text.startswith("Troops arrive at northern border")
    assert arts[0].source == str(FIX / "article.txt")


def test_html_file_and_broken_html() -> None:
    arts, fails = _read(FIX / "article.html", FIX / "broken.html")
    assert not fails
    assert [a.kind for a in arts] == ["html", "html"]
    assert "<article>" in arts[0].html and arts[0].text is None
    assert "flood warning" in arts[1].html


def test_jsonl_lines_and_failures() -> None:
    arts, fails = _read(FIX / "articles.jsonl")
    src = str(FIX / "articles.jsonl")
    assert [a.source for a in arts] == [f"{src}#L1", f"{src}#L2", f"{src}#L7"]
    assert all(a.kind == "jsonl" for a in arts)
    first, second, _ = arts
    assert first.text and first.html is None
    assert first.given == {
        "url": "https://example.org/aid",
        "outlet": "Example Wire",
        "published": "2024-02-11",
    }
    assert (
        second.html
        and second.given["byline"] == "Maria Lopez"
        and second.given["published"] == "12 January 2024"
    )
    reasons = {f.source: f.reason for f in fails}
    assert set(reasons) == {f"{src}#L3", f"{src}#L5", f"{src}#L6"}
    assert "malformed JSON" in reasons[f"{src}#L3"]
    assert "expected an object" in reasons[f"{src}#L5"]
    assert '"text" or "html"' in reasons[f"{src}#L6"]


def test_jsonl_gz(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"text": "One line of news text about a port strike."}) + "\n")
    arts, fails = _read(path)
    assert not fails and arts[0].source == f"{path}#L1"


def _warc(path: Path, gz: bool = True) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    bodies = [
        (
            "text/html; charset=utf-8",
            b"<html><body><p>Troops were deployed to the northern border on Monday.</p>",
        ),
        ("image/png", b"\x89PNG\r\n\x1a\n not an article"),
        ("text/html", "<html><body><p>Talks resumed in Genève on Tuesday, officials said.</p>".encode()),
    ]
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gz)
        for i, (ctype, body) in enumerate(bodies):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://example.org/{i}",
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": f"2024-03-0{i + 1}T10:00:00Z"},
            )
            writer.write_record(record)


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_response_records(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _warc(path, gz=name.endswith(".gz"))
    arts, fails = _read(path)
    assert not fails
    assert len(arts) == 2  # the image record is skipped
    assert arts[0].source == f"{path}#0" and arts[1].source.startswith(f"{path}#")
    assert int(arts[1].source.rsplit("#", 1)[1]) > 0
    assert arts[0].given == {"url": "https://example.org/0", "warc_date": "2024-03-01T10:00:00Z"}
    assert "Genève" in arts[1].html and arts[1].kind == "warc"


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_truncated_warc_yields_good_records_then_failure(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _warc(path, gz=name.endswith(".gz"))
    data = path.read_bytes()
    path.write_bytes(data[:-60])  # cut inside the last record
    items = list(read([str(path)]))
    arts, fails = _split(items)
    assert len(arts) == 1 and "northern border" in arts[0].html
    assert len(fails) == 1 and isinstance(items[-1], Failure)
    assert "truncated" in fails[0].reason


def test_garbage_warc(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc"
    path.write_bytes(b"this is not a warc file at all\n" * 3)
    arts, fails = _read(path)
    assert not arts and len(fails) == 1


def test_rss_and_atom_feeds() -> None:
    arts, fails = _read(FIX / "feed.rss", FIX / "feed.atom")
    assert [a.kind for a in arts] == ["rss", "rss", "rss"]
    navy, minister, hostages = arts
    assert navy.source == f"{FIX / 'feed.rss'}#item0"
    assert navy.text and navy.given == {
        "url": "https://wire.example.org/navy-ships",
        "title": "Navy ships sail into disputed waters",
        "outlet": "Example Wire World",
        "published": "2024-03-05",
    }
    assert minister.html and "<p>" in minister.html
    assert hostages.given["byline"] == "Sam Okafor" and hostages.given["outlet"] == "Example Monitor"
    assert hostages.given["published"] == "2024-04-01"
    assert len(fails) == 1 and fails[0].source.endswith("#item2") and "no content" in fails[0].reason


def test_xml_that_is_not_a_feed() -> None:
    arts, fails = _read(FIX / "notfeed.xml")
    assert not arts and "not an RSS/Atom feed" in fails[0].reason


def test_folder_walk_sorted_recursive_skips_hidden_and_unknown() -> None:
    arts, fails = _read(FIX / "folder")
    names = [Path(a.source).relative_to(FIX / "folder").as_posix() for a in arts]
    assert names == ["a.txt", "b.txt", "sub/c.txt"]
    assert not fails


def test_explicit_file_with_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    page = tmp_path / "page"
    page.write_text((FIX / "article.html").read_text(encoding="utf-8"), encoding="utf-8")
    note = tmp_path / "note.md"
    note.write_text("Headline here\n\nA paragraph of plain article text.\n", encoding="utf-8")
    arts, fails = _read(page, note)
    assert not fails
    assert arts[0].html and arts[1].text


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    class _Stdin:
        def __init__(self, data: bytes) -> None:
            self.buffer = io.BytesIO(data)

    monkeypatch.setattr(sys, "stdin", _Stdin(b"Headline\n\nBody text of a story from standard input.\n"))
    arts, fails = _read("-")
    assert arts[0].source == "-" and arts[0].kind == "stdin" and arts[0].text
    monkeypatch.setattr(sys, "stdin", _Stdin(b"<html><body><p>An HTML story.</p></body></html>"))
    arts, _ = _read("-")
    assert arts[0].html
    lines = b'{"text": "first story"}\n{"text": "second story"}\n'
    monkeypatch.setattr(sys, "stdin", _Stdin(lines))
    arts, _ = _read("-")
    assert [a.source for a in arts] == ["-#L1", "-#L2"]
    monkeypatch.setattr(sys, "stdin", _Stdin(b""))
    arts, fails = _read("-")
    assert not arts and "empty" in fails[0].reason


# --------------------------------------------------------------------------- bad input


def test_missing_path() -> None:
    arts, fails = _read("/no/such/dir/story.txt")
    assert not arts and fails == [Failure("/no/such/dir/story.txt", "no such file or directory")]


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    arts, fails = _read(path)
    assert not arts and "binary" in fails[0].reason


def test_empty_and_blank_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_bytes(b"   \n\n  \t\n")
    (tmp_path / "empty.jsonl").write_bytes(b"")
    arts, fails = _read(tmp_path / "empty.txt", tmp_path / "blank.html", tmp_path / "empty.jsonl")
    assert not arts and len(fails) == 3 and all("empty" in f.reason for f in fails)


def test_empty_folder(tmp_path: Path) -> None:
    arts, fails = _read(tmp_path)
    assert not arts and "no readable" in fails[0].reason


def test_over_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    arts, fails = _read(path, max_bytes=100)
    assert not arts and "size limit" in fails[0].reason
    lines = tmp_path / "big.jsonl"
    lines.write_text(json.dumps({"text": "x" * 500}) + "\n" + json.dumps({"text": "short"}) + "\n")
    arts, fails = _read(lines, max_bytes=100)
    assert [a.text for a in arts] == ["short"] and "size limit" in fails[0].reason


def test_cp1252_file(tmp_path: Path) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes("Caf\u00e9 owners said \u201cno\u201d to the curfew \u2013 again.\n".encode("cp1252"))
    arts, fails = _read(path)
    assert not fails
    assert "Café" in arts[0].text and "“no”" in arts[0].text
    assert arts[0].given["encoding"] and arts[0].given["encoding_note"]


def test_mixed_encoding_file(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("Genève talks resumed.\n".encode() + b"The minister\x92s aide said so.\n")
    arts, fails = _read(path)
    assert not fails
    assert "Genève" in arts[0].text and "minister’s" in arts[0].text
    assert arts[0].given["encoding"] == "utf-8+cp1252"


def test_utf16_file(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("Headline\n\nSome text in UTF-16.\n".encode("utf-16"))
    arts, fails = _read(path)
    assert not fails and "UTF-16" in arts[0].text


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("text", encoding="utf-8")

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", deny)
    arts, fails = _read(path)
    assert not arts and fails[0].reason == "permission denied"


# --------------------------------------------------------------------------- URLs (a local server only)


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        routes = {
            "/story.html": ("text/html; charset=utf-8", (FIX / "article.html").read_bytes()),
            "/story.txt": ("text/plain; charset=utf-8", b"Headline\n\nPlain text story from a server.\n"),
            "/feed": ("application/rss+xml", (FIX / "feed.rss").read_bytes()),
            "/big.html": ("text/html", b"<p>" + b"x" * 50_000 + b"</p>"),
            "/image.png": ("image/png", b"\x89PNG\r\n\x1a\n"),
        }
        if self.path == "/slow.html":
            time.sleep(1.5)
        if self.path not in routes and self.path != "/slow.html":
            self.send_response(404)
            self.end_headers()
            return
        ctype, body = routes.get(self.path, ("text/html", b"<p>late</p>"))
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_html_text_and_feed(server: str) -> None:
    arts, fails = _read(f"{server}/story.html", f"{server}/story.txt", f"{server}/feed")
    assert len(fails) == 1 and fails[0].source.endswith("#item2")  # the empty feed item
    assert arts[0].kind == "url" and arts[0].html and arts[0].given["url"] == f"{server}/story.html"
    assert arts[1].kind == "url" and arts[1].text
    assert [a.kind for a in arts[2:]] == ["rss", "rss"]


def test_url_failures(server: str) -> None:
    arts, fails = _read(f"{server}/missing", f"{server}/big.html", f"{server}/image.png", max_bytes=10_000)
    assert not arts
    assert "HTTP 404" in fails[0].reason
    assert "size limit" in fails[1].reason
    assert "unsupported content type" in fails[2].reason


def test_url_timeout_and_refused(server: str) -> None:
    arts, fails = _read(f"{server}/slow.html", fetch_timeout=0.3)
    assert not arts and "timed out" in fails[0].reason
    arts, fails = _read("http://127.0.0.1:9/nothing-listens-here", fetch_timeout=1.0)
    assert not arts and "fetch failed" in fails[0].reason


def test_a_url_of_another_scheme_is_named_as_such(tmp_path: Path) -> None:
    arts, fails = _read("ftp://archive.example.org/story.txt", "s3://bucket/day.warc.gz")
    assert not arts and [f.reason.split(":")[0] for f in fails] == [
        "unsupported URL scheme 'ftp'",
        "unsupported URL scheme 's3'",
    ]


def test_broken_links_and_pipes_in_a_folder_are_reported_not_dropped(tmp_path: Path) -> None:
    import os

    (tmp_path / "good.txt").write_text("Troops arrived in the port town on Monday, officials said.", "utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted-long-ago.txt")
    os.mkfifo(tmp_path / "feed.txt")
    arts, fails = _read(tmp_path)
    assert len(arts) == 1
    assert sorted(Path(f.source).name for f in fails) == ["feed.txt", "gone.txt"]
    assert all("not a regular file" in f.reason for f in fails)


def test_the_size_limit_message_names_the_option(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("word " * 100, "utf-8")
    _, [fail] = _read(path, max_bytes=100)
    assert "--max-mb" in fail.reason and "100 bytes" in fail.reason
