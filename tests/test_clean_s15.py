"""A plain-text page dump whose first line is the site's name (session 15; seen on merge DEV corpus 14): the site
name is the outlet and the story's own headline further down is the title, when the lines between say so -- the
site's menu and a date line both above the headline, or a bare outlet name ("... Evening Post") with a date line
above or under the headline. Without such lines the first line stays the headline. Our own invented pages."""

from __future__ import annotations

import pytest

from dateline.clean import to_document
from dateline.model import RawArticle


def _doc(text: str):
    return to_document(RawArticle(source="page.txt", kind="txt", text=text))


BODY = ("Farmers blocked the ring road for three hours on Tuesday to protest against a new water levy, the police "
        "said.\n\nThe levy takes effect next month.")  # fmt: skip


@pytest.mark.parametrize(
    ("page", "outlet", "title"),
    [
        # masthead, menu, date line, headline
        ("Valley Sound FM\nHome | News | Sport | Podcasts\n\nPublished Tuesday 3 March 2026, 09:15\n\n"
         "Farmers block ring road over water levy\n\n" + BODY, "Valley Sound FM", "Farmers block ring road over water levy"),
        ("Radio Kestrel Live\nNews | Weather | Traffic | Contact\n\nUpdated 3 March 2026\n\n"
         "Levy protest shuts ring road\n\n" + BODY, "Radio Kestrel Live", "Levy protest shuts ring road"),
        # a bare outlet name, a date line, the headline
        ("Marlow Evening Post\n\nTuesday 3 March 2026\n\nRing road blocked by farmers\n\n" + BODY,
         "Marlow Evening Post", "Ring road blocked by farmers"),
        ("The Fenwick Herald\n\n3 March 2026\n\nWater levy protest on the ring road\n\n" + BODY,
         "The Fenwick Herald", "Water levy protest on the ring road"),
    ],
)  # fmt: skip
def test_site_name_above_the_furniture_is_the_outlet_and_the_headline_the_title(
    page: str, outlet: str, title: str
):
    doc = _doc(page)
    assert (doc.outlet, doc.title) == (outlet, title)
    assert doc.text.startswith("Farmers blocked the ring road")
    assert doc.published == "2026-03-03"


@pytest.mark.parametrize(
    "page",
    [
        # a headline and a date line over a short standfirst-less body: the first line stays the headline
        "Farmers block ring road over water levy\n\n3 March 2026\n\n" + BODY,
        # a headline and its standfirst, no menu and no outlet name: nothing moves
        "Ring road blocked for three hours\n\nA protest against the water levy\n\n" + BODY,
    ],
)
def test_a_headline_without_site_furniture_stays_the_title(page: str):
    doc = _doc(page)
    assert doc.title == page.split("\n")[0]
    assert doc.extra.get("site_title") is None
