"""Actors, layer 3: the office an entry holds on a date (`_pick`) and the longest-first n-gram scan of a
mention against every lexicon (`_scan`), with the checks for lone surnames and given names."""

from __future__ import annotations

from dataclasses import dataclass

from dateline.actors._lexicon import (
    _FORMER_OFFICES,
    _GROUP_CODES,
    _country_given_names,
    _Entry,
    _lex,
    _Lexicon,
    _member_acronyms,
    _name_variants,
)
from dateline.actors._words import (
    _HONORIFICS,
    _MAX_NGRAM,
    _NAME_HEADS,
    _gender_pair,
    _norm,
    _one_edit,
    _singular,
    _singular_key,
    _tok,
)

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
        if first.kind == "person":
            return _before_office(first, d)
        return _Entry(first.name, first.country, "", "", "", first.start, first.kind, first.rank)
    offices = [
        e for e in entries if e.kind == "person" and (e.start or e.end) and e.sector not in ("ELI", "")
    ]
    old = bool(offices) and all(e.end and e.end < _LISTS_FROM for e in offices)
    if (best_rank or old) and offices and all(e.kind == "person" for e in entries):
        # no date, someone only the derived lexicon (offices before 2014) has: an undated text naming them is most
        # likely of their time (older wire copy, the CAMEO-era examples), so the office that made them news
        # decides, not the "former official" period or default row ("Yitzhak Shamir", "Erich Honecker"); the
        # hand-written lists' people in office since 2014 keep today's code (those whose every office ended before
        # then are treated as the derived lexicon's). Their current office if they hold
        # one, else the latest they held
        current = [e for e in offices if not e.end]
        return max(current, key=lambda e: e.start) if current else max(offices, key=lambda e: e.end)
    open_ended = [e for e in entries if e.start and not e.end]
    if open_ended:
        return max(open_ended, key=lambda e: e.start)
    plain = [e for e in entries if not e.start and not e.end]
    if plain:
        return plain[-1]
    return max(entries, key=lambda e: e.end)


def _before_office(first: _Entry, d: str) -> _Entry:
    """A listed person on a date before every office the lists give them (`first` is the earliest). The derived
    (Phoenix) lexicon's dated periods of the same person and country, which the hand-written rows override, decide
    if one covers the date. Else an officer who later took a government post (listed with MIL
    second) or a military post was MIL; the future holder of another official post held one of the same sector
    (most reach a listed office from a lesser one of its kind: a junior minister, deputy, governor or mayor before
    a ministry, a judge before a supreme court); a future opposition leader ELI; others (party and armed-group
    leaders, businesspeople) get no sector. NGEC's
    resolver and the Phoenix dictionaries say ELI for someone in no office at all, but a listed person seldom is
    one shortly before a listed office (tests/data/actors_own_s11.md)."""
    if first.rank == 0:
        # a derived period that covers the date: one with an end, or an open one before the derived lexicon's
        # last year (it leaves offices open; after it an open period says nothing, and one that ended long
        # before may be a namesake's: the Phoenix rows merge people of one name)
        cover = [
            e
            for e in _lex().earlier.get(_norm(first.name.lower()), [])
            if e.country == first.country
            and e.sector
            and e.start
            and e.start <= d
            and (d <= e.end if e.end else d < _DERIVED_LAST)
        ]
        if cover:
            then = max(cover, key=lambda e: e.start)
            return _Entry(first.name, first.country, then.sector, then.sectors2, then.start, then.end,
                          first.kind, first.rank)  # fmt: skip
    if first.sector == "MIL" or (first.sector == "GOV" and first.sectors2[:3] == "MIL"):
        sector = "MIL"
    elif first.sector in ("GOV", "LEG", "JUD", "COP", "SPY"):
        sector = first.sector
    elif first.sector in ("OPP", "ELI"):
        sector = "ELI"  # an opposition leader before leading it: out of office, as NGEC and Phoenix code it
    else:
        sector = ""
    return _Entry(first.name, first.country, sector, "", "", first.start, first.kind, first.rank)


# the year the derived (Phoenix) lexicon's periods stop (its last rows start in early 2015)
_DERIVED_LAST = "2015-01-01"


# the derived (Phoenix) lexicon's last update, and how long an office it leaves open is believed after that
_DERIVED_UNTIL = "2020-01-01"
# the hand-written office-holder lists start here: offices that all ended before it are the older corpora's
_LISTS_FROM = "2014-01-01"


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


_BREAKS = frozenset((",", ";", ":", "(", ")"))  # no n-gram spans one of these


