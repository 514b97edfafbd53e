"""Places by kind (issue 6, seventh session): later bare mentions of a name first written with its container,
US states named only as an affiliation beside world cities, papers named after a capital, river stretches,
"X department", islands and regions of Britain from the curated table.

Sentences are our own. Resolution tests pass gold-style spans (no spaCy) so they are fast.
"""

from __future__ import annotations

from places_helpers import resolve_named as _resolve

from dateline.model import Document
from dateline.places import distance_km, geoparse


def _all(text: str, name: str) -> list[tuple[int, int]]:
    out, i = [], text.find(name)
    while i != -1:
        out.append((i, i + len(name)))
        i = text.find(name, i + 1)
    return out


def test_later_bare_mention_means_the_default_reading_when_its_country_is_named() -> None:
    text = "Students from London, Ontario, arrived in England on Monday and will spend the spring term in London."
    spans = sorted([*_all(text, "London"), *_all(text, "Ontario"), *_all(text, "England")])
    places = {(p.start, p.text): p for p in geoparse(Document(id="t", text=text), spans=spans)}
    first, second = (places[(s, "London")] for s, _ in _all(text, "London"))
    assert first.country == "CAN"
    assert second.country == "GBR" and distance_km((second.lat, second.lon), (51.51, -0.13)) < 50


def test_later_bare_mention_keeps_the_container_without_other_evidence() -> None:
    text = "Flooding closed roads in London, Ontario, on Monday, and the mayor said London would reopen its schools."
    spans = sorted([*_all(text, "London"), *_all(text, "Ontario")])
    places = [p for p in geoparse(Document(id="t", text=text), spans=spans) if p.text == "London"]
    assert [p.country for p in places] == ["CAN", "CAN"]


def test_state_named_as_affiliation_licenses_no_namesake_of_a_world_city() -> None:
    text = "Senator Mike Crapo of Idaho held talks in Moscow and then flew on to Minsk."
    moscow = _resolve(text, ["Idaho", "Moscow", "Minsk"], url="https://www.washingtonpost.com/world/x.html")[
        1
    ]
    assert moscow.country == "RUS"


def test_state_named_as_a_location_still_licenses_the_namesake() -> None:
    text = "Fire crews in Idaho said the blaze near Moscow had burned 2,000 acres of wheat."
    moscow = _resolve(text, ["Idaho", "Moscow"])[1]
    assert moscow.country == "USA"


def test_river_stretch_near_the_texts_towns() -> None:
    text = "Rangers counted hippos on the Zambezi between Livingstone and Kazungula, near Victoria Falls."
    river = _resolve(text, ["Zambezi", "Livingstone", "Kazungula", "Victoria Falls"])[0]
    assert river.feature == "water" and distance_km((river.lat, river.lon), (-17.85, 25.6)) < 161


def test_department_after_a_name_is_the_admin_area() -> None:
    text = "Fires spread across Santa Cruz department in eastern Bolivia this week."
    sc = _resolve(text, ["Santa Cruz", "Bolivia"])[0]
    assert sc.country == "BOL" and sc.feature == "admin"


def test_curated_islands_and_british_regions() -> None:
    text = "A strong quake shook Flores Island and Sumba in eastern Indonesia."
    flores, sumba = _resolve(text, ["Flores Island", "Sumba"])
    assert flores.country == "IDN" and sumba.country == "IDN"
    text = "Police in the West Midlands arrested four men after raids in Walsall and Dudley."
    wm = _resolve(text, ["West Midlands", "Walsall", "Dudley"])[0]
    assert wm.country == "GBR" and distance_km((wm.lat, wm.lon), (52.48, -1.9)) < 60


def test_a_university_of_the_state_still_locates_the_namesake() -> None:
    text = "Researchers at the University of Idaho in Moscow said the wheat harvest was late."
    moscow = _resolve(text, ["Idaho", "Moscow"])[1]
    assert moscow.country == "USA"
