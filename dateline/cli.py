"""The `dateline` command line.

dateline ingest PATH... [--db FILE] [--workers N] [--quiet] [--strict]
dateline docs | failures | show ID | search "QUERY"
dateline events [--type T] [--actor X] [--country C] [--since DATE]
dateline quotes [--speaker NAME] [--doc ID]
dateline export --what documents|entities|events|quotes|places|times --format jsonl|csv|parquet|plover|geojson
dateline eval SUITE [--split dev|test|all]
dateline demo
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

try:  # Ctrl-C while the command is still starting: one line, not a traceback from inside an import
    import click
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from dateline.link.cli import (
        check_country,
        check_date,
        check_event_type,
        check_output,
        check_range,
        country_hint,
    )
    from dateline.model import FACTUALITY
    from dateline.pipeline import DEFAULT_COMPONENTS
    from dateline.store import EventFilter, Store, StoreError, name_query
except KeyboardInterrupt:
    sys.stderr.write("interrupted\n")
    raise SystemExit(130) from None

console = Console()
err = Console(stderr=True)
DEFAULT_DB = "dateline.db"
DEMO_DIR = Path(__file__).parent / "demo" / "articles"

db_option = click.option(
    "--db", default=DEFAULT_DB, show_default=True, metavar="FILE", help="SQLite database file."
)


def _open_store(db: str, readonly: bool = True) -> Store:
    try:
        return Store(db, readonly=readonly)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


class _Terminated(KeyboardInterrupt):
    """SIGTERM (`kill`, a scheduler stopping the job), handled like Ctrl-C: the open transaction rolls back."""


def _stop_on_sigterm() -> Any:
    """Make SIGTERM raise _Terminated in this process; return the handler it replaced (None if not set)."""
    import signal
    import threading

    def handler(signum: int, frame: object) -> None:
        if os.getpid() == main_pid:  # not in forked workers: the parent stops them
            raise _Terminated()
        os._exit(143)

    main_pid = os.getpid()
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, handler)


class _Group(click.Group):
    """Turns the errors a user can cause (an unreadable database, a full disk, Ctrl-C) into one clear line
    instead of a traceback; DATELINE_DEBUG=1 shows the traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        previous = _stop_on_sigterm()
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, BrokenPipeError):
            raise  # click reports these itself (a closed pipe, as in `| head`, quietly)
        except KeyboardInterrupt as exc:
            how = "terminated" if isinstance(exc, _Terminated) else "interrupted"
            stored = getattr(exc, "stored", None)  # set by an ingest: documents it wrote before it stopped
            if stored is not None:
                how += f": {stored} document{'s' if stored != 1 else ''} stored; run the same command again to resume"
            elif ctx.invoked_subcommand in ("ingest", "demo", "link"):
                how += ": every document written so far is kept; run the same command again to resume"
            err.print(how)
            sys.exit(143 if isinstance(exc, _Terminated) else 130)
        except Exception as exc:
            if os.environ.get("DATELINE_DEBUG"):
                raise
            if isinstance(exc, StoreError):  # says what is wrong with the database and what to do
                raise click.ClickException(str(exc)) from exc
            if type(exc).__name__ == "BrokenProcessPool":
                raise click.ClickException(
                    "a worker process stopped abruptly (out of memory, or killed); every document written so far"
                    " is kept: run the same command again, perhaps with fewer --workers or a lower --max-mb"
                ) from exc
            if isinstance(exc, sqlite3.Error):
                hint = "cannot open or write the database: is its folder writable, is it a Dateline file?"
                raise click.ClickException(f"database error: {exc}; {hint}") from exc
            if isinstance(exc, OSError):
                raise click.ClickException(
                    f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")
                ) from exc
            raise click.ClickException(
                f"unexpected {type(exc).__name__}: {exc} (set DATELINE_DEBUG=1 for the traceback)"
            ) from exc
        finally:
            if previous is not None:  # main() called in-process (tests, scripts): leave SIGTERM as it was
                import signal

                signal.signal(signal.SIGTERM, previous)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dateline")
