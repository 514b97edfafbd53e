"""Places in local and regional news outside the US (issue 6, batch 6 of the intl DEV set): the same name with
two stated containers, neighbourhoods named after their city's possessive, "X" beside "X City", the country
that the text's unambiguous big cities point to, a container read so it holds what the text puts in it, and a
country-code outlet's local-news section. Sentences are our own; gold-style spans (no spaCy), so these are fast.
"""

from __future__ import annotations

from places_helpers import resolve_named as _resolve

from dateline.model import Document, Place
from dateline.places import distance_km, geoparse


def _spans(text: str, names: list[tuple[str, int]]) -> list[tuple[int, int]]:
    """(name, occurrence) -> span of that occurrence of the name."""
    out = []
    for name, occ in names:
        i = -1
        for _ in range(occ + 1):
            i = text.index(name, i + 1)
        out.append((i, i + len(name)))
    return out


def _near(p: Place, lat: float, lon: float, km: float = 100.0) -> bool:
    return p.lat is not None and distance_km((p.lat, p.lon), (lat, lon)) <= km


def test_one_name_with_two_containers_is_two_places() -> None:
    text = "The choir flew from Santiago, Chile, to Santiago, Dominican Republic, for the festival."
    spans = _spans(text, [("Santiago", 0), ("Chile", 0), ("Santiago", 1), ("Dominican Republic", 0)])
    first, _chile, second, _dr = geoparse(Document(id="t", text=text), spans=spans)
    assert first.country == "CHL"
    assert second.country == "DOM"


def test_container_reads_as_what_holds_its_town() -> None:
    text = "The mayor of Boston, Lincolnshire, met the mayor of Boston, Massachusetts, at the memorial."
    spans = _spans(text, [("Boston", 0), ("Lincolnshire", 0), ("Boston", 1), ("Massachusetts", 0)])
    boston_uk, lincs, boston_us, _ma = geoparse(Document(id="t", text=text), spans=spans)
    assert boston_uk.country == "GBR" and lincs.country == "GBR"
    assert boston_us.country == "USA" and _near(boston_us, 42.36, -71.06)


def test_a_single_container_keeps_one_sense_per_discourse() -> None:
    text = "Firefighters from London, Ontario, were praised, and London's mayor thanked them."
    spans = _spans(text, [("London", 0), ("Ontario", 0), ("London", 1)])
    places = geoparse(Document(id="t", text=text), spans=spans)
    assert places[0].country == "CAN" and places[2].country == "CAN"


def test_neighbourhood_after_its_citys_possessive_stays_in_the_city() -> None:
    # Eastleigh (Nairobi) is no GeoNames town; England's Eastleigh must not take it
    eastleigh = _resolve("Traders in Nairobi's Eastleigh reopened their shops.", ["Nairobi", "Eastleigh"])[1]
    assert eastleigh.country == "KEN" and _near(eastleigh, -1.28, 36.83, 30)
    # also when a unit word follows: not England's Scarborough district
    text = "Police in Toronto's Scarborough district made two arrests."
    assert _resolve(text, ["Toronto", "Scarborough"])[1].country == "CAN"


def test_possessive_region_picks_the_namesake_inside_it() -> None:
    text = "Police in Bihar's Aurangabad district detained six men on Friday."
    aurangabad = _resolve(text, ["Bihar", "Aurangabad"])[1]
    assert _near(aurangabad, 24.75, 84.37)  # not Maharashtra's Aurangabad, 900 km away


def test_bare_name_beside_its_city_is_the_region() -> None:
    text = "The Quebec premier visited Quebec City and Gatineau on Tuesday."
    quebec, city, _gatineau = _resolve(text, ["Quebec", "Quebec City", "Gatineau"])
    assert quebec.feature == "admin" and city.feature == "city"


