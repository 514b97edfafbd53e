"""Toponym recognition beyond spaCy's entities: gazetteer names that the text's own words use as places."""

from __future__ import annotations

import pytest

from dateline.nlp import parse
from dateline.places import geoparse


def _names(text: str) -> list[str]:
    return [p.text for p in geoparse(parse(text))]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a locative preposition before a town the model tags as an organisation or leaves out
        ("A bomb exploded beside a bus in Herat on Monday.", "Herat"),
        ("Two trucks carrying flour left from Herat before dawn.", "Herat"),
        # coordination with a recognised place, through a whole list
        ("Shelling hit Kharkiv and Sumy overnight.", "Sumy"),
        ("Aid convoys reached Mykolaiv, Kherson and Zaporizhzhia.", "Zaporizhzhia"),
        # what only a town has: its police, a resident, a legislator's home town, a dateline
        ("The Berea Police Department said the suspect fled.", "Berea"),
        ("A Woodbridge man was charged on Friday.", "Woodbridge"),
        ("Rep. Jane Doe, D-Ames, filed the bill.", "Ames"),
        ("HAMILTON — The city council met on Monday.", "HAMILTON"),
    ],
)
def test_cued_names_are_places(text: str, place: str) -> None:
    assert place in _names(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # "X region/oblast": the name the model tagged as a person, an organisation or a group
        ("Drones struck Sumy region overnight.", "Sumy"),
        ("Residents of the Herat region fled.", "Herat"),
        # a person "of" a town, the model reading the town as another person or as nothing
        ("Officials said Dale Mott, 52, of Berea was arrested.", "Berea"),
        ("The crash injured Steven Sachs of Woodbridge and his son.", "Woodbridge"),
    ],
)
def test_unit_and_person_of_cues(text: str, place: str) -> None:
    assert place in _names(text)


def test_county_list() -> None:
    text = "Schools in Barrow, Oconee and Walton counties closed on Friday."
    assert _names(text) == ["Barrow", "Oconee", "Walton"]


def test_list_with_two_new_names() -> None:
    assert _names("Fighting continued in Herat and Kunduz.") == ["Herat", "Kunduz"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Jordan said he would stay on the team.", "Jordan"),  # a person who speaks
        ("Georgia Smith won the race in record time.", "Georgia"),  # a word of a person's name
        ("In March the council met twice.", "March"),  # a month
        ("Victoria Beckham arrived in London.", "Victoria"),
        ("The letter went to Warren, who signed it.", "Warren"),  # "to" alone is no place cue
        ("Sen. Warren spoke in Boston and Warren answered questions.", "Warren"),  # a title, then a list
        ("Reading is fun, said Bath.", "Bath"),  # common English words
        ("Officials met Hamas and Fatah leaders in Cairo.", "Hamas"),  # an alternate town name, not a place
        ("He walked along Rivers Avenue to the bridge.", "Rivers"),  # the first word of a street name
    ],
)
def test_non_places_stay_out(text: str, word: str) -> None:
    assert word not in _names(text)


def test_spans_point_at_the_text() -> None:
    text = "Protests spread from Kharkiv, Sumy and Poltava to the capital."
    doc = parse(text)
    places = geoparse(doc)
    assert [p.text for p in places] == ["Kharkiv", "Sumy", "Poltava"]
    assert all(text[p.start : p.end] == p.text for p in places)
    sumy = places[1]
    assert sumy.country == "UKR" and sumy.lat is not None
