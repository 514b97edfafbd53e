"""Places in international wire news (issue 6, fifth session): river stretches, "the Dnipro" vs Dnipro, hamlets
named like a big city of their own country, "X border crossing into Y", towns inside a paper's name, and the
curated islands, mountains, deserts and lakes.

Sentences are our own. Resolution tests pass gold-style spans (no spaCy) so they are fast.
"""

from __future__ import annotations

import csv
from pathlib import Path

from places_helpers import resolve_named as _resolve

from dateline.evaluate.places import _intl_dev
from dateline.places import distance_km

_DATA = Path(__file__).resolve().parents[1] / "dateline" / "data" / "places"
_INTL = Path(__file__).parent / "data" / "places_intl_dev.jsonl"


def _km(p, lat: float, lon: float) -> float:
    assert p.lat is not None, p
    return distance_km((p.lat, p.lon), (lat, lon))


def test_river_stretch_follows_the_text() -> None:
    text = (
        "Barges were stuck on the Danube near Budapest after the water level fell, Hungarian officials said."
    )
    danube, budapest = _resolve(text, ["Danube", "Budapest"])
    assert danube.feature == "water"
    assert _km(danube, 47.5, 19.05) < 100
    text = "Fishermen on the Mekong near Phnom Penh said the catch had collapsed this year."
    mekong, _ = _resolve(text, ["Mekong", "Phnom Penh"])
    assert _km(mekong, 11.6, 104.9) < 161


def test_river_without_context_keeps_its_default_point() -> None:
    (nile,) = _resolve("Talks on sharing the waters of the Nile stalled again.", ["Nile"])
    assert nile.feature == "water" and nile.country is None


def test_the_dnipro_is_the_river_a_bare_dnipro_the_city() -> None:
    text = "Ukrainian marines crossed the Dnipro south of Nikopol at night."
    river, _ = _resolve(text, ["Dnipro", "Nikopol"])
    assert river.feature == "water"
    (city,) = _resolve("A missile hit an apartment block in Dnipro on Friday.", ["Dnipro"])
    assert city.feature == "city" and _km(city, 48.47, 35.04) < 20


def test_hamlet_named_like_a_big_city_is_not_pulled_in_by_neighbours() -> None:
    # a Chiapas hamlet is called Monterrey too; the text's other town lies in Chiapas
    text = "The caravan left Tuxtla Gutierrez on Sunday and hopes to reach Monterrey within a month."
    _, monterrey = _resolve(text, ["Tuxtla Gutierrez", "Monterrey"])
    assert _km(monterrey, 25.67, -100.31) < 50


def test_border_crossing_into_a_country_lies_on_its_border() -> None:
    text = "Lorries queued for two days at the Palanca checkpoint into Moldova, drivers said."
    crossing, _ = _resolve(text, ["Palanca checkpoint", "Moldova"])
    assert crossing.country == "MDA"


def test_curated_islands_mountains_and_deserts() -> None:
    text = "Rescuers reached climbers on Annapurna, while a ferry ran aground off Tenerife and dust from the Thar Desert hid Jaipur."
    annapurna, tenerife, thar, _ = _resolve(text, ["Annapurna", "Tenerife", "Thar Desert", "Jaipur"])
    assert annapurna.country == "NPL" and _km(annapurna, 28.6, 83.8) < 50
    assert tenerife.country == "ESP" and _km(tenerife, 28.3, -16.6) < 50
    assert _km(thar, 27.0, 71.0) < 200


def test_curated_rows_are_well_formed() -> None:
    with open(_DATA / "curated.tsv", encoding="utf-8") as fh:
        rows = list(
            csv.DictReader(
                (ln for ln in fh if not ln.startswith("#")), delimiter="\t", quoting=csv.QUOTE_NONE
            )
        )
    assert len(rows) > 900
    for r in rows:
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r["name"]
        assert r["feature"] in {"admin", "city", "site", "water", "region"}, r["name"]
        assert r["source"].startswith("curated"), r["name"]
        assert not r["country"] or len(r["country"]) == 3, r["name"]


def test_town_inside_a_papers_name_is_no_place() -> None:
    from dateline import nlp
    from dateline.places import geoparse

    doc = nlp.parse("The governor told the Lansing State Journal that a new prison would open near Ionia.")
    names = [p.text for p in geoparse(doc)]
    assert "Lansing" not in names
    assert "Ionia" in names


def test_intl_dev_batch4_transfer_set_holds() -> None:
    res = _intl_dev(_INTL)
    acc, n = res["acc161_by_batch"]["batch4"]
    assert n >= 250
    assert acc >= 0.95, [m for m in res["misses"] if m.startswith("s")]


def test_possessive_country_counts_as_named() -> None:
    text = "Floods closed roads around Hamilton and Napier, New Zealand's civil defence agency said."
    hamilton, _ = _resolve(text, ["Hamilton", "Napier"])
    assert hamilton.country == "NZL"


def test_apposition_names_the_container() -> None:
    text = "Polls opened in Victoria, the capital of the Seychelles, at seven in the morning."
    victoria, _ = _resolve(text, ["Victoria", "Seychelles"])
    assert victoria.country == "SYC"


def test_river_through_two_named_countries_is_the_whole_river() -> None:
    text = "Low water on the Mekong hurt fishermen in Laos and rice farmers in Vietnam, officials said."
    mekong, _, _ = _resolve(text, ["Mekong", "Laos", "Vietnam"])
    assert mekong.country is None


def test_action_verbs_and_sentence_openers() -> None:
    from dateline import nlp
    from dateline.places import geoparse

    doc = nlp.parse(
        "Gunmen stormed Tulkarm overnight. Typhoon winds later reached Tacloban, and flights were diverted to Misrata."
    )
    names = [p.text for p in geoparse(doc)]
    assert "Gunmen" not in names and "Typhoon" not in names
    assert "Tulkarm" in names and "Misrata" in names
