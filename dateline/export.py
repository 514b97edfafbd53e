"""Export: records out of the store, in the format asked for.

Two registries: RECORDS (what: documents, entities, events, quotes, places, times)
and FORMATS (jsonl, csv, parquet, plover, geojson). A format may declare which
record kinds it accepts.

Event and quote records carry the article they came from: `outlet`, `published` and `url` (SOURCE_FIELDS,
appended after the record's own fields by `with_source`); the PLOVER format puts them in `cite_info`, the
manual's object for the cited text (`text_info` there is the sentence: its offsets).
"""

from __future__ import annotations

import csv
import dataclasses
import errno
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import IO, Any

from dateline import __version__
from dateline.model import Event, Place, Quote, Timex
from dateline.plover import cameo_root, plover_coding
from dateline.store import DOCUMENT_FIELDS, ENTITY_FIELDS, EventFilter, Store

RecordFn = Callable[[Store], Iterator[dict[str, Any]]]
RECORDS: dict[str, RecordFn] = {}
# the columns of each record kind, in export order: the header of a CSV (or the schema of a Parquet file) that
# has no records to take them from (tests/test_export_s15.py checks them against real records)
FIELDS: dict[str, tuple[str, ...]] = {}
Writer = Callable[..., int]  # (rows, out, *, fields=()) -> number of records written
FORMATS: dict[str, tuple[Writer, tuple[str, ...] | None, bool]] = {}


class ExportError(ValueError):
    pass


def records(name: str, fields: Iterable[str]) -> Callable[[RecordFn], RecordFn]:
    def register(fn: RecordFn) -> RecordFn:
        RECORDS[name] = fn
        FIELDS[name] = tuple(fields)
        return fn

    return register


def fmt(name: str, accepts: tuple[str, ...] | None = None, binary: bool = False):
    def register(fn):
        FORMATS[name] = (fn, accepts, binary)
        return fn

    return register


# ---------------------------------------------------------------------- record kinds


def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


SOURCE_FIELDS = ("outlet", "published", "url")  # of the article a record came from (documents' own names)


@records("documents", DOCUMENT_FIELDS)
def _documents(store: Store) -> Iterator[dict[str, Any]]:
    yield from store.iter_documents()


@records("entities", ENTITY_FIELDS)
def _entities(store: Store) -> Iterator[dict[str, Any]]:
    yield from store.iter_entities()


@records("events", (*_names(Event), *SOURCE_FIELDS))
def _events(store: Store) -> Iterator[dict[str, Any]]:
    yield from with_source(store, (e.to_dict() for e in store.events(EventFilter())))


@records("quotes", (*_names(Quote), *SOURCE_FIELDS))
def _quotes(store: Store) -> Iterator[dict[str, Any]]:
    yield from with_source(store, (q.to_dict() for q in store.quotes()))


_SOURCE_CHUNK = 500  # records per look-up (under SQLite's 999 bound parameters)


