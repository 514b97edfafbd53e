"""Issue 6, places round 3 of session 18: hand corrections of the generated gazetteer files live in override files
(dateline/data/places/admin1_overrides.tsv and its siblings), which scripts/build_gazetteer.py applies when it
writes the file, so a rebuild keeps them; scripts/audit_gazetteer.py reports an override that no longer matches.
No network, no rebuild of the shipped files: the build step runs on a tiny in-memory table into a temporary folder."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLACES = ROOT / "dateline" / "data" / "places"
ADMIN1_HEADER = ["name", "aliases", "country", "code", "lat", "lon", "precision_km", "iso"]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def build():
    return _load("build_gazetteer")


@pytest.fixture(scope="module")
def audit():
    return _load("audit_gazetteer")


def _stamps() -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in PLACES.iterdir()}


def _tsv(path: Path) -> list[dict[str, str]]:
    lines = [
        ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")
    ]
    head = lines[0].split("\t")
    return [dict(zip(head, ln.split("\t"), strict=True)) for ln in lines[1:]]


# ---------------------------------------------------------------- applying overrides to a tiny table


def test_an_override_replaces_the_point_and_adds_aliases_and_leaves_other_rows(build) -> None:
    rows = [
        ("Alpha", "", "AAA", "01", "10.000", "20.000", "50", "AA-1"),
        ("Beta", "Be", "AAA", "02", "11.000", "21.000", "50", "AA-2"),
        ("Gamma", "", "AAA", "03", "12.000", "22.000", "50", "AA-3"),
    ]
    overrides = [
        {"iso": "AA-1", "lat": "10.500", "lon": "20.750", "aliases": "", "reason": "moved"},
        {"iso": "AA-2", "lat": "", "lon": "", "aliases": "Be|Beta Region", "reason": "news name"},
        {"iso": "ZZ-9", "lat": "1.000", "lon": "1.000", "aliases": "", "reason": "gone"},
    ]
    out, unmatched = build.apply_overrides(ADMIN1_HEADER, rows, overrides, "iso")
    assert out[0] == ("Alpha", "", "AAA", "01", "10.500", "20.750", "50", "AA-1")
    assert out[1] == ("Beta", "Be|Beta Region", "AAA", "02", "11.000", "21.000", "50", "AA-2")  # no repeat
    assert out[2] == rows[2]
    assert unmatched == ["ZZ-9"]


def test_an_airport_override_keys_on_iata_and_a_county_cannot_take_aliases(build) -> None:
    header = ["name", "aliases", "country", "subdivision", "iata", "lat", "lon"]
    rows = [("Example Field Airport", "EXF Airport", "USA", "Ohio", "EXF", "40.0000", "-83.0000")]
    ov = [{"iata": "EXF", "lat": "", "lon": "-83.1000", "aliases": "Example Airport", "reason": "r"}]
    out, unmatched = build.apply_overrides(header, rows, ov, "iata")
    assert out == [
        ("Example Field Airport", "EXF Airport|Example Airport", "USA", "Ohio", "EXF", "40.0000", "-83.1000")
    ]
    assert unmatched == []
    counties = ["fips", "name", "state", "lat", "lon", "precision_km", "towns"]
    with pytest.raises(SystemExit):
        build.apply_overrides(
            counties,
            [("99001", "Example County", "OH", "40.000", "-83.000", "25", "3")],
            [{"fips": "99001", "lat": "", "lon": "", "aliases": "Example", "reason": "r"}],
            "fips",
        )


def test_the_admin1_build_step_applies_the_shipped_overrides(
    build, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The real admin1 writer on a one-town table, into a temporary folder: the Gao town would tie Mali's Gao
    region to its own point, and the override moves it; the Cordillera row gains its aliases."""
    shutil.copy(PLACES / "admin1_overrides.tsv", tmp_path)
    monkeypatch.setattr(build, "OUT_DIR", tmp_path)
    monkeypatch.setattr(
        build, "_country_points", lambda: {"MLI": (17.0, -4.0, 560.0), "PHL": (13.0, 122.0, 300.0)}
    )
    monkeypatch.setattr(build, "_iso3166_2_points", lambda: {})
    monkeypatch.setattr(build, "_geonames_admin1_names", lambda rows: {})
    before = _stamps()
    town = (1, "Gao", [("gao", 0)], 16.27, -0.04, "ML", "09", 86_000)
    out, n, _skipped = build._write_admin1([town])
    assert out == tmp_path / "admin1.tsv" and n > 0
    got = {r["iso"]: r for r in _tsv(out)}
    assert (got["ML-7"]["lat"], got["ML-7"]["lon"]) == ("16.500", "0.500")
    assert {"Cordillera", "Cordillera Administrative Region"} <= set(got["PH-15"]["aliases"].split("|"))
    assert got["ML-1"]["lat"] == "17.000"  # a row without an override keeps the generated point
    assert _stamps() == before  # the shipped files are untouched


# ---------------------------------------------------------------- the shipped files agree with their overrides


def test_the_shipped_admin1_agrees_with_every_override(build) -> None:
    overrides = build.read_overrides(PLACES / "admin1_overrides.tsv")
    assert "ML-7" in {o["iso"] for o in overrides}  # Mali's Gao region (places round 2 of session 18)
    rows = {r["iso"]: r for r in _tsv(PLACES / "admin1.tsv")}
    for ov in overrides:
        row = rows[ov["iso"]]
        assert ov["reason"], ov["iso"]
        for field in ("lat", "lon"):
            if ov[field]:
                assert abs(float(row[field]) - float(ov[field])) < 5e-4, (ov["iso"], field)
        assert set(filter(None, ov["aliases"].split("|"))) <= set(row["aliases"].split("|")), ov["iso"]


def test_the_audit_passes_the_shipped_overrides(audit) -> None:
    assert audit.check_overrides() == []


def test_the_audit_reports_a_stale_or_disagreeing_override(
    audit, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "admin1.tsv").write_text(
        "# generated\n" + "\t".join(ADMIN1_HEADER) + "\n"
        "Alpha\t\tAAA\t01\t10.000\t20.000\t50\tAA-1\n"
        "Beta\tBe\tAAA\t02\t11.000\t21.000\t50\tAA-2\n",
        encoding="utf-8",
    )
    (tmp_path / "admin1_overrides.tsv").write_text(
        "iso\tlat\tlon\taliases\treason\n"
        "AA-1\t10.500\t\t\tmoved by hand\n"
        "AA-2\t\t\tBeta Region\tnews name\n"
        "ZZ-9\t1.000\t1.000\t\tgone\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(audit, "DATA", tmp_path)
    problems = audit.check_overrides()
    assert any(p.startswith("admin1_overrides.tsv: AA-1 (lat 10.000") for p in problems)
    assert any(p.startswith("admin1_overrides.tsv: AA-2 (aliases missing") for p in problems)
    assert any(p.startswith("admin1_overrides.tsv: ZZ-9 (matches no row") for p in problems)
    assert len(problems) == 3
