"""Places given gold spans: every written form of a toponym a user or an annotator may pass resolves.

No spaCy here (geoparse with spans needs only the text), so these are fast. Sentences are our own.
"""

from __future__ import annotations

import pytest
from places_helpers import resolve_named as _resolve

from dateline.evaluate.places import _reanchor
from dateline.model import Document, Place
from dateline.places import _gaz, _prior, geoparse


def _one(name: str, text: str | None = None) -> Place:
    text = text or f"{name} was in the news again on Monday."
    return _resolve(text, [name])[0]


@pytest.mark.parametrize(
    ("form", "country", "feature"),
    [
        ("Russia's", "RUS", "country"),
        ("Iran’s", "IRN", "country"),
        ("the Netherlands", "NLD", "country"),
        ("SYRIA", "SYR", "country"),
        ("U.S", "USA", "country"),
        ("U.S.", "USA", "country"),
        ("UK", "GBR", "country"),
        ("N. Korea", "PRK", "country"),
        ("S. Korea", "KOR", "country"),
        ("Syrian", "SYR", "country"),
        ("Canadian", "CAN", "country"),  # the demonym, not Canadian, Texas
        ("Welsh", "GBR", "admin"),  # Wales, not Welsh, Louisiana
        ("Soviet Union", "RUS", "region"),
    ],
)
def test_forms_of_country_names(form: str, country: str, feature: str) -> None:
    p = _one(form)
    assert (p.country, p.feature) == (country, feature), p


@pytest.mark.parametrize(
    ("form", "state"),
    [("Calif.", "California"), ("Calif", "California"), ("Ind.", "Indiana"), ("Ill.", "Illinois"),
     ("N.Y", "New York"), ("Tenn.", "Tennessee")],
)  # fmt: skip
def test_us_state_abbreviations(form: str, state: str) -> None:
    p = _one(form, f"The storm reached {form} by nightfall.")
    assert p.country == "USA" and p.feature == "admin" and p.name == state


@pytest.mark.parametrize(
    ("form", "state", "lat"),
    [("Paris, Texas", "Texas", 33.66), ("Springfield, Ill.", "Illinois", 39.80), ("Portland, Maine", "Maine", 43.66)],
)  # fmt: skip
def test_names_with_an_admin_qualifier(form: str, state: str, lat: float) -> None:
    p = _one(form)
    assert p.country == "USA" and p.admin1 == state and abs(p.lat - lat) < 0.3


def test_the_prefixed_alias_keeps_its_own_reading() -> None:
    assert _one("the Gulf", "Tankers crossed the Gulf at dawn.").feature == "water"


def test_english_names_of_regions_and_landforms() -> None:
    assert _one("Lombardy").country == "ITA"
    assert _one("Guangdong").country == "CHN"
    assert _one("Himalayas").feature == "region"
    alps = _one("Alps")
    assert abs(alps.lat - 46.5) < 1.5 and abs(alps.lon - 10) < 4


def test_alternate_name_of_a_town_does_not_beat_a_real_one() -> None:
    # GeoNames lists odd alternate names for towns; a city bearing the name as its own comes first
    top = max(_gaz().lookup("Cancun"), key=_prior)
    assert top.country == "MEX"


def test_coarse_subdivision_ranks_below_a_real_town() -> None:
    coarse = [
        c for c in _gaz().lookup("Kirovohradska oblast") if c.source == "pycountry-subdivisions"
    ]  # only the country's point is known for it
    if coarse and coarse[0].precision_km > 150:
        assert _prior(coarse[0]) < 5.0


def test_bare_county_name_read_in_its_state() -> None:
    text = "Deputies in Kanawha and Putnam said the river rose near Charleston, West Virginia."
    kan, put, _cha, _wv = _resolve(text, ["Kanawha", "Putnam", "Charleston", "West Virginia"])
    assert kan.admin1 == "West Virginia" and put.admin1 == "West Virginia"


def test_small_namesakes_do_not_vote_each_other_in() -> None:
    text = "Pilgrims from Damascus travelled across the Middle East to Jerusalem."
    dam, me, jer = _resolve(text, ["Damascus", "Middle East", "Jerusalem"])
    assert dam.country == "SYR" and me.feature == "region" and jer.country == "ISR"


def test_local_outlet_reads_its_home_town_in_its_country() -> None:
    text = "The Athens city council met on Tuesday and approved the budget."
    home = _resolve(text, ["Athens"], url="http://www.athensbanner.com/news/2009/budget")[0]
    plain = _resolve(text, ["Athens"])[0]
    assert home.country == "USA" and plain.country == "GRC"


def test_country_code_domain_gives_the_outlet_country() -> None:
    text = "Snow fell in Moscow on Tuesday."
    p = _resolve(text, ["Moscow"], url="https://www.themoscowtimes.ru/2009/01/snow")[0]
    assert p.country == "RUS"


