"""Issue 6, places, round 20 (session 17): kinds of 2018-19 web news from many countries (our batch 19,
tests/data/places_own_s17.jsonl) and the leftovers of round 19. A county the text names beside post-office towns
of population 0 is the county those towns lie beside ("Brandon" and "Kensington" beside Douglas County,
Minnesota); a people's name that is also a town of a region the text names is the town ("Cornish", New
Hampshire); a bridge, dam or university named like a hamlet of a country the text names only as such is no
hamlet there ("the Simón Bolívar bridge" at Cúcuta); a small town read far from every local place of the text is a
namesake of one of the story's villages ("Los Lotes", "El Rodeo" beside Escuintla); a river, lake or dam the
gazetteer lacks is not the airport named after it ("the Ross River" in Townsville); a town's alternate name after
a lower-case "the" is a river ("the Ganga", "the Barrow"). Sentences are our own writing; resolution tests pass
the names (gold style, no spaCy) so they are fast."""

from __future__ import annotations

import pytest
from places_helpers import km_from, places_by_text


@pytest.mark.parametrize(
    ("text", "names", "want"),
    [
        (
            "The Douglas County board met Tuesday. Residents of Brandon and Kensington asked for road repairs "
            "before winter.",
            ["Douglas County", "Brandon", "Kensington"],
            {"Douglas County": (45.93, -95.45), "Brandon": (45.97, -95.60), "Kensington": (45.78, -95.69)},
        ),
        (
            "Deputies were called to a farm between Kensington and Brandon on Sunday night, the Douglas County "
            "sheriff said, and the driver was taken to Alexandria.",
            ["Kensington", "Brandon", "Douglas County", "Alexandria"],
            {"Brandon": (45.97, -95.60), "Alexandria": (45.89, -95.38)},
        ),
    ],
)
def test_post_office_towns_beside_a_named_county(
    text: str, names: list[str], want: dict[str, tuple[float, float]]
) -> None:
    got = places_by_text(text, names)
    for name, (lat, lon) in want.items():
        assert km_from(got[name], lat, lon) < 40, (name, got[name])


def test_a_county_with_its_own_towns_stays() -> None:
    got = places_by_text(
        "The Pope County board met in Glenwood, and farmers near Villard asked for help.",
        ["Pope County", "Glenwood", "Villard"],
    )
    assert km_from(got["Pope County"], 45.59, -95.44) < 40


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Voters in Cornish and Claremont in New Hampshire rejected the school budget on Tuesday.",
            ["Cornish", "Claremont", "New Hampshire"],
        ),
        (
            "The selectboard in Cornish voted to repair the covered bridge to Windsor, Vermont, before spring.",
            ["Cornish", "Windsor", "Vermont"],
        ),
    ],
)
def test_a_peoples_name_that_is_a_town_of_the_story(text: str, names: list[str]) -> None:
    got = places_by_text(text, names)
    assert km_from(got["Cornish"], 43.47, -72.33) < 30, got["Cornish"]


def test_a_peoples_name_stays_the_people_beside_their_land() -> None:
    got = places_by_text(
        "Cornish fishermen landed their catch in Newlyn, England, as prices rose.",
        ["Cornish", "Newlyn", "England"],
    )
    assert got["Cornish"].country == "GBR", got["Cornish"]


@pytest.mark.parametrize(
    ("text", "names", "name", "near"),
    [
        (
            "Troops fired tear gas at crowds on the Simón Bolívar bridge between Cúcuta and Ureña, and officials "
            "in Bogotá said aid from Brazil, Peru and Ecuador would follow.",
            ["Simón Bolívar", "Cúcuta", "Ureña", "Bogotá", "Brazil", "Peru", "Ecuador"],
            "Simón Bolívar",
            (7.82, -72.45),
        ),
        (
            "Trucks waited at the Simón Bolívar bridge between Cúcuta and San Antonio del Táchira on the border "
            "with Venezuela.",
            ["Simón Bolívar", "Cúcuta", "San Antonio del Táchira", "Venezuela"],
            "Simón Bolívar",
            (7.82, -72.45),
        ),
    ],
)
def test_a_bridge_named_like_a_hamlet_abroad(
    text: str, names: list[str], name: str, near: tuple[float, float]
) -> None:
    got = places_by_text(text, names)
    assert km_from(got[name], *near) < 60, got[name]


@pytest.mark.parametrize(
    ("text", "names", "want"),
    [
        (
            "Ash buried the villages of Los Lotes and El Rodeo on the road from Escuintla to Alotenango, and "
            "the injured were taken to Chimaltenango and Guatemala City; burned children were flown to "
            "Mexico City.",
            [
                "Los Lotes",
                "El Rodeo",
                "Escuintla",
                "Alotenango",
                "Chimaltenango",
                "Guatemala City",
                "Mexico City",
            ],
            {"Los Lotes": (14.43, -90.83), "El Rodeo": (14.42, -90.84)},
        ),
        (
            "Floods swept through Shabab and Bahati on the edge of Nakuru, and roads to Mogotio, Njoro and "
            "Kampi ya Moto were cut, Kenya Red Cross said.",
            ["Shabab", "Bahati", "Nakuru", "Mogotio", "Njoro", "Kampi ya Moto"],
            {"Shabab": (-0.29, 36.07)},
        ),
    ],
)
def test_a_small_town_far_from_every_local_place(
    text: str, names: list[str], want: dict[str, tuple[float, float]]
) -> None:
    got = places_by_text(text, names)
    for name, (lat, lon) in want.items():
        # (El Rodeo may be the Guatemalan one of San Marcos, 135 km off: the story's country, not Mexico)
        assert km_from(got[name], lat, lon) < 161, (name, got[name])


