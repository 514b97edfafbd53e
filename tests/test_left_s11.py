"""Session 11, left-over misses in time, sizes and factuality (our own sentences; gold written before any run).

Conventions fixed here:
- a bare weekday takes the direction of the verb it hangs on: past ("said", "told", "were") the one before the
  article's date, future ("will", "would be held", "is due") the one after; "said on Friday it would not ..." is
  the past Friday (the time phrase before the reported clause's subject belongs to the reporting verb);
- "N units ago" is valued at the unit's own granularity, as TimeML (TimeBank) and tests/data/time_cases.jsonl do:
  days -> a day, weeks/fortnight -> an ISO week, months -> a month, years -> a year, decades -> a year;
- "about 1,000 of its 1,500 troops": the size is the part (1,000 troops); the whole (1,500) is context, no size;
- "initially nine, later six": a corrected toll is the latest figure (six); the first figure is no size;
- a report by state media / a state broadcaster / a state news agency is an attributed source (asserted), not an
  allegation; "reportedly", "it was reported", "unconfirmed reports" and "claimed" stay alleged;
- "X could not be / was not / has not been ruled out" keeps X open: hypothetical;
- "a couple of hundred" is a vague 200..300; "Rs." / "Rs 40 crore" amounts are money, never troops.
"""

from __future__ import annotations

import pytest

from dateline.factuality import classify
from dateline.nlp import load
from dateline.sizes import extract_sizes
from dateline.time import normalize

SAT = "2025-03-15"  # a Saturday


def _value(sentence: str, phrase: str, anchor: str = SAT) -> str | None:
    doc = load()(sentence)
    hits = [t for t in normalize(sentence, anchor, doc) if phrase in t.text]
    assert hits, (sentence, normalize(sentence, anchor, doc))
    return hits[0].value


# --------------------------------------------------------------------------- 1. weekday direction


@pytest.mark.parametrize(
    "sentence,value",
    [
        ("The interior ministry said on Friday it would not extend the curfew.", "2025-03-14"),
        ("Rebel commanders told mediators on Friday that they would not disarm.", "2025-03-14"),
        ("The electoral commission announced on Thursday it would postpone the vote.", "2025-03-13"),
        ("The governor said on Wednesday the bridge would be reopened soon.", "2025-03-12"),
        ("Protesters were dispersed on Wednesday.", "2025-03-12"),
    ],
)
def test_weekday_with_past_verb_is_the_past_one(sentence: str, value: str) -> None:
    day = sentence.split(" on ")[1].split()[0].strip(",.")
    assert _value(sentence, day) == value


@pytest.mark.parametrize(
    "sentence,value",
    [
        ("The runoff will be held on Friday, the commission said.", "2025-03-21"),
        ("The summit is due on Tuesday.", "2025-03-18"),
        ("Talks would be held on Monday, a spokesman said.", "2025-03-17"),
        ("The minister said talks would resume on Thursday.", "2025-03-20"),
    ],
)
def test_weekday_with_future_verb_is_the_coming_one(sentence: str, value: str) -> None:
    day = sentence.split(" on ")[1].split()[0].strip(",.")
    assert _value(sentence, day) == value


# --------------------------------------------------------------------------- 2. "ago" granularity


@pytest.mark.parametrize(
    "sentence,phrase,value",
    [
        ("The first case was confirmed a year ago.", "a year ago", "2024"),
        ("The minister resigned a week ago.", "a week ago", "2025-W10"),
        ("The embassy closed a month ago.", "a month ago", "2025-02"),
        ("The government fell two years ago.", "two years ago", "2023"),
        ("The ferry sank three days ago.", "three days ago", "2025-03-12"),
        ("Gunmen raided the village a fortnight ago.", "a fortnight ago", "2025-W09"),
    ],
)
def test_ago_is_valued_at_its_units_granularity(sentence: str, phrase: str, value: str) -> None:
    assert _value(sentence, phrase) == value


# --------------------------------------------------------------------------- 3. part of a whole, corrected tolls


def _sizes(text: str) -> list[tuple[float | None, float | None, str | None, str | None]]:
    return [(s.min, s.max, s.unit, s.kind) for s in extract_sizes(load()(text))]


def test_part_of_a_whole_is_the_part() -> None:
    got = extract_sizes(load()("The army withdrew about 1,000 of its 1,500 troops from the border."))
    assert [(s.min, s.max, s.approx, s.unit) for s in got] == [(1000, 1000, True, "troops")]
    assert got[0].text.startswith("about 1,000")


@pytest.mark.parametrize(
    "sentence,value",
    [
        ("Kenya will pull out 300 of the 900 soldiers it sent to Haiti.", 300),
        ("Some 2,000 of the 5,000 peacekeepers will leave by June.", 2000),
        ("Only 40 of their 120 police officers reported for duty.", 40),
    ],
)
def test_part_of_a_whole_variants(sentence: str, value: float) -> None:
    got = _sizes(sentence)
    assert [g[0] for g in got] == [value], got
    assert got[0][2] in ("troops", "police", "people")


