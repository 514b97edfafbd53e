"""Rules that narrow or pick a name's readings from what the text says: rivers or cities, homonyms,
world cities and their namesakes, stated states, admin units as written, spelling variants."""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
from collections import Counter, defaultdict

from dateline.places._cands import _Cand, _prior, _within, distance_km
from dateline.places._gazetteer import (
    _WORLD_REGION_KM,
    _demonym_countries,
    _gaz,
    _Gazetteer,
    _postal_regions,
    _strong_names,
)
from dateline.places._names import _SKEL_ARTICLE, _norm
from dateline.places._recognition import _ARTICLE_BEFORE, _TOWN_PERSON
from dateline.places._scoring import _BIG_CITY_PRIOR, _STATE_REGION_KM, _SUPPORT_SPREAD


def _whole_rivers(cands_of: dict[str, list[_Cand]], doc_ctry: Counter[str]) -> None:
    """A river whose stretches run through two or more of the countries the text names ("the Euphrates ...
    downstream in Iraq, officials in Raqqa said") is the whole river: its row without a country."""
    named = set(doc_ctry)
    for cands in cands_of.values():
        best = max(cands, key=_prior, default=None)
        if best is not None and best.country and (len(cands) == 1 or best.feature == "country"):
            named.add(best.country)
    for k, cands in cands_of.items():
        water = [c for c in cands if c.feature == "water"]
        whole = [c for c in water if c.country is None]
        own = _strong_names().get(k)  # "the Niger" names no country Niger
        here = named - {own[0]} if own and doc_ctry.get(own[0], 0) <= 1 else named
        stretch = _stretch_near_text(k, water, cands_of)
        if stretch is not None:  # the stretch the text's towns lie on ("the Zambezi" at Livingstone)
            cands_of[k] = [c for c in cands if c.feature != "water" or c is stretch]
        elif whole and len({c.country for c in water if c.country} & here) >= 2:
            cands_of[k] = [c for c in cands if c.feature != "water" or c.country is None]


_REGION_COUNTRIES = 2  # a world region holding this many of the text's named countries is the region meant


def _world_regions(cands_of: dict[str, list[_Cand]], doc_ctry: Counter[str]) -> None:
    """A world region ("the Sahel", a curated row without a country, 500 km+ wide) within whose reach two or more
    of the countries the text names lie is that region, not one country's namesake admin area ("attacks
    across the Sahel ... in Mali, Burkina Faso and Niger": not Burkina Faso's Sahel region)."""
    pts = {
        c.country: (c.lat, c.lon)
        for cands in cands_of.values()
        for c in cands
        if c.feature == "country" and c.country in doc_ctry and c.lat is not None
    }
    if len(pts) < _REGION_COUNTRIES:
        return
    for k, cands in cands_of.items():
        regions = [
            c
            for c in cands
            if c.feature == "region"
            and c.country is None
            and c.lat is not None
            and c.precision_km >= _WORLD_REGION_KM
        ]
        if len(regions) != 1 or not any(c.feature == "admin" for c in cands):
            continue
        r = regions[0]
        if sum(distance_km((r.lat, r.lon), p) <= r.precision_km for p in pts.values()) >= _REGION_COUNTRIES:
            # (its other readings stay: "the Andes" may still be read at the stretch the text is about)
            cands_of[k] = [c for c in cands if c.feature != "admin"]


_FAR_NAMESAKE_KM = 500.0  # a small namesake read this far from every anchor city of the text ...
_FAR_NAMESAKE_POP = 50_000  # ... when all its readings are towns this small


def _far_namesakes(cands_of: dict[str, list[_Cand]]) -> None:
    """A name whose readings are all small towns (under 50,000) loses those more than 500 km from every anchor
    city of the text (the one city of 100,000+ of its name, no state or country; all in one region) when
    the town's region is named only by a name that is also a city of 500,000+: such a town would seem vouched for by
    that name and pull it to the region ("Edgewood" in an Atlanta story that names Washington, the capital: not
    Edgewood, Washington, which drags "Washington" and the focus to the state)."""
    anchors = [
        best
        for cands in cands_of.values()
        if (best := max(cands, key=_prior, default=None)) is not None
        and best.feature == "city"
        and best.population >= _WORLD_POP
        and best.lat is not None
        and not any(c.feature in ("admin", "country") for c in cands)
        # (one big city of the name: "London" may be London, Ontario)
        and sum(c.feature == "city" and c.population >= _WORLD_POP for c in cands) == 1
    ]
    if len({(c.country, c.admin1_code) for c in anchors}) != 1:
        return
    # regions whose name is also a big city's ("Washington", "New York"; not Ontario, California)
    ambiguous = {
        (c.country, c.admin1_code)
        for cands in cands_of.values()
        if any(o.feature == "city" and o.population >= _LICENSING_POP for o in cands)
        for c in cands
        if c.feature == "admin"
    }
    if not ambiguous - {(c.country, c.admin1_code) for c in anchors}:
        return
    for k, cands in cands_of.items():
        if len(cands) < 2 or any(c.feature != "city" or c.population >= _FAR_NAMESAKE_POP for c in cands):
            continue
        keep = [
            c
            for c in cands
            if c.lat is None
            or (c.country, c.admin1_code) not in ambiguous
            or any(distance_km((c.lat, c.lon), (a.lat, a.lon)) <= _FAR_NAMESAKE_KM for a in anchors)
        ]
        if keep and len(keep) < len(cands):
            cands_of[k] = keep


