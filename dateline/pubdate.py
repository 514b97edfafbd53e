"""Publication-date inference from article text alone (when no metadata gives it).

One public entry point, :func:`infer_published`. It gathers candidate dates from the text and scores each
mention on evidence, then returns the best date with a calibrated confidence, or None below a threshold:

* candidates: explicit full dates (English grammar of :mod:`dateline.time`, plus day-month-year with month
  names in other European languages); a month and day without a year, dated by a year written elsewhere (the
  weekday named beside it picks the year when it can); dd/mm/yyyy read both ways when ambiguous; a date
  with "yesterday" in the same sentence proposes the next day;
* features of each mention (weights fitted on DEV, see _WEIGHTS), for: a publication cue ("Published",
  "Updated", "Stand:"), the date alone on a short line or in the dateline near the top, a clock time after
  it, "today"/"heute" in the same sentence, being the latest past-tense date (news is published on or
  shortly after the last event it reports); against: future tense, a later past-tense date in the text, a
  disagreeing named weekday, a year taken from elsewhere, a preposition before it ("on", "am", "since": an
  event date), embedded-post or access dates ("(@handle) May 2, 2020"), the start of a date range;
* the confidence is the date's share of a softmax over all mentions plus "the date is not in the text", so
  repeated mentions add up and a close runner-up lowers it.

Text with only relative dates and weekdays ("yesterday", "on Monday") has no absolute anchor: the answer is
None, with the relative mentions listed as evidence. Wire copy opens with a dateline without a year ("BAMAKO, Oct 13
(Agency) -"); when the text gives no date, the caller may pass the publication dates of the rest of the collection
(`near`; `dateline.pipeline` processes such articles after the others of a run), and the dateline takes the year
that puts it nearest to them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from dateline.model import Timex
from dateline.time import _lex, _tense_heuristic, normalize

THRESHOLD = 0.6  # default: the lowest threshold with accuracy-when-answered >= 0.85 on DEV (htmldate pages)
_TOP = 400  # characters at the start of the text that count as the dateline / byline zone
_FULL = re.compile(r"\d{4}-\d\d-\d\d")
_MD = re.compile(r"XXXX-(\d\d)-(\d\d)")
_LANGS = ("de", "fr", "es", "it", "nl", "pt")  # month/weekday names taken from dateparser's locale data
_DATELINE_PREFIX = re.compile(
    r"\s*(?:[-\u2013\u2014•·|*]\s*)?(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s*(?:\([^)]*\))?\s*[,:|\u2013\u2014-]?\s*"
    r"|by\s[^\n]{0,40}?[,|\u2013\u2014-]\s*)?",
    re.I,
)
_DATELINE_AFTER = re.compile(
    r"\s*(?:,?\s*(?:\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?|\s*uhr)?))?\s*(?:$|\n|[-\u2013\u2014|·•(])", re.I
)
_EMBED = re.compile(r"\(@\w+\)\s*$|\b(?:abgerufen|accessed|retrieved|zugriff)\s*(?:am|on)?\W*$", re.I)
_RANGE_AFTER = re.compile(r"\s*(?:[-\u2013\u2014]|bis|to|until)\s*\d", re.I)
_RELDAY_SHIFT = {"today": 0, "tonight": 0, "yesterday": 1, "tomorrow": -1}  # candidate = mention date + shift
_RELDAY_POD = re.compile(r"^(?:this|last)\s+(morning|afternoon|evening|night)", re.I)
# "today" in other languages than the English grammar of dateline.time (same-sentence evidence only)
_TODAY_INTL = re.compile(r"\b(?:heute|heutigen?|aujourd'hui|hoy|oggi|vandaag|hoje)\b", re.I)


@dataclass
class _Cand:
    date: dt.date
    start: int
    end: int
    raw: str
    how: str = "full"  # full | year-from-text | swapped | after-yesterday


@lru_cache(maxsize=1)
def _intl() -> tuple[re.Pattern[str], dict[str, int], re.Pattern[str], dict[str, int]]:
    """Day-month(-year) regex over month names of other languages, and a weekday-name regex (built once)."""
    from dateparser.languages.loader import default_loader

    months: dict[str, int] = {}
    weekdays: dict[str, int] = {k: v for k, v in _lex()["weekdays"].items() if len(k) > 3}
    month_keys = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
    wd_keys = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    for lang in _LANGS:
        info = default_loader.get_locale(lang).info
        for i, k in enumerate(month_keys, 1):
            for name in info.get(k, []):
                if len(name) >= 3 and name.isalpha() or len(name) >= 4:
                    months.setdefault(name.lower(), i)
        for i, k in enumerate(wd_keys, 1):
            for name in info.get(k, []):
                if len(name) >= 5:
                    weekdays.setdefault(name.lower(), i)
    alt = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
    rx = re.compile(
        rf"(?<![\w.])(?P<d>[0-3]?\d)(?:\.|er|º|°)?\s+(?:de\s+)?(?P<mon>{alt})\.?(?!\w)"
        rf"(?:,?\s+(?:de\s+)?(?P<y>(?:19|20)\d\d)(?!\d))?",
        re.I,
    )
    walt = "|".join(re.escape(w) for w in sorted(weekdays, key=len, reverse=True))
    wrx = re.compile(rf"\b(?P<wd>{walt})\b\W{{0,3}}$", re.I)
    return rx, months, wrx, weekdays


@lru_cache(maxsize=1)
def _cue_rx() -> re.Pattern[str]:
    words = list(_lex()["publish_cues"])
    cues = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(words, key=len, reverse=True))
    return re.compile(
        rf"\b(?:{cues})\b[^\n\w]{{0,4}}(?:(?:on|at|am|le|el|il|op|em|\w+tag|\w+di)\b\W{{0,3}})?$", re.I
    )


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence (or line) around a span: a light splitter, spaCy would cost a parse here."""
    lo = max(0, start - 300)
    ends = [m.end() for m in re.finditer(r"[.!?]\s|\n", text[lo:start])]
    s0 = lo + ends[-1] if ends else lo
    m2 = re.compile(r"[.!?](?:\s|$)|\n").search(text, end, min(len(text), end + 300))
    return s0, (m2.start() + 1 if m2 else min(len(text), end + 300))


