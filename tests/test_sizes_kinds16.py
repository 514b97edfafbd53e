"""Session 16 size kinds, each by kind of wording (two or more differing sentences, none from the gold set's batch 3
in tests/data/sizes_own_s15.jsonl): counted strikes are events, not arms; a modifier noun inside a boat compound
("coast guard patrol boats"); a formation named by its strength ("a 600-strong battalion") counts soldiers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.nlp import parse
from dateline.sizes import extract_sizes

GOLD = Path(__file__).parent / "data" / "sizes_own_s15.jsonl"


def _both(text: str) -> list[tuple]:
    plain = [(s.text, s.min, s.unit, s.kind) for s in extract_sizes(text)]
    parsed = [(s.text, s.min, s.unit, s.kind) for s in extract_sizes(parse(text).spacy[:])]
    assert plain == parsed, text
    return plain


@pytest.mark.parametrize(
    "text",
    [
        "Officials reported six drone attacks on the airfield this week.",
        "Two missile strikes damaged the bridge, the governor said.",
        "Residents described at least nine rocket raids on the market since May.",
    ],
)
def test_counted_strikes_are_no_count_of_arms(text: str) -> None:
    assert _both(text) == []


def test_arms_counted_as_such_stay_weapons() -> None:
    assert _both("The rebels fired 14 drones at the refinery.") == [("14 drones", 14.0, "weapons", None)]
    assert _both("Three drone strikes killed 11 fighters.") == [("11 fighters", 11.0, "troops", "dead")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Three police patrol boats chased the smugglers.",
            ("Three police patrol boats", 3.0, "ships", None),
        ),
        (
            "The ministry dispatched five border guard patrol vessels to the strait.",
            ("five border guard patrol vessels", 5.0, "ships", "deployed"),
        ),
    ],
)
def test_boat_compound_with_a_modifier_noun(text: str, want: tuple) -> None:
    assert _both(text) == [want]


def test_guard_compounds_of_people_stay_people() -> None:
    assert _both("Nine coast guard officers were injured in the blast.") == [
        ("Nine coast guard officers", 9.0, "people", "injured")
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Kenya sent a 400-strong battalion to Haiti.",
            ("400-strong battalion", 400.0, "troops", "deployed"),
        ),
        (
            "A 2,500-strong brigade crossed the river at dawn.",
            ("2,500-strong brigade", 2500.0, "troops", None),
        ),
    ],
)
def test_formation_named_by_its_strength_counts_soldiers(text: str, want: tuple) -> None:
    assert _both(text) == [want]


def test_formations_counted_as_such_stay_formations() -> None:
    assert _both("The army moved two battalions to the border.") == [
        ("two battalions", 2.0, "battalions", None)
    ]


def test_batch_three_rows_are_well_formed() -> None:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    third = [r for r in rows if r["batch"] == 3]
    assert len(third) >= 6 and {r["batch"] for r in rows} == {1, 2, 3}
    for r in third:
        assert r["id"].startswith("sz16-")
        for s in r["sizes"]:
            assert s["text"] in r["text"]
            assert set(s) == {"text", "min", "max", "approx", "qualifier", "unit", "kind"}
