"""Event words: verbs and nouns matched against the lexicon (with their guards and senses), as triggers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Any

from dateline.events._lexicon import (
    _CAMEO_ROOT,
    _GENERIC_HEADS,
    _PARTAKE,
    _RELATIVE,
    _STATE_PREPS,
    _STATE_VERBS,
    _THREAT_EVENTS,
    _VERB_TAGS,
    _coder,
    _Lex,
    _lex,
    _Rule,
)
from dateline.events._syntax import (
    _CIVIC_MASSES,
    _GROUP_NOUNS,
    _classify,
    _doc_toks,
    _forces,
    _is_verb,
    _non_actor_words,
    _partitive,
    _people_noun,
    _sent_of,
    _sent_picks,
    _sent_text,
    _sent_toks,
    _subject,
    _tab,
)
from dateline.factuality import (  # (_negative_argument: the one definition of a negating subject/object)
    _gerund_as_modifier,
    _kids,
    _negative_argument,
    _past_as_modifier,
)
from dateline.model import Actor, Size
from dateline.nlp import ent_at

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


# "worked together", "brushed aside"
_ADV_PARTICLES = {"short", "back", "away", "down", "off", "out", "up", "together", "aside"}
_TRAVEL_VERBS = {"leave", "depart"}
_TRAVELLERS = {"minister", "president", "secretary", "envoy", "ambassador", "diplomat", "chancellor", "premier",
               "leader", "king", "queen", "prince", "pope", "delegation", "negotiator", "mediator"}  # fmt: skip
_PLACE_ENTS = ("GPE", "LOC", "FAC")


def _hedge_up(tok: Any) -> tuple[Any, Any] | None:
    """ "sent up to 600 troops": the "up" the parser hung on the verb as a particle, and the "to" after it, when they
    are the number's hedge ("up to" + a number), not the verb's particle ("stepped up", "sent up north")."""
    toks = _doc_toks(tok.doc)
    tab = _tab(tok)
    for j in range(
        tok.i + 1, min(tok.i + 3, len(toks) - 2)
    ):  # right after the verb (no children walk: speed)
        if tab is not None and tab.lower[j] != "up":
            continue  # (the same test as below, on the token table: speed)
        c = toks[j]
        if c.lower_ == "up" and c.head.i == tok.i and c.dep_ in ("prt", "advmod"):
            if toks[j + 1].lower_ == "to" and toks[j + 2].like_num:
                return c, toks[j + 1]
    return None


def _misparsed_object(tok: Any) -> set[str]:
    """ "intercepted a dhow loaded with rifles", "intercepted a vessel carrying weapons": the parser may hang the
    object on the participle that modifies it (as an adverbial noun); the noun right after the verb, with its
    article, is the verb's object."""
    out: set[str] = set()
    for w in _doc_toks(tok.doc)[tok.i + 1 : tok.i + 4]:
        if (
            w.dep_ == "npadvmod"
            and w.pos_ in ("NOUN", "ADV")  # (a rare noun may be tagged as an adverb: "a dhow")
            and w.head.tag_ in ("VBN", "VBG", "VBD")
            and w.head.i > w.i
            and any(c.dep_ == "det" for c in _kids(w))
            and tok.i in {a.i for a in w.ancestors}
        ):
            out.add(w.lemma_.lower())
    return out


_UPWARDS = {"upwards", "upward"}


