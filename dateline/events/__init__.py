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

The steps live in private modules, each importing only the ones listed before it: `_lexicon` (data files, word
lists, settings), `_syntax` (parse helpers), `_triggers` (step 1), `_clauses` (step 2), `_typing` (classifier
back-off, encoder hook, mode cues), `_arguments` and `_source` (step 3: who, to whom, who said so),
`_where_when` (location, date, sizes), `_repeats` (step 4); `extract_events` here runs them sentence by sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from dateline.events import _table
from dateline.events._arguments import (
    _PERSONAL,
    _SITE_ENTS,
    _accused_in_claim,
    _actors_of,
    _antecedent,
    _attack_owner,
    _attack_phrase,
    _attacker_lent,
    _condition_party,
    _cut_before,
    _fills,
    _in_purpose,
    _mission_host,
    _nominal_actor,
    _own_activity,
    _own_side,
    _passive_actor,
    _placed,
    _recipient,
    _recipient_search,
    _Resolver,
    _self_passive,
    _sent_ones,
    _site,
    _speaker,
    _spoken_for,
    _state_patient,
)
from dateline.events._clauses import _PLANS, _absorb, _drop_background, _main_events, _request_frames
from dateline.events._lexicon import _FORCE_EVENTS, _MOVED, _POLICY, _lex, _Rule
from dateline.events._repeats import _key, _merge
from dateline.events._source import _source
from dateline.events._syntax import (
    _FACTS,
    _SENTS,
    _SPANS,
    _TOKS,
    _char_span,
    _content_mode,
    _doc_toks,
    _subject,
)
from dateline.events._triggers import (
    _dated_apart,
    _died_in,
    _distinct,
    _find_triggers,
    _moved_force,
    _named_apart,
    _object_antecedent,
    _set_apart,
    _split_verb,
    _title_figures,
    _Trig,
)
from dateline.events._typing import (
    _apply_cues,
    _backend,
    _conditional_threat,
    _conventional,
    _decide,
    _decided_force,
    _encoder_probs,
    _in_absentia,
    _intent_to_sign,
    _summoned_to_complain,
    _unharmed_attack,
    _unless_threat,
)
from dateline.events._where_when import (
    _date,
    _event_sizes,
    _location,
    _offset_date,
    _own_scene_object,
    _second_scene,
)
from dateline.factuality import _KIDS, _TABLE, _kids, list_kids
from dateline.model import Actor, Document, Event, EventDate, Mention, stable_id
from dateline.sizes import extract_sizes

# --------------------------------------------------------------------------- entry point


# verbs that take a sanction or measure as their object ("imposed asset freezes", "announced export bans")
_MEASURE_VERBS = {"impose", "announce", "order", "approve", "introduce", "lift", "extend", "slap", "adopt"}


def _measure_verb(anchor: Any, subj: Any | None) -> Any | None:
    """ "imposed asset freezes": the tagger read the noun compound as a clause (freezes/VBZ) — under the verb that
    really takes it, with "asset" as its subject, or above it, with "The EU imposed asset" as its clausal subject.
    The verb that takes the measure, whose subject acted; else None."""
    if anchor.tag_ != "VBZ":
        return None
    head = anchor.head
    if (
        anchor.dep_ in ("ccomp", "dobj", "xcomp")
        and head.lemma_.lower() in _MEASURE_VERBS
        and subj is not None
        and subj.i == anchor.i - 1
        and subj.tag_ == "NN"
        and not any(c.dep_ in ("det", "poss", "nummod", "amod") for c in _kids(subj))
    ):
        return head
    for c in _kids(anchor):
        if c.dep_ == "csubj" and c.lemma_.lower() in _MEASURE_VERBS:
            if any(o.dep_ == "dobj" and o.i == anchor.i - 1 and o.tag_ == "NN" for o in _kids(c)):
                return c
    return None


# nouns of intent that "have" takes with the act in an "of"/"to" phrase ("has no intention of leaving")
_INTENTS = {"intention", "plan", "desire", "wish", "interest", "aim"}


def _intender(anchor: Any) -> Any | None:
    """ "Ghana has no intention of withdrawing its contingent", "it has no plans to withdraw": the subject of
    "have" whose intent the act is; else None."""
    noun = anchor.head
    if anchor.dep_ == "pcomp" and noun.lower_ == "of":
        noun = noun.head
    elif anchor.dep_ != "acl":
        return None
    if noun.lemma_.lower() not in _INTENTS or noun.dep_ != "dobj" or noun.head.lemma_.lower() != "have":
        return None
    return next((c for c in _kids(noun.head) if c.dep_ == "nsubj"), None)


