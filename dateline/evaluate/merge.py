"""Cross-article event merging on the demo corpus gold (dateline/demo/gold_events.jsonl).

Each gold line is a mention; two mentions in different files are a gold link when they share a `key`. A system
event matches a gold line when it is in the same file, its sentence overlaps the gold sentence and its type is
the gold type. A system link joins two matched gold lines (different files) whose events share a merged event.
Pairwise precision = correct links / system links, recall = correct links / gold links.

The demo corpus has no DEV/TEST split; `--split` is accepted and ignored (it is both the tuning set and the
reported score, which the report says). Runs the full pipeline over the 21 articles (~40 s) into a temp store.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

from dateline.evaluate import prf, require, suite

DEMO = Path(__file__).resolve().parents[1] / "demo"


def _norm(s: str) -> str:
    return " ".join(s.replace("“", '"').replace("”", '"').replace("’", "'").split())


def score_links(gold: list[dict[str, Any]], sys_links: dict[tuple[str, str], set[str]]) -> dict[str, Any]:
    """Pairwise scores. `gold` rows carry file/key; `sys_links[(file, row_index)]` is the set of merged ids
    the system events matched to that gold row belong to."""
    gold_pairs = set()
    sys_pairs = set()
    for i, j in combinations(range(len(gold)), 2):
        a, b = gold[i], gold[j]
        if a["file"] == b["file"]:
            continue
        if a["key"] == b["key"]:
            gold_pairs.add((i, j))
        ma, mb = sys_links.get((a["file"], str(i)), set()), sys_links.get((b["file"], str(j)), set())
        if ma & mb:
            sys_pairs.add((i, j))
    tp = len(gold_pairs & sys_pairs)
    out = prf(tp, len(sys_pairs - gold_pairs), len(gold_pairs - sys_pairs))
    out.update({"gold_links": len(gold_pairs), "system_links": len(sys_pairs), "correct_links": tp})
    return out


def _score_store(store: Any, gold: list[dict[str, Any]]) -> dict[str, Any]:
    docs = {}
    for r in store.db.execute("SELECT id, path, text FROM documents WHERE status = 'processed'"):
        docs[Path(r["path"] or "").name] = (r["id"], r["text"])
    links: dict[str, str] = dict(store.db.execute("SELECT event_id, merged_id FROM event_links").fetchall())
    events_by_doc: dict[str, list[tuple[str, str, int, int]]] = defaultdict(list)
    for r in store.db.execute("SELECT id, doc_id, event, data FROM events"):
        d = json.loads(r["data"])
        events_by_doc[r["doc_id"]].append((r["id"], r["event"], d["sentence_start"], d["sentence_end"]))
    sys_links: dict[tuple[str, str], set[str]] = {}
    matched = unmatched = 0
    for i, g in enumerate(gold):
        doc = docs.get(g["file"])
        if doc is None:
            unmatched += 1
            continue
        doc_id, text = doc
        start = text.find(g["sentence"])
        if start < 0:  # cleaning may have normalised quotes/whitespace
            norm = _norm(text)
            k = norm.find(_norm(g["sentence"]))
            start = -1 if k < 0 else len(text[: int(k * len(text) / max(1, len(norm)))])
        if start < 0:
            unmatched += 1
            continue
        end = start + len(g["sentence"])
        ids = {
            links[eid]
            for eid, etype, s, e in events_by_doc[doc_id]
            if etype == g["event"] and s < end and e > start and eid in links
        }
        if ids:
            sys_links[(g["file"], str(i))] = ids
            matched += 1
        else:
            unmatched += 1
    out = score_links(gold, sys_links)
    out.update({"gold_mentions": len(gold), "matched_mentions": matched, "unmatched_mentions": unmatched,
                "merged_events": store.db.execute("SELECT count(*) FROM merged_events").fetchone()[0],
                "note": "demo corpus has no split; same figures for dev and test"})  # fmt: skip
    return out


@suite("merge")
def run(split: str, data: Path) -> dict[str, Any]:
    from dateline.link import link_new
    from dateline.pipeline import ingest
    from dateline.store import Store

    gold = [json.loads(line) for line in require(DEMO / "gold_events.jsonl").read_text().splitlines() if line]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "merge.db")
        ingest([str(DEMO / "articles")], store)
        link_new(store)
        out = _score_store(store, gold)
        store.close()
        # the linker alone: events built from the gold fields (type, countries, date, size, factuality, sentence)
        store = Store(Path(tmp) / "gold_fields.db")
        _add_gold_events(store, gold)
        link_new(store)
        out["linker_on_gold_fields"] = _score_store(store, gold)
        store.close()
    return out


def _add_gold_events(store: Any, gold: list[dict[str, Any]]) -> None:
    from dateline.model import Actor, Document, Event, EventDate, Size

    meta = {}  # file -> (outlet, date) from the table in the demo README
    for line in (DEMO / "README.md").read_text().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[0].startswith(tuple("0123456789")):
            meta[cells[0]] = (cells[1], cells[2][:10] if cells[2][:2] == "20" else None)
    by_file: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for i, g in enumerate(gold):
        by_file[g["file"]].append((i, g))
    for file, rows in by_file.items():
        outlet, published = meta.get(file, (None, None))
        text, events = "", []
        for i, g in rows:
            start = text.find(g["sentence"])
            if start < 0:
                start = len(text) + (1 if text else 0)
                text = (text + " " if text else "") + g["sentence"]
            end = start + len(g["sentence"])
            ac, rc = g.get("actor_country"), g.get("recipient_country")
            events.append(Event(
                id=f"{file}#{i}", doc_id=file, event=g["event"], mode=g.get("mode"), cameo=None,
                actor=[Actor(ac, 0, 0, country=ac)] if ac else [], recipient=[Actor(rc, 0, 0, country=rc)] if rc else [],
                text=g["sentence"], sentence_start=start, sentence_end=end, event_text=g["sentence"],
                event_start=start, event_end=end, factuality=g["factuality"],
                date=EventDate(g["date"], source="text" if g["date"] else "none"),
                size=[Size("", 0, 0, min=g["size_min"], max=g["size_max"])]
                if g["size_min"] is not None or g["size_max"] is not None else [],
            ))  # fmt: skip
        doc = Document(id=file, text=text, path=file, outlet=outlet, published=published, status="processed",
                       events=events)  # fmt: skip
        store.add(doc, file, None)
