"""Train the sentence-level event-type classifier of dateline/events/, and measure it by cross-validation.

    python scripts/train_event_classifier.py [--data ../shared/data] [--out dateline/data/events/classifier.npz]
    python scripts/train_event_classifier.py --cv 5        # 5-fold CV over plover-gsr DEV, full coder, no file written
    python scripts/train_event_classifier.py --cv 5 --current --cache /tmp/evcache   # the shipped policy only (~15 s)
    python scripts/train_event_classifier.py --leads 600 --cache /tmp/evcache        # ngec-synthetic lead check (~2 min)

`--leads N`: a second check, independent of plover-gsr: a fixed sample of about N ngec-synthetic stories
(stratified by label, whole headline templates, chosen by hash), each read as its first two sentences. Recall
proxy: the story's label is among the coder's (PLOVER-convention) types for its lead; precision proxies: the share
of emitted types that are the label, and that are the label or a plausible companion (`_PLAUSIBLE`). The
classifier is refitted without the sample's templates for this check; "lexicon only" turns the backoff off.
The labels are an LLM's, so read the figures as relative (before/after), never as accuracy.

Training data (both DEV material; plover-gsr TEST is never read):
- ngec-synthetic: 4,500 LLM-written stories with LLM pseudo-labels (one PLOVER type per story). The lead sentence
  states the story's event, so each story gives one example (its first sentence, or the second when the first is
  a short dateline); each distinct filled headline gives one more.
- plover-gsr DEV: 166 gold sentences, weighted up (`--dev-weight`), since they are real (edited) news wording and
  carry PLOVER's own conventions.
Features are `dateline.events._training_features`, the very code the coder runs: lemmas and bigrams, the main
predicate with its object/complement/particle, negation and modals, and the lexicon's proposals (trigger types,
trigger lemma, factuality). The classifier therefore learns when to trust the lexicon.

Model: multinomial logistic regression with L2, full-batch Adam (numpy + scipy.sparse; scikit-learn is not a
dependency). `--cv K` splits plover-gsr DEV into K folds (stratified by type); for each fold the classifier is
trained on ngec-synthetic + the other folds and the whole coder (`extract_events`, lexicon + classifier under each
combination policy of `_POLICIES`) is scored on the held-out fold with the `events` eval suite's scorer. The
summed counts give the DEV-CV estimate reported next to the TEST figure. Without --cv, the model is trained on
everything and written to --out.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from spacy.tokens import DocBin

import dateline.events as ev
from dateline.evaluate import data_dir
from dateline.evaluate import events as ev_suite
from dateline.events import _arguments, _triggers, _typing, _where_when
from dateline.model import Document
from dateline.nlp import annotate, load

_OUT = Path(__file__).resolve().parents[1] / "dateline" / "data" / "events" / "classifier.npz"

# combination policies compared under CV (see dateline.events._POLICY)
_POLICIES: dict[str, dict[str, float]] = {
    "lexicon only": {"backoff_min": 1.1, "compete_ratio": 0.0, "override_min": 1.1, "override_lex_max": 0.0},
    "backoff .6": {"backoff_min": 0.6, "compete_ratio": 0.0, "override_min": 1.1, "override_lex_max": 0.0},
    "backoff .4": {"backoff_min": 0.4, "compete_ratio": 0.0, "override_min": 1.1, "override_lex_max": 0.0},
    "backoff .4 main only": {"backoff_min": 0.4, "compete_ratio": 0.0, "override_min": 1.1, "override_lex_max": 0.0,
                             "main_only": 1.0},
    "backoff .3": {"backoff_min": 0.3, "compete_ratio": 0.0, "override_min": 1.1, "override_lex_max": 0.0},
    "backoff .2": {"backoff_min": 0.2, "compete_ratio": 0.0, "override_min": 1.1, "override_lex_max": 0.0},
    "backoff .4 compete .5": {"backoff_min": 0.4, "compete_ratio": 0.5, "override_min": 1.1, "override_lex_max": 0.0},
    "backoff .4 compete 1": {"backoff_min": 0.4, "compete_ratio": 1.0, "override_min": 1.1, "override_lex_max": 0.0},
    "backoff .4 compete 1 override .6/.1": {
        "backoff_min": 0.4, "compete_ratio": 1.0, "override_min": 0.6, "override_lex_max": 0.1},
    "backoff .4 compete 1 override .8/.05": {
        "backoff_min": 0.4, "compete_ratio": 1.0, "override_min": 0.8, "override_lex_max": 0.05},
    "backoff .4 override .8/.05": {
        "backoff_min": 0.4, "compete_ratio": 0.0, "override_min": 0.8, "override_lex_max": 0.05},
    "backoff .4 override .6/.1": {
        "backoff_min": 0.4, "compete_ratio": 0.0, "override_min": 0.6, "override_lex_max": 0.1},
    "backoff .4 compete 1 override .5/.2": {
        "backoff_min": 0.4, "compete_ratio": 1.0, "override_min": 0.5, "override_lex_max": 0.2},
}  # fmt: skip


def _parsed(texts: list[str], cache: Path | None, name: str) -> list[Any]:
    """spaCy parses of texts, kept in a DocBin under `cache` (the parse does not depend on the lexicon)."""
    nlp = load()
    key = hashlib.md5("\x1f".join(texts).encode("utf-8")).hexdigest()[:12]
    path = cache / f"{name}-{key}.spacy" if cache else None
    if path is not None and path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=64))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(path)
    return docs


def _ngec_examples(
    df: pd.DataFrame, usage: Any = None, rules: Counter[int] | None = None, cache: Path | None = None
) -> list[tuple[list[str], str]]:
    leads = [str(t).strip()[:600] for t in df["text"]]
    out: list[tuple[list[str], str]] = []
    for sdoc, label in zip(_parsed(leads, cache, "ngec-leads"), df["label"], strict=True):
        sents = list(sdoc.sents)
        sent = sents[1] if len(sents[0]) < 8 and len(sents) > 1 else sents[0]
        out.append((_typing._training_features(sent), str(label)))
        if usage is not None and rules is not None:
            rules.update(usage.take())
    heads = df.drop_duplicates("prompt")
    lines = [str(p).split("\n")[0].strip() for p in heads["prompt"]]
    for sdoc, label in zip(_parsed(lines, cache, "ngec-heads"), heads["label"], strict=True):
        out.append((_typing._training_features(sdoc[:]), str(label)))
    return out


def _gsr_dev(data: Path) -> tuple[list[dict[str, Any]], list[Document]]:
    """The events suite's gold records for plover-gsr DEV and their parsed sentences."""
    path = data / "plover-gsr" / "dev.jsonl"
    gold, texts = ev_suite._gsr_gold(path)
    docs = [Document(id=f"s{i}", text=t) for i, t in enumerate(texts)]
    return gold, list(annotate(docs, batch_size=64))


