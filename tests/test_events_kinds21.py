"""Kinds of typing miss found by the end-to-end audit of session 21 (issue 3), each in our own wording and decided by
the PLOVER manual: people barred from moving money or using banks (an asset freeze: SANCTION, not a ban), a
statement or resolution blocked (REJECT, not a blockade), blockades cleared by security forces (COERCE restrict),
stones thrown and tyres set on fire by civilians (PROTEST), and ships or aircraft sent with relief (AID, not a
deployment; the manual's MOBILIZE note: forces mobilized for disaster relief are AID)."""

from __future__ import annotations

import pytest
from events_helpers import helpers_for

PUB = "2024-03-20"
_events, _types, _of = helpers_for(PUB)


@pytest.mark.parametrize(
    ("text", "event", "mode"),
    [
        # asset freezes by another wording (manual, SANCTION discontinue)
        ("Canada barred 200 officials from moving money through its banks.", "SANCTION", "discontinue"),
        ("Norway banned the ministers from using its banks.", "SANCTION", "discontinue"),
        # a council text blocked is refused (manual, REJECT: all rejections and refusals)
        ("Russia blocked a Security Council statement on the crackdown.", "REJECT", None),
        ("India blocked a resolution condemning the coup.", "REJECT", None),
        # blockades cleared by force (manual, COERCE restrict)
        ("Police cleared barricades on the main road.", "COERCE", "restrict"),
        ("Troops cleared roadblocks on the highway near Quito.", "COERCE", "restrict"),
        # violent protest (manual, PROTEST riot)
        ("Residents of Osh threw stones at border guards.", "PROTEST", "riot"),
        ("Youths hurled rocks at police in Srinagar.", "PROTEST", "riot"),
        # tyres and effigies set on fire (the same act as burning them: PROTEST demo)
        ("Drivers set fire to tyres on the motorway.", "PROTEST", "demo"),
        ("Students set fire to an effigy of the minister outside parliament.", "PROTEST", "demo"),
        # ships and aircraft sent with relief (manual, MOBILIZE note: AID)
        ("Japan sent a navy ship with relief supplies to Tonga.", "AID", None),
        ("France dispatched two military planes carrying tents and medicine to Haiti.", "AID", None),
    ],
)
def test_kind(text: str, event: str, mode: str | None) -> None:
    evs = _of(text, event)
    assert evs and evs[0].mode == mode, (text, _events(text))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # guards: the neighbouring readings stay
        ("Rebels set fire to the village.", "COERCE"),
        ("Turkey sent a navy ship to the coast of Libya.", "MOBILIZE"),
        ("Britain sent a warship to the Gulf to protect oil tankers.", "MOBILIZE"),
        ("Beijing dispatched coast guard ships to waters near the disputed shoal.", "MOBILIZE"),
        ("Australia barred the generals from entering the country.", "REJECT"),
    ],
)
def test_neighbour_kept(text: str, event: str) -> None:
    assert event in _types(text), (text, _events(text))


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("The World Food Programme flew 40 tonnes of rice to Beira on Sunday.", "Beira"),
        ("Japan sent aid to Nairobi, the Kenyan capital, on Monday.", "Nairobi"),
    ],
)
def test_relief_delivered_to_a_town_is_placed_there(text: str, town: str) -> None:
    from events_helpers import processed_events

    evs = [e for e in processed_events(text, PUB) if e.event == "AID"]
    assert evs and evs[0].location is not None and evs[0].location.name == town, (text, evs)


def test_relief_to_a_country_keeps_no_town() -> None:
    text = "Germany sent 20 tonnes of medicine to Ukraine."
    from events_helpers import processed_events

    evs = [e for e in processed_events(text, PUB) if e.event == "AID"]
    assert evs and evs[0].location is None, evs


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("A Nairobi court sentenced two activists to five years in prison.", "Nairobi"),
        ("A Lagos court jailed three bloggers on Monday.", "Lagos"),
    ],
)
def test_court_rules_at_its_seat(text: str, town: str) -> None:
    from events_helpers import processed_events

    evs = processed_events(text, PUB)
    assert evs and all(e.location is not None and e.location.name == town for e in evs), (text, evs)


def test_court_named_by_a_speaker_places_nothing() -> None:
    from events_helpers import processed_events

    text = "Kenyan police arrested two activists, a Nairobi court official said."
    evs = processed_events(text, PUB)
    assert evs and all(e.location is None for e in evs), evs
