"""Messy scraped articles, session 11: the kinds that the fourth batch of the messy check set (tests/fixtures/messy_s11,
outlets outside the US and UK) showed in the cleaning, time, size, quote and factuality files, each tested on
sentences written for this file; and floors for that batch."""

from __future__ import annotations

import pytest

from dateline.clean import to_document
from dateline.factuality import classify
from dateline.model import RawArticle
from dateline.nlp import parse
from dateline.quotes import extract_quotes
from dateline.sizes import extract_sizes
from dateline.time import normalize


def _clean(text: str):
    return to_document(RawArticle(source="a.txt", kind="txt", text=text))


_STORY = (
    "Farmers block the Grand Trunk Road near Ambala\n\n"
    "Thousands of farmers blocked the Grand Trunk Road near Ambala on Friday to demand higher crop prices, the "
    "union said.\n\n"
    "Police diverted traffic through Kurukshetra for most of the day, a district official said.\n\n"
)
_LAST = "a district official said."

# ---------------------------------------------------------------------- boilerplate


@pytest.mark.parametrize(
    "furniture",
    [
        "(With inputs from agencies)",
        "(With PTI inputs)",
        "(With inputs from Reuters and AFP)",
        "Read today's e-paper | Subscribe to Punjab Ledger Plus",
        "Download the Punjab Ledger app for breaking news from the state.",
        "Join our Telegram channel for the latest updates.",
        "Get Punjab Ledger on WhatsApp. Click here to join our channel.",
        "Get the latest news on our WhatsApp channel",
        "Share: Facebook | Telegram | Viber",
        "Listen to this article (4 min)",
        "Disclaimer: Views expressed by readers in the comments are their own.",
        "(This report is auto-generated from a syndicated feed and was not edited by Punjab Ledger staff.)",
        "Edited By: Simran Gill",
        "Catch all the latest news and updates on Punjab Ledger.",
        "For more news like this visit our website.",
        "Image for representation only.",
        "File photo of tractors on a highway near Patiala.",
        "—With inputs from PTI",
    ],
)
def test_regional_page_furniture_goes(furniture: str) -> None:
    doc = _clean(_STORY + furniture + "\n")
    assert doc.text.endswith(_LAST), doc.text
    assert furniture not in doc.text


def test_a_sentence_opening_like_a_credit_note_stays() -> None:
    # "With inputs from" + a clause is prose; only a list of agencies is a credit
    line = "With inputs from the growers, the board drafted a new procurement plan."
    doc = _clean(_STORY + line + "\n")
    assert doc.text.endswith(line)


def test_a_disclaimer_about_the_story_itself_stays() -> None:
    # benchmark pages count an advice disclaimer as part of the article; only comment/syndication notes go
    line = "Disclaimer: The crop prices quoted are those of the mandi board and may change."
    assert _clean(_STORY + line + "\n").text.endswith(line)


def test_a_file_photo_caption_goes_and_the_story_stays() -> None:
    story = _STORY.replace(
        "Police diverted", "(File photo) Tractors on the highway. | Punjab Ledger\n\nPolice diverted"
    )
    doc = _clean(story)
    assert "Tractors on the highway" not in doc.text
    assert "Police diverted traffic" in doc.text


def test_a_plan_under_a_photo_credit_is_no_caption() -> None:
    # a caption shows a scene; a sentence about what someone plans or may do is a report
    story = (
        _STORY
        + "Photo credit: Punjab Ledger / Harpreet Kaur\n\nThe chief minister plans to meet the farmers on Monday.\n"
    )
    doc = _clean(story)
    assert "Harpreet Kaur" not in doc.text
    assert doc.text.endswith("meet the farmers on Monday.")


@pytest.mark.parametrize(
    "line, byline",
    [
        ("Gurpreet Sandhu | Staff Reporter", "Gurpreet Sandhu"),
        ("By Gurpreet Sandhu | Special Correspondent", "Gurpreet Sandhu"),
        ("Our Staff Reporter", None),
    ],
)
def test_a_staff_desk_byline_is_metadata_and_no_outlet(line: str, byline: str | None) -> None:
    head, rest = _STORY.split("\n\n", 1)
    doc = _clean(f"{head}\n{line}\n\n{rest}")
    assert line not in doc.text
    assert doc.byline == byline
    assert (
        doc.outlet is None
        or "reporter" not in doc.outlet.lower()
        and "correspondent" not in doc.outlet.lower()
    )