def test_street_falls_back_to_the_focus_city() -> None:
    text = "Police in Nairobi closed Moi Avenue after the protest."
    city, street = _resolve(text, ["Nairobi", "Moi Avenue"])
    assert street.source == "context-fallback" and (street.lat, street.lon) == (city.lat, city.lon)


def test_admin1_labels_come_from_the_right_region() -> None:
    # GeoNames admin1 codes are not ISO codes in every country (Iran, Ukraine)
    assert _one("Tehran").admin1 == "Tehrān"
    assert _one("Kharkiv").admin1.startswith("Kharkiv")


def test_reanchor_finds_the_nearest_occurrence() -> None:
    text = "Rain in Lyon. Later, more rain in Lyon."
    second = text.rindex("Lyon")
    assert _reanchor(text, second + 3, second + 7, "Lyon") == (second, second + 4)
    assert _reanchor(text, 8, 12, "Lyon") == (8, 12)
    assert _reanchor(text, 0, 4, "Paris") is None


@pytest.mark.parametrize(
    ("form", "country"),
    [("Al-Raqqa", "SYR"), ("al-Qaim", "IRQ"), ("Anbar Province", "IRQ"), ("Rakhine State", "MMR"),
     ("eastern Aleppo", "SYR")],
)  # fmt: skip
def test_arabic_article_and_admin_suffixes(form: str, country: str) -> None:
    assert _one(form).country == country


def test_compass_prefix_keeps_water_readings() -> None:
    p = _one("North Atlantic", "Storms crossed the North Atlantic in March.")
    assert p.feature == "water"


def test_outlet_host_names_its_home_towns() -> None:
    from dateline.places import _host_towns

    towns = _host_towns("theparisnews")  # paper words stripped: "paris"
    assert towns and all(t.name == "Paris" for t in towns)
    assert {t.admin1_code for t in towns if t.country == "USA"} >= {"TX", "TN"}
    assert _host_towns("masslive") == ()


def test_local_outlet_pulls_its_region_and_places_its_county() -> None:
    text = "The Lamar County commissioners met on Monday to discuss road repairs."
    county = _resolve(text, ["Lamar County"], url="http://www.theparisnews.com/story/1")[0]
    assert county.admin1 == "Texas" and abs(county.lat - 33.66) < 0.5  # at Paris, Texas, not the state centre


def test_transliterated_spelling_resolves_in_the_country_of_the_text() -> None:
    text = "Fighting spread from Deir Ezzour toward Aleppo and Homs, Syrian officials in Damascus said."
    deir = _resolve(text, ["Deir Ezzour", "Aleppo", "Homs", "Damascus"])[0]
    assert deir.country == "SYR" and deir.source and "spelling" in deir.source
    assert abs(deir.lat - 35.33) < 0.3 and abs(deir.lon - 40.14) < 0.3


def test_feature_names_are_not_respelled_as_towns() -> None:
    text = "Crews searched Lake Harrowby near Aleppo and Homs in Syria."
    lake = _resolve(text, ["Lake Harrowby", "Aleppo", "Homs", "Syria"])[0]
    assert lake.source == "context-fallback"


def test_a_persons_name_is_not_respelled_as_a_town() -> None:
    text = "Soleimani met commanders in Baghdad and Basra, Iraqi officials said."
    p = _resolve(text, ["Soleimani", "Baghdad", "Basra"])[0]
    assert p.source == "context-fallback"


def test_tiny_namesake_does_not_beat_a_region_on_country_mentions() -> None:
    text = "The US sent troops to the Middle East; US officials and US diplomats in the United States agreed."
    p = _resolve(text, ["US", "Middle East"])[1]
    assert p.feature == "region"


@pytest.mark.parametrize(
    ("form", "country"),
    [("Palmyra", "SYR"), ("Odessa", "UKR"), ("Hodeidah", "YEM"), ("Qamishli", "SYR"), ("Falklands", "FLK")],
)
def test_news_spellings_of_conflict_places(form: str, country: str) -> None:
    assert _one(form).country == country


def test_country_after_a_comma_is_no_container_for_a_far_fetched_reading() -> None:
    text = "More troops went to the Middle East, US officials said."
    assert _resolve(text, ["Middle East", "US"])[0].feature == "region"
    text = "The fair opened in Italy, Texas, on Friday."
    assert _resolve(text, ["Italy", "Texas"])[0].admin1 == "Texas"


def test_state_name_inside_a_city_organisation_is_the_city() -> None:
    text = "The New York Times said farmers in New York State want relief."
    a = text.index("New York")
    b = text.index("New York", a + 1)
    times, state = geoparse(Document(id="t", text=text), spans=[(a, a + 8), (b, b + 8)])
    assert times.feature == "city" and abs(times.lat - 40.71) < 0.3
    assert state.feature == "admin"
