"""Storage: one SQLite file (WAL mode) behind one interface, `Store`.

Each document is written in one transaction together with everything extracted
from it (the ingest writes a batch of documents per transaction, each of them
whole: `Store.batch`), so a run killed at any moment leaves no half-written
document. The schema is versioned (`PRAGMA user_version`) and migrations run on open.

Tables: documents (+ FTS5 index), sources (every input seen: its raw hash, the
document it gave, or the reason it failed), entities, timexes, places, quotes,
events, signatures (MinHash for near-duplicate detection), and the cross-article
tables (merged events, stories) added by later migrations.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from dateline.model import Document, Entity, Event, Quote, Record

# The event index (migration 3): each actor/recipient of an event is a row of event_args pointing at its distinct
# (name, text) pair in arg_names, whose FTS5 index resolves an actor query to a few names first; the event's date
# is copied into event_args so that counts and per-day series of an actor or country never read the events table;
# event_days keeps the number of events per (date, type) for the unfiltered timeline.
_EVENT_INDEX_TABLES = """
    CREATE TABLE arg_names (id INTEGER PRIMARY KEY, name TEXT NOT NULL, text TEXT NOT NULL, UNIQUE (name, text));
    CREATE VIRTUAL TABLE arg_names_fts USING fts5(names, tokenize='unicode61 remove_diacritics 2');
    CREATE TABLE event_args (
        event_rowid INTEGER NOT NULL, doc_id TEXT NOT NULL, role TEXT NOT NULL, name TEXT, name_id INTEGER NOT NULL,
        country TEXT, date TEXT
    );
    CREATE TABLE event_days (date TEXT NOT NULL, event TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (date, event))
        WITHOUT ROWID;
"""
# Fills arg_names, its FTS index and event_args from the events' JSON (migration 3; Store.rebuild_event_index)
_EVENT_INDEX_FILL = """
    CREATE TEMP TABLE _args AS
        SELECT e.rowid AS event_rowid, e.doc_id AS doc_id, e.date AS date, 'actor' AS role,
               coalesce(json_extract(a.value, '$.name'), '') AS name, coalesce(json_extract(a.value, '$.text'), '')
               AS text, json_extract(a.value, '$.country') AS country
        FROM events e, json_each(e.data, '$.actor') a;
    INSERT INTO _args
        SELECT e.rowid, e.doc_id, e.date, 'recipient', coalesce(json_extract(a.value, '$.name'), ''),
               coalesce(json_extract(a.value, '$.text'), ''), json_extract(a.value, '$.country')
        FROM events e, json_each(e.data, '$.recipient') a;
    INSERT OR IGNORE INTO arg_names(name, text) SELECT name, text FROM _args ORDER BY name, text;
    INSERT INTO arg_names_fts(rowid, names) SELECT id, name || ' ' || text FROM arg_names;
    INSERT INTO event_args(event_rowid, doc_id, role, name, name_id, country, date)
        SELECT t.event_rowid, t.doc_id, t.role, CASE WHEN t.name <> '' THEN t.name ELSE t.text END, n.id,
               t.country, t.date
        FROM _args t JOIN arg_names n ON n.name = t.name AND n.text = t.text ORDER BY t.event_rowid;
    DROP TABLE temp._args;
    INSERT INTO event_days(date, event, n)
        SELECT date, event, count(*) FROM events WHERE date IS NOT NULL GROUP BY date, event;
