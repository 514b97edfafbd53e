"""Session 20, events round 2: two different acts of one type in an article (an arrest and a seizure, an expulsion
and a cut in ties) stay two events even on one day, while two wordings of one act still fold; barriers put up by
security forces (COERCE restrict); ships and boats delivered (AID); things counted with no unit before (computers,
servers, homes) and more names of soldiers read as troops. Each kind in our own wording."""

from __future__ import annotations

import pytest
from events_helpers import processed_events

from dateline.sizes import extract_sizes

PUB = "2024-03-20"


def _of(text: str, event: str) -> list:
    return [e for e in processed_events(text, PUB) if e.event == event]


# ------------------------------------------------------------------ two acts of one type are two events


@pytest.mark.parametrize(
    ("text", "modes"),
    [
        (
            "Soldiers seized the offices of the national radio station in Lome on Monday. Troops also detained the "
            "interior minister earlier in the day, a witness said.",
            {"seize", "arrest"},
        ),
        (
            "Mutinous officers took over the state television building on Sunday. Soldiers arrested the defence "
            "minister at his residence the same day, his aide said.",
            {"seize", "arrest"},
        ),
        (
            "Ghana expelled four Nigerian diplomats on Friday. Ghana cut diplomatic ties with Nigeria on Friday, "
            "the foreign ministry said.",
            {"expel", "withdraw"},
        ),
        (
            "Mali expelled the French ambassador on Tuesday. Mali also suspended all flights to France on Tuesday.",
            {"expel", "discontinue"},
        ),
    ],
)
def test_acts_of_other_modes_stay_apart(text: str, modes: set[str]) -> None:
    evs = processed_events(text, PUB)
    assert {e.mode for e in evs} >= modes, [(e.event, e.mode, e.event_text) for e in evs]


def test_each_act_keeps_its_own_source() -> None:
    text = (
        "Soldiers seized the offices of the national radio station in Lome on Monday. Troops also detained the "
        "interior minister earlier in the day, a witness said."
    )
    seize = [e for e in _of(text, "COERCE") if e.mode == "seize"]
    assert seize and seize[0].source is None, [(e.mode, e.source) for e in _of(text, "COERCE")]


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested the opposition leader in Harare on Monday. Officers detained the opposition leader at his "
        "home, his lawyer said.",
        "Police in Lagos detained the editor of the weekly on Friday. Police arrested the editor at the airport, a "
        "colleague said.",
    ],
)
def test_two_wordings_of_one_arrest_fold(text: str) -> None:
    evs = _of(text, "COERCE")
    assert len(evs) == 1 and len(evs[0].mentions) == 2, [(e.mode, e.event_text) for e in evs]


def test_raid_and_operation_fold() -> None:
    text = (
        "Commandos raided the rebel camp near Goma on Friday. Troops carried out the operation against the rebel "
        "camp before dawn, the army said."
    )
    assert len(_of(text, "COERCE")) == 1, [(e.event, e.mode) for e in processed_events(text, PUB)]


# ------------------------------------------------------------------ barriers, deliveries


@pytest.mark.parametrize(
    "text",
    [
        "Scores of troops erected roadblocks on the roads into the capital.",
        "Police erected a roadblock outside the court on Thursday.",
        "Scores of soldiers set up roadblocks around the airport on Monday.",
        "Police set up a roadblock outside the court.",
        "The navy set up a blockade of the port.",
        "Warships mounted a blockade of the harbour on Sunday.",
    ],
)
def test_roadblocks_put_up_by_security_forces(text: str) -> None:
    evs = _of(text, "COERCE")
    assert evs and evs[0].mode == "restrict", [(e.event, e.mode) for e in processed_events(text, PUB)]


@pytest.mark.parametrize(
    "text",
    [
        "Villagers erected roadblocks to protest the eviction.",
        "Farmers set up roadblocks on the motorway to protest fuel prices.",
        "Truckers mounted a blockade of the border crossing.",
    ],
)
def test_barriers_put_up_by_protesters_are_a_protest(text: str) -> None:
    assert _of(text, "PROTEST"), [(e.event, e.mode) for e in processed_events(text, PUB)]


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Soldiers set up checkpoints and roadblocks across the capital on Sunday.", "asserted"),
        ("Police will set up roadblocks on Friday.", "future"),
    ],
)
def test_set_up_reads_the_verbs_tense(text: str, fact: str) -> None:
    evs = _of(text, "COERCE")
    assert evs and evs[0].factuality == fact, [(e.event, e.factuality) for e in processed_events(text, PUB)]


@pytest.mark.parametrize(
    "text",
    [
        "Washington has delivered only two of the six patrol boats it promised to Manila.",
        "Japan delivered three coast guard vessels to Vietnam last month.",
        "Britain has delivered four of the ten ships it pledged to Kyiv.",
    ],
)
def test_boats_delivered_are_aid(text: str) -> None:
    evs = _of(text, "AID")
    assert evs and evs[0].factuality == "asserted", [
        (e.event, e.factuality) for e in processed_events(text, PUB)
    ]


# ------------------------------------------------------------------ sizes


def _sizes(text: str) -> list[tuple[float | None, float | None, str | None]]:
    return [(s.min, s.max, s.unit) for s in extract_sizes(text)]


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("The attackers wiped data from nearly 2,000 computers at the ministry.", "devices", 2000),
        ("The malware encrypted files on more than 300 servers.", "devices", 300),
        ("Hackers broke into the bank and disabled about 450 laptops.", "devices", 450),
    ],
)
def test_things_counted(text: str, unit: str, value: int) -> None:
    got = _sizes(text)
    assert any(u == unit and value in (lo, hi) for lo, hi, u in got), got


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Uruguay will send 250 blue helmets to Congo.", 250),
        ("Iran sent 2,000 Revolutionary Guards to Syria.", 2000),
        ("Britain deployed 120 airmen to Romania.", 120),
        ("France deployed 300 legionnaires to Mali.", 300),
        ("Chad sent a battalion of 850 men to the north.", 850),
        ("Ghana sent a company of about 120 men to Liberia.", 120),
    ],
)
def test_names_of_soldiers(text: str, value: int) -> None:
    got = _sizes(text)
    assert any(u == "troops" and value in (lo, hi) for lo, hi, u in got), got


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Police detained 40 men in the raid.", "people"),
        ("The gunmen took 12 men from the bus.", "people"),
    ],
)
def test_men_without_a_formation_stay_people(text: str, unit: str) -> None:
    assert [u for _, _, u in _sizes(text)] == [unit], _sizes(text)


def test_houses_are_no_size() -> None:
    assert _sizes("Officials said 30 to 40 houses were burned in the raid.") == [], _sizes(
        "Officials said 30 to 40 houses were burned in the raid."
    )


def test_guard_boats_are_ships() -> None:
    got = _sizes("Two Revolutionary Guard patrol boats shadowed the freighter.")
    assert [u for _, _, u in got] == ["ships"], got


def test_helmets_alone_are_no_troops() -> None:
    assert all(u != "troops" for _, _, u in _sizes("Germany donated 5,000 helmets to the Ukrainian army.")), (
        _sizes("Germany donated 5,000 helmets to the Ukrainian army.")
    )
