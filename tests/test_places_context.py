"""Places: document context in resolution (spatial minimality, county points, town cues, containers of unknown
names) and recognition helpers (other mentions of a recognised name, towns the model took for people).

Sentences are our own. Resolution tests pass gold-style spans (no spaCy) so they are fast.
"""

from __future__ import annotations

import pytest
from places_helpers import resolve_named as _resolve

import dateline.places as places_mod
from dateline.model import Document
from dateline.nlp import parse
from dateline.places import distance_km, geoparse


def test_spatial_support_goes_to_readings_near_other_names() -> None:
    gaz = places_mod._gaz()
    cands_of = {k: places_mod._dedupe(gaz.lookup(k)) for k in ("Kent", "Sharon", "Torrington")}
    tops = {k: max(places_mod._prior(c) for c in v) for k, v in cands_of.items()}
    support = places_mod._spatial_support(cands_of, tops)
    by_state = {c.admin1_code: support.get(id(c), 0.0) for c in cands_of["Kent"] if c.country == "USA"}
    assert by_state["CT"] > 0.5  # Sharon and Torrington, Connecticut are a few km away
    assert by_state["WA"] == 0.0  # the biggest Kent has no neighbour among the text's names


def test_far_small_namesakes_do_not_pull_a_capital_away() -> None:
    text = "The envoy flew to Damascus after talks about the Middle East, officials in Cairo said."
    got = _resolve(text, ["Damascus", "Middle East", "Cairo"])
    assert got[0].country == "SYR" and got[2].country == "EGY"


def test_us_county_has_its_own_point() -> None:
    text = "Deputies in Becker County searched the lake shore overnight."
    county = _resolve(text, ["Becker County"])[0]
    assert county.admin1 == "Minnesota" and county.lat is not None
    assert distance_km((county.lat, county.lon), (46.93, -95.68)) < 60  # Becker County, Minnesota


def test_names_listed_before_counties_are_counties() -> None:
    text = "Residents of Butler, Clark and Warren counties in Ohio can apply for the grant."
    got = _resolve(text, ["Butler", "Clark", "Warren", "Ohio"])
    assert [p.name for p in got[:3]] == ["Butler County", "Clark County", "Warren County"]
    assert all(p.admin1 == "Ohio" for p in got[:3])


def test_state_counties_is_not_a_county_list() -> None:
    text = "Most Indiana counties reported higher jobless rates in March."
    assert _resolve(text, ["Indiana"])[0].feature == "admin"


@pytest.mark.parametrize(
    "text",
    [
        "Students at Lebanon High School raised money for the food bank.",
        "The City of Lebanon will close two streets for the parade.",
        "Services will be held at the church, 400 Main St., Lebanon, on Friday.",
        "Police arrested a Lebanon man after a traffic stop on Route 9.",
        "Jane Smith, 44, Lebanon, was charged with theft on Thursday.",
    ],
)
def test_town_cues_turn_a_country_name_into_a_town(text: str) -> None:
    assert _resolve(text, ["Lebanon"])[0].feature == "city"


def test_a_person_cue_keeps_a_state_reading() -> None:
    text = "The group helped an Arizona woman who had lost her home."
    got = _resolve(text, ["Arizona"])[0]
    assert got.feature == "admin" and got.country == "USA"


def test_country_reading_stays_without_town_cues() -> None:
    text = "Israel struck targets in southern Lebanon on Tuesday."
    assert _resolve(text, ["Israel", "Lebanon"])[1].feature == "country"


def test_unknown_name_is_placed_at_its_stated_container() -> None:
    text = "Visitors flocked to Glacier Point Wilderness Area in Colorado, far from their homes in Boston."
    got = _resolve(text, ["Glacier Point Wilderness Area", "Colorado", "Boston"])
    assert got[0].source == "context-fallback" and got[0].admin1 == "Colorado"


def test_unknown_name_uses_a_possessive_container() -> None:
    text = "Boston officials praised Oregon's Blue Fir Wilderness Area on Monday."
    got = _resolve(text, ["Boston", "Oregon", "Blue Fir Wilderness Area"])
    assert got[2].admin1 == "Oregon"


def test_other_mentions_of_a_recognised_name_are_found() -> None:
    text = "COLUMBUS — The city council in Columbus, Ohio, met on Monday. Columbus police were there."
    doc = parse(text)
    spans = {(p.start, p.end) for p in geoparse(doc)}
    for i in (0, text.index("Columbus,"), text.index("Columbus police")):
        assert (i, i + len("Columbus")) in spans


def test_lone_person_word_is_a_town_only_when_used_as_a_place() -> None:
    doc = Document(id="t", text="Gainesville police said the road near Gainesville reopened.", url=None)
    assert places_mod._used_as_place(doc.text, "Gainesville", doc)
    doc2 = Document(id="t", text="Obama told reporters that Obama would sign the bill.", url=None)
    assert not places_mod._used_as_place(doc2.text, "Obama", doc2)


@pytest.mark.parametrize(
    ("form", "iata_lat"),
    [("Gatwick Airport", 51.15), ("O'Hare International Airport", 41.98), ("Ben Gurion Airport", 32.01)],
)
def test_airports_resolve_to_their_own_point(form: str, iata_lat: float) -> None:
    text = f"The flight was diverted to {form} after a warning."
    got = _resolve(text, [form])[0]
    assert got.feature == "site" and abs(got.lat - iata_lat) < 0.1


def test_generic_airport_words_name_no_airport() -> None:
    assert not places_mod._gaz().lookup("International Airport", variants=False)


def test_stray_hamlet_is_dropped_but_a_hamlet_in_the_story_country_stays() -> None:
    gaz = places_mod._gaz()
    hamlet = next(c for c in gaz.lookup("Spin Boldak") if c.country == "AFG")
    assert places_mod._is_hamlet(hamlet)  # a district seat GeoNames gives no population
    kabul = next(c for c in gaz.lookup("Kabul") if c.country == "AFG")
    paris = next(c for c in gaz.lookup("Paris") if c.country == "FRA")
    empty = places_mod.Counter()
    assert places_mod._drop_stray_hamlets([hamlet, kabul], empty, None) == [hamlet, kabul]
    assert places_mod._drop_stray_hamlets([hamlet, paris], empty, None) == [None, paris]


def test_alternate_spelling_goes_to_the_town_spelled_alike() -> None:
    # GeoNames lists "Sloviansk" as an alternate name of two Ukrainian cities; one is Slovyansk itself
    got = _resolve("Shelling hit Sloviansk overnight.", ["Sloviansk"])[0]
    assert got.name == "Slovyansk"


def test_titled_unknown_name_is_a_person_not_a_place() -> None:
    text = "Protesters demanded President Saakashvili resign, and Saakashvili said he would not."
    doc = parse(text)
    assert all("Saakashvili" not in p.text for p in geoparse(doc))


def test_an_outlet_naming_two_towns_gets_the_same_home_town_under_every_hash_seed() -> None:
    # a host name that starts with one town and ends with another of equal length: the choice must not rest on
    # set order, which changes with PYTHONHASHSEED from one process to the next
    import os
    import subprocess
    import sys

    code = (
        "from dateline.places._doc_context import _host_towns;"
        "print(_host_towns('thelancasterandmorecambecitizen')[0].name)"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in range(4)
    }
    assert seen == {"Lancaster"}