def _hedged(rec: Any) -> bool:
    """ "is deploying up to 350 soldiers to Lebanon": the noun under the hedge's "to" is what is moved (its size),
    not whom the act is aimed at."""
    to = rec.head
    if rec.dep_ != "pobj" or to.lower_ != "to" or to.i == 0:
        return False
    up = _doc_toks(rec.doc)[to.i - 1]
    return up.lower_ == "up" and any(c.like_num for c in _kids(rec))


def _withdrawn_force(t: _Trig, rec: Any, lex: Any) -> bool:
    """ "withdrew its 800 peacekeepers from Mali": the force one pulls out is its own, what it left the recipient
    (manual, RETREAT/SANCTION withdraw: withdraw forces "from an area", oneself or one's resources "from" a country)."""
    pulled = t.mode == "withdraw" or (
        t.rule.event == "THREATEN" and t.anchor.lemma_.lower() in ("withdraw", "pull")
    )
    if not pulled or t.nominal or rec.dep_ != "dobj" or rec.head.i != t.anchor.i:
        return False
    return rec.lemma_.lower() in lex.force_words or rec.lemma_.lower() in lex.staff


def extract_events(doc: Document) -> list[Event]:
    """Every event the article reports, PLOVER-coded, with actors, place, date, size, factuality and source."""
    if doc.spacy is None:
        from dateline.nlp import annotate

        next(annotate([doc]))
    user_data = doc.spacy.user_data
    user_data[_FACTS] = {}  # per-call memo of the factuality classes (see `_classify`)
    user_data[_TOKS] = toks = list(doc.spacy)  # the tokens built once (see `_doc_toks`)
    table = _table.build(doc.spacy, toks)  # their attributes as lists (see `_table`)
    if table is not None:
        user_data[_TABLE] = table
    # each token's children (see `dateline.factuality._kids`)
    user_data[_KIDS] = list_kids(doc.spacy, toks) if table is None else table.kid_tokens()
    sents = list(doc.spacy.sents)
    by_tok: list[Any] = []  # each token's sentence (see `_sent_of`)
    for sent in sents:
        by_tok += [sent] * len(sent)
    user_data[_SENTS] = by_tok
    user_data[_SPANS] = {}  # char_span memo (see `_char_span`)
    try:
        return _extract(doc, sents)
    finally:
        for key in (_FACTS, _TOKS, _KIDS, _SENTS, _SPANS, _TABLE):
            user_data.pop(key, None)


