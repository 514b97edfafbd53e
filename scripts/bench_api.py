"""Latency of the REST API on a large store: 1 M synthetic events, p50/p95 per request kind.

    python scripts/bench_api.py [--events 1000000] [--db /tmp/dateline-bench.db] [--rounds 20] [--rebuild]

Builds the store once (bulk SQL into the events table, the same JSON shape Store.add writes, then
Store.rebuild_event_index and ANALYZE; kept for reruns unless --rebuild), then times requests through the ASGI app in-process (fastapi TestClient), so the
figures are the server's own work without network. Goal: p95 < 200 ms.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, also when run as a script

from dateline.model import PLOVER_EVENTS, Actor, Event, EventDate, Place, Size
from dateline.store import Store

ACTORS = [("Northland", "NRL", "MIL"), ("Southland", "SLD", "GOV"), ("Eastmark", "EMK", "MIL"),
          ("United Nations", "IGO", None), ("Westvale", "WVL", "GOV"), ("Kessel rebels", "KSL", "REB")] + [
          (f"Actor {i}", f"X{chr(65 + i // 26)}{chr(65 + i % 26)}", "GOV") for i in range(60)]  # fmt: skip
PLACES = [
    (f"Town {i}", ACTORS[i % len(ACTORS)][1], (i * 7) % 140 - 70, (i * 13) % 340 - 170) for i in range(400)
]
OUTLETS = [f"Outlet {i}" for i in range(40)]
FACTS = ["asserted"] * 8 + ["negated", "future", "denied", "alleged"]
TEXT = "Northland forces shelled the port of Town 3 on Sunday, killing at least 12 people, officials said."


def _bars(values: list[str | None]) -> str:
    vals = [v for v in values if v]
    return "|" + "|".join(vals) + "|" if vals else ""


class _Rows:
    """Event rows in the store's column layout, from dicts of Event.to_dict()'s shape.

    Dataclass construction and asdict per event would make the build take many minutes: the nested records
    are made once with the model's own classes and reused (json.dumps only reads them).
    """

    def __init__(self) -> None:
        self.template = Event(id="", doc_id="", event="", mode=None, cameo=None, actor=[], recipient=[], text=TEXT,
                              sentence_start=0, sentence_end=len(TEXT), event_text="shelled", event_start=17,
                              event_end=24, confidence=0.7).to_dict()  # fmt: skip
        self.actors = [Actor(a, 0, 16, name=a, country=c, sector=s).to_dict() for a, c, s in ACTORS]
        self.places = [Place(n, 40, 46, name=n, country=c, lat=lat, lon=lon, feature="city", precision_km=10.0).to_dict()
                       for n, c, lat, lon in PLACES]  # fmt: skip
        self.size = Size("at least 12 people", 66, 84, min=12, qualifier="at-least", kind="dead").to_dict()

    def row(self, rng: random.Random, n: int, doc_id: str, day: str) -> tuple[Any, ...]:
        a, r = rng.choice(self.actors), rng.choice(self.actors)
        loc = rng.choice(self.places) if rng.random() < 0.7 else None
        e = dict(self.template)
        e.update(id=f"ev{n:08d}", doc_id=doc_id, event=rng.choice(PLOVER_EVENTS), actor=[a], recipient=[r],
                 factuality=rng.choice(FACTS), location=loc, size=[self.size] if rng.random() < 0.2 else [],
                 date=EventDate(day, "on Sunday", 47, 56, "text").__dict__)  # fmt: skip
        return (e["id"], doc_id, e["event"], None, day, e["factuality"], _bars([a["name"]]), _bars([a["country"]]),
                _bars([r["name"]]), _bars([r["country"]]), loc["name"] if loc else None, loc["country"] if loc else None,
                json.dumps(e, ensure_ascii=False))  # fmt: skip


def build(path: Path, n_events: int, per_doc: int = 20) -> None:
    """Bulk-insert documents and events straight into the schema (Store.add per document would take hours)."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    store = Store(str(path))
    db = store.db
    db.execute("PRAGMA synchronous=OFF")
    rng = random.Random(7)
    n_docs = n_events // per_doc
    start_day = 19000  # 2022-01-08 in days since the epoch

    def day(i: int) -> str:
        return time.strftime("%Y-%m-%d", time.gmtime((start_day + i) * 86400))

    def docs() -> Iterator[tuple[Any, ...]]:
        for d in range(n_docs):
            yield (f"doc{d:08d}", f"h{d}", f"bench:{d}", rng.choice(OUTLETS), day(d * 730 // n_docs), "processed",
                   TEXT, json.dumps({"id": f"doc{d:08d}"}))  # fmt: skip

    rows = _Rows()

    def events() -> Iterator[tuple[Any, ...]]:
        for n in range(n_events):
            d = n // per_doc
            yield rows.row(rng, n, f"doc{d:08d}", day(d * 730 // n_docs + rng.randint(-2, 0)))

    t = time.monotonic()
    with db:
        db.execute("DROP TRIGGER documents_ai")  # no FTS for the bench: it is not what is measured
        db.executemany("INSERT INTO documents(id, content_hash, source, outlet, published, status, text, data)"
                       " VALUES (?,?,?,?,?,?,?,?)", docs())  # fmt: skip
        db.executemany(
            "INSERT INTO events(id, doc_id, event, mode, date, factuality, actors, actor_countries, recipients,"
            " recipient_countries, location, location_country, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            events(),
        )
    store.rebuild_event_index()  # the bulk insert bypassed Store.add, which keeps these tables
    db.execute("ANALYZE")
    print(f"built {n_docs:,} documents, {n_events:,} events in {time.monotonic() - t:.0f}s -> {path}")
    store.close()


def measure(path: Path, rounds: int) -> list[tuple[str, float, float]]:
    from fastapi.testclient import TestClient

    from dateline.serve import create_app

    client = TestClient(create_app(str(path)))
    rng = random.Random(1)
    cases: dict[str, Any] = {
        "events, no filter": lambda: {"offset": rng.randrange(0, 2000)},
        "events, last page (offset 999k)": lambda: {"offset": 999_000 - rng.randrange(0, 50)},
        "events, type": lambda: {"type": rng.choice(PLOVER_EVENTS)},
        "events, actor": lambda: {"actor": rng.choice(ACTORS)[0]},
        "events, actor matching nothing": lambda: {"actor": f"Nobody {rng.randrange(1000)}"},
        "events, country": lambda: {"country": rng.choice(ACTORS)[1]},
        "events, month": lambda: {"since": "2022-06-01", "until": "2022-06-30"},
        "events, outlet": lambda: {"outlet": rng.choice(OUTLETS)},
        "events, type+actor+month": lambda: {
            "type": rng.choice(PLOVER_EVENTS),
            "actor": rng.choice(ACTORS)[0],
            "since": "2023-01-01",
            "until": "2023-03-31",
        },  # fmt: skip
        "events, located (map)": lambda: {"located": "true", "limit": 1000, "count": "none"},
        "events, actor+country": lambda: {"actor": rng.choice(ACTORS)[0], "country": rng.choice(ACTORS)[1]},
        "events, country+type": lambda: {"country": rng.choice(ACTORS)[1], "type": rng.choice(PLOVER_EVENTS)},
        "events, actor+factuality": lambda: {"actor": rng.choice(ACTORS)[0], "factuality": "denied"},
        "events, type, offset 40k": lambda: {"type": rng.choice(PLOVER_EVENTS), "offset": 40_000},
        "daily, no filter": lambda: {},
        "daily, type": lambda: {"type": rng.choice(PLOVER_EVENTS)},
        "daily, actor": lambda: {"actor": rng.choice(ACTORS)[0]},
        "daily, country": lambda: {"country": rng.choice(ACTORS)[1]},
        "actor page": lambda: {"name": rng.choice(ACTORS)[0]},
    }
    out = []
    for name, params in cases.items():
        url = "/api/events/daily" if name.startswith("daily") else "/api/events"

        def get(p: dict[str, Any], url: str = url) -> Any:
            if "name" in p:  # the actor page: the name is in the path
                return client.get(f"/api/actors/{p.pop('name')}", params=p)
            return client.get(url, params=p)

        get(params())  # warm the page cache
        times = []
        for _ in range(rounds):
            t = time.perf_counter()
            r = get(params())
            times.append((time.perf_counter() - t) * 1000)
            assert r.status_code == 200, r.text
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        out.append((name, statistics.median(times), p95))
        print(f"{name:34s} p50 {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms", flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", default="/tmp/dateline-bench.db")
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    path = Path(args.db)
    if args.rebuild or not path.exists():
        build(path, args.events)
    results = measure(path, args.rounds)
    worst = max(p95 for _, _, p95 in results)
    print(f"worst p95 {worst:.1f} ms ({'meets' if worst < 200 else 'misses'} the 200 ms goal)")


if __name__ == "__main__":
    main()
