"""Actor-coding leftovers found by the argument and merge engineers (session 8, issue 3, short round); every
sentence here is our own wording."""

from __future__ import annotations

import pytest

from dateline.actors import code_actor, resolver_for
from dateline.model import Actor, Document
from dateline.nlp import annotate, parse


def _doc(text: str, extra: dict | None = None) -> Document:
    doc = Document(id="kinds8", text=text, published="2024-03-05", extra=dict(extra or {}))
    return next(annotate([doc]))


def _resolve(doc: Document, span: str, nth: int = 0) -> Actor:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(span, start + 1)
    return resolver_for(doc).resolve(start, start + len(span))


# --- 1. a venue town is no country cue for an unqualified "the government" when the story's country is known


def test_venue_of_talks_does_not_own_the_bare_government() -> None:
    text = (
        "Colombia's army said on Monday that it had repelled an attack on a base in Arauca. "
        "The government and ELN guerrillas will resume negotiations in Havana next week, "
        "a Colombian negotiator told reporters in Bogota."
    )
    a = _resolve(_doc(text), "The government")
    assert (a.country, a.sector) == ("COL", "GOV")


def test_venue_in_geneva_does_not_own_the_bare_government_either() -> None:
    text = (
        "Yemeni troops and Houthi fighters clashed near Taiz on Sunday, Yemen's defence ministry said. "
        "The government and the Houthis are due to meet in Geneva under United Nations auspices."
    )
    a = _resolve(_doc(text), "The government")
    assert a.country == "YEM"


def test_a_town_set_aside_leaves_the_story_country_not_another_partys() -> None:
    # once the town is set aside, the other country the sentence names is the one acted on, not the actor's
    text = (
        "Niger's army said on Tuesday it had retaken a post near Tillaberi. "
        "In further news from Niamey, the military government expelled Benin's consul on Wednesday."
    )
    a = _resolve(_doc(text), "the military government")
    assert (a.country, a.sector) == ("NER", "GOV")


def test_a_government_named_with_its_country_keeps_it() -> None:
    text = "Colombia's army reported fighting in Arauca. The Cuban government offered to host the next round."
    a = _resolve(_doc(text), "The Cuban government")
    assert (a.country, a.sector) == ("CUB", "GOV")


# --- 2. "here" in a wire story is the dateline's place, not the most-named country


_WIRE = (
    "NAIROBI, March 4 (Reuters) - Officers here detained 40 Somali migrants on Monday, Somalia's embassy said. "
    "Somali diplomats in Mogadishu protested, and Somalia's foreign ministry summoned an envoy. "
    "Somalia said the migrants held valid papers."
)
_WIRE_EXTRA = {
    "wire_dateline": {
        "place": "NAIROBI",
        "date": "March 4",
        "agency": "Reuters",
        "text": "NAIROBI, March 4 (Reuters)",
        "start": 0,
        "end": 29,
    }
}


def test_officers_here_take_the_wire_datelines_country() -> None:
    a = _resolve(_doc(_WIRE, _WIRE_EXTRA), "Officers here")
    assert a.country == "KEN"


@pytest.mark.xfail(
    strict=True,
    reason="written before the run: bare 'officers' detaining people read as police; the Phoenix agent lexicon "
    "codes 'officer' MIL and nothing in the words says police (open, reported)",
)
def test_officers_here_detaining_migrants_are_police() -> None:
    assert _resolve(_doc(_WIRE, _WIRE_EXTRA), "Officers here").sector == "COP"


def test_without_a_dateline_here_falls_back_to_the_story_country() -> None:
    a = _resolve(_doc(_WIRE), "Officers here")
    assert a.country == "SOM"


def test_dateline_with_a_country_part() -> None:
    text = (
        "GOMA, Congo, May 2 (Agency) - Police here dispersed a crowd of Rwandan traders on Friday. "
        "Rwanda's trade ministry complained, and Rwandan officials in Kigali asked for an inquiry into Rwanda's losses."
    )
    extra = {
        "wire_dateline": {"place": "GOMA, Congo", "date": "May 2", "text": "GOMA, Congo, May 2 (Agency)"}
    }
    a = _resolve(_doc(text, extra), "Police here")
    assert a.country == "COD"


# --- 3. an ethnic group with no place in the sentence keeps no country, not a third party's


