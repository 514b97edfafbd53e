"""Event arguments, ninth session (issue 3): unnamed perpetrators (PLOVER UAF/UNK), possessors of rejected acts,
untagged names, embedded moves, hostile purposes, conjuncts inside "of" phrases, talks' topic places.

Sentences are our own; none comes from an evaluation set."""

from __future__ import annotations

import pytest

from dateline.events import extract_events
from dateline.model import Document, Event
from dateline.nlp import annotate


def _events(text: str) -> list[Event]:
    return extract_events(next(annotate([Document(id="t", text=text)])))


def _one(text: str, event: str) -> Event:
    evs = [e for e in _events(text) if e.event == event]
    assert evs, f"no {event} in {text!r}: {[e.event for e in _events(text)]}"
    return evs[0]


# --------------------------------------------------------------------------- unnamed perpetrators


@pytest.mark.parametrize(
    ("text", "span", "country"),
    [
        ("A car bomb killed nine people outside a courthouse in Mogadishu.", "A car bomb", "SOM"),
        ("A roadside bomb wounded three policemen near Jalalabad on Friday.", "A roadside bomb", "AFG"),
        (
            "An improvised explosive device killed two soldiers in Borno state.",
            "An improvised explosive device",
            "NGA",
        ),
    ],
)
def test_planted_bomb_is_uaf_with_the_scene_country(text: str, span: str, country: str) -> None:
    ev = _one(text, "ASSAULT")
    assert [(a.text, a.sector, a.country) for a in ev.actor] == [(span, "UAF", country)]
    a = ev.actor[0]
    assert text[a.start : a.end] == span


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Three farmers were killed by a landmine near Kandahar.", "a landmine"),
        ("A bomb exploded on a bus in Jerusalem, wounding 15 passengers.", "A bomb"),
        ("An explosion killed four workers at a mine in Balochistan.", "An explosion"),
    ],
)
def test_bare_device_or_blast_is_unk_without_country(text: str, span: str) -> None:
    ev = _one(text, "ASSAULT")
    assert [(a.text, a.sector, a.country) for a in ev.actor] == [(span, "UNK", None)]


def test_arms_fired_from_afar_keep_no_unnamed_actor() -> None:
    for ev in _events("A drone hit a fuel depot in Sevastopol overnight."):
        assert all(a.sector not in ("UAF", "UNK") for a in ev.actor)


def test_weapon_with_a_named_owner_is_the_owner() -> None:
    ev = _one("The port of Mykolaiv was hit by Russian rockets on Sunday.", "ASSAULT")
    assert [a.country for a in ev.actor] == ["RUS"]
    assert all(a.sector != "UNK" for a in ev.actor)


def test_unnamed_attacker_does_not_clear_the_victims_country() -> None:
    ev = _one("A roadside bomb killed five soldiers near Mosul.", "ASSAULT")
    assert {r.country for r in ev.recipient} == {"IRQ"}


def test_device_outside_the_actor_slot_is_no_actor() -> None:
    for ev in _events("Police defused a bomb near the embassy in Nairobi."):
        assert all(a.sector not in ("UAF", "UNK") for a in [*ev.actor, *ev.recipient])


# --------------------------------------------------------------------------- recipients


def test_possessor_of_a_rejected_document_is_the_recipient() -> None:
    ev = _one("Ghana's parliament rejected the finance minister's budget.", "REJECT")
    assert any("finance minister" in r.text for r in ev.recipient)
    assert all("budget" not in r.text for r in ev.recipient)


def test_untagged_acronym_receives_what_is_given() -> None:
    ev = next(
        e for e in _events("Norway will give 5 million dollars to UNICEF for schools in Chad.") if e.recipient
    )
    assert [r.text for r in ev.recipient] == ["UNICEF"]
    assert all(r.country != "TCD" for r in ev.recipient)


def test_forces_an_embedded_verb_sends_are_not_the_threatened() -> None:
    ev = _one("Turkey threatened to send troops into northern Syria.", "THREATEN")
    assert [r.country for r in ev.recipient] == ["SYR"]


def test_hostile_purpose_names_the_deployment_target() -> None:
    ev = _one("Britain sent two destroyers to the Gulf to deter Iran.", "MOBILIZE")
    assert [r.country for r in ev.recipient] == ["IRN"]


def test_protective_purpose_is_still_no_recipient() -> None:
    ev = _one("France sent troops to Abidjan to protect French citizens.", "MOBILIZE")
    assert all(r.country != "FRA" for r in ev.recipient)


def test_country_short_name_is_not_placed_by_the_town_after_it() -> None:
    ev = _one("Militants fired rockets at a US base in Iraq.", "ASSAULT")
    assert "USA" in {r.country for r in ev.recipient}
    assert "IRQ" not in {r.country for r in ev.recipient}


# --------------------------------------------------------------------------- compound actors


def test_conjunct_inside_an_of_phrase_is_a_second_actor() -> None:
    ev = _one("Soldiers of the Sudanese army and allied militiamen attacked a village in Darfur.", "ASSAULT")
    assert {a.sector for a in ev.actor} >= {"MIL", "PRM"}


def test_unplaced_conjunct_takes_its_siblings_country() -> None:
    ev = _one("Qatar hosted talks between the Afghan government and tribal elders.", "CONSULT")
    assert {r.country for r in ev.recipient} == {"AFG"}


# --------------------------------------------------------------------------- talks: topic places and venues


def test_topic_place_is_neither_location_nor_recipient() -> None:
    ev = _one(
        "Kenyan and Somali officials held talks on the withdrawal of troops from Kismayo in Addis Ababa.",
        "CONSULT",
    )
    assert ev.location is not None and ev.location.text == "Addis Ababa"
    assert all("Kismayo" not in r.text and "Addis" not in r.text for r in ev.recipient)


def test_attack_named_only_by_its_kind_in_a_prepositional_phrase() -> None:
    ev = _one("Eleven people were killed in a car bomb attack in Basra.", "ASSAULT")
    assert [(a.sector, a.country) for a in ev.actor] == [("UAF", "IRQ")]


def test_nominal_bombing_is_its_own_unnamed_actor() -> None:
    ev = _one("Four soldiers died in a roadside bombing near Kandahar.", "ASSAULT")
    assert [(a.text, a.sector) for a in ev.actor] == [("a roadside bombing", "UAF")]


def test_named_owner_of_a_strike_is_not_unnamed() -> None:
    ev = _one("Nine civilians were killed in an Israeli air strike in Rafah.", "ASSAULT")
    assert [a.country for a in ev.actor] == ["ISR"]


# --------------------------------------------------------------------------- whom an attack or protest is aimed at


def test_people_killed_in_the_participle_when_the_object_is_a_thing() -> None:
    ev = _one("Israeli jets struck a car near Tyre, killing two Hezbollah fighters.", "ASSAULT")
    assert [(r.country, r.sector) for r in ev.recipient] == [("LBN", "REB")]


def test_fire_exchanged_by_two_sides_leaves_the_dead_unassigned() -> None:
    ev = _one("India and Pakistan exchanged fire across the border, killing four soldiers.", "ASSAULT")
    assert all(r.sector != "MIL" for r in ev.recipient)


def test_issuer_of_a_protested_decree_is_the_target() -> None:
    ev = _one("Farmers protested against a decree issued by the agriculture ministry.", "PROTEST")
    assert any("ministry" in r.text for r in ev.recipient)
