"""Shared by the merge tests: a store of one-event documents, linked, and the merged event a mention joined."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.link import link_new
from dateline.model import Document, Event, Place
from dateline.store import Store


def linked_store(tmp_path: Path, docs: list[tuple[str, str, str, Event]]) -> Store:
    """docs: (id, outlet, published, event); each document's text is its event's sentence. Stored, then linked."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    store = Store(tmp_path / "s.db")
    for doc_id, outlet, published, e in docs:
        store.add(Document(id=doc_id, text=e.text, path=doc_id, outlet=outlet, published=published,
                           status="processed", events=[e], places=[e.location] if e.location else []),
                  doc_id, None)  # fmt: skip
    link_new(store)
    return store


def merged_id(store: Store, event_id: str) -> str:
    """The merged event a mention belongs to."""
    return store.db.execute("SELECT merged_id FROM event_links WHERE event_id = ?", (event_id,)).fetchone()[0]


def check_corpus(name: str, corpus: Path) -> None:
    """A merge DEV corpus is registered under its name and its gold is well formed: every gold line's file exists and
    holds its sentence, every article has its metadata, and gold_merged.jsonl (where present) covers the same keys."""
    from dateline.evaluate import merge as M

    assert M.CORPORA[name] == corpus
    gold = M._gold(corpus)
    files = {p.name for p in (corpus / "articles").iterdir()}
    assert {g["file"] for g in gold} <= files
    for g in gold:
        assert g["sentence"] in (corpus / "articles" / g["file"]).read_text()
    assert set(M._meta(corpus)) == files
    merged_file = corpus / "gold_merged.jsonl"
    if merged_file.exists():
        merged = [json.loads(line) for line in merged_file.read_text().splitlines() if line]
        assert {m["key"] for m in merged} == {g["key"] for g in gold}


def city_in(sentence: str, place: tuple[str, str, float, float] | None) -> Place | None:
    """A city named in the sentence, as a resolved place: (name, country, lat, lon); None for none."""
    if not place:
        return None
    name, country, lat, lon = place
    i = sentence.index(name)
    return Place(
        name, i, i + len(name), name=name, country=country, lat=lat, lon=lon, feature="city", precision_km=5.0
    )
