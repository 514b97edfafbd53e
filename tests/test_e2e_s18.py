"""End to end on messy troop-deployment pages (tests/data/e2e_s18, our own writing; issues 3 and 7).

The eight pages are ingested in-process into one store (scripts/score_e2e.py) and every gold event record is
matched to a stored event of its type in its sentence; each field the gold gives is then checked. The fields
right after the session-18 fixes are asserted, so they stay right; the misses left are in other engineers' files
(event typing, actors), each a strict xfail with its reason.

Figures (session 18; gold records matched by type and sentence):

| field | untouched | after the fixes |
|---|---|---|
| boilerplate cut (58) | 0.862 | 1.000 |
| body kept (24) / published (8) | 1.000 / 1.000 | 1.000 / 1.000 |
| event type (39) | 0.949 | 0.949 |
| mode (23) / actor country (33) | 1.000 / 1.000 | 1.000 / 1.000 |
| recipient country (36) | 0.833 | 0.833 |
| size (33) | 0.970 | 1.000 |
| date (37) / factuality (37) | 1.000 / 1.000 | 1.000 / 1.000 |
| source (36) | 0.972 | 1.000 |
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

_ROOT = Path(__file__).resolve().parent.parent
_FOLDER = _ROOT / "tests" / "data" / "e2e_s18"


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("score_e2e", _ROOT / "scripts" / "score_e2e.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _scorer().score(_FOLDER, tmp_path_factory.mktemp("e2e") / "e2e.db")


# misses in files other engineers own: (file, sentence fragment start, field) -> reason
_KNOWN = {
    ("e01_estonia_reinforce.txt", "Finland is considering", "recipient_country"): (
        "events: no recipient for a deployment 'along the Narva river' (Estonian officials' sentence)"
    ),
    ("e02_cabo_delgado.txt", "the Rwandan forces would not", "recipient_country"): (
        "events: no recipient for a withdrawal without 'from' (the host country named earlier)"
    ),
}


def _cases() -> list[Any]:
    import json

    out = []
    for line in (_FOLDER / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        g = json.loads(line)
        for ev in g["events"]:
            fields = ["event_type"] + [f for f in ("mode", "actor_country", "recipient_country", "size", "date",
                                                   "factuality", "source") if f in ev]  # fmt: skip
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
    """Per-field floors over the matched gold records (the session-18 figures)."""
    f = scored["figures"]
    assert f["size"] == 1.0 and f["date"] == 1.0 and f["factuality"] == 1.0 and f["source"] == 1.0
    assert f["event_type"] >= 0.94 and f["recipient_country"] >= 0.83
