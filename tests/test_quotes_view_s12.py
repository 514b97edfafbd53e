"""Who said what, as an analyst reads it (twelfth session, from the analyst QA round): quotations listed in the order
they were said across articles, not by document id; a speaker found whatever accents the user types; each row names
its outlet."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.model import Document, Quote
from dateline.store import Store


def _doc(did: str, outlet: str, published: str, quotes: list[tuple[str, str, str]]) -> Document:
    text = " ".join(c for _, c, _ in quotes)
    doc = Document(id=did, text=text, outlet=outlet, published=published)
    pos = 0
    for n, (speaker, content, date) in enumerate(quotes):
        doc.quotes.append(Quote(id=f"{did}-q{n}", doc_id=did, content=content, start=pos, end=pos + len(content),
                                direct=True, speaker=speaker, speaker_text=speaker, date=date))  # fmt: skip
        pos += len(content) + 1
    return doc


def _store(tmp_path: Path) -> str:
    path = str(tmp_path / "q.db")
    store = Store(path)
    # the later article has the smaller id, so id order would put its quotes first
    store.add(_doc("0aaa", "Caracas Post", "2026-11-09", [("José Múcio", "We will not move.", "2026-11-09")]),
              "a.txt", "h1")  # fmt: skip
    store.add(_doc("ffff", "Boa Vista Wire", "2026-11-02",
                   [("José Múcio", "Troops arrive today.", "2026-11-02"), ("Ana Pérez", "Calm returned.", None)]),
              "b.txt", "h2")  # fmt: skip
    store.close()
    return path


def test_quotes_come_in_the_order_they_were_said(tmp_path: Path) -> None:
    store = Store(_store(tmp_path))
    assert [q.content for q in store.quotes()] == [
        "Troops arrive today.",
        "Calm returned.",
        "We will not move.",
    ]
    # a document's own quotations keep their text order
    assert [q.content for q in store.quotes(doc_id="ffff")] == ["Troops arrive today.", "Calm returned."]


def test_a_speaker_is_found_without_its_accents_and_with_them(tmp_path: Path) -> None:
    store = Store(_store(tmp_path))
    for typed in ("Mucio", "múcio", "MUCIO", "José"):
        assert len(list(store.quotes(speaker=typed))) == 2, typed
    assert [q.speaker for q in store.quotes(speaker="perez")] == ["Ana Pérez"]
    assert list(store.quotes(speaker="Padrino")) == []


def test_the_quotes_command_names_each_rows_outlet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline import cli

    monkeypatch.setattr(cli.console, "width", 200)
    db = _store(tmp_path)
    out = CliRunner().invoke(main, ["quotes", "--db", db, "--speaker", "Mucio"])
    assert out.exit_code == 0, out.output
    assert "Boa Vista Wire" in out.output and "Caracas Post" in out.output
    assert out.output.index("Troops arrive") < out.output.index("We will not")
    miss = CliRunner().invoke(main, ["quotes", "--db", db, "--speaker", "Nobody"])
    assert miss.exit_code == 0 and "no quotation matches" in miss.output
