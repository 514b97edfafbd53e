"""Resolution: candidates for each toponym, decided in rounds with the other names as context."""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections import Counter, defaultdict

from dateline.model import Document, Place
from dateline.places._cands import _Cand, _prior, _within
from dateline.places._containers import (
    _CONTAINER_CUE,
    _agreeing,
    _agrees,
    _as_point,
    _capital_point,
    _containers,
    _county_point,
    _dedupe,
    _drop_stray_hamlets,
    _embassy_guest,
    _embassy_host,
    _embedded_place,
    _fallback,
    _focus,
    _foreign_facilities,
    _holds,
    _inside,
    _is_stray,
    _known_container,
    _loose_alternates,
    _named_apart_from_city,
    _outside_possessor,
    _region_point,
    _sentence_bounds,
    _sentence_neighbours,
    _sentence_stretches,
    _split_by_container,
    _town_of_institution,
    _unknown_in_container,
)
from dateline.places._doc_context import (
    _host_label,
    _host_towns,
    _outlet_country,
    _outlet_home,
    _outlet_region,
    _text_context,
)
from dateline.places._gazetteer import _demonym_countries, _Gazetteer
from dateline.places._names import _norm
from dateline.places._namesakes import (
    _coordinated_regions,
    _county_cluster,
    _demonym_towns,
    _drop_lone_foreign_towns,
    _far_foreign_villages,
    _far_small_towns,
    _placed_beside,
    _the_alternates,
    _town_among_towns,
)
from dateline.places._readings import (
    _ADMIN_AFTER,
    _CAPITAL_POP,
    _POSTAL_AFTER,
    _REGION_ONLY_UNITS,
    _STATE_BODY_AFTER,
    _affiliated_states,
    _as_written,
    _county_list_names,
    _dateline_keys,
    _embedded,
    _far_namesakes,
    _held_namesakes,
    _homonym_reading,
    _listed_units,
    _local_news,
    _local_town_cues,
    _postal_after,
    _river_or_city,
    _settlement_names,
    _spelling_variants,
    _stated_states,
    _whole_rivers,
    _world_readings,
    _world_regions,
)
from dateline.places._scoring import (
    _AREA_SPREAD,
    _LOCAL_OUTLET_BONUS,
    _LOCAL_PATH,
    _MANY_COUNTRIES,
    _MANY_TOP_PRIOR,
    _MAX_CANDS,
    _OUTLET_BONUS,
    _ROUNDS,
    _base,
    _context,
    _Ctx,
    _dominant_countries,
    _Grid,
    _pick,
    _score,
    _shadowed_hamlets,
    _spatial_support,
)
from dateline.places._sections import (
    _dateline_sections,
    _keep_in_stated_country,
    _section_place,
    _split_by_context,
    _strays_of_sections,
)
from dateline.places._settlements import _PEOPLES_SETTLEMENT

# names that trade readings between rounds: every mix of their readings is scored (at most 2**4 sets)
_MAX_SWAPPING = 4


def _postal_regions_of(
    text: str,
    spans: list[tuple[int, int]],
    keys: list[str],
    cands_of: dict[str, list[_Cand]],
    gaz: _Gazetteer,
) -> list[tuple[str, str]]:
    """Regions the text states by postal abbreviation after a town ("Lebanon, PA", "Richmond, KY 40475"). A code
    that is itself a span right after a town's comma reads as that region, not as a town called "Pa" (China)."""
    out = []
    for i, ((_s, e), k) in enumerate(zip(spans, keys, strict=True)):
        area = _postal_after(text, e, cands_of.get(k))
        if area is None:
            continue
        out.append(area)
        m = _POSTAL_AFTER.match(text, e)
        region = gaz.admin_by_code.get(area)
        if region is not None and m and i + 1 < len(spans) and spans[i + 1] == m.span(1):
            cands_of[keys[i + 1]] = [region]
    return out


# "the governor of", "the governors of California and": the name that follows is a state or province
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_GOVERNOR_OF = re.compile(rf"\b[Gg]overnors?\s+of\s+(?:{_NAME}(?:\s*,\s*|\s+and\s+))*$")
_CODE = re.compile(r"^[A-Z]{2,4}$")  # "MCG", "LAX": initials and codes are no airport's own name
_CODE_LEN = 3  # a name this short matches an airport only through its IATA code ("TOT Airport")
_AIRPORT_AFTER = re.compile(r"\s+(?:[Ii]nternational\s+)?[Aa]irport\b")


