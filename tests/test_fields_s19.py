"""Session 19 ("fields"): fixes found by the end-to-end field audit on unrest, attack and diplomacy pages
(tests/data/e2e_s19), each by kind, each kind with at least two differing sentences (invented text, none taken
from a gold set or from the e2e pages).

- cleaning (dateline/data/boilerplate/patterns.tsv): a live blog's post times on their own lines; numbered gallery
  captions and gallery buttons; share rows naming the networks; audio-player and reading-time lines; rating
  widgets; an outlet's credit line naming a wire or agency; translation credits and a copyright sentence after
  them; external-links disclaimers; paywall residue (continue-reading teasers, free-trial offers, "Log in"); consent
  banners' button rows; comment counts under a short story; author bios whose name has a particle ("de", "van");
  a live blog's controls ("Show key events only", "Pinned post"), gallery controls ("Next image", "1 of 12"), an
  old-article notice, advertisement labels, an audio player's residue and article tools ("Gift this article");
- time (dateline/time.py): "on the eve of" a day is the day before it; "hours after ..." / "minutes before ..." is
  the day the text last named, as "hours later" was;
- sizes (dateline/sizes.py): the noun of a deployment verb ("stations") is no deployment: a count of stations is no
  size of deployed people; a tally that names the dead ("the death toll rose to 21", "the number of dead rose to
  17") counts dead people (its "death"/"dead" had been read as a kind with no unit).
"""

from __future__ import annotations

import pytest

from dateline.clean import to_document
from dateline.model import RawArticle
from dateline.sizes import extract_sizes
from dateline.time import normalize

_STORY = (
    "Thousands of farmers blocked the main roads into the capital on Thursday to protest a rise in fuel prices, "
    "the interior ministry said.\n\n"
    "Riot police used water cannon to clear a bridge near the parliament late in the afternoon, witnesses said, and "
    "at least 20 people were detained.\n\n"
    "The farmers' union said it would keep its members on the roads until the government withdrew the increase, "
    "which took effect at the start of the month.\n\n"
    "Opposition parties called for an emergency session of parliament and accused the government of ignoring rural "
    "voters, whose incomes have fallen for three years in a row.\n"
)


def _doc(text: str):
    return to_document(RawArticle(source="page.txt", kind="txt", text=text, given={}))


def _page(line: str, where: str = "middle") -> str:
    head = "Farmers block roads into the capital\n\n"
    paras = _STORY.split("\n\n")
    if where == "end":
        return head + "\n\n".join(paras) + f"\n\n{line}\n"
    return head + "\n\n".join(paras[:2] + [line] + paras[2:])


def _kept(doc) -> None:
    for para in _STORY.split("\n\n"):
        assert para.strip() in doc.text


# ---------------------------------------------------------------- page furniture of live blogs, galleries, players


@pytest.mark.parametrize(
    "line",
    [
        "14:05 BST",
        "2.45pm GMT",
        "Posted at 16:20 CET",
        "Image 3 of 12: Farmers sit on a tractor outside the ministry.",
        "Photo 5/9: A police line on the bridge",
        "View the full gallery",
        "See all 14 photos",
        "Share this: WhatsApp | Email | Print",
        "Share: Facebook Twitter LinkedIn",
        "Listen to this story (6 minutes)",
        "Reading time: 5 minutes",
        "Rate this story: ★ ★ ★ ★ ★",
        "Was this article helpful? Yes No",
        "Reject all | Accept all | Cookie settings",
        "Necessary cookies only · Manage options",
        "Continue reading: subscribers only. Join today.",
        "Claim your 30-day free trial today.",
        "Already have an account? Sign in",
        "Sign in | Register",
        "Show key events only",
        "Pinned post",
        "3 new updates",
        "Jump to latest update",
        "Refresh the page for the latest updates",
        "Next image",
        "1 of 12",
        "This article is more than 2 years old",
        "Advertisement - scroll to continue",
        "Skip Advertisement",
        "Listen · 3:41",
        "Your browser does not support the audio element.",
        "Gift this article",
        "Copy link to clipboard",
    ],
)
def test_page_furniture_lines_are_cut(line: str) -> None:
    doc = _doc(_page(line))
    assert line not in doc.text
    _kept(doc)


@pytest.mark.parametrize(
    "line",
    [
        "The Highland Courier with Reuters and AP",
        "Harbour Times / Coastal News Agency",
        "Staff and agencies",
        "Translated from the Portuguese by Ana Gil.",
        "Translated from Arabic by a staff writer. Copyright 2024 Desert Wire.",
        "The Valley Record is not responsible for the content of external websites.",
        "Readers' comments: 14",
        "3 comments",
    ],
)
def test_credit_and_footer_lines_are_cut(line: str) -> None:
    doc = _doc(_page(line, "end"))
    assert line not in doc.text
    assert "Copyright 2024" not in doc.text
    _kept(doc)


