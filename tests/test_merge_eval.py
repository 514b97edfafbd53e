"""The merge evaluation: pairwise scoring, its three views, the second to twelfth DEV corpora (tests/fixtures/merge_dev,
merge_dev3, merge_dev4, merge_dev5, merge_dev6, merge_dev7, merge_dev8, merge_dev9, merge_dev10, merge_dev11,
merge_dev12; dev10 to dev12 also score the merged events' fields), the held-out corpus (tests/fixtures/merge_corpus) and the weight fitting of
scripts/fit_merge_weights.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluate import merge as M
from dateline.link import link_new
from dateline.model import PLOVER_EVENTS, Size
from dateline.store import Store

HELD_OUT = Path(__file__).parent / "fixtures" / "merge_corpus"
DEV2 = Path(__file__).parent / "fixtures" / "merge_dev"
DEV3 = Path(__file__).parent / "fixtures" / "merge_dev3"
DEV4 = Path(__file__).parent / "fixtures" / "merge_dev4"
DEV5 = Path(__file__).parent / "fixtures" / "merge_dev5"
DEV6 = Path(__file__).parent / "fixtures" / "merge_dev6"
DEV7 = Path(__file__).parent / "fixtures" / "merge_dev7"
DEV8 = Path(__file__).parent / "fixtures" / "merge_dev8"
DEV9 = Path(__file__).parent / "fixtures" / "merge_dev9"
DEV10 = Path(__file__).parent / "fixtures" / "merge_dev10"
DEV11 = Path(__file__).parent / "fixtures" / "merge_dev11"
DEV12 = Path(__file__).parent / "fixtures" / "merge_dev12"


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


@pytest.mark.parametrize(
    "corpus",
    [DEV2, DEV3, DEV4, DEV5, DEV6, DEV7, DEV8, DEV9, DEV10, DEV11, DEV12],
    ids=["dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12"],
)
def test_dev_corpora_are_consistent(corpus: Path) -> None:
    """Every gold sentence is verbatim in its article, every article is in the README table with its outlet and
    date, and the corpus has shared events, look-alikes and the kinds of wording it is meant to test."""
    gold = [json.loads(line) for line in (corpus / "gold_events.jsonl").read_text().splitlines() if line]
    files = {p.name for p in (corpus / "articles").iterdir()}
    meta = M._meta(corpus)
    assert set(meta) == files and len(files) >= 10
    assert len({outlet for outlet, _ in meta.values()}) >= 4 and all(date for _, date in meta.values())
    for g in gold:
        assert g["file"] in files and g["event"] in PLOVER_EVENTS
        assert g["sentence"] in (corpus / "articles" / g["file"]).read_text()
    assert len({(g["file"], g["key"]) for g in gold}) == len(gold)  # one line per (article, event)
    keys = {g["key"] for g in gold}
    multi = {k for k in keys if len({g["file"] for g in gold if g["key"] == k}) > 1}
    # dev12's look-alikes are themselves reported by several outlets (two attacks of one Monday, two deployments of
    # one Tuesday, two rounds of strikes): one event of a single report there
    assert len(multi) >= 6 and len(keys) - len(multi) >= (1 if corpus.name == "merge_dev12" else 2)
    facts = {g["factuality"] for g in gold}
    assert facts >= {"asserted", "future"} and facts & {"historical", "denied"}
    assert corpus.resolve() in (
        M.DEV2,
        M.DEV3,
        M.DEV4,
        M.DEV5,
        M.DEV6,
        M.DEV7,
        M.DEV8,
        M.DEV9,
        M.DEV10,
        M.DEV11,
        M.DEV12,
    )


def _linker_on_gold_fields(corpus, tmp_path) -> dict:
    """The linker alone, on events built from a corpus's gold fields (no extraction involved)."""
    gold = [json.loads(line) for line in (corpus / "gold_events.jsonl").read_text().splitlines() if line]
    store = Store(tmp_path / "g.db")
    M.add_gold_events(store, gold, corpus)
    link_new(store)
    return M._score_store(store, gold, by_id=True)


