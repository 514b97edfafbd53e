"""Nineteenth session, merging (issue 7): the Torkham corpus (tests/fixtures/merge_dev19) and two linker rules for
locations of one country too far apart for one event that are still no evidence of two (_one_place): one name the
gazetteer read at two points of the country ("Khyber district" and "the Khyber region"), and a plan located at its
own actor's seat of government ("will free the traders, a diplomat in Kabul said") against the act in a town of that
country. Each rule on two differently worded cases, with the cases it must leave alone. Invented sentences, none from
the corpus."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from dateline.link.merge import _compare, _features
from dateline.model import Actor, Event, EventDate
from tests.merge_helpers import check_corpus, city_in, linked_store, merged_id

DEV19 = Path(__file__).parent / "fixtures" / "merge_dev19"


def _event(doc: str, sentence: str, typ: str, actor: str, recip: str | None, date: str,
           place: tuple[str, str, float, float], factuality: str = "asserted") -> Event:  # fmt: skip
    return Event(
        id=f"{doc}#0", doc_id=doc, event=typ, mode=None, cameo=None, actor=[Actor(actor, 0, 0, country=actor)],
        recipient=[Actor(recip, 0, 0, country=recip)] if recip else [],
        text=sentence, sentence_start=0, sentence_end=len(sentence), event_text=sentence, event_start=0,
        event_end=len(sentence), factuality=factuality, location=city_in(sentence, place),
        date=EventDate(date, source="text"),
    )  # fmt: skip


def _rough(e: Event) -> Event:
    """e located at a rough point of its place (a district or region the gazetteer knows to within 100 km)."""
    e.location = replace(e.location, feature="site", precision_km=100.0)
    return e


def _pair(a: Event, b: Event) -> tuple[float, dict]:
    return _compare(_features(a, a.date.value), _features(b, b.date.value))


def test_dev19_is_registered_and_well_formed() -> None:
    check_corpus("dev19", DEV19)


# --- one name read at two points of one country

NAMESAKES = [
    (("Pakistan sent two more battalions to Khyber district on Friday, a security official said.",
      ("Khyber", "PAK", 34.10, 71.14)),
     ("Pakistan moved army battalions into the Khyber region on Friday to guard the frontier.",
      ("Khyber", "PAK", 30.92, 66.45))),
    (("Nigeria deployed extra troops to Bama on Monday after the raid, the army said.",
      ("Bama", "NGA", 11.52, 13.69)),
     ("Fresh soldiers arrived in Bama town on Monday, sent by Nigeria to hold the road.",
      ("Bama", "NGA", 8.90, 8.10))),
]  # fmt: skip


@pytest.mark.parametrize(("first", "second"), NAMESAKES)
def test_one_name_read_at_two_points_of_one_country_is_no_veto(
    tmp_path: Path, first: tuple, second: tuple
) -> None:
    actor = first[1][1]
    a = _event("d1", first[0], "MOBILIZE", actor, None, "2026-11-06", first[1])
    b = _event("d2", second[0], "MOBILIZE", actor, None, "2026-11-06", second[1])
    # both read as precise towns: two namesakes, two places
    assert _pair(a, b)[1].get("veto", "").startswith("places ")
    # one of them read as a rough point (a district or region): one place read two ways
    b = _rough(b)
    score, ev = _pair(a, b)
    assert "veto" not in ev and "place_namesake" in ev
    assert score >= 1.4
    store = linked_store(tmp_path, [("d1", "Wire A", "2026-11-06", a), ("d2", "Daily B", "2026-11-07", b)])
    assert merged_id(store, "d1#0") == merged_id(store, "d2#0")


@pytest.mark.parametrize(("first", "second"), [
    # two towns of two names, far apart in one country: still two deployments
    (("Pakistan sent two more battalions to Peshawar on Friday, a security official said.",
      ("Peshawar", "PAK", 34.01, 71.58)),
     ("Pakistan moved army battalions into Quetta on Friday to guard the frontier.", ("Quetta", "PAK", 30.18, 67.00))),
    (("Nigeria deployed extra troops to Bama on Monday after the raid, the army said.", ("Bama", "NGA", 11.52, 13.69)),
     ("Fresh soldiers arrived in Ilorin on Monday, sent by Nigeria to hold the road.", ("Ilorin", "NGA", 8.50, 4.55))),
])  # fmt: skip
def test_two_names_far_apart_in_one_country_still_veto(first: tuple, second: tuple) -> None:
    actor = first[1][1]
    a = _event("d1", first[0], "MOBILIZE", actor, None, "2026-11-06", first[1])
    b = _event("d2", second[0], "MOBILIZE", actor, None, "2026-11-06", second[1])
    _, ev = _pair(a, b)
    assert ev.get("veto", "").startswith("places ")


# --- a plan located at its own actor's seat of government

PLANS_AT_SEATS = [
    (("Ethiopia will free the 40 Eritrean prisoners tomorrow, officials in Addis Ababa said.",
      "ETH", "ERI", ("Addis Ababa", "ETH", 9.03, 38.74)),
     ("Ethiopian guards released 40 Eritrean prisoners at the Gondar camp on Thursday.",
      "ETH", "ERI", ("Gondar", "ETH", 12.60, 37.47))),
    (("Colombia is to hand the seized fishing boats back to Panama on Thursday, the ministry in Bogota said.",
      "COL", "PAN", ("Bogota", "COL", 4.61, -74.08)),
     ("The Colombian navy returned eleven Panamanian fishing boats at Cartagena on Thursday.",
      "COL", "PAN", ("Cartagena", "COL", 10.39, -75.51))),
]  # fmt: skip


@pytest.mark.parametrize(("plan", "act"), PLANS_AT_SEATS)
def test_a_plan_at_its_actors_seat_does_not_veto_the_act_elsewhere(
    tmp_path: Path, plan: tuple, act: tuple
) -> None:
    a = _event("d1", plan[0], "RETREAT", plan[1], plan[2], "2026-11-12", plan[3], factuality="future")
    b = _event("d2", act[0], "RETREAT", act[1], act[2], "2026-11-12", act[3])
    score, ev = _pair(a, b)
    assert "veto" not in ev and ev.get("place_seat", "").endswith("a plan's seat")
    assert score >= 1.4
    store = linked_store(tmp_path, [("d1", "Wire A", "2026-11-12", a), ("d2", "Daily B", "2026-11-13", b)])
    assert merged_id(store, "d1#0") == merged_id(store, "d2#0")


@pytest.mark.parametrize(("plan", "town"), [
    ("Ethiopia will free the 40 Eritrean prisoners tomorrow, officials in Bahir Dar said.", ("Bahir Dar", "ETH", 11.59, 37.39)),
    ("Colombia is to hand the seized fishing boats back to Panama on Thursday, the port office in Barranquilla said.",
     ("Barranquilla", "COL", 10.96, -74.80)),
])  # fmt: skip
def test_two_acts_or_a_plan_in_a_town_that_is_no_seat_still_veto(plan: str, town: tuple) -> None:
    seat, act = next((p, a) for p, a in PLANS_AT_SEATS if p[1] == town[1])
    # the seat's sentence told as an act: one act at the capital, one in a town far from it
    a = _event("d1", seat[0], "RETREAT", seat[1], seat[2], "2026-11-12", seat[3])
    b = _event("d2", act[0], "RETREAT", act[1], act[2], "2026-11-12", act[3])
    assert _pair(a, b)[1].get("veto", "").startswith("places ")
    # a plan located in a town of the country that is no seat of government, far from the act's town
    c = _event("d3", plan, "RETREAT", seat[1], seat[2], "2026-11-12", town, factuality="future")
    assert _pair(c, b)[1].get("veto", "").startswith("places ")
