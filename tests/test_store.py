from __future__ import annotations

import sqlite3

import pytest

from dateline.model import Actor, Document, Entity, Event, EventDate, Quote, Removed, Sentence, stable_id
from dateline.store import MIGRATIONS, EventFilter, Store, StoreError


def _doc(i: int = 1, text: str = "British troops arrived in Baghdad on Monday.") -> Document:
    doc = Document(id=f"doc{i:013d}", text=text, title=f"Title {i}", outlet="The Paper", published="2020-01-06",
                   content_hash=f"hash{i}", removed=[Removed("Click to follow", "share", 3)])  # fmt: skip
    doc.sentences = [Sentence(0, len(text))]
    doc.entities = [Entity("British", "NORP", 0, 7, 0), Entity("Baghdad", "GPE", 25, 32, 0)]
    doc.quotes = [Quote(id=stable_id(doc.id, 0, 5), doc_id=doc.id, content="hello", start=0, end=5, direct=True,
                        speaker="Ben Wallace")]  # fmt: skip
    doc.events = [Event(id=stable_id(doc.id, "MOBILIZE", 15), doc_id=doc.id, event="MOBILIZE", mode="troops",
                        cameo="15", actor=[Actor("British troops", 0, 14, "United Kingdom", "GBR", "MIL")],
                        recipient=[Actor("Baghdad", 25, 32, "Iraq", "IRQ", "GOV")], text=text, sentence_start=0,
                        sentence_end=len(text), event_text="arrived", event_start=15, event_end=22,
                        date=EventDate("2020-01-06", "on Monday", 33, 42, "text"))]  # fmt: skip
    return doc


def test_migrations_and_wal(tmp_path):
    store = Store(tmp_path / "d.db")
    assert store.schema_version == len(MIGRATIONS)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # reopening runs no migration twice
    assert Store(tmp_path / "d.db").schema_version == len(MIGRATIONS)


def test_newer_schema_is_refused(tmp_path):
    conn = sqlite3.connect(tmp_path / "d.db")
    conn.execute(f"PRAGMA user_version={len(MIGRATIONS) + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(tmp_path / "d.db")


def test_roundtrip_document_and_annotations(tmp_path):
    store = Store(tmp_path / "d.db")
    store.add(_doc(), "a.txt", "raw1")
    got = store.get("doc0000000000001")
    assert got is not None
    assert got.text.startswith("British troops")
    assert got.removed[0].kind == "share"
    assert [e.label for e in got.entities] == ["NORP", "GPE"]
    assert got.events[0].actor[0].country == "GBR"
    assert got.events[0].date.value == "2020-01-06"
    assert got.quotes[0].speaker == "Ben Wallace"
    # prefix lookup
    assert store.get("doc00000000000") is not None
    assert store.seen("a.txt", "raw1") and not store.seen("a.txt", "raw2")


def test_replace_is_atomic_and_leaves_no_orphans(tmp_path):
    store = Store(tmp_path / "d.db")
    store.add(_doc(), "a.txt", "raw1")
    store.add(_doc(), "a.txt", "raw1")
    assert store.count("documents") == 1
    assert store.count("entities") == 2
    assert store.count("events") == 1


def test_failed_write_leaves_nothing(tmp_path):
    store = Store(tmp_path / "d.db")
    bad = _doc()
    bad.entities.append(Entity("x", "ORG", 0, 1, 0))
    bad.entities[-1].label = None  # NOT NULL violation half-way through the transaction
    with pytest.raises(sqlite3.IntegrityError):
        store.add(bad, "a.txt", "raw1")
    assert store.count("documents") == 0 and store.count("entities") == 0 and store.count("sources") == 0


def test_event_filters(tmp_path):
    store = Store(tmp_path / "d.db")
    store.add(_doc(1), "a.txt", "r1")
    assert len(list(store.events(EventFilter(type="mobilize")))) == 1
    assert len(list(store.events(EventFilter(country="GBR")))) == 1
    assert len(list(store.events(EventFilter(country="GB")))) == 0  # whole codes only
    assert len(list(store.events(EventFilter(actor="United Kingdom")))) == 1
    assert len(list(store.events(EventFilter(since="2020-01-07")))) == 0
    assert len(list(store.events(EventFilter(place="Baghdad")))) == 0  # no location set


def test_full_text_search(tmp_path):
    store = Store(tmp_path / "d.db")
    store.add(_doc(1), "a.txt", "r1")
    store.add(_doc(2, "Iran fired missiles at Al Asad air base."), "b.txt", "r2")
    rows = store.search("missiles")
    assert [r["id"] for r in rows] == ["doc0000000000002"]
    with pytest.raises(StoreError):
        store.search('"unbalanced')


def test_readonly_missing_db_is_clear(tmp_path):
    with pytest.raises(StoreError, match="dateline ingest"):
        Store(tmp_path / "none.db", readonly=True)


def test_upgrade_from_schema_2_backfills_the_event_index(tmp_path):
    path = tmp_path / "d.db"
    store = Store(path)
    store.add(_doc(1), "a.txt", "r1")
    # make it look like a store written before migration 3
    store.db.executescript(
        "DROP TABLE event_args; DROP TABLE event_names; DROP INDEX events_browse; PRAGMA user_version=2;"
    )
    store.close()
    upgraded = Store(path)
    assert upgraded.schema_version == len(MIGRATIONS)
    assert len(list(upgraded.events(EventFilter(actor="kingdom")))) == 1
    assert len(list(upgraded.events(EventFilter(country="IRQ")))) == 1
    assert upgraded.count("event_args") == 2


def test_actor_filter_matches_words_and_prefixes(tmp_path):
    store = Store(tmp_path / "d.db")
    store.add(_doc(1), "a.txt", "r1")
    assert len(list(store.events(EventFilter(actor="British troops")))) == 1  # the text as written
    assert len(list(store.events(EventFilter(actor="unit")))) == 1  # a prefix of a word of the name
    assert len(list(store.events(EventFilter(actor="troops Britain")))) == 0
    assert len(list(store.events(EventFilter(actor="'; DROP TABLE events; --")))) == 0
    # replacing the document leaves no stale index rows
    store.add(_doc(1), "a.txt", "r1")
    assert store.count("event_args") == 2
    assert store.db.execute("SELECT count(*) FROM event_names").fetchone()[0] == 1
