"""Toponym recognition: spans from the spaCy entities, gazetteer matches and the text's own cues."""

from __future__ import annotations

import re
from functools import lru_cache

from dateline.model import Document
from dateline.places._cands import _Cand, _prior
from dateline.places._doc_context import _host_label, _text_context
from dateline.places._gazetteer import _gaz, _Gazetteer
from dateline.places._names import _norm, _skeleton
from dateline.places._settlements import _settlement_phrases
from dateline.places._words import (
    _cue_nouns,
    _first_names,
    _is_common_noun,
    _name_blocks,
    _non_places,
    _outlet_leads,
)

_PLACE_LABELS = {"GPE", "LOC", "FAC"}


_MAX_NGRAM = 5


# ------------------------------------------------------------------------------------------------ recognition

_STRIP_LEAD = re.compile(r"^(?:the|The|THE)\s+")


_STRIP_TAIL = re.compile(r"(?:'s|’s|')$")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    span = text[start:end]
    m = _STRIP_LEAD.match(span)
    if m and m.end() < len(span) and not _the_in_name(span):
        start += m.end()
    span = text[start:end]
    m = _STRIP_TAIL.search(span)
    if m and m.start() > 0:
        end = start + m.start()
    while end > start and text[end - 1] in " .,;:" and not _is_abbrev(text[start:end]):
        end -= 1
    return start, end


def _the_in_name(span: str) -> bool:
    """The article is part of the town's own name: "The Hague", "The Woodlands"."""
    if not span.startswith("The "):
        return False
    key = _norm(_STRIP_TAIL.sub("", span).rstrip(" .,;:"))
    return any(c.feature == "city" and c.name.startswith("The ") for c in _gaz().get(key))


def _is_abbrev(span: str) -> bool:
    return bool(re.search(r"(?:\b[A-Z]\.)+$|\b[A-Z][a-z]{1,4}\.$", span))


# entity labels whose text may hold a place name spaCy did not tag on its own ("the Shreveport Police")
_OPEN_LABELS = {
    "ORG",
    "FAC",
    "PRODUCT",
    "WORK_OF_ART",
    "EVENT",
    "LAW",
    "CARDINAL",
    "DATE",
    "QUANTITY",
    "TIME",
}


_DIRECTION = re.compile(
    r"^(?:(?:north|south|east|west|central|upper|lower|greater|metro|downtown|rural|northern|southern|eastern|"
    r"western|north-?east(?:ern)?|north-?west(?:ern)?|south-?east(?:ern)?|south-?west(?:ern)?)\s+)+",
    re.I,
)


# a unit word the model took into the name ("Ochamchire district"): the toponym is the name (LGL's spans); the
# unit still makes it the admin area when it is resolved (_ADMIN_AFTER)
_TAIL = re.compile(r"\s+(?:city|City|area|region|province|Province|-\s.*)$")


_UNIT_TAIL = re.compile(r"\s+(?:district|county|oblast|governorate|prefecture|raion)$")


_PERSON_TOWN_POP = 20_000


_TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|President|Sen|Senator|Rep|Gov|Governor|Judge|Justice|Officer|Sgt|Lt|Capt|Col|Gen|"
    r"Chief|Coach|Mayor|Rev|Father|Sister|Brother|Deputy|Detective|Trooper|Sheriff|Commissioner|Minister)\.? $"
)


_SAID_AFTER = re.compile(r"(?:'s|’s)?\s+(?:said|says|told|added|asked|wrote|noted|explained|stated|argued)\b")


_CAP_TAIL = re.compile(r"(?: [A-Z][\w'’-]*){1,2}")


_CAP_WORD = re.compile(r" [A-Z][\w'’-]*")


