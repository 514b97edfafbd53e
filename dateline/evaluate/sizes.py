"""Event sizes on our own sentences (tests/data/sizes_own_s15.jsonl; see its .md): `dateline eval sizes`.

Split-independent: the set is ours (invented news-style sentences), not ../shared/data, so `--split` changes
nothing. Every gold size gives its text span, min, max, approx, qualifier, unit and kind (`dateline.model.Size`).

A found size is paired with the gold size of its sentence whose span it overlaps most. A pair is right when min,
max, unit and kind all agree (text, approx and qualifier are reported apart, as field accuracy over the pairs).
Precision = right / found, recall = right / gold, over sizes; broken down by the sentence's wording (hedge, vague,
range, unit, money, compound, violence, release, nonsize, source) and by the gold size's kind (dead, injured, ...,
"none" for a size with no violence kind). Batch 1 (tuned on), batch 2 (held out, never tuned on) and batch 3
(session 16's kinds: counted strikes, guard boats, "600-strong" formations; tuned on) are scored apart; only the
errors of the tuned batches are listed.

Two views: `parsed`, each sentence parsed by spaCy and read as a Span, as the event extractor reads sizes
(dateline/events); `plain`, the sentence as a plain string (tokenizer only), as the troop tracker reads them
(dateline/link/troops.py).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from dateline.evaluate import require, suite

OWN_S15 = Path(__file__).resolve().parents[2] / "tests" / "data" / "sizes_own_s15.jsonl"
_KEY = ("min", "max", "unit", "kind")
_FIELDS = ("text", "min", "max", "approx", "qualifier", "unit", "kind")


def _rows(path: Path = OWN_S15) -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in require(path).read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def _found(rows: list[dict[str, Any]], parsed: bool) -> dict[str, list[dict[str, Any]]]:
    """Sizes the system finds in each row's text, as dicts of the gold fields with their character offsets."""
    from dateline.sizes import extract_sizes

    out: dict[str, list[dict[str, Any]]] = {}
    if parsed:
        from dateline.model import Document
        from dateline.nlp import annotate

        docs = list(annotate([Document(id=r["id"], text=r["text"]) for r in rows], batch_size=64))
        for r, doc in zip(rows, docs, strict=True):
            sizes = [z for sent in doc.spacy.sents for z in extract_sizes(sent)]
            out[r["id"]] = [z.to_dict() for z in sizes]
    else:
        for r in rows:
            out[r["id"]] = [z.to_dict() for z in extract_sizes(r["text"])]
    return out


def _spans(text: str, sizes: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Character span of each gold size: its text found left to right in the sentence."""
    out, at = [], 0
    for s in sizes:
        i = text.find(s["text"], at)
        if i < 0:
            i = text.find(s["text"])
        out.append((i, i + len(s["text"])))
        at = i + 1
    return out


def _pair(row: dict[str, Any], found: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """(gold index, found index) pairs by largest character overlap, each used once."""
    gold_spans = _spans(row["text"], row["sizes"])
    cands = []
    for gi, (gs, ge) in enumerate(gold_spans):
        for fi, f in enumerate(found):
            ov = min(ge, f["end"]) - max(gs, f["start"])
            if ov > 0:
                cands.append((-ov, gi, fi))
    used_g: set[int] = set()
    used_f: set[int] = set()
    pairs = []
    for _, gi, fi in sorted(cands):
        if gi in used_g or fi in used_f:
            continue
        used_g.add(gi)
        used_f.add(fi)
        pairs.append((gi, fi))
    return pairs


def _pr(gold: int, found: int, right: int) -> dict[str, Any]:
    p = right / found if found else 0.0
    r = right / gold if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "P": round(p, 3),
        "R": round(r, 3),
        "F1": round(f1, 3),
        "gold": gold,
        "found": found,
        "right": right,
    }


def _short(s: dict[str, Any]) -> str:
    return f"{s['text']!r} {s['min']}..{s['max']} {s['unit']} {s['kind']}"


def score(
    rows: list[dict[str, Any]], found: dict[str, list[dict[str, Any]]], errors: bool = True
) -> dict[str, Any]:
    """P/R of sizes overall, by wording and by gold kind; field accuracy over the pairs; the errors."""
    by_wording: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # gold, found, right
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    fields = dict.fromkeys(_FIELDS, 0)
    n_pairs = 0
    wrong = []
    for r in rows:
        sys_f = found.get(r["id"], [])
        pairs = _pair(r, sys_f)
        ok = {gi for gi, fi in pairs if all(r["sizes"][gi][k] == sys_f[fi][k] for k in _KEY)}
        ok_f = {fi for gi, fi in pairs if gi in ok}
        for key in (r["wording"], "all"):
            by_wording[key][0] += len(r["sizes"])
            by_wording[key][1] += len(sys_f)
            by_wording[key][2] += len(ok)
        for gi, g in enumerate(r["sizes"]):
            by_kind[g["kind"] or "none"][0] += 1
            by_kind[g["kind"] or "none"][2] += gi in ok
        for f in sys_f:
            by_kind[f["kind"] or "none"][1] += 1
        for gi, fi in pairs:
            n_pairs += 1
            for k in _FIELDS:
                fields[k] += r["sizes"][gi][k] == sys_f[fi][k]
        if len(ok) < len(r["sizes"]) or len(ok_f) < len(sys_f):
            wrong.append({"id": r["id"], "wording": r["wording"], "text": r["text"],
                          "gold": [_short(g) for g in r["sizes"]], "found": [_short(f) for f in sys_f]})  # fmt: skip
    out: dict[str, Any] = {
        "overall": _pr(*by_wording.pop("all")),
        "by_wording": {k: _pr(*v) for k, v in sorted(by_wording.items())},
        "by_kind": {k: _pr(*v) for k, v in sorted(by_kind.items())},
        "pairs": n_pairs,
        "field_accuracy": {k: round(v / n_pairs, 3) if n_pairs else 0.0 for k, v in fields.items()},
        "sentences": len(rows),
    }
    if errors:
        out["errors"] = wrong
    return out


def own_view(path: Path = OWN_S15, parsed: bool = True) -> dict[str, Any]:
    """Batches 1 and 3 (tuned on, with their errors) and batch 2 (held out: figures only) of one view."""
    rows = _rows(path)
    found = _found(rows, parsed)
    out = {}
    for batch in (1, 2, 3):
        part = [r for r in rows if r.get("batch", 1) == batch]
        if part:
            out[f"batch{batch}"] = score(part, found, errors=batch != 2)
    return out


@suite("sizes")
def run(split: str, data: Path) -> dict[str, Any]:
    return {
        "set": "tests/data/sizes_own_s15.jsonl (split-independent)",
        "parsed": own_view(parsed=True),
        "plain": own_view(parsed=False),
    }
