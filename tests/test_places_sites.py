"""Issue 6 (Black Sea DEV corpus): sites named after a settlement ("the Pabrade training area"), admin areas
named after their town ("Galati county", "Lviv region"), small names found in many countries ("Novo Selo"),
outlet names that are not places ("Danube Wire") and demonyms that must resolve to their own country.

Sentences are our own. Resolution tests pass gold-style spans (no spaCy); recognition tests parse short texts.
"""

from __future__ import annotations

import pytest
from places_helpers import resolve_named as _resolve

from dateline.model import Document
from dateline.nlp import parse
from dateline.places import _drop_outlets, _gaz, distance_km, geoparse


def _one(text: str, name: str, others: tuple[str, ...] = ()):
    places = _resolve(text, [name, *others])
    return next(p for p in places if p.text == name)


# ---------------------------------------------------------------- admin areas named by a unit word


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Floods closed schools across Galati county on Friday.", "Galati county", "ROU"),
        ("Power cuts hit Kharkiv region after the strikes.", "Kharkiv region", "UKR"),
        ("The vote in Vaslui county was delayed by snow.", "Vaslui county", "ROU"),
        ("Shelling was reported in the Zhytomyr oblast, officials said.", "Zhytomyr oblast", "UKR"),
    ],
)
def test_unit_word_names_the_admin_area(text: str, name: str, country: str) -> None:
    p = _one(text, name)
    assert p.feature == "admin" and p.country == country, p


def test_names_listed_before_a_plural_unit_are_admin_areas() -> None:
    text = "Blackouts hit Sumy and Poltava regions overnight."
    places = _resolve(text, ["Sumy", "Poltava"])
    assert [p.feature for p in places] == ["admin", "admin"], places


def test_admin_area_uses_its_own_point_when_known() -> None:
    p = _one("Farmers protested in Galati county.", "Galati county")
    assert p.source == "pycountry-subdivisions"  # the county's own point, not the city's copy


@pytest.mark.parametrize(
    ("text", "name", "point"),
    [
        # the region named most like the town, not another with the same first letters ("Kurganskaya")
        ("Drones fell on villages in Kursk region.", "Kursk region", (51.7, 36.2)),
        # a city that is its own subdivision: its region is the one around it
        ("Air raid sirens sounded across Kyiv region.", "Kyiv region", (50.2, 30.5)),
    ],
)
def test_region_named_like_its_town(text: str, name: str, point: tuple[float, float]) -> None:
    p = _one(text, name)
    assert p.feature == "admin" and p.name != "Kyiv", p
    assert distance_km((p.lat, p.lon), point) < 120, p


def test_district_is_a_local_admin_area_at_its_town() -> None:
    p = _one("Two villages in Kalush district lost power.", "Kalush district")
    assert p.feature == "admin" and p.country == "UKR"
    assert distance_km((p.lat, p.lon), (49.01, 24.37)) < 30  # Kalush, not the far-off oblast centre


def test_unit_word_after_the_span_also_counts() -> None:
    p = _one("The wounded were taken to a hospital in Sumy region.", "Sumy")
    assert p.feature == "admin" and p.country == "UKR"


def test_bare_name_of_a_region_and_its_capital_is_the_city() -> None:
    p = _one("The delegation flew into Kecskemet on Tuesday.", "Kecskemet")
    assert p.feature == "city" and p.country == "HUN"


def test_city_stays_a_city_without_unit_word() -> None:
    assert _one("Drones struck Kharkiv overnight.", "Kharkiv").feature == "city"


# ---------------------------------------------------------------- sites named after a settlement


@pytest.mark.parametrize(
    ("text", "name", "town"),
    [
        (
            "Lithuanian troops trained at the Pabrade training area this week.",
            "Pabrade training area",
            (54.98, 25.76),
        ),
        ("Jets took off from the Lask air base in central Poland.", "Lask air base", (51.55, 19.18)),
        ("A ferry docked at Mangalia port late on Sunday.", "Mangalia port", (43.82, 28.58)),
        ("Latvian conscripts left the Adazi barracks at dawn.", "Adazi barracks", (57.07, 24.32)),
    ],
)
def test_site_phrase_is_a_site_at_its_settlement(text: str, name: str, town: tuple[float, float]) -> None:
    p = _one(text, name)
    assert p.feature == "site", p
    assert distance_km((p.lat, p.lon), town) < 40, p
    assert p.name.endswith(name.split(" ", 1)[1])  # "Łask air base": the town's own name and the head


def test_unknown_site_phrase_is_a_site_at_its_container() -> None:
    text = "Convoys queued at the Zorbinka border crossing in Moldova."
    p = _one(text, "Zorbinka border crossing", ("Moldova",))
    assert p.feature == "site" and p.country == "MDA"


