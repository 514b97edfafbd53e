"""Twenty-second session, merging (issue 7): the Nigeria-Cameroon corpus (tests/fixtures/merge_dev22) and five linker
rules, each on two or more differently worded cases with the cases it must leave alone. Invented sentences, none
from the corpus.

- a sequel (merge._sequel_cue, part of _repeat_cue): a sentence dating its act after an earlier act of its own type
  ("a day after a bigger march in the city", "two days after the first meeting") tells the later of two acts: not
  joined with the earlier act on another day;
- a definite reference's object (merge._ref_objects, _definite): "condemned the seizure of the cargo ship" reports
  the one seizure whose report names a cargo ship, even with no date of its own (its report's lookback window);
  places after the reference's clause are not its places;
- a headline dated by its article (merge._date_headline): "Lusaka talks resume" heads its article's "second round
  of talks in Lusaka on Monday", not last week's round;
- a plan kept (merge._plan_kept): "will free the crew tomorrow" and "were released ... on Friday" by the same doer,
  of one mode, on one day, are one act however few words they share;
- a correction settles an earlier lower count (merge._revision): 3 wounded, then 2 (no cue), then "two, not three
  as first reported" is a revision, not a disagreement."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from dateline.link import link_new
from dateline.link.merge import _event_nouns, _ref_objects, _sequel_cue
from dateline.model import Actor, Document, Event, EventDate
from dateline.store import Store
from tests.merge_helpers import check_corpus, city_in, linked_store, merged_id

DEV22 = Path(__file__).parent / "fixtures" / "merge_dev22"


def test_dev22_is_registered_and_well_formed() -> None:
    check_corpus("dev22", DEV22)


def _event(doc: str, sentence: str, typ: str, trigger: str, actor: str | None, recip: str | None, date: str,
           source: str = "text", fact: str = "asserted", place: tuple | None = None, mode: str | None = None,
           k: int = 0, start: int = 0) -> Event:  # fmt: skip
    i = sentence.index(trigger)
    return Event(
        id=f"{doc}#{k}", doc_id=doc, event=typ, mode=mode, cameo=None,
        actor=[Actor(actor, 0, 0, country=actor)] if actor else [],
        recipient=[Actor(recip, 0, 0, country=recip)] if recip else [],
        text=sentence, sentence_start=start, sentence_end=start + len(sentence), event_text=trigger,
        event_start=start + i, event_end=start + i + len(trigger), factuality=fact,
        location=city_in(sentence, place), date=EventDate(date, source=source),
    )  # fmt: skip


# --- a sequel: "a day after a bigger march", "two days after the first meeting"


@pytest.mark.parametrize(
    ("sentence", "typ", "trigger"),
    [
        ("Several hundred traders protested in Lusaka on Wednesday, a day after a bigger march in the city.",
         "PROTEST", "protested"),
        ("Envoys of the two states met in Lilongwe on Friday, two days after the first meeting there.", "CONSULT",
         "met"),
        ("Two days after the Kasama killings, gunmen attacked a village near Mbala.", "ASSAULT", "attacked"),
    ],
)  # fmt: skip
def test_a_sentence_dating_its_act_after_one_of_its_type_is_a_sequel(
    sentence: str, typ: str, trigger: str
) -> None:
    assert _sequel_cue(SimpleNamespace(text=sentence, event=typ, event_text=trigger), _event_nouns())


@pytest.mark.parametrize(
    ("sentence", "typ", "trigger"),
    [
        ("Two soldiers died in hospital two days after the attack, officials said.", "ASSAULT", "died"),  # its toll
        ("Police seized a trawler near Kigoma, a week after a ferry was taken there.", "COERCE", "seized"),  # a verb
        ("Police arrested twelve people a day after the protest in Lusaka.", "COERCE", "arrested"),  # another type
        ("Traders protested in Lusaka on Wednesday after a bigger march was banned.", "PROTEST", "protested"),
    ],
)  # fmt: skip
def test_no_sequel_without_an_earlier_act_of_its_type(sentence: str, typ: str, trigger: str) -> None:
    assert not _sequel_cue(SimpleNamespace(text=sentence, event=typ, event_text=trigger), _event_nouns())


# (the earlier act, its day; the later one with its sequel clause, its day; the clause)
SEQUELS = [
    (("Thousands of farmers marched through central Lusaka on Tuesday to demand higher maize prices.", "PROTEST",
      "marched", "ZMB", None, "2061-05-03", ("Lusaka", "ZMB", -15.42, 28.28)),
     ("Several hundred traders protested outside parliament in Lusaka on Wednesday, a day after a bigger march "
      "in the city.", "PROTEST", "protested", "ZMB", None, "2061-05-04", ("Lusaka", "ZMB", -15.42, 28.28)),
     ", a day after a bigger march in the city"),
    (("Dock workers in Mombasa went on strike on Monday over unpaid wages.", "PROTEST", "strike", "KEN", None,
      "2061-08-01", ("Mombasa", "KEN", -4.05, 39.67)),
     ("Crane operators in Mombasa walked out on Tuesday, one day after the dock workers' strike began.", "PROTEST",
      "walked out", "KEN", None, "2061-08-02", ("Mombasa", "KEN", -4.05, 39.67)),
     ", one day after the dock workers' strike began"),
]  # fmt: skip


def _pair(tmp_path: Path, first: tuple, second: tuple) -> Store:
    a = _event("d1", *first[:6], place=first[6])
    b = _event("d2", *second[:6], place=second[6])
    return linked_store(tmp_path, [("d1", "Wire A", first[5], a), ("d2", "Daily B", second[5], b)])


@pytest.mark.parametrize(("first", "second", "clause"), SEQUELS)
def test_a_sequel_a_day_later_is_not_the_earlier_act(tmp_path: Path, first: tuple, second: tuple,
                                                     clause: str) -> None:  # fmt: skip
    store = _pair(tmp_path / "cue", first, second)
    assert merged_id(store, "d1#0") != merged_id(store, "d2#0")
    # the same two reports without the clause: a day apart at one place, they are read as one act
    plain = (second[0].replace(clause, ""), *second[1:])
    store = _pair(tmp_path / "plain", first, plain)
    assert merged_id(store, "d1#0") == merged_id(store, "d2#0")


# --- a definite reference's object: "the seizure of the cargo ship", "the detention of the fishermen"


@pytest.mark.parametrize(
    ("after", "words", "own"),
    [
        (" of the cargo ship as piracy", {"cargo", "cargos", "ship", "ships"}, set()),
        (" of nine fishermen at Kasensero", {"fishermen", "fisherman"}, set()),  # Kasensero: where, not what
        (" on the convoy near the border", {"convoy", "convoys"}, set()),
        (
            " of the tanker Sea Lark, the owner said",
            {"tanker", "tankers"},
            {"sea", "lark"},
        ),
        (" near Keta, the ministry said", set(), set()),
        (" on Chiza", set(), {"chiza"}),
    ],
)
def test_the_object_of_a_reference_is_read(after: str, words: set[str], own: set[str]) -> None:
    assert _ref_objects(after) == (words, own)


# (the act; the statement about it, undated: its report's lookback window; a wording naming another object)
REFS = [
    (("Ghana's navy seized a Togolese cargo ship off Keta on Monday, the port authority said.", "COERCE", "seized",
      "GHA", "TGO", "2061-02-07", None),
     ("Togo condemned the seizure of the cargo ship as an act of piracy, a charge Accra rejects.", "ACCUSE",
      "condemned", "TGO", None, "2061-02-10"),
     "the seizure of the oil rig"),
    (("Ugandan police detained nine Kenyan fishermen at Kasensero on Friday.", "COERCE", "detained", "UGA", "KEN",
      "2061-06-10", None),
     ("Nairobi protested against the detention of the fishermen, a statement from Kampala said.", "ACCUSE",
      "protested", "KEN", None, "2061-06-14"),
     "the detention of the journalists"),
]  # fmt: skip


def _ref_store(tmp_path: Path, act: tuple, said: tuple) -> tuple[Store, str]:
    a = _event("d1", *act[:6], place=act[6])
    b = _event("d2", *said[:6], source="published")
    store = linked_store(tmp_path, [("d1", "Wire A", act[5], a), ("d2", "Daily B", said[5], b)])
    return store, merged_id(store, "d1#0")


@pytest.mark.parametrize(("act", "said", "other"), REFS)
def test_a_reference_naming_what_the_act_was_done_to_reports_it(tmp_path: Path, act: tuple, said: tuple,
                                                                 other: str) -> None:  # fmt: skip
    store, m_act = _ref_store(tmp_path, act, said)
    refs = [tuple(r) for r in store.db.execute("SELECT event_id, merged_id FROM event_refs")]
    assert refs == [("d2#0", m_act)]
    assert merged_id(store, "d2#0") != m_act  # a report of the act, not merged with it


@pytest.mark.parametrize(("act", "said", "other"), REFS)
def test_a_reference_to_another_object_reports_nothing(
    tmp_path: Path, act: tuple, said: tuple, other: str
) -> None:
    phrase = said[0][said[0].index("the ") :].split(" as ")[0].split(",")[0]
    changed = (said[0].replace(phrase, other), *said[1:])
    store, _ = _ref_store(tmp_path, act, changed)
    assert store.db.execute("SELECT count(*) FROM event_refs").fetchone()[0] == 0


# --- a headline dated by its own article


def _doc_store(tmp_path: Path, docs: list[tuple[str, str, str, list[tuple[str, dict]]]]) -> Store:
    """docs: (id, outlet, published, [(sentence, event fields)]): one document per entry, its sentences one per
    line, each with one event."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    store = Store(tmp_path / "s.db")
    for doc_id, outlet, published, lines in docs:
        text, events = "", []
        for k, (sentence, kw) in enumerate(lines):
            start = len(text) + (2 if text else 0)
            text = (text + "\n\n" if text else "") + sentence
            events.append(_event(doc_id, sentence, k=k, start=start, **kw))
        store.add(Document(id=doc_id, text=text, path=doc_id, outlet=outlet, published=published,
                           status="processed", events=events, places=[e.location for e in events if e.location]),
                  doc_id, None)  # fmt: skip
    link_new(store)
    return store


