"""Event arguments from the parse: actor and recipient spans, coded by the actor resolver."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from dateline.events._clauses import _PLANS
from dateline.events._lexicon import (
    _ACTOR_POS,
    _CONCLUDE,
    _FORCE_EVENTS,
    _MOVED,
    _PARTAKE_PASSIVE,
    _RECIP_PREPS,
    _RELATIVE,
    _coder,
    _Lex,
    _lex,
)
from dateline.events._syntax import (
    _char_span,
    _doc_toks,
    _forces,
    _in_label,
    _is_verb,
    _label_end,
    _non_actor_words,
    _partitive,
    _people_noun,
    _sent_of,
    _sent_toks,
    _span_of,
    _subject,
    _tab,
    _within,
)
from dateline.events._triggers import _PLACE_ENTS, _match_noun, _of_force, _Trig
from dateline.factuality import _kids
from dateline.model import Actor, Document, EventDate

# --------------------------------------------------------------------------- adapters to the other extractors


# nouns that call the name after "of" a settlement: "the village of X" (not "the home of X")
_SETTLEMENTS = frozenset({"village", "town", "city", "hamlet", "township", "settlement", "camp", "port"})


class _Resolver:
    """The document's shared `dateline.actors.ActorResolver`, with the fallbacks events need."""

    def __init__(self, doc: Document) -> None:
        from dateline.actors import resolver_for

        self._r: Any = resolver_for(doc)
        self._text = doc.text
        self._doc = doc
        self._place_names: dict[str, str] | None = None

    @property
    def text(self) -> str:
        return self._text

    def token_at(self, start: int) -> Any | None:
        span = _char_span(self._doc.spacy, start, start + 1) if self._doc.spacy else None
        return span[0] if span is not None else None

    def resolve(self, start: int, end: int) -> Actor:
        if self._r is not None:
            try:
                a = self._r.resolve(start, end)
                if isinstance(a, Actor):
                    return self._with_place_country(_unflagged(a))
            except Exception:  # noqa: BLE001
                pass
        return self._with_place_country(Actor(text=self._text[start:end], start=start, end=end))

    def places(self) -> list[Any]:
        return list(self._doc.places or ())

    def pair(self, start: int, end: int) -> list[Actor]:
        """ "the two countries", "both sides": the two states named before (`dateline.actors.parties_named_before`)."""
        from dateline.actors import parties_named_before

        return parties_named_before(self._doc, start, end)

    def place_country(self, tok: Any) -> str | None:
        """The country of the geoparser's place at token tok, whatever the recogniser tagged it ("in Jowhar")."""
        for p in self._doc.places or ():
            if p.start <= tok.idx < p.end and p.country and self._as_place(p):
                return p.country
        return None

    def _as_place(self, p: Any) -> bool:
        """A place the geoparser only guessed at (placed at the story's focus) counts when the text uses it as a
        place, not as a modifier of another noun ("eight Katyusha rockets")."""
        if p.source != "context-fallback":
            return True
        tok = self.token_at(p.start)
        return tok is not None and tok.dep_ not in ("compound", "amod", "nmod")

    def _with_place_country(self, a: Actor) -> Actor:
        """An actor the lexicons leave without a country whose words are mostly a place the geoparser read
        ("Berkaber was shelled", "fired on Berkaber"): the place's country (its people or authorities)."""
        named = self._named_settlement(a)
        if named is not None:
            return named
        if a.country or a.kind == "person" and a.name:
            return a
        for p in self._doc.places or ():
            # "arrived at Amari air base": the geoparser read the whole phrase, a site and its name, as a place (even
            # only placed at the story's focus): its country, not one the lexicons guess for the name alone
            if p.country and p.start == a.start and p.end == a.end and " " in p.text and p.text[-1].islower():
                return replace(a, country=p.country)
        places = [p for p in self._doc.places or () if p.country and self._as_place(p)]
        for p in places:
            if a.start <= p.start and p.end <= a.end and 2 * (p.end - p.start) >= a.end - a.start:
                return replace(a, country=p.country)
        if self._place_names is None:  # one pass over the document's places, on first use
            self._place_names = {}
            for p in places:
                self._place_names.setdefault(p.text.lower(), p.country)  # type: ignore[arg-type]
        # the same name read as a place elsewhere in the article ("the Armenian village of Berkaber" ... "Berkaber")
        country = self._place_names.get(a.text.lower())
        return replace(a, country=country) if country else a

    def _named_settlement(self, a: Actor) -> Actor | None:
        """ "the village of Shwe Kokko": a name the text calls a town, read by the geoparser as one, is that place
        (its country), whatever the actor lexicons guessed for the unknown name (a person of the story's country)."""
        if a.kind not in (None, "person") or a.start < 0:
            return None
        tok = self.token_at(a.start)
        if tok is None or tok.i == 0:
            return None
        of = _doc_toks(tok.doc)[tok.i - 1]
        if of.lower_ != "of" or of.head.lemma_.lower() not in _SETTLEMENTS or of.head.pos_ != "NOUN":
            return None
        for p in self._doc.places or ():
            if p.start == a.start and p.end == a.end and p.country and p.source != "context-fallback":
                return replace(a, country=p.country, kind=None) if p.country != a.country else a
        return None

    def at_date(self, actors: list[Actor], date: EventDate | None) -> list[Actor]:
        """The actors coded as of the event's date when the text gives one (`ActorResolver.at_date`)."""
        if self._r is None or date is None or not date.value or date.source != "text":
            return actors
        return [self._r.at_date(a, date.value) for a in actors]


# ships whose country is their flag or owner, never the waters they sail in
_VESSELS = {"tanker", "ship", "vessel", "freighter", "bulker", "boat", "trawler", "dhow", "ferry", "yacht"}


def _unflagged(a: Actor) -> Actor:
    """ "fired a missile at a tanker in the Gulf of Aden": a ship the text gives no flag, owner or nationality has no
    country (the resolver's guess from the sea or the story's places is not its flag); "a Greek-flagged tanker" keeps
    GRC from its own words."""
    words = a.text.split()
    if not a.country or a.kind != "described" or not words or words[-1].lower().rstrip("s") not in _VESSELS:
        return a
    if any(w[:1].isupper() for w in words[1:]):
        return a  # a flag, owner or name of its own ("a British tanker", "an Israeli-owned cargo ship")
    code_actor = _coder()

    return replace(a, country=None) if code_actor(a.text).country is None else a


# --------------------------------------------------------------------------- arguments


def _nationals(tok: Any) -> bool:
    """A plural demonym ("Greeks", "Georgians") that the actor lexicons code as a country."""
    code_actor = _coder()

    return tok.tag_ == "NNPS" and code_actor(tok.text).kind == "country"


def _crowd_count(who: Any, stop: int) -> bool:
    """A bare count as the subject of a protest verb ("about 900 rallied"): that many people."""
    if who.pos_ != "NUM" or who.ent_type_ != "CARDINAL" or who.dep_ != "nsubj" or stop < 0:
        return False
    verb = _doc_toks(who.doc)[stop]
    return who.head.i == verb.i and any(
        r.event == "PROTEST" for r in _lex().verbs.get(verb.lemma_.lower(), [])
    )


def _rally_country(verb: Any, res: _Resolver) -> str | None:
    """The country of the place a protest verb names ("rallied in Lahore", "Here in Lahore, ... rallied")."""
    holders = [verb, *(c for c in _kids(verb) if c.dep_ == "advmod")]
    for h in holders:
        for p in _kids(h):
            if p.dep_ == "prep" and p.lower_ in _PLACE_PREPS:
                for g in _kids(p):
                    if g.dep_ == "pobj":
                        c = next((c for w in g.subtree if (c := res.place_country(w))), None)
                        if c is None and g.ent_type_ in ("GPE", "LOC"):
                            c = res.resolve(*_span_of(g)).country
                        if c:
                            return c
    return None


def _country_after(tok: Any, res: _Resolver) -> str | None:
    """The country a place name is said to be in ("Novo Selo, in Bulgaria", "the X range in Bulgaria")."""
    holders = [tok, tok.head] if tok.dep_ in ("compound", "amod", "nmod") else [tok]
    for h in holders:
        for c in _kids(h):
            if c.dep_ == "prep" and c.lower_ == "in" and c.i > tok.i:
                for g in _kids(c):
                    if g.dep_ == "pobj" and g.ent_type_ == "GPE":
                        m = res.resolve(*_span_of(g))
                        if m.kind == "country" and m.name and m.name.lower() in m.text.lower():
                            return m.country  # a country named as such, not a town coded by its country
    return None


# a name's second part after a slash ("SPLM/A", "LURD/MODEL"), which the tokenizer cuts off
_SLASHED = re.compile(r"/[A-Z][A-Za-z0-9]*\b")


