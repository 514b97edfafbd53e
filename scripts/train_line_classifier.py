"""Train the line classifier that finds the article in a plain-text page dump (dateline.clean).

Data: the DEV pages of the ScrapingHub Article Extraction Benchmark (../shared/data/article-extraction/
scrapinghub-aeb, dev_ids.txt; gold labels), plus silver pages: the DEV pages of the htmldate set
(article-extraction/htmldate, 481 news and blog pages of many sites and languages) labelled by trafilatura's
extraction from their HTML. 84 gold pages alone made a model that fits those sites; the silver pages add
hundreds of other sites' layouts (a model trained on the silver pages alone scores about as well on the gold
DEV pages as the gold-only model does under cross-validation). Each page is dumped to text the way the
`extraction` eval suite does it, run through clean's plain-text preparation (headline, boilerplate patterns),
and every kept line is labelled body when more than half of its word 4-grams occur in the (gold or silver) body.

Model: L2-regularised logistic regression (numpy, Newton steps: scikit-learn is not a dependency) on
dateline.clean._FEATURES, then clean's block decoding (maximum-sum run of (p - threshold) * words**alpha).
The regularisation, sample weighting and decoding parameters are chosen by k-fold cross-validation over
pages (the benchmark's F1 on the held-out gold pages; every fold trains on the other gold pages and all
silver pages), not by the fit on DEV; the chosen design is then trained
on all DEV pages and written to dateline/data/boilerplate/line_model.json.

    python scripts/train_line_classifier.py [--data ../shared/data] [--folds 5] [--silver-weight 0.3] [--dry-run]
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import itertools
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

import dateline.clean as clean
from dateline.evaluate import data_dir
from dateline.evaluate.extraction import score
from dateline.model import RawArticle

_TOKEN = re.compile(r"\w+")
STAGES = (2,)  # two stages won every earlier cross-validation
L2 = (1.0,)  # 1 and 10 tied in cross-validation
WEIGHTING = ("sqrt_words",)
SILVER_MIN_WORDS = 80  # a silver page whose trafilatura body is shorter is not an article page
THRESHOLD = (0.3, 0.4, 0.5, 0.6)
ALPHA = (0.5, 1.0)
HOLE = (0.0,)  # 0.1 never won
WALLS = (False, True)


@dataclass
class Page:
    id: str
    dump: str
    gold: str
    cleaned: Any = None  # clean._Cleaned before block selection, or None when the page is not a page dump
    stop: frozenset[str] = frozenset()
    x: Any = None
    y: Any = None
    words: Any = None
    fallback: str | None = None  # to_document's text when the learned path does not apply
    weight: float = 1.0  # sample weight of the page's lines (silver pages weigh less than gold ones)
    gold_page: bool = True  # False: a silver page, trained on but never scored
    title: str | None = None  # the dump's first line when it reads as a headline
    views: list[tuple[Any, Any, Any]] = dataclasses.field(default_factory=list)  # (x, y, words) to train on


def _view(cleaned: Any, lo: int, hi: int) -> Any:
    """The page cut to its kept lines lo..hi-1 (what the patterns leave of a page whose menus or footer
    they all removed), as a clean._Cleaned."""
    first = cleaned.paras[lo][1]
    last = cleaned.paras[hi - 1][1]
    return dataclasses.replace(
        cleaned,
        paras=cleaned.paras[lo:hi],
        removed=[r for r in cleaned.removed if first <= r.line <= last],
        markers=[m - lo for m in cleaned.markers if lo <= m < hi],
        strong=[m - lo for m in cleaned.strong if lo <= m < hi],
    )


def _grams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def _label(text: str, gold: dict[int, set[tuple[str, ...]]]) -> float:
    """Body (1) when more than half of the line's word 4-grams (its whole token run if shorter) are in the gold."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        return 0.0
    n = min(4, len(tokens))
    grams = [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    return float(sum(g in gold[n] for g in grams) / len(grams) > 0.5)


def _page(page_id: str, dump: str, body: str, silver: bool = False) -> Page:
    """A page dump prepared as to_document's plain-text path prepares it, its kept lines labelled by `body`.

    Silver bodies (trafilatura's) often start with the page's <h1>; the benchmark's gold bodies never do, so
    on silver pages the headline line is labelled not-body."""
    pats = clean._patterns()
    page = Page(page_id, dump, body)
    paras, headline = clean._text_paras(page.dump, None, pats)
    title = page.title = headline.text if headline else None
    page.stop = clean._stopwords(clean._WORD.findall(" ".join(p.text for p in paras[:400])))
    cleaned = clean._boilerplate(paras, pats, with_metadata=True)
    scores = [clean._line_score(t, page.stop) for t, _ in cleaned.paras]
    furniture = sum(1 for x in scores if x < 0) + sum(
        1 for r in cleaned.removed if r.kind in clean._FURNITURE_KINDS
    )
    if len(cleaned.paras) < 3 or furniture < clean._P.gate_lines:  # not a page dump: rules only
        page.fallback = _to_text(page.dump)
        return page
    tokens = _TOKEN.findall(page.gold)
    gold = {n: _grams(tokens, n) for n in (1, 2, 3, 4)}
    page.cleaned = cleaned
    page.x = clean._line_features(cleaned, page.stop, title, scores)
    page.y = np.asarray([_label(t, gold) for t, _ in cleaned.paras])
    if silver and (t_line := clean._title_line(cleaned.paras, title)) >= 0:
        page.y[t_line] = 0.0
    page.words = np.asarray([len(_TOKEN.findall(t)) for t, _ in cleaned.paras], dtype=float)
    page.views = [(page.x, page.y, page.words)]
    body_lines = np.flatnonzero(page.y)
    # augmentation: the same page without what follows the story, and without what precedes it too
    # (otherwise no page in training ends at the story, and the story's last line looks like a trailer)
    for lo, hi in ((0, body_lines[-1] + 1), (body_lines[0], body_lines[-1] + 1)) if len(body_lines) else ():
        view = _view(cleaned, lo, hi)
        x = clean._line_features(view, page.stop, title, scores[lo:hi])
        page.views.append((x, page.y[lo:hi], page.words[lo:hi]))
    return page


def load_pages(data: Path) -> list[Page]:
    folder = data / "article-extraction" / "scrapinghub-aeb"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    ids = (folder / "dev_ids.txt").read_text(encoding="utf-8").split()  # DEV only: TEST is never trained on
    pages = []
    for i in ids:
        html = gzip.open(folder / "html" / f"{i}.html.gz", "rb").read().decode("utf-8", errors="replace")
        pages.append(_page(i, clean._html_text(html), truth[i]["articleBody"]))
    return pages


def load_silver(data: Path, weight: float) -> list[Page]:
    """htmldate's DEV pages (TEST is never trained on), lines labelled by trafilatura's body of the HTML."""
    folder = data / "article-extraction" / "htmldate"
    rows = [json.loads(x) for x in (folder / "pages.jsonl").read_text(encoding="utf-8").splitlines() if x]
    traf = clean._trafilatura()
    pages: list[Page] = []
    seen: set[str] = set()
    for row in rows:
        if row["split"] != "dev" or row["html"] in seen:
            continue
        seen.add(row["html"])
        html = gzip.open(folder / row["html"], "rb").read().decode("utf-8", errors="replace")
        try:
            body = traf.extract(html, include_comments=False, include_tables=True, deduplicate=False)
        except Exception:  # trafilatura can fail on pathological markup: no label, skip the page
            body = None
        if not body or len(body.split()) < SILVER_MIN_WORDS:
            continue
        page = _page(f"silver:{row['file']}", clean._html_text(html), body, silver=True)
        if page.x is not None and page.y.sum() >= 2:
            page.weight, page.gold_page = weight, False
            pages.append(page)
    return pages


def _to_text(dump: str) -> str | None:
    try:
        return clean.to_document(RawArticle(source="page.txt", kind="txt", text=dump)).text
    except ValueError:
        return None


def fit(x: Any, y: Any, w: Any, l2: float) -> dict[str, Any]:
    """Weighted L2 logistic regression on standardised features by Newton's method."""
    mean = x.mean(axis=0)
    std = x.std(axis=0)
    std[std < 1e-9] = 1.0
    z = np.column_stack([(x - mean) / std, np.ones(len(x))])
    beta = np.zeros(z.shape[1])
    reg = np.full(z.shape[1], l2)
    reg[-1] = 0.0  # the bias is not penalised
    w = w * len(w) / w.sum()
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ beta, -30, 30)))
        grad = z.T @ (w * (p - y)) + reg * beta
        hess = (z * (w * p * (1 - p))[:, None]).T @ z + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    return {"mean": mean, "std": std, "coef": beta[:-1], "bias": float(beta[-1])}


