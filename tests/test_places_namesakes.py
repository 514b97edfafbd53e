"""World cities and their small US namesakes (issue 6): wire stories name US states, Washington and US cities
beside world cities, which must not pull "Geneva" to Illinois; local stories that state the town's state or
name other towns of it keep the US town ("Paris, Tenn.", "Moscow, Idaho").

Sentences are our own. Resolution tests pass gold-style spans (no spaCy) so they are fast.
"""

from __future__ import annotations

from places_helpers import resolve_named as _resolve


def test_a_us_state_elsewhere_does_not_pull_a_world_city() -> None:
    text = "A Utah congresswoman said the envoys meeting in Geneva had agreed on a prisoner swap."
    utah, geneva = _resolve(text, ["Utah", "Geneva"])
    assert utah.country == "USA" and geneva.country == "CHE"


def test_washington_nearby_does_not_make_a_suburb_of_the_world_city() -> None:
    text = "Officials in Washington said the inspectors would fly to Vienna on Sunday, then on to Tehran."
    assert _resolve(text, ["Washington", "Vienna", "Tehran"])[1].country == "AUT"


def test_the_world_citys_country_named_keeps_it_against_a_same_state_namesake() -> None:
    # Cairo, Illinois and Delhi, California: their states are named, but so are Egypt and India
    text = "Illinois grain traders flew to Cairo after Egypt's wheat tender closed."
    assert _resolve(text, ["Illinois", "Cairo", "Egypt"])[1].country == "EGY"
    text = "Indian ministers in Delhi agreed to buy more walnuts grown in California."
    assert _resolve(text, ["Delhi", "California"])[0].country == "IND"


def test_a_stated_state_keeps_the_us_town_even_when_not_a_span() -> None:
    text = "Volunteers in Lebanon, Pa., collected blankets for the shelter on Saturday."
    assert _resolve(text, ["Lebanon"])[0].country == "USA"
    text = "The Warsaw, Ind., plant will close in June, the company said."
    warsaw = _resolve(text, ["Warsaw"])[0]
    assert warsaw.country == "USA" and warsaw.admin1 == "Indiana"


def test_local_stories_keep_the_us_town() -> None:
    text = "Voters in Manchester and Concord lined up early as New Hampshire held its primary."
    manchester = _resolve(text, ["Manchester", "Concord", "New Hampshire"])[0]
    assert manchester.country == "USA" and manchester.admin1 == "New Hampshire"
    text = "Moscow, Idaho, officials said the road to Lewiston would reopen after the storm."
    assert _resolve(text, ["Moscow", "Idaho", "Lewiston"])[0].country == "USA"
    text = "Paris police and Henry County deputies searched the lake, the Tennessee sheriff said."
    assert _resolve(text, ["Paris", "Henry County", "Tennessee"])[0].country == "USA"


def test_a_world_city_in_the_us_is_not_pulled_to_a_small_namesake_abroad() -> None:
    text = "Trade envoys from Tokyo and Washington met in London to settle the steel dispute."
    washington = _resolve(text, ["Tokyo", "Washington", "London"])[1]
    assert washington.country == "USA" and washington.name.startswith("Washington")


def test_a_local_town_cue_keeps_the_us_town() -> None:
    text = "The Athens High School band won the state contest, Texas education officials said."
    assert _resolve(text, ["Athens", "Texas"])[0].country == "USA"


def test_a_british_story_does_not_pull_boston_to_lincolnshire() -> None:
    text = "Police in Glasgow and Edinburgh questioned a man who had flown in from Boston on Friday."
    assert _resolve(text, ["Glasgow", "Edinburgh", "Boston"])[2].country == "USA"
