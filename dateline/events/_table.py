"""A per-Doc token table, built once by `dateline.events.extract_events` for the time of the call (for speed).

spaCy builds each string attribute of a Token (`pos_`, `tag_`, `dep_`, `lemma_`, `lower_`, `text`, `ent_type_`) on
every access, at about 50-180 ns each, and the event rules ask them hundreds of thousands of times per document set.
The table holds each attribute as a plain Python list indexed by the token's position in the Doc (`tok.i`), read
from `Doc.to_array` once: a string attribute is `vocab.strings[hash]` in spaCy, read here the same way (each hash
once, kept across documents); `pos_` and `ent_iob_`, which spaCy names otherwise, are read from the first token
holding each value. Kept in the Doc's user_data under `dateline.factuality._TABLE` (that module and dateline.sizes
read it without importing this one), dropped at the end of the call. Readers fall back to the Token's own
attributes without it. The hot loops use it for their first, cheap tests; the rules after them read the Tokens.
"""

from __future__ import annotations

from operator import add
from typing import Any

from dateline.factuality import _TABLE


class Table:
    """The token attributes of one Doc, each a list indexed by `tok.i`: `pos`, `tag`, `dep`, `lemma` (as
    `lemma_`), `llemma` (`lemma_.lower()`), `lower`, `text`, `ent` (`ent_type_`), `iob` (`ent_iob_`), `idx`, `head`
    (the head's index), `kids` (each token's children's indices, a tuple in text order), `toks` (the Tokens
    themselves, as listed by the caller)."""

    __slots__ = (
        "toks",
        "pos",
        "tag",
        "dep",
        "lemma",
        "llemma",
        "lower",
        "text",
        "ent",
        "iob",
        "idx",
        "head",
        "kids",
    )

    def __init__(self, doc: Any, toks: list[Any]) -> None:
        from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, LOWER, ORTH, POS, TAG

        n = len(toks)
        cols = (
            doc.to_array([POS, TAG, DEP, LEMMA, LOWER, ORTH, ENT_TYPE, ENT_IOB]).T.tolist() if n else [[]] * 8
        )
        strings = doc.vocab.strings
        self.toks = toks
        self.pos = _strings(cols[0], toks, lambda t: t.pos_)
        self.tag = _hashed(cols[1], strings)
        self.dep = _hashed(cols[2], strings)
        self.lemma = _hashed(cols[3], strings)
        self.llemma = _hashed(cols[3], strings, _LOWERED)
        self.lower = _hashed(cols[4], strings)
        self.text = _hashed(cols[5], strings)
        self.ent = _hashed(cols[6], strings)
        self.iob = _strings(cols[7], toks, lambda t: t.ent_iob_)
        self.idx = doc.to_array(IDX).tolist() if n else []
        rel = doc.to_array(HEAD).view("int64").tolist() if n else []  # each head as an offset
        self.head = list(map(add, range(n), rel))
        kids: list[list[int]] = [[] for _ in toks]
        for i, h in enumerate(self.head):
            if h != i:
                kids[h].append(i)
        # (tuples, the lists dropped: a tuple of ints leaves the garbage collector's watch, a list stays on it)
        self.kids = [tuple(k) if k else () for k in kids]

    def kid_tokens(self) -> list[tuple[Any, ...]]:
        """Each token's children as Tokens (as `Token.children`: in text order)."""
        toks = self.toks
        return [tuple([toks[j] for j in k]) if k else () for k in self.kids]


# each string hash's string (a hash is the string's own: the same in every StringStore), and lower-cased, kept
# across documents: `tag_`, `dep_`, `lemma_`, `lower_`, `text` and `ent_type_` are `vocab.strings[hash]` in spaCy
_NAMES: dict[int, str] = {}
_LOWERED: dict[int, str] = {}
_MAX_NAMES = 100_000  # (beyond it, new hashes are read for the document only: bounded memory)


def _hashed(values: list[int], strings: Any, names: dict[int, str] | None = None) -> list[str]:
    """Each token's string for one attribute held as a string hash (`strings[hash]`, as spaCy reads it), or that
    string lower-cased when `names` is `_LOWERED`. (The kept dicts only grow: no reader ever misses a hash.)"""
    if names is None:
        names = _NAMES
    new = set(values).difference(names)
    if new:
        lowered = names is _LOWERED
        local = {v: strings[v].lower() if lowered else strings[v] for v in new}
        if len(names) + len(local) > _MAX_NAMES:
            return [local[v] if v in local else names[v] for v in values]
        names.update(local)
    return list(map(names.__getitem__, values))


def _strings(values: list[int], toks: list[Any], attr: Any) -> list[str]:
    """Each token's string for one attribute: the column's ids mapped through the string spaCy gives for the first
    token holding each id (the same id always gives the same string)."""
    n = len(values)
    first = dict(zip(reversed(values), range(n - 1, -1, -1), strict=True))  # each id's first token
    names = {v: attr(toks[i]) for v, i in first.items()}
    return list(map(names.__getitem__, values))


def build(doc: Any, toks: list[Any]) -> Table:
    """The table of a Doc whose tokens `toks` (the Doc iterated once) were listed."""
    return Table(doc, toks)


def table_of(doc: Any) -> Table | None:
    """The table kept for the current `extract_events` call of this Doc, else None."""
    return doc.user_data.get(_TABLE)