def _objects(tok: Any) -> tuple[set[str], set[str], dict[str, set[str]]]:
    """Particles/prepositions, direct object lemmas (with passive subjects) and prepositional objects of a verb."""
    children = list(_kids(tok))  # walked once (each `tok.children` walks the parse again: speed)
    tab = _tab(tok)
    # their relations, from the token table when there is one (speed)
    cdeps = [tab.dep[j] for j in tab.kids[tok.i]] if tab is not None else [c.dep_ for c in children]
    prts: set[str] = set()
    objs: set[str] = set()
    pobjs: dict[str, set[str]] = {}
    if tok.dep_ in ("acl", "relcl") and tok.head.i != tok.i:
        # "the warships sent to the Gulf", "paratroopers who were flown to Kuwait": the modified noun is moved
        passive_rel = any(c.dep_ == "nsubjpass" and c.lower_ in _RELATIVE for c in children)
        if (tok.dep_ == "acl" and tok.tag_ == "VBN") or passive_rel:
            objs.add(tok.head.lemma_.lower())
    reduced = tok.tag_ == "VBN" or (tok.tag_ == "VBD" and tok.lemma_.lower() in _SENDING)
    if reduced and not any(d in ("aux", "auxpass", "dobj") for d in cdeps):
        # a participle with no auxiliary is a reduced passive ("Troops sent to Gulf", a misparsed "the warships
        # sent to the Gulf ..."): its subject is what was moved
        objs.update(c.lemma_.lower() for c in children if c.dep_ == "nsubj")
    kids = list(children)
    hedge = _hedge_up(tok)
    if hedge is not None:  # "sending up to 275 personnel": the hedged noun is the object, "up" no particle
        up, to = hedge
        kids = [c for c in kids if c.i not in (up.i, to.i)]
        kids += [g for g in _kids(to) if g.dep_ == "pobj"] if to.head.i == tok.i else []
    if _gerund_as_modifier(
        tok
    ):  # "denied moving troops": the noun the parser hung the gerund on is its object
        objs.add(tok.head.lemma_.lower())
        objs.update(
            c.lemma_.lower() for c in _kids(tok.head) if c.dep_ in ("compound", "amod") and c.i != tok.i
        )
    if not any(c.dep_ == "dobj" for c in kids) and "conj" in cdeps:
        # "advise and train local forces": a bare verb shares the object of the verb coordinated after it
        for cj in (c for c in children if c.dep_ == "conj" and _is_verb(c) and c.i > tok.i):
            if not any(c.dep_ == "nsubj" for c in _kids(cj)):
                kids += [c for c in _kids(cj) if c.dep_ == "dobj"]
    first_dobj = next((c for c, d in zip(children, cdeps, strict=True) if d == "dobj"), None)
    for ch in children if "prep" in cdeps else ():  # "move around 35 of its soldiers": an approximated number
        if ch.dep_ == "prep" and ch.lower_ in ("around", "about"):
            kids += [g for g in _kids(ch) if g.dep_ == "pobj" and g.like_num]
        if ch.dep_ == "prep" and ch.lower_ == "between" and first_dobj is None:
            # "moved between 800 and 1,100 soldiers": a size range parsed as a preposition; its noun is the object
            ranged = [g for g in _kids(ch) if g.dep_ == "pobj" and _ranged(g)]
            if ranged:
                kids = [c for c in kids if c.i != ch.i] + ranged
    for ch in children if "advmod" in cdeps else ():
        if ch.dep_ == "advmod" and ch.lower_ in _UPWARDS:
            # "held upwards of 200 containers": the parser hangs the counted noun on the adverb (session 23)
            kids += [
                g
                for p in _kids(ch)
                if p.dep_ == "prep" and p.lower_ == "of"
                for g in _kids(p)
                if g.dep_ == "pobj"
            ]
    if tok.lemma_.lower() in _LETTING:
        # "allowed the first aid convoy to enter": the parser makes the one let in the subject of the complement
        for ch in children:
            # ("allowed inspectors back into the plant": the complement may be an adverb)
            if ch.dep_ == "ccomp" and ch.pos_ == "NOUN" and any(g.dep_ == "prep" for g in _kids(ch)):
                # "let UN aid convoys into Darfur": the parser takes the noun let in for the complement's head
                objs.add(ch.lemma_.lower())
                objs.update(c.lemma_.lower() for c in _kids(ch) if c.dep_ == "compound")
            if ch.dep_ in ("ccomp", "xcomp") and (_is_verb(ch) or ch.pos_ in ("ADV", "ADP")):
                if _is_verb(ch):  # "allowed delegates to visit prisoners": the act let in names the access
                    objs.add(ch.lemma_.lower())
                for g in _kids(ch):
                    if g.dep_ in ("nsubj", "nsubjpass"):
                        objs.add(g.lemma_.lower())
                        objs.update(c.lemma_.lower() for c in _kids(g) if c.dep_ in ("compound", "amod"))
                        objs.update(  # "let a team of inspectors board"
                            x.lemma_.lower()
                            for c in _kids(g)
                            if c.dep_ == "prep" and c.lower_ == "of"
                            for x in _kids(c)
                            if x.dep_ == "pobj"
                        )
    if tok.lemma_.lower() in _COMPELLING:
        # "forcing thousands of villagers to flee": the parser makes the people the subject of a "to" clause
        # (or a relative clause on them: "forcing some 2,000 villagers [to flee]")
        told = [
            *children,
            *(g for ch in children if ch.dep_ == "dobj" for g in _kids(ch) if g.dep_ in ("relcl", "acl")),
        ]
        objs.update(
            ch.lemma_.lower()
            for ch in told
            if ch.dep_ in ("ccomp", "relcl", "acl")
            and _is_verb(ch)
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in _kids(ch))
        )
    if tok.dep_ == "ROOT" and tok.tag_ == "VBZ" and "dobj" not in cdeps:
        # a headline's object parsed as an adverbial noun ("Mali junta expels French ambassador")
        objs.update(c.lemma_.lower() for c in children if c.dep_ == "npadvmod" and c.i > tok.i)
    objs.update(_misparsed_object(tok))
    if any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in kids):
        objs.add("person")  # a named person as object: rows may list "person" ("hand over Milosevic")
    first_obj = first_dobj.i if first_dobj is not None else None  # (children come in text order)
    for ch in kids:
        dep = "dobj" if ch.dep_ == "pobj" else ch.dep_
        if (
            dep == "prep"
            and ch.lower_ in _TOPIC_PREPS
            and first_obj is not None
            and first_obj < ch.i
            and any(g.dep_ == "pobj" for g in _kids(ch))
        ):
            # "took legal action over the law": "over" after the object heading a phrase of its own is its topic,
            # no particle ("take over"); a shifted particle ("called the strike off") has no object of its own, and a
            # directional one keeps its sense with one ("hauled protesters off the streets")
            pobjs.setdefault(ch.lemma_.lower(), set()).update(
                g.lemma_.lower() for g in _kids(ch) if g.dep_ == "pobj"
            )
            continue
        if dep == "ccomp" and ch.pos_ == "ADJ":
            dep = "oprd"  # a small clause: "found the minister guilty", "declared the vote void"
        if dep == "advmod" and ch.lemma_.lower() in _ADV_PARTICLES:
            dep = "prt"  # "cut short the visit", "pulled back": an adverb working as the verb's particle
            for p in _kids(ch):  # "stayed away from classes": the phrase the parser hung on the adverb
                if p.dep_ == "prep":
                    pobjs.setdefault(p.lemma_.lower(), set()).update(
                        g.lemma_.lower() for g in _kids(p) if g.dep_ == "pobj"
                    )
        if dep == "prep" and _time_phrase(ch):
            continue  # "called on Monday", "met on Tuesday": a date, not the verb's preposition ("call on")
        if dep in ("prt", "prep", "agent"):
            prts.add(ch.lemma_.lower())
            if dep == "prep" and ch.lower_ == "in" and ch.i == tok.i + 1 and first_obj is None:
                # "sending in the army": the particle parsed as a preposition, its object the verb's
                forces = _lex().force_words
                objs.update(
                    g.lemma_.lower() for g in _kids(ch) if g.dep_ == "pobj" and g.lemma_.lower() in forces
                )
            # "spoke by video link": the parser may make the "by" phrase of an active verb an agent; it is an
            # adjunct like any preposition's (a passive's agent stays out of the objects)
            adjunct = dep == "agent" and not any(c.dep_ == "auxpass" for c in children)
            if dep == "prep" or adjunct:
                got = pobjs.setdefault(ch.lemma_.lower(), set())
                # "out of the talks": the object of a preposition after the particle counts as the particle's
                inner = [x for g in _kids(ch) if g.dep_ == "prep" and g.lower_ == "of" for x in _kids(g)]
                for g in [*_kids(ch), *inner]:
                    if g.dep_ == "pcomp" and _is_verb(g):
                        got.add(g.lemma_.lower())  # "barred from entering": the act the preposition governs
                        if ch.lower_ == "from":  # "barred from moving money": what the barred act handles
                            got.update(x.lemma_.lower() for x in _kids(g) if x.dep_ == "dobj")
                    if g.dep_ in ("amod", "acomp") and ch.lower_ == "as":
                        got.add(
                            g.lemma_.lower()
                        )  # "described as regrettable": the adjective the parser hung on "as"
                    if g.dep_ == "pobj":
                        got.add(g.lemma_.lower())
                        # "placed under a state of emergency": the state named
                        if g.lemma_.lower() == "state":
                            got.update(x.lemma_.lower() for p in _kids(g) if p.dep_ == "prep" and p.lower_ == "of"
                                       for x in _kids(p) if x.dep_ == "pobj")  # fmt: skip
                        if g.lemma_.lower() in _SERIES:  # "warned of a wave of attacks": the attacks
                            got.update(x.lemma_.lower() for p in _kids(g) if p.dep_ == "prep" and p.lower_ == "of"
                                       for x in _kids(p) if x.dep_ == "pobj")  # fmt: skip
                        if g.ent_type_ == "ORG" and not _country_named(g):
                            got.add("<ORG>")  # a named body as object class "<ORG>" ("withdrew from NATO")
                        got.update(c.lemma_.lower() for c in _kids(g) if c.dep_ in ("compound", "amod"))
        elif dep in ("dobj", "nsubjpass", "attr", "oprd", "dative", "xcomp"):
            objs.add(ch.lemma_.lower())  # (a pobj here is the number under "around"/"about", see above)
            objs |= _pronoun_object(tok, ch)
            if dep == "xcomp" and ch.lemma_.lower() in _EXACTING:
                # "vowed to take / seek revenge": the noun such a verb takes names the promised act
                objs.update(g.lemma_.lower() for g in _kids(ch) if g.dep_ == "dobj")
            if ch.ent_type_ == "ORG":
                objs.add("<ORG>")
            if (
                ch.i >= 2 and _doc_toks(ch.doc)[ch.i - 1].text == "-"
            ):  # "a cease-fire", split by the tokenizer
                objs.add(f"{_doc_toks(ch.doc)[ch.i - 2].lower_}-{ch.lemma_.lower()}")
            for c in _kids(ch):
                if c.dep_ in ("compound", "amod", "nmod"):
                    objs.add(c.lemma_.lower())
                    # "shut off electricity and water supplies": each coordinated modifier names the object
                    objs.update(x.lemma_.lower() for x in c.conjuncts)
                elif c.dep_ == "prep" and c.lower_ in ("from", "out"):
                    # "moved staff from Baghdad": the source is the verb's, parsed on its object
                    prts.add(c.lower_)
                elif (
                    c.dep_ == "prep"
                    and c.lower_ == "in"
                    and any(g.dep_ == "pobj" and g.lemma_.lower() in _PRISONS for g in _kids(c))
                ):
                    # "holding the researcher in Evin prison": where one is held, parsed on the object, is the verb's
                    prts.add("in")
                    pobjs.setdefault("in", set()).update(
                        g.lemma_.lower() for g in _kids(c) if g.dep_ == "pobj"
                    )
                elif c.dep_ == "prep" and c.lower_ == "to" and ch.lemma_.lower() == "access":
                    # "blocked access to Twitter": what access is blocked to is as much the object as "access"
                    for g in _kids(c):
                        if g.dep_ == "pobj":
                            objs.add(g.lemma_.lower())
                            objs.update(x.lemma_.lower() for x in _kids(g) if x.dep_ in ("compound", "amod"))
                elif c.dep_ == "prep" and (c.lower_ == "of" or (c.lower_ == "in" and _amount(ch))):
                    # "700 kg of medicine", "a state of siege", "$10 million in emergency aid"
                    for g in _kids(c):
                        if g.dep_ == "pobj":
                            objs.add(g.lemma_.lower())
                            # ("most of its training and counter-terrorism operations": "training" is an nmod)
                            # ("thousands of migrant workers": an adjectival noun says which workers)
                            objs.update(
                                x.lemma_.lower() for x in _kids(g) if x.dep_ in ("compound", "nmod", "amod")
                            )
                            prts.update(x.lower_ for x in _kids(g) if x.dep_ == "prep" and x.lower_ == "from")
            for cj in ch.conjuncts:
                objs.add(cj.lemma_.lower())
    return prts, objs, pobjs


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Lower-cased country names (pycountry), built once per process."""
    import pycountry

    names: set[str] = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                names.add(v.lower())
    return frozenset(names)


def _country_named(g: Any) -> bool:
    """Whether an entity the tagger labelled ORG is a country's name ("withdrew from Niger"): a place left, not a
    body (small spaCy models often label African and Asian country names ORG)."""
    ent = ent_at(g.doc, g.i)
    return ent is not None and ent.text.lower().removeprefix("the ") in _country_names()


_OBJECT_PRONS = {"them", "him", "her"}
# nouns that only count what their "of" phrase names ("a wave of attacks", "a series of strikes")
_SERIES = {"wave", "series", "spate", "string", "round", "barrage", "campaign", "cycle"}


def _object_antecedent(tok: Any, obj: Any) -> Any | None:
    """ "intercepted 120 migrants and returned them": the object that a pronoun object of a verb coordinated
    with an earlier one stands for ("a boat carrying migrants ... returned them": those the object carries)."""
    if obj.dep_ != "dobj" or obj.lower_ not in _OBJECT_PRONS or tok.dep_ != "conj" or tok.head.i >= tok.i:
        return None
    for d in _kids(tok.head):
        if d.dep_ == "dobj" and d.pos_ in ("NOUN", "PROPN"):
            carried = [g for c in _kids(d) if c.dep_ == "acl" for g in _kids(c) if g.dep_ == "dobj"]
            return carried[0] if carried else d
    return None


def _pronoun_object(tok: Any, obj: Any) -> set[str]:
    """The words (head, compounds, modifiers) of the object a pronoun object stands for (`_object_antecedent`),
    lent to the lexicon match."""
    ante = _object_antecedent(tok, obj)
    if ante is None:
        return set()
    ante = _partitive(ante)  # "a group of asylum seekers": the seekers
    return {ante.lemma_.lower()} | {c.lemma_.lower() for c in _kids(ante) if c.dep_ in ("compound", "amod")}


_LETTING = {"allow", "let", "permit"}
_COMPELLING = {"force", "compel"}
# verbs that always take what they move as object: with none, a past form is a reduced passive the parser took
# for the main verb ("The two warships sent to the Gulf, ..., continue to ...")
_SENDING = {"send", "deploy", "dispatch", "airlift", "redeploy"}
_TOPIC_PREPS = frozenset({"over"})  # "action over the cuts", "a row over pay": what it is about


def _ranged(noun: Any) -> bool:
    """A noun counted by a range of two numbers ("800 and 1,100 soldiers")."""
    nums = [c for c in _kids(noun) if c.dep_ == "nummod" and c.like_num]
    return any(c.dep_ == "conj" and c.like_num for n in nums for c in _kids(n))


def _time_phrase(prep: Any) -> bool:
    """A prepositional phrase that only gives a date or time ("on Monday", "in March")."""
    objs = [g for g in _kids(prep) if g.dep_ == "pobj"]
    # ("for the first time" is no entity)
    return bool(objs) and all(g.ent_type_ in ("DATE", "TIME") or g.lemma_.lower() == "time" for g in objs)


def _amount(tok: Any) -> bool:
    """A sum or quantity ("$10 million", "2,000 tonnes") whose "in ..." phrase names what it is of."""
    return tok.like_num or tok.pos_ == "NUM" or tok.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL")


def _verb_lemma(tok: Any, lex: _Lex) -> str:
    """The verb's lemma, corrected where the tagger's lemmatizer confuses two verbs (data/events/lemma_fixes.tsv:
    "raped" -> "rap", which would read as the rebuke "rapped"); a hyphenated verb the tokenizer split keeps its
    prefix when the lexicon lists the whole ("test-fired": "test-fire", not "fire")."""
    tab = _tab(tok)
    if tab is not None:
        i = tok.i
        lemma = lex.lemma_fixes.get(tab.lower[i], tab.llemma[i])
        if lemma == "go" and any(tab.dep[c] == "aux" and tab.llemma[c] == "let" for c in tab.kids[i]):
            return "let go"
        if i >= 2 and tab.text[i - 1] == "-" and tab.idx[i - 1] + 1 == tab.idx[i]:  # (no space after the "-")
            whole = f"{tab.lower[i - 2]}-{lemma}"
            if whole in lex.verbs:
                return whole
        return lemma
    lemma = lex.lemma_fixes.get(tok.lower_, tok.lemma_.lower())
    if lemma == "go" and any(c.dep_ == "aux" and c.lemma_.lower() == "let" for c in _kids(tok)):
        return "let go"  # "the rebels let go two hostages": the parser makes "let" an auxiliary of "go"
    doc = _doc_toks(tok.doc)
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_:
        whole = f"{doc[tok.i - 2].lower_}-{lemma}"
        if whole in lex.verbs:
            return whole
    return lemma


def _split_verb(tok: Any, lex: _Lex) -> bool:
    """A hyphenated verb the lexicon lists whole ("tear-gassed", "baton-charged"), which the parser, splitting it,
    read as an adjective on its object ("Riot police tear-gassed students marching on parliament"): still the verb
    (a modifier such as "Israeli-occupied" or "rebel-held" has no whole-word row)."""
    return "-" in _verb_lemma(tok, lex)


# verbs that take an act as their object in a "to" clause ("vowed to take revenge", "to exact retribution")
_EXACTING = {"take", "seek", "exact", "wreak", "extract"}


def _verb_objects(tok: Any) -> tuple[set[str], set[str], dict[str, set[str]]]:
    """`_objects(tok)`, with a naming verb's apposition as an object too ("branded the commander a terrorist", the
    name parsed as an apposition)."""
    prts, direct, pobjs = _objects(tok)
    direct |= _armed_kind(tok)
    if tok.lemma_.lower() in _NAMING:
        direct |= {
            a.lemma_.lower() for c in _kids(tok) if c.dep_ == "dobj" for a in _kids(c) if a.dep_ == "appos"
        }
    if tok.lemma_.lower() == "deny":
        # "denied entry to a team of observers": the "to" phrase hung on the object names whom the bar keeps out
        for o in (c for c in _kids(tok) if c.dep_ == "dobj"):
            for p in (c for c in _kids(o) if c.dep_ == "prep" and c.lower_ == "to"):
                for g in (c for c in _kids(p) if c.dep_ == "pobj"):
                    prts.add("to")
                    of = [x for c in _kids(g) if c.dep_ == "prep" and c.lower_ == "of" for x in _kids(c)]
                    pobjs.setdefault("to", set()).update(
                        {g.lemma_.lower(), *(x.lemma_.lower() for x in of if x.dep_ == "pobj")}
                    )
    if tok.lemma_.lower() == "say":
        # "said no to the proposal" (REJECT): the answer, parsed as an interjection
        direct |= {c.lower_ for c in _kids(tok) if c.dep_ in ("intj", "dobj") and c.lower_ in _ANSWERS}
    return prts, direct, pobjs


_ANSWERS = frozenset({"no"})


# plain craft and vehicles made a force by a modifier ("armed boats", "patrol boats", "armoured vehicles")
_VEHICLES = frozenset({"vehicle", "truck", "lorry", "car", "jeep", "pickup"})
_ARMING = frozenset({"armed"})


def _armed_kind(tok: Any) -> set[str]:
    """The force word of an object that is a craft or vehicle only by its modifier: "dispatched ten armed boats"
    (a warship), "had moved armoured vehicles toward the border" (armour); a verb moving them moves a force
    (manual, MOBILIZE). Plain "boats" or "trucks" stay what they are (aid convoys, ferries)."""
    out: set[str] = set()
    objs = [c for c in _kids(tok) if c.dep_ in ("dobj", "nsubjpass")]
    for o in [*objs, *(cj for x in objs for cj in x.conjuncts)]:
        mods = {c.lemma_.lower() for c in _kids(o) if c.dep_ in ("amod", "compound")}
        mods |= {c.lower_ for c in _kids(o) if c.dep_ in ("amod", "compound")}
        low = o.lemma_.lower()
        if low in _CRAFT and mods & (_ARMED_CRAFT | _ARMING):
            out.add("warship")
        elif low in _VEHICLES and mods & (_ARMED_ADJ | _ARMING):
            out.add("armour")
    return out


_OPINING = {"agree", "concur"}
_MODALS = {"will", "would", "shall", "should", "must", "can", "could", "may", "might", "'ll", "wo", "ca"}


def _opinion_agreed(tok: Any) -> bool:
    """ "The leaders agreed that the economy was the main issue": agreeing that something is so is an opinion
    shared, no commitment (PLOVER AGREE is a promise or willingness to act); a that-clause with a modal ("agreed that
    the coalition will end its mission") or an object, "to" or "on" phrase ("agreed to / on a truce") stays AGREE."""
    kids = list(_kids(tok))
    if any(
        c.dep_ in ("dobj", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("on", "to", "upon", "over"))
        for c in kids
    ):
        return False
    comps = [c for c in kids if c.dep_ == "ccomp" and (_is_verb(c) or c.pos_ == "AUX")]  # ("was": a copula)
    return bool(comps) and not any(g.dep_ == "aux" and g.lower_ in _MODALS for c in comps for g in _kids(c))


def _match_verb(tok: Any, lex: _Lex) -> _Rule | None:
    rules = lex.verbs.get(_verb_lemma(tok, lex))
    if not rules:
        return None
    tab = _tab(tok)
    lemma = tab.llemma[tok.i] if tab is not None else tok.lemma_.lower()
    if lemma in _OPINING and _opinion_agreed(tok):
        return None
    if lemma in _NAMING and any(c.lower_ == "what" for c in _kids(tok)):
        return None  # "launched what it called anti-terrorist operations": the actor's own name for its act
    # the verb's particles and objects, found when a row first asks for them (a row with neither takes the verb
    # as it is: most verbs' first row; speed)
    found: tuple[set[str], set[str], dict[str, set[str]]] | None = None
    # a phrasal verb the lexicon lists ("call off") is a word of its own: the bare verb's rows do not apply to it
    if tab is not None and "prt" not in [tab.dep[j] for j in tab.kids[tok.i]]:
        particles: set[str] = set()  # (no particle: the test below, on the token table: speed)
    else:
        hedge = _hedge_up(tok)
        particles = {
            c.lower_
            for c in _kids(tok)
            if c.dep_ == "prt"
            and any(r.prt == c.lower_ for r in rules)
            and (hedge is None or c.i != hedge[0].i)
        }
    phrasal = bool(particles)
    objs: set[str] = set()
    for r in rules:  # most specific first
        if phrasal and r.prt not in particles:
            continue  # "called up volunteers for an offensive": the particle's rows, not "call for"
        if r.prt or r.objs is not None:
            if found is None:
                found = _verb_objects(tok)
            prts, direct, pobjs = found
            if r.prt and r.prt not in prts and r.prt not in direct:
                continue
            objs = direct | pobjs.get(r.prt, set()) if r.prt else direct
            if r.prt in ("out", "away"):  # "pulled out of the treaty", "walked out of the talks"
                objs = objs | pobjs.get("of", set()) | pobjs.get("from", set())
        if r.event == "SANCTION" and r.objs == _LIST and not _sanctions_told(tok):
            continue  # "added garlic to the list": a list is a sanctions list only in a story of sanctions
        if r.prt == "across" and _across_from(tok):
            continue  # "parked across the street from the embassy": facing it, nothing blocked
        if r.objs == "+":
            if not objs:
                continue
        elif r.objs is not None and not (objs & r.objs):  # type: ignore[operator]
            continue
        if r.event == "RETREAT" and tok.lemma_.lower() in _TRAVEL_VERBS and (_travel(tok) or _causative(tok)):
            return None
        if r.event != "ACCUSE" and r.prt is None and tok.lemma_.lower() in _NAMING and _named(tok):
            continue  # "called the meeting a success": a name given, no meeting called (name-calling: ACCUSE rows)
        if r.event == "SANCTION" and r.mode == "withdraw" and r.prt and found and _armed(found[1], lex):
            continue  # "withdrew 400 troops from Dhobley": soldiers pulled back are a retreat (manual, RETREAT)
        if r.event == "AID" and _sends_vehicles(tok, r, lex) and not _relief_sent(tok, lex):
            continue  # "the army sent 40 trucks to the front", "a shipment of shells": no relief named, no aid
        if (
            r.event == "SANCTION"
            and r.mode == "expel"
            and r.objs is not None
            and "flee" in r.objs
            and any(c.dep_ in ("nsubjpass", "auxpass") for c in _kids(tok))
        ):
            continue  # "thousands were forced to flee": a flight no one is named as forcing (a flood, the fighting)
        act = _role_in_act(tok, lex) if r.event == "REJECT" and tok.lemma_.lower() == "deny" else None
        if act is not None:
            return act  # "denied any involvement in the blast": the blast, denied by the verb's subject
        if r.event == "MOBILIZE" and r.objs is None and not _mobilizes_force(tok, lex):
            continue  # "mobilized pressure groups", "deployed observers": no armed force is moved
        if (
            r.event == "MOBILIZE"
            and r.mode == "weapons"
            and tok.lemma_.lower() in _SUPPLYING
            and _to_state(tok)
        ):
            return _Rule("AID", None, "07", r.prt, r.objs, r.words)  # "sent weapons to Kyiv": arms supplied
        return r
    return None


_ROLES = frozenset({"role", "involvement", "responsibility", "complicity", "part", "hand"})


def _role_in_act(tok: Any, lex: _Lex) -> _Rule | None:
    """ "denied any involvement in the blast", "denied responsibility for the kidnapping": a role denied in an act
    the sentence names is that act, denied (factuality denied, the denier its actor); a role denied with no act
    named ("denied any role") stays the refusal (REJECT)."""
    for o in _kids(tok):
        if o.dep_ != "dobj" or o.lemma_.lower() not in _ROLES:
            continue
        for c in _kids(o):
            if c.dep_ == "prep" and c.lower_ in ("in", "for", "behind"):
                for g in _kids(c):
                    m = _match_noun(g, lex) if g.dep_ == "pobj" else None
                    if m is not None and m[0].event not in ("NONE", "REJECT"):
                        return m[0]
    return None


# forces withdrawn as "non-military resources" (manual, SANCTION withdraw): peacekeepers and monitors
_UNARMED = {
    "peacekeeper",
    "observer",
    "monitor",
    "peacekeeping",
    "trainer",
    "instructor",
    "adviser",
    "advisor",
}


# verbs that hand weapons over: weapons sent to another state are arms supplied (conventions: arms supplies, AID)
_SUPPLYING = {"send", "ship"}


def _to_state(tok: Any) -> bool:
    """Whether the verb's "to" phrase names a country or capital ("sent weapons to Kyiv")."""
    return any(
        g.dep_ == "pobj" and g.ent_type_ == "GPE"
        for c in _kids(tok)
        if c.dep_ in ("prep", "dative") and c.lower_ == "to"
        for g in _kids(c)
    )


def _armed(objs: set[str], lex: _Lex) -> bool:
    """Whether a verb's direct objects include an armed force other than peacekeepers, monitors or trainers."""
    return bool(objs & lex.force_words) and not objs & _UNARMED


def _mobilizes_force(tok: Any, lex: _Lex) -> bool:
    """Whether what a generic MOBILIZE verb moves is an armed force or weapons (or left unsaid, or a number):
    the manual's MOBILIZE is military or police moves; "mobilized supporters" is no such move."""
    objs = [c for c in _kids(tok) if c.dep_ == "dobj"]
    if not objs:
        return True
    obj = _partitive(objs[0])
    if obj.like_num or obj.pos_ in ("NUM", "PRON") or obj.ent_type_:
        return True
    words = {obj.lemma_.lower()} | {c.lemma_.lower() for c in _kids(obj) if c.dep_ in ("compound", "amod")}
    if words & lex.force_words or _forces(obj):
        return True
    into_force = any(
        c.dep_ == "prep"
        and c.lower_ in ("into", "to")
        and any(_forces(g) for g in _kids(c) if g.dep_ == "pobj")
        for c in _kids(tok)
    )  # "drafted young men into the army": they become the force
    if _people_noun(obj) and not _criminal(obj) and not into_force and _code_sector(obj) != "UNK":
        # "mobilized lawyers / doctors / pressure groups": people of a civil role, no armed force (trained hackers,
        # gangs: an irregular force)
        return False
    lemma = obj.lemma_.lower()
    return not (lemma in _GROUP_NOUNS or lemma in _CIVIC_MASSES)  # (other people moved, e.g. trained hackers)


def _code_sector(tok: Any) -> str | None:
    code_actor = _coder()

    return code_actor(tok.lemma_.lower()).sector


def _criminal(tok: Any) -> bool:
    return _code_sector(tok) == "CRM"


def _causative(tok: Any) -> bool:
    """ "it left the troops facing an uncertain future", "left thousands homeless": leaving someone in a state is no
    withdrawal. The state is a participle or adjective right after the object (spaCy hangs it in several places:
    on the verb, on the object, on the object's "of" phrase, or under a preposition of the verb)."""
    subj = next((c for c in _kids(tok) if c.dep_ == "nsubj"), None)
    if subj is not None and subj.pos_ in ("NOUN", "VERB") and any(c.dep_ == "dobj" for c in _kids(tok)):
        lex = _lex()
        if _match_noun(subj, lex) is not None or subj.lemma_.lower() in lex.natural:
            return True  # "the withdrawal left the city without power", "fighting left three dead": an event's result
    if any(
        c.dep_ == "prep"
        and (
            c.lower_ == "without"
            or (c.lower_ == "in" and any(g.lemma_.lower() in _lex().plight for g in _kids(c)))
        )
        for c in _kids(tok)
    ):
        return True  # "left the town without water", "left much of the city in ruins": a state the leaving caused
    objs = [c for c in _kids(tok) if c.dep_ == "dobj"]
    if not objs:
        # "left a dozen soldiers seriously injured", parsed as a small clause: a bare participle or adjective
        # with its own subject and no auxiliary
        return any(
            c.dep_ in ("ccomp", "xcomp") and c.tag_ in ("VBN", "JJ")
            and any(g.dep_ in ("nsubj", "nsubjpass") for g in _kids(c))
            and not any(g.dep_ in ("aux", "auxpass", "dobj") for g in _kids(c))
            for c in _kids(tok)
        )  # fmt: skip
    obj = objs[0]
    # ("left three officers badly wounded": the small model hangs the state participle as an adverbial clause)
    near = [
        c
        for c in _kids(tok)
        if c.i > obj.i
        and c.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "advcl")
        and not (c.dep_ == "advcl" and c.left_edge.i > 0 and _doc_toks(c.doc)[c.left_edge.i - 1].text == ",")
    ]  # (", ending a six-year mission": a clause set off by a comma says what the leaving did, not a state)
    near += [g for c in _kids(tok) if c.i > obj.i and c.dep_ == "prep" for g in _kids(c) if g.dep_ == "pcomp"]
    inner = [
        g for c in _kids(obj) if c.dep_ == "prep" and c.lower_ == "of" for g in _kids(c)
    ]  # "thousands of"
    near += [c for n in [obj, *inner] for c in _kids(n) if c.i > n.i and c.dep_ in ("acl", "amod", "oprd")]
    # a participle with its own arguments modifies the object ("the base built by Saddam"); a bare one is a state
    # (a place or time phrase keeps it one: "left three soldiers wounded near Kramatorsk")
    return any(
        c.tag_ == "VBG"
        or (c.tag_ in ("VBN", "JJ") and all(g.dep_ in ("advmod", "neg", "prep") for g in _kids(c)))
        for c in near
    )


