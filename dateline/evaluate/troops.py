"""Troop figures against reference tables (/work/shared/data/troops).

Ingested articles: the demo corpus (dateline/demo/articles, cleaned with dateline.clean) plus the Timeline17
articles of the split's topics (dev: LibyaWar_cnn, IraqWar_guardian; test: SyrianCrisis_reuters,
EgyptianProtest_cnn). The light path is used: `dateline.link.troops._text_figures` (sentence split, sizes,
country lexicon, presence patterns) on each article's text with its publication date; no spaCy.

Reference: US senders by host and year from troopdata.csv; other senders from mdi_deployments.csv (sum of
`Deployed` over missions per sender, theatre and year). A figure counts when it is a level (kind `presence`)
and its sender-place-year is in the reference; it is correct within ±20 % of the reference value.
Reported: that share, the counts, and every compared figure with its evidence.

View `own_s11` (split-independent; our own sentences, tuned on, see tests/data/troops_own_s11.md): P/R of troop
figures in 173 sentences of every wording: a figure is right when its number, sender, place and kind agree; by
wording kind, and field accuracy over number-matched pairs. `text` scores `_text_figures`; `tracker` adds the
MOBILIZE/RETREAT events the pipeline finds (as `troop_series` merges them; runs spaCy, so only with
DATELINE_TROOPS_EVENTS=1).

View `own_s20` (session 20, tests/data/troops_own_s20.md): 120 sentences of new wording, scored the same way;
`text_A` is batch A (tuned on), `text_B` batch B (held out, never tuned on).

View `own_s21` (session 21, tests/data/troops_own_s21.md): 100 sentences of wording s11/s20 lack (flattened
tables, headlines, captions, "will fall to", "has kept ... since", peaks, rotations, naval and air personnel,
contractors, alliances, ranges, vague numbers); `text_C` is batch C (tuned on), `text_D` batch D (held out).

View `own_s22` (session 22, tests/data/troops_own_s22.md): 80 texts of wording s11/s20/s21 lack (police and
civilian missions, several figures with several years, headline + body, figures per service, drawdowns to a
figure, bases, multinational brigades, training missions, denied figures); `text_E` is batch E (tuned on),
`text_F` batch F (held out).
"""

from __future__ import annotations

import csv
import gzip
import json
import os
from collections import defaultdict
from pathlib import Path
from typing import Any

from dateline.evaluate import demo_documents, require, suite
from dateline.evaluate.timeline import SPLITS

TOLERANCE = 0.2
OWN_S11 = Path(__file__).resolve().parents[2] / "tests" / "data" / "troops_own_s11.jsonl"
OWN_S20 = Path(__file__).resolve().parents[2] / "tests" / "data" / "troops_own_s20.jsonl"
OWN_S21 = Path(__file__).resolve().parents[2] / "tests" / "data" / "troops_own_s21.jsonl"
OWN_S22 = Path(__file__).resolve().parents[2] / "tests" / "data" / "troops_own_s22.jsonl"


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


def _value(f: dict[str, Any]) -> float | None:
    return f["min"] if f.get("min") is not None else f.get("max")