def _weights(page_words: Any, weighting: str, page_weight: float = 1.0) -> Any:
    w = np.sqrt(page_words + 1.0) if weighting == "sqrt_words" else np.ones_like(page_words)
    return w * page_weight


def _model(stages: list[dict[str, Any]], threshold: float, alpha: float, hole: float, walls: bool) -> Any:
    return clean._LineModel(
        stages=tuple(clean._Stage(**st) for st in stages),
        threshold=threshold,
        alpha=alpha,
        hole=hole,
        walls=walls,
    )


def fit_stages(pages: list[Page], train: list[int], l2: float, weighting: str, n_stages: int) -> list[dict]:
    """Stage 1 on the features; stage 2 on features + stage-1 probabilities predicted out of fold (inner CV)."""
    views = [(*v, pages[i].weight) for i in train for v in pages[i].views]
    y = np.concatenate([v[1] for v in views])
    w = np.concatenate([_weights(v[2], weighting, v[3]) for v in views])
    stages = [fit(np.vstack([v[0] for v in views]), y, w, l2)]
    if n_stages == 1:
        return stages
    inner = [train[f::4] for f in range(4)]
    stacked: dict[int, Any] = {}
    for held in inner:
        held_set = set(held)
        rest = [(*v, pages[i].weight) for i in train if i not in held_set for v in pages[i].views]
        st1 = fit(
            np.vstack([v[0] for v in rest]),
            np.concatenate([v[1] for v in rest]),
            np.concatenate([_weights(v[2], weighting, v[3]) for v in rest]),
            l2,
        )
        one = _model([st1], 0.5, 0, 0, False)
        for i in held:
            stacked[i] = np.vstack(
                [
                    np.column_stack([x, clean._stack_features(clean._line_probs(x, one), wd)])
                    for x, _, wd in pages[i].views
                ]
            )
    stages.append(fit(np.vstack([stacked[i] for i in train]), y, w, l2))
    return stages


