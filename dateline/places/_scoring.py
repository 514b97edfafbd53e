"""Scoring a name's readings in context: the document context record, regional and spatial support,
dominant countries and the score itself."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from dateline.places._cands import _Cand, _prior, _within, distance_km

_MAX_CANDS = 60  # candidates scored per name (by prior): keeps "Springfield" and "Washington" cheap


_HOMONYM_BONUS = 3.0


_MANY_HOMONYM_BONUS = 2.0  # a small name found in 3+ countries: the reading in a country the text names


_MANY_COUNTRIES = 3


_MANY_TOP_PRIOR = 6.0  # ... unless one reading is a city of a million (its own prior then decides)


_AREA_SPREAD = 2.0  # a reading this far below its name's best lends no regional support to others


_SUPPORT_SPREAD = 4.0  # a reading this far below its name's best gets no regional support itself


_IMPLAUSIBLE_SHARE = 0.8  # ... and only half the country-share bonus


_HOME_BONUS = 3.0  # a local outlet's town named in the text: its own country's reading


_HOME_AREA_BONUS = 2.0

# a regional outlet's region (data/places/regional_outlets.tsv): a weak prior, about one mention of the state
_OUTLET_AREA_BONUS = 1.0  # a town in a region where a town is named like the outlet ("theparisnews.com")


# ... and the region itself, named bare (above the 0.9 that a country's prior has over a state's)
_OUTLET_STATE_BONUS = 1.5


_CONTAINER_BONUS = 4.0


_COHERENCE_BONUS = 1.5  # another name of the text can be read as a place in the same region


_NEAR_BONUS = 2.0  # another place of the text lies within 120 km


_SEAT_KM = 30.0  # a town this close to a county's point that the text names lies in that county ...


_SEAT_BONUS = 1.0  # ... and gains this over namesakes merely near it


_SPATIAL_KM = 60.0  # spatial minimality: readings of other names this close support a reading


_SPATIAL_BONUS = 1.5


_SPATIAL_CAP = 3.0


_SPATIAL_DECAY = 0.5  # support at _SPATIAL_KM is this much below support at 0 km


_VOTER_SPREAD = 2.0


_OUTLET_BONUS = 0.5  # a country-code outlet ("lfpress.ca") writes mostly about its own country


_LOCAL_OUTLET_BONUS = 1.5  # ... and its local-news section about its own country's places


_LOCAL_PATH = re.compile(r"/(?:news/)?local(?:[-_]?news)?/", re.I)


_DOC_COUNTRY_BONUS = 0.5  # per (square root of) mentions of the candidate's country anywhere in the text


_DOC_ADM_BONUS = 1.0  # a reading in a first-level region the text names (by name or abbreviation) ...


_DOC_ADM_EXP = 0.5  # ... grows with the (root of the) number of mentions ...


_DOC_ADM_CAP = 4  # ... up to this many


_SAME_PLACE_KM = 0.5  # readings of two names this close are one place named twice


_SPATIAL_SPREAD = 3.0  # a reading this far below its name's best gets no spatial support


def _base(key: str) -> str:
    """The name of a name split by its containers ("cordoba#1" -> "cordoba")."""
    return key.split("#", 1)[0]


class _Grid:
    """Points of the chosen places on a 1-degree grid: "is another place within 120 km" in O(1)."""

    def __init__(
        self, points: list[tuple[str, float, float, bool]], counties: list[tuple[str, float, float]] = ()
    ) -> None:
        self.cells: dict[tuple[int, int], list[tuple[str, float, float, bool]]] = defaultdict(list)
        for p in points:
            self.cells[(int(math.floor(p[1])), int(math.floor(p[2])))].append(p)
        self.counties = counties  # the chosen counties' points (few per text)

    def in_county(self, lat: float, lon: float, key: str) -> bool:
        """A county the text names (read as chosen) lies within _SEAT_KM: the town is in it, likely its seat."""
        return any(
            _base(k) != _base(key) and distance_km((lat, lon), (clat, clon)) <= _SEAT_KM
            for k, clat, clon in self.counties
        )

    def near(self, lat: float, lon: float, key: str, town: bool = False) -> bool:
        y, x = int(math.floor(lat)), int(math.floor(lon))
        for dy in (-1, 0, 1):
            for dx in (-2, -1, 0, 1, 2):
                for k, plat, plon, ptown in self.cells.get((y + dy, x + dx), ()):
                    if _base(k) != _base(key):
                        d = distance_km((lat, lon), (plat, plon))
                        if d < 120 and not (town and ptown and d < _SAME_PLACE_KM):
                            return True
        return False


@dataclass(slots=True)
class _Ctx:
    """Everything a candidate is scored against, for one name."""

    ctry: Counter[str]
    adm: dict[tuple[str, str], float]  # regions of the other names' readings -> their weight
    grid: _Grid | None
    key: str
    weak: set[str]
    outlet: str | None
    doc_ctry: Counter[str]
    doc_adm: Counter[tuple[str, str]]
    containers: list[list[_Cand]]
    preferred: _Cand | None
    areas: dict[tuple[str, str], set[str]]  # (country, admin1) -> names with a candidate there
    home: bool = False  # the outlet's web address names this place ("parisbeacon.com" and "Paris")
    home_countries: frozenset[str] = frozenset()  # where the outlet's home town may be
    home_areas: frozenset[tuple[str, str]] = frozenset()  # regions of the towns the outlet's host name spells
    top: float = 0.0  # the best prior among the name's readings
    spatial: dict[int, float] | None = None  # id(candidate) -> support from other names' readings nearby
    many: bool = False  # a small name borne by places in several countries ("Novo Selo"): context first
    shadowed: frozenset[int] = frozenset()  # ids of hamlets named like a big city of their own country
    held: frozenset[int] = (
        frozenset()
    )  # ids of small namesakes of a world city that the text does not license
    dominant: Counter[str] | None = None  # countries of the other names' clear readings ("Santiago": Chile)
    agree: frozenset[int] = frozenset()  # ids of readings that hold what the text states inside this name
    outlet_bonus: float = _OUTLET_BONUS  # bigger for the local-news section of a country-code outlet
    outlet_area: tuple[str, str] | None = None  # the region a regional outlet covers ("ajc.com": Georgia)
    capital_of_named: str | None = None  # the country named in the text whose capital this name is


_AREA_MASS_BONUS = 1.0


_AREA_MASS_CAP = 6.0


_STATE_REGION_KM = 150.0  # a region this small that lies in one state (curated.tsv gives its code) is of it


def _context(
    keys: list[str], choice: dict[str, _Cand | None], ambiguous: dict[str, bool]
) -> tuple[dict[str, Counter[str]], dict[str, dict[tuple[str, str], float]], _Grid]:
    """Per-name context from the other names' current choices: country weights, admin1 areas, points."""
    ctry: Counter[str] = Counter()
    adm: Counter[tuple[str, str]] = Counter()
    mass: Counter[tuple[str, str]] = Counter()  # ... of the names read as places inside the region
    points: list[tuple[str, float, float, bool]] = []
    counties: list[tuple[str, float, float]] = []
    contrib: dict[str, tuple[str | None, tuple[str, str] | None, float, bool]] = {}
    for k in set(keys):
        c = choice.get(k)
        if c is None:
            continue
        w = 0.6 if ambiguous[k] else 1.0
        area = None
        if (
            (
                c.feature in ("admin", "county", "city", "site")
                or (c.feature == "region" and c.precision_km <= _STATE_REGION_KM)
            )
            and c.country
            and c.admin1_code
        ):
            area = (c.country, c.admin1_code)  # (a small region of one state: "the Florida Keys")
        if c.country:
            ctry[c.country] += w
        if area:
            adm[area] += w
            if c.feature != "admin":  # the region's own name is rewarded as a named state (doc_adm), not here
                mass[area] += w
        if c.lat is not None and c.feature in ("city", "site", "admin", "county") and c.precision_km <= 300:
            points.append((k, c.lat, c.lon, c.feature == "city"))
            if c.feature == "county":
                counties.append((k, c.lat, c.lon))
        contrib[k] = (c.country, area, w, c.feature != "admin")
    per_ctry: dict[str, Counter[str]] = {}
    # (country, admin1) -> the weight of the names read as places inside it (a region holding many of the
    # text's places outweighs one its lone ambiguous names hold up for each other)
    per_adm: dict[str, dict[tuple[str, str], float]] = {}
    all_adm = {a: mass[a] for a, v in adm.items() if v > 0.01}
    for k in set(keys):
        if k not in contrib:
            per_ctry[k], per_adm[k] = ctry, all_adm
            continue
        # the name's own other places ("Córdoba, Spain" beside "Córdoba, Argentina") lend it no support
        own = [contrib[k2] for k2 in contrib if _base(k2) == _base(k)]
        cc = Counter(ctry)
        lost: Counter[tuple[str, str]] = Counter()
        lost_mass: Counter[tuple[str, str]] = Counter()
        for country, area, w, inside in own:
            if country:
                cc[country] -= w
            if area:
                lost[area] += w
                if inside:
                    lost_mass[area] += w
        per_ctry[k] = cc
        per_adm[k] = {a: max(0.0, m - lost_mass[a]) for a, m in all_adm.items() if adm[a] - lost[a] > 0.01}
    return per_ctry, per_adm, _Grid(points, counties)


