"""Places the text itself calls a settlement or a district (session 22, issue 6): "the village of X", "X district",
"X, a town 40 km north of Y", "the Nigerian town of X". Imports only `_names` and `_words`."""

from __future__ import annotations

import re

from dateline.places._names import _norm
from dateline.places._words import _name_blocks

# a speaker, not a place: "Kilimo said", "Juu's aide told"
_SAID_AFTER = r"(?:'s|’s)?\s+(?:said|says|told|added|asked|wrote|noted|explained|stated|argued)\b"


# Issue 6 (session 22): a name the text itself calls a settlement or a district is a place even when no gazetteer
# has it (it then falls back to the story's country with a coarse precision, never a point of its own): "the
# village of Vrbetice", "the flooded village of Mucojo", "near the town of Patikul", "the Nigerian town of
# Damasak", "in Indanan town", "in Macomia district", "Laprak, a village 10 km east of Barpak"
_SETTLEMENT_WORD = (
    r"(?:village|town|township|hamlet|settlement|city|district|sub-district|locality|commune|enclave|oasis)"
)
_SETTLEMENT_NAME = r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*(?: [A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*){0,2}"
_SETTLEMENT_OF = re.compile(
    rf"\b(?:the|The)\s+(?:[A-Za-z'’-]+\s+){{0,2}}?{_SETTLEMENT_WORD}\s+of\s+(?P<name>{_SETTLEMENT_NAME})"
)
_NAME_SETTLEMENT = re.compile(
    rf"\b(?:in|near|outside|around|from|to|into|at)\s+(?:the\s+)?(?P<name>{_SETTLEMENT_NAME})\s+"
    r"(?:town|district|sub-district|township|village)\b(?!\s+(?:of|council|councils|chief|chiefs|head|official|"
    r"officials|court|courts|hall|halls|centre|center|square|police|hospital|administration|commissioner)\b)"
)
_SETTLEMENT_APPOSITION = re.compile(
    rf"(?P<name>{_SETTLEMENT_NAME}),\s+an?\s+(?:[a-z-]+\s+){{0,2}}?(?:village|town|township|hamlet|settlement)"
    r"(?=\s+(?:\d|of\b|in\b|near\b|on\b|about\b|some\b|north|south|east|west|outside\b|close\b|just\b|"
    r"along\b|by\b|at\b)|\s*[,.;])"
)
# Issue 6 (session 23): a name led by an Arabic, Somali or Berber geographic term (cape, mountain, valley, well,
# hill, village, house, gate) after a locative preposition is a place even when no gazetteer has it: "clashed at
# Ras Doumeira", "fighting near Jebel Marra", "displaced from Wadi Saleh", "shelling around Tell Tamer", "in Kafr
# Nabl" (a person's "Ras" or "Tal" never follows "at"/"near" so)
_GEO_GENERIC = (
    r"(?:Ras|Jebel|Jabal|Djebel|Wadi|Oued|Bir|Khor|Tell|Tal|Kafr|Deir|Beit|Ain|Qasr|Hassi|Ksar|Raas)"
)
_GENERIC_LED = re.compile(
    r"\b(?:at|in|near|outside|around|from|to|into|towards?|on|off|across|beyond)\s+"
    rf"(?P<name>{_GEO_GENERIC}(?:\s+|-)(?:(?:al|el|ad|ar|as|an|at|ash|adh|az)-)?[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*"
    r"(?: [A-Z][a-z'’]+)?)"
)
_NOT_SETTLEMENT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december god".split()
)


def _settlement_phrases(
    text: str, spans: list[tuple[int, int]], person_words: set[str]
) -> list[tuple[int, int]]:
    """Names the text calls a village, town or district ("the village of X", "X district", "X, a town 40 km north
    of Y") that no other rule took: added as toponyms."""
    rxs = [_GENERIC_LED] if _GENERIC_LED.search(text) else []
    if any(w in text for w in ("village", "town", "district", "hamlet", "settlement", "city", "locality",
                               "commune", "enclave", "oasis")):  # fmt: skip
        rxs += [_SETTLEMENT_OF, _NAME_SETTLEMENT, _SETTLEMENT_APPOSITION]
    if not rxs:
        return spans
    common = _name_blocks()[0]
    added: list[tuple[int, int]] = []
    for rx in rxs:
        # the text's own word beats the model's "person" reading of an unknown name ("Kilimo Juu, a town near the
        # border"), except for the weaker "in X town", and a speaker stays a person ("X said")
        people = person_words if rx is _NAME_SETTLEMENT else set()
        for m in rx.finditer(text):
            s, e = m.span("name")
            name = text[s:e]
            key = _norm(name)
            words = name.split()
            if (
                len(key) < 3
                or key in _NOT_SETTLEMENT_NAMES
                or (len(words) == 1 and key in common)
                or any(w in people for w in words)
                or re.search(re.escape(name) + _SAID_AFTER, text)
                or any(a < e and s < b for a, b in spans + added)
            ):
                continue
            added.append((s, e))
    return sorted(spans + added) if added else spans


# a people's adjective before the settlement word: "the Nigerian town of", "an Ethiopian border village of" (the
# name after it lies in that people's country, _resolution.py)
_PEOPLES_SETTLEMENT = re.compile(
    r"\b(?:the|a|an|The|A|An)\s+([A-Z][\w'’-]+)\s+(?:[a-z-]+\s+){0,2}?(?:village|town|township|hamlet|"
    r"settlement|city|district|locality|commune|enclave|oasis)\s+of\s+$"
)
