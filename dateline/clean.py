"""Cleaning: a `RawArticle` in, a `Document` with clean text and metadata out.

One public entry point, `to_document()`.

HTML: trafilatura finds the body, title, byline (author), outlet (site name) and date; its whole metadata
record is kept in `Document.extra["html_metadata"]`. The extracted text then gets the same boilerplate pass
as plain text (patterns only, the page is already cut to the article; metadata lines left in the body, such as
"source: outlet.com", are removed and fill only what the page's metadata left empty).

Plain text: the first non-empty line is the headline, unless it reads like a body paragraph (long, or
several sentences; a short line without a closing full stop is a headline in any style, "TROOPS POUR IN!
Convoy arrives") or the input supplied a different title. Boilerplate lines and fragments (patterns in
dateline/data/boilerplate/*.tsv), metadata lines ("source: outlet.co.uk", "Name — Outlet Month D, YYYY",
"By ...", "By NAME, OUTLET, DATE", "OUTLET | DATE | SECTION", "Posted by NAME in SECTION", "Published ...",
"Updated 3 hours ago"), wire credit lines ("Reporting by ...; Editing by ...") and a repeated standfirst are
removed; a date stated on a metadata line is the publication date (source "text", confidence
_STATED_CONFIDENCE, the line as evidence). A wire dateline opening the story ("PARIS, June 16, 2025 (Agency)
-") stays in the text and is recorded in `Document.extra["wire_dateline"]`; its date is used only when it has a
year and nothing else dates the article, its agency is the outlet only when none is known. When the text
is a whole web page dumped as text (menus, link lists, footers), a learned line classifier (logistic
regression in two stacked stages on site-independent shallow text features of each line and its neighbours,
weights in dateline/data/boilerplate/line_model.json, trained by scripts/train_line_classifier.py on gold-labelled
benchmark pages plus several hundred other sites' pages labelled by trafilatura from their HTML) gives each line a
body probability and the run of lines maximising sum((p - threshold) * words**alpha) is kept, less the page's
headline at its top; without that file, hand-set jusText-like line scores do it. Link lists under a
"Related" heading and an article's trailer (author bio, "About <company>", tags) are cut. A "source: domain"
line gives the outlet only when the text names no outlet: a name the domain spells ("Riverside Chronicle" for
riversidechronicle.com), else the byline line's outlet, else the domain (kept in
`Document.extra["source_domain"]`). Every removal
is a `Removed(text, kind, line)` in `Document.removed`, `line` being the 0-based line in the input text.

Metadata rule: a value the input supplied (`RawArticle.given`: jsonl/RSS/WARC/URL fields) wins over one
found in the page or the text; page/text values fill the gaps. One exception: a WARC-Date is the crawl time,
so it is used as `published` only when nothing else (not even a wire dateline) gives a date.
`meta_sources[field]` says where each value came from: given | html-metadata | text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from dateline.model import Document, RawArticle, Removed

_DATA = Path(__file__).parent / "data" / "boilerplate"
_SCOPES = ("line", "start", "sentence", "tail", "links", "end", "metadata", "dateline")
_META_TOP, _META_BOTTOM = 12, 6  # metadata lines are looked for in the first / last lines only

# --------------------------------------------------------------------------- trafilatura import


@lru_cache(maxsize=1)
def _trafilatura() -> Any:
    """trafilatura, imported on first use (it is slow to import; plain-text ingest never needs it)."""
    import trafilatura

    return trafilatura


# --------------------------------------------------------------------------- patterns (compiled once)


@dataclass(frozen=True)
class _Patterns:
    line: list[tuple[str, re.Pattern[str]]]
    start: list[tuple[str, re.Pattern[str]]]
    sentence: list[tuple[str, re.Pattern[str]]]
    tail: list[tuple[str, re.Pattern[str]]]
    links: list[tuple[str, re.Pattern[str]]]
    end: list[tuple[str, re.Pattern[str]]]
    metadata: list[re.Pattern[str]]
    dateline: list[re.Pattern[str]]


def _combine(rows: list[tuple[str, str]]) -> list[tuple[str, re.Pattern[str]]]:
    """One compiled alternation per kind (fewer regex calls per line than one pattern per row)."""
    by_kind: dict[str, list[str]] = {}
    for kind, rx in rows:
        by_kind.setdefault(kind, []).append(rx)
    out = []
    for kind, rxs in by_kind.items():
        parts = []
        for rx in rxs:
            flags = ""
            if rx.startswith("(?i)"):
                flags, rx = "i", rx[4:]
            parts.append(f"(?{flags}:{rx})" if flags else f"(?:{rx})")
        out.append((kind, re.compile("|".join(parts))))
    return out


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    rows: dict[str, list[tuple[str, str]]] = {s: [] for s in _SCOPES}
    for file in sorted(_DATA.glob("*.tsv")):
        for n, raw in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
            parts = raw.split("\t", 2)
            if len(parts) != 3 or parts[1] not in _SCOPES:
                raise ValueError(f"{file}:{n}: expected 'kind<TAB>scope<TAB>regex' with scope in {_SCOPES}")
            kind, scope, rx = parts
            try:
                re.compile(rx)
            except re.error as exc:
                raise ValueError(f"{file}:{n}: bad regular expression: {exc}") from exc
            rows[scope].append((kind, rx))
    return _Patterns(
        line=_combine(rows["line"]),
        start=_combine(rows["start"]),
        sentence=_combine(rows["sentence"]),
        tail=_combine(rows["tail"]),
        links=_combine(rows["links"]),
        end=_combine(rows["end"]),
        metadata=[re.compile(rx) for _, rx in rows["metadata"]],
        dateline=[re.compile(rx) for _, rx in rows["dateline"]],
    )


# --------------------------------------------------------------------------- text normalisation

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ue000-\uf8ff]")
_SENT_EDGE = re.compile(r"(?<=[.!?])[\"'”’)]*\s*(?=[\"“‘(]?[A-Z])")


def _norm_line(line: str) -> str:
    line = _INVISIBLE.sub("", line)
    line = _SPACES.sub(" ", line)
    return _CONTROL.sub("", line).strip()


@dataclass
class _Para:
    text: str
    line: int  # first input line (0-based)


_JOIN_WORDS = frozenset(
    "a an the of to in on at by for from with and or but as that which who whose his her its their our".split()
)


# a number a hard wrap left at a line's end inside a sentence: "on 22" (October), "more than 1,300"
_NUMBER_END = re.compile(
    r"\b(?:on|of|by|in|at|to|from|than|about|some|until|since|and|or)\s+\d(?:[\d,.]*\d)?$", re.I
)
# a word a hard wrap split at a hyphen ("Oc-" / "tober", "provin-" / "cial"), from text copied out of a PDF
_SPLIT_WORD = re.compile(r"[a-z]{2,}-$", re.I)
# prefixes whose hyphen is the compound's own ("cross-" / "border"), kept when the halves are joined
_HYPHEN_PREFIXES = frozenset(
    "cross self ex non anti well so mid pro co semi all half post multi vice quasi counter inter intra "
    "pan ultra one two three four five six seven eight nine ten long short full high low far near".split()
)


# words a number follows inside a sentence: a line ending with one goes on with the next line's number
_NUMBER_WORDS = _JOIN_WORDS | frozenset(
    "than about some nearly almost over under least around roughly approximately killed wounded injured "
    "displaced arrested detained freed evacuated".split()
)


def _continues(prev: str, line: str) -> bool:
    """`line` goes on with the sentence `prev` broke off (text hard-wrapped with <br> or line breaks, or copied
    out of a PDF: a word split at a hyphen, a number left at the line's end, the next line opening with a number)."""
    if len(prev) < 40 or re.match(r"\S+:", line):
        return False
    first = line[:1]
    if _SPLIT_WORD.search(prev):
        return first.isalpha()
    if _NUMBER_END.search(
        prev
    ):  # "on 22" / "October, a WFP spokeswoman said." (not "... of 2020" / "Monday ...")
        return first.islower() or bool(_MONTH_START.match(line))
    if not re.search(r"[a-z,]$", prev):
        return False
    last = prev.rsplit(" ", 1)[-1].lower()
    if (
        first.isdigit()
    ):  # "freed more than" / "1,300 inmates, the governor said." (not "... Davis Cup" / "13 hours ago")
        return last in _NUMBER_WORDS and not _LABEL_LINE.match(line) and bool(re.search(r"[a-z]", line))
    return first.islower() or (first.isupper() and (prev.endswith(",") or last in _JOIN_WORDS))


_MONTH_START = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?(?!\s+\d)"
)


# a line that is a label of its own, never a sentence's continuation: "Page 2 of 3", "1 of 12", "2020-10-23"
_LABEL_LINE = re.compile(r"(?i)^(?:page\s+)?\d+\s+(?:of|/)\s+\d+\s*$|^[\d\s/.:-]+$")


def _join_wrapped(prev: str, line: str) -> str:
    """Two hard-wrapped lines as one: a word split at a line-end hyphen is made whole ("Oc-" + "tober"), unless its
    first half is a prefix that keeps its hyphen ("cross-" + "border") or the second half is capitalised
    ("Mbau-" + "Kamango" road)."""
    m = _SPLIT_WORD.search(prev)
    if m and line[:1].isalpha():
        head = prev[m.start() : m.end() - 1]
        if line[:1].isupper() or head.lower() in _HYPHEN_PREFIXES:
            return prev + line
        return prev[:-1] + line
    return prev + " " + line


