"""Actor coding, session 22 (issue 3): names whose reading their sentence decides -- party names many countries'
parties bear ("the Social Democrats", "Labour"), "EC" as an election commission in a sentence about an election, a
lone surname that is also a place or that several listed people share ("Santos", "Castro"), a government named by a
family several leaders of one state share ("the Sharif government") -- and, in documents, a people's fighters placed
by a border phrase ("on the Thai border"), which names the other side.

Check set: tests/data/actors_own_s22.jsonl (+ .md; batch 24 tuned on, batch 25 an untuned transfer check). Every
example here is written for this file; none is taken from an evaluation set or from the check set. Each rule has at
least two differently worded cases.
"""

from __future__ import annotations

from dateline.actors import resolver_for
from dateline.model import Document
from tests.actors_helpers import country_sector_at

_cs = country_sector_at("2019-05-01")


# --- party names many countries' parties bear (dateline/actors/_context.py: _generic_party) ---------------------


def test_a_generic_party_name_takes_the_country_its_sentence_names_as_a_place() -> None:
    ctx = "The Social Democrats in Norway said they would vote against the budget."
    assert _cs("The Social Democrats", ctx) == ("NOR", "PTY")
    ctx = "The Greens won seats in Belgium's regional parliaments for the first time in a decade."
    assert _cs("The Greens", ctx) == ("BEL", "PTY")
    ctx = "Labour took control of Wellington's city council in the local elections in New Zealand."
    assert _cs("Labour", ctx)[0] == "NZL"


def test_a_generic_party_name_takes_the_country_word_before_it() -> None:
    assert _cs("Dutch Christian Democrats")[0] == "NLD"
    assert _cs("Finland's Centre Party")[0] == "FIN"


def test_a_generic_party_name_keeps_its_listed_country_when_the_sentence_names_it_or_none() -> None:
    assert _cs("Labour", "Labour promised to renationalise the railways.")[0] == "GBR"
    ctx = "The Conservatives said Britain would not rejoin the customs union, whatever Brussels offered."
    assert _cs("The Conservatives", ctx)[0] == "GBR"


def test_a_generic_party_name_is_not_placed_by_a_country_it_only_acts_on() -> None:
    # (a country named as the object of a verb is no place of the party's)
    ctx = "Labour accused Israel of breaching international law."
    assert _cs("Labour", ctx)[0] == "GBR"


def test_a_ruling_generic_party_is_the_government() -> None:
    ctx = "The ruling Socialists in Albania won a third term."
    assert _cs("The ruling Socialists", ctx) == ("ALB", "GOV")


# --- "EC" as an election commission (dateline/actors/_context.py: _poll_acronym; data/actors/poll_acronyms.tsv) -


def test_ec_in_a_sentence_about_an_election_is_the_election_commission() -> None:
    ctx = "The EC extended voter registration in Sierra Leone by a week."
    assert _cs("The EC", ctx) == ("SLE", "GOV")
    ctx = "Opposition candidates in Kenya accused the EC of delaying the count."
    assert _cs("the EC", ctx) == ("KEN", "GOV")


def test_ec_keeps_the_european_reading_beside_europe_or_a_member_state() -> None:
    ctx = "Ireland's voters approved the treaty, and the EC welcomed the result."
    assert _cs("the EC", ctx)[0] == "EUR"
    ctx = "The EC said the European elections would be held in June."
    assert _cs("The EC", ctx)[0] == "EUR"
    assert _cs("The EC", "The EC raised tariffs on steel from Korea.")[0] == "EUR"


# --- lone surnames that are also places or shared (dateline/actors/_context.py: _surname_read) -------------------


def test_a_surname_that_is_a_place_is_the_listed_person_of_the_country_its_sentence_names() -> None:
    ctx = "Santos told Colombia's Congress that the ceasefire would hold."
    assert _cs("Santos", ctx, "2017-03-01") == ("COL", "GOV")
    ctx = "Medina inaugurated a new metro line in the Dominican Republic's capital."
    assert _cs("Medina", ctx, "2018-04-01") == ("DOM", "GOV")


