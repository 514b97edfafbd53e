"""Timeline summarisation on Timeline17 (DEV: LibyaWar_cnn, IraqWar_guardian; TEST: SyrianCrisis_reuters,
EgyptianProtest_cnn), scored as in Gholipour Ghalandari & Ifrim (2020) with the news-tls protocol:

- each gold timeline is one task; the system gets the gold's number of dates *l*, its mean sentences per date
  *k* (rounded) and its span: only articles published between the first and last gold date are read and only
  dates in that span may be chosen (news-tls `get_input_time_span`, extension 0 for Timeline17); the topic's
  keywords (keywords.json) filter the summary sentences;
- AR1-F / AR2-F: tilse's `align_date_content_costs_many_to_one` (Martschat & Markert 2017), re-implemented
  here since tilse is not installed: each date of one timeline goes to the date of the other of least cost
  (1 - 1/(|days|+1)) x (1 - approximate ROUGE-1 F of the two daily summaries), first minimum on ties; matched
  n-gram counts are weighted by 1/(|days|+1);
- ROUGE counts as ROUGE-1.5.5 `-m -s` (what tilse runs): lowercase, "-" and every character outside
  [a-z0-9] become spaces, SMART stop words (data/timeline/rouge_stopwords.txt, ROUGE's list) dropped, the
  Porter stemmer on words longer than 3 characters, n-grams over the remaining words, counts clipped;
  ROUGE's WordNet exception table for irregular forms is not applied;
- Date-F1: overlap of the chosen and gold date sets;
- scores over tasks as news-tls averages them: precision and recall are averaged and F computed from the means
  (the mean of per-task F is reported too).

The system is `dateline.link.digest.digest` (DATEWISE); its date ranker is fitted on the DEV topics only.
Diagnostics, no protocol metrics: `date_within_1` (chosen dates within a day of a gold date) and
`ar1_f_at_gold_dates` / `ar2_f_at_gold_dates` (the same summariser given the gold dates: what sentence selection
alone reaches, so that date choice and sentence choice can be told apart).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

from dateline.evaluate import require, suite

SPLITS = {
    "dev": ["LibyaWar_cnn", "IraqWar_guardian"],
    "test": ["SyrianCrisis_reuters", "EgyptianProtest_cnn"],
}
SPLITS["all"] = SPLITS["dev"] + SPLITS["test"]
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
Timeline = dict[dt.date, list[str]]
_STOPWORDS = Path(__file__).resolve().parents[1] / "data" / "timeline" / "rouge_stopwords.txt"


# ---------------------------------------------------------------------- ROUGE and the alignment metric


@lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    return frozenset(_STOPWORDS.read_text(encoding="utf-8").split())


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("porter")  # the original Porter algorithm, as ROUGE-1.5.5 -m uses


@lru_cache(maxsize=200_000)
def _stem(w: str) -> str:
    return str(_stemmer().stemWord(w))


def _toks(sent: str) -> list[str]:
    """ROUGE-1.5.5's tokens with -m -s: stop words out, longer words stemmed."""
    stop = _stop()
    words = _NON_ALNUM.sub(" ", sent.lower()).split()
    return [_stem(w) if len(w) > 3 else w for w in words if w not in stop]


def _ngrams(sents: list[str], n: int) -> Counter[tuple[str, ...]]:
    c: Counter[tuple[str, ...]] = Counter()
    for s in sents:
        t = _toks(s)
        c.update(tuple(t[i : i + n]) for i in range(len(t) - n + 1))
    return c


def _counts(pred: list[str], ref: list[str], n: int) -> tuple[float, float, float]:
    """(hits, predicted n-grams, reference n-grams)."""
    p, r = _ngrams(pred, n), _ngrams(ref, n)
    hits = sum(min(v, r[g]) for g, v in p.items())
    return hits, sum(p.values()), sum(r.values())


