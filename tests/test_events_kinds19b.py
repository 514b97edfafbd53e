"""Event coding by kind, session 19 round 2 (issues 3 and 7): the event-extraction misses that cost merge links
(notes/s19/report_merge.md, hand-off), fixed by kind on wordings of our own: crossings closed to another state's
craft named with stacked modifiers (SANCTION), envoys summoned or called in (ACCUSE), craft and vehicles made a
force by their modifier (MOBILIZE), "due in X for talks" (CONSULT, future), a legislature sitting (no CONSULT),
an act told in the clause a sequel verb relates ("the truce came two days after shelling killed ..."), two acts of one
type in one sentence that are two events; and three e2e_s19 misses by kind: a ban on another state's craft or goods
lifted (RETREAT), a planted bomb that rips through a place (explosives), a role denied in a named act (the act,
denied). Guards keep the neighbouring reading (PLOVER manual, tests/data/events_own_conv.md)."""

from __future__ import annotations

import pytest
from events_helpers import conventional_types, helpers_for

_events, _types, _of = helpers_for("2026-11-23")


def _conv(text: str) -> set[str]:
    return conventional_types(_events, text)


# kind -> (text, the sentence's types under the single-category convention)
CASES = {
    # a crossing closed to another state's craft: the state's adjective may hang on a stacked modifier
    "closed_to_state_stacked": [
        ("Qatar closed its airspace to all Emirati commercial and private flights on Monday.", {"SANCTION"}),
        ("Turkey shut its ports to Greek cargo and fishing vessels.", {"SANCTION"}),
        ("Chile closed its border crossings to all Bolivian passenger and freight lorries.", {"SANCTION"}),
        # guards: closed to protesters or migrants stays a restriction of movement
        ("Police closed the bridge to striking dock and rail workers.", {"COERCE"}),
        ("Hungary closed its borders to migrants.", {"COERCE"}),
    ],
    # an envoy summoned or called in by a government is reproached (conventions 7, 12: ACCUSE)
    "envoy_summoned": [
        ("The ministry summoned the French consul over the remarks.", {"ACCUSE"}),
        ("Accra called in the Nigerian ambassador on Friday.", {"ACCUSE"}),
        ("Lima's envoy in Santiago was called in by the Chilean government on Monday.", {"ACCUSE"}),
        ("Ottawa summoned India's high commissioner over the killing.", {"ACCUSE"}),
        # guards: others summoned are asked to come; "called in" reinforcements or players is no rebuke
        ("The court summoned two witnesses.", {"REQUEST"}),
        ("The coach called in three new players.", set()),
    ],
    # a craft or vehicle that is a force only by its modifier, sent or moved: MOBILIZE
    "armed_craft_moved": [
        ("Ghana has dispatched ten armed boats to the lake.", {"MOBILIZE"}),
        ("Tanzania sent six patrol boats to the disputed islet on Sunday.", {"MOBILIZE"}),
        ("Azerbaijan had moved armoured vehicles toward the frontier, villagers said.", {"MOBILIZE"}),
        ("Chad sent military trucks and armoured cars to the northern border.", {"MOBILIZE"}),
        # guards: plain boats and trucks are no force (rescue, relief)
        ("The district dispatched ten boats to the flooded villages.", set()),
        ("The charity sent trucks of flour to the camps.", {"AID"}),
    ],
    # a legislature or cabinet sitting is the body at work, no consultation between parties
    "legislature_sits": [
        ("Israel's cabinet met in Jerusalem on Sunday.", set()),
        ("The Kenyan parliament will meet on Tuesday for a special sitting.", set()),
        (
            "Peru's congress is due to meet today for a session at which deputies will vote on a motion calling "
            "for the expulsion of the Venezuelan ambassador.",
            {"REQUEST"},
        ),
        # guards: members meeting others, a council convened to discuss a third party
        ("Members of Ukraine's parliament met US congressional leaders in Washington.", {"CONSULT"}),
        ("The foreign ministers met in Vienna on Monday.", {"CONSULT"}),
    ],
    # an event noun that "came" after a clause: the earlier act is told too (as "came after talks")
    "sequel_clause": [
        ("The truce came two days after rebels shelled the airport in Kidal.", {"ASSAULT", "RETREAT"}),
        (
            "The curfew came hours after rioters torched a police station in the capital.",
            {"PROTEST", "COERCE"},
        ),
        # guards: an act of its own after the clause keeps the clause background
        ("The minister resigned two days after rebels shelled the town.", {"RETREAT"}),
        ("The army arrested forty men after gunmen ambushed a convoy.", {"COERCE"}),
    ],
}


@pytest.mark.parametrize(
    ("text", "want"), [c for cases in CASES.values() for c in cases], ids=lambda x: str(x)[:40]
)
def test_kind(text: str, want: set[str]) -> None:
    assert _conv(text) == want


