"""Session 18 (issue 3, round 2): a seat of power that is also a town ("Miraflores": Venezuela's presidential palace
and a district of Lima; "Rawalpindi": Pakistan's army headquarters and a city; "Duma": Russia's parliament and a
Syrian town) is the town where the mention or its sentence reads it as a place, and the seat otherwise. Invented
news-style sentences."""

from __future__ import annotations

import pytest

from dateline.actors import code_actor


@pytest.mark.parametrize(
    ("text", "context", "country"),
    [
        (
            "residents of Miraflores",
            "Residents of Miraflores in Lima protested against the water cuts.",
            "PER",
        ),
        ("villagers near Rawalpindi", "Villagers near Rawalpindi said the river had burst its banks.", "PAK"),
        ("Duma residents", "Duma residents queued for bread after the siege was lifted.", "SYR"),
        ("families from Miraflores", "Families from Miraflores joined the march to the city centre.", "PER"),
    ],
)
def test_people_who_live_there_read_the_seat_as_its_town(text: str, context: str, country: str) -> None:
    a = code_actor(text, context)
    assert (a.country, a.sector) == (country, "CVL")


@pytest.mark.parametrize(
    ("text", "country"),
    [("Miraflores district", "PER"), ("Rawalpindi city", "PAK"), ("the Duma area", "SYR")],
)
def test_a_town_noun_after_the_seat_makes_it_the_town(text: str, country: str) -> None:
    a = code_actor(text)
    assert a.country == country
    assert a.sector not in ("GOV", "MIL", "LEG")


@pytest.mark.parametrize(
    ("text", "context", "country", "sector"),
    [
        ("Miraflores", "Shops in Miraflores, Lima, reopened on Monday after the curfew.", "PER", "CVL"),
        ("Miraflores", "Lima's seaside Miraflores district was calm on Sunday.", "PER", "CVL"),
        (
            "Rawalpindi",
            "Floods hit Rawalpindi city overnight, and Rawalpindi was without power.",
            "PAK",
            "CVL",
        ),
        ("police in Duma", "Police in Duma, Syria, detained three men on Friday.", "SYR", "COP"),
    ],
)
def test_a_context_that_places_the_name_reads_it_as_the_town(
    text: str, context: str, country: str, sector: str
) -> None:
    a = code_actor(text, context)
    assert (a.country, a.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "context", "country", "sector"),
    [
        ("Miraflores", "Miraflores rejected the opposition's demands on Tuesday.", "VEN", "GOV"),
        ("Rawalpindi", "Rawalpindi is said to have vetoed the appointment of the new envoy.", "PAK", "MIL"),
        ("Duma", "The Duma approved a treaty with Syria on Wednesday.", "RUS", "LEG"),
        ("Brussels", "Brussels warned Belgium over its budget deficit.", "EUR", "GOV"),
        (
            "officials in Miraflores",
            "Officials in Miraflores, Maduro's palace, declined to comment.",
            "VEN",
            "GOV",
        ),
        (
            "Rawalpindi",
            "The generals in Rawalpindi, Pakistan, decided to stay out of politics.",
            "PAK",
            "MIL",
        ),
    ],
)
def test_the_seat_stays_the_seat_elsewhere(text: str, context: str, country: str, sector: str) -> None:
    a = code_actor(text, context)
    assert (a.country, a.sector) == (country, sector)


def test_a_capital_listed_as_its_own_seat_keeps_the_capital_rules() -> None:
    assert code_actor("residents of Moscow").country == "RUS"
    assert code_actor("Ankara").sector == "GOV"
    assert code_actor("residents of Brussels").country == "BEL"  # Belgium's capital, the EU's seat