def _extract(doc: Document, sents: list[Any]) -> list[Event]:
    lex = _lex()
    res = _Resolver(doc)
    events: list[Event] = []
    distinct: set[str] = set()  # ids of events the text calls another one (see `_distinct`)
    encs = _encoder_probs(sents) if _backend() == "encoder" else None  # typing backend (see _ENC_POLICY)
    for k, sent in enumerate(sents):
        raw = _request_frames(sent, lex, _find_triggers(sent, lex))
        raw_types = [t.rule.event for t in raw]
        trigs = _title_figures(
            sent,
            lex,
            _decide(
                sent, lex, raw_types, _drop_background(_absorb(raw)), doc.published, encs[k] if encs else None
            ),
        )
        if not trigs:
            continue
        if _POLICY.get("main_only"):
            trigs = _main_events(trigs)
        partners: dict[tuple[int, int], Actor] = {}  # reciprocal partners of the sentence's acts, by span
        for t in trigs:
            _conditional_threat(t, lex)
            _unless_threat(t, doc.published)
            _summoned_to_complain(t)
            _in_absentia(t)
            _intent_to_sign(t)
            _unharmed_attack(t, lex)
            if t.nominal and t.anchor.i == t.tok.i:
                h = _nominal_actor(t)
                subj = None
                if t.tok.dep_ == "nsubj" or h is not None:
                    subj = h
            else:
                subj, passive = _subject(t.anchor)
                if subj is None and t.anchor.dep_ == "amod" and _split_verb(t.anchor, lex):
                    # "Riot police tear-gassed students ...", the verb parsed as an adjective on its object: the
                    # noun before the verb, parsed as a modifier of that object, is who acted
                    subj = next(
                        (c for c in _kids(t.anchor.head) if c.dep_ in ("nmod", "compound", "poss")
                         and c.i < t.anchor.i and c.pos_ in ("NOUN", "PROPN")),
                        None,
                    )  # fmt: skip
                measure = _measure_verb(t.anchor, subj)
                if measure is not None:
                    subj, passive = _subject(measure)  # who imposed the "asset freezes" acted
                if subj is not None and subj.dep_ == "nsubj" and t.rule.event not in _FORCE_EVENTS:
                    # "NATO's training mission remains suspended": the parser makes the stopped activity the
                    # subject of a stative passive; its owner decided on it (see `_own_activity`)
                    subj = _own_activity(t.anchor) or subj
                if subj is not None and t.anchor.dep_ == "acl" and subj.lemma_.lower() in _PLANS:
                    subj = None  # "no decision to leave Iraq": the decision takes no one's part; whose it is, below
                patient = None if t.rule.event in _MOVED else _state_patient(t.anchor)
                if patient is not None and subj is not None and subj.i == patient.i:
                    subj, passive = None, True  # the one held or hurt did not act
                if subj is None:  # "Ghana has no intention of withdrawing": who has the intention
                    subj = _intender(t.anchor)
                if subj is None:  # an agentless passive that still names who acted
                    subj = _passive_actor(t, lex)
                reported = (
                    passive
                    and (t.rule.event in _FORCE_EVENTS or t.mode == "release")
                    and not _self_passive(t.anchor)
                )  # ("officials said the hostages were released": who says so did not free them)
                if subj is None and reported:
                    subj = _denier(t.anchor)  # "a Turkish military source denied that civilians were hit"
                if (subj is None and not reported) or (subj is not None and subj.lower_ in _PERSONAL):
                    # "X said he would ...", "the ministry said troops were held at readiness": the speaker; not
                    # for an attack or arrest reported in the passive ("police said three civilians were killed",
                    # "the Pentagon said missiles were fired"): who reports it is seldom who did it
                    subj = _speaker(t.anchor, lex) or subj
                if subj is not None and subj.pos_ in ("ADJ", "DET", "NUM") and subj.i < t.anchor.i:
                    # "most of them training ...": the quantified pronoun stands for the group
                    subj = next((g for c in _kids(subj) if c.dep_ == "prep" and c.lower_ == "of"
                                 for g in _kids(c) if g.dep_ == "pobj" and g.pos_ == "PRON"), subj)  # fmt: skip
                if subj is not None and subj.pos_ == "PRON":
                    subj = _antecedent(subj, lex) or subj
            t.actors = _actors_of(subj, res, t.anchor.i) if subj is not None else []
            patient = None if t.nominal or t.rule.event in _MOVED else _state_patient(t.anchor)
            rec = patient if patient is not None else _recipient(t, lex)
            if not t.nominal:  # "intercepted migrants and returned them", "... sent them back": the migrants
                pron = next((c for c in _kids(t.anchor) if c.dep_ == "dobj" and c.pos_ == "PRON"), None)
                ante = _object_antecedent(t.anchor, pron) if pron is not None else None
                if ante is not None and (rec is None or rec.i == pron.i):
                    rec = ante
            if t.nominal:  # "25 soldiers died in an ambush on the road": the dead, not the road
                rec = _died_in(t.tok) or rec
            site = _site(rec, t.rule.event) if rec is not None and rec.ent_type_ in _SITE_ENTS else 0
            soft = rec if site == 1 else None
            if site:
                rec = None  # a town or base named as where it happened: the event's location (see `_site`)
            if rec is not None and t.rule.event == "MOBILIZE" and _in_purpose(rec, t):
                rec = None  # the people a deployment protects or helps are not its recipient
            own_side: set[int] = set()
            if rec is not None and (_withdrawn_force(t, rec, lex) or _hedged(rec)):
                # the force pulled out is the size; the place left is found below
                own_side = {x.i for x in rec.subtree}
                rec = None
            t.recipients = _actors_of(rec, res) if rec is not None else []
            if rec is not None and _own_side(t, rec):
                own_side = {x.i for x in rec.subtree}
                alt = _condition_party(t.anchor, lex)
                t.recipients = _actors_of(alt, res) if alt is not None else []
            if rec is not None and rec.lemma_.lower() == "counterpart" and t.actors:
                # "met his Ethiopian counterpart": the counterpart holds the actor's office
                t.recipients = [
                    r if r.sector else replace(r, sector=t.actors[0].sector) for r in t.recipients
                ]
            # victims whose country was only the attacker's lose it (see `_attacker_lent`)
            lent = _attacker_lent(t, t.recipients, t.actors)
            cleared = lent != t.recipients
            t.recipients = lent
            if patient is not None:  # the held people's span stops before the event's own words
                t.recipients = [_cut_before(a, t.tok, res) for a in t.recipients]
            if not any(r.country for r in t.recipients):
                taken = (
                    {t.tok.i}
                    | t.victims
                    | own_side
                    | {tok.i for a in t.actors for tok in _char_span(doc.spacy, a.start, a.end) or []}
                )
                alt = _recipient_search(t, taken)
                if alt is not None and t.rule.event == "ACCUSE" and t.mode == "investigate":
                    alt = _accused_in_claim(alt, lex) or alt  # "an allegation by X that Y ...": Y
                if alt is not None and t.rule.event in _MOVED:
                    alt = _mission_host(alt)  # "to the UN force in South Sudan": the host country
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
                        # (victims cleared of the attacker's country: a place or body hit only says whose they are)
                        if _fills(t.recipients, alt, got) or (
                            cleared and all(g.kind != "person" for g in got)
                        ):
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
            kept: list[Actor] = []
            for r in t.recipients:
                if any((r.start, r.end) == (a.start, a.end) for a in t.actors):
                    continue
                if _attack_phrase(r, t.rule.event, doc.spacy, lex):
                    # an attack is never whom an act is aimed at ("an American drone strike ... killed X": X is);
                    # "the ringleader of the Bali bombings" is, in its place
                    owner = _attack_owner(r, doc.spacy)
                    if owner is None or owner.i == t.tok.i:
                        continue
                    whose = next(iter(_actors_of(owner, res)), None)
                    if whose is None or any((whose.start, whose.end) == (k.start, k.end) for k in kept):
                        continue
                    r = whose
                kept.append(r)
            t.recipients = kept
            if not t.recipients and _joint_agreement(t):
                # "Israel and Hamas agreed to a truce", "X and Y signed a treaty": each party agrees with the other
                # (GSR: SRC/TAR); all stay actors, and those after the first are the recipients
                t.recipients = list(t.actors[1:])
            # "held talks with X", "has been sharing intelligence with X": a reciprocal act has every party as its
            # actor (manual, Compound and Reciprocal Actors; GSR SRC/TAR); X stays the recipient too. Added once
            # the sentence's triggers of a type are merged (below), so the merge still compares who acts.
            partners.update({(p.start, p.end): p for p in _reciprocal_partners(t, doc.spacy)})
            _apply_cues(t, lex)
        # one event per type and actors in a sentence ("killed ... in a bomb attack")
        uniq: list[_Trig] = []
        for t in trigs:
            for u in uniq:
                if _set_apart(t.tok) or _set_apart(u.tok) or _named_apart(t, u) or _dated_apart(t, u):
                    continue  # "... killed four. Twelve soldiers died in a separate attack": two attacks
                # "A Nigerian air force strike killed 23": the strike, the killing's subject, is the killing
                itself = u.rule.event == t.rule.event and (_names_act(u, t) or _names_act(t, u))
                if u.rule.event == t.rule.event and (
                    not t.actors
                    or not u.actors
                    or _key(t.actors) == _key(u.actors)
                    or _sent_ones(u, t)
                    or _sent_ones(t, u)
                    or itself
                ):
                    u.mode = u.mode or t.mode
                    if itself and _names_act(u, t):
                        u.actors = t.actors  # who struck, not "the strike"
                    elif not (itself and _names_act(t, u)):
                        u.actors = t.actors if t.actors and _sent_ones(t, u) else u.actors or t.actors
                    if itself:  # the strike's target ("on a school in Gaza") and the killing's victims
                        spans = {(r.start, r.end) for r in u.recipients}
                        u.recipients = u.recipients + [
                            r for r in t.recipients if (r.start, r.end) not in spans
                        ]
                    elif not u.recipients or (
                        t.recipients and _placed(u.recipients, res) and not _placed(t.recipients, res)
                    ):
                        u.recipients = t.recipients  # "flew to Moscow and held talks with Lavrov": Lavrov
                    elif (
                        t.recipients
                        and t.actors
                        and _key(t.actors) == _key(u.actors)
                        and not _placed(t.recipients, res)
                    ):
                        # "rejected a Senegalese peace plan and opposed the deployment of a regional force": one
                        # act of the type aimed at both
                        spans = {(r.start, r.end) for r in u.recipients}
                        u.recipients = u.recipients + [
                            r for r in t.recipients if (r.start, r.end) not in spans
                        ]
                    break
            else:
                uniq.append(t)
        for u in uniq:
            if u.rule.event in _RECIPROCAL and partners:
                have = {(a.start, a.end) for a in u.actors}
                u.actors = u.actors + [
                    partners[(r.start, r.end)]
                    for r in u.recipients
                    if (r.start, r.end) in partners and (r.start, r.end) not in have
                ]
        _event_sizes(extract_sizes(sent), uniq, doc.spacy)
        sent_text = doc.text[
            sent.start_char : sent.end_char
        ].rstrip()  # the sentence without the paragraph break spaCy keeps as a token
        sent_end = sent.start_char + len(sent_text)
        distinct_types: dict[str, bool] = {}  # `_distinct` of the sentence, by event type
        for t in uniq:
            if t.rule.event not in distinct_types:
                distinct_types[t.rule.event] = _distinct(sent, t.rule.event, lex)
            if distinct_types[t.rule.event]:
                distinct.add(stable_id(doc.id, t.rule.event, t.start))
            if t.rule.event == "SANCTION" and t.mode == "withdraw" and _armed_leaving(t, lex):
                t.rule, t.mode = _Rule("RETREAT", "withdraw", "08"), "withdraw"
            if _closed_to_state(t, lex):
                t.rule, t.mode = _Rule("SANCTION", "discontinue", "16"), "discontinue"
            if _state_ban_lifted(t):
                t.rule, t.mode = _Rule("RETREAT", "ease", "08"), "ease"
            taken = [(a.start, a.end) for a in t.actors]
            within = [] if t.searched else [(a.start, a.end) for a in t.recipients]
            ev_text = doc.text[t.start : t.end]
            fact = _decided_force(t, doc.published)
            mode = t.mode
            conv = _conventional(t.rule.event, fact)
            if conv != t.rule.event and conv in ("REJECT", "THREATEN") and t.mode is None:
                # "refused to ease its crackdown" (CONCEDE, negated) is REJECT change; "vowed to target any warship"
                # (ASSAULT, future) THREATEN violence: the mode of the one category coded (manual, auxiliary modes);
                # an act's own mode stays ("will send military advisers": MOBILIZE troops, future; "no plans to
                # withdraw": RETREAT withdraw, denied), as the consumers of the raw type read it
                mode = _content_mode(conv, t.anchor, t.rule.event, t.mode)
            mention = Mention(doc.id, t.start, t.end, sent.start_char, sent_end, ev_text)
            # "raided offices in X on D1 and a post office in Y the next day": the second object's act is its own
            second = _own_scene_object(t, doc)
            skip = second[:2] if second is not None else None
            if skip is not None:
                taken.append(skip)
                t.recipients = [r for r in t.recipients if not skip[0] <= r.start < skip[1]]
                within = [w for w in within if not skip[0] <= w[0] < skip[1]]
            off = _offset_date(t, doc, events, lex)
            if (
                off is not None
                and skip is not None
                and off.start is not None
                and skip[0] <= off.start < skip[1]
            ):
                off = None
            events.append(
                Event(
                    id=stable_id(doc.id, t.rule.event, t.start),
                    doc_id=doc.id,
                    event=t.rule.event,
                    mode=mode,
                    cameo=t.rule.cameo,
                    actor=t.actors,
                    recipient=t.recipients,
                    text=sent_text,
                    sentence_start=sent.start_char,
                    sentence_end=sent_end,
                    event_text=ev_text,
                    event_start=t.start,
                    event_end=t.end,
                    factuality=fact,
                    location=_location(t, doc, sent, taken, within),
                    date=_date(t, doc, sent, skip) if not off else off,
                    size=t.sizes,
                    source=_source(t, doc, res, lex),
                    mentions=[mention],
                    confidence=round(t.prob * 0.8, 2)
                    if t.prob is not None
                    else round(0.5 + 0.1 * min(t.rule.score, 4) - (0.1 if t.nominal else 0.0), 2),
                )
            )
            if second is not None:
                s, e, obj = second
                ev = events[-1]
                got = _actors_of(obj, res)

                def lent_place(r: Actor, ev: Event = ev) -> bool:
                    return ev.location is not None and r.text == ev.location.text

                place, when = _second_scene(
                    doc, (s, e), ev.location, ev.date or EventDate(value=None, source="none")
                )
                events.append(
                    replace(
                        ev,
                        id=stable_id(doc.id, t.rule.event, obj.idx),
                        recipient=got
                        if any(r.country for r in got)
                        else [r for r in ev.recipient if r.country and not lent_place(r)],
                        location=place,
                        date=when,
                        size=[z for z in ev.size if s <= z.start < e],
                        mentions=[replace(mention)],
                    )
                )
                ev.size = [z for z in ev.size if not s <= z.start < e]
    for ev in events:  # office holders coded as of the event's own date, where the text gives one
        ev.actor, ev.recipient = res.at_date(ev.actor, ev.date), res.at_date(ev.recipient, ev.date)
    _taken_back(events, doc)
    _criticised_act(events, doc)
    _host_of_arrival(events)
    return _merge(events, distinct)