def _pair(
    gold: list[dict[str, Any]], found: list[dict[str, Any]]
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Gold and system figures of one sentence paired by number (within 1 %), full agreements first."""
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    free_g, free_s = list(gold), list(found)
    for strict in (True, False):
        for g in list(free_g):
            for f in free_s:
                gv, fv = _value(g), _value(f)
                if gv is None or fv is None or abs(gv - fv) > 0.01 * gv:
                    continue
                if strict and (g["sender"], g["place"], g["kind"]) != (f["sender"], f["place"], f["kind"]):
                    continue
                pairs.append((g, f))
                free_g.remove(g)
                free_s.remove(f)
                break
    return pairs


def _full(g: dict[str, Any], f: dict[str, Any]) -> bool:
    return (g["sender"], g["place"], g["kind"]) == (f["sender"], f["place"], f["kind"])


def _score(rows: list[dict[str, Any]], found: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """P/R of full matches overall and by wording, and field accuracy over number-matched pairs."""
    by: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # gold, found, full matches
    fields = {k: 0 for k in ("sender", "place", "kind", "hedge", "year")}
    n_pairs = 0
    errors = []
    for r in rows:
        sys_f = found.get(r["id"], [])
        pairs = _pair(r["figures"], sys_f)
        full = sum(_full(g, f) for g, f in pairs)
        for key in (r["wording"], "all"):
            by[key][0] += len(r["figures"])
            by[key][1] += len(sys_f)
            by[key][2] += full
        for g, f in pairs:
            n_pairs += 1
            fields["sender"] += g["sender"] == f["sender"]
            fields["place"] += g["place"] == f["place"]
            fields["kind"] += g["kind"] == f["kind"]
            fields["hedge"] += (g["min"], g["max"], g["qualifier"]) == (f["min"], f["max"], f["qualifier"])
            fields["year"] += (g["date"] or "")[:4] == (f["date"] or "")[:4]
        if full < len(r["figures"]) or full < len(sys_f):
            errors.append({"id": r["id"], "wording": r["wording"], "text": r["text"],
                           "gold": [(g["sender"], g["place"], g["kind"], _value(g)) for g in r["figures"]],
                           "found": [(f["sender"], f["place"], f["kind"], _value(f)) for f in sys_f]})  # fmt: skip

    def pr(g: int, s: int, ok: int) -> dict[str, Any]:
        p, rc = (ok / s if s else 0.0), (ok / g if g else 0.0)
        f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
        return {"P": round(p, 3), "R": round(rc, 3), "F1": round(f1, 3), "gold": g, "found": s, "right": ok}

    return {
        "overall": pr(*by.pop("all")),
        "by_wording": {k: pr(*v) for k, v in sorted(by.items())},
        "number_matched": n_pairs,
        "field_accuracy": {k: round(v / n_pairs, 3) if n_pairs else 0.0 for k, v in fields.items()},
        "errors": errors,
    }


def _event_view(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Figures the full pipeline gives, merged as `troop_series` merges them: MOBILIZE/RETREAT events per actor
    country (their place and kind from the text reader where it read the same number), then text figures."""
    from dateline.link.troops import _event_figures, _merged, _text_figures
    from dateline.model import Document
    from dateline.pipeline import process

    docs = [Document(id=r["id"], text=r["text"], published=r["published"]) for r in rows]
    out: dict[str, list[dict[str, Any]]] = {}
    for r, doc in zip(rows, process(docs), strict=True):
        figs: list[dict[str, Any]] = []
        for ev in doc.events:
            if ev.event not in ("MOBILIZE", "RETREAT"):
                continue
            e = ev.to_dict()
            for c in sorted({a.country for a in ev.actor if a.country}):
                figs += _event_figures(e, r["published"], c)
        out[r["id"]] = _merged(figs, _text_figures(r["text"], r["published"], r["id"]))
    return out


def own_view(path: Path = OWN_S11, events: bool = False) -> dict[str, Any]:
    """Score troop figures on our own check set (tests/data/troops_own_s11.jsonl)."""
    from dateline.link.troops import _text_figures

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    out: dict[str, Any] = {}
    # own_s11: "tune", the first 173 rows (tuned on); "transfer", rows written later, before the system ran on
    # them. own_s20: batch "A" (tuned on) and batch "B" (held out, never tuned on); own_s21: "C" (tuned on) and
    # "D" (held out); own_s22: "E" (tuned on) and "F" (held out).
    lettered = sorted({r["batch"] for r in rows if r.get("batch") in ("A", "B", "C", "D", "E", "F")})
    if lettered:
        parts = [(f"_{b}", [r for r in rows if r.get("batch") == b]) for b in lettered]
    else:
        parts = [
            ("", [r for r in rows if "batch" not in r]),
            ("_transfer", [r for r in rows if "batch" in r]),
        ]
    for name, part in parts:
        if not part:
            continue
        out["text" + name] = _score(
            part, {r["id"]: _text_figures(r["text"], r["published"], r["id"]) for r in part}
        )
        if events:
            out["tracker" + name] = _score(part, _event_view(part))
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
        "own_s11": own_view(events=os.environ.get("DATELINE_TROOPS_EVENTS") == "1")
        if OWN_S11.exists()
        else None,
        "own_s20": own_view(OWN_S20, events=os.environ.get("DATELINE_TROOPS_EVENTS") == "1")
        if OWN_S20.exists()
        else None,
        "own_s21": own_view(OWN_S21, events=os.environ.get("DATELINE_TROOPS_EVENTS") == "1")
        if OWN_S21.exists()
        else None,
        "own_s22": own_view(OWN_S22, events=os.environ.get("DATELINE_TROOPS_EVENTS") == "1")
        if OWN_S22.exists()
        else None,
    }
