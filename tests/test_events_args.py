"""Argument selection by kind (issue 3, session 6): who the actor and the recipient are. Each test names one kind
of the parse, in our own wording (not the sentences of tests/data/events_own_args.jsonl, nor any evaluation
item): people named with a nationality, a place or nationality that only says whose the people are, rescued people,
a counterpart, targets named by their holders ("jihadist positions", "rebel-held towns"), freed soldiers, an act's
agent, place phrases inside an actor, relation nouns ("Israel's ally"), a shared head noun, water, venues of a
signing, subjects hung on a fronted phrase. Also the `own_args` view of the events suite."""

from __future__ import annotations

from typing import Any

import pytest

from tests.events_helpers import helpers_for

events, types, of = helpers_for("2021-03-02")


def _codes(actors: list[Any]) -> set[tuple[str | None, str | None]]:
    return {(a.country, a.sector) for a in actors}


def _one(text: str, event: str) -> Any:
    evs = of(text, event)
    assert evs, f"no {event} in {text!r}: {[e.event for e in events(text)]}"
    return evs[0]


# --- people objects: the people, not only their nationality


def test_people_object_with_a_nationality_is_the_people() -> None:
    ev = _one("Belgian prosecutors charged a Burundian nurse with war crimes.", "ACCUSE")
    assert any(r.text.endswith("nurse") and r.country == "BDI" for r in ev.recipient)


def test_counterpart_holds_the_actors_office() -> None:
    ev = _one("Kenya's foreign minister met his Somali counterpart in Nairobi on Tuesday.", "CONSULT")
    assert ("SOM", "GOV") in _codes(ev.recipient)


# --- a place or nationality found beyond the object places the people, it does not replace them


def test_place_gives_the_country_of_people_it_does_not_replace_them() -> None:
    ev = _one("Peruvian police captured a drug lord in a raid in Callao.", "ASSAULT")
    assert ev.recipient and all(r.sector == "CRM" and r.country == "PER" for r in ev.recipient)
    assert "Callao" not in {r.text for r in ev.recipient}


def test_rescued_people_are_the_recipients_of_aid() -> None:
    ev = _one("Italian coastguard ships rescued 60 migrants off the island of Lampedusa.", "AID")
    assert any("migrants" in r.text and r.sector == "CVL" for r in ev.recipient)
    assert not any(r.text == "Lampedusa" for r in ev.recipient)


# --- targets named by who holds them


def test_positions_named_by_their_holders_are_the_recipient() -> None:
    ev = _one("Algerian jets bombed jihadist positions in southern Libya.", "ASSAULT")
    assert any("jihadist positions" in r.text and r.sector == "REB" for r in ev.recipient)
    assert all(r.country != "DZA" for r in ev.recipient)  # not the attackers' own country


def test_rebel_held_area_is_held_by_the_rebels() -> None:
    ev = _one("Government artillery pounded rebel-held districts of the city.", "ASSAULT")
    assert any(r.sector == "REB" for r in ev.recipient)


def test_nationality_of_a_held_area_goes_with_its_holder() -> None:
    ev = _one("Army gunners shelled Kurdish rebel-held villages overnight.", "ASSAULT")
    rebels = [r for r in ev.recipient if r.sector == "REB"]
    assert rebels and rebels[0].text.startswith("Kurdish")


def test_freed_soldiers_are_the_recipients_of_a_release() -> None:
    ev = _one("The insurgents freed 14 army conscripts on Sunday after talks with elders.", "RETREAT")
    assert any("conscripts" in r.text for r in ev.recipient)


def test_act_named_by_its_agent_gives_the_recipient() -> None:
    ev = _one("Riot police blocked a march organised by nurses near the ministry in Dhaka.", "COERCE")
    assert any("nurses" in r.text for r in ev.recipient)
    assert "Dhaka" not in {r.text for r in ev.recipient}


# --- spans inside an actor phrase


