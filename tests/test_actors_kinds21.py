"""Actor coding, session 21 (issue 3): a leader's armed followers ("Kadyrov's men", "soldiers loyal to Assad", "Assad
loyalists"), unlisted election-commission acronyms acting as the election authority of their sentence, a news outlet's
producer, the heads and bodies of churches and Muslim scholars by their own titles, advisers, and data rows (religious
institutions, election commissions by acronym, the Dalai Lama, Reuters' country).

Check set: tests/data/actors_own_s21.jsonl (+ .md; batch 22 tuned on, batch 23 an untuned transfer check). Every
example here is written for this file; none is taken from an evaluation set or from the check set. Each rule has at
least two differently worded cases.
"""

from __future__ import annotations

from dateline.actors import code_actor
from tests.actors_helpers import country_sector_at

_cs = country_sector_at("2019-05-01")


# --- a leader's armed followers (dateline/actors/_coding.py: _followers) -----------------------------------------


def test_a_state_figures_troops_are_the_military_and_his_men_a_militia() -> None:
    assert _cs("Putin's troops", date="2022-03-01") == ("RUS", "MIL")
    assert _cs("Kadyrov's men", date="2023-05-01") == ("RUS", "PRM")
    assert _cs("Soldiers loyal to Assad", date="2015-01-01") == ("SYR", "MIL")
    assert _cs("Troops loyal to Maduro", date="2019-04-30") == ("VEN", "MIL")


def test_followers_loyal_to_a_leader_are_his_side_not_the_leader() -> None:
    assert _cs("Militiamen loyal to Dostum", date="2015-06-01") == ("AFG", "PRM")
    assert _cs("Gunmen loyal to Gbagbo", date="2011-03-01") == ("CIV", "PRM")
    assert code_actor("Fighters loyal to Prigozhin", date="2023-06-24").name is None


def test_a_militia_or_rebel_leaders_followers_are_his_kind() -> None:
    assert _cs("Fighters loyal to Prigozhin", date="2023-06-24") == ("RUS", "PRM")
    assert _cs("Machar's fighters", date="2014-02-01") == ("SSD", "REB")


def test_a_leaders_loyalists_are_a_militia() -> None:
    assert _cs("Assad loyalists", date="2015-01-01") == ("SYR", "PRM")
    assert _cs("Gbagbo loyalists", date="2011-04-01") == ("CIV", "PRM")


def test_a_noun_that_says_more_keeps_its_sector() -> None:
    assert _cs("Kabila's rebels", date="1997-01-01") == ("COD", "REB")
    assert _cs("Aidid's militia", date="1993-06-01") == ("SOM", "PRM")
    assert _cs("Putin's spokesman", date="2022-01-01") == ("RUS", "GOV")


# --- an unlisted acronym acting as the election authority (dateline/actors/_context.py: _poll_body) -------------


def test_an_unlisted_acronym_that_runs_the_election_is_the_commission() -> None:
    assert _cs(
        "The CEC",
        "The CEC in Bishkek annulled the results of the parliamentary election.",
        "2020-10-06",
    ) == ("KGZ", "GOV")
    assert _cs(
        "The GEC",
        "The GEC in Ulaanbaatar certified the results of the parliamentary election.",
        "2020-06-26",
    ) == ("MNG", "GOV")


def test_an_unlisted_acronym_that_reports_the_turnout_is_the_commission() -> None:
    assert _cs(
        "the CEC", "Turnout in the referendum was 42 percent, the CEC in Chisinau said.", "2021-07-12"
    ) == (
        "MDA",
        "GOV",
    )


def test_an_acronym_outside_an_election_or_a_listed_party_is_no_commission() -> None:
    assert _cs("The ABC", "The ABC declared a dividend in Lagos.", "2021-07-12")[1] != "GOV"
    assert _cs("The ZRP", "The ZRP barred the march in Harare.", "2021-07-12")[1] != "GOV"
    assert _cs("The MDC", "The MDC declared that the election in Harare was rigged.", "2008-04-01") == (
        "ZWE",
        "PTY",
    )


# --- a news outlet's producer (dateline/actors/_coding.py) --------------------------------------------------------


def test_a_news_outlets_producer_is_media() -> None:
    assert _cs("a BBC producer") == ("GBR", "JRN")
    assert _cs("an Al Jazeera producer") == ("QAT", "JRN")
    assert _cs("an oil producer")[1] == "BUS"


# --- data: religious heads and bodies by their titles (agents_extra.tsv, institutions.tsv, public_figures.tsv) ---


def test_patriarchates_and_catholicoi_are_religious() -> None:
    assert _cs("the patriarchate in Kyiv") == ("UKR", "REL")
    assert _cs("the Serbian Patriarchate") == ("SRB", "REL")
    assert _cs("the Catholicos of the Georgian Church") == ("GEO", "REL")


def test_ulema_are_religious() -> None:
    assert _cs("a council of ulema in Kano") == ("NGA", "REL")
    assert _cs("Pakistani ulema") == ("PAK", "REL")


def test_religious_institutions_by_their_own_names() -> None:
    assert _cs("Al-Azhar") == ("EGY", "REL")
    assert _cs("Al-Azhar University") == ("EGY", "EDU")
    assert _cs("the Holy See") == ("VAT", "REL")
    assert _cs("the Dalai Lama") == ("CHN", "REL")
    assert _cs("the Chief Rabbinate") == ("ISR", "REL")
    assert _cs("Nahdlatul Ulama") == ("IDN", "REL")
    assert _cs("the Ecumenical Patriarchate") == ("TUR", "REL")
    assert _cs("Darul Uloom Deoband") == ("IND", "REL")
    assert _cs("the Council of Islamic Ideology") == ("PAK", "GOV")


def test_election_commissions_by_acronym() -> None:
    assert _cs("the ECP") == ("PAK", "GOV")
    assert _cs("the YSK") == ("TUR", "GOV")
    assert _cs("the JNE") == ("PER", "JUD")


def test_reuters_is_british_media() -> None:
    assert _cs("Reuters") == ("GBR", "JRN")
    assert _cs("a Reuters photographer") == ("GBR", "JRN")


def test_advisers_are_governments_unless_the_word_before_says_more() -> None:
    assert _cs("Russian advisers") == ("RUS", "GOV")
    assert _cs("a presidential adviser")[1] == "GOV"
    assert _cs("Iranian military advisers") == ("IRN", "MIL")
    assert _cs("a financial adviser")[1] == "BUS"


# --- data: a family name two leaders share is the one in office on the date (historical.tsv, people.tsv) ---------


def test_a_family_name_is_the_leader_in_office_on_the_date() -> None:
    assert code_actor("Kenyatta", date="1970-05-01").name == "Jomo Kenyatta"
    assert code_actor("Kenyatta", date="2016-05-01").name == "Uhuru Kenyatta"
    assert code_actor("Assad", date="1990-05-01").name == "Hafez al-Assad"
    assert code_actor("Assad", date="2012-05-01").name == "Bashar al-Assad"
    assert code_actor("Bongo", date="1995-05-01").name == "Omar Bongo"
    assert code_actor("Bongo", date="2016-05-01").name == "Ali Bongo Ondimba"


def test_a_family_names_earlier_leader_is_a_rebel_before_taking_power() -> None:
    assert _cs("Kabila", date="1997-02-01") == ("COD", "REB")
    assert _cs("Kabila", date="1999-02-01") == ("COD", "GOV")
    assert code_actor("Kabila", date="2012-02-01").name == "Joseph Kabila"
    assert code_actor("Aliyev", date="2019-02-01").name == "Ilham Aliyev"