def _scan(toks: list[tuple[str, str, int, int]], date: str | None) -> list[_Match]:
    """Longest-first n-gram matches, left to right, against every lexicon."""
    lex = _lex()
    out: list[_Match] = []
    norms = [t[0] for t in toks]
    origs = [t[1] for t in toks]
    longest = lex.first_lengths()
    # a capitalised word with a lower-case second letter: the only kind `_middle_name` can start at
    name_like = [o[:1].isupper() and o[1:2].islower() for o in origs]
    pairs = lex.pair_lengths()
    i = 0
    while i < len(toks):
        found = None
        if origs[i].isupper() and i + 1 < len(toks) and _singular(norms[i + 1]) in _MEMBER_NOUNS:
            # "SARS officers", "FC personnel": an acronym that names other things too is the body before its members
            body = _member_acronyms().get(norms[i])
            entries = lex.actors.get(body) if body else None
            if entries:
                e = _pick(entries, date)
                out.append(_Match("actor", i, i + 1, e.country, e.sector, e.sectors2, e.name, e.kind))
                i += 1
                continue
        top = min(_MAX_NGRAM, len(toks) - i, longest.get(norms[i], 1))
        if top > 2 and " " not in norms[i] and " " not in norms[i + 1]:
            # no key of three words or more starts with these two words: nothing longer than two can match
            top = min(top, pairs.get((norms[i], norms[i + 1]), 2))
        for n in range(top, 0, -1):
            words = norms[i : i + n]
            if words[0] == "'s" or words[-1] == "'s" or not _BREAKS.isdisjoint(words):
                continue
            key = " ".join(words)
            agent = lex.agent(words)
            if n == 1 and origs[i].islower():
                # one lower-case word: of the rules below only these can apply (the others need a capital, or
                # n > 1), with the same outcome; written out because most words of a sentence take this path
                if agent is not None:
                    found = _Match("agent", i, i + n, "", agent[0], agent[1])
                elif len(key) - key.count(" ") > 3 and key in lex.countries:
                    found = _Match("country", i, i + n, lex.countries[key])
                break
            short_name = (
                n == 1
                and origs[i].istitle()
                and any(e.rank == 0 and e.kind == "person" for e in lex.actors.get(key, ()))
            )
            if (
                len(key) - key.count(" ") <= 3 and not _short_ok(key, origs[i : i + n]) and not short_name
            ):  # (a listed person's short name: "Xi", "Abe"; a long key is never short: no call)
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
            if (
                agent is not None
                and n == 1
                and origs[i].istitle()
                and (
                    (i + 1 < len(toks) and origs[i + 1][:1].isupper())
                    or (  # or ends one: "Diane Abbott" is no abbot
                        i > 0
                        and origs[i - 1].istitle()
                        and not (out and out[-1].j == i)
                        and origs[i - 1].lower() not in lex.english()
                    )
                )
                and not any(
                    table.get(k) for table in (lex.agents_hand, lex.agents) for k in (key, _singular(key))
                )
            ):
                agent = None  # a name that only extends a stem: "Christiane Amanpour" is no Christian
            if (
                agent is not None
                and n == 1
                and origs[i].istitle()
                and i > 0
                and (
                    norms[i - 1] in _PATRONYMICS
                    or (
                        i + 1 < len(toks)
                        and _name_word(origs[i + 1])
                        and _name_word(origs[i - 1])
                        and not (out and out[-1].j == i)
                        and origs[i - 1].lower() not in lex.english()
                    )
                )
            ):
                # a title word inside a name is a name: after "bin" ("Bandar bin Sultan"), or between two unknown
                # name words ("Sikandar Sultan Raja"); a title after a matched word stays one ("Saudi King Salman")
                agent = None
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
                # a listed alias opening with a particle after an unknown capitalised name is that name's end:
                # "Hamza bin Laden" is not Osama bin Laden ("President al-Bashir" is: the title is matched)
                inside = (
                    i > 0
                    and origs[i][:1].islower()
                    and origs[i - 1][:1].isupper()
                    and not (out and out[-1].j == i)
                    and norms[i - 1] not in _HONORIFICS
                )
                longer = (
                    n > 1
                    and e.kind == "person"
                    and e.rank == 0  # (a derived "person" is as often a body: "Shin Bet Security Service")
                    and i + n < len(toks)
                    and _name_word(origs[i + n])
                    and norms[i + n] not in _CALENDAR
                    and not _known_word(norms[i + n], lex)
                    and not any(lex.agent(norms[i + n : i + n + k]) for k in (1, 2, 3))
                )  # a listed name followed by an unknown surname is another person ("Mohammed Hussein Roble")
                # a one-word organisation name right after a listed given name is a surname ("Tarek William
                # Saab" is no Swedish carmaker), as a country name is ("Peter Jordan")
                surname = n == 1 and e.kind == "organisation" and _surname_after_given(toks, i, n, out, lex)
                # an acronym written as a name that is also a listed given name, followed by an unknown surname, is
                # that given name: "Hina Jilani" is no HINA (Croatia's news agency), "Pan Yue" no PAN (Mexico's
                # party); an acronym no one is named ("Isis Khorasan", "Opec Plus") stays the organisation
                # (an acronym: its listed name is written in capitals or is longer, not "Hamas")
                acronym = e.name.isupper() or " ".join(e.name.lower().split()) != key
                surname = (
                    surname
                    or (
                        n == 1
                        and e.kind == "organisation"
                        and len(key) <= 5
                        and _name_word(origs[i])
                        and (
                            key in lex.given_names()
                            or (  # (an armed group or alliance before an unknown word is named: "Isis Khorasan")
                                e.sector not in _ARMED_SECTORS
                                and e.country not in _GROUP_CODES
                                and _given_before_surname(toks, i, n, out, lex, acronym=True)
                            )
                        )
                        and acronym
                        and i + 1 < len(toks)
                        and _name_word(origs[i + 1])
                        and not _known_word(norms[i + 1], lex)
                        and not any(lex.agent(norms[i + 1 : i + 1 + k]) for k in (1, 2, 3))
                    )
                )
                if (
                    not inside
                    and not longer
                    and not surname
                    and not (
                        n == 1
                        and e.kind == "person"
                        and not (_lone_surname(toks, i, out) or _first_name_before(toks, i, [e]))
                    )
                ):
                    # (one name of a person inside a longer unknown name says nothing: "Mohammed Hussein Roble")
                    found = _Match("actor", i, i + n, e.country, e.sector, e.sectors2, e.name, e.kind)
            # generic nouns beat derived names ("defense department" is not only American)
            elif agent is not None:
                found = _Match("agent", i, i + n, "", agent[0], agent[1])
            elif key in lex.capitals and not lower:
                if not _surname_after_given(toks, i, n, out, lex):  # "Enrique Paris", "Jack London": a person
                    found = _Match("capital", i, i + n, lex.capitals[key])
            elif key in lex.countries:
                if not (
                    _surname_after_given(toks, i, n, out, lex) or _given_before_surname(toks, i, n, out, lex)
                ):  # "Peter Jordan", "Niger Innis" are people
                    found = _Match("country", i, i + n, lex.countries[key])
            elif n == 1 and not lower and _singular(key) in lex.countries:  # "Afghans"
                found = _Match("country", i, i + n, lex.countries[_singular(key)])
            elif n > 1 and origs[i + n - 1][:1].isupper() and _singular_key(words) in lex.countries:
                found = _Match("country", i, i + n, lex.countries[_singular_key(words)])  # "North Koreans"
            elif n == 1 and not lower and (dual := _dual_demonym(key)):
                found = _Match("country", i, i + n, dual)  # "British-Egyptian": the last demonym is the head
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
                    # (not after a capitalised name no match covers: "Hanna Maliar" is a surname, not "Malian";
                    # an English word before it leaves the place: "South Ossetia")
                    prev = origs[i - 1] if i else ""
                    if not (
                        prev[:1].isupper()
                        and prev.lower() not in lex.english()
                        and not any(m.j == i for m in out)
                    ):
                        found = _Match("country", i, i + n, lex.countries[typo[1]])
                elif (_lone_surname(toks, i, out) and not _in_place_phrase(toks, i)) or _first_name_before(
                    toks, i, lex.named(typo[1])
                ):
                    e = _pick(lex.named(typo[1]), date)
                    found = _Match("actor", i, i + n, e.country, e.sector, e.sectors2, e.name, e.kind)
            if found:
                break
        if not found and name_like[i]:
            found = _middle_name(toks, i, out, date)
        if found:
            out.append(found)
            i = found.j
        else:
            i += 1
    return out


