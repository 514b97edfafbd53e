"""Kinds of typing and argument fault found in the fifth session (issue 3: event typing that generalises), each
checked on sentences of our own wording: purpose clauses taken as a deployment's recipient, a warner's own side
taken as the threatened one, warnings of a danger taken as threats, the sentence classifier guessing an event
from a meaningless light verb, civilians "mobilized" taken as a force, "help (to) do X", acts that only describe
a suspect, dated background clauses (an option, off by default), and "give into demands"."""

from __future__ import annotations

import pytest
from events_helpers import helpers_for

import dateline.events as ev
from dateline.events import extract_events
from dateline.nlp import parse

PUB = "2021-03-08"
_events, _types, _of = helpers_for(PUB)


# --- a deployment's purpose clause names the people it protects, not its recipient


@pytest.mark.parametrize(
    "text",
    [
        "The defence minister sent 2,000 soldiers to the south to protect Canadians working at the mine.",
        "Extra marines were being deployed to guard Australians in the capital, the minister said.",
    ],
)
def test_purpose_clause_is_not_mobilize_recipient(text: str) -> None:
    mob = _of(text, "MOBILIZE")
    assert mob, text
    assert all(not r.country or r.country not in ("CAN", "AUS") for e in mob for r in e.recipient)


def test_force_sent_into_territory_keeps_recipient() -> None:
    mob = _of("Turkey sent troops into Syria on Tuesday.", "MOBILIZE")
    assert mob and any(r.country == "SYR" for r in mob[0].recipient)


# --- "X warned that his own country will ...": the own side acts, the threatened one is elsewhere


def test_threat_recipient_is_not_the_warners_own_country() -> None:
    thr = _of(
        "President Macron warned that France had drawn up a list of targets it would hit if Mali expelled "
        "its soldiers.",
        "THREATEN",
    )
    assert thr
    assert all(r.country != "FRA" for r in thr[0].recipient)


# --- a warning about a danger is no threat; a warning of one's own reprisal is


@pytest.mark.parametrize(
    "text",
    [
        "The health minister warned of a looming cholera outbreak in the camps.",
        "Economists warned about the risks of a long recession.",
        "Aid agencies warned that the floods could spread to the northern provinces.",
        "The embassy warned that flights from the airport would be delayed at night.",
    ],
)
def test_warning_of_a_danger_is_no_threat(text: str) -> None:
    assert "THREATEN" not in _types(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Tehran warned of severe consequences if Washington extended the embargo.",
        "The prime minister warned that Belarus would face new sanctions.",
        "The miners' union warned of a national strike next month.",
        "Seoul warned Pyongyang against further missile launches.",
    ],
)
def test_warning_of_a_reprisal_is_a_threat(text: str) -> None:
    assert "THREATEN" in _types(text), text


# --- the sentence classifier must not type a meaningless light verb


@pytest.mark.parametrize(
    "text",
    [
        "The foreign minister made the remarks at a news conference in Oslo.",
        "The senator made her first public appearance since the election on Friday.",
        "The governor made it clear that the budget would be published in May.",
    ],
)
def test_empty_light_verb_is_no_event(text: str) -> None:
    assert _types(text) == set(), text


# --- only an armed force is mobilized


def test_civilians_mobilized_are_no_force() -> None:
    assert "MOBILIZE" not in _types("The opposition party mobilized lawyers and doctors to watch the polls.")


def test_reservists_mobilized_are_a_force() -> None:
    assert "MOBILIZE" in _types("Armenia mobilized 5,000 reservists on Sunday.")


# --- "help (to) do X" is X; helping someone is AID


def test_help_to_do_is_the_helped_event() -> None:
    types = _types("The charity mobilized activists abroad to help support the rights of Roma families.")
    assert "SUPPORT" in types and "AID" not in types


def test_helping_someone_is_aid() -> None:
    assert "AID" in _types("Norway helped Mozambique rebuild its water network after the cyclone.")


# --- "[men] suspected of bombing ...": the suspicion describes them, it reports no attack


@pytest.mark.parametrize(
    "text",
    [
        "Chile said it would extradite three men suspected by investigators of bombing a commuter train.",
        "Two men accused of attacking a police station were extradited to Chile on Friday.",
    ],
)
def test_suspected_act_is_no_event(text: str) -> None:
    assert "ASSAULT" not in _types(text), text