def _spatial_support(
    cands_of: dict[str, list[_Cand]],
    tops: dict[str, float],
    mute: frozenset[int] = frozenset(),
    named: frozenset[tuple[str, str]] = frozenset(),
) -> dict[int, float]:
    """Spatial minimality over all readings, not only the current choices: a reading gains support from each
    other name that has a plausible reading within _SPATIAL_KM, weighted by how specific that name is (a name
    with one reading counts 1, a name with 25 readings 0.2). Eight small towns of one Minnesota county pull
    each other in even when each has a bigger namesake elsewhere. Readings in `mute` (small namesakes of world
    cities) get support but lend none. Hand-written: a 1-degree grid keeps it linear in the number of readings."""
    cells: dict[tuple[int, int], list[tuple[str, float, float, bool]]] = defaultdict(list)
    weight: dict[str, float] = {}
    pts: list[tuple[str, _Cand]] = []
    for k, cands in cands_of.items():
        top = tops[k]
        own = [
            c
            for c in cands
            if c.lat is not None
            and c.feature in ("city", "site", "county")
            and (_prior(c) >= top - _SPATIAL_SPREAD or (c.country, c.admin1_code) in named)
        ]
        if not own:
            continue
        # only readings close to the name's best vote: "Middle East" and "Damascus" must not pull each other
        # to Maryland
        voters = [c for c in own if _prior(c) >= top - _VOTER_SPREAD]
        weight[k] = 1.0 / math.sqrt(len(voters)) if voters else 0.0
        if mute:
            voters = [c for c in voters if id(c) not in mute]
        for c in voters:
            cells[(int(math.floor(c.lat)), int(math.floor(c.lon)))].append(
                (k, c.lat, c.lon, c.feature == "city")
            )
        pts.extend((k, c) for c in own)
    if len(weight) < 2:
        return {}
    out: dict[int, float] = {}
    for k, c in pts:
        y, x = int(math.floor(c.lat)), int(math.floor(c.lon))
        town = c.feature == "city"
        closest: dict[str, float] = {}  # other name -> its nearest voting reading (km)
        for dy in (-1, 0, 1):
            for dx in (-2, -1, 0, 1, 2):
                for k2, lat, lon, town2 in cells.get((y + dy, x + dx), ()):
                    if _base(k2) != _base(k):
                        d = distance_km((c.lat, c.lon), (lat, lon))
                        # the same town under another name ("Quebec City", "Londoner") is no corroboration (a
                        # county's point may be its seat's: that still counts)
                        if town and town2 and d < _SAME_PLACE_KM:
                            continue
                        if d <= _SPATIAL_KM and d < closest.get(k2, _SPATIAL_KM + 1):
                            closest[k2] = d
        if closest:
            # nearer is stronger: a cluster of towns 15 km apart beats namesakes 50 km off
            out[id(c)] = sum(
                weight[k2] * (1.0 - _SPATIAL_DECAY * d / _SPATIAL_KM) for k2, d in closest.items()
            )
    return out


