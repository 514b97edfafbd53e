"""Time expressions, session 20: wordings the tagger missed or cut short, and TimeML values for durations and sets.
Spans of trading/business days and of quarters ("the past two quarters" P2Q, not "the past"); years and decades
spelled out in broadcast transcripts ("nineteen ninety-six", "the year two thousand", "the nineties", "the 70s and
80s"); the trading day a market report closes ("to end the day") and the fiscal year "ended" on a date (a
duration); the adjective "quarterly" ("its quarterly dividend") is no recurring time; "the near term"; half units
(P2Y6M); holidays set by weekday (Labor Day, Election Day); clock times "at 4 in the morning", "at 0800 UTC",
"by mid-afternoon". Sentences written for this test (invented news-style text)."""

from __future__ import annotations

import pytest

from dateline.time import normalize


def _tags(text: str, anchor: str = "1998-03-06") -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in normalize(text, anchor)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # trading, business and working days are days
        (
            "Shares of the carmaker fell over the past five trading days.",
            ("the past five trading days", "P5D"),
        ),
        ("Eight trading days after the crash, the index had recovered.", ("Eight trading days", "P8D")),
        ("The buyer has ten business days to complete the deal.", ("ten business days", "P10D")),
        # quarters as a unit of duration
        ("The retailer has had heavy losses in the past two quarters.", ("the past two quarters", "P2Q")),
        ("The insurer returned to profit after several quarters of losses.", ("several quarters", "PXQ")),
        (
            "Japan slid into recession after three consecutive quarters of decline.",
            (
                "three consecutive quarters",
                "P3Q",
            ),
        ),
        ("The lender must pay $40 million in interest every quarter.", ("every quarter", "P1Q")),
        # half units: the remainder in the next unit, as TimeML writes it
        ("The refugees lived in the camps for 2 1/2 years.", ("2 1/2 years", "P2Y6M")),
        ("The hearing lasted five and a half hours.", ("five and a half hours", "PT5H30M")),
        ("A minute and a half later the pilot radioed the tower.", ("A minute and a half", "PT1M30S")),
    ],
)
def test_duration_units(text: str, expected: tuple[str, str]) -> None:
    assert expected in [(s, v) for s, _t, v in _tags(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Three quarters of the members voted for the motion.",
        "The central bank made a quarter-point cut in its main rate.",
        "Nearly two quarters of the shares changed hands.",
    ],
)
def test_quarter_as_fraction_is_no_time(text: str) -> None:
    assert not [t for t in _tags(text) if "Q" in t[2]]


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("In nineteen ninety-one the banker was convicted of fraud.", "nineteen ninety-one", "1991"),
        ("The city needed protection in nineteen seventy-nine.", "nineteen seventy-nine", "1979"),
        (
            "His promise to halve unemployment by the year two thousand was dropped.",
            "the year two thousand",
            "2000",
        ),
        ("Hate groups dwindled through the nineties.", "the nineties", "199"),
        ("The plant built the boxy sedans of the 70s and 80s.", "80s", "198"),
        ("The band was famous in the late '60s.", "the late '60s", "196"),
    ],
)
def test_spelled_years_and_decades(text: str, span: str, value: str) -> None:
    assert (span, "DATE", value) in _tags(text)


@pytest.mark.parametrize(
    "text",
    [
        "Two thousand troops crossed the border.",
        "A man in his 80s and a woman in her seventies were hurt.",
        "Highs will be in the 70s across the region.",
        "Nineteen twenty people were detained.",
    ],
)
def test_numbers_and_ages_are_no_years(text: str) -> None:
    assert not [t for t in _tags(text) if t[1] == "DATE" and t[2][:1] in "12"]