def _recognise(doc: Document, gaz: _Gazetteer) -> list[tuple[int, int]]:
    text = doc.text
    spans: list[tuple[int, int]] = []
    taken = [False] * (len(text) + 1)
    # words of the people the text names in full: an unknown "GPE" that is one of them is a person
    # ("Mikheil Saakashvili" ... "Saakashvili"); a lone "PERSON" that is a town's name and no named person's
    # word is the town (the small model often reads "Gainesville" as a person)
    person_words = _person_words(doc)
    # a person's first name the model split from the surname it took for a place ("Hakan" + "Fidan")
    person_ends = {ent.end for ent in doc.entities if ent.label == "PERSON"}
    mislabelled: list[tuple[int, int, int, int]] = []  # cities the model called an organisation or a group
    for ent in doc.entities:
        s, e = _trim(text, ent.start, ent.end)
        key = _norm(text[s:e]) if e > s else ""
        accept = False
        if e > s and ent.label in _PLACE_LABELS and "," in text[s:e]:
            head, _, tail = text[s:e].partition(",")
            if (
                _norm(tail) in gaz.adjectival
            ):  # "Lower Shabelle, Somali police said": the name before the comma
                e = s + len(head.rstrip())
                key = _norm(text[s:e])
        if e > s and ent.label in _PLACE_LABELS and ent.label != "FAC":
            # the model cut a name short ("Chiang" of "Chiang Rai province", "Mae" of "Mae Hong Son"): the
            # capitalised words after it that make a real place's name belong to it
            tail = _CAP_TAIL.match(text, e)
            if tail:
                ends = [e + m.end() for m in _CAP_WORD.finditer(tail.group())]
                longer = next((x for x in reversed(ends) if _real_reading(gaz, text[s:x])), None)
                if longer is not None:
                    e = longer
                    key = _norm(text[s:e])
        if e > s and ent.label in _PLACE_LABELS:
            if key in gaz.adjectival and not any(
                c.feature in _STRONG_FEATURES and c.source != "pycountry-subdivisions" for c in gaz.get(key)
            ):  # "Canadian", "Welsh": an adjective, even where a small town has that name
                accept = False
            elif ent.label == "FAC":
                accept = bool(gaz.lookup(text[s:e], variants=False))
                h = gaz.site_tail.search(key)
                if not accept and h and h.start() > 0:  # "Lask Air Base": a site at a known town
                    accept = any(c.feature == "city" and not c.alt for c in gaz.get(key[: h.start()]))
            else:
                accept = True
                if not _real_reading(gaz, text[s:e]):
                    # "North Texas", "Southern Sudan": keep the resolvable name after a direction word
                    m = _DIRECTION.match(text[s:e])
                    if m and gaz.lookup(text[s + m.end() : e], variants=False):
                        s += m.end()
                    t = _TAIL.search(text[s:e])
                    u = _UNIT_TAIL.search(text[s:e])
                    if t and t.start() > 0 and gaz.lookup(text[s : s + t.start()], variants=False):
                        e = s + t.start()
                    elif u and u.start() > 0 and gaz.lookup(text[s : s + u.start()], variants=False):
                        e = s + u.start()
                    elif (
                        not (m or t)
                        and (
                            text[s].islower()
                            or any(w in person_words for w in text[s:e].split())
                            # "Gunmen abducted ...", "Monsoon rains ...": a common noun opening a sentence
                            or (_sentence_start(text, s) and " " not in text[s:e] and _is_common_noun(key))
                            or _TITLE_BEFORE.search(text, max(0, s - 20), s)  # "President Saakashvili"
                            or _SAID_AFTER.match(text, e)
                            # "cosied up to Fidan in Ankara", "Hakan Fidan": a person, not an unknown place
                            or _PERSON_VERB_BEFORE.search(text, max(0, s - 24), s)
                            or _PERSON_VERB_AFTER.match(text, e)  # "Blinken met ...": the speaker
                            or (s > 0 and text[s - 1] == " " and s - 1 in person_ends)
                        )
                    ):
                        accept = False
            if accept and not any(ch.isupper() for ch in text[s:e]):
                accept = False  # "metro stations": the small model's lower-case "places" are common words
        elif (
            e > s
            and ent.label == "PERSON"
            and " " not in text[s:e]
            and text[s:e] not in person_words
            and not _TITLE_BEFORE.search(text, max(0, s - 20), s)
            and not _SAID_AFTER.match(text, e)
            # a given name or an English-word surname ("Warren") is the town only right after "in", "near"...
            and (key not in _first_names() or _STRONG_PREP.search(text, max(0, s - 16), s))
        ):
            accept = any(
                c.feature == "city" and not c.alt and c.population >= _PERSON_TOWN_POP for c in gaz.get(key)
            ) and _used_as_place(text, text[s:e], doc)
        elif e > s and ent.label == "ORG":
            # an ORG that is exactly a country, region, state or curated place ("Georgia", "Camp Taji")
            accept = any(
                c.feature in ("country", "admin", "site", "water", "region")
                and c.source != "pycountry-subdivisions"
                for c in gaz.names.get(key, [])
            )
        if (
            not accept
            and e > s
            and (ent.label in _CITY_ENT_LABELS or (ent.label == "PERSON" and " " not in text[s:e]))
        ):
            mislabelled.append((s, e, ent.start, ent.end))
        if accept:
            spans.append((s, e))
        if accept or ent.label not in _OPEN_LABELS:
            for i in range(ent.start, ent.end):
                taken[i] = True
    for s, e, es, ee in _mislabelled_cities(text, gaz, mislabelled, spans, person_words):
        spans.append((s, e))
        for i in range(es, ee):
            taken[i] = True
    spans.extend(_gazetteer_matches(doc, gaz, taken))
    spans.sort()
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            if e - s > out[-1][1] - out[-1][0]:
                out[-1] = (s, e)
            continue
        out.append((s, e))
    out = _cued_matches(doc, gaz, out, person_words)
    out = _settlement_phrases(text, out, person_words)
    out = _site_phrases(doc, gaz, _other_mentions(doc, gaz, out), person_words)
    return _drop_non_places(text, _drop_outlets(text, gaz, out))


def _person_words(doc: Document) -> set[str]:
    text = doc.text
    return {
        w
        for ent in doc.entities
        if ent.label == "PERSON" and " " in text[ent.start : ent.end].strip()
        for w in text[ent.start : ent.end].split()
    }


# verbs whose object is a person: an unknown name after one is no place ("cosied up to Fidan in Ankara")
_PERSON_VERB_BEFORE = re.compile(
    r"\b(?:met|meets|meeting|cosied up to|cozied up to|cosying up to|cozying up to|cosy up to|cozy up to|"
    r"spoke with|spoke to|talked to|talked with|phoned|thanked|congratulated|greeted|embraced|hugged|"
    r"sacked|appointed|nominated|interviewed)\s+$"
)