"""
# made after the bulk fill (faster than keeping them up to date row by row); rebuild_event_index drops them first
_EVENT_INDEX_INDEXES = {
    "event_args_event": "event_args(event_rowid, name_id, country)",  # probes from a date-ordered scan
    "event_args_name_id": "event_args(name_id, date, event_rowid)",  # an actor's events, counts, days
    "event_args_country": "event_args(country, date, event_rowid)",  # a country's events, counts, days
    "event_args_name": "event_args(name COLLATE NOCASE, role, date, event_rowid)",  # the actor page
    "event_args_doc": "event_args(doc_id)",  # replacing a document
}
_EVENT_INDEX_CREATE = "".join(f"CREATE INDEX {k} ON {v};\n" for k, v in _EVENT_INDEX_INDEXES.items())

# Each migration moves the schema from version i to i+1. Never edit a released one; append.
MIGRATIONS: list[str] = [
    # 1: documents, sources, annotations, FTS
    """
    CREATE TABLE documents (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL,
        source TEXT,
        url TEXT,
        path TEXT,
        title TEXT,
        outlet TEXT,
        byline TEXT,
        published TEXT,
        published_source TEXT,
        input_kind TEXT,
        status TEXT NOT NULL,
        duplicate_of TEXT,
        similarity REAL,
        text TEXT NOT NULL,
        data TEXT NOT NULL,
        ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX documents_published ON documents(published);
    CREATE INDEX documents_outlet ON documents(outlet);
    CREATE INDEX documents_hash ON documents(content_hash);
    CREATE TABLE sources (
        source TEXT PRIMARY KEY,
        raw_hash TEXT,
        doc_id TEXT,
        status TEXT NOT NULL,
        reason TEXT,
        seen_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX sources_hash ON sources(raw_hash);
    CREATE TABLE entities (
        doc_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        text TEXT NOT NULL,
        label TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        sentence INTEGER,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE INDEX entities_label_text ON entities(label, text);
    CREATE TABLE timexes (
        doc_id TEXT NOT NULL, idx INTEGER NOT NULL, type TEXT, value TEXT, data TEXT NOT NULL,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE TABLE places (
        doc_id TEXT NOT NULL, idx INTEGER NOT NULL, name TEXT, country TEXT, feature TEXT,
        lat REAL, lon REAL, data TEXT NOT NULL,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE INDEX places_name ON places(name);
    CREATE TABLE quotes (
        id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, speaker TEXT, direct INTEGER, data TEXT NOT NULL
    );
    CREATE INDEX quotes_doc ON quotes(doc_id);
    CREATE INDEX quotes_speaker ON quotes(speaker);
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL,
        event TEXT NOT NULL,
        mode TEXT,
        date TEXT,
        factuality TEXT,
        actors TEXT,
        actor_countries TEXT,
        recipients TEXT,
        recipient_countries TEXT,
        location TEXT,
        location_country TEXT,
        data TEXT NOT NULL
    );
    CREATE INDEX events_doc ON events(doc_id);
    CREATE INDEX events_type_date ON events(event, date);
    CREATE INDEX events_date ON events(date);
    CREATE TABLE signatures (doc_id TEXT PRIMARY KEY, minhash BLOB NOT NULL);
    CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid');
    CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;
    """,
    # 2: cross-article links (dateline.link): merged events, the event->merged links with evidence, stories
    """
    CREATE TABLE merged_events (
        id TEXT PRIMARY KEY,
        event TEXT NOT NULL,
        date TEXT,
        first_reported TEXT,
        countries TEXT,
        location TEXT,
        mentions INTEGER NOT NULL,
        sources INTEGER NOT NULL,
        disputed INTEGER NOT NULL DEFAULT 0,
        story_id TEXT,
        data TEXT NOT NULL
    );
    CREATE INDEX merged_events_type_date ON merged_events(event, date);
    CREATE INDEX merged_events_date ON merged_events(date);
    CREATE INDEX merged_events_story ON merged_events(story_id);
    CREATE TABLE event_links (
        event_id TEXT PRIMARY KEY,
        merged_id TEXT NOT NULL,
        doc_id TEXT NOT NULL,
        event TEXT NOT NULL,
        day INTEGER,
        day_hi INTEGER,
        coarse INTEGER NOT NULL DEFAULT 0,
        keys TEXT NOT NULL DEFAULT '',
        score REAL,
        evidence TEXT,
        feat TEXT NOT NULL
    );
    CREATE INDEX event_links_merged ON event_links(merged_id);
    CREATE INDEX event_links_block ON event_links(event, coarse, day);
    CREATE INDEX event_links_doc ON event_links(doc_id);
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT,
        first_date TEXT,
        last_date TEXT,
        day_last INTEGER,
        documents INTEGER NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX stories_day ON stories(day_last);
    CREATE TABLE story_docs (
        doc_id TEXT PRIMARY KEY,
        story_id TEXT NOT NULL,
        score REAL
    );
    CREATE INDEX story_docs_story ON story_docs(story_id);
    CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL);
    CREATE TABLE link_meta (key TEXT PRIMARY KEY, value TEXT);
    """,
    # 3: fast event browsing on large stores: a covering index for date-ordered paging, a partial index of the
    #    events with coordinates (the map), location country with date, and the event index (see above)
    """
    CREATE INDEX events_browse ON events(date, id, event, factuality, doc_id, location, location_country);
    CREATE INDEX events_located ON events(date, id) WHERE json_extract(data, '$.location.lat') IS NOT NULL;
    CREATE INDEX events_location_country ON events(location_country, date);
    """
    + _EVENT_INDEX_TABLES
    + _EVENT_INDEX_FILL
    + _EVENT_INDEX_CREATE,
    # 4: reports of an act inside another event ("condemned the strike near Mbau"), written by the linker
    #    (dateline/link/merge.py): the verbal event, the merged event of the act it reports, its type and evidence
    """
    CREATE TABLE IF NOT EXISTS event_refs (
        event_id TEXT NOT NULL,
        merged_id TEXT NOT NULL,
        doc_id TEXT NOT NULL,
        event TEXT NOT NULL,
        score REAL,
        evidence TEXT,
        PRIMARY KEY (event_id, event)
    );
    CREATE INDEX IF NOT EXISTS event_refs_merged ON event_refs(merged_id);
    CREATE INDEX IF NOT EXISTS event_refs_doc ON event_refs(doc_id);
    """,
    # 5: a report of an act in a sentence no event carries ("Families who fled the attack on Chai ..."): no event id,
    #    keyed by its document and sentence span; the reports inside verbal acts keep their event id (one per event
    #    and type) and now record their sentence span too (NULL in rows of older stores)
    """
    CREATE TABLE event_refs_5 (
        event_id TEXT,
        merged_id TEXT NOT NULL,
        doc_id TEXT NOT NULL,
        event TEXT NOT NULL,
        score REAL,
        evidence TEXT,
        sentence_start INTEGER,
        sentence_end INTEGER
    );
    INSERT INTO event_refs_5(event_id, merged_id, doc_id, event, score, evidence)
        SELECT event_id, merged_id, doc_id, event, score, evidence FROM event_refs;
    DROP TABLE event_refs;
    ALTER TABLE event_refs_5 RENAME TO event_refs;
    CREATE UNIQUE INDEX event_refs_event ON event_refs(event_id, event);
    CREATE INDEX event_refs_merged ON event_refs(merged_id);
    CREATE INDEX event_refs_doc ON event_refs(doc_id);
    """,
]

# annotation tables written with each document, in deletion order
_CHILD_TABLES = ("entities", "timexes", "places", "quotes", "event_args", "events", "signatures")


class StoreError(RuntimeError):
    pass


class _Batch:
    """The writes of a `Store.batch` so far: those that completed (made again if the batch is rolled back), and
    whether one raised (its half may be in the transaction)."""

    def __init__(self) -> None:
        self.done: list[Callable[[], None]] = []
        self.dirty = False

    def run(self, write: Callable[[], None]) -> None:
        try:
            write()
        except BaseException:
            self.dirty = True
            raise
        self.done.append(write)


@dataclass
class EventFilter:
    type: str | None = None
    actor: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    factuality: str | None = None
    doc_id: str | None = None
    outlet: str | None = None
    place: str | None = None
    limit: int | None = None
    offset: int = 0


class Store:
    """The Dateline database. Safe to read from several threads; one writer at a time (SQLite)."""

    def __init__(self, path: str | Path = "dateline.db", readonly: bool = False) -> None:
        self.path = str(path)
        if (
            not self.path.strip()
        ):  # SQLite would open a private temporary database: everything written is lost
            raise StoreError("no database file given (--db is empty): give a file name, e.g. --db news.db")
        if readonly and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no database at {self.path}: run `dateline ingest` first")
        self._local = threading.local()
        self.readonly = readonly
        if self.path != ":memory:" and Path(self.path).is_dir():
            raise StoreError(
                f"{self.path} is a folder, not a database file: give a file name, e.g. --db news.db"
            )
        try:
            if not readonly:
                self._refuse_foreign()
                self._migrate()
            elif self.path != ":memory:" and self.schema_version == 0:
                self.close()
                raise StoreError(
                    f"{self.path} is not a Dateline database (empty or made by another program): "
                    "check --db, or run `dateline ingest` into a new file"
                )
        except sqlite3.DatabaseError as exc:
            self.close()
            raise StoreError(_open_error(self.path, readonly, exc)) from exc

    # ------------------------------------------------------------------ connection

    @property
    def db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            if self.readonly:
                conn = _connect_readonly(self.path)
            else:
                conn = sqlite3.connect(self.path, timeout=60, check_same_thread=False)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
                # 64 MiB of page cache (SQLite's default is 2 MiB), a bound, filled only as a store grows: writing a
                # document inserts into a dozen indexes (events, event_args...) at places spread over a large store,
                # whose pages would otherwise be read again and again (half the CPU of storing events at 2,000
                # documents)
                conn.execute("PRAGMA cache_size=-65536")
            conn.execute("PRAGMA busy_timeout=60000")
            conn.create_function("dl_fold", 1, _fold, deterministic=True)
            conn.row_factory = sqlite3.Row
            self._local.conn = conn
        return conn

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def _refuse_foreign(self) -> None:
        """An SQLite file made by another program (tables, no Dateline schema version) is left untouched."""
        db = self.db
        if db.execute("PRAGMA user_version").fetchone()[0] == 0:
            tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' LIMIT 3")]
            if tables:
                self.close()
                raise StoreError(
                    f"{self.path} is an SQLite database of another program (tables: {', '.join(tables)}), "
                    "not a Dateline one: not touching it; give another --db"
                )

    def _migrate(self) -> None:
        db = self.db
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this Dateline ({len(MIGRATIONS)}): upgrade"
            )
        for i in range(version, len(MIGRATIONS)):
            with db:
                db.executescript("BEGIN;" + MIGRATIONS[i] + f";PRAGMA user_version={i + 1};COMMIT;")

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    # ------------------------------------------------------------------ writing

    def seen(self, source: str, raw_hash: str) -> bool:
        """True if this input, unchanged, was already ingested (or found a duplicate) in an earlier run."""
        return self.status_of(source, raw_hash) not in (None, "failed")

    def status_of(self, source: str, raw_hash: str) -> str | None:
        """What an earlier run recorded for this input if it is unchanged since (same raw hash): "processed",
        "duplicate", "near-duplicate", "failed"...; None if it is new or changed."""
        row = self.db.execute("SELECT raw_hash, status FROM sources WHERE source=?", (source,)).fetchone()
        return row["status"] if row is not None and row["raw_hash"] == raw_hash else None

    def doc_id_for_hash(self, content_hash: str) -> str | None:
        row = self.db.execute(
            "SELECT id FROM documents WHERE content_hash=? LIMIT 1", (content_hash,)
        ).fetchone()
        return row["id"] if row else None

    def record_source(self, source: str, raw_hash: str | None, status: str, doc_id: str | None = None,
                      reason: str | None = None) -> None:  # fmt: skip
        batch: _Batch | None = getattr(self._local, "batch", None)
        if batch is not None:
            batch.run(partial(self._upsert_source, source, raw_hash, status, doc_id, reason))
            return
        with self.db:
            self._upsert_source(source, raw_hash, status, doc_id, reason)

    def _upsert_source(self, source: str, raw_hash: str | None, status: str, doc_id: str | None,
                       reason: str | None) -> None:  # fmt: skip
        self.db.execute(
            "INSERT INTO sources(source, raw_hash, doc_id, status, reason) VALUES (?,?,?,?,?) "
            "ON CONFLICT(source) DO UPDATE SET raw_hash=excluded.raw_hash, doc_id=excluded.doc_id, "
            "status=excluded.status, reason=excluded.reason, seen_at=strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
            (source, raw_hash, doc_id, status, reason),
        )

    def add(self, doc: Document, source: str, raw_hash: str | None, signature: bytes | None = None) -> None:
        """Write a document and all its annotations atomically (replacing an earlier version of it): in a
        transaction of its own, or in the transaction of `batch()`."""
        batch: _Batch | None = getattr(self._local, "batch", None)
        if batch is not None:
            batch.run(partial(self._write, doc, source, raw_hash, signature))
            return
        try:
            with self.db:
                self._write(doc, source, raw_hash, signature)
        except BaseException:
            self._forget_names()  # the names this transaction added are rolled back with it
            raise

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Write the documents added (and sources recorded) inside in one transaction: cheaper than one each (the
        pages their rows share, in the tables and their indexes, are written once), and as safe. Each document
        stays whole or absent: if writing one raises, or an exception ends the batch (Ctrl-C), the transaction is
        rolled back and the writes that had completed are made again and committed (then the exception goes on),
        which leaves what a transaction per document would have left. Only a hard kill of the process loses the
        batch's documents, which were never committed (the next run writes them again)."""
        local = self._local
        if getattr(local, "batch", None) is not None:  # nested: the outer batch commits
            yield
            return
        db = self.db
        if db.in_transaction:
            db.commit()
        batch = local.batch = _Batch()
        try:
            db.execute("BEGIN")
            yield
        except BaseException:
            local.batch = None
            self._end_batch(batch, failed=True)
            raise
        local.batch = None
        self._end_batch(batch, failed=batch.dirty)

    def _end_batch(self, batch: _Batch, failed: bool) -> None:
        db = self.db
        if not failed:
            try:
                db.commit()
                return
            except BaseException:
                db.rollback()
                self._forget_names()
                raise
        db.rollback()  # a half-written document may be in the transaction: back to the start, then the whole ones
        self._forget_names()
        if not batch.done:
            return
        try:
            with db:
                for write in batch.done:
                    write()
        except BaseException:
            self._forget_names()
            raise

    def _write(self, doc: Document, source: str, raw_hash: str | None, signature: bytes | None) -> None:
        db = self.db
        self._delete_doc(doc.id)
        db.execute(
            "INSERT INTO documents(id, content_hash, source, url, path, title, outlet, byline, published,"
            " published_source, input_kind, status, duplicate_of, similarity, text, data)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.id, doc.content_hash or doc.id, source, doc.url, doc.path, doc.title, doc.outlet, doc.byline,
             doc.published, doc.published_source, doc.input_kind, doc.status, doc.duplicate_of, doc.similarity,
             doc.text, json.dumps(_doc_meta(doc), ensure_ascii=False)),
        )  # fmt: skip
        db.executemany(
            'INSERT INTO entities(doc_id, idx, text, label, start, "end", sentence) VALUES (?,?,?,?,?,?,?)',
            [(doc.id, i, e.text, e.label, e.start, e.end, e.sentence) for i, e in enumerate(doc.entities)],
        )
        db.executemany(
            "INSERT INTO timexes(doc_id, idx, type, value, data) VALUES (?,?,?,?,?)",
            [(doc.id, i, t.type, t.value, _record_json(t)) for i, t in enumerate(doc.timexes)],
        )
        db.executemany(
            "INSERT INTO places(doc_id, idx, name, country, feature, lat, lon, data) VALUES (?,?,?,?,?,?,?,?)",
            [(doc.id, i, p.name, p.country, p.feature, p.lat, p.lon, _record_json(p))
             for i, p in enumerate(doc.places)],
        )  # fmt: skip
        db.executemany(
            "INSERT OR REPLACE INTO quotes(id, doc_id, speaker, direct, data) VALUES (?,?,?,?,?)",
            [(q.id, doc.id, q.speaker, int(q.direct), _record_json(q)) for q in doc.quotes],
        )
        db.executemany(
            "INSERT OR REPLACE INTO events(id, doc_id, event, mode, date, factuality, actors, actor_countries,"
            " recipients, recipient_countries, location, location_country, data)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            _event_rows(doc),
        )
        self._index_event_args(doc)
        if signature is not None:
            db.execute("INSERT OR REPLACE INTO signatures(doc_id, minhash) VALUES (?,?)", (doc.id, signature))
        self._upsert_source(source, raw_hash, doc.status, doc.id, None)

    def rebuild_event_index(self) -> None:
        """Rebuild event_args and arg_names from the events table (after bulk loads that bypass `add`)."""
        self._forget_names()
        drop = "".join(f"DROP INDEX IF EXISTS {name};" for name in _EVENT_INDEX_INDEXES)
        self.db.executescript(
            "BEGIN;" + drop + "DELETE FROM event_args; DELETE FROM arg_names; DELETE FROM arg_names_fts; DELETE FROM event_days;"
            + _EVENT_INDEX_FILL + _EVENT_INDEX_CREATE + "COMMIT;"
        )  # fmt: skip

    def _index_event_args(self, doc: Document) -> None:
        events = _event_args(doc)
        if not events:
            return
        db = self.db
        rows: dict[str, tuple[int, str | None]] = {}
        days: dict[tuple[str, str], int] = {}
        for eid, rid, day, event in db.execute(
            "SELECT id, rowid, date, event FROM events WHERE doc_id=?", (doc.id,)
        ):
            rows[eid] = (rid, day)
            if day is not None:
                days[(day, event)] = days.get((day, event), 0) + 1
        names = self._names()
        args = []
        for eid, actors, recipients in events:
            rid, day = rows[eid]
            for role, people in (("actor", actors), ("recipient", recipients)):
                for name, text, country in people:
                    key = (name or "", text or "")
                    name_id = names.get(key)
                    if name_id is None:
                        name_id = names[key] = self._name_id(*key)
                    args.append((rid, doc.id, role, name or text, name_id, country, day))
        db.executemany(
            "INSERT INTO event_args(event_rowid, doc_id, role, name, name_id, country, date) VALUES (?,?,?,?,?,?,?)",
            args,
        )
        db.executemany(  # one row per (date, type) of the document, its count at once: the same counts
            "INSERT INTO event_days(date, event, n) VALUES (?,?,?) ON CONFLICT(date, event) DO UPDATE SET n = n + excluded.n",
            [(day, event, n) for (day, event), n in days.items()],
        )

    def _names(self) -> dict[tuple[str, str], int]:
        """The ids of the (name, text) pairs of arg_names this connection has met, kept across documents (an actor
        recurs in most of them). Forgotten when another connection has committed since (it may have removed a
        name), when a transaction is rolled back (its new names are gone), when a replaced document leaves names
        unused (they are deleted: _delete_doc) and by rebuild_event_index."""
        local = self._local
        version = self.db.execute("PRAGMA data_version").fetchone()[0]
        names = getattr(local, "names", None)
        if names is None or local.names_version != version:
            names = local.names = {}
            local.names_version = version
        return names

    def _forget_names(self) -> None:
        self._local.names = None

    def _name_id(self, name: str, text: str) -> int:
        """The id of a distinct (name, text) pair, added to arg_names and its FTS index when new."""
        cur = self.db.execute("INSERT OR IGNORE INTO arg_names(name, text) VALUES (?,?)", (name, text))
        if cur.rowcount == 1 and cur.lastrowid is not None:
            self.db.execute(
                "INSERT INTO arg_names_fts(rowid, names) VALUES (?,?)", (cur.lastrowid, f"{name} {text}")
            )
            return cur.lastrowid
        return self.db.execute("SELECT id FROM arg_names WHERE name=? AND text=?", (name, text)).fetchone()[0]

    def _delete_doc(self, doc_id: str) -> None:
        db = self.db
        names = [
            r[0] for r in db.execute("SELECT DISTINCT name_id FROM event_args WHERE doc_id=?", (doc_id,))
        ]
        days = db.execute(
            "SELECT date, event, count(*) FROM events WHERE doc_id=? AND date IS NOT NULL GROUP BY date, event",
            (doc_id,),
        ).fetchall()
        db.executemany(
            "UPDATE event_days SET n = n - ? WHERE date=? AND event=?", [(n, d, e) for d, e, n in days]
        )
        db.executemany(
            "DELETE FROM event_days WHERE date=? AND event=? AND n <= 0", [(d, e) for d, e, _ in days]
        )
        for table in _CHILD_TABLES:
            db.execute(f"DELETE FROM {table} WHERE doc_id=?", (doc_id,))
        db.execute("DELETE FROM documents WHERE id=?", (doc_id,))
        # names no other event uses any more leave the name index (only this document's: no full scan)
        for i in range(0, len(names), 500):
            chunk = names[i : i + 500]
            marks = ",".join("?" * len(chunk))
            orphans = [r[0] for r in db.execute(
                f"SELECT id FROM arg_names n WHERE id IN ({marks})"
                " AND NOT EXISTS (SELECT 1 FROM event_args a WHERE a.name_id = n.id)", chunk)]  # fmt: skip
            if orphans:
                marks = ",".join("?" * len(orphans))
                db.execute(f"DELETE FROM arg_names_fts WHERE rowid IN ({marks})", orphans)
                db.execute(f"DELETE FROM arg_names WHERE id IN ({marks})", orphans)
                self._forget_names()  # (their ids would be given to other names)

    # ------------------------------------------------------------------ reading

    def count(self, table: str = "documents") -> int:
        if table not in ("documents", "sources", *_CHILD_TABLES):
            raise StoreError(f"unknown table {table}")
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def document_rows(self, limit: int | None = None, offset: int = 0, outlet: str | None = None,
                      since: str | None = None, until: str | None = None) -> list[sqlite3.Row]:  # fmt: skip
        """Document summaries (no text), ordered by publication date."""
        where, args = _where({"outlet = ?": outlet, "published >= ?": since, "published <= ?": until})
        sql = (
            "SELECT id, published, outlet, title, status, duplicate_of, url, path, byline, published_source,"
            f" input_kind FROM documents {where} ORDER BY published IS NULL, published, rowid"
        )
        sql, args = _page(sql, args, limit, offset)
        return self.db.execute(sql, args).fetchall()

    def get(self, doc_id: str) -> Document | None:
        """A whole document with its annotations; `doc_id` may be a unique prefix."""
        row = self.db.execute("SELECT * FROM documents WHERE id=?", (doc_id,)).fetchone()
        if row is None and len(doc_id) >= 4:
            rows = self.db.execute(
                "SELECT * FROM documents WHERE id LIKE ? LIMIT 2", (doc_id + "%",)
            ).fetchall()
            row = rows[0] if len(rows) == 1 else None
        if row is None:
            return None
        data = json.loads(row["data"])
        data["text"] = row["text"]
        doc = Document.from_dict(data)
        did = doc.id
        doc.entities = [
            Entity(r["text"], r["label"], r["start"], r["end"], r["sentence"])
            for r in self.db.execute("SELECT * FROM entities WHERE doc_id=? ORDER BY idx", (did,))
        ]
        from dateline.model import Place, Timex

        doc.timexes = [Timex.from_dict(json.loads(r[0])) for r in
                       self.db.execute("SELECT data FROM timexes WHERE doc_id=? ORDER BY idx", (did,))]  # fmt: skip
        doc.places = [Place.from_dict(json.loads(r[0])) for r in
                      self.db.execute("SELECT data FROM places WHERE doc_id=? ORDER BY idx", (did,))]  # fmt: skip
        doc.quotes = list(self.quotes(doc_id=did))
        doc.events = list(self.events(EventFilter(doc_id=did)))
        return doc

    def iter_documents(self, with_text: bool = True, batch: int = 500) -> Iterator[dict[str, Any]]:
        """Document records as dicts (the export shape), streamed."""
        last = 0
        while True:
            rows = self.db.execute(
                "SELECT rowid, * FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, batch)
            ).fetchall()
            if not rows:
                return
            for r in rows:
                last = r["rowid"]
                yield _document_record(r, with_text)

    def iter_entities(self, doc_id: str | None = None, label: str | None = None) -> Iterator[dict[str, Any]]:
        where, args = _where({"doc_id = ?": doc_id, "label = ?": label})
        cols = ", ".join(f'"{c}"' for c in ENTITY_FIELDS)
        for r in self.db.execute(f"SELECT {cols} FROM entities {where} ORDER BY doc_id, idx", args):
            yield dict(r)

    def iter_places(self, doc_id: str | None = None) -> Iterator[dict[str, Any]]:
        where, args = _where({"doc_id = ?": doc_id})
        for r in self.db.execute(f"SELECT doc_id, data FROM places {where} ORDER BY doc_id, idx", args):
            yield {"doc_id": r["doc_id"], **json.loads(r["data"])}

    def iter_timexes(self, doc_id: str | None = None) -> Iterator[dict[str, Any]]:
        where, args = _where({"doc_id = ?": doc_id})
        for r in self.db.execute(f"SELECT doc_id, data FROM timexes {where} ORDER BY doc_id, idx", args):
            yield {"doc_id": r["doc_id"], **json.loads(r["data"])}

    def quotes(self, speaker: str | None = None, doc_id: str | None = None, limit: int | None = None,
               offset: int = 0) -> Iterator[Quote]:  # fmt: skip
        """Quotations, in the order they were said (a document's own in text order); `speaker` matches the
        resolved name or the words of the text, ignoring case and accents ("Mucio" finds "Múcio")."""
        like = f"%{_fold(speaker)}%" if speaker else None
        where, args = _where({
            "q.doc_id = ?": doc_id,
            "(dl_fold(q.speaker) LIKE ? OR dl_fold(json_extract(q.data, '$.speaker_text')) LIKE ?)": like,
        })  # fmt: skip
        if like:
            args.append(like)
        order = (
            "q.rowid"
            if doc_id
            else "COALESCE(json_extract(q.data, '$.date'), d.published, ''), q.doc_id, q.rowid"
        )
        sql, args = _page(
            f"SELECT q.data FROM quotes q LEFT JOIN documents d ON d.id = q.doc_id {where} ORDER BY {order}",
            args, limit, offset,
        )  # fmt: skip
        for r in self.db.execute(sql, args):
            yield Quote.from_dict(json.loads(r[0]))

    def events(self, f: EventFilter | None = None) -> Iterator[Event]:
        f = f or EventFilter()
        source, where, args = event_where(f, self.db)
        sql, args = _page(
            f"SELECT e.data FROM {source} {where} ORDER BY e.date, e.id", args, f.limit, f.offset
        )
        for r in self.db.execute(sql, args):
            yield Event.from_dict(json.loads(r[0]))

    def search(self, query: str, limit: int = 20) -> list[sqlite3.Row]:
        """Full-text search (FTS5 syntax) over titles and text, best first, with a snippet."""
        try:
            return self.db.execute(
                "SELECT d.id, d.title, d.outlet, d.published,"
                " snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet"
                " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
                " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
                (query, limit),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query {query!r}: {exc}") from exc

    def failures(self) -> list[sqlite3.Row]:
        return self.db.execute("SELECT source, reason, seen_at FROM sources WHERE status='failed'").fetchall()

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        for r in self.db.execute("SELECT doc_id, minhash FROM signatures"):
            yield r[0], r[1]


# ---------------------------------------------------------------------- helpers


def _connect_readonly(path: str) -> sqlite3.Connection:
    """Read-only connection; a WAL database in a folder we cannot write (no -shm file can be made) is opened
    as immutable instead, which reads the committed state."""
    uri = Path(path).resolve().as_uri() if path != ":memory:" else "file::memory:"
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    return conn


def _open_error(path: str, readonly: bool, exc: sqlite3.DatabaseError) -> str:
    msg = str(exc)
    if "not a database" in msg or "malformed" in msg:
        return f"{path} is not a Dateline database (SQLite says: {msg})"
    folder = Path(path).expanduser().resolve().parent
    if not readonly and not folder.is_dir():
        return f"cannot create the database {path}: folder {folder} does not exist"
    if not readonly and ("readonly" in msg or "unable to open" in msg or "read-only" in msg):
        return f"cannot write the database {path}: {msg} (is the file and its folder writable?)"
    return f"cannot open the database {path}: {msg}"


def name_query(text: str) -> str | None:
    """An FTS5 query matching names that contain every word of `text` (the last one as a prefix)."""
    words = re.findall(r"\w+", text)
    if not words:
        return None
    return " ".join(f'"{w}"' for w in words[:-1]) + (" " if len(words) > 1 else "") + f'"{words[-1]}"*'


_NAMES_MAX = 1000  # an actor query resolving to more distinct names than this stays a subquery


def event_where(
    f: EventFilter, db: sqlite3.Connection | None = None, ordered: bool = True
) -> tuple[str, str, list[Any]]:
    """FROM and WHERE clauses over `events e` for a filter; shared by the CLI, the API and exports.

    actor: every word matches a word of one actor's or recipient's name or text (the last word as a prefix,
    any case); country: an actor's, recipient's or the place's ISO code; place: a substring of the place name.

    With the connection `db`, an actor query is first resolved to the matching distinct names, and actor,
    country and outlet are written for the plan that suits them. For a date-ordered page (`ordered`), common
    matches are probed row by row while the date index scan fills the page (it stops early) and rare ones
    drive the query from the event index. For counts and aggregates (`ordered=False`, no early stop) the
    smallest candidate set (actor, country, or the type/date range) drives and the others are probed.
    Without `db` the clauses are the same in meaning, planned by SQLite alone.
    """
    ranged = {
        "e.event = ?": f.type.upper() if f.type else None,
        "e.date >= ?": f.since,
        "e.date <= ?": f.until + "\uffff" if f.until else None,  # a day includes its times ("2020-01-05TEV")
    }
    conds: dict[str, Any] = {
        "e.factuality = ?": f.factuality,
        "e.doc_id = ?": f.doc_id,
        "e.location LIKE ?": f"%{f.place}%" if f.place else None,
    }
    bound = 0 if db is None else _threshold(db) * (1 if ordered else 10)
    # each set: (its size, up to bound; the clause that probes it per row; the clause that drives from it; args)
    sets: list[tuple[int, str, str, list[Any]]] = []
    query = name_query(f.actor) if f.actor else None
    if query:
        sets.append(_actor_set(query, db, bound))
    if f.country:
        c = f.country.upper()
        size = bound
        if db is not None:
            size = db.execute(
                "SELECT (SELECT count(*) FROM (SELECT 1 FROM event_args WHERE country = ? LIMIT ?))"
                " + (SELECT count(*) FROM (SELECT 1 FROM events WHERE location_country = ? LIMIT ?))",
                [c, bound, c, bound],
            ).fetchone()[0]  # fmt: skip
        sets.append((size, "(e.location_country = ? OR EXISTS (SELECT 1 FROM event_args a"
                           " WHERE a.event_rowid = e.rowid AND a.country = ?))",
                     "e.rowid IN (SELECT event_rowid FROM event_args WHERE country = ?"
                     " UNION ALL SELECT rowid FROM events WHERE location_country = ?)", [c, c]))  # fmt: skip
    drivers: set[int] = set()
    if ordered:
        drivers = {i for i, (size, *_) in enumerate(sets) if size < bound}
    elif sets and db is not None:
        smallest = min(range(len(sets)), key=lambda i: sets[i][0])
        range_where, range_args = _where({k.replace("e.", ""): v for k, v in ranged.items()})
        if sets[smallest][0] < bound and range_where:
            in_range = db.execute(f"SELECT count(*) FROM (SELECT 1 FROM events {range_where} LIMIT ?)",
                                  [*range_args, bound]).fetchone()[0]  # fmt: skip
            if in_range <= sets[smallest][0]:
                bound = 0  # the type/date range is the smaller: it drives
        if sets[smallest][0] < bound:
            drivers = {smallest}
            ranged = {"+" + k: v for k, v in ranged.items()}  # "+": no index use, the set drives
    if f.outlet:
        # a common outlet is probed along the date-ordered scan ("+" keeps SQLite from driving by doc_id)
        outlet_docs = "e.doc_id IN (SELECT id FROM documents WHERE outlet = ?)"
        common = ordered and db is not None and _count_to(
            db, "SELECT 1 FROM events WHERE doc_id IN (SELECT id FROM documents WHERE outlet = ?)", [f.outlet],
            _threshold(db)) >= _threshold(db)  # fmt: skip
        conds["+" + outlet_docs if common or drivers else outlet_docs] = f.outlet
    where, args = _where({**ranged, **conds})
    extra: list[str] = []
    for i, (_, probe, drive, set_args) in enumerate(sets):
        extra.append(drive if i in drivers else probe)
        args += set_args
    if extra:
        where = (where + " AND " if where else "WHERE ") + " AND ".join(extra)
    return "events e", where, args


def _actor_set(query: str, db: sqlite3.Connection | None, bound: int) -> tuple[int, str, str, list[Any]]:
    """The actor condition for an FTS5 name query as a candidate set: see event_where."""
    names_sql = "SELECT rowid FROM arg_names_fts WHERE arg_names_fts MATCH ?"
    probe = "EXISTS (SELECT 1 FROM event_args a WHERE a.event_rowid = e.rowid AND a.name_id IN ({}))"
    drive = "e.rowid IN (SELECT event_rowid FROM event_args WHERE name_id IN ({}))"
    if db is None:
        return bound, probe.format(names_sql), drive.format(names_sql), [query]
    ids = [r[0] for r in db.execute(names_sql + " LIMIT ?", (query, _NAMES_MAX + 1))]
    if not ids:
        return 0, "0", "0", []
    if len(ids) > _NAMES_MAX:
        return bound, probe.format(names_sql), drive.format(names_sql), [query]
    marks = ",".join("?" * len(ids))
    size = _count_to(db, f"SELECT 1 FROM event_args WHERE name_id IN ({marks})", ids, bound)
    return size, probe.format(marks), drive.format(marks), ids


def _threshold(db: sqlite3.Connection) -> int:
    """How many matches make probing each row of a date-ordered scan beat driving the query from the
    matches, for a page: about sqrt(100 * events)."""
    n_events = db.execute("SELECT max(rowid) FROM events").fetchone()[0] or 0
    return max(1000, int((100 * n_events) ** 0.5))


def _count_to(db: sqlite3.Connection, sql: str, args: list[Any], bound: int) -> int:
    """The number of rows of `sql`, counted up to `bound`."""
    return int(db.execute(f"SELECT count(*) FROM ({sql} LIMIT ?)", [*args, bound]).fetchone()[0])


def _json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _record_json(rec: Record) -> str:
    """`_json(rec.to_dict())`, the same text, without building the nested dicts first: the encoder asks `_fields`
    for each record it meets and walks lists and atoms itself (the store writes every record of every document
    through here: speed)."""
    return _ENCODE(rec)


_NAMES: dict[type, tuple[str, ...]] = {}


def _fields(obj: Any) -> Any:
    """A record's fields in declaration order, for the encoder (what `Record.to_dict` gives, one level deep)."""
    if isinstance(obj, Record):
        names = _NAMES.get(type(obj))  # (only records converted by Record.to_dict are named here)
        if names is not None:
            # its fields alone, in declaration order: that mapping itself, not a copy
            state = getattr(obj, "__dict__", None)
            if state is not None and tuple(state) == names:
                return state
            return {n: getattr(obj, n) for n in names}
        if type(obj).to_dict is not Record.to_dict:  # (a record with its own conversion keeps it)
            return obj.to_dict()
        names = _NAMES[type(obj)] = tuple(f.name for f in dataclasses.fields(obj))  # type: ignore[arg-type]
        return {n: getattr(obj, n) for n in names}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.asdict(obj)
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


_ENCODE = json.JSONEncoder(ensure_ascii=False, default=_fields).encode


def _fold(text: str | None) -> str | None:
    """Lower case without accents, for matching names as users type them."""
    if text is None:
        return None
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def _where(conds: dict[str, Any]) -> tuple[str, list[Any]]:
    parts = [k for k, v in conds.items() if v is not None]
    args = [v for v in conds.values() if v is not None]
    return ("WHERE " + " AND ".join(parts) if parts else ""), args


def _page(sql: str, args: list[Any], limit: int | None, offset: int) -> tuple[str, list[Any]]:
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args = [*args, int(limit), int(offset)]
    return sql, args


_ANNOTATIONS = ("text", "sentences", "entities", "timexes", "places", "quotes", "events")


def _doc_meta(doc: Document) -> dict[str, Any]:
    d = doc.to_dict(
        skip=_ANNOTATIONS
    )  # (annotations are stored in their own tables, not converted here: speed)
    d["sentences"] = [[s.start, s.end] for s in doc.sentences]
    return d


# the columns of an exported entity and document (a document's `text` last, when asked for), in export order
ENTITY_FIELDS = ("doc_id", "text", "label", "start", "end", "sentence")
DOCUMENT_FIELDS = ("id", "url", "path", "title", "outlet", "byline", "published", "published_source",
                   "published_confidence", "status", "duplicate_of", "similarity", "input_kind", "meta_sources",
                   "removed", "removed_kinds", "text")  # fmt: skip


def _document_record(row: sqlite3.Row, with_text: bool) -> dict[str, Any]:
    data = json.loads(row["data"])
    rec = {
        "id": row["id"],
        "url": row["url"],
        "path": row["path"],
        "title": row["title"],
        "outlet": row["outlet"],
        "byline": row["byline"],
        "published": row["published"],
        "published_source": row["published_source"],
        "published_confidence": data.get("published_confidence"),
        "status": row["status"],
        "duplicate_of": row["duplicate_of"],
        "similarity": row["similarity"],
        "input_kind": row["input_kind"],
        "meta_sources": data.get("meta_sources", {}),
        "removed": [r["text"] for r in data.get("removed", [])],
        "removed_kinds": [r["kind"] for r in data.get("removed", [])],
    }
    if with_text:
        rec["text"] = row["text"]
    return rec


def _bars(values: Sequence[str | None]) -> str:
    """'|A|B|' so that LIKE '%|A|%' matches one whole code."""
    vals = [v for v in values if v]
    return "|" + "|".join(vals) + "|" if vals else ""


def pack_events(doc: Document) -> None:
    """Turn a processed document's events, in place, into what `Store.add` writes of them: their rows of the events
    table (with the JSON) and the actors and recipients of the event index, kept in `doc._stored_events` (transient,
    not a field); `doc.events` is left empty. For a document a worker process sends to the one that stores it:
    strings and tuples pickle and unpickle in a fraction of the time of the records, and the rows are made in the
    worker. `Store.add` writes the same rows either way."""
    if doc.events:
        doc._stored_events = (_event_rows(doc), _event_args(doc))  # type: ignore[attr-defined]
        doc.events = []


def unpack_events(doc: Document) -> list[Event]:
    """The events of a document, packed by `pack_events` or not (the records, from their JSON)."""
    packed = _packed(doc)
    if packed is None:
        return doc.events
    return [Event.from_dict(json.loads(row[-1])) for row in packed[0]]


_Packed = tuple[
    list[tuple[Any, ...]], list[tuple[str, tuple[tuple[Any, ...], ...], tuple[tuple[Any, ...], ...]]]
]


def _packed(doc: Document) -> _Packed | None:
    """The events `pack_events` packed, if the document has no others."""
    packed = doc.__dict__.get("_stored_events")
    return packed if packed is not None and not doc.events else None


def _event_rows(doc: Document) -> list[tuple[Any, ...]]:
    packed = _packed(doc)
    return packed[0] if packed is not None else [_event_row(doc.id, e) for e in doc.events]


def _event_args(doc: Document) -> list[tuple[str, tuple[tuple[Any, ...], ...], tuple[tuple[Any, ...], ...]]]:
    """Per event: its id, then (name, text, country) of each actor and of each recipient (the event index)."""
    packed = _packed(doc)
    if packed is not None:
        return packed[1]
    return [(e.id, tuple((a.name, a.text, a.country) for a in e.actor),
             tuple((a.name, a.text, a.country) for a in e.recipient)) for e in doc.events]  # fmt: skip


def _event_row(doc_id: str, e: Event) -> tuple[Any, ...]:
    return (
        e.id, doc_id, e.event, e.mode, e.date.value if e.date else None, e.factuality,
        _bars([a.name or a.text for a in e.actor]), _bars([a.country for a in e.actor]),
        _bars([a.name or a.text for a in e.recipient]), _bars([a.country for a in e.recipient]),
        (e.location.name or e.location.text) if e.location else None,
        e.location.country if e.location else None,
        _record_json(e),
    )  # fmt: skip
