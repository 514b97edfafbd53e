"""Kinds of event miss found in session 22 (each in our own wording): a protest's crowd placed by its own phrase
("Residents of X staged", "Villagers in X blocked"), "set off a bomb ..., killing" read as the future of "is set
to", a rescue team sent as aid, and a ship's crew handed to its state's officials."""

from __future__ import annotations

import pytest
from events_helpers import helpers_for, processed_events

PUB = "2024-03-20"
_events, _types, _of = helpers_for(PUB)


def _located(text: str, event: str) -> str | None:
    evs = [e for e in processed_events(text, PUB) if e.event == event]
    assert evs, (text, _events(text))
    return evs[0].location.text if evs[0].location else None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Villagers in Gorkha, a district north of Pokhara, blocked a highway on Monday.", "Gorkha"),
        ("Residents of Butembo staged a strike on Monday.", "Butembo"),
        ("Miners at the Konkola mine in Chingola went on strike on Friday.", "Chingola"),
    ],
)
def test_protest_crowd_placed_by_its_own_phrase(text: str, place: str) -> None:
    assert _located(text, "PROTEST") == place


def test_crowd_phrase_yields_to_the_protest_place() -> None:
    # where the protest itself is told wins over where the crowd comes from
    assert _located("Traders from Kano marched in Abuja on Tuesday.", "PROTEST") == "Abuja"
    assert _located("Villagers in Gorkha marched in Kathmandu on Tuesday.", "PROTEST") == "Kathmandu"


@pytest.mark.parametrize(
    "text",
    [
        "Insurgents set off a bomb at a market in Diffa on Sunday, killing five people.",
        "Militants set off an explosive device at a bus station in Maiduguri on Friday, killing three people.",
    ],
)
def test_set_off_is_no_future(text: str) -> None:
    evs = _of(text, "ASSAULT")
    assert evs and evs[0].factuality == "asserted", (text, _events(text))


@pytest.mark.parametrize(
    "text",
    [
        "Workers are set to strike in Lusaka next week.",
        "The army is set to withdraw from the town.",
        "A summit between the two leaders is set for Monday in Geneva.",  # "set for": no particle, still a plan
        "Talks between the rival factions have been set for next week in Doha.",
    ],
)
def test_set_to_stays_future(text: str) -> None:
    assert {e.factuality for e in _events(text)} == {"future"}, (text, _events(text))


@pytest.mark.parametrize(
    "text",
    [
        "Japan sent a rescue team with sniffer dogs to Ankara.",
        "Turkey dispatched a search and rescue team to Kathmandu.",
    ],
)
def test_rescue_team_sent_is_aid(text: str) -> None:
    assert "AID" in _types(text), (text, _events(text))


@pytest.mark.parametrize(
    "text",
    [
        "The navy handed the crew of the trawler to consular officials on Monday.",
        "Police handed the detained sailors to embassy officials in Lagos.",
        "Guinea handed over the 14 fishermen to Senegalese diplomats.",
    ],
)
def test_crew_handed_to_officials_is_a_release(text: str) -> None:
    evs = _of(text, "RETREAT")
    assert evs and evs[0].mode == "release", (text, _events(text))
