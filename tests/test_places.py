"""Places: toponym recognition and offline resolution on our own news-style sentences."""

from __future__ import annotations

import pytest

from dateline.model import Document, Place
from dateline.nlp import parse
from dateline.places import geoparse


def _places(text: str, **kw) -> list[Place]:
    return geoparse(parse(text), **kw)


def _by_text(places: list[Place], text: str) -> Place:
    found = [p for p in places if p.text == text]
    assert found, f"{text!r} not among {[p.text for p in places]}"
    return found[0]


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def test_recognises_and_resolves_with_correct_offsets() -> None:
    text = "Protesters gathered in Nairobi on Tuesday, and police in Mombasa said three people were hurt in Kenya."
    doc = parse(text)
    places = geoparse(doc)
    assert [p.text for p in places] == ["Nairobi", "Mombasa", "Kenya"]
    for p in places:
        assert doc.text[p.start : p.end] == p.text
    assert all(p.country == "KEN" for p in places)
    assert _by_text(places, "Kenya").feature == "country"
    nairobi = _by_text(places, "Nairobi")
    assert nairobi.feature == "city" and nairobi.geonames_id and abs(nairobi.lat + 1.28) < 0.2


def test_demonyms_and_norp_are_not_places() -> None:
    text = "Iraqi forces and Kurdish fighters clashed with Syrian rebels near Mosul, a French official said."
    places = _places(text)
    texts = [p.text for p in places]
    assert "Mosul" in texts
    for word in ("Iraqi", "Kurdish", "Syrian", "French"):
        assert word not in texts


def test_demonym_given_as_span_resolves_to_its_country() -> None:
    text = "The Russian delegation left early."
    places = geoparse(parse(text), spans=[_span(text, "Russian")])
    assert places[0].country == "RUS" and places[0].feature == "country"


def test_georgia_country_versus_us_state() -> None:
    caucasus = "Russian tanks rolled toward Tbilisi as fighting spread across Georgia and into South Ossetia."
    us = "The storm hit Atlanta and Savannah before moving across Georgia toward South Carolina."
    g1 = _by_text(
        geoparse(parse(caucasus), spans=[_span(caucasus, "Georgia")] + [_span(caucasus, "Tbilisi")]),
        "Georgia",
    )
    g2 = _by_text(
        geoparse(parse(us), spans=[_span(us, w) for w in ("Atlanta", "Savannah", "Georgia")]), "Georgia"
    )
    assert g1.country == "GEO" and g1.feature == "country"
    assert g2.country == "USA" and g2.feature == "admin" and g2.name == "Georgia"


def test_paris_picks_by_context() -> None:
    fr = "Police in Paris said the march would end near Lyon."
    tx = "A tornado damaged homes in Paris, Texas, and the sheriff of Lamar County asked for help."
    p1 = _by_text(_places(fr), "Paris")
    p2 = _by_text(geoparse(parse(tx), spans=[_span(tx, "Paris"), _span(tx, "Texas")]), "Paris")
    assert p1.country == "FRA"
    assert p2.country == "USA" and p2.admin1 == "Texas"


def test_basra_and_erbil_in_iraqi_kurdistan() -> None:
    text = "The convoy left Basra for Erbil in Iraqi Kurdistan, officials said."
    places = geoparse(parse(text), spans=[_span(text, w) for w in ("Basra", "Erbil", "Iraqi Kurdistan")])
    basra, erbil, kurd = places
    assert basra.country == "IRQ" and basra.feature == "city"
    assert erbil.country == "IRQ" and abs(erbil.lat - 36.19) < 0.2
    assert kurd.feature == "admin" and kurd.country == "IRQ"


def test_curated_sites_water_and_regions() -> None:
    text = (
        "Rockets struck Camp Taji near Baghdad and Al Asad Air Base, while tankers in the Strait of Hormuz "
        "and the Persian Gulf were warned. Militants spread across the Sahel and Tal Afar."
    )
    spans = [_span(text, w) for w in ("Camp Taji", "Al Asad Air Base", "Strait of Hormuz", "Persian Gulf", "Sahel", "Tal Afar")]  # fmt: skip
    places = {p.text: p for p in geoparse(parse(text), spans=spans)}
    assert places["Camp Taji"].feature == "site" and places["Camp Taji"].country == "IRQ"
    assert places["Al Asad Air Base"].feature == "site"
    assert places["Strait of Hormuz"].feature == "water" and places["Persian Gulf"].feature == "water"
    assert places["Sahel"].feature == "region"
    assert places["Tal Afar"].country == "IRQ" and abs(places["Tal Afar"].lon - 42.45) < 0.3
    for p in places.values():
        assert p.source and p.lat is not None and p.precision_km


def test_recognises_curated_places_spacy_may_miss() -> None:
    text = "Two drones were shot down over the Red Sea on Sunday, and the Levant remained tense."
    texts = [p.text for p in _places(text)]
    assert "Red Sea" in texts and "Levant" in texts


def test_every_toponym_once_and_sorted() -> None:
    text = "Officials in Kabul and Kandahar met envoys from Pakistan. Kabul later denied the report."
    places = _places(text)
    starts = [p.start for p in places]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert sum(p.text == "Kabul" for p in places) == 2


def test_unknown_toponym_comes_back_unresolved() -> None:
    text = "They fled to Zorblaxville last week."
    places = geoparse(parse(text), spans=[_span(text, "Zorblaxville")])
    assert places[0].text == "Zorblaxville" and places[0].lat is None


def test_context_countries_is_a_prior() -> None:
    doc = Document(id="x", text="Clashes were reported in Tripoli.")
    span = [_span(doc.text, "Tripoli")]
    assert geoparse(doc, spans=span, context_countries=["LBN"])[0].country == "LBN"
    assert geoparse(doc, spans=span, context_countries=["LBY"])[0].country == "LBY"


