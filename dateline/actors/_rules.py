"""Actors, layer 4: rules over scanned matches: head-noun sectors, places in roles, coordination, context
countries, facilities and ships, and name shapes (armed movements, multinational forces, transnational and
rights bodies, treaty organisations, organisation-name heads)."""

from __future__ import annotations

import re

from dateline.actors._lexicon import _GROUP_CODES, _facility_words, _lex, _Lexicon, _name_heads
from dateline.actors._match import _Match, _scan
from dateline.actors._words import (
    _GENERIC_HEADS,
    _INSTITUTIONAL,
    _LOCAL_ARMED,
    _MAX_NGRAM,
    _ORG_HEADS,
    _RANK_WORDS,
    _RELIGIONS,
    _SITE_HEADS,
    _singular,
    _tok,
)

# posts on someone's staff: the possessor says whose ("the president's chief of staff" GOV, not the army's MIL)
_STAFF_POSTS = {"chief of staff", "chiefs of staff", "deputy chief of staff"}


def _head_sector(agents: list[_Match], norms: list[str] | None = None) -> str:
    """Sector of the head noun (the last agent), unless an institution before it owns the role; a generic head
    ("rebel leader", "army spokesman", "militia commander") takes the sector of the role noun before it."""
    head = " ".join(norms[agents[-1].i : agents[-1].j]) if norms is not None else ""
    if len(agents) > 1 and head in _SITE_HEADS:
        before = [m.sector for m in agents[:-1] if m.sector]
        if before:
            return before[-1]  # "a rebel base" REB, "army positions" MIL
    if len(agents) > 1 and head in _STAFF_POSTS and norms is not None and norms[agents[-1].i - 1] == "'s":
        # a staff post is of whose staff it is: "the president's chief of staff" GOV, "the army's" MIL
        before = [m.sector for m in agents[:-1] if m.sector and m.j == agents[-1].i - 1]
        if before:
            return before[-1]
    if len(agents) > 1 and head in _GENERIC_HEADS:
        # a rank word ("deputy minister", "vice chairman") says the grade of the post, not whose it is
        before = [m.sector for m in agents[:-1] if m.sector and " ".join(norms[m.i : m.j]) not in _RANK_WORDS]
        if before:
            return before[-1]
    last = agents[-1].sector
    if last == "UAF" and "CRM" in [m.sector for m in agents[:-1]]:
        return "CRM"  # "cartel gunmen", "gang gunmen": a criminal group's gunmen are that group, not unidentified
    if last in _RELIGIONS and norms is not None and agents[-1].j - agents[-1].i > 1:
        # a faith-qualified compound ("Islamic militants", "Muslim hackers"): an armed or criminal head noun says
        # what they are, as it does with any other adjective ("Islamist militants"); the faith is secondary
        own = _lex().agent([_singular(norms[agents[-1].j - 1])])
        if own and own[0] in _LOCAL_ARMED:
            return own[0]
    faiths = [m.sector for m in agents[:-1] if m.sector in _RELIGIONS and m.sector != "REL"]
    if last == "REL" and faiths:
        # "a Shiite cleric", "Sunni imams": the faith code, as "Catholic bishops" (CAMEO codes, as NGEC keeps them)
        return faiths[-1]
    if last == "MIL" and any(m.sector in _RELIGIONS for m in agents[:-1]):
        return "REB"  # forces named by a faith, not a state ("Moslem forces"): armed non-state groups
    if last in _INSTITUTIONAL or (head and _singular(head.split()[-1]) in _ORG_HEADS and last):
        return last  # an organisation is what its head noun says ("Congress Party", "police union")
    inst = [m.sector for m in agents[:-1] if m.sector in _INSTITUTIONAL]
    return inst[-1] if inst else last