def _paragraphs(text: str) -> list[_Para]:
    """Paragraphs: blank-line separated; in hard-wrapped text the lines of a block are joined."""
    lines = [_norm_line(x) for x in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    nonblank = [x for x in lines if x]
    wrapped = False
    if len(nonblank) >= 6 and any(not x for x in lines):
        long = [x for x in nonblank if 55 <= len(x) <= 80]
        wrapped = len(long) >= 0.6 * len(nonblank)
    paras: list[_Para] = []
    block: list[str] = []
    start = prev_i = 0
    for i, line in enumerate(lines + [""]):
        if not line:
            if block:
                joined = block[0]
                for more in block[1:]:
                    joined = _join_wrapped(joined, more)
                paras.append(_Para(joined, start))
                block = []
            continue
        if not wrapped:
            if paras and prev_i == i - 1 and _continues(paras[-1].text, line):
                paras[-1] = _Para(_join_wrapped(paras[-1].text, line), paras[-1].line)
            else:
                paras.append(_Para(line, i))
            prev_i = i
            continue
        if not block:
            start = i
        block.append(line)
    return paras


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


# --------------------------------------------------------------------------- dates


_HAS_YEAR = re.compile(
    r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b|(?<!\d)(?:19|20)\d{6}(?!\d)"
)


# a full day in a url's path: "/2014/06/23/", "/20140623/", "-2021-02-10/" (never the host, nor a bare year)
_URL_DAY = re.compile(
    r"(?<![\d])((?:19|20)\d\d)(?:([/_-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])|(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]))"
    r"(?=[/_.-]|$)"
)
_URL_CONFIDENCE = 0.8


def _url_date(url: str) -> str | None:
    """The publication day a url's path states, or None (session 21: a text page whose only date is its url)."""
    path = re.sub(r"^[a-z]+://[^/]*", "", url.strip(), flags=re.I).split("?", 1)[0].split("#", 1)[0]
    for m in _URL_DAY.finditer(path):
        y, mo, d = (int(m[1]), int(m[3]), int(m[4])) if m[2] else (int(m[1]), int(m[5]), int(m[6]))
        try:
            return date(y, mo, d).isoformat()
        except ValueError:
            continue
    return None


@lru_cache(maxsize=4096)
def _iso_date(value: str) -> str | None:
    """ISO date (YYYY-MM-DD) from a date string, or None when it has no full date."""
    value = value.strip()
    # no year: "yesterday", "Monday", "3 hours ago" are not publication dates (dateparser would read
    # the relative ones as today)
    if not _HAS_YEAR.search(value):
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    import warnings

    from dateutil import parser as dparser

    try:
        with warnings.catch_warnings():  # "14:05 BST": the zone name does not matter for the day
            warnings.simplefilter("ignore", dparser.UnknownTimezoneWarning)
            a = dparser.parse(value, default=datetime(1900, 1, 1), fuzzy=True)
            b = dparser.parse(value, default=datetime(1904, 2, 2), fuzzy=True)
        if a.year == b.year and a.month == b.month and a.day == b.day:  # year, month and day all given
            return a.date().isoformat()
    except (ValueError, OverflowError):
        pass
    import dateparser

    got = dateparser.parse(value, settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    return got.date().isoformat() if got else None


# --------------------------------------------------------------------------- the boilerplate pass


@dataclass
class _Cleaned:
    paras: list[tuple[str, int]]
    removed: list[Removed]
    meta: dict[str, str]
    markers: list[int]
    strong: list[int]  # markers other than comment-count: what follows is most likely comments
    above: list[tuple[str, int]] = dc_field(
        default_factory=list
    )  # page-dump lines right above the story block


def _sentence_kind(sentence: str, pats: _Patterns) -> str | None:
    for kind, rx in pats.sentence:
        if rx.fullmatch(sentence):
            return kind
    return None


# an unmatched sentence this short inside an appeal is a tagline ("Your town, your news.")
_TAGLINE_CHARS = 60
_APPEALS = frozenset({"donation", "subscribe", "newsletter", "comment-form"})


# a short sentence that reports something (a number, an attribution, a day it happened) is the story's, not an
# appeal's tagline: "Troops left the base on Monday, officials said. Support our journalism: donate today."
_REPORTS = re.compile(
    r"\d|\b(?:said|says|told|according to|yesterday|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|"
    r"March|April|June|July|August|September|October|November|December)\b"
)


def _tagline(sentence: str) -> bool:
    return len(sentence) <= _TAGLINE_CHARS and not _REPORTS.search(sentence)


def _run_is_boilerplate(sents: list[str], kinds: list[str | None]) -> bool:
    """Most sentences of the run are boilerplate, or half are and the others are short taglines."""
    hits = sum(1 for k in kinds if k)
    if 2 * hits > len(kinds):
        return True
    return (
        2 * hits == len(kinds)
        and all(k in _APPEALS for k in kinds if k)
        and all(k or _tagline(s) for s, k in zip(sents, kinds, strict=True))
    )


def _strip_sentences(text: str, pats: _Patterns) -> tuple[str, list[tuple[str, str]]]:
    """Cut boilerplate sentences off the start and the end of a paragraph.

    A run of up to four sentences at an edge goes when it ends (or starts, at the end) with a boilerplate
    sentence and most of its sentences are boilerplate ("Reporting costs money. Please support our
    journalism. Donate now.British troops..."): appeals mix a plain lead-in with the pattern sentences.
    """
    cut: list[tuple[str, str]] = []
    if not pats.sentence or len(text) < 8:
        return text, cut
    edges = [m.start() for m in _SENT_EDGE.finditer(text) if 0 < m.start() < len(text)]
    bounds = [0, *edges, len(text)]
    sents = [text[bounds[i] : bounds[i + 1]].strip() for i in range(len(bounds) - 1)]
    kinds = [_sentence_kind(s, pats) if len(s) < 400 else None for s in sents]
    if not any(kinds):
        return text, cut
    lo, hi = 0, len(sents)
    if (
        len(sents) <= 4
        and _run_is_boilerplate(sents, kinds)
        and all(k or _tagline(t) for t, k in zip(sents, kinds, strict=True))
    ):
        # the whole paragraph is an appeal with its taglines ("Comments are moderated. Please keep them civil.")
        return "", [(t, k or next(x for x in kinds if x)) for t, k in zip(sents, kinds, strict=True)]
    for j in range(min(4, len(sents)) - 1, -1, -1):  # longest qualifying leading run
        if kinds[j] and _run_is_boilerplate(sents[: j + 1], kinds[: j + 1]):
            lo = j + 1
            break
    for i in range(max(lo, len(sents) - 4), len(sents)):  # longest qualifying trailing run
        if kinds[i] and _run_is_boilerplate(sents[i:], kinds[i:]):
            hi = i
            break
    if lo == 0 and hi == len(sents):
        return text, cut
    fallback = next(k for k in kinds if k)
    for i in [*range(lo), *range(hi, len(sents))]:
        cut.append((sents[i], kinds[i] or fallback))
    return (text[bounds[lo] : bounds[hi]].strip() if lo < hi else ""), cut


def _match_kind(text: str, pats: _Patterns) -> str | None:
    for kind, rx in pats.line:
        if rx.fullmatch(text):
            return kind
    for kind, rx in pats.start:
        if rx.match(text):
            return kind
    return None


_GLUED_APPEALS = frozenset({"donation", "subscribe", "newsletter", "share"})


def _glued_story(text: str, kind: str, pats: _Patterns) -> tuple[str, str] | None:
    """A line that opens with an appeal and goes on with the story ("Support us: give what you can.Troops left
    the base on Monday, officials said."): (the appeal, the story) when what follows the appeal's first sentence
    is prose that reports something (see _REPORTS); None when the whole line is the appeal."""
    if kind not in _GLUED_APPEALS or any(rx.fullmatch(text) for _, rx in pats.line):
        return None
    m = _SENT_EDGE.search(text)
    if m is None or m.start() == 0:
        return None
    rest = text[m.start() :].strip()
    if len(_WORD.findall(rest)) < 8 or not _PROSE_END.search(rest) or _match_kind(rest, pats):
        return None
    if not _REPORTS.search(rest):
        return None  # "... has been sent to you. Please activate your subscription ...": the appeal goes on
    return text[: m.start()].strip(), rest


# a reporter's desk written where bylines put the outlet ("| Staff Reporter", "Our Special Correspondent")
_STAFF_DESK = re.compile(
    r"(?i)(?:by )?(?:our |a |from our )?(?:(?:staff|special|senior|chief|own|city|political|diplomatic|legal|court|"
    r"crime|defen[cs]e|foreign|regional|district|bureau) )?(?:reporter|correspondent|writer|desk|bureau)s?"
)


def _metadata(text: str, pats: _Patterns) -> dict[str, str] | None:
    """The fields a metadata line states (empty for a line with nothing to keep, "Updated 3 hours ago"), or
    None when the line is not a metadata line."""
    if len(text) > 200:
        return None
    for rx in pats.metadata:
        m = rx.fullmatch(text)
        if not m:
            continue
        found = {k: v.strip(" ,|-—–") for k, v in m.groupdict().items() if v and v.strip()}
        if _STAFF_DESK.fullmatch(found.get("outlet", "")):
            del found["outlet"]  # "By NAME | Staff Reporter": a desk, not the outlet
        if "date" in found:
            iso = _iso_date(found["date"])
            if iso is None:
                continue
            found["date"] = iso
        if found or not rx.groupindex:
            return found
    return None


_NUMERIC_DAY = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d\d)(?![\d/.-])")


def _in_local_order(cleaned: _Cleaned, url: str | None) -> str | None:
    """The date of a metadata line, an all-numeric day whose order is open ("Published: 03/04/1998") read in the
    outlet's order (`day_first_for(url)`, data/time/date_order.tsv), else in the order the page's own unambiguous
    numeric dates show ("31/03/1998": day first), else as before (month first)."""
    iso, line = cleaned.meta.get("date"), cleaned.meta.get("date_line") or ""
    m = _NUMERIC_DAY.search(line)
    if not iso or not m:
        return iso
    a, b, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
    if a > 12 or b > 12 or a == b:
        return iso
    from dateline.time import day_first_for

    first = day_first_for(url)
    if first is None:
        seen = set()
        for text, _ in cleaned.paras:
            for n in _NUMERIC_DAY.finditer(text):
                c, d = int(n.group(1)), int(n.group(3))
                if c > 12 >= d:
                    seen.add(True)
                elif d > 12 >= c:
                    seen.add(False)
        first = seen.pop() if len(seen) == 1 else None
    if first is None:
        return iso
    try:
        return date(y, b if first else a, a if first else b).isoformat()
    except ValueError:
        return iso


def _add_meta(meta: dict[str, str], found: dict[str, str], line: str) -> None:
    """Fill the gaps of `meta` from one metadata line; the line that gave the date is kept as evidence."""
    if "date" in found and "date" not in meta:
        meta["date_line"] = line
    for k, v in found.items():
        meta.setdefault(k, v)


_LINKS_MAX = 12  # teaser lines removed at most under one "Related stories" heading
_TEASER_WORDS = 25


def _teaser_like(text: str) -> bool:
    """A linked headline: short, and not a sentence of prose (no closing full stop, or a bracketed tag)."""
    n = len(_WORD.findall(text))
    if n == 0 or n > _TEASER_WORDS:
        return False
    if text.rstrip().endswith("]") or n <= 3:
        return True
    return not re.search(r"[.:;!][\"'”’)]*$", text.rstrip())


# a credit standing alone on its line ("Credit: WFP/Jane Doe", "AFP/John Smith"): its caption is often the line
# right above or below it, in the present tense of captions and without attribution ("Protesters march on Sunday.")
_CREDIT_WORDS = 8
_CAPTION_WORDS = 30
_NOT_CAPTION = re.compile(
    r"[\"“”]|\b(?:said|says|told|tells|according|reported|will|would|was|were|had|has|have|did|went|came|left|took|"
    r"fled|fought|held|met|sent|began|\w{3,}ed|plans?|intends?|expects?|is to|are to|may|might|could|should|must|"
    r"shall|can)\b",
    re.I,
)


# a credit with its label ("Credit: X", "Photo: X"): only such a line takes the caption below it (a bare agency line,
# "Getty Images", often stands above the story's first paragraph in page dumps)
_LABELLED_CREDIT = re.compile(
    r"(?i)(?:(?:photo|image|picture|video)\s+)?(?:credits?|photographer|photography|photo|picture|image)\s*:\s*\S"
)


def _bare_credit(text: str, kind: str) -> bool:
    return kind == "caption" and len(_WORD.findall(text)) <= _CREDIT_WORDS and not _SENT_EDGE.search(text)


def _caption_like(text: str) -> bool:
    """One short present-tense sentence without attribution or quotation: a photo caption, not a report."""
    n = len(_WORD.findall(text))
    return (
        0 < n <= _CAPTION_WORDS
        and text.rstrip().endswith(".")
        and not _SENT_EDGE.search(text.rstrip()[:-1])
        and not _NOT_CAPTION.search(text)
    )


def _boilerplate(paras: list[_Para], pats: _Patterns, with_metadata: bool) -> _Cleaned:
    removed: list[Removed] = []
    meta: dict[str, str] = {}
    keep: list[tuple[str, int]] = []
    markers: list[int] = []  # positions in `keep` where a comment-section marker stood
    strong: list[int] = []
    n = len(paras)
    links_kind: str | None = None  # set while inside a list of links under a "Related stories" heading
    links_left = 0
    keep_from: list[int] = []  # the paragraph each kept text comes from
    credit_at = -2  # the last paragraph removed as a credit standing alone
    for i, p in enumerate(paras):
        if links_kind and links_left > 0 and _teaser_like(p.text):
            removed.append(Removed(p.text, links_kind, p.line))
            links_left -= 1
            continue
        links_kind = next((kind for kind, rx in pats.links if rx.fullmatch(p.text)), None)
        if links_kind:
            removed.append(Removed(p.text, links_kind, p.line))
            links_left = _LINKS_MAX
            continue
        tail_kind = next((kind for kind, rx in pats.tail if rx.match(p.text)), None)
        if tail_kind:
            markers.append(len(keep))
            if tail_kind != "comment-count":
                strong.append(len(keep))
        if with_metadata and (i < _META_TOP or i >= n - _META_BOTTOM):
            found = _metadata(p.text, pats)
            if found is not None:
                _add_meta(meta, found, p.text)
                removed.append(Removed(p.text, "metadata", p.line))
                continue
        kind = _match_kind(p.text, pats)
        glued = _glued_story(p.text, kind, pats) if kind else None
        if kind and glued is None:
            removed.append(Removed(p.text, kind, p.line))
            if _bare_credit(p.text, kind):
                credit_at = i if _LABELLED_CREDIT.match(p.text) else -2
                # its caption right above it (not the story's first paragraph)
                if len(keep) > 1 and keep_from[-1] == i - 1 and _caption_like(keep[-1][0]):
                    removed.append(Removed(keep[-1][0], "caption", keep[-1][1]))
                    keep.pop()
                    keep_from.pop()
            continue
        if credit_at == i - 1 and keep and _caption_like(p.text):  # its caption right below it
            removed.append(Removed(p.text, "caption", p.line))
            continue
        if kind and glued is not None:
            removed.append(Removed(glued[0], kind, p.line))
        text, cut = _strip_sentences(glued[1] if glued else p.text, pats)
        removed.extend(Removed(t, k, p.line) for t, k in cut)
        if text and cut:
            kind = _match_kind(text, pats)
            if kind:
                removed.append(Removed(text, kind, p.line))
                continue
        if text:
            keep.append((text, p.line))
            keep_from.append(i)
    return _Cleaned(keep, removed, meta, markers, strong)


def _cut_tail(cleaned: _Cleaned, stop: frozenset[str], start: int = 0) -> None:
    """Drop a comment section: everything from the first marker that follows enough story prose."""
    prose = 0.0
    pos = start
    for m in cleaned.markers:
        if m < start:
            continue
        prose += sum(max(0.0, _line_score(t, stop)) for t, _ in cleaned.paras[pos:m])
        pos = m
        if prose >= _P.tail_min_words:
            cleaned.removed.extend(Removed(t, "comment-form", line) for t, line in cleaned.paras[m:])
            del cleaned.paras[m:]
            return


# an end marker cuts only when the prose from it on is at most this share of the prose before it
_END_SHARE = 0.5


def _cut_end(cleaned: _Cleaned, pats: _Patterns, stop: frozenset[str]) -> None:
    """Cut the story's trailer: from an end-of-article marker (author bio, "more from", newsletter box) on,
    when enough story prose stands before it and little after it."""
    if not pats.end:
        return
    # an author bio closing a short story (under end_min_words of prose): the last paragraph alone, after at least
    # two of the story's
    if len(cleaned.paras) > 2 and len(cleaned.paras[-1][0]) < 300:
        text, line = cleaned.paras[-1]
        kind = next((kind for kind, rx in pats.end if kind == "author-bio" and rx.match(text)), None)
        if kind:
            cleaned.removed.append(Removed(text, kind, line))
            del cleaned.paras[-1]
            return
    scores = [max(0.0, _line_score(t, stop)) for t, _ in cleaned.paras]
    total = sum(scores)
    before = 0.0
    for k, (text, _) in enumerate(cleaned.paras):
        if before >= _P.end_min_words and len(text) < 600:
            kind = next((kind for kind, rx in pats.end if rx.match(text)), None)
            if kind and total - before <= _END_SHARE * before:
                cleaned.removed.extend(Removed(t, kind, line) for t, line in cleaned.paras[k:])
                del cleaned.paras[k:]
                return
        before += scores[k]


def _lead_metadata(cleaned: _Cleaned, pats: _Patterns) -> None:
    """In a page dump the byline and date lines stand under the headline at the top of the story block:
    take them as metadata, and drop the title and teaser lines above them."""
    for text, _ in cleaned.above:  # byline and date lines just above the block (already removed as furniture)
        _add_meta(cleaned.meta, _metadata(text, pats) or {}, text)
    found = [_metadata(text, pats) for text, _ in cleaned.paras[:_LEAD_LINES]]
    last = max((k for k, f in enumerate(found) if f is not None), default=-1)
    for k in range(last + 1):
        text, line = cleaned.paras[k]
        _add_meta(cleaned.meta, found[k] or {}, text)
        cleaned.removed.append(Removed(text, "headline" if found[k] is None else "metadata", line))
    del cleaned.paras[: last + 1]


_LEAD_LINES = 4


def _standfirst(keep: list[tuple[str, int]], removed: list[Removed]) -> list[str]:
    """Drop a standfirst repeated as the first body paragraph.

    An exact or truncated copy goes; when the body paragraph starts with the standfirst and goes on,
    the standfirst goes (nothing of the story is lost either way).
    """
    drop: set[int] = set()
    keys = [_key(t) for t, _ in keep[:6]]
    for j, k in enumerate(keys):
        if len(k) <= 30:
            continue
        for i in range(j):
            if i in drop or len(keys[i]) <= 30:
                continue
            if k == keys[i] or (keys[i].startswith(k) and len(k) > 0.5 * len(keys[i])):
                drop.add(j)
                break
            if k.startswith(keys[i]):
                drop.add(i)
    for j in sorted(drop):
        removed.append(Removed(keep[j][0], "repeated-standfirst", keep[j][1]))
    return [t for j, (t, _) in enumerate(keep) if j not in drop]


_CAPS_RUN = re.compile(r"[A-Z][\w'’&-]*(?: (?:[A-Z][\w'’&-]*|of|on|and))*")


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", name.lower())


def _outlet(cleaned: _Cleaned, text: str) -> str | None:
    """The outlet from metadata lines: a name the domain spells ("Riverside Chronicle" for riversidechronicle.com)
    first, then the outlet a byline or source line names, then the bare domain."""
    named, domain = cleaned.meta.get("outlet"), cleaned.meta.get("domain")
    if not domain:
        return named
    labels = [x for x in domain.lower().split(".") if x != "www"]
    keys = {lab.replace("-", "") for lab in labels[:-1] if len(lab) >= 4}
    if not keys:
        return named or domain

    def spells(name: str) -> bool:
        sq = _squash(name)
        return sq in keys or (sq.startswith("the") and sq[3:] in keys)

    if named and (spells(named) or any(k in _squash(named) for k in keys)):
        return named
    # capitalised runs and their sub-runs ("told the Daily Sentinel")
    for m in _CAPS_RUN.finditer(text[:200_000]):
        words = m.group().split()
        for i in range(len(words)):
            for j in range(min(len(words), i + 6), i, -1):
                if spells(" ".join(words[i:j])):
                    return " ".join(words[i:j])
    return named or domain


# --------------------------------------------------------------------------- main block (page dumps)

_WORD = re.compile(r"\w+")
_PROSE_END = re.compile(
    r"(?:[.!?…:;][\"'”’)\]]*|[\"”’])(?:\s*[^\w\s\"'”’.!?…:;,()\[\]-])*\s*$"
)  # emoji may follow


@lru_cache(maxsize=1)
def _stoplists() -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, ...]]]:
    """jusText's stoplists (language -> words) and an index word -> languages, built once per process.

    Read from justext's package folder: the lists alone, without importing justext's HTML machinery.
    """
    import importlib.util

    lists: dict[str, frozenset[str]] = {}
    spec = importlib.util.find_spec("justext")
    if spec is not None and spec.origin:
        for path in sorted((Path(spec.origin).parent / "stoplists").glob("*.txt")):
            words = path.read_text(encoding="utf-8").lower().split()
            lists[path.stem] = frozenset(words)
    if "English" not in lists:
        lists["English"] = frozenset(
            "a an and are as at be but by for from has have he her his i in is it its of on or "
            "she that the their they this to was were will with".split()
        )
    index: dict[str, list[str]] = {}
    for lang, words in lists.items():
        for w in words:
            index.setdefault(w, []).append(lang)
    return lists, {w: tuple(langs) for w, langs in index.items()}


