"""What a document says around its names: its outlet (host, country, home town) and the countries and
regions it names anywhere in its text."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from dateline.model import Document
from dateline.places._cands import _Cand, _is_hamlet
from dateline.places._gazetteer import (
    _demonym_countries,
    _gaz,
    _outlet_table,
    _regional_outlet_table,
    _strong_names,
)
from dateline.places._names import _POSSESSIVE, _norm

_TLD_COUNTRY = {
    "uk": "GBR", "ca": "CAN", "au": "AUS", "nz": "NZL", "ie": "IRL", "in": "IND", "za": "ZAF", "ng": "NGA",
    "ke": "KEN", "pk": "PAK", "sg": "SGP", "ph": "PHL", "fr": "FRA", "de": "DEU", "il": "ISR", "ae": "ARE",
}  # fmt: skip


# capitalised word runs ("New York", "Gov. Ill.", "Bosnia and Herzegovina" is found as its parts' longest match)
_CAP_RUN = re.compile(r"[A-Z][\w'’]*\.?(?:[ ](?:of[ ]|and[ ]|de[ ])?[A-Z][\w'’]*\.?)*")


def _outlet_home(doc: Document, keys: list[str]) -> set[str]:
    """Toponyms of the text that the outlet's host name spells out ("gainesvilletimes.com" -> Gainesville).
    Local papers name their town in their address, so that town is read in the outlet's country."""
    host = _host_label(doc)
    if not host:
        return set()
    out = set()
    for k in set(keys):
        squeezed = k.replace(" ", "").replace(".", "")
        if len(squeezed) >= 5 and squeezed in host:
            out.add(k)
    return out


@lru_cache(maxsize=4096)
def _host_towns(host: str) -> tuple[_Cand, ...]:
    """Towns (single-word names of 5+ letters) that an outlet's host name spells out, biggest first:
    "theparisnews" -> the Parises. Cached per host (a corpus has few outlets). Hand-written: no library splits
    run-together host names into newspaper words and a town."""
    gaz = _gaz()
    core = host.replace("-", "")
    while True:  # "theparisnews" -> "paris"; "norfolkdailynews" -> "norfolk"
        m = _PAPER_EDGE.search(core)
        if not m or len(core) - len(m.group()) < 5:
            break
        core = core[: m.start()] + core[m.end() :]
    found = [c for c in gaz.get(core) if c.feature == "city" and not c.alt and not _is_hamlet(c)]
    if not found:  # "thisisoxfordshire" -> Oxford: the longest town name the host starts or ends with
        # longest first; at equal length the name the host starts with, so the choice never rests on set order
        keys = sorted(
            {core[:j] for j in range(6, len(core))} | {core[i:] for i in range(1, len(core) - 5)},
            key=lambda k: (len(k), core.startswith(k), k),
        )
        gaz.prefetch(keys)
        for k in reversed(keys):
            found = [c for c in gaz.get(k) if c.feature == "city" and not c.alt and not _is_hamlet(c)]
            if found:
                break
    return tuple(sorted(found, key=lambda c: -c.population))


_PAPER = (
    r"the|daily|online|news|times|herald|register|telegram|tribune|post|gazette|journal|sentinel|review|press|"
    r"chronicle|courier|observer|standard|star|record|leader|dispatch|advocate|citizen|item|local|today|mercury|"
    r"bulletin|examiner|enquirer|ledger|democrat|republican|independent|reporter|messenger|banner|beacon|eagle|"
    r"free|weekly|evening|morning|tv|radio|live|media|newspaper|paper|report|voice|sun|globe|my|this|is"
)


_PAPER_EDGE = re.compile(rf"^(?:{_PAPER})|(?:{_PAPER})$")


def _host_label(doc: Document) -> str:
    m = _HOST.match(doc.url or "")
    if not m:
        return ""
    labels = m.group(1).lower().split(".")
    return "".join(x for x in labels[:-1] if x not in ("www", "com", "co", "net", "org", "news"))


def _outlet_region(doc: Document) -> tuple[str, str] | None:
    """The first-level region a regional outlet covers (data/places/regional_outlets.tsv: "ajc.com" -> Georgia)."""
    m = _HOST.match(doc.url or "")
    if not m:
        return None
    table = _regional_outlet_table()
    parts = m.group(1).lower().split(".")
    for i in range(len(parts) - 1):
        hit = table.get(".".join(parts[i:]))
        if hit is not None:
            return hit
    return None