@pytest.mark.parametrize(
    "bio",
    [
        "Ana van der Berg is the Courier's agriculture correspondent. She joined in 2015.",
        "Pieter de Wit has been a reporter for the Valley Record since 2011.",
    ],
)
def test_author_bio_with_a_name_particle_is_cut(bio: str) -> None:
    doc = _doc(_page(bio, "end"))
    assert bio.split(".")[0] not in doc.text
    _kept(doc)


@pytest.mark.parametrize(
    "line",
    [
        "At 14:05 GMT the first tractors reached the bridge, police said.",
        "Translated from Arabic, the letter says the army will withdraw.",
        "The farmers sued under the new law, the union said. Copyright Office officials declined to comment.",
        "Farmers shared photos of the clashes on Facebook and Twitter, the union said.",
        "The union's leader told reporters she would log in to the ministry's system to file the complaint.",
        "Live coverage of the vote continues on state television, the editors said.",
        "Key events of the week were listed by the ministry on Friday.",
        "Breaking news rarely reaches the villages, residents said.",
    ],
)
def test_prose_with_the_same_words_stays(line: str) -> None:
    doc = _doc(_page(line))
    assert line in doc.text


# ---------------------------------------------------------------- time: "the eve of", "hours after"


@pytest.mark.parametrize(
    ("text", "anchor", "span", "value"),
    [
        (
            "The parties signed a deal on the eve of Friday's vote.",
            "2023-05-13",
            "the eve of Friday",
            "2023-05-11",
        ),
        (
            "Protesters gathered on the eve of the June 4 anniversary.",
            "2019-06-05",
            "the eve of the June 4",
            "2019-06-03",
        ),
        (
            "Troops were put on alert on the eve of Christmas Day.",
            "2015-12-27",
            "the eve of Christmas Day",
            "2015-12-24",
        ),
    ],
)
def test_eve_of_a_day_is_the_day_before(text: str, anchor: str, span: str, value: str) -> None:
    got = [(t.text, t.value) for t in normalize(text, anchor)]
    assert (span, value) in got


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Rebels shelled the town on Monday. The army struck back hours after the shelling ended.",
            "2022-03-07",
        ),
        (
            "The talks collapsed on 2 March. Minutes after the delegates left, police sealed the hotel.",
            "2022-03-02",
        ),
    ],
)
def test_hours_after_is_the_day_last_named(text: str, value: str) -> None:
    got = {t.text.lower(): t.value for t in normalize(text, "2022-03-09")}
    assert value in got.values()
    assert [v for k, v in got.items() if k.startswith(("hours", "minutes"))] == [value]


def test_hours_after_with_no_day_named_is_no_date() -> None:
    assert not [t for t in normalize("The army struck back hours after the shelling ended.", "2022-03-09")]


def test_eve_alone_is_no_date() -> None:
    assert not normalize("The eve of the summit was calm in the capital.", "2022-03-09")


# ---------------------------------------------------------------- sizes: "stations" is no deployment


@pytest.mark.parametrize(
    "text",
    [
        "Crowds looted three petrol stations on Friday.",
        "Gunmen raided two railway stations in the north.",
        "Youths torched four bus stations overnight, residents said.",
    ],
)
def test_counted_stations_are_no_deployment(text: str) -> None:
    assert not [s for s in extract_sizes(text) if s.kind == "deployed"]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("About 300 troops stationed in the north were put on alert.", 300, "troops"),
        ("Some 40 engineers were dispatched to the port.", 40, "people"),
        ("The army stationed 200 soldiers near the border.", 200, "troops"),
    ],
)
def test_deployment_verbs_still_count(text: str, value: int, unit: str) -> None:
    sizes = [(s.min, s.unit, s.kind) for s in extract_sizes(text)]
    assert (value, unit, "deployed") in sizes


# ---------------------------------------------------------------- sizes: a tally naming the dead counts people


@pytest.mark.parametrize(
    "text",
    [
        "The death toll climbed to 12 on Friday, the health ministry said.",
        "The number of dead rose to 17 overnight, according to the Red Crescent.",
        "By Monday the death toll had reached 48.",
    ],
)
def test_death_toll_counts_dead_people(text: str) -> None:
    sizes = [(s.unit, s.kind) for s in extract_sizes(text)]
    assert sizes == [("people", "dead")]


def test_a_tally_of_troops_stays_troops() -> None:
    sizes = [(s.min, s.unit, s.kind) for s in extract_sizes("The number of troops in the city rose to 500.")]
    assert sizes == [(500, "troops", None)]
