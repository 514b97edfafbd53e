"""Scale, twelfth session: the one-process ingest as safe as the worker pool, and quotes near-linear in a long text.

The rules under test:
- `dateline ingest --workers 1` runs the NLP stages in one worker process: a document that crashes the parse or a
  component (no exception: the process just ends) is recorded failed with DIED and the run goes on; the library's
  in-process path (`ingest(workers=0)`) records a document that raises anywhere in processing as failed, with the
  exception, and keeps the rest of its batch.
- Quote extraction gives the same records as before its look-ups were indexed (frozen digest of the demo corpus and
  generated transcripts, computed with the code before the change), and each indexed look-up answers as the walk
  it replaced.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import json
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from crash_hooks import CRASH_HOOKS

from dateline import _workers, pipeline, quotes
from dateline.model import Document
from dateline.store import Store

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("dateline_benchmark", ROOT / "scripts" / "benchmark.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)  # type: ignore[union-attr]

ARTICLES = [
    "Dock workers in Durban stopped loading ships on Thursday in a dispute over night-shift pay.",
    "The defence ministers of Estonia and Latvia agreed in Riga on Monday to buy air-defence systems together.",
    "Gunmen attacked a police post near Maiduguri overnight, killing three officers, a local official said.",
    "Landslides cut the only road to the mountain town of Chitral after a week of storms.",
    "Nurses in Lagos began a three-day strike over unpaid allowances, their union said.",
]


def _folder(tmp_path: Path, extra: dict[str, str]) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    for i, text in enumerate(ARTICLES):
        (root / f"a{i}.txt").write_text(text + "\n", encoding="utf-8")
    for name, text in extra.items():
        (root / name).write_text(text + "\n", encoding="utf-8")
    return root


def _rows(db: str, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


# --------------------------------------------------------------------------- --workers 1: a crash costs one document

# run as its own program: the crash hook is set in the ingest parent and reaches its worker by fork; were the
# parse run in the parent, the crash would end this program (and the test sees it), not the test process
_CRASHING_INGEST = (
    CRASH_HOOKS
    + """
