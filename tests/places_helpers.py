"""Shared by the places tests: geoparse given the names (gold-toponym style)."""

from __future__ import annotations

from dateline.model import Document, Place
from dateline.places import distance_km, geoparse


def resolve_named(text: str, names: list[str], url: str | None = None) -> list[Place]:
    """Places for the first occurrence of each of `names` in `text`, resolved with the whole text as context."""
    spans = []
    for n in names:
        i = text.index(n)
        spans.append((i, i + len(n)))
    return geoparse(Document(id="t", text=text, url=url), spans=spans)


def places_by_text(text: str, names: list[str], url: str | None = None) -> dict[str, Place]:
    """`resolve_named`, keyed by each place's text."""
    return {p.text: p for p in resolve_named(text, names, url)}


def km_from(p: Place, lat: float, lon: float) -> float:
    """Distance of a resolved place from a point (it must have coordinates)."""
    assert p.lat is not None and p.lon is not None, p
    return distance_km((p.lat, p.lon), (lat, lon))
