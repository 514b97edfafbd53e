"""Where and when of events, session 19 (issues 3 and 7): kinds fixed in dateline/events/_where_when.py, each on
sentences of our own (invented news-style text, none taken from a gold set).

- an act "hours/minutes after" another is dated by that gap (the time the "after" span resolves to), not by the
  publication date; the gap does not date the act inside the "after" clause from itself;
- a place in the speaker's phrase of a report ("..., a diplomat in Kabul said", "according to a lawyer in
  Yerevan") is where the speaker is, not where the event happened;
- a place inside an "after/before ..." clause that tells another act is that act's place, not the main event's."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events_helpers import processed_events  # noqa: E402

THU = "2026-11-19"  # a Thursday
FRI = "2026-11-20"


def _event(text: str, trigger: str, published: str = THU) -> Any:
    at = text.index(trigger)
    for e in processed_events(text, published):
        if e.event_start <= at < e.event_end:
            return e
    raise AssertionError(f"no event at {trigger!r} in {text!r}")


def _place(text: str, trigger: str, published: str = FRI) -> str | None:
    loc = _event(text, trigger, published).location
    return loc.text if loc is not None else None


# --------------------------------------------------------------------------- "hours after" dates the act


@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        (
            "Armenia expelled two Azerbaijani diplomats on Tuesday. Baku summoned the Armenian envoy hours after "
            "the decision was announced.",
            "summoned",
            "2026-11-17",
        ),
        (
            "Gunmen attacked a police station in Kano on Monday. Police arrested 12 suspects hours after the attack "
            "was reported, a spokesman said.",
            "arrested",
            "2026-11-16",
        ),
        (
            "Armenia expelled two Azerbaijani diplomats on Tuesday. Azerbaijan closed its embassy in Yerevan minutes "
            "after the decision was announced.",
            "closed",
            "2026-11-17",
        ),
    ],
)
def test_hours_after_dates_the_act(text: str, trigger: str, day: str) -> None:
    d = _event(text, trigger).date
    assert d is not None and d.value == day and d.source == "text"


@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        # the gap resolves from the last day the text named (the report's, "said on Tuesday"): the act in the
        # "after" clause takes the main clause's act's day instead
        (
            "Gunmen attacked a police post in Garissa on Monday, the army said on Tuesday. The attack came hours "
            "after a roadside bomb killed six soldiers near Mandera.",
            "killed",
            "2026-11-16",
        ),
        (
            "A drone strike hit a fuel depot in Sumy on Wednesday, the governor said on Thursday. The strike came "
            "hours after shelling killed four civilians in Kharkiv.",
            "killed",
            "2026-11-18",
        ),
    ],
)
def test_gap_does_not_date_the_clause_from_itself(text: str, trigger: str, day: str) -> None:
    d = _event(text, trigger, FRI).date
    assert d is not None and d.value == day


# --------------------------------------------------------------------------- the speaker's place


@pytest.mark.parametrize(
    ("text", "trigger", "speaker_place"),
    [
        (
            "Serbia will reopen the Jarinje crossing next week, an EU official in Pristina said.",
            "reopen",
            "Pristina",
        ),
        ("Police arrested 30 protesters on Sunday, according to a lawyer in Yerevan.", "arrested", "Yerevan"),
        (
            "Turkey sent 500 commandos to the Syrian border, a security source in Ankara said on Tuesday.",
            "sent",
            "Ankara",
        ),
    ],
)
def test_speaker_place_is_not_the_event_place(text: str, trigger: str, speaker_place: str) -> None:
    assert _place(text, trigger) != speaker_place


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        (
            "Rebels shelled an army base near Goma on Monday, a UN official in Kinshasa said.",
            "shelled",
            "Goma",
        ),
        ("The embassy in Kabul said the talks were held in Doha on Monday.", "held", "Doha"),
    ],
)
def test_event_place_kept_beside_a_speaker_place(text: str, trigger: str, place: str) -> None:
    assert _place(text, trigger) == place


# --------------------------------------------------------------------------- another act's clause


@pytest.mark.parametrize(
    ("text", "trigger", "other_place"),
    [
        (
            "The evacuation of the embassy began a day after protesters blockaded the airport in Goma.",
            "evacuation",
            "Goma",
        ),
        ("Kenya recalled its ambassador after protesters ransacked the embassy in Juba.", "recalled", "Juba"),
        (
            "The convoy withdrew from the valley two days after fighters ambushed a patrol near Kidal.",
            "withdrew",
            "Kidal",
        ),
    ],
)
def test_place_of_an_after_clause_is_not_the_main_event_place(
    text: str, trigger: str, other_place: str
) -> None:
    assert _place(text, trigger) != other_place


def test_after_clause_keeps_its_own_place_and_main_clause_its_own() -> None:
    text = "Police arrested 12 people in Kano after gunmen attacked a church in Jos."
    assert _place(text, "arrested") == "Kano"
    text = "The strike came hours after shelling killed four civilians in Kharkiv."
    assert _place(text, "killed") == "Kharkiv"
    text = "The attack came hours after a roadside bomb killed six soldiers near Mandera."
    assert _place(text, "killed") == "Mandera"


# --------------------------------------------------------------------------- "shortly after the attack"


@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        (
            "Rebels attacked the town of Beni on Tuesday. The army sent reinforcements soon after the attack, "
            "officials said.",
            "sent",
            "2026-11-17",
        ),
        (
            "Protesters marched on parliament on Monday. Police arrested 40 people shortly after the demonstration.",
            "arrested",
            "2026-11-16",
        ),
        (
            "Iranian missiles struck two bases in Iraq on Wednesday. Iran has admitted that its air defences shot "
            "down a Ukrainian airliner shortly after the missile attack.",
            "shot",
            "2026-11-18",
        ),
    ],
)
def test_shortly_after_an_event_noun_dates_by_that_event(text: str, trigger: str, day: str) -> None:
    d = _event(text, trigger, FRI).date
    assert d is not None and d.value == day


# --------------------------------------------------------------------------- "the 2019 agreement was signed"


@pytest.mark.parametrize(
    ("text", "trigger", "year"),
    [
        ("The 2019 border agreement was signed in Astana.", "signed", "2019"),
        ("A 2008 peace accord with the rebels was signed in Addis Ababa.", "signed", "2008"),
    ],
)
def test_year_of_the_signed_deal_dates_the_signing(text: str, trigger: str, year: str) -> None:
    d = _event(text, trigger, FRI).date
    assert d is not None and d.value == year


def test_signing_day_beats_the_deal_clause_date() -> None:
    text = "The ceasefire deal reached last week was signed in Doha on Monday."
    assert _event(text, "signed", FRI).date.value == "2026-11-16"


def test_same_day_gap_keeps_a_week_whole() -> None:
    # the earlier event is dated only to a week: "shortly after" it is that week, not the week's Monday
    text = "Rebels fired rockets at the base almost two weeks ago. Iran shot down an airliner shortly after the attack."
    assert _event(text, "shot", FRI).date.value == "2026-W45"


# --------------------------------------------------------------------------- where a force comes from


@pytest.mark.parametrize(
    ("text", "trigger", "origin", "place"),
    [
        ("The army flew 300 commandos from Lagos to Maiduguri on Monday.", "flew", "Lagos", "Maiduguri"),
        (
            "Nigeria deployed 500 soldiers from its base in Kaduna to Zamfara state.",
            "deployed",
            "Kaduna",
            "Zamfara",
        ),
        ("Rwanda sent troops from Kigali to the border with Burundi.", "sent", "Kigali", None),
    ],
)
def test_origin_of_a_deployment_is_not_its_place(
    text: str, trigger: str, origin: str, place: str | None
) -> None:
    got = _place(text, trigger)
    assert got != origin
    if place is not None:
        assert got == place


def test_withdrawal_keeps_the_place_it_leaves() -> None:
    assert _place("France pulled its last troops out of Niger on Friday.", "pulled") == "Niger"


# --------------------------------------------------------------------------- a deadline of the act agreed to


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "At the talks the two ministers agreed to set up a joint commission to mark the border by next summer.",
            "agreed",
        ),
        ("The rebels agreed to hand over their weapons by the end of the year.", "agreed"),
        ("The UN demanded that the militia withdraw from the town by Friday.", "demanded"),
    ],
)
def test_deadline_of_the_agreed_act_does_not_date_the_agreement(text: str, trigger: str) -> None:
    d = _event(text, trigger, FRI).date
    assert d is not None and d.source == "published"


@pytest.mark.parametrize(
    ("text", "trigger", "value"),
    [
        (
            "The rebels agreed on Tuesday to hand over their weapons by the end of the year.",
            "agreed",
            "2026-11-17",
        ),
        ("Rebels must withdraw from the city by Friday under the agreement.", "withdraw", "2026-11-20"),
        ("Germany will station a brigade of 4,000 soldiers in Poland by 2028.", "station", "2028"),
    ],
)
def test_own_day_and_own_deadline_kept(text: str, trigger: str, value: str) -> None:
    assert _event(text, trigger, FRI).date.value == value