def decode(page: Page, probs: list[float], model: Any) -> str:
    """What to_document's plain-text path makes of the page given the line probabilities."""
    pats = clean._patterns()
    c = page.cleaned
    c = dataclasses.replace(
        c, paras=list(c.paras), removed=list(c.removed), meta=dict(c.meta), above=list(c.above)
    )
    if clean._decode_block(c, page.stop, probs, model, page.title):
        clean._lead_metadata(c, pats)
    clean._cut_end(c, pats, page.stop)
    return "\n\n".join(clean._standfirst(c.paras, c.removed)).strip()


def folds_of(pages: list[Page], k: int) -> list[list[int]]:
    """Folds of the gold pages (silver pages are never held out: they are always trained on)."""
    order = sorted((i for i, p in enumerate(pages) if p.gold_page), key=lambda i: pages[i].id)
    return [order[f::k] for f in range(k)]


def out_of_fold(
    pages: list[Page], folds: list[list[int]], l2: float, weighting: str, n_stages: int
) -> dict[int, Any]:
    probs: dict[int, Any] = {}
    for held in folds:
        held_set = set(held)
        train = [i for i in range(len(pages)) if i not in held_set and pages[i].x is not None]
        model = _model(fit_stages(pages, train, l2, weighting, n_stages), 0.5, 0, 0, False)
        for i in held:
            if pages[i].x is not None:
                probs[i] = clean._line_probs(pages[i].x, model)
    return probs


def evaluate(pages: list[Page], probs: dict[int, Any], decode_args: tuple[Any, ...]) -> dict:
    """The benchmark's score over the gold pages (silver pages are not scored)."""
    model = _model([], *decode_args)
    pred = {}
    for i, page in enumerate(pages):
        if not page.gold_page:
            continue
        pred[page.id] = page.fallback if page.x is None else decode(page, [float(p) for p in probs[i]], model)
    return score({p.id: p.gold for p in pages if p.gold_page}, pred)


