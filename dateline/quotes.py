"""Quotes and speakers: who said what, direct or reported, with the speaker resolved within the document.

One public entry point, `extract_quotes(doc)`. It works on the spaCy parse already attached to the document
(`doc.spacy`): one scan of the text for quotation marks, one pass over the tokens for reporting cues — verbs
("said", "told", "called X Y", "spoke about", "was accused of"), reporting nouns ("Trump's claim that",
"comments about"), "according to", "SPEAKER:" transcript labels, headline "Name: ‘…’" and "“…” ― Name"
sign-offs — then a light within-document speaker linker (pronoun -> most recent compatible speaker or
subject, surname/honorific -> full name, title -> named holder, anonymous sources kept as described sources).

A discontinuous content ('The museum, Mr Obama said, would inspire us'; '“A,” she said, “B.”') is returned as
several Quote records that share one cue and speaker, each without the cue clause. Word lists live in
dateline/data/quotes/ (cues.tsv with per-verb options, cue_nouns.txt, ...) and can be extended.

The document's ActorResolver is shared with events through `dateline.actors.resolver_for(doc)`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any

from dateline.model import Document, Quote, stable_id
from dateline.nlp import doc_ents, span_ents

# --------------------------------------------------------------------------- lexicons (loaded once per process)

_DATA = Path(__file__).resolve().parent / "data" / "quotes"


@dataclass
class _Lex:
    cues: dict[str, str]
    cue_opts: dict[str, frozenset[str]]
    cue_nouns: frozenset[str]
    described: frozenset[str]
    titles: frozenset[str]
    media_names: frozenset[str]
    media_words: frozenset[str]
    gender: dict[str, str]
    anonymity: frozenset[str] = frozenset()
    unrealised: frozenset[str] = frozenset()


def _lines(name: str) -> list[str]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    cues: dict[str, str] = {}
    cue_opts: dict[str, frozenset[str]] = {}
    for ln in _lines("cues.tsv"):
        lemma, kind, opts = (ln.split("\t") + ["", ""])[:3]
        cues[lemma.strip().lower()] = kind.strip() or "speech"
        cue_opts[lemma.strip().lower()] = frozenset(o.strip() for o in opts.split(",") if o.strip())
    names: set[str] = set()
    words: set[str] = set()
    in_words = False
    for ln in _lines("media.txt"):
        if ln == "[words]":
            in_words = True
        elif in_words:
            words.add(ln.lower())
        else:
            names.add(ln.lower())
    gender: dict[str, str] = {}
    for ln in _lines("names.tsv"):
        name, _, g = ln.partition("\t")
        gender.setdefault(name.strip().lower(), g.strip())
    return _Lex(
        cues=cues,
        cue_opts=cue_opts,
        cue_nouns=frozenset(w.lower() for w in _lines("cue_nouns.txt")),
        anonymity=frozenset(w.lower() for w in _lines("anonymity.txt")),
        unrealised=frozenset(w.lower() for w in _lines("unrealised.txt")),
        described=frozenset(w.lower() for w in _lines("described.txt")),
        titles=frozenset(w.lower() for w in _lines("titles.txt")),
        media_names=frozenset(names),
        media_words=frozenset(words),
        gender=gender,
    )


_HONORIFIC_GENDER = {
    "mr": "m", "mr.": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "father": "m", "sheikh": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "lady": "f", "dame": "f", "queen": "f",
    "princess": "f", "baroness": "f", "madam": "f",
}  # fmt: skip
_HONORIFICS = frozenset(_HONORIFIC_GENDER) | {
    "dr",
    "dr.",
    "prof",
    "prof.",
    "gen",
    "gen.",
    "sen",
    "sen.",
    "rep",
    "rep.",
}
_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
_PLURAL_PRONOUNS = frozenset({"they", "them", "we", "us"})
_REL_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_PRONOUNS = frozenset(_PRONOUN_GENDER) | _PLURAL_PRONOUNS | {"i", "it", "you"} | _REL_PRONOUNS
_DETS = frozenset({"the", "a", "an", "this", "that", "these", "those", "another", "one"})
_SUBJ = frozenset({"nsubj", "csubj"})
_NP_LEFT = frozenset({"det", "amod", "compound", "poss", "nummod", "case"})  # left modifiers of a noun phrase
_TRIM = " \t\n,;:-—–"
_QUOTE_CHARS = "\"“”‘’'`"

# --------------------------------------------------------------------------- quotation marks

# Hand-written scanner: no library pairs straight/curly/single quotes across paragraphs with apostrophe handling.
_MARK_RE = re.compile(r"``|''|[“”\"‘’']")


@dataclass
class _QSpan:
    start: int  # opening mark
    end: int  # after closing mark
    inner_start: int
    inner_end: int
    claimed: bool = False


def _boundary_before(text: str, i: int) -> bool:
    return i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-/"


def _boundary_after(text: str, i: int) -> bool:
    return i >= len(text) or not text[i].isalnum()


def _scan_quotes(text: str) -> list[_QSpan]:
    """Quoted spans: double quotes (straight, curly, ``/'' pairs), single quotes, multi-paragraph quotes."""
    spans: list[_QSpan] = []
    dbl: tuple[int, int] | None = None  # (offset, mark length) of an open double quote
    sgl: tuple[int, int] | None = None
    para_start = 0
    for m in _MARK_RE.finditer(text):
        i, mark = m.start(), m.group()
        # paragraph breaks between the previous mark and this one
        nl = text.rfind("\n", para_start, i)
        if nl >= 0:
            para_start = nl + 1
            line_start = text[para_start:i].strip() == ""
            sgl = None
            if dbl is not None:
                continuing = line_start and mark in ("“", '"', "``", "''", "‘")
                if continuing:
                    continue  # a quote that runs on: each new paragraph opens with a quote mark
                # unbalanced: close at the end of the paragraph the quote opened, if it opened the paragraph
                o, ln = dbl
                pstart = text.rfind("\n", 0, o) + 1
                if text[pstart:o].strip() == "":
                    pend = text.find("\n", o)
                    pend = len(text) if pend < 0 else pend
                    end = len(text[:pend].rstrip())
                    spans.append(_QSpan(o, end, o + ln, end))
                dbl = None
        if mark in ("“", "``"):
            dbl = (i, len(mark))
        elif mark == "”":
            if (
                dbl is None
                and (i == 0 or text[i - 1] == "\n")
                and i + 1 < len(text)
                and text[i + 1].isalnum()
            ):
                dbl = (i, 1)  # a paragraph opened with the closing-style mark
            elif dbl is not None:
                spans.append(_QSpan(dbl[0], i + 1, dbl[0] + dbl[1], i))
                dbl = None
        elif mark == '"':
            if dbl is None:
                dbl = (i, 1)
            else:
                spans.append(_QSpan(dbl[0], i + 1, dbl[0] + dbl[1], i))
                dbl = None
        elif mark == "''":
            if dbl is not None:
                spans.append(_QSpan(dbl[0], i + 2, dbl[0] + dbl[1], i))
                dbl = None
            elif _boundary_before(text, i):
                dbl = (i, 2)
        elif dbl is None:  # single quotes, only outside double quotes
            if mark == "‘" or (mark == "'" and sgl is None):
                if _boundary_before(text, i) and i + 1 < len(text) and not text[i + 1].isspace():
                    sgl = (i, 1)
            elif sgl is not None and i > 0 and not text[i - 1].isspace() and _boundary_after(text, i + 1):
                spans.append(_QSpan(sgl[0], i + 1, sgl[0] + 1, i))
                sgl = None
    spans.sort(key=lambda q: q.start)
    return spans


# --------------------------------------------------------------------------- attribution candidates


@dataclass
class _Att:
    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    source_tok: Any = None  # spaCy Token heading the source phrase
    direct: bool = False
    medium: tuple[int, int] | None = None
    rel_head: Any = None  # antecedent token when the source is a relative pronoun
    parent: int = -1  # index of the attribution a partial quote belongs to
    extra_quotes: list[_QSpan] = field(default_factory=list)
    fragments: list[tuple[int, int]] = field(default_factory=list)  # more pieces of a discontinuous content
    direct_fragments: bool = False


class _Cover:
    """Spans [start, end) and the question "does one of them hold this offset?" in O(log n): starts sorted, with
    the running maximum of the ends (a long transcript asked it of every attribution for every speaker label)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._build(list(spans))

    def _build(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.reach = list(accumulate((b for _, b in self.spans), max))

    def add(self, span: tuple[int, int]) -> None:
        if self.spans and span < self.spans[-1]:  # out of text order: sort again
            self._build([*self.spans, span])
            return
        self.spans.append(span)
        self.starts.append(span[0])
        self.reach.append(max(self.reach[-1], span[1]) if self.reach else span[1])

    def covers(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset)
        return i > 0 and self.reach[i - 1] > offset


def _trim(text: str, start: int, end: int, chars: str = _TRIM) -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _span(tok: Any) -> tuple[int, int]:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)


