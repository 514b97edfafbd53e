"""Eval suite `messy`: the whole pipeline on scraped-looking articles, scored field by field.

The check set is our own writing (tests/fixtures/messy_s9/: 16 invented articles, 12 plain-text dumps and 4 HTML
pages, with boilerplate, relative dates, hedged numbers and negated/planned/denied events; gold in gold.jsonl,
written before the system ever ran on them). It is a DEV set only: there is no TEST split.

Each article goes through `dateline.read.read` -> `dateline.clean.to_document` -> `dateline.pipeline.process`, as
ingest does (without the store). Scores, each field on its own:
- boilerplate: P/R over the labelled lines and fragments: a gold "cut" item is cut when its text is no longer in the
  clean text (a repeated paragraph: when it is left at most `max` times); a gold "keep" sentence lost is a false cut;
- body_kept: share of the "keep" sentences found in the clean text;
- events: per gold event (its sentence, given by a substring): found (an event reported in that sentence, as its own
  sentence or as one of its merged mentions), type (an event of the gold type there), and on that event (the typed
  one — of several, the one whose words lie inside the gold fragment —, else the sentence's only or first one) date (value among the gold values; a time of day on the right day
  counts), size (a Size matching every key the gold gives; `null` = no size), factuality, source (the gold words
  inside the source actor's text or name; `null` = no source). A missing event counts wrong for every field;
  `*_when_found` gives the figure over events found.
- quotes: a system quote overlapping the gold content (found) and its speaker (the gold speaker's last word in the
  resolved speaker or its text).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from dateline.evaluate import DataMissing, prf, suite

FIXTURE_DIR = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "messy_s9"
# batch 3 (session 10): twelve more articles, written after the second round of fixes, gold before any run
BATCH3_DIR = FIXTURE_DIR.parent / "messy_s10"
# batch 4 (session 11): twelve articles in the manner of outlets outside the US and UK, gold before any run
BATCH4_DIR = FIXTURE_DIR.parent / "messy_s11"
# batch 5 (session 17): twelve plain-text pages of outlets Dateline does not know (mastheads, newsletter headers,
# section lines, title lines without a full stop), gold (with the outlet and the title) before any run
BATCH5_DIR = FIXTURE_DIR.parent / "messy_s17"
_FIELDS = ("date", "size", "factuality", "source")


def _norm(text: str) -> str:
    text = html.unescape(text).replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    return re.sub(r"\s+", " ", text).strip()


def _locate(raw: str, frag: str) -> tuple[int, int]:
    """(start, end) of `frag` in the raw clean text, any whitespace run and quote style matching; (-1, -1)."""
    words = [re.escape(w) for w in _norm(frag).split()]
    rx = r"\s+".join(words).replace('"', '["\u201c\u201d]').replace("'", "['\u2019]")
    m = re.search(rx, raw)
    return (m.start(), m.end()) if m else (-1, -1)


def _gold(folder: Path) -> list[dict[str, Any]]:
    path = folder / "gold.jsonl"
    if not path.exists():
        raise DataMissing(f"messy check set missing: {path}")
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _run_pipeline(files: list[Path]) -> dict[str, Any]:
    """file name -> processed Document (or the reason it failed), through the stages ingest uses."""
    from dateline.clean import to_document
    from dateline.model import Failure
    from dateline.pipeline import process
    from dateline.read import read

    docs, out = [], {}
    for item in read([str(f) for f in files]):
        name = Path(item.source).name
        if isinstance(item, Failure):
            out[name] = item.reason
            continue
        try:
            doc = to_document(item)
        except ValueError as exc:
            out[name] = str(exc)
            continue
        doc.extra["_file"] = name
        docs.append(doc)
    for doc in process(docs):
        out[doc.extra.pop("_file")] = doc
    return out


def _mentioned_in(event: Any, offset: int) -> bool:
    """The event is reported in the sentence holding `offset` (its own sentence, or one of its merged mentions)."""
    spans = [(event.sentence_start, event.sentence_end)]
    spans += [(m.sentence_start, m.sentence_end) for m in event.mentions]
    return any(a <= offset < b for a, b in spans)


def _size_ok(gold: dict[str, Any] | None, sizes: list[Any]) -> bool:
    if gold is None:
        return not sizes
    for s in sizes:
        if all(
            (getattr(s, k) is None) == (v is None) and (v is None or float(getattr(s, k)) == float(v))
            if k in ("min", "max")
            else getattr(s, k) == v
            for k, v in gold.items()
        ):
            return True
    return False


def _source_ok(gold: str | None, source: Any) -> bool:
    if gold is None:
        return source is None
    if source is None:
        return False
    return gold.lower() in f"{source.text} {source.name or ''}".lower()


def _fmt_size(sizes: list[Any]) -> str:
    return "; ".join(f"{s.text!r} min={s.min} max={s.max} approx={s.approx} unit={s.unit}" for s in sizes)


class _Tally:
    def __init__(self) -> None:
        self.n: dict[str, int] = {}
        self.ok: dict[str, int] = {}

    def add(self, key: str, ok: bool) -> None:
        self.n[key] = self.n.get(key, 0) + 1
        self.ok[key] = self.ok.get(key, 0) + int(ok)

    def rate(self, key: str) -> float:
        return round(self.ok.get(key, 0) / self.n[key], 4) if self.n.get(key) else 0.0


def _outlet_key(name: str | None) -> str:
    """An outlet name compared as the page may spell it: case, a leading "The" and punctuation aside."""
    key = re.sub(r"\W+", " ", (name or "").lower()).strip()
    return key[4:] if key.startswith("the ") else key


def _score_article(gold: dict[str, Any], doc: Any, t: _Tally, errors: list[str]) -> dict[str, int]:
    name = gold["file"]
    text = _norm(doc.text)
    counts = {"tp": 0, "fn": 0, "fp": 0}
    for item in gold["cut"]:
        frag, allowed = (item, 0) if isinstance(item, str) else (item["text"], item.get("max", 0))
        left = text.count(_norm(frag))
        if left <= allowed:
            counts["tp"] += 1
        else:
            counts["fn"] += 1
            errors.append(f"{name}: boilerplate left: {frag!r}")
    for sent in gold["keep"]:
        kept = _norm(sent) in text
        t.add("body_kept", kept)
        if not kept:
            counts["fp"] += 1
            errors.append(f"{name}: body sentence lost: {sent!r}")
    t.add("published", doc.published == gold["published"])
    if doc.published != gold["published"]:
        errors.append(f"{name}: published {doc.published} (gold {gold['published']})")
    # optional (batch 5): the outlet the page names, and the headline taken as the title (not glued to the body)
    if "outlet" in gold:
        ok = _outlet_key(doc.outlet) == _outlet_key(gold["outlet"])
        t.add("outlet", ok)
        if not ok:
            errors.append(f"{name}: outlet {doc.outlet!r} (gold {gold['outlet']!r})")
    if "title" in gold:
        ok = _norm(doc.title or "") == _norm(gold["title"])
        t.add("title", ok)
        if not ok:
            errors.append(f"{name}: title {doc.title!r} (gold {gold['title']!r})")
    raw = doc.text
    for ev in gold["events"]:
        at, to = _locate(raw, ev["sentence"])
        found = [e for e in doc.events if at >= 0 and _mentioned_in(e, at)]
        types = ev["type"] if isinstance(ev["type"], list) else [ev["type"]]
        # of several typed events in the sentence, the one whose words lie inside the gold fragment is meant
        typed = sorted((e for e in found if e.event in types), key=lambda e: not at <= e.event_start < to)
        t.add("event_found", bool(found))
        t.add("event_type", bool(typed))
        label = f"{name}: [{'/'.join(types)}] {ev['sentence']!r}"
        if not found:
            errors.append(f"{label}: no event")
        elif not typed:
            errors.append(f"{label}: typed {[e.event for e in found]}")
        pick = typed[0] if typed else (found[0] if found else None)
        for field in _FIELDS:
            if field not in ev:
                continue
            ok, got = False, None
            if pick is not None:
                if field == "date":
                    got = pick.date.value if pick.date else None
                    values = ev["date"] if isinstance(ev["date"], list) else [ev["date"]]
                    # a time of day ("2025-10-28TNI") still dates the event to its day
                    ok = got in values or (got is not None and "T" in got[10:11] and got[:10] in values)
                elif field == "size":
                    got = _fmt_size(pick.size)
                    ok = _size_ok(ev["size"], pick.size)
                elif field == "factuality":
                    got = pick.factuality
                    ok = got == ev["factuality"]
                else:
                    got = f"{pick.source.text!r}" if pick.source else None
                    ok = _source_ok(ev["source"], pick.source)
                t.add(f"{field}_when_found", ok)
                if not ok:
                    errors.append(f"{label}: {field} {got} (gold {ev[field]})")
            t.add(field, ok)
    for q in gold["quotes"]:
        at, end = _locate(raw, q["content"])
        hits = [x for x in doc.quotes if at >= 0 and x.start < end and at < x.end]
        t.add("quote_found", bool(hits))
        last = q["speaker"].split()[-1].lower()
        ok = any(last in f"{x.speaker or ''} {x.speaker_text or ''}".lower() for x in hits)
        t.add("quote_speaker", ok)
        if not ok:
            got = [(x.speaker, x.speaker_text) for x in hits]
            errors.append(f"{name}: quote {q['content'][:40]!r} speaker {got} (gold {q['speaker']})")
    return counts


def _score_set(folder: Path) -> dict[str, Any]:
    """Run the pipeline on one folder of the check set and score it against its gold.jsonl."""
    gold = _gold(folder)
    docs = _run_pipeline([folder / g["file"] for g in gold])
    t, errors = _Tally(), []
    tp = fn = fp = 0
    failed = []
    for g in gold:
        doc = docs.get(g["file"])
        if doc is None or isinstance(doc, str) or doc.status == "failed":
            failed.append(f"{g['file']}: {doc if isinstance(doc, str) else 'failed'}")
            continue
        c = _score_article(g, doc, t, errors)
        tp, fn, fp = tp + c["tp"], fn + c["fn"], fp + c["fp"]
    keys = ["body_kept", "published", "event_found", "event_type", *_FIELDS]
    keys += [f"{f}_when_found" for f in _FIELDS] + ["quote_found", "quote_speaker"]
    keys += [k for k in ("outlet", "title") if t.n.get(k)]
    return {
        "articles": len(gold),
        "failed": failed,
        "boilerplate": prf(tp, fp, fn),
        **{k: t.rate(k) for k in keys},
        "counts": {k: t.n.get(k, 0) for k in keys},
        "errors": errors,
    }


@suite("messy")
def run(split: str, data: Path) -> dict[str, Any]:
    """Score the pipeline on the messy-article check set (DEV only): the 16 articles, and apart from them the
    second batch (batch2/, six plain-text articles written after the first round of fixes, as a transfer check) and
    the third (tests/fixtures/messy_s10: eight plain-text dumps and four HTML pages, written in session 10) and the
    fourth (tests/fixtures/messy_s11: the same mix in the manner of outlets outside the US and UK, session 11) and the
    fifth (tests/fixtures/messy_s17: plain-text pages of unknown outlets, scored for outlet and title too)."""
    if split == "test":
        raise DataMissing(
            "the messy suite has no TEST split: its articles (tests/fixtures/messy_s9) are a DEV check set; "
            "use --split dev"
        )
    if split not in ("dev", "all"):
        raise ValueError(f"unknown split {split!r}: use dev")
    result = _score_set(FIXTURE_DIR)
    if (FIXTURE_DIR / "batch2" / "gold.jsonl").exists():
        result["batch2"] = _score_set(FIXTURE_DIR / "batch2")
    if (BATCH3_DIR / "gold.jsonl").exists():
        result["batch3"] = _score_set(BATCH3_DIR)
    if (BATCH4_DIR / "gold.jsonl").exists():
        result["batch4"] = _score_set(BATCH4_DIR)
    if (BATCH5_DIR / "gold.jsonl").exists():
        result["batch5"] = _score_set(BATCH5_DIR)
    return result
