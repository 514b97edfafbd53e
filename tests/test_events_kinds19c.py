"""Event coding by kind, session 19 round 3 (issue 3): a rally a person will address or lead (PROTEST), people who
died in violence (ASSAULT, the dead its size, the dying's time), and a count of places after a force word ("three
police stations": no size). Each kind is tested on wordings of its own, with guards that keep the neighbouring
reading (PLOVER manual; tests/data/events_own_conv.md)."""

from __future__ import annotations

import pytest
from events_helpers import helpers_for, processed_events

from dateline.sizes import extract_sizes

_events, _types, _of = helpers_for("2026-11-24")

# a rally, march or demonstration a person will address, lead or speak at: PROTEST (demo), future when planned
ADDRESSED = [
    ("Imran Khan will address a demonstration in Islamabad next week, his aides said.", "future"),
    ("Union chief Maria Lopez is due to speak at a protest outside parliament on Friday.", "future"),
    ("Former prime minister Nawaz Sharif will address a rally in Lahore on Sunday.", "future"),
    ("The cleric spoke at a rally in Baghdad on Friday.", "asserted"),
]


@pytest.mark.parametrize(("text", "fact"), ADDRESSED)
def test_addressed_rally_is_protest(text: str, fact: str) -> None:
    [ev] = _of(text, "PROTEST")
    assert ev.mode == "demo" and ev.factuality == fact


@pytest.mark.parametrize(
    "text",
    [
        "The president addressed the nation on Sunday.",
        "The minister will address the issue at the summit.",
        "The envoy spoke at a dinner in Geneva.",
    ],
)
def test_addressed_no_crowd(text: str) -> None:
    assert "PROTEST" not in _types(text)


# people who died in (post-election, ethnic, communal) violence: an ASSAULT, the dead its size
DIED_IN_VIOLENCE = [
    ("More than 600 people died in violence after the disputed 1992 vote.", 600, "historical"),
    ("Hundreds of people died in communal violence in Gujarat in 2002.", 100, "historical"),
    ("Dozens of people died in the bloodshed that followed the coup.", 24, "asserted"),
    ("At least 300 people were killed in ethnic violence in Manipur last year.", 300, "historical"),
]


@pytest.mark.parametrize(("text", "low", "fact"), DIED_IN_VIOLENCE)
def test_died_in_violence_is_assault(text: str, low: int, fact: str) -> None:
    [ev] = _of(text, "ASSAULT")
    assert ev.factuality == fact
    assert [(s.min, s.kind) for s in ev.size] == [(low, "dead")]


def test_died_in_fighting_takes_the_dying_time() -> None:
    """A noun the dead died in takes the dying verb's factuality ("in 2010": historical)."""
    [ev] = _of("Some 200 people died in communal fighting in Jos in 2010.", "ASSAULT")
    assert ev.factuality == "historical"


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Some 600 people died in clashes after the 1992 vote.", "1992"),
        ("Hundreds died in fighting after the 1994 coup, the report said.", "1994"),
    ],
)
def test_died_in_dated_by_the_dying_verb(text: str, year: str) -> None:
    """A year in an "after ..." phrase of the dying verb dates the attack the dead died in."""
    [ev] = [e for e in processed_events(text, "2017-08-12") if e.event == "ASSAULT"]
    assert ev.date.value == year


@pytest.mark.parametrize(
    "text",
    [
        "Fears of violence kept voters at home on Sunday.",
        "Violence erupted in Nairobi after the vote.",
        "The rebels renounced violence in 2005.",
        "Ten people died of cholera in the camp.",
        "Thirty people died in the floods that hit the region.",
    ],
)
def test_violence_named_or_other_deaths(text: str) -> None:
    """Violence named, feared or renounced, and deaths of illness or disasters, are no attack."""
    assert "ASSAULT" not in _types(text)


def test_condemned_violence_is_the_condemnation() -> None:
    assert _types("The UN condemned the violence in Kisumu.") == {"ACCUSE"}


# a place noun after a force or people word counts places: no size
@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked three police stations in Kano on Monday.",
        "Fighters torched four police posts near the border.",
        "Floods destroyed two refugee camps in Sylhet.",
        "Two army bases came under rocket fire.",
    ],
)
def test_places_after_force_word_no_size(text: str) -> None:
    assert extract_sizes(text) == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Gunmen killed three police officers in Kano on Monday.", "police"),
        ("Gunmen attacked three police at a checkpoint.", "police"),
        ("The army stationed 2,000 soldiers at the base.", "troops"),
    ],
)
def test_force_counts_kept(text: str, unit: str) -> None:
    [s] = extract_sizes(text)
    assert s.unit == unit
