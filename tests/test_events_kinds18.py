"""Event coding by kind, session 18 (issue 3): the kinds of wording behind the worst-recalled labels of the
ngec-synthetic lead check (MOBILIZE, COOPERATE, CONCEDE, RETREAT, ACCUSE), read off missed leads and judged by the
PLOVER manual. Check set: tests/data/events_own_s18.jsonl (+ .md: 137 sentences, gold written before the system
ran). Each kind below is a general rule tested on wordings of its own (not the set's, not the synthetic stories'),
with guards that keep the neighbouring reading."""

from __future__ import annotations

import pytest
from events_helpers import conventional_types, helpers_for

_events, _types, _of = helpers_for("2026-11-24")


def _conv(text: str) -> set[str]:
    return conventional_types(_events, text)


# kind -> (text, the sentence's types under the single-category convention)
CASES = {
    # a resignation handed in, tendered or submitted (manual, RETREAT resign)
    "resignation_handed": [
        ("Bolivia's defence minister tendered his resignation on Friday after the failed coup.", {"RETREAT"}),
        ("The mayor of Kabul handed in her resignation to the president on Monday.", {"RETREAT"}),
        ("The Slovak interior minister submitted his resignation late on Tuesday.", {"RETREAT"}),
        # guard: other things submitted are no resignation
        ("The interior minister submitted a report on the riots to parliament.", set()),
    ],
    # forces going back to barracks or leaving their positions (manual, RETREAT withdraw)
    "positions_left": [
        ("Thai soldiers returned to their barracks on Sunday.", {"RETREAT"}),
        ("Ukrainian troops evacuated their positions around Avdiivka on Saturday.", {"RETREAT"}),
        ("Rebel fighters evacuated two outposts in the hills above Goma.", {"RETREAT"}),
        # guard: people evacuated are helped (AID)
        ("Soldiers evacuated 300 villagers from the flooded district.", {"AID"}),
    ],
    # "let go" of captives, whichever way the parser reads it (manual, RETREAT release)
    "let_go": [
        ("The militants let go three Chinese engineers on Wednesday.", {"RETREAT"}),
        ("The kidnappers let go a Filipino priest after two weeks.", {"RETREAT"}),
        ("The gang let the nurses go after a ransom was paid.", {"RETREAT"}),
    ],
    # a complaint or lawsuit abandoned, a bill or plan shelved or dropped: a concession (manual, CONCEDE)
    "dropped_or_shelved": [
        ("The government abandoned its lawsuit against the newspaper on Monday.", {"CONCEDE"}),
        ("Kenya's cabinet shelved the finance bill on Wednesday after deadly protests.", {"CONCEDE"}),
        (
            "The Brazilian government dropped plans to privatise the postal service after a strike.",
            {"CONCEDE"},
        ),
        # guards: a company's plans are business; abandoned positions are a withdrawal
        ("The carmaker shelved plans for a new plant in Hungary.", set()),
        ("Malian soldiers abandoned their outposts near the Niger border.", {"RETREAT"}),
    ],
    # cooperation resumed or stepped up (manual, COOPERATE: initiate, resume, improve or expand)
    "cooperation_resumed": [
        ("Ankara and Baghdad resumed security cooperation on Thursday.", {"COOPERATE"}),
        (
            "Poland and Lithuania stepped up intelligence cooperation along the Belarusian border.",
            {"COOPERATE"},
        ),
    ],
    # an exercise held "together", or by "the navies of X and Y", and patrols flown jointly (manual, COOPERATE)
    "joint_drills": [
        ("The air forces of Egypt and Greece held drills together over the Mediterranean.", {"COOPERATE"}),
        ("The navies of Peru and Chile held exercises off Arica.", {"COOPERATE"}),
        ("Chinese and Russian warplanes flew joint patrols near Alaska.", {"COOPERATE"}),
        # guard: one country's drill is MOBILIZE
        ("India's navy held exercises off Goa on Monday.", {"MOBILIZE"}),
    ],
    # brought to trial or taken to court (manual, ACCUSE allege: "sue, indict, or charge; bring to trial")
    "brought_to_trial": [
        ("A Turkish court put 17 journalists on trial on Tuesday for terrorism offences.", {"ACCUSE"}),
        ("Ukraine took Russia to the International Court of Justice in 2017.", {"ACCUSE"}),
        ("Nicaragua took Germany to the world court over arms sales.", {"ACCUSE"}),
    ],
    # a label pinned on someone ("branded X a Y") and a judgment of conditions (manual, ACCUSE disapprove)
    "branded": [
        ("Beijing branded the Dalai Lama's visit a provocation.", {"ACCUSE"}),
        ("The opposition branded the election result a fraud.", {"ACCUSE"}),
        ("Human Rights Watch described the prison as horrific.", {"ACCUSE"}),
        ("UN experts described the treatment of detainees as inhumane.", {"ACCUSE"}),
    ],
    # "is concerned about / alarmed at / worried by" another's act: a predicate adjective of disapproval (manual,
    # ACCUSE disapprove)
    "concerned_about": [
        (
            "The Swedish government is deeply concerned about the detention of the journalists in Eritrea.",
            {"ACCUSE"},
        ),
        ("Washington is alarmed at the growing number of executions in Iran, a spokesman said.", {"ACCUSE"}),
        ("The EU is alarmed by the arrests of opposition leaders in Tunis.", {"ACCUSE"}),
        # guards: markets', companies' and the public's worries, and a worry for someone's safety, are no event
        ("Investors are worried about inflation in the euro zone.", set()),
        ("Parents in Lagos are concerned about the cost of school fees.", set()),
        ("The charity said it was deeply concerned about the safety of its volunteers in Darfur.", set()),
    ],
    # police ordered to a place, as troops are (manual, MOBILIZE police); an order to act is coded by the act
    "police_ordered": [
        ("The junta ordered police to the university campus on Monday.", {"MOBILIZE"}),
        ("Lukashenko ordered riot police to the square outside the parliament.", {"MOBILIZE"}),
        ("The governor ordered police to disperse the crowd.", {"COERCE"}),
        # a conscription or call-up ordered is a mobilisation (a company's hiring is not: test below)
        ("The junta ordered the conscription of all men aged 18 to 35.", {"MOBILIZE"}),
        ("The defence minister ordered the call-up of 10,000 reservists.", {"MOBILIZE"}),
    ],
    # forces on high alert, with "be" (manual, MOBILIZE: increased readiness); others on alert are no force
    "high_alert": [
        ("Police across Sri Lanka have been on high alert since the bombings.", {"MOBILIZE"}),
        ("The army has been on heightened alert since Friday.", {"MOBILIZE"}),
        ("Hospitals in Lagos were on high alert for a new strain of cholera.", set()),
        ("Airlines are on high alert for the storm.", set()),
    ],
    # an undated event a copula places in history or habit is judged, not reported
    "hallmark": [
        ("The 2003 invasion was a turning point for the region, the professor said.", set()),
        ("Military parades are a fixture of the national day.", set()),
        ("The Berlin airlift remains a symbol of Western resolve.", set()),
        # guard: an event dated by its own day is still the news
        ("Friday's bombing of the bridge was a turning point in the war.", {"ASSAULT"}),
    ],
}


