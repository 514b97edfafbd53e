"""Repeats inside one article: a denial restated without its actor is the same denied act, not a second event."""

from __future__ import annotations

from events_helpers import processed_events


def _of(events: list, event: str) -> list:
    return [e for e in events if e.event == event]


def test_a_denial_restated_in_a_quote_is_one_event() -> None:
    text = (
        "France has denied that it is preparing to pull its soldiers out of Chad, after a memo leaked on Monday.\n\n"
        "\u201cThere has been no decision at all to leave Chad,\u201d the defence ministry said in a statement."
    )
    retreats = _of(processed_events(text, "2024-02-06"), "RETREAT")
    assert len(retreats) == 1, [(e.event_text, e.factuality) for e in retreats]
    assert retreats[0].factuality == "denied" and len(retreats[0].mentions) == 2


def test_a_denial_and_a_later_actual_withdrawal_stay_two_events() -> None:
    text = (
        "Italy denied on Monday that it was about to withdraw its trainers from Niger.\n\n"
        "Two weeks later the last Italian trainers left Niger, the army said."
    )
    retreats = _of(processed_events(text, "2024-02-20"), "RETREAT")
    assert sorted(e.factuality for e in retreats) == ["asserted", "denied"], [
        (e.event_text, e.factuality) for e in retreats
    ]
