"""Troop figures by wording kind (session 11): our own sentences, not from the check set or any gold data."""

from __future__ import annotations

import pytest

from dateline.evaluate.troops import own_view
from dateline.link.troops import _text_figures


def _figs(text: str, published: str = "2023-05-10") -> set[tuple]:
    return {(f["sender"], f["place"], f["kind"], f["value"]) for f in _text_figures(text, published, "x")}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a force named by its strength
        (
            "Portugal's 180-strong contingent in Romania held drills this week.",
            ("PRT", "ROU", "presence", 180),
        ),
        # a described force that a verb moves out is a withdrawal, a level otherwise
        ("Hungary's 200 soldiers in Chad will return home in March.", ("HUN", "TCD", "withdraw", 200)),
        (
            "The 400 Dutch troops stationed in Lithuania will be joined by tanks.",
            ("NLD", "LTU", "presence", 400),
        ),
        # the host as subject, "U.S." kept whole by the sentence splitter
        ("Qatar hosts some 8,000 U.S. troops at its main air base.", ("USA", "QAT", "presence", 8000)),
        # capitals and defence bodies as senders, a city as the place
        ("Moscow keeps about 900 soldiers in Gyumri.", ("RUS", "ARM", "presence", 900)),
        ("The Pentagon will send 150 marines to Honduras.", ("USA", "HND", "deploy", 150)),
        # a hedge word ("more") is not a deployment cue; "had" before a participle is no level cue
        ("Japan has more than 200 troops in Djibouti.", ("JPN", "DJI", "presence", 200)),
        ("Officials said 90 Latvian soldiers had arrived in Iraq.", ("LVA", "IRQ", "deploy", 90)),
        # a modifier between the preposition and the country; a verb that takes the place
        (
            "About 350 Georgian troops are still serving in southern Afghanistan.",
            ("GEO", "AFG", "presence", 350),
        ),
        ("Roughly 600 Armenian peacekeepers have left Kazakhstan.", ("ARM", "KAZ", "withdraw", 600)),
        # massing at a border: the sender's own soil
        ("Belarus has massed some 20,000 troops near its border.", ("BLR", "BLR", "presence", 20000)),
        # the UN as a sender, a region across countries as a null place
        (
            "The UN has roughly 12,000 peacekeepers in the Central African Republic.",
            ("UNO", "CAF", "presence", 12000),
        ),
        ("Italy has about 400 troops in the Sahel.", ("ITA", None, "presence", 400)),
    ],
)
def test_wording_kinds(text: str, want: tuple) -> None:
    assert want in _figs(text)


def test_change_from_to_gives_level_and_target() -> None:
    got = _figs("Spain will trim its garrison in Latvia from 600 to 450 troops.")
    assert ("ESP", "LVA", "presence", 600) in got and ("ESP", "LVA", "withdraw", 450) in got
    got = _figs("Canada will expand its force in Poland from 300 to 1,000.")
    assert ("CAN", "POL", "presence", 300) in got and ("CAN", "POL", "deploy", 1000) in got


def test_ellipsis_and_there() -> None:
    got = _figs("Norway has 120 troops in Lithuania and 40 in Iraq.")
    assert {("NOR", "LTU", "presence", 120), ("NOR", "IRQ", "presence", 40)} <= got
    got = _figs("Sweden has 300 soldiers in Latvia, and Finland has 150 there.")
    assert ("FIN", "LVA", "presence", 150) in got


def test_dated_figure_and_offsets() -> None:
    text = "Reports said that in 2008, Poland had roughly 900 troops in Iraq."
    (f,) = _text_figures(text, "2015-03-01", "d")
    assert f["date"] == "2008" and f["qualifier"] == "about"
    assert text[f["start"] : f["end"]] == "roughly 900 troops"
    text = "A 900-strong Danish battalion in Estonia will be reinforced next year."
    (g,) = _text_figures(text, "2020-01-01", "d")
    assert (g["sender"], g["value"], g["kind"]) == ("DNK", 900, "presence")
    assert text[g["start"] : g["end"]] == g["size_text"]


@pytest.mark.parametrize(
    "text",
    [
        "Police deployed 2,000 officers to the stadium in Milan.",
        "More than 50 soldiers were killed in Syria last month.",
        "A spokesman denied that 5,000 Turkish troops would be sent to Libya.",
        "Greece might send 300 soldiers to Cyprus if talks fail.",
        "Britain has 8 warships and 40 jets in the Gulf.",
        "Three British soldiers were charged in Germany.",
        "Some 45 percent of French troops in Africa are in Chad.",
        "The bank's 2,000 sales troops in France will get new targets.",
    ],
)
def test_look_alikes_give_no_figure(text: str) -> None:
    assert not _text_figures(text, "2022-01-01", "x")


def test_own_check_set_view() -> None:
    view = own_view()["text"]
    assert view["overall"]["gold"] == 154
    assert view["overall"]["F1"] >= 0.9
    assert view["by_wording"]["negative"]["found"] == 0


def test_tracker_merges_events_with_the_sentence_reading() -> None:
    from dateline.link.troops import _merged

    text = "Moscow has amassed about 60,000 soldiers along Georgia's border."
    (t,) = _text_figures(text, "2021-04-01", "d")
    base = {"doc_id": "d", "start": t["start"], "sender": "RUS", "value": 60000, "source": "event"}
    moved = _merged([{**base, "place": "GEO", "kind": "deploy", "factuality": "asserted"}], [t])
    assert [(f["place"], f["kind"], f["source"]) for f in moved] == [("RUS", "presence", "event")]
    # a denied or hypothetical move is no figure, and the text reading of it is not added back
    assert _merged([{**base, "place": "GEO", "kind": "deploy", "factuality": "denied"}], [t]) == []
    assert _merged([], [t]) == [t]