def test_a_shared_surname_is_the_one_in_office_of_the_country_named() -> None:
    ctx = "Morales said Bolivia would nationalise its gas fields."
    assert _cs("Morales", ctx, "2006-05-01") == ("BOL", "GOV")
    ctx = "Morales refused to renew the mandate of the anti-graft commission in Guatemala."
    assert _cs("Morales", ctx, "2018-08-31") == ("GTM", "GOV")


def test_a_surname_place_that_acts_is_the_one_listed_person_in_office() -> None:
    ctx = "Taylor told reporters that his forces would not disarm before the vote."
    assert _cs("Taylor", ctx, "2002-06-01") == ("LBR", "GOV")


def test_the_place_stays_a_place_in_a_sentence_about_its_country_or_named_in_full() -> None:
    ctx = "Floods cut the road between Santos and Sao Paulo in Brazil."
    assert _cs("Santos", ctx, "2017-03-01")[0] == "BRA"
    ctx = "Colombian army colonel Luis Santos led the patrol. Santos said the road was clear."
    assert _cs("Santos", ctx, "2017-03-01")[1] != "GOV"


def test_a_state_or_capital_that_speaks_is_no_person_of_that_surname() -> None:
    ctx = "Jordan said it would reopen the crossing with Syria next week."
    assert _cs("Jordan", ctx, "2016-01-01")[0] == "JOR"
    ctx = "Lima said it would recall its ambassador from Caracas."
    assert _cs("Lima", ctx, "2019-01-01") == ("PER", "GOV")


# --- governments named by a family (dateline/actors/_context.py: _family_government) -----------------------------


def test_a_government_named_by_a_family_of_one_state_is_that_states() -> None:
    ctx = "Critics said the Bhutto government had failed to curb inflation."
    assert _cs("the Bhutto government", ctx, "1995-03-01") == ("PAK", "GOV")
    ctx = "Human rights groups accused the Sharif government of silencing the press in Lahore."
    assert _cs("the Sharif government", ctx, "2016-01-01") == ("PAK", "GOV")


def test_a_family_government_is_not_placed_by_another_country_its_sentence_names() -> None:
    ctx = "Beijing welcomed the Marcos government's decision to reopen talks."
    assert _cs("the Marcos government", ctx, "2023-05-01") == ("PHL", "GOV")
    ctx = "Damascus said the Gemayel government had betrayed the Arab cause."
    assert _cs("the Gemayel government", ctx, "1983-06-01") == ("LBN", "GOV")


def test_a_government_named_by_its_state_is_no_family() -> None:
    assert _cs("the German government", "The German government welcomed the plan.")[0] == "DEU"
    assert _cs("the Kenyan government", "The Kenyan government rejected the report.")[0] == "KEN"


# --- in documents (dateline/actors/_resolver.py) ------------------------------------------------------------------


def _resolve(text: str, span: str) -> tuple[str | None, str | None]:
    from dateline.nlp import annotate

    doc = next(iter(annotate([Document(id="k22", text=text)])))
    i = text.index(span)
    a = resolver_for(doc).resolve(i, i + len(span))
    return a.country, a.sector


def test_a_document_reads_sentence_decided_names_too() -> None:
    text = "The EC declared the incumbent the winner of Malawi's presidential election on Monday."
    assert _resolve(text, "The EC") == ("MWI", "GOV")
    text = "The Social Democrats in Austria chose a new leader at a party congress in Linz."
    assert _resolve(text, "The Social Democrats") == ("AUT", "PTY")


def test_a_peoples_fighters_are_not_placed_by_the_other_side_of_a_border() -> None:
    text = "Burmese troops overran a Karen rebel base on the Thai border after days of fighting."
    assert _resolve(text, "a Karen rebel base")[0] != "THA"
    text = "Baloch separatists near the Afghan border attacked a convoy on Sunday."
    assert _resolve(text, "Baloch separatists")[0] != "AFG"
    text = "Tuareg fighters massed on the Algerian border, a military source said."
    assert _resolve(text, "Tuareg fighters")[0] != "DZA"
    text = "Hutu rebels attacked a camp in Burundi on Sunday."
    assert _resolve(text, "Hutu rebels")[0] == "BDI"  # a place that is no border still places them
