"""Sizes: numbers attached to events, with their hedges kept.

Public entry point: `extract_sizes(text, start=0)` -> list of `Size` records. `text` is a plain string (tokenised
with spaCy's tokenizer only) or a parsed spaCy `Span`/`Doc` (then entities and lemmas are used). Offsets are
character offsets into the document: `start` is added for a plain string, a Span's own offsets are used as they are.

"more than 250 soldiers" -> min 250, qualifier more-than, unit troops; "up to 275 personnel" -> max 275;
"around 20 planners" -> min = max = 20, approx; "between 300 and 400 troops" -> 300..400, qualifier range;
"hundreds of protesters" -> vague 100..999; "killing 46 civilians" -> kind dead; "about 1,000 of its 1,500
troops" -> the part, 1,000 troops (the whole is context); "initially put at nine, later revised to six" -> six only
(a corrected figure replaces the first). The word tables (number words, hedges, units, violence kinds, report and
crowd verbs) are in dateline/data/events/size_words.tsv.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from dateline.factuality import _TABLE, _kids
from dateline.factuality import _tokens as _doc_tokens
from dateline.model import Size

_DATA = Path(__file__).resolve().parent / "data" / "events" / "size_words.tsv"
# digits grouped by thousands ("2,000"), in the South Asian way by lakhs and crores ("1,50,000", "2,00,00,000"), or bare
_NUM_RE = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_SKIP_ENTS = {"DATE", "TIME", "PERCENT", "ORDINAL"}
_APPROX_HEDGES = {"about", "vague"}
_NEAR_HEDGES = {"nearly", "almost"}


@dataclass
class _Words:
    numbers: dict[str, float]
    multipliers: dict[str, float]
    vague: dict[tuple[str, ...], tuple[float, float]]
    hedges: dict[tuple[str, ...], str]
    units: dict[str, str]
    violence: dict[str, str]
    designators: frozenset[str] = frozenset()
    report: frozenset[str] = frozenset()
    crowd: frozenset[tuple[str, ...]] = frozenset()
    release: frozenset[str] = frozenset()
    vague_first: frozenset[str] = frozenset()
    vague_longest: int = 0
    size_starts: frozenset[str] = frozenset()  # words a number can start with (see `_may_hold_size`)
    sites: frozenset[str] = frozenset()  # place nouns after a unit word ("three police stations")


@lru_cache(maxsize=1)
def _words() -> _Words:
    w = _Words({}, {}, {}, {}, {}, {})
    designators: set[str] = set()
    report: set[str] = set()
    crowd: set[tuple[str, ...]] = set()
    release: set[str] = set()
    sites: set[str] = set()
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, kind, value = line.split("\t")[:3]
        if kind == "number":
            w.numbers[word] = float(value)
        elif kind == "multiplier":
            w.multipliers[word] = float(value)
        elif kind == "vague":
            lo, hi = value.split()
            w.vague[tuple(word.split())] = (float(lo), float(hi))
        elif kind == "hedge":
            w.hedges[tuple(word.split())] = value
        elif kind == "unit":
            w.units[word] = value
        elif kind == "violence":
            w.violence[word] = value
        elif kind == "designator":
            designators.add(word)
        elif kind == "report":
            report.add(word)
        elif kind == "crowd":
            crowd.add(tuple(word.split()))
        elif kind == "release":
            release.add(word)
        elif kind == "site":
            sites.add(word)
    w.designators = frozenset(designators)
    w.report = frozenset(report)
    w.crowd = frozenset(crowd)
    w.release = frozenset(release)
    w.sites = frozenset(sites)
    w.vague_first = frozenset(k[0] for k in w.vague)
    w.vague_longest = max((len(k) for k in w.vague), default=0)
    w.size_starts = frozenset(w.numbers) | {"nobody", "noone", "one"}
    return w


@dataclass(slots=True)
class _Tok:
    text: str
    low: str
    lemma: str
    start: int
    end: int
    ent: str
    tok: Any = None  # the spaCy token when a parse was given


def _tokens(text: Any, start: int, lows: list[str] | None = None) -> list[_Tok]:
    """The tokens of a plain string (offsets shifted by `start`) or of a parsed Span or Doc; `lows`, if given, are
    the parsed tokens' lower-case forms (see `_parsed`)."""
    if isinstance(text, str):
        from dateline.nlp import load

        # tokenizer only: a plain string needs no tagger or parser to find numbers
        toks = load().tokenizer(text)
        return [_Tok(t.text, t.lower_, t.lower_, t.idx + start, t.idx + len(t) + start, "") for t in toks]
    seq = _parsed(text)
    tab = _table_of(text)
    if tab is not None:  # the same records from the token table (`dateline.events._table`: speed)
        a = text.start if hasattr(text, "start") else 0
        b = a + len(seq)
        low = tab.lower[a:b] if lows is None else lows
        txt, lem, idx, ent = tab.text, tab.lemma, tab.idx, tab.ent
        return [
            _Tok(txt[i], lw, (lem[i] or lw).lower(), idx[i], idx[i] + len(txt[i]), ent[i], t)
            for i, t, lw in zip(range(a, b), seq, low, strict=True)
        ]
    if lows is None:
        lows = [t.lower_ for t in seq]
    return [
        _Tok(t.text, low, (t.lemma_ or low).lower(), t.idx, t.idx + len(t), t.ent_type_, t)
        for t, low in zip(seq, lows, strict=True)
    ]


def _table_of(text: Any) -> Any:
    """The token table of a parsed Span's or Doc's Doc kept for the current `extract_events` call, else None."""
    doc = text.doc if hasattr(text, "start") else text
    return doc.user_data.get(_TABLE)


