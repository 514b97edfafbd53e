"""`Record.to_dict` gives exactly what `dataclasses.asdict` gives (the store, the exporters and the API depend on
that shape) without asdict's deep copy of every atom (session 15: the store spent most of its time there). Checked
on nested records, on tuples, dicts and named tuples in free fields, and for independence from the record."""

from __future__ import annotations

import dataclasses
import json
from collections import namedtuple

from dateline.model import Actor, Document, Event, EventDate, Place, Quote, Sentence, Size

Pair = namedtuple("Pair", "low high")


def _event() -> Event:
    text = "About 300 marines landed at Port Vell on Sunday, the navy said."
    place = Place("Port Vell", 28, 37, name="Port Vell", country="XXX", lat=3.25, lon=-7.5, feature="city")
    return Event(
        id="m15-e0", doc_id="m15aaaaaaaaaaaa1", event="MOBILIZE", mode="troops", cameo="15",
        actor=[Actor("marines", 10, 17, name=None, country="XXX", sector="MIL"), Actor("the navy", 51, 59)],
        recipient=[], text=text, sentence_start=0, sentence_end=len(text), event_text="landed", event_start=18,
        event_end=24, location=place, date=EventDate("2026-05-03", text="Sunday", start=41, end=47, source="text"),
        size=[Size("About 300 marines", 0, 17, min=300, max=300, approx=True, qualifier="about", unit="troops")],
    )  # fmt: skip


def test_to_dict_equals_asdict_on_nested_records() -> None:
    e = _event()
    assert json.dumps(e.to_dict()) == json.dumps(dataclasses.asdict(e))  # same keys, same order, same values
    q = Quote(id="m15-q0", doc_id="d", content="we landed", start=1, end=10, direct=True, speaker="Vera Holm")
    assert q.to_dict() == dataclasses.asdict(q)


def test_free_fields_keep_their_container_types_and_are_copies() -> None:
    doc = Document(id="m15", text="x", sentences=[Sentence(0, 1)], events=[_event()])
    doc.extra = {"pair": Pair(1, 2), "span": (3, 4), "nested": {"k": [1, {"z": (5,)}]}}
    out = doc.to_dict()
    assert out == dataclasses.asdict(doc)
    assert isinstance(out["extra"]["pair"], Pair) and out["extra"]["span"] == (3, 4)
    out["extra"]["nested"]["k"].append(9)
    out["events"][0]["actor"].clear()
    assert (
        doc.extra["nested"]["k"] == [1, {"z": (5,)}] and len(doc.events[0].actor) == 2
    )  # the record is untouched


def test_skip_leaves_fields_out_in_order() -> None:
    doc = Document(id="m15", text="long text", title="T", sentences=[Sentence(0, 4)])
    full = doc.to_dict()
    part = doc.to_dict(skip=("text", "sentences"))
    assert list(part) == [k for k in full if k not in ("text", "sentences")]