def _actors_of(h: Any, res: _Resolver, stop: int = -1) -> list[Actor]:
    """Actors named by the phrase headed by h (one per coordinated head); stop: the event's own verb, which the
    phrase never takes in ("crowds [gathered in Batumi]" parsed as a noun with its clause)."""
    out: list[Actor] = []
    heads: list[Any] = []  # the head of each actor in out
    lex = _lex()
    if h.lower_ in _RELATIVE and h.head.dep_ == "relcl" and h.head.head.i != h.head.i:
        h = h.head.head  # "Soleimani, who was blown up by a US drone": Soleimani
    if h.tag_ == "VBG" and h.dep_ in ("nsubj", "nsubjpass"):
        # "The Red Cross operating in Iraq said ...", parsed with the participle as the subject: its own subject
        h = next((c for c in _kids(h) if c.dep_ == "nsubj" and c.i < h.i), h)
    parties = _between(h) if h.pos_ == "NOUN" and not _people_noun(h) else None
    if parties is not None:
        h = parties  # "the ceasefire between X and Y ... agreed": the parties to the act
    # (a head that is itself a conjunct, as `_stranded_subject` gives, takes only the conjuncts after it)
    for head in [h, *(c for c in h.conjuncts if h.dep_ != "conj" or c.i > h.i)]:
        if head.pos_ not in _ACTOR_POS and head.ent_type_ == "" and not _noun_read_as_adjective(head):
            continue
        if len(head.text) == 1 and head.dep_ == "conj":
            toks = _doc_toks(head.doc)
            name = toks[head.i - 2] if head.i >= 2 and toks[head.i - 1].text == "/" else None
            if name is None or name.head.i != head.i or name.dep_ not in ("nmod", "compound"):
                continue  # "SPLM/A" split by the tokenizer: the letter is no second actor
            head = name  # "Khartoum and the SPLM/A", parsed as the letter with the name as its modifier
        if _in_label(head):
            continue
        who = _partitive(head)  # "thousands of [protesters]"
        lemma = who.lemma_.lower()
        # a time, nobody, or an act or weapon nobody is named for: no actor ("Wednesday's missile strikes")
        if _non_actor_words().get(lemma) in ("time", "none"):
            continue
        if who.ent_type_ in _TIME_ENTS and not (
            (who.pos_ == "PROPN" and _nationals(who))
            or (who.pos_ == "NOUN" and who.ent_type_ in ("QUANTITY", "CARDINAL") and _people_noun(who))
            or _crowd_count(who, stop)
        ):
            continue  # ("thousands of Greeks" tagged a DATE, "60 migrants" a QUANTITY by the recogniser: people)
        thing = who.pos_ == "NOUN" and not who.ent_type_ and not _actor_like(who, lex)
        if thing and (lemma in lex.nouns or _non_actor_words().get(lemma) == "thing"):
            agent = _by_agent(who, lex) if lemma in lex.nouns else None
            # "the shelling of Stepanakert by Azerbaijani artillery killed ...": the act's agent acts
            if agent is not None:
                for a in _actors_of(agent, res, stop):
                    out.append(a)
                    heads.append(agent)
                continue
            unnamed = _unnamed_attacker(who, stop, res, lex) if head.i == h.i else None
            if unnamed is not None:  # "a roadside bomb killed ...": PLOVER's unidentified actor
                out.append(unnamed)
                heads.append(head)
            continue
        s, e = _span_of(head)
        other = [c for c in _kids(head) if c.dep_ == "poss" and c.ent_type_ in ("GPE", "NORP", "ORG")]
        keep_out = stop
        if head.lemma_.lower() in _RELATIONS and other:
            # "Israel's militia ally in southern Lebanon": the possessor is the other side, not the group's country
            s = _doc_toks(head.doc)[max(x.i for x in other[0].subtree) + 1].idx
            keep_out = other[0].i
        held = head.head if head.dep_ in ("npadvmod", "compound", "nmod") and head.head.i != head.i else None
        if held is not None and held.lemma_.lower() in _HOLDING and held.dep_ == "amod":
            # "Albanian rebel-held territory": the holder and the nationality the held noun gives it
            named = [m for m in _kids(held.head) if m.dep_ in ("amod", "compound") and m.i < head.i
                     and m.ent_type_ in ("NORP", "GPE")]  # fmt: skip
            if named:
                s = min(s, _entity_of(named[0]).start_char)
        for c in _kids(head):  # "accused the opposition [of inciting violence]": the charge is no part
            charge = c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pcomp" for g in _kids(c))
            if charge and c.i > head.i:
                prev = _doc_toks(head.doc)[c.i - 1]
                e = min(e, prev.idx + len(prev))
        ent = _entity_of(head)
        if ent is not None and ent.label_ in _ACTOR_ENTS:
            s, e = min(s, ent.start_char), max(e, ent.end_char)  # "National Union for the ... of Angola"
            num = next((w for w in ent[:-1] if w.i > head.i and w.like_num), None)  # a sum, not "Unit 8200"
            # "lend [Pakistan] 7 billion dollars" read as one name
            if num is not None and num.i - 1 >= head.i:
                e = min(e, max(head.idx + len(head), num.nbor(-1).idx + len(num.nbor(-1))))
            cut = res.text.find("(", s, e)
            if cut > s and res.text.find(")", cut, e) < 0:  # "The Homeland Union (Conservatives": unclosed
                e = len(res.text[s:cut].rstrip()) + s
        cut = _SLASHED.match(res.text, e)
        if cut is not None:  # "the Sudanese government and SPLM/A", split by the tokenizer: the whole name
            e = cut.end()
        lab = _label_end(_sent_of(head))
        if lab is not None and head.i > lab and s <= _doc_toks(head.doc)[lab].idx:
            s = _doc_toks(head.doc)[
                lab + 1
            ].idx  # "6 May 2026 (Horn Wire) - Ethiopian envoys": the label is no part of it
        a = res.resolve(s, e)
        pair = res.pair(s, e) if a.country is None else []
        if pair:  # "The two countries agreed ...": the two states named before, one actor each
            out.extend(pair)
            heads.extend([head] * len(pair))
            continue
        # "Hungarian and Romanian officials": one actor per coordinated nationality
        mods = [c for c in _kids(head) if c.dep_ in ("amod", "compound", "nmod") and c.conjuncts]
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
        ofs = _countries_of(head)
        if ofs:  # "the presidents of Ghana and Ivory Coast": one actor per country, the span over them all
            last = ofs[-1]
            ent = _entity_of(last)
            e = max(e, ent.end_char if ent is not None else last.idx + len(last))
            countries = []
            for m in ofs:
                ent = _entity_of(m)
                c = res.resolve(
                    *((ent.start_char, ent.end_char) if ent is not None else (m.idx, m.idx + len(m)))
                )
                if c.country and c.country not in countries:
                    countries.append(c.country)
            if len(countries) > 1:
                for c in countries:
                    out.append(
                        Actor(
                            text=res.text[s:e],
                            start=s,
                            end=e,
                            name=a.name,
                            country=c,
                            sector=a.sector,
                            kind=a.kind,
                        )  # fmt: skip
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
        if (
            a.kind == "country"
            and a.country
            and not (a.name and a.name.lower() in a.text.lower())
            and not _country_name(a.text)  # "a US base in Syria": a country's short name is no ambiguous town
        ):
            # "the Novo Selo range in Bulgaria": a town name found in several countries
            named = _country_after(head, res)
            if named and named != a.country:
                a = Actor(text=a.text, start=a.start, end=a.end, name=a.name, country=named, sector=a.sector,
                          kind=a.kind)  # fmt: skip
        if _crowd_count(who, stop):  # "Here in Busan, about 900 rallied": people of the place they rally in
            a = replace(a, country=a.country or _rally_country(_doc_toks(head.doc)[stop], res), sector="CVL",
                        kind=a.kind or "described")  # fmt: skip
        if head.pos_ == "NOUN" and not (a.country and _says_country(a.text)):
            a = _owned_by_antecedent(head, a, res, lex)  # (over a country the sentence lent it)
            a = _not_the_sites_owner(head, a, res, stop)
            a = _not_where_it_goes(head, a, res, stop)
        weapon = who.pos_ == "NOUN" and _non_actor_words().get(lemma) == "thing"  # owned, but by whom?
        if (thing or weapon) and not (a.sector or a.country or a.name):
            unnamed = _unnamed_attacker(who, stop, res, lex) if head.i == h.i else None
            if unnamed is not None:  # "wounded by a landmine": PLOVER's unidentified actor
                out.append(unnamed)
                heads.append(head)
            continue  # "the number", "a direct challenge": a noun the actor lexicons do not know as anyone
        out.append(a)
        heads.append(head)
        for g in _of_conjuncts(head, lex):  # "Troops of the Malian army and Wagner mercenaries": two forces
            for b in _actors_of(g, res, stop):
                out.append(b)
                heads.append(g)
    return _placed_by_sibling(_shared_head(out, heads), heads)


_OWNED_SITE_PREPS = frozenset({"outside", "at", "near", "around", "before"})


def _site_owners(noun: Any) -> set[str]:
    """The countries a site noun's modifiers name as its owner: "Myanmar's embassy", "the Russian consulate"."""
    code_actor = _coder()

    out = set()
    for c in _kids(noun):
        if c.dep_ in ("poss", "amod", "compound") and c.ent_type_ in ("GPE", "NORP"):
            country = code_actor(c.text).country
            if country:
                out.add(country)
    return out


def _not_the_sites_owner(head: Any, a: Actor, res: _Resolver, stop: int) -> Actor:
    """People named by no country of their own ("demonstrators gathered outside Myanmar's embassy on Sathorn
    Road") lent the country of the site they gather at: its owner is whom they address, not who they are. They
    take the country of a place the clause names ("on Sathorn Road", "in Bangkok"), else none."""
    if a.kind != "described" or not a.country or not _people_noun(_partitive(head)):
        return a
    verb = _doc_toks(head.doc)[stop] if stop >= 0 else head.head
    preps = [c for c in _kids(verb) if c.dep_ == "prep"]
    sites = [
        g
        for p in preps
        if p.lower_ in _OWNED_SITE_PREPS
        for g in _kids(p)
        if g.dep_ == "pobj"
        and g.pos_ == "NOUN"
        and not (_forces(g) or g.lemma_.lower() in _lex().people)  # a building, not a body
    ]
    if not any(a.country in _site_owners(g) for g in sites):
        return a
    places = [g for p in [*preps, *(c for s in sites for c in _kids(s) if c.dep_ == "prep")]
              for g in _kids(p) if g.dep_ == "pobj" and g not in sites]  # fmt: skip
    # a place phrase's own object ("on Sathorn Road"), even one the geoparser placed only by the story's focus
    placed = next(
        (p.country for g in places for p in res.places() if p.country and p.start <= g.idx < p.end),
        None,
    ) or next((c for g in places for w in g.subtree if (c := res.place_country(w))), None)
    return replace(a, country=placed)


_MOVE_PREPS = frozenset({"to", "into", "from", "in", "out", "at", "inside", "within"})
_AT_PREPS = frozenset({"in", "at", "inside", "within"})


def _not_where_it_goes(head: Any, a: Actor, res: _Resolver, stop: int) -> Actor:
    """An actor named by no country of its own ("the government", "fresh troops") lent the country of the place
    its forces go to, leave or arrive at ("said it had no plans to pull its troops out of Lebanon", "troops arrived
    in Mogadishu"), when that place is all the article says of the country: where forces move is not whose they
    are. The story's country, said anywhere else, stays."""
    if a.kind != "described" or not a.country or stop < 0 or _says_country(a.text):
        return a
    toks = _doc_toks(head.doc)
    verb = toks[stop]
    rules = _lex().verbs.get(verb.lemma_.lower(), [])
    moves = verb.lemma_.lower() in _ARRIVING or any(r.event in _MOVED for r in rules)
    if not moves or any(r.event == "PROTEST" for r in rules):
        return a  # people who march somewhere are that place's people (PLOVER practice)
    arrives = verb.lemma_.lower() in _ARRIVING
    goal = [g for g in _kids(verb) if g.dep_ == "dobj" and g.pos_ == "PROPN" and arrives]  # "reached Goma"
    for p in _kids(verb):
        # "in/at" only after an arrival: "fired on demonstrators in Khartoum" says where, not whither
        if p.dep_ in ("prep", "prt") and p.lower_ in _MOVE_PREPS and (arrives or p.lower_ not in _AT_PREPS):
            for g in _kids(p):
                if g.dep_ == "pobj":
                    goal.append(g)
                elif g.dep_ == "prep":  # "out of Lebanon"
                    goal += [x for x in _kids(g) if x.dep_ == "pobj"]

    def _country(g: Any) -> str | None:
        named = [g, *(c for c in _kids(g) if c.dep_ == "compound")]  # the place itself, not what it holds
        placed = next((c for w in named if (c := res.place_country(w))), None)
        if placed is None and (
            g.ent_type_ in _PLACE_LABELS or g.pos_ == "PROPN"
        ):  # a town the geoparser left out
            placed = res.resolve(*_span_of(g)).country
        return placed

    if not any(_country(g) == a.country for g in goal):
        return a
    sent = _sent_of(verb)
    lo, hi = sent.start_char, sent.end_char
    if any(p.country == a.country and not lo <= p.start < hi for p in res.places()):
        return a  # the story places itself in that country elsewhere
    return replace(a, country=_reporters_state(verb))


def _reporters_state(verb: Any) -> str | None:
    """The state whose officials report the clause ("..., US officials told reporters", "according to Italian
    officials"): who else would know of their own people's arrival. None for any other reporter."""
    code_actor = _coder()

    lex = _lex()
    rep = _reporter(verb, lex) or _closing_reporter(verb, lex)
    if rep is None:
        rep = next(
            (g for w in _sent_toks(_sent_of(verb)) if w.lower_ == "according" and w.i > verb.i
             for p in _kids(w) if p.lower_ == "to" for g in _kids(p) if g.dep_ == "pobj"),
            None,
        )  # fmt: skip
    if rep is None:
        return None
    if rep.ent_type_ == "GPE":
        code = code_actor(rep.text).country
        return code if _a_state(code) else None
    for w in rep.subtree:
        if w.i < rep.i and w.ent_type_ in ("NORP", "GPE"):
            code = code_actor(w.text).country
            return code if _a_state(code) else None
    return None


def _of_conjuncts(head: Any, lex: _Lex) -> list[Any]:
    """Groups the parser hung as conjuncts inside a group's "of" phrase ("troops of the army and Wagner
    mercenaries", "members of the police and militiamen"): each names a party of its own."""
    if not (_people_noun(head) or _forces(head) or head.lemma_.lower() in lex.people):
        return []
    return [
        x
        for c in _kids(head)
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in _kids(c)
        if g.dep_ == "pobj"
        for x in g.conjuncts
        if x.i > g.i
        and x.pos_ == "NOUN"
        and (_people_noun(x) or _forces(x) or x.lemma_.lower() in lex.people)
    ]


def _placed_by_sibling(out: list[Actor], heads: list[Any]) -> list[Actor]:
    """ "talks between the Sudanese army and civilian leaders": a coordinated group whose words name no country
    is placed by the conjunct that names one, not by the story around it."""
    said = [a.country for a in out if a.country and (a.kind != "described" or _says_country(a.text))]
    if len(out) < 2 or len(set(said)) != 1:
        return out
    return [
        replace(a, country=said[0])
        if a.kind == "described" and a.country != said[0] and not _says_country(a.text) and h.dep_ == "conj"
        else a
        for a, h in zip(out, heads, strict=True)
    ]


# explosive devices (a handful of words: the events lexicon's weapons class mixes them with arms fired from afar)
_EXPLOSIVES = frozenset({"bomb", "mine", "landmine", "device", "explosive", "grenade", "ied"})
# attack modes fired from afar (rockets, missiles, drones, air strikes, shelling): the firer is a force the text
# leaves out, not an unidentified one on the spot; such an attack keeps no actor
_FROM_AFAR = frozenset({"aerial", "heavy-weapons"})
# words that make an unnamed device or act an attack by armed people (PLOVER UAF, as the GSR codes "a roadside
# bombing near Samarra"): bombs planted or carried to their target, and the act of bombing itself
_PLANTED = frozenset(
    {"roadside", "car", "truck", "suicide", "improvised", "ied", "booby", "bombing", "bomber"}
)


def _scene_country(verb: Any, who: Any, res: _Resolver) -> str | None:
    """The country of the place the attack is said to happen in ("near the town of Samarra", "in Kabul"): a place
    after a locative preposition in the device's phrase or in the event's clause, first found."""
    clause = verb.head if verb.dep_ in ("advcl", "conj", "xcomp") and who.head.i == verb.head.i else verb
    for top in (who, clause):
        for tok in top.subtree:
            if tok.dep_ == "pobj" and tok.head.lower_ in (*_PLACE_PREPS, "outside", "off"):
                for x in tok.subtree:  # ("near the town of Samarra", "in Borno state": the name inside)
                    country = res.place_country(x)
                    if not country and x.ent_type_ in (*_PLACE_LABELS, "NORP"):
                        m = res.resolve(*_span_of(_entity_root(x)))  # (no geoparser run: the actor gazetteer)
                        country = m.country if m.kind == "country" else None
                    if country:
                        return country
    return None


_DEFINITE = {"the", "this", "that", "these", "those"}


def _attack_noun(tok: Any, lex: _Lex) -> bool:
    """A noun naming an attack on the spot ("bombing", "car bomb attack", "explosion") or an explosive device; not
    arms fired from afar ("rockets", "an air strike", `_FROM_AFAR`)."""
    m = _match_noun(tok, lex)
    if m is not None and m[0].event == "ASSAULT":
        return m[0].mode not in _FROM_AFAR
    return tok.lemma_.lower() in _EXPLOSIVES


# events whose object may be an act: "condemned the Israeli air strike" is aimed at the striking side
_ACT_AIMED = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST", "AGREE", "THREATEN"})


def _attack_phrase(a: Actor, event: str, doc: Any, lex: _Lex) -> bool:
    """Whether a recipient found for `event` is only an attack's own noun phrase ("an American drone strike in
    Baghdad killed X": the strike is how X was hit; "Hours after an American drone strike ..., officials met": the
    strike is background). An attack is never whom an act is aimed at, except for events whose object may be an act
    (`_ACT_AIMED`). Span roots only: "a convoy hit by a drone strike" keeps the convoy."""
    if event in _ACT_AIMED:
        return False
    span = _char_span(doc, a.start, a.end)
    if span is None or span.root.pos_ != "NOUN":
        return False
    m = _match_noun(span.root, lex)
    return m is not None and m[0].event == "ASSAULT"


def _attack_owner(a: Actor, doc: Any) -> Any | None:
    """The noun whose "of" phrase an attack's noun phrase is ("the suspected ringleader of the Bali bombings", "the
    mastermind of the Mumbai attacks"): the one the act is aimed at, in place of the attack (`_attack_phrase`)."""
    span = _char_span(doc, a.start, a.end)
    if span is None:
        return None
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
        return root.head.head
    return None


def _unnamed_attacker(who: Any, stop: int, res: _Resolver, lex: _Lex) -> Actor | None:
    """The actor of an attack whose perpetrator the text does not name, only its device or act (PLOVER sector
    table: UAF "unknown gunmen", UNK "two civilians were killed by a bomb"): the subject or passive agent of the
    event's verb. A bomb planted or carried to its target, or a bombing, is UAF with the country of the place
    ("A roadside bomb killed four soldiers near Kirkuk" -> IRQ/UAF); a bare device or blast is UNK without a
    country ("a bomb", "a mine", "an explosion": where it went off does not say whose it was). Span: the words that
    name it. (See tests/data/events_own_args2.md for the convention.) stop: the event's verb, or -1 when the phrase
    is the act itself (`_nominal_actor`) or the attack something happened in or by."""
    if who.pos_ != "NOUN":
        return None
    attack = _attack_noun(who, lex)
    if not attack and _non_actor_words().get(who.lemma_.lower()) != "thing":
        return None
    if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in _kids(who)):
        return None  # "the attack killed five": a reference back to an attack whose actor is told elsewhere
    by = who.dep_ == "pobj" and (who.head.dep_ == "agent" or who.head.lower_ in ("by", "in"))
    if stop < 0 or who.i == stop:
        # the event's own noun ("died in a roadside bombing", `_nominal_actor`), or the attack it happened in; its
        # scene is the clause it is part of
        verb = who.head.head if by else who.head if who.dep_ in ("nsubj", "nsubjpass") else who
        if not (who.i == stop or by or who.dep_ == "nsubj"):
            return None
    else:
        verb = _doc_toks(who.doc)[stop]
        gov = who.head.head if by else who.head
        if who.dep_ not in ("nsubj", "pobj") or gov.i not in (verb.i, verb.head.i):
            return None
        if gov.i == verb.head.i and gov.i != verb.i and verb.dep_ not in ("advcl", "conj", "xcomp"):
            return None
    lemma = who.lemma_.lower()
    m = _match_noun(who, lex)
    lo = min(t.i for t in who.subtree if t.i <= who.i)
    s, e = _doc_toks(who.doc)[lo].idx, who.idx + len(who)
    owned = res.resolve(s, e)
    if owned.country and _says_country(owned.text):
        return owned  # "hit by Russian missiles" ("Russian" tagged a language): the named owner acts
    if not attack or any(t.ent_type_ in _ACTOR_ENTS for t in who.subtree if t.i <= who.i):
        return None  # a weapon fired from afar (`_FROM_AFAR`), or an owner the lexicons do not code
    words = {t.lower_ for t in who.subtree if t.i <= who.i}
    uaf = bool((words | {lemma}) & _PLANTED) or (m is not None and m[0].mode == "suicide-attack")
    country = _scene_country(verb, who, res) if uaf else None
    return Actor(text=res.text[s:e], start=s, end=e, country=country, sector="UAF" if uaf else "UNK",
                 kind="described")  # fmt: skip


