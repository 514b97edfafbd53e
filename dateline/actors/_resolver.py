"""Actors, layer 6: within-document resolution (`ActorResolver`, `resolver_for`): the document's
people, titles, pronouns, outlets and countries."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from typing import Any

from dateline.actors._coding import (
    _ETHNIC,
    _code_cached,
    _longer_place,
    _pair_of_officials,
    _read_in_sentence,
    _town_weight,
)
from dateline.actors._context import _in_running_text, _placed_entity, _story_town
from dateline.actors._lexicon import (
    _GROUP_CODES,
    _ethnic_groups,
    _lex,
    _Lexicon,
    _namesake_firsts,
    _namesakes,
    _office_country,
    _regional,
)
from dateline.actors._match import _all_places, _Match, _pick, _scan
from dateline.actors._rules import (
    _PLACE_NOUNS,
    _after_place_prep,
    _conjuncts,
    _leading_head,
    _place_country,
    _shared_head,
)
from dateline.actors._titles import _outlet_name, _Titles, _url_country
from dateline.actors._words import (
    _HONORIFICS,
    _INSTITUTIONAL,
    _LOCAL_ARMED,
    _NOT_OWNER,
    _OFFICIAL,
    _POLITICAL,
    _PRONOUNS,
    _QUANTITIES,
    _STATE_NOUNS,
    _norm,
    _singular,
    _tok,
)
from dateline.model import Actor, Document, Entity

# --------------------------------------------------------------------------- within-document resolution


@dataclass
class _Known:
    """An actor mentioned in the document, for later back-references."""

    actor: Actor
    gender: str = ""  # m|f|"" (unknown)
    plural: bool = False
    label: str = ""  # spaCy entity label


_JOINED = re.compile(r"\s+and\s+(?:the\s+)?", re.I)  # what lies between two coordinated actors
_JOIN_REACH = 2000  # how far before a span a coordinated actor's mention may start (its text and the "and")
# bodies that sit in their own country (courts, legislatures, the opposition): a place that qualifies them says whose
# they are; not governments' envoys and forces, often abroad ("the embassy in Kabul", "troops in Mali")
_SEATED = {"JUD", "LEG", "OPP"}


def _cityish(m: _Match, toks: list[tuple[str, str, int, int]]) -> bool:
    """The match names a city: a capital, city or province, or a city the derived lexicon files as a country."""
    if m.kind in ("capital", "city", "place"):
        return True
    return m.kind == "country" and " ".join(t[0] for t in toks[m.i : m.j]) in _lex().city_aliases


# prepositions that place a clause's subject where its verb happens ("attacked a post in Burundi")
_LOCATIVE = {"in", "inside", "near", "outside", "across", "throughout", "within", "around"}


_BORDERS = {"border", "borders", "frontier", "frontiers", "boundary"}


def _at_border(toks: list[tuple[str, str, int, int]], i: int, j: int) -> bool:
    """The place tokens [i, j) name the other side of a border ("on the Thai border", "near the border with
    Algeria"): where a people's fighters are, not whose they are."""
    if j < len(toks) and toks[j][0] in _BORDERS:
        return True
    return i >= 2 and toks[i - 1][0] == "with" and toks[i - 2][0] in _BORDERS


def _town(text: str) -> bool:
    """The words name a capital, city or province, not a country ("Havana", "Geneva")."""
    lex = _lex()
    n = _norm(text)
    n = n[4:] if n.startswith("the ") else n
    if n in lex.state_names or _singular(n) in lex.state_names:
        return False
    return bool(n in lex.city_aliases or lex.capitals.get(n) or lex.cities.get(n) or lex.places.get(n))


# what the headline's one country and the first sentence's one country weigh in `_doc_country` (a mention in the
# body weighs 2): enough to outweigh a neighbour the body names three times, not a story that moves elsewhere
_HEAD_WEIGHT = 8
_LEAD_WEIGHT = 6


def _nationality(toks: list[tuple[str, str, int, int]], i: int, j: int, states: set[str]) -> bool:
    """Whether the country words toks[i:j] are a nationality word ("Honduran", "Italian", "Sudanese"), not the
    state's name ("Honduras", "Burma's", "Sudan")."""
    key = " ".join(t[0] for t in toks[i:j])
    if key in states or (j < len(toks) and toks[j][0] in ("'s", "\u2019s")):
        return False
    return key.endswith(("an", "ese", "i", "ish", "ch"))


class ActorResolver(_Titles):
    """Resolve spans of one document to actors. Built once per document in one pass over its entities;
    `resolve` is then a few dict lookups (plus a bisect-free backward scan for pronouns)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.date = (doc.published or "")[:10] or None
        lex = _lex()
        self._by_key: dict[str, _Known] = {}  # full name, surname, "mr surname", title -> person/org
        self._mentions: list[tuple[int, _Known]] = []  # (start offset, known actor) in text order
        self._surnames: dict[str, set[str]] = {}
        # "the foreign secretary" -> (offset, person) for everyone given that title
        self._titles: dict[str, list[tuple[int, _Known]]] = {}
        # sentence index -> (country, start offset) of each place it names
        self._places: dict[int, list[tuple[str, int, bool]]] = {}  # (..., whether the place is a town)
        self._named: dict[int, set[str]] = {}  # sentence index -> countries it names (see `_namesake`)
        # sentence index -> its tokens and lexicon matches, scanned once for every look-up that reads them
        self._scans: dict[int, tuple[list[tuple[str, str, int, int]], list[_Match]]] = {}
        self._bare = False  # resolve from the span's own words and the document's actors only (no context)
        # (start, end) -> the parse's Span there, start -> the token at it (see `_char_span`), for the Doc `_parse`
        self._spans: dict[tuple[int, int], Any] = {}
        self._at: dict[int, Any] = {}
        self._parse: Any = None
        self.country = self._doc_country(lex)
        text = doc.text
        if self.date is None:
            # no publication date: the offices the text gives its people ("the Defence Secretary, Ben Wallace")
            # date it, so that the others are coded with the office they held then, not today's
            self.date = self._office_date(lex)
        for ent in doc.entities:
            if ent.label not in ("PERSON", "ORG", "GPE", "NORP", "FAC"):
                continue
            coded = _placed_entity(_code_cached(ent.text, None, self.date), ent, text, self.country)
            name, country, sector, kind = coded  # ("Police in Busia": the town)
            facility = kind == "organisation" and name is None  # "Al Asad Air Base": see `_facility`
            if facility:
                name = ent.text
            # the small model sometimes calls a person an ORG: trust the lexicon when it knows the person
            # ... and the other way round: a party, a country or a base the lexicon or the words know ("Labour")
            is_person = (
                ent.label == "PERSON"
                and not (
                    kind == "organisation"
                    or (kind == "country" and (name is not None or _all_places(ent.text)))
                )
            ) or (kind == "person" and name is not None)
            listed = name is not None
            if is_person:
                kind = "person"
                name = name or self._clean_name(ent.text)
            elif (ent.label == "ORG" and kind in ("unknown", "described", "person")) or (
                ent.label == "FAC" and kind in ("unknown", "described", "person")
            ):
                kind = "organisation"  # "Al Asad": a facility or body whose name the lexicons do not know
                name = name or ent.text
            gender = ""
            if is_person:
                # a title or honorific right before the name ("Foreign Secretary William Hague", "Mrs May")
                title_sector, title_country, title_keys, gender = self._title_before(text, ent.start)
                if not title_sector:  # "Qatar's emir, Sheikh Hamad": a lower-case title set off by a comma
                    title_sector, title_country = self._comma_title(text, ent.start)
                if not title_sector:  # "Musa Bello, the Nigerian interior minister,": the apposition's office
                    title_sector, title_country = self._appos_code(text, ent.end)
                if not sector and title_sector:
                    sector = title_sector
                if not country:
                    country = title_country or None
                if not country and (sector in _INSTITUTIONAL or (title_sector and not listed)):
                    # "President X" nobody lists: an office holder of the story's country; so is someone the text
                    # describes by a role only ("journalist Erick Kabendera" in a Tanzanian story)
                    country = self.country or None
                actor = Actor(ent.text, ent.start, ent.end, name, country, sector, "person")
                known = _Known(actor, gender)
                for key in [*title_keys, *self._appos_title(text, ent.end)]:
                    self._titles.setdefault(key, []).append((ent.start, known))
                words = _norm(name).split()
                if words:
                    self._by_key.setdefault(_norm(name), known)
                    self._by_key.setdefault(_norm(ent.text), known)
                    if len(words) > 1:
                        self._surnames.setdefault(words[-1], set()).add(_norm(name))
                        self._by_key.setdefault(words[-1], known)
                        for h in _HONORIFICS:
                            self._by_key.setdefault(f"{h} {words[-1]}", known)
                    written = _norm(self._clean_name(ent.text)).split()
                    if len(written) > 2:  # a two-word surname ("Mr Abdul Mahdi" for Adel Abdul Mahdi)
                        last2 = " ".join(written[-2:])
                        self._by_key.setdefault(last2, known)
                        for h in _HONORIFICS:
                            self._by_key.setdefault(f"{h} {last2}", known)
            else:
                span = self._expand_norp(ent) if ent.label == "NORP" else None
                if span is not None:  # "Iraqi" -> "Iraqi forces", a group that "they" can refer back to
                    s_start, s_end, plural = span
                    _, country, sector, kind = _code_cached(text[s_start:s_end], None, self.date)
                    actor = Actor(text[s_start:s_end], s_start, s_end, None, country, sector, kind)
                    known = _Known(actor, "", plural, "NORP")
                else:
                    if not country and kind == "organisation" and sector in _INSTITUTIONAL and not facility:
                        country = self.country or None  # a rebel front the lexicon places nowhere
                    actor = Actor(ent.text, ent.start, ent.end, name, country, sector, kind)
                    known = _Known(actor, "", ent.text.endswith("s"), ent.label)
                    self._by_key.setdefault(_norm(ent.text), known)
            self._mentions.append((ent.start, known))
        # two people share a surname: a bare surname (or "Mr X") means the one mentioned last before it
        self._shared: dict[str, list[tuple[int, _Known]]] = {}
        for surname, names in self._surnames.items():
            if len(names) > 1:
                self._shared[surname] = [
                    (pos, k)
                    for pos, k in self._mentions
                    if k.actor.kind == "person" and _norm(k.actor.name or "") in names
                ]
                for key in [surname, *(f"{h} {surname}" for h in _HONORIFICS)]:
                    self._by_key.pop(key, None)
        self._mention_pos = [pos for pos, _ in self._mentions]  # (for `_mentions_in`)

    def _mentions_in(self, lo: int, hi: int) -> list[tuple[int, _Known]]:
        """The mentions that start in [lo, hi), in text order: found by binary search, so that a long document
        stays linear (every look-up used to walk all of the document's mentions)."""
        pos = self._mention_pos
        return self._mentions[bisect_left(pos, lo) : bisect_left(pos, hi)]

    def _sentence_scan(self, i: int) -> tuple[list[tuple[str, str, int, int]], list[_Match]]:
        """Tokens and lexicon matches (`_scan`) of sentence `i`, computed once per document."""
        got = self._scans.get(i)
        if got is None:
            sent = self.doc.sentences[i]
            toks = _tok(self.doc.text[sent.start : sent.end])
            got = self._scans[i] = (toks, _scan(toks, self.date))
        return got

    def _char_span(self, start: int, end: int) -> Any:
        """`Doc.char_span(start, end, alignment_mode="expand")` of the document's parse (None without one), built
        once per span: the look-ups below ask for the same words again and again (speed; the Doc is not changed)."""
        sdoc = self.doc.spacy
        if sdoc is None:
            return None
        if sdoc is not self._parse:  # (a document parsed again: forget the old Doc's spans)
            self._parse, self._spans, self._at = sdoc, {}, {}
        key = (start, end)
        if key not in self._spans:
            self._spans[key] = sdoc.char_span(start, end, alignment_mode="expand")
        return self._spans[key]

    def _token_at(self, pos: int) -> Any:
        """The first token of `_char_span(pos, pos + 1)` (the token at character `pos`), None if there is none."""
        if self.doc.spacy is self._parse and pos in self._at:
            return self._at[pos]
        span = self._char_span(pos, pos + 1)
        tok = self._at[pos] = span[0] if span is not None else None
        return tok

    # -- building helpers
    def _expand_norp(self, ent: Entity) -> tuple[int, int, bool] | None:
        """A nationality adjective's noun ("British" in "British troops") -> (start, end, plural), via the parse."""
        sdoc = self.doc.spacy
        if sdoc is None:
            return None
        span = sdoc.char_span(ent.start, ent.end, alignment_mode="expand")
        if span is None:
            return None
        head = span.root.head
        if head.i <= span.root.i or head.pos_ not in ("NOUN", "PROPN") or head.i - span.end > 2:
            return None
        return ent.start, head.idx + len(head.text), head.tag_ in ("NNS", "NNPS")

    def _story_cues(self) -> tuple[str, str]:
        """The one country the headline names ("Honduras's long October", "Unrest spreads in Senegal", "A tense
        night in Tegucigalpa") and the one the first sentence names ("Ecuador declared a state of emergency ...",
        "Moldova held a referendum", "KAMPALA (Wire) - ..."), each "" when it names none or several (a seat or
        a known person names their country too: "US Defense Secretary Pete Hegseth said Washington ... from Poland";
        a body's name, read alone, is not: "Peru's Congress" is no US Congress)."""

        states = _lex().state_names

        def one(
            toks: list[tuple[str, str, int, int]], matches: list[_Match], also: str | set[str] = ""
        ) -> str:
            # a nationality word is no cue: it may be who the story is about, not where ("frees Italian aid
            # worker", "Ugandan soldiers crossed the lake" in a story of Kenyan towns)
            found = {
                m.country
                for m in matches
                if (
                    # (a town or province counts as its country: "Curfew for Puno as talks in La Paz go well"
                    # names two, Peru and Bolivia, so no one country)
                    m.kind in ("capital", "seat", "city", "place")
                    or (m.kind == "country" and not _nationality(toks, m.i, m.j, states))
                    or (m.kind == "actor" and m.akind == "person")
                )
                and m.country
                and m.country not in _GROUP_CODES
            } | (({also} if isinstance(also, str) else also) - {""})
            return found.pop() if len(found) == 1 else ""

        title = (self.doc.title or "").strip()
        title = title.title() if title.isupper() else title
        head = ""
        if title:
            ttoks = _tok(title)
            # a town the body's places resolved counts as its country in the headline too ("Army storms Tamara
            # prison; Nicaragua moves troops to border": a Honduran town and Nicaragua, so no one country)
            towns = {
                p.country
                for p in self.doc.places or ()
                if p.country
                and p.text[:1].isupper()
                and re.search(rf"(?<!\w){re.escape(p.text)}(?!\w)", title)
            }
            head = one(ttoks, _scan(ttoks, self.date), towns)
        lead = ""
        # (a lead is a lead of a body: one sentence alone is counted as a whole)
        if len(self.doc.sentences) > 1:
            # the wire dateline's place stands for itself, its agency's words do not ("Central American Wire")
            wire = (self.doc.extra or {}).get("wire_dateline") or {}
            after = wire.get("end", 0) if isinstance(wire, dict) and isinstance(wire.get("end"), int) else 0
            toks, matches = self._sentence_scan(0)
            at = self.doc.sentences[0].start
            lead = one(toks, [m for m in matches if at + toks[m.i][2] >= after], self._dateline_country())
        return head, lead

    def _doc_country(self, lex: _Lexicon) -> str:
        head, lead = self._story_cues()
        outlet = lex.outlets.get(_norm(self.doc.outlet)) if self.doc.outlet else None
        # "northernledger.co.uk": an outlet the lexicon does not list, placed by its country domain
        outlet = outlet or _url_country(self.doc.url)
        if outlet and not (head and head != outlet):
            return outlet  # (a British paper's "a senior defence source"), unless its headline is about Mali
        counts: Counter[str] = Counter()
        # the story's country is what the headline and the first sentence name: a neighbour or a donor the body
        # names more often is another party ("Nicaragua moved troops to the border" in a Honduran story)
        counts[head] += _HEAD_WEIGHT
        counts[lead] += _LEAD_WEIGHT
        # towns named (not capitals, nor "Thai"): a tie goes to where the story happens, not who acts in it
        where: Counter[str] = Counter()
        for ent in self.doc.entities:
            if ent.label in ("GPE", "NORP", "LOC", "FAC"):  # (FAC: "in Petion-Ville")
                n = _norm(ent.text)
                n = n[4:] if n.startswith("the ") else n
                c = lex.countries.get(n) or lex.countries.get(_singular(n)) or lex.capitals.get(n)
                where[c or ""] += bool(c) and n in lex.city_aliases and ent.label not in ("NORP", "FAC")
                counts[c or ""] += 2 if c and ent.label != "FAC" else 0  # ("talks in La Paz": a venue)
                town = None if c else _town_weight(lex, self.doc.text, ent, n)  # "Homa Bay"
                if town:
                    counts[town[0]] += town[1]
                    where[town[0]] += 1
            elif ent.label in ("ORG", "PERSON"):
                if ent.label == "ORG" and _outlet_name(ent.text):
                    continue  # "Radio Juba Valley said": who reports, not where the story happens
                # "the National Union for the Total Independence of Angola", a known leader: a weaker hint
                c = _code_cached(ent.text, None, self.date)[1]
                if c and c not in _GROUP_CODES:
                    counts[c] += 1
        wire = self._dateline_country()
        if wire:  # "BUENOS AIRES (Reuters) -": where it is filed from, as one more mention
            counts[wire] += 2
        counts.pop("", None)
        top = max(counts.values(), default=0)
        return max((c for c in counts if counts[c] == top), key=lambda c: where[c], default="")

    # -- resolution
    def resolve_all(self, start: int, end: int) -> list[Actor]:
        """Every actor in a coordinated span: "Hungarian and Romanian officials" -> [HUN GOV, ROU GOV],
        "Putin and Xi" -> [Putin, Xi]. A span that is not a coordination (or names one thing, "Bosnia and
        Herzegovina") gives one actor, the same as `resolve`."""
        text = self.doc.text[start:end]
        parts = _conjuncts(text, self.date)
        if len(parts) < 2:
            return [self.resolve(start, end)]
        out: list[Actor] = []
        last_s, last_e = parts[-1]
        head = _shared_head(text[last_s:last_e], self.date)
        lead = _leading_head(text[parts[0][0] : parts[0][1]], self.date)
        for s, e in parts:
            a = self.resolve(start + s, start + e)
            if head and (s, e) != (last_s, last_e) and a.country and not a.sector and a.kind == "country":
                # a bare nationality borrows the head noun of the last conjunct ("Hungarian [officials]")
                _, c, sec, _ = _code_cached(f"{text[s:e]} {head}", None, self.date)
                a = Actor(a.text, a.start, a.end, None, c or a.country, sec, "described")
            elif lead and s > parts[0][0] and a.country and not a.sector and a.kind == "country":
                # a bare country borrows the role before "of" of the first conjunct ("the leaders of France and
                # [the leaders of] Germany")
                _, c, sec, _ = _code_cached(f"{lead} {text[s:e]}", None, self.date)
                if sec:
                    a = Actor(a.text, a.start, a.end, None, c or a.country, sec, "described")
            if not (a.name or a.country or a.sector):
                return [self.resolve(start, end)]  # "law and order": not a list of actors
            out.append(a)
        return out

    def resolve(self, start: int, end: int) -> Actor:
        """Resolve doc.text[start:end] to an Actor (text/start/end as given)."""
        a = _story_town(self._resolve(start, end), self.country)  # ("Miraflores" in a story from Peru)
        a = self._namesake(a) if a.country and not self._bare else a
        return a if self._bare else _in_running_text(a, self.doc.text, self.country)  # ("Police in Busia")

    def _namesake(self, a: Actor) -> Actor:
        """A city name that cities of several countries share ("Tripoli", "Cartagena"): when the sentence names
        none of the coded country but one other country where a namesake of comparable size stands ("the north
        Lebanese port", "Colombia's government"), the city is that country's."""
        toks = _tok(a.text)
        if not any(t[0] in _namesake_firsts() for t in toks):
            return a  # (fast path: no word of the span starts a shared city name)
        i = self.doc.sentence_of(a.start)
        if i < 0:
            return a
        for m in _scan(toks, self.date):
            if m.country != a.country or not _cityish(m, toks):
                continue
            alt = self._namesake_country(" ".join(t[0] for t in toks[m.i : m.j]), a.country, i)
            if alt != a.country:
                whole = m.i == 0 and m.j == len(toks)
                sector = "CVL" if whole and a.sector == "GOV" else a.sector  # no capital there: its people
                return Actor(a.text, a.start, a.end, None if whole else a.name, alt, sector, a.kind)
        return a

    def _namesake_country(self, name: str, country: str, sent: int) -> str:
        """The country of the city `name` (coded `country`) in sentence `sent`: the one other country the sentence
        names where a namesake at least a tenth the size stands ("London, Ontario" is no rival to London), else
        `country`."""
        sizes = _namesakes().get(name)
        if not sizes:
            return country
        named = self._named.get(sent)
        if named is None:
            stoks, smatches = self._sentence_scan(sent)
            named = self._named[sent] = {
                m.country for m in smatches if m.kind in ("country", "seat") and not _cityish(m, stoks)
            } - {"", None}  # fmt: skip
        if country in named:
            return country
        alt = [c for c in named if c in sizes and sizes[c] * 10 >= sizes.get(country, 0)]
        return alt[0] if len(alt) == 1 else country

    def _resolve(self, start: int, end: int) -> Actor:
        text = self.doc.text[start:end]
        key = _norm(text)
        words = key.split()
        if len(words) == 1 and words[0] in _PRONOUNS and not text.strip().isupper():
            return self._pronoun(text, start, end, _PRONOUNS[words[0]])
        stripped = " ".join(w for w in words if w not in ("the", "a", "an"))
        if words and words[-1] in self._shared and (len(words) == 1 or words[0] in _HONORIFICS):
            before = [k for pos, k in self._shared[words[-1]] if pos < start]
            if before:
                a = before[-1].actor
                return Actor(text, start, end, a.name, a.country, a.sector, "person")
        for k in (key, stripped):
            holders = [kn for pos, kn in self._titles.get(k, []) if pos < start]
            if holders:
                # several people with one title ("the President"): the one from the story's country, else the first
                home = [kn for kn in holders if self.country and kn.actor.country == self.country]
                a = (home or holders)[0].actor
                return Actor(text, start, end, a.name, a.country, a.sector, "person")
        for k in (key, stripped):
            known = self._by_key.get(k)
            if known is not None and known.actor.kind == "described" and not known.actor.country:
                break  # "Kurds", "Sunnis": a people with no country of its own, placed by the context below
            if known is not None and (known.actor.start < start or known.actor.start == start):
                a = known.actor
                if a.kind == "country" and not a.sector and self._people_plural(start, end):
                    return Actor(text, start, end, None, a.country, "CVL", "described")  # "Bosnian Serbs"
                return Actor(text, start, end, a.name, a.country, a.sector, a.kind)
        context = None
        if _ETHNIC & set(words):
            i = self.doc.sentence_of(start)
            if i >= 0:
                sent = self.doc.sentences[i]
                context = self.doc.text[sent.start : sent.end]
        name, country, sector, kind = _code_cached(text, context, self.date)
        if context is None and not self._bare and (i := self.doc.sentence_of(start)) >= 0:
            # names whose reading their sentence decides ("the Social Democrats in Denmark", "The EC declared ...
            # the winner of Ghana's election", "Santos signed the accord with the FARC in Bogota")
            sent = self.doc.sentences[i]
            name, country, sector, kind = _read_in_sentence(
                text, self.doc.text[sent.start : sent.end], self.date, (name, country, sector, kind)
            )
        if name is None and not country and not sector:
            for pos, known in self._mentions_in(
                start + 1, end
            ):  # "Sheikh Hamad bin Khalifa": a person named at the span's end
                if known.actor.end == end and known.actor.kind == "person":
                    if self.doc.text[start:pos].strip()[:1].isupper():
                        a = known.actor
                        return Actor(text, start, end, a.name, a.country, a.sector, "person")
        if not country and kind in ("person", "described") and sector in _INSTITUTIONAL:
            country = _office_country(stripped)  # "the Foreign Secretary", no holder named: a British office
        collective = bool(words) and (
            (words[-1] in _STATE_NOUNS and sector == "GOV")
            or (words[0] == "foreign" and sector not in _INSTITUTIONAL)
        )  # "Muslim countries", "Gulf states": several states; "foreign journalists": from elsewhere
        if (
            not country
            and kind == "described"
            and (_regional(stripped) or collective)
            and sector not in _LOCAL_ARMED
        ):
            # "West African leaders", "European diplomats": a regional construct, no state (the manual)
            return Actor(text, start, end, name, None, sector, kind)
        if not country and (
            kind == "described"
            or (kind == "person" and sector in _INSTITUTIONAL)
            or (kind == "organisation" and sector in _INSTITUTIONAL and name is not None)  # not a base
        ):
            # "a senior defence source" in a British paper, "President X", a rebel front the lexicon places nowhere;
            # a sentence that says where it happens ("troops in the Philippines ... against guerrillas") first
            if self._bare:  # asked for its own words only (see `_clause_country`)
                return Actor(text, start, end, name, None, sector, kind)
            if kind == "described" and _pair_of_officials(words, sector):  # "the two ministers"
                return Actor(text, start, end, name, None, sector, kind)
            if kind == "described" and "here" in words:
                # "officers here": where the reporter files from, the wire dateline's place, else the story's
                return Actor(
                    text, start, end, name, self._dateline_country() or self.country or None, sector, kind
                )
            if kind == "described" and _ethnic_groups() & {_singular(w) for w in words}:
                # "Hutu rebels": a people of several states, placed by the sentence, else the story's country
                # unless the sentence names that country as another party ("talks brokered by South Africa")
                return Actor(text, start, end, name, self._ethnic_country(start, end), sector, kind)
            # an unqualified "the government" of a story whose country is known: a town the clause happens in
            # ("resumed talks in Havana") is a venue, not its country
            venues = kind == "described" and sector == "GOV" and bool(self.country)
            political = self._fronted_place(start) if kind == "described" else ""
            if not political and kind == "described" and sector == "GOV":
                political = self._armed_partner(start, end)  # "the government and the M23": Congo's
            if not political and kind == "described" and words[0] in ("its", "their"):
                political = self._clause_country(start, end, owned=True)
            if not political and kind == "described" and sector in _SEATED:
                # "a court in Ankara", "the parliament in Kyiv": a body that sits in its own country is where the
                # phrase that qualifies it puts it, whatever capital reacts ("Berlin protested after a court ...")
                political = self._own_place(start, end)
            if not political and kind == "described" and (sector in _POLITICAL or sector == "MIL"):
                # "parliament", "Opposition MPs", "ministers": whose they are is said by the clause's subject
                # ("Iraq's prime minister called on parliament"), else the government actors of the sentence;
                # so are unnamed forces, often abroad ("the MoD sent planners, and soldiers are on standby in Cyprus")
                political = self._clause_country(start, end) or self._sentence_government(
                    start, end if venues else None
                )
            country = (
                political
                or (
                    self._sentence_place(start, end if sector in _INSTITUTIONAL else None, venues)
                    if kind == "described"
                    else ""
                )
                or self.country
                or None
            )
        if kind == "country" and not sector and self._people_plural(start, end):
            # "thousands of Nigerians", "Bosnian Serbs": people, not the state
            sector, kind = "CVL", "described"
        return Actor(text, start, end, name, country, sector, kind)

    def at_date(self, actor: Actor, date: str | None) -> Actor:
        """`actor` (from `resolve`) coded as of `date` (ISO YYYY-MM-DD, an event's own date) instead of the
        document's: a listed person's office then ("Soleimani" in a report of the strike that killed him). An
        office the text itself gave ("Foreign Minister X"), or a date the lexicon has no office for, is kept."""
        if not date or len(date) != 10 or date == self.date or not actor.name or actor.kind != "person":
            return actor
        entries = _lex().actors.get(_norm(actor.name.lower()))
        if not entries or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            return actor
        now = _pick(entries, self.date)
        if (now.country or None, now.sector or None) != (actor.country, actor.sector):
            return actor  # coded from the words, not from the lexicon's office periods
        then = _pick(entries, date)
        if not then.sector:
            return actor
        return Actor(actor.text, actor.start, actor.end, actor.name, then.country or actor.country, then.sector,
                     actor.kind)  # fmt: skip

    def _clause_country(self, start: int, end: int, owned: bool = False) -> str:
        """The country of the coded subject of the clause whose object (or prepositional object) the span is: a
        bare institution there is the subject's own ("X's prime minister called on parliament")."""
        span = self._char_span(start, end)
        if span is None:
            return ""
        tok = span.root
        if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "dative"):
            tok = tok.head
        if tok.dep_ not in ("dobj", "dative", "prep", "obj", "iobj") or tok.head.pos_ not in ("VERB", "AUX"):
            return ""
        verb = tok.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        while subj is None and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
            verb = verb.head  # "... and called on parliament": the subject of the first verb
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return ""
        ent = next((e for e in self.doc.entities if e.start <= subj.idx < e.end), None)
        s_start = subj.left_edge.idx
        s_end = max(subj.idx + len(subj), ent.end if ent is not None else 0)
        self._bare = True
        try:
            a = self.resolve(s_start, s_end)
        finally:
            self._bare = False
        if (
            a.country
            and a.country not in _GROUP_CODES
            and (a.kind == "person" or a.sector in _OFFICIAL or (owned and a.kind == "country"))
        ):
            return a.country  # (owned: "Burkina Faso sent its foreign minister": "its" is the subject's)
        return ""

    def _sentence_government(self, start: int, venue_of: int | None = None) -> str:
        """The country of the first government actor the sentence at `start` names as an actor (not after "by",
        "against", "to"...): "Opposition MPs complained that London was not warned by Washington" -> London's."""
        i = self.doc.sentence_of(start)
        if i < 0:
            return ""
        sent = self.doc.sentences[i]
        text = self.doc.text
        acted_on = self._objects_of_subject(start)
        for pos, known in self._mentions_in(sent.start, sent.end):
            a = known.actor
            if pos == start or a.sector not in _OFFICIAL:
                continue
            if pos in acted_on:
                continue  # "The junta ordered the French ambassador to leave": the one acted on is not the actor's
            if venue_of is not None and known.label in ("GPE", "LOC", "FAC") and _town(a.text):
                if not self._qualifies(pos, start, venue_of):
                    continue  # "(the government ...) resumed talks in Havana": a venue, not a government that acts
            if not a.country or a.country in _GROUP_CODES:
                continue
            before = text[max(sent.start, pos - 12) : pos].split()
            if before and before[-1].lower() in _NOT_OWNER | {"by", "from"}:
                continue
            return a.country
        return ""

    def _armed_partner(self, start: int, end: int) -> str:
        """The country of a named armed group of one country coordinated with the span ("the government and the
        M23", "the FARC and the government"): a state's rebels deal with their own state's government."""
        text = self.doc.text
        for pos, known in self._mentions_in(start - _JOIN_REACH, end + 13):
            a = known.actor
            if a.sector not in _LOCAL_ARMED - {"CRM"} or not a.country or a.country in _GROUP_CODES:
                continue
            between = text[end:pos] if pos >= end else text[a.end : start] if a.end <= start else None
            if between is not None and _JOINED.fullmatch(between):
                return a.country
        return ""

    def _objects_of_subject(self, start: int) -> set[int]:
        """Character offsets of the words in the objects of the verb whose subject starts at `start` (by the
        parse): whom the subject acts on, whose country is not the subject's own."""
        tok = self._token_at(start)
        if tok is None:
            return set()
        while tok.dep_ in ("det", "amod", "compound") and tok.head.i != tok.i:
            tok = tok.head  # "The [junta]": up to the phrase head
        # "The president, who met U.S. officials in Washington": whom its own relative clause acts on, too
        own = {w.idx for c in tok.children if c.dep_ == "relcl" for w in c.subtree}
        if tok.dep_ != "nsubj" or tok.head.i == tok.i:
            return own
        return own | {
            w.idx
            for c in tok.head.children
            if c.dep_ in ("dobj", "dative", "prep", "attr")
            for w in c.subtree
        }

    def _sentence_place(self, start: int, end: int | None = None, venues: bool = False) -> str:
        """The country the sentence at `start` names as a place ("in the Philippines", "Kenya's"), if just one.
        Given the span's `end` (an unnamed official or force), only places the parse confirms as such count: not a
        modifier ("the US-led coalition"), nor the "of" phrase of some other noun ("comparisons with the invasion
        of Iraq"), which is that noun's background, not where the actor is. With `venues`, a town that does not
        qualify the span itself is where something happens ("talks in Havana"), not whose the actor is."""
        i = self.doc.sentence_of(start)
        if i < 0:
            return ""
        if i not in self._places:
            sent = self.doc.sentences[i]
            toks, matches = self._sentence_scan(i)
            found: list[tuple[str, int, bool]] = []
            for m in matches:
                c = _place_country(m, toks)
                if c and _longer_place(self.doc, sent.start + toks[m.i][2], sent.start + toks[m.j - 1][3], c):
                    continue  # "near Beni Ounif" (Algeria) names no Beni (Congo)
                if c and ((m.j < len(toks) and toks[m.j][0] == "'s") or _after_place_prep(toks, m.i)):
                    town = m.kind in ("actor", "seat") or _cityish(m, toks)
                    if town:
                        # a city name several countries share: the one of the country the sentence names
                        c = self._namesake_country(" ".join(t[0] for t in toks[m.i : m.j]), c, i)
                    found.append((c, sent.start + toks[m.i][2], town))
            self._places[i] = found
        places = [
            (c, pos, town)
            for c, pos, town in self._places[i]
            if end is None or self._locative(pos, start, end)
        ]
        if (
            venues
            and end is not None
            and any(town and not self._qualifies(pos, start, end) for _, pos, town in places)
        ):
            # a town set aside as where things happen ("talks in Havana", "news from Bamako") leaves the sentence's
            # other places no better a guess than the story's own country ("... expelled Algeria's ambassador")
            return ""
        found = {c for c, _, _ in places}
        return found.pop() if len(found) == 1 else ""

    def _own_place(self, start: int, end: int) -> str:
        """The country of the places after the span [start, end) that qualify it by the parse ("the court in
        Ankara", "judges in Managua"), if just one; "" otherwise."""
        self._sentence_place(start)  # (fills the sentence's places)
        i = self.doc.sentence_of(start)
        found = {
            c for c, pos, _ in self._places.get(i, []) if pos >= end and self._qualifies(pos, start, end)
        }
        return found.pop() if len(found) == 1 else ""

    def _dateline_country(self) -> str:
        """The country of the wire dateline's place ("NAIROBI", "GOMA, Congo"), "" without one."""
        wire = (self.doc.extra or {}).get("wire_dateline") or {}
        place = wire.get("place") if isinstance(wire, dict) else None
        if not place:
            return ""
        # "GOMA, Congo": the country part first
        for part in reversed([p.strip() for p in place.split(",") if p.strip()]):
            _, country, _, kind = _code_cached(part.title() if part.isupper() else part, None, self.date)
            if country and country not in _GROUP_CODES and kind in ("country", "organisation", "described"):
                return country
        return ""

    def _ethnic_country(self, start: int, end: int) -> str | None:
        """The country of an ethnic group's mention: a place that qualifies it or its clause ("Hutu rebels in
        Burundi"), else the story's country unless the sentence names it only as a party come from elsewhere
        ("talks brokered by South African mediators")."""
        i = self.doc.sentence_of(start)
        if i < 0:
            return self.country or None
        sent = self.doc.sentences[i]
        toks, matches = self._sentence_scan(i)
        own = {
            c
            for m in matches
            if (c := _place_country(m, toks))
            and not _at_border(toks, m.i, m.j)
            and self._qualifies(sent.start + toks[m.i][2], start, end, clause=True)
        }
        if len(own) == 1:
            return own.pop()
        if any(m.country == self.country and _at_border(toks, m.i, m.j) for m in matches):
            return None  # the story's country is the other side of the border the sentence places them at
        home = [sent.start + toks[m.i][2] for m in matches if m.country == self.country]
        if not self.country or (home and all(self._third_party(pos) for pos in home)):
            return None
        return self.country

    def _third_party(self, pos: int) -> bool:
        """The word at `pos` is in a "by", "from" or "with" phrase ("talks brokered by South African mediators",
        "envoys from Algeria"): a party come from elsewhere, by the parse."""
        tok = self._token_at(pos)
        if tok is None:
            return False
        while tok.head.i != tok.i and tok.pos_ not in ("VERB", "AUX"):
            if tok.dep_ in ("prep", "agent") and tok.lower_ in ("by", "from", "with"):
                return True
            tok = tok.head
        return False

    def _qualifies(self, pos: int, start: int, end: int, clause: bool = False) -> bool:
        """The place word at `pos` is in a phrase that modifies the span [start, end) itself ("the government in
        Kabul"), by the parse; not one of the clause ("resumed talks in Havana": the venue)."""
        tok, prep = self._token_at(pos), None
        if tok is None:
            return True
        while tok.head.i != tok.i and tok.dep_ in ("compound", "pobj", "prep", "amod", "det", "appos"):
            prep = tok if tok.dep_ == "prep" else prep
            tok = tok.head
            if start <= tok.idx < end:
                return True
        if start <= tok.idx < end:
            return True
        if not clause or tok.pos_ not in ("VERB", "AUX") or prep is None or prep.lower_ not in _LOCATIVE:
            return False
        # (clause: also a place of the verb the span is the subject of: "Hutu rebels attacked a post in Burundi")
        root = self._char_span(start, end)
        return root is not None and root.root.head.i == tok.i and root.root.dep_ in ("nsubj", "nsubjpass")

    def _fronted_place(self, start: int) -> str:
        """The country of a fronted "In Niger, ..." phrase of the clause whose subject starts at `start`: it sets
        the scene for that clause's unnamed actors ("In Niger, hundreds of junta supporters demonstrated")."""
        tok = self._token_at(start)
        if tok is None:
            return ""
        while tok.dep_ not in ("nsubj", "nsubjpass") and tok.head.i != tok.i and tok.head.i > tok.i:
            tok = tok.head  # "hundreds of [junta] supporters": up to the subject's head
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return ""
        for c in tok.head.children:
            if c.dep_ == "prep" and c.i < tok.i:  # "In Niger, ...", "Across the border in Niger, ..."
                for g in c.subtree:
                    if g.dep_ == "pobj" and g.head.lower_ == "in" and g.pos_ == "PROPN":  # (tagged no place)
                        words = tok.doc[g.left_edge.i : g.i + 1].text
                        name, country, _, kind = _code_cached(words, None, self.date)
                        if kind == "country" and country and name is not None:
                            return country
        return ""

    def _locative(self, pos: int, start: int, end: int) -> bool:
        """The place word at `pos` is, by the parse, a possessor or the object of a preposition that places the
        actor spanning [start, end): not "of" after another noun, unless that noun is a place ("the city of X")."""
        if self.doc.spacy is None or start <= pos < end:
            return True
        tok = self._token_at(pos)
        if tok is None:
            return True
        while tok.dep_ == "compound" and tok.head.i != tok.i:
            tok = tok.head  # "the Ivory Coast": up to the phrase head
        if tok.dep_ == "poss":
            return True
        if tok.dep_ != "pobj":
            return False  # "the US-led coalition", "Iraqi land": a modifier, not a place named as such
        prep, noun = tok.head, tok.head.head
        if prep.lower_ != "of" or noun.pos_ not in ("NOUN", "PROPN") or start <= noun.idx < end:
            return True
        return noun.lemma_.lower() in _PLACE_NOUNS

    def _people_plural(self, start: int, end: int) -> bool:
        """The span's head is a plural nationality or people noun ("Nigerians", "Kurds"), by the parse."""
        span = self._char_span(start, end)
        if span is None:
            return False
        root = span.root
        if root.lemma_.lower() in _QUANTITIES:  # "thousands of Nigerians"
            root = next(
                (g for c in root.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), root
            )
        if root.tag_ not in ("NNS", "NNPS") or root.pos_ not in ("NOUN", "PROPN"):
            return False
        if root.ent_type_ == "NORP":
            return True
        low = _norm(root.text.lower())  # "Bosnian Serbs" tagged as a PERSON: a plural demonym all the same
        lex = _lex()
        return low not in lex.state_names and (_singular(low) in lex.countries or low in lex.countries)

    def _pronoun(self, text: str, start: int, end: int, cls: str) -> Actor:
        if _norm(text) in _FIRST_PLURAL:
            side = self._speakers_side(start, end)
            if side is not None:
                return side
        for _pos, known in reversed(self._mentions_in(0, start)):
            k = known.actor.kind
            if cls in ("m", "f"):
                if k != "person" or (known.gender and known.gender != cls):
                    continue
            elif cls == "p":  # groups, organisations, plural described actors; not places or one person
                if (
                    k == "person"
                    or known.label in ("GPE", "LOC", "FAC")
                    or (k == "described" and not known.plural)
                ):
                    continue
            elif cls == "n":
                if k not in ("organisation", "country") or known.label in ("LOC", "FAC"):
                    continue
            else:
                return Actor(text, start, end, None, None, None, "pronoun")
            a = known.actor
            return Actor(text, start, end, a.name, a.country, a.sector, "pronoun")
        return Actor(text, start, end, None, None, None, "pronoun")

    def _speakers_side(self, start: int, end: int) -> Actor | None:
        """ "we", "us", "our" inside a direct quotation: the side its speaker speaks for, the speaker's country and
        sector ("'we will defend our people,' the Defense Secretary told reporters": the US government); None
        outside a quotation or when the speaker is not placed."""
        for q in self.doc.quotes:
            if not (q.direct and q.start <= start and end <= q.end) or q.speaker_start is None:
                continue
            if q.speaker_end is None or q.start <= q.speaker_start < q.end:
                return None
            who = self.resolve(q.speaker_start, q.speaker_end)
            if not who.country:
                return None
            return Actor(self.doc.text[start:end], start, end, None, who.country, who.sector, "pronoun")
        return None


_FIRST_PLURAL = {"we", "us", "our"}


def resolver_for(doc: Document) -> ActorResolver:
    """The document's ActorResolver, built once and shared by the components that need it (quotes, events).

    Cached on the document as a private attribute; the pipeline drops it before the document is stored.
    """
    resolver = getattr(doc, "_actor_resolver", None)
    if resolver is None:
        resolver = ActorResolver(doc)
        doc._actor_resolver = resolver  # type: ignore[attr-defined]
    return resolver
