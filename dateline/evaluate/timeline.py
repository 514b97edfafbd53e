"""Timeline summarisation on Timeline17 (DEV: LibyaWar_cnn, IraqWar_guardian; TEST: SyrianCrisis_reuters,
EgyptianProtest_cnn), scored as in Gholipour Ghalandari & Ifrim (2020): alignment-based ROUGE-1/2 F1 with
many-to-one date alignment on date+content costs (tilse's `align_date_content_costs_many_to_one`, Martschat &
Markert 2017, re-implemented here since tilse is not installed) and date F1.

The system is DATEWISE-style over Dateline's own time tagger: each article is normalised with its publication
date as anchor (`dateline.time.normalize`, no other NLP); a date's importance is how many articles mention it
(published after it; further sentences of one article count W_REPEAT), plus W_PUB per article that appears the
day after it; for each of the top *l* dates the *k* most central candidates are picked: sentences that mention
the date plus the opening sentences of next-day articles, ranked by TF-IDF cosine to the date's centroid
(discounted by position in the article), redundancy filtered within the date and against every sentence
chosen for another date. *l* and *k* come from the gold timeline (the standard protocol).

ROUGE here: lowercased tokens, punctuation and stop words dropped, the Porter stemmer (snowballstemmer's
"porter", as ROUGE-1.5.5 and tilse use), counts clipped per n-gram as in ROUGE-1.5.5.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import math
import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from dateline.evaluate import require, suite

SPLITS = {
    "dev": ["LibyaWar_cnn", "IraqWar_guardian"],
    "test": ["SyrianCrisis_reuters", "EgyptianProtest_cnn"],
}
SPLITS["all"] = SPLITS["dev"] + SPLITS["test"]
_PUNCT = re.compile(r"^[\W_]+$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
Timeline = dict[dt.date, list[str]]
W_TODAY = 0.0  # weight of a date mentioned in an article published that day ("today", "on Monday")
MAX_WORDS = 80  # longer candidate sentences are left out
LEADS = 3  # opening sentences of next-day articles added as candidates
W_PUB = 0.5  # weight of each article published the day after a date
W_PUB0 = 0.0  # weight of each article published on the date itself
W_REPEAT = 0.2  # weight of each further sentence of one article mentioning a date
W_LAG = 0.0  # extra weight of a mention by how many days after the date it was published (log)
W_POS = 0.1  # candidate sentences further into their article rank lower: sim / (1 + W_POS * position)
DEDUP = 0.8  # a sentence this similar (cosine) to one chosen for another date is left out (a copy)


# ---------------------------------------------------------------------- ROUGE and the alignment metric


@lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"-lrb-", "-rrb-", "``", "''", "'s", "n't"}


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("porter")  # the original Porter algorithm, as ROUGE-1.5.5 -m uses


@lru_cache(maxsize=200_000)
def _stem(w: str) -> str:
    return str(_stemmer().stemWord(w))


def _toks(sent: str) -> list[str]:
    stop = _stop()
    return [_stem(t) for t in sent.lower().split() if t not in stop and not _PUNCT.match(t)]


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


def _rouge_approx(pred: list[str], ref: list[str]) -> float:
    """Unigram F1 on raw tokens: the content part of the alignment cost."""
    p = Counter(t for s in pred for t in s.split())
    r = Counter(t for s in ref for t in s.split())
    match = sum(min(v, r[t]) for t, v in p.items())
    if not match:
        return 0.0
    prec, rec = match / sum(p.values()), match / sum(r.values())
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

    def cost(dp: dt.date, dr: dt.date) -> float:
        date_factor = 1 - 1 / (abs(dp.toordinal() - dr.toordinal()) + 1)
        return date_factor * (1 - _rouge_approx(pred[dp], ref[dr]))

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


def date_f1(pred: Timeline, ref: Timeline) -> float:
    tp = len(set(pred) & set(ref))
    return round(_f1(tp / len(pred), tp / len(ref)), 4) if pred and ref and tp else 0.0


# ---------------------------------------------------------------------- the system (DATEWISE-style)


def _idf(sents: list[list[str]]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for s in sents:
        df.update(set(s))
    n = len(sents)
    return {t: math.log((n + 1) / (c + 1)) + 1 for t, c in df.items()}


def _vec(toks: list[str], idf: dict[str, float]) -> dict[str, float]:
    c = Counter(toks)
    v = {t: (1 + math.log(k)) * idf.get(t, 1.0) for t, k in c.items()}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {t: x / norm for t, x in v.items()}


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def _mentions(articles: list[dict[str, Any]]) -> list[tuple[dt.date, str, dt.date, int, str]]:
    """(date mentioned, sentence, publication date, position in article, article id) for every day-precise
    timex."""
    from dateline.time import normalize

    out = []
    for a in articles:
        pub = dt.date.fromisoformat(a["time"][:10])
        text = a["text"]
        starts, pos = [], 0
        sents = text.split("\n")
        for s in sents:
            starts.append(pos)
            pos += len(s) + 1
        for tx in normalize(text, anchor=pub):
            if tx.type not in ("DATE", "TIME") or not tx.value or not _DAY.match(tx.value[:10]):
                continue
            try:
                d = dt.date.fromisoformat(tx.value[:10])
            except ValueError:
                continue
            i = max(0, _bisect(starts, tx.start))
            sent = sents[i].strip()
            if 5 <= len(sent.split()) <= 150:  # MAX_WORDS filters further
                out.append((d, sent, pub, i, str(a.get("id", id(a)))))
    return out


def _bisect(starts: list[int], x: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= x:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


def build_timeline(articles: list[dict[str, Any]], n_dates: int, per_date: int) -> Timeline:
    """A DATEWISE-style timeline from dated articles ({"time": ISO, "text": sentences one per line})."""
    pubs = sorted(dt.date.fromisoformat(a["time"][:10]) for a in articles)
    first, last = pubs[0] - dt.timedelta(days=7), pubs[-1]
    ments = [m for m in _mentions(articles) if first <= m[0] <= last and m[0] <= m[2]]
    pub_count = Counter(pubs)
    # date importance: articles that mention the date (recalled later weighs more than "today"), plus how many
    # articles appear the day after it
    score: Counter[dt.date] = Counter()
    seen: set[tuple[dt.date, str]] = set()
    for d, _, pub, _, aid in ments:
        w = W_TODAY if pub == d else 1.0 + W_LAG * math.log1p((pub - d).days)
        score[d] += w * (W_REPEAT if (d, aid) in seen else 1.0)
        seen.add((d, aid))
    for d in list(score):
        score[d] += W_PUB * pub_count.get(d + dt.timedelta(days=1), 0) + W_PUB0 * pub_count.get(d, 0)
    dates = [d for d, _ in score.most_common(n_dates)]
    by_date: dict[dt.date, list[tuple[str, int]]] = defaultdict(list)
    for d, sent, _, i, _ in ments:
        if len(sent.split()) <= MAX_WORDS:
            by_date[d].append((sent, i))
    if LEADS:  # the opening sentences of articles published the day after a date (DATEWISE's PUB candidates)
        wanted = {d + dt.timedelta(days=1): d for d in dates}
        dated = {(s, pub) for _, s, pub, _, _ in ments}
        for a in articles:
            pub = dt.date.fromisoformat(a["time"][:10])
            if pub in wanted:
                for i, s in enumerate(a["text"].split("\n")[:LEADS]):
                    s = s.strip()
                    if 5 <= len(s.split()) <= MAX_WORDS and (s, pub) not in dated:
                        by_date[wanted[pub]].append((s, i))
    all_toks = {s: _toks(s) for d in dates for s, _ in by_date[d]}
    idf = _idf(list(all_toks.values()))
    out: Timeline = {}
    picked: list[dict[str, float]] = []  # every sentence chosen so far, for de-duplication across dates
    for d in sorted(dates, key=lambda x: -score[x]):  # the most important dates choose first
        pos: dict[str, int] = {}
        for s, i in by_date[d]:
            pos[s] = min(i, pos.get(s, i))
        cands = list(pos)
        vecs = {s: _vec(all_toks[s], idf) for s in cands}
        centroid: Counter[str] = Counter()
        for v in vecs.values():
            centroid.update(v)
        cn = math.sqrt(sum(x * x for x in centroid.values())) or 1.0
        cent = {t: x / cn for t, x in centroid.items()}
        ranked = sorted(cands, key=lambda s: -_dot(vecs[s], cent) / (1 + W_POS * pos[s]))
        chosen: list[str] = []
        for s in ranked:
            if all(_dot(vecs[s], vecs[c]) < 0.5 for c in chosen) and all(
                _dot(vecs[s], p) < DEDUP for p in picked
            ):
                chosen.append(s)
                picked.append(vecs[s])
            if len(chosen) >= per_date:
                break
        if chosen:
            out[d] = chosen
    return out


# ---------------------------------------------------------------------- the suite


def _load_topic(folder: Path) -> tuple[list[dict[str, Any]], list[Timeline]]:
    with gzip.open(require(folder / "articles.jsonl.gz"), "rt", encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh if line.strip()]
    refs = []
    for line in require(folder / "timelines.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            tl = json.loads(line)
            refs.append({dt.date.fromisoformat(d[:10]): sents for d, sents in tl})
    return articles, refs


@suite("timeline")
def run(split: str, data: Path) -> dict[str, Any]:
    root = require(data / "timeline17")
    tasks: list[dict[str, Any]] = []
    for topic in SPLITS[split]:
        articles, refs = _load_topic(root / topic)
        cache: dict[tuple[int, int], Timeline] = {}
        for i, ref in enumerate(refs):
            n_dates = len(ref)
            per_date = max(1, round(sum(len(s) for s in ref.values()) / n_dates))
            key = (n_dates, per_date)
            if key not in cache:
                cache[key] = build_timeline(articles, n_dates, per_date)
            pred = cache[key]
            r1, r2 = align_rouge(pred, ref, 1), align_rouge(pred, ref, 2)
            tasks.append({"topic": topic, "timeline": i, "dates": n_dates, "per_date": per_date,
                          "ar1_f": r1["f1"], "ar2_f": r2["f1"], "date_f1": date_f1(pred, ref)})  # fmt: skip
    mean = {k: round(sum(t[k] for t in tasks) / len(tasks), 4) for k in ("ar1_f", "ar2_f", "date_f1")}
    return {**mean, "tasks": tasks, "goal": {"ar1_f": 0.130, "ar2_f": 0.040, "date_f1": 0.60}}
