"""Event coding by kind, session 14 (issue 3): wire-genre words away from the earlier lexicon rows. Check set:
tests/data/events_own_s14.jsonl (+ .md: 141 sentences, gold written before the system ran). Each kind below is a
general rule tested on wordings of its own (not the set's), with guards that keep the neighbouring reading. Kinds
marked session 15 were added when the set's work was reviewed and finished."""

from __future__ import annotations

import pytest
from events_helpers import conventional_types, helpers_for

_events, _types, _of = helpers_for("2026-11-23")


def _conv(text: str) -> set[str]:
    return conventional_types(_events, text)


# kind -> (text, the sentence's types under the single-category convention)
CASES = {
    # accusations traded or exchanged are verbal attacks (ACCUSE), not an exchange of goods or prisoners
    "traded_accusations": [
        ("Armenia and Azerbaijan exchanged accusations over the shelling of border villages.", {"ACCUSE"}),
        ("The two parties traded insults in parliament on Tuesday.", {"ACCUSE"}),
        # guard: prisoners exchanged are still a release
        ("Kyiv and Moscow exchanged 50 prisoners on Friday.", {"RETREAT"}),
    ],
    # remorse and apologies voiced are concessions (manual, CONCEDE)
    "remorse": [
        ("The Belgian king expressed contrition for abuses committed in the colonial era.", {"CONCEDE"}),
        ("The former dictator voiced remorse for the killings of 1982.", {"CONCEDE"}),
        # guard: sympathy stays support
        ("Modi expressed solidarity with the victims' families.", {"SUPPORT"}),
    ],
    # an arrest ordered is the arrest, not a demand
    "ordered_arrest": [
        ("A court in Ankara ordered the arrest of 15 journalists.", {"COERCE"}),
        ("Bolivian prosecutors ordered the detention of the former interior minister.", {"COERCE"}),
    ],
    # the police "picking up" people named by their role is an arrest
    "picked_up": [
        ("Plainclothes officers picked up an opposition campaigner outside his home in Minsk.", {"COERCE"}),
        ("Egyptian police picked up a reporter covering the strike.", {"COERCE"}),
    ],
    # a parliament or constitution suspended is repression, not a sanction on a partner
    "suspended_body": [
        ("The general suspended the constitution hours after seizing power.", {"COERCE"}),
        ("Guinea's junta has suspended the national assembly indefinitely.", {"COERCE"}),
        # guard: suspended cooperation is still a sanction
        ("Mali suspended military cooperation with France.", {"SANCTION"}),
    ],
    # calling something an attack, an affront or an assault on X is a verbal attack (ACCUSE)
    "called_an_attack": [
        ("Press unions called the raid an assault on media freedom.", {"ACCUSE"}),
        ("The Chinese embassy called the visit an affront to its sovereignty.", {"ACCUSE"}),
        # guard: a call for an attack is no name-calling
        ("Militant leaders called for attacks on government buildings.", {"REQUEST"}),
    ],
    # boats and ships handed over are military aid, whoever receives them first in the clause
    "vessels_handed": [
        ("Washington handed Vietnam two coast guard cutters and a patrol boat.", {"AID"}),
        ("India handed the Maldives a fast interceptor ship.", {"AID"}),
    ],
    # convoys let in where the parser takes the convoy noun for the complement's head
    "let_in": [
        ("Israel let fuel trucks into northern Gaza on Sunday.", {"RETREAT"}),
        ("The army let Red Cross teams into the besieged city.", {"RETREAT"}),
        ("Serbia let EU monitors into the northern municipalities.", {"RETREAT"}),
        # lorries and trucks let through are relief let in (RETREAT access), not a concession
        ("Azerbaijan allowed a Red Cross lorry to pass the checkpoint.", {"RETREAT"}),
    ],
    # a refusal vowed unless the other side acts is a threat (conditional refusal)
    "refusal_unless": [
        ("Poland pledged to veto the sanctions package unless Hungary dropped its objections.", {"THREATEN"}),
        ("Ankara promised to block the accession unless Stockholm extradited the suspects.", {"THREATEN"}),
        # guard: a vowed refusal with no condition stays a refusal
        ("Serbia promised to reject the plan unless Kosovo scrapped the levy.", {"THREATEN"}),
        ("The Kremlin vowed to reject any deal that excluded Russia.", {"REJECT"}),
    ],
    # the "unless" clause hangs on the act, the vow above it: still a threat (not a pledge, AGREE)
    "vow_above_unless": [
        ("Kenya vowed to withdraw its police officers from Haiti unless funding arrived.", {"THREATEN"}),
        (
            "Burundi promised to pull its soldiers out of Somalia unless the African Union paid their wages.",
            {"THREATEN"},
        ),
        ("The Kurdish bloc vowed to leave the government unless Baghdad paid salaries.", {"THREATEN"}),
    ],
    # people forced to flee by a named agent: SANCTION expel (manual); no agent, no event
    "forced_flight": [
        ("Militiamen forced hundreds of families to flee the town.", {"SANCTION"}),
        ("Rebels shelled the village, forcing hundreds of families to flee.", {"ASSAULT", "SANCTION"}),
        ("Jihadists attacked the camp on Sunday, forcing aid workers to flee.", {"ASSAULT", "SANCTION"}),
        ("Thousands were forced to flee when the river burst its banks.", set()),
        ("Hundreds of families were forced to flee as wildfires spread.", set()),
        ("About 5,000 villagers were forced to flee their homes after the earthquake.", set()),
        ("Floods forced thousands of villagers to flee their homes in Assam.", set()),
    ],
    # workers' stoppages under other names ("go-slow", "stoppage") are strikes (PROTEST strike)
    "strike_words": [
        ("Bus drivers in Lagos began a go-slow on Monday.", {"PROTEST"}),
        ("Port workers announced a go-slow at Mombasa over unpaid bonuses.", {"PROTEST"}),
        ("Rail unions called a 24-hour stoppage for Monday.", {"PROTEST"}),
        ("Dockers' unions called a stoppage at all northern ports.", {"PROTEST"}),
    ],
    # session 15: news media suspended or taken off air are censored (COERCE censor), not a sanction on a partner
    "media_censored": [
        ("Mali suspended the French channel France 24 for a month.", {"COERCE"}),
        ("The junta suspended broadcasts of the BBC's local service.", {"COERCE"}),
        ("The regulator took the channel off air for six months.", {"COERCE"}),
        ("The authorities pulled the independent station off the air.", {"COERCE"}),
        # guard: suspended cooperation stays a sanction (see suspended_body)
    ],
    # session 15: travel and visa bans and asset freezes imposed on people are sanctions, not a ban on gatherings
    "travel_bans": [
        ("The EU imposed an asset freeze on three Iranian commanders.", {"SANCTION"}),
        ("Washington imposed visa bans on 12 Ugandan officials.", {"SANCTION"}),
        ("Canada imposed travel bans on two former Haitian presidents.", {"SANCTION"}),
        # guard: a ban on gatherings restricts the public (COERCE)
        ("The government imposed a ban on public gatherings.", {"COERCE"}),
    ],
    # session 15: a riot in an "after" clause that force answered is an event of its own beside the crackdown
    "riot_answered": [
        ("Police detained 40 people after rioters torched a police station in Dakar.", {"COERCE", "PROTEST"}),
        (
            "Riot police fired tear gas after demonstrators threw petrol bombs at the ministry.",
            {"ASSAULT", "PROTEST"},
        ),
        ("Troops opened fire after a mob set fire to the governor's office.", {"ASSAULT", "PROTEST"}),
        # guards: no force answers the riot; a rioting group's description
        (
            "Parliament voted to expel the ambassador after protesters hurled stones at the embassy.",
            {"SANCTION"},
        ),
        ("Guards shot at prisoners who had rioted in the jail the previous week.", {"ASSAULT"}),
    ],
}


@pytest.mark.parametrize(
    ("text", "want"), [pair for pairs in CASES.values() for pair in pairs], ids=lambda x: str(x)[:40]
)
def test_kinds14(text: str, want: set[str]) -> None:
    assert _conv(text) == want


def test_own_s14_floor() -> None:
    from dateline.evaluate.events import _own_s14

    out = _own_s14()
    assert out["f1"] >= 0.96 and out["no_event_rows_clean"] == out["no_event_rows"]
