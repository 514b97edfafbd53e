"""Where, when and how many: an event's location, date and sizes."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import replace
from typing import Any, NamedTuple, cast

from dateline.events._arguments import _avenged
from dateline.events._clauses import _TIME_PREPS
from dateline.events._lexicon import (
    _FORCE_EVENTS,
    _FRAMING_PREPS,
    _LOC_PREPS,
    _TEMPORAL_MARKS,
    _coder,
    _Lex,
    _lex,
)
from dateline.events._syntax import (
    _char_span,
    _doc_toks,
    _is_verb,
    _non_actor_words,
    _people_noun,
    _sent_of,
    _sent_picks,
    _sent_text,
    _span_of,
    _tab,
    _within,
)
from dateline.events._triggers import _dying_verb, _match_noun, _Trig
from dateline.factuality import _kids
from dateline.model import Document, Event, EventDate, Place, Size
from dateline.nlp import span_ents


class _ByStart:
    """A list of records (places, times) sorted once by start, each with its place in the list: the ones that
    start inside a sentence are found by binary search (a long text walked them all for every event)."""

    def __init__(self, items: list[Any]) -> None:
        self.items, self.size = items, len(items)
        self.first, self.last = (items[0], items[-1]) if items else (None, None)
        self.order = sorted(range(len(items)), key=lambda k: items[k].start)
        self.starts = [items[k].start for k in self.order]

    def fits(self, items: list[Any]) -> bool:
        return (
            items is self.items
            and len(items) == self.size
            and (not items or (items[0] is self.first and items[-1] is self.last))
        )

    def within(self, lo: int, hi: int) -> list[Any]:
        ks = sorted(self.order[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)])
        return [self.items[k] for k in ks]


def _starting_in(items: list[Any], lo: int, hi: int, kind: str, doc: Document) -> list[Any]:
    """The records of `items` (the document's `kind`) with lo <= start < hi, in list order (the loops below rely on
    it). The index is kept on the document (transient) and rebuilt when the list is another or has changed."""
    key = f"_{kind}_by_start"
    index = getattr(doc, key, None)
    if index is None or not index.fits(items):
        index = _ByStart(items)
        setattr(doc, key, index)
    return index.within(lo, hi)


def _event_sizes(sizes: list[Size], trigs: list[_Trig], doc: Any) -> None:
    if not trigs:
        return
    for s in sizes:
        span = _char_span(doc, s.start, s.end)
        if span is not None and not any(
            _own_size(span.root, t.anchor) or _told_of(span.root, t.tok, t.anchor) for t in trigs
        ):
            continue  # "hit the school today, a day after yesterday's shelling wounded three": another event's size
        best = trigs[0]
        owner = _tally_of(span.root, trigs) if span is not None and len(trigs) > 1 else None
        if owner is not None:
            best = owner
        elif span is not None and len(trigs) > 1:
            best_d = 10**9
            for t in trigs:
                lo, hi = t.anchor.left_edge.i, t.anchor.right_edge.i
                if lo <= span.root.i <= hi:
                    d = hi - lo
                    if d < best_d:
                        best, best_d = t, d
        if span is not None and _parties_counted(span.root, best):
            continue  # "the two ministers agreed": who took part, no size of the agreement
        best.sizes.append(s)


def _parties_counted(root: Any, t: _Trig) -> bool:
    """A definite count that is the subject of a meeting, an agreement or a statement ("the two ministers agreed",
    "their three envoys met", "these two governments accused"): the parties the text named before, counted, not a
    size of the act; only for parties that speak for a state or a group (not "the 300 workers demanded", a
    crowd), and a physical act's "the two soldiers were killed" keeps its count."""
    return (
        t.rule.event in _PARTY_EVENTS
        and root.dep_ == "nsubj"
        and root.head.i in (t.anchor.i, t.tok.i)
        and any((g.dep_ == "det" and g.lower_ in _DEFINITE_DETS) or g.dep_ == "poss" for g in _kids(root))
        and any(a.start <= root.idx < a.end and a.sector in _PARTY_SECTORS for a in t.actors)
    )


_WITHIN_WORDS = {"which", "where", "when"}


