"""Troop figures by wording kind (session 20): our own sentences, not from the check sets or any gold data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluate.troops import OWN_S20, own_view
from dateline.link.troops import _text_figures


def _figs(text: str, published: str = "2023-05-10") -> set[tuple]:
    return {(f["sender"], f["place"], f["kind"], f["value"]) for f in _text_figures(text, published, "x")}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a share of a named force: the force is a level, whatever moves the share
        (
            "Oslo will bring home two-thirds of its 300 soldiers in Lithuania.",
            ("NOR", "LTU", "presence", 300),
        ),
        ("The Netherlands is to withdraw half of its 400 troops in Mali.", ("NLD", "MLI", "presence", 400)),
        # a move home in other verbs makes a described force a withdrawal
        ("The 250 Swedish soldiers in Mali went home in June.", ("SWE", "MLI", "withdraw", 250)),
        (
            "Ireland's 340-strong contingent in Lebanon rotated home last week.",
            ("IRL", "LBN", "withdraw", 340),
        ),
        ("Hungary's 150 troops in Chad are coming home.", ("HUN", "TCD", "withdraw", 150)),
        # a level by hearsay: "to be in" is no move "to"
        ("About 800 Iranian troops are said to be in Iraq.", ("IRN", "IRQ", "presence", 800)),
        ("Roughly 2,000 Eritrean soldiers are reported to be in Ethiopia.", ("ERI", "ETH", "presence", 2000)),
        # troop nouns dateline.sizes does not read as troops
        ("Nepal has about 900 blue helmets in Lebanon.", ("NPL", "LBN", "presence", 900)),
        ("Some 600 French legionnaires are based in Djibouti.", ("FRA", "DJI", "presence", 600)),
        ("The US keeps 300 airmen in Niger.", ("USA", "NER", "presence", 300)),
        # the number in an apposition after the troop noun
        ("Kenyan soldiers, some 3,500 of them, are serving in Somalia.", ("KEN", "SOM", "presence", 3500)),
        ("Italian troops, roughly 900 of them, remain in Iraq.", ("ITA", "IRQ", "presence", 900)),
        # "<force> numbers N" with no troop noun after the number
        ("The British garrison in the Falklands numbers about 1,200.", ("GBR", "FLK", "presence", 1200)),
        ("Germany's contingent in Lithuania numbers roughly 1,000.", ("DEU", "LTU", "presence", 1000)),
        # "on" an island or heights names the place
        ("About 2,000 US marines are based on Okinawa.", ("USA", "JPN", "presence", 2000)),
        ("Britain keeps 1,200 soldiers on the Falklands.", ("GBR", "FLK", "presence", 1200)),
        # a country named after "at its" (a base) is the place
        ("Turkey keeps 3,000 soldiers at its Qatar base.", ("TUR", "QAT", "presence", 3000)),
        ("The US has about 900 troops at its Niger drone base.", ("USA", "NER", "presence", 900)),
        # "a N-strong" unit after a move verb: the verb decides
        ("Spain sent a 300-strong company to Slovakia.", ("ESP", "SVK", "deploy", 300)),
        ("Berlin will deploy a 1,500-strong brigade to Lithuania.", ("DEU", "LTU", "deploy", 1500)),
        # a province as the place (data row)
        ("Australia had 1,500 troops in Oruzgan in 2010.", ("AUS", "AFG", "presence", 1500)),
        ("The last 400 Dutch soldiers left Uruzgan in August.", ("NLD", "AFG", "withdraw", 400)),
    ],
)
def test_wording_kinds_s20(text: str, want: tuple) -> None:
    assert want in _figs(text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a past rise "rose from A to B": A the earlier level, B takes the kind of the change
        (
            "The Polish contingent in Kosovo rose from 100 to 300 troops.",
            {("POL", "XKX", "presence", 100), ("POL", "XKX", "deploy", 300)},
        ),
        (
            "The US force in Poland has risen from 4,500 to 10,000.",
            {("USA", "POL", "presence", 4500), ("USA", "POL", "deploy", 10000)},
        ),
        # "from A <troop noun> to B"
        (
            "Canada will trim its force in Iraq from 850 soldiers to 500.",
            {("CAN", "IRQ", "presence", 850), ("CAN", "IRQ", "withdraw", 500)},
        ),
        # a demonym between a possessive and a troop noun is the place, the subject the sender
        (
            "Spain plans to raise its Latvian contingent from 350 troops to 600.",
            {("ESP", "LVA", "presence", 350), ("ESP", "LVA", "deploy", 600)},
        ),
        ("Moscow's Syrian garrison numbers some 3,000 soldiers.", {("RUS", "SYR", "presence", 3000)}),
        # "N of its M": the share moves, the force is a level
        (
            "Portugal pulled 90 of its 180 soldiers out of Romania.",
            {("PRT", "ROU", "withdraw", 90), ("PRT", "ROU", "presence", 180)},
        ),
        # a subset after "including a/some" is no figure of its own
        (
            "Italy has 1,000 troops in Lebanon, including a 200-strong engineer unit.",
            {("ITA", "LBN", "presence", 1000)},
        ),
        (
            "France has 1,500 soldiers in Chad, including some 300 special forces.",
            {("FRA", "TCD", "presence", 1500)},
        ),
        # massing "on" a border stays on the sender's soil
        ("Russia has gathered 50,000 troops on the Finnish border.", {("RUS", "RUS", "presence", 50000)}),
        ("Armenia massed 4,000 soldiers on Azerbaijan's border.", {("ARM", "ARM", "presence", 4000)}),
    ],
)
def test_exact_figures_s20(text: str, want: set) -> None:
    assert _figs(text) == want


def test_own_s20_registered_with_batches() -> None:
    rows = [
        json.loads(line) for line in Path(OWN_S20).read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    assert {r["batch"] for r in rows} == {"A", "B"} and len(rows) >= 100
    view = own_view(OWN_S20)
    assert set(view) == {"text_A", "text_B"}
    assert view["text_A"]["overall"]["F1"] >= 0.9  # batch A is tuned on; batch B is reported, not asserted


@pytest.mark.parametrize(
    ("sentence", "name", "want"),
    [
        # "on" before a country without an article is a topic, not a place
        ("The report's assumptions on Iraq were wrong.", "Iraq", False),
        ("Ministers held a vote on Syria yesterday.", "Syria", False),
        # "on" before a base or island, or "on the" before a name, is a place
        ("Some 2,000 marines are based on Okinawa.", "Okinawa", True),
        ("A UN force serves on the Golan Heights.", "Golan Heights", True),
    ],
)
def test_on_is_a_place_only_for_bases_and_islands(sentence: str, name: str, want: bool) -> None:
    from dateline.link.troops import _at_place, _mentions

    c = next(m for m in _mentions(sentence) if m[3] == name)
    assert _at_place(sentence, c) is want