def _parsed(text: Any) -> Any:
    """The tokens of a parsed Span or Doc: from the Doc's token list when `extract_events` keeps one (see
    `dateline.factuality._tokens`; spaCy builds a new Token object on every iteration), else the Span or Doc."""
    if hasattr(text, "start"):  # a Span
        return _doc_tokens(text.doc)[text.start : text.end]
    return _doc_tokens(text)


def _singular(w: str) -> str:
    if w.endswith("men"):
        return w[:-3] + "man"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _count_ends(toks: list[_Tok], j: int) -> bool:
    """Whether the number before toks[j] ends its noun phrase ("a crew of seven on Friday", not "troops of two
    battalions"): the sentence ends, or punctuation or (when parsed) a preposition, conjunction or verb follows."""
    if j >= len(toks) or not toks[j].text[:1].isalnum():
        return True
    nxt = toks[j].tok
    return nxt is not None and nxt.pos_ in ("ADP", "CCONJ", "AUX", "VERB", "PART", "PRON", "SCONJ")


def _strength_end(toks: list[_Tok], j: int) -> int | None:
    """Index after "-strong" / "strong" right after a number ("a 500-strong contingent"), else None."""
    if j < len(toks) and toks[j].low == "strong":
        return j + 1
    if j + 1 < len(toks) and toks[j].text in ("-", "–") and toks[j + 1].low == "strong":
        return j + 2
    if j < len(toks) and toks[j].low in ("-strong", "–strong"):
        return j + 1
    return None


def _currency_before(tok: _Tok, w: _Words) -> bool:
    """A currency sign or short code written before the number ("$5", "Rs 2 crore", "KSh 3 billion", "₦500")."""
    if tok.text in ("$", "€", "£"):
        return True
    return (len(tok.text) <= 4 or not tok.text.isalpha()) and w.units.get(tok.low) == "money"


def _currency_start(toks: list[_Tok], i: int, w: _Words) -> int | None:
    """Index of a currency written before the number at toks[i] ("$5", "Rs 40 crore", "Rs. 500 crore"), or None."""
    if i > 0 and _currency_before(toks[i - 1], w):
        return i - 1
    if (
        i > 1
        and toks[i - 1].text == "."
        and toks[i - 2].end == toks[i - 1].start
        and toks[i - 2].text.isalpha()
        and _currency_before(toks[i - 2], w)
    ):
        return i - 2
    return None


def _unit_of(tok: _Tok, w: _Words) -> str | None:
    # a parsed verb or adjective is read by its form only: "11 suspected militants" ("suspected" is no suspect)
    lemma = tok.lemma if tok.tok is None or tok.tok.pos_ not in _NOT_NOUN else tok.low
    for cand in (tok.low, lemma, _singular(tok.low), _es_plural(tok.low)):
        if cand in w.units:
            return w.units[cand]
    return _compound_unit(_singular(tok.low), w)


_NOT_NOUN = frozenset({"VERB", "AUX", "ADJ", "ADV"})
# units of things: a capture of them is no arrest nor abduction
_THINGS = frozenset({"ships", "aircraft", "vehicles", "weapons", "money", "tons"})
# a weapon word before one of these names strikes, not arms: "four drone strikes" counts strikes (events, no size)
_STRIKES = frozenset({"strike", "strikes", "attack", "attacks", "raid", "raids"})
# units that count formations ("two battalions"): after "600-strong" the number is its soldiers
_FORMATIONS = frozenset({"battalions", "brigades", "regiments", "squadrons", "platoons", "companies"})
_SUFFIX_MIN, _PREFIX_MIN = 5, 3


def _es_plural(low: str) -> str:
    """The singular of a plural in "-es" after a hissing sound ("buses", "boxes", "launches"), else ""."""
    return low[:-2] if low.endswith(("ses", "xes", "zes", "ches", "shes")) and len(low) > 4 else ""


def _plural(tok: _Tok) -> bool:
    """A plural form ("soldiers", "Marines"); an invariant noun ("police", "aircraft", "crew") is not."""
    return _singular(tok.low) != tok.low


def _compound_head(toks: list[_Tok], k: int, unit: str, w: _Words) -> tuple[str, int]:
    """The head of a noun compound whose first unit word is toks[k]: "six coast guard boats" (ships, not people),
    "two aircraft carriers" (ships), "14 ship crew members" (people), "24 fighter jets" (aircraft). The next word
    is taken while it is a unit word too, a noun when parsed, and not a singular after a plural ("two soldiers
    guard the gate": a verb). A two-word row of the table names the unit of the pair ("police officer": police).
    Returns the unit and the index after the head."""
    while k + 1 < len(toks) and unit != "money":
        nxt = toks[k + 1]
        if not nxt.text.isalpha() or nxt.start != toks[k].end + 1:
            break
        if nxt.tok is not None and nxt.tok.pos_ not in ("NOUN", "PROPN"):
            break
        head = _unit_of(nxt, w)
        if head is None and not _plural(toks[k]) and not _plural(nxt):
            # "two coast guard patrol boats", "three police patrol vessels": a modifier noun, then the head
            after = _noun_after(toks, k + 1)
            if after is not None and (hop := _unit_of(after, w)) is not None and hop != "money":
                unit, k = hop, k + 2
                continue
        if head is None or head == "money" or (_plural(toks[k]) and not _plural(nxt)):
            break
        unit = w.units.get(f"{_singular(toks[k].low)} {_singular(nxt.low)}") or head
        k += 1
    return unit, k + 1


# a service word right before a people noun makes them soldiers: "up to 150 army engineers", "60 military
# instructors", "30 navy doctors", "air force technicians" (ranks stay people: "20 army officers")
_SERVICE = frozenset({"army", "military", "navy", "naval", "marine", "infantry", "artillery"})
_RANKS = frozenset({"officer", "commander", "colonel", "brass", "general", "planner"})


