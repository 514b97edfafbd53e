"""Temporal tagging and normalisation: time expressions as TIMEX3-style `Timex` records.

One public entry point, :func:`normalize`. It finds time expressions with a compiled regular
grammar (word lists in ``dateline/data/time/lexicon.json``), then resolves each one against an
anchor: the publication date, or, for narrative expressions ("the next day", "two weeks later",
"later that year"), the last date the text itself mentioned. Tense decides the direction of bare
weekdays, months and seasons ("on Monday" is the last Monday in a past-tense report, the next one
in a future-tense sentence); it comes from the spaCy Doc when one is given, else a light heuristic.

Why our own grammar: dateparser's ``search_dates`` is slow (tens of ms per sentence) and loose
(it tags "may", "march", bare numbers) and knows no TIMEX3 types, durations, sets or weeks; it fits
only for parsing an already isolated absolute date string, which our regex groups give us directly.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from dateutil.easter import easter

from dateline.model import Timex

_DATA = Path(__file__).parent / "data" / "time"
_YEAR = r"(?:1[6-9]|20)\d\d"
_UNIT_ISO = {"S": "S", "MIN": "M", "H": "H", "D": "D", "W": "W", "M": "M", "Y": "Y"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@lru_cache(maxsize=1)
def _lex() -> dict[str, Any]:
    with open(_DATA / "lexicon.json", encoding="utf-8") as fh:
        return json.load(fh)


def _alt(words: Any) -> str:
    """Regex alternation, longest first, spaces matching any whitespace."""
    items = sorted({w for w in words if not w.startswith("_")}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


def _key(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower().rstrip("."))


# --------------------------------------------------------------------------- grammar


@dataclass
class _Cand:
    start: int
    end: int
    kind: str
    g: dict[str, Any]
    prio: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _grammar() -> list[tuple[str, re.Pattern[str]]]:
    lx = _lex()
    full = [m for m in lx["months"] if len(m) > 4 or m in ("may", "june", "july")]
    abbr = [m for m in lx["months"] if m not in full]
    mon = rf"(?:{_alt(full)}|(?:{_alt(abbr)})\.?)"
    wd = rf"(?:{_alt(lx['weekdays'])})"
    num = rf"(?:\d+(?:\.\d+)?(?:\s+1/2|½)?|{_alt(lx['numbers'])}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-\w+)"
    vnum = _alt(lx["vague_numbers"])
    units = _alt(lx["units"])
    pods = _alt(lx["parts_of_day"])
    seasons = _alt(lx["seasons"])
    pm = _alt(lx["point_mods"])
    smods = _alt(lx["span_mods"])
    ordw = _alt(lx["ordinals"])
    rel = r"last|next|this\s+past|this\s+coming|this|past|coming|previous"
    # zone abbreviations in capitals only ("10:30 IST", not "at 10:30 eat"): the grammar is case-insensitive
    zones = (
        "(?-i:"
        + "|".join(sorted({re.escape(z) for z in lx.get("time_zones", [])}, key=len, reverse=True))
        + ")"
    )
    wdpre = rf"(?:(?P<wd>{wd}),?\s+(?:the\s+)?)?"
    rules = {
        "iso": rf"(?<![\w-])(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
        rf"(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?)?(?![\w-])",
        "numdate": r"(?<![\w/.,-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d\d)(?![\w/-]|\.\d)",
        "mdy": rf"(?<!\w){wdpre}(?P<mon>{mon})\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)"
        rf"(?:(?:,\s*|\s+)(?P<y>{_YEAR})(?!\d|,\d))?(?!\w)",
        "dmy": rf"(?<![\w.,])(?:(?P<wd>{wd}),?\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
        rf"(?P<mon>{mon})(?:,?\s+(?P<y>{_YEAR}))?(?!\w)",
        "monthweek": rf"(?<!\w)the\s+(?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+week\s+of\s+"
        rf"(?P<mon>{mon})(?:,?\s+(?P<y>{_YEAR}))?(?!\w)",
        "ordday": r"(?<![\w.,])the\s+(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)(?:\s+of\s+(?P<rel>last|this|next|the\s+same"
        r"|the\s+previous|the\s+following)\s+month)?(?!\w)",
        "quarter": rf"(?<!\w)(?:the\s+)?(?:(?P<rel>latest|last|past|previous|current|this|next|year-ago|year-earlier"
        rf"|same|comparable|recent)\s+)?(?:(?P<py>{_YEAR})\s+|(?P<pyrel>this|last|next)\s+year['’]s\s+)?"
        r"(?:fiscal\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+"
        rf"(?:fiscal[\s-]+)?(?P<q>quarter|half)(?!\w)(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y>{_YEAR})|(?P<yrel>this|last|next)"
        r"\s+year))?",
        "quarter2": r"(?<!\w)(?P<rel>the(?:\s+(?:latest|last|past|previous|current|same|year-ago|year-earlier|"
        r"comparable|recent))?|latest|last|this|next|current)\s+(?:fiscal\s+)?(?P<q>quarter)(?!\w)",
        # "the year-earlier period", "a year-ago loss": the same period a year before (quarter rules take "the
        # year-ago quarter")
        "yago": r"(?<![\w-])(?:the\s+(?:(?:same|comparable|corresponding)\s+)?)?(?P<rel>year-ago|year-earlier)"
        r"(?:\s+(?P<p>period|quarter))?(?![\w-])(?!\s+(?:[\w-]+\s+)?(?:days|weeks|months|years)(?!\w))",
        "qcode": rf"(?<!\w)(?P<q>[QH])(?P<n>[1-4])(?:\s+(?P<y>{_YEAR}))?(?!\w)",
        "month": rf"(?<!\w)(?:(?P<pm>{pm})[\s-]+)?(?:(?P<rel>{rel})\s+)?(?P<mon>{mon})"
        rf"(?:,?\s+(?:of\s+)?(?P<y>{_YEAR})(?!\d|,\d)|(?=\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year(?![\w'’])))?(?!\w)",
        "season": rf"(?<!\w)(?:(?P<pm>{pm})[\s-]+)?(?:(?P<rel>{rel}|the|that)\s+)?(?P<s>{seasons})"
        rf"(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?(?!\w)",
        "year": rf"(?<![\w$£€.,/-])(?:(?P<pm>{pm})[\s-]+)?(?:(?P<fy>fiscal|calendar|the\s+year|fy)\s*)?"
        rf"(?P<y>{_YEAR})(?![\w%-])(?!,\d)(?!\.\d)",
        # "the 1990s", "the late '80s", "the 70s and 80s", "the nineties" (the twentieth century's when unnumbered)
        "decade": r"(?<!\w)(?:the\s+)?(?:(?P<pm>early|late|mid)[\s-]+)?(?:(?P<dec>(?:1[6-9]|20)\d)0'?s|['’]?"
        r"(?P<dec2>[2-9])0['’]?s|(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"
        r"(?![\w'’])",
        "century": rf"(?<!\w)(?:the\s+)?(?:(?P<pm>early|late|mid)[\s-]+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ordw})"
        r"[\s-]+century(?!\w)",
        "relday": rf"(?<!\w)(?:(?P<pm>early|late)\s+)?(?P<w>(?:the\s+)?day\s+before\s+yesterday|"
        r"(?:the\s+)?day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight|"
        # "arrested overnight", "overnight losses" (the night before the report); no rate, stay or curfew of a night
        r"(?<![Aa]n\s)(?<![Tt]he\s)(?<!\bA\s)(?<!\ba\s)overnight(?![\w-])(?!\s+(?:rates?|interbank|lending|"
        r"borrowing|repos?|index|deposits?|loans?|money|markets?|curfews?|stays?|flights?|trains?|bus|trips?|bags?|"
        r"shifts?|success|sensation|parking|camps?|oats|delivery|deliveries|shipping|guests?|visits?)\b))"
        rf"(?:\s+(?P<pod>{pods}))?(?!\w)",
        "pod": rf"(?<!\w)(?P<rel>this|last)\s+(?P<pod>{pods})(?!\w)",
        "weekday": rf"(?<!\w)(?:(?P<pm>early|late)\s+)?(?:(?P<rel>{rel})\s+)?(?P<wd>{wd})(?!\w)"
        rf"(?:\s+(?P<pod>{pods}))?",
        "relunit": rf"(?<!\w)(?:(?P<pm>{pm})\s+)?(?P<rel>{rel}|current|that|the(?:\s+(?:past|last|previous|next|coming"
        r"|current|following|preceding|same|latest|prior))?)\s+(?P<unit>week|month|year|weekend|decade|century"
        r"|fiscal\s+year|day)(?!\w)",
        # "in the year", "for the week"; "to end the day", "for the day" (market reports: the trading day);
        # "for the year ended Sept. 30" (a fiscal span, see `_resolve`)
        "inthe": r"(?<!\w)(?:(?P<el>earlier|later)\s+)?(?P<prep>in|during|throughout|for|(?P<vb>end(?:s|ed|ing)?"
        r"|finish(?:es|ed|ing)?|clos(?:e|es|ed|ing)|start(?:s|ed|ing)?))\s+(?P<span>the\s+"
        r"(?P<unit>week|month|year|day))(?!\w)",
        "narr": rf"(?<!\w)(?P<w>the\s+(?:next|following|previous|preceding|same)\s+(?P<u1>day|{pods})|that\s+"
        rf"(?:same\s+)?(?P<u2>day|{pods})|the\s+day\s+(?P<ba>before|after)|(?P<el>earlier|later)\s+(?:that|the\s+same)"
        rf"\s+(?P<u3>day|{pods}|week|month|year)|the\s+night\s+before)(?!\w)",
        "ago": rf"(?<!\w)(?:(?P<mod>{smods})\s+)?(?:(?P<n>{num}|{vnum})[\s-]+)?(?P<unit>{units})(?P<pl>s)?\s+"
        r"(?P<dir>ago|earlier|later|before|after|from\s+now|hence|previously|prior|since)(?!\w)",
        "dur": rf"(?<!\w)(?:(?P<pre>the\s+(?:past|last|next|coming|first|previous|following|final|"
        r"remaining|ensuing|initial|latest|preceding|same|full|entire|whole|last\s+few|past\s+few|next\s+few)"
        r"|past|last|next|first|previous|following|another|the)\s+)?"
        rf"(?:(?P<mod>{smods})\s+)?(?P<n>{num}|{vnum})(?P<half>\s+and\s+a\s+half)?(?:\s+(?:more|additional|straight"
        rf"|consecutive|full|long|successive))?[\s-]+(?P<unit>{units})(?P<pl>s)?(?!\w)(?P<half2>\s+and\s+a\s+half"
        r"(?!\w))?(?P<old>[\s-]+old)?",
        "vague": r"(?<!\w)(?:(?P<pre>(?:the\s+)?(?:past|last|next|coming|previous|following|recent|ensuing|"
        r"intervening)(?:\s+(?:few|several|couple\s+of))?)\s+)?(?P<unit>seconds|minutes|hours|days|weeks|months"
        r"|years|decades|centuries)(?!\w)",
        "ref": rf"(?<![\w-])(?P<w>{_alt(lx['refs'])})(?![\w-])",
        "set": rf"(?<!\w)(?:(?:every|each)\s+(?:other\s+)?(?:(?P<en>{num})\s+)?(?P<u>{units}|weekend|{wd}|{pods}"
        rf"|{seasons})s?|(?P<adv>{_alt(lx['sets'])})|(?P<freq>once|twice|\w+\s+times)\s+(?:a|an|per|every|each)\s+"
        rf"(?P<u2>{units})|(?P<wds>{wd})s)(?!\w)",
        "time": r"(?<![\w:.])(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]\.m|[ap]m)"
        rf"(?:\s*(?P<tz1>{zones}|local\s+time)(?![\w:]))?"
        rf"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?:\s*(?P<tz>{zones}|local\s+time"
        r"|hrs|h))?|(?P<h3>[01]?\d|2[0-3])\s*(?P<oc>o'clock)|(?P<nm>noon|midday|midnight)"
        rf"|(?P<h4>[01]\d|2[0-3])(?P<mi4>[0-5]\d)\s*(?:(?P<mil>hrs|hours)(?:\s*(?P<tz2>{zones}))?|(?P<tz4>(?-i:UTC|GMT)))"
        r"|(?P<h5>1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:o'clock\s+)?in\s+the"
        r"\s+(?P<pod5>morning|afternoon|evening))(?![\w:])",
        # "by mid-afternoon", "in midmorning trading"
        "midpod": r"(?<!\w)mid[\s-]?(?P<pod>morning|afternoon)(?:\s+(?P<rd>yesterday|today|tomorrow))?(?!\w)",
        # "in nineteen ninety-six" (broadcast transcripts spell the year out)
        "spokenyear": r"(?<![\w-])(?P<ty>the\s+year\s+)?(?:(?P<k>two\s+thousand)(?:\s+(?:and\s+)?(?P<t2>one|two"
        r"|three|four|five|six|seven|eight|nine|ten))?|nineteen\s+(?P<t>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen"
        r"|sixteen|seventeen|eighteen|nineteen))(?![\w-])(?!\s+(?:hundred|thousand|million|percent|per|years?|people"
        r"|of)\b)",
        "holiday": rf"(?<!\w)(?P<h>{_alt(lx['holidays'])})(?:\s+(?P<y>{_YEAR}))?(?!\w)",
        # "by year-end", "before the year's end", "ahead of the new year" (see `_year_turn`)
        "yearturn": r"(?<![\w-])(?P<w>(?:the\s+)?year[\s-]end|the\s+year['’]s\s+end|the\s+new\s+year)(?![\w'’-])",
    }
    return [(k, re.compile(v, re.I)) for k, v in rules.items()]


_FUTURE = re.compile(
    r"\b(?:will|won't|shall|going\s+to|plans?\s+to|planned\s+to|is\s+to|are\s+to|due\s+to|scheduled\s+(?:to|for)"
    r"|set\s+(?:to|for)|expected\s+to|intends?\s+to|aims?\s+to|would|upcoming|next)\b|'ll\b",
    re.I,
)
_PAST_WORDS = r"was|were|had|did|said|told|ago|last|\w{3,}ed"
_SOON = re.compile(
    r"\b(?:scheduled|planned|as\s+(?:soon|early)\s+as|set\s+for|due)\W+(?:\w+\W+)?(?:on\s+)?$", re.I
)
_SENT_END = re.compile(r"[.!?]\s|\n")
_PREV_WORD = re.compile(r"([\w']+)[^\w]*$")
_ABS_KINDS = {
    "iso",
    "numdate",
    "mdy",
    "dmy",
    "month",
    "year",
    "decade",
    "century",
    "qcode",
    "holiday",
    "spokenyear",
}


# words after which a bare "May" or "March" is the month ("in May", "since March"), not a verb or a name
_BEFORE_A_MONTH = frozenset(
    "in since until till by of from during before after through between and to mid early late last next".split()
)
# ...and after which "May 2" is a date ("began on May 2", "the May 2 attack"), not "Theresa May 2 …"
_BEFORE_A_DATE = _BEFORE_A_MONTH - {"in"} | {"on", "the"}


# words before and after "the 14th" when it is a day of the month ("arrested on the 14th, according to ...")
_BEFORE_A_DAY = frozenset(
    {"on", "by", "since", "until", "till", "from", "before", "after", "and", "to", "between"}
)
# "the night of", "the early hours of", "the morning of" right before "the 14th"
_PART_OF_A_DAY = re.compile(
    r"(?<!\w)the\s+(?:(?:early|late|small)\s+)?(?:night|morning|afternoon|evening|hours|daytime)\s+of\s+$",
    re.I,
)
_AFTER_A_DAY = frozenset(
    "in at of and or to when as after before near outside inside with for according but while under against that "
    "this the a an during amid following ahead until till".split()
)


# prepositions after which "2300 hrs" is a clock reading
_CLOCK_PREPS = frozenset(
    {"at", "by", "around", "about", "from", "until", "till", "before", "after", "since", "to"}
)


def _prev_word(text: str, pos: int) -> str:
    m = _PREV_WORD.search(text[max(0, pos - 30) : pos])
    return m.group(1).lower() if m else ""


def _num(s: str | None) -> float | None:
    """Number from digits or words; None for vague quantities."""
    if s is None:
        return 1.0
    k = _key(s)
    try:
        return float(k)
    except ValueError:
        pass
    if h := re.fullmatch(r"(\d+)\s*(?:1/2|½)", k):  # "2 1/2 years"
        return float(h.group(1)) + 0.5
    nums = _lex()["numbers"]
    if k in nums:
        return float(nums[k])
    if "-" in k:
        a, _, b = k.partition("-")
        if a in nums and b in nums:
            return float(nums[a] + nums[b])
    return None


def _valid(kind: str, m: re.Match[str], text: str) -> dict[str, Any] | None:
    """Check a raw match in context; returns the group dict (possibly amended) or None to reject."""
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    s = m.group(0)
    lx = _lex()
    if kind in ("month", "mdy", "dmy"):
        mk = _key(g["mon"])
        if not g["mon"][0].isupper():
            return None
        if kind == "month" and not (g.get("y") or g.get("pm") or g.get("rel")):
            if mk in lx["ambiguous_months"]:
                if mk in ("may", "march"):
                    if _prev_word(text, m.start()) not in _BEFORE_A_MONTH:
                        return None
                elif not g["mon"].endswith("."):
                    return None
        if (
            kind == "mdy"
            and mk == "may"
            and not g.get("y")
            and not g.get("wd")
            and len(g["d"]) == 1
            and _prev_word(text, m.start()) not in _BEFORE_A_DATE
        ):
            return None  # "Theresa May 2 …"; but "began on May 2", "the May 2 attack" are dates
        if kind == "dmy" and not g.get("y") and not g.get("wd") and not s.lower().startswith("the"):
            if int(g["d"]) > 31:
                return None
    if kind == "numdate":
        a, b = int(g["a"]), int(g["b"])
        if g["sep"] in ".-" and len(g["y"]) == 2:
            return None
        mth, day = (a, b) if g["sep"] == "/" and a <= 12 else (b, a)
        # "22-11-2026" (South Asian papers) is day first; "11-22-2026" can only be month first
        if g["sep"] == "-" and b > 12 >= a:
            mth, day = a, b
        if not (1 <= mth <= 12 and 1 <= day <= 31):
            return None
        g["m"], g["d"] = mth, day
    if (
        kind == "year"
        and not (g.get("pm") or g.get("fy"))
        and _prev_word(text, m.start()) not in lx["year_prepositions"]
    ):
        after = text[m.end() : m.end() + 16]
        if re.match(r"\s+(?:[a-z]+s|people|men|women|children|police|staff|personnel|percent|per)\b", after):
            if not re.match(r"\s+(?:was|is|has|as|saw|marks|levels|figures|results|elections?)\b", after):
                return None
        if re.match(r"\s*(?:m|km|kg|ft|feet|metres|meters|miles|tonnes|tons)\b", after, re.I):
            return None
        if text[max(0, m.start() - 4) : m.start()].lower().rstrip().endswith(("no.", "#")):
            return None
    if kind == "season":
        has_ctx = g.get("rel") or g.get("y") or g.get("pm")
        if _key(g["s"]) == "fall" and not (has_ctx and g.get("rel") != "the") and not g.get("y"):
            if not (g.get("rel") and g["rel"].lower() != "the"):
                return None
        if g.get("rel", "").lower() == "the" and re.match(r"\s+of\b", text[m.end() :]) and not g.get("y"):
            return None
        if not has_ctx and _prev_word(text, m.start()) not in {
            "in",
            "during",
            "by",
            "since",
            "until",
            "through",
            "over",
            "this",
            "last",
            "next",
        }:
            return None
        if g["s"][0].isupper() and not has_ctx and m.start() > 0 and text[m.start() - 2 : m.start()] != ". ":
            return None
    if kind == "relunit":
        r = _key(g["rel"])
        u = _key(g["unit"])
        if r == "the" and not g.get("pm") and u != "weekend":
            return None
        if u == "day" and r not in {
            "the next",
            "the following",
            "the previous",
            "the preceding",
            "the same",
            "that",
            "the prior",
        }:
            return None
    if kind == "ordday" and not g.get("rel"):
        # "on the 14th", "by the 3rd": a day of the month only after a preposition of time and before no noun
        # ("the 14th floor", "the 3rd Battalion", "on the 2nd day"); "the night of the 14th", "in the early hours
        # of the 3rd": a part of that day names it too
        if _prev_word(text, m.start()) not in _BEFORE_A_DAY and not _PART_OF_A_DAY.search(
            text, max(0, m.start() - 40), m.start()
        ):
            return None
        after = re.match(r"\s*([\w']+)?", text[m.end() : m.end() + 20])
        nxt = (after.group(1) or "").lower() if after else ""
        if nxt and nxt not in _AFTER_A_DAY:
            return None
        if not 1 <= int(g["d"]) <= 31:
            return None
    if kind == "quarter2":
        if _key(g["rel"]) == "the" and re.match(r"\s+of\b", text[m.end() :]):
            return None
    if kind == "qcode" and not s[0].isupper():
        return None
    if kind == "weekday" and not g["wd"][0].isupper():
        return None
    if kind == "holiday" and not g["h"][0].isupper():
        return None
    if kind in ("dur", "ago"):
        n = g.get("n")
        unit = _key(g["unit"])
        if (
            kind == "dur"
            and n
            and re.fullmatch(r"(?:[01]\d|2[0-3])[0-5]\d", n)
            and unit in ("hrs", "hr", "hours", "hour")
            and _prev_word(text, m.start()) in _CLOCK_PREPS
        ):
            return None  # "at 2300 hrs": the clock reading, not a span of 2,300 hours
        if kind == "dur" and g.get("old"):
            return None
        if kind == "dur" and re.match(r"-old\b", text[m.end() : m.end() + 5]):
            return None
        if n and _key(n) in ("a", "an", "one") and unit in ("second", "sec", "min"):
            return None
        if unit == "quarter" and (
            kind == "ago"
            or (n and re.fullmatch(_YEAR, n))
            or not (g.get("pl") or g.get("pre"))
            or "-" in s[: s.lower().rfind("quarter")][-2:]
            or re.match(
                r"[\s-]+(?:mile|point|inch|pound|hour|century|final)\b", text[m.end() : m.end() + 10], re.I
            )
            or (
                re.match(r"\s+of\b", text[m.end() : m.end() + 4])
                and (not n or _key(n) not in _lex()["vague_numbers"])
                and not g.get("pre")
                and not re.search(r"\b(?:consecutive|straight|successive)\b", s, re.I)
            )
        ):
            return None  # "three quarters of the vote", "a quarter-point cut": a fraction, not a span of quarters
        if n is None and not g.get("pl"):
            return None
        # "hours later", "hours after the vote", "minutes before the blast": the same day as the text's last (see
        # _ago); "days later" says no day
        hours_off = (
            kind == "ago"
            and unit in ("hour", "hr", "minute", "min")
            and _key(g["dir"]) in ("later", "earlier", "after", "before")
        )
        if kind == "ago" and n is None and _key(g["dir"]) not in ("ago", "from now", "hence"):
            if not hours_off:
                return None
        if (
            kind == "ago"
            and not (n is None and hours_off)
            and _key(g["dir"]) in ("before", "after", "since")
            or (kind == "ago" and re.match(r"\s+than\b", text[m.end() : m.end() + 6]))
        ):
            return None  # "eight years after the invasion": the duration alone is the timex
        if kind == "dur":
            prev = text[max(0, m.start() - 14) : m.start()].lower()
            if (
                n
                and _key(n) in ("a", "an", "one", "per")
                and not g.get("pre")
                and not g.get("mod")
                and re.search(
                    r"(?:\d|million|billion|dollars|pounds|euros|percent|%|times|once|twice|cents?)\s*$", prev
                )
            ):
                g["_set"] = True
            if n and _key(n) in ("some", "many", "few", "several") and re.match(r"\s*\d", text[m.end() :]):
                return None
    if kind == "vague" and not g.get("pre"):
        if _prev_word(text, m.start()) not in {
            "within",
            "for",
            "in",
            "over",
            "after",
            "and",
            "or",
            "take",
            "takes",
            "took",
            "taken",
            "lasted",
            "lasting",
            "spent",
            "spend",
            "than",
        }:
            return None
    if kind in ("dur", "relunit", "ago") and re.match(
        r"-(?:earlier|ago)(?![\w-])", text[m.end() : m.end() + 9], re.I
    ):
        return None  # "a year-earlier loss", "the year-ago period": the adjective is read whole ("yago")
    if kind == "ref":
        w = _key(g["w"])
        if w == "soon" and _prev_word(text, m.start()) in ("as", "how", "too"):
            return None
    if kind == "time" and g.get("h5") and _prev_word(text, m.start()) not in _CLOCK_PREPS:
        return None  # "at 4 in the morning"; but "won 3 in the afternoon session"
    if kind == "time" and g.get("h4"):  # "at 2300 hrs": a clock time only after a preposition of time
        if _prev_word(text, m.start()) not in _CLOCK_PREPS:
            return None
    if kind == "time" and g.get("h2") and not g.get("tz"):
        before = text[max(0, m.start() - 12) : m.start()].lower()
        if not re.search(r"(?:at|by|from|until|after|before|since|around|about|to)\s*$", before):
            return None
    if kind == "spokenyear" and g.get("k") and not (g.get("ty") or g.get("t2")):
        # "two thousand" alone is a number ("two thousand troops"); "the year two thousand" a year
        return None
    if kind == "decade" and not g.get("dec"):
        words = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")
        bare = g.get("dec2") and not re.match(r"['’]", s[s.find(g["dec2"]) - 1 : s.find(g["dec2"])] or "x")
        if (g.get("dw") or bare) and not s.lower().startswith("the"):
            # "in their seventies", "a man in his 80s": an age; but "the 70s and 80s": the second decade too
            if not re.search(r"\d0['’]?s\s+(?:and|or|to)\s+$", text[max(0, m.start() - 12) : m.start()]):
                return None
        if re.search(
            r"(?:temperature|degree|high|low|reading)s?\b[^.]{0,30}$",
            text[max(0, m.start() - 40) : m.start()],
            re.I,
        ):
            return None  # "highs in the 70s"
        g["dec"] = "19" + (g["dec2"] if g.get("dec2") else str(words.index(_key(g["dw"])) + 2))
    if kind == "inthe":
        unit, prep = _key(g["unit"]), _key(g["prep"])
        if g.get("vb") and unit != "day":
            return None  # "ended the year higher": only the trading day is put so
        if prep == "for" and unit in ("week", "month", "day") and not g.get("el"):
            # "for the week" is a span only when it is the reporting period ("For the week, the index fell")
            if not re.match(r"\s*,", text[m.end() : m.end() + 2]) and m.start() > 0:
                if not re.search(r"(?:^|[.!?]\s+|\n)$", text[max(0, m.start() - 3) : m.start()]):
                    if unit != "day" or not re.search(
                        r"(?:up|down|higher|lower|closed|gained|lost|fell|rose|ended)\s+$",
                        text[max(0, m.start() - 12) : m.start()],
                    ):
                        return None
        if prep == "for" and unit == "year" and not g.get("el"):
            # "for the year ended Sept. 30", "for the year, profit rose", "a high for the year"
            if not re.match(r"\s*(?:,|ended\b|ending\b|of\s+\$|\.)", text[m.end() : m.end() + 12]):
                return None
    if kind == "set" and g.get("adv") and _key(g["adv"]) == "quarterly":
        # "its quarterly dividend", "the quarterly results", "an initial quarterly": the adjective (or the
        # dividend itself) names no recurring time; "adjusted quarterly", "paid quarterly" do
        if _prev_word(text, m.start()) in {
            "a",
            "an",
            "the",
            "its",
            "their",
            "his",
            "her",
            "our",
            "first",
            "initial",
            "regular",
            "latest",
            "and",
            "usual",
        } or re.match(
            r"\s+(?:cash\s+)?(?:dividends?|results?|loss(?:es)?|profits?|earnings|reports?|payouts?|payments?"
            r"|rate|net|figures|revenue|sales)\b",
            text[m.end() : m.end() + 20],
        ):
            return None
    if kind == "yearturn" and "new" in g["w"].lower() and _prev_word(text, m.start()) not in _YEAR_TURN_PREV:
        return None  # "celebrated the new year", "the new year brought ...": no date an event is put on

    return g


def _candidates(text: str) -> list[_Cand]:
    out: list[_Cand] = []
    for prio, (kind, rx) in enumerate(_grammar()):
        for m in rx.finditer(text):
            g = _valid(kind, m, text)
            if g is None:
                continue
            start, end = m.span()
            if (
                kind == "dur"
                and g.get("pre", "").lower() == "the"
                and "-" in text[m.start("n") : m.start("unit")]
            ):
                start = m.start("n")
            if kind == "inthe":
                start, end = (m.start(), m.end()) if g.get("el") else m.span("span")
            out.append(_Cand(start, end, kind, g, prio))
    out.sort(key=lambda c: (c.start, -(c.end - c.start), c.prio))
    chosen: list[_Cand] = []
    last_end = -1
    for c in out:
        if c.start >= last_end:
            chosen.append(c)
            last_end = c.end
    return _merge_times(text, chosen)


# expressions of a day, which a clock time joins ("Saturday at 3 p.m.") and "for"/"by" read as plans and deadlines
_DAYLIKE = {"weekday", "mdy", "dmy", "iso", "relday", "numdate", "holiday", "ordday"}


def _merge_times(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Join "Saturday at 3 p.m." / "15:00 GMT Saturday" into one TIME."""
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        if i + 1 < len(cands):
            d = cands[i + 1]
            gap = text[c.end : d.start]
            kinds = (c.kind, d.kind)
            if re.fullmatch(r"\s*(?:,|on|at|,\s*at|,\s*on)?\s*", gap, re.I) and (
                (kinds[0] == "time" and kinds[1] in _DAYLIKE) or (kinds[1] == "time" and kinds[0] in _DAYLIKE)
            ):
                date_c, time_c = (d, c) if c.kind == "time" else (c, d)
                out.append(_Cand(c.start, d.end, "datetime", date_c.g, 0, {"date": date_c, "time": time_c}))
                i += 2
                continue
        out.append(c)
        i += 1
    return out


