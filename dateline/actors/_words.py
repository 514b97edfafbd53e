"""Actors, layer 1: normalisation of mention text (tokens, accents, spellings, plurals, edit distance) and
the word lists the coding rules share. Imports no other Dateline module."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_MAX_NGRAM = 7


# --------------------------------------------------------------------------- normalisation

_TOKEN_RE = re.compile(r"\d{1,3}(?:,\d{3})+|[^\W_](?:[\w.\-']*[^\W_])?\.?|[,;:()]", re.UNICODE)


_ARTICLES = {"the", "a", "an", "some", "several", "many", "few", "other", "another", "this", "that", "these",
             "those", "its", "their", "his", "her", "our", "both", "all", "two", "three", "four", "five", "six",
             "seven", "eight", "nine", "ten", "dozen", "dozens", "hundreds", "thousands", "of", "over", "more",
             "than", "about", "around", "nearly", "at", "least", "group", "number", "up", "to", "almost", "roughly",
             "approximately", "scores", "tens", "millions"}  # fmt: skip


_QUANTITIES = {"dozen", "dozens", "score", "scores", "hundred", "hundreds", "thousand", "thousands", "million",
               "millions", "number", "group", "handful", "tens", "some", "many", "several"}  # fmt: skip


_PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
    "they": "p", "them": "p", "their": "p", "theirs": "p", "themselves": "p",
    "it": "n", "its": "n", "itself": "n", "we": "p", "us": "p", "our": "p", "i": "s", "me": "s", "my": "s",
}  # fmt: skip


_HONORIFICS = {"mr": "m", "mister": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f",
               "dame": "f", "lady": "f", "dr": "", "prof": "", "professor": ""}  # fmt: skip


# ("the then defence minister" held the office at the time the sentence tells of: no former official)
_FORMER = {"former", "retired", "ex", "exiled", "ousted", "deposed", "late", "onetime"}


# words after which a country names the object, not the actor ("ambassador to Poland")
_NOT_OWNER = {"to", "against", "with", "toward", "towards", "into", "on", "over", "at"}


_ORG_WORDS = {
    "party", "army", "ministry", "council", "front", "force", "forces", "brigade", "brigades", "movement",
    "organization", "organisation", "union", "agency", "committee", "commission", "court", "bank", "group",
    "league", "association", "assembly", "parliament", "congress", "government", "service", "services", "fund",
    "corporation", "company", "inc", "ltd", "university", "college", "institute", "state", "fleet", "navy",
    "guard", "police", "department", "office", "administration", "alliance", "coalition", "network", "militia",
    "taliban", "hezbollah", "hamas", "jihad", "mujahideen", "battalion", "regiment", "division",
}  # fmt: skip


_ORG_NAMES = {"taliban", "hezbollah", "hamas", "jihad", "mujahideen"}  # the names among _ORG_WORDS


# letters that NFKD does not take apart ("Kılıçdaroğlu", "Støre", "Đukanović", "Błaszczak")
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
                          "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ʻ": "'", "ʼ": "'"})  # fmt: skip


def _strip_accents(s: str) -> str:
    if s.isascii():
        return s
    s = s.translate(_LETTERS)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _tok(text: str) -> list[tuple[str, str, int, int]]:
    """(normalised, original, start, end) tokens; possessive 's is split off as its own token."""
    return list(_tok_cached(text))  # (a fresh list: callers may change theirs)


# the same spans and sentences are tokenised again and again (each resolve, title and place look-up): cache them
_PLACE_SUFFIXES = ("-based", "-born", "-registered", "-flagged", "-led", "-run")


@lru_cache(maxsize=8192)
def _tok_cached(text: str) -> tuple[tuple[str, str, int, int], ...]:
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    out: list[tuple[str, str, int, int]] = []
    for m in _TOKEN_RE.finditer(text):
        orig, start, end = m.group(0), m.start(), m.end()
        poss = None
        low = orig.lower()
        if low.endswith("'s") and len(orig) > 2:
            poss = (orig[-2:], end - 2, end)
            orig, end = orig[:-2], end - 2
        elif low.endswith("s'") and len(orig) > 2:
            poss = ("'", end - 1, end)
            orig, end = orig[:-1], end - 1
        norm = _strip_accents(orig.lower()).replace(".", "").strip("'")
        norm = _SPELLING.get(norm, norm)
        if norm.startswith("ex-") and len(norm) > 4:  # "ex-president": a former president
            out.append(("ex", orig[:2], start, start + 2))
            norm, orig, start = norm[3:], orig[3:], start + 3
        # "a Somalia-based group" names Somalia, "Saudi-led forces" Saudi Arabia, "Hamas-run" Hamas
        if norm.endswith(_PLACE_SUFFIXES):  # (most words end in none: skip the loop)
            for suffix in _PLACE_SUFFIXES:
                if norm.endswith(suffix) and len(norm) > len(suffix):
                    norm = norm[: -len(suffix)]
        if norm:
            out.append((norm, orig, start, end))
        if poss is not None:
            out.append(("'s", poss[0], poss[1], poss[2]))
    return tuple(out)


_PLAIN_RE = re.compile(r"[a-z0-9 ]+")


# British and American spellings of words in organisation names, read as one ("Organisation of Islamic Cooperation",
# "Organization of ..."), so a lexicon row in either spelling matches both
# ("defence"/"defense" stay apart: the spelling tells a British office from an American one)
_SPELLING = {"organisation": "organization", "organisations": "organizations", "programme": "program",
             "programmes": "programs"}  # fmt: skip


