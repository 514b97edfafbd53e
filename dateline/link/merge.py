"""Cross-article event merging: mentions of one real event in many articles become one merged event.

Public entry point: `merge_new(store)` links every event in the store that is not linked yet and rewrites the
merged events it touched. Reading helpers for the CLI (`merged_event`, `explain`) live in `dateline.link`.

How a new event is linked (conservative where evidence is strong, tolerant where it is weak; explainable):
  1. blocking: candidates are linked events of the same PLOVER type whose date lies within a few days
     (SQL index on (event, day)), then kept only if they share a country key (or either has none); undated
     mentions are compared with the most recent mentions of their type; all other members of the merged events
     found are fetched too;
  2. each candidate pair gets hard vetoes (same document, dates too far apart, disjoint actor countries that are
     not a role swap, directed events with both roles reversed, places far apart or in different countries,
     sizes a factor > 2.5 apart) and a score summed from evidence (date gap, actor/recipient overlap, place
     distance, size compatibility, word overlap) minus weak counter-evidence (sentences naming only distant
     places, almost no shared words). A date that is only the publication date gets a wide window; for symmetric
     types (CONSULT, AGREE, COOPERATE) actors and recipients are compared as one set of participants; a side
     missing on either mention is no evidence either way;
  3. the event joins the merged event whose best member scores highest, if that score passes the threshold,
     no member vetoes it and at least half of the members are compatible with it (no chaining through one
     member); otherwise it starts a new merged event.
The evidence for each join is stored with the link so `dateline explain` can show it.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from dateline.link.stories import _stop
from dateline.model import Event, stable_id
from dateline.places import distance_km
from dateline.store import Store

THRESHOLD = 1.5  # minimum evidence score to join (tuned on the demo corpus gold and tests/data/merge_corpus)
_WINDOW_TEXT = 1  # days apart two dates read from the text may be (time zones, "early hours")
_WINDOW_LOOSE = 3  # when a date is only the publication date: weak evidence, so a wide window
_LOOKBACK = 10  # an event dated only by its report happened up to this many days before it
_DATE_SLACK = 2  # ...up to this many days beyond the window
_COARSE = 11  # intervals longer than this (months, years) are looked up separately
_MAX_KM = 60.0  # two located mentions further apart than this are different events
_SIZE_VETO = 2.5  # sizes further apart than this factor are different events
_SIZE_DISPUTE = 1.25  # ...and further apart than this are a disagreement between sources
_LINKAGE = "max"  # join on the best member ("mean": on the average over the merged event's members)
# ...and only if at least _SUPPORT of its members are compatible (score >= _MEMBER_MIN): no chaining
_SUPPORT, _MEMBER_MIN = 0.5, 0.5
# sentences naming only places far apart: evidence against, not a veto (the place is often the source's seat)
_PLACE_PENALTY = 1.0
_SWAP_CREDIT = 0.3
_FEW_WORDS, _FEW_WORDS_PENALTY = 0.08, 0.6  # two sentences sharing almost no words: evidence against
_NO_DATE_PENALTY = 0.6
_MEMBERS = 60  # members of a merged event checked against a new mention (the most recent)
_BLOCK = 80  # a dated mention is compared with at most this many mentions of its block, the nearest in date
_UNDATED = 200  # an undated mention is compared with this many recent mentions of its type and countries
_SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}  # who met whom: actor and recipient are interchangeable
_DENY = {"negated", "denied"}
_WORD = re.compile(r"[a-z][a-z'-]{2,}")


@dataclass
class _Feat:
    """What merging compares, for one event mention (kept compact: stored with the link as JSON)."""

    id: str
    doc: str
    type: str
    lo: int | None  # ordinal day interval of the event date
    hi: int | None
    dsrc: str  # text | published | none
    fact: str
    actors: list[str] = field(default_factory=list)  # countries
    actor_names: list[str] = field(default_factory=list)
    recips: list[str] = field(default_factory=list)
    recip_names: list[str] = field(default_factory=list)
    place: list[Any] | None = None  # [name, country, lat, lon, feature]
    sizes: list[list[Any]] = field(default_factory=list)  # [min, max, unit]
    words: list[str] = field(default_factory=list)
    places: list[list[Any]] = field(default_factory=list)  # sub-country places named in the sentence

    def countries(self) -> set[str]:
        keys = set(self.actors) | set(self.recips)
        if self.place and self.place[1]:
            keys.add(self.place[1])
        return keys

    def to_json(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False)

    @classmethod
    def from_json(cls, s: str) -> _Feat:
        return cls(**json.loads(s))


def _interval(value: str | None) -> tuple[int, int] | None:
    if not value:
        return None
    w = re.match(r"^(\d{4})-W(\d{2})", value)
    if w:
        try:
            start = dt.date.fromisocalendar(int(w.group(1)), int(w.group(2)), 1).toordinal()
        except ValueError:
            return None
        return start, start + 6
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?![\dW])", value)
    if not m:
        return None
    y = int(m.group(1))
    try:
        if m.group(3):
            d = dt.date(y, int(m.group(2)), int(m.group(3))).toordinal()
            return d, d
        if m.group(2):
            mo = int(m.group(2))
            start = dt.date(y, mo, 1)
            end = dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1)
            return start.toordinal(), end.toordinal()
        return dt.date(y, 1, 1).toordinal(), dt.date(y, 12, 31).toordinal()
    except ValueError:
        return None


def _features(e: Event, published: str | None, places: list[list[Any]] | None = None) -> _Feat:
    iv = _interval(e.date.value if e.date else None)
    dsrc = (e.date.source if e.date else "none") or "none"
    if iv is None or dsrc != "text":
        # undated, or dated only by the report: the event happened on or up to _LOOKBACK days before it
        pub = _interval(published[:10] if published else None) or iv
        iv = (pub[0] - _LOOKBACK, pub[1]) if pub else None
        dsrc = "none" if dsrc == "text" else dsrc
    stop = _stop()
    words = sorted({w for w in _WORD.findall(e.text.lower()) if w not in stop})
    place = None
    if e.location is not None:
        loc = e.location
        place = [loc.name or loc.text, loc.country, loc.lat, loc.lon, loc.feature]
    return _Feat(
        id=e.id,
        doc=e.doc_id,
        type=e.event,
        lo=iv[0] if iv else None,
        hi=iv[1] if iv else None,
        dsrc=dsrc,
        fact=e.factuality or "asserted",
        actors=sorted({a.country for a in e.actor if a.country}),
        actor_names=sorted({a.name for a in e.actor if a.name}),
        recips=sorted({a.country for a in e.recipient if a.country}),
        recip_names=sorted({a.name for a in e.recipient if a.name}),
        place=place,
        sizes=[[s.min, s.max, s.unit] for s in e.size if s.min is not None or s.max is not None],
        words=words,
        places=places or [],
    )


def _bars(values: Iterable[str]) -> str:
    vals = sorted(values)
    return "|" + "|".join(vals) + "|" if vals else ""


def _km(a: list[Any], b: list[Any]) -> float | None:
    if a[2] is None or b[2] is None or a[3] is None or b[3] is None:
        return None
    return distance_km((a[2], a[3]), (b[2], b[3]))


def _size_ratio(a: list[Any], b: list[Any]) -> float:
    """How far apart two hedged counts are (1.0 = compatible ranges)."""
    alo, ahi = a[0] if a[0] is not None else a[1], a[1] if a[1] is not None else math.inf
    blo, bhi = b[0] if b[0] is not None else b[1], b[1] if b[1] is not None else math.inf
    if a[0] is None:  # "up to 275": anything below
        alo = 0.0
    if b[0] is None:
        blo = 0.0
    if alo <= bhi and blo <= ahi:
        return 1.0
    lo, hi = (ahi, blo) if ahi < blo else (bhi, alo)
    return hi / lo if lo > 0 else math.inf


def _cosine(a: list[str], b: list[str], idf: dict[str, float] | None) -> float:
    get = (lambda t: idf.get(t, 1.0)) if idf else (lambda t: 1.0)  # noqa: E731
    common = set(a) & set(b)
    num = sum(get(t) ** 2 for t in common)
    den = math.sqrt(sum(get(t) ** 2 for t in a) * sum(get(t) ** 2 for t in b))
    return num / den if den else 0.0


def _compare(a: _Feat, b: _Feat, idf: dict[str, float] | None = None) -> tuple[float, dict[str, Any]]:
    """Score one pair of mentions; a negative score is a veto. Returns (score, evidence)."""
    ev: dict[str, Any] = {"type": a.type}
    if a.doc == b.doc:
        return -1.0, {**ev, "veto": "same document"}
    # date gap
    score = 0.0
    if a.lo is not None and b.lo is not None:
        gap = max(0, max(a.lo, b.lo) - min(a.hi or a.lo, b.hi or b.lo))
        exact = a.dsrc == "text" and b.dsrc == "text"
        window = _WINDOW_TEXT if exact else _WINDOW_LOOSE
        ev["date_gap_days"] = gap
        if gap > window + _DATE_SLACK:
            return -1.0, {**ev, "veto": f"dates {gap} days apart"}
        if gap > window:  # date parsing is noisy: a small excess costs evidence instead of vetoing
            score -= 0.8
        coarse = (a.hi or a.lo) - a.lo > _COARSE or (b.hi or b.lo) - b.lo > _COARSE
        if coarse:  # "2011" and "2011": same period named, weaker than the same day
            score += 0.6 if (a.lo, a.hi) == (b.lo, b.hi) else 0.2
        else:
            score += (1.0 if exact else 0.4) * max(0.0, 1.0 - gap / (window + 1))
    else:  # no date on one side: compared across all time, so the rest must say more
        score -= _NO_DATE_PENALTY
    # actors / recipients: countries must not contradict; shared names or countries are evidence; a side that
    # is missing on either mention is no evidence either way
    swapped = bool(
        set(a.actors) & set(b.recips) or set(b.actors) & set(a.recips)
    )  # roles mixed up by a parse
    sides = [
        ("actor", a.actors, b.actors, a.actor_names, b.actor_names, 1.0),
        ("recipient", a.recips, b.recips, a.recip_names, b.recip_names, 0.7),
    ]
    if a.type in _SYMMETRIC:  # "A met B" = "B met A": compare the participants, whatever their roles
        sides = [("participant", sorted(set(a.actors) | set(a.recips)), sorted(set(b.actors) | set(b.recips)),
                  sorted(set(a.actor_names) | set(a.recip_names)), sorted(set(b.actor_names) | set(b.recip_names)),
                  1.2)]  # fmt: skip
    if (swapped and a.type not in _SYMMETRIC and a.actors and b.actors and a.recips and b.recips
            and not set(a.actors) & set(b.actors)):  # fmt: skip
        # both sides known on both mentions and reversed: an attack and the counter-attack, not a parse slip
        return -1.0, {**ev, "veto": f"roles reversed: {'/'.join(a.actors)} vs {'/'.join(b.actors)}"}
    if swapped and a.type not in _SYMMETRIC and not (a.actors and b.actors):
        # "the mission was suspended" vs "NATO suspended the mission": a passive parse
        ev["roles_swapped"] = True
        score += _SWAP_CREDIT
    for label, ca, cb, na, nb, w in sides:
        if ca and cb and not set(ca) & set(cb):
            if label != "recipient" and not swapped:
                return -1.0, {**ev, "veto": f"{label}s differ: {'/'.join(ca)} vs {'/'.join(cb)}"}
            ev[f"{label}_mismatch"] = f"{'/'.join(ca)} vs {'/'.join(cb)}"
            score -= 0.0 if swapped else 0.5
        shared = sorted(set(ca) & set(cb))
        names = sorted(set(na) & set(nb))
        if names:
            ev[f"{label}_overlap"] = names
            score += w
        elif shared:
            ev[f"{label}_overlap"] = shared
            score += 0.7 * w
    # place
    if a.place and b.place:
        pa, pb = a.place, b.place
        km = _km(pa, pb)
        broad = {"country", "region", "water"} & {pa[4], pb[4]}
        if pa[1] and pb[1] and pa[1] != pb[1] and not (broad and km is not None and km < _MAX_KM * 10):
            return -1.0, {
                **ev,
                "veto": f"places in different countries: {pa[0]} ({pa[1]}) vs {pb[0]} ({pb[1]})",
            }
        if km is not None:
            ev["place_km"] = round(km, 1)
            if km > _MAX_KM and not broad:
                return -1.0, {**ev, "veto": f"places {km:.0f} km apart: {pa[0]} vs {pb[0]}"}
        if pa[0] == pb[0] or (km is not None and km <= 15 and not broad):
            ev["place"] = pa[0]
            score += 0.3 if broad else 0.8  # the same country or sea says little
        elif not broad and km is not None:
            score += 0.4
    # sizes (same unit, or no unit on one side)
    ratios = [
        _size_ratio(sa, sb)
        for sa in a.sizes
        for sb in b.sizes
        if sa[2] == sb[2] or sa[2] is None or sb[2] is None
    ]
    if ratios:
        best = min(ratios)
        ev["size_ratio"] = round(best, 2) if best != math.inf else "inf"
        if best > _SIZE_VETO:
            return -1.0, {**ev, "veto": f"sizes incompatible (x{best:.1f})"}
        bounded = any(x[0] is not None and x[1] is not None for x in a.sizes) and any(
            x[0] is not None and x[1] is not None for x in b.sizes
        )  # "at least two" fits almost any count: weaker evidence than two counts that agree
        score += (0.8 if bounded else 0.4) if best <= _SIZE_DISPUTE else 0.3
    # places named in the two sentences: none in common and all far apart -> different events
    if a.places and b.places:
        names = {p[0] for p in a.places} & {p[0] for p in b.places}
        if names:
            ev["sentence_places"] = sorted(names)
            score += 0.5
        else:
            kms = [
                _km([None, None, *pa[1:3], None], [None, None, *pb[1:3], None])
                for pa in a.places
                for pb in b.places
            ]
            known = [k for k in kms if k is not None]
            if known and min(known) > 25:
                ev["sentence_places_differ"] = f"{a.places[0][0]} vs {b.places[0][0]}"
                score -= _PLACE_PENALTY
    # word overlap of the two sentences: idf-weighted cosine of content words
    if a.words and b.words:
        sim = _cosine(a.words, b.words, idf)
        ev["word_overlap"] = round(sim, 2)
        score += 2.5 * sim - (_FEW_WORDS_PENALTY if sim < _FEW_WORDS else 0.0)
    ev["score"] = round(score, 3)
    return score, ev


# ---------------------------------------------------------------------- the store side


def _new_events(store: Store) -> Iterable[tuple[Event, str | None, str | None]]:
    rows = store.db.execute(
        "SELECT e.data, d.published, d.outlet FROM events e JOIN documents d ON d.id = e.doc_id"
        " LEFT JOIN event_links l ON l.event_id = e.id WHERE l.event_id IS NULL"
        " ORDER BY d.published IS NULL, d.published, e.doc_id, e.id"
    )
    for r in rows:
        yield Event.from_dict(json.loads(r[0])), r[1], r[2]


class _Idf:
    """Inverse document frequencies from the story index (term_df), cached for one run."""

    def __init__(self, store: Store) -> None:
        self.store = store
        row = store.db.execute("SELECT value FROM link_meta WHERE key = 'n_docs'").fetchone()
        self.n = int(row[0]) if row else 0
        self.values: dict[str, float] = {}

    def load(self, words: list[str]) -> None:
        missing = [w for w in set(words) if w not in self.values]
        if not missing or not self.n:
            return
        found: dict[str, int] = {}
        for i in range(0, len(missing), 900):
            chunk = missing[i : i + 900]
            q = ",".join("?" * len(chunk))
            found.update(
                self.store.db.execute(f"SELECT term, df FROM term_df WHERE term IN ({q})", chunk).fetchall()
            )
        for w in missing:
            self.values[w] = math.log((self.n + 1) / (found.get(w, 0) + 1)) + 1.0


def _doc_places(store: Store, doc_id: str) -> list[tuple[int, list[Any]]]:
    out = []
    for r in store.db.execute("SELECT data FROM places WHERE doc_id = ? AND (feature IS NULL OR feature NOT IN"
                              " ('country', 'region', 'water'))", (doc_id,)):  # fmt: skip
        p = json.loads(r[0])
        out.append((p["start"], [p.get("name") or p["text"], p.get("lat"), p.get("lon")]))
    return out


_FEATS: dict[str, _Feat] = {}  # decoded features by event id (a feature row never changes once written)


def _candidates(store: Store, f: _Feat, undated: bool = True) -> list[tuple[str, str, _Feat]]:
    """Linked mentions in the same block: type + date window + a shared country key (or no keys on either)."""
    keys = sorted(f.countries())
    key_sql, key_args = "", []
    if keys:  # filtered in SQL, so features are decoded only for mentions that can match
        key_sql = " AND (keys = ''" + " OR keys LIKE ?" * len(keys) + ")"
        key_args = [f"%|{k}|%" for k in keys]
    if f.lo is None:  # no date at all (nor a publication date): any date, the most recent first
        sql = "SELECT event_id, merged_id, feat FROM event_links WHERE event = ?" + key_sql
        rows = store.db.execute(
            sql + " ORDER BY rowid DESC LIMIT ?", (f.type, *key_args, _UNDATED)
        ).fetchall()
    else:
        hi = f.hi or f.lo
        w = _WINDOW_TEXT + _WINDOW_LOOSE
        part = "SELECT event_id, merged_id, feat FROM event_links WHERE event = ? AND coarse = ? AND day BETWEEN ? AND ?"
        part += " AND day_hi >= ?" + key_sql
        # bounded blocks: a dense story (thousands of reports of one week) must not make merging quadratic
        part = f"SELECT * FROM ({part} ORDER BY abs(day - ?), rowid DESC LIMIT {_BLOCK})"
        rows = store.db.execute(
            part + " UNION ALL " + part,
            (f.type, 0, f.lo - _COARSE - w, hi + w, f.lo - w, *key_args, f.lo,
             f.type, 1, f.lo - 366 - w, hi + w, f.lo - w, *key_args, f.lo),
        ).fetchall()  # fmt: skip
        if undated:  # undated mentions too, when the store holds any
            sql = "SELECT event_id, merged_id, feat FROM event_links WHERE event = ? AND coarse = 0 AND day IS NULL"
            sql += key_sql  # (event, coarse, day) index: an undated mention has coarse = 0
            rows += store.db.execute(
                sql + " ORDER BY rowid DESC LIMIT ?", (f.type, *key_args, _UNDATED)
            ).fetchall()
    return _decode(rows)


def _decode(rows: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, _Feat]]:
    out = []
    for event_id, merged_id, feat in rows:
        g = _FEATS.get(event_id)
        if g is None:
            if len(_FEATS) > 200_000:  # bounded: one run's blocks overlap heavily, a store's do not fit
                _FEATS.clear()
            g = _FEATS[event_id] = _Feat.from_json(feat)
        out.append((event_id, merged_id, g))
    return out


def _members(store: Store, merged_id: str) -> list[tuple[str, str, _Feat]]:
    """Every member of one merged event (fetched only for a merged event that a new mention could join)."""
    rows = store.db.execute(  # the most recent members: a merged event of thousands of reports is not re-read
        f"SELECT event_id, merged_id, feat FROM event_links WHERE merged_id = ? ORDER BY rowid DESC LIMIT {_MEMBERS}",
        (merged_id,),
    )
    return _decode(rows)


def _choose(f: _Feat, cands: list[tuple[str, str, _Feat]], idf: dict[str, float] | None = None,
            members: Callable[[str], list[tuple[str, str, _Feat]]] | None = None,
            ) -> tuple[str | None, str | None, float, dict[str, Any]]:  # fmt: skip
    """The merged event to join: best-scoring member passes the threshold, no member of that merged event vetoes,
    and at least _SUPPORT of its members are compatible. `members(merged_id)` gives all members of a merged event
    (those outside the candidate block too); it is asked only for merged events whose best member passes."""
    by_cluster: dict[str, list[tuple[str, float, dict[str, Any]]]] = {}
    for event_id, merged_id, g in cands:
        s, ev = _compare(f, g, idf)
        by_cluster.setdefault(merged_id, []).append((event_id, s, ev))
    best: tuple[str | None, str | None, float, dict[str, Any]] = (None, None, 0.0, {})
    for merged_id, scored in by_cluster.items():
        if any(s < 0 for _, s, _ in scored):
            continue
        top = max(s for _, s, _ in scored)
        if top < THRESHOLD or top <= best[2]:
            continue
        if members is not None:
            seen = {e for e, _, _ in scored}
            scored = scored + [(e, *_compare(f, g, idf)) for e, _, g in members(merged_id) if e not in seen]
            if any(s < 0 for _, s, _ in scored):
                continue
        if sum(s >= _MEMBER_MIN for _, s, _ in scored) < _SUPPORT * len(scored):
            continue  # the best member alone would chain a new mention onto a merged event it does not fit
        event_id, s, ev = max(scored, key=lambda x: x[1])
        if _LINKAGE == "mean":
            s = sum(x[1] for x in scored) / len(scored)
        if s >= THRESHOLD and s > best[2]:
            best = (merged_id, event_id, s, ev)
    return best


def merge_new(store: Store) -> dict[str, int]:
    """Link every not-yet-linked event in `store` into merged events; returns counts."""
    db = store.db
    # links left over from documents that were re-ingested or deleted
    with db:
        stale = db.execute(
            "SELECT DISTINCT l.merged_id FROM event_links l LEFT JOIN events e ON e.id = l.event_id"
            " WHERE e.id IS NULL"
        ).fetchall()
        db.execute("DELETE FROM event_links WHERE event_id NOT IN (SELECT id FROM events)")
    touched: set[str] = {r[0] for r in stale}
    linked = joined = 0
    _FEATS.clear()  # per run: a re-ingested document may reuse an event id with new features
    idf = _Idf(store)
    places: tuple[str, list[tuple[int, list[Any]]]] = ("", [])
    undated = db.execute("SELECT 1 FROM event_links WHERE day IS NULL LIMIT 1").fetchone() is not None
    with db:
        for e, published, _outlet in _new_events(store):
            if places[0] != e.doc_id:
                places = (e.doc_id, _doc_places(store, e.doc_id))
            in_sentence = [p for start, p in places[1] if e.sentence_start <= start < e.sentence_end]
            f = _features(e, published, in_sentence)
            cands = _candidates(store, f, undated)
            undated = undated or f.lo is None
            idf.load(f.words + [w for _, _, g in cands for w in g.words])
            merged_id, to_event, score, ev = _choose(f, cands, idf.values, lambda m: _members(store, m))
            if merged_id is None:
                merged_id = "m" + stable_id("merged", e.id)
                ev = {}
            else:
                joined += 1
                ev = {**ev, "joined_to": to_event}
            coarse = int(f.lo is not None and (f.hi or f.lo) - f.lo > _COARSE)
            db.execute(
                "INSERT OR REPLACE INTO event_links(event_id, merged_id, doc_id, event, day, day_hi, coarse, keys,"
                " score, evidence, feat) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (e.id, merged_id, e.doc_id, e.event, f.lo, f.hi, coarse, _bars(f.countries()), score if ev else None,
                 json.dumps(ev, ensure_ascii=False), f.to_json()),
            )  # fmt: skip
            touched.add(merged_id)
            linked += 1
        for merged_id in touched:
            _rebuild(store, merged_id)
    return {"linked": linked, "joined": joined, "merged_events_touched": len(touched)}


# ---------------------------------------------------------------------- merged-event records


def _size_text(lo: float | None, hi: float | None, unit: str | None) -> str:
    def n(x: float) -> str:
        return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"

    if lo is None and hi is None:
        return ""
    if lo is None:
        core = f"up to {n(hi)}"  # type: ignore[arg-type]
    elif hi is None:
        core = f"{n(lo)}+"
    elif lo == hi:
        core = n(lo)
    else:
        core = f"{n(lo)}–{n(hi)}"
    return f"{core} {unit}" if unit else core


def _rebuild(store: Store, merged_id: str) -> None:
    db = store.db
    rows = db.execute(
        "SELECT l.event_id, l.score, l.evidence, e.data, d.outlet, d.published, d.title FROM event_links l"
        " JOIN events e ON e.id = l.event_id JOIN documents d ON d.id = l.doc_id WHERE l.merged_id = ?"
        " ORDER BY d.published IS NULL, d.published, l.rowid",
        (merged_id,),
    ).fetchall()
    if not rows:
        db.execute("DELETE FROM merged_events WHERE id = ?", (merged_id,))
        return
    mentions: list[dict[str, Any]] = []
    events: list[Event] = []
    for r in rows:
        e = Event.from_dict(json.loads(r["data"]))
        events.append(e)
        mentions.append({
            "event_id": e.id, "doc_id": e.doc_id, "outlet": r["outlet"], "published": r["published"],
            "title": r["title"], "factuality": e.factuality, "date": e.date.value if e.date else None,
            "date_source": e.date.source if e.date else None, "date_text": e.date.text if e.date else None,
            "sizes": [s.text for s in e.size], "text": e.text, "event_text": e.event_text,
            "sentence_start": e.sentence_start, "sentence_end": e.sentence_end,
            "event_start": e.event_start, "event_end": e.event_end,
            "score": r["score"], "evidence": json.loads(r["evidence"] or "{}"),
        })  # fmt: skip
    rec = _summarise(merged_id, events, mentions)
    db.execute(
        "INSERT OR REPLACE INTO merged_events(id, event, date, first_reported, countries, location, mentions,"
        " sources, disputed, story_id, data) VALUES (?,?,?,?,?,?,?,?,?,"
        " (SELECT story_id FROM merged_events WHERE id = ?), ?)",
        (merged_id, rec["event"], rec["date"], rec["first_reported"], "|" + "|".join(rec["countries"]) + "|",
         rec["location"], len(mentions), rec["sources"], int(rec["disputed"]), merged_id,
         json.dumps(rec, ensure_ascii=False)),
    )  # fmt: skip


def _summarise(merged_id: str, events: list[Event], mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """The merged event as a JSON-shaped dict: consensus fields, spreads, sources and conflicts."""
    first = mentions[0]
    dated = [e.date.value for e in events if e.date and e.date.source == "text" and e.date.value]
    dates = Counter(d[:10] for d in dated) or Counter(
        e.date.value[:10] for e in events if e.date and e.date.value
    )
    date = max(sorted(dates), key=lambda d: dates[d]) if dates else None
    outlets = {m["outlet"] or m["doc_id"] for m in mentions}
    actors = Counter(a.name or a.country or a.text for e in events for a in e.actor if a.name or a.country)
    recips = Counter(
        a.name or a.country or a.text for e in events for a in e.recipient if a.name or a.country
    )
    countries = sorted({a.country for e in events for a in e.actor + e.recipient if a.country}
                       | {e.location.country for e in events if e.location and e.location.country})  # fmt: skip
    places = Counter(e.location.name or e.location.text for e in events if e.location)
    modes = Counter(e.mode for e in events if e.mode)
    # size spread per unit
    units: dict[str | None, list[tuple[float | None, float | None, int]]] = {}
    for i, e in enumerate(events):
        for s in e.size:
            if s.min is not None or s.max is not None:
                units.setdefault(s.unit, []).append((s.min, s.max, i))
    spreads = []
    conflicts: list[dict[str, Any]] = []
    for unit, vals in units.items():
        los = [v[0] if v[0] is not None else v[1] for v in vals]
        his = [v[1] if v[1] is not None else v[0] for v in vals]
        lo, hi = min(x for x in los if x is not None), max(x for x in his if x is not None)
        srcs = len({mentions[v[2]]["outlet"] or mentions[v[2]]["doc_id"] for v in vals})
        spreads.append({"unit": unit, "min": lo, "max": hi, "sources": srcs,
                        "text": f"{_size_text(lo, hi, unit)}, {srcs} source{'s' if srcs != 1 else ''}"})  # fmt: skip
        pairs = [(a, b) for a in vals for b in vals if a[2] < b[2]]
        if any(_size_ratio([a[0], a[1], unit], [b[0], b[1], unit]) > _SIZE_DISPUTE for a, b in pairs):
            conflicts.append({"kind": "size", "unit": unit, "mentions": [
                {"event_id": mentions[v[2]]["event_id"], "outlet": mentions[v[2]]["outlet"],
                 "value": _size_text(v[0], v[1], unit), "text": mentions[v[2]]["text"]} for v in vals]})  # fmt: skip
    facts = {m["factuality"] for m in mentions}
    if facts & _DENY and facts - _DENY - {"hypothetical", "future"}:
        conflicts.append({"kind": "factuality", "mentions": [
            {"event_id": m["event_id"], "outlet": m["outlet"], "value": m["factuality"], "text": m["text"]}
            for m in mentions]})  # fmt: skip
    text_days = {}
    for m in mentions:
        iv = _interval(m["date"]) if m["date_source"] == "text" else None
        if iv and iv[0] == iv[1]:
            text_days[m["event_id"]] = iv[0]
    if text_days and max(text_days.values()) - min(text_days.values()) >= 1:
        conflicts.append({"kind": "date", "mentions": [
            {"event_id": m["event_id"], "outlet": m["outlet"], "value": m["date"], "text": m["text"]}
            for m in mentions if m["event_id"] in text_days]})  # fmt: skip
    return {
        "id": merged_id,
        "event": events[0].event,
        "mode": modes.most_common(1)[0][0] if modes else None,
        "date": date,
        "first_reported": first["published"],
        "first_doc": first["doc_id"],
        "actors": [a for a, _ in actors.most_common()],
        "recipients": [a for a, _ in recips.most_common()],
        "countries": countries,
        "location": places.most_common(1)[0][0] if places else None,
        "sizes": spreads,
        "sources": len(outlets),
        "outlets": sorted(outlets),
        "documents": len({m["doc_id"] for m in mentions}),
        "factuality": sorted(facts),
        "disputed": bool(conflicts),
        "conflicts": conflicts,
        "summary": _headline(events, mentions),
        "mentions": mentions,
    }


def _headline(events: list[Event], mentions: list[dict[str, Any]]) -> str:
    """The sentence of the earliest asserted mention (verbatim) to stand for the merged event."""
    for e in events:
        if e.factuality == "asserted":
            return e.text
    return events[0].text
