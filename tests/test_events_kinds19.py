"""Event coding by kind, session 19 (issue 3): the widest PLOVER types judged by the manual's definitions and modes
(COERCE, AID), AGREE next to its look-alikes, the SANCTION/COERCE line, and the arguments of a joint agreement.
Check set: tests/data/events_own_s19.jsonl (+ .md: 147 sentences, gold written before the system ran). Each kind
below is a general rule tested on wordings of its own (not the set's), with guards that keep the neighbouring
reading."""

from __future__ import annotations

import pytest
from events_helpers import conventional_types, countries, helpers_for

_events, _types, _of = helpers_for("2026-11-24")


def _conv(text: str) -> set[str]:
    return conventional_types(_events, text)


# kind -> (text, the sentence's types under the single-category convention)
CASES = {
    # people "picked up" by security agents: an arrest (manual, COERCE arrest)
    "picked_up": [
        ("Plain-clothes officers picked up three Australian citizens at a hotel in Yangon.", {"COERCE"}),
        ("Security agents picked up a Uighur scholar outside his home in Urumqi on Sunday.", {"COERCE"}),
        # guard: a bus picking up people is no arrest
        ("The shuttle bus picked up passengers at the airport.", set()),
    ],
    # held or kept in prison, jail or custody (manual, COERCE arrest)
    "held_in_prison": [
        ("Police held the two suspects in custody overnight in Lahore.", {"COERCE"}),
        ("The junta kept the ousted president in detention for three months.", {"COERCE"}),
        # (the place of holding parsed on the object)
        ("Tehran is holding a Swedish doctor in Evin prison.", {"COERCE"}),
        # guard: held in a cave by militants is no arrest word
        ("The militants held the engineers in a cave for a month.", set()),
    ],
    # a state of emergency approved, endorsed or imposed "under" (manual, COERCE martial-law)
    "emergency_approved": [
        ("Peru's congress approved a state of emergency in three southern regions.", {"COERCE"}),
        ("The Ecuadorean legislature endorsed the state of siege on Tuesday.", {"COERCE"}),
        ("The government placed the capital under a state of emergency on Monday.", {"COERCE"}),
        ("The junta put the northern provinces under a state of siege.", {"COERCE"}),
        # guard: an approved budget is no emergency
        ("The senate approved the budget on Friday.", {"SUPPORT"}),
    ],
    # posts, articles and videos scrubbed or deleted (manual, COERCE censor)
    "content_scrubbed": [
        ("Censors deleted thousands of posts criticising the lockdown in Shanghai.", {"COERCE"}),
        ("The authorities scrubbed every mention of the protest from search engines.", {"COERCE"}),
        ("Regulators took down videos of the rally from domestic platforms.", {"COERCE"}),
    ],
    # websites paralysed or crippled by hackers (manual, COERCE cyber)
    "websites_paralysed": [
        ("Hackers crippled the websites of the Polish tax office on Friday.", {"COERCE"}),
        ("A cyber attack paralysed the servers of Costa Rica's finance ministry.", {"COERCE"}),
        ("Pro-Russian hackers brought down the portal of the Czech stock exchange.", {"COERCE"}),
    ],
    # power, water or fuel supplies cut off (manual, COERCE withhold): coordinated modifiers name the supplies
    "supplies_cut": [
        ("The militia cut off water and electricity supplies to the besieged town.", {"COERCE"}),
        ("The army shut down power and internet connections across the region.", {"COERCE"}),
    ],
    # migrants and foreign nationals expelled or sent back (manual: an individual's expulsion is COERCE deport) ...
    "migrants_expelled": [
        ("Algeria expelled hundreds of Nigerien migrant labourers to the desert border.", {"COERCE"}),
        ("Pakistan sent back 2,000 Afghan nationals through the Torkham crossing.", {"COERCE"}),
        # ... while expelled diplomats and aid workers are a cut in relations (manual, SANCTION expel)
        ("Ethiopia expelled seven senior UN aid workers on Friday.", {"SANCTION"}),
        ("Mali expelled the French ambassador on Monday.", {"SANCTION"}),
    ],
    # a ban on imports, exports or trade is a cut in relations (manual, SANCTION discontinue), not a ban on people
    "trade_banned": [
        ("Russia banned imports of Polish apples and pears in August.", {"SANCTION"}),
        ("China barred exports of gallium and germanium to the United States.", {"SANCTION"}),
        # guard: a ban on a party or a rally stays COERCE
        ("The court banned the opposition party from the election.", {"COERCE"}),
    ],
    # seizing an opportunity or the initiative is an idiom
    "seized_opportunity": [
        ("The finance minister seized the opportunity to announce a tax cut.", set()),
        ("The striker grabbed the chance to equalise in the second half.", set()),
        # guard: seized ships stay COERCE seize
        ("Iranian commandos seized a Greek tanker in the Gulf on Friday.", {"COERCE"}),
    ],
    # refugees taken in, people flown out, survivors pulled from rubble: aid (manual, AID: asylum, evacuation, rescue)
    "aid_taken_in_flown_out": [
        ("Uganda took in 30,000 refugees from eastern Congo last month.", {"AID"}),
        ("Poland took in two million Ukrainian refugees after the invasion.", {"AID"}),
        ("Italian air force planes flew 400 civilians out of Tripoli on Tuesday.", {"AID"}),
        ("Turkish rescuers pulled a child from the rubble of a collapsed building in Hatay.", {"AID"}),
        ("Volunteers dug out five survivors after the quake in Herat.", {"AID"}),
    ],
    # money transferred or granted in any currency, refugees welcomed in: aid (manual, AID: monetary aid, asylum)
    "money_and_refuge": [
        ("The Emirates transferred 200 million dollars to Egypt's central bank.", {"AID"}),
        ("Sweden granted 90 million kronor to UNRWA on Tuesday.", {"AID"}),
        ("Ireland welcomed 70,000 Ukrainian refugees last year.", {"AID"}),
        # guards: welcoming a return or a decision is SUPPORT; inmates moved between jails are no aid
        ("Germany welcomed the return of refugees to Syria.", {"SUPPORT"}),
        ("The prison authorities transferred the inmates to a jail in the north.", set()),
    ],
    # jets, helicopters and ships handed over to another state: arms supplied (AID), not weapons surrendered
    "aircraft_handed_over": [
        ("Denmark handed over the first F-16 jets to Ukraine on Sunday.", {"AID"}),
        ("Washington handed over six patrol boats to the Philippine navy.", {"AID"}),
        # guard: fighters handing over their weapons disarm (RETREAT)
        ("The rebels handed over their weapons to UN peacekeepers.", {"RETREAT"}),
    ],
    # water and purification tablets are relief goods (manual, AID humanitarian)
    "relief_water": [
        ("The Red Cross distributed bottled water to families in the flooded district.", {"AID"}),
        ("Aid agencies delivered water purification tablets to camps in Darfur.", {"AID"}),
    ],
    # an understanding, compromise or arrangement reached is an agreement (manual, AGREE)
    "understanding_reached": [
        ("India and Bangladesh reached an understanding on sharing the Teesta river.", {"AGREE"}),
        ("The coalition parties reached a compromise on the pension reform.", {"AGREE"}),
        ("The two governments reached an arrangement on the return of migrants.", {"AGREE"}),
    ],
    # opinions: agreeing that something is so commits no one to act; "agreed that ... will ..." and "agreed to"
    # stay AGREE
    "agreed_that_opinion": [
        ("The ministers agreed that the situation in the region was serious.", set()),
        ("Both leaders agreed that relations had improved over the past year.", set()),
        ("Economists agreed that inflation would stay high through next year.", set()),
        ("Observers agreed that turnout was higher than at the last election.", set()),
        # guards: commitments
        ("Seoul and Tokyo agreed that their navies will hold talks next month.", {"AGREE"}),
        ("The two sides agreed to exchange prisoners next week.", {"AGREE"}),
    ],
    # a promise that one will not use force is a pledge of restraint (AGREE), not a vow of force (THREATEN)
    "promised_restraint": [
        ("Russia promised that it would not attack Ukraine.", {"AGREE"}),
        ("Kigali pledged that its troops would not cross into Congo.", {"AGREE"}),
        # guard: a vow that fighters will strike stays THREATEN
        ("Hezbollah vowed that its fighters would strike Israel.", {"THREATEN"}),
    ],
    # bailouts and rescue packages approved: monetary aid (manual, AID)
    "bailout_approved": [
        ("The IMF approved a rescue package for Sri Lanka.", {"AID"}),
        ("Eurozone finance ministers approved a third bailout for Greece on Friday.", {"AID"}),
    ],
    # performers accepting an engagement: no political act (an invitation to visit, accepted, stays AGREE: conv 5)
    "performer_accepts": [
        ("The band accepted an invitation to play at the independence day festival.", set()),
        ("The pianist agreed to perform at the gala in Vienna.", set()),
        ("The Kenyan president accepted an invitation to visit Beijing in April.", {"AGREE"}),
    ],
    # a domestic bill or law signed is no agreement with anyone
    "bill_signed": [
        ("The president signed the immigration bill into law on Wednesday.", set()),
        ("The governor signed legislation raising the state's minimum wage.", set()),
        # guard: a treaty signed stays SUPPORT (our convention)
        ("Chile and Peru signed a fisheries treaty in Lima.", {"SUPPORT"}),
    ],
    # shareholders and creditors agreeing or approving is business
    "owners_agree": [
        ("Shareholders approved the takeover of the brewer at a meeting in Amsterdam.", set()),
        ("Creditors agreed to the restructuring of the airline's debt.", set()),
    ],
}


