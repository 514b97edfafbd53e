"""Duplicates: exact (same clean text) and near (a syndicated repost, a copy with another footer).

Near-duplicates are found with MinHash LSH (datasketch) over word 5-shingles and
then verified exactly: the true Jaccard similarity of the two shingle sets must
reach the threshold. A near-duplicate is stored and linked to the first copy,
but not processed again.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
SHINGLE = 5
THRESHOLD = 0.8
RECENT = 500  # shingle sets kept in memory for exact verification; older candidates are read from the store
SCHEME = "affine32"  # stored signatures are only comparable under the same hashing scheme
_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


class NearDuplicates:
    """An LSH index of the documents seen so far; `check` answers and, if new, adds."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        # the most recent documents' shingle sets (bounded: memory stays flat however long the run)
        self._shingles: OrderedDict[str, set[str]] = OrderedDict()

    def load(self, signatures: Iterable[tuple[str, bytes]]) -> None:
        """Add signatures stored by earlier runs."""
        for doc_id, blob in signatures:
            hv = np.frombuffer(blob, dtype=np.uint64)
            if len(hv) != self.num_perm or doc_id in self._lsh:
                continue
            self._lsh.insert(doc_id, MinHash(num_perm=self.num_perm, hashvalues=hv, scheme=SCHEME))

    def signature(self, sh: set[str]) -> MinHash:
        m = MinHash(num_perm=self.num_perm, scheme=SCHEME)
        m.update_batch([s.encode("utf-8") for s in sh])
        return m

    def check(self, doc_id: str, text: str, fetch_text=None) -> tuple[str | None, float | None, bytes]:
        """Return (id of the first copy, similarity, signature bytes); the first copy is None if `text` is new.

        `fetch_text(doc_id)` returns the stored text of an earlier document, for exact verification of
        candidates that are not in memory.
        """
        sh = shingles(text)
        m = self.signature(sh)
        best: tuple[str | None, float | None] = (None, None)
        for cand in self._lsh.query(m):
            other = self._shingles.get(cand)
            if other is None and fetch_text is not None:
                ctext = fetch_text(cand)
                other = shingles(ctext) if ctext else None
            if other is None:
                continue
            sim = jaccard(sh, other)
            if sim >= self.threshold and (best[1] is None or sim > best[1]):
                best = (cand, round(sim, 4))
        blob = m.hashvalues.astype(np.uint64).tobytes()
        if best[0] is None and doc_id not in self._lsh:
            self._lsh.insert(doc_id, m)
            self._shingles[doc_id] = sh
            if len(self._shingles) > RECENT:
                self._shingles.popitem(last=False)
        return best[0], best[1], blob