def _year_for(pos: int, years: list[tuple[int, int]], month: int, day: int, wd: int | None) -> int | None:
    """Year of a month-day written without one: the weekday named beside it, else the nearest year before it."""
    if not years:
        return None
    pool = sorted({y for _, y in years if y <= dt.date.today().year})
    if not pool:
        return None
    if wd is not None:
        fits = []
        for y in {y + k for y in pool for k in (-1, 0, 1)}:
            try:
                if dt.date(y, month, day).isoweekday() == wd:
                    fits.append(y)
            except ValueError:
                continue
        near = [y for y in fits if y in pool] or fits
        return max(near) if near else None
    before = [y for p, y in years if p < pos]
    return before[-1] if before else max(pool)


def _mentions(text: str, txs: list[Timex]) -> tuple[list[_Cand], list[tuple[int, int]], list[Timex]]:
    """Explicit date mentions (as candidates), year mentions (offset, year) and relative mentions."""
    lx = _lex()
    rx, months, wrx, weekdays = _intl()
    cands: list[_Cand] = []
    years: list[tuple[int, int]] = []
    partial: list[tuple[Timex, int, int]] = []
    rel: list[Timex] = []
    taken: list[tuple[int, int]] = []
    for tx in txs:
        if tx.type not in ("DATE", "TIME"):
            continue
        v = tx.value
        if tx.anchor_source == "none" and _FULL.fullmatch(v[:10]):
            try:
                d = dt.date.fromisoformat(v[:10])
            except ValueError:
                continue
            cands.append(_Cand(d, tx.start, tx.end, tx.text))
            years.append((tx.start, d.year))
            taken.append((tx.start, tx.end))
            m = re.match(r"(\d{1,2})/(\d{1,2})/(\d{2,4})", tx.text)
            if m and int(m[1]) <= 12 and int(m[2]) <= 12 and m[1] != m[2]:
                try:
                    cands.append(_Cand(dt.date(d.year, d.day, d.month), tx.start, tx.end, tx.text, "swapped"))
                except ValueError:
                    pass
        elif re.fullmatch(r"(?:1[6-9]|20)\d\d", v):
            years.append((tx.start, int(v)))
        elif (m := _MD.fullmatch(v)) is not None:
            partial.append((tx, int(m[1]), int(m[2])))
            taken.append((tx.start, tx.end))
        elif v.startswith(("XXXX-XX-XX", "XXXX-WXX-")) or tx.text.lower() in (
            "last year",
            "this year",
            "next year",
        ):
            rel.append(tx)
    for m in rx.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        mon, day = months[m["mon"].lower()], int(m["d"])
        if m["y"]:
            try:
                d = dt.date(int(m["y"]), mon, day)
            except ValueError:
                continue
            cands.append(_Cand(d, m.start(), m.end(), m.group()))
            years.append((m.start(), d.year))
        else:
            partial.append(
                (Timex(m.group(), m.start(), m.end(), "DATE", f"XXXX-{mon:02d}-{day:02d}"), mon, day)
            )
    years.sort()
    for tx, mon, day in partial:
        w = wrx.search(text, max(0, tx.start - 16), tx.start)
        wd = weekdays.get(w["wd"].lower()) if w else None
        named = re.match(rf"({'|'.join(lx['weekdays'])})\b", tx.text, re.I)
        if named:
            wd = lx["weekdays"][named[1].lower()]
        y = _year_for(tx.start, years, mon, day, wd)
        if y is None:
            continue
        try:
            cands.append(_Cand(dt.date(y, mon, day), tx.start, tx.end, tx.text, "year-from-text"))
        except ValueError:
            continue
    return cands, years, rel


