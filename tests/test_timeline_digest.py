"""The DATEWISE summariser (`dateline.link.digest`), its CLI option and the Timeline17 metric details."""

from __future__ import annotations

import datetime as dt

import click
import pytest
from click.testing import CliRunner

from dateline.evaluate.timeline import _aggregate, _toks, align_rouge, date_prf
from dateline.link import digest as dg
from dateline.link.cli import COMMANDS
from dateline.model import Document, Sentence
from dateline.store import Store
from dateline.time import normalize

# a small invented story: a port blockade, mentioned again and again after the day it began; one article on
# another subject mentions its own day once
ARTICLES = [
    {"id": "a1", "outlet": "Coast Herald", "published": "2030-04-02",
     "text": "Fishermen blockaded the port of Velmar on Monday , stopping all ferries to the islands .\n"
             "The ferry company said it lost money every hour the harbour stayed shut .\n"
             "Weather was fine ."},
    {"id": "a2", "outlet": "Island Post", "published": "2030-04-03",
     "text": "The blockade of Velmar port began on April 1 when fishermen chained their boats across the harbour .\n"
             "Ferry passengers waited on the quay for a second day with no word on when ferries would sail .\n"
             "Sports results follow ."},
    {"id": "a3", "outlet": "Coast Herald", "published": "2030-04-05",
     "text": "Police cleared the fishermen from Velmar port on Thursday after talks with the union failed .\n"
             "Since the blockade started on April 1 , ferries to the islands had been cancelled .\n"
             "A market report says fish prices rose ."},
    {"id": "a4", "outlet": "Valley News", "published": "2030-04-06",
     "text": "A football club in the valley appointed a new coach on April 4 after a run of defeats .\n"
             "The club chairman praised the coach for his work with young players over many years ."},
]  # fmt: skip


def test_digest_picks_the_most_recalled_day_and_cites_offsets() -> None:
    days = dg.digest(ARTICLES, n_dates=1, per_date=1)
    assert [d["date"] for d in days] == ["2030-04-01"]
    s = days[0]["sentences"][0]
    art = next(a for a in ARTICLES if a["id"] == s["article"])
    assert art["text"][s["start"] : s["end"]] == s["text"]  # verbatim, by its offsets
    assert "blockade" in s["text"] and s["outlet"] == art["outlet"] and s["published"] == art["published"]


def test_keywords_filter_sentences_and_span_limits_dates() -> None:
    days = dg.digest(ARTICLES, n_dates=4, per_date=2, keywords=["VelmarPort"])
    texts = [s["text"] for d in days for s in d["sentences"]]
    assert texts and all("Velmar" in t or "port" in t.lower() for t in texts)
    assert not any("football" in t for t in texts)
    days = dg.digest(ARTICLES, n_dates=5, per_date=1, start="2030-04-03", end="2030-04-05")
    assert days and all("2030-04-03" <= d["date"] <= "2030-04-05" for d in days)
    assert dg.digest(ARTICLES, n_dates=3, per_date=1, start="2031-01-01") == []
    assert dg.digest([], n_dates=3, per_date=1) == []


def test_given_sentences_and_timexes_are_used_as_they_are() -> None:
    text = "Talks collapsed at the ministry . Unions walked out of the ministry talks ."
    cut = text.index(" Unions")
    art = {"id": "x", "published": "2030-06-10", "text": text, "sentences": [[0, cut], [cut + 1, len(text)]],
           "timexes": [{"start": 0, "type": "DATE", "value": "2030-06-08"}]}  # fmt: skip
    days = dg.digest([art], n_dates=1, per_date=1)
    assert days[0]["date"] == "2030-06-08"
    assert days[0]["sentences"][0]["text"] == "Talks collapsed at the ministry ."


def test_given_dates_are_summarised_instead_of_ranked() -> None:
    days = dg.digest(ARTICLES, n_dates=5, per_date=1, dates=["2030-04-04", dt.date(2030, 4, 1), "2031-01-01"])
    # oldest first; a day outside the span is dropped; each day is summarised by a sentence naming it
    assert [d["date"] for d in days] == ["2030-04-01", "2030-04-04"]
    assert any(w in days[1]["sentences"][0]["text"] for w in ("Thursday", "April 4"))
    assert dg.digest(ARTICLES, n_dates=5, per_date=1, dates=[]) == []