# (the earlier act's sentence, its type, trigger, day; the headline; the later act's sentence, trigger, day)
HEADLINES = [
    ("Zambian and Malawian ministers met in Lusaka on Monday for talks on the border.", "CONSULT", "met",
     "2061-03-07", "Lusaka talks resume", "talks",
     "Zambian and Malawian officials opened a second round of talks in Lusaka on Monday.", "opened", "2061-03-14"),
    ("A convoy of maize and beans reached Mzuzu on Friday, the relief agency said.", "AID", "reached", "2061-09-02",
     "Food convoy reaches Mzuzu", "reaches",
     "Another convoy of food for displaced families reached Mzuzu on Friday.", "reached", "2061-09-09"),
]  # fmt: skip


@pytest.mark.parametrize("case", HEADLINES)
def test_a_headline_heads_its_own_article_not_an_earlier_act(tmp_path: Path, case: tuple) -> None:
    first, typ, trig, day, head, head_trig, body, body_trig, later = case
    city = ("Lusaka", "ZMB", -15.42, 28.28) if "Lusaka" in first else ("Mzuzu", "MWI", -11.46, 34.02)
    base = {"typ": typ, "actor": None, "recip": None}
    store = _doc_store(tmp_path, [
        ("d1", "Wire A", day, [(first, {**base, "trigger": trig, "date": day, "place": city})]),
        ("d2", "Daily B", later, [
            (head, {**base, "trigger": head_trig, "date": later, "source": "published"}),
            (body, {**base, "trigger": body_trig, "date": later, "place": city}),
        ]),
    ])  # fmt: skip
    assert merged_id(store, "d2#0") != merged_id(store, "d1#0")