def _weekday_named(text: str, c: _Cand) -> int | None:
    lx = _lex()
    m = re.search(rf"\b({'|'.join(lx['weekdays'])})\b", c.raw, re.I)
    if m:
        return lx["weekdays"][m[1].lower()]
    w = _intl()[2].search(text, max(0, c.start - 16), c.start)
    return _intl()[3].get(w["wd"].lower()) if w else None


# Hand-set log-odds of the mention features against "the date is not written in the text"; the prior of the fit.
_PRIOR: dict[str, float] = {
    "bias": -2.0,
    "cue": 3.0,
    "cue_line": 1.5,
    "top_alone": 2.5,
    "top": 1.0,
    "alone": 1.0,
    "deep": -0.5,
    "pos": 0.0,
    "embed": -2.0,
    "range": -1.5,
    "future": -2.0,
    "present": 0.0,
    "year_from_text": -1.0,
    "swapped": -0.7,
    "yesterday": 1.5,
    "wd_agree": 1.0,
    "wd_disagree": -2.5,
    "latest": 0.8,
    "later_gap": -1.0,
    "later_year": -1.0,
    "today": 1.5,
    "year_rel": 0.4,
    "first": 0.0,
    "prep": 0.0,
    "paren": 0.0,
    "has_time": 0.0,
    "n_dates": 0.0,
    "short_line": 0.0,
    "very_top": 0.0,
}
# The weights in use: _PRIOR refitted on DEV by dateline.evaluate.time._fit_pubdate (softmax over a document's
# mentions plus a "none" option, L2 pull towards the prior).
_WEIGHTS: dict[str, float] = {
    "bias": -3.0,
    "cue": 2.9,
    "cue_line": 1.5,
    "top_alone": 2.94,
    "top": 0.61,
    "alone": 0.46,
    "deep": 0.11,
    "pos": -0.51,
    "embed": -1.71,
    "range": -1.39,
    "future": -2.04,
    "present": 0.88,
    "year_from_text": -2.11,
    "swapped": -0.08,
    "yesterday": 0.95,
    "wd_agree": -0.02,
    "wd_disagree": -2.5,
    "latest": 0.64,
    "later_gap": -0.95,
    "later_year": 0.05,
    "today": 1.65,
    "year_rel": 0.32,
    "first": 0.15,
    "prep": -1.07,
    "paren": 0.17,
    "has_time": 0.93,
    "n_dates": -0.37,
    "short_line": 1.0,
    "very_top": 1.06,
}
# evidence wording of the features that argue for or against a mention
_SAYS = {
    "cue": "publication cue before {raw}",
    "cue_line": "publication cue on the line of {raw}",
    "top_alone": "date in the dateline {raw}",
    "top": "date near the top {raw}",
    "alone": "date alone on its line {raw}",
    "embed": "cited or embedded date {raw}",
    "range": "start of a date range {raw}",
    "future": "future tense around {raw}",
    "year_from_text": "year of {raw} taken from elsewhere in the text",
    "swapped": "{raw} read as day/month",
    "yesterday": "'yesterday' in the same sentence as {raw}: the day after it",
    "wd_agree": "named weekday agrees with the date",
    "wd_disagree": "named weekday disagrees with the date",
    "latest": "latest past-tense date in the text",
    "later_gap": "a later past-tense date is mentioned",
    "later_year": "a later year is mentioned",
    "today": "'today' in the same sentence as {raw}",
    "year_rel": "'last/next year' fits a year written in the text",
}
_PREP = re.compile(
    r"\b(?:on|since|until|from|by|before|after|am|vom|seit|bis|ab|zum|le|du|au|el|del)\s*$", re.I
)
_TIME_AFTER = re.compile(r"[,\s]*(?:um\s*|at\s*|-\s*)?\d{1,2}[:.]\d\d", re.I)


