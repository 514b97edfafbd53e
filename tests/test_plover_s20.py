"""PLOVER's single-category convention in what Dateline writes (issue 3, session 20): the stored event keeps the act
the words name and its factuality; the PLOVER export (and the scorers' mode check) code it as the manual says — one
category, with a mode from that category's own table, and the CAMEO root of that category."""

from __future__ import annotations

import pytest
from events_helpers import helpers_for

from dateline.export import plover_record
from dateline.plover import cameo_root, plover_coding, single_category

_events, _types, _of = helpers_for("2026-11-24")


@pytest.mark.parametrize(
    ("event", "mode", "factuality", "want"),
    [
        # refusals: REJECT with what was refused (REJECT shares REQUEST's modes)
        ("RETREAT", "withdraw", "negated", ("REJECT", "yield")),
        ("RETREAT", "release", "denied", ("REJECT", "yield")),
        ("CONCEDE", None, "negated", ("REJECT", "yield")),
        ("RETREAT", "resign", "negated", ("REJECT", "change")),
        ("AID", None, "negated", ("REJECT", "assist")),
        ("COOPERATE", None, "negated", ("REJECT", "assist")),
        ("CONSULT", "visit", "negated", ("REJECT", "meet")),
        ("ASSAULT", "aerial", "negated", ("REJECT", None)),
        # threats: THREATEN with what was threatened
        ("COERCE", "arrest", "future", ("THREATEN", "arrest")),
        ("COERCE", "curfew", "hypothetical", ("THREATEN", "restrict")),
        ("SANCTION", "expel", "future", ("THREATEN", "expel")),
        ("SANCTION", "discontinue", "future", ("THREATEN", "relations")),
        ("ASSAULT", "aerial", "future", ("THREATEN", "violence")),
        ("MOBILIZE", "troops", "hypothetical", ("THREATEN", "violence")),
        ("PROTEST", "strike", "future", ("THREATEN", "restrict")),
        # intents: AGREE, which has no modes
        ("CONSULT", "visit", "future", ("AGREE", None)),
        ("AID", None, "hypothetical", ("AGREE", None)),
        # no auxiliary mode to fold: the act as it is
        ("RETREAT", "withdraw", "asserted", ("RETREAT", "withdraw")),
        ("ASSAULT", "aerial", "historical", ("ASSAULT", "aerial")),
        ("COERCE", "arrest", "alleged", ("COERCE", "arrest")),
        ("REJECT", None, "asserted", ("REJECT", None)),
    ],
)
def test_plover_coding_gives_the_single_category_and_its_mode(
    event: str, mode: str | None, factuality: str, want: tuple[str, str | None]
) -> None:
    assert plover_coding(event, mode, factuality) == want
    assert single_category(event, factuality) == want[0]


def test_cameo_root_follows_the_single_category() -> None:
    assert cameo_root("RETREAT", "08", "negated") == "12"
    assert cameo_root("ASSAULT", "19", "future") == "13"
    assert cameo_root("CONSULT", "04", "future") == "03"
    assert cameo_root("ASSAULT", "19", "asserted") == "19"


@pytest.mark.parametrize(
    ("text", "stored", "coded"),
    [
        ("The prime minister refused to withdraw troops from the border.", "RETREAT", ("REJECT", "yield")),
        ("Kenya ruled out releasing the detained journalists.", "RETREAT", ("REJECT", "yield")),
        ("Police will arrest anyone who breaks the curfew.", "COERCE", ("THREATEN", "arrest")),
        ("The government will expel the Dutch ambassador.", "SANCTION", ("THREATEN", "expel")),
        ("The minister will visit Hanoi next week.", "CONSULT", ("AGREE", None)),
    ],
)
def test_plover_export_codes_the_single_category_and_keeps_the_content_act(
    text: str, stored: str, coded: tuple[str, str | None]
) -> None:
    [ev] = [e for e in _events(text) if e.event == stored]
    rec = plover_record(ev)
    assert (rec["event"], rec["mode"] or [None]) == ([coded[0]], [coded[1]])
    assert rec["content_event"] == stored and rec["content_mode"] == ev.mode
    assert rec["factuality"] == ev.factuality  # the auxiliary mode itself stays beside it


def test_plover_export_of_an_asserted_act_is_the_act() -> None:
    [ev] = [e for e in _events("Israeli jets struck targets in Gaza on Monday.") if e.event == "ASSAULT"]
    rec = plover_record(ev)
    assert rec["event"] == ["ASSAULT"] and rec["content_event"] is None and rec["content_mode"] is None
    assert rec["cameo"] == ev.cameo