# what a person, not a place, does: an unknown name before one is its subject ("Blinken met Fidan")
_PERSON_VERB_AFTER = re.compile(
    r"\s+(?:met|meets|phoned|greeted|congratulated|thanked|hosted|visited|visits|flew|travelled|traveled|"
    r"urged|insisted|vowed|promised|tweeted|posted)\b"
)


def _drop_non_places(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Weapons named after places or people are no places ("Katyusha rockets", "a Kalashnikov":
    data/places/non_places.txt), unless right after "in", "near"... ("in Tomahawk, Wis.")."""
    words = _non_places()
    return [
        (s, e)
        for s, e in spans
        if _norm(text[s:e]) not in words or _STRONG_PREP.search(text, max(0, s - 16), s)
    ]


_SITE_BEFORE = re.compile(r"(?:\b(?:the|The|at|At|near|in|to|from|into)|'s|’s)\s+$")


_FUNCTION_WORDS = frozenset("the a an at in near from to into of on by for and or with".split())


_POSSESSIVE_WORD = re.compile(r"(?:'s|’s|')$")


def _site_phrases(
    doc: Document, gaz: _Gazetteer, spans: list[tuple[int, int]], person_words: set[str]
) -> list[tuple[int, int]]:
    """A settlement's name before a site head noun is a site and the whole phrase is the toponym ("the Cincu
    training area", "Mihail Kogalniceanu air base", "Chornomorsk port"); after a name no gazetteer knows only the
    heads marked strong in data/places/site_heads.txt ("the Smardan range"). Country, region and water names
    before a head ("Black Sea port") and words of people's names stay as they are."""
    text = doc.text
    rx = gaz.site_phrase
    if rx is None:
        return spans
    common, people = _name_blocks()
    persons = [(e.start, e.end) for e in doc.entities if e.label == "PERSON"]
    out = list(spans)
    for m in rx.finditer(text):
        words = list(re.finditer(r"\S+", m.group(1)))
        first = 0
        for j, w in enumerate(words):  # the name starts after a possessive or a capitalised common word
            low = w.group().lower()
            if _POSSESSIVE_WORD.search(w.group()) or low in _FUNCTION_WORDS or (j == 0 and low in common):
                first = j + 1
        if first >= len(words):
            continue
        s, e = m.start(1) + words[first].start(), m.start(1) + words[-1].end()
        name = text[s:e]
        key = _norm(name)
        if len(key) < 3 or key in gaz.adjectival:
            continue
        cands = gaz.get(key)
        if any(w in person_words for w in name.split()) or (
            any(a <= s and e <= b for a, b in persons)
            and not any(c.feature == "city" and not c.alt for c in cands)
        ):
            continue  # a person's name ("the Kennedy barracks") unless a town bears it ("the Novo Selo range")
        if cands:
            if not any(c.feature in ("city", "site") for c in cands) or any(
                c.feature in ("country", "water", "region", "continent")
                or (c.feature == "admin" and c.source != "pycountry-subdivisions")
                for c in cands
            ):
                continue
        elif not gaz.site_heads.get(_norm(m.group(2))) or key in common or key in people:
            continue
        end = m.end(2)
        if _COMPOUND_AFTER.match(text, end):
            continue  # "Mount Everest base camp", "the Haifa port authority": the head starts a longer noun
        inside = [(a, b) for a, b in out if a < end and s < b]
        if any(a < s or b > end for a, b in inside):
            continue  # part of a longer recognised name
        if (s, e) not in inside and not (
            gaz.site_heads.get(_norm(m.group(2))) and _SITE_BEFORE.search(text, max(0, s - 12), s)
        ):
            continue  # a name the text does not already use as a place: a strong head after "the", "at"...
        out = [sp for sp in out if sp not in inside]
        out.append((s, end))
    return sorted(out)


_OUTLET_TOWN_POP = 100_000  # an outlet named after a town this big: the town stays a toponym ("Moscow Times")


# nouns a site head modifies: "Mount Everest base camp", "the Haifa port authority", "Dover port city"
_COMPOUND_AFTER = re.compile(
    r"\s(?:camp|camps|city|town|authority|authorities|operator|commander|commanders|director|chief|gate|gates|"
    r"perimeter|fence|road|runway|rover|station)\b"
)


def _drop_outlets(text: str, gaz: _Gazetteer, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """An outlet or agency name is no place ("Black Sea Wire", "Danube Courier": data/places/outlet_words.txt):
    a span reaching into the outlet word goes, and so does a region, water body or country that is the whole
    name before it; a city stays ("Moscow Times" names the paper's town, as LGL annotates it)."""
    if not spans:
        return spans
    drop: set[tuple[int, int]] = set()
    lead = _outlet_lead_rx()
    if lead is not None:
        for m in lead.finditer(text):  # "Radio Juba Valley": the outlet's name after its lead word
            drop.update((a, b) for a, b in spans if m.start(1) <= a and b <= m.end(1))
    rx = gaz.outlet_rx
    for m in rx.finditer(text) if rx is not None else ():
        ns, ws = m.start(1), m.start(2)
        if text.startswith(("The ", "THE "), ns):  # "The Horn Wire": the name starts after the article
            ns += 4
        for a, b in spans:
            if b <= ns or a >= m.end(2):
                continue
            if b > ws:
                if not gaz.lookup(text[a:b], variants=False):  # "English Channel" is a place of its own
                    drop.add((a, b))
            elif a == ns and b == ws - 1:
                cands = gaz.lookup(text[a:b], variants=False)
                if not any(
                    c.feature in ("city", "site")
                    and c.population >= _OUTLET_TOWN_POP
                    and (not c.alt or c.population >= 100_000)
                    for c in cands
                ):
                    drop.add((a, b))
            elif (
                a == ns
                and _OUTLET_MIDDLE.match(text[b : ws - 1])
                and _city_only(gaz.lookup(text[a:b], False))
            ):
                # "Lansing State Journal": a town before "State" names an institution, not the town (LGL keeps
                # "New York Daily News", "St. Paul Pioneer Press" and "Ohio Housing Finance Agency" as places)
                drop.add((a, b))
    return [sp for sp in spans if sp not in drop] if drop else spans


_OUTLET_MIDDLE = re.compile(r"^ State$")


@lru_cache(maxsize=1)
def _outlet_lead_rx() -> re.Pattern[str] | None:
    leads = sorted(_outlet_leads(), key=len, reverse=True)
    if not leads:
        return None
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in leads)
    return re.compile(rf"(?<![\w'’.-])(?:{alts})\s+([A-Z][\w'’.&-]*(?:\s[A-Z][\w'’.&-]*){{0,3}})")


def _city_only(cands: list[_Cand]) -> bool:
    return bool(cands) and all(c.feature == "city" for c in cands)


_CITY_PREP = re.compile(
    r"(?i:\b(?:in|at|near|from|into|outside|across|around|towards?|to|via|between|off|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of|"
    r"(?:bound|headed|heading|sailed|flew|departed)\s+for|"
    r"attacked|shelled|bombed|raided|stormed|seized|captured|recaptured|retook|besieged|overran|encircled)\s+"
    r"(?:(?:the\s+)?(?:north|south|east|west|central|northern|southern|eastern|western)\s+)?)$"
)


# what follows a company's name, not a city's ("Toyota shares", "Nokia said it would cut jobs")
_COMPANY_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:shares?|stock|stocks|profits?|earnings|sales|revenues?|Corp|Inc|Co|Ltd|Group|Motors?|"
    r"brand|cars|vehicles|executives?|chief executive|CEO|chairman|investors|shareholders|announced|reported)\b"
)


