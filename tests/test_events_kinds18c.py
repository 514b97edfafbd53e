"""Event coding by kind, session 18 round 3 (issue 3): misses of the e2e_s18 set (report_fields.md), judged by the
PLOVER manual. Each kind is a general rule tested on wordings of our own (invented news-style sentences, none from
e2e_s18), with guards that keep the neighbouring reading."""

from __future__ import annotations

import pytest
from events_helpers import countries, helpers_for, processed_events

_events, _types, _of = helpers_for("2026-11-24")

# forces or warships reported seen at a place are a military move there (manual, MOBILIZE: "all military or police
# moves that fall short of the actual use of force"); hedged sightings are alleged
SIGHTED = [
    ("Three Russian frigates were seen off the coast of Norway on Sunday.", "RUS", "asserted"),
    ("Iranian gunboats were spotted near the Strait of Hormuz, officials said.", "IRN", "asserted"),
    (
        "Several Turkish tanks were reportedly sighted near the Syrian border town of Kobani.",
        "TUR",
        "alleged",
    ),
    ("Two Iranian drones were seen off Cyprus on Tuesday.", "IRN", "asserted"),
]


@pytest.mark.parametrize(("text", "actor", "factuality"), SIGHTED)
def test_forces_sighted_mobilize(text: str, actor: str, factuality: str) -> None:
    [ev] = _of(text, "MOBILIZE")
    assert countries(ev.actor) == {actor} and ev.factuality == factuality


def test_warships_sighted_are_weapons() -> None:
    [ev] = _of("Three Russian frigates were seen off the coast of Norway on Sunday.", "MOBILIZE")
    assert ev.mode == "weapons"  # manual: "mobilizing weapons, ships, or vehicles" is MOBILIZE weapons


@pytest.mark.parametrize(
    "text",
    [
        "The minister was seen at the airport on Monday.",  # a person seen: no force moved
        "A rare whale was spotted off the coast of Cornwall.",
        "The troops were seen as a threat by the villagers.",  # no place: a view of them, no move
    ],
)
def test_sighting_guards(text: str) -> None:
    assert "MOBILIZE" not in _types(text)


# a projectile fired "at/on" someone is the means; the one it is fired at is the recipient (a flag adjective gives
# the ship's country)
FIRED_AT = [
    ("Somali pirates fired two missiles at a Norwegian-flagged tanker.", "NOR"),
    ("Rebel fighters reportedly fired two missiles at a Greek-flagged bulk carrier.", "GRC"),
    ("Iranian forces fired a missile at a Liberian-flagged cargo ship in the Gulf.", "LBR"),
]


@pytest.mark.parametrize(("text", "recipient"), FIRED_AT)
def test_projectile_is_no_recipient(text: str, recipient: str) -> None:
    [ev] = _of(text, "ASSAULT")
    assert countries(ev.recipient) == {recipient}


# forces sent to a body's mission, force or operation in a country go to that country (the host), not the body
TO_MISSION = [
    ("Ireland will send 150 troops to the UN peacekeeping mission in Lebanon.", "LBN"),
    ("Germany deployed 300 soldiers to the EU training mission in Mali.", "MLI"),
    ("Spain sent 50 troops to the NATO mission in Iraq.", "IRQ"),
    ("Ghana sent 400 soldiers to the UN force in South Sudan.", "SSD"),
]


@pytest.mark.parametrize(("text", "host"), TO_MISSION)
def test_mission_host_is_recipient(text: str, host: str) -> None:
    [ev] = _of(text, "MOBILIZE")
    assert countries(ev.recipient) == {host}


# a base or site the geoparser reads whole ("X air base") is in the place's country, not the country the actor
# lexicons guess for its name (a surname of another country)
AT_BASE = [
    (
        "Estonia asked its allies for more help. Estonian officials said Tallinn would host the jets. "
        "Three Royal Air Force Typhoon jets arrived at Amari air base yesterday, the Estonian defence ministry said.",
        "EST",
    ),
    (
        "Greece asked for naval support. Officials in Athens said the ships were welcome. "
        "Two French frigates arrived at Tanaka naval base on Friday, the Greek navy said.",
        "GRC",
    ),
    (
        "Romania has asked its allies for help. Officials in Bucharest said the jets were welcome. "
        "Six Dutch F-35 jets arrived at Fetesti air base on Tuesday, the Romanian defence ministry said.",
        "ROU",
    ),
]


@pytest.mark.parametrize(("text", "host"), AT_BASE)
def test_base_country_from_places(text: str, host: str) -> None:
    evs = [e for e in processed_events(text, "2026-11-24") if e.event == "MOBILIZE"]
    assert any(countries(e.recipient) == {host} for e in evs), [(e.actor, e.recipient) for e in evs]


# convention kept (manual, SANCTION withdraw: "one's non-military resources (e.g., aid, observers, diplomats,
# peacekeepers)"): peacekeepers pulled out reduce relations; a body's own troops pulled out retreat
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The African Union pulled its troops out of Somalia last year.", "RETREAT"),
        ("The United Nations withdrew its peacekeepers from Mali in 2023.", "SANCTION"),
    ],
)
def test_withdrawal_convention(text: str, want: str) -> None:
    assert want in _types(text)


# a ship the text gives no flag, owner or nationality has no country: not the sea's or a coast's the resolver guesses
@pytest.mark.parametrize(
    "text",
    [
        "Houthi fighters fired a drone at a tanker in the Red Sea on Friday.",
        "Pirates fired rockets at an oil tanker in the Gulf of Guinea.",
    ],
)
def test_unflagged_ship_has_no_country(text: str) -> None:
    [ev] = _of(text, "ASSAULT")
    assert ev.recipient and not countries(ev.recipient)


def test_flagged_ship_keeps_country() -> None:
    [ev] = _of("Militants fired a rocket at a British tanker in the Strait of Hormuz on Sunday.", "ASSAULT")
    assert countries(ev.recipient) == {"GBR"}
