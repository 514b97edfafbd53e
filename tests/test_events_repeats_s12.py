"""Repeats inside one article, twelfth session (issue 7): an anaphoric restatement of an act the article reports
("the troops", "the missiles", "the strike on ...") folds into that report when nothing conflicts (place, day, size,
actor), in either order; two different acts of one kind in one article stay two events."""

from __future__ import annotations

from events_helpers import processed_events


def _of(events: list, event: str) -> list:
    return [e for e in events if e.event == event]


def _show(events: list) -> list:
    return [(e.event_text, [a.text for a in e.actor], e.factuality, len(e.mentions)) for e in events]


# --- a definite description of the forces as the later mention's actor


def test_the_troops_restating_a_deployment_fold_into_it() -> None:
    text = (
        "Germany is sending about 400 more soldiers to Lithuania, the defence ministry said on Tuesday.\n\n"
        "The troops, from a mechanised brigade based in Bavaria, will deploy to Lithuania before the end of the "
        "month, officials said."
    )
    moves = _of(processed_events(text, "2025-03-04"), "MOBILIZE")
    assert len(moves) == 1, _show(moves)
    assert len(moves[0].mentions) == 2 and moves[0].size


def test_the_warships_restating_a_dispatch_fold_into_it() -> None:
    text = (
        "Japan dispatched two destroyers to the Strait of Hormuz on Friday to protect its tankers.\n\n"
        "The warships will patrol the Strait of Hormuz for at least six months, a spokesman said."
    )
    moves = _of(processed_events(text, "2025-06-13"), "MOBILIZE")
    assert len(moves) == 1, _show(moves)


# --- a definite description of the means as the subject


def test_the_missiles_as_subject_restate_the_attack() -> None:
    text = (
        "Russia fired more than 20 cruise missiles at the Ukrainian city of Dnipro early on Sunday, officials said.\n\n"
        "Ukraine's air force said the missiles were launched from bombers over the Caspian Sea and struck "
        "Dnipro's industrial district at about 4am."
    )
    attacks = _of(processed_events(text, "2025-05-11"), "ASSAULT")
    assert len(attacks) == 1, _show(attacks)


# --- a definite event noun naming the act, before the article reports it


def test_the_strike_named_before_the_report_folds_into_it() -> None:
    text = (
        "Speaking to supporters in Sanaa, the group's leader said the strike on Hodeidah port had only made the "
        "movement stronger.\n\n"
        "Israeli jets bombed Hodeidah port on July 7, destroying fuel depots, the Israeli military said."
    )
    attacks = _of(processed_events(text, "2025-07-12"), "ASSAULT")
    assert len(attacks) == 1, _show(attacks)
    assert [a.country for a in attacks[0].actor] == ["ISR"] and len(attacks[0].mentions) == 2
    assert attacks[0].location is None or attacks[0].location.name != "Sanaa"  # where it was said, not struck


# --- look-alikes: two acts of one kind in one article stay apart


def test_an_earlier_deployment_to_the_same_country_stays_apart() -> None:
    """ "The troops" restate a deployment, but one of another date (January 2024, and told as past): two deployments
    to one country in one article."""
    text = (
        "Germany is sending 400 more soldiers to Lithuania, the ministry said on Tuesday.\n\n"
        "The troops, about 1,500 of them, arrived in Lithuania in January 2024 and will stay until 2027."
    )
    moves = _of(processed_events(text, "2025-03-04"), "MOBILIZE")
    assert len(moves) == 2, _show(moves)


def test_the_troops_sent_elsewhere_stay_apart() -> None:
    """ "The troops" restate a deployment of the same sender, but to another country."""
    text = (
        "France is sending 300 soldiers to Romania, the army said on Monday.\n\n"
        "The troops deployed to Chad last year will come home in June, the ministry added."
    )
    moves = _of(processed_events(text, "2025-02-03"), "MOBILIZE")
    assert len(moves) == 2, _show(moves)
