"""Event precision in the wild, session 13 (issue 3): article kinds real crawls are full of — business and markets,
sport, crime and courts, weather and disasters, obituaries and anniversaries, opinion, local government — and the
analyst findings of qa_s12 (civilians leaving coded RETREAT). Check set: tests/data/events_own_s13.jsonl (+ .md: 245
sentences, gold written before the system ran; untouched F1 0.632 with 77 extra events). Each kind below is a
general rule tested on wordings of its own (not the set's), with guards that keep the real event where one is near."""

from __future__ import annotations

import pytest
from events_helpers import conventional_types, helpers_for

_events, _types, _of = helpers_for("2026-11-23")


def _conv(text: str) -> set[str]:
    return conventional_types(_events, text)


# kind -> (text, the sentence's types under the single-category convention)
CASES = {
    # civilians who leave, abandon or move out are people moving, not a force withdrawing (qa_s12 finding)
    "civilians_moving": [
        ("Hundreds of residents left the town on Sunday.", set()),
        ("Villagers abandoned their homes before dawn.", set()),
        ('"People left with nothing," the mayor said.', set()),
        ("Thousands of families moved out of the district after the floods.", set()),
        # guards: a force leaving is a withdrawal
        ("French troops left the base at Gao on Sunday.", {"RETREAT"}),
        ("Rebel fighters abandoned their positions near Goma.", {"RETREAT"}),
    ],
    # companies (a name the actor lexicon codes as a business, or a title word) compete; they attack no one
    "companies": [
        ("Boeing attacked the narrow-body market with a new jet.", set()),
        ("Toyota stormed past Volkswagen in global sales last year.", set()),
        ("Walmart slashed prices on school supplies.", set()),
        ("The carmaker surrendered its lead in China to BYD.", set()),
        # guard: a state's sanction on a company is still one
        ("Washington imposed sanctions on Huawei.", {"SANCTION"}),
    ],
    # sports sides and sports reports: touring, surrendering a title, besieging the referee are play
    "sport": [
        ("The Pakistani cricket team will tour England in the summer.", set()),
        ("The champions surrendered the trophy after a 3-1 loss.", set()),
        ("Angry players besieged the referee at the final whistle.", set()),
        # guard: violence around a match is still violence
        ("Police arrested 40 fans after the cup final in Glasgow.", {"COERCE"}),
    ],
    # courts: guilt found is a conviction, "not guilty" an acquittal, prison sentences also an arrest (manual)
    "courts": [
        ("A court in Lima found the former minister guilty of bribery.", {"SANCTION"}),
        ("The jury found the three men not guilty of murder.", {"CONCEDE"}),
        ("A court sentenced the blogger to three years in jail.", {"SANCTION", "COERCE"}),
        ("A judge in Ankara jailed the journalist for two years.", {"SANCTION", "COERCE"}),
        ("The Supreme Court struck down the law as unconstitutional.", {"SANCTION"}),
        ("The ruling struck at the core of the reform.", set()),
        ("The decision was greeted with anger in Kyiv.", set()),
        # guard: a death sentence is a conviction only
        ("A court in Cairo sentenced six men to death.", {"SANCTION"}),
    ],
    # obituaries: the life of the dead in a relative clause on the subject of "died"/"was buried"
    "obituary": [
        ("Jimmy Carter, who brokered the Camp David accords, died at his home in Georgia.", set()),
        ("The colonel, who led the coup against the king, was buried in Tripoli.", set()),
        ("The 1972 dockers' strike shaped the union movement.", set()),
        ("She is survived by two sons.", set()),
        # guard: a dated past act told in the main clause is history, still coded
        ("In 1982, Argentine troops invaded the Falkland Islands.", {"ASSAULT"}),
    ],
    # social ills and hazards "fought" or "warned of": no one is attacked or threatened
    "social_ills": [
        ("The mayor declared war on litter.", set()),
        ("The city is waging a battle against obesity.", set()),
        ("A flood warning was issued for the Severn valley.", set()),
        ("Forecasters issued a hurricane warning for Jamaica.", set()),
        ("Thousands of residents were warned to stay indoors as the heat rose.", set()),
    ],
    # opinion: the column's own call with "we must/should" or "let us", quoting no one
    "writers_voice": [
        ("We must fight complacency before it is too late.", set()),
        ("We should welcome the migrants.", set()),
        ("Let us not surrender to despair.", set()),
    ],
    # idioms of letters, evacuated buildings, road works
    "idioms": [
        ("Voters bombarded the minister with questions.", set()),
        ("The museum was evacuated after a fire alarm.", set()),
        ("Snow blocked the mountain pass for two days.", set()),
        ("The opposition seized on the remarks.", set()),
        # markets under pressure: a price move, no demand
        ("The rouble came under pressure after the central bank cut rates.", set()),
        ("Asian shares came under heavy pressure on Monday.", set()),
    ],
    # bans from competitions and bodies suspend membership (SANCTION)
    "suspensions": [
        ("The IOC banned Belarus from the Olympics.", {"SANCTION"}),
        ("The federation banned the Russian team from the championship.", {"SANCTION"}),
    ],
    # occupations by tenants or workers are protests; police removing people coerce
    "occupy_remove": [
        ("Farm workers occupied the ministry courtyard in Athens.", {"PROTEST"}),
        ("Police removed the protesters from the square.", {"COERCE"}),
    ],
}


@pytest.mark.parametrize(
    ("text", "want"), [c for cases in CASES.values() for c in cases], ids=lambda v: str(v)[:50]
)
def test_wild_kinds(text: str, want: set[str]) -> None:
    assert _conv(text) == want


def test_quoted_we_must_is_kept() -> None:
    """The writer's-voice rule needs an unquoted sentence with no speaker: a leader's "we must" stays."""
    assert _conv('"We must attack the rebels in Kidal," the general said.')


def test_prison_sentence_modes() -> None:
    evs = _events("A court in Minsk sentenced the activist to ten years in prison.")
    assert {(e.event, e.mode) for e in evs} >= {("SANCTION", "convict"), ("COERCE", "arrest")}


def test_own_s13_floor() -> None:
    from dateline.evaluate.events import _own_s13

    out = _own_s13()
    assert out["f1"] >= 0.84 and out["extra"] <= 30
