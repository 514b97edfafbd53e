"""Actor coding and within-document resolution, on sentences written for these tests."""

from __future__ import annotations

import re

import pytest

from dateline.actors import ActorResolver, code_actor
from dateline.nlp import parse


def _codes(text: str, **kw: str) -> tuple[str | None, str | None]:
    a = code_actor(text, **kw)
    return a.country, a.sector


# --------------------------------------------------------------------------- context-free coding


@pytest.mark.parametrize(
    "alias",
    ["Isis", "ISIL", "IS", "Daesh", "Islamic State of Iraq and the Levant", "the Islamic State group"],
)
def test_islamic_state_aliases_share_one_canonical_name(alias: str) -> None:
    a = code_actor(alias)
    assert a.name == "Islamic State"
    assert (a.country, a.sector) == ("IMG", "REB")


@pytest.mark.parametrize(
    "alias", ["Qassem Soleimani", "Qasem Soleimani", "Ghasem Soleimani", "General Qassem Suleimani"]
)
def test_transliterations_resolve_to_one_person(alias: str) -> None:
    a = code_actor(alias)
    assert a.name == "Qassem Soleimani"
    assert (a.country, a.sector, a.kind) == ("IRN", "MIL", "person")


def test_lowercase_words_are_not_short_aliases() -> None:
    assert code_actor("is").name != "Islamic State"
    assert code_actor("us").kind == "pronoun"
    assert code_actor("US").country == "USA"


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("British troops", "GBR", "MIL"),
        ("Iraqi forces", "IRQ", "MIL"),
        ("US officials", "USA", "GOV"),
        ("Kenyan police", "KEN", "COP"),
        ("two Ukrainian farmers", "UKR", "AGR"),
        ("Venezuelan lawmakers", "VEN", "LEG"),
        ("Nigerian soldiers", "NGA", "MIL"),
        ("a Saudi journalist", "SAU", "JRN"),
        ("Syrian rebels", "SYR", "REB"),
        ("Lagos police", "NGA", "COP"),
        ("Pakistan's foreign ministry", "PAK", "GOV"),
        ("the Egyptian army doctor", "EGY", "MIL"),
    ],
)
def test_nationality_and_role_phrases(text: str, country: str, sector: str) -> None:
    a = code_actor(text)
    assert (a.country, a.sector, a.kind) == (country, sector, "described")


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Tehran", "IRN", "GOV"),
        ("Downing Street", "GBR", "GOV"),
        ("Whitehall", "GBR", "GOV"),
        ("the Pentagon", "USA", "MIL"),
        ("the White House", "USA", "GOV"),
        ("the Kremlin", "RUS", "GOV"),
        ("Ottawa", "CAN", "GOV"),
    ],
)
def test_capitals_and_seats_of_power_stand_for_governments(text: str, country: str, sector: str) -> None:
    assert _codes(text) == (country, sector)


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("NATO", "IGO", "MIL"),
        ("the European Union", "EUR", None),
        ("UN Security Council", "UNO", "GOV"),
        ("Amnesty International", "NGO", "SOC"),
        ("Kataib Hezbollah", "IRQ", "PRM"),
        ("Hayat Tahrir al-Sham", "SYR", "REB"),
        ("the Wagner Group", "RUS", "PRM"),
        ("Ansar Allah", "YEM", "REB"),
        ("the Houthis", "YEM", "REB"),
        ("Mossad", "ISR", "SPY"),
    ],
)
def test_groups_and_organisations(text: str, country: str, sector: str | None) -> None:
    assert _codes(text) == (country, sector)


def test_country_names_code_to_iso3_without_sector() -> None:
    a = code_actor("Mongolia")
    assert (a.country, a.sector, a.kind) == ("MNG", None, "country")
    assert code_actor("Kosovo").country == "XKX"


def test_office_depends_on_the_date() -> None:
    assert _codes("Angela Merkel", date="2015-03-01") == ("DEU", "GOV")
    assert _codes("Angela Merkel", date="2023-03-01") == ("DEU", "ELI")
    assert _codes("Boris Johnson", date="2017-01-10") == ("GBR", "GOV")


def test_former_officials_are_elites() -> None:
    assert _codes("a former Nigerian minister") == ("NGA", "ELI")


def test_title_in_front_of_name_and_apposition() -> None:
    assert _codes("Defence Minister Rajnath Singh") == ("IND", "GOV")
    a = code_actor("Dmitry Peskov, the Kremlin spokesman")
    assert (a.name, a.country, a.sector) == ("Dmitry Peskov", "RUS", "GOV")


def test_owner_and_object_countries() -> None:
    assert code_actor("Japan's ambassador to Australia").country == "JPN"
    assert _codes("head of the Kenyan Human Rights League") == ("KEN", "SOC")
    assert _codes("a Yemen-based paramilitary group") == ("YEM", "PRM")


