"""Twenty-second session, merging (issue 7): a definite reference to a known act in a sentence that reports no event
of its own ("Families who fled the attack on Chai are sheltering in Macomia", "corrected the toll of Monday's attack
on Chai", "Fishermen in Ikang have stayed ashore since the seizure of the Ogoja Pride") is a report of that act's
merged event, keyed by its document and sentence span (event_refs with no event id: store migration 5).
Invented sentences, none from the corpora.

- the reading (_words.sentence_refs): every definite phrase of the sentence whose head is an event noun, but a
  phrase of a series ("the first attack", "the latest seizure"), a plural with no one day ("the attacks on ships"),
  a state of affairs ("the fighting in Kasama");
- the report (merge._sentence_refs): the one merged event whose report shares the phrase's name or object noun, on
  the bar of _definite; none for another place, two candidates, a phrase dating the sentence's own act ("a day
  after the attack on Kasama, gunmen raided Mpika"), a sentence that tells an act its noun names;
- the store: an old store (schema 4) opens and keeps its reports; the evaluator and `explain` see the new ones;
  a document re-ingested without events drops them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dateline.link import explain, link_new
from dateline.link._words import sentence_refs
from dateline.link.merge import _event_nouns, _noun_phrase
from dateline.model import Actor, Document, Event, EventDate, Sentence
from dateline.store import MIGRATIONS, Store
from tests.merge_helpers import city_in, merged_id

# --- the reading


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("Families who fled the attack on Kasama are sheltering in schools in Mpika.", "the attack"),
        ("The council corrected the toll of Monday's attack on Kasama to nine dead.", "Monday's attack"),
        ("Dockworkers have stayed at home since the seizure of the Blue Heron, their union said.", "the seizure"),
        ("Insurers raised premiums on the route over yesterday's seizure of the ferry.", "yesterday's seizure"),
        ("Shops reopened in Kasama after Saturday's clashes with the police.", "Saturday's clashes"),
        ("Traders said the June 2 march in Lusaka had cost them a day of sales.", "the June 2 march"),
    ],
)  # fmt: skip
def test_a_definite_act_anywhere_in_a_sentence_is_read(sentence: str, phrase: str) -> None:
    acts = sentence_refs(sentence, _event_nouns(), frozenset({"ACCUSE", "CONSULT"}))
    assert [sentence[a:b] for _, _, a, b in acts][:1] == [phrase]


@pytest.mark.parametrize(
    "sentence",
    [
        "Families who fled the first attack on Kasama have not gone home.",  # a series
        "Dockworkers fear the latest seizure of a ferry will not be the last.",
        "Villagers fear another attack on Kasama.",  # indefinite
        "The attacks on ships in the strait have doubled insurance costs.",  # a plural, no one day: a campaign
        "Families who fled the fighting in Kasama are sheltering in schools.",  # a state of affairs
    ],
)
def test_no_one_known_act_is_read_in_a_series_a_plural_or_a_state(sentence: str) -> None:
    assert sentence_refs(sentence, _event_nouns(), frozenset({"ACCUSE", "CONSULT"})) == []


@pytest.mark.parametrize(
    ("after", "phrase"),
    [
        (" on Kasama are sheltering in schools", " on Kasama"),
        (" of the Blue Heron, their union said", " of the Blue Heron"),
        (" on the aid convoy near Mpika was", " on the aid convoy near Mpika"),
        (" of the ferry as an act of piracy", " of the ferry"),
    ],
)
def test_the_phrase_ends_where_its_object_and_places_end(after: str, phrase: str) -> None:
    assert _noun_phrase(after) == phrase


# --- the report

ATTACK = ("Insurgents attacked the village of Kasama before dawn on Monday, killing 11 villagers, officials said.",
          "ASSAULT", "attacked", "2061-05-02", ("Kasama", "ZMB", -10.21, 31.18))  # fmt: skip
SEIZURE = ("Ghana's navy seized the Togolese cargo ship Blue Heron off Keta on Monday, the port authority said.",
           "COERCE", "seized", "2061-02-07", ("Keta", "GHA", 5.92, 0.99))  # fmt: skip
OTHER = (
    "Traders held a meeting in Lusaka on Thursday to discuss prices."  # the document's one event (CONSULT)
)


def _event(doc: str, k: int, sentence: str, start: int, typ: str, trigger: str, date: str,
           place: tuple | None = None, actor: str | None = None) -> Event:  # fmt: skip
    i = sentence.index(trigger)
    return Event(
        id=f"{doc}#{k}", doc_id=doc, event=typ, mode=None, cameo=None,
        actor=[Actor(actor, 0, 0, country=actor)] if actor else [], recipient=[],
        text=sentence, sentence_start=start, sentence_end=start + len(sentence), event_text=trigger,
        event_start=start + i, event_end=start + i + len(trigger), factuality="asserted",
        location=city_in(sentence, place), date=EventDate(date, source="text"),
    )  # fmt: skip


def _store(tmp_path: Path, acts: list[tuple], later: list[tuple[str, tuple | None]], published: str) -> Store:
    """One document per act (its one sentence and event), then a document of sentences, each (sentence, its event
    as (type, trigger) or None), published on `published`."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    store = Store(tmp_path / "s.db")
    for n, (sentence, typ, trigger, day, place) in enumerate(acts):
        e = _event(f"a{n}", 0, sentence, 0, typ, trigger, day, place)
        store.add(Document(id=f"a{n}", text=sentence, path=f"a{n}", outlet=f"Wire {n}", published=day,
                           status="processed", events=[e], places=[e.location] if e.location else [],
                           sentences=[Sentence(0, len(sentence))]), f"a{n}", None)  # fmt: skip
    text, events, sentences = "", [], []
    for sentence, ev in [(OTHER, ("CONSULT", "meeting")), *later]:
        start = len(text) + (1 if text else 0)
        text = (text + " " if text else "") + sentence
        sentences.append(Sentence(start, start + len(sentence)))
        if ev:
            events.append(_event("b", len(events), sentence, start, ev[0], ev[1], published))
    store.add(Document(id="b", text=text, path="b", outlet="Daily B", published=published, status="processed",
                       events=events, sentences=sentences), "b", None)  # fmt: skip
    link_new(store)
    return store