@lru_cache(maxsize=16384)  # pure, and asked for the same mention texts many times over
def _norm(text: str) -> str:
    if _PLAIN_RE.fullmatch(text):  # already normal (most derived lexicon rows): skip the tokeniser
        return " ".join(_SPELLING.get(w, w) for w in text.split())
    return " ".join(t[0] for t in _tok_cached(text) if t[0] not in (",", ";", ":", "(", ")"))


def _singular(w: str) -> str:
    if w.endswith("men"):
        return w[:-3] + "man"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ses", "xes", "ches", "shes")) and len(w) > 4:
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _deletes(word: str) -> set[str]:
    return {word} | {word[:k] + word[k + 1 :] for k in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance of at most one (written out: two short strings, no library needed)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    k = 0
    while k < len(short) and short[k] == long_[k]:
        k += 1
    return short[k:] == long_[k + 1 :]


def _gender_pair(a: str, b: str) -> bool:
    """Two given names that differ only in a gendered ending ("Mario"/"Maria", "Daniel"/"Daniela")."""
    if a[:-1] == b[:-1] and {a[-1], b[-1]} <= set("aeo"):
        return True
    return a + "a" == b or b + "a" == a or a + "e" == b or b + "e" == a


def _singular_key(words: list[str]) -> str:
    return " ".join([*words[:-1], _singular(words[-1])])


# heads that name a position in whatever body the words before them name (plural forms too)
_GENERIC_HEADS = {
    w + s for w in ("leader", "head", "chief", "official", "spokesman", "spokeswoman", "spokesperson", "member",
                    "representative", "commander", "officer", "source", "delegation", "delegate", "negotiator",
                    "envoy", "director", "chairman", "president", "secretary", "minister", "boss", "mediator")
    for s in ("", "s")
} | {"spokesmen", "spokeswomen", "chiefs", "heads"}  # fmt: skip


# the words for the one who heads a body ("the WHO chief", "the head of UNESCO"): an international body's head is an
# official of it (GOV), whatever field the body works in, as a health minister is GOV and not MED
_LEADER_HEADS = {"leader", "head", "chief", "director", "director-general", "director general", "secretary-general",
                 "secretary general", "president", "chairman", "chairwoman", "chairperson", "chair", "boss"}  # fmt: skip


# heads whose "of" phrase says what they are ("President of the ... League", "Union of Teachers")
# military sites ("the airbase", "a command post") are the state's military (agents_extra.tsv) unless an armed body's
# word stands before them ("a rebel base" REB): a site head takes the sector of the role noun before it
_SITE_HEADS = {
    w + s for w in ("base", "airbase", "air base", "outpost", "command post", "position", "military position")
    for s in ("", "s")
}  # fmt: skip

_GENERIC_OWNED = _GENERIC_HEADS | {
    w + s for w in ("union", "association", "federation", "confederation", "council", "committee", "league",
                    "syndicate", "organisation", "organization", "body", "congress", "society")
    for s in ("", "s")
}  # fmt: skip


# head nouns of organisations: the body is what the head says, whatever institution names it ("police union")
_ORG_HEADS = {"party", "union", "bank", "university", "college", "school", "court", "tribunal", "ministry", "council",
              "commission", "church", "mosque", "company", "newspaper", "league", "association", "federation",
              "front", "militia", "brigade", "army", "police", "fleet", "agency", "service", "institute", "movement",
              "committee", "syndicate", "guild", "chamber", "hospital", "group", "organisation", "organization"}  # fmt: skip


# words that grade a post ("deputy minister"): before a generic head they name no body of their own
_RANK_WORDS = {"deputy", "vice", "assistant", "acting", "interim", "senior", "junior", "chief", "first", "second",
               "associate", "principal", "under", "co"}  # fmt: skip


# CAMEO religion codes, kept as sectors
_RELIGIONS = {"MUS", "CHR", "JEW", "HIN", "BUD", "SIK", "REL"}


# organisation nouns that say nothing of the sector when they end a proper name: the "Union" of a national
# liberation movement is no labour union, a "Peace Council" no government
_NAME_HEADS = {"union", "council", "front", "movement", "league", "alliance", "federation", "association"}


# professions that take the sector of an institution named before them ("army doctor" -> MIL)
_INSTITUTIONAL = {"GOV", "MIL", "COP", "SPY", "REB", "JUD", "LEG", "PRM"}


# words for a state's political bodies ("parliament", "opposition MPs", "ministers"): the country is the one whose
# government the sentence is about, not the story's
_POLITICAL = {"GOV", "LEG", "OPP", "JUD"}


# sectors of actors that speak for a state's politics (a clause subject or a sentence's government actor)
_OFFICIAL = {"GOV", "LEG", "JUD", "OPP", "PTY"}

# armed groups that are no state's: an ethnic or regional word in their description ("Arab militias", "African
# jihadists") says who they are, not that they stand for a region, so the place the sentence gives them still counts
_LOCAL_ARMED = {"PRM", "REB", "UAF", "CRM"}
# plural nouns for states as actors: "Arab states", "Muslim countries", "Western powers" are governments (GOV)
_STATE_NOUNS = {"states", "countries", "nations", "powers", "governments"}
