"""Events: PLOVER 2.0 coding of who did what to whom, where, when, how many, and who said so.

Public entry point: `extract_events(doc)` -> list of `Event`, one per event the article reports (repeated mentions
merged, each keeping its `Mention`).

How it works, one pass per sentence over the spaCy parse:
1. Triggers. A verb whose lemma (+ particle/preposition, + object lemmas) is in data/events/verbs.tsv ("send" +
   troops -> MOBILIZE/troops, "pull out" -> RETREAT/withdraw), or a noun phrase in data/events/nouns.tsv ("air
   strike" -> ASSAULT/aerial) when it is the object of a light verb ("launched an air strike"), a subject or a
   headline. Lookups are dicts by lemma, built once per process.
2. Embedding. A trigger inside the complement of another trigger is part of it, not a second event: "threatened
   to ban" is THREATEN, "agreed that their countries should cooperate" is AGREE; the inner one may give the mode.
3. Arguments. Actor = subject (or "by" agent), with conjuncts kept in one record ("Britain and France sent");
   recipient = object, "against/with/on/to" object or the subject of a demanded clause. Actors are coded by
   `dateline.actors.ActorResolver`; location = a `doc.places` toponym governed by the trigger; date = a `doc.timexes`
   expression attached to the trigger (else the publication date); source = the speaker of a `doc.quotes` quote
   holding the sentence, else the subject of a governing reporting verb; sizes from `dateline.sizes`; factuality
   from `dateline.factuality`.
4. Merging. The same event (type, actors, recipients, compatible size/date/factuality) in several sentences is
   one record with several mentions.

The type recorded is the event's content ("will withdraw" is RETREAT with factuality future); PLOVER's convention
of coding future cooperation as AGREE and conditional force as THREATEN is left to the consumer (see
dateline/evaluate/events.py, which applies it when scoring against the PLOVER gold records).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from dateline.factuality import _gerund_as_modifier, classify
from dateline.model import Actor, Document, Event, EventDate, Mention, Place, Size, stable_id
from dateline.sizes import extract_sizes

_DATA = Path(__file__).resolve().parent / "data" / "events"
_VERB_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")
_SUBJ = ("nsubj", "nsubjpass", "csubj")
_RECIP_PREPS = ("against", "with", "on", "at", "to", "into", "upon", "toward", "towards")
_LOC_PREPS = (
    "in",
    "to",
    "near",
    "at",
    "into",
    "from",
    "across",
    "inside",
    "outside",
    "around",
    "along",
    "towards",
    "off",  # "off Palawan", "off the coast of Libya": where sea incidents happen
)
_ACTOR_DROP = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "prep", "parataxis"}
_ACTOR_POS = {"PROPN", "NOUN", "PRON"}
_NOT_ABSORBING = {"conj", "parataxis"}
_RELATIVE = {"who", "which", "that", "whom"}
_STATE_PREPS = {"on", "at"}  # "placed on standby", "are on strike", "held at readiness"
# verbs that put or keep someone in a state ("on standby", "on strike"); "reported on the strike" is a topic
_STATE_VERBS = {"be", "place", "put", "keep", "hold", "remain", "stay", "go", "stand", "leave"}
_EVENT_THREATEN_MODE = {
    "ASSAULT": "violence",
    "COERCE": "restrict",
    "PROTEST": "restrict",
    "SANCTION": "relations",
    "MOBILIZE": "violence",
}
_FUTURE_OK = ("asserted", "alleged")
_THREAT_EVENTS = {"ASSAULT", "COERCE", "SANCTION"}
_GENERIC_HEADS = {
    "effort",
    "campaign",
    "operation",
    "drive",
    "bid",
    "initiative",
    "mission",
    "action",
    "plan",
    "wave",
}
_MOVED = {"MOBILIZE", "RETREAT", "AID"}
_NEGATING = {"refuse", "decline", "fail", "rule"}
_CONDITION_MARKS = {"if", "unless", "until", "whether"}
_PARTAKE = {"engage", "participate", "take", "join", "involve", "lead", "continue", "persist"}
_PARTAKE_PASSIVE = _PARTAKE - {"take"}  # "were engaged in": its subject acts; "were taken into custody": not
_OBLIGATION = {"must", "should", "ought"}
_DIRECTING = {"order", "command", "instruct", "direct"}  # "ordered troops to ...": see _absorb
_FRAMING_PREPS = {"since", "after", "before", "until", "following", "with", "like", "than", "of"}
_CONCLUDE = {
    "conclude",
    "insist",
    "demand",
    "believe",
    "feel",
    "decide",
    "agree",
    "stress",
    "emphasize",
    "emphasise",
}
# passive verbs that raise their subject from the infinitive ("X is expected / said / understood to ...")
_RAISING = {"understand", "expect", "believe", "say", "report", "think", "know", "set", "schedule"}
_TEMPORAL_MARKS = {"after", "as", "when", "while", "before", "since", "because", "though", "although"}


# --------------------------------------------------------------------------- lexicon (built once per process)


@dataclass
class _Rule:
    event: str
    mode: str | None
    cameo: str | None
    prt: str | None = None
    objs: frozenset[str] | str | None = None
    words: tuple[str, ...] = ()  # for nouns: the phrase lemmas

    @property
    def score(self) -> int:
        return (2 if self.prt else 0) + (3 if self.objs else 0) + len(self.words)

    @property
    def rank(self) -> tuple[int, int]:
        """Sort key, most specific first: the score, then the narrower object list ("hold" + hostage before
        "hold" + any prisoner word)."""
        return -self.score, len(self.objs) if isinstance(self.objs, frozenset) else 1 << 20


@dataclass
class _Lex:
    verbs: dict[str, list[_Rule]] = field(default_factory=dict)
    nouns: dict[str, list[_Rule]] = field(default_factory=dict)  # by the phrase's last lemma
    light: set[str] = field(default_factory=set)
    cues: dict[str, dict[str, str]] = field(default_factory=dict)  # cue lemma -> event -> mode
    reporting: set[str] = field(default_factory=set)
    natural: set[str] = field(default_factory=set)  # storms, diseases: subjects that name no actor
    force_words: set[str] = field(
        default_factory=set
    )  # what a mobilisation moves (classes troops ... weapons)
    object_words: set[str] = field(default_factory=set)  # lemmas used as object conditions (not recipients)
    force_nouns: set[str] = field(default_factory=set)  # event nouns that need a force in their "of" phrase
    people: set[str] = field(default_factory=set)  # nouns naming people or groups ("civilians", "rebels")
    senses: dict[str, list[tuple[_Rule, frozenset[str]]]] = field(default_factory=dict)  # ambiguous nouns
    measures: set[str] = field(default_factory=set)  # sanctions, laws, bans: subjects that never use force
    sport: set[str] = field(default_factory=set)  # words of a sports report ("the final", "a qualifier")
    harm: set[str] = field(default_factory=set)  # words of real harm ("killed", "police"): violence after all
    # what a threat warns of: consequences, retaliation, sanctions, strikes
    reprisal: set[str] = field(default_factory=set)
    # verbs typed by their subject ("crowds gathered"): data/events/subject_verbs.tsv
    by_subject: dict[str, list[tuple[frozenset[str], _Rule]]] = field(default_factory=dict)


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append([c.strip() for c in line.split("\t")])
    return out


def _opt(v: str) -> str | None:
    return None if v in ("", "-") else v


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    lex = _Lex()
    classes = {r[0]: set(r[1].split(",")) for r in _rows("classes.tsv")}
    lex.measures = classes.get("measures", set())
    lex.sport = classes.get("sport", set())
    lex.harm = classes.get("harm", set())
    lex.reprisal = (
        classes.get("reprisal", set()) | classes.get("sanctions", set()) | classes.get("strike", set())
    )
    for lemma, subjects, event, mode, cameo in (r[:5] for r in _rows("subject_verbs.tsv")):
        who = set().union(*(classes[w[1:]] if w.startswith("@") else {w} for w in subjects.split(",")))
        lex.by_subject.setdefault(lemma, []).append((frozenset(who), _Rule(event, _opt(mode), _opt(cameo))))
    lex.force_nouns = classes.get("force_nouns", set())
    lex.force_words = set().union(
        *(classes[c] for c in ("troops", "police", "militia", "weapons", "armedgroup"))
    )
    for lemma, prt, objs, event, mode, cameo in (r[:6] for r in _rows("verbs.tsv")):
        obj: frozenset[str] | str | None = None
        if objs == "+":
            obj = "+"
        elif objs != "-":
            words: set[str] = set()
            for o in objs.split(","):
                words |= classes[o[1:]] if o.startswith("@") else {o}
            obj = frozenset(words)
            lex.object_words |= words
        lex.verbs.setdefault(lemma, []).append(_Rule(event, _opt(mode), _opt(cameo), _opt(prt), obj))
    for phrase, event, mode, cameo in (r[:4] for r in _rows("nouns.tsv")):
        # spaCy splits "cease-fire" into three tokens: match the hyphen as a word of its own
        words = tuple(w for w in phrase.replace("-", " - ").split())
        lex.nouns.setdefault(words[-1], []).append(_Rule(event, _opt(mode), _opt(cameo), words=words))
    for rules in list(lex.verbs.values()) + list(lex.nouns.values()):
        rules.sort(key=lambda r: r.rank)
    lex.light = {r[0] for r in _rows("light_verbs.tsv")}
    for cue, event, mode in (r[:3] for r in _rows("mode_cues.tsv")):
        lex.cues.setdefault(cue, {}).setdefault(event, mode)
    lex.reporting = {r[0] for r in _rows("reporting_verbs.tsv")}
    lex.natural = {r[0] for r in _rows("natural_causes.tsv")}
    lex.people = {r[1] for r in _rows("actor_fallback.tsv") if r[0] == "sector"}
    lex.people |= {
        r[0] for r in _rows("size_words.tsv") if r[1] == "unit" and r[2] in ("people", "troops", "police")
    }
    lex.object_words -= lex.people
    lex.object_words -= classes.get("body", set())  # bodies one leaves are recipients, not things moved
    for noun, event, mode, cameo, cues in (r[:5] for r in _rows("noun_senses.tsv")):
        rule = _Rule(event, _opt(mode), _opt(cameo), words=(noun,))
        lex.senses.setdefault(noun, []).append((rule, frozenset(cues.split(","))))
    return lex


# --------------------------------------------------------------------------- statistical backoff

# function words that carry event meaning (negation, modality, direction) and stay in the classifier features
_KEEP_STOP = {"not", "no", "never", "will", "would", "must", "should", "against", "with", "out", "off", "down", "up",
              "back", "call", "give", "take", "make", "put", "over", "without", "may", "might", "could"}  # fmt: skip
_ENT_FEAT = {"GPE": "<place>", "LOC": "<place>", "FAC": "<place>", "NORP": "<norp>", "PERSON": "<person>",
             "ORG": "<org>", "DATE": "<date>", "TIME": "<date>", "CARDINAL": "<num>", "MONEY": "<money>",
             "QUANTITY": "<num>", "PERCENT": "<num>", "ORDINAL": "<num>"}  # fmt: skip


def _features(toks: Any) -> list[str]:
    """Classifier features of a token span: content lemmas (entities as their type), their bigrams, the root verb."""
    words: list[str] = []
    root = ""
    for t in toks:
        if t.is_punct or t.is_space:
            continue
        if t.dep_ == "ROOT":
            root = "root=" + t.lemma_.lower()
        if t.ent_type_:
            w = _ENT_FEAT.get(t.ent_type_, "<ent>")
            if t.ent_iob_ == "I" and words and words[-1] == w:
                continue
        elif t.like_num:
            w = "<num>"
        else:
            w = t.lemma_.lower()
            if t.is_stop and w not in _KEEP_STOP:
                continue
        words.append(w)
    feats = words + [f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)]
    if root:
        feats.append(root)
    return feats


class _Backoff:
    """Logistic-regression event-type classifier (weights from scripts/train_event_classifier.py)."""

    def __init__(self, path: Path) -> None:
        import numpy as np

        with np.load(path, allow_pickle=False) as z:
            self.labels = [str(x) for x in z["labels"]]
            self.index = {str(w): i for i, w in enumerate(z["vocab"])}
            self.weights = z["weights"].astype(np.float32)
            self.bias = z["bias"].astype(np.float32)
        self._np = np

    def probs(self, feats: list[str]) -> dict[str, float]:
        """Probability of each label."""
        np = self._np
        ids = sorted({self.index[f] for f in feats if f in self.index})
        z = self.bias.copy()
        if ids:
            z += self.weights[ids].sum(axis=0) / np.sqrt(len(ids))
        z -= z.max()
        p = np.exp(z)
        p /= p.sum()
        return {lab: float(x) for lab, x in zip(self.labels, p, strict=True)}

    def predict(self, feats: list[str]) -> tuple[str, float]:
        """The most probable label and its probability."""
        p = self.probs(feats)
        k = max(p, key=p.__getitem__)
        return k, p[k]


# How the classifier and the lexicon are combined (chosen by 5-fold cross-validation on plover-gsr DEV, see
# scripts/train_event_classifier.py --cv): a sentence no lexicon pattern matched is coded when the classifier is
# at least `backoff_min` sure; when lexicon triggers of several types compete, the types the classifier gives less
# than `compete_ratio` of the best candidate's probability are dropped; a lone lexicon type is replaced by the
# classifier's label when the classifier gives that label at least `override_min` and the lexicon's type less than
# `override_lex_max`. Under CV, arbitration (compete 1) and overrides gain nothing (overrides never fire usefully;
# compete trades one extra for one miss) and compete would drop the second event of sentences that report two
# ("Rebels attacked a convoy and Germany suspended aid"), so both stay off.
# light verbs with no meaning of their own: the event, if any, is the object noun's (nouns.tsv), so the sentence
# classifier must not guess one from the verb ("made the remarks", "made his first appearance" are no concession)
_EMPTY_VERBS = {"make", "take", "have", "do", "hold", "carry", "conduct", "issue", "pay", "get"}
_POLICY = {
    "backoff_min": 0.4,
    "compete_ratio": 0.0,
    "override_min": 1.1,
    "override_lex_max": 0.0,
    "main_only": 0.0,
    "keep_dated": 0.0,  # keep a subordinate "after/when ..." event that has a date of its own (see _drop_background)
}
_CAMEO_ROOT = {"AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07", "CONCEDE": "08",
               "RETREAT": "08", "REQUEST": "10", "ACCUSE": "11", "REJECT": "12", "THREATEN": "13", "PROTEST": "14",
               "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17", "ASSAULT": "18"}  # fmt: skip
_COOP = {"AID", "RETREAT", "COOPERATE", "CONCEDE", "SUPPORT", "CONSULT", "AGREE"}
_FORCE = {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"}


def _conventional(event: str, factuality: str) -> str:
    """PLOVER's single category for an event with an auxiliary mode (manual, "Auxiliary modes"): a future or
    hypothetical cooperative event is AGREE, a forceful one THREATEN; a negated or denied one REJECT. (The
    manual's CONCEDE notes would keep future concessions and retreats CONCEDE, but its CAMEO table (035x
    "express intent to yield / release") and the gold records code them AGREE: tried, costs 2 DEV sentences.)"""
    if factuality in ("negated", "denied"):
        return "REJECT"
    if factuality in ("future", "hypothetical"):
        if event in _COOP:
            return "AGREE"
        if event in _FORCE:
            return "THREATEN"
    return event


@lru_cache(maxsize=1)
def _backoff() -> _Backoff | None:
    path = _DATA / "classifier.npz"
    if not path.exists():
        return None
    try:
        return _Backoff(path)
    except Exception:  # noqa: BLE001 - a damaged weights file must not stop the lexicon coder
        return None


def _anchor_of(sent: Any, lex: _Lex) -> Any:
    """The sentence's main predicate: its root, or the reported clause of a reporting root ("X said (that) Y")."""
    anchor = sent.root
    if anchor.lemma_.lower() in lex.reporting:
        inner = [c for c in anchor.children if c.dep_ in ("ccomp", "xcomp") and _is_verb(c)]
        if inner:
            anchor = inner[0]
    return anchor


def _sent_features(sent: Any, lex: _Lex, raw: list[str], trigs: list[tuple[str, str, str]]) -> list[str]:
    """Classifier features of a sentence: its lemma features, its main predicate with object/complement/particle,
    negation and modals, and what the lexicon proposed (raw trigger types; kept triggers as type, lemma and
    factuality)."""
    a = _anchor_of(sent, lex)
    if a.i != sent.root.i:
        # reported speech: the reported clause says what happened; the attribution ("a senior military source
        # said") says who told it and must not type the event
        feats = _features(a.subtree) + ["rep=" + sent.root.lemma_.lower()]
    else:
        feats = _features(sent)
    al = a.lemma_.lower()
    feats.append("anc=" + al)
    for c in a.children:
        d = c.dep_
        if d in ("dobj", "nsubjpass", "attr"):
            feats.append(f"obj={al}_{c.lemma_.lower()}")
            feats.append("objh=" + c.lemma_.lower())
        elif d in ("xcomp", "ccomp") and _is_verb(c):
            feats.append(f"comp={al}_{c.lemma_.lower()}")
            feats.append("comph=" + c.lemma_.lower())
        elif d in ("prt", "prep", "agent"):
            feats.append(f"prt={al}_{c.lower_}")
        elif d == "neg":
            feats.append("<neg>")
        elif d == "aux" and c.tag_ == "MD":
            feats.append("md=" + c.lower_)
    for t in raw:
        feats.append("lexraw=" + t)
    for event, lemma, fact in trigs:
        conv = _conventional(event, fact)
        feats += ["lex=" + conv, f"lexf={event}|{fact}", f"trig={lemma}", "fact=" + fact]
    if not trigs:
        feats.append("lex=none")
    return feats


def _training_features(sent: Any, published: str | None = None) -> list[str]:
    """The features `_decide` gives the classifier for this sentence (for scripts/train_event_classifier.py)."""
    lex = _lex()
    raw = _request_frames(sent, lex, _find_triggers(sent, lex))
    raw_types = [t.rule.event for t in raw]
    trigs = _drop_background(_absorb(raw))
    facts = [classify(t.tok, published) for t in trigs]
    return _sent_features(
        sent,
        lex,
        raw_types,
        [(t.rule.event, t.tok.lemma_.lower(), f) for t, f in zip(trigs, facts, strict=True)],
    )


def _suppressed(sent: Any, lex: _Lex) -> bool:
    """Whether a verb of the sentence matched a lexicon row that a guard then ruled out (a hazard as its subject or
    object, a NONE row): the sentence's event words are accounted for, so the classifier must not guess."""
    for tok in sent:
        if not _is_verb(tok) or tok.lemma_.lower() not in lex.verbs:
            continue
        r = _match_verb(tok, lex)
        if r is not None and (r.event == "NONE" or _natural_cause(tok, lex) or _natural_target(tok, lex)):
            return True
        if r is not None and r.event in _PLAY_EVENTS and _sports_report(sent, lex):
            return True  # "beat Dortmund 2-0 in the final": play, not force
    return False