@pytest.mark.parametrize(
    "line, published",
    [
        ("Published June 3, 2027 | 9:05 pm PKT", "2027-06-03"),
        ("Harpreet Kaur | Published 04 Oct 2027, 07:30 GMT", "2027-10-04"),
        ("Reporter: Rina Wulandari | Editor: Agus Salim | Published: Mar 2, 2027 14:10 WIB", "2027-03-02"),
    ],
)
def test_a_publication_line_with_a_local_time_and_zone_dates_the_page(line: str, published: str) -> None:
    head, rest = _STORY.split("\n\n", 1)
    doc = _clean(f"{head}\n{line}\n\n{rest}")
    assert doc.published == published
    assert line not in doc.text and doc.text.startswith("Thousands of farmers")


def test_a_masthead_line_above_the_headline_is_metadata_and_the_next_line_the_title() -> None:
    text = "Punjab Ledger | Tuesday, March 2, 2027 | 08:15 AM IST\n" + _STORY
    doc = _clean(text)
    assert doc.title == "Farmers block the Grand Trunk Road near Ambala"
    assert doc.published == "2027-03-02" and doc.outlet == "Punjab Ledger"
    assert doc.text.startswith("Thousands of farmers")


# ---------------------------------------------------------------------- time


@pytest.mark.parametrize(
    "text, value",
    [
        ("Shelling resumed at 10:30 IST on Monday.", "2027-03-01T10:30"),
        ("The blast happened at 2:45 pm EAT yesterday.", "2027-03-02T14:45"),
        ("Voting closed at 6 pm WAT on Sunday.", "2027-02-28T18:00"),
    ],
)
def test_a_clock_time_with_its_zone_takes_the_day_named_after_it(text: str, value: str) -> None:
    [t] = normalize(text, "2027-03-03")
    assert t.value == value and t.type == "TIME"


def test_a_clock_time_with_its_zone_alone_is_on_the_publication_day() -> None:
    [t] = normalize("The curfew began at 21:00 ICT.", "2027-03-03")
    assert t.text == "21:00 ICT" and t.value == "2027-03-03T21:00"


@pytest.mark.parametrize(
    "text, value, kind",
    [
        ("Gunmen opened fire at 2300 hrs on Saturday.", "2027-02-27T23:00", "TIME"),
        ("The convoy left the camp at around 0530 hours.", "2027-03-03T05:30", "TIME"),
        ("The delegation arrived day before yesterday.", "2027-03-01", "DATE"),
        ("The minister will visit day after tomorrow.", "2027-03-05", "DATE"),
    ],
)
def test_south_asian_clock_and_day_phrases(text: str, value: str, kind: str) -> None:
    [t] = normalize(text, "2027-03-03")
    assert (t.value, t.type) == (value, kind)


def test_four_digit_hours_without_a_preposition_stay_a_span() -> None:
    [t] = normalize("The pilots logged 2300 hours of flying last year.", "2027-03-03")[:1]
    assert t.type == "DURATION"


@pytest.mark.parametrize(
    "text, value",
    [
        ("The court heard the case on 22-11-2026.", "2026-11-22"),
        ("The court heard the case on 11-22-2026.", "2026-11-22"),
    ],
)
def test_a_hyphenated_numeric_date_with_a_full_year(text: str, value: str) -> None:
    assert [t.value for t in normalize(text, "2026-12-01")] == [value]
    assert normalize("The side won 3-1-25 on aggregate.", "2026-12-01") == []


# ---------------------------------------------------------------------- sizes