def _stopwords(words: list[str]) -> frozenset[str]:
    """The stoplist of the language whose stopwords cover most of `words` (English on ties)."""
    lists, index = _stoplists()
    sample = words[:3000]
    english = lists["English"]
    if sample and sum(w.lower() in english for w in sample) >= 0.25 * len(sample):
        return english  # clearly English: skip the per-language count
    counts: dict[str, int] = {}
    for w in sample:
        for lang in index.get(w.lower(), ()):
            counts[lang] = counts.get(lang, 0) + 1
    if not counts:
        return lists["English"]
    best = max(counts.values())
    lang = "English" if counts.get("English", 0) >= best else max(counts, key=lambda k: counts[k])
    return lists[lang]


def _line_score(text: str, stop: frozenset[str]) -> float:
    """Positive for article prose, negative for page furniture (menus, link lists, labels)."""
    words = _WORD.findall(text)
    n = len(words)
    if n == 0:
        return -_P.line_cost
    density = sum(w.lower() in stop for w in words) / n
    prose_end = bool(_PROSE_END.search(text))
    if (n >= _P.min_words and prose_end and density >= _P.min_density) or (
        n >= _P.long_words and density >= _P.long_density
    ):
        return float(n)
    if prose_end and n >= _P.neutral_words:  # sentence-like but thin (table cells, list items): no evidence
        return _P.neutral_value
    if n <= _P.menu_words:  # menu items and labels are one or two words
        return -_P.line_cost
    return _P.word_value * n - _P.short_cost


