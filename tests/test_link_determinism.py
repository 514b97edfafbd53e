"""The link stage gives byte-identical output whatever PYTHONHASHSEED is (issue 7).

Six demo articles (the missiles on Al Asad, told by four of them, and two reports of a parliament vote) are ingested
once, in this process; copies of the store are then linked by `dateline link` in child processes with different hash
seeds, and every table the link stage writes (row by row, in rowid order) and the merged events as `dateline timeline
--format json`, `dateline stories` and `dateline explain --json` show them must be the same bytes. Word sets summed
in set order (the word-overlap cosine and its norm), merged events rebuilt in set order and story ties broken in the
order of sets of story ids made them differ. (`dateline export` has no merged-event record; the timeline's JSON is
their export.) Ingest itself was checked apart (the demo corpus under two seeds): its tables are the same but for the
ingest timestamps.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.pipeline import ingest
from dateline.store import Store

DEMO = Path(__file__).resolve().parents[1] / "dateline" / "demo" / "articles"
ARTICLES = [
    "05-meridian-news-iraq-parliament-vote.html",
    "06-levant-observer-parliament-votes.txt",
    "10-gulf-wire-missiles-al-asad-erbil.html",
    "11-capital-dispatch-al-asad-missiles.txt",
    "12-riverside-chronicle-al-asad-missiles.txt",
    "21-gulf-wire-iran-fires-missiles.html",
]
LINK_TABLES = ("merged_events", "event_links", "stories", "story_docs", "term_df", "link_meta")
SEEDS = ("0", "4242")
# one child process per seed (the hash seed is fixed at interpreter start): `dateline link`, then the views of the
# merged events, each CLI command's output after a NUL line; the tables are read afterwards
CHILD = """
import sys
from click.testing import CliRunner
from dateline.cli import main
db = sys.argv[1]
runner = CliRunner()
def run(*args):
    out = runner.invoke(main, [*args, "--db", db], catch_exceptions=False)
    assert out.exit_code == 0, out.output
    return out.stdout
run("link")
import sqlite3
con = sqlite3.connect(db)
biggest = con.execute("SELECT id FROM merged_events ORDER BY mentions DESC, id LIMIT 1").fetchone()[0]
con.close()
for args in (("timeline", "--format", "json"), ("stories",), ("explain", biggest, "--json")):
    sys.stdout.write("\\0" + " ".join(args[:1]) + "\\n" + run(*args))
"""


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("determinism")
    db = tmp / "base.db"
    store = Store(db)
    ingest([str(DEMO / name) for name in ARTICLES], store, link=False)
    store.close()
    return db


def _dump(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return [
            f"{table} {row!r}"
            for table in LINK_TABLES
            for row in con.execute(f"SELECT rowid, * FROM {table} ORDER BY rowid")  # noqa: S608
        ]
    finally:
        con.close()


def _linked(base: Path, seed: str) -> tuple[list[str], str]:
    """The link tables and the views' output after `dateline link` with this hash seed, on a copy of `base`."""
    db = base.with_name(f"seed{seed}.db")
    shutil.copy(base, db)
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run([sys.executable, "-c", CHILD, str(db)], env=env, capture_output=True, text=True,
                         check=True, timeout=300)  # fmt: skip
    return _dump(db), out.stdout


def test_link_output_does_not_depend_on_the_hash_seed(ingested: Path) -> None:
    runs = [_linked(ingested, seed) for seed in SEEDS]
    tables, views = runs[0]
    assert any(row.startswith("merged_events ") for row in tables)
    assert views.count("\0") == 3 and '"event"' in views
    # the story has merged events of several reports (joins, so link scores and word overlaps are exercised)
    assert any(row.startswith("event_links ") and "joined_to" in row for row in tables)
    for seed, (other_tables, other_views) in zip(SEEDS[1:], runs[1:], strict=True):
        assert other_tables == tables, f"link tables differ between PYTHONHASHSEED {SEEDS[0]} and {seed}"
        assert other_views == views, (
            f"the views of merged events differ between PYTHONHASHSEED {SEEDS[0]} and {seed}"
        )
