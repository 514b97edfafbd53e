"""The events scorer compares actor countries under one spelling: the GSR's older codes and PLOVER 2.0's own."""

from __future__ import annotations

import pytest

from dateline.evaluate.events import _code


@pytest.mark.parametrize(
    ("ours", "gold"),
    [("EUR", "IGO"), ("UNO", "IGO"), ("JPN", "JAP"), ("DEU", "GER"), ("XKX", "KSV"), ("ROU", "ROM")],
)
def test_plover_codes_meet_the_gsr_spelling(ours: str, gold: str) -> None:
    assert _code(ours) == _code(gold)


@pytest.mark.parametrize(("ours", "gold"), [("USA", "GBR"), ("EUR", "NGO"), ("IGO", "IMG"), ("FRA", None)])
def test_different_codes_stay_different(ours: str, gold: str | None) -> None:
    assert _code(ours) != _code(gold)
