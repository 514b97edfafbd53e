"""Event places of issue 7 (merge misses on dev7): an event told in a clause of its own takes its place from that
clause, not from the rest of its sentence. Each kind is tested here in our own wording (no sentence from a corpus).

Kinds: a "where" relative clause happens at its antecedent place ("hopes in Kandahar, where an ambush killed six");
a time clause or scene clause takes no guessed place from the main clause ("met in Vienna ..., two days after rebels
shelled a post"); the target of the event's own act noun places it ("the attack on the Jalalabad police station
killed four"), even when the recogniser reads the town's name as a person's or the facility is named after people.
"""

from __future__ import annotations

from typing import Any

from events_helpers import processed_events

PUB = "2025-06-13"


def _events(text: str) -> list[Any]:
    return processed_events(text, PUB)


def _place(text: str, event: str) -> set[str | None]:
    evs = [e for e in _events(text) if e.event == event]
    assert evs, f"no {event} in {text!r}: {[e.event for e in _events(text)]}"
    return {e.location.text if e.location else None for e in evs}


def test_where_clause_happens_at_its_antecedent() -> None:
    got = _place(
        "The talks in Oslo have raised hopes in Kandahar, where the attack on a checkpoint last week killed six"
        " soldiers.",
        "ASSAULT",
    )
    assert got == {"Kandahar"}


def test_time_clause_takes_no_place_from_the_main_clause() -> None:
    got = _place("Officials gathered in Nairobi on Monday, two days after gunmen attacked a bus.", "ASSAULT")
    assert "Nairobi" not in got


def test_main_clause_keeps_its_own_place() -> None:
    # the rule is about the subordinate event only: a main-clause event keeps the place it governs
    got = _place(
        "The ministers held talks in Vienna on Tuesday, a day after rebels attacked a border post.", "CONSULT"
    )
    assert got == {"Vienna"}


def test_where_clause_after_a_destination() -> None:
    # the antecedent may be any place phrase of the main clause ("returned to Kandahar, where ..."), not only "in"
    got = _place("Aid workers returned on Friday to Kandahar, where the attack on a checkpoint last week killed six"
                 " soldiers.", "ASSAULT")  # fmt: skip
    assert got == {"Kandahar"}


def test_target_of_the_act_noun_places_it() -> None:
    got = _place(
        "The talks in Oslo have raised hopes in the valley, where the attack on the Jalalabad police station"
        " last month killed four officers.",
        "ASSAULT",
    )
    assert got == {"Jalalabad"}


def test_attack_noun_subject_of_the_event_verb() -> None:
    got = _place("The attack on the Kunduz police station on Sunday killed four officers.", "ASSAULT")
    assert got == {"Kunduz"}
