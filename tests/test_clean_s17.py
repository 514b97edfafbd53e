"""Session 17: plain-text pages of outlets Dateline does not know (dateline/clean.py, boilerplate patterns).

Kinds, each with at least two differing pages (invented outlets and text):
- a masthead line of an unknown outlet above the headline ("NAME - DATE - CITY", "NAME | DATE | SECTION",
  "NAME · DATE", "NAME, DATE") names the outlet and dates the page, and is cut;
- a newsletter header (a bare name line over a date or issue line) does too, and the line under it is the headline;
- section lines between the masthead and the headline (all caps, breadcrumbs) are cut;
- a title line without a final full stop is the title, never left above (and glued to) the first body sentence;
- newsletter footers, "By our X correspondent" lines, a copyright line (which names the outlet) and a bare name
  line over it are cut;
- and what is not a masthead stays as it was (a Title Case headline over a date line; an ambiguous slash date).
"""

from __future__ import annotations

from dateline.clean import to_document
from dateline.model import RawArticle


def _doc(text: str):
    return to_document(RawArticle(source="page.txt", kind="txt", text=text))


def _first_para(doc) -> str:
    return doc.text.split("\n\n")[0]


# ---------------------------------------------------------------- masthead line with a date


def test_dash_masthead_with_city_names_the_outlet():
    doc = _doc(
        "Kivu Evening - Thursday, 14 January 2027 - Goma\n\nRebels seize lakeside town\n\n"
        "Rebel fighters took the town of Minova on Wednesday, the provincial governor said.\n\n"
        "Hundreds of families fled towards Goma by boat."
    )
    assert doc.outlet == "Kivu Evening"
    assert doc.published == "2027-01-14"
    assert doc.title == "Rebels seize lakeside town"
    assert _first_para(doc).startswith("Rebel fighters took the town")
    assert "Kivu Evening" not in doc.text


def test_middot_and_comma_mastheads_name_the_outlet():
    doc = _doc(
        "Atacama Lines · Sunday 3 January 2027 · Antofagasta\n\nPort workers end blockade\n\n"
        "Dock workers lifted their blockade of the port of Antofagasta on Saturday, the union said.\n\n"
        "Copper shipments are expected to resume on Monday."
    )
    assert (doc.outlet, doc.published, doc.title) == (
        "Atacama Lines",
        "2027-01-03",
        "Port workers end blockade",
    )
    doc = _doc(
        "Tasman Notes, Friday 8 January 2027\n\nFerry strike called off\n\n"
        "Ferry crews in Wellington called off a planned strike after talks with the operator, their union said.\n\n"
        "Sailings will run as normal this weekend."
    )
    assert (doc.outlet, doc.published, doc.title) == ("Tasman Notes", "2027-01-08", "Ferry strike called off")
    assert "Tasman Notes" not in doc.text


# ---------------------------------------------------------------- newsletter headers


def test_newsletter_name_over_date_line():
    doc = _doc(
        "Caucasus Brief\nTuesday 12 January 2027 | South Caucasus\n\nYerevan and Baku swap detainees\n\n"
        "Armenia and Azerbaijan exchanged four detainees at the border on Monday, both governments said.\n\n"
        "Caucasus Brief is a free weekly newsletter; forward it to a colleague."
    )
    assert (doc.outlet, doc.published) == ("Caucasus Brief", "2027-01-12")
    assert doc.title == "Yerevan and Baku swap detainees"
    assert doc.text.startswith("Armenia and Azerbaijan exchanged")
    assert "South Caucasus" not in doc.text and "newsletter" not in doc.text


def test_newsletter_issue_lines_are_cut_and_caps_name_spelled_as_in_text():
    doc = _doc(
        "SAHEL LETTER | Weekly | Issue 33\nWednesday 6 January 2027 | Security\n\nMali reopens northern road\n\n"
        "Malian troops reopened the road between Gao and Menaka on Tuesday, the army said.\n\n"
        "Sahel Letter is a free weekly newsletter. Forward it to a colleague."
    )
    assert doc.outlet == "Sahel Letter"
    assert doc.published == "2027-01-06"
    assert doc.title == "Mali reopens northern road"
    assert doc.text == "Malian troops reopened the road between Gao and Menaka on Tuesday, the army said."
    doc = _doc(
        "Andean Roundup\nEdition 7 | 9 January 2027\n\nBolivia frees detained truckers\n\n"
        "Bolivian police released 30 truck drivers detained at a road block near Oruro on Friday, officials said."
    )
    assert (doc.outlet, doc.published, doc.title) == (
        "Andean Roundup",
        "2027-01-09",
        "Bolivia frees detained truckers",
    )
    assert "Edition 7" not in doc.text


