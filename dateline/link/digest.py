"""Dated extractive timelines from a set of articles: DATEWISE (Gholipour Ghalandari & Ifrim, ACL 2020).

Public entry point: `digest(articles, n_dates, per_date, keywords=(), start=None, end=None, model=None,
dates=None)` returns up to `n_dates` days, oldest first, each with up to `per_date` sentences copied verbatim from the
articles, every one citing its article (id, outlet, title, publication date, character offsets into its text).

An article is a plain mapping: `text` and `published` (ISO date; `time` is accepted too) are required; `id`,
`title` and `outlet` are cited when given; `sentences` (list of `(start, end)` or `{"start", "end"}`) and
`timexes` (`dateline.model.Timex` or dicts with `start`, `type`, `value`) are used when given (stored
documents have both); otherwise the text is split into sentences by a regex and the sentences that can hold a
date are normalised with `dateline.time`, anchored on the publication date (cached per article in the process;
collections of PARALLEL_MIN or more such articles are normalised by two worker processes). Reader comments
and navigation lines ("... at 5:26 pm | Reply") are dropped first; bylines, datelines and time stamps at the
start of a sentence ("Tripoli , Libya -LRB- CNN -RRB- --") are cut off what is quoted, and questions,
quotations and runs of headlines are no summary material (patterns: `data/timeline/boilerplate.json`).

The method, as in DATEWISE:
1. Date ranking: every day inside the span that is mentioned by a day-precise time expression or on which an
   article appeared is scored by a logistic-regression classifier over date features (FEATURES: mention and
   article counts split by whether the date is before, on or after publication, publication counts on the
   day and the following days, mentions in opening sentences or in keyword sentences, ranks, bursts against
   the neighbouring days; nothing about the date's place in the span). The weight file
   (`data/timeline/date_ranker.json`, fitted on the DEV topics of Timeline17 by `scripts/fit_date_ranker.py`)
   names the features it uses. With keywords, articles without any keyword are left out of the whole process.
2. Candidates for a date (PM-Mean): the sentences whose first day-precise expression is that date, plus the
   opening sentences without such an expression of articles published on the date or the day after; both
   groups are compared with the terms they share (their mean centroid) and only those above the knee of the
   similarity curve are kept.
3. Summary: TF-IDF (fitted on all sentences of the collection) summary-to-centroid greedy selection
   (CentroidOpt). Left out: sentences with none of the keywords, too short or too long ones, boilerplate,
   near copies of a sentence chosen for the same day (MAX_SIM_DAY) or another one (MAX_SIM_DATES); sentences
   that name the date and early sentences of an article are slightly preferred. Dates without an
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
CLIP_SENTS = 3  # publication-date candidates: sentences 0..CLIP_SENTS of an article (DATEWISE: clip_sents=5;
# 3 raised AR1 at the gold dates on both DEV topics, 0.193 -> 0.200 and 0.134 -> 0.143)
PUB_END = 2  # an article is a publication-date source for its own day and the PUB_END - 1 days before
MAX_SIM_DATES = 0.8  # nor may a sentence this similar to one chosen for another date be used again
W_MENT = 0.1  # sentences that mention the date weigh 1 + W_MENT against publication-date ones
W_POS = 0.1  # preference for early sentences: the score is divided by 1 + W_POS * log(1 + position)
MIN_WORDS = 5  # shorter sentences are no summary candidates
MAX_WORDS = 50  # nor longer ones (mashed title+lead lines, lists; gold timeline sentences are short)
FALLBACK = True  # a date whose knee-filtered candidates are all inadmissible is summarised from all of them
ON_TOPIC_ONLY = True  # with keywords, articles without any of them are left out (off-topic in the collection)
ALL_MENTIONS = False  # a sentence mentions every day-precise date in it (True) or only its first (DATEWISE)
DROP_PREFIX_DATES = True  # time expressions inside a cut-off byline/time-stamp prefix are no mentions
MAX_CAPS = 0.6  # a sentence with more capitalised words than this share is a run of headlines
MAX_SIM_DAY = 0.6  # two sentences of one day's summary may not be more similar than this (cosine; DATEWISE
# allows all but exact copies, 0.9999: near copies from reprinted wire stories then fill the day)
LEAD = 3  # the lead_docs feature counts mentions in an article's first LEAD sentences


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
    bad: dict[int, bool] = field(default_factory=dict)  # sentence -> boilerplate etc. (filled when asked)


@lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    # the SMART stop list (as ROUGE-1.5.5 ships it) from a data file: importing spaCy for its list takes seconds
    words = (_DATA / "rouge_stopwords.txt").read_text(encoding="utf-8").split()
    return frozenset(words) | {"lrb", "rrb", "lsb", "rsb"}


@lru_cache(maxsize=1)
def _boiler() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str] | None]:
    """(prefix, reject, caption_next) patterns of data/timeline/boilerplate.json: bylines, datelines, time
    stamps and photo credits cut off the start of a sentence; navigation lines, questions and quotations that
    are no summary material; the photo credit that follows a photo caption."""
    data = json.loads((_DATA / "boilerplate.json").read_text(encoding="utf-8"))
    prefix = re.compile("|".join(f"(?:{p})" for p in data["prefix"]))
    caption = re.compile(data["caption_next"]) if data.get("caption_next") else None
    return prefix, re.compile("|".join(f"(?:{p})" for p in data["reject"])), caption


# A wire dateline at the head of an article's first sentence: a place in capitals, an optional date, the
# agency or outlet in brackets and a dash ("BOA VISTA, November 4, 2026 (Amazon Wire) - ", "KYIV, Oct 3
# (Agency) — ", "LONDON (Reuters) -"): a heading of the report, not part of what is quoted from it.
_WIRE_DATELINE = re.compile(
    r"[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3}(?:, [A-Z][\w.'’ -]{1,30}?)?"
    r"(?:, (?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})(?:, \d{4}| \d{4})?)?"
    r" ?\((?:[A-Z][\w&.'’ -]{1,40})\) ?(?:--|-|—|–|:) ?"
)


def dateline_end(text: str, start: int = 0) -> int:
    """Offset in `text` where the statement begins after a wire dateline at `start` ("BOA VISTA, November 4,
    2026 (Amazon Wire) - Brazil sent ..." -> the offset of "Brazil"); `start` when there is none."""
    m = _WIRE_DATELINE.match(text, start)
    if m is None or not text[m.end() : m.end() + 1].strip():
        return start
    return m.end()


def _trim(text: str, s: int, e: int) -> int:
    """Start of the sentence [s, e) after any leading boilerplate (repeated: a byline after a dateline)."""
    prefix = _boiler()[0]
    for _ in range(3):
        while s < e and text[s].isspace():
            s += 1
        d = dateline_end(text[s:e])
        if d and e - s - d >= 20:
            s += d
            continue
        m = prefix.match(text[s:e])  # on the slice: "^" does not match at a `pos` inside the text
        if not m or m.end() == 0 or e - s - m.end() < 20:
            break
        s += m.end()
    return s


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


def _prefill(records: list[Mapping[str, Any]]) -> list[Spans | None]:
    """Normalise the articles that bring no time expressions in two processes, filling the cache; returns the
    sentence spans of each record (None: not computed), so that they are split once."""
    todo: dict[tuple[bytes, dt.date, int], tuple[str, dt.date, Spans]] = {}
    out: list[Spans | None] = []
    for a in records:
        text, pub = a.get("text") or "", _day(str(a.get("published") or a.get("time") or "")[:10])
        spans = None
        if a.get("timexes") is None and text.strip() and pub is not None:
            spans = tuple(_spans(a, text))
            key = _key(text, pub, spans)
            if key not in _TX_CACHE:
                todo[key] = (text, pub, spans)
        out.append(spans)
    if len(todo) < PARALLEL_MIN or (os.cpu_count() or 1) < 2:
        return out
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=2) as ex:
        for key, found in zip(todo, ex.map(_normalise, todo.values(), chunksize=16), strict=True):
            _TX_CACHE[key] = found
    return out


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


