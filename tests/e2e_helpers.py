"""The harness the end-to-end test modules share (tests/test_e2e_s18.py, tests/test_e2e_s19.py): the scorer
(scripts/score_e2e.py), one pytest case per gold record and field with strict xfails for the known misses, and the
checks of a scored set."""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


@cache
def scorer() -> Any:
    """scripts/score_e2e.py as a module (its FIELDS are the fields scored)."""
    spec = importlib.util.spec_from_file_location("score_e2e", ROOT / "scripts" / "score_e2e.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def cases(folder: Path, known: dict[tuple[str, str, str], str]) -> list[Any]:
    """One case per gold record and field it gives; known: (file, sentence start, field) -> reason of a strict xfail
    (a record whose event is not found fails every field for the event_type reason)."""
    out = []
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        g = json.loads(line)
        for ev in g["events"]:
            fields = ["event_type"] + [f for f in scorer().FIELDS if f in ev]
            mine = {
                k[2]: v for k, v in known.items() if k[0] == g["file"] and ev["sentence"].startswith(k[1])
            }
            for field in fields:
                reason = mine.get(field) or mine.get("event_type")
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                ident = f"{g['file'][:3]}-{ev['sentence'][:24]}-{field}"
                out.append(pytest.param(g["file"], ev["sentence"], field, id=ident, marks=marks))
    return out


def check_field(scored: dict[str, Any], file: str, sentence: str, field: str) -> None:
    """The gold record of (file, sentence) was matched (event_type) or has its field right."""
    rec = next(r for r in scored["records"] if r["file"] == file and r["sentence"] == sentence)
    errors = [e for e in scored["errors"] if sentence[:40] in e]
    if field == "event_type":
        assert rec["matched"], errors
    else:
        assert rec.get(field) is True, errors


def check_cleaning(scored: dict[str, Any]) -> None:
    """Every boilerplate line cut, every body line kept, every publication date read."""
    figures = scored["figures"]
    assert figures["boilerplate_cut"] == 1.0, [e for e in scored["errors"] if "boilerplate" in e]
    assert figures["body_kept"] == 1.0, [e for e in scored["errors"] if "body lost" in e]
    assert figures["published"] == 1.0