def main() -> None:
    """Dateline: news articles in, a sourced and queryable record of events out.

    \b
    Start with:  dateline demo
    Your files:  dateline ingest articles/ feed.xml crawl.warc.gz --db news.db
    Then:        dateline events --db news.db --type MOBILIZE --country GBR
                 dateline export --db news.db --what events --format plover -o events.jsonl

    Commands that read or write a database take --db FILE (default ./dateline.db); all take -h/--help.
    """


# ---------------------------------------------------------------------- ingest


@main.command(short_help="Read articles into the database.")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1),
              help="Processes for the NLP stages.")  # fmt: skip
@click.option("--max-mb", default=20.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Skip inputs larger than this (MB): a whole file, or one .jsonl line / WARC record.")  # fmt: skip
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--strict", is_flag=True, help="Exit non-zero if any input failed (default: only if all did).")
@click.option("--skip", multiple=True, type=click.Choice(list(DEFAULT_COMPONENTS)),
              help="Leave out a document component (repeatable).")  # fmt: skip
@click.option(
    "--no-link", is_flag=True, help="Do not merge events and assign stories now (run `dateline link` later)."
)
@click.option("--retry-failed", is_flag=True,
              help="Try again the inputs that failed in an earlier run (by default an unchanged one is skipped).")  # fmt: skip
def ingest(paths: tuple[str, ...], db: str, workers: int, max_mb: float, quiet: bool, strict: bool,
           skip: tuple[str, ...], no_link: bool, retry_failed: bool) -> None:  # fmt: skip
    """Read articles (files, folders, .jsonl, .warc(.gz), RSS/Atom, URLs, - for stdin) into the database.

    Every input is recorded: ingested, duplicate, near-duplicate, unchanged since the last run, or failed
    with its reason (`dateline failures` lists them). Exits 1 if every input failed (or any, with --strict).
    An input that failed before and is unchanged is skipped unless --retry-failed. The NLP stages run in
    --workers processes (one by default): a document that kills its process (out of memory, a crash) or
    raises is recorded as failed; the rest of the run goes on.
    An interrupted run keeps what it wrote: run the same command again to resume.

    \b
    Examples:
      dateline ingest articles/ --db news.db
      dateline ingest crawl.warc.gz feed.xml https://example.com/story.html
      cat story.txt | dateline ingest -
    """
    components = tuple(c for c in DEFAULT_COMPONENTS if c not in skip)
    summary = _run_ingest(list(paths), db, workers, max_mb, quiet, components, link=not no_link,
                          retry_failed=retry_failed)  # fmt: skip
    n_failed = len(summary.failed) + summary.failed_before
    nothing_done = n_failed and summary.seen == n_failed
    if nothing_done or (strict and n_failed):  # an input skipped as failed before is still failed
        sys.exit(1)


def _run_ingest(paths: list[str], db: str, workers: int, max_mb: float, quiet: bool,
                components: tuple[str, ...] = DEFAULT_COMPONENTS, link: bool = True, retry_failed: bool = False):  # fmt: skip
    store = _open_store(db, readonly=False)
    last_rowid = store.db.execute("SELECT coalesce(max(rowid), 0) FROM documents").fetchone()[0]
    try:
        return _ingest_and_report(paths, db, store, last_rowid, workers, max_mb, quiet, components, link,
                                  retry_failed)  # fmt: skip
    except KeyboardInterrupt as exc:  # Ctrl-C or SIGTERM: the open transaction has rolled back
        exc.stored = _stored_since(store, last_rowid)  # type: ignore[attr-defined]
        raise


def _stored_since(store: Store, last_rowid: int) -> int | None:
    """Documents this run wrote (committed): the rowids after the last one before it."""
    try:
        return store.db.execute("SELECT count(*) FROM documents WHERE rowid > ?", (last_rowid,)).fetchone()[0]
    except (sqlite3.Error, KeyboardInterrupt):
        return None


def _ingest_and_report(paths: list[str], db: str, store: Store, last_rowid: int, workers: int, max_mb: float,
                       quiet: bool, components: tuple[str, ...], link: bool, retry_failed: bool):  # fmt: skip
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from dateline.pipeline import ingest as run

    start = time.monotonic()
    if quiet:
        summary = run(paths, store, workers=workers, max_bytes=int(max_mb * 1e6), components=components,
                      link=link, retry_failed=retry_failed)  # fmt: skip
    else:
        with Progress(SpinnerColumn(), TextColumn("[bold]ingest"), BarColumn(bar_width=None),
                      TextColumn("{task.fields[stats]}"), TimeElapsedColumn(), console=err,
                      transient=False) as progress:  # fmt: skip
            task = progress.add_task("ingest", total=None, stats="")

            def on_progress(s) -> None:
                rate = s.ingested / max(time.monotonic() - start, 1e-6)
                progress.update(task, completed=s.seen,
                                stats=f"{s.ingested} docs, {rate:.1f} docs/s, {len(s.failed)} failed")  # fmt: skip

            summary = run(
                paths,
                store,
                workers=workers,
                max_bytes=int(max_mb * 1e6),
                components=components,
                on_progress=on_progress,
                link=link,
                retry_failed=retry_failed,
            )
    elapsed = time.monotonic() - start
    rate = summary.ingested / elapsed if elapsed else 0.0
    err.print(
        f"[bold]{summary.ingested}[/] ingested, {summary.duplicates} duplicates, "
        f"{summary.near_duplicates} near-duplicates, {summary.unchanged} unchanged, "
        f"[{'red' if summary.failed else 'green'}]{len(summary.failed)} failed[/] "
        f"in {elapsed:.1f}s ({rate:.1f} docs/s) -> {db}"
    )
    if summary.failed_before:
        err.print(f"{summary.failed_before} input(s) failed in an earlier run and are unchanged: not tried again"
                  " (--retry-failed tries them; `dateline failures` says why they failed)")  # fmt: skip
    if summary.skipped:
        kinds = ", ".join(f"{n} {ext}" for ext, n in summary.skipped.most_common(5))
        err.print(f"skipped {sum(summary.skipped.values())} file(s) of other kinds in folders ({kinds})")
    for f in summary.failed[:_SHOW_FAILED]:
        err.print(f"  [red]failed[/] {_esc(f.source)}: {_esc(f.reason)}", markup=True, highlight=False)
    if len(summary.failed) > _SHOW_FAILED:
        err.print(f"  ... and {len(summary.failed) - _SHOW_FAILED} more: see `dateline failures --db {db}`")
    _print_partial(store, last_rowid, db)
    if summary.linked:
        err.print("linked: " + ", ".join(f"{k} {v}" for k, v in summary.linked.items() if isinstance(v, int)))
    return summary


_SHOW_FAILED = 20  # failures listed after an ingest; the rest are in `dateline failures`


def _print_partial(store: Store, last_rowid: int, db: str) -> None:
    """Documents of this run stored with a component that failed on them (kept, but missing that part)."""
    rows = store.db.execute(
        "SELECT id, source, json_extract(data, '$.extra.errors') FROM documents"
        " WHERE rowid > ? AND json_extract(data, '$.extra.errors') IS NOT NULL",
        (last_rowid,),  # rowids only grow: a range seek over this run's documents, not a scan of the store
    ).fetchall()
    if not rows:
        return
    err.print(f"[yellow]{len(rows)} document(s) stored with a component that failed on them[/] "
              f"(see `dateline show ID --db {db}`):")  # fmt: skip
    for doc_id, source, errors in rows[:_SHOW_FAILED]:
        first = (json.loads(errors) or ["?"])[0]
        err.print(f"  [yellow]partial[/] {doc_id} {_esc(source or '')}: {_esc(first)}", highlight=False)


def _esc(text: str) -> str:
    # rich markup would eat "[...]" in a path or reason
    from rich.markup import escape

    return escape(text)


@main.command()
@db_option
def demo(db: str) -> None:
    """Ingest the bundled demo corpus and list what came out."""
    if not DEMO_DIR.is_dir():
        raise click.ClickException(f"demo corpus missing at {DEMO_DIR}")
    _run_ingest([str(DEMO_DIR)], db, 1, 20.0, quiet=not sys.stderr.isatty())
    store = _open_store(db)
    _print_docs(store)
    _print_events(store, EventFilter(limit=40))
    console.print(f"\nNext: [bold]dateline show ID --db {db}[/], [bold]dateline events --db {db}[/], "
                  f"[bold]dateline export --what events --format plover --db {db}[/]")  # fmt: skip


# ---------------------------------------------------------------------- inspect


def _print_docs(store: Store, limit: int | None = None) -> None:
    t = Table(title="documents")
    for col in ("id", "published", "outlet", "title", "status"):
        # ids and dates are never folded over two lines: ids are copied into `show ID`, `quotes --doc ID`
        t.add_column(col, overflow="fold", no_wrap=col in ("id", "published"))
    for r in store.document_rows(limit=limit):
        status = r["status"] + (f" of {r['duplicate_of']}" if r["duplicate_of"] else "")
        t.add_row(r["id"], r["published"] or "", r["outlet"] or "", Text(r["title"] or ""), status)
    console.print(t)


@main.command(short_help="List documents.")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many.")
def docs(db: str, limit: int | None) -> None:
    """List documents: id, published, outlet, title, status (failed inputs: `dateline failures`)."""
    store = _open_store(db)
    _print_docs(store, limit)
    n = len(store.failures())
    if n:
        err.print(f"{n} input(s) failed and are not listed here: see `dateline failures --db {db}`")


@main.command(short_help="List the inputs that failed, and why.")
@db_option
@click.option(
    "--json", "as_json", is_flag=True, help="JSON lines (source, reason, seen_at) instead of a table."
)
def failures(db: str, as_json: bool) -> None:
    """List the inputs that could not be read or processed, with the reason (fix them and ingest again)."""
    rows = _open_store(db).failures()
    if as_json:
        for r in rows:
            click.echo(json.dumps(dict(r), ensure_ascii=False))
        return
    t = Table(title="failed inputs")
    for col in ("source", "reason", "when"):
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(Text(r["source"]), Text(r["reason"] or ""), r["seen_at"])
    console.print(t)
    if not rows:
        err.print("no failed inputs")


@main.command(short_help="Print one document and everything found in it.")
@click.argument("doc_id")
@db_option
def show(doc_id: str, db: str) -> None:
    """Print a document: clean text, metadata, entities, times, places, quotes, events and the removed
    boilerplate (DOC_ID: an id from `dateline docs`)."""
    store = _open_store(db)
    doc = store.get(doc_id) if doc_id.strip() else None
    if doc is None:
        n = store.db.execute("SELECT count(*) FROM documents WHERE id LIKE ?", (doc_id + "%",)).fetchone()[0]
        if len(doc_id) >= 4 and n > 1:
            raise click.ClickException(
                f"{n} documents have ids starting with {doc_id!r}: give more of the id"
            )
        raise click.ClickException(f"no document {doc_id!r} (see `dateline docs`)")
    meta = Table.grid(padding=(0, 2))
    for key in ("id", "title", "outlet", "byline", "published", "published_source", "url", "path", "status",
                "duplicate_of", "input_kind"):  # fmt: skip
        val = getattr(doc, key)
        if val:
            src = doc.meta_sources.get(key)
            meta.add_row(key, Text(str(val)) + (Text(f"  ({src})", style="dim") if src else Text("")))
    if doc.extra.get("encoding"):  # the input was not plain UTF-8: say how it was read
        meta.add_row("encoding", Text(str(doc.extra.get("encoding_note") or doc.extra["encoding"])))
    if doc.published_source == "inferred":
        meta.add_row(
            "confidence", f"{doc.published_confidence}  evidence: {'; '.join(doc.published_evidence)}"
        )
    console.print(meta)
    console.rule("text")
    console.print(Text(doc.text))
    if doc.entities:
        console.rule("entities")
        console.print(Text(", ".join(f"{e.text} [{e.label} {e.start}-{e.end}]" for e in doc.entities)))
    if doc.timexes:
        console.rule("times")
        for t in doc.timexes:
            console.print(Text(f"{t.text!r} {t.type} {t.value}  [{t.start}-{t.end}]"))
    if doc.places:
        console.rule("places")
        for p in doc.places:
            console.print(Text(f"{p.text!r} -> {p.name} {p.country} ({p.lat}, {p.lon}) {p.feature}"))
    if doc.quotes:
        console.rule("quotes")
        for q in doc.quotes:
            console.print(Text(f"{q.speaker or q.speaker_text or '?'} ({q.cue}): {'“' if q.direct else ''}"
                               f"{q.content}{'”' if q.direct else ''}"))  # fmt: skip
    if doc.events:
        console.rule("events")
        for e in doc.events:
            console.print(Text(_event_line(e)))
    if doc.removed:
        console.rule("removed boilerplate")
        for r in doc.removed:
            console.print(Text(f"[{r.kind}] {r.text}", style="dim"))
    if doc.extra.get("errors"):
        console.rule("errors")
        for e in doc.extra["errors"]:
            console.print(Text(e, style="red"))


def _names(actors) -> str:
    return " + ".join(f"{a.name or a.text}" + (f" ({'/'.join(x for x in (a.country, a.sector) if x)})"
                      if a.country or a.sector else "") for a in actors) or "-"  # fmt: skip


def _event_line(e) -> str:
    size = "; ".join(s.text for s in e.size)
    parts = [e.date.value if e.date and e.date.value else "????-??-??", f"{e.event}{'/' + e.mode if e.mode else ''}",
             _names(e.actor), "->", _names(e.recipient)]  # fmt: skip
    if e.location:
        parts.append(f"@ {e.location.name or e.location.text}")
    if size:
        parts.append(f"[{size}]")
    if e.factuality != "asserted":
        parts.append(f"({e.factuality})")
    parts.append(f"«{e.event_text}»")
    return " ".join(parts)


def _print_events(store: Store, f: EventFilter) -> int:
    """Print the events of `f`; return how many."""
    rows = list(store.events(f))
    if not rows:
        return 0
    if console.width < 120:  # a table this wide folds every cell: one line per event reads better
        console.rule("events")
        for e in rows:
            console.print(Text(_event_line(e)))
        return len(rows)
    t = Table(title="events")
    for col in ("date", "event", "actor", "recipient", "where", "size", "factuality", "words"):
        t.add_column(col, overflow="fold")
    for e in rows:
        t.add_row(e.date.value if e.date and e.date.value else "", f"{e.event}{'/' + e.mode if e.mode else ''}",
                  _names(e.actor), _names(e.recipient), e.location.name or e.location.text if e.location else "",
                  "; ".join(s.text for s in e.size), e.factuality, Text(e.event_text))  # fmt: skip
    console.print(t)
    return len(rows)


@main.command(short_help="List events, one per article mention.")
@db_option
@click.option("--type", "type_", callback=check_event_type, help="PLOVER event type, e.g. MOBILIZE.")
@click.option(
    "--actor",
    help="Actor or recipient: words of the name as written or resolved (last word may be a prefix).",
)
@click.option("--country", callback=check_country, help="ISO alpha-3 code of actor, recipient or place.")
@click.option("--since", callback=check_date, help="Earliest event date, YYYY-MM-DD.")
@click.option("--until", callback=check_date, help="Latest event date, YYYY-MM-DD.")
@click.option("--factuality", type=click.Choice(FACTUALITY), help="Only events reported this way.")
@click.option(
    "--limit", type=click.IntRange(min=1), default=200, show_default=True, help="At most this many."
)
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of a table.")
def events(db: str, type_: str | None, actor: str | None, country: str | None, since: str | None,
           until: str | None, factuality: str | None, limit: int, as_json: bool) -> None:  # fmt: skip
    """List events (one per article mention; `dateline timeline` shows them merged across articles).

    Example: dateline events --type MOBILIZE --country GBR --since 2020-01-05
    """
    if actor is not None and name_query(actor) is None:
        raise click.BadParameter(
            f"{actor!r} has no letters or digits to match a name", param_hint="'--actor'"
        )
    check_range(since, until)
    f = EventFilter(type=type_, actor=actor, country=country, since=since, until=until, factuality=factuality,
                    limit=limit)  # fmt: skip
    store = _open_store(db)
    n = 0
    if as_json:
        for e in store.events(f):
            click.echo(json.dumps(e.to_dict(), ensure_ascii=False))
            n += 1
    else:
        n = _print_events(store, f)
    if not n:
        total = store.count("events")
        err.print(
            f"no events match ({total} in {db}){country_hint(country)}"
            if total
            else f"no events in {db}: ingest articles first"
        )


@main.command()
@db_option
@click.option("--speaker", help="Speaker name (substring).")
@click.option("--doc", "doc_id", help="Document id.")
@click.option(
    "--limit", type=click.IntRange(min=1), default=200, show_default=True, help="At most this many."
)
def quotes(db: str, speaker: str | None, doc_id: str | None, limit: int) -> None:
    """List quotations with their speakers."""
    store = _open_store(db)
    if doc_id:
        doc_id = _resolve_doc_id(store, doc_id)
    t = Table(title="quotes (in the order they were said)")
    for col in ("date", "doc", "outlet", "speaker", "cue", "quote", "direct", "medium"):
        t.add_column(col, overflow="fold", no_wrap=col in ("date", "doc"))
    outlets: dict[str, str] = {}
    for q in store.quotes(speaker=speaker, doc_id=doc_id, limit=limit):
        if q.doc_id not in outlets:
            row = store.db.execute("SELECT outlet FROM documents WHERE id=?", (q.doc_id,)).fetchone()
            outlets[q.doc_id] = (row[0] if row else None) or ""
        t.add_row(q.date or "", q.doc_id[:8], outlets[q.doc_id], Text(q.speaker or q.speaker_text or "?"),
                  q.cue or "", Text(q.content), "yes" if q.direct else "no", q.medium or "")  # fmt: skip
    console.print(t)
    if not outlets:
        err.print(
            f"no quotation matches (speaker {speaker!r})"
            if speaker
            else "no quotations stored" + (f" in document {doc_id}" if doc_id else "")
        )


def _resolve_doc_id(store: Store, doc_id: str) -> str:
    """A document id, or a unique prefix of one of at least 4 characters (as `show` takes it), or a clear error."""
    if store.db.execute("SELECT 1 FROM documents WHERE id=?", (doc_id,)).fetchone() is not None:
        return doc_id
    rows = []
    if len(doc_id) >= 4:
        pattern = doc_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = store.db.execute("SELECT id FROM documents WHERE id LIKE ? ESCAPE '\\'", (pattern,)).fetchall()
    if len(rows) == 1:
        return rows[0][0]
    if len(rows) > 1:
        raise click.ClickException(
            f"{len(rows)} documents have ids starting with {doc_id!r}: give more of the id"
        )
    raise click.ClickException(f"no document {doc_id!r} (see `dateline docs`)")


@main.command(short_help="Full-text search over the articles.")
@click.argument("query")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="At most this many.")
def search(query: str, db: str, limit: int) -> None:
    """Full-text search over titles and text (SQLite FTS5 syntax: words, "phrases", OR, NOT, prefix*).

    Example: dateline search '"Camp Taji" OR Erbil'
    """
    if not query.strip():
        raise click.BadParameter('empty query: give words, "a phrase", or A OR B', param_hint="'QUERY'")
    try:
        rows = _open_store(db).search(query, limit)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    t = Table(title=f"search: {query}")
    for col in ("id", "published", "outlet", "title", "snippet"):
        t.add_column(col, overflow="fold", no_wrap=col in ("id", "published"))
    for r in rows:
        t.add_row(
            r["id"], r["published"] or "", r["outlet"] or "", Text(r["title"] or ""), Text(r["snippet"])
        )
    console.print(t)
    if not rows:
        err.print(f"no document matches {query!r}")


