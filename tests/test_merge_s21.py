"""Twenty-first session, merging (issue 7): the Mozambique-Tanzania corpus (tests/fixtures/merge_dev21) and one
linker relation, each on two or more differently worded cases with the cases it must leave alone. Invented
sentences, none from the corpus.

- reports inside verbal acts (_words.referred_acts, merge._refs, merge._definite): a verbal act whose object is an
  earlier act named by a definite noun phrase ("condemned the strike near ...", "defended last week's raid",
  "recalled its envoy over last week's detention") reports that act: the act's merged event lists the sentence
  among its reports (event_refs) and counts its outlet among its sources; the verbal act stays an event of its own
  (never merged with the act). Not for an indefinite phrase, a phrase that is not the clause's first, a denied
  verbal act, or a referent the reference cannot single out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.link._words import referred_acts
from dateline.link.merge import _SAID, _event_nouns
from dateline.model import Actor, Event, EventDate
from tests.merge_helpers import check_corpus, city_in, linked_store, merged_id

DEV21 = Path(__file__).parent / "fixtures" / "merge_dev21"


def test_dev21_is_registered_and_well_formed() -> None:
    check_corpus("dev21", DEV21)


def _refs(sentence: str, trigger: str) -> list[str]:
    i = sentence.index(trigger)
    return [
        sentence[a:b] for _, _, a, b in referred_acts(sentence, i, i + len(trigger), _event_nouns(), _SAID)
    ]


@pytest.mark.parametrize(
    ("sentence", "trigger", "phrase"),
    [
        (
            "Lisbon condemned the shelling near Cahora, saying two children were hurt.",
            "condemned",
            "the shelling",
        ),
        ("The minister defended last week's raid on the union offices.", "defended", "last week's raid"),
        (
            "Harare recalled its envoy over Saturday's detention of eleven drivers.",
            "recalled",
            "Saturday's detention",
        ),
        ("The general praised the March 3 air strike on the depot.", "praised", "the March 3 air strike"),
    ],
)
def test_a_definite_act_after_a_verbal_trigger_is_read(sentence: str, trigger: str, phrase: str) -> None:
    assert _refs(sentence, trigger) == [phrase]


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Lisbon condemned a strike on a village near Cahora.", "condemned"),  # indefinite: no known act
        ("The party condemned the decision to allow the raid.", "condemned"),  # the object is a decision
        ("Harare welcomed the talks in Lusaka.", "welcomed"),  # talks: a verbal act, not a physical one
        (
            "The raid was condemned by the party, which called the arrests illegal.",
            "condemned",
        ),  # before the verb
    ],
)
def test_no_act_is_read_where_the_object_names_none(sentence: str, trigger: str) -> None:
    assert _refs(sentence, trigger) == []


def _event(doc: str, sentence: str, typ: str, trigger: str, actor: str, recip: str | None, date: str,
           source: str = "text", fact: str = "asserted", place: tuple | None = None) -> Event:  # fmt: skip
    i = sentence.index(trigger)
    return Event(
        id=f"{doc}#0", doc_id=doc, event=typ, mode=None, cameo=None, actor=[Actor(actor, 0, 0, country=actor)],
        recipient=[Actor(recip, 0, 0, country=recip)] if recip else [],
        text=sentence, sentence_start=0, sentence_end=len(sentence), event_text=trigger, event_start=i,
        event_end=i + len(trigger), factuality=fact, location=city_in(sentence, place),
        date=EventDate(date, source=source),
    )  # fmt: skip


# (the act, its day; the verbal act reporting it, its day) — three wordings, three types of act
CASES = [
    (("The air force bombed an insurgent camp near Nangade on Wednesday, the army said.", "ASSAULT", "bombed",
      "MOZ", None, "2044-03-09", None),
     ("Dodoma's foreign ministry condemned the strike near Nangade, saying traders were among the dead.", "ACCUSE",
      "condemned", "TZA", "MOZ", "2044-03-10")),
    (("Kenyan police detained 14 Ugandan fishermen at the Busia crossing on Thursday.", "COERCE", "detained", "KEN",
      "UGA", "2030-03-07", ("Busia", "KEN", 0.46, 34.09)),
     ("Uganda summoned Kenya's envoy over last week's detention of fishermen at Busia, the ministry said.", "ACCUSE",
      "summoned", "UGA", "KEN", "2030-03-12")),
    (("Serbia sent army units to the line near Raska on Sunday, the defence ministry said.", "MOBILIZE", "sent",
      "SRB", None, "2031-04-13", ("Raska", "SRB", 43.29, 20.61)),
     ("The defence minister defended the deployment near Raska, calling it a precaution.", "SUPPORT", "defended",
      "SRB", None, "2031-04-15")),
]  # fmt: skip


def _store(tmp_path: Path, act: tuple, said: tuple, **kw: str) -> tuple:
    sent, typ, trig, actor, recip, day, place = act
    a = _event("d1", sent, typ, trig, actor, recip, day, place=place)
    s2, t2, tr2, a2, r2, d2 = said
    b = _event("d2", s2, t2, tr2, a2, r2, d2, source="published", **kw)
    return a, b, linked_store(tmp_path, [("d1", "Wire A", act[5], a), ("d2", "Daily B", said[5], b)])


def _reports(store, mid: str) -> list[dict]:  # type: ignore[no-untyped-def]
    rec = json.loads(store.db.execute("SELECT data FROM merged_events WHERE id = ?", (mid,)).fetchone()[0])
    return rec.get("reports") or []


@pytest.mark.parametrize(("act", "said"), CASES)
def test_a_verbal_act_about_an_earlier_act_reports_it(tmp_path: Path, act: tuple, said: tuple) -> None:
    _, _, store = _store(tmp_path, act, said)
    m_act, m_said = merged_id(store, "d1#0"), merged_id(store, "d2#0")
    assert m_act != m_said  # a separate relation: the verbal act is not merged with the act
    refs = store.db.execute("SELECT event_id, merged_id, event FROM event_refs").fetchall()
    assert [tuple(r) for r in refs] == [("d2#0", m_act, act[1])]
    assert [r["event_id"] for r in _reports(store, m_act)] == ["d2#0"]
    rec = json.loads(store.db.execute("SELECT data FROM merged_events WHERE id = ?", (m_act,)).fetchone()[0])
    assert rec["sources"] == 2 and rec["outlets"] == ["Daily B", "Wire A"]


@pytest.mark.parametrize(("act", "said"), CASES)
def test_a_denied_verbal_act_reports_nothing(tmp_path: Path, act: tuple, said: tuple) -> None:
    _, _, store = _store(tmp_path, act, said, fact="denied")
    assert store.db.execute("SELECT count(*) FROM event_refs").fetchone()[0] == 0


@pytest.mark.parametrize(("act", "said"), CASES)
def test_a_reference_to_another_place_reports_nothing(tmp_path: Path, act: tuple, said: tuple) -> None:
    # the same wording about an act elsewhere (a name the act's report does not have): no referent singled out
    name = {0: "Nangade", 1: "Busia", 2: "Raska"}[CASES.index((act, said))]
    other = (said[0].replace(name, "Lupembe"), *said[1:])
    _, _, store = _store(tmp_path, act, other)
    assert store.db.execute("SELECT count(*) FROM event_refs").fetchone()[0] == 0


def test_a_later_run_keeps_the_report_and_a_reingest_drops_it(tmp_path: Path) -> None:
    act, said = CASES[0]
    _, _, store = _store(tmp_path, act, said)
    m_act = merged_id(store, "d1#0")
    store.db.execute("DELETE FROM events WHERE id = 'd2#0'")
    from dateline.link import link_new

    link_new(store)
    assert store.db.execute("SELECT count(*) FROM event_refs").fetchone()[0] == 0
    assert _reports(store, m_act) == []


# --- a toll corrected downwards, said so by the report that corrects it: a revision, not a disagreement


def _toll(reports: list[tuple[str, float, float | None, str]]) -> list:
    """(published, min, max, sentence) per report -> the revision series _revision reads (empty: none)."""
    from dateline.link.merge import _revision
    from dateline.model import Size

    acts = [(lo, hi, i) for i, (_, lo, hi, _) in enumerate(reports)]
    sizes = [Size(str(lo), 0, 1, min=lo, max=hi, kind="dead") for _, lo, hi, _ in reports]
    mentions = [{"published": day, "outlet": f"O{i}", "event_id": f"e{i}", "text": text, "factuality": "asserted"}
                for i, (day, _, _, text) in enumerate(reports)]  # fmt: skip
    return [r["value"] for r in _revision(acts, sizes, "dead", mentions, set())]


CORRECTIONS = [
    [("2044-03-01", 11, None, "Gunmen killed at least 11 villagers near Nangade."),
     ("2044-03-01", 12, 12, "About a dozen villagers were killed near Nangade."),
     ("2044-03-04", 9, 9, "Officials corrected the toll of the Nangade attack to nine, not eleven as first reported.")],
    [("2031-06-02", 5, 5, "Five soldiers died in the ambush, the army said."),
     ("2031-06-05", 3, 3, "The army revised the death toll from the ambush down to three.")],
    [("2030-01-10", 7, 7, "The blast killed seven workers."),
     ("2030-01-12", 6, 6, "The blast killed six workers, not seven as first reported, the mine's owner said.")],
]  # fmt: skip


@pytest.mark.parametrize("reports", CORRECTIONS)
def test_a_toll_a_later_report_says_it_corrects_is_a_revision(reports: list) -> None:
    series = _toll(reports)
    assert series and series[-1] == reports[-1][1]


@pytest.mark.parametrize("reports", CORRECTIONS)
def test_a_lower_toll_without_a_correction_is_still_a_disagreement(reports: list) -> None:
    plain = [
        *reports[:-1],
        (reports[-1][0], reports[-1][1], reports[-1][2], "The attack killed a few, police said."),
    ]
    assert _toll(plain) == []


def test_a_floor_holds_a_count_of_its_day_but_not_a_lower_one() -> None:
    day = "2044-03-01"
    assert _toll(
        [(day, 11, None, "at least 11"), (day, 12, 12, "a dozen"), ("2044-03-02", 14, 14, "14")]
    ) == [11, 12, 14]
    assert _toll([(day, 11, None, "at least 11"), (day, 9, 9, "nine"), ("2044-03-02", 14, 14, "14")]) == []
