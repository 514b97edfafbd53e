"""Event coding by kind, session 20 (issue 3): the verbal family (REQUEST, REJECT, THREATEN, ACCUSE), SUPPORT vs
COOPERATE look-alikes and the reporting verb that is no event. Check set: tests/data/events_own_s20.jsonl (+ .md:
156 sentences, gold written before the system ran). Each kind below is a general rule tested on wordings of its own
(not the set's), with guards that keep the neighbouring reading."""

from __future__ import annotations

import pytest
from events_helpers import conventional_types, helpers_for

_events, _types, _of = helpers_for("2026-11-24")


def _conv(text: str) -> set[str]:
    return conventional_types(_events, text)


# kind -> (text, the sentence's types under the single-category convention)
CASES = {
    # a joint or coordinated act whose modifier is kept from its head by other modifiers ("joint naval patrols")
    "spaced_joint_modifier": [
        ("Russian and Chinese warships carried out joint naval patrols in the Pacific.", {"COOPERATE"}),
        ("Mexican and US agents launched coordinated border patrols on Monday.", {"COOPERATE"}),
        ("Thai and Malaysian police mounted a joint anti-smuggling operation in Songkhla.", {"COOPERATE"}),
    ],
    # idioms of blame (manual, ACCUSE allege)
    "blame_idioms": [
        (
            "Officials in Kabul pointed the finger at Pakistani intelligence over the hotel attack.",
            {"ACCUSE"},
        ),
        ("The senator laid the blame on the interior ministry for the riots in Lagos.", {"ACCUSE"}),
        ("Moscow levelled accusations of sabotage at the Ukrainian navy.", {"ACCUSE"}),
    ],
    # a refusal said as "said no to" a proposal or demand (manual, REJECT)
    "said_no_to": [
        ("Hungary said no to the EU's migrant quotas.", {"REJECT"}),
        ("Turkey's parliament said no to the American request to use its bases.", {"REJECT"}),
        # guard: "no" as a determiner of what is said is plain reporting
        ("The spokesman said no decision had been taken on the budget.", set()),
    ],
    # entry or access denied to a group (manual, REJECT: barring an organisation's entry; expelling it is COERCE)
    "entry_denied": [
        ("Israel denied entry to a UN human rights investigator.", {"REJECT"}),
        ("Eritrea denied access to the African Union's fact-finding mission.", {"REJECT"}),
        # guard: entry denied to individuals is a travel sanction (GSR: SANCTION)
        ("Canada denied entry to two Russian oligarchs.", {"SANCTION"}),
    ],
    # demands or an ultimatum presented, submitted or handed to someone (REQUEST; an ultimatum is THREATEN)
    "demands_presented": [
        ("The union presented the government with ten demands.", {"REQUEST"}),
        ("Farmers submitted a list of demands to the agriculture ministry.", {"REQUEST"}),
        ("The rebels handed the government an ultimatum on Sunday.", {"THREATEN"}),
    ],
    # criticism, blame and threats between people of a game are part of the game, no political act
    "words_of_the_game": [
        ("The coach criticised the referee after the cup tie in Porto.", set()),
        ("The goalkeeper blamed the pitch for the defeat.", set()),
        ("Spain's coach slammed the referee's decision to award a penalty.", set()),
        # guard: a minister who criticises a coach still criticises
        ("The prime minister criticised the coach after the team's exit.", {"ACCUSE"}),
    ],
    # wire synonyms of refusal, disapproval and a warning put on notice (REJECT, ACCUSE disapprove, THREATEN)
    "verbal_synonyms": [
        ("The cabinet nixed the plan to privatise the port.", {"REJECT"}),
        ("Ankara stonewalled Stockholm's membership bid.", {"REJECT"}),
        ("The premier railed against the central bank.", {"ACCUSE"}),
        ("The State Department chided Cairo for jailing journalists.", {"ACCUSE"}),
        ("Brussels upbraided Rome for missing the deficit target.", {"ACCUSE"}),
        ("Opposition leaders railed against the new curfew in Dhaka.", {"ACCUSE"}),
        ("Moscow put NATO on notice that it would respond.", {"THREATEN"}),
        ("Tehran put Gulf states on notice that it would hit bases used against it.", {"THREATEN"}),
    ],
    # intelligence pooled or swapped between parties (manual, COOPERATE: sharing intelligence)
    "intelligence_pooled": [
        ("Canada and the US pooled intelligence on the smuggling ring.", {"COOPERATE"}),
        ("Jordan and Iraq swapped information on militants crossing the border.", {"COOPERATE"}),
    ],
    # countermeasures or reprisals vowed or to be taken are a threat; taken, a sanction
    "countermeasures": [
        ("Beijing said it would take resolute countermeasures.", {"THREATEN"}),
        ("China vowed countermeasures against the sanctions.", {"THREATEN"}),
        ("Russia promised reprisals against countries that seize its assets.", {"THREATEN"}),
        # guard: countermeasures taken are done
        ("Beijing took countermeasures against Lithuania on Friday.", {"SANCTION"}),
    ],
    # a vow to react or punish is a threat, not a promise to cooperate
    "vowed_reaction": [
        ("Pyongyang vowed to react strongly to the new sanctions.", {"THREATEN"}),
        ("Moscow vowed to react firmly to any deployment of missiles in Poland.", {"THREATEN"}),
        # guard: a vow to respond to needs stays a promise
        ("The government vowed to respond to the needs of flood victims.", {"AGREE"}),
    ],
    # a state that "protested" an act protests diplomatically (manual: ACCUSE disapprove); people protest (PROTEST)
    "state_protested": [
        ("China protested the visit.", {"ACCUSE"}),
        ("Japan strongly protested the missile launch.", {"ACCUSE"}),
        ("Vietnam protested the Chinese survey in its waters.", {"ACCUSE"}),
        # guard: crowds and students who protest demonstrate
        ("Thousands protested in Tehran against the fuel price rise.", {"PROTEST"}),
        ("Students protested the fee increase.", {"PROTEST"}),
    ],
    # reviewers, fans and audiences praising a work or a player judge it: no political support
    "praise_of_a_work": [
        ("Reviewers hailed the opera as a masterpiece.", set()),
        ("Audiences applauded the orchestra's Beethoven cycle.", set()),
        # guard: a state's praise is support
        ("Washington praised Kenya's leadership of the Haiti mission.", {"SUPPORT"}),
    ],
    # pilots of another state trained are trained as its troops are (conventions: training another army is AID;
    # future, AGREE); airlines and schools train staff
    "pilots_trained": [
        ("Germany trained Ukrainian pilots.", {"AID"}),
        ("The Netherlands will train Ukrainian pilots on F-16 jets.", {"AGREE"}),
        ("Airlines trained more pilots after the pandemic.", set()),
        ("The flight school trained 40 pilots last year.", set()),
    ],
    # a plea made to someone is a request; a defendant's plea is none
    "plea": [
        ("Kenya's president made a plea for calm.", {"REQUEST"}),
        ("The Pope issued a fresh plea for peace in Ukraine.", {"REQUEST"}),
        ("The former minister entered a guilty plea in Manhattan.", set()),
    ],
    # a law, plan or project that "threatens" freedoms or livelihoods endangers them: no one threatens
    "policy_endangers": [
        ("Rights groups said the new media law would threaten press freedom.", set()),
        ("Critics say the dam project threatens the livelihoods of fishermen.", set()),
        # guard: a government that threatens to close a paper threatens
        ("The government threatened to close the newspaper.", {"THREATEN"}),
    ],
}


