"""Thirteenth session, merging (issue 7): the Haiti hostage corpus (tests/fixtures/merge_dev13), two linker rules found
on dev12's and dev13's missed links (a place where the wounded or the ship went afterwards; a self-directed parse
slip compared with other countries' reports), and the merged record's size spread: a toll revised by later reports
(or by its own sentence's earlier count) shown as one figure revised, a kindless count folded into the event's one
tally, a part of a figure ("five of them Canadians") left out. Each rule on two differently worded cases, with the
case it must leave alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluate import merge as M
from dateline.link import link_new
from dateline.link._words import aftermath_place
from dateline.link.merge import _summarise
from dateline.model import Actor, Document, Event, EventDate, Place, Size
from dateline.store import Store

DEV13 = Path(__file__).parent / "fixtures" / "merge_dev13"


def _event(doc: str, i: int, sentence: str, typ: str = "ASSAULT", actor: str | None = None,
           recip: str | None = None, date: str | None = "2026-09-14", sizes: list[Size] | None = None,
           place: Place | None = None, fact: str = "asserted") -> Event:  # fmt: skip
    return Event(
        id=f"{doc}#{i}", doc_id=doc, event=typ, mode=None, cameo=None,
        actor=[Actor(actor, 0, 0, country=actor)] if actor else [],
        recipient=[Actor(recip, 0, 0, country=recip)] if recip else [],
        text=sentence, sentence_start=0, sentence_end=len(sentence), event_text=sentence, event_start=0,
        event_end=len(sentence), factuality=fact, location=place,
        date=EventDate(date, source="text") if date else None, size=sizes or [],
    )  # fmt: skip


def _size(sentence: str, words: str, n: float, kind: str | None = None, unit: str | None = "people") -> Size:
    start = sentence.index(words)
    return Size(words, start, start + len(words), min=n, max=n, qualifier="exact", unit=unit, kind=kind)


def _place(sentence: str, name: str, country: str, lat: float, lon: float) -> Place:
    start = sentence.index(name)
    return Place(name, start, start + len(name), name=name, country=country, lat=lat, lon=lon, feature="city",
                 precision_km=5.0)  # fmt: skip


def _store(tmp_path: Path, docs: list[tuple[str, str, str, list[Event]]]) -> Store:
    """docs: (id, outlet, published, events); each document's text is its events' one sentence."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    store = Store(tmp_path / "s.db")
    for doc_id, outlet, published, events in docs:
        text = events[0].text
        places = [e.location for e in events if e.location]
        store.add(Document(id=doc_id, text=text, path=doc_id, outlet=outlet, published=published,
                           status="processed", events=events, places=places), doc_id, None)  # fmt: skip
    link_new(store)
    return store


def _merged(store: Store, event_id: str) -> str:
    return store.db.execute("SELECT merged_id FROM event_links WHERE event_id = ?", (event_id,)).fetchone()[0]


# --- a place that says where the wounded or the ship went afterwards is not where the event happened


@pytest.mark.parametrize(("sentence", "name"), [
    ("Six sailors from the tanker are still in hospital in Jeddah after Monday's missile attack on it.", "Jeddah"),
    ("The nurse freed on Friday is recovering in a hospital in Ottawa, her family said.", "Ottawa"),
    ("The strike left six of her crew injured, and she is now at anchor off Jeddah for repairs.", "Jeddah"),
    ("Two wounded soldiers were taken to a hospital in Kirkuk after the ambush.", "Kirkuk"),
    ("The damaged freighter was towed to the port of Aden on Tuesday.", "Aden"),
    ("A third soldier wounded in the ambush died in a hospital in Georgetown on Friday.", "Georgetown"),
])  # fmt: skip
def test_a_place_the_victims_went_afterwards_is_aftermath(sentence: str, name: str) -> None:
    i = sentence.index(name)
    assert aftermath_place(sentence, i, i + len(name))


