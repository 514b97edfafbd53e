"""Events in articles, session 11 (issue 3): deployments, withdrawals, talks and refusals written as short articles
(tests/data/events_own_s11.jsonl, see its .md), and the kinds fixed on it, each tested on sentences of our own.

`python tests/test_events_s11.py` prints the set's figures per field and the wrong gold events."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events_helpers import helpers_for, processed_events  # noqa: E402

events, types, of = helpers_for("2024-06-12")  # a Wednesday


def _one(text: str, event: str) -> Any:
    found = [e for e in processed_events(text, "2024-06-12") if e.event == event]
    assert found, f"no {event} in {text!r}"
    return found[0]


# --------------------------------------------------------------------------- the article set


@pytest.fixture(scope="module")
def s11() -> dict[str, Any]:
    from dateline.evaluate.events import _own_s11

    return _own_s11()


def test_set_overall(s11: dict[str, Any]) -> None:
    assert s11["articles"] >= 24
    assert s11["all_fields"] >= 0.86


@pytest.mark.parametrize(
    ("field", "least"),
    [("found", 0.92), ("location", 0.85), ("actor", 0.8), ("recipient", 0.78), ("size", 0.8)],
)
def test_set_fields(s11: dict[str, Any], field: str, least: float) -> None:
    ok, n = (int(x) for x in s11["per_field"][field].split(" = ")[0].split("/"))
    assert ok / n >= least, s11["wrong"]


def test_scorer_reads_a_refusal_either_way() -> None:
    from dateline.evaluate.events import _s11_fields
    from dateline.model import Actor, Event

    ev = Event(id="x", doc_id="d", event="REJECT", mode=None, cameo=None, actor=[Actor("Oslo", 0, 4, country="NOR")],
               recipient=[], text="", sentence_start=0, sentence_end=10, event_text="refused", event_start=0,
               event_end=7)  # fmt: skip
    gold = {"event": "MOBILIZE", "factuality": "negated", "trigger": "send", "actors": [["NOR", None, None]]}
    res = _s11_fields(gold, ev, "2024-06-12")
    assert res["type"] and res["factuality"] and res["actor"]
    gold_wrong = {**gold, "actors": [["SWE", None, None]]}
    assert not _s11_fields(gold_wrong, ev, "2024-06-12")["actor"]


# --------------------------------------------------------------------------- kinds, in our own words


def test_destination_country_is_the_place() -> None:
    ev = _one("The Netherlands will send 200 marines to Lithuania in August.", "MOBILIZE")
    assert ev.location is not None and ev.location.text == "Lithuania"
    assert {a.country for a in ev.recipient} == {"LTU"}
    ev = _one("Italian troops pulled out of Niger on Friday.", "RETREAT")
    assert ev.location is not None and ev.location.text == "Niger"


def test_toll_told_in_the_next_sentence_is_the_attacks() -> None:
    evs = processed_events(
        "Israeli jets struck a building in Gaza City on Monday. Twelve people were killed, medics said.",
        "2024-06-12",
    )
    attacks = [e for e in evs if e.event == "ASSAULT"]
    assert len(attacks) == 1
    assert any(s.min == 12 and s.kind == "dead" for s in attacks[0].size)


def test_own_side_dead_are_another_attack() -> None:
    evs = processed_events(
        "Iraqi troops attacked a hideout near Mosul on Monday. Three Iraqi soldiers were killed, the army said.",
        "2024-06-12",
    )
    assert len([e for e in evs if e.event == "ASSAULT"]) == 2


def test_aircraft_strike_from_the_air() -> None:
    assert _one("Saudi warplanes hit a market in Saada on Sunday.", "ASSAULT").mode == "aerial"
    assert _one("Mortar shells hit the market in Saada on Sunday.", "ASSAULT").mode == "heavy-weapons"


def test_bare_definite_takes_its_antecedent() -> None:
    evs = processed_events(
        "Rwandan soldiers crossed into Congo near Goma on Monday, Congolese officials said. "
        "The soldiers opened fire on a Congolese army patrol.",
        "2024-06-12",
    )
    fire = [e for e in evs if e.event == "ASSAULT"]
    assert fire and {a.country for a in fire[0].actor} == {"RWA"}


def test_criticised_move_targets_its_mover() -> None:
    text = "Poland deployed 3,000 soldiers to its border with Belarus. Minsk called the move a provocation."
    ev = _one(text, "ACCUSE")
    assert {a.country for a in ev.recipient} == {"POL"}


def test_warned_response_targets_the_last_mover() -> None:
    text = "Japan sent two destroyers to the Taiwan Strait on Monday. Beijing warned that it would respond."
    ev = _one(text, "THREATEN")
    assert {a.country for a in ev.recipient} == {"JPN"}


def test_speaker_hung_as_an_apposition() -> None:
    ev = _one(
        "Chad will not send more troops to the border with Sudan, Defence Minister Issakha Malloua said.",
        "MOBILIZE",
    )
    assert ev.source is not None and "Malloua" in ev.source.text


def test_warning_of_a_response() -> None:
    assert "THREATEN" in types("Beijing warned that it would respond firmly to any provocation.")
    assert "THREATEN" not in types("Doctors warned that hospitals could not respond to the surge.")


def test_arrival_in_a_foreign_town_names_the_host() -> None:
    ev = _one("Egyptian troops arrived in Mogadishu on Tuesday.", "MOBILIZE")
    assert {a.country for a in ev.recipient} == {"SOM"}
    ev = _one("Kenyan police reinforcements arrived in Mombasa on Tuesday.", "MOBILIZE")
    assert not [a for a in ev.recipient if a.country == "KEN"]


def test_due_to_visit() -> None:
    ev = _one("The German chancellor is due to visit Abuja next week.", "CONSULT")
    assert {a.country for a in ev.actor} == {"DEU"}
    assert ev.location is not None and ev.location.text == "Abuja"


def test_contributed_troops_are_deployed() -> None:
    assert "MOBILIZE" in types("Rwanda will contribute 400 soldiers to the regional force.")
    assert "AID" in types("Japan contributed 2 million dollars to the relief fund.")


def test_strike_that_kills_is_one_attack() -> None:
    attacks = of("A Turkish drone strike on a farmhouse in northern Syria killed six people.", "ASSAULT")
    assert len(attacks) == 1
    assert {a.country for a in attacks[0].actor} == {"TUR"}
    assert "SYR" in {a.country for a in attacks[0].recipient}


def test_second_verb_shares_the_first_verbs_place() -> None:
    ev = _one("Soldiers attacked a camp near Gao on Monday and arrested twelve suspects.", "COERCE")
    assert ev.location is not None and ev.location.text == "Gao"


def test_denier_is_the_implied_attacker() -> None:
    [ev] = of("An Israeli army spokesman denied that the hospital had been targeted.", "ASSAULT")
    assert ev.factuality == "denied" and {a.country for a in ev.actor} == {"ISR"}
    [ev] = of("A UN official said that civilians had been hit.", "ASSAULT")
    assert not ev.actor  # one who reports an attack did not do it


def test_time_of_an_after_clause_is_not_the_main_acts() -> None:
    evs = processed_events(
        "France has sent a frigate to the Red Sea after rebels fired on a tanker on Sunday.", "2024-06-12"
    )
    [sent] = [e for e in evs if e.event == "MOBILIZE"]
    assert sent.date is not None and sent.date.source != "text"


def test_offset_date_keeps_its_words() -> None:
    evs = processed_events("The talks came two days after rebels shelled the airport in Goma.", "2024-06-12")
    [shelling] = [e for e in evs if e.event == "ASSAULT"]
    assert shelling.date is not None and shelling.date.value == "2024-06-10"
    assert shelling.date.text == "two days after"


# --------------------------------------------------------------------------- leftovers of session 10, in our own words


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Russian armoured columns rumbled into the town at dawn.", "RUS"),
        ("Israeli tanks rolled into Rafah on Tuesday.", "ISR"),
        ("A Nigerian army convoy crossed into Niger on Sunday.", "NGA"),
    ],
)
def test_forces_rolling_in_are_deployed(text: str, actor: str) -> None:
    evs = of(text, "MOBILIZE")
    assert evs and actor in {a.country for a in evs[0].actor}
    assert "AID" not in types(text)


def test_relief_convoys_and_tanks_off_a_line() -> None:
    assert "AID" in types("A UN aid convoy crossed into Gaza on Monday.")
    assert not types("The tanks rolled off the production line in Detroit.")


def test_stopped_vehicles_are_restricted() -> None:
    assert "COERCE" in types("Lorries were stopped for up to two days at a checkpoint near the border.")
    assert "COERCE" in types("Border guards held up hundreds of trucks for six hours.")
    assert not types("The company stopped production at the plant.")


def test_following_with_measures() -> None:
    [ev] = of("Washington may well follow with its own measures.", "SANCTION")
    assert ev.factuality == "hypothetical"
    assert "SANCTION" in types("Ottawa followed with a travel ban on the officials.")
    assert not types("The striker followed with a second goal in the final minute.")


def test_domestic_policy_is_no_event() -> None:
    assert not types("The government is considering raising the minimum wage.")
    assert not types("Ministers are considering raising taxes on fuel.")


if __name__ == "__main__":
    from dateline.evaluate.events import _own_s11

    out = _own_s11()
    print(json.dumps({k: v for k, v in out.items() if k != "wrong"}, indent=1))
    print("\n".join(out["wrong"]))
