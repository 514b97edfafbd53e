"""Words of articles for the across-article modules: one stop list and one small tokenizer, so that stories,
merging and briefings count the same words."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop list plus reporting words; a plain word list, it loads no model."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"said", "says", "told", "mr", "mrs", "ms", "year", "week", "day", "time"}


def terms(title: str | None, text: str) -> Counter[str]:
    """Our own small tokenizer: lowercased words of 3+ letters, no stop words; the title counts twice."""
    stop = stop_words()
    out: Counter[str] = Counter()
    for weight, part in ((2, title or ""), (1, text)):
        for w in _WORD.findall(part):
            w = w.lower().replace("’", "'").strip("'-")
            if w.endswith("'s"):
                w = w[:-2]
            if len(w) >= 3 and w not in stop:
                out[w] += weight
    return out
