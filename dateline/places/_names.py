"""Spelling keys of place names: normalisation, name variants, the consonant skeleton."""

from __future__ import annotations

import re
import unicodedata

_POSSESSIVE = re.compile(r"(?<=\w)(?:'s|’s|'|’)$")


_COMPASS = {"n.": "north", "s.": "south", "e.": "east", "w.": "west", "ne": "northeast", "nw": "northwest"}


def _expand_compass(key: str) -> str:
    """'n. korea' -> 'north korea'."""
    first, _, rest = key.partition(" ")
    return f"{_COMPASS[first]} {rest}" if rest and first in _COMPASS else ""


_VARIANT_TAIL = re.compile(
    r" (township|twp\.?|borough|village|city|co\.?|area|metro area|valley|region|province|governorate|state|"
    r"district|oblast|prefecture|county|parish|municipality)$"
)


# Irish and British usage puts the unit first: "County Clare", "Co Down", "Co. Durham"
_COUNTY_HEAD = re.compile(r"^(?:county|co\.?)\s+")


_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an) ")


# what is left after "North", "Greater"... or before "District", "County" that names no place of its own ("North
# Side", "West End", "South Street", "Western University", "Central West", "University District")
_GENERIC_REST = frozenset(
    "side end shore coast bank hills hill park village county city town area heights street road avenue lane "
    "drive boulevard square university college school hospital district market station bridge north south east "
    "west central".split()
)


_VARIANT_HEAD = re.compile(
    r"^(?:(?:port of|city of|town of|village of|greater|metro|metropolitan|downtown|central|north|south|east|"
    r"west|northern|southern|eastern|western|north ?east(?:ern)?|north ?west(?:ern)?|south ?east(?:ern)?|"
    r"south ?west(?:ern)?|upstate|rural)\s+)+"
)


_ADJ_SUFFIXES = (("ians", ""), ("ans", ""), ("ns", ""), ("ian", ""), ("ian", "ia"), ("an", ""), ("n", ""), ("i", ""), ("ese", ""), ("ians", "ia"), ("ans", "a"), ("an", "a"))  # fmt: skip


_NORM_DROP = str.maketrans({"'": None, "’": None, "`": None, "‘": None, "-": " ", "–": " "})


_ABBREV = re.compile(r"\b(st|ft|mt)\.? ")


_ABBREV_FULL = {"st": "saint ", "ft": "fort ", "mt": "mount "}


def _norm(text: str) -> str:
    """Case-, accent-, apostrophe- and hyphen-insensitive key."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    t = text.translate(_NORM_DROP).casefold()
    if "t" in t:
        t = _ABBREV.sub(lambda m: _ABBREV_FULL[m.group(1)], t)
    return " ".join(t.split())


_SKEL_ARTICLE = re.compile(r"\b(?:al|el|ad|ar|as|ash|at|az|an|ez|es|ed|er|et|en|ul|ol)\b")


_SKEL_DROP = re.compile(r"[^a-z]|(?<!^)[aeiouyhw]")


_SKEL_MAP = str.maketrans("qckz", "kkks")


def _skeleton(text: str) -> str:
    """A spelling-insensitive key for transliterated names: 'Deir ez-Zor', 'Deir al-Zour' and 'Deir Ezzor'
    -> 'drsr' (articles, vowels, h/w/y dropped, q/c -> k, z -> s, doubled letters merged)."""
    t = _SKEL_ARTICLE.sub(" ", _norm(text))
    t = _SKEL_DROP.sub("", t.replace(" ", "")).translate(_SKEL_MAP)
    return re.sub(r"(.)\1+", r"\1", t)
