"""Actor-coding kinds found with the CAMEO-tail check set (session 8, issue 3); sentences are our own wording."""

from __future__ import annotations

import pytest

from dateline.actors import code_actor, resolver_for
from dateline.nlp import parse


def _in_doc(text: str, span: str) -> tuple[str | None, str | None]:
    doc = parse(text)
    start = text.index(span)
    a = resolver_for(doc).resolve(start, start + len(span))
    return a.country, a.sector


# --- a bare "Congo" is the Democratic Republic (wire style); the Republic is always named as such


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Congo", "COD"),
        ("Congo's army", "COD"),
        ("Congolese troops", "COD"),
        ("the Democratic Republic of Congo", "COD"),
        ("Republic of Congo", "COG"),
        ("the Congo Republic", "COG"),
        ("Congo-Brazzaville", "COG"),
    ],
)
def test_bare_congo_is_the_democratic_republic(text: str, country: str) -> None:
    assert code_actor(text).country == country


def test_role_only_actor_in_congo_takes_the_democratic_republic() -> None:
    assert _in_doc("Militiamen looted a clinic in eastern Congo on Sunday.", "Militiamen")[0] == "COD"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Korean diplomats", "KOR"),
        ("Koreans", "KOR"),
        ("North Korean diplomats", "PRK"),
        ("the Korean peninsula", None),
    ],
)
def test_bare_korean_is_south_korean_as_bare_korea_is(text: str, country: str | None) -> None:
    assert code_actor(text).country == country


# --- a current place name beats a foreign city's old or foreign-language name


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("a retired colonel living in Salisbury", "GBR"),
        ("the governor of Antioquia", "COL"),
        ("church leaders in Bethlehem", "PSE"),
        ("the mayor of Alessandria", "ITA"),
        ("Harare", "ZWE"),  # the capital itself is untouched
    ],
)
def test_old_city_names_do_not_shadow_living_places(text: str, country: str) -> None:
    assert code_actor(text).country == country


# --- a hyphenated pair of demonyms: the last one is the nationality


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("an Iranian-American scholar", "USA"),
        ("a detained British-Egyptian blogger", "EGY"),
        ("a Lebanese-Australian businessman", "AUS"),
    ],
)
def test_hyphenated_demonyms_take_the_last(text: str, country: str) -> None:
    assert code_actor(text).country == country


def test_hyphenated_country_names_and_led_compounds_are_not_demonym_pairs() -> None:
    assert code_actor("the India-Pakistan ceasefire").country is None
    assert code_actor("the Saudi-led coalition").country == "SAU"


# --- a site named after a person or place is no person


def test_site_heads_drop_person_matches() -> None:
    # a listed leader's surname before a site noun names the site, not the leader
    assert code_actor("Putin").kind == "person"
    site = code_actor("the Putin bridge")
    assert site.kind == "organisation" and site.name is None and site.sector is None
    # a one-letter-off surname before "corridor" is no minister from elsewhere
    assert code_actor("the Lachin corridor").kind == "organisation"
    assert code_actor("the Lachin corridor").sector is None


def test_existing_facilities_keep_their_sector() -> None:
    assert code_actor("Al Asad Air Base").sector == "MIL"
    assert code_actor("HMS Defender").country == "GBR"


# --- the mediat- family is not "media"


@pytest.mark.parametrize("text", ["Qatari mediation", "Egyptian mediation efforts"])
def test_mediation_is_no_journalist(text: str) -> None:
    a = code_actor(text)
    assert a.sector != "JRN"
    assert a.country is not None


def test_media_still_journalists() -> None:
    assert code_actor("state media").sector in ("JRN", "GOV")
    assert code_actor("a Kenyan media outlet").sector == "JRN"


# --- an armed group described by an ethnic or regional word still stands where the sentence puts it


def test_ethnic_armed_group_takes_the_sentence_place() -> None:
    assert _in_doc("Arab militiamen burned three villages in North Darfur overnight.", "Arab militiamen") == (
        "SDN",
        "PRM",
    )


def test_regional_officials_still_have_no_state() -> None:
    assert _in_doc("Arab foreign ministers met in Cairo on Sunday.", "Arab foreign ministers")[0] is None
    assert _in_doc("European tourists were kidnapped in northern Mali.", "European tourists")[0] is None


# --- a city name several countries share: the country the sentence names decides


def test_namesake_city_takes_the_country_the_sentence_names() -> None:
    text = "Gunmen from rival clans fought in Tripoli, the Lebanese port city, on Tuesday."
    assert _in_doc(text, "Gunmen from rival clans")[0] == "LBN"  # the place the sentence gives them
    assert _in_doc(text, "Tripoli")[0] == "LBN"
    assert _in_doc("Libyan ministers met in Tripoli on Tuesday.", "Tripoli")[0] == "LBY"
    assert (
        _in_doc("Militia leaders met in Tripoli on Tuesday.", "Tripoli")[0] == "LBY"
    )  # no other country named


def test_namesake_needs_a_rival_of_comparable_size() -> None:
    # London, Ontario is a twentieth of London's size: a Canadian visitor does not move London to Canada
    assert _in_doc("Canada's foreign minister flew to London for talks.", "London")[0] == "GBR"
    assert _in_doc("Peruvian and Colombian envoys met in Cartagena.", "Cartagena")[0] != "PER"
