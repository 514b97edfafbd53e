"""Who said so: the source of an event, from the quote holding it or a governing reporting verb."""

from __future__ import annotations

from typing import Any

from dateline.events._arguments import _Resolver
from dateline.events._lexicon import _RELATIVE, _Lex
from dateline.events._syntax import _is_verb, _span_of, _subject
from dateline.events._triggers import _Trig
from dateline.model import Actor, Document


def _relative_head(doc: Document, start: int | None) -> Any | None:
    """The noun a relative pronoun at character `start` stands for ("Mr Trump, who ..." -> Mr Trump)."""
    if start is None or start < 0 or doc.spacy is None:
        return None
    span = doc.spacy.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return None
    tok = span[0]
    clause = tok.head
    if tok.lower_ in _RELATIVE and clause.dep_ == "relcl" and clause.head.i != clause.i:
        return clause.head
    return None


def _source(t: _Trig, doc: Document, res: _Resolver, lex: _Lex) -> Actor | None:
    for q in doc.quotes:
        inside = q.start <= t.start < q.end
        same_sentence = q.sentence_start is not None and q.sentence_start <= t.start < (q.sentence_end or 0)
        if (inside or (same_sentence and not q.direct)) and (q.speaker or q.speaker_text):
            rel = (
                _relative_head(doc, q.speaker_start) if (q.speaker_text or "").lower() in _RELATIVE else None
            )
            if (
                rel is not None
            ):  # "Mr Trump, who ... repeated the warning": the speaker is Mr Trump, not "who"
                return res.resolve(*_span_of(rel))
            country = (
                q.affiliation
                if q.affiliation and len(q.affiliation) == 3 and q.affiliation.isupper()
                else None
            )
            return Actor(
                text=q.speaker_text or q.speaker or "",
                start=q.speaker_start if q.speaker_start is not None else -1,
                end=q.speaker_end if q.speaker_end is not None else -1,
                name=q.speaker,
                country=country,
                kind=q.speaker_kind,
            )
    for a in t.anchor.ancestors:  # "..., police said" / "officials told reporters that ..."
        if a.lemma_.lower() in lex.reporting and _is_verb(a):
            subj, _ = _subject(a)
            if subj is not None:
                s, e = _span_of(subj)
                return res.resolve(s, e)
    sent = t.anchor.sent
    for tok in sent:  # "according to X"
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            for g in tok.nbor().children:
                if g.dep_ == "pobj":
                    s, e = _span_of(g)
                    return res.resolve(s, e)
    return None
