"""Command-line commands for cross-article work; the lead registers them on `dateline.cli.main`:

dateline link      [--db FILE]                       merge new events, assign new articles to stories
dateline timeline  [--story S] [--actor X] [--country C] [--place P] [--since D] [--until D] [--format md|html|json]
dateline timeline  --summary [--story S | --query Q] [--dates N] [--per-date K] [--since D] [--until D]
dateline brief     [--story S | --query Q] [--sentences N]
dateline troops    --country GBR [--in IRQ] [--format table|csv|json]
dateline explain   EVENT_ID
dateline stories
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import time
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from dateline.store import Store, StoreError

console = Console()
db_option = click.option(
    "--db", default="dateline.db", show_default=True, metavar="FILE", help="SQLite database file."
)

_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def check_date(ctx: click.Context | None, param: click.Parameter | None, value: str | None) -> str | None:
    """Option callback: a date given as YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date), or a clear error."""
    if value is None:
        return None
    value = value.strip()
    ok = _DATE.fullmatch(value) is not None
    if ok:
        parts = [int(x) for x in value.split("-")] + [1, 1]
        try:
            datetime.date(parts[0], parts[1], parts[2])
        except ValueError:
            ok = False
    if not ok:
        raise click.BadParameter(f"{value!r} is not a date: give YYYY-MM-DD (or YYYY-MM, YYYY)")
    return value


def check_range(since: str | None, until: str | None) -> None:
    """A usage error (exit 2) when --since is after --until, which nothing can match; dates of different
    precision compare on the shorter one ("--since 2020-01-05 --until 2020-01" is January 5 to 31)."""
    if since and until and since[: len(until)] > until:
        raise click.BadParameter(
            f"--since {since} is after --until {until}: nothing can match (swap them?)",
            param_hint="'--since'",
        )


def check_country(ctx: click.Context | None, param: click.Parameter | None, value: str | None) -> str | None:
    """Option callback: an ISO alpha-3 code (any three letters, as CAMEO-style codes like IGO are stored too);
    an ISO alpha-2 code is turned into its alpha-3."""
    if value is None:
        return None
    code = value.strip().upper()
    if re.fullmatch(r"[A-Z]{3}", code):
        return code
    if re.fullmatch(r"[A-Z]{2}", code):
        import pycountry

        country = pycountry.countries.get(alpha_2=code)
        if country is not None:
            return country.alpha_3
    raise click.BadParameter(
        f"{value!r} is not a country code: give ISO alpha-3 (GBR, USA) or alpha-2 (GB, US)"
    )


def country_hint(country: str | None) -> str:
    """For a message about an empty answer: a note when --country is not an ISO alpha-3 code (a typo, most likely;
    CAMEO-style codes such as IGO are accepted, and stored, but are not ISO)."""
    if not country:
        return ""
    import pycountry

    if pycountry.countries.get(alpha_3=country.upper()) is not None:
        return ""
    return f"; note: {country.upper()} is not an ISO alpha-3 country code"


def check_event_type(
    ctx: click.Context | None, param: click.Parameter | None, value: str | None
) -> str | None:
    """Option callback: a PLOVER event type in any case, or a clear error listing them."""
    if value is None:
        return None
    from dateline.model import PLOVER_EVENTS

    if value.strip().upper() not in PLOVER_EVENTS:
        raise click.BadParameter(
            f"{value!r} is not a PLOVER event type: choose from {', '.join(PLOVER_EVENTS)}"
        )
    return value.strip().upper()


def check_output(ctx: click.Context | None, param: click.Parameter | None, value: str | None) -> str | None:
    """Option callback: an output file whose folder exists (checked before any work is done)."""
    if value is None or value == "-":
        return value
    folder = Path(value).expanduser().resolve().parent
    if not folder.is_dir():
        raise click.BadParameter(f"cannot write {value!r}: folder {str(folder)!r} does not exist")
    return value


def _store(db: str, write: bool = False) -> Store:
    if write and not Path(db).exists():  # linking a mistyped path would create an empty database
        raise click.ClickException(f"no database at {db}: run `dateline ingest` first")
    try:
        store = Store(db, readonly=not write)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    if not write and store.schema_version < 2:
        raise click.ClickException(f"{db} has no cross-article tables yet: run `dateline link --db {db}`")
    return store


def _check_story(store: Store, story: str | None) -> None:
    if (
        story
        and not store.db.execute("SELECT 1 FROM stories WHERE id LIKE ? LIMIT 1", (story + "%",)).fetchone()
    ):
        raise click.ClickException(f"no story {story!r}: run `dateline link` and see `dateline stories`")


def _hint_unlinked(store: Store, db: str) -> None:
    row = store.db.execute("SELECT count(*) FROM events e LEFT JOIN event_links l ON l.event_id = e.id"
                           " WHERE l.event_id IS NULL").fetchone()  # fmt: skip
    if row and row[0]:
        click.echo(f"note: {row[0]} events are not linked yet: run `dateline link --db {db}`", err=True)


@click.command(short_help="Merge events across articles; group articles into stories.")
@db_option
def link(db: str) -> None:
    """Merge new events across articles and put new articles into stories (incremental)."""
    from dateline.link import link_new

    store = _store(db, write=True)
    start = time.monotonic()
    out = link_new(store)
    click.echo(
        ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in out.items())
        + f" in {time.monotonic() - start:.1f}s"
    )


@click.command(short_help="Dated timeline of merged events (or --summary of articles).")
@db_option
@click.option("--story", help="Story id (or a prefix of it).")
@click.option("--actor", help="Actor or recipient name (substring).")
@click.option("--country", callback=check_country, help="ISO alpha-3 code of an actor, recipient or place.")
@click.option("--place", help="Place name (substring).")
@click.option("--type", "event_type", callback=check_event_type, help="PLOVER event type, e.g. MOBILIZE.")
@click.option("--since", callback=check_date, help="Earliest date, YYYY-MM-DD.")
@click.option("--until", callback=check_date, help="Latest date, YYYY-MM-DD.")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True,
              help="Markdown, a standalone HTML page, or JSON.")  # fmt: skip
@click.option("--output", "-o", type=click.Path(dir_okay=False), callback=check_output,
              help="Write to this file instead of stdout.")  # fmt: skip
@click.option(
    "--summary", is_flag=True, help="A dated extractive summary of the articles (DATEWISE) instead of events."
)
@click.option("--query", help="With --summary: full-text query choosing the articles (its words must occur).")
@click.option("--dates", "n_dates", default=10, show_default=True, type=click.IntRange(min=1),
              help="With --summary: how many days.")  # fmt: skip
@click.option("--per-date", default=1, show_default=True, type=click.IntRange(min=1),
              help="With --summary: sentences per day.")  # fmt: skip
def timeline(db: str, story: str | None, actor: str | None, country: str | None, place: str | None,
             event_type: str | None, since: str | None, until: str | None, fmt: str, output: str | None,
             summary: bool, query: str | None, n_dates: int, per_date: int) -> None:  # fmt: skip
    """Dated entries, one per merged event, with their sources; disputed ones marked.

    With --summary: the most important days of the stored articles, each with sentences copied verbatim and
    citing their article.

    \b
    Examples:
      dateline timeline --country GBR --since 2020-01-01 --format html -o gbr.html
      dateline timeline --summary --query Soleimani --dates 5
    """
    from dateline.link import render_timeline
    from dateline.link import timeline as build
    from dateline.link.timelines import summary_timeline

    check_range(since, until)
    if summary:
        if story and query:
            raise click.UsageError("give --story or --query, not both")
        if actor or country or place or event_type:
            raise click.UsageError(
                "--summary reads articles: --actor, --country, --place and --type do not apply"
            )
        try:
            store = Store(db, readonly=True)
            _check_story(store, story)
            entries = summary_timeline(store, story=story, query=query, n_dates=n_dates, per_date=per_date,
                                       since=since, until=until)  # fmt: skip
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
        text = render_timeline(entries, fmt) if entries else "(no dated sentences found)\n"
    else:
        if query:
            raise click.UsageError("--query needs --summary")
        store = _store(db)
        _check_story(store, story)
        _hint_unlinked(store, db)
        entries = build(store, story=story, actor=actor, country=country, place=place, since=since, until=until,
                        event_type=event_type)  # fmt: skip
        # an empty timeline says why on stderr: stdout stays a valid md/html/json document
        if not entries:
            total = store.db.execute("SELECT count(*) FROM merged_events").fetchone()[0]
            click.echo(f"no merged events match ({total} in {db}){country_hint(country)}" if total else
                       f"no merged events in {db}: ingest articles, then `dateline link --db {db}`", err=True)  # fmt: skip
        text = render_timeline(entries, fmt)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


@click.command(short_help="Extractive briefing, every sentence cited.")
@db_option
@click.option("--story", help="Story id (or a prefix of it).")
@click.option("--query", help="Full-text query choosing the articles.")
@click.option(
    "--sentences", default=8, show_default=True, type=click.IntRange(min=1), help="How many sentences."
)
def brief(db: str, story: str | None, query: str | None, sentences: int) -> None:
    """An extractive briefing: sentences copied verbatim from the articles, each with [outlet, date].

    Without --story or --query it briefs on the whole database. Example: dateline brief --query "Camp Taji"
    """
    from dateline.link import brief as make

    if story and query:
        raise click.UsageError("give --story or --query, not both")
    try:
        click.echo(make(_store(db), story=story, query=query, max_sentences=sentences), nl=False)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


_TROOP_COLS = (
    "date",
    "sender",
    "place",
    "place_name",
    "kind",
    "factuality",
    "value",
    "size_text",
    "outlet",
    "doc_id",
    "start",
    "end",
    "sentence",
)


def _troop_place(r: dict[str, Any]) -> str:
    """ "Pacaraima (BRA)": the place as the article names it, with its country; "?" when not known."""
    if not r["place"]:
        return "?"
    name = r.get("place_name")
    return f"{name} ({r['place']})" if name and name != r["place"] else r["place"]


def _troop_kind(r: dict[str, Any]) -> str:
    """The kind, with the status of a figure that is not reported as done ("withdraw (future)")."""
    fact = r.get("factuality")
    return f"{r['kind']} ({fact})" if fact and fact != "asserted" else r["kind"]


@click.command(short_help="Troop figures of one country over time, with evidence.")
@db_option
@click.option(
    "--country", required=True, callback=check_country, help="Sending country, ISO alpha-3 (GBR, USA...)."
)
@click.option("--in", "in_country", callback=check_country, help="Where the troops are, ISO alpha-3.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="A table to read, or CSV / JSON rows with offsets into the article text.",
)
def troops(db: str, country: str, in_country: str | None, fmt: str) -> None:
    """Troop figures of one sending country over time, each with its evidence.

    Example: dateline troops --country GBR --in IRQ --format csv
    """
    from dateline.link import troop_series

    store = _store(db)
    rows = troop_series(store, country, in_country)
    if in_country:  # figures whose place the text does not give are left out by --in: say so
        unplaced = sum(1 for r in troop_series(store, country) if not r["place"])
        if unplaced:
            click.echo(f"note: {unplaced} figure(s) of {country.upper()} with no known place are not shown"
                       " (drop --in to see them)", err=True)  # fmt: skip
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=_TROOP_COLS, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
        click.echo(buf.getvalue(), nl=False)
    else:
        t = Table(title=f"troops: {country.upper()}" + (f" in {in_country.upper()}" if in_country else ""))
        for col in ("date", "place", "kind", "figure", "outlet", "evidence"):
            t.add_column(col, overflow="fold")
        for r in rows:
            t.add_row(r["date"] or "", Text(_troop_place(r)), _troop_kind(r), Text(r["size_text"]),
                      r.get("outlet") or "", Text(f"{r['doc_id'][:8]}:{r['start']}-{r['end']} {r['sentence']}"))  # fmt: skip
        console.print(t)
    if not rows:
        where = f" in {in_country.upper()}" if in_country else ""
        hint = country_hint(country) or country_hint(in_country)
        click.echo(f"no troop figures of {country.upper()}{where} in {db}{hint}", err=True)


@click.command(short_help="How a merged event was assembled from its reports.")
@db_option
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="The whole record as JSON.")
def explain(db: str, event_id: str, as_json: bool) -> None:
    """Which article mentions a merged event joins, the evidence for each join, and where sources disagree.

    EVENT_ID: a merged event id (from `dateline timeline --format json`), an event id (from `dateline events
    --json`), or a unique prefix of either.
    """
    from dateline.link import explain as get
    from dateline.link.timelines import contested_by

    store = _store(db)
    rec = get(store, event_id)
    if rec is None:
        raise click.ClickException(f"no merged event or linked event {event_id!r} (run `dateline link`?)")
    if as_json:
        click.echo(json.dumps(rec, ensure_ascii=False, indent=2))
        return
    sizes = "; ".join(s["text"] for s in rec["sizes"])
    console.print(Text(f"{rec['id']}  {rec['event']}  {rec['date'] or 'undated'}  "
                       f"{rec['sources']} source(s), {len(rec['mentions'])} mention(s)"
                       + ("  DISPUTED" if rec["disputed"] else ""), style="bold"))  # fmt: skip
    console.print(Text(f"actors: {', '.join(rec['actors']) or '-'}; recipients: {', '.join(rec['recipients']) or '-'};"
                       f" place: {rec['location'] or '-'}" + (f"; sizes: {sizes}" if sizes else "")))  # fmt: skip
    for i, m in enumerate(rec["mentions"]):
        console.rule(f"mention {i + 1}: {m['outlet'] or m['doc_id'][:8]}, {(m['published'] or '?')[:10]}")
        console.print(Text(f"{m['event_id']}  {m['factuality']}  "
                           + (f"date {m['date']} ({m['date_source']})" if m["date"] else "undated")
                           + f"  doc {m['doc_id']} [{m['sentence_start']}:{m['sentence_end']}]"))  # fmt: skip
        console.print(Text(" ".join(m["text"].split()), style="italic"))
        said = _mention_sizes(store, m["event_id"])
        if said:
            console.print(Text(f"figures in this report: {said}"))
        ev = m["evidence"]
        if ev:
            console.print(Text("joined: " + ", ".join(f"{k}={v}" for k, v in ev.items())))
        else:
            console.print(Text("first mention (started this merged event)"))
    for r in rec.get("reports", []):
        # a sentence about the act that is not its report as an event: a statement about it ("condemned the strike"),
        # or a reference in a sentence that reports something else ("families who fled the attack on Chai")
        what = f"in a {r['event']} statement" if r.get("event") else "a reference in another sentence"
        console.rule(f"report: {r['outlet'] or r['doc_id'][:8]}, {(r['published'] or '?')[:10]} ({what})")
        console.print(Text(" ".join((r["text"] or "").split()), style="italic"))
    for c in contested_by(store, rec):
        console.rule(
            "denied in a separate report" if c["denial"] else "a separate report it denies", style="red"
        )
        console.print(Text(f"{c['id']}  {c['outlet'] or c['doc_id'][:8]}, {(c['published'] or '?')[:10]}: "
                           f"{c['text']}"))  # fmt: skip
    for c in rec["conflicts"]:
        console.rule(f"sources disagree on {c['kind']}", style="red")
        for m in c["mentions"]:
            console.print(Text(f"{m['outlet'] or '?'}: {m['value']} — {' '.join(m['text'].split())}"))


def _mention_sizes(store: Store, event_id: str) -> str:
    """The sizes one report gives, as it words them ("about 2,000 soldiers; 3 killed"): each figure of a merged
    event's spread with its own source."""
    row = store.db.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        return ""
    sizes = json.loads(row[0]).get("size") or []
    return "; ".join(
        " ".join(z["text"].split()) + (f" ({z['kind']})" if z.get("kind") else "") for z in sizes
    )


@click.command()
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="At most this many.")
def stories(db: str, limit: int) -> None:
    """Stories: articles grouped by topic and time."""
    from dateline.link import stories as get

    t = Table(title="stories")
    for col in ("id", "title", "from", "to", "docs", "actors", "terms"):
        # ids and dates are never folded over two lines: they are copied into `--story ID`
        t.add_column(col, overflow="fold", no_wrap=col in ("id", "from", "to"))
    rows = get(_store(db), limit=limit)
    for s in rows:
        t.add_row(s["id"], Text(s["title"] or ""), s["first_date"] or "", s["last_date"] or "", str(s["documents"]),
                  Text(", ".join(s["actors"][:4])), ", ".join(s["terms"][:6]))  # fmt: skip
    console.print(t)
    if not rows:
        click.echo(f"no stories in {db}: ingest articles, then `dateline link --db {db}`", err=True)


COMMANDS = (link, timeline, brief, troops, explain, stories)
