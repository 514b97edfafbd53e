"""Story clustering on Timeline17 topic mixtures (DEV: LibyaWar_cnn + IraqWar_guardian; TEST: SyrianCrisis_reuters
+ EgyptianProtest_cnn), plus the number of stories the demo corpus comes out as.

The two topics of the split are mixed into one store and fed to `dateline.link.storylines.assign_stories` in order
of publication date, the way an ingest would see them. The two collections are years apart in DEV, which would
make keeping them apart trivial (the story window alone does it), so the second topic's dates are shifted by a
whole number of days to start on the first topic's first day: both run side by side. Gold labels are the topic
folders (gathered by keyword, so a few off-topic articles carry a label they do not deserve).

Scores of the story assignment against the labels: purity (each story counted as its majority topic), inverse
purity (each topic as its largest story), adjusted Rand index and pairwise precision / recall / F1 over article
pairs. Texts are PTB-tokenised in the source; brackets are put back (-LRB- -> "(") before use; no titles exist.
The demo corpus (dateline/demo/articles, cleaned by dateline.clean, no spaCy; its two copies kept) is one
developing story: `demo_stories` should be 1–3.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import tempfile
from collections import Counter
from math import comb
from pathlib import Path
from typing import Any

from dateline.evaluate import demo_documents, prf, require, suite

SPLITS = {
    "dev": ["LibyaWar_cnn", "IraqWar_guardian"],
    "test": ["SyrianCrisis_reuters", "EgyptianProtest_cnn"],
}
_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "``": '"', "''": '"'}


def _detok(text: str) -> str:
    for a, b in _PTB.items():
        text = text.replace(a, b)
    return text


def _topic(root: Path, topic: str) -> list[dict[str, Any]]:
    with gzip.open(require(root / topic / "articles.jsonl.gz"), "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def cluster_scores(labels: list[str], clusters: list[str]) -> dict[str, Any]:
    """Purity, inverse purity, adjusted Rand index and pairwise P/R/F1 of `clusters` against `labels`.

    Written here (why: a few lines; scikit-learn is not a dependency)."""
    n = len(labels)
    cont = Counter(zip(clusters, labels, strict=True))
    by_c, by_l = Counter(clusters), Counter(labels)
    purity = sum(max(v for (c2, _), v in cont.items() if c2 == c) for c in by_c) / n
    inverse = sum(max(v for (_, l2), v in cont.items() if l2 == lab) for lab in by_l) / n
    same_both = sum(comb(v, 2) for v in cont.values())
    same_c = sum(comb(v, 2) for v in by_c.values())
    same_l = sum(comb(v, 2) for v in by_l.values())
    total = comb(n, 2)
    expected = same_c * same_l / total if total else 0.0
    top = (same_c + same_l) / 2
    ari = (same_both - expected) / (top - expected) if top != expected else 1.0
    out = prf(same_both, same_c - same_both, same_l - same_both)
    sizes = sorted(by_c.values(), reverse=True)
    return {"purity": round(purity, 4), "inverse_purity": round(inverse, 4), "ari": round(ari, 4),
            "pairwise": out, "stories": len(by_c), "largest_stories": sizes[:8],
            "singletons": sum(1 for s in sizes if s == 1)}  # fmt: skip


def _assign(docs: list[Any], path: Path) -> dict[str, str]:
    from dateline.link.storylines import assign_stories
    from dateline.store import Store

    store = Store(path)
    for d in docs:
        store.add(d, d.id, None)
    assign_stories(store)
    got = {r[0]: r[1] for r in store.db.execute("SELECT doc_id, story_id FROM story_docs")}
    store.close()
    return got


def _demo_docs() -> list[Any]:
    docs = demo_documents()
    for doc in docs:
        doc.status = "processed"
    return docs


@suite("stories")
def run(split: str, data: Path) -> dict[str, Any]:
    from dateline.model import Document

    root = require(data / "timeline17")
    topics = SPLITS[split]
    docs, labels = [], {}
    first_day: dt.date | None = None
    shifts = {}
    for topic in topics:
        arts = _topic(root, topic)
        start = min(dt.date.fromisoformat(a["time"][:10]) for a in arts)
        first_day = first_day or start
        shift = first_day - start  # topics side by side in time (see the module docstring)
        shifts[topic] = shift.days
        for a in arts:
            pub = (dt.date.fromisoformat(a["time"][:10]) + shift).isoformat()
            doc_id = f"{topic}/{a['id']}"
            docs.append(Document(id=doc_id, text=_detok(a["text"]), published=pub, status="processed"))
            labels[doc_id] = topic
    docs.sort(key=lambda d: (d.published, d.id))
    with tempfile.TemporaryDirectory() as tmp:
        got = _assign(docs, Path(tmp) / "stories.db")
        demo = _assign(_demo_docs(), Path(tmp) / "demo.db")
    ids = sorted(labels)
    out = cluster_scores([labels[i] for i in ids], [got[i] for i in ids])
    per_topic = {}
    for topic in topics:
        mine = [got[i] for i in ids if labels[i] == topic]
        c = Counter(mine)
        per_topic[topic] = {
            "articles": len(mine),
            "stories": len(c),
            "largest_share": round(max(c.values()) / len(mine), 4),
        }
    demo_sizes = sorted(Counter(demo.values()).values(), reverse=True)
    return {**out, "per_topic": per_topic, "date_shift_days": shifts, "articles": len(ids),
            "demo_stories": len(demo_sizes), "demo_story_sizes": demo_sizes}  # fmt: skip
