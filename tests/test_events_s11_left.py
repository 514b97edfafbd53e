"""Event misses other engineers found in session 11 (issue 3, "left" round), each kind in our own wording: police
tear gas (ASSAULT crowd-control), denied withdrawals (RETREAT denied), rejected demands for talks (REJECT), a
minister "in X for talks" (CONSULT), general strikes (PROTEST strike, a march apart), passive blockades (PROTEST)
and reported incursions (MOBILIZE alleged), "may well" sanctions (hypothetical), metaphorical title lines, and the
sanctioner as recipient of a rejection. Check set: tests/data/events_own_s11_left.jsonl (gold written before the
system ran: 38 sentences, 40 events, kinds 1-9 of the brief, 3-6 each; published 2024-03-20; `actors` / `recipients`
are the countries of every gold event of the row, scored only when listed). Run `python tests/test_events_s11_left.py`
for the per-kind figures. Untouched: 24/40 found, 8 extra, 15/38 rows right in every field; after this round's
fixes 39/40 found, 1 extra, 36/38 rows (left then: "broke up the rally with tear gas" and "turned down a proposal
for talks"; the twelfth session made dispersal with a named crowd-control weapon ASSAULT crowd-control, as the manual
says, with events_own_args2 rows 021 and 036 corrected to match, and a refused proposal for talks REJECT meet)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from events_helpers import countries, helpers_for, score_left, score_left_row

PUB = "2024-03-20"
_events, _types, _of = helpers_for(PUB)
_PATH = Path(__file__).parent / "data" / "events_own_s11_left.jsonl"


def _rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in _PATH.read_text().splitlines() if line.strip()]


_countries = countries


def _score_row(row: dict[str, Any]) -> dict[str, int]:
    return score_left_row(row, _events, single_category_factuality=False)


def score(rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Per-kind sums of `_score_row` (and "total")."""
    return score_left(rows, _events, single_category_factuality=False)


@pytest.mark.parametrize(
    "text",
    [
        "Riot police in Bogota fired tear gas at students blocking the avenue.",
        "Troops shot rubber bullets and tear gas at the crowd outside the stadium.",
        "Police lobbed teargas canisters at mourners in Harare.",
    ],
)
def test_crowd_control_weapons(text: str) -> None:
    evs = _of(text, "ASSAULT")
    assert evs and evs[0].mode == "crowd-control", _events(text)


def test_rejected_call_for_talks_is_reject_meet() -> None:
    text = "The governor rejected the teachers' demand for negotiations on Friday."
    evs = _events(text)
    assert [(e.event, e.mode, e.factuality) for e in evs] == [("REJECT", "meet", "asserted")], evs


def test_minister_in_a_capital_for_talks_consults() -> None:
    text = "Brazil's foreign minister was in Asuncion on Tuesday for talks with Paraguay's president."
    (ev,) = _of(text, "CONSULT")
    assert ev.mode == "visit" and {a.country for a in ev.actor} == {"BRA"}, ev
    assert not _events("The minister was in Quito for a family holiday.")


def test_closures_of_a_strike_are_the_strike() -> None:
    text = "Factories and offices stayed shut across Portugal as unions held a general strike."
    assert _types(text) == {"PROTEST"}, _events(text)
    assert "COERCE" in _types("The junta closed all universities in the capital on Monday.")


def test_strike_and_march_are_two_events() -> None:
    text = "Dockers in Chile downed tools on Monday. On Tuesday they marched through Valparaiso."
    modes = sorted(e.mode or "" for e in _of(text, "PROTEST"))
    assert modes == ["demo", "strike"], _events(text)


def test_vehicles_parked_across_a_road_block_it() -> None:
    assert _types("Scores of lorries were parked across the ring road outside Warsaw.") == {"PROTEST"}
    assert not _events("He parked his van across the street from the court.")


def test_reported_incursions_mobilize() -> None:
    evs = _of("Vietnamese coast guard ships reportedly entered the disputed waters.", "MOBILIZE")
    assert evs and evs[0].factuality == "alleged", evs
    assert _of("Russian military jets entered Finnish airspace on Sunday.", "MOBILIZE")
    assert not _events("A container vessel entered the port of Rotterdam.")


def test_names_added_to_a_sanctions_list() -> None:
    evs = _of("Switzerland could add the same oligarchs to its sanctions list.", "SANCTION")
    assert evs and evs[0].factuality == "hypothetical", evs
    assert not _events("The chef added garlic to the list of ingredients.")


def test_figurative_title_line_is_no_attack() -> None:
    text = "Seoul takes aim at Tokyo trade curbs\n\nSouth Korea filed a complaint against Japan at the WTO."
    assert "ASSAULT" not in _types(text), _events(text)
    text = "Beijing hits back at Canberra\n\nChina suspended beef imports from Australia on Friday."
    assert _types(text) == {"SANCTION"}, _events(text)
    real = "Gunmen kill nine in attack on Kaduna market\n\nGunmen stormed a market in Kaduna on Sunday."
    assert "ASSAULT" in _types(real)


def test_rejected_sanctions_answer_the_sanctioner() -> None:
    text = (
        "Britain imposed sanctions on three Nicaraguan judges on Monday. Nicaragua's government rejected the "
        "sanctions as interference in Nicaragua's internal affairs."
    )
    (ev,) = _of(text, "REJECT")
    assert {a.country for a in ev.recipient} == {"GBR"}, ev


def test_armed_group_leaving_a_town_retreats() -> None:
    text = "The Houthis denied they were preparing to pull their fighters out of Hodeidah."
    evs = _of(text, "RETREAT")
    assert evs and evs[0].factuality == "denied", _events(text)
    assert "SANCTION" in _types("The rebels withdrew from the peace talks in Nairobi.")


def test_bare_list_in_a_sanctions_story() -> None:
    text = (
        "Canada sanctioned four Iranian officers on Monday. Australia may add the same men to its own list."
    )
    assert any(e.factuality == "hypothetical" for e in _of(text, "SANCTION")), _events(text)
    assert not _events("Kenya added two parks to its list of protected areas.")


def test_check_set_scores() -> None:
    """The session's own check set: every field stays high overall (the figures are in the report)."""
    tot = score(_rows())["total"]
    assert tot["found"] >= 0.95 * tot["gold"], tot
    assert tot["extra"] <= 2, tot
    for field in ("mode", "factuality", "actor", "recipient"):
        assert tot[field] >= 0.9 * tot["found"], (field, tot)


if __name__ == "__main__":
    rows = _rows()
    for k, v in sorted(score(rows).items()):
        print(k, v)
    for row in rows:
        s = _score_row(row)
        if not s.get("all"):
            evs = [
                (e.event, e.mode, e.factuality, sorted(_countries(e.actor)), sorted(_countries(e.recipient)))
                for e in _events(row["text"])
            ]
            print(
                row["id"],
                s,
                "\n   ",
                row["text"][:100],
                "\n    gold",
                [(g["event"], g["mode"], g["factuality"]) for g in row["events"]],
                row["actors"],
                row["recipients"],
                "\n    pred",
                evs,
            )