# --------------------------------------------------------------------------- tense


def _tense_heuristic(text: str, start: int, end: int) -> str:
    lo = max(0, start - 250)
    seg = text[lo:start]
    ends = list(_SENT_END.finditer(seg))
    s0 = lo + ends[-1].end() if ends else lo
    m = _SENT_END.search(text, end, min(len(text), end + 250))
    s1 = m.start() + 1 if m else min(len(text), end + 250)
    best: tuple[int, str] | None = None
    fut_spans = []
    for f in _FUTURE.finditer(text, s0, s1):
        fut_spans.append(f.span())
        dist = min(abs(f.start() - end), abs(f.end() - start))
        if best is None or dist < best[0]:
            best = (dist, "future")
    for p in _past_rx().finditer(text, s0, s1):
        if any(a <= p.start() < b for a, b in fut_spans) or start <= p.start() < end:
            continue
        if re.search(r"\b(?:be|being)\s+$", text[max(0, p.start() - 7) : p.start()], re.I):
            continue  # "will be held": a participle, not a past tense
        dist = min(abs(p.start() - end), abs(p.end() - start))
        if best is None or dist < best[0]:
            best = (dist, "past")
    return best[1] if best else "present"


@lru_cache(maxsize=1)
def _past_rx() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_PAST_WORDS}|{_alt(_lex()['irregular_past'])})\b", re.I)


