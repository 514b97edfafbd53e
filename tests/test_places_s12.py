"""Issue 6, places, fifteenth round (batch 13, tests/data/places_own_s12.jsonl: GeoWebNews's Coercion,
Embedded_Non_Lit and Non_Literal_Modifier types in 2016-17 web and wire news): facility, club and firm names
that hold a place name; names the text puts "in" a place where none of their readings lies; a facility named
after a town abroad; airports named by their own name; "the governor(s) of X"; territories named like their
capital. Sentences are our own writing; resolution tests pass the names (gold style, no spaCy) so they are fast."""

from __future__ import annotations

from pathlib import Path

from places_helpers import km_from, places_by_text, resolve_named

_OWN = Path(__file__).parent / "data" / "places_own_s12.jsonl"


# ---------------------------------------------------------------- a facility or club name that holds a place


def test_an_unknown_facility_name_lies_at_the_place_it_holds() -> None:
    text = (
        "A coach overturned south of Port Augusta, and the injured were flown to the Royal Adelaide Hospital."
    )
    got = places_by_text(text, ["Port Augusta", "Royal Adelaide Hospital"])
    hospital = got["Royal Adelaide Hospital"]
    assert hospital.feature == "site" and km_from(hospital, -34.92, 138.60) < 30, hospital
    text = "Fans of the Kansas City Chiefs filled the bars on Sunday night."
    (chiefs,) = resolve_named(text, ["Kansas City Chiefs"])
    assert chiefs.country == "USA" and km_from(chiefs, 39.10, -94.58) < 30, chiefs


def test_a_club_named_after_a_big_city_abroad_lies_in_that_city() -> None:
    # the text's only other place is Monaco: a city of 500,000+ is read anywhere
    text = "A bomb hit the Borussia Dortmund team bus, and the match against Monaco was postponed by a day."
    got = places_by_text(text, ["Borussia Dortmund", "Monaco"])
    assert got["Borussia Dortmund"].country == "DEU", got["Borussia Dortmund"]
    text = "A gunman opened fire inside Bronx-Lebanon Hospital on Friday, and patients were moved elsewhere."
    (hospital,) = resolve_named(text, ["Bronx-Lebanon Hospital"])
    assert hospital.lat is not None and km_from(hospital, 40.84, -73.91) < 30, hospital


def test_streets_features_and_short_words_hold_no_place() -> None:
    # a street named after a town elsewhere stays with the story's town
    text = "Police in London, Ontario, closed Dundas Street after the crash near Western University."
    got = places_by_text(text, ["London", "Dundas Street", "Western University"])
    assert got["Dundas Street"].country == "CAN" and got["Western University"].country == "CAN", got
    # "Ain" (a French department) is no place held by "Ras al-Ain"
    text = "Turkish troops shelled Ras al-Ain, near Tal Abyad, on Sunday."
    got = places_by_text(text, ["Ras al-Ain", "Tal Abyad"])
    assert got["Ras al-Ain"].country != "FRA", got["Ras al-Ain"]


def test_a_facility_named_after_a_person_is_no_far_namesake_town() -> None:
    # Jackson, Mississippi and Lincoln, Nebraska lie far from the story: the facility stays with its places
    text = "A teenager shot in Little Havana was taken to Jackson Memorial Hospital, Miami police said."
    got = places_by_text(text, ["Little Havana", "Jackson Memorial Hospital", "Miami"])
    assert km_from(got["Jackson Memorial Hospital"], 25.77, -80.19) < 50, got["Jackson Memorial Hospital"]
    text = "A gunman opened fire inside Bronx-Lebanon Hospital, and patients were moved to Lincoln Hospital."
    got = places_by_text(text, ["Bronx-Lebanon Hospital", "Lincoln Hospital"])
    assert km_from(got["Lincoln Hospital"], 40.82, -73.92) < 50, got["Lincoln Hospital"]


def test_a_region_held_by_a_name_yields_to_a_place_inside_it() -> None:
    # "University of Idaho" holds Idaho; the text's Moscow lies inside it and is the better point
    text = "Four students at the University of Idaho were killed in Moscow, Idaho, police said."
    got = places_by_text(text, ["University of Idaho", "Moscow"])
    uni = got["University of Idaho"]
    assert uni.country == "USA" and km_from(uni, 46.73, -117.00) < 60, uni


# ---------------------------------------------------------------- "X in Y" where no X lies in Y


def test_a_name_put_in_a_place_where_none_of_its_readings_lies_is_a_site_there() -> None:
    text = "The opening ceremony at the Maracana in Rio de Janeiro went ahead despite the rain."
    maracana = places_by_text(text, ["Maracana", "Rio de Janeiro"])["Maracana"]
    assert km_from(maracana, -22.91, -43.23) < 50, maracana  # not Maracanã, Pará
    text = "Gunmen attacked the Majlis in Tehran on Wednesday, killing 17 people."
    majlis = places_by_text(text, ["Majlis", "Tehran"])["Majlis"]
    assert km_from(majlis, 35.69, 51.42) < 50, majlis
    text = "Inmates rioted at Alcacuz prison in Rio Grande do Norte for a second week."
    prison = places_by_text(text, ["Alcacuz", "Rio Grande do Norte"])["Alcacuz"]
    assert prison.country == "BRA" and km_from(prison, -5.8, -36.5) < 400, prison


