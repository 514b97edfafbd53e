"""Ingest at scale: standard input, a document that kills its worker, Ctrl-C, and very long texts.

The rules under test: every text piped in is a source of its own (and the same text again is unchanged); a
worker process that dies costs only the document it died on, recorded with the reason, and a re-run skips it
unless asked to retry; Ctrl-C is one line and exit 130 with nothing half-written; a long text is processed in
pieces whose annotations point at the right characters of the whole text.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from dateline import _workers, nlp, pipeline
from dateline.cli import main
from dateline.model import Document
from dateline.store import Store

NO_COMPONENTS = [x for c in pipeline.DEFAULT_COMPONENTS for x in ("--skip", c)]

# short articles written for these tests, different enough not to be near-duplicates of each other
ARTICLES = [
    "Fishermen in Mombasa blocked the harbour entrance on Tuesday to protest against new licence fees.",
    "The foreign ministers of Norway and Finland signed a border agreement in Oslo on Wednesday.",
    "Rebels ambushed an army convoy outside Goma, killing four soldiers, a military spokesman said.",
    "Flooding forced about 3,000 families from their homes near Sylhet after days of heavy rain.",
    "Teachers in Santiago walked out of classrooms for a second day over unpaid wages.",
    "A court in Ankara sentenced two journalists to prison for reporting on a military operation.",
]
POISON = "The marker word zzpoisonzz makes the test component end its worker process at once."


@pytest.fixture(autouse=True, scope="module")
def _wide_console(wide_console: None) -> None:
    """Every test here matches CLI messages on one line (see conftest.py)."""


def _invoke(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input)


def _rows(db: str, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


# --------------------------------------------------------------------------- standard input


def test_each_text_piped_in_is_a_source_of_its_own(tmp_path):
    db = str(tmp_path / "s.db")
    args = ("ingest", "-", "--db", db, "--quiet", "--no-link", *NO_COMPONENTS)
    for text in ARTICLES[:2]:
        res = _invoke(*args, input=text.encode())
        assert res.exit_code == 0 and "1 ingested" in res.output, res.output
    res = _invoke(*args, input=ARTICLES[0].encode())  # the first text again: nothing to do
    assert "0 ingested" in res.output and "1 unchanged" in res.output and "0 duplicates" in res.output
    lines = "\n".join(
        [f'{{"text": "{ARTICLES[2]}", "url": "https://example.org/goma"}}', f'{{"text": "{ARTICLES[3]}"}}']
    )
    assert "2 ingested" in _invoke(*args, input=lines.encode()).output
    assert "2 unchanged" in _invoke(*args, input=lines.encode()).output
    sources = _rows(db, "SELECT source, status, doc_id FROM sources ORDER BY source")
    assert len(sources) == 4 and all(s.startswith("stdin:") and st == "processed" for s, st, _ in sources)
    assert any(s.endswith(" https://example.org/goma") for s, _, _ in sources)
    assert {d for _, _, d in sources} == {r[0] for r in _rows(db, "SELECT id FROM documents")}
    assert _rows(db, "SELECT count(*) FROM documents WHERE path IS NOT NULL") == [(0,)]


# --------------------------------------------------------------------------- a worker that dies


def _die_on_marker(doc: Document) -> None:
    if "zzpoisonzz" in doc.text:
        os._exit(1)  # as an out-of-memory kill or a crash in a library would: no exception, no cleanup


@pytest.fixture
def folder(tmp_path) -> Path:
    root = tmp_path / "articles"
    root.mkdir()
    for i, text in enumerate(ARTICLES):
        (root / f"a{i}.txt").write_text(text + "\n", encoding="utf-8")
    (root / "a3_poison.txt").write_text(POISON + "\n", encoding="utf-8")
    return root


def test_a_document_that_kills_its_worker_costs_only_itself(folder, tmp_path, monkeypatch):
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the dying component reaches the workers by fork")
    monkeypatch.setitem(pipeline.COMPONENTS, "published", _die_on_marker)  # inherited by the forked workers
    db = str(tmp_path / "w.db")
    args = ("ingest", str(folder), "--db", db, "--workers", "2", "--no-link", "--skip", "times", "--skip",
            "places", "--skip", "quotes", "--skip", "events")  # fmt: skip
    res = _invoke(*args)
    assert res.exit_code == 0, res.output
    assert "6 ingested" in res.output and "1 failed" in res.output and "Traceback" not in res.output
    line = next(x for x in res.output.splitlines() if "a3_poison.txt" in x)
    assert "failed" in line and pipeline.DIED in line
    assert _rows(db, "SELECT source, reason FROM sources WHERE status = 'failed'") == [
        (str(folder / "a3_poison.txt"), pipeline.DIED)
    ]
    assert len(_rows(db, "SELECT id FROM documents")) == 6
    assert not multiprocessing.active_children()

    res = _invoke(*args)  # the same run again: the culprit is not tried again, and the summary says so
    assert res.exit_code == 0 and "0 ingested" in res.output and "6 unchanged" in res.output
    assert "1 input(s) failed in an earlier run" in res.output and "--retry-failed" in res.output

    monkeypatch.undo()  # "fixed": asked to, the run tries it again and stores it
    res = _invoke(*args, "--retry-failed")
    assert res.exit_code == 0 and "1 ingested" in res.output and "0 failed" in res.output, res.output
    assert _rows(db, "SELECT status FROM sources WHERE source LIKE '%a3_poison.txt'") == [("processed",)]


def test_isolation_names_the_culprit_when_several_die_together(monkeypatch):
    """Two documents in flight when the pool dies: each is re-run alone; only the one that dies alone fails."""
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the dying component reaches the workers by fork")
    monkeypatch.setitem(pipeline.COMPONENTS, "published", _die_on_marker)
    items = [(Document(id=f"d{i}", text=t), f"src{i}", f"h{i}") for i, t in enumerate([ARTICLES[0], POISON])]
    pool = _workers._Pool(2, pipeline._process_batch)
    try:
        out = [x for done in _workers._isolate(items, pool, ("published",)) for x in done]
    finally:
        pool.stop()
    status = {source: doc.status for doc, source, _ in out}
    assert status == {"src0": "processed", "src1": "failed"}
    assert next(d for d, s, _ in out if s == "src1").extra["errors"] == [pipeline.DIED]


# --------------------------------------------------------------------------- Ctrl-C


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_is_one_line_with_the_count_and_nothing_half_written(folder, tmp_path, monkeypatch, workers):
    db = str(tmp_path / "c.db")
    calls = {"n": 0}
    original = Store._index_event_args

    def ctrl_c_on_third_document(self, doc):  # inside the third document's transaction
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return original(self, doc)

    monkeypatch.setattr(Store, "_index_event_args", ctrl_c_on_third_document)
    res = _invoke("ingest", str(folder), "--db", db, "--quiet", "--workers", workers, *NO_COMPONENTS)
    assert res.exit_code == 130 and "Traceback" not in res.output
    assert "interrupted: 2 documents stored; run the same command again to resume" in res.output
    assert _rows(db, "SELECT count(*) FROM documents") == [(2,)]
    assert _rows(db, "SELECT count(*) FROM entities WHERE doc_id NOT IN (SELECT id FROM documents)") == [(0,)]
    assert not multiprocessing.active_children()  # the workers were stopped, not left running


def _slow_identity(docs: list[Document], comps: tuple[str, ...]) -> list[Document]:
    import time

    time.sleep(0.05)
    return docs


@pytest.mark.parametrize("workers", [1, 2])
def test_stopping_the_pool_leaves_no_worker_that_reads_as_alive(workers):
    """The executor's manager thread reaps workers as they end; a worker it had reaped but not yet marked ended
    read as alive after stop() (about 1 run in 50). Stopped with work in flight, many times over."""
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the race is between threads of a forking parent")
    for i in range(40):
        pool = _workers._Pool(workers, _slow_identity)
        for j in range(2 * workers):
            pool.submit([(Document(id=f"d{j}", text="x"), f"s{j}", f"h{j}")], ())
        if i % 2:
            pool.submit([(Document(id="late", text="x"), "late", "h")], ())
        pool.stop()
        assert not multiprocessing.active_children(), f"a worker still alive after stop() on try {i + 1}"


def test_ctrl_c_while_the_command_starts_is_one_line():
    hook = (
        "import sys\n"
        "class Stop:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'dateline.pipeline':\n"
        "            raise KeyboardInterrupt\n"
        "sys.meta_path.insert(0, Stop())\n"
        "from dateline.cli import main\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(pipeline.__file__).parents[1])}
    res = subprocess.run([sys.executable, "-c", hook], capture_output=True, text=True, env=env, timeout=60)
    assert res.returncode == 130 and res.stderr.strip() == "interrupted", res.stderr


# --------------------------------------------------------------------------- long texts


def _long_text(n_chars: int, seed: int = 3) -> str:
    """Generated news-like text with paragraph breaks every few sentences (names and places vary)."""
    rnd = random.Random(seed)
    towns = ["Tartus", "Mosul", "Goma", "Kharkiv", "Lima", "Dhaka", "Manila", "Gao", "Herat", "Juba"]
    people = ["Maria Lopez", "Ahmed Karimi", "John Walsh", "Fatima Diallo", "Oleg Petrenko"]
    forms = [
        "Police in {t} arrested {n} protesters on Monday, officials said.",
        "{p} told reporters in {t} that more than {n} soldiers had arrived.",
        "Talks in {t} collapsed on Friday after {n} hours, according to {p}.",
    ]
    paras, size = [], 0
    while size < n_chars:
        para = " ".join(
            rnd.choice(forms).format(t=rnd.choice(towns), n=rnd.randint(2, 900), p=rnd.choice(people))
            for _ in range(rnd.randint(2, 5))
        )
        paras.append(para)
        size += len(para) + 2
    return "\n\n".join(paras)


def test_a_200_kb_text_is_cut_at_paragraph_breaks_into_pieces_that_join_back():
    text = _long_text(200_000)
    pieces = nlp.split_text(text, pipeline.LONG_PIECE_CHARS)
    assert "".join(pieces) == text and len(pieces) >= 200_000 // pipeline.LONG_PIECE_CHARS
    assert all(len(p) <= pipeline.LONG_PIECE_CHARS for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])
    one_line = text.replace("\n\n", " ")  # no paragraph breaks at all: cut after a sentence
    pieces = nlp.split_text(one_line, pipeline.LONG_PIECE_CHARS)
    assert "".join(pieces) == one_line and all(p.endswith(". ") for p in pieces[:-1])


def test_a_long_text_in_pieces_equals_the_whole_parse_and_points_at_its_text(monkeypatch):
    text = _long_text(12_000)
    whole = pipeline.process([Document(id="whole", text=text, published="2024-05-03")], ("times",))[0]
    monkeypatch.setattr(pipeline, "LONG_CHARS", 5_000)
    monkeypatch.setattr(pipeline, "LONG_PIECE_CHARS", 2_000)
    cut = pipeline.process([Document(id="cut", text=text, published="2024-05-03")], ("times",))[0]
    assert cut.status == "processed" and cut.text == text and not cut.extra.get("errors")
    assert [(s.start, s.end) for s in cut.sentences] == [(s.start, s.end) for s in whole.sentences]
    assert [(e.start, e.end, e.label, e.sentence) for e in cut.entities] == [
        (e.start, e.end, e.label, e.sentence) for e in whole.entities
    ]
    assert [(t.start, t.end, t.value) for t in cut.timexes] == [
        (t.start, t.end, t.value) for t in whole.timexes
    ]
    for e in cut.entities:
        assert text[e.start : e.end] == e.text
        assert cut.sentences[e.sentence].start <= e.start < cut.sentences[e.sentence].end
    for t in cut.timexes:
        assert text[t.start : t.end] == t.text


def test_events_of_later_pieces_point_into_the_whole_text(monkeypatch):
    monkeypatch.setattr(pipeline, "LONG_CHARS", 1_000)
    monkeypatch.setattr(pipeline, "LONG_PIECE_CHARS", 600)
    text = "\n\n".join(ARTICLES * 2)
    [doc] = pipeline.process([Document(id="evs", text=text, published="2024-05-03")], ("events", "quotes"))
    assert doc.status == "processed" and doc.events, doc.extra
    assert len({e.id for e in doc.events}) == len(doc.events)
    assert max(e.event_start for e in doc.events) > 600  # some come from a later piece
    for e in doc.events:
        assert text[e.event_start : e.event_end] == e.event_text
        assert text[e.sentence_start : e.sentence_end] == e.text
        for a in e.actor + e.recipient:
            assert text[a.start : a.end] == a.text