# dev5's two shellings of one village a day apart (same actor, target and words): "the second shelling of the village"
# now keeps its report apart (a repeat cue), but "a day after yesterday's shelling" is no cue we read, so that report
# still joins Monday's (issue 7); strict, so a fix shows up here
@pytest.mark.parametrize(
    "corpus",
    [DEV2, DEV3, DEV4, DEV5, DEV6, DEV7, DEV8, DEV9, DEV10, DEV11, DEV12],
    ids=["dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12"],
)
def test_linker_on_gold_fields_of_the_dev_corpora(corpus: Path, tmp_path) -> None:
    out = _linker_on_gold_fields(corpus, tmp_path)
    assert out["precision"] >= 0.9 and out["recall"] >= 0.9, out


def test_linker_on_gold_fields_of_the_held_out_corpus(tmp_path) -> None:
    out = _linker_on_gold_fields(HELD_OUT, tmp_path)
    assert out["precision"] >= 0.9 and out["recall"] >= 0.6, out


@pytest.mark.slow
def test_held_out_end_to_end(tmp_path) -> None:
    out = M.evaluate_corpus(HELD_OUT, tmp_path)
    assert out["linker_on_found_mentions"]["precision"] >= 0.9, out
    assert out["end_to_end"]["matched_mentions"] >= 10, out


@pytest.mark.slow
@pytest.mark.parametrize(
    "corpus",
    [DEV2, DEV3, DEV4, DEV5, DEV6, DEV7, DEV8, DEV9, DEV10, DEV11, DEV12],
    ids=["dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12"],
)
def test_dev_corpora_end_to_end(corpus: Path, tmp_path) -> None:
    out = M.evaluate_corpus(corpus, tmp_path)
    assert out["linker_on_found_mentions"]["precision"] >= 0.9, out
    assert out["end_to_end"]["matched_mentions"] >= 0.6 * out["end_to_end"]["gold_mentions"], out


def test_dev8_linker_on_gold_fields_keeps_its_untouched_figures(tmp_path) -> None:
    """dev8 (written untouched, ninth session): the linker alone joined every shared event and kept every
    look-alike apart on its gold fields (P 1.000 / R 1.000, 32 of 32 links)."""
    out = _linker_on_gold_fields(DEV8, tmp_path)
    assert (out["correct_links"], out["system_links"], out["gold_links"]) == (32, 32, 32), out


@pytest.mark.slow
def test_dev8_end_to_end_keeps_its_untouched_figures(tmp_path) -> None:
    """Floors at dev8's first (untouched) measurement: end to end P 1.000 / R 0.719 (23 of 32 links, 35 of 37
    mentions found), linker on found mentions P 1.000 / R 0.793 (23 of 29)."""
    out = M.evaluate_corpus(DEV8, tmp_path)
    e2e, found = out["end_to_end"], out["linker_on_found_mentions"]
    assert e2e["precision"] >= 1.0 and e2e["correct_links"] >= 23 and e2e["matched_mentions"] >= 35, e2e
    assert found["precision"] >= 1.0 and found["recall"] >= 0.79, found


def test_dev9_linker_on_gold_fields_joins_the_disagreeing_reports(tmp_path) -> None:
    """dev9 (outlets that disagree about one event; untouched P 1.000 / R 0.897, 26 of 29 links): an air strike
    dated "early on Monday" by one outlet and "late on Sunday" by the others, with no actor and other words, now
    joins them (one night either side of midnight; a count that agrees on the day), and every look-alike stays
    apart (final P 1.000 / R 1.000, 29 of 29)."""
    out = _linker_on_gold_fields(DEV9, tmp_path)
    assert (out["correct_links"], out["system_links"], out["gold_links"]) == (29, 29, 29), out


@pytest.mark.slow
def test_dev9_end_to_end_keeps_its_final_figures(tmp_path) -> None:
    """Floors at dev9's final figures. Untouched: end to end P 1.000 / R 0.759 (22 of 29 links, 33 of 34 mentions
    found), found mentions P 1.000 / R 0.786 (22 of 28). Final (with the extraction of the session's end, on which
    the HEAD linker gives 23 of 29): end to end P 1.000 / R 0.862 (25 of 29), found mentions P 1.000 / R 0.893 (25
    of 28); the three links left were the NGO's air-strike report, located at the town its survivors fled to
    (Mae Sot, across the border from Myawaddy). Twelfth session: a sentence naming a place near the other report's
    location, in its country ("the bombing of Shwe Kokko"), lifts the veto of two countries: 29 of 29 on the
    committed extraction (floors kept: work in progress on extraction moved one mention that session)."""
    out = M.evaluate_corpus(DEV9, tmp_path)
    e2e, found = out["end_to_end"], out["linker_on_found_mentions"]
    assert e2e["precision"] >= 1.0 and e2e["correct_links"] >= 25 and e2e["matched_mentions"] >= 33, e2e
    assert found["precision"] >= 1.0 and found["recall"] >= 0.89, found