def test_sentence_splitter_and_keyword_stems() -> None:
    text = "Mr. Rossi arrived in Rome on Monday. He met U.S. officials. They talked.\nNew line here"
    assert [text[s:e] for s, e in dg._split(text)] == [
        "Mr. Rossi arrived in Rome on Monday.",
        "He met U.S. officials.",
        "They talked.",
        "New line here",
    ]
    rx = dg._keyword_rx(["SyrianCrisis"])
    assert rx is not None and rx.search("Syria 's army") and rx.search("the crisis deepened")
    assert not rx.search("Lebanon 's army")
    assert dg._keyword_rx([]) is None


def test_bylines_and_datelines_are_cut_and_questions_are_no_summaries() -> None:
    arts = [
        {"id": "b1", "published": "2030-05-03",
         "text": "Port Varin , Ostland -LRB- CNN -RRB- -- Dock workers at Port Varin began a strike on Friday over "
                 "unpaid wages , halting all cargo ships .\n"
                 "Will the dock strike at Port Varin end before the harvest ships arrive ?\n"
                 "`` We will stay out until we are paid , '' a dock worker at Port Varin said on Friday ."},
        {"id": "b2", "published": "2030-05-04",
         "text": "Saturday 4 May 2030 09.12 GMT The dock strike at Port Varin that began on Friday left forty cargo "
                 "ships waiting outside the harbour ."},
    ]  # fmt: skip
    days = dg.digest(arts, n_dates=1, per_date=3, keywords=["PortVarin"])
    assert [d["date"] for d in days] == ["2030-05-03"]
    sents = days[0]["sentences"]
    assert sents and all("?" not in s["text"] and not s["text"].startswith("``") for s in sents)
    first = next(s for s in sents if s["article"] == "b1")
    assert first["text"].startswith("Dock workers at Port Varin began")  # the dateline is cut off
    assert arts[0]["text"][first["start"] : first["end"]] == first["text"]
    plain = "KARVIK , Ostland (Reuters) - Dock workers struck for a second day on Saturday ."
    assert plain[dg._trim(plain, 0, len(plain)) :].startswith("Dock workers")
    # the time stamp names the publication day; it is no mention of it
    b2 = dg._prepare(arts[1])
    assert b2 is not None and b2.dates == [[dt.date(2030, 5, 3)]]
    assert b2.text[b2.spans[0][0] :].startswith("The dock strike")


def test_photo_captions_credits_and_wire_bylines_are_no_summary_material() -> None:
    text = ("Miners at the Kessel pit walked out on Tuesday after a shaft flooded .\n"
            "Striking miners wave flags outside the Kessel pit gates on Tuesday .\n"
            "Photograph : Anna Berg\\/AP The Kessel pit strike began on Tuesday when union leaders called out "
            "four hundred miners .")  # fmt: skip
    art = dg._prepare({"id": "p1", "published": "2030-09-04", "text": text})
    assert art is not None
    assert [dg._is_bad(art, i) for i in range(3)] == [False, True, False]  # the caption precedes its credit
    assert art.text[art.spans[2][0] :].startswith("The Kessel pit strike")  # the credit is cut off
    days = dg.digest([{"id": "p1", "published": "2030-09-04", "text": text}], n_dates=1, per_date=3)
    assert days and all("wave flags" not in s["text"] for d in days for s in d["sentences"])
    wire = "Ferry talks fail By the CNN Wire Staff Ferry owners and unions ended talks without a deal on Monday ."
    assert wire[dg._trim(wire, 0, len(wire)) :].startswith("Ferry owners and unions")
    plain = "Photograph : Reuters Crowds gathered in the square of Kessel on Monday evening ."
    assert plain[dg._trim(plain, 0, len(plain)) :].startswith("Crowds gathered")


def test_one_day_gets_no_two_copies_of_a_sentence() -> None:
    text = "Rebels seized the airport of Dunmore on Monday after a night of heavy fighting ."
    arts = [{"id": f"c{i}", "published": "2030-07-02", "text": text} for i in range(3)]
    arts.append({"id": "c9", "published": "2030-07-02",
                 "text": "The fall of the Dunmore airport on Monday cut the government 's last supply line ."})  # fmt: skip
    days = dg.digest(arts, n_dates=1, per_date=2)
    texts = [s["text"] for s in days[0]["sentences"]]
    assert days[0]["date"] == "2030-07-01" and len(texts) == 2 and len(set(texts)) == 2