@dataclass(frozen=True)
class _BlockParams:
    min_words: int = 5
    min_density: float = 0.2
    long_words: int = 25
    long_density: float = 0.3
    line_cost: float = 8.0
    word_value: float = 0.0
    menu_words: int = 2
    short_cost: float = 8.0
    neutral_words: int = 3
    neutral_value: float = 0.0
    title_anchor: bool = True
    gate_lines: int = 10  # run only when the text has this many furniture lines
    tail_min_words: int = 100
    end_min_words: float = 80.0  # story prose needed before an end-of-article marker
    comment_weight: float = 0.25  # prose words before a comment-section marker cuts the rest


_P = _BlockParams()
_FURNITURE_KINDS = frozenset({"navigation", "footer", "related", "cookie-notice"})


def _title_line(keep: list[tuple[str, int]], title: str | None) -> int:
    """Index of the page's own headline line (the <h1> under a "Headline | Site" title), or -1."""
    if not title:
        return -1
    tkey = _key(title)
    for k, (text, _) in enumerate(keep[:600]):
        key = _key(text)
        if len(key) >= 15 and (key == tkey or (tkey.startswith(key) and len(key) >= 0.5 * len(tkey))):
            return k
    return -1


def _main_block(cleaned: _Cleaned, stop: frozenset[str], title: str | None = None) -> bool:
    """Keep the article block of a page dump; returns True when it kept a block of the page.

    Runs only on texts with many furniture lines (page dumps), otherwise just the comment section is cut.
    With the learned line model (dateline/data/boilerplate/line_model.json) the block is chosen from its
    per-line body probabilities; without it, from the hand-set line scores (`_rule_block`).
    """
    keep = cleaned.paras
    scores = [_line_score(t, stop) for t, _ in keep]
    # page furniture the patterns already took (menus, footers, link lists) counts towards the gate
    furniture = sum(1 for x in scores if x < 0) + sum(
        1 for r in cleaned.removed if r.kind in _FURNITURE_KINDS
    )
    if len(keep) < 3 or furniture < _P.gate_lines:
        _cut_tail(cleaned, stop)
        return False
    model = _line_model()
    if model is not None:
        return _learned_block(cleaned, stop, title, scores, model)
    return _rule_block(cleaned, stop, title, scores)


def _rule_block(cleaned: _Cleaned, stop: frozenset[str], title: str | None, scores: list[float]) -> bool:
    """Keep the best-scoring run of lines (maximum-sum segment, as in Finn et al.'s Body Text Extraction).

    Comment-section markers are walls the run cannot cross; a comment section after the run is cut.
    """
    # written here: jusText classifies HTML paragraphs, not lines of text
    keep = cleaned.paras
    counts: dict[str, int] = {}
    for t, _ in keep:
        counts[t] = counts.get(t, 0) + 1
    if _P.title_anchor:
        # the story starts under its headline: what comes before it is page furniture
        for k in range(_title_line(keep, title)):
            scores[k] = min(scores[k], -_P.line_cost)
    for k, (t, _) in enumerate(keep):
        if counts[t] > 1 and scores[k] > 0:  # teasers and sidebars repeat on a page; story paragraphs do not
            scores[k] = -_P.line_cost
    # prose after a comment-section heading that follows the story is most likely comments
    prose = 0.0
    for k, x in enumerate(scores):
        if k in cleaned.strong and prose >= _P.tail_min_words:
            for m in range(k, len(scores)):
                if scores[m] > 0:
                    scores[m] *= _P.comment_weight
            break
        prose += max(0.0, x)
    best_i, best_j, best = _best_run(scores, set(cleaned.markers))
    if best <= 0:
        _cut_tail(cleaned, stop)
        return False
    _keep_block(cleaned, best_i, best_j, set())
    return True


def _best_run(scores: list[float], walls: set[int]) -> tuple[int, int, float]:
    """(first, last, sum) of the maximum-sum run of `scores` that does not cross a wall (Kadane)."""
    best, best_i, best_j = float("-inf"), 0, 0
    run, run_i = 0.0, 0
    for j, x in enumerate(scores):
        if run <= 0 or j in walls:
            run, run_i = 0.0, j
        run += x
        if run > best:
            best, best_i, best_j = run, run_i, j
    return best_i, best_j, best


def _keep_block(cleaned: _Cleaned, best_i: int, best_j: int, holes: set[int]) -> None:
    """Keep lines best_i..best_j but the `holes`; what follows a comment marker after the block is comments."""
    keep = cleaned.paras
    after = [m for m in cleaned.markers if m > best_j]
    end = min(after) if after else len(keep)
    for k, (text, line) in enumerate(keep):
        if k < best_i or k > best_j or k in holes:
            kind = "comment-form" if k >= end else "page-furniture"
            cleaned.removed.append(Removed(text, kind, line))
    cleaned.paras = [x for k, x in enumerate(keep) if best_i <= k <= best_j and k not in holes]
    cleaned.above = keep[max(0, best_i - _LEAD_LINES) : best_i]


# --------------------------------------------------------------------------- learned line classifier (page dumps)

_MODEL_FILE = "line_model.json"
_DATE_LIKE = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2} "
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b\d{4}-\d{2}-\d{2}\b|"
    r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}:\d{2}\b|\b(?:\d+|an?) (?:min|hour|day|week)s? ago\b"
)
_BYLINE_LIKE = re.compile(r"(?i)^(?:by|written by|posted by|author:?|von|par|por)\s+\S")
_LISTY = re.compile(r"^\s*(?:[•·▪►»›*+\-–—]|\d+[.)])\s|\s[|•·/]\s")
_PUNCT = re.compile(r"[.,;:!?]")
_BASE = (
    "log_words log_chars stop_ratio prose_end punct_per_word cap_ratio digit_ratio rule_score short_no_end "
    "date_like byline_like listy mean_word_len repeated colon_end upper_ratio quote ellipsis_end title_overlap"
).split()
_NEIGHBOUR_BASE = ("log_words", "stop_ratio", "prose_end", "rule_score")
_CONTEXT = (
    "rel_pos prose_before prose_after has_title before_title title_dist win_prose win_words gap_before "
    "gap_after furn_before furn_after marker after_strong"
).split()
_FEATURES: tuple[str, ...] = (
    *_BASE,
    *(f"{name}@{d:+d}" for d in (-2, -1, 1, 2) for name in _NEIGHBOUR_BASE),
    *_CONTEXT,
)


