"""End to end on messy unrest, attack and diplomacy pages (tests/data/e2e_s19, our own writing; issues 3 and 7).

Eight invented pages (a live blog, a bombing with a rising toll, a strike, expulsions of diplomats, a village raid,
election unrest, a summit, a hotel siege; 1995-2021) are ingested in-process into one store
(`scripts/score_e2e.py --set e2e_s19`) and every gold event record is matched to a stored event of its type in its
sentence; each field the gold gives is then checked. The fields right after the session-19 fixes are asserted, so
they stay right; the misses left are strict xfails, each with its reason (all but one in files other engineers own:
event typing, modes, actors, event dates and sources).

Figures (session 19; gold records matched by type and sentence):

| field | untouched | after the fixes |
|---|---|---|
| boilerplate cut (71) | 0.718 | 1.000 |
| body kept (24) / published (8) | 1.000 / 1.000 | 1.000 / 1.000 |
| event type (50) | 0.800 | 0.860 |
| mode (19) | 0.947 | 0.947 |
| actor country | 0.938 (32) | 0.943 (35) |
| recipient country | 0.964 (28) | 0.966 (29) |
| size | 0.974 (39) | 0.976 (42) |
| date | 0.925 (40) | 0.953 (43) |
| factuality | 1.000 (37) | 1.000 (40) |
| source | 0.974 (39) | 0.976 (42) |

(The counts grow after the fixes: a live-blog time stamp left in front of a sentence had cut its first word off,
so its event was not found.)
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e_helpers import ROOT, cases, check_cleaning, check_field, scorer

_FOLDER = ROOT / "tests" / "data" / "e2e_s19"


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return scorer().score(_FOLDER, tmp_path_factory.mktemp("e2e19") / "e2e.db")


# misses left: (file, sentence fragment start, field) -> reason
_KNOWN = {
    ("s02_colombo_bus_bomb.txt", "The toll rose to 31", "event_type"): (
        "events: a toll that 'rose to N' restates the attack (ASSAULT, N dead) but gives no event"
    ),
    ("s02_colombo_bus_bomb.txt", "Police arrested three suspects", "date"): (
        "time: 'two days later' counts from the last day the text named (Sunday, the toll) not from the bombing"
    ),
    ("s02_colombo_bus_bomb.txt", "A similar bombing killed", "size"): (
        "events: 'bombing' and 'killed' stay two ASSAULT events of one sentence; the size goes to the killing only"
    ),
    ("s03_paris_rail_strike.txt", "refused to withdraw", "event_type"): (
        "events: 'refused to withdraw the plan' is CONCEDE negated, not REJECT (conventions, refuse)"
    ),
    ("s06_kisumu_unrest.txt", "The interior minister denied", "source"): (
        "events (source): the denier is the source of a denial, not the statement that carried it"
    ),
    ("s08_mogadishu_hotel.txt", "The death toll rose to 21", "event_type"): (
        "events: a toll that 'rose to N' restates the attack (ASSAULT, N dead) but gives no event"
    ),
    ("s08_mogadishu_hotel.txt", "The African Union mission will send", "recipient_country"): (
        "events: troops sent 'to the capital' of the country the story is about get no recipient"
    ),
}


@pytest.mark.parametrize(("file", "sentence", "field"), cases(_FOLDER, _KNOWN))
def test_event_field(scored: dict[str, Any], file: str, sentence: str, field: str) -> None:
    check_field(scored, file, sentence, field)


def test_cleaning(scored: dict[str, Any]) -> None:
    check_cleaning(scored)


def test_floors(scored: dict[str, Any]) -> None:
    """Per-field floors over the matched gold records (the session-19 figures)."""
    f = scored["figures"]
    assert f["factuality"] == 1.0
    assert f["date"] >= 0.95 and f["size"] >= 0.97 and f["source"] >= 0.97
    assert f["event_type"] >= 0.86 and f["actor_country"] >= 0.94 and f["recipient_country"] >= 0.96
