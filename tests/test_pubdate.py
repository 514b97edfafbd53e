"""Tests for dateline.pubdate.infer_published (texts written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.pubdate import infer_published


def test_dateline_at_the_top() -> None:
    text = (
        "LONDON, June 16, 2014 (Reuters) - British troops began leaving the base on Monday, officials said."
    )
    date, conf, evidence = infer_published(text)
    assert date == "2014-06-16"
    assert conf >= 0.7 and evidence


def test_publication_cue() -> None:
    body = "Talks between the two sides resumed after a long pause. " * 8
    text = body + "\nPublished: 3 March 2015\n" + body
    date, conf, evidence = infer_published(text)
    assert date == "2015-03-03" and conf >= 0.8
    assert any("cue" in e for e in evidence)


def test_title_date() -> None:
    assert infer_published("Troops leave.", title="Iraq withdrawal - 30 April 2009")[0] == "2009-04-30"


def test_no_dates_means_none() -> None:
    date, conf, _ = infer_published(
        "Rebels shelled the town yesterday, the army said. Talks will resume next week."
    )
    assert date is None and conf == 0.0


def test_agreeing_weekday_in_the_body() -> None:
    lead = "The army has been fighting for control of the valley for many months now. " * 8
    text = lead + "On Monday, June 16, 2014, the last troops left, officials said yesterday."
    date, conf, evidence = infer_published(text)
    assert date == "2014-06-16"
    assert any("agrees" in e for e in evidence)


def test_disagreeing_weekday_gives_no_answer() -> None:
    lead = "The army has been fighting for control of the valley for many months now. " * 8
    text = lead + "On Friday, June 16, 2014, the last troops left, officials said."
    date, _, evidence = infer_published(text)
    assert date is None
    assert any("disagrees" in e for e in evidence)


def test_future_dates_only_are_not_used() -> None:
    lead = "The army has been fighting for control of the valley for many months now. " * 8
    date, _, _ = infer_published(lead + "Elections will be held on 1 October 2016.")
    assert date is None


@pytest.mark.slow
def test_pubdate_suite_runs(shared_data: Path) -> None:
    from dateline.evaluate.time import run_pubdate

    res = run_pubdate("dev", shared_data)
    assert res["htmldate"]["accuracy_when_answered"] >= 0.6