# a site's head noun written after its name in lower case: "the Boni forest", "the Kakum national park"
_SITE_HEAD_AFTER = re.compile(
    r"\s+((?:[Nn]ational\s+)?(?:[Ff]orest|[Pp]ark|[Rr]eserve|[Dd]am|[Pp]alace|[Ss]quare))\b"
)


# what only a river has around it: "the Juba valley", "the Indus delta", "along the Chattahoochee"
_RIVER_HEAD_AFTER = re.compile(r"\s+(?:[Vv]alley|[Dd]elta|[Ee]stuary|[Bb]asin)\b")
_RIVER_BEFORE = re.compile(r"\b(?:[Tt]he)\s+$")
# the name is the head of its phrase: punctuation, the end, or a verb, preposition or river word after it
_RIVER_HEAD_USE = re.compile(
    r"\s*(?:$|[,.;:!?)]|\s+(?:and|or|at|in|near|to|on|from|into|through|by|was|is|has|had|rose|rises|flows|"
    r"flowed|burst|floods|flooded|river|valley|delta|basin|estuary|which|where|as|after|before|since|for|with|"
    # (issue 6, round 19: what a river does in flood news, "the Kosi broke its embankments")
    r"broke|breached|overflowed|overtopped|swelled|swept|peaked|crested|spilled|receded|changed\s+course)\b)"
)


_TOWNSHIP = re.compile(r"\b(?:Township|Twp\b\.?)")


def _river_readings(text: str, s: int, e: int, gaz: _Gazetteer) -> list[_Cand]:
    """Water readings a name has only in its river's full name: "the Juba valley" (the Juba River, not the city),
    "the Chattahoochee" (listed as "the Chattahoochee"). Only after "the", as English names rivers."""
    if not _RIVER_BEFORE.search(text, max(0, s - 5), s) or not _RIVER_HEAD_USE.match(text, e):
        return []  # ("the Columbia Metropolitan Airport", "the Columbia area": a modifier, not the river)
    name = text[s:e]
    found = [c for c in gaz.get(_norm("the " + name)) if c.feature == "water"]
    if not found and _RIVER_HEAD_AFTER.match(text, e):
        found = [c for c in gaz.get(_norm(name + " river")) if c.feature == "water"]
    return found


_NAMED_COUNTRY_CITY_POP = 100_000  # a city this big in a country the text names is no misread namesake


def _city_of_named_country(c: _Cand, focus: Place, named: frozenset[str]) -> bool:
    """Session 18: a street or quarter after a city of its sentence in another country the text names lies in
    that city, not at the story's focus ("In Karachi, ... its morgue in Sohrab Goth" in a story about India and
    Pakistan whose focus is India). Only a city of 100,000+ (a small namesake may be misread) named before it in
    its sentence ("the Kambarata dam ..., a project Tashkent opposed" is no Uzbek dam)."""
    return (
        c.feature == "city"
        and c.population >= _NAMED_COUNTRY_CITY_POP
        and c.country in named
        and c.country != focus.country
    )


def _before_in_sentence(
    text: str, spans: list[tuple[int, int]], chosen: list[_Cand | None], i: int, starts: list[int]
) -> set[int]:
    """Ids of the readings chosen for the places that set the scene of the i-th name's clause: a town fronted
    before it in its own sentence ("In Karachi, ...", "..., and in Hyderabad, ..."), not one in an aside ("A
    Swindon man who grew up in Nairobi, Kenya, was fined for parking on Commercial Road")."""
    if not starts:
        return set()
    sent = bisect.bisect_right(starts, spans[i][0]) - 1
    lo = starts[sent]
    return {
        id(c)
        for j, c in enumerate(chosen[:i])
        if c is not None
        and spans[j][0] >= lo
        and (_OPENS.fullmatch(text, lo, spans[j][0]) or _CLAUSE_OPENS.search(text, lo, spans[j][0]))
        and text.startswith(",", spans[j][1])
    }


# "In Karachi," opening its sentence, or a clause after "and" or a semicolon ("..., and in Hyderabad,")
_OPENS = re.compile(r"\s*(?:In|At)\s+")
_CLAUSE_OPENS = re.compile(r"(?:,?\s+and|;)\s+(?:in|at)\s+$")