def _told_of(tok: Any, noun: Any, anchor: Any = None) -> bool:
    """A number in an "in which / during which / where" clause of the event noun itself: "a clash on Wednesday in
    which Guyana said two of its soldiers were killed" counts the clash's dead (the clause tells the same scene;
    the parser may hang it on the event's own day, "on Wednesday")."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    own = {noun.i} | ({anchor.i} if anchor is not None else set())
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ == "relcl" and (cur.head.i == noun.i or _own_day_word(cur.head, own)):
            return any(
                (c.dep_ == "prep" and any(g.lower_ in _WITHIN_WORDS for g in _kids(c)))
                or (c.dep_ == "advmod" and c.lower_ in _WITHIN_WORDS)
                for c in _kids(cur)
            )
        if cur.dep_ == "relcl" and cur.head.i in {w.i for w in noun.subtree}:
            # "Thursday's protest at the embassy in Manila, where more than 1,500 people turned out": the place
            # the event noun names is its scene
            return any(c.dep_ == "advmod" and c.lower_ == "where" for c in _kids(cur))
        cur = cur.head
    return False


def _own_day_word(w: Any, own: set[int]) -> bool:
    """A day the event's own phrase gives ("took part in a clash on Wednesday"): a time word whose "on/in" phrase
    hangs on the event word."""
    return (
        w.ent_type_ in ("DATE", "TIME")
        and w.dep_ == "pobj"
        and w.head.lower_ in ("on", "in")
        and w.head.head.i in own
    )


def _tally_of(tok: Any, trigs: list[_Trig]) -> _Trig | None:
    """The event a tally names in its subject ("the toll from the car bomb has risen to seven"): a number in a
    clause whose subject holds an event's word counts that event."""
    v = tok
    for _ in range(4):
        if _is_verb(v) or v.head.i == v.i:
            break
        v = v.head
    subj = next((c for c in _kids(v) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or _within(tok, subj):
        return None
    return next((t for t in trigs if _within(t.tok, subj)), None)


def _time_mark(c: Any) -> bool:
    """A child that makes its clause temporal: "after", "when", or "a day after" (the parser may hang "after" on
    the span: "[a day [after]] yesterday's shelling wounded three")."""
    if c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS:
        return True
    return c.dep_ == "npadvmod" and any(g.dep_ == "prep" and g.lower_ in _TIME_PREPS for g in _kids(c))


def _own_size(tok: Any, anchor: Any) -> bool:
    """Whether a number is in the event's own clause: not inside an "after/since/when ..." clause or phrase of it
    that tells another event (the number then counts that event's people or things)."""
    cur = tok
    for _ in range(12):
        if cur.i == anchor.i:
            return True
        if cur.head.i == cur.i:
            break
        if (
            (cur.dep_ in ("pobj", "pcomp") and cur.head.lower_ in _TIME_PREPS)
            or (cur.dep_ == "advcl" and any(_time_mark(c) for c in _kids(cur)))
            or _other_scene(cur)
            or _sought(cur)
        ):
            return _within(anchor, cur)  # the clause tells another event, unless it holds the event itself
        cur = cur.head
    return True


# verbs of a purpose clause that seeks people ("to search for seven kidnapped aid workers", "to find the students")
_SEEKING = frozenset(
    {"search", "find", "rescue", "free", "locate", "hunt", "look", "track", "trace", "recover"}
)


def _sought(c: Any) -> bool:
    """A purpose infinitive that seeks people: the number in it counts those sought, not the force sent."""
    return (
        c.dep_ in ("advcl", "xcomp")
        and c.lemma_.lower() in _SEEKING
        and any(k.dep_ == "aux" and k.lower_ == "to" for k in _kids(c))
    )


def _other_scene(c: Any) -> bool:
    """A relative clause that tells a scene of its own: "hopes in Arauca, where the attack killed nine officers"
    (a "where"/"when" clause, or one with a subject of its own that is no relative pronoun)."""
    if c.dep_ != "relcl" or not _is_verb(c):
        return False
    for k in _kids(c):
        if k.dep_ == "advmod" and k.lower_ in ("where", "when"):
            return True
        if k.dep_ in ("nsubj", "nsubjpass") and k.tag_ not in ("WDT", "WP", "WP$") and k.lower_ != "that":
            return True
    return False


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
    places = _starting_in(doc.places, sent.start_char, sent.end_char, "places", doc)
    if not places:
        places = [
            Place(text=e.text, start=e.start_char, end=e.end_char)
            for e in span_ents(sent)
            if e.label_ in ("GPE", "LOC", "FAC")
        ]
    fallback = broad = shared = home = None
    # the one a vowed revenge is for, and all said of them ("who was killed in a US drone strike at Baghdad airport"),
    # is the threat's cause: no place of the threat's
    avenged = _avenged(t.anchor) if t.rule.event == "THREATEN" else set()
    speakers = _speaker_spans(t, doc)
    for p in places:
        if any(s <= p.start < e for s, e in speakers):
            continue  # "Afghanistan will free the traders, a diplomat in Kabul said": where the speaker is
        inner = any(
            s < p.start < e for s, e in within
        )  # a place phrase inside a recipient ("a post in Kandahar")
        # a town that is the recipient itself, standing for its people ("shelled Juba", "fired on Berkaber"): still
        # where the event happened
        itself = (
            any((s, e) == (p.start, p.end) for s, e in within)
            and p.feature not in _BROAD
            and (t.rule.event in _FORCE_EVENTS or t.rule.event == "MOBILIZE")  # "moved into Baidoa": there
        )
        if _relief_to_town(p, sdoc, t) and not any(s <= p.start < e for s, e in taken):
            return p  # "flew 50 tonnes of food to Pemba": relief is handed over where it is delivered
        if _court_seat(p, sdoc, t):
            return p  # "A Cairo court sentenced three journalists": the court rules where it sits
        if _moved_to_or_from(p, sdoc, t):
            return (
                p  # "sent troops to Estonia", "left Niger": the host country is the recipient and the place
            )
        if home is None and any(s <= p.start < e for s, e in taken) and _crowd_home(p, sdoc, t):
            home = p  # "Residents of Beni staged a strike": the crowd acts where it lives or works
        if any(s <= p.start < e for s, e in taken) or (
            any(s <= p.start < e for s, e in within) and not inner and not itself
        ):
            continue
        span = _char_span(sdoc, p.start, p.end)
        if span is None:
            continue
        root = span.root
        if root.i in avenged or _in_other_clause(root, t) or _force_origin(root, t):
            continue
        if itself and _person_named(p.text, root):
            continue  # a person the geoparser also read as a place ("shot Soleimani")
        site = _site_of(root) if not _person_named(p.text, root) else None  # ("the killing of Soleimani")
        if site is None:
            site = _named_facility(root)  # "the Tame police station", whatever the recogniser tagged "Tame"
        if site is not None and (site.i == t.tok.i or (site.dep_ == "dobj" and site.head.i == t.anchor.i)):
            return p  # "the Baidoa car bomb", "attacked the Jowhar market": the event's own place
        if site is not None and _target_of_act(site, t):
            return p  # "the attack on the Tame police station killed nine": the act's target is where it happened
        if inner and not (root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "near")) and site is None:
            continue  # only where the recipient is, "attacked an army post in Kandahar": the attack's place too
        if site is not None:
            # "into the main market of Jowhar", "at the Jowhar market": the site's phrase places the event
            root = site
        if _aside_of_subject(root, t):
            continue
        if itself and root.dep_ == "dobj" and root.head.i == t.anchor.i and t.rule.event in _FORCE_EVENTS:
            return p  # "shelled Juba": the town hit (not "accused Yerevan": a government, not a place)
        if t.rule.event in _TALKED_EVENTS and _in_topic(root, t):
            # "held talks on the withdrawal of troops from North Kivu": what is talked of, not where; recorded so
            # the linker does not read it as a place the sentence names (Document.extra, the model has no field)
            topics = doc.extra.setdefault("topic_places", [])
            if p.start not in topics:
                topics.append(p.start)
            continue
        if root.dep_ == "pobj" and root.head.lower_ in _WHERE_PREPS:
            if _governed(root.head, t.anchor) or _governed(root.head, t.tok):
                if p.feature not in _BROAD:
                    return p
                # "Elsewhere in Mali, a bomb killed four near Menaka": a town the event governs beats its country
                rank = _BROAD_RANK.get(p.feature or "", 9)
                if broad is None or rank < _BROAD_RANK.get(broad.feature or "", 9):
                    broad = p  # "in Mali ... near Menaka" (a region): the smaller area
            elif fallback is None and root.head.lower_ in ("in", "near", "at") and _same_scene(root, t):
                fallback = p
            elif shared is None and _first_conjunct_place(root.head, t):
                shared = p
    capital = _capital_at(t, doc, sent)
    return capital or broad or fallback or shared or home or _where_antecedent(t, places, sdoc)


_DWELLERS = frozenset({"resident", "inhabitant", "villager", "townspeople", "people", "citizen", "dweller"})


def _crowd_home(p: Place, sdoc: Any, t: _Trig) -> bool:
    """Whether a place names where a protest's crowd subject lives or works: "Villagers in Laprak blocked a road",
    "Residents of Beni staged a strike", "miners at the Nkana mine in Kitwe downed tools" (the place's phrase
    hangs on the subject itself, through at most one site noun; not an aside set off by commas)."""
    if t.rule.event != "PROTEST" or p.feature == "continent":
        return False
    subj = next((c for c in _kids(t.anchor) if c.dep_ in ("nsubj", "nsubjpass")), None)
    span = _char_span(sdoc, p.start, p.end)
    if subj is None or span is None or not _people_noun(subj) and subj.lemma_.lower() not in _DWELLERS:
        return False
    root = span.root
    for hops in range(2):
        prep = root.head
        if root.dep_ != "pobj" or prep.dep_ != "prep":
            return False
        word = prep.lower_
        if prep.head.i == subj.i:
            ok = word in ("in", "at") or (word == "of" and subj.lemma_.lower() in _DWELLERS)
            return ok and not any(x.text == "," for x in _doc_toks(sdoc)[subj.i : root.i])
        if hops or word not in ("in", "at") or prep.head.pos_ != "NOUN":
            return False
        root = prep.head  # "at the Nkana mine in Kitwe": the site's town
    return False


# the verb's places and times: a place or time phrase inside a coordinated object ("and a bridge near Ariha on
# Tuesday") belongs to that object's own act (see `_own_scene_object`)
_SCENE_PREPS = frozenset({"prep", "pobj", "dobj", "conj"})
# "the next day", "a day later", "two days later": the second act's time, counted from the first act's day
_NEXT_DAY = re.compile(r"(?i)^(?:the\s+)?(?:next|following)\s+day$")
_DAYS_LATER = re.compile(r"(?i)^(a|an|one|two|three|four|five|six|seven|\d+)\s+(day|week)s?\s+later$")


def _own_scene_object(t: _Trig, doc: Document) -> tuple[int, int, Any] | None:
    """ "raided offices in Zvecan on April 8 and a post office in Leposavic the next day", "struck a depot in Idlib
    on Monday and a bridge near Ariha on Tuesday": one verb with two coordinated objects, each with a place or time
    phrase of its own, tells two acts (PLOVER: two records). The second object's char span (from its "and") and
    its word; else None ("raided offices in Zvecan and Leposavic on Monday": one place phrase, one act)."""
    if t.nominal:
        return None
    anchor = t.anchor
    dobj = next((c for c in _kids(anchor) if c.dep_ == "dobj"), None)
    if dobj is None:
        return None
    # (the verb's words after its object hold no conjunct: no second object; a cheap check of the span from the
    # object to the verb's right edge, which holds every such word of its subtree, before walking it: speed)
    tab = _tab(anchor)
    if tab is not None:
        if "conj" not in tab.dep[dobj.i + 1 : anchor.right_edge.i + 1]:
            return None
    elif not any(x.dep_ == "conj" for x in _doc_toks(anchor.doc)[dobj.i + 1 : anchor.right_edge.i + 1]):
        return None
    for tok in anchor.subtree:
        if tok.dep_ != "conj" or tok.i <= dobj.i or tok.pos_ not in ("NOUN", "PROPN", "NUM"):
            continue
        cur = tok.head
        while cur.i != anchor.i and cur.dep_ in _SCENE_PREPS and cur.head.i != cur.i:
            cur = cur.head
        if cur.i != anchor.i:
            continue
        cc = next(
            (c for c in _kids(tok.head) if c.dep_ == "cc" and c.lower_ == "and" and dobj.i < c.i < tok.i),
            None,
        )
        if cc is None:
            continue
        s, e = cc.idx, tok.right_edge.idx + len(tok.right_edge)
        first = (dobj.idx, cc.idx)

        def scene(lo: int, hi: int, w: Any = tok) -> bool:
            # (not the conjunct itself: "in Zvecan and Leposavic" is one place phrase of two towns)
            spans = [(p.start, p.end) for p in doc.places] + [
                (x.start, x.end) for x in doc.timexes if x.type in ("DATE", "TIME")
            ]
            return any(lo <= a < hi and not a <= w.idx < b for a, b in spans)

        if scene(s, e) and scene(*first):
            return s, e, tok
    return None


def _second_scene(
    doc: Document, span: tuple[int, int], loc: Place | None, date: EventDate
) -> tuple[Place | None, EventDate]:
    """The second object's own place and date (see `_own_scene_object`), else the first act's; "the next day" and
    "two days later" count from the first act's day."""
    s, e = span
    place = next((p for p in doc.places if s <= p.start < e), loc)
    tx = next((x for x in doc.timexes if s <= x.start < e and x.type in ("DATE", "TIME")), None)
    if tx is None:
        return place, date
    text = tx.text.strip()
    days = None
    if _NEXT_DAY.match(text):
        days = 1
    elif m := _DAYS_LATER.match(text):
        n = _DAY_WORDS.get(m.group(1).lower()) or (int(m.group(1)) if m.group(1).isdigit() else 1)
        days = n * (7 if m.group(2).lower() == "week" else 1)
    if days is not None:
        value = _moved(date.value, days) if date.source == "text" else None
        if value is None:
            return place, date
        return place, EventDate(value=value, text=tx.text, start=tx.start, end=tx.end, source="text")
    if not tx.value[:4].isdigit():
        return place, date
    return place, EventDate(value=tx.value, text=tx.text, start=tx.start, end=tx.end, source="text")


def _in_other_clause(tok: Any, t: _Trig) -> bool:
    """Whether a place word lies in an "after/before/since ..." clause of the event's sentence that tells another
    act and does not hold the event ("The release came a day after 5,000 people marched in Bamako", "recalled its
    ambassador after protesters stormed the embassy in Tripoli"): that act's place, not this event's."""
    tab = _tab(tok)
    if tab is not None:  # the same walk on the token table (speed)
        j, dep, lower = tok.i, tab.dep, tab.lower
        for _ in range(12):
            if j in (t.anchor.i, t.tok.i) or tab.head[j] == j:
                return False
            if dep[j] == "advcl" and any(dep[c] == "mark" and lower[c] in _OTHER_TIME for c in tab.kids[j]):
                return not (_within(t.anchor, tab.toks[j]) or _within(t.tok, tab.toks[j]))
            j = tab.head[j]
        return False
    cur = tok
    for _ in range(12):
        if cur.i in (t.anchor.i, t.tok.i) or cur.head.i == cur.i:
            return False
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _OTHER_TIME for c in _kids(cur)):
            return not (_within(t.anchor, cur) or _within(t.tok, cur))
        cur = cur.head
    return False


