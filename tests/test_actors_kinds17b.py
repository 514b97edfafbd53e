"""Actor coding, session 17 round 2 (issue 3): the story's country from the towns it names, places that are only the
first word of a longer name, pairs of officials, acronyms that name a force only before its members, a named body's
"men", entertainers, and a region before a one-word alias.

Every example is written for this file (invented news-style text); none is taken from an evaluation set or from
the check sets. Each rule has at least two differently worded cases.
"""

from __future__ import annotations

from dateline.actors import ActorResolver, _lex, code_actor
from dateline.nlp import parse
from tests.actors_helpers import country_sector_at

_cs = country_sector_at("2021-05-01")


def _doc_country(text: str) -> str:
    return ActorResolver(parse(text, published="2021-05-01")).country


def _at(text: str, phrase: str):
    s = text.index(phrase)
    return ActorResolver(parse(text, published="2021-05-01")).resolve(s, s + len(phrase))


# --- 1. the story's country counts the towns it names, not only nationality words (`_doc_country`) ---------------


def test_towns_of_one_country_outweigh_a_foreign_nationality_word() -> None:
    text = (
        "Ugandan soldiers crossed the lake at night, residents said. Two fishermen were taken to hospital in "
        "Homa Bay. Police in Busia held three Ugandan smugglers, the Kenya Fisheries Service said."
    )
    assert _doc_country(text) == "KEN"
    text = (
        "Togolese traders blocked the road on Monday. Police in Kumasi said two Togolese drivers were held, and "
        "markets in Tamale stayed shut."
    )
    assert _doc_country(text) == "GHA"


def test_one_passing_town_does_not_flip_the_story() -> None:
    text = (
        "Kenya's parliament passed the budget on Tuesday. Kenyan lawmakers said a trader from Jinja had lobbied "
        "against the new levy."
    )
    assert _doc_country(text) == "KEN"
    text = "Ghana's cocoa board cut prices on Friday. Farmers in Ghana said a buyer from Bouake had stopped coming."
    assert _doc_country(text) == "GHA"


# --- 2. a place matched by its first word only names no country ("Beni Ounif" is no Beni) -------------------------


def test_first_word_of_a_longer_place_name_places_nothing() -> None:
    a = _at(
        "Customs officers seized two lorries near Beni Mellal on Sunday, the ministry said.",
        "Customs officers",
    )
    assert a.country != "COD"
    a = _at(
        "Border guards stopped eleven migrants near Beni Ounif at dawn, the ministry added.", "Border guards"
    )
    assert a.country != "COD"


# --- 3. "the two ministers": a pair of officials the story named, of two countries, not the host ------------------


def test_the_two_officials_of_a_meeting_take_no_host_country() -> None:
    text = (
        "The foreign ministers of Senegal and Gambia met in Bissau, in talks hosted by Guinea-Bissau's president. "
        "The two ministers agreed to reopen the crossing."
    )
    assert _at(text, "The two ministers").country is None
    text = (
        "The presidents of Ghana and Togo held talks in Abuja under Nigerian mediation. Both presidents signed "
        "the border accord."
    )
    assert _at(text, "Both presidents").country is None


def test_a_counted_force_still_takes_its_place() -> None:
    a = _at("Two soldiers were killed in an ambush in Mali on Sunday.", "Two soldiers")
    assert (a.country, a.sector) == ("MLI", "MIL")


# --- 4. an acronym that names other things too is the force before a word for its members ------------------------


def test_ambiguous_acronym_before_member_noun_is_the_force() -> None:
    assert _cs("SARS officers", "Residents said SARS officers beat the driver at a checkpoint in Warri.") == (
        "NGA",
        "COP",
    )
    assert _cs("SARS operatives") == ("NGA", "COP")
    assert _cs("FC personnel", "Three FC personnel were wounded in a grenade attack in Kech.")[0] == "PAK"
    assert _cs("ISO operatives", "ISO operatives picked up the activist outside his home.") == ("UGA", "SPY")


def test_ambiguous_acronym_alone_or_before_other_words_is_not_the_force() -> None:
    assert code_actor("SARS", date="2021-05-01").name is None
    assert code_actor("SARS patients", date="2021-05-01").name is None
    assert code_actor("FC Barcelona", date="2021-05-01").name != "Frontier Corps"


# --- 5. a named body's "men" are its own people: "men" says no sector ----------------------------------------------


def test_a_named_bodys_men_keep_its_sector() -> None:
    assert _cs("Hamas men")[1] == "REB"
    assert _cs("RAB men", "RAB men raided the flat in Dhaka before dawn.") == ("BGD", "COP")
    assert _cs("Frontier Corps men")[1] == "MIL"


# --- 6. entertainers are civilians ---------------------------------------------------------------------------------


def test_entertainers_are_civilians() -> None:
    assert _cs("a popular rapper", "Police in Dakar detained a popular rapper after the concert.") == (
        "SEN",
        "CVL",
    )
    assert _cs("the comedian", "The comedian was questioned over a sketch about the president.")[1] == "CVL"
    assert _cs("a filmmaker")[1] == "CVL"


# --- 7. a region that names no country before a one-word alias is a given name -------------------------------------


def test_region_word_before_a_nickname_is_a_given_name() -> None:
    assert (
        code_actor("Asia Bibi", "Asia Bibi, the farm worker acquitted last year, left for Canada.").name
        is None
    )
    assert code_actor("Asia Bibi", "Lawyers for Asia Bibi said she was safe.", date="2019-01-01").name is None
    # the nickname itself, or after a country, is still the leader
    assert code_actor("Bibi", "Bibi met the defence minister in Jerusalem.", date="2019-01-01").name == (
        "Benjamin Netanyahu"
    )
    assert code_actor("Israel's Bibi", date="2019-01-01").name == "Benjamin Netanyahu"


def test_every_member_acronym_names_a_listed_body() -> None:
    from dateline.actors._lexicon import _member_acronyms

    lex = _lex()
    assert _member_acronyms()
    for acronym, body in _member_acronyms().items():
        assert lex.actors.get(body), (acronym, body)