def _travel(tok: Any) -> bool:
    """ "Mr Raab left London for Washington": a named person leaving a place is travelling, not retreating
    (PLOVER's RETREAT is forces or parties pulling out)."""
    subj = [c for c in _kids(tok) if c.dep_ == "nsubj"]
    h = tok
    while not subj and h.dep_ in ("pcomp", "prep", "advcl", "xcomp") and h.head.i != h.i:
        h = h.head  # "Raab said before leaving London": the subject of the clause the phrase hangs on
        subj = [c for c in _kids(h) if c.dep_ == "nsubj"]
    if not subj or not all(
        s.ent_type_ == "PERSON"
        or s.lower_ in ("he", "she")
        or (s.tag_ == "NN" and s.lemma_.lower() in _TRAVELLERS)
        for s in subj
    ):
        return False
    objs = [c for c in _kids(tok) if c.dep_ == "dobj"]
    return bool(objs) and all(o.ent_type_ in _PLACE_ENTS for o in objs)


def _match_noun(tok: Any, lex: _Lex) -> tuple[_Rule, int] | None:
    """Rule and first token index of the longest lexicon phrase ending at `tok`."""
    tab = _tab(tok)
    if tab is not None:
        rules = lex.nouns.get(tab.llemma[tok.i]) or lex.nouns.get(tab.lower[tok.i])
    else:
        rules = lex.nouns.get(tok.lemma_.lower()) or lex.nouns.get(tok.lower_)
    if not rules:
        return None
    doc = _doc_toks(tok.doc)
    for r in rules:
        n = len(r.words)
        if "of" in r.words[1:-1]:  # "show of force": the head first, its "of" phrase after it
            e = tok.i + n - 1
            if e < _sent_of(tok).end and all(
                doc[tok.i + k].lemma_.lower() == w or doc[tok.i + k].lower_ == w
                for k, w in enumerate(r.words)
                if k
            ):
                return r, tok.i
            continue
        s = tok.i - n + 1
        if s < _sent_of(tok).start:
            continue
        if all(doc[s + k].lemma_.lower() == w or doc[s + k].lower_ == w for k, w in enumerate(r.words[:-1])):
            if len(r.words) == 1 and r.words[0] in lex.senses:
                r = _sense(tok, r, lex.senses[r.words[0]])
            return r, s
        if n == 2 and (first := _spaced_modifier(tok, r.words[0])) is not None:
            return r, first
    return None


def _spaced_modifier(tok: Any, word: str) -> int | None:
    """ "joint naval patrols", "coordinated maritime patrols", "joint air force drills": a phrase's modifier word
    kept from its head by other modifiers; its index, when every word between is a modifier within the phrase."""
    doc = _doc_toks(tok.doc)
    j = tok.i - 1
    while j >= tok.left_edge.i and doc[j].dep_ in ("amod", "compound", "nmod") and tok.i - j <= 4:
        if doc[j].lemma_.lower() == word or doc[j].lower_ == word:
            return j if j < tok.i - 1 else None  # (adjacent: the plain match above)
        j -= 1
    return None


_TARGET_PREPS = {"on", "against"}
_PLACE_ENTS = {"GPE", "LOC", "FAC", "NORP"}


def _struck_place(tok: Any) -> bool:
    """Whether a noun's "on"/"against" phrase names a country, place or facility ("strikes on Iran")."""
    return any(
        g.dep_ == "pobj" and g.ent_type_ in _PLACE_ENTS
        for c in _kids(tok)
        if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS
        for g in _kids(c)
    )


def _sense(tok: Any, rule: _Rule, senses: list[tuple[_Rule, frozenset[str]]]) -> _Rule:
    """The reading of an ambiguous bare noun ("the strike": a walkout or an attack) with the most cue words in its
    sentence, else in its document; the lexicon's own row when no cue decides."""
    # a place struck as the noun's own "on"/"against" object ("strikes on Iran") is a cue, written <target> in the
    # data and counted twice: it speaks of this noun, not of its sentence
    target = ["<target>"] * 2 if _struck_place(tok) else []
    for span in (_sent_toks(_sent_of(tok)), _doc_toks(tok.doc)):
        lemmas = [t.lemma_.lower() for t in span if t.i != tok.i] + target
        scores = [(sum(1 for w in lemmas if w in cues), r) for r, cues in senses]
        scores.sort(key=lambda x: -x[0])
        if scores and scores[0][0] > 0 and (len(scores) == 1 or scores[0][0] > scores[1][0]):
            return scores[0][1]
    return rule


def _phrase_head(first: int, tok: Any) -> Any:
    """The token of doc[first..tok] whose head lies outside it."""
    for t in _doc_toks(tok.doc)[first : tok.i + 1]:
        if not (first <= t.head.i <= tok.i) or t.head.i == t.i:
            return t
    return tok


# "sparked riots", "triggered protests"
_SPARKING = {"spark", "trigger", "provoke", "ignite", "unleash", "fuel"}


def _crowd_noun(h: Any, lex: _Lex) -> bool:
    """A noun of crowd unrest (PROTEST: protests, riots, strikes, demonstrations) that a cause is said to set off."""
    m = _match_noun(h, lex)
    return m is not None and m[0].event == "PROTEST"


# a person who addresses, leads or speaks at a rally, march or demonstration takes part in it (PROTEST, by the noun)
_ADDRESSING = {"address", "lead", "headline"}
_SPEAKING_AT = {"speak", "appear"}


def _addressed_crowd(h: Any, lex: _Lex, verb_trigs: set[int]) -> bool:
    """A crowd noun (rally, march, demonstration) that its verb's subject will address or lead ("will address a
    rally", "led a march") or speak at ("is due to speak at a protest")."""
    if h.dep_ == "dobj":
        gov = h.head
        ok = gov.lemma_.lower() in _ADDRESSING
    elif h.dep_ == "pobj" and h.head.lower_ == "at":
        gov = h.head.head
        ok = gov.lemma_.lower() in _SPEAKING_AT
    else:
        return False
    return ok and gov.pos_ in ("VERB", "AUX") and gov.i not in verb_trigs and _crowd_noun(h, lex)


def _nominal_anchor(head: Any, lex: _Lex, verb_trigs: set[int]) -> Any | None:
    """Where a nominal event stands in the clause, or None when it is only a mention (not reported as an event)."""
    h = head
    if head.lemma_.lower() in _CAUSE_ONLY and not _death_cause(head, verb_trigs):
        return None  # "condemned the violence", "fears of violence": named, not reported as an attack
    if h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.pos_ in ("NOUN", "NUM"):
        h = h.head.head  # "10 days of war games", "a wave of air strikes"
    if h.dep_ == "conj":
        h = h.head
        while h.dep_ == "conj":
            h = h.head
    dep = h.dep_
    if any(c.dep_ == "compound" and c.i in verb_trigs and _past_as_modifier(c) for c in _kids(h)):
        return None  # "Kenya lifts curfew": the object of a headline verb read as its compound (the verb codes it)
    if dep == "nsubj" and _judged(h, lex):
        return None  # "a Russian attack was unlikely", "the ceasefire was holding": judged, not reported
    if dep in ("dobj", "nsubjpass") and h.head.lemma_.lower() in lex.light and h.head.i not in verb_trigs:
        if any(c.dep_ == "oprd" for c in _kids(h.head)):
            return None  # "called the detentions political": the event is named and judged, not held
        return h.head
    if dep in ("dobj", "nsubjpass") and h.head.i in verb_trigs:
        return head  # absorbed by the verb ("suspended aid deliveries"), may give it a mode
    if (
        dep == "dobj"
        and h.head.lemma_.lower() in _SPARKING
        and (_crowd_noun(h, lex) or _crowd_noun(head, lex))
    ):
        # "the arrest sparked riots", "the price rise triggered protests", "sparked two days of protests": the
        # unrest broke out
        return head
    if _addressed_crowd(h, lex, verb_trigs):
        return h.head if dep != "pobj" else h.head.head  # "will address a rally", "spoke at a protest"
    if dep in ("nsubj", "ROOT") or h.head.i == h.i:
        return head
    if _sequel_of(h, lex):
        return head  # "The agreement came after talks in Abu Dhabi": the earlier event is told as well
    if dep == "pobj" and h.head.lower_ == "in" and h.head.head.lemma_.lower() in _PARTAKE:
        return h.head.head  # "engaged in ethnic cleansing", "took part in a protest"
    if dep == "pobj" and h.head.lower_ == "for" and h.head.head.lemma_.lower() in _GATHERING | _PREPARING:
        return h.head.head  # "returned to Geneva for talks", "gathered in Brussels for a summit": the purpose
    if (
        dep == "pobj"
        and h.head.lower_ == "for"
        and h.lemma_.lower() in lex.unplaces
        and _present_at(h.head.head)
    ):
        return h.head.head  # "was in Quito for talks": being at a place for talks is meeting there
    if dep == "pobj" and h.head.dep_ == "prep" and h.head.head.i in verb_trigs:
        return head  # "killed in a bomb attack": absorbed by the verb, gives the mode
    if dep == "pobj" and h.head.lower_ == "for" and _called_for(h.head.head, verb_trigs):
        return head  # "rejected calls for a withdrawal": what the call asks for, absorbed by the verb (see _absorb)
    if dep == "pobj" and h.head.lower_ in ("in", "during") and h.head.head.lemma_.lower() in _DYING:
        return head  # "nine soldiers died in an ambush": the attack is the event, the dead its recipients
    if dep == "pobj" and h.head.lower_ in ("from", "of", "in") and h.head.head.lemma_.lower() in _TOLLS:
        return head  # "the toll from the car bomb has risen to seven": the count reports the attack
    if (
        dep == "attr"
        and h.i > 0
        and _doc_toks(h.doc)[h.i - 1].lower_ in _STATE_PREPS
        and _doc_toks(h.doc)[h.i - 1].head.i == h.head.i
    ):
        return h.head  # "soldiers are on standby" parsed with the state noun as attribute of "are"
    if dep == "pobj" and h.head.dep_ == "prep":
        gov = h.head.head
        if h.head.lower_ in _STATE_PREPS and gov.lemma_.lower() in _STATE_VERBS:
            return gov  # "troops were placed on standby", "workers are on strike": the state's verb
        if h.head.lower_ == "in" and _is_verb(gov) and gov.lemma_.lower() in lex.reporting:
            return gov  # "in a phone call, X told Y", "told them to leave, in a warning"
    if not verb_trigs and (
        (_own_day(head) and (_caused_state(head) or _dated_argument(head))) or _between_parties(head)
    ):
        # "six sailors remain in hospital after Monday's missile attack", "a row overshadowed talks between Serbia
        # and Kosovo": with no act in the sentence, an event with its own day that the reported state followed, or
        # with its own parties, is the news the sentence reports (beside an act, as in "arrested three men after
        # Friday's bombing", it stays background; "open despite last week's raids" only contrasts)
        return head
    return None


_DAY_WORDS = {"yesterday", "today", "tonight", "week", "weekend", "month", "night", "morning", "evening",
              "afternoon"}  # fmt: skip


def _own_day(noun: Any) -> bool:
    """A nominal event dated by its own possessive ("Monday's attack", "last week's strike") or date phrase ("a
    protest in March")."""
    poss = [c for c in _kids(noun) if c.dep_ == "poss"]
    poss += [g for c in poss for g in _kids(c) if g.dep_ == "poss"]  # "Wednesday's teachers' strike"
    if any(c.ent_type_ in ("DATE", "TIME") or c.lemma_.lower() in _DAY_WORDS for c in poss):
        return True
    # "since a similar protest in March", "after an attack on Monday": a date phrase of its own
    return any(c.dep_ == "prep" and c.lower_ in ("in", "on") and _time_phrase(c) for c in _kids(noun))


_POINTERS = {"it", "this", "that"}  # "It follows Thursday's protest": the sentence's subject points back


def _dated_argument(noun: Any) -> bool:
    """A dated nominal event that a clause with no act of its own is about: its passive subject ("the arrival of
    the carrier group on Tuesday was meant as a message") or what a pointing subject follows ("It follows
    Thursday's protest at the embassy", "This comes after Sunday's rally")."""
    if noun.dep_ == "nsubjpass":
        return True
    gov = noun.head
    if noun.dep_ == "pobj" and gov.lower_ in ("after", "following") and gov.dep_ == "prep":
        gov = gov.head
    elif noun.dep_ != "dobj":
        return False
    if gov.lemma_.lower() not in _SEQUEL_VERBS:
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in _POINTERS for c in _kids(gov))


_CAUSE_PREPS = {
    "after",
    "since",
    "following",
}  # "in hospital after / since Monday's attack" ("despite": a contrast)


def _caused_state(noun: Any) -> bool:
    """The event noun heads an "after / since / following" phrase: the state the sentence reports followed it."""
    return noun.dep_ == "pobj" and noun.head.lower_ in _CAUSE_PREPS


def _between_parties(noun: Any) -> bool:
    """A nominal event with its parties in a "between" phrase naming two ("talks between the Serbian and Kosovo
    leaders", "talks between Sudan's army and the RSF")."""
    for c in _kids(noun):
        if c.dep_ == "prep" and c.lower_ == "between":
            for g in _kids(c):
                if g.dep_ == "pobj" and (
                    any(x.dep_ == "conj" for x in _kids(g))
                    or any(
                        x.dep_ in ("amod", "compound") and any(y.dep_ == "conj" for y in _kids(x))
                        for x in _kids(g)
                    )  # fmt: skip
                ):
                    return True
    return False


_SEQUEL_VERBS = {"come", "follow"}  # "the deal came after talks", "the truce follows weeks of talks"