def _in_service(toks: list[_Tok], k: int, j: int, unit: str) -> str:
    """The unit of the people noun toks[k] after a service word among the words after the number (from toks[j])."""
    if unit != "people" or k <= j or _singular(toks[k].low) in _RANKS:
        return unit
    before = toks[k - 1].low
    if before in _SERVICE or (before == "force" and k - 1 > j and toks[k - 2].low == "air"):
        return "troops"
    return unit


def _pair_unit(toks: list[_Tok], k: int, w: _Words) -> str | None:
    """The unit of a two-word row starting at toks[k] whose first word is no unit of its own ("blue helmets",
    "Revolutionary Guards": troops, where "helmets" names no one and "guards" only people)."""
    if k + 1 >= len(toks) or not toks[k].text.isalpha() or toks[k + 1].start != toks[k].end + 1:
        return None
    return w.units.get(f"{toks[k].low} {_singular(toks[k + 1].low)}")


# formations whose strength is told in men: "a battalion of 850 men", "a contingent of 200 men"
_FORMATION_NOUNS = frozenset({"battalion", "brigade", "regiment", "company", "platoon", "squadron", "contingent",
                              "division", "detachment", "garrison"})  # fmt: skip


def _formation_of(toks: list[_Tok], lo: int, w: _Words) -> bool:
    """The count at toks[lo] follows "<formation> of" ("a battalion of 850 men")."""
    return lo >= 2 and toks[lo - 1].low == "of" and _singular(toks[lo - 2].low) in _FORMATION_NOUNS


def _site_after(toks: list[_Tok], k: int, w: _Words) -> bool:
    """Whether toks[k], right after the unit word before it, is a place noun that word modifies ("police stations",
    "army bases", "refugee camps"): the count is of places."""
    if k <= 0 or k >= len(toks):
        return False
    t = toks[k]
    if not t.text.isalpha() or t.start != toks[k - 1].end + 1:
        return False
    if t.tok is not None and t.tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return t.low in w.sites or _singular(t.low) in w.sites or _es_plural(t.low) in w.sites


def _noun_after(toks: list[_Tok], k: int) -> _Tok | None:
    """The word right after toks[k] (no space or punctuation between) when it can close a noun compound: a noun
    when parsed; a plural when not (plain text: "guard patrol boats", not "guard duty on Monday")."""
    if k + 1 >= len(toks):
        return None
    nxt = toks[k + 1]
    if not nxt.text.isalpha() or nxt.start != toks[k].end + 1:
        return None
    if nxt.tok is not None:
        return nxt if nxt.tok.pos_ in ("NOUN", "PROPN") and toks[k].tok.pos_ in ("NOUN", "PROPN") else None
    return nxt if _plural(nxt) else None


def _compound_unit(word: str, w: _Words) -> str | None:
    """The unit of a closed compound ending in a unit word: "dockworkers", "steelworkers", "spokespersons"."""
    if not word.isalpha():
        return None
    for i in range(_PREFIX_MIN, len(word) - _SUFFIX_MIN + 1):
        unit = w.units.get(word[i:])
        if unit is not None:
            return unit
    return None


def _crowd_follows(toks: list[_Tok], j: int, w: _Words) -> bool:
    """The words right after a bare count are a crowd's verb ("marched", "took to the streets"), a parsed verb
    read by its lemma, the first word of a phrase by its lemma too ("took to" -> "take to")."""
    if j >= len(toks) or (toks[j].tok is not None and toks[j].tok.pos_ not in ("VERB", "AUX")):
        return False
    first = toks[j].lemma
    for n in (2, 1):
        key = (first, *(t.low for t in toks[j + 1 : j + n]))
        if len(key) == n and key in w.crowd:
            return True
    return False


def _source_count(toks: list[_Tok], lo_i: int, last: int, w: _Words) -> bool:
    """The counted people are the report's source ("according to two diplomats", "three officials said"), not
    the event's participants: their number is no size of the event. Parsed: the subject of a report verb or the
    object of "according to"; plain text: a report verb right after the count, or "according to" right before."""
    t = toks[last - 1].tok
    if t is None:
        if last < len(toks) and _base_forms(toks[last]) & w.report:
            return True
        return lo_i >= 2 and toks[lo_i - 1].low == "to" and toks[lo_i - 2].low == "according"
    if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ in w.report:
        return True
    return t.dep_ == "nsubj" and t.head.lemma_.lower() in w.report


# past forms a plain (unparsed) word may have that no suffix rule undoes
_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "fled": "flee", "sent": "send", "shot": "shoot",
              "held": "hold", "slew": "slay", "slain": "slay"}  # fmt: skip


def _stems(low: str) -> list[str]:
    """Base forms an inflected verb of plain text may have ("dispatched" -> "dispatch", "displaced" ->
    "displace", "kidnapped" -> "kidnap", "died" -> "die"): a parse gives the lemma, plain text has only the
    tokenizer."""
    out = [_IRREGULAR[low]] if low in _IRREGULAR else []
    for suf in ("ied", "ed", "ing", "es", "s"):
        if not low.endswith(suf) or len(low) < len(suf) + 2:
            continue
        base = low[: -len(suf)]
        if suf == "ied":
            out.append(base + "y")
            continue
        out += [base, base + "e"]
        if base[-1] == base[-2]:
            out.append(base[:-1])
    return out


def _base_forms(tok: _Tok) -> set[str]:
    """The word's lower-cased form and lemma, and for plain text the base forms it may have."""
    out = {tok.low, tok.lemma}
    if tok.tok is None:
        out.update(_stems(tok.low))
    return out


