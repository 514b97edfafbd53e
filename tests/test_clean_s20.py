"""A masthead whose date carries a note on the clock (session 20, issue 7: a newsletter dated "Washington, Saturday,
April 12, 2031 (all times Eastern)" had no publication date, so every relative day in it was misread and its events
joined nothing). The note goes; the date, the outlet and the cut lines are read as for any masthead."""

from __future__ import annotations

import pytest

from dateline.clean import to_document
from dateline.model import RawArticle


@pytest.mark.parametrize(
    ("text", "published", "outlet"),
    [
        (
            "LAKESIDE TRIBUNE\nKisumu, Tuesday, 8 August 2017 (local time)\n\nPolice fire tear gas\n\n"
            "Police fired tear gas at protesters in Kisumu on Monday night, witnesses said.\n",
            "2017-08-08",
            "LAKESIDE TRIBUNE",
        ),
        (
            "Harbour Notes | 3 May 2022 (GMT)\n\nFerry strike ends\n\n"
            "The ferry workers ended their strike on Monday after a pay deal was agreed with the operator.\n",
            "2022-05-03",
            "Harbour Notes",
        ),
        (
            "NORTHERN LEDGER\nOttawa, Friday, March 6, 2015 (all times Eastern)\n\nTalks resume\n\n"
            "Negotiators resumed talks on Thursday after a week-long pause, officials said.\n",
            "2015-03-06",
            "NORTHERN LEDGER",
        ),
    ],
)
def test_masthead_date_with_a_clock_note(text: str, published: str, outlet: str) -> None:
    doc = to_document(RawArticle(source="t", text=text, kind="txt"))
    assert doc.published == published and doc.outlet == outlet
    assert "(" not in doc.text.split("\n")[0]  # the masthead line is cut, not left as the first sentence


def test_a_parenthesis_in_a_sentence_is_not_a_masthead_note() -> None:
    text = (
        "Dockers walk out\n\nDockers in Mombasa walked out on Monday (local time) over unpaid wages, "
        "their union said.\n"
    )
    doc = to_document(RawArticle(source="t", text=text, kind="txt"))
    assert "(local time)" in doc.text and doc.published is None
