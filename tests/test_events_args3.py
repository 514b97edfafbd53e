"""Event argument kinds of the eighth session (issue 7, from the seventh merge DEV corpus): how many, where and when,
each kind fixed by a rule in the argument layers and tested here in our own wording (no sentence from an
evaluation set or DEV corpus).

Kinds: counts of suspects, gangsters and cops; people who "held a march" are not held; a bare later reference whose
count is far from the first report's is another event ("a smaller march in another town"); a route ("marched
through the city centre of X") places the event; a relative clause telling a scene of its own ("..., where the
ambush killed ten") keeps its count; "a day before the deal, X happened" dates X from the deal.
"""

from __future__ import annotations

from typing import Any

from dateline.events import extract_events
from dateline.nlp import parse
from dateline.pipeline import process
from dateline.sizes import extract_sizes

PUB = "2025-06-13"  # a Friday


def _of(text: str, event: str, pub: str = PUB) -> list[Any]:
    return [e for e in extract_events(parse(text, pub)) if e.event == event]


def _processed(text: str, event: str) -> list[Any]:
    """Through the pipeline's components (times read, so dates come from the text)."""
    doc = parse(text, PUB)
    doc.published = PUB
    return [e for e in process([doc])[0].events if e.event == event]


# --- sizes: who is counted, and what they did


def test_suspects_gangsters_and_cops_are_counted() -> None:
    sizes = extract_sizes(
        parse("Officers rounded up 64 gangsters and 12 suspects; three cops were hurt.", PUB).spacy
    )
    got = {(s.min, s.unit) for s in sizes}
    assert (64.0, "people") in got and (12.0, "people") in got and (3.0, "police") in got


def test_people_who_hold_a_rally_are_not_detained() -> None:
    sizes = extract_sizes(parse("About 800 nurses held a rally outside the ministry.", PUB).spacy)
    assert sizes and sizes[0].min == 800 and sizes[0].kind != "arrested"


def test_people_held_by_police_are_detained() -> None:
    sizes = extract_sizes(parse("Police said 30 people were held after the clashes.", PUB).spacy)
    assert sizes and sizes[0].kind == "arrested"


# --- within-article merging: a far-off count is another event


def test_smaller_march_elsewhere_is_another_event() -> None:
    text = (
        "Some 25,000 teachers marched through Lima on Thursday to demand higher pay, union leaders said. "
        "In Arequipa, about 1,200 teachers staged a smaller march on the same day."
    )
    protests = _of(text, "PROTEST")
    assert len(protests) == 2
    assert sorted(s.min for e in protests for s in e.size) == [1200.0, 25000.0]


def test_a_later_bare_reference_with_a_close_count_stays_one_event() -> None:
    text = "Gunmen killed 14 villagers in Ngoura on Tuesday. The attack, which left 15 dead by nightfall, shocked the region."
    attacks = _of(text, "ASSAULT")
    assert len(attacks) == 1


# --- where: a route places the event


def test_marching_through_a_city_places_the_march_there() -> None:
    ev = _of("Thousands of farmers marched through central Nairobi on Wednesday.", "PROTEST")
    assert ev and ev[0].location is not None and "Nairobi" in ev[0].location.text


# --- a relative clause telling another scene keeps its count


def test_a_where_clause_keeps_its_count_from_the_main_event() -> None:
    text = (
        "The accord agreed by the rival clans on Monday has brought calm to the district, where last year's feud "
        "cost 40 herders their lives."
    )
    deals = [e for e in extract_events(parse(text, PUB)) if e.event in ("AGREE", "SUPPORT")]
    assert deals and not any(s.min == 40 for e in deals for s in e.size)


# --- when: "a day before the deal"


def test_a_day_before_the_deal_dates_from_the_deal() -> None:
    text = (
        "The two parties signed a peace deal in Nairobi on Wednesday. "
        "A day before the deal, a Red Cross convoy reached Bor with medicine."
    )
    aid = _processed(text, "AID")
    assert aid and aid[0].date is not None and aid[0].date.value == "2025-06-10"


def test_two_days_after_the_attack_dates_from_the_attack() -> None:
    text = "Militants attacked an army base near Gao on Monday. Two days after the attack, troops were sent to the town."
    moves = _processed(text, "MOBILIZE")
    assert moves and moves[0].date is not None and moves[0].date.value == "2025-06-11"
