"""The bundled demo corpus (dateline/demo) is well-formed and its cross-article gold is consistent."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dateline.model import FACTUALITY, PLOVER_EVENTS

DEMO = Path(__file__).resolve().parents[1] / "dateline" / "demo"
ARTICLES = DEMO / "articles"
GOLD = DEMO / "gold_events.jsonl"
FIELDS = {
    "file", "key", "event", "mode", "actor_country", "recipient_country", "date",
    "size_min", "size_max", "factuality", "sentence",
}  # fmt: skip
FIRST_DAY, LAST_DAY = dt.date(2020, 1, 3), dt.date(2020, 1, 20)
BYLINE_DATE = re.compile(r"^.+ — .+ (January) (\d{1,2}), (2020)$", re.M)
WORD = re.compile(r"\w+")


# --------------------------------------------------------------------------- helpers


class _PageText(HTMLParser):
    """Text of an HTML page (script/style dropped, block breaks kept), and separately of its <article>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page: list[str] = []
        self.article: list[str] = []
        self._skip = 0
        self._in_article = 0
        self.paragraphs = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "article":
            self._in_article += 1
        if tag == "p" and self._in_article:
            self.paragraphs += 1
        self.page.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1
        if tag == "article":
            self._in_article -= 1
        self.page.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.page.append(data)
        if self._in_article:
            self.article.append(data)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _parse_html(path: Path) -> _PageText:
    parser = _PageText()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _body_text(path: Path) -> str:
    """What a gold sentence must be found in: the <article> text of a page, the whole file for .txt."""
    if path.suffix == ".html":
        return _squash("".join(_parse_html(path).article))
    return _squash(path.read_text(encoding="utf-8"))


def _shingles(text: str, k: int = 5) -> set[tuple[str, ...]]:
    words = [w.lower() for w in WORD.findall(text)]
    return {tuple(words[i : i + k]) for i in range(max(1, len(words) - k + 1))}


def _jaccard(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _comparable(path: Path) -> str:
    return "".join(_parse_html(path).article) if path.suffix == ".html" else path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def files() -> list[Path]:
    return sorted(p for p in ARTICLES.iterdir() if p.suffix in (".html", ".txt"))


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    with GOLD.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="module")
def duplicates(files: list[Path]) -> dict[str, str]:
    """copy file name -> original file name, for exact (same bytes) and near (Jaccard >= 0.8) duplicates."""
    out: dict[str, str] = {}
    digests: dict[str, str] = {}
    for p in files:
        digest = hashlib.sha256(p.read_bytes()).hexdigest()
        if digest in digests:
            out[p.name] = digests[digest]
        else:
            digests[digest] = p.name
    rest = [p for p in files if p.name not in out]
    sh = {p.name: _shingles(_comparable(p)) for p in rest}
    for a, b in itertools.combinations(rest, 2):
        if _jaccard(sh[a.name], sh[b.name]) >= 0.8:
            out[b.name] = a.name
    return out


# --------------------------------------------------------------------------- the articles


def test_corpus_has_twenty_plus_articles_half_html(files: list[Path]) -> None:
    assert len(files) >= 20
    for p in files:
        assert re.fullmatch(r"\d\d-[a-z0-9]+(-[a-z0-9]+)+\.(html|txt)", p.name), p.name
    html = [p for p in files if p.suffix == ".html"]
    txt = [p for p in files if p.suffix == ".txt"]
    assert len(html) >= 10 and len(txt) >= 10
    assert (DEMO / "README.md").is_file()
    readme = (DEMO / "README.md").read_text(encoding="utf-8")
    for p in files:
        assert p.name in readme, f"{p.name} not described in README.md"


