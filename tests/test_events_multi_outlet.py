"""Kinds of extraction fault that cost cross-article merging its recall (issues 3 and 7), found by running our
multi-outlet DEV stories: a protest "in the capital" placed at the country, two attacks of one article merged,
a harm denied for an attack that happened, a counted crowd in an "after" clause, an attack that a deployment
answers, events told "a day after" another, a wire dateline's date taken for the event's, recipients named two
ways, and shells or troops that "land". Every sentence is our own wording."""

from __future__ import annotations

import pytest
from events_helpers import helpers_for

from dateline.model import Document
from dateline.pipeline import process

PUB = "2025-06-20"  # a Friday
_events, _types, _of = helpers_for(PUB)


def _story(text: str, published: str = PUB, **extra: object) -> list:
    """Events of a text run through the whole per-document pipeline (places, times, quotes, events)."""
    doc = process([Document(id="story", text=text, published=published, extra=dict(extra))])[0]
    return doc.events


# --- where: "the capital" is the capital of the country named; a town beats its country


def test_protest_in_the_capital_is_placed_at_that_capital() -> None:
    evs = [e for e in _story("In Armenia, about 5,000 people marched in the capital on Friday against a new tax.")
           if e.event == "PROTEST"]  # fmt: skip
    assert evs and evs[0].location is not None
    assert evs[0].location.name == "Yerevan" and evs[0].location.country == "ARM"


def test_capital_protest_and_provincial_rally_stay_two_events() -> None:
    text = (
        "In Armenia, about 5,000 people marched in the capital on Friday against a new tax. "
        "Smaller crowds gathered in Gyumri, in the north."
    )
    protests = [e for e in _story(text) if e.event == "PROTEST"]
    assert len(protests) == 2
    assert {p.location.name for p in protests if p.location} == {"Yerevan", "Gyumri"}


def test_named_capital_phrase_is_left_to_the_gazetteer() -> None:
    evs = [
        e
        for e in _story("Thousands marched in the capital of Kenya, Nairobi, on Friday.")
        if e.event == "PROTEST"
    ]
    assert evs and evs[0].location is not None and evs[0].location.country == "KEN"


def test_elsewhere_starts_another_attack() -> None:
    text = (
        "Gunmen ambushed a police patrol near Kidal on Monday, killing six officers. "
        "Elsewhere in Mali, a roadside bomb killed two civilians near Menaka on Monday, the UN said."
    )
    attacks = [e for e in _story(text) if e.event == "ASSAULT"]
    assert len(attacks) == 2
    assert attacks[1].location is not None and attacks[1].location.feature != "country"


def test_attacks_dated_on_different_days_are_not_merged() -> None:
    text = (
        "On Sunday, six rockets hit an air base north of Baghdad, wounding two Iraqi airmen. "
        "On Tuesday rockets also struck Camp Taji, but nobody was hurt."
    )
    attacks = [e for e in _story(text, "2020-01-16") if e.event == "ASSAULT"]
    assert len(attacks) == 2
    assert {a.date.value for a in attacks} == {"2020-01-12", "2020-01-14"}


# --- the harm is denied, the attack is not


@pytest.mark.parametrize(
    "text",
    ["Tuesday's rocket attacks on the two bases killed nobody, officials said.",
     "No one was hurt in the rocket attack on the embassy, police said."],
)  # fmt: skip
def test_attack_that_hurt_no_one_still_happened(text: str) -> None:
    evs = _of(text, "ASSAULT")
    assert evs and all(e.factuality == "asserted" for e in evs)


def test_attack_denied_outright_stays_negated() -> None:
    assert [e.factuality for e in _of("The gunmen did not kill anyone in the village.", "ASSAULT")] == [
        "negated"
    ]


# --- subordinate clauses that carry news of their own


def test_counted_crowd_in_after_clause_is_a_protest() -> None:
    types = _types(
        "Police detained more than 40 people overnight after tens of thousands protested in the capital."
    )
    assert {"COERCE", "PROTEST"} <= types


def test_uncounted_after_clause_stays_background() -> None:
    assert "PROTEST" not in _types("Police detained 40 people after protesters blocked the main road.")


def test_deployment_answering_an_attack_reports_both() -> None:
    text = "The ministry is sending 2,000 more troops to the border, hours after a rocket attack killed four soldiers."
    assert {"MOBILIZE", "ASSAULT"} <= _types(text)


def test_mobilisation_within_an_attack_is_still_the_attack() -> None:
    types = _types("Reservists were mobilised and opened fire on the gunmen near the border post.")
    assert "ASSAULT" in types and "MOBILIZE" not in types


# --- when: "a day after", "two days before"; the wire dateline is the filing date


def test_a_day_after_the_main_event() -> None:
    text = (
        "Russian drones hit the port of Izmail on Thursday, killing three people. "
        "The strikes came a day after Russian and Ukrainian negotiators held talks in Istanbul."
    )
    talks = [e for e in _story(text) if e.event == "CONSULT"]
    assert talks and talks[0].date.value == "2025-06-18"


def test_days_after_an_undated_main_clause_count_from_publication() -> None:
    evs = [
        e
        for e in _story("The release came two days after 3,000 people marched in Bamako.")
        if e.event == "PROTEST"
    ]
    assert evs and evs[0].date.value == "2025-06-18"


def test_wire_dateline_is_not_the_event_date() -> None:
    text = "BAMAKO, Oct 13 (Sahel Wire) - Militants on Sunday freed two Spanish aid workers, officials said."
    wire = {"text": "BAMAKO, Oct 13 (Sahel Wire)", "date": "Oct 13"}
    evs = [e for e in _story(text, "2025-10-13", wire_dateline=wire) if e.event == "RETREAT"]
    assert evs and evs[0].date.value == "2025-10-12"


# --- one threat, its recipient named two ways


def test_recipients_coded_to_one_country_are_one_side() -> None:
    text = (
        "Israel warned Tehran on Sunday that it would strike back hard if attacked. "
        "Israel said Iran would be hit very hard if it attacked any Israeli town."
    )
    threats = [e for e in _story(text, "2025-06-16") if e.event == "THREATEN"]
    assert len(threats) == 1


# --- the lexicon: what lands or blasts


@pytest.mark.parametrize(
    "text,event",
    [
        ("Artillery shells landed in the border village on Monday, officials said.", "ASSAULT"),
        ("About 300 paratroopers landed at the air base on Monday.", "MOBILIZE"),
        ("Rebel gunners blasted the town on Monday.", "ASSAULT"),
        ("The senator blasted the plan as reckless.", "ACCUSE"),
    ],
)
def test_subjects_decide_land_and_blast(text: str, event: str) -> None:
    assert event in _types(text)


def test_a_plane_that_lands_is_no_event() -> None:
    assert _types("The plane landed in Rome on Monday.") == set()
