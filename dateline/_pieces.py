"""Putting a long document back together after `dateline.pipeline` processed it in pieces: every annotation of a
piece is added to the whole document with its character offsets shifted into the whole text, sentence indexes
renumbered and, after the first piece, quote and event ids re-keyed (they are made from piece offsets)."""

from __future__ import annotations

import dataclasses

from dateline.model import Document, stable_id

# Document.extra keys that components fill with character offsets (shifted like the records' offsets)
_EXTRA_OFFSETS = ("topic_places",)


def merge_piece(doc: Document, piece: Document, offset: int, k: int) -> None:
    """Add a processed piece's annotations to the whole document, their offsets moved by `offset`."""
    n_sentences = len(doc.sentences)
    for name in ("sentences", "entities", "timexes", "places", "quotes", "events"):
        records = getattr(piece, name)
        for rec in records:
            _shift(rec, offset, n_sentences)
            if k and name in ("quotes", "events"):
                rec.id = stable_id(doc.id, "piece", k, rec.id)
        getattr(doc, name).extend(records)
    for key, value in piece.extra.items():
        if key == "errors":
            errors = doc.extra.setdefault("errors", [])
            errors.extend(e for e in value if e not in errors)
        elif key in _EXTRA_OFFSETS and isinstance(value, list):
            doc.extra.setdefault(key, []).extend(v + offset if isinstance(v, int) else v for v in value)
        else:
            doc.extra.setdefault(key, value)


def _shift(rec: object, offset: int, n_sentences: int) -> None:
    """Move every character offset of a record and its nested records (fields `start`, `end`, `*_start`,
    `*_end`: the model's convention) by `offset`, and an entity's sentence index by `n_sentences`."""
    for f in dataclasses.fields(rec):  # type: ignore[arg-type]
        value = getattr(rec, f.name)
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, int):
            if f.name in ("start", "end") or f.name.endswith(("_start", "_end")):
                setattr(rec, f.name, value + offset)
            elif f.name == "sentence" and value >= 0:
                setattr(rec, f.name, value + n_sentences)
        elif dataclasses.is_dataclass(value):
            _shift(value, offset, n_sentences)
        elif isinstance(value, list):
            for item in value:
                if dataclasses.is_dataclass(item):
                    _shift(item, offset, n_sentences)
