"""A candidate reading of a name: the record, its prior (population/feature), distances and containment."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(slots=True)
class _Cand:
    name: str
    country: str | None  # ISO alpha-3
    admin1: str | None  # admin1 name when known, else GeoNames code
    admin1_code: str | None  # GeoNames admin1 code (US: state code)
    lat: float | None
    lon: float | None
    feature: str  # country|admin|county|city|site|water|region|continent
    population: int
    geonames_id: int | None
    source: str
    precision_km: float
    # 1: found under one of its GeoNames alternate names; 2: and a big city has that name as its own;
    # 3: and a smaller city has
    alt: int = 0


_FEATURE_PRIOR = {
    "country": 9.5,
    "continent": 9.0,
    "admin": 8.6,
    "region": 7.6,
    "water": 7.6,
    "site": 8.0,
    "county": 5.0,
}


_SOURCE_PRIOR = {"pycountry-subdivisions": 5.3}  # ISO subdivisions: above towns, below big cities


def _prior(c: _Cand) -> float:
    if c.feature == "city":
        penalty = 0.0
        if c.alt:  # big cities' alternate names are mostly real exonyms ("Hanover", "Bombay"); towns' are not
            if c.alt == 2 or c.population < 50_000:
                penalty = _ALT_PENALTY
            else:
                penalty = _ALT_BIG if c.population < 250_000 else (1.0 if c.alt == 3 else 0.3)
        pop = c.population or (_CURATED_TOWN_POP if c.source == "curated" else 0)
        return math.log10(pop + 10) - penalty
    if c.feature == "county" and c.alt:
        return _BARE_COUNTY_PRIOR
    if c.source == "pycountry-subdivisions" and c.precision_km > _COARSE_KM:
        return _COARSE_PRIOR  # only the country's point is known: a last resort, below any real town
    return _SOURCE_PRIOR.get(c.source) or _FEATURE_PRIOR.get(c.feature, 6.0)


# a town curated.tsv lists without a population (it is there because the news names it) weighs like a small
# town, not like a hamlet of nobody
_CURATED_TOWN_POP = 5_000


_ALT_PENALTY = 2.5  # GeoNames alternate names of towns are often historical names or a neighbour's name


_ALT_BIG = 1.5


_COARSE_KM = 150.0


_COARSE_PRIOR = 4.5


_BARE_COUNTY_PRIOR = 3.0


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points in km (haversine); shared by the geo-aware modules."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _within(c: _Cand, container: _Cand) -> bool:
    if container is c:
        return False
    if container.feature == "country":
        return c.country == container.country and c.feature != "country"
    if container.feature == "admin":
        if c.country != container.country or c.feature in ("country", "admin"):
            return False
        if container.admin1_code and c.admin1_code == container.admin1_code:
            return True
        if container.country == "USA" and c.admin1 == container.name:
            return True
        if c.lat is not None and container.lat is not None:
            return distance_km((c.lat, c.lon), (container.lat, container.lon)) <= container.precision_km * 1.2
        return False
    if container.feature == "county":
        return c.feature == "city" and c.admin1_code == container.admin1_code
    if c.lat is None or container.lat is None or c.feature in ("country", "continent"):
        return False
    return distance_km((c.lat, c.lon), (container.lat, container.lon)) <= max(60.0, container.precision_km)


_HAMLET_POP = 1000


def _is_hamlet(c: _Cand) -> bool:
    return c.feature == "city" and c.population < _HAMLET_POP
