"""QA pass over the CLI and the ingest path: bad and odd input gives one clear line naming the input and the
reason, a non-zero exit when nothing was done, the good inputs of a mixed batch kept, failures recorded, no
traceback; an interrupted ingest resumes without losing anything."""

from __future__ import annotations

import gzip
import json
import sqlite3

import click
import pytest
from click.testing import CliRunner

from dateline import pipeline
from dateline.cli import main
from dateline.link.cli import check_country, check_date, check_event_type
from dateline.model import Document
from dateline.read import read
from dateline.store import Store

GOOD = [
    {
        "title": "Dutch engineers reach Erbil",
        "text": "A team of 60 Dutch army engineers arrived in Erbil on Monday, the Dutch defence ministry said. "
        "They will repair a runway, officials added.",
        "published": "2021-03-01",
    },
    {
        "title": "Protest in Basra over power cuts",
        "text": "Hundreds of people protested in Basra on Sunday over power cuts, local police said. "
        "The governor promised new generators.",
        "published": "2021-03-02",
    },
    {
        "title": "Danish frigate leaves Gulf",
        "text": "Denmark withdrew its frigate from the Gulf on Friday, the Danish navy said in a statement. "
        "The ship returns to Copenhagen next month.",
        "published": "2021-03-05",
    },
]


def _invoke(*args: str, input: str | bytes | None = None):
    result = CliRunner().invoke(main, list(args), input=input)
    result.flat = " ".join(result.output.split())  # rich wraps long lines at 80 columns
    return result


def _no_traceback(result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


def _jsonl(path, rows, bad_line: str | None = None) -> None:
    lines = [json.dumps(r) for r in rows]
    if bad_line is not None:
        lines.insert(1, bad_line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------- nothing done: exit 1, reason named


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("picture.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("junk.warc.gz", gzip.compress(b"\x00\xff" * 300)[:120] + b"\xff" * 200, "WARC"),
    ],
)
def test_an_input_that_cannot_be_read_fails_the_run_with_its_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    res = _invoke("ingest", str(path), "--db", str(tmp_path / "d.db"), "--quiet")
    _no_traceback(res)
    assert res.exit_code == 1
    assert reason in res.flat and "1 failed" in res.flat
    (row,) = Store(tmp_path / "d.db", readonly=True).failures()
    assert row["source"].startswith(str(path)) and reason in row["reason"] and row["reason"].isprintable()


def test_missing_path_and_empty_stdin_exit_non_zero(tmp_path):
    db = str(tmp_path / "d.db")
    res = _invoke("ingest", str(tmp_path / "nope.txt"), "--db", db, "--quiet")
    assert res.exit_code == 1 and "no such file or directory" in res.flat
    res = _invoke("ingest", "-", "--db", db, "--quiet", input=b"")
    assert res.exit_code == 1 and "empty input" in res.flat
    _no_traceback(res)


def test_corrupt_warc_reason_is_short_and_printable(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(1, 255)) * 4)
    (failure,) = list(read([str(path)]))
    assert "WARC" in failure.reason and failure.reason.isprintable() and len(failure.reason) < 260


def test_malformed_jsonl_line_reason_names_line_and_column(tmp_path):
    path = tmp_path / "feed.jsonl"
    _jsonl(path, GOOD[:2], bad_line='{"title": "cut", "text": "a tab\there"}')
    items = list(read([str(path)]))
    bad = [i for i in items if not hasattr(i, "kind")]
    assert len(items) == 3 and [b.source for b in bad] == [f"{path}#L2"]
    assert "line 2, column" in bad[0].reason and " at at " not in bad[0].reason
    assert not bad[0].reason.endswith(" at")


# ---------------------------------------------------------------------- options checked before any work


@pytest.mark.parametrize(
    "args",
    [
        ["events", "--since", "notadate"],
        ["events", "--until", "2020-13-45"],
        ["events", "--type", "NOTATYPE"],
        ["events", "--country", "XX"],
        ["events", "--factuality", "maybe"],
        ["timeline", "--since", "last week"],
        ["troops", "--country", "XX"],
        ["export", "--format", "nope"],
        ["ingest", "x.txt", "--workers", "0"],
        ["ingest", "x.txt", "--max-mb", "-1"],
        ["docs", "--limit", "-1"],
    ],
)
def test_wrong_option_values_are_usage_errors(tmp_path, args):
    res = _invoke(*args, "--db", str(tmp_path / "none.db"))
    _no_traceback(res)
    assert res.exit_code == 2 and "Invalid value" in res.flat
    assert not (tmp_path / "none.db").exists()  # nothing was done


