"""PLOVER 2.0's single-category convention: the type and mode an event is coded with when what the text reports is
an act together with an auxiliary mode (manual, "Auxiliary modes": "the coder should always return the single event
category, not a category+auxiliary").

Dateline stores the act the words name (`Event.event`, `Event.mode`: "refused to withdraw" is RETREAT withdraw) and
its factuality (negated) apart, so a user can filter either way; `plover_coding` gives the single category and a mode
from that category's own table, as the PLOVER export and the scorers read them:

* negated or denied -> REJECT ("refused to withdraw", "denied it would send troops"), mode from REJECT's table
  (shared with REQUEST): yield for releases, withdrawals, ceasefires and concessions; change for a resignation or a
  change of policy; assist for aid and cooperation; meet for talks and visits;
* future or hypothetical -> AGREE for a cooperative act (a promise, a plan to visit: AGREE has no modes), THREATEN
  for a forceful one, mode from THREATEN's table (arrest, restrict, relations, expel, territory, violence).

Historical and alleged acts keep their type and mode.
"""

from __future__ import annotations

_COOPERATIVE = frozenset({"AID", "RETREAT", "COOPERATE", "CONCEDE", "SUPPORT", "CONSULT", "AGREE"})
_FORCEFUL = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"})

# REJECT (and REQUEST) modes: what was refused
_REJECT_MODES: dict[str, str] = {"AID": "assist", "COOPERATE": "assist", "SUPPORT": "assist", "CONSULT": "meet",
                                 "CONCEDE": "yield", "RETREAT": "yield"}  # fmt: skip
_REJECT_BY_MODE: dict[str, str] = {"resign": "change"}  # a change of leadership (manual: REQUEST "change")

# THREATEN modes: what was threatened
_THREATEN_BY_MODE: dict[str, str] = {
    "arrest": "arrest",
    "restrict": "restrict", "ban": "restrict", "curfew": "restrict", "martial-law": "restrict", "censor": "restrict",
    "withhold": "restrict", "boycott": "restrict", "strike": "restrict", "obstruct": "restrict",
    "expel": "expel", "deport": "expel",
    "withdraw": "relations", "discontinue": "relations",
}  # fmt: skip
_THREATEN_BY_TYPE: dict[str, str] = {"ASSAULT": "violence", "MOBILIZE": "violence", "PROTEST": "restrict",
                                     "SANCTION": "relations", "COERCE": "restrict"}  # fmt: skip


# the CAMEO root of a single category the convention gives (a refusal 12, a threat 13, an intent 03)
_CAMEO_ROOTS: dict[str, str] = {"REJECT": "12", "THREATEN": "13", "AGREE": "03"}


def cameo_root(event: str, cameo: str | None, factuality: str | None) -> str | None:
    """The CAMEO root of the event as PLOVER codes it: the act's own root, or that of its single category."""
    single = single_category(event, factuality)
    return cameo if single == event else _CAMEO_ROOTS.get(single, cameo)


def single_category(event: str, factuality: str | None) -> str:
    """The single PLOVER category of an act with its factuality: a negated or denied act is REJECT; a future or
    hypothetical cooperative act AGREE, a forceful one THREATEN; anything else its own type."""
    if factuality in ("negated", "denied"):
        return "REJECT"
    if factuality in ("future", "hypothetical"):
        if event in _COOPERATIVE:
            return "AGREE"
        if event in _FORCEFUL:
            return "THREATEN"
    return event


def plover_coding(event: str, mode: str | None, factuality: str | None) -> tuple[str, str | None]:
    """(type, mode) as PLOVER codes the act: its single category, with a mode of that category's table (None where
    the category has none, AGREE, or no mode fits)."""
    single = single_category(event, factuality)
    if single == event:
        return event, mode
    if single == "REJECT":
        return single, _REJECT_BY_MODE.get(mode or "") or _REJECT_MODES.get(event)
    if single == "THREATEN":
        return single, _THREATEN_BY_MODE.get(mode or "") or _THREATEN_BY_TYPE.get(event)
    return single, None
