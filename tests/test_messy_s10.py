"""Messy scraped articles, session 10: the boilerplate, metadata, quote, size and factuality kinds that the third
batch of the messy check set (tests/fixtures/messy_s10) showed, each tested on sentences written for this file."""

from __future__ import annotations

import pytest

from dateline.clean import to_document
from dateline.factuality import classify
from dateline.model import RawArticle
from dateline.nlp import parse
from dateline.quotes import extract_quotes
from dateline.sizes import extract_sizes


def _clean(text: str):
    return to_document(RawArticle(source="a.txt", kind="txt", text=text))


_STORY = (
    "Fishermen blockade the port of Sfax\n\n"
    "Hundreds of fishermen blocked the port of Sfax on Friday to protest against new quotas, the union said.\n\n"
    "The coastguard escorted two ferries through the blockade later in the day, port officials said.\n\n"
)

# ---------------------------------------------------------------------- metadata


def test_a_page_dated_after_the_machines_today_keeps_its_stated_date() -> None:
    # htmldate caps dates at today's date; the page's own publication tag may be later (zone ahead, replayed archive)
    html = """<html><head><title>Port reopens | Gulf Mariner</title>
    <meta property="article:published_time" content="2031-05-02T08:00:00+04:00"></head><body><article>
    <h1>Port reopens</h1>
    <p>The port of Sohar reopened on Thursday after a two-day closure caused by high winds, the port authority said.</p>
    <p>Shipping agents said about forty vessels had waited at anchor outside the harbour.</p>
    </article></body></html>"""
    doc = to_document(RawArticle(source="p.html", kind="html", html=html))
    assert doc.published == "2031-05-02"


_PAGE = """<html><head><title>Port reopens | Gulf Mariner</title>{meta}</head><body><article>
    <h1>Port reopens</h1>
    <p>The port of Sohar reopened on Thursday after a two-day closure caused by high winds, the port authority said.</p>
    <p>Shipping agents said about forty vessels had waited at anchor outside the harbour.</p>
    </article><footer><p>&copy; 2025 Gulf Mariner</p></footer></body></html>"""


@pytest.mark.parametrize(
    "meta, published",
    [
        ("", None),  # only a copyright year: htmldate's "2025-01-01" is no publication day
        ('<meta property="article:published_time" content="2025-01-01T06:00:00+00:00">', "2025-01-01"),
        ('<meta property="article:published_time" content="2025-03-05">', "2025-03-05"),
    ],
)
def test_a_copyright_year_is_no_publication_day(meta: str, published: str | None) -> None:
    doc = to_document(RawArticle(source="p.html", kind="html", html=_PAGE.format(meta=meta)))
    assert doc.published == published


def test_a_masthead_line_and_a_bare_numeric_date_are_metadata() -> None:
    doc = _clean(
        "Fishermen blockade the port of Sfax\nMaghreb Ledger\n17/03/2027\n\n" + _STORY.split("\n\n", 1)[1]
    )
    assert doc.outlet == "Maghreb Ledger" and doc.published == "2027-03-17"
    assert doc.text.startswith("Hundreds of fishermen")
    # day and month could be either way round: the line goes, no date is taken from it
    doc = _clean("Fishermen blockade the port of Sfax\n04/03/2027\n\n" + _STORY.split("\n\n", 1)[1])
    assert "04/03/2027" not in doc.text and doc.published is None


# ---------------------------------------------------------------------- boilerplate


@pytest.mark.parametrize(
    "furniture",
    [
        "Have your say\nComments are moderated. Please keep them civil.",
        "Post a comment\nYour name\nYour email\nSubmit",
        "Sign up for The Morning Catch, our weekly fisheries newsletter.\nEnter your email address",
        "Tap here to get Maghreb Ledger alerts on your phone",
        "This story was updated at 16:40 with a statement from the ministry.",
        "Maghreb Ledger depends on readers. Donate today and keep independent news alive.",
    ],
)
def test_page_furniture_at_the_end_goes(furniture: str) -> None:
    doc = _clean(_STORY + furniture + "\n")
    assert doc.text.endswith("port officials said."), doc.text
    for line in furniture.split("\n"):
        assert line not in doc.text


