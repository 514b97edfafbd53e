"""The Python API: `dateline.open(db)` -> records as iterables and pandas DataFrames."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dateline.export import FIELDS, RECORDS, with_source
from dateline.model import Document
from dateline.store import EventFilter, Store, name_query


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
        """Events as dicts; filters as in `dateline events`: type, actor, country, since, until, factuality...

        A filter that cannot match anything as given (an unknown name, type, country or date) raises ValueError
        or TypeError here, instead of quietly returning no events. Each event carries its article's `outlet`,
        `published` and `url`, as the export does."""
        f = _event_filter(filters)
        return with_source(self.store, (e.to_dict() for e in self.store.events(f)))

    def document(self, doc_id: str) -> Document | None:
        return self.store.get(doc_id)

    def df(self, what: str, **filters: Any):
        """Any record kind as a pandas DataFrame."""
        import pandas as pd

        if what not in RECORDS:
            raise ValueError(f"unknown record kind {what!r}: choose from {', '.join(RECORDS)}")
        if filters and what != "events":
            raise TypeError(f"filters are for events only, not {what}")
        rows = self.events(**filters) if what == "events" else RECORDS[what](self.store)
        records = list(rows)
        # (no record: an empty frame that still has the kind's columns)
        return pd.DataFrame.from_records(records) if records else pd.DataFrame(columns=list(FIELDS[what]))

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


def _event_filter(filters: dict[str, Any]) -> EventFilter:
    """An EventFilter from keyword filters, checked as the command line checks them."""
    import click

    from dateline.link.cli import check_country, check_date, check_event_type, check_range
    from dateline.model import FACTUALITY

    known = set(EventFilter.__dataclass_fields__)
    unknown = sorted(set(filters) - known)
    if unknown:
        raise TypeError(f"unknown event filter(s) {', '.join(unknown)}: use {', '.join(sorted(known))}")
    checks = {"type": check_event_type, "country": check_country, "since": check_date, "until": check_date}
    values = dict(filters)
    for name, check in checks.items():
        if values.get(name) is not None:
            try:
                values[name] = check(None, None, str(values[name]))
            except click.BadParameter as exc:
                raise ValueError(f"{name}: {exc.message}") from exc
    try:
        check_range(values.get("since"), values.get("until"))
    except click.BadParameter as exc:
        raise ValueError(f"since: {exc.message}") from exc
    if values.get("actor") is not None and name_query(str(values["actor"])) is None:
        raise ValueError(f"actor: {values['actor']!r} has no letters or digits to match a name")
    if values.get("factuality") is not None and values["factuality"] not in FACTUALITY:
        raise ValueError(f"factuality: {values['factuality']!r} is not one of {', '.join(FACTUALITY)}")
    return EventFilter(**values)