_ARMED_SECTORS = frozenset({"MIL", "REB", "PRM"})


# verbs of an agreement two parties make together ("A and B agreed / signed / reached / struck ...")
_JOINT_VERBS = {"agree", "sign", "reach", "strike", "conclude", "settle", "seal", "clinch", "hammer", "ink", "initial",
                "commit", "vow", "pledge", "promise", "reconcile", "compromise", "negotiate"}  # fmt: skip


# acts done together with the partner a "with" names (mediation, talks held for others, is not one of them)
_RECIPROCAL = frozenset({"CONSULT", "COOPERATE"})
_ONE_WAY_MODES = frozenset({"third-party"})  # (a visit with talks "with" X: X takes part, GSR)


def _reciprocal_partners(t: _Trig, sdoc: Any) -> list[Actor]:
    """The recipients of a talk or a cooperation that the verb, the event noun or the verb's object introduces
    with "with" ("met with X", "held talks with X", "sharing intelligence with X", "held exercises with X"), not
    already among the actors."""
    if t.rule.event not in _RECIPROCAL or t.mode in _ONE_WAY_MODES or not t.actors or not t.recipients:
        return []
    # the verb ("met with X") or its object ("held talks with X"), not an event noun in an adjunct ("was in Asuncion
    # for talks with X": the visit is the event, and its host the recipient)
    hosts = {t.anchor.i} | {c.i for c in _kids(t.anchor) if c.dep_ in ("dobj", "attr")}
    out: list[Actor] = []
    for r in t.recipients:
        if any((r.start, r.end) == (a.start, a.end) for a in t.actors):
            continue
        toks = _char_span(sdoc, r.start, r.end)
        if not toks:
            continue
        root = next((x for x in toks if x.head.i == x.i or not r.start <= x.head.idx < r.end), None)
        if root is None:
            continue
        if root.dep_ == "conj":  # "with Pakistan and Iran": the first conjunct's preposition
            while root.dep_ == "conj" and root.head.i != root.i:
                root = root.head
        prep = root.head
        if root.dep_ == "pobj" and prep.lower_ == "with" and prep.head.i in hosts:
            out.append(r)
    return out