def _decide(
    sent: Any,
    lex: _Lex,
    raw: list[str],
    trigs: list[_Trig],
    published: str | None,
    enc: dict[str, float] | None = None,
) -> list[_Trig]:
    """Combine the lexicon's triggers with the sentence classifier (see _POLICY), or with the sentence encoder's
    type probabilities `enc` under the encoder backend (see _ENC_POLICY)."""
    if enc is not None:
        return _decide_encoder(sent, lex, raw, trigs, published, enc)
    clf = _backoff()
    if clf is None:
        return trigs
    facts = [classify(t.tok, published) for t in trigs]
    convs = [_conventional(t.rule.event, f) for t, f in zip(trigs, facts, strict=True)]
    if trigs and len(set(convs)) == 1 and _POLICY["override_min"] > 1:
        return trigs  # nothing the classifier could change: skip its features (speed)
    feats = _sent_features(
        sent, lex, raw, [(t.rule.event, t.tok.lemma_.lower(), f) for t, f in zip(trigs, facts, strict=True)]
    )
    p = clf.probs(feats)
    if not trigs:
        anchor = _anchor_of(sent, lex)
        if not _is_verb(anchor) or not any(c.dep_ in _SUBJ or c.dep_ == "agent" for c in anchor.children):
            return []
        if _natural_cause(anchor, lex):
            return []
        if anchor.lemma_.lower() in _EMPTY_VERBS:
            return []  # "made the remarks", "made it clear": the object names the act, and the lexicon knows none
        if _suppressed(sent, lex):
            return []  # the lexicon read an event word here and ruled it out ("a drought that killed 40")
        label = max(p, key=p.__getitem__)
        if p[label] < _POLICY["backoff_min"] or label not in _CAMEO_ROOT:
            return []
        rule = _Rule(label, None, _CAMEO_ROOT[label])
        return [_Trig(anchor, anchor, rule, anchor.idx, anchor.idx + len(anchor), None, prob=p[label])]
    if len(set(convs)) > 1:
        best = max(p.get(c, 0.0) for c in convs)
        kept = [
            t for t, c in zip(trigs, convs, strict=True) if p.get(c, 0.0) >= _POLICY["compete_ratio"] * best
        ]
        return kept or trigs
    label = max(p, key=p.__getitem__)
    if (
        label != convs[0]
        and label in _CAMEO_ROOT
        and p[label] >= _POLICY["override_min"]
        and p.get(convs[0], 0.0) < _POLICY["override_lex_max"]
    ):
        t = trigs[0]
        t.rule = _Rule(label, None, _CAMEO_ROOT[label], t.rule.prt, t.rule.objs, t.rule.words)
        t.mode, t.prob = None, p[label]
        return [t]
    return trigs


# The optional encoder backend (DATELINE_EVENTS_MODEL=encoder, extra `[ml]`): MiniLM sentence embeddings and a
# softmax head (dateline/_encoder.py, scripts/train_event_encoder.py) give each sentence a probability per PLOVER
# type (PLOVER's conventional type, as the gold records code it). The lexicon still decides where the events are
# (their spans, hence actors, sizes, factuality); the encoder decides their types. `encoder_only`: the sentence's
# types are the encoder's top type (plus the second when at least `second_min`), put on the lexicon trigger of
# that type, else on the first trigger; otherwise the lexicon's types are kept, except that conflicting lexicon
# types below `compete_ratio` x the best one's probability are dropped, types below `veto_max` are vetoed, and a
# lone lexicon type is replaced by the encoder's top type when that has at least `override_min` and the
# lexicon's less than `override_lex_max`. A sentence without trigger gets the encoder's top type (on its main
# predicate, when that has a subject) when it has at least `supply_min`. Values chosen by 5-fold CV on
# plover-gsr DEV (scripts/train_event_encoder.py --cv, best strict-CV F1): the encoder alone is right on only
# ~54% of held-out DEV sentences, so encoder-only typing (0.59 CV) and overrides lose; it only arbitrates.
# `bag_weight` > 0 mixes in the lexicon path's bag-of-features classifier (geometric mean); off: the mix is less
# accurate than that classifier alone (held-out top-1 0.78 at 0.7 vs 0.81) and gains nothing under CV.
_ENC_POLICY: dict[str, float] = {"encoder_only": 0.0, "second_min": 1.1, "compete_ratio": 1.0,
                                 "veto_max": 0.01, "override_min": 1.1, "override_lex_max": 0.0,
                                 "supply_min": 0.7, "bag_weight": 0.0}  # fmt: skip


@lru_cache(maxsize=1)
def _backend() -> str:
    """The typing backend, read once per process from DATELINE_EVENTS_MODEL: "lexicon" (default) or "encoder"."""
    import os

    name = os.environ.get("DATELINE_EVENTS_MODEL", "lexicon").strip().lower() or "lexicon"
    if name not in ("lexicon", "encoder"):
        raise ValueError(f"DATELINE_EVENTS_MODEL={name!r}: expected 'lexicon' or 'encoder'")
    return name


def _encoder_probs(sents: list[Any]) -> list[dict[str, float]]:
    """The encoder head's type probabilities for each sentence (one batch per document)."""
    from dateline import _encoder

    return _encoder.type_probs([s.text.strip() for s in sents])


def _retype(t: _Trig, label: str, prob: float) -> _Trig:
    t.rule = _Rule(label, None, _CAMEO_ROOT.get(label), t.rule.prt, t.rule.objs, t.rule.words)
    t.mode, t.prob = None, prob
    return t


def _decide_encoder(
    sent: Any, lex: _Lex, raw: list[str], trigs: list[_Trig], published: str | None, p: dict[str, float]
) -> list[_Trig]:
    """Type the lexicon's triggers with the encoder's probabilities `p` (see _ENC_POLICY)."""
    pol = _ENC_POLICY
    facts = [classify(t.tok, published) for t in trigs]
    clf = _backoff() if pol["bag_weight"] > 0 else None
    if clf is not None:  # geometric mean with the bag-of-features classifier's probabilities
        found = [(t.rule.event, t.tok.lemma_.lower(), f) for t, f in zip(trigs, facts, strict=True)]
        q = clf.probs(_sent_features(sent, lex, raw, found))
        a = pol["bag_weight"]
        mix = {k: (v ** (1 - a)) * (q.get(k, 1e-6) ** a) for k, v in p.items()}
        z = sum(mix.values())
        p = {k: v / z for k, v in mix.items()}
    ranked = sorted(p, key=p.__getitem__, reverse=True)
    top = ranked[0]
    if not trigs:
        if p[top] < pol["supply_min"] or top not in _CAMEO_ROOT:
            return []
        anchor = _anchor_of(sent, lex)
        if not _is_verb(anchor) or not any(c.dep_ in _SUBJ or c.dep_ == "agent" for c in anchor.children):
            return []
        if _natural_cause(anchor, lex):
            return []
        rule = _Rule(top, None, _CAMEO_ROOT[top])
        return [_Trig(anchor, anchor, rule, anchor.idx, anchor.idx + len(anchor), None, prob=p[top])]
    convs = [_conventional(t.rule.event, f) for t, f in zip(trigs, facts, strict=True)]
    if pol["encoder_only"]:
        want = [top] + [lab for lab in ranked[1:2] if p[lab] >= pol["second_min"]]
        out: list[_Trig] = []
        for lab in want:
            same = [t for t, c in zip(trigs, convs, strict=True) if c == lab]
            if same:
                out += same
                continue
            free = [t for t in trigs if t not in out]
            if free:
                out.append(_retype(free[0], lab, p[lab]))
        return out
    kept = [(t, c) for t, c in zip(trigs, convs, strict=True) if p.get(c, 0.0) >= pol["veto_max"]]
    if len({c for _, c in kept}) > 1:
        best = max(p.get(c, 0.0) for _, c in kept)
        kept = [(t, c) for t, c in kept if p.get(c, 0.0) >= pol["compete_ratio"] * best]
    if not kept:  # every lexicon type vetoed: the encoder's own type on the first trigger, when it is sure
        return [_retype(trigs[0], top, p[top])] if p[top] >= pol["override_min"] else []
    if len({c for _, c in kept}) == 1:
        c = kept[0][1]
        if top != c and p[top] >= pol["override_min"] and p.get(c, 0.0) < pol["override_lex_max"]:
            return [_retype(kept[0][0], top, p[top])]
    return [t for t, _ in kept]


# --------------------------------------------------------------------------- adapters to the other extractors


class _Resolver:
    """The document's shared `dateline.actors.ActorResolver`, with the fallbacks events need."""

    def __init__(self, doc: Document) -> None:
        from dateline.actors import resolver_for

        self._r: Any = resolver_for(doc)
        self._text = doc.text
        self._doc = doc

    @property
    def text(self) -> str:
        return self._text

    def token_at(self, start: int) -> Any | None:
        span = (
            self._doc.spacy.char_span(start, start + 1, alignment_mode="expand") if self._doc.spacy else None
        )
        return span[0] if span is not None else None

    def resolve(self, start: int, end: int) -> Actor:
        if self._r is not None:
            try:
                a = self._r.resolve(start, end)
                if isinstance(a, Actor):
                    return a
            except Exception:  # noqa: BLE001
                pass
        return Actor(text=self._text[start:end], start=start, end=end)

    def at_date(self, actors: list[Actor], date: EventDate | None) -> list[Actor]:
        """The actors coded as of the event's date when the text gives one (`ActorResolver.at_date`)."""
        if self._r is None or date is None or not date.value or date.source != "text":
            return actors
        return [self._r.at_date(a, date.value) for a in actors]


# --------------------------------------------------------------------------- triggers


@dataclass
class _Trig:
    tok: Any  # the trigger word (verb, or head noun of a nominal event)
    anchor: Any  # the token whose arguments are the event's: the verb, or the light verb of a nominal event
    rule: _Rule
    start: int  # event_text span (characters)
    end: int
    mode: str | None = None
    nominal: bool = False
    sizes: list[Size] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    prob: float | None = None  # classifier probability, for backoff triggers
    searched: bool = False  # recipients found by _recipient_search (may also be the event's place)
    # words naming who suffered a condemned act ("the attack on the embassy"): never its recipients
    victims: set[int] = field(default_factory=set)


def _is_verb(tok: Any) -> bool:
    return tok.pos_ == "VERB" or (tok.tag_ in _VERB_TAGS and tok.pos_ != "AUX")


_ADV_PARTICLES = {"short", "back", "away", "down", "off", "out", "up", "together"}  # "worked together"
_TRAVEL_VERBS = {"leave", "depart"}
_TRAVELLERS = {"minister", "president", "secretary", "envoy", "ambassador", "diplomat", "chancellor", "premier",
               "leader", "king", "queen", "prince", "pope", "delegation", "negotiator", "mediator"}  # fmt: skip
_PLACE_ENTS = ("GPE", "LOC", "FAC")


def _objects(tok: Any) -> tuple[set[str], set[str], dict[str, set[str]]]:
    """Particles/prepositions, direct object lemmas (with passive subjects) and prepositional objects of a verb."""
    prts: set[str] = set()
    objs: set[str] = set()
    pobjs: dict[str, set[str]] = {}
    if tok.dep_ in ("acl", "relcl") and tok.head.i != tok.i:
        # "the warships sent to the Gulf", "paratroopers who were flown to Kuwait": the modified noun is moved
        passive_rel = any(c.dep_ == "nsubjpass" and c.lower_ in _RELATIVE for c in tok.children)
        if (tok.dep_ == "acl" and tok.tag_ == "VBN") or passive_rel:
            objs.add(tok.head.lemma_.lower())
    if tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in tok.children):
        # a participle with no auxiliary is a reduced passive ("Troops sent to Gulf", a misparsed "the warships
        # sent to the Gulf ..."): its subject is what was moved
        objs.update(c.lemma_.lower() for c in tok.children if c.dep_ == "nsubj")
    kids = list(tok.children)
    if _gerund_as_modifier(
        tok
    ):  # "denied moving troops": the noun the parser hung the gerund on is its object
        objs.add(tok.head.lemma_.lower())
        objs.update(
            c.lemma_.lower() for c in tok.head.children if c.dep_ in ("compound", "amod") and c.i != tok.i
        )
    if not any(c.dep_ == "dobj" for c in kids):
        # "advise and train local forces": a bare verb shares the object of the verb coordinated after it
        for cj in (c for c in tok.children if c.dep_ == "conj" and _is_verb(c) and c.i > tok.i):
            if not any(c.dep_ == "nsubj" for c in cj.children):
                kids += [c for c in cj.children if c.dep_ == "dobj"]
    for (
        ch
    ) in tok.children:  # "move around 35 of its soldiers": an approximated number parsed as a preposition
        if ch.dep_ == "prep" and ch.lower_ in ("around", "about"):
            kids += [g for g in ch.children if g.dep_ == "pobj" and g.like_num]
    if tok.lemma_.lower() in _LETTING:
        # "allowed the first aid convoy to enter": the parser makes the one let in the subject of the complement
        for ch in tok.children:
            if ch.dep_ in ("ccomp", "xcomp") and _is_verb(ch):
                for g in ch.children:
                    if g.dep_ in ("nsubj", "nsubjpass"):
                        objs.add(g.lemma_.lower())
                        objs.update(c.lemma_.lower() for c in g.children if c.dep_ in ("compound", "amod"))
                        objs.update(  # "let a team of inspectors board"
                            x.lemma_.lower()
                            for c in g.children
                            if c.dep_ == "prep" and c.lower_ == "of"
                            for x in c.children
                            if x.dep_ == "pobj"
                        )
    first_obj = min((c.i for c in tok.children if c.dep_ == "dobj"), default=None)
    for ch in kids:
        dep = "dobj" if ch.dep_ == "pobj" else ch.dep_
        if (
            dep == "prep"
            and ch.lower_ in _TOPIC_PREPS
            and first_obj is not None
            and first_obj < ch.i
            and any(g.dep_ == "pobj" for g in ch.children)
        ):
            # "took legal action over the law": "over" after the object heading a phrase of its own is its topic,
            # no particle ("take over"); a shifted particle ("called the strike off") has no object of its own, and a
            # directional one keeps its sense with one ("hauled protesters off the streets")
            pobjs.setdefault(ch.lemma_.lower(), set()).update(
                g.lemma_.lower() for g in ch.children if g.dep_ == "pobj"
            )
            continue
        if dep == "ccomp" and ch.pos_ == "ADJ":
            dep = "oprd"  # a small clause: "found the minister guilty", "declared the vote void"
        if dep == "advmod" and ch.lemma_.lower() in _ADV_PARTICLES:
            dep = "prt"  # "cut short the visit", "pulled back": an adverb working as the verb's particle
        if dep == "prep" and _time_phrase(ch):
            continue  # "called on Monday", "met on Tuesday": a date, not the verb's preposition ("call on")
        if dep in ("prt", "prep", "agent"):
            prts.add(ch.lemma_.lower())
            if dep == "prep":
                got = pobjs.setdefault(ch.lemma_.lower(), set())
                # "out of the talks": the object of a preposition after the particle counts as the particle's
                inner = [x for g in ch.children if g.dep_ == "prep" and g.lower_ == "of" for x in g.children]
                for g in [*ch.children, *inner]:
                    if g.dep_ == "pcomp" and _is_verb(g):
                        got.add(g.lemma_.lower())  # "barred from entering": the act the preposition governs
                    if g.dep_ == "pobj":
                        got.add(g.lemma_.lower())
                        if (
                            g.ent_type_ == "ORG"
                        ):  # a named body as object class "<ORG>" ("withdrew from NATO")
                            got.add("<ORG>")
                        got.update(c.lemma_.lower() for c in g.children if c.dep_ in ("compound", "amod"))
        elif dep in ("dobj", "nsubjpass", "attr", "oprd", "dative", "xcomp"):
            objs.add(ch.lemma_.lower())  # (a pobj here is the number under "around"/"about", see above)
            if ch.ent_type_ == "ORG":
                objs.add("<ORG>")
            if ch.i >= 2 and ch.doc[ch.i - 1].text == "-":  # "a cease-fire", split by the tokenizer
                objs.add(f"{ch.doc[ch.i - 2].lower_}-{ch.lemma_.lower()}")
            for c in ch.children:
                if c.dep_ in ("compound", "amod"):
                    objs.add(c.lemma_.lower())
                elif c.dep_ == "prep" and c.lower_ in ("from", "out"):
                    # "moved staff from Baghdad": the source is the verb's, parsed on its object
                    prts.add(c.lower_)
                elif c.dep_ == "prep" and (c.lower_ == "of" or (c.lower_ == "in" and _amount(ch))):
                    # "700 kg of medicine", "a state of siege", "$10 million in emergency aid"
                    for g in c.children:
                        if g.dep_ == "pobj":
                            objs.add(g.lemma_.lower())
                            objs.update(x.lemma_.lower() for x in g.children if x.dep_ == "compound")
                            prts.update(
                                x.lower_ for x in g.children if x.dep_ == "prep" and x.lower_ == "from"
                            )
            for cj in ch.conjuncts:
                objs.add(cj.lemma_.lower())
    return prts, objs, pobjs


_LETTING = {"allow", "let", "permit"}
_TOPIC_PREPS = frozenset({"over"})  # "action over the cuts", "a row over pay": what it is about


def _time_phrase(prep: Any) -> bool:
    """A prepositional phrase that only gives a date or time ("on Monday", "in March")."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    # ("for the first time" is no entity)
    return bool(objs) and all(g.ent_type_ in ("DATE", "TIME") or g.lemma_.lower() == "time" for g in objs)


def _amount(tok: Any) -> bool:
    """A sum or quantity ("$10 million", "2,000 tonnes") whose "in ..." phrase names what it is of."""
    return tok.like_num or tok.pos_ == "NUM" or tok.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL")


def _match_verb(tok: Any, lex: _Lex) -> _Rule | None:
    rules = lex.verbs.get(tok.lemma_.lower())
    if not rules:
        return None
    prts, direct, pobjs = _objects(tok)
    # a phrasal verb the lexicon lists ("call off") is a word of its own: the bare verb's rows do not apply to it
    particles = {c.lower_ for c in tok.children if c.dep_ == "prt" and any(r.prt == c.lower_ for r in rules)}
    phrasal = bool(particles)
    for r in rules:  # most specific first
        if r.prt and r.prt not in prts and r.prt not in direct:
            continue
        if phrasal and r.prt not in particles:
            continue  # "called up volunteers for an offensive": the particle's rows, not "call for"
        objs = direct | pobjs.get(r.prt, set()) if r.prt else direct
        if r.prt in ("out", "away"):  # "pulled out of the treaty", "walked out of the talks"
            objs = objs | pobjs.get("of", set()) | pobjs.get("from", set())
        if r.objs == "+":
            if not objs:
                continue
        elif r.objs is not None and not (objs & r.objs):  # type: ignore[operator]
            continue
        if r.event == "RETREAT" and tok.lemma_.lower() in _TRAVEL_VERBS and (_travel(tok) or _causative(tok)):
            return None
        if r.event == "MOBILIZE" and r.objs is None and not _mobilizes_force(tok, lex):
            continue  # "mobilized pressure groups", "deployed observers": no armed force is moved
        return r
    return None


def _mobilizes_force(tok: Any, lex: _Lex) -> bool:
    """Whether what a generic MOBILIZE verb moves is an armed force or weapons (or left unsaid, or a number):
    the manual's MOBILIZE is military or police moves; "mobilized supporters" is no such move."""
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if not objs:
        return True
    obj = _partitive(objs[0])
    if obj.like_num or obj.pos_ in ("NUM", "PRON") or obj.ent_type_:
        return True
    words = {obj.lemma_.lower()} | {c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod")}
    if words & lex.force_words or _forces(obj):
        return True
    into_force = any(
        c.dep_ == "prep"
        and c.lower_ in ("into", "to")
        and any(_forces(g) for g in c.children if g.dep_ == "pobj")
        for c in tok.children
    )  # "drafted young men into the army": they become the force
    if _people_noun(obj) and not _criminal(obj) and not into_force and _code_sector(obj) != "UNK":
        # "mobilized lawyers / doctors / pressure groups": people of a civil role, no armed force (trained hackers,
        # gangs: an irregular force)
        return False
    lemma = obj.lemma_.lower()
    return not (lemma in _GROUP_NOUNS or lemma in _CIVIC_MASSES)  # (other people moved, e.g. trained hackers)


def _code_sector(tok: Any) -> str | None:
    from dateline.actors import code_actor

    return code_actor(tok.lemma_.lower()).sector


def _criminal(tok: Any) -> bool:
    return _code_sector(tok) == "CRM"


def _causative(tok: Any) -> bool:
    """ "it left the troops facing an uncertain future", "left thousands homeless": leaving someone in a state is no
    withdrawal. The state is a participle or adjective right after the object (spaCy hangs it in several places:
    on the verb, on the object, on the object's "of" phrase, or under a preposition of the verb)."""
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if not objs:
        # "left a dozen soldiers seriously injured", parsed as a small clause: a bare participle or adjective
        # with its own subject and no auxiliary
        return any(
            c.dep_ in ("ccomp", "xcomp") and c.tag_ in ("VBN", "JJ")
            and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            and not any(g.dep_ in ("aux", "auxpass", "dobj") for g in c.children)
            for c in tok.children
        )  # fmt: skip
    obj = objs[0]
    # ("left three officers badly wounded": the small model hangs the state participle as an adverbial clause)
    near = [
        c
        for c in tok.children
        if c.i > obj.i
        and c.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "advcl")
        and not (c.dep_ == "advcl" and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == ",")
    ]  # (", ending a six-year mission": a clause set off by a comma says what the leaving did, not a state)
    near += [
        g for c in tok.children if c.i > obj.i and c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp"
    ]
    inner = [
        g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
    ]  # "thousands of"
    near += [c for n in [obj, *inner] for c in n.children if c.i > n.i and c.dep_ in ("acl", "amod", "oprd")]
    # a participle with its own arguments modifies the object ("the base built by Saddam"); a bare one is a state
    return any(
        c.tag_ == "VBG" or (c.tag_ in ("VBN", "JJ") and all(g.dep_ in ("advmod", "neg") for g in c.children))
        for c in near
    )


