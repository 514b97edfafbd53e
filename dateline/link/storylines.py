"""Stories: articles grouped by topic and time, incrementally.

Public entry point: `assign_stories(store)` puts every processed article that has no story yet into the story
whose TF-IDF centroid is closest (cosine >= `THRESHOLD`, story active within `WINDOW_DAYS` of the article's
date), or starts a new story. Term document frequencies and story centroids (top terms with weights) live in
the store (`term_df`, `stories.data`), so new articles join existing stories without recomputing anything.
Article vectors are sublinear TF × a flattened, smoothed IDF (idf ** 0.4, a word in every article still counts),
without the words no other stored article has; tuned on Timeline17 DEV topic mixtures (`dateline eval stories`).
Scoring uses an inverted index over the centroids of the active stories, so a new article costs
O(its terms × stories sharing them), not O(all stories).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter
from collections.abc import Iterator
from typing import Any

from dateline.link._words import terms as _terms
from dateline.model import stable_id
from dateline.store import Store

THRESHOLD = 0.08  # cosine to join a story (tuned on Timeline17 DEV topic mixtures: `dateline eval stories`)
WINDOW_DAYS = 14  # a story takes articles up to this many days after its last one
_DOC_TERMS = 120  # terms kept per article vector
_STORY_TERMS = 400  # terms kept per story centroid
_MIN_DF = 3  # article words in fewer stored articles than this are left out of its vector...
_MIN_DF_DOCS = 50  # ...once the store holds this many articles
_IDF_POW = 0.4  # flattened idf: full idf let each article's rare names dominate it and split stories


def _idf(n_docs: int, df: int) -> float:
    """Smoothed idf: a word in every article still weighs 1 (the plain log gave it 0, so a store holding one story
    saw its shared vocabulary vanish and split the story apart)."""
    return math.log((n_docs + 1) / (df + 1)) + 1.0


def _vector(c: Counter[str], df: dict[str, int], n_docs: int) -> dict[str, float]:
    """An article's unit TF-IDF vector; once the store is big enough, words seen in no other article are left out
    (they cannot match any story and only shrink every cosine)."""
    floor = _MIN_DF if n_docs >= _MIN_DF_DOCS else 0
    return _unit({t: (1 + math.log(n)) * _idf(n_docs, df.get(t, 1)) ** _IDF_POW for t, n in c.items()
                  if df.get(t, 1) >= floor}, _DOC_TERMS)  # fmt: skip


def _day(published: str | None) -> int | None:
    try:
        return dt.date.fromisoformat(published[:10]).toordinal() if published else None
    except ValueError:
        return None


def _unit(vec: dict[str, float], keep: int) -> dict[str, float]:
    top = sorted(vec.items(), key=lambda kv: -kv[1])[:keep]
    norm = math.sqrt(sum(v * v for _, v in top)) or 1.0
    return {t: v / norm for t, v in top}


class _Story:
    def __init__(self, sid: str, data: dict[str, Any], title: str | None, first: str | None, last: str | None,
                 n: int) -> None:  # fmt: skip
        self.id, self.title, self.first, self.last, self.n = sid, title, first, last, n
        self.centroid: dict[str, float] = data.get("centroid", {})
        self.title_score: float = data.get("title_score", 0.0)
        self.actors: Counter[str] = Counter(data.get("actor_counts", {}))
        self.dirty = False

    def add(
        self, vec: dict[str, float], title: str | None, published: str | None, actors: Counter[str]
    ) -> float:
        # running mean of unit vectors, renormalised (cosine is scale-free)
        merged = {t: w * self.n for t, w in self.centroid.items()}
        for t, w in vec.items():
            merged[t] = merged.get(t, 0.0) + w
        self.centroid = _unit(merged, _STORY_TERMS)
        self.n += 1
        cos = sum(w * self.centroid.get(t, 0.0) for t, w in vec.items())
        if title and (cos >= self.title_score or not self.title):  # the most central headline names the story
            self.title, self.title_score = title, cos
        if published:
            self.first = min(filter(None, [self.first, published[:10]]))
            self.last = max(filter(None, [self.last, published[:10]]))
        self.actors.update(actors)
        self.dirty = True
        return cos

    def data(self) -> dict[str, Any]:
        return {
            "centroid": {t: round(w, 5) for t, w in self.centroid.items()},
            "title_score": self.title_score,
            "top_terms": [t for t, _ in sorted(self.centroid.items(), key=lambda kv: -kv[1])[:10]],
            "actor_counts": dict(self.actors.most_common(30)),
            "actors": [a for a, _ in self.actors.most_common(8)],
        }


def _new_docs(store: Store, batch: int = 500) -> Iterator[list[Any]]:
    while True:
        rows = store.db.execute(
            "SELECT d.id, d.title, d.text, d.published FROM documents d LEFT JOIN story_docs s ON s.doc_id = d.id"
            " WHERE s.doc_id IS NULL AND d.status = 'processed' ORDER BY d.published IS NULL, d.published, d.rowid"
            " LIMIT ?",
            (batch,),
        ).fetchall()
        if not rows:
            return
        yield rows


def _actors(store: Store, doc_id: str) -> Counter[str]:
    out: Counter[str] = Counter()
    for (actors,) in store.db.execute("SELECT actors FROM events WHERE doc_id = ?", (doc_id,)):
        out.update(a for a in (actors or "").split("|") if a[:1].isupper())  # named, not "who"/"its forces"
    return out


def assign_stories(store: Store) -> dict[str, int]:
    """Assign every processed article without a story to a story (joining or starting one); returns counts."""
    db = store.db
    assigned = created = 0
    for rows in _new_docs(store):
        counts = {r["id"]: _terms(r["title"], r["text"]) for r in rows}
        with db:
            # document frequencies first, so this batch's own terms count
            df_rows = Counter(t for c in counts.values() for t in c)
            db.executemany(
                "INSERT INTO term_df(term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
                list(df_rows.items()),
            )
            n_row = db.execute("SELECT value FROM link_meta WHERE key = 'n_docs'").fetchone()
            n_docs = (int(n_row[0]) if n_row else 0) + len(rows)
            db.execute("INSERT OR REPLACE INTO link_meta(key, value) VALUES ('n_docs', ?)", (str(n_docs),))
            df: dict[str, int] = {}
            terms = list(df_rows)
            for i in range(0, len(terms), 900):
                chunk = terms[i : i + 900]
                q = ",".join("?" * len(chunk))
                df.update(db.execute(f"SELECT term, df FROM term_df WHERE term IN ({q})", chunk).fetchall())
            days = [d for d in (_day(r["published"]) for r in rows) if d is not None]
            since = (min(days) - WINDOW_DAYS) if days else -(10**9)
            active: dict[str, _Story] = {}
            index: dict[str, set[str]] = {}
            for s in db.execute(
                "SELECT id, title, first_date, last_date, documents, data FROM stories"
                " WHERE day_last >= ? OR day_last IS NULL",
                (since,),
            ):
                st = _Story(
                    s["id"],
                    json.loads(s["data"]),
                    s["title"],
                    s["first_date"],
                    s["last_date"],
                    s["documents"],
                )
                active[st.id] = st
                for t in st.centroid:
                    index.setdefault(t, set()).add(st.id)
            for r in rows:
                c = counts[r["id"]]
                vec = _vector(c, df, n_docs)
                day = _day(r["published"])
                dots: dict[str, float] = {}
                for t, w in vec.items():
                    for sid in index.get(t, ()):
                        dots[sid] = dots.get(sid, 0.0) + w * active[sid].centroid.get(t, 0.0)
                best, score = None, 0.0
                for sid, s in dots.items():
                    st = active[sid]
                    last = _day(st.last)
                    if (
                        day is not None
                        and last is not None
                        and not (
                            _day(st.first) - WINDOW_DAYS <= day <= last + WINDOW_DAYS  # type: ignore[operator]
                        )
                    ):
                        continue
                    # ties go to the smaller story id: `dots` is filled in the order of sets of ids (hash seed)
                    if s >= THRESHOLD and (
                        s > score or (s == score and best is not None and st.id < best.id)
                    ):
                        best, score = st, s
                if best is None:
                    best = _Story("s" + stable_id("story", r["id"]), {}, None, None, None, 0)
                    active[best.id] = best
                    created += 1
                best.add(vec, r["title"], r["published"], _actors(store, r["id"]))
                for t in best.centroid:
                    index.setdefault(t, set()).add(best.id)
                db.execute("INSERT OR REPLACE INTO story_docs(doc_id, story_id, score) VALUES (?,?,?)",
                           (r["id"], best.id, round(score, 4)))  # fmt: skip
                assigned += 1
            for st in active.values():
                if st.dirty:
                    title = st.title or " ".join(st.data()["top_terms"][:5])
                    db.execute(
                        "INSERT OR REPLACE INTO stories(id, title, first_date, last_date, day_last, documents, data)"
                        " VALUES (?,?,?,?,?,?,?)",
                        (st.id, title, st.first, st.last, _day(st.last), st.n, json.dumps(st.data())),
                    )
    with db:
        db.execute(
            "UPDATE merged_events SET story_id = (SELECT story_id FROM story_docs"
            " WHERE doc_id = json_extract(merged_events.data, '$.first_doc')) WHERE story_id IS NULL"
        )
    return {"articles_assigned": assigned, "stories_created": created}
