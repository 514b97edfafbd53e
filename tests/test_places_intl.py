"""Places in international news: our own DEV set (tests/data/places_intl_dev.jsonl) and the rules for it —
"New York" the city outside US-local news, countries named by their people ("Bolivian troops"), the Georgia
country/state homonym, subdivision points from ISO 3166-2, curated seas, sites and transliterations.

Sentences are our own. Resolution tests pass gold-style spans (no spaCy) so they are fast.
"""

from __future__ import annotations

import json
from pathlib import Path

from places_helpers import resolve_named as _resolve

from dateline.evaluate.places import _intl_dev, load_intl_dev
from dateline.places import distance_km

_INTL = Path(__file__).parent / "data" / "places_intl_dev.jsonl"
_FEATURES = {"country", "admin", "city", "site", "water", "region"}


def test_intl_dev_cases_are_well_formed() -> None:
    header = json.loads(_INTL.read_text(encoding="utf-8").splitlines()[0])
    assert "general knowledge" in header["_note"]
    cases = load_intl_dev(_INTL)
    assert 150 <= len(cases)
    assert len({c["id"] for c in cases}) == len(cases)
    for c in cases:
        assert c["text"][c["start"] : c["end"]] == c["toponym"], c["id"]
        assert -90 <= c["lat"] <= 90 and -180 <= c["lon"] <= 180, c["id"]
        assert c["feature"] in _FEATURES, c["id"]
        assert c["country"] is None or len(c["country"]) == 3, c["id"]


def test_intl_dev_accuracy_does_not_regress() -> None:
    res = _intl_dev(_INTL)
    assert res["toponyms"] == len(load_intl_dev(_INTL))
    assert res["acc161"] >= 0.95, res["misses"]
    assert res["country_accuracy"] >= 0.96
    # per batch; batch 5 (issue 6: world cities beside US places, and US towns named like them) was 0.776
    # before the namesake rule
    # batch 6 (local news outside the US) was 0.929 untouched
    # batch 7 (national news sites around the world, each passage with its outlet's url) was 0.926 untouched
    floors = {"batch1": 0.97, "batch2": 0.95, "batch3": 0.95, "batch4": 0.95, "batch5": 0.93, "batch6": 0.97}
    floors["batch7"] = 0.96
    # batch 8 (GeoWebNews-style web news: modifiers, metonyms, clubs, natural features) was 0.888 untouched
    floors["batch8"] = 0.93
    # batch 9 (local news in many countries: namesakes, streets, buildings, rivers) was 0.949 untouched
    floors["batch9"] = 0.97
    # batch 10 (ninth session): untouched 0.901, tuned on to 0.975
    floors["batch10"] = 0.96
    # batch 11 (eleventh session: same-name country/state and city, world regions, demonyms, metonyms, English
    # namesakes, small towns, sports and business, organisation names): untouched 0.938, tuned on to 0.967; most
    # misses left are region and country points that differ from our rough gold centroids
    floors["batch11"] = 0.955
    # batch 12 (twelfth session: GeoWebNews-style web news, each line's kind its GeoWebNews pragmatic type — demonyms,
    # languages, metonyms, modifiers, embedded names — and small towns in conflict zones with bigger namesakes
    # abroad): untouched 0.955, tuned on to 0.994; left: two country points against our rough centroids, an idiom
    # ("heading for his Waterloo")
    floors["batch12"] = 0.985
    for batch, (acc, _n) in res["acc161_by_batch"].items():
        assert acc >= floors[batch], (batch, acc)


def test_new_york_is_the_city_in_international_news() -> None:
    text = "Diplomats at the United Nations in New York said the envoy would fly on to Caracas and Bogota."
    ny = _resolve(text, ["New York", "Caracas", "Bogota"])[0]
    assert ny.feature == "city" and distance_km((ny.lat, ny.lon), (40.71, -74.01)) < 30


def test_new_york_is_the_state_in_a_local_us_paper() -> None:
    text = "Dairy farmers from Vermont and New York met in Rutland to talk about milk prices."
    ny = _resolve(text, ["Vermont", "New York", "Rutland"], url="http://www.rutlandherald.com/news/1.html")[1]
    assert ny.feature == "admin" and ny.name == "New York"