def _travel(tok: Any) -> bool:
    """ "Mr Raab left London for Washington": a named person leaving a place is travelling, not retreating
    (PLOVER's RETREAT is forces or parties pulling out)."""
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    h = tok
    while not subj and h.dep_ in ("pcomp", "prep", "advcl", "xcomp") and h.head.i != h.i:
        h = h.head  # "Raab said before leaving London": the subject of the clause the phrase hangs on
        subj = [c for c in h.children if c.dep_ == "nsubj"]
    if not subj or not all(
        s.ent_type_ == "PERSON"
        or s.lower_ in ("he", "she")
        or (s.tag_ == "NN" and s.lemma_.lower() in _TRAVELLERS)
        for s in subj
    ):
        return False
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    return bool(objs) and all(o.ent_type_ in _PLACE_ENTS for o in objs)


def _match_noun(tok: Any, lex: _Lex) -> tuple[_Rule, int] | None:
    """Rule and first token index of the longest lexicon phrase ending at `tok`."""
    rules = lex.nouns.get(tok.lemma_.lower()) or lex.nouns.get(tok.lower_)
    if not rules:
        return None
    doc = tok.doc
    for r in rules:
        n = len(r.words)
        s = tok.i - n + 1
        if s < tok.sent.start:
            continue
        if all(doc[s + k].lemma_.lower() == w or doc[s + k].lower_ == w for k, w in enumerate(r.words[:-1])):
            if len(r.words) == 1 and r.words[0] in lex.senses:
                r = _sense(tok, r, lex.senses[r.words[0]])
            return r, s
    return None


def _sense(tok: Any, rule: _Rule, senses: list[tuple[_Rule, frozenset[str]]]) -> _Rule:
    """The reading of an ambiguous bare noun ("the strike": a walkout or an attack) with the most cue words in its
    sentence, else in its document; the lexicon's own row when no cue decides."""
    for span in (tok.sent, tok.doc):
        lemmas = [t.lemma_.lower() for t in span if t.i != tok.i]
        scores = [(sum(1 for w in lemmas if w in cues), r) for r, cues in senses]
        scores.sort(key=lambda x: -x[0])
        if scores and scores[0][0] > 0 and (len(scores) == 1 or scores[0][0] > scores[1][0]):
            return scores[0][1]
    return rule


def _phrase_head(first: int, tok: Any) -> Any:
    """The token of doc[first..tok] whose head lies outside it."""
    for t in tok.doc[first : tok.i + 1]:
        if not (first <= t.head.i <= tok.i) or t.head.i == t.i:
            return t
    return tok


def _nominal_anchor(head: Any, lex: _Lex, verb_trigs: set[int]) -> Any | None:
    """Where a nominal event stands in the clause, or None when it is only a mention (not reported as an event)."""
    h = head
    if h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.pos_ in ("NOUN", "NUM"):
        h = h.head.head  # "10 days of war games", "a wave of air strikes"
    if h.dep_ == "conj":
        h = h.head
        while h.dep_ == "conj":
            h = h.head
    dep = h.dep_
    if dep in ("dobj", "nsubjpass") and h.head.lemma_.lower() in lex.light and h.head.i not in verb_trigs:
        if any(c.dep_ == "oprd" for c in h.head.children):
            return None  # "called the detentions political": the event is named and judged, not held
        return h.head
    if dep in ("dobj", "nsubjpass") and h.head.i in verb_trigs:
        return head  # absorbed by the verb ("suspended aid deliveries"), may give it a mode
    if dep in ("nsubj", "ROOT") or h.head.i == h.i:
        return head
    if dep == "pobj" and h.head.lower_ == "in" and h.head.head.lemma_.lower() in _PARTAKE:
        return h.head.head  # "engaged in ethnic cleansing", "took part in a protest"
    if dep == "pobj" and h.head.lower_ == "for" and h.head.head.lemma_.lower() in _GATHERING | _PREPARING:
        return h.head.head  # "returned to Geneva for talks", "gathered in Brussels for a summit": the purpose
    if dep == "pobj" and h.head.dep_ == "prep" and h.head.head.i in verb_trigs:
        return head  # "killed in a bomb attack": absorbed by the verb, gives the mode
    if dep == "pobj" and h.head.lower_ in ("in", "during") and h.head.head.lemma_.lower() in _DYING:
        return head  # "nine soldiers died in an ambush": the attack is the event, the dead its recipients
    if (
        dep == "attr"
        and h.i > 0
        and h.doc[h.i - 1].lower_ in _STATE_PREPS
        and h.doc[h.i - 1].head.i == h.head.i
    ):
        return h.head  # "soldiers are on standby" parsed with the state noun as attribute of "are"
    if dep == "pobj" and h.head.dep_ == "prep":
        gov = h.head.head
        if h.head.lower_ in _STATE_PREPS and gov.lemma_.lower() in _STATE_VERBS:
            return gov  # "troops were placed on standby", "workers are on strike": the state's verb
        if h.head.lower_ == "in" and _is_verb(gov) and gov.lemma_.lower() in lex.reporting:
            return gov  # "in a phone call, X told Y", "told them to leave, in a warning"
    return None


def _hazard(h: Any, lex: _Lex) -> bool:
    """Whether a noun names a hazard of data/events/natural_causes.tsv: its lemma (or plural form) when the parser
    saw no name in it, or a sentence-initial capitalised word the small model tags as a name ("Wildfires
    destroyed"), or a named hazard ("Typhoon Haiyan", "Hurricane Ian", "Storm Daniel")."""
    if h.lemma_.lower() in lex.natural or h.lower_ in lex.natural or h.lower_[:-1] in lex.natural:
        if not h.ent_type_ or h.i == h.sent.start:
            return True
    if h.pos_ == "PROPN" or h.ent_type_:
        return any(c.dep_ == "compound" and c.lower_ in lex.natural for c in h.children)
    return False


def _natural_cause(tok: Any, lex: _Lex) -> bool:
    """Whether the verb's subject (or "by" agent) is a natural hazard, accident or disease, not an actor."""
    if tok.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE for c in tok.children):
        h = tok.head  # "a drought that has killed 30 people": the relative pronoun stands for the drought
        if _hazard(h, lex):
            return True
    for c in tok.children:
        heads = (
            [c]
            if c.dep_ == "nsubj"
            else [g for g in c.children if g.dep_ == "pobj"]
            if c.dep_ == "agent"
            else []
        )
        for h in heads:
            if _hazard(h, lex):
                return True
    if tok.lemma_.lower() in _DYING or any(c.dep_ == "auxpass" for c in tok.children):
        # "were killed in a stampede", "died in a crush among mourners": the accident is the cause, with no agent
        for c in tok.children:
            if c.dep_ == "agent":
                return False
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "during"):
                if any(
                    g.dep_ == "pobj" and not g.ent_type_ and g.lemma_.lower() in lex.natural
                    for g in c.children
                ):
                    return True
    return False


_DYING = {"die", "perish", "drown"}


def _died_in(tok: Any) -> Any | None:
    """The subject of "died in" an event noun ("nine soldiers died in an ambush" -> soldiers), else None."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("in", "during") or prep.head.lemma_.lower() not in _DYING:
        return None
    return next((c for c in prep.head.children if c.dep_ == "nsubj"), None)


# words that set an event apart from one already told ("in a separate attack", "another raid"): never merged
_ANOTHER = {"separate", "another", "second", "third", "fresh", "further", "different"}


def _set_apart(tok: Any) -> bool:
    """An event noun called another one ("a separate attack", "another raid")."""
    return tok.pos_ == "NOUN" and any(
        c.dep_ in ("amod", "det") and c.lower_ in _ANOTHER for c in tok.children
    )


def _distinct(sent: Any, event: str, lex: _Lex) -> bool:
    """Whether the sentence calls its event of this type another one ("died in a separate attack")."""
    for tok in sent:
        if tok.lower_ == "elsewhere" and tok.dep_ == "advmod" and _is_verb(tok.head):
            return True  # "Elsewhere in Mali, a roadside bomb killed four": another event than the one before
        if tok.lower_ in _ANOTHER and tok.dep_ in ("amod", "det") and tok.head.pos_ == "NOUN":
            m = _match_noun(tok.head, lex)
            if m is not None and m[0].event == event:
                return True
    return False


def _natural_target(tok: Any, lex: _Lex) -> bool:
    """Whether what the verb attacks is a hazard, disease or social ill (data/events/natural_causes.tsv)."""
    for c in tok.children:
        heads = [c] if c.dep_ == "dobj" else []
        if c.dep_ == "prep" and c.lower_ in ("against", "off"):
            heads = [g for g in c.children if g.dep_ == "pobj"]
        if any(_hazard(h, lex) for h in heads):
            return True
    return False


def _by_subject(tok: Any, lex: _Lex) -> _Rule | None:
    """A rule of data/events/subject_verbs.tsv whose subjects include tok's subject ("crowds gathered")."""
    rules = lex.by_subject.get(tok.lemma_.lower())
    if not rules:
        return None
    subj, _ = _subject(tok)  # (a passive's subject here is its "by" agent)
    if subj is None:
        return None
    who = {_partitive(s).lemma_.lower() for s in [subj, *subj.conjuncts]}  # "backed by tanks and artillery"
    return next((r for subjects, r in rules if who & subjects), None)


def _measure_subject(tok: Any, lex: _Lex) -> bool:
    """Whether the subject of a forceful verb is a sanction, law or other measure ("the measures, which target
    insurers", "the ban hits exporters"): an abstract measure restricts, it never attacks or coerces by force."""
    subj, passive = _subject(tok)
    if subj is None and passive:  # "insurers targeted by the new sanctions"
        agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        subj = agents[0] if agents else None
    return subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() in lex.measures


_WARNING = {"warn", "caution"}


def _idle_warning(tok: Any, lex: _Lex) -> bool:
    """ "X warned that ..." is a threat only when the warned-of clause names a reprisal or a use of force or
    pressure (manual, THREATEN: "warned of consequences", "warned that Iraq would face sanctions"); a warning of a
    danger or a notice ("warned that helicopters would be flying") threatens no one."""
    if tok.lemma_.lower() not in _WARNING:
        return False
    clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return False
    for w in clause.subtree:
        lemma = w.lemma_.lower()
        if lemma in lex.reprisal:
            return False
        r = _match_verb(w, lex) if _is_verb(w) else None
        if (
            r is not None
            and r.event in _THREAT_EVENTS | {"MOBILIZE", "THREATEN"}
            and not _natural_cause(w, lex)
        ):
            return False  # ("warned that rising sea levels threaten the islands": a hazard threatens no one)
    return True


_CARRIED = {"fly", "travel"}  # visit verbs that, in the passive, say people were carried somewhere


def _passive(tok: Any) -> bool:
    """A passive verb, or a participle sharing the passive of the verb it is coordinated with ("were released
    and flown to Bamako")."""
    if any(c.dep_ == "auxpass" for c in tok.children):
        return True
    return (
        tok.tag_ == "VBN"
        and tok.dep_ == "conj"
        and not any(c.dep_ in ("aux", "nsubj") for c in tok.children)
        and any(c.dep_ == "auxpass" for c in tok.head.children)
    )


def _find_triggers(sent: Any, lex: _Lex) -> list[_Trig]:
    trigs: list[_Trig] = []
    verb_idx: set[int] = set()
    for tok in sent:
        # "Israeli-occupied", "rebel-held": a modifier, not an event (but "denied [moving] troops" is a gerund)
        if _is_verb(tok) and (tok.dep_ not in ("amod", "compound") or _gerund_as_modifier(tok)):
            r = _by_subject(tok, lex) or _match_verb(tok, lex)
            if r is not None and _natural_cause(tok, lex):
                r = None  # "the storm killed 12 people": no one acted
            if r is not None and r.event in ("ASSAULT", "COERCE") and _measure_subject(tok, lex):
                r = _Rule("SANCTION", None, "16")  # "measures that target insurers": no measure assaults
            if r is not None and r.event == "THREATEN" and _idle_warning(tok, lex):
                r = None  # "warned that the region could be drawn into war": a danger foreseen, no threat
            if r is not None and r.event in ("ASSAULT", "COERCE") and _natural_target(tok, lex):
                r = None  # "fight the epidemic", "battle the wildfires", "curb inflation": no one is attacked
            if r is not None and any(a.lower_ == "according" for a in list(tok.ancestors)[:4]):
                r = None  # "according to figures shared by officials": who says so, not an event
            if r is not None and r.mode == "visit" and tok.lemma_.lower() in _CARRIED and _passive(tok):
                r = None  # "the hostages were flown to Bamako": carried there, no one visits
            if r is not None and r.event != "NONE":  # NONE: a row saying this use is no event
                end = tok.idx + len(tok)
                for ch in tok.children:
                    if ch.dep_ == "prt" and ch.i == tok.i + 1:
                        end = ch.idx + len(ch)
                trigs.append(_Trig(tok, tok, r, tok.idx, end, r.mode))
                verb_idx.add(tok.i)
    for tok in sent:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i in verb_idx or tok.ent_type_ in ("DATE", "TIME"):
            continue  # ("since March": a month, not a march)
        m = _match_noun(tok, lex)
        if m is None:
            continue
        r, first = m
        if r.event == "NONE":
            continue  # a reading that is no event ("demand for electric vehicles slowed": market demand)
        if _year_named(tok) and _phrase_head(first, tok).dep_ not in ("nsubj", "nsubjpass", "ROOT"):
            # "the ringleader of the 2015 Paris attacks": a past event naming someone, not reported. (As a subject,
            # "The 2008 war with Georgia lasted five days" is kept, a historical event: factuality dev set.)
            continue
        if tok.lemma_.lower() in lex.force_nouns and not _of_force(tok, lex):
            continue  # "the arrival of refugees": no force moved
        head = _phrase_head(first, tok)
        if head.dep_ == "compound" and head.head.lemma_.lower() in _GENERIC_HEADS:
            head = head.head  # "a mediation effort", "a bombing campaign"
        anchor = _nominal_anchor(head, lex, verb_idx)
        if anchor is None:
            continue
        doc = tok.doc
        start = min(anchor.idx, doc[first].idx)
        trigs.append(_Trig(head, anchor, r, start, tok.idx + len(tok), r.mode, nominal=True))
    if any(t.rule.event in _PLAY_EVENTS and not t.nominal for t in trigs) and _sports_report(sent, lex):
        trigs = [t for t in trigs if t.rule.event not in _PLAY_EVENTS or t.nominal]
    return _preparations(_exercise_types(trigs))


_PLAY_EVENTS = {"ASSAULT", "COERCE", "THREATEN"}


def _sports_report(sent: Any, lex: _Lex) -> bool:
    """A sports report ("beat Dortmund 2-0 in the final", "crushed Ghana in the qualifier"): a sports word (class
    `sport` of data/events/classes.tsv, not inside an organisation's name such as "Arab League") and no word of
    real harm (class `harm`: "fans were killed", "police fired tear gas"). Its force verbs are play."""
    sport = False
    for t in sent:
        lemma = t.lemma_.lower()
        if lemma in lex.harm:
            return False
        if not sport and lemma in lex.sport and t.pos_ in ("NOUN", "PROPN") and t.ent_type_ != "ORG":
            sport = True
    return sport


def _is_year(t: Any) -> bool:
    return len(t.text) == 4 and t.text.isdigit() and t.text[:2] in ("19", "20")


def _year_named(tok: Any) -> bool:
    """An event noun named by its year ("the 2003 invasion", "the 2015 Paris attacks"): a reference to a past
    event (background, history), not the report of one."""
    for c in tok.children:
        if c.dep_ in ("nummod", "compound", "amod", "nmod", "npadvmod") and _is_year(c):
            return True
        if c.dep_ == "compound" and any(_is_year(g) for g in c.children if g.dep_ in ("nummod", "compound")):
            return True
    return False


def _moved_force(noun: Any, tok: Any, lex: _Lex) -> bool:
    """Whether tok lies in the "of" phrase of a move noun that names the force moved."""
    if not _of_force(noun, lex):
        return False
    return any(
        tok.i in {x.i for x in c.subtree} for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
    )


