"""Parse helpers shared by the steps: a verb's subject, phrase spans, partitives, words naming people."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from dateline.events._lexicon import (
    _ACTOR_DROP,
    _DATA,
    _EVENT_THREATEN_MODE,
    _PARTAKE_PASSIVE,
    _RAISING,
    _RELATIVE,
    _VERB_TAGS,
    _coder,
    _lex,
)
from dateline.factuality import (
    _SENTS,
    _TABLE,
    _TOKS,
    _gerund_as_modifier,
    _headline_subject,
    _kids,
    _past_as_modifier,
    classify,
)

# per-document memo of `classify` (see `_classify`), set up and dropped by `extract_events`
_FACTS = "dateline.events.facts"
# the Doc's tokens as one list (see `_doc_toks`) and each token's sentence (see `_sent_of`): `_TOKS`, `_SENTS`
# (dateline.factuality), set up and dropped by `extract_events`
# char_span memo (see `_char_span`), set up and dropped by `extract_events`
_SPANS = "dateline.events.spans"


def _doc_toks(doc: Any) -> Any:
    """The Doc's tokens, indexable and sliceable like the Doc: the list kept for the current `extract_events` call
    (spaCy builds a new Token object on each `doc[i]` and on each iteration: built once, for speed), else the Doc."""
    toks = doc.user_data.get(_TOKS)
    return doc if toks is None else toks


def _sent_of(tok: Any) -> Any:
    """`tok.sent`, from the Doc's sentences listed once for the current `extract_events` call (`Token.sent` scans
    for the sentence's bounds and builds a new Span on each call: for speed)."""
    by_tok = tok.doc.user_data.get(_SENTS)
    return tok.sent if by_tok is None else by_tok[tok.i]


def _tab(tok: Any) -> Any:
    """The token table of the token's Doc kept for the current `extract_events` call (see `_table`), else None."""
    return tok.doc.user_data.get(_TABLE)


def _sent_text(sent: Any) -> str:
    """`sent.text`, from the tokens listed once (see `_sent_toks`): the same string, no Token built."""
    toks = _sent_toks(sent)
    if not len(toks):
        return ""
    text = "".join([t.text_with_ws for t in toks])
    return text[:-1] if toks[-1].whitespace_ else text


def _char_span(sdoc: Any, start: int, end: int) -> Any | None:
    """`sdoc.char_span(start, end, alignment_mode="expand")`, memoised for the current `extract_events` call (the
    same quote speakers, places and dates are looked up for each event of the document: for speed)."""
    memo = sdoc.user_data.get(_SPANS)
    if memo is None:
        return sdoc.char_span(start, end, alignment_mode="expand")
    key = (start, end)
    if key not in memo:
        memo[key] = sdoc.char_span(start, end, alignment_mode="expand")
    return memo[key]


def _sent_picks(sent: Any, column: str, values: Any) -> Any:
    """The sentence's tokens, or, with the token table, only those whose `column` (a `_table.Table` list) holds
    one of `values`: a loop whose first test is that one skips the others without reading their attributes."""
    tab = sent.doc.user_data.get(_TABLE)
    if tab is None:
        return _sent_toks(sent)
    col, toks = getattr(tab, column), tab.toks
    return [toks[i] for i in range(sent.start, sent.end) if col[i] in values]


def _sent_toks(sent: Any) -> Any:
    """The tokens of a sentence (a Span), iterable and indexable from 0 like the Span (see `_doc_toks`)."""
    toks = sent.doc.user_data.get(_TOKS)
    return sent if toks is None else toks[sent.start : sent.end]


def _classify(tok: Any, published: str | None) -> str:
    """`dateline.factuality.classify(tok, published)`, memoised for the current `extract_events` call (a pure
    function of the parse, asked again for the same trigger by several steps: memoised for speed)."""
    cache = tok.doc.user_data.get(_FACTS)
    if cache is None:
        return classify(tok, published)
    key = (tok.i, published)
    got = cache.get(key)
    if got is None:
        got = cache[key] = classify(tok, published)
    return got


