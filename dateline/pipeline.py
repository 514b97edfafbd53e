"""The stages of Dateline, top to bottom.

read       dateline.read.read              paths, URLs, stdin    -> RawArticle | Failure
clean      dateline.clean.to_document      RawArticle            -> Document (clean text, metadata, removed spans)
dedupe     dateline.dedupe                 exact copies skipped; near-duplicates stored, linked, not processed
nlp        dateline.nlp.annotate           sentences and entities (spaCy, batched; long texts in pieces)
then the document components, in order (COMPONENTS, a registry like spaCy's):
published  dateline.pubdate.infer_published  publication date inferred where the input gave none
times      dateline.time.normalize           time expressions resolved against the publication date
places     dateline.places.geoparse          toponyms with coordinates
quotes     dateline.quotes.extract_quotes    who said what
events     dateline.events.extract_events    PLOVER events with actors, place, date, size, factuality, source
store      dateline.store.Store.add          one transaction per batch (Store.batch), each document whole
link       dateline.link.link_new            across articles: new events merged, new articles put into stories
                                              (incremental; timelines, briefs and troop series read the result)
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dateline._pieces import merge_piece
from dateline._workers import DIED as DIED  # the reason recorded for a document that killed its worker
from dateline._workers import Item, in_pool, in_process
from dateline.model import Document, Failure, RawArticle
from dateline.store import Store

Component = Callable[[Document], None]
COMPONENTS: dict[str, Component] = {}


def component(name: str) -> Callable[[Component], Component]:
    """Register a document component under `name`."""

    def register(fn: Component) -> Component:
        COMPONENTS[name] = fn
        return fn

    return register


@component("published")
def _published(doc: Document) -> None:
    if doc.published:
        return
    from dateline.pubdate import infer_published

    value, confidence, evidence = infer_published(doc.text, doc.title, near=getattr(doc, "_near_dates", ()))
    doc.published_confidence = confidence
    doc.published_evidence = evidence
    if value:
        doc.published = value
        doc.published_source = "inferred"
        doc.meta_sources["published"] = "inferred"


@component("times")
def _times(doc: Document) -> None:
    from dateline.time import day_first_for, normalize

    # the outlet's country says how it writes "12/10/2026" (data/time/date_order.tsv)
    doc.timexes = normalize(doc.text, anchor=doc.published, doc=doc.spacy, day_first=day_first_for(doc.url))


@component("places")
def _places(doc: Document) -> None:
    from dateline.places import geoparse

    doc.places = geoparse(doc)


@component("quotes")
def _quotes(doc: Document) -> None:
    from dateline.quotes import extract_quotes

    doc.quotes = extract_quotes(doc)


@component("events")
def _events(doc: Document) -> None:
    from dateline.events import extract_events

    doc.events = extract_events(doc)


DEFAULT_COMPONENTS = ("published", "times", "places", "quotes", "events")


def process(docs: list[Document], components: Iterable[str] = DEFAULT_COMPONENTS) -> list[Document]:
    """Run the nlp stage and the document components over a batch; never raises for one bad document.

    A document the nlp stage cannot parse comes back with status "failed" and its reason in
    `extra["errors"]` (the ingest records it as a failed input, not as a document). A text over LONG_CHARS
    is processed in pieces (see _process_in_pieces); the documents come back in the order given."""
    names = list(components)
    done: dict[int, Document] = {}
    for doc in _annotated([d for d in docs if len(d.text) <= LONG_CHARS]):
        if doc.status != "failed":
            _run_components(doc, names)
        done[id(doc)] = doc
    for doc in docs:
        if len(doc.text) > LONG_CHARS:
            done[id(doc)] = _process_in_pieces(doc, names)
    return [done[id(d)] for d in docs]


def _run_components(doc: Document, names: list[str]) -> None:
    for name in names:
        try:
            COMPONENTS[name](doc)
        except Exception as exc:  # one extractor failing must not lose the document
            doc.extra.setdefault("errors", []).append(f"{name}: {type(exc).__name__}: {exc}")
    doc.status = "processed"
    _drop_transient(doc)


# A text longer than this is processed in pieces of at most LONG_PIECE_CHARS, cut at paragraph breaks (else at
# sentence ends): parse memory and the components' time stay bounded per piece, where a whole 450 KB text took
# minutes and 2 GB (spaCy's memory grows with the text; quotes and events grow faster than linearly).
# Ordinary articles are far shorter and are processed whole, as before.
LONG_CHARS = 50_000
LONG_PIECE_CHARS = 10_000


def _process_in_pieces(doc: Document, names: list[str]) -> Document:
    """A long document processed piece by piece, each piece a Document of its own with the metadata of the
    whole (title, url, outlet...; the publication date the first piece found), then every annotation put back
    with its offsets shifted into the whole text, sentence indexes renumbered and, after the first piece,
    quote and event ids re-keyed (they are made from piece offsets). The text is not changed."""
    from dateline.nlp import split_text

    base = {k: v for k, v in vars(doc).items() if k in Document.__dataclass_fields__}
    for key in ("text", "sentences", "entities", "timexes", "places", "quotes", "events", "extra"):
        base.pop(key)
    offset = 0
    for k, piece_text in enumerate(split_text(doc.text, LONG_PIECE_CHARS)):
        extra = {key: value for key, value in doc.extra.items() if key not in ("_signature", "errors")}
        piece = Document(
            **{**base, "text": piece_text, "extra": extra, "meta_sources": dict(doc.meta_sources)}
        )
        if k:  # the first piece dated the document: the others resolve their times against that date
            for key in ("published", "published_source", "published_confidence", "published_evidence"):
                setattr(piece, key, getattr(doc, key))
        for attr, value in vars(doc).items():  # transient inputs of components (e.g. _near_dates)
            if attr.startswith("_") and attr not in Document.__dataclass_fields__:
                setattr(piece, attr, value)
        piece = next(_annotated([piece]))
        if piece.status == "failed":
            doc.status = "failed"
            doc.extra.setdefault("errors", []).extend(piece.extra.get("errors", []))
            _drop_transient(doc)
            return doc
        _run_components(piece, names if not k else [n for n in names if n != "published"])
        if not k:
            for key in ("published", "published_source", "published_confidence", "published_evidence",
                        "meta_sources"):  # fmt: skip
                setattr(doc, key, getattr(piece, key))
        merge_piece(doc, piece, offset, k)
        offset += len(piece_text)
    doc.status = "processed"
    _drop_transient(doc)
    return doc


def _annotated(docs: list[Document]) -> Iterator[Document]:
    """The nlp stage over the batch; if spaCy fails on the batch, the rest goes document by document so that
    only the document it fails on is lost (marked failed, with the reason)."""
    from dateline.nlp import annotate

    n = 0
    try:
        for doc in annotate(docs):
            n += 1
            yield doc
        return
    except Exception:  # retried below one by one: the error is recorded on the document that causes it
        pass
    for doc in docs[n:]:
        try:
            yield from annotate([doc])
        except Exception as exc:
            doc.status = "failed"
            doc.extra.setdefault("errors", []).append(f"nlp: {type(exc).__name__}: {str(exc)[:300]}")
            yield doc


def _drop_transient(doc: Document) -> None:
    """Forget what components cached on the document (the spaCy Doc, resolvers): never stored or pickled."""
    fields = Document.__dataclass_fields__
    for name in [k for k in vars(doc) if k not in fields]:
        delattr(doc, name)
    doc.spacy = None


# ---------------------------------------------------------------------- ingest


@dataclass
class Summary:
    ingested: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    unchanged: int = 0
    failed: list[Failure] = field(default_factory=list)
    failed_before: int = 0  # inputs that failed in an earlier run, unchanged since: not tried again
    words: int = 0
    linked: dict = field(default_factory=dict)  # what the link stage did (merged events, stories)
    skipped: Counter = field(default_factory=Counter)  # files of other kinds in folder walks, by extension

    @property
    def seen(self) -> int:
        return (self.ingested + self.duplicates + self.near_duplicates + self.unchanged + len(self.failed)
                + self.failed_before)  # fmt: skip


# the longest clean text processed: texts over LONG_CHARS are processed in pieces (time and memory grow
# linearly), so nothing is lost; past this bound (minutes of work for one "article") a text is recorded as a
# failure, to be split into articles
NLP_MAX_CHARS = 5_000_000


def raw_hash(raw: RawArticle) -> str:
    body = raw.html if raw.html is not None else raw.text or ""
    return hashlib.sha256(f"{raw.kind}\x1f{body}".encode("utf-8", "surrogatepass")).hexdigest()


def _stdin_source(raw: RawArticle, rh: str) -> str:
    """The name an article read from standard input is recorded under: its content, not its position ("-",
    "-#L3"), so that another text piped in later is a source of its own and the same text again is unchanged;
    the url a JSONL line or feed item carries is added for the reader."""
    url = (raw.given or {}).get("url")
    return f"stdin:{rh[:16]}" + (f" {url}" if isinstance(url, str) and url else "")


def _triage(
    items: Iterable[RawArticle | Failure], store: Store, summary: Summary, retry_failed: bool = False
) -> Iterator[tuple[Document, str, str]]:
    """read -> clean -> dedupe. Yields new documents to process; records everything else in the store.

    An input that failed in an earlier run and is unchanged since is counted in `summary.failed_before` and
    not tried again, unless `retry_failed` (a document that killed its worker process would kill it again)."""
    from dateline.clean import to_document
    from dateline.dedupe import NearDuplicates

    near = NearDuplicates()
    near.load(store.signatures())
    # content hash -> doc id of documents still in flight (not yet in the store); bounded far above the
    # in-flight window, so memory stays flat and older entries are found in the store instead
    pending: OrderedDict[str, str] = OrderedDict()

    def stored_text(doc_id: str) -> str | None:
        row = store.db.execute("SELECT text FROM documents WHERE id=?", (doc_id,)).fetchone()
        return row[0] if row else None

    for item in items:
        if isinstance(item, Failure):
            store.record_source(item.source, None, "failed", reason=item.reason)
            summary.failed.append(item)
            continue
        rh = raw_hash(item)
        source = item.source
        if source == "-" or source.startswith("-#"):  # read() names stdin by position: record it by content
            source = _stdin_source(item, rh)
        status = store.status_of(source, rh)
        if status == "failed" and not retry_failed:
            summary.failed_before += 1
            continue
        if status not in (None, "failed"):
            summary.unchanged += 1
            continue
        try:
            doc = to_document(item)
        except Exception as exc:
            reason = str(exc) if isinstance(exc, ValueError) else f"{type(exc).__name__}: {exc}"
            store.record_source(source, rh, "failed", reason=reason)
            summary.failed.append(Failure(source, reason))
            continue
        if len(doc.text) > NLP_MAX_CHARS:
            reason = (f"clean text is {len(doc.text):,} characters, over the {NLP_MAX_CHARS:,} the NLP stage takes"
                      " (split it into articles)")  # fmt: skip
            store.record_source(source, rh, "failed", reason=reason)
            summary.failed.append(Failure(source, reason))
            continue
        first = pending.get(doc.content_hash or doc.id) or store.doc_id_for_hash(doc.content_hash or doc.id)
        if first is not None:
            store.record_source(source, rh, "duplicate", doc_id=first)
            summary.duplicates += 1
            continue
        dup, sim, signature = near.check(doc.id, doc.text, fetch_text=stored_text)
        if dup is not None:
            doc.duplicate_of, doc.similarity, doc.status = dup, sim, "near-duplicate"
            store.add(doc, source, rh)
            summary.near_duplicates += 1
            continue
        pending[doc.content_hash or doc.id] = doc.id
        if len(pending) > 10_000:
            pending.popitem(last=False)
        doc.extra["_signature"] = signature
        yield doc, source, rh


def _batches(it: Iterator[tuple[Document, str, str]], size: int) -> Iterator[list[tuple[Document, str, str]]]:
    batch: list[tuple[Document, str, str]] = []
    for x in it:
        batch.append(x)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


_HOLD = 256  # year-less wire copy waits for (at most this many of) the run's other articles before processing


def _year_less_last(
    it: Iterator[tuple[Document, str, str]], store: Store, dates: set[str]
) -> Iterator[tuple[Document, str, str]]:
    """Wire copy whose dateline has no year ("BAMAKO, Oct 13 (Agency) -") and no other date is processed after
    the rest of the run (or of the last _HOLD such articles), with the publication dates seen so far and
    those of the store, so the published component can date it by its collection (dateline.pubdate)."""
    held: list[tuple[Document, str, str]] = []
    stored: list[str] | None = None

    def release() -> Iterator[tuple[Document, str, str]]:
        nonlocal stored
        if stored is None:
            rows = store.db.execute(
                "SELECT DISTINCT substr(published, 1, 10) FROM documents WHERE published > ''"
            )
            stored = [r[0] for r in rows]
        near = tuple(sorted(dates.union(stored)))
        for doc, source, rh in held:
            doc._near_dates = near  # transient: dropped after processing
            yield doc, source, rh
        held.clear()

    for doc, source, rh in it:
        if doc.published:
            dates.add(doc.published[:10])
        wire = doc.extra.get("wire_dateline") or {}
        if not doc.published and wire.get("date") and not _YEAR.search(wire["date"]):
            held.append((doc, source, rh))
            if len(held) >= _HOLD:
                yield from release()
            continue
        yield doc, source, rh
    yield from release()


_YEAR = re.compile(r"\b\d{4}\b")


def _process_batch(batch: list[Document], components: tuple[str, ...]) -> list[Document]:
    return process(batch, components)


def _process_batch_to_store(batch: list[Document], components: tuple[str, ...]) -> list[Document]:
    """`_process_batch` in a worker process whose documents go to the store: their events come back packed as
    the rows the store writes (store.pack_events: far cheaper to send than the records, the same rows stored)."""
    from dateline.store import pack_events

    docs = process(batch, components)
    for doc in docs:
        if doc.status != "failed":
            pack_events(doc)
    return docs


# processed once in the parent before workers are forked, so that they inherit the loaded model and lexicons
_WARM_TEXT = ("The interior minister of Chile said on Monday that police in Santiago had arrested 12 people"
              " after a protest outside the parliament. \"We will not allow violence,\" she told reporters.")  # fmt: skip


def _warm_up(components: tuple[str, ...]) -> None:
    try:
        process([Document(id="warm-up", text=_WARM_TEXT, published="2024-03-04")], components)
    except Exception:  # the workers will meet (and record) whatever went wrong here
        pass


def ingest(
    inputs: Iterable[str],
    store: Store,
    workers: int = 0,
    max_bytes: int = 20_000_000,
    components: Iterable[str] = DEFAULT_COMPONENTS,
    on_progress: Callable[[Summary], None] | None = None,
    batch_size: int = 16,
    link: bool = True,
    retry_failed: bool = False,
) -> Summary:
    """Ingest `inputs` into `store`: every stage above, each document committed whole (a transaction per batch).

    `workers` >= 1 runs the NLP stages in that many worker processes: a document that kills its worker (out of
    memory, a crash in a library) is recorded as failed (reason DIED) and everything else is stored. 0 (the
    library's default: no process is started, for an embedding program or a debugger; `dateline serve` uses 1)
    runs them in this process, where a document that raises is recorded as failed just the same but a hard crash
    ends the run (`dateline ingest` defaults to one worker process for that reason). Inputs that failed in an earlier run and
    are unchanged are not tried again (`Summary.failed_before`) unless `retry_failed`."""
    summary = _ingest_documents(inputs, store, workers, max_bytes, tuple(components), on_progress, batch_size,
                                retry_failed)  # fmt: skip
    if link and (summary.ingested or _unlinked(store)):
        from dateline.link import link_new

        summary.linked = link_new(store)
    return summary


def _unlinked(store: Store) -> bool:
    """True if stored events or documents were never linked (a run stopped between writing and linking, or
    `--no-link`): the next ingest links them even when it brings nothing new."""
    db = store.db
    q_events = "SELECT 1 FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_links l WHERE l.event_id = e.id) LIMIT 1"
    q_docs = ("SELECT 1 FROM documents d WHERE d.status = 'processed' AND NOT EXISTS"
              " (SELECT 1 FROM story_docs s WHERE s.doc_id = d.id) LIMIT 1")  # fmt: skip
    return db.execute(q_events).fetchone() is not None or db.execute(q_docs).fetchone() is not None


def _ingest_documents(inputs: Iterable[str], store: Store, workers: int, max_bytes: int, comps: tuple[str, ...],
                      on_progress: Callable[[Summary], None] | None, batch_size: int,
                      retry_failed: bool = False) -> Summary:  # fmt: skip
    from dateline.read import read

    summary = Summary()

    def write(done: list[Item]) -> None:
        with store.batch():  # one transaction for the batch, each document whole or absent (Store.batch)
            for doc, source, rh in done:
                if doc.status == "failed":
                    reason = "; ".join(doc.extra.get("errors", [])) or "could not be processed"
                    store.record_source(source, rh, "failed", reason=reason)
                    summary.failed.append(Failure(source, reason))
                    continue
                signature = doc.extra.pop("_signature", None)
                store.add(doc, source, rh, signature)
                if doc.published:
                    dates.add(doc.published[:10])
                summary.ingested += 1
                summary.words += len(doc.text.split())
        if on_progress:
            on_progress(summary)

    dates: set[str] = set()  # publication dates of this run: the year of year-less wire copy

    def skipped(path: Path) -> None:
        summary.skipped["".join(path.suffixes[-1:]).lower() or "(no extension)"] += 1

    items = read(inputs, max_bytes=max_bytes, on_skip=skipped)
    work = _batches(_year_less_last(_triage(items, store, summary, retry_failed), store, dates), batch_size)
    if workers <= 0:
        for batch in work:
            for done in in_process(batch, _process_batch, comps):
                write(done)
        return summary
    results = in_pool(work, workers, _process_batch_to_store, comps, warm=lambda: _warm_up(comps))
    try:
        for done in results:
            write(done)
    finally:  # Ctrl-C while writing: the pool is stopped now, not when the generator is collected
        results.close()
    return summary
