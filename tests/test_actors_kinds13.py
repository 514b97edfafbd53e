"""Actor coding, session 11 (issue 3): listed people on dates outside the offices the lists give them.

Every example here is written for this file; none is taken from an evaluation set.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.actors._lexicon import _Entry, _lex
from dateline.actors._match import _before_office, _pick
from tests.actors_helpers import country_sector_at

_cs = country_sector_at(None)


def _person(sector: str, start: str, end: str = "", sectors2: str = "", name: str = "Test Person") -> _Entry:
    return _Entry(name, "XYZ", sector, sectors2, start, end, "person", 0)


# --- the rule, on entries written here ----------------------------------------------------------------------


def test_before_the_first_office_the_same_kind_of_post() -> None:
    assert _before_office(_person("GOV", "2020-01-01"), "2017-06-01").sector == "GOV"
    assert _before_office(_person("LEG", "2020-01-01"), "2017-06-01").sector == "LEG"
    assert _before_office(_person("JUD", "2020-01-01"), "2017-06-01").sector == "JUD"


def test_before_a_post_held_as_an_officer_a_soldier() -> None:
    # a junta leader (GOV with MIL second) or a chief of staff was an officer before
    assert _before_office(_person("GOV", "2021-01-01", sectors2="MIL"), "2018-01-01").sector == "MIL"
    assert _before_office(_person("MIL", "2021-01-01"), "2018-01-01").sector == "MIL"


def test_before_leading_the_opposition_out_of_office_and_party_leaders_unknown() -> None:
    assert _before_office(_person("OPP", "2021-01-01"), "2018-01-01").sector == "ELI"
    assert _before_office(_person("PTY", "2021-01-01"), "2018-01-01").sector == ""
    assert _before_office(_person("REB", "2021-01-01"), "2018-01-01").sector == ""


def test_after_the_last_office_still_a_former_official() -> None:
    e = _pick([_person("GOV", "2015-01-01", "2019-01-01")], "2022-01-01")
    assert (e.country, e.sector) == ("XYZ", "ELI")
    # and a date inside the period is the office
    assert _pick([_person("GOV", "2015-01-01", "2019-01-01")], "2016-01-01").sector == "GOV"


def test_a_derived_period_decides_only_where_it_covers_the_date(monkeypatch: pytest.MonkeyPatch) -> None:
    lex = _lex()
    key = "test person"
    fake = {
        key: [
            _Entry("Test Person", "XYZ", "BUS", "", "2001-01-01", "2004-12-31", "person", 1),
            _Entry("Test Person", "XYZ", "LEG", "", "2008-01-01", "", "person", 1),
            _Entry("Test Person", "ABC", "MIL", "", "2001-01-01", "2030-01-01", "person", 1),
        ]
    }
    monkeypatch.setattr(lex, "earlier", fake)
    first = _person("GOV", "2020-01-01")
    assert _before_office(first, "2003-01-01").sector == "BUS"  # a closed period covering the date
    assert _before_office(first, "2010-01-01").sector == "LEG"  # an open one before the derived data stops
    # after the derived data stops an open period says nothing (the default: the first office's kind), and
    # another country's namesake never counts
    assert _before_office(first, "2018-01-01").sector == "GOV"
    assert _before_office(first, "2006-01-01").sector == "GOV"


# --- the lists ------------------------------------------------------------------------------------------------


def test_derived_career_before_the_hand_written_lists() -> None:
    assert _cs("Dilma Rousseff", date="2008-01-01") == ("BRA", "GOV")
    # the Phoenix rows of a namesake of another generation do not make him a former official
    assert _cs("Bjarni Benediktsson", date="2015-01-01") == ("ISL", "GOV")


def test_a_future_head_before_any_listed_post() -> None:
    assert _cs("Olaf Scholz", date="2016-01-01") == ("DEU", "GOV")
    assert _cs("Mamady Doumbouya", date="2015-01-01") == ("GIN", "MIL")
    assert _cs("Bah N'Daw", date="2023-01-01") == ("MLI", "ELI")


def test_british_ministers_on_the_back_benches_are_legislators() -> None:
    assert _cs("Michael Gove", date="2017-01-01") == ("GBR", "LEG")
    assert _cs("Jacob Rees-Mogg", date="2018-06-01") == ("GBR", "LEG")
    assert _cs("Sajid Javid", date="2023-01-01") == ("GBR", "LEG")
    assert _cs("Theresa May", date="2021-03-01") == ("GBR", "LEG")
    # out of the Commons: former officials; in office: the office
    assert _cs("Rees-Mogg", date="2025-01-01") == ("GBR", "ELI")
    assert _cs("Theresa May", date="2018-01-01") == ("GBR", "GOV")


def test_japanese_former_prime_ministers_in_the_diet() -> None:
    assert _cs("Shinzo Abe", date="2021-06-01") == ("JPN", "LEG")
    assert _cs("Suga", date="2023-01-01") == ("JPN", "LEG")
    assert _cs("Shinzo Abe", date="2019-01-01") == ("JPN", "GOV")


# --- the check set ----------------------------------------------------------------------------------------------

_SET = Path(__file__).parent / "data" / "actors_own_s11.jsonl"
_SECTORS = {"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "ELI", "OPP", "PTY", "REB", "BUS", "EDU", "MED", "CVL", "AGR",
            "REF", "JRN", "LAB", "PRE", "REL", "MUS", "BUD", "CHR", None}  # fmt: skip


def test_own_s11_set_is_well_formed() -> None:
    rows = [json.loads(line) for line in _SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 190
    assert len({r["id"] for r in rows}) == len(rows)
    assert all(r["batch"] == 6 and r["expected_sector"] in _SECTORS for r in rows)
    out = [r for r in rows if r["kind"] in ("before", "after")]
    assert len(out) >= 90 and all(r["query_date"][:4] in r["context"] for r in out)


def test_own_s11_is_scored_by_the_actors_suite() -> None:
    from dateline.evaluate.actors import _OWN_S11, _own_s9

    res = _own_s9(_OWN_S11)
    assert res["batch6"]["n"] == res["n"]
    # a floor under the end-of-session figure (0.84), so a regression shows
    assert res["batch6"]["context"]["sector_accuracy"] >= 0.8
