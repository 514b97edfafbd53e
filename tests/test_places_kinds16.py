"""Issue 6, places, round 18 (session 15, kinds seen on LGL DEV, local US news): a name listed with a US state is
a state too ("Oregon and Washington laws"), a regional outlet's own state named bare is that state ("Georgia" in
an Atlanta paper; "Washington" in a Seattle paper), and a town named like a country or a world city, listed with
towns of one state, is the town there ("Hanover, Claremont and Lebanon"). Sentences are our own writing;
resolution tests pass the names (gold style, no spaCy) so they are fast."""

from __future__ import annotations

from places_helpers import places_by_text

_AJC = "https://www.ajc.com/news/state/story.html"
_SEATTLE = "https://www.seattletimes.com/seattle-news/politics/story.html"


def test_a_name_listed_with_states_is_the_state() -> None:
    for text, names in (
        (
            "Lawmakers compared Oregon and Washington laws on rent control before the vote.",
            ["Oregon", "Washington"],
        ),
        (
            "Growers in Idaho, Montana and Washington asked for more water this summer.",
            ["Idaho", "Montana", "Washington"],
        ),
        ("Fire crews from Washington and Oregon joined the fight near the border.", ["Washington", "Oregon"]),
    ):
        wa = places_by_text(text, names)["Washington"]
        assert wa.feature == "admin" and wa.admin1 == "Washington", (text, wa)
    text = "Peanut growers in Alabama and Georgia expect a smaller harvest after the drought."
    ga = places_by_text(text, ["Alabama", "Georgia"])["Georgia"]
    assert ga.country == "USA" and ga.feature == "admin", ga
    text = "Farmers in Ohio and New York lost apples to the late frost."
    ny = places_by_text(text, ["Ohio", "New York"])["New York"]
    assert ny.feature == "admin" and ny.admin1 == "New York", ny


def test_a_city_beside_its_neighbour_states_or_its_own_container_stays_the_city() -> None:
    text = "Commuters from Maryland, Virginia and Washington crowded the trains on Monday."
    wa = places_by_text(text, ["Maryland", "Virginia", "Washington"])["Washington"]
    assert wa.feature == "city" and wa.admin1 == "District of Columbia", wa
    text = "Buyers drove in from Oklahoma and Washington, D.C., for the spring cattle auction."
    wa = places_by_text(text, ["Oklahoma", "Washington", "D.C."])["Washington"]
    assert wa.feature == "city" and wa.admin1 == "District of Columbia", wa
    text = "Tolls rose on the bridges between New Jersey and New York this week."
    ny = places_by_text(text, ["New Jersey", "New York"])["New York"]
    assert ny.feature == "city", ny
    text = "Talks between Russia and Georgia stalled again in Geneva."
    ga = places_by_text(text, ["Russia", "Georgia", "Geneva"])["Georgia"]
    assert ga.country == "GEO", ga


def test_a_regional_outlets_own_state_named_bare_is_the_state() -> None:
    for text in (
        "Georgia's farm bureau asked lawmakers for drought relief on Tuesday.",
        "Prices rose in Georgia after the new fuel tax, the revenue office said.",
    ):
        ga = places_by_text(text, ["Georgia"], url=_AJC)["Georgia"]
        assert ga.country == "USA" and ga.feature == "admin", (text, ga)
    # the text's cues for the country still win
    text = "Georgia's president met NATO envoys in Tbilisi on Tuesday."
    ga = places_by_text(text, ["Georgia", "Tbilisi"], url=_AJC)["Georgia"]
    assert ga.country == "GEO", ga


def test_washington_in_a_seattle_paper_is_the_state_and_elsewhere_the_capital() -> None:
    for text in (
        "Washington's ferry fares will rise in May, the transportation department said.",
        "Lawmakers in Washington approved the school levy bill on a party-line vote.",
    ):
        wa = places_by_text(text, ["Washington"], url=_SEATTLE)["Washington"]
        assert wa.feature == "admin" and wa.admin1 == "Washington", (text, wa)
        wa = places_by_text(text, ["Washington"], url=_AJC)["Washington"]
        assert wa.feature == "city" and wa.admin1 == "District of Columbia", (text, wa)
    text = "The senator flew back to Washington, D.C., after the hearing."
    wa = places_by_text(text, ["Washington", "D.C."], url=_SEATTLE)["Washington"]
    assert wa.admin1 == "District of Columbia", wa


def test_a_town_named_like_a_country_or_world_city_listed_with_towns_of_one_state() -> None:
    for text, names, state in (
        (
            "Police in Albany, Corvallis, Sweet Home and Lebanon searched for the missing hiker.",
            ["Albany", "Corvallis", "Sweet Home", "Lebanon"],
            "Oregon",
        ),
        (
            "Bus service returns to Lebanon, Hanover and Claremont next month, the transit board said.",
            ["Lebanon", "Hanover", "Claremont"],
            "New Hampshire",
        ),
    ):
        got = places_by_text(text, names)["Lebanon"]
        assert got.country == "USA" and got.admin1 == state, (text, got)
    text = "Paper mills in Gorham, Lancaster and Berlin cut shifts this winter."
    got = places_by_text(text, ["Gorham", "Lancaster", "Berlin"])["Berlin"]
    assert got.country == "USA" and got.admin1 == "New Hampshire", got


def test_a_world_city_listed_with_big_cities_or_countries_stays() -> None:
    text = "Flights from Houston, Dallas and Paris were delayed by the storms."
    got = places_by_text(text, ["Houston", "Dallas", "Paris"])["Paris"]
    assert got.country == "FRA", got
    text = "Families from Syria, Iraq and Lebanon arrived in Toronto last week."
    got = places_by_text(text, ["Syria", "Iraq", "Lebanon", "Toronto"])["Lebanon"]
    assert got.country == "LBN", got
