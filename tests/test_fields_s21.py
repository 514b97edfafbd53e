"""Session 21, "fields" (issues 3, 6 and 7): field fixes found by the end-to-end set tests/data/e2e_s21.

Each kind is proven by two or more sentences of our own, none copied from e2e_s21 or a gold set:
- a masthead dateline naming its time zone ("City, Weekday, date (all times X)") is a metadata line: cut from the
  body, its date the page's; a full date with its agreeing weekday alone on such a dateline counts even when it
  lies after the machine's clock (pubdate inference), a bare future date still does not;
- a day in the url's path ("/2014/06/23/", "-2021-02-10/", "/20140623/") is the publication date when nothing
  else gives one;
- a "Most viewed: A | B" rail flattened into one line and an outlet's editorial-standards line are boilerplate;
- a small town read in a country nothing else of a short story is in, far from every local place of it, is a
  namesake of one of the story's villages: it falls back to the story's country.
"""

from __future__ import annotations

import pytest

from dateline.clean import _url_date, to_document
from dateline.model import RawArticle
from dateline.nlp import parse
from dateline.places import geoparse
from dateline.pubdate import infer_published

_BODY = (
    "Police detained four union leaders outside the ministry on Wednesday, a spokesman said.\n\n"
    "The union said the arrests would not end the strike, which has shut three mines since March.\n\n"
    "Talks with the employers' federation are due to resume next week, officials said."
)


def _doc(text: str, **given: str):  # type: ignore[no-untyped-def]
    return to_document(RawArticle(source="story.txt", kind="txt", text=text, given=dict(given)))


# ---------------------------------------------------------------- masthead datelines with a time zone


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Lisbon, Thursday, 3 March 2016 (all times WET)", "2016-03-03"),
        ("Nairobi, Friday, 14 July 2017 (all times GMT+3)", "2017-07-14"),
        ("Chicago, Sunday, October 6, 2019 (all times Central)", "2019-10-06"),
    ],
)
def test_time_zone_masthead_is_metadata(line: str, iso: str) -> None:
    doc = _doc("THE MINING COURIER\n" + line + "\n\nMiners walk out over pay\n\n" + _BODY)
    assert doc.published == iso
    assert line not in doc.text
    assert "Police detained four union leaders" in doc.text


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Lisbon, Thursday 3 March 2033 (all times WET)", "2033-03-03"),
        ("Manila, Saturday, May 12, 2040 (all times PHT)", "2040-05-12"),
    ],
)
def test_masthead_date_ahead_of_the_clock(line: str, iso: str) -> None:
    date, conf, evidence = infer_published(line + "\n\nMiners walk out over pay\n\n" + _BODY)
    assert date == iso and conf >= 0.6, evidence


@pytest.mark.parametrize(
    "text",
    [
        "Lisbon, 3 March 2033 -\n\n" + _BODY,  # no weekday
        "Lisbon, Friday 3 March 2033 (all times WET)\n\n" + _BODY,  # the weekday disagrees
        "The vote is set for Sunday, 5 May 2041, officials said.\n\n" + _BODY,  # a sentence, not a dateline
    ],
)
def test_other_future_dates_stay_out(text: str) -> None:
    assert infer_published(text)[0] is None


# ---------------------------------------------------------------- a day in the url


@pytest.mark.parametrize(
    ("url", "iso"),
    [
        ("https://daily.example.com/politics/2015/09/14/union-leaders-held", "2015-09-14"),
        ("https://wire.example.org/world/asia/strike-mines-2016-11-02/", "2016-11-02"),
        ("https://news.example.net/story/20170305/mine-strike.html", "2017-03-05"),
        ("https://news.example.net/2017/03/mine-strike", None),  # a month only
        ("https://2019.example.net/a/b", None),  # the host
        ("https://news.example.net/item/1201703051234", None),  # an id
    ],
)
def test_url_day(url: str, iso: str | None) -> None:
    assert _url_date(url) == iso


def test_url_day_is_the_last_resort() -> None:
    url = "https://daily.example.com/politics/2015/09/14/union-leaders-held"
    assert _doc("Miners walk out over pay\n\n" + _BODY, url=url).published == "2015-09-14"
    assert (
        _doc("Miners walk out over pay\n\n" + _BODY, url=url, published="2015-09-15").published
        == "2015-09-15"
    )


# ---------------------------------------------------------------- rails and standards lines


@pytest.mark.parametrize(
    "line",
    [
        "Most viewed: Copper hits a record | Rains delay the harvest",
        "Most read: Ferry fares to rise | Mayor opens new bridge | Cup final tickets sold out",
        "Trending: Heatwave warning issued | Central bank holds rates",
    ],
)
def test_flattened_rail_is_cut(line: str) -> None:
    doc = _doc("Miners walk out over pay\n\n" + _BODY + "\n\n" + line + "\n\nCopyright The Mining Courier")
    assert line not in doc.text
    assert "Talks with the employers' federation" in doc.text


@pytest.mark.parametrize(
    "line",
    ["Our Standards: The Harbour Wire Trust Principles.", "Learn more about our editorial standards."],
)
def test_standards_line_is_cut(line: str) -> None:
    doc = _doc("Miners walk out over pay\n\n" + _BODY + "\n\n" + line)
    assert line not in doc.text
    assert "Talks with the employers' federation" in doc.text


def test_a_sentence_about_standards_stays() -> None:
    text = _BODY + "\n\nThe regulator said our standards of mine safety lag behind those of our neighbours."
    assert "our standards of mine safety" in _doc("Miners walk out over pay\n\n" + text).text


# ---------------------------------------------------------------- far foreign namesakes of a story's villages


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Insurgents burned homes in the village of Chai overnight, a police officer in Pemba said.",
            "Chai",
            "MOZ",
        ),
        ("Residents fled Chai after gunmen raided the market, an official in Macomia said.", "Chai", "MOZ"),
    ],
)
def test_far_foreign_namesake_falls_back(text: str, name: str, country: str) -> None:
    places = {p.text: p for p in geoparse(parse(text))}
    assert places[name].country == country


def test_a_named_country_keeps_its_town() -> None:
    text = "Troops moved into Chai, a town in south-eastern Turkey, after clashes near Pemba in Mozambique."
    places = {p.text: p for p in geoparse(parse(text))}
    assert places["Chai"].country == "TUR"
