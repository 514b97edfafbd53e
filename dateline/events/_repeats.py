"""Within-article merging of repeated mentions of one event."""

from __future__ import annotations

from dateline.events._lexicon import _FUTURE_OK
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


def _compatible(a: Event, b: Event) -> bool:
    if a.event != b.event or _apart(a.location, b.location) or _other_form(a, b):
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


def _merge(events: list[Event], distinct: frozenset[str] | set[str] = frozenset()) -> list[Event]:
    out: list[Event] = []
    for ev in events:
        # "in a separate attack": a new event, not a later mention of an earlier one
        for prev in [] if ev.id in distinct else out:
            if prev.sentence_start != ev.sentence_start and _compatible(prev, ev):
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