def test_html_pages_carry_metadata_and_page_furniture(files: list[Path]) -> None:
    for p in (p for p in files if p.suffix == ".html"):
        raw = p.read_text(encoding="utf-8")
        for needle in ("<title>", 'property="og:site_name"', 'name="author"', "<nav", "<header", "<footer"):
            assert needle in raw, f"{p.name}: no {needle}"
        published = re.search(r'property="article:published_time" content="([^"]+)"', raw)
        assert published, p.name
        day = dt.datetime.fromisoformat(published.group(1)).date()
        assert FIRST_DAY <= day <= LAST_DAY, p.name
        low = raw.lower()
        assert "cookie" in low and "comment" in low and "share" in low, p.name
        page = _parse_html(p)
        assert page.paragraphs >= 5, p.name
        words = len(WORD.findall("".join(page.article)))
        assert 250 <= words <= 600, f"{p.name}: {words} words in <article>"


def test_text_articles_headline_dates_and_length(files: list[Path]) -> None:
    undated = []
    for p in (p for p in files if p.suffix == ".txt"):
        text = p.read_text(encoding="utf-8")
        headline = text.splitlines()[0]
        assert headline.strip() and len(headline) < 140 and not headline.endswith("."), p.name
        assert 250 <= len(WORD.findall(text)) <= 800, p.name
        m = BYLINE_DATE.search(text)
        if m is None:
            undated.append(p.name)
        else:
            assert FIRST_DAY <= dt.date(2020, 1, int(m.group(2))) <= LAST_DAY, p.name
    assert len(undated) == 1, f"exactly one text article must lack a date line: {undated}"


def test_text_articles_exercise_every_boilerplate_kind(files: list[Path]) -> None:
    txt = {p.name: p.read_text(encoding="utf-8") for p in files if p.suffix == ".txt"}
    blob = "\n".join(txt.values())
    for needle in (
        "Leave a Reply",
        "You are commenting using your Twitter account",
        "Click to follow",
        "Click to enlarge",
        "READ MORE:",
        "Comments are closed",
        "Join our commenting forum",
    ):
        assert needle in blob, needle
    assert re.search(r"^source: [a-z0-9.-]+\.[a-z.]+$", blob, re.M), "no 'source: outlet' line"
    assert BYLINE_DATE.search(blob), "no 'Name — Outlet Month D, YYYY' line"
    # a donation appeal glued onto the first sentence, with no space or line break
    assert re.search(r"(Donate now|today)\.[A-Z][a-z]", blob), "no glued donation appeal"
    # a standfirst repeated as the first body paragraph
    repeated = [
        name
        for name, text in txt.items()
        if any(a == b and len(a) > 80 for a, b in itertools.pairwise(re.split(r"\n\s*\n", text)))
    ]
    assert repeated, "no repeated standfirst"


def test_one_exact_and_one_near_duplicate(files: list[Path], duplicates: dict[str, str]) -> None:
    by_hash = defaultdict(list)
    for p in files:
        by_hash[hashlib.sha256(p.read_bytes()).hexdigest()].append(p.name)
    exact = [names for names in by_hash.values() if len(names) > 1]
    assert len(exact) == 1 and len(exact[0]) == 2, exact
    near = {copy: orig for copy, orig in duplicates.items() if copy not in exact[0]}
    assert len(near) == 1, near
    copy, orig = next(iter(near.items()))
    assert (ARTICLES / copy).read_bytes() != (ARTICLES / orig).read_bytes()


# --------------------------------------------------------------------------- the gold


def test_gold_records_are_well_typed(gold: list[dict], files: list[Path]) -> None:
    names = {p.name for p in files}
    assert len(gold) >= 60
    seen = set()
    for g in gold:
        assert set(g) == FIELDS, g
        assert g["file"] in names, g["file"]
        assert (g["file"], g["key"]) not in seen, (g["file"], g["key"])
        seen.add((g["file"], g["key"]))
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", g["key"]), g["key"]
        assert g["event"] in PLOVER_EVENTS, g
        assert g["factuality"] in FACTUALITY, g
        assert g["mode"] is None or re.fullmatch(r"[a-z-]+", g["mode"]), g
        for side in ("actor_country", "recipient_country"):
            assert g[side] is None or re.fullmatch(r"[A-Z]{3}", g[side]), g
        if g["date"] is not None:
            assert re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", g["date"]), g
            if len(g["date"]) == 10:
                dt.date.fromisoformat(g["date"])
        lo, hi = g["size_min"], g["size_max"]
        for v in (lo, hi):
            assert v is None or (isinstance(v, int | float) and v >= 0), g
        if lo is not None and hi is not None:
            assert lo <= hi, g


