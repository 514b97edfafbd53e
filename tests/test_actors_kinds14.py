"""Actor coding, session 14 (issue 3): office holders, bodies, companies, media and armed groups of Africa, Latin
America and Asia, and context traps (the sentence names another country than the actor's).

Check set: tests/data/actors_own_s14.jsonl (+ .md; batch 12 tuned on, batch 13 an untuned transfer check). Every
example here is written for this file; none is taken from an evaluation set or from the check set. Each rule has at
least two differently worded cases; the first case of each rule's test failed before the session's change (the
tests of what a rule must leave alone passed before and after).
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.actors_helpers import country_sector_at

_cs = country_sector_at(None)


# --- envoys: the post is the sender's, not the destination's ------------------------------------------------------


def test_an_envoy_belongs_to_the_state_that_sends_it() -> None:
    assert _cs("Kenya's envoy to the African Union") == ("KEN", "GOV")
    assert _cs("the Ghanaian ambassador to the European Union") == ("GHA", "GOV")
    assert _cs("the Turkish ambassador to NATO") == ("TUR", "GOV")
    assert _cs("Peru's envoy to the OAS") == ("PER", "GOV")
    # a delegation or mission sent abroad is its government's, where the sender alone says no sector
    assert _cs("a Chinese delegation to Washington") == ("CHN", "GOV")
    assert _cs("the Russian trade mission to India") == ("RUS", "GOV")


def test_an_envoy_with_no_sender_named_is_not_the_destinations() -> None:
    assert _cs("the US ambassador to Russia") == ("USA", "GOV")
    assert _cs("the ambassador to France") == (None, "GOV")
    # a body's own envoy keeps the body, and a body's mission what the body says
    assert _cs("the UN envoy to Syria") == ("UNO", "GOV")
    assert _cs("the UN peacekeeping mission to Mali") == ("UNO", None)


# --- names that open with "The" or a faith word -------------------------------------------------------------------


def test_a_listed_name_with_a_capital_the_is_the_organisation() -> None:
    assert _cs("The Jewish Chronicle") == ("GBR", "JRN")
    assert _cs("The Hindu's editor") == ("IND", "JRN")
    assert _cs("The Catholic Herald") == ("GBR", "JRN")
    # the faith word with an article, or a longer phrase opening with "The", is the faith's people
    assert _cs("the Hindu community") == (None, "CVL")
    assert _cs("The Hindu community") == (None, "CVL")
    assert _cs("Catholic bishops") == (None, "CHR")


def test_an_unlisted_paper_named_after_a_faith_is_media() -> None:
    assert _cs("the Sikh Times") == (None, "JRN")
    assert _cs("The Muslim News") == (None, "JRN")
    assert _cs("The Buddhist Chronicle") == (None, "JRN")
    # a faith word before a people or role noun keeps its reading
    assert _cs("Muslim leaders") == (None, "MUS")
    assert _cs("Sikh protesters") == (None, "CVL")


# --- business groups by their first word ---------------------------------------------------------------------------


def test_an_unlisted_grupo_or_groupe_is_a_business() -> None:
    assert _cs("Grupo Lala") == (None, "BUS")
    assert _cs("Groupe Bolloré") == (None, "BUS")
    assert _cs("Compañía Minera Antamina", "Compañía Minera Antamina halted work at its mine in Peru.") == (
        "PER",
        "BUS",
    )
    assert _cs("Grupo Salinas", "Grupo Salinas, the Mexican conglomerate, said profits rose.") == (
        "MEX",
        "BUS",
    )


def test_a_grupo_that_is_a_phrase_or_an_armed_group_is_no_business() -> None:
    assert _cs("Groupe Salafiste pour la Prédication et le Combat")[1] != "BUS"
    assert _cs("Groupe Islamique Armé")[1] != "BUS"
    assert _cs("Grupo Revolucionario")[1] != "BUS"
    assert _cs("Grupo de Lima")[1] != "BUS"


def test_latin_american_groups_and_outlets_listed() -> None:
    assert _cs("Grupo Carso") == ("MEX", "BUS")
    assert _cs("Grupo Aval") == ("COL", "BUS")
    assert _cs("Grupo Globo") == ("BRA", "JRN")
    assert _cs("Grupo Clarín") == ("ARG", "JRN")
    assert _cs("the Hindustan Times") == ("IND", "JRN")
    assert _cs("The Times of Israel") == ("ISR", "JRN")


# --- given names that are also acronyms ------------------------------------------------------------------------------


def test_an_acronym_that_is_a_listed_given_name_before_a_surname_is_a_person() -> None:
    assert _cs("Hina Jilani") == (None, None)  # not HINA, Croatia's news agency
    assert _cs("Pan Yue") == (None, None)  # not Mexico's PAN
    # acronyms nobody is named, and the acronyms alone, stay the organisations
    assert _cs("Isis Khorasan") == ("IMG", "REB")
    assert _cs("Opec Plus") == ("IGO", "BUS")
    assert _cs("the PAN") == ("MEX", "PTY")


# --- criminal groups' gunmen -------------------------------------------------------------------------------------


def test_a_criminal_groups_gunmen_are_that_group() -> None:
    assert _cs("cartel gunmen") == (None, "CRM")
    assert _cs("gang gunmen") == (None, "CRM")
    assert _cs("Sinaloa cartel gunmen") == ("MEX", "CRM")
    # gunmen nobody names stay unidentified
    assert _cs("unidentified gunmen") == (None, "UAF")


# --- public boards and bureaus -------------------------------------------------------------------------------------


def test_a_capitalised_board_or_bureau_is_a_public_body() -> None:
    assert _cs("the Kenya Tea Board") == ("KEN", "GOV")
    assert _cs("the Uganda Revenue Board") == ("UGA", "GOV")
    assert _cs("the National Bureau of Statistics") == (None, "GOV")
    # a listed bureau keeps its class; a given name before the word makes a person's name
    assert _cs("the Central Bureau of Investigation") == ("IND", "COP")
    assert _cs("John Board") == (None, None)
    assert _cs("Ana Bureau") == (None, None)


# --- context traps: the place a local actor is in ------------------------------------------------------------------


def test_a_local_actor_takes_the_place_it_is_in_not_a_foreign_capital() -> None:
    assert _cs("the police", "Washington criticised the police in Nairobi.") == ("KEN", "COP")
    assert _cs("the court", "Berlin protested after a court in Ankara jailed a German journalist.") == (
        "TUR",
        "JUD",
    )
    assert _cs("gunmen", "Gunmen killed two Chinese workers in Mali, Beijing said.") == ("MLI", "UAF")
    assert _cs("protesters", "Protesters in Caracas burned Colombian flags.") == ("VEN", "CVL")
    assert _cs("doctors", "Doctors at a Kabul hospital treated Pakistani refugees.") == ("AFG", "MED")


def test_a_demonym_right_before_a_local_actor_says_whose_it_is() -> None:
    assert _cs("police", "Indian police said a Nepali man was arrested in Kathmandu.") == ("IND", "COP")
    assert _cs("police", "Kenyan police handed two Ugandans to officers in Kampala.") == ("KEN", "COP")


def test_officials_and_troops_are_not_placed_where_they_act() -> None:
    # only actors that act where they are read the sentence's place; a government or an army is often abroad
    assert _cs("troops", "British troops in Estonia joined the drill.") == ("GBR", "MIL")
    assert _cs("the minister", "The Kenyan minister said the police in Kampala acted lawfully.") == (
        "KEN",
        "GOV",
    )


# --- in a document: a seated body is where the phrase that qualifies it puts it ---------------------------------------


def _in_doc(text: str, span: str) -> tuple[str | None, str | None]:
    from dateline.actors import resolver_for
    from dateline.nlp import parse

    doc = parse(text)
    start = text.index(span)
    a = resolver_for(doc).resolve(start, start + len(span))
    return a.country, a.sector


def test_a_court_or_parliament_in_a_place_is_that_places_not_the_reacting_capitals() -> None:
    assert _in_doc("Berlin protested after a court in Ankara jailed a German journalist.", "a court") == (
        "TUR",
        "JUD",
    )
    assert _in_doc(
        "Paris voiced concern after a judge in Algiers ordered the French reporter held.", "a judge"
    ) == (
        "DZA",
        "JUD",
    )
    assert _in_doc("Washington welcomed the vote by the parliament in Kyiv.", "the parliament") == (
        "UKR",
        "LEG",
    )
    assert _in_doc("London said the opposition in Caracas had been silenced.", "the opposition") == (
        "VEN",
        "OPP",
    )


def test_a_seated_body_with_no_place_of_its_own_keeps_the_clauses_country() -> None:
    # no place qualifies the body: whose it is comes from the clause's subject, as before
    assert _in_doc("Britain's prime minister called on parliament to act.", "parliament") == ("GBR", "LEG")
    # a venue of the clause is no qualifier ("resumed talks in Havana")
    assert (
        _in_doc("Kenya's president asked the courts to hear the case in Mombasa.", "the courts")[0] == "KEN"
    )


# --- the own set --------------------------------------------------------------------------------------------------


def test_the_session_set_is_well_formed() -> None:
    rows = [
        json.loads(x)
        for x in (Path(__file__).parent / "data" / "actors_own_s14.jsonl").open(encoding="utf-8")
    ]
    assert len(rows) >= 290
    assert len({r["id"] for r in rows}) == len(rows)
    assert {r["batch"] for r in rows} == {12, 13}
    for r in rows:
        assert r["text"].lower() in r["context"].lower()


def test_the_session_set_floor() -> None:
    from dateline.evaluate.actors import _OWN_S14, _own_s9

    got = _own_s9(_OWN_S14)
    assert got["batch12"]["context"]["country_accuracy"] >= 0.98
    assert got["batch12"]["context"]["sector_accuracy"] >= 0.98
    # batch 13 is the untuned transfer check (0.923 / 0.952 untouched): guard it against regressions only
    assert got["batch13"]["context"]["country_accuracy"] >= 0.9
    assert got["batch13"]["context"]["sector_accuracy"] >= 0.9
