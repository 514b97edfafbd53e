"""Tests for dateline.time: the hand-written news-style case set, exact core values, offsets, speed."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from dateline.time import normalize

CASES = [
    json.loads(line) for line in (Path(__file__).parent / "data" / "time_cases.jsonl").open(encoding="utf-8")
]


def _found(case: dict) -> tuple[str, str, str] | None:
    start, end = case["start"], case["start"] + len(case["text"])
    for tx in normalize(case["sentence"], case["anchor"]):
        if tx.start < end and start < tx.end:
            return tx.text, tx.type, tx.value
    return None


def test_case_set_is_big_enough() -> None:
    assert len(CASES) >= 200
    assert sum(1 for c in CASES if c.get("core")) >= 20


def test_case_accuracy() -> None:
    wrong = []
    for c in CASES:
        if _found(c) != (c["text"], c["type"], c["value"]):
            wrong.append((c["sentence"], c["text"], c["value"], _found(c)))
    accuracy = 1 - len(wrong) / len(CASES)
    print(f"time_cases accuracy: {accuracy:.3f} ({len(CASES) - len(wrong)}/{len(CASES)})")
    assert accuracy >= 0.95, wrong


@pytest.mark.parametrize("case", [c for c in CASES if c.get("core")], ids=lambda c: c["text"])
def test_core_exact(case: dict) -> None:
    assert _found(case) == (case["text"], case["type"], case["value"])


def test_offsets_index_the_text() -> None:
    text = "  UK troops left Basra on 30 April 2009.\n\nTwo days later, talks resumed in London on Monday."
    out = normalize(text, "2014-06-18")
    assert [t.text for t in out] == ["30 April 2009", "Two days later", "Monday"]
    for t in out:
        assert text[t.start : t.end] == t.text


def test_intervals_and_anchor_fields() -> None:
    text = "Rebels attacked over the weekend. Talks resume next week. The drought began last summer. Profits rose in the third quarter."
    by_text = {t.text: t for t in normalize(text, "2014-10-22")}
    we = by_text["the weekend"]
    assert (we.value, we.begin, we.finish) == ("2014-W42-WE", "2014-10-18", "2014-10-19")
    nw = by_text["next week"]
    assert (nw.begin, nw.finish) == ("2014-10-27", "2014-11-02")
    su = by_text["last summer"]
    assert (su.value, su.begin, su.finish) == (
        "2014-SU",
        "2014-06-01",
        "2014-08-31",
    )  # autumn: last summer is this year's
    q = by_text["the third quarter"]
    assert (q.value, q.begin, q.finish) == ("2014-Q3", "2014-07-01", "2014-09-30")
    assert nw.anchor == "2014-10-22" and nw.anchor_source == "published"


def test_absolute_dates_need_no_anchor() -> None:
    out = normalize("The ceasefire was signed on June 3, 2014.")
    assert [(t.value, t.anchor_source, t.anchor) for t in out] == [("2014-06-03", "none", None)]


def test_relative_without_anchor_stays_unresolved() -> None:
    out = normalize("Troops withdrew yesterday and will return on Monday.")
    assert [(t.text, t.value) for t in out] == [("yesterday", "XXXX-XX-XX"), ("Monday", "XXXX-WXX-1")]


def test_narrative_anchor_is_the_text_date() -> None:
    out = normalize("The envoy arrived on 2 March 2014. The next day he met the president.", "2014-06-18")
    nxt = out[-1]
    assert (nxt.value, nxt.anchor_source, nxt.anchor) == ("2014-03-03", "text", "2014-03-02")


def test_not_time_expressions() -> None:
    text = "Some 2,000 troops and 1500 police may march to the May Day rally; he will fall back."
    values = [(t.text, t.value) for t in normalize(text, "2014-06-18")]
    assert ("May Day", "2015-05-01") in values  # future tense: the next May Day
    assert all(t not in {"2,000", "1500", "may", "fall"} for t, _ in values)


def test_anchor_accepts_date_and_datetime() -> None:
    import datetime as dt

    a = normalize("It happened yesterday.", dt.date(2014, 6, 18))
    b = normalize("It happened yesterday.", dt.datetime(2014, 6, 18, 9, 30))
    assert a[0].value == b[0].value == "2014-06-17"


def test_tense_from_spacy_doc() -> None:
    from dateline.nlp import load

    nlp = load()
    text = "Ministers will meet on Monday. Rebels attacked the convoy on Monday."
    out = normalize(text, "2014-06-18", doc=nlp(text))
    assert [t.value for t in out] == ["2014-06-23", "2014-06-16"]


def test_fast_enough() -> None:
    sentences = [c["sentence"] for c in CASES]
    normalize(sentences[0], "2014-06-18")  # build the grammar once
    t0 = time.perf_counter()
    for s in sentences:
        normalize(s, "2014-06-18")
    per_sentence = (time.perf_counter() - t0) / len(sentences)
    print(f"{per_sentence * 1000:.3f} ms per sentence")
    assert per_sentence < 0.002


@pytest.mark.slow
def test_tempeval3_platinum(shared_data: Path) -> None:
    from dateline.evaluate.time import run

    res = run("test", shared_data)["te3-platinum"]
    assert res["relaxed"]["f1"] >= 0.85
    assert res["value_f1"] >= 0.75


def test_participle_clause_takes_its_main_verbs_tense() -> None:
    from dateline.nlp import parse

    # published on a Monday: "warning on Sunday" hangs on a past verb (the day before), whatever the "would" after it
    text = "The senator went further, warning on Sunday that the region would face a long war."
    got = normalize(text, "2020-01-06", parse(text, "2020-01-06").spacy)
    assert [(t.text, t.value) for t in got] == [("Sunday", "2020-01-05")]
    text = "The envoy will fly to Oslo, arriving on Sunday for talks."
    got = normalize(text, "2020-01-06", parse(text, "2020-01-06").spacy)
    assert [(t.text, t.value) for t in got] == [("Sunday", "2020-01-12")]


def test_may_and_a_one_digit_day_after_a_preposition_is_a_date() -> None:
    got = {
        x.text: x.value for x in normalize("Talks began on May 2 and ended on May 9.", anchor="2024-06-20")
    }
    assert got == {"May 2": "2024-05-02", "May 9": "2024-05-09"}
    assert [x.text for x in normalize("Theresa May 3 times refused.", anchor="2024-06-20")] == []
