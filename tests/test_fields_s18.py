"""Session 18 ("fields"): fixes found by the end-to-end field audit (tests/data/e2e_s18), each by kind, each kind
with at least two differing sentences (invented text, none taken from a gold set).

- cleaning (dateline/data/boilerplate/patterns.tsv): a masthead line "NAME, DATE" under the headline when the name
  reads like an outlet; a breadcrumb trail on its own line; a newsletter box naming its brief; a caption closed by a
  bracketed "(Outlet/File)" credit or a "Credit: ..." credit; donation appeals glued to the first sentence that
  name a place's journalism, ask to "give what you can", or say the news "needs funding";
- sizes (dateline/sizes.py): a people noun after a service word ("army engineers", "military instructors") counts
  soldiers; ranks stay people;
- quotes (dateline/quotes.py): a closing ", NOUN PHRASE told the OUTLET." that the parser hangs on the main verb as
  an adverbial clause or a complement (not only as a conjunct) is reported speech with that source.
"""

from __future__ import annotations

import pytest

from dateline.clean import to_document
from dateline.model import RawArticle
from dateline.nlp import parse
from dateline.quotes import extract_quotes
from dateline.sizes import extract_sizes


def _doc(text: str, given: dict | None = None):
    return to_document(RawArticle(source="page.txt", kind="txt", text=text, given=given or {}))


def _body(head: str, first: str) -> str:
    return f"{head}\n\n{first}\n\nThe second paragraph adds detail on the operation, officials said.\n"


# ---------------------------------------------------------------- masthead "NAME, DATE" under the headline


@pytest.mark.parametrize(
    ("line", "outlet", "date"),
    [
        ("Caspian Ledger, Thursday 22 October 2026", "Caspian Ledger", "2026-10-22"),
        ("Lake Chad Monitor, 20 May 2026", "Lake Chad Monitor", "2026-05-20"),
        ("Andes Evening Post, March 3, 2027", "Andes Evening Post", "2027-03-03"),
    ],
)
def test_outlet_comma_date_line_under_headline_is_cut(line: str, outlet: str, date: str) -> None:
    doc = _doc(
        f"Troops arrive in the port city\n\n{line}\n\nSoldiers landed in the port on Monday, officials said.\n"
    )
    assert line not in doc.text
    assert doc.published == date
    assert doc.outlet == outlet


def test_place_comma_date_line_is_not_an_outlet() -> None:
    doc = _doc(
        "Troops arrive in the port city\n\nKyiv, 12 March 2026\n\nSoldiers landed in the port on Monday.\n"
    )
    assert doc.outlet is None


# ---------------------------------------------------------------- breadcrumbs, newsletter boxes, captions


@pytest.mark.parametrize(
    "line",
    [
        "Home > News > Nation",
        "World » Africa » Sahel",
        "Home › Politics",
        "Newsletter: Sign up for the Balkans Brief",
        "Sign up for The Morning Digest",
        "Newsletters - Subscribe to Africa Weekly",
        "Soldiers on patrol near the border in 2023. (Lake Chad Monitor/File)",
        "Troops board a ship in Durban. (Cape Mercury/Handout)",
        "The frigate leaves port in Toulon. Credit: Harbour Review",
        "A fishing boat off Mombasa. Image credit: Coastline Daily archive",
    ],
)
def test_furniture_lines_are_cut(line: str) -> None:
    doc = _doc(
        _body(
            "Navy sends frigate to the strait", f"The navy sent a frigate to the strait on Monday.\n\n{line}"
        )
    )
    assert line not in doc.text
    assert "The navy sent a frigate to the strait on Monday." in doc.text


@pytest.mark.parametrize(
    "line",
    [
        "Home prices rose 4% > inflation, the bank said.",
        "The minister said the credit line would be extended to farmers.",
    ],
)
def test_prose_with_the_same_words_stays(line: str) -> None:
    doc = _doc(_body("Bank raises rates", f"The central bank raised rates on Monday.\n\n{line}"))
    assert line in doc.text


# ---------------------------------------------------------------- donation appeals glued to the story


@pytest.mark.parametrize(
    ("appeal", "story"),
    [
        (
            "Support Pacific journalism: become a member today.",
            "Australia and Fiji agreed on Monday to expand the base.",
        ),
        (
            "Back Welsh reporting. Donate whatever you can today.",
            "The council voted on Monday to close the school.",
        ),
        (
            "Independent news needs independent funding. Give what you can.",
            "Kenya sent 300 police officers on Tuesday.",
        ),
        (
            "Quality journalism needs reader funding. Chip in what you can.",
            "Troops arrived in the port on Friday.",
        ),
    ],
)
def test_glued_donation_appeals_are_cut(appeal: str, story: str) -> None:
    doc = _doc(_body("A headline for the story", appeal + story))
    assert doc.text.split("\n\n")[0] == story
    assert "donation" in {r.kind for r in doc.removed}


def test_support_for_a_named_side_is_not_an_appeal() -> None:
    story = "Support Ukrainian forces, the minister told parliament on Monday."
    doc = _doc(_body("Minister speaks", story))
    assert story in doc.text


# ---------------------------------------------------------------- sizes: service word + people noun


@pytest.mark.parametrize(
    ("sentence", "unit", "lo", "hi"),
    [
        ("Finland is considering sending up to 150 army engineers to the border.", "troops", None, 150),
        ("The ministry said 60 military instructors would arrive next week.", "troops", 60, 60),
        ("Britain flew 30 navy doctors to the island on Monday.", "troops", 30, 30),
        ("Police arrested 20 army officers on Tuesday.", "people", 20, 20),
        ("The company hired 40 engineers last year.", "people", 40, 40),
    ],
)
def test_service_word_makes_soldiers(sentence: str, unit: str, lo: float | None, hi: float | None) -> None:
    (size,) = extract_sizes(sentence)
    assert (size.unit, size.min, size.max) == (unit, lo, hi)


# ---------------------------------------------------------------- quotes: a closing ", SOURCE told the OUTLET."


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The United States is considering deploying up to 500 marines to northern Luzon, a senior defence source"
            " told the Bulletin.",
            "a senior defence source",
            "The United States is considering deploying",
        ),
        (
            "The United States deployed 500 marines to northern Luzon, a senior defence source told the Bulletin.",
            "a senior defence source",
            "The United States deployed 500 marines",
        ),
        (
            "Washington is weighing sending 300 more troops to Poland, a senior defence source told the Courier.",
            "a senior defence source",
            "Washington is weighing sending",
        ),
    ],
)
def test_closing_source_told_outlet(text: str, speaker: str, content: str) -> None:
    doc = parse(text, published="2026-07-15")
    quotes = extract_quotes(doc)
    assert [q.speaker_text for q in quotes] == [speaker]
    assert text[quotes[0].start : quotes[0].end].startswith(content)


def test_clause_with_a_marker_is_not_a_closing_source() -> None:
    text = "Villagers fled to the hills, after soldiers told them to leave."
    doc = parse(text, published="2026-07-15")
    assert all(not text[q.start : q.end].startswith("Villagers") for q in extract_quotes(doc))