def _features(
    text: str, cands: list[_Cand], years: list[tuple[int, int]], rel: list[Timex]
) -> list[dict[str, float]]:
    """Features of each mention being the publication date."""
    cue = _cue_rx()
    n = max(len(text), 1)
    tense = [_tense_heuristic(text, c.start, c.end) for c in cands]
    past = [c for c, t in zip(cands, tense, strict=True) if t != "future" and c.how == "full"]
    latest = max((c.date for c in past), default=None)
    max_year = max((y for _, y in years), default=None)
    written = {y for _, y in years}
    yrel = {r.text.lower() for r in rel} & {"last year", "next year"}
    first = min((c.start for c in cands), default=-1)
    n_dates = math.log(max(1, len({c.date for c in cands})))
    out = []
    for c, t in zip(cands, tense, strict=True):
        f: dict[str, float] = {"bias": 1.0, "pos": c.start / n, "n_dates": n_dates}
        line0 = text.rfind("\n", 0, c.start) + 1
        line1 = text.find("\n", c.end)
        line1 = n if line1 < 0 else line1
        before = text[max(line0, c.start - 45) : c.start]
        if cue.search(before):
            f["cue"] = 1
        elif c.start - line0 < 80 and cue.search(text[line0 : c.start]):
            f["cue_line"] = 1
        alone = bool(_DATELINE_PREFIX.fullmatch(text[line0 : c.start])) and bool(
            _DATELINE_AFTER.match(text[c.end : c.end + 12])
        )
        if line1 - line0 < 60:
            f["short_line"] = 1
        if c.start < _TOP:
            f["top_alone" if alone else "top"] = 1
            if c.start < _TOP / 3:
                f["very_top"] = 1
        elif alone and line1 - line0 < 60:
            f["alone"] = 1
        elif c.start > n / 3:
            f["deep"] = 1
        if _EMBED.search(before):
            f["embed"] = 1
        if _PREP.search(before):
            f["prep"] = 1
        if before.rstrip().endswith(("(", "[")):
            f["paren"] = 1
        if _TIME_AFTER.match(text, c.end):
            f["has_time"] = 1
        if _RANGE_AFTER.match(text[c.end : c.end + 8]):
            f["range"] = 1
        if t in ("future", "present"):
            f[t] = 1
        if c.how == "year-from-text":
            f["year_from_text"] = 1
        elif c.how == "swapped":
            f["swapped"] = 1
        elif c.how == "after-yesterday":
            f["yesterday"] = 1
        wd = _weekday_named(text, c)
        if wd is not None:
            f["wd_agree" if wd == c.date.isoweekday() else "wd_disagree"] = 1
        if latest is not None:
            if c.date >= latest:
                f["latest"] = 1
            else:
                f["later_gap"] = math.log1p((latest - c.date).days) / 3
        if max_year is not None and max_year > c.date.year:
            f["later_year"] = 1
        if c.start == first:
            f["first"] = 1
        if any(c.date.year + (1 if r == "next year" else -1) in written for r in yrel):
            f["year_rel"] = 1
        s0, s1 = _sentence(text, c.start, c.end)
        for r in rel:
            if s0 <= r.start < s1 and _RELDAY_POD.sub("today", r.text.lower()) in ("today", "tonight"):
                f["today"] = 1
        if _TODAY_INTL.search(text, s0, s1):
            f["today"] = 1
        out.append(f)
    return out


