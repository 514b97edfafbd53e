"""Words of articles for the across-article modules: one stop list and one small tokenizer, so that stories,
merging and briefings count the same words."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop list plus reporting words; a plain word list, it loads no model."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"said", "says", "told", "mr", "mrs", "ms", "year", "week", "day", "time"}


def terms(title: str | None, text: str) -> Counter[str]:
    """Our own small tokenizer: lowercased words of 3+ letters, no stop words; the title counts twice."""
    stop = stop_words()
    out: Counter[str] = Counter()
    for weight, part in ((2, title or ""), (1, text)):
        for w in _WORD.findall(part):
            w = w.lower().replace("’", "'").strip("'-")
            if w.endswith("'s"):
                w = w[:-2]
            if len(w) >= 3 and w not in stop:
                out[w] += weight
    return out


# where the people or the ship an event hit went afterwards, not where it happened: "still in hospital in Jeddah",
# "recovering in a hospital in Ottawa", "treated in Mosul", "at anchor off Jeddah", "towed to Aden"; and, for acts
# that are no movement of their own, where the wounded were taken ("flown to Jeddah", "rushed to Erbil")
_STAY = (
    r"(?:recovering|recuperating|being\s+treated|treated|hospitali[sz]ed|admitted|kept|died|"
    r"(?:is|are|was|were|remains?|remained|lay|lies)(?:\s+(?:still|now|all|later|critically|seriously))?)"
)
_AFTER_BEFORE = re.compile(
    rf"(?i)\b(?:{_STAY}\s+(?:in|to|at)\s+(?:a\s+|the\s+)?(?:hospital|clinic)s?\s+(?:in|at|near)"
    r"|(?:recovering|recuperating|being\s+treated|treated|hospitali[sz]ed)\s+(?:in|at)"
    r"|(?:at\s+anchor|anchored|docked|moored|towed|limped)\s+(?:\w+\s+)?(?:off|in|at|to|into|near))"
    r"\s+(?:the\s+)?(?:port\s+of\s+|city\s+of\s+|town\s+of\s+)?$"
)
# where those it hit are held afterwards ("eight remain in jail in Jinja", "are still in custody at Kisumu"); not when
# the holding is the event's own word ("were held in custody in Kisumu", "jailed in a prison near Asmara": the arrest)
_AFTER_HELD = re.compile(
    rf"(?i)\b(?:{_STAY}|held|jailed|locked\s+up)\s+(?:in|at)\s+(?:a\s+|the\s+)?"
    r"(?:jail|prison|custody|detention|police\s+cells?|cells?)\s+(?:in|at|near)\s+(?:the\s+)?$"
)
_AFTER_MOVED = re.compile(
    r"(?i)\b(?:taken|rushed|flown|airlifted|evacuated|transferred|brought|driven)\s+(?:\w+\s+)?(?:to|into)"
    r"\s+(?:(?:a|the)\s+)?(?:(?:hospital|clinic)s?\s+(?:in|at)\s+)?(?:the\s+)?$"
)
# the way home of those a release set free ("are back with their families in Homa Bay", "reached Kisumu", "returned
# home to Mombasa", "arrived back in Lima"): only for releases, since "arrived in", "reached" or "at his home in" say
# where other acts happen (a minister "arrived in Kampala for talks", a raid "at his home in Kisumu")
_AFTER_FREED = re.compile(
    r"(?i)\b(?:back(?:\s+home)?(?:\s+with\s+(?:their|his|her)\s+famil(?:y|ies))?\s+(?:in|at)"
    r"|(?:safely\s+)?home\s+with\s+(?:their|his|her)\s+famil(?:y|ies)\s+(?:in|at)"
    r"|reached|(?:returned|went|flew|sailed|travelled|traveled)(?:\s+(?:back|home))?\s+to"
    r"|arrived(?:\s+(?:back|home|safely))?\s+(?:in|at))"
    r"\s+(?:the\s+)?$"
)
# where someone promised to act later ("went home after the district chief promised to raise their demands in
# Dushanbe", "ended when the governor pledged to take the complaint to Bishkek"): the place of a promised act, not of
# the event the sentence tells (unless the event is the promised act itself: `trigger`)
_AFTER_PROMISED = re.compile(
    r"(?i)\b(?:promised|promising|pledged|pledging|vowed|vowing|undertook|offered)\s+to\s+(?:[\w'-]+\s+){1,7}?"
    r"(?:in|to|at|before)\s+(?:the\s+)?(?:(?:capital|city|town|parliament|government)\s+(?:of\s+|in\s+)?)?$"
)
_AFTER_AFTER = re.compile(
    r"(?i)^\W{0,3}\s*for\s+(?:repairs|treatment|medical\s+(?:care|treatment)|surgery)\b"
)


# an exchange of fire told as one side's act: "returned fire", "fired first", "exchanged fire", "traded fire", "fired
# back", "an exchange of gunfire": who fired on whom is what the two sides dispute, so two reports with the roles
# reversed can be one shooting (a counter-attack told apart by its own day or place stays apart)
_MUTUAL_FIRE = re.compile(
    r"(?i)\b(?:(?:exchang|trad)(?:ed|ing|es?)\s+(?:(?:heavy|small-arms|sporadic|machine-gun|artillery)\s+)?"
    r"(?:gun)?fire|exchanges?\s+of\s+(?:(?:heavy|small-arms|sporadic|machine-gun|artillery)\s+)?(?:gun)?fire"
    r"|return(?:ed|ing|s)?\s+(?:the\s+)?fire|fired\s+(?:back|first)|(?:opened|open)\s+fire\s+first"
    r"|first\s+to\s+(?:open\s+)?fire|shot\s+first)\b"
)


def mutual_fire(sentence: str) -> bool:
    """Whether a sentence tells a shooting as an exchange, or disputes who started it ("Tajik guards had only
    returned fire", "Kyrgyz soldiers had fired first", "the two patrols traded fire")."""
    return bool(_MUTUAL_FIRE.search(sentence or ""))


def aftermath_place(
    sentence: str,
    start: int,
    end: int,
    moved: bool = True,
    freed: bool = False,
    trigger: tuple[int, int] | None = None,
) -> bool:
    """Whether the place at sentence[start:end] is where the people or the ship an event hit went afterwards (a
    hospital, an anchorage, repairs, a jail), or where someone promised to act later, not where the event happened. `moved`: "taken to"/"flown to" count too
    (not for acts that are a movement themselves: a deployment's or a withdrawal's destination is its place).
    `freed` (a release): the way home of those set free counts too ("are back with their families in X").
    `trigger`: the event's own word (sentence offsets); a jail or a promised act it names itself is its place."""
    offset = max(0, start - 60)
    before = sentence[offset:start]
    after = sentence[end : end + 30]
    if _AFTER_BEFORE.search(before) or _AFTER_AFTER.match(after):
        return True
    for rx in (_AFTER_HELD, _AFTER_PROMISED):
        hit = rx.search(before)
        if hit and not (trigger and trigger[0] < offset + hit.end() and offset + hit.start() < trigger[1]):
            return True
    return (moved and bool(_AFTER_MOVED.search(before))) or (freed and bool(_AFTER_FREED.search(before)))


# what an agreement is about, read after its verb ("agreed [a ceasefire at talks in Isfara]", "agreed [to set up a
# joint commission to mark the border]"): the first clause's lowercase content words; names (capitalised: places,
# people, "the Doha Agreement"), times and the verbs of agreeing say nothing of what was agreed
_OBJECT_END = re.compile(
    r"[,;:()\u2013\u2014\"\u201c\u201d]|\s(?:but|while|whereas|after|before|when|as|said|says)\s"
)
_OBJECT_WORDS = 6
_NO_OBJECT = frozenset({
    "agreed", "agree", "agrees", "agreeing", "signed", "sign", "signs", "signing", "reached", "reach", "struck",
    "strike", "approved", "approve", "endorsed", "accepted", "concluded", "held", "hold", "talks", "meeting",
    "yesterday", "today", "tonight", "tomorrow", "morning", "afternoon", "evening", "night", "overnight", "earlier",
    "later", "last", "next", "weeks", "months", "hours", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "both", "sides", "side", "two", "three", "countries", "governments",
})  # fmt: skip
# one kind of agreement under several names ("agreed a ceasefire" / "signed a truce"): folded to one word
_SAME_OBJECT = {"cease-fire": "ceasefire", "truce": "ceasefire", "armistice": "ceasefire", "accord": "deal",
                "agreement": "deal", "pact": "deal", "treaty": "deal"}  # fmt: skip


def object_words(sentence: str, start: int, end: int, own: frozenset[str] = frozenset()) -> list[str]:
    """The words of what an event is about (an agreement's object), from its trigger at sentence[start:end] to the
    end of its clause (at most _OBJECT_WORDS content words): lowercase words of 3+ letters, no stop words, no
    names, times or verbs of agreeing; synonyms of one agreement folded (_SAME_OBJECT), plurals to the singular.
    `own`: the trigger's own words that name the object (a noun trigger: "the ceasefire held"), kept."""
    stop = stop_words()
    trig = sentence[start:end]
    tail = sentence[end:]
    cut = _OBJECT_END.search(tail)
    tail = tail[: cut.start()] if cut else tail
    out: list[str] = []
    for m in [*_WORD.finditer(trig), *_WORD.finditer(tail)]:
        raw = m.group().replace("’", "'").strip("'-")
        w = raw.lower()
        if w.endswith("'s"):
            w = w[:-2]
        in_trigger = m.string is trig
        if in_trigger and w not in own:
            continue
        if raw[:1].isupper() or len(w) < 3 or w in stop or w in _NO_OBJECT:
            continue
        if w.endswith("s") and not w.endswith("ss") and len(w) > 4:
            w = w[:-1]
        w = _SAME_OBJECT.get(w, w)
        if w not in out:
            out.append(w)
        if len(out) >= _OBJECT_WORDS:
            break
    return out


# a verbal act whose object is an earlier act named by a definite noun phrase ("condemned [the strike near Mbau]",
# "defended [last week's raid]", "summoned the envoy over [last week's detention]"): the phrase reports that act
_DEFINITE = re.compile(
    r"(?i)\b(?:the|(?:last|this)\s+(?:week|month)'s|yesterday's|(?:mon|tues|wednes|thurs|fri|satur|sun)day's)\s"
)
_REF_WORD = re.compile(r"[A-Za-z0-9][\w-]*")
_REF_END = re.compile(r"[;:()\u2013\u2014\"\u201c\u201d]|,\s|\s(?:but|while|whereas|and\s+said|said|says)\s")


def referred_acts(sentence: str, start: int, end: int, nouns: dict[str, frozenset[str]],
                  skip: frozenset[str] = frozenset()) -> list[tuple[str, frozenset[str], int, int]]:  # fmt: skip
    """The definite noun phrases after a verbal trigger at sentence[start:end], up to the end of its clause, whose
    head is an event noun (`nouns`: noun -> the PLOVER types it names; types in `skip` left out): (noun, its
    types, phrase start, phrase end) in sentence offsets. The modifiers before the head (at most three words: "the
    June 8 air strike") must name no event themselves, and a capitalised word is no head; plural heads are read as their singular. Only the clause's
    first definite phrase counts: its object ("condemned the decision to allow the raid" names no earlier raid)."""
    tail = sentence[end:]
    cut = _REF_END.search(tail)
    tail = tail[: cut.start()] if cut else tail
    out: list[tuple[str, frozenset[str], int, int]] = []
    for m in _DEFINITE.finditer(tail):
        for k, w in enumerate(_REF_WORD.finditer(tail, m.end())):
            if k > 3:
                break
            if w.group()[:1].isupper():
                continue  # a name or a month ("the March 3 air strike"), never the act itself
            head = w.group().lower()
            forms = (
                head,
                head[:-1] if head.endswith("s") else head,
                head[:-2] if head.endswith("es") else head,
            )
            types = next((nouns[f] for f in forms if f in nouns), None)
            if types is not None:
                if types - skip:
                    out.append((head, types - skip, end + m.start(), end + w.end()))
                break  # a modifier naming an act ("the protest march") or the head: the phrase ends here
        break  # the first definite phrase of the clause is its object ("condemned the decision to allow the raid": none)
    return out


# a definite phrase naming an act that is not the one known act but one of a series ("the first attack", "the latest
# seizure", "the next round"): no reference to one earlier act
_SERIES = frozenset({
    "first", "second", "third", "fourth", "fifth", "latest", "last", "previous", "earlier", "later", "next", "new",
    "fresh", "renewed", "other", "recent", "planned", "proposed", "threatened", "expected", "possible", "future",
    "further", "similar", "such", "initial", "subsequent", "following", "final", "coming", "another",
})  # fmt: skip
# a definite determiner or a possessive date ("the toll of Monday's attack": Monday's)
_SENTENCE_DEFINITE = re.compile(
    r"(?i)\b(?:the|(?:last|this)\s+(?:week|month)'s|yesterday's|(?:mon|tues|wednes|thurs|fri|satur|sun)day's)\s"
)


# event nouns that name a state of affairs, no one act ("fled the fighting in Myawaddy", "the violence in the north")
_STATES = frozenset({"fighting", "violence", "unrest", "hostilities", "conflict", "war", "insurgency", "tension",
                     "tensions", "crisis", "standoff", "stand-off", "dispute", "campaign", "offensive"})  # fmt: skip
_ONE_DAY = re.compile(r"(?i)(?:yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day)'s\s")
# words that end a definite phrase before its head: a determiner or a preposition starts another phrase ("The army
# denies the attack": "The army" is one phrase, "the attack" another), and so does a verb of report or denial
_PHRASE_ENDS = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "of", "on", "in", "at",
    "by", "for", "from", "with", "over", "after", "before", "since", "against", "denies", "denied", "deny", "says",
    "said", "condemns", "condemned", "rejects", "rejected", "dismisses", "dismissed", "defends", "defended",
    "confirms", "confirmed", "blames", "blamed", "calls", "called", "is", "was", "are", "were", "has", "had", "have",
})  # fmt: skip


