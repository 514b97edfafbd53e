"""Actors, layer 5: what a mention's own sentence says about it beyond its words -- the role an apposition after a
name gives ("Joseph Kamau, a Kenyan police spokesman,") -- and bodies of two states named by a hyphenated pair
("the joint Sudan-South Sudan committee"). Text only: `_coding` codes what these find."""

from __future__ import annotations

import re

from dateline.actors._lexicon import (
    _GROUP_CODES,
    _Entry,
    _generic_parties,
    _lex,
    _namesakes,
    _poll_acronyms,
    _two_state_words,
)
from dateline.actors._match import _pick, _scan
from dateline.actors._rules import _after_place_prep, _context_countries, _place_country
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


# --------------------------------------------------------------------------- names the sentence reads (session 22)


def _places_named(text: str, context: str | None) -> list[str]:
    """The countries the sentence names as places ("in Denmark", "Portugal's election", "a rally in Kolkata"), in
    text order, then the others it names; not the mention's own words, nor group codes. A context that is a code
    ("KEN") is that code."""
    if not context:
        return []
    code = context.strip()
    if len(code) == 3 and code.isupper():
        return [code] if code not in _GROUP_CODES else []
    rest = context.replace(text, " ") if text and text in context and text != context else context
    return [c for c in dict.fromkeys(_context_countries(rest, places_first=True)) if c not in _GROUP_CODES]


def _as_place(text: str, context: str) -> list[str]:
    """The countries the sentence names as places only: a name or city followed by "'s" or after a locative
    preposition ("in Denmark", "Japan's lower house"), not one acted on ("accused Washington")."""
    rest = context.replace(text, " ") if text and text in context and text != context else context
    toks = _tok(rest)
    found = [
        c
        for m in _scan(toks, None)
        if (c := _place_country(m, toks))
        and c not in _GROUP_CODES
        and ((m.j < len(toks) and toks[m.j][0] == "'s") or _after_place_prep(toks, m.i))
    ]  # (a capital the lexicon files as its government is a place here: "in Beijing")
    return list(dict.fromkeys(found))


def _generic_party(text: str, context: str | None, listed: str | None) -> tuple[str | None, str] | None:
    """(country, sector) of a party named by a name many countries' parties bear (`generic_parties.txt`: "the Social
    Democrats", "Labour", "German Greens"): the country of a word before the name, else the one the sentence names as
    a place (unless it also names `listed`, the country a list gives the name), else `listed`. PTY; "ruling" GOV,
    "opposition" OPP. None for any other mention."""
    words = [w for w in _norm(text).split() if w != "the"]
    sector = "PTY"
    while words and words[0] in ("ruling", "governing", "opposition", "main"):
        sector = {"ruling": "GOV", "governing": "GOV", "opposition": "OPP"}.get(words[0], sector)
        words = words[1:]
    lex = _lex()
    own = ""
    for n in (3, 2, 1):  # "Sweden's Social Democrats", "German Greens"
        if len(words) > n and " ".join(words[:n]) in lex.countries:
            own, words = lex.countries[" ".join(words[:n])], words[n + (words[n] == "'s") :]
            break
    if " ".join(words) not in _generic_parties():
        return None
    if own:
        return own, sector
    named = _as_place(text, context) if context and len(context.strip()) > 3 else _places_named(text, context)
    if named and listed not in named:
        return named[0], sector
    return listed or None, sector


# words that make a sentence one about an election, for an acronym a list files as another body
_ELECTION_WORDS = re.compile(
    r"\b(?:elections?|electoral|votes?|voters?|voting|ballots?|polls?|polling|run-?offs?|referendum|turnout"
    r"|candidates?|constituenc(?:y|ies)|register|registration|campaign(?:ing)?|rally|rallies|party|parties)\b",
    re.IGNORECASE,
)


def _poll_acronym(text: str, context: str | None, listed: str | None) -> tuple[str | None] | None:
    """(country,) of an acronym a list files as another body (`listed`, e.g. EUR for "EC") that names its sentence's
    election commission (`poll_acronyms.tsv`: "The EC declared Akufo-Addo the winner of Ghana's election"): the
    sentence is about an election and names none of the listed body's own states or words. The country is the
    one the sentence names (places first), else none. None when the acronym keeps the listed reading."""
    words = [w for w in text.split() if w.lower() != "the"]
    if not context or len(context.strip()) <= 3 or len(words) != 1:
        return None
    row = _poll_acronyms().get(words[0])
    if row is None or row[0] != listed or not _ELECTION_WORDS.search(context):
        return None
    low = context.lower()
    named = _places_named(text, context)
    if any(w in low for w in row[2]) or row[1] & set(named):
        return None
    return (named[0] if named else None,)


_OFFICES_HELD = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "OPP"}


def _people(entries: list[_Entry], date: str | None) -> list[_Entry]:
    """Each listed person among `entries` once, as of `date` (the office then)."""
    by_name: dict[str, list[_Entry]] = {}
    for e in entries:
        by_name.setdefault(e.name, []).append(e)
    return [_pick(es, date) for es in by_name.values()]


