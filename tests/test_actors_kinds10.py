"""Session 10 (issue 3): actor sectors by rule and word list -- role descriptions, the heads of international
bodies, surnames that are country names, a listed name inside a longer unknown one, and role nouns placed by the
sentence they stand in. The check set below was written by hand (general knowledge and own sentences, no evaluation
data) and saved before the system was run on it; its untouched score was country 70/70, sector 65/70."""

from __future__ import annotations

import time

import pytest

from dateline.actors import ActorResolver, code_actor
from dateline.actors._lexicon import _lex

_DATE = "2023-06-01"

# (mention, its sentence, country, sector): role descriptions with the place the sentence gives them
_DESCRIBED = [
    ("a senior police officer", "A senior police officer in Lagos said the suspects had fled.", "NGA", "COP"),
    ("The opposition leader", "The opposition leader in Zimbabwe called for fresh elections.", "ZWE", "OPP"),
    ("A rebel commander", "A rebel commander in eastern Congo denied the charge.", "COD", "REB"),
    ("An army spokesman", "An army spokesman in Islamabad confirmed the raid.", "PAK", "MIL"),
    (
        "Turkey's deputy interior minister",
        "Turkey's deputy interior minister announced the arrests.",
        "TUR",
        "GOV",
    ),
    ("Riot police", "Riot police fired tear gas at students in Dhaka.", "BGD", "COP"),
    ("Polish border guards", "Polish border guards turned back the group on Friday.", "POL", "COP"),
    (
        "The provincial governor of Helmand",
        "The provincial governor of Helmand said the road was closed.",
        "AFG",
        "GOV",
    ),
    ("A district judge", "A district judge in Kenya ordered the release of the activists.", "KEN", "JUD"),
    ("State prosecutors", "State prosecutors in Brazil opened an inquiry.", "BRA", "JUD"),
    (
        "A militia leader",
        "A militia leader in western Libya threatened to march on the capital.",
        "LBY",
        "PRM",
    ),
    ("Gang members", "Gang members in Port-au-Prince set fire to a police station.", "HTI", "CRM"),
    ("Ghana's central bank governor", "Ghana's central bank governor raised interest rates.", "GHA", "BUS"),
    ("Lawmakers", "Lawmakers in Peru voted to remove the president.", "PER", "LEG"),
    ("The speaker of parliament", "The speaker of parliament in Uganda adjourned the session.", "UGA", "LEG"),
    ("A Shiite cleric", "A Shiite cleric in Basra urged calm.", "IRQ", "MUS"),
    ("The teachers' union", "The teachers' union in Kenya called a national strike.", "KEN", "EDU"),
    ("Doctors", "Doctors at a hospital in Khartoum reported dozens of wounded.", "SDN", "MED"),
    ("Aid workers", "Aid workers in South Sudan were evacuated on Monday.", "SSD", "SOC"),
    ("Two journalists", "Two journalists were detained in Minsk.", "BLR", "JRN"),
    ("Farmers", "Farmers in Maharashtra blocked highways.", "IND", "AGR"),
    ("Students", "Students at the University of Nairobi marched to parliament.", "KEN", "EDU"),
    ("Soldiers", "Soldiers in Mali arrested the interim president.", "MLI", "MIL"),
    ("Troops", "Troops in Niamey sealed off the presidential palace.", "NER", "MIL"),
    ("Cops", "Cops rounded up dozens of workers in Chiang Mai.", "THA", "COP"),
    ("Officials", "Officials in Kabul said the talks had stalled.", "AFG", "GOV"),
    ("The navy", "The navy in Sri Lanka rescued forty fishermen.", "LKA", "MIL"),
    ("A former minister", "A former minister in Malawi was charged with fraud.", "MWI", "ELI"),
    (
        "An opposition lawmaker",
        "An opposition lawmaker was beaten outside parliament in Tbilisi.",
        "GEO",
        "LEG",
    ),
    ("Intelligence officials", "Intelligence officials in Seoul said the launch failed.", "KOR", "SPY"),
    ("The election commission", "The election commission in Nigeria postponed the vote.", "NGA", "GOV"),
    ("The ruling party", "The ruling party in Tanzania nominated its candidate.", "TZA", "GOV"),
    ("Tribal elders", "Tribal elders in Waziristan negotiated the release.", "PAK", "CVL"),
    ("A police union", "A police union in France condemned the attack.", "FRA", "LAB"),
    ("Protesters", "Protesters in Colombo stormed the president's residence.", "LKA", "CVL"),
    ("The army chief", "The army chief in Myanmar declared a state of emergency.", "MMR", "MIL"),
    ("Paramilitary forces", "Paramilitary forces in Sudan shelled the town.", "SDN", "PRM"),
    ("A local councillor", "A local councillor in Durban was shot dead.", "ZAF", "GOV"),
    ("The chief of police", "The chief of police in Kampala banned the rally.", "UGA", "COP"),
    ("Prison guards", "Prison guards in Ecuador regained control of the jail.", "ECU", "COP"),
    ("Rebel fighters", "Rebel fighters in Tigray entered the town.", "ETH", "REB"),
    ("State television", "State television in Iran broadcast the confession.", "IRN", "JRN"),
    ("A university professor", "A university professor in Hong Kong was arrested.", "HKG", "EDU"),
    ("Nurses", "Nurses in Zimbabwe went on strike.", "ZWE", "MED"),
    ("Mine workers", "Mine workers in Zambia's Copperbelt walked out.", "ZMB", "LAB"),
    ("The mayor of Kharkiv", "The mayor of Kharkiv said three people were killed.", "UKR", "GOV"),
    ("A former president of Peru", "A former president of Peru was sentenced.", "PER", "ELI"),
    (
        "The public prosecutor",
        "The public prosecutor in Guatemala raided the electoral office.",
        "GTM",
        "JUD",
    ),
    ("Government forces", "Government forces in Yemen retook the district.", "YEM", "MIL"),
    ("The senate", "The senate in the Philippines rejected the bill.", "PHL", "LEG"),
    ("A Catholic bishop", "A Catholic bishop in Nicaragua was jailed.", "NIC", "CHR"),
    (
        "South Africa's labour minister",
        "South Africa's labour minister met the striking miners.",
        "ZAF",
        "GOV",
    ),
    ("Nigeria's health minister", "Nigeria's health minister declared an outbreak.", "NGA", "GOV"),
    ("Truck drivers", "Truck drivers in Chile blocked the highways.", "CHL", "LAB"),
    (
        "An investigative journalist",
        "An investigative journalist in Malta was killed by a car bomb.",
        "MLT",
        "JRN",
    ),
    ("The police commissioner", "The police commissioner in Nairobi denied the claims.", "KEN", "COP"),
    ("A rebel spokesman", "A rebel spokesman in Colombia said the ceasefire would hold.", "COL", "REB"),
    ("The interim government", "The interim government in Bangladesh promised elections.", "BGD", "GOV"),
    ("An army officer", "An army officer in Thailand shot dead twenty people.", "THA", "MIL"),
    ("The WHO chief", "The WHO chief warned of a new wave of infections.", "UNO", "GOV"),
    ("Iran's Supreme Leader", "Iran's Supreme Leader addressed the nation.", "IRN", "GOV"),
    (
        "A senior intelligence officer",
        "A senior intelligence officer in Amman briefed reporters.",
        "JOR",
        "SPY",
    ),
    ("Navy commanders", "Navy commanders in Manila met their American counterparts.", "PHL", "MIL"),
    ("A tribal chief", "A tribal chief in Balochistan was kidnapped.", "PAK", "CVL"),
    ("The deputy mayor", "The deputy mayor of Istanbul resigned on Thursday.", "TUR", "GOV"),
    ("Militants", "Militants in Somalia attacked a hotel in Mogadishu.", "SOM", "REB"),
    ("Police officers", "Police officers in Bolivia joined the protest.", "BOL", "COP"),
    (
        "A senior health official",
        "A senior health official in Uganda confirmed the Ebola case.",
        "UGA",
        "MED",
    ),
    ("The Shura council", "The Shura council in Bahrain approved the law.", "BHR", "LEG"),
    ("Opposition supporters", "Opposition supporters in Kinshasa clashed with police.", "COD", "OPP"),
]


