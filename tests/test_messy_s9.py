"""Messy scraped articles end to end: the boilerplate, date, number and factuality kinds fixed in session 9, the
long-text parse, and the `messy` eval suite on tests/fixtures/messy_s9 (floors at the figures reached)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline import nlp, pipeline
from dateline.clean import to_document
from dateline.factuality import classify
from dateline.model import Document, RawArticle
from dateline.nlp import parse
from dateline.sizes import extract_sizes
from dateline.time import normalize

# ---------------------------------------------------------------------- cleaning


_PAGE = """Ferry workers stop work in Piraeus
By Eleni Markou, Aegean Courier, April 4, 2024

Ferry crews in Piraeus stopped work for 24 hours on Wednesday over a new pay deal, their union said.

Crew members stand by a moored ferry in Piraeus on Wednesday. AFP/Nikos Stavrou

Tap to follow Aegean Courier

Ferry operators said the stoppage left thousands of travellers stranded on the islands.

Please donate blood at the port clinic, the health authority urged travellers.

Deckhands wait on the quay on Wednesday. Photo / Supplied

Follow Aegean Courier on WhatsApp

This article first appeared on Island Wire.

Donate

source: https://www.aegeancourier.example.gr/news/ferries-stop

Leave a Reply Cancel reply
You must be logged in to post a comment.
"""


def test_scraped_page_loses_its_furniture_and_keeps_its_story() -> None:
    doc = to_document(RawArticle(source="page.txt", kind="txt", text=_PAGE))
    for body in (
        "Ferry crews in Piraeus stopped work for 24 hours on Wednesday",
        "left thousands of travellers stranded on the islands",
        "Please donate blood at the port clinic",  # an appeal of the story, not of the outlet
    ):
        assert body in doc.text
    for furniture in ("AFP/Nikos", "Tap to follow", "Photo / Supplied", "WhatsApp", "first appeared", "Donate",
                      "aegeancourier", "Cancel reply", "logged in"):  # fmt: skip
        assert furniture not in doc.text, furniture
    assert doc.published == "2024-04-04"
    assert doc.extra["source_domain"] == "www.aegeancourier.example.gr"


@pytest.mark.parametrize(
    "first",
    [
        "Support us: give what you can.Border guards closed the crossing at Narva on Sunday, police said.",
        "Reading this for free? It is thanks to readers like you. Become a supporter today. "
        "Border guards closed the crossing at Narva on Sunday, police said.",
        "Your donation keeps us going. Border guards closed the crossing at Narva on Sunday, police said.",
        "Border guards closed the crossing at Narva on Sunday, police said. Support our journalism: donate today.",
    ],
)
def test_appeals_glued_to_the_story_go_and_the_story_stays(first: str) -> None:
    text = (
        f"Crossing closed\n\n{first}\n\nLorries queued for 12 kilometres on the Russian side, drivers said.\n"
    )
    doc = to_document(RawArticle(source="a.txt", kind="txt", text=text))
    assert doc.text.split("\n\n")[0] == "Border guards closed the crossing at Narva on Sunday, police said."
    assert any(r.kind == "donation" for r in doc.removed)


@pytest.mark.parametrize(
    "line, published",
    [
        ("2024-11-05T09:30:00Z", "2024-11-05"),
        ("Nov 5, 2024 / 09:30 AM", "2024-11-05"),
        ("Updated: 6 November 2024 10:00 | Published: 5 November 2024", "2024-11-05"),
    ],
)
def test_more_date_lines_are_metadata(line: str, published: str) -> None:
    text = f"Crossing closed\n{line}\n\nBorder guards closed the crossing at Narva on Sunday, police said.\n"
    doc = to_document(RawArticle(source="a.txt", kind="txt", text=text))
    assert doc.published == published and line not in doc.text


def test_html_body_source_line_is_metadata() -> None:
    html = """<html><head><title>Port strike ends | Harbour Post</title>
    <meta property="article:published_time" content="2024-02-02"></head><body><article>
    <h1>Port strike ends</h1>
    <p>Dock crews in Valletta returned to work on Thursday after a two-day strike over pay, their union said.</p>
    <p>The port authority said container traffic would be back to normal by the weekend.</p>
    <p>source: harbourpost.example.mt</p></article></body></html>"""
    doc = to_document(RawArticle(source="page.html", kind="html", html=html))
    assert "Dock crews in Valletta" in doc.text
    assert "harbourpost" not in doc.text
    assert doc.extra["source_domain"] == "harbourpost.example.mt"


# ---------------------------------------------------------------------- quotes


def test_an_anonymity_request_is_no_quote() -> None:
    from dateline.quotes import extract_quotes

    doc = parse(
        '"The pass is shut," a customs officer, who asked not to be identified, told the Ledger.',
        "2024-01-01",
    )
    quotes = extract_quotes(doc)
    assert [(q.content, q.speaker) for q in quotes] == [("The pass is shut,", "a customs officer")]
    doc = parse("The envoy, who said in May that talks would resume, left Geneva on Friday.", "2024-01-01")
    assert [q.content for q in extract_quotes(doc)] == ["that talks would resume"]


# ---------------------------------------------------------------------- sizes


def _sizes(text: str) -> list[tuple]:
    return [(s.min, s.max, s.approx, s.qualifier, s.unit) for s in extract_sizes(parse(text).spacy[:])]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Nearly 400 steelworkers marched to the ministry.", (None, 400, True, "fewer-than", "people")),
        ("Coastguards boarded 12 tankers off the cape.", (12, 12, False, "exact", "ships")),
        ("Soldiers killed at least 9 gunmen near the depot.", (9, None, False, "at-least", "people")),
        ("Between 150 and 200 marines landed on the island.", (150, 200, False, "range", "troops")),
        ("Police held 30 to 35 students overnight.", (30, 35, False, "range", "people")),
        ("At least three dozen rebels surrendered.", (36, None, False, "at-least", "troops")),
        ("The ministry sent 4 500 troops to the border.", (4500, 4500, False, "exact", "troops")),
        ("As many as 7,000 marched on the palace.", (None, 7000, False, "up-to", "people")),
        ("Some 800 took to the streets of Tbilisi.", (800, 800, True, "about", "people")),
    ],
)
def test_size_kinds(text: str, expected: tuple) -> None:
    assert _sizes(text) == [expected]


def test_the_count_of_sources_is_no_size() -> None:
    assert _sizes("The navy will patrol the strait, according to three officials.") == []
    assert _sizes("Two diplomats said the envoys had met in Oslo.") == []
    # participants stay counted
    assert _sizes("Witnesses said 60 protesters were detained.")[0][:2] == (60, 60)


def test_holding_talks_is_no_detention() -> None:
    assert _sizes("The two governments held informal talks in Doha.") == []
    assert _sizes("Some 25 people held in Goma were released.")[0][:2] == (25, 25)


def test_a_change_is_no_range() -> None:
    assert [x[:2] for x in _sizes("The toll rose from 8 to 11 people.")] == [(11, 11)]


# ---------------------------------------------------------------------- factuality


def _fact(text: str, word: str) -> str:
    doc = parse(text, "2024-05-01")
    return classify(next(t for t in doc.spacy if t.text == word), "2024-05-01")


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Madrid has not ruled out sanctions on the firm, the minister said.", "sanctions", "hypothetical"),
        ("Oslo ruled out sanctions on the firm.", "sanctions", "negated"),
        ("The president did not exclude sending more police.", "sending", "hypothetical"),
        ("The treaty excluded Serbia from the talks.", "talks", "asserted"),
        ("The dockers' union called off the strike.", "strike", "negated"),
        ("The parade was cancelled because of the storm.", "parade", "negated"),
        ("The referendum was postponed until spring.", "referendum", "future"),
        ("The rally was held in the main square.", "rally", "asserted"),
    ],
)
def test_factuality_kinds(text: str, word: str, expected: str) -> None:
    assert _fact(text, word) == expected


# ---------------------------------------------------------------------- time


@pytest.mark.parametrize(
    "text, value",
    [
        # published in February: the coming March
        ("Farmers threatened a national blockade in March.", "2024-03"),
        ("Farmers vowed new blockades in March.", "2024-03"),
        ("Farmers held a blockade in March.", "2023-03"),
        ("In March, farmers threatened a blockade.", "2023-03"),
    ],
)
def test_a_time_after_a_planned_thing_looks_forward(text: str, value: str) -> None:
    doc = parse(text, "2024-02-10")
    assert [t.value for t in normalize(text, anchor="2024-02-10", doc=doc.spacy)] == [value]


# ---------------------------------------------------------------------- long texts


def _long_text(paragraphs: int) -> str:
    return "\n\n".join(
        f"Patrol boats from Malta escorted {k + 2} ferries past Gozo on Friday, officials in Valletta said. "
        f"The crossing took {k + 3} hours."
        for k in range(paragraphs)
    )


def test_text_over_the_parser_limit_is_parsed_in_pieces(monkeypatch) -> None:
    text = _long_text(12)
    whole = nlp.parse(text)
    monkeypatch.setattr(nlp, "PIECE_CHARS", 400)
    pieces = nlp._pieces(text, 400)
    assert len(pieces) > 3 and "".join(pieces) == text and all(len(p) <= 400 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])  # cut at paragraph breaks
    cut = nlp.parse(text)
    assert cut.spacy.text == text
    assert [(s.start, s.end) for s in cut.sentences] == [(s.start, s.end) for s in whole.sentences]
    assert all(text[e.start : e.end] == e.text for e in cut.entities)
    assert {(e.start, e.label) for e in cut.entities if e.label == "GPE"} == {
        (e.start, e.label) for e in whole.entities if e.label == "GPE"
    }


def test_a_text_without_paragraph_breaks_is_still_cut_exactly() -> None:
    text = "word " * 50 + "x" * 120
    pieces = nlp._pieces(text, 64)
    assert "".join(pieces) == text and all(len(p) <= 64 for p in pieces)


def test_long_article_is_processed_not_failed(monkeypatch) -> None:
    monkeypatch.setattr(nlp, "PIECE_CHARS", 300)
    doc = Document(id="long", text=_long_text(8), published="2024-03-08")
    [out] = pipeline.process([doc], components=("times",))
    assert out.status == "processed" and not out.extra.get("errors")
    assert len(out.sentences) == 16
    assert all(t.value == "2024-03-08" for t in out.timexes if t.text == "Friday")


def test_long_file_is_ingested_whole(tmp_path, monkeypatch) -> None:
    from dateline.store import Store

    monkeypatch.setattr(nlp, "PIECE_CHARS", 500)
    path = tmp_path / "long.txt"
    path.write_text("Ferries held in port\n\n" + _long_text(10) + "\n", encoding="utf-8")
    store = Store(tmp_path / "d.db")
    summary = pipeline.ingest([str(path)], store, components=("times",), link=False)
    assert summary.ingested == 1 and not summary.failed
    text = store.db.execute("SELECT text FROM documents").fetchone()[0]
    assert text.endswith("The crossing took 12 hours.")


# ---------------------------------------------------------------------- the suite on the check set


def test_messy_suite_on_the_check_set() -> None:
    from dateline.evaluate import DataMissing, load_all

    run = load_all()["messy"]
    r = run("dev", Path("."))
    assert r["articles"] == 16 and not r["failed"]
    # what this session's files decide, at the figures reached; what also depends on the event extractor, which
    # other engineers change at the same time, a few points under the figures reached
    floors = {
        "body_kept": 1.0, "published": 1.0, "quote_found": 1.0, "quote_speaker": 1.0, "event_found": 0.88,
        "event_type": 0.82, "date": 0.85, "size": 0.88, "factuality": 0.82, "source": 0.74,
        "date_when_found": 0.9, "size_when_found": 0.93, "factuality_when_found": 0.9,
    }  # fmt: skip
    assert r["boilerplate"]["precision"] == 1.0 and r["boilerplate"]["recall"] == 1.0
    for key, floor in floors.items():
        assert r[key] >= floor, (key, r[key], r["errors"])
    b2 = r["batch2"]  # the second batch, written after the first round of fixes
    assert b2["articles"] == 6 and b2["boilerplate"]["f1"] == 1.0 and b2["body_kept"] == 1.0
    for key in ("quote_speaker", "published", "date_when_found"):
        assert b2[key] == 1.0, (key, b2["errors"])
    assert b2["size"] >= 0.94 and b2["factuality"] >= 0.9, b2["errors"]
    # the third batch (tests/fixtures/messy_s10, session 10): what the cleaning, time, size, factuality and quote
    # files decide at the figures reached (untouched: boilerplate F1 0.896, published 0.833, date when found 0.898);
    # the event-dependent figures a few points under the figures reached
    b3 = r["batch3"]
    assert b3["articles"] == 12 and not b3["failed"] and b3["boilerplate"]["f1"] == 1.0, b3["errors"]
    for key in (
        "body_kept",
        "published",
        "date_when_found",
        "size_when_found",
        "quote_found",
        "quote_speaker",
    ):
        assert b3[key] == 1.0, (key, b3["errors"])
    floors3 = {
        "event_found": 0.82, "event_type": 0.7, "date": 0.82, "size": 0.84, "factuality": 0.78, "source": 0.84,
        "factuality_when_found": 0.9, "source_when_found": 0.95,
    }  # fmt: skip
    for key, floor in floors3.items():
        assert b3[key] >= floor, (key, b3[key], b3["errors"])
    with pytest.raises(DataMissing, match="no TEST split"):
        run("test", Path("."))
