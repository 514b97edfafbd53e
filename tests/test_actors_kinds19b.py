"""Actor coding, session 19, second round (issues 3 and 7: merging misses links where two reports of one event code
an actor or recipient differently). Kinds: a listed surname alone after "in"/"near"/"outside" in running text is the
town, of the story's country where towns of several countries share the name; "outside <town>" places a local actor
as "near" does; a group described by the people it is made of ("..., five of them Canadians,"); a weekday before a
capital is a date, not a given name; a town the parse tags as a site still tells the story's country.

Every example is written for this file (invented news-style text); none is taken from an evaluation set, the merge
corpora or the check sets. Each rule has at least two differently worded cases.
"""

from __future__ import annotations

from dateline.actors import ActorResolver, code_actor, parties_named_before
from dateline.nlp import parse


def _resolved(text: str, phrase: str, nth: int = 0) -> tuple[str | None, str | None]:
    s = -1
    for _ in range(nth + 1):
        s = text.index(phrase, s + 1)
    a = ActorResolver(parse(text)).resolve(s, s + len(phrase))
    return a.country, a.sector


# --- a listed surname alone after a place preposition is the town (`_context._in_running_text`) ----------------------


def test_a_surname_town_after_in_is_the_town_of_the_storys_country() -> None:
    # "Busia" is a town of Kenya and of Uganda (and the surname of a Ghanaian prime minister): the story's
    kenyan = (
        "Kenyan police said on Tuesday that fishermen from Kisumu had been detained. "
        "Officers in Busia then seized two lorries at the border post."
    )
    assert _resolved(kenyan, "Busia") == ("KEN", "CVL")
    ugandan = (
        "Uganda's army said its soldiers had closed the crossing at Tororo. "
        "Traders near Busia complained that the Ugandan tax officers had turned them back."
    )
    assert _resolved(ugandan, "Busia") == ("UGA", "CVL")
    # "Delmas", a commune of Port-au-Prince (and a French politician's surname): Haiti in a Haitian story
    haitian = (
        "Haitian police reinforced patrols on Monday after gunmen opened fire outside Delmas, residents said."
    )
    assert _resolved(haitian, "Delmas") == ("HTI", "CVL")


def test_the_surname_alone_elsewhere_stays_the_person() -> None:
    # no place preposition before it: the listed person, as before
    text = "Kofi Busia won the election in Ghana. Busia promised a new constitution within a year."
    assert _resolved(text, "Busia", nth=1)[0] == "GHA"
    assert _resolved(text, "Busia", nth=1)[1] != "CVL"


# --- "outside <town>" places a local actor (`_rules._PLACE_PREPS`, `_resolver._LOCATIVE`) ---------------------------


def test_outside_a_town_places_an_unnamed_armed_group_there() -> None:
    assert (
        _resolved("Two French engineers were seized by gunmen outside Bamako on Sunday.", "gunmen")[0]
        == "MLI"
    )
    assert (
        _resolved(
            "Four Canadian missionaries were abducted by a gang outside Port-au-Prince on Friday, their church said.",
            "a gang",
        )[0]
        == "HTI"
    )


# --- a group described by the people it is made of (`_context._OF_THEM`) --------------------------------------------


def test_a_group_takes_the_people_an_apposition_says_it_is_made_of() -> None:
    text = "Nine aid workers, six of them Kenyans, were freed by gunmen near Mogadishu on Monday, Somali police said."
    assert _resolved(text, "Nine aid workers")[0] == "KEN"
    text = "Twelve fishermen, all of them Ugandans, were arrested by Kenyan police on the lake on Friday."
    assert _resolved(text, "Twelve fishermen")[0] == "UGA"


def test_a_group_whose_own_words_name_a_country_keeps_it() -> None:
    text = "Three Tanzanian nurses, two of them Kenyans by birth, were held in Kampala on Monday."
    assert _resolved(text, "Three Tanzanian nurses")[0] == "TZA"


# --- a weekday before a capital is a date (`_match._surname_after_given`) -------------------------------------------


def test_a_weekday_before_a_capital_is_no_given_name() -> None:
    assert (code_actor("Monday Kigali", date="2024-03-01").country, code_actor("Monday Kigali").kind) == (
        "RWA",
        "country",
    )
    assert code_actor("Sunday Abuja", date="2024-03-01").country == "NGA"
    # a listed person whose given name is a weekday stays the person
    assert code_actor("Monday Okpebholo", date="2025-01-10").kind == "person"


# --- a town the parse tags as a site tells the story's country (`_resolver._doc_country`) --------------------------


def test_a_town_tagged_as_a_site_counts_for_the_storys_country() -> None:
    text = (
        "Gang threatens hostages\n\nA gang leader threatened on Wednesday to kill the Canadian hostages.\n\n"
        "A doctor was abducted today in Petion-Ville, his family said."
    )
    assert ActorResolver(parse(text)).country == "HTI"
    assert code_actor("Petion-Ville").country == code_actor("Petionville").country == "HTI"


def test_a_surname_after_near_or_outside_is_a_place_even_unlisted() -> None:
    # "Kulundu", "Mutua": listed Kenyan surnames, here villages no lexicon lists: no Kenyan, and no person
    text = "Tajik guards opened fire on a Kyrgyz post near Kulundu on Monday, wounding a soldier."
    assert _resolved(text, "Kulundu") == (None, None)
    assert _resolved(text, "a soldier")[0] != "KEN"
    text = "Gunmen torched two lorries outside Mutua late on Friday, the Somali army said."
    assert _resolved(text, "Mutua")[0] is None
    # after "in", a surname that names no known town may still be the person ("faith in Mutua")
    text = "Kenyan voters have lost faith in Mutua since the election, a poll found."
    assert _resolved(text, "Mutua")[0] == "KEN"


# --- a pair noun stands for the two states named before it (`_context._pair_named`, `parties_named_before`) --------


def _pair(text: str, phrase: str) -> list[tuple[str | None, str | None]]:
    s = text.index(phrase)
    return [(a.country, a.sector) for a in parties_named_before(parse(text), s, s + len(phrase))]


def test_the_two_countries_are_the_two_states_named_before() -> None:
    text = (
        "Armenian and Azerbaijani envoys met in Vienna on Monday. The two countries agreed to swap prisoners."
    )
    assert _pair(text, "The two countries") == [("ARM", "GOV"), ("AZE", "GOV")]
    text = (
        "Ethiopia accused Sudan of arming rebels near the border, the state broadcaster reported. "
        "On Friday both sides said talks would resume."
    )
    assert _pair(text, "both sides") == [("ETH", "GOV"), ("SDN", "GOV")]
    # hosts, mediators, a closing attribution and a wire dateline name no party
    text = (
        "NAIROBI, 3 March (Wire) - Somali and Kenyan ministers held talks hosted by Ethiopia's prime minister, "
        "Ugandan officials said. The two ministers agreed to reopen the border."
    )
    assert _pair(text, "The two ministers") == [("SOM", "GOV"), ("KEN", "GOV")]


def test_no_pair_when_the_text_names_more_or_fewer_states_or_other_words() -> None:
    text = "Chad, Niger and Mali signed a security pact on Sunday. The two countries will share intelligence."
    assert _pair(text, "The two countries") == []
    text = "Talks ended in Geneva without a deal. The two sides will meet again next month."
    assert _pair(text, "The two sides") == []
    text = "Peru and Chile signed a trade pact. The two firms will build a port."
    assert _pair(text, "The two firms") == []
