"""Session 20, events round 3: one verb with two coordinated objects, each with a place or time phrase of its own
("struck a depot in X on Monday and a bridge near Y on Tuesday"), tells two acts: two events of the same type and
mode, each with its own place and date; two objects (or two towns) under one place and time stay one event. Each
kind in our own wording."""

from __future__ import annotations

import pytest
from events_helpers import processed_events

PUB = "2024-03-20"


def _of(text: str, event: str) -> list:
    return [e for e in processed_events(text, PUB) if e.event == event]


@pytest.mark.parametrize(
    ("text", "event", "scenes"),
    [
        (
            "Jets struck a fuel depot in Idlib on Monday and a bridge near Ariha on Tuesday.",
            "ASSAULT",
            [("Idlib", "2024-03-18"), ("Ariha", "2024-03-19")],
        ),
        (
            "Troops attacked a rebel camp near Goma on Friday and another base outside Beni two days later.",
            "ASSAULT",
            [("Goma", "2024-03-15"), ("Beni", "2024-03-17")],
        ),
        (
            "Gendarmes raided a printing house in Bouake on March 4 and a radio station in Korhogo the next day.",
            "COERCE",
            [("Bouake", "2024-03-04"), ("Korhogo", "2024-03-05")],
        ),
    ],
)
def test_second_object_with_own_scene_is_own_event(text: str, event: str, scenes: list) -> None:
    evs = _of(text, event)
    got = sorted((e.location.text if e.location else None, e.date.value if e.date else None) for e in evs)
    assert got == sorted(scenes), (text, got)
    assert len({e.mode for e in evs}) == 1 and len({e.id for e in evs}) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Police raided offices in Zvecan and Leposavic on Monday.",
        "Police detained the mayor and his deputy in Lagos on Monday.",
        "Soldiers burned a market and a school in Ndele on Sunday.",
    ],
)
def test_objects_under_one_scene_stay_one_event(text: str) -> None:
    evs = [e for e in processed_events(text, PUB) if e.event in ("COERCE", "ASSAULT")]
    assert len(evs) == 1, (text, [(e.event, e.location, e.date) for e in evs])