def _force_origin(tok: Any, t: _Trig) -> bool:
    """Whether a place word is where a deployed force comes from ("sent troops from Kigali to the border", "flew 300
    commandos from Lagos to Maiduguri", "soldiers from its base in Kaduna"): not where the deployment goes."""
    if t.rule.event != "MOBILIZE":
        return False
    cur = tok
    for _ in range(4):
        if cur.dep_ == "pobj" and cur.head.lower_ == "from":
            return _governed(cur.head, t.anchor) or _governed(cur.head, t.tok)
        if cur.head.i == cur.i or cur.dep_ not in ("pobj", "prep", "compound", "appos"):
            return False
        cur = cur.head
    return False


def _speaker_spans(t: _Trig, doc: Document) -> list[tuple[int, int]]:
    """The speaker phrases of the reports that hold the event ("Morocco sent a brigade to its border, the defence
    ministry in Rabat said", "according to a hospital worker in Mopti"): a place in one says where the speaker
    is, not where the event happened."""
    at = t.tok.idx
    return [
        (q.speaker_start, q.speaker_end)
        for q in doc.quotes or []
        if q.speaker_start is not None and q.speaker_end is not None and q.start <= at < q.end
    ]


def _first_conjunct_place(prep: Any, t: _Trig) -> bool:
    """A place phrase on the first of two coordinated verbs, for the second when it names none ("boarded a
    carrier off the coast of Somalia and arrested 35 pirates": the arrests were made there too)."""
    a = t.anchor
    return a.dep_ == "conj" and a.head.i != a.i and prep.head.i == a.head.i and _is_verb(a.head)