def _is_verb(tok: Any) -> bool:
    tab = tok.doc.user_data.get(_TABLE)
    if tab is not None:
        i = tok.i
        pos = tab.pos[i]
        return pos == "VERB" or (tab.tag[i] in _VERB_TAGS and pos != "AUX")
    return tok.pos_ == "VERB" or (tok.tag_ in _VERB_TAGS and tok.pos_ != "AUX")


def _within(tok: Any, top: Any) -> bool:
    """Whether tok is top or lies in top's subtree."""
    return tok.i == top.i or any(a.i == top.i for a in tok.ancestors)


def _span_of(h: Any) -> tuple[int, int]:
    """Character span of a noun phrase headed by h, without clauses, appositions and coordinated heads."""
    lo, hi = h.i, h.i
    stack = [h]
    while stack:
        t = stack.pop()
        for ch in _kids(t):
            if ch.dep_ in _ACTOR_DROP and not (ch.dep_ == "prep" and ch.lower_ == "of" and t.i == h.i):
                continue
            if ch.dep_ in ("punct", "case") or (ch.dep_ == "advmod" and t.i == h.i and ch.i > h.i):
                # (a possessor named alone, "Lebanon['s] plan", leaves out its "'s"; "2,000 prisoners [ahead of
                # National Day]": a time said of the event)
                continue
            lo, hi = min(lo, ch.i), max(hi, ch.i)
            stack.append(ch)
    doc = _doc_toks(h.doc)
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _label_end(sent: Any) -> int | None:
    """Index of the token closing a line label that opens the sentence: a transcript speaker ("REPORTER (Odesa): ..."),
    a wire dateline ("KYIV, June 20 (Wire) - ...") or a wire credit after a date the sentence splitter cut from its
    town ("6 May 2026 (Horn Wire) - ..."); None when the sentence has none. Kept on the spaCy Doc per sentence:
    every argument rule asks it, for each of the sentence's tokens."""
    key = ("dateline.label_end", sent.start, sent.end)
    cache = sent.doc.user_data
    if key not in cache:
        cache[key] = _find_label_end(sent)
    return cache[key]


def _find_label_end(sent: Any) -> int | None:
    if len(sent) < 3:
        return None
    stoks = _sent_toks(sent)
    first = stoks[0]
    upper = first.is_upper and first.is_alpha and len(first) >= 3
    dated = upper and stoks[1].text == ","
    # 17 tokens: a dateline with a long country name and a full date ("UVIRA, Democratic Republic of Congo, 13
    # October 2026 (Wire) -") runs past 13
    toks = stoks[1:18]
    for k, t in enumerate(toks):
        if upper and (t.text.endswith(":") or (dated and t.text in _DASHES)):
            return t.i
        # "(Horn Wire) -": an outlet's name in brackets, then a dash, the wire credit
        if t.text in _DASHES and k > 0 and toks[k - 1].text == ")":
            if any(x.text == "(" for x in stoks[max(0, t.i - sent.start - 7) : t.i - sent.start - 1]):
                return t.i
    return None


def _in_label(tok: Any) -> bool:
    """Whether tok lies in a line label opening its sentence (see `_label_end`). A label names who speaks or where
    the story was filed, never who acts in it."""
    sent = _sent_of(tok)
    if tok.i - sent.start > 16:
        return False
    end = _label_end(sent)
    return end is not None and tok.i < end


def _past_label(tok: Any) -> Any:
    """The subject the parser hung on a label subject ("MOGADISHU, 11 May (Wire) - [Al-Shabaab fighters] fired",
    parsed with the town as subject and the fighters as its apposition): the first noun after the label that the
    label's words govern; else tok itself."""
    end = _label_end(_sent_of(tok))
    if end is None or tok.i >= end:
        return tok
    for t in tok.subtree:
        if t.i > end and t.head.i <= end and t.pos_ in ("NOUN", "PROPN", "PRON"):
            return t
    return tok


_DASHES = {"-", "--", "\u2013", "\u2014"}


