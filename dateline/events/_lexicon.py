"""The event lexicon: data/events/*.tsv read once per process, and the word lists and settings every step shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

_DATA = Path(__file__).resolve().parents[1] / "data" / "events"
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
# the manual's REJECT modes by the refused content ("turned down a proposal for talks": REJECT meet)
_EVENT_REJECT_MODE = {"CONSULT": "meet", "AID": "assist", "COOPERATE": "assist"}
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
    warships: set[str] = field(default_factory=set)  # naval units and the words that make a ship one
    guns: set[str] = field(default_factory=set)  # weapons that fire with no object ("the guns fired again")
    projectiles: set[str] = field(default_factory=set)  # what is fired or launched (class projectile)
    formations: set[str] = field(default_factory=set)  # units that move as one ("an army column")
    plight: set[str] = field(default_factory=set)  # states an event leaves a place or people in ("in ruins")
    staff: set[str] = field(default_factory=set)  # unarmed people sent or withdrawn (class inspector)
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
    aid_cargo: set[str] = field(default_factory=set)  # relief goods and agencies: a convoy of them brings aid
    aid_vehicles: set[str] = field(default_factory=set)  # convoys and lorries: sent with relief, they are aid
    diplomats: set[str] = field(default_factory=set)  # "told the ambassador to leave": an expulsion
    # what a warning says will not be tolerated or allowed: a threat ("warned it would not tolerate ...")
    intolerance: set[str] = field(default_factory=set)
    lemma_fixes: dict[str, str] = field(default_factory=dict)  # word form -> verb lemma the lemmatizer misses
    # predicates that judge or forecast a named event ("an attack was unlikely", "the truce was holding")
    verdict: set[str] = field(default_factory=set)
    # what a copula calls a named event when it places it in history or habit ("was a turning point")
    hallmarks: set[str] = field(default_factory=set)
    citizens: set[str] = field(default_factory=set)  # a state's own people: advised, not asked
    unplaces: set[str] = field(default_factory=set)  # what one enters that is no place ("entered talks")
    figures: set[str] = field(default_factory=set)  # attack words a title line uses figuratively
    actrefs: set[str] = field(default_factory=set)  # nouns naming an act again ("the move")
    companies: set[str] = field(
        default_factory=set
    )  # a company's head word ("drugmaker"): its acts are business
    crowd_weapons: set[str] = field(
        default_factory=set
    )  # tear gas, water cannon (manual, ASSAULT crowd-control)
    # borders, airspace, ports (class border): what is closed to someone
    crossings: set[str] = field(default_factory=set)


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append([c.strip() for c in line.split("\t")])
    return out


def _opt(v: str) -> str | None:
    return None if v in ("", "-") else v


@lru_cache(maxsize=1)
def _coder() -> Any:
    """`dateline.actors.code_actor`, imported on first use (a late load, as the steps' own imports were) and then
    fetched at the cost of a call: an import statement run inside a function that is called for every token costs
    far more (speed)."""
    from dateline.actors import code_actor

    return code_actor


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    lex = _Lex()
    classes = {r[0]: set(r[1].split(",")) for r in _rows("classes.tsv")}
    lex.measures = classes.get("measures", set())
    lex.sport = classes.get("sport", set())
    lex.companies = classes.get("company", set())
    lex.crowd_weapons = classes.get("crowdcontrol", set())
    lex.harm = classes.get("harm", set())
    lex.crossings = classes.get("border", set())
    lex.reprisal = (
        classes.get("reprisal", set()) | classes.get("sanctions", set()) | classes.get("strike", set())
    )
    for lemma, subjects, event, mode, cameo in (r[:5] for r in _rows("subject_verbs.tsv")):
        who = set().union(*(classes[w[1:]] if w.startswith("@") else {w} for w in subjects.split(",")))
        lex.by_subject.setdefault(lemma, []).append((frozenset(who), _Rule(event, _opt(mode), _opt(cameo))))
    lex.force_nouns = classes.get("force_nouns", set())
    lex.staff = classes.get("inspector", set())
    lex.plight = classes.get("plight", set())
    lex.warships = classes.get("warship", set())
    lex.guns = classes.get("gun", set())
    lex.projectiles = classes.get("projectile", set())
    lex.formations = classes.get("formation", set())
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
        # "show of force": a phrase with "of" is keyed by its head, the first word (the last one, "force", names
        # actors elsewhere: keying by it would make every "force" an event noun)
        key = words[0] if "of" in words[1:-1] else words[-1]
        lex.nouns.setdefault(key, []).append(_Rule(event, _opt(mode), _opt(cameo), words=words))
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
    # people fired on are recipients ("cut down two medics"), not things moved
    lex.object_words -= classes.get("victims", set())
    lex.aid_cargo = classes.get("aidcargo", set())
    lex.aid_vehicles = classes.get("aidvehicle", set())
    lex.diplomats = classes.get("diplomat", set())
    lex.intolerance = classes.get("intolerance", set())
    lex.verdict = classes.get("verdict", set())
    lex.hallmarks = classes.get("hallmark", set())
    lex.citizens = classes.get("citizens", set())
    lex.unplaces = (
        classes.get("unplace", set()) | classes.get("talks", set()) | classes.get("agreement", set())
    )
    lex.figures = classes.get("figures", set())
    lex.actrefs = classes.get("actref", set())
    lex.lemma_fixes = {r[0].lower(): r[1].lower() for r in _rows("lemma_fixes.tsv")}
    for noun, event, mode, cameo, cues in (r[:5] for r in _rows("noun_senses.tsv")):
        rule = _Rule(event, _opt(mode), _opt(cameo), words=(noun,))
        lex.senses.setdefault(noun, []).append((rule, frozenset(cues.split(","))))
    return lex


# --------------------------------------------------------------------------- settings and type tables

# How the classifier and the lexicon are combined (chosen by 5-fold cross-validation on plover-gsr DEV, see
# scripts/train_event_classifier.py --cv): a sentence no lexicon pattern matched is coded when the classifier is
# at least `backoff_min` sure; when lexicon triggers of several types compete, the types the classifier gives less
# than `compete_ratio` of the best candidate's probability are dropped; a lone lexicon type is replaced by the
# classifier's label when the classifier gives that label at least `override_min` and the lexicon's type less than
# `override_lex_max`. Under CV, arbitration (compete 1) and overrides gain nothing (overrides never fire usefully;
# compete trades one extra for one miss) and compete would drop the second event of sentences that report two
# ("Rebels attacked a convoy and Germany suspended aid"), so both stay off.
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
_FORCE_EVENTS = {"ASSAULT", "COERCE", "PROTEST"}