def _merged_gold(corpus: Path) -> list[dict]:
    return [json.loads(line) for line in (corpus / "gold_merged.jsonl").read_text().splitlines() if line]


@pytest.mark.parametrize("corpus", [DEV10, DEV11], ids=["dev10", "dev11"])
def test_merged_gold_agrees_with_its_rows_and_table(corpus: Path) -> None:
    """Each gold event's merged fields: its files are its gold rows, its source count the outlets of the README
    table, its earliest report the least publication date (every file of that day listed), its size spread within
    the rows' sizes; disputes name only the three kinds, and the corpus has each kind and undisputed events."""
    gold = [json.loads(line) for line in (corpus / "gold_events.jsonl").read_text().splitlines() if line]
    meta = M._meta(corpus)
    merged = _merged_gold(corpus)
    assert {g["key"] for g in gold} == {m["key"] for m in merged}
    for m in merged:
        rows = [g for g in gold if g["key"] == m["key"]]
        files = sorted({g["file"] for g in rows})
        assert m["files"] == files and m["mentions"] == len(files)
        assert m["sources"] == len({meta[f][0] for f in files})
        first = min(meta[f][1] for f in files)
        assert m["first_reported"] == first and m["first_files"] == [f for f in files if meta[f][1] == first]
        ends = [x for g in rows for x in (g["size_min"], g["size_max"]) if x is not None]
        assert (m["size_min"], m["size_max"]) == ((min(ends), max(ends)) if ends else (None, None))
        assert set(m["dispute_kinds"]) <= {"factuality", "size", "date"} and m["disputed"] == bool(
            m["dispute_kinds"]
        )
    kinds = [k for m in merged for k in m["dispute_kinds"]]
    assert sorted(kinds) == ["date", "factuality", "size"] and sum(not m["disputed"] for m in merged) >= 5


def test_dev10_linker_on_gold_fields_and_its_merged_fields(tmp_path) -> None:
    """dev10 (Korean peninsula, written untouched): the linker alone joins every shared event and keeps the
    look-alikes apart (untouched and final P 1.000 / R 1.000, 24 of 24). Merged fields of the 10 shared events:
    source count, earliest report and size spread all right; the disputed flag right on 9 of 10 (untouched and
    final): events built from gold fields carry no size kind, so the rising toll of the Yeonpyeong shelling (4, 7,
    9 wounded) cannot be told from a disagreement there (end to end, with the kinds, it is)."""
    gold = [json.loads(line) for line in (DEV10 / "gold_events.jsonl").read_text().splitlines() if line]
    store = Store(tmp_path / "g.db")
    M.add_gold_events(store, gold, DEV10)
    link_new(store)
    out = M._score_store(store, gold, by_id=True)
    assert (out["correct_links"], out["system_links"], out["gold_links"]) == (24, 24, 24), out
    fields = M.merged_fields(store, gold, _merged_gold(DEV10), by_id=True, errors=True)
    assert fields["linked_right"] == 10, fields
    assert fields["sources"] == fields["earliest"] == fields["size_spread"] == 1.0, fields
    assert fields["disputed"] >= 0.9 and fields["all_fields_right"] >= 9, fields


@pytest.mark.slow
def test_dev10_end_to_end_keeps_its_final_figures(tmp_path) -> None:
    """Floors at dev10's final figures. Untouched: end to end P 0.739 / R 0.708 (17 of 23 links right, 24 gold,
    26 of 30 mentions found), found mentions P 0.739 / R 0.895: the Tuesday shelling of Yeonpyeong island joined
    Friday's fire on a Cheorwon guard post (3 days and 146 km apart: the island, a curated "region", counted as a
    broad place); merged fields right on all 5 events linked right. Final: P 1.000 / R 0.792 (19 of 24; the 5 left
    are extraction: mistyped or missed mentions), found mentions P 1.000 / R 1.000; 7 events linked right, every
    merged field right on each (a toll revised upward is no dispute)."""
    out = M.evaluate_corpus(DEV10, tmp_path, errors=True)
    e2e, found = out["end_to_end"], out["linker_on_found_mentions"]
    assert e2e["precision"] >= 1.0 and e2e["correct_links"] >= 19 and e2e["matched_mentions"] >= 26, e2e
    assert found["precision"] >= 1.0 and found["recall"] >= 1.0, found
    fields = e2e["merged_fields"]
    assert fields["linked_right"] >= 7 and fields["all_fields_right"] == fields["linked_right"], fields