# a second set, written after the fixes of session 10 and saved before the system was run on it (its transfer
# figure): nationality + role, titles before unknown names, a country's institutions; untouched 40/40 and 39/40
# (the one miss a convention: "the Thai junta" is coded GOV, the government it is, where this gold said MIL)
_DESCRIBED_B = [
    (
        "Brigadier General Samuel Okoro",
        "Brigadier General Samuel Okoro said the army had retaken the village in Borno.",
        "NGA",
        "MIL",
    ),
    ("Senator Maria Duarte", "Senator Maria Duarte of Brazil criticised the budget.", "BRA", "LEG"),
    (
        "Police Inspector Tomas Ruiz",
        "Police Inspector Tomas Ruiz said two suspects were held in Guadalajara.",
        "MEX",
        "COP",
    ),
    ("Judge Amina Yusuf", "Judge Amina Yusuf of Kenya's High Court blocked the deployment.", "KEN", "JUD"),
    ("Bishop Paul Mensah", "Bishop Paul Mensah led prayers for peace in Accra.", "GHA", "REL"),
    ("the Kenyan parliament", "The Kenyan parliament passed the finance bill.", "KEN", "LEG"),
    ("the Ugandan army", "The Ugandan army said it killed ten rebels.", "UGA", "MIL"),
    ("the Nigerian police", "The Nigerian police banned the march.", "NGA", "COP"),
    ("Pakistan's Supreme Court", "Pakistan's Supreme Court suspended the order.", "PAK", "JUD"),
    (
        "the Ethiopian Human Rights Commission",
        "The Ethiopian Human Rights Commission reported killings in Amhara.",
        "ETH",
        "GOV",
    ),
    ("a Malian army officer", "A Malian army officer was killed near Gao.", "MLI", "MIL"),
    ("a Colombian drug lord", "A Colombian drug lord was extradited.", "COL", "CRM"),
    ("Syrian rebels", "Syrian rebels shelled the outskirts of Aleppo.", "SYR", "REB"),
    ("Afghan refugees", "Afghan refugees in Iran were deported.", "AFG", "REF"),
    ("Sudanese doctors", "Sudanese doctors reported a cholera outbreak.", "SDN", "MED"),
    ("a Turkish businessman", "A Turkish businessman was detained in Ankara.", "TUR", "BUS"),
    ("Egyptian state media", "Egyptian state media said the talks would resume.", "EGY", "JRN"),
    ("the Venezuelan opposition", "The Venezuelan opposition called for a boycott.", "VEN", "OPP"),
    ("Indian farmers", "Indian farmers marched on New Delhi.", "IND", "AGR"),
    ("Chilean students", "Chilean students occupied the university.", "CHL", "EDU"),
    ("Filipino troops", "Filipino troops clashed with militants in Mindanao.", "PHL", "MIL"),
    ("a Somali lawmaker", "A Somali lawmaker was killed in Mogadishu.", "SOM", "LEG"),
    ("an Iraqi Kurdish official", "An Iraqi Kurdish official denied the report.", "IRQ", "GOV"),
    ("Haitian gangs", "Haitian gangs blocked the fuel terminal.", "HTI", "CRM"),
    ("South Korean prosecutors", "South Korean prosecutors indicted the former president.", "KOR", "JUD"),
    ("the Lebanese army commander", "The Lebanese army commander met the American envoy.", "LBN", "MIL"),
    (
        "the Israeli defence minister",
        "The Israeli defence minister ordered a halt to the operation.",
        "ISR",
        "GOV",
    ),
    ("Russian state television", "Russian state television showed the captured soldiers.", "RUS", "JRN"),
    (
        "a Ukrainian military spokesman",
        "A Ukrainian military spokesman said the bridge was hit.",
        "UKR",
        "MIL",
    ),
    ("the Iranian Revolutionary Guards", "The Iranian Revolutionary Guards seized a tanker.", "IRN", "MIL"),
    ("a Nigerian union leader", "A Nigerian union leader called off the strike.", "NGA", "LAB"),
    ("Zimbabwean riot police", "Zimbabwean riot police dispersed the crowd.", "ZWE", "COP"),
    ("Burkinabe soldiers", "Burkinabe soldiers were ambushed near Djibo.", "BFA", "MIL"),
    (
        "the Cameroonian separatists",
        "The Cameroonian separatists enforced a lockdown in Bamenda.",
        "CMR",
        "REB",
    ),
    ("a former Kenyan minister", "A former Kenyan minister was charged with graft.", "KEN", "ELI"),
    ("the Thai junta", "The Thai junta banned political gatherings.", "THA", "MIL"),
    ("Yemeni tribesmen", "Yemeni tribesmen kidnapped two foreigners.", "YEM", "CVL"),
    ("the Saudi crown prince", "The Saudi crown prince met the visiting president.", "SAU", "GOV"),
    ("Bangladeshi garment workers", "Bangladeshi garment workers protested low wages.", "BGD", "LAB"),
    ("a Mexican journalist", "A Mexican journalist was shot dead in Tijuana.", "MEX", "JRN"),
]