def _tok_end(tok: Any) -> int:
    return tok.idx + len(tok.text)


def _cue_span(v: Any) -> tuple[int, int]:
    start = v.idx
    j = v.i - 1
    doc = v.doc
    while j >= 0 and doc[j].head.i == v.i and doc[j].dep_ in ("aux", "neg", "advmod") and doc[j].i >= v.i - 3:
        if doc[j].dep_ == "advmod" and doc[j].pos_ != "ADV":
            break
        start = doc[j].idx
        j -= 1
    end = _tok_end(v)
    for c in v.rights:
        if c.dep_ == "prt" and c.i == v.i + 1:
            end = _tok_end(c)
    return start, end


def _subject(v: Any) -> tuple[Any, Any]:
    """(subject token, antecedent of a relative pronoun) for a cue verb, inheriting through conj/advcl/xcomp."""
    tok = v
    for _ in range(3):
        # the subject nearest the verb: 'The district, Ms Santos said, would …' has two for the parser
        for c in sorted(tok.children, key=lambda c: abs(c.i - tok.i)):
            if c.dep_ in _SUBJ:
                rel = tok.head if tok.dep_ == "relcl" and c.lower_ in _REL_PRONOUNS else None
                return c, rel
        if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head, None
        if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head.pos_ in ("VERB", "AUX"):
            if tok.dep_ == "advcl" and tok.tag_ == "VBN":
                break  # 'when asked about X, he said': the reduced passive's subject is not the speaker
            tok = tok.head
            continue
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
            tok = tok.head.head  # "... on his show and for saying that ..."
            continue
        break
    return None, None


_CLAUSE_DEPS = frozenset(
    {"aux", "auxpass", "neg", "advmod", "prep", "npadvmod", "dative", "prt", "agent", "dobj"}
)


def _clause(v: Any, subj: Any, outside: Any = None, phrase: Any = _span) -> tuple[int, int]:
    """Character span of the cue clause: subject, verb and its adverbials ('Mr Obama said on Monday')."""
    toks = [v]
    if subj.head.i == v.i or abs(subj.i - v.i) < 6:
        toks.append(subj)
    for c in v.children:
        if c.dep_ in _CLAUSE_DEPS and not (
            c.dep_ == "dobj" and c.lemma_.lower() not in ("reporter", "reporters")
        ):
            if outside is None or outside(c):  # a word inside the quotation is a parse error, not the clause
                toks.append(c)
    spans = [(v.idx, _tok_end(v))] + [phrase(t) if t is subj else _span(t) for t in toks[1:]]
    return min(a for a, _ in spans), max(b for _, b in spans)


def _source_span(
    text: str, subj: Any, v: Any, content: tuple[int, int], phrase: Any = _span
) -> tuple[int, int]:
    start, end = phrase(subj)
    # do not let the source phrase run into the content or the cue
    if subj.i < v.i:
        end = min(end, v.idx)
    else:  # 'Said Ellis:' parsed as one name: the source starts after the cue
        start = max(start, _tok_end(v))
    if start < content[1] <= end and content[0] <= start:
        start = content[1]
    if start < content[0] < end:
        end = content[0]
    # the parser joined paragraphs ("12:15 p.m.\n\nDonald Trump says"): keep the cue's paragraph
    if "\n" in text[start:end]:
        p0 = text.rfind("\n", 0, v.idx) + 1
        p1 = text.find("\n", v.idx)
        start, end = _trim(text, max(start, p0), min(end, len(text) if p1 < 0 else p1))
    return _trim(text, start, end) if end > start else (start, end)