def _event_noun_came(gov: Any, lex: _Lex) -> bool:
    """Whether gov is a sequence verb ("came", "followed") whose subject is an event noun ("The truce came ...")."""
    if gov.lemma_.lower() not in _SEQUEL_VERBS or not _is_verb(gov):
        return False
    subj = next((c for c in _kids(gov) if c.dep_ == "nsubj"), None)
    return subj is not None and subj.pos_ == "NOUN" and _match_noun(subj, lex) is not None


def _sequel_of(h: Any, lex: _Lex) -> bool:
    """Whether the noun h names the earlier of two events a sequence verb relates ("The agreement came after
    talks", "The ceasefire followed talks in Doha"): the clause's subject is itself an event noun and the verb names
    no act, so the earlier event is reported, not background to an act."""
    if h.dep_ == "pobj" and h.head.lower_ in ("after", "following") and h.head.dep_ == "prep":
        gov = h.head.head
    elif h.dep_ == "dobj":
        gov = h.head
    else:
        return False
    return _event_noun_came(gov, lex)


def _sequel_clause(v: Any, lex: _Lex) -> bool:
    """Whether the verb v heads the earlier of two events a sequence verb relates as a clause ("The truce came two
    days after shelling killed three people", "The curfew followed hours after rioters torched ..."): as with
    `_sequel_of`, the main clause is an event noun that "came", no act of its own, so the earlier act is told."""
    if v.dep_ == "pcomp" and v.head.lower_ in ("after", "following") and v.head.dep_ == "prep":
        gov = v.head.head
    elif v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "after" for c in _kids(v)):
        gov = v.head
    else:
        return False
    return _event_noun_came(gov, lex)


_ENDINGS = {"end", "conclude", "close", "wrap"}  # verbs that tell a meeting's end


# what a measure or act is forecast to do to others ("would drive trading underground", "will only harden
# opposition", "could hurt exporters"): an opinion on its effects, no report of the act
_EFFECTS = {"harden", "drive", "hurt", "harm", "damage", "undermine", "worsen", "deepen", "weaken", "strengthen",
            "backfire", "alienate", "embolden", "radicalise", "radicalize"}  # fmt: skip


_FORECAST_MODALS = {"would", "will", "'ll", "could", "might", "may"}


def _forecast_effect(subj: Any) -> bool:
    """A subject noun whose clause forecasts its effect on others with a modal ("would drive", "will harden")."""
    v = subj.head
    return (
        subj.dep_ == "nsubj"
        and v.lemma_.lower() in _EFFECTS
        and any(c.dep_ == "aux" and c.lower_ in _FORECAST_MODALS for c in _kids(v))
    )


def _judged(subj: Any, lex: _Lex) -> bool:
    """Whether a subject noun's clause only judges or forecasts it (data/events/classes.tsv `verdict`): "the attack
    was unlikely / possible" (a copula with such an adjective), "the truce was holding", "sanctions had worked",
    or calls it an accident or natural event (data/events/natural_causes.tsv: "the blast was an accident")."""
    v = subj.head
    if v.lemma_.lower() in lex.verdict and v.pos_ in ("VERB", "ADJ"):
        # a meeting that ended was held: "Friday's talks ended without a statement" reports the talks (an
        # agreement or a truce that ends is no new act of its own)
        met = (
            v.lemma_.lower() in _ENDINGS
            and (m := _match_noun(subj, lex)) is not None
            and m[0].event == "CONSULT"
        )
        return not met
    if _forecast_effect(subj):
        return True  # "a ban would drive trading underground", "the crackdown will harden opposition": a forecast
    # "... was unlikely", and "the explosion was an accident": a named event declared a natural or chance one;
    # "the 1998 invasion was a turning point", "parades are a fixture of the day": an undated event (or a kind of
    # event) given its place in history or habit, not reported (a dated one, "Monday's raid was a reminder of ...",
    # is still the news)
    return v.lemma_.lower() in ("be", "become", "remain") and any(
        (c.dep_ == "acomp" and c.lemma_.lower() in lex.verdict)
        or (c.dep_ == "attr" and c.lemma_.lower() in lex.natural)
        or (c.dep_ == "attr" and c.lemma_.lower() in lex.hallmarks and not _own_day(subj))
        for c in _kids(v)
    )


def _existential_call(tok: Any) -> bool:
    """A call or demand that a "there is/are" clause reports, with what it asks for ("There were calls for the
    minister to resign", "there have been demands for an inquiry")."""
    tab = _tab(tok)
    if tab is not None and tab.llemma[tok.i] not in _CALLS:
        return False  # (the same test as below, on the token table: speed)
    if tok.lemma_.lower() not in _CALLS or tok.dep_ not in ("attr", "nsubj", "dobj"):
        return False
    v = tok.head  # "there were calls", "there have been growing calls" (parsed with "growing" as the verb)
    if v.lemma_.lower() != "be" and not (tok.dep_ == "dobj" and any(c.lemma_ == "be" for c in _kids(v))):
        return False
    if not any(c.dep_ == "expl" for c in _kids(v)):
        return False
    # "calls for a ceasefire" (a "for" phrase), "calls for the minister to resign" ("for" marks a clause)
    fors = [c for c in _kids(tok) if c.lower_ == "for"]
    fors += [c for g in _kids(tok) for c in _kids(g) if c.lower_ == "for" and c.dep_ == "mark"]
    return bool(fors)


def _called_for(gov: Any, verb_trigs: set[int]) -> bool:
    """Whether a "for" phrase hangs on a call or demand that is the object of an event verb ("rejected calls for"),
    or on that verb itself beside such an object (the parser's "rejecting calls from MPs for a withdrawal")."""
    if gov.i in verb_trigs:
        return any(c.dep_ == "dobj" and c.lemma_.lower() in _CALLS for c in _kids(gov))
    return gov.lemma_.lower() in _CALLS and gov.dep_ == "dobj" and gov.head.i in verb_trigs


_REPROACHING = {"attack", "hit", "lash", "slam", "blast"}


def _reproach(tok: Any) -> bool:
    """ "attacked the opposition for blocking his reforms", "slammed Ankara for jailing journalists": blame for a
    deed ("for" + a gerund) makes the verb a verbal attack (CAMEO 11), not force; "for three hours" is a time."""
    if tok.lemma_.lower() not in _REPROACHING:
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ == "for"
        and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in _kids(c))
        for c in _kids(tok)
    )


# who criticises: "came under fire from his own party", "from critics"
_CRITICS = {"party", "critic", "opposition", "lawmaker", "legislator", "mp", "media", "press", "union", "campaigner",
            "activist", "colleague", "ally", "rival", "backbencher", "commentator", "newspaper", "group", "church",
            "parliament", "senator", "congressman", "member"}  # fmt: skip
# what a verbal attack is made on: policies, plans, words
_POLICY_WORDS = {"budget", "policy", "plan", "reform", "bill", "law", "proposal", "record", "decision", "handling",
                 "remark", "speech", "stance", "leadership", "program", "programme", "strategy", "report", "ruling",
                 "legislation", "measure", "package", "deal", "agreement", "approach", "credibility", "statement",
                 "comment", "manifesto", "tax", "spending"}  # fmt: skip


def _criticised_from(tok: Any) -> bool:
    """ "came under fire from his own party", "came under attack over tuition fees": criticism (manual, ACCUSE
    disapprove), not shooting, when the fire comes from critics or is over a topic and no weapon is named."""
    if tok.lemma_.lower() != "come":
        return False
    subj = next((c for c in _kids(tok) if c.dep_ == "nsubj"), None)
    lex = _lex()
    if subj is None or subj.lemma_.lower() in lex.force_words | lex.formations | _CRAFT:
        return False  # "the convoy came under fire over the border": troops and vehicles are shot at
    for c in _kids(tok):
        if c.dep_ != "prep":
            continue
        objs = [g for g in _kids(c) if g.dep_ == "pobj"]
        if c.lower_ == "from" and any(g.lemma_.lower() in _CRITICS for g in objs):
            return True
        if c.lower_ == "over" and any(not g.ent_type_ and g.lemma_.lower() not in _TIME_WORDS for g in objs):
            return True
        if c.lower_ == "under":  # "came under attack over his pension reforms": the topic hangs on the attack
            for g in objs:
                for p in _kids(g):
                    if (
                        p.dep_ == "prep"
                        and p.lower_ == "over"
                        and any(
                            x.dep_ == "pobj" and not x.ent_type_ and x.lemma_.lower() not in _TIME_WORDS
                            for x in _kids(p)
                        )
                    ):
                        return True
    for c in _kids(tok):  # "from his own party over tuition fees": the topic hangs on the critics
        if c.dep_ == "prep" and c.lower_ == "from":
            for g in _kids(c):
                if any(p.dep_ == "prep" and p.lower_ == "over" for p in _kids(g)):
                    return True
    return False


_MEETINGS = {"talk", "negotiation", "dialogue", "dialog", "meeting", "summit", "consultation", "discussion"}


def _refused_meeting(tok: Any) -> bool:
    """A refusal whose object is a proposal, offer or call for talks ("turned down a proposal for talks", "rejected
    an invitation to a summit"): the refused act is a meeting (manual, REJECT meet)."""
    for o in _kids(tok):
        if o.dep_ != "dobj":
            continue
        for p in _kids(o):
            if p.dep_ == "prep" and p.lower_ in ("for", "of", "to"):
                if any(g.dep_ == "pobj" and g.lemma_.lower() in _MEETINGS for g in _kids(p)):
                    return True
    return False


_TIME_WORDS = {
    "weekend",
    "night",
    "day",
    "week",
    "month",
    "year",
    "period",
    "hour",
    "morning",
    "evening",
    "border",
    "area",
    "region",
    "town",
    "city",
    "village",
    "sky",
    "territory",
    "frontier",
    "district",
    "province",
    "sea",
    "water",
    "line",
    "zone",
}  # fmt: skip (times and places: no topic)


def _policy_target(tok: Any) -> bool:
    """An attack noun whose "on" phrase names a policy or words ("a fierce attack on the government's budget"):
    a verbal attack (manual, ACCUSE disapprove)."""
    if tok.lemma_.lower() not in ("attack", "assault", "broadside", "onslaught"):
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("on", "against")
        and any(g.dep_ == "pobj" and g.lemma_.lower() in _POLICY_WORDS for g in _kids(c))
        for c in _kids(tok)
    )


def _hazard(h: Any, lex: _Lex) -> bool:
    """Whether a noun names a hazard of data/events/natural_causes.tsv: its lemma (or plural form) when the parser
    saw no name in it, or a sentence-initial capitalised word the small model tags as a name ("Wildfires
    destroyed"), or a named hazard ("Typhoon Haiyan", "Hurricane Ian", "Storm Daniel")."""
    if h.lemma_.lower() in lex.natural or h.lower_ in lex.natural or h.lower_[:-1] in lex.natural:
        named = h.pos_ == "PROPN" and any(
            c.dep_ == "compound" and c.pos_ == "PROPN" and c.lower_ not in _HAZARD_KINDS for c in _kids(h)
        )  # "Operation Desert Storm": a name, no storm
        if (not h.ent_type_ or h.i == _sent_of(h).start) and not named:
            return True
    if h.lemma_.lower() in _MISHAPS and not any(c.dep_ in ("amod", "poss", "compound") for c in _kids(h)):
        # "a fire at a nightclub", "an explosion at a coal mine": an accident where people work or gather
        for c in _kids(h):
            if c.dep_ == "prep" and c.lower_ in ("at", "in"):
                if any(g.dep_ == "pobj" and g.lemma_.lower() in _WORKPLACES for g in _kids(c)):
                    return True
    if h.pos_ == "PROPN" or h.ent_type_:
        return any(c.dep_ == "compound" and c.lower_ in lex.natural for c in _kids(h))
    return False


_MISHAPS = {"fire", "explosion", "blast", "blaze"}
_HELD_BY_ONESELF = {"prisoner", "detainee", "inmate", "convict"}  # freed by their jailers: a release
_ENTITLEMENTS = {"right", "power", "authority", "freedom", "mandate", "licence", "license", "permission"}
_HAZARD_KINDS = {
    "tropical",
    "winter",
    "snow",
    "ice",
    "dust",
    "sand",
    "solar",
}  # "Tropical Storm", "Winter Storm"
_WORKPLACES = {"nightclub", "club", "disco", "factory", "plant", "refinery", "mine", "colliery", "pit", "warehouse",
               "mill", "workshop", "quarry"}  # fmt: skip


def _sworn_in(tok: Any) -> bool:
    """ "was sworn in (as president)": taking an oath of office (the particle "in" right after the verb)."""
    return tok.lemma_.lower() == "swear" and any(
        c.dep_ in ("prt", "prep") and c.lower_ == "in" and c.i == tok.i + 1 for c in _kids(tok)
    )


def _crowd_weapon_used(tok: Any, lex: _Lex) -> bool:
    """Whether a crowd is broken up "with" a less-lethal weapon named ("dispersed the march with tear gas and water
    cannon"): the manual codes an explicit crowd-control weapon or tactic ASSAULT crowd-control, and keeps
    COERCE for dispersals with none named ("police pushed back protesters")."""
    holders = [tok, *(c for c in _kids(tok) if c.dep_ == "dobj")]
    for h in holders:
        for p in _kids(h):
            if p.dep_ != "prep" or p.lower_ not in ("with", "using"):
                continue
            for g in _kids(p):
                if g.dep_ != "pobj":
                    continue
                words = {w.lemma_.lower() for x in [g, *g.conjuncts] for w in [x, *_kids(x)]}
                if words & lex.crowd_weapons:
                    return True
    return False


def _natural_cause(tok: Any, lex: _Lex) -> bool:
    """Whether the verb's subject (or "by" agent) is a natural hazard, accident or disease, not an actor."""
    if tok.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE for c in _kids(tok)):
        h = tok.head  # "a drought that has killed 30 people": the relative pronoun stands for the drought
        if _hazard(h, lex):
            return True
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and any(c.dep_ == "dobj" for c in _kids(tok)):
        # "Heavy rains killed 40 people" parsed as a noun phrase ("rains [that] killed"): an active verb with its own
        # object hung on the hazard as a participle
        if _hazard(tok.head, lex):
            return True
    for c in _kids(tok):
        heads = (
            [c]
            if c.dep_ == "nsubj"
            else [g for g in _kids(c) if g.dep_ == "pobj"]
            if c.dep_ == "agent"
            else []
        )
        for h in heads:
            if _hazard(h, lex):
                return True
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.i != tok.i and _is_verb(tok.head):
        # "A typhoon battered the coast, killing 40", "a bus crashed into a ravine, killing 22": the participle's
        # harm is the hazard's or the accident's, whose clause it ends
        gov = tok.head
        if gov.lemma_.lower() in lex.natural or _natural_cause(gov, lex):
            return True
    if tok.lemma_.lower() in _DYING or any(c.dep_ == "auxpass" for c in _kids(tok)):
        # "were killed in a stampede", "died in a crush among mourners": the accident is the cause, with no agent
        for c in _kids(tok):
            if c.dep_ == "agent":
                return False
        for c in _kids(tok):
            if c.dep_ == "prep" and c.lower_ in ("in", "during"):
                if any(
                    g.dep_ == "pobj" and not g.ent_type_ and g.lemma_.lower() in lex.natural for g in _kids(c)
                ):
                    return True
    return False


_DYING = {"die", "perish", "drown"}
# nouns that report an attack only as what people died or were killed in ("1,100 people died in violence after the
# vote", "were killed in ethnic violence"): elsewhere they are named, judged or feared, not reported
_CAUSE_ONLY = {"violence", "bloodshed"}


def _death_cause(head: Any, verb_trigs: set[int]) -> bool:
    """Whether a noun is what its clause's dead died in or were killed in ("died in violence", "killed in the
    bloodshed")."""
    if head.dep_ != "pobj" or head.head.lower_ not in ("in", "during") or head.head.dep_ != "prep":
        return False
    gov = head.head.head
    return gov.lemma_.lower() in _DYING or gov.i in verb_trigs


def _dying_verb(tok: Any) -> Any | None:
    """The dying verb a nominal attack is the cause of ("died in violence", "perished in the fighting"), or None."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "during") or tok.head.dep_ != "prep":
        return None
    gov = tok.head.head
    return gov if gov.lemma_.lower() in _DYING else None


_CALLS = {"call", "demand", "request", "appeal", "plea"}  # "calls for a withdrawal": see _nominal_anchor
_TOLLS = {"toll", "casualty"}  # "the death toll from", "casualties in": counts of an event's victims


def _died_in(tok: Any) -> Any | None:
    """The subject of "died in" an event noun ("nine soldiers died in an ambush" -> soldiers), else None."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("in", "during") or prep.head.lemma_.lower() not in _DYING:
        return None
    return next((c for c in _kids(prep.head) if c.dep_ == "nsubj"), None)