def _of_force(tok: Any, lex: _Lex) -> bool:
    """Whether the noun's "of" phrase names an armed force or weapons ("the arrival of the carrier group")."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj":
                    g = _partitive(g)
                    words = {g.lemma_.lower()} | {
                        x.lemma_.lower() for x in g.children if x.dep_ in ("compound", "amod")
                    }
                    if words & lex.force_words or _forces(g):
                        return True
    return False


_EXERCISES = {"exercise", "drill", "maneuver", "manoeuvre", "game", "wargame", "patrol"}
_STATE_NOUNS = {"country", "nation", "state", "government", "side", "ally", "partner", "power", "member",
                "neighbour", "neighbor", "alliance", "coalition", "bloc"}  # fmt: skip
_JOINT = {"joint", "combined", "bilateral", "trilateral", "multinational", "multilateral", "allied"}


def _joint(ex: Any, anchor: Any) -> bool:
    """Whether a military exercise is held by more than one party: "joint drills", "drills with Japan",
    "France and Egypt held", "French and Egyptian warships held"."""
    if any(c.lemma_.lower() in _JOINT for c in ex.doc[ex.left_edge.i : ex.i]):
        return True  # "joint drills", "joint naval training exercises"
    for h in (ex, anchor):
        for c in h.children:
            if (
                c.dep_ == "prep"
                and c.lower_ in ("with", "alongside")
                and any(g.dep_ == "pobj" for g in c.children)
            ):
                return True
    for subj in (c for c in anchor.children if c.dep_ in ("nsubj", "agent")):
        if subj.tag_ == "NNS" and any(m.lower_ in ("two", "three", "both") for m in subj.children):
            return True  # "the two navies", "both countries"
        if subj.conjuncts or any(
            m.conjuncts for m in subj.children if m.dep_ in ("amod", "compound", "nmod")
        ):
            return True
    return False


def _exercise_types(trigs: list[_Trig]) -> list[_Trig]:
    """PLOVER manual (MOBILIZE): joint military exercises are COOPERATE, single-country ones MOBILIZE. An exercise
    held by a common noun that names no armed force ("fire crews held a drill") is no military event."""
    out = []
    for t in trigs:
        out.append(t)
        if t.rule.event not in ("MOBILIZE", "COOPERATE"):
            continue
        if t.nominal:
            ex = t.tok if t.tok.lemma_.lower() in _EXERCISES else None
        elif t.tok.lemma_.lower() in _lex().light or t.tok.lemma_.lower() == "conduct":
            # a verb that only says the exercise took place ("conducted drills"), not one that is an event of
            # its own ("coordinated their patrols")
            ex = next((c for c in t.anchor.children if c.dep_ in ("dobj", "nsubjpass")
                       and c.lemma_.lower() in _EXERCISES), None)  # fmt: skip
        else:
            ex = None
        if ex is None:
            continue
        subj = next((c for c in t.anchor.children if c.dep_ == "nsubj"), None)
        if (
            subj is not None and subj.pos_ == "NOUN" and not subj.ent_type_ and not _forces(subj)
            and subj.lemma_.lower() not in _STATE_NOUNS
        ):  # fmt: skip
            if not any(m.ent_type_ in ("GPE", "NORP", "ORG") for m in subj.children):
                out.pop()
                continue
        want = "COOPERATE" if _joint(ex, t.anchor) else "MOBILIZE"
        if want != t.rule.event:
            mode = "troops" if want == "MOBILIZE" else None
            t.rule = _Rule(want, mode, _CAMEO_ROOT[want], t.rule.prt, t.rule.objs, t.rule.words)
            t.mode = mode
    return out


# verbs of coming together, whose "for" phrase names what the parties came for
_GATHERING = {
    "go",
    "come",
    "return",
    "travel",
    "arrive",
    "fly",
    "head",
    "gather",
    "convene",
    "assemble",
    "sit",
}
_MANDATIVE = {"insist", "demand", "urge", "ask", "request", "require", "recommend", "propose"}


def _subjunctive(v: Any) -> bool:
    """A mandative subjunctive clause: "(insisted) that the vote be postponed", "(demanded) that he resign" (a bare
    verb or bare "be" with a subject and no other auxiliary)."""
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    if not any(c.dep_ in _SUBJ for c in v.children):
        return False
    if not auxes:
        return v.tag_ == "VB"
    return all(c.lower_ == "be" for c in auxes)


_PREPARING = {"prepare", "gear", "ready", "brace", "poise"}


def _preparations(trigs: list[_Trig]) -> list[_Trig]:
    """ "The army prepared to resume shelling": readying force short of using it is MOBILIZE (manual: military
    posturing that falls short of the actual use of force); the preparing verb becomes the trigger (asserted)."""
    taken = {t.anchor.i for t in trigs}
    for t in trigs:
        if t.rule.event != "ASSAULT":
            continue
        cur = t.anchor
        for k in range(4):
            if k and (cur.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "prep") or cur.head.i == cur.i):
                break
            cur = cur.head if k else cur  # the anchor itself first ("preparing for an offensive")
            if (
                cur.lemma_.lower() in _PREPARING
                and _is_verb(cur)
                and (cur.i not in taken or cur.i == t.anchor.i)
            ):
                t.rule = _Rule("MOBILIZE", "troops", "15")
                t.mode, t.tok, t.anchor, t.nominal = "troops", cur, cur, False
                t.start, t.end = cur.idx, cur.idx + len(cur)
                break
    return trigs


def _request_frames(sent: Any, lex: _Lex, trigs: list[_Trig]) -> list[_Trig]:
    """ "X said Y must/should do Z" is X's REQUEST to Y (PLOVER: demands, including those stated as obligations).

    The reporting verb becomes the trigger; the obliged clause's own trigger is embedded in it (absorbed)."""
    have = {t.anchor.i for t in trigs}
    out = list(trigs)
    for tok in sent:
        if tok.dep_ != "ccomp" or not _is_verb(tok) or tok.head.i in have:
            continue
        rep = tok.head
        if (
            rep.lemma_.lower() not in lex.reporting
            and rep.lemma_.lower() not in _CONCLUDE
            and rep.lemma_.lower() not in _MANDATIVE
        ):
            continue
        obliged = any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in tok.children)
        if not (obliged or (rep.lemma_.lower() in _MANDATIVE and _subjunctive(tok))):
            continue
        if not any(c.dep_ in _SUBJ for c in rep.children) or not any(c.dep_ in _SUBJ for c in tok.children):
            continue
        if any(c.lower_ in ("we", "i") for c in tok.children if c.dep_ == "nsubj"):
            continue  # "we must act": a statement of the speaker's own intent, not a demand on someone
        rule = _Rule("REQUEST", None, "10")
        out.append(_Trig(rep, rep, rule, rep.idx, rep.idx + len(rep), None))
        have.add(rep.i)
    return out


def _drop_background(trigs: list[_Trig]) -> list[_Trig]:
    """Drop events told in a subordinate "after/as/when/because..." clause of a sentence that reports another event.

    PLOVER codes the sentence's main event; the subordinate one is background (and is usually reported on its own
    elsewhere in the article)."""
    if len(trigs) < 2:
        return trigs
    if any(
        t.rule.event == "ASSAULT" and _realis(t.anchor) and not _time_clause(t.anchor) for t in trigs
    ) and any(t.rule.event == "MOBILIZE" for t in trigs):
        # manual, MOBILIZE: "if a document reports a MOBILIZE event in the context of an ASSAULT, only the ASSAULT
        # should be coded" ("units were activated and returned fire", "men armed with machetes hacked ...")
        trigs = [t for t in trigs if t.rule.event != "MOBILIZE"]
    # "is sending 3,000 soldiers, hours after a drone strike killed the general": a deployment answering an attack
    # reports both (the attack is news of its own; it is no part of the deployment)
    occasions = {
        t.anchor.i
        for t in trigs
        if t.rule.event == "ASSAULT" and _realis(t.anchor) and _time_clause(t.anchor)
    }
    if not any(t.rule.event == "MOBILIZE" for t in trigs):
        occasions = set()
    crackdown = any(t.rule.event in ("COERCE", "ASSAULT") and not _time_clause(t.anchor) for t in trigs)
    kept, dropped = [], []
    for t in trigs:
        cur, background = t.anchor, False
        if _cause_of_other(t, trigs):
            dropped.append(t)
            continue
        for _ in range(6):
            if cur.head.i == cur.i:
                break
            if _pluperfect_relative(cur):
                background = True  # "the aid workers, who had been held for a year": an earlier state
                break
            if (
                cur.i == t.anchor.i
                and cur.dep_ == "acl"
                and cur.tag_ == "VBN"
                and t.rule.event in ("COERCE", "ASSAULT")
                and any(
                    o.rule.event in _FREEING and o.anchor.i in {a.i for a in cur.head.ancestors}
                    for o in trigs
                )
            ):
                background = True  # "soldiers held in Mali since July were set free": describes the freed
                break
            if cur.dep_ in ("advcl", "pcomp", "pobj") and any(
                c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS for c in cur.children
            ):
                # "aid workers held since March were freed" misparsed as "since [March were freed]": a date is
                # no clause's subject, so the clause is the sentence's own predicate, not background
                background = not _own_clause(cur, trigs) and not _date_subject(cur)
                break
            if cur.dep_ == "pobj" and cur.head.lower_ in ("after", "following", "amid", "since", "despite"):
                background = True
                break
            if _alleged_of(cur):
                background = True  # "handed over two men suspected of bombing a bus": the men's description
                break
            if cur.dep_ == "pcomp" and cur.head.lower_ in ("after", "following", "since", "before"):
                background = True
                break
            cur = cur.head
        if background and _POLICY.get("keep_dated", 0.0) and _dated(t.anchor):
            background = False  # a dated subordinate event is reported as news of its own
        if background and t.anchor.i in occasions:
            background = False
        if background and t.rule.event in _CROWD_EVENTS and _counted_subject(t.anchor) and crackdown:
            # "arrested 30 after tens of thousands protested": a counted crowd that force answered is news of its
            # own, like the attack a deployment answers (but "voted to expel X after thousands protested": PLOVER
            # codes the main event only)
            background = False
        (dropped if background else kept).append(t)
    # a background event is kept when every main-clause event lies inside its own clause: then no event of the
    # main clause is told ("non-essential staff were relocated to Taji, the base where the contingent trains ...")
    main = [k for k in kept if not any(_within(k.anchor, d.anchor) for d in dropped)]
    if not main:
        return trigs
    return kept or trigs


_TIME_PREPS = {"after", "following", "before", "since", "until", "amid", "during"}


def _time_clause(anchor: Any) -> bool:
    """Whether the event word sits in an "after/since/when ..." clause or phrase ("is sending 3,000 soldiers, hours
    after a drone strike killed ...": the strike is the deployment's occasion, not its context)."""
    cur = anchor
    for _ in range(6):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in ("pobj", "pcomp") and cur.head.lower_ in _TIME_PREPS:
            return True
        if cur.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS for c in cur.children
        ):
            return True
        cur = cur.head
    return False


_CROWD_EVENTS = {"PROTEST"}
_CROWD_WORDS = {"thousands", "hundreds", "dozens", "tens", "scores", "millions"}


def _counted_subject(v: Any) -> bool:
    """Whether a clause's subject is a counted crowd: "tens of thousands protested", "5,000 people marched"."""
    for c in v.children:
        if c.dep_ == "nsubj" and (
            c.lower_ in _CROWD_WORDS or c.like_num or any(n.dep_ == "nummod" for n in c.children)
        ):
            return True
    return False


def _date_subject(clause: Any) -> bool:
    """Whether a clause's subject is a date ("since [March] were freed"): a misparsed "since" phrase."""
    return any(c.dep_ == "mark" and c.lower_ == "since" for c in clause.children) and any(
        c.dep_ == "nsubjpass" and c.ent_type_ in ("DATE", "TIME") for c in clause.children
    )


def _dated(anchor: Any) -> bool:
    """A clause with a date of its own ("after tens of thousands protested on Sunday"): an event told as news,
    not only as background."""
    for c in anchor.children:
        if c.ent_type_ == "DATE" and c.dep_ in ("npadvmod", "tmod", "advmod"):
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ in ("on", "in", "at")
            and any(g.dep_ == "pobj" and g.ent_type_ == "DATE" for g in c.children)
        ):
            return True
    return False


_SUSPECTING = {"suspect", "accuse", "charge", "convict", "indict", "blame"}


def _alleged_of(tok: Any) -> bool:
    """tok is the act of "[men] suspected/accused/convicted of <tok>", a participle that describes a noun."""
    p = tok.head
    if tok.dep_ not in ("pcomp", "pobj") or p.lower_ not in ("of", "for", "with") or p.head.i == p.i:
        return False
    v = p.head
    if v.dep_ == "pobj" and v.head.dep_ == "agent":
        v = v.head.head  # "suspected by police of bombing": the parser hangs "of" on the agent
    return v.lemma_.lower() in _SUSPECTING and v.dep_ in ("acl", "relcl") and v.tag_ == "VBN"


_TIME_LINKS = {"come", "follow", "happen", "occur", "precede"}  # "The strikes came a day after ..."


def _own_clause(clause: Any, trigs: list[_Trig]) -> bool:
    """A subordinate clause that tells the sentence's news: the main clause only places an event already told in
    time ("The strikes came a day after negotiators held talks and agreed to ..."), the clause has its own subject.
    Elsewhere an "after/as/when" clause is background (PLOVER codes the main event)."""
    if clause.head.lemma_.lower() not in _TIME_LINKS or clause.head.i == clause.i:
        return False
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.pos_ != "PRON" and subj.lower_ not in _RELATIVE


def _depth(tok: Any) -> int:
    """Edges from tok up to its sentence root, counting a conjunct as standing where its head stands."""
    n, cur = 0, tok
    while cur.head.i != cur.i:
        if cur.dep_ != "conj":
            n += 1
        cur = cur.head
    return n


def _main_events(trigs: list[_Trig]) -> list[_Trig]:
    """Of triggers of several types, those of the sentence's main clause (least deep; coordinated ones count as
    equally deep): PLOVER codes the event a sentence reports, not every event it mentions."""
    if len({t.rule.event for t in trigs}) < 2:
        return trigs
    depth = [_depth(t.anchor) for t in trigs]
    low = min(depth)
    return [t for t, d in zip(trigs, depth, strict=True) if d == low]


_PROMISING = {"promise", "pledge", "vow"}
_DENYING = {"deny", "reject", "dismiss", "refute"}
_CLAIMS = {"claim", "allegation", "report", "accusation", "charge", "suggestion", "rumour", "rumor"}


_BACKING_OFF = {"suspend", "shelve", "drop", "abandon", "scrap", "postpone", "halt", "freeze", "withdraw",
                "cancel", "delay", "defer", "reverse", "rescind", "revoke", "lift", "end", "retract"}  # fmt: skip
_PLANS = {
    "plan",
    "decision",
    "proposal",
    "bill",
    "measure",
    "order",
    "decree",
    "move",
    "threat",
    "policy",
    "law",
}


def _backs_off(outer: _Trig, t: _Trig) -> bool:
    """Whether outer gives up the forceful measure t through a plan-like noun: "suspended plans to impose
    curfews", "scrapped a decision to expel the envoy"."""
    if t.rule.event not in _FORCE_EVENTS | {"SANCTION", "MOBILIZE", "THREATEN"} or outer.nominal:
        return False
    if outer.tok.lemma_.lower() not in _BACKING_OFF:
        return False
    cur = t.anchor
    for _ in range(3):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in _PLANS and cur.pos_ == "NOUN":
            return cur.dep_ in ("dobj", "nsubjpass") and cur.head.i == outer.tok.i
    return False


def _stance_over(outer: _Trig, t: _Trig) -> bool:
    """Whether outer only states a stance on the event t: a promise or vow of it ("pledged to send troops"), or
    the denial of a claim that it happened ("rejected claims that troops had looted")."""
    lemma = outer.tok.lemma_.lower()
    if lemma in _PROMISING and outer.rule.event == "AGREE":
        return t.anchor.dep_ == "xcomp" and t.anchor.head.i == outer.tok.i
    if lemma in _DENYING and outer.rule.event == "REJECT":
        cur = t.anchor
        for _ in range(3):  # "rejected [claims] that it had bombed": through the claim noun
            if cur.head.i == cur.i or cur.head.i == outer.tok.i:
                break
            cur = cur.head
            if cur.lemma_.lower() in _CLAIMS and cur.pos_ == "NOUN":
                return cur.head.i == outer.tok.i
    return False


_CAUSING = {
    "prompt",
    "spark",
    "trigger",
    "cause",
    "force",
    "lead",
    "push",
    "drive",
    "provoke",
    "compel",
    "fuel",
}


def _cause_of_other(t: _Trig, trigs: list[_Trig]) -> bool:
    """A nominal event named as the cause of the sentence's event ("the bombing prompted Kenya to close its
    border", "the arrest sparked protests"): background to the event it caused."""
    if not t.nominal or t.tok.dep_ != "nsubj" or t.tok.head.lemma_.lower() not in _CAUSING:
        return False
    verb = t.tok.head
    return any(u is not t and u.anchor.i != verb.i and _within(u.anchor, verb) for u in trigs)


def _nonrestrictive(tok: Any) -> bool:
    """A passive relative clause set off by a comma ("Soleimani, who was killed in a strike"): what was done to
    the person named is reported as a fact of its own. (Active ones, "Sharon, who has vowed not to ...", mostly
    describe the person and stay part of the main event.)"""
    first = tok.left_edge.i
    if tok.dep_ != "relcl" or first == 0 or tok.doc[first - 1].text not in (",", "(", "—", "–"):
        return False
    return any(c.dep_ == "nsubjpass" and c.lower_ in _RELATIVE for c in tok.children)


def _within(tok: Any, top: Any) -> bool:
    """Whether tok is top or lies in top's subtree."""
    return tok.i == top.i or any(a.i == top.i for a in tok.ancestors)


def _agentive_participle(tok: Any) -> bool:
    """A reduced passive relative that names who acted ("soldiers freed by Russia", "ships seized by Iran"):
    a report of an event of its own, not the content of the verb above it."""
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or not any(c.dep_ == "agent" for c in tok.children):
        return False
    # people acted on ("a channel disputed by ...", "a bill signed by ...": no event of their own)
    who = _partitive(tok.head)
    return who.lemma_.lower() in _lex().people or _people_noun(who)


def _finite(v: Any) -> bool:
    """A verb with tense of its own ("cooperated", "have cooperated", "will meet"), not an infinitive or participle
    phrase."""
    if v.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in v.children)


_HELP = {"help", "assist"}


def _helping(outer: _Trig, t: _Trig) -> bool:
    """ "help (to) do X" with no one named as helped: the event is X."""
    o = outer.tok
    if outer.rule.event != "AID" or outer.nominal or t.nominal or o.lemma_.lower() not in _HELP:
        return False
    if any(c.dep_ in ("dobj", "dative") for c in o.children):
        return False
    return t.anchor.head.i == o.i and t.anchor.dep_ in ("xcomp", "ccomp", "advcl")


_FREEING = {"RETREAT", "AID", "SUPPORT", "CONCEDE"}  # release, rescue, welcoming or pardoning someone held


def _realis(tok: Any) -> bool:
    """Whether a clause tells something that happened: no modal and no "if/unless" on the way to the root
    ("would deploy warships if shipping is attacked": the attack is a condition, not an event)."""
    cur = tok
    for _ in range(8):
        for c in cur.children:
            if (c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS) or (c.dep_ == "aux" and c.tag_ == "MD"):
                return False
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return True


def _pluperfect_relative(tok: Any) -> bool:
    """A relative clause in the pluperfect ("who had threatened to quit", "services that had been suspended")."""
    return tok.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in tok.children)


def _absorb(trigs: list[_Trig]) -> list[_Trig]:
    """Drop triggers embedded in another trigger's complement; the outer one may take their mode."""
    by_anchor: dict[int, _Trig] = {}
    for t in trigs:
        by_anchor.setdefault(t.anchor.i, t)
    kept = []
    via_adjunct: set[int] = set()  # triggers reached through an adverbial clause of a refusal
    for t in trigs:
        outer = None
        if by_anchor.get(t.anchor.i) is not t:
            outer = by_anchor[t.anchor.i]
        cur = t.anchor
        for _ in range(8):
            if outer is not None or cur.head.i == cur.i or _nonrestrictive(cur) or _agentive_participle(cur):
                break  # a ", who/which ..." clause, or "soldiers freed by Russia", asserts its own event
            if _pluperfect_relative(cur):
                break  # "partners who had threatened to quit": an earlier event of its own (background)
            child, cur = cur, cur.head
            if child.dep_ == "conj" and _finite(child) and not _finite(cur):
                break  # "agreed to share data and have since cooperated": a finite conjunct is a clause of its own
            u = by_anchor.get(cur.i)
            if u is None or u is t:
                continue
            if u.nominal and u.tok.i == cur.i and u.tok.lemma_.lower() in _CLAIMS and cur.head.i in by_anchor:
                continue  # "rejected allegations that X": the claim noun is the rejection's object, not X's frame
            if child.dep_ in _NOT_ABSORBING or child.dep_ in ("nsubj", "csubj"):
                continue
            if (
                child.dep_ == "prep"
                and child.lower_ in _TIME_PREPS
                and _POLICY["keep_dated"]
                and _dated(t.anchor)
            ):
                continue  # "voted to expel troops after thousands protested on Sunday": a dated time adjunct
            if child.dep_ == "nsubjpass" and u.rule.event not in ("AGREE", "REJECT"):
                # a passive subject agreed to or rejected is the content of that stance ("a ceasefire was agreed",
                # "the demand was rejected": one event); one welcomed or ordered is an event of its own
                continue
            if (
                child.dep_ == "advcl"
                and child.i != t.anchor.i
                and u.rule.event == "REJECT"
                and u.tok.lemma_.lower() in _NEGATING
            ):  # "refused a request, saying they would discuss ...": the adjunct is no refused act
                via_adjunct.add(id(t))
            if child.dep_ == "advcl" and any(c.dep_ in _SUBJ for c in child.children):
                marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
                if not marks & _CONDITION_MARKS:
                    continue
            outer = u
        if outer is None:
            kept.append(t)
            continue
        if _helping(outer, t):
            # "mobilized groups to help support the rights of ...": helping to do something is doing it (AID is
            # help given to someone: "helped Iraq rebuild", "help the victims")
            outer.rule, outer.mode, outer.tok, outer.anchor = t.rule, t.mode, t.tok, t.anchor
            outer.start, outer.end = t.start, t.end
            continue
        directed = outer.tok.lemma_.lower() in _DIRECTING and not t.nominal
        if directed and (outer.rule.event == "MOBILIZE" or t.rule.event == "MOBILIZE"):
            # "ordered troops to withdraw / to fire on": the ordered action is the event, not a deployment
            outer.rule, outer.mode, outer.tok = t.rule, t.mode, t.tok
            outer.start, outer.end = t.start, t.end
            continue
        if (
            outer.rule.event == "REJECT"
            and outer.tok.lemma_.lower() in _NEGATING
            and not t.nominal
            and id(t) not in via_adjunct
        ):
            # "refused to release", "ruled out sending troops": the refused event, factuality negated
            outer.rule = t.rule
            outer.mode = t.mode
            outer.tok = t.tok
            outer.start, outer.end = t.start, t.end
            continue
        if _backs_off(outer, t):
            # "suspended plans to impose a curfew", "dropped the bill to ban the party": giving up a forceful
            # measure is a concession (manual, CONCEDE: easing restrictions, declarations of ceasefires)
            outer.rule, outer.mode = _Rule("CONCEDE", None, "08"), None
            continue
        if not t.nominal and id(t) not in via_adjunct and _stance_over(outer, t):
            # "promised to send aid", "rejected claims that it had bombed": the event is the promised or denied
            # one; its factuality (future, denied) carries the stance, and PLOVER's single-category convention
            # (AGREE, THREATEN, REJECT) is applied from it where the records are scored
            outer.rule, outer.mode, outer.tok, outer.anchor = t.rule, t.mode, t.tok, t.anchor
            outer.start, outer.end = t.start, t.end
            continue
        if outer.mode is None:
            if outer.rule.event == t.rule.event:
                outer.mode = t.mode
            elif outer.rule.event == "THREATEN":
                outer.mode = _EVENT_THREATEN_MODE.get(t.rule.event)
    return kept