@pytest.mark.parametrize(
    "text, anchor, span, type_, value",
    [
        ("The Dow fell 120 points to end the day at 9,500.", "2009-02-23", "the day", "DATE", "2009-02-23"),
        ("For the day, the Nikkei closed down 6.4 percent.", "2008-10-27", "the day", "DATE", "2008-10-27"),
        ("The index finished the day slightly higher.", "2009-10-12", "the day", "DATE", "2009-10-12"),
        ("Net income for the year ended Sept. 30 rose 12%.", "1989-11-02", "the year", "DURATION", "P1Y"),
        ("In the year ended June 30, sales were flat.", "1989-11-02", "the year", "DURATION", "P1Y"),
        ("For the year, pet food volume was flat.", "1989-11-02", "the year", "DATE", "1989"),
        ("For the week, the composite index dropped 3.8%.", "1989-10-30", "the week", "DATE", "1989-W44"),
    ],
)
def test_reporting_periods(text: str, anchor: str, span: str, type_: str, value: str) -> None:
    assert (span, type_, value) in _tags(text, anchor)


@pytest.mark.parametrize(
    "text",
    [
        "He was paid for the week he missed.",
        "The market ended the year higher.",
        "She thanked them for the day out.",
    ],
)
def test_for_the_week_inside_a_clause_is_no_time(text: str) -> None:
    assert not [t for t in _tags(text) if t[0].lower().startswith("the ")]


@pytest.mark.parametrize(
    "text, tagged",
    [
        ("The company raised its quarterly dividend to 12 cents a share.", False),
        ("The quarterly results included a one-time gain.", False),
        ("The mill declared a quarterly cash dividend of 30 cents.", False),
        ("The reserve will be adjusted quarterly.", True),
        ("Interest is paid quarterly, the bank said.", True),
    ],
)
def test_quarterly_adjective(text: str, tagged: bool) -> None:
    assert bool([t for t in _tags(text) if t[0].lower() == "quarterly"]) is tagged


@pytest.mark.parametrize(
    "text, span",
    [
        ("Prospects for a return to growth in the near term appear good.", "the near term"),
        ("The deal secures the plant's future for the long term.", "the long term"),
        ("The plan placates some holders in the short term.", "the short term"),
    ],
)
def test_term_refs(text: str, span: str) -> None:
    assert (span, "DATE", "FUTURE_REF") in _tags(text)


@pytest.mark.parametrize(
    "text, anchor, span, value",
    [
        ("Unions marched on Labor Day.", "1998-10-26", "Labor Day", "1998-09-07"),
        ("Turnout will be a theme from now to Election Day.", "1998-10-26", "Election Day", "1998-11-03"),
        ("Veterans gathered at the cemetery on Memorial Day.", "2009-06-10", "Memorial Day", "2009-05-25"),
        ("Banks closed on Columbus Day, a spokesman said.", "2009-10-20", "Columbus Day", "2009-10-12"),
    ],
)
def test_weekday_holidays(text: str, anchor: str, span: str, value: str) -> None:
    assert (span, "DATE", value) in _tags(text, anchor)


@pytest.mark.parametrize(
    "text, anchor, span, value",
    [
        (
            "The father will leave at 4 in the morning, officials said.",
            "2000-04-05",
            "4 in the morning",
            "2000-04-05T04:00",
        ),
        (
            "The envoy arrived around eight in the evening.",
            "2000-04-05",
            "eight in the evening",
            "2000-04-05T20:00",
        ),
        ("At 0800 UTC, five central banks added cash.", "2008-09-18", "0800 UTC", "2008-09-18T08:00Z"),
        (
            "By mid afternoon, officials said the road was open.",
            "1998-03-06",
            "mid afternoon",
            "1998-03-06TAF",
        ),
        (
            "At mid-afternoon yesterday, the shares were up 2 pence.",
            "1989-11-02",
            "mid-afternoon yesterday",
            "1989-11-01TAF",
        ),
    ],
)
def test_times_of_day(text: str, anchor: str, span: str, value: str) -> None:
    assert (span, "TIME", value) in _tags(text, anchor)


def test_score_in_the_afternoon_is_no_clock_time() -> None:
    assert _tags("The side won 3 in the afternoon session.") == []