# words that set an event apart from one already told ("in a separate attack", "another raid"): never merged
_ANOTHER = {"separate", "another", "second", "third", "fresh", "further", "different", "similar"}
_ANOTHER_ELSEWHERE = _ANOTHER | {"elsewhere"}


def _set_apart(tok: Any) -> bool:
    """An event noun called another one ("a separate attack", "another raid")."""
    return tok.pos_ == "NOUN" and any(c.dep_ in ("amod", "det") and c.lower_ in _ANOTHER for c in _kids(tok))


def _clause_verb(tok: Any) -> Any:
    """The verb heading the clause a word stands in (the word itself for a verb)."""
    cur = tok
    for _ in range(12):
        if _is_verb(cur) or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _own_names(trig: _Trig) -> set[str]:
    """Names (places, proper nouns) in a trigger's own clause: a nominal event's phrase, or a verb's clause without
    the clauses coordinated to it."""
    if trig.nominal:
        words = list(trig.tok.subtree)
    else:
        cut = {w.i for c in _kids(trig.anchor) if c.dep_ == "conj" and _is_verb(c) for w in c.subtree}
        words = [w for w in trig.anchor.subtree if w.i not in cut]
    return {w.lower_ for w in words if w.pos_ == "PROPN" and w.ent_type_ not in ("DATE", "TIME")}


def _named_apart(a: _Trig, b: _Trig) -> bool:
    """Two events of coordinated clauses that each name their own place or party, one of them a nominal event ("the
    attack on the Jowhar market killed 14, and the toll from the Baidoa car bomb has risen to seven"): two events."""
    if not (a.nominal or b.nominal):
        return False
    va, vb = _clause_verb(a.anchor), _clause_verb(b.anchor)
    if va.i == vb.i or va not in vb.conjuncts:
        return False
    na, nb = _own_names(a), _own_names(b)
    return bool(na) and bool(nb) and not na & nb


_LATER_WORDS = {"later", "earlier", "afterwards", "before"}


def _own_times(verb: Any) -> list[str]:
    """The time phrases a verb's own clause gives ("on Monday", "three days later"), not those of its conjuncts."""
    out = []
    for c in _kids(verb):
        if c.dep_ in ("conj", "cc", "ccomp", "xcomp", "advcl", "relcl"):
            continue
        words = list(c.subtree)
        if c.dep_ in ("prep", "npadvmod", "advmod") and (
            any(w.ent_type_ in ("DATE", "TIME") for w in words) or c.lower_ in _LATER_WORDS
        ):
            out.append(" ".join(w.lower_ for w in words))
    return out


def _sequel_pair(a: _Trig, b: _Trig) -> bool:
    """Event nouns a sequence verb relates ("The talks in Doha on Tuesday followed a flag meeting at Torkham last
    Saturday", "the deal came after talks"): the later and the earlier event are two, even of one type."""
    if not (a.nominal and b.nominal) or a.tok.dep_ != "nsubj":
        return False
    gov = a.tok.head
    if gov.lemma_.lower() not in _SEQUEL_VERBS or not _is_verb(gov):
        return False
    h = b.tok
    if h.dep_ == "dobj":
        return h.head.i == gov.i
    return h.dep_ == "pobj" and h.head.lower_ in ("after", "following") and h.head.head.i == gov.i


def _relative_apart(a: _Trig, b: _Trig) -> bool:
    """An act told in a relative clause on the subject of another, each dated on its own, on different days
    ("Their foreign ministers, who spoke by phone last Friday, will hold talks in Nouakchott later today")."""
    rel = a.anchor
    if rel.dep_ != "relcl" or rel.head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    main = rel.head.head
    if b.anchor.i != main.i and b.anchor.head.i != main.i:
        return False
    tr, tm = _own_times(rel), _own_times(main)
    if any("same" in w.split() for w in tr + tm):
        return False  # "on the same day": one day, whatever the words
    return bool(tr) and bool(tm) and not set(tr) & set(tm)


def _dated_apart(a: _Trig, b: _Trig) -> bool:
    """Two coordinated acts each dated on its own, on different days ("released three prisoners on Monday and freed
    four more on Thursday", "let two hostages go on 18 September and freed the last five three days later"): two
    events, though of one type and actor."""
    if _sequel_pair(a, b) or _sequel_pair(b, a) or _relative_apart(a, b) or _relative_apart(b, a):
        return True
    if a.nominal or b.nominal:
        return False
    heads_a = [a.anchor, *(c for c in _kids(a.anchor) if c.dep_ in ("ccomp", "xcomp"))]
    heads_b = [b.anchor, *(c for c in _kids(b.anchor) if c.dep_ in ("ccomp", "xcomp"))]
    for x in heads_a:
        for y in heads_b:
            if y in x.conjuncts:
                tx, ty = _own_times(x), _own_times(y)
                return bool(tx) and bool(ty) and not set(tx) & set(ty)
    return False


def _distinct(sent: Any, event: str, lex: _Lex) -> bool:
    """Whether the sentence calls its event of this type another one ("died in a separate attack")."""
    for tok in _sent_picks(sent, "lower", _ANOTHER_ELSEWHERE):  # (the first tests on the table: speed)
        if tok.lower_ == "elsewhere" and tok.dep_ == "advmod" and _is_verb(tok.head):
            return True  # "Elsewhere in Mali, a roadside bomb killed four": another event than the one before
        if tok.lower_ in _ANOTHER and tok.dep_ in ("amod", "det") and tok.head.pos_ == "NOUN":
            m = _match_noun(tok.head, lex)
            if m is not None and m[0].event == event:
                return True
    return False


def _control_of_thing(tok: Any) -> bool:
    """Whether the verb's object is "control" of something that is no ground ("control of inflation", "control of
    the company"): a named place or a word for ground (a town, a base, a crossing) is taken by force."""
    ctrl = next((c for c in _kids(tok) if c.dep_ == "dobj" and c.lemma_.lower() == "control"), None)
    if ctrl is None:
        return False
    objs = [
        g for c in _kids(ctrl) if c.dep_ == "prep" and c.lower_ == "of" for g in _kids(c) if g.dep_ == "pobj"
    ]
    if not objs:
        return False
    return not any(
        g.ent_type_ in ("GPE", "LOC", "FAC")
        or any(x.ent_type_ in ("GPE", "LOC", "FAC") for x in g.subtree)
        or g.lemma_.lower() in _GROUND_WORDS
        for g in objs
    )


_GROUND_WORDS = {"town", "city", "village", "base", "territory", "airport", "area", "province", "region", "outpost",
                 "post", "position", "hill", "crossing", "border", "port", "harbour", "harbor", "road", "highway",
                 "bridge", "district", "capital", "airbase", "island", "coast", "valley", "pass", "oilfield", "field",
                 "refinery", "dam", "plant", "checkpoint", "building", "parliament", "palace", "square", "street",
                 "neighbourhood", "neighborhood", "camp", "prison", "penitentiary", "jail", "gaol", "station", "headquarters", "compound", "zone",
                 "front", "frontline", "line", "stronghold", "enclave", "strip", "bank", "mine"}  # fmt: skip


_WARNED = ("to",)


def _natural_target(tok: Any, lex: _Lex, preps: tuple[str, ...] = ("against", "off", "on")) -> bool:
    """Whether what the verb (or event noun) attacks is a hazard, disease or social ill (data/events/natural_causes.tsv):
    its object, its "against" / "off" / "on" phrase ("war on red tape"), or, for a warning or a surrender, a hazard
    compounded on the object ("issued a tsunami warning") or its "to" phrase ("surrender to complacency")."""
    if preps is _WARNED:  # (not the object itself: "threatened fresh stoppages" is a threat)
        for c in [tok, *_kids(tok)]:
            if (c is tok or c.dep_ in ("dobj", "nsubjpass")) and any(
                g.dep_ == "compound" and _hazard(g, lex) for g in _kids(c)
            ):
                return True
        return any(
            c.dep_ == "prep"
            and c.lower_ == "to"
            and any(g.dep_ == "pobj" and _hazard(g, lex) for g in _kids(c))
            for c in _kids(tok)
        )
    for c in _kids(tok):
        heads = [c] if c.dep_ == "dobj" else []
        if c.dep_ == "prep" and c.lower_ in preps:
            heads = [g for g in _kids(c) if g.dep_ == "pobj"]
        if c.dep_ == "dobj":  # "wage a battle against loneliness"
            heads += [
                g
                for p in _kids(c)
                if p.dep_ == "prep" and p.lower_ in preps
                for g in _kids(p)
                if g.dep_ == "pobj"
            ]
        if any(_hazard(h, lex) for h in heads):
            return True
    return False