_CITY_ENT_LABELS = frozenset(("ORG", "PRODUCT", "NORP", "WORK_OF_ART", "EVENT"))


_CITY_ENT_POP = 100_000  # a city this big named alone is the city when its country is the text's


_CITY_ENT_PREP_POP = 20_000  # ... or this big after a locative preposition ("workers in Gwadar")


def _mislabelled_cities(
    text: str,
    gaz: _Gazetteer,
    ents: list[tuple[int, int, int, int]],
    spans: list[tuple[int, int]],
    person_words: set[str],
) -> list[tuple[int, int, int, int]]:
    """Entities the small model tagged as an organisation, product, group or (one word) person that are
    exactly the name of a country ("Niger's borders"), of a city of the text's country ("Karachi" ORG,
    "Belgorod" NORP in a story about Russia), or of a region or town after a locative preposition ("flew to
    Vilnius", "in northern Mali"). The text's countries: named, by demonym ("Russian"), or those of the
    places already recognised. Words of the people the text names, given names and common words count only
    after a preposition; a name followed by organisation words ("Toyota Motor") is part of a longer name and
    was not tagged alone, so it does not come here."""
    if not ents:
        return []
    found = []
    ctry: set[str] | None = None
    common, people = _name_blocks()  # "Lincoln", "Bell": people; "Reading": a word
    for s, e, es, ee in ents:
        key = _norm(text[s:e])
        if len(key) < 4 or key in gaz.adjectival or not text[s].isupper():
            continue
        if any(w in person_words for w in text[s:e].split()) or _TITLE_BEFORE.search(text, max(0, s - 20), s):
            continue
        prep = _CITY_PREP.search(text, max(0, s - 28), s)
        strong = prep and _STRONG_PREP.search(prep.group().split()[0] + " ")
        if (key in common or key in people) and (not strong or _POSSESSIVE_AFTER.match(text, e)):
            continue  # a given name or a word: only right after "in", "near"... ("in Mali", not "to stop Bell")
        multi = " " in key  # "Santiago de Cuba", "KwaZulu-Natal": a long name is rarely anything else
        readings = [c for c in gaz.get(key) if not c.alt and c.feature in ("city", "country", "admin")]
        cities = [c for c in readings if c.feature == "city"]
        regions = [
            c
            for c in readings
            if c.feature != "city"
            and (multi or c.feature == "country" or c.source != "pycountry-subdivisions")
        ]
        if not readings:
            continue
        if prep:
            ok = bool(regions) or any(c.population >= _CITY_ENT_PREP_POP for c in cities)
        elif any(c.feature == "country" for c in readings):
            ok = not _SAID_AFTER.match(text, e)
        else:
            if _SAID_AFTER.match(text, e) or _COMPANY_AFTER.match(text, e):
                continue  # "Nokia said", "Toyota shares": the company
            if ctry is None:
                ctry = set(_text_context(text)[0])
                for a, b in spans:
                    cands = gaz.get(_norm(text[a:b]))
                    if cands:
                        best = max(cands, key=_prior)
                        if best.country:
                            ctry.add(best.country)
            floor = _CITY_ENT_PREP_POP if multi else _CITY_ENT_POP
            ok = any(c.country in ctry for c in regions) or any(
                c.country in ctry and c.population >= floor for c in cities
            )
        if ok:
            found.append((s, e, es, ee))
    return found


