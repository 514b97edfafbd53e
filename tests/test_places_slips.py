"""Recognition slips seen in merged wire stories: towns named only as a modifier of a site noun, weapons and
outlets read as places, surnames read as places, and one point per unknown name within an article."""

from __future__ import annotations

import pytest

from dateline.model import Document
from dateline.nlp import parse
from dateline.places import geoparse
from dateline.places._gazetteer import _gaz
from dateline.places._recognition import _drop_non_places, _drop_outlets


def _places(text: str) -> list[tuple[str, int]]:
    return [(p.text, p.start) for p in geoparse(parse(text))]


def _names(text: str) -> list[str]:
    return [n for n, _ in _places(text)]


# ------------------------------------------------------------------ 1. a town as the modifier of a site noun


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Shoppers crowded the Jowhar market before the curfew began.", "Jowhar"),
        ("Aid flights resumed at the Wanlaweyn airstrip on Sunday.", "Wanlaweyn"),
        ("Floods cut the Beledweyne bridge last week.", "Beledweyne"),
        ("Militants shelled the Dhusamareb airstrip.", "Dhusamareb"),
    ],
)
def test_town_before_site_noun_is_a_place(text: str, town: str) -> None:
    assert town in _names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mourners gathered at the Kennedy hospital on Sunday.",
        "Shoppers crowded the Warren market on Friday.",
        "The Taylor prison held 300 inmates.",
    ],
)
def test_site_noun_cue_skips_surnames(text: str) -> None:
    # a surname before a site noun names a person's institution, not a town that shares the name
    assert _names(text) == []


def test_lone_person_tag_of_a_town_named_as_a_place_elsewhere_is_the_town() -> None:
    text = "Traders at the Jowhar market said prices had doubled. Jowhar lies north of Mogadishu."
    found = _places(text)
    assert [n for n, _ in found].count("Jowhar") == 2


# ------------------------------------------------------------------ 2. things that are not places


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Militants fired Katyusha rockets at the base in Baghdad.", "Katyusha"),
        ("Gunmen fired Katyusha rockets from Baghdad's southern outskirts.", "Katyusha"),
    ],
)
def test_weapon_names_are_no_places(text: str, word: str) -> None:
    assert word not in _names(text)


@pytest.mark.parametrize("word", ["Grad", "Kalashnikov", "Uragan", "Iskander", "Storm Shadow"])
def test_weapon_list_drops_a_weapon_span(word: str) -> None:
    text = f"Witnesses said the {word} strike hit a depot."
    s = text.index(word)
    assert _drop_non_places(text, [(s, s + len(word))]) == []


def test_weapon_list_filter_keeps_a_town_after_in() -> None:
    text = "He grew up in Tomahawk and later fired a Tomahawk missile."
    first, second = text.index("Tomahawk"), text.rindex("Tomahawk")
    kept = _drop_non_places(text, [(first, first + 8), (second, second + 8)])
    assert kept == [(first, first + 8)]


@pytest.mark.parametrize(
    "text",
    [
        "Radio Juba Valley reported clashes near Kismayo, Somalia.",
        "According to Radio Mogadishu, the convoy reached Afgoye.",
    ],
)
def test_a_radio_station_name_is_no_mention_of_its_place(text: str) -> None:
    found = _places(text)
    lead = text.index("Radio")
    name_end = text.index(" ", text.index(" ", lead) + 1)
    assert not any(lead <= s < name_end + 7 and n in ("Juba", "Mogadishu", "Juba Valley") for n, s in found)
    assert len(found) >= 1  # the real places stay


def test_outlet_name_after_the_article_is_dropped() -> None:
    text = "The Horn Wire said fighting resumed near Galkayo."
    s = text.index("Horn")
    assert _drop_outlets(text, _gaz(), [(s, s + 4)]) == []


@pytest.mark.parametrize(
    "text",
    [
        "Erdogan cosied up to Fidan in Ankara last week.",
        "The minister spoke with Fidan in Ankara on Monday.",
    ],
)
def test_unknown_name_after_a_person_verb_is_no_place(text: str) -> None:
    names = _names(text)
    assert "Fidan" not in names and "Ankara" in names


def test_unknown_name_before_a_person_verb_is_no_place() -> None:
    names = _names("Blinken met Minister Fidan in Ankara.")
    assert "Blinken" not in names and "Ankara" in names


# ------------------------------------------------------------------ 3. one point per unknown name in an article


def test_every_mention_of_an_unknown_village_gets_one_point() -> None:
    # the container is stated at the first mention only; the bare mentions after it take the same point
    text = (
        "Fighters overran Dhuumaley in Lower Shabelle on Monday, residents said. Elders in Mogadishu said "
        "Dhuumaley had been quiet for months. Families fled Dhuumaley towards Afgooye."
    )
    spans = [(i, i + len("Dhuumaley")) for i in range(len(text)) if text.startswith("Dhuumaley", i)]
    for name in ("Lower Shabelle", "Mogadishu"):
        s = text.index(name)
        spans.append((s, s + len(name)))
    places = geoparse(Document(id="t", text=text), spans=spans)
    village = [p for p in places if p.text == "Dhuumaley"]
    region = next(p for p in places if p.text == "Lower Shabelle")
    assert len(village) == 3
    assert {(p.lat, p.lon) for p in village} == {(region.lat, region.lon)}


def test_a_guessed_point_carries_a_wide_precision() -> None:
    text = "Clan militias clashed in Dhuumaley, elders in Mogadishu said."
    s = text.index("Dhuumaley")
    m = text.index("Mogadishu")
    places = geoparse(Document(id="t", text=text), spans=[(s, s + 9), (m, m + 9)])
    village = next(p for p in places if p.text == "Dhuumaley")
    assert village.source == "context-fallback"
    assert village.precision_km is not None and village.precision_km >= 100


def test_a_named_building_at_the_focus_keeps_the_town_precision() -> None:
    text = "Gunmen stormed the Hodan Plaza Hotel in central Mogadishu, police in Mogadishu said."
    s = text.index("Hodan Plaza Hotel")
    m = text.rindex("Mogadishu")
    places = geoparse(Document(id="t", text=text), spans=[(s, s + 17), (m, m + 9)])
    hotel = next(p for p in places if p.text == "Hodan Plaza Hotel")
    assert hotel.precision_km is not None and hotel.precision_km < 100
