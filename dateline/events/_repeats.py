"""Within-article merging of repeated mentions of one event: a later bare or taken-up reference (_compatible) and
an anaphoric restatement, before or after the report ("the troops", "the missiles were launched", "the strike on
...": _restates)."""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache

from dateline.events._lexicon import _FUTURE_OK, _lex, _rows
from dateline.model import Actor, Event, Place, Size

# --------------------------------------------------------------------------- merging


def _key(actors: list[Actor]) -> frozenset[str]:
    return frozenset((a.name or a.country or a.text).lower() for a in actors)


def _named(actors: list[Actor]) -> list[Actor]:
    """The actors a mention names: an unidentified one (PLOVER UAF/UNK, "a roadside bomb") says nothing of who."""
    return [a for a in actors if a.name or a.sector not in ("UAF", "UNK")]


_DEFINITE = ("the ", "this ", "that ", "these ", "those ")


def _bare_noun(a: Actor) -> str:
    low = a.text.lower()
    for d in (*_DEFINITE, "a ", "an "):
        if low.startswith(d):
            return low[len(d) :]
    return low


def _taken_up(a: list[Actor], b: list[Actor]) -> bool:
    """A later mention's definite recipient naming the earlier one's noun again ("a market" ... "the market", "the
    French ambassador" ... "the ambassador")."""
    return bool(a and b) and all(
        x.text.lower().startswith(_DEFINITE)
        and any(f" {_bare_noun(y)}".endswith(f" {_bare_noun(x)}") for y in a)
        for x in b
    )


def _same_side(a: list[Actor], b: list[Actor]) -> bool:
    """Recipients named alike, or every one of both coded to the same countries ("Tehran" read as the Iranian
    government and "Iran" later in the article: one side)."""
    if _key(a) == _key(b) or _taken_up(a, b):
        return True
    ca, cb = {x.country for x in a}, {x.country for x in b}
    return None not in ca and ca == cb


def _sizes_compatible(a: list[Size], b: list[Size]) -> bool:
    for x in a:
        for y in b:
            if x.unit == y.unit and x.kind == y.kind:
                xlo, xhi = x.min or 0, x.max if x.max is not None else float("inf")
                ylo, yhi = y.min or 0, y.max if y.max is not None else float("inf")
                if xhi < ylo or yhi < xlo:
                    return False
    return True


_FAR_FACTOR = 2.5  # counts further apart than this factor are two events, even for a bare later reference


def _sizes_far(a: list[Size], b: list[Size]) -> bool:
    """Counts of one unit that differ by more than _FAR_FACTOR ("about 40,000 people marched" and "about 3,000
    people held a smaller march"): two events. A toll revised upward ("rose to eight") stays well within it."""
    ratios = []
    for x in a:
        for y in b:
            vx, vy = x.min if x.min is not None else x.max, y.min if y.min is not None else y.max
            # one unit, and one kind unless one is unsaid: "five killed" vs "forty wounded" are two counts of one event
            if x.unit == y.unit and (x.kind == y.kind or None in (x.kind, y.kind)) and vx and vy:
                ratios.append(max(vx, vy) / min(vx, vy))
    return bool(ratios) and min(ratios) > _FAR_FACTOR


_SAME_PLACE_KM = 60.0  # two located mentions further apart than this are different events


def _apart(a: Place | None, b: Place | None) -> bool:
    """Both mentions located, at different places: "an attack in Beledweyne" and "a bomb in Mogadishu"."""
    if a is None or b is None or (a.name or a.text) == (b.name or b.text):
        return False
    if None not in (a.lat, a.lon, b.lat, b.lon):
        from dateline.places import distance_km

        broad = {a.feature, b.feature} & {"country", "region", "water", "admin"}
        if broad:
            # "a march in Tbilisi" and "the protest in Armenia" are two events; "in Georgia" may be the Tbilisi one
            if a.country and b.country:
                return a.country != b.country
            if a.precision_km is None or b.precision_km is None:
                return False
            # a sea or a region with no country ("the Gulf") and a place whose extents cannot overlap: "held in
            # Cyprus" and "warships sent to the Gulf" are two deployments
            reach = a.precision_km + b.precision_km + _SAME_PLACE_KM
            return distance_km((a.lat, a.lon), (b.lat, b.lon)) > reach  # type: ignore[arg-type]
        return distance_km((a.lat, a.lon), (b.lat, b.lon)) > _SAME_PLACE_KM  # type: ignore[arg-type]
    return bool(a.country and b.country and a.country != b.country)


