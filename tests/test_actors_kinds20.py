"""Actor coding, session 20 (issue 3): a state force's or militia's fighters, the military police of a state or
city, a place named with its place noun that opens a role ("the Kiambu county commissioner"), provincial assemblies,
district magistrates and looters, unnamed actors placed off a coast or on a town's outskirts, and data rows
(ministries and police forces by their own names, a regional vigilante force, national media and rights groups, a UN
mission, the ADF's country).

Check set: tests/data/actors_own_s20.jsonl (+ .md; batch 20 tuned on, batch 21 an untuned transfer check). Every
example here is written for this file; none is taken from an evaluation set or from the check set. Each rule has at
least two differently worded cases.
"""

from __future__ import annotations

from tests.actors_helpers import country_sector_at

_cs = country_sector_at("2019-05-01")


# --- a named state force's or militia's fighters (dateline/actors/_coding.py) ------------------------------------


def test_a_state_force_or_militias_fighters_keep_its_sector() -> None:
    assert _cs("Peshmerga fighters", "Peshmerga fighters held the ridge above Bashiqa for a week.") == (
        "IRQ",
        "MIL",
    )
    assert _cs("Popular Mobilization Forces fighters") == ("IRQ", "PRM")
    assert _cs("Wagner fighters", "Wagner fighters were seen near the airport of Bangui.") == ("RUS", "PRM")


def test_a_rebel_groups_fighters_stay_rebels() -> None:
    assert _cs("Hezbollah fighters") == ("LBN", "REB")
    assert _cs("Hamas militants")[1] == "REB"


# --- the military police of a state or city (_coding.py `_local_military_police`) ---------------------------------


def test_the_military_police_of_a_state_or_city_are_police() -> None:
    assert _cs("Bahia state military police") == ("BRA", "COP")
    assert _cs(
        "Minas Gerais military police", "Minas Gerais military police cleared a road blocked by miners."
    ) == (
        "BRA",
        "COP",
    )


def test_a_countrys_military_police_stay_military() -> None:
    assert _cs("the Egyptian military police") == ("EGY", "MIL")
    assert _cs("Brazil's military police")[1] == "MIL"


# --- a place noun that opens a role (_coding.py `_place_noun_title`) -----------------------------------------------


def test_a_place_noun_opening_a_role_gives_the_role() -> None:
    assert _cs("the Kiambu county commissioner") == ("KEN", "GOV")
    assert _cs("Garissa County Commissioner", "Garissa County Commissioner said the road was closed.") == (
        "KEN",
        "GOV",
    )
    assert _cs("the Kathua district magistrate") == ("IND", "GOV")


def test_a_place_with_its_noun_alone_stays_a_place() -> None:
    assert _cs("Garissa County") == ("KEN", None)
    assert _cs("Nakuru county police commander") == ("KEN", "COP")  # (the role matched without the noun)


# --- role words (data/actors/agents_extra.tsv) ----------------------------------------------------------------------


def test_provincial_and_state_assemblies_are_legislatures() -> None:
    assert _cs("the Balochistan Assembly") == ("PAK", "LEG")
    assert _cs("the Bihar assembly", "The Bihar assembly passed a resolution on the census.") == (
        "IND",
        "LEG",
    )
    assert _cs("a public assembly")[1] is None  # a gathering, no legislature


def test_a_district_magistrate_is_an_administrator() -> None:
    assert _cs("the district magistrate", "The district magistrate in Srinagar banned gatherings.") == (
        "IND",
        "GOV",
    )
    assert _cs("a district magistrate in Bangladesh") == ("BGD", "GOV")
    assert _cs("the magistrate", "The magistrate in Nairobi denied the suspects bail.") == ("KEN", "JUD")


def test_looters_are_criminals() -> None:
    assert _cs("looters", "Looters ransacked warehouses in Tegucigalpa overnight.") == ("HND", "CRM")
    assert _cs("armed looters")[1] == "CRM"
    assert _cs("Commissioner of Police")[1] == "COP"


# --- an unnamed actor placed off a coast or on a town's outskirts (dateline/actors/_rules.py `_located_country`) ----


def test_an_unnamed_actor_off_a_coast_or_on_the_outskirts_is_of_that_place() -> None:
    assert _cs("pirates", "Pirates seized a Danish freighter off the coast of Yemen.") == ("YEM", "CRM")
    assert _cs("gunmen", "Gunmen abducted a Chinese engineer on the outskirts of Maiduguri.") == (
        "NGA",
        "UAF",
    )
    assert _cs("smugglers", "Smugglers abandoned a boat carrying Syrian migrants off Libya.") == (
        "LBY",
        "CRM",
    )


# --- data rows (data/actors/seats.tsv, institutions.tsv, groups.tsv) -------------------------------------------------


def test_ministries_by_their_local_names() -> None:
    assert _cs("the Auswärtiges Amt", "The Auswärtiges Amt summoned the Turkish envoy.") == ("DEU", "GOV")
    assert _cs("Bercy", "Bercy forecast slower growth for next year.") == ("FRA", "GOV")


def test_police_forces_by_their_own_names() -> None:
    assert _cs("the Gardaí", "The Gardaí searched a farm in County Louth.") == ("IRL", "COP")
    assert _cs("Hisbah officials", "Hisbah officials arrested 12 men in Kano.") == ("NGA", "COP")
    assert _cs("the Sûreté du Québec") == ("CAN", "COP")
    assert _cs("the Levies", "The Levies recovered the kidnapped engineers near Turbat.") == ("PAK", "COP")


def test_a_regional_vigilante_force_and_an_armed_group_of_its_place() -> None:
    assert _cs("the Civilian JTF", "The Civilian JTF guarded the camp at Bama.") == ("NGA", "PRM")
    assert _cs("ADF rebels", "ADF rebels raided a village near Oicha.") == ("COD", "REB")


def test_national_media_rights_groups_and_a_un_mission() -> None:
    assert _cs("Prothom Alo") == ("BGD", "JRN")
    assert _cs("KontraS") == ("IDN", "SOC")
    assert _cs("UNAMID", "UNAMID said its patrol had come under fire in El Fasher.")[0] == "UNO"
