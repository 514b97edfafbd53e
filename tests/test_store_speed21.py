"""Session 21, cheaper storing of events: the name-id cache of the event index, documents written in batches
(one transaction, each document whole), events packed by the worker as the rows the store writes. Whatever the
path, the stored tables are the same."""

from __future__ import annotations

import copy
import json
import pickle
import sqlite3

import pytest

from dateline.model import Actor, Document, Event, EventDate, Place, Timex
from dateline.pipeline import ingest
from dateline.store import EventFilter, Store, _record_json, pack_events, unpack_events

SENTENCE = "Officials said the convoy reached the border on Monday."


def _actor(name: str | None, text: str, country: str | None = "GBR") -> Actor:
    return Actor(text, 0, len(text), name, country, "GOV", "organisation")


def _event(doc_id: str, k: int, actors: list[Actor], recipients: list[Actor] = (), event: str = "MOBILIZE",
           day: str | None = "2021-03-01") -> Event:  # fmt: skip
    return Event(id=f"{doc_id}-e{k}", doc_id=doc_id, event=event, mode=None, cameo=None, actor=list(actors),
                 recipient=list(recipients), text=SENTENCE, sentence_start=0, sentence_end=len(SENTENCE),
                 event_text="reached", event_start=19, event_end=26,
                 date=EventDate(day, "on Monday", 45, 54, "text") if day else None,
                 location=Place("the border", 31, 41, name="Border", country="IRQ", lat=33.1, lon=44.2))  # fmt: skip


def _doc(doc_id: str, events: list[tuple[list[Actor], list[Actor]]], **kw) -> Document:
    doc = Document(
        id=doc_id, text=SENTENCE, content_hash=f"h-{doc_id}", published="2021-03-02", status="processed"
    )
    doc.events = [_event(doc_id, k, a, r, **kw) for k, (a, r) in enumerate(events)]
    doc.timexes = [Timex("on Monday", 45, 54, "DATE", "2021-03-01")]
    return doc


def _index(store: Store) -> list[tuple]:
    """The event index by content (names, not ids): what rebuild_event_index would make of the events."""
    return sorted(tuple(r) for r in store.db.execute(
        "SELECT e.id, a.role, a.name, n.name, n.text, a.country, a.date FROM event_args a"
        " JOIN events e ON e.rowid = a.event_rowid JOIN arg_names n ON n.id = a.name_id"))  # fmt: skip


def _check_index(store: Store) -> None:
    db = store.db
    dangling = "SELECT count(*) FROM event_args a WHERE NOT EXISTS (SELECT 1 FROM arg_names n WHERE n.id = a.name_id)"
    assert db.execute(dangling).fetchone()[0] == 0
    unused = "SELECT count(*) FROM arg_names n WHERE NOT EXISTS (SELECT 1 FROM event_args a WHERE a.name_id = n.id)"
    assert db.execute(unused).fetchone()[0] == 0
    fts = db.execute("SELECT rowid, names FROM arg_names_fts ORDER BY rowid").fetchall()
    names = db.execute("SELECT id, name || ' ' || text FROM arg_names ORDER BY id").fetchall()
    assert [tuple(r) for r in fts] == [tuple(r) for r in names]
    days = sorted(tuple(r) for r in db.execute("SELECT date, event, n FROM event_days"))
    counted = db.execute(
        "SELECT date, event, count(*) FROM events WHERE date IS NOT NULL GROUP BY date, event"
    )
    assert days == sorted(tuple(r) for r in counted)
    before = _index(store)
    store.rebuild_event_index()
    assert _index(store) == before


def _dump(path) -> dict[str, list]:
    """Every table's rows (with their rowids where they have them), sorted; ingest times left out."""
    con = sqlite3.connect(path)
    out = {}
    for t, sql in con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='table' ORDER BY name"
    ).fetchall():
        cols = [
            r[1] for r in con.execute(f'PRAGMA table_info("{t}")') if r[1] not in ("ingested_at", "seen_at")
        ]
        sel = ", ".join(f'"{c}"' for c in cols)
        if "WITHOUT ROWID" not in (sql or "").upper():
            sel = "rowid, " + sel
        out[t] = sorted(map(repr, con.execute(f'SELECT {sel} FROM "{t}"')))
    con.close()
    return out


WALLACE = _actor("Ben Wallace", "Mr Wallace")
ESPER = _actor("Mark Esper", "Esper", "USA")
MILITIA = _actor(None, "militias", None)


