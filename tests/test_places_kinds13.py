"""Issue 6, places, thirteenth round (batch 11 kinds): a national capital whose country the text names, small
namesakes of world cities that only prop each other up, a hamlet that does not make a story foreign, a city
named like its state read as the city, short names of big cities, "X state", "X airport", and big
cities whose own names license no namesakes in their state.
Sentences are our own writing; resolution tests pass the names (gold style, no spaCy) so they are fast."""

from __future__ import annotations

from places_helpers import km_from, places_by_text, resolve_named


def test_capital_of_a_named_country_beats_bigger_namesakes() -> None:
    text = (
        "A cargo ship ran aground outside Hamilton on Monday, officials in Bermuda said, and a tug left "
        "New York and Boston to help."
    )
    hamilton = resolve_named(text, ["Hamilton", "Bermuda", "New York", "Boston"])[0]
    assert hamilton.country == "BMU", hamilton
    text = "The market in Victoria reopened after the cyclone, Seychelles officials said, as Mauritius sent food."
    victoria = resolve_named(text, ["Victoria", "Seychelles", "Mauritius"])[0]
    assert victoria.country == "SYC" and km_from(victoria, -4.62, 55.45) < 50, victoria


def test_a_stated_container_beats_the_capital_of_a_named_country() -> None:
    text = "Gunfire was heard in Tripoli, Lebanon, overnight, while Libya's rival governments held talks in Cairo."
    tripoli = resolve_named(text, ["Tripoli", "Lebanon", "Libya", "Cairo"])[0]
    assert tripoli.country == "LBN", tripoli


def test_country_named_like_its_capital_stays_the_country() -> None:
    text = "Djibouti expanded its port, and ships from Djibouti now reach Ethiopia by rail."
    first = resolve_named(text, ["Djibouti", "Ethiopia"])[0]
    assert first.feature == "country" and first.country == "DJI", first


def test_two_small_namesakes_do_not_pull_each_other_abroad() -> None:
    # Kingston and Miami both have small Queensland namesakes 40 km apart; the story is about the Caribbean
    text = (
        "The storm crossed the Caribbean, flooded Kingston and turned north; Cuban officials evacuated the "
        "coast and forecasters in Miami tracked it."
    )
    got = places_by_text(text, ["Caribbean", "Kingston", "Cuban", "Miami"])
    assert got["Kingston"].country == "JAM", got["Kingston"]
    assert got["Miami"].country == "USA", got["Miami"]


def test_a_lone_hamlet_does_not_make_the_story_foreign() -> None:
    # Perth (Western Australia) is a city of two million; Scottish towns around it decide for Perth, Scotland
    # (Blairgowrie: GeoNames spells the Scottish town "Blairgowrie and Rattray", data/places/aliases.tsv)
    text = (
        "Perth's riverside park flooded after the River Tay rose, and roads to Crieff and Blairgowrie were "
        "closed by the council."
    )
    got = places_by_text(
        text, ["Perth", "River Tay", "Crieff", "Blairgowrie"], url="https://www.thecourier.co.uk/news/"
    )
    assert got["Perth"].country == "GBR", got["Perth"]
    assert got["Blairgowrie"].country == "GBR", got["Blairgowrie"]


def test_new_york_read_as_the_city_licenses_no_namesake_of_a_world_city() -> None:
    text = (
        "Shares slid on the New York exchange, and bankers in Frankfurt said the euro would weaken further "
        "before the summer."
    )
    frankfurt = resolve_named(text, ["New York", "Frankfurt"])[1]
    assert frankfurt.country == "DEU" and km_from(frankfurt, 50.11, 8.68) < 30, frankfurt


def test_short_name_of_a_big_city_is_that_city() -> None:
    # GeoNames names it "Frankfurt am Main"; "Frankfurt" is a short form (data/places/aliases.tsv), not a
    # Frankfort in the US found by spelling
    text = "Traders in Frankfurt and Tokyo sold the dollar on Monday, and the yen fell."
    frankfurt = resolve_named(text, ["Frankfurt", "Tokyo"], url="https://www.nytimes.com/business/")[0]
    assert frankfurt.country == "DEU", frankfurt


def test_lower_case_state_after_a_name_is_the_state() -> None:
    text = (
        "Heavy rain hit the interior of Minas Gerais and São Paulo state, while the city of Campinas flooded."
    )
    sp = resolve_named(text, ["São Paulo", "Campinas"])[0]
    assert sp.feature == "admin" and sp.country == "BRA", sp
    text = "The governor of Kano state met traders in Kano city after the riots."
    state, city = resolve_named(text, ["Kano", "Kano city"])
    assert state.feature == "admin" and state.country == "NGA", state


def test_state_university_stays_a_place_in_its_state() -> None:
    # "State" before another capitalised word is an institution: the name keeps its usual reading
    text = "Fans drove from Toledo to watch Ohio State University play in Columbus."
    ohio = resolve_named(text, ["Toledo", "Ohio", "Columbus"])[1]
    assert ohio.country == "USA" and km_from(ohio, 40.3, -82.8) < 161, ohio


def test_span_before_airport_is_the_airport() -> None:
    text = "Passengers waited for hours at Jomo Kenyatta airport after a strike by ground staff, Kenyan media said."
    jk = resolve_named(text, ["Jomo Kenyatta"])[0]
    assert jk.country == "KEN" and km_from(jk, -1.32, 36.93) < 20, jk


def test_big_city_of_a_state_licenses_no_small_namesake_there() -> None:
    text = (
        "The Portland Trail Blazers lost again on Friday, while Memphis won at home and the Denver Nuggets "
        "rested their starters."
    )
    portland = resolve_named(text, ["Portland", "Memphis", "Denver"])[0]
    assert portland.country == "USA" and km_from(portland, 45.52, -122.68) < 50, portland


def test_curated_features_of_batch_eleven() -> None:
    text = "Smoke from fires in the Cascades drifted over Seattle, and crews came from Oregon."
    cascades = resolve_named(text, ["Cascades", "Seattle", "Oregon"])[0]
    assert cascades.country == "USA", cascades
    text = "A supply ship left Hobart for Macquarie Island and the Southern Ocean on Monday."
    island, ocean = resolve_named(text, ["Macquarie Island", "Southern Ocean"])
    assert km_from(island, -54.6, 158.9) < 50, island
    assert ocean.feature == "water" and ocean.country is None, ocean
    text = "Winemakers in the Hunter Valley expect a smaller harvest, growers in Cessnock said."
    assert resolve_named(text, ["Hunter Valley"])[0].country == "AUS"
    text = "Floods closed the road along the Murray River between Albury and Corowa."
    murray = resolve_named(text, ["Murray River", "Albury", "Corowa"])[0]
    assert km_from(murray, -36.05, 146.9) < 100, murray
