"""Session 18, link speed (issue 7): a new mention is compared with at most _COMPARED (30) of its candidates, those
sharing the most words with it (merge._likeliest).

Only a dense store has more candidates (our DEV corpora give a mention at most 23). These tests build one: a big
merged event (a market shelled in Kharkiv, told by 30 reports) among 60 other reports of the same type, countries
and day (strikes on other towns), linked in one run, so that the day's block holds more than twice _COMPARED
mentions. A new report of the shelling must still join the big merged event, however it is worded or dated, and a
look-alike (the same words about another town, a strike on the market days later, or by another attacker) must
not. Invented reports;
no extraction (the events are written directly), so the tests are fast.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.link.merge import _COMPARED, _Feat, _likeliest, merge_new
from dateline.model import Actor, Document, Event, EventDate, Place
from dateline.store import Store

DAY = "2024-03-05"
KHARKIV = ("Kharkiv", 49.99, 36.23)
# other towns, all more than 60 km from Kharkiv and from each other
TOWNS = [("Odesa", 46.48, 30.72), ("Lviv", 49.84, 24.03), ("Dnipro", 48.46, 35.05), ("Kherson", 46.64, 32.62),
         ("Sumy", 50.91, 34.80), ("Poltava", 49.59, 34.55)]  # fmt: skip
MARKET = [
    "Russian artillery shelled the central market in {town}, killing shoppers, the regional governor said.",
    "Shoppers were killed when Russian shells hit the central market in {town}, officials said.",
    "The central market in {town} was shelled by Russian artillery, killing several shoppers.",
]
OTHER = [
    "Russian drones struck the port and grain terminal in {town} overnight, the military said.",
    "A Russian missile hit a power substation in {town}, cutting electricity, the energy ministry said.",
]


def _event(doc_id: str, text: str, town: tuple[str, float, float], day: str, source: str = "text",
           actor: str = "RUS") -> Event:  # fmt: skip
    start = text.index(town[0])
    return Event(
        id=f"{doc_id}-e", doc_id=doc_id, event="ASSAULT", mode=None, cameo=None,
        actor=[Actor("Russian", 0, 7, country=actor)], recipient=[Actor("Ukraine", 0, 7, country="UKR")],
        text=text, sentence_start=0, sentence_end=len(text), event_text="shelled", event_start=0, event_end=1,
        location=Place(town[0], start, start + len(town[0]), name=town[0], country="UKR", lat=town[1],
                       lon=town[2], feature="city"),
        date=EventDate(day, source=source),
    )  # fmt: skip


def _doc(doc_id: str, event: Event, published: str = DAY) -> Document:
    return Document(id=doc_id, text=event.text, title=event.text[:40], outlet=f"o-{doc_id}", published=published,
                    status="processed", events=[event])  # fmt: skip


def _merged(store: Store, event_id: str) -> str:
    return store.db.execute("SELECT merged_id FROM event_links WHERE event_id = ?", (event_id,)).fetchone()[0]


@pytest.fixture(scope="module")
def dense(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, str]:
    """A store whose day holds 90 ASSAULT mentions RUS -> UKR: 30 of the market shelling, interleaved with 60 others."""
    store = Store(Path(tmp_path_factory.mktemp("dense18")) / "s.db")
    k = 0
    for i in range(90):
        doc_id = f"d{i:03d}"
        if i % 3 == 0:
            text = MARKET[k % len(MARKET)].format(town=KHARKIV[0])
            town = KHARKIV
            k += 1
        else:
            town = TOWNS[i % len(TOWNS)]
            text = OTHER[i % len(OTHER)].format(town=town[0])
        store.add(_doc(doc_id, _event(doc_id, text, town, DAY)), doc_id, None)
    merge_new(store)
    market = {_merged(store, f"d{i:03d}-e") for i in range(0, 90, 3)}
    assert len(market) == 1, "the 30 reports of the market shelling are one merged event"
    day = store.db.execute("SELECT count(*) FROM event_links WHERE event = 'ASSAULT'").fetchone()[0]
    assert day > 2 * _COMPARED, "the block is dense: more mentions than the cap, twice over"
    return store, market.pop()


def _link_one(store: Store, doc_id: str, event: Event, published: str = DAY) -> str:
    store.add(_doc(doc_id, event, published), doc_id, None)
    merge_new(store)
    return _merged(store, event.id)


@pytest.mark.parametrize(
    "doc_id, text, day, source, published",
    [
        # worded as none of the 30, the date read from the text
        ("new-a", "A Russian strike on the central market in Kharkiv killed shoppers on Tuesday.", DAY, "text", DAY),
        # another wording, dated only by its report a day later (a loose date)
        ("new-b", "Officials in Kharkiv said shells had hit the central market, killing shoppers.", "2024-03-06",
         "published", "2024-03-06"),
    ],
)  # fmt: skip
def test_a_big_merged_event_in_a_dense_block_still_takes_a_matching_report(
    dense: tuple[Store, str], doc_id: str, text: str, day: str, source: str, published: str
) -> None:
    store, market = dense
    event = _event(doc_id, text, KHARKIV, day, source)
    assert _link_one(store, doc_id, event, published) == market


@pytest.mark.parametrize(
    "doc_id, text, town, day, actor",
    [
        # the market shelling's very words, about a market in another town (over 60 km away)
        ("alike-a", MARKET[0], ("Poltava", 49.59, 34.55), DAY, "RUS"),
        # the market in Kharkiv, shelled nine days later (another shelling, not a misread date)
        ("alike-b", MARKET[1], KHARKIV, "2024-03-14", "RUS"),
        # the same words and day, but another attacker (Belarus): the actors contradict each other
        ("alike-c", MARKET[2], KHARKIV, DAY, "BLR"),
    ],
)  # fmt: skip
def test_a_big_merged_event_in_a_dense_block_still_refuses_a_look_alike(
    dense: tuple[Store, str], doc_id: str, text: str, town: tuple[str, float, float], day: str, actor: str
) -> None:
    store, market = dense
    event = _event(doc_id, text.format(town=town[0]), town, day, actor=actor)
    assert _link_one(store, doc_id, event, day) != market


def _cand(k: int, words: list[str]) -> tuple[str, str, _Feat]:
    g = _Feat(
        id=f"c{k}",
        doc=f"dc{k}",
        type="ASSAULT",
        lo=739000,
        hi=None,
        dsrc="text",
        fact="asserted",
        words=words,
    )
    return (g.id, f"m{k}", g)


def test_the_candidates_kept_share_the_most_words_in_their_order() -> None:
    f = _Feat(id="f", doc="df", type="ASSAULT", lo=739000, hi=None, dsrc="text", fact="asserted",
              words=["kharkiv", "market", "shelled", "shoppers"])  # fmt: skip
    # many candidates sharing one word, and a few (spread through the list) sharing three or four
    cands = [_cand(k, ["kharkiv", "port"]) for k in range(2 * _COMPARED)]
    for k in (5, 17, 40):
        cands[k] = _cand(k, ["kharkiv", "market", "shelled"] + (["shoppers"] if k == 40 else []))
    kept = _likeliest(f, cands)
    assert len(kept) == _COMPARED
    ids = [c[0] for c in kept]
    assert {"c5", "c17", "c40"} <= set(ids), "the likeliest reports of the same event are kept"
    assert ids == sorted(ids, key=lambda i: int(i[1:])), "in the order they came (nearest in date first)"
    # ties (one shared word each): the earlier, nearer ones fill the rest
    assert [i for i in ids if i not in {"c5", "c17", "c40"}] == [
        f"c{k}" for k in range(_COMPARED) if k not in (5, 17)
    ][: _COMPARED - 3]


def test_few_candidates_are_all_compared() -> None:
    """A sparse store (any of our DEV corpora): every candidate is compared, in its order (merge._Index.candidates
    calls _likeliest only over _COMPARED)."""
    f = _Feat(id="f", doc="df", type="PROTEST", lo=739000, hi=None, dsrc="text", fact="asserted",
              words=["march", "capital"])  # fmt: skip
    cands = [_cand(k, ["march"] if k % 2 else ["strike", "port"]) for k in range(_COMPARED)]
    assert _likeliest(f, cands) == cands
