"""Event misses other engineers found in session 12 (issue 3, round 2), each kind in our own wording: a vow of force
in a "that ... would" clause is THREATEN (and fighters who "strike" attack); two forces drilling or training
"together" COOPERATE, one force drilling MOBILIZE; an object the parser hung on its participle ("intercepted a dhow
loaded with rifles"); regained ground is an attack, regained "control of inflation" no event; with no act in the
sentence, an event with its own day in an "after / since" phrase, or with its parties in "between", is the news
("six sailors remain in hospital after Monday's missile attack", "a row overshadowed talks between X and Y"); a
light verb's noun is inside the event's words ("imposed an arms embargo", "went on strike", "flew ... for talks");
an office-holder sacked, dismissed, fired or removed is a change in leadership (CONCEDE); "picked up" boats or
opponents COERCE; the owner of an activity that "remains suspended" acts; armed people who fire with no object
shoot; a person handed over is extradited (refused: REJECT). Check set: tests/data/events_own_s12_left.jsonl (see its
.md; gold written before the system ran: 52 sentences, 51 events). Untouched: 29/51 found, 4 extra, 20/52 rows right
in every field (24/52 with the single-category factuality scoring); final 50/51 found, 1 extra, 47/52 rows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from events_helpers import countries, helpers_for, score_left, score_left_row

PUB = "2024-03-20"
_events, _types, _of = helpers_for(PUB)
_PATH = Path(__file__).parent / "data" / "events_own_s12_left.jsonl"


def _rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in _PATH.read_text().splitlines() if line.strip()]


_countries = countries


def _score_row(row: dict[str, Any]) -> dict[str, int]:
    return score_left_row(row, _events, single_category_factuality=True)


def score(rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Per-kind sums of `_score_row` (and "total")."""
    return score_left(rows, _events, single_category_factuality=True)


def _words(text: str, ev: Any) -> str:
    return text[ev.event_start : ev.event_end]


@pytest.mark.parametrize(
    "text",
    [
        "An Islamic State spokesman vowed that its fighters would strike the new government in Baghdad.",
        "The rebel commander swore that his men would keep shelling the airport until the siege ended.",
    ],
)
def test_vow_of_force_in_a_that_clause_threatens(text: str) -> None:
    evs = _events(text)
    assert [e.event for e in evs] == ["THREATEN"], evs
    assert "AGREE" in _types("The minister promised that the government would send aid to the flood victims.")


def test_fighters_who_strike_attack_but_workers_strike() -> None:
    assert _types("Militants struck at dawn near the Afghan border.") == {"ASSAULT"}
    assert _of("Nurses in Lagos will strike next week.", "PROTEST")


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        (
            "Indonesian and Australian marines have been training together on Java since Sunday.",
            {"IDN", "AUS"},
        ),
        ("Greek and Egyptian warships exercised together south of Crete.", {"GRC", "EGY"}),
    ],
)
def test_two_forces_drilling_together_cooperate(text: str, countries: set[str]) -> None:
    (ev,) = _events(text)
    assert ev.event == "COOPERATE" and _countries(ev.actor) == countries, ev


def test_one_force_drilling_mobilizes() -> None:
    assert _types("The North Korean army has been drilling near the border all week.") == {"MOBILIZE"}
    assert _types("Japanese destroyers exercised off Okinawa on Friday.") == {"MOBILIZE"}
    assert not _events("Engineers drilled a new well near the village.")


@pytest.mark.parametrize(
    "text",
    [
        "Omani coast guards intercepted a skiff loaded with hashish off Salalah.",
        "The navy intercepted a freighter carrying rockets in the Red Sea.",
    ],
)
def test_object_hung_on_its_participle(text: str) -> None:
    assert _types(text) == {"COERCE"}, _events(text)


def test_regained_ground_is_an_attack() -> None:
    assert _types("Malian troops regained control of the town of Kidal on Tuesday.") == {"ASSAULT"}
    assert _types("Government forces regained the airport after a week of fighting.") == {"ASSAULT"}
    assert not _events("The central bank regained control of inflation.")


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Three soldiers remain in intensive care after Friday's ambush near Gao.", "ASSAULT"),
        ("Schools in Nairobi stayed empty on Thursday after Wednesday's teachers' strike.", "PROTEST"),
        (
            "A dispute over flags overshadowed talks between the Greek and Turkish foreign ministers.",
            "CONSULT",
        ),
        ("It was the biggest crowd in Yerevan since a similar march in April.", "PROTEST"),
        ("Journalists were kept far from talks between Armenia and Azerbaijan in Almaty.", "CONSULT"),
    ],
)
def test_dated_or_paired_event_of_a_stative_sentence_is_news(text: str, event: str) -> None:
    assert _types(text) == {event}, _events(text)