def _by_subject(tok: Any, lex: _Lex) -> _Rule | None:
    """A rule of data/events/subject_verbs.tsv whose subjects include tok's subject ("crowds gathered")."""
    lemma = _verb_lemma(tok, lex)
    rules = lex.by_subject.get(lemma)
    if lemma in _FIRING_ALONE and not any(c.dep_ in ("dobj", "prep", "prt") for c in _kids(tok)):
        gun = _mover(tok)
        word = _partitive(gun).lemma_.lower() if gun is not None else ""
        if _non_actor_words().get(word) == "thing" and (word in lex.force_words or word in lex.guns):
            # "North Korean guns fired again": a weapon that fires, with no target or sea named, attacks
            return _Rule("ASSAULT", "heavy-weapons", "19")
        if word in lex.force_words and _non_actor_words().get(word) != "thing":
            # "his troops had not fired first", "soldiers fired when the crowd surged": armed people who fire,
            # with no object, shoot (an object, "fired 20 officers" or "fired tear gas", has rows of its own)
            return _Rule("ASSAULT", "firearms", "19")
    homebound = lemma in _HOMEBOUND and _goes_home(tok, only_home=True)
    if not rules and not homebound:
        return None
    subj = _mover(tok)  # (a passive's subject here is its "by" agent)
    if subj is None and tok.dep_ == "acomp":  # "investors are worried about ...": the subject of "be"
        subj = next((c for c in _kids(tok.head) if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    who = {_partitive(s).lemma_.lower() for s in [subj, *subj.conjuncts]}  # "backed by tanks and artillery"
    who |= _force_of_subject(subj, lex)
    # "Swiss drugmaker Novartis", "the carmaker Toyota": a name whose title word says it is a company
    who |= {
        c.lemma_.lower() for s in [subj, *subj.conjuncts] for c in _kids(s) if c.dep_ == "compound"
    } & lex.companies
    who |= _market_side(subj, lex)
    if any(s.ent_type_ == "GPE" and s.pos_ == "PROPN" for s in [subj, *subj.conjuncts]):
        who.add(_GPE_SUBJECT)  # "Hanoi protested the survey": a state acting (rows on @state_subject)
    if homebound and who & lex.force_words:
        return _Rule("RETREAT", "withdraw", "08")  # "200 soldiers flew home from Bangui": a force pulled out
    if not rules:
        return None
    if lemma in _MOVING_ALONE and (any(c.dep_ == "dobj" for c in _kids(tok)) or _goes_home(tok)):
        return None  # "followed orders", "returned fire", "returned to barracks": no deployment
    if (
        lemma in _PUTTING_TO_SEA
        and not _no_event_for(rules, who)
        and (
            not (_from_port(tok) or (lemma == "sail" and _sails_in(tok, subj, lex))) or _aid_arrival(tok, lex)
        )
    ):
        return None  # "the warships left the Black Sea": a withdrawal (verbs.tsv), not a fleet putting to sea
    rule = next((r for subjects, r in rules if who & subjects), None)
    if (
        rule is not None
        and rule.event == "AID"
        and any(c.dep_ == "dobj" and _partitive(c).lemma_.lower() in _HELD_BY_ONESELF for c in _kids(tok))
    ):
        return None  # "the army freed 30 rebel prisoners": its own prisoners released (RETREAT), no rescue
    if (
        rule is not None
        and rule.event == "MOBILIZE"
        and any(c.dep_ == "dobj" and c.lemma_.lower() in lex.unplaces for c in _kids(tok))
    ):
        return None  # "the rebels entered negotiations": no place entered, no movement
    return rule


_COURT_WORDS = {"court", "judge", "jury", "tribunal", "magistrate"}
_PRISONS = {"prison", "jail", "gaol", "detention", "custody"}
_JAILING = {"jail", "imprison"}


def _acquittal(tok: Any) -> bool:
    """ "found the former executive not guilty": a finding of guilt negated on its adjective is an acquittal."""
    return tok.lemma_.lower() == "find" and any(
        c.lemma_.lower() in ("guilty", "liable") and any(g.dep_ == "neg" for g in _kids(c))
        for c in _kids(tok)
    )


def _prison_terms(trigs: list[_Trig]) -> list[_Trig]:
    """A court sentence to prison is a conviction and an imprisonment (manual, SANCTION convict: "court sentences that
    include imprisonment will also receive a COERCE arrest mode"): "sentenced X to five years in prison" adds
    COERCE arrest, "a court jailed X for 25 years" adds SANCTION convict, each on the same words."""
    out = list(trigs)
    have = {(t.tok.i, t.rule.event) for t in trigs}
    for t in trigs:
        if t.nominal:
            continue
        v = t.tok
        if t.rule.event not in ("SANCTION", "COERCE"):
            continue
        words = {w.lemma_.lower() for w in v.subtree if w.i > v.i}
        if t.rule.event == "SANCTION" and t.rule.mode == "convict" and words & _PRISONS:
            add = _Rule("COERCE", "arrest", "17")
        elif (
            t.rule.event == "COERCE"
            and v.lemma_.lower() in _JAILING
            and (
                any(c.dep_ == "nsubj" and c.lemma_.lower() in _COURT_WORDS for c in _kids(v))
                or any(
                    w.lemma_.lower() in ("year", "month")
                    for w in v.subtree
                    if w.i > v.i and w.head.lower_ == "for"
                )
            )
        ):
            add = _Rule("SANCTION", "convict", "16")
        else:
            continue
        if (v.i, add.event) not in have:
            out.append(_Trig(v, t.anchor, add, t.start, t.end, add.mode))
            have.add((v.i, add.event))
    return out


_WE = {"we", "us"}
_OUGHT = {"must", "should", "ought"}
_QUOTE_MARKS = frozenset('"\u201c\u201d')


def _writers_voice(sent: Any, trigs: list[_Trig], lex: _Lex) -> list[_Trig]:
    """An opinion writer's own call ("We must fight inflation", "Let us not retreat from free trade", "We should
    welcome refugees"): a first-person plural subject with must/should, or "let us", in a sentence that quotes no
    one and reports no speaker, is the column's view, no one's act."""
    if not trigs or not any(t.lower_ in _WE for t in _sent_picks(sent, "lower", _WE)):
        return trigs  # ("we must", "let us": no first-person plural, no call; cheap check first, for speed)
    return [t for t in trigs if not _voiced_call(sent, t.anchor, lex)]


def _voiced_call(sent: Any, v: Any, lex: _Lex) -> bool:
    """Whether the clause of `v` is the writer's own call (see _writers_voice)."""
    if not _called(v):
        return False
    return not (
        any(ch in _QUOTE_MARKS for ch in _sent_text(sent))
        or any(t.lemma_.lower() in lex.reporting for t in _sent_picks(sent, "llemma", lex.reporting))
    )


def _called(v: Any) -> bool:
    """Whether `v` sits in a clause with "we must/should" or "let us" (see _writers_voice)."""
    for _ in range(5):  # one word up at a time ("We must fight inflation before it fights us")
        kids = list(_kids(v))
        if any(c.dep_ == "nsubj" and c.lower_ in _WE for c in kids) and any(
            c.dep_ == "aux" and c.lower_ in _OUGHT for c in kids
        ):
            return True
        if v.head.lemma_.lower() == "let" and any(c.lower_ == "us" for c in [*kids, *_kids(v.head)]):
            return True
        if v.lemma_.lower() == "let" and any(g.lower_ == "us" for c in kids for g in [c, *_kids(c)]):
            return True  # ("Let us not retreat ...": the parse's root is "let")
        if v.dep_ not in ("xcomp", "conj", "ccomp", "advcl", "dobj", "pobj", "prep") or v.head.i == v.i:
            return False
        v = v.head
    return False


# the word a country or capital named as a verb's subject adds to its subject words (classes.tsv, state_subject)
_GPE_SUBJECT = "gpe"


def _no_event_for(rules: Any, who: set[str]) -> bool:
    """Whether a NONE row of subject_verbs.tsv covers this subject ("residents left": people, not a force, leave)."""
    return any(r.event == "NONE" and who & subjects for subjects, r in rules)


def _market_side(subj: Any, lex: _Lex) -> set[str]:
    """Words that put a subject among companies or sports sides where its head alone does not: a name the actor
    lexicon codes as a business ("Samsung", "Walmart": sector BUS, or a multinational), or a sports word
    compounded on its head ("the Indian cricket team"). subject_verbs.tsv rows on @company and @sport use them."""
    code_actor = _coder()

    out: set[str] = set()
    for s in [subj, *subj.conjuncts]:
        out |= {c.lemma_.lower() for c in _kids(s) if c.dep_ == "compound"} & lex.sport
        if s.pos_ == "PROPN" and s.ent_type_ != "PERSON":
            # the whole name ("World Bank", not "Bank"): its compounds before the head
            a = code_actor(
                " ".join([c.text for c in s.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [s.text])
            )
            if a.sector == "BUS" or a.country == "MNC":
                out.add("company")
    return out


def _force_of_subject(subj: Any, lex: _Lex) -> set[str]:
    """Words that make a subject a force beyond its head lemma: a plural name's singular ("US Marines", tagged a
    name with lemma "Marines") and a force word compounded on a head that is no thing ("an army column")."""
    out: set[str] = set()
    for s in [subj, *subj.conjuncts]:
        s = _partitive(s)
        low = s.lower_
        if s.pos_ == "PROPN" and low.endswith("s") and low[:-1] in lex.force_words:
            out.add(low[:-1])
        if s.lemma_.lower() in lex.formations:
            mods = {c.lemma_.lower() for c in _kids(s) if c.dep_ == "compound" and c.i < s.i}
            out |= mods & lex.force_words
            if any(c.dep_ == "amod" and c.lemma_.lower() in _ARMED_ADJ for c in _kids(s)):
                out.add("army")  # "a military convoy", "armoured columns": a force's formation
            # "a contingent of 200 police officers": the force the formation is made of
            of = [g for c in _kids(s) if c.dep_ == "prep" and c.lower_ == "of" for g in _kids(c)]
            out |= {g.lemma_.lower() for g in of if g.dep_ == "pobj"} & lex.force_words
        if s.lemma_.lower() in _CRAFT and {c.lemma_.lower() for c in _kids(s)} & _ARMED_CRAFT:
            out.add("warship")  # "coast guard vessels", "navy boats": armed units at sea
        out |= _group_of_force(s, lex)
    return out


# collective nouns that are a force only by what their "of" phrase names ("a team of trainers", "a group of marines")
_GROUPS = frozenset({"team", "group", "squad", "batch", "handful"})


def _group_of_force(s: Any, lex: _Lex) -> set[str]:
    """ "Belgium's small team of trainers", "a group of 40 marines": the force words a collective noun is made of."""
    if s.lemma_.lower() not in _GROUPS:
        return set()
    of = [g for c in _kids(s) if c.dep_ == "prep" and c.lower_ == "of" for g in _kids(c) if g.dep_ == "pobj"]
    return {g.lemma_.lower() for g in of} & lex.force_words


_LIST = frozenset({"list"})
_SANCTION_WORDS = frozenset({"sanction", "blacklist", "embargo", "sanctions"})


def _sanctions_told(tok: Any) -> bool:
    """Whether the story speaks of sanctions (a word of them anywhere in the document; only asked for the rare
    "add ... to ... list")."""
    return any(t.lemma_.lower() in _SANCTION_WORDS or t.lower_ in _SANCTION_WORDS for t in _doc_toks(tok.doc))


def _across_from(tok: Any) -> bool:
    """An "across X from Y" phrase on the verb: a position opposite Y, not a span across X."""
    across = [c for c in _kids(tok) if c.dep_ == "prep" and c.lower_ == "across"]
    near = [*_kids(tok), *(x for c in across for g in _kids(c) for x in _kids(g))]
    return bool(across) and any(x.dep_ == "prep" and x.lower_ == "from" and x.i > across[0].i for x in near)


_CRAFT = frozenset({"ship", "vessel", "boat", "cutter", "patrol"})
_ARMED_CRAFT = frozenset({"guard", "coastguard", "naval", "navy", "military", "patrol"})


_ARMED_ADJ = frozenset({"military", "armoured", "armored", "army", "mechanised", "mechanized"})


def _mover(tok: Any) -> Any | None:
    """The verb's subject; for a verb the parser hung on a noun of a verbless "sentence" ("A convoy of 25 trucks
    crossed into X", parsed with "convoy" as root and "crossed" as a participle of "trucks"), that noun."""
    subj, _ = _subject(tok)
    if subj is not None:
        return subj
    if (
        tok.dep_ == "acl"
        and _sent_of(tok).root.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ in ("agent", "dobj", "aux", "auxpass") for c in _kids(tok))
        and any(c.dep_ == "prep" and c.lower_ in _DIRECTIONS for c in _kids(tok))
    ):
        return tok.head  # (a reduced passive "trucks loaded with rice" has no direction: no mover)
    return None


# verbs that attack with a weapon (non_actors.tsv "thing" and a force word, or classes.tsv `gun`) as subject and no
# object ("the guns fired again")
_FIRING_ALONE = {"fire"}

# movement verbs that deploy a force only with no object of their own ("more soldiers could follow", "the army
# would return"; not "followed orders", "returned fire"), rows in subject_verbs.tsv
_MOVING_ALONE = {"follow", "return"}
_HOMEWARD = {"home", "barracks", "base", "bases", "garrison", "garrisons"}
_DIRECTIONS = {"into", "to", "towards", "toward", "across", "through", "onto"}
# ships leaving port put to sea (manual, MOBILIZE: "military forces moving in a way that signals readiness");
# rows in subject_verbs.tsv, kept only with a port left ("left the port of Aksaz", "sailed from Sevastopol harbour")
_PUTTING_TO_SEA = {"leave", "depart", "sail"}
_PORTS = {"port", "harbour", "harbor", "dock", "naval", "base", "berth", "anchorage", "dockyard", "shipyard"}


def _goes_home(tok: Any, only_home: bool = False) -> bool:
    """Whether a force returns home or to its barracks (a pull-back, not a deployment); `only_home`: home itself."""
    near = [*_kids(tok), *(g for c in _kids(tok) if c.dep_ == "prep" for g in _kids(c))]
    if only_home:
        return any(w.lower_ == "home" and w.dep_ in ("advmod", "npadvmod", "pobj", "dobj") for w in near)
    return any(w.lemma_.lower() in _HOMEWARD or w.lower_ in _HOMEWARD for w in near)


# verbs of a journey: a force that makes it "home" is pulled out (manual, RETREAT withdraw)
_HOMEBOUND = {"fly", "return", "head", "come", "go", "sail", "travel"}


def _sails_in(tok: Any, subj: Any, lex: _Lex) -> bool:
    """ "A US aircraft carrier sailed into Busan", "warships sailed into waters near the islands": a warship sent
    into a port or waters shows force (manual, MOBILIZE: posturing short of force); a cruise ship is no warship."""
    if not any(
        c.dep_ == "prep" and c.lower_ in ("into", "to", "towards", "toward", "through") for c in _kids(tok)
    ):
        return False
    words = {subj.lemma_.lower()} | {c.lemma_.lower() for c in _kids(subj) if c.dep_ in ("compound", "amod")}
    return bool(words & lex.warships)  # its own lemma, or a word before it ("naval vessels", "navy ships")


def _from_port(tok: Any) -> bool:
    """Whether what is left (object, or "from" phrase) is a port or naval base."""
    objs = [c for c in _kids(tok) if c.dep_ == "dobj"]
    objs += [g for c in _kids(tok) if c.dep_ == "prep" and c.lower_ == "from" for g in _kids(c)]
    words = {w.lemma_.lower() for o in objs for w in [o, *_kids(o)] if w.dep_ != "prep" or w is o}
    return bool(words & _PORTS)


# the aid-arrival rows of subject_verbs.tsv; the second set arrives only with "into/in" ("pulled into Saravena")
_ARRIVING = {"reach", "arrive", "enter", "roll", "cross", "pull", "drive"}
_ARRIVING_INTO = {"pull", "drive"}
# the troop-movement rows of subject_verbs.tsv that deploy only "into" a place ("moved into Uvira", not "moved
# north" or "moved out")
_MOVING_INTO = {"move", "cross", "roll", "rumble"}
_JOINTLY = {"jointly"}  # adverbs that make any act a joint one (material cooperation, CAMEO 06)


def _paired_modifiers(noun: Any) -> bool:
    """ "Egyptian and Saudi troops": the noun's modifier is coordinated (two parties under one head)."""
    return any(m.dep_ in ("amod", "compound", "nmod") and any(g.dep_ == "conj" for g in _kids(m))
               for m in _kids(noun))  # fmt: skip


def _joint_act(tok: Any, lex: _Lex) -> bool:
    """An act done jointly ("are jointly patrolling the border"), or a joint body or venture set up by a verb with a
    "joint" row in verbs.tsv, the adjective anywhere in its object ("set up a joint gas company")."""
    if any(c.dep_ == "advmod" and c.lower_ in _JOINTLY for c in _kids(tok)):
        return True
    if any(c.dep_ == "advmod" and c.lower_ == "together" for c in _kids(tok)) and any(
        c.dep_ in ("nsubj", "nsubjpass") and (any(g.dep_ == "conj" for g in _kids(c)) or _paired_modifiers(c))
        for c in _kids(tok)
    ):
        return True  # "Indian and French warships have been exercising together": two parties act as one
    rows = lex.verbs.get(_verb_lemma(tok, lex), [])
    if not any(isinstance(r.objs, frozenset) and "joint" in r.objs for r in rows):
        return False
    near = [*_kids(tok), *(g for c in _kids(tok) if c.dep_ == "prep" for g in _kids(c))]
    # "will build a pipeline together" (the parser may hang "together" on a following "across" phrase)
    if any(c.dep_ == "advmod" and c.lower_ == "together" for c in near):
        return any(c.dep_ == "dobj" for c in _kids(tok))
    return any(w.lower_ == "joint" for c in _kids(tok) if c.dep_ == "dobj" for w in c.subtree)


_FACING = {"face", "pay", "suffer", "feel"}  # "would face sanctions", "will pay a price", "feel the wrath"
_PENALTIES = {
    "price",
    "wrath",
    "fury",
    "cost",
    "consequence",
    "sanction",
    "retaliation",
    "reprisal",
    "punishment",
}


_PLANS_FOR = {"scenario", "plan", "option", "contingency"}  # "drew up 13 scenarios for revenge"


def _how_question(tok: Any) -> bool:
    """An indirect question ("plans for how to respond if the monsoon fails", "options for whether to react"):
    contingency planning asks how one would act, and plans no reprisal against anyone."""
    return any(c.dep_ in ("advmod", "mark") and c.lower_ in ("how", "whether") for c in _kids(tok))


def _consequence(tok: Any, lex: _Lex) -> bool:
    """A warned-of consequence: "would/will face (sanctions, consequences)", "would pay a heavy price"; or plans
    made for revenge ("had drawn up 13 scenarios for revenge", "prepared options for retaliation")."""
    if any(c.dep_ == "dobj" and c.lemma_.lower() in _PLANS_FOR for c in _kids(tok)):
        # the "for" phrase on the plans, or on the verb as the parser may hang it
        heads = [tok, *(c for c in _kids(tok) if c.dep_ == "dobj")]
        aims = [
            g
            for h in heads
            for p in _kids(h)
            if p.dep_ == "prep" and p.lower_ == "for"
            for g in _kids(p)
            if not _how_question(g)
        ]
        if any(g.lemma_.lower() in lex.reprisal | {"revenge", "vengeance"} for g in aims):
            return True
    if tok.lemma_.lower() not in _FACING:
        return False
    if _or_else(tok):
        # "gave the junta a week to restore the president or face military action": the alternative is the threat
        return any(c.dep_ == "dobj" and c.lemma_.lower() in _PENALTIES | lex.reprisal for c in _kids(tok))
    if not any(c.dep_ == "aux" and c.lower_ in ("would", "will", "'ll", "wo", "could") for c in _kids(tok)):
        return False  # "Iran faces sanctions": in force, no threat
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _PENALTIES for c in _kids(tok))


def _or_else(tok: Any) -> bool:
    """ "comply or face ...": a verb coordinated by "or" (or "or else") after the demanded act."""
    if tok.dep_ != "conj" or tok.head.i >= tok.i:
        return False
    return any(c.dep_ == "cc" and c.lower_ == "or" for c in _kids(tok.head) if tok.head.i < c.i < tok.i)


_NAMING = {"call", "brand", "label", "dub"}  # verbs that name what they call something with a second object


def _named(tok: Any) -> bool:
    """ "called the meeting a success": an object and the name given to it (not "called up a class of recruits")."""
    kids = [c.dep_ for c in _kids(tok)]
    return "dobj" in kids and "oprd" in kids


_TELLING = {"tell", "give", "ask", "instruct", "order", "command", "direct"}


def _sent_away(tok: Any, lex: _Lex) -> Any | None:
    """The verb telling a diplomat to leave ("told the ambassador to leave", "gave the envoy 48 hours to leave"),
    when `tok` is that "leave"; else None."""
    if tok.lemma_.lower() not in _TRAVEL_VERBS or tok.dep_ not in ("xcomp", "advcl", "ccomp"):
        return None
    gov = tok.head
    if gov.lemma_.lower() not in _TELLING:
        return None
    left = [c for c in _kids(tok) if c.dep_ == "dobj"]
    if any(c.pos_ != "PROPN" and c.lemma_.lower() not in _HOMELANDS for c in left):
        return None  # "told the ambassador to leave the matter to the courts": no country left
    told = [c for c in _kids(gov) if c.dep_ in ("dobj", "dative")]
    # (a peacekeeping mission or monitors told to leave are expelled too: CAMEO 1661/1662)
    return gov if any(c.lemma_.lower() in lex.diplomats | _SENT_MISSIONS for c in told) else None


_SENT_MISSIONS = {"mission", "peacekeeper", "monitor", "observer", "inspector", "force"}


_HOMELANDS = {"country", "capital", "territory", "nation", "kingdom", "republic", "state"}


def _aid_arrival(tok: Any, lex: _Lex) -> bool:
    """Whether a convoy or lorries that reach a place carry relief or come from a relief agency: the subject's
    phrase or the verb's "with" phrase names relief goods or an agency ("a convoy of 40 WFP trucks reached Baidoa
    with sorghum", "forty lorries of UN food aid")."""
    subj = _mover(tok)
    words = [] if subj is None else list(subj.subtree)
    if subj is not None and subj.dep_ == "pobj" and subj.head.lower_ == "of":
        words += list(subj.head.head.subtree)  # "a World Food Programme convoy of 25 trucks"
    words += [w for c in _kids(tok) if c.dep_ == "prep" and c.lower_ == "with" for w in c.subtree]
    if tok.lemma_.lower() in _ARRIVING_INTO and not any(
        c.dep_ in ("prep", "prt") and c.lower_ in ("into", "in") for c in _kids(tok)
    ):
        return False  # "the lorries pulled out of Saravena": leaving, no delivery
    return any(w.lemma_.lower() in lex.aid_cargo or w.lower_ in lex.aid_cargo for w in words)


def _be_participle(tok: Any, lex: _Lex) -> bool:
    """A participle the tagger read as an adjective after "be" ("assets could be frozen"), whose form
    data/events/lemma_fixes.tsv maps to a lexicon verb: a passive of that verb."""
    return (
        tok.dep_ == "acomp"
        and tok.tag_ == "JJ"
        and tok.head.lemma_.lower() == "be"
        and tok.lower_ in lex.lemma_fixes
        and lex.lemma_fixes[tok.lower_] in lex.verbs
    )


def _sends_vehicles(tok: Any, rule: _Rule, lex: _Lex) -> bool:
    """Whether the AID row matched only by sending vehicles ("send up to 100 trucks": aidvehicle rows)."""
    return isinstance(rule.objs, frozenset) and bool(rule.objs) and rule.objs <= lex.aid_vehicles


_DESTINATION_PREPS = frozenset({"to", "into", "toward", "towards", "near"})


def _relief_sent(tok: Any, lex: _Lex) -> bool:
    """Whether who sends the vehicles, or the vehicles' phrase, names relief goods or a relief agency ("the WFP
    plans to send 100 trucks", "sent lorries of food")."""
    subj, _ = _subject(tok)
    if subj is None and tok.dep_ == "xcomp":
        subj, _ = _subject(tok.head)  # "The WFP plans to send ...": the planner sends
    words = [] if subj is None else list(subj.subtree)
    # a destination is no cargo ("dispatched coast guard ships to waters near the shoal")
    words += [
        w
        for c in _kids(tok)
        if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ not in _DESTINATION_PREPS)
        for w in c.subtree
        if not any(
            a.dep_ == "prep" and a.lower_ in _DESTINATION_PREPS
            for a in w.ancestors
            if c.left_edge.i <= a.i <= c.right_edge.i
        )
    ]
    return any(w.lemma_.lower() in lex.aid_cargo or w.lower_ in lex.aid_cargo for w in words)


