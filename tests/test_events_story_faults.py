"""Kinds of extraction fault found by running whole news stories through the pipeline (issue 3, feeding the
cross-article merge of issue 7): abstract measures that "target", coordinated talks-and-agreement clauses,
released prisoners in a modifier, gathering crowds, detentions told with phrasal verbs, wire datelines, venues
taken for participants. All sentences are our own wording."""

from __future__ import annotations

import pytest
from events_helpers import helpers_for

from dateline.actors import code_actor

PUB = "2024-09-12"
_events, _types, _of = helpers_for(PUB)


# --- measures that "target" or "hit" someone restrict, they do not attack


@pytest.mark.parametrize(
    "text",
    [
        "Diplomats said the Canadian penalties unveiled the same week, which target three shipping firms, were mild.",
        "The new export restrictions hit two Iranian airlines hardest.",
        "Several banks were targeted by the embargo announced in March.",
    ],
)
def test_measures_that_target_are_sanctions(text: str) -> None:
    types = _types(text)
    assert "SANCTION" in types
    assert "ASSAULT" not in types


def test_armed_groups_that_target_still_assault() -> None:
    assert "ASSAULT" in _types("Gunmen targeted a police convoy outside Kandahar on Friday.")


# --- a clause the main clause only places in time carries the news


def test_talks_and_agreement_after_a_time_link() -> None:
    evs = _events(
        "The shelling came two days after Serbian and Kosovar officials held talks in Vienna "
        "and agreed to return 40 detainees."
    )
    types = {e.event for e in evs}
    assert {"CONSULT", "AGREE"} <= types
    talks = next(e for e in evs if e.event == "CONSULT")
    assert {a.country for a in talks.actor} == {"SRB", "XKX"}
    assert not any(r.country == "AUT" for r in talks.recipient)  # Vienna hosted the talks, it took no part


def test_ordinary_background_clause_stays_dropped() -> None:
    # PLOVER codes the main event; a cause told in an "after" clause is reported on its own elsewhere
    types = _types("Ottawa recalled its ambassador after officials in Riyadh accused it of meddling.")
    assert "ACCUSE" not in types


# --- release of prisoners, also in a modifier and as a nominal


def test_prisoners_freed_by_in_a_modifier() -> None:
    evs = _of(
        "Relatives in Armenia greeted some 60 men released by Azerbaijan in last week's swap.", "RETREAT"
    )
    assert evs, "the release told in a reduced passive is an event of its own"
    assert {a.country for a in evs[0].actor} == {"AZE"}
    assert evs[0].mode == "release"


@pytest.mark.parametrize(
    "text", ["The hostage swap went ahead at dawn.", "The prisoner exchange took place at noon."]
)
def test_prisoner_exchange_as_a_noun(text: str) -> None:
    assert "RETREAT" in _types(text)


def test_swapping_prisoners_is_a_release() -> None:
    assert "RETREAT" in _types("Israel and Hamas swapped 90 prisoners for eight hostages on Sunday.")


def test_things_disputed_by_someone_are_no_event() -> None:
    # only people acted on make a reduced passive an event of its own
    assert _types("The minister signed the budget drafted by his predecessor.") <= {
        "AGREE",
        "COOPERATE",
        "SUPPORT",
    }


# --- gathering crowds protest


@pytest.mark.parametrize(
    "text",
    [
        "Large crowds gathered outside the courthouse in Yerevan.",
        "Thousands of demonstrators massed in front of the ministry.",
        "A few hundred protesters assembled near the embassy.",
    ],
)
def test_gathering_crowds_are_protests(text: str) -> None:
    assert "PROTEST" in _types(text)


def test_gathering_ministers_are_no_protest() -> None:
    assert "PROTEST" not in _types("Foreign ministers gathered in Brussels for the summit.")


def test_massed_police_are_no_protest() -> None:
    assert "PROTEST" not in _types("Riot police were massed near the stadium.")


def test_crowd_actor_stops_before_the_verb() -> None:
    evs = _of("Bigger crowds gathered in Kutaisi, further west.", "PROTEST")
    assert evs and evs[0].actor
    assert "gathered" not in evs[0].actor[0].text


# --- detentions told with phrasal verbs


@pytest.mark.parametrize(
    "text",
    [
        "Police hauled away twenty students from the campus.",
        "Officers dragged off several opposition supporters.",
        "Dozens of activists were bundled into police vans.",
        "Security forces picked up three journalists overnight.",
    ],
)
def test_phrasal_detentions_are_arrests(text: str) -> None:
    evs = _of(text, "COERCE")
    assert evs and evs[0].mode == "arrest"


# --- actors and recipients


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("WARSAW, May 4 (Reuters) - Poland sent 200 soldiers to the Lithuanian border on Monday.", {"POL"}),
        (
            "VILNIUS, March 3 (Baltic Wire) - Latvian and Estonian officials met in Riga on Tuesday.",
            {"LVA", "EST"},
        ),
    ],
)
def test_wire_dateline_is_not_the_actor(text: str, want: set[str]) -> None:
    evs = _events(text)
    assert evs
    assert {a.country for a in evs[0].actor} == want
    assert not any(a.text.isupper() for a in evs[0].actor)


def test_exchange_venue_is_no_recipient() -> None:
    evs = _of(
        "Armenia and Azerbaijan exchanged 30 prisoners each at the Georgian border on Sunday.", "RETREAT"
    )
    assert evs
    assert {a.country for a in evs[0].actor} == {"ARM", "AZE"}
    assert not any(r.country == "GEO" for r in evs[0].recipient)