@pytest.mark.parametrize(("sentence", "name", "moved"), [
    ("A bomb exploded in a hospital in Kabul on Monday.", "Kabul", True),
    ("Gunmen killed three people in a hospital in Kandahar.", "Kandahar", True),
    ("Houthi missiles hit a tanker west of Hodeidah.", "Hodeidah", True),
    ("Egypt's marines were flown to Berenice on Tuesday.", "Berenice", False),  # a deployment's destination
    ("The freed hostages were driven to Port-au-Prince on Monday.", "Port-au-Prince", False),
])  # fmt: skip
def test_where_an_act_happened_or_moved_to_is_no_aftermath(sentence: str, name: str, moved: bool) -> None:
    i = sentence.index(name)
    assert not aftermath_place(sentence, i, i + len(name), moved=moved)


@pytest.mark.parametrize(("later", "name", "lat", "lon"), [
    ("Six sailors from the Kalliope Star are still in hospital in Jeddah after Monday's missile attack on the tanker.",
     "Jeddah", 21.49, 39.19),
    ("Last Monday's missile strike on the Kalliope Star left six of her crew injured; she is at anchor off Jeddah now.",
     "Jeddah", 21.49, 39.19),
])  # fmt: skip
def test_a_report_located_where_the_wounded_are_joins_the_attack(tmp_path: Path, later: str, name: str,
                                                                 lat: float, lon: float) -> None:  # fmt: skip
    """dev12's tanker: two later reports located (by extraction) at Jeddah, where the crew or the ship went, were
    vetoed against the reports located west of Hodeidah (two countries). A look-alike located at another place of
    another country, with nothing afterwards about it, stays apart."""
    first = "Houthi forces fired missiles at the oil tanker Kalliope Star west of Hodeidah on Monday, injuring three crew."
    a = _event("d1", 0, first, actor="YEM", recip="GRC", date="2026-10-12",
               sizes=[_size(first, "three crew", 3, "injured")], place=_place(first, "Hodeidah", "YEM", 14.80, 42.95))  # fmt: skip
    six = "Six" if later.startswith("Six") else "six"
    b = _event("d2", 0, later, date="2026-10-12", sizes=[_size(later, six, 6, "injured")],
               place=_place(later, name, "SAU", lat, lon))  # fmt: skip
    other = "A drone struck the bulk carrier Valletta Grace off Aden on Monday, causing minor damage."
    c = _event("d3", 0, other, actor="YEM", recip="MLT", date="2026-10-12",
               place=_place(other, "Aden", "YEM", 12.78, 45.04))  # fmt: skip
    store = _store(tmp_path, [("d1", "Wire", "2026-10-12", [a]), ("d2", "Daily", "2026-10-15", [b]),
                              ("d3", "Radio", "2026-10-13", [c])])  # fmt: skip
    assert _merged(store, a.id) == _merged(store, b.id)
    assert _merged(store, c.id) != _merged(store, a.id)


# --- a self-directed parse (actor = recipient) is a slip as likely as not: compared with other countries' reports


@pytest.mark.parametrize(("slip", "country"), [
    ("At least six foreign aid workers were abducted by gunmen on the road to Croix-des-Bouquets on Monday.", "FRA"),
    ("Gunmen seized six aid workers, most of them Canadians, from a minibus near Croix-des-Bouquets on Monday.", "DOM"),
])  # fmt: skip
def test_a_self_directed_slip_is_compared_with_other_countries(
    tmp_path: Path, slip: str, country: str
) -> None:
    """dev13: "Croix-des-Bouquets" read as a French place made a kidnapping FRA -> FRA, which the blocking filed
    under France only, so it never met the reports of the same kidnapping (HTI -> CAN; score above the threshold).
    Another kidnapping two days later, elsewhere, stays apart."""
    first = "Members of the gang kidnapped seven aid workers, five of them Canadians, near Croix-des-Bouquets on Monday."
    a = _event("d1", 0, first, actor="HTI", recip="CAN", sizes=[_size(first, "seven aid workers", 7)])
    doctor = "Gunmen kidnapped a doctor outside his clinic in Petion-Ville on Wednesday, a hospital said."
    c = _event("d3", 0, doctor, actor="HTI", recip="HTI", date="2026-09-16")
    for doc in ("d2", "d0"):  # the slip linked after the other report, and before it (documents in id order)
        b = _event(doc, 0, slip, actor=country, recip=country, sizes=[_size(slip, "six", 6)])
        docs = [("d1", "Wire", "2026-09-14", [a]), (doc, "Radio", "2026-09-14", [b])]
        store = _store(tmp_path / doc, [*docs, ("d3", "Daily", "2026-09-16", [c])])
        assert _merged(store, a.id) == _merged(store, b.id), doc
        assert _merged(store, c.id) != _merged(store, a.id), doc