def _feat(store: Store, event_id: str) -> dict:
    import json

    return json.loads(
        store.db.execute("SELECT feat FROM event_links WHERE event_id = ?", (event_id,)).fetchone()[0]
    )


@pytest.mark.parametrize("bodies", [0, 2])
def test_a_headline_is_dated_only_by_one_day_of_its_article(tmp_path: Path, bodies: int) -> None:
    # no text-dated mention of its type in its article, or two on different days: the headline keeps its window
    _, typ, _, _, head, head_trig, body, body_trig, later = HEADLINES[0]
    base = {"typ": typ, "actor": None, "recip": None}
    lines = [(head, {**base, "trigger": head_trig, "date": later, "source": "published"})]
    for k, day in enumerate(["2061-03-14", "2061-03-11"][:bodies]):
        lines.append(
            (body.replace("Monday", ["Monday", "Friday"][k]), {**base, "trigger": body_trig, "date": day})
        )
    store = _doc_store(tmp_path, [("d2", "Daily B", later, lines)])
    assert _feat(store, "d2#0")["dsrc"] != "inferred"
    # one day: the headline takes it
    store = _doc_store(
        tmp_path / "one",
        [
            (
                "d2",
                "Daily B",
                later,
                lines[:2] if bodies else [*lines, (body, {**base, "trigger": body_trig, "date": later})],
            )
        ],
    )
    assert _feat(store, "d2#0")["dsrc"] == "inferred"


