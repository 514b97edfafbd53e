"""Which triggers are events of their own: request frames, background clauses, embedded triggers absorbed."""

from __future__ import annotations

from typing import Any

from dateline.events._lexicon import (
    _CONCLUDE,
    _CONDITION_MARKS,
    _DIRECTING,
    _EVENT_REJECT_MODE,
    _FORCE_EVENTS,
    _NEGATING,
    _NOT_ABSORBING,
    _OBLIGATION,
    _POLICY,
    _RELATIVE,
    _SUBJ,
    _TEMPORAL_MARKS,
    _Lex,
    _lex,
    _Rule,
)
from dateline.events._syntax import (
    _classify,
    _content_mode,
    _doc_toks,
    _is_verb,
    _partitive,
    _people_noun,
    _sent_toks,
    _tab,
    _within,
)
from dateline.events._triggers import _sequel_clause, _sequel_of, _Trig
from dateline.factuality import _kids

_MANDATIVE = {"insist", "demand", "urge", "ask", "request", "require", "recommend", "propose"}


def _subjunctive(v: Any) -> bool:
    """A mandative subjunctive clause: "(insisted) that the vote be postponed", "(demanded) that he resign" (a bare
    verb or bare "be" with a subject and no other auxiliary)."""
    auxes = [c for c in _kids(v) if c.dep_ in ("aux", "auxpass")]
    if not any(c.dep_ in _SUBJ for c in _kids(v)):
        return False
    if not auxes:
        return v.tag_ == "VB"
    return all(c.lower_ == "be" for c in auxes)


def _request_frames(sent: Any, lex: _Lex, trigs: list[_Trig]) -> list[_Trig]:
    """ "X said Y must/should do Z" is X's REQUEST to Y (PLOVER: demands, including those stated as obligations).

    The reporting verb becomes the trigger; the obliged clause's own trigger is embedded in it (absorbed)."""
    have = {t.anchor.i for t in trigs}
    out = list(trigs)
    stoks = _sent_toks(sent)
    tab = _tab(sent)
    dep = tab.dep if tab is not None else None  # (the first test of each loop on the token table: speed)
    for tok in stoks:
        if dep is not None and dep[tok.i] != "ccomp":
            continue
        if tok.dep_ != "ccomp" or not _is_verb(tok) or tok.head.i in have:
            continue
        rep = tok.head
        if (
            rep.lemma_.lower() not in lex.reporting
            and rep.lemma_.lower() not in _CONCLUDE
            and rep.lemma_.lower() not in _MANDATIVE
        ):
            continue
        obliged = any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in _kids(tok))
        if not (obliged or (rep.lemma_.lower() in _MANDATIVE and _subjunctive(tok))):
            continue
        if not any(c.dep_ in _SUBJ for c in _kids(rep)) or not any(c.dep_ in _SUBJ for c in _kids(tok)):
            continue
        if any(c.lower_ in ("we", "i") for c in _kids(tok) if c.dep_ == "nsubj"):
            continue  # "we must act": a statement of the speaker's own intent, not a demand on someone
        rule = _Rule("REQUEST", None, "10")
        out.append(_Trig(rep, rep, rule, rep.idx, rep.idx + len(rep), None))
        have.add(rep.i)
    for tok in stoks:
        # "told Sudan to allow peacekeepers in": telling someone to act is a demand on them (the act, its content);
        # "told reporters that ..." (no infinitive) stays a report
        if tab is not None and tab.llemma[tok.i] != "tell":
            continue
        if tok.lemma_.lower() != "tell" or not _is_verb(tok) or tok.i in have:
            continue
        obj = next((c for c in _kids(tok) if c.dep_ == "dobj"), None)
        comp = next((c for c in _kids(tok) if c.dep_ in ("xcomp", "ccomp", "advcl") and _is_verb(c)), None)
        if obj is None or comp is None or obj.lower_ in ("reporters", "journalists", "me", "us"):
            continue
        if obj.lemma_.lower() in lex.citizens:  # "told its citizens to leave": advice to its own people
            continue
        if comp.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in _kids(comp)):
            continue
        rule = _Rule("REQUEST", None, "10")
        out.append(_Trig(tok, tok, rule, tok.idx, tok.idx + len(tok), None))
        have.add(tok.i)
    for tok in stoks:
        # "called for the prime minister to step down", "pressed for the junta to hand over power": the parser
        # makes "for" the mark of an infinitive clause with its own subject; the call is the demand (its content
        # is absorbed), as "called on the prime minister to step down"
        if dep is not None and dep[tok.i] != "advcl":
            continue
        rep = tok.head
        if (
            tok.dep_ != "advcl"
            or rep.i in have
            or rep.lemma_.lower() not in _CALLING_FOR
            or not _is_verb(rep)
        ):
            continue
        kids = _kids(tok)
        if not (
            any(c.dep_ == "mark" and c.lower_ == "for" for c in kids)
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
            and any(c.dep_ in _SUBJ for c in kids)
        ):
            continue
        out.append(_Trig(rep, rep, _Rule("REQUEST", None, "10"), rep.idx, rep.idx + len(rep), None))
        have.add(rep.i)
    return out


