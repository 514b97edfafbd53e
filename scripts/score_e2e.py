"""Score an end-to-end field set (tests/data/e2e_s18 by default, or another folder of the same shape), field by field.

The articles are ingested in-process into one store (the library's `ingest(workers=0)`, with the outlet, url and
publication date of each article's gold line given as its metadata, as a feed or a jsonl export would give them;
a saved HTML page (.html, .htm) is given as its markup with its url only, so its outlet and publication date are
read from the page itself, meta tags and JSON-LD, through the reader's trafilatura path);
each gold event record is matched to a stored event of its type whose sentence holds the gold fragment, and every
field the gold gives (mode, actor_country, recipient_country, size, date, factuality, source, and from e2e_s21 on
location_country: the country of the event's location) is scored over the matched records. A text page whose gold
line says `"published_in_meta": false` is given without its date, which is then read from the page's own text
(a masthead line, a "Published 29.04.2019" line, the url). Cleaning is scored apart: boilerplate cut, body kept, published, and the outlet of HTML pages.

    python scripts/score_e2e.py [FOLDER] [--set NAME] [--errors] [--json FILE]

`--set e2e_s19` scores tests/data/e2e_s19 (any set folder under tests/data by its name); a FOLDER path wins.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

SETS = Path(__file__).resolve().parent.parent / "tests" / "data"
DEFAULT = SETS / "e2e_s18"
HTML = (".html", ".htm")
FIELDS = (
    "mode",
    "actor_country",
    "recipient_country",
    "size",
    "date",
    "factuality",
    "source",
    "location_country",
)


def _norm(text: str) -> str:
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    return re.sub(r"\s+", " ", text).strip()


def load_gold(folder: Path) -> list[dict[str, Any]]:
    lines = (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(x) for x in lines if x.strip()]


def ingest_folder(folder: Path, db: Path) -> dict[str, Any]:
    """file name -> the stored Document, all articles ingested into one store at `db`."""
    from dateline.pipeline import ingest
    from dateline.store import Store

    gold = load_gold(folder)
    feed = db.with_suffix(".jsonl")
    with feed.open("w", encoding="utf-8") as fh:
        for g in gold:
            text = (folder / g["file"]).read_text(encoding="utf-8")
            if g["file"].lower().endswith(HTML):
                row = {"html": text, "url": g["url"]}
            else:
                row = {"text": text, "url": g["url"], "outlet": g["outlet"], "published": g["published"]}
                if g.get("published_in_meta") is False:
                    del row["published"]  # the date is read from the page's own text (a masthead, the url)
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    store = Store(db)
    try:
        ingest([str(feed)], store, workers=0)
        by_url = {r["url"]: r["id"] for r in store.document_rows()}
        return {g["file"]: store.get(by_url[g["url"]]) if g["url"] in by_url else None for g in gold}
    finally:
        store.close()


def _countries(actors: list[Any]) -> list[str | None]:
    return [a.country for a in actors] or [None]


def _field(name: str, gold: dict[str, Any], ev: Any) -> tuple[bool, Any]:
    want = gold[name]
    if name == "mode":
        return ev.mode == want, ev.mode
    if name in ("actor_country", "recipient_country"):
        got = _countries(ev.actor if name == "actor_country" else ev.recipient)
        ok_values = want if isinstance(want, list) else [want]
        return got[0] in ok_values, got
    if name == "size":
        got = [(s.text, s.min, s.max, s.approx, s.unit) for s in ev.size]
        if want is None:
            return not ev.size, got
        for s in ev.size:
            if all(
                ((getattr(s, k) is None) == (v is None) and (v is None or float(getattr(s, k)) == float(v)))
                if k in ("min", "max")
                else getattr(s, k) == v
                for k, v in want.items()
            ):
                return True, got
        return False, got
    if name == "date":
        got = ev.date.value if ev.date else None
        ok = got in want or (got is not None and got[10:11] == "T" and got[:10] in want)
        return ok, got
    if name == "factuality":
        return ev.factuality == want, ev.factuality
    if name == "location_country":
        loc = ev.location
        got = loc.country if loc else None
        ok_values = want if isinstance(want, list) else [want]
        return got in ok_values, f"{loc.text} -> {loc.name}, {got}" if loc else None
    src = ev.source
    got = f"{src.text} | {src.name}" if src else None
    if want is None:
        return src is None, got
    return src is not None and want.lower() in f"{src.text} {src.name or ''}".lower(), got


def _pick(doc: Any, gold: dict[str, Any]) -> Any:
    """The stored event of the gold type reported in the sentence holding the gold fragment (None if none)."""
    words = [re.escape(w) for w in _norm(gold["sentence"]).split()]
    rx = r"\s+".join(words).replace('"', '["\u201c\u201d]').replace("'", "['\u2019]")
    m = re.search(rx, doc.text)
    if not m:
        return None
    at, to = m.start(), m.end()

    def said_here(e: Any) -> bool:
        spans = [(e.sentence_start, e.sentence_end)] + [
            (x.sentence_start, x.sentence_end) for x in e.mentions
        ]
        return any(a <= at < b for a, b in spans)

    typed = [e for e in doc.events if e.event == gold["event"] and said_here(e)]
    typed.sort(key=lambda e: not at <= e.event_start < to)
    return typed[0] if typed else None


def score(folder: Path, db: Path) -> dict[str, Any]:
    """Per-field figures: cleaning over articles, event fields over the gold records matched by type."""
    gold = load_gold(folder)
    docs = ingest_folder(folder, db)
    n: dict[str, int] = {}
    ok: dict[str, int] = {}
    errors: list[str] = []
    results: list[dict[str, Any]] = []

    def add(key: str, good: bool) -> None:
        n[key] = n.get(key, 0) + 1
        ok[key] = ok.get(key, 0) + int(good)

    for g in gold:
        doc, name = docs.get(g["file"]), g["file"]
        if doc is None:
            errors.append(f"{name}: not stored")
            continue
        text = _norm(doc.text)
        for item in g["cut"]:
            frag, allowed = (item, 0) if isinstance(item, str) else (item["text"], item.get("max", 0))
            good = text.count(_norm(frag)) <= allowed
            add("boilerplate_cut", good)
            if not good:
                errors.append(f"{name}: boilerplate left: {frag!r}")
        for sent in g["keep"]:
            good = _norm(sent) in text
            add("body_kept", good)
            if not good:
                errors.append(f"{name}: body lost: {sent!r}")
        add("published", doc.published == g["published"])
        if doc.published != g["published"]:
            errors.append(f"{name}: published {doc.published} (gold {g['published']})")
        if name.lower().endswith(HTML):
            add("outlet", doc.outlet == g["outlet"])
            if doc.outlet != g["outlet"]:
                errors.append(f"{name}: outlet {doc.outlet!r} (gold {g['outlet']!r})")
        for ge in g["events"]:
            ev = _pick(doc, ge)
            add("event_type", ev is not None)
            row: dict[str, Any] = {
                "file": name,
                "sentence": ge["sentence"],
                "event": ge["event"],
                "matched": ev is not None,
            }
            if ev is None:
                got = sorted(
                    {
                        e.event
                        for e in doc.events
                        if e.sentence_start <= doc.text.find(ge["sentence"]) < e.sentence_end
                    }
                )
                errors.append(f"{name}: [{ge['event']}] {ge['sentence']!r}: typed {got}")
                results.append(row)
                continue
            for field in FIELDS:
                if field not in ge:
                    continue
                good, got = _field(field, ge, ev)
                add(field, good)
                row[field] = good
                if not good:
                    errors.append(
                        f"{name}: [{ge['event']}] {ge['sentence'][:60]!r}: {field} {got!r} (gold {ge[field]!r})"
                    )
            results.append(row)
    figures = {k: round(ok[k] / n[k], 3) for k in n}
    return {"figures": figures, "counts": n, "records": results, "errors": errors}


def _option(argv: list[str], name: str) -> tuple[str | None, list[str]]:
    """The value of `--name VALUE` or `--name=VALUE` and the arguments without it."""
    rest: list[str] = []
    value = None
    it = iter(argv)
    for a in it:
        if a == name:
            value = next(it, None)
        elif a.startswith(name + "="):
            value = a.split("=", 1)[1]
        else:
            rest.append(a)
    return value, rest


def main(argv: list[str]) -> int:
    set_name, argv = _option(argv, "--set")
    json_out, argv = _option(argv, "--json")
    args = [a for a in argv if not a.startswith("--")]
    folder = Path(args[0]) if args else (SETS / set_name if set_name else DEFAULT)
    if not (folder / "gold.jsonl").is_file():
        print(f"no gold.jsonl in {folder}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = score(folder, Path(tmp) / "e2e.db")
    for k, v in out["figures"].items():
        print(f"{k:20s} {v:.3f}  (n={out['counts'][k]})")
    if "--errors" in argv:
        print("\n".join(out["errors"]))
    if json_out:
        Path(json_out).write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
