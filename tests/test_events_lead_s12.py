"""Two kinds the twelfth session's events rounds over-corrected, found by the merge corpora (dev3, dev9): a meeting
that "ended" was held (only an agreement or a truce that ends is no act of its own), and a past act named through
the people it touched ("survivors of the bombing of X") is the news when the text gives it its own day. Sentences
written for this file."""

from __future__ import annotations

import pytest
from events_helpers import processed_events


def _types(text: str) -> list[str]:
    return [e.event for e in processed_events(text, published="2026-05-08") if e.factuality == "asserted"]


@pytest.mark.parametrize(
    "text",
    [
        "Tuesday's talks between the two foreign ministers ended without a joint statement.",
        "The summit of East African leaders in Arusha concluded on Sunday with no agreement on the border.",
        "Yesterday's meeting of the two army chiefs in Kigali ended after three hours.",
    ],
)
def test_a_meeting_that_ended_was_held(text: str) -> None:
    assert "CONSULT" in _types(text)


@pytest.mark.parametrize("text", ["The truce collapsed within hours.", "The ceasefire expired at midnight."])
def test_a_truce_that_ends_is_no_new_agreement(text: str) -> None:
    assert "AGREE" not in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Survivors of the attack on the convoy near Bunia on Tuesday are recovering in a Kampala hospital.",
        "Survivors of the shelling of Kramatorsk by Russian forces on 3 May are still living in tents outside the city.",
    ],
)
def test_a_dated_act_named_through_the_people_it_touched_is_news(text: str) -> None:
    assert "ASSAULT" in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Survivors of the 1994 genocide marched through Kigali.",
        "Veterans of the war gathered at the memorial.",
    ],
)
def test_an_act_named_by_its_year_or_alone_stays_history(text: str) -> None:
    assert "ASSAULT" not in _types(text)
