"""Eval suite `extraction`: article-body extraction on the ScrapingHub Article Extraction Benchmark.

Two paths through `dateline.clean.to_document`:
- html: the page's HTML as an .html article;
- text: the page dumped to plain text with everything kept (lxml: all text nodes but script/style,
  block elements on their own lines; like the README's "html-text" baseline, 0.665 F1), fed as a .txt
  article, so the text cleaner has to find the article in the whole page (with the learned line model;
  `text_rules_only` is the same path with the hand-set line scores, for comparison).

Metric: the benchmark's own (README of scrapinghub-aeb): \\w+ tokens, 4-gram shingles as a multiset,
per-page TP/FP/FN normalised by their sum, precision and recall averaged over pages, F1 from the two means.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

import dateline.clean as clean
from dateline.clean import _html_text, to_document  # the page dump shared with clean's HTML fallback
from dateline.evaluate import require, suite
from dateline.model import RawArticle

_TOKEN = re.compile(r"\w+")
PUBLISHED = {"trafilatura 2.0.0 (published, all pages)": 0.958, "full-page html-text (published)": 0.665}


def _shingles(text: str | None, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_scores(gold: str, pred: str | None) -> tuple[float | None, float | None, bool]:
    """(precision or None when not defined, recall or None, exact token match) for one page."""
    g, p = _shingles(gold), _shingles(pred)
    tp = fp = fn = 0
    for key in g.keys() | p.keys():
        gc, pc = g.get(key, 0), p.get(key, 0)
        tp += min(gc, pc)
        fp += max(0, pc - gc)
        fn += max(0, gc - pc)
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    exact = _TOKEN.findall(gold or "") == _TOKEN.findall(pred or "")
    if fp == 0 and fn == 0:
        return 1.0, 1.0, exact
    prec = tp / (tp + fp) if tp + fp > 0 else None
    rec = tp / (tp + fn) if tp + fn > 0 else None
    return prec, rec, exact


def score(gold: dict[str, str], pred: dict[str, str | None]) -> dict[str, float]:
    """Mean precision and recall over pages and F1 from the means, as the benchmark computes it."""
    ps, rs, exact = [], [], 0
    for key, body in gold.items():
        p, r, e = page_scores(body, pred.get(key))
        if p is not None:
            ps.append(p)
        if r is not None:
            rs.append(r)
        exact += e
    mp = sum(ps) / len(ps) if ps else 0.0
    mr = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * mp * mr / (mp + mr) if mp + mr else 0.0
    return {
        "f1": round(f1, 4),
        "precision": round(mp, 4),
        "recall": round(mr, 4),
        "accuracy": round(exact / len(gold), 4) if gold else 0.0,
    }


def bootstrap_sd(gold: dict[str, str], pred: dict[str, str | None], n: int = 1000, seed: int = 0) -> float:
    """Standard deviation of the benchmark F1 over `n` resamples of the pages (the README's ± values)."""
    import random

    rows = [page_scores(body, pred.get(key))[:2] for key, body in gold.items()]
    rng = random.Random(seed)
    f1s = []
    for _ in range(n):
        sample = [rows[rng.randrange(len(rows))] for _ in rows]
        ps = [p for p, _ in sample if p is not None]
        rs = [r for _, r in sample if r is not None]
        mp = sum(ps) / len(ps) if ps else 0.0
        mr = sum(rs) / len(rs) if rs else 0.0
        f1s.append(2 * mp * mr / (mp + mr) if mp + mr else 0.0)
    mean = sum(f1s) / n
    return round((sum((f - mean) ** 2 for f in f1s) / (n - 1)) ** 0.5, 4)


def _baseline(folder: Path, name: str, ids: list[str]) -> dict[str, str | None] | None:
    path = folder / "baseline-outputs" / f"{name}.json.gz"
    if not path.exists():
        return None
    data = json.loads(gzip.open(path, "rt", encoding="utf-8").read())
    data = data.get("output", data)
    return {i: (data.get(i) or {}).get("articleBody") for i in ids}


def _body(raw: RawArticle) -> str | None:
    try:
        return to_document(raw).text
    except ValueError:
        return None


def _rules_body(raw: RawArticle) -> str | None:
    """The text path without the learned line model (the hand-set line scores choose the block)."""
    learned = clean._line_model
    clean._line_model = lambda: None  # type: ignore[assignment]
    try:
        return _body(raw)
    finally:
        clean._line_model = learned  # type: ignore[assignment]


def _line_model_training() -> dict[str, Any]:
    """What the shipped line model was trained on and its cross-validated DEV score (from its JSON file)."""
    path = clean._DATA / clean._MODEL_FILE
    if not path.exists():
        return {}
    training = json.loads(path.read_text(encoding="utf-8")).get("training", {})
    return {k: training[k] for k in ("cv", "pages", "silver_pages", "silver_weight", "l2") if k in training}


@suite("extraction")
def run(split: str, data: Path) -> dict[str, Any]:
    folder = require(data / "article-extraction" / "scrapinghub-aeb")
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    if split == "all":
        ids = sorted(truth)
    else:
        ids = (folder / f"{split}_ids.txt").read_text(encoding="utf-8").split()
    gold = {i: truth[i]["articleBody"] for i in ids}
    html_pred: dict[str, str | None] = {}
    text_pred: dict[str, str | None] = {}
    dump_pred: dict[str, str | None] = {}
    rules_pred: dict[str, str | None] = {}  # the text path with the hand-set line scores, for comparison
    t_html = t_text = 0.0
    for i in ids:
        html = gzip.open(folder / "html" / f"{i}.html.gz", "rb").read().decode("utf-8", errors="replace")
        url = truth[i].get("url")
        t0 = time.perf_counter()
        html_pred[i] = _body(RawArticle(source=f"{i}.html", kind="html", html=html, given={"url": url}))
        t1 = time.perf_counter()
        dump = _html_text(html)
        dump_pred[i] = dump
        t2 = time.perf_counter()
        text_pred[i] = _body(RawArticle(source=f"{i}.txt", kind="txt", text=dump))
        t_html += t1 - t0
        t_text += time.perf_counter() - t2
        rules_pred[i] = _rules_body(RawArticle(source=f"{i}.txt", kind="txt", text=dump))
    result: dict[str, Any] = {
        "split": split,
        "pages": len(ids),
        "html": score(gold, html_pred),
        "text": score(gold, text_pred),
        "text_rules_only": score(gold, rules_pred),
        "bootstrap_sd": {"html": bootstrap_sd(gold, html_pred), "text": bootstrap_sd(gold, text_pred)},
        "full_page_dump": score(gold, dump_pred),
        "seconds_per_page": {"html": round(t_html / len(ids), 4), "text": round(t_text / len(ids), 4)},
        "published_f1": PUBLISHED,
        "text_line_model": _line_model_training(),
    }
    for name in ("trafilatura", "html-text"):
        base = _baseline(folder, name, ids)
        if base is not None:
            result[f"baseline_{name}"] = score(gold, base)
    return result