def test_option_checks_normalise_what_they_accept():
    assert check_country(None, None, "gb") == "GBR" and check_country(None, None, "usa") == "USA"
    assert check_country(None, None, "IGO") == "IGO"  # non-state codes stored by the actor coder
    assert check_event_type(None, None, "mobilize") == "MOBILIZE"
    assert (
        check_date(None, None, "2020-02-29") == "2020-02-29"
        and check_date(None, None, "2020-01") == "2020-01"
    )
    for bad in ("2021-02-29", "20200105", "yesterday"):
        with pytest.raises(click.BadParameter):
            check_date(None, None, bad)


def test_export_to_a_missing_folder_says_so_before_writing(tmp_path):
    db = tmp_path / "d.db"
    Store(db).close()
    target = tmp_path / "no" / "such" / "events.csv"
    res = _invoke("export", "--what", "events", "--format", "csv", "-o", str(target), "--db", str(db))
    _no_traceback(res)
    assert res.exit_code == 2 and "does not exist" in res.flat and str(target.parent) in res.flat
    res = _invoke("timeline", "-o", str(target), "--db", str(db))
    assert res.exit_code == 2 and "does not exist" in res.flat


# ---------------------------------------------------------------------- databases that cannot be used


def test_unusable_database_paths_are_one_line_errors(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(GOOD[0]["text"], encoding="utf-8")
    not_db = tmp_path / "notes.txt"
    not_db.write_text("just some notes, not SQLite\n" * 20, encoding="utf-8")
    cases = [
        (["ingest", str(article), "--db", str(article / "d.db")], "cannot create the database"),
        (["ingest", str(article), "--db", str(not_db)], "not a Dateline database"),
        (["docs", "--db", str(not_db)], "not a Dateline database"),
        (["docs", "--db", str(tmp_path)], "is a folder"),
        (["events", "--db", str(tmp_path / "none.db")], "dateline ingest"),
        (["link", "--db", str(tmp_path / "none.db")], "dateline ingest"),
    ]
    for args, message in cases:
        res = _invoke(*args, "--quiet") if args[0] == "ingest" else _invoke(*args)
        _no_traceback(res)
        assert res.exit_code == 1 and message in res.flat, (args, res.output)
    assert not_db.read_text(encoding="utf-8").startswith("just some notes")
    assert not (tmp_path / "none.db").exists()


def test_bad_ids_and_unknown_story_are_clear(tmp_path):
    db = str(tmp_path / "d.db")
    Store(db).close()
    for args, message in [
        (["explain", "nosuchid"], "no merged event"),
        (["show", "nosuchid"], "no document"),
        (["quotes", "--doc", "nosuchid"], "no document"),
        (["timeline", "--story", "nosuch"], "no story"),
        (["timeline", "--summary", "--story", "nosuch"], "no story"),
        (["brief", "--story", "nosuch"], "no story"),
    ]:
        res = _invoke(*args, "--db", db)
        _no_traceback(res)
        assert res.exit_code == 1 and message in res.flat, (args, res.output)


def test_unexpected_database_error_is_one_line_not_a_traceback(tmp_path, monkeypatch):
    db = str(tmp_path / "d.db")
    Store(db).close()

    def broken(self):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Store, "failures", broken)
    res = _invoke("failures", "--db", db)
    _no_traceback(res)
    assert res.exit_code == 1 and "database error: disk I/O error" in res.flat


# ---------------------------------------------------------------------- the pipeline loses nothing


def test_text_too_long_for_the_nlp_stage_is_a_recorded_failure(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "NLP_MAX_CHARS", 120)
    long_one = tmp_path / "long.txt"
    long_one.write_text("Soldiers moved to the base near Mosul, officials said. " * 10, encoding="utf-8")
    store = Store(tmp_path / "d.db")
    summary = pipeline.ingest([str(long_one)], store, components=(), link=False)
    assert summary.ingested == 0 and len(summary.failed) == 1
    assert "over the 120" in summary.failed[0].reason
    assert [r["source"] for r in store.failures()] == [str(long_one)]


