"""Session 17, link speed (issue 7): the shortcuts of the compare loop give the answers of the full comparison.

`_places_veto` lets `_choose` skip `_compare` for a pair located in two countries that nothing excuses; it must
never say "vetoed" for a pair `_compare` would not veto, and it should catch every pair `_components` vetoes for
"places in different countries". `_loc_named` (word sets kept on a mention) must answer as `_names` does, and the
distance memo as `distance_km`. Pairs are merge features built directly from a fixed random draw (no extraction).
"""

from __future__ import annotations

import random

from dateline.link import merge as M
from dateline.link.merge import (
    _compare,
    _components,
    _Feat,
    _km,
    _loc_named,
    _name_sets,
    _names,
    _places_veto,
)
from dateline.places import distance_km

# name, country, lat, lon, feature: two towns of one name in two countries (a namesake), a capital (a seat), a
# province, a country and a sea (broad), towns near and far from each other
PLACES = [
    ("Tapa", "EST", 59.26, 25.96, "city"),
    ("Narva", "EST", 59.38, 28.19, "city"),
    ("Tallinn", "EST", 59.44, 24.75, "city"),
    ("Riga", "LVA", 56.95, 24.11, "city"),
    ("Liepaja", "LVA", 56.51, 21.01, "city"),
    ("Valga", "EST", 57.78, 26.05, "city"),
    ("Valga", "LVA", 57.77, 26.02, "city"),
    ("Tavush", "ARM", 40.88, 45.15, "admin"),
    ("Berkaber", "ARM", 41.03, 45.20, "city"),
    ("Latvia", "LVA", 56.88, 24.60, "country"),
    ("Baltic Sea", "EST", 58.50, 20.00, "water"),
    ("Mae Sot", "THA", 16.71, 98.57, "city"),
    ("Myawaddy", "MMR", 16.69, 98.51, "city"),
    ("Douentza Timbuktu road", "MLI", 15.00, -2.95, "site"),
]
COUNTRIES = ["EST", "LVA", "ARM", "THA", "MMR", "MLI", "RUS"]
WORDS = ["tapa", "narva", "riga", "valga", "liepaja", "myawaddy", "road", "douentza", "timbuktu", "troops", "strike",
         "sot", "mae", "berkaber", "tavush", "arrived"]  # fmt: skip


def _loc(p: tuple) -> list:
    return [p[0], p[1], p[2], p[3], p[4], p[0], 5.0]


def _pl(p: tuple) -> list:
    return [p[0], p[2], p[3], p[1], p[4], p[0]]


def _draw(rng: random.Random, k: int) -> _Feat:
    side = lambda: rng.sample(COUNTRIES, rng.choice([0, 1, 1, 1, 2]))  # noqa: E731
    return _Feat(
        id=f"e{k}", doc=f"d{k}", type=rng.choice(["ASSAULT", "MOBILIZE", "SANCTION", "CONSULT"]),
        lo=739000 + rng.randint(0, 2), hi=None, dsrc=rng.choice(["text", "published"]), fact="asserted",
        actors=side(), recips=side(), place=_loc(rng.choice(PLACES)) if rng.random() < 0.9 else None,
        places=[_pl(p) for p in rng.sample(PLACES, rng.choice([0, 0, 1, 2]))],
        words=sorted(set(rng.sample(WORDS, rng.randint(0, 5)))),
    )  # fmt: skip


def _pairs(n: int) -> list[tuple[_Feat, _Feat]]:
    rng = random.Random(17)
    return [(_draw(rng, 2 * i), _draw(rng, 2 * i + 1)) for i in range(n)]


def test_places_veto_only_where_the_full_comparison_vetoes() -> None:
    caught = excused = 0
    for a, b in _pairs(2000):
        _, ev = _compare(a, b)
        if _places_veto(a, b):
            assert "veto" in ev, (a, b, ev)
            caught += 1
        elif a.L and b.L and a.L[1] != b.L[1]:
            excused += 1
        # ...and every pair the place branch vetoes for two countries is caught by the shortcut
        if str(ev.get("veto", "")).startswith("places in different countries"):
            assert _places_veto(a, b), (a, b, ev)
    assert caught > 300 and excused > 300  # both outcomes are exercised, the excuses too