def test_gold_sentences_occur_verbatim_in_article_bodies(gold: list[dict]) -> None:
    bodies: dict[str, str] = {}
    for g in gold:
        if g["file"] not in bodies:
            bodies[g["file"]] = _body_text(ARTICLES / g["file"])
        assert _squash(g["sentence"]) in bodies[g["file"]], (g["file"], g["sentence"][:80])


def test_gold_covers_every_article_but_not_the_duplicate_copies(
    gold: list[dict], files: list[Path], duplicates: dict[str, str]
) -> None:
    covered = {g["file"] for g in gold}
    for p in files:
        if p.name in duplicates:
            assert p.name not in covered, f"{p.name} is a copy of {duplicates[p.name]}: no gold of its own"
        else:
            assert p.name in covered, f"{p.name} has no gold events"


def test_gold_keys_name_one_real_world_event_each(gold: list[dict]) -> None:
    by_key: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_key[g["key"]].append(g)
    for key, rows in by_key.items():
        assert len({r["event"] for r in rows}) == 1, f"{key}: one event type per real-world event"
        assert len({r["actor_country"] for r in rows}) == 1, f"{key}: one actor per real-world event"
        assert len({r["date"] for r in rows} - {None}) <= 2, f"{key}: dates disagree too much"


def test_gold_is_a_real_cross_article_merging_task(gold: list[dict]) -> None:
    by_key: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_key[g["key"]].append(g)
    multi = {k: rows for k, rows in by_key.items() if len({r["file"] for r in rows}) >= 3}
    assert len(multi) >= 5, "several events reported by 3+ outlets"
    # reported with different sizes or dates by different outlets
    assert any(len({(r["size_min"], r["size_max"]) for r in rows}) >= 3 for rows in multi.values())
    # asserted in one outlet, denied in another
    assert any({"asserted", "denied"} <= {r["factuality"] for r in rows} for rows in by_key.values())
    # look-alikes: distinct events of the same type and actor on the same day, which must stay apart
    lookalike = defaultdict(set)
    for key, rows in by_key.items():
        for r in rows:
            if r["date"] and len(r["date"]) == 10:
                lookalike[(r["event"], r["date"])].add(key)
    assert any(len(keys) >= 2 for keys in lookalike.values()), "no same-type same-day look-alikes"
    # a historical look-alike of a current event (same type, actor and recipient, another year)
    triples = defaultdict(set)
    for key, rows in by_key.items():
        r = rows[0]
        triples[(r["event"], r["actor_country"], r["recipient_country"])].add(key)
    assert any(len(keys) >= 2 for keys in triples.values())
    # every factuality value the pipeline knows appears in the gold
    assert {g["factuality"] for g in gold} == set(FACTUALITY)


def test_gold_sentences_survive_ingest_cleaning() -> None:
    """Integration: the real reader and cleaner keep every gold sentence and find the metadata."""
    read = pytest.importorskip("dateline.read")
    clean = pytest.importorskip("dateline.clean")
    docs = {}
    for raw in read.read([str(ARTICLES)]):
        assert hasattr(raw, "kind"), f"failed to read: {raw}"
        docs[Path(raw.source).name] = clean.to_document(raw)
    with GOLD.open(encoding="utf-8") as fh:
        gold = [json.loads(line) for line in fh if line.strip()]
    for g in gold:
        assert g["sentence"] in docs[g["file"]].text, (g["file"], g["sentence"][:80])
    undated = [name for name, d in docs.items() if d.published is None]
    assert len(undated) == 1, undated
    for name, d in docs.items():
        if d.published is not None:
            assert FIRST_DAY <= dt.date.fromisoformat(d.published[:10]) <= LAST_DAY, name