def _place_in_role(m: _Match, matches: list[_Match], norms: list[str]) -> bool:
    """A city or province names the actor's country only as the whole mention, right before a role noun ("Kano
    governor", "Marawi residents") or after "of/in/from" ("the mayor of Goma") -- not inside a name ("Leon Bobb")."""
    if m.i == 0 and m.j == len(norms):
        return True
    if m.i > 0 and norms[m.i - 1] in ("of", "in", "from", "near", "'s"):
        return True
    if m.j < len(norms) and norms[m.j] in _TOWN_NOUNS:
        return True  # "Miraflores district", "Rawalpindi city"
    nxt = [o for o in matches if o.i >= m.j]
    return bool(nxt) and nxt[0].kind == "agent" and nxt[0].i <= m.j + 1


_CONJ = {"and", "&", ","}


def _conjuncts(text: str, date: str | None) -> list[tuple[int, int]]:
    """Character spans of the conjuncts of "A, B and C" (empty/one when the text is no coordination). A split
    point inside a lexicon entry ("Trinidad and Tobago", "Ministry of Foreign Affairs and Trade") is kept whole."""
    toks = _tok(text)
    cuts = [k for k, t in enumerate(toks) if t[0] in _CONJ]
    if not cuts:
        return []
    covered = set()
    for m in _scan(toks, date):
        covered.update(range(m.i + 1, m.j - 1 + 1))
    cuts = [k for k in cuts if k not in covered or toks[k][0] == ","]
    spans: list[tuple[int, int]] = []
    prev = 0
    for k in [*cuts, len(toks)]:
        seg = toks[prev:k]
        if seg and not (len(seg) == 1 and seg[0][0] in _CONJ):
            spans.append((seg[0][2], seg[-1][3]))
        prev = k + 1
    return spans


def _shared_head(text: str, date: str | None) -> str:
    """The role noun phrase after the leading nationality of a conjunct ("Romanian officials" -> "officials")."""
    toks = _tok(text)
    matches = _scan(toks, date)
    if not matches or matches[0].kind not in ("country", "capital", "city", "place") or matches[0].i != 0:
        return ""
    rest = toks[matches[0].j :]
    if not rest or not any(m.kind == "agent" for m in matches[1:]):
        return ""
    return text[rest[0][2] : rest[-1][3]]


def _leading_head(text: str, date: str | None) -> str:
    """The role words before "of" of a first conjunct that names its country after them ("The leaders of France"
    -> "The leaders of", "the foreign ministers of Egypt" -> "the foreign ministers of"), "" otherwise."""
    toks = _tok(text)
    norms = [t[0] for t in toks]
    if "of" not in norms:
        return ""
    k = norms.index("of")
    matches = _scan(toks, date)
    if k == 0 or any(m.i < k for m in matches if m.kind != "agent") or not any(m.i > k for m in matches):
        return ""
    if not all(m.kind == "country" for m in matches if m.i > k):
        return ""
    return text[: toks[k][3]]


# nouns whose "of" phrase names the place itself ("the city of Kerman", "the province of Anbar")
_PLACE_NOUNS = {"city", "town", "village", "province", "region", "district", "state", "country", "capital",
                "republic", "kingdom", "island", "port", "area", "county", "governorate"}  # fmt: skip


_PLACE_PREPS = {"in", "near", "of", "from", "across", "into", "inside", "throughout", "within", "around"}


def _after_place_prep(toks: list[tuple[str, str, int, int]], i: int) -> bool:
    """Token i follows "in"/"near"/"of"... (an article between is fine): "in the Philippines"."""
    k = i - 1
    # "gunmen outside Bamako"; not "outside the US embassy" (a modifier) nor "outside the EU" (elsewhere)
    if k >= 0 and toks[k][0] == "outside":
        return toks[i][0] != "the"
    if k >= 0 and toks[k][0] == "the":
        k -= 1
    return k >= 0 and toks[k][0] in _PLACE_PREPS


