"""Kinds of event fault left over from issues 3 and 7, each tested in our own wording: victims coded with the
attacker's nationality, migrants sent back and wanted people captured, relief convoys named by their agency,
people and violence words the size lexicon lacked, and a news outlet's name taken for the story's country."""

from __future__ import annotations

import pytest
from events_helpers import helpers_for

from dateline.sizes import extract_sizes

PUB = "2024-09-03"
_events, _types, _of = helpers_for(PUB)


def _one(text: str, event: str):  # noqa: ANN202 - an Event
    found = _of(text, event)
    assert found, f"no {event} in {text!r}: {[e.event for e in _events(text)]}"
    return found[0]


# --- 1. the nationality word on an attack names the attacker, not its victims


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        ("Six farmers were killed in a Sudanese air raid on Kauda on Friday.", "SDN"),
        ("Five fishermen died in a Chinese coast guard assault near the shoal.", "CHN"),
        ("Two nurses were hurt in an Azerbaijani drone strike on the clinic.", "AZE"),
    ],
)
def test_victims_do_not_take_the_attackers_nationality(text: str, attacker: str) -> None:
    ev = _one(text, "ASSAULT")
    assert any(a.country == attacker for a in ev.actor)
    assert ev.recipient, "the victims are the recipients"
    assert all(r.country != attacker for r in ev.recipient)


def test_victims_placed_by_the_place_hit() -> None:
    ev = _one("Three children died in an Israeli air raid on Khan Younis at dawn on Sunday.", "ASSAULT")
    assert [r.text for r in ev.recipient] == ["Three children"]  # the people stay the recipients
    assert all(r.country != "ISR" for r in ev.recipient)


def test_victims_naming_their_own_nationality_keep_it() -> None:
    ev = _one("Four Syrian soldiers were killed in a Turkish drone strike near Manbij.", "ASSAULT")
    assert any(r.country == "SYR" for r in ev.recipient)


# --- 2. migrants sent back are deported; a wanted person captured is arrested; a town captured is assaulted


@pytest.mark.parametrize(
    "text",
    [
        "The Tunisian navy stopped 60 migrants at sea and sent them back to Sfax.",
        "Border guards caught a group of asylum seekers in the forest and pushed them back into Belarus.",
        "Spanish police returned 30 migrants to Morocco on Wednesday.",
    ],
)
def test_migrants_sent_back_are_deported(text: str) -> None:
    ev = _one(text, "COERCE")
    assert ev.mode == "deport"
    assert "RETREAT" not in _types(text)


def test_deported_people_are_the_recipients_not_the_deporters_country() -> None:
    ev = _one("The Tunisian navy stopped 60 migrants at sea and sent them back to Sfax.", "COERCE")
    assert [r.text for r in ev.recipient] == ["60 migrants"]
    assert all(r.country != "TUN" for r in ev.recipient)


def test_prisoners_returned_are_still_released() -> None:
    assert "RETREAT" in _types("The rebels returned 12 prisoners to the government on Monday.")


@pytest.mark.parametrize(
    "text",
    [
        "Peruvian police captured a drug trafficker in Lima.",
        "Colombian troops captured a fugitive gang leader near Cali on Friday.",
    ],
)
def test_wanted_people_captured_are_arrested(text: str) -> None:
    ev = _one(text, "COERCE")
    assert ev.mode == "arrest"
    assert "ASSAULT" not in _types(text)


def test_towns_captured_are_still_taken_by_force() -> None:
    assert "ASSAULT" in _types("Rebel fighters captured the town of Menaka after a week of fighting.")


# --- 3. a convoy that reaches a place brings aid when an aid agency owns it


@pytest.mark.parametrize(
    ("text", "trucks"),
    [
        ("A WFP convoy of 25 lorries reached Kadugli on Monday.", 25),
        ("A UN convoy of 18 trucks reached the besieged town on Tuesday.", 18),
        ("A United Nations convoy of 12 trucks arrived in Mekelle.", 12),
    ],
)
def test_agency_convoys_bring_aid_with_their_size(text: str, trucks: int) -> None:
    ev = _one(text, "AID")
    assert any(s.min == trucks and s.unit == "vehicles" for s in ev.size)


def test_army_convoys_bring_no_aid() -> None:
    assert "AID" not in _types("An army convoy of 30 trucks reached the border town on Monday.")


# --- 4. size words: people units and violence verbs


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind"),
    [
        ("Militiamen gunned down 14 herders near the river.", 14, "people", "dead"),
        ("Soldiers massacred 40 inhabitants of the hamlet.", 40, "people", "dead"),
        ("The army slaughtered 23 villagers.", 23, "people", "dead"),
        ("Security forces rounded up 300 youths in the capital.", 300, "people", "arrested"),
        ("Police detained 75 shoppers outside the mall.", 75, "people", "arrested"),
        ("Gunmen killed 9 locals at a checkpoint.", 9, "people", "dead"),
        ("Pirates seized 12 fishermen off the coast.", 12, "people", None),
    ],
)
def test_size_words(text: str, value: int, unit: str, kind: str | None) -> None:
    from dateline.nlp import parse

    sizes = extract_sizes(parse(text, PUB).spacy)
    got = [(s.min, s.unit, s.kind) for s in sizes]
    assert any(s.min == value and s.unit == unit and (kind is None or s.kind == kind) for s in sizes), got


def test_rounds_fired_are_no_arrest() -> None:
    from dateline.nlp import parse

    sizes = extract_sizes(parse("Troops fired 40 rounds at the crowd.", PUB).spacy)
    assert all(s.kind != "arrested" for s in sizes)


# --- 5. a news outlet's name is who reports, not where the story happens


@pytest.mark.parametrize(
    "text",
    [
        "Radio Juba Valley said gunmen attacked a bus near the river crossing, killing five passengers.",
        "Gunmen stormed a police post, killing four officers, Radio Kabul Coast reported.",
    ],
)
def test_an_outlet_name_places_no_party(text: str) -> None:
    ev = _one(text, "ASSAULT")
    outlet_countries = {"SSD", "AFG"}
    assert all(a.country not in outlet_countries for a in [*ev.actor, *ev.recipient])


def test_a_place_named_in_the_story_still_places_the_parties() -> None:
    ev = _one("Radio Kabul said gunmen attacked a checkpoint in Kabul, killing six soldiers.", "ASSAULT")
    assert any(a.country == "AFG" for a in [*ev.actor, *ev.recipient])


def test_the_publishers_own_country_still_places_unnamed_parties() -> None:
    from dateline.events import extract_events
    from dateline.model import Document
    from dateline.nlp import annotate

    text = "Radio Juba Valley said gunmen attacked a bus near the river crossing, killing five passengers."
    doc = next(annotate([Document(id="k3", text=text, published=PUB, url="https://news.example.ss/a/1")]))
    ev = next(e for e in extract_events(doc) if e.event == "ASSAULT")
    assert any(a.country == "SSD" for a in ev.actor)  # a South Sudanese domain: the story is placed there


# --- a sanction compound the tagger reads as a clause ("imposed asset freezes"): who imposed it acted


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The EU imposed asset freezes on six Russian officials.", "EUR"),
        ("The council imposed asset freezes and travel bans on nine generals.", None),
    ],
)
def test_who_imposed_a_misread_compound_is_the_actor(text: str, country: str | None) -> None:
    ev = next(e for e in _events(text) if e.event == "SANCTION")
    assert ev.actor and ev.actor[0].country == country and "asset" not in ev.actor[0].text.lower()