_FUT_HEADS = {
    "plan",
    "expect",
    "schedule",
    "set",
    "due",
    "intend",
    "aim",
    "hope",
    "want",
    "vow",
    "pledge",
    "promise",
    "prepare",
    "agree",
    "decide",
    "threaten",
    "propose",
    "seek",
    "try",
    "need",
}


# verbs whose object noun names an event still to come ("threatened strikes in October", "planned a march on
# Friday"): a time attached to that noun is read forward, whatever the verb's own tense
_PLAN_VERBS = frozenset({"threaten", "plan", "schedule", "propose", "promise", "vow", "pledge"})


_NEW_THING = frozenset(
    {"a", "an", "another", "new", "further", "fresh", "more", "renewed", "wider", "general"}
)


def _planned_object(tok: Any) -> bool:
    return tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _PLAN_VERBS


def _planned_after_object(verb: Any, span: Any) -> bool:
    """ "threatened a general strike in October", "vowed new attacks in November": a time phrase on a plan verb,
    after an object that names something new (indefinite, or "new/further ..."), times that thing, not the vow."""
    if verb.lemma_.lower() not in _PLAN_VERBS:
        return False
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < span.start):
        if any(m.dep_ in ("det", "amod") and m.lower_ in _NEW_THING for m in obj.children):
            return True
    return False


