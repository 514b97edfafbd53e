"""Factuality on tests/data/factuality_cases.jsonl: our own news-style sentences, 22 per class."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from dateline.events import extract_events
from dateline.factuality import classify
from dateline.model import FACTUALITY, Document
from dateline.nlp import annotate, parse

CASES = Path(__file__).parent / "data" / "factuality_cases.jsonl"
PUBLISHED = "2024-06-01"


def _cases() -> list[dict]:
    return [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_case_file_is_balanced() -> None:
    counts = Counter(c["factuality"] for c in _cases())
    assert sum(counts.values()) >= 150
    assert set(counts) == set(FACTUALITY)
    assert min(counts.values()) >= 20


def test_factuality_accuracy_per_class() -> None:
    cases = _cases()
    docs = [Document(id=f"c{i}", text=c["text"], published=PUBLISHED) for i, c in enumerate(cases)]
    ok: Counter[str] = Counter()
    n: Counter[str] = Counter()
    typed = 0
    for case, doc in zip(cases, annotate(docs), strict=True):
        events = [e for e in extract_events(doc) if e.event == case["event"]]
        n[case["factuality"]] += 1
        typed += bool(events)
        if events and events[0].factuality == case["factuality"]:
            ok[case["factuality"]] += 1
    per_class = {k: round(ok[k] / n[k], 3) for k in n}
    print("factuality accuracy per class:", per_class, "event type found:", typed, "/", len(cases))
    assert sum(ok.values()) / len(cases) >= 0.85, per_class
    assert min(per_class.values()) >= 0.7, per_class
    assert typed / len(cases) >= 0.85


def test_classify_on_a_token() -> None:
    doc = parse("Britain would not send troops to the region.", PUBLISHED)
    send = next(t for t in doc.spacy if t.text == "send")
    assert classify(send, PUBLISHED) == "negated"
    doc = parse("Rebels attacked the village on Monday.", PUBLISHED)
    attacked = next(t for t in doc.spacy if t.text == "attacked")
    assert classify(attacked, PUBLISHED) == "asserted"


def test_comma_relative_clause_is_not_governed_by_the_main_verb() -> None:
    from dateline.factuality import classify
    from dateline.nlp import parse

    d = parse("The rebels promised to avenge their leader, who was shot by soldiers on Friday.", "2024-05-06")
    shot = next(t for t in d.spacy if t.lower_ == "shot")
    assert classify(shot, "2024-05-06") == "asserted"
    d = parse("The rebels promised to attack the soldiers who guard the bridge.", "2024-05-06")
    attack = next(t for t in d.spacy if t.lower_ == "attack")
    assert classify(attack, "2024-05-06") == "future"