def sentence_refs(sentence: str, nouns: dict[str, frozenset[str]],
                  skip: frozenset[str] = frozenset()) -> list[tuple[str, frozenset[str], int, int]]:  # fmt: skip
    """Every definite noun phrase of a sentence whose head is an event noun (`nouns`; types in `skip` left out), read
    as `referred_acts` reads the object of a verbal act, but anywhere in the sentence, for a sentence that reports
    no act of its own ("Families who fled the attack on Chai", "the toll of Monday's attack on Chai", "stayed
    ashore since the seizure of the Ogoja Pride"): (noun, its types, phrase start, phrase end). A phrase whose
    modifiers place its act in a series ("the first attack", "the latest seizure", "the next round") names no one
    earlier act, nor does a plural head ("the attacks on ships in the Red Sea": a campaign) unless one day bounds
    it ("Saturday's clashes"), nor a noun of a state of affairs ("the fighting in Myawaddy": _STATES)."""
    out: list[tuple[str, frozenset[str], int, int]] = []
    for m in _SENTENCE_DEFINITE.finditer(sentence):
        for k, w in enumerate(_REF_WORD.finditer(sentence, m.end())):
            if k > 3:
                break
            word = w.group()
            if word.lower() in _SERIES:
                break
            if word[:1].isupper():
                continue  # a name or a month ("the March 3 air strike"), never the act itself
            head = word.lower()
            forms = (
                head,
                head[:-1] if head.endswith("s") else head,
                head[:-2] if head.endswith("es") else head,
            )
            types = next((nouns[f] for f in forms if f in nouns), None)
            if types is not None and head in _STATES:
                break
            if types is not None:
                plural = head not in nouns and head.endswith("s")
                if types - skip and (not plural or _ONE_DAY.match(m.group())):
                    out.append((head, types - skip, m.start(), w.end()))
                break
            if not re.fullmatch(r"[a-z][a-z-]*|\d[\d,]*", word):
                break  # a possessive or a number with a unit ("Monday's", "14-member"): not a plain modifier
            if word.lower() in _PHRASE_ENDS:
                break  # "The army denies [the attack]", "The toll of [the raid]": the next phrase is read on its own
    return out


