"""Benchmark incremental cross-article linking (stories + merging) on a synthetic store, or on a copy of a real one.

    python scripts/bench_link.py --articles 20000 --new 1000            # spread out: a year, 20 countries
    python scripts/bench_link.py --dense --articles 6000 --new 1000     # dense: one week, 10 countries
    python scripts/bench_link.py --from-db /path/to/ingested.db         # link a copy of a store nobody linked yet

Synthetic stores: `--articles` articles (`--events` events each: random PLOVER type, actor/recipient countries, a
date, a place, sometimes a size; text drawn from a vocabulary). The first `articles - new` are linked
(`link_new`), then the last `new` are added and `link_new` is timed on them: the incremental cost of one ingest
batch against a large store. Spread out (default): dates over one year, 20 countries, 300 place names, 10 events
an article, 5,000 words. Dense (`--dense`): the case of `scripts/benchmark.py` (33k events in one week among ten
countries): dates within 7 days, 10 countries, 40 places, 16 events an article, 400 words, so blocks are large and
most mentions are compatible on date and countries. `--from-db` times `link_new` over every article of a copy of
an ingested store (e.g. the store `scripts/benchmark.py` builds with link=False).
Prints seconds per 1,000 new articles (goal: < 60 s on 2 cores).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import tempfile
import time
from pathlib import Path

from dateline.actors import code_actor
from dateline.actors._match import _lex as _actor_lexicon
from dateline.link import link_new
from dateline.link._words import stop_words as _stop
from dateline.link.merge import merge_new
from dateline.link.storylines import assign_stories
from dateline.model import PLOVER_EVENTS, Actor, Document, Event, EventDate, Place, Size
from dateline.store import Store

COUNTRIES = ["USA", "GBR", "FRA", "DEU", "RUS", "UKR", "IRQ", "IRN", "SYR", "TUR", "ISR", "EGY", "LBY", "CHN",
             "IND", "PAK", "AFG", "NGA", "MLI", "SDN"]  # fmt: skip


class _Gen:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.rng = random.Random(7)
        self.countries = COUNTRIES[: 10 if args.dense else 20]
        self.words = [f"w{i}" for i in range(400 if args.dense else 5000)]
        self.events = 16 if args.dense else 10
        self.days = 7 if args.dense else 365
        n_places = 40 if args.dense else 300
        # a place name has one position and one country (the dense case has them all close together)
        self.places = [(f"P{i}", self.rng.choice(self.countries), self.rng.uniform(30, 37), self.rng.uniform(38, 48))
                       if args.dense else (f"P{i}", self.rng.choice(self.countries), self.rng.uniform(-40, 60),
                                           self.rng.uniform(-20, 120)) for i in range(n_places)]  # fmt: skip
        self.start = dt.date(2021, 1, 1)

    def doc(self, i: int) -> Document:
        rng, words = self.rng, self.words
        day = self.start + dt.timedelta(days=int(i * self.days / max(1, self.args.articles)))
        text = " ".join(rng.choice(words) for _ in range(150)) + "."
        events = []
        for k in range(self.events):
            a, r = rng.sample(self.countries, 2)
            name, country, lat, lon = rng.choice(self.places)
            d = day - dt.timedelta(days=rng.randint(0, 3))
            events.append(Event(
                id=f"e{i}-{k}", doc_id=f"d{i}", event=rng.choice(PLOVER_EVENTS), mode=None, cameo=None,
                actor=[Actor(a, 0, 3, country=a)], recipient=[Actor(r, 0, 3, country=r)],
                text=" ".join(rng.choice(words) for _ in range(20)), sentence_start=0, sentence_end=20,
                event_text="x", event_start=0, event_end=1,
                location=Place("P", 0, 1, name=name, country=country, lat=lat, lon=lon, feature="city"),
                date=EventDate(d.isoformat(), source=rng.choice(["text", "published"])),
                size=[Size("n", 0, 1, min=float(rng.randint(1, 5000)), max=None, unit="troops")] if k % 3 == 0 else [],
            ))  # fmt: skip
        return Document(id=f"d{i}", text=text, title=" ".join(rng.choice(words) for _ in range(8)),
                        outlet=f"o{i % 50}", published=day.isoformat(), status="processed", events=events)  # fmt: skip


def _timed(store: Store, new: int) -> None:
    _stop()  # the stop-word list imports spaCy, which an ingesting process has loaded already
    code_actor("Kremlin")  # so is the actor lexicon (merging asks it whether a place is a seat of power)
    _actor_lexicon().fuzzy("Bouteflicka")  # and its one-edit index (3 s; benchmark.py's warm-up builds it)
    t0, c0 = time.monotonic(), time.process_time()
    out = assign_stories(store)
    t1 = time.monotonic()
    out.update(merge_new(store))
    t2, c2 = time.monotonic(), time.process_time()
    # CPU time too: on a machine shared with other jobs the wall clock measures the others as well
    print(f"incremental link of {new} new articles ({out['linked']} events): {t2 - t0:.1f}s wall (stories"
          f" {t1 - t0:.1f}s, merging {t2 - t1:.1f}s), {c2 - c0:.1f}s CPU = {(t2 - t0) / max(1, new) * 1000:.1f} s"
          f" wall, {(c2 - c0) / max(1, new) * 1000:.1f} s CPU per 1,000 new articles; {out}")  # fmt: skip


def main(args: argparse.Namespace) -> None:
    if args.from_db:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "store.db"
            shutil.copy(args.from_db, path)
            store = Store(path)
            n = store.db.execute("SELECT count(*) FROM documents WHERE status = 'processed'").fetchone()[0]
            _timed(store, n)
            store.close()
        return
    path = Path(args.db)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    store = Store(path)
    gen = _Gen(args)
    t0 = time.monotonic()
    old = args.articles - args.new
    for i in range(old):
        store.add(gen.doc(i), f"d{i}", None)
    print(
        f"{'dense' if args.dense else 'spread-out'} store: built {old} articles in {time.monotonic() - t0:.0f}s"
    )
    t0 = time.monotonic()
    print("initial link:", link_new(store), f"{time.monotonic() - t0:.0f}s")
    for i in range(old, args.articles):
        store.add(gen.doc(i), f"d{i}", None)
    _timed(store, args.new)


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=20000)
    p.add_argument("--new", type=int, default=1000)
    p.add_argument("--dense", action="store_true", help="one week, ten countries, 16 events an article")
    p.add_argument("--from-db", help="time link_new on a copy of this (ingested, not linked) store")
    p.add_argument("--db", default="/tmp/bench_link.db")
    main(p.parse_args())