# ---------------------------------------------------------------- section lines


def test_caps_section_line_between_masthead_and_headline():
    doc = _doc(
        "The Pacific Ledger · Issue 12 · 2 January 2027\n\nREGION\n\nFiji and Tonga sign fisheries pact\n\n"
        "Fiji and Tonga signed a fisheries agreement in Suva on Friday, officials said."
    )
    assert doc.outlet == "The Pacific Ledger" and doc.title == "Fiji and Tonga sign fisheries pact"
    assert doc.text == "Fiji and Tonga signed a fisheries agreement in Suva on Friday, officials said."
    doc = _doc(
        "Nile Valley Roundup\nEdition 4 | 5 January 2027\n\nTOP STORY\n\nSudan reopens Port Sudan airport\n\n"
        "Sudanese authorities reopened the airport in Port Sudan on Monday after a drone attack, officials said."
    )
    assert doc.title == "Sudan reopens Port Sudan airport" and "TOP STORY" not in doc.text


def test_breadcrumb_line_under_a_name_line():
    doc = _doc(
        "Balkan Window\nHome > Region > Bosnia\n\nPublished 11 January 2027\n\nMostar bridge closed after flood\n\n"
        "Authorities in Mostar closed the Old Bridge to visitors on Sunday after the Neretva flooded, police said."
    )
    assert (doc.outlet, doc.published, doc.title) == (
        "Balkan Window",
        "2027-01-11",
        "Mostar bridge closed after flood",
    )
    assert "Home >" not in doc.text
    doc = _doc(
        "Gulf Pearl Daily » Region » Oman\n\n4 January 2027\n\nOman frees stranded sailors\n\n"
        "Omani coast guards rescued 12 sailors from a stranded tanker off Duqm on Sunday, the ministry said."
    )
    assert doc.title == "Oman frees stranded sailors" and "Region" not in doc.text


# ---------------------------------------------------------------- the title is never glued to the body


def test_title_without_full_stop_is_not_left_above_the_first_sentence():
    for text, title, first in (
        (
            "Danube Courier Weekly\nIssue 88 | Saturday, 9 January 2027\n\nHungary shuts border crossing\n\n"
            "Hungary closed the Roszke crossing on Friday after a riot, police said.",
            "Hungary shuts border crossing",
            "Hungary closed the Roszke crossing",
        ),
        (
            "Zagros Morning - Monday, 11 January 2027 - Erbil\n\nKurdish region pays salaries\n\n"
            "The Kurdistan regional government began paying public salaries on Sunday, its finance ministry said.",
            "Kurdish region pays salaries",
            "The Kurdistan regional government",
        ),
    ):
        doc = _doc(text)
        assert doc.title == title
        assert doc.text.startswith(first)
        assert title not in doc.text


# ---------------------------------------------------------------- footers and bylines


def test_newsletter_footers_are_cut():
    doc = _doc(
        "Lake Chad Notes\n12 January 2027\n\nNiger troops return to Diffa\n\n"
        "Nigerien troops returned to Diffa on Monday, the army said.\n\n"
        "You received this email because you subscribed to Lake Chad Notes.\n\nUnsubscribe | Manage preferences"
    )
    assert doc.text == "Nigerien troops returned to Diffa on Monday, the army said."
    doc = _doc(
        "Ferry services resume in the Aegean\n\nGreek ferries sailed again on Tuesday after a two-day strike, "
        "the seamen's union said.\n\nYou are receiving this because you signed up for Aegean Daily.\n\n"
        "View this in your browser | Unsubscribe"
    )
    assert doc.text.endswith("the seamen's union said.")


def test_beat_correspondent_byline_is_cut():
    for line in ("By our mountain correspondent", "By our diplomatic staff", "by a special correspondent"):
        doc = _doc(
            f"Avalanche cuts Salang highway\n\n{line}\n\n"
            "An avalanche blocked the Salang pass on Saturday, stranding hundreds of lorries, officials said."
        )
        assert doc.text.startswith("An avalanche blocked"), line