def test_new_york_is_the_state_with_a_state_cue() -> None:
    text = "Snow closed schools across upstate New York, and Canada's Ontario braced for the storm."
    assert _resolve(text, ["New York", "Ontario"])[0].feature == "admin"


def test_demonyms_name_the_country_of_the_story() -> None:
    text = "Bolivian police patrolled La Paz after the vote, and crowds gathered in Santa Cruz."
    assert _resolve(text, ["La Paz", "Santa Cruz"])[0].country == "BOL"  # not the Philippine namesakes
    text = "Lebanese soldiers moved into Marjayoun and nearby villages on Sunday."
    assert _resolve(text, ["Marjayoun"])[0].country == "LBN"


def test_georgia_country_by_its_cues_and_state_otherwise() -> None:
    war = "Washington criticised Moscow over the war in Georgia and its troops in South Ossetia."
    georgia = _resolve(war, ["Washington", "Moscow", "Georgia"])[2]
    assert georgia.country == "GEO" and georgia.feature == "country"
    vote = "Washington watched the recount in Georgia, where Atlanta's suburbs decided the race."
    assert _resolve(vote, ["Georgia", "Atlanta"])[0].country == "USA"


def test_subdivisions_have_their_own_point_not_their_countrys() -> None:
    # ISO 3166-2 points (iso3166-2 package, build time): Badakhshan is in Afghanistan's far north-east
    text = "Floods hit Badakhshan province, Afghan officials said."
    p = _resolve(text, ["Badakhshan"])[0]
    assert p.country == "AFG" and distance_km((p.lat, p.lon), (36.8, 71.4)) < 150
    # a region the city table ties to the wrong GeoNames region (a namesake village) takes the ISO point
    text = "Cartel violence spread from Jalisco to Sabah's coast, officials said."
    jalisco, sabah = _resolve(text, ["Jalisco", "Sabah"])
    assert distance_km((jalisco.lat, jalisco.lon), (20.5, -103.5)) < 161
    assert distance_km((sabah.lat, sabah.lon), (5.4, 117.0)) < 161
    text = "Riots spread to KwaZulu-Natal, South African police said."
    p = _resolve(text, ["KwaZulu-Natal"])[0]
    assert p.country == "ZAF" and distance_km((p.lat, p.lon), (-28.5, 30.9)) < 161


def test_curated_water_and_sites() -> None:
    text = "Warships sailed through the Adriatic while Panmunjom and the Litani River stayed quiet."
    adriatic, panmunjom, litani = _resolve(text, ["Adriatic", "Panmunjom", "Litani River"])
    assert adriatic.feature == "water" and distance_km((adriatic.lat, adriatic.lon), (43.0, 15.0)) < 200
    assert panmunjom.country == "KOR" and litani.country == "LBN"


def test_transliteration_aliases() -> None:
    text = "Shelling hit Saida and Tyre in southern Lebanon."
    assert _resolve(text, ["Saida"])[0].country == "LBN"
    text = "Air raid sirens sounded in Zaporizhia and Vinnitsa, Ukrainian officials said."
    a, b = _resolve(text, ["Zaporizhia", "Vinnitsa"])
    assert a.country == "UKR" and b.country == "UKR"


def test_cities_the_model_calls_organisations_or_people_are_recognised() -> None:
    from dateline.nlp import parse
    from dateline.places import geoparse

    def names(text: str) -> list[str]:
        return [p.text for p in geoparse(parse(text))]

    assert "Karachi" in names(
        "Police in Karachi said the engineers were attacked on the road from the airport."
    )
    assert "Vilnius" in names(
        "Leaders met in Brussels for an emergency summit, while the NATO chief flew to Vilnius."
    )
    assert "Niger" in names(
        "Soldiers seized power in Niamey, and the junta closed Niger's borders with Benin."
    )
    # people stay people, even after a preposition when the name is also a given name or surname
    text = "The officer tackled Bell near the bus stop and pressed his weapon into Bell's back."
    assert "Bell" not in names(text)
    text = "The historian said Lincoln rarely slept during the war, and Lincoln's letters show it."
    assert "Lincoln" not in names(text)
