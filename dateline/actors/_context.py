"""Actors, layer 5: what a mention's own sentence says about it beyond its words -- the role an apposition after a
name gives ("Joseph Kamau, a Kenyan police spokesman,") -- and bodies of two states named by a hyphenated pair
("the joint Sudan-South Sudan committee"). Text only: `_coding` codes what these find."""

from __future__ import annotations

import re

from dateline.actors._lexicon import _GROUP_CODES, _lex, _namesakes, _two_state_words
from dateline.actors._match import _scan
from dateline.actors._words import _norm, _tok
from dateline.model import Actor, Document, Entity

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


# prepositions after which a listed person's surname alone is a town ("police in Busia", "a camp near Mandera")
_TOWN_PREPS = frozenset(("in", "near", "outside", "around", "across"))  # (not "at": "a jab at Ramos")
# prepositions that only ever place ("faith in Ruto" is no town): a surname after them is a town, known or not
_NEAR = frozenset(("near", "outside", "around"))
# ", five of them Canadians", ", all of them Kenyan nationals": the people a group is made of, after it
_OF_THEM = re.compile(
    r"^,\s+(?:all|most|many|some|several|half|[a-z]+|\d+)\s+of\s+(?:them|whom)\s+([A-Z][\w'-]*)"
)


def _in_running_text(a: Actor, text: str, story: str) -> Actor:
    """What the words around a resolved span in running text say of it, beyond the span: a listed person's surname
    alone right after "in"/"near"/"outside" is the town of that name ("Police in Busia" is no Kofi Busia), of the
    story's country where towns of several countries share the name, else of the largest (a town the lexicons lack,
    after "near"/"outside"/"around", is no one's: "a post near Kulundu"); and a group described
    by the people it is made of, in an apposition after it ("Seven aid workers, five of them Canadians,"), is of
    that people's country, when its own words name none."""
    if a.start < 0 or a.end > len(text):
        return a
    if a.kind == "person" and a.name:
        town = _surname_town(a.text, text, a.start, story)
        if town is not None:
            return Actor(
                a.text, a.start, a.end, None, town or None, "CVL" if town else None, town and "country"
            )
        return a
    if a.kind == "described":
        m = _OF_THEM.match(text[a.end : a.end + 60])
        if m is not None:
            own = any(x.country for x in _scan(_tok(a.text), None) if x.kind == "country")
            people = [x.country for x in _scan(_tok(m.group(1)), None) if x.kind == "country" and x.country]
            if not own and len(people) == 1 and people[0] != a.country:
                return Actor(a.text, a.start, a.end, a.name, people[0], a.sector, a.kind)
    return a


def _surname_town(word: str, text: str, start: int, story: str) -> str | None:
    """The country of the town a lone capitalised word at `start` names after a place preposition ("police in
    Busia"), "" for a town no lexicon places but a preposition that only ever places puts there ("a post near
    Kulundu"); None where the word may be the person."""
    if " " in word.strip() or not word.strip()[:1].isupper():
        return None
    before = text[max(0, start - 12) : start].split()
    if not before or before[-1].lower() not in _TOWN_PREPS or text[start + len(word) :].startswith("'s"):
        return None  # ("in Castro's Cuba": the person)
    country = _town_country(_norm(word.strip()), story)
    return country or ("" if before[-1].lower() in _NEAR else None)


def _placed_entity(
    coded: tuple[str | None, str | None, str | None, str], ent: Entity, text: str, story: str
) -> tuple[str | None, str | None, str | None, str]:
    """An entity's coding (`_coding._code`) unless it is a listed person's lone surname after a place preposition:
    then the town (its name, country and CVL), or nothing known of a town the lexicons lack."""
    if coded[3] != "person" or not coded[0]:
        return coded
    town = _surname_town(ent.text, text, ent.start, story)
    if town is None:
        return coded
    return (ent.text, town, "CVL", "country") if town else (None, None, None, "unknown")


def _town_country(key: str, story: str) -> str:
    """The country of a town named `key`: the story's where towns of several countries share the name ("Busia",
    Kenya's and Uganda's), else the largest namesake's; else the one the lexicon's places give; "" for none."""
    sizes = _namesakes().get(key)
    if sizes:
        return story if story in sizes else max(sizes, key=lambda c: sizes[c])
    lex = _lex()
    return lex.cities.get(key) or lex.places.get(key) or ""


