"""Event dates, session 12 (issue 3, "dates are often relative"): our own set of news sentences
(tests/data/event_dates_s12.jsonl, see its .md) and the kinds fixed on it, each tested on sentences of our own.

`python tests/test_event_dates_s12.py` prints the set's figures per kind and the wrong items."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from dateline.time import day_first_for, normalize

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events_helpers import processed_events  # noqa: E402

THU = "2026-11-19"  # a Thursday
MON = "2026-11-23"  # a Monday


def _value(text: str, phrase: str, anchor: str, **kw: Any) -> str | None:
    """The value of the time expression at `phrase`, tense read from the parse as in the pipeline."""
    from dateline.nlp import parse

    at = text.index(phrase)
    for tx in normalize(text, anchor, doc=parse(text, anchor).spacy, **kw):
        if tx.start <= at < tx.end:
            return tx.value
    return None


def _date(text: str, trigger: str, published: str = THU) -> str | None:
    at = text.index(trigger)
    for e in processed_events(text, published):
        if e.event_start <= at < e.event_end:
            return e.date.value if e.date else None
    raise AssertionError(f"no event at {trigger!r} in {text!r}")


# --------------------------------------------------------------------------- the set


@pytest.fixture(scope="module")
def own() -> dict[str, Any]:
    from dateline.evaluate.time import event_dates_own

    return event_dates_own()


def test_set_size_and_kinds(own: dict[str, Any]) -> None:
    assert own["items"] >= 150
    assert len(own["per_kind"]) >= 15


def test_set_accuracy(own: dict[str, Any]) -> None:
    # final (226 items) 0.858 (0.975 of the events found); batch 1 untouched 0.751 (0.883), batch 2's first run
    # 0.956; the found rate is the events' (another engineer's work moves it)
    assert own["accuracy"] >= 0.82, own["wrong"]
    assert own["accuracy_when_found"] >= 0.94, own["wrong"]


# --------------------------------------------------------------------------- a day of the month alone


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Soldiers detained the governor on the 12th, his family said.", "the 12th", "2026-11-12"),
        (
            "The talks resume on the 25th in Doha.",
            "the 25th",
            "2026-11-25",
        ),  # future: this month, still ahead
        (
            "Rebels shelled the port on the 27th and again in early November.",
            "the 27th",
            "2026-10-27",
        ),  # past: after
        ("Voters went to the polls on the 3rd of last month.", "the 3rd of last month", "2026-10-03"),
        ("The ceasefire began on the 5th of this month.", "the 5th of this month", "2026-11-05"),
    ],
)
def test_ordinal_day_of_month(text: str, phrase: str, value: str) -> None:
    assert _value(text, phrase, THU) == value


@pytest.mark.parametrize(
    "text",
    ["A fire broke out on the 14th floor of the ministry.", "He served in the 3rd Battalion until 2019.",
     "On the 2nd day of talks the delegates walked out."],
)  # fmt: skip
def test_ordinal_before_a_noun_is_no_date(text: str) -> None:
    assert [t.text for t in normalize(text, THU) if "th" in t.text or "nd" in t.text or "rd" in t.text] == []


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Two frigates sailed in the first week of November.", "the first week of November", "2026-W45"),
        ("Talks will resume in the second week of January.", "the second week of January", "2027-W02"),
        ("Troops withdrew in the last week of October 2025.", "the last week of October 2025", "2025-W44"),
    ],
)
def test_week_of_a_month_is_its_iso_week(text: str, phrase: str, value: str) -> None:
    assert _value(text, phrase, THU) == value


# --------------------------------------------------------------------------- deadlines and plans


@pytest.mark.parametrize(
    ("text", "phrase", "anchor", "value"),
    [
        ("Unions have called a general strike for Friday.", "Friday", MON, "2026-11-27"),
        ("The opposition announced a march for Wednesday.", "Wednesday", MON, "2026-11-25"),
        ("The militia must leave the city by Sunday under the truce.", "Sunday", THU, "2026-11-22"),
        ("Lawmakers should vote on Tuesday on the budget.", "Tuesday", THU, "2026-11-24"),
        (
            "By Friday, the rebels had withdrawn from the town.",
            "Friday",
            THU,
            "2026-11-13",
        ),  # past perfect: past
    ],
)
def test_deadline_and_plan_days_read_forward(text: str, phrase: str, anchor: str, value: str) -> None:
    assert _value(text, phrase, anchor) == value


# --------------------------------------------------------------------------- the wire dateline's day anchors


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        (
            "DHAKA (Oct 14) - Police detained 20 students yesterday near the campus.",
            "yesterday",
            "2026-10-13",
        ),
        (
            "LIMA, Oct 14 (Reuters) - Farmers blocked three highways today, police said.",
            "today",
            "2026-10-14",
        ),
        ("QUITO, Oct. 13, 2026 (AP) - Troops took control of two prisons on Monday.", "Monday", "2026-10-12"),
    ],
)
def test_dateline_anchors_relative_days(text: str, phrase: str, value: str) -> None:
    assert _value(text, phrase, "2026-10-15") == value


def test_dateline_far_from_publication_is_no_anchor() -> None:
    text = "LIMA, Oct 1 (Reuters) - Farmers blocked three highways today."
    assert _value(text, "today", "2026-10-15") == "2026-10-15"  # two weeks apart: not the day it was written


# --------------------------------------------------------------------------- numeric dates and the outlet's locale


def test_outlet_date_order() -> None:
    assert (
        day_first_for("https://www.thehindu.com/news/national/x.ece") is True
    )  # data/places/outlets.tsv: India
    assert day_first_for("https://www.abc.net.au/news/x") is True  # a country code
    assert day_first_for("https://nation.africa/kenya/news") is True
    assert day_first_for("https://www.nytimes.com/2026/12/15/us/x.html") is False
    assert day_first_for("https://www.latimes.com/california/x") is False  # a US regional daily
    assert day_first_for("https://example.com/x") is None
    assert day_first_for(None) is None


def test_numeric_date_follows_the_order_given() -> None:
    text = "Police arrested the mayor on 12/10/2026 in his office."
    assert _value(text, "12/10/2026", "2026-12-15", day_first=True) == "2026-10-12"
    assert _value(text, "12/10/2026", "2026-12-15", day_first=False) == "2026-12-10"
    assert _value(text, "12/10/2026", "2026-12-15") == "2026-12-10"  # unknown outlet: month first, as before


def test_numeric_date_follows_the_texts_own_dates() -> None:
    text = "The rally on 23/11/2026 came after the arrests on 04/11/2026."
    assert _value(text, "04/11/2026", "2026-11-25") == "2026-11-04"
    text = "The rally on 11/23/2026 came after the arrests on 11/04/2026."
    assert _value(text, "11/04/2026", "2026-11-25") == "2026-11-04"


# --------------------------------------------------------------------------- which date an event takes


@pytest.mark.parametrize(
    ("text", "trigger", "value"),
    [
        ("The rebels, who captured the airport in March, withdrew on Saturday.", "withdrew", "2026-11-14"),
        ("Students who were arrested on Monday were freed on Wednesday.", "freed", "2026-11-18"),
    ],
)
def test_date_of_a_participants_clause_is_not_the_events(text: str, trigger: str, value: str) -> None:
    assert _date(text, trigger) == value


@pytest.mark.parametrize(
    ("text", "trigger", "value"),
    [
        ("Dock workers have been on strike since September, halting exports.", "strike", "2026-09"),
        ("Farmers have blocked the motorway since Tuesday.", "blocked", "2026-11-17"),
    ],
)
def test_since_dates_the_state_it_starts(text: str, trigger: str, value: str) -> None:
    assert _date(text, trigger) == value


def test_since_on_a_participant_still_does_not_date_the_event() -> None:
    assert _date("Activists held since June were released today.", "released") == THU


def test_participants_clause_date_is_kept_when_nothing_else_dates_the_event() -> None:
    text = "The government imposed sanctions on 14 officials linked to the former president on Friday, the ministry said."
    assert _date(text, "imposed", MON) == "2026-11-20"


@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [  # the parser hangs the day five words below the verb ("on" under "across" under "raids" under "in")
        ("Police arrested over 150 opposition workers in raids across Punjab on Sunday night, party officials said.",
         "arrested", "2026-11-22"),
        ("KARACHI: Rangers arrested over 70 party workers in raids across Sindh on Saturday night, party officials said.",
         "arrested", "2026-11-21"),
    ],
)  # fmt: skip
def test_deep_attached_day_still_dates_the_event(text: str, trigger: str, day: str) -> None:
    assert (_date(text, trigger, MON) or "")[:10] == day


@pytest.mark.parametrize(
    ("text", "trigger", "value"),
    [  # the parser cuts these sentences after "Muen", with no full stop there
        ("Thai and Cambodian troops exchanged fire near the Ta Muen Thom temple on Thursday, the army said.",
         "exchanged", "2026-11-19"),
        ("Troops fired on villagers near the Muen Thom shrine on Tuesday, a local official said.", "fired",
         "2026-11-17"),
    ],
)  # fmt: skip
def test_date_after_a_cut_without_full_stop_still_dates_the_event(
    text: str, trigger: str, value: str
) -> None:
    assert _date(text, trigger, MON) == value


def test_date_in_the_next_paragraph_does_not_date_a_headline() -> None:
    text = "Troops fire on villagers near the border\n\nOfficials met the village elders on Tuesday."
    assert [e.date.value for e in processed_events(text, MON) if e.event == "ASSAULT"] == [MON]


# --------------------------------------------------------------------------- anchored to the text's last day


@pytest.mark.parametrize(
    ("text", "trigger", "value"),
    [
        (
            "Rebels attacked the garrison on Sunday. Hours later, troops stormed the rebel camp.",
            "stormed",
            "2026-11-15",
        ),
        (
            "The bomb went off on Tuesday morning. Minutes later, gunmen opened fire on the crowd.",
            "opened",
            "2026-11-17",
        ),
    ],
)
def test_hours_later_is_the_texts_last_day(text: str, trigger: str, value: str) -> None:
    assert _date(text, trigger) == value


def test_hours_later_without_an_earlier_day_and_days_later_give_no_date() -> None:
    assert normalize("Hours later, police arrested two men.", THU) == []
    assert [t.text for t in normalize("The rebels left on Monday. Days later, the army returned.", THU)] == [
        "Monday"
    ]


@pytest.mark.parametrize(
    ("text", "trigger", "value"),
    [
        (
            "The army was deployed on Thursday, the day after protesters stormed parliament.",
            "stormed",
            "2026-11-18",
        ),
        (
            "Troops entered the city on Saturday, the day after rebels shelled the airport.",
            "shelled",
            "2026-11-13",
        ),
        # the parser makes the span's clause the root and the main clause its complement
        (
            "The border was closed on Tuesday, the day before militants kidnapped two engineers.",
            "kidnapped",
            "2026-11-18",
        ),
        ("The ceasefire collapsed on Friday, the day after both sides signed it.", "signed", "2026-11-12"),
    ],
)
def test_the_day_after_a_clause_is_one_day_before_the_main_clause(
    text: str, trigger: str, value: str
) -> None:
    assert _date(text, trigger) == value


def test_universal_time_is_marked_z() -> None:
    assert _value("The rocket lifted off at 08:30 UTC on Monday.", "08:30 UTC", THU) == "2026-11-16T08:30Z"
    assert _value("The ship sank at 3 p.m. GMT on Friday.", "3 p.m. GMT", THU) == "2026-11-13T15:00Z"
    assert _value("Shelling began at 10:30 IST on Monday.", "10:30 IST", THU) == "2026-11-16T10:30"


if __name__ == "__main__":
    from dateline.evaluate.time import event_dates_own

    res = event_dates_own()
    print(json.dumps({k: v for k, v in res.items() if k != "wrong"}, indent=1))
    print("\n".join(res["wrong"]))


@pytest.mark.parametrize(
    "url, value",
    [
        ("https://www.thehindu.com/news/national/story.ece", "2026-10-12"),
        ("https://www.bbc.co.uk/news/world-1", "2026-10-12"),
        ("https://www.usatoday.com/story/news/world/1", "2026-12-10"),
    ],
)
def test_the_pipeline_reads_numeric_dates_in_the_outlets_order(url: str, value: str) -> None:
    from dateline.model import Document
    from dateline.pipeline import process

    doc = Document(id="t", text="The ministry confirmed the transfer on 12/10/2026 in a short statement.",
                   published="2026-12-20", url=url)  # fmt: skip
    (out,) = process([doc], components=("times",))
    assert [t.value for t in out.timexes if "12/10" in t.text] == [value]