def _relatives(text: str, txs: list[Timex], cands: list[_Cand]) -> list[_Cand]:
    """'yesterday' / 'tomorrow' in the same sentence as an explicit date proposes the day after / before it."""
    out = []
    for r in txs:
        key = r.text.lower().replace("last night", "yesterday")
        if not r.value.startswith("XXXX-XX-XX") or _RELDAY_SHIFT.get(key, 0) == 0:
            continue
        s0, s1 = _sentence(text, r.start, r.end)
        for c in cands:
            if s0 <= c.start < s1 and c.how == "full":
                day = c.date + dt.timedelta(_RELDAY_SHIFT[key])
                out.append(_Cand(day, c.start, c.end, c.raw, "after-yesterday"))
    return out


def _masthead(text: str, c: _Cand) -> bool:
    """... unless the machine's clock is behind the page: a full date with its weekday, agreeing, alone on a
    dateline at the head ("Khartoum, Tuesday, 10 April 2012 (all times GMT+3)", "Washington, Saturday, April 12,
    2031 (all times Eastern)") is the page's own date whatever today is (an archive or a test corpus written
    ahead of the clock); a bare future date ("BERLIN, 3 May 2098 -") or one in a sentence still is not."""
    if c.how != "full" or c.start >= _TOP:
        return False
    line0 = text.rfind("\n", 0, c.start) + 1
    if not (
        _DATELINE_PREFIX.fullmatch(text[line0 : c.start]) and _DATELINE_AFTER.match(text[c.end : c.end + 12])
    ):
        return False
    wd = _weekday_named(text, c)
    return wd is not None and wd == c.date.isoweekday()


def _candidates(
    text: str,
) -> tuple[list[_Cand], list[dict[str, float]], list[Timex], list[tuple[int, int]], bool]:
    """Candidate mentions with their features, the relative and year mentions, and whether dates after
    today were dropped."""
    txs = normalize(text)
    cands, years, rel = _mentions(text, txs)
    cands += _relatives(text, txs, cands)
    latest_ok = dt.date.today() + dt.timedelta(days=1)  # nothing is published in the future ...
    kept = [
        c for c in cands if (c.date <= latest_ok or _masthead(text, c)) and any(ch.isdigit() for ch in c.raw)
    ]
    future = any(c.date > latest_ok for c in cands)
    return kept, _features(text, kept, years, rel), rel, years, future