def with_source(store: Store, rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Records that have a `doc_id` (events, quotes), each with its article's SOURCE_FIELDS appended (None when
    unknown); a field the record already has is kept. One look-up per chunk of records: memory stays flat."""
    it = iter(rows)
    while chunk := list(islice(it, _SOURCE_CHUNK)):
        ids = sorted({r["doc_id"] for r in chunk if r.get("doc_id")})
        meta: dict[str, tuple[Any, ...]] = {}
        if ids:
            marks = ",".join("?" * len(ids))
            for row in store.db.execute(
                f"SELECT id, {', '.join(SOURCE_FIELDS)} FROM documents WHERE id IN ({marks})", ids
            ):
                meta[row[0]] = tuple(row[1:])
        for r in chunk:
            values = meta.get(r.get("doc_id"), (None,) * len(SOURCE_FIELDS))
            for key, value in zip(SOURCE_FIELDS, values, strict=True):
                r.setdefault(key, value)
            yield r


@records("places", ("doc_id", *_names(Place)))
def _places(store: Store) -> Iterator[dict[str, Any]]:
    yield from store.iter_places()


@records("times", ("doc_id", *_names(Timex)))
def _times(store: Store) -> Iterator[dict[str, Any]]:
    yield from store.iter_timexes()


# ---------------------------------------------------------------------- formats


@fmt("jsonl")
def _jsonl(rows: Iterable[dict[str, Any]], out: IO[str], fields: Sequence[str] = ()) -> int:
    n = 0
    for r in rows:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return n


def _flat(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


@fmt("csv")
def _csv(rows: Iterable[dict[str, Any]], out: IO[str], fields: Sequence[str] = ()) -> int:
    """One row per record, nested values as JSON text; the header is the first record's keys, or `fields` when
    there is no record (an empty export is still a table a spreadsheet or pandas reads with its columns)."""
    writer = None
    n = 0
    for r in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(r), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: _flat(v) for k, v in r.items()})
        n += 1
    if writer is None and fields:
        csv.DictWriter(out, fieldnames=list(fields)).writeheader()
    return n


@fmt("parquet", binary=True)
def _parquet(rows: Iterable[dict[str, Any]], out: IO[bytes], fields: Sequence[str] = ()) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    # nested values (lists of actors, sizes...) are kept as JSON text: one stable schema for every batch
    writer = None
    n = 0
    batch: list[dict[str, Any]] = []
    schema = None

    def flush() -> None:
        nonlocal writer, schema
        if not batch:
            return
        flat = [{k: _flat(v) for k, v in r.items()} for r in batch]
        if schema is None:
            schema = pa.schema([(k, _arrow_type(k, flat)) for k in flat[0]])
            writer = pq.ParquetWriter(out, schema)
        table = pa.Table.from_pylist([{k: r.get(k) for k in schema.names} for r in flat], schema=schema)
        writer.write_table(table)
        batch.clear()

    for r in rows:
        batch.append(r)
        n += 1
        if len(batch) >= 5000:
            flush()
    flush()
    if writer is not None:
        writer.close()
    else:  # no records: still a valid (empty) Parquet file, which readers open, with the kind's columns
        pq.write_table(pa.table({k: pa.array([], pa.string()) for k in fields}), out)
    return n


def _arrow_type(key: str, rows: list[dict[str, Any]]):
    import pyarrow as pa

    for r in rows:
        v = r.get(key)
        if v is None:
            continue
        if isinstance(v, bool):
            return pa.bool_()
        if isinstance(v, int):
            return pa.int64()
        if isinstance(v, float):
            return pa.float64()
        return pa.string()
    return pa.string()


def _plover_date(value: str | None) -> str | None:
    """PLOVER's `date` is a day: a finer TIMEX value ("2020-01-05TEV", "2020-01-05T14:30") gives its day; the full
    value stays in `date_info`. Coarser values ("2020-01", "2020-W02") are kept as they are."""
    if value and len(value) > 10 and re.match(r"\d{4}-\d{2}-\d{2}T", value):
        return value[:10]
    return value


def plover_record(e: Event, source: dict[str, Any] | None = None) -> dict[str, Any]:
    """An event in PLOVER 2.0 JSON (the manual's field names) plus Dateline's own fields.

    `source`: the article's SOURCE_FIELDS (an export record carries them), written to `cite_info`, the manual's
    citation object: `publication` (the outlet), `url`, `citation` (the document id), `coder`, `codebook`, and
    `published`, the publication date, which the manual's object has no field for. `text_info` keeps what the
    manual puts there: the sentence's offsets (and the event word's)."""
    source = source or {}
    event, mode = plover_coding(e.event, e.mode, e.factuality)

    def entity(a) -> dict[str, Any]:
        return {"entity_text": a.text, "code": a.country, "sector": a.sector, "identifier_text": a.name,
                "start": a.start, "end": a.end}  # fmt: skip

    loc = None
    if e.location:
        p = e.location
        loc = {"placename": p.text, "name": p.name, "countryCode": p.country, "admin1Code": p.admin1,
               "lat": p.lat, "lon": p.lon, "geonameid": p.geonames_id, "featureClass": p.feature,
               "precision_km": p.precision_km, "start": p.start, "end": p.end}  # fmt: skip
    sizes: dict[str, Any] = {}
    for s in e.size:
        if s.kind in ("dead", "injured", "arrested"):
            sizes[s.kind] = s.min if s.min == s.max else {"min": s.min, "max": s.max}
    return {
        "id": e.id,
        "date": _plover_date(e.date.value) if e.date else None,
        "actor": [entity(a) for a in e.actor],
        "recipient": [entity(a) for a in e.recipient],
        "event": [event],
        "mode": [mode] if mode else [],
        "event_loc": loc,
        "event_text": [e.event_text],
        "text": e.text,
        "text_info": {
            "start": e.sentence_start,
            "end": e.sentence_end,
            "event_start": e.event_start,
            "event_end": e.event_end,
        },  # fmt: skip
        "cameo": cameo_root(e.event, e.cameo, e.factuality),
        "size": [s.to_dict() for s in e.size],
        "size_info": sizes or None,
        "factuality": e.factuality,
        # the act the words name, where PLOVER's single category differs ("refused to withdraw": RETREAT withdraw,
        # coded REJECT yield)
        "content_event": e.event if event != e.event else None,
        "content_mode": e.mode if event != e.event else None,
        "source": e.source.to_dict() if e.source else None,
        "doc_id": e.doc_id,
        "date_info": e.date.to_dict() if e.date else None,
        "coder": f"dateline {__version__}",
        "codebook": "PLOVER 2.0",
        "cite_info": {
            "publication": source.get("outlet"),
            "url": source.get("url"),
            "published": source.get("published"),
            "citation": e.doc_id,
            "coder": f"dateline {__version__}",
            "codebook": "PLOVER 2.0",
        },
    }


@fmt("plover", accepts=("events",))
def _plover(rows: Iterable[dict[str, Any]], out: IO[str], fields: Sequence[str] = ()) -> int:
    return _jsonl((plover_record(Event.from_dict(r), r) for r in rows), out)


@fmt("geojson", accepts=("events", "places"))
def _geojson(rows: Iterable[dict[str, Any]], out: IO[str], fields: Sequence[str] = ()) -> int:
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for r in rows:
        place = r.get("location") if "event" in r else r
        if not place or place.get("lat") is None or place.get("lon") is None:
            continue
        props = {k: v for k, v in r.items() if k != "location"}
        props["place"] = place
        feat = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
                "properties": props}  # fmt: skip
        out.write(("," if n else "") + json.dumps(feat, ensure_ascii=False) + "\n")
        n += 1
    out.write("]}\n")
    return n


# ---------------------------------------------------------------------- entry point


@contextmanager
def _open(path: str | None, binary: bool):
    """stdout, or the file `path` written whole or not at all: records go to a temporary file in the same folder
    that replaces `path` only when complete, so a failed or interrupted export leaves an earlier file intact.
    An earlier file keeps its permissions; one that may not be written (read-only) is refused, as a shell
    redirection refuses it, instead of being replaced."""
    if path in (None, "-"):
        yield sys.stdout.buffer if binary else sys.stdout
        return
    target = Path(path)
    if (
        target.exists() and not target.is_file()
    ):  # /dev/null, a named pipe, a folder: written (or refused) as is
        with open(target, "wb" if binary else "w", encoding=None if binary else "utf-8",
                  newline=None if binary else "") as fh:  # fmt: skip
            yield fh
        return
    mode = 0o666 & ~_UMASK
    if target.is_file():
        mode = target.stat().st_mode & 0o777
        if not mode & 0o222 or not os.access(target, os.W_OK):
            raise PermissionError(errno.EACCES, "the file is read-only", str(target))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:  # the folder takes no new file (permissions, a read-only or virtual file system)
        raise OSError(exc.errno, f"cannot create a file in {target.parent} ({exc.strerror})") from exc
    try:
        with os.fdopen(fd, "wb" if binary else "w", encoding=None if binary else "utf-8",
                       newline=None if binary else "") as fh:  # fmt: skip
            yield fh
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_umask() -> int:
    # mkstemp makes the file 0600; an export gets the usual permissions (read once, at import: umask is global)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def export(store: Store, what: str, format: str = "jsonl", path: str | None = None) -> int:
    """Write every `what` record in `format` to `path` (stdout for None or "-"); return how many."""
    if what not in RECORDS:
        raise ExportError(f"unknown record kind {what!r}: choose from {', '.join(RECORDS)}")
    if format not in FORMATS:
        raise ExportError(f"unknown format {format!r}: choose from {', '.join(FORMATS)}")
    writer, accepts, binary = FORMATS[format]
    if accepts is not None and what not in accepts:
        raise ExportError(f"format {format!r} is for {' and '.join(accepts)}, not {what}")
    if binary and path in (None, "-") and sys.stdout.isatty():
        raise ExportError(f"{format} is binary: give -o FILE")
    try:
        with _open(path, binary) as out:
            return writer(RECORDS[what](store), out, fields=FIELDS[what])
    except BrokenPipeError:
        raise
    except OSError as exc:  # a missing folder, no permission, a full disk: one line naming the file
        if path in (None, "-") and getattr(exc, "errno", None) == errno.EPIPE:
            raise BrokenPipeError(*exc.args) from exc
        raise ExportError(f"cannot write {path or 'standard output'}: {exc.strerror or exc}") from exc
