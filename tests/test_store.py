from __future__ import annotations

import re
import sqlite3

import pytest

from dateline.model import Actor, Document, Entity, Event, EventDate, Quote, Removed, Sentence, stable_id
from dateline.store import MIGRATIONS, EventFilter, Store, StoreError, event_where


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
        "DROP TABLE event_args; DROP TABLE arg_names; DROP TABLE arg_names_fts; DROP TABLE event_days;"
        " DROP INDEX events_browse;"
        " DROP INDEX events_located; DROP INDEX events_location_country; PRAGMA user_version=2;"
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
    assert store.db.execute("SELECT count(*) FROM arg_names").fetchone()[0] == 2
    assert store.db.execute("SELECT count(*) FROM arg_names_fts").fetchone()[0] == 2


# names that share words and prefixes, so that a query resolves to several of them
_NAMES = [("Vale Council", "VLC"), ("Valemark army", "VMK"), ("Ostria", "OST"), ("Ostrian police", "OST"),
          ("Mira Tal", "VLC"), ("the council of Ostria", "OST"), ("Tal brigade", None), ("Valemark", "VMK")]  # fmt: skip


def _many(tmp_path) -> tuple[Store, list[Event]]:
    """A store of 30 documents, 4 events each, with actors and recipients drawn from _NAMES."""
    store = Store(tmp_path / "many.db")
    events = []
    for d in range(30):
        doc = _doc(100 + d)
        doc.events = []
        for k in range(4):
            n = d * 4 + k
            (a, ac), (r, rc) = _NAMES[n % len(_NAMES)], _NAMES[(n * 3 + 1) % len(_NAMES)]
            doc.events.append(Event(
                id=stable_id(doc.id, n), doc_id=doc.id, event=("ASSAULT", "CONSULT")[n % 2], mode=None, cameo=None,
                actor=[Actor(a.split()[-1], 0, 5, name=a if n % 5 else None, country=ac)],
                recipient=[Actor(r, 0, 5, name=r, country=rc)], text=doc.text, sentence_start=0,
                sentence_end=len(doc.text), event_text="x", event_start=0, event_end=1,
                date=EventDate(f"2020-02-{1 + n % 28:02d}", "x", 0, 1, "text")))  # fmt: skip
        store.add(doc, f"m{d}.txt", f"m{d}")
        events += doc.events
    return store, events


def _matches(query: str, e: Event) -> bool:
    words = re.findall(r"\w+", query.lower())
    for a in (*e.actor, *e.recipient):
        have = re.findall(r"\w+", f"{a.name or ''} {a.text}".lower())
        if all(w in have for w in words[:-1]) and any(h.startswith(words[-1]) for h in have):
            return True
    return False


def _ids(store: Store, f: EventFilter, plan: str) -> list[str]:
    if plan in ("dense", "sparse"):
        return [e.id for e in store.events(f)]
    if plan == "sql only":
        source, where, args = event_where(f)  # no connection: the subqueries are planned by SQLite alone
    else:  # the clauses written for counting: the smallest candidate set drives
        source, where, args = event_where(f, store.db, ordered=False)
    sql = f"SELECT e.id FROM {source} {where} ORDER BY e.date, e.id LIMIT ? OFFSET ?"
    return [r[0] for r in store.db.execute(sql, [*args, f.limit or -1, f.offset])]


