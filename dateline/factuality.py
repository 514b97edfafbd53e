"""Factuality of an event mention: asserted, negated, future, hypothetical, denied, alleged or historical.

Public entry point: `classify(trigger, published=None)` where `trigger` is the spaCy Token of the event word (the
verb, or the noun of a nominal event) in a parsed Doc, and `published` the article's ISO date (for "historical").

Rules over the dependency parse (hand-written because no maintained library codes PLOVER's auxiliary modes):
the trigger's own auxiliaries, negation and adverbs; the verbs and nouns that govern it through xcomp/ccomp/acl/
prep ("preparing to send", "denied it is about to withdraw", "no decision to leave", "ruled out sending");
"if/unless" clauses and inverted conditionals ("Had the army withdrawn"); negative subjects/objects ("no troops
were sent", "neither side"); "without" ("without firing a shot"); unverified sources ("according to unconfirmed
reports"); "would" read as future only in reported speech ("said it would withdraw"), else as conditional; past
adverbial clauses ("after troops withdrew") kept out of the main clause's mode; and dates before the article's
("pulled out in 2011", "the 2003 invasion", "a decade ago", "last year's strike", "a decade after troops pulled out,
the Taliban control ...", "the last time they met was in 2019"). Also: "neither ... nor" on verbs; "neither confirmed
nor denied" (unconfirmed); a negated reporting verb ("did not say whether") leaving its content's own mode; unverified
evidence ("unverified footage appeared to show", `evidence` cues); yes/no questions and inverted conditionals
("Should the talks fail, the army will attack") as hypothetical. Session 21: "not a single X"; a copula's predicate
("remain a possibility", "reports that X are untrue", "not impossible that X"); "no evidence that" (denied); "deny"
with an object of its own ("denied bail to the men arrested"); "could not be verified" elsewhere in a reported
sentence (alleged); "next week" (future); "ten years since X", clefts "it was in 2001 that", "unlike in 2015".
Precedence when several cues fire: denied > negated > hypothetical > future > alleged > historical > asserted.
Cue words are in dateline/data/events/factuality_cues.tsv.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from dateline.nlp import span_ents

# per-Doc lists kept in its user_data by `dateline.events.extract_events` for the time of the call, dropped there:
# the Doc's tokens (see `_tokens`), each token's sentence (`_sentence`), each token's children (`_kids`)
_TOKS = "dateline.events.tokens"
_SENTS = "dateline.events.sents"
_KIDS = "dateline.events.kids"
# the Doc's token table (`dateline.events._table.Table`: each token attribute as a list indexed by `tok.i`)
_TABLE = "dateline.events.table"


def _tokens(doc: Any) -> Any:
    """The Doc's tokens listed once for the current `extract_events` call (spaCy builds a new Token object on each
    `doc[i]` and each iteration), indexable and sliceable like the Doc; else the Doc."""
    toks = doc.user_data.get(_TOKS)
    return doc if toks is None else toks


def _sentence(tok: Any) -> Any:
    """`tok.sent`, from the sentences listed once for the current `extract_events` call (see `_tokens`)."""
    by_tok = tok.doc.user_data.get(_SENTS)
    return tok.sent if by_tok is None else by_tok[tok.i]


def _kids(tok: Any) -> Any:
    """`tok.children`, from the lists kept for the current `extract_events` call (spaCy scans the token's subtree
    and builds a new Token object for each child on every call: listed once, for speed), else `tok.children`."""
    kids = tok.doc.user_data.get(_KIDS)
    return tok.children if kids is None else kids[tok.i]


def list_kids(doc: Any, toks: list[Any]) -> list[tuple[Any, ...]]:
    """Each token's children (as `Token.children`: in text order), from the Doc's tokens listed once."""
    from spacy.attrs import HEAD

    kids: list[list[Any]] = [[] for _ in toks]
    for i, rel in enumerate(doc.to_array(HEAD).view("int64").tolist()):  # each head as an offset
        if rel:
            kids[i + rel].append(toks[i])
    return [tuple(k) for k in kids]


_DATA = Path(__file__).resolve().parent / "data" / "events" / "factuality_cues.tsv"
_ORDER = ("denied", "negated", "hypothetical", "future", "alleged", "historical")
_GOVERN_DEPS = {
    "xcomp",
    "ccomp",
    "acl",
    "pcomp",
    "pobj",
    "prep",
    "dobj",
    "acomp",
    "advcl",
    "relcl",
    "attr",
    "nsubj",
    "nsubjpass",  # "the summit was cancelled", "the strike was called off"
}
_STOP_AT = {"say", "tell", "report", "state", "add", "announce"}
_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)s?\b")
_NEG_DETS = {"no", "neither"}
_NEG_PRONOUNS = {"nobody", "none", "nothing", "no-one"}
_NOT_ONE = {"a", "one", "single", "even"}
_TRUE = {"true", "accurate", "correct"}
_COPULAS = {"be", "remain", "seem"}
_CONTRAST = {"unlike", "than"}
_CONDITIONAL_INVERSION = {"had", "should", "were"}
_FACTIVE_MARKS = {"after", "before", "since", "because", "as", "although", "though", "while", "when", "once"}


@dataclass
class _Cues:
    aux: dict[str, str] = field(default_factory=dict)
    adv: dict[str, str] = field(default_factory=dict)
    governor: dict[str, str] = field(default_factory=dict)
    amod: dict[str, str] = field(default_factory=dict)
    phrase: dict[tuple[str, ...], str] = field(default_factory=dict)
    aux_reported: dict[str, str] = field(default_factory=dict)
    report: dict[str, str] = field(default_factory=dict)
    occur: dict[str, str] = field(default_factory=dict)
    adjunct: dict[str, str] = field(default_factory=dict)
    source: dict[str, str] = field(default_factory=dict)
    past_unit: dict[str, str] = field(default_factory=dict)
    open: dict[str, str] = field(default_factory=dict)
    silent: dict[str, str] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)
    unverified: dict[str, str] = field(default_factory=dict)
    phrase_lengths: tuple[int, ...] = ()  # the lengths of the `phrase` keys


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    c = _Cues()
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cue, kind, value = line.split("\t")[:3]
        if kind == "phrase":
            c.phrase[tuple(cue.split())] = value
        else:
            getattr(c, kind)[cue] = value
    c.phrase_lengths = tuple(sorted({len(k) for k in c.phrase}))
    return c


def _year(published: str | None) -> int:
    if published and published[:4].isdigit():
        return int(published[:4])
    return date.today().year


def _negative_argument(arg: Any) -> bool:
    """A subject or object that negates its clause: "no troops", "neither side", "nobody", "no one"."""
    tab = arg.doc.user_data.get(_TABLE)
    if tab is not None:  # the same tests on the token table (speed)
        i, dep, lower = arg.i, tab.dep, tab.lower
        if lower[i] in _NEG_PRONOUNS:
            return True
        for j in tab.kids[i]:
            if dep[j] == "neg" and j + 1 < i and lower[j + 1] in _NOT_ONE:
                return True
            if lower[j] in _NOT_ONE and j < i and any(dep[k] == "neg" for k in tab.kids[j]):
                return True
        return any(dep[j] in ("det", "preconj") and lower[j] in _NEG_DETS for j in tab.kids[i])
    if arg.lower_ in _NEG_PRONOUNS:
        return True
    doc = _tokens(arg.doc)
    for ch in _kids(arg):  # "not a single soldier", "not one protester" (not "not only the army")
        if ch.dep_ == "neg" and ch.i + 1 < arg.i and doc[ch.i + 1].lower_ in _NOT_ONE:
            return True
        if ch.lower_ in _NOT_ONE and ch.i < arg.i and any(k.dep_ == "neg" for k in _kids(ch)):
            return True  # (the parser hangs "not" on "one")
    return any(ch.dep_ in ("det", "preconj") and ch.lower_ in _NEG_DETS for ch in _kids(arg))


def _modal(tok: Any, ch: Any, c: _Cues, reported: bool) -> str:
    """The class of auxiliary `ch` on `tok`: "would have done" is counterfactual whatever reports it; a modal
    with a reported-speech reading ("said it would withdraw") takes that reading under a reporting verb."""
    low, lem = ch.lower_, ch.lemma_.lower()
    perfect = any(a.dep_ == "aux" and a.lemma_.lower() == "have" and a.i > ch.i for a in _kids(tok))
    if reported and not perfect and low in c.aux_reported:
        return c.aux_reported[low]
    return c.aux.get(low) or c.aux[lem]


def _own(tok: Any, c: _Cues, found: set[str], reported: bool = False, args: bool = True) -> None:
    """Cues on the token itself: negation (also, with `args`, by a negative subject/object), auxiliaries, adverbs,
    adjectives, "if" clauses and inverted conditionals ("Had the army withdrawn, ...")."""
    tab = tok.doc.user_data.get(_TABLE)
    if tab is not None:  # the children's attributes from the token table (`dateline.events._table`: speed)
        kids = tab.kids[tok.i]
        subj = [j for j in kids if tab.dep[j] in ("nsubj", "nsubjpass")]
        each = [(tab.toks[j], tab.dep[j], tab.lower[j], tab.llemma[j]) for j in kids]
    else:
        subj = [ch.i for ch in _kids(tok) if ch.dep_ in ("nsubj", "nsubjpass")]
        each = [(ch, ch.dep_, ch.lower_, ch.lemma_.lower()) for ch in _kids(tok)]
    for ch, dep, low, lem in each:
        if dep == "neg" or (dep == "det" and low == "no") or (dep == "advmod" and low == "never"):
            found.add("negated")
        elif dep == "preconj" and low == "neither" and tok.pos_ in ("VERB", "AUX"):
            found.add("negated")  # "neither met the envoy nor spoke to him": both verbs (the second as conj)
        elif (
            args
            and dep in ("nsubj", "nsubjpass", "dobj")
            and tok.pos_ in ("VERB", "AUX")
            and _negative_argument(ch)
        ):
            found.add("negated")
        elif (
            dep in ("aux", "auxpass")
            and tok.dep_ == "advcl"
            and low in _CONDITIONAL_INVERSION
            and subj
            and ch.i < subj[0]
        ):
            found.add("hypothetical")
        elif dep in ("aux", "auxpass") and (low in c.aux or lem in c.aux):
            found.add(_modal(tok, ch, c, reported))
        elif dep in ("advmod", "npadvmod") and low in c.adv:
            found.add(c.adv[low])
        elif dep in ("amod", "compound") and (low in c.amod or lem in c.amod):
            found.add(c.amod.get(low) or c.amod[lem])
        elif dep == "mark" and low in ("if", "unless", "whether"):
            found.add("hypothetical")
        elif dep == "advcl" and _conditional_consequent(tok, ch):
            found.add("hypothetical")  # "If the others leave, we leave": the main clause holds only if


def _conditional_consequent(tok: Any, clause: Any) -> bool:
    """Whether `tok` is the consequent of the "if/unless" (or inverted: "Should the talks fail") clause `clause`,
    stated in the present or with a modal ("we go", "would leave"); a past consequent ("if confirmed, it was the worst
    attack") reports a fact."""
    marked = any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in _kids(clause))
    if not marked and not _inverted(clause):  # "Should the talks fail, the army will attack"
        return False
    modal = any(ch.dep_ == "aux" and ch.tag_ == "MD" for ch in _kids(tok))
    return modal or tok.tag_ in ("VB", "VBP", "VBZ")


