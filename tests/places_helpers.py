"""Shared by the places tests: geoparse given the names (gold-toponym style)."""

from __future__ import annotations

from dateline.model import Document, Place
from dateline.places import geoparse


def resolve_named(text: str, names: list[str], url: str | None = None) -> list[Place]:
    """Places for the first occurrence of each of `names` in `text`, resolved with the whole text as context."""
    spans = []
    for n in names:
        i = text.index(n)
        spans.append((i, i + len(n)))
    return geoparse(Document(id="t", text=text, url=url), spans=spans)