def test_us_county_gets_a_point() -> None:
    text = "Deputies in Hall County said the fire near Gainesville, Georgia, was contained."
    spans = [_span(text, w) for w in ("Hall County", "Gainesville", "Georgia")]
    places = geoparse(parse(text), spans=spans)
    county = places[0]
    assert county.country == "USA" and county.admin1 == "Georgia" and county.lat is not None
    assert places[1].admin1 == "Georgia"


def test_repeated_lookups_give_the_same_places() -> None:
    # speed is measured by scripts/benchmark.py, not asserted here; this checks the per-name cache is sound
    doc = Document(id="y", text="Fighting near Donetsk and Kharkiv continued.")
    spans = [_span(doc.text, "Donetsk"), _span(doc.text, "Kharkiv")]
    first = geoparse(doc, spans=spans)
    for _ in range(50):
        assert geoparse(doc, spans=spans) == first
    assert [p.country for p in first] == ["UKR", "UKR"]


def test_eval_smoke_on_small_dev_slice(shared_data) -> None:
    from dateline.evaluate.places import _CORPORA, _evaluate

    res = _evaluate(shared_data, _CORPORA["dev"], limit=15, recognition=True)["LGL"]
    assert res["articles"] == 15
    assert res["resolution_given_gold"]["with_coordinates"]["acc161"] > 0.6
    assert 0.0 < res["recognition"]["exact"]["f1"] <= 1.0


@pytest.mark.slow
def test_eval_dev_resolution_score(shared_data) -> None:
    from dateline.evaluate.places import _CORPORA, _evaluate

    res = _evaluate(shared_data, _CORPORA["dev"], limit=None, recognition=False)["LGL"]
    assert res["resolution_given_gold"]["with_coordinates"]["acc161"] > 0.90


def test_unresolvable_site_falls_back_to_the_document_focus_city() -> None:
    text = (
        "Fire crews from Fargo and Moorhead were called to Fargo late on Friday. The blaze started in a "
        "warehouse on Quillbrook Avenue near the Fargo rail yard, officials said."
    )
    spans = [
        _span(text, "Fargo"),
        _span(text, "Moorhead"),
        _span(text, "Fargo", 1),
        _span(text, "Quillbrook Avenue"),
    ]
    places = geoparse(parse(text), spans=spans)
    street = _by_text(places, "Quillbrook Avenue")
    fargo = places[0]
    assert fargo.admin1 == "North Dakota"
    assert street.source == "context-fallback" and street.feature == "site"
    assert (street.lat, street.lon) == (fargo.lat, fargo.lon) and street.precision_km >= 25
    assert street.country == "USA" and street.admin1 == "North Dakota"


def test_fallback_to_country_when_no_city_is_known() -> None:
    text = "Floods hit Bangladesh again, and the Quorvani Embankment gave way on Tuesday."
    places = geoparse(parse(text), spans=[_span(text, "Bangladesh"), _span(text, "Quorvani Embankment")])
    dyke = places[1]
    assert dyke.source == "context-fallback" and dyke.feature == "region" and dyke.country == "BGD"
    assert dyke.precision_km >= 250


def test_washington_capital_versus_state_by_cues() -> None:
    dc = "Officials in Washington said the White House would respond to Congress next week."
    wa = "Wildfires spread east of Seattle, and Washington state officials closed roads near Spokane."
    p1 = geoparse(parse(dc), spans=[_span(dc, "Washington")])[0]
    p2 = geoparse(parse(wa), spans=[_span(wa, "Washington")])[0]
    assert p1.feature == "city" and p1.admin1 == "District of Columbia" and abs(p1.lon + 77.0) < 0.3
    assert p2.feature == "admin" and p2.name == "Washington"


def test_new_york_state_by_default_and_city_with_city_cues() -> None:
    state = "Farmers across New York asked Albany for drought relief."
    city = "The NYPD said subway service in New York resumed on Sunday."
    p1 = geoparse(parse(state), spans=[_span(state, "New York")])[0]
    p2 = geoparse(parse(city), spans=[_span(city, "New York")])[0]
    assert p1.feature == "admin"
    assert p2.feature == "city" and abs(p2.lat - 40.71) < 0.3


def test_subdivisions_outside_the_us_resolve() -> None:
    text = "Heavy rain caused flooding across Oxfordshire and parts of Idlib."
    places = geoparse(parse(text), spans=[_span(text, "Oxfordshire"), _span(text, "Idlib")])
    ox, idlib = places
    assert ox.country == "GBR" and ox.lat is not None and abs(ox.lat - 51.75) < 0.6
    assert idlib.country == "SYR" and idlib.lat is not None and abs(idlib.lat - 35.9) < 0.6


def test_name_variants_resolve_to_their_base_place() -> None:
    text = "Storms hit the Port of Los Angeles and Hamilton Township overnight, New Jersey officials said."
    spans = [_span(text, "Port of Los Angeles"), _span(text, "Hamilton Township"), _span(text, "New Jersey")]
    la, ham, _nj = geoparse(parse(text), spans=spans)
    assert la.admin1 == "California" and la.source != "context-fallback"
    assert ham.country == "USA" and ham.lat is not None


def test_coherent_reading_of_small_us_places() -> None:
    text = "The Henry County sheriff said the crash happened just outside Paris on Highway 79."
    spans = [_span(text, "Henry County"), _span(text, "Paris")]
    county, paris = geoparse(parse(text), spans=spans)
    assert paris.country == "USA" and county.admin1 == paris.admin1