def _deploy_noun(tok: _Tok, cand: str) -> bool:
    """Whether a word of a deployment verb's row is its noun ("two metro stations", "three police stations"): a
    parsed noun, or in plain text the plural of the row's word; the noun counts places, no one deployed."""
    if tok.tok is not None:
        return tok.tok.pos_ in ("NOUN", "PROPN")
    return tok.low != cand and tok.low in (cand + "s", cand + "es")


def _violence_of(tok: _Tok, w: _Words) -> str | None:
    for cand in (tok.lemma, tok.low, _singular(tok.low)):
        if cand in w.violence:
            if w.violence[cand] == "deployed" and _deploy_noun(tok, cand):
                return None
            return w.violence[cand]
    if tok.tok is None:  # plain text: "dispatched", "displaced", "detained" read as their verbs
        for cand in _stems(tok.low):
            if cand in w.violence:
                if w.violence[cand] == "deployed" and _deploy_noun(tok, cand):
                    return None
                return w.violence[cand]
    for stem, kind in (("kill", "dead"), ("wound", "injured"), ("injur", "injured"), ("arrest", "arrested")):
        if tok.low.startswith(stem):
            return kind
    return None


def _violence_at(toks: list[_Tok], k: int, w: _Words) -> str | None:
    """The violence kind of token k, or of the verb + particle pair it ends ("rounded up", "gunned down")."""
    if k > 0:
        for first in _base_forms(toks[k - 1]) if toks[k - 1].tok is None else (toks[k - 1].lemma,):
            if kind := w.violence.get(f"{first} {toks[k].low}"):
                return kind
    return _violence_of(toks[k], w)


_READY = {("at", "readiness"), ("in", "reserve"), ("on", "standby"), ("on", "alert"), ("back", None)}


def _held_ready(toks: list[_Tok], k: int) -> bool:
    """ "personnel were held at readiness / in reserve / on standby / back": kept ready, not a detention."""
    if toks[k].low not in ("held", "hold", "holding"):
        return False
    nxt = [t.low for t in toks[k + 1 : k + 4] if t.low not in ("a", "the", "high")]
    return bool(nxt) and any(nxt[0] == a and (b is None or b in nxt[1:3]) for a, b in _READY)


_HELD_OBJECT = frozenset({"a", "an", "the", "their", "its", "another", "talks", "rallies", "protests", "meetings",
                          "vigils", "demonstrations", "marches", "elections", "prayers"})  # fmt: skip


def _held_something(toks: list[_Tok], k: int) -> bool:
    """ "3,000 people held a smaller march", "the envoys held talks": the counted people hold an event (an object
    follows the verb), they are not held ("40 people held in Machala")."""
    if toks[k].low not in ("held", "hold", "holds", "holding"):
        return False
    if toks[k].tok is not None and any(c.dep_ == "dobj" for c in _kids(toks[k].tok)):
        return True  # parsed: "the two countries held exploratory talks"
    return k + 1 < len(toks) and toks[k + 1].low in _HELD_OBJECT


# words of captivity: people "held" where one of them is said are hostages, not detainees (no arrest)
_CAPTIVITY = frozenset({"hostage", "hostages", "captive", "captives", "captivity", "captor", "captors", "kidnap",
                        "kidnapped", "kidnapping", "kidnapper", "kidnappers", "abduct", "abducted", "abduction",
                        "abductor", "abductors", "ransom"})  # fmt: skip
_FREEING = frozenset({"free", "freed", "freedom", "release", "released"})


def _held_captive(toks: list[_Tok], k: int) -> bool:
    """ "the five Canadians still held in Haiti" (in a sentence asking for their release), "three engineers held
    hostage": people held by captors are no arrest."""
    if toks[k].low not in ("held", "hold", "holding"):
        return False
    lows = {t.low for t in toks} | {t.lemma for t in toks}
    return bool(lows & _CAPTIVITY) or bool(lows & _FREEING)


# a weapon's target prefix ("anti-ship missiles", "anti-tank rockets"): the word after it is no unit
_TARGET_PREFIXES = frozenset({"anti", "counter"})


def _target_word(toks: list[_Tok], k: int) -> bool:
    """Whether toks[k] is the target of a prefix ("anti" "-" "ship"), not the counted thing."""
    return k >= 2 and toks[k - 1].text in ("-", "–") and toks[k - 2].low in _TARGET_PREFIXES


def _passive_kind(toks: list[_Tok], last: int, w: _Words) -> str | None:
    """ "Five crew members on the tanker were injured", "three colleagues of the journalist were arrested": the
    violence kind of the passive verb whose subject the counted noun heads, however far it stands (needs the parse)."""
    t = toks[last - 1].tok if last > 0 else None
    if t is None:
        return None
    while t.dep_ in ("compound", "nummod") and t.head.i != t.i:
        t = t.head
    if t.dep_ != "nsubjpass" or t.head.tag_ != "VBN":
        return None
    kind = _violence_of(_Tok(t.head.text, t.head.lower_, t.head.lemma_.lower(), 0, 0, ""), w)
    if kind == "arrested" and t.head.lemma_.lower() in ("hold", "keep"):
        return None  # "are still held": a state (hostages or detainees), no arrest told
    return kind if kind in ("dead", "injured", "arrested") else None


