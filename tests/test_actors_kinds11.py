"""Session 11 (issue 3): the last kinds found this session -- a bare title takes its story's country, unidentified
attackers are UAF, military sites are the military, legislatures by adjective, the pope is the Holy See's, and a
lone surname of a minor derived figure does not beat a town of that name. The check set below was written by hand
(general knowledge and own sentences, no evaluation data) and saved before the system was run on it."""

from __future__ import annotations

import pytest

from dateline.actors import ActorResolver, code_actor
from dateline.nlp import parse

_DATE = "2023-06-01"


def _coded(text: str, context: str | None = None, date: str | None = _DATE) -> tuple[str | None, str | None]:
    a = code_actor(text, context, date=date)
    return a.country, a.sector


def _resolved(text: str, mention: str, published: str = "2024-05-10") -> tuple[str | None, str | None]:
    doc = parse(text, published)
    start = text.index(mention)
    a = ActorResolver(doc).resolve(start, start + len(mention))
    return a.country, a.sector


def test_a_bare_title_takes_the_story_country_not_a_default() -> None:
    text = (
        "Strike in Argentina\n\nThousands of union workers marched through Buenos Aires on Thursday against wage "
        "cuts. The president said the strike would not change his plans.\n"
    )
    assert _resolved(text, "The president") == ("ARG", "GOV")


def test_a_bare_title_is_not_read_as_another_state_the_story_names() -> None:
    text = (
        "Argentine pension protest\n\nPensioners clashed with police outside Congress in Buenos Aires on Wednesday. "
        "The president vowed to veto the bill, which lawmakers passed last week.\n"
    )
    assert _resolved(text, "The president")[0] == "ARG"


@pytest.mark.parametrize(
    "text, context, want",
    [
        ("the president", "ARG", ("ARG", "GOV")),
        ("the president", "Buenos Aires braced for another general strike.", ("ARG", "GOV")),
        ("the president", None, (None, "GOV")),  # no context: no country at all, never a default one
        ("the prime minister", "Lima", ("PER", "GOV")),
    ],
)
def test_bare_titles_by_context(text: str, context: str | None, want: tuple[str | None, str]) -> None:
    assert _coded(text, context) == want


@pytest.mark.parametrize(
    "text, want",
    [
        ("masked men", "UAF"),
        ("two masked men", "UAF"),
        ("unidentified men", "UAF"),
        ("unidentified gunmen", "UAF"),
        ("unidentified assailants", "UAF"),
        ("unknown attackers", "UAF"),
        ("a suicide bomber", "UAF"),
        ("suicide bombers", "UAF"),
        ("hooded men", "UAF"),
    ],
)
def test_unidentified_attackers_are_uaf(text: str, want: str) -> None:
    assert _coded(text)[1] == want


@pytest.mark.parametrize(
    "text, want",
    [
        ("an al-Shabaab suicide bomber", "REB"),  # a named group keeps its own sector
        pytest.param(
            "a Taliban suicide bomber",
            "REB",
            # untouched gold; the Taliban of 2023 are coded as Afghanistan's government (GOV) by the date model
            marks=pytest.mark.xfail(strict=True, reason="the Taliban rule Afghanistan on the test date"),
        ),
        ("men", "UNK"),  # people with no word of violence stay unknown
        ("two women", "UNK"),
    ],
)
def test_a_named_group_or_no_violence_keeps_its_code(text: str, want: str) -> None:
    assert _coded(text)[1] == want


@pytest.mark.parametrize(
    "text, context, want",
    [
        ("the airbase", "Syria", ("SYR", "MIL")),
        ("the air base", "Russia", ("RUS", "MIL")),
        ("a command post", "Israel", ("ISR", "MIL")),
        ("army positions", "Ukraine", ("UKR", "MIL")),
        ("Ukrainian army positions", None, ("UKR", "MIL")),
        ("a Russian military base", None, ("RUS", "MIL")),
        ("the base", "Iraq", ("IRQ", "MIL")),
        ("an army outpost", "Mali", ("MLI", "MIL")),
        ("military positions", "Sudan", ("SDN", "MIL")),
    ],
)
def test_military_sites_are_the_military(text: str, context: str | None, want: tuple[str, str]) -> None:
    assert _coded(text, context) == want


@pytest.mark.parametrize(
    "text, want",
    [
        ("a rebel base", "REB"),  # a site held by someone else is theirs
        ("an insurgent outpost", "REB"),
        ("a militia base", "PRM"),
    ],
)
def test_a_site_of_an_armed_group_is_the_group(text: str, want: str) -> None:
    assert _coded(text)[1] == want


@pytest.mark.parametrize(
    "text, context, want",
    [
        ("the Duma", None, ("RUS", "LEG")),
        ("Duma deputies", None, ("RUS", "LEG")),
        ("US congressional leaders", None, ("USA", "LEG")),
        ("congressional leaders", "USA", ("USA", "LEG")),
        ("congressional Republicans", "USA", ("USA", "LEG")),
        ("parliamentary leaders", "India", ("IND", "LEG")),
    ],
)
def test_legislatures(text: str, context: str | None, want: tuple[str, str]) -> None:
    assert _coded(text, context) == want


@pytest.mark.parametrize(
    "text, date, want",
    [
        pytest.param(
            "Pope Francis",
            "2020-01-01",
            ("VAT", "REL"),
            # untouched gold (PLOVER); NGEC's own cases code the pope with no country and are a guard
            marks=pytest.mark.xfail(strict=True, reason="NGEC convention: the pope has no country"),
        ),
        pytest.param(
            "Pope Leo XIV",
            "2025-06-01",
            ("VAT", "REL"),
            marks=pytest.mark.xfail(strict=True, reason="NGEC convention: the pope has no country"),
        ),
        ("the Vatican", None, ("VAT", None)),
    ],
)
def test_the_pope_is_the_holy_see(text: str, date: str | None, want: tuple[str, str | None]) -> None:
    assert _coded(text, date=date) == want


@pytest.mark.parametrize(
    "text, context, want",
    [
        ("Saada", None, "YEM"),
        ("Saada", "Yemen", "YEM"),
        ("the governor of Saada", None, "YEM"),
    ],
)
def test_a_town_beats_a_minor_figure_surname(text: str, context: str | None, want: str) -> None:
    a = code_actor(text, context, date=_DATE)
    assert a.country == want and a.kind != "person"


def test_a_town_in_running_text_is_not_a_person() -> None:
    text = (
        "Airstrikes in northern Yemen\n\nAirstrikes hit Saada on Monday, residents said. Houthi officials in "
        "Saada said ten people died.\n"
    )
    doc = parse(text, "2024-05-10")
    start = text.index("Saada")
    a = ActorResolver(doc).resolve(start, start + 5)
    assert a.kind != "person" and a.country == "YEM"


def test_the_full_name_is_still_the_person() -> None:
    assert code_actor("Jacques Saada", date="2004-03-01").kind == "person"


def test_the_wire_dateline_weighs_for_the_story_country() -> None:
    text = (
        "Cuts defended\n\nBUENOS AIRES (Reuters) - Argentina's economy shrank again, figures showed on Monday. "
        "The president, who met U.S. officials in Washington last week, said the worst was over.\n"
    )
    doc = parse(text, "2025-03-03")
    doc.extra["wire_dateline"] = {"place": "BUENOS AIRES"}  # as dateline.clean records it
    start = text.index("The president")
    a = ActorResolver(doc).resolve(start, start + len("The president"))
    assert (a.country, a.sector) == ("ARG", "GOV")
