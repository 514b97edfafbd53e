"""Kinds of event miss found in session 23 (events2; each in our own wording, none from an evaluation set): a force
taking up positions or moved to a frontier (MOBILIZE); curfews reimposed or ordered (COERCE curfew); a prison taken
over; goods held or blocked by customs (COERCE); a protest note handed over (ACCUSE, conv 9); a blocked proposal
(REJECT, whoever blocks it); a court's seat in its own phrase ("a magistrate in Gulu") as the ruling's place."""

from __future__ import annotations

import pytest
from events_helpers import helpers_for, processed_events

PUB = "2024-03-20"
_events, _types, _of = helpers_for(PUB)


def _typed(text: str) -> set[tuple[str, str | None]]:
    return {(e.event, e.mode) for e in _events(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Ethiopian army units took up positions along the border on Monday.",
        "Rebel fighters took up positions near the frontier with Eritrea.",
        "Sudanese forces moved to the border with Chad on Tuesday.",
        "Rwandan troops moved up to the frontier overnight.",
    ],
)
def test_force_posted_on_a_frontier_mobilizes(text: str) -> None:
    assert ("MOBILIZE", "troops") in _typed(text), (text, _events(text))


@pytest.mark.parametrize(
    "text",
    [
        "Protesters took up positions outside parliament on Monday.",
        "Photographers took up positions outside the court.",
        "The army kept its troops in their barracks during the vote.",
        "The firm moved to the border town of Beitbridge last year.",
        "The company moved to Lagos in 2019.",
    ],
)
def test_no_force_posted(text: str) -> None:
    assert "MOBILIZE" not in _types(text), (text, _events(text))


@pytest.mark.parametrize(
    "text",
    [
        "The government reimposed a night curfew in Freetown on Tuesday.",
        "Authorities reimposed a dusk-to-dawn curfew in Bamako.",
        "The government ordered a curfew in Conakry last night.",
        "The army ordered a night curfew in Juba on Friday.",
        "The interior minister declared a curfew in the northern provinces.",
    ],
)
def test_curfew_reimposed_or_ordered_coerces(text: str) -> None:
    assert _typed(text) == {("COERCE", "curfew")}, (text, _events(text))


def test_curfew_lifted_stays_a_concession() -> None:
    assert _types("The government lifted the night curfew in Freetown.") == {"CONCEDE"}


@pytest.mark.parametrize(
    "text",
    [
        "Inmates took control of the national penitentiary this afternoon.",
        "Prisoners took control of the district jail in Mbale on Sunday.",
    ],
)
def test_prison_taken_over_is_an_event(text: str) -> None:
    assert _events(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan customs officials held upwards of 300 containers at the port of Mombasa.",
        "Customs officers have held more than 40 consignments of rice since March.",
    ],
)
def test_goods_held_are_seized(text: str) -> None:
    assert ("COERCE", "seize") in _typed(text), (text, _events(text))


@pytest.mark.parametrize(
    "text",
    [
        "Beijing denied that it had blocked any Taiwanese goods.",
        "The ministry blocked 60 containers of textiles at the port.",
    ],
)
def test_goods_blocked_are_restricted(text: str) -> None:
    assert "COERCE" in _types(text) and "PROTEST" not in _types(text), (text, _events(text))


@pytest.mark.parametrize(
    "text",
    [
        "Greece handed a protest note to the Turkish ambassador on Monday.",
        "Serbia handed a note of protest to the Croatian charge d'affaires.",
        "Chile delivered a protest note to the Bolivian consul.",
    ],
)
def test_protest_note_accuses(text: str) -> None:
    assert ("ACCUSE", "disapprove") in _typed(text), (text, _events(text))


def test_a_plain_note_is_no_protest() -> None:
    assert not _events("The waiter handed a note to the minister.")


@pytest.mark.parametrize(
    "text",
    [
        "Rebels blocked the peace deal.",
        "The junta blocked the resolution.",
    ],
)
def test_a_blocked_proposal_is_rejected(text: str) -> None:
    assert _types(text) == {"REJECT"}, (text, _events(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("A magistrate in Gulu released the journalist on bail on Monday.", "Gulu"),
        ("A court in Mombasa jailed two smugglers on Monday.", "Mombasa"),
        ("A judge in Lira freed the opposition leader.", "Lira"),
    ],
)
def test_court_seat_in_its_own_phrase(text: str, place: str) -> None:
    evs = processed_events(text, PUB)
    assert evs and all(e.location and e.location.text == place for e in evs), (text, evs)


def test_court_seat_yields_to_the_act_place() -> None:
    evs = processed_events("A court in Kampala sentenced him, but he was arrested in Gulu.", PUB)
    assert {(e.event, e.location.text if e.location else None) for e in evs} == {
        ("SANCTION", "Kampala"),
        ("COERCE", "Gulu"),
    }