def _number_at(toks: list[_Tok], i: int, w: _Words) -> tuple[float, int] | None:
    """Value and end index (exclusive) of a number starting at token i."""
    t = toks[i]
    value: float | None = None
    if t.low in ("nobody", "noone") or (t.low == "one" and i > 0 and toks[i - 1].low == "no"):
        return 0.0, i + 1  # "no one was hurt", "nobody was killed": a count of none
    if _NUM_RE.match(t.text):
        value = float(t.text.replace(",", ""))
    elif t.low in w.numbers:
        value = w.numbers[t.low]
    elif "-" in t.low and all(p in w.numbers for p in t.low.split("-")):
        value = sum(w.numbers[p] for p in t.low.split("-"))
    if value is None:
        return None
    j = i + 1
    if _tens_and_units(toks, i, value, w):  # "Fifty-two migrants": the tokenizer splits the hyphenated word
        value += w.numbers[toks[i + 2].low]
        j = i + 3
    if re.fullmatch(r"\d{1,3}", t.text):
        # thousands grouped with spaces ("2 000 troops", "12 500 people"): one number
        while j < len(toks) and re.fullmatch(r"\d{3}", toks[j].text) and toks[j].start == toks[j - 1].end + 1:
            value = value * 1000 + float(toks[j].text)
            j += 1
    while j < len(toks) and toks[j].low in w.multipliers:
        value *= w.multipliers[toks[j].low]
        j += 1
    return value, j


def _tens_and_units(toks: list[_Tok], i: int, value: float, w: _Words) -> bool:
    """A tens word joined by a hyphen to a units word ("twenty-one", "Ninety-nine"), split into three tokens."""
    if not (toks[i].low in w.numbers and 20 <= value <= 90 and value % 10 == 0 and i + 2 < len(toks)):
        return False
    hyphen, unit = toks[i + 1], toks[i + 2]
    return (
        hyphen.text in ("-", "–")
        and hyphen.start == toks[i].end
        and unit.start == hyphen.end
        and 1 <= w.numbers.get(unit.low, 0) <= 9
    )


def _match_vague(toks: list[_Tok], i: int, w: _Words) -> tuple[tuple[float, float], int] | None:
    """Longest vague phrase starting at token i: ((min, max), end index); one dict lookup per length."""
    if toks[i].low not in w.vague_first:
        return None
    for n in range(min(w.vague_longest, len(toks) - i), 0, -1):
        val = w.vague.get(tuple(t.low for t in toks[i : i + n]))
        if val is not None:
            return val, i + n
    return None


_RANGE_WORDS = frozenset({"to", "-", "–", "—"})


def _range_end(toks: list[_Tok], i: int, j: int, lo: float, w: _Words) -> tuple[float, int] | None:
    """The upper end of a range starting with the number at toks[i:j] ("between 300 and 400", "12 to 15",
    "300-400"): (its value, the end index), or None."""
    if j + 1 >= len(toks):
        return None
    sep = toks[j].low
    if not (sep in _RANGE_WORDS or (sep == "and" and i > 0 and toks[i - 1].low == "between")):
        return None
    if i > 0 and toks[i - 1].low == "from":
        return None  # "rose from 300 to 400": a change, not a range
    second = _number_at(toks, j + 1, w)
    if second is None or second[0] <= lo:
        return None
    return second


_WHOLE_DETS = frozenset(
    {"its", "their", "the", "his", "her", "our", "an", "estimated", "some", "about", "around"}
)


def _whole_after(toks: list[_Tok], j: int, w: _Words) -> int | None:
    """ "1,000 of its 1,500 troops", "300 of the 900 soldiers": the index after the whole's number, or None."""
    if j + 1 >= len(toks) or toks[j].low != "of":
        return None
    k = j + 1
    while k < len(toks) and toks[k].low in _WHOLE_DETS:
        k += 1
    if k >= len(toks) or k == j + 1 and not _NUM_RE.match(toks[k].text):
        return None  # "two of three" without a determiner is taken only with digits
    num = _number_at(toks, k, w)
    return num[1] if num is not None else None


def _hedge_before(toks: list[_Tok], i: int, w: _Words) -> tuple[str, int] | None:
    """A hedge ending right before token i (an article "a" may sit between: "more than a dozen")."""
    end = i - 1 if i > 0 and toks[i - 1].low in ("a", "an") else i
    for n in (4, 3, 2, 1):
        s = end - n
        if s < 0:
            continue
        key = tuple(t.low for t in toks[s:end])
        if key in w.hedges:
            return w.hedges[key], s
    return None


def _count_in_date(toks: list[_Tok], i: int, w: _Words) -> bool:
    """A count the tagger swept into a date ("its last 280 troops", "Forty lorries" tagged DATE): a number right
    before a unit."""
    t = toks[i]
    if (
        t.ent not in ("DATE", "TIME")
        or not (_NUM_RE.match(t.text) or t.low in w.numbers)
        or i + 1 >= len(toks)
    ):
        return False
    return _unit_of(toks[i + 1], w) is not None  # (also a number word: "Forty lorries" tagged DATE)


_RISEN = {"rise", "rises", "rose", "risen", "climb", "climbs", "climbed", "reach", "reaches", "reached", "jump",
          "jumps", "jumped", "increase", "increased", "grow", "grew", "grown", "stand", "stands", "stood", "hit",
          "put", "puts", "revise", "revised", "revising", "lower", "lowered", "lowering", "raise", "raised", "raising",
          "correct", "corrected", "adjust", "adjusted", "update", "updated", "given", "estimated"}  # fmt: skip
