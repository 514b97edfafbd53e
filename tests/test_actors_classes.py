"""Actor coding by class (seventh session): name variants, names opening with a number word, appositions with a
possessive country, treaty bodies, rights groups, ruling parties, faith codes, and agent nouns by profession."""

from __future__ import annotations

from dateline.actors import ActorResolver, code_actor
from dateline.nlp import parse


def _codes(text: str, context: str | None = None) -> tuple[str | None, str | None]:
    a = code_actor(text, context)
    return a.country, a.sector


def test_a_given_name_one_letter_off_is_the_listed_person() -> None:
    a = code_actor("Mamadi Doumbouya")  # listed as "Mamady Doumbouya"
    assert (a.country, a.name) == ("GIN", "Mamady Doumbouya")


def test_a_given_name_of_the_other_gender_is_someone_else() -> None:
    assert code_actor("Maria Draghi").name is None  # "Mario Draghi" is listed; his namesake is not him
    assert code_actor("Mario Draghi").country == "ITA"


def test_a_number_word_that_opens_a_listed_name_is_kept() -> None:
    assert _codes("the Five Star Movement") == ("ITA", "PTY")
    assert _codes("Two soldiers", "KEN") == ("KEN", "MIL")  # a count before a role noun is still dropped


def test_an_apposition_with_a_possessive_country_codes_the_name() -> None:
    text = "John Okafor, Nigeria's information minister, said the talks had failed."
    a = ActorResolver(parse(text)).resolve(0, text.index(","))
    assert (a.country, a.sector) == ("NGA", "GOV")
    text = "Amina Haddad, Tunisia's best-known human rights activist, began a hunger strike on Monday."
    a = ActorResolver(parse(text)).resolve(0, text.index(","))
    assert (a.country, a.sector) == ("TUN", "SOC")


def test_a_treaty_organisation_is_intergovernmental() -> None:
    a = code_actor("the Pacific Mutual Treaty Organization")
    assert (a.country, a.kind) == ("IGO", "organisation")
    assert code_actor("a treaty organization").country is None  # lower case: words, not a name


def test_the_head_of_a_rights_league_is_civil_society() -> None:
    assert _codes("President of the Malawian Human Rights League") == ("MWI", "SOC")
    # a national human rights commission is often a state body: the title keeps its sector
    assert _codes("chairman of the Malawi Human Rights Commission")[1] == "GOV"


def test_a_ruling_party_named_is_government() -> None:
    assert _codes("the ruling ANC")[1] == "GOV"
    assert _codes("the ANC")[1] == "PTY"


def test_a_faith_word_before_a_religious_role_gives_the_faith_code() -> None:
    assert _codes("a Sunni cleric")[1] == "MUS"
    assert _codes("an Orthodox priest")[1] == "CHR"
    assert _codes("clerics")[1] == "REL"


def test_profession_and_group_nouns() -> None:
    assert _codes("jurists")[1] == "JUD"
    assert _codes("death squads")[1] == "PRM"  # state-affiliated killers (PLOVER manual, repression)
    assert _codes("humanitarian workers")[1] == "SOC"
    assert _codes("thieves")[1] == "CRM"
    assert _codes("the Nigeria Labour Congress") == ("NGA", "LAB")


def test_a_body_named_as_another_countrys_takes_its_head_nouns_sector() -> None:
    # a listed rebel "People's Defence Force" elsewhere; named as Tanzania's, it is Tanzania's army
    assert _codes("the Tanzania People's Defence Force") == ("TZA", "MIL")
    assert _codes("Paraguay's Congress") == ("PRY", "LEG")


def test_then_before_a_title_is_the_office_held_at_the_time() -> None:
    assert _codes("the then defence minister")[1] == "GOV"
    assert _codes("the former defence minister")[1] == "ELI"