def _coded(text: str, context: str | None = None, date: str | None = _DATE) -> tuple[str | None, str | None]:
    a = code_actor(text, context, date=date)
    return a.country, a.sector


def test_described_roles_check_set_scores() -> None:
    country = sum(_coded(t, ctx)[0] == c for t, ctx, c, _ in _DESCRIBED)
    sector = sum(_coded(t, ctx)[1] == s for t, ctx, _, s in _DESCRIBED)
    # untouched 70/70 and 65/70; at the end of session 10 70/70 and 70/70
    assert country >= 68, country
    assert sector >= 68, sector


def test_second_described_set_scores() -> None:
    country = sum(_coded(t, ctx)[0] == c for t, ctx, c, _ in _DESCRIBED_B)
    sector = sum(_coded(t, ctx)[1] == s for t, ctx, _, s in _DESCRIBED_B)
    assert country >= 39, country
    assert sector >= 38, sector


@pytest.mark.parametrize(
    "text, want",
    [
        ("cops", "COP"),  # police slang is a police role noun
        ("two cops", "COP"),
        ("the central bank governor", "BUS"),  # as the office-holder lists code central-bank governors
        ("the teachers' union", "EDU"),  # convention (session 10): EDU, as "Union of Teachers" is coded
        ("a police union", "LAB"),  # other unions stay labour
        ("the Shura Council", "LEG"),
    ],
)
def test_role_words_of_session_10(text: str, want: str) -> None:
    assert _coded(text)[1] == want