# --------------------------------------------------------------------------- arguments


def _span_of(h: Any) -> tuple[int, int]:
    """Character span of a noun phrase headed by h, without clauses, appositions and coordinated heads."""
    lo, hi = h.i, h.i
    stack = [h]
    while stack:
        t = stack.pop()
        for ch in t.children:
            if ch.dep_ in _ACTOR_DROP and not (ch.dep_ == "prep" and ch.lower_ == "of" and t.i == h.i):
                continue
            if ch.dep_ == "punct":
                continue
            lo, hi = min(lo, ch.i), max(hi, ch.i)
            stack.append(ch)
    doc = h.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _nationals(tok: Any) -> bool:
    """A plural demonym ("Greeks", "Georgians") that the actor lexicons code as a country."""
    from dateline.actors import code_actor

    return tok.tag_ == "NNPS" and code_actor(tok.text).kind == "country"


def _country_after(tok: Any, res: _Resolver) -> str | None:
    """The country a place name is said to be in ("Novo Selo, in Bulgaria", "the X range in Bulgaria")."""
    holders = [tok, tok.head] if tok.dep_ in ("compound", "amod", "nmod") else [tok]
    for h in holders:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "in" and c.i > tok.i:
                for g in c.children:
                    if g.dep_ == "pobj" and g.ent_type_ == "GPE":
                        m = res.resolve(*_span_of(g))
                        if m.kind == "country" and m.name and m.name.lower() in m.text.lower():
                            return m.country  # a country named as such, not a town coded by its country
    return None


def _in_label(tok: Any) -> bool:
    """Whether tok lies in a line label opening its sentence: a transcript speaker ("REPORTER (Odesa): ...") or a
    wire dateline ("KYIV, June 20 (Wire) - ..."). A label names who speaks or where the story was filed, never who
    acts in it."""
    sent = tok.sent
    first = sent[0]
    if tok.i - sent.start > 12 or not (first.is_upper and first.is_alpha and len(first) >= 3):
        return False
    dated = len(sent) > 1 and sent[1].text == ","
    for t in sent[1:14]:
        if t.text.endswith(":") or (dated and t.text in _DASHES):
            return tok.i < t.i
    return False


def _actors_of(h: Any, res: _Resolver, stop: int = -1) -> list[Actor]:
    """Actors named by the phrase headed by h (one per coordinated head); stop: the event's own verb, which the
    phrase never takes in ("crowds [gathered in Batumi]" parsed as a noun with its clause)."""
    out: list[Actor] = []
    heads: list[Any] = []  # the head of each actor in out
    lex = _lex()
    if h.lower_ in _RELATIVE and h.head.dep_ == "relcl" and h.head.head.i != h.head.i:
        h = h.head.head  # "Soleimani, who was blown up by a US drone": Soleimani
    # (a head that is itself a conjunct, as `_stranded_subject` gives, takes only the conjuncts after it)
    for head in [h, *(c for c in h.conjuncts if h.dep_ != "conj" or c.i > h.i)]:
        if head.pos_ not in _ACTOR_POS and head.ent_type_ == "":
            continue
        if len(head.text) == 1 and head.dep_ == "conj":
            continue  # "SPLM/A" split by the tokenizer: the letter is no second actor
        if _in_label(head):
            continue
        who = _partitive(head)  # "thousands of [protesters]"
        lemma = who.lemma_.lower()
        # a time, nobody, or an act or weapon nobody is named for: no actor ("Wednesday's missile strikes")
        if _non_actor_words().get(lemma) in ("time", "none"):
            continue
        if who.ent_type_ in _TIME_ENTS and not (who.pos_ == "PROPN" and _nationals(who)):
            continue  # ("thousands of Greeks" tagged a DATE by the recogniser: still the Greeks)
        thing = who.pos_ == "NOUN" and not who.ent_type_ and not _actor_like(who, lex)
        if thing and (lemma in lex.nouns or _non_actor_words().get(lemma) == "thing"):
            continue
        s, e = _span_of(head)
        other = [c for c in head.children if c.dep_ == "poss" and c.ent_type_ in ("GPE", "NORP", "ORG")]
        keep_out = stop
        if head.lemma_.lower() in _RELATIONS and other:
            # "Israel's militia ally in southern Lebanon": the possessor is the other side, not the group's country
            s = head.doc[max(x.i for x in other[0].subtree) + 1].idx
            keep_out = other[0].i
        held = head.head if head.dep_ in ("npadvmod", "compound", "nmod") and head.head.i != head.i else None
        if held is not None and held.lemma_.lower() in _HOLDING and held.dep_ == "amod":
            # "Albanian rebel-held territory": the holder and the nationality the held noun gives it
            named = [m for m in held.head.children if m.dep_ in ("amod", "compound") and m.i < head.i
                     and m.ent_type_ in ("NORP", "GPE")]  # fmt: skip
            if named:
                s = min(s, _entity_of(named[0]).start_char)
        for c in head.children:  # "accused the opposition [of inciting violence]": the charge is no part
            charge = c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pcomp" for g in c.children)
            if charge and c.i > head.i:
                prev = head.doc[c.i - 1]
                e = min(e, prev.idx + len(prev))
        ent = _entity_of(head)
        if ent is not None and ent.label_ in _ACTOR_ENTS:
            s, e = min(s, ent.start_char), max(e, ent.end_char)  # "National Union for the ... of Angola"
            cut = res.text.find("(", s, e)
            if cut > s and res.text.find(")", cut, e) < 0:  # "The Homeland Union (Conservatives": unclosed
                e = len(res.text[s:cut].rstrip()) + s
        a = res.resolve(s, e)
        # "Hungarian and Romanian officials": one actor per coordinated nationality
        mods = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod") and c.conjuncts]
        if mods and any(m.ent_type_ in ("NORP", "GPE") for m in [mods[0], *mods[0].conjuncts]):
            countries: list[str | None] = []
            for m in [mods[0], *mods[0].conjuncts]:
                c = res.resolve(m.idx, m.idx + len(m)).country or a.country
                if c not in countries:  # "Kurdish and Sunni members": two groups of one country, one actor
                    countries.append(c)
            for c in countries:
                out.append(
                    Actor(text=a.text, start=s, end=e, name=a.name, country=c, sector=a.sector, kind=a.kind)
                )
                heads.append(head)
            continue
        keeper = _keeper(head) if a.kind == "described" and not _says_country(a.text) else None
        if keeper is not None:  # "Britain has 400 troops in Iraq": the troops are Britain's, not Iraq's
            k = res.resolve(*_span_of(keeper))
            a = Actor(text=a.text, start=a.start, end=a.end, name=a.name, country=k.country or a.country,
                      sector=a.sector, kind=a.kind)  # fmt: skip
        elif head.pos_ != "PRON" and (not a.country or (a.kind == "described" and not _says_country(a.text))):
            # a named modifier beats the story's country ("activists from Fatah")
            a = _widen(head, a, res, keep_out)
        if a.kind == "country" and a.sector == "GOV" and _as_place(head):
            # a capital coded as its government, but named as a place ("a curfew in Algiers", "shelled Juba"):
            # the people there (PLOVER/GSR practice), not the government
            a = Actor(text=a.text, start=a.start, end=a.end, name=a.name, country=a.country, sector="CVL",
                      kind=a.kind)  # fmt: skip
        if a.kind == "country" and a.country and not (a.name and a.name.lower() in a.text.lower()):
            # "the Novo Selo range in Bulgaria": a town name found in several countries
            named = _country_after(head, res)
            if named and named != a.country:
                a = Actor(text=a.text, start=a.start, end=a.end, name=a.name, country=named, sector=a.sector,
                          kind=a.kind)  # fmt: skip
        weapon = who.pos_ == "NOUN" and _non_actor_words().get(lemma) == "thing"  # owned, but by whom?
        if (thing or weapon) and not (a.sector or a.country or a.name):
            continue  # "the number", "a direct challenge": a noun the actor lexicons do not know as anyone
        out.append(a)
        heads.append(head)
    return _shared_head(out, heads)


def _shared_head(out: list[Actor], heads: list[Any]) -> list[Actor]:
    """ "Sierra Leonean and Liberian refugees", parsed as two conjuncts: the bare nationality shares the noun of
    the other conjunct (its sector) when that noun carries a nationality of its own."""
    nouns = [
        a.sector
        for a, h in zip(out, heads, strict=True)
        if a.sector
        and h.pos_ == "NOUN"
        and any(c.dep_ == "amod" and c.ent_type_ == "NORP" for c in h.children)
    ]
    if not nouns:
        return out
    return [
        replace(a, sector=nouns[0])
        if not a.sector and a.country and h.pos_ in ("PROPN", "ADJ") and h.ent_type_ != "GPE" and h.dep_ != "ROOT"
        and any(c.pos_ == "NOUN" for c in h.conjuncts)
        else a
        for a, h in zip(out, heads, strict=True)
    ]  # fmt: skip


_TIME_ENTS = ("DATE", "TIME", "CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL")
_PLACE_PREPS = ("in", "at", "near", "into", "inside", "across", "around", "throughout", "within")
_ADJUNCT_PREPS = ("following", "after", "before", "during", "amid", "since", "until", "despite", "because", "like")  # fmt: skip
_FORCE_EVENTS = {"ASSAULT", "COERCE", "PROTEST"}


def _as_place(tok: Any) -> bool:
    """Whether a city is named as a place: after a locative preposition, or hit by a forceful verb."""
    if tok.dep_ == "pobj":
        return tok.head.lower_ in _PLACE_PREPS
    if tok.dep_ == "dobj" and _is_verb(tok.head):
        rules = _lex().verbs.get(tok.head.lemma_.lower(), [])
        return bool(rules) and all(r.event in _FORCE_EVENTS for r in rules)
    return False


def _says_country(text: str) -> bool:
    """Whether a mention names its country in its own words (not from the story's context)."""
    from dateline.actors import code_actor

    return code_actor(text).country is not None


def _speaker(v: Any, lex: _Lex) -> Any | None:
    """The subject of the reporting verb that governs clause v ("X said (that) he would..."), when it names one."""
    cur = v
    for _ in range(4):
        plan = cur.head.lemma_.lower() in _PLANS and cur.head.dep_ in ("attr", "dobj", "nsubj")
        if cur.dep_ == "acl" and plan:
            # "insisted there was no decision to leave": the decision's clause is the reported one
            cur = cur.head
            continue
        if cur.dep_ not in ("ccomp", "xcomp", "conj", "acomp", "attr") or cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.lemma_.lower() in lex.reporting or cur.lemma_.lower() in _CONCLUDE:
            subj, _ = _subject(cur)
            if subj is not None and subj.pos_ != "PRON":
                return subj
            return None
    return None


_PERSONAL = ("he", "she", "it", "they", "we", "i")
_PLURAL_PRONS = {"they", "them"}
_NEUTER_PRONS = {"it"}
_PERSON_PRONS = {"he", "she"}
_PLACE_LABELS = ("GPE", "LOC", "FAC")


def _agrees(tok: Any, pron: str, lex: _Lex) -> bool:
    """Whether tok can be the antecedent of a third-person pronoun: number, and a who (not a place or thing)."""
    if tok.pos_ not in ("NOUN", "PROPN") or not _actor_like(tok, lex):
        return False
    if pron in _PLURAL_PRONS:
        return tok.ent_type_ not in _PLACE_LABELS and (tok.tag_ in ("NNS", "NNPS") or bool(tok.conjuncts))
    if pron in _PERSON_PRONS:  # "he", "she": one person, named or by office ("its foreign minister")
        return (tok.ent_type_ == "PERSON" or (not tok.ent_type_ and tok.lemma_.lower() in lex.people)) and (
            tok.tag_ in ("NN", "NNP")
        )
    # "it": one body or state, not a person
    return tok.tag_ in ("NN", "NNP") and tok.ent_type_ != "PERSON" and not tok.conjuncts


def _self_passive(v: Any) -> bool:
    """An agentless passive whose subject is a state or body ("Vietnam is committed to ..."): said of itself."""
    return any(c.dep_ == "nsubjpass" and c.ent_type_ in ("GPE", "ORG", "NORP") for c in v.children)


def _antecedent(pron: Any, lex: _Lex) -> Any | None:
    """A "they"/"it" subject's antecedent in its own sentence, up the parse from the pronoun's clause: the noun a
    relative clause hangs from ("troops in Iraq, where they train ..."), else the subject or object of a governing
    clause ("the coalition said it was pausing ..."). Written here because the small spaCy model has no coreference."""
    low = pron.lower_
    if low not in _PLURAL_PRONS | _NEUTER_PRONS | _PERSON_PRONS:
        return None
    cur = pron
    while not (_is_verb(cur) or cur.pos_ == "AUX") and cur.head.i != cur.i:
        cur = cur.head  # from "them" in "most of them" up to its clause's verb
    for _ in range(8):
        if cur.head.i == cur.i:
            return None
        nxt = cur.head
        if nxt.pos_ in ("NOUN", "PROPN") and _agrees(nxt, low, lex):
            return nxt
        if _is_verb(nxt) or nxt.pos_ == "AUX":
            for dep in ("nsubj", "dobj"):
                for c in nxt.children:
                    if c.dep_ == dep and c.i != cur.i and _agrees(c, low, lex):
                        return c
        cur = nxt
    return None


_KEEPING = {"have", "keep", "maintain", "station", "base", "deploy", "send", "dispatch", "post"}


def _keeper(head: Any) -> Any | None:
    """The state whose forces these are, by the clause: "the US has / keeps / deployed [troops]" -> the US."""
    if head.dep_ != "dobj" or head.head.lemma_.lower() not in _KEEPING or not _forces(head):
        return None
    subj = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.ent_type_ not in ("GPE", "ORG"):
        return None
    return subj


def _widen(head: Any, a: Actor, res: _Resolver, stop: int = -1) -> Actor:
    """An actor the resolver could not place, placed by a named modifier: "Rebels in the Ivory Coast",
    "activists from the Fatah Party", "Quatar's emir, Sheikh Hamad". The span grows to cover the words used."""
    queue = [
        c
        for c in head.children
        if c.dep_ in ("prep", "appos", "poss", "acl", "compound", "amod", "nmod") and c.i != stop
    ]
    for _ in range(12):
        if not queue:
            break
        tok = queue.pop(0)
        if tok.dep_ == "prep" and tok.lower_ not in ("in", "of", "from", "with", "for", "at"):
            continue
        if tok.ent_type_ in _ACTOR_ENTS:
            root = _entity_root(tok)
            s, e = _span_of(root)
            m = res.resolve(s, e)
            if m.country and (m.kind not in ("described", "unknown") or _says_country(m.text)):
                # (a people placed only by the sentence, "Shia", says nothing the head lacks: look further)
                sector = a.sector
                owner = root.head
                if (
                    root.dep_ in ("amod", "compound", "poss", "nmod")
                    and owner.i != head.i
                    and owner.i != root.i
                ):
                    # the name modifies another noun: the span takes that whole phrase ("Police in the Turkish
                    # city of Sivas", "Sidhoum, Algeria's leading rights activist"), whose role may give the sector
                    s, e = min(s, _span_of(owner)[0]), max(e, _span_of(owner)[1])
                    sector = sector or (
                        res.resolve(*_span_of(owner)).sector if owner.dep_ == "appos" else None
                    )
                lo, hi = min(a.start, s), max(a.end, e)
                # a person's or body's name is the actor's ("Quatar's emir, Sheikh Hamad"); a place's is not
                named = m.kind == "person" or (m.kind == "organisation" and tok.ent_type_ == "ORG")
                name = a.name or (m.name if named else None)
                return Actor(text=res.text[lo:hi], start=lo, end=hi, name=name, country=m.country,
                             sector=sector or m.sector, kind=a.kind)  # fmt: skip
        queue += [c for c in tok.children if c.dep_ in ("pobj", "prep", "compound", "amod", "acl", "poss")]
    return a


_DASHES = {"-", "--", "\u2013", "\u2014"}


def _subjects_first(v: Any) -> list[Any]:
    """v's children, a subject that is only the line's label (a wire dateline, a transcript speaker: see _in_label)
    moved last: "ISTANBUL, June 18 (Wire) - Russian delegations met" is parsed with two subjects."""
    kids = list(v.children)
    subj = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subj) > 1 and _in_label(subj[0]) and not _in_label(subj[1]):
        kids.remove(subj[0])
        kids.append(subj[0])
    return kids


def _past_time(h: Any) -> Any:
    """The antecedent of a relative clause misattached to a time phrase ("the measures announced the same day,
    which target insurers"): the noun the time phrase's verb is about; else h itself."""
    if not (h.ent_type_ in ("DATE", "TIME") or _non_actor_words().get(h.lemma_.lower()) == "time"):
        return h
    v = h.head.head if h.dep_ == "pobj" else h.head  # "unveiled on Monday, which ..."
    if v.i == h.i or not _is_verb(v):
        return h
    if v.dep_ in ("acl", "relcl") and v.head.i != v.i:
        return v.head  # "the measures announced the same day, which ...": the measures
    return next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), h)