def test_corrected_toll_is_the_latest_figure() -> None:
    got = _sizes("The death toll, initially put at nine, was later revised to six.")
    assert [(g[0], g[3]) for g in got] == [(6, "dead")]
    got = _sizes("Officials initially said nine people were killed, later revising the toll to six.")
    assert [(g[0], g[3]) for g in got] == [(6, "dead")]


def test_two_counts_without_a_correction_stay() -> None:
    got = _sizes("Nine people were killed and six were wounded in the blast.")
    assert [g[0] for g in got][:1] == [9]
    assert 6 in [g[0] for g in got]


# --------------------------------------------------------------------------- 4. factuality of state media, "ruled out"


def _fact(sentence: str, word: str) -> str:
    doc = load()(sentence)
    tok = next(t for t in doc if t.text == word)
    return classify(tok, SAT)


@pytest.mark.parametrize(
    "sentence,word",
    [
        ("State media reported that troops attacked the village.", "attacked"),
        ("Police arrested 40 people, the state news agency reported.", "arrested"),
        ("The state broadcaster reported the army had shelled rebel positions.", "shelled"),
        ("According to the state news agency, the army shelled the town.", "shelled"),
        ("State television said soldiers detained 12 protesters.", "detained"),
    ],
)
def test_state_media_is_a_source_not_an_allegation(sentence: str, word: str) -> None:
    assert _fact(sentence, word) == "asserted"


@pytest.mark.parametrize(
    "sentence,word",
    [
        ("It was reported that police arrested 40 people.", "arrested"),
        ("Unconfirmed reports said police arrested 40 people.", "arrested"),
        ("State media claimed that rebels had shelled the town.", "shelled"),
        ("State media reportedly said that rebels had shelled the town.", "shelled"),
    ],
)
def test_unsourced_or_claimed_reports_stay_alleged(sentence: str, word: str) -> None:
    assert _fact(sentence, word) == "alleged"


@pytest.mark.parametrize(
    "sentence,word",
    [
        ("A ceasefire was not ruled out by either side.", "ceasefire"),
        ("A renewed offensive has not been ruled out, the general said.", "offensive"),
        ("Sabotage could not be ruled out.", "Sabotage"),
        ("Further arrests cannot be ruled out, police said.", "arrests"),
    ],
)
def test_not_ruled_out_is_hypothetical(sentence: str, word: str) -> None:
    assert _fact(sentence, word) == "hypothetical"


def test_ruling_out_still_negates() -> None:
    assert _fact("The minister ruled out sending troops to the border.", "sending") == "negated"


# --------------------------------------------------------------------------- 5. vague hundreds, rupee amounts


def test_a_couple_of_hundred() -> None:
    got = extract_sizes(load()("A couple of hundred protesters gathered outside parliament."))
    assert [(s.min, s.max, s.approx, s.unit) for s in got] == [(200, 300, True, "people")]
    assert got[0].text.lower().startswith("a couple of hundred")


@pytest.mark.parametrize(
    "sentence,value",
    [
        ("The state allocated Rs. 500 crore to the border troops.", 5_000_000_000),
        ("The ministry approved Rs 40 crore for the police force.", 400_000_000),
        ("Rs. 12 lakh was released for the soldiers' barracks.", 1_200_000),
    ],
)
def test_rupee_amounts_are_money(sentence: str, value: float) -> None:
    got = _sizes(sentence)
    assert got and got[0][0] == value and got[0][2] == "money", got
    assert all(g[2] != "troops" for g in got), got


# --------------------------------------------------------------------------- guards written with the fixes


def test_added_figures_are_no_correction() -> None:
    got = _sizes("Initially 300 troops will deploy, and later another 200 soldiers will join them.")
    assert [g[0] for g in got] == [300, 200]


def test_correction_of_a_bare_figure_takes_the_first_ones_kind() -> None:
    got = _sizes("Police originally said 14 people had been arrested but later lowered the figure to 11.")
    assert [(g[0], g[2], g[3]) for g in got] == [(11, "people", "arrested")]


def test_conjunct_count_takes_its_own_verb() -> None:
    got = _sizes("Nine people were killed and six were wounded in the blast.")
    assert [(g[0], g[3]) for g in got] == [(9, "dead"), (6, "injured")]


def test_year_ago_in_quarterly_results_is_the_quarter() -> None:
    text = "Third-quarter net income rose to $12 million from $9 million a year ago, the company said."
    assert _value(text, "a year ago", "2025-10-28") == "2024-Q3"
    # a city's old quarter is no results report
    assert (
        _value("Shelling hit the old quarter of the city a year ago.", "a year ago", "2025-10-28") == "2024"
    )
