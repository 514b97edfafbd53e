"""Actor coding, session 13 (issue 3): post-2014 office holders by class, in the NGEC case style.

Check set: tests/data/actors_own_s13.jsonl (+ .md; batches 8-11, the last an untuned transfer check). Every example here is written for this file; none
is taken from an evaluation set. Each rule has at least two differently worded cases; the first case of each test
failed before the session's change.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.actors_helpers import country_sector_at

_cs = country_sector_at(None)


# --- rules -----------------------------------------------------------------------------------------------------


def test_a_capital_after_a_listed_given_name_is_a_surname() -> None:
    assert _cs("Jack London") == (None, None)
    assert _cs("Pedro Lima") == (None, None)
    assert _cs("Enrique Paris", date="2021-06-01") == ("CHL", "GOV")  # Chile's health minister, now listed
    assert _cs("Maria Lima") == (None, None)
    # the capital alone, before a role noun or after "of" still names the state
    assert _cs("Paris") == ("FRA", "GOV")
    assert _cs("London police") == ("GBR", "COP")
    assert _cs("the mayor of Paris") == ("FRA", "GOV")


def test_a_given_name_is_no_misspelt_name() -> None:
    # a lone given name one letter off a country or a listed surname is that given name, not a typo
    assert _cs("Angela") == (None, None)  # not Angola
    assert _cs("Angela", "Angela said the talks would go on.") == (None, None)
    # real misspellings of one-word names still resolve
    assert _cs("Pashinian", date="2022-06-01") == ("ARM", "GOV")
    assert _cs("Phillippines")[0] == "PHL"


def test_local_before_a_post_of_the_state_is_a_level_of_government() -> None:
    assert _cs("local officials in Sindh province") == ("PAK", "GOV")
    assert _cs("a local official")[1] == "GOV"
    assert _cs("local authorities")[1] == "GOV"
    # the locals themselves stay civilians
    assert _cs("local residents")[1] == "CVL"
    assert _cs("locals")[1] == "CVL"


def test_growers_of_a_crop_are_farmers() -> None:
    assert _cs("a Bolivian coca grower") == ("BOL", "AGR")
    assert _cs("coffee growers")[1] == "AGR"
    assert _cs("a Kenyan tea grower") == ("KEN", "AGR")


def test_the_staff_of_a_hospital_are_medical_workers() -> None:
    assert _cs("hospital staff")[1] == "MED"
    assert _cs("medical staff at the clinic")[1] == "MED"
    assert _cs("embassy staff")[1] == "GOV"


def test_presidential_palaces_stand_for_their_government() -> None:
    assert _cs("Malacañang") == ("PHL", "GOV")
    assert _cs("the Casa Rosada") == ("ARG", "GOV")
    assert _cs("La Moneda") == ("CHL", "GOV")
    assert _cs("Parliament Hill") == ("CAN", "LEG")


# --- data by class ----------------------------------------------------------------------------------------------


def test_cabinet_ministers_beyond_the_core_portfolios() -> None:
    assert _cs("Carlo Nordio", date="2023-06-01") == ("ITA", "GOV")  # justice
    assert _cs("Nadiem Makarim", date="2022-06-01") == ("IDN", "GOV")  # education
    assert _cs("Greg Hunt", date="2020-06-01") == ("AUS", "GOV")  # health
    # listed only with older periods: the later ministry, not a former official
    assert _cs("Matia Kasaija", date="2022-06-01") == ("UGA", "GOV")
    assert _cs("Pravin Gordhan", date="2022-06-01") == ("ZAF", "GOV")


def test_the_post_held_on_the_date_decides() -> None:
    assert _cs("Ihor Klymenko", date="2022-06-01") == ("UKR", "COP")  # police chief, then minister
    assert _cs("Ihor Klymenko", date="2023-06-01") == ("UKR", "GOV")
    assert _cs("Jeremy Corbyn", date="2018-01-01") == ("GBR", "OPP")  # Leader of the Opposition, then MP
    assert _cs("Jeremy Corbyn", date="2022-06-01") == ("GBR", "LEG")
    assert _cs("Matt Hancock", date="2020-06-01") == ("GBR", "GOV")
    assert _cs("Matt Hancock", date="2024-05-29") == ("GBR", "LEG")
    assert _cs("Lars Klingbeil", date="2023-03-01") == ("DEU", "PTY")
    assert _cs("Hun Sen", date="2024-05-29") == ("KHM", "LEG")


def test_news_outlets_and_companies_the_lists_lacked() -> None:
    assert _cs("Kompas") == ("IDN", "JRN")
    assert _cs("Channel News Asia") == ("SGP", "JRN")
    assert _cs("Punch newspaper") == ("NGA", "JRN")
    assert _cs("MTN Group") == ("ZAF", "BUS")
    assert _cs("Garuda Indonesia") == ("IDN", "BUS")
    assert _cs("at dawn") == (None, None)  # "Dawn" is listed only with its head word


# --- the own set --------------------------------------------------------------------------------------------------


def test_the_session_set_is_well_formed() -> None:
    rows = [
        json.loads(x)
        for x in (Path(__file__).parent / "data" / "actors_own_s13.jsonl").open(encoding="utf-8")
    ]
    assert len(rows) >= 300
    assert len({r["id"] for r in rows}) == len(rows)
    assert {r["batch"] for r in rows} == {8, 9, 10, 11}
    for r in rows:
        assert r["text"].lower() in r["context"].lower()


def test_the_session_set_floor() -> None:
    from dateline.evaluate.actors import _OWN_S13, _own_s9

    got = _own_s9(_OWN_S13)
    for batch in ("batch8", "batch9", "batch10"):
        assert got[batch]["context"]["country_accuracy"] >= 0.98
        assert got[batch]["context"]["sector_accuracy"] >= 0.98
    # batch 11 is the untuned transfer check (0.841 / 0.825 on its only run): guard it against regressions only
    assert got["batch11"]["context"]["country_accuracy"] >= 0.8
    assert got["batch11"]["context"]["sector_accuracy"] >= 0.8
