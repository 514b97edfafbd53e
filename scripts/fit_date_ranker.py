"""Fit the date ranker of `dateline.link.digest` (DATEWISE's supervised date classifier) on the DEV topics of
Timeline17 and write its weights to dateline/data/timeline/date_ranker.json.

    python scripts/fit_date_ranker.py [--l2 10] [--features a,b,c] [--topics LibyaWar_cnn] [--out FILE]

Logistic regression by Newton's method in numpy (scikit-learn is not a dependency). Each gold timeline gives
one collection: the articles published inside its span, candidate dates = days mentioned or published on in
that span, label 1 for the days of the gold timeline. Also prints leave-one-topic-out precision at l.
`--topics` fits on some DEV topics only (for an end-to-end leave-one-topic-out run, pass the file as
`digest(..., model=FILE)`). The strong L2 (10) was chosen leave-one-topic-out: fitted on one topic, weaker
penalties overfit it (held-out precision at l 0.519 / 0.474 with 1.0, 0.557 / 0.474 with 10).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import numpy as np

from dateline.evaluate import data_dir
from dateline.evaluate.timeline import SPLITS, _load_topic
from dateline.link import digest as dg

# the features the shipped model uses (a subset of digest.FEATURES; chosen by leave-one-topic-out on DEV)
USE = ("docs_total", "docs_later", "pub_1")


def _collections(
    args_use: tuple[str, ...] = USE, topics: tuple[str, ...] = ()
) -> list[tuple[str, np.ndarray, np.ndarray]]:
    out = []
    for topic in topics or SPLITS["dev"]:  # never the TEST topics
        if topic not in SPLITS["dev"]:
            raise SystemExit(f"{topic} is no DEV topic")
        folder = data_dir() / "timeline17" / topic
        articles, refs = _load_topic(folder)
        kw = dg._keyword_rx(json.loads((folder / "keywords.json").read_text(encoding="utf-8")))
        arts = [a for a in (dg._prepare(r) for r in articles) if a is not None]
        if dg.ON_TOPIC_ONLY and kw is not None:  # as digest() reads the collection
            arts = [a for a in arts if kw.search(a.text)]
        for ref in refs:
            lo, hi = min(ref), max(ref)
            dates, x = dg._date_features([a for a in arts if lo <= a.pub <= hi], lo, hi, kw)
            x = x[:, [dg.FEATURES.index(f) for f in args_use]]
            y = np.array([1.0 if d in ref else 0.0 for d in dates])
            out.append((topic, x, y))
    return out


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression (the bias is not penalised), Newton's method."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    reg = np.full(xb.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) + reg * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(reg) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def _prec_at_l(x: np.ndarray, y: np.ndarray, w: np.ndarray, b: float) -> float:
    order = np.argsort(-(x @ w + b), kind="stable")
    n_pos = int(y.sum())
    return float(y[order[:n_pos]].mean()) if n_pos else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--l2", type=float, default=10.0)
    ap.add_argument("--out", type=Path, default=dg._DATA / "date_ranker.json")
    ap.add_argument("--features", default=",".join(USE), help="comma-separated names from digest.FEATURES")
    ap.add_argument(
        "--topics", default="", help="comma-separated DEV topics to fit on (default: all DEV topics)"
    )
    args = ap.parse_args()
    use = tuple(args.features.split(","))
    cols = _collections(use, tuple(t for t in args.topics.split(",") if t))
    for held in sorted({t for t, _, _ in cols}) if len({t for t, _, _ in cols}) > 1 else []:
        tr = [(x, y) for t, x, y in cols if t != held]
        w, b = fit(np.vstack([x for x, _ in tr]), np.concatenate([y for _, y in tr]), args.l2)
        for t, x, y in cols:
            if t == held:
                print(
                    f"held out {held}: precision at l {_prec_at_l(x, y, w, b):.3f}"
                    f" (mention-count baseline {_prec_at_l(x[:, :1], y, np.ones(1), 0.0):.3f})"
                )
    w, b = fit(np.vstack([x for _, x, _ in cols]), np.concatenate([y for _, _, y in cols]), args.l2)
    model = {
        "features": list(use),
        "weights": [round(float(v), 6) for v in w],
        "bias": round(b, 6),
        "l2": args.l2,
        "trained_on": sorted({t for t, _, _ in cols}),
        "fitted": dt.date.today().isoformat(),
        "note": "logistic regression over digest._date_features; refit with scripts/fit_date_ranker.py",
    }
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: " + ", ".join(f"{n} {v:+.2f}" for n, v in zip(use, w, strict=True)))


if __name__ == "__main__":
    main()