def test_ethnic_rebels_do_not_take_a_mediators_country() -> None:
    text = "Hutu rebels signed a truce in talks brokered by South African mediators on Saturday."
    a = _resolve(_doc(text), "Hutu rebels")
    assert a.country is None
    assert a.sector == "REB"


def test_ethnic_fighters_do_not_take_a_host_capitals_country() -> None:
    text = "Tuareg fighters met envoys from Algeria on Tuesday to discuss a prisoner exchange."
    a = _resolve(_doc(text), "Tuareg fighters")
    assert a.country is None


def test_ethnic_rebels_placed_by_the_sentence_keep_that_place() -> None:
    text = "Hutu rebels in eastern Burundi attacked a police post, the army said."
    a = _resolve(_doc(text), "Hutu rebels")
    assert a.country == "BDI"


def test_a_nationality_is_no_ethnic_word() -> None:
    text = "Sudanese rebels signed a truce in talks brokered by South African mediators."
    assert _resolve(_doc(text), "Sudanese rebels").country == "SDN"


# --- 4. "the leaders of France and Germany" are two actors


def test_leaders_of_two_countries_are_two_actors() -> None:
    text = "The leaders of France and Germany met in Berlin to discuss the budget."
    doc = parse(text)
    span = "The leaders of France and Germany"
    got = resolver_for(doc).resolve_all(0, len(span))
    assert [(a.country, a.sector) for a in got] == [("FRA", "GOV"), ("DEU", "GOV")]


def test_foreign_ministers_of_two_countries_are_two_actors() -> None:
    text = "The foreign ministers of Egypt and Jordan called for a ceasefire."
    doc = parse(text)
    span = "The foreign ministers of Egypt and Jordan"
    got = resolver_for(doc).resolve_all(0, len(span))
    assert [(a.country, a.sector) for a in got] == [("EGY", "GOV"), ("JOR", "GOV")]


def test_a_country_with_and_in_its_name_is_one_actor() -> None:
    text = "The leaders of Bosnia and Herzegovina met on Monday."
    doc = parse(text)
    span = "The leaders of Bosnia and Herzegovina"
    got = resolver_for(doc).resolve_all(0, len(span))
    assert [(a.country, a.sector) for a in got] == [("BIH", "GOV")]


# --- 5. a site noun after a name blocks a derived group alias


def test_a_compound_is_no_armed_group() -> None:
    a = code_actor("the Al-Aqsa compound")
    assert a.sector not in ("REB", "PRM", "UAF")
    assert a.name is None or "brigade" not in a.name.lower()


def test_a_mosque_compound_in_running_text_is_no_armed_group() -> None:
    text = "Israeli police entered the Al-Aqsa compound in Jerusalem on Friday."
    a = _resolve(_doc(text), "the Al-Aqsa compound")
    assert a.sector not in ("REB", "PRM", "UAF")


def test_the_group_itself_is_still_coded() -> None:
    a = code_actor("the Al-Aqsa Martyrs Brigades")
    assert a.sector in ("REB", "PRM", "UAF")


# --- from the dev8 corpus: a bare "the government" beside a named armed group of one country is that country's
# government (a state's rebels deal with their own state)


def test_government_beside_rebels_takes_their_country_not_the_venue() -> None:
    doc = _doc("The government and the FARC signed a peace accord in Havana on Monday.")
    a = _resolve(doc, "The government")
    assert (a.country, a.sector) == ("COL", "GOV")


def test_government_after_rebels_takes_their_country() -> None:
    doc = _doc(
        "Kenyan police arrested two men in Mombasa. Al-Shabaab and the government exchanged prisoners on Friday."
    )
    a = _resolve(doc, "the government")
    assert (a.country, a.sector) == ("SOM", "GOV")


def test_previous_sentence_country_does_not_win_over_the_armed_partner() -> None:
    text = (
        "Ugandan soldiers reached Beni on Tuesday. "
        "The truce agreed by the government and the M23 in Doha has raised hopes in Goma."
    )
    a = _resolve(_doc(text), "the government")
    assert (a.country, a.sector) == ("COD", "GOV")


def test_government_not_joined_to_a_group_keeps_the_old_rule() -> None:
    # no armed group beside it: the resolver's other rules decide (here the sentence's own country)
    doc = _doc("Kenya's president said the government would hold elections in August.")
    a = _resolve(doc, "the government")
    assert (a.country, a.sector) == ("KEN", "GOV")
