"""Actor kind behind the dev8 merge misses (session 9, issue 7 + 3, short round); every sentence is our own wording.

A bare "the government" coordinated with a named armed group of one country is that country's government ("the
government and the FARC", "Al-Shabaab and the government"): a state's rebels deal with their own state, so neither
a venue town of the clause nor a country of the sentence before takes it.
"""

from __future__ import annotations

from dateline.actors import resolver_for
from dateline.model import Actor, Document
from dateline.nlp import annotate


def _doc(text: str) -> Document:
    doc = Document(id="kinds9", text=text, published="2026-03-12")
    return next(annotate([doc]))


def _resolve(doc: Document, span: str, nth: int = 0) -> Actor:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(span, start + 1)
    return resolver_for(doc).resolve(start, start + len(span))


def test_government_beside_rebels_takes_their_country_not_the_venue() -> None:
    doc = _doc("The government and the FARC signed a peace accord in Havana on Monday.")
    a = _resolve(doc, "The government")
    assert (a.country, a.sector) == ("COL", "GOV")


def test_government_after_rebels_takes_their_country() -> None:
    doc = _doc(
        "Kenyan police arrested two men in Mombasa. Al-Shabaab and the government exchanged prisoners on Friday."
    )
    a = _resolve(doc, "the government")
    assert (a.country, a.sector) == ("SOM", "GOV")


def test_previous_sentence_country_does_not_win_over_the_armed_partner() -> None:
    text = (
        "Ugandan soldiers reached Beni on Tuesday. "
        "The truce agreed by the government and the M23 in Doha has raised hopes in Goma."
    )
    a = _resolve(_doc(text), "the government")
    assert (a.country, a.sector) == ("COD", "GOV")


def test_government_not_joined_to_a_group_keeps_the_old_rule() -> None:
    # no armed group beside it: the resolver's other rules decide (here the sentence's own country)
    doc = _doc("Kenya's president said the government would hold elections in August.")
    a = _resolve(doc, "the government")
    assert (a.country, a.sector) == ("KEN", "GOV")