@pytest.mark.parametrize("plan", ["dense", "sparse", "sql only", "count dense", "count sparse"])
def test_actor_and_country_plans_agree_with_the_meaning(tmp_path, monkeypatch, plan):
    import dateline.store as store_module

    store, events = _many(tmp_path)
    # every set counts as common (probed) or as rare (driving the query)
    monkeypatch.setattr(store_module, "_threshold", lambda db: 1 if plan.endswith("dense") else 10**9)
    by_date = sorted(events, key=lambda e: (e.date.value, e.id))
    for query in (
        "ostria",
        "Ostri",
        "vale",
        "valemark army",
        "council",
        "council ostria",
        "tal",
        "t",
        "nobody",
    ):
        got = _ids(store, EventFilter(actor=query), plan)
        assert got == [e.id for e in by_date if _matches(query, e)], query
    for code in ("OST", "VLC", "XXX"):
        got = _ids(store, EventFilter(country=code), plan)
        want = [e.id for e in by_date if code in {a.country for a in (*e.actor, *e.recipient)}]
        assert got == want and (want or code == "XXX"), code
    got = _ids(store, EventFilter(actor="vale", country="VMK", type="assault", limit=3, offset=1), plan)
    want = [e.id for e in by_date if _matches("vale", e) and e.event == "ASSAULT"
            and "VMK" in {a.country for a in (*e.actor, *e.recipient)}]  # fmt: skip
    assert got == want[1:4] and len(want) > 3
    for since, until in (("2020-02-03", "2020-02-20"), ("2020-02-27", None)):
        got = _ids(
            store, EventFilter(actor="ostria", country="OST", type="CONSULT", since=since, until=until), plan
        )
        want = [e.id for e in by_date if _matches("ostria", e) and e.event == "CONSULT"
                and "OST" in {a.country for a in (*e.actor, *e.recipient)}
                and since <= e.date.value <= (until or "9")]  # fmt: skip
        assert got == want and want, (since, until)


def test_replacing_a_document_drops_names_no_event_uses(tmp_path):
    store, _ = _many(tmp_path)
    names = store.db.execute("SELECT count(*) FROM arg_names").fetchone()[0]
    doc = _doc(7)
    store.add(doc, "x.txt", "x")
    assert store.db.execute("SELECT count(*) FROM arg_names").fetchone()[0] == names + 2
    assert len(list(store.events(EventFilter(actor="british")))) == 1
    doc.events[0].actor[0].text, doc.events[0].actor[0].name = "Unique Zed", None
    store.add(doc, "x.txt", "y")
    assert len(list(store.events(EventFilter(actor="british")))) == 0
    assert len(list(store.events(EventFilter(actor="zed")))) == 1
    assert store.db.execute("SELECT count(*) FROM arg_names").fetchone()[0] == names + 2
    assert store.db.execute("SELECT count(*) FROM arg_names_fts").fetchone()[0] == names + 2
    days = "SELECT date, event, n FROM event_days ORDER BY 1, 2"
    by_day = "SELECT date, event, count(*) FROM events WHERE date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"
    assert [tuple(r) for r in store.db.execute(days)] == [tuple(r) for r in store.db.execute(by_day)]
    store.db.execute("UPDATE event_days SET n = 0")  # a bulk rebuild gives the same index
    before = store.db.execute(
        "SELECT event_rowid, role, name, country, date FROM event_args ORDER BY 1, 2"
    ).fetchall()
    store.rebuild_event_index()
    after = store.db.execute(
        "SELECT event_rowid, role, name, country, date FROM event_args ORDER BY 1, 2"
    ).fetchall()
    assert [tuple(r) for r in before] == [tuple(r) for r in after]
    assert len(list(store.events(EventFilter(actor="zed")))) == 1
    assert [tuple(r) for r in store.db.execute(days)] == [tuple(r) for r in store.db.execute(by_day)]


def test_until_includes_the_times_of_its_last_day(tmp_path):
    store = Store(tmp_path / "d.db")
    doc = _doc()
    doc.events[0].date = EventDate("2020-01-06TEV", "this evening", 33, 45, "text")  # TIMEX3 part of day
    store.add(doc, "a.txt", "a")
    assert [e.id for e in store.events(EventFilter(until="2020-01-06"))] == [doc.events[0].id]
    assert [e.id for e in store.events(EventFilter(since="2020-01-06", until="2020-01-06"))] == [
        doc.events[0].id
    ]
    assert list(store.events(EventFilter(until="2020-01-05"))) == []
