"""Actor coding, session 19 (issue 3): the role an apposition gives a name, bodies of two states named by a
hyphenated pair, peoples abroad, a country's own seat of power, airlines and banks named by their first word, and
data rows (airlines, lower-case carabinieri, joint ventures, the Cortes).

Check set: tests/data/actors_own_s19.jsonl (+ .md; batch 18 tuned on, batch 19 an untuned transfer check). Every
example here is written for this file; none is taken from an evaluation set or from the check set. Each rule has at
least two differently worded cases.
"""

from __future__ import annotations

from dateline.actors import ActorResolver
from dateline.nlp import parse
from tests.actors_helpers import country_sector_at

_cs = country_sector_at("2022-05-01")


# --- an apposition after a name (dateline/actors/_context.py `_apposed_role`, _coding.py `_with_apposition`) -------


def test_an_unlisted_name_takes_the_role_its_apposition_gives() -> None:
    assert _cs(
        "Peter Otieno",
        "Peter Otieno, a Ugandan army officer, told reporters the rebels had crossed the border.",
    ) == ("UGA", "MIL")
    assert _cs(
        "Marta Gómez", "Marta Gómez, a Chilean teachers' union leader, said classes would stop on Monday."
    ) == ("CHL", "EDU")
    assert _cs("Diego Paredes", "Diego Paredes, a Peruvian judge, ordered the mayor held for 18 months.") == (
        "PER",
        "JUD",
    )
    # an organisation's name, too
    assert _cs(
        "Kivuli Holdings", "Kivuli Holdings, a mining venture of Zambia and two Canadian firms, cut 300 jobs."
    ) == ("ZMB", "BUS")


def test_no_apposition_no_role() -> None:
    # the same name with no apposition after it: no sector from anywhere
    assert (
        _cs("Diego Paredes", "Diego Paredes said the mayor would be held, the court in Lima said.")[1] is None
    )
    # a place described by an apposition stays a place, not a post ("the main city" is no government)
    assert _cs("Goma", "Goma, the main city in eastern Congo, fell to the rebels on Tuesday.") == (
        "COD",
        "CVL",
    )
    # an apposition with no article is a list or a place, not a description
    assert _cs("Diego Paredes", "Diego Paredes, Lima, Peru")[1] is None


def test_a_listed_person_stays_himself_unless_the_apposition_names_another_country() -> None:
    assert _cs(
        "Nyesom Wike", "Nyesom Wike, the Rivers State governor, spoke in Port Harcourt.", "2019-01-10"
    ) == (
        "NGA",
        "GOV",
    )
    # a namesake of another country: the apposition's role and country, not the listed governor's
    assert _cs(
        "Udom Emmanuel", "Udom Emmanuel, a Ghanaian customs officer, was arrested in Accra.", "2019-01-10"
    )[0] == ("GHA")
    assert _cs("Udom Emmanuel", "Udom Emmanuel, a Ghanaian pastor, led the prayers.", "2019-01-10") == (
        "GHA",
        "REL",
    )


# --- bodies of two states (dateline/actors/_context.py `_two_states`, data/actors/two_state_bodies.tsv) -------------


def test_a_body_of_two_states_is_the_first_states_with_its_body_nouns_sector() -> None:
    assert _cs("the joint Kenyan-Tanzanian commission") == ("KEN", "GOV")
    assert _cs("the Sino-Pakistani working group") == ("CHN", "GOV")
    assert _cs("the Chad-Cameroon joint force") == ("TCD", "MIL")
    assert _cs("the joint Mali-Niger patrols", "The joint Mali-Niger patrols found a weapons cache.") == (
        "MLI",
        "MIL",
    )
    assert _cs("the inter-Korean liaison office") == ("KOR", "GOV")


def test_other_hyphenated_pairs_are_no_body_of_two_states() -> None:
    assert _cs("Iranian-American activists") == ("USA", "CVL")  # a nationality: the last demonym
    assert _cs("the Saudi-led coalition")[1] is None
    assert _cs("the joint Kenyan-Tanzanian statement")[1] is None  # no body noun
    assert _cs("Indo-Pacific Command", "Indo-Pacific Command moved ships to Guam.")[0] != "IND"


# --- a people abroad (dateline/actors/_context.py `_diaspora`) ----------------------------------------------------


