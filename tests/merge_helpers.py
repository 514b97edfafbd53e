"""Shared by the merge tests: a store of one-event documents, linked, and the merged event a mention joined."""

from __future__ import annotations

from pathlib import Path

from dateline.link import link_new
from dateline.model import Document, Event
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