def test_nlp_failure_on_one_document_keeps_the_rest_of_the_batch(monkeypatch):
    import dateline.nlp

    def fragile(docs, batch_size: int = 32):
        for d in docs:
            if "POISON" in d.text:
                raise ValueError("parser refused the text")
            d.sentences = []
            yield d

    monkeypatch.setattr(dateline.nlp, "annotate", fragile)
    docs = [Document(id=str(i), text=t) for i, t in enumerate(["one.", "POISON two.", "three."])]
    out = pipeline.process(docs, components=())
    assert [d.id for d in out] == ["0", "1", "2"]
    assert [d.status for d in out] == ["processed", "failed", "processed"]
    assert "parser refused" in out[1].extra["errors"][0]


def test_mixed_batch_keeps_good_inputs_and_lists_failures(tmp_path):
    feed = tmp_path / "feed.jsonl"
    _jsonl(feed, GOOD[:2], bad_line='{"title": "cut off", "text": ')
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    db = str(tmp_path / "d.db")
    res = _invoke("ingest", str(feed), str(empty), str(tmp_path / "missing.html"), "--db", db, "--quiet")
    _no_traceback(res)
    assert res.exit_code == 0 and "2 ingested" in res.flat and "3 failed" in res.flat
    listed = [json.loads(x) for x in _invoke("failures", "--db", db, "--json").stdout.splitlines()]
    assert {r["source"] for r in listed} == {f"{feed}#L2", str(empty), str(tmp_path / "missing.html")}
    assert all(r["reason"] for r in listed)
    assert "3 input(s) failed" in _invoke("docs", "--db", db).flat
    strict = _invoke("ingest", str(feed), str(empty), "--db", db, "--quiet", "--strict")
    assert strict.exit_code == 1 and "2 unchanged" in strict.flat


def test_interrupted_ingest_resumes_and_links_everything(tmp_path, monkeypatch):
    feed = tmp_path / "feed.jsonl"
    _jsonl(feed, GOOD)
    db = str(tmp_path / "d.db")
    real_add = Store.add
    calls = {"n": 0}

    def add_then_interrupt(self, doc, source, raw_hash, signature=None):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        real_add(self, doc, source, raw_hash, signature)

    monkeypatch.setattr(Store, "add", add_then_interrupt)
    res = _invoke("ingest", str(feed), "--db", db, "--quiet")
    assert res.exit_code == 130 and "run the same command again to resume" in res.flat
    monkeypatch.setattr(Store, "add", real_add)
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1  # no half-written document

    res = _invoke("ingest", str(feed), "--db", db, "--quiet")
    _no_traceback(res)
    assert res.exit_code == 0 and "2 ingested" in res.flat and "1 unchanged" in res.flat
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
    assert con.execute("SELECT count(*) FROM sources WHERE status='processed'").fetchone()[0] == 3
    # the first run stopped before linking: its document's events were linked by the second run
    unlinked = (
        "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_links l WHERE l.event_id=e.id)"
    )
    assert con.execute(unlinked).fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM story_docs").fetchone()[0] == 3


def test_no_link_then_plain_ingest_links(tmp_path):
    feed = tmp_path / "feed.jsonl"
    _jsonl(feed, GOOD[:1])
    db = str(tmp_path / "d.db")
    assert _invoke("ingest", str(feed), "--db", db, "--quiet", "--no-link").exit_code == 0
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM story_docs").fetchone()[0] == 0
    res = _invoke("ingest", str(feed), "--db", db, "--quiet")
    assert res.exit_code == 0 and "1 unchanged" in res.flat and "linked:" in res.flat
    assert con.execute("SELECT count(*) FROM story_docs").fetchone()[0] == 1


# ---------------------------------------------------------------------- help reads like documentation


def test_every_command_has_a_whole_one_line_summary_and_help():
    ctx = click.Context(main)
    for name in main.list_commands(ctx):
        cmd = main.get_command(ctx, name)
        summary = cmd.get_short_help_str(limit=60)
        assert summary and not summary.endswith("..."), (name, summary)
        res = _invoke(name, "--help")
        assert res.exit_code == 0 and "Usage: " in res.flat
        for param in cmd.params:
            if isinstance(param, click.Option):
                assert param.help, (name, param.name)


