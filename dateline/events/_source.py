"""Who said so: the source of an event, from the quote holding it or a governing reporting verb."""

from __future__ import annotations

from typing import Any

from dateline.events._arguments import _closing_reporter, _Resolver
from dateline.events._lexicon import _RELATIVE, _Lex
from dateline.events._syntax import (
    _char_span,
    _doc_toks,
    _is_verb,
    _sent_of,
    _sent_picks,
    _sent_toks,
    _span_of,
    _subject,
    _within,
)
from dateline.events._triggers import _Trig
from dateline.factuality import _kids
from dateline.model import Actor, Document


def _relative_head(doc: Document, start: int | None) -> Any | None:
    """The noun a relative pronoun at character `start` stands for ("Mr Trump, who ..." -> Mr Trump)."""
    if start is None or start < 0 or doc.spacy is None:
        return None
    span = _char_span(doc.spacy, start, start + 1)
    if span is None:
        return None
    tok = span[0]
    clause = tok.head
    if tok.lower_ in _RELATIVE and clause.dep_ == "relcl" and clause.head.i != clause.i:
        return clause.head
    return None


def _own_speech(t: _Trig, doc: Document, start: int | None, end: int | None) -> bool:
    """Whether a quote's speaker is a party of the event's own clause: "the junta accused France of ...", "the
    unions threatened ...", "the army and the RSF agreed ..., mediators said" read as speech by the quote finder.
    Who makes an accusation, threat or request is its actor; the source is who reports it."""
    if start is None or end is None or start < 0 or doc.spacy is None:
        return False
    span = _char_span(doc.spacy, start, end)
    if span is None:
        return False
    head = span.root
    while head.dep_ == "conj" and head.head.i != head.i:  # "the army and [the RSF]"
        head = head.head
    return head.head.i in (t.anchor.i, t.tok.i) and head.dep_ in ("nsubj", "nsubjpass", "csubj", "agent")


def _tail_reporter(t: _Trig, sent: Any, lex: _Lex) -> Any | None:
    """The speaker of a closing ", X said on Wednesday" the parser did not hang above the event (it may read "said"
    as a conjunct of the event's verb and the speaker as a conjunct of a place): a reporting verb after the event
    that says nothing of its own (no clause or object), its speaker the name just before it, after a comma."""
    stoks = _sent_toks(sent)
    for v in _sent_picks(sent, "llemma", lex.reporting):  # (the first tests on the token table: speed)
        if v.i <= t.anchor.i or v.lemma_.lower() not in lex.reporting or not _is_verb(v):
            continue
        if v.i in {a.i for a in t.anchor.ancestors}:
            return None  # hung above the event: the ancestor walk has read it
        if any(c.dep_ in ("ccomp", "xcomp", "dobj", "nsubj") for c in _kids(v)):
            continue
        if any(w.i > v.i and not w.is_punct and not _within(w, v) for w in stoks):
            continue  # the report is not the sentence's closing clause
        who = v.nbor(-1) if v.i > sent.start else None
        if who is None or who.pos_ not in ("PROPN", "NOUN"):
            continue
        left = min(w.i for w in who.subtree if w.dep_ in ("compound", "amod", "det", "punct") or w.i == who.i)
        if left > sent.start and _doc_toks(v.doc)[left - 1].text == ",":
            return who
    return None


def _stray_speaker(v: Any) -> Any | None:
    """The speaker of a closing ", army chief General X said" that the parser hung as an apposition of the noun
    before it (leaving "said" with no subject): the name right before the verb, its phrase after a comma."""
    who = v.nbor(-1) if v.i > 0 else None
    if who is None or who.dep_ != "appos" or who.pos_ not in ("PROPN", "NOUN"):
        return None
    left = who.left_edge.i
    return who if left > 0 and _doc_toks(v.doc)[left - 1].text == "," else None


