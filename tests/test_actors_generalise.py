"""Actor coding that generalises beyond the lexicons: graded titles, organisation names read by their head noun and
their "of <country>" phrase, armed movements named as such, dissolved groups, stale derived offices, the manual's
partially recognised entities, and a person's office or country read from the words around an unlisted name -- on
mentions and sentences written for these tests (no evaluation items)."""

from __future__ import annotations

import pytest

from dateline.actors import code_actor, resolver_for
from dateline.nlp import parse


def _coded(text: str, date: str | None = None) -> tuple[str | None, str | None]:
    a = code_actor(text, date=date)
    return a.country, a.sector


# --------------------------------------------------------------------------- sectors from the words


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Deputy Minister Kunle Obafemi", "GOV"),  # a grade before a generic head names no body of its own
        ("the vice minister", "GOV"),
        ("opposition politician Kunle Obafemi", "OPP"),
        ("the Zambian Bar Association", "JUD"),
        ("the security service", "SPY"),
        ("the Patriotic Resistance Front of Ituri", "REB"),
        ("the Ogoni Independence Front", "REB"),  # an armed movement's name that no list has
        ("the Independence Party", "PTY"),  # ... but a party is a party
        ("the National Electoral Board", "GOV"),
    ],
)
def test_sector_from_title_and_head_noun(text: str, sector: str) -> None:
    assert code_actor(text).sector == sector


def test_rank_words_do_not_turn_a_minister_into_a_legislator() -> None:
    assert code_actor("a deputy", date="2022-01-01").sector == "LEG"  # the noun alone is a parliament deputy
    assert code_actor("Deputy Minister Kunle Obafemi").sector == "GOV"


# --------------------------------------------------------------------------- organisations


def test_an_organisation_named_as_another_countrys_takes_that_country() -> None:
    # the lexicon's "Ministry of Defence" is British; "... of Nigeria" says whose this one is
    assert _coded("the Ministry of Defence of Nigeria") == ("NGA", "GOV")
    assert _coded("the Ministry of Defence")[0] == "GBR"


def test_british_and_american_spellings_of_organisation_match_one_row() -> None:
    assert code_actor("the Organization of Islamic Cooperation").country == "IGO"
    assert code_actor("the Organisation of Islamic Cooperation").country == "IGO"


def test_a_generic_derived_alias_names_no_one() -> None:
    assert code_actor("the organization").sector is None


def test_a_dissolved_group_keeps_its_last_sector() -> None:
    assert _coded("FARC", date="2023-03-01") == ("COL", "REB")


def test_derived_organisations_take_a_state_sector_from_their_head_noun() -> None:
    assert code_actor("Federal Security Service").sector == "SPY"
    assert code_actor("Alabama Power Company").sector == "BUS"  # no sector in the derived row


def test_a_common_word_in_the_gazetteer_is_no_place() -> None:
    assert code_actor("the Federal High Court").country is None  # "Federal" is a small town in Argentina


@pytest.mark.parametrize(
    ("text", "country"),
    [("the Donetsk People's Republic", "UKR"), ("Transnistria", "MDA"), ("Somaliland", "SOM")],
)
def test_partially_recognised_entities_are_pre(text: str, country: str) -> None:
    assert _coded(text) == (country, "PRE")


def test_separatist_fighters_stay_rebels() -> None:
    assert _coded("Donetsk separatists") == ("UKR", "REB")


# --------------------------------------------------------------------------- office periods


def test_a_stale_derived_office_is_a_former_officials_after_years() -> None:
    # the derived lexicon leaves this office (from 2003) open; it stops in 2014, the person left in 2014
    assert _coded("Abdul Karim Khalili", date="2010-06-01") == ("AFG", "GOV")
    assert _coded("Abdul Karim Khalili", date="2023-06-01") == ("AFG", "ELI")


def test_historical_leaders_are_coded_by_their_office_then() -> None:
    assert _coded("Boris Yeltsin") == ("RUS", "GOV")  # undated text: the office they held
    assert _coded("Boris Yeltsin", date="2005-01-01") == ("RUS", "ELI")
    assert _coded("King Hassan") == ("MAR", "GOV")
    assert _coded("the IRA") == ("GBR", "REB")


# --------------------------------------------------------------------------- people in running text


def _person(text: str, name: str) -> tuple[str | None, str | None]:
    doc = parse(text, "2023-05-10")
    i = text.index(name)
    a = resolver_for(doc).resolve(i, i + len(name))
    return a.country, a.sector


def test_an_apposition_gives_an_unlisted_persons_office_and_country() -> None:
    text = "Chidi Okwuosa, the Nigerian interior minister, said the police would investigate."
    assert _person(text, "Chidi Okwuosa") == ("NGA", "GOV")


def test_a_lower_case_title_before_a_name_counts() -> None:
    name = "Chidi Okwuosa"
    assert _person(f"Nigerian lawmaker {name} criticised the budget.", name) == ("NGA", "LEG")
    assert _person(f"Former Malawian president {name} addressed supporters.", name) == ("MWI", "ELI")


def test_a_person_described_by_a_role_only_belongs_to_the_story() -> None:
    text = "Tanzanian police said they had detained journalist Baraka Kilwenge in Dar es Salaam."
    assert _person(text, "Baraka Kilwenge") == ("TZA", "JRN")


def test_dependencies_are_coded_as_their_controlling_state() -> None:
    # PLOVER manual: dependencies with their own ISO code fold into the state that controls them
    assert code_actor("Bermuda").country == "GBR"
    assert code_actor("Reunion").country == "FRA"
    assert code_actor("Puerto Rico").country == "USA"


def test_manual_conventions_for_parties_and_critics() -> None:
    assert code_actor("the ruling party").sector == "GOV"  # governing parties are GOV (PLOVER manual)
    assert code_actor("anti-government protesters").sector == "OPP"
    assert _coded("a Kremlin critic") == ("RUS", "OPP")


def test_the_dependency_table_is_well_formed() -> None:
    import pycountry

    from dateline.actors import _rows

    iso3 = {c.alpha_3 for c in pycountry.countries}
    rows = _rows("dependencies.tsv")
    assert rows
    for row in rows:
        assert len(row) == 2 and row[0] in iso3 and row[1] in iso3 and row[0] != row[1], row


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Kivuli Petroleum", "BUS"),
        ("the Kivuli Times", "JRN"),
        ("Kivuli Holdings Ltd", "BUS"),
        ("three times", None),
    ],
)
def test_an_unlisted_organisation_name_says_its_sector_by_its_last_word(
    text: str, sector: str | None
) -> None:
    assert code_actor(text).sector == sector


def test_an_owner_after_of_takes_the_role_before_it() -> None:
    assert code_actor("troops of the African Union mission").sector == "MIL"
    assert _coded("EU leaders") == ("EUR", "GOV")
    assert code_actor("North Koreans").country == "PRK"  # a plural demonym of two words


def test_a_generic_post_at_a_seat_of_power_is_its_sector() -> None:
    assert _coded("a Pentagon spokesman") == ("USA", "MIL")
    assert _coded("Kremlin officials") == ("RUS", "GOV")