# a first figure ("initially put at nine") and the words that correct it later in the sentence ("later revised to six")
_FIRST_FIGURE = frozenset({"initially", "originally"})
_REVISED = frozenset(
    {"revised", "revising", "lowered", "raised", "corrected", "adjusted", "updated", "amended"}
)
_LATER = frozenset({"later", "subsequently", "since", "now"})
_BARE_CORRECTION = frozenset({"to", "at", "as", "later", "now", "subsequently"})  # "... later six"
_ADDED = frozenset({"another", "more", "additional", "further", "other", "extra"})
_TALLIES = {"toll": "dead", "tally": None, "number": None, "count": None}
# verbs whose object is the figure a tally reached: "the toll has reached 48", "the death toll topped 100"
_REACHED = frozenset({"reach", "reached", "reaches", "top", "topped", "tops", "pass", "passed", "passes",
                      "exceed", "exceeded", "exceeds", "surpass", "surpassed", "surpasses", "hit", "hits"})  # fmt: skip


def _tally(toks: list[_Tok], i: int, w: _Words) -> tuple[str | None, str | None]:
    """A bare number that a tally is said to have reached ("the toll has risen to seven", "the number of soldiers
    killed ... stood at 12"): the tally's unit and kind, from the words before it in the clause. A death toll counts
    the dead; "the number of X killed" counts X, killed."""
    k = i - 1
    if k >= 1 and toks[k].low in _REACHED:  # "the death toll has reached 48": the count is the verb's object
        scan = range(k - 1, max(-1, k - 30), -1)
    elif k < 1 or toks[k].low not in ("to", "at", "as"):
        return None, None
    elif k > 1 and toks[k - 1].low in ("down", "up") and toks[k - 2].low in _RISEN:
        scan = range(k - 3, max(-1, k - 31), -1)  # "revised down to six"
    elif toks[k - 1].low in _RISEN:
        scan = range(k - 2, max(-1, k - 30), -1)
    else:
        # "raised the death toll to 12", "revising the toll to six": the verb before its tally object
        verb = next((x for x in range(k - 2, max(-1, k - 7), -1) if toks[x].low in _RISEN), None)
        if verb is None or not any(t.low in _TALLIES for t in toks[verb + 1 : k]):
            return None, None
        scan = range(k - 1, verb, -1)
    unit = kind = None
    tally = False
    for x in scan:
        t = toks[x]
        if t.text in (".", ";"):
            break
        if t.low in _TALLIES:
            tally = True
            if _TALLIES[t.low]:  # "the toll from the car bomb": the dead, whatever the words after it name
                unit, kind = "people", _TALLIES[t.low]
            break
        unit = _unit_of(t, w) or unit  # the leftmost unit and violence word after the tally word
        kind = _violence_of(t, w) or kind
    if not tally or (kind is None and unit is None):
        return None, None
    return unit or ("people" if kind == "dead" else None), kind


_BE = frozenset({"be", "is", "are", "was", "were", "been", "being"})
_BE_ADVERBS = frozenset(
    {"later", "since", "now", "all", "also", "then", "finally", "eventually", "subsequently"}
)
_CLAUSE_ENDS = frozenset({".", ";", ",", "and", "but", "while", "whereas"})


def _released(toks: list[_Tok], lo_i: int, last: int, w: _Words) -> bool:
    """The count is of people set free ("the junta freed 45 prisoners", "seven activists detained last month
    were released", "12 fishermen freed by the navy"): a release verb governs it, before it (nearer than any
    violence word) or after it in its clause, passive or right after the noun. The model has no "released" kind:
    such a count keeps its unit and no kind (it is no arrest)."""
    for k in range(lo_i - 1, max(-1, lo_i - 5), -1):
        if toks[k].text in (".", ";", ","):
            break
        if _base_forms(toks[k]) & w.release:
            return True
        if _violence_at(toks, k, w):
            break
    if last < len(toks) and _base_forms(toks[last]) & w.release:
        return True
    for k in range(last, min(len(toks), last + 9)):
        if toks[k].low in _CLAUSE_ENDS:
            break
        if _base_forms(toks[k]) & w.release:
            prev = [t.low for t in toks[max(last, k - 3) : k] if t.low not in _BE_ADVERBS]
            if prev and prev[-1] in _BE:
                return True
    return False


# a place of custody said of people already in it ("nine remain in jail", "four are still in prison"): no arrest
_CUSTODY = frozenset({"jail", "prison", "custody", "detention", "jails", "prisons"})
_STATE = frozenset({"remain", "remains", "remained", "remaining", "stay", "stays", "stayed", "still", "languish",
                    "languishes", "languished", "languishing"})  # fmt: skip


def _in_custody(toks: list[_Tok], last: int, k: int) -> bool:
    """toks[k] is a place of custody after "in", and a verb of state stands between the count and it."""
    return (
        toks[k].low in _CUSTODY
        and k > 0
        and toks[k - 1].low == "in"
        and any(t.low in _STATE for t in toks[last : k - 1])
    )


def _kind_after(toks: list[_Tok], last: int, w: _Words) -> str | None:
    """The violence kind named in the few words after a count, up to the end of its clause."""
    for k in range(last, min(len(toks), last + 4)):
        if toks[k].text in (".", ";", ",") or toks[k].low == "and":
            break
        kind = _violence_at(toks, k, w)
        # "held at readiness", "held in reserve": kept ready; "held a march": not detained
        if kind == "arrested" and (
            _held_ready(toks, k)
            or _held_something(toks, k)
            or _held_captive(toks, k)
            or _in_custody(toks, last, k)
        ):
            kind = None
        if kind:
            return kind
    return None


def _text_of(toks: list[_Tok], a: int, b: int, text: Any, start: int) -> str:
    """The text of toks[a:b]: of a parsed span, its tokens' texts with the whitespace between them (what the Doc's
    text holds there, without rebuilding the whole sentence's text); of a plain string, its slice."""
    if toks[a].tok is None:
        full, off = _surface(text, start)
        return full[toks[a].start - off : toks[b - 1].end - off]
    return "".join([t.tok.text_with_ws for t in toks[a : b - 1]]) + toks[b - 1].tok.text


