"""The merge evaluation: pairwise scoring, its three views, and the held-out corpus (tests/fixtures/merge_corpus)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluate import merge as M
from dateline.link import link_new
from dateline.store import Store

HELD_OUT = Path(__file__).parent / "fixtures" / "merge_corpus"


def _gold() -> list[dict]:
    rows = [("a.txt", "x"), ("b.txt", "x"), ("c.txt", "x"), ("a.txt", "y"), ("b.txt", "y")]
    return [{"file": f, "key": k} for f, k in rows]


def test_pairwise_scores_and_the_found_only_view() -> None:
    gold = _gold()  # gold links: (0,1) (0,2) (1,2) x, (3,4) y
    sys = {("a.txt", "0"): {"m1"}, ("b.txt", "1"): {"m1"}, ("a.txt", "3"): {"m2"}, ("b.txt", "4"): {"m1"}}
    out = M.score_links(gold, sys)
    # system links: (0,1) right, (0,4) and (1,4)... (1,4) same file: not a pair; (0,4) wrong
    assert (out["gold_links"], out["system_links"], out["correct_links"]) == (4, 2, 1)
    assert out["precision"] == 0.5 and out["recall"] == 0.25
    found = M.score_links(gold, sys, only={0, 1, 3, 4})  # mention 2 was not extracted: its links do not count
    assert (found["gold_links"], found["system_links"], found["correct_links"]) == (2, 2, 1)
    errors = M.link_errors(gold, sys)
    assert errors["wrong"] == ["x a. | y b."] and len(errors["missed"]) == 1


def test_held_out_corpus_is_consistent() -> None:
    gold = [json.loads(line) for line in (HELD_OUT / "gold_events.jsonl").read_text().splitlines() if line]
    files = {p.name for p in (HELD_OUT / "articles").iterdir()}
    meta = M._meta(HELD_OUT)
    assert set(meta) == files and len(files) == 10
    for g in gold:
        assert g["file"] in files
        assert g["sentence"] in (HELD_OUT / "articles" / g["file"]).read_text()
    keys = {g["key"] for g in gold}
    multi = {k for k in keys if len({g["file"] for g in gold if g["key"] == k}) > 1}
    assert len(multi) >= 4 and len(keys) - len(multi) >= 3  # several shared events and look-alikes


def test_linker_on_gold_fields_of_the_held_out_corpus(tmp_path) -> None:
    """Held-out check of the linker alone (events built from the gold fields; no extraction involved)."""
    gold = [json.loads(line) for line in (HELD_OUT / "gold_events.jsonl").read_text().splitlines() if line]
    store = Store(tmp_path / "g.db")
    M.add_gold_events(store, gold, HELD_OUT)
    link_new(store)
    out = M._score_store(store, gold, by_id=True)
    assert out["precision"] >= 0.9 and out["recall"] >= 0.6, out


@pytest.mark.slow
def test_held_out_end_to_end(tmp_path) -> None:
    out = M.evaluate_corpus(HELD_OUT, tmp_path)
    assert out["linker_on_found_mentions"]["precision"] >= 0.9, out
    assert out["end_to_end"]["matched_mentions"] >= 10, out
