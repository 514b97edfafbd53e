"""Publication-date inference from article text alone (when no metadata gives it).

One public entry point, :func:`infer_published`. Evidence, strongest first:
  * a full date next to a publication cue ("Published 16 June 2014", "Updated: ...") or in the
    dateline at the top of the text ("LONDON, June 16, 2014 (Reuters) -");
  * a full date whose weekday is also named and agrees ("on Monday, June 16, 2014");
  * otherwise the first full date of the text only when its named weekday agrees and no later
    past-tense date follows it (alone, on DEV news text, the first date is mostly an event date).
Year mentions and "last year" only corroborate; when the evidence is weak the answer is None.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dateline.time import _lex, _tense_heuristic, normalize

_TOP = 400  # characters at the start of the text that count as the dateline / byline zone
_FULL = re.compile(r"\d{4}-\d\d-\d\d")
# what may stand before a dateline date on its line: "LONDON, ", "By Jane Smith | ", "Posted "; or after it: a line end, dash
_DATELINE_PREFIX = re.compile(
    r"\s*(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*\s*(?:\([^)]*\))?\s*[,:|-]?\s*|by\s[^\n]{0,40}[,|]\s*)?", re.I
)
_DATELINE_AFTER = re.compile(r"\s*(?:$|\n|[-\u2013\u2014|(])")


@lru_cache(maxsize=1)
def _cue_rx() -> re.Pattern[str]:
    cues = "|".join(sorted((re.escape(c) for c in _lex()["publish_cues"]), key=len, reverse=True))
    return re.compile(rf"(?:{cues})\s*(?:on|at)?\s*:?\s*$", re.I)


def _full_dates(text: str) -> list[tuple[dt.date, int, int, str]]:
    """Explicit calendar dates (day, month and year all written) with their offsets."""
    out = []
    for tx in normalize(text):
        if tx.type in ("DATE", "TIME") and tx.anchor_source == "none" and _FULL.fullmatch(tx.value[:10]):
            try:
                out.append((dt.date.fromisoformat(tx.value[:10]), tx.start, tx.end, tx.text))
            except ValueError:
                continue
    return out


def infer_published(text: str, title: str | None = None) -> tuple[str | None, float, list[str]]:
    """(ISO publication date or None, confidence 0..1, evidence strings) inferred from the text."""
    evidence: list[str] = []
    if title:
        for d, _, _, s in _full_dates(title):
            evidence.append(f"title date {s!r}")
            return d.isoformat(), 0.8, evidence
    dates = _full_dates(text)
    if not dates:
        years = [
            int(tx.value)
            for tx in normalize(text[:5000])
            if tx.type == "DATE" and re.fullmatch(r"\d{4}", tx.value)
        ]
        if years:
            evidence.append(f"only year mentions (latest {max(years)}); no full date")
        return None, 0.0, evidence
    cue = _cue_rx()
    # 1. a cue word right before the date, or a date in the dateline zone
    for d, s, _e, raw in dates:
        before = text[max(0, s - 40) : s]
        if cue.search(before):
            evidence.append(f"publication cue before {raw!r}")
            return d.isoformat(), 0.9, evidence
    for d, s, e, raw in dates:
        if s >= _TOP:
            break
        prefix = text[text.rfind("\n", 0, s) + 1 : s]
        if _DATELINE_PREFIX.fullmatch(prefix) or _DATELINE_AFTER.match(text[e : e + 4]):
            evidence.append(f"date in the dateline {raw!r}")
            return d.isoformat(), 0.75, evidence
    # 2. the first full date, unless the text reports later events (a report cannot predate what it reports)
    past = [x for x in dates if _tense_heuristic(text, x[1], x[2]) != "future"]
    if not past:
        evidence.append("only future-tense full dates")
        return None, 0.1, evidence
    d, s, e, raw = past[0]
    later = [x for x in past if x[0] > d]
    conf = (
        0.35 if not later else 0.2
    )  # on DEV news text the first date is mostly an event date: not enough alone
    evidence.append(f"first full date {raw!r}")
    if later:
        evidence.append(f"later past-tense date {later[0][3]!r} in the text")
    if not later and s < len(text) / 3:
        conf += 0.1
        evidence.append("in the first third of the text")
    wd_named = re.search(r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)", raw, re.I)
    if wd_named:
        wdn = _lex()["weekdays"][wd_named.group(1).lower()]
        if wdn == d.isoweekday():
            conf += 0.2
            evidence.append("named weekday agrees with the date")
        else:
            conf -= 0.3
            evidence.append("named weekday disagrees with the date")
    later_years = [int(tx.value) for tx in normalize(text) if re.fullmatch(r"\d{4}", tx.value)]
    if later_years and max(later_years) > d.year:
        conf -= 0.2
        evidence.append(f"a later year {max(later_years)} is mentioned")
    conf = max(0.0, min(conf, 1.0))
    if conf < 0.5:
        return None, round(conf, 2), evidence
    return d.isoformat(), round(conf, 2), evidence
