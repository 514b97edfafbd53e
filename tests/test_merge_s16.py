"""Sixteenth session, merging (issue 7): the Ferghana valley corpus (tests/fixtures/merge_dev15) and three linker rules
found on its missed links: where someone promised to act later ("after the district chief promised to raise their
demands in Dushanbe") is no evidence of where the event happened; a shooting one report tells as an exchange of fire or
whose start it disputes ("had fired first", "returned fire") is not vetoed by the other report's reversed roles; and a
meeting's parties read apart by two reports (KGZ against TJK) are no veto when one report's party is named, as a
country or its people, in the other's sentence ("talks with his Tajik counterpart"). Each rule on two differently
worded cases, with the cases it must leave alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.evaluate import merge as M
from dateline.link._words import aftermath_place, mutual_fire
from dateline.link.merge import _compare, _features
from dateline.model import Actor, Event, EventDate
from tests.merge_helpers import check_corpus, city_in, linked_store, merged_id

DEV15 = Path(__file__).parent / "fixtures" / "merge_dev15"


def _event(doc: str, sentence: str, typ: str, actor: str | None, recip: str | None, date: str,
           place: tuple[str, str, float, float] | None = None, trigger: str | None = None) -> Event:  # fmt: skip
    loc = city_in(sentence, place)
    t0 = sentence.index(trigger) if trigger else 0
    t1 = t0 + len(trigger) if trigger else len(sentence)
    return Event(
        id=f"{doc}#0", doc_id=doc, event=typ, mode=None, cameo=None,
        actor=[Actor(actor, 0, 0, country=actor)] if actor else [],
        recipient=[Actor(recip, 0, 0, country=recip)] if recip else [],
        text=sentence, sentence_start=0, sentence_end=len(sentence), event_text=sentence[t0:t1], event_start=t0,
        event_end=t1, factuality="asserted", location=loc, date=EventDate(date, source="text"),
    )  # fmt: skip


_store = linked_store
_merged = merged_id


# --- where someone promised to act later is not where the event happened


@pytest.mark.parametrize(("sentence", "name", "trigger"), [
    ("Residents who had blocked the highway since dawn dispersed after the regional head promised to take their "
     "grievances up in Dushanbe.", "Dushanbe", "blocked"),
    ("The sit-in outside the mine ended on Sunday when the governor pledged to take the workers' complaint to "
     "Bishkek.", "Bishkek", "sit-in"),
    ("Farmers lifted their blockade of the canal after officials vowed to settle the water dispute in talks at "
     "Khujand next week.", "Khujand", "blockade"),
])  # fmt: skip
def test_where_someone_promised_to_act_later_is_aftermath(sentence: str, name: str, trigger: str) -> None:
    i, t = sentence.index(name), sentence.index(trigger)
    assert aftermath_place(sentence, i, i + len(name), trigger=(t, t + len(trigger)))


@pytest.mark.parametrize(("sentence", "name", "trigger"), [
    # the promised act is the event itself: its place stays
    ("The two ministers promised to hold talks in Geneva next month.", "Geneva", "hold talks"),
    ("Moscow pledged to send troops to Dushanbe within a week.", "Dushanbe", "send"),
    ("Militia leaders vowed to avenge the commander killed in a drone strike at Baghdad airport.", "Baghdad",
     "drone strike"),
    # no promise: the place is the event's own
    ("Hundreds of villagers blocked the road to Isfara on Friday morning.", "Isfara", "blocked"),
    ("Protesters gathered in Osh after the governor promised them a hearing.", "Osh", "gathered"),
])  # fmt: skip
def test_a_promised_act_of_its_own_or_no_promise_keeps_the_place(
    sentence: str, name: str, trigger: str
) -> None:
    i, t = sentence.index(name), sentence.index(trigger)
    assert not aftermath_place(sentence, i, i + len(name), trigger=(t, t + len(trigger)))


def test_a_blockade_located_where_a_promise_was_to_be_kept_joins_the_blockade(tmp_path: Path) -> None:
    """dev15: the Tajik daily's "... went home after the district chief promised to raise their demands in Dushanbe"
    was located in Dushanbe and vetoed (places 238 km apart) against the radio's blockade near Isfara."""
    a = _event("d1", "About 300 people from Vorukh blockaded the highway near Isfara on Friday over grazing rights.",
               "PROTEST", "TJK", None, "2026-11-06", ("Isfara", "TJK", 40.13, 70.63), "blockaded")  # fmt: skip
    b = _event("d2", "The Vorukh blockade ended on Friday night once a deputy minister pledged to put the grazing "
               "dispute before parliament in Dushanbe.", "PROTEST", "TJK", None, "2026-11-06",
               ("Dushanbe", "TJK", 38.54, 68.78), "blockade")  # fmt: skip
    store = _store(tmp_path, [("d1", "Radio", "2026-11-06", a), ("d2", "Daily", "2026-11-07", b)])
    assert _merged(store, a.id) == _merged(store, b.id)


# --- a shooting told as an exchange, or whose start is disputed: reversed roles are no veto


@pytest.mark.parametrize("sentence", [
    "Dushanbe said its guards only returned fire after Kyrgyz soldiers shot first on Tuesday.",
    "The two patrols traded fire across the river for an hour on Tuesday.",
    "Indian and Pakistani troops exchanged heavy gunfire along the Line of Control overnight.",
    "Police say the gunmen opened fire first and officers fired back.",
])  # fmt: skip
def test_an_exchange_of_fire_or_who_fired_first_is_mutual(sentence: str) -> None:
    assert mutual_fire(sentence)


