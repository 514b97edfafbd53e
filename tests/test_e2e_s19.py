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

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

_ROOT = Path(__file__).resolve().parent.parent
_FOLDER = _ROOT / "tests" / "data" / "e2e_s19"
_FIELDS = ("mode", "actor_country", "recipient_country", "size", "date", "factuality", "source")


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("score_e2e", _ROOT / "scripts" / "score_e2e.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _scorer().score(_FOLDER, tmp_path_factory.mktemp("e2e19") / "e2e.db")


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
    ("s07_islamabad_talks.txt", "The two countries agreed", "actor_country"): (
        "actors: 'the two countries' after a sentence naming India and Pakistan has no country"
    ),
    ("s07_islamabad_talks.txt", "The two countries fought", "actor_country"): (
        "actors: 'the two countries' has no country"
    ),
    ("s08_mogadishu_hotel.txt", "The death toll rose to 21", "event_type"): (
        "events: a toll that 'rose to N' restates the attack (ASSAULT, N dead) but gives no event"
    ),
    ("s08_mogadishu_hotel.txt", "The African Union mission will send", "recipient_country"): (
        "events: troops sent 'to the capital' of the country the story is about get no recipient"
    ),
}


def _cases() -> list[Any]:
    out = []
    for line in (_FOLDER / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        g = json.loads(line)
        for ev in g["events"]:
            fields = ["event_type"] + [f for f in _FIELDS if f in ev]
            known = {
                k[2]: v for k, v in _KNOWN.items() if k[0] == g["file"] and ev["sentence"].startswith(k[1])
            }
            for field in fields:
                # an event not found fails every field of its record, for the same reason
                reason = known.get(field) or known.get("event_type")
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                ident = f"{g['file'][:3]}-{ev['sentence'][:24]}-{field}"
                out.append(pytest.param(g["file"], ev["sentence"], field, id=ident, marks=marks))
    return out


@pytest.mark.parametrize(("file", "sentence", "field"), _cases())
def test_event_field(scored: dict[str, Any], file: str, sentence: str, field: str) -> None:
    rec = next(r for r in scored["records"] if r["file"] == file and r["sentence"] == sentence)
    if field == "event_type":
        assert rec["matched"], [e for e in scored["errors"] if sentence[:40] in e]
    else:
        assert rec.get(field) is True, [e for e in scored["errors"] if sentence[:40] in e]


def test_cleaning(scored: dict[str, Any]) -> None:
    figures = scored["figures"]
    assert figures["boilerplate_cut"] == 1.0, [e for e in scored["errors"] if "boilerplate" in e]
    assert figures["body_kept"] == 1.0, [e for e in scored["errors"] if "body lost" in e]
    assert figures["published"] == 1.0


def test_floors(scored: dict[str, Any]) -> None:
    """Per-field floors over the matched gold records (the session-19 figures)."""
    f = scored["figures"]
    assert f["factuality"] == 1.0
    assert f["date"] >= 0.95 and f["size"] >= 0.97 and f["source"] >= 0.97
    assert f["event_type"] >= 0.86 and f["actor_country"] >= 0.94 and f["recipient_country"] >= 0.96
