"""Event coding by kind, session 18 round 2 (issue 3): leftovers of the first round (report_events.md), judged by
the PLOVER manual. Each kind is a general rule tested on wordings of our own (invented news-style sentences), with
guards that keep the neighbouring reading."""

from __future__ import annotations

import pytest
from events_helpers import conventional_types, helpers_for

_events, _types, _of = helpers_for("2026-11-24")


def _conv(text: str) -> set[str]:
    return conventional_types(_events, text)


def _countries(actors: list) -> set[str]:
    return {a.country for a in actors if a.country}


# kind -> (text, the sentence's types under the single-category convention)
CASES = {
    # a vow to take or seek revenge is a threat of force (manual, THREATEN), not an agreement
    "revenge_taken": [
        ("Hezbollah vowed to take revenge on Israel for the killing of its commander.", {"THREATEN"}),
        ("Iran's Revolutionary Guards promised to take revenge on the United States.", {"THREATEN"}),
        ("The Taliban swore to take revenge on the Afghan army after the night raid.", {"THREATEN"}),
        ("The clan elders pledged to seek revenge against the rival militia.", {"THREATEN"}),
        # guard: a vow to take part in talks stays a promise
        ("The rebels vowed to take part in the peace talks in Doha.", {"AGREE"}),
    ],
    # an armed group formed, raised, set up or organised: the mobilisation is the act, an attack in its "to"
    # clause only its purpose (convention 7)
    "armed_group_formed": [
        ("Villagers formed armed groups to fight the rebels.", {"MOBILIZE"}),
        ("Tribal elders raised a militia to attack the insurgents.", {"MOBILIZE"}),
        ("Local chiefs set up armed units to drive out the bandits.", {"MOBILIZE"}),
        ("The ruling party organised armed gangs to attack opposition supporters.", {"MOBILIZE"}),
        ("Sunni tribes created militias to fight al-Qaeda in Anbar.", {"MOBILIZE"}),
        # guards: other things raised, formed or set up move no force
        ("The rebels raised a flag over the town.", set()),
        ("The villagers set up a committee to fight corruption.", set()),
        ("Students formed a group to protest against the fees.", {"PROTEST"}),
    ],
    # an old act named by a past-dated participle ("imposed in 1990") is background, as "the 1990 curfew" is
    "past_dated_participle": [
        ("The curfew imposed in 1990 was lifted on Monday.", {"CONCEDE"}),
        ("The blockade imposed in 2007 was eased on Thursday.", {"RETREAT"}),
        ("The sanctions imposed by Washington in 2018 were lifted on Friday.", {"RETREAT"}),
        ("Troops deployed to the region in 2014 attacked the village on Monday.", {"ASSAULT"}),
        ("The peacekeepers sent to Darfur in 2007 withdrew on Monday.", {"RETREAT"}),
        # guard: an act dated in the news itself is reported
        ("The strike called on Monday has shut schools across the province.", {"PROTEST"}),
    ],
    # a measure lifted, eased or called off in the passive is what is given up, as its object is ("lifted the
    # curfew"): one event (convention 11), not the measure as well
    "passive_given_up": [
        ("The curfew in Srinagar was lifted on Monday.", {"CONCEDE"}),
        ("The embargo imposed last month was lifted on Monday.", {"RETREAT"}),
        ("The blockade of the port was eased on Thursday.", {"RETREAT"}),
        ("The general strike was called off late on Sunday.", {"CONCEDE"}),
        ("The ban on opposition rallies was scrapped by parliament.", {"CONCEDE"}),
        # guards: a passive subject condemned or welcomed is an event of its own
        ("The attack on the convoy was condemned by the United Nations.", {"ACCUSE", "ASSAULT"}),
        ("The ceasefire was welcomed by Washington.", {"SUPPORT", "RETREAT"}),
    ],
}


@pytest.mark.parametrize(
    "text,want", [case for cases in CASES.values() for case in cases], ids=lambda v: str(v)[:40]
)
def test_kinds18b(text: str, want: set[str]) -> None:
    assert _conv(text) == want


# a revenge vow's target is the one it is taken on
def test_revenge_target() -> None:
    [ev] = _of("Hezbollah vowed to take revenge on Israel for the killing of its commander.", "THREATEN")
    assert _countries(ev.actor) == {"LBN"} and _countries(ev.recipient) == {"ISR"}
    [ev] = _of("Iran's Revolutionary Guards promised to take revenge on the United States.", "THREATEN")
    assert _countries(ev.recipient) == {"USA"}


# "vowed to avenge ... and warned X it would pay": one threat by the vowing side, the one warned its target
@pytest.mark.parametrize(
    "text,actor,recipient",
    [
        (
            "Al-Shabaab vowed to avenge the killing of its leader and warned Kenya it would pay a heavy price.",
            "SOM",
            "KEN",
        ),
        (
            "Tehran promised to avenge the scientist's death and warned Israel it would pay a high price.",
            "IRN",
            "ISR",
        ),
        ("North Korea warned Seoul that it would pay a high price for the drills.", "PRK", "KOR"),
    ],
)
def test_warned_party_is_target(text: str, actor: str, recipient: str) -> None:
    evs = _of(text, "THREATEN")
    assert len(evs) == 1
    assert _countries(evs[0].actor) == {actor} and _countries(evs[0].recipient) == {recipient}