_CALLING_FOR = {"call", "press", "push", "appeal", "clamour", "clamor", "plead", "campaign", "lobby"}


def _drop_background(trigs: list[_Trig]) -> list[_Trig]:
    """Drop events told in a subordinate "after/as/when/because..." clause of a sentence that reports another event.

    PLOVER codes the sentence's main event; the subordinate one is background (and is usually reported on its own
    elsewhere in the article)."""
    trigs = _obituary_dropped(trigs)
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
        if _cause_of_other(t, trigs) or _finding_of_other(t, trigs):
            dropped.append(t)
            continue
        for _ in range(6):
            if cur.head.i == cur.i:
                break
            if _pluperfect_relative(cur):
                background = True  # "the aid workers, who had been held for a year": an earlier state
                break
            if (_descriptive_relative(cur) or _standing_description(cur)) and any(
                u is not t and not _within(u.anchor, cur) for u in trigs
            ):
                background = True  # "The rebels, who seized Kindu last year, agreed to ...": who they are
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
                c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS for c in _kids(cur)
            ):
                # "aid workers held since March were freed" misparsed as "since [March were freed]": a date is
                # no clause's subject, so the clause is the sentence's own predicate, not background
                own = _own_clause(cur, trigs) or _date_subject(cur)
                background = not own and not _sequel_clause(cur, _lex())  # ("came two days after X killed")
                break
            if cur.dep_ == "pobj" and cur.head.lower_ in ("after", "following", "amid", "since", "despite"):
                background = not (t.nominal and cur.i == t.tok.i and _sequel_of(cur, _lex()))
                break
            if _alleged_of(cur):
                background = True  # "handed over two men suspected of bombing a bus": the men's description
                break
            if cur.dep_ == "pcomp" and cur.head.lower_ in ("after", "following", "since", "before"):
                # ("The truce came two days after shelling killed three": the killing is told)
                background = not _sequel_clause(cur, _lex())
                break
            cur = cur.head
        if background and _POLICY.get("keep_dated", 0.0) and _dated(t.anchor):
            background = False  # a dated subordinate event is reported as news of its own
        if background and t.anchor.i in occasions:
            background = False
        if (
            background
            and t.rule.event in _CROWD_EVENTS
            and (_counted_subject(t.anchor) or (t.rule.mode == "riot" and _time_clause(t.anchor)))
            and crackdown
        ):
            # "arrested 30 after tens of thousands protested": a counted crowd that force answered is news of its
            # own, like the attack a deployment answers (but "voted to expel X after thousands protested": PLOVER
            # codes the main event only); so is a riot in a time clause that force answered ("detained 40 after
            # rioters torched a police station": session 15), not a rioting group's description ("fired on inmates
            # who had rioted")
            background = False
        (dropped if background else kept).append(t)
    for t in [d for d in dropped if _like_act_by_other(d, kept)]:
        # "Ecuador sent 800 soldiers, a day after Colombia reinforced its border": a like act by another named
        # party, told as the main event's occasion, is an event of its own (the earlier deployment)
        dropped.remove(t)
        kept.append(t)
    # a background event is kept when every main-clause event lies inside its own clause: then no event of the
    # main clause is told ("non-essential staff were relocated to Taji, the base where the contingent trains ...")
    main = [k for k in kept if not any(_within(k.anchor, d.anchor) for d in dropped)]
    if not main:
        return trigs
    return kept or trigs