def _doc_features(doc: Document) -> list[str]:
    return [f for s in doc.spacy.sents for f in _typing._training_features(s, doc.published)]


def _matrix(feats: list[list[str]], index: dict[str, int]) -> sparse.csr_matrix:
    rows, cols, vals = [], [], []
    for r, fs in enumerate(feats):
        u = sorted({index[f] for f in fs if f in index})
        rows += [r] * len(u)
        cols += u
        vals += [1.0 / np.sqrt(len(u))] * len(u)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(feats), len(index)), dtype=np.float32)


def fit_softmax(
    x: Any, y: np.ndarray, sw: np.ndarray, n_labels: int, l2: float, epochs: int, lr: float
) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression by full-batch Adam on a dense or scipy-sparse matrix `x` (rows = examples);
    shared with scripts/train_event_encoder.py (written here because scikit-learn is no dependency)."""
    xt = x.T.tocsr() if hasattr(x, "tocsr") else x.T
    w = np.zeros((x.shape[1], n_labels), dtype=np.float32)
    b = np.zeros(n_labels, dtype=np.float32)
    onehot = np.eye(n_labels, dtype=np.float32)[y]
    sw = (sw / sw.sum()).astype(np.float32)[:, None]
    m = [np.zeros_like(w), np.zeros_like(b)]
    v = [np.zeros_like(w), np.zeros_like(b)]
    b1, b2 = 0.9, 0.999
    for step in range(1, epochs + 1):
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) * sw
        gw = xt @ g + l2 * w
        gb = g.sum(axis=0)
        for k, (param, grad) in enumerate(((w, gw), (b, gb))):
            m[k] = b1 * m[k] + (1 - b1) * grad
            v[k] = b2 * v[k] + (1 - b2) * grad * grad
            param -= lr * (m[k] / (1 - b1**step)) / (np.sqrt(v[k] / (1 - b2**step)) + 1e-8)
    return w, b


def _train(
    feats: list[list[str]],
    y: np.ndarray,
    sw: np.ndarray,
    n_labels: int,
    vocab: list[str],
    l2: float,
    epochs: int,
) -> tuple[np.ndarray, np.ndarray]:
    x = _matrix(feats, {w: i for i, w in enumerate(vocab)})
    return fit_softmax(x, y, sw, n_labels, l2, epochs, lr=0.05)


def _vocab(feats: list[list[str]], min_count: int) -> list[str]:
    df = Counter(f for fs in feats for f in set(fs))
    return sorted(f for f, c in df.items() if c >= min_count)


def _fit(
    ex: list[tuple[list[str], str, float]], labels: list[str], args: argparse.Namespace, out: Path
) -> None:
    lab = {x: i for i, x in enumerate(labels)}
    feats = [e[0] for e in ex]
    vocab = _vocab(feats, args.min_count)
    y = np.array([lab[e[1]] for e in ex])
    w, b = _train(feats, y, np.array([e[2] for e in ex]), len(labels), vocab, args.l2, args.epochs)
    keep = np.abs(w).max(axis=1) >= 0.05  # drop features that never move a label: a smaller file
    np.savez_compressed(
        out,
        labels=np.array(labels),
        vocab=np.array([x for x, k in zip(vocab, keep, strict=True) if k]),
        weights=w[keep].astype(np.float16),
        bias=b.astype(np.float16),
    )


def _folds(gold: list[dict[str, Any]], k: int) -> list[int]:
    """Fold of each record: stratified by type, order fixed by a hash of the sentence index."""
    order = sorted(
        range(len(gold)), key=lambda i: (gold[i]["types"][0], hashlib.md5(str(i).encode()).hexdigest())
    )
    fold = [0] * len(gold)
    for n, i in enumerate(order):
        fold[i] = n % k
    return fold


class _Usage:
    """Which lexicon rules fire on which sentences (recorded by wrapping the coder's matchers)."""

    def __init__(self) -> None:
        self.fired: set[int] = set()
        self._verb, self._noun = _triggers._match_verb, _triggers._match_noun

        def verb(tok: Any, lex: Any) -> Any:
            r = self._verb(tok, lex)
            if r is not None:
                self.fired.add(id(r))
            return r

        def noun(tok: Any, lex: Any) -> Any:
            m = self._noun(tok, lex)
            if m is not None:
                self.fired.add(id(m[0]))
            return m

        for mod in (_triggers, _typing, _arguments, _where_when):  # the modules that look the matchers up
            mod._match_verb, mod._match_noun = verb, noun  # type: ignore[attr-defined]

    def take(self) -> set[int]:
        out, self.fired = self.fired, set()
        return out


def _ablate(held: set[int]) -> list[tuple[list[Any], Any]]:
    """Remove the rules with these ids from the lexicon; returns what to put back."""
    lex = ev._lex()
    removed = []
    for table in (lex.verbs, lex.nouns):
        for rules in table.values():
            for r in list(rules):
                if id(r) in held:
                    rules.remove(r)
                    removed.append((rules, r))
    return removed


def _restore(removed: list[tuple[list[Any], Any]]) -> None:
    for rules, r in removed:
        rules.append(r)
        rules.sort(key=lambda x: x.rank)


def _cv(ngec: list[tuple[list[str], str, float]], labels: list[str], args: argparse.Namespace,
        ngec_rules: Counter[int], usage: _Usage) -> dict[str, Any]:  # fmt: skip
    """K-fold CV over plover-gsr DEV. Two estimates per policy:
    - `cv`: the classifier (and policy) judged on held-out folds; the lexicon as it is. The lexicon was written
      looking at DEV, so this is optimistic for the lexicon's part.
    - `cv_ablated`: the same, but for each held-out fold the lexicon rules that fire on DEV sentences of that fold
      only (and on fewer than 2 ngec-synthetic leads) are removed: rules that were most likely added for those
      very sentences. This approximates "the lexicon as it would be had the fold been hidden" (somewhat
      pessimistic: some of these rules are general).
    - `cv_strict`: the same, removing every rule that fires on a DEV sentence of the held-out fold unless it also
      fires on at least 3 ngec-synthetic leads (text the lexicon was not written from). More pessimistic still.
    Also reported: the classifier's own top-1 accuracy on the held-out folds (`classifier_alone_accuracy`).
    Note that plover-gsr TEST has scored well below all three (0.695 when cv_ablated was 0.872): the coder's code,
    not only its lexicon rows, was written looking at DEV."""
    gold, docs = _gsr_dev(args.data)
    fold = _folds(gold, args.cv)
    usage.take()
    dev_ex, fires = [], []
    for d, g in zip(docs, gold, strict=True):
        dev_ex.append((_doc_features(d), g["types"][0], args.dev_weight))
        fires.append(usage.take())
    rule_folds: dict[int, set[int]] = {}
    for i, ids in enumerate(fires):
        for r in ids:
            rule_folds.setdefault(r, set()).add(fold[i])
    preds: dict[str, list[Any]] = {f"{name} | {kind}": [None] * len(docs) for name in _POLICIES
                                   for kind in ("cv", "cv_ablated", "cv_strict")}  # fmt: skip
    saved = dict(ev._POLICY)
    n_ablated = 0
    alone = [0, 0]
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.cv):
            path = Path(tmp) / f"fold{k}.npz"
            train = ngec + [e for e, f in zip(dev_ex, fold, strict=True) if f != k]
            _fit(train, labels, args, path)
            clf = _typing._Backoff(path)
            for (fs, lab, _), f in zip(dev_ex, fold, strict=True):
                if f == k:  # the classifier alone, top-1 on the held-out fold
                    alone[0] += clf.predict(fs)[0] == lab
                    alone[1] += 1
            original = _typing._backoff
            _typing._backoff = lambda clf=clf: clf  # type: ignore[assignment]
            held = {r for r, fs in rule_folds.items() if fs == {k} and ngec_rules[r] < 2}
            strict = {r for r, fs in rule_folds.items() if k in fs and ngec_rules[r] < 3}
            n_ablated += len(held)
            try:
                for kind in ("cv", "cv_ablated", "cv_strict"):
                    removed = _ablate({"cv": set(), "cv_ablated": held, "cv_strict": strict}[kind])
                    for name, policy in _POLICIES.items():
                        ev._POLICY.update(saved)  # a policy names only the values it changes
                        ev._POLICY.update(policy)
                        for i, d in enumerate(docs):
                            if fold[i] == k:
                                preds[f"{name} | {kind}"][i] = ev.extract_events(d)
                    _restore(removed)
            finally:
                _typing._backoff = original
                ev._POLICY.update(saved)
    out: dict[str, Any] = {
        "rules_ablated_over_folds": n_ablated,
        "classifier_alone_accuracy": alone[0] / alone[1],
    }
    for name in preds:
        s = ev_suite._score(gold, preds[name])
        out[name] = {
            key: s[key]
            for key in ("precision", "recall", "f1", "correct", "missed", "extra", "mode_accuracy",
                        "actor_country_accuracy", "actor_sector_accuracy", "recipient_country_accuracy",
                        "recipient_sector_accuracy")
        }  # fmt: skip
        if args.verbose:
            out[name]["top_misses"] = s["top_misses"]
            out[name]["errors"] = [
                f"{g['types'][0]} <- {sorted({ev_suite.plover_type(e) for e in p} - {None})}: {d.text[:150]}"
                for g, p, d in zip(gold, preds[name], docs, strict=True)
                if {ev_suite.plover_type(e) for e in p} - {None} != set(g["types"])
            ]
    return out