@pytest.mark.parametrize(
    "text, want",
    [
        ("The WHO chief", ("UNO", "GOV")),  # the head of an international body is its official (GOV)
        ("the head of the WHO", ("UNO", "GOV")),
        ("the UNESCO chief", ("UNO", "GOV")),
        ("WHO officials", ("UNO", "MED")),  # its staff keep the body's field
        ("the WHO", ("UNO", "MED")),
        ("the head of the ICC", ("IGO", "JUD")),  # a court's head stays JUD (as a parliament's LEG)
        ("Tedros Adhanom Ghebreyesus", ("UNO", "GOV")),
    ],
)
def test_heads_of_international_bodies(text: str, want: tuple[str, str]) -> None:
    assert _coded(text) == want


@pytest.mark.parametrize(
    "text, want",
    [
        ("Ayatollah Ali Khamenei", ("IRN", "GOV")),  # a cleric in state office: the office (GOV)
        ("Grand Ayatollah Ali al-Sistani", ("IRQ", "REL")),  # a cleric in none: REL
        ("a Shiite cleric", (None, "MUS")),
    ],
)
def test_clerics_in_and_out_of_office(text: str, want: tuple[str | None, str]) -> None:
    assert _coded(text) == want


@pytest.mark.parametrize(
    "text", ["Peter Jordan", "Michael Jordan", "Alan Jordan, a farmer", "Maria Colombia"]
)
def test_a_country_name_after_a_given_name_is_a_surname(text: str) -> None:
    assert _coded(text)[0] is None


@pytest.mark.parametrize(
    "text, context, want",
    [
        ("King Abdullah of Jordan", None, "JOR"),
        ("Jordanian troops", None, "JOR"),
        ("Jordan", None, "JOR"),
        ("officials", "Peter Chad said officials in Chad were ready.", "TCD"),  # the surname is no place
        ("troops", "Soldiers from Jordan and Egypt arrived.", "JOR"),
    ],
)
def test_the_country_itself_is_still_read(text: str, context: str | None, want: str) -> None:
    assert _coded(text, context)[0] == want


def test_the_given_name_index_is_built_once_and_quickly() -> None:
    lex = _lex()
    t = time.perf_counter()
    first = lex.given_names()
    assert time.perf_counter() - t < 2.0  # (about 0.1 s: one pass over the loaded tables)
    assert lex.given_names() is first
    assert {"peter", "thomas"} <= first and not {"president", "king", "jordan"} & first


@pytest.mark.parametrize(
    "text, want",
    [
        ("Muhammad Hussein Abdi", (None, None)),  # a listed name followed by an unknown surname: someone else
        ("Mohammed bin Salman Al Saud", ("SAU", "GOV")),  # a family-name particle extends the same person
        ("Vladimir Putin Tuesday", ("RUS", "GOV")),
        ("Kim Jong Un", ("PRK", "GOV")),
    ],
)
def test_a_listed_name_inside_a_longer_name(text: str, want: tuple[str | None, str | None]) -> None:
    assert _coded(text) == want


def test_a_role_noun_takes_the_place_of_its_sentence() -> None:
    from dateline.nlp import parse

    text = (
        "MIGRANT SWEEP\n\nThe Border Weekly | 3 March 2025\n\nMyanmar's junta lost another town last week.\n\n"
        "On Tuesday, cops rounded up dozens of undocumented Burmese workers in Chiang Mai.\n"
    )
    doc = parse(text, "2025-03-03")
    start = text.index("cops")
    a = ActorResolver(doc).resolve(start, start + 4)
    assert (a.country, a.sector) == ("THA", "COP")