# words for the members of a force or service ("SARS officers", "FC personnel"; singular)
_MEMBER_NOUNS = frozenset(
    ("officer", "personnel", "operative", "agent", "official", "man", "men", "trooper", "soldier", "member", "jawan",
     "operator", "commander", "guard", "recruit", "cadet")
)  # fmt: skip


# capitalised words that follow a name in running text without being part of it ("Putin Tuesday")
_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
             "jr", "sr", "ii", "iii",
             # particles that open a family or tribal name a listed person is also known by ("... Al Saud")
             "al", "el", "bin", "ibn", "bint", "ould", "abu", "ben", "de", "da", "van", "von"}  # fmt: skip


def _name_word(word: str) -> bool:
    """A capitalised word written as a name ("Roble", "Jordan"), not an acronym or a lower-case word."""
    return len(word) > 1 and word[:1].isupper() and word[1:].islower() and word.isalpha()


def _known_word(key: str, lex: _Lexicon) -> bool:
    """A word some table knows as a name, role, place or seat of power (so no unknown surname)."""
    return any(key in t for t in (lex.actors, lex.agents, lex.agents_hand, lex.countries, lex.capitals, lex.seats,
                                  lex.cities, lex.places))  # fmt: skip


def _surname_after_given(
    toks: list[tuple[str, str, int, int]], i: int, n: int, out: list[_Match], lex: _Lexicon
) -> bool:
    """A one-word country or capital name right after a listed given name no match covers is a surname ("Thomas
    Jordan", "Peter Chad", "Enrique Paris"), not the country. The given names are the first words of the lexicon's people (`given_names`)."""
    if n != 1 or i == 0 or (out and out[-1].j == i):
        return False
    prev = toks[i - 1]
    # (a weekday before it is a date, not a given name: "on Monday Kigali accused Kinshasa"; "June" may be either)
    weekday = prev[0] in _CALENDAR and prev[0].endswith("day")
    return _name_word(prev[1]) and _name_word(toks[i][1]) and prev[0] in lex.given_names() and not weekday