def _inverted(clause: Any) -> bool:
    """An inverted conditional clause: "Should the talks fail", "Had the army withdrawn", "Were Israel to strike"
    (the auxiliary before the clause's subject)."""
    subj = [ch.i for ch in _kids(clause) if ch.dep_ in ("nsubj", "nsubjpass")]
    return bool(subj) and any(
        ch.dep_ in ("aux", "auxpass") and ch.lower_ in _CONDITIONAL_INVERSION and ch.i < subj[0]
        for ch in _kids(clause)
    )


def _past_adverbial(clause: Any) -> bool:
    """A past-tense clause opened by a temporal or causal conjunction ("after troops withdrew", "because police
    had arrested him"): its event is stated as fact, whatever the main clause's mode."""
    # ("when troops raided the camp": the parser makes "when" an advmod, not a mark)
    if not any(ch.dep_ in ("mark", "advmod") and ch.lower_ in _FACTIVE_MARKS for ch in _kids(clause)):
        return False
    if any(ch.dep_ == "aux" and ch.tag_ == "MD" for ch in _kids(clause)):
        return False
    return clause.tag_ == "VBD" or any(ch.dep_ == "aux" and ch.tag_ == "VBD" for ch in _kids(clause))


def _gerund_as_modifier(tok: Any) -> bool:
    """A gerund complement the small parser reads as an adjective on the next noun: "denied [moving] troops",
    "avoided [using] force" (VBG tagged amod or compound, right after the verb whose object the noun became). Shared with
    dateline.events (a parse repair, so private)."""
    tab = tok.doc.user_data.get(_TABLE)
    if tab is not None:  # the same tests on the token table (speed)
        i = tok.i
        tag, dep = tab.tag[i], tab.dep[i]
        if tag == "VBG" and dep in ("amod", "compound"):
            noun = tab.head[i]
            verb = tab.head[noun]
            return tab.dep[noun] == "dobj" and noun > i and tab.pos[verb] == "VERB" and i == verb + 1
        if tag not in ("VBZ", "VBD", "VBN") or tab.pos[i] != "VERB":
            return False  # (neither of `_past_as_modifier`'s readings)
        return _past_as_modifier(tok)
    if tok.tag_ != "VBG" or tok.dep_ not in ("amod", "compound"):
        return _past_as_modifier(tok)
    noun, verb = tok.head, tok.head.head
    return noun.dep_ == "dobj" and noun.i > tok.i and verb.pos_ == "VERB" and tok.i == verb.i + 1