# stage 2 reads stage 1's probabilities around each line (stacking: body lines come in runs)
_STACK_FEATURES: tuple[str, ...] = tuple(
    "p p@-3 p@-2 p@-1 p@+1 p@+2 p@+3 p_win3 p_win10 p_max5 p_mass_before p_mass_after".split()
)


@dataclass(frozen=True)
class _Stage:
    mean: Any  # numpy arrays, one value per feature
    std: Any
    coef: Any
    bias: float


@dataclass(frozen=True)
class _LineModel:
    stages: tuple[_Stage, ...]  # logistic regressions; each after the first also reads _STACK_FEATURES
    threshold: float  # a line adds (p - threshold) * weight to the block score
    alpha: float  # weight = words ** alpha
    hole: float  # a line inside the block with p below this is dropped (0: keep all)
    walls: bool  # comment markers bound the block


def _load_line_model(path: Path) -> _LineModel | None:
    import json

    import numpy as np

    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != _FEATURES or tuple(data["stack_features"]) != _STACK_FEATURES:
        raise ValueError(f"{path}: feature list differs from this version of dateline.clean; retrain it")
    d = data["decode"]
    stages = tuple(
        _Stage(
            mean=np.asarray(st["mean"], dtype=float),
            std=np.asarray(st["std"], dtype=float),
            coef=np.asarray(st["coef"], dtype=float),
            bias=float(st["bias"]),
        )
        for st in data["stages"]
    )
    return _LineModel(
        stages=stages,
        threshold=float(d["threshold"]),
        alpha=float(d["alpha"]),
        hole=float(d["hole"]),
        walls=bool(d["walls"]),
    )


@lru_cache(maxsize=1)
def _line_model() -> _LineModel | None:
    return _load_line_model(_DATA / _MODEL_FILE)


def _line_features(cleaned: _Cleaned, stop: frozenset[str], title: str | None, scores: list[float]) -> Any:
    """One row of _FEATURES per kept line of a page dump (a numpy array, lines x features)."""
    import bisect

    import numpy as np

    keep = cleaned.paras
    n = len(keep)
    base = np.zeros((n, len(_BASE)))
    counts: dict[str, int] = {}
    for t, _ in keep:
        counts[t] = counts.get(t, 0) + 1
    title_words = {w.lower() for w in _WORD.findall(title or "") if w.lower() not in stop}
    for k, (t, _) in enumerate(keep):
        words = _WORD.findall(t)
        nw = max(1, len(words))
        chars = max(1, len(t))
        prose_end = bool(_PROSE_END.search(t))
        base[k] = (
            np.log1p(len(words)),
            np.log1p(len(t)),
            sum(w.lower() in stop for w in words) / nw,
            prose_end,
            len(_PUNCT.findall(t)) / nw,
            sum(w[0].isupper() for w in words) / nw,
            sum(c.isdigit() for c in t) / chars,
            np.tanh(scores[k] / 10.0),
            len(words) <= 3 and not prose_end,
            bool(_DATE_LIKE.search(t)) and len(words) <= 12,
            bool(_BYLINE_LIKE.match(t)) and len(words) <= 12,
            bool(_LISTY.search(t)),
            sum(len(w) for w in words) / nw,
            counts[t] > 1,
            t.endswith(":"),
            sum(c.isupper() for c in t) / chars,
            t[:1] in "\"“‘'" or t.rstrip()[-1:] in "\"”’'",
            t.endswith(("…", "...")),  # a teaser cut short
            len(title_words & {w.lower() for w in words}) / max(1, len(title_words)),
        )
    cols = [_BASE.index(name) for name in _NEIGHBOUR_BASE]
    neigh = []
    for d in (-2, -1, 1, 2):
        shifted = np.zeros((n, len(cols)))
        lo, hi = max(0, -d), min(n, n - d)
        if hi > lo:
            shifted[lo:hi] = base[lo + d : hi + d][:, cols]
        neigh.append(shifted)
    prose = np.maximum(np.asarray(scores, dtype=float), 0.0)
    total = max(1.0, float(prose.sum()))
    cum = np.cumsum(prose) - prose
    t_line = _title_line(keep, title)
    pos = np.arange(n)
    is_prose = (prose > 0).astype(float)
    win_prose = _window_mean(is_prose, 3)
    win_words = _window_mean(base[:, 0], 3)
    # page lines the patterns removed between kept lines: menus, footers, share bars around a kept line
    rem = sorted((r.line, r.kind in _FURNITURE_KINDS) for r in cleaned.removed)
    rem_lines = [x for x, _ in rem]
    lines = [line for _, line in keep]
    gap = np.zeros((n, 4))
    for k in range(n):
        a = bisect.bisect_right(rem_lines, lines[k - 1] if k else -1)
        b = bisect.bisect_left(rem_lines, lines[k])
        c = bisect.bisect_right(rem_lines, lines[k])
        e = bisect.bisect_left(rem_lines, lines[k + 1]) if k + 1 < n else len(rem_lines)
        gap[k] = (
            np.log1p(b - a),
            np.log1p(e - c),
            any(f for _, f in rem[a:b]),
            any(f for _, f in rem[c:e]),
        )
    markers = set(cleaned.markers)
    # a marker on the last line that was itself removed stands at position n (after every kept line)
    strong_at = min((m for m in cleaned.strong if m < n and cum[m] >= _P.tail_min_words), default=n)
    context = np.column_stack(
        [
            pos / max(1, n - 1),
            cum / total,
            (total - cum - prose) / total,
            np.full(n, float(t_line >= 0)),
            (pos < t_line).astype(float),
            np.tanh((pos - t_line) / 20.0) if t_line >= 0 else np.zeros(n),
            win_prose,
            win_words,
            gap,
            np.asarray([k in markers for k in range(n)], dtype=float),
            (pos >= strong_at).astype(float),
        ]
    )
    return np.column_stack([base, *neigh, context])


def _window_mean(values: Any, half: int) -> Any:
    """Mean of values[k - half : k + half + 1] for each k (the window cut at the page's ends)."""
    import numpy as np

    n = len(values)
    cum = np.concatenate([[0.0], np.cumsum(values)])
    lo = np.clip(np.arange(n) - half, 0, n)
    hi = np.clip(np.arange(n) + half + 1, 0, n)
    return (cum[hi] - cum[lo]) / np.maximum(1, hi - lo)


def _stack_features(probs: Any, words: Any) -> Any:
    """_STACK_FEATURES from one stage's line probabilities (and the lines' word counts)."""
    import numpy as np

    n = len(probs)
    cols = [probs]
    for d in (-3, -2, -1, 1, 2, 3):
        shifted = np.zeros(n)
        lo, hi = max(0, -d), min(n, n - d)
        if hi > lo:
            shifted[lo:hi] = probs[lo + d : hi + d]
        cols.append(shifted)
    for half in (3, 10):
        cols.append(_window_mean(probs, half))
    padded = np.concatenate([np.zeros(5), probs, np.zeros(5)])
    cols.append(np.lib.stride_tricks.sliding_window_view(padded, 11).max(axis=1))
    mass = probs * words
    total = max(1.0, float(mass.sum()))
    before = np.cumsum(mass) - mass
    cols += [before / total, (total - before - mass) / total]
    return np.column_stack(cols)


def _line_probs(features: Any, model: _LineModel) -> Any:
    """Body probability of each line: the stages in turn, each later one also reading the one before."""
    import numpy as np

    words = np.expm1(features[:, _FEATURES.index("log_words")])
    x = features
    probs = np.zeros(len(features))
    for k, stage in enumerate(model.stages):
        if k:
            x = np.column_stack([features, _stack_features(probs, words)])
        z = ((x - stage.mean) / stage.std) @ stage.coef + stage.bias
        probs = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    return probs


def _learned_block(
    cleaned: _Cleaned, stop: frozenset[str], title: str | None, scores: list[float], model: _LineModel
) -> bool:
    """The run of lines maximising the sum of (p - threshold) * words**alpha; lines inside it with a very
    low p (a related-links box inside the story) are dropped too (jusText/boilerpipe-style smoothing)."""
    probs = _line_probs(_line_features(cleaned, stop, title, scores), model)
    return _decode_block(cleaned, stop, [float(p) for p in probs], model, title)


_UNDER_HEADLINE = 0.5  # the best run under the headline is taken when it scores this share of the one above


def _decode_block(
    cleaned: _Cleaned, stop: frozenset[str], probs: list[float], model: _LineModel, title: str | None = None
) -> bool:
    keep = cleaned.paras
    weights = [max(1, len(_WORD.findall(t))) ** model.alpha for t, _ in keep]
    seg = [(p - model.threshold) * w for p, w in zip(probs, weights, strict=True)]
    walls = set(cleaned.markers) if model.walls else set()
    best_i, best_j, best = _best_run(seg, walls)
    if best <= 0:
        _cut_tail(cleaned, stop)
        return False
    t_line = _title_line(keep, title)
    if 0 <= t_line and best_i <= t_line < len(keep) - 1:
        # the story stands under its headline (so it does in nearly all benchmark pages): a run above or
        # across the headline line gives way to the best run below it unless that run is much weaker than
        # the best run above it
        ai, aj, a = _best_run(seg[t_line + 1 :], {m - t_line - 1 for m in walls if m > t_line})
        above = _best_run(seg[: t_line + 1], walls)[2]
        if a > 0 and a >= _UNDER_HEADLINE * above:
            best_i, best_j = ai + t_line + 1, aj + t_line + 1
    holes = {k for k in range(best_i, best_j + 1) if probs[k] < model.hole}
    _keep_block(cleaned, best_i, best_j, holes)
    return True


