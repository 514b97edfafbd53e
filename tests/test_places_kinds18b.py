"""Issue 6, places, round 22 (session 18, second round): leftovers of round 21 by kind. A world region ("the
Sahel") within whose reach the text names two or more countries is that region, not one country's namesake admin
area; a name whose readings are all small towns loses those far from every anchor city of the text that lie in
a region named only by a name that is also a big city ("Edgewood" in an Atlanta story that names Washington: not
Edgewood, Washington, which would pull "Washington" to the state). Data: Mali's Gao region at its own point
(admin1.tsv). Sentences are our own writing; resolution tests
pass the names (gold style, no spaCy) so they are fast."""

from __future__ import annotations

import pytest
from places_helpers import km_from, places_by_text

# ------------------------------------------------------------------ a world region over a namesake admin area


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Jihadist attacks across the Sahel have displaced millions in Mali, Burkina Faso and Niger, the UN "
            "said, as families fled Djibo and Kaya.",
            ["Sahel", "Mali", "Burkina Faso", "Niger", "Djibo", "Kaya"],
        ),
        (
            "Aid agencies warned that a poor harvest in the Sahel would hit families in Burkina Faso and Niger "
            "hardest, as grain prices in Ouagadougou doubled.",
            ["Sahel", "Burkina Faso", "Niger", "Ouagadougou"],
        ),
    ],
)
def test_world_region_over_admin_when_several_countries(text: str, names: list[str]) -> None:
    p = places_by_text(text, names)["Sahel"]
    assert p.country is None, p  # the region, not Burkina Faso's Sahel region
    assert km_from(p, 15.0, 0.0) < 200


def test_admin_region_stays_when_only_its_country_is_named() -> None:
    text = "Food no longer reaches Djibo in the Sahel region of Burkina Faso, residents told reporters in Ouagadougou."
    p = places_by_text(text, ["Djibo", "Sahel", "Burkina Faso", "Ouagadougou"])["Sahel"]
    assert p.country == "BFA", p


# ------------------------------------------------------------------ Mali's Gao region at its own point (data)


def test_stated_country_keeps_the_small_namesake() -> None:
    text = "Farmers in Gao, Burkina Faso, said the rains came late, while traders in Mali raised prices."
    p = places_by_text(text, ["Gao", "Burkina Faso", "Mali"])["Gao"]
    assert p.country == "BFA", p


def test_gao_region_point() -> None:
    text = "Gunmen attacked a convoy in the Gao region of Mali, the army said."
    p = places_by_text(text, ["Gao region", "Mali"])["Gao region"]
    assert p.country == "MLI", p
    assert km_from(p, 16.5, 0.5) < 100


# ------------------------------------------------------------------ a small namesake far from the text's anchors


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Residents of Edgewood packed a meeting in Atlanta on Tuesday to oppose the new rail yard. Lawmakers "
            "in Washington have promised federal money, and work would begin in Decatur next year.",
            ["Edgewood", "Atlanta", "Washington", "Decatur"],
        ),
        (
            "A new grocery store will open in Edgewood this spring, the Atlanta City Council said, after a grant "
            "from Washington came through.",
            ["Edgewood", "Atlanta", "Washington"],
        ),
    ],
)
def test_small_namesake_does_not_pull_the_big_name(text: str, names: list[str]) -> None:
    got = places_by_text(text, names)
    assert got["Edgewood"].admin1 != "Washington", got["Edgewood"]
    assert got["Washington"].admin1 == "District of Columbia", got["Washington"]


def test_small_namesake_with_its_state_stated_stays() -> None:
    text = "A family from Edgewood, Washington, was hurt in a crash near Atlanta, police said."
    got = places_by_text(text, ["Edgewood", "Washington", "Atlanta"])
    assert got["Edgewood"].admin1 == "Washington", got["Edgewood"]
