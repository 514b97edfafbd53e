"""The hand-written actor lexicons (dateline/data/actors): every row well-formed, every UN member state covered,
and office periods coded by date -- on mentions written for these tests (no evaluation items)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pycountry
import pytest

from dateline.actors import _DATA, _lex, _rows, code_actor

_PERSON_FILES = (
    "people.tsv",
    "leaders.tsv",
    "ministers.tsv",
    "officeholders.tsv",
    "groups.tsv",
    "historical.tsv",
    "institutions.tsv",
)
_GROUPS = {"IGO", "NGO", "IMG", "MNC", "UNO", "EUR", "REL"}
_SECTORS = {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM", "CVL",
            "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "MUS", "CHR", "JEW", "HIN", "BUD",
            "SIK"}  # fmt: skip
_ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}


def _un_members() -> list[str]:
    text = (Path(_DATA) / "un_members.txt").read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _date(s: str) -> datetime.date | None:
    return datetime.date.fromisoformat(s) if s else None


@pytest.mark.parametrize("fname", _PERSON_FILES)
def test_rows_are_well_formed(fname: str) -> None:
    rows = _rows(fname)
    assert rows, fname
    for row in rows:
        where = f"{fname}: {row}"
        assert 1 <= len(row) <= 8, where
        row = row + [""] * (8 - len(row))
        name, country, sector, sec2, start, end, kind, _aliases = row
        assert name.strip() and name == name.strip(), where
        assert country in _ISO3 | _GROUPS or country == "", where
        assert sector in _SECTORS | {""}, where
        assert all(s in _SECTORS for s in sec2.split()), where
        assert kind in ("person", "organisation", "country", ""), where
        first, last = _date(start), _date(end)  # raises on anything but an ISO date
        assert first is None or last is None or first <= last, where
        assert first is None or first.year >= 1900, where


def test_un_member_list_is_complete_and_valid() -> None:
    members = _un_members()
    assert len(members) == len(set(members)) == 193
    assert set(members) <= _ISO3


def test_every_un_member_has_a_head_of_state_or_government() -> None:
    listed = {r[1] for f in _PERSON_FILES[:4] for r in _rows(f) if len(r) > 2 and r[2] == "GOV"}
    assert not [c for c in _un_members() if c not in listed]


def test_the_lexicon_loads_the_office_holder_list() -> None:
    entries = _lex().actors.get("sigurdur ingi johannsson")
    assert entries and entries[0].country == "ISL"


@pytest.mark.parametrize(
    ("text", "date", "country", "sector"),
    [
        ("Sigurður Ingi Jóhannsson", "2016-06-01", "ISL", "GOV"),  # accents optional
        ("Sigurdur Ingi Johannsson", "2019-06-01", "ISL", "ELI"),  # out of office: a former official
        ("Kausea Natano", "2021-03-01", "TUV", "GOV"),
        ("Ngozi Okonjo-Iweala", "2023-05-01", "IGO", "GOV"),  # head of an international organisation
        ("Geir Pedersen", "2022-01-10", "UNO", "GOV"),
        ("Tarek Amer", "2018-01-01", "EGY", "BUS"),  # a central-bank governor, as people.tsv codes them
        ("Lucky Irabor", "2022-02-01", "NGA", "MIL"),
        ("Yossi Cohen", "2019-02-01", "ISR", "SPY"),
        ("Mary Lou McDonald", "2022-02-01", "IRL", "OPP"),
        ("Herbert Kickl", "2018-06-01", "AUT", "GOV"),  # interior minister then ...
        ("Herbert Kickl", "2023-06-01", "AUT", "OPP"),  # ... opposition leader
    ],
)
def test_office_holders_are_coded_by_date(text: str, date: str, country: str, sector: str) -> None:
    a = code_actor(text, date=date)
    assert (a.country, a.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("the Balochistan Liberation Army", "PAK", "REB"),
        ("Reform UK", "GBR", "PTY"),
        ("the Southern Transitional Council", "YEM", "REB"),
        ("Immigration and Customs Enforcement", "USA", "COP"),
        ("the Norwegian Refugee Council", "NGO", "REF"),
    ],
)
def test_organisations_after_2014(text: str, country: str, sector: str) -> None:
    a = code_actor(text)
    assert (a.country, a.sector) == (country, sector)


def test_a_country_code_as_context_gives_the_country() -> None:
    # someone the lexicons do not know: the known-country hint places them, the name never does
    assert code_actor("Prime Minister Tomas Quillabamba", "BOL").country == "BOL"
    assert code_actor("Prime Minister Tomas Quillabamba").country is None
    assert code_actor("Zimbabwean opposition leader Tendai Moyo").country == "ZWE"
    assert code_actor("Zimbabwean opposition leader Tendai Moyo").sector == "OPP"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Aleksandr Lukashenko",
            "Alexander Lukashenko",
        ),  # a transliterated first name before a listed surname
        ("Alyaksandr Lukashenka", "Alexander Lukashenko"),  # ... and a surname one letter off
        ("Sergey Lavrov", "Sergei Lavrov"),
        ("Oleksiy Reznikov", "Oleksii Reznikov"),
        ("Nikol Pashinian", "Nikol Pashinyan"),
        ("Mariusz Blaszczak", "Mariusz Błaszczak"),  # letters NFKD keeps whole
    ],
)
def test_spelling_variants_of_listed_people(text: str, name: str) -> None:
    assert code_actor(text, date="2022-06-01").name == name


def test_a_variant_first_name_never_makes_a_stranger_a_listed_person() -> None:
    assert code_actor("Aleksandr Pashinyan").name is None
    assert code_actor("Brian Lukashenko").name is None


def test_between_two_offices_a_person_is_a_former_official() -> None:
    # Donald Tusk: European Council president to 2019, Polish opposition leader from 2021, prime minister from 2023
    assert (code_actor("Donald Tusk", date="2020-05-01").sector) == "ELI"
    assert (
        code_actor("Donald Tusk", date="2022-05-01").country,
        code_actor("Donald Tusk", date="2022-05-01").sector,
    ) == (
        "POL",
        "OPP",
    )
    assert code_actor("Donald Tusk", date="2024-05-01").sector == "GOV"