@pytest.mark.parametrize("sentence", [
    "Tajik border guards fired on a Kyrgyz post near the village of Kulundu on Tuesday.",
    "The ministers exchanged views on trade and water on Tuesday.",
    "Firefighters returned to the site after the fire was put out.",
])  # fmt: skip
def test_a_one_sided_attack_or_other_exchanges_are_not_mutual(sentence: str) -> None:
    assert not mutual_fire(sentence)


_KULUNDU = ("Kulundu", "KGZ", 40.11, 69.64)


@pytest.mark.parametrize(("one", "other"), [
    ("Tajik border guards fired on a Kyrgyz post near Kulundu on Tuesday, wounding one soldier.",
     "Dushanbe said Kyrgyz soldiers fired first near Kulundu on Tuesday, and that its guards were returning fire."),
    ("Kyrgyz troops shelled Tajik positions near Kulundu on Tuesday, Dushanbe said.",
     "Tajik and Kyrgyz border units traded fire near Kulundu on Tuesday; Bishkek said the Tajik side started it."),
])  # fmt: skip
def test_reversed_roles_of_a_disputed_shooting_are_no_veto(one: str, other: str) -> None:
    tjk_first = one.startswith("Tajik")
    a = _event("d1", one, "ASSAULT", "TJK" if tjk_first else "KGZ", "KGZ" if tjk_first else "TJK", "2026-11-10",
               _KULUNDU)  # fmt: skip
    b = _event("d2", other, "ASSAULT", "KGZ" if tjk_first else "TJK", "TJK" if tjk_first else "KGZ", "2026-11-10",
               _KULUNDU)  # fmt: skip
    score, ev = _compare(_features(a, "2026-11-10"), _features(b, "2026-11-11"))
    assert "veto" not in ev and "roles_disputed" in ev
    assert score >= 1.4


def test_an_attack_and_the_counter_attack_still_veto_without_an_exchange_wording() -> None:
    a = _event("d1", "Tajik border guards fired on a Kyrgyz post near Kulundu on Tuesday.", "ASSAULT", "TJK", "KGZ",
               "2026-11-10", _KULUNDU)  # fmt: skip
    b = _event("d2", "Kyrgyz troops shelled a Tajik village near Kulundu on Tuesday in reprisal.", "ASSAULT", "KGZ",
               "TJK", "2026-11-10", _KULUNDU)  # fmt: skip
    _, ev = _compare(_features(a, "2026-11-10"), _features(b, "2026-11-11"))
    assert ev.get("veto", "").startswith("roles reversed")


def test_a_disputed_shooting_a_week_later_stays_apart(tmp_path: Path) -> None:
    """The exchange wording lifts only the roles veto: another day is another shooting."""
    a = _event("d1", "Tajik border guards fired on a Kyrgyz post near Kulundu on Tuesday.", "ASSAULT", "TJK", "KGZ",
               "2026-11-03", _KULUNDU)  # fmt: skip
    b = _event("d2", "Dushanbe said Kyrgyz soldiers fired first near Kulundu, and its guards returned fire.",
               "ASSAULT", "KGZ", "TJK", "2026-11-10", _KULUNDU)  # fmt: skip
    _, ev = _compare(_features(a, "2026-11-03"), _features(b, "2026-11-11"))
    assert "veto" in ev


# --- a meeting's party named in the other report's sentence


_MOSCOW = ("Moscow", "RUS", 55.75, 37.62)


@pytest.mark.parametrize(("one", "one_side", "other", "other_side"), [
    ("Kyrgyzstan's defence minister flew to Moscow on Thursday to meet his Tajik counterpart.", "KGZ",
     "The Tajik and Kyrgyz defence chiefs met in Moscow on Thursday behind closed doors.", "TJK"),
    ("Armenia's prime minister met his Azerbaijani counterpart in Moscow on Thursday, Yerevan said.", "ARM",
     "Baku said the leaders of Azerbaijan and Armenia met in Moscow on Thursday.", "AZE"),
])  # fmt: skip
def test_a_party_named_in_the_other_sentence_is_no_veto(
    one: str, one_side: str, other: str, other_side: str
) -> None:
    a = _event("d1", one, "CONSULT", one_side, None, "2026-11-12", _MOSCOW)
    b = _event("d2", other, "CONSULT", other_side, None, "2026-11-12", _MOSCOW)
    score, ev = _compare(_features(a, "2026-11-11"), _features(b, "2026-11-13"))
    assert "veto" not in ev and "participants_named" in ev
    assert score >= 1.4


@pytest.mark.parametrize(("one", "one_side", "other", "other_side"), [
    # neither sentence names the other's party: two meetings of two countries with their host
    ("Kyrgyzstan's foreign minister held talks in Moscow on Thursday.", "KGZ",
     "Tajikistan's foreign minister held talks in Moscow on Thursday.", "TJK"),
    ("Armenia's prime minister met Russian officials in Moscow on Thursday.", "ARM",
     "Georgia's prime minister met Russian officials in Moscow on Thursday.", "GEO"),
])  # fmt: skip
def test_two_meetings_of_parties_not_named_across_stay_vetoed(one: str, one_side: str, other: str,
                                                             other_side: str) -> None:  # fmt: skip
    a = _event("d1", one, "CONSULT", one_side, None, "2026-11-12", _MOSCOW)
    b = _event("d2", other, "CONSULT", other_side, None, "2026-11-12", _MOSCOW)
    _, ev = _compare(_features(a, "2026-11-11"), _features(b, "2026-11-13"))
    assert ev.get("veto", "").startswith("participants differ")


# --- the corpus


def test_dev15_is_registered_and_its_gold_is_well_formed() -> None:
    check_corpus("dev15", DEV15)
    files = {p.name for p in (DEV15 / "articles").iterdir()}
    assert len(files) >= 12 and len({M._meta(DEV15)[f][0] for f in files}) >= 5
