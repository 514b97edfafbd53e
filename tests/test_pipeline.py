"""End-to-end ingest: resume, duplicates, bad input, workers, atomic documents."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.pipeline import ingest
from dateline.store import Store

SUBJECTS = [
    "British troops",
    "Iraqi forces",
    "US officials",
    "French diplomats",
    "Turkish ministers",
    "NATO trainers",
]
VERBS = ["arrived in", "left", "visited", "met officials in", "were moved to", "patrolled near"]
PLACES = ["Baghdad", "Erbil", "Basra", "Mosul", "Kirkuk", "Camp Taji", "Amman", "Beirut"]


def _article(i: int) -> str:
    # every article differs in most of its words, so none is a near-duplicate of another
    lines = [f"Report number {i} on the deployment", ""]
    for j in range(6):
        k = i * 7 + j * 3
        lines.append(
            f"{SUBJECTS[k % 6]} {VERBS[(k // 6) % 6]} {PLACES[(k // 36 + j) % 8]} on day {i * 10 + j}, "
            f"according to statement {i}-{j}, and {k % 97} vehicles followed convoy {i * 31 + j}."
        )
        lines.append("")
    return "\n".join(lines)


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(_article(i), encoding="utf-8")
    return folder


def test_ingest_twice_adds_nothing_and_skips_unchanged(tmp_path):
    corpus = _corpus(tmp_path / "c", 5)
    store = Store(tmp_path / "d.db")
    first = ingest([str(corpus)], store, components=())
    assert first.ingested == 5 and not first.failed
    second = ingest([str(corpus)], store, components=())
    assert second.ingested == 0 and second.unchanged == 5
    assert store.count("documents") == 5


def test_exact_and_near_duplicates(tmp_path):
    corpus = _corpus(tmp_path / "c", 3)
    text = (corpus / "a000.txt").read_text()
    (corpus / "copy.txt").write_text(text)
    (corpus / "syndicated.txt").write_text(text + "\nThis story was first published by The Example Post.\n")
    store = Store(tmp_path / "d.db")
    s = ingest([str(corpus)], store, components=())
    assert (s.ingested, s.duplicates, s.near_duplicates) == (3, 1, 1)
    near = [r for r in store.document_rows() if r["status"] == "near-duplicate"]
    assert len(near) == 1 and near[0]["duplicate_of"] is not None
    assert store.count("entities") > 0
    # the near-duplicate is stored but not processed: no entities of its own
    assert (
        store.db.execute("SELECT count(*) FROM entities WHERE doc_id=?", (near[0]["id"],)).fetchone()[0] == 0
    )


def test_bad_inputs_are_recorded_and_the_rest_ingested(tmp_path):
    corpus = _corpus(tmp_path / "c", 2)
    (corpus / "empty.txt").write_text("")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (corpus / "big.txt").write_text("word " * 3000)
    store = Store(tmp_path / "d.db")
    s = ingest([str(corpus)], store, components=(), max_bytes=10_000)
    assert s.ingested == 2
    reasons = {Path(f.source).name: f.reason for f in s.failed}
    assert set(reasons) == {"empty.txt", "binary.txt", "big.txt"}
    assert all(reasons.values())
    assert {Path(r["source"]).name for r in store.failures()} == set(reasons)


def test_interrupted_run_resumes_without_duplicates(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path / "c", 8)
    store = Store(tmp_path / "d.db")
    calls = {"n": 0}
    real_add = Store.add

    def dying_add(self, *a, **kw):
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt  # the run dies while writing the 4th document
        return real_add(self, *a, **kw)

    monkeypatch.setattr(Store, "add", dying_add)
    with pytest.raises(KeyboardInterrupt):
        ingest([str(corpus)], store, components=(), batch_size=2)
    monkeypatch.setattr(Store, "add", real_add)
    assert store.count("documents") == 3
    s = ingest([str(corpus)], store, components=())
    assert s.ingested == 5 and s.unchanged == 3
    assert store.count("documents") == 8
    assert store.db.execute("SELECT count(DISTINCT content_hash) FROM documents").fetchone()[0] == 8


def test_sigkill_leaves_no_half_written_document(tmp_path):
    corpus = _corpus(tmp_path / "c", 60)
    db = tmp_path / "d.db"
    cmd = [sys.executable, "-m", "dateline.cli", "ingest", str(corpus), "--db", str(db), "--quiet",
           "--skip", "events", "--skip", "quotes", "--skip", "places", "--skip", "times"]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if db.exists():
            try:
                if Store(db, readonly=True).count("documents") >= 2:
                    break
            except Exception:
                pass
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    store = Store(db)
    n = store.count("documents")
    # every stored document is whole: its source row is there and its entities were written with it
    docs_without_source = store.db.execute(
        "SELECT count(*) FROM documents d LEFT JOIN sources s ON s.doc_id = d.id WHERE s.source IS NULL"
    ).fetchone()[0]
    assert docs_without_source == 0
    assert n < 60
    s = ingest([str(corpus)], store, components=())
    assert store.count("documents") == 60 and s.ingested == 60 - n


def test_two_workers_give_the_same_documents(tmp_path):
    corpus = _corpus(tmp_path / "c", 6)
    a, b = Store(tmp_path / "a.db"), Store(tmp_path / "b.db")
    ingest([str(corpus)], a, components=())
    ingest([str(corpus)], b, components=(), workers=2, batch_size=2)
    q = "SELECT id, text FROM documents ORDER BY id"
    assert a.db.execute(q).fetchall() == b.db.execute(q).fetchall()
    assert a.count("entities") == b.count("entities")


def test_a_failing_component_keeps_the_document(tmp_path, monkeypatch):
    from dateline import pipeline

    def boom(doc):
        raise RuntimeError("extractor exploded")

    monkeypatch.setitem(pipeline.COMPONENTS, "boom", boom)
    corpus = _corpus(tmp_path / "c", 1)
    store = Store(tmp_path / "d.db")
    ingest([str(corpus)], store, components=("boom",))
    doc = store.get(store.document_rows()[0]["id"])
    assert "extractor exploded" in doc.extra["errors"][0]


def test_sentences_end_at_their_last_character_not_the_paragraph_break() -> None:
    from dateline.nlp import parse

    doc = parse("Troops left the base on Monday.\n\nThe ministry confirmed it.", "2021-05-04")
    texts = [doc.text[s.start : s.end] for s in doc.sentences]
    assert texts == ["Troops left the base on Monday.", "The ministry confirmed it."]
    assert doc.sentence_of(len("Troops left the base on Monday.")) == -1  # the break belongs to no sentence


def test_a_paragraph_break_always_ends_a_sentence() -> None:
    from dateline.nlp import parse

    doc = parse(
        "A mine killed two herders yesterday.\n\nPRESENTER: In the north, rain closed the pass.", "2021-05-04"
    )
    texts = [doc.text[s.start : s.end] for s in doc.sentences]
    assert texts[0] == "A mine killed two herders yesterday."
    assert not any("\n" in t for t in texts)


def test_a_speaker_label_is_a_segment_of_its_own() -> None:
    from dateline.nlp import parse

    doc = parse(
        "Evening bulletin\n\nPRESENTER: Floods cut the coast road yesterday.\n\nREPORTER (Durban): Two bridges "
        "collapsed.\n\nGOV. ANA RUIZ (Cauca): We will rebuild them.\n\nThe note read: rebuild.",
        "2021-05-04",
    )
    texts = [doc.text[s.start : s.end] for s in doc.sentences]
    assert texts[1:7] == [
        "PRESENTER:",
        "Floods cut the coast road yesterday.",
        "REPORTER (Durban):",
        "Two bridges collapsed.",
        "GOV. ANA RUIZ (Cauca):",
        "We will rebuild them.",
    ]
    assert texts[-1] == "The note read: rebuild."  # a colon inside a sentence is no label


def test_year_less_wire_copy_is_dated_by_the_rest_of_the_run(tmp_path):
    folder = tmp_path / "wire"
    folder.mkdir()
    # the wire article sorts first, so it only gets its year by waiting for the dated ones
    (folder / "a-wire.txt").write_text(
        "Ferry service suspended\n\nMOMBASA, Aug 4 (Coast Wire) - The port authority suspended the ferry service "
        "on Monday after a collision, the authority said.\n",
        encoding="utf-8",
    )
    for i, day in enumerate(("5", "6")):
        (folder / f"b{i}.txt").write_text(
            f"Port news {i}\n\nPublished: August {day}, 2024\n\nDock workers in Mombasa met managers over pay "
            f"number {i} and agreed to talk again next month.\n",
            encoding="utf-8",
        )
    store = Store(tmp_path / "d.db")
    summary = ingest([str(folder)], store, components=("published",))
    assert summary.ingested == 3
    rows = dict(store.db.execute("SELECT path, published FROM documents").fetchall())
    wire = next(v for k, v in rows.items() if k.endswith("a-wire.txt"))
    assert wire == "2024-08-04"
