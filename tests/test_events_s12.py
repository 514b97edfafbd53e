"""Event precision, session 12 (issue 3): words that are event words elsewhere but report no event here, and the
open items of session 11. Check set: tests/data/events_own_s12.jsonl (+ .md: 308 wire leads in two batches, each
batch's gold written before the system ran on it; batch 1 untouched F1 0.806 with 44 extra events, batch 2 at first
run 0.907). Each kind below is a general rule, tested on at least two wordings (mostly not the set's own), with a
guard that keeps the real event where one is near."""

from __future__ import annotations

import pytest
from events_helpers import conventional_types, helpers_for

_events, _types, _of = helpers_for("2010-06-15")


def _conv(text: str) -> set[str]:
    return conventional_types(_events, text)


# kind -> (text, the sentence's types under the single-category convention)
CASES = {
    # relative clauses and participles that say who someone is, by a record, are background (conventions 8)
    "standing_description": [
        (
            "Indonesian troops, accused of abuses in East Timor, were withdrawn from Dili on Monday.",
            {"RETREAT"},
        ),
        (
            "Sri Lankan police, who have been accused of torturing suspects, arrested two opposition lawmakers in "
            "Colombo.",
            {"COERCE"},
        ),
        (
            "The Ivorian army, which has been fighting rebels in the north, lifted the night curfew in Abidjan.",
            {"CONCEDE"},
        ),
        (
            "Chinese Premier Wen Jiabao, whose government has cracked down on dissidents, arrived in Berlin for a "
            "two-day visit.",
            {"CONSULT"},
        ),
    ],
    # people described by the act that harmed them ("relatives of Americans killed in ...") are no event report
    "harmed_described": [
        (
            "Relatives of Americans killed in the Lockerbie bombing sued Libya in a New York court.",
            {"ACCUSE"},
        ),
        (
            "Families of sailors killed in the Cheonan sinking met President Lee Myung-bak in Seoul.",
            {"CONSULT"},
        ),
    ],
    # an event noun naming people or a date ("survivors of", "the ringleader of", "the anniversary of"), or named
    # by its year with a predicate that only names it, is a reference, not a report
    "reference": [
        ("The suspected ringleader of the Bali bombings was arrested in Java.", {"COERCE"}),
        ("Veterans of the Falklands war met Argentine officials in Buenos Aires.", {"CONSULT"}),
        (
            "The 2003 invasion of Iraq dominated the talks when Tony Blair met Jacques Chirac in Paris.",
            {"CONSULT"},
        ),
        ("The 1991 Gulf War cost Jordan billions of dollars in lost trade, a World Bank report said.", set()),
        ("The 2008 war with Georgia lasted five days.", {"ASSAULT"}),  # guard: history told as such
    ],
    # manual, ASSAULT crowd-control: an explicit crowd-control weapon; with none named, COERCE
    "crowd_control": [
        ("Police in Cairo dispersed the protesters with tear gas.", {"ASSAULT"}),
        ("Riot police in Caracas broke up an opposition march with tear gas and water cannon.", {"ASSAULT"}),
        ("Bahraini security forces dispersed hundreds of Shiite demonstrators in Manama.", {"COERCE"}),
    ],
    # "a move X called reckless": the other party's judgement is its own ACCUSE event
    "judged_move": [
        (
            "Britain sent a second aircraft carrier to the Gulf, a move Tehran called reckless.",
            {"MOBILIZE", "ACCUSE"},
        ),
        (
            "Russia moved short-range missiles into Kaliningrad, a decision Warsaw called a threat to regional "
            "security.",
            {"MOBILIZE", "ACCUSE"},
        ),
    ],
    # hazards, pests and accidents act on no one
    "natural": [
        ("Coffee prices surged after frost struck plantations in Brazil.", set()),
        ("Hailstorms struck wheat farms across the Punjab.", set()),
        ("Locusts invaded farmland in Niger, destroying much of the millet harvest.", set()),
        ("A fire at a nightclub in Buenos Aires killed 194 people.", set()),
        ("An explosion at a coal mine in Shanxi province killed 105 miners.", set()),
        ("A bus plunged into a ravine in Peru's Andes, killing 36 passengers.", set()),
        ("An explosion at a market in Baghdad killed 30 people.", {"ASSAULT"}),  # guard: a market bombing
        ("Veterans of Operation Desert Storm marched to the Capitol to demand compensation.", {"PROTEST"}),
    ],
    # sports reports: a score line or a sport's name
    "sport": [
        ("The All Blacks crushed Australia 36-3 in Wellington.", set()),
        ("The Indian cricket team stormed to victory over Pakistan in Sharjah.", set()),
        ("The Security Council voted 14-0 to impose sanctions on Libya.", {"SANCTION"}),  # guard: a vote
    ],
    # figures of speech for verbal acts and for no act
    "idiom": [
        ("The Kremlin shot down a proposal by Belarus for a common currency.", {"REJECT"}),
        ("Tony Blair came under fire from his own party over university tuition fees.", {"ACCUSE"}),
        ("Chancellor Gerhard Schroeder came under attack over his pension reforms.", {"ACCUSE"}),
        ("The convoy came under fire from rebels near Kismayo.", {"ASSAULT"}),  # guard
        ("Kenya's opposition launched a fierce attack on the government's budget in parliament.", {"ACCUSE"}),
        (
            "The opposition leader launched a blistering attack on the president's economic policy.",
            {"ACCUSE"},
        ),
        ("Rebels launched an attack on an army post near Goma.", {"ASSAULT"}),  # guard
        ("Irish farmers are bracing for a price war between supermarket chains.", set()),
        ("Argentina's economy minister was fighting for his political life after the peso crashed.", set()),
        ("Alberto Fujimori won a landslide victory, crushing his rivals in Peru's presidential vote.", set()),
        ("Former rebel leader Charles Taylor was sworn in as Liberia's president.", set()),
    ],
    # companies' acts are business
    "company": [
        ("Swiss drugmaker Novartis will cut 2,000 jobs and close a plant in Basel.", set()),
        ("Japanese carmaker Nissan will shut its factory in Barcelona.", set()),
        ("The World Bank cut its aid to Kenya over corruption.", {"SANCTION"}),  # guard: no company
    ],
    # conventions 3: a refusal made conditional on the other side's conduct is a threat
    "conditional_refusal": [
        (
            "Greece will veto Turkey's membership talks if Ankara keeps its troops in northern Cyprus, the government "
            "spokesman said.",
            {"THREATEN"},
        ),
        ("Cyprus said it would block the accession talks if Turkey did not open its ports.", {"THREATEN"}),
    ],
    # warnings of a hazard threaten no one; a right to do something is no act; a nominal that ends is no act
    "no_act": [
        ("Forecasters warned that Cyclone Nargis would strike the coast of Burma within two days.", set()),
        ("Meteorologists warned that Typhoon Megi would hit northern Luzon on Monday.", set()),
        ("Iran warned that its missiles would strike Israeli cities.", {"THREATEN"}),  # guard
        ('"Nobody has the right to bomb a sovereign country," the Chinese foreign minister said.', set()),
        ('"No state has the power to blockade our ports," the Lebanese president said.', set()),
        ('"Peace will come when the occupation ends," Yasser Arafat said.', set()),
        (
            "The ceasefire in Aceh collapsed as rebels and government troops clashed near Lhokseumawe.",
            {"ASSAULT"},
        ),
    ],
    # lexicon rows of this session, each in two wordings
    "rows": [
        ("Government forces recaptured the town of Qusair from rebels.", {"ASSAULT"}),
        ("Malian troops retook the town of Konna from Islamist fighters.", {"ASSAULT"}),
        ("Opposition supporters in Nairobi burned tyres and blocked roads.", {"PROTEST"}),
        ("Hundreds of Muslims in Dhaka burned effigies of the Danish prime minister.", {"PROTEST"}),
        ("Police in Harare broke up a prayer meeting of opposition supporters.", {"COERCE"}),
        ("Belarusian police broke up a gathering of opposition activists in Minsk.", {"COERCE"}),
        ("Egypt's parliament voted to extend the state of emergency.", {"COERCE"}),
        ("Thailand extended the curfew in Bangkok for another week.", {"COERCE"}),
        (
            "The Australian navy intercepted a boat carrying 300 asylum seekers near Christmas Island.",
            {"COERCE"},
        ),
        ("Tamil Tiger rebels handed 12 captured soldiers to the Red Cross in Vavuniya.", {"RETREAT"}),
        ("Hong Kong residents held a candlelight vigil in Victoria Park.", {"PROTEST"}),
        ("Kenya's opposition parties mounted a court challenge to the election results.", {"ACCUSE"}),
        ("Japan's prime minister visited the Yasukuni shrine on Thursday.", set()),
        ("Reuters witnesses saw Georgian tanks moving toward Tskhinvali on Thursday night.", {"MOBILIZE"}),
        ("Russian troops moved towards the Georgian border on Friday.", {"MOBILIZE"}),
    ],
}


