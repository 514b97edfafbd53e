"""Issue 6, places, fourteenth round (batch 12: GeoWebNews's pragmatic types): language names passed as toponyms,
"the X border" as a country, rivers named by what lies along them ("the X valley", "along the X"), "X state" for a
region whose name is also an alternate name of a town abroad, a city's parts named in a possessive, hamlets named
like world capitals, towns and city parts that only curated.tsv knows, and sites named with a lower-case head.
Sentences are our own writing; resolution tests pass the names (gold style, no spaCy) so they are fast."""

from __future__ import annotations

from places_helpers import km_from, places_by_text, resolve_named


def test_language_names_given_as_spans_resolve_to_their_country() -> None:
    text = "The statement was read out in Urdu and Pashto on state television, officials in Islamabad said."
    got = places_by_text(text, ["Urdu", "Pashto", "Islamabad"])
    assert got["Urdu"].country == "PAK" and got["Urdu"].feature == "country", got["Urdu"]
    assert got["Pashto"].country == "AFG", got["Pashto"]
    text = "Leaflets printed in Arabic were dropped over the town, the army said."
    assert resolve_named(text, ["Arabic"])[0].country == "SAU"


def test_a_language_is_no_place_for_the_recogniser() -> None:
    from dateline.nlp import parse
    from dateline.places import geoparse

    doc = parse("The radio station in Kano broadcasts in Hausa and Arabic every evening.")
    names = [p.text for p in geoparse(doc)]
    assert "Kano" in names and "Hausa" not in names and "Arabic" not in names, names


def test_the_border_of_a_country_named_like_a_river_is_the_country() -> None:
    text = "Customs officers in Sokoto seized fuel near the Niger border, Nigerian officials said."
    niger = resolve_named(text, ["Sokoto", "Niger"])[1]
    assert niger.country == "NER" and niger.feature == "country", niger


def test_a_valley_or_the_article_names_the_river() -> None:
    text = "Militants withdrew into the Juba valley after Somali troops entered Jilib."
    juba = resolve_named(text, ["Juba", "Jilib"])[0]
    assert juba.feature == "water" and juba.country == "SOM", juba
    text = "Kayakers paddled along the Chattahoochee on Sunday as Atlanta's heat wave broke."
    river = resolve_named(text, ["Chattahoochee", "Atlanta"])[0]
    assert river.feature == "water", river


def test_a_state_word_prefers_the_region_to_a_town_found_by_another_name() -> None:
    text = (
        "Power cuts spread across Zulia state, and Colombian shopkeepers in Cucuta said trade had dried up."
    )
    zulia = resolve_named(text, ["Zulia", "Colombian", "Cucuta"])[0]
    assert zulia.country == "VEN" and zulia.feature == "admin", zulia


def test_a_part_of_a_city_in_a_possessive_stays_near_that_city() -> None:
    text = "Police closed off Toronto's Greektown after the shooting, and Ottawa promised a review."
    greektown = resolve_named(text, ["Toronto", "Greektown", "Ottawa"])[1]
    assert greektown.lat is not None and km_from(greektown, 43.68, -79.35) < 100, greektown


def test_a_far_town_of_its_state_does_not_license_a_world_capitals_hamlet() -> None:
    # London, California is a village 300 km from Hollywood; the text is about markets
    text = "Bankers in London and Zurich were cautious, and a Hollywood studio delayed its share sale."
    london = resolve_named(text, ["London", "Zurich", "Hollywood"])[0]
    assert london.country == "GBR", london
    # ... while towns close to the small namesake still do (Delhi, New York)
    text = "Firefighters from Walton and Oneonta fought a barn fire outside Delhi on Tuesday night."
    delhi = resolve_named(text, ["Walton", "Oneonta", "Delhi"])[2]
    assert delhi.country == "USA" and km_from(delhi, 42.28, -74.92) < 30, delhi


def test_curated_towns_and_city_parts_win_with_context() -> None:
    text = "Boats carried families from Palma to Pemba after the raid near the Afungi gas site."
    palma = resolve_named(text, ["Palma", "Pemba", "Afungi"])[0]
    assert palma.country == "MOZ", palma
    text = "Her family in Hampstead campaigned for her release, and the British embassy in Tehran was told."
    hampstead = resolve_named(text, ["Hampstead", "British", "Tehran"])[0]
    assert hampstead.country == "GBR" and km_from(hampstead, 51.56, -0.18) < 20, hampstead
    text = "A Scarborough family said their house shook, and Toronto police closed the highway."
    scarborough = resolve_named(text, ["Scarborough", "Toronto"])[0]
    assert scarborough.country == "CAN", scarborough


def test_a_lower_case_site_head_finds_the_named_site() -> None:
    text = "Soldiers searched the Boni forest after an attack on a bus near Lamu, Kenyan police said."
    boni = resolve_named(text, ["Boni", "Lamu", "Kenyan"])[0]
    assert boni.country == "KEN" and boni.feature == "site", boni


def test_a_compass_phrase_puts_a_town_near_the_next_one() -> None:
    text = "Wildfires forced villagers out near Toledo, south of Madrid, while Ohio and Michigan had a mild summer."
    toledo = resolve_named(text, ["Toledo", "Madrid", "Ohio", "Michigan"])[0]
    assert toledo.country == "ESP", toledo
    text = "Shelling hit Tal Afar, 60 km west of Mosul, on Monday, and families fled toward Sinjar."
    assert resolve_named(text, ["Tal Afar", "Mosul", "Sinjar"])[0].country == "IRQ"


def test_a_lawmaker_from_a_state_licenses_no_namesake_there() -> None:
    text = "Riot police broke up a rally in Moscow on Sunday, and a senator from Idaho demanded sanctions."
    moscow = resolve_named(text, ["Moscow", "Idaho"])[0]
    assert moscow.country == "RUS", moscow


def test_a_name_ending_in_s_is_looked_up_whole() -> None:
    text = "The ferry from Hamilton reached St George's at noon, Bermuda's tourism office said."
    got = places_by_text(text, ["Hamilton", "St George's", "Bermuda"])
    assert got["St George's"].country == "BMU", got["St George's"]
    text = "Flood barriers went up in King's Lynn and Norwich as the tide rose."
    assert resolve_named(text, ["King's Lynn", "Norwich"])[0].country == "GBR"


def test_the_capital_of_a_named_country_that_is_no_span() -> None:
    text = "Crowds filled the streets of Victoria, the capital of the Seychelles, as results came in."
    victoria = resolve_named(text, ["Victoria"])[0]
    assert victoria.country == "SYC", victoria


def test_metro_and_regional_names_of_local_news() -> None:
    text = "Commuters across the Twin Cities faced icy roads, and schools in Duluth closed early."
    twin = resolve_named(text, ["Twin Cities", "Duluth"])[0]
    assert twin.country == "USA" and km_from(twin, 44.97, -93.2) < 50, twin
    text = (
        "House prices in the Greater Toronto Area fell again, while Vancouver's Lower Mainland held steady."
    )
    gta, _van, lower = resolve_named(text, ["Greater Toronto Area", "Vancouver", "Lower Mainland"])
    assert km_from(gta, 43.7, -79.4) < 60 and km_from(lower, 49.2, -122.8) < 80, (gta, lower)