def test_agreement_at_talks_has_no_venue_recipient() -> None:
    evs = _of("The release was agreed at talks in Doha last month.", "AGREE")
    assert evs
    assert not any(r.country == "QAT" for r in evs[0].recipient)


def test_agreed_swap_prisoners_are_no_party() -> None:
    evs = _of("Both governments agreed to free 75 detained fishermen.", "AGREE")
    assert evs
    assert not any("fishermen" in r.text for r in evs[0].recipient)


def test_destination_is_not_the_actor() -> None:
    evs = _of(
        "TALLINN, Feb 2 (Wire) - Britain deployed about 900 troops to eastern Estonia on Monday.", "MOBILIZE"
    )
    assert evs and {a.country for a in evs[0].actor} == {"GBR"}


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Georgians", "GEO"),
        ("Greeks", "GRC"),
        ("Moldovans", "MDA"),
        ("Azerbaijanis", "AZE"),
        ("Belarusians", "BLR"),
    ],
)
def test_plural_demonyms_keep_their_country(word: str, code: str) -> None:
    assert code_actor(word).country == code
    evs = _of(f"Thousands of {word} marched through the capital on Sunday.", "PROTEST")
    assert evs and evs[0].actor[0].country == code


def test_town_in_a_named_country_takes_that_country() -> None:
    # a town name found in several countries: "in <country>" after it decides
    evs = _of("Poland sent 80 soldiers to Alexandria in Romania on Monday.", "MOBILIZE")
    assert evs and {r.country for r in evs[0].recipient} == {"ROU"}


# --- factuality of a nominal event told with "go"


def test_a_deployment_that_went_somewhere_is_not_future() -> None:
    evs = _of("Germany's first deployment to Lithuania, in 2017, also went to Rukla.", "MOBILIZE")
    assert evs and evs[0].factuality == "historical"


def test_going_to_is_still_future() -> None:
    evs = _of("Spain is going to send 100 soldiers to Latvia.", "MOBILIZE")
    assert evs and evs[0].factuality == "future"


@pytest.mark.parametrize(
    ("text", "third"),
    [
        ("Serbian and Kosovar negotiators met in Ohrid on Friday, with Macedonia acting as host.", "MKD"),
        (
            "Armenian and Azerbaijani officials held talks in Almaty, with Kazakhstan serving as mediator.",
            "KAZ",
        ),
    ],
)
def test_host_or_mediator_is_no_recipient(text: str, third: str) -> None:
    evs = _of(text, "CONSULT")
    assert evs and len({a.country for a in evs[0].actor}) == 2
    assert not any(r.country == third for r in evs[0].recipient)


def test_people_taken_into_custody_are_not_the_actor() -> None:
    evs = _of("Five reporters were taken into custody in Baku on Friday.", "COERCE")
    assert evs and evs[0].mode == "arrest"
    assert not any("reporters" in a.text for a in evs[0].actor)
    assert any("reporters" in r.text for r in evs[0].recipient)


def test_calling_an_event_something_is_not_holding_it() -> None:
    # "call" is a light verb ("called a strike"), but naming an event with a predicate only judges it
    evs = _events("Lawyers called the detentions illegal.")
    assert not any(e.event == "COERCE" and any("Lawyers" in a.text for a in e.actor) for e in evs)
    assert "PROTEST" in _types("The dockers' union called a strike for Monday.")


# --- verbs that are no event for some subjects (data/events/subject_verbs.tsv, event NONE)


def test_troops_backed_by_weapons_get_no_support() -> None:
    assert "SUPPORT" not in _types(
        "The Polish battalion, backed by artillery and rockets, reached the range."
    )
    assert "SUPPORT" in _types("Egypt backed the ceasefire plan on Monday.")


def test_shared_footage_is_no_cooperation() -> None:
    assert "COOPERATE" not in _types("Footage shared on social media showed the arrests.")
    assert "COOPERATE" in _types("Israel shared intelligence with Jordan.")


@pytest.mark.parametrize(
    "text",
    [
        "CORRESPONDENT (Kharkiv): Shelling overnight wounded four people near the station.",
        "ANCHOR (Minsk): Five opposition activists were detained this morning.",
    ],
)
def test_transcript_speaker_label_is_no_argument(text: str) -> None:
    evs = _events(text)
    assert evs
    for e in evs:
        assert not any(x.text.startswith(("CORRESPONDENT", "ANCHOR")) for x in e.actor + e.recipient)


def test_hauling_things_away_is_no_arrest() -> None:
    assert "COERCE" not in _types("Volunteers hauled away the rubble after the storm.")


def test_coordinated_groups_of_one_country_are_one_actor() -> None:
    # two adjectives that give no separate country ("Druze and Christian villagers") make one actor, not two copies
    for e in _events("Druze and Christian villagers blocked the highway near Sweida on Tuesday."):
        spans = [(a.start, a.end, a.country) for a in e.actor]
        assert len(spans) == len(set(spans))
    # two nationalities stay two actors
    both = [
        e
        for e in _events("Serbian and Kosovan negotiators met in Brussels on Monday.")
        if e.event == "CONSULT"
    ]
    assert both and {a.country for a in both[0].actor} >= {"SRB"}


@pytest.mark.parametrize(
    "text",
    [
        "The militia's commanders vowed to avenge their fallen leader.",
        "Tribal elders pledged to retaliate for the night raid on their village.",
    ],
)
def test_a_promise_of_revenge_is_a_threat(text: str) -> None:
    assert ("THREATEN", "violence") in {(e.event, e.mode) for e in _events(text)}
    assert "AGREE" not in _types(text)


def test_a_promise_of_something_else_is_still_an_agreement() -> None:
    assert "AGREE" in _types("The governor vowed to reopen the schools by March.")