def test_big_cities_point_to_the_country_of_small_namesakes() -> None:
    text = "Students marched in Santiago, and riot police in Valparaíso used water cannon near Providencia."
    santiago, valpo, _prov = _resolve(text, ["Santiago", "Valparaíso", "Providencia"])
    assert santiago.country == "CHL" and valpo.country == "CHL"


def test_local_section_of_a_country_code_outlet_reads_its_own_country() -> None:
    text = "Road work on the main bridge in London starts on Monday and will last three weeks."
    local = _resolve(text, ["London"], url="http://www.examplepress.ca/news/local/2020/01/bridge.html")[0]
    assert local.country == "CAN"
    world = _resolve(text, ["London"], url="http://www.examplepress.ca/world/2020/01/bridge.html")[0]
    assert world.country == "GBR"  # outside the local section the world city stays


def test_the_river_and_the_bare_country_or_state() -> None:
    text = "Boats capsized on the Benue near Makurdi, and farmers in Niger lost their crops."
    benue, _makurdi, niger = _resolve(text, ["Benue", "Makurdi", "Niger"])
    assert benue.feature == "water" and _near(benue, 7.8, 8.5, 161)
    assert niger.feature == "country" and niger.country == "NER"
    text = "The Benue government said farmers in Makurdi would be paid."
    assert _resolve(text, ["Benue", "Makurdi"])[0].feature == "admin"


def test_unknown_street_in_a_local_paper_falls_back_to_its_home_town() -> None:
    text = "A Swindon man who grew up in Nairobi, Kenya, was fined for parking on Commercial Road."
    names = ["Swindon", "Nairobi", "Kenya", "Commercial Road"]
    road = _resolve(text, names, url="http://www.swindonadvertiser.co.uk/news/123.story/")[3]
    assert road.source == "context-fallback" and _near(road, 51.56, -1.78, 30)
    # without the paper's address the story's most-named country is the focus
    assert _resolve(text, names)[3].country == "KEN"


def test_rivers_with_their_article_and_towns_without() -> None:
    text = "The Severn burst its banks near Worcester, and the Shannon rose at Athlone."
    severn, _worcester, shannon, _athlone = _resolve(text, ["Severn", "Worcester", "Shannon", "Athlone"])
    assert severn.feature == "water" and severn.country == "GBR"
    assert shannon.feature == "water" and shannon.country == "IRL"
    town = _resolve("Gardaí in Shannon arrested a man near Ennis.", ["Shannon", "Ennis"])[0]
    assert town.feature == "city" and town.country == "IRL"
    assert _resolve("Voters in the Rhône department backed him.", ["Rhône"])[0].feature == "admin"


def test_alternate_name_village_abroad_falls_back_to_the_story() -> None:
    # "Maré" is known only as an alternate name of a Ukrainian village: the Rio story keeps it in Rio
    text = "Police raided Rio de Janeiro's Complexo do Alemão and the Maré favelas at dawn."
    mare = _resolve(text, ["Rio de Janeiro", "Complexo do Alemão", "Maré"])[2]
    assert mare.country == "BRA" and mare.source == "context-fallback"


def test_state_written_after_one_mention_keeps_the_other_abroad() -> None:
    text = "A Dublin, Ohio, charity opened a shelter in Dublin, Ireland, last week."
    spans = _spans(text, [("Dublin", 0), ("Dublin", 1), ("Ireland", 0)])
    ohio, ireland, _ = geoparse(Document(id="t", text=text), spans=spans)
    assert ohio.country == "USA" and ohio.admin1 == "Ohio"
    assert ireland.country == "IRL"


def test_unknown_suburb_follows_the_city_whose_reading_is_clear() -> None:
    # one English Whitefield against Bengaluru: the unknown suburb goes to Bengaluru, not to England
    text = "Power was cut in Whitefield and Koramangala on Sunday, Bengaluru's electricity board said."
    suburb = _resolve(text, ["Whitefield", "Koramangala", "Bengaluru"])[1]
    assert suburb.country == "IND" and suburb.source == "context-fallback"
