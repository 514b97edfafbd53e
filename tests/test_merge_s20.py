"""Twentieth session, merging (issues 3 and 7): two agreements of the same parties about plainly different things
("agreed a ceasefire" vs "agreed to set up a joint commission") are look-alikes: the words after each verb
(`_words.object_words`) share nothing while one of them names an agreement, which counts against the pair
(a veto, unless both days are read from the text and agree: then evidence against, objects_differ), so a loose
date and the same two parties no longer join them. One wording of one agreement ("a
ceasefire" / "a truce"), or one act worded two ways with no agreement named ("to free the farmers" / "to release the
detainees"), is left alone. Invented sentences, none from the DEV corpora."""

from __future__ import annotations

import pytest

from dateline.link._words import object_words
from dateline.link.merge import THRESHOLD, _compare, _features
from dateline.model import Actor, Event, EventDate


def _agree(doc: str, sentence: str, trigger: str, parties: tuple[str, str], date: str, source: str = "published",
           typ: str = "AGREE") -> Event:  # fmt: skip
    t0 = sentence.index(trigger)
    return Event(
        id=f"{doc}#0", doc_id=doc, event=typ, mode=None, cameo=None,
        actor=[Actor(parties[0], 0, 0, country=parties[0])], recipient=[Actor(parties[1], 0, 0, country=parties[1])],
        text=sentence, sentence_start=0, sentence_end=len(sentence), event_text=trigger, event_start=t0,
        event_end=t0 + len(trigger), factuality="asserted", location=None, date=EventDate(date, source=source),
    )  # fmt: skip


def _pair(a: Event, b: Event) -> tuple[float, dict]:
    return _compare(_features(a, a.date.value), _features(b, b.date.value))


# (an agreement dated by its text, another a week later dated only by its report: the loose window joins them)
APART = [
    (("Peru and Bolivia agreed a ceasefire along the river border on Thursday, officials in both capitals said.",
      "agreed", "2026-03-05", "text"),
     ("Peru and Bolivia agreed to set up a joint commission on the river border, the foreign ministry said.",
      "agreed", "2026-03-07", "published")),
    (("Ghana and Togo agreed a trade deal on Monday after two days of talks, the Ghanaian minister said.",
      "agreed", "2026-06-01", "text"),
     ("Ghana and Togo agreed to reopen the Aflao crossing to lorries, their ministers announced.",
      "agreed", "2026-06-03", "published")),
]  # fmt: skip


@pytest.mark.parametrize("first,second", APART)
def test_two_agreements_about_different_things_stay_apart(first: tuple, second: tuple) -> None:
    parties = ("PER", "BOL") if first[0].startswith("Peru") else ("GHA", "TGO")
    a = _agree("a", first[0], first[1], parties, first[2], first[3])
    b = _agree("b", second[0], second[1], parties[::-1], second[2], second[3])
    score, ev = _pair(a, b)
    assert ev.get("veto", "").startswith("agreements about different things"), ev
    assert score < THRESHOLD, ev


def test_the_same_day_read_from_both_texts_leaves_it_evidence_against() -> None:
    # one round of talks may agree both: no veto, but it counts against the pair
    for first, second in APART:
        parties = ("PER", "BOL") if first[0].startswith("Peru") else ("GHA", "TGO")
        a = _agree("a", first[0], first[1], parties, first[2], "text")
        b = _agree("b", second[0], second[1], parties, first[2], "text")
        score, ev = _pair(a, b)
        assert "veto" not in ev and "objects_differ" in ev, ev
        b.text = b.text.replace("joint commission", "ceasefire").replace(
            "reopen the Aflao crossing", "a trade deal"
        )
        assert _pair(a, b)[0] > score


ONE_AGREEMENT = [
    # one ceasefire: a truce is a ceasefire
    (("Peru and Bolivia agreed a ceasefire along the river border on Thursday.", "agreed", "AGREE"),
     ("Peru and Bolivia agreed to a truce on Thursday in the border town, officials said.", "agreed", "AGREE")),
    # one act told two ways, no agreement named: no evidence either way
    (("Ghana and Togo agreed to free 30 fishermen held since May, the minister said.", "agreed", "AGREE"),
     ("Ghana and Togo agreed to release the detained crews on Monday.", "agreed", "AGREE")),
    # one deal named two ways
    (("Ghana and Togo agreed a trade accord on Monday in Accra.", "agreed", "AGREE"),
     ("Ghana and Togo agreed a trade deal on Monday, officials said.", "agreed", "AGREE")),
    # the agreement named before the verb ("the truce was signed"): named all the same
    (("Peru and Bolivia signed a ceasefire on Thursday in the border town.", "signed", "SUPPORT"),
     ("Peru and Bolivia said the truce was signed on Thursday to end the clashes.", "signed", "SUPPORT")),
]  # fmt: skip


@pytest.mark.parametrize("first,second", ONE_AGREEMENT)
def test_one_agreement_told_two_ways_is_no_look_alike(first: tuple, second: tuple) -> None:
    parties = ("PER", "BOL") if first[0].startswith("Peru") else ("GHA", "TGO")
    a = _agree("a", first[0], first[1], parties, "2026-03-05", "text", first[2])
    b = _agree("b", second[0], second[1], parties, "2026-03-05", "text", second[2])
    score, ev = _pair(a, b)
    assert "objects_differ" not in ev, ev
    assert score >= THRESHOLD, ev


def test_object_words_read_the_clause_after_the_verb() -> None:
    s = "Peru and Bolivia agreed a ceasefire along the river border on Thursday, officials said."
    k = s.index("agreed")
    assert object_words(s, k, k + 6) == ["ceasefire", "river", "border"]
    s = "Kenya and Uganda signed a truce in Busia yesterday and agreed to set up a committee."
    k = s.index("signed")
    # a truce is a ceasefire; the name of the town is no object
    assert "ceasefire" in object_words(s, k, k + 6)
    assert "busia" not in object_words(s, k, k + 6)
    # a noun trigger names the agreement itself
    s = "The ceasefire agreed on Thursday held overnight."
    assert object_words(s, 4, 13, frozenset({"ceasefire"}))[0] == "ceasefire"


def test_other_types_have_no_object() -> None:
    s = "Peru accused Bolivia of shelling the river border on Thursday."
    e = _agree("a", s, "accused", ("PER", "BOL"), "2026-03-05", "text", "ACCUSE")
    assert _features(e, "2026-03-05").obj == []
