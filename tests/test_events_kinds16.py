"""Event coding by kind, session 16 (issue 3): text the lexicons were not written from. Check set:
tests/data/events_own_s16.jsonl (+ .md: 108 sentences, gold written before the system ran). Each kind below is a
general rule tested on wordings of its own (not the set's), with guards that keep the neighbouring reading."""

from __future__ import annotations

import pytest
from events_helpers import conventional_types, helpers_for

_events, _types, _of = helpers_for("2026-11-23")


def _conv(text: str) -> set[str]:
    return conventional_types(_events, text)


# kind -> (text, the sentence's types under the single-category convention)
CASES = {
    # a passive "threatened" in a generic clause or by no actor threatens no one
    "idle_threatened": [
        ("Aid groups try to shield children wherever they are threatened by armed conflict.", set()),
        ("Reporters need protection wherever they are threatened, the union said.", set()),
        ("Coastal villages are threatened by rising seas.", set()),
        ("The snow leopard is threatened by poaching across the Himalayas.", set()),
        # guards: a threat by people, a threat of something
        ("Journalists were threatened by armed men in Peshawar.", {"THREATEN"}),
        ("Polling staff were threatened by Taliban fighters in Helmand.", {"THREATEN"}),
        ("Two reporters were threatened with arrest in Harare.", {"THREATEN"}),
    ],
    # contingency plans for how to respond plan no reprisal
    "plans_for_how": [
        ("Farmers in Sindh are drawing up plans for how to respond if the monsoon fails.", set()),
        ("The ministry has prepared options for how to react if prices keep rising.", set()),
        # guard: plans for revenge are a threat
        ("Hamas has drawn up plans for revenge against Israel.", {"THREATEN"}),
    ],
    # a past verb the parser reads as an adjective on its bare object in a verbless sentence
    "past_verb_fragment": [
        ("Nurses at three district hospitals in Harare downed tools on Tuesday.", {"PROTEST"}),
        ("Workers at the Kenya Power depot in Nairobi downed tools over pay.", {"PROTEST"}),
        # guard: an ordinary clause
        ("Police in the capital arrested protesters on Monday.", {"COERCE"}),
    ],
    # people forced to flee by a named agent: SANCTION expel beside the attack (also state forces)
    "forced_flight_state": [
        (
            "Government troops torched villages in Rakhine, forcing thousands of Rohingya to flee.",
            {"ASSAULT", "SANCTION"},
        ),
        (
            "Militia fighters shelled the camp, forcing 3,000 displaced people to flee again towards Goma.",
            {"ASSAULT", "SANCTION"},
        ),  # fmt: skip
        ("Soldiers forced villagers to flee their homes in Darfur.", {"SANCTION"}),
        # guards: a hazard drives no one out; forcing back a crowd stays COERCE
        ("Heavy rains flooded the valley, forcing thousands of people to flee.", set()),
        ("Police forced the protesters back.", {"COERCE"}),
    ],
    # "ordered the deployment / expulsion / deportation of" is coded by the noun
    "ordered_noun": [
        ("The governor ordered the deployment of 2,000 police officers to the border region.", {"MOBILIZE"}),
        ("The junta ordered the expulsion of a UN envoy from Bamako.", {"SANCTION"}),
        ("The court ordered the deportation of 40 migrants.", {"COERCE"}),
    ],
    # unrest that a cause "sparked" or "triggered" broke out
    "sparked_unrest": [
        ("The fuel price hike sparked protests in Nairobi and Mombasa.", {"PROTEST"}),
        ("The verdict provoked street protests across Lahore.", {"PROTEST"}),
        # guard: fears sparked are no event
        ("The decision sparked fears of a wider war.", set()),
    ],
    # a strike that shuts banks is the strike; a scene "with shops shuttered" closes nothing
    "strike_shuts": [
        ("A general strike closed schools and offices across Guinea.", {"PROTEST"}),
        ("Traders in Srinagar observed a strike, with markets closed and roads deserted.", {"PROTEST"}),
        ("A hartal called by the Left shut shops across Kerala on Monday.", {"PROTEST"}),
        # guard: authorities closing schools restrict
        ("Authorities closed schools in Kashmir ahead of the anniversary.", {"COERCE"}),
    ],
    # South Asian and Latin American wording (data rows)
    "regional_words": [
        (
            "Villagers gheraoed the police station in Murshidabad over the death of a detained youth.",
            {"PROTEST"},
        ),
        ("Angry parents gheraoed the school principal over a fee hike.", {"PROTEST"}),
        ("Police teargassed students outside the parliament in Nairobi.", {"ASSAULT"}),
        ("Ecuador's president declared a state of exception in three provinces.", {"COERCE"}),
        ("Peru imposed a state of siege in Lima's northern districts.", {"COERCE"}),
        ("Bamako resumed dialogue with the Tuareg rebels.", {"CONSULT"}),
    ],
    # a nominal act whose clause forecasts its effect with a modal is an opinion, no act
    "forecast_effect": [
        ("Critics argue that a ban on cryptocurrency would simply drive trading underground.", set()),
        ("Economists say fresh sanctions would hurt ordinary Iranians more than the government.", set()),
        ("In my view, the crackdown on dissent will only harden opposition to the regime.", set()),
        # guard: a future meeting is still announced
        ("Talks between the two sides will take place in Geneva next week.", {"AGREE"}),
    ],
    # a headline's "X to VERB" is its future
    "headline_to": [
        ("Japan to send troops to Iraq", {"THREATEN"}),
        ("India, Pakistan to hold talks next month", {"AGREE"}),
        ("Kenya to lift curfew in coastal counties", {"AGREE"}),
        # guard: a sentence the parser splits before "to" is no headline
        ("Macron rang Zelensky to discuss the counter-offensive.", {"CONSULT"}),
    ],
    # a headline's present verb the parser read as a compound of its object, or its object read as an adverb
    "headline_parse": [
        ("Ethiopia lifts curfew in Gondar", {"CONCEDE"}),
        ("Sri Lanka lifts curfew in Colombo", {"CONCEDE"}),
        ("Mali expels French ambassador", {"SANCTION"}),
        ("Algeria expels Moroccan consul", {"SANCTION"}),
        # guard: a curfew imposed stays COERCE
        ("Kenya imposes curfew in Lamu", {"COERCE"}),
    ],
    # a practice judged common ("has become routine") reports no event
    "judged_routine": [
        ("Kidnappings of foreigners have become commonplace in the Sahel.", set()),
        ("Attacks on health workers have become routine in eastern Congo.", set()),
        # guard: an attack that killed is reported
        ("The attack on the convoy killed six soldiers.", {"ASSAULT"}),
    ],
    # markets and monetary policy: investors pulling out, central banks loosening
    "markets": [
        ("Foreign investors pulled out of Turkish bonds last month.", set()),
        ("Hedge funds pulled back from emerging markets as the dollar rose.", set()),
        ("The peso weakened after the central bank loosened its currency peg.", set()),
        # guard: troops pulling out withdraw
        ("Russian troops pulled out of Kherson.", {"RETREAT"}),
    ],
    # "punishing" in a sports report is play
    "sport_punish": [
        ("Bolivia beat Brazil 2-1 in La Paz, with the altitude punishing the visitors.", set()),
        ("Nigeria beat Ghana 3-1 in Accra, punishing the hosts for sloppy defending.", set()),
        # guard: a state punished with sanctions
        ("The EU punished Minsk with new sanctions.", {"SANCTION"}),
    ],
    # the monsoon is a hazard, no actor
    "monsoon": [
        ("Farmers fear losses if the monsoon fails.", set()),
        ("The monsoon flooded 40 villages in Assam.", set()),
    ],
}


@pytest.mark.parametrize(
    ("text", "want"), [pair for pairs in CASES.values() for pair in pairs], ids=lambda x: str(x)[:40]
)
def test_kinds16(text: str, want: set[str]) -> None:
    assert _conv(text) == want


def test_own_s16_floor() -> None:
    from dateline.evaluate.events import _own_s16

    out = _own_s16()
    assert out["f1"] >= 0.89 and out["no_event_rows_clean"] >= 29