def _surface(text: Any, start: int) -> tuple[str, int]:
    """The text the offsets index and where it starts; a Span's own text, not its whole Doc's (Doc.text is rebuilt
    from every token on each call)."""
    if isinstance(text, str):
        return text, start
    return text.text, getattr(text, "start_char", 0)


def _may_hold_size(lows: list[str], w: _Words) -> bool:
    """Whether any token of a parsed span (its lower-case forms) could start a number or a vague count (a digit, a
    number word, "nobody", a whole vague phrase): a sentence with none holds no size, known without building its
    tokens (speed)."""
    for i, low in enumerate(lows):
        # no letter is a digit: a word skips the scan of its characters
        if low in w.size_starts or "-" in low or (not low.isalpha() and any(ch.isdigit() for ch in low)):
            return True
        if low in w.vague_first and any(
            tuple(lows[i : i + n]) in w.vague for n in range(1, min(w.vague_longest, len(lows) - i) + 1)
        ):
            return True
    return False


def extract_sizes(text: Any, start: int = 0) -> list[Size]:
    """Numbers with hedges, units and violence kinds in `text` (a string or a spaCy Span/Doc)."""
    w = _words()
    lows = None
    if not isinstance(text, str):
        tab = _table_of(text)
        if tab is not None:  # (the token table's lower-case forms: speed)
            lows = tab.lower[text.start : text.end] if hasattr(text, "start") else tab.lower
        else:
            lows = [t.lower_ for t in _parsed(text)]
        if not _may_hold_size(lows, w):
            return []
    toks = _tokens(text, start, lows)
    out: list[Size] = []
    spans: list[tuple[int, int]] = []  # token span of each size in `out`
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.ent in _SKIP_ENTS and not _count_in_date(toks, i, w):
            i += 1
            continue
        vague = _match_vague(toks, i, w)
        num = None if vague else _number_at(toks, i, w)
        if vague is None and num is None:
            i += 1
            continue
        if vague is not None:
            (lo, hi), j = vague
            value = None
            # "several hundred", "a few thousand": a vague count of a multiplier
            while j < len(toks) and toks[j].low in w.multipliers:
                lo, hi = lo * w.multipliers[toks[j].low], hi * w.multipliers[toks[j].low]
                j += 1
        else:
            assert num is not None
            value, j = num
            lo = hi = value
        ranged = _range_end(toks, i, j, lo, w) if num is not None else None
        if ranged is not None:  # "between 300 and 400 soldiers", "12 to 15 people", "300-400 troops"
            hi, j = ranged
        # a bare year or a percentage is not a size
        if j < len(toks) and toks[j].low in ("%", "percent", "per"):
            i = j
            continue
        if (
            value is not None
            and 1900 <= value <= 2100
            and "," not in t.text
            and t.text.isdigit()
            and j == i + 1
        ):
            i = j
            continue
        # a number that names a model, class or item ("Type 45 destroyer", "Resolution 2334", "Flight 752") is no count
        if (
            num is not None
            and i > 0
            and toks[i - 1].low.rstrip(".") in w.designators
            and t.text[:1].isdigit()
        ):
            i = j
            continue
        first = i - 1 if t.low == "one" and value == 0 else i  # "no one": the span starts at "no"
        if ranged is not None and i > 0 and toks[i - 1].low == "between":
            first = i - 1
        cur = _currency_start(toks, i, w)
        money = cur is not None
        if cur is not None and cur < i - 1:
            first = cur  # "Rs. 500 crore": the abbreviation's full stop is its own token
        elif money or (
            i > 0
            and toks[i - 1].low in ("a", "an")
            and t.low in ("dozen", "score", "hundred", "thousand", "lakh", "crore")
        ):
            first = i - 1
        hedge = _hedge_before(toks, first, w)
        # unit: within the next few tokens ("two British soldiers", "hundreds of protesters")
        unit = "money" if money else None
        last = j
        k = j
        # "fourteen of Guinea's top brass": a partitive reaches one word further
        reach = 5 if j < len(toks) and toks[j].low == "of" else 4
        whole = _whole_after(toks, j, w)
        if whole is not None:  # "about 1,000 of its 1,500 troops": the part is the size, the whole is context
            k, reach = whole, whole - j + 4
        # "a 500-strong contingent": the strength of the unit named after it
        strong = _strength_end(toks, j)
        if strong is not None:
            k = strong
            reach += strong - j
        while unit is None and k < min(j + reach, len(toks)):
            if toks[k].text in (",", ";", ".", "(", ")") or (
                _NUM_RE.match(toks[k].text) and k >= (whole or 0)
            ):
                break
            # "250 blue helmets", "2,000 Revolutionary Guards": a two-word row names the unit
            pair = None if _target_word(toks, k) else _pair_unit(toks, k, w)
            if pair is not None:  # the head may follow: "Revolutionary Guard speedboats" (ships)
                unit, last = _compound_head(toks, k + 1, pair, w)
                break
            unit = None if _target_word(toks, k) else _unit_of(toks[k], w)
            if unit is None and toks[k].ent == "NORP" and toks[k].low.endswith("s"):
                unit = "people"  # a plural nationality or group: "thousands of Georgians", "52 Americans"
            if unit is not None:
                unit = _in_service(toks, k, j, unit)
                unit, last = _compound_head(toks, k, unit, w)
            k += 1
        if unit == "weapons" and last < len(toks) and toks[last].low in _STRIKES:
            i = last  # "four drone strikes", "20 missile attacks": a count of strikes (events), no count of arms
            continue
        if unit is not None and unit != "money" and _site_after(toks, last, w):
            i = last  # "three police stations", "two refugee camps": a count of places, no one counted
            continue
        if strong is not None and unit in _FORMATIONS:
            unit = "troops"  # "a 600-strong battalion": the strength in soldiers, not a count of battalions
        lo_i = hedge[1] if hedge else first
        if unit == "people" and _formation_of(toks, lo_i, w):
            unit = "troops"  # "a battalion of 850 men", "a company of about 120 men": the men of a formation
        if unit is None and lo_i >= 2 and toks[lo_i - 1].low == "of" and _count_ends(toks, j):
            # "a crew of seven", "a crew of about 20": the count follows its unit
            unit = _unit_of(toks[lo_i - 2], w)
            if unit is not None:
                lo_i, last = lo_i - 2, max(last, j)
        kind = None
        released = _released(toks, lo_i, last, w)
        # "killed and six were wounded": its own verb first
        if lo_i > 0 and toks[lo_i - 1].low == "and" and not released:
            kind = _kind_after(toks, last, w)
        if kind is None and unit is None and not released:
            # "the death toll rose to 21", "the number of dead climbed to 17": the tally names the count (dead
            # people), before the word "death" or "dead" in it is read as the kind of a count with no unit
            unit, kind = _tally(toks, lo_i, w)
        for k in range(lo_i - 1, max(-1, lo_i - 5), -1) if kind is None and not released else ():
            if toks[k].text in (".", ";", ","):  # "killed Soleimani, with several Democrats": another clause
                break
            kind = _violence_at(toks, k, w)
            if kind:
                break
        if kind is None and not released:
            kind = _kind_after(toks, last, w)
        if kind is None and unit is not None and not released:
            kind = _passive_kind(toks, last, w)
        if kind in ("arrested", "abducted") and unit in _THINGS:
            kind = None  # "captured five tanks", "seized two boats": things taken, no arrest
        if unit is None and kind is None and _crowd_follows(toks, j, w):
            unit = "people"  # "as many as 5,000 marched": a bare count doing what crowds do
        if unit is None and kind is None:
            unit, kind = _tally(toks, lo_i, w)
        if unit is None and kind is None and lo_i > 0 and toks[lo_i - 1].low in _BARE_CORRECTION:
            # "originally said 14 people had been arrested but later lowered the figure to 11": the first figure's
            prior = _corrected_from(out, spans, toks, lo_i)
            if prior is not None:
                unit, kind = out[prior].unit, out[prior].kind
        if unit is None and kind is None:
            i = j
            continue
        if unit == "people" and kind is None and last > j and _source_count(toks, lo_i, last, w):
            i = last
            continue
        qualifier = hedge[0] if hedge else ("vague" if vague else "range" if ranged else "exact")
        mn: float | None = lo
        mx: float | None = hi
        if qualifier in ("more-than", "at-least"):
            mx = None if not vague else hi
        elif qualifier in ("up-to", "fewer-than"):
            mn = None if not vague else lo
        approx = bool(vague) or qualifier in _APPROX_HEDGES
        if hedge and toks[hedge[1]].low in _NEAR_HEDGES:
            approx = True
        if vague and hedge and qualifier not in ("about",):
            qualifier = f"{qualifier}"
        s, e = toks[lo_i].start, toks[last - 1].end
        out.append(
            Size(
                text=_text_of(toks, lo_i, last, text, start),
                start=s,
                end=e,
                min=mn,
                max=mx,
                approx=approx,
                qualifier=qualifier,
                unit=unit,
                kind=kind,
            )
        )
        i = last
        spans.append((lo_i, last))
    return _corrected(out, spans, toks)


