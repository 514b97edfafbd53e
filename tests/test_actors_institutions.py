"""Sixth-session actor coding: state institutions by class (data/actors/institutions.tsv), the coder rules added with
them, and the eval suite's miss classification -- on mentions written for these tests (no evaluation items)."""

from __future__ import annotations

import pytest

from dateline.actors import _norm, _rows, code_actor
from dateline.evaluate.actors import _miss_kind


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        # intelligence services
        ("the DGSE", "FRA", "SPY"),
        ("MI6", "GBR", "SPY"),
        ("Bundesnachrichtendienst", "DEU", "SPY"),
        ("Research and Analysis Wing", "IND", "SPY"),
        # police, gendarmeries, investigators
        ("Carabinieri", "ITA", "COP"),
        ("Royal Canadian Mounted Police", "CAN", "COP"),
        ("the EFCC", "NGA", "COP"),
        # armed forces, fleets, commands
        ("the Black Sea Fleet", "RUS", "MIL"),
        ("CENTCOM", "USA", "MIL"),
        ("the Bundeswehr", "DEU", "MIL"),
        # courts
        ("the Supreme People's Court", "CHN", "JUD"),
        ("European Court of Human Rights", "IGO", "JUD"),
        # electoral commissions, central banks
        ("INEC", "NGA", "GOV"),
        ("Reserve Bank of India", "IND", "GOV"),
        # state media and news agencies (PLOVER 2.0: JRN)
        ("Saudi Press Agency", "SAU", "JRN"),
        ("Bernama", "MYS", "JRN"),
        # state and national companies
        ("Sonatrach", "DZA", "BUS"),
        ("Pemex", "MEX", "BUS"),
        # parties, armed groups
        ("Georgian Dream", "GEO", "PTY"),
        ("Jalisco New Generation Cartel", "MEX", "CRM"),
        ("JNIM", "MLI", "REB"),
    ],
)
def test_institution_classes(text: str, country: str, sector: str) -> None:
    a = code_actor(text, date="2023-06-01")
    assert (a.country, a.sector) == (country, sector)


def test_institution_rows_do_not_contradict_other_hand_files() -> None:
    """A name or alias in institutions.tsv is not given another code by another hand-written file."""
    mine: dict[str, tuple[str, str]] = {}
    for r in _rows("institutions.tsv"):
        r = r + [""] * (8 - len(r))
        for key in [r[0], *r[7].split("|")]:
            if key.strip():
                mine[_norm(key.lower())] = (r[1].strip(), r[2].strip())
    for fname in ("people.tsv", "leaders.tsv", "ministers.tsv", "officeholders.tsv", "groups.tsv"):
        for r in _rows(fname):
            r = r + [""] * (8 - len(r))
            for key in [r[0], *r[7].split("|")]:
                k = _norm(key.lower())
                if k in mine and not r[4] and not r[5]:
                    assert mine[k] == (r[1].strip(), r[2].strip()), (fname, key)


def test_derived_parliament_is_legislature() -> None:
    # derived rows filed as government with legislature second are parliaments
    assert code_actor("Lok Sabha").sector == "LEG"


def test_democratic_forces_are_armed_groups() -> None:
    assert code_actor("the Kivuli Democratic Forces").sector == "REB"
    assert code_actor("Kivuli Defence Forces").sector == "MIL"
    assert code_actor("the Kivuli armed forces").sector == "MIL"


@pytest.mark.parametrize(
    ("text", "igo"),
    [
        ("a multinational force", True),
        ("international troops", True),
        ("a regional peacekeeping force", True),
        ("Amhara regional forces", False),
        ("Nigerian troops", False),
    ],
)
def test_multinational_forces(text: str, igo: bool) -> None:
    assert (code_actor(text, "Somalia").country == "IGO") is igo


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("councillors", "GOV"),
        ("the stock exchange", "BUS"),
        ("royal guard", "MIL"),
        ("state security agents", "SPY"),
    ],
)
def test_role_nouns(text: str, sector: str) -> None:
    assert code_actor(text).sector == sector


def test_palace_names_are_not_government() -> None:
    # "palace" alone says nothing: a football club or a building
    assert code_actor("Crystal Palace").sector != "GOV"


def test_miss_kind() -> None:
    assert _miss_kind("Some Listed Name", "person") == "known_wrong_code"
    assert _miss_kind(None, "person") == "unknown_entity"
    assert _miss_kind(None, "described") == "description_only"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("the Association of West African Kivuli Breeders", "NGO"),
        ("the World Kivuli Federation", "NGO"),
        ("the African Union", "IGO"),  # an intergovernmental body the lexicon lists stays as listed
        ("the Kenya Kivuli Association", "KEN"),  # a national body keeps its country
    ],
)
def test_transnational_bodies(text: str, country: str) -> None:
    assert code_actor(text, "Libya").country == country


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Bavarian state government", "DEU", "GOV"),
        ("Darfuri refugees", "SDN", "REF"),
        ("a Sicilian prosecutor", "ITA", "JUD"),
        ("North Korea's state news agency", "PRK", "JRN"),
    ],
)
def test_regional_demonyms_and_state_media(text: str, country: str, sector: str) -> None:
    a = code_actor(text)
    assert (a.country, a.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "sector"),
    [("anti-government militia", "REB"), ("rebel militia", "REB"), ("pro-government militia", "PRM")],
)
def test_militias_against_the_state_are_rebels(text: str, sector: str) -> None:
    assert code_actor(text).sector == sector


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Mohammed Mustafa",
            "Mohammad Mustafa",
        ),  # a shared surname: only the full name, given name respelt, finds him
        ("Mohammad Shia al-Sudani", "Mohammed Shia al-Sudani"),
    ],
)
def test_given_name_spelling_variants(text: str, name: str) -> None:
    a = code_actor(text, date="2024-06-01")
    assert a.name == name and a.sector == "GOV"


def test_unknown_name_with_variant_given_name_stays_unknown() -> None:
    assert code_actor("Mohammed Kivulinov", date="2024-06-01").name is None


def test_faith_word_before_listed_official_is_no_office() -> None:
    assert code_actor("Shia leader Mohammed Shia al-Sudani", date="2024-06-01").sector != "MUS"