_MOVE_EVENTS = frozenset({"MOBILIZE", "RETREAT"})
_MOVE_PREPS = frozenset({"to", "into", "from", "in", "across", "inside"})


def _moved_to_or_from(p: Place, sdoc: Any, t: _Trig) -> bool:
    """A deployment's destination or a withdrawal's origin named as a country (or region), or the place a visit
    goes to: it is taken as the recipient (the host), and it is also where the event happens ("sent 900 troops to
    Estonia", "left Niger", "pulled its forces out of Mali", "is due to visit Dakar")."""
    visit = t.rule.event == "CONSULT" and "visit" in (t.mode, t.rule.mode)
    if not visit and (t.rule.event not in _MOVE_EVENTS or p.feature not in _BROAD):
        return (
            False  # (a town a force moves to is placed by the general rule; a town visited is its recipient)
        )
    if not any((a.start, a.end) == (p.start, p.end) for a in t.recipients):
        return False
    span = _char_span(sdoc, p.start, p.end)
    if span is None:
        return False
    root = span.root
    if root.dep_ == "dobj":
        return root.head.i == t.anchor.i
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ == "of" and prep.head.lower_ == "out":
        prep = prep.head  # "pulled its forces out of Mali"
    elif prep.lower_ not in _MOVE_PREPS:
        return False
    # the phrase hangs on the trigger or on what it moves ("1,000 of its troops from Senegal")
    return _governed(prep, t.anchor) or _governed(prep, t.tok)


_COURTS = frozenset({"court", "tribunal", "magistrate", "judge"})


def _court_seat(p: Place, sdoc: Any, t: _Trig) -> bool:
    """A town naming the court that is the event's subject ("a Nairobi court jailed two bloggers", "the Moscow
    tribunal convicted him", "a magistrate in Gulu released him"): a court's rulings happen at its seat."""
    if not p.feature or p.feature in _BROAD:
        return False
    span = _char_span(sdoc, p.start, p.end)
    if span is None:
        return False
    root = span.root
    if root.dep_ == "compound":
        head = root.head
    elif root.dep_ == "pobj" and root.head.lower_ in ("in", "at") and root.head.dep_ == "prep":
        head = root.head.head  # "a court in Mombasa jailed", "a magistrate in Gulu released him" (session 23)
    else:
        return False
    return (
        head.lemma_.lower() in _COURTS
        and head.dep_ in ("nsubj", "nsubjpass", "agent")
        and head.head.i in (t.anchor.i, t.tok.i)
    )


def _relief_to_town(p: Place, sdoc: Any, t: _Trig) -> bool:
    """A town (no country or region) that relief is flown, shipped or trucked to, the phrase hanging on the aid verb
    or on what it sends: the delivery happens there ("airlifted tents to Beira"); a country sent aid stays its
    recipient only."""
    if t.rule.event != "AID" or not p.feature or p.feature in _BROAD:
        return False
    span = _char_span(sdoc, p.start, p.end)
    if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ not in ("to", "into"):
        return False
    return _governed(span.root.head, t.anchor) or _governed(span.root.head, t.tok)


_TALKED_EVENTS = frozenset(
    {"CONSULT", "AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "CONCEDE"}
)
_PARTY_EVENTS = _TALKED_EVENTS | {"COOPERATE"}  # events whose subject is parties, not a force or a crowd
# sectors of parties to talks (a government, its forces, a legislature, a party, rebels; unknown: "the two leaders")
_PARTY_SECTORS = frozenset(
    {None, "GOV", "MIL", "REB", "LEG", "JUD", "PTY", "OPP", "SPY", "COP", "IGO", "ELI", "PRM"}
)
_TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})


def _in_topic(root: Any, t: _Trig) -> bool:
    """Whether a place lies inside the topic phrase ("on/about/over <noun> ...") of the trigger, below the topic's
    own noun: "talks on the withdrawal of troops from X" talk of X, they do not happen there. A place after "in" or
    "at" stays a venue even when the parser hangs it on the topic ("talks on a ceasefire in Jeddah")."""
    if root.head.dep_ == "prep" and root.head.lower_ in ("in", "at", "inside"):
        return False
    cur, below = root, False
    for _ in range(8):
        head = cur.head
        if head.i == cur.i:
            return False
        if head.dep_ == "prep" and head.lower_ in _TOPIC_PREPS and _talk_word(head.head, t):
            return below
        if head.i in (t.anchor.i, t.tok.i):
            return False
        below = below or head.pos_ == "NOUN"
        cur = head
    return False