def test_dev11_linker_on_gold_fields_and_its_merged_fields(tmp_path) -> None:
    """dev11 (civil unrest and diplomacy in Peru and Bolivia, written untouched). Untouched: P 0.917 / R 0.917 (22
    of 24): the arrest of 15 protesters in Cusco took the place of the "more than 40" arrested in Juliaca beside
    the "at least 37" (no places in this view, and words slightly closer). Final: 24 of 24 (a count far under
    another report's floor is evidence against). Merged fields: 11 of 11 shared events linked right, source count,
    earliest report, size spread and the disputed flag right on all; the dispute kinds on 10 (as in dev10: events
    built from gold fields carry no size kind, so the rising tear-gas toll, 12, 19, 23 hurt, reads as a dispute)."""
    gold = [json.loads(line) for line in (DEV11 / "gold_events.jsonl").read_text().splitlines() if line]
    store = Store(tmp_path / "g.db")
    M.add_gold_events(store, gold, DEV11)
    link_new(store)
    out = M._score_store(store, gold, by_id=True)
    assert (out["correct_links"], out["system_links"], out["gold_links"]) == (24, 24, 24), out
    fields = M.merged_fields(store, gold, _merged_gold(DEV11), by_id=True, errors=True)
    assert fields["linked_right"] == 11, fields
    assert fields["sources"] == fields["earliest"] == fields["size_spread"] == fields["disputed"] == 1.0, (
        fields
    )
    assert fields["all_fields_right"] >= 10, fields


@pytest.mark.slow
def test_dev11_end_to_end_keeps_its_final_figures(tmp_path) -> None:
    """Floors at dev11's final figures. Untouched: end to end P 1.000 / R 0.875 (21 of 21 links right, 24 gold,
    29 of 33 mentions found), found mentions P 1.000 / R 1.000; merged fields: 10 of 11 shared events linked right,
    every field right on 7: counts that were the topic of a meeting or statement ("hundreds of trucks", "three of
    its officials", "four Bolivian citizens") made size spreads, and a domestic rejection typed CONSULT joined the
    foreign ministers' talks (a false factuality and date dispute). Final: links as untouched (the 3 missed are
    extraction: two reports of the general strike not found), every merged field right on all 10. After the
    session's extraction rounds all 33 mentions are found: 22 of 24 links (the two strike reports now found score
    1.33-1.38 against the 1.4 threshold), and an arrest no longer joins the next day's curfew (modes of different
    acts veto)."""
    out = M.evaluate_corpus(DEV11, tmp_path, errors=True)
    e2e, found = out["end_to_end"], out["linker_on_found_mentions"]
    assert e2e["precision"] >= 1.0 and e2e["correct_links"] >= 22 and e2e["matched_mentions"] >= 33, e2e
    assert found["precision"] >= 1.0 and found["recall"] >= 0.9, found
    fields = e2e["merged_fields"]
    assert fields["linked_right"] >= 10 and fields["all_fields_right"] == fields["linked_right"], fields


def _linked_gold(tmp_path: Path, gold: list[dict]) -> Store:
    """A store of invented gold rows (their README lists no dates), linked."""
    (tmp_path / "README.md").write_text("| file | outlet | date |\n|---|---|---|\n")
    store = Store(tmp_path / "gold.db")
    M.add_gold_events(store, gold, tmp_path)
    link_new(store)
    return store


