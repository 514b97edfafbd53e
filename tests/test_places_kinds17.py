"""A list of cities is not a chain of containers (session 15, noticed by the places engineer): in "Flights from
Paris, London and Berlin" the name after the comma is the list's second item, not the place Paris lies in (London,
Arkansas made Paris, Arkansas). A state after the comma still contains ("Springfield, Illinois, and Columbia,
Missouri"). Our own invented sentences."""

from __future__ import annotations

import pytest

from dateline.model import Document
from dateline.pipeline import process


def _places(text: str) -> list[tuple[str, str | None]]:
    doc = process([Document(id="p17", text=text, published="2026-04-02")], ("places",))[0]
    return [(p.text, p.country) for p in doc.places]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Flights from Paris, London and Berlin were cancelled on Monday because of the strike.",
         [("Paris", "FRA"), ("London", "GBR"), ("Berlin", "DEU")]),
        ("Delegations flew in from Paris, London, and Berlin for the summit in Geneva.",
         [("Paris", "FRA"), ("London", "GBR"), ("Berlin", "DEU"), ("Geneva", "CHE")]),
    ],
)  # fmt: skip
def test_a_list_of_cities_is_no_container_chain(text: str, want: list) -> None:
    assert _places(text) == want


@pytest.mark.parametrize(
    ("text", "admin"),
    [
        (
            "The tour stops in Springfield, Illinois, and Columbia, Missouri, next month.",
            ["Illinois", "Illinois"],
        ),
        ("The company has offices in Paris, Texas, and Athens, Georgia.", ["Texas", "Texas"]),
    ],
)
def test_a_state_after_the_comma_still_contains(text: str, admin: list[str]) -> None:
    doc = process([Document(id="p17", text=text, published="2026-04-02")], ("places",))[0]
    assert [p.admin1 for p in doc.places[:2]] == admin and doc.places[0].country == "USA"