def _past_as_modifier(tok: Any) -> bool:
    """A past verb the small parser reads as an adjective on its bare object, in a sentence where it found no verb
    at all: "Doctors at two hospitals [downed] tools", "Nurses in the capital [struck] work" (the first noun the
    root, the object its apposition). The root noun is the verb's subject (dateline.events._syntax._subject). Also
    a headline's present verb read as a compound of its object (see _headline_subject)."""
    if tok.tag_ == "VBZ" and tok.dep_ == "compound" and tok.pos_ == "VERB":
        return _headline_subject(tok) is not None
    if tok.tag_ not in ("VBD", "VBN") or tok.dep_ != "amod" or tok.pos_ != "VERB":
        return False
    noun = tok.head
    if noun.i != tok.i + 1 or any(c.dep_ in ("det", "poss", "nummod") for c in _kids(noun)):
        return False  # ("the banned party", "its downed drone": a participle on a noun of its own)
    root = noun.head
    return (
        noun.dep_ in ("appos", "dobj")
        and root.dep_ == "ROOT"
        and root.pos_ in ("NOUN", "PROPN")
        and root.i < tok.i
    )


def _headline_subject(tok: Any) -> Any | None:
    """A headline's present verb the parser read as a compound of its object, the root ("Kenya [lifts] curfew in
    coastal counties", "Ghana [bans] imports of ..."): the name before the verb is its subject."""
    noun = tok.head
    if noun.dep_ != "ROOT" or noun.pos_ != "NOUN" or noun.i != tok.i + 1:
        return None
    names = [c for h in (tok, noun) for c in _kids(h) if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return next((c for c in names if c.i < tok.i), None)


# dependencies only a noun phrase fills: a word tagged VERB there is a noun the small parser mis-tagged ("rubbished
# [reports] that ...", where "reports" came out a verb)
_NOMINAL_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos"})


def _verbal(tok: Any) -> bool:
    return tok.pos_ == "VERB" and tok.dep_ not in _NOMINAL_DEPS


def _governors(tok: Any) -> list[Any]:
    """Tokens governing `tok` through complement/modifier links, nearest first (at most 4 steps)."""
    out = []
    cur = tok
    tab = tok.doc.user_data.get(_TABLE)
    for _ in range(4):
        if _gerund_as_modifier(cur):  # "denied [moving] troops": the gerund is governed by "denied"
            cur = cur.head.head
            out.append(cur)
            continue
        if tab is not None:  # (the same test on the token table: speed)
            if tab.dep[cur.i] not in _GOVERN_DEPS or tab.head[cur.i] == cur.i:
                break
        elif cur.dep_ not in _GOVERN_DEPS or cur.head.i == cur.i:
            break
        first = cur.left_edge.i
        if cur.dep_ == "relcl" and first > 0 and _tokens(cur.doc)[first - 1].text in (",", "(", "—", "–"):
            break  # ", who was killed on Friday": a separate assertion, not governed by "vowed to avenge [X]"
        if cur.dep_ == "advcl" and _past_adverbial(cur):
            break  # "After the army shelled the town, the rebels vowed to ...": the past clause is asserted
        if (
            cur.dep_ == "ccomp"
            and cur.i < cur.head.i
            and ";" in (t.text for t in _tokens(cur.doc)[cur.right_edge.i + 1 : cur.head.i])
        ):
            break  # "Shells hit the school; no one was hurt": clauses side by side (the parser's ccomp), not governed
        cur = cur.head
        out.append(cur)
        if cur.lemma_.lower() in _STOP_AT and _verbal(cur):
            break
    return out


def _past_relative(ent: Any, c: _Cues) -> bool:
    """A date expression placing its event a year or more before the article: "a decade ago", "years ago",
    "last year", "the previous year"."""
    words = [t.lemma_.lower() for t in ent]
    if not any(w in c.past_unit for w in words):
        return False
    return "ago" in words or any(w in ("last", "previous") for w in words)


def _historical(tok: Any, published: str | None, c: _Cues) -> bool:
    """A year before the publication year attached to the trigger ("in 2011", "the 2003 invasion"), or a relative
    date a year or more back ("a decade ago", "last year's strike")."""
    limit = _year(published)
    sent = _sentence(tok)
    tab = tok.doc.user_data.get(_TABLE)
    if tab is not None:  # (the token table's entity types: speed)
        ents = tab.ent[sent.start : sent.end]
        dated = "DATE" in ents or "CARDINAL" in ents
    else:
        dated = any(t.ent_type_ in ("DATE", "CARDINAL") for t in _tokens(tok.doc)[sent.start : sent.end])
    if not dated:
        return _span_before_now(
            tok, c
        )  # (cheaper than building the sentence's entity list; "a decade since")
    for ent in span_ents(sent):
        if ent.label_ not in ("DATE", "CARDINAL"):
            continue
        m = _YEAR_RE.search(ent.text)
        if not (m and int(m.group(1)) < limit) and not (ent.label_ == "DATE" and _past_relative(ent, c)):
            continue
        # attached to the trigger: the date's head chain reaches the trigger without passing another verb
        cur = ent.root
        for _ in range(4):
            if cur.i == tok.i:
                return True
            if cur.head.i == cur.i or (cur.i != ent.root.i and cur.pos_ in ("VERB", "AUX")):
                break
            if cur.lower_ in _CONTRAST and cur.dep_ in ("prep", "mark"):
                break  # "unlike in 2015, police this time arrested": the date of another occasion
            cur = cur.head
        if cur.lower_ in _CONTRAST:
            continue
        if cur.i == tok.i:
            return True
        if cur.pos_ in ("VERB", "AUX") and tok.pos_ == "NOUN" and tok.head.i == cur.i and tok.dep_ == "nsubj":
            return True  # "the first deployment, in 2022, went to Cincu": the date of what the event noun did
        # "the last time Ethiopia deployed troops was in 2006": the date of the time it happened
        if _time_was(tok, cur):
            return True
    return _span_before_now(tok, c)


def _future_date(tok: Any) -> bool:
    """A date "next <unit>" (not "the next day") on the trigger, or on the verb whose object it is: "meet in Vienna
    next week", "has called a strike for next Tuesday", "flies to Delhi next month for talks"."""
    heads = [tok]
    if tok.dep_ == "dobj":
        heads.append(tok.head)
    elif tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        heads.append(tok.head.head)
    for h in heads:
        for ch in _kids(h):
            dates = (
                [ch]
                if ch.dep_ == "npadvmod"
                else [p for p in _kids(ch) if p.dep_ == "pobj"]
                if ch.dep_ == "prep"
                else []
            )
            for d in dates:
                kids = list(_kids(d))
                if (
                    d.ent_type_ == "DATE"
                    and any(k.lower_ == "next" and k.i < d.i for k in kids)
                    and not any(k.dep_ in ("det", "poss") for k in kids)
                ):
                    return True
    return False


def _time_was(tok: Any, verb: Any) -> bool:
    """`tok` names what happened at "the time" whose date the copula `verb` gives: "the last time the two leaders
    met was in 2019" (a clause on "time", the copula's subject), "the first time police fired was ..." (the clause,
    with "time" in it, the copula's clausal subject)."""
    if verb.lemma_.lower() != "be":
        return False
    clause = (
        tok
        if tok.pos_ in ("VERB", "AUX")
        else tok.head
        if tok.dep_ in ("dobj", "nsubj", "nsubjpass")
        else tok
    )
    if (  # "it was in 2001 that the two leaders last held talks": a cleft on the date
        clause.dep_ == "ccomp"
        and clause.head.i == verb.i
        and any(ch.dep_ == "mark" and ch.lower_ == "that" for ch in _kids(clause))
        and any(ch.dep_ == "nsubj" and ch.lower_ == "it" for ch in _kids(verb))
    ):
        return True
    if tok.dep_ in ("relcl", "acl") and tok.head.lemma_.lower() == "time":
        return tok.head.head.i == verb.i and tok.head.dep_ in ("nsubj", "attr")
    return (
        tok.dep_ == "csubj"
        and tok.head.i == verb.i
        and any(ch.lemma_.lower() == "time" and ch.dep_ in ("npadvmod", "nsubj") for ch in _kids(tok))
    )


def _span_before_now(tok: Any, c: _Cues) -> bool:
    """A past clause dated a year or more before a present main clause: "a decade after troops pulled out, the
    Taliban control the valley", "two years after police raided the offices, the paper is still closed"."""
    if tok.dep_ != "advcl" or tok.tag_ != "VBD":
        return False
    if any(ch.dep_ == "mark" and ch.lower_ == "since" for ch in _kids(tok)):
        # "marked ten years since soldiers fired", "it is five years since the army withdrew": a span back from the
        # main clause's time, whatever its tense
        return any(
            ch.dep_ in ("npadvmod", "attr", "dobj") and ch.lemma_.lower() in c.past_unit and ch.i < tok.i
            for ch in _kids(tok.head)
        )
    if not any(ch.dep_ == "mark" and ch.lower_ == "after" for ch in _kids(tok)):
        return False
    if not any(ch.dep_ == "npadvmod" and ch.lemma_.lower() in c.past_unit for ch in _kids(tok)):
        return False
    main = tok.head
    return main.tag_ in ("VBP", "VBZ") or any(
        ch.dep_ in ("aux", "auxpass") and ch.tag_ in ("VBP", "VBZ") for ch in _kids(main)
    )


def _phrase_before(tok: Any, c: _Cues, found: set[str]) -> None:
    """Cue phrases among the six words before `tok` in its sentence ("there are plans to", "is expected to")."""
    doc = _tokens(tok.doc)
    start = max(tok.i - 6, 0)
    for j in range(tok.i, start - 1, -1):  # the sentence's start, if it is nearer (no Span built: speed)
        if doc[j].is_sent_start:
            start = j
            break
    tab = tok.doc.user_data.get(_TABLE)
    lows = tab.lower[start : tok.i] if tab is not None else [doc[j].lower_ for j in range(start, tok.i)]
    for n in c.phrase_lengths:  # each window of each listed length, one dict look-up each
        for s in range(0, len(lows) - n + 1):
            value = c.phrase.get(tuple(lows[s : s + n]))
            if value is not None:
                found.add(value)


def _unverified_source(tok: Any, c: _Cues) -> bool:
    """The clause of `tok` is sourced to something unverified: "according to unconfirmed reports", "rumours say"."""
    for ch in _kids(tok):
        nouns = []
        if ch.dep_ == "prep" and ch.lower_ == "according":
            nouns = [p for to in _kids(ch) for p in _kids(to) if p.dep_ == "pobj"]
        elif ch.dep_ == "nsubj" and (tok.lemma_.lower() in c.report or tok.lemma_.lower() in c.evidence):
            # "unconfirmed reports say", "unverified footage appeared to show", "rumours circulated"
            nouns = [ch]
        for n in nouns:
            if n.lemma_.lower() in c.source or any(
                m.lower_ in c.source for m in _kids(n) if m.dep_ == "amod"
            ):
                return True
    return False


def _named_source(verb: Any, c: _Cues) -> bool:
    """The reporting verb has a source of its own that is not an unverified one: "state media reported", "was
    reported by the state news agency" (not "it was reported", "unconfirmed reports said")."""
    subj = [ch for ch in _kids(verb) if ch.dep_ == "nsubj"]
    subj += [p for ch in _kids(verb) if ch.dep_ == "agent" for p in _kids(ch) if p.dep_ == "pobj"]
    if not subj or any(s.lower_ in ("it", "this", "that") for s in subj):
        return False
    return not _unverified_source(verb, c) and not any(
        s.lemma_.lower() in c.source or any(m.lower_ in c.source for m in _kids(s)) for s in subj
    )


def _reported(trigger: Any, govs: list[Any], c: _Cues) -> bool:
    """Is the trigger's clause reported speech: governed by a reporting verb, or with one as parenthetical
    ("Britain would not send troops, the minister said")?"""
    if any(g.lemma_.lower() in c.report and _verbal(g) for g in govs):
        return True
    cur = trigger
    for _ in range(8):  # any ancestor, also through conjuncts: "said that X and that the US would impose"
        if cur.lemma_.lower() in c.report and cur.pos_ == "VERB" and cur.i != trigger.i:
            return True
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return any(ch.dep_ in ("parataxis", "ccomp") and ch.lemma_.lower() in c.report and ch.i > trigger.i
               for ch in _kids(cur))  # fmt: skip


def _predicate(g: Any, prev: Any, c: _Cues) -> Any | None:
    """The predicate word of a copula `g` whose subject (or extraposed clause) is the event's: "talks remain a
    possibility", "a withdrawal is conceivable", "reports that X are untrue", "it is not impossible that X"."""
    if g.lemma_.lower() not in _COPULAS or prev.dep_ not in ("nsubj", "nsubjpass", "ccomp", "csubj"):
        return None
    for ch in _kids(g):
        if ch.dep_ in ("acomp", "attr") and ch.i != prev.i:
            lem = ch.lemma_.lower()
            return ch if lem in c.governor or lem in _TRUE else None
    return None


def _unverified_claim(trigger: Any, govs: list[Any], c: _Cues) -> bool:
    """Another clause of the sentence says its claim could not be checked: "..., but the figure could not be
    verified", "Reuters could not independently confirm the account" (a modal or passive, negated)."""
    sent = _sentence(trigger)
    skip = {trigger.i, *(g.i for g in govs)}
    tab = trigger.doc.user_data.get(_TABLE)
    if tab is None:
        cands = _tokens(trigger.doc)[sent.start : sent.end]
    else:  # (the first tests on the token table: speed)
        cands = [tab.toks[i] for i in range(sent.start, sent.end) if tab.llemma[i] in c.unverified]
    for t in cands:
        if t.i in skip or t.pos_ != "VERB" or t.lemma_.lower() not in c.unverified:
            continue
        kids = list(_kids(t))
        if any(k.dep_ == "neg" for k in kids) and any(
            k.dep_ == "auxpass" or (k.dep_ == "aux" and k.tag_ == "MD") for k in kids
        ):
            return True
    return False


def _passes_negation(g: Any, prev: Any, c: _Cues) -> bool:
    """Does a negation on governor `g` reach the event below it through `prev`? Not to its subject ("the strikes
    killed nobody") unless `g` says whether the event happened ("the rally never took place"), and not into an
    adjunct phrase of a clause ("no one was hurt in the attack"; but "no truth in reports that ...")."""
    if prev.dep_ == "nsubjpass" and g.lemma_.lower() in c.open:
        return True  # "a ceasefire was not ruled out": the passive subject is what is (not) ruled out
    if prev.dep_ in ("nsubj", "nsubjpass"):
        return g.lemma_.lower() in c.occur
    return not (g.pos_ in ("VERB", "AUX") and prev.dep_ == "prep" and prev.lower_ in c.adjunct)


def _existential(noun: Any) -> bool:
    """ "There is no plan": the noun is the subject/attribute of an existential "there be"."""
    head = noun.head
    return head.lemma_.lower() == "be" and any(ch.dep_ == "expl" for ch in _kids(head))


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_HEADLINE_MAX = 16  # tokens


def _headline_infinitive(v: Any) -> bool:
    """A headline's "X to VERB" ("Seoul and Tokyo to resume talks", "Japan to send troops"): a verb with "to" that
    is the root, or hangs on the root name, in a sentence with no finite verb at all."""
    tab = v.doc.user_data.get(_TABLE)
    if tab is not None and tab.pos[v.i] != "VERB":
        return False  # (the first test below, on the token table: speed)
    if v.pos_ != "VERB" or not any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in _kids(v)):
        return False
    if v.dep_ != "ROOT":
        h = v.head
        if v.dep_ not in ("relcl", "acl") or h.dep_ != "ROOT" or h.pos_ not in ("NOUN", "PROPN") or h.i > v.i:
            return False
    sent = _sentence(v)
    if len(sent) > _HEADLINE_MAX:
        return False  # a long sentence with no finite verb is a bad parse, not a headline
    toks = _tokens(v.doc)
    if sent.start > 0 and toks[sent.start - 1].text not in (".", "!", "?", "\n"):
        return False  # ("Macron rang Zelensky | to discuss ...": a sentence the parser split in two)
    # (a past verb before it, "farmers blocked highways to protest ...", is a sentence the parser read as a noun)
    return not any(t.tag_ in _FINITE or (t.tag_ == "VBN" and t.i < v.i) for t in sent)


