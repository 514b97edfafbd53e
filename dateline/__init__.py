"""Dateline: news articles in, a sourced and queryable record of events out."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from dateline.api import Dateline


def open(db: str = "dateline.db") -> Dateline:  # noqa: A001 - the public name is dateline.open
    """Open a Dateline store: documents, entities, events, quotes... as iterables and DataFrames."""
    from dateline.api import Dateline

    return Dateline(db)