def _joint_agreement(t: _Trig) -> bool:
    """An AGREE or SUPPORT (signing) made together by two or more coordinated parties of the verb's subject."""
    if t.rule.event not in ("AGREE", "SUPPORT") or len(t.actors) < 2:
        return False
    verb = t.tok if t.tok.lemma_.lower() in _JOINT_VERBS else t.anchor
    if verb.lemma_.lower() not in _JOINT_VERBS:
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    # ("Hungarian and Romanian officials": the parties may be coordinated modifiers of one noun)
    return bool(subj.conjuncts) or any(
        c.dep_ in ("amod", "compound", "nmod") and c.conjuncts for c in subj.children
    )


def _armed_leaving(t: _Trig, lex: Any) -> bool:
    """ "The RSF denied it was about to withdraw from El Fasher": an armed force or group leaving a place retreats
    (manual, RETREAT withdraw; SANCTION withdraw is for non-military resources), unless what it leaves is talks,
    a deal or a body ("withdrew from the talks"), or a body the actors module coded."""
    if not any(a.sector in _ARMED_SECTORS for a in t.actors) or any(r.country == "IGO" for r in t.recipients):
        return False
    left = {
        g.lemma_.lower()
        for c in _kids(t.tok)
        if c.dep_ in ("prep", "prt") and c.lower_ in ("from", "of", "out")
        for x in [c, *(p for p in _kids(c) if p.dep_ == "prep")]
        for g in _kids(x)
        if g.dep_ == "pobj"
    }
    return bool(left) and not left & lex.unplaces and not left & _BODIES


