"""The command line, as a user runs it."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from dateline.cli import main

ARTICLE = """Britain moves troops to Camp Taji

Defence Reporter — The Example Post January 7, 2020

Britain has moved more than 250 soldiers from Baghdad to Camp Taji, the Ministry of Defence said yesterday.

Defence Secretary Ben Wallace said the move was temporary. "Our people are safe," Mr Wallace told reporters.

READ MORE: What the vote in Iraq's parliament means

Leave a Reply
You are commenting using your Twitter account.
"""

OTHER = """Iran fires missiles at bases in Iraq

source: example-wire.com

Iran fired more than a dozen ballistic missiles at two bases housing US forces in Iraq on Wednesday, the Pentagon said.

No casualties were reported at Al Asad air base, officials said.
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "two.txt").write_text(OTHER, encoding="utf-8")
    (folder / "broken.html").write_bytes(b"\x00\x00\x00")
    path = str(folder / "d.db")
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", path, "--quiet"])
    assert result.exit_code == 0, result.output
    return path


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_ingest_summary_and_strict(tmp_path, db):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "bad.txt").write_bytes(b"")
    (folder / "ok.txt").write_text(OTHER)
    res = CliRunner().invoke(
        main, ["ingest", str(folder), "--db", str(tmp_path / "x.db"), "--quiet", "--strict"]
    )
    assert res.exit_code == 1
    assert "1 ingested" in res.output and "1 failed" in res.output and "empty" in res.output


def test_docs_and_show(db):
    out = _run("docs", "--db", db)
    assert "Britain" in out and "Example" in out
    doc_id = json.loads(_run("export", "--what", "documents", "--db", db).splitlines()[0])["id"]
    shown = _run("show", doc_id, "--db", db)
    assert "removed boilerplate" in shown and "Leave a Reply" in shown
    assert CliRunner().invoke(main, ["show", "nope", "--db", db]).exit_code != 0


def test_export_documents_jsonl_has_the_promised_fields(db):
    rows = [json.loads(line) for line in _run("export", "--what", "documents", "--db", db).splitlines()]
    assert len(rows) == 2
    for key in ("id", "url", "path", "title", "outlet", "byline", "published", "published_source", "text",
                "removed", "duplicate_of"):  # fmt: skip
        assert key in rows[0]
    one = next(r for r in rows if r["title"].startswith("Britain"))
    assert one["published"] == "2020-01-07" and one["outlet"] == "The Example Post"
    assert any("Leave a Reply" in r for r in one["removed"])
    assert "Leave a Reply" not in one["text"]


def test_export_entities_csv_and_parquet(db, tmp_path):
    rows = list(
        csv.DictReader(io.StringIO(_run("export", "--what", "entities", "--format", "csv", "--db", db)))
    )
    assert {"doc_id", "text", "label", "start", "end", "sentence"} <= set(rows[0])
    out = tmp_path / "e.parquet"
    _run("export", "--what", "entities", "--format", "parquet", "-o", str(out), "--db", db)
    assert pq.read_table(out).num_rows == len(rows)
    # offsets point at the entity's words in the stored text
    docs = {json.loads(x)["id"]: json.loads(x)["text"] for x in _run("export", "--db", db).splitlines()}
    for r in rows:
        assert docs[r["doc_id"]][int(r["start"]) : int(r["end"])] == r["text"]


def test_export_rejects_wrong_format_for_kind(db):
    res = CliRunner().invoke(main, ["export", "--what", "documents", "--format", "plover", "--db", db])
    assert res.exit_code != 0 and "events" in res.output


def test_search(db):
    assert "missiles" in _run("search", "ballistic", "--db", db)
    assert CliRunner().invoke(main, ["search", '"unclosed', "--db", db]).exit_code != 0


def test_missing_database_is_a_clear_error(tmp_path):
    res = CliRunner().invoke(main, ["docs", "--db", str(tmp_path / "none.db")])
    assert res.exit_code != 0 and "dateline ingest" in res.output


def test_eval_unknown_suite(db):
    res = CliRunner().invoke(main, ["eval", "nope"])
    assert res.exit_code != 0 and "unknown suite" in res.output


def test_python_api(db):
    import dateline

    with dateline.open(db) as dl:
        docs = list(dl.documents())
        assert len(docs) == 2
        assert len(dl.documents_df()) == 2
        ents = dl.entities_df()
        assert {"doc_id", "text", "label", "start", "end"} <= set(ents.columns)


def test_eval_help_names_every_registered_suite() -> None:
    """`dateline eval --help` lists the suites a user can run: each registered one, none missing."""
    from dateline.cli import eval_
    from dateline.evaluate import load_all

    missing = [name for name in load_all() if name not in (eval_.help or "")]
    assert not missing, f"not named in `dateline eval --help`: {missing}"