def _subjects_first(v: Any) -> list[Any]:
    """v's children, a subject that is only the line's label (a wire dateline, a transcript speaker: see _in_label)
    moved last: "ISTANBUL, June 18 (Wire) - Russian delegations met" is parsed with two subjects."""
    kids = list(_kids(v))
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
    return next((c for c in _kids(v) if c.dep_ in ("nsubj", "nsubjpass")), h)


# participles that describe people by what they are doing ("striking workers", "protesting farmers")
_DOING_ADJ = frozenset({"strike", "protest", "riot", "demonstrate", "march", "fight", "rebel", "advance", "retreat",
                        "invade", "occupy", "loot", "rampage"})  # fmt: skip


def _subject(v: Any) -> tuple[Any | None, bool]:
    """The subject head of verb v (inherited through xcomp/conj chains) and whether v is passive."""
    cur = v
    via_xcomp = False
    if _past_as_modifier(v):
        # "Doctors at two hospitals downed tools", read as a verbless noun phrase; "Kenya lifts curfew"
        return _headline_subject(v) if v.dep_ == "compound" else v.head.head, False
    if _gerund_as_modifier(v):
        cur = v.head.head  # "Minsk denied moving troops": the subject of "denied"
    tab = _tab(v)
    for _ in range(4):
        if tab is not None:  # the children's relations from the token table (speed)
            deps = [tab.dep[j] for j in tab.kids[cur.i]]
            passive = "nsubjpass" in deps or "auxpass" in deps
            active = not passive and "nsubj" in deps
            agent = "agent" in deps
        else:
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in _kids(cur))
            # "The two leaders spoke by video link": an active verb with a subject has no agent, whatever the
            # parser called its "by" phrase
            active = not passive and any(c.dep_ == "nsubj" for c in _kids(cur))
            agent = True
        for c in _kids(cur) if agent and not active else ():
            if c.dep_ == "agent" and not active:
                for g in _kids(c):
                    if g.dep_ == "pobj":
                        return g, True
                    if g.dep_ == "pcomp" and g.lemma_.lower() in _DOING_ADJ:
                        # "blocked by striking dockworkers", the participle misparsed as a gerund with an object
                        obj = next((x for x in _kids(g) if x.dep_ == "dobj"), None)
                        if obj is not None:
                            return obj, True
        for c in _subjects_first(cur):
            if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and cur.lemma_.lower() in _PARTAKE_PASSIVE):
                # "Serb forces were engaged in ethnic cleansing": a stative passive, its subject acts
                if c.lower_ in _RELATIVE and cur.dep_ == "relcl" and cur.head.i != cur.i:
                    return _past_time(cur.head), False  # "NATO, which suspended its mission": NATO
                return _past_label(c), False
        if passive and via_xcomp and cur.lemma_.lower() in _RAISING:
            # "the ministry is understood to be preparing to move staff": the raised subject acts
            for c in _kids(cur):
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
                told = [c for c in _kids(cur.head) if c.dep_ == "ccomp" and c.i < cur.i]
                subj = [c for t in told for c in _kids(t) if c.dep_ == "nsubj"]
                if subj:
                    return subj[0], False
            if cur.dep_ == "acl":
                h = cur.head
                active = any(g.dep_ == "dobj" for c in [cur, *cur.conjuncts] for g in _kids(c))
                if cur.i == v.i and cur.tag_ == "VBN" and h.dep_ != "ROOT" and not active:
                    # "the protesters detained last week": a reduced passive, whose noun is the one acted on (a
                    # noun parsed as the ROOT, or a participle with an object, is active: "US troops trained with
                    # Iraqi forces", "aid groups donated and delivered $50,000 of goods")
                    return None, True
                if h.dep_ == "dobj" and not h.ent_type_ and h.pos_ == "NOUN" and not _people_noun(h):
                    cur = h.head  # "the party issued a declaration demanding ...": the issuer demands
                    continue
                top = h.head.head if h.dep_ == "pobj" and h.head.dep_ == "prep" else None
                if (
                    top is not None
                    and top.dep_ == "ROOT"
                    and top.pos_ in ("NOUN", "PROPN")
                    and h.head.lower_ in ("from", "of", "in", "at", "with")
                    and top.i < h.i
                ):
                    # "Doctors from two aid groups donated ...", parsed as a verbless noun with the verb on the
                    # group: the noun the phrase modifies is the subject
                    return top, False
                return h, False
            via_xcomp = cur.dep_ == "xcomp"
            h = cur.head
            if (
                cur.dep_ == "advcl"
                and h.dep_ == "dobj"
                and h.pos_ in ("NOUN", "VERB")
                and h.head.i != h.i
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in _kids(cur))
            ):
                # "opened the crossing to let aid trucks in": a purpose clause the parser hung on the object;
                # whoever opened it lets them in
                h = h.head
            cur = h
            continue
        if via_xcomp and cur.dep_ == "acomp" and cur.head.i != cur.i:
            cur = cur.head  # "Lecornu is due to visit Dakar", "is set / likely to send": the subject of "is"
            continue
        break
    return _stranded_subject(cur) or _fronted_name(cur), False