@pytest.mark.parametrize(
    ("text", "want"), [pair for pairs in CASES.values() for pair in pairs], ids=lambda x: str(x)[:40]
)
def test_kinds18(text: str, want: set[str]) -> None:
    assert _conv(text) == want


# a vow of revenge: the one avenged is the threat's cause, not its target (nor is where they died its place); the
# target is whoever the text says will pay, or no one
def test_avenged_is_no_recipient() -> None:
    [ev] = _of("The Revolutionary Guards vowed revenge for Soleimani's killing.", "THREATEN")
    assert ev.recipient == []
    [ev] = _of("Iran vowed to avenge Qassem Soleimani.", "THREATEN")
    assert ev.recipient == []
    [ev] = _of(
        "Hezbollah vowed to avenge the death of its commander, killed in an Israeli strike.", "THREATEN"
    )
    assert ev.recipient == []
    [ev] = _of(
        "Iran's Revolutionary Guards have vowed to avenge General Soleimani, who was killed in a US drone strike "
        "at Baghdad airport early on Friday.",
        "THREATEN",
    )
    assert ev.recipient == [] and ev.location is None
    # guard: the one who will pay is the target
    [ev] = _of(
        "Iran's supreme leader vowed harsh revenge on the United States for the killing of Soleimani.",
        "THREATEN",
    )
    assert [r.country for r in ev.recipient] == ["USA"]


def test_hiring_is_no_mobilisation() -> None:
    assert "MOBILIZE" not in _conv("The company ordered the recruitment of 200 engineers for its new plant.")


def test_own_s18_floor() -> None:
    from dateline.evaluate.events import _own_s18

    out = _own_s18()
    assert out["f1"] >= 0.84 and out["no_event_rows_clean"] >= 10
