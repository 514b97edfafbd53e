"""Session 15 size rules, each by kind of wording (two or more differing sentences, none from the gold set
tests/data/sizes_own_s15.jsonl): compound heads, hyphenated number words, release counts, custody states, plain
text verbs and counted sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.nlp import parse
from dateline.sizes import extract_sizes

GOLD = Path(__file__).parent / "data" / "sizes_own_s15.jsonl"


def _plain(text: str) -> list[tuple]:
    return [(s.text, s.min, s.unit, s.kind) for s in extract_sizes(text)]


def _parsed(text: str) -> list[tuple]:
    return [(s.text, s.min, s.unit, s.kind) for s in extract_sizes(parse(text).spacy[:])]


def _both(text: str) -> list[tuple]:
    got = _plain(text)
    assert got == _parsed(text), text
    return got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Nine border guard boats patrolled the lake.", ("Nine border guard boats", 9.0, "ships", None)),
        ("The group now includes three aircraft carriers.", ("three aircraft carriers", 3.0, "ships", None)),
        ("Inspectors questioned 11 tanker crew members.", ("11 tanker crew members", 11.0, "people", None)),
        ("The squadron flew 18 fighter jets over the capital.", ("18 fighter jets", 18.0, "aircraft", None)),
        ("Six police officers were hurt.", ("Six police officers", 6.0, "police", "injured")),
        ("About 400 police personnel were on duty.", ("About 400 police personnel", 400.0, "police", None)),
        (
            "The column had 12 armoured personnel carriers.",
            ("12 armoured personnel carriers", 12.0, "vehicles", None),
        ),
        ("Troops rode in 5 personnel carriers.", ("5 personnel carriers", 5.0, "vehicles", None)),
    ],
)
def test_compound_head_names_the_unit(text: str, want: tuple) -> None:
    assert _both(text) == [want]


def test_a_verb_after_a_plural_is_no_head() -> None:
    assert _both("Two soldiers guard the bridge at night.") == [("Two soldiers", 2.0, "troops", None)]
    assert _both("Some 40 marines police the harbour.")[0][2] == "troops"


def test_a_parsed_participle_is_no_unit() -> None:
    assert _parsed("Police killed 9 suspected gunmen near the mine.") == [
        ("9 suspected gunmen", 9.0, "people", "dead")
    ]
    assert _parsed("Troops detained 14 suspected rebels overnight.") == [
        ("14 suspected rebels", 14.0, "troops", "arrested")
    ]


def test_hyphenated_number_words() -> None:
    assert _both("Thirty-four miners were brought to the surface.")[0][:2] == ("Thirty-four miners", 34.0)
    assert _both("The fleet counted ninety-nine boats.")[0][:2] == ("ninety-nine boats", 99.0)
    assert _both("Forty two-seat trainers landed.") == []  # no hyphen between the words: no 42


def test_boat_and_vehicle_words() -> None:
    assert _both("Police seized 7 motorbikes at the market.") == [("7 motorbikes", 7.0, "vehicles", None)]
    assert _both("Rioters torched three buses downtown.") == [("three buses", 3.0, "vehicles", None)]
    assert _both("Four speedboats circled the oil platform.") == [("Four speedboats", 4.0, "ships", None)]
    assert _both("The navy impounded two trawlers.") == [("two trawlers", 2.0, "ships", None)]


def test_things_captured_are_no_arrest() -> None:
    assert _both("Rebels captured 5 personnel carriers.") == [("5 personnel carriers", 5.0, "vehicles", None)]
    assert [z[2:] for z in _both("Militants captured three tanks and two helicopters.")] == [
        ("vehicles", None),
        ("aircraft", None),
    ]
    assert _both("Rebels captured 12 soldiers.") == [("12 soldiers", 12.0, "troops", "arrested")]


def test_drowning_counts_the_dead() -> None:
    assert _both("Eighteen refugees drowned off the coast.") == [
        ("Eighteen refugees", 18.0, "people", "dead")
    ]
    assert _both("At least 30 people drowned when the ferry sank.")[0][3] == "dead"


@pytest.mark.parametrize(
    "text",
    [
        "Authorities freed 60 jailed protesters on Friday.",
        "Twelve journalists arrested in March were released on Monday.",
        "Nine sailors freed by the coastguard reached port.",
        "The king pardoned 200 detained students.",
        "Thirty villagers kidnapped last week have since been rescued.",
    ],
)
def test_release_counts_are_no_arrests(text: str) -> None:
    got = _both(text)
    assert len(got) == 1 and got[0][2] == "people" and got[0][3] is None, got


def test_arrest_then_release_keeps_the_arrest() -> None:
    assert _both("Police arrested 20 people and later released them.") == [
        ("20 people", 20.0, "people", "arrested")
    ]
    assert _both("Soldiers detained 8 traders, who were freed on bail.") == [
        ("8 traders", 8.0, "people", "arrested")
    ]


def test_people_still_in_custody_are_no_arrest() -> None:
    assert _both("Four others are still in jail awaiting trial.") == [("Four others", 4.0, "people", None)]
    assert _both("Three men stayed in jail over the holiday.") == [("Three men", 3.0, "people", None)]
    assert _both("Police jailed 15 rioters.") == [("15 rioters", 15.0, "people", "arrested")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The ministry dispatched 200 engineers to the site.", "deployed"),
        ("Floods displaced 3,000 residents in the valley.", "displaced"),
        ("Gunmen kidnapped 7 traders on the road.", "abducted"),
        ("Two pilgrims died in the crush.", "dead"),
        ("Militias rounded up 50 farmers.", "arrested"),
    ],
)
def test_plain_text_reads_inflected_verbs(text: str, kind: str) -> None:
    got = _plain(text)
    assert len(got) == 1 and got[0][3] == kind, got


def test_plain_text_drops_counted_sources() -> None:
    assert _plain("Four officials said 200 soldiers were sent north.") == [
        ("200 soldiers", 200.0, "troops", "deployed")
    ]
    assert _plain("According to two witnesses, 30 people were hurt.") == [
        ("30 people", 30.0, "people", "injured")
    ]


def test_gold_set_is_well_formed() -> None:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 80
    assert {r["batch"] for r in rows} == {1, 2, 3}
    for r in rows:
        for s in r["sizes"]:
            assert s["text"] in r["text"]
            assert set(s) == {"text", "min", "max", "approx", "qualifier", "unit", "kind"}
            assert s["qualifier"] in (
                "exact",
                "more-than",
                "at-least",
                "up-to",
                "fewer-than",
                "about",
                "range",
                "vague",
            )


def test_suite_scores_batch_one() -> None:
    from dateline.evaluate.sizes import own_view

    got = own_view(parsed=False)
    assert got["batch1"]["overall"]["F1"] >= 0.95
    assert "errors" not in got["batch2"]