_STRETCH_KM = 150.0  # a river stretch this close to two of the text's towns is the one the text is about


_STRETCH_TOWNS = 2


def _stretch_near_text(key: str, water: list[_Cand], cands_of: dict[str, list[_Cand]]) -> _Cand | None:
    """The one stretch of a long river (rows per country or reach) near which two or more of the text's other
    names have their best reading, else None."""
    stretches = [c for c in water if c.country and c.lat is not None]
    if len(water) < 2 or not stretches:
        return None
    pts = []
    for k2, cands in cands_of.items():
        best = max(cands, key=_prior, default=None) if k2 != key else None
        if best is not None and best.feature in ("city", "site") and best.lat is not None:
            pts.append((best.lat, best.lon))
    scored = [(sum(distance_km((c.lat, c.lon), p) <= _STRETCH_KM for p in pts), c) for c in stretches]
    n, best_stretch = max(scored, key=lambda t: t[0])
    ties = [c for m, c in scored if m == n]
    if n < _STRETCH_TOWNS or any(
        distance_km((c.lat, c.lon), (best_stretch.lat, best_stretch.lon)) > 50 for c in ties
    ):
        return None  # (stretches at one point, a border river's two banks, are one)
    return best_stretch


_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


# what a region has and a river has not: "the Rhône department", "the Benue government"
_UNIT_WORD_AFTER = re.compile(
    r"\s+(?:[Cc]ounty|[Pp]rovince|[Rr]egion|[Dd]epartment|[Dd]istrict|[Ss]tate|[Oo]blast|government|governor|"
    r"assembly|premier|authorities|administration|police)\b"
)


_RIVER_CITY_POP = 50_000  # a city this big named like a river is the city unless "the" comes first


_RIVAL_FEATURES = frozenset(("city", "admin", "country", "county"))


# what a country has and a river has not: "near the Niger border"
_BORDER_AFTER = re.compile(r"\s+(?:border|borders|frontier)\b")


# what a state has and a river has not (session 22): "the Niger defence ministry", "the Congo government said"
_STATE_BODY_AFTER = re.compile(
    r"\s+(?:government|army|armed forces|military|defen[cs]e|interior|foreign|finance|justice|health|ministry|"
    r"minister|president|presidency|parliament|authorities|embassy|security forces|troops|soldiers|navy|"
    r"air force|gendarmerie|junta|regime|cabinet|prime minister|national assembly)\b"
)


_TOWN_PREP_BEFORE = re.compile(r"\b(?:[Ff]rom|[Tt]o|[Ii]n|[Aa]t|[Nn]ear|[Oo]utside)\s+$")


def _river_or_city(text: str, start: int, cands: list[_Cand], key: str = "", end: int = -1) -> list[_Cand]:
    """A river named like a city, region or country ("Dnipro", "Benue", "Niger"): "the Dnipro" is the river, a
    bare "Dnipro" the city and a bare "Niger" the country; "the Rhône department" the region."""
    if not any(c.feature == "water" for c in cands) or not any(c.feature in _RIVAL_FEATURES for c in cands):
        return cands
    if end >= 0 and _UNIT_WORD_AFTER.match(text, end) and any(c.feature == "admin" for c in cands):
        return [c for c in cands if c.feature != "water"]
    if end >= 0 and _BORDER_AFTER.match(text, end) and any(c.feature in ("country", "admin") for c in cands):
        return [c for c in cands if c.feature != "water"]
    if end >= 0 and _STATE_BODY_AFTER.match(text, end) and any(c.feature == "country" for c in cands):
        return [c for c in cands if c.feature != "water"]
    if _THE_BEFORE.search(text[max(0, start - 8) : start]):
        return [c for c in cands if c.feature not in _RIVAL_FEATURES]
    if " " not in key and any(c.feature in ("country", "admin") for c in cands):
        return [c for c in cands if c.feature != "water"]  # a region named after its sea stays ambiguous
    if not any(c.feature == "city" for c in cands):
        return cands
    if any(c.feature == "city" and c.population >= _RIVER_CITY_POP for c in cands):
        return [c for c in cands if c.feature != "water"]
    # English names a river with its article ("the Shannon"): a bare name after "from", "to", "in" is the town
    if _TOWN_PREP_BEFORE.search(text[max(0, start - 8) : start]):
        return [c for c in cands if c.feature != "water"]
    return cands


def _homonym_reading(
    key: str,
    text: str,
    cands: list[_Cand],
    gaz: _Gazetteer,
    local: frozenset[str] = frozenset(),
    outlet_area: tuple[str, str] | None = None,
) -> _Cand | None:
    """The reading of a capital/state homonym the article's cues point to (data/places/homonyms.tsv); `local`:
    the countries whose local news the document is (a local paper's "New York" is the state). Issue 6, round 18:
    a regional outlet of the alternative reading's own region reads it so ("Washington" in a Seattle paper is the
    state; elsewhere, without a cue, the capital)."""
    entry = gaz.homonyms.get(key)
    if entry is None:
        return None
    default, alt, cues = entry
    use_alt = (cues is not None and cues.search(text)) or gaz.homonym_local.get(key) in local
    if not use_alt and outlet_area is not None:
        a_feature, a_country, a_code = (alt.split(":") + ["", "", ""])[:3]
        use_alt = a_feature == "admin" and (a_country, a_code) == outlet_area
    spec = alt if use_alt else default
    if spec == "-":  # no default: only the cues decide
        return None
    feature, country, code = (spec.split(":") + ["", "", ""])[:3]
    fits = [
        c
        for c in cands
        if c.feature == feature
        and (not country or c.country == country)
        and (not code or c.admin1_code == code)
    ]
    return max(fits, key=lambda c: c.population) if fits else None