def test_unknown_names_and_junk_get_no_codes() -> None:
    assert _codes("Jocasta Pemberton-Smythe") == (None, None)
    assert _codes("kittens") == (None, None)


def test_context_supplies_a_missing_country() -> None:
    assert code_actor("the interior ministry", "Kenya").country == "KEN"


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("health ministries", "GOV"),  # TABARI stem "health minist" + plural
        ("deputy defence minister", "GOV"),  # head noun "minister", modifier "defence"
        ("rebel leader", "REB"),  # a generic head takes the role noun before it
        ("militia commander", "PRM"),
        ("police spokesman", "COP"),
        ("army spokesman", "MIL"),
        ("coal miners", "LAB"),
        ("ex-president", "ELI"),
    ],
)
def test_sector_from_role_noun_and_modifiers(text: str, sector: str) -> None:
    assert code_actor(text).sector == sector


def test_religion_keeps_the_cameo_religion_code() -> None:
    assert code_actor("Buddhist monks").sector == "BUD"
    assert code_actor("Muslim clerics").sector == "MUS"


def test_title_written_before_a_known_name_gives_the_office() -> None:
    assert _codes("Angela Merkel", date="2023-03-01") == ("DEU", "ELI")
    assert _codes("Chancellor Angela Merkel", date="2023-03-01") == ("DEU", "GOV")
    assert _codes("President Obama", date="2023-03-01") == ("USA", "GOV")


def test_dotted_abbreviations_are_countries_not_pronouns() -> None:
    assert code_actor("U.S.").country == "USA"
    assert code_actor("us").kind == "pronoun"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Goma residents", "COD"),  # a city below the old 150k threshold, next to a role noun
        ("the mayor of Goma", "COD"),
        ("Kano State governor", "NGA"),  # a first-level subdivision (pycountry)
        ("Sichuan province", "CHN"),
    ],
)
def test_cities_and_provinces_name_the_country_in_a_role_context(text: str, country: str) -> None:
    assert code_actor(text).country == country


def test_a_place_inside_an_unknown_name_gives_no_country() -> None:
    assert _codes("Leon Bobbington") == (None, None)
    assert _codes("John Jackson") == (None, None)


# --------------------------------------------------------------------------- within-document resolution


def _all(text: str, phrase: str) -> list[tuple[str, str | None, str | None]]:
    s = text.index(phrase)
    return [(a.text, a.country, a.sector) for a in ActorResolver(parse(text)).resolve_all(s, s + len(phrase))]


def test_resolve_all_splits_coordinated_nationalities_sharing_a_head() -> None:
    text = "Senior Hungarian and Romanian officials agreed on Wednesday to cooperate."
    assert _all(text, "Senior Hungarian and Romanian officials") == [
        ("Senior Hungarian", "HUN", "GOV"),
        ("Romanian officials", "ROU", "GOV"),
    ]
    text = "British, French and German troops arrived in the port."
    assert [c for _, c, _ in _all(text, "British, French and German troops")] == ["GBR", "FRA", "DEU"]


def test_resolve_all_keeps_one_name_and_non_lists_whole() -> None:
    text = "Bosnia and Herzegovina signed the deal, and law and order returned."
    assert _all(text, "Bosnia and Herzegovina") == [("Bosnia and Herzegovina", "BIH", None)]
    assert len(_all(text, "law and order")) == 1
    text = "The United States and Jordan agreed on a pact."
    assert [c for _, c, _ in _all(text, "The United States and Jordan")] == ["USA", "JOR"]


_STORY = (
    "Foreign Secretary William Hague met Iranian officials in Geneva on Monday. "
    "Mr Hague said the talks had been useful. Later, Hague flew back to London. "
    "The Foreign Secretary told reporters that he was hopeful. "
    "Tehran rejected the proposal, while Downing Street declined to comment. "
    "British troops and Iraqi forces advanced on Isis positions near Mosul. "
    "A senior defence source said they had been warned. "
    "Chancellor Angela Merkel spoke later. She said Germany would help."
)


@pytest.fixture(scope="module")
def story() -> tuple[ActorResolver, str]:
    doc = parse(_STORY, published="2014-06-16")
    doc.outlet = "The Telegraph"
    return ActorResolver(doc), _STORY


def _at(story: tuple[ActorResolver, str], phrase: str, nth: int = 0):
    resolver, text = story
    starts = [m.start() for m in re.finditer(r"\b" + re.escape(phrase) + r"\b", text)]
    s = starts[nth]
    a = resolver.resolve(s, s + len(phrase))
    assert (a.text, a.start, a.end) == (phrase, s, s + len(phrase))
    return a