# --------------------------------------------------------------------------- the name-id cache


def test_a_name_met_in_several_documents_is_one_row_and_one_id(tmp_path):
    store = Store(tmp_path / "d.db")
    store.add(_doc("a", [([WALLACE], [MILITIA])]), "a.txt", "ra")
    store.add(_doc("b", [([WALLACE, ESPER], []), ([MILITIA], [WALLACE])]), "b.txt", "rb")
    assert store.db.execute("SELECT count(*) FROM arg_names").fetchone()[0] == 3
    ids = {r[0] for r in store.db.execute("SELECT name_id FROM event_args WHERE name = 'Ben Wallace'")}
    assert len(ids) == 1
    assert [e.id for e in store.events(EventFilter(actor="wallace"))] == ["a-e0", "b-e0", "b-e1"]
    _check_index(store)


def test_a_name_dropped_by_a_replaced_document_gets_a_valid_id_when_it_comes_back(tmp_path):
    store = Store(tmp_path / "d.db")
    store.add(_doc("a", [([ESPER], [])]), "a.txt", "ra")
    store.add(_doc("b", [([WALLACE], [])]), "b.txt", "rb")
    store.add(
        _doc("a", [([WALLACE], [])]), "a.txt", "ra2"
    )  # re-ingested without Esper: his name leaves the index
    assert store.db.execute("SELECT count(*) FROM arg_names WHERE name = 'Mark Esper'").fetchone()[0] == 0
    store.add(
        _doc("c", [([ESPER], [MILITIA])]), "c.txt", "rc"
    )  # Esper again: a new row, not the forgotten id
    assert [e.id for e in store.events(EventFilter(actor="esper"))] == ["c-e0"]
    _check_index(store)


def test_another_connection_removing_a_name_is_seen(tmp_path):
    one, two = Store(tmp_path / "d.db"), Store(tmp_path / "d.db")
    one.add(_doc("a", [([ESPER], [])]), "a.txt", "ra")
    two.add(_doc("a", [([MILITIA], [])]), "a.txt", "ra2")  # the other writer drops Esper's name
    one.add(_doc("b", [([ESPER], [WALLACE])]), "b.txt", "rb")
    assert [e.id for e in one.events(EventFilter(actor="esper"))] == ["b-e0"]
    _check_index(one)


def test_names_of_a_rolled_back_document_are_forgotten(tmp_path, monkeypatch):
    store = Store(tmp_path / "d.db")
    real = Store._upsert_source

    def fail_once(self, source, *a):
        if source == "bad.txt":
            raise sqlite3.OperationalError("disk I/O error")
        return real(self, source, *a)

    monkeypatch.setattr(Store, "_upsert_source", fail_once)
    with pytest.raises(
        sqlite3.OperationalError
    ):  # Esper's name was written, then rolled back with the document
        store.add(_doc("bad", [([ESPER], [])]), "bad.txt", "r")
    store.add(_doc("good", [([ESPER], [])]), "good.txt", "r")
    assert [e.id for e in store.events(EventFilter(actor="esper"))] == ["good-e0"]
    _check_index(store)


# --------------------------------------------------------------------------- batches


def test_a_document_failing_inside_a_batch_leaves_the_others_whole(tmp_path, monkeypatch):
    store = Store(tmp_path / "d.db")
    real = Store._index_event_args

    def interrupt_on_b(self, doc):  # after b's rows are written: b is half in the transaction
        real(self, doc)
        if doc.id == "b":
            raise KeyboardInterrupt

    monkeypatch.setattr(Store, "_index_event_args", interrupt_on_b)
    with pytest.raises(KeyboardInterrupt), store.batch():
        store.add(_doc("a", [([WALLACE], [])]), "a.txt", "ra")
        store.record_source("broken.txt", "rx", "failed", reason="could not be read")
        store.add(_doc("b", [([ESPER], [])]), "b.txt", "rb")
        store.add(_doc("c", [([MILITIA], [])]), "c.txt", "rc")
    other = sqlite3.connect(tmp_path / "d.db")  # what is committed
    assert [r[0] for r in other.execute("SELECT id FROM documents")] == ["a"]
    assert sorted(r[0] for r in other.execute("SELECT source FROM sources")) == ["a.txt", "broken.txt"]
    assert [r[0] for r in other.execute("SELECT doc_id FROM events")] == ["a"]
    monkeypatch.undo()
    _check_index(store)