_CLOSING = frozenset({"close", "shut", "seal"})
_BARRING = frozenset({"ban", "bar"})
_STATE_ENTS = frozenset({"GPE", "NORP"})


def _preps(toks: list[Any], words: tuple[str, ...]) -> list[Any]:
    """The objects of the given prepositions hanging on any of the tokens."""
    return [
        g
        for x in toks
        for c in _kids(x)
        if c.dep_ == "prep" and c.lower_ in words
        for g in _kids(c)
        if g.dep_ == "pobj"
    ]


def _closed_to_state(t: _Trig, lex: Any) -> bool:
    """ "closed its airspace to Moroccan aircraft", "shut the border to British lorries", "barred Russian ships
    from its ports", "banned flights from Qatar": a crossing closed to another state's craft or people curtails
    that state's exchanges (manual, SANCTION discontinue: "curtail ... commercial or material exchanges"); closed
    to protesters or migrants, or closed outright, it stays a restriction of movement (COERCE restrict)."""
    if t.rule.event != "COERCE" or t.nominal:
        return False
    lemma = t.tok.lemma_.lower()
    objs = [c for c in _kids(t.tok) if c.dep_ in ("dobj", "nsubjpass")]
    if lemma in _CLOSING and any(o.lemma_.lower() in lex.crossings for o in objs):
        whom = _preps([t.tok, *objs], ("to",))  # closed to whom
    elif lemma in _BARRING and any(g.lemma_.lower() in lex.crossings for g in _preps([t.tok], ("from",))):
        whom = objs  # whose craft are barred from the crossing
    elif lemma in _BARRING and any(o.lemma_.lower() == "flight" for o in objs):
        whom = _preps([t.tok, *objs], ("from", "to"))  # flights from or to a state
    else:
        return False
    own = {a.country for a in t.actors if a.country}
    for g in whom:
        marked = _state_marked(g)  # ("all Moroccan civilian and military aircraft": on a stacked modifier)
        lo, hi = g.left_edge.idx, g.right_edge.idx + len(g.right_edge)
        if marked and any(r.country and r.country not in own and lo <= r.start < hi for r in t.recipients):
            return True
    return False