def _names(text: str) -> list[str]:
    return [p.text for p in geoparse(parse(text))]


def test_site_phrase_is_recognised_whole() -> None:
    names = _names("Romanian gunners fired at the Pabrade training area in Lithuania on Monday.")
    assert "Pabrade training area" in names and "Pabrade" not in names


def test_capitalised_site_head_after_a_town() -> None:
    names = _names("Polish F-16s returned to Lask Air Base after the drill.")
    assert names == ["Lask Air Base"]


def test_recognised_town_before_port_takes_the_head() -> None:
    names = _names("Grain ships waited off Mangalia. Officials at Mangalia port said the queue was growing.")
    assert "Mangalia port" in names


def test_country_or_sea_before_a_head_is_not_extended() -> None:
    names = _names("Tankers left the Black Sea port on Monday for Turkey.")
    assert not any(n.endswith("port") for n in names)


def test_a_person_base_is_not_a_place() -> None:
    names = _names("Analysts said the senator's base was shrinking and the Smith base would not turn out.")
    assert not any("base" in n for n in names)


def test_compound_after_head_is_not_taken() -> None:
    names = _names("Climbers left the Mount Everest base camp. The Haifa port authority met on Monday.")
    assert not any(n.endswith(("base", "port")) for n in names), names


def test_crossing_after_a_town_the_model_calls_a_person() -> None:
    names = _names("Aid trucks waited at the Rafah crossing and at the Kerem Shalom crossing on Sunday.")
    assert "Rafah crossing" in names and "Kerem Shalom crossing" in names


def test_named_persons_word_before_a_head_is_no_site() -> None:
    names = _names("A convoy stopped at the Jones checkpoint, said Maria Jones, a volunteer.")
    assert not any("checkpoint" in n for n in names), names


def test_recognised_name_before_a_unit_word_is_the_admin_area() -> None:
    text = "Two people were hurt when a drone hit a farm in the Kalush district on Tuesday."
    places = [p for p in geoparse(parse(text)) if p.text.startswith("Kalush")]
    assert [(p.text, p.feature) for p in places] == [("Kalush", "admin")]


# ---------------------------------------------------------------- outlets


def test_outlet_names_are_not_places() -> None:
    text = (
        "By Ana Pop - Danube Wire, May 3, 2025\n\nGALATI, May 3 (Danube Wire) - Floods hit the city of "
        "Galati on Saturday, the Aegean Herald and the Carpathian Courier reported."
    )
    names = _names(text)
    assert not any(n.startswith(("Danube", "Aegean", "Carpathian")) for n in names), names
    assert "Galati" in names


def test_a_place_named_with_an_outlet_word_stays() -> None:
    text = "Small boats crossed the English Channel and the Bristol Times reported it."
    s = text.index("English Channel")
    kept = _drop_outlets(text, _gaz(), [(s, s + len("English Channel"))])
    assert kept == [(s, s + len("English Channel"))]


def test_city_named_paper_keeps_its_town() -> None:
    names = _names("The story first ran in the Moscow Times on Monday.")
    assert "Moscow" in names


# ---------------------------------------------------------------- many-homonym small names


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Police in Bulgaria said the fire at Novo Selo spread to two farms near the Danube.", "BGR"),
        ("Police in Serbia said the fire at Novo Selo spread to two farms.", "SRB"),
    ],
)
def test_many_homonym_small_name_follows_the_texts_country(text: str, country: str) -> None:
    assert _one(text, "Novo Selo").country == country


# ---------------------------------------------------------------- demonyms


def test_every_demonym_resolves_to_its_own_country() -> None:
    gaz = _gaz()
    bad = []
    for key, (_place, iso3) in gaz.demonyms.items():
        if iso3:
            found = gaz.lookup(key)
            if not found or found[0].country != iso3:
                bad.append(key)
    assert not bad


@pytest.mark.parametrize(("word", "iso3"), [("Georgians", "GEO"), ("Greeks", "GRC"), ("Moldovans", "MDA")])
def test_plural_demonyms(word: str, iso3: str) -> None:
    text = f"Thousands of {word} marched on Sunday."
    s = text.index(word)
    (p,) = geoparse(Document(id="t", text=text), spans=[(s, s + len(word))])
    assert p.country == iso3 and p.feature == "country"


def test_sovereign_states_have_a_demonym() -> None:
    gaz = _gaz()
    have = {iso3 for _p, iso3 in gaz.demonyms.values() if iso3}
    for iso3 in ("ROU", "BGR", "MDA", "GEO", "UKR", "TUR", "CPV", "TUV", "SMR"):
        assert iso3 in have, iso3
