"""End to end on sanctions answered, a border artillery duel, a peacekeeping drawdown, a naval exercise and a protest
note, an opposition leader's arrest and bail, a blocked aid convoy, a coup in a digest and a border clash, in page
formats the earlier sets lack (tests/data/e2e_s23, our own writing; issues 3, 6 and 7).

Eight invented pages (1996-2023; Lithuania and China, the Thai-Cambodian border, northern Mali, the Aegean, Uganda,
Ethiopia's Afar region, Honduras/Madagascar/Georgia in one digest, Djibouti and Eritrea): a paywalled page whose
story sits only in its JSON-LD `articleBody`, a live blog with a "Key events" list (oldest entry first), a press
briefing transcript ("SPOKESPERSON:", "QUESTION:"), a 1990s table-layout page with Dublin Core meta tags, British
dates ("Friday 15th March 1996", "on the 12th") and a timeline sidebar, a text page broken by "Advertisement" and
"Story continues below", a syndicated wire story ("auto-generated from a syndicated feed", "(Horn Wire) -",
"Reporting by ...; Editing by ..."), an e-mail digest of five numbered items and a printer-friendly view ("Printed
from ... on 16/06/2008"). Hedged sizes ("upwards of", "as many as", "a few dozen"), relative dates ("last
Thursday", "earlier this month", "on the 12th", "overnight") and denied, negated and planned acts on every page.
Ingested in-process (`scripts/score_e2e.py --set e2e_s23`); every gold event record is matched to a stored event of
its type in its sentence and each field the gold gives is checked. The fields right after the session-23 fixes are
asserted; the misses left are strict xfails, each with its reason (all in files other engineers own: event typing,
actors and the event's location pick in dateline/events/).

Figures (session 23; gold records matched by type and sentence; n grows as more events are found):

| field | untouched | after the fixes |
|---|---|---|
| boilerplate cut (74) / body kept (52) | 0.784 / 0.865 | 1.000 / 1.000 |
| published (8) / outlet of HTML pages (4) | 1.000 / 1.000 | 1.000 / 1.000 |
| event type (49) | 0.796 | 0.878 |
| mode | 1.000 (4) | 1.000 (5) |
| actor country | 0.833 (36) | 0.875 (40) |
| recipient country | 1.000 (9) | 1.000 (12) |
| size | 1.000 (12) | 1.000 (14) |
| date | 0.939 (33) | 1.000 (37) |
| factuality | 1.000 (39) | 1.000 (43) |
| source | 0.971 (35) | 1.000 (39) |
| location country | 0.909 (22) | 0.913 (23) |
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e_helpers import ROOT, cases, check_cleaning, check_field, scorer

_FOLDER = ROOT / "tests" / "data" / "e2e_s23"


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return scorer().score(_FOLDER, tmp_path_factory.mktemp("e2e23") / "e2e.db")


# misses left: (file, sentence fragment start, field) -> reason
_KNOWN = {
    ("p01_vilnius_sanctions_jsonld.html", "The European Union will raise the dispute", "event_type"): (
        "events: 'will raise the dispute with Chinese officials at a trade meeting' is not coded (CONSULT)"
    ),
    ("p02_preahvihear_keyevents_live.html", "Thailand denied that its shells", "actor_country"): (
        "actors: 'its shells' after 'Thailand denied that' gets no country (THA)"
    ),
    ("p02_preahvihear_keyevents_live.html", "UN Secretary-General Ban Ki-moon called", "actor_country"): (
        "actors: 'UN Secretary-General Ban Ki-moon' gets no country (IGO)"
    ),
    ("p03_bamako_briefing_transcript.html", "The UN mission completed its withdrawal", "event_type"): (
        "events: a UN mission's withdrawal from a camp is typed RETREAT; peacekeepers withdrawn are SANCTION "
        "(mode withdraw, e2e_s18's convention)"
    ),
    ("p03_bamako_briefing_transcript.html", "The mission will withdraw its last 300", "actor_country"): (
        "actors: 'The mission' (the UN mission of the sentences before) gets no country (IGO)"
    ),
    ("t05_kampala_bail_adbreaks.txt", "A magistrate in Nakawa released him", "actor_country"): (
        "actors: 'A magistrate in Nakawa' (Nakawa placed in Uganda by the geoparser) is read as Kiribati's"
    ),
    ("t06_afar_convoy_syndicated.txt", "Gunmen blocked a convoy", "event_type"): (
        "events: 'Gunmen blocked a convoy of ... aid trucks at a checkpoint' is typed SANCTION, not COERCE"
    ),
    ("t07_weekly_digest_newsletter.txt", "Venezuela denied that it had put its troops", "actor_country"): (
        "actors: 'it'/'its troops' after 'Venezuela denied that' is read as Georgia's (an item further down)"
    ),
    ("t08_djibouti_printview_british.txt", "Djiboutian and Eritrean troops clashed", "location_country"): (
        "events (_where_when): 'at Ras Doumeira' (recognised, placed in Djibouti; spaCy tags it PERSON) is not "
        "taken"
    ),
}


@pytest.mark.parametrize(("file", "sentence", "field"), cases(_FOLDER, _KNOWN))
def test_event_field(scored: dict[str, Any], file: str, sentence: str, field: str) -> None:
    check_field(scored, file, sentence, field)


def test_cleaning(scored: dict[str, Any]) -> None:
    """Every boilerplate line cut (a live page's closing notice, a briefing's media line and end mark, a timeline
    sidebar, a weather widget, a digest's opening, sponsored slot and postal address, a print view's controls and
    stamps), every body line kept (the story of the JSON-LD `articleBody`, the cells of a layout table), every
    publication date read (Dublin Core meta, a digest's edition line, "Published: Saturday 14th June 2008")."""
    check_cleaning(scored)


def test_html_outlet(scored: dict[str, Any]) -> None:
    """The outlet of every HTML page is read from its markup (Dublin Core `DC.publisher` included)."""
    assert scored["figures"]["outlet"] == 1.0, [e for e in scored["errors"] if "outlet" in e]


def test_floors(scored: dict[str, Any]) -> None:
    """Per-field floors over the matched gold records (the session-23 figures)."""
    f = scored["figures"]
    assert f["date"] >= 0.97 and f["source"] >= 0.97 and f["factuality"] >= 0.97 and f["size"] >= 0.97
    assert f["event_type"] >= 0.87 and f["actor_country"] >= 0.87 and f["recipient_country"] >= 0.97
    assert f["location_country"] >= 0.9
