"""Issue 6, places, round 19 (session 16): kinds seen on long articles with many places (LGL DEV and our own
batch 18, tests/data/places_own_s16.jsonl). Small post-office towns of a state the text names get spatial support
from their neighbours ("Plainfield and Marshfield" beside Montpelier, Vermont); stray small namesakes in two or
more countries the text never names yield to the story's country ("Waterways", "Draper", "Conklin" in a Fort
McMurray story); a world-city name paired with one town of a state that holds more of the text's places is the
town there ("toward Detroit and Clarksville" in Red River County, Texas); a name listed with national capitals is
the capital ("ministers from Lima, Santiago and Brasília"); two sides of a quarrel are a state and the capital
("Texas and Washington disagreed"); a place in apposition "south of" a town lies near it ("Beauregard, an
unincorporated community south of Opelika"); and data rows for river stretches, an island and a town GeoNames
lacks. Sentences are our own writing; resolution tests pass the names (gold style, no spaCy) so they are fast."""

from __future__ import annotations

import pytest
from places_helpers import km_from, places_by_text


@pytest.mark.parametrize(
    ("text", "names", "want"),
    [
        (
            "Roads were closed in Plainfield and Marshfield as the Winooski rose toward Montpelier, Vermont "
            "officials said.",
            ["Plainfield", "Marshfield", "Montpelier", "Vermont"],
            {"Plainfield": (44.26, -72.42), "Marshfield": (44.35, -72.35)},
        ),
        (
            "Storms knocked out power in Calais and Worcester, and the road to East Montpelier was closed, "
            "Vermont Emergency Management said.",
            ["Calais", "Worcester", "East Montpelier", "Vermont"],
            {"Worcester": (44.37, -72.55)},
        ),
        (
            "Deputies found the missing hiker north of Breckenridge, and the Wilkin County sheriff thanked "
            "volunteers from Campbell and Fergus Falls, Minnesota.",
            ["Breckenridge", "Wilkin County", "Campbell", "Fergus Falls", "Minnesota"],
            {"Campbell": (46.10, -96.40)},
        ),
    ],
)
def test_small_towns_of_a_named_state_support_each_other(
    text: str, names: list[str], want: dict[str, tuple[float, float]]
) -> None:
    got = places_by_text(text, names)
    for name, (lat, lon) in want.items():
        assert km_from(got[name], lat, lon) < 40, (name, got[name])


_FORT_MCMURRAY = (
    "An ice jam on the Athabasca River flooded downtown Fort McMurray on Sunday, and 13,000 people were ordered out "
    "of their homes, officials in Alberta said. Water reached the roofs of houses in Waterways and Draper, and the "
    "streets of Taiga Nova and Longboat Landing were closed. Evacuees were sent to camps north of the city and to "
    "hotels in Lac La Biche, Athabasca and Edmonton. The Clearwater River also rose, and crews from Anzac, Conklin "
    "and Janvier helped to fill sandbags. Residents of Thickwood, on higher ground, opened their homes, and Calgary "
    "sent pumps."
)

_WILDFIRE = (
    "A wildfire forced all 88,000 residents out of Fort McMurray, officials in Alberta said on Friday. Most of the "
    "homes destroyed were in Beacon Hill, Abasand and Waterways, where whole streets burned. Evacuees drove south to "
    "Edmonton and Calgary or sheltered in Lac La Biche, and the hamlet of Anzac was emptied when the fire crossed "
    "the highway. Firefighters from Boyle and Athabasca worked double shifts, and crews arrived from Saskatchewan "
    "and Ontario. Donations came by truck from Winnipeg and Vancouver."
)


@pytest.mark.parametrize(
    ("text", "names", "strays"),
    [
        (
            _FORT_MCMURRAY,
            ["Athabasca River", "Fort McMurray", "Alberta", "Waterways", "Draper", "Taiga Nova", "Lac La Biche",
             "Athabasca", "Edmonton", "Anzac", "Conklin", "Janvier", "Thickwood", "Calgary"],
            ["Waterways", "Draper", "Conklin"],
        ),
        (
            _WILDFIRE,
            ["Fort McMurray", "Alberta", "Beacon Hill", "Abasand", "Waterways", "Edmonton", "Calgary",
             "Lac La Biche", "Anzac", "Boyle", "Athabasca", "Saskatchewan", "Ontario", "Winnipeg", "Vancouver"],
            ["Beacon Hill", "Waterways", "Boyle"],
        ),
    ],
)  # fmt: skip
def test_stray_namesakes_in_several_unnamed_countries_yield_to_the_story(
    text: str, names: list[str], strays: list[str]
) -> None:
    got = places_by_text(text, names)
    for name in strays:
        assert got[name].country == "CAN", (name, got[name])


@pytest.mark.parametrize(
    ("text", "names", "name", "point"),
    [
        (
            "Hail the size of golf balls fell as the storm moved on toward Detroit and Clarksville, in Red River "
            "County, Texas.",
            ["Detroit", "Clarksville", "Red River County", "Texas"],
            "Detroit",
            (33.66, -95.27),
        ),
        (
            "The fire burned homes between Phoenix and Talent before crews held it, Jackson County officials said.",
            ["Phoenix", "Talent", "Jackson County"],
            "Phoenix",
            (42.28, -122.82),
        ),
        (
            "A tornado touched down between San Antonio and Dade City, the Pasco County sheriff said.",
            ["San Antonio", "Dade City", "Pasco County"],
            "San Antonio",
            (28.34, -82.27),
        ),
    ],
)
def test_a_world_city_name_paired_with_a_town_of_a_state_is_the_town_there(
    text: str, names: list[str], name: str, point: tuple[float, float]
) -> None:
    got = places_by_text(text, names)
    assert km_from(got[name], *point) < 50, got[name]