# --- the merged record's size spread


def _mention(e: Event, outlet: str, published: str) -> dict:
    return {"event_id": e.id, "event": e.event, "doc_id": e.doc_id, "outlet": outlet, "published": published,
            "factuality": e.factuality, "date": e.date.value if e.date else None,
            "date_source": e.date.source if e.date else None, "text": e.text}  # fmt: skip


def _record(reports: list[tuple[Event, str, str]]) -> dict:
    return _summarise("m", [e for e, _, _ in reports], [_mention(e, o, p) for e, o, p in reports])


@pytest.mark.parametrize(("s1", "w1", "n1", "s2", "w2", "n2", "kind"), [
    ("Guyana said two of its soldiers were killed in the clash near Eteringbang on Wednesday.", "two", 2,
     "Three Guyanese soldiers were killed in Wednesday's clash near Eteringbang, the army said.", "Three", 3, "dead"),
    ("Police killed four suspected gang members in a raid in Cite Soleil on Saturday.", "four", 4,
     "Six suspected gang members were killed in Saturday's police raid in Cite Soleil.", "Six", 6, "dead"),
    ("Houthi missiles struck the tanker, injuring three crew members.", "three", 3,
     "Five crew members of the tanker were injured when Houthi missiles struck it.", "Five", 5, "injured"),
])  # fmt: skip
def test_a_toll_raised_by_a_later_report_is_one_figure_revised(s1, w1, n1, s2, w2, n2, kind) -> None:
    """QA finding 10: a toll revised 2 -> 3 by a later report is one figure revised (the latest report's figure
    stands, the earlier one kept beside it), not a dispute between sources."""
    a = _event("d1", 0, s1, sizes=[_size(s1, w1, n1, kind)])
    b = _event("d2", 0, s2, sizes=[_size(s2, w2, n2, kind)])
    rec = _record([(a, "Herald", "2026-11-05"), (b, "Gazette", "2026-11-06")])
    (spread,) = rec["sizes"]
    assert spread["revised"] and spread["latest"] == n2 and (spread["min"], spread["max"]) == (n1, n2)
    assert [r["value"] for r in spread["revisions"]] == [n1, n2]
    assert [r["outlet"] for r in spread["revisions"]] == ["Herald", "Gazette"]
    assert "revised" in spread["text"] and not rec["disputed"], rec["conflicts"]


def test_a_later_lower_toll_or_two_counts_of_one_day_still_disagree() -> None:
    s1 = "Police killed six suspected gang members in a raid in Cite Soleil on Saturday."
    s2 = "Four suspected gang members were killed in Saturday's police raid in Cite Soleil."
    a = _event("d1", 0, s1, sizes=[_size(s1, "six", 6, "dead")])
    b = _event("d2", 0, s2, sizes=[_size(s2, "Four", 4, "dead")])
    for published in ("2026-09-22", "2026-09-20"):  # a later report lower; two reports of one day
        rec = _record([(a, "Ledger", "2026-09-20"), (b, "Observer", published)])
        assert "revised" not in rec["sizes"][0] and [c["kind"] for c in rec["conflicts"]] == ["size"]