def test_latin1_input_is_read_and_its_encoding_shown(tmp_path):
    path = tmp_path / "paris.txt"
    text = "Le ministre a déclaré à Genève que 40 soldats français quitteraient Bagdad mardi, a dit un porte-parole."
    path.write_bytes(text.encode("latin-1"))
    db = str(tmp_path / "d.db")
    assert _invoke("ingest", str(path), "--db", db, "--quiet", "--no-link").exit_code == 0
    (row,) = [json.loads(x) for x in _invoke("export", "--db", db).stdout.splitlines()]
    assert "déclaré à Genève" in row["text"]
    shown = _invoke("show", row["id"], "--db", db)
    assert "encoding" in shown.flat and "not UTF-8" in shown.flat


def test_same_file_twice_gives_one_document_and_keeps_its_source(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GOOD[2]["text"], encoding="utf-8")
    db = str(tmp_path / "d.db")
    res = _invoke("ingest", str(path), str(path), "--db", db, "--quiet", "--no-link")
    assert res.exit_code == 0 and "1 ingested" in res.flat
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert con.execute("SELECT status FROM sources WHERE source=?", (str(path),)).fetchone()[0] == "processed"


def test_folder_walk_reports_skipped_kinds_and_a_folder_without_articles_fails(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "notes.md").write_text("# notes\n", encoding="utf-8")
    skipped: list[str] = []
    items = list(read([str(folder)], on_skip=lambda p: skipped.append(p.name)))
    assert sorted(skipped) == ["notes.md", "photo.png"]
    assert len(items) == 1 and "only 2 file(s) of other kinds" in items[0].reason
    res = _invoke("ingest", str(folder), "--db", str(tmp_path / "d.db"), "--quiet")
    _no_traceback(res)
    assert res.exit_code == 1 and "skipped 2 file(s) of other kinds" in res.flat and "1 .png" in res.flat
    (tmp_path / "empty_dir").mkdir()
    (failure,) = list(read([str(tmp_path / "empty_dir")]))
    assert "no readable article files" in failure.reason


def test_database_in_a_read_only_folder_can_still_be_read(tmp_path):
    import os
    import shutil
    import subprocess

    folder = tmp_path / "archive"
    folder.mkdir()
    db = folder / "d.db"
    store = Store(db)  # a WAL database, as ingest leaves it
    store.record_source("x.txt", None, "failed", reason="empty file")
    store.close()
    for extra in ("d.db-wal", "d.db-shm"):
        (folder / extra).unlink(missing_ok=True)
    if os.geteuid() != 0:
        folder.chmod(0o555)
        undo = ["chmod", "755", str(folder)]
    elif (
        shutil.which("chattr")
        and subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
    ):
        undo = ["chattr", "-i", str(folder)]
    else:
        pytest.skip("cannot make a folder read-only here")
    try:
        assert not os.access(folder, os.W_OK) or os.geteuid() == 0
        res = _invoke("failures", "--db", str(db), "--json")
        _no_traceback(res)
        assert res.exit_code == 0 and json.loads(res.stdout)["reason"] == "empty file"
        res = _invoke("ingest", str(db), "--db", str(db), "--quiet")
        assert res.exit_code == 1 and "cannot write the database" in res.flat
    finally:
        subprocess.run(undo, check=True)


def test_cut_off_jsonl_gz_keeps_the_lines_before_the_cut_and_says_where(tmp_path):
    rows = [
        json.dumps({"title": f"Unit {i}", "text": f"Unit {i} reached Mosul on Monday."}) for i in range(400)
    ]
    data = gzip.compress(("\n".join(rows) + "\n").encode())
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(read([str(path)]))
    *articles, last = items
    assert articles and all(a.kind == "jsonl" for a in articles)
    assert f"after line {len(articles)}" in last.reason and last.source == str(path)


def test_export_api_names_the_file_it_cannot_write(tmp_path):
    from dateline.export import ExportError, export

    store = Store(tmp_path / "d.db")
    target = tmp_path / "missing" / "events.jsonl"
    with pytest.raises(ExportError, match="cannot write .*events.jsonl"):
        export(store, "events", "jsonl", str(target))


def test_warc_without_html_records_is_a_failure_not_silence(tmp_path):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "pdfs.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "application/pdf")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            "http://example.org/report.pdf",
            "response",
            payload=io.BytesIO(b"%PDF-1.4 ..."),
            http_headers=headers,
        )
        writer.write_record(record)
    (failure,) = list(read([str(path)]))
    assert "no HTML" in failure.reason and failure.source == str(path)