def _reporting_head(verb: Any, span: Any) -> Any:
    """ "said on Friday it would not extend ...": a time phrase between a verb and the subject (or "that") of the
    clause it reports belongs to that verb, though the parser often hangs it on the reported clause."""
    if verb.dep_ != "ccomp" or verb.head.pos_ not in ("VERB", "AUX") or not verb.head.i < span.start:
        return verb
    opener = [c.left_edge.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "mark")]
    if not opener or span.end > min(opener):
        return verb
    return verb.head


def _tense_doc(doc: Any, text: str, start: int, end: int) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return _tense_heuristic(text, start, end)
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT":
            break
        if tok.i != span.root.i and _planned_object(tok):
            return "future"  # "threatened further strikes in October": the time of what is threatened
        tok = tok.head
    tok = _reporting_head(tok, span)
    if _planned_after_object(tok, span):
        return "future"
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    for _ in range(3):
        # "went further, warning on Sunday that ...": a participle clause without auxiliaries takes the tense of
        # the verb it hangs on (not of a "would" in the clause it introduces)
        if aux or tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "xcomp", "conj", "acl"):
            break
        if not (tok.head.pos_ in ("VERB", "AUX") and tok.head.i != tok.i):
            break
        tok = tok.head
        aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if words & {"will", "'ll", "shall", "wo", "would", "'d"}:
        return "future"
    if words & {"must", "should"} and tok.tag_ == "VB":
        return "future"  # "must withdraw by Friday", "should vote on Tuesday"
    if (
        tok.tag_ == "VB"
        and "to" in words
        and (tok.head.lemma_ in _FUT_HEADS or tok.head.lower_ in ("going",))
    ):
        return "future"
    if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return "past"
    if tok.tag_ == "VBN" and words & {"has", "have", "had"}:
        return "past"
    if (
        tok.tag_ in ("VBZ", "VBP")
        and not aux
        and tok.lemma_.lower() not in _NOT_SCHEDULE
        and span.root.i > tok.i
    ):
        return "future"  # "the council meets on Tuesday": a present-tense event with a day is a schedule
    return _tense_heuristic(text, start, end)


# present-tense verbs that report, state or hold rather than schedule ("says on Friday", "is on Friday")
_NOT_SCHEDULE = frozenset(
    {"say", "tell", "report", "announce", "claim", "state", "add", "confirm", "deny", "accuse", "warn", "be",
     "have", "do", "remain", "mark", "come", "follow", "insist", "believe", "think", "know", "want", "hope"}
)  # fmt: skip


# --------------------------------------------------------------------------- calendar helpers


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _week(d: dt.date) -> str:
    iy, iw, _ = d.isocalendar()
    return f"{iy}-W{iw:02d}"


def _interval(value: str) -> tuple[str, str] | None:
    """ISO first and last day a DATE value covers."""
    try:
        m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", value)
        if m:
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d.isoformat(), d.isoformat()
        m = re.fullmatch(r"(\d{4})-(\d\d)", value)
        if m:
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1).isoformat(), dt.date(y, mo, calendar.monthrange(y, mo)[1]).isoformat()
        m = re.fullmatch(r"(\d{4})", value)
        if m:
            return f"{m[1]}-01-01", f"{m[1]}-12-31"
        m = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value)
        if m:
            mon = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return (mon + dt.timedelta(5)).isoformat(), (mon + dt.timedelta(6)).isoformat()
            return mon.isoformat(), (mon + dt.timedelta(6)).isoformat()
        m = re.fullmatch(r"(\d{4})-([QH])(\d)", value)
        if m:
            y, n = int(m[1]), int(m[3])
            length = 3 if m[2] == "Q" else 6
            first = dt.date(y, (n - 1) * length + 1, 1)
            last = _add_months(first, length - 1)
            return first.isoformat(), last.replace(
                day=calendar.monthrange(last.year, last.month)[1]
            ).isoformat()
        m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
        if m:  # meteorological seasons, northern hemisphere
            first = dt.date(int(m[1]), _SEASON_START[m[2]], 1)
            last = _add_months(first, 2)
            return first.isoformat(), last.replace(
                day=calendar.monthrange(last.year, last.month)[1]
            ).isoformat()
        m = re.fullmatch(r"(\d{3})", value)
        if m:
            return f"{m[1]}0-01-01", f"{m[1]}9-12-31"
        m = re.fullmatch(r"(\d{2})", value)
        if m:
            return f"{m[1]}00-01-01", f"{m[1]}99-12-31"
    except ValueError:
        return None
    return None


def _weekday_date(anchor: dt.date, wd: int, rel: str | None, tense: str) -> dt.date:
    diff = wd - anchor.isoweekday()
    back = anchor + dt.timedelta(diff if diff <= 0 else diff - 7)  # on or before the anchor
    fwd = anchor + dt.timedelta(diff if diff >= 0 else diff + 7)  # on or after
    r = _key(rel) if rel else ""
    if r in ("last", "past", "this past", "previous"):
        return back if back != anchor else anchor - dt.timedelta(7)
    if r in ("next", "coming", "this coming"):
        return fwd if fwd != anchor else anchor + dt.timedelta(7)
    if r == "this":
        return anchor + dt.timedelta(diff)
    if tense == "future":
        return fwd
    return back  # past tense, and news-style present ("said Friday", "Friday's ruling")


# how far ahead of the anchor a deadline without a year in a past-tense sentence is still read in the anchor's year
_SOON_DAYS = 60


_CLOCK_BEFORE = re.compile(
    r"(?:[01]?\d(?:[:.][0-5]\d)?\s*[ap]\.?m\.?|noon|midnight)\s*(?:[A-Z]{2,4}\b)?,?\s*$", re.I
)


def _deadline_word(text: str, start: int) -> bool:
    """ "by", "until", "payable" ... right before (a clock time and) the date: "until 5 p.m. EST Nov. 9"."""
    m = _CLOCK_BEFORE.search(text, max(0, start - 25), start)
    return _prev_word(text, m.start() if m else start) in _lex()["deadline_words"]


def _year_for(anchor: dt.date, month: int, day: int | None, tense: str, deadline: bool = False) -> int:
    """Year of a month (and day) given without one, from the anchor and tense (`deadline`: after "by", "until",
    "to", "payable" ...)."""
    y = anchor.year
    target = (month, day or (1 if tense == "future" else 31))
    now = (anchor.month, anchor.day)
    if tense == "past" and target > now and (month != anchor.month or day is not None):
        if not deadline:
            return y - 1
        # news names the year of a date outside the current one: a deadline in a past-tense sentence that falls in
        # the coming weeks ("extended the offer to Nov. 20", "payable Dec. 7", "had until mid-December") was set in
        # the past for a day still ahead, not for that day almost a year before
        try:
            ahead = (dt.date(y, month, day or 1) - anchor).days
        except ValueError:
            ahead = _SOON_DAYS + 1
        return y if ahead <= _SOON_DAYS else y - 1
    if tense == "future" and target < now and month != anchor.month:
        return y + 1
    if tense == "present":  # nearest occurrence
        return min((y - 1, y, y + 1), key=lambda yy: (abs((yy - y) * 12 + month - anchor.month), yy != y))
    return y