# --------------------------------------------------------------------------- wire dateline

_STATED_CONFIDENCE = 0.95  # a date the article states as its own (metadata line, wire dateline with a year)


def _wire_dateline(doc: Document, first: str, pats: _Patterns) -> None:
    """A wire dateline opening the story ("PARIS, June 16, 2025 (Agency) - ...") stays in the text; it is
    recorded in Document.extra["wire_dateline"], its date (with a year only) is the publication date when
    nothing else gave one, and its agency the outlet when none is known. A dateline without a year is left
    to dateline.pubdate, which dates it by a year the text gives, with its own confidence."""
    for rx in pats.dateline:
        m = rx.match(first)
        if not m or not (m.groupdict().get("date") or m.groupdict().get("agency")):
            continue
        found = {k: v.strip() for k, v in m.groupdict().items() if v and v.strip()}
        found.update(text=m.group().rstrip(" -—–"), start=0, end=m.end())
        doc.extra["wire_dateline"] = found
        iso = _iso_date(found["date"]) if "date" in found else None
        if iso and not doc.published:
            _set(doc, "published", iso, "text")
            doc.published_confidence = _STATED_CONFIDENCE
            doc.published_evidence = [f"date in the wire dateline {found['text']!r}"]
        _set(doc, "outlet", found.get("agency"), "text")
        return


# --------------------------------------------------------------------------- headline


_HEADLINE_CHARS = 120  # a line this short without a closing full stop is a headline, "!" or all caps or not


_SITE_FURNITURE = frozenset({"navigation", "cookie-notice", "subscribe", "newsletter", "donation", "share"})


def _story_headline(doc: Document, cleaned: _Cleaned, first: _Para | None, masthead: bool = False) -> None:
    """A page dump opens with the site's name, its menu or cookie notice, then the post's own headline: that
    headline is the title, not the site name taken from the first line, and the site name is the outlet when
    nothing else names one. Told by the lines around the second headline: a date or byline line under it with
    the menu above it ("Posted by NAME on DATE"), or the menu and a date line both above it ("Published Sunday
    11 October 2026"), or, when the first line is a bare outlet name (`masthead`: "Jinja Evening Post"), a date
    line above or under it."""
    if first is None or not cleaned.paras:
        return
    text, line = cleaned.paras[0]
    if not _looks_headline(text) or text.rstrip().endswith("."):
        return
    between = [r for r in cleaned.removed if first.line < r.line < line]
    under = [r for r in cleaned.removed if line < r.line <= line + 2 and r.kind == "metadata"]
    furniture = any(r.kind in _SITE_FURNITURE for r in between)
    dated_above = any(r.kind == "metadata" for r in between)
    named = len(first.text.split()) <= _SITE_NAME_WORDS  # a site's name, not a page title ("Headline | Site")
    if (under and furniture) or (
        named and ((furniture and dated_above) or (masthead and (under or dated_above)))
    ):
        doc.extra["site_title"] = doc.title
        doc.title = text
        cleaned.removed.append(Removed(text, "headline", line))
        del cleaned.paras[0]
        if named:
            cleaned.meta.setdefault("outlet", first.text)


_SITE_NAME_WORDS = 6  # a first line this short above the menu is the site's name, which is the outlet


def _looks_headline(text: str) -> bool:
    if len(text) > 200 or len(text.split()) < 2:
        return False
    if len(text) <= _HEADLINE_CHARS and not text.rstrip("\"'”’)").endswith("."):
        return True  # tabloid style: "TROOPS POUR IN! Convoy reaches base"
    sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text) if s]
    return len(sentences) == 1 and not (text.endswith(".") and len(text) > 120)


# --------------------------------------------------------------------------- HTML


_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header "
    "hr li main nav ol p pre section table td th tr ul title option button label".split()
)


_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _html_text(html: str, head: bool = True) -> str:
    """Everything a page shows as text: all text nodes but script/style, block elements on their own lines (without
    the <head>, its <title>, when `head` is False)."""
    drop = () if head else ("head",)
    # lxml directly: a full dump that keeps everything (trafilatura would already cut the page)
    from lxml import etree
    from lxml import html as lhtml

    html = _XML_INVALID.sub("", html)  # lxml refuses to set text with NUL or control characters
    try:
        root = lhtml.document_fromstring(html)
    except ValueError:  # a string with an XML encoding declaration
        parser = lhtml.HTMLParser(encoding="utf-8")
        root = lhtml.document_fromstring(html.encode("utf-8", errors="replace"), parser=parser)
    except etree.ParserError:
        return ""
    for el in list(
        root.iter(
            etree.Comment, etree.ProcessingInstruction, "script", "style", "noscript", "template", *drop
        )
    ):
        if el.getparent() is not None:
            el.drop_tree()  # keeps the tail text
    for el in root.iter(*_BLOCK_TAGS):
        el.text = "\n" + (el.text or "")
        el.tail = "\n" + (el.tail or "")
    lines = (_SPACES.sub(" ", x).strip() for x in root.text_content().split("\n"))
    return "\n".join(x for x in lines if x)


_TRAFILATURA_OPTIONS: dict[str, Any] = {
    "favor_precision": True,  # cleaner text for event extraction; also the best DEV score
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "deduplicate": False,
}


# the page's own publication-date tags (Open Graph / schema.org / common meta names), attribute order either way
_PUBLISHED_TAG = re.compile(
    r"""<meta\s[^>]*?(?:property|name|itemprop)\s*=\s*["']?(?:article:published_time|og:published_time|"""
    r"""datePublished|pubdate|publish[-_]?date|dc\.date\.issued)["']?[^>]*>""",
    re.I,
)
_CONTENT_ATTR = re.compile(r"""content\s*=\s*["']([^"']{8,40})["']""", re.I)
_JSONLD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')


_MODIFIED_TAG = re.compile(
    r"""<meta\s[^>]*?(?:property|name|itemprop)\s*=\s*["']?(?:article:modified_time|og:updated_time|"""
    r"""dateModified|last[-_]?modified)["']?[^>]*>|"dateModified"\s*:""",
    re.I,
)
# a page's own stamp of its first publication, beside an "Updated" one: "First published: Wed 28 Aug 2013 09.10
# GMT", "Published 12 March 2019 | Updated 14 March 2019", "Originally published on March 3, 2019"
_FIRST_PUBLISHED = re.compile(
    r"(?i)\b(?:first|originally)\s+(?:published|posted)(?:\s+on)?\s*:?\s*"
    r"(?P<date>[A-Za-z]{3,9},?\s+\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4}|\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4}|"
    r"[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})"
)


