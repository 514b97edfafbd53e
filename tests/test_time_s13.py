"""The turn of the year as a date (session 13): "by year-end", "before the new year" are the end of the anchor's year;
"in the new year" the start of the next; a new year celebrated is no date. Sentences written for this test."""

from __future__ import annotations

import pytest

from dateline.time import normalize


def _dates(text: str) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.value, t.mod) for t in normalize(text, "2026-11-10")]


@pytest.mark.parametrize(
    "text, span",
    [
        ("The contingent will be withdrawn before the new year, the ministry said.", "the new year"),
        ("Both sides hope to sign the accord ahead of the new year.", "the new year"),
        ("The bank expects the bond sale to close by year-end.", "year-end"),
        ("Engineers said the bridge would reopen by the year's end.", "the year's end"),
        ("Officials promised to finish the count before year end.", "year end"),
    ],
)
def test_a_deadline_at_the_turn_of_the_year_is_the_end_of_this_year(text: str, span: str) -> None:
    assert (span, "2026", "END") in _dates(text)


@pytest.mark.parametrize(
    "text",
    [
        "Negotiators will meet again in the new year, a mediator said.",
        "The second phase of the pull-out starts early in the new year.",
    ],
)
def test_in_the_new_year_is_the_start_of_the_next(text: str) -> None:
    assert ("the new year", "2027", "START") in _dates(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of people celebrated the new year on the beach.",
        "The new year brought fresh fighting along the river.",
    ],
)
def test_a_new_year_that_is_no_time_of_an_event_is_no_date(text: str) -> None:
    assert not any("new year" in t.lower() for t, _, _ in _dates(text))
