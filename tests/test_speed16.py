"""Session 16 speed changes give the same results as before: sizes read from the token lists `extract_events` keeps,
the actor resolver's memo of the parse's spans and tokens, and the store's JSON of records written without the
nested dicts. Sentences written for this test (news style, made up)."""

from __future__ import annotations

import json

import pytest

from dateline.actors._resolver import ActorResolver
from dateline.factuality import _KIDS, _SENTS, _TOKS, list_kids
from dateline.model import Actor, Event, EventDate, Mention, Place, Quote, Record, Size, Timex
from dateline.nlp import parse
from dateline.sizes import _may_hold_size, _words, extract_sizes
from dateline.store import _json, _record_json

TEXTS = [
    "More than 250 British soldiers were sent to Erbil on Monday, and 12 protesters were arrested outside the base.",
    "Between 300 and 400 troops left Camp Taji, while hundreds of  residents fled the town.\n\nA 500-strong"
    " contingent of Kenyan police arrived in Haiti, officials said.",
    "The two countries held talks on Friday. Police held 40 people overnight after clashes in Goma, killing"
    " three.",
    "Nobody was hurt when about 1,000 of its 1,500 troops crossed into the province.",
]


def _sizes(sent) -> list[dict]:
    return [s.to_dict() for s in extract_sizes(sent)]


def _with_token_lists(sdoc, fn):
    """`fn()` while the Doc carries the token lists `extract_events` keeps (dateline.factuality)."""
    toks = list(sdoc)
    sdoc.user_data[_TOKS] = toks
    sdoc.user_data[_KIDS] = list_kids(sdoc, toks)
    sdoc.user_data[_SENTS] = [s for s in sdoc.sents for _ in s]
    try:
        return fn()
    finally:
        for key in (_TOKS, _KIDS, _SENTS):
            sdoc.user_data.pop(key, None)


@pytest.mark.parametrize("text", TEXTS)
def test_sizes_same_with_and_without_token_lists(text: str) -> None:
    sdoc = parse(text).spacy
    plain = [_sizes(s) for s in sdoc.sents] + [_sizes(sdoc), _sizes(sdoc[:])]
    kept = _with_token_lists(sdoc, lambda: [_sizes(s) for s in sdoc.sents] + [_sizes(sdoc), _sizes(sdoc[:])])
    assert kept == plain
    assert any(plain)


@pytest.mark.parametrize("text", TEXTS)
def test_size_text_is_the_document_text_at_its_offsets(text: str) -> None:
    # the size's text is built from its tokens (with the whitespace between them), not from the sentence's text
    doc = parse(text)
    found = [z for s in doc.spacy.sents for z in extract_sizes(s)]
    assert found
    for z in found:
        assert z.text == doc.text[z.start : z.end]


def test_may_hold_size_reads_lower_case_forms() -> None:
    w = _words()
    assert not _may_hold_size(["troops", "arrived", "in", "erbil", "."], w)
    assert _may_hold_size(["about", "5,000", "people"], w)
    assert _may_hold_size(["covid-19", "cases"], w)
    assert _may_hold_size(["twelve", "soldiers"], w)
    assert _may_hold_size(["the", "3rd", "battalion"], w)


@pytest.mark.parametrize("text", TEXTS[:2])
def test_resolver_spans_and_tokens_as_spacy_gives_them(text: str) -> None:
    doc = parse(text)
    sdoc = doc.spacy
    res = ActorResolver(doc)
    for pos in range(len(text)):  # every character, whitespace and line breaks included, twice (memo)
        want = sdoc.char_span(pos, pos + 1, alignment_mode="expand")
        for _ in range(2):
            if want is not None and not len(want):  # an empty span: its first token is an error, as before
                with pytest.raises(IndexError):
                    res._token_at(pos)
                continue
            tok = res._token_at(pos)
            assert (tok.i if tok is not None else None) == (want[0].i if want is not None else None)
    for ent in sdoc.ents:
        got = res._char_span(ent.start_char - 1, ent.end_char)
        want = sdoc.char_span(ent.start_char - 1, ent.end_char, alignment_mode="expand")
        assert (got and (got.start, got.end)) == (want and (want.start, want.end))
        assert res._char_span(ent.start_char - 1, ent.end_char) is got  # built once


def test_resolver_forgets_the_spans_of_a_replaced_parse() -> None:
    doc = parse("Kenyan police arrived in Haiti on Monday.")
    res = ActorResolver(doc)
    first = res._token_at(0)
    doc.spacy = parse("Troops left.").spacy  # a document parsed again: the new Doc's tokens, not the old ones
    assert res._token_at(0).doc is doc.spacy
    assert res._token_at(0).text == "Troops" and first.text == "Kenyan"
    doc.spacy = None
    assert res._token_at(0) is None and res._char_span(0, 3) is None


def _records() -> list[Record]:
    actor = Actor("Kenyan police", 0, 13, "Kenya Police", "KEN", "COP", "organisation")
    event = Event(
        id="e1", doc_id="d1", event="MOBILIZE", mode=None, cameo="150", actor=[actor], recipient=[],
        text="Kenyan police arrived in Haïti — 400 officers.", sentence_start=0, sentence_end=47,
        event_text="arrived", event_start=14, event_end=21, location=Place("Haïti", 25, 30, "Haiti", "HTI",
        lat=19.0, lon=-72.4167), date=EventDate("2024-07-01", "Monday", 31, 37, "text"),
        size=[Size("400 officers", 33, 45, 400.0, 400.0, False, "exact", "police", None)], source=None,
        mentions=[Mention("d1", 0, 47, 0, 47, "arrived")], confidence=0.5,
    )  # fmt: skip
    quote = Quote(
        "q1", "d1", "We are ready \u201cnow\u201d", 0, 20, True, speaker="Jane Doe", sentence_start=0
    )
    timex = Timex("Monday", 31, 37, "DATE", "2024-07-01", anchor="2024-07-03", anchor_source="published")
    return [
        event,
        quote,
        timex,
        event.location,
        actor,
        Event(**{**vars(event), "location": None, "size": []}),
    ]


def test_record_json_is_the_json_of_to_dict() -> None:
    for rec in _records():
        assert _record_json(rec) == _json(rec.to_dict()) == json.dumps(rec.to_dict(), ensure_ascii=False)


def test_record_json_keeps_a_records_own_conversion() -> None:
    class Tagged(Timex):
        def to_dict(self, skip=()):  # type: ignore[no-untyped-def]
            return {"tagged": True, **super().to_dict(skip)}

    tagged = Tagged("Monday", 0, 6, "DATE", "2024-07-01")
    assert json.loads(_record_json(tagged))["tagged"] is True
    with pytest.raises(TypeError):
        _record_json(Timex("Monday", 0, 6, "DATE", {1, 2}))  # type: ignore[arg-type]
