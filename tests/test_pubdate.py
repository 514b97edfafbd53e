"""Tests for dateline.pubdate.infer_published (texts written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.pubdate import THRESHOLD, infer_published

LEAD = "The army has been fighting for control of the valley for many months now. " * 8


def test_dateline_at_the_top() -> None:
    text = (
        "LONDON, June 16, 2014 (Reuters) - British troops began leaving the base on Monday, officials said."
    )
    date, conf, evidence = infer_published(text)
    assert date == "2014-06-16"
    assert conf >= 0.7 and any("dateline" in e for e in evidence)


def test_publication_cue() -> None:
    body = "Talks between the two sides resumed after a long pause. " * 8
    text = body + "\nPublished: 3 March 2015\n" + body
    date, conf, evidence = infer_published(text)
    assert date == "2015-03-03" and conf >= 0.8
    assert any("cue" in e for e in evidence)


def test_cue_and_month_name_in_another_language() -> None:
    text = "Rathaus\nVeröffentlicht am 3. März 2015\n" + "Der Stadtrat hat über den Haushalt beraten. " * 5
    date, conf, evidence = infer_published(text)
    assert date == "2015-03-03" and conf >= 0.8
    assert any("cue" in e for e in evidence)


def test_byline_with_a_dash() -> None:
    date, conf, _ = infer_published("By Jane Smith — March 11, 2020\n" + LEAD)
    assert date == "2020-03-11" and conf >= THRESHOLD


def test_title_date() -> None:
    assert infer_published("Troops leave.", title="Iraq withdrawal - 30 April 2009")[0] == "2009-04-30"


def test_no_dates_means_none() -> None:
    date, conf, _ = infer_published(
        "Rebels shelled the town yesterday, the army said. Talks will resume next week."
    )
    assert date is None and conf == 0.0


def test_relative_dates_only_have_no_anchor() -> None:
    text = "Rebels shelled the town on Tuesday, and the army said yesterday that it would respond on Friday."
    date, conf, evidence = infer_published(text, threshold=0.0)
    assert date is None and conf == 0.0
    assert any("no absolute anchor" in e for e in evidence)


def test_dateline_beats_an_earlier_event_date() -> None:
    text = "KABUL, 3 May 2012 - " + LEAD + "The attack on 1 May 2012 killed six people, police said."
    date, conf, evidence = infer_published(text)
    assert date == "2012-05-03" and conf >= THRESHOLD
    assert any("runner-up 2012-05-01" in e for e in evidence)


def test_a_lone_event_date_deep_in_the_body_is_not_enough() -> None:
    text = LEAD + "On Monday, June 16, 2014, the last troops left, officials said."
    date, conf, evidence = infer_published(text)
    assert date is None and conf < THRESHOLD
    # the candidate and its evidence are still there below the threshold
    date0, conf0, evidence0 = infer_published(text, threshold=0.0)
    assert date0 == "2014-06-16" and conf0 == conf
    assert any("agrees" in e for e in evidence0)


def test_disagreeing_weekday_lowers_the_confidence() -> None:
    agree = infer_published(LEAD + "On Monday, June 16, 2014, the last troops left.", threshold=0.0)
    disagree = infer_published(LEAD + "On Friday, June 16, 2014, the last troops left.", threshold=0.0)
    assert disagree[1] < agree[1]
    assert any("disagrees" in e for e in disagree[2])


def test_future_dates_only_are_not_used() -> None:
    date, conf, evidence = infer_published(LEAD + "Elections will be held on 1 October 2016.", threshold=0.0)
    assert conf < 0.05
    assert any("future" in e for e in evidence)
    assert infer_published(LEAD + "Elections will be held on 1 October 2016.")[0] is None


def test_nothing_is_published_after_today() -> None:
    date, _, evidence = infer_published("BERLIN, 3 May 2098 - " + LEAD, threshold=0.0)
    assert date is None and evidence == ["only dates after today"]


def test_month_day_takes_its_year_from_the_text() -> None:
    text = "Troops first arrived in 2014. " + LEAD + "The last convoy left on June 16, officials said."
    date, _, evidence = infer_published(text, threshold=0.0)
    assert date == "2014-06-16"
    assert any("year of 'June 16' taken from elsewhere" in e for e in evidence)


def test_yesterday_with_a_date_proposes_the_next_day() -> None:
    text = LEAD + "Yesterday, June 15, 2014, the last troops left the base, officials said."
    date, _, evidence = infer_published(text, threshold=0.0)
    assert date == "2014-06-16"
    assert any("the day after it" in e for e in evidence)


def test_embedded_post_dates_are_discounted() -> None:
    plain = infer_published(LEAD + "Troops left.\nJune 16, 2014\n" + LEAD, threshold=0.0)
    tweet = infer_published(
        LEAD + "Troops left.\n— Jane Doe (@janedoe) June 16, 2014\n" + LEAD, threshold=0.0
    )
    assert tweet[1] < plain[1]
    assert any("embedded" in e for e in tweet[2])


def test_threshold_parameter() -> None:
    text = "KABUL, 3 May 2012 - " + LEAD
    date, conf, _ = infer_published(text)
    assert date == "2012-05-03"
    assert infer_published(text, threshold=min(1.0, conf + 0.01))[0] is None


def test_demo_article_without_absolute_dates() -> None:
    path = next((Path(__file__).parents[1] / "dateline" / "demo" / "articles").glob("13-*.txt"))
    date, conf, evidence = infer_published(path.read_text(encoding="utf-8"))
    assert date is None and conf < THRESHOLD and evidence


def test_a_long_repetitive_text_still_gives_the_dateline_date() -> None:
    text = ("KABUL, 3 May 2012 - " + LEAD + "The attack on 1 May 2012 killed six people, police said. ") * 30
    date, conf, evidence = infer_published(text)
    assert date == "2012-05-03" and conf >= THRESHOLD and evidence


@pytest.mark.slow
def test_pubdate_suite_runs(shared_data: Path) -> None:
    from dateline.evaluate.time import run_pubdate

    res = run_pubdate("dev", shared_data)
    assert res["htmldate"]["accuracy_when_answered"] >= 0.85  # the default threshold was chosen for this
    assert res["htmldate"]["accuracy"] >= 0.08  # first version: 0.071
    assert res["timex/all"]["coverage"] <= 0.05  # these texts carry no absolute anchor: stay silent
    assert set(res["table"]["htmldate"]) >= {"0.5", "0.7"}


def test_outlet_date_section_line_at_the_top() -> None:
    text = "Harbour Gazette | Thursday, 4 April 2024 | World\n\n" + LEAD
    date, conf, evidence = infer_published(text)
    assert date == "2024-04-04" and conf >= 0.8
    assert any("dateline" in e for e in evidence)


def test_byline_outlet_date_line_at_the_top() -> None:
    date, conf, _ = infer_published("By Tomas Weller, Morning Ledger, 2 February 2024\n\n" + LEAD)
    assert date == "2024-02-02" and conf >= THRESHOLD


def test_wire_dateline_without_a_year_and_no_year_in_the_text_is_not_guessed() -> None:
    text = "PORTBRIDGE, April 4 (Valley Wire) - Rebels shelled the ferry terminal on Thursday, police said."
    date, conf, _ = infer_published(text, threshold=0.0)
    assert date is None and conf == 0.0


def test_wire_dateline_without_a_year_takes_the_year_the_text_gives() -> None:
    text = (
        "PORTBRIDGE, April 4 (Valley Wire) - Rebels shelled the ferry terminal on Thursday, police said. "
        "The terminal reopened in 2024 after repairs."
    )
    date, _, evidence = infer_published(text, threshold=0.0)
    assert date == "2024-04-04" and any("taken from elsewhere" in e for e in evidence)


def test_year_less_dateline_takes_its_year_from_the_collection() -> None:
    text = "KIGALI, Feb 3 (Lakes Wire) - Rwanda closed its border crossing at Gisenyi on Tuesday, officials said."
    assert infer_published(text)[0] is None  # the text alone has no year
    date, conf, evidence = infer_published(text, near=["2024-01-30", "2024-02-05"])
    assert date == "2024-02-03" and conf >= THRESHOLD
    assert any("collection" in e for e in evidence)
    # across a new year: "Dec 30" beside articles of early January is the year before
    late = text.replace("Feb 3", "Dec 30")
    assert infer_published(late, near=["2025-01-02"])[0] == "2024-12-30"
    # a collection months away says nothing about the year
    assert infer_published(text, near=["2024-09-01"])[0] is None


def test_a_date_the_text_gives_wins_over_the_collection() -> None:
    text = (
        "Published: February 3, 2023\n\nKIGALI, Feb 3 (Lakes Wire) - Rwanda closed its border crossing at "
        "Gisenyi on Tuesday, officials said."
    )
    assert infer_published(text, near=["2024-02-05"])[0] == "2023-02-03"