def _sizes(text: str) -> list[tuple]:
    return [(s.min, s.max, s.unit) for s in extract_sizes(parse(text).spacy[:])]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Nearly 2 lakh farmers joined the march.", [(None, 200000, "people")]),
        ("The state released Rs 3 crore for the victims.", [(30000000, 30000000, "money")]),
        ("Police deployed 1,20,000 personnel for the polls.", [(120000, 120000, "troops")]),
        ("Not less than 30 villagers were abducted.", [(30, None, "people")]),
        ("Not more than 40 pilgrims may enter at a time.", [(None, 40, "people")]),
        ("Kenya set aside KSh 2 billion for relief.", [(2000000000, 2000000000, "money")]),
    ],
)
def test_regional_number_habits(text: str, expected: list[tuple]) -> None:
    assert _sizes(text) == expected


def test_formations_are_counted_as_formations() -> None:
    assert _sizes("The ministry moved three battalions to the frontier.") == [(3, 3, "battalions")]
    assert _sizes("Ten companies of paramilitary troops reached Imphal.") == [(10, 10, "companies")]
    # an article is no count: "a company of troops" has no size, the other count in the sentence does
    assert _sizes("A company of soldiers and six trucks left the camp.") == [(6, 6, "vehicles")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ghana sent a 700-strong contingent to Liberia.", [(700, 700, "troops")]),
        ("Over a lakh pilgrims reached the shrine.", [(100000, None, "people")]),
        ("Lakhs of workers joined the strike.", [(100000, 9999999, "people")]),
        ("As many as nine jawans were injured.", [(None, 9, "troops")]),
    ],
)
def test_strength_and_lakh_counts(text: str, expected: list[tuple]) -> None:
    assert _sizes(text) == expected


def test_more_people_nouns_are_counted() -> None:
    assert _sizes("Police held 17 drivers and two guards in Mombasa.") == [
        (17, 17, "people"),
        (2, 2, "people"),
    ]


# ---------------------------------------------------------------------- quotes


def test_a_reporting_verb_under_a_plan_reports_nothing() -> None:
    for text in (
        "The cabinet is considering declaring a curfew in the valley.",
        "The governor plans to announce a relief package.",
    ):
        assert extract_quotes(parse(text, "2027-03-03")) == [], text
    [q] = extract_quotes(parse("The governor said the curfew would be lifted on Friday.", "2027-03-03"))
    assert q.speaker_text == "The governor"


# ---------------------------------------------------------------------- factuality


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("The army rubbished reports that its jets had bombed the market.", "bombed", "denied"),
        ("The militia trashed claims that it had abducted the teachers.", "abducted", "denied"),
        ("The navy is slated to deploy two frigates next month.", "deploy", "future"),
        ("The union has deferred the strike until after the harvest.", "strike", "future"),
        ("The home ministry mooted sending more troops to the district.", "sending", "hypothetical"),
        ("The army said its jets had bombed the market.", "bombed", "asserted"),
        ("The rebels are learnt to have shot down a drone.", "shot", "alleged"),
        ("There is no proposal to close the border crossings.", "close", "denied"),
        ("The state is in the process of recruiting more constables.", "recruiting", "future"),
    ],
)
def test_regional_factuality_cues(text: str, word: str, expected: str) -> None:
    doc = parse(text, "2027-03-03")
    assert classify(next(t for t in doc.spacy if t.text == word), "2027-03-03") == expected


# ---------------------------------------------------------------------- the fourth batch


def test_fourth_batch_floors() -> None:
    from dateline.evaluate.messy import BATCH4_DIR, _score_set

    r = _score_set(BATCH4_DIR)
    assert r["articles"] == 12 and not r["failed"], r["failed"]
    # what the cleaning, time, size, factuality and quote files decide, at the figures reached (untouched:
    # boilerplate F1 0.828, published 0.833, body kept 0.986); event-dependent figures a few points under the figures
    # reached, as other engineers change the event extractor at the same time
    assert r["boilerplate"]["f1"] == 1.0, r["errors"]
    for key in ("body_kept", "published", "quote_found", "quote_speaker", "size_when_found"):
        assert r[key] == 1.0, (key, r["errors"])
    floors = {
        "event_found": 0.86, "event_type": 0.84, "date": 0.78, "size": 0.86, "factuality": 0.86, "source": 0.86,
        "date_when_found": 0.86, "factuality_when_found": 0.95, "source_when_found": 0.94,
    }  # fmt: skip
    for key, floor in floors.items():
        assert r[key] >= floor, (key, r[key], r["errors"])
