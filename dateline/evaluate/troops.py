"""Troop figures against reference tables (/work/shared/data/troops).

Ingested articles: the demo corpus (dateline/demo/articles, cleaned with dateline.clean) plus the Timeline17
articles of the split's topics (dev: LibyaWar_cnn, IraqWar_guardian; test: SyrianCrisis_reuters,
EgyptianProtest_cnn). The light path is used: `dateline.link.troops._text_figures` (sentence split, sizes,
country lexicon, presence patterns) on each article's text with its publication date; no spaCy.

Reference: US senders by host and year from troopdata.csv; other senders from mdi_deployments.csv (sum of
`Deployed` over missions per sender, theatre and year). A figure counts when it is a level (kind `presence`)
and its sender-place-year is in the reference; it is correct within ±20 % of the reference value.
Reported: that share, the counts, and every compared figure with its evidence.
"""

from __future__ import annotations

import csv
import gzip
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from dateline.evaluate import demo_documents, require, suite
from dateline.evaluate.timeline import SPLITS

TOLERANCE = 0.2


def _reference(root: Path) -> tuple[dict[tuple[str, str, int], float], dict[tuple[str, str, int], float]]:
    from dateline.link.troops import _countries

    us: dict[tuple[str, str, int], float] = {}
    with open(require(root / "troopdata.csv"), encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["troops"] not in ("", "NA"):
                us[("USA", r["iso3c"], int(r["year"]))] = float(r["troops"])
    mdi: dict[tuple[str, str, int], float] = defaultdict(float)
    with open(require(root / "mdi_deployments.csv"), encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            found = _countries(r["Theatre"])
            if len(found) == 1 and r["Deployed"]:
                mdi[(r["Country"], found[0][2], int(r["Year"]))] += float(r["Deployed"])
    return us, dict(mdi)


def _articles(data: Path, split: str) -> list[tuple[str, str, str | None]]:
    """(doc id, text, published) for the demo corpus and the split's Timeline17 topics."""
    out = [(doc.id, doc.text, doc.published) for doc in demo_documents()]
    for topic in SPLITS[split]:
        with gzip.open(
            require(data / "timeline17" / topic / "articles.jsonl.gz"), "rt", encoding="utf-8"
        ) as fh:
            for line in fh:
                a = json.loads(line)
                out.append((f"{topic}/{a['id']}", a["text"], a["time"]))
    return out


@suite("troops")
def run(split: str, data: Path) -> dict[str, Any]:
    from dateline.link.troops import _text_figures

    us, mdi = _reference(require(data / "troops"))
    figures = []
    for doc_id, text, published in _articles(data, split):
        figures += _text_figures(text, published, doc_id)
    compared = []
    for f in figures:
        if f["kind"] != "presence" or not f["date"]:
            continue
        key = (f["sender"], f["place"], int(f["date"][:4]))
        ref, table = (us.get(key), "troopdata") if f["sender"] == "USA" else (mdi.get(key), "mdi")
        if ref is None:
            continue
        ok = abs(f["value"] - ref) <= TOLERANCE * ref
        compared.append({"sender": key[0], "place": key[1], "year": key[2], "value": f["value"], "reference": ref,
                         "table": table, "within_20pct": ok, "doc_id": f["doc_id"], "size_text": f["size_text"],
                         "sentence": f["sentence"][:200]})  # fmt: skip
    correct = sum(c["within_20pct"] for c in compared)
    return {
        "share_within_20pct": round(correct / len(compared), 4) if compared else 0.0,
        "compared": len(compared),
        "correct": correct,
        "figures_found": len(figures),
        "presence_figures": sum(f["kind"] == "presence" for f in figures),
        "country_years": len({(c["sender"], c["place"], c["year"]) for c in compared}),
        "articles": "demo corpus + timeline17 " + ", ".join(SPLITS[split]),
        "details": compared,
    }
