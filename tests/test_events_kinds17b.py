"""Event coding by kind, session 17 round 2 (issue 3): crossings closed to another state (SANCTION), the manual's
REQUEST / REJECT / THREATEN modes, "by video link", blocked platforms, artworks
vandalised. Each kind is a general rule tested on wordings of our own, with guards that keep the neighbouring
reading (decided by the PLOVER manual and tests/data/events_own_conv.md)."""

from __future__ import annotations

import pytest
from events_helpers import conventional_types, helpers_for

from dateline.events._typing import _conventional

_events, _types, _of = helpers_for("2026-11-23")


def _conv(text: str) -> set[str]:
    return conventional_types(_events, text)


def _modes(text: str, event: str) -> set[str | None]:
    """The modes of the sentence's events of one type (under the single-category convention)."""
    return {e.mode for e in _events(text) if _conventional(e.event, e.factuality) == event}


# kind -> (text, the sentence's types under the single-category convention)
CASES = {
    # a crossing closed, or craft barred, to another state's craft or people: SANCTION (manual: "curtail ...
    # commercial or material exchanges"); to protesters or migrants, or closed outright: COERCE restrict
    "closed_to_state": [
        ("Algeria closed its airspace to Moroccan aircraft on Wednesday.", {"SANCTION"}),
        ("France shut the border to British lorries after the outbreak.", {"SANCTION"}),
        ("Kuwait closed its land border to Iraqi trucks.", {"SANCTION"}),
        ("Britain banned Russian aircraft from its airspace.", {"SANCTION"}),
        ("Saudi Arabia banned flights from Qatar.", {"SANCTION"}),
        # guards
        ("Police closed the border crossing to protesters.", {"COERCE"}),
        ("Hungary closed its borders to migrants.", {"COERCE"}),
        ("Police barred protesters from the border crossing.", {"COERCE"}),
        ("Egypt sealed the Rafah crossing after the bombing.", {"COERCE"}),
    ],
    # "spoke by video link": the parser's "agent" of an active verb is an adjunct; the subject acts
    "by_video_link": [
        ("The two leaders spoke by video link on Monday.", {"CONSULT"}),
        ("The ministers talked by video link.", {"CONSULT"}),
        # guard: a passive's agent is still who acts
        ("The envoy was summoned by the foreign ministry.", {"ACCUSE"}),
    ],
    # websites and apps blocked, or access to them restricted: censorship (manual, COERCE censor)
    "platform_blocked": [
        ("Russia blocked access to Twitter.", {"COERCE"}),
        ("Iran restricted access to Instagram and WhatsApp during the protests.", {"COERCE"}),
        ("Pakistan blocked YouTube over a film.", {"COERCE"}),
        # guards: a place blocked by protesters is an obstruction
        ("Protesters blocked access to the port.", {"PROTEST"}),
        ("Farmers blocked access to the parliament with tractors.", {"PROTEST"}),
    ],
    # soup or paint thrown at an artwork, activists glued to one: symbolic damage (PROTEST vandalize)
    "artwork_vandalized": [
        ("Climate activists threw soup at a Van Gogh painting in London.", {"PROTEST"}),
        ("Two activists hurled cake at the Mona Lisa portrait in Paris.", {"PROTEST"}),
        ("Protesters splashed red paint on a statue of Columbus.", {"PROTEST"}),
        # guard: stones thrown at police are a riot
        ("Rioters threw stones at police in Belfast.", {"PROTEST"}),
    ],
    # political parties suspended, or their activities: banned from political life (manual, COERCE restrict)
    "parties_suspended": [
        ("Mali's junta suspended all political parties until further notice.", {"COERCE"}),
        ("The military council suspended the activities of political parties and civic groups.", {"COERCE"}),
        # guards: an aid group suspending its own work, a party suspending members
        ("Doctors Without Borders suspended its activities in the region after the attack.", {"SANCTION"}),
        ("The party suspended two of its lawmakers over the vote.", {"SANCTION"}),
    ],
}


@pytest.mark.parametrize(
    ("text", "want"), [c for cases in CASES.values() for c in cases], ids=lambda x: str(x)[:40]
)
def test_kind(text: str, want: set[str]) -> None:
    assert _conv(text) == want


# (text, type, mode)
MODES = [
    ("Algeria closed its airspace to Moroccan aircraft on Wednesday.", "SANCTION", "discontinue"),
    ("Canada barred Russian ships from its ports.", "SANCTION", "discontinue"),
    ("Russia blocked access to Twitter.", "COERCE", "censor"),
    ("India banned TikTok and dozens of other Chinese apps.", "COERCE", "censor"),
    ("Climate activists threw soup at a Van Gogh painting in London.", "PROTEST", "vandalize"),
    ("Protesters splashed red paint on a statue of Columbus.", "PROTEST", "vandalize"),
    ("Rioters threw stones at police in Belfast.", "PROTEST", "riot"),
    ("The two leaders spoke by video link on Monday.", "CONSULT", "phone"),
    # REQUEST modes (shared with REJECT) by what is asked for: assist, change, yield, meet
    ("Chad appealed to donors for food aid after the floods.", "REQUEST", "assist"),
    ("Moldova asked the EU to send more border guards.", "REQUEST", "assist"),
    ("Student leaders demanded sweeping electoral reforms.", "REQUEST", "change"),
    ("The opposition called on the interior minister to resign.", "REQUEST", "change"),
    ("Amnesty urged Egypt to release two jailed bloggers.", "REQUEST", "yield"),
    ("The Vatican called for a truce over Christmas in Sudan.", "REQUEST", "yield"),
    ("Niger asked Algeria to mediate in its dispute with Mali.", "REQUEST", "meet"),
    ("Seoul called for talks with Pyongyang on family reunions.", "REQUEST", "meet"),
    # REJECT modes, from what the refused request asked for or the refused act's own type (a refused act with a
    # mode of its own keeps it in Event.mode: "refused to free" stays RETREAT release, negated)
    ("Israel snubbed calls for a truce in Gaza.", "REJECT", "yield"),
    ("The junta refused to lift the ban on opposition rallies.", "REJECT", "change"),
    ("The cabinet dismissed demands for early elections.", "REJECT", "change"),
    ("The rebels refused to meet the government's envoys.", "REJECT", "meet"),
    ("Brussels rejected Serbia's request for an emergency loan.", "REJECT", "assist"),
    ("Kigali rejected a Kenyan proposal for peace talks.", "REJECT", "meet"),
    ("China vetoed a draft resolution on Myanmar.", "REJECT", "yield"),
    ("Egypt defied a court order to reopen the crossing.", "REJECT", "yield"),
    # THREATEN modes by what is threatened (restrict, expel, territory, violence, arrest)
    ("The EU threatened to impose new sanctions on Minsk.", "THREATEN", "restrict"),
    ("Washington threatened tariffs on Mexican steel.", "THREATEN", "restrict"),
    ("Bamako threatened to expel the French ambassador.", "THREATEN", "expel"),
    ("The junta threatened to expel all foreign aid workers.", "THREATEN", "expel"),
    ("Moscow threatened to annex the two breakaway regions.", "THREATEN", "territory"),
    ("Israeli ministers threatened to reoccupy the northern West Bank.", "THREATEN", "territory"),
    ("The rebels vowed to target any government convoy on the highway.", "THREATEN", "violence"),
]


@pytest.mark.parametrize(("text", "event", "mode"), MODES, ids=lambda x: str(x)[:40])
def test_mode(text: str, event: str, mode: str) -> None:
    assert mode in _modes(text, event)