def _given_before_surname(
    toks: list[tuple[str, str, int, int]],
    i: int,
    n: int,
    out: list[_Match],
    lex: _Lexicon,
    acronym: bool = False,
) -> bool:
    """A one-word country name or acronym written as a name, opening a two-word name whose second word is a surname --
    a hand-listed person's ("Sana Mir", "Ghana Wright"), or one no table knows and no English word after an acronym
    or a country name people are given (country_given_names.txt: "Niger Innis", "Sana Baig") -- is a given name, not
    the country or body ("Peter Jordan" the other way round). A known word after it keeps the country's or body's
    reading ("Kenya Airways" is listed, "Jordan Valley" is a place, "Iran Khodro" a company)."""
    if n != 1 or i + 1 >= len(toks) or not (_name_word(toks[i][1]) and _name_word(toks[i + 1][1])):
        return False
    if i > 0 and toks[i - 1][1][:1].isupper() and not (out and out[-1].j == i and out[-1].kind == "agent"):
        return False  # inside a longer name
    if i + 2 < len(toks) and toks[i + 2][1][:1].isupper() and toks[i + 2][0] != "'s":
        return False  # a longer name: "Israel Defense Forces"
    nxt = toks[i + 1][0]
    if (
        nxt in _CALENDAR
        or nxt in _NAME_HEADS
        or any(lex.agent([t[0] for t in toks[i + 1 : i + 1 + k]]) for k in (1, 2, 3))
    ):
        return False
    if nxt in lex.actors and not any(e.kind == "person" for e in lex.actors[nxt]):
        return False  # a body's name
    if _singular(nxt) in lex.countries:
        return False  # a people ("Bosnian Serbs", "Krajina Serbs")
    if nxt in _hand_surnames(lex):
        return True
    # an unknown surname: after an acronym, or after a country name people are given ("Niger Innis")
    return (
        (acronym or toks[i][0] in _country_given_names())
        and not _known_word(nxt, lex)
        and nxt not in lex.english()
    )


# sectors of bodies whose acronym before an unknown word names a branch of the body, not a person ("Isis Khorasan")
_ARMED_SECTORS = frozenset(("REB", "PRM", "CRM", "UAF", "MIL"))

_HAND_SURNAMES: dict[int, set[str]] = {}


def _hand_surnames(lex: _Lexicon) -> set[str]:
    """Last words of the hand-listed people's names ("mir" of Hamid Mir), built once per lexicon."""
    got = _HAND_SURNAMES.get(id(lex))
    if got is None:
        got = set()
        for found in lex.actors.values():
            for e in found:
                if e.kind == "person" and e.rank == 0:
                    words = _norm(e.name.lower()).split()
                    if len(words) >= 2 and len(words[-1]) >= 3:
                        got.add(words[-1])
        _HAND_SURNAMES.clear()
        _HAND_SURNAMES[id(lex)] = got
    return got