def _rouge_approx(p: Counter[str], r: Counter[str]) -> float:
    """Unigram F1 on raw whitespace tokens (tilse's `compute_rouge_approximation`): the alignment's content cost."""
    if len(p) > len(r):
        match = sum(min(v, p[t]) for t, v in r.items() if t in p)
    else:
        match = sum(min(v, r[t]) for t, v in p.items() if t in r)
    if not match:
        return 0.0
    prec, rec = match / p.total(), match / r.total()
    return 2 * prec * rec / (prec + rec)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def align_rouge(pred: Timeline, ref: Timeline, n: int) -> dict[str, float]:
    """Alignment-based ROUGE-n (many-to-one, date + content costs).

    Precision: each predicted date is mapped to the reference date of least cost, cost = (1 - 1/(|Δdays|+1)) ×
    (1 - unigram F1 of the two daily summaries); its n-gram hits with that reference day count weighted by
    1/(|Δdays|+1) over all predicted n-grams. Recall: the same with the roles swapped (each reference date to
    its cheapest predicted date), over all reference n-grams.
    """
    pdates, rdates = sorted(pred), sorted(ref)
    if not pdates or not rdates:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}

    pc = {d: Counter(t for x in pred[d] for t in x.split()) for d in pdates}
    rc = {d: Counter(t for x in ref[d] for t in x.split()) for d in rdates}

    def cost(dp: dt.date, dr: dt.date) -> float:
        date_factor = 1 - 1 / (abs(dp.toordinal() - dr.toordinal()) + 1)
        return date_factor * (1 - _rouge_approx(pc[dp], rc[dr])) if date_factor else 0.0

    pnum = pden = rnum = rden = 0.0
    for dp in pdates:
        dr = min(rdates, key=lambda d: cost(dp, d))  # first minimum, as argmin does
        hits, npred, _ = _counts(pred[dp], ref[dr], n)
        pnum += hits / (abs(dp.toordinal() - dr.toordinal()) + 1)
        pden += npred
    for dr in rdates:
        dp = min(pdates, key=lambda d: cost(d, dr))
        hits, _, nref = _counts(pred[dp], ref[dr], n)
        rnum += hits / (abs(dp.toordinal() - dr.toordinal()) + 1)
        rden += nref
    p = pnum / pden if pden else 0.0
    r = rnum / rden if rden else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(_f1(p, r), 4)}


def date_prf(pred: Timeline, ref: Timeline) -> dict[str, float]:
    """Precision, recall and F1 of the chosen dates against the gold dates."""
    tp = len(set(pred) & set(ref))
    p = tp / len(pred) if pred else 0.0
    r = tp / len(ref) if ref else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(_f1(p, r), 4)}


def date_near(pred: Timeline, ref: Timeline, days: int = 1) -> float:
    """Diagnostic, not a protocol metric: share of the chosen dates within `days` of a gold date (the
    alignment metrics give such dates part of the credit)."""
    if not pred or not ref:
        return 0.0
    gold = sorted(d.toordinal() for d in ref)
    return round(sum(1 for d in pred if min(abs(d.toordinal() - g) for g in gold) <= days) / len(pred), 4)


def date_f1(pred: Timeline, ref: Timeline) -> float:
    return date_prf(pred, ref)["f1"]


# ---------------------------------------------------------------------- the suite


def _as_timeline(days: list[dict[str, Any]]) -> Timeline:
    return {dt.date.fromisoformat(d["date"]): [s["text"] for s in d["sentences"]] for d in days}


def build_timeline(articles: list[dict[str, Any]], n_dates: int, per_date: int) -> Timeline:
    """`dateline.link.digest.digest` over the whole collection, as a date -> sentences mapping."""
    from dateline.link.digest import digest

    return _as_timeline(digest(articles, n_dates, per_date))