def _subject(v: Any) -> tuple[Any | None, bool]:
    """The subject head of verb v (inherited through xcomp/conj chains) and whether v is passive."""
    cur = v
    via_xcomp = False
    if _gerund_as_modifier(v):
        cur = v.head.head  # "Minsk denied moving troops": the subject of "denied"
    for _ in range(4):
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in cur.children)
        for c in cur.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g, True
        for c in _subjects_first(cur):
            if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and cur.lemma_.lower() in _PARTAKE_PASSIVE):
                # "Serb forces were engaged in ethnic cleansing": a stative passive, its subject acts
                if c.lower_ in _RELATIVE and cur.dep_ == "relcl" and cur.head.i != cur.i:
                    return _past_time(cur.head), False  # "NATO, which suspended its mission": NATO
                return c, False
        if passive and via_xcomp and cur.lemma_.lower() in _RAISING:
            # "the ministry is understood to be preparing to move staff": the raised subject acts
            for c in cur.children:
                if c.dep_ == "nsubjpass":
                    return c, False
        if passive:
            return None, True
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.i != cur.head.i:
            cur = cur.head.head  # "X are guilty of violating ...": the subject of the adjective's verb
            if cur.dep_ == "acomp" and cur.head.i != cur.i:
                cur = cur.head
            continue
        if cur.dep_ in ("xcomp", "conj", "advcl", "acl") and cur.head.i != cur.i:
            if cur.dep_ == "advcl" and cur.head.lemma_.lower() in _lex().reporting:
                # "Iran fired missiles, the Pentagon said, striking two bases": the participle goes on with the
                # reported clause, whose subject acts
                told = [c for c in cur.head.children if c.dep_ == "ccomp" and c.i < cur.i]
                subj = [c for t in told for c in t.children if c.dep_ == "nsubj"]
                if subj:
                    return subj[0], False
            if cur.dep_ == "acl":
                h = cur.head
                active = any(g.dep_ == "dobj" for c in [cur, *cur.conjuncts] for g in c.children)
                if cur.i == v.i and cur.tag_ == "VBN" and h.dep_ != "ROOT" and not active:
                    # "the protesters detained last week": a reduced passive, whose noun is the one acted on (a
                    # noun parsed as the ROOT, or a participle with an object, is active: "US troops trained with
                    # Iraqi forces", "aid groups donated and delivered $50,000 of goods")
                    return None, True
                if h.dep_ == "dobj" and not h.ent_type_ and h.pos_ == "NOUN" and not _people_noun(h):
                    cur = h.head  # "the party issued a declaration demanding ...": the issuer demands
                    continue
                return h, False
            via_xcomp = cur.dep_ == "xcomp"
            cur = cur.head
            continue
        break
    return _stranded_subject(cur), False


def _stranded_subject(verb: Any) -> Any | None:
    """A subject the parser hung on a fronted phrase: "With the signing of a memorandum, the government and the
    rebels have agreed ..." (the parser makes "government" a conjunct of "memorandum"): the noun phrase between
    the fronted phrase's last comma and the verb group, when the verb has no subject of its own."""
    if verb.dep_ != "ROOT" or not any(c.dep_ == "prep" and c.i < verb.i for c in verb.children):
        return None
    first = min([verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i)],
                key=lambda t: t.i)  # fmt: skip
    before = verb.doc[first.i - 1] if first.i > verb.sent.start else None
    if before is None or before.dep_ not in ("conj", "appos") or before.pos_ not in ("NOUN", "PROPN"):
        return None
    comma = next((t for t in reversed(verb.doc[verb.sent.start : first.i]) if t.text == ","), None)
    if comma is None:
        return None
    top = before.head if before.dep_ == "conj" else before
    heads = [c for c in [top, *top.conjuncts] if c.i > comma.i and c.dep_ in ("conj", "appos")]
    return min(heads, key=lambda t: t.i) if heads else None


_ACTOR_ENTS = ("GPE", "NORP", "ORG", "PERSON")


def _actor_like(tok: Any, lex: _Lex) -> bool:
    """An argument that names who (a country, group, person, "civilians"), not what ("aid", "talks", "Tuesday")."""
    if tok.ent_type_ in _TIME_ENTS:
        return False
    lemma = tok.lemma_.lower()
    # "Wednesday's [strikes]", "killed nobody": a time or nobody at all
    kind = _non_actor_words().get(lemma)
    if kind in ("time", "none"):
        return False
    if tok.ent_type_ in _ACTOR_ENTS or tok.pos_ == "PRON" or lemma in lex.people:
        return True
    owned = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
    if any(c.ent_type_ in _ACTOR_ENTS for c in owned):
        return True  # "a US drone", "the Iranian regime", "Iran's top commander": the named owner acts
    if any(
        g.ent_type_ in _ACTOR_ENTS for c in owned for g in c.children if g.dep_ in ("npadvmod", "compound")
    ):
        return True  # "Saudi-led coalition jets", "Russian-backed forces": the leader or backer is named
    if tok.pos_ == "NOUN" and (lemma in lex.nouns or kind == "thing"):
        return False  # an event, act or weapon nobody is named for ("the vote", "two rockets", "missile strikes")
    placed = [
        g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "from", "at") for g in c.children
        if g.dep_ == "pobj"
    ]  # fmt: skip
    if any(g.ent_type_ in _ACTOR_ENTS for g in placed):
        return True  # "a facility in Erbil", "officials from Fatah"
    # a role or body the actor lexicon knows ("the military council", "lawmakers"), not a thing it was given
    # (a common noun the tagger took for a name, "a drug lord", counts as one)
    common = tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and not tok.ent_type_ and tok.is_lower)
    return common and lemma not in lex.object_words and _people_noun(tok)


@lru_cache(maxsize=1)
def _non_actor_words() -> dict[str, str]:
    """Head nouns that never name who acts, by class (time|none|thing): data/actors/non_actors.tsv."""
    path = _DATA.parent / "actors" / "non_actors.tsv"
    return {r[0]: r[1] for r in (ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines())
            if len(r) >= 2 and not r[0].startswith("#")}  # fmt: skip


def _proposer(tok: Any) -> Any | None:
    """The nationality/owner of an object like "a Senegalese peace plan", "a US offer"."""
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in _ACTOR_ENTS:
            return c
    return None


_PARTITIVE = {"dozen", "score", "hundred", "thousand", "million", "number", "handful", "couple", "some", "many",
               "most", "all", "several", "few", "group", "dozens", "scores", "hundreds", "thousands", "millions"}  # fmt: skip


def _partitive(tok: Any) -> Any:
    """The people a quantity names: "dozens of Congolese traders" -> traders (else tok itself)."""
    if tok.lemma_.lower() in _PARTITIVE or tok.pos_ == "NUM":
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
    return tok


def _venue(tok: Any, event: str) -> bool:
    """A place named as where an event happens, not as a party to it: the place ("Istanbul", "the Belarusian
    border") of a place preposition that hangs on a verb or an event noun ("talks in Istanbul", "exchanged ... at
    the border"); for talks and agreements any place preposition, for other events "at" alone."""
    if tok.dep_ in ("amod", "compound", "nmod") and tok.head.i != tok.i:
        tok = tok.head  # "the [Belarusian] border"
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in _PLACE_PREPS or prep.head.i == prep.i:
        return False
    if prep.lower_ != "at" and event not in _MEETINGS:
        return False
    host = prep.head
    if not (_is_verb(host) or host.lemma_.lower() in _lex().nouns):
        return False  # "the peacekeeping force in Lebanon": a modifier of who, not where
    return tok.ent_type_ in _PLACE_ENTS or _non_actor_words().get(tok.lemma_.lower()) == "place"


def _recipient_at(a: Any, skip: set[int], lex: _Lex, depth: int = 0, moved: bool = False,
                  venue_ok: bool = True) -> Any | None:  # fmt: skip
    passive = any(c.dep_ == "auxpass" for c in a.children)
    for c in a.children:
        if c.i in skip:
            continue
        if depth and c.dep_ == "dobj" and not c.ent_type_ and not moved and not venue_ok:
            continue  # "agreed to swap 390 prisoners": who is swapped is no party to the agreement
        dep, c = c.dep_, _partitive(c)
        if dep in ("dobj", "dative") or (
            passive and dep == "nsubjpass" and a.lemma_.lower() not in _PARTAKE_PASSIVE
        ):
            # what is sent/withdrawn/given ("250 soldiers") is not the recipient
            # (people acted on by a non-moving event are its recipients: "30 sailors were held")
            if not moved and not c.ent_type_ and (_forces(c) or c.lemma_.lower() in lex.people):
                return c  # (by the noun itself: an "army post" is a place, not people)
            holder = _holder(c)
            if holder is not None:
                return holder  # "shelled (Albanian) rebel-held towns": the rebels who hold them
            if (c.lemma_.lower() in lex.object_words or moved) and not c.ent_type_:
                if moved and (_destination(a, skip, lex) is not None or dep == "nsubjpass"):
                    continue  # "sent British troops to Mali": Mali; "French troops were deployed": not France
                p = _proposer(c)
                if p is not None:
                    if _people_noun(c) and not (moved and _forces(c)):
                        # "released 200 Indian fishermen", "charged a Rwandan doctor": the people
                        return _lift(p)
                    if not moved and p.ent_type_ == "NORP" and _group_phrase(c):
                        return c  # "bombed jihadist positions": the group's positions, the whole phrase
                    return p
                for g in c.children:  # "relations with Russia", "an appeal from President X"
                    if g.dep_ == "prep" and g.lower_ in ("with", "to", "against", "on", "from", "by"):
                        for x in g.children:
                            if x.dep_ == "pobj" and _actor_like(x, lex):
                                return x
                if not moved and _owner(c, lex) is not None:
                    return _owner(c, lex)  # "prevented the demonstration staged by students": the students
                if not moved and _people_noun(c):
                    return c  # "bombed jihadist positions", "fired on inmates": whose the target is
            elif _actor_like(c, lex):
                return _owner(c, lex) or c
            elif _owner(c, lex) is not None:
                # "a camp for Congolese refugees was attacked", "demanded the resignation of the council"
                return _owner(c, lex)
    for c in a.children:
        if c.dep_ == "prep" and c.lower_ in _RECIP_PREPS and not _fronted(c):
            for g in c.children:
                if (
                    g.dep_ == "pobj"
                    and g.i not in skip
                    and (_actor_like(g, lex) or (not moved and _people_noun(g)))
                ):
                    if not venue_ok and _venue(g, "RETREAT"):
                        continue  # "exchanged prisoners at the Belarusian border": where, not with whom
                    if _absolute_with(g):
                        continue
                    return _owner(g, lex) or g
    for c in a.children:  # "demanded that Hamas renounce...", "urged X to"
        if c.dep_ in ("ccomp", "xcomp"):
            for g in c.children:
                if g.dep_ == "nsubj" and g.lemma_.lower() not in ("it", "they", "we", "i", "he", "she"):
                    return g
    if depth < 2:  # "promised to continue military aid to Mozambique"
        for c in a.children:
            if c.dep_ in ("xcomp", "ccomp") and _is_verb(c):
                r = _recipient_at(c, skip, lex, depth + 1, moved, venue_ok)
                if r is not None:
                    return r
    return None


_HOLDING = {"hold", "held", "control", "controlled", "run", "occupy", "occupied", "dominate", "dominated"}


def _group_phrase(tok: Any) -> bool:
    """Whether a noun with its modifiers names a group's thing ("jihadist positions", "Islamist hideouts"): the
    actor lexicon gives the phrase a sector, which the modifier's country alone would lose."""
    from dateline.actors import code_actor

    mods = [m for m in tok.children if m.dep_ in ("amod", "compound") and m.i < tok.i]
    a = code_actor(" ".join(t.text for t in sorted([*mods, tok], key=lambda t: t.i)))
    return a.sector is not None and a.kind != "country"


def _holder(tok: Any) -> Any | None:
    """Who holds a place a "<people>-held" adjective names ("rebel-held towns", "Taliban-controlled areas")."""
    for m in tok.children:
        if m.dep_ == "amod" and m.lemma_.lower() in _HOLDING:
            for h in m.children:
                if (
                    h.dep_ in ("npadvmod", "compound", "nmod")
                    and h.i < m.i
                    and (h.ent_type_ or _people_noun(h))
                ):
                    return h
    return None


def _destination(a: Any, skip: set[int], lex: _Lex) -> Any | None:
    """Who a verb's prepositional complement names ("to Mali", "against the rebels")."""
    for c in a.children:
        if c.dep_ == "prep" and c.lower_ in _RECIP_PREPS:
            for g in c.children:
                if g.dep_ == "pobj" and g.i not in skip and _actor_like(g, lex):
                    return g
    return None


def _forces(tok: Any) -> bool:
    """Troops, police, fighters: what a mobilisation moves, never its recipient."""
    from dateline.actors import code_actor

    return code_actor(tok.lemma_.lower()).sector in ("MIL", "COP", "REB", "PRM", "UAF", "SPY")


def _withdrawn_from(a: Any) -> Any | None:
    """The place a withdrawal leaves: "moved staff from Baghdad to Taji" -> Baghdad (not the destination)."""
    heads = [a] + [c for c in a.children if c.dep_ in ("dobj", "nsubjpass")]
    heads += [
        g for p in a.children if p.lower_ in ("around", "about") for g in p.children if g.dep_ == "pobj"
    ]
    heads += [
        g for h in heads[1:] for p in h.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"
    ]
    for h in heads:
        for p in h.children:
            if p.dep_ == "prep" and p.lower_ == "from":
                for g in p.children:
                    if g.dep_ != "pobj":
                        continue
                    for x in [g, *g.conjuncts]:  # "from Taji and Baghdad": the first one tagged as a place
                        if x.ent_type_ in ("GPE", "LOC", "FAC"):
                            return x
    return None


