"""Factuality of an event mention: asserted, negated, future, hypothetical, denied, alleged or historical.

Public entry point: `classify(trigger, published=None)` where `trigger` is the spaCy Token of the event word (the
verb, or the noun of a nominal event) in a parsed Doc, and `published` the article's ISO date (for "historical").

Rules over the dependency parse (hand-written because no maintained library codes PLOVER's auxiliary modes):
the trigger's own auxiliaries, negation and adverbs; the verbs and nouns that govern it through xcomp/ccomp/acl/
prep ("preparing to send", "denied it is about to withdraw", "no decision to leave", "ruled out sending");
"if/unless" clauses; and years before the article's ("pulled out in 2011", "the 2003 invasion").
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
}
_STOP_AT = {"say", "tell", "report", "state", "add", "announce"}
_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)s?\b")
_NEG_WORDS = {"not", "n't", "never", "no", "neither", "nor", "without"}


@dataclass
class _Cues:
    aux: dict[str, str] = field(default_factory=dict)
    adv: dict[str, str] = field(default_factory=dict)
    governor: dict[str, str] = field(default_factory=dict)
    amod: dict[str, str] = field(default_factory=dict)
    phrase: dict[tuple[str, ...], str] = field(default_factory=dict)


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
    return c


def _year(published: str | None) -> int:
    if published and published[:4].isdigit():
        return int(published[:4])
    return date.today().year


def _own(tok: Any, c: _Cues, found: set[str]) -> None:
    """Cues on the token itself: negation, auxiliaries, adverbs, adjectives, "if" clauses."""
    for ch in tok.children:
        dep, low, lem = ch.dep_, ch.lower_, ch.lemma_.lower()
        if dep == "neg" or (dep == "det" and low == "no") or (dep == "advmod" and low == "never"):
            found.add("negated")
        elif dep in ("aux", "auxpass") and (low in c.aux or lem in c.aux):
            found.add(c.aux.get(low) or c.aux[lem])
        elif dep in ("advmod", "npadvmod") and low in c.adv:
            found.add(c.adv[low])
        elif dep in ("amod", "compound") and (low in c.amod or lem in c.amod):
            found.add(c.amod.get(low) or c.amod[lem])
        elif dep == "mark" and low in ("if", "unless", "whether"):
            found.add("hypothetical")


def _governors(tok: Any) -> list[Any]:
    """Tokens governing `tok` through complement/modifier links, nearest first (at most 4 steps)."""
    out = []
    cur = tok
    for _ in range(4):
        if cur.dep_ not in _GOVERN_DEPS or cur.head.i == cur.i:
            break
        first = cur.left_edge.i
        if cur.dep_ == "relcl" and first > 0 and cur.doc[first - 1].text in (",", "(", "—", "–"):
            break  # ", who was killed on Friday": a separate assertion, not governed by "vowed to avenge [X]"
        cur = cur.head
        out.append(cur)
        if cur.lemma_.lower() in _STOP_AT and cur.pos_ == "VERB":
            break
    return out


def _historical(tok: Any, published: str | None) -> bool:
    """A year before the publication year attached to the trigger ("in 2011", "the 2003 invasion")."""
    limit = _year(published)
    sent = tok.sent
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "CARDINAL"):
            continue
        m = _YEAR_RE.search(ent.text)
        if not m or int(m.group(1)) >= limit:
            continue
        # attached to the trigger: the date's head chain reaches the trigger without passing another verb
        cur = ent.root
        for _ in range(4):
            if cur.i == tok.i:
                return True
            if cur.head.i == cur.i or (cur.i != ent.root.i and cur.pos_ in ("VERB", "AUX")):
                break
            cur = cur.head
        if cur.i == tok.i:
            return True
    return False


def _phrase_before(tok: Any, c: _Cues, found: set[str]) -> None:
    lows = [t.lower_ for t in tok.doc[max(tok.sent.start, tok.i - 6) : tok.i]]
    for key, value in c.phrase.items():
        n = len(key)
        for s in range(0, len(lows) - n + 1):
            if tuple(lows[s : s + n]) == key:
                found.add(value)
                break


def classify(trigger: Any, published: str | None = None) -> str:
    """Factuality class of the event expressed by `trigger` (a spaCy Token): one of dateline.model.FACTUALITY."""
    c = _cues()
    found: set[str] = set()
    _own(trigger, c, found)
    if trigger.dep_ == "conj":  # "reportedly looted and burned": the first verb's cues hold for both
        _own(trigger.head, c, found)
    gov_found: set[str] = set()
    for g in _governors(trigger):
        lem = g.lemma_.lower()
        low = g.lower_
        cue = c.governor.get(lem) or c.governor.get(low)
        if lem == "rule" and not any(ch.dep_ == "prt" and ch.lower_ == "out" for ch in g.children):
            cue = None
        g_own: set[str] = set()
        _own(g, c, g_own)
        if cue == "denied" or (cue and "negated" not in g_own):
            gov_found.add(cue)
        # negated governor: "did not plan to attack", "no decision to leave"
        if "negated" in g_own:
            if g.pos_ in ("NOUN", "PROPN") and cue in (None, "future", "hypothetical"):
                gov_found.add("denied" if cue else "negated")
            elif cue in ("negated", "denied"):
                pass  # "did not refuse" / "did not deny": leave the event as it is
            else:
                gov_found.add("negated")
        g_own.discard("negated")
        if g.pos_ in ("VERB", "AUX", "ADJ"):
            gov_found |= g_own
        if lem in _STOP_AT and g.pos_ == "VERB":
            break
    found |= gov_found
    _phrase_before(trigger, c, found)
    if not found & {"denied", "negated", "hypothetical", "future"} and _historical(trigger, published):
        found.add("historical")
    for name in _ORDER:
        if name in found:
            return name
    return "asserted"
