"""Event arguments, source, date and in-document repeats, ninth session, second round (issue 3): kinds found end
to end on scraped-looking articles and a merge corpus.

Sentences are our own; none comes from an evaluation set or from the fixtures they were found on."""

from __future__ import annotations

import pytest
from events_helpers import processed_events

from dateline.model import Event


def _events(text: str, published: str = "2025-06-12") -> list[Event]:
    return processed_events(text, published)


def _one(text: str, event: str, published: str = "2025-06-12") -> Event:
    evs = [e for e in _events(text, published) if e.event == event]
    assert evs, f"no {event} in {text!r}: {[e.event for e in _events(text, published)]}"
    return evs[0]


# --------------------------------------------------------------------------- source: who reports, not who speaks


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The ruling council in Bamako accused Algeria of arming separatist fighters.", "ACCUSE"),
        ("Dockworkers' unions threatened fresh stoppages across the port in July.", "THREATEN"),
        ("Hezbollah threatened to strike Israeli towns if the shelling went on.", "THREATEN"),
        ("The Kenyan foreign minister urged both factions to return to the negotiating table.", "REQUEST"),
    ],
)
def test_speech_act_actor_is_not_its_own_source(text: str, event: str) -> None:
    ev = _one(text, event)
    assert ev.actor, "the speaker of the act is its actor"
    assert ev.source is None


def test_speech_act_reported_by_another_keeps_the_reporter() -> None:
    ev = _one("The opposition accused the police of beating detainees, a rights group said.", "ACCUSE")
    assert ev.source is not None and "rights group" in ev.source.text


def test_parties_of_a_deal_are_not_its_source() -> None:
    text = "Ethiopia and Eritrea agreed to reopen two border crossings on Friday, Qatari negotiators said."
    ev = _one(text, "AGREE")
    assert ev.source is not None and "negotiators" in ev.source.text
    assert {a.country for a in ev.actor} == {"ETH", "ERI"}


def test_closing_said_clause_the_parser_left_aside_still_gives_the_source() -> None:
    text = "Germany would not send warships to the strait, Defence Minister Boris Pistorius said on Tuesday."
    ev = _one(text, "MOBILIZE")
    assert ev.factuality == "negated"
    assert ev.source is not None and ev.source.text.endswith("Pistorius")


# --------------------------------------------------------------------------- date of an accusation


def test_accusation_without_its_own_date_takes_the_charged_acts_date() -> None:
    text = (
        "Georgian officials accused Russian border guards of moving fences deeper into the village on Sunday."
    )
    ev = _one(text, "ACCUSE", published="2025-06-12")  # a Thursday
    assert ev.date is not None and ev.date.source == "text"
    assert ev.date.value is not None and ev.date.value.startswith("2025-06-08")


def test_accusation_with_its_own_date_keeps_it() -> None:
    text = "On Wednesday, Kyrgyzstan accused Tajik troops of firing on a border post on Monday."
    ev = _one(text, "ACCUSE", published="2025-06-12")
    assert ev.date is not None and ev.date.value == "2025-06-11"


# --------------------------------------------------------------------------- repeats: denied vs reported as fact


def test_denied_event_is_not_merged_with_a_later_one_told_as_fact() -> None:
    text = (
        "The army denied that its artillery had shelled the camp.\n\n"
        "Witnesses said a similar attack ten days ago had wrecked a clinic nearby."
    )
    evs = [e for e in _events(text) if e.event == "ASSAULT"]
    assert len(evs) == 2, [(e.factuality, e.date) for e in evs]
    assert {e.factuality for e in evs} == {"denied", "asserted"}


def test_bare_later_reference_lends_no_source() -> None:
    text = (
        "The AU force pulled its last 900 troops out of Kismayo on Friday.\n\n"
        "The handover closes a decade of AU presence in the port, an AU spokesman said."
    )
    ev = _one(text, "RETREAT")
    assert ev.source is None


def test_full_later_mention_lends_its_source() -> None:
    text = (
        "Rebels ambushed a convoy near Goma on Monday.\n\n"
        "The rebels ambushed the convoy with mortars, an army spokesman said."
    )
    ev = _one(text, "ASSAULT")
    assert len(ev.mentions) == 2
    assert ev.source is not None and "spokesman" in ev.source.text


# --------------------------------------------------------------------------- arguments


def test_village_named_with_of_takes_the_places_country() -> None:
    text = "Hungarian police said Serbian drones struck the village of Bujanovac late on Sunday."
    ev = _one(text, "ASSAULT")
    assert [r.country for r in ev.recipient] == ["SRB"]


@pytest.mark.parametrize(
    ("text", "owner", "actor_country"),
    [
        ("Several hundred students rallied outside Iran's embassy in Berlin on Friday.", "IRN", "DEU"),
        ("Protesters gathered outside China's consulate.", "CHN", None),
    ],
)
def test_protesters_do_not_take_the_country_of_the_site_they_target(
    text: str, owner: str, actor_country: str | None
) -> None:
    ev = _one(text, "PROTEST")
    assert [a.country for a in ev.actor] == [actor_country]
    assert owner in {r.country for r in ev.recipient}


def test_protesters_of_a_named_nation_keep_it() -> None:
    ev = _one("Hundreds of Armenians protested outside the Azerbaijani embassy.", "PROTEST")
    assert [a.country for a in ev.actor] == ["ARM"]


def test_protest_topic_after_over_is_no_party() -> None:
    ev = _one("Cotton growers marched through Bamako over a trade dispute with Senegal.", "PROTEST")
    assert "SEN" not in {r.country for r in ev.recipient}


@pytest.mark.parametrize(
    ("text", "span", "country"),
    [
        ("Brussels will lend Kyiv 20 billion euros next year.", "Kyiv", "UKR"),
        ("The IMF will lend Egypt 3 billion dollars.", "Egypt", "EGY"),
    ],
)
def test_dative_before_a_sum_is_the_receiver(text: str, span: str, country: str) -> None:
    ev = _one(text, "AID")
    assert [(r.text, r.country) for r in ev.recipient] == [(span, country)]


def test_range_of_troops_is_one_size() -> None:
    ev = _one("The army moved between 800 and 1,100 soldiers into Kachin State yesterday.", "MOBILIZE")
    assert [(s.min, s.max, s.unit) for s in ev.size] == [(800, 1100, "troops")]
