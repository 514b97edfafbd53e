"""Briefings: an extractive summary of a story or a search, every sentence verbatim with its citation.

Public entry point: `brief(store, story=None, query=None, max_sentences=8)` returns Markdown: a heading copied
from the story's title (or the query as given) and up to `max_sentences` bullet points, each a sentence copied
character for character from an article (by its stored offsets; a wire dateline at its head, "CITY, date
(Agency) -", is left out: the citation names the source) followed by `[Outlet, YYYY-MM-DD]`. Nothing
else is written: no generated text. Sentences are ranked by centrality (TF-IDF cosine to the centroid of all
candidate sentences), with a bonus for sentences that report an event and for an article's lead, and picked
greedily without near-repeats (maximal marginal relevance); they are printed in date order.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from typing import Any

from dateline.link._words import terms as _terms
from dateline.link.digest import dateline_end
from dateline.store import Store, StoreError

_MAX_DOCS = 60
_SENT = re.compile(r"[^.!?\n]+[.!?]+[\"'”’]?")


def _doc_ids(store: Store, story: str | None, query: str | None) -> tuple[list[str], str]:
    db = store.db
    if story:
        row = db.execute(
            "SELECT id, title FROM stories WHERE id = ? OR id LIKE ? LIMIT 1", (story, story + "%")
        ).fetchone()
        if row is None:
            raise StoreError(f"no story {story!r}: run `dateline link` and see `dateline stories`")
        ids = [
            r[0]
            for r in db.execute(
                "SELECT doc_id FROM story_docs WHERE story_id = ? LIMIT ?", (row[0], _MAX_DOCS)
            )
        ]
        return ids, row[1] or row[0]
    if query:
        return [r["id"] for r in store.search(query, limit=_MAX_DOCS)], query
    ids = [r[0] for r in db.execute("SELECT id FROM documents WHERE status = 'processed'"
                                    " ORDER BY published DESC LIMIT ?", (_MAX_DOCS,))]  # fmt: skip
    return ids, "Latest articles"


def _candidates(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    db = store.db
    for doc_id in ids:
        r = db.execute(
            "SELECT id, text, data, outlet, published FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        if r is None:
            continue
        spans = json.loads(r["data"]).get("sentences") or [
            (m.start(), m.end())
            for m in _SENT.finditer(r["text"])  # documents stored without sentence spans
        ]
        events = {row[0] for row in db.execute("SELECT json_extract(data, '$.sentence_start') FROM events"
                                               " WHERE doc_id = ?", (doc_id,))}  # fmt: skip
        for pos, (start, end) in enumerate(spans):
            start = dateline_end(r["text"], start)  # a wire dateline is cited beside the sentence, not quoted
            text = r["text"][start:end]
            words = len(text.split())
            if words < 8 or words > 60 or "\n" in text.strip():
                continue
            out.append({"doc_id": doc_id, "start": start, "end": end, "text": text.strip(), "pos": pos,
                        "outlet": r["outlet"] or doc_id[:8], "published": (r["published"] or "")[:10],
                        "event": start in events})  # fmt: skip
    return out


def brief(store: Store, story: str | None = None, query: str | None = None, max_sentences: int = 8) -> str:
    """A cited extractive briefing (Markdown) for a story id, a full-text query, or the latest articles."""
    ids, heading = _doc_ids(store, story, query)
    cands = _candidates(store, ids)
    if not cands:
        return f"# {heading}\n\n(no sentences found)\n"
    toks = [_terms(None, c["text"]) for c in cands]
    df: Counter[str] = Counter()
    for t in toks:
        df.update(t.keys())
    n = len(cands)
    vecs = []
    for t in toks:
        v = {w: (1 + math.log(k)) * math.log((n + 1) / (df[w] + 1) + 1) for w, k in t.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})
    centroid: Counter[str] = Counter()
    for v in vecs:
        centroid.update(v)
    cn = math.sqrt(sum(x * x for x in centroid.values())) or 1.0

    def dot(a: dict[str, float], b: dict[str, float]) -> float:
        return sum(x * b.get(w, 0.0) for w, x in a.items())

    scores = [dot(v, centroid) / cn + (0.05 if c["event"] else 0.0) + 0.1 / (1 + c["pos"])
              for v, c in zip(vecs, cands, strict=True)]  # fmt: skip
    chosen: list[int] = []
    for i in sorted(range(n), key=lambda i: -scores[i]):
        if all(dot(vecs[i], vecs[j]) < 0.45 for j in chosen) and cands[i]["text"] not in {
            cands[j]["text"] for j in chosen
        }:
            chosen.append(i)
        if len(chosen) >= max_sentences:
            break
    chosen.sort(key=lambda i: (cands[i]["published"], cands[i]["doc_id"], cands[i]["start"]))
    lines = [f"# {heading}", ""]
    for i in chosen:
        c = cands[i]
        lines.append(f"- {c['text']} [{c['outlet']}, {c['published'] or 'undated'}]")
    return "\n".join(lines) + "\n"