def test_knee_and_ranker_weights() -> None:
    assert dg._knee([1.0, 0.9, 0.2, 0.15, 0.1, 0.05]) == 2
    cols, w, _ = dg._model(str(dg._DATA / "date_ranker.json"))
    assert len(cols) == len(w) and all(0 <= c < len(dg.FEATURES) for c in cols)
    arts = [a for a in (dg._prepare(r) for r in ARTICLES) if a]
    lo, hi = dt.date(2030, 3, 30), dt.date(2030, 4, 6)
    dates, x = dg._date_features(arts, lo, hi)
    assert x.shape == (len(dates), len(dg.FEATURES)) and dt.date(2030, 4, 1) in dates
    # no feature may tell where a date lies in the requested span (the protocol's span is the gold's)
    assert not {"near_edge", "span_pos", "from_start", "to_end"} & set(dg.FEATURES)
    row = x[dates.index(dt.date(2030, 4, 1))]
    assert row[dg.FEATURES.index("docs_total")] == 1.0  # the most recalled day has the top count
    assert row[dg.FEATURES.index("docs_later")] > 0  # recalled by the article of April 5


def test_normalising_only_dated_sentences_finds_the_same_days() -> None:
    text = ("The talks opened in Geneva on Monday , officials said .\nDelegates argued over the agenda .\n"
            "The next day the opposition walked out .\nNo date here at all .\n"
            "On March 3 , 2030 , a ceasefire began ; two days ago it broke down .")  # fmt: skip
    pub = dt.date(2030, 3, 12)
    full = {(t.start, t.value) for t in normalize(text, anchor=pub) if dg._day(t.value)}
    fast = {(s, v) for s, _, v in dg._timexes(text, pub, tuple(dg._split(text))) if dg._day(v)}
    assert full and fast == full


def test_rouge_tokens_follow_rouge155() -> None:
    # lowercased, non-alphanumerics split words, SMART stop words out, Porter stems on words over 3 letters
    assert _toks("The U.S.-led forces were marching on Benghazi's outskirts") == [
        "led", "forc", "march", "benghazi", "outskirt",
    ]  # fmt: skip
    d = dt.date(2011, 2, 15)
    pred = {d: ["Protesters marched in Benghazi ."]}
    ref = {d: ["The protesters were marching through Benghazi ."]}
    assert align_rouge(pred, ref, 1)["f1"] == 1.0
    assert align_rouge(pred, ref, 2)["f1"] == 1.0  # bigrams over the words left after stop-word removal
    assert date_prf(pred, {d + dt.timedelta(days=1): ["x"]})["f1"] == 0.0


def test_scores_average_precision_and_recall_before_f() -> None:
    tasks = [{"ar1_p": 1.0, "ar1_r": 0.0, "ar1_f": 0.0}, {"ar1_p": 0.0, "ar1_r": 1.0, "ar1_f": 0.0}]
    assert _aggregate(tasks, "ar1") == 0.5  # news-tls: F of the mean P and mean R, not the mean F


def _store(tmp_path) -> str:
    store = Store(tmp_path / "d.db")
    for a in ARTICLES:
        spans = [Sentence(s, e) for s, e in dg._split(a["text"])]
        doc = Document(id=a["id"] * 8, text=a["text"], published=a["published"], outlet=a["outlet"],
                       status="processed", sentences=spans, timexes=normalize(a["text"], a["published"]))  # fmt: skip
        store.add(doc, a["id"], None)
    store.close()
    return str(tmp_path / "d.db")


def test_cli_summary_prints_cited_days(tmp_path) -> None:
    @click.group()
    def cli() -> None:
        pass

    for c in COMMANDS:
        cli.add_command(c)
    db = _store(tmp_path)
    r = CliRunner().invoke(cli, ["timeline", "--db", db, "--summary", "--dates", "2", "--per-date", "1"])
    assert r.exit_code == 0, r.output
    assert "## 2030-04-01" in r.output and "chars " in r.output
    assert "blockade" in r.output.split("## 2030-04-01")[1].split("##")[0]
    r = CliRunner().invoke(
        cli, ["timeline", "--db", db, "--summary", "--query", "football", "--format", "json"]
    )
    assert r.exit_code == 0, r.output
    assert "football" in r.output and "blockade" not in r.output
    r = CliRunner().invoke(cli, ["timeline", "--db", db, "--summary", "--actor", "X"])
    assert r.exit_code != 0


@pytest.mark.slow
def test_timeline17_dev_scores(shared_data) -> None:
    from dateline.evaluate.timeline import run

    res = run("dev", shared_data)
    assert res["ar1_f"] >= 0.10 and res["ar2_f"] >= 0.035 and res["date_f1"] >= 0.5