_LIFTING = frozenset({"lift", "end", "remove", "scrap", "rescind", "revoke"})
_BANS = frozenset({"ban", "bar", "restriction", "prohibition"})


def _state_marked(g: Any) -> bool:
    """A noun that names a state or its people, craft or goods ("Indian airlines", "all Moroccan civilian and
    military aircraft", "Qatar"): a state's name or adjective on it or on a stacked modifier."""
    mods = [m for m in _kids(g) if m.dep_ in ("amod", "compound", "poss", "nmod")]
    mods += [x for m in mods for x in _kids(m) if x.dep_ in ("amod", "compound", "conj")]
    return g.ent_type_ in _STATE_ENTS or any(m.ent_type_ in _STATE_ENTS for m in mods)


def _state_ban_lifted(t: _Trig) -> bool:
    """ "Pakistan lifted its ban on Indian airlines", "China ended its ban on Japanese seafood": a ban on another
    state's craft, goods or people is a sanction, and lifting it eases one (conventions, ease: lifting a closure or
    sanctions is RETREAT); a ban on a party, paper or practice at home lifted stays CONCEDE ("lifted its ban on
    the opposition party's rallies")."""
    if t.rule.event != "CONCEDE" or t.nominal or t.tok.lemma_.lower() not in _LIFTING:
        return False
    bans = [c for c in _kids(t.tok) if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _BANS]
    own = {a.country for a in t.actors if a.country}
    ons = [c for b in bans for c in _kids(b) if c.dep_ == "prep" and c.lower_ in ("on", "against")]
    whom = [g for c in ons for g in _kids(c)]
    for g in whom:
        # ("a ban on South Korean boats entering its waters": the parser makes the gerund the object)
        g = next((c for c in _kids(g) if c.dep_ == "nsubj"), g) if g.tag_ == "VBG" else g
        lo, hi = g.left_edge.idx, g.right_edge.idx + len(g.right_edge)
        foreign = [r for r in t.recipients if r.country and r.country not in own]
        if _state_marked(g) and any(lo <= r.start < hi for r in foreign):
            return True
    return False


_BODIES = frozenset({"organization", "organisation", "alliance", "union", "bloc", "coalition", "council", "commission",
                     "court", "mission", "league", "process", "government", "parliament", "cabinet", "programme",
                     "program", "initiative", "partnership", "framework", "convention"})  # fmt: skip


_TOWNS = frozenset({"city", "admin", "site"})


def _host_of_arrival(events: list[Event]) -> None:
    """Forces deployed to a town abroad ("200 Kenyan police officers landed in Port-au-Prince"): the town's country
    is the host, the deployment's recipient, as a country named there would be ("arriving in Lithuania"); a town
    of the force's own country names no recipient (events_own_s10_args: own territory)."""
    for ev in events:
        loc = ev.location
        if (
            ev.event != "MOBILIZE"
            or ev.recipient
            or loc is None
            or loc.feature not in _TOWNS
            or not loc.country
        ):
            continue
        own = {a.country for a in ev.actor if a.country}
        if own and loc.country not in own and ev.factuality in ("asserted", "alleged", "future"):
            ev.recipient = [
                Actor(text=loc.text, start=loc.start, end=loc.end, country=loc.country, kind="country")
            ]


_CRITICISING = frozenset({"ACCUSE", "REJECT", "THREATEN", "PROTEST"})
_AFTER_TRIGGER = re.compile(
    r"^\s+(?:the|this|these|that|those|such|its|their)\s+([\w-]+)(?:\s+([\w-]+))?", re.I
)
_BEFORE_ACTOR = re.compile(r"\b(?:a|the|this|that)\s+([\w-]+)(?:\s+([\w-]+))?\s*$", re.I)


