"""Actors: who is who in a document, coded to PLOVER country and sector codes.

Public entry points: `ActorResolver` (within-document resolution) and `code_actor` (context-free coding).
"""

from __future__ import annotations

from dateline.model import Actor, Document


def code_actor(text: str, context: str | None = None, *, date: str | None = None) -> Actor:
    """Code a bare mention string to an Actor (offsets 0..len(text))."""
    return Actor(text=text, start=0, end=len(text))


class ActorResolver:
    """Resolve spans of one document to actors; build once per document, then call `resolve`."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    def resolve(self, start: int, end: int) -> Actor:
        return code_actor(self.doc.text[start:end], date=self.doc.published).__class__(
            text=self.doc.text[start:end], start=start, end=end
        )