# A report that denies the act it names: "the ministry denied that its patrol boat fired first in Saturday's clash",
# "the army denies the raid on Kasama ever took place", "rejected reports of the seizure". Not a denial of a part
# in it ("denied any involvement in the attack": the act happened), not a negated one ("did not deny"), not one
# of another clause ("denied that troops looted shops, but said the clash was over") nor one the phrase only
# dates ("denied that troops crossed the river after the clash": another act, before or after)
_DENIAL = re.compile(
    r"(?i)\b(?:denied|denies|deny|denying|denial\s+of|(?:rejected|rejects|dismissed|dismisses)\s+(?:the\s+)?"
    r"(?:reports?|claims?|accounts?|allegations?)\s+(?:that|of))\b"
    r"(?!\s+(?:(?:any|a|an|its|their|his|her|the)\s+)?(?:involvement|responsibility|role|part|knowledge|links?|"
    r"blame|wrongdoing)\b)"
)
_UNDENIED = re.compile(r"(?i)\b(?:not|never|n't|no\s+longer)\s+(?:\w+\s+)?$")
_CLAUSE_BREAK = re.compile(
    r"(?i)[;:]|[.!?]\s|,\s*(?:but|while|whereas|although|though|and|yet)\b|\b(?:but|however)\b"
)
_DATES_IT = re.compile(r"(?i)\b(?:after|before|since|following|until|till|ahead\s+of|prior\s+to|during)\s+$")


def denies(sentence: str, start: int, end: int) -> bool:
    """Whether the definite phrase at sentence[start:end] is what the sentence denies: the last denial before its
    head (_DENIAL), not negated, in the same clause, the phrase not after a word of time."""
    if _DATES_IT.search(sentence[:start]):
        return False
    last = None
    for m in _DENIAL.finditer(sentence, 0, end):
        if m.end() < end:
            last = m
    if last is None or _UNDENIED.search(sentence[: last.start()]):
        return False
    return _CLAUSE_BREAK.search(sentence[last.end() : end]) is None
