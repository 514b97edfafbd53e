from __future__ import annotations

from dateline.nlp import parse
from dateline.sizes import extract_sizes


def _one(text: str):
    sizes = extract_sizes(text)
    assert len(sizes) == 1, sizes
    return sizes[0]


def test_more_than() -> None:
    s = _one("Britain sent more than 250 soldiers to the border.")
    assert (s.min, s.max, s.qualifier, s.unit) == (250, None, "more-than", "troops")
    assert s.text == "more than 250 soldiers"


def test_up_to_and_about() -> None:
    s = _one("The mission will include up to 275 personnel.")
    assert (s.min, s.max, s.qualifier) == (None, 275, "up-to")
    s = _one("It sent around 20 planners.")
    assert (s.min, s.max, s.approx, s.qualifier) == (20, 20, True, "about")


def test_vague_and_word_numbers() -> None:
    s = _one("Hundreds of protesters gathered.")
    assert (s.min, s.max, s.qualifier, s.unit) == (100, 999, "vague", "people")
    s = _one("The navy sent three warships.")
    assert (s.min, s.unit) == (3, "ships")
    s = _one("Officials counted a dozen armoured vehicles.")
    assert (s.min, s.text) == (12, "a dozen armoured vehicles")


def test_violence_kinds_and_offsets() -> None:
    text = "Gunmen killed at least 156 people and wounded 20 others."
    sizes = extract_sizes(text, start=100)
    kinds = [(s.min, s.kind) for s in sizes]
    assert kinds == [(156, "dead"), (20, "injured")]
    assert text[sizes[0].start - 100 : sizes[0].end - 100] == "at least 156 people"
    assert extract_sizes("Police arrested 45 protesters.")[0].kind == "arrested"


def test_years_and_percentages_are_not_sizes() -> None:
    assert extract_sizes("In 2011, turnout rose by 30 percent.") == []


def test_on_a_span() -> None:
    doc = parse("Police arrested 45 protesters on Monday.")
    s = extract_sizes(doc.spacy[:])[0]
    assert (s.min, s.unit, s.kind) == (45, "people", "arrested")
    assert doc.text[s.start : s.end] == "45 protesters"


def test_designator_numbers_are_not_counts() -> None:
    assert extract_sizes("The Type 23 frigate sailed with a Type 45 destroyer.") == []
    assert extract_sizes("Under Resolution 1701, peacekeepers patrol the border.") == []
    got = extract_sizes("Flight 302 crashed, killing 157 people.")
    assert [(s.min, s.kind) for s in got] == [(157.0, "dead")]
    # a count after a designator word used as a plain noun is still a count
    assert [s.min for s in extract_sizes("The unit sent 40 soldiers.")] == [40.0]


def test_kind_words_of_another_clause_or_readiness_are_not_violence() -> None:
    got = extract_sizes("Up to 300 reservists were held at readiness near the border.")
    assert [(s.max, s.kind) for s in got] == [(300.0, None)]
    assert extract_sizes("Police said 30 people were held overnight.")[0].kind == "arrested"
    # a violence verb before a comma belongs to the clause before it
    assert [
        s.kind for s in extract_sizes("The raid killed a commander, with dozens of protesters outside.")
    ] == [None]


def test_vague_count_of_a_multiplier() -> None:
    got = extract_sizes("By evening several hundred marchers had reached the square.")
    assert [(s.min, s.max, s.unit) for s in got] == [(300.0, 900.0, "people")]
    got = extract_sizes("A few thousand reservists were called up.")
    assert [(s.min, s.max, s.unit) for s in got] == [(2000.0, 5000.0, "troops")]
    got = extract_sizes("Several hundred thousand residents fled the floods.")
    assert [(s.min, s.max) for s in got] == [(300000.0, 900000.0)]


def test_plural_nationality_is_a_count_of_people() -> None:
    doc = parse("Thousands of Armenians rallied outside the embassy on Sunday.")
    got = extract_sizes(doc.spacy[:])
    assert [(s.text, s.min, s.unit) for s in got] == [("Thousands of Armenians", 1000.0, "people")]


def test_a_count_the_tagger_swept_into_a_date_is_still_a_count() -> None:
    doc = parse("Madrid flew home its last 140 soldiers from the base on Sunday.", "2024-05-06")
    got = [(s.text, s.min, s.unit) for s in extract_sizes(doc.spacy)]
    assert ("140 soldiers", 140.0, "troops") in got
    doc = parse("Over the last 48 hours the talks stalled.", "2024-05-06")
    assert extract_sizes(doc.spacy) == []


def test_a_partitive_reaches_its_unit() -> None:
    got = extract_sizes("Nine of Ruritania's senior commanders were dismissed.")
    assert [(s.min, s.unit) for s in got] == [(9.0, "people")]


def test_no_one_is_a_count_of_none() -> None:
    got = [(s.text, s.min, s.max, s.kind) for s in extract_sizes("Shells hit the school; no one was hurt.")]
    assert got == [("no one", 0.0, 0.0, "injured")]
    assert [(s.min, s.kind) for s in extract_sizes("Nobody was killed in the blast.")] == [(0.0, "dead")]
    assert [s.min for s in extract_sizes("one soldier was killed")] == [1.0]