_TOLD = frozenset({"asserted", "alleged"})


def _own_report(a: Event, b: Event) -> bool:
    """A later mention with its own count of another kind from its own source ("killing at least 9, rescuers said
    ... around 25 were wounded, a doctor said"): a report of its own, kept apart so that its count and source stay
    its own (an event has one source and one set of counts)."""
    if not (a.size and b.size and a.source and b.source) or a.source.text == b.source.text:
        return False
    kinds_a, kinds_b = {s.kind for s in a.size}, {s.kind for s in b.size}
    return not (kinds_a & kinds_b)


_TOLL_KINDS = frozenset({"dead", "injured"})


def _toll_told(a: Event, b: Event) -> bool:
    """A later mention naming no attacker whose only recipients are the people it counts ("The strikes killed 11
    militants", "Five people were killed"): the earlier attack's toll, unless the dead are the attacker's own side
    (then it is another attack on them)."""
    if not b.recipient or not b.size:
        return False
    counted = [s for s in b.size if s.kind in _TOLL_KINDS]
    if not all(
        any(s.start <= r.start < s.end or r.start <= s.start < r.end for s in counted) for r in b.recipient
    ):
        return False
    # the attacker's side, unless the attack itself was on people of that country ("Turkish jets struck PKK
    # positions"; a town it hit is only where)
    place = a.location.text if a.location else None
    own = {x.country for x in a.actor if x.country} - {x.country for x in a.recipient if x.text != place}
    # victims whose own words name their side ("Three Iraqi soldiers"; "12 people" may carry the story's country)
    named = {x.country for x in b.recipient if x.country and any(w[:1].isupper() for w in x.text.split()[1:])}
    hit = {x.country for x in a.recipient if x.text != place}
    return not own & named and (not hit or not named or bool(named & hit))


# an event the text says did not take place: a later mention told as fact is another event, not this one
_DID_NOT_HAPPEN = frozenset({"denied", "negated"})


# PROTEST modes by the form of action: a work stoppage and a street action (a general strike, then a march in the
# capital) are two events even with the same organisers
_PROTEST_FORM = {"strike": "stoppage", "hunger": "stoppage", "boycott": "stoppage", "demo": "street",
                 "riot": "street", "obstruct": "street"}  # fmt: skip


def _other_form(a: Event, b: Event) -> bool:
    fa, fb = _PROTEST_FORM.get(a.mode or ""), _PROTEST_FORM.get(b.mode or "")
    return a.event == "PROTEST" and None not in (fa, fb) and fa != fb


# types whose modes name the means of one act, which a report may tell more than one of ("a bomb went off ...
# gunmen then opened fire"): a mode of their own does not make a mention another act
_MEANS_MODES = frozenset({"ASSAULT"})


def _other_act(a: Event, b: Event) -> bool:
    """Two mentions of one type that each report an act of their own (`b` names who acted or a target) with modes
    that differ: two acts, even on one day ("soldiers seized the broadcaster" and "troops detained the minister";
    "expelled its diplomats" and "cut diplomatic ties"). Two wordings of one act ("detained", "arrested") share a
    mode; a bare later reference ("the raid", "the operation") is left to the other checks."""
    if a.event != b.event or a.event in _MEANS_MODES or not (a.mode and b.mode) or a.mode == b.mode:
        return False
    return bool(_named(b.actor) or b.recipient) and bool(_named(a.actor) or a.recipient)


def _compatible(a: Event, b: Event) -> bool:
    if a.event != b.event or _apart(a.location, b.location) or _other_form(a, b) or _other_act(a, b):
        return False
    a_actor, b_actor = _named(a.actor), _named(b.actor)
    bare = not (b_actor or b.recipient)
    # "The planes bombed the market on Monday": a later mention naming no one, its target taken up again
    told = not b_actor and _toll_told(a, b)
    if told and b.date and b.date.source == "text" and (not a.date or a.date.value != b.date.value):
        told = False  # a toll with a day of its own ("two protesters had been shot dead last Thursday"): another event
    # a denial restated without its actor ("denied it is preparing to pull out of Iraq ... 'There has been no
    # decision whatsoever to leave Iraq'"): the same act said again not to be happening
    restated = (
        a.factuality == b.factuality
        and a.factuality in _DID_NOT_HAPPEN
        and bool(a.recipient and b.recipient)
        and _same_side(a.recipient, b.recipient)
    )
    again = not b_actor and (_taken_up(a.recipient, b.recipient) or told or restated)
    if not bare and not again and _key(a_actor) != _key(b_actor):
        return False
    if _own_report(a, b):
        return False
    if a.recipient and b.recipient and not told and not _same_side(a.recipient, b.recipient):  # may be unsaid
        return False
    if not (a_actor or a.recipient):
        return False
    if (
        a.date
        and b.date
        and a.date.source == "text"
        and b.date.source == "text"
        and a.date.value != b.date.value
    ):
        return False  # "On Sunday, eight rockets hit Balad ... On Tuesday rockets also struck Taji": two days
    if _sizes_far(a.size, b.size):
        return False
    if not (b_actor or b.recipient):  # a later bare reference ("the deployment") to an event already reported
        if a.factuality in _DID_NOT_HAPPEN and b.factuality != a.factuality:
            return False  # "denied its aircraft had bombed ..." and "a similar attack ... had destroyed": two
        return a.factuality == b.factuality or b.factuality in _FUTURE_OK
    if a.factuality != b.factuality and not (
        (a.factuality in _FUTURE_OK and b.factuality in _FUTURE_OK)
        or {a.factuality, b.factuality} <= _TOLD  # the act told as fact, then as a report of it
    ):
        return False
    return _sizes_compatible(a.size, b.size)


