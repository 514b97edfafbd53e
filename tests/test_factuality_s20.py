"""Session 20 (issue 3, unseen wordings): factuality kinds found missing on factuality_dev3.jsonl. Each kind is shown by
two or more sentences of their own (not the set's), and the set itself is checked for balance and leaks."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from dateline.factuality import classify
from dateline.model import FACTUALITY
from dateline.nlp import parse

PUBLISHED = "2024-06-01"
DATA = Path(__file__).parent / "data"


def _fact(text: str, word: str, published: str = PUBLISHED) -> str:
    doc = parse(text, published)
    tok = next(t for t in doc.spacy if t.text == word)
    return classify(tok, published)


def _read(name: str) -> list[dict]:
    path = DATA / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_dev3_is_balanced_and_disjoint_from_other_sets() -> None:
    dev3 = _read("factuality_dev3.jsonl")
    counts = Counter(c["factuality"] for c in dev3)
    assert set(counts) == set(FACTUALITY) and min(counts.values()) >= 20
    texts = {c["text"] for c in dev3}
    assert len(texts) == len(dev3)
    others = {c["text"] for name in ("factuality_cases.jsonl", "factuality_dev2.jsonl") for c in _read(name)}
    assert not texts & others
    if (DATA / "factuality_heldout.jsonl").exists():  # compared by text only, never printed
        assert not texts & {c["text"] for c in _read("factuality_heldout.jsonl")}, "dev3 shares held-out text"


def test_dev3_is_in_the_dev_split() -> None:
    from dateline.evaluate.factuality import SPLITS

    assert "factuality_dev3.jsonl" in SPLITS["dev"] and "factuality_dev3.jsonl" not in SPLITS["test"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The guards refrained from shooting at the fleeing prisoners.", "shooting"),
        ("Riot police have so far refrained from detaining the strikers.", "detaining"),
    ],
)
def test_refrained_from_negates(text: str, word: str) -> None:
    assert _fact(text, word) == "negated"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The prime minister neither visited the camp nor sent aid to it.", "visited"),
        ("The prime minister neither visited the camp nor sent aid to it.", "sent"),
        ("Rebels neither attacked the base nor shelled the town last night.", "attacked"),
    ],
)
def test_neither_nor_on_verbs_negates_both(text: str, word: str) -> None:
    assert _fact(text, word) == "negated"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The navy would neither confirm nor deny that its submarine had fired the torpedo.", "fired"),
        ("Officials neither confirmed nor denied reports that soldiers had looted the shops.", "looted"),
    ],
)
def test_neither_confirmed_nor_denied_is_unconfirmed(text: str, word: str) -> None:
    assert _fact(text, word) == "alleged"


def test_a_plain_denial_stays_denied() -> None:
    assert _fact("The navy denied that its submarine had fired the torpedo.", "fired") == "denied"


@pytest.mark.parametrize(
    ("text", "word", "want"),
    [
        ("The spokesman did not say whether the police would detain the editor.", "detain", "hypothetical"),
        ("The general did not say when his forces would leave the enclave.", "leave", "future"),
        ("The statement did not say that troops had crossed the river.", "crossed", "asserted"),
    ],
)
def test_negated_saying_does_not_negate_the_act(text: str, word: str, want: str) -> None:
    assert _fact(text, word) == want


def test_negated_act_under_saying_stays_negated() -> None:
    assert _fact("The general said his forces did not leave the enclave.", "leave") == "negated"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Will Beijing impose sanctions on the chipmaker?", "impose"),
        ("Did the militia really shell the hospital?", "shell"),
        ("Can the rebels hold the city for another week?", "hold"),
    ],
)
def test_yes_no_questions_are_hypothetical(text: str, word: str) -> None:
    assert _fact(text, word) == "hypothetical"


def test_wh_questions_keep_the_act() -> None:
    assert _fact("Why did the militia shell the hospital?", "shell") == "asserted"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Washington has floated the idea of sending naval escorts to the strait.", "sending"),
        ("The idea of imposing a curfew was discussed by the cabinet.", "imposing"),
    ],
)
def test_floated_ideas_are_hypothetical(text: str, word: str) -> None:
    assert _fact(text, word) == "hypothetical"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Activists said police beat several of the detainees.", "beat"),
        ("According to local activists, militiamen burned two villages.", "burned"),
        ("Unverified video appeared to show a helicopter firing on the convoy.", "firing"),
        ("A purported recording showed police officers hitting a man.", "hitting"),
        ("Rumours circulated on Monday that the general had been arrested.", "arrested"),
        ("Unconfirmed reports suggest rebels have captured the dam.", "captured"),
    ],
)
def test_unverified_sources_make_allegations(text: str, word: str) -> None:
    assert _fact(text, word) == "alleged"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The ministry said the footage shows soldiers firing on the convoy.", "firing"),
        ("Officials suggested the army might withdraw next month.", "withdraw"),
    ],
)
def test_named_evidence_is_not_an_allegation(text: str, word: str) -> None:
    assert _fact(text, word) != "alleged"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Nobody was injured when police stormed the building.", "stormed"),
        ("No shots were fired when soldiers entered the village.", "entered"),
    ],
)
def test_past_when_clause_is_asserted_under_a_negated_main_clause(text: str, word: str) -> None:
    assert _fact(text, word) == "asserted"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Should the ceasefire break down, the rebels will shell the city again.", "shell"),
        ("Should the court rule against him, police will arrest the senator.", "arrest"),
        ("Were the army to withdraw, the militia will take the town.", "take"),
    ],
)
def test_consequent_of_an_inverted_conditional_is_hypothetical(text: str, word: str) -> None:
    assert _fact(text, word) == "hypothetical"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Two years after police raided the offices, the newspaper is still closed.", "raided"),
        ("Three decades after the army crushed the uprising, survivors still seek justice.", "crushed"),
        ("The last time the two leaders met was in 2019.", "met"),
        ("The last time Kenya sent troops abroad was in 2011.", "sent"),
    ],
)
def test_spans_and_last_times_before_now_are_historical(text: str, word: str) -> None:
    assert _fact(text, word) == "historical"


def test_a_short_span_after_stays_asserted() -> None:
    assert (
        _fact("Two days after police raided the offices, the newspaper is still closed.", "raided")
        == "asserted"
    )
