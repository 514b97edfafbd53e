"""Actors, layer 6a: the titles around a named person in a document (`_Titles`, a base of `ActorResolver`): the
office or role before a name ("Foreign Secretary William Hague", "Iran's foreign minister, Mohammad Javad Zarif") or
in an apposition after it (", the Nigerian interior minister,"), the date those titles give an undated text, and the
outlet and country-code domain that say where a document comes from."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from dateline.actors._coding import _code_cached
from dateline.actors._lexicon import _FORMER_OFFICES, _lex, _Lexicon, _outlet_words, _vanity_tlds
from dateline.actors._match import _scan
from dateline.actors._rules import _PLACE_PREPS, _head_sector
from dateline.actors._words import _FORMER, _HONORIFICS, _INSTITUTIONAL, _NOT_OWNER, _norm, _singular, _tok
from dateline.model import Document


def _url_country(url: str | None) -> str:
    """ISO3 country of a URL's country-code domain ("www.x.co.uk" -> GBR), "" for .com, .org or a vanity domain."""
    import pycountry

    if not url:
        return ""
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
    if len(tld) != 2 or tld in _vanity_tlds():
        return ""
    c = pycountry.countries.get(alpha_2="GB" if tld == "uk" else tld.upper())
    return _lex().fold.get(c.alpha_3, c.alpha_3) if c is not None else ""


# an apposition that describes: ", the Nigerian interior minister,", ", Nigeria's information minister,"
_APPOS_RE = re.compile(
    r",\s+((?:the|a|an|[A-Z][\w-]+(?:\s[A-Z][\w-]+)?(?:'s|\u2019s))\s+[\w' -]{2,50}?)\s*(?:,|\.|;|$)"
)


def _outlet_name(text: str) -> bool:
    """Whether an organisation's name is a news outlet's ("Radio Juba Valley", "Danube Courier")."""
    words = text.lower().split()
    leads, tails = _outlet_words()
    return bool(words) and (words[0] in leads or words[-1] in tails)