def _corrected_from(out: list[Size], spans: list[tuple[int, int]], toks: list[_Tok], b0: int) -> int | None:
    """Index in `out` of a first figure ("initially", "originally") that the number at toks[b0] corrects."""
    for a in range(len(out) - 1, -1, -1):
        if _corrects(toks, spans[a], b0):
            return a
    return None


def _corrects(toks: list[_Tok], first: tuple[int, int], b0: int) -> bool:
    """Whether the figure starting at toks[b0] corrects the first figure at toks[first[0]:first[1]] in the same
    sentence: "initially put at nine, was later revised to six", "originally 14 ... later lowered the figure to 11";
    not "initially 300 troops, and later another 200"."""
    a0, a1 = first
    before = {t.low for t in toks[max(0, a0 - 4) : a0]}
    between = toks[a1:b0]
    if not _FIRST_FIGURE & before or any(t.text in (".", ";") for t in between):
        return False
    lows = {t.low for t in between} | {t.low for t in toks[b0 : b0 + 2]}
    if lows & _ADDED:
        return False
    return bool({t.low for t in between} & (_REVISED | _LATER))


def _corrected(out: list[Size], spans: list[tuple[int, int]], toks: list[_Tok]) -> list[Size]:
    """Drop a first figure that the same sentence corrects ("initially put at nine, was later revised to six"): the
    latest figure is the size; it takes the first one's unit and kind when it names none."""
    drop: set[int] = set()
    for a in range(len(spans)):
        if not _FIRST_FIGURE & {t.low for t in toks[max(0, spans[a][0] - 4) : spans[a][0]]}:
            continue  # no "initially", "first" before it: nothing corrects it (`_corrects`' first test, hoisted)
        for b in range(a + 1, len(spans)):
            if not _corrects(toks, spans[a], spans[b][0]):
                continue
            sa, sb = out[a], out[b]
            if not ((sa.kind and sa.kind == sb.kind) or (sa.unit and sa.unit == sb.unit and not sa.kind)):
                continue
            drop.add(a)
            sb.unit, sb.kind = sb.unit or sa.unit, sb.kind or sa.kind
            break
    return [s for n, s in enumerate(out) if n not in drop]
