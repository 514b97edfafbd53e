"""Shared helpers of the event tests: events of a one-off text published on a given day."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dateline.events import extract_events
from dateline.nlp import parse


def helpers_for(
    published: str,
) -> tuple[Callable[..., list[Any]], Callable[..., set[str]], Callable[..., list[Any]]]:
    """(events of a text, their types, those of one type) for texts published on `published`."""

    def events(text: str) -> list[Any]:
        return extract_events(parse(text, published))

    def types(text: str) -> set[str]:
        return {e.event for e in events(text)}

    def of(text: str, event: str) -> list[Any]:
        return [e for e in events(text) if e.event == event]

    return events, types, of


def conventional_types(events: Callable[..., list[Any]], text: str) -> set[str]:
    """The sentence's types under PLOVER's single-category convention (as the eval scores them)."""
    from dateline.events._typing import _conventional

    return {_conventional(e.event, e.factuality) for e in events(text)}


def processed_events(text: str, published: str | None) -> list[Any]:
    """Events of a text run through all the pipeline's document components (times, places, quotes first), so
    dates and places come from the text as in ingest."""
    from dateline.model import Document
    from dateline.pipeline import process

    [doc] = process([Document(id="t", text=text, published=published)])
    return doc.events