@pytest.mark.parametrize(("sentence", "now", "before", "kind"), [
    ("Three Guyanese soldiers were killed in Wednesday's clash, the army said on Friday, raising its earlier toll "
     "of two after a wounded corporal died in hospital.", "Three", "two", "injured"),
    ("Nine people were killed in the market bombing, up from four reported on Monday, the governor said.",
     "Nine", "four", "dead"),
    ("Nine people were killed in the market bombing, up from four reported on Monday, the governor said.",
     "Nine", "four", None),
])  # fmt: skip
def test_a_report_that_gives_the_earlier_count_itself_shows_the_revision(sentence: str, now: str, before: str,
                                                                         kind: str | None) -> None:  # fmt: skip
    """The report's own sentence gives the earlier count ("raising its earlier toll of two", "up from four"), read
    as another figure (with another kind, as extraction gave it, with the same kind, or none): the earlier value of
    the same tally, not a second count of the same report."""
    e = _event("d1", 0, sentence, sizes=[_size(sentence, now, 0, "dead"), _size(sentence, before, 0, kind)])
    e.size[0].min = e.size[0].max = float({"Three": 3, "Nine": 9}[now])
    e.size[1].min = e.size[1].max = float({"two": 2, "four": 4}[before])
    other = "Guyana said its patrol came under fire on Wednesday."
    rec = _record([(_event("d0", 0, other), "Herald", "2026-11-05"), (e, "Gazette", "2026-11-06")])
    (spread,) = rec["sizes"]
    assert spread["kind"] == "dead" and spread["revised"] and spread["latest"] == e.size[0].min
    assert spread["revisions"][0]["earlier_in_text"] and not rec["disputed"]


def test_a_count_read_without_its_kind_joins_the_events_one_tally() -> None:
    """ "Five crew members ... were injured" read with no kind, beside reports of 3 and 6 wounded: one toll (3-6),
    not a separate "5 people" spread; a crowd far off the toll, or a count beside two tallies, is left alone."""
    s1, s2, s3 = ("Missiles struck the tanker, injuring three crew members.",
                  "Five crew members of the tanker were hurt when missiles struck it.",
                  "The attack left six of her crew injured.")  # fmt: skip
    events = [_event("d1", 0, s1, sizes=[_size(s1, "three crew", 3, "injured")]),
              _event("d2", 0, s2, sizes=[_size(s2, "Five crew", 5)]),
              _event("d3", 0, s3, sizes=[_size(s3, "six", 6, "injured")])]  # fmt: skip
    rec = _record([(events[0], "Wire", "2026-10-12"), (events[1], "Courier", "2026-10-13"),
                   (events[2], "Blog", "2026-10-19")])  # fmt: skip
    assert [(s["kind"], s["min"], s["max"]) for s in rec["sizes"]] == [("injured", 3, 6)], rec["sizes"]
    s4 = "About 800 people marched after the attack in which three were wounded."
    crowd = _event("d4", 0, s4, sizes=[_size(s4, "About 800 people", 800)])
    rec = _record([(events[0], "Wire", "2026-10-12"), (crowd, "Ledger", "2026-10-13")])
    assert sorted((s["kind"] or "", s["min"]) for s in rec["sizes"]) == [("", 800), ("injured", 3)]


def test_a_part_of_the_reports_own_figure_is_no_size_of_the_event() -> None:
    """ "seven aid workers, five of them Canadians": the five are part of the seven, not another count (which read
    as 5-7 and, against "at least six", a size dispute); "three of whom were children" likewise."""
    s1 = "Members of the gang kidnapped seven aid workers, five of them Canadians, on Monday."
    s2 = "Gunmen killed 12 villagers, three of whom were children, in the raid."
    for s, total, part, n, p in ((s1, "seven aid workers", "five of them Canadians", 7, 5),
                                 (s2, "12 villagers", "three of whom were children", 12, 3)):  # fmt: skip
        e = _event("d1", 0, s, sizes=[_size(s, total, n), _size(s, part, p)])
        rec = _record([(e, "Wire", "2026-09-14")])
        assert [(x["min"], x["max"]) for x in rec["sizes"]] == [(n, n)], rec["sizes"]


# --- the thirteenth corpus


def _gold(name: str) -> list[dict]:
    return [json.loads(line) for line in (DEV13 / name).read_text().splitlines() if line]