def test_actor_span_takes_the_whole_place_phrase() -> None:
    ev = _one("Gendarmes in the Turkish province of Hatay detained nine smugglers.", "COERCE")
    texts = [a.text for a in ev.actor]
    assert texts and not texts[0].endswith("Turkish")
    assert ev.actor[0].country == "TUR"


def test_relation_noun_possessor_is_the_other_side() -> None:
    ev = _one("Rebel gunmen ambushed Iran's militia allies in eastern Syria.", "ASSAULT")
    assert ev.recipient and all(r.country != "IRN" for r in ev.recipient)


def test_coordinated_nationalities_share_the_noun() -> None:
    ev = _one("Guinean soldiers beat scores of Sierra Leonean and Liberian traders at the border.", "ASSAULT")
    assert {("SLE", "BUS"), ("LBR", "BUS")} <= _codes(ev.recipient)


# --- places that are only where: staging, water, venues


def test_a_sea_is_no_recipient() -> None:
    ev = _one("Pirates attacked a cargo ship in the Gulf of Guinea.", "ASSAULT")
    assert ev.recipient and not any("Gulf" in r.text for r in ev.recipient)


def test_venue_of_a_signing_is_no_recipient() -> None:
    ev = _one("The Colombian government and the rebels signed a peace accord in Havana.", "SUPPORT")
    assert not any(r.text == "Havana" for r in ev.recipient)
    assert ("COL", "GOV") in _codes(ev.actor)


# --- the own_args view


def test_own_args_view_scores_our_argument_set() -> None:
    from dateline.evaluate.events import _own_args

    out = _own_args()
    assert out["sentences"] >= 100
    assert out["actor_country_accuracy"] >= 0.9
    assert out["recipient_country_accuracy"] >= 0.85
    assert out["recipient_country_precision"] >= 0.8
    assert set(out["by_kind"]) >= {"passive", "capital", "staging", "place-loc", "modifier"}


@pytest.mark.parametrize("field", ["actors", "recipients"])
def test_own_args_rows_are_well_formed(field: str) -> None:
    import json
    from pathlib import Path

    path = Path(__file__).parent / "data" / "events_own_args.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        for code, sector in r[field]:
            assert code is None or (len(code) == 3 and code.isupper())
            assert sector is None or (len(sector) == 3 and sector.isupper())


# --- subjects the parser hung elsewhere; an actor is never its own recipient


def test_subject_after_a_fronted_phrase_keeps_both_conjuncts() -> None:
    ev = _one(
        "With the signing of a framework deal in Oslo, the Philippine government and the NDF have agreed to "
        "resume talks.",
        "AGREE",
    )
    assert ("PHL", "GOV") in _codes(ev.actor)
    assert any(a.text == "the NDF" for a in ev.actor)
    assert not ev.recipient  # the fronted phrase is circumstance


def test_actors_are_not_their_own_recipients() -> None:
    ev = _one("After two days of talks in Doha, Eritrea and Djibouti agreed to release prisoners.", "AGREE")
    actors = {a.text for a in ev.actor}
    assert {"Eritrea", "Djibouti"} <= actors
    assert not actors & {r.text for r in ev.recipient}
    assert "Doha" not in {r.text for r in ev.recipient}


# --- a condemned act: its victims are not accused, its agent is


def test_victims_of_a_condemned_act_are_not_its_recipients() -> None:
    ev = _one("Kenya's president condemned the attack on the Somali embassy in Nairobi.", "ACCUSE")
    assert ("SOM", "GOV") not in _codes(ev.recipient)
    assert not any("embassy" in r.text for r in ev.recipient)


def test_agent_of_a_condemned_act_is_its_recipient() -> None:
    ev = _one(
        "The African Union condemned the killing of protesters by security forces in Khartoum.", "ACCUSE"
    )
    assert any("security forces" in r.text for r in ev.recipient)
    assert not any(r.text == "protesters" for r in ev.recipient)


def test_led_or_backed_modifier_names_the_actor() -> None:
    ev = _one("Saudi-led coalition jets struck a Houthi arms depot near Hodeidah.", "ASSAULT")
    assert ev.actor and ev.actor[0].country == "SAU"