def _fronted_name(verb: Any) -> Any | None:
    """A name set before its verb by commas and parsed as a modifier ("Washington, meanwhile, has blacklisted
    ..."): the subject, when the verb has none."""
    for c in _kids(verb):
        if c.i > verb.i:
            break
        if (
            c.dep_ == "npadvmod"
            and c.ent_type_ in ("GPE", "ORG", "PERSON", "NORP")
            and c.i + 1 < len(c.doc)
            and c.nbor(1).text == ","
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in _kids(verb))
        ):
            return c
    return None


def _stranded_subject(verb: Any) -> Any | None:
    """A subject the parser hung on a fronted phrase: "With the signing of a memorandum, the government and the
    rebels have agreed ..." (the parser makes "government" a conjunct of "memorandum"): the noun phrase between
    the fronted phrase's last comma and the verb group, when the verb has no subject of its own."""
    if verb.dep_ != "ROOT" or not any(c.dep_ == "prep" and c.i < verb.i for c in _kids(verb)):
        return None
    first = min([verb, *(c for c in _kids(verb) if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i)],
                key=lambda t: t.i)  # fmt: skip
    before = _doc_toks(verb.doc)[first.i - 1] if first.i > _sent_of(verb).start else None
    if before is None or before.dep_ not in ("conj", "appos") or before.pos_ not in ("NOUN", "PROPN"):
        return None
    comma = next(
        (t for t in reversed(_doc_toks(verb.doc)[_sent_of(verb).start : first.i]) if t.text == ","), None
    )
    if comma is None:
        return None
    top = before.head if before.dep_ == "conj" else before
    heads = [c for c in [top, *top.conjuncts] if c.i > comma.i and c.dep_ in ("conj", "appos")]
    return min(heads, key=lambda t: t.i) if heads else None


@lru_cache(maxsize=1)
def _non_actor_words() -> dict[str, str]:
    """Head nouns that never name who acts, by class (time|none|thing): data/actors/non_actors.tsv."""
    path = _DATA.parent / "actors" / "non_actors.tsv"
    return {r[0]: r[1] for r in (ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines())
            if len(r) >= 2 and not r[0].startswith("#")}  # fmt: skip


_PARTITIVE = {"dozen", "score", "hundred", "thousand", "million", "number", "handful", "couple", "some", "many",
               "most", "all", "several", "few", "group", "dozens", "scores", "hundreds", "thousands", "millions"}  # fmt: skip


def _partitive(tok: Any) -> Any:
    """The people a quantity names: "dozens of Congolese traders" -> traders (else tok itself)."""
    tab = tok.doc.user_data.get(_TABLE)
    if tab is not None:
        i = tok.i
        if tab.llemma[i] in _PARTITIVE or tab.pos[i] == "NUM":
            for c in tab.kids[i]:
                if tab.dep[c] == "prep" and tab.lower[c] == "of":
                    for g in tab.kids[c]:
                        if tab.dep[g] == "pobj":
                            return tab.toks[g]
        return tok
    if tok.lemma_.lower() in _PARTITIVE or tok.pos_ == "NUM":
        for c in _kids(tok):
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in _kids(c):
                    if g.dep_ == "pobj":
                        return g
    return tok