class _Titles:
    """Reads the titles of the people a document names; `ActorResolver` builds on it (it sets `doc` and `date`)."""

    doc: Document
    date: str | None

    def _office_date(self, lex: _Lexicon) -> str | None:
        """A date (ISO) inside every office period the lexicon gives to the titled people of an undated text: the
        middle of the latest period they share; None when no named person has a title the lexicon confirms."""
        import datetime

        today = datetime.date.today().isoformat()
        spans: list[tuple[str, str]] | None = None
        text = self.doc.text
        for ent in self.doc.entities:
            if ent.label != "PERSON":
                continue
            entries = [e for e in lex.actors.get(_norm(ent.text), []) if e.rank == 0 and e.start]
            if not entries:
                continue
            sector = self._title_before(text, ent.start)[0] or self._title_sector(text, ent.start, ent.end)
            periods = [
                (e.start, e.end or today) for e in entries if sector and sector in (e.sector, e.sectors2)
            ]
            if not periods:
                continue
            if spans is None:
                spans = periods
            else:
                spans = [
                    (max(a, c), min(b, d)) for a, b in spans for c, d in periods if max(a, c) <= min(b, d)
                ]
                if not spans:
                    return None  # the titles disagree: better no date than a wrong one
        if not spans:
            return None
        lo, hi = max(spans, key=lambda p: p[1])
        try:
            first, last = datetime.date.fromisoformat(lo[:10]), datetime.date.fromisoformat(hi[:10])
        except ValueError:  # a hand-written row with a partial date
            return None
        return (first + (last - first) / 2).isoformat()

    def _comma_title(self, text: str, start: int) -> tuple[str, str]:
        """(sector, country) of a described title that fills the words between the sentence or clause start and a
        comma right before a name: "Iran's foreign minister, Mohammad Javad Zarif" -> GOV, IRN."""
        i = self.doc.sentence_of(start)
        sent_start = self.doc.sentences[i].start if i >= 0 else 0
        lo = max(sent_start, start - 70)
        # "\0" stands for a cut-off sentence start; capitalised words after the comma are honorifics ("Sheikh")
        before = ("\0" if lo > sent_start else "") + re.sub(r"(?:[A-Z][\w.]*\s+){0,2}$", "", text[lo:start])
        m = re.search(r"(?:^|(?<=[.;:!?\n]))\s*((?:[Tt]he\s+)?[\w'\- ]{3,50}?),\s*$", before)
        if not m:
            return "", ""
        clause = m.group(1)
        first = clause.split()[0].lower()
        if first in _PLACE_PREPS or first in _NOT_OWNER or first.endswith(("ing", "ed", "ly")):
            return "", ""  # "In Baghdad, X", "Speaking to reporters, X": no title
        _, country, sector, kind = _code_cached(clause, None, self.date)
        if kind != "described" or not country or sector not in _INSTITUTIONAL:
            return "", ""
        return sector, country

    @staticmethod
    def _title_sector(text: str, start: int, end: int) -> str:
        """Sector of a title set off by commas around a name: "the Defence Secretary, Ben Wallace," or "Ben
        Wallace, the Defence Secretary"."""
        m = re.search(
            r"(?:^|[.,;:(]\s*|\b(?:the|The)\s+)([A-Z][\w'-]*(?:\s+[\w'-]+){0,3}),\s*$",
            text[max(0, start - 50) : start],
        )
        keys = [_norm(m.group(1))] if m else []
        keys += _Titles._appos_title(text, end)
        for key in keys:
            words = [w for w in key.split() if w != "the"]
            for k in range(len(words)):
                hit = _lex().agent(words[k:]) if words[k:] else None
                if hit and hit[0]:
                    return hit[0]
        return ""

    @staticmethod
    def _clean_name(text: str) -> str:
        words = text.replace("\u2019", "'").split()
        while words and words[0].lower().rstrip(".") in _HONORIFICS:
            words = words[1:]
        return " ".join(words) or text

    def _title_before(self, text: str, start: int) -> tuple[str, str, list[str], str]:
        """Sector, country, lookup keys and gender from the words just before a person's name."""
        window = text[max(0, start - 60) : start]
        toks = _tok(window)
        # keep the tail of the window up to a clause break
        lex = _lex()
        for k in range(len(toks) - 1, -1, -1):
            low = toks[k][0]
            # a lower-case role word or "former" belongs to the title ("Nigerian lawmaker X", "former president
            # X"); any other lower-case word ends it
            titled = low in lex.agents or _singular(low) in lex.agents or low in _FORMER
            if low in (",", ";", ":", "(", ")") or (
                toks[k][1][:1].islower() and low not in ("of", "'s") and not titled
            ):
                if k == len(toks) - 1 and toks[k][0] in _HONORIFICS:
                    continue
                toks = toks[k + 1 :]
                break
        if not toks:
            return "", "", [], ""
        gender = _HONORIFICS.get(toks[-1][0], "")
        if toks[-1][0] in _HONORIFICS:
            toks = toks[:-1]
        if not toks:
            return "", "", [], gender
        matches = _scan(toks, self.date)
        country = next((m.country for m in matches if m.country), "")
        agents = [m for m in matches if m.kind == "agent"]
        if not agents:  # "US President" may be a lexicon name as a whole: drop the country and look again
            lead = 0
            while lead < len(toks) and (toks[lead][0] in _lex().countries or toks[lead][0] == "'s"):
                lead += 1
            if 0 < lead < len(toks):
                country = country or _lex().countries.get(toks[0][0], "")
                toks = toks[lead:]
                agents = [m for m in _scan(toks, self.date) if m.kind == "agent"]
        if not agents:
            return "", "", [], gender
        first = agents[0].i
        title = " ".join(t[0] for t in toks[first:] if t[0] != "'s")
        keys = [title, f"the {title}"]
        sector = _head_sector(agents, [t[0] for t in toks])
        if sector in _FORMER_OFFICES and any(t[0] in _FORMER for t in toks[: agents[-1].i]):
            sector = "ELI"  # "former president X": a former official
        return sector, country, keys, gender

    def _appos_code(self, text: str, end: int) -> tuple[str, str]:
        """(sector, country) of a described office in an apposition after a name (", the Nigerian interior
        minister,", ", a former Kenyan lawmaker,"); empty when the words there are no such description."""
        m = re.match(_APPOS_RE, text[end : end + 80])
        if not m:
            return "", ""
        _, country, sector, kind = _code_cached(m.group(1), None, self.date)
        if kind != "described" or not sector:
            return "", ""
        return sector, country or ""

    @staticmethod
    def _appos_title(text: str, end: int) -> list[str]:
        """The title in an apposition after a name (", the Foreign Secretary,") -> lookup keys for it."""
        m = re.match(r",\s+(?:the\s+)?([A-Za-z][\w' -]{2,40}?)\s*(?:,|\.|$)", text[end : end + 60])
        if not m:
            return []
        title = _norm(m.group(1))
        if not any(w in _lex().agents for w in title.split()) and title not in _lex().agents:
            return []
        return [title, f"the {title}"]