_WORLD_POP = 100_000  # a city this big (or a country) is a world reading of its name ...


_WORLD_GAP = 0.7  # ... over namesakes abroad at least 5 times smaller (prior = log10 population)


# countries that English-language wire stories name in passing (states, Washington, firms' home towns): naming
# them, or their capital, is no evidence for a town there named like a world city abroad
_NEWS_FRAME = frozenset(("USA",))


_CAPITAL_POP = 1_000_000  # ... and a national capital or a city this big is one for any country's news


# a city this big is named in national stories for its own sake ("won in Memphis"): it licenses no namesake of
# a world city in its state (Portland, Tenn., beside "the Portland Trail Blazers")
_LICENSING_POP = 500_000


_NAMING_TOWN_POP = 5_000  # a town this small read in a world city's country does not name that country


_CAPITAL_GAP = 1.3  # ... over namesakes outside the frame 20 times smaller ("Doha", Qatar; Doha, India)


_SAME_COUNTRY_GAP = 1.3  # a city of 500,000+ holds namesakes of its own country this much smaller (20 times)


def _world_readings(
    cands_of: dict[str, list[_Cand]], capital_of: dict[str, str] | None = None
) -> dict[str, tuple[_Cand, list[_Cand]]]:
    """Names whose best reading is a world city or a country, with much smaller namesakes in a news-frame
    country ("Geneva": Switzerland; Geneva, Illinois): name -> (world reading, those namesakes). A national
    capital or a city of a million is a world city for every country's national news: an Indian site naming
    Kerala beside "Doha" or "Dubai", an Australian one naming Perth beside "Wellington" (batch 7)."""
    capital_of = capital_of or {}
    out: dict[str, tuple[_Cand, list[_Cand]]] = {}
    for k, cands in cands_of.items():
        if len(cands) < 2:
            continue
        w = max(cands, key=_prior)
        if w.feature == "admin" and w.country in _NEWS_FRAME:  # "Washington": the state, else the capital
            w = max((c for c in cands if c.feature == "city"), key=_prior, default=w)
        if not w.country or not (
            w.feature == "country" or (w.feature == "city" and w.population >= _WORLD_POP)
        ):
            continue
        floor = _prior(w) - _WORLD_GAP
        capital = w.feature == "country" or w.population >= _CAPITAL_POP or capital_of.get(w.country) == k
        # a namesake in the frame of a world city abroad, or abroad of a world city in the frame ("Boston"), or
        # anywhere abroad of a capital or a city of a million, when 20 times smaller
        small = [
            c
            for c in cands
            if c.feature in ("city", "county")
            and c.country
            and c.country != w.country
            and (
                (_prior(c) <= floor and (c.country in _NEWS_FRAME or w.country in _NEWS_FRAME))
                or (capital and _prior(c) <= _prior(w) - _CAPITAL_GAP)
            )
        ]
        if w.feature == "city" and _prior(w) >= _BIG_CITY_PRIOR:
            # a town of its own country 20 times smaller ("the Boston Celtics" beside Toronto: not Boston, N.Y.)
            small += [
                c
                for c in cands
                if c.feature == "city"
                and c.country == w.country
                and _prior(c) <= _prior(w) - _SAME_COUNTRY_GAP
            ]
        if small:
            out[k] = (w, small)
    return out