# --- a plan kept: the plan and its act, same doer, mode and day


PLANS = [
    (("Accra will free the crew of the trawler tomorrow, the foreign minister told reporters.", "RETREAT", "free",
      "GHA", None, "2061-04-14", None),
     ("The fishermen were released by the Ghanaian authorities early on Thursday, their union said.", "RETREAT",
      "released", "GHA", None, "2061-04-14", None), "release"),
    (("Kinshasa will pull its soldiers back from the border zone on Monday, the defence minister said.", "RETREAT",
      "pull", "COD", None, "2061-10-03", None),
     ("Congolese units withdrew on Monday, a local administrator said.", "RETREAT", "withdrew", "COD", None,
      "2061-10-03", None), "withdraw"),
]  # fmt: skip


def _plan_store(
    tmp_path: Path, plan: tuple, act: tuple, mode: str, plan_fact: str, act_mode: str | None = None
):  # type: ignore[no-untyped-def]
    a = _event("d1", *plan[:6], fact=plan_fact, mode=mode)
    b = _event("d2", *act[:6], mode=act_mode or mode)
    return linked_store(tmp_path, [("d1", "Daily A", "2061-01-01", a), ("d2", "Wire B", act[5], b)])


@pytest.mark.parametrize(("plan", "act", "mode"), PLANS)
def test_an_act_keeps_the_plan_of_its_doer_mode_and_day(
    tmp_path: Path, plan: tuple, act: tuple, mode: str
) -> None:
    store = _plan_store(tmp_path, plan, act, mode, "future")
    assert merged_id(store, "d1#0") == merged_id(store, "d2#0")


@pytest.mark.parametrize(("plan", "act", "mode"), PLANS)
def test_two_acts_or_another_mode_are_not_a_plan_kept(
    tmp_path: Path, plan: tuple, act: tuple, mode: str
) -> None:
    # the same wordings as two acts (the state's forces do many things a day: the words must tell)
    store = _plan_store(tmp_path / "acts", plan, act, mode, "asserted")
    assert merged_id(store, "d1#0") != merged_id(store, "d2#0")
    # a plan of another act of the type
    store = _plan_store(tmp_path / "mode", plan, act, mode, "future", act_mode="return")
    assert merged_id(store, "d1#0") != merged_id(store, "d2#0")


# --- a correction settles an earlier lower count


def _toll(reports: list[tuple[str, float, str]]) -> list:
    """(published, count, sentence) per report -> the revision series _revision reads (empty: a disagreement)."""
    from dateline.link.merge import _revision
    from dateline.model import Size

    acts = [(n, n, i) for i, (_, n, _) in enumerate(reports)]
    sizes = [Size(str(n), 0, 1, min=n, max=n, kind="injured") for _, n, _ in reports]
    mentions = [{"published": day, "outlet": f"O{i}", "event_id": f"e{i}", "text": text, "factuality": "asserted"}
                for i, (day, _, text) in enumerate(reports)]  # fmt: skip
    return [r["value"] for r in _revision(acts, sizes, "injured", mentions, set())]


SETTLED = [
    [("2061-03-08", 3, "Three sailors were wounded when the patrol boat opened fire."),
     ("2061-03-10", 2, '"Two of my men were hit," the captain said.'),
     ("2061-03-14", 2, "Two sailors, not three as first reported, were wounded in the exchange of fire.")],
    [("2061-07-01", 5, "Five guards were injured in the raid, police said."),
     ("2061-07-02", 4, "Four guards were hurt in the raid, a hospital said."),
     ("2061-07-05", 4, "Police corrected the number of guards injured in the raid to four.")],
]  # fmt: skip


@pytest.mark.parametrize("reports", SETTLED)
def test_a_later_correction_settles_an_earlier_lower_count(reports: list) -> None:
    assert _toll(reports) == [reports[0][1], reports[-1][1]]


@pytest.mark.parametrize("reports", SETTLED)
def test_an_earlier_lower_count_no_correction_confirms_still_disagrees(reports: list) -> None:
    assert _toll(reports[:2]) == []  # no correction yet
    other = (
        reports[2][0],
        1,
        reports[2][2].replace("Two sailors", "One sailor").replace("to four", "to one"),
    )
    assert _toll([*reports[:2], other]) == []  # the correction gives another figure
