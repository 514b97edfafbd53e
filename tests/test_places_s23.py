"""Places, issue 6 (session 23): a local name whose only gazetteer readings are small namesakes abroad, in a story
whose country is clear, stays in the story's country (a place of that country with no point of its own, never an
invented one); a foreign place the text really means stays foreign. Texts written for these tests (invented
news-style stories)."""

from __future__ import annotations

import pytest

from dateline.model import Place
from dateline.nlp import parse
from dateline.places import geoparse


def _place(text: str, name: str, url: str | None = None) -> Place:
    doc = parse(text)
    if url:
        doc.url = url
    got = [p for p in geoparse(doc) if p.text == name]
    assert got, f"{name!r} not recognised"
    return got[0]


# ------------------------------------------------------------- a local name with small namesakes abroad only


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (  # Nima (an Accra suburb): the gazetteer has only a Chinese and a Romanian village
            "ACCRA, March 3 (Coastline Wire) - Youths in Nima burned tyres and blocked a road on Sunday after a "
            "police raid, residents said. The Ghana Police Service said two officers were hurt. Officials in Accra "
            "promised an inquiry. Traders in Kumasi and Tamale closed early.",
            "Nima",
            "GHA",
        ),
        (  # Jamestown (Accra's harbour quarter): only American towns of that name
            "Fishermen in Jamestown clashed with naval officers over a fuel ration on Tuesday, the Ghana Navy said. "
            "Accra's harbour master said boats would stay ashore until Friday, and traders in Tema said fish "
            "prices had doubled.",
            "Jamestown",
            "GHA",
        ),
        (  # Nakawa (a Kampala division): no gazetteer reading at all
            "Police in Kampala charged twelve market vendors with unlawful assembly on Monday. The vendors appeared "
            "before a court in Nakawa and were remanded until next week, their lawyer said. Uganda's trade minister "
            "met vendors in Jinja on Tuesday.",
            "Nakawa",
            "UGA",
        ),
        (  # Los Pinos (a Tegucigalpa district): only small Mexican namesakes
            "Gang members shot dead two bus drivers in Los Pinos on Thursday, Honduran police said. Transport "
            "workers in Tegucigalpa and San Pedro Sula stopped work in protest.",
            "Los Pinos",
            "HND",
        ),
        (  # El Carrizal: Mexican and Spanish namesakes only
            "Soldiers searched homes in El Carrizal after a grenade attack on a police post, officials in "
            "Tegucigalpa said on Friday. Three people were detained, Honduras's security ministry said.",
            "El Carrizal",
            "HND",
        ),
        (  # Támara: the Honduran town, not the Colombian one
            "Relatives of inmates gathered outside the prison in Támara on Sunday demanding news of a transfer, the "
            "Honduran prisons authority said. Police closed the highway from Tegucigalpa to Comayagua.",
            "Támara",
            "HND",
        ),
    ],
)
def test_local_name_stays_in_the_story_country(text: str, name: str, country: str) -> None:
    assert _place(text, name).country == country


@pytest.mark.parametrize(
    ("text", "url", "country"),
    [
        (
            "Police in Accra said youths in Nima had attacked a patrol on Saturday night.",
            "https://www.coastdaily.com.gh/news/1",
            "GHA",
        ),
        (
            "A court in Kampala heard that the vendors were held overnight in Nima before their release.",
            "https://www.kampalatimes.co.ug/news/2",
            "UGA",
        ),
    ],
)
def test_two_name_story_on_a_home_outlet(text: str, url: str, country: str) -> None:
    """Two names only: the outlet's country counts as one more name of the story's country."""
    assert _place(text, "Nima", url).country == country


# ------------------------------------------------------------------------- controls: the foreign place is meant


@pytest.mark.parametrize(
    ("text", "name", "country", "url"),
    [
        (
            "Honduras's foreign minister will hold talks in Geneva next week on the border dispute, officials in "
            "Tegucigalpa said on Monday. Police in San Pedro Sula arrested four protesters.",
            "Geneva",
            "CHE",
            None,
        ),
        (
            "Ghana's finance minister flew to Madrid on Wednesday for talks with creditors, officials in Accra said. "
            "Traders in Kumasi and Tamale protested against new taxes.",
            "Madrid",
            "ESP",
            None,
        ),
        (  # the country is given beside the town
            "Police in Kampala arrested a trader who had imported fake medicine from Nima, China, Uganda's drug "
            "authority said. Officials in Entebbe and Jinja seized more boxes.",
            "Nima",
            "CHN",
            None,
        ),
        (
            "Police in Accra said the trader had flown in from Nima, China, on Saturday.",
            "Nima",
            "CHN",
            "https://www.coastdaily.com.gh/news/1",
        ),
        (  # of two names, the home outlet's own town stays home beside a foreign country
            "Pupils in Hexham raised money for a school in Malawi, their head teacher said.",
            "Hexham",
            "GBR",
            "https://www.northernecho.co.uk/news/1",
        ),
        (
            "A charity in Ballina sent two containers of food to Sierra Leone this week.",
            "Ballina",
            "IRL",
            "https://www.westernpeople.ie/news/4",
        ),
        (  # a neighbour's capital in a two-name story on a home outlet
            "Police in Accra said the suspect was arrested in Lome on Saturday.",
            "Lome",
            "TGO",
            "https://www.coastdaily.com.gh/news/1",
        ),
    ],
)
def test_foreign_place_the_text_means_stays_foreign(
    text: str, name: str, country: str, url: str | None
) -> None:
    assert _place(text, name, url).country == country
