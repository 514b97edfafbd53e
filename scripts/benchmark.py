#!/usr/bin/env python
"""Ingest benchmark: Dateline against bare spaCy `nlp.pipe` on the same texts and cores, in the same run.

    python scripts/benchmark.py [--n 2000] [--workers 2] [--components all|none|times,quotes,...]
    python scripts/benchmark.py --long 10000,25000,50000,100000 [--profile-module events/_where_when.py]

It generates a corpus of news-style plain-text articles (with boilerplate) from
templates written for this project, then measures
  1. bare spaCy: nlp.pipe(texts, n_process=W) on the cleaned texts (the baseline),
  2. `dateline ingest` with no document components (read, clean, dedupe, nlp, store),
  3. `dateline ingest` with all components but events, then with all (published, times, places, quotes, events):
     what event coding adds to the ingest time end to end, with the same workers (the events issue's measure),
  4. the link stage (merging and stories across articles) over the result, timed on its own,
and prints documents/s and the ratio of each to the baseline, the peak memory, and
the memory after a quarter and after all of the corpus (flat memory means flat).
Finally, on a single process, it times each document component against the spaCy
parse of the same documents (each component's share, to see where the time goes).

With --long, it times instead each component on one generated transcript-like text of each given length, parsed
whole (as the pipeline does up to pipeline.LONG_CHARS; longer texts go in pieces): time that grows faster than the
length is quadratic work inside one text. --profile-module adds the time spent in the functions of those modules
(a path ending, repeatable; each function's time with what it calls, so nested ones overlap), e.g. the
events' location and source steps.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ACTORS = [
    "British",
    "American",
    "Iraqi",
    "Iranian",
    "French",
    "German",
    "Turkish",
    "Kurdish",
    "Syrian",
    "Saudi",
]
LEADERS = [("Defence Secretary", "Ben Wallace", "Mr Wallace"), ("Foreign Secretary", "Dominic Raab", "Mr Raab"),
           ("Defense Secretary", "Mark Esper", "Mr Esper"), ("Prime Minister", "Adel Abdul Mahdi", "Mr Abdul Mahdi"),
           ("President", "Emmanuel Macron", "Mr Macron"), ("Chancellor", "Angela Merkel", "Mrs Merkel")]  # fmt: skip
PLACES = ["Baghdad", "Erbil", "Basra", "Camp Taji", "Al Asad Air Base", "Mosul", "Kirkuk", "the Strait of Hormuz",
          "Tehran", "Damascus", "Ankara", "Beirut", "Amman", "Kuwait", "Doha", "the Gulf"]  # fmt: skip
UNITS = ["troops", "soldiers", "personnel", "trainers", "marines", "warships", "aircraft", "drones"]
HEDGES = ["more than {n}", "up to {n}", "around {n}", "about {n}", "{n}", "at least {n}", "fewer than {n}"]
WHEN = ["on Monday", "on Tuesday", "yesterday", "over the weekend", "last week", "earlier this month",
        "on Wednesday night", "almost two weeks ago", "in 2011", "this morning"]  # fmt: skip
TEMPLATES = [
    "{A} forces sent {h} {u} to {P} {w}, officials said.",
    "The {T} said {w} that no decision had been made to withdraw {u} from {P}.",
    '"We will not be intimidated," {N} told reporters in {P} {w}.',
    "{S} denied reports that {A} {u} were about to leave {P}.",
    "A senior defence source told the newspaper that {h} {u} could be moved to {P} within days.",
    "{A} officials met their counterparts in {P} {w} to discuss the security situation.",
    "Protesters gathered outside the embassy in {P} {w}, chanting slogans against the deployment.",
    "{N} warned that any attack on {A} personnel would be met with force.",
    "Missiles struck {P} {w}, injuring {h} people, according to local officials.",
    "The government is considering sending {h} {u} to {P}, a spokesman said.",
    "{A} and {A2} ministers agreed {w} to extend the training mission in {P}.",
    "{S} accused {A2} militias of attacking bases near {P}.",
    "The parliament in {P} voted {w} to ask foreign {u} to leave the country.",
    "{N} said the deployment of {h} {u} to {P} was temporary.",
    "Officials said {h} {u} had been withdrawn from {P} {w} as a precaution.",
    "{A} warships arrived in {P} {w} to escort merchant vessels.",
    "The {T} is expected to visit {P} next week for talks with military commanders.",
    "Analysts said the decision could raise tensions across the region for months.",
    "Around {n} people were arrested after clashes in {P} {w}, police said.",
    "{S} called on all sides to show restraint and return to negotiations in {P}.",
    "{N} rejected the request, saying {A} {u} would remain in {P}.",
    "Aid agencies delivered food and medicine to families in {P} {w}.",
    "The strike on {P} {w} killed {h} fighters, a military spokesman said.",
    "Diplomats in {P} said the talks had made little progress so far.",
]
BOILER = ["Click to follow", "READ MORE: Tensions rise as troops move", "Leave a Reply",
          "You are commenting using your Twitter account.", "Comments are closed.", "Share this article",
          "source: example-news.co.uk"]  # fmt: skip


def make_article(i: int, rng: random.Random) -> str:
    title, name, short = rng.choice(LEADERS)
    lines = [f"{rng.choice(ACTORS)} {rng.choice(['troops', 'forces', 'ministers'])} {rng.choice(['move', 'meet', 'warn', 'wait'])}"
             f" in {rng.choice(PLACES)} (report {i})", ""]  # fmt: skip
    body = []
    for _ in range(rng.randint(14, 24)):
        n = rng.choice([12, 20, 50, 75, 100, 250, 275, 400, 1000, 3000, 5000])
        a, a2 = rng.sample(ACTORS, 2)
        body.append(rng.choice(TEMPLATES).format(
            A=a, A2=a2, h=rng.choice(HEDGES).format(n=n), n=n, u=rng.choice(UNITS), P=rng.choice(PLACES),
            w=rng.choice(WHEN), T=title, N=rng.choice([name, short]),
            S=rng.choice([name, short, f"The {title}", f"{a} officials"])))  # fmt: skip
    paras = [" ".join(body[j : j + 3]) for j in range(0, len(body), 3)]
    lines += [f"{name.split()[0]} Reporter — The Daily Example January {rng.randint(3, 20)}, 2020", ""]
    lines += [p + "\n" for p in paras]
    lines += rng.sample(BOILER, 3)
    return "\n".join(lines)


# a long interview transcript or live blog (the long texts of a real collection): speaker labels, quotations with
# their cues, pronouns and titles that refer back, dates; written for this project, names made up or public
SPEAKERS = [("HOST", None), ("SEN. JANE DOE (D-NY)", "she"), ("MARIA LOPEZ", "she"), ("AHMED KARIMI", "he"),
            ("GEN. OLEG PETRENKO", "he"), ("FATIMA DIALLO", "she")]  # fmt: skip
PEOPLE = [("Maria Lopez", "Lopez", "she", "the mayor"), ("Ahmed Karimi", "Karimi", "he", "the minister"),
          ("Oleg Petrenko", "Petrenko", "he", "the general"), ("Fatima Diallo", "Diallo", "she", "the envoy"),
          ("John Walsh", "Walsh", "he", "the spokesman")]  # fmt: skip
TOWNS = ["Goma", "Mosul", "Kharkiv", "Lima", "Dhaka", "Herat", "Juba", "Gao", "Tartus", "Manila"]
LINES = [
    "We have sent {n} more trucks to {t} and we will send more if the road stays open.",
    "I told them on {d} that the talks in {t} would not go anywhere without a ceasefire.",
    "Nobody in {t} believes the figure of {n} people, and neither do I.",
    "The police arrested {n} protesters outside the court in {t}, which is not how you build trust.",
    "My question is simple: who gave the order to close the border near {t}?",
]
NARRATIVE = [
    '"We will not be intimidated," {full} told reporters in {t} on {d}.',
    "{short} said the convoy of {n} trucks had reached {t} before dawn.",
    "{pro_cap} said that the talks would resume in {t} next week.",
    '"The situation in {t} is getting worse by the hour," {pro} said.',
    "According to {role}, {n} families had left {t} since {d}.",
    '{role_cap} said on {d}: "Nobody will be left behind in {t}."',
    "{short} added that {n} soldiers had arrived, a claim {role} denied.",
    '"We need the roads open," said {full}, who visited {t} on {d}.',
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "March 3", "April 12"]


def long_transcript(n_chars: int, seed: int = 11) -> str:
    """A transcript-like text of about `n_chars` characters, paragraphs of labelled speech and reported speech."""
    rng = random.Random(seed)
    paras: list[str] = []
    size = 0
    while size < n_chars:
        t, d, n = rng.choice(TOWNS), rng.choice(DAYS), rng.randint(2, 900)
        if rng.random() < 0.4:
            label, _ = rng.choice(SPEAKERS)
            para = f"{label}: " + " ".join(
                rng.choice(LINES).format(t=t, d=d, n=n) for _ in range(rng.randint(1, 3))
            )
        else:
            full, short, pro, role = rng.choice(PEOPLE)
            para = " ".join(
                rng.choice(NARRATIVE).format(
                    full=full,
                    short=short,
                    pro=pro,
                    pro_cap=pro.capitalize(),
                    role=role,
                    role_cap=role.capitalize(),
                    t=rng.choice(TOWNS),
                    d=rng.choice(DAYS),
                    n=rng.randint(2, 900),
                )  # fmt: skip
                for _ in range(rng.randint(2, 4))
            )
        paras.append(para)
        size += len(para) + 2
    return "\n\n".join(paras)


def long_texts(lengths: list[int], repeat: int, modules: list[str]) -> None:
    """Each component on one long text of each length, parsed whole; the fastest of `repeat` runs."""
    import cProfile
    import pstats

    from dateline.model import Document
    from dateline.nlp import annotate
    from dateline.pipeline import COMPONENTS, DEFAULT_COMPONENTS, _drop_transient

    warm = next(annotate([Document(id="warm", text=long_transcript(3000, 1), published="2024-03-04")]))
    for name in DEFAULT_COMPONENTS:
        COMPONENTS[name](warm)
    for n in lengths:
        text = long_transcript(n)
        t0 = time.perf_counter()
        doc = next(annotate([Document(id="long", text=text, published="2024-03-04")]))
        parse = time.perf_counter() - t0
        best = dict.fromkeys(DEFAULT_COMPONENTS, float("inf"))
        spent: dict[str, float] = {}
        calls: dict[str, int] = {}
        for r in range(repeat + bool(modules)):  # the timed runs, then one profiled run for --profile-module
            spacy_doc = doc.spacy
            _drop_transient(doc)
            doc.spacy = spacy_doc
            for name in DEFAULT_COMPONENTS:
                prof = cProfile.Profile() if r == repeat else None
                t0 = time.perf_counter()
                if prof is not None:
                    prof.runcall(COMPONENTS[name], doc)
                else:
                    COMPONENTS[name](doc)
                took = time.perf_counter() - t0
                if prof is None:
                    best[name] = min(best[name], took)
                    continue
                for (path, _, func), row in pstats.Stats(prof).stats.items():  # type: ignore[attr-defined]
                    if any(path.endswith(m) for m in modules) and not func.startswith("<"):
                        key = f"{path.rsplit('/', 2)[-2]}/{path.rsplit('/', 1)[-1]}:{func}"
                        spent[key] = spent.get(key, 0.0) + row[3]  # with what it calls
                        calls[key] = calls.get(key, 0) + row[1]
        times = "  ".join(f"{name} {t:.3f}s" for name, t in best.items())
        words = len(text.split())
        print(f"{n:>8,} chars {words:>6,} words: spaCy {parse:.2f}s  {times}  ({len(doc.quotes)} quotes,"
              f" {len(doc.events)} events)")  # fmt: skip
        for key, t in sorted(spent.items(), key=lambda kv: -kv[1])[:6]:
            print(f"{'':>10}{key}: {t:.3f}s with its callees, {calls[key]:,} calls (profiled run)")


def cpu_seconds() -> tuple[float, float]:
    """CPU time (user + system) so far of this process and of its ended worker processes: what a run costs whatever
    else the machine is doing (the wall clock of a shared machine is not)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    # (workers count once they have ended and been waited for: each ingest run ends its own)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _timed_store(cls: type, db: Path):  # noqa: ANN202
    """A Store that adds up the CPU seconds of its batches (the parent's writing of the processed documents)."""
    import contextlib

    class Timed(cls):  # type: ignore[misc, valid-type]
        store_cpu = 0.0

        @contextlib.contextmanager
        def batch(self):  # noqa: ANN202
            c0 = time.process_time()
            try:
                with super().batch():
                    yield
            finally:
                Timed.store_cpu += time.process_time() - c0

    return Timed(db)


