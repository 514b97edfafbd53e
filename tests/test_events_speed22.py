"""Session 22 speed-up of event coding, pinned: the per-Doc token table (dateline/events/_table.py) that
`extract_events` builds once holds, for every token, the very strings and indices spaCy's Token attributes give
(multi-sentence documents, entities, hyphenated words, headlines), and the readers that use it (sizes, factuality,
the sentence text, the verb test, the partitive, the entity walk) answer as they do from spaCy's attributes.
Sentences written for this test (news style, made up)."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.events import _table
from dateline.factuality import _KIDS, _SENTS, _TABLE, _TOKS, classify, list_kids
from dateline.model import Document

_TEXTS = [
    "Rebel fighters raided a police station in Kidal on Monday. Dozens of villagers fled north, officials said.",
    "The defence minister said he would send up to 300 more soldiers to the northern border by 12 March 2025.",
    "Riot police tear-gassed students in Nairobi's central business district.\n\nNobody was hurt.",
    "Japan to send troops to Iraq",
    "More than 250 British soldiers were sent to Erbil, and hundreds of  residents of Mosul fled the town.",
    "Had the army withdrawn in 2011, the United Nations Security Council would not have met; it did not.",
]


@pytest.fixture(scope="module")
def docs() -> list[Any]:
    from dateline.nlp import annotate

    return [d.spacy for d in annotate([Document(id=f"d{i}", text=t) for i, t in enumerate(_TEXTS)])]


def _kept(sdoc: Any, fn: Any) -> Any:
    """`fn()` while the Doc carries the lists and the table `extract_events` keeps."""
    toks = list(sdoc)
    sdoc.user_data[_TOKS] = toks
    sdoc.user_data[_KIDS] = list_kids(sdoc, toks)
    sdoc.user_data[_SENTS] = [s for s in sdoc.sents for _ in s]
    sdoc.user_data[_TABLE] = _table.build(sdoc, toks)
    try:
        return fn()
    finally:
        for key in (_TOKS, _KIDS, _SENTS, _TABLE):
            sdoc.user_data.pop(key, None)


def test_the_table_holds_spacys_attributes(docs: list[Any]) -> None:
    for sdoc in docs:
        toks = list(sdoc)
        tab = _table.build(sdoc, toks)
        assert tab.toks is toks
        for t in sdoc:
            i = t.i
            assert (tab.pos[i], tab.tag[i], tab.dep[i]) == (t.pos_, t.tag_, t.dep_)
            assert (tab.lemma[i], tab.llemma[i], tab.lower[i], tab.text[i]) == (
                t.lemma_,
                t.lemma_.lower(),
                t.lower_,
                t.text,
            )
            assert (tab.ent[i], tab.iob[i], tab.idx[i], tab.head[i]) == (
                t.ent_type_,
                t.ent_iob_,
                t.idx,
                t.head.i,
            )
            assert tab.kids[i] == tuple(c.i for c in t.children)


def test_the_table_of_an_empty_doc_is_empty() -> None:
    from dateline.nlp import load

    sdoc = load().make_doc("")
    tab = _table.build(sdoc, list(sdoc))
    assert tab.pos == tab.kids == tab.head == tab.idx == tab.iob == [] and tab.kid_tokens() == []


def test_extract_events_drops_the_table(docs: list[Any]) -> None:
    from dateline.events import extract_events
    from dateline.nlp import annotate

    doc = next(annotate([Document(id="x", text=_TEXTS[0])]))
    assert extract_events(doc)
    assert _TABLE not in doc.spacy.user_data and _table.table_of(doc.spacy) is None


def test_readers_answer_the_same_with_the_table(docs: list[Any]) -> None:
    from dateline.events._arguments import _entity_of
    from dateline.events._syntax import _is_verb, _partitive, _people_noun, _sent_text
    from dateline.sizes import extract_sizes

    def answers(sdoc: Any) -> list[Any]:
        toks = _table.table_of(sdoc).toks if _table.table_of(sdoc) is not None else list(sdoc)
        out: list[Any] = [_sent_text(s) for s in sdoc.sents]
        out += [[z.to_dict() for z in extract_sizes(x)] for x in [*sdoc.sents, sdoc]]
        for t in toks:
            ent = _entity_of(t)
            noun = t.pos_ in ("NOUN", "PROPN")  # (as the rules ask it: of nouns only)
            out.append((_is_verb(t), _partitive(t).i, noun and _people_noun(t), classify(t, "2020-01-10")))
            out.append(None if ent is None else (ent.start, ent.end, ent.label_))
        return out

    for sdoc in docs:
        plain = answers(sdoc)
        assert _kept(sdoc, lambda sdoc=sdoc: answers(sdoc)) == plain
        assert [_sent_text(s) for s in sdoc.sents] == [s.text for s in sdoc.sents]


def test_the_table_is_the_same_past_the_kept_strings_cap(
    docs: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    full = [
        (t.text, t.lower, t.lemma, t.llemma, t.tag, t.dep, t.ent)
        for t in (_table.build(d, list(d)) for d in docs)
    ]
    monkeypatch.setattr(_table, "_MAX_NAMES", 0)  # every hash read for the document only
    capped = [
        (t.text, t.lower, t.lemma, t.llemma, t.tag, t.dep, t.ent)
        for t in (_table.build(d, list(d)) for d in docs)
    ]
    assert capped == full