def test_reported_attack_is_still_an_event() -> None:
    assert "ASSAULT" in _types(
        "Gunmen attacked a police station in the north on Friday, killing two officers."
    )


# --- a dated background clause: dropped by default (PLOVER codes the main event), kept under the option


SUB = "The parliament voted to expel the ambassador after thousands of students protested in the capital on Sunday."


def test_background_clause_dropped_by_default() -> None:
    assert "PROTEST" not in _types(SUB)


def test_dated_background_clause_kept_under_option(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(ev._POLICY, "keep_dated", 1.0)
    assert "PROTEST" in _types(SUB)
    undated = (
        "The parliament voted to expel the ambassador after thousands of students protested in the capital."
    )
    assert "PROTEST" not in _types(undated)


# --- "gave into demands" (a frequent misspelling of "gave in to")


def test_give_into_demands_is_concede() -> None:
    assert "CONCEDE" in _types("The mayor gave into demands by the unions to reopen the market.")


# --- a date phrase is no verb preposition, and a true particle beats a preposition


@pytest.mark.parametrize(
    "text",
    [
        "Azerbaijan called up 8,000 reservists on Tuesday.",
        "The army on Thursday called up a fresh class of conscripts for the spring offensive.",
    ],
)
def test_call_up_is_mobilize_not_call_on_or_for(text: str) -> None:
    types = _types(text)
    assert "MOBILIZE" in types and "REQUEST" not in types, text


def test_call_on_someone_is_still_a_request() -> None:
    assert "REQUEST" in _types(
        "The bishops called on the president on Sunday to free the detained journalists."
    )


# --- setting up a body to investigate (CAMEO 09: investigate, PLOVER ACCUSE)


@pytest.mark.parametrize(
    "text",
    [
        "The regional assembly formed an investigative committee after the mine collapse.",
        "The cabinet appointed a commission of inquiry into the prison fire.",
    ],
)
def test_investigative_body_is_accuse_investigate(text: str) -> None:
    acc = _of(text, "ACCUSE")
    assert acc and acc[0].mode == "investigate", text


def test_forming_an_ordinary_committee_is_no_event() -> None:
    assert "ACCUSE" not in _types("The regional assembly formed a budget committee on Friday.")


# --- labour and economic troubles that "hit" someone attacked no one


@pytest.mark.parametrize(
    "text",
    [
        "Hospitals in the capital were hit by a two-day walkout of cleaners.",
        "A diesel shortage hit farmers across the south this spring.",
    ],
)
def test_troubles_that_hit_are_no_assault(text: str) -> None:
    assert "ASSAULT" not in _types(text), text


# --- coordination: a finite conjunct after an infinitive complement is a clause of its own


def test_finite_conjunct_is_its_own_event() -> None:
    types = _types(
        "Chile and Peru agreed to exchange border data and have since cooperated against smugglers."
    )
    assert {"AGREE", "COOPERATE"} <= types


def test_infinitive_conjunct_stays_inside_the_promise() -> None:
    # both verbs are what was threatened: one THREATEN, no attack reported
    assert "ASSAULT" not in _types("The militia threatened to storm the town and burn the market.")


# --- an amount "in aid": the thing given is named after "in"


def test_amount_in_aid_is_aid() -> None:
    aid = _of("Norway gave $25 million in emergency aid to the cyclone victims.", "AID")
    assert aid


# --- attacking a hazard or a social ill is no assault


@pytest.mark.parametrize(
    "text",
    [
        "Volunteers battled the wildfire for three days.",
        "The health ministry sent nurses to help fight the cholera outbreak.",
    ],
)
def test_fighting_a_hazard_is_no_assault(text: str) -> None:
    assert "ASSAULT" not in _types(text), text


def test_fighting_rebels_is_assault() -> None:
    assert "ASSAULT" in _types("Government troops fought the rebels near the northern border.")


# --- small clauses, telephone talks and blockades (CAMEO 116, 041, 0872)


def test_found_guilty_is_sanction_convict() -> None:
    # session 13: the manual codes a finding of guilt SANCTION convict ("find an entity or behavior guilty ... or
    # liable in a court of law"), as own_cameo cameo-116-b and own_dev own-sanction-05 do (was ACCUSE, CAMEO 116)
    assert "SANCTION" in _types("A court in Lyon found the former mayor guilty of bribery.")


def test_spoke_by_telephone_is_consult() -> None:
    cons = _of("The two presidents spoke by telephone on Thursday.", "CONSULT")
    assert cons and cons[0].mode == "phone"


def test_easing_a_blockade_is_retreat() -> None:
    assert "RETREAT" in _types("The navy eased its blockade of the harbour on Monday.")


# --- "X insisted there was no decision to leave": the denied act is X's side's, and no "insist on" request


def test_denied_decision_takes_the_speaker_as_actor() -> None:
    ret = _of('On Tuesday, Mr Rutte had insisted there was "no decision to leave Mali".', "RETREAT")
    assert ret and ret[0].factuality in ("denied", "negated")
    assert ret[0].actor and "Rutte" in ret[0].actor[0].text
    assert "REQUEST" not in _types('On Tuesday, Mr Rutte had insisted there was "no decision to leave Mali".')


# --- journalistic formulas: anonymity requests are no REQUEST/REJECT


@pytest.mark.parametrize(
    "text",
    [
        "A nurse at the clinic, who asked not to be named, said the shelling lasted an hour.",
        "A diplomat who declined to be identified said the envoys would meet in Vienna.",
    ],
)
def test_anonymity_formula_is_no_event(text: str) -> None:
    types = _types(text)
    assert "REQUEST" not in types and "REJECT" not in types, text


def test_asking_someone_to_act_is_still_a_request() -> None:
    assert "REQUEST" in _types("Lebanon asked France to send more medical supplies.")


# --- a hazard named through a relative pronoun acted on no one


def test_relative_clause_of_a_hazard_is_no_assault() -> None:
    assert "ASSAULT" not in _types("Relief reached villages hit by a drought that has killed 40 people.")


def test_relative_clause_of_an_armed_group_is_assault() -> None:
    assert "ASSAULT" in _types("The gang that killed four guards last week was disbanded by the army.")


# --- detentions and deliveries told in the passive, with the source in a parenthesis


@pytest.mark.parametrize(
    "text",
    [
        "The former mayor was placed under house arrest, his lawyer said.",
        "Two journalists have been held by military intelligence since Sunday.",
    ],
)
def test_passive_detention_is_coerce(text: str) -> None:
    assert "COERCE" in _types(text), text


def test_passive_delivery_of_aid_is_aid() -> None:
    assert "AID" in _types("Blankets and medical supplies were flown in by the Red Crescent on Friday.")


def test_worked_together_is_cooperate() -> None:
    assert "COOPERATE" in _types(
        "Customs officers from both countries worked together to track the shipments."
    )


# --- support restated, criticism received (CAMEO 051, 111)


def test_reiterated_support_is_support() -> None:
    assert "SUPPORT" in _types("Several Baltic states on Monday reiterated their support for Kyiv's bid.")


def test_coming_under_criticism_is_accuse_but_fire_is_assault() -> None:
    assert "ACCUSE" in _types("The interior minister has come under criticism for failing to stop the riots.")
    assert "ASSAULT" in _types("An army convoy came under fire near the border on Sunday.")


# --- a protest lodged by a government is an official complaint (CAMEO 114), a street protest is PROTEST


def test_formal_protest_is_accuse_even_without_the_lodge_row(monkeypatch: pytest.MonkeyPatch) -> None:
    lex = ev._lex()
    monkeypatch.delitem(lex.verbs, "lodge")  # the noun's own reading, as if the verb were unknown
    assert _types("Hungary lodged a formal protest with Romania on Monday.") == {"ACCUSE"}


def test_street_protest_is_protest() -> None:
    assert "PROTEST" in _types("Thousands of students joined a protest in the main square on Sunday.")


def test_event_sentence_ends_at_its_last_character() -> None:

    doc = parse("Rebels attacked the barracks on Monday.\n\nThe army said nothing.", "2024-05-07")
    ev = [e for e in extract_events(doc) if e.event == "ASSAULT"]
    assert ev and ev[0].text == "Rebels attacked the barracks on Monday."
    assert doc.text[ev[0].sentence_start : ev[0].sentence_end] == ev[0].text
    assert ev[0].mentions[0].sentence_end == ev[0].sentence_end
