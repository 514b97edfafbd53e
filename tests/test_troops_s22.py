"""Troop figures by wording kind (session 22): our own sentences, not from the check sets or any gold data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluate.troops import OWN_S22, own_view
from dateline.link.troops import _text_figures


def _figs(text: str, published: str = "2023-05-10") -> set[tuple]:
    return {(f["sender"], f["place"], f["kind"], f["value"]) for f in _text_figures(text, published, "x")}


def _dated(text: str, published: str = "2023-05-10") -> set[tuple]:
    return {(f["value"], f["date"]) for f in _text_figures(text, published, "x")}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # troops next to police in one sentence: the troops are a figure, the police are not
        (
            "Zambia has 900 soldiers and 160 police officers with the UN force in the Central African Republic.",
            {("ZMB", "CAF", "presence", 900)},
        ),
        (
            "Brazil sent 250 gendarmes and 800 troops to Haiti.",
            {("BRA", "HTI", "deploy", 800)},
        ),
        # a contribution to a standing mission is a level
        (
            "Uruguay contributes 900 soldiers to the UN mission in Congo.",
            {("URY", "COD", "presence", 900)},
        ),
        (
            "Fiji provides about 500 peacekeepers to the UN force in Lebanon.",
            {("FJI", "LBN", "presence", 500)},
        ),
        # a base named without its country gives the country it lies in (data rows)
        (
            "About 600 US airmen are based at Aviano.",
            {("USA", "ITA", "presence", 600)},
        ),
        (
            "Some 1,000 Russian troops are stationed at Gyumri.",
            {("RUS", "ARM", "presence", 1000)},
        ),
        (
            "Britain has roughly 1,000 personnel at Mount Pleasant.",
            {("GBR", "FLK", "presence", 1000)},
        ),
        # one nation's part of a multinational force; the alliance total has no sender
        (
            "The NATO battlegroup in Lithuania has 1,600 troops, 800 of them German.",
            {("DEU", "LTU", "presence", 800)},
        ),
        (
            "Of the 2,000 soldiers in the multinational brigade in Bulgaria, 700 are Italian and 300 are Albanian.",
            {("ITA", "BGR", "presence", 700), ("ALB", "BGR", "presence", 300)},
        ),
        (
            "The UN force in Lebanon has 10,000 troops, 1,000 of whom are Indonesian.",
            {("UNO", "LBN", "presence", 10000), ("IDN", "LBN", "presence", 1000)},
        ),
        # the lead nation of an alliance force is not the sender of its total
        (
            "Turkey commands the NATO force in Kosovo, where 4,000 troops serve, including 400 Turks.",
            {("TUR", "XKX", "presence", 400)},
        ),
        # several figures with several years: each keeps its own level kind
        (
            "The Polish contingent in Chad stood at 400 in 2008 and was down to 150 in 2010.",
            {("POL", "TCD", "presence", 400), ("POL", "TCD", "presence", 150)},
        ),
        # a later level of the same force: "only N remained"
        (
            "Canada had 2,500 soldiers in Kandahar in 2010, and by 2012 just 900 remained.",
            {("CAN", "AFG", "presence", 2500), ("CAN", "AFG", "presence", 900)},
        ),
        (
            "Hungary sent 400 troops to Chad in 2008; a year later 150 were left.",
            {("HUN", "TCD", "deploy", 400), ("HUN", "TCD", "presence", 150)},
        ),
        # a headline names the host; the body refers back to it ("there", "in the country", "at the base")
        (
            "Austria renews Bosnia deployment\nSome 300 Austrian soldiers will stay there for another year.",
            {("AUT", "BIH", "presence", 300)},
        ),
        (
            "Spain extends Turkey mission\nThe 150 Spanish troops in the country will remain until June.",
            {("ESP", "TUR", "presence", 150)},
        ),
        (
            "Italy winds down Djibouti post\nThe 90 Italian soldiers at the base will return home in March.",
            {("ITA", "DJI", "withdraw", 90)},
        ),
    ],
)
def test_wording_kinds_s22(text: str, want: set) -> None:
    assert _figs(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # each figure is dated by its own year
        (
            "Belgium had 900 soldiers in Kosovo in 1999 and about 300 in 2005.",
            {(900, "1999"), (300, "2005")},
        ),
        (
            "The Polish contingent in Chad stood at 400 in 2008 and was down to 150 in 2010.",
            {(400, "2008"), (150, "2010")},
        ),
        # a number named as today's takes the publication date
        (
            "The Swedish force in Mali, which peaked at about 400 in 2019, is now some 150 strong.",
            {(400, "2019"), (150, "2023-05-10")},
        ),
        # one year before all the numbers dates them all
        (
            "In 2010, Britain had 9,000 troops in Helmand and 500 in Kabul.",
            {(9000, "2010"), (500, "2010")},
        ),
        # "by YEAR" dates a level too
        (
            "Cuba had about 20,000 soldiers in Ethiopia by 1978.",
            {(20000, "1978")},
        ),
    ],
)
def test_year_per_figure_s22(text: str, want: set) -> None:
    assert _dated(text) == want


@pytest.mark.parametrize(
    "text",
    [
        # police, gendarmes and civilian units are not troops
        "Nepal will fly a 180-strong police unit to Monrovia.",
        "A 300-strong gendarmerie squadron left France for Haiti.",
        "Jordan flew a 160-strong formed police contingent to Darfur.",
        "Senegal has 400 gendarmes in Mali.",
        # a figure inside a report or claim the sentence denies, dismisses or rejects
        "Claims that Belarus had moved 8,000 soldiers to the Polish border were dismissed by Minsk.",
        "Ankara rejected reports of 1,500 Turkish troops in Libya.",
        "Rumours that 600 Chinese troops were in Pakistan are false, the embassy said.",
    ],
)
def test_lookalikes_s22(text: str) -> None:
    assert _figs(text) == set()


def test_report_without_denial_is_kept() -> None:
    assert _figs("Local media reported that Sweden had sent 120 soldiers to Latvia.") == {
        ("SWE", "LVA", "deploy", 120)
    }


def test_troops_next_to_police_words_are_kept() -> None:
    assert _figs("Italy sent 150 troops guarding police stations to Kosovo.") == {
        ("ITA", "XKX", "deploy", 150)
    }


def test_own_s22_registered_with_batches() -> None:
    rows = [
        json.loads(line) for line in Path(OWN_S22).read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    assert {r["batch"] for r in rows} == {"E", "F"} and len(rows) >= 80
    view = own_view(OWN_S22)
    assert set(view) == {"text_E", "text_F"}
    assert view["text_E"]["overall"]["F1"] >= 0.9  # batch E is tuned on; batch F is reported, not asserted
