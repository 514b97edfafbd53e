"""Actor coding, session 23 (lead): a word one letter off a listed person's surname is a misspelt person only
outside a place phrase. After a locative preposition or before a place noun it is a place no list has: three places
of this session's DEV material were read as people of other states that way (an island "off X", a prison "at X",
"the X prison"). Invented sentences; the names are one letter off listed surnames."""

from __future__ import annotations

import pytest

from dateline.actors._resolver import _scan, _tok


def _people(text: str) -> list[tuple[str, str]]:
    toks = _tok(text)
    return [(toks[m.i][1], m.country) for m in _scan(toks, None) if m.kind == "actor"]


@pytest.mark.parametrize(
    "text",
    [
        "Two fishing boats were seized off Migingo on Sunday, their owners said.",
        "Inmates rioted in the penitentiary at Tamara and held six guards.",
        "Guards abandoned the Tamara prison before dawn, residents said.",
        "Traders moved their stalls from Nakawa market to the bus park.",
    ],
)
def test_a_near_surname_in_a_place_phrase_is_no_person(text: str) -> None:
    assert _people(text) == []


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("President Bouteflicka said the elections would go ahead.", "DZA"),  # a title before it
        ("Abdelaziz Bouteflicka said the elections would go ahead.", "DZA"),  # the given name before it
    ],
)
def test_a_misspelt_surname_of_a_person_is_still_read(text: str, country: str) -> None:
    assert [c for _, c in _people(text)] == [country]