# "the two countries", "both sides": a pair of states the text named before
_PAIR = re.compile(
    r"(?:the\s+two|both(?:\s+the)?)\s+(?:countries|sides|nations|neighbours|neighbors|governments|states|capitals"
    r"|ministers|presidents|leaders|delegations)",
    re.IGNORECASE,
)
# places where things happen ("talks in Moscow") and hosts or mediators ("hosted by Qatar") are no party
_VENUE_PREPS = frozenset(("in", "at", "to", "from", "near", "via", "by"))
# a closing attribution (", Qatari officials said."): who reports, no party
_SAID = re.compile(r",[^,]{0,60}\b(?:said|says|told\s+\w+|reported|added)\W*$")


def _pair_named(doc: Document, start: int, end: int) -> list[str]:
    """The two states a pair noun at [start, end) ("the two countries", "both sides", "the two neighbours") refers
    to: the nearest sentence, from the span's own (before it) back three more, that names exactly two states by
    name, people or capital, not counting places where things happen ("talks in Moscow"); [] when none does or
    one names more (which two is unsure), or for any other words. Hosts and mediators ("hosted by Qatar") and
    a closing attribution (", Qatari officials said") name no party, nor does a wire dateline ("DOHA, ...")."""
    if not _PAIR.fullmatch(doc.text[start:end].strip()):
        return []
    i = doc.sentence_of(start)
    for k in range(i, max(-1, i - 4), -1):
        sent = doc.sentences[k]
        toks = _tok(_SAID.sub("", doc.text[sent.start : start if k == i else sent.end].strip()))
        codes: list[str] = []
        for m in _scan(toks, None):
            # a state by its name or capital, or by a person holding its government's office ("Vajpayee met
            # Musharraf"); a rebel leader or a party speaks for no state
            person = m.kind == "actor" and m.akind == "person" and m.sector == "GOV"
            if (
                (m.kind not in ("country", "capital") and not person)
                or not m.country
                or m.country in _GROUP_CODES
            ):
                continue
            p = m.i - 1 - (m.i >= 2 and toks[m.i - 1][0] == "the")
            dateline = m.i == 0 and toks[0][1].isupper() and len(toks[0][1]) > 3  # "DOHA, 10 May (Wire) -"
            if (p >= 0 and toks[p][0] in _VENUE_PREPS) or dateline or m.country in codes:
                continue
            codes.append(m.country)
        if len(codes) == 2:
            return codes
        if len(codes) > 2:
            return []
    return []


# an election authority's acts, and the words that make a sentence one about an election
_POLL_ACTS = re.compile(
    r"\s+(?:in\s+[A-Z][\w'-]*\s+)?(?:declared|proclaimed|certified|postponed|disqualified|barred|registered|published"
    r"|annulled|ordered|suspended|set|announced)\b"
)
_POLL_WORDS = re.compile(
    r"\b(?:elections?|electoral|votes?|voting|ballots?|run-?off|referendum|turnout|president-elect|polls|candidates?"
    r"|tally|winner)\b",
    re.IGNORECASE,
)
_POLL_SAID = re.compile(r"\b(?:turnout|tally|count|provisional results)\b", re.IGNORECASE)


def _poll_body(text: str, context: str | None) -> bool:
    """An unlisted acronym that acts as its sentence's election authority: it declares, proclaims, certifies,
    postpones, bars or registers in a sentence about an election ("The ECN postponed the vote in two districts",
    "The NEC declared the president re-elected"), or it reports the turnout or the count ("Turnout was 66 percent,
    the NEC said"). The caller codes it as the electoral commission (GOV)."""
    words = [w for w in text.split() if w.lower() not in ("the",)]
    if not context or len(words) != 1 or not re.fullmatch(r"[A-Z]{2,6}", words[0]):
        return False
    if not _POLL_WORDS.search(context):
        return False
    at = re.search(rf"(?<![\w-]){re.escape(words[0])}(?![\w-])", context)
    if at is None:
        return False
    if _POLL_ACTS.match(context, at.end()):
        return True
    said = re.match(r"\s+(?:in\s+[A-Z][\w'-]*\s+)?said\b", context[at.end() :])
    return bool(said) and bool(_POLL_SAID.search(context))