def _forces(tok: Any) -> bool:
    """Troops, police, fighters: what a mobilisation moves, never its recipient."""
    code_actor = _coder()

    return code_actor(tok.lemma_.lower()).sector in ("MIL", "COP", "REB", "PRM", "UAF", "SPY")


# what a political actor rallies rather than deploys ("mobilized supporters / resources"): not MOBILIZE
_CIVIC_MASSES = {"supporter", "voter", "crowd", "public", "base", "resource", "fund", "support", "opinion",
                 "constituency", "electorate", "follower", "member", "activist", "lobby", "money"}  # fmt: skip
# collective nouns that name a group of people without being a role ("Palestinian factions")
_GROUP_NOUNS = {"group", "faction", "community", "minority", "majority", "population", "side", "camp", "delegation",
                "leadership", "regime", "team", "crew", "unit", "elder", "administrator", "partner", "ally", "counterpart",
                "movement", "organization", "organisation", "coalition", "alliance", "network"}  # fmt: skip


def _people_noun(tok: Any) -> bool:
    """A noun naming people or an institution ("extremists", "authorities", "factions"), not a thing or act."""
    code_actor = _coder()

    tab = tok.doc.user_data.get(_TABLE)
    if tab is not None:
        i = tok.i
        lemma = tab.llemma[i]
        if lemma in _GROUP_NOUNS or lemma.rstrip("s") in _GROUP_NOUNS:
            return True
        dep, ent = tab.dep, tab.ent
        low = [tab.lower[c] for c in tab.kids[i] if c < i and dep[c] in ("amod", "compound") and not ent[c]]
        return code_actor(" ".join([*low, tab.lower[i]])).sector is not None  # (children come in text order)
    lemma = tok.lemma_.lower()
    if lemma in _GROUP_NOUNS or lemma.rstrip("s") in _GROUP_NOUNS:
        return True
    mods = [c for c in _kids(tok) if c.dep_ in ("amod", "compound") and c.i < tok.i and not c.ent_type_]
    words = " ".join(t.lower_ for t in sorted([*mods, tok], key=lambda t: t.i))  # "military council"
    return code_actor(words).sector is not None


# the refused act's own type (and mode), read from a negated or denied act ("refused to free the soldier"), gives the
# manual's REJECT mode (shared with REQUEST): a release, lifting or pull-out withheld is `yield', a resignation or an
# eased crackdown refused is `change' (CAMEO 1231-1242), talks refused `meet', help refused `assist'
_REFUSED_BY_MODE = {("RETREAT", "resign"): "change"}
_REFUSED_MODE = {
    "RETREAT": "yield",
    "CONCEDE": "change",
    "CONSULT": "meet",
    "AID": "assist",
    "COOPERATE": "assist",
}
# the threatened act's own type and mode, where its type alone says too little (manual, THREATEN modes)
_THREATENED_MODE = {
    ("SANCTION", "expel"): "expel",
    ("COERCE", "deport"): "expel",
    ("COERCE", "arrest"): "arrest",
}


def _content_mode(conv: str, tok: Any, event: str | None = None, mode: str | None = None) -> str | None:
    """The manual's mode of a REQUEST, REJECT or THREATEN by its content (what is asked for, refused or threatened):
    the first content cue in the clause of `tok` (data/events/mode_cues.tsv), else the content act's own type and
    mode (`event`, `mode`: "refused to free" is RETREAT release, so REJECT yield), which a refusal reads first.
    """
    # a refusal reads the refused act's own type first ("refused to lift the bans")
    if conv == "REJECT" and event is not None:
        known = _REFUSED_BY_MODE.get((event, mode or "")) or _REFUSED_MODE.get(event)
        if known:
            return known
    lex = _lex()
    for w in _doc_toks(tok.doc)[tok.left_edge.i : tok.right_edge.i + 1]:
        for key in (w.lemma_.lower(), w.lower_):
            modes = lex.cues.get(key)
            if modes and conv in modes:
                return modes[conv]
    if event is None:
        return None
    if conv == "THREATEN":
        return _THREATENED_MODE.get((event, mode or "")) or _EVENT_THREATEN_MODE.get(event)
    return None