def test_an_appeal_glued_to_the_first_sentence_goes() -> None:
    first = "Local journalism relies on your support: give to the Maghreb Ledger today."
    story = _STORY.replace("Hundreds of fishermen", first + "Hundreds of fishermen")
    doc = _clean(story)
    assert doc.text.startswith("Hundreds of fishermen blocked the port")
    assert any(r.kind == "donation" for r in doc.removed)


@pytest.mark.parametrize(
    "bio",
    [
        "Leila Ben Salah covers North Africa for the Maghreb Ledger. She is based in Tunis.",
        "Karim Haddad is Maghreb Ledger's Sfax correspondent.",
    ],
)
def test_an_author_bio_closing_a_short_story_goes(bio: str) -> None:
    doc = _clean(_STORY + bio + "\n")
    assert doc.text.endswith("port officials said.")
    assert any(r.kind == "author-bio" for r in doc.removed)


def test_a_caption_on_the_line_of_its_credit_goes_and_the_story_stays() -> None:
    below = _STORY + "Credit: Maghreb Ledger/Sami Trabelsi\nTrawlers line the quay in Sfax on Friday.\n\n"
    below += "The ministry said the quotas would be reviewed in June.\n"
    doc = _clean(below)
    assert "Trawlers line the quay" not in doc.text and "Sami Trabelsi" not in doc.text
    assert doc.text.endswith("reviewed in June.")
    # a report after a credit line is not a caption: it has a past tense and a source
    report = (
        _STORY + "Photographer: Sami Trabelsi\nThe minister met union leaders on Saturday, his office said.\n"
    )
    doc = _clean(report)
    assert "The minister met union leaders on Saturday" in doc.text


# ---------------------------------------------------------------------- quotes


def test_a_closing_source_the_parser_hung_on_the_last_noun_is_the_speaker() -> None:
    text = "Sweden has sent more than 250 marines and four corvettes to Gotland, a senior defence source told The Times."
    [q] = extract_quotes(parse(text, "2026-02-16"))
    assert q.speaker_text == "a senior defence source" and q.content.startswith("Sweden has sent")
    # a conjunct with its own subject is no report: nothing is quoted
    assert extract_quotes(parse("The army shelled the town and residents fled.", "2026-02-16")) == []


# ---------------------------------------------------------------------- sizes


def _sizes(text: str) -> list[tuple]:
    return [(s.min, s.max, s.unit) for s in extract_sizes(parse(text).spacy[:])]


def test_officials_are_counted_as_targets_but_not_as_sources() -> None:
    assert _sizes("Canada imposed sanctions on 14 Haitian officials and 3 businessmen.") == [
        (14, 14, "people"),
        (3, 3, "people"),
    ]
    assert _sizes("Police detained 8 opposition politicians in Dakar.") == [(8, 8, "people")]
    assert _sizes("Four officials said the convoy had been turned back.") == []
    assert _sizes("The convoy was turned back, according to two officials.") == []


# ---------------------------------------------------------------------- factuality


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("The navy would not comment on reports that its divers had been deployed.", "deployed", "alleged"),
        ("The ministry declined to confirm that tanks had entered the town.", "entered", "alleged"),
        ("The ministry did not confirm that tanks had entered the town.", "entered", "alleged"),
        ("The ministry would not send tanks into the town.", "send", "negated"),
        ("The ministry denied reports that tanks had entered the town.", "entered", "denied"),
        ("The ministry confirmed that tanks had entered the town.", "entered", "asserted"),
    ],
)
def test_a_refusal_to_speak_leaves_the_event_unconfirmed(text: str, word: str, expected: str) -> None:
    doc = parse(text, "2026-01-01")
    assert classify(next(t for t in doc.spacy if t.text == word), "2026-01-01") == expected
