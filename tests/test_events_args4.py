"""Event argument kinds of issue 3 (recipient spans, from the own_cameo check set's misses): each kind fixed by a
rule in the argument layers and tested here in our own wording (no sentence from an evaluation set).

Kinds: the party named with "with"/"to" wins over the topic named with "on" ("shared data with X on Y"); a handing
verb's "to" party receives, not the person or thing handed ("extradited a suspect to X"); a country the recogniser
mis-tags still counts ("aid to Niger"); money cut "for" a country; whom a threat is told to ("warned X it would");
the accused of "blamed X for", tagged or not; a go-between's "between X and Y"; the host a visitor "arrived in";
"use force" is the means, not the target; a deployment to a province of the actor's own country has it as its
location, not as its recipient (a foreign destination stays the recipient); a purpose clause the parser hung on the
object ("opened the crossing to let trucks in") keeps the opener as actor; a withdrawal "from the outskirts of X"
is from X; a recipient's span leaves out a trailing time adverb ("prisoners [ahead of the holiday]") and a lone
possessor's "'s"; "the chiefs of X and Y" are two actors, and a place after a duration ("met for hours in Z") is a venue;
a subject noun the tagger read as an adjective ("the NATO secretary-general") still acts.
"""

from __future__ import annotations

from events_helpers import helpers_for

PUB = "2025-06-13"


_events, _, _ = helpers_for(PUB)


def _countries(text: str, event: str, role: str = "recipient") -> set[str | None]:
    evs = [e for e in _events(text) if e.event == event]
    assert evs, f"no {event} in {text!r}: {[e.event for e in _events(text)]}"
    return {a.country for e in evs for a in getattr(e, role)}


def test_with_party_beats_on_topic() -> None:
    got = _countries(
        "Qatar offered to share intelligence with Egypt on arms smugglers crossing the desert.", "AGREE"
    )
    assert got == {"EGY"}


def test_to_party_beats_on_topic_of_object() -> None:
    text = "Polish intelligence passed evidence on a Belarusian sabotage cell to Lithuanian prosecutors."
    got = _countries(text, "COOPERATE")
    assert got == {"LTU"}


def test_handed_person_is_not_the_recipient() -> None:
    got = _countries("Spanish police extradited a Moroccan smuggler to France on Friday.", "COOPERATE")
    assert "FRA" in got and "MAR" not in got


def test_mis_tagged_country_in_to_phrase() -> None:
    got = _countries("Berlin suspended development assistance to Niger after the coup.", "SANCTION")
    assert "NER" in got


def test_money_cut_for_a_country() -> None:
    evs = [
        e
        for e in _events("Norway cut its humanitarian funding for Somalia by half.")
        if e.event == "SANCTION"
    ]
    assert evs and [(a.text, a.country) for a in evs[0].recipient] == [("Somalia", "SOM")]


def test_money_for_an_agency_keeps_the_agency() -> None:
    got = _countries("Canada paused its funding of the UN refugee agency for Syrian refugees.", "SANCTION")
    assert "PSE" not in got and "SYR" not in got


def test_warned_party_of_a_threat() -> None:
    got = _countries("Russia warned Finland it would pay a heavy price for joining the alliance.", "THREATEN")
    assert "FIN" in got


def test_use_force_is_the_means() -> None:
    text = "Beijing warned it would use force to block any step toward Taiwanese statehood."
    got = _countries(text, "THREATEN")
    assert "TWN" in got and "CHN" not in got


def test_blamed_party_even_untagged() -> None:
    got = _countries("Moscow blamed Kyiv for the sabotage of the bridge near the Kremlin.", "ACCUSE")
    assert "UKR" in got


def test_mediator_aims_at_both_sides() -> None:
    text = "Qatari envoys mediated between the Sudanese army and the Rapid Support Forces in Jeddah."
    evs = [e for e in _events(text) if e.event == "CONSULT"]
    assert evs and any(a.country == "SDN" for e in evs for a in e.recipient)
    assert all(a.country != "QAT" for e in evs for a in e.recipient)


def test_visitor_arrival_names_the_host() -> None:
    got = _countries("The Brazilian president arrived in Beijing for a four-day state visit.", "CONSULT")
    assert "CHN" in got


def test_arrival_at_home_is_no_host() -> None:
    got = _countries("The Brazilian president arrived in Sao Paulo for a two-day visit.", "CONSULT")
    assert "BRA" not in got


def test_home_province_is_the_location_not_the_recipient() -> None:
    evs = [
        e
        for e in _events("Nigeria sent 1,500 soldiers to Borno state after the raids.")
        if e.event == "MOBILIZE"
    ]
    assert evs
    assert all(not e.recipient for e in evs)
    assert any(e.location is not None and "Borno" in e.location.text for e in evs)


def test_foreign_destination_stays_the_recipient() -> None:
    got = _countries("Russia moved fresh troops into Belarus ahead of the drills.", "MOBILIZE")
    assert "BLR" in got


def test_purpose_clause_on_the_object_keeps_the_opener() -> None:
    # the parse the tagger gives such sentences, built by hand: "to let" hung on the object "crossing"
    from spacy.tokens import Doc

    from dateline.events._syntax import _subject
    from dateline.nlp import load

    words = ["Chad", "opened", "the", "crossing", "to", "let", "lorries", "in", "."]
    heads = [1, 1, 3, 1, 5, 3, 5, 5, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "aux", "advcl", "dobj", "prt", "punct"]
    pos = ["PROPN", "VERB", "DET", "VERB", "PART", "VERB", "NOUN", "ADP", "PUNCT"]
    doc = Doc(load().vocab, words=words, heads=heads, deps=deps, pos=pos)
    subj, passive = _subject(doc[5])
    assert subj is not None and subj.text == "Chad" and not passive


def test_withdrawal_from_a_city_outskirts() -> None:
    got = _countries("Ethiopian troops pulled back from the outskirts of Mekelle.", "RETREAT")
    assert "ETH" in got


def test_recipient_span_leaves_out_a_time_adverb() -> None:
    text = "Cuba granted an amnesty to more than 500 prisoners ahead of the papal visit."
    evs = [e for e in _events(text) if e.event == "CONCEDE"]
    assert evs and [a.text for a in evs[0].recipient] == ["more than 500 prisoners"]


def test_officials_of_two_countries_are_two_actors() -> None:
    text = (
        "The foreign ministers of Kenya and Tanzania conferred for three hours in Arusha on the border raids."
    )
    evs = [e for e in _events(text) if e.event == "CONSULT"]
    assert evs
    assert {"KEN", "TZA"} <= {a.country for e in evs for a in e.actor}
    assert all(a.country != "TZA" or "Arusha" not in a.text for e in evs for a in e.recipient)


def test_possessor_named_alone_leaves_out_its_s() -> None:
    text = "Japan lent political support to Ghana's reform plan at a meeting in Tokyo."
    evs = [e for e in _events(text) if e.event == "SUPPORT"]
    assert evs and [a.text for a in evs[0].recipient] == ["Ghana"]


def test_subject_noun_tagged_as_adjective_still_acts() -> None:
    evs = [
        e
        for e in _events("The NATO secretary-general urged Turkey to ratify the accession.")
        if e.event == "REQUEST"
    ]
    assert evs and any(a.country == "IGO" for e in evs for a in e.actor)
