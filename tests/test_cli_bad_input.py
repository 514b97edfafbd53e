"""The command line as a careless or hostile user runs it: bad files, bad options, bad databases, interruptions.

The rule under test: a bad input gets one clear line naming the problem and a non-zero exit code (2 for a usage
error, 1 for a failure), never a Python traceback; the good inputs of the same run are still processed and
counted; and nothing already stored is lost or half-written.
"""

from __future__ import annotations

import errno
import gzip
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result

from dateline.cli import main
from dateline.model import Document
from dateline.store import Store

# articles written for these tests
ARMY = (
    "Engineers from the 9th Field Regiment reached the port of Tartus on Thursday, the defence ministry said.\n\n"
    "About 120 soldiers will stay for three months to repair the harbour cranes, a spokesman told reporters.\n"
)
PROTEST = (
    "Several thousand nurses marched through central Lisbon on Saturday to demand higher pay, union leaders "
    "said.\n\nPolice said the march was peaceful and that nobody was detained.\n"
)
TALKS = (
    "The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss a shared fishing zone, both "
    "governments said in a joint statement.\n"
)
ACCENTS = "Le préfet a annoncé que 40 gendarmes étaient arrivés à Nouméa mercredi, selon un communiqué.\n"


def _warc_record(uri: str, html: str) -> bytes:
    body = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{html}".encode()
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2021-03-04T00:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{abs(hash(uri))}>\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    return head + body + b"\r\n\r\n"


@pytest.fixture(autouse=True, scope="module")
def _wide_console(wide_console: None) -> None:
    """Every test here matches CLI messages on one line (see conftest.py)."""


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _no_traceback(res: Result) -> None:
    """A user error ends in SystemExit (click's own message), never in another exception."""
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert "Traceback" not in res.output