def _doc_with_events(tmp_path) -> tuple[Store, list[str]]:
    """One invented article: an attack reported in sentence 1 and mentioned again in sentence 3; sentence 2 holds
    two events of one type (two senders) that two gold rows share."""
    from dateline.model import Actor, Document, Event, EventDate, Mention

    s1 = "Rebels shelled the northern town of Arvik on Monday."
    s2 = "Norway sent 40 medics and Denmark sent 300 soldiers to the region on Tuesday."
    s3 = "The shelling of Arvik was condemned by the council."
    text = f"{s1} {s2} {s3}"
    b2, b3 = len(s1) + 1, len(s1) + len(s2) + 2

    def event(
        i: str, typ: str, start: int, sent: str, actor: str, size: tuple | None, date: str, **kw
    ) -> Event:
        return Event(id=i, doc_id="d1", event=typ, mode=None, cameo=None, actor=[Actor(actor, 0, 1, country=actor)],
                     recipient=[], text=sent, sentence_start=start, sentence_end=start + len(sent),
                     event_text=sent, event_start=start, event_end=start + 5, date=EventDate(date, source="text"),
                     size=[Size("n", 0, 1, min=size[0], max=size[1])] if size else [], **kw)  # fmt: skip

    doc = Document(id="d1", text=text, path="x/a.txt", status="processed", published="2021-05-05", events=[
        event("e1", "ASSAULT", 0, s1, "REB", None, "2021-05-03",
              mentions=[Mention("d1", b3, b3 + 5, b3, b3 + len(s3))]),
        event("e2", "MOBILIZE", b2, s2, "NOR", (40, 40), "2021-05-04"),
        event("e3", "MOBILIZE", b2, s2, "DNK", (300, 300), "2021-05-04"),
    ])  # fmt: skip
    store = Store(tmp_path / "s.db")
    store.add(doc, "a.txt", None)
    link_new(store)
    return store, [s1, s2, s3]


def test_system_links_use_later_mentions_and_align_rows_sharing_a_sentence(tmp_path) -> None:
    store, (_, s2, s3) = _doc_with_events(tmp_path)
    row = {"file": "a.txt", "recipient_country": None, "date": None, "size_min": None, "size_max": None}
    gold = [
        {**row, "key": "shelling", "event": "ASSAULT", "actor_country": None, "sentence": s3},  # a later mention
        {**row, "key": "nor", "event": "MOBILIZE", "actor_country": "NOR", "sentence": s2, "size_min": 40,
         "size_max": 40},
        {**row, "key": "dnk", "event": "MOBILIZE", "actor_country": "DNK", "sentence": s2, "size_min": 300,
         "size_max": 300},
    ]  # fmt: skip
    links = dict(store.db.execute("SELECT event_id, merged_id FROM event_links").fetchall())
    sys = M.system_links(store, gold)
    assert sys[("a.txt", "0")] == {links["e1"]}
    # each of the two events stands for the row it agrees with (sender and size), not for both rows
    assert sys[("a.txt", "1")] == {links["e2"]} and sys[("a.txt", "2")] == {links["e3"]}
    # a row no event agrees with better than another keeps every event of its sentence and type
    tie = [{**gold[1], "actor_country": None, "size_min": None, "size_max": None}]
    assert M.system_links(store, tie)[("a.txt", "0")] == {links["e2"], links["e3"]}


def test_missed_links_say_why(tmp_path) -> None:
    """Each missed gold link gets the linker's reason: here a veto (two sender countries) and a weak score."""
    row = {"event": "MOBILIZE", "mode": None, "recipient_country": "EST", "date": "2021-03-01", "size_min": None,
           "size_max": None, "factuality": "asserted"}  # fmt: skip
    gold = [
        {**row, "file": "a.txt", "key": "k1", "actor_country": "DNK",
         "sentence": "Denmark sent 200 soldiers to Estonia on Monday."},
        {**row, "file": "b.txt", "key": "k1", "actor_country": "NOR",
         "sentence": "Norway sent 200 soldiers to Estonia on Monday."},
        {**row, "file": "a.txt", "key": "k2", "actor_country": "FIN", "recipient_country": None, "date": None,
         "sentence": "Helsinki is weighing its options."},
        {**row, "file": "c.txt", "key": "k2", "actor_country": None, "recipient_country": None, "date": None,
         "sentence": "A decision on the brigade is expected soon."},
    ]  # fmt: skip
    store = _linked_gold(tmp_path, gold)  # (a README with no dates: none given)
    out = M._score_store(store, gold, errors=True, by_id=True)
    why = out["errors"]["missed_why"]
    assert len(why) == 2 and len(out["errors"]["missed"]) == 2
    assert any(w.startswith("k1") and "veto: actors differ" in w for w in why), why
    assert any(w.startswith("k2") and "< " in w for w in why), why