class _Extractor:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.sdoc = doc.spacy
        self.lex = _lex()
        self.quotes = _scan_quotes(self.text)
        self._qstarts = [q.start for q in self.quotes]
        self._by_inner: dict[tuple[int, int], list[_QSpan]] = {}  # a quotation's content -> the quotations
        for q in self.quotes:
            self._by_inner.setdefault((q.inner_start, q.inner_end), []).append(q)
        self.atts: list[_Att] = []

    # -- quote lookup -------------------------------------------------------------------------------
    def _quotes_in(self, start: int, end: int) -> list[_QSpan]:
        i = bisect.bisect_left(self._qstarts, start)
        out = []
        while i < len(self.quotes) and self.quotes[i].start < end:
            if self.quotes[i].end <= end + 1:
                out.append(self.quotes[i])
            i += 1
        return out

    def _quote_at(self, offset: int) -> _QSpan | None:
        i = bisect.bisect_right(self._qstarts, offset) - 1
        while i >= 0:
            q = self.quotes[i]
            if q.inner_start <= offset < q.inner_end:
                return q
            if q.end < offset - 5000:
                break
            i -= 1
        return None

    def _outside_quotes(self, tok: Any) -> bool:
        s, e = _span(tok)
        return self._quote_at(s) is None and self._quote_at(max(s, e - 1)) is None

    def _phrase(self, tok: Any) -> tuple[int, int]:
        """Span of a token's phrase without quotations the parser hung on it ('“…,” Sarandon, 69,')."""
        start, end = _span(tok)
        for q in self._quotes_in(start, end):
            if q.end <= tok.idx:
                start = max(start, q.end)
            elif q.start >= _tok_end(tok):
                end = min(end, q.start)
        return _trim(self.text, start, end)

    def _usable_subject(self, subj: Any, v: Any) -> bool:
        """A subject outside the quotation and in the cue's paragraph."""
        gap = self.text[min(_tok_end(subj), v.idx) : max(_tok_end(v), subj.idx)]
        return self._outside_quotes(subj) and "\n" not in gap

    def _subject_outside(self, v: Any) -> Any:
        """Subject of a cue when the parser's subject lies inside the quotation: another subject outside it,
        else the noun right after the verb ('”, said Mulgrew.', 'Said Ellis: “…”')."""
        for c in v.children:
            if c.dep_ in _SUBJ and self._usable_subject(c, v):
                return c
        if v.dep_ == "compound" and v.head.is_title and v.head.i > v.i:  # 'Said Ellis:' parsed as a name
            return v.head
        for c in v.rights:
            if c.dep_ in ("dobj", "npadvmod", "attr", "nsubj", "appos") and c.pos_ in (
                "PROPN",
                "NOUN",
                "PRON",
            ):
                if self._outside_quotes(c) and c.i <= v.i + 4:
                    return c
        return None

    def _fronted(self, comp: Any, v: Any) -> bool:
        """A clause before its cue is the content only when just punctuation/quote marks separate them."""
        gap_start = _span(comp)[1]
        lefts = [
            c for c in v.lefts if c.i > comp.i and (c.dep_ in _SUBJ or c.dep_ in ("aux", "advmod", "neg"))
        ]
        first = min([v.idx] + [c.left_edge.idx for c in lefts])
        gap = self.text[gap_start:first]
        return gap.strip(" ,\t" + _QUOTE_CHARS + "—–-") == ""

    # -- content helpers ----------------------------------------------------------------------------
    def _fit_quote(self, start: int, end: int) -> tuple[tuple[int, int], bool, list[_QSpan]]:
        """Widen content that is (almost) one quotation to the whole quotation; report the quotes inside."""
        s, e = _trim(self.text, start, end, _TRIM + ".")
        inside = self._quotes_in(s - 1, e + 1)
        # a quotation that the content starts in may run past it (multi-sentence quotes)
        q0 = self._quote_at(s + 1) if s + 1 < len(self.text) else None
        if q0 is not None and q0 not in inside and q0.start <= s + 1:
            inside.insert(0, q0)
        if len(inside) == 1:
            q = inside[0]
            outside = self.text[s : max(s, q.start)] + self.text[min(e, q.end) : e]
            if len(outside.strip(_TRIM + "." + _QUOTE_CHARS)) == 0:
                return (q.inner_start, q.inner_end), True, []
        return (s, e), False, inside

    def _add(
        self, att: _Att, anchor: int | None = None, clause: tuple[int, int] | None = None, fit: bool = True
    ) -> None:
        content, direct, inside = self._fit_quote(*att.content) if fit else (att.content, False, [])
        if not direct and att.cue is not None and att.source is not None:
            c0, c1 = min(att.cue[0], att.source[0]), max(att.cue[1], att.source[1])
            if content[0] <= c0 and c1 <= content[1] and c1 - c0 < 120:
                # the content span holds the cue clause ('“A,” she wrote, “B”'): keep the pieces around it
                left = _trim(self.text, content[0], c0)
                right = _trim(self.text, c1, content[1])
                pieces = [x for x in (left, right) if x[1] - x[0] >= 2]
                if pieces:
                    att.content, rest = pieces[0], pieces[1:]
                    att.fragments = rest + att.fragments
                    content, direct, inside = self._fit_quote(*att.content)
                    if rest and not direct:
                        direct_rest = self._fit_quote(*rest[0])
                        att.fragments[0] = direct_rest[0]
                        att.direct_fragments = direct_rest[1]
        if direct and clause is not None and content[1] <= clause[0]:
            nxt = self._continuation(clause[1])
            if nxt is not None:  # '“A,” he said, “B.”': the quotation goes on after the cue clause
                nxt.claimed = True
                att.fragments.append((nxt.inner_start, nxt.inner_end))
                att.direct_fragments = True
        if not direct and anchor is not None:
            # reported speech stays in the paragraph of its cue (the parser may join a headline to the body)
            p0 = self.text.rfind("\n", 0, anchor) + 1
            p1 = self.text.find("\n", anchor)
            p1 = len(self.text) if p1 < 0 else p1
            content = _trim(self.text, max(content[0], p0), min(content[1], p1))
            inside = [q for q in inside if q.start >= content[0] - 1 and q.end <= content[1] + 1]
        if content[1] - content[0] < 2:
            return
        att.content, att.direct, att.extra_quotes = content, direct, inside
        for q in inside:
            q.claimed = True
        if direct:
            for q in self._by_inner.get(content, ()):
                q.claimed = True
        self.atts.append(att)

    # -- cues ---------------------------------------------------------------------------------------
    def run(self) -> list[_Att]:
        sdoc = self.sdoc
        n = len(sdoc)
        for sent in sdoc.sents:
            for tok in sent:
                low = tok.lower_
                if low == "according" and tok.i + 1 < n and sdoc[tok.i + 1].lower_ == "to":
                    if self._quote_at(tok.idx) is None:
                        self._according(tok, sent)
                    continue
                if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lex.cue_nouns:
                    if self._quote_at(tok.idx) is None:
                        self._noun(tok)
                    continue
                kind = self.lex.cues.get(tok.lemma_.lower())
                if kind is None or tok.pos_ not in ("VERB", "AUX"):
                    continue
                if self._quote_at(tok.idx) is not None:
                    continue
                self._verb(tok, kind, sent)
        self._transcript_labels()
        self._dash_signatures()
        self._colon_labels()
        self._orphan_quotes()
        self.atts.sort(key=lambda a: a.content[0])
        return self.atts

    def _anonymity_request(self, v: Any) -> bool:
        """ "a police officer, who asked not to be named, said": the relative clause asks for anonymity."""
        return v.dep_ == "relcl" and any(t.lower_ in self.lex.anonymity for t in v.subtree)

    def _verb(self, v: Any, kind: str, sent: Any) -> None:
        if self._anonymity_request(v):
            return
        if self._unrealised(v):
            return
        if v.lemma_.lower() == "point" and not any(
            (c.dep_ == "prt" and c.lower_ == "out") or (c.dep_ == "prep" and c.lower_ == "to")
            for c in v.children
        ):
            return
        content: tuple[int, int] | None = None
        cue: tuple[int, int] | None = None
        comps = [c for c in v.children if c.dep_ == "ccomp" or (c.dep_ == "xcomp" and kind == "intent")]
        # a clause after the cue first; a clause before it only when it is the fronted content ("X, he said")
        # (never one in another paragraph: the parser sometimes joins paragraphs)
        comps = [
            c for c in comps if "\n" not in self.text[min(_tok_end(v), _span(c)[0]) : max(v.idx, _span(c)[0])]
        ]
        fronted = [c for c in comps if c.i < v.i and self._fronted(c, v)]
        quoted = [c for c in fronted if self._quote_at(_span(c)[0] + 1) is not None]
        # a fronted quotation wins ('“…,” Kiedis said, mentioning …'), then a clause after the cue
        comps = quoted + [c for c in comps if c.i > v.i] + [c for c in fronted if c not in quoted]
        if comps:
            content = _span(comps[0])
        for c in v.children if content is None else ():
            if c.dep_ in ("dobj", "dative") and kind == "speech":
                # "told BBC Radio 4's Today programme that ...": the clause is often parsed as the object's acl
                for g in c.rights:
                    if g.dep_ in ("acl", "relcl") and any(
                        m.dep_ == "mark" and m.lower_ == "that" for m in g.children
                    ):
                        content = (min(m.idx for m in g.children if m.dep_ == "mark"), _span(g)[1])
                        break
                if content is not None:
                    break
        if content is None and v.lemma_.lower() == "call":
            # "called for a moratorium", "called on Obama to retaliate": a request is reported speech too
            for c in v.rights:
                if c.dep_ == "prep" and c.lower_ in ("for", "on"):
                    pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
                    if pobj is not None:
                        content = _span(pobj)
                        nxt = next(
                            (x for x in v.rights if x.dep_ in ("xcomp", "advcl") and x.i > pobj.i), None
                        )
                        if c.lower_ == "on" and nxt is not None:
                            content = (content[0], _span(nxt)[1])
                        cue = (v.idx, _tok_end(c))
                    break
            for c in v.rights if content is None else ():
                # "called for Trump to drop out": the parser makes 'for' the marker of a clause
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
                    mark = next(m for m in c.children if m.dep_ == "mark" and m.lower_ == "for")
                    content = (_tok_end(mark) + 1, _span(c)[1])
                    cue = (v.idx, _tok_end(mark))
                    break
        if (
            content is None
            and kind != "object"
            and v.dep_ == "parataxis"
            and v.head.i < v.i
            and v.head.lemma_.lower() not in self.lex.cues
        ):
            hs, he = _span(v.head)
            vs = v.left_edge.idx
            if hs < vs:
                content = (hs, he)  # the cue clause inside is cut out when the attribution is added
        if content is None and kind == "object":
            for c in v.rights:
                if c.dep_ in ("dobj", "oprd", "prep", "attr", "ccomp", "xcomp", "advcl"):
                    cs, ce = _span(c)
                    qs = [q for q in self._quotes_in(cs - 2, ce + 2) if not q.claimed]
                    if qs:
                        # the whole reported phrase, as PolNeAR marks it ('the plans a “nightmare”'); the
                        # quotation inside is kept as a direct partial quote
                        obj = next((x for x in v.rights if x.dep_ in ("dobj", "dative") and x.i < c.i), c)
                        content = (min(_span(obj)[0], qs[0].start), max(ce, qs[-1].end))
                        break
        closing = self._closing_reporter(v, sent) if content is None else None
        if closing is not None:
            # "Sweden has sent 250 marines to Gotland, a senior defence source told The Times.": the parser made the
            # source an apposition of the last noun and the cue a conjunct of the main verb
            who, comma = closing
            subj, rel = who, None
            content = _trim(self.text, sent.start_char, comma)
            clause = _clause(v, subj, self._outside_quotes, self._phrase)
            src = _source_span(self.text, subj, v, content, self._phrase)
            if src[1] > src[0]:
                att = _Att(content, _cue_span(v), src, subj, medium=self._medium(v), rel_head=None)
                self._add(att, v.idx, clause)
            return
        subj, rel = _subject(v)
        if (subj is not None and not self._usable_subject(subj, v)) or (
            subj is None and v.dep_ == "compound"
        ):
            subj, rel = self._subject_outside(v), None  # the parser took a word of the quotation as subject
        hung = self._hung_reporter(v, sent, content) if subj is None else None
        if hung is not None:
            # "EU ministers will impose sanctions on Monday, a diplomat who asked not to be named said.": the parser
            # hung the source on the last noun of the content, as an apposition, and left the cue without subject
            who, comma = hung
            content = _trim(self.text, sent.start_char, comma)
            clause = _clause(v, who, self._outside_quotes, self._phrase)
            src = _source_span(self.text, who, v, content, self._phrase)
            if src[1] > src[0]:
                att = _Att(content, _cue_span(v), src, who, medium=self._medium(v), rel_head=None)
                self._add(att, v.idx, clause)
            return
        if subj is None:
            self._passive(v, content)
            return
        clause = _clause(v, subj, self._outside_quotes, self._phrase)
        if content is None and kind != "object":
            content = self._adjacent_quote(v, clause, sent)
        fragments: list[tuple[int, int]] = []
        if content is None and kind == "speech":
            content = self._around_clause(v, clause, sent)
            if content is not None and content[0] < clause[0] and clause[1] < content[1]:
                # 'The talks, the minister said, are the only way forward': two pieces, without the cue clause
                right = _trim(self.text, clause[1], content[1])
                content = _trim(self.text, content[0], clause[0])
                fragments = [right] if right[1] > right[0] else []
                if fragments and self.text[content[0] : content[1]].lower() in ("as", "like", "and", "but"):
                    content, fragments = right, []  # 'As the Post observed, Republicans now control …'
        if content is None:
            found = self._object_content(v)
            if found is None:
                return
            content, cue = found
        src = _source_span(self.text, subj, v, content, self._phrase)
        if src[1] <= src[0]:
            return
        att = _Att(content, cue or _cue_span(v), src, subj, medium=self._medium(v), rel_head=rel)
        att.fragments = fragments
        self._add(att, v.idx, clause)

    def _hung_reporter(self, v: Any, sent: Any, content: tuple[int, int] | None) -> tuple[Any, int] | None:
        """(speaker, offset of the comma) of a closing ", NOUN PHRASE said." whose noun phrase (with a relative clause:
        "a diplomat who asked not to be named") the parser hung on the fronted content's last noun: the cue has no
        subject, its content clause ends before it, nothing but punctuation follows it, and the noun phrase right
        before it follows a comma."""
        if content is None or content[1] > v.idx or v.i == sent.start:
            return None
        if any(w.i > v.i and not (w.is_punct or w.is_space) for w in sent):
            return None  # not the sentence's closing clause
        who = next(  # the innermost such noun: "Lithuania, an official who ..." ends there too
            (
                t
                for t in reversed(sent)
                if t.i < v.i - 1
                and t.right_edge.i == v.i - 1
                and t.pos_ in ("NOUN", "PROPN")
                and t.dep_ in ("appos", "conj", "npadvmod", "dobj", "pobj")
            ),
            None,
        )
        if who is None or who.left_edge.i <= sent.start or v.doc[who.left_edge.i - 1].text != ",":
            return None
        if not any(c.dep_ == "relcl" for c in who.children):
            return None  # a bare noun right before the cue is _closing_reporter's case
        comma = v.doc[who.left_edge.i - 1].idx
        if comma - sent.start_char < 12 or not self._outside_quotes(who):
            return None
        return who, comma

    def _closing_reporter(self, v: Any, sent: Any) -> tuple[Any, int] | None:
        """(speaker, offset of the comma) of a closing ", NOUN PHRASE told/said (OBJECT)." that the parser hung on the
        sentence as a conjunct: the cue has no subject or clause of its own, ends the sentence, and the noun
        phrase right before it follows a comma and is no subject (an apposition or conjunct of the last noun)."""
        if (
            v.dep_ not in ("conj", "advcl", "ccomp")
            or v.i == sent.start
            or any(c.dep_ in _SUBJ or c.dep_ == "ccomp" for c in v.children)
            # hung on the main verb as an adverbial clause or a complement ("..., a senior defence source told the
            # Bulletin."), but no clause of its own: no marker or auxiliary ("..., after a court told them to leave")
            or (
                v.dep_ != "conj"
                and (v.head.i > v.i or any(c.dep_ in ("mark", "aux", "auxpass", "neg") for c in v.children))
            )
        ):
            return None
        if any(
            w.i > v.i and not (w.is_punct or w.is_space) and not (v.left_edge.i <= w.i <= v.right_edge.i)
            for w in sent
        ):
            return None  # the report is not the sentence's closing clause
        who = v.nbor(-1)
        if who.pos_ not in ("NOUN", "PROPN") or who.dep_ not in ("appos", "conj", "npadvmod", "dobj", "pobj"):
            return None
        left = who.i
        while left - 1 > sent.start and v.doc[left - 1].dep_ in _NP_LEFT:
            left -= 1
        if left <= sent.start or v.doc[left - 1].text != ",":
            return None
        comma = v.doc[left - 1].idx
        if comma - sent.start_char < 12 or not self._outside_quotes(who):
            return None
        return who, comma

    def _noun(self, n: Any) -> None:
        """A reporting noun: 'Trump's claim that …', 'his comments about …', 'warnings from his lawyer that …'."""
        content: tuple[int, int] | None = None
        for c in n.rights:
            if c.dep_ in ("acl", "ccomp", "appos", "relcl") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children
            ):
                content = _span(c)
                break
            if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS:
                pobj = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME") and not self._is_medium(pobj):
                    content = _span(pobj)
                    break
        if content is None:
            return
        src_tok = next((c for c in n.children if c.dep_ == "poss"), None)
        if src_tok is None:
            for c in n.rights:
                if (
                    c.dep_ in ("prep", "agent")
                    and c.lower_ in ("from", "by")
                    and c.i < self.sdoc.char_span(content[0], content[1], alignment_mode="expand").start
                ):
                    src_tok = next((x for x in c.children if x.dep_ == "pobj"), None)
                    break
        if src_tok is None and n.dep_ == "dobj" and n.head.lemma_.lower() in _SPEECH_ACTS:
            src_tok, _ = _subject(n.head)  # "he made comments about …", "she issued a warning that …"
        src = _span(src_tok) if src_tok is not None else None
        if src is not None and src_tok.tag_ == "POS":
            src = None
        if src is None:
            return  # without a speaker, a reporting noun is too often just a topic ("questions about X")
        self._add(_Att(content, (n.idx, _tok_end(n)), src, src_tok), n.idx)

    def _passive(self, v: Any, content: tuple[int, int] | None) -> None:
        """A passive cue: 'it was reported that …', 'Mr Quiros was accused of fraud', '… was labeled “X”'.
        The source is the by-phrase when there is one, else the attribution has no source."""
        reduced = v.tag_ == "VBN" and v.dep_ in ("advcl", "acl")  # 'When asked by Ingraham about X'
        if not reduced and not any(c.dep_ == "auxpass" for c in v.children):
            return
        agent = next((c for c in v.rights if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        cue = _cue_span(v)
        if content is None:
            opts = self.lex.cue_opts.get(v.lemma_.lower(), frozenset())
            subj = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
            topic = next((c for c in v.rights if c.dep_ == "prep" and c.lower_ in opts), None)
            tobj = next((x for x in topic.children if x.dep_ in ("pobj", "pcomp")), None) if topic else None
            if tobj is not None and topic is not None and not opts & {"obj", "pred"}:  # 'X was asked about Y'
                att = _Att(
                    _span(tobj), (cue[0], _tok_end(topic)), _span(pobj) if pobj is not None else None, pobj
                )
                self._add(att, v.idx)
                return
            if not opts & {"obj", "pred"} or subj is None or subj.pos_ == "PRON":
                return
            pred = next(
                (
                    c
                    for c in v.rights
                    if c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("as", "of"))
                ),
                None,
            )
            if pred is None and "obj" not in opts:
                return
            content = _span(subj)
            frags = [_span(pred)] if pred is not None else []
            if pred is not None and pred.dep_ == "prep":
                cue = (cue[0], _tok_end(pred))
                obj = next((x for x in pred.children if x.dep_ in ("pobj", "pcomp")), None)
                frags = [_span(obj)] if obj is not None else []
        else:
            frags = []
        src = _span(pobj) if pobj is not None else None
        att = _Att(content, cue, src, pobj)
        att.fragments = frags  # 'Mr Quiros | was accused of | fraud': the content without the cue
        self._add(att, v.idx)

    def _unrealised(self, v: Any) -> bool:
        """A cue hanging as a bare or -ing complement on a verb of planning ("is considering declaring a state of
        emergency", "plans to announce a curfew") with only a noun object: an act weighed, nothing said. A planned
        statement with content of its own stays ("plans to call on young people to serve", "plans to say that")."""
        kids = list(v.children)
        return (
            v.dep_ in ("xcomp", "ccomp", "pcomp")
            and v.tag_ in ("VB", "VBG")
            and v.head.lemma_.lower() in self.lex.unrealised
            and any(c.dep_ == "dobj" for c in kids)
            and not any(c.dep_ in ("ccomp", "xcomp", "prep", "advcl", "oprd") for c in kids)
        )

    def _object_content(self, v: Any) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """(content, cue) of a cue without a clause: its object or a topic phrase ('mentioned the rule',
        'called the charges fabricated', 'told his aides to act', 'spoke about the crisis')."""
        opts = self.lex.cue_opts.get(v.lemma_.lower(), frozenset())
        if not opts:
            return None
        kids = list(v.rights)
        dobj = next((c for c in kids if c.dep_ in ("dobj", "dative") and c.pos_ != "ADP"), None)
        pred = next(
            (
                c
                for c in kids
                if c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as")
            ),
            None,
        )
        if (
            dobj is not None
            and dobj.lower_ in _ADDRESSEES
            and not (opts & {"whom", "pred"} and pred is not None)
        ):
            dobj = None
        if dobj is not None and ("obj" in opts or "pred" in opts or "whom" in opts):
            if "whom" in opts and "obj" not in opts:
                xc = pred or next(
                    (c for c in dobj.children if c.dep_ in ("acl", "relcl") and c.i > dobj.i), None
                )
                if xc is None:
                    dobj = None
                else:
                    return (_span(dobj)[0], _span(xc)[1]), _cue_span(v)
            elif "pred" in opts and "obj" not in opts:
                if pred is None or pred.i < dobj.i:
                    dobj = None
                else:
                    return (_span(dobj)[0], _span(pred)[1]), _cue_span(v)
            if dobj is not None and (
                dobj.pos_ != "PRON" or dobj.lower_ in ("what", "this") or pred is not None
            ):
                end = _span(dobj)[1]
                if pred is not None and pred.i > dobj.i:
                    end = _span(pred)[1]
                return (_span(dobj)[0], end), _cue_span(v)
        for c in kids:
            if c.dep_ == "prep" and c.lower_ in opts:
                pobj = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
                if pobj is None or pobj.ent_type_ in ("DATE", "TIME") or self._is_medium(pobj):
                    continue
                return _span(pobj), (_cue_span(v)[0], _tok_end(c))
            if c.dep_ == "prt" and c.lower_ == "out":  # "spoke out against"
                continue
        return None

    def _adjacent_quote(self, v: Any, clause: tuple[int, int], sent: Any) -> tuple[int, int] | None:
        """A quotation beside the cue clause: '“...,” he said', 'He said: “...”', 'He said, “...”'."""
        text = self.text
        c0, c1 = clause
        i = bisect.bisect_left(self._qstarts, c1) - 1
        # before the clause: only space/commas between the closing mark and the clause
        while i >= 0 and self.quotes[i].start >= c0:
            i -= 1
        if i >= 0:
            q = self.quotes[i]
            if (
                not q.claimed
                and q.end <= c0
                and text[q.end : c0].strip(" ,\t") == ""
                and "\n" not in text[q.end : c0]
                # a quotation closed by a full stop ends its own sentence ('“… enough.” Readers wrote to us.')
                and not (
                    text[q.inner_start : q.inner_end].rstrip().endswith(".") and "," not in text[q.end : c0]
                )
            ):
                return (q.inner_start, q.inner_end)
        # after the clause: 'said: “...”' (may open the next paragraph), 'said, “...”'
        j = bisect.bisect_left(self._qstarts, c1)
        if j < len(self.quotes):
            q = self.quotes[j]
            gap = text[c1 : q.start]
            if not q.claimed and gap.strip(" \t\n") in (":", ",", "") and (gap.count("\n") <= 2):
                if gap.strip() or "\n" not in gap:
                    return (q.inner_start, q.inner_end)
        return None

    def _around_clause(self, v: Any, clause: tuple[int, int], sent: Any) -> tuple[int, int] | None:
        """Reported speech around a parenthetical cue clause: 'The museum, Mr Obama said, would inspire us.'"""
        text = self.text
        s0, s1 = _trim(text, sent.start_char, sent.end_char, _TRIM + ".")
        c0, c1 = clause
        left = text[s0:c0].strip(_TRIM)
        right = text[c1:s1].strip(_TRIM)
        if "\n" in text[s0:c0].strip() or "\n" in text[c1:s1].strip():
            return None
        if not (text[c1:s1].lstrip().startswith(",") or text[s0:c0].rstrip().endswith(",") or not left):
            return None
        nwords = len(left.split()) + len(right.split())
        if nwords < 2 or (not left and not right.startswith(",") and nwords < 3):
            return None
        if left and right:
            return (s0, s1)
        return _trim(text, s0, c0) if left else _trim(text, c1, s1)

    def _according(self, tok: Any, sent: Any) -> None:
        to = self.sdoc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return
        a0, a1 = _span(tok)
        a1 = max(a1, _span(pobj)[1])
        src = _span(pobj)
        text = self.text
        left = _trim(text, sent.start_char, a0)
        right = _trim(text, a1, sent.end_char, _TRIM + ".")
        if left[1] - left[0] < 3:
            content = right
        elif right[1] - right[0] < 3:
            content = left
        else:
            content = _trim(text, sent.start_char, sent.end_char, _TRIM + ".")
        if content[1] - content[0] < 3:
            return
        medium = src if self._is_medium(pobj) else None
        self._add(_Att(content, (tok.idx, _tok_end(to)), src, pobj, medium=medium))

    def _transcript_labels(self) -> None:
        """'SPEAKER: words' lines of interview transcripts."""
        text = self.text
        # the attributions found before, and those the labels add (in text order, so appended)
        before, added = _Cover(a.content for a in self.atts), _Cover()
        for m in _LABEL_RE.finditer(text):
            name = m.group(1)
            headline = m.start() == 0 and len(name.split()) <= 2
            if not (name.isupper() or headline or self._is_named_at(m.start(1))):
                continue
            q = self._quote_at(m.start(1))
            line_start = text.rfind("\n", 0, m.start(1)) + 1
            if (
                q is not None
                and q.inner_start != m.start(1)
                and text[line_start : m.start(1)].strip(" \t" + _QUOTE_CHARS)
            ):
                continue  # a label counts inside a running quotation only at the start of its paragraph
            le = text.find("\n", m.start(1))
            le = len(text) if le < 0 else le
            in_quote = q is not None and (q.start < line_start or q.end > le + 1)
            if in_quote:
                q.claimed = True  # a transcript quoted paragraph by paragraph: the labels split it
            c0 = m.end()
            c1 = text.find("\n", c0)
            c1 = len(text) if c1 < 0 else c1
            content = _trim(text, c0, c1)
            if before.covers(content[0]) or added.covers(content[0]):
                continue
            toks = self.sdoc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            head = toks.root if toks is not None else None
            if in_quote:
                content = _trim(text, *content, _TRIM + _QUOTE_CHARS)
            colon = text.index(":", m.end(1))
            n = len(self.atts)
            self._add(_Att(content, (colon, colon + 1), (m.start(1), m.end(1)), head), fit=not in_quote)
            if len(self.atts) > n:
                added.add(self.atts[-1].content)

    def _is_named_at(self, offset: int) -> bool:
        tok = self.sdoc.char_span(offset, offset + 1, alignment_mode="expand")
        return tok is not None and len(tok) > 0 and tok[0].ent_type_ in ("PERSON", "ORG")

    def _dash_signatures(self) -> None:
        """'“...” ― Name' sign-offs (reader comments, vox pops)."""
        for m in _DASH_RE.finditer(self.text):
            q = self._quote_at(m.start() - 2)
            if q is None or q.claimed or q.end != m.start() + len(m.group(0)) - len(m.group(0).lstrip()):
                q = next(
                    (x for x in self._quotes_in(m.start() - 2, m.start() + 1) if x.end <= m.start() + 1), q
                )
            if q is None or q.claimed:
                continue
            name = (m.start(2), m.end(2))
            toks = self.sdoc.char_span(*name, alignment_mode="expand")
            if toks is None or not any(t.pos_ == "PROPN" for t in toks):
                continue
            self._add(_Att((q.inner_start, q.inner_end), (m.start(1), m.end(1)), name, toks.root))

    def _continuation(self, offset: int) -> _QSpan | None:
        """The quotation that resumes right after a cue clause ending at `offset` (', “…'), if any."""
        j = bisect.bisect_left(self._qstarts, offset)
        if j >= len(self.quotes):
            return None
        q = self.quotes[j]
        if q.claimed or not _RESUME_RE.fullmatch(self.text[offset : q.start]):
            return None
        return q

    def _colon_labels(self) -> None:
        """'Harbour Chief Rounds on Port Board: ‘You Have Failed This Town.’' — a line whose quotation follows
        a colon after a short phrase naming a person (headlines, captions, pull quotes)."""
        text = self.text
        for q in self.quotes:
            if q.claimed:
                continue
            ls = text.rfind("\n", 0, q.start) + 1
            pre = text[ls : q.start].rstrip()
            if not pre.endswith(":") or len(pre.split()) > 12 or ". " in pre:
                continue
            le = text.find("\n", q.end)
            if text[q.end : len(text) if le < 0 else le].strip(" \t.!?") != "":
                continue
            span = self.sdoc.char_span(ls, ls + len(pre) - 1, alignment_mode="expand")
            people = [e for e in (span_ents(span) if span is not None else []) if e.label_ == "PERSON"]
            if not people:
                continue
            colon = ls + len(pre) - 1
            self._add(_Att((q.inner_start, q.inner_end), (colon, colon + 1), (people[-1].start_char, people[-1].end_char),
                           people[-1].root))  # fmt: skip

    def _orphan_quotes(self) -> None:
        """Quotation sentences without a cue that continue the previous speaker's quote."""
        if not self.atts:
            return
        atts = sorted(self.atts, key=lambda a: a.content[1])
        ends = [a.content[1] for a in atts]
        by_content: dict[tuple[int, int], list[int]] = {}  # for list.index(prev) without a walk of the list
        for j, a in enumerate(self.atts):
            by_content.setdefault(a.content, []).append(j)
        text = self.text
        for q in self.quotes:
            if q.claimed or q.inner_end - q.inner_start < 15:
                continue
            # a whole-sentence quotation: only punctuation/space between it and the previous line/sentence
            before = text[max(0, q.start - 3) : q.start]
            if before.strip() and not before.rstrip().endswith((".", "!", "?", ":", "”", '"')):
                continue
            i = bisect.bisect_right(ends, q.start) - 1
            if i < 0:
                continue
            prev = atts[i]
            gap = text[prev.content[1] : q.start]
            if len(gap) > 400 or gap.count("\n") > 2:
                continue
            if not prev.direct and not (
                prev.extra_quotes and prev.extra_quotes[-1].end >= prev.content[1] - 2
            ):
                continue  # reported speech is continued by a quotation only when it ended in one
            q.claimed = True
            self.atts.append(
                _Att((q.inner_start, q.inner_end), prev.cue, prev.source, prev.source_tok, True, prev.medium,
                     prev.rel_head, parent=next(j for j in by_content[prev.content] if self.atts[j] == prev))
            )  # fmt: skip

    # -- media ---------------------------------------------------------------------------------------
    def _is_medium(self, tok: Any) -> bool:
        s, e = _span(tok)
        phrase = self.text[s:e].lower()
        if phrase.startswith("the "):
            phrase = phrase[4:]
        if phrase in self.lex.media_names:
            return True
        words = re.findall(r"[\w!]+", phrase)
        if any(w in self.lex.media_names for w in words if len(w) > 2 or w.isupper()):
            return True
        return (
            tok.pos_ == "PROPN"
            and any(w in self.lex.media_words for w in words)
            or (tok.lower_ in self.lex.media_words and any(c.pos_ == "PROPN" for c in tok.subtree))
        )

    def _medium(self, v: Any) -> tuple[int, int] | None:
        for c in v.children:
            if c.dep_ in ("dative", "dobj") and self._is_medium(c):
                s, e = _span(c)
                # "told [BBC Radio 4's] [Today programme]": a possessive dative runs on into the object
                nxt = next((x for x in v.rights if x.dep_ == "dobj" and x.i > c.i), None)
                if c.dep_ == "dative" and nxt is not None and self.text[e - 2 : e] in ("'s", "’s"):
                    e = _tok_end(nxt)
                return s, e
            if c.dep_ == "prep" and c.lower_ in ("in", "to", "on", "during"):
                pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                if pobj.lemma_.lower() in (
                    "interview",
                    "statement",
                    "post",
                    "article",
                    "op-ed",
                    "appearance",
                ):
                    for p2 in pobj.children:
                        if p2.dep_ == "prep" and p2.lower_ in ("with", "on", "to", "in"):
                            o2 = next((x for x in p2.children if x.dep_ == "pobj"), None)
                            if o2 is not None:
                                return _span(o2)
                elif self._is_medium(pobj):
                    return _span(pobj)
        return None


# objects that are the audience of a cue, not what was said ("told reporters", "asked the crowd")
_ADDRESSEES = frozenset(
    {"reporters", "journalists", "audience", "crowd", "crowds", "supporters", "viewers", "listeners", "us", "me",
     "him", "her", "them", "you", "it"}
)  # fmt: skip
# between a cue clause and a quotation that resumes: a comma, maybe after a short adverbial (', “', ' on Monday, “')
_RESUME_RE = re.compile(r"(?:[^\S\n]*[\w'’.-]+){0,3}[^\S\n]*,[^\S\n]*")
_TOPIC_PREPS = frozenset({"about", "of", "on", "over", "against"})
# verbs whose object is a speech act by their subject ("made comments about", "issued a warning that")
_SPEECH_ACTS = frozenset(
    {"make", "issue", "release", "repeat", "deliver", "offer", "give", "post", "send", "level"}
)
# "SPEAKER:", "Jane Doe:", "SEN. JANE DOE (D-NY):", "CORRESPONDENT (Manila):"
_LABEL_RE = re.compile(
    r"(?m)^[ \t\"“]*([A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,3})(?:[ ]?\([^()\n]{1,40}\))?:[ \t]+(?=\S)"
)
_DASH_RE = re.compile(
    r"(?<=[”\"])\s*([―—–]|--)\s*([A-Z][\w.'\-]*(?:[^\S\n][A-Z][\w.'\-]*){0,3})[^\S\n.]*\.?[^\S\n]*(?=\n|$)"
)


# --------------------------------------------------------------------------- speaker linking


@dataclass
class _Person:
    name: str
    gender: str | None


class _Speakers:
    """Within-document speaker linking (fast: indexes built once per document from its entities)."""

    def __init__(self, doc: Document, lex: _Lex) -> None:
        self.doc = doc
        self.text = doc.text
        self.sdoc = doc.spacy
        self.lex = lex
        self.by_surname: dict[str, _Person] = {}
        self.by_first: dict[str, _Person] = {}
        self.by_title: dict[str, list[tuple[int, _Person]]] = {}
        self.people: dict[str, _Person] = {}
        # (offset, person name, is subject) of person mentions, in text order
        self.mentions: list[tuple[int, str, bool]] = []
        self.recent: list[
            tuple[int, str, str, bool]
        ] = []  # (offset, speaker, kind, plural) of resolved speakers
        # the resolved speakers a pronoun can take, in the order noted (offsets ascending, for binary search):
        # a single person per gender ("he" may take a person of unknown gender) and the plural ones ("they")
        self._takers: dict[str, tuple[list[int], list[str]]] = {}
        self._plural_takers: tuple[list[int], list[tuple[str, str]]] = ([], [])
        self._in_order = True  # offsets noted in ascending order (else the lists above are not used)
        self._build()

    # -- index ----------------------------------------------------------------------------------------
    def _build(self) -> None:
        sdoc = self.sdoc
        seen_heads: set[int] = set()
        for ent in doc_ents(sdoc):
            if ent.label_ == "PERSON":
                seen_heads.add(ent.end - 1)
                self._register(list(ent), ent.start_char)
        # names the tagger missed: proper-noun chains after a title word ("Chancellor Olaf Scholz")
        for tok in sdoc:
            if tok.pos_ != "PROPN" or tok.i in seen_heads or tok.dep_ == "compound":
                continue
            chain = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [tok]
            if len(chain) >= 3 and any(t.lower_ in self.lex.titles for t in chain[:-2]):
                self._register(chain, chain[0].idx)
        self.mentions.sort()
        self._title_offsets: dict[str, list[int]] = {}
        for key, holders in self.by_title.items():
            offs = [off for off, _ in holders]
            if all(a <= b for a, b in zip(offs, offs[1:], strict=False)):
                self._title_offsets[key] = offs

    def _strip(self, toks: list[Any]) -> tuple[list[Any], list[Any]]:
        """(title tokens, name tokens) of a name phrase: 'Foreign Secretary William Hague', 'Mr Hague's'."""
        toks = [t for t in toks if t.tag_ != "POS" and t.lower_ not in _DETS]
        cut = 0
        for k, t in enumerate(toks[:-1]):
            if t.lower_ in _HONORIFICS or t.lower_ in self.lex.titles:
                cut = k + 1
        return toks[:cut], toks[cut:]

    def _name_text(self, toks: list[Any]) -> str:
        while toks and toks[-1].is_punct:
            toks = toks[:-1]
        while toks and toks[0].is_punct:
            toks = toks[1:]
        if not toks:
            return ""
        return self.text[toks[0].idx : _tok_end(toks[-1])]

    def _register(self, toks: list[Any], offset: int) -> None:
        titles, name_toks = self._strip(toks)
        name = self._name_text(name_toks)
        words = name.split()
        if len(words) >= 2:
            p = self.people.get(name)
            if p is None:
                p = self.people[name] = _Person(name, None)
            if p.gender is None:
                p.gender = self._gender(toks, words)
            self.by_surname[words[-1].lower()] = p
            self.by_first.setdefault(words[0].lower(), p)
            for key in self._titles_of(toks, titles):
                self.by_title.setdefault(key, []).append((offset, p))
        else:
            p = self._lookup(words)
        if p is not None:
            head = toks[-1]
            self.mentions.append((offset, p.name, head.dep_ in _SUBJ))

    def _gender(self, toks: list[Any], words: list[str]) -> str | None:
        prev = toks[0].doc[toks[0].i - 1].lower_ if toks[0].i > 0 else ""
        for w in [t.lower_ for t in toks] + [prev]:
            if w in _HONORIFIC_GENDER:
                return _HONORIFIC_GENDER[w]
        return self.lex.gender.get(words[0].lower())

    def _titles_of(self, toks: list[Any], titles: list[Any]) -> list[str]:
        """Title keys a person is given: 'Foreign Secretary William Hague', 'Hague, the foreign secretary'."""
        sdoc = self.sdoc
        keys: list[str] = []
        words = [t.lower_ for t in titles]
        j = toks[0].i - 1
        while (
            j >= 0 and j >= toks[0].sent.start
        ):  # title words before the name ("Defence Secretary Grant Shapps")
            t = sdoc[j]
            if t.ent_type_ == "PERSON" or t.pos_ not in ("PROPN", "NOUN", "ADJ") or t.is_punct:
                break
            words.insert(0, t.lower_)
            j -= 1
        if words and any(w in self.lex.titles for w in words):
            keys.extend(self._title_keys(words))
        root = toks[-1]
        for c in root.children:  # "William Hague, the foreign secretary"
            if c.dep_ == "appos" and c.i > root.i:
                ws = [
                    t.lower_
                    for t in c.subtree
                    if not t.is_punct and t.lower_ not in _DETS and t.tag_ != "POS"
                ]
                if ws and len(ws) <= 6 and any(w in self.lex.titles for w in ws):
                    keys.extend(self._title_keys(ws))
        if root.dep_ == "appos" and root.head.i < root.i and root.head.pos_ in ("NOUN", "PROPN"):
            h = root.head  # "the UN Secretary-General, Antonio Guterres"
            ws = [t.lower_ for t in sdoc[h.left_edge.i : h.i + 1] if not t.is_punct and t.lower_ not in _DETS]
            if ws and any(w in self.lex.titles for w in ws):
                keys.extend(self._title_keys(ws))
        return keys

    def _title_keys(self, words: list[str]) -> list[str]:
        words = [w for w in words if w not in ("former", "then", "acting", "new", "'s", "’s")]
        keys = [" ".join(words)]
        if len(words) > 2:
            keys.append(" ".join(words[-2:]))
        if len(words) > 1:
            keys.append(words[-1])
        return keys

    # -- resolution -----------------------------------------------------------------------------------
    def _lookup(self, words: list[str]) -> _Person | None:
        if not words:
            return None
        name = " ".join(words)
        if name in self.people:
            return self.people[name]
        p = self.by_surname.get(re.sub(r"['’]s$", "", words[-1]).lower())
        if p is not None:
            return p
        if len(words) == 1:
            return self.by_first.get(words[0].lower())
        return None

    def _title_holder(self, words: list[str], offset: int) -> _Person | None:
        for key in self._title_keys(words):
            holders = self.by_title.get(key)
            if holders:
                offs = self._title_offsets.get(key)
                if offs is not None:  # noted in text order: the last one before is found by binary search
                    i = bisect.bisect_left(offs, offset)
                    return holders[i - 1][1] if i else holders[0][1]
                before = [p for off, p in holders if off < offset]
                return before[-1] if before else holders[0][1]
        return None

    def resolve(self, att: _Att, content: tuple[int, int]) -> tuple[str | None, str, str | None]:
        """(speaker, kind, affiliation) for an attribution's source."""
        if att.source is None:
            return None, "unknown", None
        s, e = att.source
        if att.rel_head is not None:
            s, e = _span(att.rel_head)
            e = min(e, att.source[0]) if att.source[0] > s else e
        phrase = self.text[s:e].strip()
        low = phrase.lower()
        if low in _PRONOUNS and att.rel_head is None:
            return self._pronoun(low, s, content)
        span = self.sdoc.char_span(s, e, alignment_mode="expand")
        if span is None or len(span) == 0:
            return phrase, "unknown", None
        head = span.root
        if att.medium is not None and att.medium == att.source:
            return re.sub(r"^(the|The)\s+", "", phrase), "organisation", None
        # the head noun and its left modifiers, without appositives and relative clauses
        core = [
            t for t in span if t.i <= head.i and (t.i == head.i or t.head.i == head.i or t.head.i < head.i)
        ]
        core = [t for t in core if t.i >= head.left_edge.i]
        for c in head.rights:  # "his spokesman, Steven Cheung,"
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i < span.end:
                p = self._lookup(self._name_text(list(c.subtree)).split())
                return (p.name if p else self._name_text(list(c.subtree))), "person", None
        if head.pos_ == "PROPN" and not all(
            t.lower_ in self.lex.titles for t in core if t.is_alpha and t.lower_ not in _DETS
        ):
            titles, name_toks = self._strip([t for t in core if not t.is_punct or t.text in "-"])
            words = self._name_text(name_toks).split()
            p = self._lookup(words)
            if p is not None:
                return p.name, "person", None
            if head.ent_type_ == "PERSON" or (titles and words) or (core and core[0].lower_ in _HONORIFICS):
                return " ".join(words) or phrase, "person", None
        ents = span_ents(span)  # spaCy's span.ents builds every entity of the document on each call
        orgs = [x for x in ents if x.label_ in ("ORG", "GPE", "NORP", "FAC")]
        head_low = head.lower_
        if head_low in self.lex.titles or head_low in self.lex.described:
            words = [t.lower_ for t in core if not t.is_punct and t.lower_ not in _DETS]
            definite = core[0].lower_ == "the" or any(t.tag_ == "POS" for t in core)
            if definite and core[0].tag_ != "POS":
                p = self._title_holder(words, s)
                if p is not None:
                    return p.name, "person", None
            return self._described(core), "described", self._affiliation(core, orgs)
        if orgs:
            own = (
                [o for o in orgs if o.start <= head.i < o.end]
                or [o for o in orgs if o.label_ == "ORG"]
                or orgs
            )
            name = re.sub(r"^(the|The)\s+", "", own[0].text)
            if (
                own[0].label_ in ("NORP", "GPE")
                and not own[0].start <= head.i < own[0].end
                and head.pos_ == "NOUN"
            ):
                # "the Swedish navy", "Kenya's interior ministry": the body named by its country, not the country
                name = re.sub(r"^(the|The)\s+", "", self._name_text([t for t in core if not t.is_punct]))
            return re.sub(r"['’]s$", "", name), "organisation", None
        if head.pos_ == "PROPN":
            return phrase, "organisation", None
        return self._described(core), "described", self._affiliation(core, orgs)

    def _described(self, core: list[Any]) -> str:
        phrase = self._name_text(core) if core else ""
        # keep a trailing "in Khartoum"-style prepositional phrase of the head
        head = core[-1] if core else None
        if head is not None:
            for c in head.rights:
                if c.dep_ == "prep" and c.lower_ in ("in", "at", "from", "with", "close", "familiar"):
                    phrase = self.text[core[0].idx : _span(c)[1]]
                    break
        if phrase[:2] in ("A ", "An") or phrase[:4] == "The ":
            return phrase[0].lower() + phrase[1:]
        return phrase

    def _affiliation(self, core: list[Any], orgs: list[Any]) -> str | None:
        for o in orgs:
            if o.label_ in ("ORG", "FAC"):
                return re.sub(r"^(the|The)\s+", "", o.text)
        for t in core:
            if t.pos_ == "PROPN" and t.dep_ in ("compound", "amod", "nmod", "poss"):
                return t.text
        return None

    def _pronoun(self, low: str, start: int, content: tuple[int, int]) -> tuple[str | None, str, str | None]:
        if low in _PRONOUN_GENDER:
            g = _PRONOUN_GENDER[low]
            # most recent compatible speaker or subject mention before the pronoun, outside the quote itself
            best: tuple[int, str] | None = None
            if self._in_order:
                offs, names = self._takers.get(g, ([], []))
                k = bisect.bisect_left(offs, start)
                best = (offs[k - 1], names[k - 1]) if k else None
            else:
                for off, name, kind, plural in reversed(self.recent):
                    if off < start and self._takes(g, name, kind, plural):
                        best = (off, name)
                        break
            i = bisect.bisect_left(self.mentions, (start,)) - 1
            fallback: tuple[int, str] | None = None
            while i >= 0:
                off, name, is_subj = self.mentions[i]
                if best is not None and off < best[0]:
                    break
                if off < start - 3000:  # mentions are in text order: every one further back is as far
                    break
                i -= 1
                if content[0] <= off < content[1]:
                    continue
                p = self.people.get(name)
                if p is not None and p.gender not in (None, g):
                    continue
                if is_subj:
                    best = (off, name)
                    break
                if fallback is None:
                    fallback = (off, name)
            if best is None:
                best = fallback
            if best is not None:
                return best[1], "person", None
            return None, "pronoun", None
        if low in _PLURAL_PRONOUNS:
            if self._in_order:
                offs, found = self._plural_takers
                k = bisect.bisect_left(offs, start)
                return (*found[k - 1], None) if k else (None, "pronoun", None)
            for off, name, kind, plural in reversed(self.recent):
                if off < start and (plural or kind == "organisation"):
                    return name, kind, None
        return None, "pronoun", None

    def _takes(self, gender: str, name: str, kind: str, plural: bool) -> bool:
        """Whether "he"/"she" (`gender`) can refer to this resolved speaker."""
        if kind != "person" or plural:
            return False
        p = self.people.get(name)
        return p is None or p.gender in (None, gender)

    def note(self, offset: int, speaker: str | None, kind: str, phrase: str) -> None:
        if speaker:
            plural = phrase.lower().endswith("s") and kind in ("described", "organisation")
            if self.recent and offset < self.recent[-1][0]:
                self._in_order = False
            self.recent.append((offset, speaker, kind, plural))
            for g in set(_PRONOUN_GENDER.values()):
                if self._takes(g, speaker, kind, plural):
                    offs, names = self._takers.setdefault(g, ([], []))
                    offs.append(offset)
                    names.append(speaker)
            if plural or kind == "organisation":
                self._plural_takers[0].append(offset)
                self._plural_takers[1].append((speaker, kind))


def _actor_resolver(doc: Document) -> Any:
    """The document's shared ActorResolver (dateline.actors.resolver_for), or None if it cannot be built."""
    from dateline.actors import resolver_for

    try:
        return resolver_for(doc)
    except Exception:  # a lexicon problem must not cost the document its quotes
        return None


# --------------------------------------------------------------------------- public entry point


def extract_quotes(doc: Document) -> list[Quote]:
    """Direct and reported quotes of a parsed document, each with cue, speaker and medium as offsets."""
    if doc.spacy is None:
        from dateline.nlp import annotate

        doc = next(annotate([doc]))
    ex = _Extractor(doc)
    atts = ex.run()
    speakers = _Speakers(doc, ex.lex)
    actors = None
    text = doc.text
    out: list[Quote] = []
    resolved: dict[int, tuple[str | None, str, str | None]] = {}
    order = sorted(range(len(atts)), key=lambda k: (atts[k].source or atts[k].content)[0])
    for k in order:
        att = atts[k]
        src_phrase = text[att.source[0] : att.source[1]] if att.source else ""
        if att.parent >= 0 and att.parent in resolved:
            res = resolved[att.parent]
        else:
            res = speakers.resolve(att, att.content)
            if res[1] == "described" and res[2] is None and att.source is not None:
                if actors is None:
                    actors = _actor_resolver(doc) or False
                if actors:
                    try:
                        a = actors.resolve(*att.source)
                        res = (res[0], res[1], a.country or res[2])
                    except Exception:  # noqa: BLE001
                        pass
        resolved[k] = res
        speaker, kind, affiliation = res
        if att.source is not None:
            speakers.note(att.source[0], speaker, kind, src_phrase)
        quotes = [(att.content, att.direct)] + [(f, att.direct_fragments) for f in att.fragments]
        quotes += [
            ((q.inner_start, q.inner_end), True) for q in att.extra_quotes if q.inner_end > q.inner_start
        ]
        for (c0, c1), direct in quotes:
            parts = [c0, c1] + ([att.cue[0], att.cue[1]] if att.cue else [])
            si, sj = doc.sentence_of(min(parts)), doc.sentence_of(max(parts) - 1)
            out.append(
                Quote(
                    id=stable_id(doc.id, c0, c1),
                    doc_id=doc.id,
                    content=text[c0:c1],
                    start=c0,
                    end=c1,
                    direct=direct,
                    cue=text[att.cue[0] : att.cue[1]] if att.cue else None,
                    cue_start=att.cue[0] if att.cue else None,
                    cue_end=att.cue[1] if att.cue else None,
                    speaker=speaker,
                    speaker_text=src_phrase or None,
                    speaker_start=att.source[0] if att.source else None,
                    speaker_end=att.source[1] if att.source else None,
                    speaker_kind=kind,
                    affiliation=affiliation,
                    medium=text[att.medium[0] : att.medium[1]] if att.medium else None,
                    medium_start=att.medium[0] if att.medium else None,
                    medium_end=att.medium[1] if att.medium else None,
                    sentence_start=doc.sentences[si].start if si >= 0 else None,
                    sentence_end=doc.sentences[sj].end if sj >= 0 else None,
                )
            )
    out.sort(key=lambda q: (q.start, q.end))
    seen: set[str] = set()
    uniq = []
    days = _DayTimexes(doc)
    for q in out:
        if q.id not in seen:
            seen.add(q.id)
            _date_said(doc, q, days)
            uniq.append(q)
    return uniq


class _DayTimexes:
    """The document's day-precise DATE expressions sorted by start, each with its place in `doc.timexes`: the
    ones inside a sentence are found by binary search (a long text walked them all for every quote)."""

    def __init__(self, doc: Document) -> None:
        days = [
            (t.start, k, t)
            for k, t in enumerate(doc.timexes)
            if t.type == "DATE" and t.begin and t.begin == t.finish
        ]
        days.sort(key=lambda x: (x[0], x[1]))
        self.starts = [a for a, _, _ in days]
        self.days = days

    def first_in(self, start: int, end: int, skip: tuple[int, int]) -> Any:
        """The first (in `doc.timexes` order) that lies within [start, end) and does not start inside `skip`."""
        best = None
        for i in range(bisect.bisect_left(self.starts, start), bisect.bisect_right(self.starts, end)):
            t0, k, t = self.days[i]
            if t.end > end or skip[0] <= t0 < skip[1]:
                continue
            if best is None or k < best[0]:
                best = (k, t)
        return best[1] if best else None


def _date_said(doc: Document, q: Quote, days: _DayTimexes | None = None) -> None:
    """When it was said: a day-precise date in the quote's sentence outside its content ("said on Monday"),
    from the time expressions already resolved for the document; else the publication date."""
    if q.sentence_start is not None and q.sentence_end is not None:
        t = (days or _DayTimexes(doc)).first_in(q.sentence_start, q.sentence_end, (q.start, q.end))
        if t is not None:
            q.date, q.date_text, q.date_source = t.begin, t.text, "text"
            return
    if doc.published:
        q.date, q.date_source = doc.published, "published"
