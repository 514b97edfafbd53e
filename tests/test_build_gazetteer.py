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


# ---------------------------------------------------------------- issue 6, round 16: the subdivision ties checked


def test_a_subdivision_tie_is_checked_against_its_own_point_and_geonames_name() -> None:
    mod = _script()
    # towns (1,000+) of two regions on the grid: region "16" around (19.7, -101.2), region "17" around (18.8, -99.1)
    grid: dict = {}
    for lat, lon, adm in [(19.70, -101.19, "16"), (19.65, -101.0, "16"), (19.4, -101.6, "16"),
                          (18.92, -99.23, "17"), (18.85, -99.2, "17"), (18.7, -99.0, "17"),
                          (18.81, -98.95, "17")]:  # fmt: skip
        grid.setdefault(("MX", int(lat // 1), int(lon // 1)), []).append((lat, lon, adm))
    names = {("MX", "16"): "Michoacan", ("MX", "17"): "Morelos"}
    # tied through a namesake village in region 16; its own point lies among region 17's towns, named alike
    assert mod._verified_code(["Morelos"], "MX", "16", (18.75, -99.07), grid, names)[0] == "17"
    # a right tie stands
    assert mod._verified_code(["Michoacán de Ocampo"], "MX", "16", (19.6, -101.2), grid, names)[0] == "16"
    # an untied subdivision takes the code around its point when GeoNames names it alike
    assert mod._verified_code(["Morelos"], "MX", None, (18.75, -99.07), grid, names)[0] == "17"
    # a tie to a region neither named alike nor found around the point is dropped (too few towns around the point
    # to switch on their number alone); with four or more of one region around it, that region's code
    few = {k: [t for t in v if t[2] == "16" or t[0] > 18.8] for k, v in grid.items()}
    assert (
        mod._verified_code(["Guerrero"], "MX", "16", (18.8, -99.1), few, {("MX", "17"): "Morelos"})[0] is None
    )
    assert (
        mod._verified_code(["Guerrero"], "MX", "16", (18.8, -99.1), grid, {("MX", "17"): "Morelos"})[0]
        == "17"
    )


def test_geonames_names_match_iso_names_across_spellings() -> None:
    mod = _script()
    assert mod._name_tier(["Kanta-Häme"], "Kanta-Hame") == 2
    assert mod._name_tier(["Uruzgān"], "Oruzgan") == 1
    assert mod._name_tier(["Sar-e Pul"], "Sar-e Pol") == 1
    assert mod._name_tier(["Zagrebačka županija"], "Bjelovarsko-Bilogorska") == 0
    assert mod._name_tier(["Pest"], "Budapest") == 0


def test_an_airport_in_a_territory_takes_the_territorys_code_and_one_across_a_border_does_not() -> None:
    mod = _script()
    grid = {(18, -67): [(18.44, -66.0, "PR")], (-11, 28): [(-10.3, 28.6, "ZM")]}
    assert mod._territory(18.44, -66.0, "US", grid) == "PR"  # US-PR is a subdivision of the United States
    assert mod._territory(-10.35, 28.63, "CD", grid) == "CD"  # Zambia is no subdivision of Congo
    assert "Schiphol Airport" in mod._airport_names("Amsterdam Airport Schiphol", "Amsterdam")
    assert "Flesland Airport" in mod._airport_names("Bergen Airport Flesland", "Bergen")
