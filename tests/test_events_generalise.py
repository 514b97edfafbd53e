"""Event typing rules that should hold on any news wording (issue 3): conditional statements, states a verb
leaves people in, hostage-holding, hyphenated nouns, military exercises, police mobilisation, credit as aid.
All sentences are our own."""

from __future__ import annotations

import pytest

from dateline.events import extract_events
from dateline.events._lexicon import _lex
from dateline.events._typing import _anchor_of, _sent_features
from dateline.nlp import parse

PUB = "2024-05-06"


def _events(text: str):
    return extract_events(parse(text, PUB))


def _types(text: str) -> set[str]:
    return {e.event for e in _events(text)}


@pytest.mark.parametrize(
    "text",
    [
        "The roadside bomb left four border guards badly wounded.",
        "The raid left a dozen villagers seriously hurt.",
    ],
)
def test_leaving_people_in_a_state_is_no_retreat(text: str) -> None:
    assert "RETREAT" not in _types(text)


def test_conditional_consequent_is_hypothetical() -> None:
    evs = _events('A commander told the paper: "If the Danes pull out, we pull out."')
    assert evs, "the withdrawal should still be found"
    assert all(e.factuality == "hypothetical" for e in evs if e.event == "RETREAT")


def test_past_consequent_stays_factual() -> None:
    evs = _events("If the figures are right, the army withdrew from the valley in March.")
    assert any(e.event == "RETREAT" and e.factuality != "hypothetical" for e in evs)


def test_bare_conditional_movement_is_not_an_attack() -> None:
    # a short conditional about coming or going carries no event content; the attribution must not type it
    assert "ASSAULT" not in _types('A senior army officer said: "If the Belgians stay, we stay."')


def test_attribution_does_not_feed_the_classifier() -> None:
    doc = parse("A senior military source said the two delegations would meet in Oslo.", PUB)
    sent = next(iter(doc.spacy.sents))
    assert _anchor_of(sent, _lex()).lemma_ == "meet"
    feats = _sent_features(sent, _lex(), [], [])
    assert "military" not in feats and "source" not in feats
    assert "rep=say" in feats


def test_reduced_relative_hostages_are_recipients() -> None:
    (ev,) = _events("The senator spoke of the 40 sailors held hostage in Aden in 1994.")
    assert ev.event == "ASSAULT"
    assert not ev.actor
    assert [a.text for a in ev.recipient] == ["the 40 sailors"]


def test_active_hostage_taking_keeps_its_actor() -> None:
    (ev,) = _events("Pirates held six fishermen hostage for a month.")
    assert ev.event == "ASSAULT"
    assert [a.text for a in ev.actor] == ["Pirates"]
    assert [a.text for a in ev.recipient] == ["six fishermen"]


def test_prisoner_object_is_not_a_held_state() -> None:
    (ev,) = _events("The king pardoned 120 political prisoners.")
    assert ev.event == "CONCEDE"
    assert [a.text for a in ev.actor] == ["The king"]


def test_passive_people_object_is_recipient() -> None:
    evs = [
        e
        for e in _events("Twelve fishermen were detained by the coast guard for two days.")
        if e.event == "COERCE"
    ]
    assert evs and [a.text for a in evs[0].recipient] == ["Twelve fishermen"]


def test_hyphenated_ceasefire_declared_is_concede() -> None:
    # the manual: declarations (not implementations) of ceasefires are CONCEDE; "cease-fire" is three tokens
    assert _types("The insurgents declared a cease-fire on Friday.") == {"CONCEDE"}
    assert "ASSAULT" not in _types("Both armies observed a cease-fire along the river.")


@pytest.mark.parametrize(
    "text,event,mode",
    [
        ("Ghana and Togo held joint naval drills off Lome.", "COOPERATE", None),
        ("Italian and Greek frigates began a week of war games in the Aegean.", "COOPERATE", None),
        ("Pakistan staged missile drills near the border.", "MOBILIZE", "troops"),
        ("Senegal sent 500 police officers to the Gambia.", "MOBILIZE", "police"),
        ("Farmers in the valley mobilised a militia to guard their herds.", "MOBILIZE", "militia"),
        ("The IMF approved a $700 million loan to Ghana.", "AID", None),
    ],
)
def test_manual_conventions(text: str, event: str, mode: str | None) -> None:
    evs = [e for e in _events(text) if e.event == event]
    assert evs, [(e.event, e.event_text) for e in _events(text)]
    if mode:
        assert evs[0].mode == mode


def test_civilian_drill_is_no_event() -> None:
    assert not _events("Hospital staff held a fire drill on Tuesday.")


def test_moved_forces_are_not_the_recipient_of_a_deployment() -> None:
    (ev,) = _events("The deployment of 900 Rwandan police officers to Mozambique began in July.")
    assert ev.event == "MOBILIZE"
    assert all("officers" not in a.text for a in ev.recipient)


