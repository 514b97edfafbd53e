"""The web explorer and its REST API: `dateline serve`.

Two public entry points: `create_app(db)` builds the FastAPI application (tests drive it with TestClient)
and `run(db, host, port)` serves it with uvicorn, bound to 127.0.0.1 by default.

The API returns the same records and field names as `dateline export` (model.py's `to_dict()` shapes; events
and quotes with their article's outlet, published and url appended, export.with_source); lists are paged (`limit`, `offset`) and carry a `total`. Every query is parameterised. Reads use one
SQLite connection per server thread (Store keeps them thread-local) on a WAL database, so the page stays
responsive while POST /api/ingest writes to the same file. Stories, story timelines and troop series come
from `dateline.link` when it is installed; otherwise those endpoints answer 501.

The page at / is vanilla JS (dateline/web/) with Leaflet vendored, the API description at /docs is the
vendored Swagger UI (works offline); a strict Content-Security-Policy on every response forbids inline
script, and the page builds its DOM with textContent only (article text is untrusted).
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import json
import os
import re
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import IO, Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, model_validator
from starlette.background import BackgroundTask

from dateline import __version__
from dateline.export import with_source
from dateline.model import FACTUALITY, PLOVER_EVENTS, Event, Quote
from dateline.store import EventFilter, Store, StoreError, event_where, name_query

WEB_DIR = Path(__file__).parent / "web"

EventType = Enum("EventType", {name: name for name in PLOVER_EVENTS}, type=str)  # type: ignore[misc]
Factuality = Enum("Factuality", {name: name for name in FACTUALITY}, type=str)  # type: ignore[misc]
ExportWhat = Literal["events", "quotes", "places", "documents", "entities", "times"]
ExportFormat = Literal["csv", "jsonl", "json", "geojson"]

_ID = r"^[A-Za-z0-9_.:-]{1,128}$"
_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
COUNT_CAP = 10_000  # /api/events counts matches exactly up to this many (see exact_total)
_DAY_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_NO_LINK = (
    "stories, timelines and troop series need dateline.link (cross-article merging), "
    "which is not available in this installation"
)


class Page(BaseModel):
    """One page of records."""

    total: int
    total_exact: bool = True
    limit: int
    offset: int
    items: list[dict[str, Any]]


class IngestRequest(BaseModel):
    """An article to process: its text, its HTML, or a URL to fetch (then text/html are not needed)."""

    text: str | None = Field(None, max_length=5_000_000, description="Plain article text.")
    html: str | None = Field(None, max_length=20_000_000, description="The article page's HTML.")
    url: str | None = Field(None, max_length=2000, pattern=r"^https?://\S+$", description="Fetch this page.")
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=200)
    published: date | None = Field(None, description="Publication date, YYYY-MM-DD.")

    @model_validator(mode="after")
    def _one_body(self) -> IngestRequest:
        if self.text is not None and self.html is not None:
            raise ValueError("give text or html, not both")
        body = self.text if self.text is not None else self.html
        if body is not None and not body.strip():
            raise ValueError("the article is empty")
        if body is None and not self.url:
            raise ValueError("give text, html or url")
        return self


class IngestResult(BaseModel):
    doc_id: str | None
    status: str  # processed | near-duplicate | duplicate | unchanged
    reason: str | None = None
    ingested: int = 0
    link_error: str | None = None  # cross-article linking failed (the document is stored all the same)


@dataclass
class _EventQuery(EventFilter):
    """The store's event filter (the CLI's) plus what only the API offers."""

    story: str | None = None
    located: bool = False


class _ReadStore(Store):
    """The read side of the server: each thread's connection memory-maps the database file (reads without a
    copy through SQLite's small default page cache, 2-3x faster scans on large stores) with a larger cache."""

    @property
    def db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = super().db
            conn.execute(
                "PRAGMA mmap_size=2147418112"
            )  # SQLite's default ceiling; the file is mapped, not read
            conn.execute("PRAGMA cache_size=-32768")  # 32 MiB for what mmap does not cover (the WAL)
        return conn


class _Ctx:
    """What the request handlers share: a read store, a write store and the ingest lock."""

    def __init__(self, db: str) -> None:
        self.db_path = db
        self.writer: Store | None = None
        try:
            self.writer = Store(db)  # runs migrations, creates the file, sets WAL
            self.writer.db.execute("SELECT 1")
        except (sqlite3.Error, StoreError):
            self.writer = None  # a read-only file: browse it, but no ingest
        self.reader = _ReadStore(db, readonly=True)
        self.ingest_lock = threading.Lock()


