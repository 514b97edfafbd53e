"""Eval suite `factuality`: the factuality of extracted events against our own hand-written sentence sets.

Splits (files in tests/data, written for this project, no shared data):
- `dev`  = factuality_cases.jsonl (the old regression set) + factuality_dev2.jsonl + factuality_dev3.jsonl (unseen
  wordings of issue 3, session 20) + factuality_dev4.jsonl (more unseen wordings, session 21); free to tune on.
- `test` = factuality_heldout.jsonl, written before any tuning and sealed (see factuality_heldout.md): report only.
- `all`  = both.

Each case is one sentence, the PLOVER type of the event whose status is judged, and the gold status. The
sentence is run through `dateline.nlp.annotate` and `dateline.events.extract_events`; the first extracted event
of that type is the prediction ("none" when no event of that type is found). Reported per class: n, coverage
(an event of that type found), accuracy when found, overall accuracy (found and right / n); the confusion matrix
gold -> predicted (with the "none" column); the errors, listed for the dev files only (the held-out set is sealed).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from dateline.evaluate import DataMissing, suite
from dateline.model import FACTUALITY, Document

CASE_DIR = Path(__file__).resolve().parents[2] / "tests" / "data"
SPLITS = {
    "dev": (
        "factuality_cases.jsonl",
        "factuality_dev2.jsonl",
        "factuality_dev3.jsonl",
        "factuality_dev4.jsonl",
    ),
    "test": ("factuality_heldout.jsonl",),
}
SPLITS["all"] = SPLITS["dev"] + SPLITS["test"]
DEFAULT_PUBLISHED = "2024-06-01"


def load_cases(split: str) -> list[dict[str, Any]]:
    """The cases of a split (`dev`, `test` or `all`), each with its source file name under "file"."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: use one of {', '.join(SPLITS)}")
    out = []
    for name in SPLITS[split]:
        path = CASE_DIR / name
        if not path.exists():
            raise DataMissing(
                f"factuality case file missing: {path} (the suite reads the repository's tests/data)"
            )
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                case["file"] = name
                out.append(case)
    return out


def score_cases(cases: list[dict[str, Any]]) -> dict[str, Any]:
    """Predict each case's factuality and score it: per class, overall, confusion matrix and the errors."""
    from dateline.events import extract_events
    from dateline.nlp import annotate

    docs = [
        Document(id=f"f{i}", text=c["text"], published=c.get("published", DEFAULT_PUBLISHED))
        for i, c in enumerate(cases)
    ]
    n: Counter[str] = Counter()
    found: Counter[str] = Counter()
    right: Counter[str] = Counter()
    confusion: dict[str, Counter[str]] = {k: Counter() for k in FACTUALITY}
    errors = []
    for case, doc in zip(cases, annotate(docs), strict=True):
        gold = case["factuality"]
        events = [e for e in extract_events(doc) if e.event == case["event"]]
        pred = events[0].factuality if events else "none"
        n[gold] += 1
        found[gold] += bool(events)
        right[gold] += pred == gold
        confusion[gold][pred] += 1
        if pred != gold:
            errors.append({"file": case.get("file"), "text": case["text"], "event": case["event"], "gold": gold,
                           "predicted": pred})  # fmt: skip
    per_class = {
        k: {
            "n": n[k],
            "coverage": round(found[k] / n[k], 3) if n[k] else 0.0,
            "accuracy_when_found": round(right[k] / found[k], 3) if found[k] else 0.0,
            "accuracy": round(right[k] / n[k], 3) if n[k] else 0.0,
        }
        for k in FACTUALITY
        if n[k]
    }
    total, tf, tr = sum(n.values()), sum(found.values()), sum(right.values())
    cols = [*FACTUALITY, "none"]
    return {
        "n": total,
        "coverage": round(tf / total, 3) if total else 0.0,
        "accuracy_when_found": round(tr / tf, 3) if tf else 0.0,
        "accuracy": round(tr / total, 3) if total else 0.0,
        "macro_accuracy_when_found": round(
            sum(v["accuracy_when_found"] for v in per_class.values()) / len(per_class), 3
        )
        if per_class
        else 0.0,
        "per_class": per_class,
        "confusion": {
            "columns": cols,
            "rows": {g: [confusion[g][p] for p in cols] for g in FACTUALITY if n[g]},
        },
        "errors": errors,
    }


@suite("factuality")
def run(split: str, data: Path) -> dict[str, Any]:
    """Score factuality on `split` (dev|test|all); `data` (the shared folder) is not used: the sets are ours."""
    result = score_cases(load_cases(split))
    if split != "dev":  # the held-out set is sealed: report figures, not its errors, so nobody tunes on them
        result["errors"] = [e for e in result["errors"] if e["file"] not in SPLITS["test"]]
    result["split"] = split
    result["files"] = list(SPLITS[split])
    return result
