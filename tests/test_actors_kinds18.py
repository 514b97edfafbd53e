"""Actor coding, session 18 (issue 3): people described by role words only, ministries and agencies by their
function, parties out of power, courts and prosecutors, regional bodies and their mediators, militias named after
places or people, seats of power outside the usual capitals, and the European Union's own institutions.

Check set: tests/data/actors_own_s18.jsonl (+ .md; batch 16 tuned on, batch 17 an untuned transfer check). Every
example here is written for this file; none is taken from an evaluation set or from the check set. Each rule has at
least two differently worded cases.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.actors_helpers import country_sector_at

_cs = country_sector_at("2023-05-01")


# --- role words only (dateline/actors/_coding.py `_turned`, _rules.py `_STAFF_POSTS`) ------------------------------


def test_the_role_after_turned_is_the_one_held_now() -> None:
    assert _cs(
        "a one-time guerrilla chief turned senator",
        "A one-time guerrilla chief turned senator spoke in Bogotá.",
    ) == ("COL", "LEG")
    assert _cs(
        "an ex-general turned governor", "An ex-general turned governor took office in Kano, Nigeria."
    ) == (
        "NGA",
        "GOV",
    )
    assert _cs("a former army officer turned minister")[1] == "GOV"
    # "former" before "turned" says the past, not the present: no ELI
    assert _cs("a former journalist turned lawmaker")[1] == "LEG"


def test_turned_needs_a_role_on_both_sides() -> None:
    # nothing after "turned", or no role before it: the rule leaves the mention alone
    assert _cs("a rebel turned")[1] == "REB"
    assert _cs("the tide turned")[1] is None


def test_a_staff_post_is_of_whose_staff_it_is() -> None:
    assert _cs("the prime minister's chief of staff")[1] == "GOV"
    assert _cs("the governor's chief of staff", "The governor's chief of staff resigned in Lagos.") == (
        "NGA",
        "GOV",
    )
    # an army's chief of staff stays military, with or without the possessive
    assert _cs("the navy's chief of staff")[1] == "MIL"
    assert _cs("the army chief of staff")[1] == "MIL"


def test_a_coup_leader_heads_the_military_government() -> None:
    assert _cs("Gabon's coup leader") == ("GAB", "GOV")
    assert _cs("the coup leaders", "The coup leaders in Niamey closed the borders.") == ("NER", "GOV")
    assert _cs("coup plotters")[1] == "REB"  # plotters have taken nothing


# --- ministries and agencies by their function (data/actors/agents_extra.tsv, _coding.py `_state_body`) -------------


def test_a_ministrys_special_unit_is_police() -> None:
    assert _cs("the interior ministry's anti-terrorism unit", "Raids in Sfax, Tunisia, were led by the interior "
               "ministry's anti-terrorism unit.") == ("TUN", "COP")  # fmt: skip
    assert _cs("a police counterterrorism unit")[1] == "COP"
    assert _cs("the anti-drug unit of the police")[1] == "COP"


def test_a_financial_intelligence_unit_is_no_intelligence_service() -> None:
    assert _cs("the financial intelligence centre", "The financial intelligence centre in Pretoria flagged the "
               "transfers.")[1] == "GOV"  # fmt: skip
    assert _cs("the country's financial intelligence unit")[1] == "GOV"


def test_a_national_body_named_by_its_function_is_the_states() -> None:
    assert _cs("the national water resources authority", "The national water resources authority in Ghana cut "
               "supplies.") == ("GHA", "GOV")  # fmt: skip
    assert _cs("the State Forestry Administration")[1] == "GOV"
    assert _cs("the federal roads agency")[1] == "GOV"
    # no state word: nothing is said
    assert _cs("the agency")[1] is None
    assert _cs("the roads agency")[1] is None


def test_utilities_and_prosecuting_bodies_by_their_head_words() -> None:
    assert _cs("the power utility", "The power utility cut supplies across Zambia.") == ("ZMB", "BUS")
    assert _cs("the water utility")[1] == "BUS"
    assert _cs("the prosecutor-general's office")[1] == "JUD"
    assert _cs("Ukraine's procurator-general")[1] == "JUD"
    assert _cs("the national prosecuting authority")[1] == "JUD"


# --- parties out of power (_coding.py) ------------------------------------------------------------------------------


def test_a_former_ruling_party_is_a_party_no_former_official() -> None:
    assert _cs("the ex-ruling party", "The ex-ruling party in Zambia cried foul.") == ("ZMB", "PTY")
    assert _cs("Malawi's former governing party") == ("MWI", "PTY")
    assert _cs("the former ruling coalition")[1] == "PTY"
    # still in power: GOV
    assert _cs("the governing party")[1] == "GOV"


def test_party_names_that_hold_a_shorter_listed_name() -> None:
    assert _cs("Japan's Liberal Democratic Party") == ("JPN", "PTY")
    assert _cs("the Sandinista Front's candidates")[0] == "NIC"


def test_a_name_two_countries_bodies_bear_takes_the_sentences_country() -> None:
    # (_coding.py `_namesake`: hand-listed bodies of two countries under one name or acronym)
    assert _cs(
        "the Peoples Democratic Party", "Governors of the Peoples Democratic Party met in Port Harcourt."
    ) == (
        "NGA",
        "PTY",
    )
    assert _cs(
        "the Peoples' Democratic Party", "Turkish prosecutors charged the Peoples' Democratic Party."
    ) == (
        "TUR",
        "PTY",
    )
    assert _cs("UDA", "UDA politicians toured Eldoret in western Kenya.") == ("KEN", "PTY")
    assert _cs("PTI", "PTI quoted officials in Mumbai as saying the rains would ease.") == ("IND", "JRN")
    assert _cs("PTI", "PTI workers rallied in Peshawar.") == ("PAK", "PTY")


# --- regional bodies and their mediators (_words.py `_GENERIC_HEADS`) -----------------------------------------------


def test_a_regional_bodys_mediator_is_its_official() -> None:
    assert _cs("an IGAD mediator") == ("IGO", "GOV")
    assert _cs("the ECOWAS mediators") == ("IGO", "GOV")
    # a state's mediator is that state's, the sector left to its post
    assert _cs("a Qatari mediator")[0] == "QAT"


def test_the_african_unions_security_council_is_no_un_body() -> None:
    assert _cs("the AU Peace and Security Council")[0] == "IGO"
    assert _cs("members of the African Union Peace and Security Council")[0] == "IGO"
    assert _cs("the UN Security Council")[0] == "UNO"


def test_unlisted_institutions_of_the_european_union() -> None:
    assert _cs("the European Court of Auditors")[0] == "EUR"
    assert _cs("the European Ombudsman")[0] == "EUR"
    assert _cs("the European Public Prosecutor's Office") == ("EUR", "JUD")
    # the Council of Europe's court and regional constructs are not the EU
    assert _cs("the European Court of Human Rights")[0] == "IGO"
    assert _cs("European leaders")[0] is None


# --- militias named after places or people (data/actors/groups.tsv, _rules.py `_REBEL_HEADS`) -----------------------


def test_militias_named_after_towns() -> None:
    assert _cs("fighters of the Zintan brigade")[0] == "LBY"
    assert _cs("the Tripoli Revolutionaries Battalion")[1] in ("PRM", "REB")
    assert _cs("the Benghazi Defense Brigades")[1] in ("PRM", "REB")


def test_militias_named_after_people_are_not_the_people() -> None:
    assert _cs("the Sultan Murad Brigade", "The Sultan Murad Brigade, backed by Ankara, shelled Manbij.") == (
        "SYR",
        "REB",
    )
    assert _cs("the Kadyrovites") == ("RUS", "PRM")


def test_resistance_units_are_an_armed_movement() -> None:
    assert _cs("the Shingal Resistance Units", "The Shingal Resistance Units clashed with Iraqi troops.") == (
        "IRQ",
        "REB",
    )
    assert _cs("the Ninewa Resistance Units")[1] == "REB"


# --- seats of power outside the usual capitals (data/actors/seats.tsv) ----------------------------------------------


def test_palaces_and_headquarters_as_metonyms() -> None:
    assert _cs("Koulouba Palace") == ("MLI", "GOV")
    assert _cs("Miraflores", "Miraflores rejected the talks with the opposition.") == ("VEN", "GOV")
    assert _cs("Carthage Palace officials")[0] == "TUN"
    assert _cs("Rawalpindi", "The generals in Rawalpindi signalled their displeasure.") == ("PAK", "MIL")


def test_the_s18_check_set_is_well_formed() -> None:
    rows = [
        json.loads(line)
        for line in (Path(__file__).parent / "data" / "actors_own_s18.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    assert {r["batch"] for r in rows} == {16, 17}
    assert len({r["id"] for r in rows}) == len(rows)
    assert all(r["text"] in r["context"] for r in rows)