def test_dev13_is_consistent_and_its_merged_gold_agrees() -> None:
    """Gold sentences verbatim, one row per (article, event), every article in the README table (16 articles, 6
    outlets); the merged fields follow from the rows (sources, earliest report with every file of that day, the
    spread with a single bound standing for both ends); one factuality dispute (the doctor's kidnapping, denied)."""
    gold, merged = _gold("gold_events.jsonl"), _gold("gold_merged.jsonl")
    meta = M._meta(DEV13)
    files = {p.name for p in (DEV13 / "articles").iterdir()}
    assert set(meta) == files and len(files) == 16 and len({o for o, _ in meta.values()}) == 6
    for g in gold:
        assert g["sentence"] in (DEV13 / "articles" / g["file"]).read_text()
    assert len({(g["file"], g["key"]) for g in gold}) == len(gold) == 36
    assert {g["key"] for g in gold} == {m["key"] for m in merged} and len(merged) == 12
    links = 0
    for m in merged:
        rows = [g for g in gold if g["key"] == m["key"]]
        assert m["files"] == sorted(g["file"] for g in rows) and m["mentions"] == len(rows)
        assert m["sources"] == len({meta[f][0] for f in m["files"]})
        first = min(meta[f][1] for f in m["files"])
        assert m["first_reported"] == first and m["first_files"] == [
            f for f in m["files"] if meta[f][1] == first
        ]
        lows = [g["size_min"] if g["size_min"] is not None else g["size_max"] for g in rows]
        highs = [g["size_max"] if g["size_max"] is not None else g["size_min"] for g in rows]
        assert (m["size_min"], m["size_max"]) == (
            (min(x for x in lows if x is not None), max(x for x in highs if x is not None))
            if any(x is not None for x in lows) else (None, None))  # fmt: skip
        links += len(rows) * (len(rows) - 1) // 2
    assert links == 45
    assert [(m["key"], m["dispute_kinds"]) for m in merged if m["disputed"]] == [
        ("doctor-kidnap-2026-09-16", ["factuality"])
    ]


def test_dev13_linker_on_gold_fields(tmp_path: Path) -> None:
    """The linker alone on dev13's gold fields: untouched and final P 1.000 / R 0.889 (40 of 45), every look-alike
    apart (two kidnappings, two releases, two rounds of US sanctions). The five missed links are one report, "The
    nurse freed on Friday is recovering in a hospital in Ottawa": no actor, no count, no shared word in the gold
    fields. Merged fields right on 11 of the 11 shared events linked right (the raid's toll, 4 then 6 dead, a
    revision)."""
    gold = _gold("gold_events.jsonl")
    store = Store(tmp_path / "g.db")
    M.add_gold_events(store, gold, DEV13)
    link_new(store)
    out = M._score_store(store, gold, by_id=True)
    assert out["system_links"] == out["correct_links"] >= 40, out
    fields = M.merged_fields(store, gold, _gold("gold_merged.jsonl"), by_id=True)
    assert fields["linked_right"] >= 11 and fields["all_fields_right"] == fields["linked_right"], fields


@pytest.mark.slow
def test_dev13_end_to_end_keeps_its_final_figures(tmp_path: Path) -> None:
    """Floors at dev13's final figures. Untouched: end to end P 1.000 / R 0.400 (18 of 45, 32 of 36 mentions
    found), found mentions 1.000 / 0.500. Final: P 1.000 / R 0.467 (21 of 45), found mentions 1.000 / 0.583; what
    is left is extraction (see the corpus README); every merged field right on the 5 events linked right."""
    out = M.evaluate_corpus(DEV13, tmp_path, errors=True)
    e2e, found = out["end_to_end"], out["linker_on_found_mentions"]
    assert e2e["precision"] >= 1.0 and e2e["correct_links"] >= 21 and e2e["matched_mentions"] >= 32, e2e
    assert found["precision"] >= 1.0, found
    fields = e2e["merged_fields"]
    assert fields["linked_right"] >= 5 and fields["all_fields_right"] == fields["linked_right"], fields


@pytest.mark.slow
def test_dev12_end_to_end_joins_the_reports_located_where_the_crew_went(tmp_path: Path) -> None:
    """dev12 at the start of the session: P 1.000 / R 0.786 (22 of 28; every mention found, the tanker's two later
    reports located at Jeddah, where the crew are in hospital and the ship at anchor). Final: 28 of 28, and every
    merged field right on the 11 shared events (the fishermen, 14 and "some 15 men", one spread)."""
    out = M.evaluate_corpus(M.DEV12, tmp_path, errors=True)
    e2e = out["end_to_end"]
    assert e2e["precision"] >= 1.0 and e2e["correct_links"] >= 28, e2e
    fields = e2e["merged_fields"]
    assert fields["linked_right"] >= 11 and fields["all_fields_right"] == fields["linked_right"], fields
