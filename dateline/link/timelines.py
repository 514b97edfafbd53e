"""Timelines: dated entries, one per merged event, with their sources; disputed ones marked.

Public entry point: `timeline(store, ...)` returns the entries; `render_timeline(entries, fmt)` prints them as
Markdown, HTML (every piece of text escaped) or JSON. `summary_timeline(store, ...)` is the other kind: a
dated extractive summary of the stored articles (`dateline.link.digest`, DATEWISE), each day a few sentences
copied verbatim, each citing its article; `render_timeline` prints those too.
"""

from __future__ import annotations

import html
import json
from typing import Any

from dateline.store import Store, StoreError


def timeline(store: Store, story: str | None = None, actor: str | None = None, country: str | None = None,
             place: str | None = None, since: str | None = None, until: str | None = None,
             event_type: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:  # fmt: skip
    """Merged events as timeline entries, oldest first, filtered; undated merged events are left out."""
    conds, args = ["date IS NOT NULL"], []
    if story:
        conds.append("(story_id = ? OR story_id LIKE ?)")
        args += [story, story + "%"]
    if country:
        conds.append("countries LIKE ?")
        args.append(f"%|{country.upper()}|%")
    if place:
        conds.append("location LIKE ?")
        args.append(f"%{place}%")
    if since:
        conds.append("date >= ?")
        args.append(since)
    if until:
        conds.append("date <= ?")
        args.append(until + "\uffff")
    if event_type:
        conds.append("event = ?")
        args.append(event_type.upper())
    sql = f"SELECT data, story_id FROM merged_events WHERE {' AND '.join(conds)} ORDER BY date, first_reported, id"
    out: list[dict[str, Any]] = []
    for r in store.db.execute(sql, args):
        rec = json.loads(r[0])
        if actor and not any(actor.lower() in a.lower() for a in rec["actors"] + rec["recipients"]):
            continue
        out.append(_entry(rec, r[1]))
        if limit and len(out) >= limit:
            break
    _link_denials(store, out)
    return out


def contested_by(store: Store, rec: dict[str, Any]) -> list[dict[str, Any]]:
    """For a merged event record (as `explain` returns it): the separate merged events of the same type, day and
    story that deny it or that it denies (see `_link_denials`)."""
    if not rec.get("date"):
        return []
    entry = _entry(rec, rec.get("story_id"))
    _link_denials(store, [entry])
    return list(entry["contested_by"])


def _denied_only(facts: list[str]) -> bool:
    return "denied" in facts and "asserted" not in facts


def _link_denials(store: Store, entries: list[dict[str, Any]]) -> None:
    """Cross-reference an event some report asserts and a denial the merge kept apart: the same type on the same
    day in the same story, with a country in common (or none named in the denial: "X denied any ceasefire").
    Each entry gets `contested_by`: the other entries (id, outlet, date, text), so a reader sees both sides."""
    for e in entries:
        e.setdefault("contested_by", [])
    cache: dict[tuple[str, str], list[tuple[dict[str, Any], set[str]]]] = {}
    for e in entries:
        key = (e["date"], e["event"])
        if key not in cache:
            rows = store.db.execute(
                "SELECT data, story_id, countries FROM merged_events WHERE event = ? AND date = ?",
                (key[1], key[0]),
            )
            cache[key] = [(_entry(json.loads(r[0]), r[1]), {c for c in (r[2] or "").split("|") if c})
                          for r in rows]  # fmt: skip
        mine = next((c for x, c in cache[key] if x["id"] == e["id"]), set())
        for other, countries in cache[key]:
            if other["id"] == e["id"] or other["story_id"] != e["story_id"]:
                continue
            denial, claim = (other, e) if _denied_only(other["factuality"]) else (e, other)
            if not _denied_only(denial["factuality"]) or "asserted" not in claim["factuality"]:
                continue
            denial_countries = countries if denial is other else mine
            claim_countries = mine if denial is other else countries
            if denial_countries and not denial_countries & claim_countries:
                continue
            src = (
                other["sources"][0] if other["sources"] else {"outlet": None, "doc_id": "", "published": None}
            )
            e["contested_by"].append({"id": other["id"], "outlet": src["outlet"], "doc_id": src["doc_id"],
                                      "published": src["published"], "text": other["text"],
                                      "denial": denial is other})  # fmt: skip


_MAX_SUMMARY_DOCS = 5000


def summary_timeline(store: Store, story: str | None = None, query: str | None = None, n_dates: int = 10,
                     per_date: int = 1, since: str | None = None, until: str | None = None,
                     keywords: list[str] | None = None) -> list[dict[str, Any]]:  # fmt: skip
    """Days of a story (id or prefix), of a full-text query's articles or of all processed articles, each
    with `per_date` cited sentences; `keywords` (default: the query's words) must occur in every sentence."""
    from dateline.link.digest import digest

    db = store.db
    if story:
        if store.schema_version < 2:
            raise StoreError("no stories yet: run `dateline link` first")
        ids = [r[0] for r in db.execute("SELECT d.doc_id FROM story_docs d JOIN stories s ON s.id = d.story_id"
                                        " WHERE s.id = ? OR s.id LIKE ?", (story, story + "%"))]  # fmt: skip
    elif query:
        ids = [r["id"] for r in store.search(query, limit=_MAX_SUMMARY_DOCS)]
    else:
        ids = [r[0] for r in db.execute("SELECT id FROM documents WHERE status = 'processed'"
                                        " ORDER BY published DESC LIMIT ?", (_MAX_SUMMARY_DOCS,))]  # fmt: skip
    if keywords is None and query:
        keywords = [w for w in query.replace('"', " ").split() if w.upper() not in ("AND", "OR", "NOT")]
    arts = []
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        timexes: dict[str, list[dict[str, Any]]] = {}
        for r in db.execute(
            f"SELECT doc_id, data FROM timexes WHERE doc_id IN ({marks}) ORDER BY doc_id, idx", chunk
        ):
            timexes.setdefault(r[0], []).append(json.loads(r[1]))
        for r in db.execute(f"SELECT id, title, outlet, published, text, data FROM documents WHERE id IN ({marks})"
                            " AND duplicate_of IS NULL", chunk):  # fmt: skip
            if not r["published"]:
                continue
            arts.append({"id": r["id"], "title": r["title"], "outlet": r["outlet"], "published": r["published"][:10],
                         "text": r["text"], "sentences": json.loads(r["data"]).get("sentences") or None,
                         "timexes": timexes.get(r["id"])})  # fmt: skip
    return digest(arts, n_dates, per_date, keywords=keywords or (), start=since, end=until)


def _entry(rec: dict[str, Any], story_id: str | None) -> dict[str, Any]:
    sources = []
    seen: set[str] = set()
    for m in rec["mentions"]:
        key = m["outlet"] or m["doc_id"]
        if key in seen:
            continue
        seen.add(key)
        sources.append({"outlet": m["outlet"], "doc_id": m["doc_id"], "published": m["published"],
                        "factuality": m["factuality"]})  # fmt: skip
    return {
        "id": rec["id"],
        "date": rec["date"],
        "event": rec["event"],
        "mode": rec.get("mode"),
        "text": _statement(" ".join(rec["summary"].split())),
        "actors": rec["actors"],
        "recipients": rec["recipients"],
        "location": rec["location"],
        "sizes": [s["text"] for s in rec["sizes"]],
        "sources": sources,
        "factuality": rec.get("factuality") or ["asserted"],
        "disputed": rec["disputed"],
        "conflicts": rec["conflicts"],
        "story_id": story_id,
    }


def _statement(text: str) -> str:
    """The sentence without a wire dateline at its head (the source is cited beside it)."""
    from dateline.link.digest import dateline_end

    return text[dateline_end(text) :]


def _contested(e: dict[str, Any]) -> str:
    """ " [denied in Outlet, date]" on a claim a separate report denies; " [denies the report of Outlet, date]"
    on the denial."""
    marks = [
        ("denied in " if c["denial"] else "denies the report of ") + _src(c)
        for c in e.get("contested_by", [])
    ]
    return f" [{'; '.join(marks)}]" if marks else ""


def _who(e: dict[str, Any]) -> str:
    """ " (Venezuela → Guyana; at Bolívar)": who did it to whom and where, as far as the event has them."""
    actors, recipients, place = e.get("actors") or [], e.get("recipients") or [], e.get("location")
    parts = []
    if actors or recipients:
        parts.append(", ".join(actors) or "?") if not recipients else parts.append(
            f"{', '.join(actors) or '?'} → {', '.join(recipients)}"
        )
    if place:
        parts.append(f"at {place}")
    return f" ({'; '.join(parts)})" if parts else ""


def _when(date: str) -> str:
    """A date as written, with the days an ISO week stands for: "2026-W47 (week of 2026-11-16)"."""
    import datetime as dt
    import re

    m = re.fullmatch(r"(\d{4})-W(\d\d)", date or "")
    if not m:
        return date
    try:
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    except ValueError:
        return date
    return f"{date} (week of {monday.isoformat()})"


def _src(s: dict[str, Any]) -> str:
    return f"{s['outlet'] or s['doc_id'][:8]}, {(s['published'] or '?')[:10]}"


def _status(e: dict[str, Any]) -> str:
    """The mark " [negated]" or " [future, hypothetical]": the status of an event no source asserts (a mix of asserted and
    contradicting mentions is flagged as disputed instead)."""
    facts = e.get("factuality") or ["asserted"]
    return "" if "asserted" in facts else f" [{', '.join(facts)}]"


def _conflict_lines(c: dict[str, Any]) -> list[str]:
    return [f"{m['outlet'] or '?'}: {m['value']} — “{_one_line(m['text'])}”" for m in c["mentions"]]


def _one_line(text: str) -> str:
    """A stored sentence on one line: a line break inside a Markdown list item would end the list."""
    return " ".join(text.split())


def render_timeline(entries: list[dict[str, Any]], fmt: str = "md") -> str:
    """Entries as `md`, `html` or `json` text."""
    if fmt == "json":
        return json.dumps(entries, ensure_ascii=False, indent=2)
    if entries and "sentences" in entries[0]:
        return _summary_html(entries) if fmt == "html" else _summary_md(entries)
    if fmt == "html":
        return _html(entries)
    lines = ["# Timeline", ""]
    for e in entries:
        mark = " **[disputed]**" if e["disputed"] else ""
        size = f" ({'; '.join(e['sizes'])})" if e["sizes"] else ""
        srcs = "; ".join(_src(s) for s in e["sources"])
        lines.append(
            f"- **{_when(e['date'])}** {e['event']}{_who(e)}{_status(e)}{mark}{_contested(e)}: {_one_line(e['text'])}"
            f"{size}"
            f" — {len(e['sources'])} source(s): {srcs}"
        )
        for c in e["conflicts"]:
            lines.append(f"  - sources disagree on {c['kind']}:")
            lines += [f"    - {x}" for x in _conflict_lines(c)]
    return "\n".join(lines) + "\n"


def _cite(s: dict[str, Any]) -> str:
    return f"{s['outlet'] or 'article'} {s['article'][:12]}, {s['published']}, chars {s['start']}-{s['end']}"


def _summary_md(days: list[dict[str, Any]]) -> str:
    lines = ["# Timeline (extractive summary)", ""]
    for d in days:
        lines += [f"## {d['date']}", ""]
        lines += [f"- {_one_line(s['text'])} [{_cite(s)}]" for s in d["sentences"]]
        lines.append("")
    return "\n".join(lines)


def _summary_html(days: list[dict[str, Any]]) -> str:
    esc = html.escape
    parts = ['<!doctype html>', '<html lang="en"><head><meta charset="utf-8"><title>Dateline timeline</title>',
             "<style>body{font-family:sans-serif;max-width:60em;margin:auto}.src{color:#555;font-size:.9em}</style>"
             "</head><body>", "<h1>Timeline (extractive summary)</h1>"]  # fmt: skip
    for d in days:
        parts.append(f"<h2><time>{esc(d['date'])}</time></h2><ul>")
        parts += [f'<li>{esc(_one_line(s["text"]))} <span class="src">[{esc(_cite(s))}]</span></li>'
                  for s in d["sentences"]]  # fmt: skip
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _html(entries: list[dict[str, Any]]) -> str:
    esc = html.escape
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8"><title>Dateline timeline</title>',
        "<style>body{font-family:sans-serif;max-width:60em;margin:auto}li{margin:.5em 0}"
        ".disputed{color:#a40}.src{color:#555;font-size:.9em}</style></head><body>",
        "<h1>Timeline</h1>",
        "<ul>",
    ]
    for e in entries:
        cls = ' class="disputed"' if e["disputed"] or e.get("contested_by") else ""
        mark = " <strong>[disputed]</strong>" if e["disputed"] else ""
        size = f" ({esc('; '.join(e['sizes']))})" if e["sizes"] else ""
        srcs = "; ".join(esc(_src(s)) for s in e["sources"])
        parts.append(
            f"<li{cls}><time>{esc(_when(e['date']))}</time> <b>{esc(e['event'])}</b>{esc(_who(e))}{esc(_status(e))}{mark}"
            f"{esc(_contested(e))}:"
            f" {esc(_one_line(e['text']))}{size}"
            f' <span class="src">— {len(e["sources"])} source(s): {srcs}</span>'
        )
        for c in e["conflicts"]:
            items = "".join(f"<li>{esc(x)}</li>" for x in _conflict_lines(c))
            parts.append(f"<div>sources disagree on {esc(c['kind'])}:<ul>{items}</ul></div>")
        parts.append("</li>")
    parts += ["</ul>", "</body></html>"]
    return "\n".join(parts) + "\n"
