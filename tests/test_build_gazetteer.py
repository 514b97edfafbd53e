"""scripts/build_gazetteer.py: asking for help builds nothing, and a rebuild never drops shipped subdivisions."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLACES = ROOT / "dateline" / "data" / "places"


def _script():
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _stamps() -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in PLACES.iterdir()}


def test_help_prints_usage_and_writes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    before = _stamps()
    with pytest.raises(SystemExit) as exc:
        _script().main(["--help"])
    assert exc.value.code == 0
    assert "admin1" in capsys.readouterr().out
    assert _stamps() == before


def test_an_unknown_part_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    before = _stamps()
    with pytest.raises(SystemExit) as exc:
        _script().main(["cities-please"])
    assert exc.value.code == 2
    assert _stamps() == before


def test_admin1_is_kept_when_the_build_time_points_are_missing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    mod = _script()
    monkeypatch.setattr(mod, "_iso3166_2_points", lambda: {})
    monkeypatch.setattr(mod, "_write_admin1", lambda *a: pytest.fail("admin1.tsv must not be rewritten"))
    monkeypatch.setattr(mod, "_cities", lambda: pytest.fail("nothing to build"))
    before = _stamps()
    mod.main(["admin1"])
    assert "kept" in capsys.readouterr().out
    assert _stamps() == before
