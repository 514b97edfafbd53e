"""Actor coding, session 17 (issue 3): South Asian and African security forces, local police placed by a town,
given names that are country or agency words, people named by surname after their first mention, described victims
and professional and civil groups.

Check set: tests/data/actors_own_s17.jsonl (+ .md; batch 14 tuned on, batch 15 an untuned transfer check). Every
example here is written for this file; none is taken from an evaluation set or from the check set. Each rule has at
least two differently worded cases.
"""

from __future__ import annotations

import json
from pathlib import Path

from dateline.actors import code_actor
from tests.actors_helpers import country_sector_at

_cs = country_sector_at("2023-05-01")


# --- security forces and civil bodies by their head words (data/actors/agents_extra.tsv, institutions.tsv) -------


def test_paramilitary_rangers_are_a_police_force_of_the_place_named() -> None:
    assert _cs("the Pakistan Rangers") == ("PAK", "COP")
    assert _cs("Rangers", "Rangers detained the lawmaker outside the Lahore High Court.") == ("PAK", "COP")
    assert _cs("Sindh Rangers") == ("PAK", "COP")


def test_police_departments_and_squads_by_their_head_words() -> None:
    assert _cs(
        "the Counter Terrorism Department", "The Counter Terrorism Department raided a house in Multan."
    ) == (
        "PAK",
        "COP",
    )
    assert _cs("Kenya's counter-terrorism department") == ("KEN", "COP")
    assert _cs("the state anti-robbery squad", "The state anti-robbery squad arrested two men in Enugu.") == (
        "NGA",
        "COP",
    )


def test_south_asian_and_african_security_bodies() -> None:
    assert _cs("the Frontier Corps", "The Frontier Corps lost two men near Chaman.")[1] == "MIL"
    assert _cs("Frontier Corps soldiers") == ("PAK", "MIL")
    assert _cs("RAB", "RAB said it had seized yaba pills in Chittagong.") == ("BGD", "COP")
    assert _cs("the Rapid Action Battalion") == ("BGD", "COP")
    assert _cs("Ghana's Bureau of National Investigations") == ("GHA", "SPY")
    assert _cs("Uganda's Internal Security Organisation") == ("UGA", "SPY")
    assert _cs("Russia's Africa Corps", date="2024-08-01") == ("RUS", "MIL")


def test_bar_councils_chambers_and_farmers_and_students_bodies() -> None:
    assert _cs("the Punjab Bar Council", "The Punjab Bar Council suspended a lawyer in Lahore.") == (
        "PAK",
        "JUD",
    )
    assert _cs("the Sindh Bar Council", "The Sindh Bar Council called a strike in Karachi.") == ("PAK", "JUD")
    assert _cs("the Bangladesh Federation of Chambers of Commerce") == ("BGD", "BUS")
    assert _cs("the Uganda Private Sector Foundation alliance")[1] == "BUS"
    assert _cs("the Nepal private sector") == ("NPL", "BUS")
    assert _cs("the Rajasthan Kisan Sabha", "The Rajasthan Kisan Sabha marched to Jaipur.")[1] == "AGR"
    assert _cs("the Chhatra League", "The Chhatra League occupied the hall in Dhaka.") == ("BGD", "EDU")


def test_a_named_bodys_operatives_are_its_own() -> None:
    assert _cs("Amotekun operatives") == ("NGA", "PRM")
    assert _cs("Hezbollah operatives")[1] == "REB"
    # an intelligence service's operatives, or a state's, stay spies
    assert _cs("CIA operatives") == ("USA", "SPY")
    assert _cs("Russian operatives") == ("RUS", "SPY")


# --- a listed surname after "in"/"near" is a town, not the person --------------------------------------------------


def test_a_surname_after_a_place_preposition_is_a_town() -> None:
    ctx = "Kenya reopened the border post. Police in Busia said the lorries were moving again."
    assert _cs("Police in Busia", ctx) == ("KEN", "COP")
    assert _cs("traders in Busia", "Kenyan officials met traders in Busia on Friday.")[0] == "KEN"
    assert _cs("soldiers near Kulundu", "Tajik soldiers near Kulundu fired on the post.") == ("TJK", "MIL")
    # a surname standing alone is still the listed person
    assert code_actor("Busia").name == "Kofi Busia"


# --- given names that are country or agency words ------------------------------------------------------------------


