"""Session 20 ("fields"): fixes found by the end-to-end field audit on coup, sea-incident, swap, border, cyber-attack,
truce and peacekeeping pages, half of them HTML (tests/data/e2e_s20), each by kind, each kind with at least two
differing sentences (invented text, none taken from a gold set or from the e2e pages). An embedded social post
(a tweet with its "— Name (@handle) date" line) stays in the text: it is often the statement the story reports, and the
article-extraction benchmark counts it as body (a rule cutting it lowered that DEV suite; removed by the lead).

- cleaning (patterns.tsv): section menus of four or more section names without bars or in brackets ("Home  Africa
  World  Business", "[ Front Page ] [ Africa ] [ World ] [ Sports ]"); old page tools ("E-mail this story to a
  friend | Printer-friendly version", "Previous story | Next story", "Web posted at: ..."); newsletter pitches ("Get
  the best of X in your inbox every Friday.") and their forms ("Email address | Subscribe");
- time (dateline/time.py): "on the night of the 10th", "in the early hours of the 3rd": a part of a day before an
  ordinal names that day of the month; "earlier/later in the day" is the day of the sentence just before when that
  sentence names one (else the publication day, as before); "the previous week/month" counts from a day named in
  the same or the sentence before, else from the publication date;
- quotes (dateline/quotes.py): a closing ", a diplomat who asked not to be named said." that the parser hung on the
  content's last noun as an apposition (the cue left without a subject) is the speaker.
"""

from __future__ import annotations

import pytest

from dateline.clean import to_document
from dateline.model import Document, RawArticle
from dateline.pipeline import process
from dateline.time import normalize

_STORY = (
    "Fishermen blocked the harbour entrance with dozens of boats on Thursday to protest new catch limits, the port "
    "authority said.\n\n"
    "Police towed several boats away in the afternoon and detained two skippers, a spokesman for the fishermen said.\n\n"
    "The fisheries minister said the limits would stay in place until stocks of cod and haddock had recovered, "
    "which scientists say could take a decade.\n\n"
    "Opposition lawmakers accused the government of ruining coastal towns and called for a vote in parliament on "
    "the new rules next month.\n"
)


def _doc(text: str):
    return to_document(RawArticle(source="page.txt", kind="txt", text=text, given={}))


def _page(block: str) -> str:
    paras = _STORY.split("\n\n")
    return "Fishermen blockade harbour over catch limits\n\n" + "\n\n".join(paras[:2] + [block] + paras[2:])


def _kept(doc) -> None:
    for para in _STORY.split("\n\n"):
        assert para.strip() in doc.text


# ---------------------------------------------------------------- menus, page tools, newsletter boxes


@pytest.mark.parametrize(
    "line",
    [
        "Home  Africa  World  Business  Sport  Multimedia",
        "[ Front Page ] [ Nation ] [ World ] [ Sports ] [ Archives ] [ Search ]",
        "News Politics Opinion Culture Travel",
        "E-mail this story to a friend | Printer-friendly version",
        "Printer-friendly version",
        "Previous story | Next story",
        "<< Previous article",
        "Web posted at: 10:22 a.m. GMT",
        "Web-posted on: 4 June 1999",
        "Get the best of the Harbour Gazette in your inbox every Friday.",
        "Get our morning briefing straight into your inbox.",
        "Email address | Subscribe",
        "Your email: Sign up",
    ],
)
def test_page_furniture_is_cut(line: str) -> None:
    doc = _doc(_page(line))
    assert line not in doc.text
    _kept(doc)


@pytest.mark.parametrize(
    "line",
    [
        "Home Office officials met fishermen's leaders in Aberdeen on Friday.",
        "Business groups said the blockade cost the port about 2 million euros a day.",
        "Readers can get the full report in the paper's weekend edition.",
    ],
)
def test_story_lines_like_furniture_stay(line: str) -> None:
    doc = _doc(_page(line))
    assert line in doc.text