def test_a_people_placed_abroad_is_its_countrys_civilians() -> None:
    assert _cs("Nigerians living in London") == ("NGA", "CVL")
    assert _cs("Sudanese in Cairo", "Sudanese in Cairo queued outside the embassy for passports.") == (
        "SDN",
        "CVL",
    )
    assert _cs("Afghans abroad") == ("AFG", "CVL")
    # a role noun keeps its own sector, and a bare plural is left as it was
    assert _cs("Kenyan police in Nairobi") == ("KEN", "COP")
    assert _cs("Nigerians") == ("NGA", None)


# --- a country's own seat of power (dateline/actors/_coding.py) ----------------------------------------------------


def test_a_countrys_own_seat_of_power_is_the_body_it_stands_for() -> None:
    assert _cs("Israel's Knesset") == ("ISR", "LEG")
    assert _cs("Germany's Bundestag") == ("DEU", "LEG")
    assert _cs("Russia's Kremlin") == ("RUS", "GOV")
    assert _cs("The Cortes", "The Cortes voted on the budget in Madrid.") == ("ESP", "LEG")


# --- first-word business names (dateline/actors/_coding.py `_BUSINESS_PREFIXES`) -----------------------------------


def test_air_and_banco_names_are_companies() -> None:
    assert _cs("Air Namibia") == ("NAM", "BUS")
    assert _cs("Air Burkina", "Air Burkina cancelled flights from Ouagadougou.") == ("BFA", "BUS")
    assert _cs("Banco Popular")[1] == "BUS"
    assert _cs("Banque Misr", "Banque Misr raised deposit rates in Cairo.")[1] == "BUS"


def test_an_air_arm_or_air_rank_is_no_airline() -> None:
    assert _cs("the Nigerian Air Force") == ("NGA", "MIL")
    assert _cs("Air Force")[1] == "MIL"
    assert _cs("Air Chief Marshal")[1] == "MIL"


# --- data rows ------------------------------------------------------------------------------------------------------


def test_airlines_carabinieri_and_ventures() -> None:
    assert _cs("Qantas") == ("AUS", "BUS")
    assert _cs("Lufthansa") == ("DEU", "BUS")
    assert _cs("Biman", "Biman added flights to Dubai.") == ("BGD", "BUS")
    assert _cs("the carabinieri", "The carabinieri raided homes near Naples on Friday.") == ("ITA", "COP")
    assert _cs("a mining venture", "A mining venture in Zambia laid off workers.") == ("ZMB", "BUS")


# --- in running text (ActorResolver) --------------------------------------------------------------------------------


def test_the_resolver_reads_apposition_and_two_state_bodies() -> None:
    text = (
        "Grace Achieng, a Kenyan nurse, said the joint Kenyan-Ugandan committee had not visited the clinic."
    )
    doc = parse(text)
    r = ActorResolver(doc)
    s = text.index("Grace Achieng")
    a = r.resolve(s, s + len("Grace Achieng"))
    assert (a.country, a.sector) == ("KEN", "MED")
    s = text.index("the joint Kenyan-Ugandan committee")
    a = r.resolve(s, s + len("the joint Kenyan-Ugandan committee"))
    assert (a.country, a.sector) == ("KEN", "GOV")


# --- seats that are towns (dateline/actors/_context.py `_story_town`; data/actors/places_extra.tsv) ----------------


def _resolved(text: str, phrase: str) -> tuple[str | None, str | None]:
    s = text.index(phrase)
    a = ActorResolver(parse(text)).resolve(s, s + len(phrase))
    return a.country, a.sector


def test_a_bare_seat_in_a_story_of_the_towns_country_is_the_town() -> None:
    assert _resolved(
        "Peru's president flew to Cusco on Monday. In Lima, Miraflores closed its beaches to visitors.",
        "Miraflores",
    ) == ("PER", "CVL")
    assert _resolved(
        "Police in Lima cleared the seafront on Sunday. Miraflores, the seaside district, reopened its parks.",
        "Miraflores",
    ) == ("PER", "CVL")


def test_a_bare_seat_elsewhere_stays_the_seat() -> None:
    assert _resolved(
        "Venezuela's opposition called a march in Caracas. Miraflores said the march was illegal.",
        "Miraflores",
    ) == ("VEN", "GOV")
    # a third country's story: still the palace
    assert _resolved(
        "Colombia closed its border on Monday. Miraflores said the closure hurt Venezuelans.", "Miraflores"
    ) == ("VEN", "GOV")


def test_westminster_the_town_is_londons() -> None:
    assert _cs("residents of Westminster") == ("GBR", "CVL")
    assert _cs("Westminster residents", "Westminster residents complained about the noise.") == ("GBR", "CVL")
    assert _cs("Westminster", "Westminster voted on the deal.") == ("GBR", "LEG")
