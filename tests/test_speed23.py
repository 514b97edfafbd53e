"""Session 23 (speed of ingest outside the components): the worker pool leaves what the parent holds when it forks
its workers out of the garbage collector's full passes for the run (gc.freeze), and thaws it after; documents with
events come back from the worker processes and are stored exactly as without them."""

from __future__ import annotations

import gc
import multiprocessing
import sqlite3

import pytest

from dateline import _workers
from dateline.model import Document
from dateline.pipeline import ingest
from dateline.store import Store

pytestmark = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="the freeze is for forked workers"
)


def _freeze_count_in_worker(docs: list[Document], comps: tuple[str, ...]) -> list[Document]:
    for doc in docs:
        doc.extra["frozen"] = gc.get_freeze_count()
        doc.status = "processed"
    return docs


def _work(n: int):
    return iter([[(Document(id=f"d{i}", text=f"text {i}"), f"s{i}", "h")] for i in range(n)])


def test_the_workers_inherit_the_freeze_and_the_parent_thaws_after_the_run():
    before = gc.get_freeze_count()
    seen_in_parent = []
    out = []
    for done in _workers.in_pool(_work(3), 2, _freeze_count_in_worker, ()):
        seen_in_parent.append(gc.get_freeze_count())
        out += done
    assert [s for _, s, _ in out] == ["s0", "s1", "s2"]
    assert all(doc.extra["frozen"] > 0 for doc, _, _ in out)  # the workers never walk what they inherited
    assert all(n > 0 for n in seen_in_parent)
    assert gc.get_freeze_count() == before


def test_a_run_stopped_early_thaws_the_parent_too():
    before = gc.get_freeze_count()
    results = _workers.in_pool(_work(6), 2, _freeze_count_in_worker, ())
    first = next(results)
    assert first[0][1] == "s0" and gc.get_freeze_count() > 0
    results.close()  # the consumer stops (Ctrl-C while writing): the pool is stopped and the freeze ended
    assert gc.get_freeze_count() == before


def _dump(path) -> dict[str, list]:
    """Every table's rows with their rowids (ingest times left out), in rowid order: ids, offsets and order."""
    con = sqlite3.connect(path)
    out = {}
    for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '%fts%'"):
        cols = [
            r[1] for r in con.execute(f'PRAGMA table_info("{t}")') if r[1] not in ("ingested_at", "seen_at")
        ]
        sel = ", ".join(f'"{c}"' for c in cols)
        try:
            rows = con.execute(f'SELECT rowid, {sel} FROM "{t}" ORDER BY rowid').fetchall()
        except sqlite3.OperationalError:  # (a table without rowid)
            rows = sorted(con.execute(f'SELECT {sel} FROM "{t}"').fetchall(), key=repr)
        out[t] = rows
    con.close()
    return out


def test_documents_with_events_are_stored_the_same_through_the_frozen_pool_and_in_process(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    texts = [
        "Turkish troops shelled villages near Kobani on Sunday, killing 4 fighters, a monitoring group said."
        " Ankara denied the report.",
        "Dockworkers in Rotterdam walked out on Thursday over pay. The port authority said 30 ships were delayed.",
        "The foreign minister of Peru met her Chilean counterpart in Lima on Friday and agreed to reopen the"
        ' border crossing. "We will work together," she said.',
    ]
    for i, text in enumerate(texts):
        (folder / f"{i}.txt").write_text(text + "\n", encoding="utf-8")
    frozen_before = gc.get_freeze_count()
    for workers in (0, 2):
        s = ingest(
            [str(folder)], Store(tmp_path / f"w{workers}.db"), workers=workers, link=False, batch_size=1
        )
        assert s.ingested == 3
    assert gc.get_freeze_count() == frozen_before
    pooled = _dump(tmp_path / "w2.db")
    assert len(pooled["events"]) >= 3
    assert _dump(tmp_path / "w0.db") == pooled