# ---------------------------------------------------------------------- query helpers


def _event_filters(
    since: Annotated[date | None, Query(description="Events on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[date | None, Query(description="Events on or before this date (YYYY-MM-DD).")] = None,
    type: Annotated[EventType | None, Query(description="PLOVER event type.")] = None,  # noqa: A002 - the API's name
    actor: Annotated[
        str | None, Query(max_length=200, description="Actor or recipient name (substring).")
    ] = None,
    country: Annotated[
        str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO alpha-3 or PLOVER code.")
    ] = None,
    place: Annotated[
        str | None, Query(max_length=200, description="Event location name (substring).")
    ] = None,
    factuality: Annotated[Factuality | None, Query()] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    doc_id: Annotated[str | None, Query(pattern=_ID)] = None,
    story: Annotated[str | None, Query(pattern=_ID, description="Story id (needs dateline.link).")] = None,
    located: Annotated[bool, Query(description="Only events with coordinates.")] = False,
) -> _EventQuery:
    if since and until and since > until:  # nothing can match: say so, as the CLI does (exit 2 there)
        raise HTTPException(
            422, f"since {since.isoformat()} is after until {until.isoformat()}: nothing can match"
        )
    return _EventQuery(
        type=type.value if type else None,
        actor=actor or None,
        country=country.upper() if country else None,
        since=since.isoformat() if since else None,
        until=until.isoformat() if until else None,
        factuality=factuality.value if factuality else None,
        outlet=outlet or None,
        place=place or None,
        doc_id=doc_id,
        story=story,
        located=located,
    )


def _event_where(q: _EventQuery, db: sqlite3.Connection, ordered: bool = True) -> tuple[str, str, list[Any]]:
    """FROM and WHERE clauses for an event query: the store's filters (the CLI's) plus story and located;
    `ordered` as for store.event_where (False for counts and aggregates)."""
    source, where, args = event_where(q, db, ordered)
    conds = [where[len("WHERE ") :]] if where else []
    if q.located:
        # the same expression as the partial index events_located (store.py), so that it can be used
        conds.append("json_extract(e.data, '$.location.lat') IS NOT NULL")
    if q.story:
        _need_link()  # story_docs is dateline.link's table
        conds.append("e.doc_id IN (SELECT doc_id FROM story_docs WHERE story_id = ?)")
        args.append(q.story)
    return source, ("WHERE " + " AND ".join(conds) if conds else ""), args


def _iter_events(ctx: _Ctx, q: _EventQuery, limit: int | None = None, offset: int = 0, order: str = "asc",
                 total: int | None = None) -> Iterator[dict[str, Any]]:  # fmt: skip
    """Matching events in date order; a page when `limit` is given. With the exact `total` known, a page in
    the far half is read from the other end (an OFFSET scan costs every skipped row)."""
    db = ctx.reader.db
    source, where, args = _event_where(q, db)
    direction = "DESC" if order == "desc" else "ASC"
    if limit is None:
        sql = f"SELECT e.data FROM {source} {where} ORDER BY e.date {direction}, e.id {direction}"
        for row in db.execute(sql, args):
            yield _event_record(row[0])
        return
    backwards = total is not None and offset > total - offset - limit
    if backwards:
        assert total is not None
        limit, offset = min(limit, total - offset), max(0, total - offset - limit)
        if limit <= 0:
            return
        direction = "ASC" if order == "desc" else "DESC"
    # a page: ids first (an index scan that never reads the skipped rows' JSON), then those records
    sql = f"SELECT e.id FROM {source} {where} ORDER BY e.date {direction}, e.id {direction} LIMIT ? OFFSET ?"
    page = [r[0] for r in db.execute(sql, [*args, limit, offset])]
    if not page:
        return
    if backwards:
        page.reverse()
    marks = ",".join("?" * len(page))
    data = dict(db.execute(f"SELECT id, data FROM events WHERE id IN ({marks})", page).fetchall())
    for event_id in page:
        yield _event_record(data[event_id])


def _count_events(ctx: _Ctx, q: _EventQuery, cap: int | None) -> tuple[int, bool]:
    """How many events match, exact up to `cap` (None: always exact); and whether the figure is exact."""
    db = ctx.reader.db
    fast = _args_query(q, "SELECT DISTINCT event_rowid AS r")
    if fast is not None:
        sql, args = fast
    else:
        source, where, args = _event_where(q, db, ordered=False)
        sql = f"SELECT 1 FROM {source} {where}"
    if cap is None:
        return _count(ctx, f"SELECT count(*) FROM ({sql})", args), True
    # counting stops after cap + 1 matches: a broad filter on millions of events stays fast
    n = _count(ctx, f"SELECT count(*) FROM ({sql} LIMIT ?)", [*args, cap + 1])
    return (cap, False) if n > cap else (n, True)


def _args_query(q: _EventQuery, select: str) -> tuple[str, list[Any]] | None:
    """For an actor or a country filter (and dates) alone: `select` over the matching (event_rowid, date)
    rows of the event index, read without touching the events table; None for other filters."""
    query = name_query(q.actor) if q.actor else None
    if (query is None) == (q.country is None) or q.actor and query is None:
        return None
    if q.type or q.factuality or q.outlet or q.place or q.doc_id or q.story or q.located:
        return None
    dates, dargs = _where({"date >= ?": q.since, "date <= ?": q.until + "\uffff" if q.until else None})
    dates = dates.replace("WHERE ", " AND ") if dates else ""
    if query is not None:
        # the name index, not the (event_rowid, ...) one SQLite would pick for DISTINCT: that one is a full scan
        inner = ("SELECT event_rowid, date FROM event_args INDEXED BY event_args_name_id WHERE name_id IN"
                 f" (SELECT rowid FROM arg_names_fts WHERE arg_names_fts MATCH ?){dates}")  # fmt: skip
        args = [query, *dargs]
    else:
        inner = (f"SELECT event_rowid, date FROM event_args WHERE country = ?{dates} UNION ALL"
                 f" SELECT rowid, date FROM events WHERE location_country = ?{dates}")  # fmt: skip
        args = [q.country, *dargs, q.country, *dargs]
    return f"{select} FROM ({inner})", args


_EVENT_KEYS = frozenset(f.name for f in dataclasses.fields(Event))


def _event_record(data: str) -> dict[str, Any]:
    """A stored event as its export record; rows already in the current shape skip the dataclass round trip."""
    rec = json.loads(data)
    # from_dict/to_dict costs ~0.1 ms per event: too much for a 1000-event map page; only older shapes need it
    return rec if rec.keys() == _EVENT_KEYS else Event.from_dict(rec).to_dict()


def _count(ctx: _Ctx, sql: str, args: list[Any]) -> int:
    return int(ctx.reader.db.execute(sql, args).fetchone()[0])


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(conds: dict[str, Any]) -> tuple[str, list[Any]]:
    parts = [k for k, v in conds.items() if v is not None]
    return ("WHERE " + " AND ".join(parts) if parts else ""), [v for v in conds.values() if v is not None]


def _link() -> Any:
    """dateline.link if it is installed, else None."""
    try:
        return importlib.import_module("dateline.link")
    except ImportError:
        return None


def _need_link() -> Any:
    link = _link()
    if link is None:
        raise HTTPException(501, _NO_LINK)
    return link


def _plain(value: Any) -> Any:
    """Records from dateline.link (dataclasses, rows) as JSON-able values."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, sqlite3.Row):
        return dict(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


# ---------------------------------------------------------------------- export writers


def _json_array(rows: Iterator[dict[str, Any]], out: IO[str], fields: Sequence[str] = ()) -> int:
    # export.py has jsonl; a JSON array is what a browser "JSON" download expects
    out.write("[")
    n = 0
    for r in rows:
        out.write(("," if n else "") + "\n" + json.dumps(r, ensure_ascii=False))
        n += 1
    out.write("\n]\n")
    return n


def _writer(fmt: str) -> Callable[..., int]:
    from dateline.export import FORMATS

    return _json_array if fmt == "json" else FORMATS[fmt][0]


def _export_fields(what: str) -> tuple[str, ...]:
    from dateline.export import FIELDS

    return FIELDS[what]


_MEDIA = {"csv": "text/csv", "jsonl": "application/x-ndjson", "json": "application/json",
          "geojson": "application/geo+json"}  # fmt: skip


# ---------------------------------------------------------------------- the application


def create_app(db: str) -> FastAPI:
    """The Dateline web explorer and REST API over the SQLite store `db` (created if missing)."""
    ctx = _Ctx(db)
    app = FastAPI(
        title="Dateline",
        version=__version__,
        description="News articles in, a sourced and queryable record of PLOVER events out. "
        "Every field points at character offsets of the clean article text.",
        # FastAPI's own pages load Swagger UI/ReDoc from a CDN with inline scripts: /docs is served below from
        # the vendored Swagger UI (web/vendor/swagger) under the same Content-Security-Policy as the rest
        docs_url=None,
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
    )
    app.state.ctx = ctx

    @app.middleware("http")
    async def _headers(request: Request, call_next: Callable[[Request], Any]) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = _CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    # ------------------------------------------------------------------ page

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(WEB_DIR / "docs.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")

    # ------------------------------------------------------------------ documents

    @app.get("/api/meta", tags=["meta"])
    def meta() -> dict[str, Any]:
        """Counts, outlets and the enumerations the filters accept."""
        db_ = ctx.reader.db
        outlets = [r[0] for r in db_.execute(
            "SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL ORDER BY outlet LIMIT 500")]  # fmt: skip
        return {
            "version": __version__,
            "documents": ctx.reader.count("documents"),
            "events": ctx.reader.count("events"),
            "quotes": ctx.reader.count("quotes"),
            "outlets": outlets,
            "event_types": list(PLOVER_EVENTS),
            "factuality": list(FACTUALITY),
            "link": _link() is not None,
            "ingest": ctx.writer is not None,
        }

    @app.get("/api/documents", response_model=Page, tags=["documents"])
    def documents(
        outlet: Annotated[str | None, Query(max_length=200)] = None,
        since: Annotated[date | None, Query(description="Published on or after (YYYY-MM-DD).")] = None,
        until: Annotated[date | None, Query(description="Published on or before (YYYY-MM-DD).")] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        """Document summaries (no text), ordered by publication date."""
        s, u = (since.isoformat() if since else None), (until.isoformat() if until else None)
        rows = ctx.reader.document_rows(limit=limit, offset=offset, outlet=outlet, since=s, until=u)
        where, args = _where({"outlet = ?": outlet, "published >= ?": s, "published <= ?": u})
        total = _count(ctx, f"SELECT count(*) FROM documents {where}", args)
        return {"total": total, "limit": limit, "offset": offset, "items": [dict(r) for r in rows]}

    @app.get("/api/documents/{doc_id}", tags=["documents"])
    def document(doc_id: Annotated[str, PathParam(pattern=_ID)]) -> dict[str, Any]:
        """A whole document: text, metadata, removed boilerplate, entities, times, places, quotes, events."""
        doc = ctx.reader.get(doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        return doc.to_dict()

    # ------------------------------------------------------------------ events

    @app.get("/api/events", response_model=Page, tags=["events"])
    def events(
        q: Annotated[_EventQuery, Depends(_event_filters)],
        limit: Annotated[int, Query(ge=1, le=1000)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
        order: Annotated[Literal["asc", "desc"], Query(description="By event date.")] = "asc",
        count: Annotated[
            Literal["capped", "exact", "none"],
            Query(
                description=f"capped: exact up to {COUNT_CAP:,} matches; exact: count all; none: skip counting."
            ),
        ] = "capped",
    ) -> JSONResponse:
        """Events (PLOVER 2.0 records with offsets), filtered, ordered by date.

        `total` is exact up to COUNT_CAP matches; past it (or with count=none) `total_exact` is false."""
        deep_total = None
        if offset > COUNT_CAP:  # a deep page: count exactly first, so that it can be read from the nearer end
            deep_total, _ = _count_events(ctx, q, None)
        items = list(with_source(ctx.reader, _iter_events(ctx, q, limit, offset, order, deep_total)))
        if deep_total is not None:
            total, exact = deep_total, True
        elif count == "none":
            total, exact = offset + len(items), False
        else:
            total, exact = _count_events(ctx, q, None if count == "exact" else max(COUNT_CAP, offset + limit))
        # returned as a Response: FastAPI would otherwise re-validate and re-encode every nested record
        return JSONResponse(
            {"total": total, "total_exact": exact, "limit": limit, "offset": offset, "items": items}
        )

    @app.get("/api/events/daily", tags=["events"])
    def events_daily(q: Annotated[_EventQuery, Depends(_event_filters)]) -> dict[str, Any]:
        """Events per day (events whose date is a calendar day), with the same filters as /api/events."""
        fast = _args_query(q, "SELECT date, count(DISTINCT event_rowid)")
        if not (
            q.actor or q.country or q.factuality or q.outlet or q.place or q.doc_id or q.story or q.located
        ):
            # type and dates alone: from the per-(date, type) counts the store keeps
            where, args = _where(
                {
                    "event = ?": q.type,
                    "date >= ?": q.since,
                    "date <= ?": q.until + "\uffff" if q.until else None,
                }
            )
            sql = f"SELECT date, sum(n) FROM event_days {where} GROUP BY date"
        elif fast is not None:  # an actor or a country alone: from the event index, which carries the date
            sql, args = fast[0] + " WHERE date IS NOT NULL GROUP BY date", fast[1]
        else:
            source, where, args = _event_where(q, ctx.reader.db, ordered=False)
            where = (where + " AND " if where else "WHERE ") + "e.date IS NOT NULL"
            sql = f"SELECT e.date, count(*) FROM {source} {where} GROUP BY e.date"
        # grouping on the stored value follows the date index; values with a time fold into their day here
        days: dict[str, int] = {}
        for value, n in ctx.reader.db.execute(sql, args):
            if _DAY.match(value):
                days[value[:10]] = days.get(value[:10], 0) + n
        return {
            "days": [{"day": d, "count": n} for d, n in sorted(days.items())],
            "total": sum(days.values()),
        }

    @app.get("/api/events/{event_id}", tags=["events"])
    def event(event_id: Annotated[str, PathParam(pattern=_ID)]) -> dict[str, Any]:
        """One event record."""
        row = ctx.reader.db.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return next(with_source(ctx.reader, [Event.from_dict(json.loads(row[0])).to_dict()]))

    # ------------------------------------------------------------------ quotes, places, search

    @app.get("/api/quotes", response_model=Page, tags=["quotes"])
    def quotes(
        speaker: Annotated[str | None, Query(max_length=200, description="Speaker name (substring).")] = None,
        doc_id: Annotated[str | None, Query(pattern=_ID)] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        """Who said what: quotations with their speakers and offsets."""
        items = list(with_source(ctx.reader, (
            q.to_dict() for q in ctx.reader.quotes(speaker=speaker, doc_id=doc_id, limit=limit, offset=offset)
        )))  # fmt: skip
        where, args = _where({"doc_id = ?": doc_id, "speaker LIKE ?": f"%{speaker}%" if speaker else None})
        total = _count(ctx, f"SELECT count(*) FROM quotes {where}", args)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/places", response_model=Page, tags=["places"])
    def places(
        doc_id: Annotated[str | None, Query(pattern=_ID)] = None,
        name: Annotated[str | None, Query(max_length=200, description="Resolved place name (exact).")] = None,
        country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        """Toponyms with coordinates, as `dateline export --what places` gives them."""
        where, args = _where({"doc_id = ?": doc_id, "name = ?": name,
                              "country = ?": country.upper() if country else None})  # fmt: skip
        rows = ctx.reader.db.execute(
            f"SELECT doc_id, data FROM places {where} ORDER BY doc_id, idx LIMIT ? OFFSET ?",
            [*args, limit, offset],
        )
        items = [{"doc_id": r[0], **json.loads(r[1])} for r in rows]
        total = _count(ctx, f"SELECT count(*) FROM places {where}", args)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/search", response_model=Page, tags=["documents"])
    def search(
        q: Annotated[
            str, Query(min_length=1, max_length=500, description="FTS5 query over titles and text.")
        ],
        limit: Annotated[int, Query(ge=1, le=200)] = 20,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        """Full-text search, best first, with a snippet ([matched words] marked with brackets)."""
        rows = ctx.reader.search(q, limit=limit + offset)[offset:]
        total = _count(ctx, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", [q])
        return {"total": total, "limit": limit, "offset": offset, "items": [dict(r) for r in rows]}

    # ------------------------------------------------------------------ actors

    @app.get("/api/actors/{name}", tags=["actors"])
    def actor(
        name: Annotated[str, PathParam(min_length=1, max_length=200)],
        limit: Annotated[int, Query(ge=1, le=1000, description="Events/quotes listed per section.")] = 100,
    ) -> dict[str, Any]:
        """An actor's page: events as actor and as recipient, quotes by that speaker, places, counts per day."""
        db_ = ctx.reader.db
        # exact name (any case), through the event index (name, role, date, event_rowid): no events table scan
        args_of = "FROM event_args WHERE name = ? COLLATE NOCASE AND role = ?"

        def listed(role: str) -> tuple[int, list[dict[str, Any]]]:
            n = _count(ctx, f"SELECT count(DISTINCT event_rowid) {args_of}", [name, role])
            # only events up to the date of the limit-th one (in index order) are read and sorted
            cutoff = f"SELECT date {args_of} ORDER BY date LIMIT 1 OFFSET ?"
            rows = db_.execute(
                f"SELECT data FROM events WHERE rowid IN (SELECT event_rowid {args_of} AND (date IS NULL"
                f" OR date <= coalesce(({cutoff}), char(1114111)))) ORDER BY date, id LIMIT ?",
                (name, role, name, role, limit - 1, limit),
            )
            return n, list(
                with_source(ctx.reader, (Event.from_dict(json.loads(r[0])).to_dict() for r in rows))
            )

        n_actor, as_actor = listed("actor")
        n_recipient, as_recipient = listed("recipient")
        either = "rowid IN (SELECT event_rowid FROM event_args WHERE name = ? COLLATE NOCASE)"
        n_quotes = _count(ctx, "SELECT count(*) FROM quotes WHERE speaker = ?", [name])
        said = list(with_source(ctx.reader, (Quote.from_dict(json.loads(r[0])).to_dict() for r in
                db_.execute("SELECT data FROM quotes WHERE speaker = ? ORDER BY doc_id LIMIT ?", (name, limit)))))  # fmt: skip
        # coordinates from one event of each place (not an average over every event's JSON: too slow on big stores)
        place_rows = db_.execute(
            "SELECT g.location, g.location_country, g.n, json_extract(e.data, '$.location.lat'),"
            " json_extract(e.data, '$.location.lon') FROM (SELECT location, location_country, count(*) AS n,"
            f" min(rowid) AS r FROM events WHERE {either} AND location IS NOT NULL"
            " GROUP BY location, location_country ORDER BY n DESC LIMIT 200) g JOIN events e ON e.rowid = g.r"
            " ORDER BY g.n DESC",
            (name,),
        )
        day_rows = db_.execute(
            "SELECT substr(date, 1, 10) AS day, sum(role = 'actor'), sum(role = 'recipient') FROM event_args"
            " WHERE name = ? COLLATE NOCASE AND date GLOB ? GROUP BY day ORDER BY day",
            (name, _DAY_GLOB),
        )
        return {
            "name": name,
            "counts": {"as_actor": n_actor, "as_recipient": n_recipient, "quotes": n_quotes},
            "as_actor": as_actor,
            "as_recipient": as_recipient,
            "quotes": said,
            "places": [
                {"name": r[0], "country": r[1], "events": r[2], "lat": r[3], "lon": r[4]} for r in place_rows
            ],
            "over_time": [{"day": r[0], "as_actor": r[1], "as_recipient": r[2]} for r in day_rows],
        }

    # ------------------------------------------------------------------ export

    @app.get("/api/export", tags=["export"])
    def export(
        q: Annotated[_EventQuery, Depends(_event_filters)],
        what: Annotated[ExportWhat, Query()] = "events",
        format: Annotated[ExportFormat, Query()] = "jsonl",  # noqa: A002 - the API's name
        speaker: Annotated[str | None, Query(max_length=200, description="For what=quotes.")] = None,
    ) -> FileResponse:
        """Download records in a format; events take the /api/events filters (what is on screen)."""
        if format == "geojson" and what not in ("events", "places"):
            raise HTTPException(422, "geojson is for events and places")
        rows = _export_rows(ctx, what, q, speaker)
        fd, tmp = tempfile.mkstemp(prefix="dateline-export-", suffix=f".{format}")
        # a temporary file keeps memory flat for large exports; deleted once sent
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            _writer(format)(rows, out, fields=_export_fields(what))
        return FileResponse(tmp, media_type=_MEDIA[format], filename=f"dateline-{what}.{format}",
                            background=BackgroundTask(os.unlink, tmp))  # fmt: skip

    # ------------------------------------------------------------------ ingest

    @app.post("/api/ingest", response_model=IngestResult, status_code=201, tags=["ingest"])
    def ingest(req: IngestRequest) -> dict[str, Any]:
        """Process one article (text, HTML, or a URL to fetch) into this database; returns its document id."""
        if ctx.writer is None:
            raise HTTPException(503, f"{ctx.db_path} is read-only: ingest is not possible")
        result = _ingest(ctx, req)
        if result["doc_id"] is None:
            raise HTTPException(422, result["reason"] or "the article could not be processed")
        return result

    # ------------------------------------------------------------------ cross-article (dateline.link)

    @app.get("/api/stories", response_model=Page, tags=["stories"])
    def stories(
        limit: Annotated[int, Query(ge=1, le=1000)] = 50, offset: Annotated[int, Query(ge=0)] = 0
    ) -> dict[str, Any]:
        """Stories (articles grouped by topic and time), newest first (needs dateline.link)."""
        found = _plain(_need_link().stories(ctx.reader))
        return {
            "total": len(found),
            "limit": limit,
            "offset": offset,
            "items": found[offset : offset + limit],
        }

    @app.get("/api/stories/{story_id}", tags=["stories"])
    def story(story_id: Annotated[str, PathParam(pattern=_ID)]) -> dict[str, Any]:
        """One story: its record, documents, merged events and timeline (needs dateline.link)."""
        link = _need_link()
        found = next((s for s in _plain(link.stories(ctx.reader)) if s.get("id") == story_id), None)
        if found is None:
            raise HTTPException(404, f"no story {story_id!r}")
        docs = ctx.reader.db.execute(
            "SELECT d.id, d.published, d.outlet, d.title, d.status FROM story_docs s JOIN documents d"
            " ON d.id = s.doc_id WHERE s.story_id = ? ORDER BY d.published, d.id",
            (story_id,),
        )
        found["documents_list"] = [dict(r) for r in docs]
        found["merged_events"] = _plain(link.merged_events(ctx.reader, story=story_id, limit=1000))
        found["timeline"] = _plain(link.timeline(ctx.reader, story=story_id))
        return found

    @app.get("/api/timeline", response_model=Page, tags=["stories"])
    def timeline(
        story: Annotated[str | None, Query(pattern=_ID)] = None,
        actor: Annotated[str | None, Query(max_length=200)] = None,
        country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
        place: Annotated[str | None, Query(max_length=200)] = None,
        since: Annotated[date | None, Query()] = None,
        until: Annotated[date | None, Query()] = None,
        type: Annotated[EventType | None, Query()] = None,  # noqa: A002 - the API's name
        limit: Annotated[int, Query(ge=1, le=1000)] = 200,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        """Dated entries, one per merged event, with their sources; disputed ones marked (needs dateline.link)."""
        entries = _plain(_need_link().timeline(
            ctx.reader, story=story, actor=actor, country=country, place=place,
            since=since.isoformat() if since else None, until=until.isoformat() if until else None,
            event_type=type.value if type else None, limit=offset + limit,
        ))  # fmt: skip
        return {"total": len(entries), "total_exact": len(entries) < offset + limit, "limit": limit,
                "offset": offset, "items": entries[offset:]}  # fmt: skip

    @app.get("/api/troops", tags=["stories"])
    def troops(
        country: Annotated[str, Query(pattern=r"^[A-Za-z]{3}$", description="Sending country, ISO alpha-3.")],
        in_country: Annotated[
            str | None, Query(alias="in", pattern=r"^[A-Za-z]{3}$", description="Where the troops are.")
        ] = None,
    ) -> dict[str, Any]:
        """Troop figures of a sending country (in a place) over time, each with its evidence (needs dateline.link)."""
        series = _plain(
            _need_link().troop_series(ctx.reader, country.upper(), in_country.upper() if in_country else None)
        )
        return {"country": country.upper(), "in": in_country.upper() if in_country else None, "items": series}

    @app.get("/api/explain/{event_id}", tags=["stories"])
    def explain(event_id: Annotated[str, PathParam(pattern=_ID)]) -> dict[str, Any]:
        """The merged event an event belongs to: every mention and the evidence for each join (needs dateline.link)."""
        found = _plain(_need_link().explain(ctx.reader, event_id))
        if not found:
            known = ctx.reader.db.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone()
            raise HTTPException(404, f"event {event_id!r} is not linked (run `dateline link`)" if known
                                else f"no event or merged event {event_id!r}")  # fmt: skip
        return found

    @app.get("/api/brief", tags=["stories"])
    def brief(
        story: Annotated[str | None, Query(pattern=_ID)] = None,
        q: Annotated[str | None, Query(min_length=1, max_length=500)] = None,
    ) -> dict[str, Any]:
        """An extractive briefing (Markdown), every sentence verbatim with its citation (needs dateline.link)."""
        link = _need_link()
        if story and ctx.reader.db.execute("SELECT 1 FROM stories WHERE id = ? OR id LIKE ? LIMIT 1",
                                           (story, story + "%")).fetchone() is None:  # fmt: skip
            raise HTTPException(404, f"no story {story!r}")
        return {"story": story, "q": q, "markdown": link.brief(ctx.reader, story=story, query=q)}

    return app


def _export_rows(ctx: _Ctx, what: str, q: _EventQuery, speaker: str | None) -> Iterator[dict[str, Any]]:
    if what == "events":
        return with_source(ctx.reader, _iter_events(ctx, q))
    if what == "quotes":
        return with_source(
            ctx.reader, (x.to_dict() for x in ctx.reader.quotes(speaker=speaker, doc_id=q.doc_id))
        )
    if what == "places":
        return ctx.reader.iter_places(doc_id=q.doc_id)
    if what == "entities":
        return ctx.reader.iter_entities(doc_id=q.doc_id)
    if what == "times":
        return ctx.reader.iter_timexes(doc_id=q.doc_id)
    return _documents_export(ctx, q)


def _documents_export(ctx: _Ctx, q: _EventQuery) -> Iterator[dict[str, Any]]:
    from dateline.export import RECORDS

    for rec in RECORDS["documents"](ctx.reader):
        if q.outlet and rec.get("outlet") != q.outlet:
            continue
        if q.doc_id and rec.get("id") != q.doc_id:
            continue
        yield rec


# ---------------------------------------------------------------------- ingest


_INGEST_WORKERS = (
    1  # worker processes per ingest request (started per request, forked with the models loaded)
)


def _ingest(ctx: _Ctx, req: IngestRequest) -> dict[str, Any]:
    from dateline.pipeline import ingest

    assert ctx.writer is not None
    body = req.text if req.text is not None else req.html
    path: Path | None = None
    if body is None:
        inputs, source = [str(req.url)], str(req.url)
    else:
        # pipeline.ingest reads paths: a one-line jsonl carries the text and the metadata the user gave
        record: dict[str, Any] = {"text" if req.text is not None else "html": body}
        for key in ("title", "outlet", "url"):
            if getattr(req, key):
                record[key] = getattr(req, key)
        if req.published:
            record["published"] = req.published.isoformat()
        line = json.dumps(record, ensure_ascii=False)
        folder = Path(tempfile.gettempdir()) / "dateline-web"
        folder.mkdir(exist_ok=True)
        path = (
            folder / f"pasted-{hashlib.sha256(line.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}.jsonl"
        )
        path.write_text(line + "\n", encoding="utf-8")
        inputs, source = [str(path)], f"{path}#L1"
    try:
        with ctx.ingest_lock:  # one writer at a time; readers go on (WAL)
            # the NLP stages run in one worker process, as `dateline ingest --workers 1` runs them: a document
            # that crashes the parse (a segfault, out of memory) fails this request (DIED), not the server
            summary = ingest(inputs, ctx.writer, workers=_INGEST_WORKERS, link=False)
            link, link_error = _link(), None
            if link is not None and summary.ingested:
                try:
                    link.link_new(ctx.writer)  # merged events and stories, as `dateline ingest` does
                except Exception as exc:  # the document is stored: linking can be rerun with `dateline link`
                    link_error = f"{type(exc).__name__}: {exc}"
            row = ctx.writer.db.execute(
                "SELECT doc_id, status, reason FROM sources WHERE source = ? OR source LIKE ? ESCAPE '\\'"
                " ORDER BY seen_at DESC LIMIT 1",
                (source, _like_escape(source) + "#%"),
            ).fetchone()
    finally:
        if path is not None:
            path.unlink(missing_ok=True)
    if row is None:
        reason = summary.failed[0].reason if summary.failed else "nothing was read from the input"
        return {"doc_id": None, "status": "failed", "reason": reason, "ingested": 0, "link_error": link_error}
    status = "unchanged" if summary.unchanged and not summary.ingested else row["status"]
    return {"doc_id": row["doc_id"], "status": status, "reason": row["reason"], "ingested": summary.ingested,
            "link_error": link_error}  # fmt: skip


# ---------------------------------------------------------------------- server


def run(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the explorer and API on http://host:port/ until interrupted."""
    import uvicorn

    app = create_app(db)
    print(
        f"Dateline explorer on http://{host}:{port}/  (API description: /docs, /openapi.json; database {db})"
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")


__all__ = ["create_app", "run"]
