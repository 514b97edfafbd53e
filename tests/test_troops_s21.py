"""Troop figures by wording kind (session 21): our own sentences, not from the check sets or any gold data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluate.troops import OWN_S21, own_view
from dateline.link.troops import _text_figures


def _figs(text: str, published: str = "2023-05-10") -> set[tuple]:
    return {(f["sender"], f["place"], f["kind"], f["value"]) for f in _text_figures(text, published, "x")}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a troop table flattened to text: the header names the sender, each item a host and its level
        (
            "Dutch deployments in brief: Jordan 150 | Lithuania 270 | Mali 90.",
            {
                ("NLD", "JOR", "presence", 150),
                ("NLD", "LTU", "presence", 270),
                ("NLD", "MLI", "presence", 90),
            },
        ),
        (
            "Spanish troops overseas: Lebanon: 650; Latvia: 500; Turkey: 150.",
            {
                ("ESP", "LBN", "presence", 650),
                ("ESP", "LVA", "presence", 500),
                ("ESP", "TUR", "presence", 150),
            },
        ),
        (
            "Where Portugal's soldiers serve — Romania: 220, Kosovo: 90",
            {("PRT", "ROU", "presence", 220), ("PRT", "XKX", "presence", 90)},
        ),
        # a list after a troop header, one sender per item: "Sender N in Host"
        (
            "Force levels: Norway 120 in Lithuania, Finland 200 in Lebanon.",
            {("NOR", "LTU", "presence", 120), ("FIN", "LBN", "presence", 200)},
        ),
        (
            "Contingents at a glance: Austria 300 in Kosovo, Ireland 350 in Lebanon, Chile 40 in Cyprus.",
            {
                ("AUT", "XKX", "presence", 300),
                ("IRL", "LBN", "presence", 350),
                ("CHL", "CYP", "presence", 40),
            },
        ),
        # a rotation: the arriving troops deploy, the replaced ones leave
        (
            "Around 350 Czech soldiers are to replace the 300 rotating out of Slovakia.",
            {("CZE", "SVK", "deploy", 350), ("CZE", "SVK", "withdraw", 300)},
        ),
        (
            "A company of 140 Slovenian troops relieved the 130 going home from Latvia.",
            {("SVN", "LVA", "deploy", 140), ("SVN", "LVA", "withdraw", 130)},
        ),
        # a level named by "peaked at" / "stood at" without a troop noun after the number
        (
            "The Spanish force in Afghanistan peaked at 1,500 in 2010.",
            {("ESP", "AFG", "presence", 1500)},
        ),
        (
            "Poland's contingent in Iraq, which stood at about 2,500 in 2004, has long gone.",
            {("POL", "IRQ", "presence", 2500)},
        ),
        # one sender's share of a multinational force: the alliance total is no figure
        (
            "Of the 5,000 NATO troops in Lithuania, Germany contributes around 1,500.",
            {("DEU", "LTU", "presence", 1500)},
        ),
        (
            "Of the 2,500 EU soldiers in the Central African Republic, Georgia supplies 150.",
            {("GEO", "CAF", "presence", 150)},
        ),
        # a place named before ", where" is where the level after it is
        (
            "Belgian pilots fly from Amman, Jordan, where Belgium keeps 110 troops.",
            {("BEL", "JOR", "presence", 110)},
        ),
        (
            "Swedish troops train near Adazi, Latvia, where Sweden has some 600 soldiers.",
            {("SWE", "LVA", "presence", 600)},
        ),
        # aircrew and military trainers are troops; vague numbers before them count
        ("The Netherlands has about 150 aircrew in Lithuania.", {("NLD", "LTU", "presence", 150)}),
        ("Some 80 Belgian aircrew are based in Romania.", {("BEL", "ROU", "presence", 80)}),
        ("Turkey keeps several hundred military advisers in Libya.", {("TUR", "LBY", "presence", 300)}),
        ("France has a few hundred military instructors in Mali.", {("FRA", "MLI", "presence", 200)}),
    ],
)
def test_wording_kinds_s21(text: str, want: set) -> None:
    assert _figs(text) == want


@pytest.mark.parametrize(
    "text",
    [
        # a table without troops in its header, or with one item only, is no troop table
        "Election turnout: Estonia 64 | Latvia 59 | Lithuania 48.",
        "Gas imports by country: Norway 420; Algeria 180; Qatar 90.",
        "French troops abroad: Mali 2,400.",
        # police and contractors are no troops, whatever counts them
        "Italy sent a few hundred police trainers to Libya.",
        "Roughly 2,000 security contractors guard US bases in Iraq.",
        # a rotation of something else, or a peak of something else, is no troop figure
        "The ministry will replace the 300 trucks the troops use in Mali.",
        "Oil output peaked at 3,200 barrels a day in 2004.",
    ],
)
def test_lookalikes_s21(text: str) -> None:
    assert _figs(text) == set()


def test_own_s21_registered_with_batches() -> None:
    rows = [
        json.loads(line) for line in Path(OWN_S21).read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    assert {r["batch"] for r in rows} == {"C", "D"} and len(rows) >= 100
    view = own_view(OWN_S21)
    assert set(view) == {"text_C", "text_D"}
    assert view["text_C"]["overall"]["F1"] >= 0.9  # batch C is tuned on; batch D is reported, not asserted