def _sentence_refs(store: Store) -> list[tuple]:
    return [
        tuple(r)
        for r in store.db.execute(
            "SELECT merged_id, doc_id, event, sentence_start, sentence_end FROM event_refs WHERE event_id IS NULL"
        )
    ]


REPORTS = [
    (ATTACK, "Families who fled the attack on Kasama are sheltering in schools in Mpika.", "2061-05-04"),
    (ATTACK, "The council corrected the toll of Monday's attack on Kasama to nine dead, not eleven.", "2061-05-05"),
    (SEIZURE, "Dockworkers have stayed at home since the seizure of the Blue Heron, their union said.", "2061-02-09"),
    (SEIZURE, "Insurers raised premiums on the route over the seizure of the cargo ship off Keta.", "2061-02-10"),
]  # fmt: skip


@pytest.mark.parametrize(("act", "said", "day"), REPORTS)
def test_a_sentence_naming_a_known_act_reports_it(tmp_path: Path, act: tuple, said: str, day: str) -> None:
    store = _store(tmp_path, [act], [(said, None)], day)
    m_act = merged_id(store, "a0#0")
    start = len(OTHER) + 1
    assert _sentence_refs(store) == [(m_act, "b", act[1], start, start + len(said))]
    rec = explain(store, m_act)
    assert [(r["event_id"], r["reported_act"], r["text"]) for r in rec["reports"]] == [(None, act[1], said)]
    assert rec["sources"] == 2 and "Daily B" in rec["outlets"]


LOOKALIKES = [
    (ATTACK, "Families who fled the first attack on Kasama have not gone home.", None),  # a series
    (ATTACK, "Families who fled the attack on Mbala are sheltering in schools in Mpika.", None),  # another place
    (ATTACK, "The attacks on villages near Kasama have emptied the district.", None),  # a plural: a campaign
    (ATTACK, "Families who fled the fighting in Kasama are sheltering in schools.", None),  # a state of affairs
    # the phrase dates the sentence's own act (of another type): an anchor, no report
    (ATTACK, "A day after the attack on Kasama, thousands marched in Mpika.", ("PROTEST", "marched")),
    (ATTACK, "Days after the attack on Kasama, the army sent troops to guard the surviving villagers.", ("MOBILIZE", "sent")),
    (ATTACK, "The attack on Kasama killed nine villagers, the council said.", ("ASSAULT", "attack")),  # its own act
    (SEIZURE, "Dockworkers fear another seizure of the Blue Heron.", None),  # indefinite
    (SEIZURE, "Dockworkers have stayed at home since the seizure of the Red Star, their union said.", None),
]  # fmt: skip