_BIG_CITY_PRIOR = 5.7  # about 500,000 people


_SHADOW_GAP = 2.5  # ... and a namesake this far below it (300 times smaller) in the same country


def _shadowed_hamlets(cands_of: dict[str, list[_Cand]]) -> frozenset[int]:
    """Small places named like a big city of their own country ("Monterrey", Chiapas, beside Monterrey): the
    country's context cannot tell them apart, so nearby names must not pull the hamlet in either (no support
    from the admin area or nearby towns; stated containers still count)."""
    out: set[int] = set()
    for cands in cands_of.values():
        big: dict[str, float] = {}
        for c in cands:
            if c.feature == "city" and c.country:
                p = _prior(c)
                if p >= _BIG_CITY_PRIOR and p > big.get(c.country, 0.0):
                    big[c.country] = p
        if big:
            out.update(
                id(c)
                for c in cands
                if c.feature == "city" and c.country in big and _prior(c) <= big[c.country] - _SHADOW_GAP
            )
    return frozenset(out)


_AGREE_BONUS = 2.0


_CAPITAL_BONUS = 3.0  # a national capital whose country the text names (by name or people)


_ROUNDS = 2  # re-decisions with the other names' readings as context


_DOMINANT_POP = 100_000  # a city this big ...


_DOMINANT_GAP = 1.0  # ... at least 10 times bigger than any namesake abroad is what its name means