def infer_published(
    text: str, title: str | None = None, threshold: float = THRESHOLD, near: Sequence[str] = ()
) -> tuple[str | None, float, list[str]]:
    """(ISO publication date or None, confidence 0..1, evidence strings) inferred from the text.

    The date is None when the confidence is below `threshold` (the confidence and evidence are still given).
    `near`: publication dates (ISO) of other articles of the same collection; when the text alone gives no
    date, a month and day without a year at the head of the text ("BAMAKO, Oct 13 (Agency) -") takes the
    year that puts it nearest to them (within _NEAR_DAYS).
    """
    value, conf, evidence = _infer(text, title, threshold)
    if value is None and near:
        found = _from_collection(text, near)
        if found is not None:
            return found[0], _COLLECTION_CONFIDENCE, [found[1]]
    return value, conf, evidence


_NEAR_DAYS = 62  # a year-less dateline is dated by the collection only when it falls this close to its dates
_COLLECTION_CONFIDENCE = 0.6


def _from_collection(text: str, near: Sequence[str]) -> tuple[str, str] | None:
    """The year-less month-day opening the text, dated by the collection's nearest publication date."""
    head = text[:_TOP]
    days = sorted({d for d in (_iso(v) for v in near) if d is not None})
    if not days:
        return None
    for tx in normalize(head):
        m = _MD.fullmatch(tx.value) if tx.type == "DATE" else None
        if m is None:
            continue
        mon, day = int(m[1]), int(m[2])
        best: tuple[int, dt.date, dt.date] | None = None
        for y in sorted({d.year + k for d in days for k in (-1, 0, 1)}):
            try:
                cand = dt.date(y, mon, day)
            except ValueError:
                continue
            i = bisect.bisect_left(days, cand)
            for ref in days[max(0, i - 1) : i + 1]:
                gap = abs((cand - ref).days)
                if best is None or gap < best[0]:
                    best = (gap, cand, ref)
        if best is None or best[0] > _NEAR_DAYS:
            return None
        why = f"year of {tx.text!r} from the collection: an article of it is dated {best[2].isoformat()}"
        return best[1].isoformat(), why
    return None


def _iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        return None


def _infer(text: str, title: str | None, threshold: float) -> tuple[str | None, float, list[str]]:
    evidence: list[str] = []
    if title:
        tc = [c for c in _mentions(title, normalize(title))[0] if c.how == "full"]
        if tc:
            evidence.append(f"title date {tc[0].raw!r}")
            return tc[0].date.isoformat(), 0.8, evidence
    cands, feats, rel, years, future = _candidates(text)
    if not cands:
        if future:
            evidence.append("only dates after today")
        elif rel:
            shown = ", ".join(repr(r.text) for r in rel[:4])
            evidence.append(f"only relative dates or weekdays ({shown}): no absolute anchor")
        elif years:
            evidence.append(f"only year mentions (latest {max(y for _, y in years)}); no full date")
        return None, 0.0, evidence
    # softmax over the mentions and a "the date is not written in the text" option (score 0)
    scores = [sum(_WEIGHTS.get(k, 0.0) * v for k, v in f.items()) for f in feats]
    top = max(max(scores), 0.0)
    weights = [math.exp(s - top) for s in scores]
    total = sum(weights) + math.exp(-top)
    prob: dict[dt.date, float] = {}
    for c, w in zip(cands, weights, strict=True):
        prob[c.date] = prob.get(c.date, 0.0) + w / total
    ranked = sorted(prob.items(), key=lambda kv: -kv[1])
    day, conf = ranked[0]
    best = max((i for i, c in enumerate(cands) if c.date == day), key=lambda i: scores[i])
    raw = repr(cands[best].raw)
    for k, v in sorted(feats[best].items(), key=lambda kv: -abs(_WEIGHTS.get(kv[0], 0.0) * kv[1])):
        if k in _SAYS and _WEIGHTS.get(k, 0.0) * v != 0:
            evidence.append(_SAYS[k].format(raw=raw))
    n = sum(1 for c in cands if c.date == day)
    if n > 1:
        evidence.append(f"mentioned {n} times")
    if len(ranked) > 1:
        evidence.append(f"runner-up {ranked[1][0].isoformat()} (p={ranked[1][1]:.2f})")
    conf = round(conf, 2)
    if conf < threshold:
        return None, conf, evidence
    return day.isoformat(), conf, evidence