_NAME_BEFORE = re.compile(r"\b[A-Z][\w’']*\.? $")  # "Main Street", "Rodeo Gainesville": part of a longer name


@lru_cache(maxsize=256)
def _place_use(name: str) -> re.Pattern[str]:
    n = re.escape(name)
    return re.compile(
        rf"\b(?:[Ii]n|[Aa]t|[Nn]ear|from|to|of|around|[Oo]utside|across|downtown)\s+{n}\b|"
        rf"\b{n}(?:,\s+[A-Z][a-z]+\.?\b|"
        r"(?:'s|’s)?\s+(?:residents?|police|Police|officials|City|city|County|High School|area)\b)"
    )


def _used_as_place(text: str, name: str, doc: Document) -> bool:
    """Whether some mention of `name` reads as a place ("in Gainesville", "Gainesville police") or the outlet's
    address spells it: a lone word the model took for a person is then the town."""
    return bool(_place_use(name).search(text)) or (
        len(name) >= 5 and _norm(name).replace(" ", "") in _host_label(doc)
    )


_PROPAGATE_BLOCK = {"PERSON"}  # inside organisations a town name still counts ("Gainesville Riding Club")


def _alt_town_used_as_place(text: str, gaz: _Gazetteer, s: int, e: int) -> bool:
    """A town's alternate spelling ("Jowhar" for Jawhar) spreads to the other mentions when this mention is
    used as a place ("in Jowhar", "the Jowhar market") and the name is never a speaker ("Kristina said")."""
    name = text[s:e]
    return (
        any(c.population >= _CUE_POP for c in gaz.lookup(name, variants=False))
        and bool(
            _STRONG_PREP.search(text, max(0, s - 16), s)
            or _UNIT_AFTER.match(text, e)
            or (_THE_BEFORE.search(text, max(0, s - 5), s) and _cue_noun_after(text, e))
        )
        and not re.search(re.escape(name) + _SAID_AFTER.pattern, text)
    )


def _real_reading(gaz: _Gazetteer, name: str) -> bool:
    """Whether the gazetteer has `name` as a place's own name or a big city's exonym ("Kiev"), not only as a
    town's alternate name (which is how "Kristina" and "Ismaili" match Finnish and Azerbaijani towns)."""
    return any(
        not c.alt or c.population >= 100_000 for c in gaz.lookup(name, variants=False)
    )  # exonyms count