def test_a_country_name_given_as_a_first_name_is_no_country() -> None:
    assert _cs("Chad Okafor", "Nigerian engineer Chad Okafor said the bridge was safe.")[0] == "NGA"
    assert _cs("Israel Mensah", "Ghanaian pastor Israel Mensah said the church would help.") == ("GHA", "REL")
    assert _cs("Jordan Mwale", "Malawian lawyer Jordan Mwale said the court would sit on Monday.") == (
        "MWI",
        "JUD",
    )
    assert code_actor("Niger Innis").country is None


def test_an_agency_acronym_written_as_a_given_name_is_no_agency() -> None:
    assert _cs("Sana Baig", "Pakistani nurse Sana Baig said the ward was full.") == ("PAK", "MED")
    assert _cs("Nia Kamau", "Kenyan doctor Nia Kamau said the ward was full.") == ("KEN", "MED")
    assert code_actor("Sana Mir").country != "SYR"


def test_country_and_acronym_readings_that_stay() -> None:
    assert code_actor("Israel Katz", date="2025-01-10").country == "ISR"
    assert _cs("Jordan Valley")[0] == "JOR"
    assert _cs("Iran Khodro")[0] == "IRN"
    assert _cs("Ghana Police") == ("GHA", "COP")
    assert _cs("Bosnian Serbs")[0] == "BIH"
    assert _cs("Krajina Serbs")[0] == "HRV"
    assert _cs("SANA") == ("SYR", "JRN")
    assert _cs("Israel Hayom") == ("ISR", "JRN")


# --- a person named by surname takes the title of the first mention ------------------------------------------------


def test_a_surname_takes_the_title_of_its_first_mention() -> None:
    ctx = "Nigerian army major Sani Idris led the patrol. Idris said the road was clear."
    assert _cs("Idris", ctx) == ("NGA", "MIL")
    ctx = "Kenyan nurse Grace Mutua ran the clinic alone. Mutua said the drugs had run out."
    assert _cs("Mutua", ctx) == ("KEN", "MED")
    ctx = "The talks were led by Ugandan union leader Sarah Nakato. Nakato said the offer was too low."
    assert _cs("Nakato", ctx) == ("UGA", "LAB")


def test_a_listed_surname_of_another_person_named_in_full_takes_that_persons_title() -> None:
    ctx = "Pakistani army captain Bilal Qureshi led the patrol. Qureshi said the pass was open."
    assert _cs("Qureshi", ctx) == ("PAK", "MIL")
    ctx = "Bangladeshi High Court judge Kamal Hossain heard the case. Hossain adjourned it to Monday."
    assert _cs("Hossain", ctx) == ("BGD", "JUD")
    # the listed person named in full stays himself
    ctx = "Pakistani Prime Minister Shehbaz Sharif arrived in Ankara. Sharif said trade would grow."
    assert _cs("Sharif", ctx, "2024-06-04") == ("PAK", "GOV")


def test_a_towns_name_the_sentence_gives_a_person_first_is_that_person() -> None:
    ctx = "Zambian opposition lawmaker Musonda Banda spoke in the debate. Banda said farmers were ignored."
    assert _cs("Banda", ctx) == ("ZMB", "LEG")
    ctx = "Malawian union leader Peter Banda spoke on Monday. Banda said wages were too low."
    assert _cs("Banda", ctx) == ("MWI", "LAB")
    # the town itself stays a town
    assert _cs("Banda", "Floods hit Banda on Monday.") == ("IND", "CVL")


# --- described victims -----------------------------------------------------------------------------------------


def test_school_pupils_named_by_sex_are_pupils() -> None:
    assert _cs("the abducted schoolgirls", "Gunmen freed the abducted schoolgirls in Katsina, Nigeria.") == (
        "NGA",
        "EDU",
    )
    assert _cs("Afghan schoolgirls") == ("AFG", "EDU")
    assert _cs("a schoolchild", "A schoolchild was hurt when the roof fell in Gulu, Uganda.") == (
        "UGA",
        "EDU",
    )


def test_a_name_with_no_title_in_its_sentence_takes_none() -> None:
    assert _cs("Nyamweya", "Nyamweya said the road was closed.") == (None, None)
    assert _cs("Oduya", "A spokesman said Oduya had left.") == (None, None)


# --- the set's figures -------------------------------------------------------------------------------------------


def test_the_s17_check_set_is_well_formed() -> None:
    rows = [
        json.loads(line)
        for line in (Path(__file__).parent / "data" / "actors_own_s17.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    assert {r["batch"] for r in rows} == {14, 15}
    assert len({r["id"] for r in rows}) == len(rows)
    assert all(r["text"] in r["context"] for r in rows)
