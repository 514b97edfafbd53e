"""Sector coding over the PLOVER sector vocabulary, titles in names, organisation head nouns, and arguments that
are no actors -- on mentions and sentences written for these tests (no evaluation items)."""

from __future__ import annotations

import pytest

from dateline.actors import ActorResolver, code_actor
from dateline.nlp import parse


def _sector(text: str, **kw: str) -> str | None:
    return code_actor(text, **kw).sector


# --------------------------------------------------------------------------- the sector vocabulary


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("a police superintendent", "COP"),
        ("the chief inspector", "COP"),
        ("a prosecutor general", "JUD"),
        ("the appeals court", "JUD"),
        ("the electoral commission", "GOV"),
        ("the city council", "GOV"),
        ("an ombudsman", "GOV"),
        ("three MPs", "LEG"),
        ("the party's general secretary", "PTY"),
        ("a local warlord", "REB"),
        ("armed groups", "REB"),
        ("pro-government militiamen", "PRM"),
        ("a parish pastor", "REL"),
        ("the grand mufti", "REL"),
        ("Shias", "MUS"),
        ("Catholics", "CHR"),
        ("an oligarch", "BUS"),
        ("a cameraman", "JRN"),
        ("a human rights watchdog", "SOC"),
        ("a think tank", "SOC"),
        ("the student union", "EDU"),
        ("dockworkers", "LAB"),
        ("IDPs", "REF"),
        ("cattle herders", "AGR"),
        ("a rural clinic", "MED"),
        ("tribal elders", "CVL"),
        ("Pashtuns", "CVL"),
        ("a breakaway region", "PRE"),
    ],
)
def test_sector_vocabulary(text: str, sector: str) -> None:
    assert _sector(text) == sector


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Col. Amadou Traore", "MIL"),
        ("Sgt. Peter Obi Nwosu", "MIL"),
        ("Brig. Gen. Kofi Mensah", "MIL"),
        ("Rev. Samuel Okafor", "REL"),
        ("Cardinal Luis Ortega", "REL"),
        ("Chief Justice Miriam Wanjiru", "JUD"),
        ("Justice Peter Mwangi", "JUD"),
    ],
)
def test_a_title_inside_a_person_mention_gives_the_sector(text: str, sector: str) -> None:
    a = code_actor(text)
    assert a.sector == sector


def test_a_former_official_is_elite() -> None:
    assert _sector("former Justice Minister Amadou Traore") == "ELI"
    assert _sector("a retired army general") == "ELI"


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("the Freedom and Progress Party", "PTY"),
        ("the police union", "LAB"),
        ("a military court", "JUD"),
        ("the army hospital", "MED"),
        ("an army doctor", "MIL"),  # a profession keeps the institution's sector
        ("the transitional military council", "MIL"),
    ],
)
def test_an_organisation_is_what_its_head_noun_says(text: str, sector: str) -> None:
    assert _sector(text) == sector


def test_union_or_council_ending_a_proper_name_says_no_sector() -> None:
    assert _sector("the Patriotic Renewal Union") != "LAB"
    assert _sector("the Northern Peace Council") != "GOV"
    assert _sector("the farm workers' union") == "LAB"


def test_a_generic_body_is_named_by_its_of_phrase() -> None:
    assert code_actor("Congress of the Philippines").country == "PHL"
    assert _sector("the Congress of Trade Unions") == "LAB"
    assert _sector("National Council of Churches") == "REL"


def test_one_name_of_a_listed_person_inside_an_unknown_name_says_nothing() -> None:
    # "Hussein" alone is a listed head of state; inside an unknown three-part name it is just a name
    a = code_actor("Ahmed Hussein Wardhere")
    assert a.country != "JOR"
    assert code_actor("King Hussein").country == "JOR"


def test_a_possessive_country_before_a_listed_surname() -> None:
    assert code_actor("Russia's Putin", date="2023-06-01").name == "Vladimir Putin"


def test_military_rank_does_not_unseat_a_government_office() -> None:
    # a coup leader the lexicon lists as head of state: his rank is no office
    assert code_actor("Col. Assimi Goita", date="2023-06-01").sector == "GOV"


def test_generic_head_keeps_the_body_sector() -> None:
    assert _sector("Hezbollah spokesmen") == "REB"
    assert _sector("Amnesty International officials") != "GOV"


# --------------------------------------------------------------------------- in context


def _events(
    text: str,
) -> list[tuple[list[tuple[str, str | None, str | None]], list[tuple[str, str | None, str | None]]]]:
    from dateline.events import extract_events

    return [
        (
            [(a.text, a.country, a.sector) for a in e.actor],
            [(r.text, r.country, r.sector) for r in e.recipient],
        )
        for e in extract_events(parse(text, "2021-03-02"))
    ]


def test_ethnic_and_religious_groups_take_the_country_the_sentence_places_them_in() -> None:
    evs = _events("Kurds and Sunnis boycotted Monday's session in the Iraqi parliament.")
    actors = {a for acts, _ in evs for a in acts}
    assert ("Kurds", "IRQ", "CVL") in actors
    assert ("Sunnis", "IRQ", "MUS") in actors


def test_a_people_tagged_as_a_person_is_civilians() -> None:
    text = "Bosnian Croats rejected the proposal in Mostar."
    a = ActorResolver(parse(text)).resolve(0, len("Bosnian Croats"))
    assert (a.country, a.sector) == ("BIH", "CVL")


