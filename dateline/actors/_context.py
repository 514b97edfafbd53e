"""Actors, layer 5: what a mention's own sentence says about it beyond its words -- the role an apposition after a
name gives ("Joseph Kamau, a Kenyan police spokesman,") -- and bodies of two states named by a hyphenated pair
("the joint Sudan-South Sudan committee"). Text only: `_coding` codes what these find."""

from __future__ import annotations

import re

from dateline.actors._lexicon import _lex, _two_state_words
from dateline.actors._words import _norm
from dateline.model import Actor

# an apposition ends at a clause mark or where the sentence's verb or a relative clause starts
_APPOSITION_END = re.compile(
    r"[,;:.()\u201c\u201d\"]|\s(?:said|says|told|who|which|whose|was|is|were|are|has|had|have|will|would)\b"
)
_APPOSITION_OPENERS = {"a", "an", "the"}


def _apposed_role(text: str, context: str | None) -> str | None:
    """The description an apposition right after the mention's first occurrence gives it, opened by an article
    ("Ali Hassan Farah, a district commissioner in Somalia's Gedo region, said ..." -> "a district commissioner in
    Somalia's Gedo region"); None when none follows or it runs on for more than ten words."""
    if not context or len(context) <= 3 or not text.strip():
        return None
    m = re.search(rf"(?<![\w-]){re.escape(text.strip())}(?![\w-])\s*,\s*", context)
    if m is None:
        return None
    rest = context[m.end() :]
    words = rest.split()
    if not words or words[0].lower() not in _APPOSITION_OPENERS:
        return None
    end = _APPOSITION_END.search(rest)
    role = (rest[: end.start()] if end else rest).strip()
    if len(role.split()) < 2 or len(role.split()) > 10:
        return None
    return role


_HYPHENED = re.compile(r"(?<![\w-])([A-Za-z][\w.']*(?:-[A-Z][\w.']*)+)((?:\s+[A-Z][\w']*)*)")


def _two_states(text: str) -> tuple[str, str] | None:
    """(country, sector) of a body two states share, named by a hyphenated pair of their names, demonyms or
    combining forms before a body noun: the first state named, and the body noun's sector ("the joint
    Indian-Pakistani commission" IND GOV, "the Chad-Sudan joint force" TCD MIL, "the inter-Korean liaison office"
    KOR GOV). None for anything else ("Iranian-American", "Saudi-led", "Indo-Pacific" name no body of two)."""
    forms, heads = _two_state_words()
    words = _norm(text).split()
    head = next(
        (h for n in (2, 1) if len(words) >= n and (h := " ".join(words[-n:])) in heads),
        None,
    )
    if head is None:
        return None
    lex = _lex()
    for m in _HYPHENED.finditer(text):
        parts = m.group(1).split("-")
        # the capitalised words after the pair complete its last name ("Sudan-South Sudan"), where they do
        tail = m.group(2).split()
        codes: list[str] = []
        if parts[0].lower() == "inter" and len(parts) == 2:
            code = lex.countries.get(_norm(parts[1]), "")
            codes = [code, code] if code else []
        else:
            for k, p in enumerate(parts):
                key = _norm(p)
                if k == len(parts) - 1:
                    for n in range(len(tail), -1, -1):
                        longer = " ".join([key, *(_norm(w) for w in tail[:n])])
                        if longer in lex.countries:
                            key = longer
                            break
                code = forms.get(key) if key in forms else lex.countries.get(key, "")
                if not code:
                    codes = []
                    break
                codes.append(code)
        if len(codes) >= 2:
            return codes[0], heads[head]
    return None


_ABROAD = re.compile(
    r"^(?:the\s+)?([A-Z][\w'-]*)\s+(?:(?:living|based|working|settled|resident|exiled)\s+)?(?:in|abroad)\b"
)


def _diaspora(text: str) -> str | None:
    """The people word of a people placed abroad ("Eritreans in Israel", "Somalis living in Minneapolis" ->
    "Eritreans"); `_coding` checks that it names the mention's country. None for any other shape."""
    m = _ABROAD.match(text.strip())
    return m.group(1) if m else None


def _story_town(a: Actor, story: str) -> Actor:
    """A bare seat of power that is also a town of the story's country, where the seat is another country's: the
    town, its people ("Miraflores" in a story from Peru is the Lima district, not Venezuela's presidential palace;
    the same word in a Venezuelan or a third country's story stays the palace)."""
    if a.kind != "organisation" or not story or a.country == story:
        return a
    key = " ".join(w for w in _norm(a.text).split() if w != "the")
    lex = _lex()
    seat = lex.seats.get(key)
    if seat is None or seat[0] != a.country or (lex.places.get(key) or lex.cities.get(key)) != story:
        return a
    return Actor(a.text, a.start, a.end, None, story, "CVL", "country")