_DOMINANT_BONUS = 0.6  # per (square root of) such names of the text in the candidate's country


def _dominant_countries(cands_of: dict[str, list[_Cand]]) -> dict[str, str]:
    """Names whose reading is clear by size alone ("Santiago": Chile's capital, 130 times bigger than any
    namesake abroad) -> that reading's country. They tell the country the text is about even when no country
    is named, so two hamlets of another country ("Providencia" and "Valparaíso", Zacatecas) cannot pull each
    other in over it."""
    out: dict[str, str] = {}
    for k, cands in cands_of.items():
        best = max(cands, key=_prior, default=None)
        if best is None or best.feature != "city" or best.population < _DOMINANT_POP or not best.country:
            continue
        abroad = max((_prior(c) for c in cands if c.country != best.country), default=0.0)
        if _prior(best) - abroad >= _DOMINANT_GAP:
            out[k] = best.country
    return out


def _score(c: _Cand, x: _Ctx) -> float:
    score = _prior(c)
    if id(c) in x.held:  # "diplomats in Geneva" beside "a senator from Texas": no support from the text
        # ... but the caller's countries (the actors') still count
        return score + (0.8 if c.country and c.country in x.weak else 0.0)
    # support from the text only for readings not far below the name's best: a village called "Middle East"
    # or "Kansas" must not win on the strength of its country or state being named elsewhere
    plausible = score >= x.top - _SUPPORT_SPREAD
    if id(c) in x.shadowed:
        plausible = False
    if c.country:
        share = x.ctry.get(c.country, 0.0)
        if share > 0.01:
            score += (1.6 if plausible else _IMPLAUSIBLE_SHARE) * min(share, 4.0) ** 0.5
        if c.country in x.weak:
            score += 0.8
        if c.country == x.outlet:
            score += x.outlet_bonus
        n = x.doc_ctry.get(c.country, 0)
        if n:
            score += _DOC_COUNTRY_BONUS * min(n, 4) ** 0.5
        n = x.dominant.get(c.country, 0) if x.dominant and plausible else 0
        if n:
            score += _DOMINANT_BONUS * min(n, 4) ** 0.5
    if c.feature != "country" and c.country and c.admin1_code and id(c) not in x.shadowed:
        area = (c.country, c.admin1_code)
        if area in x.adm:
            score += 2.0
            mass = x.adm[area]
            if mass > 1.0 and plausible:
                # the region where several of the text's places lie ("Toribío", "Popayán", "Caldono") beats one
                # two ambiguous names hold up for each other ("Argelia" and "Nariño", both also in Antioquia);
                # the region's own name does not count here (a state named twice is doc_adm's)
                score += _AREA_MASS_BONUS * (min(mass, _AREA_MASS_CAP) ** 0.5 - 1.0)
        n = x.doc_adm.get(area, 0) if c.feature != "admin" else 0
        if n > 0:
            # a state named once is a weak hint; named again and again it is the story's region
            score += _DOC_ADM_BONUS * min(n, _DOC_ADM_CAP) ** _DOC_ADM_EXP
    if (
        x.grid is not None
        and c.lat is not None
        and id(c) not in x.shadowed
        and (c.feature in ("city", "site", "county") or (c.feature == "water" and c.country))
    ):  # a river's stretch near the text's other places ("the Indus" beside Hyderabad)
        if x.grid.near(c.lat, c.lon, x.key, c.feature == "city"):
            score += _NEAR_BONUS
            if c.feature == "city" and x.grid.counties and x.grid.in_county(c.lat, c.lon, x.key):
                # "Richmond" beside "Madison County": the Richmond inside that county, not one 100 km off
                score += _SEAT_BONUS
    if plausible and c.feature in ("city", "county") and c.country and c.admin1_code:
        names = x.areas.get((c.country, c.admin1_code))
        if names and (len(names) > 1 or x.key not in names):
            score += _COHERENCE_BONUS
    if x.spatial and id(c) not in x.shadowed and c.alt not in (2, 3):
        # a city found by an alternate name while towns of that very name exist ("Santa Ana": Taguig, in Metro
        # Manila) gets no pull from the names near it: they support the city, not this name of it
        support = x.spatial.get(id(c), 0.0)
        if support > 0.0:
            score += _SPATIAL_BONUS * min(support, _SPATIAL_CAP)
    if c.feature == "city" and c.country and c.country == x.capital_of_named and not x.containers:
        # "Hamilton" beside "Bermuda", "the port of Victoria" beside "Seychelles": the capital of the named country
        # (a stated container rules: "Tripoli, Lebanon" beside "Libya")
        score += _CAPITAL_BONUS
    if id(c) in x.agree:  # "Boston, Lincolnshire" with Boston read in England: the county, not the village
        score += _AGREE_BONUS
    if c is x.preferred:
        score += _HOMONYM_BONUS
    if x.many and c.country and (x.doc_ctry.get(c.country) or x.ctry.get(c.country, 0.0) > 0.01):
        score += _MANY_HOMONYM_BONUS
    if x.home and c.feature == "city" and c.country in x.home_countries:
        score += _HOME_BONUS
    if plausible and c.feature in ("city", "county") and (c.country, c.admin1_code) in x.home_areas:
        score += _HOME_AREA_BONUS
    if plausible and c.feature in ("city", "county") and (c.country, c.admin1_code) == x.outlet_area:
        score += _OUTLET_AREA_BONUS
    elif c.feature == "admin" and (c.country, c.admin1_code) == x.outlet_area:
        # issue 6, round 18: the outlet's own state named bare ("Georgia's newest regulator" in an Atlanta paper)
        # is the state, not the country of that name (the text's cues for the country still outweigh it)
        score += _OUTLET_STATE_BONUS
    for conts in x.containers:
        # a far-fetched reading needs a state-level container ("Italy, Texas"), not a country after a comma
        # ("the Middle East, US officials said")
        strong = isinstance(conts, _Stated)
        if any(
            _within(c, cont) and (plausible or strong or cont.feature in ("admin", "county"))
            for cont in conts
        ):
            score += _CONTAINER_BONUS
            break
    return score


def _pick(cands: list[_Cand], x: _Ctx) -> _Cand | None:
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]
    return max(cands, key=lambda c: _score(c, x))


class _Stated(list):
    """Containers the text states outright ("X, the capital of Y"): they count even for a far-fetched reading."""