def _into(tok: Any) -> bool:
    """Whether the verb (or its object: "crossed the border into Rwanda") has an "into" phrase."""
    heads = [tok, *(c for c in _kids(tok) if c.dep_ == "dobj")]
    # "rolled across the border (into Syria)": crossing a border or a line takes a force into another place
    # "tanks moving toward Tskhinvali": a force advancing on a place
    if any(
        c.dep_ == "prep" and c.lower_ in ("into", "across", "toward", "towards")
        for h in heads
        for c in _kids(h)
    ):
        return True
    # "forces moved to the border with Chad", "moved up to the frontier": a force sent to a frontier (session 23)
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("to", "up")
        and any(g.dep_ == "pobj" and g.lemma_.lower() in _FRONTIERS for g in _kids(c))
        for c in _kids(tok)
    )


_FRONTIERS = {"border", "frontier", "front", "frontline", "boundary"}
# verbs.tsv MOBILIZE rows that post a force only when a force is their subject ("took up positions")
_POSTING = {"take"}


def _no_force_posted(tok: Any, lex: _Lex) -> bool:
    """ "Photographers took up positions outside the court": the subject is no force (the movers of the "move"
    MOBILIZE rows of subject_verbs.tsv), or the force is sent home ("took up positions in their barracks")."""
    if tok.lemma_.lower() not in _POSTING:
        return False
    if _goes_home(tok):
        return True
    subj, _ = _subject(tok)
    if subj is None:
        return False
    movers = set().union(*(who for who, r in lex.by_subject.get("move", []) if r.event == "MOBILIZE"))
    return subj.lemma_.lower() not in movers and subj.lower_ not in movers


def _measure_subject(tok: Any, lex: _Lex) -> bool:
    """Whether the subject of a forceful verb is a sanction, law or other measure ("the measures, which target
    insurers", "the ban hits exporters"): an abstract measure restricts, it never attacks or coerces by force."""
    subj, passive = _subject(tok)
    if subj is None and passive:  # "insurers targeted by the new sanctions"
        agents = [g for c in _kids(tok) if c.dep_ == "agent" for g in _kids(c) if g.dep_ == "pobj"]
        subj = agents[0] if agents else None
    return subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() in lex.measures


_WARNING = {"warn", "caution"}


def _idle_warning(tok: Any, lex: _Lex) -> bool:
    """ "X warned that ..." is a threat only when the warned-of clause names a reprisal or a use of force or
    pressure (manual, THREATEN: "warned of consequences", "warned that Iraq would face sanctions"); a warning of a
    danger or a notice ("warned that helicopters would be flying") threatens no one."""
    if tok.lemma_.lower() not in _WARNING:
        return False
    clause = next((c for c in _kids(tok) if c.dep_ == "ccomp"), None)
    if clause is None:
        return False
    for w in clause.subtree:
        lemma = w.lemma_.lower()
        if lemma in lex.reprisal and not (
            _is_verb(w) and (any(c.dep_ == "neg" for c in _kids(w)) or _natural_cause(w, lex))
        ):
            # "warned that Russia would respond" (not "hospitals could not respond", nor "warned that the cyclone
            # would strike the coast": a hazard strikes no one)
            return False
        if lemma in lex.intolerance and any(c.dep_ == "neg" for c in _kids(w)):
            return False  # "warned that it would not tolerate any change": a red line drawn (CAMEO 130)
        r = _match_verb(w, lex) if _is_verb(w) else None
        if (
            r is not None
            and r.event in _THREAT_EVENTS | {"MOBILIZE", "THREATEN"}
            and not _natural_cause(w, lex)
        ):
            return False  # ("warned that rising sea levels threaten the islands": a hazard threatens no one)
    return True


def _absolute_with(tok: Any) -> bool:
    """A participle in an absolute "with" phrase, with no agent: "with shops shuttered", "with markets closed and
    roads deserted" (a scene described, no one named as closing anything)."""
    if tok.tag_ not in ("VBN", "VBD") or any(c.dep_ == "agent" for c in _kids(tok)):
        return False
    if tok.dep_ == "conj":
        tok = tok.head
    if tok.dep_ == "pcomp":
        return tok.head.lower_ == "with"
    return tok.dep_ == "acl" and tok.head.dep_ == "pobj" and tok.head.head.lower_ == "with"


_GENERIC_WHEN = {"wherever", "whenever"}


def _idle_threat(tok: Any) -> bool:
    """A passive "threatened" that reports no threat by anyone: in a generic clause ("wherever they are
    threatened") or by an agent that is no actor ("threatened by poaching", "by rising seas", "by early marriage").
    A threat of something ("were threatened with arrest") or by people ("by armed men", "by the militia") stays."""
    if tok.lemma_.lower() != "threaten" or not _passive(tok):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in _kids(tok)):
        return False
    agents = [
        g
        for c in _kids(tok)
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
        for g in _kids(c)
        if g.dep_ in ("pobj", "pcomp")
    ]
    if any(g.dep_ == "pcomp" for g in agents):
        return True  # "threatened by poaching": by a practice, not by anyone
    if not agents:
        return any(c.dep_ == "advmod" and c.lower_ in _GENERIC_WHEN for c in _kids(tok))
    return not any(
        g.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or _people_noun(_partitive(g)) for g in agents
    )


_CARRIED = {"fly", "travel"}  # visit verbs that, in the passive, say people were carried somewhere


def _passive(tok: Any) -> bool:
    """A passive verb, or a participle sharing the passive of the verb it is coordinated with ("were released
    and flown to Bamako")."""
    if any(c.dep_ == "auxpass" for c in _kids(tok)):
        return True
    return (
        tok.tag_ == "VBN"
        and tok.dep_ == "conj"
        and not any(c.dep_ in ("aux", "nsubj") for c in _kids(tok))
        and any(c.dep_ == "auxpass" for c in _kids(tok.head))
    )


# forces or warships reported seen somewhere are a military move there (manual, MOBILIZE: "all military or police
# moves that fall short of the actual use of force"): "two frigates were spotted off the coast", "tanks were sighted
# near the border"; the place phrase is needed ("troops were seen as a threat" is no move)
_SIGHTING = {"see", "spot", "sight", "observe", "photograph", "film"}
_SIGHTED_AT = {"off", "near", "in", "at", "along", "around", "over", "outside", "inside", "within", "across", "on",
               "close", "by", "approaching"}  # fmt: skip