def _place_country(m: _Match, toks: list[tuple[str, str, int, int]]) -> str:
    """The country of a match that names a place: a country, city or province, or a capital the lexicon files as
    its government ("Tehran" -> Iranian Government, here the city)."""
    if m.kind in ("country", "capital", "city", "place"):
        return m.country
    if m.kind in ("actor", "seat"):
        lex = _lex()
        key = " ".join(t[0] for t in toks[m.i : m.j])
        return lex.capitals.get(key) or lex.cities.get(key) or lex.places.get(key) or ""
    return ""


def _context_countries(context: str | None, places_first: bool = False) -> list[str]:
    """Countries named in a context string (country names, demonyms, capitals, cities, seats), in text order;
    with `places_first`, those named as places ("in Montenegro", "Sweden's") before demonyms ("Serb forces")."""
    if not context:
        return []
    toks = _tok(context)
    found = [
        m
        for m in _scan(toks, None)
        if m.country and m.kind in ("country", "capital", "city", "seat", "place")
    ]
    if places_first:

        def not_place(m: _Match) -> bool:
            if m.kind != "country":
                return False
            after = toks[m.j][0] if m.j < len(toks) else ""
            return not (after == "'s" or _after_place_prep(toks, m.i))

        found = sorted(found, key=not_place)  # stable: text order within each group
    return [m.country for m in found]


def _context_country(context: str | None) -> str:
    """The first country a context names; a context that is itself a code ("KEN", "IGO") is that code."""
    code = (context or "").strip()
    if len(code) == 3 and code.isupper() and (code in _lex().country_names or code in _GROUP_CODES):
        return code
    found = _context_countries(context)
    return found[0] if found else ""


# sectors of people and bodies that act where they are ("the police", "a court", "the gang", "protesters"): in a
# sentence that also names a foreign capital or nationality ("Washington condemned ...", "two Chinese engineers"), the
# place they are said to be in is theirs
_LOCAL_SECTORS = {"COP", "CRM", "JUD", "CVL", "UAF", "LAB", "EDU", "MED", "AGR"}
# prepositions that place an actor ("police in Nairobi", "the gang near Port-au-Prince"); not "of"/"from"/"into"
_LOCATIVE = {"in", "near", "at", "outside", "inside", "across", "throughout", "around", "within", "off"}
# the edge of a place that puts an actor there with "off" or "on": "off the coast of Puntland", "on the outskirts of Goma"
_EDGES = {"coast", "coasts", "shore", "shores", "outskirts", "waters", "edge"}


def _located_country(context: str, text: str, sector: str) -> str:
    """The country of the place the mention is located in by the sentence: the place right after it ("the police
    in Nairobi"), or, for an actor that acts where it is (`_LOCAL_SECTORS`), the first place named after a locative
    preposition anywhere in the sentence ("... was arrested in Kaduna State"). "" when none."""
    if sector not in _LOCAL_SECTORS:
        return ""  # (troops and officials are often abroad: "US troops in Iraq")
    toks = _tok(context)
    scanned = _scan(toks, None)
    # (a capital the lexicon files as its government is a place here: "a court in Tehran")
    places = [m for m in scanned if m.country and m.country not in _GROUP_CODES]
    places = [m for m in places if _place_country(m, toks) == m.country]

    def located(m: _Match) -> bool:
        k = m.i - 1
        if k >= 0 and toks[k][0] == "the":
            k -= 1
        if k >= 1 and toks[k][0] == "of" and toks[k - 1][0] in _EDGES:
            k -= 2  # "off the coast of Puntland", "on the outskirts of Maiduguri": the place's edge
            if k >= 0 and toks[k][0] == "the":
                k -= 1
            return k >= 0 and (toks[k][0] in _LOCATIVE or toks[k][0] == "on")
        return k >= 0 and toks[k][0] in _LOCATIVE

    at = context.lower().find(text.lower()) if text else -1
    if at >= 0:
        own = [m for m in scanned if m.country and m.kind == "country" and toks[m.j - 1][3] <= at]
        if own and own[-1].j < len(toks) and toks[own[-1].j][2] >= at and toks[own[-1].j][2] - at <= 1:
            # "Kenyan police arrested two Ugandans in Kampala": the word before says whose
            return own[-1].country
        first = next((k for k, t in enumerate(toks) if t[2] >= at + len(text)), None)
        nxt = [m for m in places if first is not None and first <= m.i <= first + 2 and located(m)]
        if nxt:  # "police in Nairobi", "police in the Philippines"
            return nxt[0].country
    hit = next((m for m in places if located(m)), None)
    return hit.country if hit is not None else ""