def test_event_beside_an_act_stays_background() -> None:
    text = "Police in Karachi arrested four men after Sunday's bombing of a bus."
    assert _types(text) == {"COERCE"}, _events(text)
    assert not _events("The talks in Geneva were described as long.")
    assert not _events("Officials said the crossing stayed open despite Sunday's shelling.")  # a contrast


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("The United States imposed a trade embargo on Venezuela on Monday.", "embargo"),
        ("Railway workers in France went on strike on Thursday.", "strike"),
        ("Qatar's emir travelled to Cairo on Sunday for talks with Egypt's president.", "talks"),
    ],
)
def test_event_words_run_to_the_carried_noun(text: str, noun: str) -> None:
    (ev,) = _events(text)
    assert noun in _words(text, ev), (ev.event_text, ev.event_start, ev.event_end)


@pytest.mark.parametrize(
    "text",
    [
        "Sudan's army chief sacked the governor of Khartoum state on Monday.",
        "The president of Madagascar dismissed his foreign minister late on Friday.",
        "Sri Lanka's president fired the police chief after the bombings.",
    ],
)
def test_dismissed_office_holder_is_a_change_in_leadership(text: str) -> None:
    assert _types(text) == {"CONCEDE"}, _events(text)


def test_sacked_coach_or_dismissed_charge_is_no_dismissal() -> None:
    assert not _events("The rugby club sacked its head coach after the defeat.")
    assert _types("Moscow dismissed the allegations as lies.") == {"REJECT"}


def test_picking_up_boats_or_opponents_is_coercion() -> None:
    assert {(e.event, e.mode) for e in _events("Tunisian police picked up two bloggers in Sfax.")} == {
        ("COERCE", "arrest")
    }
    assert _types("The Indian navy picked up a Sri Lankan trawler off Rameswaram.") == {"COERCE"}
    assert not _events("The bus picked up passengers in Mombasa.")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Sweden's development assistance to Mali remains suspended.", "SWE"),
        ("The EU's budget support to Niger remained suspended in March.", "EUR"),
    ],
)
def test_owner_of_a_stopped_activity_acts(text: str, country: str) -> None:
    (ev,) = _of(text, "SANCTION")
    assert _countries(ev.actor) == {country}, ev


def test_armed_people_who_fire_shoot() -> None:
    text = "A Pakistani army spokesman said its soldiers had not fired first."
    (ev,) = _events(text)
    assert ev.event == "ASSAULT" and ev.factuality == "negated", ev
    assert _types("Soldiers fired as the crowd pushed toward the gate.") == {"ASSAULT"}
    assert {e.mode for e in _events("Police fired tear gas at students.")} == {"crowd-control"}


def test_person_handed_over_is_extradited() -> None:
    text = "Kosovo would not hand over the former commander to Serbia."
    (ev,) = _events(text)
    assert (ev.event, ev.factuality) == ("COOPERATE", "negated"), ev
    assert _types("Croatia handed over Ante Gotovina to the tribunal.") == {"COOPERATE"}


def test_check_set_scores() -> None:
    """The round's own check set (figures in the docstring)."""
    tot = score(_rows())["total"]
    assert tot["found"] >= 0.95 * tot["gold"], tot
    assert tot["extra"] <= 2, tot
    assert tot["all"] >= 0.85 * tot["rows"], tot


if __name__ == "__main__":
    rows = _rows()
    for k, v in sorted(score(rows).items()):
        print(k, v)
    for row in rows:
        s = _score_row(row)
        if not s.get("all"):
            evs = [
                (
                    e.event,
                    e.mode,
                    e.factuality,
                    e.event_text,
                    sorted(_countries(e.actor)),
                    sorted(_countries(e.recipient)),
                )
                for e in _events(row["text"])
            ]
            print(row["id"], s, "\n   ", row["text"][:110], "\n   ", evs)


@pytest.mark.parametrize(
    "text",
    [
        "The army launched an offensive late last night against rebel positions.",
        "Hours later, Ukrainian forces launched a counter-offensive near Kherson.",
    ],
)
def test_offensive_read_as_an_adjective_is_the_noun(text: str) -> None:
    assert _types(text) == {"ASSAULT"}, _events(text)
    assert not _events("Critics called the remarks offensive.")


def test_party_of_an_event_in_a_time_phrase_is_no_recipient() -> None:
    text = "The training mission is still suspended two weeks after the Soleimani killing."
    (ev,) = _events(text)
    assert not ev.recipient, ev
    text = "Flights to Beirut remain halted three days after the assassination of Nasrallah."
    evs = _events(text)
    assert evs and not any("Nasrallah" in (a.text or "") for e in evs for a in e.recipient), evs