def test_full_name_surname_honorific_and_title_resolve_to_one_person(story) -> None:
    for phrase in ("William Hague", "Mr Hague", "The Foreign Secretary"):
        a = _at(story, phrase)
        assert (a.name, a.country, a.sector) == ("William Hague", "GBR", "GOV"), phrase
    a = _at(story, "Hague", 2)
    assert a.name == "William Hague"


def test_pronouns_resolve_to_the_latest_compatible_antecedent(story) -> None:
    he = _at(story, "he", 0)
    assert (he.name, he.kind) == ("William Hague", "pronoun")
    she = _at(story, "She")
    assert (she.name, she.country, she.kind) == ("Angela Merkel", "DEU", "pronoun")
    they = _at(story, "they")
    assert they.kind == "pronoun" and they.name != "William Hague"


def test_seats_nationalities_and_described_sources_in_context(story) -> None:
    assert (_at(story, "Tehran").country, _at(story, "Tehran").sector) == ("IRN", "GOV")
    assert (_at(story, "Downing Street").country, _at(story, "Downing Street").sector) == ("GBR", "GOV")
    troops = _at(story, "British troops")
    assert (troops.country, troops.sector, troops.kind) == ("GBR", "MIL", "described")
    assert (_at(story, "Iraqi forces").country, _at(story, "Iraqi forces").sector) == ("IRQ", "MIL")
    src = _at(story, "A senior defence source")
    assert (src.country, src.sector, src.kind) == ("GBR", "MIL", "described")
    assert _at(story, "Isis").name == "Islamic State"


def test_described_source_without_outlet_takes_the_story_country() -> None:
    text = "Kenyan police raided a camp near Nairobi. A security official said Kenya had acted alone."
    doc = parse(text)
    s = text.index("A security official")
    a = ActorResolver(doc).resolve(s, s + len("A security official"))
    assert a.country == "KEN" and a.kind == "described"


@pytest.mark.parametrize(("outlet", "who"), [("CNN", "Barack Obama"), ("TASS", "Vladimir Putin")])
def test_a_shared_title_goes_to_the_holder_from_the_outlets_country(outlet: str, who: str) -> None:
    text = "US President Barack Obama called Russian President Vladimir Putin on Friday. The President was blunt."
    doc = parse(text, published="2014-07-20")
    doc.outlet = outlet
    s = text.index("The President")
    assert ActorResolver(doc).resolve(s, s + len("The President")).name == who


def test_a_surname_two_people_share_goes_to_the_one_mentioned_last() -> None:
    text = "Ed Miliband met David Miliband in London. Miliband said nothing. Later Ed Miliband spoke. Mr Miliband left."
    doc = parse(text)
    resolver = ActorResolver(doc)
    s = text.index("Miliband said")
    assert resolver.resolve(s, s + len("Miliband")).name == "David Miliband"
    s = text.index("Mr Miliband")
    assert resolver.resolve(s, s + len("Mr Miliband")).name == "Ed Miliband"


# --------------------------------------------------------------------------- eval smoke test


def test_eval_suite_runs_on_dev(shared_data) -> None:
    from dateline.evaluate import load_all

    result = load_all()["actors"]("dev", shared_data)
    assert result["n_country"] > 100 and result["n_sector"] > 100
    assert result["country_accuracy"] >= 0.85
    assert result["sector_accuracy"] >= 0.85


def test_ethnic_group_takes_the_country_it_lives_in() -> None:
    assert (
        code_actor("ethnic Hungarians", "Ethnic Hungarians in Slovakia rallied in Bratislava.").country
        == "SVK"
    )
    assert code_actor("the Kurds of Iraq").country == "IRQ"
    assert code_actor("Kurds").country != "IRQ"  # no "ethnic", no place: the name's own code stays


def test_led_forces_and_settlers() -> None:
    assert code_actor("French-led forces").country == "FRA"
    assert _codes("Jewish settlers") == ("ISR", "CVL")


def test_untitled_office_holder_takes_the_story_country() -> None:
    doc = parse("President Zorbu Malenki dissolved parliament in Nairobi on Monday, officials in Kenya said.")
    s = doc.text.index("President")
    e = doc.text.index(" dissolved")
    a = ActorResolver(doc).resolve(s, e)
    assert (a.country, a.sector) == ("KEN", "GOV")


def test_a_national_office_title_without_a_named_holder_names_its_country() -> None:
    from dateline.actors import resolver_for
    from dateline.nlp import parse

    text = (
        "Iran has warned of revenge. The Defence Secretary ordered two warships to the Gulf, officials in "
        "Tehran said. The President said nothing."
    )
    doc = parse(text, "2020-01-04")
    r = resolver_for(doc)

    def at(phrase: str):
        i = text.index(phrase)
        return r.resolve(i, i + len(phrase))

    assert at("The Defence Secretary").country == "GBR"  # a British office, whatever the story is about
    assert at("The President").country == "IRN"  # ambiguous titles still take the story's country
