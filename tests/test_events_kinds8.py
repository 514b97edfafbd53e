"""Kinds of trigger fault found end to end late in session 9, each tested in our own wording: a size range in a
moved force, "similar" marking another occurrence, armed groups entering a town, medical and relief work by an aid
body, and a military "strike on" a country that is no labour strike."""

from __future__ import annotations

import pytest
from events_helpers import helpers_for

PUB = "2025-06-04"
_events, _types, _of = helpers_for(PUB)


@pytest.mark.parametrize(
    "text",
    [
        "The ministry moved between 600 and 900 soldiers to the eastern frontier last week.",
        "The junta sent between 2,000 and 3,000 troops to the coast on Sunday.",
    ],
)
def test_size_range_in_moved_force_keeps_mobilize(text: str) -> None:
    assert "MOBILIZE" in _types(text), (text, _events(text))


def test_similar_protest_is_another_occurrence() -> None:
    text = (
        "Thousands of nurses protested outside parliament in Lima on Tuesday. "
        "A similar protest about ten days ago drew roughly 5,000 people, organisers said."
    )
    assert len(_of(text, "PROTEST")) == 2, _events(text)


@pytest.mark.parametrize(
    "text",
    [
        "Miners protested in Potosi on Friday. A similar protest drew crowds in the capital too.",
        "Students marched on the ministry. A similar march also took place last month.",
    ],
)
def test_similar_event_not_merged_into_earlier(text: str) -> None:
    # "similar" names another occurrence of the same kind (like "another", "separate")
    assert len(_of(text, "PROTEST")) == 2, _events(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rebel fighters entered the town of Kalemie on Thursday, residents said.",
        "Dozens of militants moved into the village overnight.",
        "The rebels entered Goma late on Saturday.",
    ],
)
def test_armed_group_entering_a_place_mobilizes(text: str) -> None:
    # manual, MOBILIZE militia: a non-state force's movement; no fighting named, so no ASSAULT
    evs = _of(text, "MOBILIZE")
    assert evs and evs[0].mode == "militia", (text, _events(text))


def test_rebels_moving_on_stay_no_entry_of_a_body() -> None:
    # a rebel group entering talks is no troop movement
    assert "MOBILIZE" not in _types("The rebels entered negotiations with the government in May.")


@pytest.mark.parametrize(
    "text",
    [
        "Medics from Doctors Without Borders treated 400 patients at the camp last month.",
        "UNICEF vaccinated 30,000 children against measles in the flooded districts.",
        "The World Food Programme distributed food to 12,000 displaced families near Kassala.",
        "The FAO distributed seeds to farmers in the drought-hit north.",
    ],
)
def test_aid_work_by_aid_body_or_medics(text: str) -> None:
    assert "AID" in _types(text), (text, _events(text))


@pytest.mark.parametrize(
    "text",
    [
        "Police are treating the fire as suspicious.",
        "The campaign distributed leaflets across the city.",
    ],
)
def test_aid_look_alikes(text: str) -> None:
    assert "AID" not in _types(text), (text, _events(text))


@pytest.mark.parametrize(
    "text",
    [
        "Israel has not ruled out strikes on Iran, a senior official said.",
        pytest.param(
            "The defence minister said further strikes on Syria were possible.",
            # the project's convention drops an event only judged or forecast ("verdict" class: "possible")
            marks=pytest.mark.xfail(reason="forecast predicate convention: no event", strict=True),
        ),
    ],
)
def test_strike_on_a_country_is_assault(text: str) -> None:
    types = _types(text)
    assert "ASSAULT" in types and "PROTEST" not in types, (text, _events(text))


def test_strike_over_pay_stays_protest() -> None:
    assert "PROTEST" in _types("The teachers' union has not ruled out strikes over pay in September.")
