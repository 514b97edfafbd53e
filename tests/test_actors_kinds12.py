"""Actor coding, session 10 (issue 3): conventions by kind of office-holder and a few name-shape rules.

Every example here is written for this file; none is taken from an evaluation set.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.actors_helpers import country_sector_at

_cs = country_sector_at(None)


# --- name shapes ---------------------------------------------------------------------------------------------


def test_one_word_company_after_a_given_name_is_a_surname() -> None:
    assert _cs("Robert William Saab", date="2022-01-01") == (None, None)
    assert _cs("Juan Pemex") == (None, None)
    # the company itself, or a role in it, is still the company
    assert _cs("Swedish firm Saab") == ("SWE", "BUS")
    assert _cs("Saab chief executive") == ("SWE", "BUS")


def test_capitalised_to_opening_a_listed_name_is_kept() -> None:
    # "To" is dropped as in "up to 200 soldiers" only when it opens no listed name
    assert _cs("To Lam", date="2020-06-01") == ("VNM", "GOV")
    assert _cs("up to 200 soldiers")[1] == "MIL"


def test_romance_particle_before_a_news_agency_head_word() -> None:
    assert _cs("Agence Gabonaise de Presse")[1] == "JRN"
    assert _cs("Agencia Dominicana de Noticias")[1] == "JRN"
    assert _cs("John Press") == (None, None)  # an English surname, not a news outlet


# --- conventions ---------------------------------------------------------------------------------------------


def test_ruling_party_described_without_a_name_is_government() -> None:
    assert _cs("Tanzania's ruling party") == ("TZA", "GOV")
    assert _cs("the governing conservative party")[1] == "GOV"
    assert _cs("an opposition party")[1] == "PTY"


def test_attorney_general_is_a_prosecutor_where_it_heads_the_prosecution() -> None:
    assert _cs("Peru's attorney general") == ("PER", "JUD")
    assert _cs("the attorney general", "Mexico") == ("MEX", "JUD")
    # a minister or the government's lawyer elsewhere
    assert _cs("Kenya's attorney general") == ("KEN", "GOV")
    assert _cs("a former Colombian attorney general") == ("COL", "ELI")


def test_director_of_public_prosecutions_is_judiciary() -> None:
    assert _cs("the Director of Public Prosecutions")[1] == "JUD"
    assert _cs("Uganda's Director of Public Prosecutions") == ("UGA", "JUD")


def test_royal_title_alone_is_an_elite_and_never_unseats_an_office() -> None:
    assert _cs("a Saudi prince") == ("SAU", "ELI")
    assert _cs("Prince Faisal bin Farhan", date="2021-06-01") == ("SAU", "GOV")  # the foreign minister
    assert _cs("Crown Prince Mohammed bin Salman", date="2023-03-01") == ("SAU", "GOV")


def test_officers_in_a_military_government_are_coded_by_the_office() -> None:
    assert _cs("Min Aung Hlaing", date="2019-05-01") == ("MMR", "MIL")
    assert _cs("Min Aung Hlaing", date="2023-05-01") == ("MMR", "GOV")
    # a serving general who is defence minister holds a cabinet office
    assert _cs("Vladimir Padrino Lopez", date="2019-05-01") == ("VEN", "GOV")


def test_militia_leaders_are_government_while_they_hold_a_state_office() -> None:
    assert _cs("Hemedti", date="2020-09-01") == ("SDN", "GOV")
    assert _cs("Hemedti", date="2023-09-01") == ("SDN", "PRM")
    assert _cs("Riek Machar", date="2017-03-01") == ("SSD", "REB")
    assert _cs("Riek Machar", date="2022-03-01") == ("SSD", "GOV")


def test_speakers_are_legislature() -> None:
    assert _cs("Alban Bagbin", date="2022-05-01") == ("GHA", "LEG")
    assert _cs("Tulia Ackson", date="2023-05-01") == ("TZA", "LEG")
    assert _cs("Ana Brnabic", date="2022-05-01") == ("SRB", "GOV")
    assert _cs("Ana Brnabic", date="2025-01-10") == ("SRB", "LEG")


def test_election_bodies_and_their_heads_are_government() -> None:
    assert _cs("Mahmood Yakubu", date="2019-02-01") == ("NGA", "GOV")
    assert _cs("Honduras's National Electoral Council") == ("HND", "GOV")
    # a former election chief who leads an armed coalition
    assert _cs("Corneille Nangaa", date="2019-01-01") == ("COD", "GOV")
    assert _cs("Corneille Nangaa", date="2024-03-01") == ("COD", "REB")


def test_earlier_posts_of_leaders_who_took_office_later() -> None:
    assert _cs("Gabriel Boric", date="2019-01-01") == ("CHL", "LEG")
    assert _cs("Nayib Bukele", date="2016-06-01") == ("SLV", "GOV")
    assert _cs("Lula", date="2015-01-01") == ("BRA", "ELI")  # between two presidencies


def test_state_bodies_by_class() -> None:
    assert _cs("Carabineros") == ("CHL", "COP")
    assert _cs("Sonelgaz") == ("DZA", "BUS")
    assert _cs("Tanjug") == ("SRB", "JRN")


# --- the eval view -------------------------------------------------------------------------------------------


def test_own_s10_view_scores_a_batch(tmp_path: Path) -> None:
    from dateline.evaluate.actors import _OWN_S10, _own_s9

    assert _OWN_S10.name == "actors_own_s10.jsonl"
    rows = [
        {"id": "t-1", "batch": 4, "kind": "speaker", "text": "Alban Bagbin", "context": "Alban Bagbin spoke.",
         "query_date": "2022-05-01", "expected_country": "GHA", "expected_sector": "LEG"},
        {"id": "t-2", "batch": 4, "kind": "speaker", "text": "Alban Bagbin", "context": "Alban Bagbin spoke.",
         "query_date": "2022-05-01", "expected_country": "GHA", "expected_sector": "GOV"},
    ]  # fmt: skip
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    got = _own_s9(path)
    assert got["n"] == 2
    assert got["batch4"]["context"]["country_accuracy"] == 1.0
    assert got["batch4"]["context"]["sector_accuracy"] == 0.5


@pytest.mark.skipif(
    not (Path(__file__).parent / "data" / "actors_own_s10.jsonl").exists(), reason="own set not present"
)
def test_own_s10_file_is_well_formed() -> None:
    path = Path(__file__).parent / "data" / "actors_own_s10.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 250
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["text"] and r["context"] and r["query_date"][:2] in ("19", "20")
        assert r["expected_sector"] is None or r["expected_sector"].isupper()