@main.command(short_help="Export records: jsonl, csv, parquet, plover, geojson.")
@db_option
@click.option("--what", default="documents", show_default=True,
              type=click.Choice(["documents", "entities", "events", "quotes", "places", "times"]),
              help="Which records.")  # fmt: skip
@click.option("--format", "format_", default="jsonl", show_default=True,
              type=click.Choice(["jsonl", "csv", "parquet", "plover", "geojson"]),
              help="plover: events only; geojson: events and places.")  # fmt: skip
@click.option("-o", "--output", default=None, callback=check_output, help="Output file (default: stdout).")
def export(db: str, what: str, format_: str, output: str | None) -> None:
    """Export records as JSON lines, CSV, Parquet, PLOVER JSONL (events) or GeoJSON (events, places).

    GeoJSON keeps only records with coordinates. Example:
    dateline export --what events --format plover -o events.jsonl
    """
    from dateline.export import FORMATS, ExportError
    from dateline.export import export as run

    if output == "":
        raise click.BadParameter("empty file name: give -o FILE, or leave it out for standard output",
                                 param_hint="'-o'")  # fmt: skip
    accepts = FORMATS[format_][1]
    if accepts is not None and what not in accepts:  # a usage error: exit 2 before opening anything
        raise click.BadParameter(
            f"{format_} is for {' and '.join(accepts)}, not {what}: add --what {accepts[0]}",
            param_hint="'--format'",
        )
    try:
        n = run(_open_store(db), what, format_, output)
    except ExportError as exc:
        raise click.ClickException(str(exc)) from exc
    only = " (those with coordinates)" if format_ == "geojson" else ""
    err.print(f"{n} {what}{only} written" + (f" to {output}" if output else ""))


