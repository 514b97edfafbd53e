"""`dateline serve`: POST /api/ingest runs the NLP stages in a worker process (the machinery of `dateline ingest
--workers 1`, dateline/_workers.py), so a document that crashes the parse hard (a segfault, an abort) costs that
request only: it answers 422 with the reason, the server stays up and everything else is stored.

The crash is simulated as in tests/test_scale_s12.py: a hook set in the server process reaches its worker by
fork. The server runs as its own program (TestClient inside it): were the parse run in the server process, the
crash would end that program, which the test sees, not the test process.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from crash_hooks import CRASH_HOOKS

from dateline import pipeline

ROOT = Path(__file__).resolve().parents[1]

_SERVER = (
    CRASH_HOOKS
    + """
from fastapi.testclient import TestClient
from dateline.serve import create_app
client = TestClient(create_app(sys.argv[1]))
out = []
for body in json.loads(sys.argv[2]):
    r = client.post("/api/ingest", json=body)
    out.append({"status": r.status_code, "body": r.json()})
out.append({"documents": client.get("/api/documents").json()["total"], "pid": os.getpid()})
print(json.dumps(out))
"""
)

# articles written for this test
GOOD_1 = ("Fishermen in Varna blocked the harbour entrance on Tuesday to protest against new quotas, "
          "the port authority said.")  # fmt: skip
GOOD_2 = ("The health ministry of Chile sent 40 doctors to the flooded town of Talca on Friday, "
          "officials said.")  # fmt: skip
PARSE_CRASH = "A report that the parser of this test qqparsecrashqq cannot survive, filed in Nairobi."
COMPONENT_CRASH = "Police in Quito said qqcomponentcrashqq that a component of this test dies on it."


def _serve(db: Path, bodies: list[dict]) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    res = subprocess.run([sys.executable, "-c", _SERVER, str(db), json.dumps(bodies)], capture_output=True,
                         text=True, env=env, timeout=300)  # fmt: skip
    assert res.returncode == 0, f"the server process ended (exit {res.returncode}): {res.stderr[-2000:]}"
    return json.loads(res.stdout.strip().splitlines()[-1])


@pytest.fixture(autouse=True)
def _fork_only() -> None:
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the crash hook reaches the worker by fork")


def test_a_hard_crash_in_the_parse_or_a_component_fails_its_request_only(tmp_path: Path) -> None:
    db = tmp_path / "serve.db"
    out = _serve(db, [
        {"text": GOOD_1, "outlet": "Black Sea Wire", "published": "2025-03-04"},
        {"text": PARSE_CRASH, "outlet": "Crash Desk"},
        {"text": COMPONENT_CRASH},
        {"text": GOOD_2, "outlet": "Andes Daily", "published": "2025-03-07"},
        {"text": PARSE_CRASH, "outlet": "Crash Desk"},  # again: recorded failed, not tried (and crashed) again
    ])  # fmt: skip
    statuses = [r["status"] for r in out[:5]]
    assert statuses == [201, 422, 422, 201, 422], out
    for r in (out[1], out[2], out[4]):
        assert r["body"]["detail"] == pipeline.DIED
    assert out[0]["body"]["status"] == out[3]["body"]["status"] == "processed"
    assert out[5]["documents"] == 2  # nothing else lost: the articles before and after the crashes are stored
    with sqlite3.connect(db) as conn:
        failed = conn.execute("SELECT reason, doc_id FROM sources WHERE status = 'failed'").fetchall()
        assert failed == [(pipeline.DIED, None), (pipeline.DIED, None)]
        outlets = {r[0] for r in conn.execute("SELECT outlet FROM documents")}
        assert outlets == {"Black Sea Wire", "Andes Daily"}
        # the good articles went through every stage and were linked, as `dateline ingest` does
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] >= 2
        assert conn.execute("SELECT count(*) FROM story_docs").fetchone()[0] == 2


def test_the_server_process_does_not_parse_in_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The ingest request hands its document to a worker process: the parse never runs in the server's."""
    from fastapi.testclient import TestClient

    import dateline.nlp
    from dateline.serve import create_app

    server = os.getpid()
    real = dateline.nlp.annotate
    in_server: list[str] = []

    def annotate(docs, *a, **k):
        docs = list(docs)
        if os.getpid() == server:  # the models are warmed up here on a fixed text before the worker is forked
            in_server.extend(d.text for d in docs)
        return real(docs, *a, **k)

    monkeypatch.setattr(dateline.nlp, "annotate", annotate)
    client = TestClient(create_app(str(tmp_path / "w.db")))
    for text in (GOOD_1, GOOD_2):
        r = client.post("/api/ingest", json={"text": text, "title": "Posted"})
        assert r.status_code == 201 and r.json()["status"] == "processed", r.text
    assert client.get("/api/documents").json()["total"] == 2
    assert not any(GOOD_1 in t or GOOD_2 in t for t in in_server), "a posted article was parsed in the server"
    assert not multiprocessing.active_children()  # the worker is gone once the request is answered


def test_a_linking_failure_is_reported_and_the_document_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Linking runs after the document is stored: its failure is `link_error` in a 201, not a lost request."""
    from types import SimpleNamespace

    from fastapi.testclient import TestClient

    import dateline.serve as serve

    def link_new(store):
        raise RuntimeError("story index unavailable")

    monkeypatch.setattr(serve, "_link", lambda: SimpleNamespace(link_new=link_new))
    client = TestClient(serve.create_app(str(tmp_path / "l.db")))
    r = client.post("/api/ingest", json={"text": GOOD_1, "outlet": "Black Sea Wire"})
    assert r.status_code == 201, r.text
    assert r.json()["link_error"] == "RuntimeError: story index unavailable"
    assert client.get(f"/api/documents/{r.json()['doc_id']}").json()["outlet"] == "Black Sea Wire"
