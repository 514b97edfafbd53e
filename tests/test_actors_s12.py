"""Actor coding, session 12 (issue 3): mentions in the style of older world news (the CAMEO era), undated.

Every example here is written for this file; none is taken from an evaluation set. Each rule has at least two
differently worded cases; the first case of each test failed before the session's change.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.actors import code_actor
from tests.actors_helpers import country_sector_at

_cs = country_sector_at(None)


# --- undated mentions of people of the older lexicon --------------------------------------------------------------


def test_an_undated_person_of_the_older_lexicon_is_coded_by_the_office_that_made_them_news() -> None:
    # the derived lexicon's "former official" default row used to win over their dated offices
    assert _cs("Yitzhak Shamir") == ("ISR", "GOV")
    assert _cs("Erich Honecker") == ("DEU", "GOV")
    assert _cs("Deng Xiaoping") == ("CHN", "GOV")
    # a date still decides: after the last office, a former official
    assert _cs("Erich Honecker", date="1993-01-01") == ("DEU", "ELI")
    # people of the hand-written lists in office since 2014 keep today's code when undated
    assert _cs("Boris Johnson")[1] == "ELI"


def test_a_military_rank_does_not_unseat_a_ruler_or_a_rebel_leader() -> None:
    assert _cs("Commander Ahmad Shah Massoud") == ("AFG", "REB")
    assert _cs("General Mohamed Farrah Aidid") == ("SOM", "REB")
    assert _cs("General Pervez Musharraf") == ("PAK", "GOV")


def test_an_official_of_an_international_body_filed_as_the_body_takes_the_title() -> None:
    assert _cs("NATO Secretary-General Javier Solana") == ("IGO", "GOV")
    assert _cs("Secretary-General Dag Hammarskjold") == ("UNO", "GOV")


# --- collectives ---------------------------------------------------------------------------------------------


def test_several_states_named_by_a_region_or_faith_are_governments_of_no_one_state() -> None:
    assert _cs("Arab states", "Arab states condemned the Israeli raid on Beirut.") == (None, "GOV")
    assert _cs("Muslim countries", "Muslim countries asked for arms for Bosnia.") == (None, "GOV")
    assert _cs("Western powers", "Western powers warned Iran.") == (None, "GOV")
    assert _cs("the United States")[0] == "USA"  # a state's own name is no collective


def test_a_regional_construct_takes_no_country_from_its_sentence() -> None:
    said = "Western diplomats in Nairobi said the famine was spreading."
    assert _cs("Western diplomats", said) == (None, "GOV")
    assert _cs("African leaders", "African leaders meeting in Lusaka backed the truce.") == (None, "GOV")
    # an armed group described by a region is still placed by its sentence
    assert _cs("Arab militias", "Arab militias raided villages in Darfur.")[0] == "SDN"


def test_foreign_people_take_no_country_from_the_place_they_are_in() -> None:
    assert _cs("Foreign journalists", "Foreign journalists were expelled from Chechnya.") == (None, "JRN")
    assert _cs("foreign diplomats", "Foreign diplomats left Kabul on Monday.") == (None, "GOV")
    assert _cs("the foreign minister", "The foreign minister of Kenya spoke in Nairobi.")[0] == "KEN"


def test_unnamed_aid_bodies_are_non_governmental() -> None:
    assert (
        _cs("Aid agencies", "Aid agencies said 100,000 refugees were cut off in eastern Zaire.")[0] == "NGO"
    )
    assert _cs("relief groups", "Relief groups flew food into southern Sudan.")[0] == "NGO"
    assert _cs("American aid groups")[0] == "USA"  # one state's


# --- armed groups ----------------------------------------------------------------------------------------------


def test_a_persons_fighters_are_the_role_noun_of_the_persons_country() -> None:
    assert _cs("Laurent Kabila's rebels") == ("COD", "REB")
    assert _cs("Charles Taylor's fighters") == ("LBR", "REB")
    assert code_actor("Aidid's militiamen").name is None  # not the warlord himself


def test_an_armed_groups_forces_are_the_group() -> None:
    assert _cs("Hezbollah forces") == ("LBN", "REB")
    assert _cs("RUF forces") == ("SLE", "REB")
    assert _cs("Syrian army forces") == ("SYR", "MIL")


def test_a_faith_before_an_armed_or_criminal_noun_is_secondary() -> None:
    assert _cs("Islamic militants", "Algeria") == ("DZA", "REB")
    assert _cs("Muslim hackers")[1] == "CRM"
    assert _cs("a Shiite cleric")[1] == "MUS"  # a clergy noun keeps the faith code


# --- data of the era -------------------------------------------------------------------------------------------


def test_states_since_dissolved_fold_into_their_successor() -> None:
    assert (
        _cs("The Yugoslav army", "The Yugoslav army withdrew its tanks from the Slovenian border.")[0]
        == "SRB"
    )
    assert _cs("Yugoslavia")[0] == "SRB"
    assert _cs("the KGB") == ("RUS", "SPY")
    assert _cs("Soviet troops") == ("RUS", "MIL")


def test_old_names_of_states_and_their_demonyms() -> None:
    assert _cs("Zairean troops") == ("COD", "MIL")
    assert _cs("Rhodesia")[0] == "ZWE"
    assert _cs("Upper Volta")[0] == "BFA"
    assert _cs("the occupied territories")[0] == "PSE"


def test_organisations_and_leaders_of_the_era() -> None:
    assert _cs("Contra rebels") == ("NIC", "REB")
    assert _cs("the Viet Cong") == ("VNM", "REB")
    assert _cs("Saddam's government") == ("IRQ", "GOV")
    assert _cs("UNPROFOR") == ("UNO", "MIL")
    assert _cs("The Gamaa Islamiya") == ("EGY", "REB")
    assert _cs("Arafat") == ("PSE", "GOV")
    assert _cs("Radio Mille Collines") == ("RWA", "JRN")
    assert _cs("the PLO", date="1985-06-01") == ("PSE", "REB")
    assert _cs("PLO officials") == ("PSE", "GOV")  # after the 1993 accords


def test_ministers_and_envoys_of_the_era() -> None:
    assert _cs("Farouk al-Sharaa") == ("SYR", "GOV")
    assert _cs("Klaus Kinkel") == ("DEU", "GOV")
    assert _cs("Mullah Mohammed Omar") == ("AFG", "REB")
    assert _cs("Amr Moussa", date="1995-06-01") == ("EGY", "GOV")
    assert _cs("Amr Moussa", date="2005-06-01") == ("IGO", "GOV")  # the Arab League's secretary-general


def test_irish_republican_armed_groups_are_coded_where_they_fought() -> None:
    assert _cs("Irish nationalist guerrillas") == ("GBR", "REB")
    assert _cs("Irish republican gunmen")[0] == "GBR"
    assert _cs("the Irish government") == ("IRL", "GOV")


def test_words_that_named_the_wrong_country() -> None:
    assert (
        _cs("Roman Catholic bishops", "Roman Catholic bishops in East Timor appealed for calm.")[0] == "TLS"
    )
    assert _cs("Roma families", "Roma families in eastern Slovakia were attacked.")[0] == "SVK"
    assert _cs("Niger Delta militants") == ("NGA", "REB")


def test_agent_nouns_of_the_older_wire_style() -> None:
    assert _cs("Palestinian stone-throwers") == ("PSE", "CVL")
    assert _cs("landless peasants", "Brazil") == ("BRA", "AGR")


# --- the own set --------------------------------------------------------------------------------------------------


def test_the_session_set_is_well_formed() -> None:
    rows = [
        json.loads(x)
        for x in (Path(__file__).parent / "data" / "actors_own_s12.jsonl").open(encoding="utf-8")
    ]
    assert len(rows) >= 200
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["text"].lower() in r["context"].lower()
        assert r["query_date"] is None  # undated, as the CAMEO-era sentences are


def test_the_session_set_scores_undated() -> None:
    from dateline.evaluate.actors import _OWN_S12, _own_s9

    got = _own_s9(_OWN_S12, undated=True)["batch7"]["context"]
    assert got["country_accuracy"] >= 0.95
    assert got["sector_accuracy"] >= 0.91


# --- the same in running text (the resolver events use) -------------------------------------------------------


def _in_doc(text: str, phrase: str) -> tuple[str | None, str | None]:
    from dateline.actors import ActorResolver
    from dateline.nlp import parse

    doc = parse(text, published=None)  # undated, as older wire sentences are
    i = text.index(phrase)
    a = ActorResolver(doc).resolve(i, i + len(phrase))
    return a.country, a.sector


def test_in_running_text_several_states_and_foreigners_take_no_place() -> None:
    assert _in_doc(
        "Muslim countries demanded that the UN lift the arms embargo on Bosnia.", "Muslim countries"
    ) == (
        None,
        "GOV",
    )
    assert (
        _in_doc("Foreign journalists were expelled from Chechnya on Monday.", "Foreign journalists")[0]
        is None
    )
    assert _in_doc("Police in Grozny detained two Chechen fighters.", "Police")[0] == "RUS"


def test_in_running_text_an_undated_leader_of_the_era_holds_office() -> None:
    assert _in_doc("Erich Honecker met the Soviet envoy in East Berlin.", "Erich Honecker") == ("DEU", "GOV")
    assert _in_doc("Yitzhak Shamir rejected the plan on Sunday.", "Yitzhak Shamir") == ("ISR", "GOV")


@pytest.mark.parametrize(
    "text, country",
    [("the Hague tribunal", "NLD"), ("The Hague", "NLD"), ("the Hague-based court", "NLD")],
)
def test_a_place_whose_name_holds_the_article_is_no_persons_surname(text: str, country: str) -> None:
    # William Hague is listed under "Hague"; the Dutch seat of courts takes "the"
    a = code_actor(text)
    assert a.country == country and a.name != "William Hague", (text, a)


def test_the_listed_person_keeps_the_surname_without_the_article() -> None:
    assert code_actor("Foreign Secretary Hague").name == "William Hague"
    assert (
        code_actor("the Bush administration").country == "USA"
    )  # "the" before a surname alone stays dropped
