"""Twenty-second session, merging (issue 7): disputes carried by reports, and documents with no event.

- Kind A: a report that denies the act it names ("the army denied that its soldiers fired first in Monday's attack on
  Kasama", "dismissed reports of the seizure of the Blue Heron", a REJECT statement "denied the attack on Kasama")
  makes the merged event disputed (factuality), the denial side by side with the mentions in `conflicts`.
  Condemning or defending the act, denying a part in it, a negated denial, a denial of another act (another clause,
  or one the phrase only dates) dispute nothing.
- Kind B: a document in which no event was extracted is still read for sentence reports (merge._eventless_docs: the
  documents stored since the last link run), once: a second run keeps its reports and reads only newer documents.
Invented sentences, none from the corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.link import explain, link_new
from dateline.link._words import denies
from dateline.model import Document, Event, EventDate, Sentence
from dateline.store import Store
from tests.merge_helpers import city_in, merged_id

ATTACK = ("Insurgents attacked the village of Kasama before dawn on Monday, killing 11 villagers, officials said.",
          "ASSAULT", "attacked", "2061-05-02", ("Kasama", "ZMB", -10.21, 31.18))  # fmt: skip
SEIZURE = ("Ghana's navy seized the Togolese cargo ship Blue Heron off Keta on Monday, the port authority said.",
           "COERCE", "seized", "2061-02-07", ("Keta", "GHA", 5.92, 0.99))  # fmt: skip


def _event(doc: str, k: int, sentence: str, start: int, typ: str, trigger: str, date: str,
           place: tuple | None = None) -> Event:  # fmt: skip
    i = sentence.index(trigger)
    return Event(
        id=f"{doc}#{k}", doc_id=doc, event=typ, mode=None, cameo=None, actor=[], recipient=[],
        text=sentence, sentence_start=start, sentence_end=start + len(sentence), event_text=trigger,
        event_start=start + i, event_end=start + i + len(trigger), factuality="asserted",
        location=city_in(sentence, place), date=EventDate(date, source="text"),
    )  # fmt: skip


def _add_act(store: Store, n: int, act: tuple) -> None:
    sentence, typ, trigger, day, place = act
    e = _event(f"a{n}", 0, sentence, 0, typ, trigger, day, place)
    store.add(Document(id=f"a{n}", text=sentence, path=f"a{n}", outlet=f"Wire {n}", published=day,
                       status="processed", events=[e], places=[e.location] if e.location else [],
                       sentences=[Sentence(0, len(sentence))]), f"a{n}", None)  # fmt: skip


def _add_doc(store: Store, doc: str, published: str, said: list[tuple[str, tuple | None]]) -> None:
    """A document of sentences, each (sentence, its event as (type, trigger) or None)."""
    text, events, sentences = "", [], []
    for sentence, ev in said:
        start = len(text) + (1 if text else 0)
        text = (text + " " if text else "") + sentence
        sentences.append(Sentence(start, start + len(sentence)))
        if ev:
            events.append(_event(doc, len(events), sentence, start, ev[0], ev[1], published))
    store.add(Document(id=doc, text=text, path=doc, outlet=f"Daily {doc}", published=published,
                       status="processed", events=events, sentences=sentences), doc, None)  # fmt: skip


def _store(tmp_path: Path, act: tuple, said: list[tuple[str, tuple | None]], published: str) -> Store:
    tmp_path.mkdir(parents=True, exist_ok=True)
    store = Store(tmp_path / "s.db")
    _add_act(store, 0, act)
    _add_doc(store, "b", published, said)
    link_new(store)
    return store


def _refs(store: Store) -> list[tuple]:
    return [tuple(r) for r in store.db.execute("SELECT merged_id, doc_id, event_id FROM event_refs")]


MEETING = ("Traders held a meeting in Lusaka on Thursday to discuss prices.", ("CONSULT", "meeting"))

# --- kind A: a report that denies the act


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        (
            "The army denied that its soldiers opened fire first in Monday's attack on Kasama.",
            "Monday's attack",
        ),
        ("Togo's ministry dismissed reports of the seizure of the Blue Heron as false.", "the seizure"),
        ("The army denies the attack on Kasama ever took place.", "the attack"),
        ("Officials issued a denial of the raid on Mpika.", "the raid"),
    ],
)
def test_a_denial_whose_object_is_the_act_is_read(sentence: str, phrase: str) -> None:
    at = sentence.index(phrase)
    assert denies(sentence, at, at + len(phrase))


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("Zambia condemned the attack on Kasama.", "the attack"),
        ("Ghana defended the seizure of the Blue Heron.", "the seizure"),
        ("The army denied any involvement in the attack on Kasama.", "the attack"),  # a part in it
        ("The army denied responsibility for the raid on Mpika.", "the raid"),
        ("The army did not deny the attack on Kasama.", "the attack"),  # negated
        ("The army denied that troops looted shops, but said the attack on Kasama left nine dead.", "the attack"),
        ("The navy denied that sailors boarded a second ship after the seizure of the Blue Heron.", "the seizure"),
    ],
)  # fmt: skip
def test_condemning_defending_or_denying_something_else_is_no_denial(sentence: str, phrase: str) -> None:
    at = sentence.index(phrase)
    assert not denies(sentence, at, at + len(phrase))


DENIALS = [
    # a sentence with no event of its own (a sentence report)
    (ATTACK, ("The army denied that its soldiers opened fire first in Monday's attack on Kasama.", None), "2061-05-04"),
    (SEIZURE, ("Togo's ministry dismissed reports of the seizure of the Blue Heron as false.", None), "2061-02-09"),
    # a verbal act of denial (REJECT) reporting the act
    (ATTACK, ("An army spokesman denied the attack on Kasama.", ("REJECT", "denied")),
     "2061-05-04"),
]  # fmt: skip


@pytest.mark.parametrize(("act", "said", "day"), DENIALS)
def test_a_report_denying_the_act_disputes_it(tmp_path: Path, act: tuple, said: tuple, day: str) -> None:
    store = _store(tmp_path, act, [MEETING, said], day)
    m_act = merged_id(store, "a0#0")
    assert [r[0] for r in _refs(store)] == [m_act]
    rec = explain(store, m_act)
    assert rec["disputed"] is True
    (conflict,) = [c for c in rec["conflicts"] if c["kind"] == "factuality"]
    assert [(m["value"], m["text"]) for m in conflict["mentions"]] == [
        ("asserted", act[0]),
        ("denied", said[0]),
    ]
    assert store.db.execute("SELECT disputed FROM merged_events WHERE id = ?", (m_act,)).fetchone()[0] == 1


NOT_DISPUTING = [
    (ATTACK, ("Zambia condemned the attack on Kasama as a crime.", ("ACCUSE", "condemned")), "2061-05-04"),
    (SEIZURE, ("Ghana defended the seizure of the Blue Heron, saying it carried contraband.", ("SUPPORT", "defended")),
     "2061-02-09"),
    (ATTACK, ("The army denied any involvement in Monday's attack on Kasama.", None), "2061-05-04"),
    (ATTACK, ("The army denied that troops looted shops, but said the attack on Kasama had left nine dead.", None),
     "2061-05-04"),
]  # fmt: skip


@pytest.mark.parametrize(("act", "said", "day"), NOT_DISPUTING)
def test_a_report_condemning_defending_or_denying_another_thing_disputes_nothing(
    tmp_path: Path, act: tuple, said: tuple, day: str
) -> None:
    store = _store(tmp_path, act, [MEETING, said], day)
    m_act = merged_id(store, "a0#0")
    assert [r[0] for r in _refs(store)] == [m_act]  # still a report of the act
    rec = explain(store, m_act)
    assert rec["disputed"] is False and rec["conflicts"] == []


# --- kind B: a document with no event


EVENTLESS = [
    (ATTACK, "Schools in Mpika took in families who fled the attack on Kasama.", "2061-05-04"),
    (SEIZURE, "Insurers have raised premiums since the seizure of the Blue Heron, brokers said.", "2061-02-09"),
]  # fmt: skip


@pytest.mark.parametrize(("act", "said", "day"), EVENTLESS)
def test_a_document_with_no_event_is_read_for_reports(
    tmp_path: Path, act: tuple, said: str, day: str
) -> None:
    store = _store(tmp_path, act, [(said, None)], day)
    assert store.db.execute("SELECT count(*) FROM events WHERE doc_id = 'b'").fetchone()[0] == 0
    m_act = merged_id(store, "a0#0")
    assert _refs(store) == [(m_act, "b", None)]
    rec = explain(store, m_act)
    assert [r["text"] for r in rec["reports"]] == [said] and rec["sources"] == 2
    link_new(store)  # a second run keeps the report (the document is not read again, nor dropped)
    assert _refs(store) == [(m_act, "b", None)]


def test_a_document_with_no_event_stored_after_a_run_is_read_by_the_next(tmp_path: Path) -> None:
    store = _store(tmp_path, ATTACK, [MEETING], "2061-05-03")
    assert _refs(store) == []
    _add_doc(
        store,
        "c",
        "2061-05-05",
        [("The council corrected the toll of Monday's attack on Kasama to nine.", None)],
    )
    link_new(store)
    assert _refs(store) == [(merged_id(store, "a0#0"), "c", None)]


def test_a_document_with_no_event_and_a_denial_disputes_the_act(tmp_path: Path) -> None:
    said = "The army denies the attack on Kasama ever took place, a spokesman said."
    store = _store(tmp_path, ATTACK, [(said, None)], "2061-05-04")
    assert explain(store, merged_id(store, "a0#0"))["disputed"] is True


@pytest.mark.parametrize(
    "said",
    [
        "Villagers in Mpika fear another attack on Kasama.",  # indefinite
        "Schools in Mpika took in families who fled the attack on Mbala.",  # another place
    ],
)
def test_a_document_with_no_event_and_no_known_act_gives_no_report(tmp_path: Path, said: str) -> None:
    store = _store(tmp_path, ATTACK, [(said, None)], "2061-05-04")
    assert _refs(store) == []