@pytest.mark.parametrize(
    "text",
    [
        "The committee is drafting a bill on press freedom.",
        "The foundation trained 200 midwives last year.",
    ],
)
def test_generic_verbs_need_forces_to_mobilize(text: str) -> None:
    assert "MOBILIZE" not in _types(text)


def test_conscription_still_mobilizes() -> None:
    assert "MOBILIZE" in _types("The junta drafted 15,000 young men into the army.")


@pytest.mark.parametrize(
    "text",
    [
        "The cyclone killed at least 30 fishermen.",
        "Nine hikers were killed by an avalanche.",
        "The epidemic hit the northern provinces hardest.",
    ],
)
def test_natural_hazards_are_no_actors(text: str) -> None:
    assert not _events(text)


def test_weapons_as_subject_still_attack() -> None:
    assert "ASSAULT" in _types("Mortar shells hit the market on Friday.")


def test_passive_subject_is_part_of_the_event() -> None:
    # one event per span: the nominal in a passive subject belongs to the verb
    assert _types("A humanitarian truce was agreed by both militias.") == {"AGREE"}
    assert _types("The proposal was rejected by the council.") == {"REJECT"}


def test_calling_a_strike_organises_it() -> None:
    assert _types("The dockers' union called a national strike for Friday.") == {"PROTEST"}
    assert _types("The dockers' union called off the national strike.") == {"CONCEDE"}
    assert _types("Opposition leaders called for a national strike.") == {"REQUEST"}


def test_leaving_an_organisation_is_sanction_withdraw() -> None:
    (ev,) = _events("Niger withdrew from the regional defence pact.")
    assert (ev.event, ev.mode) == ("SANCTION", "withdraw")
    assert _types("The battalion withdrew from the hills.") == {"RETREAT"}


def test_promised_event_is_recorded_with_future_factuality() -> None:
    (ev,) = _events("The ministry has pledged to deliver medical supplies to the flooded districts.")
    assert (ev.event, ev.factuality) == ("AID", "future")
    from dateline.evaluate.events import plover_type

    assert plover_type(ev) == "AGREE"  # PLOVER's single category for a promised cooperative act


def test_denied_claim_is_the_denied_event() -> None:
    (ev,) = _events("The army rejected allegations that soldiers had shelled the hospital.")
    assert (ev.event, ev.factuality) == ("ASSAULT", "denied")
    assert [a.text for a in ev.actor] == ["soldiers"]


def test_gerund_parsed_as_adjective_is_still_an_event() -> None:
    (ev,) = _events("Belgrade denied moving tanks towards the boundary line.")
    assert (ev.event, ev.factuality) == ("MOBILIZE", "denied")
    assert [a.text for a in ev.actor] == ["Belgrade"]


def test_subjunctive_demand_is_a_request() -> None:
    assert "REQUEST" in _types("Villagers insisted that the quarry be closed.")


def test_purpose_of_a_journey_is_the_event() -> None:
    evs = _events("Sudanese and Chadian envoys travelled to Doha on Monday for talks on the border.")
    assert "CONSULT" in {e.event for e in evs}


def test_rallying_supporters_is_no_mobilisation() -> None:
    assert "MOBILIZE" not in _types("The party mobilised its supporters before the referendum.")
    assert "MOBILIZE" in _types("Armenia mobilised 10,000 reservists.")


def test_preparing_an_attack_is_mobilisation() -> None:
    (ev,) = _events("The militia prepared to resume its assault on the port.")
    assert (ev.event, ev.factuality) == ("MOBILIZE", "asserted")


def test_halting_negotiations_is_sanction_withdraw() -> None:
    (ev,) = _events("The rebels walked out of the negotiations on Tuesday.")
    assert (ev.event, ev.mode) == ("SANCTION", "withdraw")


@pytest.mark.parametrize(
    "text,event",
    [
        ("The general gave the protesters an ultimatum to clear the square.", "THREATEN"),
        ("The governor placed the province under a curfew.", "COERCE"),
        ("The navy raised its alert level in the strait.", "MOBILIZE"),
        ("Police said the gunmen fired into the market.", "ASSAULT"),
    ],
)
def test_multiword_predicates(text: str, event: str) -> None:
    assert event in _types(text)


def test_giving_up_a_forceful_plan_is_a_concession() -> None:
    assert _types("The governor suspended plans to impose a curfew on the harbour district.") == {"CONCEDE"}


def test_ending_fighting_is_retreat_ceasefire() -> None:
    (ev,) = _events("The insurgents halted their offensive on the capital.")
    assert (ev.event, ev.mode) == ("RETREAT", "ceasefire")
    assert _types("The donors suspended aid to the province.") == {"SANCTION"}


def test_committing_a_crime_is_no_agreement() -> None:
    assert "AGREE" not in _types("The unit committed atrocities in three villages.")


def test_named_cause_is_background() -> None:
    assert _types("The ambush prompted Chad to close its border with Sudan.") == {"COERCE"}
    assert _types("The ambush killed nine soldiers.") == {"ASSAULT"}