@pytest.mark.parametrize(("act", "said", "ev"), LOOKALIKES)
def test_a_lookalike_or_another_act_is_no_report(
    tmp_path: Path, act: tuple, said: str, ev: tuple | None
) -> None:
    store = _store(tmp_path, [act], [(said, ev)], "2061-05-04" if act is ATTACK else "2061-02-09")
    assert _sentence_refs(store) == []


def test_two_known_acts_the_phrase_could_name_give_no_report(tmp_path: Path) -> None:
    earlier = (ATTACK[0].replace("Monday", "Tuesday"), *ATTACK[1:3], "2061-04-26", ATTACK[4])
    said = "Families who fled the attack on Kasama are sheltering in schools in Mpika."
    store = _store(tmp_path, [earlier, ATTACK], [(said, None)], "2061-05-04")
    assert merged_id(store, "a0#0") != merged_id(store, "a1#0")
    assert _sentence_refs(store) == []


def test_the_evaluator_counts_a_sentence_report_as_the_acts_mention(tmp_path: Path) -> None:
    from dateline.evaluate.merge import _links, _refs

    act, said, day = REPORTS[0]
    store = _store(tmp_path, [act], [(said, None)], day)
    start = len(OTHER) + 1
    key = f"ref:b@{start}:ASSAULT"
    assert [r[:3] for r in _refs(store)] == [(key, merged_id(store, "a0#0"), "ASSAULT")]
    assert _links(store)[key] == merged_id(store, "a0#0")


def test_a_document_reingested_without_events_drops_its_sentence_reports(tmp_path: Path) -> None:
    act, said, day = REPORTS[2]
    store = _store(tmp_path, [act], [(said, None)], day)
    m_act = merged_id(store, "a0#0")
    assert len(_sentence_refs(store)) == 1
    store.db.execute("DELETE FROM events WHERE doc_id = 'b'")
    store.db.commit()
    link_new(store)
    assert _sentence_refs(store) == []
    assert "reports" not in explain(store, m_act)


# --- the store: an old store (schema 4) keeps its reports


_V4_REFS = """
    CREATE TABLE event_refs (
        event_id TEXT NOT NULL, merged_id TEXT NOT NULL, doc_id TEXT NOT NULL, event TEXT NOT NULL, score REAL,
        evidence TEXT, PRIMARY KEY (event_id, event)
    );
    CREATE INDEX event_refs_merged ON event_refs(merged_id);
    CREATE INDEX event_refs_doc ON event_refs(doc_id);
"""


def test_a_schema_4_store_is_migrated_and_keeps_its_reports(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:3]:
        conn.executescript(script)
    conn.executescript(_V4_REFS + "PRAGMA user_version=4;")
    conn.execute("INSERT INTO event_refs VALUES ('e1', 'm1', 'd1', 'ASSAULT', 0.9, '{}')")
    conn.commit()
    conn.close()
    old = Store(path, readonly=True)  # read as it is: no migration
    assert old.schema_version == 4
    assert old.db.execute("SELECT count(*) FROM event_refs").fetchone()[0] == 1
    old.close()
    store = Store(path)
    assert store.schema_version == len(MIGRATIONS) == 5
    rows = [tuple(r) for r in store.db.execute("SELECT * FROM event_refs")]
    assert rows == [("e1", "m1", "d1", "ASSAULT", 0.9, "{}", None, None)]
    store.db.execute(
        "INSERT INTO event_refs(event_id, merged_id, doc_id, event, sentence_start, sentence_end)"
        " VALUES (NULL, 'm1', 'd2', 'ASSAULT', 10, 60)"
    )
    with pytest.raises(sqlite3.IntegrityError):  # one report per verbal event and type, as before
        store.db.execute(
            "INSERT INTO event_refs(event_id, merged_id, doc_id, event) VALUES ('e1', 'm2', 'd1', 'ASSAULT')"
        )
    assert store.db.execute("SELECT count(*) FROM event_refs").fetchone()[0] == 2


@pytest.mark.parametrize(("act", "said", "day"), REPORTS[::3])
def test_the_text_view_of_explain_shows_each_report(tmp_path: Path, act: tuple, said: str, day: str) -> None:
    from click.testing import CliRunner

    from dateline.cli import main

    store = _store(tmp_path, [act], [(said, None)], day)
    m_act = merged_id(store, "a0#0")
    res = CliRunner().invoke(main, ["explain", m_act, "--db", str(tmp_path / "s.db")], terminal_width=400)
    assert res.exit_code == 0, res.output
    assert "report: Daily B" in res.output and "a reference in another sentence" in res.output
    assert " ".join(said.split()) in " ".join(res.output.split())