def test_an_error_caught_inside_a_batch_does_not_commit_half_a_document(tmp_path, monkeypatch):
    store = Store(tmp_path / "d.db")
    real = Store._index_event_args

    def fail_on_b(self, doc):
        real(self, doc)
        if doc.id == "b":
            raise ValueError("bad event")

    monkeypatch.setattr(Store, "_index_event_args", fail_on_b)
    with store.batch():
        store.add(_doc("a", [([WALLACE], [])]), "a.txt", "ra")
        with pytest.raises(ValueError):
            store.add(_doc("b", [([ESPER], [])]), "b.txt", "rb")
        store.add(_doc("c", [([MILITIA], [WALLACE])]), "c.txt", "rc")
    monkeypatch.undo()
    assert [r[0] for r in store.db.execute("SELECT id FROM documents ORDER BY id")] == ["a", "c"]
    assert [r[0] for r in store.db.execute("SELECT DISTINCT doc_id FROM event_args ORDER BY 1")] == ["a", "c"]
    _check_index(store)


def test_a_batch_stores_what_one_transaction_per_document_stores(tmp_path):
    docs = [_doc("a", [([WALLACE], [MILITIA]), ([ESPER], [])]), _doc("b", [([WALLACE], []), ([MILITIA], [ESPER])]),
            _doc("a", [([ESPER], [WALLACE])], event="ASSAULT", day="2021-02-27")]  # fmt: skip
    one, many = Store(tmp_path / "one.db"), Store(tmp_path / "many.db")
    for k, doc in enumerate(docs):
        one.add(copy.deepcopy(doc), f"{doc.id}.txt", f"r{k}")
    with many.batch():
        for k, doc in enumerate(docs):
            many.add(copy.deepcopy(doc), f"{doc.id}.txt", f"r{k}")
    one.close(), many.close()
    assert _dump(tmp_path / "one.db") == _dump(tmp_path / "many.db")
    _check_index(many)


# --------------------------------------------------------------------------- packed events


def test_packed_events_store_the_same_rows(tmp_path):
    docs = [_doc("a", [([WALLACE], [MILITIA]), ([ESPER, WALLACE], [])]), _doc("b", [([MILITIA], [ESPER])], day=None),
            _doc("c", [])]  # fmt: skip
    plain, packed = Store(tmp_path / "plain.db"), Store(tmp_path / "packed.db")
    for doc in docs:
        plain.add(copy.deepcopy(doc), f"{doc.id}.txt", "r")
        sent = copy.deepcopy(doc)
        pack_events(sent)
        assert sent.events == []
        sent = pickle.loads(pickle.dumps(sent))  # as a worker process sends it
        assert unpack_events(sent) == doc.events
        packed.add(sent, f"{doc.id}.txt", "r")
    assert sorted(e.id for e in packed.events()) == ["a-e0", "a-e1", "b-e0"]
    plain.close(), packed.close()
    assert _dump(tmp_path / "plain.db") == _dump(tmp_path / "packed.db")


def test_ingest_stores_the_same_with_worker_processes_and_without(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    texts = ["British troops arrived in Baghdad on Monday, the Defence Secretary Ben Wallace said.",
             "Protesters gathered outside the embassy in Tehran on Tuesday. Police arrested 12 people.",
             "Iraqi ministers met their French counterparts in Erbil on Wednesday to discuss the mission."]  # fmt: skip
    for i, text in enumerate(texts):
        (folder / f"{i}.txt").write_text(text + "\n", encoding="utf-8")
    for workers in (0, 1):
        s = ingest([str(folder)], Store(tmp_path / f"w{workers}.db"), workers=workers, link=False)
        assert s.ingested == 3
    assert Store(tmp_path / "w1.db").count("events") > 0
    assert _dump(tmp_path / "w0.db") == _dump(tmp_path / "w1.db")


# --------------------------------------------------------------------------- the JSON of records


def test_record_json_is_the_fields_alone_in_declaration_order():
    event = _event("a", 0, [WALLACE, MILITIA], [ESPER])
    assert _record_json(event) == json.dumps(event.to_dict(), ensure_ascii=False)
    odd = copy.deepcopy(event)
    odd.actor[0]._cache = "not a field"  # a transient attribute is never written
    del odd.actor[1].name
    odd.actor[1].name = None  # the same fields, set again out of order: written in declaration order
    assert _record_json(odd) == json.dumps(event.to_dict(), ensure_ascii=False)
