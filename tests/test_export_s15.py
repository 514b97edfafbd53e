"""An export with no records still names its columns (session 15; noticed in session 13): a CSV of an empty store (or
of a kind the store has none of) is its header line, a Parquet file has the kind's columns, the REST download and
the Python API's DataFrame the same. The columns are `dateline.export.FIELDS`, checked here against the header of a
store that has one record of every kind, so the two cannot drift apart.

The store is written with Store.add (no NLP pipeline); the article is our own.
"""

from __future__ import annotations

import contextlib
import csv
import io
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from dateline.api import Dateline
from dateline.cli import main
from dateline.export import FIELDS, RECORDS, export
from dateline.model import Actor, Document, Entity, Event, EventDate, Place, Quote, Sentence, Timex
from dateline.serve import create_app
from dateline.store import Store

TEXT = (
    'Border guards detained two herders near Lake Orvi on Friday. "They crossed at night," said Pell Danner.'
)


def _doc() -> Document:
    doc = Document(id="e15aaaaaaaaaaaa1", text=TEXT, title="Herders held", outlet="Orvi Post", published="2026-03-07",
                   url="https://orvi.example/herders", published_source="given", input_kind="txt",
                   status="processed")  # fmt: skip
    cut = TEXT.index(". ") + 1
    doc.sentences = [Sentence(0, cut), Sentence(cut + 1, len(TEXT))]
    ps = TEXT.index("Lake Orvi")
    place = Place("Lake Orvi", ps, ps + 9, name="Lake Orvi", country="XXX", lat=1.5, lon=2.5, feature="water")
    doc.places.append(place)
    ds = TEXT.index("Friday")
    doc.timexes.append(Timex("Friday", ds, ds + 6, "DATE", "2026-03-06", anchor="2026-03-07"))
    doc.entities.append(Entity("Pell Danner", "PERSON", TEXT.index("Pell"), TEXT.index("Pell") + 11, 1))
    ws = TEXT.index("detained")
    doc.events.append(Event(
        id="e15-e0", doc_id=doc.id, event="COERCE", mode="arrest", cameo="17",
        actor=[Actor("Border guards", 0, 13, name="Border guards")], recipient=[], text=TEXT[:cut], sentence_start=0,
        sentence_end=cut, event_text="detained", event_start=ws, event_end=ws + 8, location=place,
        date=EventDate("2026-03-06", text="Friday", start=ds, end=ds + 6, source="text"),
    ))  # fmt: skip
    qs, ss = TEXT.index("They crossed"), TEXT.index("Pell Danner")
    doc.quotes.append(Quote(id="e15-q0", doc_id=doc.id, content="They crossed at night", start=qs, end=qs + 21,
                            direct=True, speaker="Pell Danner", speaker_text="Pell Danner", speaker_start=ss,
                            speaker_end=ss + 11, date="2026-03-07", date_source="published"))  # fmt: skip
    return doc


@pytest.fixture(scope="module")
def full_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("s15") / "full.db")
    store = Store(path)
    store.add(_doc(), source="test:e15", raw_hash="e15")
    store.close()
    return path


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("s15") / "empty.db")
    Store(path).close()
    return path


def _csv(db: str, what: str) -> str:
    store = Store(db, readonly=True)
    try:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            n = export(store, what, "csv", None)
        assert n == (0 if "empty" in db else 1)
        return buf.getvalue()
    finally:
        store.close()


@pytest.mark.parametrize("what", sorted(RECORDS))
def test_declared_columns_are_the_header_of_a_real_record(full_db: str, what: str) -> None:
    header = next(csv.reader(io.StringIO(_csv(full_db, what))))
    assert tuple(header) == FIELDS[what]


@pytest.mark.parametrize("what", sorted(RECORDS))
def test_empty_csv_is_its_header(empty_db: str, what: str) -> None:
    out = _csv(empty_db, what)
    assert out.splitlines() == [",".join(FIELDS[what])]
    assert csv.DictReader(io.StringIO(out)).fieldnames == list(FIELDS[what])


def test_empty_csv_from_the_command_line(empty_db: str, tmp_path: Path) -> None:
    target = tmp_path / "events.csv"
    res = CliRunner().invoke(
        main, ["export", "--what", "events", "--format", "csv", "-o", str(target), "--db", empty_db]
    )
    assert res.exit_code == 0, res.output
    assert "0 events written" in res.output
    assert target.read_text().splitlines() == [",".join(FIELDS["events"])]
    assert FIELDS["events"][:3] == ("id", "doc_id", "event")


@pytest.mark.parametrize("what", ["events", "places", "documents"])
def test_empty_parquet_has_the_columns(empty_db: str, tmp_path: Path, what: str) -> None:
    target = tmp_path / f"{what}.parquet"
    store = Store(empty_db, readonly=True)
    try:
        assert export(store, what, "parquet", str(target)) == 0
    finally:
        store.close()
    table = pq.read_table(target)
    assert table.num_rows == 0 and tuple(table.column_names) == FIELDS[what]


@pytest.mark.parametrize("what", ["events", "quotes", "entities"])
def test_empty_download_and_dataframe_have_the_columns(empty_db: str, what: str) -> None:
    with TestClient(create_app(empty_db)) as client:
        r = client.get("/api/export", params={"what": what, "format": "csv"})
    assert r.status_code == 200 and r.text.splitlines() == [",".join(FIELDS[what])]
    dl = Dateline(empty_db)
    try:
        frame = dl.df(what)
    finally:
        dl.close()
    assert len(frame) == 0 and tuple(frame.columns) == FIELDS[what]