from dateline.cli import main
main(sys.argv[1:])
"""
)


def test_with_one_worker_a_hard_crash_costs_only_its_document(tmp_path):
    """Two crashes of two kinds: one in the parse (the process exits), one in a component (it aborts)."""
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the crash hook reaches the worker by fork")
    folder = _folder(tmp_path, {
        "z_parse.txt": "A text that the parser of this test qqparsecrashqq cannot survive, in Nairobi.",
        "z_component.txt": "Police in Quito said qqcomponentcrashqq that a component of this test dies on it.",
    })  # fmt: skip
    db = str(tmp_path / "one.db")
    args = ["ingest", str(folder), "--db", db, "--quiet", "--no-link", "--workers", "1",
            "--skip", "times", "--skip", "places", "--skip", "quotes", "--skip", "events"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    res = subprocess.run([sys.executable, "-c", _CRASHING_INGEST, *args], capture_output=True, text=True,
                         env=env, timeout=300)  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert "5 ingested" in res.stderr and "2 failed" in res.stderr and "Traceback" not in res.stderr
    assert _rows(db, "SELECT source, reason FROM sources WHERE status = 'failed' ORDER BY source") == [
        (str(folder / "z_component.txt"), pipeline.DIED),
        (str(folder / "z_parse.txt"), pipeline.DIED),
    ]
    assert _rows(db, "SELECT count(*) FROM documents") == [(5,)]


def _slow_when_marked(docs: list[Document], comps: tuple[str, ...]) -> list[Document]:
    import time

    time.sleep(0.6 if any("slow" in d.text for d in docs) else 0.0)
    return docs


def test_batches_come_back_in_the_order_given_whichever_worker_is_quicker():
    """The store's order (which linking follows) is the input's, not the order the workers happen to finish in."""
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the test task reaches the workers by fork")
    texts = ["slow first", "quick", "quick again", "slow later", "quick", "quick", "quick"]
    work = iter([[(Document(id=f"d{i}", text=t), f"s{i}", "h")] for i, t in enumerate(texts)])
    out = [s for done in _workers.in_pool(work, 2, _slow_when_marked, ()) for _, s, _ in done]
    assert out == [f"s{i}" for i in range(len(texts))]


# --------------------------------------------------------------------------- in-process: an exception costs one document


def test_in_process_a_document_that_raises_outside_the_components_is_recorded_failed(tmp_path, monkeypatch):
    """An error after the components ran (here in putting a long text's pieces back) fails that document only."""
    real = pipeline.merge_piece

    def merge_piece(doc, piece, offset, k):
        if "union leader" in piece.text:
            raise IndexError("offsets out of range")
        return real(doc, piece, offset, k)

    monkeypatch.setattr(pipeline, "merge_piece", merge_piece)
    monkeypatch.setattr(pipeline, "LONG_CHARS", 150)
    monkeypatch.setattr(pipeline, "LONG_PIECE_CHARS", 120)
    long_one = (
        "Ferry crews in Lisbon walked out on Monday over pay.\n\nThe port authority said sailings to the islands"
        " were cancelled.\n\nA union leader said the strike would last until Thursday.\n\nTravellers queued at"
        " the terminal for hours."
    )
    folder = _folder(tmp_path, {"long.txt": long_one})
    store = Store(tmp_path / "p.db")
    summary = pipeline.ingest([str(folder)], store, workers=0, components=(), batch_size=16, link=False)
    assert summary.ingested == 5 and [f.source for f in summary.failed] == [str(folder / "long.txt")]
    assert summary.failed[0].reason == "IndexError: offsets out of range"
    assert store.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 5


def test_in_process_a_batch_that_raises_is_retried_document_by_document_from_clean_copies():
    """The culprit alone fails; the others are processed again from copies taken before the first try, so
    nothing the failed batch half-wrote on them is doubled."""
    calls: list[str] = []

    def task(docs: list[Document], comps: tuple[str, ...]) -> list[Document]:
        for d in docs:
            d.sentences.append("half-written")  # type: ignore[arg-type]
            d.extra["seen"] = d.extra.get("seen", 0) + 1
            calls.append(d.id)
            if "bad" in d.text:
                raise ValueError("cannot read this one")
        return docs

    items = [
        (Document(id=f"d{i}", text=t), f"s{i}", f"h{i}")
        for i, t in enumerate(["good one", "bad two", "good"])
    ]
    out = [x for done in _workers.in_process(items, task, ()) for x in done]
    assert [s for _, s, _ in out] == ["s0", "s1", "s2"]
    assert [d.status == "failed" for d, _, _ in out] == [False, True, False]
    good = [d for d, s, _ in out if s != "s1"]
    assert all(d.sentences == ["half-written"] and d.extra["seen"] == 1 for d in good)
    bad = next(d for d, s, _ in out if s == "s1")
    assert bad.extra["errors"] == ["ValueError: cannot read this one"]
    assert calls == ["d0", "d1", "d0", "d1", "d2"]


def test_the_pool_warms_the_parent_once_before_its_first_worker(monkeypatch):
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("warming is for forked workers")
    warmed: list[int] = []
    pool = _workers._Pool(1, pipeline._process_batch, warm=lambda: warmed.append(os.getpid()))
    try:
        item = (Document(id="w", text=ARTICLES[0]), "src", "h")
        for _ in range(2):
            [done] = pool.submit([item], ()).result()
            assert done.status == "processed"
        pool.discard()
        pool.submit([item], ()).result()  # a fresh pool after a death: no second warm-up
    finally:
        pool.stop()
    assert warmed == [os.getpid()]


# --------------------------------------------------------------------------- quotes: same output, indexed look-ups

# the digest of every quote record (all fields) of the demo corpus and three generated transcripts, computed with
# quotes.py as it was before its look-ups were indexed (twelfth session); the actor resolver's affiliation
# fallback is left out (another module's answer), so is the date said (no times component runs here; the date
# look-up is checked against the walk it replaced below). A deliberate change of quote behaviour updates it.
FROZEN_DIGEST = "2ace2e3d2b6059f0"


def _digest_docs() -> list[Document]:
    from dateline.clean import to_document
    from dateline.model import Failure
    from dateline.read import read

    docs = []
    for item in read([str(ROOT / "dateline" / "demo" / "articles")]):
        if not isinstance(item, Failure):
            d = to_document(item)
            docs.append(Document(id=d.id, text=d.text, published=d.published or "2020-01-10"))
    for seed in range(1, 4):
        text = bench.long_transcript(8_000, seed)
        docs.append(Document(id=f"t{seed}", text=text, published="2024-03-04"))
    return docs


def quote_digest(extract, docs: list[Document]) -> str:
    from dateline.nlp import annotate

    h = hashlib.sha256()
    for doc in annotate(docs):
        records = [dataclasses.asdict(q) for q in extract(doc)]
        h.update(json.dumps(records, sort_keys=True).encode())
    return h.hexdigest()[:16]


def test_quotes_are_unchanged_on_the_demo_corpus_and_generated_transcripts(monkeypatch):
    monkeypatch.setattr(quotes, "_actor_resolver", lambda doc: None)
    assert quote_digest(quotes.extract_quotes, _digest_docs()) == FROZEN_DIGEST


def test_the_pronoun_and_title_look_ups_answer_as_the_walks_they_replaced(monkeypatch):
    from dateline.nlp import annotate

    texts = [bench.long_transcript(10_000, 21)]
    # pronouns whose only earlier speakers are of the other gender, and plural sources ("they said")
    texts.append(" ".join(
        f"Ahmed Karimi said the road to Herat was open. \"We are ready,\" he said. \"Nobody told us,\" she said."
        f" Officials in Herat said on Monday that {n} trucks had crossed. \"It is late,\" they said."
        for n in range(40)
    ))  # fmt: skip
    docs = list(annotate([Document(id=f"p{i}", text=t, published="2024-03-04") for i, t in enumerate(texts)]))
    fast = [quotes.extract_quotes(d) for d in docs]
    real_build = quotes._Speakers._build

    def walking(self):  # the linear walks, kept for speakers noted out of text order
        real_build(self)
        self._in_order = False
        self._title_offsets = {}

    monkeypatch.setattr(quotes._Speakers, "_build", walking)
    slow = [quotes.extract_quotes(d) for d in docs]
    assert fast == slow and sum(len(q) for q in fast) > 150
    assert any(q.speaker_kind == "person" and q.speaker_text in ("he", "she") for q in fast[1])


def test_the_date_said_look_up_answers_as_the_walk_it_replaced():
    from dateline.nlp import annotate

    texts = [bench.long_transcript(8_000, 31), bench.long_transcript(8_000, 32)]
    docs = list(annotate([Document(id=f"d{i}", text=t, published="2024-03-04") for i, t in enumerate(texts)]))
    checked = 0
    for doc in docs:
        pipeline.COMPONENTS["times"](doc)
        days = quotes._DayTimexes(doc)
        for q in quotes.extract_quotes(doc):
            walk = next((t for t in doc.timexes if not (t.start < q.sentence_start or t.end > q.sentence_end
                         or q.start <= t.start < q.end) and t.type == "DATE" and t.begin
                         and t.begin == t.finish), None)  # fmt: skip
            assert days.first_in(q.sentence_start, q.sentence_end, (q.start, q.end)) is walk
            checked += walk is not None
    assert checked > 20


def test_the_span_cover_answers_as_a_walk_of_the_spans():
    rnd = random.Random(4)
    for _ in range(200):
        spans = []
        for _ in range(rnd.randint(0, 12)):
            a = rnd.randint(0, 200)
            spans.append((a, a + rnd.randint(0, 40)))
        cover = quotes._Cover(spans[: len(spans) // 2])
        for s in spans[len(spans) // 2 :]:
            cover.add(s)  # in and out of order
        for x in range(-1, 250):
            assert cover.covers(x) == any(a <= x < b for a, b in spans)


# --------------------------------------------------------------------------- a parent killed with SIGKILL

_POOL_THEN_WAIT = """
import os, sys, time
from dateline import _workers
from dateline.model import Document

def task(docs, comps):
    return docs

pool = _workers._Pool(2, task)
futures = [pool.submit([(Document(id=str(i), text="x"), "s", "h")], ()) for i in range(4)]
[f.result() for f in futures]
print(" ".join(str(p) for p in pool.executor._processes), flush=True)
time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended, waiting to be reaped
    except FileNotFoundError:
        return False


def test_workers_end_themselves_when_their_parent_is_killed():
    """SIGKILL cannot be caught to stop the workers: each notices its parent is gone and ends (an orphaned
    worker waits for work for ever, holding its memory)."""
    import multiprocessing
    import signal
    import time

    if multiprocessing.get_start_method() != "fork" or not Path("/proc").is_dir():
        pytest.skip("forked workers and /proc")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    parent = subprocess.Popen(
        [sys.executable, "-c", _POOL_THEN_WAIT], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        pids = [int(p) for p in parent.stdout.readline().split()]  # type: ignore[union-attr]
        assert len(pids) == 2 and all(_alive(p) for p in pids)
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 10 * _workers._ORPHAN_CHECK_SECONDS
        while any(_alive(p) for p in pids) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(p) for p in pids)
    finally:
        parent.kill()
        for p in pids if "pids" in locals() else []:
            if _alive(p):
                os.kill(p, signal.SIGKILL)