def _neither_confirmed(verb: Any, c: _Cues) -> bool:
    """A denial in "neither confirmed nor denied" (either order): the verb is paired by "neither ... nor" with a
    verb of speaking whose negation leaves the event unconfirmed (a `silent` cue: "confirm")."""
    pair = [verb.head] if verb.dep_ == "conj" else [ch for ch in _kids(verb) if ch.dep_ == "conj"]
    heads = [verb.head if verb.dep_ == "conj" else verb]
    return any(p.lemma_.lower() in c.silent for p in pair) and any(
        ch.dep_ == "preconj" and ch.lower_ == "neither" for h in heads for ch in _kids(h)
    )


_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def _yes_no_question(v: Any) -> bool:
    """A yes/no question on `v`: an auxiliary before its subject and a "?" at the end of its sentence, with no
    question word ("Will Russia withdraw its troops?", "Did the army withdraw?"; not "Why did the army withdraw?",
    which takes the withdrawal as given)."""
    tab = v.doc.user_data.get(_TABLE)
    if tab is not None and not any(tab.dep[j] in ("nsubj", "nsubjpass") for j in tab.kids[v.i]):
        return False  # (no subject: the first test below, on the token table: speed)
    subj = [ch.i for ch in _kids(v) if ch.dep_ in ("nsubj", "nsubjpass")]
    if not subj or not any(ch.dep_ in ("aux", "auxpass") and ch.i < subj[0] for ch in _kids(v)):
        return False
    sent = _sentence(v)
    toks = _tokens(v.doc)
    if toks[sent.end - 1].text != "?":
        return False
    return not any(toks[j].tag_ in _WH_TAGS for j in range(sent.start, v.i))