_TIME_PREPS = {"after", "following", "before", "since", "until", "amid", "during"}
_NAMED = {"GPE", "ORG", "NORP", "PERSON"}


def _named_subject(v: Any) -> Any:
    subj = next((c for c in _kids(v) if c.dep_ == "nsubj"), None)
    return subj if subj is not None and subj.ent_type_ in _NAMED else None


def _like_act_by_other(t: _Trig, kept: list[_Trig]) -> bool:
    """A verb event in an "after/since ..." clause of the same type as a main-clause event, its subject a named
    party other than the main event's ("Ecuador sent troops a day after Colombia reinforced its border")."""
    if t.nominal or not _time_clause(t.anchor):
        return False
    subj = _named_subject(t.anchor)
    if subj is None:
        return False
    for k in kept:
        other = None if k.nominal else _named_subject(k.anchor)
        if k.rule.event == t.rule.event and other is not None and other.lower_ != subj.lower_:
            return True
    return False


def _time_clause(anchor: Any) -> bool:
    """Whether the event word sits in an "after/since/when ..." clause or phrase ("is sending 3,000 soldiers, hours
    after a drone strike killed ...": the strike is the deployment's occasion, not its context)."""
    cur = anchor
    for _ in range(6):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in ("pobj", "pcomp") and cur.head.lower_ in _TIME_PREPS:
            return True
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS for c in _kids(cur)):
            return True
        cur = cur.head
    return False


_CROWD_EVENTS = {"PROTEST"}
_CROWD_WORDS = {"thousands", "hundreds", "dozens", "tens", "scores", "millions"}


def _counted_subject(v: Any) -> bool:
    """Whether a clause's subject is a counted crowd: "tens of thousands protested", "5,000 people marched"."""
    for c in _kids(v):
        if c.dep_ == "nsubj" and (
            c.lower_ in _CROWD_WORDS or c.like_num or any(n.dep_ == "nummod" for n in _kids(c))
        ):
            return True
    return False


def _date_subject(clause: Any) -> bool:
    """Whether a clause's subject is a date ("since [March] were freed"): a misparsed "since" phrase."""
    return any(c.dep_ == "mark" and c.lower_ == "since" for c in _kids(clause)) and any(
        c.dep_ == "nsubjpass" and c.ent_type_ in ("DATE", "TIME") for c in _kids(clause)
    )


def _dated(anchor: Any) -> bool:
    """A clause with a date of its own ("after tens of thousands protested on Sunday"): an event told as news,
    not only as background."""
    for c in _kids(anchor):
        if c.ent_type_ == "DATE" and c.dep_ in ("npadvmod", "tmod", "advmod"):
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ in ("on", "in", "at")
            and any(g.dep_ == "pobj" and g.ent_type_ == "DATE" for g in _kids(c))
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
    subj = next((c for c in _kids(clause) if c.dep_ in ("nsubj", "nsubjpass")), None)
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


_WILLING = {"will", "would", "shall"}


