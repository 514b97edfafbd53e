"""Rules on the readings the rounds chose, before the fallback: small namesakes abroad that support each other
(the story's country wins), names joined by "and" that are never a region and a town inside it, and names the
text places beside a town where none of their readings lies ("Phoenix, north of Durban")."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter

from dateline.places._cands import _Cand, _prior, _within, distance_km
from dateline.places._containers import _COMPASS_KM, _COMPASS_OF, _in_container, _is_stray
from dateline.places._doc_context import _text_context
from dateline.places._readings import _WORLD_POP

_LONE_POP = 50_000  # a town smaller than this ...


_BORDER_KM = (
    150.0  # ... that lies this close to a place of the other country is a border town, not a namesake
)


_REPICK_KM = (
    250.0  # a reading in the story's country this close to its other places replaces a namesake abroad
)


_MANY_HOME = 5  # names of the story's country, at least, when stray namesakes lie in 2+ other countries


_MANY_HOME_SHARE = 2.0  # ... and more than this many times the names of all the other countries together


def _drop_lone_foreign_towns(
    chosen: list[_Cand | None],
    keys: list[str],
    text: str,
    doc_ctry: Counter[str],
    capitals: dict[str, str],
    cands_of: dict[str, list[_Cand]] | None = None,
    outlet: str | None = None,
) -> list[_Cand | None]:
    """A small town abroad that is the text's only place in its country, when every other name (two at least)
    lies in one other country, is more likely a namesake of a suburb or street there ("Whitefield" in a
    Bengaluru story is not the English town): leave it to the fallback (its sentence's settlement or the
    focus). Capitals, towns of a country the text names ("England's north-west") and border towns within
    _BORDER_KM of another name's point ("Myawaddy" across the bridge from Mae Sot) stay.

    Issue 6, round 17: the same holds for several such towns when the text's places lie in two countries and
    the story's country (the outlet's country counts as one more name) has more of them: small namesakes in a
    country the text never names support each other through their shared state ("Devon" and "Somerset" as
    two Pennsylvania towns in a Dartmoor story; "Colchester County" and "Brookfield" as Illinois in a Nova
    Scotia story). A name that has a reading in the story's country takes it (the English counties), else it
    falls back."""
    per_key = {k: c.country for k, c in zip(keys, chosen, strict=True) if c is not None and c.country}
    counts = Counter(per_key.values())
    # issue 6, session 23: a short story of two names is enough when the outlet's country is the other name's:
    # "Police in Accra said youths in Nima attacked a patrol" on a Ghanaian site (Nima is no Chinese village)
    two_local = len(per_key) == 2 and outlet is not None and counts.get(outlet) == 1
    if (len(per_key) < 3 and not two_local) or len(counts) < 2:
        return chosen
    ranked = sorted(counts.items(), key=lambda kv: (kv[1] + (kv[0] == outlet), kv[0] == outlet), reverse=True)
    (home, n_home), (_abroad, n_abroad) = ranked[0], ranked[1]
    if len(counts) > 2:
        # issue 6, round 19: a long story of one country with stray namesakes in two or more others ("Beacon
        # Hill" and "Waterways" in Australia, "Boyle" in Ireland, in a Fort McMurray story): the story's country
        # has more than twice the names of all the others together
        others = sum(n for _, n in ranked[1:])
        if n_home < _MANY_HOME or n_home + (home == outlet) <= _MANY_HOME_SHARE * others:
            return chosen
        n_abroad = max(others, 2)  # (treated like several towns in one other country: home readings first)
    if n_abroad > 1 and (n_home < 2 or n_home + (home == outlet) <= n_abroad):
        return chosen
    named = {c.country for c in chosen if c is not None and c.feature == "country"}  # ("Armenia said")
    out = list(chosen)
    for i, (k, c) in enumerate(zip(keys, chosen, strict=True)):
        if c is None or not c.country or c.population >= _LONE_POP:
            continue
        if c.feature != "city" and not (
            (c.feature in ("admin", "county") and c.source.startswith("geonames-cities:"))
            or (c.feature == "county" and c.alt)  # (a bare county name: "Boyle" in an Alberta story)
        ):
            continue  # (a town, or a unit read at a town: "Colchester County" at Colchester, Illinois)
        rest = {ctry for k2, ctry in per_key.items() if k2 != k}  # the other names' countries
        if two_local and c.country == outlet:
            continue  # (of two names, only the one abroad can be the namesake)
        if n_abroad > 1:
            if c.country == home:
                continue
            rest = {home}
        if len(rest) != 1 or c.country in rest or capitals.get(c.country) == k:
            continue
        if c.lat is not None and any(
            o is not None and o.country in rest and o.feature not in ("country", "continent") and o.lat is not None
            and distance_km((c.lat, c.lon), (o.lat, o.lon)) <= _BORDER_KM
            for o in chosen
        ):  # fmt: skip
            continue
        if not doc_ctry:  # the countries the text names, read only when needed
            doc_ctry = _text_context(text)[0]
        if not doc_ctry.get(c.country) and c.country not in named:
            # a reading in the story's country near its places ("Devon": the English county), else the fallback
            there = [
                o
                for o in (cands_of or {}).get(k, ())
                if o.country in rest and not _is_stray(o) and o.lat is not None and any(
                    p is not None and p.country in rest and p.lat is not None and p.feature != "country"
                    and distance_km((o.lat, o.lon), (p.lat, p.lon)) <= _REPICK_KM
                    for p in chosen
                )
            ]  # fmt: skip
            out[i] = max(there, key=_prior) if n_abroad > 1 and there else None
    return out


_LIST_GAP = re.compile(r"^,?\s+(?:and|or|&)\s+$")  # "Puebla and Morelos", "Puebla, Morelos and Guerrero"
_COMMA_GAP = re.compile(
    r"^\s*,\s*$"
)  # ... a comma only inside such a list ("Washington, D.C." is a container)


# a verb of two sides after "X and Y": the two are parties to each other (a state and the federal capital)
_RECIPROCAL = re.compile(
    r"\s+(?:(?:have|had|has|are|were|remain(?:ed)?)\s+)?(?:(?:long|again|sharply|openly|repeatedly|still|"
    r"also|been)\s+)*(?:disagree[sd]?|clash(?:ed|es)?|spar(?:red)?|feud(?:ed)?|argued?|quarrel(?:l?ed)?|"
    r"squabbled?|wrangled?|bicker(?:ed)?|negotiat(?:ed?|ing)|traded\s+(?:barbs|blame|accusations)|"
    r"at\s+odds|locked\s+horns|butted\s+heads|differ(?:ed)?)\b",
    re.I,
)


_NEIGHBOUR_STATE_KM = 400.0  # a city this close to the listed state's point may be named beside it as a city


def _listed_state(c: _Cand | None, other: _Cand | None, cands: list[_Cand]) -> _Cand | None:
    """Issue 6, round 18: a name listed with a first-level region ("Oregon and Washington laws", "Idaho, Montana
    and Washington", "Alabama and Georgia") is a region of that country too when it can be one: the state, not
    the capital or the country named like it. A city near the listed region stays ("Maryland, Virginia and
    Washington": the capital beside its neighbours; "New Jersey and New York": the city)."""
    if c is None or other is None or other.feature != "admin" or c.feature not in ("city", "country"):
        return None
    # a city of that country, or a country other than the region's ("Chihuahua and Mexico" stays the country)
    if (c.feature == "city") != (c.country == other.country):
        return None
    own = _own_region(cands, other)
    if own is None or own is c or own.admin1_code == other.admin1_code:
        return None
    if (
        c.lat is not None
        and other.lat is not None
        and distance_km((c.lat, c.lon), (other.lat, other.lon)) <= _NEIGHBOUR_STATE_KM
    ):
        return None
    return own


def _region_of(cands: list[_Cand], country: str | None, code: str | None) -> _Cand | None:
    """The first-level region among a name's readings with that country and admin1 code."""
    if not country or not code:
        return None
    return next(
        (o for o in cands if o.feature == "admin" and o.country == country and o.admin1_code == code), None
    )


def _own_region(cands: list[_Cand], c: _Cand) -> _Cand | None:
    """The name's own first-level region in c's country (by ISO subdivision or curated row), if it has one."""
    return next(
        (
            o
            for o in cands
            if o.feature == "admin"
            and o.country == c.country
            and not o.alt
            and (o.source == "pycountry-subdivisions" or o.source.startswith("curated"))
        ),
        None,
    )


def _coordinated_regions(
    text: str,
    spans: list[tuple[int, int]],
    keys: list[str],
    chosen: list[_Cand | None],
    cands_of: dict[str, list[_Cand]],
) -> list[_Cand | None]:
    """Issue 6, round 17: two names joined by "and" or a comma are things of one kind, never a region and a
    town inside it. "towns in Puebla and Morelos": Morelos read as the village of that name in Puebla state is
    the state of Morelos, and then Puebla is the state too ("each is its own region"). Applies when the town
    lies in the region the other name can be read as and the town's name is a first-level region of its own."""
    out = list(chosen)

    def joined(i: int) -> bool:
        gap = text[spans[i][1] : spans[i + 1][0]]
        if _LIST_GAP.match(gap):
            return True
        a, b = out[i], out[i + 1]
        if a is not None and b is not None and b.feature in ("admin", "county", "country") and _within(a, b):
            return False  # "Washington, D.C. and Ohio": a town and its stated container
        j = i + 1  # a comma: the list goes on with commas to an "and" ("Puebla, Morelos and Guerrero")
        while _COMMA_GAP.match(gap) and j + 1 < len(spans):
            gap = text[spans[j][1] : spans[j + 1][0]]
            if _LIST_GAP.match(gap):
                return True
            j += 1
        return False

    def stated_in(x: int) -> bool:
        """The name's own container follows it ("Texas and Washington, D.C."): it is no state of the list."""
        if x + 1 >= len(spans) or not _COMMA_GAP.match(text[spans[x][1] : spans[x + 1][0]]):
            return False
        c, box = out[x], out[x + 1]
        return (
            c is not None
            and box is not None
            and box.feature in ("admin", "county", "country")
            and _within(c, box)
        )

    for i in range(len(spans) - 1):
        if not joined(i):
            continue
        # issue 6, round 19: two sides of a quarrel or a deal ("Texas and Washington disagreed over the wall")
        # are a state and the capital, not two states
        sides = bool(_RECIPROCAL.match(text, spans[i + 1][1]))
        for x, y in ((i + 1, i), (i, i + 1)):
            state = None if sides else _listed_state(out[x], out[y], cands_of.get(keys[x], []))
            if state is not None and keys[x] != keys[y] and not stated_in(x):
                out[x] = state
                break
        for x, y in ((i + 1, i), (i, i + 1)):
            c, other = out[x], out[y]
            if c is None or other is None or c.feature != "city" or keys[x] == keys[y]:
                continue
            box = _region_of(cands_of.get(keys[y], []), c.country, c.admin1_code)
            own = _own_region(cands_of.get(keys[x], []), c)
            if box is None or own is None or own.admin1_code == c.admin1_code:
                continue
            out[x] = own
            if (
                other.feature == "city"
                and other.country == box.country
                and other.admin1_code == box.admin1_code
            ):
                out[y] = box
            break
    return out


_LOCAL_TOWN_POP = 500_000  # listed towns this small are local news (a big city is named for its own sake)


_LISTED_TOWN_KM = 100.0  # ... and the namesake lies this close to one of them


def _town_among_towns(
    text: str,
    spans: list[tuple[int, int]],
    keys: list[str],
    chosen: list[_Cand | None],
    cands_of: dict[str, list[_Cand]],
    capitals: dict[str, str] | None = None,
) -> list[_Cand | None]:
    """Issue 6, round 18: a name read as a country or a world city, listed with two or more towns of one state
    ("Albany, Corvallis, Sweet Home and Lebanon"; "Gorham, Milan and Berlin"), is the town of that name in that
    state, when one lies within _LISTED_TOWN_KM of them. A list is names joined by commas ending in "and"/"or".
    Issue 6, round 19: a pair too ("between Lebanon and Albany") when the other town's state holds one more of
    the text's places; and a name listed with two or more national capitals or cities of a million is one
    itself ("ministers from Lima, Santiago and Brasília": Chile's capital, not a Colombian village near Cúcuta)."""
    out = list(chosen)
    n = len(spans)
    i = 0
    while i < n:
        j = i  # the list spans[i..j]: commas, then "and"/"or" before its last name
        while j + 1 < n:
            gap = text[spans[j][1] : spans[j + 1][0]]
            if _LIST_GAP.match(gap):
                j += 1
                break
            if not _COMMA_GAP.match(gap):
                break
            j += 1
        members = list(range(i, j + 1))
        i = j + 1 if j > i else i + 1
        if len(members) < 2 or not _LIST_GAP.match(text[spans[members[-2]][1] : spans[members[-1]][0]]):
            continue
        if len(members) >= 3 and capitals is not None:
            _capital_among_capitals(members, keys, out, cands_of, capitals)
        for x in members:
            c = out[x]
            if c is None or not (
                c.feature == "country" or (c.feature == "city" and c.population >= _WORLD_POP)
            ):
                continue
            towns = [
                out[y]
                for y in members
                if y != x
                and keys[y] != keys[x]
                and out[y] is not None
                and out[y].feature == "city"
                and out[y].population < _LOCAL_TOWN_POP
                and out[y].lat is not None
            ]
            states = Counter((t.country, t.admin1_code) for t in towns if t.country and t.admin1_code)
            if not states:
                continue
            area, count = states.most_common(1)[0]
            if len(members) == 2:
                # issue 6, round 19: a pair ("between Lebanon and Albany") when the other town's state holds
                # another of the text's places too (the state itself, a county, a town)
                count += sum(
                    1
                    for y, o in enumerate(out)
                    if y not in members and o is not None and (o.country, o.admin1_code) == area
                )
            if count < 2 or area == (c.country, c.admin1_code):
                continue
            near = [
                o
                for o in cands_of.get(keys[x], [])
                if o.feature == "city"
                and (o.country, o.admin1_code) == area
                and o.lat is not None
                and any(
                    (t.country, t.admin1_code) == area
                    and distance_km((o.lat, o.lon), (t.lat, t.lon)) <= _LISTED_TOWN_KM
                    for t in towns
                )
            ]
            if near:
                out[x] = max(near, key=_prior)
    return out


_WORLD_CITY_POP = (
    1_000_000  # a city this big, or a national capital, is named in a list of capitals as itself
)


def _local_places(
    keys: list[str], chosen: list[_Cand | None], capitals: dict[str, str]
) -> list[tuple[str, _Cand]]:
    """The chosen readings that are local places of the text (a town, site or county with a point: not a world
    city, which is named from afar), with their keys."""
    return [
        (k, c)
        for k, c in zip(keys, chosen, strict=True)
        if c is not None
        and c.lat is not None
        and c.feature in ("city", "site", "county")
        and not _is_world_city(c, k, capitals)
    ]


def _is_world_city(c: _Cand | None, key: str, capitals: dict[str, str]) -> bool:
    return (
        c is not None
        and c.feature == "city"
        and bool(c.country)
        and (c.population >= _WORLD_CITY_POP or capitals.get(c.country or "") == key)
    )


def _capital_among_capitals(
    members: list[int],
    keys: list[str],
    out: list[_Cand | None],
    cands_of: dict[str, list[_Cand]],
    capitals: dict[str, str],
) -> None:
    """A name of a list whose other names (two or more, in two or more countries) are national capitals or
    cities of a million is its own capital or city of a million when it has one, unless it is read as a city of
    100,000+ ("Lima, Santiago and Brasília" in a Cúcuta story: not the Colombian village). In place."""
    for x in members:
        c = out[x]
        if _is_world_city(c, keys[x], capitals) or (c is not None and c.population >= _WORLD_POP):
            continue  # (a city of 100,000+ stays: "Paris, London and Cordoba" beside Madrid is Spain's)
        others = [out[y] for y in members if y != x and _is_world_city(out[y], keys[y], capitals)]
        if len(others) < 2 or len({o.country for o in others if o is not None}) < 2:
            continue
        world = [o for o in cands_of.get(keys[x], []) if _is_world_city(o, keys[x], capitals)]
        if world:
            out[x] = max(world, key=_prior)


# ", a suburb of", ", a township in the", ", a neighbourhood of": a part of the next name
_PART_OF = re.compile(
    r"^,\s+(?:a|an|the)\s+(?:(?:small|poor|busy|wealthy|densely\s+populated|sprawling|northern|southern|eastern|"
    r"western|coastal|nearby|leafy|quiet|informal)\s+)*(?:suburb|neighbourhood|neighborhood|township|"
    r"settlement|quarter|locality)\s+(?:of|in|near|outside)\s+(?:the\s+)?$",
    re.I,
)


def _placed_beside(
    text: str, spans: list[tuple[int, int]], keys: list[str], chosen: list[_Cand | None],
    cands_of: dict[str, list[_Cand]],
) -> list[_Cand | None]:  # fmt: skip
    """A town the text places a stated way from the next name ("Phoenix, north of Durban", "Chatsworth, 20 km
    south of Durban") or calls a part of it ("Anloga, a suburb of Kumasi") of which no reading lies there is a
    place the gazetteer does not know (Durban's Phoenix is not Arizona's; Chatsworth is not the Cape Town
    suburb): it is left unresolved, so it falls back to that name's place."""
    out = list(chosen)
    for i in range(len(spans) - 1):
        c, ref = chosen[i], chosen[i + 1]
        if c is None or ref is None or ref.lat is None or keys[i] == keys[i + 1]:
            continue
        if not (c.feature in ("city", "site") or (c.feature == "county" and c.alt)):
            continue  # (a bare county name read as a county far away: "Beauregard, ... south of Opelika")
        if ref.feature not in ("city", "county", "admin"):
            continue
        gap = text[spans[i][1] : spans[i + 1][0]]
        if len(gap) > 64:
            continue
        m = _COMPASS_OF.match(gap)
        if m is not None:
            reach = _COMPASS_KM
            if m.group(1):
                dist = float(m.group(1).replace(",", "")) * (1.609 if m.group(2).startswith("mi") else 1.0)
                reach = max(reach, dist * 1.5 + 50.0)
            if ref.feature == "admin":
                near = any(_in_container(o, ref) for o in cands_of[keys[i]])
            else:
                near = any(
                    o.lat is not None and distance_km((o.lat, o.lon), (ref.lat, ref.lon)) <= 2 * reach
                    for o in cands_of[keys[i]]
                )
        elif _PART_OF.match(gap) and ref.feature == "city":
            near = any(_in_container(o, ref) for o in cands_of[keys[i]])
        else:
            continue
        if not near:
            out[i] = None
    return out


_CLUSTER_KM = 40.0  # towns this close to a county's point lie in or beside that county


_CLUSTER_MIN = 2  # other names, at least, with a reading beside the county's other reading


_CLUSTER_TOWN_POP = 1_000_000  # towns read this big stay (a world city is named for its own sake)


def _county_cluster(
    keys: list[str],
    chosen: list[_Cand | None],
    cands_of: dict[str, list[_Cand]],
    named: frozenset[tuple[str, str]] = frozenset(),
) -> list[_Cand | None]:
    """Issue 6, round 20: a county the text names ("Douglas County") beside small towns that all have a reading
    within _CLUSTER_KM of one of its namesakes ("Brandon" and "Kensington", two post-office towns of population 0
    beside Douglas County, Minnesota) is that county, and the towns are the ones beside it, when the county's
    current reading has fewer of the text's names beside it. Post-office towns of nobody get no spatial vote
    (their namesakes are thousands of times bigger), so the rounds cannot find this cluster unless the state is
    named. A county read in a state the text names stays, and a named state holding a namesake picks it; a town
    read as a city of a million stays."""
    where = {k: i for i, k in enumerate(keys)}
    out = list(chosen)
    for k, cands in cands_of.items():
        i = where.get(k)
        cur = out[i] if i is not None else None
        if cur is None or cur.feature != "county" or cur.alt or cur.lat is None:
            continue
        rivals = [
            c for c in cands if c.feature == "county" and not c.alt and c.lat is not None and c is not cur
        ]
        if not rivals or (cur.country, cur.admin1_code) in named:
            continue  # (a county of a state the text names stays)
        # a state the text names picks among the namesakes; a state named for something else ("Lake Vermont")
        # holding none of them does not rule the others out
        rivals = [r for r in rivals if (r.country, r.admin1_code) in named] or rivals

        def beside(pt: _Cand, k=k) -> tuple[int, dict[str, _Cand]]:
            """Names already read beside pt, and the names that could be (their reading nearest pt)."""
            have, could, seen = 0, {}, set()
            for k2, c2 in zip(keys, out, strict=True):
                if k2 == k or k2 in seen or c2 is None or c2.feature not in ("city", "county"):
                    continue
                seen.add(k2)
                if c2.lat is not None and distance_km((c2.lat, c2.lon), (pt.lat, pt.lon)) <= _CLUSTER_KM:
                    have += 1
                    continue
                if c2.population >= _CLUSTER_TOWN_POP or c2.feature != "city":
                    continue
                near = [
                    (distance_km((c.lat, c.lon), (pt.lat, pt.lon)), id(c), c)
                    for c in cands_of.get(k2, ())
                    if c.feature == "city" and c.lat is not None
                ]
                near = [t for t in near if t[0] <= _CLUSTER_KM]
                if near:
                    could[k2] = min(near)[2]
            return have, could

        have_cur, _ = beside(cur)
        best = None
        for r in rivals:
            have, could = beside(r)
            if have + len(could) >= _CLUSTER_MIN and have + len(could) > have_cur + 1 and len(could) >= 1:
                if best is None or have + len(could) > best[0]:
                    best = (have + len(could), r, could)
        if best is None:
            continue
        _n, r, could = best
        out[i] = r
        for j, k2 in enumerate(keys):
            if k2 == k:
                out[j] = r
            elif k2 in could:
                out[j] = could[k2]
    return out


_DEMONYM_TOWN_KM = 60.0  # a town named like a people this close to another town of the text is that town


def _demonym_towns(
    keys: list[str],
    chosen: list[_Cand | None],
    towns_of: dict[str, list[_Cand]],
    named: frozenset[tuple[str, str]],
    doc_ctry: Counter[str],
) -> list[_Cand | None]:
    """Issue 6, round 20: a span that is a people's name read as its land ("Cornish" -> Cornwall) is a town of
    that name ("Cornish", New Hampshire, a post-office town of population 0) when the town lies in a first-level
    region the text names or within _DEMONYM_TOWN_KM of another town the text names, and the land's country goes
    unnamed otherwise ("Cornish and Claremont voted"; "the Cornish selectboard" beside Lebanon and Plainfield).
    `towns_of`: the town readings of the spans that are peoples' names."""
    out = list(chosen)
    others = [
        (k, c)
        for k, c in zip(keys, chosen, strict=True)
        if c is not None and c.feature == "city" and c.lat is not None
    ]
    for i, (k, c) in enumerate(zip(keys, chosen, strict=True)):
        towns = towns_of.get(k)
        if not towns or c is None or c.feature == "city":
            continue
        if c.country and sum(n for ctry, n in doc_ctry.items() if ctry == c.country) > 0:
            continue  # "Cornish" beside "England": the people
        fits = []
        for t in towns:
            if t.lat is None:
                continue
            near = min(
                (distance_km((t.lat, t.lon), (o.lat, o.lon)) for k2, o in others if k2 != k), default=1e9
            )
            if (t.country, t.admin1_code) in named or near <= _DEMONYM_TOWN_KM:
                fits.append((near, -t.population, id(t), t))
        if fits:
            out[i] = min(fits)[3]
    return out


_FAR_TOWN_POP = 5_000  # a town read this small ...


# ... this far from every local place of the text is a namesake of one of the story's villages
_FAR_KM = 500.0


_FAR_LOCAL_MIN = 4  # local places of the text, at least (a short text gives too little to judge by)


def _far_small_towns(
    keys: list[str],
    chosen: list[_Cand | None],
    cands_of: dict[str, list[_Cand]],
    capitals: dict[str, str],
    named: frozenset[tuple[str, str]],
    doc_ctry: Counter[str],
) -> list[_Cand | None]:
    """Issue 6, round 20: villages are named in local stories, beside the other places of the story; a small town
    read more than _FAR_KM from every local place of the text (a town, site, county or district: not a country,
    a national capital or a city of a million, which are named from afar) is a namesake of one of the story's
    villages ("Los Lotes" and "El Rodeo" beside Escuintla and Alotenango are no Panamanian or Mexican villages,
    though the text names Mexico City). Its reading within _REPICK_KM of the local places wins, else the
    fallback unless the text names its country. A town in a first-level region the text names stays ("a native
    of Hays, Kansas"). A town of the region where most local places lie (three at least; else of their country)
    only moves to such a reading, never to the fallback ("Tennant Creek" 560 km from Katherine); a town of
    another region of that country falls back ("Howland" read in Maine beside Red River County, Texas)."""
    local = _local_places(keys, chosen, capitals)
    if len({k for k, _ in local}) < _FAR_LOCAL_MIN:
        return chosen
    out = list(chosen)
    for i, (k, c) in enumerate(zip(keys, chosen, strict=True)):
        if c is None or c.feature != "city" or c.lat is None or c.population >= _FAR_TOWN_POP:
            continue
        if (c.country, c.admin1_code) in named:
            continue
        pts = [o for k2, o in local if _base_key(k2) != _base_key(k)]
        # the story's own region: a far town of it stays ("Tennant Creek" 560 km from Katherine, Northern Territory)
        areas = Counter((o.country, o.admin1_code) for o in pts if o.admin1_code)
        top_area, n_area = areas.most_common(1)[0] if areas else (None, 0)
        home = (c.country, c.admin1_code) == top_area or (
            c.country in {o.country for o in pts} and n_area < _FAR_LOCAL_MIN - 1
        )
        if any(distance_km((c.lat, c.lon), (o.lat, o.lon)) <= _FAR_KM for o in pts):
            continue
        there = [
            o
            for o in cands_of.get(k, ())
            if o.lat is not None
            and o.feature == "city"
            and any(distance_km((o.lat, o.lon), (p.lat, p.lon)) <= _REPICK_KM for p in pts)
        ]
        if there:
            out[i] = max(there, key=_prior)
        elif not home and (
            not doc_ctry.get(c.country or "")
            # session 18: naming the story's own country vouches for no far village of another of its regions
            # ("Rocksprings", a Texas hamlet, for a San Jose neighbourhood in a California story that names
            # Washington); a village abroad in a country the text names stays
            or (top_area is not None and c.country == top_area[0] and n_area >= _FAR_LOCAL_MIN - 1)
        ):
            out[i] = None  # (a village of a country the text names stays: "born in Flumeri, in Italy")
    return out


def _far_foreign_villages(
    keys: list[str],
    chosen: list[_Cand | None],
    capitals: dict[str, str],
    doc_ctry: Counter[str],
    outlet: str | None = None,
    named: frozenset[tuple[str, str]] = frozenset(),
) -> list[_Cand | None]:
    """Issue 6, session 21: in a short local story (fewer local places than _far_small_towns needs), a town read
    only under one of its GeoNames alternate names (under _FAR_ALT_POP people), in a country nothing else of the
    text is in (no other place, no country or demonym named, not the outlet's, no region of it named), more than
    _FAR_ALT_KM from every local place of a story whose local places lie in one country, is a namesake of one of
    the story's villages the gazetteer lacks ("Chai", a Cabo Delgado village, read as Çey in Turkey beside Pemba):
    an unknown place in the story's country (the fallback) beats it. A town's own name stays ("Svalbard's
    Longyearbyen" in a Norway story), and so does a near one ("Auschwitz" in a story from France)."""
    local = _local_places(keys, chosen, capitals)
    out = list(chosen)
    for i, (k, c) in enumerate(zip(keys, chosen, strict=True)):
        # only a town read under one of its alternate names (a town's own name, "Longyearbyen", stays)
        if c is None or c.feature != "city" or c.lat is None or not c.alt or c.population >= _FAR_ALT_POP:
            continue
        if not c.country or doc_ctry.get(c.country) or c.country == outlet:
            continue
        if (c.country, c.admin1_code) in named:  # a town of a region the text names stays
            continue
        if any(o is not None and o is not c and o.country == c.country for o in chosen):
            continue
        pts = [o for k2, o in local if _base_key(k2) != _base_key(k)]
        if not pts or len({o.country for o in pts}) > 1:  # the story's local places lie in one country
            continue
        if all(distance_km((c.lat, c.lon), (o.lat, o.lon)) > _FAR_ALT_KM for o in pts):
            out[i] = None
    return out


_FAR_ALT_POP = 50_000
_FAR_ALT_KM = 2_000.0


def _base_key(key: str) -> str:
    return key.split("#", 1)[0]


def _fold(name: str) -> str:
    """A name without case, accents or punctuation, for "does this name hold that one"."""
    return re.sub(
        r"[^a-z0-9]+", " ", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    )


_SAME_TOWN_KM = 50.0


# names this alike are one name spelled two ways ("Marrakech", "Marrakesh"; not "Ganga", "Ganja")
_SAME_SPELLING = 0.85


_THE_BEFORE = re.compile(r"\bthe\s+$")  # lower case: "into the Periyar", not a sentence's "The"


def _the_alternates(
    text: str,
    spans: list[tuple[int, int]],
    chosen: list[_Cand | None],
    own: list[list[_Cand]] | None = None,
) -> list[_Cand | None]:
    """Issue 6, round 20: a town's name takes no article in English, so a name after a lower-case "the" that
    reads as a town only through one of its alternate names ("water released into the Periyar": Erode, once
    Periyar district; "the Sutlej": a Pakistani town) is a river, range or region the gazetteer lacks: it falls
    back to its sentence's places."""
    out = list(chosen)
    for i, ((s, e), c) in enumerate(zip(spans, chosen, strict=True)):
        if (
            c is not None
            and c.feature == "city"
            and c.alt
            # a town whose own name holds the span is that town under a short name ("the Hague", "the Louvre":
            # Paris 01 Louvre; "the New York Stock Exchange": New York City)
            and _fold(text[s:e]) not in _fold(c.name)
            and difflib.SequenceMatcher(None, _fold(text[s:e]), _fold(c.name)).ratio() < _SAME_SPELLING
            and _THE_BEFORE.search(text, max(0, s - 6), s)
            # (nor a spelling of it: "the Marrakech talks", Marrakesh), nor a town the name spells in its own right
            and not any(
                o.feature == "city" and not o.alt and o.lat is not None and c.lat is not None
                and distance_km((o.lat, o.lon), (c.lat, c.lon)) <= _SAME_TOWN_KM
                for o in (own[i] if own else ())
            )
        ):  # fmt: skip
            out[i] = None
    return out