def _renumber(probs: dict[int, Any], held: list[int]) -> dict[int, Any]:
    """`probs` keyed by position in `held` (for evaluate() on the held pages alone)."""
    return {k: probs[i] for k, i in enumerate(held) if i in probs}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=None, help="the shared data folder (default: data_dir())")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument(
        "--silver-weight",
        type=float,
        default=0.3,
        help="weight of the silver pages' lines (0: gold pages only)",
    )
    ap.add_argument("--dry-run", action="store_true", help="cross-validate only, write no model")
    ap.add_argument("--out", type=Path, default=clean._DATA / clean._MODEL_FILE)
    args = ap.parse_args()
    t0 = time.perf_counter()
    data = args.data or data_dir()
    pages = load_pages(data)
    dumps = [p for p in pages if p.x is not None]
    n_lines = sum(len(p.y) for p in dumps)
    print(
        f"{len(pages)} DEV pages, {len(dumps)} page dumps, {n_lines} lines, "
        f"{sum(p.y.sum() for p in dumps):.0f} body ({time.perf_counter() - t0:.1f}s)"
    )
    silver = load_silver(data, args.silver_weight) if args.silver_weight > 0 else []
    pages += silver
    print(
        f"{len(silver)} silver pages (htmldate DEV, trafilatura labels), "
        f"{sum(len(p.y) for p in silver)} lines ({time.perf_counter() - t0:.1f}s)"
    )
    oracle = {i: p.y for i, p in enumerate(pages) if p.x is not None}
    print(f"oracle (gold line labels, same decoding): {evaluate(pages, oracle, (0.5, 0.0, 0.5, False))}")
    folds = folds_of(pages, args.folds)
    best: tuple[float, Any] = (-1.0, None)
    for n_stages, l2, weighting in itertools.product(STAGES, L2, WEIGHTING):
        probs = out_of_fold(pages, folds, l2, weighting, n_stages)
        y = np.concatenate([pages[i].y for i in sorted(probs)])
        p = np.concatenate([probs[i] for i in sorted(probs)])
        acc = float(((p > 0.5) == (y > 0.5)).mean())
        top: tuple[float, Any] = (-1.0, None)
        for decode_args in itertools.product(THRESHOLD, ALPHA, HOLE, WALLS):
            s = evaluate(pages, probs, decode_args)
            if s["f1"] > top[0]:
                top = (s["f1"], (decode_args, s))
        per_fold = [
            evaluate([pages[i] for i in held], _renumber(probs, held), top[1][0])["f1"] for held in folds
        ]
        top[1][1]["fold_f1_sd"] = round(float(np.std(per_fold)), 4)
        print(
            f"stages={n_stages} l2={l2:<5} {weighting:<10} line acc (CV) {acc:.3f}  best CV {top[1][1]} with {top[1][0]}"
        )
        if top[0] > best[0]:
            best = (top[0], (n_stages, l2, weighting, *top[1]))
    n_stages, l2, weighting, decode_args, cv = best[1]
    print(
        f"chosen by {args.folds}-fold CV: stages={n_stages} l2={l2} {weighting} decode={decode_args}: CV {cv}"
    )
    train = [i for i, p in enumerate(pages) if p.x is not None]
    stages = fit_stages(pages, train, l2, weighting, n_stages)
    model = _model(stages, *decode_args)
    fit_probs = {i: clean._line_probs(pages[i].x, model) for i in train}
    print(f"DEV fit (all DEV pages trained on): {evaluate(pages, fit_probs, decode_args)}")
    names = [*clean._FEATURES, *clean._STACK_FEATURES]
    coef = stages[-1]["coef"]
    order = np.argsort(-np.abs(coef))
    print("largest weights:", ", ".join(f"{names[j]} {coef[j]:+.2f}" for j in order[:12]))
    if args.dry_run:
        return
    threshold, alpha, hole, walls = decode_args
    out = {
        "about": "dateline.clean page-dump line classifier; made by scripts/train_line_classifier.py on the "
        "DEV pages of the ScrapingHub article extraction benchmark (logistic regression, standardised features)",
        "features": list(clean._FEATURES),
        "stack_features": list(clean._STACK_FEATURES),
        "stages": [
            {
                "mean": [round(float(v), 6) for v in st["mean"]],
                "std": [round(float(v), 6) for v in st["std"]],
                "coef": [round(float(v), 6) for v in st["coef"]],
                "bias": round(st["bias"], 6),
            }
            for st in stages
        ],
        "decode": {"threshold": threshold, "alpha": alpha, "hole": hole, "walls": walls},
        "training": {
            "stages": n_stages,
            "l2": l2,
            "weighting": weighting,
            "folds": args.folds,
            "cv": cv,
            "pages": sum(p.gold_page for p in pages),
            "silver_pages": len(silver),
            "silver_weight": args.silver_weight,
        },
    }
    args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