def _vowed_force(outer: _Trig, t: _Trig) -> bool:
    """Whether outer vows, in a finite "that ... would" clause, a forceful act t ("vowed that the group would hit
    American warships", "promised that his fighters would strike"): a vow of force is THREATEN (manual), said by
    the one who vows. (The infinitive "vowed to attack" keeps the act, its factuality future, see `_stance_over`.)"""
    if outer.tok.lemma_.lower() not in _PROMISING or outer.rule.event != "AGREE" or t.nominal:
        return False
    if t.rule.event not in _FORCE_EVENTS | {"MOBILIZE"}:
        return False
    cur = t.anchor
    for _ in range(3):  # "would keep hitting": through an aspectual verb
        if cur.dep_ == "ccomp" and cur.head.i == outer.tok.i:
            if any(c.dep_ == "neg" for c in _kids(cur)):
                return False  # "promised that it would not attack Ukraine": a pledge of restraint (AGREE)
            return any(c.dep_ == "aux" and c.lower_ in _WILLING for c in _kids(cur))
        if cur.dep_ != "xcomp" or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _carried_noun(outer: _Trig, t: _Trig) -> bool:
    """Whether the nominal event t, of outer's own type, is outer's object or the object of its own preposition
    ("imposed an embargo", "went on strike", "flew to Ankara for talks"): one act said by verb and noun."""
    if not t.nominal or outer.nominal or outer.rule.event != t.rule.event:
        return False
    h = t.tok
    if h.dep_ in ("dobj", "nsubjpass"):
        return h.head.i == outer.tok.i
    return h.dep_ == "pobj" and h.head.dep_ == "prep" and h.head.head.i == outer.tok.i


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
    """A nominal event named as the cause of an act the sentence reports ("the bombing prompted Kenya to close its
    border"): background to the act it caused. Not when what it caused is itself an event noun, the causing verb's
    object ("the arrest of X sparked riots", "the killing of a student triggered protests"): the sentence then
    reports two happenings side by side, both coded (`events_own_s16.md`)."""
    if not t.nominal or t.tok.dep_ != "nsubj" or t.tok.head.lemma_.lower() not in _CAUSING:
        return False
    verb = t.tok.head
    return any(
        u is not t and u.anchor.i != verb.i and _within(u.anchor, verb) and not _caused_noun(u, verb)
        for u in trigs
    )


_FINDING = {"find", "conclude", "establish", "determine", "show", "reveal", "confirm", "say", "report"}


def _finding_of_other(t: _Trig, trigs: list[_Trig]) -> bool:
    """An inquiry that "found / concluded" the sentence's act ("detainees were tortured by guards, a military inquiry
    found", "an official inquiry concluded that police had shot ..."): the inquiry is the act's source, a
    reporting frame (convention `report`), not an investigation opened."""
    if not t.nominal or t.rule.mode != "investigate" or t.tok.dep_ != "nsubj":
        return False
    verb = t.tok.head
    if verb.lemma_.lower() not in _FINDING:
        return False
    return any(u is not t and u.anchor.i != verb.i and _within(u.anchor, verb) for u in trigs)


def _caused_noun(u: _Trig, verb: Any) -> bool:
    """Whether a nominal event is what the causing verb set off: its object ("sparked riots"), or the "of" noun of
    its object ("sparked two days of protests", "triggered a wave of strikes")."""
    if not u.nominal:
        return False
    tok = u.tok
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "dobj":
        tok = tok.head.head
    return tok.dep_ == "dobj" and tok.head.i == verb.i


def _nonrestrictive(tok: Any) -> bool:
    """A passive relative clause set off by a comma ("Soleimani, who was killed in a strike"): what was done to
    the person named is reported as a fact of its own. (Active ones, "Sharon, who has vowed not to ...", mostly
    describe the person and stay part of the main event.)"""
    first = tok.left_edge.i
    if tok.dep_ != "relcl" or first == 0 or _doc_toks(tok.doc)[first - 1].text not in (",", "(", "—", "–"):
        return False
    return any(c.dep_ == "nsubjpass" and c.lower_ in _RELATIVE for c in _kids(tok))


_PASSING = {"die", "bury", "mourn", "pass", "survive"}
_HONOURING = {"remember", "honour", "honor", "commemorate", "mourn", "salute"}


def _life_told(tok: Any) -> bool:
    """A relative clause on the subject of a death or burial ("The general, who led the invasion of Grenada, died at
    his home"): an obituary telling the life of the dead, not news of its own."""
    if tok.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE for c in _kids(tok)):
        return False  # (a passive one, "who was killed in a drone strike on Monday", reports news: _nonrestrictive)
    ante = tok.head
    return ante.dep_ in ("nsubj", "nsubjpass") and ante.head.lemma_.lower() in _PASSING


def _obituary_dropped(trigs: list[_Trig]) -> list[_Trig]:
    """Events told inside a relative clause on the subject of a death ("Kissinger, who negotiated the end of the
    war, died"): the life of the dead, dropped even when the sentence reports no other event."""

    def told(t: _Trig) -> bool:
        cur = t.anchor
        for _ in range(6):
            if _life_told(cur) or _honoured_dead(cur):
                return True
            if cur.head.i == cur.i:
                return False
            cur = cur.head
        return False

    if all(t.anchor.dep_ == "ROOT" for t in trigs):
        return trigs
    return [t for t in trigs if not told(t) and not _held_since(t.anchor)]


