"""Event arguments, session 10 leftovers: weapons with a demonym name their owner, the "by" agent of an event noun,
the crew of a seized vessel as the seizure's size, and forces that land or cross as a troop movement.
Sentences written for this project (gold first, then run)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.events_helpers import processed_events

_PUB = "2024-03-20"


def _codes(args: list[Any]) -> set[str]:
    return {a.country for a in args if getattr(a, "country", None)}


def _of(text: str, event: str) -> list[Any]:
    return [e for e in processed_events(text, _PUB) if e.event == event]


# 1. a weapon with a demonym names its owner (the actor), not the people of the place it hits
WEAPONS = [
    ("Syrian artillery fired on the Turkish border town of Akcakale on Tuesday.", "ASSAULT", "SYR", "TUR"),
    ("Russian warplanes bombed the Ukrainian city of Kharkiv overnight.", "ASSAULT", "RUS", "UKR"),
    ("Israeli gunboats shelled the Lebanese coastal town of Naqoura.", "ASSAULT", "ISR", "LBN"),
    ("North Korean guns fired again this morning.", "ASSAULT", "PRK", None),
]


@pytest.mark.parametrize(("text", "event", "actor", "recipient"), WEAPONS)
def test_weapon_demonym_names_owner(text: str, event: str, actor: str, recipient: str | None) -> None:
    evs = _of(text, event)
    assert evs, text
    ev = evs[0]
    assert _codes(ev.actor) == {actor}
    if recipient is not None:
        assert recipient in _codes(ev.recipient)
    assert actor not in _codes(ev.recipient)


# 2. the "by" agent of an event noun is its actor, also when it is a weapon or vessel with a demonym
NOMINAL_AGENTS = [
    (
        "The seizure of a South Korean fishing boat with 12 crew by North Korean patrol boats angered Seoul.",
        "COERCE",
        "PRK",
        "KOR",
    ),
    (
        "The detention of three Filipino fishermen by Chinese coast guard vessels drew a protest from Manila.",
        "COERCE",
        "CHN",
        "PHL",
    ),
    ("The shelling of Stepanakert by Azerbaijani artillery killed two civilians.", "ASSAULT", "AZE", None),
]


@pytest.mark.parametrize(("text", "event", "actor", "recipient"), NOMINAL_AGENTS)
def test_event_noun_by_agent(text: str, event: str, actor: str, recipient: str | None) -> None:
    evs = _of(text, event)
    assert evs, text
    assert actor in _codes(evs[0].actor)
    if recipient is not None:
        assert recipient in _codes(evs[0].recipient)


# 3. the crew of a seized vessel is the seizure's size
CREWS = [
    ("Iranian forces seized a British-flagged tanker and its 23 crew in the Strait of Hormuz.", 23),
    ("Russian border guards detained a Japanese fishing boat with 11 crew off Hokkaido.", 11),
    ("Libyan coastguards seized a Maltese trawler and its crew of seven on Friday.", 7),
    (
        "The seizure of a South Korean fishing boat with 12 crew by North Korean patrol boats angered Seoul.",
        12,
    ),
]


def _size_values(ev: Any) -> set[float]:
    out: set[float] = set()
    for s in ev.size:
        for v in (s.min, s.max):
            if isinstance(v, (int, float)):
                out.add(float(v))
    return out


@pytest.mark.parametrize(("text", "crew"), CREWS)
def test_crew_is_seizure_size(text: str, crew: int) -> None:
    evs = _of(text, "COERCE")
    assert evs, text
    assert float(crew) in set().union(*(_size_values(e) for e in evs))


def test_cargo_is_not_a_size() -> None:
    text = "Iranian forces seized a tanker carrying two million barrels of oil."
    evs = _of(text, "COERCE")
    assert evs
    assert 2_000_000.0 not in set().union(*(_size_values(e) for e in evs))


# 4. forces that land or cross move (MOBILIZE); refugees and planes that cross or land do not
MOVES = [
    ("US Marines landed on the island of Okinawa on Sunday.", "MOBILIZE", "USA"),
    ("A Sudanese army column crossed into Chad on Monday.", "MOBILIZE", "SDN"),
    ("Ethiopian troops crossed the border into Somalia overnight.", "MOBILIZE", "ETH"),
    ("Turkish tanks rolled across the border into northern Syria.", "MOBILIZE", "TUR"),
]


@pytest.mark.parametrize(("text", "event", "actor"), MOVES)
def test_force_moves(text: str, event: str, actor: str) -> None:
    evs = _of(text, event)
    assert evs, text
    assert actor in _codes(evs[0].actor)


def test_refugees_crossing_is_no_mobilize() -> None:
    assert not _of("Hundreds of Sudanese refugees crossed into Chad on Monday.", "MOBILIZE")
