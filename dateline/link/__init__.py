"""Across articles: merged events, contradictions, stories, timelines, briefings and the troop tracker.

Public entry points (each backed by one module with one job):

    link_new(store) -> dict                       merge new events + assign new articles to stories (incremental)
    merged_events(store, ...) -> list[dict]       merged events with their mentions, sources, spreads, conflicts
    explain(store, event_id) -> dict | None       which mentions were joined and the evidence for each join
    timeline(store, ...) -> list[dict]            dated entries, one per merged event (render_timeline for md/html/json)
    brief(store, story=None, query=None) -> str   extractive summary, every sentence verbatim with its citation
    troop_series(store, country, in_country) -> list[dict]   troop figures per sender and place over time
"""

from __future__ import annotations

import json
from typing import Any

from dateline.link.briefing import brief
from dateline.link.merge import merge_new
from dateline.link.storylines import assign_stories
from dateline.link.timelines import render_timeline, timeline
from dateline.link.troops import troop_series
from dateline.store import Store

__all__ = [
    "brief", "explain", "link_new", "merged_events", "render_timeline", "stories", "timeline", "troop_series",
]  # fmt: skip


def link_new(store: Store) -> dict[str, Any]:
    """Merge every event not linked yet and put every new article into a story; safe to run after each ingest."""
    out: dict[str, Any] = dict(assign_stories(store))  # first: merging reads its term frequencies
    out.update(merge_new(store))
    with store.db:  # merged events made in this run take the story of their first report
        store.db.execute(
            "UPDATE merged_events SET story_id = (SELECT story_id FROM story_docs"
            " WHERE doc_id = json_extract(merged_events.data, '$.first_doc')) WHERE story_id IS NULL"
        )
    return out


def merged_events(store: Store, event_type: str | None = None, since: str | None = None, until: str | None = None,
                  story: str | None = None, disputed: bool | None = None, limit: int | None = None) -> list[dict[str, Any]]:  # fmt: skip
    """Merged events (JSON-shaped dicts) ordered by date."""
    conds, args = [], []
    for sql, val in (("event = ?", event_type.upper() if event_type else None), ("date >= ?", since),
                     ("date <= ?", until), ("story_id = ?", story),
                     ("disputed = ?", None if disputed is None else int(disputed))):  # fmt: skip
        if val is not None:
            conds.append(sql)
            args.append(val)
    where = "WHERE " + " AND ".join(conds) if conds else ""
    sql = f"SELECT data, story_id FROM merged_events {where} ORDER BY date IS NULL, date, first_reported, id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    out = []
    for r in store.db.execute(sql, args):
        rec = json.loads(r[0])
        rec["story_id"] = r[1]
        out.append(rec)
    return out


def explain(store: Store, event_id: str) -> dict[str, Any] | None:
    """The merged event that `event_id` (a merged id, an event id, or a unique prefix of either) belongs to."""
    db = store.db
    row = db.execute("SELECT merged_id FROM event_links WHERE event_id = ?", (event_id,)).fetchone()
    merged_id = row[0] if row else event_id
    r = db.execute("SELECT data, story_id FROM merged_events WHERE id = ?", (merged_id,)).fetchone()
    if r is None and len(event_id) >= 4:
        ids = db.execute("SELECT id FROM merged_events WHERE id LIKE ? LIMIT 2", (event_id + "%",)).fetchall()
        if not ids:
            ids = db.execute("SELECT DISTINCT merged_id FROM event_links WHERE event_id LIKE ? LIMIT 2",
                             (event_id + "%",)).fetchall()  # fmt: skip
        if len(ids) == 1:
            r = db.execute("SELECT data, story_id FROM merged_events WHERE id = ?", (ids[0][0],)).fetchone()
    if r is None:
        return None
    rec = json.loads(r[0])
    rec["story_id"] = r[1]
    rec["asked"] = event_id
    return rec


def stories(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    """Stories, newest first: id, title, dates, documents, top terms, actors."""
    sql = "SELECT id, title, first_date, last_date, documents, data FROM stories ORDER BY last_date DESC, id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    out = []
    for r in store.db.execute(sql):
        data = json.loads(r["data"])
        out.append({"id": r["id"], "title": r["title"], "first_date": r["first_date"], "last_date": r["last_date"],
                    "documents": r["documents"], "terms": data.get("top_terms", []),
                    "actors": data.get("actors", [])})  # fmt: skip
    return out
