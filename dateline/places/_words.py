"""Word lists that veto a capitalised word as a place: common English words (spaCy's lemmatizer tables),
given names and English-word surnames (lazy caches)."""

from __future__ import annotations

from functools import lru_cache

from dateline.places._gazetteer import _DATA
from dateline.places._names import _norm


@lru_cache(maxsize=1)
def _common_nouns() -> frozenset[str]:
    """WordNet's noun index as spaCy's English lemmatizer ships it (it lists some cities too, so it only
    vetoes names no gazetteer knows)."""
    try:
        from dateline.nlp import load

        table = load().get_pipe("lemmatizer").lookups.get_table("lemma_index")
        largest = max(table.keys(), key=lambda k: len(table[k]))
        return frozenset(table[largest])
    except Exception:  # noqa: BLE001 - no lemmatizer tables: no veto
        return frozenset()


def _is_common_noun(key: str) -> bool:
    nouns = _common_nouns()
    forms = {key, key[:-1] if key.endswith("s") else key, key[:-2] if key.endswith("es") else key}
    if key.endswith("ies"):
        forms.add(key[:-3] + "y")
    if key.endswith("men"):
        forms.add(key[:-3] + "man")
    return any(f in nouns for f in forms)


@lru_cache(maxsize=1)
def _name_blocks() -> tuple[frozenset[str], frozenset[str]]:
    """(common English words, names of people) that a lone capitalised word may be instead of a place.

    Common words: WordNet's adjective, verb and adverb index as spaCy's English lemmatizer ships it (its noun
    index lists cities too); people: data/actors/surname_stopwords.txt and data/places/first_names.txt."""
    common: set[str] = set()
    try:
        from dateline.nlp import load

        table = load().get_pipe("lemmatizer").lookups.get_table("lemma_index")
        sizes = sorted(((len(v), k) for k, v in table.items()), reverse=True)
        for _n, k in sizes[1:]:  # the largest table is the noun index
            common.update(table[k])
    except Exception:  # noqa: BLE001 - no lemmatizer tables: rely on the other cues
        pass
    people: set[str] = set()
    path = _DATA.parent / "actors" / "surname_stopwords.txt"
    if path.exists():
        lines = path.read_text(encoding="utf-8").splitlines()
        people.update(ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#"))
    return frozenset(common), frozenset(people) | _first_names()


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """Given names that are also places (data/places/first_names.txt)."""
    lines = (_DATA / "first_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#"))


def _word_lines(name: str) -> list[str]:
    path = _DATA / name
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def _non_places() -> frozenset[str]:
    """Names that are no place when they stand alone: weapons named after places or people
    (data/places/non_places.txt: "Katyusha", "Grad", "Kalashnikov")."""
    return frozenset(_norm(ln) for ln in _word_lines("non_places.txt"))


@lru_cache(maxsize=1)
def _cue_nouns() -> frozenset[str]:
    """Nouns after "the X" that make X a place (data/places/cue_nouns.txt: "the Jowhar market")."""
    return frozenset(ln.lower() for ln in _word_lines("cue_nouns.txt"))


@lru_cache(maxsize=1)
def _outlet_leads() -> tuple[str, ...]:
    """Words that open an outlet's name (data/places/outlet_lead_words.txt: "Radio Juba Valley")."""
    return tuple(_word_lines("outlet_lead_words.txt"))
