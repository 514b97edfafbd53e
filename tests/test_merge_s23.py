"""Twenty-third session, merging (issue 7): the Honduras corpus (tests/fixtures/merge_dev23) and three linker rules,
each on two or more differently worded cases with the cases it must leave alone. Invented sentences, none from the
corpus.

- a planned meeting on a bare weekday (merge._planned_meeting, _features): "will meet in Lusaka on Thursday" is the
  coming Thursday only, as a planned act is; a meeting is no statement whose content is future ("warned that ...
  would"). A weekday before the verb ("said on Thursday it would hold talks") keeps both readings;
- a verbal act whose clause goes on after its object ("denied the attack on Kasama, calling the reports
  propaganda"): the object's own name no longer stands for a date of its own, so the undated reference joins on
  the lookback floor (merge._refs), as the bare "denied the attack on Kasama" did;
- a definite phrase ends at a determiner, a preposition or a verb of report (_words.sentence_refs): "The army denies
  the attack" is the phrase "the attack", not "The army denies the attack"."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.link import explain, link_new
from dateline.link._words import sentence_refs
from dateline.link.merge import _SAID, _event_nouns, _features, _interval
from dateline.model import Document, Event, EventDate, Sentence
from dateline.store import Store
from tests.merge_helpers import check_corpus, city_in, linked_store, merged_id

DEV23 = Path(__file__).parent / "fixtures" / "merge_dev23"


def test_dev23_is_registered_and_well_formed() -> None:
    check_corpus("dev23", DEV23)


def _event(doc: str, sentence: str, typ: str, trigger: str, date: str, when: str | None = None,
           fact: str = "asserted", place: tuple | None = None, k: int = 0, start: int = 0) -> Event:  # fmt: skip
    """An event of `sentence`; `when` is the words of its date in the sentence (its offsets are kept)."""
    i = sentence.index(trigger)
    d = EventDate(date, source="text")
    if when is not None:
        w = sentence.index(when)
        d = EventDate(date, text=when, start=start + w, end=start + w + len(when), source="text")
    return Event(
        id=f"{doc}#{k}", doc_id=doc, event=typ, mode=None, cameo=None, actor=[], recipient=[],
        text=sentence, sentence_start=start, sentence_end=start + len(sentence), event_text=trigger,
        event_start=start + i, event_end=start + i + len(trigger), factuality=fact,
        location=city_in(sentence, place), date=d,
    )  # fmt: skip


# --- a planned meeting on a bare weekday is the coming day

WEDNESDAY, THURSDAY = "2061-05-11", "2061-05-12"


@pytest.mark.parametrize(
    ("sentence", "trigger", "when"),
    [
        ("Envoys of Zambia and Malawi will meet in Lusaka on Thursday to discuss the border, officials said.", "meet",
         "Thursday"),
        ("The two foreign ministers are due to hold talks in Harare on Thursday, the ministry said.", "talks",
         "Thursday"),
    ],
)  # fmt: skip
def test_a_planned_meeting_on_a_weekday_is_the_coming_day(sentence: str, trigger: str, when: str) -> None:
    f = _features(_event("p", sentence, "CONSULT", trigger, THURSDAY, when, fact="future"), WEDNESDAY)
    assert (f.lo, f.hi) == _interval(THURSDAY)


@pytest.mark.parametrize(
    ("sentence", "typ", "trigger", "fact"),
    [
        # the weekday says when it was said, not when they meet
        ("The ministry said on Thursday it would hold talks with Malawi.", "CONSULT", "talks", "future"),
        # a statement whose content is future
        ("The union warned on Thursday that it would block the highway.", "THREATEN", "warned", "future"),
        # an act already done
        ("Envoys of Zambia and Malawi met in Lusaka on Thursday.", "CONSULT", "met", "asserted"),
    ],
)  # fmt: skip
def test_a_weekday_of_what_was_said_or_done_keeps_both_readings(
    sentence: str, typ: str, trigger: str, fact: str
) -> None:
    f = _features(_event("p", sentence, typ, trigger, THURSDAY, "Thursday", fact=fact), WEDNESDAY)
    thursday = _interval(THURSDAY)[0]
    assert (f.lo, f.hi) == (thursday - 7, thursday)


LUSAKA = ("Lusaka", "ZMB", -15.42, 28.28)


@pytest.mark.parametrize(
    "plan",
    [
        "Envoys of Zambia and Malawi will meet in Lusaka on Thursday to discuss the border, officials said.",
        "Zambian and Malawian envoys are due to hold talks in Lusaka on Thursday on the border, a diplomat said.",
    ],
)
def test_a_planned_meeting_joins_its_act_not_last_weeks_meeting(tmp_path: Path, plan: str) -> None:
    earlier = _event("a", "Zambian and Malawian envoys met in Lusaka on Thursday to discuss the border.", "CONSULT",
                     "met", "2061-05-05", "Thursday", place=LUSAKA)  # fmt: skip
    trigger = "meet" if " meet " in plan else "talks"
    planned = _event("b", plan, "CONSULT", trigger, THURSDAY, "Thursday", fact="future", place=LUSAKA)
    act = _event("c", "Envoys of Zambia and Malawi met in Lusaka on Thursday to discuss the border, both sides said.",
                 "CONSULT", "met", THURSDAY, "Thursday", place=LUSAKA)  # fmt: skip
    store = linked_store(tmp_path, [("a", "Wire A", "2061-05-06", earlier), ("b", "Daily B", WEDNESDAY, planned),
                                    ("c", "Wire C", "2061-05-13", act)])  # fmt: skip
    assert merged_id(store, "b#0") == merged_id(store, "c#0") != merged_id(store, "a#0")


# --- a verbal act whose clause goes on after its object

ATTACK = ("Insurgents attacked the village of Kasama before dawn on Monday, killing 11 villagers, officials said.",
          "ASSAULT", "attacked", "2061-05-02", ("Kasama", "ZMB", -10.21, 31.18))  # fmt: skip
RAID = ("Soldiers raided the market town of Mpika on Saturday and detained 30 traders, residents said.",
        "COERCE", "raided", "2061-04-30", ("Mpika", "ZMB", -11.83, 31.45))  # fmt: skip
MEETING = ("Traders held a meeting in Lusaka on Thursday to discuss prices.", ("CONSULT", "meeting"))


def _store(tmp_path: Path, act: tuple, said: list[tuple[str, tuple | None]], published: str) -> Store:
    tmp_path.mkdir(parents=True, exist_ok=True)
    store = Store(tmp_path / "s.db")
    sentence, typ, trigger, day, place = act
    e = _event("a0", sentence, typ, trigger, day, place=place)
    store.add(Document(id="a0", text=sentence, path="a0", outlet="Wire", published=day, status="processed",
                       events=[e], places=[e.location] if e.location else [],
                       sentences=[Sentence(0, len(sentence))]), "a0", None)  # fmt: skip
    text, events, sentences = "", [], []
    for s, ev in said:
        start = len(text) + (1 if text else 0)
        text = (text + " " if text else "") + s
        sentences.append(Sentence(start, start + len(s)))
        if ev:
            events.append(_event("b", s, ev[0], ev[1], published, k=len(events), start=start))
    store.add(Document(id="b", text=text, path="b", outlet="Daily", published=published, status="processed",
                       events=events, sentences=sentences), "b", None)  # fmt: skip
    link_new(store)
    return store


def _refs(store: Store) -> list[str]:
    return [r[0] for r in store.db.execute("SELECT merged_id FROM event_refs")]


@pytest.mark.parametrize(
    ("act", "said", "day", "disputed"),
    [
        (ATTACK, ("An army spokesman denied the attack on Kasama, calling the reports propaganda.", ("REJECT", "denied")),
         "2061-05-04", True),
        (RAID, ("The defence ministry denied the raid on Mpika, saying its soldiers never left their barracks.",
                ("REJECT", "denied")), "2061-05-02", True),
        (ATTACK, ("Zambia condemned the attack on Kasama, calling it a crime against civilians.", ("ACCUSE", "condemned")),
         "2061-05-04", False),
        (RAID, ("Traders' unions condemned the raid on Mpika, demanding the release of the men.", ("ACCUSE", "condemned")),
         "2061-05-02", False),
    ],
)  # fmt: skip
def test_a_statement_whose_clause_goes_on_reports_the_act(
    tmp_path: Path, act: tuple, said: tuple, day: str, disputed: bool
) -> None:
    store = _store(tmp_path, act, [MEETING, said], day)
    m_act = merged_id(store, "a0#0")
    assert _refs(store) == [m_act]
    assert explain(store, m_act)["disputed"] is disputed


@pytest.mark.parametrize(
    ("act", "said", "day"),
    [
        # another place
        (ATTACK, ("Zambia condemned the attack on Mbala, calling it a crime against civilians.", ("ACCUSE", "condemned")),
         "2061-05-04"),
        # another town's raid
        (RAID, ("The ministry denied the raid on Isoka, calling the reports lies.", ("REJECT", "denied")),
         "2061-05-02"),
        # long after: out of the lookback window
        (ATTACK, ("An army spokesman denied the attack on Kasama, calling the reports propaganda.", ("REJECT", "denied")),
         "2061-05-30"),
    ],
)  # fmt: skip
def test_a_statement_about_another_act_reports_nothing(
    tmp_path: Path, act: tuple, said: tuple, day: str
) -> None:
    store = _store(tmp_path, act, [MEETING, said], day)
    assert _refs(store) == []


# --- a definite phrase ends at a determiner, a preposition or a verb of report


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("The army denies the attack on Kasama ever took place.", "the attack"),
        ("The navy confirmed the seizure of the trawler near Keta.", "the seizure"),
        ("The toll of the raid on Mpika rose to nine, a nurse said.", "the raid"),
        ("The government said the march in Lusaka was peaceful.", "the march"),
    ],
)
def test_a_sentence_initial_phrase_stops_before_the_next_one(sentence: str, phrase: str) -> None:
    at = sentence.index(phrase)
    assert [(s, e) for _, _, s, e in sentence_refs(sentence, _event_nouns(), _SAID)] == [
        (at, at + len(phrase))
    ]


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("The June 8 air strike on Mbau killed four people.", "The June 8 air strike"),
        ("The attack on Chai left nine dead.", "The attack"),
        ("Families who fled Monday's attack on Kasama are sheltering in Mpika.", "Monday's attack"),
    ],
)
def test_a_phrase_with_plain_modifiers_is_read_whole(sentence: str, phrase: str) -> None:
    at = sentence.index(phrase)
    assert [(s, e) for _, _, s, e in sentence_refs(sentence, _event_nouns(), _SAID)] == [
        (at, at + len(phrase))
    ]


# --- a night runs into the next day (lead, session 23): "overnight" is dated the night before the report


def test_a_night_covers_the_day_it_runs_into() -> None:
    lo, hi = _interval("2061-05-11TNI")
    assert (lo, hi) == (_interval("2061-05-11")[0], _interval("2061-05-12")[0])
    assert _interval("2061-05-11TEV") == _interval("2061-05-11")  # an evening ends the same day


@pytest.mark.parametrize(
    ("night", "day"),
    [
        ("Gunmen attacked an army post in Bamako overnight, killing four soldiers, officials said on Thursday.",
         "Gunmen attacked an army post in Bamako on Thursday, killing four soldiers, the army said."),
        ("Four soldiers were killed when gunmen attacked an army post in Bamako overnight, the ministry said.",
         "An army post in Bamako was attacked on Thursday by gunmen who killed four soldiers."),
    ],
)  # fmt: skip
def test_an_overnight_attack_joins_the_same_attack_dated_by_the_next_day(
    tmp_path: Path, night: str, day: str
) -> None:
    a = _event("a", night, "ASSAULT", "attacked", "2061-05-11TNI", "overnight")
    b = _event("b", day, "ASSAULT", "attacked", THURSDAY, "Thursday")
    store = linked_store(tmp_path, [("a", "Wire A", THURSDAY, a), ("b", "Daily B", "2061-05-13", b)])
    assert merged_id(store, "a#0") == merged_id(store, "b#0")