def test_a_big_city_before_in_stays_the_city() -> None:
    # a club named after a city plays "in" the venue's town
    text = "Al Ahly host Wydad Casablanca in Cairo on Saturday."
    assert places_by_text(text, ["Casablanca", "Cairo"])["Casablanca"].country == "MAR"
    text = "Real Madrid beat Atletico Madrid in Milan to win the final."
    assert places_by_text(text, ["Madrid", "Milan"])["Madrid"].country == "ESP"


# ---------------------------------------------------------------- a facility named after a town abroad


def test_a_facility_named_after_a_town_abroad_lies_in_the_story() -> None:
    text = "Protesters clashed with troops in Caracas, and Maduro spoke outside the Miraflores palace."
    palace = places_by_text(text, ["Caracas", "Miraflores"])["Miraflores"]
    assert palace.country == "VEN", palace  # not the district of Lima
    text = "A mudslide buried homes above Freetown, and the injured were taken to Connaught hospital."
    hospital = places_by_text(text, ["Freetown", "Connaught"])["Connaught"]
    assert hospital.country == "SLE", hospital  # not the Irish province


# ---------------------------------------------------------------- airports, governors, territories


def test_an_airport_named_by_its_own_name_is_the_airport() -> None:
    text = "Snow closed runways at Schiphol and Charles de Gaulle, and flights were cancelled at Heathrow."
    got = places_by_text(text, ["Schiphol", "Charles de Gaulle", "Heathrow"])
    assert got["Schiphol"].country == "NLD" and got["Charles de Gaulle"].country == "FRA", got
    # an airport's IATA code alone is not its name
    text = "England lost the Ashes at the MCG after defeats in Brisbane and Adelaide."
    assert places_by_text(text, ["MCG", "Brisbane", "Adelaide"])["MCG"].country == "AUS"


def test_the_governor_of_a_name_reads_it_as_a_state() -> None:
    text = "The governors of California and New York said their states would keep to the targets."
    ny = places_by_text(text, ["California", "New York"])["New York"]
    assert ny.feature == "admin" and ny.country == "USA", ny
    text = "The governor of Washington ordered the National Guard to help fight the fires."
    (wa,) = resolve_named(text, ["Washington"])
    assert wa.feature == "admin" and km_from(wa, 47.4, -120.5) < 300, wa


def test_a_territory_named_like_its_capital_has_a_point() -> None:
    text = "Sunderland had voted to leave and Gibraltar to remain."
    gib = places_by_text(text, ["Sunderland", "Gibraltar"])["Gibraltar"]
    assert gib.country == "GIB" and gib.lat is not None and km_from(gib, 36.14, -5.35) < 20, gib
    text = "Ferries to Gibraltar were cancelled because of high winds in the strait."
    (gib,) = resolve_named(text, ["Gibraltar"])
    assert gib.lat is not None and km_from(gib, 36.14, -5.35) < 20, gib


# ---------------------------------------------------------------- gazetteer rows: venues, landmarks, regions


def test_sports_venues_and_landmarks_are_sites_of_their_city() -> None:
    # curated.tsv: a venue named like a village elsewhere (Stamford Bridge, Yorkshire) is the London stadium
    text = "Chelsea drew 2-2 with Tottenham at Stamford Bridge on Monday night."
    (bridge,) = resolve_named(text, ["Stamford Bridge"])
    assert bridge.feature == "site" and km_from(bridge, 51.48, -0.19) < 10, bridge
    text = "Coalition talks opened at the Reichstag a month after the election."
    (reichstag,) = resolve_named(text, ["Reichstag"])
    assert km_from(reichstag, 52.52, 13.38) < 10, reichstag


def test_morelos_state_lies_south_of_mexico_city() -> None:
    # admin1.tsv had Michoacán's GeoNames code (16) for Morelos, so its point lay in Michoacán
    text = "Cuernavaca, the capital of Morelos state, was shaken by the quake."
    morelos = places_by_text(text, ["Cuernavaca", "Morelos"])["Morelos"]
    assert morelos.feature == "admin" and km_from(morelos, 18.75, -99.07) < 60, morelos
    text = "Rescuers reached villages in Morelos after the earthquake, the state governor said."
    (morelos,) = resolve_named(text, ["Morelos"])
    assert km_from(morelos, 18.75, -99.07) < 100, morelos


# ---------------------------------------------------------------- the batch itself


def test_batch_thirteen_is_well_formed_and_does_not_regress() -> None:
    from dateline.evaluate.places import _intl_dev, load_intl_dev

    cases = load_intl_dev(_OWN)
    assert len(cases) >= 250
    for c in cases:
        assert c["text"][c["start"] : c["end"]] == c["toponym"], c["id"]
        assert c["batch"] == 13 and c["kind"], c["id"]
    res = _intl_dev(_OWN)
    # untouched 0.9115 (Coercion 0.706); round 15's rules 0.945 (Coercion 0.847); with the venue and landmark
    # rows of curated.tsv, written after the misses were seen, 0.976 (Coercion 0.988)
    assert res["acc161"] >= 0.965, res["acc161"]
    assert res["acc161_by_kind"]["Coercion"][0] >= 0.95, res["acc161_by_kind"]