def _noun_read_as_adjective(tok: Any) -> bool:
    """A subject or object noun the tagger read as an adjective ("The UN secretary-[general] urged"): it has a
    determiner and a noun modifier of its own, as only a noun phrase does."""
    kids = {c.dep_ for c in _kids(tok)}
    return (
        tok.pos_ == "ADJ"
        and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
        and {"det", "compound"} <= kids
    )


def _countries_of(head: Any) -> list[Any]:
    """The coordinated countries a people noun is "of" or "from" ("the presidents of Ghana and Ivory Coast"), else
    []."""
    if head.pos_ != "NOUN" or not _people_noun(head):
        return []
    for c in _kids(head):
        if c.dep_ == "prep" and c.lower_ in ("of", "from"):  # ("officials from Sudan and South Sudan")
            g = next((g for g in _kids(c) if g.dep_ == "pobj" and g.conjuncts), None)
            if g is None:
                continue
            members = [g, *g.conjuncts]
            if all(m.ent_type_ in ("GPE", "NORP", "LOC") or _country_named(m) for m in members):
                return members
    return []


def _owned_by_antecedent(head: Any, a: Actor, res: _Resolver, lex: _Lex) -> Actor:
    """ "[X] denied that its units had fired": a noun owned by a possessive pronoun takes the country of the
    pronoun's antecedent in the sentence (`_antecedent`)."""
    pron = next((c for c in _kids(head) if c.dep_ == "poss" and c.lower_ in _POSS_PRONS), None)
    ant = _antecedent(pron, lex) if pron is not None else None
    if ant is None:
        return a
    owner = res.resolve(*_span_of(ant))
    return replace(a, country=owner.country) if owner.country else a