# Lead-sentence check on ngec-synthetic (a second, independent measure: LLM-labelled, DEV material only). Types
# that may plausibly be coded on a story's lead besides its own label (a story about an attack often reports the
# arrests, blame or threats around it): an extra type outside this table counts against the precision proxy.
# Our own reading of how PLOVER events co-occur in news leads, written before any run, never tuned.
_PLAUSIBLE = {
    "ACCUSE": {"REJECT", "REQUEST", "COERCE", "THREATEN"},
    "AGREE": {"CONSULT", "COOPERATE", "SUPPORT", "RETREAT", "CONCEDE"},
    "AID": {"SUPPORT", "COOPERATE", "AGREE", "MOBILIZE"},
    "ASSAULT": {"COERCE", "MOBILIZE", "ACCUSE", "THREATEN", "RETREAT"},
    "COERCE": {"ASSAULT", "ACCUSE", "PROTEST", "SANCTION", "THREATEN"},
    "CONCEDE": {"AGREE", "RETREAT", "REQUEST", "PROTEST", "SUPPORT"},
    "CONSULT": {"AGREE", "COOPERATE", "SUPPORT"},
    "COOPERATE": {"AGREE", "CONSULT", "AID", "SUPPORT"},
    "MOBILIZE": {"ASSAULT", "THREATEN", "RETREAT", "COOPERATE"},
    "PROTEST": {"COERCE", "ASSAULT", "REQUEST", "ACCUSE", "REJECT"},
    "REJECT": {"REQUEST", "ACCUSE", "THREATEN"},
    "REQUEST": {"ACCUSE", "CONSULT", "PROTEST", "REJECT"},
    "RETREAT": {"MOBILIZE", "AGREE", "CONCEDE", "ASSAULT"},
    "SANCTION": {"ACCUSE", "THREATEN", "RETREAT", "REQUEST"},
    "SUPPORT": {"AGREE", "AID", "COOPERATE", "ACCUSE"},
    "THREATEN": {"ASSAULT", "SANCTION", "ACCUSE", "MOBILIZE", "REQUEST", "COERCE"},
}


