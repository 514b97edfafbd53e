"""The events' source, location and date steps find a sentence's quotes, places and times by binary search (a long
text walked them all for every event): the output is identical to the plain scans', every event field, on the demo
corpus and two long synthetic texts. (A digest frozen before the change also matched on a 51,000-character text run
in pieces; it is not kept, as every extraction change would move it.)"""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path
from typing import Any

import pytest

from dateline.model import Document

DEMO = Path(__file__).resolve().parents[1] / "dateline" / "demo" / "articles"

# written for this test: reported and direct speech, places and dates in many sentences
_TOWNS = ["Kharkiv", "Goma", "Mosul", "Aleppo", "Juba", "Bamako", "Kandahar", "Mogadishu", "Tripoli", "Sanaa"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "May 4", "June 19"]
_WHO = [
    ("Defence Minister Rustem Umerov", "Umerov", "he"),
    ("the army spokesman", "The spokesman", "he"),
    ("UN envoy Hans Grundberg", "Grundberg", "he"),
    ("the provincial governor", "The governor", "she"),
]
_LINES = [
    "Rebels shelled {t} on {d}, killing {n} civilians, {w} said.",
    '"We will send {n} more troops to {t}," {w} told reporters on {d}.',
    "{s} said police arrested {n} protesters in {t} on {d}.",
    "Government forces attacked a checkpoint near {t} on {d}, according to {w}.",
    '{s} said: "The talks in {t} will resume next week, and the ceasefire holds."',
    "Protesters marched through {t} on {d}, demanding the release of {n} detainees.",
    "{p_cap} accused the militia of killing {n} villagers near {t} a day after the talks.",
    "Officials in {t} said a car bomb had wounded {n} people there on {d}.",
    "The two sides met in {t} on {d} and agreed to exchange {n} prisoners, {w} said.",
    '"Nobody expected the convoy to reach {t} so soon," said {w}, who visited the city on {d}.',
]


def _text(n_chars: int, seed: int) -> str:
    rng = random.Random(seed)
    paras: list[str] = []
    size = 0
    while size < n_chars:
        lines = []
        for _ in range(rng.randint(2, 4)):
            w, s, p = rng.choice(_WHO)
            lines.append(
                rng.choice(_LINES).format(
                    t=rng.choice(_TOWNS),
                    d=rng.choice(_DAYS),
                    n=rng.randint(2, 400),
                    w=w,
                    s=s,
                    p_cap=p.capitalize(),
                )
            )
        para = " ".join(lines)
        paras.append(para)
        size += len(para) + 2
    return "\n\n".join(paras)


def _demo_docs() -> list[Document]:
    from dateline.clean import to_document
    from dateline.read import read

    docs = []
    for path in sorted(DEMO.iterdir()):
        for raw in read([str(path)]):
            docs.append(to_document(raw))  # type: ignore[arg-type]
    return docs


_LONG = [(10_000, 3), (26_000, 5), (51_000, 8)]  # the last goes through the pipeline in pieces


def _parsed() -> list[Document]:
    """The demo corpus and the two shorter long texts, parsed and run through the components before events,
    their spaCy parse kept."""
    from dateline.nlp import annotate
    from dateline.pipeline import COMPONENTS, DEFAULT_COMPONENTS

    texts = [Document(id=f"long{n}", text=_text(n, seed), published="2025-06-20") for n, seed in _LONG[:2]]
    docs = list(annotate(_demo_docs() + texts))
    for doc in docs:
        for name in DEFAULT_COMPONENTS:
            if name != "events":
                COMPONENTS[name](doc)
    return docs


def _rows(docs: list[Document]) -> list[Any]:
    from dateline.events import extract_events

    return [[dataclasses.asdict(e) for e in extract_events(doc)] for doc in docs]


def _plain_scans(monkeypatch: pytest.MonkeyPatch) -> None:
    """The walks over the whole document the indexes replace (the code before the change)."""
    import importlib

    # (the package re-exports the function `_source` under its module's name)
    _source = importlib.import_module("dateline.events._source")
    _where_when = importlib.import_module("dateline.events._where_when")
    monkeypatch.setattr(_source, "_candidates", lambda doc, start: list(doc.quotes))
    monkeypatch.setattr(
        _where_when, "_starting_in", lambda items, lo, hi, kind, doc: [x for x in items if lo <= x.start < hi]
    )


def test_indexed_lookups_match_the_plain_scans(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sources (quotes), places and times found through the indexes are those the plain walk over the whole
    document finds, in the same order: every event field equal (whatever else changes in the pipeline)."""
    docs = _parsed()
    indexed = _rows(docs)
    assert len(docs) >= 20 and sum(len(r) for r in indexed) > 300
    assert any(getattr(d, "_quote_index", None) for d in docs) and any(
        getattr(d, "_places_by_start", None) for d in docs
    )
    _plain_scans(monkeypatch)
    assert _rows(docs) == indexed


def test_index_follows_a_new_or_changed_list() -> None:
    """The index kept on the document is rebuilt for another list, and for the same list grown or changed at its
    ends; records come back in list order, not start order."""
    from dateline.events._where_when import _starting_in
    from dateline.model import Place

    doc = Document(id="x", text="")
    a = [
        Place(text="B", start=50, end=51),
        Place(text="A", start=10, end=11),
        Place(text="C", start=12, end=13),
    ]
    assert [p.text for p in _starting_in(a, 0, 20, "places", doc)] == ["A", "C"]
    b = [Place(text="D", start=15, end=16)]
    assert [p.text for p in _starting_in(b, 0, 20, "places", doc)] == ["D"]
    b.append(Place(text="E", start=5, end=6))
    assert [p.text for p in _starting_in(b, 0, 20, "places", doc)] == ["D", "E"]
    b[0] = Place(text="F", start=100, end=101)
    assert [p.text for p in _starting_in(b, 0, 20, "places", doc)] == ["E"]


def test_quote_candidates_cover_every_quote_that_reports() -> None:
    """Every quote holding a position, or reported speech whose sentence holds it, is among the candidates."""
    from dateline.events._source import _candidates, _reports
    from dateline.model import Quote

    qs = [
        Quote(
            id="1",
            doc_id="q",
            content="x",
            start=100,
            end=1000,
            sentence_start=90,
            sentence_end=1010,
            direct=True,
        ),
        Quote(
            id="2",
            doc_id="q",
            content="y",
            start=1200,
            end=1300,
            sentence_start=1100,
            sentence_end=1600,
            direct=False,
        ),
        Quote(
            id="3",
            doc_id="q",
            content="z",
            start=20,
            end=40,
            sentence_start=0,
            sentence_end=None,
            direct=False,
        ),
    ]
    doc = Document(id="q", text="", quotes=qs)
    for pos in range(0, 1800, 7):
        assert [q for q in qs if _reports(q, pos)] == [q for q in _candidates(doc, pos) if _reports(q, pos)]