def _resolve(
    doc: Document, spans: list[tuple[int, int]], gaz: _Gazetteer, context_countries: list[str] | None
) -> list[Place]:
    text = doc.text
    keys = [_norm(text[s:e]) for s, e in spans]
    gaz.prefetch(keys)
    cands_of: dict[str, list[_Cand]] = {}
    for (s, e), k in zip(spans, keys, strict=True):
        if k not in cands_of:
            cands = _dedupe(gaz.lookup(text[s:e]))
            if len(cands) > _MAX_CANDS:
                cands = sorted(cands, key=_prior, reverse=True)[:_MAX_CANDS]
            cands_of[k] = cands
    keys = _split_by_container(text, spans, keys, cands_of)
    keys = _split_by_context(text, spans, keys, cands_of)
    _keep_in_stated_country(text, spans, keys, cands_of)
    _named_apart_from_city(cands_of)
    _spelling_variants(text, spans, keys, cands_of, gaz)
    for k in _county_list_names(text, spans, keys):  # "Butler, Clark and Warren counties"
        counties = [c for c in cands_of[k] if c.feature == "county"]
        if counties:
            cands_of[k] = [dataclasses.replace(c, alt=0) if c.alt else c for c in counties]
    settled = _settlement_names(text, spans, keys)
    for k, town_only in settled.items():
        # "Lebanon High School", "City of Athens": a town; "a Lebanon woman": not a country (states are said so)
        towns = [c for c in cands_of[k] if c.feature == "city" or (not town_only and c.feature != "country")]
        # ... but not towns known only by an alternate name when the name itself names a region ("New York
        # Public Library" beside "New York City": the state, not a Wisconsin town once called New York)
        if towns and len(towns) < len(cands_of[k]) and not all(c.alt for c in towns):
            cands_of[k] = towns
    for (s, e), k in zip(spans, keys, strict=True):
        if (
            not cands_of[k]
            and not _AIRPORT_AFTER.match(text, e)
            and not _CODE.match(text[s:e])
            and len(k) > _CODE_LEN
        ):
            # issue 6, round 15: a name no gazetteer knows that is an airport's own name ("flights at Schiphol and
            # Charles de Gaulle"; data/places/airports.tsv) is the airport; its IATA code alone is not ("MCG"), nor
            # a short word that only spells a code in other case ("Tot" is no "TOT Airport", Totness, Suriname)
            cands_of[k] = [c for c in gaz.lookup(text[s:e] + " Airport") if c.feature == "site"]
        if _AIRPORT_AFTER.match(text, e):
            # "Jomo Kenyatta airport": the airport whose name the span begins (data/places/airports.tsv)
            airports = [c for c in gaz.lookup(text[s:e] + " Airport") if c.feature == "site"]
            if airports:
                cands_of[k] = airports
        else:
            site = _SITE_HEAD_AFTER.match(text, e)
            # "the Boni forest", "the Kakum national park": the site whose full name the gazetteer knows
            found = [
                c
                for c in (gaz.get(_norm(text[s:e] + " " + site.group(1))) if site else ())
                if c.feature in ("site", "water", "region")
            ]
            if found:
                cands_of[k] = found
        rivers = [c for c in _river_readings(text, s, e, gaz) if all(c is not o for o in cands_of[k])]
        if rivers:
            cands_of[k] = cands_of[k] + rivers
        cands_of[k] = _river_or_city(text, s, cands_of[k], k, e)
        if (
            k.startswith("the ")
            and _STATE_BODY_AFTER.match(text, e)
            and all(c.feature == "water" for c in cands_of[k])
        ):
            # "the Niger defence ministry" (the model's span takes "The" in): the state, not "the Niger" river
            states = [c for c in gaz.get(k[4:]) if c.feature == "country"]
            if states:
                cands_of[k] = states
        unit = _ADMIN_AFTER.match(text, e)
        if unit and unit.group(1).lower() in _REGION_ONLY_UNITS:
            # "Santa Cruz department", "Kandahar province": a first-level region when the name has one ("the
            # Charlotte region" may be a city's surroundings)
            regions = [c for c in cands_of[k] if c.feature == "admin"]
            if regions and len(regions) < len(cands_of[k]):
                cands_of[k] = regions
    for (s, e), k in zip(spans, keys, strict=True):
        # (session 22) not when the name carries its unit, "the governor of Diffa region": the unit word reads that
        # mention, and a bare "a market in Diffa" elsewhere stays the town
        if _GOVERNOR_OF.search(text, max(0, s - 120), s) and not _ADMIN_AFTER.match(text, e):
            # issue 6, round 15: "the governors of California and New York", "the governor of Washington": a
            # governor's place is a state or province, not the city named like it
            regions = [c for c in cands_of[k] if c.feature == "admin"]
            if regions and len(regions) < len(cands_of[k]):
                cands_of[k] = regions
    if gaz.state_after is not None:
        for (_s, e), k in zip(spans, keys, strict=True):
            # issue 6, round 16: "a Georgia lawmaker", "Georgia Tech", "Carolina Panthers": the name's US readings
            # (its state first), not the country or a town abroad named like it (data/places/state_context_words.txt)
            us = [c for c in cands_of[k] if c.country == "USA"]
            homonym = gaz.homonyms.get(k)
            if (
                any(c.feature == "admin" for c in us)
                and len(us) < len(cands_of[k])
                and gaz.state_after.match(text, e)
                # (unless the text cues the reading abroad: "Georgia lawmakers ... in Tbilisi")
                and not (
                    homonym
                    and homonym[2] is not None
                    and ":USA" not in homonym[1]
                    and homonym[2].search(text)
                )
            ):
                cands_of[k] = us
    for k, states in _stated_states(text, spans, keys, gaz, cands_of).items():
        # "Lebanon, Pa.": the town in that state, whatever else the name can be
        inside = [c for c in cands_of[k] if any(_within(c, st) for st in states)]
        if inside:
            cands_of[k] = inside
    postal = _postal_regions_of(text, spans, keys, cands_of, gaz)
    ambiguous = {k: len(v) > 1 for k, v in cands_of.items()}
    weak = set(context_countries or [])
    outlet = _outlet_country(doc)
    outlet_area = _outlet_region(doc)
    home = _outlet_home(doc, keys)
    doc_ctry, doc_adm = _text_context(text) if any(ambiguous.values()) else (Counter(), Counter())
    if postal:
        # "Richmond, KY": the state counts as named in the text, like "Ky." (the cached counters stay as they are)
        doc_ctry, doc_adm = doc_ctry.copy(), doc_adm.copy()
        for area in postal:
            doc_ctry[area[0]] += 1
            doc_adm[area] += 1
    _whole_rivers(cands_of, doc_ctry)
    _world_regions(cands_of, doc_ctry)
    _far_namesakes(cands_of)
    # .com, .org: mostly US papers, or the country the text names most
    home_countries = frozenset([outlet] if outlet else ["USA", *(c for c, _ in doc_ctry.most_common(1))])
    for k in _dateline_keys(text, spans, keys):
        # a bare dateline is a world city or a town of the paper's own country ("MANSFIELD —" in a Texas paper)
        cands = cands_of[k]
        best = max(cands, key=_prior, default=None)
        if best is None or (best.feature == "city" and best.population >= _CAPITAL_POP):
            continue
        if best.feature == "city" and gaz.capital_of.get(best.country or "") == k:
            continue
        home_cands = [c for c in cands if c.country in home_countries]
        if home_cands and len(home_cands) < len(cands):
            cands_of[k] = home_cands
            ambiguous[k] = len(home_cands) > 1
    host = _host_label(doc)
    towns = [t for t in _host_towns(host) if t.country in home_countries] if host else []
    if host:
        # a .com paper's home town in a province or state the text names ("woodstocksentinelreview.com" beside
        # "Ontario" ten times: Woodstock, Ontario, not Georgia's), whatever country the text leaves unnamed
        named = set(keys)
        in_named = [t for t in _host_towns(host) if t.admin1 and _norm(t.admin1) in named]
        if in_named and not any(t in in_named for t in towns):
            towns = in_named
    home_areas = frozenset((t.country, t.admin1_code) for t in towns if t.country and t.admin1_code)
    # explicit containers ("Erbil, Iraq", "Camp Taji near Baghdad") give a per-name bonus
    contained: dict[str, list[list[_Cand]]] = defaultdict(list)
    cand_lists = [cands_of[k] for k in keys]
    for idx, k in enumerate(keys):
        conts = _containers(text, spans, cand_lists, idx)
        if conts:
            contained[k].append(conts)
    local = _local_news(towns, cands_of) if any(k in gaz.homonym_local for k in cands_of) else frozenset()
    preferred = {
        k: _homonym_reading(k, text, cands_of[k], gaz, local, outlet_area) for k in cands_of if ambiguous[k]
    }
    # regions where several names of the text have a plausible reading; a reading far below the name's best
    # ("Middle East, Maryland" beside the region) lends no support: small namesakes must not vote each other in
    areas: dict[tuple[str, str], set[str]] = defaultdict(set)
    for k, cands in cands_of.items():
        top = max((_prior(c) for c in cands), default=0.0)
        for c in cands:
            if (
                c.feature in ("city", "county", "admin", "site")
                and c.country
                and c.admin1_code
                and _prior(c) >= top - _AREA_SPREAD
            ):
                areas[(c.country, c.admin1_code)].add(k)
    tops = {k: max((_prior(c) for c in cands), default=0.0) for k, cands in cands_of.items()}
    named_areas = frozenset(a for a in doc_adm if doc_adm[a] > 0)
    spatial = _spatial_support(cands_of, tops, named=named_areas) if any(ambiguous.values()) else {}
    many = {
        k: tops[k] < _MANY_TOP_PRIOR and len({c.country for c in cands if c.country}) >= _MANY_COUNTRIES
        for k, cands in cands_of.items()
    }
    shadowed = _shadowed_hamlets(cands_of)
    # first choice by prior and containers; then re-decide twice with the other names as context
    empty: Counter[str] = Counter()
    choice: dict[str, _Cand | None] = {}
    for k, cands in cands_of.items():
        x = _Ctx(
            empty,
            {},
            None,
            k,
            weak,
            outlet,
            doc_ctry,
            doc_adm,
            contained.get(k, []),
            preferred.get(k),
            areas,
            k in home,
            home_countries,
            home_areas,
            tops[k],
            spatial,
            many[k],
            shadowed,
        )
        choice[k] = _pick(cands, x)
    world = _world_readings(cands_of, gaz.capital_of)
    # near support for a world city's small namesake must come from a name that is no such namesake itself:
    # "Kingston" and "Miami" must not pull each other to two Queensland suburbs in a Caribbean story
    small_ids = frozenset(id(c) for _w, small in world.values() for c in small)
    held_spatial = (
        _spatial_support(cands_of, tops, mute=small_ids, named=named_areas)
        if small_ids and spatial
        else spatial
    )
    # a national capital whose country the text names ("Hamilton" beside "Bermuda")
    capital_named = {cap: iso for iso, cap in gaz.capital_of.items() if doc_ctry.get(iso, 0) > 0}
    clear = _dominant_countries(cands_of)
    dominant_of = {
        k: Counter(v for k2, v in clear.items() if _base(k2) != _base(k)) for k in cands_of
    }  # each name's view: the other names' clear countries
    outlet_bonus = _LOCAL_OUTLET_BONUS if outlet and _LOCAL_PATH.search(doc.url or "") else _OUTLET_BONUS
    inner: dict[str, set[str]] = defaultdict(set)  # container name -> names the text states inside it
    for i in range(len(spans) - 1):
        gap = text[spans[i][1] : spans[i + 1][0]]
        if len(gap) <= 14 and _CONTAINER_CUE.match(gap) and keys[i] != keys[i + 1]:
            inner[keys[i + 1]].add(keys[i])
    # a local paper's country; a paper named after its country's capital ("washingtonpost.com") is a national
    # one and licenses no namesake of a world city anywhere in it
    capital_paper = bool(towns) and gaz.capital_of.get(towns[0].country or "") == _norm(towns[0].name)
    licensed = frozenset(t.country for t in towns if t.country and not capital_paper)
    if outlet and _LOCAL_PATH.search(doc.url or ""):
        licensed |= {outlet}  # ... or a country-code outlet's local news ("lfpress.ca/.../Local/")
    mentions = Counter(keys)
    cued = _local_town_cues(text, spans, keys)
    # states named only as someone's affiliation ("Senator Risch of Idaho", "a Michigan delegation") are no
    # evidence for a world city's namesake there (leftover a of issue 6)
    affiliated = _affiliated_states(text, spans, keys, cands_of, gaz.team_after) if world else frozenset()
    held_adm = doc_adm
    # nor is a city named like its state and read as the city ("New York" in a wire story: the New York Stock
    # Exchange licenses no Frankfort, N.Y., beside Frankfurt)
    as_city = [
        k for k, pref in preferred.items() if pref is not None and pref.feature == "city" and pref.country
    ] if world else []  # fmt: skip
    if affiliated or as_city:
        held_adm = doc_adm.copy()
        for k in affiliated:
            st = max(cands_of[k], key=_prior)
            held_adm[(st.country, st.admin1_code)] -= mentions[k]
        for k in as_city:
            pref = preferred[k]
            for st in cands_of[k]:
                if (
                    st.feature == "admin"
                    and st.country == pref.country
                    and st.admin1_code == pref.admin1_code
                ):
                    held_adm[(st.country, st.admin1_code)] -= mentions[k]
                    break

    def context_of(k: str, cands: list[_Cand], per_ctry: dict, per_adm: dict, grid: _Grid) -> _Ctx:
        held = (
            _held_namesakes(
                k,
                world,
                choice,
                mentions[k],
                doc_ctry,
                held_adm,
                contained.get(k, []),
                licensed,
                held_spatial,
                gaz,
                affiliated,
                tops,
            )
            if k in world and k not in home and k not in cued
            else frozenset()
        )
        return _Ctx(
            per_ctry[k], per_adm[k], grid, k, weak, outlet, doc_ctry, doc_adm, contained.get(k, []),
            preferred.get(k), areas, k in home, home_countries, home_areas, tops[k], spatial, many[k], shadowed,
            held, dominant_of[k], _agreeing(cands, inner.get(k), choice), outlet_bonus, outlet_area,
            capital_named.get(_base(k)) if not any(c.feature == "country" for c in cands) else None,
        )  # fmt: skip

    def one_round() -> None:
        per_ctry, per_adm, grid = _context(keys, choice, ambiguous)
        for k, cands in cands_of.items():
            if len(cands) > 1:
                choice[k] = _pick(cands, context_of(k, cands, per_ctry, per_adm, grid))

    def state_score(state: dict[str, _Cand | None]) -> float:
        """How well a whole set of readings fits itself: each reading scored with the others as context."""
        saved = dict(choice)
        choice.update(state)
        per_ctry, per_adm, grid = _context(keys, choice, ambiguous)
        total = sum(
            _score(choice[k], context_of(k, cands, per_ctry, per_adm, grid))
            for k, cands in cands_of.items()
            if len(cands) > 1 and choice[k] is not None
        )
        choice.update(saved)
        return total

    states = []
    for _ in range(_ROUNDS):
        states.append(dict(choice))
        one_round()
    if any(len(c) > 1 for c in cands_of.values()):
        # leftover c of issue 6: simultaneous re-decisions can make two names swap readings every round; one
        # more round shows it (the readings of the round before come back), and the set that fits itself best
        # is kept
        last = dict(choice)
        one_round()
        if any(choice[k] is not last[k] for k in choice):
            back = all(choice[k] is states[-1][k] for k in choice)
            swapping = [k for k in choice if last[k] is not states[-1][k]]
            if back and len(swapping) <= _MAX_SWAPPING:
                # issue 6, round 10: names that trade readings ("Richmond" and "Madison County" trading Kentucky
                # and Virginia) never meet in the sets where they agree, so every mix of their two readings is
                # scored and the set with the higher total support is kept, decided once (ties: the last round)
                options = [
                    {**last, **dict(zip(swapping, mix, strict=True))}
                    for mix in itertools.product(*[(last[k], states[-1][k]) for k in swapping])
                ]
                choice.update(max(options, key=state_score))
            elif back and state_score(last) >= state_score(states[-1]):
                choice.update(last)
            elif not back:
                choice.update(last)
    hints = _listed_units(text, spans)
    chosen = [
        _as_written(text, sp, k, _embedded(text, sp, choice[k], cands_of[k]), cands_of[k], gaz, hints.get(i))
        for i, (sp, k) in enumerate(zip(spans, keys, strict=True))
    ]
    chosen = _outside_possessor(text, spans, chosen)
    chosen = _coordinated_regions(text, spans, keys, chosen, cands_of)
    chosen = _town_among_towns(text, spans, keys, chosen, cands_of, gaz.capital_of)
    demonym_towns = {
        k: [c for c in gaz.get(_base(k)) if c.feature == "city" and not c.alt]
        for k in set(keys)
        if _base(k) in gaz.demonyms
    }
    if any(demonym_towns.values()):
        named_now = frozenset(a for a in doc_adm if doc_adm[a] > 0)
        chosen = _demonym_towns(keys, chosen, demonym_towns, named_now, doc_ctry)
    if any(c is not None and c.feature == "county" for c in chosen):
        chosen = _county_cluster(keys, chosen, cands_of, frozenset(a for a in doc_adm if doc_adm[a] > 0))
    loose = _loose_alternates(
        {k: cands_of[k] for k, c in zip(keys, chosen, strict=True) if c is not None and c.alt}
    )
    if any(c is not None and (_is_stray(c) or id(c) in loose) for c in chosen):
        kept = chosen
        chosen = _drop_stray_hamlets(
            chosen, doc_ctry or _text_context(text)[0], outlet, gaz.capital_of, loose
        )
        # issue 6, round 19: a US township named as such is a real town, not a stray namesake ("Readington
        # Township", "Tewksbury Twp."), whatever else the text names
        chosen = [
            k0
            if c is None and k0 is not None and k0.country == "USA" and _TOWNSHIP.search(text, s, e + 10)
            else c
            for c, k0, (s, e) in zip(chosen, kept, spans, strict=True)
        ]
    chosen = _drop_lone_foreign_towns(chosen, keys, text, doc_ctry, gaz.capital_of, cands_of, outlet)
    chosen = _far_small_towns(
        keys,
        chosen,
        cands_of,
        gaz.capital_of,
        frozenset(a for a in doc_adm if doc_adm[a] > 0),
        doc_ctry or _text_context(text)[0],
    )
    chosen = _far_foreign_villages(
        keys,
        chosen,
        gaz.capital_of,
        doc_ctry or _text_context(text)[0],
        outlet,
        frozenset(a for a in doc_adm if doc_adm[a] > 0),
    )
    chosen = _unknown_in_container(text, spans, keys, chosen, cands_of)
    chosen = _placed_beside(text, spans, keys, chosen, cands_of)
    chosen = _foreign_facilities(text, spans, chosen)
    chosen = _the_alternates(text, spans, chosen, [cands_of[k] for k in keys])
    if any(c is not None and c.feature == "water" for c in chosen):
        starts = _sentence_bounds(text, [(x.start, x.end) for x in doc.sentences])
        chosen = _sentence_stretches(spans, keys, chosen, gaz.get, starts)
    # issue 6, round 15: a facility, club or firm name no gazetteer knows that holds a place name lies at that
    # place ("Royal Adelaide Hospital", "Kansas City Chiefs"), unless the text states where it is ("the Kaiser
    # Wilhelm Memorial Church in Berlin")
    inner: set[int] = set()
    wide: dict[int, _Cand] = {}
    if any(c is None for c in chosen):
        resolved = {k: c for k, c in zip(keys, chosen, strict=True) if c is not None and c.lat is not None}
        countries = {c.country for c in resolved.values() if c.country}
        for i, ((s, e), c) in enumerate(zip(spans, chosen, strict=True)):
            if c is None and _known_container(text, spans, chosen, i, gaz) is None:
                got = _embedded_place(text[s:e], gaz, resolved, countries)
                if got is None:
                    continue
                if got.feature in ("country", "admin"):
                    wide[i] = got  # the fallback unless the text gives a place inside it
                elif got.lat is not None:
                    chosen[i] = got
                    inner.add(i)
                    resolved[keys[i]] = got  # the next names are read beside it
                    countries.add(got.country or "")
    sections = _dateline_sections(text, spans, chosen)
    if sections:
        _strays_of_sections(spans, chosen, sections)
    named = frozenset(c.country for c in chosen if c is not None and c.feature == "country" and c.country)
    sent_starts = _sentence_bounds(text, [(x.start, x.end) for x in doc.sentences]) if None in chosen else []
    places = []
    focus: Place | None = None
    # a name no gazetteer knows gets one point in the text: a container stated at one mention ("Bulo Marer in
    # Lower Shabelle") holds its bare mentions too
    stated: dict[str, Place] = {}
    for i, (k, c) in enumerate(zip(keys, chosen, strict=True)):
        if c is None and k not in stated:
            near = _known_container(text, spans, chosen, i, gaz)
            if near is not None:
                stated[k] = near
    # ... else the settlement of its own sentence or the sentences just before (first mention that has one)
    neighbour: dict[str, list[_Cand]] = {}
    if any(c is None for c in chosen):
        starts = _sentence_bounds(text, [(x.start, x.end) for x in doc.sentences])
        for i, (k, c) in enumerate(zip(keys, chosen, strict=True)):
            if c is None and k not in neighbour:
                nbs = _sentence_neighbours(spans, chosen, i, starts)
                if nbs:
                    neighbour[k] = nbs
    # the first-level regions the text names (a sentence's settlement inside one agrees with the focus)
    regions = [c for c in chosen if c is not None and c.feature == "admin" and c.country]
    page_focus: Place | None = None
    for i, ((s, e), c) in enumerate(zip(spans, chosen, strict=True)):
        if c is None:
            if page_focus is None:
                home_ids = frozenset(t.geonames_id for t in towns if t.geonames_id)
                clear_ctry = Counter(clear.values())
                page_focus = _focus(chosen, gaz, home_ids, outlet, clear_ctry) or Place(
                    text="", start=-1, end=-1
                )
            # a page of news in brief: the dateline of the name's own story is its focus (session 18)
            head = _section_place(sections, s) if sections else None
            focus = _as_point(head) if head is not None else page_focus
            near = stated.get(keys[i])
            before = _before_in_sentence(text, spans, chosen, i, sent_starts)
            # the first settlement beside it that fits the focus (and lies in its stated container)
            nb = next(
                (
                    o
                    for o in neighbour.get(keys[i], ())
                    if (
                        _agrees(o, focus, regions)
                        or (id(o) in before and _city_of_named_country(o, focus, named))
                    )
                    and (near is None or _inside(_as_point(o), near))
                ),
                None,
            )
            home = _town_of_institution(text, spans, chosen, i) if near is None else None
            people = _PEOPLES_SETTLEMENT.search(text, max(0, s - 60), s)
            own = _demonym_countries().get(_norm(people.group(1))) if people else None
            if own is not None and own != focus.country:
                # "the Nigerian town of Tumbaru" in a story from Niger: in the people's country, with no point of
                # its own (session 22)
                place = Place(
                    text=text[s:e], start=s, end=e, name=text[s:e], country=own, source="context-fallback"
                )
            elif home is not None:  # "Dhaka University" in a story that names Dhaka
                place = _fallback(text[s:e], s, e, _as_point(home))
            elif near is not None and not _inside(focus, near):
                # "Zion National Park in Utah", "Utah's Zion National Park"; the focus when it lies inside
                place = _fallback(text[s:e], s, e, near)
            elif nb is not None:
                place = _fallback(text[s:e], s, e, _as_point(nb), guess=True)
            elif focus.start == -1 and focus.lat is None:
                # no place of the text resolves: a story naming one country only (by name or people, "Czech
                # police") has its villages in it, coded with that country and no point (session 22)
                named_ctry = [c for c, n in _text_context(text)[0].items() if n > 0]
                only = named_ctry[0] if len(named_ctry) == 1 else None
                place = Place(text=text[s:e], start=s, end=e)
                if only is not None:
                    place = Place(
                        text=text[s:e],
                        start=s,
                        end=e,
                        name=text[s:e],
                        country=only,
                        source="context-fallback",
                    )
            else:
                place = _fallback(text[s:e], s, e, focus, guess=True)
            region = wide.get(i)
            # issue 6, round 20: a settlement of its own sentence outweighs a region its name holds ("the Simón
            # Bolívar bridge between Cúcuta and Ureña" is at Cúcuta, not in Bolívar department)
            if region is not None and not _holds(region, place) and (nb is None or home is not None):
                place = _fallback(text[s:e], s, e, _region_point(region, gaz))
            guest = _embassy_guest(text, spans, chosen, i)
            if guest is not None:  # "outside Myanmar's embassy on Sathorn Road" is not in Myanmar
                place = _embassy_host(place, guest, chosen, outlet)
            if place.lat is not None and gaz.site_tail.search(keys[i]):
                # "the Smardan range": a site whose settlement no gazetteer knows
                place = dataclasses.replace(place, feature="site")
            places.append(place)
            continue
        lat, lon, prec = c.lat, c.lon, c.precision_km
        if c.feature == "county" and c.lat is None:
            lat, lon, prec = _county_point(c, chosen, gaz, _host_label(doc))
        if lat is None and c.feature == "country":
            lat, lon = _capital_point(c, gaz)
        if i in inner:  # the facility lies in the place its name holds
            site = Place(
                text=text[s:e], start=s, end=e, name=text[s:e], country=c.country,
                admin1=c.admin1 if c.feature not in ("country", "admin") else None,
                lat=lat, lon=lon, feature="site", precision_km=max(prec or 0.0, 25.0), source="embedded-toponym",
            )  # fmt: skip
            places.append(site)
            continue
        places.append(
            Place(
                text=text[s:e],
                start=s,
                end=e,
                name=c.name,
                country=c.country,
                admin1=c.admin1
                if c.feature not in ("country", "admin")
                else (c.name if c.feature == "admin" else None),
                lat=lat,
                lon=lon,
                feature="admin"
                if c.feature == "county"
                else ("region" if c.feature == "continent" else c.feature),
                precision_km=prec,
                geonames_id=c.geonames_id,
                source=c.source,
            )
        )
    return places