def test_a_pass_lost_to_a_member_veto_says_so(tmp_path) -> None:
    """A report that fits the first report of a merged event but is vetoed by a later member (another count) is
    reported as lost to member support, judged on the members linked before it."""
    row = {"event": "MOBILIZE", "mode": None, "actor_country": "DNK", "recipient_country": "EST",
           "date": "2021-03-01", "size_min": None, "size_max": None, "factuality": "asserted"}  # fmt: skip
    gold = [
        {**row, "file": "a.txt", "key": "k", "sentence": "Denmark sent soldiers to the Tapa base in Estonia."},
        {**row, "file": "b.txt", "key": "other", "size_min": 30, "size_max": 30,
         "sentence": "Denmark sent 30 soldiers to the Tapa base in Estonia."},
        {**row, "file": "c.txt", "key": "k", "size_min": 300, "size_max": 300,
         "sentence": "Denmark sent 300 soldiers to the Tapa base in Estonia."},
    ]  # fmt: skip
    store = _linked_gold(tmp_path, gold)
    why = M._score_store(store, gold, errors=True, by_id=True)["errors"]["missed_why"]
    assert (
        len(why) == 1
        and why[0].startswith("k a. | c.")
        and "member support: 1 member(s) linked before it veto it" in why[0]
    ), why


def test_dev5_separates_what_it_can_on_gold_fields(tmp_path) -> None:
    """dev5 on gold fields: every look-alike stays apart, the day-apart shellings too ("a day after yesterday's
    shelling" dates the second as a sequel of the first), and every shared event links."""
    gold = [json.loads(line) for line in (DEV5 / "gold_events.jsonl").read_text().splitlines() if line]
    store = Store(tmp_path / "g.db")
    M.add_gold_events(store, gold, DEV5)
    link_new(store)
    errors = M.link_errors(gold, M.system_links(store, gold, by_id=True))
    assert errors["wrong"] == [] and errors["missed"] == [], errors


def test_wrong_links_say_why(tmp_path) -> None:
    """A wrong link (two deployments of one sender a day apart, worded alike) is shown with the evidence that
    joined it; a correct link is not listed."""
    row = {"event": "MOBILIZE", "mode": None, "actor_country": "DNK", "recipient_country": "EST",
           "size_min": None, "size_max": None, "factuality": "asserted"}  # fmt: skip
    gold = [
        {**row, "file": "a.txt", "key": "mon", "date": "2021-03-01",
         "sentence": "Denmark sent soldiers to the Tapa base in Estonia."},
        {**row, "file": "b.txt", "key": "tue", "date": "2021-03-02",
         "sentence": "Denmark sent soldiers to the Tapa base in Estonia."},
    ]  # fmt: skip
    store = _linked_gold(tmp_path, gold)
    errors = M._score_store(store, gold, errors=True, by_id=True)["errors"]
    assert errors["wrong"] == ["mon a. | tue b."]
    why = errors["wrong_why"]
    assert len(why) == 1 and why[0].startswith("mon a. | tue b.: joined, score") and "date_gap_days" in why[0]


def _fit_module():
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "scripts" / "fit_merge_weights.py"
    spec = importlib.util.spec_from_file_location("fit_merge_weights", path)
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def test_weight_fit_learns_from_pairs_and_keeps_the_hand_set_signs() -> None:
    """Invented pairs: shared words and a shared day mark the same event, a recipient mismatch another one, and
    roles_swapped is noise whose true sign is negative here: the fit keeps it at zero (the hand-set sign is +)."""
    import random

    F = _fit_module()
    rnd = random.Random(7)
    xs, ys = [], []
    for _ in range(400):
        same = rnd.random() < 0.5
        x = {"words": rnd.uniform(0.3, 0.9) if same else rnd.uniform(0.0, 0.4)}
        if rnd.random() < (0.8 if same else 0.3):
            x["date_same_day"] = 1.0
        if not same and rnd.random() < 0.4:
            x["recipient_mismatch"] = 1.0
        if not same and rnd.random() < 0.5:
            x["roles_swapped"] = 1.0
        xs.append(x)
        ys.append(int(same))
    for prior in ("zero", "hand"):
        w, b = F.fit(xs, ys, 1.0, prior)
        assert w["words"] > 0 and w["date_same_day"] > 0 and w["recipient_mismatch"] < 0, (prior, w)
        assert w["roles_swapped"] == 0.0, (prior, w)
        assert F._auc(xs, ys, w) > 0.9
    weights, threshold, member_min = F._table(w, b, 0.5, 0.2)
    assert threshold == pytest.approx(-b, abs=1e-3) and member_min < threshold