@pytest.mark.parametrize("text,want", [c for cases in CASES.values() for c in cases])
def test_kinds20(text: str, want: set[str]) -> None:
    assert _conv(text) == want


@pytest.mark.parametrize(
    "text,event,mode",
    [
        # what is asked for or refused names the manual's shared REQUEST / REJECT mode
        ("The prisoner's family appealed to the king for a pardon.", "REQUEST", "yield"),
        ("The lawyers asked the president for clemency for the six activists.", "REQUEST", "yield"),
        ("Haiti appealed for emergency relief after the hurricane.", "REQUEST", "assist"),
        ("Namibia demanded compensation from Germany for the colonial killings.", "REQUEST", "assist"),
        ("The junta rejected the creditors' offer of debt relief.", "REJECT", "assist"),
        ("Protesters demanded that parliament be dissolved.", "REQUEST", "change"),
        ("Kyiv renewed its appeal for fighter jets.", "REQUEST", "assist"),
        ("Taipei asked Washington for more ammunition.", "REQUEST", "assist"),
        # the content of a threat names its mode (manual, THREATEN modes)
        ("The militia threatened to retaliate against the army.", "THREATEN", "violence"),
        ("The president threatened to jail the strike leaders.", "THREATEN", "arrest"),
        ("Moscow threatened to halt gas deliveries to Moldova.", "THREATEN", "restrict"),
    ],
)
def test_content_modes20(text: str, event: str, mode: str) -> None:
    evs = _of(text, event)
    assert evs and evs[0].mode == mode


def test_own_s20_floor() -> None:
    from dateline.evaluate.events import _own_s20

    out = _own_s20()
    assert out["f1"] >= 0.97 and out["no_event_rows_clean"] >= 13
