"""End to end on sanctions, expulsions, trials of journalists, strikes, disaster aid, border clashes and a claimed
drone strike, in page formats the earlier sets lack (tests/data/e2e_s21, our own writing; issues 3, 6 and 7).

Eight invented pages (2007-2021; Central Asia, Burma, Czech Republic, Saudi Arabia and Yemen, Brazil, Mozambique,
Egypt, Sudan and South Sudan): a live blog (entries stamped "10:42 GMT", newest first), an AMP page, a syndicated
page ("This article originally appeared on ..."), a wire story ("RIYADH, Feb. 10 (Gulf Wire) -", "Reporting by ...;
Editing by ..."), masthead datelines with a time zone ("(all times Brasília)", "(all times GMT+3)"), dates written
"27.04.2019" and a text page whose only date is its url. Ingested in-process (`scripts/score_e2e.py --set e2e_s21`);
every gold event record is matched to a stored event of its type in its sentence and each field the gold gives is
checked, now with the country of the event's location (`location_country`). The fields right after the session-21
fixes are asserted; the misses left are strict xfails, each with its reason (all in files other engineers own:
event typing, actors, sizes and the event's location pick in dateline/events/_where_when.py, save three villages
the recogniser never proposes).

Figures (session 21; gold records matched by type and sentence):

| field | untouched | after the fixes |
|---|---|---|
| boilerplate cut (70) / body kept (52) | 0.943 / 1.000 | 1.000 / 1.000 |
| published (8) / outlet of HTML pages (4) | 0.875 / 1.000 | 1.000 / 1.000 |
| event type (43) | 0.814 | 0.814 |
| mode (10) | 0.900 | 0.900 |
| actor country (31) | 0.968 | 0.968 |
| recipient country (22) | 0.818 | 0.864 |
| size (29) | 0.931 (0.966 with the gold's one correction, see the README) | 0.966 |
| date (34) | 0.824 | 1.000 |
| factuality (34) / source (35) | 1.000 / 1.000 | 1.000 / 1.000 |
| location country (20) | 0.550 | 0.600 |
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e_helpers import ROOT, cases, check_cleaning, check_field, scorer

_FOLDER = ROOT / "tests" / "data" / "e2e_s21"


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return scorer().score(_FOLDER, tmp_path_factory.mktemp("e2e21") / "e2e.db")


_WHERE = "events (_where_when): the event's location is not picked from its sentence: {}"

# misses left: (file, sentence fragment start, field) -> reason
_KNOWN = {
    ("p01_batken_liveblog.html", "Kyrgyz and Tajik border guards exchanged", "recipient_country"): (
        "actors: in a mutual act ('Kyrgyz and Tajik border guards exchanged fire') the two sides are also each "
        "other's recipient; none is given"
    ),
    ("p01_batken_liveblog.html", "Residents of Kok-Tash threw stones", "location_country"): (
        "places: 'Kok-Tash' (a Batken village) is not recognised as a place, so the protest has no location"
    ),
    ("p01_batken_liveblog.html", "Tajik forces fired mortars", "mode"): (
        "events (mode): 'fired mortars' is read as firearms; mortars are heavy weapons"
    ),
    ("p01_batken_liveblog.html", "Tajik forces fired mortars", "location_country"): (
        "events/places: the location is the demonym 'Kyrgyz' (of 'a Kyrgyz border post'); 'the Vorukh enclave' "
        "is not recognised as a place (Vorukh, a Tajik exclave)"
    ),
    ("p01_batken_liveblog.html", "The foreign ministers of Kyrgyzstan and Tajikistan", "recipient_country"): (
        "actors: a ceasefire agreed by two sides has each as the other's recipient; none is given"
    ),
    ("p02_yangon_sanctions_amp.html", "European Union foreign ministers froze", "recipient_country"): (
        "actors: the recipient is Luxembourg (the meeting's place, 'at a meeting in Luxembourg'), not Burma "
        "('the assets of Burma's military rulers')"
    ),
    ("p02_yangon_sanctions_amp.html", "The junta's leader refused to meet", "event_type"): (
        "events: 'refused to meet the UN envoy' is typed CONSULT (the meeting); refusing is REJECT"
    ),
    ("p03_prague_expulsions.html", "Two explosions at the depot", "location_country"): (
        "places: 'the village of Vrbetice' is recognised (session 22) but placed in the story's main country, Russia "
        "(the country of the act's report), not the Czech Republic where the depot is"
    ),
    ("p03_prague_expulsions.html", "Russia ordered 20 Czech embassy staff", "size"): (
        "sizes: '20 Czech embassy staff' gives no size (staff is no counted unit)"
    ),
    ("p03_prague_expulsions.html", "Russia ordered 20 Czech embassy staff", "location_country"): (
        _WHERE.format("'to leave Moscow' (Moscow resolved, RUS)")
    ),
    ("p04_abha_drone_wire.html", "Coalition jets struck Houthi positions", "actor_country"): (
        "actors: 'Coalition jets' (the Saudi-led coalition named in the sentence before) gets no country"
    ),
    ("t05_santos_truckers.txt", "Sao Paulo's mayor declared a state of emergency", "location_country"): (
        _WHERE.format("'Sao Paulo's mayor ... in the city' (Sao Paulo resolved, BRA)")
    ),
    ("t06_pemba_cyclone_aid.txt", "The Red Cross handed out tents", "location_country"): (
        "places: 'in Mbau' is not recognised as a place (a Mocimboa da Praia village; no gazetteer row)"
    ),
    ("t08_heglig_clashes.txt", "South Sudanese troops seized the Heglig oil field", "event_type"): (
        "events: troops seizing an oil field in fighting is typed COERCE (seize property); capturing territory in "
        "combat is ASSAULT"
    ),
    ("t08_heglig_clashes.txt", "Sudanese warplanes bombed the town of Bentiu", "location_country"): (
        _WHERE.format("'bombed the town of Bentiu' (Bentiu resolved, SSD)")
    ),
}


@pytest.mark.parametrize(("file", "sentence", "field"), cases(_FOLDER, _KNOWN))
def test_event_field(scored: dict[str, Any], file: str, sentence: str, field: str) -> None:
    check_field(scored, file, sentence, field)


def test_cleaning(scored: dict[str, Any]) -> None:
    """Every boilerplate line cut, every body line kept, every publication date read (three from the text: two
    masthead datelines with a time zone and a "Published 29.04.2019" line; one from the url only)."""
    check_cleaning(scored)


def test_html_outlet(scored: dict[str, Any]) -> None:
    """The outlet of every HTML page is read from its markup (og:site_name, JSON-LD publisher on the AMP page)."""
    assert scored["figures"]["outlet"] == 1.0, [e for e in scored["errors"] if "outlet" in e]


def test_floors(scored: dict[str, Any]) -> None:
    """Per-field floors over the matched gold records (the session-21 figures)."""
    f = scored["figures"]
    assert f["date"] >= 0.97 and f["source"] >= 0.97 and f["factuality"] >= 0.97 and f["size"] >= 0.96
    assert f["event_type"] >= 0.81 and f["actor_country"] >= 0.96 and f["recipient_country"] >= 0.86
    assert f["location_country"] >= 0.6
