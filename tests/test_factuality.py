"""Factuality on our own news-style sentence sets (tests/data): factuality_cases.jsonl (regression, 22 per class),
factuality_dev2.jsonl (tuning) and factuality_heldout.jsonl (sealed: never tune on it, see factuality_heldout.md)."""

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


HELDOUT = Path(__file__).parent / "data" / "factuality_heldout.jsonl"
DEV2 = Path(__file__).parent / "data" / "factuality_dev2.jsonl"
# Held-out figures measured at the end of issue 3 (accuracy when the event type is found / overall incl. misses),
# 0.906 / 0.730 on 2026-11-22 (coverage 0.805 depends on dateline.events); floors below them catch regressions.
HELDOUT_FLOOR_WHEN_FOUND = 0.86
HELDOUT_FLOOR_OVERALL = 0.68


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_heldout_and_dev2_files_are_balanced() -> None:
    held = Counter(c["factuality"] for c in _read(HELDOUT))
    assert sum(held.values()) >= 175 and set(held) == set(FACTUALITY) and min(held.values()) >= 25
    dev2 = Counter(c["factuality"] for c in _read(DEV2))
    assert sum(dev2.values()) >= 100 and set(dev2) == set(FACTUALITY)
    held_texts = {c["text"] for c in _read(HELDOUT)}
    assert not held_texts & {c["text"] for c in _read(DEV2) + _cases()}, (
        "held-out sentences leaked into dev sets"
    )


def test_heldout_accuracy_stays_above_floor() -> None:
    from dateline.evaluate.factuality import load_cases, score_cases

    r = score_cases(load_cases("test"))
    print(
        "held-out:",
        r["accuracy_when_found"],
        r["accuracy"],
        {k: v["accuracy"] for k, v in r["per_class"].items()},
    )
    assert r["accuracy_when_found"] >= HELDOUT_FLOOR_WHEN_FOUND, r["per_class"]
    assert r["accuracy"] >= HELDOUT_FLOOR_OVERALL, r["per_class"]


def _fact(text: str, word: str, published: str = PUBLISHED) -> str:
    doc = parse(text, published)
    tok = next(t for t in doc.spacy if t.text == word)
    return classify(tok, published)


def test_negative_arguments_and_without_negate() -> None:
    assert _fact("No soldiers were deployed to the island.", "deployed") == "negated"
    assert _fact("Nobody was detained after the match.", "detained") == "negated"
    assert _fact("The convoy crossed the border without firing a shot.", "firing") == "negated"
    assert _fact("The navy has yet to deploy the frigates.", "deploy") == "negated"
    assert _fact("Ten soldiers were deployed to the island.", "deployed") == "asserted"


def test_would_is_future_only_in_reported_speech() -> None:
    assert _fact("The minister said the army would withdraw from the valley.", "withdraw") == "future"
    assert _fact("A blockade would hurt the farmers.", "blockade") == "hypothetical"
    assert _fact("The army would withdraw if the rebels laid down their arms.", "withdraw") == "hypothetical"
    assert (
        _fact("The minister said the army would have withdrawn without the attack.", "withdrawn")
        == "hypothetical"
    )
    assert _fact("Had the rebels attacked, the town would have fallen.", "attacked") == "hypothetical"


def test_plans_denied_only_when_existential() -> None:
    assert _fact("There is no plan to close the embassy, the minister said.", "close") == "denied"
    assert _fact("The cabinet has no plans to close the embassy.", "close") == "negated"
    assert _fact("There is no truth in claims that our troops shelled the market.", "shelled") == "denied"


def test_unverified_sources_allege() -> None:
    assert _fact("According to unverified reports, rebels ambushed the patrol.", "ambushed") == "alleged"
    assert _fact("Rumours say the guards beat the prisoners.", "beat") == "alleged"
    assert _fact("According to the ministry, rebels ambushed the patrol.", "ambushed") == "asserted"


def test_relative_past_dates_are_historical() -> None:
    assert _fact("Three decades ago, the army shelled the valley.", "shelled", "2024-03-01") == "historical"
    assert _fact("Last year, the union struck for a month.", "struck", "2024-03-01") == "historical"
    assert _fact("Last week, the army shelled the valley.", "shelled", "2024-03-01") == "asserted"


def test_past_adverbial_clause_keeps_its_own_status() -> None:
    assert _fact("After the police raided the office, the union vowed to strike.", "raided") == "asserted"
    assert _fact("The union vowed to strike after the police raid the office.", "strike") == "future"


def test_negation_scope_stops_at_subjects_and_adjuncts() -> None:
    assert _fact("The air strikes killed nobody.", "strikes") == "asserted"
    assert _fact("No one was injured in the bombing.", "bombing") == "asserted"
    assert _fact("The rally never took place.", "rally") == "negated"
    assert _fact(
        "The minister said that Britain had no plans to leave and that troops withdrew.", "withdrew"
    ) == ("asserted")


def test_reported_would_through_conjuncts_and_occurrence_verbs() -> None:
    assert _fact("The minister said the withdrawal would begin in May.", "withdrawal") == "future"
    assert (
        _fact("Any withdrawal would leave the town exposed, commanders warned.", "withdrawal")
        == "hypothetical"
    )
    assert (
        _fact("She said that prices had risen and that the army would deploy more troops.", "deploy")
        == "future"
    )
    assert _fact("The United States stopped short of sanctioning the bank.", "sanctioning") == "negated"


def test_a_clause_before_a_semicolon_is_not_governed_by_the_next_one() -> None:
    # the parser makes "hit" a complement of "hurt"; the negative subject of the second clause is not its scope
    doc = parse("Rockets hit the fuel depot overnight; no one was hurt.", "2026-04-14")
    facts = {e.event_text: e.factuality for e in extract_events(doc)}
    assert facts.get("hit") == "asserted"