@pytest.mark.parametrize(
    ("text", "want"), [c for cases in CASES.values() for c in cases], ids=lambda v: str(v)[:50]
)
def test_precision_kinds(text: str, want: set[str]) -> None:
    assert _conv(text) == want


def test_crowd_control_mode() -> None:
    evs = _of("Kenyan police dispersed opposition supporters in Kisumu with tear gas.", "ASSAULT")
    assert evs and evs[0].mode == "crowd-control"


def test_refused_talks_reject_meet() -> None:
    """Open item of session 11: "turned down a proposal/offer of talks" is REJECT meet (manual: REJECT modes name
    meetings and negotiations)."""
    for text in ("Pakistan turned down an Indian proposal for talks on Kashmir.",
                 "Iran turned down a European offer of talks on its nuclear programme."):  # fmt: skip
        evs = [e for e in _events(text) if e.event == "REJECT"]
        assert evs and evs[0].mode == "meet", text


def test_own_s12_floor() -> None:
    from dateline.evaluate.events import _own_s12

    out = _own_s12()
    assert out["f1"] >= 0.95 and out["extra"] <= 8


@pytest.mark.parametrize(
    "text",
    [
        "Venezuela expelled the US ambassador, a decision Washington described as regrettable.",
        "Hugo Chavez closed an opposition television station, a decision the European Union called a blow to free "
        "speech.",
    ],
)
def test_judgement_of_a_decision_is_asserted(text: str) -> None:
    """A clause about a plan noun ("a decision X called Y") is no content of the decision: the judgement happened."""
    evs = [e for e in _events(text) if e.event == "ACCUSE"]
    assert evs and evs[0].factuality == "asserted"