def _facility(toks: list[tuple[str, str, int, int]], matches: list[_Match]) -> tuple[str, str] | None:
    """(country, sector) when the mention names a facility or a ship ("Al Asad Air Base", "HMS Defender"): a
    capitalised name with a facility head word or prefix that no lexicon match covers."""
    words = _facility_words()
    covered = {
        k
        for m in matches
        if not (m.kind == "agent" and ("head", " ".join(t[0] for t in toks[m.i : m.j])) in words)
        for k in range(m.i, m.j)
    }  # (a site noun that is also a role noun, "air base" MIL, does not cover the name it ends)
    n = next((k for k, t in enumerate(toks) if t[0] in ("of", "in", "near", "at", ",", "(")), len(toks))
    if n >= 2 and 0 not in covered and toks[0][1][:1].isupper() and toks[1][1][:1].isupper():
        hit = words.get(("prefix", toks[0][0]))
        if hit is not None:
            return hit
    for size in (2, 1):
        if n - size < 1 or any(k in covered for k in range(n - size, n)):
            continue
        hit = words.get(("head", " ".join(t[0] for t in toks[n - size : n])))
        if hit is not None and any(c.isupper() for c in toks[n - size - 1][1]):  # "al-Asad air base"
            return hit
    return None


def _starts_name(toks: list[tuple[str, str, int, int]], lex: _Lexicon) -> bool:
    """A capitalised first word that begins a hand-written organisation's or person's listed name ("Five Star
    Movement", "To Lam": a capitalised "To" opens a Vietnamese name, it is no "up to")."""
    if not toks[0][1][:1].isupper() or toks[0][0] in ("the", "a", "an"):
        return False
    norms = [t[0] for t in toks[:_MAX_NGRAM]]
    return any(
        e.rank == 0 and e.kind in ("organisation", "person")
        for n in range(2, len(norms) + 1)
        for e in lex.actors.get(" ".join(norms[:n]), ())
    )


# words of an armed movement's name and the organisation nouns such a name ends in: a capitalised name with both that
# no lexicon knows is an armed opposition group (REB) -- a "Party" is a party whatever its name says
_REBEL_WORDS = {"liberation", "independence", "resistance", "insurgency", "mujahideen", "jihad", "guerrilla",
                "guerrillas", "separatist", "insurgent"}  # fmt: skip


_REBEL_HEADS = {"union", "front", "movement", "organization", "army", "forces", "force", "brigade", "brigades",
                "council", "alliance", "league", "tigers", "fighters", "group", "units"}  # fmt: skip


def _democratic_forces(toks: list[tuple[str, str, int, int]]) -> bool:
    """A capitalised "... Democratic Forces" name: in the news these are non-state armed groups (SDF, ADF, FDLR), a
    state's army is never so named."""
    return any(
        a[0] == "democratic" and b[0] == "forces" and a[1][:1].isupper() and b[1][:1].isupper()
        for a, b in zip(toks, toks[1:], strict=False)
    )


# words that make a force a coalition of states ("a multinational force", "international troops"); "regional" only
# with peacekeeping ("a regional peacekeeping force"), as "regional forces" are a federal state's own
_MULTI = {"multinational", "international", "multi-national"}


_MULTI_HEADS = {"force", "forces", "troops", "coalition", "mission", "peacekeeper", "peacekeepers",
                "peacekeeping"}  # fmt: skip