def _prepare(a: Mapping[str, Any], known: Spans | None = None) -> _Art | None:
    text = a.get("text") or ""
    pub = _day(str(a.get("published") or a.get("time") or "")[:10])
    if not text.strip() or pub is None:
        return None
    spans = list(known) if known is not None else _spans(a, text)
    txs = a.get("timexes")
    found = (
        [(int(_get(t, "start")), str(_get(t, "type")), str(_get(t, "value") or "")) for t in txs]
        if txs is not None
        else _timexes(text, pub, tuple(spans))
    )
    # reader comments and navigation ("March 21 , 2011 at 5:26 pm | Reply") are no sentences: their dates
    # are when someone commented, and they are no summary material either
    keep = [i for i, (s, e) in enumerate(spans) if not _NOT_PROSE.search(text, s, e)]
    trimmed = [(_trim(text, *spans[i]), spans[i][1]) for i in keep]
    # a time expression in a cut-off prefix is a time stamp (the publication day), not a mention
    first = [t[0] if DROP_PREFIX_DATES else spans[i][0] for i, t in zip(keep, trimmed, strict=True)]
    dates: list[list[dt.date]] = [[] for _ in keep]
    starts = [spans[i][0] for i in keep]
    for start, typ, value in sorted(found):
        d = _day(value) if typ in ("DATE", "TIME") else None
        if d is None:
            continue
        j = _bisect(starts, start)
        if j >= 0 and first[j] <= start < trimmed[j][1]:
            dates[j].append(d)
    art = _Art(str(a.get("id", "")), a.get("outlet"), a.get("title"), pub, text, trimmed, dates)
    art.toks = [_tokens(text[s:e]) for s, e in trimmed]
    return art


