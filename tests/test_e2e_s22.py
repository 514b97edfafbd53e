"""End to end on a tanker hijack, a hostage release, an earthquake's relief, a coup, a prison break, a miners'
strike, cross-border raids and riots, in page formats the earlier sets lack (tests/data/e2e_s22, our own writing;
issues 3, 6 and 7).

Eight invented pages (1998-2020; Togo and Benin, Sulu, Nepal, Mauritania, North Kivu, the Zambian Copperbelt,
Niger's Diffa region, Indonesian Papua): a CMS page whose "Updated" stamp comes before its "First published" one
and whose only date tag is the modification time, a "Key points" box, a photo gallery with captions between the
paragraphs, a newsletter page with "Sign up" boxes, text copied from a PDF bulletin (hard wraps, words hyphenated
across lines, running headers, "Page 2 of 3"), a regional page dated "03/04/1998" (day first), a forwarded e-mail
digest whose only date is its "Date:" header and a radio bulletin script ("ITEM 1 - WAMENA", "[ENDS]"). Many events
happen in villages and small towns ("the fishing village of Agbodrafo", "Laprak, a village 10 km east of Barpak").
Ingested in-process (`scripts/score_e2e.py --set e2e_s22`); every gold event record is matched to a stored event of
its type in its sentence and each field the gold gives is checked. The fields right after the session-22 fixes are
asserted; the misses left are strict xfails, each with its reason (all in files other engineers own: event typing,
factuality, actors, sources and the event's location pick in dateline/events/_where_when.py, save one pair of
villages the recogniser does not propose).

Figures (session 22; gold records matched by type and sentence; n grows as more events are found):

| field | untouched | after the fixes |
|---|---|---|
| boilerplate cut (84) / body kept (48) | 0.762 / 0.958 | 1.000 / 1.000 |
| published (8) / outlet of HTML pages (4) | 0.750 / 1.000 | 1.000 / 1.000 |
| event type (43) | 0.907 | 0.953 |
| mode (1) | 1.000 | 1.000 |
| actor country | 0.941 (34) | 0.943 (35) |
| recipient country | 1.000 (13) | 1.000 (15) |
| size | 1.000 (15) | 1.000 (16) |
| date | 0.897 (39) | 1.000 (41) |
| factuality / source | 0.974 / 0.923 (39) | 0.976 / 0.976 (41) |
| location country | 0.630 (27) | 0.724 (29) |
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e_helpers import ROOT, cases, check_cleaning, check_field, scorer

_FOLDER = ROOT / "tests" / "data" / "e2e_s22"


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return scorer().score(_FOLDER, tmp_path_factory.mktemp("e2e22") / "e2e.db")


_WHERE = "events (_where_when): the event's location is not picked from its sentence: {}"

# misses left: (file, sentence fragment start, field) -> reason
_KNOWN = {
    ("p01_lome_tanker_cms.html", "Pirates boarded the oil tanker", "location_country"): (
        _WHERE.format("'about 30 nautical miles off Lome' (Lome resolved, TGO)")
    ),
    ("t05_beni_bulletin.txt", "The Congolese army deployed additional troops", "location_country"): (
        "places: 'to Mbau and Eringeti' (two villages no gazetteer has, after 'to' with no settlement word) are "
        "not recognised"
    ),
    ("t05_beni_bulletin.txt", "Residents of Beni staged a dead-city day", "location_country"): (
        _WHERE.format("'Residents of Beni staged a dead-city day' (Beni resolved, COD)")
    ),
    ("t06_kitwe_miners_ddmm.txt", "The union called off the strike", "source"): (
        "source: 'after management agreed ...' is taken as the source; the union's general secretary said it"
    ),
    ("t07_diffa_raids_email.txt", "Boko Haram fighters crossed from Nigeria", "location_country"): (
        "events (_where_when): the location is 'from Nigeria' (where the fighters came from), not 'the town of "
        "Bosso' (NER) they attacked"
    ),
    ("t07_diffa_raids_email.txt", "Nigerien troops shelled Boko Haram positions", "location_country"): (
        _WHERE.format("'near the Nigerian town of Damasak' (Damasak resolved, NGA)")
    ),
}


@pytest.mark.parametrize(("file", "sentence", "field"), cases(_FOLDER, _KNOWN))
def test_event_field(scored: dict[str, Any], file: str, sentence: str, field: str) -> None:
    check_field(scored, file, sentence, field)


def test_cleaning(scored: dict[str, Any]) -> None:
    """Every boilerplate line cut (PDF running headers, e-mail headers, radio cues, newsletter prompts), every body
    line kept (PDF hard wraps joined), every publication date read (the "First published" stamp beside a
    modification tag, "03/04/1998" day first, an e-mail's "Date:" header)."""
    check_cleaning(scored)


def test_html_outlet(scored: dict[str, Any]) -> None:
    """The outlet of every HTML page is read from its markup."""
    assert scored["figures"]["outlet"] == 1.0, [e for e in scored["errors"] if "outlet" in e]


def test_floors(scored: dict[str, Any]) -> None:
    """Per-field floors over the matched gold records (the session-22 figures)."""
    f = scored["figures"]
    assert f["date"] >= 0.97 and f["source"] >= 0.97 and f["factuality"] >= 0.97 and f["size"] >= 0.97
    assert f["event_type"] >= 0.95 and f["actor_country"] >= 0.94 and f["recipient_country"] >= 0.97
    assert f["location_country"] >= 0.72
