"""Kinds of typing fault found by the CAMEO-tail check set (tests/data/events_own_cameo.jsonl, issue 3, session 8),
each tested in our own wording, different from the set's sentences: material handed over or deposited, intelligence
passed on, joint ventures, letting monitors in, fighting words (gunfire exchanged, gas dropped, human shields, a
people driven out), weapons paraded, peacekeepers ordered out, licences revoked, strikes by staying away, crowds
that throw things, red-line warnings and "or face" ultimatums, concessions, verbal defence, a lemmatizer slip
("raped" read as "rapped"), and look-alikes that are no event."""

from __future__ import annotations

import pytest
from events_helpers import conventional_types, helpers_for

PUB = "2025-03-11"
_events, _types, _of = helpers_for(PUB)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # AID: material handed or deposited, protection given (CAMEO 07x)
        ("Poland handed Kyiv two dozen refurbished tanks on Monday.", "AID"),
        ("Qatar deposited $2 billion in Turkey's central bank.", "AID"),
        ("French troops gave protection to aid convoys heading north from Bangui.", "AID"),
        ("Norway delivered a consignment of generators to hospitals in Kharkiv.", "AID"),
        # COOPERATE: intelligence passed on, joint ventures (CAMEO 06x)
        ("Moroccan intelligence passed a tip-off about the plot to Spanish police.", "COOPERATE"),
        ("Senegal and Mauritania set up a joint gas company to run the offshore field.", "COOPERATE"),
        ("Ghana and Togo are jointly patrolling their shared border.", "COOPERATE"),
        # RETREAT access: letting monitors or aid in (CAMEO 086x)
        ("Belarus let a team of OSCE monitors observe the vote.", "RETREAT"),
        ("Congo accepted the deployment of an East African regional force.", "RETREAT"),
        # ASSAULT (CAMEO 18x-20x)
        ("Police and cartel gunmen exchanged fire for hours in Culiacan.", "ASSAULT"),
        ("Government helicopters dropped barrel bombs on rebel-held Daraa.", "ASSAULT"),
        ("The militants used hostages as human shields during the siege.", "COERCE"),
        ("Militiamen drove the Tutsi population out of several villages.", "ASSAULT"),
        ("Jihadist fighters torched a market town in northern Mozambique.", "ASSAULT"),
        ("Militiamen raped at least 30 women in the camp, the UN said.", "ASSAULT"),
        # MOBILIZE: weapons paraded, warplanes flown (CAMEO 15x)
        ("Iran paraded its new hypersonic missiles through the streets of Tehran.", "MOBILIZE"),
        # SANCTION expel (CAMEO 166x)
        ("Burkina Faso ordered the French observers out of the country.", "SANCTION"),
        ("Niger expelled the top officials of the European Union mission.", "SANCTION"),
        # COERCE restrict (CAMEO 172)
        ("Authorities revoked the licence of the country's last independent broadcaster.", "COERCE"),
        # PROTEST (CAMEO 14x)
        ("Nurses across Kenya stayed away from work for a second day over unpaid wages.", "PROTEST"),
        ("Youths pelted police with stones outside the parliament in Nairobi.", "PROTEST"),
        # THREATEN: red lines and ultimatums (CAMEO 130, 139)
        ("Egypt warned Ethiopia that it would not allow any reduction of its Nile water.", "THREATEN"),
        ("The coalition gave the militia two days to leave the port or face an assault.", "THREATEN"),
        # CONCEDE (CAMEO 08x)
        ("The Nigerian government gave ground to the unions on the minimum wage.", "CONCEDE"),
        ("Kenya's president withdrew the finance bill after deadly protests.", "CONCEDE"),
        # RETREAT withdraw (CAMEO 087)
        ("Thai and Cambodian troops disengaged along the disputed border.", "RETREAT"),
        # SUPPORT (CAMEO 052, 053)
        ("Russia's foreign ministry leapt to the defence of its ally Belarus.", "SUPPORT"),
        ("Gulf states rallied behind Saudi Arabia in its row with Canada.", "SUPPORT"),
        # AGREE: willingness is an expressed intent (CAMEO 036)
        ("Kyiv said it was willing to hold talks with Moscow in Istanbul.", "AGREE"),
        # REJECT (CAMEO 120)
        ("The junta brushed aside the regional bloc's demands.", "REJECT"),
        # "provide X with Y", weapons shipped, funds released (CAMEO 064, 07x)
        ("Britain is providing Estonia with intelligence on Russian submarine movements.", "COOPERATE"),
        ("Japan provided the Philippines with ten patrol vessels.", "AID"),
        ("The United States shipped artillery shells to Ukraine in March.", "AID"),
        ("The World Bank released $200 million in emergency funding to Malawi.", "AID"),
        # RETREAT: sanctions suspended, a blockade ended, weapons turned in (CAMEO 085, 0872, 0873)
        ("Canada suspended its sanctions on Iranian airlines.", "RETREAT"),
        ("The navy ended its blockade of the rebel-held port.", "RETREAT"),
        ("Rebel fighters turned in their rifles at a camp near Bunia.", "RETREAT"),
        ("Police released the detained journalist after questioning.", "RETREAT"),
        # ASSAULT: a truce breached (CAMEO 196); PROTEST: protesters attacking (CAMEO 145)
        ("The militia breached the truce by shelling the town.", "ASSAULT"),
        ("Protesters attacked the police headquarters in Dhaka.", "PROTEST"),
        # MOBILIZE police (CAMEO 151)
        ("French police tightened security around churches before Christmas.", "MOBILIZE"),
        # AGREE: eagerness (CAMEO 030); THREATEN: isolation warned of (CAMEO 131)
        ("The minister said Indonesia was eager to develop ties with Australia.", "AGREE"),
        (
            "Brussels warned Budapest that it would face isolation if it kept blocking the package.",
            "THREATEN",
        ),
        # probes in CAMEO-manual wording: envoys recalled, sentences commuted, presence increased, tear gas used,
        # names called (CAMEO 166, 081, 154, 175, 111)
        ("Ghana recalled its high commissioner from Abuja.", "SANCTION"),
        ("The governor commuted the sentences of 12 death-row inmates.", "CONCEDE"),
        ("Chad increased its military presence along the Sudanese border.", "MOBILIZE"),
        ("Riot police used tear gas on students in Nairobi.", "ASSAULT"),
        ("The opposition called the vote a sham.", "ACCUSE"),
        # a visit paid; impeachment proceedings opened; a channel's licence suspended; loans resumed (CAMEO 042,
        # 09x, 172, 07x)
        ("The Kenyan president paid a state visit to Ghana.", "CONSULT"),
        ("Lawmakers in Lima opened impeachment proceedings against the president.", "ACCUSE"),
        ("The regulator suspended the licence of a pro-opposition radio station.", "COERCE"),
        ("The World Bank resumed lending to Ethiopia.", "AID"),
        # threats: "warned of a wave of X", "would be met with a response" (CAMEO 138, 130)
        ("Al-Shabaab warned of a fresh wave of bombings in Mogadishu.", "THREATEN"),
        ("Seoul said any provocation would be met with a firm response.", "THREATEN"),
    ],
)
def test_cameo_kind_is_typed(text: str, event: str) -> None:
    got = conventional_types(_events, text)
    assert event in got, f"{text!r}: {got}"