@pytest.mark.parametrize(
    ("text", "names", "name", "near"),
    [
        (
            "Crews from Howland and Roxton cleared roads near Blossom, Deport and Bogata after the storm.",
            ["Howland", "Roxton", "Blossom", "Deport", "Bogata"],
            "Howland",
            (33.6, -95.5),
        ),
        (
            "Firefighters from Star Lake joined crews from Pelican Rapids, Vergas, Perham and Frazee at the fire.",
            ["Star Lake", "Pelican Rapids", "Vergas", "Perham", "Frazee"],
            "Star Lake",
            (46.6, -95.8),
        ),
    ],
)
def test_a_small_town_of_another_state_far_from_the_story(
    text: str, names: list[str], name: str, near: tuple[float, float]
) -> None:
    got = places_by_text(text, names)
    assert km_from(got[name], *near) < 161, got[name]


def test_a_far_town_of_the_storys_own_region_stays() -> None:
    got = places_by_text(
        "Rangers warned people at Humpty Doo and on the Adelaide River road, and police in Katherine, "
        "Batchelor and Tennant Creek also reported crocodile sightings.",
        ["Humpty Doo", "Katherine", "Batchelor", "Tennant Creek"],
    )
    assert km_from(got["Tennant Creek"], -19.65, 134.19) < 30, got["Tennant Creek"]


def test_a_village_of_a_country_the_text_names_stays() -> None:
    got = places_by_text(
        "Mario Rossi, who was born in Flumeri in Italy, opened a bakery in Paterson, Clifton and Wayne "
        "last year, and now ships bread to Hoboken.",
        ["Flumeri", "Italy", "Paterson", "Clifton", "Wayne", "Hoboken"],
    )
    assert got["Flumeri"].country == "ITA", got["Flumeri"]


@pytest.mark.parametrize(
    ("text", "names", "name", "near"),
    [
        (
            "Water poured from the Ross River into the suburbs of Townsville on Sunday night.",
            ["Ross River", "Townsville"],
            "Ross River",
            (-19.3, 146.79),
        ),
        (
            "Floodwater from the Campbell River cut roads around Gold River and Sayward on Vancouver Island.",
            ["Campbell River", "Gold River"],
            "Campbell River",
            (50.02, -125.24),
        ),
        (
            "Kayakers were pulled from the Clyde River near Batemans Bay and Moruya on Sunday.",
            ["Clyde River", "Batemans Bay", "Moruya"],
            "Clyde River",
            (-35.7, 150.15),
        ),
        (
            "A boat capsized on the Clyde River near Glasgow on Saturday, and two men were rescued by crews from "
            "Paisley.",
            ["Clyde River", "Glasgow", "Paisley"],
            "Clyde River",
            (55.86, -4.25),
        ),
    ],
)
def test_a_river_is_not_the_airport_named_after_it(
    text: str, names: list[str], name: str, near: tuple[float, float]
) -> None:
    got = places_by_text(text, names)
    assert km_from(got[name], *near) < 60, got[name]


@pytest.mark.parametrize(
    ("text", "names", "name", "near"),
    [
        (
            "Heavy rain swelled the Ganga at Patna, and boats were sent to villages near Hajipur.",
            ["Ganga", "Patna", "Hajipur"],
            "Ganga",
            (25.6, 85.15),
        ),
        (
            "Sandbags were stacked in Piacenza and Cremona as the Po kept rising.",
            ["Piacenza", "Cremona", "Po"],
            "Po",
            (45.1, 9.9),
        ),
        (
            "Flood warnings were issued after the Barrow burst its banks at Carlow and Athy.",
            ["Barrow", "Carlow", "Athy"],
            "Barrow",
            (52.84, -6.93),
        ),
    ],
)
def test_a_town_alternate_name_after_the_is_a_river(
    text: str, names: list[str], name: str, near: tuple[float, float]
) -> None:
    got = places_by_text(text, names)
    assert km_from(got[name], *near) < 161, got[name]


def test_the_hague_after_the_stays_the_city() -> None:
    got = places_by_text("Judges in the Hague ruled on Monday.", ["Hague"])
    assert got["Hague"].country == "NLD", got["Hague"]


def test_own_gold_set_s17_is_well_formed() -> None:
    import json
    from pathlib import Path

    path = Path(__file__).parent / "data" / "places_own_s17.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert "_note" in rows[0]
    for r in rows[1:]:
        assert r["text"][r["start"] : r["end"]] == r["toponym"]
        assert -90 <= r["lat"] <= 90 and -180 <= r["lon"] <= 180
        assert r["batch"] == 19
