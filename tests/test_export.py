"""PLOVER export: field shapes the manual specifies."""

from __future__ import annotations

import pytest

from dateline.export import plover_record
from dateline.model import Event, EventDate


def _event(value: str | None) -> Event:
    return Event(
        id="e1", doc_id="d1", event="ASSAULT", mode="aerial", cameo="19", actor=[], recipient=[],
        text="Jets struck the depot on Sunday evening.", sentence_start=0, sentence_end=40,
        event_text="struck", event_start=5, event_end=11,
        date=EventDate(value=value, text="on Sunday evening", start=22, end=39, source="text") if value else None,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("value", "day"),
    [("2020-01-05TEV", "2020-01-05"), ("2020-01-05T14:30", "2020-01-05"), ("2020-01-05", "2020-01-05"),
     ("2020-01", "2020-01"), ("2020-W02", "2020-W02"), (None, None)],
)  # fmt: skip
def test_plover_date_is_the_day_and_date_info_keeps_the_value(value: str | None, day: str | None) -> None:
    rec = plover_record(_event(value))
    assert rec["date"] == day
    assert (rec["date_info"] or {}).get("value") == value
    assert rec["event"] == ["ASSAULT"] and rec["mode"] == ["aerial"]