def classify(trigger: Any, published: str | None = None) -> str:
    """Factuality class of the event expressed by `trigger` (a spaCy Token): one of dateline.model.FACTUALITY."""
    c = _cues()
    found: set[str] = set()
    govs = _governors(trigger)
    reported = _reported(trigger, govs, c)
    _own(trigger, c, found, reported)
    if any(_headline_infinitive(t) for t in (trigger, *govs[:2])):
        found.add("future")  # "Japan to send troops to Iraq": a headline's "to" is its future
    if any(_yes_no_question(t) for t in (trigger, *govs) if t.dep_ == "ROOT"):
        found.add("hypothetical")  # "Will Russia withdraw its troops from the border?": asked, not stated
    if trigger.dep_ == "conj":  # "reportedly looted and burned": the first verb's cues hold for both
        _own(trigger.head, c, found, reported, args=False)  # "had no plans and left": not "no" of the first
    if _unverified_source(trigger, c):
        found.add("alleged")
    for subj in (ch for ch in _kids(trigger) if ch.dep_ in ("nsubj", "nsubjpass")):
        # "the alleged bombing killed 12": what the alleged event did is alleged with it
        if any(m.dep_ == "amod" and c.amod.get(m.lower_) == "alleged" for m in _kids(subj)):
            found.add("alleged")
    gov_found: set[str] = set()
    prev = trigger
    prev_silent = False
    for g in govs:
        lem = g.lemma_.lower()
        low = g.lower_
        pred = _predicate(g, prev, c)
        if pred is not None:  # "talks remain a possibility", "reports that X are untrue": the predicate's cue
            lem = low = pred.lemma_.lower()
        # "ended without firing a shot", "without any pledge to send"; "has yet to release"; "stopped short of"
        if low == "without" and g.dep_ == "prep":
            gov_found.add("negated")
        if prev.dep_ == "xcomp" and any(ch.dep_ == "advmod" and ch.lower_ == "yet" for ch in _kids(g)):
            gov_found.add("negated")
        if low == "short" and prev.lower_ == "of":
            gov_found.add("negated")
        unverified = _unverified_source(g, c)
        if unverified:
            gov_found.add("alleged")
        cue = c.governor.get(lem) or c.governor.get(low)
        if unverified and cue == "hypothetical" and (lem in c.evidence or lem in c.report):
            # "unconfirmed reports suggest the army has pulled out": a report, not a guess (but "considering
            # withdrawing, according to people familiar with the talks" is still only considered)
            cue = None
        if cue == "denied" and _neither_confirmed(g, c):
            cue = "alleged"  # "neither confirmed nor denied that its drones struck": left unconfirmed
        particle = next((ch.lower_ for ch in _kids(g) if ch.dep_ == "prt"), None)
        if particle:  # a phrasal verb has its own entry: "called off the strike", "put off the vote"
            cue = c.governor.get(f"{lem} {particle}", cue)
        if lem == "rule" and not any(ch.dep_ == "prt" and ch.lower_ == "out" for ch in _kids(g)):
            cue = None
        # "state media reported that X": a report by a named source attributes X, as "said" does
        if cue == "alleged" and lem in c.report and g.pos_ == "VERB" and _named_source(g, c):
            cue = None
        if (
            lem == "deny"
            and prev.dep_ != "dobj"
            and any(ch.dep_ in ("dobj", "dative") and ch.i not in (prev.i, prev.head.i) for ch in _kids(g))
        ):  # (not "denied [moving] troops", the gerund read as an adjective on its object)
            cue = None  # "denied bail to the men arrested", "denied reporters access": a refusal to give, not a denial
        if lem == "exclude" and prev.dep_ == "prep":
            cue = None  # "excluded Russia from the talks": the talks go on without it
        if (
            g.pos_ in ("NOUN", "PROPN")
            and prev.dep_ in ("relcl", "acl")
            and any(ch.dep_ == "nsubj" for ch in _kids(prev))
            and not any(ch.dep_ == "mark" for ch in _kids(prev))  # ("reports that we attacked": its content)
        ):
            cue = None  # "a decision Washington described as regrettable": a clause about the noun, not its content
        if lem == "go" and not (g.tag_ == "VBG" and prev.dep_ == "xcomp"):
            cue = None  # "is going to strike" is future; "the deployment went to Cincu" is not
        if lem == "set" and any(ch.dep_ == "prt" for ch in _kids(g)):
            # "is set to strike", "a summit set for Monday" are future; "set off a bomb, killing five", "set up
            # camps where" (a phrasal verb) are not
            cue = None
        g_own: set[str] = set()
        # "any withdrawal would leave ...": a modal on what a nominal event would cause is conditional even when
        # reported, unlike "said it would withdraw" or "said the withdrawal would begin"
        subject_of = prev.dep_ in ("nsubj", "nsubjpass") and lem not in c.occur
        _own(g, c, g_own, reported and not subject_of)
        if pred is not None and lem in _TRUE and "negated" in g_own:
            cue = "denied"  # "it is not true that police arrested him"
        # "would not comment on reports that X", "declined to confirm that X": a refusal to speak about the event
        # leaves it unconfirmed, not negated (nor conditional: the modal is on the speaking)
        if lem in c.silent and cue is None and g.pos_ == "VERB":
            if "negated" in g_own:
                gov_found.add(c.silent[lem])
            prev_silent = "negated" not in g_own
            g_own.clear()
        elif prev_silent and cue == "negated" and prev.dep_ == "xcomp":
            gov_found.add(c.silent[prev.lemma_.lower()])
            prev_silent = False
            prev = g
            continue
        else:
            prev_silent = False
        if cue == "denied" or (cue and "negated" not in g_own):
            gov_found.add(cue)
        if "negated" in g_own and cue is None and lem in c.report and _verbal(g):
            # "did not say whether troops would withdraw": the saying is negated, not the act
            g_own.discard("negated")
        # negated governor: "did not plan to attack", "no decision to leave"
        if "negated" in g_own and (pred is not None or _passes_negation(g, prev, c)):
            if cue in ("negated", "denied"):
                # "did not refuse" / "did not deny": leave the event as it is; "has not ruled out talks": open
                if lem in c.open:
                    gov_found.add(c.open[lem])
            elif "alleged" in gov_found and g.pos_ in ("NOUN", "PROPN"):
                # "no truth in reports that X": negating a report or claim about the event denies it
                gov_found.discard("alleged")
                gov_found.add("denied")
            elif g.pos_ in ("NOUN", "PROPN") and cue == "alleged":
                gov_found.add("denied")  # "found no evidence that police fired": the claim is rebutted
            elif g.pos_ in ("NOUN", "PROPN") and cue in ("future", "hypothetical"):
                # "there is no plan to X" rebuts a report (denied); "X has no plans to" states a negative
                gov_found.add("denied" if _existential(g) else "negated")
            else:
                gov_found.add("negated")
        g_own.discard("negated")
        if g.pos_ in ("VERB", "AUX", "ADJ"):
            gov_found |= g_own
        if lem in _STOP_AT and _verbal(g):
            break
        prev = g
    found |= gov_found
    _phrase_before(trigger, c, found)
    if (
        reported
        and not found & {"denied", "negated", "hypothetical", "future"}
        and _unverified_claim(trigger, govs, c)
    ):
        found.add("alleged")  # "groups say hundreds were detained, but the figure could not be verified"
    if not found and _future_date(trigger):
        found.add(
            "future"
        )  # "the foreign ministers meet in Vienna next week", "called a strike for next Tuesday"
    if not found & {"denied", "negated", "hypothetical", "future"} and _historical(trigger, published, c):
        found.add("historical")
    for name in _ORDER:
        if name in found:
            return name
    return "asserted"