def _is_bad(a: _Art, i: int) -> bool:
    """Boilerplate, a question, a quotation, a run of headlines or a photo caption: no summary material
    (checked only for the candidates of chosen dates, memoised)."""
    hit = a.bad.get(i)
    if hit is None:
        s, e = a.spans[i]
        _, reject, caption = _boiler()
        hit = a.bad[i] = (
            reject.search(a.text[s:e]) is not None
            or _headline_run(a.text[s:e])
            or (caption is not None and caption.match(a.text, e) is not None)  # followed by its photo credit
        )
    return hit


def _headline_run(sent: str) -> bool:
    """Runs of headlines and link texts glued into one line: mostly capitalised words."""
    words = [w for w in sent.split() if w[:1].isalpha()]
    if len(words) < 8:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) > MAX_CAPS


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
    "docs_after", "pub_0", "pub_1", "pub_2", "docs_later", "lead_docs", "docs_1_3", "docs_0_7", "kw_sents",
    "rank_docs", "rank_pub_1", "peak", "rank_docs_before", "rank_docs_later", "share_week", "burst",
)  # fmt: skip
# Nothing here depends on where a date lies in the requested span: in the Timeline17 protocol the span is cut
# at the gold timeline's first and last dates, so features of the span's ends would read the answer.


def _date_features(arts: list[_Art], start: dt.date, end: dt.date, kw: re.Pattern[str] | None = None
                   ) -> tuple[list[dt.date], np.ndarray]:  # fmt: skip
    """Candidate dates in [start, end] and their feature rows (counts on a log scale relative to the
    collection's largest, so that one model serves collections of any size)."""
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
                if kw is not None and kw.search(a.text, *a.spans[i]):
                    st[d]["kw_sents"] += 1
                if d not in seen:
                    seen.add(d)
                    lag = (a.pub - d).days
                    st[d]["docs_total"] += 1
                    st[d][f"docs_{rel}"] += 1
                    if lag >= 3:  # recalled days later: remembered as a turning point
                        st[d]["docs_later"] += 1
                    if 1 <= lag <= 3:  # reported in the following days
                        st[d]["docs_1_3"] += 1
                    if 0 <= lag <= 7:
                        st[d]["docs_0_7"] += 1
                    if i < LEAD:  # named in an article's opening sentences: what the article is about
                        st[d]["lead_docs"] += 1
    dates = sorted(d for d in set(st) | set(pubs) if start <= d <= end)
    if not dates:
        return [], np.zeros((0, len(FEATURES)))
    one = dt.timedelta(days=1)
    rows = []
    for d in dates:
        c = st[d]
        rows.append([c["sents_total"], c["sents_before"], c["sents_same"], c["sents_after"], c["docs_total"],
                     c["docs_before"], c["docs_same"], c["docs_after"], pubs[d], pubs[d + one], pubs[d + 2 * one],
                     c["docs_later"], c["lead_docs"], c["docs_1_3"], c["docs_0_7"],
                     c["kw_sents"]])  # fmt: skip
    raw = np.array(rows, dtype=float)
    x = np.log1p(raw)
    x /= np.maximum(x.max(axis=0), 1e-9)
    n = len(dates)

    def rank(col: np.ndarray) -> np.ndarray:  # share of the other dates with a smaller value (ties alike)
        return np.searchsorted(np.sort(col), col, side="left") / max(n - 1, 1)

    # how far the day's mentions stand above its neighbours' (an event day, not a busy week)
    by_day = {d: x[i, 4] for i, d in enumerate(dates)}
    peak = np.array(
        [x[i, 4] - max(by_day.get(d - one, 0.0), by_day.get(d + one, 0.0)) for i, d in enumerate(dates)]
    )
    # share of the articles of the following week that name the day (volume-free: quiet months count too)
    week = np.array([sum(pubs[d + k * one] for k in range(8)) for d in dates], dtype=float)
    share = raw[:, 14] / (week + 1.0)
    # the day's mentions against the mean of the week around it
    docs = {d: raw[i, 4] for i, d in enumerate(dates)}
    around = [sum(docs.get(d + k * one, 0.0) for k in range(-3, 4)) / 7 for d in dates]
    burst = np.log1p(raw[:, 4]) - np.log1p(np.array(around))
    extra = [rank(x[:, 4]), rank(x[:, 9]), peak, rank(x[:, 5]), rank(x[:, 11]), share, burst]
    return dates, np.hstack([x, np.stack(extra, axis=1)])