@pytest.mark.parametrize(
    "text",
    [
        "Bond markets rallied after the inflation figures.",
        "Real Madrid signed the Brazilian midfielder on a five-year contract.",
        "The documentary attacks the fashion industry's waste.",
        "The government's decision to raise fuel prices hit commuters hard.",
        "A blaze destroyed three shops in the old market overnight.",
        "The minister warned that the storm would not spare the coast.",
        "Heavy floods killed 12 people in Kerala.",
        "The army released a statement on the clashes.",
    ],
)
def test_cameo_look_alike_is_no_event(text: str) -> None:
    assert not _types(text), f"{text!r}: {[(e.event, e.event_text) for e in _events(text)]}"


def test_rebuke_still_read_as_rebuke() -> None:
    # "rapped" stays the rebuke of session 7 while "raped" is an assault
    assert "ACCUSE" in _types("The European Commission rapped Italy for its budget plans.")


@pytest.mark.parametrize(
    ("text", "event", "not_event"),
    [
        # views exchanged are a consultation (CAMEO 040), not material cooperation
        ("The two foreign ministers exchanged views on the war in Sudan.", "CONSULT", "COOPERATE"),
        # a government protesting to another complains officially (CAMEO 114), it does not demonstrate
        ("Vietnam protested to China over the new fishing ban.", "ACCUSE", "PROTEST"),
        # a missile test-fired (the tokenizer splits "test-fired") is a show of weapons, not an attack
        ("Pakistan test-fired a short-range ballistic missile on Friday.", "MOBILIZE", "ASSAULT"),
        # aid workers released are freed (RETREAT), not aid handed out
        ("Gunmen released three aid workers seized last week.", "RETREAT", "AID"),
    ],
)
def test_cameo_kind_replaces_a_wrong_reading(text: str, event: str, not_event: str) -> None:
    got = conventional_types(_events, text)
    assert event in got and not_event not in got, f"{text!r}: {got}"