def _other_mentions(doc: Document, gaz: _Gazetteer, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One sense per discourse: the other mentions of a recognised place name ("Gainesville Riding Club",
    "COLUMBUS —") that the model left out, except inside a person's name."""
    text = doc.text
    names = {
        text[s:e]
        for s, e in spans
        if e - s >= 4
        and text[s].isupper()
        and _norm(text[s:e]) not in gaz.adjectival
        and (_real_reading(gaz, text[s:e]) or _alt_town_used_as_place(text, gaz, s, e))
    }
    if not names:
        return spans
    forms = sorted(names | {n.upper() for n in names}, key=len, reverse=True)
    blocked = [False] * (len(text) + 1)
    accepted = set(spans)
    for s, e in spans:
        for i in range(s, e):
            blocked[i] = True
    person_words = _person_words(doc)
    for ent in doc.entities:
        if ent.label in _PROPAGATE_BLOCK and (ent.start, ent.end) not in accepted:
            name = text[ent.start : ent.end]
            if (
                name in names
                and name not in person_words
                and not _TITLE_BEFORE.search(text, max(0, ent.start - 20), ent.start)
                and not _SAID_AFTER.match(text, ent.end)
            ):
                continue  # "Jowhar" tagged a person, named as a place elsewhere in the text: the place again
            for i in range(ent.start, ent.end):
                blocked[i] = True
    rx = re.compile(r"(?<![\w.'’-])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w’-]|'\w\w)")
    added = [
        (m.start(), m.end())
        for m in rx.finditer(text)
        if not any(blocked[m.start() : m.end()])
        and not _NAME_BEFORE.search(text, max(0, m.start() - 25), m.start())
    ]
    return sorted(spans + added) if added else spans


def _gazetteer_matches(doc: Document, gaz: _Gazetteer, taken: list[bool]) -> list[tuple[int, int]]:
    """Proper-noun n-grams the NER missed that name a country, region, state, curated place or big city."""
    sdoc = doc.spacy
    if sdoc is None:
        return []
    from spacy.attrs import ENT_TYPE, IDX, LENGTH, POS, SENT_START
    from spacy.symbols import PROPN

    text = doc.text
    # token attributes as one array: creating a spaCy Token object per token costs more than all the rest
    toks = sdoc.to_array([IDX, LENGTH, POS, SENT_START, ENT_TYPE]).tolist()
    n = len(toks)
    starts = [t[0] for t in toks]
    ends = [t[0] + t[1] for t in toks]
    upper = [text[s : s + 1].isupper() for s in starts]
    tok_taken = [taken[s] for s in starts]
    org_spans = {
        _trim(text, e.start, e.end) for e in doc.entities if e.label in ("ORG", "PRODUCT", "WORK_OF_ART")
    }
    out = []
    i = 0
    while i < n:
        if tok_taken[i] or not upper[i]:
            i += 1
            continue
        grams = []
        for k in range(min(_MAX_NGRAM, n - i), 0, -1):
            j = i + k - 1
            if any(tok_taken[i : j + 1]):
                continue
            if not upper[j] and text[ends[j] - 1] != ".":
                continue
            key = _norm(text[starts[i] : ends[j]])
            if key not in gaz.adjectival:
                grams.append((k, key))
        gaz.prefetch([g[1] for g in grams])  # one index query for all n-grams starting here
        found = 0
        for k, key in grams:
            cands = gaz.get(key)
            if not cands:
                continue
            _idx, length, pos, sent_start, ent_type = toks[i]
            if k == 1 and (pos != PROPN or (sent_start == 1 and not ent_type) or length < 4):
                continue
            # a whole organisation or product named like a city is the organisation ("Toyota", "Metro")
            whole_org = (starts[i], ends[i + k - 1]) in org_spans
            strong = [
                c
                for c in cands
                if (c.feature in _STRONG_FEATURES and c.source != "pycountry-subdivisions")
                or (c.feature == "city" and c.population >= 100_000 and not c.alt and not whole_org)
                or (c.feature == "county" and not c.alt and k > 1)  # "Laurel County" inside an ORG
            ]
            if k == 1 and strong and all(c.feature in ("region", "water") for c in strong):
                if _CAP_AFTER.match(text, ends[i]):
                    continue  # a region word that starts a longer name: "Gulf War", "Sahel Alliance"
            if strong:
                found = k
                break
        if found:
            out.append((starts[i], ends[i + found - 1]))
            i += found
        else:
            i += 1
    return out


_STRONG_FEATURES = frozenset(("country", "admin", "site", "water", "region", "continent"))


# ------------------------------------------------------------------ cued gazetteer matches (names the model missed)

_CUE_POP = 5_000  # a town this big is a place name when the text uses it as one (floor tuned on LGL DEV)


_CUE_LABELS = frozenset(("", "PERSON", "ORG", "NORP"))  # labels the small model wrongly gives to towns


_LOC_PREP = re.compile(
    r"(?i:\b(?:in|at|near|from|into|outside|across|around|towards|toward|between|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of|"
    r"(?:bound|headed|heading|sailed|flew|departed)\s+for))\s+$"
)


_STRONG_PREP = re.compile(
    r"(?i:\b(?:in|near|outside|into|across|around|towards|toward))\s+$"
)  # for lone names


# what is done to or toward a place in wire news: "rebels seized Loikaw", "flights were diverted to Misrata",
# also as a noun: "the bombing of Shwe Kokko", "the siege of Mariupol"
_ACTION_BEFORE = re.compile(
    r"\b(?:attacked|shelled|bombed|raided|stormed|seized|captured|recaptured|retook|besieged|overran|encircled|"
    r"entered|reached|evacuated|liberated|to|off|via|"
    r"(?:bombing|shelling|siege|capture|recapture|storming|liberation|evacuation|blockade|encirclement)\s+of)\s+$"
)


_ACCORDING_BEFORE = re.compile(r"\b(?:according|thanks|due|owing|close|next|compared)\s+to\s+$", re.I)


_POSSESSIVE_AFTER = re.compile(r"(?:'s|’s|'|’)(?!\w)")


_UNIT_AFTER = re.compile(
    r"\s+(?:province|Province|region|district|governorate|oblast|Oblast|prefecture|city|county|countryside|"
    r"outskirts|suburbs)\b"
)


_LIST_SEP = re.compile(r"^(?:,\s*|,?\s+(?:and|or|&)\s+)$")


_LIST_LEFT = re.compile(r"(?:,|\s(?:and|or|&))\s*$|^\s*(?:the|The)?\s*$")


_LIST_RIGHT = re.compile(r"^(?:\s*$|,|\s+(?:and|or|&)\b|(?:'s|’s)$)")


_CAP_AFTER = re.compile(r" [A-Z][a-z]")


_TOWN_CUE_POP = 1_000  # a town named by what only towns have (its police, its mayor, its high school)


# a town's own offices (schools are left out: they are named after people as often as after towns)
_TOWN_ORG_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:City\s+|Town\s+)?(?:Police Department|Police Dept|Fire Department|Fire Dept|Fire Chief|"
    r"Police Chief|City Council|Town Council|Village Board|City Hall|Town Hall|City Commission|City Manager|"
    r"Mayor|Township|city limits|city council|town council|city hall|city officials|police)\b"
)


_COUNTY_NAME = re.compile(r"[A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,2}")


_COUNTY_LIST = re.compile(
    r"((?:[A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,2}(?:,\s+|,?\s+(?:and|or|&)\s+))+"
    r"[A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,2})\s+(?:counties|Counties|parishes|Parishes)\b"
)


_OF_TOWN_BEFORE = re.compile(
    r"\b(?:residents?|natives?|City|city|Town|town|Village|village|Mayor|mayor)\s+of\s+$"
)


_OF_AFTER_PERSON = re.compile(r"(?:,\s*\d{1,3},?)?\s+of\s+$")


