"""Train the event-type backoff classifier of dateline/events.py on ngec-synthetic.

    python scripts/train_event_classifier.py [--data ../shared/data] [--out dateline/data/events/classifier.npz]

ngec-synthetic holds 4,500 LLM-written stories with LLM pseudo-labels (one PLOVER type per story; DEV material
only, never a source of facts). The lead sentence(s) of a story state its event, so each story gives one training
example: the features (`dateline.events._features`, the same code the coder runs) of its first sentence, plus the
second when the first is short. The filled headlines (`prompt`, first line) are added once each.

Model: multinomial logistic regression with L2, full-batch Adam, written with numpy (scikit-learn is not a
dependency). Internal validation holds out every story of one fifth of the headline templates (split by `title`, as
the data README says, since each template was generated many times). The shipped model is then retrained on all.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from dateline.evaluate import data_dir
from dateline.events import _features
from dateline.nlp import load

_OUT = Path(__file__).resolve().parents[1] / "dateline" / "data" / "events" / "classifier.npz"


def _examples(df: pd.DataFrame, cache: Path | None) -> list[tuple[list[str], str, str]]:
    """(features, label, title) for each story lead and each distinct headline."""
    if cache and cache.exists():
        return [tuple(x) for x in json.loads(cache.read_text())]  # type: ignore[misc]
    nlp = load()
    leads = [str(t).strip()[:800] for t in df["text"]]
    out: list[tuple[list[str], str, str]] = []
    for sdoc, label, title in zip(nlp.pipe(leads, batch_size=64), df["label"], df["title"], strict=True):
        sents = list(sdoc.sents)
        toks = list(sents[0])
        if len(toks) < 15 and len(sents) > 1:
            toks += list(sents[1])
        out.append((_features(toks), str(label), str(title)))
    heads = df.drop_duplicates("prompt")
    lines = [str(p).split("\n")[0].strip() for p in heads["prompt"]]
    for sdoc, label, title in zip(
        nlp.pipe(lines, batch_size=64), heads["label"], heads["title"], strict=True
    ):
        out.append((_features(sdoc), str(label), str(title)))
    if cache:
        cache.write_text(json.dumps(out))
    return out


def _design(feats: list[list[str]], index: dict[str, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sparse rows as (flat feature ids, row of each id, 1/sqrt(n) weight of each id)."""
    ids, rows, vals = [], [], []
    for r, fs in enumerate(feats):
        u = sorted({index[f] for f in fs if f in index})
        ids += u
        rows += [r] * len(u)
        vals += [1.0 / np.sqrt(len(u))] * len(u) if u else []
    return np.array(ids, dtype=np.int64), np.array(rows, dtype=np.int64), np.array(vals, dtype=np.float32)


def _train(
    feats: list[list[str]], y: np.ndarray, n_labels: int, vocab: list[str], l2: float, epochs: int
) -> tuple[np.ndarray, np.ndarray]:
    index = {w: i for i, w in enumerate(vocab)}
    ids, rows, vals = _design(feats, index)
    n = len(feats)
    w = np.zeros((len(vocab), n_labels), dtype=np.float32)
    b = np.zeros(n_labels, dtype=np.float32)
    onehot = np.eye(n_labels, dtype=np.float32)[y]
    m = [np.zeros_like(w), np.zeros_like(b)]
    v = [np.zeros_like(w), np.zeros_like(b)]
    lr, b1, b2 = 0.05, 0.9, 0.999
    for step in range(1, epochs + 1):
        z = np.zeros((n, n_labels), dtype=np.float32)
        np.add.at(z, rows, w[ids] * vals[:, None])
        z += b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) / n
        gw = np.zeros_like(w)
        np.add.at(gw, ids, g[rows] * vals[:, None])
        gw += l2 * w
        gb = g.sum(axis=0)
        for k, (param, grad) in enumerate(((w, gw), (b, gb))):
            m[k] = b1 * m[k] + (1 - b1) * grad
            v[k] = b2 * v[k] + (1 - b2) * grad * grad
            param -= lr * (m[k] / (1 - b1**step)) / (np.sqrt(v[k] / (1 - b2**step)) + 1e-8)
    return w, b


def _predict(feats: list[list[str]], vocab: list[str], w: np.ndarray, b: np.ndarray) -> np.ndarray:
    index = {x: i for i, x in enumerate(vocab)}
    ids, rows, vals = _design(feats, index)
    z = np.zeros((len(feats), w.shape[1]), dtype=np.float32)
    np.add.at(z, rows, w[ids] * vals[:, None])
    z += b
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=1, keepdims=True)


def _vocab(feats: list[list[str]], min_count: int) -> list[str]:
    df = Counter(f for fs in feats for f in set(fs))
    return sorted(f for f, c in df.items() if c >= min_count)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=_OUT)
    ap.add_argument("--cache", type=Path, default=None, help="JSON file to keep the parsed features in")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--epochs", type=int, default=200)
    args = ap.parse_args()
    data = args.data or data_dir()
    df = pd.read_csv(data / "ngec-synthetic" / "gpt_synthetic_events_2023-10-19_19.csv.gz")
    ex = _examples(df, args.cache)
    labels = sorted({e[1] for e in ex})
    lab = {x: i for i, x in enumerate(labels)}

    # internal validation: hold out one fifth of the headline templates
    # (validated on story leads only: the headlines are short and easier)
    held = [int(hashlib.md5(e[2].encode()).hexdigest(), 16) % 5 == 0 for e in ex]
    tr = [e for e, h in zip(ex, held, strict=True) if not h]
    va = [e for i, (e, h) in enumerate(zip(ex, held, strict=True)) if h and i < len(df)]
    vocab = _vocab([e[0] for e in tr], args.min_count)
    w, b = _train(
        [e[0] for e in tr], np.array([lab[e[1]] for e in tr]), len(labels), vocab, args.l2, args.epochs
    )
    p = _predict([e[0] for e in va], vocab, w, b)
    gold = np.array([lab[e[1]] for e in va])
    pred = p.argmax(axis=1)
    conf = p.max(axis=1)
    f1s = []
    for k in range(len(labels)):
        tp = int(((pred == k) & (gold == k)).sum())
        fp = int(((pred == k) & (gold != k)).sum())
        fn = int(((pred != k) & (gold == k)).sum())
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    report = {
        "train_examples": len(tr),
        "validation_examples": len(va),
        "validation_templates": len({e[2] for e in va}),
        "accuracy": round(float((pred == gold).mean()), 4),
        "macro_f1": round(float(np.mean(f1s)), 4),
    }
    for t in (0.5, 0.6, 0.7, 0.8):
        sel = conf >= t
        report[f"accuracy@p>={t}"] = round(float((pred[sel] == gold[sel]).mean()), 4) if sel.any() else None
        report[f"coverage@p>={t}"] = round(float(sel.mean()), 4)
    print(json.dumps(report, indent=1))

    vocab = _vocab([e[0] for e in ex], args.min_count)
    w, b = _train(
        [e[0] for e in ex], np.array([lab[e[1]] for e in ex]), len(labels), vocab, args.l2, args.epochs
    )
    keep = np.abs(w).max(axis=1) >= 0.05  # drop features that never move a label: a smaller file
    np.savez_compressed(
        args.out,
        labels=np.array(labels),
        vocab=np.array([x for x, k in zip(vocab, keep, strict=True) if k]),
        weights=w[keep].astype(np.float16),
        bias=b.astype(np.float16),
    )
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB, {int(keep.sum())} features)")


if __name__ == "__main__":
    main()
