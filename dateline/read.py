"""Ingest readers: paths, folders, URLs and stdin in; `RawArticle` or `Failure` records out.

One public entry point, `read()`. Each input kind has a reader in `_READERS` (file extension -> reader);
bad input never raises out of `read()`, it becomes a `Failure(source, reason)` with a human reason.

Size limit: `max_bytes` applies to a whole file for single-article kinds (.txt, .html, feeds) and to each
record for streaming kinds (.jsonl lines, WARC records), so a multi-gigabyte jsonl or WARC still streams.
Decoding: UTF-8 (BOM aware), then UTF-8 with stray cp1252 bytes (mixed files), then charset_normalizer's
guess, then cp1252 with replacement characters; anything but plain UTF-8 is recorded in
`RawArticle.given["encoding"]` (and `given["encoding_note"]`).
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import re
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from dateline.model import Failure, RawArticle

Item = RawArticle | Failure
_Reader = Callable[[Path, int], Iterator[Item]]

# jsonl fields copied into RawArticle.given (key in the line -> given key)
_GIVEN_KEYS = {
    "url": "url",
    "link": "url",
    "title": "title",
    "headline": "title",
    "outlet": "outlet",
    "source_name": "outlet",
    "site_name": "outlet",
    "byline": "byline",
    "author": "byline",
    "published": "published",
    "date": "published",
    "language": "language",
}
_MARKUP = re.compile(r"<(?:[A-Za-z][\w:-]*|/[A-Za-z]|!--)")
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf", b"<rdf")


# --------------------------------------------------------------------------- decoding


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    # a stray byte inside otherwise valid UTF-8 is almost always cp1252 (Windows) text pasted in
    assert isinstance(err, UnicodeDecodeError)
    bad = err.object[err.start : err.end]
    return bad.decode("cp1252", errors="replace"), err.end


codecs.register_error("dateline-cp1252", _cp1252_fallback)


class _NotText(ValueError):
    pass


def _decode(data: bytes) -> tuple[str, str | None, str | None]:
    """(text, encoding if not utf-8, note) or raise _NotText with the reason."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", None
        except UnicodeDecodeError as exc:
            raise _NotText(f"undecodable UTF-16 text ({exc.reason})") from exc
    if b"\x00" in data:
        raise _NotText("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), None, None
    except UnicodeDecodeError as exc:
        first_error = exc
    # mixed: valid multi-byte UTF-8 sequences plus stray single bytes
    text = data.decode("utf-8", errors="dateline-cp1252")
    if any(ord(c) > 0x7F for c in data.decode("utf-8", errors="ignore")):
        return (
            text,
            "utf-8+cp1252",
            f"mixed encoding: invalid UTF-8 bytes read as cp1252 ({first_error.reason})",
        )
    import charset_normalizer

    matches = charset_normalizer.from_bytes(data[:200_000])
    best = matches.best()
    if best is not None and best.encoding:
        encoding = best.encoding
        # short texts are ambiguous between legacy code pages: prefer Windows-1252 (by far the most common
        # non-UTF-8 encoding of English news) when it reads the bytes as cleanly as the top guess
        if encoding != "cp1252" and any(
            m.chaos <= best.chaos + 0.01 and "cp1252" in m.could_be_from_charset for m in matches
        ):
            encoding = "cp1252"
        try:
            return data.decode(encoding), encoding, f"not UTF-8; detected {encoding}"
        except (UnicodeDecodeError, LookupError):
            pass
    text = data.decode("cp1252", errors="replace")
    n = text.count("\ufffd")
    if n > max(16, len(text) // 20):
        raise _NotText("binary or undecodable file (not UTF-8, no charset detected)")
    return text, "cp1252", f"not UTF-8; decoded as cp1252 with {n} replacement character(s)"


def _given_encoding(given: dict[str, Any], enc: str | None, note: str | None) -> dict[str, Any]:
    if enc:
        given["encoding"] = enc
    if note:
        given["encoding_note"] = note
    return given


# --------------------------------------------------------------------------- file readers


def _too_big(path: Path, max_bytes: int) -> Failure | None:
    size = path.stat().st_size
    if size > max_bytes:
        return Failure(
            str(path), f"file is {size:,} bytes, over the size limit of {max_bytes:,} bytes (--max-mb)"
        )
    if size == 0:
        return Failure(str(path), "empty file")
    return None


def _load_text(path: Path, max_bytes: int) -> tuple[str, dict[str, Any]] | Failure:
    bad = _too_big(path, max_bytes)
    if bad:
        return bad
    data = path.read_bytes()
    try:
        text, enc, note = _decode(data)
    except _NotText as exc:
        return Failure(str(path), str(exc))
    if not text.strip():
        return Failure(str(path), "empty file (only whitespace)")
    return text, _given_encoding({}, enc, note)


def _read_txt(path: Path, max_bytes: int) -> Iterator[Item]:
    yield _one_file(path, max_bytes, "txt")


def _read_html(path: Path, max_bytes: int) -> Iterator[Item]:
    yield _one_file(path, max_bytes, "html")


def _one_file(path: Path, max_bytes: int, kind: str) -> Item:
    """A whole file as one article (text or HTML), or the Failure that says why it is not."""
    got = _load_text(path, max_bytes)
    if isinstance(got, Failure):
        return got
    body, given = got
    if kind == "html":
        return RawArticle(source=str(path), kind=kind, html=body, given=given)
    return RawArticle(source=str(path), kind=kind, text=body, given=given)


def _jsonl_item(obj: Any, source: str) -> Item:
    if not isinstance(obj, dict):
        return Failure(source, f"jsonl line is a JSON {type(obj).__name__}, expected an object")
    given: dict[str, Any] = {}
    for key, target in _GIVEN_KEYS.items():
        value = obj.get(key)
        if isinstance(value, str) and value.strip() and target not in given:
            given[target] = value.strip()
        elif isinstance(value, list) and target == "byline" and value and target not in given:
            given[target] = ", ".join(str(v) for v in value)
    html, text = obj.get("html"), obj.get("text")
    if isinstance(html, str) and html.strip():
        return RawArticle(source=source, kind="jsonl", html=html, given=given)
    if isinstance(text, str) and text.strip():
        return RawArticle(source=source, kind="jsonl", text=text, given=given)
    return Failure(source, 'jsonl line has no non-empty "text" or "html" field')


def _jsonl_lines(stream: BinaryIO, name: str, max_bytes: int) -> Iterator[Item]:
    for n, line in enumerate(stream, start=1):
        source = f"{name}#L{n}"
        if len(line) > max_bytes:
            yield Failure(
                source,
                f"jsonl line is {len(line):,} bytes, over the size limit of {max_bytes:,} bytes (--max-mb)",
            )
            continue
        if not line.strip():
            continue
        try:
            text, enc, note = _decode(line)
            obj = json.loads(text)
        except _NotText as exc:
            yield Failure(source, f"jsonl line: {exc}")
            continue
        except json.JSONDecodeError as exc:
            yield Failure(
                source, f"malformed JSON on line {n}, column {exc.colno}: {exc.msg.removesuffix(' at')}"
            )
            continue
        item = _jsonl_item(obj, source)
        if isinstance(item, RawArticle):
            _given_encoding(item.given, enc, note)
        yield item


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[Item]:
    if path.stat().st_size == 0:
        yield Failure(str(path), "empty file")
        return
    opener = gzip.open if path.name.endswith(".gz") else open
    last = "the first line"
    with opener(path, "rb") as stream:
        try:
            for item in _jsonl_lines(stream, str(path), max_bytes):  # type: ignore[arg-type]
                last = "line " + item.source.rsplit("#L", 1)[-1]
                yield item
        except (OSError, EOFError, zlib.error) as exc:
            yield Failure(
                str(path), f"compressed jsonl is cut off or corrupt after {last}: {_short(exc, 200)}"
            )


def _read_warc(path: Path, max_bytes: int) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if path.stat().st_size == 0:
        yield Failure(str(path), "empty file")
        return
    found = n_records = 0
    end = 0  # where the last complete record ends
    size = path.stat().st_size
    with open(path, "rb") as stream:
        records = ArchiveIterator(stream)
        try:
            for record in records:
                if record.format != "warc":  # warcio falls back to the old ARC format on junk
                    yield Failure(str(path), "not a WARC file (no WARC/1.x record header)")
                    return
                is_html = record.rec_type in ("response", "resource") and "html" in _warc_ctype(record)
                data = record.content_stream().read(max_bytes + 1) if is_html else b""
                # get_record_offset() reads the record to its end: only after the payload was read
                offset = records.get_record_offset()
                # bytes still owed by the record's Content-Length: the file ends inside this record
                if (
                    getattr(record.raw_stream, "limit", 0) > 0
                    or record.rec_type is None
                    or record.length is None
                ):
                    yield Failure(
                        f"{path}#{offset}",
                        f"truncated WARC: the file ends inside the record at offset {offset} "
                        f"(read {found} HTML record(s) before it)",
                    )
                    return
                end = offset + records.get_record_length()
                n_records += 1
                if not is_html:
                    continue
                source = f"{path}#{offset}"
                found += 1
                if len(data) > max_bytes:
                    yield Failure(
                        source, f"WARC record over the size limit of {max_bytes:,} bytes (--max-mb)"
                    )
                    continue
                if not data.strip():
                    yield Failure(source, "WARC record has an empty HTML payload")
                    continue
                try:
                    html, enc, note = _decode(data)
                except _NotText as exc:
                    yield Failure(source, f"WARC record payload: {exc}")
                    continue
                given: dict[str, Any] = {}
                uri = record.rec_headers.get_header("WARC-Target-URI")
                if uri:
                    given["url"] = uri
                warc_date = record.rec_headers.get_header("WARC-Date")
                if warc_date:  # crawl time, not publication: clean uses it only as a last resort
                    given["warc_date"] = warc_date
                yield RawArticle(
                    source=source, kind="warc", html=html, given=_given_encoding(given, enc, note)
                )
        except (
            ArchiveLoadFailed,
            EOFError,
            OSError,
            zlib.error,
            ValueError,
            AttributeError,
            TypeError,
        ) as exc:
            # warcio raises assorted errors (even AttributeError) on a record cut in its headers
            yield Failure(
                f"{path}#{end}",
                f"truncated or corrupt WARC after offset {end} (read {found} HTML record(s) before it): "
                f"{type(exc).__name__}: {_short(exc)}",
            )
            return
    if n_records == 0:
        yield Failure(str(path), "not a WARC file, or truncated before its first complete record")
    elif size - end > 4:  # more than the closing CRLF CRLF left over: a record cut before its payload
        yield Failure(
            f"{path}#{end}",
            f"truncated WARC: {size - end:,} unreadable byte(s) after the last complete record "
            f"at offset {end} (read {found} HTML record(s))",
        )
    elif found == 0:
        yield Failure(str(path), f"WARC has {n_records} record(s) but no HTML response or resource to read")


def _short(exc: BaseException, limit: int = 120) -> str:
    """An exception's message on one printable line: warcio quotes the raw bytes it could not parse."""
    text = str(exc).split("\n", 1)[0]
    cut = text.find(", first line:")
    if cut > 0:
        text = text[:cut]
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _warc_ctype(record: Any) -> str:
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    return (headers.get_header("Content-Type") or "").lower()


def _feed_items(data: bytes, source: str, outlet_default: str | None = None) -> Iterator[Item]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        reason = "not an RSS/Atom feed (no <rss>, <feed> or RDF root)"
        if parsed.get("bozo") and parsed.get("bozo_exception") is not None:
            reason += f"; parser said: {parsed.bozo_exception}"
        yield Failure(source, reason)
        return
    outlet = (parsed.feed.get("title") or "").strip() or outlet_default
    if not parsed.entries:
        yield Failure(source, "feed has no items")
        return
    for i, entry in enumerate(parsed.entries):
        item_source = f"{source}#item{i}"
        body = None
        for content in entry.get("content") or []:
            if (content.get("value") or "").strip():
                body = content["value"]
                break
        if body is None and (entry.get("summary") or "").strip():
            body = entry["summary"]
        if body is None:
            yield Failure(item_source, "feed item has no content or summary")
            continue
        given: dict[str, Any] = {}
        if entry.get("link"):
            given["url"] = entry["link"]
        if (entry.get("title") or "").strip():
            given["title"] = entry["title"].strip()
        if outlet:
            given["outlet"] = outlet
        if (entry.get("author") or "").strip():
            given["byline"] = entry["author"].strip()
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            given["published"] = time.strftime("%Y-%m-%d", stamp)
        elif entry.get("published") or entry.get("updated"):
            given["published"] = entry.get("published") or entry.get("updated")
        if _MARKUP.search(body):
            yield RawArticle(source=item_source, kind="rss", html=body, given=given)
        else:
            yield RawArticle(source=item_source, kind="rss", text=body, given=given)


def _is_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    if head.startswith(b"<?xml"):
        end = head.find(b"?>")
        head = head[end + 2 :].lstrip() if end >= 0 else head
    while head.startswith(b"<!--") or head.startswith(b"<?"):
        end = head.find(b">")
        head = head[end + 1 :].lstrip()
    return head.startswith(_FEED_ROOTS)


def _read_feed(path: Path, max_bytes: int) -> Iterator[Item]:
    bad = _too_big(path, max_bytes)
    if bad:
        yield bad
        return
    data = path.read_bytes()
    if not _is_feed(data):
        yield Failure(str(path), "not an RSS/Atom feed (no <rss>, <feed> or RDF root element)")
        return
    yield from _feed_items(data, str(path))


def _read_by_content(path: Path, max_bytes: int) -> Iterator[Item]:
    """Files with an unknown extension given explicitly: sniff the content."""
    bad = _too_big(path, max_bytes)
    if bad:
        yield bad
        return
    yield from _sniffed(path.read_bytes(), str(path), "txt")


_READERS: dict[str, _Reader] = {
    ".txt": _read_txt,
    ".text": _read_txt,
    ".html": _read_html,
    ".htm": _read_html,
    ".xhtml": _read_html,
    ".jsonl": _read_jsonl,
    ".jsonl.gz": _read_jsonl,
    ".ndjson": _read_jsonl,
    ".warc": _read_warc,
    ".warc.gz": _read_warc,
    ".rss": _read_feed,
    ".atom": _read_feed,
    ".xml": _read_feed,
}


def _reader_for(path: Path) -> _Reader | None:
    name = path.name.lower()
    # longest suffix first so ".warc.gz" wins over ".gz"
    for ext in sorted(_READERS, key=len, reverse=True):
        if name.endswith(ext):
            return _READERS[ext]
    return None


# --------------------------------------------------------------------------- stdin and URLs


def _looks_html(text: str) -> bool:
    head = text[:4096].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or any(
        tag in head for tag in ("<html", "<body", "<head>", "<p>", "<div", "<article")
    )


def _sniffed(data: bytes, source: str, kind: str) -> Iterator[Item]:
    if not data.strip():
        yield Failure(source, "empty input")
        return
    if _is_feed(data):
        yield from _feed_items(data, source)
        return
    first = data.lstrip()[:1]
    if first == b"{":
        first_line = data.lstrip().split(b"\n", 1)[0]
        try:
            if isinstance(json.loads(first_line), dict):
                yield from _jsonl_lines(io.BytesIO(data), source, len(data) + 1)
                return
        except (json.JSONDecodeError, UnicodeDecodeError):
            pass
    try:
        text, enc, note = _decode(data)
    except _NotText as exc:
        yield Failure(source, str(exc))
        return
    if not text.strip():
        yield Failure(source, "empty input (only whitespace)")
        return
    given = _given_encoding({}, enc, note)
    if _looks_html(text):
        yield RawArticle(source=source, kind=kind if kind != "txt" else "html", html=text, given=given)
    else:
        yield RawArticle(source=source, kind=kind, text=text, given=given)


def _read_stdin(max_bytes: int) -> Iterator[Item]:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Failure("-", f"standard input is over the size limit of {max_bytes:,} bytes (--max-mb)")
        return
    yield from _sniffed(data, "-", "stdin")


def _read_url(url: str, max_bytes: int, timeout: float) -> Iterator[Item]:
    import httpx

    chunks: list[bytes] = []
    size = 0
    try:
        with httpx.Client(timeout=timeout, follow_redirects=True) as client:
            with client.stream(
                "GET", url, headers={"User-Agent": "dateline/0.1 (+news event extraction)"}
            ) as resp:
                if resp.status_code >= 400:
                    yield Failure(url, f"HTTP {resp.status_code} {resp.reason_phrase}")
                    return
                declared = resp.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > max_bytes:
                    yield Failure(
                        url,
                        f"response is {int(declared):,} bytes, over the size limit of {max_bytes:,} bytes (--max-mb)",
                    )
                    return
                deadline = time.monotonic() + timeout * 3
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        yield Failure(
                            url,
                            f"response over the size limit of {max_bytes:,} bytes (--max-mb) (download stopped)",
                        )
                        return
                    if time.monotonic() > deadline:
                        yield Failure(url, f"download took longer than {timeout * 3:.0f} s (stopped)")
                        return
                    chunks.append(chunk)
                ctype = resp.headers.get("Content-Type", "").lower()
                final_url = str(resp.url)
                charset = resp.charset_encoding
    except httpx.TimeoutException:
        yield Failure(url, f"timed out after {timeout:g} s")
        return
    except httpx.ConnectError as exc:
        yield Failure(
            url,
            f"fetch failed: could not connect (offline, no such host, or nothing listening?): {_short(exc, 200)}",
        )
        return
    except httpx.HTTPError as exc:
        yield Failure(url, f"fetch failed: {type(exc).__name__}: {exc}")
        return
    data = b"".join(chunks)
    if not data.strip():
        yield Failure(url, "empty response")
        return
    if ctype and not any(t in ctype for t in ("html", "xml", "text", "rss", "atom", "json")):
        yield Failure(url, f"unsupported content type {ctype.split(';')[0]!r} (want HTML, text or a feed)")
        return
    if "rss" in ctype or "atom" in ctype or ("xml" in ctype and _is_feed(data)):
        yield from _feed_items(data, url)
        return
    if charset:
        try:
            text = data.decode(charset)
            enc: str | None = None if charset.lower().replace("-", "") == "utf8" else charset
            note = None
        except (UnicodeDecodeError, LookupError):
            text = ""
    else:
        text = ""
    if not text:
        try:
            text, enc, note = _decode(data)
        except _NotText as exc:
            yield Failure(url, str(exc))
            return
    given = _given_encoding({"url": final_url}, enc, note)
    if "html" in ctype or (not ctype.startswith("text/plain") and _looks_html(text)):
        yield RawArticle(source=url, kind="url", html=text, given=given)
    else:
        yield RawArticle(source=url, kind="url", text=text, given=given)


# --------------------------------------------------------------------------- walking


_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")


def _walk(folder: Path) -> Iterator[Path]:
    """Files under `folder`, sorted, skipping hidden files and folders; symlinked folders are not followed."""
    entries = sorted(os.scandir(folder), key=lambda e: e.name)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        else:
            yield Path(
                entry.path
            )  # (a broken link, a pipe or a device too: `read` reports it, nothing is dropped)


def _read_path(path: Path, max_bytes: int, explicit: bool) -> Iterator[Item]:
    reader = _reader_for(path)
    if reader is None:
        if not explicit:
            return  # folder walks skip files of unknown kinds
        reader = _read_by_content
    try:
        yield from reader(path, max_bytes)
    except PermissionError:
        yield Failure(str(path), "permission denied")
    except OSError as exc:
        yield Failure(str(path), f"could not read: {exc.strerror or exc}")
    except Exception as exc:  # a reader bug or a library error must not stop the whole ingest
        yield Failure(str(path), f"could not read: {type(exc).__name__}: {_short(exc, 300)}")


def read(
    inputs: Iterable[str],
    max_bytes: int = 20_000_000,
    fetch_timeout: float = 20.0,
    on_skip: Callable[[Path], None] | None = None,
) -> Iterator[RawArticle | Failure]:
    """Read articles from paths (files or folders, recursively), http(s) URLs or "-" (stdin).

    Yields one `RawArticle` per article found and one `Failure` per input (or record, line, feed item)
    that could not be read; it never raises for bad input. Files of other kinds met in a folder walk are
    skipped and passed to `on_skip`; a folder with no article file of a known kind is a Failure.
    """
    for inp in inputs:
        if inp == "-":
            try:
                yield from _read_stdin(max_bytes)
            except Exception as exc:
                yield Failure("-", f"could not read standard input: {exc}")
            continue
        if inp.lower().startswith(("http://", "https://")):
            try:
                yield from _read_url(inp, max_bytes, fetch_timeout)
            except Exception as exc:
                yield Failure(inp, f"fetch failed: {type(exc).__name__}: {exc}")
            continue
        scheme = _SCHEME.match(inp)
        if scheme:
            yield Failure(
                inp, f"unsupported URL scheme {scheme.group(1)!r}: give a file, a folder, an http(s) URL or -"
            )
            continue
        path = Path(inp)
        try:
            if path.is_dir():
                files = []
                for f in _walk(path):
                    if f.is_file():
                        files.append(f)
                    else:
                        yield Failure(
                            str(f), "not a regular file (a broken link, a pipe or a device): not read"
                        )
                known = [f for f in files if _reader_for(f) is not None]
                if not known:
                    kinds = ", ".join(sorted(_READERS))
                    what = f": only {len(files)} file(s) of other kinds (known: {kinds})" if files else ""
                    yield Failure(inp, f"folder has no readable article files{what}")
                if on_skip is not None:
                    for file in files:
                        if _reader_for(file) is None:
                            on_skip(file)
                for file in known:
                    yield from _read_path(file, max_bytes, explicit=False)
            elif path.exists():
                yield from _read_path(path, max_bytes, explicit=True)
            else:
                yield Failure(inp, "no such file or directory")
        except PermissionError:
            yield Failure(inp, "permission denied")
        except OSError as exc:
            yield Failure(inp, f"could not read: {exc.strerror or exc}")