_PARTY_BEFORE = re.compile(
    r"\b(?:R|D|I|DFL)-$"
)  # a legislator's home town: "Rep. Vicki Lensing, D-Iowa City"


_DATELINE_AFTER = re.compile(r"(?:,\s+[A-Z][\w.]*\.?(?:\s[A-Z][\w.]*)?)?\s*(?:\([A-Z]+\)\s*)?(?:—|--|–|:)")


_CUED_FEATURES = frozenset(("country", "admin", "region", "water", "continent"))


def _sentence_start(text: str, s: int) -> bool:
    before = text[max(0, s - 3) : s]
    return s == 0 or before.endswith("\n") or bool(re.search(r"[.!?][\"'”’]?\s+$", before))


def _county_lists(text: str, gaz: _Gazetteer, taken: bytearray) -> list[tuple[int, int]]:
    """The bare county names of a list before "counties": "Barrow, Jackson and Madison counties"."""
    out: list[tuple[int, int]] = []
    if "ounties" not in text and "arishes" not in text:
        return out
    for m in _COUNTY_LIST.finditer(text):
        for n in _COUNTY_NAME.finditer(m.group(1)):
            s, e = m.start(1) + n.start(), m.start(1) + n.end()
            if not any(taken[s:e]) and _norm(text[s:e]) in gaz.counties:
                out.append((s, e))
    return out


def _of_person(text: str, s: int, person_ends: set[int]) -> bool:
    """A person "of" a town: "Steven Sachs of Alexandria", "Jane Doe, 43, of Berea"."""
    m = _OF_AFTER_PERSON.search(text, max(0, s - 14), s)
    return bool(m) and m.start() in person_ends


def _allcaps(text: str, s: int, e: int) -> bool:
    return e - s >= 4 and text[s:e].isupper() and text[s:e].isalpha()


def _cue_place(gaz: _Gazetteer, key: str, floor: int = _CUE_POP) -> bool:
    """Whether a name has a reading strong enough for a cued match: a country, region or water body, a county
    by its full name, or a town of _CUE_POP people under its own name."""
    return any(
        (c.feature in _CUED_FEATURES)
        or (c.feature == "county" and not c.alt)
        or (
            c.feature == "city"
            and c.population >= floor
            and (not c.alt or _skeleton(c.name) == _skeleton(key))
        )
        for c in gaz.get(key)
    )


_NAMED_COUNTRY_TOWN_POP = 500  # GeoNames' floor for towns: any real town of a country the text names


def _town_of_named_country(gaz: _Gazetteer, key: str, text: str) -> bool:
    """Issue 6, round 17: a small town under its own name in a country the text names ("The Guyana Defence Force
    sent 300 soldiers to Lethem", 716 people) is a place when the text uses it as one, below _CUE_POP; a town of
    _CUE_POP under an alternate spelling too (session 22: "food was handed out in Oicha" in a Congolese story)."""
    towns = [
        c
        for c in gaz.get(key)
        if c.feature == "city"
        and c.country
        # (session 22) a town of _CUE_POP under an alternate spelling too ("in Oicha", GeoNames' Hyosha)
        and (c.population >= _CUE_POP if c.alt else c.population >= _NAMED_COUNTRY_TOWN_POP)
    ]
    if not towns:
        return False
    named = _text_context(text)[0]
    return any(named.get(c.country or "") for c in towns)


