"""Session 21 speed-ups of event coding, pinned: the cheap check before
`_own_scene_object` walks a verb's subtree only skips verbs with no conjunct after their object (the span from the
object to the verb's right edge holds every word of its subtree after the object; the two-scene cases themselves are
pinned in tests/test_events_kinds20c.py); the late-loaded `code_actor` and `Span`, fetched at the cost of a call
instead of an import statement run per call, are the actors package's and spaCy's own."""

from __future__ import annotations

import pytest

from dateline.model import Document

# written for this test: coordinated objects and clauses, passives, reported speech
_TEXTS = [
    "Rebel fighters raided a police station in Kidal on Monday and an army post near Gao the next day, officials said.",
    "Three aid workers were abducted by gunmen near Bentiu, according to the regional governor.",
    "The defence minister said he would send 300 more soldiers to the northern border.",
    "Striking dockworkers blocked the port of Mombasa, and police arrested dozens of protesters on Tuesday.",
    "Local elders and women's groups accused the militia of burning two villages and a market in Ituri.",
    "Nobody was hurt when mortars struck the base, the army said in a statement.",
]


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    from dateline.nlp import annotate

    return list(annotate([Document(id=f"d{i}", text=t) for i, t in enumerate(_TEXTS)]))


def test_right_edge_bounds_the_subtree_so_the_conjunct_check_is_a_superset(docs: list[Document]) -> None:
    for d in docs:
        for tok in d.spacy:
            sub = [x.i for x in tok.subtree]
            assert max(sub) == tok.right_edge.i
            after = [x for x in tok.subtree if x.dep_ == "conj"]
            for obj in (c for c in tok.children if c.dep_ == "dobj"):
                if any(x.i > obj.i for x in after):
                    assert any(x.dep_ == "conj" for x in d.spacy[obj.i + 1 : tok.right_edge.i + 1])


def test_late_loaded_coder_is_code_actor() -> None:
    from dateline.actors import code_actor
    from dateline.events._lexicon import _coder

    assert _coder() is code_actor


def test_late_loaded_span_is_spacys() -> None:
    from spacy.tokens import Span

    from dateline.events._arguments import _span_class

    assert _span_class() is Span