def _load_topic(folder: Path) -> tuple[list[dict[str, Any]], list[Timeline]]:
    with gzip.open(require(folder / "articles.jsonl.gz"), "rt", encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh if line.strip()]
    refs = []
    for line in require(folder / "timelines.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            tl = json.loads(line)
            refs.append({dt.date.fromisoformat(d[:10]): sents for d, sents in tl})
    return articles, refs


def predict(articles: list[dict[str, Any]], ref: Timeline, keywords: list[str]) -> Timeline:
    """The system's timeline for one task (news-tls protocol: l, k and the span from the gold timeline)."""
    from dateline.link.digest import digest

    n_dates = len(ref)
    per_date = max(1, round(sum(len(s) for s in ref.values()) / n_dates))
    return _as_timeline(digest(articles, n_dates, per_date, keywords=keywords, start=min(ref), end=max(ref)))


def _at_gold_dates(articles: list[dict[str, Any]], ref: Timeline, keywords: list[str]) -> Timeline:
    """Diagnostic: the summaries the system writes for the gold dates themselves (same l, k, span, keywords)."""
    from dateline.link.digest import digest

    n_dates = len(ref)
    per_date = max(1, round(sum(len(s) for s in ref.values()) / n_dates))
    return _as_timeline(
        digest(
            articles, n_dates, per_date, keywords=keywords, start=min(ref), end=max(ref), dates=sorted(ref)
        )
    )


def _aggregate(tasks: list[dict[str, Any]], m: str) -> float:
    """F1 of the precision and recall averaged over tasks (news-tls `get_average_results`)."""
    p = sum(t[f"{m}_p"] for t in tasks) / len(tasks)
    r = sum(t[f"{m}_r"] for t in tasks) / len(tasks)
    return round(_f1(p, r), 4)


@suite("timeline")
def run(split: str, data: Path) -> dict[str, Any]:
    root = require(data / "timeline17")
    tasks: list[dict[str, Any]] = []
    for topic in SPLITS[split]:
        articles, refs = _load_topic(root / topic)
        kw_file = root / topic / "keywords.json"
        keywords = json.loads(kw_file.read_text(encoding="utf-8")) if kw_file.exists() else []
        for i, ref in enumerate(refs):
            pred = predict(articles, ref, keywords)
            gold = _at_gold_dates(articles, ref, keywords)
            scores = {
                "ar1": align_rouge(pred, ref, 1),
                "ar2": align_rouge(pred, ref, 2),
                "date": date_prf(pred, ref),
                "gold_ar1": align_rouge(gold, ref, 1),
                "gold_ar2": align_rouge(gold, ref, 2),
            }
            tasks.append({"topic": topic, "timeline": i, "dates": len(ref), "per_date": round(sum(len(s) for s in ref.values()) / len(ref)),
                          **{f"{m}_{k[0]}": v[k] for m, v in scores.items() for k in ("precision", "recall", "f1")},
                          "dates_out": len(pred), "date_within_1": date_near(pred, ref)})  # fmt: skip
    out: dict[str, Any] = {
        "ar1_f": _aggregate(tasks, "ar1"),
        "ar2_f": _aggregate(tasks, "ar2"),
        "date_f1": _aggregate(tasks, "date"),
        "mean_of_task_f": {
            m: round(sum(t[f"{m}_f"] for t in tasks) / len(tasks), 4) for m in ("ar1", "ar2", "date")
        },
        # diagnostics: chosen dates within a day of a gold date (mean over tasks); the scores with the gold
        # dates given (sentence selection alone)
        "date_within_1": round(sum(t["date_within_1"] for t in tasks) / len(tasks), 4),
        "ar1_f_at_gold_dates": _aggregate(tasks, "gold_ar1"),
        "ar2_f_at_gold_dates": _aggregate(tasks, "gold_ar2"),
    }
    return {**out, "tasks": tasks, "goal": {"ar1_f": 0.130, "ar2_f": 0.040, "date_f1": 0.60}}