# "due in X for talks": a visit expected (CONSULT visit, future), with the host as recipient
@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("Foreign ministers of the two countries are due in Nairobi tomorrow for talks.", "KEN"),
        ("The Iranian envoy is due in Ankara on Monday for consultations.", "TUR"),
    ],
)
def test_due_for_talks(text: str, host: str) -> None:
    [ev] = _of(text, "CONSULT")
    assert ev.factuality == "future"
    assert host in {r.country for r in ev.recipient}


def test_due_alone_is_no_visit() -> None:
    assert _types("The report is due in March.") == set()


def test_summoned_envoy_recipient() -> None:
    [ev] = _of("The ministry summoned the French consul over the remarks.", "ACCUSE")
    assert "FRA" in {r.country for r in ev.recipient}


def test_stacked_closure_parties() -> None:
    [ev] = _of(
        "Qatar closed its airspace to all Emirati commercial and private flights on Monday.", "SANCTION"
    )
    assert ev.mode == "discontinue"
    assert {a.country for a in ev.actor} == {"QAT"}
    assert {r.country for r in ev.recipient} == {"ARE"}


# two acts of one type in one sentence that are two events: a relative clause on the subject dated apart from the
# main clause, and event nouns a sequence verb relates ("X followed Y": Y is earlier)
@pytest.mark.parametrize(
    ("text", "event", "count"),
    [
        ("Both presidents, who spoke by phone on Sunday, will meet in Geneva on Friday.", "CONSULT", 2),
        ("The envoys, who met in Cairo on Monday, will hold more talks in Doha next week.", "CONSULT", 2),
        (
            "The summit in Accra on Friday followed a meeting of the two foreign ministers in Lome last week.",
            "CONSULT",
            2,
        ),
        ("The general strike on Monday came after a march by teachers last month.", "PROTEST", 2),
        # guards: one day, however worded, stays one event of the type
        ("The two ministers, who met in Rabat on Monday, met again there on the same day.", "CONSULT", 1),
        ("The envoys, who met in Rabat on Monday, held more talks there late on Monday.", "CONSULT", 1),
    ],
    ids=lambda x: str(x)[:40],
)
def test_two_of_one_type(text: str, event: str, count: int) -> None:
    assert len(_of(text, event)) == count


# a ban on another state's craft, goods or people lifted eases a sanction (conventions, ease: RETREAT); a ban at
# home on a party, paper or practice lifted stays CONCEDE
@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Qatar lifted its ban on Saudi trucks on Monday.", "RETREAT"),
        ("Japan lifted a ban on South Korean fishing boats entering its waters.", "RETREAT"),
        ("Russia lifted the ban on Turkish tomatoes.", "RETREAT"),
        ("Kenya lifted a ban on the opposition newspaper.", "CONCEDE"),
        ("Ethiopia lifted its ban on the main opposition party's rallies.", "CONCEDE"),
    ],
    ids=lambda x: str(x)[:40],
)
def test_state_ban_lifted(text: str, event: str) -> None:
    assert _types(text) == {event}


# a bomb or other planted device that rocks, rips or tears through a place: ASSAULT explosives (manual); shells and
# rockets stay heavy weapons
@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("A bomb rocked the market in Quetta.", "explosives"),
        ("A roadside bomb hit an army convoy near Gao.", "explosives"),
        ("A car bomb tore through a hotel lobby in Mogadishu.", "explosives"),
        ("Mortar shells rocked the town overnight.", "heavy-weapons"),
        ("Two rockets struck the airport.", "heavy-weapons"),
    ],
    ids=lambda x: str(x)[:40],
)
def test_device_mode(text: str, mode: str) -> None:
    assert {e.mode for e in _of(text, "ASSAULT")} == {mode}


# a role denied in an act the sentence names is that act, denied, with the denier as actor; a role denied with no
# act named stays the refusal (REJECT)
@pytest.mark.parametrize(
    ("text", "event", "factuality"),
    [
        ("The militia denied any involvement in the bombing of the market.", "ASSAULT", "denied"),
        ("Syria denied responsibility for the air strike on the convoy.", "ASSAULT", "denied"),
        ("Moscow denied any role.", "REJECT", "asserted"),
        ("The minister denied any role in the scandal.", "REJECT", "asserted"),
    ],
    ids=lambda x: str(x)[:40],
)
def test_role_denied(text: str, event: str, factuality: str) -> None:
    [ev] = _events(text)
    assert (ev.event, ev.factuality) == (event, factuality)


def test_role_denied_actor() -> None:
    [ev] = _of("Syria denied responsibility for the air strike on the convoy.", "ASSAULT")
    assert {a.country for a in ev.actor} == {"SYR"}