def _season_year(anchor: dt.date, code: str, offset: int | None, tense: str) -> int:
    cur_year = anchor.year - 1 if anchor.month < 3 else anchor.year
    cur_code = {12: "WI", 1: "WI", 2: "WI"}.get(anchor.month) or ("SP", "SU", "FA")[(anchor.month - 3) // 3]
    order = ["SP", "SU", "FA", "WI"]
    ci, ti = order.index(cur_code), order.index(code)
    if offset == 0 or (offset is None and ti == ci):
        return cur_year
    if offset == -1 or (offset is None and tense == "past"):
        return cur_year if ti < ci else cur_year - 1
    if offset == 1 or tense == "future":
        return cur_year if ti > ci else cur_year + 1
    return cur_year if ti <= ci else cur_year - 1


def _unit_value(d: dt.date, unit: str) -> str:
    if unit == "week":
        return _week(d)
    if unit == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "weekend":
        return _week(d) + "-WE"
    if unit == "decade":
        return f"{d.year // 10:03d}"
    if unit == "century":
        return f"{d.year // 100:02d}"
    if unit == "quarter":
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    if unit == "day":
        return d.isoformat()
    return f"{d.year:04d}"


def _shift(d: dt.date, unit: str, n: int) -> dt.date:
    if unit in ("week", "weekend", "W"):
        return d + dt.timedelta(7 * n)
    if unit in ("month", "M"):
        return _add_months(d, n)
    if unit in ("quarter",):
        return _add_months(d, 3 * n)
    if unit in ("year", "Y", "fiscal year"):
        return _add_months(d, 12 * n)
    if unit in ("decade", "DE"):
        return _add_months(d, 120 * n)
    if unit in ("century", "CE"):
        return _add_months(d, 1200 * n)
    if unit == "FN":
        return d + dt.timedelta(14 * n)
    return d + dt.timedelta(n)


_GRAN = {
    "S": "day",
    "MIN": "day",
    "H": "day",
    "D": "day",
    "W": "week",
    "FN": "week",
    "M": "month",
    "Y": "year",
    "DE": "year",
    "CE": "year",
}


def _duration(n: float | None, unit: str) -> str:
    if n is not None and n > 1 and n * 2 == int(n * 2) and n != int(n) and unit in ("Y", "H", "MIN"):
        # "2 1/2 years" P2Y6M, "five and a half hours" PT5H30M (TimeML writes the remainder in the next unit)
        whole = int(n)
        return {"Y": f"P{whole}Y6M", "H": f"PT{whole}H30M", "MIN": f"PT{whole}M30S"}[unit]
    if n is not None and n != int(n):
        smaller = {"Y": (12, "M"), "M": (4, "W"), "D": (24, "H"), "H": (60, "MIN"), "W": (7, "D")}
        if unit in smaller:
            f, unit = smaller[unit]
            n = n * f
    q = "X" if n is None else str(int(n)) if n == int(n) else str(n)
    if unit in ("S", "MIN", "H"):
        return f"PT{q}{_UNIT_ISO[unit]}"
    if unit == "FN":
        return f"P{'X' if n is None else int(n * 2)}W"
    if unit == "DE":
        return "PXDE" if n is None else f"P{int(n * 10)}Y"
    if unit == "CE":
        return "PXCE" if n is None else f"P{int(n * 100)}Y"
    return f"P{q}{unit}"


# --------------------------------------------------------------------------- resolution


# "until" (after a clock time of the same day, if any) right before a day
_UNTIL = re.compile(
    r"\b(?:until|till)\s+(?:(?:[01]?\d(?:[:.][0-5]\d)?\s*[ap]\.?m\.?|noon|midnight)\s*(?:[A-Z]{2,4}\s+)?)?$",
    re.I,
)


@lru_cache(maxsize=1)
def _deadline_verbs() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alt(_lex()['deadline_verbs'])})\b", re.I)


def _until_deadline(text: str, start: int) -> bool:
    """ "extended the offer until Friday", "postponed until Tuesday morning": a deadline set, still ahead; not
    "Until Thursday, they had ..." nor "it was not until Tuesday that ..." (no deadline verb before "until")."""
    before = text[max(0, start - 90) : start]
    m = _UNTIL.search(before)
    if not m:
        return False
    clause = re.split(r"[.;!?]\s|\n", before[: m.start()])[-1]
    return bool(_deadline_verbs().search(clause[-60:]))


class _Ctx:
    def __init__(self, text: str, anchor: dt.date | None, doc: Any) -> None:
        self.text = text
        self.anchor = anchor
        self.doc = doc
        self.last_day: dt.date | None = None
        self.last_day_end = -1  # where the expression that set last_day ends
        self.last_year: int | None = None
        self.last_quarter: str | None = None  # the latest "2024-Q3" the text named
        self.day_first: bool | None = None  # how "12/10/2026" reads (None: month first, as before)

    def tense(self, c: _Cand) -> str:
        before = self.text[max(0, c.start - 40) : c.start]
        if _SOON.search(before):
            return "future"
        if re.match(r"'s\b", self.text[c.end : c.end + 3]):
            return "past"  # "Wednesday's ruling": news reports what has happened
        prev = _prev_word(self.text, c.start)
        if prev == "for" and c.kind in _DAYLIKE:
            return "future"  # "called a protest for Friday", "talks set for Monday": the day planned
        if _until_deadline(self.text, c.start) and c.kind in _DAYLIKE:
            # "postponed the vote until Tuesday", "gave them until 9 a.m. Friday": the end ahead
            return "future"
        if prev == "by" and c.kind in _DAYLIKE:
            t = self._tense(c)
            return "past" if t == "past" else "future"  # "must hand over their weapons by Friday": a deadline
        return self._tense(c)

    def ahead_ok(self, c: _Cand) -> bool:
        """Whether a past-tense month or day without a year may still lie in the coming weeks: after a deadline word
        ("extended to Nov. 20", "payable Dec. 7"), or not the time of a plain past verb ("was invited to a ceremony
        on March 12", "is expected in December"; but "held a blockade in March" is last year's March)."""
        if _deadline_word(self.text, c.start):
            return True
        if self.doc is None:
            return False
        try:
            span = self.doc.char_span(c.start, c.end, alignment_mode="expand")
        except Exception:
            return False
        if span is None or len(span) == 0:
            return False
        tok = span.root
        for _ in range(6):
            if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT":
                break
            tok = tok.head
        tok = _reporting_head(tok, span)
        return not (tok.tag_ == "VBD" and not any(k.dep_ in ("aux", "auxpass") for k in tok.children))

    def _tense(self, c: _Cand) -> str:
        if self.doc is not None:
            try:
                return _tense_doc(self.doc, self.text, c.start, c.end)
            except Exception:  # a Doc over different text: fall back to the heuristic
                self.doc = None
        return _tense_heuristic(self.text, c.start, c.end)


_PM_MOD = {"early": "START", "earlier": "START", "late": "END", "later": "END", "mid": "MID"}


def _pm(g: dict[str, Any]) -> str | None:
    p = g.get("pm") or g.get("el")
    if not p:
        return None
    k = _key(p)
    return _lex()["point_mods"].get(k) or _PM_MOD.get(k)


