"""Dates of events, session 19: a past-tense month or day without a year in the coming weeks (a deadline or
schedule set in the past) stays in the anchor's year; "a year earlier" and "year-earlier"/"year-ago" in a report
of quarterly results are the same quarter a year before; "until" a day after a verb that sets a deadline
("postponed", "gave them until") is the day ahead. Sentences written for this test (invented news-style text)."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.time import normalize


def _values(text: str, anchor: str, parsed: bool = True) -> list[tuple[str, str]]:
    doc: Any = None
    if parsed:
        from dateline.nlp import load

        doc = load()(text)
    return [(t.text, t.value) for t in normalize(text, anchor, doc=doc)]


# --------------------------------------------------------------- a month or day without a year, in the weeks ahead


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("The ministry extended the ceasefire deadline to Dec. 5, a spokesman said.", "Dec. 5", "2026-12-05"),
        ("The electoral commission said the vote was moved to December 14.", "December 14", "2026-12-14"),
        ("Rebel fighters were told to hand in their weapons by Nov. 30.", "Nov. 30", "2026-11-30"),
        (
            "The mandate of the observer mission ran through mid-December, officials said.",
            "mid-December",
            "2026-12",
        ),
    ],
)
@pytest.mark.parametrize("parsed", [True, False])
def test_a_past_sentences_date_in_the_coming_weeks_stays_in_this_year(
    text: str, span: str, value: str, parsed: bool
) -> None:
    assert (span, value) in _values(text, "2026-11-10", parsed)


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("The dam was badly damaged in floods in August, engineers said.", "August", "2025-08"),
        ("The village was shelled on Oct. 23 and again a week later.", "Oct. 23", "2025-10-23"),
    ],
)
def test_a_past_sentences_date_months_ahead_is_last_year(text: str, span: str, value: str) -> None:
    assert (span, value) in _values(text, "2026-05-05")


# --------------------------------------------------------------- quarterly results compared with a year before


@pytest.mark.parametrize(
    "text, span, value",
    [
        (
            "Third-quarter net profit at the port operator rose to $12 million from $9 million a year earlier.",
            "a year earlier",
            "2025-Q3",
        ),
        (
            "The airline said quarterly revenue fell 4% from a year earlier, to $310 million, on weaker cargo sales.",
            "a year earlier",
            "2025-Q3",
        ),
        (
            "The refiner posted a third-quarter loss of $40 million, compared with a year-earlier profit of $15 million.",
            "year-earlier",
            "2025-Q3",
        ),
        (
            "In the second quarter the mining group earned $80 million, up from $61 million in the year-ago period.",
            "the year-ago period",
            "2025-Q2",
        ),
        (
            "Net income at the bank rose in the comparable year-ago quarter too, to $5 million.",
            "the comparable year-ago quarter",
            "2025-Q3",
        ),
    ],
)
def test_a_year_before_in_quarterly_results_is_that_quarter(text: str, span: str, value: str) -> None:
    assert (span, value) in _values(text, "2026-10-28")


def test_a_year_before_outside_results_is_the_year() -> None:
    text = "The year-ago floods destroyed the bridge, residents said."
    assert ("The year-ago", "2025") in _values(text, "2026-10-28")


def test_the_year_earlier_nine_months_stays_a_duration() -> None:
    text = "Net for the year-earlier nine months included a gain of $9 million, the company said."
    assert ("nine months", "P9M") in _values(text, "2026-10-28")


# --------------------------------------------------------------- "until" a day, after a verb that sets a deadline


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("The court adjourned the hearing until Thursday, a lawyer said.", "Thursday", "2026-11-12"),
        (
            "The army gave the fighters until 6 p.m. Friday to leave the town.",
            "6 p.m. Friday",
            "2026-11-13T18:00",
        ),
        (
            "Officials postponed until Monday morning any decision on the curfew.",
            "Monday morning",
            "2026-11-16TMO",
        ),
    ],
)
def test_until_a_day_after_a_deadline_verb_is_the_day_ahead(text: str, span: str, value: str) -> None:
    assert (span, value) in _values(text, "2026-11-10")


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Until Monday, the crossing had been open to aid convoys.", "Monday", "2026-11-09"),
        ("It was not until Sunday that rescuers reached the village.", "Sunday", "2026-11-08"),
    ],
)
def test_until_a_day_without_a_deadline_verb_keeps_the_tense(text: str, span: str, value: str) -> None:
    assert (span, value) in _values(text, "2026-11-10")


# --------------------------------------------------------------- a quarter whose year stands before it


@pytest.mark.parametrize(
    "text, span, value",
    [
        (
            "Exports recovered in next year's first quarter, forecasters said.",
            "next year's first quarter",
            "2027-Q1",
        ),
        (
            "Fuel imports were lower than in last year's fourth quarter.",
            "last year's fourth quarter",
            "2025-Q4",
        ),
        (
            "Casualty figures for the 2024 third quarter were revised upward.",
            "the 2024 third quarter",
            "2024-Q3",
        ),
    ],
)
def test_a_quarter_after_its_year(text: str, span: str, value: str) -> None:
    assert (span, value) in _values(text, "2026-11-10")


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("The foreign minister has been invited to a regional summit on Dec. 3.", "Dec. 3", "2026-12-03"),
        (
            "A ruling on the appeal, which is expected in December, could delay the vote.",
            "December",
            "2026-12",
        ),
        ("Police arrested the two suspects on Dec. 3, a court heard.", "Dec. 3", "2025-12-03"),
    ],
)
def test_only_a_plain_past_verb_puts_a_day_ahead_in_last_year(text: str, span: str, value: str) -> None:
    assert (span, value) in _values(text, "2026-11-10")


# --------------------------------------------------------------- a month with "this/last/next year"


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("The town was captured by the militia in January last year.", "January", "2025-01"),
        ("Elections are now planned for October of next year.", "October", "2027-10"),
        ("Fighting has displaced 40,000 people since March this year.", "March", "2026-03"),
    ],
)
def test_a_month_with_a_relative_year(text: str, span: str, value: str) -> None:
    assert (span, value) in _values(text, "2026-11-10")


def test_a_month_then_a_new_clause_on_last_year_stays_apart() -> None:
    values = _values("The army withdrew in March, last year it had held the town.", "2026-11-10")
    assert ("March", "2026-03") in values and ("last year", "2025") in values