def _multinational(norms: list[str]) -> bool:
    words = set(norms)
    if not words & _MULTI_HEADS:
        return False
    return bool(words & _MULTI) or ("regional" in words and bool(words & {"peacekeeping", "peacekeepers"}))


# words that name a body after a region of states or the world ("African", "World", "International"), and the
# organisation nouns such a body's name has: an unlisted one is a non-governmental body (intergovernmental ones, the
# African Union, the World Bank, are all in the lexicon)
_TRANSNATIONAL = {"african", "arab", "asian", "international", "world", "global", "islamic", "pan-african",
                  "continental", "transnational", "muslim"}  # fmt: skip


_BODY_HEADS = {"association", "federation", "forum", "foundation", "network", "society", "institute", "council",
               "union", "league", "organization", "committee", "alliance", "congress", "movement", "centre",
               "center", "confederation"}  # fmt: skip


def _transnational_body(toks: list[tuple[str, str, int, int]]) -> bool:
    """A capitalised name with a body noun and a region-of-states or world word and no country ("Association of
    African Jurists", "World Water Forum")."""
    caps = [t[0] for t in toks if t[1][:1].isupper()]
    return len(caps) >= 2 and bool(set(caps) & _TRANSNATIONAL) and bool(set(caps) & _BODY_HEADS)


_RIGHTS_BODIES = {"league", "association", "committee", "council", "centre", "center", "watch", "group", "network",
                  "foundation", "society", "forum", "observatory", "institute", "coalition", "alliance"}  # fmt: skip


def _rights_body(toks: list[tuple[str, str, int, int]]) -> bool:
    """A capitalised "... Rights <League/Committee/...>" name: a rights group (SOC); a "Human Rights Commission" is
    often a state body, so commissions are left out."""
    caps = [t[0] for t in toks if t[1][:1].isupper()]
    return "rights" in caps and bool(caps) and caps[-1] in _RIGHTS_BODIES


def _treaty_body(toks: list[tuple[str, str, int, int]]) -> bool:
    """A capitalised "... Treaty Organization/Alliance" name: states bound by a treaty (an IGO)."""
    return any(
        a[0] == "treaty" and b[0] in ("organization", "alliance", "council") and a[1][:1].isupper()
        for a, b in zip(toks, toks[1:], strict=False)
    )


def _rebel_name(toks: list[tuple[str, str, int, int]]) -> bool:
    capital = [t[0] for t in toks if t[1][:1].isupper()]
    return (
        "party" not in capital
        and any(w in _REBEL_WORDS for w in capital)
        and any(w in _REBEL_HEADS for w in capital)
    )


# lower-case particles inside French, Spanish and Portuguese organisation names
_NAME_PARTICLES_ROMANCE = {"de", "du", "des", "da", "do", "del"}


def _name_head(toks: list[tuple[str, str, int, int]]) -> str:
    """Sector of a proper name by its capitalised last word ("Kivuli Petroleum" BUS), "" when it has none; a
    Romance particle may stand before it ("Agence Ivoirienne de Presse", "Agencia Cubana de Noticias")."""
    if len(toks) >= 3 and toks[-2][1] in _NAME_PARTICLES_ROMANCE:
        toks = toks[:-2] + toks[-1:]
    if len(toks) < 2 or not toks[-1][1][:1].isupper() or not toks[-2][1][:1].isupper():
        return ""
    if len(toks) == 2 and toks[0][0] in _lex().given_names():
        return ""  # "John Board", "Ana Bureau": a given name before the head word makes a person's name
    head = _name_heads().get(toks[-1][0], "")
    if head and toks[-2][0] == "editorial":
        return "JRN"  # "the Editorial Board", "The Times Editorial Board": a newspaper's board, not a public body
    return head