def _condemned_act(t: _Trig, lex: _Lex) -> Any | None:
    """For an accusation whose object is an act ("condemned the attack on the embassy", "the killing of 30
    villagers"): who did it (the act's agent, "by the militia"), else nothing; its victims go to `t.victims`, so
    that they are not taken for whom the accusation is aimed at."""
    obj = next((c for c in t.anchor.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in lex.nouns or any(c.dep_ == "poss" for c in obj.children):
        return None
    for c in [obj, *(x for x in obj.children if x.dep_ == "acl")]:
        for p in c.children:
            if (p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ == "by")) and c.i <= p.i:
                g = next((g for g in p.children if g.dep_ == "pobj"), None)
                if g is not None and _actor_like(g, lex):
                    return g
    for p in obj.children:
        if p.dep_ == "prep" and p.lower_ in ("on", "of", "against"):
            t.victims |= {x.i for x in p.subtree}
    return None


def _recipient(t: _Trig, lex: _Lex) -> Any | None:
    a = t.anchor
    skip = {t.tok.i}
    if t.rule.event == "ACCUSE" and not t.nominal:
        agent = _condemned_act(t, lex)
        if agent is not None:
            return agent
        skip |= t.victims
    if t.rule.event == "RETREAT" and t.mode == "withdraw" and not t.nominal:
        src = _withdrawn_from(a)
        if src is not None:
            return src
    if t.nominal:
        for c in t.tok.children:
            if c.dep_ == "prep" and c.lower_ in ("against", "on", "with", "into", "of", "between"):
                for g in c.children:
                    if g.dep_ == "pobj" and _actor_like(g, lex):
                        if (
                            c.lower_ == "of"
                            and t.rule.event in _MOVED
                            and (_forces(_partitive(g)) or _of_force(t.tok, lex))
                        ):
                            continue  # "the deployment of 2,000 police officers", "the arrival of a carrier group"
                        return g
        if a.i == t.tok.i:
            return None
    reduced = a.dep_ == "acl" and a.tag_ == "VBN" and a.head.i != a.i and a.head.dep_ != "ROOT"
    released = t.rule.event == "RETREAT" and t.mode == "release"  # "soldiers freed by Russia": the soldiers
    if reduced and (t.rule.event not in _MOVED or released) and not t.nominal and _actor_like(a.head, lex):
        # "52 Americans held hostage", "protesters detained last week": the noun a reduced passive modifies
        return a.head
    if released and not t.nominal:  # "two aid workers were released", "freed 20 soldiers": the freed
        freed = next((c for c in a.children if c.dep_ in ("nsubjpass", "dobj")), None)
        if freed is not None and freed.lower_ not in _RELATIVE and _actor_like(_partitive(freed), lex):
            return _partitive(freed)
    if t.rule.event == "AID" and not t.nominal:
        # "trained Iraqi soldiers", "advise and train local forces": forces helped, not forces sent
        objs = [c for c in a.children if c.dep_ == "dobj"] or [
            g for c in a.children if c.dep_ == "conj" and _is_verb(c) for g in c.children if g.dep_ == "dobj"
        ]
        if objs and _forces(objs[0]):
            return objs[0]
        helped = _partitive(objs[0]) if objs else None
        if helped is not None and _people_noun(helped) and _destination(a, skip, lex) is None:
            return helped  # "rescued 40 migrants", "evacuated the wounded": people helped where they are, not sent
    got = _recipient_at(
        a, skip, lex, moved=t.rule.event in _MOVED, venue_ok=t.rule.event not in _VENUE_EVENTS
    )
    if got is None and t.rule.event == "THREATEN":
        got = _condition_party(a, lex)
    if got is not None and got.i in t.victims:
        return None  # "condemned the attack on the embassy": the embassy suffered it, it is not accused
    return got


def _condition_party(a: Any, lex: _Lex) -> Any | None:
    """ "Russia threatened to stop talks if the United States goes ahead": the side whose conduct is the condition."""
    for c in a.subtree:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
            subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ != "PRON" and _actor_like(subj, lex):
                return subj
    return None


def _in_purpose(tok: Any, t: _Trig) -> bool:
    """Whether tok lies inside an infinitival purpose clause of the trigger ("sent troops to protect Americans"),
    not in the complement that holds the trigger itself ("refused to deploy troops in Iraq")."""
    cur = tok
    while cur.i not in (t.anchor.i, t.tok.i) and cur.head.i != cur.i:
        if _purpose(cur):
            return True
        cur = cur.head
    return False


def _own_side(t: _Trig, rec: Any) -> bool:
    """A threat's "recipient" that is the subject of the warned-of clause and shares the actor's country is the
    actor's own side, the one that would act ("Trump warned that the US will strike ..."), not the one threatened."""
    if t.rule.event != "THREATEN" or rec.dep_ not in ("nsubj", "nsubjpass") or rec.head.i == t.anchor.i:
        return False
    own = {a.country for a in t.actors if a.country}
    return bool(own) and bool(t.recipients) and all(r.country in own for r in t.recipients)


# events whose place is a venue, never a party: talks held in Istanbul, prisoners exchanged at the border
_VENUE_EVENTS = {"CONSULT", "AGREE", "COOPERATE", "RETREAT", "CONCEDE", "SUPPORT"}
_MEETINGS = {"CONSULT", "AGREE", "SUPPORT"}
_SEARCH_SKIP = {"punct", "cc", "aux", "auxpass", "neg", "advmod", "mark", "conj", "advcl", "parataxis", "relcl",
                "appos", "det", "npadvmod", "nsubj", "nsubjpass", "csubj", "agent", "expl"}  # fmt: skip


def _entity_of(tok: Any) -> Any | None:
    if not tok.ent_type_:  # outside every entity (and no need to build the sentence's entity list)
        return None
    doc = tok.doc
    start = tok.i  # the entity's own IOB tags: walk back to its first token, then on to its last
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    from spacy.tokens import Span

    return Span(doc, start, end, label=tok.ent_type_)


def _entity_root(tok: Any) -> Any:
    ent = _entity_of(tok)
    return ent.root if ent is not None else tok


def _owner(tok: Any, lex: _Lex) -> Any | None:
    """Who an act-noun argument comes from: "demands from UNITA", "calls by Belarus's rulers", "a camp for
    Congolese refugees", "pressure by the Commission" -> that actor (None when tok itself names people)."""
    if tok.ent_type_ in _ACTOR_ENTS or tok.pos_ == "PRON" or tok.lemma_.lower() in lex.people:
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of", "for"):
            for g in c.children:
                if g.dep_ == "pobj" and _actor_like(g, lex) and g.ent_type_ not in ("GPE", "LOC", "FAC"):
                    return _lift(g) if g.ent_type_ == "NORP" else g
    if tok.lemma_.lower() in lex.nouns:  # an act: "the demonstration [staged by students]" -> the students
        for c in tok.children:
            if c.dep_ == "acl" and c.tag_ == "VBN":
                for g in (g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"):
                    if _actor_like(g, lex) or _people_noun(g):
                        return _lift(g) if g.ent_type_ == "NORP" else g
    return None


# what a political actor rallies rather than deploys ("mobilized supporters / resources"): not MOBILIZE
_CIVIC_MASSES = {"supporter", "voter", "crowd", "public", "base", "resource", "fund", "support", "opinion",
                 "constituency", "electorate", "follower", "member", "activist", "lobby", "money"}  # fmt: skip
# collective nouns that name a group of people without being a role ("Palestinian factions")
# nouns naming a relation to another party: a possessor names that party, not the group ("Israel's ally")
_RELATIONS = {"ally", "partner", "rival", "enemy", "foe", "opponent", "proxy", "adversary", "client"}
_GROUP_NOUNS = {"group", "faction", "community", "minority", "majority", "population", "side", "camp", "delegation",
                "leadership", "regime", "team", "crew", "unit", "elder", "administrator", "partner", "ally", "counterpart",
                "movement", "organization", "organisation", "coalition", "alliance", "network"}  # fmt: skip


def _people_noun(tok: Any) -> bool:
    """A noun naming people or an institution ("extremists", "authorities", "factions"), not a thing or act."""
    from dateline.actors import code_actor

    lemma = tok.lemma_.lower()
    if lemma in _GROUP_NOUNS or lemma.rstrip("s") in _GROUP_NOUNS:
        return True
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i and not c.ent_type_]
    words = " ".join(t.lower_ for t in sorted([*mods, tok], key=lambda t: t.i))  # "military council"
    return code_actor(words).sector is not None


def _lift(tok: Any) -> Any:
    """A nationality or country that modifies a people noun stands for the group the noun names: "Croatian
    [extremists]", "Serbian [authorities]", "Belarus's [rulers]" -> the noun, so the span covers the group."""
    if tok.ent_type_ not in ("NORP", "GPE", "ORG"):
        return tok
    root = _entity_root(tok)
    h = root.head
    if root.dep_ in ("amod", "compound", "poss", "nmod") and h.i != root.i and h.pos_ in ("NOUN", "PROPN"):
        if not h.ent_type_ and (_people_noun(h) or (h.pos_ == "PROPN" and root.dep_ == "compound")):
            # the second: a name cut short by the tagger ("[Sierra] Leonean") is the whole name
            return h
    return root


def _purpose(tok: Any) -> bool:
    """An infinitival purpose clause ("opened the bridge to allow deliveries to Afghanistan")."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _fills(current: list[Actor], alt: Any, got: list[Actor]) -> bool:
    """Whether a search hit only places the recipients already found rather than replacing them: they name people
    or a body (a sector) without a country, and the hit is a word of their own phrase ("Kurdish [militant
    positions]") or a place ("a drug lord in Sinaloa"), not another party ("demands from UNITA")."""
    if not current or not all(r.sector and not r.country for r in current):
        return False
    if any(r.start <= alt.idx < r.end for r in current):
        return True
    ent = _entity_of(alt)
    return ent is not None and ent.label_ != "NORP" and all(g.kind == "country" for g in got)


def _fronted(c: Any) -> bool:
    """A phrase set before the clause by a comma ("After two days of talks in Geneva, ..."): its circumstance."""
    # (the parser may hang the clause's subject on the phrase: any comma before the verb closes it)
    return (
        c.dep_ == "prep"
        and c.i == c.sent.start
        and c.i < c.head.i
        and any(t.text == "," for t in c.doc[c.i : c.head.i])
    )


def _recipient_search(t: _Trig, taken: set[int]) -> Any | None:
    """Backoff: the nearest named actor (country, group, person) among the trigger's complements and their
    modifiers ("conceded to demands from UNITA", "lifted a curfew in Montenegro", "shared evidence with the U.S.").
    Breadth-first over the parse, nearest first; never the anchor's subject side or a date/number. Taken words (the
    trigger, the actor) are walked through but never returned; prepositions do not count as a step."""
    roots = [t.anchor] + ([t.tok] if t.nominal and t.tok.i != t.anchor.i else [])
    queue = [
        (c, 1, 0)
        for r in roots
        for c in r.children
        if (c.dep_ not in _SEARCH_SKIP or _purpose(c)) and not _fronted(c)
    ]
    seen: set[int] = set()
    # tier 0: a complement; 1: named as a place ("protested in Brasilia"); 2: inside an adjunct of time or cause
    # ("following the discovery of Russian rockets"). The nearest of the lowest tier wins.
    found: dict[int, Any] = {}
    while queue:
        tok, depth, tier = queue.pop(0)
        if tok.i in seen:
            continue
        seen.add(tok.i)
        if (tok.ent_type_ in _ACTOR_ENTS or _coded_place(tok)) and tok.i not in taken:
            root = _entity_root(tok)
            if tier >= 1 and t.rule.event in _VENUE_EVENTS and _venue(tok, t.rule.event):
                pass  # "talks in Istanbul": the venue hosts the talks, it does not take part in them
            elif tok.ent_type_ == "LOC" and _non_actor_words().get(root.lemma_.lower()) == "place":
                pass  # "seized a ship in the Red Sea": a sea or a river is where, never who
            elif tok.ent_type_ in _SITE_ENTS and (site := _site(tok, t.rule.event)):
                if site == 1:  # a town beside no one else (see `_site`), or the body it modifies
                    found.setdefault(3, _body_at(root) or _lift(root))
            elif root.i not in taken:
                if tier == 0:
                    return _lift(root)
                found.setdefault(tier, _lift(root))
        if tok.lower_ == "according":
            continue
        if tok.dep_ == "prep" and tok.lower_ in _PLACE_PREPS:
            tier = max(tier, 1)
        elif tok.dep_ == "prep" and tok.lower_ in _ADJUNCT_PREPS:
            tier = 2
        step = 0 if tok.dep_ in ("prep", "agent") else 1
        kids = [
            c
            for c in tok.children
            if (c.dep_ not in _SEARCH_SKIP or c.dep_ in ("nsubj", "nsubjpass", "csubj") or _purpose(c))
            and not _absolute_with(c)
        ]
        # past the limit, only a named modifier of the last word ("of [Palestinian] factions")
        if depth + step > 4:
            kids = [c for c in kids if c.dep_ in ("amod", "compound", "poss", "nmod") and c.ent_type_]
        queue += [(c, depth + step, tier) for c in kids]
    return found[min(found)] if found else None


_SITE_PREPS = {*_PLACE_PREPS, "outside", "off", "over"}
_SITE_ENTS = (*_PLACE_ENTS, "ORG")


def _site(tok: Any, event: str) -> int:
    """A town, base or site named as where the event happens ("no one was killed at Al Asad or Erbil", "sent
    planners to Baghdad"): 2 when it is only the event's location (a deployment's destination or staging place,
    a base or unknown site "at" which something happened), 1 when a person or body beside it should win over it
    but it may stand for its people when nothing else is named (the manual's "a curfew in Algiers"), 0 when it is
    no site: a country or territory by name stays a party ("strengthened its forces in Lebanon"), and so does a
    capital outside a place phrase ("sanctions on Moscow", "Tehran said")."""
    ent = _entity_of(tok)
    if ent is None or ent.label_ not in _SITE_ENTS:
        return 0
    root = ent.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "at Al Asad or Erbil": the second place shares the first one's preposition
    prep = root.head
    if root.dep_ != "pobj" or prep.head.i == prep.i:
        return 0
    word = prep.lower_
    if word not in _SITE_PREPS and not (word in ("to", "into") and event == "MOBILIZE"):
        return 0
    from dateline.actors import code_actor

    a = code_actor(ent.text)
    if a.name is not None and a.kind == "country":
        return 0  # a country or territory by name
    # a body, unless the tagger took a town ("at Erbil") or an unknown site ("at Al Asad") for one
    town = a.kind == "country" and a.name is None
    if ent.label_ == "ORG" and not (word == "at" and a.country is None and a.sector is None) and not town:
        return 0
    if event == "MOBILIZE" or (word == "at" and (ent.label_ == "FAC" or a.country is None)):
        return 2
    return 1 if a.sector in (None, "GOV", "CVL") or ent.label_ == "FAC" else 0


def _body_at(place: Any) -> Any | None:
    """The body or group a place phrase modifies ("the offices of the electoral commission in Bangui" -> the
    commission; "students at a university in Kano" -> the students): it, not the town, is the party."""
    prep = place.head
    if place.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.i == prep.i:
        return None
    h = prep.head
    for _ in range(3):  # up through "the offices of [the commission]"
        if h.pos_ not in ("NOUN", "PROPN") or h.ent_type_ in _PLACE_ENTS:
            return None
        if _people_noun(h):
            return h
        if h.dep_ != "pobj" or h.head.lower_ != "of" or h.head.head.i == h.head.i:
            return None
        h = h.head.head
    return None


def _sent_ones(u: _Trig, t: _Trig) -> bool:
    """Whether t's actors are what u's reduced passive describes ("marines [sent by the Pentagon] arrived"): one
    move told twice, whose actor is the sender, not the forces moved."""
    h = u.anchor.head
    return (
        u.anchor.dep_ == "acl" and u.anchor.tag_ == "VBN" and any(a.start <= h.idx < a.end for a in t.actors)
    )


def _placed(actors: list[Actor], res: _Resolver) -> bool:
    """Whether every one of the actors is a place named as such (a town, a capital): weaker than a person or body."""
    for a in actors:
        if a.kind == "person" or a.sector not in (None, "GOV", "CVL") or (a.kind == "country" and a.name):
            return False  # (a country by name is a party: "lodged a protest with Albania")
        ent = _entity_of(res.token_at(a.start)) if res.token_at(a.start) is not None else None
        if ent is None or ent.label_ not in _PLACE_ENTS or ent.start_char != a.start:
            return False
    return bool(actors)


def _absolute_with(tok: Any) -> bool:
    """The subject of a "with X acting as host / mediating" phrase: a third party beside the event, not its
    recipient."""
    v = tok.head
    if tok.dep_ == "pobj" and v.lower_ == "with":  # parsed "with [Qatar [mediating]]"
        return any(c.dep_ == "acl" and c.tag_ == "VBG" and c.i > tok.i for c in tok.children)
    return tok.dep_ == "nsubj" and v.dep_ == "pcomp" and v.head.lower_ == "with" and v.tag_ == "VBG"


def _coded_place(tok: Any) -> bool:
    """A LOC/FAC entity the actor lexicons place in a country ("a curfew in Algiers" when Algiers is tagged LOC)."""
    if tok.ent_type_ not in ("LOC", "FAC"):
        return False
    from dateline.actors import code_actor

    ent = _entity_of(tok)
    return ent is not None and code_actor(ent.text).country is not None


def _passive_actor(t: _Trig, lex: _Lex) -> Any | None:
    """Who acts in an agentless passive, when the clause still names them: "was killed in a US drone strike" (the
    strike's owner), "British staff were relocated" / "Dutch troops were deployed" (the moved forces' country)."""
    a = t.anchor
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in a.children):
        return None
    for c in a.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "by"):
            for g in c.children:
                if g.dep_ == "pobj" and _match_noun(g, lex) is not None:
                    owner = _proposer(g)
                    if owner is not None and owner.ent_type_ in ("NORP", "GPE"):
                        return owner
    if t.rule.event in _MOVED and t.rule.event != "AID" and t.mode != "release":
        # (not "two Spanish aid workers were released": whom a release frees did not act)
        for c in a.children:
            if c.dep_ == "nsubjpass":
                moved = _partitive(c)
                owner = _proposer(moved)
                if (
                    owner is not None
                    and owner.ent_type_ in ("NORP", "GPE")
                    and (_forces(moved) or _people_noun(moved) or moved.lemma_.lower() in lex.people)
                    and _says_country(owner.text)  # (not "Extra marines" the tagger took for a nationality)
                ):
                    return owner
    return None


def _cut_before(a: Actor, tok: Any, res: _Resolver) -> Actor:
    """The actor's span cut before `tok` when it runs over it ("the 52 Americans [held hostage in Tehran]")."""
    if not (a.start < tok.idx < a.end):
        return a
    end = a.start + len(res.text[a.start : tok.idx].rstrip())
    return replace(a, text=res.text[a.start : end], end=end)


_HELD_STATES = {"hostage", "captive", "prisoner"}  # bare state nouns: "held hostage", "taken prisoner"
_HOLDING = {"hold", "keep", "take", "seize"}


def _state_patient(a: Any) -> Any | None:
    """Who a verb leaves or holds in a state, when the parse makes them its subject: "52 Americans held hostage"
    (a reduced relative the small model reads as an active verb with "hostage" as object), "the aid workers held
    captive", "soldiers [left] seriously injured" (a bare participle with a subject and no auxiliary)."""
    kids = list(a.children)
    state = [
        c for c in kids
        if c.dep_ in ("dobj", "oprd", "attr", "acomp") and c.lemma_.lower() in _HELD_STATES and c.tag_ in ("NN", "JJ")
        and a.lemma_.lower() in _HOLDING and not any(g.dep_ in ("det", "nummod", "amod", "poss") for g in c.children)
    ]  # fmt: skip
    if a.lemma_.lower() == "come" and any(c.dep_ == "prep" and c.lower_ == "under" for c in kids):
        return next((c for c in kids if c.dep_ == "nsubj"), None)  # "the convoy came under fire": the target
    if state:
        if any(c.dep_ == "dobj" and c.lemma_.lower() not in _HELD_STATES for c in kids):
            return None  # "rebels held 14 aid workers hostage": the workers are the object already
        named = [g for g in state[0].children if g.dep_ == "compound" and g.pos_ in ("NOUN", "PROPN")]
        if named:
            return named[0]  # "held four engineers hostage", parsed as one noun phrase
    elif not (
        a.tag_ == "VBN"
        and a.dep_ in ("ccomp", "xcomp")
        and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in kids)
    ):
        return None
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None:
        return subj
    if state and a.dep_ in ("advcl", "acl", "relcl", "ccomp", "conj") and a.i > 0:
        prev = a.doc[a.i - 1]  # "the 52 Americans held hostage": the noun the reduced relative follows
        if prev.pos_ in ("NOUN", "PROPN") and prev.i < a.i:
            return prev
    return None


def _nominal_actor(t: _Trig) -> Any | None:
    for c in t.tok.children:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")):
            return c
    if t.rule.event in _MOVED and _of_force(t.tok, _lex()):
        # "the arrival of two British frigates": the force's owner moved it
        for c in t.tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    owner = _proposer(_partitive(g)) if g.dep_ == "pobj" else None
                    if owner is not None and owner.ent_type_ in ("NORP", "GPE") and _says_country(owner.text):
                        return owner
    return None


def _event_sizes(sizes: list[Size], trigs: list[_Trig], doc: Any) -> None:
    if not trigs:
        return
    for s in sizes:
        span = doc.char_span(s.start, s.end, alignment_mode="expand")
        if span is not None and not any(_own_size(span.root, t.anchor) for t in trigs):
            continue  # "hit the school today, a day after yesterday's shelling wounded three": another event's size
        best = trigs[0]
        if span is not None and len(trigs) > 1:
            best_d = 10**9
            for t in trigs:
                lo, hi = t.anchor.left_edge.i, t.anchor.right_edge.i
                if lo <= span.root.i <= hi:
                    d = hi - lo
                    if d < best_d:
                        best, best_d = t, d
        best.sizes.append(s)


def _time_mark(c: Any) -> bool:
    """A child that makes its clause temporal: "after", "when", or "a day after" (the parser may hang "after" on
    the span: "[a day [after]] yesterday's shelling wounded three")."""
    if c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS:
        return True
    return c.dep_ == "npadvmod" and any(g.dep_ == "prep" and g.lower_ in _TIME_PREPS for g in c.children)


def _own_size(tok: Any, anchor: Any) -> bool:
    """Whether a number is in the event's own clause: not inside an "after/since/when ..." clause or phrase of it
    that tells another event (the number then counts that event's people or things)."""
    cur = tok
    for _ in range(12):
        if cur.i == anchor.i:
            return True
        if cur.head.i == cur.i:
            break
        if (cur.dep_ in ("pobj", "pcomp") and cur.head.lower_ in _TIME_PREPS) or (
            cur.dep_ == "advcl" and any(_time_mark(c) for c in cur.children)
        ):
            return _within(anchor, cur)  # the clause tells another event, unless it holds the event itself
        cur = cur.head
    return True


def _governed(tok: Any, anchor: Any, steps: int = 5) -> bool:
    cur = tok
    for _ in range(steps):
        if cur.i == anchor.i:
            return True
        if cur.head.i == cur.i:
            return False
        nxt = cur.head
        if _is_verb(nxt) and nxt.i != anchor.i:
            return False
        cur = nxt
    return cur.i == anchor.i


def _location(
    t: _Trig, doc: Document, sent: Any, taken: list[tuple[int, int]], within: list[tuple[int, int]]
) -> Place | None:
    """The event's place: a place phrase the event governs, not a place that is (in) an actor's words (`taken`);
    one inside a recipient's phrase (`within`) only when it says where the recipient is."""
    sdoc = doc.spacy
    places = [p for p in doc.places if sent.start_char <= p.start < sent.end_char]
    if not places:
        places = [
            Place(text=e.text, start=e.start_char, end=e.end_char)
            for e in sent.ents
            if e.label_ in ("GPE", "LOC", "FAC")
        ]
    fallback = broad = None
    for p in places:
        inner = any(
            s < p.start < e for s, e in within
        )  # a place phrase inside a recipient ("a post in Kandahar")
        if any(s <= p.start < e for s, e in taken) or (
            any(s <= p.start < e for s, e in within) and not inner
        ):
            continue
        span = sdoc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if inner and not (root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "near")):
            continue  # only where the recipient is, "attacked an army post in Kandahar": the attack's place too
        named = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
        if named is not None and _non_actor_words().get(named.lemma_.lower()) == "place":
            # "in the Black Sea city of Batumi", "at the port of Izmail": the place word's phrase
            root = named
        if root.dep_ == "pobj" and root.head.lower_ in _LOC_PREPS:
            if _governed(root.head, t.anchor) or (t.nominal and _governed(root.head, t.tok)):
                if p.feature not in _BROAD:
                    return p
                # "Elsewhere in Mali, a bomb killed four near Menaka": a town the event governs beats its country
                rank = _BROAD_RANK.get(p.feature or "", 9)
                if broad is None or rank < _BROAD_RANK.get(broad.feature or "", 9):
                    broad = p  # "in Mali ... near Menaka" (a region): the smaller area
            elif fallback is None and root.head.lower_ in ("in", "near", "at"):
                fallback = p
    capital = _capital_at(t, doc, sent)
    return capital or broad or fallback


_BROAD = {"country", "region", "water", "admin", "continent"}
_BROAD_RANK = {"admin": 0, "water": 1, "region": 2, "country": 3, "continent": 4}


def _capital_at(t: _Trig, doc: Document, sent: Any) -> Place | None:
    """ "demonstrated in the capital", "in the country's capital": the capital of the country the sentence names
    (else the one the article names most), when the event governs that phrase."""
    for tok in sent:
        if tok.lemma_.lower() != "capital" or tok.pos_ != "NOUN" or tok.dep_ != "pobj":
            continue
        if tok.head.lower_ not in ("in", "at", "to", "near", "into") or any(
            c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" or c.dep_ == "prep" for c in tok.children
        ):
            continue  # "the capital of Mali" is a named place the gazetteer already read; "Irish capital" too
        if not (_governed(tok.head, t.anchor) or (t.nominal and _governed(tok.head, t.tok))):
            continue
        countries = [p.country for p in doc.places if p.feature == "country" and p.country]
        here = [p.country for p in doc.places if p.feature == "country" and p.country
                and sent.start_char <= p.start < sent.end_char]  # fmt: skip
        pick = here[0] if here else (max(set(countries), key=countries.count) if countries else None)
        if pick is None:
            return None
        from dateline.places import capital_of  # loaded late, like geoparse: its gazetteer is large

        place = capital_of(pick)
        if place is not None:
            s, e = _span_of(tok)
            return replace(place, text=doc.text[s:e], start=s, end=e)
    return None


