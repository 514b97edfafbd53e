"""Event and quote records carry the article they came from (QA s12 finding 18): `outlet`, `published` and `url`
in every export format, in the REST API and in the Python API; PLOVER puts them in `cite_info` (the manual's
citation object) and keeps `text_info` as the manual defines it (offsets). The columns are added after the
existing ones: none is renamed or moved.

The store is written here with Store.add (no NLP pipeline); the articles are our own.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import io
import json
import os
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import dateline
from dateline.cli import main
from dateline.export import FIELDS, SOURCE_FIELDS, export
from dateline.model import Actor, Document, Event, EventDate, Place, Quote, Sentence
from dateline.serve import create_app
from dateline.store import Store

# (id, outlet, published, url, text, event (type, trigger, actor, place or None), quote (content, speaker))
ARTICLES = [
    ("d1aaaaaaaaaaaaa1", "Lakeside Courier", "2025-06-02", "https://courier.example/convoy",
     'Rebels attacked a convoy near Dorvan on Monday, the army said. "We will respond," said Ilse Marr.',
     ("ASSAULT", "attacked", "Rebels", ("Dorvan", 12.5, 44.25)), ("We will respond", "Ilse Marr")),
    ("d2bbbbbbbbbbbbb2", None, "2025-06-05", None,  # a local file: no outlet, no URL
     "Farmers protested outside the ministry in Velt. The minister said talks would start soon.",
     ("PROTEST", "protested", "Farmers", None), ("talks would start soon", "The minister")),
    ("d3ccccccccccccc3", "Hill Post", "2025-06-09", "https://hillpost.example/talks",
     "Envoys of Orlan and Teska met in Brisk to discuss the dam. Orlan's envoy said the meeting went well.",
     ("CONSULT", "met", "Envoys of Orlan", ("Brisk", -3.5, 20.0)), ("the meeting went well", "Orlan's envoy")),
]  # fmt: skip
SOURCE = {a[0]: {"outlet": a[1], "published": a[2], "url": a[3]} for a in ARTICLES}
EVENT_FIELDS = [f.name for f in dataclasses.fields(Event)]
QUOTE_FIELDS = [f.name for f in dataclasses.fields(Quote)]


def _doc(
    doc_id: str, outlet: str | None, published: str, url: str | None, text: str, ev: tuple, q: tuple
) -> Document:
    doc = Document(id=doc_id, text=text, title=f"Article {doc_id[:2]}", outlet=outlet, published=published,
                   url=url, path=None if url else f"/news/{doc_id}.txt", published_source="given",
                   input_kind="txt", status="processed")  # fmt: skip
    cut = text.index(". ") + 1
    doc.sentences = [Sentence(0, cut), Sentence(cut + 1, len(text))]
    kind, trigger, actor, place = ev
    ws = text.index(trigger)
    loc = None
    if place:
        name, lat, lon = place
        ps = text.index(name)
        loc = Place(name, ps, ps + len(name), name=name, country="XXX", lat=lat, lon=lon, feature="city")
        doc.places.append(loc)
    doc.events.append(Event(
        id=f"{doc_id[:2]}-e0", doc_id=doc_id, event=kind, mode=None, cameo=None,
        actor=[Actor(actor, text.index(actor), text.index(actor) + len(actor), name=actor)], recipient=[],
        text=text[:cut], sentence_start=0, sentence_end=cut, event_text=trigger, event_start=ws,
        event_end=ws + len(trigger), location=loc, date=EventDate(published, source="published"),
    ))  # fmt: skip
    content, speaker = q
    qs, ss = text.index(content), text.index(speaker)
    doc.quotes.append(Quote(id=f"{doc_id[:2]}-q0", doc_id=doc_id, content=content, start=qs, end=qs + len(content),
                            direct=text[qs - 1] == '"', speaker=speaker, speaker_text=speaker, speaker_start=ss,
                            speaker_end=ss + len(speaker), date=published, date_source="published"))  # fmt: skip
    return doc


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("s13") / "records.db")
    store = Store(path)
    for a in ARTICLES:
        store.add(_doc(*a), source=f"test:{a[0]}", raw_hash=a[0])
    store.close()
    return path


def _export(db: str, what: str, fmt: str, path: Path | None = None) -> str:
    store = Store(db, readonly=True)
    try:
        if path is not None:
            export(store, what, fmt, str(path))
            return ""
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            export(store, what, fmt, None)
        return buf.getvalue()
    finally:
        store.close()


def _check_source(rec: dict[str, Any]) -> None:
    assert {k: rec[k] for k in SOURCE_FIELDS} == SOURCE[rec["doc_id"]], rec


# ---------------------------------------------------------------------- export formats


@pytest.mark.parametrize(("what", "fields"), [("events", EVENT_FIELDS), ("quotes", QUOTE_FIELDS)])
def test_jsonl_records_carry_outlet_published_url_after_their_own_fields(
    db: str, what: str, fields: list[str]
) -> None:
    rows = [json.loads(line) for line in _export(db, what, "jsonl").splitlines()]
    assert len(rows) == 3
    for r in rows:
        assert list(r) == [*fields, *SOURCE_FIELDS]  # the existing keys first, in their order
        _check_source(r)


@pytest.mark.parametrize(("what", "fields"), [("events", EVENT_FIELDS), ("quotes", QUOTE_FIELDS)])
def test_csv_has_outlet_and_published_columns_added_at_the_end(db: str, what: str, fields: list[str]) -> None:
    reader = csv.DictReader(io.StringIO(_export(db, what, "csv")))
    assert reader.fieldnames == [*fields, *SOURCE_FIELDS]
    rows = list(reader)
    by_doc = {r["doc_id"]: r for r in rows}
    assert by_doc["d1aaaaaaaaaaaaa1"]["outlet"] == "Lakeside Courier"
    assert by_doc["d3ccccccccccccc3"]["published"] == "2025-06-09"
    assert (
        by_doc["d2bbbbbbbbbbbbb2"]["outlet"] == "" and by_doc["d2bbbbbbbbbbbbb2"]["url"] == ""
    )  # None in CSV


@pytest.mark.parametrize("what", ["events", "quotes"])
def test_parquet_has_outlet_and_published_columns(db: str, what: str, tmp_path: Path) -> None:
    out = tmp_path / f"{what}.parquet"
    _export(db, what, "parquet", out)
    table = pq.read_table(out)
    assert table.column_names[-3:] == list(SOURCE_FIELDS)
    for r in table.to_pylist():
        _check_source(r)


def test_plover_cite_info_names_the_publication_and_text_info_keeps_the_offsets(db: str) -> None:
    rows = [json.loads(line) for line in _export(db, "events", "plover").splitlines()]
    by_doc = {r["doc_id"]: r for r in rows}
    cite = by_doc["d1aaaaaaaaaaaaa1"]["cite_info"]
    assert cite["publication"] == "Lakeside Courier" and cite["url"] == "https://courier.example/convoy"
    assert cite["published"] == "2025-06-02" and cite["citation"] == "d1aaaaaaaaaaaaa1"
    assert cite["codebook"] == "PLOVER 2.0" and cite["coder"].startswith("dateline ")
    assert by_doc["d2bbbbbbbbbbbbb2"]["cite_info"]["publication"] is None
    assert by_doc["d3ccccccccccccc3"]["cite_info"]["published"] == "2025-06-09"
    # the manual's textInfo: offsets of the text (Dateline adds the event word's); unchanged
    for r in rows:
        assert set(r["text_info"]) == {"start", "end", "event_start", "event_end"}
        assert r["text_info"]["end"] - r["text_info"]["start"] == len(r["text"])


def test_geojson_features_carry_the_article(db: str) -> None:
    feats = json.loads(_export(db, "events", "geojson"))["features"]
    assert {f["properties"]["doc_id"] for f in feats} == {
        "d1aaaaaaaaaaaaa1",
        "d3ccccccccccccc3",
    }  # located only
    for f in feats:
        _check_source(f["properties"])


def test_command_line_export_has_the_columns(db: str) -> None:
    res = CliRunner().invoke(main, ["export", "--what", "quotes", "--format", "csv", "--db", db])
    assert res.exit_code == 0, res.output
    header = res.stdout.splitlines()[0].split(",")
    assert header[-3:] == list(SOURCE_FIELDS)


def test_source_lookup_spans_chunks(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Records are looked up a chunk at a time: records on both sides of a chunk edge get their own article."""
    import dateline.export as ex

    monkeypatch.setattr(ex, "_SOURCE_CHUNK", 2)
    rows = [json.loads(line) for line in _export(db, "events", "jsonl").splitlines()]
    assert len(rows) == 3
    for r in rows:
        _check_source(r)