# verbs of keeping someone captive: as a participle on a noun with a "since / for N months" phrase they describe the
# captives' standing state, not an act the sentence reports
_HOLDING = {"hold", "detain", "keep", "imprison", "jail", "hold captive"}
_DURATION_UNITS = {"day", "week", "month", "year", "decade"}


def _held_since(tok: Any) -> bool:
    """ "The fate of 30 aid workers held by the militia since March remains unknown", "journalists detained for
    two years without trial": who the captives are (convention `background`), dropped even when the sentence reports
    no other event; without the time phrase the participle may report the seizure itself ("fishermen detained by
    the navy")."""
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or tok.lemma_.lower() not in _HOLDING:
        return False
    for c in _kids(tok):
        if c.dep_ != "prep":
            continue
        if c.lower_ == "since":
            return True
        if c.lower_ == "for" and any(
            g.lemma_.lower() in _DURATION_UNITS for g in _kids(c) if g.dep_ == "pobj"
        ):
            return True
    return False


def _honoured_dead(tok: Any) -> bool:
    """ "laid wreaths to remember those killed in two world wars": the dead honoured, no attack reported."""
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and tok.lemma_.lower() in _HARMED
        and tok.head.head.lemma_.lower() in _HONOURING
    )


def _descriptive_relative(tok: Any) -> bool:
    """A clause that says who a person or group is rather than what happened, background to the sentence's own
    event (the GSR codes the main clause only): an active relative clause telling an earlier act ("The rebels,
    who seized Kindu last year, ...", "the group that seized the town last week released ..."), one in the simple
    present telling a standing stance ("militias that oppose the US presence"), or a passive participle in an
    apposition naming a backer ("the Houthis, a movement backed by Iran, ...")."""
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.dep_ == "appos":
        return any(c.dep_ == "agent" for c in _kids(tok))
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and _classify(tok, None) == "historical":
        # a reduced relative dated well before the news ("the sanctions imposed by Washington in 2018 were lifted",
        # "troops sent to Darfur in 2007 withdrew"): the old act says what the thing is, background
        return True
    if tok.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE for c in _kids(tok)):
        return False
    if tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass", "neg") for c in _kids(tok)):
        return True
    # only an act dated well before the news ("last year", "in 2012"): "the minister, who visited Ankara on
    # Monday, praised the talks" reports the visit as news of its own
    return _classify(tok, None) == "historical"


_HARMED = {"kill", "wound", "injure", "hurt", "maim", "displace", "orphan"}


