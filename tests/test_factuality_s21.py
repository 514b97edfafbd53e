"""Session 21 (issue 3, unseen wordings): factuality kinds found missing on factuality_dev4.jsonl. Each kind is shown by
two or more sentences of their own (not the set's), and the set itself is checked for balance and leaks."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from dateline.evaluate.factuality import SPLITS
from dateline.factuality import classify
from dateline.model import FACTUALITY
from dateline.nlp import parse

PUBLISHED = "2024-06-01"

DATA = Path(__file__).parent / "data"


def _read(name: str) -> list[dict]:
    path = DATA / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_dev4_is_balanced_and_disjoint_from_other_sets() -> None:
    dev4 = _read("factuality_dev4.jsonl")
    counts = Counter(c["factuality"] for c in dev4)
    assert set(counts) == set(FACTUALITY) and min(counts.values()) >= 18
    texts = {c["text"] for c in dev4}
    assert len(texts) == len(dev4)
    names = ("factuality_cases.jsonl", "factuality_dev2.jsonl", "factuality_dev3.jsonl")
    others = {c["text"] for name in names for c in _read(name)}
    assert not texts & others
    if (DATA / "factuality_heldout.jsonl").exists():  # compared by text only, never printed
        assert not texts & {c["text"] for c in _read("factuality_heldout.jsonl")}, "dev4 shares held-out text"


def test_dev4_is_in_the_dev_split() -> None:
    assert "factuality_dev4.jsonl" in SPLITS["dev"] and "factuality_dev4.jsonl" not in SPLITS["test"]


def _fact(text: str, word: str, published: str = PUBLISHED) -> str:
    doc = parse(text, published)
    tok = next(t for t in doc.spacy if t.text == word)
    return classify(tok, published)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Not a single rocket was fired at the town overnight.", "fired"),
        ("Not one journalist has been arrested since the vote, the ministry said.", "arrested"),
    ],
)
def test_not_a_single_argument_negates(text: str, word: str) -> None:
    assert _fact(text, word) == "negated"


def test_not_only_does_not_negate() -> None:
    assert _fact("Not only soldiers were deployed to the border.", "deployed") == "asserted"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("At no time did the soldiers fire on the crowd.", "fire"),
        ("At no stage did the army withdraw from the hills.", "withdraw"),
        ("Under no circumstances will the government send troops abroad.", "send"),
    ],
)
def test_negative_adjunct_phrases_negate(text: str, word: str) -> None:
    assert _fact(text, word) == "negated"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("An attack on the port remains a possibility, officers warned.", "attack"),
        ("A withdrawal from the enclave is conceivable, diplomats say.", "withdrawal"),
        ("It is not impossible that troops will be sent to the island.", "sent"),
        ("It is not impossible that the rebels will storm the airport.", "storm"),
    ],
)
def test_copular_predicates_of_possibility_are_hypothetical(text: str, word: str) -> None:
    assert _fact(text, word) == "hypothetical"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Claims that the navy shelled the port are baseless, the admiral said.", "shelled"),
        ("Reports that the president met the rebels were untrue, his office said.", "met"),
        ("It is not true that soldiers looted the shops, the colonel said.", "looted"),
        ("It was not true that the embassy had been attacked, officials said.", "attacked"),
        ("Inspectors found no evidence that the militia had attacked the convoy.", "attacked"),
        ("There was no evidence that police had detained the students.", "detained"),
        ("The agency retracted a report that rebels had seized the airport.", "seized"),
        ("Police contradicted claims that officers had beaten the prisoners.", "beaten"),
    ],
)
def test_rebutted_claims_are_denied(text: str, word: str) -> None:
    assert _fact(text, word) == "denied"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The court denied bail to two men detained after the clashes.", "detained"),
        ("A magistrate denied bail to the students arrested at the rally.", "arrested"),
    ],
)
def test_denying_someone_something_does_not_deny_the_act(text: str, word: str) -> None:
    assert _fact(text, word) == "asserted"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "Activists say dozens were arrested, but the figure could not be independently verified.",
            "arrested",
        ),
        ("Witnesses said soldiers fired on the crowd, but the account could not be confirmed.", "fired"),
        ("The rebels are said to be withdrawing from the city.", "withdrawing"),
        ("Thousands of troops are believed to be massing on the border.", "massing"),
    ],
)
def test_unverified_claims_are_alleged(text: str, word: str) -> None:
    assert _fact(text, word) == "alleged"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The battalion is on course to withdraw by the end of the month.", "withdraw"),
        ("The mission is on track to hand over the base in spring.", "hand"),
        ("Paris is gearing up to send more troops to the Sahel.", "send"),
    ],
)
def test_on_track_and_gearing_up_are_future(text: str, word: str) -> None:
    assert _fact(text, word) == "future"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Diplomats warned of a danger that the army would storm the city.", "storm"),
        ("There is a real risk that police will arrest the strike leaders.", "arrest"),
    ],
)
def test_risks_and_dangers_are_hypothetical(text: str, word: str) -> None:
    assert _fact(text, word) == "hypothetical"


@pytest.mark.parametrize(
    ("text", "word", "published"),
    [
        ("Veterans marked twenty years since the army withdrew from Lebanon.", "withdrew", "2020-05-24"),
        ("Villagers marked a decade since soldiers burned the market.", "burned", "2015-03-01"),
        (
            "Students marked the 25th anniversary of the day soldiers fired on the campus.",
            "fired",
            "2014-06-04",
        ),
        ("Protesters marked the tenth anniversary of the bombing of the cathedral.", "bombing", "2018-01-10"),
        ("It was in 1999 that the two sides last met.", "met", "2010-02-02"),
        ("It was in 2008 that police last detained him.", "detained", "2016-09-09"),
    ],
)
def test_spans_anniversaries_and_clefts_are_historical(text: str, word: str, published: str) -> None:
    assert _fact(text, word, published) == "historical"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Unlike in 2019, the army this time withdrew without a fight.", "withdrew"),
        ("Unlike in 2012, police arrested the organisers this year.", "arrested"),
    ],
)
def test_a_contrasted_earlier_year_does_not_make_history(text: str, word: str) -> None:
    assert _fact(text, word, "2022-06-01") == "asserted"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Teachers have announced a walkout for next Monday.", "walkout"),
        ("The foreign ministers meet in Vienna next week.", "meet"),
        ("The prime minister flies to Delhi next month for talks.", "talks"),
    ],
)
def test_next_week_dates_a_future_event(text: str, word: str) -> None:
    assert _fact(text, word) == "future"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The next day, troops withdrew from the town.", "withdrew"),
        ("Police arrested the organisers the next morning.", "arrested"),
    ],
)
def test_the_next_day_of_a_past_story_stays_asserted(text: str, word: str) -> None:
    assert _fact(text, word) == "asserted"


@pytest.mark.parametrize(
    ("text", "word", "want"),
    [
        ("Ministers are considering withdrawing the battalion, according to people familiar with the talks.",
         "withdrawing", "hypothetical"),
        ("The government is weighing a pullout of its 800 soldiers, according to officials familiar with the plans.",
         "pullout", "hypothetical"),
        ("The two sides met secretly in Oman last month, according to people familiar with the matter.",
         "met", "alleged"),
    ],
)  # fmt: skip
def test_an_anonymous_source_keeps_a_considered_act_hypothetical(text: str, word: str, want: str) -> None:
    assert _fact(text, word) == want
