"""Benchmark incremental cross-article linking on a synthetic store.

    python scripts/bench_link.py --articles 20000 --new 1000 [--db /tmp/bench_link.db]

Builds a store of `--articles` synthetic articles (10 events each: random PLOVER type, actor/recipient
countries, a date within one year, a located place, sometimes a size; ~150 words of text drawn from a
vocabulary), links the first `articles - new` of them (`link_new`), then adds nothing and times `link_new`
on the last `new` articles, i.e. the incremental cost of one ingest batch against a large store.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from pathlib import Path

from dateline.link import link_new
from dateline.link.merge import merge_new
from dateline.link.stories import assign_stories
from dateline.model import PLOVER_EVENTS, Actor, Document, Event, EventDate, Place, Size
from dateline.store import Store

COUNTRIES = ["USA", "GBR", "FRA", "DEU", "RUS", "UKR", "IRQ", "IRN", "SYR", "TUR", "ISR", "EGY", "LBY", "CHN",
             "IND", "PAK", "AFG", "NGA", "MLI", "SDN"]  # fmt: skip
WORDS = [f"w{i}" for i in range(5000)]


def _doc(i: int, rng: random.Random, start: dt.date) -> Document:
    day = start + dt.timedelta(days=int(i * 365 / max(1, ARGS.articles)))
    text = " ".join(rng.choice(WORDS) for _ in range(150)) + "."
    events = []
    for k in range(10):
        a, r = rng.sample(COUNTRIES, 2)
        d = day - dt.timedelta(days=rng.randint(0, 3))
        events.append(Event(
            id=f"e{i}-{k}", doc_id=f"d{i}", event=rng.choice(PLOVER_EVENTS), mode=None, cameo=None,
            actor=[Actor(a, 0, 3, country=a)], recipient=[Actor(r, 0, 3, country=r)],
            text=" ".join(rng.choice(WORDS) for _ in range(20)), sentence_start=0, sentence_end=20,
            event_text="x", event_start=0, event_end=1,
            location=Place("P", 0, 1, name=f"P{rng.randint(0, 300)}", country=r, lat=rng.uniform(-40, 60),
                           lon=rng.uniform(-20, 120)),
            date=EventDate(d.isoformat(), source=rng.choice(["text", "published"])),
            size=[Size("n", 0, 1, min=float(rng.randint(1, 5000)), max=None, unit="troops")] if k % 3 == 0 else [],
        ))  # fmt: skip
    return Document(id=f"d{i}", text=text, title=" ".join(rng.choice(WORDS) for _ in range(8)), outlet=f"o{i % 50}",
                    published=day.isoformat(), status="processed", events=events)  # fmt: skip


def main() -> None:
    path = Path(ARGS.db)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    store = Store(path)
    rng = random.Random(7)
    start = dt.date(2021, 1, 1)
    t0 = time.monotonic()
    old = ARGS.articles - ARGS.new
    for i in range(old):
        store.add(_doc(i, rng, start), f"d{i}", None)
    print(f"built {old} articles in {time.monotonic() - t0:.0f}s")
    t0 = time.monotonic()
    print("initial link:", link_new(store), f"{time.monotonic() - t0:.0f}s")
    for i in range(old, ARGS.articles):
        store.add(_doc(i, rng, start), f"d{i}", None)
    t0 = time.monotonic()
    out = assign_stories(store)
    t1 = time.monotonic()
    out.update(merge_new(store))
    t2 = time.monotonic()
    print(f"incremental link of {ARGS.new} new articles ({ARGS.new * 10} events) against {old}: "
          f"{t2 - t0:.1f}s (stories {t1 - t0:.1f}s, merging {t2 - t1:.1f}s) {out}")  # fmt: skip


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--articles", type=int, default=20000)
    p.add_argument("--new", type=int, default=1000)
    p.add_argument("--db", default="/tmp/bench_link.db")
    ARGS = p.parse_args()
    main()
