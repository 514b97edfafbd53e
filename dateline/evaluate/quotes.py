"""Eval suite `quotes`: attribution spans (content, source, cue) against PolNeAR v1.0 (../shared/data/quotes).

Splits: `dev` = PolNeAR's dev compartment (84 articles; PolNeAR train is also free to tune on, use `train`),
`test` = PolNeAR's test compartment (report only). One annotation file per article: the first in sorted order.

Matching, per role (content, source, cue) separately:
- gold units: content = each attribution's content (its fragments), source = each distinct Source span,
  cue = each distinct Cue span. Predicted units: quotes grouped into attributions by cue span (a partial quote
  nested inside another quote of the same cue is dropped, continuation quotes without a cue join the previous
  attribution of the same speaker span; the pieces of a discontinuous content share their cue, so they form one
  unit); source = distinct speaker spans; cue = distinct cue spans.
- overlap match: a predicted and a gold unit share at least one word token (\\w+); one-to-one, greedy by the
  number of shared tokens.
- exact match: same fragments after trimming whitespace, punctuation and quotation marks at both ends.
- `all`: every PolNeAR attribution (speech, beliefs, intentions...). `speech`: only attributions whose cue holds
  a verb of communication (SPEECH_CUES below, any inflection), or "according to", or a ":"/dash label, or
  whose content opens with a double quotation mark (a direct quote). In `speech`, a prediction that matches only a non-speech gold unit is
  ignored (neither true nor false positive).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.evaluate import prf, require, suite

SPEECH_CUES = (
    "say tell add write ask note report announce tweet post argue explain acknowledge declare claim insist warn "
    "state reply respond recall conclude suggest admit deny confirm indicate reveal predict assert contend "
    "complain caution observe remark comment mention testify allege maintain concede boast joke quip proclaim "
    "inform stress emphasize emphasise shout yell exclaim retort reiterate repeat speak talk vow promise pledge "
    "urge threaten call describe accuse criticize criticise praise blast slam tout question wonder demand "
    "continue agree disclose read point counter charge dub label brand term denounce condemn dismiss lament "
    "brag muse remind assure advise estimate clarify"
).split()
_IRREGULAR = {"said", "says", "told", "wrote", "written", "spoke", "spoken", "read"}
_QMARKS = "\"“”‘’'`"
_WORD = re.compile(r"\w+")


def _forms(lemma: str) -> set[str]:
    out = {lemma, lemma + "s", lemma + "ed", lemma + "d", lemma + "ing", lemma + "es"}
    if lemma.endswith("e"):
        out.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", lemma):
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return out


_SPEECH_WORDS = set(_IRREGULAR).union(*(_forms(lemma) for lemma in SPEECH_CUES))

Frag = tuple[int, int]


@dataclass
class _Gold:
    source: Frag | None
    source_id: str | None
    cue: tuple[Frag, ...]
    content: tuple[Frag, ...]
    speech: bool


def _is_speech(text: str, cue: tuple[Frag, ...], content: tuple[Frag, ...]) -> bool:
    cue_text = " ".join(text[a:b] for a, b in cue).lower().strip()
    if cue_text in (":", "―", "—") or "according to" in cue_text:
        return True
    if any(w in _SPEECH_WORDS for w in _WORD.findall(cue_text)):
        return True
    first = text[content[0][0] : content[0][0] + 2]
    return any(ch in first for ch in '"“”')  # a direct quotation


def _read_ann(path: Path, text: str) -> list[_Gold]:
    spans: dict[str, tuple[str, tuple[Frag, ...]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, rng = parts[1].partition(" ")
            frags = tuple(tuple(map(int, r.split())) for r in rng.split(";"))
            spans[parts[0]] = (label, frags)  # type: ignore[assignment]
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(x.split(":", 1) for x in parts[1].split() if ":" in x))
    out = []
    for ev in events:
        if "Content" not in ev or "Cue" not in ev or ev["Content"] not in spans or ev["Cue"] not in spans:
            continue
        content = spans[ev["Content"]][1]
        cue = spans[ev["Cue"]][1]
        sid = ev.get("Source")
        source = spans[sid][1] if sid in spans else None
        src = (source[0][0], source[-1][1]) if source else None
        out.append(_Gold(src, sid if source else None, cue, content, _is_speech(text, cue, content)))
    return out


def _articles(folder: Path) -> list[tuple[Path, Path]]:
    anns: dict[str, Path] = {}
    for p in sorted((folder / "attributions").glob("*.ann")):
        anns.setdefault(p.stem.rsplit("_", 1)[0], p)
    return [(folder / "text" / f"{stem}.txt", ann) for stem, ann in sorted(anns.items())]


def _tokens(text: str, frags: tuple[Frag, ...]) -> set[int]:
    return {m.start() + a for a, b in frags for m in _WORD.finditer(text[a:b])}


def _norm(text: str, frags: tuple[Frag, ...]) -> tuple[Frag, ...]:
    strip = " \t\n.,;:!?-—–()" + _QMARKS
    out = []
    for a, b in frags:
        while a < b and text[a] in strip:
            a += 1
        while b > a and text[b - 1] in strip:
            b -= 1
        if b > a:
            out.append((a, b))
    return tuple(out)


def _match(
    text: str, gold: list[tuple[tuple[Frag, ...], bool]], pred: list[tuple[Frag, ...]]
) -> dict[str, float]:
    """Counts for overlap and exact matching; gold items carry a `counted` flag (False: ignore if matched)."""
    gtok = [_tokens(text, g) for g, _ in gold]
    ptok = [_tokens(text, p) for p in pred]
    pairs = []
    for i, pt in enumerate(ptok):
        for j, gt in enumerate(gtok):
            n = len(pt & gt)
            if n:
                pairs.append((n, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    tp = ignored = exact = 0
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        if gold[j][1]:
            tp += 1
            exact += _norm(text, pred[i]) == _norm(text, gold[j][0])
        else:
            ignored += 1
    n_gold = sum(1 for _, counted in gold if counted)
    n_pred = len(pred) - ignored
    return {"tp": tp, "exact_tp": exact, "gold": n_gold, "pred": n_pred}


def _pred_units(quotes: list[Any]) -> dict[str, list[tuple[Frag, ...]]]:
    groups: dict[Any, list[Any]] = {}
    last_by_speaker: dict[Any, Any] = {}
    for q in sorted(quotes, key=lambda q: q.start):
        if q.cue_start is not None:
            key = (q.cue_start, q.cue_end)
        else:
            key = last_by_speaker.get(q.speaker_start, ("nocue", q.start))
        groups.setdefault(key, []).append(q)
        if q.speaker_start is not None and q.cue_start is not None:
            last_by_speaker[q.speaker_start] = key
    content: list[tuple[Frag, ...]] = []
    for qs in groups.values():
        frags = []
        for q in sorted(qs, key=lambda q: (q.start, -q.end)):
            if frags and q.start >= frags[-1][0] and q.end <= frags[-1][1]:
                continue  # a partial quote nested in the reported sentence it belongs to
            frags.append((q.start, q.end))
        content.append(tuple(frags))
    source = sorted({(q.speaker_start, q.speaker_end) for q in quotes if q.speaker_start is not None})
    cue = sorted({(q.cue_start, q.cue_end) for q in quotes if q.cue_start is not None})
    return {"content": content, "source": [(s,) for s in source], "cue": [(c,) for c in cue]}


def _gold_units(gold: list[_Gold], speech_only: bool) -> dict[str, list[tuple[tuple[Frag, ...], bool]]]:
    def counted(g: _Gold) -> bool:
        return g.speech or not speech_only

    content = [(g.content, counted(g)) for g in gold]
    src: dict[Frag, bool] = {}
    cue: dict[tuple[Frag, ...], bool] = {}
    for g in gold:
        if g.source is not None:
            src[g.source] = src.get(g.source, False) or counted(g)
        cue[g.cue] = cue.get(g.cue, False) or counted(g)
    return {
        "content": content,
        "source": [((s,), c) for s, c in src.items()],
        "cue": list(cue.items()),
    }


def evaluate_folder(folder: Path, limit: int | None = None) -> dict[str, Any]:
    from dateline.model import Document
    from dateline.nlp import annotate
    from dateline.quotes import extract_quotes

    arts = _articles(folder)[:limit] if limit else _articles(folder)
    totals = {m: {r: {"tp": 0, "exact_tp": 0, "gold": 0, "pred": 0} for r in ("content", "source", "cue")}
              for m in ("all", "speech")}  # fmt: skip
    docs = [Document(id=t.stem, text=t.read_text(encoding="utf-8")) for t, _ in arts]
    t0 = time.perf_counter()
    parsed = list(annotate(docs))
    t_spacy = time.perf_counter() - t0
    t_quotes = 0.0
    n_quotes = 0
    for doc, (_, ann) in zip(parsed, arts, strict=True):
        gold = _read_ann(ann, doc.text)
        t1 = time.perf_counter()
        quotes = extract_quotes(doc)
        t_quotes += time.perf_counter() - t1
        n_quotes += len(quotes)
        pred = _pred_units(quotes)
        for mode in ("all", "speech"):
            gunits = _gold_units(gold, mode == "speech")
            for role in ("content", "source", "cue"):
                c = _match(doc.text, gunits[role], pred[role])
                for k, v in c.items():
                    totals[mode][role][k] += v
    result: dict[str, Any] = {
        "articles": len(arts),
        "quotes_predicted": n_quotes,
        "speech_selection": (
            "gold attributions whose cue holds a communication verb (dateline.evaluate.quotes.SPEECH_CUES, any "
            "inflection), 'according to' or a ':'/dash label, or whose content opens with a double quotation mark; "
            "predictions matching only non-speech gold are ignored"
        ),
        "matching": "overlap = share >= 1 word token, one-to-one greedy; exact = same span(s) after trimming "
        "whitespace/punctuation/quote marks",
        "seconds_spacy": round(t_spacy, 2),
        "seconds_quotes": round(t_quotes, 2),
        "quotes_overhead": round(t_quotes / t_spacy, 4) if t_spacy else None,
    }
    for mode, roles in totals.items():
        result[mode] = {}
        for role, c in roles.items():
            ov = prf(c["tp"], c["pred"] - c["tp"], c["gold"] - c["tp"])
            ex = prf(c["exact_tp"], c["pred"] - c["exact_tp"], c["gold"] - c["exact_tp"])
            result[mode][role] = {"overlap": ov, "exact": ex, "gold": c["gold"], "pred": c["pred"]}
    return result


@suite("quotes")
def run(split: str, data: Path) -> dict[str, Any]:
    root = require(data / "quotes")
    folders = {"dev": ["dev"], "train": ["train"], "test": ["test"], "all": ["dev", "test"]}.get(split)
    if folders is None:
        raise ValueError(f"unknown split {split!r}: use dev, test, train or all")
    out: dict[str, Any] = {"split": split, "data": "PolNeAR v1.0"}
    for name in folders:
        out[name] = evaluate_folder(require(root / name / "text").parent)
    return out if len(folders) > 1 else {**out, **out.pop(folders[0])}