def _talk_word(tok: Any, t: _Trig) -> bool:
    """The trigger, or the event noun a light verb trigger takes ("held [talks] on ...", "reached a deal on")."""
    if tok.i in (t.anchor.i, t.tok.i):
        return True
    return tok.dep_ == "dobj" and tok.head.i == t.anchor.i and tok.pos_ == "NOUN"


def _scene(t: _Trig) -> Any | None:
    """The clause that tells the event as a scene of its own inside its sentence: a "where"/"when" relative
    clause ("hopes in Arauca, where the attack killed nine") or a time clause ("a day after X did Y"), else None."""
    cur = t.anchor
    for _ in range(12):
        if _other_scene(cur) or (cur.dep_ == "advcl" and any(_time_mark(c) for c in _kids(cur))):
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _same_scene(tok: Any, t: _Trig) -> bool:
    """Whether a place word may place the event as a guess: an event told in a clause of its own takes no place
    from the rest of its sentence (another event's scene: "the ceasefire agreed in Havana ... where ...")."""
    scene = _scene(t)
    return scene is None or _within(tok, scene)


def _where_antecedent(t: _Trig, places: list[Place], sdoc: Any) -> Place | None:
    """ "hopes in Arauca, where the attack killed nine": the relative adverb "where" stands for its antecedent
    place, so that place is where the clause's event happened (grammar, not the story: holds in any text)."""
    scene = _scene(t)
    if (
        scene is None
        or scene.dep_ != "relcl"
        or not any(c.dep_ == "advmod" and c.lower_ == "where" for c in _kids(scene))
    ):
        return None
    head = scene.head
    for p in places:
        span = _char_span(sdoc, p.start, p.end)
        if span is not None and span.root.i == head.i and p.feature not in _BROAD:
            return p
    return None


def _named_facility(root: Any) -> Any | None:
    """The facility noun a place name compounds as the object of a locative or target preposition ("on the Tame
    police station", "at the Kennedy airport"): the place the geoparser read names where the facility is, even
    when the recogniser tags the name PERSON or the facility is named after people ("police"); else None."""
    if root.dep_ != "compound":
        return None
    noun = root.head
    while noun.dep_ == "compound" and noun.head.i != noun.i:
        noun = noun.head
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj":
        return None
    return noun if noun.head.lower_ in ("on", "at", "in", "near", "outside", "inside") else None


def _target_of_act(site: Any, t: _Trig) -> bool:
    """Whether a site is the target of the event's own act noun: "the attack on the Tame police station" where
    "attack" is the event word or the subject of the event's verb ("the attack ... killed nine")."""
    if site.dep_ != "pobj" or site.head.lower_ not in ("on", "against"):
        return False
    act = site.head.head
    if act.i == t.tok.i:
        return True
    if act.dep_ not in ("nsubj", "nsubjpass") or act.head.i != t.anchor.i or act.pos_ != "NOUN":
        return False
    m = _match_noun(act, _lex())
    return m is not None and m[0].event == t.rule.event


def _person_named(text: str, root: Any) -> bool:
    """Whether a place the geoparser read is a person's name (tagged so, or a person the actor lexicons know)."""
    code_actor = _coder()

    a = code_actor(text)
    return root.ent_type_ == "PERSON" or (a.kind == "person" and a.name is not None)