_ANSWER = re.compile(r"\b(?:respond|retaliat|react|hit back|strike back)\w*", re.I)


def _criticised_act(events: list[Event], doc: Document) -> None:
    """A criticism of an act named again by a pointing noun ("called the move a provocation", "a move Tehran
    called reckless", "condemned the deployment"), or a warning of a response ("warned that Russia would
    respond"), with no one named as its target: the target is whoever did the nearest earlier act of another
    country the article reports."""
    refs = _lex().actrefs
    ordered = sorted(events, key=lambda e: e.event_start)
    for k, ev in enumerate(ordered):
        if ev.event not in _CRITICISING or ev.recipient or not ev.actor:
            continue
        after = _AFTER_TRIGGER.match(doc.text[ev.event_end : ev.event_end + 60])
        first = min(a.start for a in ev.actor)
        before = _BEFORE_ACTOR.search(doc.text[max(ev.sentence_start, first - 40) : first])
        words = {(w or "").lower() for m in (after, before) if m is not None for w in m.groups()}
        answer = ev.event == "THREATEN" and _ANSWER.search(doc.text[ev.event_end : ev.sentence_end])
        if not words & refs and not answer:  # ("warned that Russia would respond": to the act just told)
            continue
        own = {a.country for a in ev.actor}
        for prev in reversed(ordered[:k]):
            doers = [a for a in prev.actor if a.country and a.country not in own]
            if prev.event not in _CRITICISING and doers:
                ev.recipient = [replace(a) for a in doers]
                break


def _names_act(u: _Trig, t: _Trig) -> bool:
    """Whether u's actor is the phrase of t's own trigger ("[A Nigerian air force strike] killed 23")."""
    return any(a.start <= t.start < a.end for a in u.actors)


_DENYING = frozenset({"deny"})


def _denier(v: Any) -> Any | None:
    """Who denies an attack or arrest told in the passive ("an army source denied that any civilians had been
    hit"): the body the denier speaks for did it, or is said not to have (events_own_s11: the one who denies an
    act is its implied actor, unlike one who reports it)."""
    cur = v
    for _ in range(3):
        if cur.dep_ != "ccomp" or cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.lemma_.lower() in _DENYING:
            who, _ = _subject(cur)
            return _spoken_for(who) if who is not None and who.pos_ != "PRON" else None
    return None


# words a bare definite phrase keeps its own reading for (events_own_s10_args: "the government" takes the story's
# state; a person's office is the actors module's)
_OWN_READING = frozenset(
    {"government", "country", "state", "authorities", "official", "officials", "spokesman"}
)


def _plain_word(w: str) -> str:
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def _taken_back(events: list[Event], doc: Document) -> None:
    """Arguments that point back, coded as what they point to (the small spaCy model has no coreference, so this
    is written here): a bare definite phrase of common nouns ("the rebels", "The instructors", "the navy", "the
    foreign police") takes the country (and a missing sector) of the nearest earlier argument whose words hold
    its head noun ("Houthi rebels", "Russian military instructors", "Indian Navy commandos"); "the country's
    army" takes the last country the article named before it."""
    seen: list[Actor] = []
    for ev in sorted(events, key=lambda e: e.event_start):
        for role in ("actor", "recipient"):
            args = getattr(ev, role)
            spans = [(x.start, x.end) for x in args]
            for i, a in enumerate(args):
                if spans.count((a.start, a.end)) > 1:
                    continue  # "the two presidents" read as the two states named before: it points back already
                new = _antecedent_of(a, seen, doc)
                if new is not None:
                    args[i] = new
        seen.extend(x for x in ev.actor + ev.recipient if x.country)


def _antecedent_of(a: Actor, seen: list[Actor], doc: Document) -> Actor | None:
    words = a.text.split()
    if len(words) < 2 or words[0].lower() != "the":
        return None
    if words[1].lower() == "country's" and len(words) > 2:
        last = None
        for p in doc.places:
            if p.start >= a.start:
                break
            if p.feature == "country" and p.country:
                last = p.country
        return replace(a, country=last) if last and last != a.country else None
    rest = words[1:]
    if any(not w.isalpha() or not w.islower() for w in rest) or rest[-1] in _OWN_READING:
        return None
    head = _plain_word(rest[-1])
    for b in reversed(seen):
        if b.start >= a.start or b.text.lower().startswith("the "):
            continue
        if head in {_plain_word(w) for w in b.text.lower().split()}:
            if b.country == a.country and (a.sector or not b.sector):
                return None
            return replace(a, country=b.country, sector=a.sector or b.sector)
    return None