def _standing_description(tok: Any) -> bool:
    """A clause that describes a person or group by a standing record rather than telling the sentence's news
    (conventions: relative clauses and "accused of" phrases are background): a relative clause in the present
    perfect ("whose government has cracked down on the sect", "which has been fighting rebels"), one whose subject
    is accused ("who have been accused of killing protesters"), or an "accused/suspected of" participle on a noun
    ("Indonesian troops, accused of abuses in East Timor, were withdrawn")."""
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in _SUSPECTING:
        return any(c.dep_ == "prep" and c.lower_ in ("of", "for", "over") for c in _kids(tok))
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in _HARMED:
        # "relatives of Americans killed in the Lockerbie bombing sued Libya": who the people are
        return any(c.dep_ == "prep" and c.lower_ in ("in", "during") for c in _kids(tok))
    if tok.dep_ != "relcl":
        return False
    subj = next((c for c in _kids(tok) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or not (
        subj.lower_ in _RELATIVE or any(c.lower_ == "whose" for c in _kids(subj)) or subj.lower_ == "whose"
    ):
        return False
    if subj.dep_ == "nsubjpass" and tok.lemma_.lower() in _SUSPECTING:
        return True  # "who have been accused of killing protesters"
    aux = [c for c in _kids(tok) if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ in ("had", "'d") for a in aux):
        return False
    return any(a.lemma_.lower() == "have" for a in aux) and tok.tag_ in ("VBN", "VBG")


def _agentive_participle(tok: Any) -> bool:
    """A reduced passive relative that names who acted ("soldiers freed by Russia", "ships seized by Iran"):
    a report of an event of its own, not the content of the verb above it."""
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or not any(c.dep_ == "agent" for c in _kids(tok)):
        return False
    # people acted on ("a channel disputed by ...", "a bill signed by ...": no event of their own)
    who = _partitive(tok.head)
    return who.lemma_.lower() in _lex().people or _people_noun(who)


def _finite(v: Any) -> bool:
    """A verb with tense of its own ("cooperated", "have cooperated", "will meet"), not an infinitive or participle
    phrase."""
    if v.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in _kids(v))


_HELP = {"help", "assist"}


def _helping(outer: _Trig, t: _Trig) -> bool:
    """ "help (to) do X" with no one named as helped: the event is X."""
    o = outer.tok
    if outer.rule.event != "AID" or outer.nominal or t.nominal or o.lemma_.lower() not in _HELP:
        return False
    if any(c.dep_ in ("dobj", "dative") for c in _kids(o)):
        return False
    return t.anchor.head.i == o.i and t.anchor.dep_ in ("xcomp", "ccomp", "advcl")


_FREEING = {"RETREAT", "AID", "SUPPORT", "CONCEDE"}  # release, rescue, welcoming or pardoning someone held


def _realis(tok: Any) -> bool:
    """Whether a clause tells something that happened: no modal and no "if/unless" on the way to the root
    ("would deploy warships if shipping is attacked": the attack is a condition, not an event)."""
    cur = tok
    for _ in range(8):
        for c in _kids(cur):
            if (c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS) or (c.dep_ == "aux" and c.tag_ == "MD"):
                return False
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return True


def _pluperfect_relative(tok: Any) -> bool:
    """A relative clause in the pluperfect ("who had threatened to quit", "services that had been suspended")."""
    return tok.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in _kids(tok))


_CALLS = {"call", "demand", "request", "appeal", "plea"}  # what is dismissed when "calls for X" are rejected
# verbs whose object's event factuality marks as denied (data/events/factuality_cues.tsv, "governor" rows): only
# with them does the refused event carry its denial ("snubbed calls for a ceasefire" stays a REJECT)
_DISMISSING = {"reject", "dismiss"}


def _dismissed_call(outer: _Trig, t: _Trig) -> bool:
    """ "rejected calls for a withdrawal", "dismissed demands for the release of ...": the nominal event is the
    object of a call the rejection's verb governs."""
    prep = t.tok.head
    if outer.tok.lemma_.lower() not in _DISMISSING or t.tok.dep_ != "pobj" or prep.lower_ != "for":
        return False
    # "rejecting calls from MPs for a withdrawal": the parser may hang the "for" on the verb
    if prep.head.i == outer.tok.i:
        return any(c.dep_ == "dobj" and c.lemma_.lower() in _CALLS for c in _kids(outer.tok))
    return prep.head.lemma_.lower() in _CALLS and prep.head.head.i == outer.tok.i


_ENACTING = {"sign", "issue", "enact", "pass", "adopt", "approve", "publish"}
_DECREES = {"decree", "order", "ordinance", "edict", "law", "bill", "resolution", "directive", "proclamation"}


def _decreed(outer: _Trig, t: _Trig) -> bool:
    """The inner event is what a signed or issued decree does ("signed a decree releasing 200 prisoners", "issued an
    order banning the party"): a verb clause on the decree noun, the decree the enacting verb's object."""
    if t.nominal or outer.nominal or outer.tok.lemma_.lower() not in _ENACTING:
        return False
    v = t.anchor
    if v.dep_ != "acl" or v.head.lemma_.lower() not in _DECREES:
        return False
    return v.head.dep_ in ("dobj", "nsubjpass") and v.head.head.i == outer.tok.i


