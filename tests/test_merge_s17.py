"""Seventeenth session, merging (issue 7): the Figuig corpus (tests/fixtures/merge_dev16) and two linker rules found on
its wrong links: a call (by phone or video) and a visit are two consultations, not one told two ways ("spoke by
telephone" on Friday, "met in Nouakchott" on Monday); and two days read from the text beyond the window together with
two single counts that disagree are two acts of a series, not one act misdated and miscounted ("seven farmers detained
this morning" on the 13th, "four smugglers arrested this morning" on the 16th). Each rule on two differently worded
cases, with the cases it must leave alone. Invented sentences, none from the corpus."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from dateline.link.merge import _compare, _features
from dateline.model import Actor, Event, EventDate, Size
from tests.merge_helpers import check_corpus, city_in, linked_store, merged_id

DEV16 = Path(__file__).parent / "fixtures" / "merge_dev16"


def _event(doc: str, sentence: str, typ: str, actors: list[str], recip: str | None, date: str,
           mode: str | None = None, count: tuple[float | None, float | None] | None = None,
           place: tuple[str, str, float, float] | None = None) -> Event:  # fmt: skip
    size = [Size(sentence, 0, 1, min=count[0], max=count[1], unit="people")] if count else []
    return Event(
        id=f"{doc}#0", doc_id=doc, event=typ, mode=mode, cameo=None,
        actor=[Actor(a, 0, 0, country=a) for a in actors],
        recipient=[Actor(recip, 0, 0, country=recip)] if recip else [],
        text=sentence, sentence_start=0, sentence_end=len(sentence), event_text=sentence, event_start=0,
        event_end=len(sentence), factuality="asserted", location=city_in(sentence, place),
        date=EventDate(date, source="text"), size=size,
    )  # fmt: skip


def test_dev16_is_registered_and_well_formed() -> None:
    check_corpus("dev16", DEV16)


# --- a call and a visit are two consultations

CALLS_AND_VISITS = [
    (("The foreign ministers of Peru and Chile spoke by telephone on Friday about the disputed fishing grounds.",
      ["PER", "CHL"], "2026-03-06", None),
     ("The Peruvian and Chilean foreign ministers met in Arica on Friday to discuss the disputed fishing grounds.",
      ["PER", "CHL"], "2026-03-06", ("Arica", "CHL", -18.48, -70.31))),
    (("Vietnam's prime minister held a video call with his Lao counterpart on Tuesday on the dam project.",
      ["VNM", "LAO"], "2026-05-12", None),
     ("Vietnam's prime minister travelled to Vientiane on Tuesday for talks with his Lao counterpart on the dam "
      "project.", ["VNM", "LAO"], "2026-05-12", ("Vientiane", "LAO", 17.97, 102.6))),
]  # fmt: skip


@pytest.mark.parametrize(("call", "visit"), CALLS_AND_VISITS)
def test_a_call_and_a_visit_are_two_consultations(tmp_path: Path, call: tuple, visit: tuple) -> None:
    a = _event("d1", call[0], "CONSULT", call[1], None, call[2], mode="phone", place=call[3])
    b = _event("d2", visit[0], "CONSULT", visit[1], None, visit[2], mode="visit", place=visit[3])
    _, ev = _compare(_features(a, a.date.value), _features(b, b.date.value))
    assert ev.get("veto") == "different acts: phone vs visit"
    # without the modes the two would be one meeting (same two countries, same day, same topic)
    plain_a, plain_b = replace(a, mode=None), replace(b, mode=None)
    score, ev = _compare(_features(plain_a, a.date.value), _features(plain_b, b.date.value))
    assert "veto" not in ev and score >= 1.4
    store = linked_store(tmp_path, [("d1", "Wire A", a.date.value, a), ("d2", "Daily B", b.date.value, b)])
    assert merged_id(store, "d1#0") != merged_id(store, "d2#0")


@pytest.mark.parametrize(("first", "second", "modes"), [
    # two calls told two ways: one consultation
    ("Kenya's president spoke by phone with his Ugandan counterpart on Sunday about the lake dispute.",
     "The presidents of Kenya and Uganda discussed the lake dispute in a telephone call on Sunday.", ("phone", "phone")),
    # a call against talks of no stated kind: no veto
    ("The foreign ministers of Peru and Chile spoke by telephone on Friday about the disputed fishing grounds.",
     "Peru and Chile held talks on Friday about the disputed fishing grounds.", ("phone", None)),
])  # fmt: skip
def test_calls_told_two_ways_or_talks_of_no_kind_are_not_vetoed(
    tmp_path: Path, first: str, second: str, modes: tuple
) -> None:
    pair = ["PER", "CHL"] if "Peru" in first else ["KEN", "UGA"]
    a = _event("d1", first, "CONSULT", pair, None, "2026-03-08", mode=modes[0])
    b = _event("d2", second, "CONSULT", pair, None, "2026-03-08", mode=modes[1])
    _, ev = _compare(_features(a, "2026-03-08"), _features(b, "2026-03-09"))
    assert "veto" not in ev
    store = linked_store(tmp_path, [("d1", "Wire A", "2026-03-08", a), ("d2", "Daily B", "2026-03-09", b)])
    assert merged_id(store, "d1#0") == merged_id(store, "d2#0")


# --- another day and another count: two acts of a series

SERIES = [
    # detentions by one police force at one place, three days apart, 12 against 5 held
    ("COERCE", "arrest", ["KEN"], None, ("Mbita", "KEN", -0.43, 34.21),
     ("Kenyan police arrested twelve fishermen near Mbita on Monday, accusing them of using illegal nets.",
      "2026-05-04", (12, 12)),
     ("Police near Mbita arrested five fishermen on Thursday for fishing with illegal nets, an officer said.",
      "2026-05-07", (5, 5))),
    # deployments of one army to one town, two days apart, 300 against 120 soldiers
    ("MOBILIZE", None, ["MLI"], None, ("Gao", "MLI", 16.27, -0.04),
     ("The Malian army flew 300 soldiers to Gao on 2 June to secure the airport.", "2026-06-02", (300, 300)),
     ("Mali's army sent 120 more soldiers to Gao on 4 June to guard the airport road.", "2026-06-04", (120, 120))),
]  # fmt: skip


@pytest.mark.parametrize(("typ", "mode", "actors", "recip", "place", "first", "second"), SERIES)
def test_another_day_and_another_count_are_two_acts(
    tmp_path: Path, typ: str, mode: str | None, actors: list[str], recip: str | None, place: tuple, first: tuple,
    second: tuple,
) -> None:  # fmt: skip
    a = _event("d1", first[0], typ, actors, recip, first[1], mode=mode, count=first[2], place=place)
    b = _event("d2", second[0], typ, actors, recip, second[1], mode=mode, count=second[2], place=place)
    _, ev = _compare(_features(a, first[1]), _features(b, second[1]))
    assert ev.get("veto", "").startswith("another day")
    store = linked_store(tmp_path, [("d1", "Wire A", first[1], a), ("d2", "Daily B", second[1], b)])
    assert merged_id(store, "d1#0") != merged_id(store, "d2#0")


@pytest.mark.parametrize(("second_date", "second_count", "published"), [
    ("2026-05-04", (5, 5), "2026-05-04"),  # the same day, another count: a disagreement between sources
    ("2026-05-07", (12, 12), "2026-05-07"),  # another day, the same count: a date misread, maybe
    ("2026-05-07", (None, None), "2026-05-07"),  # another day, no count
    ("2026-05-07", (10, 99), "2026-05-07"),  # another day, "dozens": no single figure
    ("2026-05-05", (5, 5), "2026-05-05"),  # a day apart: within the window
])  # fmt: skip
def test_one_disagreement_alone_is_no_such_veto(
    second_date: str, second_count: tuple, published: str
) -> None:
    place = ("Mbita", "KEN", -0.43, 34.21)
    a = _event("d1", "Kenyan police arrested twelve fishermen near Mbita on Monday, accusing them of using illegal "
               "nets.", "COERCE", ["KEN"], None, "2026-05-04", mode="arrest", count=(12, 12), place=place)  # fmt: skip
    count = second_count if second_count != (None, None) else None
    b = _event("d2", "Police near Mbita arrested fishermen for fishing with illegal nets, an officer said.", "COERCE",
               ["KEN"], None, second_date, mode="arrest", count=count, place=place)  # fmt: skip
    _, ev = _compare(_features(a, "2026-05-04"), _features(b, published))
    assert not ev.get("veto", "").startswith("another day")


def test_a_date_from_the_publication_alone_is_no_such_veto() -> None:
    """Only two days read from the text: a report dated by its publication only is compared loosely."""
    place = ("Gao", "MLI", 16.27, -0.04)
    a = _event("d1", "The Malian army flew 300 soldiers to Gao on 2 June to secure the airport.", "MOBILIZE",
               ["MLI"], None, "2026-06-02", count=(300, 300), place=place)  # fmt: skip
    b = _event("d2", "Mali's army sent 120 soldiers to Gao to guard the airport road.", "MOBILIZE", ["MLI"], None,
               "2026-06-04", count=(120, 120), place=place)  # fmt: skip
    b = replace(b, date=EventDate("2026-06-04", source="published"))
    _, ev = _compare(_features(a, "2026-06-02"), _features(b, "2026-06-04"))
    assert not ev.get("veto", "").startswith("another day")
