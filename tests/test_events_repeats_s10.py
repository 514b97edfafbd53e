"""Repeats inside one article: a later mention with no actor is not folded into an earlier event located elsewhere."""

from __future__ import annotations

from events_helpers import processed_events

from dateline.events._repeats import _apart
from dateline.model import Place


def _place(name: str, country: str | None, lat: float, lon: float, feature: str, km: float) -> Place:
    return Place(name, 0, len(name), name, country, None, lat, lon, feature, km)


def test_a_sea_with_no_country_far_from_a_country_is_another_place() -> None:
    island = _place("Malta", "MLT", 35.9, 14.4, "country", 20.0)
    sea = _place("Red Sea", None, 20.0, 38.5, "water", 400.0)
    assert _apart(island, sea) and _apart(sea, island)


def test_broad_places_that_may_overlap_are_not_apart() -> None:
    georgia = _place("Georgia", "GEO", 42.0, 43.5, "country", 200.0)
    tbilisi = _place("Tbilisi", "GEO", 41.7, 44.8, "city", 10.0)
    black_sea = _place("Black Sea", None, 43.4, 34.3, "water", 600.0)
    batumi = _place("Batumi", "GEO", 41.6, 41.6, "city", 10.0)
    assert not _apart(georgia, tbilisi)
    assert not _apart(black_sea, batumi)  # a port on the sea
    assert not _apart(black_sea, _place("Somewhere", None, 0.0, 0.0, "region", None))  # no extent: not known


def test_a_second_deployment_to_a_far_sea_stays_its_own_event() -> None:
    text = (
        "Britain sent up to 300 soldiers to Cyprus on Monday, the defence ministry said. "
        "The two frigates sent to the Red Sea continue to escort merchant ships."
    )
    moves = [e for e in processed_events(text, "2024-03-20") if e.event == "MOBILIZE"]
    assert len(moves) == 2