def _ids(db: str) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(r[0] for r in conn.execute("SELECT id FROM documents"))


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> tuple[Path, str, Result]:
    """One folder of good and bad inputs, ingested once."""
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "army.txt").write_text(ARMY, encoding="utf-8")
    (folder / "army_copy.txt").write_text(ARMY, encoding="utf-8")  # an exact duplicate
    (folder / "accents.txt").write_bytes(ACCENTS.encode("latin-1"))
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbf" + TALKS.encode("utf-8"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("  \n\n \n")
    (folder / "garbage.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "picture.png").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00"
    )  # not an article kind: skipped, counted
    (folder / "notwarc.warc.gz").write_bytes(gzip.compress(b"just some gzipped words\n" * 20))
    whole = gzip.compress(_warc_record("http://example.org/a", f"<html><body><p>{PROTEST}</p></body></html>"))
    (folder / "cut.warc.gz").write_bytes(whole[: len(whole) // 2])
    lines = [json.dumps({"text": PROTEST, "title": "Nurses march"}), '{"text": "no closing brace', "[1, 2]"]
    (folder / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = str(tmp_path_factory.mktemp("store") / "store.db")
    res = _invoke("ingest", str(folder), "--db", db, "--quiet")
    return folder, db, res


def test_good_inputs_are_stored_and_every_bad_one_is_named(batch):
    folder, db, res = batch
    _no_traceback(res)
    assert res.exit_code == 0, res.output  # some inputs were good
    assert "4 ingested" in res.output and "1 duplicates" in res.output and "7 failed" in res.output
    for name, why in [("empty.txt", "empty"), ("blank.txt", "empty"), ("garbage.txt", "binary"),
                      ("notwarc.warc.gz", "WARC"), ("cut.warc.gz", "truncated"),
                      ("mixed.jsonl#L2", "JSON"), ("mixed.jsonl#L3", "object")]:  # fmt: skip
        line = next((x for x in res.output.splitlines() if name in x), "")
        assert "failed" in line and why in res.output.split(name, 1)[1][:200], (name, res.output)
    assert "skipped 1 file(s)" in res.output and ".png" in res.output
    listed = [json.loads(x) for x in _invoke("failures", "--json", "--db", db).stdout.splitlines()]
    assert len(listed) == 7 and all(r["reason"] for r in listed)


def test_other_encodings_are_read_as_text(batch):
    _, db, _ = batch
    texts = [
        json.loads(x)["text"]
        for x in _invoke("export", "--what", "documents", "--db", db).stdout.splitlines()
    ]
    assert any("préfet" in t and "Nouméa" in t for t in texts)
    assert not any("\ufeff" in t or "ï»¿" in t for t in texts)


def test_running_the_same_ingest_again_adds_nothing(batch):
    folder, db, _ = batch
    before = _ids(db)
    res = _invoke("ingest", str(folder), "--db", db, "--quiet")
    _no_traceback(res)
    assert "0 ingested" in res.output and "5 unchanged" in res.output
    assert _ids(db) == before  # same ids, no duplicate rows


@pytest.mark.parametrize(
    "args, says",
    [
        (["events", "--type", "PARADE"], "not a PLOVER event type"),
        (["events", "--since", "yesterday"], "not a date"),
        (["events", "--since", "2024-13-45"], "not a date"),
        (["events", "--until", "2023-02-29"], "not a date"),
        (["events", "--country", "Narnia"], "not a country code"),
        (["events", "--factuality", "rumoured"], "rumoured"),
        (["export", "--format", "xml"], "xml"),
        (["export", "--what", "tweets"], "tweets"),
        (["export", "--what", "documents", "--format", "plover"], "--what events"),
        (["export", "--what", "quotes", "--format", "geojson"], "events and places"),
        (["export", "-o", "/no/such/folder/out.jsonl"], "does not exist"),
        (["eval", "nosuchsuite"], "unknown suite"),
        (["eval", "events", "--split", "train"], "train"),
        (["ingest", "--workers", "0", "x.txt"], "--workers"),
        (["ingest", "--max-mb", "-3", "x.txt"], "--max-mb"),
        (["ingest", "--skip", "everything", "x.txt"], "--skip"),
        (["ingest"], "PATHS"),
        (["serve", "--port", "70000"], "--port"),
        (["events", "--actor", "***"], "no letters or digits"),
        (["export", "-o", ""], "empty file name"),
        (["search", "  "], "empty query"),
    ],
)
def test_bad_option_values_are_usage_errors(args, says, tmp_path):
    res = _invoke(*args, "--db", str(tmp_path / "never.db")) if args[0] != "eval" else _invoke(*args)
    _no_traceback(res)
    assert res.exit_code == 2, res.output
    assert says in res.output
    assert not (tmp_path / "never.db").exists()  # rejected before any work


def test_exit_1_when_every_input_failed_or_any_with_strict(batch, tmp_path):
    folder, _, _ = batch
    db = str(tmp_path / "s.db")
    res = _invoke("ingest", str(folder / "empty.txt"), str(tmp_path / "missing.txt"), "--db", db, "--quiet")
    _no_traceback(res)
    assert res.exit_code == 1 and "missing.txt" in res.output and "no such file" in res.output
    res = _invoke(
        "ingest", str(folder / "army.txt"), str(folder / "blank.txt"), "--db", db, "--quiet", "--strict"
    )
    assert res.exit_code == 1 and "1 ingested" in res.output and "1 failed" in res.output


def _foreign_db(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (n INTEGER)")
        conn.execute("INSERT INTO invoices VALUES (7)")


@pytest.mark.parametrize(
    "command, make, says",
    [
        ("docs", None, "run `dateline ingest` first"),
        ("docs", lambda p: p.write_bytes(b""), "not a Dateline database"),
        ("events", lambda p: p.write_text("hello, I am a text file"), "not a Dateline database"),
        ("export", _foreign_db, "not a Dateline database"),
        ("ingest", _foreign_db, "another program"),
        ("ingest", lambda p: p.mkdir(), "is a folder"),
        ("ingest", "nofolder", "does not exist"),
        ("timeline", lambda p: p.write_bytes(b""), "not a Dateline database"),
        ("serve", "nofolder", "does not exist"),
        ("ingest", "empty", "--db is empty"),  # SQLite would write to a throw-away temporary database
        ("docs", "empty", "--db is empty"),
    ],
)
def test_bad_database_paths_are_one_clear_line(command, make, says, tmp_path, batch):
    folder, _, _ = batch
    db = tmp_path / "x.db"
    if make == "nofolder":
        db = tmp_path / "no" / "such" / "x.db"
    elif callable(make):
        make(db)
    extra = [str(folder / "army.txt"), "--quiet"] if command == "ingest" else []
    res = _invoke(command, *extra, "--db", "" if make == "empty" else str(db))
    _no_traceback(res)
    assert res.exit_code == 1, res.output
    assert says in res.output and (make == "empty" or str(db) in res.output)
    if make is _foreign_db:  # another program's database is left exactly as it was
        with sqlite3.connect(db) as conn:
            assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["invoices"]


def test_show_says_when_an_id_prefix_is_ambiguous(tmp_path):
    db = tmp_path / "p.db"
    store = Store(db)
    for i in (1, 2):
        doc = Document(id=f"abcd{i}", text=f"Text {i}.", content_hash=f"h{i}", status="processed")
        store.add(doc, f"s{i}", f"s{i}")
    store.close()
    res = _invoke("show", "abcd", "--db", str(db))
    assert res.exit_code == 1 and "2 documents have ids starting with 'abcd'" in res.output
    assert "Text 2." in _invoke("show", "abcd2", "--db", str(db)).stdout


def test_exports_from_an_empty_store_are_valid_files(tmp_path, batch):
    folder, _, _ = batch
    db = str(tmp_path / "empty.db")
    _invoke("ingest", str(folder / "empty.txt"), "--db", db, "--quiet")  # a store with nothing in it
    res = _invoke(
        "export", "--what", "events", "--format", "parquet", "-o", str(tmp_path / "e.parquet"), "--db", db
    )
    assert res.exit_code == 0 and "0 events" in res.output
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 0
    res = _invoke(
        "export", "--what", "places", "--format", "geojson", "-o", str(tmp_path / "p.json"), "--db", db
    )
    assert json.loads((tmp_path / "p.json").read_text())["features"] == []
    res = _invoke("events", "--db", db)
    assert res.exit_code == 0 and "no events" in res.output


def test_a_failed_export_keeps_the_earlier_file(tmp_path, batch, monkeypatch):
    _, db, _ = batch
    out = tmp_path / "docs.jsonl"
    assert _invoke("export", "--db", db, "-o", str(out)).exit_code == 0
    earlier = out.read_bytes()
    assert earlier.count(b"\n") == 4

    def disk_full(store):
        yield {"id": "first"}
        raise OSError(errno.ENOSPC, "No space left on device")

    import dateline.export

    monkeypatch.setitem(dateline.export.RECORDS, "documents", disk_full)
    res = _invoke("export", "--db", db, "-o", str(out))
    _no_traceback(res)
    assert res.exit_code == 1 and "No space left on device" in res.output and str(out) in res.output
    assert out.read_bytes() == earlier
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs.jsonl"]  # no partial file left behind


def test_an_interrupted_ingest_leaves_whole_documents_and_resumes(tmp_path, monkeypatch):
    folder = tmp_path / "three"
    folder.mkdir()
    for name, text in (("a.txt", ARMY), ("b.txt", PROTEST), ("c.txt", TALKS)):
        (folder / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "i.db")
    calls = {"n": 0}
    original = Store._index_event_args

    def ctrl_c_on_second_document(self, doc):  # inside the document's transaction, after its rows are written
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return original(self, doc)

    monkeypatch.setattr(Store, "_index_event_args", ctrl_c_on_second_document)
    res = _invoke("ingest", str(folder), "--db", db, "--quiet", "--no-link")
    assert res.exit_code == 130 and "interrupted" in res.output and "run the same command again" in res.output
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
        orphans = "SELECT count(*) FROM {} WHERE doc_id NOT IN (SELECT id FROM documents)"
        for table in ("entities", "timexes", "places", "quotes", "events"):
            assert conn.execute(orphans.format(table)).fetchone()[0] == 0, table
    monkeypatch.undo()
    res = _invoke("ingest", str(folder), "--db", db, "--quiet")
    assert res.exit_code == 0 and "2 ingested" in res.output and "1 unchanged" in res.output
    assert len(_ids(db)) == 3


def test_a_component_failing_on_a_document_is_reported(tmp_path, monkeypatch):
    import dateline.pipeline

    def broken(doc):
        raise RuntimeError("quote table corrupted")

    monkeypatch.setitem(dateline.pipeline.COMPONENTS, "quotes", broken)
    (tmp_path / "a.txt").write_text(PROTEST)
    db = str(tmp_path / "c.db")
    res = _invoke("ingest", str(tmp_path / "a.txt"), "--db", db, "--quiet", "--no-link")
    assert res.exit_code == 0 and "1 ingested" in res.output  # the document is kept, with its other parts
    assert "1 document(s) stored with a component that failed" in res.output
    assert "a.txt: quotes: RuntimeError: quote table corrupted" in res.output
    assert "quote table corrupted" in _invoke("show", _ids(db)[0], "--db", db).stdout


def test_sigterm_stops_cleanly_and_restores_the_handler(tmp_path, monkeypatch):
    import dateline.pipeline

    def killed(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # the handler interrupts this
        raise AssertionError("SIGTERM was not handled")

    monkeypatch.setattr(dateline.pipeline, "ingest", killed)
    before = signal.getsignal(signal.SIGTERM)
    (tmp_path / "a.txt").write_text(ARMY)
    res = _invoke("ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "t.db"), "--quiet")
    assert res.exit_code == 143 and "terminated" in res.output
    assert signal.getsignal(signal.SIGTERM) == before


def test_busy_port_is_one_clear_line(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        res = _invoke("serve", "--port", str(port), "--db", str(tmp_path / "s.db"))
    _no_traceback(res)
    assert res.exit_code == 1 and "cannot listen" in res.output and str(port) in res.output


def test_eval_with_a_wrong_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("DATELINE_DATA", str(tmp_path / "nowhere"))
    res = _invoke("eval", "time", "--split", "dev")
    _no_traceback(res)
    assert res.exit_code == 1 and "DATELINE_DATA" in res.output


@pytest.mark.parametrize("args", [["export", "--what", "documents"], ["show", "big"], ["docs"]])
def test_closing_the_pipe_early_prints_no_traceback(args, tmp_path_factory):
    folder = tmp_path_factory.mktemp("pipe")
    db = folder / "p.db"
    if not db.exists():  # one long document (no NLP needed) so the output overflows the pipe
        store = Store(db)
        text = "The convoy moved north along the river road. " * 8000
        store.add(
            Document(id="big", text=text, title="Long", content_hash="h-big", status="processed"), "x", "x"
        )
        store.close()
    proc = subprocess.Popen([sys.executable, "-m", "dateline.cli", *args, "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(50)
    proc.stdout.close()  # as `| head -c 50` does
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert proc.returncode in (0, 1)


def test_python_api_rejects_filters_that_cannot_match(batch):
    import dateline

    _, db, _ = batch
    dl = dateline.open(db)
    with pytest.raises(ValueError, match="not a date"):
        dl.events_df(since="yesterday")
    with pytest.raises(ValueError, match="PLOVER"):
        list(dl.events(type="PARADE"))
    with pytest.raises(TypeError, match="unknown event filter"):
        list(dl.events(colour="red"))
    with pytest.raises(ValueError, match="no letters"):
        list(dl.events(actor="?!"))
    with pytest.raises(ValueError, match="unknown record kind"):
        dl.df("tweets")
    assert (
        dl.events_df(country="pt").shape == dl.events_df(country="PRT").shape
    )  # alpha-2 works as in the CLI
    dl.close()