def _reduced_relative_root(verb: Any, comp: Any) -> bool:
    """A participle with a "by" agent and no auxiliary, parsed as the root ("The ceasefire agreed by X has raised
    hopes"), whose "complement" is a finite clause without a subject of its own: the participle only describes its
    noun, and the complement is the sentence's main predicate (no content of the agreement)."""
    return (
        verb.tag_ in ("VBN", "VBD")  # the tagger often reads the participle as a past tense here
        and any(c.dep_ == "agent" for c in _kids(verb))
        and not any(c.dep_ in ("aux", "auxpass") for c in _kids(verb))
        and any(c.dep_ == "aux" for c in _kids(comp))
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in _kids(comp))
    )


def _judged_move(tok: Any) -> bool:
    """A relative clause on a noun that names the sentence's act again, set beside it ("..., a move Tehran called
    reckless", "..., a decision Warsaw condemned"), whose own subject is another party: that party's judgement is
    an event of its own (conventions of events_own_s11 and events_own_s12: ACCUSE), not the act's content."""
    if tok.dep_ not in ("relcl", "acl") or tok.head.dep_ not in ("appos", "npadvmod", "dobj", "attr"):
        return False
    if tok.head.lemma_.lower() not in _lex().actrefs:
        return False
    subj = next((c for c in _kids(tok) if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lower_ not in _RELATIVE and subj.pos_ in ("PROPN", "NOUN")


def _forced_flight(child: Any, t: _Trig) -> bool:
    """Whether t is a ", forcing ... to flee" participle after the clause: people driven out are the
    manual's SANCTION expel with the driver as actor (RETREAT and SANCTION, ambiguities), reported beside the attack
    that drove them (session 14)."""
    if t.rule.event != "SANCTION" or t.rule.mode != "expel" or child.i != t.anchor.i:
        return False
    if child.dep_ not in ("advcl", "xcomp") or child.tag_ != "VBG":
        return False
    left = child.left_edge.i
    return left > 0 and _doc_toks(child.doc)[left - 1].text == ","


def _absorb(trigs: list[_Trig]) -> list[_Trig]:
    """Drop triggers embedded in another trigger's complement; the outer one may take their mode."""
    by_anchor: dict[int, _Trig] = {}
    for t in trigs:
        by_anchor.setdefault(t.anchor.i, t)
    kept = []
    via_adjunct: set[int] = set()  # triggers reached through an adverbial clause of a refusal
    for t in trigs:
        outer = None
        if by_anchor.get(t.anchor.i) is not t and by_anchor[t.anchor.i].tok.i != t.tok.i:
            outer = by_anchor[t.anchor.i]  # (two types on one word, "sentenced to prison", are both kept)
        cur = t.anchor
        for _ in range(8):
            if outer is not None or cur.head.i == cur.i or _nonrestrictive(cur) or _agentive_participle(cur):
                break  # a ", who/which ..." clause, or "soldiers freed by Russia", asserts its own event
            if _judged_move(cur):
                break  # "sent a carrier to the Gulf, a move Tehran called reckless": Tehran's criticism is its own
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
            if (
                u.nominal
                and u.tok.i == cur.i
                and u.tok.lemma_.lower() in _CALLS
                and cur.head.i in by_anchor
                and by_anchor[cur.head.i].rule.event == "REJECT"
            ):
                continue  # "rejected demands for the release of ...": the demand is what is rejected (see below)
            if child.dep_ in _NOT_ABSORBING or child.dep_ in ("nsubj", "csubj"):
                continue
            if _forced_flight(child, t):
                break  # "overran the town, forcing thousands to flee": the expulsion is an event of its own
            if child.dep_ == "ccomp" and _reduced_relative_root(cur, child):
                continue  # "The ceasefire agreed by X [has raised hopes ...]": the sentence's own predicate
            if (
                child.dep_ == "prep"
                and child.lower_ in _TIME_PREPS
                and _POLICY["keep_dated"]
                and _dated(t.anchor)
            ):
                continue  # "voted to expel troops after thousands protested on Sunday": a dated time adjunct
            if child.dep_ == "nsubjpass" and (
                u.rule.event not in ("AGREE", "REJECT", "CONCEDE", "RETREAT")
                or (u.rule.event in ("CONCEDE", "RETREAT") and child.i != t.anchor.i)
            ):
                # a passive subject agreed to or rejected is the content of that stance ("a ceasefire was agreed",
                # "the demand was rejected": one event), one lifted or eased what is given up ("the curfew was
                # lifted" as "lifted the curfew", convention 11; the measure itself, not a clause on it: "the gang
                # that killed four guards was disbanded"); one welcomed or ordered is an event of its own
                continue
            if (
                child.dep_ == "advcl"
                and child.i != t.anchor.i
                and u.rule.event == "REJECT"
                and u.tok.lemma_.lower() in _NEGATING
            ):  # "refused a request, saying they would discuss ...": the adjunct is no refused act
                via_adjunct.add(id(t))
            if child.dep_ == "advcl" and any(c.dep_ in _SUBJ for c in _kids(child)):
                marks = {c.lower_ for c in _kids(child) if c.dep_ == "mark"}
                if not marks & _CONDITION_MARKS and not ("for" in marks and u.rule.event == "REQUEST"):
                    continue  # (but "called for the premier to resign": what is called for is the call's content)
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
        if _decreed(outer, t):
            # "signed a decree releasing 200 prisoners": the release is the event; the signing only carries it
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
        if (
            outer.rule.event == "REJECT"
            and outer.tok.lemma_.lower() in _NEGATING
            and t.nominal
            and any(c.dep_ == "neg" for c in _kids(outer.tok))
        ):
            # "has not ruled out talks", "did not rule out strikes": no refusal (the negated refusal leaves the act
            # open); the act itself, its factuality hypothetical
            outer.rule, outer.mode, outer.tok = t.rule, t.mode, t.tok
            outer.start, outer.end = t.start, t.end
            continue
        if (
            outer.rule.event == "REJECT"
            and t.nominal
            and t.rule.event == "CONSULT"
            and _dismissed_call(outer, t)
        ):
            # "rejected the union's demand for talks": refused talks are the manual's REJECT `meet' (its REJECT
            # modes name meetings and negotiations), asserted; no consultation is coded
            outer.mode = "meet"
            continue
        if outer.rule.event == "REJECT" and t.nominal and _dismissed_call(outer, t):
            # "rejecting calls for an immediate withdrawal": like "refused to withdraw", the refused event with its
            # factuality denied (the call's noun, not the rejection, names what did not happen)
            outer.rule, outer.mode, outer.tok = t.rule, t.mode, t.tok
            outer.start, outer.end = t.start, t.end
            continue
        if _backs_off(outer, t):
            # "suspended plans to impose a curfew", "dropped the bill to ban the party": giving up a forceful
            # measure is a concession (manual, CONCEDE: easing restrictions, declarations of ceasefires)
            outer.rule, outer.mode = _Rule("CONCEDE", None, "08"), None
            continue
        if _vowed_force(outer, t):
            outer.rule = _Rule("THREATEN", _content_mode("THREATEN", t.anchor, t.rule.event, t.mode), "13")
            outer.mode = outer.rule.mode
            continue
        if (not t.nominal or t.anchor.i != t.tok.i) and id(t) not in via_adjunct and _stance_over(outer, t):
            # "promised to send aid", "rejected claims that it had bombed": the event is the promised or denied
            # one; its factuality (future, denied) carries the stance, and PLOVER's single-category convention
            # (AGREE, THREATEN, REJECT) is applied from it where the records are scored
            outer.rule, outer.mode, outer.tok, outer.anchor = t.rule, t.mode, t.tok, t.anchor
            outer.start, outer.end = t.start, t.end
            continue
        if _carried_noun(outer, t):
            # "imposed an arms embargo", "went on strike", "travelled to Male for talks": the noun carries the act
            # as much as the verb (conventions: a light verb's noun is coded), so the event's words run to it
            outer.start, outer.end = min(outer.start, t.start), max(outer.end, t.end)
        if outer.mode is None:
            if outer.rule.event == t.rule.event:
                outer.mode = t.mode
            elif outer.rule.event == "THREATEN":
                outer.mode = _content_mode("THREATEN", t.anchor, t.rule.event, t.mode)
            elif outer.rule.event == "REJECT":
                outer.mode = _EVENT_REJECT_MODE.get(t.rule.event) or _content_mode("REJECT", t.anchor)
    return kept