# ---------------------------------------------------------------------- REST API and Python API


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    return TestClient(create_app(db))


def test_api_events_and_quotes_carry_the_article(client: TestClient) -> None:
    for path in ("/api/events", "/api/quotes"):
        items = client.get(path).json()["items"]
        assert len(items) == 3
        for r in items:
            _check_source(r)
    one = client.get("/api/events/d3-e0").json()
    assert one["outlet"] == "Hill Post" and one["published"] == "2025-06-09"
    page = client.get("/api/events", params={"outlet": "Lakeside Courier"}).json()
    assert [r["outlet"] for r in page["items"]] == ["Lakeside Courier"]
    q = client.get("/api/quotes", params={"speaker": "Marr"}).json()["items"]
    assert [(r["speaker"], r["outlet"], r["url"]) for r in q] == [
        ("Ilse Marr", "Lakeside Courier", "https://courier.example/convoy")
    ]


def test_api_record_equals_the_exported_record(client: TestClient, db: str) -> None:
    exported = {r["id"]: r for r in map(json.loads, _export(db, "events", "jsonl").splitlines())}
    for r in client.get("/api/events").json()["items"]:
        assert r == exported[r["id"]]
        assert client.get(f"/api/events/{r['id']}").json() == exported[r["id"]]


@pytest.mark.parametrize("what", ["events", "quotes"])
def test_api_export_download_has_the_columns(client: TestClient, what: str) -> None:
    r = client.get("/api/export", params={"what": what, "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 3 and list(rows[0])[-3:] == list(SOURCE_FIELDS)
    for row in rows:
        assert row["outlet"] == (SOURCE[row["doc_id"]]["outlet"] or "")
    js = client.get("/api/export", params={"what": what, "format": "json"}).json()
    for rec in js:
        _check_source(rec)


def test_api_actor_page_lists_events_and_quotes_with_their_article(client: TestClient) -> None:
    page = client.get("/api/actors/Rebels").json()
    assert [(e["outlet"], e["published"]) for e in page["as_actor"]] == [("Lakeside Courier", "2025-06-02")]
    said = client.get("/api/actors/Ilse Marr").json()["quotes"]
    assert [q["outlet"] for q in said] == ["Lakeside Courier"]


def test_python_api_events_quotes_and_frames(db: str) -> None:
    with dateline.open(db) as dl:
        for r in [*dl.events(), *dl.quotes(), *dl.events(type="PROTEST")]:
            _check_source(r)
        frame = dl.events_df()
        assert list(frame.columns)[-3:] == list(SOURCE_FIELDS)
        assert set(frame["outlet"].dropna()) == {"Lakeside Courier", "Hill Post"}
        assert list(dl.quotes_df().columns)[-3:] == list(SOURCE_FIELDS)


# ---------------------------------------------------------------------- bad input to `dateline export`


@pytest.fixture(autouse=True, scope="module")
def _wide_console(wide_console: None) -> None:
    """Every test here matches CLI messages on one line (see conftest.py)."""


def _cli(*args: str):
    return CliRunner().invoke(main, ["export", *args])


def _one_error_line(res, says: str) -> None:
    assert res.exit_code == 1, res.output
    lines = [x for x in res.output.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: ") and says in lines[0], res.output
    assert "Traceback" not in res.output


def test_export_from_a_missing_store_is_one_line_and_creates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "typo.db"
    _one_error_line(_cli("--what", "events", "--db", str(db)), "run `dateline ingest` first")
    assert not db.exists()


@pytest.mark.parametrize(("what", "fmt"), [("events", "plover"), ("quotes", "csv"), ("events", "jsonl")])
def test_export_from_an_empty_store_says_zero_and_writes_a_valid_empty_file(
    tmp_path: Path, what: str, fmt: str
) -> None:
    """An empty store is not an error (a script exporting every night gets an empty file, exit 0): one line
    says that nothing was written. A CSV still has its header line (session 15, tests/test_export_s15.py)."""
    db = tmp_path / "empty.db"
    Store(str(db)).close()
    out = tmp_path / f"out.{fmt}"
    res = _cli("--what", what, "--format", fmt, "-o", str(out), "--db", str(db))
    assert res.exit_code == 0 and res.output.strip() == f"0 {what} written to {out}", res.output
    assert out.read_text() == ("" if fmt != "csv" else ",".join(FIELDS[what]) + "\n")


def test_a_read_only_output_file_is_refused_not_replaced(db: str, tmp_path: Path) -> None:
    out = tmp_path / "kept.csv"
    out.write_text("an earlier export\n")
    out.chmod(0o444)
    _one_error_line(_cli("--what", "events", "--format", "csv", "-o", str(out), "--db", db), "read-only")
    assert out.read_text() == "an earlier export\n" and (out.stat().st_mode & 0o777) == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.csv"]  # no partial file left behind


def test_an_earlier_file_keeps_its_permissions(db: str, tmp_path: Path) -> None:
    out = tmp_path / "private.jsonl"
    out.write_text("")
    out.chmod(0o600)
    assert _cli("--what", "quotes", "-o", str(out), "--db", db).exit_code == 0
    assert len(out.read_text().splitlines()) == 3 and (out.stat().st_mode & 0o777) == 0o600


@pytest.mark.parametrize(
    ("target", "says"),
    [
        ("folder", "Is a directory"),
        (
            "/proc/dateline-export.jsonl",
            "cannot create a file in /proc",
        ),  # a virtual file system takes no file
        ("/dev/full", "No space left on device"),
    ],
)
def test_an_output_that_cannot_be_written_is_one_line(
    db: str, tmp_path: Path, target: str, says: str
) -> None:
    if target == "folder":
        target = str(tmp_path)
    elif not Path(target).parent.is_dir() or (target == "/dev/full" and not Path(target).exists()):
        pytest.skip(f"no {target} here")
    _one_error_line(_cli("--what", "events", "-o", target, "--db", db), says)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes in any folder")
def test_a_folder_without_write_permission_is_one_line(db: str, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        _one_error_line(
            _cli("--what", "events", "-o", str(folder / "e.jsonl"), "--db", db), "Permission denied"
        )
    finally:
        folder.chmod(0o755)