def _cued_matches(
    doc: Document, gaz: _Gazetteer, spans: list[tuple[int, int]], person_words: set[str]
) -> list[tuple[int, int]]:
    """Capitalised names the model left untagged or tagged as a person, organisation or group that the text
    uses as places: after a locative preposition ("in Herat"), before "province"/"region"/"district"
    ("Kandahar province"), or listed with a recognised place ("Kharkiv, Sumy and Poltava")."""
    sdoc = doc.spacy
    if sdoc is None:
        return spans
    from spacy.attrs import ENT_TYPE, IDX, LENGTH, POS
    from spacy.symbols import PROPN

    text = doc.text
    toks = sdoc.to_array([IDX, LENGTH, POS, ENT_TYPE]).tolist()
    strings = sdoc.vocab.strings
    taken = bytearray(len(text) + 1)
    for s, e in spans:
        taken[s:e] = b"\x01" * (e - s)
    # capitalised proper-noun runs outside the accepted spans: "Herat", "Tega Cay"
    runs: list[tuple[int, int, set[str]]] = []
    i, n = 0, len(toks)
    while i < n:
        s0, ln, pos, ent = toks[i]
        if not text[s0 : s0 + 1].isupper() or taken[s0] or (pos != PROPN and not _allcaps(text, s0, s0 + ln)):
            i += 1
            continue
        e0, labels, j = s0 + ln, {strings[ent] if ent else ""}, i + 1
        while j < n:
            s1, ln1, pos1, ent1 = toks[j]
            if (
                (pos1 != PROPN and not _allcaps(text, s1, s1 + ln1))
                or s1 != e0 + 1
                or not text[s1 : s1 + 1].isupper()
                or taken[s1]
            ):
                break
            e0 = s1 + ln1
            labels.add(strings[ent1] if ent1 else "")
            j += 1
        runs.append((s0, e0, labels))
        i = j
    if not runs:
        return spans
    ents = [(ent.start, ent.end) for ent in doc.entities if ent.label in ("PERSON", "ORG", "NORP")]
    person_ends = {_trim(text, ent.start, ent.end)[1] for ent in doc.entities if ent.label == "PERSON"}
    common, people = _name_blocks()
    lower_words: set[str] | None = None
    cands: list[tuple[int, int, bool]] = []  # start, end, a lone name that may be a person
    added: list[tuple[int, int]] = []
    for s, e, labels in runs:
        for m in re.finditer(" ", text[s:e]):  # "Berea Police Department": the town before what it has
            if _TOWN_ORG_AFTER.match(text, s + m.start()):
                e = s + m.start()
                break
        name = text[s:e]
        key = _norm(name)
        if (
            not labels <= _CUE_LABELS
            or len(key) < 4
            or key in gaz.adjectival
            or key in common
            or not gaz.get(key)
        ):
            continue
        if lower_words is None:
            lower_words = set(re.findall(r"(?<![\w'’])[a-z]+(?![\w'’])", text))
        # what only a town has: "Berea Police Department", "a Woodbridge man", "R-Marshall", "HAMILTON —"
        town = bool(
            _TOWN_ORG_AFTER.match(text, e)
            or (_TOWN_PERSON.match(text, e) and _ARTICLE_BEFORE.search(text, max(0, s - 4), s))
            or _PARTY_BEFORE.search(text, max(0, s - 5), s)
            or (name.isupper() and _DATELINE_AFTER.match(text, e) and (s == 0 or text[s - 1] == "\n"))
            or _OF_TOWN_BEFORE.search(text, max(0, s - 20), s)
            or _of_person(text, s, person_ends)
        )
        if (
            key in lower_words
            or (s > 0 and text[s - 1] in "-–/" and not town)
            or (text[e : e + 1] in ("-", "–") and text[e + 1 : e + 2].isalnum())
            or (_CAP_AFTER.match(text, e) and not town)  # "Rivers Avenue": the first word of a longer name
            # "Smith said", but "police in Karachi said"
            or (_SAID_AFTER.match(text, e) and not _STRONG_PREP.search(text, max(0, s - 16), s))
            or _TITLE_BEFORE.search(text, max(0, s - 20), s)
        ):
            continue
        inside = next(((a, b) for a, b in ents if a < e and s < b), None)
        if (
            inside is not None
            and not town
            and not (_LIST_LEFT.search(text[inside[0] : s]) and _LIST_RIGHT.match(text[e : inside[1]]))
        ):
            continue  # a word of a longer name: "Georgia Smith", "Sumy Bank"
        personal = " " not in name and (key in people or name in person_words)
        if town and _cue_place(gaz, key, _TOWN_CUE_POP):
            added.append((s, e))
            continue
        if not _cue_place(gaz, key) and not _town_of_named_country(gaz, key, text):
            continue
        cands.append((s, e, personal))
    added.extend(_county_lists(text, gaz, taken))
    places = sorted(spans + added)
    starts = {s for s, _ in places}
    ends = {e for _, e in places}
    pending = []
    for s, e, personal in cands:
        prep = _STRONG_PREP if personal else _LOC_PREP
        if (
            (prep.search(text, max(0, s - 16), s) and not (personal and _POSSESSIVE_AFTER.match(text, e)))
            or (not personal and _UNIT_AFTER.match(text, e))
            or (not personal and _THE_BEFORE.search(text, max(0, s - 5), s) and _cue_noun_after(text, e))
            or (
                not personal
                and _ACTION_BEFORE.search(text, max(0, s - 16), s)
                and not _POSSESSIVE_AFTER.match(text, e)
                and not _ACCORDING_BEFORE.search(text, max(0, s - 16), s)
            )
        ):
            added.append((s, e))
            starts.add(s)
            ends.add(e)
        elif not personal:
            pending.append((s, e))
    # lists: a name joined by ",", "and", "or" to a place, repeated so that a list is read to its end
    for _ in range(3):
        grew = False
        for s, e in list(pending):
            left = text[max(0, s - 8) : s]
            right = text[e : e + 8]
            m_left = re.search(r"(?:,\s*|,?\s+(?:and|or|&)\s+)$", left)
            m_right = re.match(r"^(?:,\s*|,?\s+(?:and|or|&)\s+)", right)
            if (m_left and s - len(m_left.group(0)) in ends) or (
                m_right and e + len(m_right.group(0)) in starts
            ):
                added.append((s, e))
                starts.add(s)
                ends.add(e)
                pending.remove((s, e))
                grew = True
        if not grew:
            break
    return sorted(spans + added) if added else spans


# "a Lebanon woman", "an Athens man": people are named after their town, after their country by a demonym
_TOWN_PERSON = re.compile(
    r"\s+(?:man|woman|men|women|boy|girl|teen|teenager|couple|resident|residents|native)\b"
)


_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|An|A)\s+$")


_THE_BEFORE = re.compile(r"\b(?:the|The)\s+$")


_NOUN_AFTER = re.compile(r"\s+([a-z]+)\b")


def _cue_noun_after(text: str, e: int) -> bool:
    """A noun after the name that makes it a place: "the Jowhar market", "the Mosul dam road" (data file)."""
    m = _NOUN_AFTER.match(text, e)
    return bool(m) and m.group(1) in _cue_nouns()