def _sighted(tok: Any, lex: _Lex) -> _Rule | None:
    """MOBILIZE for a passive sighting of forces at a place ("Chinese warships were seen off X"), else None."""
    if tok.lemma_.lower() not in _SIGHTING or not _passive(tok):
        return None
    subj = next((c for c in _kids(tok) if c.dep_ == "nsubjpass"), None)
    if subj is None and tok.dep_ == "conj":
        subj = next((c for c in _kids(tok.head) if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.ent_type_ in ("PERSON", "GPE"):
        return None
    word = _partitive(subj).lemma_.lower()
    if word not in lex.force_words and word not in lex.warships and not _forces(_partitive(subj)):
        return None
    kids = _kids(tok)
    # (the place as the preposition's object, or a name right after it that the parser hung on the verb:
    # "seen off Bougainville" parsed as "off" + npadvmod)
    if not any(
        c.dep_ == "prep"
        and c.lower_ in _SIGHTED_AT
        and (
            any(g.pos_ in ("NOUN", "PROPN") for g in _kids(c))
            or any(g.i == c.i + 1 and g.pos_ in ("NOUN", "PROPN") for g in kids)
        )
        for c in kids
    ):
        return None
    # (ships are mobilised weapons, manual MOBILIZE: "mobilizing weapons, ships, or vehicles")
    return _Rule("MOBILIZE", "weapons" if word in lex.warships else "troops", "15")


_NOMINAL_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass"}  # where only a noun stands


_QUESTION_WORDS = {"where", "how", "why", "whether"}
_HOLDING = {"hold", "keep"}


def _captivity_asked(tok: Any) -> bool:
    """A passive "held/kept" in an indirect question ("never found where the hostages were held", "did not say how
    long they were kept"): the captivity is the place or time asked about, no capture the sentence reports."""
    if tok.lemma_.lower() not in _HOLDING or not _passive(tok) or tok.dep_ not in ("ccomp", "advcl", "xcomp"):
        return False
    return any(c.dep_ in ("advmod", "mark") and c.lower_ in _QUESTION_WORDS for c in _kids(tok)) or any(
        c.dep_ == "advmod" and any(g.lower_ in _QUESTION_WORDS for g in _kids(c)) for c in _kids(tok)
    )


def _find_triggers(sent: Any, lex: _Lex) -> list[_Trig]:
    trigs: list[_Trig] = []
    verb_idx: set[int] = set()
    stoks = _sent_toks(sent)
    tab = _tab(sent)
    for tok in stoks:
        if tab is not None:  # neither a verb nor an "acomp" (`_is_verb`, `_be_participle`): no verb trigger
            i = tok.i
            pos = tab.pos[i]
            if pos != "VERB" and (tab.tag[i] not in _VERB_TAGS or pos == "AUX") and tab.dep[i] != "acomp":
                continue
        # "Israeli-occupied", "rebel-held": a modifier, not an event (but "denied [moving] troops" is a gerund)
        if (
            _is_verb(tok)
            and (tok.dep_ not in ("amod", "compound") or _gerund_as_modifier(tok) or _split_verb(tok, lex))
        ) or _be_participle(tok, lex):
            r = _by_subject(tok, lex) or _sighted(tok, lex)
            if (
                r is not None
                and r.event == "AID"
                and tok.lemma_.lower() in _ARRIVING
                and not _aid_arrival(tok, lex)
            ):
                r = None  # "a convoy of armoured trucks reached the front": no relief on board
            if (
                r is not None
                and r.event == "MOBILIZE"
                and tok.lemma_.lower() in _MOVING_INTO
                and not _into(tok)
            ):
                r = None  # "the troops moved north", "moved out of the town": no deployment named
            if r is not None and r.event == "COERCE":
                v = _match_verb(tok, lex)
                if v is not None and v.event == "REJECT" and isinstance(v.objs, frozenset):
                    r = v  # "rebels blocked the peace deal": a proposal blocked is rejected, whoever blocks it
            if r is not None and r.mode is None and r.event != "NONE":
                v = _match_verb(tok, lex)
                if v is not None and isinstance(v.objs, frozenset) and v.event not in ("NONE", r.event):
                    r = v  # "troops forced villagers to flee": the complement's row (SANCTION expel) over the
                    # subject's generic one (COERCE), as "militants struck a deal" is an agreement
            r = r or _match_verb(tok, lex)
            if r is not None and r.event == "MOBILIZE" and _no_force_posted(tok, lex):
                r = None  # "photographers took up positions outside the court": no force deployed
            if (r is None or r.event == "MOBILIZE") and _joint_act(tok, lex):
                r = _Rule("COOPERATE", None, "06")  # "are jointly building a rail line" (CAMEO 06x)
            if r is not None and r.event == "REJECT" and r.mode is None and _refused_meeting(tok):
                r = _Rule(
                    "REJECT", "meet", r.cameo
                )  # "turned down a proposal for talks" (manual, REJECT meet)
            if r is not None and r.event == "ASSAULT" and (_reproach(tok) or _criticised_from(tok)):
                r = _Rule("ACCUSE", "disapprove", "11")  # "attacked the opposition for blocking reforms"
            if (
                r is not None
                and r.event == "COERCE"
                and r.mode == "restrict"
                and _crowd_weapon_used(tok, lex)
            ):
                r = _Rule("ASSAULT", "crowd-control", "18")  # "dispersed the protesters with tear gas"
            if r is not None and _natural_cause(tok, lex):
                r = None  # "the storm killed 12 people": no one acted
            if r is not None and r.event == "THREATEN" and _sworn_in(tok):
                r = None  # "was sworn in as president": an inauguration, no vow of force
            if r is not None and tok.dep_ == "acl" and tok.head.lemma_.lower() in _ENTITLEMENTS:
                r = None  # "nobody has the right to bomb a sovereign country": a right named, no act
            if r is not None and r.event in ("ASSAULT", "COERCE") and _measure_subject(tok, lex):
                r = _Rule("SANCTION", None, "16")  # "measures that target insurers": no measure assaults
            if r is not None and r.event == "COERCE" and r.mode == "restrict" and _absolute_with(tok):
                r = None  # "a strike, with shops shuttered and roads empty": how the place looked, no closure
            if r is not None and r.event == "THREATEN" and _idle_threat(tok):
                r = None  # "wherever they are threatened", "threatened by poaching": no one threatens
            if r is not None and r.event == "THREATEN" and _idle_warning(tok, lex):
                r = None  # "warned that the region could be drawn into war": a danger foreseen, no threat
            if r is not None and r.event == "ASSAULT" and _control_of_thing(tok):
                r = None  # "regained control of inflation", "took control of the company": no ground taken
            if r is not None and r.event in ("ASSAULT", "COERCE") and _natural_target(tok, lex):
                r = None  # "fight the epidemic", "battle the wildfires", "curb inflation": no one is attacked
            if r is not None and r.event == "SANCTION" and r.mode == "convict" and _acquittal(tok):
                r = _Rule("CONCEDE", None, "08")  # "found him not guilty": an acquittal (manual, CONCEDE)
            if r is not None and r.event in ("THREATEN", "RETREAT") and _natural_target(tok, lex, _WARNED):
                r = None  # "a tsunami warning was issued", "surrendered to complacency": no one threatens or yields
            if r is not None and any(a.lower_ == "according" for a in islice(tok.ancestors, 4)):
                r = None  # "according to figures shared by officials": who says so, not an event
            if r is not None and r.mode == "visit" and tok.lemma_.lower() in _CARRIED and _passive(tok):
                r = None  # "the hostages were flown to Bamako": carried there, no one visits
            if r is not None and _captivity_asked(tok):
                r = None  # "never found where the hostages were held": a place sought, no capture reported
            # (a "leave" with a place object is travel, no row: still an expulsion when a diplomat is told to)
            gov = _sent_away(tok, lex) if r is None or r.event == "RETREAT" else None
            if gov is not None and gov.i not in verb_idx:
                # "told the French ambassador to leave", "gave the envoy 48 hours to leave": an expulsion by the
                # one who tells (manual, SANCTION expel); the leaving is its content
                r = _Rule("SANCTION", "expel", "16")
                trigs.append(_Trig(gov, gov, r, gov.idx, gov.idx + len(gov), r.mode))
                verb_idx.add(gov.i)
                continue
            if r is None and _consequence(tok, lex):
                # "said Iraq would face sanctions", "Hezbollah would pay a heavy price": a threat by whoever says
                # so (manual, THREATEN: "warned that Iraq would face sanctions"), the one to face it its recipient
                r = _Rule("THREATEN", None, "13")
                speaker = (
                    tok.head
                    if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in lex.reporting | _WARNING
                    else tok
                )  # ("and warned Kenya it would pay": the warner threatens, the one warned is to pay)
                prt = next((c for c in _kids(tok) if c.dep_ == "prt" and c.i == tok.i + 1), tok)
                trigs.append(_Trig(tok, speaker, r, tok.idx, prt.idx + len(prt), None))
                verb_idx.add(tok.i)
                continue
            if r is not None and r.event != "NONE":  # NONE: a row saying this use is no event
                end = tok.idx + len(tok)
                hedge = _hedge_up(tok)
                for ch in _kids(tok):
                    if ch.dep_ == "prt" and ch.i == tok.i + 1 and (hedge is None or ch.i != hedge[0].i):
                        end = ch.idx + len(ch)
                trigs.append(_Trig(tok, tok, r, tok.idx, end, r.mode))
                verb_idx.add(tok.i)
    for tok in stoks:
        if tab is not None:  # the same tests on the token table (speed)
            i = tok.i
            pos = tab.pos[i]
            if pos == "ADJ" and tab.dep[i] in _NOMINAL_DEPS and i not in verb_idx:
                pass
            elif pos not in ("NOUN", "PROPN") or i in verb_idx or tab.ent[i] in ("DATE", "TIME"):
                continue
        elif tok.pos_ == "ADJ" and tok.dep_ in _NOMINAL_DEPS and tok.i not in verb_idx:
            pass  # "launched an offensive", "a counter-offensive": a noun the tagger read as an adjective
        elif tok.pos_ not in ("NOUN", "PROPN") or tok.i in verb_idx or tok.ent_type_ in ("DATE", "TIME"):
            continue  # ("since March": a month, not a march)
        if _existential_call(tok):
            # "There were calls for the minister to resign": a request by unnamed callers (manual: an unidentified
            # actor is coded UNK); what is called for is its content (see _absorb), not an event that happened
            rule = _Rule("REQUEST", None, "10")
            trigs.append(_Trig(tok, tok.head, rule, tok.idx, tok.idx + len(tok), None, nominal=True))
            continue
        m = _match_noun(tok, lex)
        if m is None or (tok.lemma_.lower() in _MISHAPS and _hazard(tok, lex)):
            continue  # ("a fire at a nightclub": an accident)
        r, first = m
        if r.event == "ASSAULT" and _policy_target(tok):
            r = _Rule("ACCUSE", "disapprove", "11", words=r.words)  # "launched a fierce attack on the budget"
        if r.event == "ASSAULT" and (
            _natural_target(tok, lex)
            or (tok.dep_ == "dobj" and _natural_target(tok.head, lex, ("on", "against")))
        ):
            continue  # "declared war on red tape", "a battle against loneliness": a social ill, no one attacked
        if r.event == "THREATEN" and _natural_target(tok, lex, _WARNED):
            continue  # "a tsunami warning was issued": a hazard foreseen, no threat
        if r.event == "NONE":
            continue  # a reading that is no event ("demand for electric vehicles slowed": market demand)
        if (_year_named(tok) or _year_named(_phrase_head(first, tok))) and (
            _phrase_head(first, tok).dep_ not in ("nsubj", "nsubjpass", "ROOT")
            or _phrase_head(first, tok).head.lemma_.lower() not in _HISTORY_PREDICATES
        ):
            # "the ringleader of the 2015 Paris attacks": a past event naming someone, not reported. (As a subject,
            # "The 2008 war with Georgia lasted five days" is kept, a historical event: factuality dev set; "the
            # 2003 invasion dominated the talks", "the 1991 war cost Jordan billions" only name it.)
            continue
        if _referred_to(_phrase_head(first, tok)):
            continue  # "veterans of the civil war", "the ringleader of the Bali bombings": the event names people
        if tok.lemma_.lower() in lex.force_nouns and not _of_force(tok, lex):
            continue  # "the arrival of refugees": no force moved
        head = _phrase_head(first, tok)
        if head.dep_ == "compound" and head.head.lemma_.lower() in _GENERIC_HEADS:
            head = head.head  # "a mediation effort", "a bombing campaign"
        anchor = _nominal_anchor(head, lex, verb_idx)
        if anchor is None:
            continue
        if (
            anchor.i != head.i
            and _is_verb(anchor)
            and (by := _by_subject(anchor, lex))
            and by.event == "NONE"
        ):
            continue  # "the goalkeeper signed a deal": with this subject the verb carries no event
        doc = _doc_toks(tok.doc)
        start = min(anchor.idx, doc[first].idx)
        last = doc[first + len(r.words) - 1] if first == tok.i else tok  # "show of force": the phrase runs on
        mode = r.mode
        if r.event == "CONSULT" and mode is None and anchor.i != head.i and _present_at(anchor):
            mode = "visit"  # "was in Quito for talks": the subject came to the place (manual, CONSULT visit)
        trigs.append(_Trig(head, anchor, r, start, last.idx + len(last), mode, nominal=True))
    if any(_play(t) and not t.nominal for t in trigs) and _sports_report(sent, lex):
        trigs = [t for t in trigs if not _play(t) or t.nominal]
    if trigs and any(t.text == "|" for t in _sent_picks(sent, "text", ("|",))):
        trigs = [t for t in trigs if not _reader_call(t.anchor)]
    trigs = _prison_terms(_preparations(_exercise_types(_unharmed_dropped(_strike_shut(trigs)))))
    trigs = [t for t in trigs if not _unarmed_alert(t)]
    return _writers_voice(sent, trigs, lex) if trigs else trigs


_SHUTTING = {"close", "shut", "shutter"}


def _strike_shut(trigs: list[_Trig]) -> list[_Trig]:
    """ "Shops stayed closed and ports were shut as unions held a general strike": places shut with no one shutting
    them, beside a strike in the sentence, are the strike's effect (manual, PROTEST strike), not a restriction."""
    if not any(t.rule.event == "PROTEST" and t.rule.mode == "strike" for t in trigs):
        return trigs

    def effect(t: _Trig) -> bool:
        v = t.tok
        if t.nominal or t.rule.event != "COERCE" or v.lemma_.lower() not in _SHUTTING:
            return False
        if any(c.dep_ in ("nsubj", "agent") for c in _kids(v)):
            return False  # "the government closed the schools": someone shut them
        return v.dep_ == "acomp" or any(c.dep_ in ("nsubjpass", "auxpass") for c in _kids(v))

    return [t for t in trigs if not effect(t)]


def _reader_call(tok: Any) -> bool:
    """ "Like and share | 87 comments", "Support our journalism | Subscribe now": in a share bar or menu (a
    "sentence" of "|"-separated items) a bare imperative with no subject asks the reader to act; no event."""
    if tok.tag_ != "VB" or any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in _kids(tok)
    ):
        return False
    while tok.dep_ in ("conj", "dep", "npadvmod") and tok.head.i != tok.i and tok.head.tag_ in ("VB", "UH"):
        tok = tok.head  # "Like and share", "Share this article | Follow us"
    return tok.dep_ in ("ROOT", "intj") or tok.head.i == tok.i or tok.head.tag_ in ("NNS", "NN")


def _unharmed_dropped(trigs: list[_Trig]) -> list[_Trig]:
    """ "Mortars struck the base; nobody was injured": a harm verb with a negated victim beside another attack of the
    sentence only says how the attack ended; the attack is the event (the parser may hang it under the harm verb)."""

    def unharmed(t: _Trig) -> bool:
        return (
            t.rule.event == "ASSAULT"
            and not t.nominal
            and any(
                c.dep_ in ("nsubj", "nsubjpass", "dobj") and _negative_argument(c) for c in _kids(t.anchor)
            )
        )

    gone = [t for t in trigs if unharmed(t)]
    if not gone or not any(t.rule.event == "ASSAULT" and t not in gone for t in trigs):
        return trigs
    return [t for t in trigs if t not in gone]


# ("surrendered their title after a 2-0 defeat"; a manager who "defended his goalkeeper", a striker who "apologised
# to fans", a player who "declined a draw offer": praise, apology and refusal within the game)
_PLAY_EVENTS = {"ASSAULT", "COERCE", "THREATEN", "RETREAT", "SUPPORT", "REJECT"}
# a team "punishing" mistakes (but a federation's ban from a championship is a sanction)
_PLAY_VERBS = {"punish"}


_SCORE = re.compile(r"(?<![\w,.\-\u2013/])\d{1,2} ?[-\u2013] ?\d{1,2}(?![\w,.%\-\u2013/])")


def _play(t: _Trig) -> bool:
    """A trigger a sports report makes play: a force type, or a verb of play ("punishing the visitors")."""
    return t.rule.event in _PLAY_EVENTS or t.tok.lemma_.lower() in _PLAY_VERBS


def _sports_report(sent: Any, lex: _Lex) -> bool:
    """A sports report ("beat Dortmund 2-0 in the final", "crushed Ghana in the qualifier"): a sports word (class
    `sport` of data/events/classes.tsv, not inside an organisation's name such as "Arab League") and no word of
    real harm (class `harm`: "fans were killed", "police fired tear gas"). Its force verbs are play."""
    sport = bool(
        _SCORE.search(_sent_text(sent))
    )  # a score line ("crushed Australia 36-3", "beat Chelsea 2–1")
    for t in _sent_picks(sent, "llemma", lex.harm | lex.sport):  # (the first tests on the token table: speed)
        lemma = t.lemma_.lower()
        if lemma in lex.harm:
            return False
        if not sport and lemma in lex.sport and t.pos_ in ("NOUN", "PROPN") and t.ent_type_ != "ORG":
            sport = True

    return sport


# what a past event named by its year does when it is told as history ("the 1994 genocide killed 800,000")
_HISTORY_PREDICATES = {"last", "begin", "start", "end", "break", "erupt", "kill", "claim", "leave", "displace",
                       "cause", "destroy", "wound", "be", "take", "occur", "happen", "lead", "trigger", "spark",
                       "prompt", "force", "drive", "bring", "result", "destabilise", "destabilize"}  # fmt: skip
# people and things named by an event in their "of" phrase ("survivors of the massacre")
_REFERRERS = {"fighter", "veteran", "survivor", "victim", "relative", "ringleader", "mastermind", "architect",
              "perpetrator", "anniversary", "memory", "legacy", "widow", "orphan", "hero"}  # fmt: skip


def _referred_to(head: Any) -> bool:
    """An event noun in the "of" phrase of a noun that names people or a date by it ("former fighters of the civil
    war", "the suspected ringleader of the Bali bombings", "the anniversary of the crackdown"): a reference to a
    past event, not the report of one."""
    p = head.head
    if head.dep_ != "pobj" or p.lower_ != "of" or p.head.i == p.i:
        return False
    if p.head.lemma_.lower() not in _REFERRERS:
        return False
    # ... unless the event is told with its own day ("survivors of the bombing of X by government forces on 8
    # November"): a dated act is the news, a year alone is history
    return not any(
        t.ent_type_ in ("DATE", "TIME") and not _is_year(t) and t.i != head.i for t in head.subtree
    )


def _is_year(t: Any) -> bool:
    return len(t.text) == 4 and t.text.isdigit() and t.text[:2] in ("19", "20")


def _year_named(tok: Any) -> bool:
    """An event noun named by its year ("the 2003 invasion", "the 2015 Paris attacks"): a reference to a past
    event (background, history), not the report of one."""
    for c in _kids(tok):
        if c.dep_ in ("nummod", "compound", "amod", "nmod", "npadvmod") and _is_year(c):
            return True
        if c.dep_ in ("compound", "poss") and any(
            _is_year(g) for g in _kids(c) if g.dep_ in ("nummod", "compound")
        ):
            return True  # ("the 2015 Paris attacks", "the 1984 miners' strike")
        if c.dep_ == "acl" and c.tag_ == "VBN" and _classify(c, None) == "historical":
            # "the curfew imposed in 1990", "the embargo introduced two decades ago": a past-dated participle names
            # the old act as a year does (background)
            return True
    return False


def _moved_force(noun: Any, tok: Any, lex: _Lex) -> bool:
    """Whether tok lies in the "of" phrase of a move noun that names the force moved."""
    if not _of_force(noun, lex):
        return False
    return any(
        tok.i in {x.i for x in c.subtree} for c in _kids(noun) if c.dep_ == "prep" and c.lower_ == "of"
    )


def _of_force(tok: Any, lex: _Lex) -> bool:
    """Whether the noun's "of" phrase names an armed force or weapons ("the arrival of the carrier group")."""
    for c in _kids(tok):
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in _kids(c):
                if g.dep_ == "pobj":
                    g = _partitive(g)
                    words = {g.lemma_.lower()} | {
                        x.lemma_.lower() for x in _kids(g) if x.dep_ in ("compound", "amod")
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
    if any(c.lemma_.lower() in _JOINT for c in _doc_toks(ex.doc)[ex.left_edge.i : ex.i]):
        return True  # "joint drills", "joint naval training exercises"
    for h in (ex, anchor):
        for c in _kids(h):
            if (
                c.dep_ == "prep"
                and c.lower_ in ("with", "alongside")
                and any(g.dep_ == "pobj" for g in _kids(c))
            ):
                return True
    if any(c.dep_ == "advmod" and c.lower_ == "together" for c in _kids(anchor)):
        return True  # "held drills together": the parties act as one
    for subj in (c for c in _kids(anchor) if c.dep_ in ("nsubj", "agent")):
        if subj.tag_ == "NNS" and any(m.lower_ in ("two", "three", "both") for m in _kids(subj)):
            return True  # "the two navies", "both countries"
        if subj.conjuncts or any(m.conjuncts for m in _kids(subj) if m.dep_ in ("amod", "compound", "nmod")):
            return True
        if subj.tag_ == "NNS" and any(
            g.conjuncts for c in _kids(subj) if c.dep_ == "prep" and c.lower_ == "of" for g in _kids(c)
        ):
            return True  # "the navies of India and France"
    return False


def _unarmed_alert(t: _Trig) -> bool:
    """A state of alert held by people who are no force ("hospitals were on high alert for cholera"): no
    mobilisation. Forces, states and named bodies on alert are one ("police have been on high alert")."""
    if not (t.nominal and t.rule.event == "MOBILIZE" and t.tok.lemma_.lower() == "alert"):
        return False
    subj = next((c for c in _kids(t.anchor) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.ent_type_ or subj.pos_ != "NOUN" or _forces(subj):
        return False
    return subj.lemma_.lower() not in _STATE_NOUNS and not any(
        m.ent_type_ in ("GPE", "NORP", "ORG") for m in _kids(subj)
    )


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
            ex = next((c for c in _kids(t.anchor) if c.dep_ in ("dobj", "nsubjpass")
                       and c.lemma_.lower() in _EXERCISES), None)  # fmt: skip
        else:
            ex = None
        if ex is None:
            continue
        subj = next((c for c in _kids(t.anchor) if c.dep_ == "nsubj"), None)
        if (
            subj is not None and subj.pos_ == "NOUN" and not subj.ent_type_ and not _forces(subj)
            and subj.lemma_.lower() not in _STATE_NOUNS
        ):  # fmt: skip
            if not any(m.ent_type_ in ("GPE", "NORP", "ORG") for m in _kids(subj)):
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


_PREPARING = {"prepare", "gear", "ready", "brace", "poise"}


_DUE = {"due"}  # "is due in Ankara": expected to be there


def _present_at(verb: Any) -> bool:
    """A copula that puts its subject at a named place ("was in Quito", "is back in Lima", "are due in Kampala"):
    its "for" phrase names what the subject is there for."""
    if verb.lemma_.lower() != "be":
        return False
    for c in _kids(verb):
        if c.dep_ == "advmod" and c.lower_ == "back":
            c = next((g for g in _kids(c) if g.dep_ == "prep"), c)
        if c.dep_ == "acomp" and c.lower_ in _DUE:
            # "are due in Kampala tomorrow for talks": the parser hangs the place on "due"
            c = next((g for g in _kids(c) if g.dep_ == "prep"), c)
        if c.dep_ == "prep" and c.lower_ in ("in", "at"):
            if any(g.dep_ == "pobj" and g.ent_type_ in _PLACE_ENTS for g in _kids(c)):
                return True
    return False


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


_LINE_ENDS = frozenset({".", "!", "?", "...", "\u2026", '"', "'", "\u201d", "\u2019", ":", ";", ")"})
_FIGURED = frozenset({"ASSAULT", "THREATEN"})


def _title_line(sent: Any) -> bool:
    """A short line with no closing punctuation that a line break ends: a headline or title, not running text."""
    toks = [t for t in _sent_toks(sent) if not t.is_space]
    if not toks or len(toks) > 20 or toks[-1].text in _LINE_ENDS:
        return False
    last = toks[-1]
    end = last.idx + len(last)
    return "\n" in sent.doc.text[end : end + 4]


def _title_figures(sent: Any, lex: _Lex, trigs: list[_Trig]) -> list[_Trig]:
    """ "Washington targets three of our officials", "Delhi fires warning shot at Ottawa": on a title line, an
    attack or threat word with no word of real harm beside it is a figure of speech; the story below tells the
    move itself."""
    if not trigs or not any(t.rule.event in _FIGURED for t in trigs) or not _title_line(sent):
        return trigs
    lemmas = {t.lemma_.lower() for t in _sent_toks(sent)}
    if lemmas & (lex.harm - lex.figures):
        return trigs

    def figure(t: _Trig) -> bool:
        return t.rule.event in _FIGURED and (
            t.tok.lemma_.lower() in lex.figures or t.tok.lower_ in lex.figures
        )

    return [t for t in trigs if not figure(t)]
