"""Dated extractive timelines from a set of articles: DATEWISE (Gholipour Ghalandari & Ifrim, ACL 2020).

Public entry point: `digest(articles, n_dates, per_date, keywords=(), start=None, end=None, model=None)`
returns up to `n_dates` days, oldest first, each with up to `per_date` sentences copied verbatim from the
articles, every one citing its article (id, outlet, title, publication date, character offsets into its text).

An article is a plain mapping: `text` and `published` (ISO date; `time` is accepted too) are required; `id`,
`title` and `outlet` are cited when given; `sentences` (list of `(start, end)` or `{"start", "end"}`) and
`timexes` (`dateline.model.Timex` or dicts with `start`, `type`, `value`) are used when given (stored
documents have both); otherwise the text is split into sentences by a regex and the sentences that can hold a
date are normalised with `dateline.time`, anchored on the publication date (cached per article in the process;
collections of PARALLEL_MIN or more such articles are normalised by two worker processes). Reader comments
and navigation lines ("... at 5:26 pm | Reply") are dropped first.

The method, as in DATEWISE:
1. Date ranking: every day inside the span that is mentioned by a day-precise time expression or on which an
   article appeared is scored by a logistic-regression classifier over date features (FEATURES: mention and
   article counts split by whether the date is before, on or after publication, publication counts on the
   day and the following days, ranks, place in the span). The weight file (`data/timeline/date_ranker.json`,
   fitted on the DEV topics of Timeline17 by `scripts/fit_date_ranker.py`) names the features it uses. With
   keywords, articles without any keyword are left out of the whole process.
2. Candidates for a date (PM-Mean): the sentences whose first day-precise expression is that date, plus the
   opening sentences without such an expression of articles published on the date or the day after; both
   groups are compared with the terms they share (their mean centroid) and only those above the knee of the
   similarity curve are kept.
3. Summary: TF-IDF (fitted on all sentences of the collection) summary-to-centroid greedy selection
   (CentroidOpt). Left out: sentences with none of the keywords, too short or too long ones, near copies of a
   sentence chosen for another date; sentences that name the date are slightly preferred. Dates without an
   admissible sentence are skipped, as in DATEWISE.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

_DATA = Path(__file__).resolve().parents[1] / "data" / "timeline"
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern, as the DATEWISE vectoriser
_SENT_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“(]?[A-Z])")
_ABBREV = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Maj|Rep|Sen|Gov|Jr|Sr|No|Jan|Feb|Mar"
                     r"|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|vs|etc|U\.S|U\.N|U\.K))\.[\"'”’)]*$")  # fmt: skip
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NOT_PROSE = re.compile(r"\s\|(?:\s|$)|\|\s*Reply\b")
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")

# Tuned on the DEV topics of Timeline17 (LibyaWar_cnn, IraqWar_guardian) only.
CLIP_SENTS = 5  # publication-date candidates: sentences 0..CLIP_SENTS of an article (DATEWISE: clip_sents=5)
PUB_END = 2  # an article is a publication-date source for its own day and the PUB_END - 1 days before
MAX_SIM = 0.9999  # a candidate this similar (cosine) to a chosen one is a copy (DATEWISE's CentroidOpt)
MAX_SIM_DATES = 0.8  # nor may a sentence this similar to one chosen for another date be used again
W_MENT = 0.1  # sentences that mention the date weigh 1 + W_MENT against publication-date ones
W_POS = 0.0  # preference for early sentences: the score is divided by 1 + W_POS * log(1 + position)
MIN_WORDS = 5  # shorter sentences are no summary candidates
MAX_WORDS = 50  # nor longer ones (mashed title+lead lines, lists; gold timeline sentences are short)
FALLBACK = True  # a date whose knee-filtered candidates are all inadmissible is summarised from all of them
ON_TOPIC_ONLY = True  # with keywords, articles without any of them are left out (off-topic in the collection)
ALL_MENTIONS = False  # a sentence mentions every day-precise date in it (True) or only its first (DATEWISE)
EDGE = 0.1  # the near_edge feature falls from 1 at either end of the span to 0 this share of it inside


# ---------------------------------------------------------------------- one article, prepared once


@dataclass
class _Art:
    id: str
    outlet: str | None
    title: str | None
    pub: dt.date
    text: str
    spans: list[tuple[int, int]]
    dates: list[list[dt.date]]  # day-precise dates per sentence, in text order
    toks: list[list[str]] = field(default_factory=list)  # content tokens per sentence


@lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    # the SMART stop list (as ROUGE-1.5.5 ships it) from a data file: importing spaCy for its list takes seconds
    words = (_DATA / "rouge_stopwords.txt").read_text(encoding="utf-8").split()
    return frozenset(words) | {"lrb", "rrb", "lsb", "rsb"}


def _tokens(s: str) -> list[str]:
    stop = _stop()
    return [t for t in _TOKEN.findall(s.lower()) if t not in stop]


def _split(text: str) -> list[tuple[int, int]]:
    """Sentence spans: lines, cut further at sentence ends (a regex splitter: no spaCy in this module)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        a = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        cut = a
        for m in _SENT_SPLIT.finditer(line):
            end = a + m.start()
            if end - cut > 1 and not _ABBREV.search(text[cut:end]):
                spans.append((cut, end))
                cut = a + m.end()
        spans.append((cut, a + len(line)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _day(value: str | None) -> dt.date | None:
    if not value or not _DAY.match(value[:10]) or len(value) > 10 and value[10] != "T":
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _get(t: Any, k: str) -> Any:
    return t.get(k) if isinstance(t, Mapping) else getattr(t, k, None)


@lru_cache(maxsize=1)
def _dateish() -> re.Pattern[str]:
    """Sentences that may hold a day-precise time expression, by dateline.time's own lexicon (month and
    weekday names, today/yesterday..., day words, holidays) plus years, clock times and numeric dates."""
    lex = json.loads((_DATA.parent / "time" / "lexicon.json").read_text(encoding="utf-8"))
    words = [
        *lex["months"],
        *lex["weekdays"],
        *lex["parts_of_day"],
        *(h.split()[0].split("'")[0] for h in lex["holidays"]),
    ]
    words += ["today", "yesterday", "tomorrow", "tonight", "day", "days", "week", "weeks", "fortnight", "ago", "noon",
              "midnight", "midday", "hours"]  # fmt: skip
    alt = "|".join(sorted({re.escape(w.lower()) for w in words}, key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\b|\d{{4}}|\d[:.]\d\d|\d\s*[ap]\.?m\b|\d{{1,2}}/\d{{1,2}}/\d\d", re.I)


_TX_CACHE: dict[tuple[bytes, dt.date, int], tuple[tuple[int, str, str], ...]] = {}
_TX_CACHE_MAX = 20_000  # articles; the cache is emptied when full
PARALLEL_MIN = 400  # this many articles to normalise: two worker processes do it
Spans = tuple[tuple[int, int], ...]


def _key(text: str, pub: dt.date, spans: Spans) -> tuple[bytes, dt.date, int]:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest(), pub, hash(spans)


def _timexes(text: str, pub: dt.date, spans: Spans) -> tuple[tuple[int, str, str], ...]:
    key = _key(text, pub, spans)
    hit = _TX_CACHE.get(key)
    if hit is None:
        if len(_TX_CACHE) >= _TX_CACHE_MAX:
            _TX_CACHE.clear()
        hit = _TX_CACHE[key] = _normalise((text, pub, spans))
    return hit


def _prefill(records: list[Mapping[str, Any]]) -> None:
    """Normalise the articles that bring no time expressions in two processes, filling the cache."""
    todo: dict[tuple[bytes, dt.date, int], tuple[str, dt.date, Spans]] = {}
    for a in records:
        text, pub = a.get("text") or "", _day(str(a.get("published") or a.get("time") or "")[:10])
        if a.get("timexes") is None and text.strip() and pub is not None:
            spans = tuple(_spans(a, text))
            key = _key(text, pub, spans)
            if key not in _TX_CACHE:
                todo[key] = (text, pub, spans)
    if len(todo) < PARALLEL_MIN or (os.cpu_count() or 1) < 2:
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=2) as ex:
        for key, found in zip(todo, ex.map(_normalise, todo.values(), chunksize=16), strict=True):
            _TX_CACHE[key] = found


def _normalise(item: tuple[str, dt.date, Spans]) -> tuple[tuple[int, str, str], ...]:
    """(start, type, value) of the time expressions, normalising only the date-bearing sentences (in order, so
    that "the next day" still follows its date): about a third of the text, so a third of the time."""
    from dateline.time import normalize

    text, pub, spans = item
    rx = _dateish()
    keep = [(s, e) for s, e in spans if rx.search(text, s, e)]
    starts, pos, parts = [], 0, []
    for s, e in keep:
        starts.append(pos)
        parts.append(text[s:e].replace("\n", " "))
        pos += e - s + 1
    out = []
    for t in normalize("\n".join(parts), anchor=pub):
        i = _bisect(starts, t.start)
        out.append((t.start - starts[i] + keep[i][0], t.type, t.value))
    return tuple(out)


def _spans(a: Mapping[str, Any], text: str) -> list[tuple[int, int]]:
    raw = a.get("sentences")
    if not raw:
        return _split(text)
    return [(int(s[0]), int(s[1])) if isinstance(s, (list, tuple)) else (int(_get(s, "start")), int(_get(s, "end")))
            for s in raw]  # fmt: skip


def _prepare(a: Mapping[str, Any]) -> _Art | None:
    text = a.get("text") or ""
    pub = _day(str(a.get("published") or a.get("time") or "")[:10])
    if not text.strip() or pub is None:
        return None
    spans = _spans(a, text)
    txs = a.get("timexes")
    found = (
        [(int(_get(t, "start")), str(_get(t, "type")), str(_get(t, "value") or "")) for t in txs]
        if txs is not None
        else _timexes(text, pub, tuple(spans))
    )
    dates: list[list[dt.date]] = [[] for _ in spans]
    starts = [s for s, _ in spans]
    for start, typ, value in sorted(found):
        d = _day(value) if typ in ("DATE", "TIME") else None
        if d is None:
            continue
        i = _bisect(starts, start)
        if i >= 0 and start < spans[i][1]:
            dates[i].append(d)
    # reader comments and navigation ("March 21 , 2011 at 5:26 pm | Reply") are no sentences: their dates
    # are when someone commented, and they are no summary material either
    keep = [i for i, (s, e) in enumerate(spans) if not _NOT_PROSE.search(text, s, e)]
    art = _Art(str(a.get("id", "")), a.get("outlet"), a.get("title"), pub, text, [spans[i] for i in keep],
               [dates[i] for i in keep])  # fmt: skip
    art.toks = [_tokens(text[s:e]) for s, e in spans]
    return art


def _bisect(starts: list[int], x: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= x:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


def _mentioned(art: _Art, i: int) -> list[dt.date]:
    ds = art.dates[i]
    return ds if ALL_MENTIONS else ds[:1]


# ---------------------------------------------------------------------- 1. date ranking


FEATURES = (
    "sents_total", "sents_before", "sents_same", "sents_after", "docs_total", "docs_before", "docs_same",
    "docs_after", "pub_0", "pub_1", "pub_2", "docs_later", "rank_docs", "rank_pub_1", "span_pos", "from_start",
    "to_end", "near_edge", "peak", "rank_docs_before", "rank_docs_later",
)  # fmt: skip


def _date_features(arts: list[_Art], start: dt.date, end: dt.date, given_span: bool = True
                   ) -> tuple[list[dt.date], np.ndarray]:  # fmt: skip
    """Candidate dates in [start, end] and their feature rows (counts on a log scale relative to the
    collection's largest, so that one model serves collections of any size). `near_edge` is 0 unless the
    span was given: only a chosen span says something by its ends (in the Timeline17 protocol it is the span of
    the wanted timeline); the span of the publication dates does not."""
    st: dict[dt.date, Counter[str]] = defaultdict(Counter)
    pubs: Counter[dt.date] = Counter()
    for a in arts:
        pubs[a.pub] += 1
        seen: set[dt.date] = set()
        for i in range(len(a.spans)):
            for d in _mentioned(a, i):
                rel = "before" if d < a.pub else "after" if d > a.pub else "same"
                st[d]["sents_total"] += 1
                st[d][f"sents_{rel}"] += 1
                if d not in seen:
                    seen.add(d)
                    st[d]["docs_total"] += 1
                    st[d][f"docs_{rel}"] += 1
                    if (a.pub - d).days >= 3:  # recalled days later: remembered as a turning point
                        st[d]["docs_later"] += 1
    dates = sorted(d for d in set(st) | set(pubs) if start <= d <= end)
    if not dates:
        return [], np.zeros((0, len(FEATURES)))
    one = dt.timedelta(days=1)
    rows = []
    for d in dates:
        c = st[d]
        rows.append([c["sents_total"], c["sents_before"], c["sents_same"], c["sents_after"], c["docs_total"],
                     c["docs_before"], c["docs_same"], c["docs_after"], pubs[d], pubs[d + one], pubs[d + 2 * one],
                     c["docs_later"]])  # fmt: skip
    x = np.log1p(np.array(rows, dtype=float))
    x /= np.maximum(x.max(axis=0), 1e-9)
    n = len(dates)

    def rank(col: np.ndarray) -> np.ndarray:  # share of the other dates with a smaller value (ties alike)
        return np.searchsorted(np.sort(col), col, side="left") / max(n - 1, 1)

    span = max((end - start).days, 1)
    pos = np.array([(d - start).days / span for d in dates])
    days = np.array([(d - start).days for d in dates], dtype=float)
    ls = math.log1p(span)
    edge = (
        1 - np.minimum(np.minimum(pos, 1 - pos) / EDGE, 1)
    ) * given_span  # 1 at the ends, 0 from EDGE inside
    # how far the day's mentions stand above its neighbours' (an event day, not a busy week)
    by_day = {d: x[i, 4] for i, d in enumerate(dates)}
    peak = np.array(
        [x[i, 4] - max(by_day.get(d - one, 0.0), by_day.get(d + one, 0.0)) for i, d in enumerate(dates)]
    )
    extra = [rank(x[:, 4]), rank(x[:, 9]), pos, np.log1p(days) / ls, np.log1p(span - days) / ls, edge, peak,
             rank(x[:, 5]), rank(x[:, 11])]  # fmt: skip
    return dates, np.hstack([x, np.stack(extra, axis=1)])


@lru_cache(maxsize=4)
def _model(path: str) -> tuple[list[int], np.ndarray, float]:
    """(feature columns, weights, bias) of a weight file; it names the features of FEATURES it uses."""
    m = json.loads(Path(path).read_text(encoding="utf-8"))
    unknown = [f for f in m["features"] if f not in FEATURES]
    if unknown or len(m["features"]) != len(m["weights"]):
        raise ValueError(f"{path}: unknown features {unknown} or weights not matching the features")
    return [FEATURES.index(f) for f in m["features"]], np.array(m["weights"], dtype=float), float(m["bias"])


def _rank_dates(arts: list[_Art], start: dt.date, end: dt.date, model: str | None, given_span: bool = True
                ) -> list[tuple[dt.date, float]]:  # fmt: skip
    dates, x = _date_features(arts, start, end, given_span)
    if not dates:
        return []
    cols, w, b = _model(model or str(_DATA / "date_ranker.json"))
    p = 1 / (1 + np.exp(-(x[:, cols] @ w + b)))
    order = sorted(range(len(dates)), key=lambda i: (-p[i], dates[i]))
    return [(dates[i], float(p[i])) for i in order]


# ---------------------------------------------------------------------- 2. candidates, 3. summaries


Vec = dict[str, float]


def _idf(arts: list[_Art]) -> dict[str, float]:
    df: Counter[str] = Counter()
    n = 0
    for a in arts:
        for t in a.toks:
            df.update(set(t))
        n += len(a.toks)
    return {t: math.log((1 + n) / (1 + c)) + 1 for t, c in df.items()}  # scikit-learn's smoothed idf


def _vec(toks: list[str], idf: dict[str, float]) -> Vec:
    v = {t: k * idf.get(t, 1.0) for t, k in Counter(toks).items()}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {t: x / norm for t, x in v.items()}


def _dot(a: Vec, b: Vec) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def _sum(vs: Iterable[Vec], w: float = 1.0) -> Vec:
    out: dict[str, float] = defaultdict(float)
    for v in vs:
        for t, x in v.items():
            out[t] += w * x
    return out


def _norm(v: Vec) -> Vec:
    n = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {t: x / n for t, x in v.items()}


def _knee(values: list[float]) -> int:
    """Index of the point farthest from the line joining the first and last of the sorted values."""
    n = len(values)
    if n < 3:
        return n - 1
    y = np.array(values)
    xs = np.arange(n, dtype=float)
    dx, dy = xs[-1] - xs[0], y[-1] - y[0]
    dist = np.abs(dy * (xs - xs[0]) - dx * (y - y[0])) / (math.hypot(dx, dy) or 1.0)
    return int(np.argmax(dist))


Cand = tuple[int, int]  # (article index, sentence index)


def _pm_mean(ment: list[Cand], pub: list[Cand], vec: Any) -> list[Cand]:
    """DATEWISE's PM-Mean candidates: mentions and publication-day sentences close to their shared terms."""
    if not ment or not pub:
        return ment or pub
    cm, cp = _sum(vec(c) for c in ment), _sum(vec(c) for c in pub)
    wm, wp = 1 / len(ment), 1 / len(pub)
    centre = {t: wm * x + wp * cp[t] for t, x in cm.items() if t in cp}
    if not centre:
        return ment + pub
    centre = _norm(centre)
    cands = ment + pub
    sims = [_dot(vec(c), centre) for c in cands]
    thresh = sims[sorted(range(len(sims)), key=lambda i: -sims[i])[_knee(sorted(sims, reverse=True))]]
    kept = [c for c, s in zip(cands, sims, strict=True) if s > 0 and s > thresh]
    return kept or cands


def _keyword_rx(keywords: Sequence[str]) -> re.Pattern[str] | None:
    words: list[str] = []
    for k in keywords:
        for w in _CAMEL.findall(k) if k and not k.islower() else k.split():
            w = w.lower()
            if len(w) >= 3:
                words.append(re.escape(w[: max(4, len(w) - 3)]))  # a crude stem: Syria matches Syrian
    return re.compile(rf"\b(?:{'|'.join(sorted(set(words)))})", re.I) if words else None


def _summarise(cands: list[Cand], k: int, vec: Any, ok: Any, prior: Any) -> list[Cand]:
    """CentroidOpt: greedily add the sentence that brings the summary vector closest to the centroid."""
    vecs = {c: vec(c) for c in cands}
    centroid = _norm(_sum(vecs.values()))
    to_c = {c: _dot(v, centroid) for c, v in vecs.items()}
    chosen: list[Cand] = []
    summ: Vec = {}
    summ_c, summ_n2 = 0.0, 0.0
    remaining = [c for c in dict.fromkeys(cands) if ok(c)]
    while remaining and len(chosen) < k:
        best, best_s = None, -1.0
        for c in remaining:
            v = vecs[c]
            if chosen:
                n2 = summ_n2 + 2 * _dot(summ, v) + 1.0
                s = (summ_c + to_c[c]) / math.sqrt(max(n2, 1e-12))
            else:
                s = to_c[c]
            s *= prior(c)
            if s > best_s and all(_dot(v, vecs[o]) <= MAX_SIM for o in chosen):
                best, best_s = c, s
        if best is None:
            break
        chosen.append(best)
        remaining.remove(best)
        summ = _sum([summ, vecs[best]])
        summ_c += to_c[best]
        summ_n2 = sum(x * x for x in summ.values())
    return chosen


# ---------------------------------------------------------------------- the entry point


def digest(articles: Iterable[Mapping[str, Any]], n_dates: int = 10, per_date: int = 1,
           keywords: Sequence[str] = (), start: dt.date | str | None = None, end: dt.date | str | None = None,
           model: str | Path | None = None) -> list[dict[str, Any]]:  # fmt: skip
    """A dated extractive timeline of `articles`: up to `n_dates` days, oldest first, each
    `{"date", "score", "sentences": [{"text", "article", "outlet", "title", "published", "start", "end"}]}`.

    Only articles published in [start, end] are read and only dates in it are chosen (default: the span of
    the publication dates, plus a week before); when both are given, days near the ends of the span rank
    higher (the span is that of the wanted timeline). `keywords` (e.g. ["SyrianCrisis"] or ["Syria",
    "protest"]; CamelCase is split, words match by their first letters): articles must contain one, and so
    must every summary sentence. `model`: another date-ranker weight file.
    """
    s0 = _day(str(start)) if start else None
    e0 = _day(str(end)) if end else None
    records = list(articles)
    _prefill(records)
    arts = [a for a in (_prepare(r) for r in records) if a is not None]
    if not arts or n_dates <= 0 or per_date <= 0:
        return []
    lo = s0 or min(a.pub for a in arts) - dt.timedelta(days=7)
    hi = e0 or max(a.pub for a in arts)
    kw = _keyword_rx(keywords)
    arts = [a for a in arts if lo <= a.pub <= hi and (kw is None or not ON_TOPIC_ONLY or kw.search(a.text))]
    if not arts:
        return []
    ranked = _rank_dates(arts, lo, hi, str(model) if model else None, s0 is not None and e0 is not None)
    idf = _idf(arts)
    ment: dict[dt.date, list[Cand]] = defaultdict(list)
    pubc: dict[dt.date, list[Cand]] = defaultdict(list)
    for ai, a in enumerate(arts):
        for si in range(len(a.spans)):
            ds = _mentioned(a, si)
            for d in ds:
                ment[d].append((ai, si))
            if not a.dates[si] and si <= CLIP_SENTS:
                for back in range(PUB_END):
                    pubc[a.pub - dt.timedelta(days=back)].append((ai, si))
    cache: dict[Cand, Vec] = {}

    def vec(c: Cand) -> Vec:
        v = cache.get(c)
        if v is None:
            v = cache[c] = _vec(arts[c[0]].toks[c[1]], idf)
        return v

    picked: list[Vec] = []  # every sentence chosen so far, for other dates

    def ok(c: Cand) -> bool:
        if any(_dot(vec(c), v) > MAX_SIM_DATES for v in picked):
            return False
        a = arts[c[0]]
        s, e = a.spans[c[1]]
        n = len(a.text[s:e].split())
        return MIN_WORDS <= n <= MAX_WORDS and (kw is None or kw.search(a.text, s, e) is not None)

    out: list[dict[str, Any]] = []
    for d, score in ranked:
        if len(out) >= n_dates:
            break
        m, p = ment.get(d, []), pubc.get(d, [])
        cands = _pm_mean(m, p, vec)
        mset = set(m)

        def prior(c: Cand, mset: set[Cand] = mset) -> float:  # sentences naming the day, early ones
            return (1 + W_MENT * (c in mset)) / (1 + W_POS * math.log1p(c[1]))

        chosen = _summarise(cands, per_date, vec, ok, prior)
        if not chosen and FALLBACK:  # the knee left no admissible sentence (keywords, length): use them all
            chosen = _summarise(m + p, per_date, vec, ok, prior)
        if not chosen:
            continue
        picked.extend(vec(c) for c in chosen)
        sents = []
        for ai, si in chosen:
            a = arts[ai]
            s, e = a.spans[si]
            while s < e and a.text[s].isspace():
                s += 1
            while e > s and a.text[e - 1].isspace():
                e -= 1
            sents.append({"text": a.text[s:e], "article": a.id, "outlet": a.outlet, "title": a.title,
                          "published": a.pub.isoformat(), "start": s, "end": e})  # fmt: skip
        out.append({"date": d.isoformat(), "score": round(score, 4), "sentences": sents})
    out.sort(key=lambda x: x["date"])
    return out