def _date(t: _Trig, doc: Document, sent: Any) -> EventDate:
    sdoc = doc.spacy
    # depth of each tree ancestor above the event word: the date attached nearest to the event wins
    # ("said on Thursday that ... following the January 8 attack, in which Iran fired": January 8)
    depth = {t.anchor.i: 0, t.tok.i: 0} | {a.i: k for k, a in enumerate(t.anchor.ancestors, 1)}
    ancestors = set(depth)
    best = None
    best_depth = 1 << 30
    wire = _wire_span(doc) if sent.start_char < 1000 else None
    for tx in doc.timexes:
        if not (sent.start_char <= tx.start < sent.end_char) or tx.type not in ("DATE", "TIME"):
            continue
        if wire is not None and wire[0] <= tx.start < wire[1]:
            continue  # "BAMAKO, Oct 13 (Sahel Wire) - JNIM on Sunday freed ...": the filing date, not the event's
        if not tx.value[:4].isdigit():  # "XXXX-WXX-3", "PAST_REF": no date; the report's date says more
            continue
        span = sdoc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None:
            continue
        cur = span.root
        before = sdoc[span.start - 1].lower_ if span.start > sent.start else ""
        if before in ("since", "until") or cur.dep_ == "nsubjpass":
            continue  # "held since June were released today": "since June" dates the holding, not the release
        framed = False  # the date sits in a "since/after/with ..." phrase: it dates that phrase's noun
        for _ in range(4):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.i in ancestors:
                break
            framed = framed or (cur.dep_ == "prep" and cur.lower_ in _FRAMING_PREPS)
        if cur.i in (t.anchor.i, t.tok.i):
            best = tx
            break
        if framed:  # "Since the 2003 invasion, ... the killing of X has made": not the killing's date
            continue
        if cur.i in ancestors and depth[cur.i] < best_depth:
            best, best_depth = tx, depth[cur.i]
    if best is not None:
        return EventDate(value=best.value, text=best.text, start=best.start, end=best.end, source="text")
    if doc.published:
        return EventDate(value=doc.published[:10], source="published")
    return EventDate(value=None, source="none")


_DAY_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_DAY_UNITS = {"day": 1, "week": 7, "hour": 0}


def _offset_clause(t: _Trig) -> tuple[int, Any] | None:
    """ "The strikes came a day after negotiators held talks": the talks' date is the main clause's date moved by
    the stated span. Returns (signed days, the main clause's verb) or None."""
    cur = t.anchor
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head  # "held talks ... and agreed": the first verb's clause
    mark = next((c for c in cur.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
    if mark is None or (cur.dep_ != "advcl" and cur.head.lower_ not in ("after", "before")):
        return None
    doc = cur.doc
    unit = doc[mark.i - 1] if mark.i > 0 else None
    if unit is None or unit.lemma_.lower() not in _DAY_UNITS:
        return None
    if _DAY_UNITS[unit.lemma_.lower()] == 0:
        n = 0  # "hours after": the same day
    else:
        num = doc[unit.i - 1].lower_ if unit.i > 0 else ""
        k = _DAY_WORDS.get(num) or (int(num) if num.isdigit() else None)
        if k is None:
            return None
        n = k * _DAY_UNITS[unit.lemma_.lower()]
    main = cur.head
    while main.dep_ in ("prep", "pcomp", "pobj") and main.head.i != main.i:
        main = main.head
    return (-n if mark.lower_ == "after" else n), main


def _offset_date(t: _Trig, doc: Document, events: list[Event], lex: _Lex) -> EventDate | None:
    """The date of an event told "a day after" / "two days before" the main clause's event (see _offset_clause):
    the main clause's own date, else the latest earlier event of the type its subject names ("the strikes"), else
    the publication date."""
    import datetime as dt

    got = _offset_clause(t)
    if got is None:
        return None
    days, main = got
    base = None
    subj = next((c for c in main.children if c.dep_ == "nsubj"), None)
    m = _match_noun(subj, lex) if subj is not None and subj.pos_ == "NOUN" else None
    if m is not None:
        same = [e for e in events if e.event == m[0].event and e.date and e.date.value]
        dated = [e for e in same if e.date.source == "text"]  # type: ignore[union-attr]
        pick = (dated or same)[-1] if (dated or same) else None
        base = pick.date.value if pick is not None else None  # type: ignore[union-attr]
    if base is None:
        base = doc.published
    try:
        day = dt.date.fromisoformat((base or "")[:10])
    except ValueError:
        return None
    value = (day + dt.timedelta(days=days)).isoformat()
    s, e = main.idx, main.idx + len(main)
    return EventDate(value=value, text=doc.text[s:e], start=s, end=e, source="text")


def _wire_span(doc: Document) -> tuple[int, int] | None:
    """Where the wire dateline that opens the story stands in the text (dateline.clean records it)."""
    wire = (doc.extra or {}).get("wire_dateline") or {}
    text = wire.get("text") if isinstance(wire, dict) else None
    k = doc.text.find(text, 0, 1000 + len(text)) if text else -1
    return (k, k + len(text)) if text and k >= 0 else None


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


def _conditional_threat(t: _Trig, lex: _Lex) -> None:
    """ "X said the sites would be hit if Iran attacked": force made conditional on the other side's conduct and
    announced by X is X's threat (PLOVER manual: THREATEN covers conditional use of force). The reporting verb
    becomes the trigger word (the threat itself is asserted); the arguments stay those of the forceful clause."""
    a = t.anchor
    if t.nominal or t.rule.event not in _THREAT_EVENTS:
        return
    cond = any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for c in a.children
    )
    modal = any(c.dep_ == "aux" and c.lower_ in ("would", "will", "'ll", "could") for c in a.children)
    if not (cond and modal):
        return
    cur = a
    for _ in range(3):  # the clause must be someone's statement: "X said/warned (that) ..."
        if cur.dep_ not in ("ccomp", "xcomp", "conj") or cur.head.i == cur.i:
            return
        cur = cur.head
        if cur.lemma_.lower() in lex.reporting and _is_verb(cur):
            t.mode = _EVENT_THREATEN_MODE.get(t.rule.event)
            t.rule = _Rule("THREATEN", None, "13")
            t.tok = cur
            return


def _unharmed_attack(t: _Trig, lex: _Lex) -> None:
    """ "The strikes killed nobody", "no one was hurt in the attack": the harm is negated, the attack is not. The
    attack noun (the subject, or the object of "in") becomes the event word, so its factuality is the attack's."""
    from dateline.factuality import _negative_argument  # the one definition of a negating subject/object

    a = t.anchor
    if (
        t.nominal
        or t.rule.event != "ASSAULT"
        or not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and _negative_argument(c) for c in a.children)
    ):
        return
    if any(c.dep_ == "neg" for c in a.children):
        return  # "did not kill anyone, and the attack ...": a plain negation is not about the harm's extent
    heads = [c for c in a.children if c.dep_ == "nsubj" and not _negative_argument(c)]
    heads += [
        g for c in a.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children if g.dep_ == "pobj"
    ]
    for h in heads:
        m = _match_noun(h, lex) if h.pos_ == "NOUN" else None
        if m is not None and m[0].event == "ASSAULT":
            t.tok = h
            t.start, t.end = h.idx, h.idx + len(h)
            return


def _apply_cues(t: _Trig, lex: _Lex) -> None:
    if t.mode is not None:
        return
    lo, hi = t.anchor.left_edge.i, t.anchor.right_edge.i
    for tok in t.anchor.doc[lo : hi + 1]:
        modes = lex.cues.get(tok.lemma_.lower()) or lex.cues.get(tok.lower_)
        if modes and t.rule.event in modes:
            t.mode = modes[t.rule.event]
            return


# --------------------------------------------------------------------------- merging


def _key(actors: list[Actor]) -> frozenset[str]:
    return frozenset((a.name or a.country or a.text).lower() for a in actors)


def _same_side(a: list[Actor], b: list[Actor]) -> bool:
    """Recipients named alike, or every one of both coded to the same countries ("Tehran" read as the Iranian
    government and "Iran" later in the article: one side)."""
    if _key(a) == _key(b):
        return True
    ca, cb = {x.country for x in a}, {x.country for x in b}
    return None not in ca and ca == cb


def _sizes_compatible(a: list[Size], b: list[Size]) -> bool:
    for x in a:
        for y in b:
            if x.unit == y.unit and x.kind == y.kind:
                xlo, xhi = x.min or 0, x.max if x.max is not None else float("inf")
                ylo, yhi = y.min or 0, y.max if y.max is not None else float("inf")
                if xhi < ylo or yhi < xlo:
                    return False
    return True


_SAME_PLACE_KM = 60.0  # two located mentions further apart than this are different events


def _apart(a: Place | None, b: Place | None) -> bool:
    """Both mentions located, at different places: "an attack in Beledweyne" and "a bomb in Mogadishu"."""
    if a is None or b is None or (a.name or a.text) == (b.name or b.text):
        return False
    if None not in (a.lat, a.lon, b.lat, b.lon):
        from dateline.places import distance_km

        broad = {a.feature, b.feature} & {"country", "region", "water", "admin"}
        if broad:
            # "a march in Tbilisi" and "the protest in Armenia" are two events; "in Georgia" may be the Tbilisi one
            return bool(a.country and b.country and a.country != b.country)
        return distance_km((a.lat, a.lon), (b.lat, b.lon)) > _SAME_PLACE_KM  # type: ignore[arg-type]
    return bool(a.country and b.country and a.country != b.country)


def _compatible(a: Event, b: Event) -> bool:
    if a.event != b.event or _apart(a.location, b.location):
        return False
    bare = not (b.actor or b.recipient)
    if not bare and _key(a.actor) != _key(b.actor):
        return False
    if a.recipient and b.recipient and not _same_side(a.recipient, b.recipient):  # one may leave it unsaid
        return False
    if not (a.actor or a.recipient):
        return False
    if (
        a.date
        and b.date
        and a.date.source == "text"
        and b.date.source == "text"
        and a.date.value != b.date.value
    ):
        return False  # "On Sunday, eight rockets hit Balad ... On Tuesday rockets also struck Taji": two days
    if not (b.actor or b.recipient):  # a later bare reference ("the deployment") to an event already reported
        return a.factuality == b.factuality or b.factuality in _FUTURE_OK
    if a.factuality != b.factuality and not (a.factuality in _FUTURE_OK and b.factuality in _FUTURE_OK):
        return False
    return _sizes_compatible(a.size, b.size)


def _merge(events: list[Event], distinct: frozenset[str] | set[str] = frozenset()) -> list[Event]:
    out: list[Event] = []
    for ev in events:
        # "in a separate attack": a new event, not a later mention of an earlier one
        for prev in [] if ev.id in distinct else out:
            if prev.sentence_start != ev.sentence_start and _compatible(prev, ev):
                prev.mentions.extend(ev.mentions)
                prev.mode = prev.mode or ev.mode
                prev.location = prev.location or ev.location
                if (prev.date is None or prev.date.source != "text") and ev.date and ev.date.source == "text":
                    prev.date = ev.date
                prev.size = prev.size or ev.size
                prev.source = prev.source or ev.source
                prev.recipient = prev.recipient or ev.recipient
                break
        else:
            out.append(ev)
    return out


# --------------------------------------------------------------------------- entry point


def extract_events(doc: Document) -> list[Event]:
    """Every event the article reports, PLOVER-coded, with actors, place, date, size, factuality and source."""
    if doc.spacy is None:
        from dateline.nlp import annotate

        next(annotate([doc]))
    lex = _lex()
    res = _Resolver(doc)
    events: list[Event] = []
    distinct: set[str] = set()  # ids of events the text calls another one (see `_distinct`)
    sents = list(doc.spacy.sents)
    encs = _encoder_probs(sents) if _backend() == "encoder" else None  # typing backend (see _ENC_POLICY)
    for k, sent in enumerate(sents):
        raw = _request_frames(sent, lex, _find_triggers(sent, lex))
        raw_types = [t.rule.event for t in raw]
        trigs = _decide(
            sent, lex, raw_types, _drop_background(_absorb(raw)), doc.published, encs[k] if encs else None
        )
        if not trigs:
            continue
        if _POLICY.get("main_only"):
            trigs = _main_events(trigs)
        for t in trigs:
            _conditional_threat(t, lex)
            _unharmed_attack(t, lex)
            if t.nominal and t.anchor.i == t.tok.i:
                h = _nominal_actor(t)
                subj = None
                if t.tok.dep_ == "nsubj" or h is not None:
                    subj = h
            else:
                subj, passive = _subject(t.anchor)
                if subj is not None and t.anchor.dep_ == "acl" and subj.lemma_.lower() in _PLANS:
                    subj = None  # "no decision to leave Iraq": the decision takes no one's part; whose it is, below
                patient = None if t.rule.event in _MOVED else _state_patient(t.anchor)
                if patient is not None and subj is not None and subj.i == patient.i:
                    subj, passive = None, True  # the one held or hurt did not act
                if subj is None:  # an agentless passive that still names who acted
                    subj = _passive_actor(t, lex)
                reported = (
                    passive
                    and (t.rule.event in _FORCE_EVENTS or t.mode == "release")
                    and not _self_passive(t.anchor)
                )  # ("officials said the hostages were released": who says so did not free them)
                if (subj is None and not reported) or (subj is not None and subj.lower_ in _PERSONAL):
                    # "X said he would ...", "the ministry said troops were held at readiness": the speaker; not
                    # for an attack or arrest reported in the passive ("police said three civilians were killed",
                    # "the Pentagon said missiles were fired"): who reports it is seldom who did it
                    subj = _speaker(t.anchor, lex) or subj
                if subj is not None and subj.pos_ in ("ADJ", "DET", "NUM") and subj.i < t.anchor.i:
                    # "most of them training ...": the quantified pronoun stands for the group
                    subj = next((g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                                 for g in c.children if g.dep_ == "pobj" and g.pos_ == "PRON"), subj)  # fmt: skip
                if subj is not None and subj.pos_ == "PRON":
                    subj = _antecedent(subj, lex) or subj
            t.actors = _actors_of(subj, res, t.anchor.i) if subj is not None else []
            patient = None if t.nominal or t.rule.event in _MOVED else _state_patient(t.anchor)
            rec = patient if patient is not None else _recipient(t, lex)
            if t.nominal:  # "25 soldiers died in an ambush on the road": the dead, not the road
                rec = _died_in(t.tok) or rec
            site = _site(rec, t.rule.event) if rec is not None and rec.ent_type_ in _SITE_ENTS else 0
            soft = rec if site == 1 else None
            if site:
                rec = None  # a town or base named as where it happened: the event's location (see `_site`)
            if rec is not None and t.rule.event == "MOBILIZE" and _in_purpose(rec, t):
                rec = None  # the people a deployment protects or helps are not its recipient
            t.recipients = _actors_of(rec, res) if rec is not None else []
            own_side: set[int] = set()
            if rec is not None and _own_side(t, rec):
                own_side = {x.i for x in rec.subtree}
                alt = _condition_party(t.anchor, lex)
                t.recipients = _actors_of(alt, res) if alt is not None else []
            if rec is not None and rec.lemma_.lower() == "counterpart" and t.actors:
                # "met his Ethiopian counterpart": the counterpart holds the actor's office
                t.recipients = [
                    r if r.sector else replace(r, sector=t.actors[0].sector) for r in t.recipients
                ]
            if patient is not None:  # the held people's span stops before the event's own words
                t.recipients = [_cut_before(a, t.tok, res) for a in t.recipients]
            if not any(r.country for r in t.recipients):
                taken = (
                    {t.tok.i}
                    | t.victims
                    | own_side
                    | {
                        tok.i
                        for a in t.actors
                        for tok in doc.spacy.char_span(a.start, a.end, alignment_mode="expand") or []
                    }
                )
                alt = _recipient_search(t, taken)
                if alt is not None and t.rule.event == "MOBILIZE" and _in_purpose(alt, t):
                    alt = None
                if alt is not None and t.nominal and t.rule.event in _MOVED and _moved_force(t.tok, alt, lex):
                    alt = None  # "the arrival of two British frigates": the force moved, not a recipient
                # "nine gendarmes died ... outside Segou": the town does not replace the people
                if (
                    alt is not None
                    and t.recipients
                    and alt.ent_type_ in _SITE_ENTS
                    and _site(alt, t.rule.event)
                ):
                    alt = None
                if alt is not None:
                    got = _actors_of(alt, res)
                    if any(r.country for r in got):
                        if _fills(t.recipients, alt, got):
                            # "rescued 40 migrants off Lesbos", "Kurdish militant positions": the people stay the
                            # recipients; the place or nationality only says whose they are
                            country = next(r.country for r in got if r.country)
                            t.recipients = [replace(r, country=country) for r in t.recipients]
                        else:
                            t.recipients, t.searched = got, True
                if soft is not None and not t.recipients:
                    t.recipients = _actors_of(soft, res)  # no one beside the town: it stands for its people
            if not t.actors and t.nominal and t.anchor.i != t.tok.i:
                h = _nominal_actor(t)
                t.actors = _actors_of(h, res) if h is not None else []
            # the same words are never both who acts and whom it is aimed at
            t.recipients = [
                r for r in t.recipients if not any((r.start, r.end) == (a.start, a.end) for a in t.actors)
            ]
            _apply_cues(t, lex)
        # one event per type and actors in a sentence ("killed ... in a bomb attack")
        uniq: list[_Trig] = []
        for t in trigs:
            for u in uniq:
                if _set_apart(t.tok) or _set_apart(u.tok):
                    continue  # "... killed four. Twelve soldiers died in a separate attack": two attacks
                if u.rule.event == t.rule.event and (
                    not t.actors
                    or not u.actors
                    or _key(t.actors) == _key(u.actors)
                    or _sent_ones(u, t)
                    or _sent_ones(t, u)
                ):
                    u.mode = u.mode or t.mode
                    u.actors = t.actors if t.actors and _sent_ones(t, u) else u.actors or t.actors
                    if not u.recipients or (
                        t.recipients and _placed(u.recipients, res) and not _placed(t.recipients, res)
                    ):
                        u.recipients = t.recipients  # "flew to Moscow and held talks with Lavrov": Lavrov
                    break
            else:
                uniq.append(t)
        _event_sizes(extract_sizes(sent), uniq, doc.spacy)
        sent_text = sent.text.rstrip()  # the sentence without the paragraph break spaCy keeps as a token
        sent_end = sent.start_char + len(sent_text)
        for t in uniq:
            if _distinct(sent, t.rule.event, lex):
                distinct.add(stable_id(doc.id, t.rule.event, t.start))
            taken = [(a.start, a.end) for a in t.actors]
            within = [] if t.searched else [(a.start, a.end) for a in t.recipients]
            ev_text = doc.text[t.start : t.end]
            mention = Mention(doc.id, t.start, t.end, sent.start_char, sent_end, ev_text)
            events.append(
                Event(
                    id=stable_id(doc.id, t.rule.event, t.start),
                    doc_id=doc.id,
                    event=t.rule.event,
                    mode=t.mode,
                    cameo=t.rule.cameo,
                    actor=t.actors,
                    recipient=t.recipients,
                    text=sent_text,
                    sentence_start=sent.start_char,
                    sentence_end=sent_end,
                    event_text=ev_text,
                    event_start=t.start,
                    event_end=t.end,
                    factuality=classify(t.tok, doc.published),
                    location=_location(t, doc, sent, taken, within),
                    date=_date(t, doc, sent) if not (off := _offset_date(t, doc, events, lex)) else off,
                    size=t.sizes,
                    source=_source(t, doc, res, lex),
                    mentions=[mention],
                    confidence=round(t.prob * 0.8, 2)
                    if t.prob is not None
                    else round(0.5 + 0.1 * min(t.rule.score, 4) - (0.1 if t.nominal else 0.0), 2),
                )
            )
    for ev in events:  # office holders coded as of the event's own date, where the text gives one
        ev.actor, ev.recipient = res.at_date(ev.actor, ev.date), res.at_date(ev.recipient, ev.date)
    return _merge(events, distinct)