def _aside_of_subject(tok: Any, t: _Trig) -> bool:
    """Whether tok lies in an aside set off by commas after the event's subject ("The troops, from the brigade at
    Fort Bragg, will deploy"): where the actors come from, not where the event happens."""
    subj = next((c for c in _kids(t.anchor) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or not _within(tok, subj) or tok.i <= subj.i:
        return False
    return any(x.text == "," for x in _doc_toks(tok.doc)[subj.i : tok.i])


def _site_of(root: Any) -> Any | None:
    """The site noun a place name modifies: "the main market of Jowhar", "the port of Izmail", "the Jowhar
    market", "the Baidoa car bomb" (a place word, or a common noun naming no one: a market, a checkpoint, an act),
    else None. A name inside another name ("Radio Juba Valley") is no place of the event."""
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i != root.head.i:
        noun = root.head.head
    elif root.dep_ == "compound" and root.head.i != root.i:
        noun = root.head
    else:
        return None
    if noun.pos_ != "NOUN" or noun.ent_type_:
        return None
    kind = _non_actor_words().get(noun.lemma_.lower())
    if kind == "place":
        return noun
    if kind in ("time", "none") or _people_noun(noun):
        return None
    return noun


_BROAD = {"country", "region", "water", "admin", "continent"}
# where an event happens: the shared locative prepositions, and the ones of a route ("marched through central Bogota")
_WHERE_PREPS = frozenset({*_LOC_PREPS, "through", "throughout", "within"})
_BROAD_RANK = {"admin": 0, "water": 1, "region": 2, "country": 3, "continent": 4}


def _capital_at(t: _Trig, doc: Document, sent: Any) -> Place | None:
    """ "demonstrated in the capital", "in the country's capital": the capital of the country the sentence names
    (else the one the article names most), when the event governs that phrase."""
    for tok in _sent_picks(sent, "llemma", ("capital",)):  # (the first test on the token table: speed)
        if tok.lemma_.lower() != "capital" or tok.pos_ != "NOUN" or tok.dep_ != "pobj":
            continue
        if tok.head.lower_ not in ("in", "at", "to", "near", "into") or any(
            c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" or c.dep_ == "prep" for c in _kids(tok)
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


_CHARGING = frozenset({"ACCUSE"})
_CHARGE_PREPS = frozenset({"of", "for"})


def _charged_act(prep: Any, t: _Trig) -> bool:
    """An "of/for ..." phrase of an accusation's own word or of its object: the act charged."""
    if t.rule.event not in _CHARGING or prep.lower_ not in _CHARGE_PREPS:
        return False
    h = prep.head
    return h.i in (t.anchor.i, t.tok.i) or (h.dep_ in ("dobj", "pobj") and h.head.i in (t.anchor.i, t.tok.i))


def _other_act(tok: Any, t: _Trig, nouns: dict[str, Any]) -> bool:
    """An event noun as the subject of the event's clause, of another type than the event ("the deployment ... was
    criticised"; not "a similar attack ... had destroyed", the attack itself, nor "held talks", the light verb's own)."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.i == t.tok.i or tok.pos_ != "NOUN":
        return False
    rules = nouns.get(tok.lemma_.lower())
    # (one deal, reported as agreed or as signed: "the 2019 border agreement was signed in Astana" dates the signing)
    kinds = _AGREEMENT_TYPES if t.rule.event in _AGREEMENT_TYPES else {t.rule.event}
    return bool(rules) and all(r.event not in kinds for r in rules)


def _date_in_continuation(doc: Document, sent: Any) -> Any | None:
    """ "Troops exchanged fire near the Ta Muen | Thom temple on Thursday, the army said.": when the parser cuts a
    sentence where no full stop stands (within a paragraph), the first date of the piece it cut off, before that
    piece's first comma, may still be the event's (used only when the sentence itself gives none)."""
    sdoc = doc.spacy
    if (
        sent.end >= len(sdoc)
        or _sent_text(sent).rstrip()[-1:] in ".!?\"'\u201d:;"
        or "\n" in sdoc[sent.end - 1 : sent.end + 1].text
    ):
        return None
    nxt = sdoc[sent.end].sent
    comma = next((w.idx for w in nxt if w.text == ","), nxt.end_char)
    return next(
        (
            tx
            for tx in _starting_in(doc.timexes, nxt.start_char, comma, "timexes", doc)
            if tx.type in ("DATE", "TIME") and tx.value[:4].isdigit()
        ),
        None,
    )


def _since_of(since: Any, depth: dict[int, int]) -> bool:
    """ "have been on strike since March", "have occupied the square since Tuesday": a "since" phrase on the event's
    own word or the verb right above it (not on a participant's clause: "held since June were released today")."""
    return since.dep_ == "prep" and depth.get(since.head.i, 99) <= 2


def _subtree_end(tok: Any) -> int:
    """Index of the last token of tok's phrase."""
    return max(tok.i, max((w.i for w in tok.subtree), default=tok.i))


# verbs that restate a capture on its captive ("the doctor taken in Petion-Ville on Wednesday")
_CAPTURING = frozenset({"take", "seize", "snatch", "grab", "capture", "abduct", "kidnap"})
_CAPTURES = frozenset({("ASSAULT", "abduct"), ("COERCE", "arrest"), ("COERCE", "seize")})


def _restated_capture(tok: Any, t: _Trig) -> bool:
    """Whether the time at tok dates a participle restating the event's capture on its own object: "kidnapped the
    doctor taken in Petion-Ville on Wednesday" (the participle's day is the kidnapping's, whatever governs it)."""
    if (t.rule.event, t.rule.mode) not in _CAPTURES:
        return False
    cur = tok
    for _ in range(4):
        if cur.dep_ == "acl" and cur.lemma_.lower() in _CAPTURING and cur.tag_ == "VBN":
            obj = cur.head
            return obj.dep_ in ("dobj", "nsubjpass") and obj.head.i in (t.anchor.i, t.tok.i)
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return False


def _date(t: _Trig, doc: Document, sent: Any, skip: tuple[int, int] | None = None) -> EventDate:
    sdoc = doc.spacy
    # depth of each tree ancestor above the event word: the date attached nearest to the event wins
    # ("said on Thursday that ... following the January 8 attack, in which Iran fired": January 8)
    depth = {t.anchor.i: 0, t.tok.i: 0} | {a.i: k for k, a in enumerate(t.anchor.ancestors, 1)}
    ancestors = set(depth)
    best = charge = weak = restated = None
    own_words = (t.anchor.i, t.tok.i)
    # "1,100 people died in violence after the 2007 election": the dying is the attack's own verb
    dying = _dying_verb(t.tok) if isinstance(t, _Trig) and t.nominal else None
    best_depth = 1 << 30
    nouns = _lex().nouns
    # phrases of the event's subject or object headed by an event noun: a time right after one dates that act,
    # though the parser may hang it on the verb ("[the expulsion of two diplomats] last month was condemned")
    # (a main clause standing in for a trigger, `_MainClause`, has no type of its own: none of this)
    own = isinstance(t, _Trig) and not t.nominal
    acts = [_subtree_end(c) for c in (_kids(t.anchor) if own else ()) if _other_act(c, t, nouns)]
    wire = _wire_span(doc) if sent.start_char < 1000 else None
    for tx in _starting_in(doc.timexes, sent.start_char, sent.end_char, "timexes", doc):
        if tx.type not in ("DATE", "TIME") or (skip is not None and skip[0] <= tx.start < skip[1]):
            continue  # (a time inside a second object's phrase dates that object's act: `_own_scene_object`)
        if wire is not None and wire[0] <= tx.start < wire[1]:
            continue  # "BAMAKO, Oct 13 (Sahel Wire) - JNIM on Sunday freed ...": the filing date, not the event's
        if not tx.value[:4].isdigit():  # "XXXX-WXX-3", "PAST_REF": no date; the report's date says more
            continue
        span = _char_span(sdoc, tx.start, tx.end)
        if span is None:
            continue
        cur = span.root
        before = sdoc[span.start - 1].lower_ if span.start > sent.start else ""
        if before == "since" and weak is None and _since_of(sdoc[span.start - 1], depth):
            weak = tx  # "have occupied the square since Tuesday": the state began then (if nothing else dates it)
        if before in ("since", "until") or cur.dep_ == "nsubjpass":
            continue  # "held since June were released today": "since June" dates the holding, not the release
        framed = False  # the date sits in a "since/after/with ..." phrase: it dates that phrase's noun
        # ... or in the act an accusation charges: "accused X of advancing ... on Tuesday night"
        charged = False
        other = False  # the date sits in an adverbial clause of another act ("after X fired on Tuesday")
        # ... or in a clause that describes a participant ("the rebels, who seized it in March,"): kept weakly
        aside = False
        of_act = span.start - 1 in acts  # (the act's own time, whatever the parser hung it on)
        inner = False  # the date hangs on a verb below the event's word (a complement's act)
        # (a date at a clause's end may hang deep: "in raids across Punjab on Sunday night")
        for _ in range(8):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.i in ancestors:
                break
            inner = inner or _is_verb(cur)
            if cur.dep_ == "prep" and cur.lower_ in _FRAMING_PREPS:
                framed = True
                charged = charged or _charged_act(cur, t)
            elif own and _other_act(cur, t, nouns):
                # "the arrest of the leader in December was criticised": the time of an event noun on the way
                # up dates that act, not this one
                of_act = True
            elif cur.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in _OTHER_TIME and not (span.start <= c.i < span.end)
                for c in _kids(cur)
            ):
                # "ordered a carrier into the Red Sea after rebels fired missiles on Tuesday": the time of the
                # "after" clause's act, not of this one; but a span that holds the mark itself ("summoned the
                # ambassador [hours after] the expulsions were announced") is the gap that dates this act
                other = True
            elif cur.dep_ in ("relcl", "acl") and cur.pos_ in ("VERB", "AUX") and cur.head.i not in own_words:
                # "protesters who were detained on Monday were released on Wednesday": Monday is the detention's;
                # but "sanctions on 19 people linked to X on Tuesday" has no other date: kept weakly
                aside = True
        if other or (inner and before == "by"):
            # "agreed to set up a commission to mark the border by next summer", "demanded that the militia
            # withdraw by Friday": the deadline of the act agreed or asked for, not the day of the agreement
            continue
        if aside and _restated_capture(span.root, t) and restated is None:
            restated = tx  # "denied it had kidnapped the doctor taken on Wednesday": the capture's own day
            continue
        if aside:
            weak = tx if weak is None else weak
            continue
        if of_act:  # (an accusation may still fall back on the time of the act it condemns)
            if t.rule.event in _CHARGING and best is None and charge is None:
                charge = tx
            continue
        if cur.i in (t.anchor.i, t.tok.i) or (dying is not None and cur.i == dying.i):
            best = restated = tx
            break
        if framed:  # "Since the 2003 invasion, ... the killing of X has made": not the killing's date
            if charged and best is None and charge is None:
                charge = tx
            continue
        if cur.i in ancestors and depth[cur.i] < best_depth:
            best, best_depth = tx, depth[cur.i]
    best = restated if restated is not None else best  # (the event's own time, else a restated capture's)
    # the accusation's own date first; else the charged act's, the nearest the text gives to when it was made
    best = best if best is not None else charge if charge is not None else weak
    if best is None:
        best = _date_in_continuation(doc, sent)
    if best is not None:
        return EventDate(value=best.value, text=best.text, start=best.start, end=best.end, source="text")
    if doc.published:
        return EventDate(value=doc.published[:10], source="published")
    return EventDate(value=None, source="none")


_OTHER_TIME = frozenset({"after", "before", "since", "until", "till", "once"})
_DAY_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_DAY_UNITS = {"day": 1, "week": 7, "hour": 0, "minute": 0, "moment": 0}
# adverbs of a gap within the same day ("shortly after the attack", "soon after the vote")
_SAME_DAY_ADVS = frozenset({"shortly", "soon", "immediately"})


def _offset_clause(t: _Trig) -> tuple[int, Any, Any] | None:
    """ "The strikes came a day after negotiators held talks": the talks' date is the main clause's date moved by
    the stated span. Returns (signed days, the main clause's verb, the span's first word) or None."""
    cur = t.anchor
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head  # "held talks ... and agreed": the first verb's clause
    mark = next((c for c in _kids(cur) if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
    if mark is None and cur.dep_ == "pcomp" and cur.head.lower_ in ("after", "before"):
        # "came [hours after] shelling killed four": the parser may read "after" as a preposition
        mark = cur.head
    # "The border was closed on Tuesday, the day before militants kidnapped two engineers": the parser may make the
    # span's clause the root and the main clause, before it, its complement
    flipped = (
        next((c for c in _kids(cur) if c.dep_ == "ccomp" and c.i < mark.i), None)
        if mark is not None and cur.dep_ == "ROOT"
        else None
    )
    if mark is None or (
        cur.dep_ != "advcl" and cur.head.lower_ not in ("after", "before") and flipped is None
    ):
        return None
    doc = cur.doc
    unit = doc[mark.i - 1] if mark.i > 0 else None
    if unit is None or unit.lemma_.lower() not in _DAY_UNITS:
        return None
    first = unit
    if _DAY_UNITS[unit.lemma_.lower()] == 0:
        n = 0  # "hours after": the same day
    else:
        first = doc[unit.i - 1] if unit.i > 0 else unit
        num = doc[unit.i - 1].lower_ if unit.i > 0 else ""
        k = _DAY_WORDS.get(num) or (int(num) if num.isdigit() else None)
        if num == "the" and unit.lower_ == "day":
            k = 1  # "detained on Thursday, the day after he met opposition leaders"
        if k is None:
            return None
        n = k * _DAY_UNITS[unit.lemma_.lower()]
    main = flipped if flipped is not None else cur.head
    while main.dep_ in ("prep", "pcomp", "pobj") and main.head.i != main.i:
        main = main.head
    return (-n if mark.lower_ == "after" else n), main, (first, mark)


class _MainClause(NamedTuple):
    """The main clause's verb standing in for a trigger, to read its own date with _date."""

    anchor: Any
    tok: Any


def _offset_date(t: _Trig, doc: Document, events: list[Event], lex: _Lex) -> EventDate | None:
    """The date of an event told "a day after" / "two days before" the main clause's event (see _offset_clause):
    the main clause's own date, else the latest earlier event of the type its subject names ("the strikes"), else
    the publication date."""

    got = _offset_clause(t)
    if got is None:
        return _offset_phrase(t, doc, events, lex) or _meeting_date(t, doc, events, lex)
    days, main, (first, mark) = got
    # the main clause's own date first: "sent troops on Wednesday, a day after X"
    own = _date(cast(Any, _MainClause(main, main)), doc, _sent_of(main))
    # (not the span itself: "came [hours after] mortar fire killed 14" dates the main clause from this one)
    base = own.value if own.source == "text" and own.start != first.idx else None
    subj = next((c for c in _kids(main) if c.dep_ == "nsubj"), None)
    m = _match_noun(subj, lex) if subj is not None and subj.pos_ == "NOUN" else None
    if m is not None and base is None:
        # (not an event this very span dates: "the siege came hours after")
        gap = (first.idx, mark.idx + len(mark))
        same = [e for e in events if e.event == m[0].event and e.date and e.date.value
                and not (e.date.start is not None and gap[0] <= e.date.start < gap[1])]  # fmt: skip
        dated = [e for e in same if e.date.source == "text"]  # type: ignore[union-attr]
        pick = (dated or same)[-1] if (dated or same) else None
        base = pick.date.value if pick is not None else None  # type: ignore[union-attr]
    if base is None:
        base = doc.published
    value = _moved(base, days)
    if value is None:
        return None
    s, e = first.idx, mark.idx + len(mark)  # the words that date it: "two days after"
    return EventDate(value=value, text=doc.text[s:e], start=s, end=e, source="text")


_AGREEMENT_TYPES = frozenset({"AGREE", "SUPPORT"})  # one deal, reported as agreed or as signed


def _moved(base: str | None, days: int) -> str | None:
    """A day moved by `days`; a week, month or year (no day: "almost two weeks ago", "in March") only by a gap
    within the same day ("shortly after", "hours after"), kept whole; else None (Python reads "2026-W02" as the
    week's Monday: no such day is given)."""
    if not base:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", base[:10]) or (len(base) > 10 and base[10] != "T"):
        return base if days == 0 else None
    try:
        day = dt.date.fromisoformat(base[:10])
    except ValueError:
        return None
    return (day + dt.timedelta(days=days)).isoformat()


def _gap_word(g: Any) -> bool:
    """The span word of an "after/before" phrase: "[two days] after", "[shortly] after"."""
    return g.dep_ == "npadvmod" or (g.dep_ == "advmod" and g.lower_ in _SAME_DAY_ADVS)


def _span_days(unit: Any) -> int | None:
    """Days of "a day", "two days", "hours" (0) ending at the unit word, else None."""
    if unit.dep_ == "advmod" and unit.lower_ in _SAME_DAY_ADVS:
        return 0
    if unit.lemma_.lower() not in _DAY_UNITS:
        return None
    if _DAY_UNITS[unit.lemma_.lower()] == 0:
        return 0
    num = _doc_toks(unit.doc)[unit.i - 1].lower_ if unit.i > 0 else ""
    k = _DAY_WORDS.get(num) or (int(num) if num.isdigit() else None)
    return None if k is None else k * _DAY_UNITS[unit.lemma_.lower()]


def _offset_phrase(t: _Trig, doc: Document, events: list[Event], lex: _Lex) -> EventDate | None:
    """ "A day before the deal, a convoy reached Saravena", "Two days after the attack, soldiers arrived": a span
    before/after an event noun that hangs on the event's verb dates it from the latest earlier event of that noun's
    type whose date the text gives (one agreement may be reported as agreed or signed). None when there is none."""

    if not _is_verb(t.anchor):
        return None
    for c in _kids(t.anchor):
        if c.dep_ == "npadvmod":  # "[a day] before the deal": the span heads the phrase
            unit, prep = c, next((g for g in _kids(c) if g.dep_ == "prep"), None)
        elif c.dep_ == "prep":
            # "[two days] after the attack", "[shortly] after the attack": the preposition heads it
            unit, prep = next((g for g in _kids(c) if _gap_word(g)), None), c
        else:
            continue
        if unit is None or prep is None or prep.lower_ not in ("after", "before"):
            continue
        n = _span_days(unit)
        noun = next((g for g in _kids(prep) if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
        m = _match_noun(noun, lex) if noun is not None and n is not None else None
        if m is None or n is None:
            continue
        kinds = _AGREEMENT_TYPES if m[0].event in _AGREEMENT_TYPES else {m[0].event}
        dated = [
            e for e in events if e.event in kinds and e.date and e.date.source == "text" and e.date.value
        ]
        if not dated:
            return None
        value = _moved(dated[-1].date.value, -n if prep.lower_ == "before" else n)  # type: ignore[union-attr]
        if value is None:
            return None
        s, e = _span_of(unit)[0], noun.idx + len(noun)
        return EventDate(value=value, text=doc.text[s:e], start=s, end=e, source="text")
    return None


# "at the talks", "during the visit", "on the sidelines of the summit": an act done at a gathering the article has
# already told of; a word of the gathering's outskirts ("the sidelines of", "the margins of") leads to it
_AT_GATHERING = frozenset({"at", "during", "on", "in"})
_OUTSKIRTS = frozenset(
    {"sidelines", "sideline", "margins", "margin", "fringes", "fringe", "side", "course", "end", "close"}
)
_DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those"})


def _gathering(prep: Any) -> Any | None:
    """The definite event noun an "at/during" phrase names ("at the talks", "on the sidelines of the summit"), else
    None."""
    noun = next((g for g in _kids(prep) if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
    if noun is not None and noun.lower_ in _OUTSKIRTS:
        of = next((g for g in _kids(noun) if g.dep_ == "prep" and g.lower_ == "of"), None)
        noun = (
            next((g for g in _kids(of) if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
            if of is not None
            else None
        )
    # (not "at talks in Geneva", "during a visit": maybe another gathering than the one told before)
    definite = noun is not None and any(
        (g.dep_ == "det" and g.lower_ in _DEFINITE_DETS) or g.dep_ == "poss" for g in _kids(noun)
    )
    return noun if definite else None


def _meeting_date(t: _Trig, doc: Document, events: list[Event], lex: _Lex) -> EventDate | None:
    """ "Talks were held in Moscow yesterday. At the talks the two ministers agreed ...": an act done at a gathering
    the article told of before (a definite "at/during the talks", "on the sidelines of the summit" on the event's
    verb) takes the date an earlier sentence gave that gathering (the latest earlier event of the gathering noun's
    type dated by its text) when its own sentence dates it not. None otherwise ("after the talks" is a span after
    them: _offset_phrase)."""
    if not _is_verb(t.anchor):
        return None
    sent = _sent_of(t.anchor)
    for c in _kids(t.anchor):
        if c.dep_ != "prep" or c.lower_ not in _AT_GATHERING:
            continue
        noun = _gathering(c)
        if noun is None or (c.lower_ == "on" and noun.head.i == c.i):
            continue  # "agreed on the talks' agenda": a topic; "on the sidelines of the summit": a gathering
        m = _match_noun(noun, lex)
        if m is None or m[0].event != "CONSULT":
            continue  # a gathering: talks, a meeting, a summit, a visit (not "voted on the deal": its topic)
        dated = [
            e
            for e in events
            if e.event == "CONSULT"
            and e.sentence_end <= sent.start_char
            and e.date
            and e.date.source == "text"
            and e.date.value
        ]
        if not dated:
            return None
        own = _date(t, doc, sent)
        if own.source == "text":
            return None  # "At the talks on Friday ...": its own day
        base = dated[-1].date
        s, e = c.idx, noun.idx + len(noun)  # type: ignore[union-attr]
        return EventDate(value=base.value, text=doc.text[s:e], start=s, end=e, source="text")  # type: ignore[union-attr]
    return None


def _wire_span(doc: Document) -> tuple[int, int] | None:
    """Where the wire dateline that opens the story stands in the text (dateline.clean records it)."""
    wire = (doc.extra or {}).get("wire_dateline") or {}
    text = wire.get("text") if isinstance(wire, dict) else None
    k = doc.text.find(text, 0, 1000 + len(text)) if text else -1
    return (k, k + len(text)) if text and k >= 0 else None