@lru_cache(maxsize=4)
def _model(path: str) -> tuple[list[int], np.ndarray, float]:
    """(feature columns, weights, bias) of a weight file; it names the features of FEATURES it uses."""
    m = json.loads(Path(path).read_text(encoding="utf-8"))
    unknown = [f for f in m["features"] if f not in FEATURES]
    if unknown or len(m["features"]) != len(m["weights"]):
        raise ValueError(f"{path}: unknown features {unknown} or weights not matching the features")
    return [FEATURES.index(f) for f in m["features"]], np.array(m["weights"], dtype=float), float(m["bias"])


def _rank_dates(arts: list[_Art], start: dt.date, end: dt.date, model: str | None,
                kw: re.Pattern[str] | None = None) -> list[tuple[dt.date, float]]:  # fmt: skip
    dates, x = _date_features(arts, start, end, kw)
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
            if s > best_s and all(_dot(v, vecs[o]) <= MAX_SIM_DAY for o in chosen):
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
           model: str | Path | None = None, dates: Sequence[dt.date | str] | None = None
           ) -> list[dict[str, Any]]:  # fmt: skip
    """A dated extractive timeline of `articles`: up to `n_dates` days, oldest first, each
    `{"date", "score", "sentences": [{"text", "article", "outlet", "title", "published", "start", "end"}]}`.

    Only articles published in [start, end] are read and only dates in it are chosen (default: the span of
    the publication dates, plus a week before). `keywords` (e.g. ["SyrianCrisis"] or ["Syria",
    "protest"]; CamelCase is split, words match by their first letters): articles must contain one, and so
    must every summary sentence. `model`: another date-ranker weight file. `dates`: summarise these days
    (inside the span) instead of ranking them, e.g. the days of known events.
    """
    s0 = _day(str(start)) if start else None
    e0 = _day(str(end)) if end else None
    records = list(articles)
    if s0 or e0:  # articles outside the span are not read at all

        def inside(r: Mapping[str, Any]) -> bool:
            p = _day(str(r.get("published") or r.get("time") or "")[:10])
            return p is not None and (s0 is None or p >= s0) and (e0 is None or p <= e0)

        records = [r for r in records if inside(r)]
    known = _prefill(records)
    arts = [a for a in (_prepare(r, k) for r, k in zip(records, known, strict=True)) if a is not None]
    if not arts or n_dates <= 0 or per_date <= 0:
        return []
    lo = s0 or min(a.pub for a in arts) - dt.timedelta(days=7)
    hi = e0 or max(a.pub for a in arts)
    kw = _keyword_rx(keywords)
    arts = [a for a in arts if lo <= a.pub <= hi and (kw is None or not ON_TOPIC_ONLY or kw.search(a.text))]
    if not arts:
        return []
    if dates is not None:
        given = (_day(str(d)) for d in dates)
        ranked = [(d, 1.0) for d in dict.fromkeys(given) if d is not None and lo <= d <= hi]
    else:
        ranked = _rank_dates(arts, lo, hi, str(model) if model else None, kw)
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
        good = MIN_WORDS <= n <= MAX_WORDS and (kw is None or kw.search(a.text, s, e) is not None)
        return good and not _is_bad(a, c[1])

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
