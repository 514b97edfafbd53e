"""Session 15 actor kinds (our own invented sentences).

A capitalised "... Editorial Board" is a newspaper's board (JRN), not the public body the head word "Board" names
elsewhere ("the Parole Board", session 14).

"We", "us" and "our" inside a direct quotation stand for the side the quotation's speaker speaks for (seen in the
demo corpus): the speaker's country and sector, not the last plural mention before it (which was an unplaced
"Defense" there). With an unplaced speaker, the pronoun is resolved as before."""

from __future__ import annotations

import pytest

from dateline.actors import code_actor
from dateline.model import Document
from dateline.pipeline import process


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("the Editorial Board", "JRN"),
        ("The Valley Gazette Editorial Board", "JRN"),
        ("the Parole Board", "GOV"),
        ("the Securities and Exchange Board", "GOV"),
    ],
)
def test_an_editorial_board_is_the_papers(text: str, sector: str) -> None:
    assert code_actor(text).sector == sector


def _event(text: str, trigger: str):
    doc = process([Document(id="a15", text=text, published="2026-04-02")])[0]
    return next(e for e in doc.events if e.event_text == trigger)


def test_we_in_a_quote_is_the_speakers_government():
    text = ('Defence Minister Lena Varga of Hungary spoke at the Defence Ministry. "We will send two hundred soldiers to '
            'the border," she told reporters.')  # fmt: skip
    ev = _event(text, "send")
    assert [(a.text, a.country, a.sector, a.name) for a in ev.actor] == [("We", "HUN", "GOV", None)]


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ('"Militants fired on us at dawn near the bridge," said a spokesman for the Nigerian army.', "fired", "NGA"),
        ('"Rebels attacked us twice this week," an officer of the Malian army told reporters in Bamako.', "attacked",
         "MLI"),
    ],
)  # fmt: skip
def test_us_in_a_quote_is_the_speakers_force(text: str, trigger: str, country: str):
    ev = _event(text, trigger)
    assert [(a.text, a.country, a.sector) for a in ev.recipient] == [("us", country, "MIL")]


def test_an_unplaced_speaker_lends_nothing():
    ev = _event(
        'Villagers gathered in the square. "Soldiers fired on us at dawn," one of them said.', "fired"
    )
    assert [(a.text, a.country) for a in ev.recipient] == [("us", None)]