@pytest.mark.parametrize(
    ("text", "want"),
    [pytest.param(t, w, id=f"{k}-{i}") for k, rows in CASES.items() for i, (t, w) in enumerate(rows)],
)
def test_kinds19(text: str, want: set[str]) -> None:
    assert _conv(text) == want


@pytest.mark.parametrize(
    ("text", "event", "actor", "recipient"),
    [
        ("Jordan and Syria agreed to reopen their main border crossing.", "AGREE", "JOR", "SYR"),
        ("Chile and Argentina signed a gas supply accord in Santiago.", "SUPPORT", "CHL", "ARG"),
        ("Serbian and Albanian negotiators agreed on a text for the summit.", "AGREE", "SRB", "ALB"),
        ("Uganda agreed with Kenya on a timetable for the pipeline.", "AGREE", "UGA", "KEN"),
    ],
)
def test_joint_agreement_recipient(text: str, event: str, actor: str, recipient: str) -> None:
    """A joint agreement of named parties: the first is the actor, the others the recipients (all stay actors,
    as the GSR's SRC/TAR marks them)."""
    [ev] = _of(text, event)
    assert ev.actor[0].country == actor and ev.recipient and ev.recipient[0].country == recipient


def test_joint_only_for_agreements() -> None:
    # several parties who welcome or meet act together toward no one of themselves
    [ev] = _of("France and Germany welcomed the ceasefire in Lebanon.", "SUPPORT")
    assert not ({"FRA", "DEU"} & countries(ev.recipient))


@pytest.mark.parametrize(
    "text",
    [
        "Beijing threatened to ban imports of Australian wine.",
        "India threatened to halt exports of rice to Nepal.",
    ],
)
def test_threatened_trade_ban_restricts(text: str) -> None:
    """A threatened ban on trade is a threat to restrict the movement of goods (manual, THREATEN restrict)."""
    [ev] = _of(text, "THREATEN")
    assert ev.mode == "restrict"


def test_stimulus_is_no_aid() -> None:
    # a domestic stimulus package approved is no aid to another party
    assert "AID" not in _conv("Parliament approved a stimulus package for small businesses.")


def test_own_s19_floor() -> None:
    from dateline.evaluate.events import _own_s19

    out = _own_s19()
    assert out["f1"] >= 0.9 and out["no_event_rows_clean"] >= 10