# a seat of power that is also a town ("Miraflores": Venezuela's palace and a district of Lima; "Rawalpindi":
# Pakistan's army and a city) read as the town: a town noun after it ("Miraflores district", "Rawalpindi city"), or
# people who live there before it ("residents of", "villagers near"), or a context that puts it in another country
# ("Miraflores in Lima")
_TOWN_NOUNS = {"city", "town", "district", "neighbourhood", "neighborhood", "suburb", "suburbs", "area", "village",
               "municipality", "province", "county", "township", "borough", "quarter", "region", "outskirts"}  # fmt: skip
_DWELLERS = {"resident", "residents", "people", "villager", "villagers", "inhabitant", "inhabitants", "local", "locals",
             "dweller", "dwellers", "townspeople", "townsfolk", "families", "households", "neighbours", "neighbors",
             "shopkeepers"}  # fmt: skip
_DWELLER_PREPS = {"of", "in", "near", "from", "around", "outside"}
_PLACED_AFTER = re.compile(
    r"\s*(?:,|\bin\b|\bnear\b|\boutside\b)\s+(?:the\s+)?([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)"
)
_PLACED_BEFORE = re.compile(r"([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)(?:'s|\u2019s)\s+(?:[a-z]+\s+)?$")


def _placed_in(context: str | None, name: str) -> str:
    """The country of the place a context puts a name in ("Miraflores in Lima", "Miraflores, Peru", "Lima's
    Miraflores district"); "" when it puts it nowhere."""
    if not context or not name:
        return ""
    for hit in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", context):
        found = _PLACED_AFTER.match(context, hit.end())
        spans = [found.group(1)] if found else []
        before = _PLACED_BEFORE.search(context[max(0, hit.start() - 40) : hit.start()])
        spans += [before.group(1)] if before else []
        for span in spans:
            for m in _scan(_tok(span), None):
                if m.country and m.kind in ("country", "capital", "city", "place") and m.i == 0:
                    return m.country
    return ""


def _seat_as_place(
    matches: list[_Match], toks: list[tuple[str, str, int, int]], text: str, context: str | None
) -> list[_Match]:
    """Seats of power that the mention or its context reads as the town of the same name become city matches of
    the town's country (the context's, or the lexicon's for that name): "residents of Miraflores" PER, "Rawalpindi
    city" PAK. A capital listed as its own country's seat ("Ankara") is left to the capital rules."""
    lex = _lex()
    norms = [t[0] for t in toks]
    out: list[_Match] = []
    for m in matches:
        key = " ".join(norms[m.i : m.j])
        town = ""
        if m.kind == "seat":
            # (a city the lexicon files as a country alias: "Rawalpindi")
            alias = lex.countries.get(key, "") if key in lex.city_aliases else ""
            town = lex.capitals.get(key) or lex.cities.get(key) or lex.places.get(key) or alias
        if not town or lex.capitals.get(key) == m.country:
            out.append(m)
            continue
        placed = _placed_in(context, text[toks[m.i][2] : toks[m.j - 1][3]])
        k = m.i - 1 - (m.i > 1 and norms[m.i - 1] == "the")
        dwellers = k >= 1 and norms[k] in _DWELLER_PREPS and any(w in _DWELLERS for w in norms[:k])
        noun = m.j < len(norms) and norms[m.j] in _TOWN_NOUNS
        dwellers = dwellers or (m.j < len(norms) and norms[m.j] in _DWELLERS)  # "Duma residents"
        if context and not (noun or dwellers) and len(toks) == m.j - m.i:
            # the mention is the bare name, which the context itself gives a town noun ("Rawalpindi city")
            said = re.escape(text[toks[m.i][2] : toks[m.j - 1][3]])
            noun = any(
                w.lower() in _TOWN_NOUNS for w in re.findall(rf"(?<![\w-]){said}\s+([a-z]+)\b", context)
            )
        if (placed and placed != m.country) or noun or dwellers:
            m = _Match("city", m.i, m.j, placed or town)
        out.append(m)
    return out
