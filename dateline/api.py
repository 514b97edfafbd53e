"""The Python API: `dateline.open(db)` -> records as iterables and pandas DataFrames."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dateline.export import RECORDS
from dateline.model import Document
from dateline.store import EventFilter, Store


class Dateline:
    """A Dateline store opened for reading.

    >>> dl = dateline.open("dateline.db")
    >>> for doc in dl.documents(): ...
    >>> dl.events_df(type="MOBILIZE")
    """

    def __init__(self, db: str = "dateline.db") -> None:
        self.store = Store(db, readonly=True)

    def documents(self) -> Iterator[dict[str, Any]]:
        return RECORDS["documents"](self.store)

    def entities(self) -> Iterator[dict[str, Any]]:
        return RECORDS["entities"](self.store)

    def quotes(self) -> Iterator[dict[str, Any]]:
        return RECORDS["quotes"](self.store)

    def places(self) -> Iterator[dict[str, Any]]:
        return RECORDS["places"](self.store)

    def times(self) -> Iterator[dict[str, Any]]:
        return RECORDS["times"](self.store)

    def events(self, **filters: Any) -> Iterator[dict[str, Any]]:
        """Events as dicts; filters as in `dateline events`: type, actor, country, since, until, factuality..."""
        for e in self.store.events(EventFilter(**filters)):
            yield e.to_dict()

    def document(self, doc_id: str) -> Document | None:
        return self.store.get(doc_id)

    def df(self, what: str, **filters: Any):
        """Any record kind as a pandas DataFrame."""
        import pandas as pd

        rows = self.events(**filters) if what == "events" else RECORDS[what](self.store)
        return pd.DataFrame.from_records(list(rows))

    def documents_df(self):
        return self.df("documents")

    def entities_df(self):
        return self.df("entities")

    def events_df(self, **filters: Any):
        return self.df("events", **filters)

    def quotes_df(self):
        return self.df("quotes")

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Dateline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