def _shared_head(out: list[Actor], heads: list[Any]) -> list[Actor]:
    """ "Sierra Leonean and Liberian refugees", parsed as two conjuncts: the bare nationality shares the noun of
    the other conjunct (its sector) when that noun carries a nationality of its own."""
    nouns = [
        a.sector
        for a, h in zip(out, heads, strict=True)
        if a.sector and h.pos_ == "NOUN" and any(c.dep_ == "amod" and c.ent_type_ == "NORP" for c in _kids(h))
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
_PLACE_PREPS = (
    "in",
    "at",
    "near",
    "into",
    "inside",
    "across",
    "around",
    "throughout",
    "within",
    "through",
    "along",
)
_ADJUNCT_PREPS = ("following", "after", "before", "during", "amid", "since", "until", "despite", "because", "like")  # fmt: skip


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
    code_actor = _coder()

    return code_actor(text).country is not None


# nouns for people who speak for a body ("a spokesman for the ministry", "a senior defence source"): they report
# what the body does, they do not do it themselves
_SPEAKING_ROLES = frozenset({"spokesman", "spokeswoman", "spokesperson", "source", "official", "aide",
                             "representative", "insider", "spokesmen", "spokespeople"})  # fmt: skip
_AFFILIATION_PREPS = frozenset({"for", "of", "from", "at", "in", "with"})


@lru_cache(maxsize=4096)
def _a_state(code: str | None) -> bool:
    """Whether an actor code is a country (ISO 3166 alpha-3), not a group code (IGO, UNO, NGO, EUR ...)."""
    import pycountry  # (a well-kept ISO table rather than a list of group codes of our own)

    return bool(code) and pycountry.countries.get(alpha_3=code) is not None


def _spoken_for(who: Any) -> Any | None:
    """The body a spokesperson or source speaks for, when the reported act has no agent of its own ("no troops
    would be sent, [a spokesman for [the Turkish foreign ministry]] said"): the state or institution named after
    "for/of/from" or as a modifier ("an [Israeli] army spokeswoman", "a senior [French] military source"); None when
    it names none or names no state ("a UN spokesman": a third party reporting, not the one who acts)."""
    code_actor = _coder()

    if who.lemma_.lower() not in _SPEAKING_ROLES and who.lower_ not in _SPEAKING_ROLES:
        return who  # a named speaker, a government or an institution speaks for itself
    for c in _kids(who):
        if c.dep_ == "prep" and c.lower_ in _AFFILIATION_PREPS and c.i > who.i:
            g = next((x for x in _kids(c) if x.dep_ == "pobj"), None)
            if g is not None:
                code = code_actor(" ".join(w.text for w in g.subtree)).country
                return g if code is None or _a_state(code) else None
    # a named modifier, or one of a modifier ("a senior [German] army source" with "German" on "army")
    mods = [c for c in _kids(who) if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < who.i]
    for c in [w for m in mods for w in m.subtree]:
        if c.ent_type_ in ("NORP", "GPE", "ORG"):
            return c if _a_state(code_actor(c.text).country) else None
    return None


def _speaker(v: Any, lex: _Lex) -> Any | None:
    """The subject of the reporting verb that governs clause v ("X said (that) he would..."), when it names one.
    When clause v has no agent of its own (passive, "no decision to leave"), the body the speaker speaks for
    (`_spoken_for`): a spokesman only reports the act."""
    own, _ = _subject(v)
    doer = own is not None and own.pos_ == "PRON"  # "X said it would send": X acts
    who = _reporter(v, lex)
    if who is None and not doer:
        who = _closing_reporter(v, lex)
    if who is None or doer:
        return who
    return _spoken_for(who)


def _closing_reporter(v: Any, lex: _Lex) -> Any | None:
    """The speaker of a closing ", a senior source told Le Monde" the parser hung off a noun of the clause (an
    apposition with its own "told" as a relative): a reporting verb after v, closing the sentence, whose subject
    (or the noun it hangs off) comes right after a comma."""
    sent = _sent_of(v)
    toks = _sent_toks(sent)
    for w in toks:
        if w.i <= v.i or w.dep_ not in ("acl", "relcl") or w.lemma_.lower() not in lex.reporting:
            continue
        if not _is_verb(w) or any(x.i > w.i and not x.is_punct and not _within(x, w) for x in toks):
            continue
        # ", a source told Le Monde" as a relative clause of a noun before it, or the source as the noun
        who = next((c for c in _kids(w) if c.dep_ == "nsubj" and c.i < w.i), None)
        if who is None and w.head.i == w.i - 1:
            who = w.head
        if who is None or who.pos_ != "NOUN":
            continue
        left = min(x.i for x in who.subtree if x.i <= who.i)
        if left > sent.start and _doc_toks(v.doc)[left - 1].text == ",":
            return who
    return None


def _reporter(v: Any, lex: _Lex) -> Any | None:
    """The subject of the reporting verb that governs clause v, when it names one."""
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
            if subj is None and cur.dep_ == "pcomp" and cur.head.lower_ == "as":
                # "X was quoted as saying he would ...": the passive verb's subject is the one quoted
                subj = next((c for c in _kids(cur.head.head) if c.dep_ == "nsubjpass"), None)
            if subj is not None and subj.pos_ != "PRON":
                return subj
            return None
    return None


_PERSONAL = ("he", "she", "it", "they", "we", "i")
_PLURAL_PRONS = {"they", "them"}
_NEUTER_PRONS = {"it"}
_PERSON_PRONS = {"he", "she"}
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_POSS_PRONS = {"its": "it", "their": "they", "his": "he", "her": "she"}


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
    return any(c.dep_ == "nsubjpass" and c.ent_type_ in ("GPE", "ORG", "NORP") for c in _kids(v))


def _antecedent(pron: Any, lex: _Lex) -> Any | None:
    """A "they"/"it" subject's antecedent in its own sentence, up the parse from the pronoun's clause: the noun a
    relative clause hangs from ("troops in Iraq, where they train ..."), else the subject or object of a governing
    clause ("the coalition said it was pausing ..."). Written here because the small spaCy model has no coreference."""
    low = _POSS_PRONS.get(pron.lower_, pron.lower_)  # "its units": whose "its" is, as for "it"
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
                for c in _kids(nxt):
                    if c.dep_ == dep and c.i != cur.i and _agrees(c, low, lex):
                        return c
        cur = nxt
    return None


_KEEPING = {"have", "keep", "maintain", "station", "base", "deploy", "send", "dispatch", "post"}


def _keeper(head: Any) -> Any | None:
    """The state whose forces these are, by the clause: "the US has / keeps / deployed [troops]" -> the US."""
    if head.dep_ != "dobj" or head.head.lemma_.lower() not in _KEEPING or not _forces(head):
        return None
    subj = next((c for c in _kids(head.head) if c.dep_ == "nsubj"), None)
    if subj is None or subj.ent_type_ not in ("GPE", "ORG"):
        return None
    return subj


def _widen(head: Any, a: Actor, res: _Resolver, stop: int = -1) -> Actor:
    """An actor the resolver could not place, placed by a named modifier: "Rebels in the Ivory Coast",
    "activists from the Fatah Party", "Quatar's emir, Sheikh Hamad". The span grows to cover the words used."""
    queue = [
        c
        for c in _kids(head)
        if c.dep_ in ("prep", "appos", "poss", "acl", "compound", "amod", "nmod") and c.i != stop
    ]
    for _ in range(12):
        if not queue:
            break
        tok = queue.pop(0)
        if tok.dep_ == "prep" and tok.lower_ not in ("in", "of", "from", "with", "for", "at"):
            continue
        placed = None
        if (
            tok.ent_type_ not in _ACTOR_ENTS
            and tok.dep_ == "pobj"
            and tok.head.lower_ in ("in", "at", "from")
        ):
            placed = res.place_country(tok)  # "the busy market in Jowhar", the town tagged as nothing
        if tok.ent_type_ in _ACTOR_ENTS or placed:
            root = _entity_root(tok)
            s, e = _span_of(root)
            m = res.resolve(s, e)
            if placed and not m.country:
                m = replace(m, country=placed, kind="country")
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
                aside = head.i + 1 < len(head.doc) and head.nbor(1).text == ","
                if aside and any(c.dep_ == "prep" and c.i > head.i and _within(root, c) for c in _kids(head)):
                    lo, hi = a.start, a.end  # "The troops, from the 82nd Airborne, ...": an aside places them
                # a person's or body's name is the actor's ("Quatar's emir, Sheikh Hamad"); a place's is not
                named = m.kind == "person" or (m.kind == "organisation" and tok.ent_type_ == "ORG")
                name = a.name or (m.name if named else None)
                return Actor(text=res.text[lo:hi], start=lo, end=hi, name=name, country=m.country,
                             sector=sector or m.sector, kind=a.kind)  # fmt: skip
        queue += [c for c in _kids(tok) if c.dep_ in ("pobj", "prep", "compound", "amod", "acl", "poss")]
    return a


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
    if tok.ent_type_ in _ACTOR_ENTS or tok.pos_ == "PRON" or lemma in lex.people or _untagged_name(tok):
        return True
    owned = [c for c in _kids(tok) if c.dep_ in ("amod", "compound", "poss", "nmod")]
    if any(c.ent_type_ in _ACTOR_ENTS for c in owned):
        return True  # "a US drone", "the Iranian regime", "Iran's top commander": the named owner acts
    if any(g.ent_type_ in _ACTOR_ENTS for c in owned for g in _kids(c) if g.dep_ in ("npadvmod", "compound")):
        return True  # "Saudi-led coalition jets", "Russian-backed forces": the leader or backer is named
    if (
        tok.pos_ == "NOUN"
        and kind == "thing"
        and lemma not in lex.nouns
        and any(c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN" and _forces(c) for c in owned)
    ):
        return True  # "Air force planes", "army helicopters", "navy gunboats": the force they belong to acts
    if tok.pos_ == "NOUN" and (lemma in lex.nouns or kind == "thing"):
        return False  # an event, act or weapon nobody is named for ("the vote", "two rockets", "missile strikes")
    placed = [
        g for c in _kids(tok) if c.dep_ == "prep" and c.lower_ in ("in", "from", "at") for g in _kids(c)
        if g.dep_ == "pobj"
    ]  # fmt: skip
    if any(g.ent_type_ in _ACTOR_ENTS for g in placed):
        return True  # "a facility in Erbil", "officials from Fatah"
    # a role or body the actor lexicon knows ("the military council", "lawmakers"), not a thing it was given
    # (a common noun the tagger took for a name, "a drug lord", counts as one)
    common = tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and not tok.ent_type_ and tok.is_lower)
    return common and lemma not in lex.object_words and _people_noun(tok)


def _proposer(tok: Any) -> Any | None:
    """The nationality/owner of an object like "a Senegalese peace plan", "a US offer"."""
    for c in _kids(tok):
        if c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in _ACTOR_ENTS:
            return c
    return None


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
    if host.ent_type_ in ("TIME", "DATE") and host.dep_ == "pobj" and host.head.head.i != host.head.i:
        host = (
            host.head.head
        )  # "conferred for two hours in Accra": the place of the verb the duration measures
    if not (_is_verb(host) or host.lemma_.lower() in _lex().nouns):
        return False  # "the peacekeeping force in Lebanon": a modifier of who, not where
    return tok.ent_type_ in _PLACE_ENTS or _non_actor_words().get(tok.lemma_.lower()) == "place"


_USING = {"use", "employ"}
# prepositions that name what a projectile is fired or launched at
_FIRED_AT = frozenset({"at", "on", "into", "toward", "towards", "against"})


def _projectile_aimed(verb: Any, obj: Any, lex: _Lex) -> bool:
    """The object is a projectile fired at someone the verb names in an "at/on/into" phrase ("fired two missiles at
    a tanker", "launched rockets into Israel"): the means, never the recipient (some, "missiles", also code as
    military actors)."""
    if _partitive(obj).lemma_.lower() not in lex.projectiles or obj.ent_type_ not in ("", "CARDINAL"):
        return False
    return any(c.dep_ == "prep" and c.lower_ in _FIRED_AT and any(g.dep_ == "pobj" for g in _kids(c))
               for c in _kids(verb))  # fmt: skip


def _recipient_at(a: Any, skip: set[int], lex: _Lex, depth: int = 0, moved: bool = False,
                  venue_ok: bool = True) -> Any | None:  # fmt: skip
    passive = any(c.dep_ == "auxpass" for c in _kids(a))
    for c in _kids(a):
        if c.i in skip:
            continue
        if depth and c.dep_ == "dobj" and not c.ent_type_ and not moved and not venue_ok:
            # "agreed to swap 390 prisoners": who is swapped is no party to the agreement; but "to share
            # intelligence with Iraq": the party the object is shared with is
            party = _strong_party(c, skip, lex)
            if party is not None:
                return party
            continue
        if moved and c.dep_ == "dobj" and c.ent_type_ and _forces_named(c):
            continue  # "ordered HMS Montrose and HMS Defender to escort ...": the ships moved, not their target
        if c.dep_ == "dobj" and a.lemma_.lower() in _USING and (_forces(c) or not _people_noun(c)):
            continue  # "would use force to stop any move": the means, not whom it is aimed at
        if c.dep_ == "dobj" and _projectile_aimed(a, c, lex):
            continue  # "fired two missiles at a tanker": the missiles are the means, the tanker the target
        if (
            c.dep_ == "dobj"
            and a.lemma_.lower() in _HANDING
            and (first := _named_before_sum(c, skip)) is not None
        ):
            return first
        dep, c = c.dep_, _partitive(c)
        if dep in ("dobj", "dative") or (
            passive and dep == "nsubjpass" and a.lemma_.lower() not in _PARTAKE_PASSIVE
        ):
            # what is sent/withdrawn/given ("250 soldiers") is not the recipient
            # (people acted on by a non-moving event are its recipients: "30 sailors were held")
            if not moved and not c.ent_type_ and (_forces(c) or c.lemma_.lower() in lex.people):
                partner = next(
                    (x for g in _kids(c) if g.dep_ == "prep" and g.lower_ == "with"
                     for x in _kids(g) if x.dep_ == "pobj" and _actor_like(x, lex)),
                    None,
                )  # fmt: skip
                if (
                    partner is not None
                    and not c.ent_type_
                    and not any(
                        x.dep_ in ("amod", "compound", "poss", "det") and x.lower_ not in ("the", "a", "an")
                        for x in _kids(c)
                    )
                ):
                    return partner  # "sharing intelligence with Pakistan": what is shared, with whom
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
                # "relations with Russia", "an appeal from President X"; the act's "by" agent first: "opposed
                # the sale of jets to Taiwan by the United States" (the seller is whom the rejection aims at)
                for g in sorted(_kids(c), key=lambda g: g.lower_ != "by"):
                    if moved and g.lower_ in ("from", "by"):
                        continue  # "sent 3,000 troops from the 82nd Airborne": the forces' own unit
                    if g.dep_ == "prep" and g.lower_ in ("with", "to", "against", "on", "from", "by"):
                        for x in _kids(g):
                            if x.dep_ == "pobj" and _actor_like(x, lex):
                                if g.lower_ == "on" and not moved:
                                    # "passed information on a spy ring to German authorities": what it is
                                    # about; the party the verb names with "to"/"with" is the recipient
                                    party = _strong_party(a, skip, lex)
                                    if party is not None:
                                        return party
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
    strong = _strong_party(a, skip, lex, moved, venue_ok)
    if strong is not None:  # "shared intelligence with the CIA on the network": "with" before "on"/"at"
        return strong
    for c in _kids(a):
        if c.dep_ == "prep" and c.lower_ in _RECIP_PREPS and not _fronted(c):
            for g in _kids(c):
                if (
                    g.dep_ == "pobj"
                    and g.i not in skip
                    and (
                        _actor_like(g, lex)
                        or (not moved and _people_noun(g))
                        or (
                            not moved
                            and c.lower_ in ("against", "to", "on")
                            and g.pos_ == "NOUN"
                            and _owner(g, lex) is not None
                        )
                    )  # (the last: "protested against a decree issued by the ministry": the ministry)
                ):
                    if not venue_ok and _venue(g, "RETREAT"):
                        continue  # "exchanged prisoners at the Belarusian border": where, not with whom
                    if _absolute_with(g):
                        continue
                    return _owner(g, lex) or g
    for c in _kids(a):  # "demanded that Hamas renounce...", "urged X to"
        if c.dep_ in ("ccomp", "xcomp"):
            for g in _kids(c):
                if g.dep_ == "nsubj" and g.lemma_.lower() not in ("it", "they", "we", "i", "he", "she"):
                    return g
    if depth < 2:  # "promised to continue military aid to Mozambique"
        for c in _kids(a):
            if c.dep_ in ("xcomp", "ccomp") and _is_verb(c):
                # "threatened to send troops into Kosovo": what an embedded move sends is no party, where it goes is
                moves = moved or any(r.event == "MOBILIZE" for r in lex.verbs.get(c.lemma_.lower(), []))
                r = _recipient_at(c, skip, lex, depth + 1, moves, venue_ok)
                if r is not None:
                    return r
    return None


# prepositions that name the other party outright; "on"/"at" more often name a topic or a place, so they come last
_STRONG_PREPS = ("with", "to", "against", "toward", "towards", "into", "upon")


def _strong_party(
    a: Any, skip: set[int], lex: _Lex, moved: bool = False, venue_ok: bool = True
) -> Any | None:
    """The party a "with/to/against" complement of a verb or object noun names ("share intelligence with Iraq",
    "passed information to German authorities"), else None."""
    for c in _kids(a):
        if (
            c.lower_ not in _STRONG_PREPS
            or _fronted(c)
            or c.dep_ not in (("prep",) if moved else ("prep", "dative"))
        ):
            continue  # (a deployment's "to" read as a dative is left to the search, which also places the event)
        for g in _kids(c):
            if g.dep_ != "pobj" or g.i in skip:
                continue
            # (a mis-tagged country only for an event that moves nothing: a destination the search finds
            # is also the deployment's location)
            if not (_actor_like(g, lex) or (not moved and (_mistagged_country(g) or _people_noun(g)))):
                continue
            if (not venue_ok and _venue(g, "RETREAT")) or _absolute_with(g):
                continue
            return _owner(g, lex) or g
    return None


_HOLDING = {"hold", "held", "control", "controlled", "run", "occupy", "occupied", "dominate", "dominated"}


def _group_phrase(tok: Any) -> bool:
    """Whether a noun with its modifiers names a group's thing ("jihadist positions", "Islamist hideouts"): the
    actor lexicon gives the phrase a sector, which the modifier's country alone would lose."""
    code_actor = _coder()

    mods = [m for m in _kids(tok) if m.dep_ in ("amod", "compound") and m.i < tok.i]
    a = code_actor(" ".join(t.text for t in sorted([*mods, tok], key=lambda t: t.i)))
    return a.sector is not None and a.kind != "country"


def _holder(tok: Any) -> Any | None:
    """Who holds a place a "<people>-held" adjective names ("rebel-held towns", "Taliban-controlled areas")."""
    for m in _kids(tok):
        if m.dep_ == "amod" and m.lemma_.lower() in _HOLDING:
            for h in _kids(m):
                if (
                    h.dep_ in ("npadvmod", "compound", "nmod")
                    and h.i < m.i
                    and (h.ent_type_ or _people_noun(h))
                ):
                    return h
    return None


def _destination(a: Any, skip: set[int], lex: _Lex) -> Any | None:
    """Who a verb's prepositional complement names ("to Mali", "against the rebels")."""
    for c in _kids(a):
        if c.dep_ == "prep" and c.lower_ in _RECIP_PREPS:
            for g in _kids(c):
                if g.dep_ == "pobj" and g.i not in skip and _actor_like(g, lex):
                    return g
    return None


_LEAVING = {"leave", "quit", "exit", "vacate"}
_LEAVING_NOUNS = {
    "departure",
    "withdrawal",
    "pullout",
    "pull-out",
    "exit",
    "evacuation",
    "retreat",
    "drawdown",
}


# the parts of a place a force leaves that stand for the place ("the outskirts of Kyiv")
_OUTSKIRTS = {
    "outskirt",
    "outskirts",
    "suburb",
    "suburbs",
    "vicinity",
    "edge",
    "edges",
    "area",
    "centre",
    "center",
}


def _withdrawn_from(a: Any) -> Any | None:
    """The place a withdrawal leaves: "moved staff from Baghdad to Taji" -> Baghdad (not the destination)."""
    if a.lemma_.lower() in _LEAVING:  # "will leave Niger": the country left
        left = next((c for c in _kids(a) if c.dep_ == "dobj"), None)
        if left is not None and (left.ent_type_ in ("GPE", "LOC") or _country_named(left)):
            return left
    heads = [a] + [c for c in _kids(a) if c.dep_ in ("dobj", "nsubjpass")]
    # "pulled back from ...": the parser may hang the "from" phrase on the particle
    heads += [c for c in _kids(a) if c.dep_ in ("advmod", "prt") and c.lower_ in ("back", "out", "away")]
    # "the departure of 300 soldiers from Niamey leaves ...": the act noun that is the subject
    heads += [c for c in _kids(a) if c.dep_ == "nsubj" and c.lemma_.lower() in _LEAVING_NOUNS]
    heads += [g for p in _kids(a) if p.lower_ in ("around", "about") for g in _kids(p) if g.dep_ == "pobj"]
    heads += [
        g for h in heads[1:] for p in _kids(h) if p.lower_ == "of" for g in _kids(p) if g.dep_ == "pobj"
    ]
    for h in heads:
        for p in _kids(h):
            if p.dep_ == "prep" and p.lower_ == "from":
                for g in _kids(p):
                    if g.dep_ != "pobj":
                        continue
                    if g.lemma_.lower() in _OUTSKIRTS:  # "from the outskirts of Kyiv": the city's
                        g = next(
                            (x for o in _kids(g) if o.lower_ == "of" for x in _kids(o) if x.dep_ == "pobj"),
                            g,
                        )
                    for x in [g, *g.conjuncts]:  # "from Taji and Baghdad": the first one tagged as a place
                        if x.ent_type_ in ("GPE", "LOC", "FAC") or (
                            x.pos_ == "PROPN" and _says_country(x.text)
                        ):
                            return x
    return None


def _condemned_act(t: _Trig, lex: _Lex) -> Any | None:
    """For an accusation whose object is an act ("condemned the attack on the embassy", "the killing of 30
    villagers"): who did it (the act's agent, "by the militia"), else nothing; its victims go to `t.victims`, so
    that they are not taken for whom the accusation is aimed at."""
    obj = next((c for c in _kids(t.anchor) if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in lex.nouns or any(c.dep_ == "poss" for c in _kids(obj)):
        return None
    for c in [obj, *(x for x in _kids(obj) if x.dep_ == "acl")]:
        for p in _kids(c):
            if (p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ == "by")) and c.i <= p.i:
                g = next((g for g in _kids(p) if g.dep_ == "pobj"), None)
                if g is not None and _actor_like(g, lex):
                    return g
    for p in _kids(obj):
        if p.dep_ == "prep" and p.lower_ in ("on", "of", "against"):
            t.victims |= {x.i for x in p.subtree}
    return None


def _accused_in_claim(got: Any, lex: _Lex) -> Any | None:
    """ "an investigation into an allegation by the LPC that the NPFL had taken over the city": an inquiry looks
    into the one the allegation's that-clause names as doing it, not the allegation's maker (its "by" agent)."""
    prep = got.head
    if got.dep_ != "pobj" or prep.lower_ != "by" or prep.head.i == prep.i:
        return None
    claim = prep.head
    if not any(r.event == "ACCUSE" for r in lex.nouns.get(claim.lemma_.lower(), [])):
        return None
    for c in _kids(claim):
        if c.dep_ in ("acl", "relcl", "ccomp", "advcl") and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in _kids(c)
        ):
            subj = next((g for g in _kids(c) if g.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ != "PRON" and _actor_like(subj, lex):
                return subj
    return None


def _recipient(t: _Trig, lex: _Lex) -> Any | None:
    got = _recipient_of(t, lex)
    if got is not None and t.rule.event == "ACCUSE" and t.mode == "investigate":
        got = _accused_in_claim(got, lex) or got
    if got is not None and _home_place(got, t):
        return None  # "Nigeria deployed troops to Borno state": where they go, not whom it is aimed at
    return got


# verbs that hand something or someone over: the "to" party receives it, whatever the object is
_HANDING = {"hand", "extradite", "pass", "transfer", "deliver", "lend", "give", "provide", "surrender", "turn",
            "return", "repatriate", "send", "offer", "supply"}  # fmt: skip
_HANDED_EVENTS = {"COOPERATE", "SUPPORT", "AID"}
# verbs whose object is who is addressed, the clause after them what they are told ("warned Lithuania it would")
_ADDRESSING = {"warn", "tell", "caution", "remind", "assure", "notify", "inform"}
# nouns for money or help given for a beneficiary ("funding for Yemen", "aid for refugees")
_FUNDS = {"funding", "fund", "aid", "assistance", "support", "money", "grant", "loan", "help"}


_AREAS = {"state", "province", "region", "district", "county", "governorate", "prefecture", "oblast"}


def _home_place(tok: Any, t: _Trig) -> bool:
    """A deployment's destination that is a province or town of the actor's own country ("sent troops to
    Manipur"): its location; the manual's MOBILIZE recipient is whom a deployment is aimed at, if anyone."""
    if t.rule.event != "MOBILIZE":
        return False
    if not tok.ent_type_ and tok.lemma_.lower() in _AREAS:  # "[Borno] state": the named area
        tok = next((c for c in _kids(tok) if c.dep_ == "compound" and c.ent_type_ in ("GPE", "LOC")), tok)
    if tok.ent_type_ not in ("GPE", "LOC", "FAC"):
        return False
    own = {a.country for a in t.actors if a.country}
    if not own:
        return False
    code_actor = _coder()

    ent = _entity_of(tok)
    words = ent.text if ent is not None else tok.text
    return code_actor(words).country in own and not _country_name(ent.text if ent is not None else tok.text)


def _mistagged_country(tok: Any) -> bool:
    """A country's own name whatever the recogniser tagged it ("Niger" read as a title), not a town it places."""
    if tok.pos_ != "PROPN" or not _country_named(tok):
        return False
    ent = _entity_of(tok)
    return _country_name(ent.text if ent is not None else tok.text)


@lru_cache(maxsize=4096)
def _country_name(text: str) -> bool:
    """Whether a place name is a country's own name ("Belarus"), not a province or town the actor lexicon places
    in one ("Borno", "Manipur"). pycountry's index of names and official names does the lookup."""
    import pycountry

    name = text.removeprefix("the ").strip()
    try:
        pycountry.countries.lookup(name)
    except LookupError:
        return False
    return True


def _named_party(tok: Any) -> bool:
    """A name the actor lexicons code to a country on its own, whatever entity the recogniser put it in."""
    code_actor = _coder()

    return code_actor(tok.text).country is not None


def _named_before_sum(c: Any, skip: set[int]) -> Any | None:
    """ "lend Pakistan 7 billion dollars" parsed as one noun phrase: the name before the sum, who receives it."""
    if not any(n.dep_ == "nummod" for n in _kids(c)):
        return None
    first = _doc_toks(c.doc)[c.left_edge.i]
    if (
        first.pos_ != "PROPN"
        or first.dep_ not in ("nmod", "compound")
        or first.i in skip
        or first.i + 1 >= c.i
    ):
        return None
    return first if first.nbor().like_num and _named_party(first) else None


def _handed_to(a: Any, skip: set[int], lex: _Lex) -> Any | None:
    """Who receives what a handing verb gives ("extradited a Kurdish activist to Turkey", "handed over a suspect
    to Belgian authorities"): the "to" party, not the person or thing handed (else None)."""
    if a.lemma_.lower() not in _HANDING or not any(c.dep_ == "dobj" for c in _kids(a)):
        return None
    for c in _kids(a):
        if c.dep_ == "dative" and c.pos_ == "PROPN" and c.i not in skip and _named_party(c):
            return c  # "lend Kyiv 50 billion euros": the name the recogniser swallowed into the sum
        if c.dep_ == "dobj" and (first := _named_before_sum(c, skip)) is not None:
            return first
        if c.dep_ in ("prep", "dative") and c.lower_ == "to":
            for g in _kids(c):
                if g.dep_ == "pobj" and g.i not in skip and (_actor_like(g, lex) or _mistagged_country(g)):
                    if not g.ent_type_ and not _people_noun(g):  # "to Lebanon's reform plan": its owner
                        owner = next(
                            (p for p in _kids(g) if p.dep_ == "poss" and p.ent_type_ in _ACTOR_ENTS), None
                        )
                        return owner if owner is not None else g
                    return g
    return None


def _addressee(a: Any, lex: _Lex) -> Any | None:
    """The one warned or told when the event is the clause said to them ("China warned Lithuania it would pay")."""
    h = a.head
    if a.dep_ != "ccomp" or h.i == a.i or h.lemma_.lower() not in _ADDRESSING:
        return None
    d = next((c for c in _kids(h) if c.dep_ in ("dobj", "dative")), None)
    return d if d is not None and (_actor_like(d, lex) or _mistagged_country(d)) else None


def _beneficiary(a: Any, lex: _Lex) -> Any | None:
    """The country money or help is for ("cut humanitarian funding for Yemen"), named with "for"."""
    objs = [c for c in _kids(a) if c.dep_ == "dobj" and c.lemma_.lower() in _FUNDS]
    if not objs or any(
        p.lower_ in ("of", "to") and any(g.dep_ == "pobj" and _actor_like(g, lex) for g in _kids(p))
        for p in _kids(objs[0])
    ):
        return None  # "its funding of the UN agency for refugees": the agency funded
    for h in (objs[0], a):
        for c in _kids(h):
            if c.dep_ == "prep" and c.lower_ == "for":
                g = next((g for g in _kids(c) if g.dep_ == "pobj"), None)
                if g is not None and (
                    g.ent_type_ in ("GPE", "NORP", "ORG") or _mistagged_country(g) or _people_noun(g)
                ):
                    return g
    return None


def _host(a: Any, t: _Trig) -> Any | None:
    """The country a visitor arrives in ("arrived in Washington on a state visit"): the host, whom a visit is aimed
    at (a place of the visitor's own country is only where it happens)."""
    if any(c.dep_ == "dobj" for c in _kids(a)):
        return None
    own = {x.country for x in t.actors if x.country}
    code_actor = _coder()

    for c in _kids(a):
        if c.dep_ == "prep" and c.lower_ in ("in", "to", "at"):
            g = next((g for g in _kids(c) if g.dep_ == "pobj" and g.ent_type_ == "GPE"), None)
            if g is not None:
                ent = _entity_of(g)
                country = code_actor(ent.text if ent is not None else g.text).country
                if own and country and country not in own:
                    return g
    return None


def _mediated(a: Any, lex: _Lex) -> Any | None:
    """The first of the parties a go-between verb names with "between" ("mediated between the government and ELN
    guerrillas"): they are whom the mediation is aimed at (their conjuncts come with it)."""
    for c in _kids(a):
        if c.dep_ == "prep" and c.lower_ == "between":
            g = next((g for g in _kids(c) if g.dep_ == "pobj"), None)
            if g is not None and _actor_like(g, lex):
                return g
    return None


# verbs whose object is let or helped to act, not pressed to: "rallied to allow aid workers to enter"
_ENABLING = frozenset({"allow", "let", "help", "enable", "permit", "encourage", "invite"})


_PURPOSE_PATH = frozenset({"prep", "pobj", "dobj", "xcomp", "advcl", "acl", "relcl"})


def _purposes(a: Any) -> list[Any]:
    """Infinitives of purpose on the act or on the nouns of its phrase ("rallied ... to persuade X", "began
    collecting signatures in part of a drive to convince X"), nearest first, not inside another clause."""
    out: list[Any] = []
    queue = [(c, 1) for c in _kids(a) if c.dep_ in _PURPOSE_PATH]
    while queue:
        tok, depth = queue.pop(0)
        if tok.dep_ in ("advcl", "acl", "relcl") and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in _kids(tok)
        ):
            out.append(tok)
            continue
        if depth < 4:  # (prepositions do not count as a step)
            queue += [(c, depth + (c.dep_ != "prep")) for c in _kids(tok) if c.dep_ in _PURPOSE_PATH]
    return out


def _pressed(a: Any) -> Any | None:
    """The one a protest's purpose clause presses to act ("rallied ... to persuade the Lithuanian parliament to
    amend the law", "marched on the ministry to force the government to reverse the rise"): the object of an
    infinitive that takes an object and a to-infinitive of its own, rather than the town or building named."""
    for c in _purposes(a):
        if c.lemma_.lower() in _ENABLING:
            continue
        obj = next((g for g in _kids(c) if g.dep_ == "dobj"), None)
        if obj is None or obj.pos_ == "PRON":
            continue
        if any(g.dep_ in ("xcomp", "ccomp") and any(x.dep_ == "aux" and x.lower_ == "to" for x in _kids(g))
               for g in _kids(c)):  # fmt: skip
            return _partitive(obj)
    return None


# nouns of one state's rule over a people: the nationality on them names the state a protest is aimed at
_RULE_NOUNS = frozenset({"rule", "occupation", "domination", "annexation", "colonialism"})


def _ruler(a: Any) -> Any | None:
    """ "rioted at a jail in Dili ... demanding a referendum on independence from Indonesian rule", "marched ...
    to demand an end to Moroccan occupation": the ruling state a protest's demand names, rather than the place it
    is held at. Searched in the act's complements and clauses, never its subject."""
    queue = [c for c in _kids(a) if c.dep_ not in ("nsubj", "nsubjpass", "csubj", "punct", "cc")]
    for _ in range(60):
        if not queue:
            return None
        tok = queue.pop(0)
        if tok.lemma_.lower() in _RULE_NOUNS and tok.pos_ == "NOUN":
            for c in _kids(tok):
                if c.dep_ in ("amod", "compound", "poss", "nmod") and c.ent_type_ in ("NORP", "GPE"):
                    return c
        if tok.dep_ not in ("relcl", "ccomp"):
            queue += [c for c in _kids(tok) if c.dep_ not in ("punct", "cc")]
    return None


def _recipient_of(t: _Trig, lex: _Lex) -> Any | None:
    a = t.anchor
    skip = {t.tok.i}
    if t.rule.event == "PROTEST":
        pressed = _pressed(a) or _ruler(a)
        if pressed is not None:
            return pressed
        for c in _kids(a):  # "a strike over a bill signed by the labour minister": the measure's author
            if c.dep_ == "prep" and c.lower_ in _PROTEST_TOPIC:
                g = next((g for g in _kids(c) if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
                author = _agent_of_reduced(g, lex) if g is not None and not _people_noun(g) else None
                if author is not None:
                    return author
    if not t.nominal:
        told = _addressee(a, lex) if t.rule.event == "THREATEN" else None
        if told is not None:
            return told
        if t.rule.event == "ACCUSE":  # "blamed Kyiv for the attack": the accused, tagged or not
            d = next((c for c in _kids(a) if c.dep_ == "dobj"), None)
            if d is not None and d.pos_ == "PROPN" and not d.ent_type_ and d.i not in t.victims:
                return d
        if t.rule.event == "CONSULT" and t.mode == "third-party":
            between = _mediated(a, lex)
            if between is not None:
                return between
        if t.rule.event == "CONSULT" and t.mode == "visit":
            host = _host(a, t)
            if host is not None:
                return host
        if t.rule.event in _HANDED_EVENTS:
            handed = _handed_to(a, skip, lex)
            if handed is not None:
                return handed
        if t.rule.event in ("SANCTION", "AID"):
            for_whom = _beneficiary(a, lex)
            if for_whom is not None:
                return for_whom
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
        parties = _between(t.tok) is not None  # "talks between X and Y": both act (`_nominal_actor`)
        for c in _kids(t.tok):
            if c.dep_ == "prep" and c.lower_ == "between" and parties and a.i == t.tok.i:
                continue
            if c.dep_ == "prep" and c.lower_ in ("against", "on", "with", "into", "of", "between"):
                for g in _kids(c):
                    if g.dep_ == "pobj" and _actor_like(g, lex):
                        if (
                            c.lower_ == "of"
                            and t.rule.event in _MOVED
                            and (_forces(_partitive(g)) or _of_force(t.tok, lex))
                        ):
                            continue  # "the deployment of 2,000 police officers", "the arrival of a carrier group"
                        return g
        if a.i == t.tok.i:
            return _reached(t.tok) if t.rule.event in _MOVED else None
    reduced = a.dep_ == "acl" and a.tag_ == "VBN" and a.head.i != a.i and a.head.dep_ != "ROOT"
    released = t.rule.event == "RETREAT" and t.mode == "release"  # "soldiers freed by Russia": the soldiers
    if reduced and _between(a.head) is not None:
        return None  # "the ceasefire between X and Y, signed on Monday": the parties signed it (`_passive_actor`)
    if reduced and (t.rule.event not in _MOVED or released) and not t.nominal and _actor_like(a.head, lex):
        # "52 Americans held hostage", "protesters detained last week": the noun a reduced passive modifies
        return a.head
    if released and not t.nominal:  # "two aid workers were released", "freed 20 soldiers": the freed
        freed = next((c for c in _kids(a) if c.dep_ in ("nsubjpass", "dobj")), None)
        if freed is not None and freed.lower_ not in _RELATIVE and _actor_like(_partitive(freed), lex):
            return _partitive(freed)
    if t.rule.event == "AID" and not t.nominal:
        # "trained Iraqi soldiers", "advise and train local forces": forces helped, not forces sent
        objs = [c for c in _kids(a) if c.dep_ == "dobj"] or [
            g for c in _kids(a) if c.dep_ == "conj" and _is_verb(c) for g in _kids(c) if g.dep_ == "dobj"
        ]
        if objs and _forces(objs[0]):
            return objs[0]
        helped = _partitive(objs[0]) if objs else None
        code_actor = _coder()

        civil = helped is not None and code_actor(helped.lemma_.lower()).sector == "CVL"
        if helped is not None and _people_noun(helped) and (civil or _destination(a, skip, lex) is None):
            # (people moved to safety are helped too: "evacuated survivors to hospitals")
            return helped  # "rescued 40 migrants", "evacuated the wounded": people helped where they are, not sent
    own = _own_activity(a) if t.rule.event not in _FORCE_EVENTS and not t.nominal else None
    if (
        own is not None
    ):  # "the NATO mission was suspended": NATO's own mission (the actor's, `_passive_actor`)
        subj = _activity_subject(a)
        for p in _kids(subj):  # "the NATO mission in Iraq": the country it serves
            if p.dep_ == "prep" and p.lower_ in ("in", "to", "off"):
                g = next((g for g in _kids(p) if g.dep_ == "pobj" and _country_named(g)), None)
                if g is not None:
                    return g
        skip |= {subj.i}
    got = _recipient_at(
        a, skip, lex, moved=t.rule.event in _MOVED, venue_ok=t.rule.event not in _VENUE_EVENTS
    )
    if got is None and not t.nominal and not any(c.dep_ in ("dobj", "dative") for c in _kids(a)):
        # "donated and delivered goods to the school": coordinated verbs of one subject share the complement the
        # parser hung on the last one
        for c in _kids(a):
            if (
                c.dep_ == "conj"
                and _is_verb(c)
                and not any(g.dep_ in ("nsubj", "nsubjpass") for g in _kids(c))
            ):
                got = _recipient_at(
                    c, skip, lex, moved=t.rule.event in _MOVED, venue_ok=t.rule.event not in _VENUE_EVENTS
                )
                if got is not None:
                    break
    if got is None and t.rule.event == "MOBILIZE" and not t.nominal:
        # "ordered 3,000 troops from the 82nd Airborne to Kuwait", the destination parsed inside the forces' phrase
        moved_from = [c for c in _kids(a) if c.dep_ == "prep" and c.lower_ == "from"]
        for obj in (c for c in _kids(a) if (c.dep_ == "dobj" and _forces(_partitive(c))) or c in moved_from):
            got = next((g for p in obj.subtree if p.dep_ == "prep" and p.lower_ in ("to", "into")
                        for g in _kids(p) if g.dep_ == "pobj" and g.ent_type_ == "GPE"), None)  # fmt: skip
    if got is not None and t.rule.event in _MOVED:
        got = _mission_host(got)
    if got is None and t.rule.event == "THREATEN":
        got = _condition_party(a, lex)
    if got is not None and t.rule.event == "THREATEN" and got.i in _avenged(a):
        got = None  # "vowed to avenge Soleimani": the one avenged is the threat's cause, not its target
    if got is None and t.rule.event == "ASSAULT" and not t.nominal and len({x.country for x in t.actors}) < 2:
        got = _harmed_after(a, lex)  # (not after fire exchanged by two sides: the dead may be either's)
    if got is not None and got.i in t.victims:
        return None  # "condemned the attack on the embassy": the embassy suffered it, it is not accused
    return got


# what forces are sent to serve in rather than against: a body's mission, force or operation in a country
_MISSIONS = {"mission", "operation", "force", "contingent", "deployment", "presence"}


def _mission_host(got: Any) -> Any:
    """ "sent 200 soldiers to the NATO-led KFOR mission in Kosovo", "to the UN force in Lebanon": the forces go to
    the country the mission serves (the recipient of the deployment), not to the body that runs it."""
    mission = got.head if got.dep_ in ("compound", "nmod", "poss") else got  # "the NATO mission in Iraq"
    if mission.lemma_.lower() not in _MISSIONS:
        return got
    for p in _kids(mission):
        if p.dep_ == "prep" and p.lower_ in ("in", "to"):
            host = next((g for g in _kids(p) if g.dep_ == "pobj" and _country_named(g)), None)
            if host is not None:
                return host
    return got


# a vow of revenge: the verb and nouns whose object or "for" phrase is the one avenged (or the wrong done)
_AVENGING = {"avenge", "revenge"}
_REVENGE = {"revenge", "vengeance", "retaliation", "retribution", "payback", "reprisal"}


def _avenged(a: Any) -> set[int]:
    """The tokens naming whom or what a threatened revenge is for: the object of "to avenge" ("vowed to avenge
    General Soleimani") and the "for" phrase of a revenge noun or of the vow that carries it ("vowed revenge for
    Soleimani's killing"). They are the threat's cause; its target is whoever the text says will pay ("revenge on
    the United States", "warned Washington"), or no one."""
    out: set[int] = set()
    for tok in a.subtree:
        low = tok.lemma_.lower()
        holders = []
        if low in _AVENGING and tok.pos_ == "VERB":
            out |= {x.i for c in _kids(tok) if c.dep_ == "dobj" for x in c.subtree}
            holders.append(tok)
        if low in _REVENGE or low in _AVENGING:
            holders.append(tok)
            if tok.dep_ in ("dobj", "xcomp") and tok.head.i == a.i:
                holders.append(a)  # "vowed revenge for X", the "for" phrase hung on the vow
        for h in holders:
            out |= {x.i for c in _kids(h) if c.dep_ == "prep" and c.lower_ == "for" for x in c.subtree}
    return out


def _harmed_after(a: Any, lex: _Lex) -> Any | None:
    """ "struck a car in southern Lebanon, killing a Hezbollah commander": when the attack's own object names no one,
    the people its participle clause says were killed or hurt are whom it was aimed at."""
    for c in _kids(a):
        if c.dep_ not in ("advcl", "conj") or c.tag_ != "VBG":
            continue
        if not any(r.event == "ASSAULT" for r in lex.verbs.get(c.lemma_.lower(), [])):
            continue
        for o in _kids(c):
            if o.dep_ == "dobj":
                who = _partitive(o)
                if _actor_like(who, lex) or _people_noun(who):
                    return who
    return None


_ARRIVING = {"reach", "arrive", "enter", "land", "cross"}


def _reached(noun: Any) -> Any | None:
    """Where moved goods or forces named in a subject got to ("forty lorries of food aid reached Baidoa", "a convoy
    of aid arrived in Goma"): that place, which stands for its people."""
    cur = noun
    while cur.dep_ in ("pobj", "prep", "compound") and cur.head.i != cur.i:
        cur = cur.head
    v = cur.head
    if cur.dep_ != "nsubj" or v.lemma_.lower() not in _ARRIVING:
        return None
    for c in _kids(v):
        if c.dep_ == "dobj" and (c.ent_type_ or _country_named(c)):
            return c
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "into", "to"):
            g = next((g for g in _kids(c) if g.dep_ == "pobj" and g.ent_type_ in _PLACE_ENTS), None)
            if g is not None:
                return g
    return None


def _condition_party(a: Any, lex: _Lex) -> Any | None:
    """ "Russia threatened to stop talks if the United States goes ahead": the side whose conduct is the condition."""
    for c in a.subtree:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in _kids(c)):
            subj = next((g for g in _kids(c) if g.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ != "PRON" and _actor_like(subj, lex):
                return subj
    return None


def _in_purpose(tok: Any, t: _Trig) -> bool:
    """Whether tok lies inside an infinitival purpose clause of the trigger ("sent troops to protect Americans"),
    not in the complement that holds the trigger itself ("refused to deploy troops in Iraq")."""
    cur = tok
    while cur.i not in (t.anchor.i, t.tok.i) and cur.head.i != cur.i:
        if _purpose(cur):
            # "sent warships to deter Iran": whom a hostile purpose is aimed at is the deployment's target
            return not (_hostile(cur) and any(o.i == tok.i or _within(tok, o) for o in _objects(cur)))
        cur = cur.head
    return False


# purpose verbs aimed against someone that the events lexicon has no row for (it types "attack", "intimidate")
_AIMED_AGAINST = {"deter", "counter", "confront", "contain", "repel", "dissuade"}
_HOSTILE_EVENTS = {"ASSAULT", "COERCE", "THREATEN", "SANCTION"}


def _hostile(v: Any) -> bool:
    lemma = v.lemma_.lower()
    return lemma in _AIMED_AGAINST or any(r.event in _HOSTILE_EVENTS for r in _lex().verbs.get(lemma, []))


def _objects(v: Any) -> list[Any]:
    """The direct objects of a verb, with their conjuncts ("to deter Iran and Hezbollah")."""
    return [x for c in _kids(v) if c.dep_ == "dobj" for x in (c, *c.conjuncts)]


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


@lru_cache(maxsize=1)
def _span_class() -> Any:
    """spaCy's `Span`, imported on first use (a late load) and then fetched at the cost of a call (speed)."""
    from spacy.tokens import Span

    return Span


def _entity_of(tok: Any) -> Any | None:
    if not tok.ent_type_:  # outside every entity (and no need to build the sentence's entity list)
        return None
    doc = tok.doc
    tab = _tab(tok)
    if tab is None:
        iob: Any = [t.ent_iob_ for t in _doc_toks(doc)]
    else:
        iob = tab.iob  # (the token table's IOB tags: speed)
    start = tok.i  # the entity's own IOB tags: walk back to its first token, then on to its last
    while iob[start] == "I" and start > 0:
        start -= 1
    end = tok.i + 1
    while end < len(iob) and iob[end] == "I":
        end += 1
    return _span_class()(doc, start, end, label=tok.ent_type_)


def _entity_root(tok: Any) -> Any:
    ent = _entity_of(tok)
    return ent.root if ent is not None else tok


def _owner(tok: Any, lex: _Lex) -> Any | None:
    """Who an act-noun argument comes from: "demands from UNITA", "calls by Belarus's rulers", "a camp for
    Congolese refugees", "pressure by the Commission" -> that actor (None when tok itself names people)."""
    if tok.ent_type_ in _ACTOR_ENTS or tok.pos_ == "PRON" or tok.lemma_.lower() in lex.people:
        return None
    if tok.lemma_.lower() in lex.nouns or _non_actor_words().get(tok.lemma_.lower()) == "thing":
        # "rejected ECOWAS's demand", "the president's decree": an act or document is its possessor's
        poss = next((c for c in _kids(tok) if c.dep_ == "poss" and c.pos_ != "PRON"), None)
        if (
            poss is not None
            and poss.ent_type_ not in ("LOC", "FAC")
            and (_actor_like(poss, lex) or _people_noun(poss))
        ):
            return _lift(poss) if poss.ent_type_ == "NORP" else poss
    if tok.lemma_.lower() in lex.nouns:  # "an opposition rally", "a student protest": the people who hold it
        for c in _kids(tok):
            if c.dep_ == "compound" and c.i < tok.i and not c.ent_type_ and _people_noun(c):
                return c
    # the act's "by" agent before its "of" object: "the release of detained protesters by the authorities"
    for c in sorted(_kids(tok), key=lambda c: c.lower_ != "by"):
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of", "for"):
            for g in _kids(c):
                if g.dep_ == "pobj" and _actor_like(g, lex) and g.ent_type_ not in ("GPE", "LOC", "FAC"):
                    if c.lower_ == "of" and tok.lemma_.lower() in lex.nouns:
                        # "the release of journalists held by the security services": who holds them
                        holder = _agent_of_reduced(g, lex)
                        if holder is not None:
                            return holder
                    return _lift(g) if g.ent_type_ == "NORP" else g
    if (
        tok.lemma_.lower() in lex.nouns
        or _non_actor_words().get(tok.lemma_.lower()) == "thing"
        or (
            tok.pos_ == "NOUN"
            and not _people_noun(tok)
            and _non_actor_words().get(tok.lemma_.lower()) != "place"
        )
    ):
        # an act, document or measure: "the demonstration [staged by students]", "a bill [signed by the
        # minister]", "tax rises [approved by parliament]", "a dress code [imposed by the religious police]"
        for c in _kids(tok):
            if c.dep_ == "acl" and c.tag_ == "VBN":
                for g in (g for a in _kids(c) if a.dep_ == "agent" for g in _kids(a) if g.dep_ == "pobj"):
                    if _actor_like(g, lex) or _people_noun(g):
                        return _lift(g) if g.ent_type_ == "NORP" else g
    return None


def _agent_of_reduced(tok: Any, lex: _Lex) -> Any | None:
    """The by-agent of a reduced passive on tok ("journalists [held by the security services]")."""
    for c in _kids(tok):
        if c.dep_ == "acl" and c.tag_ == "VBN":
            for g in (g for a in _kids(c) if a.dep_ == "agent" for g in _kids(a) if g.dep_ == "pobj"):
                if _actor_like(g, lex) or _people_noun(g):
                    return _lift(g) if g.ent_type_ == "NORP" else g
    return None


# nouns naming a relation to another party: a possessor names that party, not the group ("Israel's ally")
_RELATIONS = {"ally", "partner", "rival", "enemy", "foe", "opponent", "proxy", "adversary", "client"}


def _lift(tok: Any) -> Any:
    """A nationality or country that modifies a people noun stands for the group the noun names: "Croatian
    [extremists]", "Serbian [authorities]", "Belarus's [rulers]" -> the noun, so the span covers the group."""
    if (
        not tok.ent_type_
        and tok.pos_ == "PROPN"
        and tok.dep_ == "compound"
        and tok.head.pos_ == "PROPN"
        and not tok.head.ent_type_
        and tok.head.i > tok.i
    ):
        # a country word opening a name the recogniser left untagged (a misspelt word: "the Kenya Anti-Corruption
        # Commision"): the whole name
        return tok.head
    if tok.ent_type_ not in ("NORP", "GPE", "ORG") and not (tok.ent_type_ == "PERSON" and tok.pos_ == "ADJ"):
        return tok  # (a nationality adjective the recogniser took for a name, "three Bangladeshi fishermen", counts)
    root = _entity_root(tok)
    h = root.head
    if root.dep_ in ("amod", "compound", "poss", "nmod") and h.i != root.i and h.pos_ in ("NOUN", "PROPN"):
        if not h.ent_type_ and (_people_noun(h) or (h.pos_ == "PROPN" and root.dep_ == "compound")):
            # the second: a name cut short by the tagger ("[Sierra] Leonean") is the whole name
            return h
    return root


def _purpose(tok: Any) -> bool:
    """An infinitival purpose clause ("opened the bridge to allow deliveries to Afghanistan")."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in _kids(tok))


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


def _attacker_lent(t: _Trig, recipients: list[Actor], actors: list[Actor]) -> list[Actor]:
    """ "Four people died in the Russian drone strike on Izmail": the nationality word on the attack names the
    attacker; the victims, whose own words name no country, do not take it from the sentence. Nor do people
    deported take the deporter's. Their country is cleared (the recipient search may then place them)."""
    if t.rule.event not in ("ASSAULT", "COERCE"):
        return recipients
    lent: set[str | None] = set()
    nouns = _lex().nouns
    for a in actors:
        span = _char_span(t.tok.doc, a.start, a.end)
        if span is None:
            continue
        m = span.root
        if len(span) == 1 and m.dep_ in ("amod", "compound", "nmod") and m.ent_type_ in ("NORP", "GPE"):
            lent.add(a.country if m.head.pos_ == "NOUN" else None)  # only the nationality word on the attack
        elif a.sector in ("UAF", "UNK"):
            continue  # an unnamed attacker placed by the scene (`_unnamed_attacker`): the victims' country too
        elif m.pos_ == "NOUN" and (
            m.lemma_.lower() in nouns or _non_actor_words().get(m.lemma_.lower()) == "thing"
        ):
            # the attack or the weapon stands as actor ("a Saudi-led coalition air strike killed", "Russian missiles")
            lent.add(a.country)
    if t.mode == "deport":  # those deported are foreigners: the deporter's country is never theirs by default
        lent |= {a.country for a in actors}
    lent.discard(None)
    if not lent:
        return recipients
    return [
        replace(r, country=None)
        if r.country in lent and r.kind == "described" and not _says_country(r.text)
        else r
        for r in recipients
    ]


def _fronted(c: Any) -> bool:
    """A phrase set before the clause by a comma ("After two days of talks in Geneva, ..."): its circumstance."""
    # (the parser may hang the clause's subject on the phrase: any comma before the verb closes it)
    return (
        c.dep_ == "prep"
        and c.i == _sent_of(c).start
        and c.i < c.head.i
        and any(t.text == "," for t in _doc_toks(c.doc)[c.i : c.head.i])
    )


_PROTEST_TOPIC = frozenset({"over", "about", "regarding", "concerning"})


def _recipient_search(t: _Trig, taken: set[int]) -> Any | None:
    """Backoff: the nearest named actor (country, group, person) among the trigger's complements and their
    modifiers ("conceded to demands from UNITA", "lifted a curfew in Montenegro", "shared evidence with the U.S.").
    Breadth-first over the parse, nearest first; never the anchor's subject side or a date/number. Taken words (the
    trigger, the actor) are walked through but never returned; prepositions do not count as a step."""
    if _between(t.tok) is not None or (t.anchor.dep_ == "acl" and _between(t.anchor.head) is not None):
        return None  # "talks between X and Y in Tbilisi": both parties act; no third one to look for
    roots = [t.anchor] + ([t.tok] if t.nominal and t.tok.i != t.anchor.i else [])
    queue = [
        (c, 1, 0)
        for r in roots
        for c in _kids(r)
        if (c.dep_ not in _SEARCH_SKIP or _purpose(c)) and not _fronted(c)
    ]
    # the one avenged by a vowed revenge, and all it says of them, is the threat's cause, never its target
    seen: set[int] = _avenged(t.anchor) if t.rule.event == "THREATEN" else set()
    # tier 0: a complement; 1: named as a place ("protested in Brasilia"); 2: inside an adjunct of time or cause
    # ("following the discovery of Russian rockets"). The nearest of the lowest tier wins.
    found: dict[int, Any] = {}
    while queue:
        tok, depth, tier = queue.pop(0)
        if tok.i in seen:
            continue
        seen.add(tok.i)
        moved = t.rule.event in _MOVED and tok.ent_type_ and _entity_root(tok).dep_ in ("dobj", "conj")
        if moved and _forces_named(tok):
            pass  # "ordered HMS Montrose and HMS Defender to escort ...": the ships moved, not their target
        elif (
            tok.ent_type_ in _ACTOR_ENTS or _coded_place(tok) or _mistagged_country(tok)
        ) and tok.i not in taken:  # (the last: a country the recogniser mis-tagged, "Niger" as a title)
            root = _entity_root(tok)
            if tier >= 1 and t.rule.event in _VENUE_EVENTS and _venue(tok, t.rule.event):
                pass  # "talks in Istanbul": the venue hosts the talks, it does not take part in them
            elif t.rule.event == "CONSULT" and tok.ent_type_ in _PLACE_LABELS and _talked_of(root, t):
                pass  # "talks on the withdrawal of troops from Gedo": a place talked of takes no part
            elif tok.ent_type_ == "LOC" and _non_actor_words().get(root.lemma_.lower()) == "place":
                pass  # "seized a ship in the Red Sea": a sea or a river is where, never who
            elif tier >= 1 and t.rule.event not in _MOVED and _border_side(root):
                # "attacked villages near the Chadian border": the neighbour the border faces is no party (troops
                # massed near a border are aimed at the state across it; "Macedonia's border" says whose it is)
                pass
            elif tok.ent_type_ in _SITE_ENTS and (site := _site(tok, t.rule.event)):
                if site == 1:  # a town beside no one else (see `_site`), or the body it modifies
                    found.setdefault(3, _body_at(root) or _lift(root))
            elif _home_place(tok, t):
                pass  # "sent troops to Manipur": the deployment's location, not its recipient
            elif tier == 2 and _party_of_other_event(root):
                pass  # "suspended ... two weeks after the Soleimani killing": the party of the event dated by
            elif root.i not in taken:
                if tier == 0:
                    return _lift(root)
                found.setdefault(tier, _lift(root))
        if tok.lower_ == "according":
            continue
        if tok.dep_ == "prep" and tok.lower_ == "as" and tok.head.i == t.anchor.i:
            continue  # "rejected the sanctions as interference in Bolivia's affairs": a name for the act, no party
        if t.rule.event == "PROTEST" and tok.dep_ == "prep" and tok.lower_ in _PROTEST_TOPIC:
            continue  # "marched over the trade deal with Mercosur": what they protest about, not whom
        if (
            t.rule.event == "PROTEST"
            and tok.dep_ == "prep"
            and tok.lower_ == "with"
            and tok.head.pos_ == "NOUN"
            and tok.head.i not in (t.tok.i, t.anchor.i)
            and not _people_noun(tok.head)
        ):
            continue  # "calling for talks with China", "against a deal with Skopje": the topic's partner
        if tok.dep_ == "prep" and tok.lower_ in _PLACE_PREPS:
            tier = max(tier, 1)
        elif tok.dep_ == "prep" and tok.lower_ in _ADJUNCT_PREPS:
            tier = 2
        step = 0 if tok.dep_ in ("prep", "agent") else 1
        kids = [
            c
            for c in _kids(tok)
            if (c.dep_ not in _SEARCH_SKIP or c.dep_ in ("nsubj", "nsubjpass", "csubj") or _purpose(c))
            and not _absolute_with(c)
        ]
        # past the limit, only a named modifier of the last word ("of [Palestinian] factions")
        if depth + step > 4:
            kids = [c for c in kids if c.dep_ in ("amod", "compound", "poss", "nmod") and c.ent_type_]
        queue += [(c, depth + step, tier) for c in kids]
    if t.rule.event == "PROTEST" and (not found or min(found) >= 1):
        aim = _stated_aim(t.anchor)
        if aim is not None:
            return aim
    return found[min(found)] if found else None


_BORDERS = frozenset({"border", "frontier", "boundary"})


def _border_side(root: Any) -> bool:
    """A nationality naming the side of a border in a place phrase ("near the Chadian border", "along the Thai
    frontier"): it says where, not who."""
    head = root.head
    return (
        root.dep_ in ("amod", "compound", "nmod")
        and head.i != root.i
        and head.lemma_.lower() in _BORDERS
        and head.dep_ == "pobj"
    )


def _party_of_other_event(root: Any) -> bool:
    """A name that modifies an event noun of its own ("the Soleimani killing", "Monday's bombing of Kabul", "the
    killing of Soleimani"): it is that event's party, not one of the event whose time or cause phrase names it."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.dep_ == "prep":
        head = head.head
    elif root.dep_ not in ("compound", "poss", "nmod", "amod"):
        return False
    return head.i != root.i and head.pos_ == "NOUN" and _match_noun(head, _lex()) is not None


def _talked_of(root: Any, t: _Trig) -> bool:
    """A place inside the topic phrase of talks ("held talks on the withdrawal of troops from X in Nairobi"): talked
    of, or the venue the parser hung on the topic; a party in neither case (the location's own reading of the two
    is `dateline.events._where_when._in_topic`)."""
    cur = root
    for _ in range(8):
        head = cur.head
        if head.i == cur.i or head.i in (t.anchor.i, t.tok.i):
            return False
        if head.dep_ == "prep" and head.lower_ in ("on", "about", "over", "regarding", "concerning"):
            talk = head.head
            if talk.i in (t.anchor.i, t.tok.i) or (talk.dep_ == "dobj" and talk.head.i == t.anchor.i):
                return True
        cur = head
    return False


_AIMED_AT = {"government", "regime", "administration", "junta", "president", "leader"}


def _stated_aim(v: Any) -> Any | None:
    """The government a protest's adverbial clause says it aims at ("blocked roads into the capital as they pressed
    their campaign to topple the government of President X"): it, rather than the town named as the place."""
    for c in _kids(v):
        if c.dep_ != "advcl":
            continue
        for tok in c.subtree:
            if tok.lemma_.lower() in _AIMED_AT and tok.dep_ in ("dobj", "pobj") and tok.pos_ == "NOUN":
                return tok
    return None


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
    code_actor = _coder()

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
    recipient; also the "by/from" phrase of a noun in a "with" adjunct ("signed a truce, with monitoring by the
    African Union", "with support from Egypt"): a monitor or backer beside the event."""
    v = tok.head
    if tok.dep_ == "prep" and tok.lower_ in ("by", "from") and v.pos_ == "NOUN" and v.dep_ == "pobj":
        return v.head.lower_ == "with" and v.head.head.i != v.head.i and _is_verb(v.head.head)
    if tok.dep_ == "pobj" and v.lower_ == "with":  # parsed "with [Qatar [mediating]]"
        return any(c.dep_ == "acl" and c.tag_ == "VBG" and c.i > tok.i for c in _kids(tok))
    return tok.dep_ == "nsubj" and v.dep_ == "pcomp" and v.head.lower_ == "with" and v.tag_ == "VBG"


def _coded_place(tok: Any) -> bool:
    """A LOC/FAC entity the actor lexicons place in a country ("a curfew in Algiers" when Algiers is tagged LOC)."""
    if tok.ent_type_ not in ("LOC", "FAC"):
        return False
    code_actor = _coder()

    ent = _entity_of(tok)
    return ent is not None and code_actor(ent.text).country is not None


def _untagged_name(tok: Any) -> bool:
    """A proper name the recogniser left untagged that the actor lexicons code with a country ("Kyiv was attacked",
    "gave 20 million dollars to UNICEF", the names tagged as nothing): it names someone, as a tagged one would."""
    if tok.ent_type_ or not (
        tok.pos_ == "PROPN"
        or (tok.pos_ == "NOUN" and tok.text[:1].isupper() and tok.i != _sent_of(tok).start)
    ):
        return False  # (an acronym the tagger took for a common noun, "UNICEF"/NN, counts)
    code_actor = _coder()

    return code_actor(tok.text).country is not None


def _passive_actor(t: _Trig, lex: _Lex) -> Any | None:
    """Who acts in an agentless passive, when the clause still names them: "was killed in a US drone strike" (the
    strike's owner), "British staff were relocated" / "Dutch troops were deployed" (the moved forces' country)."""
    a = t.anchor
    if a.dep_ == "acl" and a.tag_ == "VBN" and a.head.i != a.i:
        parties = _between(a.head)  # "the ceasefire between X and Y, signed on Monday": X and Y signed it
        if parties is not None:
            return parties
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in _kids(a)):
        return _dated_subject(a)
    for c in _kids(a):
        # "was raided on Wednesday by Kosovo police acting on a court order": the parser reads the agent as the
        # subject of the participle after it (a gerund clause under "by"); the agent all the same
        if c.dep_ == "agent":
            for g in _kids(c):
                if g.dep_ == "pcomp" and g.tag_ == "VBG":
                    who = next((x for x in _kids(g) if x.dep_ == "nsubj" and x.i < g.i), None)
                    if who is not None and _actor_like(who, lex):
                        return who
    if t.rule.event not in _FORCE_EVENTS:
        owner = _own_activity(a)
        if owner is not None:
            return owner
    for c in _kids(a):
        if c.dep_ == "prep" and c.lower_ in ("in", "by"):
            for g in _kids(c):
                if g.dep_ == "pobj" and _match_noun(g, lex) is not None:
                    owner = _proposer(g)
                    if owner is not None and owner.ent_type_ in ("NORP", "GPE"):
                        return owner
                    if owner is None and t.rule.event == "ASSAULT" and _attack_noun(g, lex):
                        return g  # "killed in a car bomb attack": no one named (`_unnamed_attacker`)
    if t.mode == "release":  # "two aid workers held by JNIM were released": who held them frees them
        for c in _kids(a):
            if c.dep_ == "nsubjpass":
                held = next((x for x in _kids(c) if x.dep_ == "acl" and x.tag_ == "VBN"), None)
                agent = next((g for x in _kids(held) if x.dep_ == "agent" for g in _kids(x)
                              if g.dep_ == "pobj"), None) if held is not None else None  # fmt: skip
                if agent is not None and _actor_like(agent, lex):
                    return agent
    if t.rule.event in _MOVED and t.rule.event != "AID" and t.mode != "release":
        # (not "two Spanish aid workers were released": whom a release frees did not act)
        for c in _kids(a):
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


def _dated_subject(v: Any) -> Any | None:
    """ "On Tuesday Bishkek accused Dushanbe ...": a day name run into the subject after a fronted "On", parsed as
    one object of the preposition ("Tuesday Bishkek"), leaves the verb with no subject; the named state is it."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in _kids(v)):
        return None
    for c in _kids(v):
        if c.dep_ == "prep" and c.i < v.i:
            for g in _kids(c):
                if (
                    g.dep_ == "pobj"
                    and g.i == v.i - 1
                    and g.pos_ == "PROPN"
                    and g.ent_type_ not in ("DATE", "TIME")
                    and any(x.dep_ == "compound" and x.ent_type_ == "DATE" for x in _kids(g))
                    and _country_named_or_capital(g)
                ):
                    return g
    return None


def _country_named_or_capital(tok: Any) -> bool:
    """Whether tok names a state by its name or its capital ("Bishkek", "Tajikistan")."""
    code_actor = _coder()

    a = code_actor(tok.text)
    return a.kind in ("country", "capital") or (a.country is not None and a.sector == "GOV")


def _forces_named(tok: Any) -> bool:
    """A named ship, unit or force ("HMS Montrose", "the 82nd Airborne Division"): what a deployment moves."""
    code_actor = _coder()

    ent = _entity_of(tok)
    return ent is not None and code_actor(ent.text).sector in ("MIL", "COP", "SPY")


def _country_named(tok: Any) -> bool:
    """Whether tok names a country or territory, whatever the recogniser tagged it ("Niger" read as a PERSON)."""
    code_actor = _coder()

    ent = _entity_of(tok)
    a = code_actor(ent.text if ent is not None else tok.text)
    return tok.pos_ == "PROPN" and a.kind == "country" and a.name is not None


# "remains suspended": the parser's auxiliary of a stative passive (by form: its lemma may be left unreduced)
_STATIVE = {"remain", "remains", "remained", "stay", "stays", "stayed"}


def _activity_subject(v: Any) -> Any | None:
    """The passive subject of v, or the subject of a stative passive ("NATO's mission remains suspended", where the
    parser may hang the subject on the auxiliary)."""
    subj = next((c for c in _kids(v) if c.dep_ == "nsubjpass"), None)
    aux = next((c for c in _kids(v) if c.dep_ == "auxpass" and c.lower_ in _STATIVE), None)
    if subj is None and aux is not None:
        subj = next((c for c in [*_kids(v), *_kids(aux)] if c.dep_ == "nsubj"), None)
    return subj


def _own_activity(v: Any) -> Any | None:
    """The owner of an activity a passive says was stopped, changed or resumed ("the NATO mission was suspended",
    "Russia's exercises were cancelled"): a body's or state's own undertaking, which it decides on (not someone it
    is aimed at). The named owner, else None."""
    code_actor = _coder()

    subj = _activity_subject(v)
    if subj is None or subj.pos_ != "NOUN" or subj.ent_type_ or code_actor(subj.lemma_.lower()).sector:
        return None  # (by the noun alone: a "naval mission" is still a mission, not the navy)
    if _non_actor_words().get(subj.lemma_.lower()) in ("place", "time"):
        return None
    for c in _kids(subj):
        if c.dep_ in ("compound", "poss", "amod") and c.ent_type_ in ("ORG", "GPE", "NORP") and c.i < subj.i:
            return _entity_root(c)
    return None


def _cut_before(a: Actor, tok: Any, res: _Resolver) -> Actor:
    """The actor's span cut before `tok` when it runs over it ("the 52 Americans [held hostage in Tehran]")."""
    if not (a.start < tok.idx < a.end):
        return a
    end = a.start + len(res.text[a.start : tok.idx].rstrip())
    return replace(a, text=res.text[a.start : end], end=end)


_HELD_STATES = {"hostage", "captive", "prisoner"}  # bare state nouns: "held hostage", "taken prisoner"
_KEEPING_IN = {"hold", "keep", "take", "seize"}  # verbs that leave someone in a state (`_state_patient`)


def _state_patient(a: Any) -> Any | None:
    """Who a verb leaves or holds in a state, when the parse makes them its subject: "52 Americans held hostage"
    (a reduced relative the small model reads as an active verb with "hostage" as object), "the aid workers held
    captive", "soldiers [left] seriously injured" (a bare participle with a subject and no auxiliary)."""
    kids = list(_kids(a))
    state = [
        c for c in kids
        if c.dep_ in ("dobj", "oprd", "attr", "acomp") and c.lemma_.lower() in _HELD_STATES and c.tag_ in ("NN", "JJ")
        and a.lemma_.lower() in _KEEPING_IN and not any(g.dep_ in ("det", "nummod", "amod", "poss") for g in _kids(c))
    ]  # fmt: skip
    if a.lemma_.lower() == "come" and any(c.dep_ == "prep" and c.lower_ == "under" for c in kids):
        return next((c for c in kids if c.dep_ == "nsubj"), None)  # "the convoy came under fire": the target
    if state:
        if any(c.dep_ == "dobj" and c.lemma_.lower() not in _HELD_STATES for c in kids):
            return None  # "rebels held 14 aid workers hostage": the workers are the object already
        named = [g for g in _kids(state[0]) if g.dep_ == "compound" and g.pos_ in ("NOUN", "PROPN")]
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
        prev = _doc_toks(a.doc)[
            a.i - 1
        ]  # "the 52 Americans held hostage": the noun the reduced relative follows
        if prev.pos_ in ("NOUN", "PROPN") and prev.i < a.i:
            return prev
    return None


def _town(tok: Any) -> bool:
    """Whether the place entity holding tok names a town or site, not a state or a seat of government: the actor
    lexicons know it as a place or city, or as nothing at all, or code it as its people ("Jeddah")."""
    from dateline.actors import _scan, _tok, code_actor

    ent = _entity_of(tok)
    if ent is None:
        return False
    found = _scan(_tok(ent.text), None)
    if not found:
        return True
    if len(found) != 1:
        return False
    kind = found[0].kind
    return kind in ("place", "city") or (kind == "country" and code_actor(ent.text).sector == "CVL")


def _between(noun: Any) -> Any | None:
    """The first of the parties an act noun names with "between" ("the ceasefire between X and Y", "talks between
    X and Y"): they are who acts, together (their conjuncts come with it)."""
    for c in _kids(noun):
        if c.dep_ == "prep" and c.lower_ == "between":
            g = next((g for g in _kids(c) if g.dep_ == "pobj"), None)
            if g is not None and not (g.ent_type_ or _people_noun(g)):
                # "between [Pashinyan and Kobakhidze] ... promises", parsed with the names as a noun's modifier
                g = next((m for m in _kids(g) if m.dep_ in ("nmod", "compound") and m.conjuncts
                          and m.ent_type_ in _ACTOR_ENTS), g)  # fmt: skip
            if g is not None and (g.conjuncts or g.tag_ in ("NNS", "NNPS")) and _actor_like(g, _lex()):
                return g
    return None


def _by_agent(noun: Any, lex: _Lex) -> Any | None:
    """The "by" agent of an event noun ("the seizure of a boat by North Korean patrol boats", "the shelling of
    Stepanakert by Azerbaijani artillery"), also when the parser hangs "by" on the last noun of the "of" object
    ("a boat with 12 crew [by ...]"): whoever it names acts, else None."""
    # (the "of" object's right edge only: a bounded walk down right-hand children, not a scan of the sentence)
    seen, node = 0, noun
    while node is not None and seen < 6:
        seen += 1
        for c in _kids(node):
            if c.dep_ in ("prep", "agent") and c.lower_ == "by" and c.i > noun.i:
                g = next((g for g in _kids(c) if g.dep_ == "pobj"), None)
                if g is not None and (_actor_like(g, lex) or _says_country(g.text)):
                    return g
        right = [c for c in _kids(node) if c.i > node.i and c.dep_ in ("prep", "pobj")]
        node = right[-1] if right else None
    return None


def _nominal_actor(t: _Trig) -> Any | None:
    parties = _between(t.tok)
    if parties is not None:
        return parties
    for c in _kids(t.tok):
        if c.dep_ == "compound" and c.ent_type_ in ("GPE", "LOC", "FAC") and _town(c):
            continue  # "the Jeddah ceasefire", "the Baidoa car bomb": the town where it happened, not a party
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")):
            return c
    agent = _by_agent(t.tok, _lex())
    if agent is not None:
        return agent
    if t.rule.event in _MOVED and _of_force(t.tok, _lex()):
        # "the arrival of two British frigates": the force's owner moved it
        for c in _kids(t.tok):
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in _kids(c):
                    owner = _proposer(_partitive(g)) if g.dep_ == "pobj" else None
                    if owner is not None and owner.ent_type_ in ("NORP", "GPE") and _says_country(owner.text):
                        return owner
    if t.rule.event == "ASSAULT" and _attack_noun(t.tok, _lex()):
        return t.tok  # "died in a roadside bombing": the act names no one (`_unnamed_attacker`)
    return None
