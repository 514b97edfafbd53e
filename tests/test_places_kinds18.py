"""Issue 6, places, round 21 (session 18): kinds of 2016-17 international wire and 2018 web news (our batch 20,
tests/data/places_own_s18.jsonl). A town followed by a comma and a country keeps its readings in that country, in
running text and in a wire dateline ("Victoria, Seychelles"; a dateline is the country's biggest town of the
name); a page of news in brief is several stories, each under its own dateline; one name said of two places is
told apart by the country or region named beside each mention ("Hyderabad" after Telangana and after Sindh); a
street or quarter beside a city of another country the text names lies in that city; Russia's federal subjects
and Indonesia's provinces under their English names (data rows); "the Amur region" is the oblast, not the river;
a world city known only by a foreign alternate name ("Parigi", "Londra") is held by no facility or district name.
Sentences are our own writing; resolution tests pass the names (gold style, no spaCy) so they are fast."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from places_helpers import km_from, places_by_text

from dateline.model import Document, Place
from dateline.places import geoparse


def _all_mentions(text: str, names: list[str]) -> list[Place]:
    """Places for every occurrence of each of `names` (a name said twice may be two places)."""
    spans = []
    for n in names:
        i = text.find(n)
        while i != -1:
            spans.append((i, i + len(n)))
            i = text.find(n, i + 1)
    return geoparse(Document(id="t", text=text), spans=spans)


# ------------------------------------------------------------------ a town, a comma and its country


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("The president flew to Victoria, Seychelles, on Monday to sign the agreement.", "Victoria", "SYC"),
        (
            "VICTORIA, Seychelles (Reuters) - Opposition leaders said on Monday they would block the naval deal.",
            "VICTORIA",
            "SYC",
        ),
        ("Talks resumed in Tripoli, Lebanon, after a week of clashes in the old souks.", "Tripoli", "LBN"),
    ],
)
def test_town_comma_country_keeps_that_country(text: str, name: str, country: str) -> None:
    names = [name, text.split(", ")[1].split(" (")[0].split(",")[0]]
    got = places_by_text(text, names)
    assert got[name].country == country, got[name]


def test_a_dateline_is_the_countrys_biggest_town_of_that_name() -> None:
    text = (
        "SAN JOSE, Costa Rica - Heavy rain flooded the eastern port of Limón, and the government closed schools "
        "in Upala, near the northern border."
    )
    got = places_by_text(text, ["SAN JOSE", "Costa Rica", "Limón", "Upala"])
    assert km_from(got["SAN JOSE"], 9.93, -84.08) < 20, got["SAN JOSE"]


# ------------------------------------------------------------------ a page of news in brief

_BRIEFS = (
    "World news in brief\n"
    "TRIPOLI, Libya - Rival armed groups clashed overnight in the southern suburbs of the capital. Rockets fell "
    "in Salah al-Din and near Ain Zara, the health ministry said.\n"
    "COLOMBO, Sri Lanka - Floods cut the road to Ratnapura, and residents of Kolonnawa were moved to schools.\n"
    "KATHMANDU, Nepal - A landslide blocked the highway near Mugling; traffic to Pokhara was diverted.\n"
    "LIMA, Peru - Mudslides buried homes in Chosica, east of the capital, and the Rímac burst its banks."
)


def test_news_in_brief_names_lie_under_their_own_dateline() -> None:
    got = places_by_text(_BRIEFS, ["TRIPOLI", "Libya", "Salah al-Din", "Ain Zara", "COLOMBO", "Sri Lanka",
                                   "Kolonnawa", "KATHMANDU", "Nepal", "Mugling", "Pokhara", "LIMA", "Peru"])  # fmt: skip
    assert km_from(got["Salah al-Din"], 32.85, 13.2) < 60, got["Salah al-Din"]  # not Iraq's province
    assert km_from(got["Ain Zara"], 32.8, 13.23) < 60, got["Ain Zara"]
    assert got["Kolonnawa"].country == "LKA", got["Kolonnawa"]
    assert got["Mugling"].country == "NPL", got["Mugling"]


# ------------------------------------------------------------------ one name, two places, told by their context


@pytest.mark.parametrize(
    ("text", "name", "want"),
    [
        (
            "In Telangana, 62 deaths were reported, most of them around Hyderabad, the state capital. Across the "
            "border, the heat centred on Sindh. In Hyderabad, the province's second city, power cuts lasted 12 "
            "hours.",
            "Hyderabad",
            [("IND", 17.39, 78.49), ("PAK", 25.39, 68.37)],
        ),
        (
            "Pressure grows in Lebanon to send the refugees home. In the northern city of Tripoli, shopkeepers said "
            "patrols had doubled. Libya has become a transit point too: 800 Syrians registered in Tripoli this "
            "year.",
            "Tripoli",
            [("LBN", 34.44, 35.85), ("LBY", 32.89, 13.19)],
        ),
        (
            "The premier flew over the fires from Victoria on Friday, and helicopters came from Cold Lake, Alberta. "
            "Firefighters from the Australian states of Victoria and New South Wales arrive next week.",
            "Victoria",
            [("CAN", 48.43, -123.37), ("AUS", -37.0, 144.0)],
        ),
    ],
)
def test_one_name_two_places_told_by_the_country_beside_each(
    text: str, name: str, want: list[tuple[str, float, float]]
) -> None:
    context = [n for n in ("Telangana", "Sindh", "Lebanon", "Libya", "Cold Lake", "Alberta", "New South Wales")
               if n in text]  # fmt: skip
    got = [p for p in _all_mentions(text, [name, *context]) if p.text == name]
    assert [p.country for p in got] == [c for c, _, _ in want], got
    for p, (_c, lat, lon) in zip(got, want, strict=True):
        assert km_from(p, lat, lon) < 161, p


def test_one_country_beside_both_mentions_keeps_one_place() -> None:
    text = "Hyderabad flooded on Monday. In Telangana, officials said Hyderabad had 200 mm of rain."
    got = [p for p in _all_mentions(text, ["Hyderabad", "Telangana"]) if p.text == "Hyderabad"]
    assert {p.country for p in got} == {"IND"}, got


# ------------------------------------------------------------------ a quarter beside a city of another named country


@pytest.mark.parametrize(
    ("text", "name", "lat", "lon"),
    [
        (
            "The heat wave killed 160 people in India and Pakistan. In Delhi, Mumbai and Chennai hospitals opened "
            "wards. In Karachi, the charity said its morgue in Sohrab Goth was full.",
            "Sohrab Goth",
            24.86,
            67.0,
        ),
        (
            "Pakistan closed the Torkham crossing with Afghanistan. Traders in Peshawar and Lahore lost millions. In "
            "Kabul, protesters gathered on Darulaman Road on Friday.",
            "Darulaman Road",
            34.53,
            69.17,
        ),
    ],
)
def test_a_quarter_beside_a_city_of_another_named_country(
    text: str, name: str, lat: float, lon: float
) -> None:
    names = [n for n in ("India", "Pakistan", "Delhi", "Mumbai", "Chennai", "Karachi", "Afghanistan", "Peshawar",
                         "Lahore", "Kabul", "Torkham") if n in text]  # fmt: skip
    got = places_by_text(text, [*names, name])
    assert km_from(got[name], lat, lon) < 60, got[name]


# ------------------------------------------------------------------ regions under their English names (data rows)


@pytest.mark.parametrize(
    ("text", "name", "lat", "lon"),
    [
        ("Satellites showed fires in the taiga of Yakutia, Russia's largest region.", "Yakutia", 66.0, 129.0),
        ("Regions such as Tuva underreport fires, officials in Russia said.", "Tuva", 51.5, 94.5),
        (
            "Dry winds fanned flames across Transbaikalia and Buryatia in Russia.",
            "Transbaikalia",
            52.5,
            116.0,
        ),
        ("Floods hit Primorye in Russia's Far East after the typhoon.", "Primorye", 45.0, 134.5),
        ("Planes were diverted to Makassar in South Sulawesi, Indonesia.", "South Sulawesi", -3.7, 120.0),
        ("Floods in West Java, Indonesia, forced 4,000 people from their homes.", "West Java", -6.9, 107.6),
        ("Haze from North Sumatra reached Malaysia on Monday.", "North Sumatra", 2.2, 99.2),
    ],
)
def test_regions_under_their_english_names(text: str, name: str, lat: float, lon: float) -> None:
    others = [n for n in ("Russia", "Buryatia", "Makassar", "Indonesia", "Malaysia") if n in text]
    got = places_by_text(text, [name, *others])
    assert km_from(got[name], lat, lon) < 161, got[name]


@pytest.mark.parametrize(
    ("text", "name", "lat", "lon"),
    [
        ("The Amur region declared an emergency after fires reached Blagoveshchensk.", "Amur", 52.8, 128.4),
        ("Gas output in the Yamal region rose again in 2017, Russia said.", "Yamal", 66.5, 75.0),
    ],
)
def test_a_river_or_area_before_a_unit_word_is_the_region(
    text: str, name: str, lat: float, lon: float
) -> None:
    others = [n for n in ("Blagoveshchensk", "Russia") if n in text]
    got = places_by_text(text, [name, *others])
    assert got[name].feature == "admin", got[name]
    assert km_from(got[name], lat, lon) < 161, got[name]


def test_the_amur_without_a_unit_word_stays_the_river() -> None:
    text = "Blagoveshchensk faces the Chinese town of Heihe across the Amur."
    got = places_by_text(text, ["Blagoveshchensk", "Heihe", "Amur"])
    assert got["Amur"].feature == "water", got["Amur"]
    assert km_from(got["Amur"], 50.25, 127.5) < 161, got["Amur"]


@pytest.mark.parametrize(
    ("text", "names", "country"),
    [
        (
            "Wildfires burned in Siberia and the Far East this spring, Russia said.",
            ["Siberia", "Russia"],
            "RUS",
        ),
        (
            "Fires raged across Yakutia and the Far East, officials in Moscow said.",
            ["Yakutia", "Moscow"],
            "RUS",
        ),
        (
            "Demand for oil in the Far East rose as China and Japan bought more crude.",
            ["China", "Japan"],
            None,
        ),
    ],
)
def test_the_far_east_of_a_story_about_russia(text: str, names: list[str], country: str | None) -> None:
    got = places_by_text(text, ["Far East", *names])
    assert got["Far East"].country == country, got["Far East"]


# ------------------------------------------------------------------ a world city only by a foreign alternate name


@pytest.mark.parametrize(
    ("text", "names", "name", "lat", "lon"),
    [
        (
            "In Donggala, north of Palu, the coast road to the districts of Sigi and Parigi Moutong was cut.",
            ["Donggala", "Palu", "Parigi Moutong"],
            "Parigi Moutong",
            -0.9,
            119.9,
        ),
        (
            "High water flooded Venice, Italy, on Monday. Guests at the Londra Palace were moved to upper floors.",
            ["Venice", "Italy", "Londra Palace"],
            "Londra Palace",
            45.43,
            12.33,
        ),
    ],
)
def test_no_world_city_by_a_foreign_alternate_name_inside_a_name(
    text: str, names: list[str], name: str, lat: float, lon: float
) -> None:
    got = places_by_text(text, names)
    assert km_from(got[name], lat, lon) < 161, got[name]


# ------------------------------------------------------------------ a far village of another region of the story's country


@pytest.mark.parametrize(
    ("text", "names", "name"),
    [
        (
            "More than 14,000 residents of San Jose were ordered out after Coyote Creek overflowed into the "
            "Rocksprings neighborhood. Santa Clara County declared an emergency, and roads closed in Gilroy and Los "
            "Gatos. Crews at Oroville Dam, in the Sierra Nevada, were racing to repair its spillway, and Sacramento "
            "asked Washington for aid.",
            [
                "San Jose",
                "Rocksprings",
                "Santa Clara County",
                "Gilroy",
                "Los Gatos",
                "Oroville Dam",
                "Sierra Nevada",
                "Sacramento",
                "Washington",
            ],  # fmt: skip
            "Rocksprings",
        ),
        (
            "Power was out across San Jose on Monday after the storm. Trees fell on homes in Willow Glen, and a "
            "mudslide closed roads near Los Gatos and Saratoga. Santa Clara County opened a shelter in Campbell. "
            "Snow closed passes in the Sierra Nevada, and Sacramento asked Washington for aid.",
            [
                "San Jose",
                "Willow Glen",
                "Los Gatos",
                "Saratoga",
                "Santa Clara County",
                "Campbell",
                "Sierra Nevada",
                "Sacramento",
                "Washington",
            ],  # fmt: skip
            "Willow Glen",
        ),
    ],
)
def test_a_far_village_of_another_region_of_the_storys_country_falls_back(
    text: str, names: list[str], name: str
) -> None:
    got = places_by_text(text, names)
    assert km_from(got[name], 37.3, -121.9) < 60, got[name]  # at the story's places, not in Texas or Ohio


# ------------------------------------------------------------------ the gold set


def test_own_gold_set_s18_is_well_formed() -> None:
    path = Path(__file__).parent / "data" / "places_own_s18.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert "_note" in rows[0]
    assert len(rows) > 300
    for r in rows[1:]:
        assert r["text"][r["start"] : r["end"]] == r["toponym"]
        assert -90 <= r["lat"] <= 90 and -180 <= r["lon"] <= 180
        assert r["batch"] == 20
        assert r["country"] is None or len(r["country"]) == 3


def test_own_s18_is_scored_by_the_places_suite() -> None:
    from dateline.evaluate import places as ev

    assert ev._OWN_S18.name == "places_own_s18.jsonl"
    out = ev._intl_dev(ev._OWN_S18)
    assert out["toponyms"] == len(ev.load_intl_dev(ev._OWN_S18))