def test_places_veto_is_no_veto_for_each_excuse() -> None:
    # a namesake read in a party's country, a place the other sentence names, and an actor's seat: each excuses
    # two countries, and the shortcut must leave the pair to the full comparison
    valga_est, valga_lva = _loc(PLACES[5]), _loc(PLACES[6])
    base = dict(doc="d1", type="ASSAULT", lo=739000, hi=739000, dsrc="text", fact="asserted")
    a = _Feat(id="a", **base, actors=["RUS"], recips=["EST"], place=valga_est)  # type: ignore[arg-type]
    b = _Feat(id="b", **{**base, "doc": "d2"}, actors=["RUS"], recips=["EST"], place=valga_lva)  # type: ignore[arg-type]
    assert not _places_veto(a, b)
    c = _Feat(id="c", **{**base, "doc": "d3"}, actors=["RUS"], place=_loc(PLACES[3]),  # type: ignore[arg-type]
              words=["valga", "troops"])  # fmt: skip
    assert not _places_veto(a, c)
    seat = _Feat(id="s", **{**base, "doc": "d4", "type": "SANCTION"}, actors=["LVA"], recips=["RUS"],  # type: ignore[arg-type]
                 place=_loc(PLACES[3]))  # fmt: skip
    other = _Feat(id="o", **{**base, "doc": "d5", "type": "SANCTION"}, actors=["LVA"], recips=["RUS"],  # type: ignore[arg-type]
                  place=_loc(PLACES[11]))  # fmt: skip
    assert not _places_veto(seat, other)
    far = _Feat(id="f", **{**base, "doc": "d6"}, actors=["RUS"], recips=["EST"], place=_loc(PLACES[11]))  # type: ignore[arg-type]
    assert _places_veto(a, far) and "veto" in _compare(a, far)[1]


def test_location_words_answer_as_names() -> None:
    rng = random.Random(7)
    for a, b in _pairs(1500):
        if a.L:
            assert _loc_named(a, b.W) == _names(a.L, b.W)
        words = frozenset(rng.sample(WORDS, rng.randint(0, 8)))
        for p in PLACES:
            loc = _loc(p)
            assert any(w <= words for w in _name_sets(loc)) == _names(loc, words)
    assert _name_sets(_loc(PLACES[9])) == ()  # a country: never "named" by its words


def test_distance_memo_gives_the_haversine_distance() -> None:
    M._KM.clear()
    for p in PLACES:
        for q in PLACES:
            want = 0.0 if p[2:4] == q[2:4] else distance_km(p[2:4], q[2:4])
            assert _km(_loc(p), _loc(q)) == want
            assert _km(_loc(p), _loc(q)) == want  # from the memo
    assert _km([None, None, None, None], _loc(PLACES[0])) is None


def test_components_unchanged_by_kept_word_sets() -> None:
    # the place branch reads the location's kept word sets: "the strike on the Douentza-Timbuktu road" vs a report
    # located at that road names it; another road's report does not
    road = _loc(PLACES[13])
    base = dict(type="ASSAULT", lo=739000, hi=739000, dsrc="text", fact="asserted", actors=["MLI"])
    a = _Feat(id="a", doc="d1", place=road, **base)  # type: ignore[arg-type]
    b = _Feat(id="b", doc="d2", place=_loc(("Mopti", "MLI", 14.49, -4.20, "city")),  # type: ignore[arg-type]
              words=["douentza", "timbuktu", "road", "strike"], **base)  # fmt: skip
    c = _Feat(id="c", doc="d3", place=_loc(("Mopti", "MLI", 14.49, -4.20, "city")), words=["strike"], **base)  # type: ignore[arg-type]
    assert _components(a, b)[1].get("place_named") == "Douentza Timbuktu road"
    assert "place_named" not in _components(a, c)[1]