def _remove_db(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--profile-docs", type=int, default=200, help="documents for the per-component timing")
    ap.add_argument("--repeat", type=int, default=None,
                    help="runs of each ingest (default 2) and timings per component (default 3): the fastest is"
                         " reported")  # fmt: skip
    ap.add_argument("--components-only", action="store_true", help="only the per-component timing")
    ap.add_argument("--long", default="", help="comma-separated lengths: time the components on long texts")
    ap.add_argument(
        "--profile-module", action="append", default=[], help="with --long: time in these modules"
    )
    args = ap.parse_args()
    # one ingest run on a shared machine can be 10 % off the next: each is run `ingest_repeat` times, the fastest kept
    ingest_repeat = max(1, args.repeat if args.repeat is not None else 2)
    args.repeat = max(1, args.repeat if args.repeat is not None else 3)
    if args.long:
        long_texts([int(x) for x in args.long.split(",")], args.repeat, args.profile_module)
        return

    from dateline.clean import to_document
    from dateline.model import RawArticle
    from dateline.nlp import load
    from dateline.pipeline import COMPONENTS, DEFAULT_COMPONENTS, Summary, ingest
    from dateline.store import Store

    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    corpus = tmp / "corpus"
    corpus.mkdir()
    for i in range(args.n):
        (corpus / f"{i:06d}.txt").write_text(make_article(i, rng), encoding="utf-8")
    texts = [to_document(RawArticle(source=str(p), kind="txt", text=p.read_text())).text
             for p in sorted(corpus.iterdir())]  # fmt: skip
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {args.n} articles, {words} words (clean), {args.workers} workers, {os.cpu_count()} cores")

    nlp = load()
    if not args.components_only:
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, n_process=args.workers, batch_size=16):
            pass
        base = time.perf_counter() - t0
        print(f"baseline  bare spaCy nlp.pipe: {args.n / base:7.1f} docs/s  {words / base:8.0f} words/s")

        # the lexicons and gazetteers load once in the parent before any run (the workers inherit them): else each
        # run would pay the loads of the components it is the first to use (2-3 s), whatever its own speed
        from dateline.pipeline import _warm_up

        t0 = time.perf_counter()
        _warm_up(DEFAULT_COMPONENTS)
        print(f"parent warm-up (lexicons, gazetteers; in no run below): {time.perf_counter() - t0:.1f} s")
        results = {}
        cpu: dict[str, tuple[float, float]] = {}  # run -> (parent, workers) CPU seconds
        runs = (
            ("ingest, no components", ()),
            ("ingest, all but events", tuple(c for c in DEFAULT_COMPONENTS if c != "events")),
            ("ingest, all components", DEFAULT_COMPONENTS),
        )
        print(f"each ingest run below: the fastest of {ingest_repeat} (--repeat), each into a new database")
        for label, comps in runs:
            db = tmp / f"{len(comps)}.db"
            # the fastest run so far: (wall seconds, CPU (parent, workers), summary, marks, store CPU)
            kept: tuple[float, tuple[float, float], Summary, list[tuple[int, float]], float] | None = None
            for attempt in range(ingest_repeat):
                run_db = tmp / f"{len(comps)}-{attempt}.db"
                marks: list[tuple[int, float]] = []

                def on_progress(s: Summary, marks: list[tuple[int, float]] = marks) -> None:
                    if not marks or s.ingested >= marks[-1][0] + args.n // 4:
                        marks.append((s.ingested, current_mb()))

                c0 = cpu_seconds()
                t0 = time.perf_counter()
                store = _timed_store(Store, run_db)
                store_cpu0 = store.store_cpu
                s = ingest([str(corpus)], store, workers=args.workers, components=comps, on_progress=on_progress,
                           link=False)  # fmt: skip
                took = time.perf_counter() - t0
                c1 = cpu_seconds()
                store.close()
                run = (took, (c1[0] - c0[0], c1[1] - c0[1]), s, marks, store.store_cpu - store_cpu0)
                if kept is None or took < kept[0]:
                    if kept is not None:
                        _remove_db(db)
                    kept = run
                    for suffix in ("", "-wal", "-shm"):
                        if Path(f"{run_db}{suffix}").exists():
                            Path(f"{run_db}{suffix}").rename(f"{db}{suffix}")
                else:
                    _remove_db(run_db)
            assert kept is not None
            took, cpu[label], s, marks, store_cpu = kept
            results[label] = took
            mem = ", ".join(f"{n} docs: {mb:.0f} MB" for n, mb in marks)
            print(f"{label:24s}: {s.ingested / took:7.1f} docs/s  ratio to baseline {base / took:.2f}"
                  f"  (failed {len(s.failed)}, near-dup {s.near_duplicates}); parent RSS {mem}")  # fmt: skip
            print(f"{'':24s}  CPU {sum(cpu[label]):.1f} s: parent {cpu[label][0]:.1f} s (read, clean, dedupe, store),"
                  f" workers {cpu[label][1]:.1f} s")  # fmt: skip
            print(
                f"{'':24s}  of which the parent's store: {store_cpu:.1f} s CPU (Store.batch: the documents"
                " written and committed)"
            )  # diagnostic
        extra = results["ingest, all components"] / results["ingest, no components"] - 1
        print(f"all components add {extra * 100:.0f} % to ingest time")
        # the events issue's own measure: what event coding adds to the ingest time, end to end, same workers
        events_extra = results["ingest, all components"] / results["ingest, all but events"] - 1
        print(
            f"event coding adds {events_extra * 100:.0f} % to ingest time (all components against all but events)"
        )
        # the same in CPU time, parent and workers together: steady on a shared machine, where the wall clock of one
        # run can be far off; the parent's part is storing (and unpickling) the events, the workers' finding them
        (p0, w0), (p1, w1) = cpu["ingest, all but events"], cpu["ingest, all components"]
        cpu_extra = (p1 + w1) / max(p0 + w0, 1e-9) - 1
        print(f"event coding adds {cpu_extra * 100:.0f} % to ingest CPU time (parent {p1 - p0:+.1f} s,"
              f" workers {w1 - w0:+.1f} s)")  # fmt: skip

        # the link stage (across articles), which `dateline ingest` runs after the documents are stored
        from dateline.link import link_new

        store = Store(tmp / f"{len(DEFAULT_COMPONENTS)}.db")
        n_events = store.count("events")
        t0 = time.perf_counter()
        linked = link_new(store)
        took = time.perf_counter() - t0
        print(f"link stage: {took:.1f} s for {args.n} new articles ({n_events} events): "
              f"{took / args.n * 1000:.1f} s per 1,000 articles; {linked}")  # fmt: skip

    # per component, single process, against the spaCy parse of the same documents
    from dateline.model import Document

    sample = texts[: args.profile_docs]
    docs = [Document(id=str(i), text=t, published="2020-01-10") for i, t in enumerate(sample)]
    # each timing is the fastest of --repeat runs: on a shared machine one run can be 50 % slower than the next
    parse = parse_cpu = float("inf")
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        parsed = list(nlp.pipe([d.text for d in docs], batch_size=16))
        parse = min(parse, time.perf_counter() - t0)
        parse_cpu = min(parse_cpu, time.process_time() - c0)
    from dateline.nlp import _fill

    for d, sd in zip(docs, parsed, strict=True):
        _fill(d, sd)
    # lexicons and gazetteers load once per process (an ingest worker pays this once for all its documents):
    # warm them on a copy of one document, report that apart, then time the components warm
    warm = Document(id="warm", text=docs[0].text, published=docs[0].published)
    _fill(warm, parsed[0])
    t0 = time.perf_counter()
    for name in DEFAULT_COMPONENTS:
        COMPONENTS[name](warm)
    print(f"one-time load of lexicons and gazetteers: {time.perf_counter() - t0:.2f} s per process")
    # the components in pipeline order, --repeat times; each is charged what it costs there (quotes builds the actor
    # resolver that events reuses); what they cache on a document is dropped between repeats
    best = dict.fromkeys(DEFAULT_COMPONENTS, float("inf"))
    best_cpu = dict.fromkeys(
        DEFAULT_COMPONENTS, float("inf")
    )  # the same in CPU seconds (steadier when shared)
    for _ in range(args.repeat):
        for d in docs:
            for attr in [k for k in vars(d) if k not in Document.__dataclass_fields__ and k != "spacy"]:
                delattr(d, attr)
        for name in DEFAULT_COMPONENTS:
            t0, c0 = time.perf_counter(), time.process_time()
            for d in docs:
                COMPONENTS[name](d)
            best[name] = min(best[name], time.perf_counter() - t0)
            best_cpu[name] = min(best_cpu[name], time.process_time() - c0)
    print(
        f"spaCy parse of {len(docs)} documents: {parse:.2f} s, {parse_cpu:.2f} s CPU (fastest of {args.repeat})"
    )
    for name, took in best.items():
        print(
            f"component {name:10s}: {took / parse * 100:5.1f} % of the spaCy parse time (fastest of {args.repeat});"
            f" {took:.2f} s, {best_cpu[name]:.2f} s CPU"
        )
    print(f"peak RSS of this process: {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