def _lead_sample(df: pd.DataFrame, n: int, per_title: int = 5) -> list[int]:
    """A fixed sample of about `n` stories, stratified by label (equal share per label), whole headline templates
    at a time (at most `per_title` stories each), chosen by a hash of the template so runs are comparable."""
    labels = sorted(df["label"].unique())
    want = -(-n // len(labels))
    out: list[int] = []
    for lab in labels:
        sub = df[df["label"] == lab]
        titles = sorted(sub["title"].unique(), key=lambda t: hashlib.md5(str(t).encode()).hexdigest())
        got: list[int] = []
        for t in titles:
            if len(got) >= want:
                break
            rows = sorted(
                sub.index[sub["title"] == t], key=lambda i: hashlib.md5(str(i).encode()).hexdigest()
            )
            got += rows[: min(per_title, want - len(got))]
        out += got
    return sorted(out)


def _lead_text(text: str) -> str:
    """The story's first two sentences (a short dateline sentence does not count)."""
    doc = load()(str(text).strip()[:800])
    sents = [s for s in doc.sents if s.text.strip()]
    if sents and len(sents[0]) < 8:
        sents = sents[1:]
    return " ".join(s.text.strip() for s in sents[:2])


def _leads(
    df: pd.DataFrame, ngec: list[tuple[list[str], str, float]], labels: list[str], args: argparse.Namespace
) -> dict[str, Any]:
    """Recall/precision proxies on the lead sample, with the classifier refitted without the sample's headline
    templates (so it has never seen them) and with the lexicon alone (backoff off)."""
    sample = _lead_sample(df, args.leads)
    held_titles = set(df.loc[sample, "title"])
    # ngec holds one example per story, then one per distinct filled headline (see _ngec_examples)
    titles = list(df["title"]) + list(df.drop_duplicates("prompt")["title"])
    ngec = [e for e, t in zip(ngec, titles, strict=True) if t not in held_titles]
    gold, docs = _gsr_dev(args.data)
    dev_ex = [(_doc_features(d), g["types"][0], args.dev_weight) for d, g in zip(docs, gold, strict=True)]
    texts = [_lead_text(df.loc[i, "text"]) for i in sample]
    lead_docs = list(annotate([Document(id=f"l{i}", text=t) for i, t in zip(sample, texts, strict=True)]))
    out: dict[str, Any] = {"stories": len(sample), "held_out_templates": len(held_titles)}
    saved = dict(ev._POLICY)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "leads.npz"
        _fit(ngec + dev_ex, labels, args, path)
        clf = _typing._Backoff(path)
        original = _typing._backoff
        _typing._backoff = lambda: clf  # type: ignore[assignment]
        try:
            for name, backoff in (("coder", saved["backoff_min"]), ("lexicon only", 1.1)):
                ev._POLICY["backoff_min"] = backoff
                per: dict[str, Counter[str]] = {lab: Counter() for lab in labels}
                tot: Counter[str] = Counter()
                for i, d in zip(sample, lead_docs, strict=True):
                    lab = str(df.loc[i, "label"])
                    pred = {ev_suite.plover_type(e) for e in ev.extract_events(d)} - {None}
                    per[lab]["n"] += 1
                    per[lab]["found"] += lab in pred
                    tot["n"] += 1
                    tot["found"] += lab in pred
                    tot["none"] += not pred
                    for t in pred:
                        c = per.setdefault(t, Counter())  # type: ignore[arg-type]
                        c["emitted"] += 1
                        tot["emitted"] += 1
                        ok = t == lab or t in _PLAUSIBLE.get(lab, set())
                        c["right"] += t == lab
                        c["plausible"] += ok
                        tot["right"] += t == lab
                        tot["plausible"] += ok
                res: dict[str, Any] = {
                    "recall": round(tot["found"] / tot["n"], 3),
                    "precision_label": round(tot["right"] / max(tot["emitted"], 1), 3),
                    "precision_plausible": round(tot["plausible"] / max(tot["emitted"], 1), 3),
                    "no_event": tot["none"],
                    "types_per_lead": round(tot["emitted"] / tot["n"], 2),
                }
                res["per_type"] = {
                    lab: f"R {c['found'] / max(c['n'], 1):.2f} ({c['found']}/{c['n']})  "
                    f"P {c['right'] / max(c['emitted'], 1):.2f}  Pplaus {c['plausible'] / max(c['emitted'], 1):.2f}"
                    f" ({c['emitted']})"
                    for lab, c in sorted(per.items())
                }
                out[name] = res
        finally:
            _typing._backoff = original
            ev._POLICY.update(saved)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=_OUT)
    ap.add_argument(
        "--cv", type=int, default=0, help="K-fold cross-validation over plover-gsr DEV (no file written)"
    )
    # 32: chosen by --cv (classifier alone on held-out DEV folds: 0.74 at 8, 0.81 at 32, 0.83 at 64; the coder's
    # CV F1 is the same at 32 and 64): DEV-like wording teaches more than the LLM-written stories
    ap.add_argument("--dev-weight", type=float, default=32.0, help="weight of a plover-gsr DEV sentence")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--epochs", type=int, default=200)
    ap.add_argument("--cache", type=Path, default=None, help="folder to keep the ngec-synthetic parses in")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--current", action="store_true", help="--cv: only the shipped policy (faster)")
    ap.add_argument(
        "--leads", type=int, default=0, help="ngec-synthetic lead check on a fixed sample of N stories"
    )
    args = ap.parse_args()
    args.data = args.data or data_dir()
    df = pd.read_csv(args.data / "ngec-synthetic" / "gpt_synthetic_events_2023-10-19_19.csv.gz")
    usage = _Usage()
    ngec = []
    ngec_rules: Counter[int] = Counter()
    for f, lab in _ngec_examples(df, usage, ngec_rules, args.cache):
        ngec.append((f, lab, 1.0))
    labels = sorted({e[1] for e in ngec})
    if args.leads:
        print(json.dumps(_leads(df, ngec, labels, args), indent=1))
        return
    if args.current:
        _POLICIES.clear()
        _POLICIES["current"] = dict(ev._POLICY)
    if args.cv:
        print(json.dumps(_cv(ngec, labels, args, ngec_rules, usage), indent=1))
        return
    gold, docs = _gsr_dev(args.data)
    dev_ex = [(_doc_features(d), g["types"][0], args.dev_weight) for d, g in zip(docs, gold, strict=True)]
    _fit(ngec + dev_ex, labels, args, args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