def _in_office(people: list[_Entry]) -> _Entry | None:
    """The one of `people` (as of a date) who holds an office then; among several, a hand-written one, then the
    government post held longest (a head of state before the ministers of the day); None when none holds one."""
    held = [p for p in people if p.sector in _OFFICES_HELD]
    if len(held) > 1:
        held = [p for p in held if p.rank == 0] or held
    if len(held) > 1:
        held = [p for p in held if p.sector == "GOV"] or held
        dated = sorted((p for p in held if p.start), key=lambda p: p.start)
        held = dated[:1] or held
    return held[0] if len(held) == 1 else None


# what follows a lone surname that acts or speaks ("Taylor said", "Castro told", "Toledo was extradited")
_ACTS = re.compile(
    r"\s+(?:said|says|told|announced|declared|vowed|promised|pledged|signed|urged|accused|ordered|rejected"
    r"|warned|insisted|denied|resigned|conceded|met|was|is|has|had|will|would)\b"
)


def _surname_read(
    text: str, context: str | None, date: str | None, got: tuple[str | None, str | None, str | None, str]
) -> tuple[str | None, str | None, str | None, str] | None:
    """A lone surname the lists share among several people, or that is also a place or a word ("Santos", "Castro",
    "Taylor", "Montenegro"), read as a listed person when the first reading (`got`) is no person of that surname:
    the one of the country the sentence names (in office on the date, among several), else, when the name acts or
    speaks in its sentence ("Taylor said"), the one listed person in office on the date. None otherwise."""
    words = text.split()
    if len(words) != 1 or not words[0].isalpha() or not words[0][:1].isupper() or not words[0][1:].islower():
        return None
    key = _norm(words[0].lower())
    if got[0] and got[3] == "person" and key in _norm(got[0].lower()).split():
        return None  # a listed person of that name already ("Prabowo" is Prabowo Subianto)
    lex = _lex()
    if key in lex.state_names or key in lex.capitals or key in lex.seats:
        return None  # "Jordan said", "Lima said": a state or its seat speaks, whoever bears its name
    entries = lex.people_named(key)
    if not entries or not context or len(context.strip()) <= 3:
        return None
    if re.search(rf"[A-Z][\w.'-]*\s+{re.escape(words[0])}\b", context):
        return None  # the sentence names the person in full ("Indian army colonel Harpreet Singh ... Singh said")
    named = _places_named(text, context)
    if got[3] == "country" and got[1] in named:
        return None  # the place, in a sentence about its country ("Santos beat Flamengo in Brazil's league")
    people = _people(entries, date)
    found = [
        e for c in named if date and (e := _in_office([p for p in people if p.country == c])) is not None
    ]
    at = re.search(rf"(?<![\w-]){re.escape(words[0])}(?![\w-])", context)
    if not found and date and at is not None and _ACTS.match(context, at.end()):
        # "Taylor said ...": the one in office then
        found = [e for e in [_in_office(people)] if e is not None]
    if not found:
        # out of office: the one person listed of the country named as a place ("Peru's former president")
        for c in _as_place(text, context):
            mine = [p for p in people if p.country == c]
            found += mine if len(mine) == 1 else []
    if found:
        e = found[0]
        return e.name, e.country, e.sector or None, "person"
    return None


# head nouns of a government named by its leader or leading family ("the Sharif government", "the Duvalier regime")
_GOVERNMENT_HEADS = {"government", "administration", "regime", "cabinet", "junta", "govt"}


def _family_government(text: str, context: str | None, date: str | None) -> str | None:
    """The country of a government named by a surname the lists give several people ("the Sharif government", "the
    Bhutto government", "the Marcos regime"): that of those who held a government post, when they are all of one
    state (hand-written people first); among several states, the one the sentence names, else the one whose bearer
    was in office on the date. None otherwise."""
    toks = [t for t in _tok(text) if t[0] != "the"]
    if len(toks) not in (2, 3) or toks[-1][0] not in _GOVERNMENT_HEADS or not toks[0][1][:1].isupper():
        return None
    if len(toks) == 3 and toks[1][0] != "'s":
        return None
    lex = _lex()
    if toks[0][0] in lex.countries or toks[0][0] in lex.capitals or toks[0][0] in lex.seats:
        return None  # "the German government", "the Kabul government": a state's, named by its place
    entries = [e for e in lex.people_named(toks[0][0]) if e.country and e.country not in _GROUP_CODES]
    governed = {e.name for e in entries if e.sector == "GOV"}
    pool = [e for e in entries if e.name in governed]
    hand = {e.name for e in pool if e.rank == 0}
    for group in ([e for e in pool if e.name in hand], pool):
        countries = list(dict.fromkeys(e.country for e in group))
        if len(countries) == 1:
            return countries[0]
    countries = list(dict.fromkeys(e.country for e in pool))
    named = [c for c in _places_named(text, context) if c in countries]
    if named:
        return named[0]
    if date:
        on = [p for p in _people(pool, date) if p.sector == "GOV"]
        on = [p for p in on if p.rank == 0] or on
        if len({p.country for p in on}) == 1:
            return on[0].country  # (bearers in office in two states, "the Khan government" in 2019: none)
    return None