@pytest.mark.parametrize(
    "text",
    [
        "Thursday's rocket attacks on the airbase killed nobody.",
        "Three rockets struck the embassy compound late on Tuesday.",
        "The vote was boycotted by opposition deputies.",
    ],
)
def test_times_weapons_and_acts_are_no_actors(text: str) -> None:
    for acts, recs in _events(text):
        for name, _, _ in acts + recs:
            low = name.lower()
            assert not any(w in low for w in ("thursday", "rocket", "nobody", "vote")), name


def test_a_weapon_with_a_named_owner_stands_for_the_owner() -> None:
    acts = [a for acts, _ in _events("A Turkish drone killed four fighters near Qamishli.") for a in acts]
    assert ("A Turkish drone", "TUR", "MIL") in acts


def test_a_relative_pronoun_recipient_is_its_antecedent() -> None:
    evs = _events(
        "Militants vowed revenge for Abu Bakr al-Baghdadi, who was killed by American commandos in Syria."
    )
    recs = [r for _, rs in evs for r in rs]
    assert recs and all(r[0] != "who" for r in recs)


def test_a_two_word_surname_refers_back() -> None:
    text = (
        "Prime Minister Adel Abdul Mahdi resigned in November. "
        "In a phone call on Thursday, Mr Abdul Mahdi told the ambassador that foreign troops must leave."
    )
    s = text.index("Mr Abdul Mahdi")
    a = ActorResolver(parse(text, "2020-01-10")).resolve(s, s + len("Mr Abdul Mahdi"))
    assert (a.country, a.sector) == ("IRQ", "GOV")


# --------------------------------------------------------------------------- the generalisation check


def test_held_out_rows_hide_only_the_rows_serving_the_fold() -> None:
    import dateline.actors as actors
    from dateline.evaluate.actors import _held_out_rows

    rows = _held_out_rows(
        [{"text": "President Vladimir Putin"}, {"text": "a tribal elder"}, {"text": "warlord"}],
        (),
        actors._rows,
    )
    before = {r[0] for f in ("people.tsv", "leaders.tsv") for r in actors._rows(f)}
    after = {r[0] for f in ("people.tsv", "leaders.tsv") for r in rows(f)}
    assert before - after == {"Vladimir Putin"}
    agents_before = {r[0] for r in actors._rows("agents_extra.tsv")}
    agents_after = {r[0] for r in rows("agents_extra.tsv")}
    # a phrase of two or more words found in a case, or one word that is a whole case; "president" stays
    assert agents_before - agents_after == {"tribal elder", "warlord"}
    # the next fold reads the unpatched rows: it hides its own cases' rows, not the previous fold's as well
    later = _held_out_rows([{"text": "a village chief"}], (), actors._rows)
    assert "Vladimir Putin" in {r[0] for r in later("people.tsv")} | {r[0] for r in later("leaders.tsv")}


def test_sector_confusion_counts_expected_against_got() -> None:
    from dateline.evaluate.actors import _sector_confusion

    errors = [
        {"want": ["KEN", "GOV"], "got": ["", ""]},
        {"want": ["KEN", "GOV"], "got": ["KEN", ""]},
        {"want": ["RUS", ["MIL", "SPY"]], "got": ["RUS", "COP"]},
        {"want": ["USA", "GOV"], "got": ["", "GOV"]},  # the country was wrong, not the sector
    ]
    assert _sector_confusion(errors) == {"GOV->-": 2, "MIL/SPY->COP": 1}


# --------------------------------------------------------------------------- PLOVER sector conventions


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("the defence minister's son", None, "ELI"),  # relatives of officials are elites (PLOVER ELI)
        ("Erdogan's son-in-law", "TUR", "ELI"),
        ("the widow of the late president", None, "ELI"),
        ("the farmer's daughter", None, "AGR"),  # no official: the kin rule says nothing
        ("a former police chief", None, "ELI"),  # former officials of any state body
        ("the ex-intelligence chief", None, "ELI"),
        ("a retired judge", None, "ELI"),
        ("a former rebel commander", None, "REB"),  # no state office: stays what it was
    ],
)
def test_relatives_and_former_officials(text: str, country: str | None, sector: str) -> None:
    a = code_actor(text, date="2023-03-01")
    assert (a.country, a.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("the Taoiseach", "IRL", "GOV"),  # an office only one country has names it
        ("the Supreme Leader", "IRN", "GOV"),
        ("the North Korean leader", "PRK", "GOV"),  # a country's leader is its government
        ("Belarus's leader", "BLR", "GOV"),
        ("Kurdish leaders", None, None),  # a people with no state of its own: no country, no office
        ("the Hamas-run interior ministry", "PSE", "GOV"),  # "-run" names who runs it
        ("PM Narendra Modi", "IND", "GOV"),  # abbreviated titles
        ("the AfD", "DEU", "PTY"),  # an acronym with a lower-case letter inside
        ("Jubaland forces", "SOM", "MIL"),
        ("HMS Queen Elizabeth", "GBR", "MIL"),  # a warship named after a person is still a warship
        ("USS Ronald Reagan", "USA", "MIL"),
        ("Move Forward", "THA", "PTY"),  # a party's name written as a name ...
        ("to move forward", None, None),  # ... and the same words in lower case: no party
        ("a national rally", None, None),
    ],
)
def test_titles_leaders_and_regions(text: str, country: str | None, sector: str | None) -> None:
    a = code_actor(text, date="2024-02-01")
    assert (a.country, a.sector) == (country, sector)