def test_a_pair_of_countries_stays_countries() -> None:
    got = places_by_text(
        "Leaders of Lebanon and Jordan met in Amman on Sunday.", ["Lebanon", "Jordan", "Amman"]
    )
    assert (got["Lebanon"].country, got["Lebanon"].feature) == ("LBN", "country")


@pytest.mark.parametrize(
    ("text", "names", "name", "country"),
    [
        (
            "Ministers flew in from Lima, Santiago and Brasília for talks in Cúcuta, near the Colombian town of "
            "Villa del Rosario.",
            ["Lima", "Santiago", "Brasília", "Cúcuta", "Villa del Rosario"],
            "Santiago",
            "CHL",
        ),
        (
            "Trade ministers from Tokyo, Seoul and Lima met in Columbus, and farmers from Dayton and Toledo in "
            "Ohio joined them.",
            ["Tokyo", "Seoul", "Lima", "Columbus", "Dayton", "Toledo", "Ohio"],
            "Lima",
            "PER",
        ),
        (  # a city of 100,000+ stays: the Spanish Córdoba beside Madrid
            "Envoys from Paris, London and Cordoba met in Madrid to discuss the crisis in Cuba.",
            ["Paris", "London", "Cordoba", "Madrid", "Cuba"],
            "Cordoba",
            "ESP",
        ),
    ],
)
def test_a_name_listed_with_capitals_is_a_capital(
    text: str, names: list[str], name: str, country: str
) -> None:
    assert places_by_text(text, names)[name].country == country


@pytest.mark.parametrize(
    "text",
    [
        "Texas and Washington disagreed over who should pay for the border wall, and the governor flew to Austin.",
        "Texas and Washington clashed again on Tuesday over federal money for the border.",
        "California and Washington have been at odds over car emission rules since 2018.",
    ],
)
def test_two_sides_of_a_quarrel_are_a_state_and_the_capital(text: str) -> None:
    first = text.split(" and ")[0]
    got = places_by_text(text, [first, "Washington"])
    assert got[first].feature == "admin"
    assert km_from(got["Washington"], 38.90, -77.04) < 30, got["Washington"]


def test_states_listed_without_a_quarrel_stay_states() -> None:
    got = places_by_text("Oregon and Washington sued the Environmental Protection Agency on Monday.",
                         ["Oregon", "Washington"])  # fmt: skip
    assert (got["Washington"].feature, got["Washington"].admin1) == ("admin", "Washington")


@pytest.mark.parametrize(
    ("text", "names", "name", "point"),
    [
        (
            "Most of the dead were found in Beauregard, an unincorporated community south of Opelika, in Lee "
            "County, Alabama.",
            ["Beauregard", "Opelika", "Lee County", "Alabama"],
            "Beauregard",
            (32.55, -85.37),
        ),
        (
            "The convoy reached Hollywood, a small farming village 20 km south of Kampala, on Monday, Ugandan "
            "officials said.",
            ["Hollywood", "Kampala"],
            "Hollywood",
            (0.15, 32.58),
        ),
    ],
)
def test_a_place_in_apposition_south_of_a_town_lies_near_it(
    text: str, names: list[str], name: str, point: tuple[float, float]
) -> None:
    got = places_by_text(text, names)
    assert km_from(got[name], *point) < 60, got[name]


@pytest.mark.parametrize(
    ("text", "names", "name", "point"),
    [
        (
            "The body of a walker swept away by the River Derwent was found near Matlock, Derbyshire police said.",
            ["River Derwent", "Matlock"],
            "River Derwent",
            (53.1, -1.55),
        ),
        (
            "Sandbags were piled along the River Derwent in Malton after heavy rain across North Yorkshire.",
            ["River Derwent", "Malton", "North Yorkshire"],
            "River Derwent",
            (54.1, -0.8),
        ),
        (
            "In Bihar the Kosi broke its embankments near Supaul and villagers fled to the highway.",
            ["Bihar", "Kosi", "Supaul"],
            "Kosi",
            (26.1, 86.7),
        ),
        (
            "Firefighters said a blaze on Fraser Island, off Hervey Bay in Queensland, had burned half the island.",
            ["Fraser Island", "Hervey Bay", "Queensland"],
            "Fraser Island",
            (-25.25, 153.15),
        ),
        (
            "Fire crews from Berlin and Barre helped pump out shops in Montpelier, Vermont.",
            ["Berlin", "Barre", "Montpelier", "Vermont"],
            "Berlin",
            (44.21, -72.60),
        ),
    ],
)
def test_data_rows_for_river_stretches_an_island_and_a_town(
    text: str, names: list[str], name: str, point: tuple[float, float]
) -> None:
    got = places_by_text(text, names)
    assert km_from(got[name], *point) < 100, got[name]


@pytest.mark.parametrize(
    ("text", "name", "state"),
    [
        (
            "The Readington Township committee voted on Tuesday to freeze property taxes for a second year.",
            "Readington Township",
            "New Jersey",
        ),
        (
            "Solebury Township supervisors approved a new trail along the canal on Monday night.",
            "Solebury Township",
            "Pennsylvania",
        ),
        (
            "A Hilltown Twp. man was charged with burglary after a chase, police said.",
            "Hilltown Twp.",
            "Pennsylvania",
        ),
    ],
)
def test_a_township_named_as_such_is_no_stray_hamlet(text: str, name: str, state: str) -> None:
    got = places_by_text(text, [name])[name]
    assert (got.country, got.admin1) == ("USA", state), got
