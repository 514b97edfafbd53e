"""Kinds of typing fault found end to end on the session-9 corpora (scraped-looking articles, merge corpus), each
tested in our own wording: hedged troop and aid movements not found (troops that "follow" or "return", an aid
body's trucks sent, a relief convoy told in a verbless lead, assets that "could be frozen"), ships putting to sea,
a country the tagger calls an organisation, "not ruling out" an act, an earlier event a sequence verb reports, and
negated acts that keep their own type."""

from __future__ import annotations

import pytest
from events_helpers import helpers_for

PUB = "2025-03-11"
_events, _types, _of = helpers_for(PUB)


def _typed(text: str) -> set[tuple[str, str]]:
    return {(e.event, e.factuality) for e in _events(text)}


@pytest.mark.parametrize(
    ("text", "event", "fact"),
    [
        # a force as subject of an intransitive movement verb: a deployment (manual, MOBILIZE)
        (
            "As many as 400 further paratroopers may follow in the spring, officials said.",
            "MOBILIZE",
            "hypothetical",
        ),
        (
            "The general said the brigade would return if fighting resumed near the dam.",
            "MOBILIZE",
            "hypothetical",
        ),
        # an aid body's vehicles sent: AID (the body named, or relief on board)
        ("UNICEF intends to send some 60 lorries to the camps next month.", "AID", "future"),
        ("The Red Crescent dispatched a convoy of 30 trucks loaded with flour to Aleppo.", "AID", "asserted"),
        # a freeze told with the participle after "be"
        (
            "Diplomats said as much as 2 billion euros of central bank reserves could be frozen.",
            "SANCTION",
            "hypothetical",
        ),
        # warships leaving port put to sea: a show of readiness, not a withdrawal
        (
            "Three Russian frigates left the harbour of Tartus on Friday, satellite images showed.",
            "MOBILIZE",
            "asserted",
        ),
        # "not rule out": no refusal, the act left open
        ("The cabinet has not ruled out negotiations with the striking doctors.", "CONSULT", "hypothetical"),
        ("Brussels did not rule out sanctions against the two shipping firms.", "SANCTION", "hypothetical"),
    ],
)
def test_hedged_act_found(text: str, event: str, fact: str) -> None:
    assert (event, fact) in _typed(text), (text, _typed(text))


def test_relief_convoy_in_verbless_lead() -> None:
    # the parser makes "convoy" the root and "crossed" a participle of the trucks: the trucks still moved
    text = "A United Nations Children's Fund convoy of 8 trucks crossed into Tigray on Monday with vaccines."
    assert "AID" in _types(text), _events(text)


@pytest.mark.parametrize(
    "text",
    [
        "The army sent 40 trucks to the front line near Bakhmut.",  # no relief named: no aid
        "The battalion returned to its barracks after the parade.",  # going home is no deployment
        "The recruits followed orders from their sergeant.",  # an object: not a movement
    ],
)
def test_movement_look_alikes_not_aid_or_mobilize(text: str) -> None:
    assert not _types(text) & {"AID", "MOBILIZE"}, (text, _events(text))


def test_returned_fire_stays_assault() -> None:
    assert "ASSAULT" in _types("The soldiers returned fire when the patrol was ambushed.")


def test_warships_leaving_a_sea_is_no_deployment() -> None:
    assert "MOBILIZE" not in _types("The destroyers left the Sea of Azov in November.")


def test_withdrawal_from_a_country_tagged_org() -> None:
    # small spaCy models label many country names ORG: a country left is no body quit (SANCTION withdraw)
    text = "Italian troops withdrew from Burkina Faso in 2024 after the junta ordered them out."
    assert _types(text) == {"RETREAT"}, _events(text)


def test_withdrawal_from_a_body_stays_sanction() -> None:
    assert "SANCTION" in _types("Hungary withdrew from the International Criminal Court last year.")


def test_ruling_out_still_refuses() -> None:
    assert _types("The prime minister ruled out negotiations with the kidnappers.") == {"REJECT"}


@pytest.mark.parametrize(
    ("text", "first", "earlier"),
    [
        ("The truce came after negotiations in Cairo that lasted three days.", "RETREAT", "CONSULT"),
        ("The accord followed months of talks in Oslo.", "AGREE", "CONSULT"),
    ],
)
def test_sequence_verb_reports_earlier_event(text: str, first: str, earlier: str) -> None:
    assert {first, earlier} <= _types(text), _events(text)


def test_after_clause_of_an_act_stays_background() -> None:
    # convention `background`: an act's "after ..." phrase is not coded
    assert _types("The rebels shelled the town after talks in Geneva.") == {"ASSAULT"}


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the monitors would stay on if the security situation demands it.",
        'The mayor said schools would stay shut "if the situation calls for it".',
    ],
)
def test_demand_by_a_situation_is_no_request(text: str) -> None:
    # a situation "demanding" something is a condition, no one's request
    assert "REQUEST" not in _types(text), _events(text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a negated act without a refusal keeps its own type; only its factuality says it did not happen
        ("Police have not made any arrests over the arson attack.", "COERCE"),
        ("The ministry has not deployed extra troops to the border.", "MOBILIZE"),
        ("The two delegations did not meet in Vienna on Monday.", "CONSULT"),
    ],
)
def test_negated_act_keeps_type(text: str, event: str) -> None:
    evs = _events(text)
    assert [(e.event, e.factuality) for e in evs] == [(event, "negated")], (text, evs)


def test_sanctions_lifted_are_retreat() -> None:
    # CAMEO 085 "ease economic sanctions, boycott, embargo" -> PLOVER RETREAT (CAMEO2PLOVER table)
    assert "RETREAT" in _types("Washington eased some sanctions on Belarusian potash last year.")


def test_weapons_shipment_stays_mobilize() -> None:
    # a consignment of arms is a weapons transfer (MOBILIZE rows), no relief
    types = _types("Norway sent a consignment of anti-tank missiles to Kyiv.")
    assert "MOBILIZE" in types and "AID" not in types, types