def _resolve(c: _Cand, ctx: _Ctx) -> tuple[str, str, str | None, str] | None:
    """(type, value, mod, anchor_source) for a candidate."""
    g, k, a = c.g, c.kind, ctx.anchor
    lx = _lex()
    if k == "datetime":
        date_c, time_c = c.extra["date"], c.extra["time"]
        r = _resolve(date_c, ctx)
        if r is None:
            return None
        t = _time_part(time_c.g)
        return "TIME", r[1][:10] + t, None, r[3]
    if k in ("iso", "numdate"):
        if (
            k == "numdate"
            and ctx.day_first is not None
            and g["sep"] in "/-"
            and int(g["a"]) <= 12 >= int(g["b"])
        ):
            g = {
                **g,
                "m": int(g["b"] if ctx.day_first else g["a"]),
                "d": int(g["a"] if ctx.day_first else g["b"]),
            }
        y = int(g["y"])
        y = y + (2000 if y < 50 else 1900) if y < 100 else y
        try:
            d = dt.date(y, int(g["m"]), int(g["d"]))
        except ValueError:
            return None
        if g.get("hh"):
            return "TIME", f"{d.isoformat()}T{g['hh']}:{g['mi']}", None, "none"
        return "DATE", d.isoformat(), None, "none"
    if k in ("mdy", "dmy"):
        mo = lx["months"][_key(g["mon"])]
        day = int(g["d"])
        src = "none"
        if g.get("y"):
            y = int(g["y"])
        elif a is not None:
            y, src = _year_for(a, mo, day, ctx.tense(c), ctx.ahead_ok(c)), "published"
            if g.get("wd"):  # the weekday picks the year when it can
                wdn = lx["weekdays"][_key(g["wd"])]
                for cand_y in (y, y - 1, y + 1):
                    try:
                        if dt.date(cand_y, mo, day).isoweekday() == wdn:
                            y = cand_y
                            break
                    except ValueError:
                        continue
        else:
            return "DATE", f"XXXX-{mo:02d}-{day:02d}", None, "none"
        try:
            d = dt.date(y, mo, day)
        except ValueError:
            return None
        return "DATE", d.isoformat(), None, src
    if k == "ordday":
        return _ordinal_day(c, ctx)
    if k == "monthweek":
        return _month_week(c, ctx)
    if k == "month":
        mo = lx["months"][_key(g["mon"])]
        mod = _pm(g)
        if g.get("y"):
            return "DATE", f"{g['y']}-{mo:02d}", mod, "none"
        if a is None:
            return "DATE", f"XXXX-{mo:02d}", mod, "none"
        if g.get("yrel"):  # "in January last year", "October of next year" (the month's span, as MEANTIME)
            return (
                "DATE",
                f"{a.year + {'this': 0, 'last': -1, 'next': 1}[_key(g['yrel'])]}-{mo:02d}",
                mod,
                "published",
            )
        r = _key(g.get("rel") or "")
        if r in ("last", "past", "this past", "previous"):
            y = a.year if mo < a.month else a.year - 1
        elif r in ("next", "coming", "this coming"):
            y = a.year if mo > a.month else a.year + 1
        elif r == "this":
            y = a.year
        else:
            y = _year_for(a, mo, None, ctx.tense(c), ctx.ahead_ok(c))
        return "DATE", f"{y}-{mo:02d}", mod, "published"
    if k == "season":
        code = lx["seasons"][_key(g["s"])]
        mod = _pm(g)
        if g.get("y"):
            return "DATE", f"{g['y']}-{code}", mod, "none"
        if a is None:
            return "DATE", f"XXXX-{code}", mod, "none"
        r = _key(g.get("rel") or "")
        off = {
            "last": -1,
            "past": -1,
            "this past": -1,
            "previous": -1,
            "next": 1,
            "coming": 1,
            "this coming": 1,
            "this": 0,
        }.get(r)
        if r == "that" and ctx.last_year:
            return "DATE", f"{ctx.last_year}-{code}", mod, "text"
        return "DATE", f"{_season_year(a, code, off, ctx.tense(c))}-{code}", mod, "published"
    if k == "year":
        return "DATE", g["y"], _pm(g), "none"
    if k == "yearturn":
        return _year_turn(c, ctx)
    if k == "spokenyear":
        if g.get("k"):
            return "DATE", str(2000 + int(_num(g.get("t2") or "0") or 0)), None, "none"
        return "DATE", str(1900 + int(_num(g["t"].replace(" ", "-")) or 0)), None, "none"
    if k == "decade":
        return "DATE", g["dec"], _pm(g), "none"
    if k == "century":
        o = _key(g["ord"])
        n = lx["ordinals"].get(o) or int(re.sub(r"\D", "", o) or 0)
        return ("DATE", f"{n - 1:02d}", _pm(g), "none") if n else None
    if k == "holiday":
        spec = lx["holidays"][_key(g["h"])]
        src = "none"
        if g.get("y"):
            y = int(g["y"])
        elif a is not None:
            y, src = a.year, "published"
        else:
            return "DATE", "XXXX-" + spec if re.fullmatch(r"\d\d-\d\d", spec) else "XXXX-XX-XX", None, "none"
        if spec.startswith("easter"):
            d = easter(y) + dt.timedelta(int(spec[6:] or 0))
        elif spec == "thanksgiving":
            first = dt.date(y, 11, 1)
            d = first + dt.timedelta((3 - first.weekday()) % 7 + 21)
        elif spec == "election":  # US: the Tuesday after the first Monday of November
            first = dt.date(y, 11, 1)
            d = first + dt.timedelta((0 - first.weekday()) % 7 + 1)
        elif spec.count(":") == 2:
            # "09:1:1": the first Monday of September; "05:-1:1": the last Monday of May
            mo, nth, wdn = (int(x) for x in spec.split(":"))
            if nth > 0:
                first = dt.date(y, mo, 1)
                d = first + dt.timedelta((wdn - 1 - first.weekday()) % 7 + 7 * (nth - 1))
            else:
                last = _add_months(dt.date(y, mo, 1), 1) - dt.timedelta(1)
                d = last - dt.timedelta((last.weekday() - (wdn - 1)) % 7)
        else:
            d = dt.date(y, int(spec[:2]), int(spec[3:]))
        if src == "published" and a is not None:
            t = ctx.tense(c)
            if t == "past" and d > a:
                return _resolve(_Cand(c.start, c.end, k, {**g, "y": str(y - 1)}), ctx)
            if t == "future" and d < a:
                return _resolve(_Cand(c.start, c.end, k, {**g, "y": str(y + 1)}), ctx)
        return "DATE", d.isoformat(), None, src
    if k == "yago":
        if a is None:
            return "DATE", "XXXX", None, "none"
        period = _key(g.get("p") or "")
        if period == "quarter" or _results_context(ctx.text, c.start) or period and ctx.last_quarter:
            return "DATE", _quarter_year_back(ctx, a), None, "published"
        return "DATE", str(a.year - 1), None, "published"
    if k in ("quarter", "quarter2", "qcode"):
        return _quarter(c, ctx)
    if k == "relday":
        w = _key(g["w"]).removeprefix("the ")  # "day before yesterday" without "the" (South Asian English)
        off = {
            "today": 0,
            "tonight": 0,
            "yesterday": -1,
            "tomorrow": 1,
            "day before yesterday": -2,
            "day after tomorrow": 2,
            "overnight": -1,
        }[w]
        if (
            w == "overnight"
            and re.search(  # "will cross the border overnight": the coming night
                r"\b(?:will|shall|is to|are to|plans? to|planned to|set to|expected to|due to)\b[^.!?;]*$",
                ctx.text[max(0, c.start - 120) : c.start],
            )
        ):
            off = 0
        pod = "NI" if w in ("tonight", "overnight") else lx["parts_of_day"].get(_key(g.get("pod") or ""))
        if a is None:
            return (
                ("TIME", "XXXX-XX-XXT" + pod, None, "none") if pod else ("DATE", "XXXX-XX-XX", None, "none")
            )
        d = a + dt.timedelta(off)
        if pod:
            return "TIME", f"{d.isoformat()}T{pod}", None, "published"
        return "DATE", d.isoformat(), _pm(g), "published"
    if k == "midpod":
        pod = lx["parts_of_day"][_key(g["pod"])]
        d = ctx.last_day if ctx.last_day and _sentences_between(ctx, c.start) <= 1 else a
        if g.get("rd") and a is not None:  # "at mid-afternoon yesterday"
            d = a + dt.timedelta({"yesterday": -1, "today": 0, "tomorrow": 1}[_key(g["rd"])])
        return (
            ("TIME", f"{d.isoformat()}T{pod}", None, "published")
            if d
            else ("TIME", "XXXX-XX-XXT" + pod, None, "none")
        )
    if k == "pod":
        pod = lx["parts_of_day"][_key(g["pod"])]
        if a is None:
            return "TIME", "XXXX-XX-XXT" + pod, None, "none"
        d = a - dt.timedelta(1) if _key(g["rel"]) == "last" and pod in ("NI", "EV") else a
        if _key(g["rel"]) == "last" and pod not in ("NI", "EV"):
            d = a - dt.timedelta(1)
        return "TIME", f"{d.isoformat()}T{pod}", None, "published"
    if k == "weekday":
        wdn = lx["weekdays"][_key(g["wd"])]
        pod = lx["parts_of_day"].get(_key(g.get("pod") or ""))
        if a is None:
            v = f"XXXX-WXX-{wdn}"
            return ("TIME", v + "T" + pod, None, "none") if pod else ("DATE", v, None, "none")
        d = _weekday_date(a, wdn, g.get("rel"), ctx.tense(c))
        if pod:
            return "TIME", f"{d.isoformat()}T{pod}", None, "published"
        return "DATE", d.isoformat(), _pm(g), "published"
    if k == "relunit":
        return _relunit(c, ctx)
    if k == "inthe":
        unit = _key(g["unit"])
        if unit == "day" and g.get("el") and ctx.last_day and _sentences_between(ctx, c.start) <= 1:
            # "Troops seized the radio late Tuesday. They detained the premier earlier in the day": that day
            return "DATE", ctx.last_day.isoformat(), None, "text"
        if (
            unit == "day"
            and (g.get("vb") or _key(g["prep"]) == "for")
            and ctx.last_day
            and _sentences_between(ctx, c.start) <= 1
        ):
            # "Stocks fell on Monday ... the Dow fell 250 points to end the day": the trading day last named
            return "DATE", ctx.last_day.isoformat(), None, "text"
        if a is None:
            return (
                "DATE",
                {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX", "day": "XXXX-XX-XX"}[unit],
                None,
                "none",
            )
        if re.match(r"\s+(?:ended|ending)\b", ctx.text[c.end : c.end + 8]) and not g.get("el"):
            return "DURATION", _duration(1, lx["units"][unit]), None, "none"  # "in the year ended June 30"
        return "DATE", _unit_value(a, unit), _pm(g), "published"
    if k == "narr":
        return _narrative(c, ctx)
    if k == "ago":
        return _ago(c, ctx)
    if k == "dur":
        n = _num(g.get("n"))
        if n is not None and (g.get("half") or g.get("half2")):
            n += 0.5
        unit = lx["units"][_key(g["unit"])]
        mod = lx["duration_mods"].get(_key(g.get("mod") or ""))
        if g.get("_set"):
            return "SET", _duration(1, unit), None, "none"
        return "DURATION", _duration(n, unit), mod, "none"
    if k == "vague":
        unit = lx["units"][_key(g["unit"])[:-1].replace("centurie", "century")]
        return "DURATION", _duration(None, unit), None, "none"
    if k == "ref":
        return "DATE", lx["refs"][_key(g["w"])], None, "none"
    if k == "set":
        return "SET", _set_value(g), None, "none"
    if k == "time":
        if a is None:
            return "TIME", "XXXX-XX-XX" + _time_part(g), None, "none"
        return "TIME", a.isoformat() + _time_part(g), None, "published"
    return None


_WEEK_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _month_week(c: _Cand, ctx: _Ctx) -> tuple[str, str, str | None, str] | None:
    """ "the first week of November": the ISO week holding the month's 4th (as ISO week 1 holds 4 January), the
    second the 11th ...; "the last week of October" the one holding the month's fourth-last day."""
    g, a = c.g, ctx.anchor
    mo = _lex()["months"][_key(g["mon"])]
    if g.get("y"):
        y, src = int(g["y"]), "none"
    elif a is not None:
        y, src = _year_for(a, mo, None, ctx.tense(c)), "published"
    else:
        return "DATE", "XXXX-WXX", None, "none"
    n = _WEEK_ORD.get(_key(g["ord"]))
    last = calendar.monthrange(y, mo)[1]
    day = 4 + 7 * (n - 1) if n else last - 3
    return "DATE", _week(dt.date(y, mo, min(day, last))), None, src


def _ordinal_day(c: _Cand, ctx: _Ctx) -> tuple[str, str, str | None, str] | None:
    """ "on the 14th": that day of the anchor's month, or of the month before (a past-tense report of a day
    after the anchor's) or after (a future one of a day before it); "the 28th of last month" says which."""
    day, a = int(c.g["d"]), ctx.anchor
    if a is None:
        return "DATE", f"XXXX-XX-{day:02d}", None, "none"
    r = _key(c.g.get("rel") or "")
    if r in ("last", "the previous"):
        off = -1
    elif r in ("next", "the following"):
        off = 1
    elif r in ("this", "the same"):
        off = 0
    else:
        tense = ctx.tense(c)
        if tense == "present":  # no tense to go by: the nearest such day
            near = []
            for k in (-1, 0, 1):
                try:
                    near.append(_add_months(a.replace(day=1), k).replace(day=day))
                except ValueError:
                    continue
            best = min(near, key=lambda d: abs((d - a).days), default=None)
            return ("DATE", best.isoformat(), None, "published") if best else None
        off = -1 if tense == "past" and day > a.day else 1 if tense == "future" and day < a.day else 0
    first = _add_months(a.replace(day=1), off)
    try:
        return "DATE", first.replace(day=day).isoformat(), None, "published"
    except ValueError:  # "the 31st" of a 30-day month
        return None


def _time_part(g: dict[str, Any]) -> str:
    if g.get("nm"):
        return {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}[_key(g["nm"])]
    h = int(g.get("h") or g.get("h2") or g.get("h3") or g.get("h4") or _num(g.get("h5") or "0") or 0)
    if g.get("pod5") and _key(g["pod5"]) != "morning" and h < 12:
        h += 12  # "at 4 in the afternoon"
    mi = int(g.get("mi") or g.get("mi2") or g.get("mi4") or 0)
    ap = (g.get("ap") or "").lower()
    if ap.startswith("p") and h < 12:
        h += 12
    elif ap.startswith("a") and h == 12:
        h = 0
    zone = (g.get("tz") or g.get("tz1") or g.get("tz2") or g.get("tz4") or "").upper()
    return f"T{h:02d}:{mi:02d}" + ("Z" if zone in ("UTC", "GMT") else "")  # TIMEX3: "Z" marks universal time


def _set_value(g: dict[str, Any]) -> str:
    lx = _lex()
    if g.get("adv"):
        return lx["sets"][_key(g["adv"])]
    if g.get("wds"):
        return f"XXXX-WXX-{lx['weekdays'][_key(g['wds'])]}"
    if g.get("u2"):
        return _duration(1, lx["units"][_key(g["u2"])])
    u = _key(g["u"])
    if u in lx["weekdays"]:
        return f"XXXX-WXX-{lx['weekdays'][u]}"
    if u in lx["parts_of_day"]:
        return f"XXXX-XX-XXT{lx['parts_of_day'][u]}"
    if u in lx["seasons"]:
        return f"XXXX-{lx['seasons'][u]}"
    if u == "weekend":
        return "XXXX-WXX-WE"
    n = _num(g.get("en")) if g.get("en") else 1.0
    return _duration(n, lx["units"].get(u, "D"))


def _quarter(c: _Cand, ctx: _Ctx) -> tuple[str, str, str | None, str] | None:
    g, a = c.g, ctx.anchor
    lx = _lex()
    kind = "H" if _key(g.get("q", "Q")) in ("half", "h") else "Q"
    if c.kind == "qcode":
        n = int(g["n"])
    else:
        o = _key(g.get("ord") or "")
        n = lx["ordinals"].get(o, 0) or ((4 if kind == "Q" else 2) if o in ("final", "last") else 0)
    # "the 1988 third quarter", "next year's first quarter"
    g = {**g, "y": g.get("y") or g.get("py"), "yrel": g.get("yrel") or g.get("pyrel")}
    if g.get("y"):
        return "DATE", f"{g['y']}-{kind}{n}", None, "none"
    if a is None:
        return "DATE", f"XXXX-{kind}{n or 'X'}", None, "none"
    if g.get("yrel") and n:
        return (
            "DATE",
            f"{a.year + {'this': 0, 'last': -1, 'next': 1}[_key(g['yrel'])]}-{kind}{n}",
            None,
            "published",
        )
    size = 3 if kind == "Q" else 6
    cur = (a.month - 1) // size + 1
    r = _key(g.get("rel") or "")
    year_back = 1 if r in ("year-ago", "year-earlier", "the year-ago", "the year-earlier") else 0
    if n:
        y = a.year if n <= cur or ctx.tense(c) == "future" else a.year - 1
        if r in ("next",):
            y = a.year if n > cur else a.year + 1
    else:
        if r in ("this", "current", "the current"):
            n, y = cur, a.year
        elif r == "next":
            n, y = (cur % (12 // size)) + 1, a.year + (1 if cur == 12 // size else 0)
        else:  # "the quarter", "the latest quarter": the last completed one
            n, y = (cur - 1, a.year) if cur > 1 else (12 // size, a.year - 1)
    return "DATE", f"{y - year_back}-{kind}{n}", None, "published"


def _relunit(c: _Cand, ctx: _Ctx) -> tuple[str, str, str | None, str] | None:
    g, a = c.g, ctx.anchor
    unit = _key(g["unit"]).replace("fiscal year", "year")
    r = _key(g["rel"])
    mod = _pm(g)
    off = 0
    if r in (
        "last",
        "past",
        "previous",
        "the past",
        "the last",
        "the previous",
        "the preceding",
        "the prior",
        "this past",
    ):
        off = -1
    elif r in ("next", "coming", "the next", "the coming", "the following", "this coming"):
        off = 1
    narrative = r in (
        "the following",
        "the next",
        "the previous",
        "the preceding",
        "that",
        "the same",
        "the prior",
    )
    if narrative and r in ("the next",) and unit != "day":
        narrative = False
    base, src = a, "published"
    if (
        narrative
        and off < 0
        and unit in ("week", "weekend", "month")
        and _sentences_between(ctx, c.start) > 1
    ):
        # "France delivered 15 vehicles the previous week" paragraphs after a day the story named: no day near
        # it to count from, the week before the report's
        narrative = False
    if narrative and unit in ("day", "week", "weekend", "month") and ctx.last_day:
        base, src = ctx.last_day, "text"
    elif narrative and unit == "year" and ctx.last_year and (off != 0 or r == "that"):
        base, src = dt.date(ctx.last_year, 7, 1), "text"
    if base is None:
        blank = {
            "week": "XXXX-WXX",
            "month": "XXXX-XX",
            "year": "XXXX",
            "weekend": "XXXX-WXX-WE",
            "decade": "XXX",
            "century": "XX",
            "day": "XXXX-XX-XX",
        }
        return "DATE", blank[unit], mod, "none"
    if unit == "weekend":
        wd = base.isoweekday()
        if off == 0:
            t = ctx.tense(c)
            if wd >= 6:
                sat = base - dt.timedelta(wd - 6)
            elif t == "future":
                sat = base + dt.timedelta(6 - wd)
            else:
                sat = base - dt.timedelta(wd + 1)
        elif off < 0:
            sat = base - dt.timedelta(wd + 1 if wd < 6 else wd - 6 + 7)
        else:  # "next weekend": the one after this coming weekend
            sat = base + dt.timedelta((6 - wd if wd < 6 else -(wd - 6)) + 7)
        return "DATE", _week(sat) + "-WE", mod, src
    if unit in ("decade", "century") and r.startswith("the ") and off:
        return "DURATION", _duration(1, "DE" if unit == "decade" else "CE"), None, "none"
    d = _shift(base, unit, off)
    return "DATE", _unit_value(d, unit), mod, src


# a sentence's end: a full stop, question or exclamation mark (and closing quotes or brackets) before a space, or a
# line break
_SENT_BREAK = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?:\s*\n\s*|\s+)|\n\s*")


def _sentences_between(ctx: _Ctx, pos: int) -> int:
    """How many sentence ends lie between the expression that named the last day and `pos` (0: the same sentence,
    1: the sentence just before)."""
    if ctx.last_day_end < 0:
        return 99
    return len(_SENT_BREAK.findall(ctx.text, ctx.last_day_end, pos))


def _narrative(c: _Cand, ctx: _Ctx) -> tuple[str, str, str | None, str] | None:
    g = c.g
    w = _key(g["w"])
    lx = _lex()
    base, src = (ctx.last_day, "text") if ctx.last_day else (ctx.anchor, "published")
    off = 0
    if any(x in w for x in ("next", "following", "after")):
        off = 1
    elif any(x in w for x in ("previous", "preceding", "before")):
        off = -1
    unit = _key(g.get("u1") or g.get("u2") or g.get("u3") or ("night" if "night" in w else "day"))
    if unit in ("week", "month", "year"):
        if unit == "year" and ctx.last_year and src != "text":
            return "DATE", str(ctx.last_year), _pm(g), "text"
        if base is None:
            return "DATE", {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[unit], None, "none"
        return "DATE", _unit_value(base, unit), _pm(g), src
    if base is None:
        return "DATE", "XXXX-XX-XX", None, "none"
    d = base + dt.timedelta(off)
    pod = lx["parts_of_day"].get(unit)
    if pod:
        return "TIME", f"{d.isoformat()}T{pod}", None, src
    return "DATE", d.isoformat(), None, src


_QUARTER_WORD = re.compile(r"\bquarter(?:ly)?\b|\b(?:first|second|third|fourth)-quarter\b", re.I)
_RESULTS_WORD = re.compile(
    r"\b(?:net|profits?|loss|sales|revenues?|earnings|earned|income|a share)\b|\$\s?\d", re.I
)


# words before "the new year" that make it a date: a deadline at the year's end, or the start of the next year
_YEAR_TURN_PREV = frozenset({"before", "by", "until", "till", "of", "in", "into", "early"})


def _year_turn(c: _Cand, ctx: _Ctx) -> tuple[str, str, str | None, str] | None:
    """ "by year-end", "before the new year", "ahead of the new year": the end of the anchor's year; "in the new
    year", "early in the new year": the start of the next one."""
    a = ctx.anchor
    if a is None:
        return None
    if "new" in c.g["w"].lower() and _prev_word(ctx.text, c.start) in ("in", "into", "early"):
        return "DATE", str(a.year + 1), "START", "published"
    return "DATE", str(a.year), "END", "published"


def _results_context(text: str, pos: int) -> bool:
    """Whether a "year ago" sits in a report of quarterly results: "quarter" and a results word ("net", "sales",
    "a share") in its sentence or the two before it (a city's "old quarter" has no results words)."""
    lo = max(0, pos - 400)
    ends = list(_SENT_END.finditer(text, lo, pos))
    lo = ends[-3].end() if len(ends) >= 3 else lo
    m = _SENT_END.search(text, pos, min(len(text), pos + 300))
    seg = text[lo : m.start() + 1 if m else pos]
    return bool(_QUARTER_WORD.search(seg) and _RESULTS_WORD.search(seg))


def _quarter_year_back(ctx: _Ctx, anchor: dt.date) -> str:
    """The quarter a year before the text's latest quarter, or else before the last completed one."""
    cur = (anchor.month - 1) // 3 + 1
    # the text's quarter when it is one reported, not one forecast
    if ctx.last_quarter and ctx.last_quarter <= f"{anchor.year}-Q{cur}":
        y, q = ctx.last_quarter.split("-Q")
    else:
        y, q = (str(anchor.year), str(cur - 1)) if cur > 1 else (str(anchor.year - 1), "4")
    return f"{int(y) - 1}-Q{q}"


def _year_back(c: _Cand) -> bool:
    """ "a year ago", "the year-earlier quarter": a comparison period, not the quarter the text reports on."""
    return c.kind in ("ago", "yago") or "year-" in (c.g.get("rel") or "").lower()


def _ago(c: _Cand, ctx: _Ctx) -> tuple[str, str, str | None, str] | None:
    g, lx = c.g, _lex()
    unit = lx["units"][_key(g["unit"])]
    direction = _key(g["dir"])
    sign = -1 if direction in ("ago", "earlier", "previously", "prior") else 1
    n = _num(g.get("n")) if g.get("n") else None
    mod = lx["duration_mods"].get(_key(g.get("mod") or ""))
    if mod == "LESS_THAN" or mod == "MORE_THAN":
        mod = "APPROX"
    textual = direction in ("earlier", "later", "previously", "prior")
    if g.get("n") is None and (textual or direction in ("after", "before")):
        # "hours later", "minutes earlier", "hours after the expulsions": within the day the text last named
        return ("DATE", ctx.last_day.isoformat(), None, "text") if ctx.last_day else None
    if g.get("n") is None or n is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, "none"
    base, src = ctx.anchor, "published"
    if textual and ctx.last_day:
        base, src = ctx.last_day, "text"
    elif textual and ctx.last_year and unit in ("Y", "DE", "CE"):
        base, src = dt.date(ctx.last_year, 7, 1), "text"
    if base is None:
        return (
            "DATE",
            {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[_GRAN[unit]],
            mod,
            "none",
        )
    whole = int(round(n))
    if (
        unit == "Y"
        and whole == 1
        and (direction == "ago" and src == "published" or direction == "earlier" and ctx.anchor is not None)
        and _results_context(ctx.text, c.start)
    ):
        # "net rose to $108 million from $90 million a year ago", "... from $58 million a year earlier": a
        # comparison of quarterly results is with the same quarter a year before (TimeBank's reading), the text's
        # latest quarter or else the last completed one
        return "DATE", _quarter_year_back(ctx, ctx.anchor), mod, "published"
    try:
        if unit in ("S", "MIN", "H"):
            d = base
        elif unit == "DE":
            d = _shift(base, "Y", sign * whole * 10)
        elif unit == "CE":
            d = _shift(base, "Y", sign * whole * 100)
        else:
            d = _shift(base, unit, sign * whole)
    except (ValueError, OverflowError):  # "7000 years ago": before year 1, not a calendar date
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod, "none"
    return "DATE", _unit_value(d, _GRAN[unit]), mod, src


# --------------------------------------------------------------------------- entry point


def _day_first_in(cands: list[_Cand]) -> bool | None:
    """How the text itself writes numeric dates: "23/11/2026" is day first, "11/23/2026" month first; None when
    it shows neither (or both)."""
    seen = set()
    for c in cands:
        g = c.extra["date"].g if c.kind == "datetime" else c.g
        if (c.kind == "numdate" or c.kind == "datetime" and "sep" in g) and g.get("sep") in ("/", "-"):
            a, b = int(g["a"]), int(g["b"])
            if a > 12 >= b:
                seen.add(True)
            elif b > 12 >= a:
                seen.add(False)
    return seen.pop() if len(seen) == 1 else None


@lru_cache(maxsize=1)
def _date_orders() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(country -> order, domain -> country, top-level domain -> country|generic) from data/time/date_order.tsv,
    with the national and regional outlets of data/places/ (their countries)."""
    orders: dict[str, str] = {}
    domains: dict[str, str] = {}
    tlds: dict[str, str] = {}
    places = _DATA.parent / "places"
    for path in (_DATA / "date_order.tsv", places / "outlets.tsv", places / "regional_outlets.tsv"):
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            key, _, rest = line.partition("\t")
            value = rest.split("\t")[0].strip()
            key = key.strip().lower() if not re.fullmatch(r"[A-Z]{3}", key.strip()) else key.strip()
            if key in ("key", "domain") or not value:
                continue
            if re.fullmatch(r"[A-Z]{3}", key):
                orders[key] = value
            elif key.startswith("."):
                tlds[key[1:]] = value
            else:
                domains.setdefault(key, value)
    return orders, domains, tlds


def day_first_for(url: str | None) -> bool | None:
    """Whether the outlet at `url` writes all-numeric dates day first (True), month first (False: US sites), or
    None when its country is unknown or mixed (data/time/date_order.tsv)."""
    if not url:
        return None
    from urllib.parse import urlsplit

    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    orders, domains, tlds = _date_orders()
    country = next((c for d, c in domains.items() if host == d or host.endswith("." + d)), None)
    if country is None:
        tld = host.rsplit(".", 1)[-1]
        if tld in tlds:
            country = tlds[tld]
        elif len(tld) == 2:
            return True  # a country code: day first, unless listed above
    if country is None or country == "generic":
        return None
    order = orders.get(country, "day_first")
    return None if order == "mixed" else order == "day_first"


_WIRE = re.compile(
    r"\A\W*[A-Z][A-Z.'\u2019 -]{1,40}?(?:,\s*[A-Z][\w.' -]{1,30}?)?(?:,\s*|\s*\(\s*)(?P<mon>[A-Z][a-z]{2,8})\.?\s+"
    r"(?P<d>[0-3]?\d)(?:,\s*(?P<y>(?:19|20)\d\d))?\s*\)?\s*(?:\([^)\n]{1,40}\)\s*)?[-\u2013\u2014:]"
)


def _dateline_anchor(text: str, anchor: dt.date | None) -> dt.date | None:
    """ "DHAKA (Oct 14) - ... yesterday", published on the 15th: the wire dateline's day, when it falls one to three
    days before the anchor, is the day the relative expressions were written on."""
    m = _WIRE.match(text[:200]) if anchor is not None else None
    if m is None or anchor is None:
        return anchor
    mon = _lex()["months"].get(_key(m["mon"]))
    if mon is None:
        return anchor
    years = [int(m["y"])] if m["y"] else [anchor.year - 1, anchor.year, anchor.year + 1]
    days = []
    for y in years:
        try:
            days.append(dt.date(y, mon, int(m["d"])))
        except ValueError:
            continue
    if not days:
        return anchor
    filed = min(days, key=lambda d: abs((anchor - d).days))
    return filed if 1 <= (anchor - filed).days <= 3 else anchor


def _to_date(anchor: dt.date | str | None) -> dt.date | None:
    if anchor is None:
        return None
    if isinstance(anchor, dt.datetime):
        return anchor.date()
    if isinstance(anchor, dt.date):
        return anchor
    try:
        return dt.date.fromisoformat(str(anchor).strip()[:10])
    except ValueError:
        return None


# "the eve of" right before a day: the timex is the day before it
_EVE = re.compile(r"(?<!\w)(?:the\s+)?eve\s+of\s+(?:the\s+)?$", re.I)


def normalize(
    text: str, anchor: dt.date | str | None = None, doc: Any = None, day_first: bool | None = None
) -> list[Timex]:
    """Find and normalise the time expressions in `text`.

    `anchor` is the reference date (usually the publication date; ISO string or date); `doc` an optional
    spaCy Doc over the same text, used for tense. `day_first` says how the outlet writes "12/10/2026"
    (`day_first_for(url)`); when None, the text's own unambiguous numeric dates decide, else month first.
    A wire dateline dated one to three days before the anchor ("DHAKA (Oct 14) -") anchors the relative
    expressions instead: they were written on the day filed. Offsets index into `text`.
    """
    a = _dateline_anchor(text, _to_date(anchor))
    ctx = _Ctx(text, a, doc)
    cands = _candidates(text)
    ctx.day_first = day_first if day_first is not None else _day_first_in(cands)
    out: list[Timex] = []
    for c in cands:
        r = _resolve(c, ctx)
        if r is None:
            continue
        typ, value, mod, src = r
        start = c.start
        eve = _EVE.search(text, max(0, c.start - 30), c.start) if typ == "DATE" else None
        if eve and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            # "on the eve of Tuesday's closing session", "on the eve of Independence Day": the day before
            value = (dt.date.fromisoformat(value) - dt.timedelta(1)).isoformat()
            start = eve.start()
        span = text[start : c.end]
        tx = Timex(span, start, c.end, typ, value, mod=mod, anchor=None, anchor_source=src)
        if src == "published" and a is not None:
            tx.anchor = a.isoformat()
        elif src == "text":
            tx.anchor = ctx.last_day.isoformat() if ctx.last_day else str(ctx.last_year)
        if typ in ("DATE", "TIME"):
            iv = _interval(value)
            if iv:
                tx.begin, tx.finish = iv
                if iv[0] == iv[1] and typ == "DATE" or typ == "TIME":
                    ctx.last_day = dt.date.fromisoformat(iv[0])
                    ctx.last_day_end = c.end
                if c.kind in _ABS_KINDS or iv[0][:4] == iv[1][:4]:
                    ctx.last_year = int(iv[0][:4])
            if re.fullmatch(r"\d{4}-Q[1-4]", value) and not _year_back(c):
                ctx.last_quarter = value
        out.append(tx)
    return out