_RESTATE = True  # fold anaphoric restatements (_restates)


def _merge(events: list[Event], distinct: frozenset[str] | set[str] = frozenset()) -> list[Event]:
    out: list[Event] = []
    for ev in events:
        # "in a separate attack": a new event, not a later mention of an earlier one
        for k, prev in enumerate([] if ev.id in distinct else out):
            if prev.sentence_start == ev.sentence_start:
                continue
            if _RESTATE and not _compatible(prev, ev) and _restates(ev, prev):
                # the earlier mention restated an act the article reports in full only later ("the strike on Al
                # Asad Air Base had dealt a blow ... the January 8 attack, in which Iran fired ..."): the report
                # is the event, the restatement one more mention of it (its place is not taken: where it was said,
                # "speaking in Sanaa, ... the strike on Hodeidah port", is no place of the act)
                ev.mentions = prev.mentions + ev.mentions
                ev.mode = ev.mode or prev.mode
                if (ev.date is None or ev.date.source != "text") and prev.date and prev.date.source == "text":
                    ev.date = prev.date
                ev.size = ev.size or prev.size
                ev.source = ev.source or prev.source
                ev.recipient = ev.recipient or prev.recipient
                out[k] = ev
                break
            if _compatible(prev, ev) or (_RESTATE and _restates(prev, ev)):
                prev.mentions.extend(ev.mentions)
                prev.mode = prev.mode or ev.mode
                prev.location = prev.location or ev.location
                if (prev.date is None or prev.date.source != "text") and ev.date and ev.date.source == "text":
                    prev.date = ev.date
                prev.size = prev.size or ev.size
                if _named(ev.actor) or ev.recipient:
                    # a bare later reference ("the pullout ends ..., a spokesman said") takes the event as
                    # given; it does not report it, so its speaker is no source of the event
                    prev.source = prev.source or ev.source
                prev.recipient = prev.recipient or ev.recipient
                break
        else:
            out.append(ev)
    return out


# ------------------------------------------------------------------ anaphoric restatements

# the classes (data/events/classes.tsv) of nouns naming the forces or the means of an act: "the troops", "the
# missiles", "the warships" restate who or what acted
_MEANS_CLASSES = frozenset({"troops", "police", "militia", "weapons", "projectile", "warship", "aircraft", "formation",
                            "gun", "crowd"})  # fmt: skip
_DET = r"(?:the|this|that|these|those)"
# a definite description: a determiner and lower-case words only, no name ("the troops", "the extra forces")
_DEF_DESC = re.compile(rf"(?i:{_DET})\s+(?:[a-z][a-z-]*\s+){{0,2}}([a-z][a-z-]*)")
# an event noun introduced by a determiner or possessive: "the strike on ...", "the new deployment", "its withdrawal"
_DEF_BEFORE = re.compile(rf"\b(?i:{_DET}|its|their)\s+(?:[\w-]+\s+){{0,2}}$")
# a definite description of the means as the subject: "the missiles were launched ... and targeted ..."
_DEF_SUBJECT = re.compile(
    rf"\b(?i:{_DET})\s+(?:[a-z][a-z-]*\s+){{0,2}}([a-z][a-z-]*)\s+(?:were|was|are|is|had|have|has|will|would)\b"
)


@lru_cache(maxsize=1)
def _means_nouns() -> frozenset[str]:
    return frozenset(w for r in _rows("classes.tsv") if r[0] in _MEANS_CLASSES for w in r[1].split(","))