def _first_published_stamp(html: str, iso: str) -> str | None:
    """Issue 7 (session 22): a page whose only date tag is its modification time ("article:modified_time",
    "dateModified") while its text shows a first-publication stamp ("Updated: Thu 29 Aug 2013 | First published:
    Wed 28 Aug 2013"): htmldate returns the update, the publication date is the earlier stamped day."""
    head = html[:200_000]
    if _PUBLISHED_TAG.search(head) or _JSONLD_PUBLISHED.search(head) or not _MODIFIED_TAG.search(head):
        return None
    visible = re.sub(r"<[^>]+>", " ", re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", head))
    for m in _FIRST_PUBLISHED.finditer(visible):
        day = _iso_date(m.group("date"))
        if day and day < iso:
            return day
    return None


def _year_only_guess(iso: str, html: str) -> bool:
    """htmldate's January 1st from a bare year (a copyright line, "© 2025"): the page states no such day anywhere."""
    if not iso.endswith("-01-01"):
        return False
    y = re.escape(iso[:4])
    day = (
        rf"{y}-0?1-0?1(?!\d)|{y}/0?1/0?1(?!\d)|{y}0101(?!\d)|(?<!\d)0?1[/.-]0?1[/.-]{y}|\bJan(?:uary|\.)?\s+1(?:st)?,?\s+{y}"
        rf"|\b1(?:st)?\s+Jan(?:uary|\.)?,?\s+{y}|New Year"
    )
    return re.search(day, html, re.I) is None


def _date_params(html: str) -> dict[str, Any]:
    """htmldate's parameters, trafilatura's defaults except the latest date allowed: htmldate drops any date after
    the machine's today, so a page whose own publication tag states a later day (a zone ahead of ours, a wrong
    clock, an archive replayed) would get no date or a guessed one; the stated day is then allowed."""
    latest = datetime.now().astimezone().date().isoformat()
    head = html[:200_000]
    stated = [
        m.group(1) for m in (_CONTENT_ATTR.search(t.group(0)) for t in _PUBLISHED_TAG.finditer(head)) if m
    ]
    stated += _JSONLD_PUBLISHED.findall(head)
    for value in stated:
        iso = _iso_date(value)
        if iso and iso > latest:
            latest = iso
    return {"original_date": True, "extensive_search": True, "max_date": latest}


_JSONLD_SCRIPT = re.compile(r"""(?is)<script[^>]*application/ld\+json[^>]*>(.*?)</script>""")


def _jsonld_body(html: str) -> str | None:
    """The longest `articleBody` of the page's JSON-LD (an Article, NewsArticle, BlogPosting, ... node at any depth,
    "@graph" lists included), its markup and entities removed; None if there is none."""
    import json
    from html import unescape

    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            body = node.get("articleBody")
            if isinstance(body, str):
                found.append(body)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for m in _JSONLD_SCRIPT.finditer(html):
        try:
            walk(json.loads(m.group(1), strict=False))
        except ValueError:
            continue
    if not found:
        return None
    body = unescape(max(found, key=len))  # markup may come escaped ("&lt;p&gt;")
    body = re.sub(r"(?i)<br\s*/?>|</p>|</div>", "\n\n", body)
    return unescape(re.sub(r"<[^>]+>", " ", body)).strip() or None


def _thin_visible_body(text: str, body: str) -> bool:
    """Issue 3 (session 23): a paywalled or script-rendered page shows only a standfirst and a subscribe box while
    the whole story sits in its JSON-LD `articleBody`: the body is used when it is a story (>= 3 sentences, >= 40
    words) and fewer than half of its paragraphs are in the extracted text, which has less than half its words."""
    words = len(_WORD.findall(body))
    paras = [_SPACES.sub(" ", x).strip() for x in re.split(r"\n\s*\n|\n", body) if x.strip()]
    if words < 40 or len(re.findall(r"[.!?](?:\s|$)", body)) < 3 or 2 * len(_WORD.findall(text)) >= words:
        return False
    flat = _SPACES.sub(" ", re.sub(r"\s+", " ", text))
    return sum(p in flat for p in paras) * 2 < len(paras)


_LAYOUT_CELL = re.compile(r"(?is)<t[dh][\s>](?:(?!</t[dh]>).){0,4000}?<(?:h1|p)[\s>]")


def _unwrap_layout_tables(html: str) -> str:
    """Issue 3 (session 23): an old page laid out in a table (the story in one cell, a sidebar in the next) comes
    out of trafilatura's table handling as one line of cells joined by "|" (the headline, the story and the
    sidebar's lines run together). A table a cell of which holds the page's <h1> or three or more paragraphs of
    >= 40 words in all is layout, not data: its table, row and cell elements become plain blocks."""
    if not _LAYOUT_CELL.search(html):
        return html
    from lxml import etree
    from lxml import html as lhtml

    try:
        root = lhtml.document_fromstring(_XML_INVALID.sub("", html))
    except (ValueError, etree.ParserError):
        return html
    tables = []
    for cell in root.iter("td", "th"):
        paras = cell.findall(".//p")
        words = len(_WORD.findall(cell.text_content()))
        if cell.find(".//h1") is not None or (len(paras) >= 3 and words >= 40):
            tables.extend(t for t in cell.iterancestors("table") if t not in tables)
    if not tables:
        return html
    for table in tables:
        for el in [table, *table.iter("thead", "tbody", "tfoot", "tr", "td", "th", "caption")]:
            el.tag = "div"
            for attr in ("colspan", "rowspan", "width", "valign", "align"):
                el.attrib.pop(attr, None)
    return lhtml.tostring(root, encoding="unicode")


def _html_to_paras(html: str) -> tuple[list[_Para], dict[str, Any]]:
    traf = _trafilatura()
    html = _unwrap_layout_tables(html)
    try:
        result = traf.bare_extraction(
            html, with_metadata=True, date_extraction_params=_date_params(html), **_TRAFILATURA_OPTIONS
        )
    except Exception:  # trafilatura can fail on pathological markup; fall back to the plain dump
        result = None
    meta: dict[str, Any] = {}
    text = ""
    if result is not None:
        data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
        text = data.get("text") or ""
        meta = {
            k: v
            for k, v in data.items()
            if k not in ("body", "commentsbody", "raw_text", "text", "comments") and v not in (None, "", [])
        }
    body = _jsonld_body(html) if "articleBody" in html else None
    if body and _thin_visible_body(text, body):
        text = body  # the story the page's markup carries but does not show
        meta["articlebody"] = "json-ld"
    elif not text.strip():
        text = _html_text(html, head=False)  # a page with no body is no article, not its <title> as text
        meta["fallback"] = "html-text"
    return [_Para(p.text, -1) for p in _paragraphs(text)], meta


# --------------------------------------------------------------------------- the entry point


def _set(doc: Document, field: str, value: str | None, source: str) -> None:
    if value and not getattr(doc, field):
        setattr(doc, field, value)
        doc.meta_sources[field] = source


# --------------------------------------------------------------------------- masthead (plain text)

_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_MAST_DATE = re.compile(
    rf"(?:{_WEEKDAY},?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?"
    r"\s+\d{4}|\d{4}-\d{2}-\d{2}|(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.]\d{4})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,5})?)?"
)
# an issue or edition mark of a newsletter or a paper ("Issue 212", "Edition 19", "Vol. 3 No. 12", "Weekly")
_MAST_ISSUE = re.compile(
    r"(?i)(?:(?:issue|edition|no\.?|vol\.?|volume|number|episode)\s*#?\s*\d+[ ,]*)+|"
    r"(?:(?:daily|weekly|monthly|fortnightly|morning|evening|weekend) ?){1,2}(?:edition|newsletter|briefing|digest)?"
)
_MAST_SEP = re.compile(r"\s*[|·•]\s*|\s+[—–-]{1,2}\s+")
# the outlet's name as a masthead gives it: capitalised words ("Sughd Morning", "The Tien Shan Herald", "BALTIC BRIEF")
_MAST_NAME = re.compile(r"(?:The )?[A-Z][\w'’&.-]*(?: (?:[A-Z][\w'’&.-]*|of|and|on|the|&))*")
_MAST_WORDS = 6
# words of a page's news label, never an outlet's whole name: "Breaking News | 14 January 2027", "Latest Updates"
# (the line is still a masthead line: cut, its date read)
_NEWS_LABEL = frozenset(
    "breaking news latest live update updates top story stories headlines exclusive just in developing "
    "world local national international home today this week analysis opinion special report".split()
)
# a section line between the masthead and the headline: "REGION", "TOP STORY", "Home > World > North Africa"
_CAPS_SECTION = re.compile(r"[A-Z][A-Z&'’ -]{1,30}")
_BREADCRUMB = re.compile(r"[A-Z][\w&'’ -]{0,24}(?:\s*[>»›]\s*[A-Z][\w&'’ -]{0,24}){1,5}")
_MAST_LINES = 5  # lines looked at above the headline
# a note on the clock after a masthead's date: "(all times Eastern)", "(local time)", "(GMT)", "(updated)"
_MAST_NOTE = re.compile(
    r"\s*\((?:all times [A-Za-z ]{2,20}|times? (?:are|in) [A-Za-z ]{2,20}|local time|[A-Z]{2,5}(?:[+-]\d{1,2})?|"
    r"updated|corrected)\)\s*$"
)


def _mast_date(segment: str) -> str | None:
    m = _MAST_DATE.fullmatch(segment)
    if not m:
        return None
    if m["a"] and m["a"] != m["b"] and int(m["a"]) <= 12 and int(m["b"]) <= 12:
        return None  # "03/04/2026": day and month cannot be told apart
    return _iso_date(segment)


def _mast_line(text: str, first: bool, pats: _Patterns) -> dict[str, str] | None:
    """What a masthead or header line above the headline states ({"outlet", "date", "section", "evidence"}), or
    None when the line is not one. `evidence` is set when the line has a date, an issue mark or a breadcrumb: a
    bare name line alone does not make a masthead."""
    if len(text) > 160 or text.rstrip().endswith((".", "!", "?")) and not text.endswith(("No.", "Vol.")):
        return None
    text = _MAST_NOTE.sub("", text)  # "Washington, Saturday, April 12, 2031 (all times Eastern)"
    if _BREADCRUMB.fullmatch(text):
        return {"section": text, "evidence": "1"}
    segs = [x for x in _MAST_SEP.split(text) if x]
    if len(segs) == 1 and ", " in text:  # "Outback Lines, Monday 30 November 2026"
        head, _, rest = text.partition(", ")
        if _mast_date(rest):
            segs = [head, rest]
    found: dict[str, str] = {}
    named = False
    for k, seg in enumerate(segs):
        iso = _mast_date(seg)
        if iso:
            found.setdefault("date", iso)
            found["evidence"] = "1"
        elif _MAST_ISSUE.fullmatch(seg):
            found["evidence"] = "1"
        elif (
            k == 0
            and len(seg.split()) <= _MAST_WORDS
            and _MAST_NAME.fullmatch(seg)
            and not re.match(rf"(?i)(?:by|{_WEEKDAY}|{_MONTH})\b", seg)
            and not (seg.isupper() and " " not in seg)  # "KYIV | 12 March 2027": a wire dateline's place
        ):
            named = True
            if not set(seg.lower().split()) <= _NEWS_LABEL:
                found["outlet"] = seg
        elif len(seg.split()) <= 4 and not re.search(r"[.!?]$", seg) and (found.get("evidence") or named):
            found.setdefault("section", seg)  # a city or section after the name or the date
        else:
            return None
    if len(segs) == 1 and not found.get("evidence"):
        if not first:
            return None  # a bare name line is a masthead only at the top
    elif not found.get("evidence"):
        return None
    return found


def _masthead(paras: list[_Para], pats: _Patterns) -> tuple[int, dict[str, str]]:
    """The masthead of an unknown outlet above the headline of a plain text: its outlet name, date, issue and
    section lines ("Sughd Morning - Wednesday, 4 November 2026 - Khujand"; "Eurasia Brief" over "Monday 9 November
    2026 | Central Asia"; "BALTIC BRIEF | Weekly | Issue 87"; a breadcrumb or an all-caps section line). Returns
    the index of the headline (0: no masthead) and what the masthead states. A masthead needs a date, an issue
    mark or a breadcrumb, and a headline (short, no closing full stop, not itself a metadata line) under it with
    the story after it."""
    meta: dict[str, str] = {}
    evidence = False
    for i, p in enumerate(paras[: _MAST_LINES + 1]):
        found = _mast_line(p.text, i == 0, pats)
        if found is None and i > 0:
            known = _metadata(p.text, pats)
            if known is not None and "date" in known:  # "Published 3 December 2026"
                found = {"date": known["date"], "evidence": "1"}
        if (
            found is None
            and i > 0
            and evidence
            and _CAPS_SECTION.fullmatch(p.text)
            and len(p.text.split()) <= 3
        ):
            nxt = paras[i + 1].text if i + 1 < len(paras) else ""
            if _looks_headline(nxt) and not nxt.rstrip().endswith(".") and not _CAPS_SECTION.fullmatch(nxt):
                found = {"section": p.text}
        if found is None:
            ok = (
                evidence
                and i > 0
                and i + 1 < len(paras)
                and _looks_headline(p.text)
                and not p.text.rstrip("\"'”’)").endswith(".")
                and _metadata(p.text, pats) is None
                and _match_kind(p.text, pats) is None
            )
            return (i, meta) if ok else (0, {})
        evidence = evidence or bool(found.pop("evidence", None))
        if "date" in found and "date" not in meta:
            meta["date_line"] = p.text
        for k, v in found.items():
            meta.setdefault(k, v)
    return 0, {}


def _mast_outlet(name: str, text: str) -> str:
    """An all-caps masthead name as the page spells it in running text ("BALTIC BRIEF" -> "Baltic Brief")."""
    if not name.isupper():
        return name
    for m in re.finditer(re.escape(name), text, re.IGNORECASE):
        if not m.group().isupper():
            return m.group()
    return name


def _drop_name_lines(cleaned: _Cleaned, outlet: str | None) -> None:
    """A line that is only the outlet's name (over a footer's copyright line, or left from the masthead) goes."""
    if not outlet or not cleaned.paras:
        return
    key = _key(outlet)
    n = len(cleaned.paras)
    edge = [k for k in range(n) if (k < 2 or k >= n - 2) and _key(cleaned.paras[k][0]) == key]
    for k in reversed(edge):
        text, line = cleaned.paras[k]
        cleaned.removed.append(Removed(text, "masthead", line))
        del cleaned.paras[k]


def _text_paras(text: str, given_title: Any, pats: _Patterns) -> tuple[list[_Para], _Para | None]:
    """Paragraphs of a plain text and its headline (taken off the paragraphs), if the first one is one; a masthead
    line with a date above the headline ("Gulf Ledger | Wednesday, April 21, 2027 | 10:30 AM GST") stays a
    paragraph (for the metadata pass) and the line under it is the headline."""
    paras = _paragraphs(text)
    if not paras:
        return paras, None
    first = paras[0]
    if given_title:
        is_title = _key(first.text) == _key(str(given_title))
    else:
        is_title = _looks_headline(first.text) and len(paras) > 1
        if is_title and len(paras) > 2 and "date" in (_metadata(first.text, pats) or {}):
            if _looks_headline(paras[1].text) and not paras[1].text.rstrip().endswith("."):
                return [first, *paras[2:]], paras[1]
    return (paras[1:], first) if is_title else (paras, None)


def to_document(raw: RawArticle) -> Document:
    """Clean a raw article: body text with paragraphs separated by blank lines, plus metadata.

    Raises ValueError("no article text found") when nothing of the article is left.
    """
    pats = _patterns()
    given = raw.given or {}
    doc = Document(id="", text="", input_kind=raw.kind)
    doc.url = given.get("url")
    if raw.kind not in ("url", "stdin") and not raw.source.startswith(("http://", "https://", "-")):
        doc.path = raw.source  # file, or file#L<n> / file.warc.gz#<offset> / feed#item<n>
    if doc.url:
        doc.meta_sources["url"] = "given"
    for field in ("title", "outlet", "byline"):
        value = given.get(field)
        _set(doc, field, str(value).strip() if value else None, "given")
    if given.get("published"):
        iso = _iso_date(str(given["published"]))
        if iso:
            _set(doc, "published", iso, "given")
    if given.get("language"):
        doc.language = str(given["language"])
    for key in ("encoding", "encoding_note"):
        if key in given:
            doc.extra[key] = given[key]

    if raw.html is not None:
        paras, hmeta = _html_to_paras(raw.html)
        doc.extra["html_metadata"] = {
            k: v for k, v in hmeta.items() if isinstance(v, str | int | float | list)
        }
        if not doc.url and hmeta.get("url"):
            _set(doc, "url", hmeta["url"], "html-metadata")
        _set(doc, "title", hmeta.get("title"), "html-metadata")
        _set(doc, "byline", hmeta.get("author"), "html-metadata")
        _set(doc, "outlet", hmeta.get("sitename") or hmeta.get("hostname"), "html-metadata")
        if hmeta.get("date"):
            iso = _iso_date(str(hmeta["date"]))
            if iso and _year_only_guess(iso, raw.html):
                doc.extra["html_date_year_only"] = iso  # kept for the record, not a publication day
            else:
                _set(
                    doc, "published", (iso and _first_published_stamp(raw.html, iso)) or iso, "html-metadata"
                )
        if not doc.language and hmeta.get("language"):
            doc.language = hmeta["language"]
        # trafilatura sometimes keeps the page's <h1> as the first line
        if paras and doc.title and _key(paras[0].text) == _key(doc.title):
            doc.removed.append(Removed(paras[0].text, "headline", -1))
            paras = paras[1:]
        # metadata lines trafilatura kept in the body ("source: outlet.com", "By NAME | DATE") go as in plain text;
        # their values only fill what the page's own metadata left empty
        cleaned = _boilerplate(paras, pats, with_metadata=True)
        _set(doc, "published", _in_local_order(cleaned, doc.url), "text")
        if cleaned.meta.get("domain"):
            doc.extra["source_domain"] = cleaned.meta["domain"]
        if hmeta.get("fallback"):  # trafilatura found nothing: the whole page as text, find the story block
            _main_block(cleaned, _stopwords(_WORD.findall(" ".join(p.text for p in paras[:400]))), doc.title)
        else:
            _cut_tail(cleaned, _stoplists()[0]["English"])
        _cut_end(cleaned, pats, _stoplists()[0]["English"])
    else:
        # an unknown outlet's masthead, issue and section lines above the headline: taken off before the rest
        whole = _paragraphs(raw.text or "")
        at, mast = _masthead(whole, pats)
        if at and given.get("title") and _key(whole[at].text) != _key(str(given["title"])):
            at, mast = 0, {}
        if at:
            paras, headline = whole[at + 1 :], whole[at]
        else:
            paras, headline = _text_paras(raw.text or "", given.get("title"), pats)
        if headline:
            _set(doc, "title", headline.text, "text")
            doc.removed.append(Removed(headline.text, "headline", headline.line))
        stop = _stopwords(_WORD.findall(" ".join(p.text for p in paras[:400])))
        cleaned = _boilerplate(paras, pats, with_metadata=True)
        if at:
            cleaned.removed.extend(Removed(p.text, "masthead", p.line) for p in whole[:at])
            if mast.get("outlet"):
                mast["outlet"] = _mast_outlet(mast["outlet"], raw.text or "")
            for key, value in mast.items():  # the masthead over the story states the outlet and the day
                if key in ("outlet", "date", "date_line") or key not in cleaned.meta:
                    cleaned.meta[key] = value
        # a headline that is a programme line ("Channel 9 Evening Bulletin - transcript") names the outlet
        programme = (_metadata(headline.text, pats) or {}) if headline else {}
        if programme.get("outlet"):
            _add_meta(cleaned.meta, {"outlet": programme["outlet"]}, "")
        if _main_block(cleaned, stop, doc.title):
            _lead_metadata(cleaned, pats)
        _story_headline(
            doc, cleaned, headline, masthead=programme.get("outlet") == (headline.text if headline else "")
        )
        _cut_end(cleaned, pats, stop)
        _drop_name_lines(cleaned, cleaned.meta.get("outlet"))
        _set(doc, "outlet", _outlet(cleaned, raw.text or ""), "text")
        _set(doc, "byline", cleaned.meta.get("byline"), "text")
        for key, extra in (("domain", "source_domain"), ("section", "section")):
            if cleaned.meta.get(key):
                doc.extra[extra] = cleaned.meta[key]
        _set(doc, "published", _in_local_order(cleaned, doc.url), "text")
        if doc.meta_sources.get("published") == "text" and cleaned.meta.get("date_line"):
            doc.published_confidence = _STATED_CONFIDENCE
            doc.published_evidence = [f"date stated on a metadata line {cleaned.meta['date_line']!r}"]
    body = _standfirst(cleaned.paras, cleaned.removed)
    if body:
        _wire_dateline(doc, body[0], pats)
    cleaned.removed.sort(key=lambda r: r.line)
    doc.removed.extend(cleaned.removed)

    # the last the page offers: a day in its url ("/2014/06/23/", "-2021-02-10/")
    if not doc.published and doc.url:
        iso = _url_date(doc.url)
        if iso:
            _set(doc, "published", iso, "url")
            doc.published_confidence = _URL_CONFIDENCE
            doc.published_evidence = [f"date in the url {doc.url!r}"]
    if not doc.published and given.get("warc_date"):
        _set(doc, "published", _iso_date(str(given["warc_date"])), "given")
        doc.extra["published_is_crawl_date"] = True
    doc.published_source = doc.meta_sources.get("published")

    doc.text = "\n\n".join(body).strip()
    if not doc.text:
        raise ValueError("no article text found")
    doc.content_hash = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    doc.id = doc.content_hash[:16]
    return doc