def _middle_name(
    toks: list[tuple[str, str, int, int]], i: int, out: list[_Match], date: str | None
) -> _Match | None:
    """A listed person named with one middle name the list lacks ("Tukur Yusuf Buratai" for Tukur Buratai): a
    three-word capitalised name, standing alone, whose first and last words are a hand-written person's name."""
    if i + 3 > len(toks) or not all(t[1][:1].isupper() and t[1][1:2].islower() for t in toks[i : i + 3]):
        return None
    if i > 0 and toks[i - 1][1][:1].isupper() and not (out and out[-1].j == i):
        return None  # inside a longer unknown name
    if i + 3 < len(toks) and toks[i + 3][1][:1].isupper() and toks[i + 3][0] != "'s":
        return None
    lex = _lex()
    people = [
        e for e in lex.actors.get(f"{toks[i][0]} {toks[i + 2][0]}", ()) if e.rank == 0 and e.kind == "person"
    ]
    if not people or len({e.name for e in people}) > 1 or lex.actors.get(toks[i + 1][0]):
        return None  # (a middle word the lexicon knows is no middle name: "Kim Jong Un" is listed whole)
    e = _pick(people, date)
    return _Match("actor", i, i + 3, e.country, e.sector, e.sectors2, e.name, e.kind)


def _dual_demonym(key: str) -> str:
    """The country of a hyphenated pair of demonyms ("british-egyptian", "iranian-american"): as in
    "Irish-American", the last one is the head (the nationality), the ones before it qualify it. Country names
    ("india-pakistan") and other compounds ("saudi-led", "sino-japanese") give nothing."""
    parts = key.split("-")
    if len(parts) < 2 or not all(parts):
        return ""
    lex = _lex()
    codes = [lex.countries.get(p) for p in parts]
    if not all(codes) or any(p in lex.state_names for p in parts):
        return ""
    return codes[-1] or ""


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
        # (a region that names no country is a given name: "Asia Bibi" is no Netanyahu, "Africa Mensah" no one)
        titled = (
            bool(out)
            and out[-1].j == i
            and (out[-1].kind == "agent" or (out[-1].kind == "country" and bool(out[-1].country)))
        )
        # "police in Busia", "a market near Kulundu": a place, not the person of that surname
        if prev_norm in _PLACE_PREPS:
            return False
        if not (
            prev_orig[:1].islower() or prev_norm in _HONORIFICS or titled or prev_norm in (",", "(", "'s")
        ):
            return False
    if i + 1 < len(toks):
        nxt = toks[i + 1][1]
        if nxt[:1].isupper() and toks[i + 1][0] != "'s":
            return False
        if nxt.lower().startswith(_NAME_PARTICLES) and len(nxt) > 4:
            return False  # "Bashir al-Najafi": the name goes on after a particle
    return True


# prepositions after which a capitalised word alone is a place ("police in Busia"), not a listed surname
_PLACE_PREPS = frozenset(("in", "near", "outside", "around", "across"))
# a word one letter off a listed surname is a misspelt person only outside a place phrase: after these words, or
# before a place noun, it is a place no list has ("off Migingo", "the penitentiary at Tamara", "the Tamara prison")
_TYPO_PLACE_PREPS = _PLACE_PREPS | {"at", "off", "from", "to", "into", "towards", "toward", "via", "inside"}
_PLACE_NOUNS = frozenset(
    "prison jail penitentiary island islands district province region county village town city camp base airport "
    "port harbour harbor border crossing checkpoint market mine valley river lake bay hills mountains".split()
)


def _in_place_phrase(toks: list[tuple[str, str, int, int]], i: int) -> bool:
    """Token i is read as a place by the words around it: a locative preposition before it ("off Migingo", "at
    Tamara") or a place noun after it ("the Tamara prison", "Nakawa market")."""
    return (i > 0 and toks[i - 1][0] in _TYPO_PLACE_PREPS) or (
        i + 1 < len(toks) and toks[i + 1][0] in _PLACE_NOUNS
    )


# words after which the next word is a father's or family name, never a title ("bin Sultan", "ould Cheikh")
_PATRONYMICS = {"bin", "ibn", "bint", "ben", "ould", "abu", "al", "el"}


# particles that open the next part of a name ("al-Najafi", "bin Salman", "ould Abdelaziz")
_NAME_PARTICLES = ("al-", "el-", "ad-", "ash-", "as-", "at-", "az-", "bin", "ibn", "bint", "ould")


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