def _lemma_in(word: str, words: Container[str]) -> bool:
    w = word.lower()
    return w in words or (w.endswith("s") and w[:-1] in words) or (w.endswith("es") and w[:-2] in words)


def _described(a: Actor) -> bool:
    """An actor named only by a definite description of forces or means ("The troops", "the warships")."""
    m = _DEF_DESC.fullmatch(a.text.strip())
    return m is not None and _lemma_in(m.group(1), _means_nouns())


def _anaphoric(e: Event) -> bool:
    """The mention refers back to an act rather than reporting one afresh: it names no actor but by a definite
    description of forces or means ("The troops ... will deploy to Kuwait"), or its event word is a definite event
    noun ("the strike on Al Asad Air Base", "the new deployment"), or, naming no actor, its subject is such a
    description ("the missiles were launched from inside Iran and targeted ...")."""
    named = _named(e.actor)
    if named and not all(_described(a) for a in named):
        return False
    if named:
        return True
    before = e.text[: max(e.event_start - e.sentence_start, 0)]
    words = (e.event_text or "").split()
    head = words[-1] if words else ""
    lex = _lex()
    if head and _DEF_BEFORE.search(before) and (_lemma_in(head, lex.nouns) or _lemma_in(head, lex.actrefs)):
        return True
    return any(_lemma_in(m.group(1), _means_nouns()) for m in _DEF_SUBJECT.finditer(before))


def _days_differ(a: Event, b: Event) -> bool:
    """Both dated by their text, and neither date lies inside the other: a time of day is inside its day ("1.30am"
    on 8 January), a day inside its month ("before the end of the month")."""
    if not (a.date and b.date and a.date.source == b.date.source == "text" and a.date.value and b.date.value):
        return False
    x, y = a.date.value, b.date.value
    return not (x.startswith(y) or y.startswith(x))


def _names_place(e: Event, p: Place | None) -> bool:
    name = (p.name or p.text) if p is not None else None
    return bool(name) and name in e.text  # type: ignore[operator]


def _names_target(e: Event, other: Event) -> bool:
    """`e`'s sentence names a target of `other` by its name ("bombed Hodeidah port" and "the strike on Hodeidah
    port")."""
    return any(r.text[:1].isupper() and not r.text.lower().startswith(_DEFINITE) and r.text in e.text
               for r in other.recipient)  # fmt: skip


def _restates(full: Event, ana: Event) -> bool:
    """`ana` is an anaphoric restatement of `full`, the report of an act of the same type in the same article (in
    either order): it refers back (_anaphoric) and nothing conflicts. Its described actor's country is one of the
    report's actor countries; their places are not apart (unless one sentence names the other's location: "the
    strike on Al Asad Air Base", told from Tehran); their dates read from the text agree (one inside the other); their targets are
    one side; their counts agree; both are asserted (or alleged), one maybe as planned ("is sending 3,000 soldiers"
    and "the troops will deploy"); neither is a report of its own. And something agrees beyond type and day: both
    located (not apart), one sentence naming the other's location or target, the described actor's country, or targets of one
    side."""
    if full.event != ana.event or _other_form(full, ana) or _other_act(full, ana):
        return False
    if not _anaphoric(ana) or _anaphoric(full):
        return False
    f_actor, a_actor = _named(full.actor), _named(ana.actor)
    if not (f_actor or full.recipient):
        return False
    countries = {a.country for a in f_actor}
    if a_actor and (not f_actor or any(a.country and a.country not in countries for a in a_actor)):
        return False
    named = _names_place(ana, full.location) or _names_place(full, ana.location)
    if _apart(full.location, ana.location) and not named:
        return False
    # and something agrees: the place, who acted (as described) or the target; "the sanctions imposed by Brussels"
    # and "the British measures" share only their type and day
    if not (
        named
        or _names_target(full, ana)
        or _names_target(ana, full)
        or (full.location and ana.location)
        or any(a.country in countries for a in a_actor)
        or (full.recipient and ana.recipient)
    ):
        return False
    if _days_differ(full, ana):
        return False
    if full.recipient and ana.recipient and not _same_side(full.recipient, ana.recipient):
        return False
    if (
        _sizes_far(full.size, ana.size)
        or not _sizes_compatible(full.size, ana.size)
        or _own_report(full, ana)
    ):
        return False
    said = (full.factuality or "asserted", ana.factuality or "asserted")
    return said[0] == said[1] or set(said) <= {*_FUTURE_OK, "future"}