# ---------------------------------------------------------------- time


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Artillery hit the town on the night of the 10th, killing four people.", "the 10th", "2020-10-10"),
        (
            "Gunmen stormed the village in the early hours of the 3rd, residents said.",
            "the 3rd",
            "2020-10-03",
        ),
        ("Drones struck a fuel depot on the morning of the 28th, the army said.", "the 28th", "2020-09-28"),
    ],
)
def test_part_of_a_day_before_an_ordinal(text: str, span: str, value: str) -> None:
    got = {t.text: t.value for t in normalize(text, "2020-10-12")}
    assert got.get(span) == value


def test_ordinal_of_a_noun_is_no_day() -> None:
    got = [
        t.text for t in normalize("The 10th Mountain Division left on the night of the parade.", "2020-10-12")
    ]
    assert "the 10th" not in got and "10th" not in " ".join(got)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Soldiers took over the radio station late Tuesday and cut its broadcasts, staff said.\n\n"
            "Troops arrested the defence minister earlier in the day, an aide said.",
            "2020-10-06",
        ),
        (
            "Rebels shelled the port on Sunday, officials said. Government jets bombed rebel positions later in "
            "the day.",
            "2020-10-11",
        ),
    ],
)
def test_earlier_in_the_day_is_the_day_just_named(text: str, value: str) -> None:
    got = {t.text: t.value for t in normalize(text, "2020-10-12")}
    key = next(k for k in got if k.endswith("in the day"))
    assert got[key] == value


@pytest.mark.parametrize(
    "text",
    [
        "Police cleared the camp on Thursday, officials said.\n\nAid groups protested.\n\nThe minister resigned "
        "earlier in the day.",
        "The parliament declared an emergency earlier in the day, the speaker said.",
    ],
)
def test_earlier_in_the_day_without_a_day_near_is_the_publication_day(text: str) -> None:
    got = {t.text: t.value for t in normalize(text, "2020-10-12")}
    assert got["earlier in the day"] == "2020-10-12"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Gunmen attacked a convoy late Thursday.\n\nThe army will deploy more troops, the minister said.\n\n"
            "France delivered 15 armoured vehicles the previous week.",
            "2010-W20",
        ),
        (
            "Rebels seized two villages on Monday.\n\nThe UN called for calm. Aid groups left the area.\n\n"
            "Donors had pledged new aid the previous month.",
            "2010-04",
        ),
    ],
)
def test_the_previous_week_far_from_a_named_day_counts_from_publication(text: str, value: str) -> None:
    got = {t.text: t.value for t in normalize(text, "2010-05-26")}
    key = next(k for k in got if k.startswith("the previous"))
    assert got[key] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Talks collapsed on 3 March. The two sides had met in Geneva the previous week.", "2010-W08"),
        ("The truce broke down on 20 January, after the rebels had rearmed the previous month.", "2009-12"),
    ],
)
def test_the_previous_week_next_to_a_named_day_counts_from_it(text: str, value: str) -> None:
    got = {t.text: t.value for t in normalize(text, "2010-05-26")}
    key = next(k for k in got if k.startswith("the previous"))
    assert got[key] == value


# ---------------------------------------------------------------- quotes: a closing source with a relative clause


def _quotes(text: str) -> list:
    doc = process([Document(id="q", text=text, published="2021-11-09")])[0]
    return doc.quotes


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "EU foreign ministers will impose new sanctions on the regime on Monday, a diplomat who asked not to "
            "be named said.",
            "a diplomat who asked not to be named",
        ),
        (
            "Germany sent more troops to Lithuania, an official who asked not to be identified said.",
            "an official who asked not to be identified",
        ),
    ],
)
def test_closing_source_with_a_relative_clause(text: str, speaker: str) -> None:
    qs = _quotes(text)
    assert qs and qs[0].speaker_text == speaker
    assert qs[0].content.startswith(text.split(",")[0])