# ---------------------------------------------------------------------- serve


@main.command(short_help="Web explorer and REST API on 127.0.0.1.")
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to bind; give one explicitly to expose it.",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="TCP port.")
def serve(db: str, host: str, port: int) -> None:
    """Serve the web explorer and the REST API (OpenAPI at /openapi.json, docs at /docs) over the database."""
    from dateline.serve import run

    if not Path(db).exists():
        folder = Path(db).expanduser().resolve().parent
        if not folder.is_dir():
            raise click.ClickException(
                f"no database at {db}, and its folder {folder} does not exist: check --db"
            )
        err.print(
            f"note: {db} does not exist yet: serving a new, empty database (did you mean another --db?)"
        )
    _check_port(host, port)
    run(db, host, port)


def _check_port(host: str, port: int) -> None:
    """A busy port or an unknown host is one clear line before the server starts, not a server log."""
    import socket

    try:
        family, kind, _, _, addr = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        raise click.BadParameter(f"cannot use host {host!r}: {exc.strerror}", param_hint="'--host'") from exc
    with socket.socket(family, kind) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            sock.bind(addr)
        except OSError as exc:
            raise click.ClickException(
                f"cannot listen on {host}:{port}: {exc.strerror} (is another server running there? try --port "
                f"{port + 1 if port < 65535 else 8000})"
            ) from exc