def _held_namesakes(
    key: str,
    world: dict[str, tuple[_Cand, list[_Cand]]],
    choice: dict[str, _Cand | None],
    own_mentions: int,
    doc_ctry: Counter[str],
    doc_adm: Counter[tuple[str, str]],
    containers: list[list[_Cand]],
    licensed: frozenset[str],
    spatial: dict[int, float],
    gaz: _Gazetteer,
    affiliated: frozenset[str] = frozenset(),
    tops: dict[str, float] | None = None,
) -> frozenset[int]:
    """Ids of the namesakes of a world city that get no support from the text (issue 6: "a senator from Texas
    ... diplomats in Geneva" is not Geneva, Illinois). Wire stories name US states, Washington and US cities
    beside world cities, so support from the country is no evidence. A namesake keeps its support when the
    text states its container ("Paris, Tenn."), the outlet is a local paper there, or another name has a
    reading close to it or the text names its own state or another town of that state (not the capital, not
    itself a world city's namesake) while the world city's country goes unnamed ("Egyptian officials in Cairo"
    beside Illinois). Hand-written: one pass over the other names' current choices."""
    w, small = world[key]
    towns: set[tuple[str, str | None]] = set()
    small_towns: set[tuple[str, str | None]] = set()
    town_points: list[tuple[float, float]] = []
    states: set[tuple[str, str | None]] = set()
    w_named = False
    for k2, c2 in choice.items():
        if k2 == key or c2 is None or not c2.country:
            continue
        # (a name read there only by context, far below its best reading, names no country: "Blairgowrie" in
        # Victoria while "Perth" is held in Australia)
        if (tops is None or _prior(c2) >= tops.get(k2, 0.0) - _WORLD_GAP) and not (
            c2.feature == "city" and c2.population < _NAMING_TOWN_POP
        ):  # (nor does a village: one hamlet of 2,000 people does not make the story Australian)
            w_named = w_named or c2.country == w.country
        if c2.feature == "admin" and k2 in affiliated:
            continue
        if c2.feature == "admin":
            states.add((c2.country, c2.admin1_code))
        elif (
            c2.feature in ("city", "county", "site")
            # a small region of one state counts as a place of it ("the Florida Keys" beside "Naples")
            or (c2.feature == "region" and c2.admin1_code and c2.precision_km <= _STATE_REGION_KM)
        ) and k2 != gaz.capital_of.get(c2.country):
            other = world.get(k2)
            if other is None or other[0].country == c2.country:
                towns.add((c2.country, c2.admin1_code))
                if c2.population < _LICENSING_POP:
                    small_towns.add((c2.country, c2.admin1_code))
                    if c2.lat is not None:
                        town_points.append((c2.lat, c2.lon))
    # its country or its people ("Dutch police") named, besides the name itself
    w_named = w_named or doc_ctry.get(w.country, 0) > (own_mentions if w.feature == "country" else 0)
    # a namesake in the world city's own country: its region named (not just the country) counts as named, and
    # a city of a million ("New York") is named in any national story, so it licenses no namesake near it
    w_area = (w.country, w.admin1_code)
    w_area_named = w_area in states or w_area in small_towns or bool(doc_adm.get(w_area))
    world_capital = w.population >= 1_000_000 or gaz.capital_of.get(w.country) == key
    held = []
    for c in small:
        if c.country in licensed or any(_within(c, cont) for conts in containers for cont in conts):
            continue
        area = (c.country, c.admin1_code)
        # a hamlet found under an old or alternate name is not made plausible by its state being named
        plausible = not c.alt or _prior(c) >= _prior(w) - _SUPPORT_SPREAD
        near = spatial.get(id(c), 0.0) > 0.0  # another name has a reading close by ("Henry County")
        if c.country == w.country:
            # (the text's state mentions are left out: "New York" the city counts as the state there)
            if plausible and not w_area_named and (near or area in small_towns or area in states):
                continue
        elif (
            plausible
            and not w_named
            and (
                near
                or area in states
                or doc_adm.get(area)
                # (a far town of its state licenses no hamlet named like a world capital: "Hollywood" does not
                # make London the Californian village 300 km away)
                or (
                    area in small_towns
                    and not (
                        world_capital
                        and c.population < _TOWN_LICENCE_POP
                        and not _close_to_any(c, town_points, _TOWN_LICENCE_KM)
                    )
                )
            )
        ):
            continue  # (a city of a million named in a national story licenses no namesake in its state)
        held.append(id(c))
    return frozenset(held)


_TOWN_LICENCE_POP = 5_000  # a namesake of a world capital this small needs its state or a close name ...
_TOWN_LICENCE_KM = 150  # ... a town of its state within this distance ("Walton" beside Delhi, N.Y.)


def _close_to_any(c: _Cand, points: list[tuple[float, float]], km: float) -> bool:
    return c.lat is not None and any(distance_km((c.lat, c.lon), p) <= km for p in points)


# a state as someone's affiliation: "Senator Jim Risch of Idaho", "(R-Idaho)", "Ohio's senator", "a Michigan
# delegation", "a Georgia-based firm" (not "Oregon lawmakers ... Salem": a state's own officials meet at home)
_AFFIL_AFTER = re.compile(
    r"(?:-based\b|(?:'s|’s)?\s+(?:[a-z]+\s+)?(?:delegation|company|firm|senator|congressman|congresswoman|"
    r"exporters?|importers?|investors?|businessman|businesswoman|winemaker|trade mission)\b)"
)


# a person's name before "of" ("Jim Risch of Idaho"; not "the University of Idaho", which locates), a lawmaker
# "from" a state ("a senator from Idaho")
_AFFIL_BEFORE = re.compile(
    r"(?:\b[A-Z][a-z]+\s+[A-Z][a-z]+\s+of\s+|\b[RDI]-|\b(?:[Ss]enator|[Cc]ongress(?:wo)?man|[Ll]awmaker|"
    r"[Rr]epresentative|[Dd]elegate)s?\s+from\s+)$"
)


def _affiliated_states(
    text: str,
    spans: list[tuple[int, int]],
    keys: list[str],
    cands_of: dict[str, list[_Cand]],
    state_after: re.Pattern[str] | None = None,
) -> frozenset[str]:
    """US states every mention of which names someone's affiliation, not where something happens; `state_after`:
    the team names that make a name a state's ("the Carolina Panthers": an affiliation too)."""
    uses: dict[str, list[bool]] = defaultdict(list)
    for (s, e), k in zip(spans, keys, strict=True):
        best = max(cands_of[k], key=_prior, default=None)
        if best is None or best.feature != "admin" or best.country not in _NEWS_FRAME:
            continue
        before = text[max(0, s - 40) : s]
        uses[k].append(
            bool(
                _AFFIL_AFTER.match(text, e)
                or _AFFIL_BEFORE.search(before)
                or (state_after is not None and state_after.match(text, e))
            )
        )
    return frozenset(k for k, v in uses.items() if all(v))


# what only a local US town has ("Hamilton Township", "the Athens Police Department", "Lebanon High School"); a
# city council or a mayor any city has ("Birmingham city council")
_LOCAL_TOWN_CUE = re.compile(
    r"(?:'s|’s)?\s*(?:Township|Borough|Police Department|Police Dept|Fire Department|Fire Dept|High School|"
    r"Middle School|Junior High|Elementary School|Elementary|School District|Independent School District|"
    r"Village Board|Board of Selectmen|Board of Education|Public Schools)\b"
)