def _outlet_country(doc: Document) -> str | None:
    """The country of the outlet's country-code domain ("lfpress.ca" -> CAN), or of a national outlet listed in
    data/places/outlets.tsv ("dawn.com" -> PAK); None for other .com, .org..."""
    m = _HOST.match(doc.url or "")
    if not m:
        return None
    host = m.group(1).lower()
    table = _outlet_table()
    parts = host.split(".")
    for i in range(len(parts) - 1):  # "www.dawn.com", "english.ahram.org.eg": the longest listed suffix
        if ".".join(parts[i:]) in table:
            return table[".".join(parts[i:])]
    tld = m.group(1).rsplit(".", 1)[-1].lower()
    if tld in _TLD_COUNTRY:
        return _TLD_COUNTRY[tld]
    return _gaz().iso2to3.get(tld.upper()) if len(tld) == 2 and tld not in _GENERIC_CC else None


_GENERIC_CC = frozenset(("tv", "io", "me", "co", "fm", "ly", "cc", "ws", "to", "am", "la", "ai", "gg"))


_HOST = re.compile(r"^(?:\w+://)?([^/:]+)")


_LAST_CONTEXT: list[tuple[str, tuple[Counter[str], Counter[tuple[str, str]]]]] = []


def _text_context(text: str) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """Countries and regions named anywhere in the text (also inside organisations: "Texas Department of ..."),
    countries also by their demonyms ("Bolivian troops"). The last text's answer is kept: recognition and
    resolution of one document both ask."""
    last = _LAST_CONTEXT[-1] if _LAST_CONTEXT else None
    if last is not None and last[0] is text:
        return last[1]
    got = _text_context_uncached(text)
    _LAST_CONTEXT[:] = [(text, got)]
    return got


def _text_context_uncached(text: str) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    strong = _strong_names()
    demonyms = _demonym_countries()
    ctry: Counter[str] = Counter()
    adm: Counter[tuple[str, str]] = Counter()
    for m in _CAP_RUN.finditer(text):
        words = m.group().split(" ")
        i = 0
        while i < len(words):
            hit = None
            for k in range(min(4, len(words) - i), 0, -1):
                # "New Zealand's", "Iraq's": the possessive names the country as well
                key = _norm(_POSSESSIVE.sub("", " ".join(words[i : i + k])))
                r = strong.get(key)
                if r is None and key.endswith(".") and len(key) > 5:  # "Illinois." at a sentence end
                    r = strong.get(key[:-1])
                if r is None and key in demonyms:
                    r = (demonyms[key], None)
                if r:
                    hit = (r, k)
                    break
            if hit:
                (country, code), k = hit
                ctry[country] += 1
                if code:
                    adm[(country, code)] += 1
                i += k
            else:
                i += 1
    for m in _state_institutions().finditer(text):
        # "Georgia Bureau of Investigation", "University of Georgia": the state, though its name is ambiguous
        code = _gaz_state_code(m.group(1) or m.group(2))
        if code:
            ctry["USA"] += 1
            adm[("USA", code)] += 1
    return ctry, adm


# what follows a state's name only in the name of the state's own institutions
_INSTITUTION = (
    r"Bureau of Investigation|Department of|Dept\. of|State Patrol|State Police|Highway Patrol|General Assembly|"
    r"Legislature|State Senate|House of Representatives|Supreme Court|Court of Appeals|Attorney General|"
    r"National Guard|Public Service Commission|Board of Regents|Lottery|State University|Tech\b"
)


@lru_cache(maxsize=1)
def _state_institutions() -> re.Pattern[str]:
    """US states whose name the text context leaves out as ambiguous ("Georgia", "Washington"), in the name of
    one of the state's own institutions. Built once per process."""
    strong = _strong_names()
    names = sorted(
        (n for n in _gaz().us_states.values() if strong.get(_norm(n)) is None), key=len, reverse=True
    )
    alt = "|".join(re.escape(n) for n in names) or "(?!)"
    return re.compile(rf"(?<!West )\b({alt})\s+(?:{_INSTITUTION})|\bUniversity of ({alt})\b")


def _gaz_state_code(name: str) -> str | None:
    return next((code for code, n in _gaz().us_states.items() if n == name), None)