# ---------------------------------------------------------------------- eval


@main.command(name="eval", short_help="Score a component on the shared gold data.")
@click.argument("suite_name", metavar="SUITE")
@click.option("--split", default="test", show_default=True, type=click.Choice(["dev", "test", "all"]),
              help="DEV to tune on, TEST to report.")  # fmt: skip
@click.option("--json", "json_out", default=None, callback=check_output,
              help="Also write the results as JSON to this file.")  # fmt: skip
def eval_(suite_name: str, split: str, json_out: str | None) -> None:
    """Score a component on the shared gold data (../shared/data, or $DATELINE_DATA).

    SUITE is one of: extraction, time, pubdate, places, quotes, actors, events, factuality, messy, merge,
    stories, timeline, troops, sizes. Example: dateline eval events --split dev
    """
    from dateline.evaluate import DataMissing, data_dir, load_all

    suites = load_all()
    if suite_name not in suites:
        raise click.BadParameter(
            f"unknown suite {suite_name!r}: choose from {', '.join(sorted(suites))}", param_hint="'SUITE'"
        )
    given = os.environ.get("DATELINE_DATA")
    if given and not Path(given).is_dir():  # set but wrong: say so rather than fall back to another folder
        raise click.ClickException(f"DATELINE_DATA={given} is not a folder: point it at the shared gold data")
    try:
        result = suites[suite_name](split, data_dir())
    except DataMissing as exc:
        raise click.ClickException(str(exc)) from exc
    result = {"suite": suite_name, "split": split, **result}
    console.print_json(json.dumps(result, ensure_ascii=False, default=str))
    if json_out:
        Path(json_out).write_text(
            json.dumps(result, indent=2, ensure_ascii=False, default=str), encoding="utf-8"
        )


def _register_link_commands() -> None:
    from dateline.link.cli import COMMANDS

    for command in COMMANDS:
        main.add_command(command)


_register_link_commands()

if __name__ == "__main__":
    main()