def _local_town_cues(text: str, spans: list[tuple[int, int]], keys: list[str]) -> set[str]:
    """Names with a local-town cue right after them or at their end."""
    return {
        k
        for (s, e), k in zip(spans, keys, strict=True)
        if _LOCAL_TOWN_CUE.match(text, e) or _LOCAL_TOWN_CUE.search(text[s:e])
    }


_STATE_AFTER = re.compile(r",\s+([A-Z][A-Za-z]*\.?(?:\s[A-Z][A-Za-z]*\.?)?)")


# "the Lebanese city of Tripoli", "the Syrian border town of Manbij": the people's adjective states the country
_DEMONYM_KIND_BEFORE = re.compile(
    r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+(?:(?:northern|southern|eastern|western|central|coastal|border|port|"
    r"capital|industrial|holy|ancient|frontline|besieged)\s+)*(?:city|town|village|port|capital|province|region|"
    r"district|state|county|island|enclave)\s+of\s+$"
)


# ", the capital of the Seychelles", ", a port town in Kenya": the country or region after the name's kind
_KIND_OF_AFTER = re.compile(
    r",\s+(?:the\s+|a\s+)?(?:(?:provincial|regional|state|eastern|western|northern|southern|commercial|economic|"
    r"main|largest|biggest|second|port|border|coastal|small)\s+)*(?:capital|city|town|village|port)\s+(?:of|in)\s+"
    r"(?:the\s+)?([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})"
)


def _stated_states(
    text: str,
    spans: list[tuple[int, int]],
    keys: list[str],
    gaz: _Gazetteer,
    cands_of: dict[str, list[_Cand]] | None = None,
) -> dict[str, list[_Cand]]:
    """Names followed by their state, whether or not the state is one of the spans: "Lebanon, Pa."; also a
    first-level region after a comma that holds one of the name's readings ("Kingston, Ontario", where "Ontario"
    is no span and names a Californian city too), and a country stated by its people's adjective ("the
    Lebanese city of Tripoli")."""
    out: dict[str, list[_Cand]] = {}
    demonyms = _demonym_countries()
    for (s, e), k in zip(spans, keys, strict=True):
        state = _state_after(text, e, gaz, cands_of.get(k) if cands_of else None)
        if state is None and cands_of and k in cands_of:
            state = _region_after(text, e, gaz, cands_of[k])
        if state is not None:
            out.setdefault(k, []).append(state)
        m = _KIND_OF_AFTER.match(text, e)
        if m:  # "Victoria, the capital of the Seychelles", where the country is no span
            region = next(
                (c for c in gaz.lookup(m.group(1), variants=False) if c.feature in ("country", "admin")), None
            )
            if region is not None:
                out.setdefault(k, []).append(region)
        m = _DEMONYM_KIND_BEFORE.search(text, max(0, s - 60), s)
        if m:
            iso3 = demonyms.get(_norm(m.group(1))) or demonyms.get(_norm(m.group(1).split(" ")[-1]))
            country = gaz.country_by_iso3.get(iso3) if iso3 else None
            if country is not None:
                out.setdefault(k, []).append(country)
    return out


def _region_after(text: str, end: int, gaz: _Gazetteer, cands: list[_Cand]) -> _Cand | None:
    """A first-level region written after a comma that holds one of the name's readings ("Kingston, Ontario")."""
    m = _STATE_AFTER.match(text, end)
    if not m:
        return None
    words = m.group(1).split(" ")
    for n in (2, 1)[2 - len(words) :]:
        for r in gaz.get(_norm(" ".join(words[:n]))):
            if r.feature == "admin" and any(_within(c, r) for c in cands):
                return r
    return None


# a postal abbreviation after a town and a comma ("Lebanon, PA", "Richmond, KY 40475"), not the first word of an
# all-caps run ("PARIS, TX CITY COUNCIL" is no address); hand-written: a fixed pattern over the text
_POSTAL_AFTER = re.compile(r",\s+([A-Z]{2,3})\b(?![-'’]\w)(?!\.?\s+[A-Z]{2,}\b)")


_CAPITALISED_NEXT = re.compile(r"\s+[A-Z][a-z]")


def _postal_after(text: str, end: int, cands: list[_Cand] | None = None) -> tuple[str, str] | None:
    """The region whose postal abbreviation follows a name ("Salem, OR" -> ("USA", "OR")); a code of two
    countries ("WA") only when `cands` has a reading in one of them."""
    m = _POSTAL_AFTER.match(text, end)
    if not m or (m.group(1) == "NE" and _CAPITALISED_NEXT.match(text, m.end())):
        return None  # "Maiduguri, NE Nigeria": a compass point, not Nebraska
    regions = _postal_regions().get(m.group(1), ())
    if len(regions) > 1:
        regions = tuple(r for r in regions if any((c.country, c.admin1_code) == r for c in cands or ()))
    return regions[0] if len(regions) == 1 else None


def _state_after(text: str, end: int, gaz: _Gazetteer, cands: list[_Cand] | None = None) -> _Cand | None:
    """The state written right after a name ("Lebanon, Pa.", "Dublin, Calif.", "Lebanon, PA"), span or not."""
    postal = _postal_after(text, end, cands)
    if postal is not None and postal in gaz.admin_by_code:
        return gaz.admin_by_code[postal]
    m = _STATE_AFTER.match(text, end)
    if not m:
        return None
    strong = _strong_names()
    words = m.group(1).split(" ")
    for n in (2, 1)[2 - len(words) :]:
        r = strong.get(_norm(" ".join(words[:n])))
        state = gaz.admin_by_code.get(r) if r and r[1] else None
        if state is not None:
            return state
    return None


_LOCAL_SHARE = 0.75


def _local_news(towns: list[_Cand], cands_of: dict[str, list[_Cand]]) -> frozenset[str]:
    """The country whose local news the document is: the outlet's web address names one of its towns
    ("gainesvilletimes.com"), or at least _LOCAL_SHARE of the text's other names (two or more, a town among
    them) are best read there. Empty for international and wire stories."""
    if towns:
        return frozenset(t.country for t in towns if t.country)
    best = [max(c, key=_prior) for k, c in cands_of.items() if c and k not in _gaz().homonym_local]
    ctry = Counter(c.country for c in best if c.country)
    if len(best) < 2 or not ctry:
        return frozenset()
    top, n = ctry.most_common(1)[0]
    has_town = any(c.country == top and c.feature in ("city", "county") for c in best)
    return frozenset([top]) if has_town and n >= _LOCAL_SHARE * len(best) else frozenset()


_ADMIN_KEY_TAIL = re.compile(
    r" (county|province|region|oblast|governorate|district|prefecture|raion|rayon|voivodeship|municipality|"
    r"department|canton|state)$"
)


_ADMIN_AFTER = re.compile(
    r"\s+(county|province|region|oblast|governorate|district|prefecture|raion|rayon|voivodeship|department|Oblast|"
    r"Province|Governorate|Region|Raion|Prefecture|Voivodeship|Department|state|State(?!\s+[A-Z]))\b(?!\s+of\b)"
)


_REGION_ONLY_UNITS = frozenset(
    ("department", "province", "oblast", "governorate", "prefecture", "voivodeship")
)


_LOCAL_UNITS = frozenset(("district", "raion", "rayon", "municipality"))  # below a first-level region


_UNIT_KM = {True: 30.0, False: 80.0}  # precision of an admin area known only by its namesake town (local?)


_BARE_CITY_POP = 20_000  # a bare name that is a region and its own capital of this size: the city


def _named_like(region: str, key: str, loose: bool = False) -> int:
    """How far a region's name is its namesake town's ("Odeska oblast" for "Odesa", "Sumska" for "Sumy",
    "Constanța" for "Constanta"): the length of their common start when it is the town's name bar a short
    ending (`loose`, for the region a one-word town lies in: "Zaporizka" for "Zaporizhzhia"), else 0."""
    r, k = _norm(region), _norm(key)
    n = os.path.commonprefix([r, k]).__len__()
    need = max(4, round(0.6 * len(k))) if loose and " " not in k else max(3, len(k) - 2)
    return n if len(k) >= 4 and n >= need else 0


def _city_itself(region: _Cand, town: _Cand) -> bool:
    """A city that is its own subdivision ("Kyiv", "Sevastopol"): "Kyiv region" is the oblast around it."""
    return (
        region.precision_km <= 30
        and region.lat is not None
        and town.lat is not None
        and distance_km((region.lat, region.lon), (town.lat, town.lon)) < 15
    )


_UNITS_AFTER = re.compile(
    r"\s+(counties|provinces|regions|oblasts|governorates|districts|prefectures|states|Oblasts|Provinces|"
    r"Governorates|Regions)\b"
)


_SINGULAR = {"counties": "county", "provinces": "province", "regions": "region", "oblasts": "oblast",
             "governorates": "governorate", "districts": "district", "prefectures": "prefecture", "states": "state"}  # fmt: skip


def _listed_units(text: str, spans: list[tuple[int, int]]) -> dict[int, str]:
    """Names listed before a plural unit word share it: "Kassala and Gedaref states", "Sumy and Kharkiv
    regions" (span index -> unit)."""
    out: dict[int, str] = {}
    for i, (_s, e) in enumerate(spans):
        m = _UNITS_AFTER.match(text, e)
        if not m:
            continue
        unit = _SINGULAR[m.group(1).lower()]
        j = i
        out[j] = unit
        while j > 0 and _LIST_GAP.match(text[spans[j - 1][1] : spans[j][0]]):
            j -= 1
            out[j] = unit
    return out


def _as_written(
    text: str,
    span: tuple[int, int],
    key: str,
    c: _Cand | None,
    cands: list[_Cand],
    gaz: _Gazetteer,
    hint: str | None = None,
) -> _Cand | None:
    """The reading the words around a name ask for: "Brasov county", "Odesa region" (or "Odesa" before
    "region") is the admin area, not its namesake city (its own point when the gazetteer has the region, else
    the town's); "Cincu training area" is a site at the town; a bare "Sibiu" is the city, not the county."""
    if c is None:
        return None
    m = _ADMIN_KEY_TAIL.search(key)
    unit = m.group(1) if m and m.start() > 0 else None
    base = key[: m.start()] if unit else key
    if unit is None:
        after = _ADMIN_AFTER.match(text, span[1])
        if after:
            unit = after.group(1).lower()
        else:
            unit = hint
    if unit is not None:
        if c.feature == "city" and c.alt and unit not in _LOCAL_UNITS:
            # "Zulia state": the region of that name, not a town found by an alternate name ("El Zulia")
            regions = [o for o in cands if o.feature == "admin" and not o.alt]
            if regions:
                # in the country the context chose the town in: "Bolívar state" in a Venezuela story is
                # Venezuela's state, not Colombia's department of the same name
                return max(regions, key=lambda o: (o.country == c.country, _prior(o)))
        if c.feature in ("water", "region") and unit not in _LOCAL_UNITS:
            # "the Amur region", "the Volta Region": the first-level region named after a river or an area,
            # under the unit's own name in the gazetteer (session 18), not the river itself
            for probe in (f"{base} {unit}", f"{base} region", f"{base} oblast", f"{base} province"):
                admins = [o for o in gaz.get(_norm(probe)) if o.feature == "admin"]
                if admins:
                    return max(admins, key=_prior)
        if c.feature != "city":
            return c
        local = unit in _LOCAL_UNITS
        if not local:
            for o in gaz.get(base):
                if (
                    o.country == c.country
                    and (
                        (o.feature == "admin" and (not o.admin1_code or o.admin1_code == c.admin1_code))
                        or (o.feature == "county" and o.admin1_code == c.admin1_code)
                    )
                    and not _city_itself(o, c)
                ):
                    return dataclasses.replace(o, alt=0) if o.alt else o
            if c.country == "USA":
                region = gaz.state_cands.get(c.admin1_code or "")
            else:
                region = gaz.admin_by_code.get((c.country or "", c.admin1_code or ""))
            if region is None or _city_itself(region, c) or not _named_like(region.name, base, loose=True):
                # the country's region named most like the town ("Kurskaya", not "Kurganskaya", for "Kursk")
                best = max(
                    (
                        (_named_like(o.name, base), o)
                        for o in gaz.admins_of.get(c.country or "", ())
                        if not _city_itself(o, c)
                    ),
                    key=lambda t: t[0],
                    default=(0, None),
                )
                region = best[1] if best[0] else None
            if region is not None:
                return region
        # no admin area of that name: "the Atlanta region" is the town's surroundings, "Izmail district" its
        # district (the town's point either way)
        return dataclasses.replace(
            c, feature="region" if unit == "region" else "admin", name=f"{c.name} {unit}",
            precision_km=max(c.precision_km, _UNIT_KM[local]), geonames_id=None, source=f"{c.source}:{unit}",
        )  # fmt: skip
    m = gaz.site_tail.search(key)
    if m and m.start() > 0:
        if c.feature != "city":
            return c
        return dataclasses.replace(
            c, feature="site", name=f"{c.name} {m.group(1)}", precision_km=max(c.precision_km, 10.0),
            geonames_id=None, source=f"{c.source}:site",
        )  # fmt: skip
    if c.feature == "admin" and c.source == "pycountry-subdivisions":
        # a region and its own capital ("Sibiu", "Plovdiv"; "Santa Cruz", a region whose cities we cannot tie
        # to it, and Santa Cruz de la Sierra): named alone it is the city
        towns = [
            o
            for o in cands
            if o.feature == "city"
            and (not o.alt or o.population >= 100_000)
            and o.country == c.country
            and (o.admin1_code == c.admin1_code or not c.admin1_code)
            and o.population >= _BARE_CITY_POP
        ]
        if towns:
            return max(towns, key=lambda o: o.population)
    return c


# what only a town or city has: "Lebanon High School", "Athens Police Department", "City of Malta", "400 S. Locust
# St., Lebanon"; a country or state name in such a phrase is its namesake town
_TOWN_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:City\s+|Town\s+)?(?:Police Department|Police Dept|Fire Department|Fire Dept|Fire Chief|"
    r"Police Chief|City Council|Town Council|Village Board|City Hall|Town Hall|City Commission|City Manager|"
    r"Mayor|High School|Middle School|Junior High|Elementary School|Elementary|Public Schools|Public Library|"
    r"School District|Independent School District|Township|city limits|city council|town council|city hall|"
    r"city officials|high school|middle school|elementary school)\b"
)


_AGE_BEFORE = re.compile(r"(?<![\d,])\d{2},\s+$")  # police blotters: "Terry Jolly, 60, Lebanon, was arrested"


_TOWN_BEFORE = re.compile(
    r"(?:\b(?:City|Town|Village|city|town|village) of|\bdowntown|\b(?:St|Ave|Rd|Dr|Blvd|Ln|Street|Avenue|Road|"
    r"Drive|Lane|Boulevard|Highway|Hwy)\.?,)\s+$"
)


# an apposition that calls the place a settlement: "Bahrain, a hill town on the road to Kalam", "Victoria, a small
# farming town" (a country or region of that name is not meant); up to three lower-case words before the noun
_TOWN_APPOSITION = re.compile(
    r",\s+(?:a|an)\s+(?:[a-z][a-z-]*\s+){0,3}?(?:town|village|hamlet|township|suburb|settlement)\b(?!-)"
)


_COUNTIES_AFTER = re.compile(r"\s+(?:counties|Counties|parishes|Parishes)\b")


_LIST_GAP = re.compile(r"^\s*(?:,|,?\s+(?:and|or|&))\s*$")


def _county_list_names(text: str, spans: list[tuple[int, int]], keys: list[str]) -> set[str]:
    """Bare names listed before "counties": "Becker, Clay, Douglas and Grant counties" (a list: "Indiana
    counties" are the counties of a state)."""
    out: set[str] = set()
    for i, (_s, e) in enumerate(spans):
        if not _COUNTIES_AFTER.match(text, e):
            continue
        j = i
        while j > 0 and _LIST_GAP.match(text[spans[j - 1][1] : spans[j][0]]):
            j -= 1
        if j < i:
            out.update(keys[j : i + 1])
    return out


# a bare dateline: an all-caps name opening a line or the text (after a headline sentence at most) before a dash
# ("MANSFIELD — The City Council...", "LEBANON -- Firefighters..."); "PARIS, Texas —" states its state instead
_DATELINE_AFTER = re.compile(r"\s*(?:\((?:AP|Reuters|AFP|UPI)\)\s*)?(?:—|–|--|-)\s")
_DATELINE_BEFORE = re.compile(r"(?:^|\n|[.!?]\s)\s*$")


def _is_dateline(text: str, s: int, e: int) -> bool:
    """Whether this mention is a bare all-caps dateline (a town: the paper's own area or a world city)."""
    name = text[s:e]
    return (
        len(name) > 2
        and name.isupper()
        and bool(_DATELINE_AFTER.match(text, e))
        and bool(_DATELINE_BEFORE.search(text, max(0, s - 3), s) or s == 0)
    )


def _dateline_keys(text: str, spans: list[tuple[int, int]], keys: list[str]) -> set[str]:
    """Names written as a bare dateline somewhere in the text."""
    return {k for (s, e), k in zip(spans, keys, strict=True) if _is_dateline(text, s, e)}


def _settlement_names(text: str, spans: list[tuple[int, int]], keys: list[str]) -> dict[str, bool]:
    """Names that some mention shows to be a town (True: _TOWN_AFTER, _TOWN_BEFORE) or a town or region but
    not a country (False: "a Lebanon woman", "Jolly, 60, Lebanon")."""
    out: dict[str, bool] = {}
    for (s, e), k in zip(spans, keys, strict=True):
        if out.get(k):
            continue
        before = max(0, s - 30)
        if (
            _TOWN_AFTER.match(text, e)
            or _TOWN_BEFORE.search(text, before, s)
            or _TOWN_APPOSITION.match(text, e)
        ):
            out[k] = True
        elif (
            _is_dateline(text, s, e)
            or _AGE_BEFORE.search(text, before, s)
            or (_TOWN_PERSON.match(text, e) and _ARTICLE_BEFORE.search(text, before, s))
        ):
            out[k] = False
    return out


# names of features and buildings, never spellings of a town's name ("Lake Harriet", "Moi Avenue")
_FEATURE_WORD = re.compile(
    r"\b(?:lake|river|creek|mount|mountains?|mt|park|street|st|avenue|ave|road|rd|boulevard|blvd|lane|square|"
    r"island|islands|bay|beach|hill|hills|valley|church|school|college|university|hospital|airport|bridge|"
    r"county|township|parish|district|forest|canal|dam|station|center|centre|mall|hotel|stadium|falls|pond|"
    r"reservoir|harbor|harbour|port|camp|base|prison|market|highway|route|trail|gulf|sea|ocean|desert)\b"
)


def _spelling_variants(
    text: str,
    spans: list[tuple[int, int]],
    keys: list[str],
    cands_of: dict[str, list[_Cand]],
    gaz: _Gazetteer,
) -> None:
    """Names no gazetteer knows, read as another spelling of a town of the country the other names point to
    most ("Deir Ezzor" in a text about Syria), so a street or a person's name is not sent across the world."""
    missing = [(sp, k) for sp, k in zip(spans, keys, strict=True) if not cands_of.get(k)]
    if not missing:
        return
    tops = Counter(
        max(cands, key=_prior).country
        for cands in cands_of.values()
        if cands and max(cands, key=_prior).country
    )
    if not tops:
        return
    countries = {tops.most_common(1)[0][0]}  # the country the text is mostly about
    for (s, e), k in missing:
        if cands_of.get(k) or not text[s : s + 1].isupper() or _FEATURE_WORD.search(k):
            continue
        name = _SKEL_ARTICLE.sub("", _norm(text[s:e])).replace(" ", "")
        found = [
            c
            for c in gaz.spelled_like(text[s:e])
            if c.country in countries
            # and close as written too: "Soleimani" (a man) is not "Sulaymaniyah"
            and difflib.SequenceMatcher(
                None, name, _SKEL_ARTICLE.sub("", _norm(c.name)).replace(" ", "")
            ).ratio()
            >= 0.75
        ]
        if found:
            best = max(found, key=lambda c: c.population)
            cands_of[k] = [dataclasses.replace(best, source="geonames-cities:spelling-variant")]


# organisation words a city name premodifies: "New York Times", "New York Police Department"
_ORG_AFTER = re.compile(
    r"\s+(?:Times|Post|Daily|Magazine|Observer|Herald|Tribune|Police|Fire|Stock Exchange|University|"
    r"Yankees|Mets|Knicks|Giants|Jets|Nets|Rangers|Islanders|Liberty|Philharmonic|Marathon|Fashion Week|"
    r"Mayor|City Council|subway)\b"
)


def _embedded(text: str, span: tuple[int, int], c: _Cand | None, cands: list[_Cand]) -> _Cand | None:
    """A state name inside an organisation named after its city ("New York Times") is the city."""
    if c is None or c.feature != "admin" or not _ORG_AFTER.match(text, span[1]):
        return c
    cities = [
        o for o in cands if o.feature == "city" and o.country == c.country and o.admin1_code == c.admin1_code
    ]
    return max(cities, key=lambda o: o.population) if cities else c