def test_copyright_line_names_the_outlet_and_the_name_line_over_it_goes():
    doc = _doc(
        "Caspian ministers meet over pipeline\n\nEnergy ministers of three countries met in Baku on Saturday, "
        "the ministry said.\n\nRussia opposes the project.\n\nKura Review\n\n© 2027 Kura Review. All rights reserved."
    )
    assert doc.outlet == "Kura Review"
    assert doc.text.endswith("Russia opposes the project.")
    doc = _doc(
        "Dock strike ends in Mombasa\n\nDock workers in Mombasa went back to work on Monday, their union said.\n\n"
        "Copyright 2027 The Coast Mirror"
    )
    assert doc.outlet == "The Coast Mirror"
    assert "Copyright" not in doc.text


# ---------------------------------------------------------------- not a masthead


def test_title_case_headline_over_a_date_line_stays_the_title():
    doc = _doc(
        "Troops Pour Into Border Town\n\n12 March 2027\n\nSoldiers arrived in the town of Ruma on Sunday, "
        "residents said.\n\nShops stayed shut."
    )
    assert doc.title == "Troops Pour Into Border Town"
    assert doc.outlet is None
    assert doc.text.startswith("Soldiers arrived")


def test_ambiguous_slash_date_is_not_a_masthead_date():
    doc = _doc(
        "Harbour Bell\n\n03/04/2027\n\nCrane collapse halts port\n\n"
        "A crane collapsed at the container terminal on Monday, injuring two workers, the port said."
    )
    assert doc.published != "2027-03-04"  # day and month cannot be told apart
    doc = _doc(
        "Harbour Bell\n\n04/04/2027\n\nCrane collapse halts port\n\n"
        "A crane collapsed at the container terminal on Monday, injuring two workers, the port said."
    )
    assert (doc.outlet, doc.published, doc.title) == (
        "Harbour Bell",
        "2027-04-04",
        "Crane collapse halts port",
    )


def test_caps_place_over_a_date_is_not_an_outlet():
    doc = _doc(
        "ODESA | 14 January 2027\n\nGrain ship leaves port\n\n"
        "A grain ship left Odesa on Wednesday under naval escort, the port authority said."
    )
    assert doc.outlet != "ODESA"
    doc = _doc(
        "HARGEISA - Friday, 15 January 2027\n\nCamel traders protest levy\n\n"
        "Camel traders marched through Hargeisa on Thursday against a new export levy, witnesses said."
    )
    assert doc.outlet != "HARGEISA"


# ---------------------------------------------------------------- floor for the check set (cleaning only)


def test_messy_s17_cleaning_floor():
    """tests/fixtures/messy_s17 (batch 5 of `dateline eval messy`), its cleaning fields alone: every gold cut line
    gone, every keep sentence kept, outlet, title and publication date as the gold gives them."""
    import json
    from pathlib import Path

    from dateline.evaluate.messy import BATCH5_DIR, _norm, _outlet_key

    rows = [json.loads(x) for x in (BATCH5_DIR / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x]
    misses = []
    for g in rows:
        path = Path(BATCH5_DIR / g["file"])
        doc = to_document(RawArticle(source=str(path), kind="txt", text=path.read_text(encoding="utf-8")))
        text = _norm(doc.text)
        misses += [(g["file"], "left", c) for c in g["cut"] if _norm(c) in text]
        misses += [(g["file"], "lost", k) for k in g["keep"] if _norm(k) not in text]
        if _outlet_key(doc.outlet) != _outlet_key(g["outlet"]):
            misses.append((g["file"], "outlet", doc.outlet))
        if doc.title != g["title"] or doc.published != g["published"]:
            misses.append((g["file"], "title/published", (doc.title, doc.published)))
    assert not misses, misses


def test_news_label_over_a_date_is_no_outlet():
    # a page's news label in the masthead position ("Breaking News | DATE") is cut and dates the page, but it is no
    # outlet's name
    for label, sep in (("Breaking News", " | "), ("Latest Updates", " - ")):
        doc = _doc(
            f"{label}{sep}Thursday, 14 January 2027{sep}World\n\nFerry strike called off\n\n"
            "Ferry crews in Wellington called off a planned strike after talks with the operator, their union said.\n\n"
            "Sailings will run as normal this weekend."
        )
        assert doc.outlet is None
        assert doc.published == "2027-01-14"
        assert doc.title == "Ferry strike called off"
        assert label not in doc.text