def _reports(q: Any, start: int) -> bool:
    """Whether a quote can be the source of an event starting at `start`: it holds the event, or it is reported
    speech in the event's sentence."""
    inside = q.start <= start < q.end
    same_sentence = q.sentence_start is not None and q.sentence_start <= start < (q.sentence_end or 0)
    return inside or (same_sentence and not q.direct)


_BUCKET = 256  # characters of text per bucket of the quote index


class _QuoteIndex:
    """The document's quotes by the stretches of text they may report (their own span, and for reported speech
    their sentence), in buckets of `_BUCKET` characters: an event looks only at the quotes of its bucket, in
    document order (a long text checked every quote for every event)."""

    def __init__(self, quotes: list[Any]) -> None:
        self.quotes, self.size = quotes, len(quotes)
        self.first, self.last = (quotes[0], quotes[-1]) if quotes else (None, None)
        self.buckets: dict[int, list[int]] = {}
        for k, q in enumerate(quotes):
            spans = [(q.start, q.end)]
            if q.sentence_start is not None and not q.direct:
                spans.append((q.sentence_start, q.sentence_end or 0))
            keys: set[int] = set()
            for lo, hi in spans:
                if lo is not None and hi is not None and hi > lo:
                    keys.update(range(lo // _BUCKET, (hi - 1) // _BUCKET + 1))
            for b in keys:
                self.buckets.setdefault(b, []).append(k)  # quotes in order: each bucket stays sorted

    def fits(self, quotes: list[Any]) -> bool:
        return (
            quotes is self.quotes
            and len(quotes) == self.size
            and (not quotes or (quotes[0] is self.first and quotes[-1] is self.last))
        )

    def at(self, start: int) -> list[Any]:
        return [self.quotes[k] for k in self.buckets.get(start // _BUCKET, ())]


def _candidates(doc: Document, start: int) -> list[Any]:
    """The quotes that may report an event at `start`, in document order: every one that holds it or whose
    sentence holds it (and some others of the same stretch of text; `_reports` decides). The index is kept on the
    document (transient, like its resolver) and rebuilt when the list is another or has changed."""
    quotes = doc.quotes
    index = getattr(doc, "_quote_index", None)
    if index is None or not index.fits(quotes):
        index = _QuoteIndex(quotes)
        doc._quote_index = index  # type: ignore[attr-defined]
    return index.at(start)


def _source(t: _Trig, doc: Document, res: _Resolver, lex: _Lex) -> Actor | None:
    # the parse check (_own_speech) last: it is the costly one
    quotes = [
        q
        for q in _candidates(doc, t.start)
        if (q.speaker or q.speaker_text)
        and _reports(q, t.start)
        and not _own_speech(t, doc, q.speaker_start, q.speaker_end)
    ]
    # a quote holding the event before one that only shares its sentence
    quotes.sort(key=lambda q: not (q.start <= t.start < q.end))
    if quotes:  # the first quote that reports it
        q = quotes[0]
        rel = _relative_head(doc, q.speaker_start) if (q.speaker_text or "").lower() in _RELATIVE else None
        if rel is not None:  # "Mr Trump, who ... repeated the warning": the speaker is Mr Trump, not "who"
            return res.resolve(*_span_of(rel))
        country = (
            q.affiliation if q.affiliation and len(q.affiliation) == 3 and q.affiliation.isupper() else None
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
            if subj is None:
                subj = _stray_speaker(a)
            if subj is not None:
                s, e = _span_of(subj)
                return res.resolve(s, e)
    sent = _sent_of(t.anchor)
    tail = _tail_reporter(t, sent, lex) or _closing_reporter(t.anchor, lex)
    if tail is not None:
        return res.resolve(*_span_of(tail))
    for tok in _sent_picks(sent, "lower", ("according",)):  # "according to X"
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            for g in _kids(tok.nbor()):
                if g.dep_ == "pobj":
                    s, e = _span_of(g)
                    return res.resolve(s, e)
    return None
