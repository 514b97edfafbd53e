"""Worker processes for `dateline.pipeline.ingest`: batches run in a pool with a bounded window in flight; a
document that kills its worker (out of memory, a crash inside a library) is found by re-running the lost batches
one document at a time and comes back failed with the reason DIED; Ctrl-C stops the workers at once.
`in_process` is the same contract in the calling process (`ingest(workers=0)`, the library's default): a batch
that raises is re-run one document at a time and the one that raises alone comes back failed with the exception;
only a hard crash (which no process survives in itself) ends the run there, which is why `dateline ingest
--workers 1` runs its one worker as a separate process.

Public here (for the pipeline): `in_pool`, `in_process`, `with_results`, `Item`, `DIED`."""

from __future__ import annotations

import copy
import gc
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from dateline.model import Document

Item = tuple[Document, str, str]  # a document to process, its source, its raw hash
Task = Callable[[list[Document], tuple[str, ...]], list[Document]]  # a picklable top-level function


def _worker_init() -> None:
    """Workers ignore Ctrl-C (SIGINT goes to the whole process group): the parent stops them, so that an
    interrupt is one clean line and never mistaken for a document that killed its worker. A worker whose parent
    is gone (killed with SIGKILL, which it cannot catch to stop them) ends itself: it would otherwise wait for
    work for ever, holding its memory."""
    import os
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    threading.Thread(
        target=_end_when_orphaned, args=(parent,), name="dateline-orphan-check", daemon=True
    ).start()


_ORPHAN_CHECK_SECONDS = 1.0


def _end_when_orphaned(parent: int) -> None:
    import os
    import time

    while os.getppid() == parent:  # an orphan is adopted by another process (init, or a subreaper)
        time.sleep(_ORPHAN_CHECK_SECONDS)
    os._exit(1)


DIED = "worker process died while processing it (out of memory?)"
# a fresh pool that dies on this many documents in a row, each on its own, is taken for a broken environment
# (a worker that cannot start), not for that many poisonous documents: the ingest stops instead
_DEATHS_IN_A_ROW = 8


class _Pool:
    """A ProcessPoolExecutor that can be replaced when a worker dies, and stopped at once on Ctrl-C."""

    def __init__(self, workers: int, task: Task, warm: Callable[[], None] | None = None) -> None:
        self.workers = workers
        self.task = task
        self.warm = warm
        self.executor: ProcessPoolExecutor | None = None
        self.frozen = False

    def submit(self, items: list[Item], comps: tuple[str, ...]) -> Future:
        if self.executor is None:
            fork = multiprocessing.get_start_method() == "fork"
            if self.warm is not None and fork:
                # models and lexicons loaded once here are inherited by every forked worker, and by the fresh
                # pool started after a worker died, instead of being loaded again in each (seconds apiece)
                self.warm()
            self.warm = None
            if fork and not self.frozen:
                # what this process holds now (the model, lexicons, gazetteers: millions of objects) is left out
                # of the garbage collector's full passes until the run ends (unfreeze): in the forked workers,
                # which inherit it, for good. Each full pass walked all of it (0.2-0.25 s in a worker, about one
                # per 100 documents a worker processes) and wrote to every page it walked, copying pages the
                # workers would otherwise share with this process. (Outputs do not depend on it: only when
                # unreachable objects are freed.)
                gc.freeze()
                self.frozen = True
            self.executor = ProcessPoolExecutor(max_workers=self.workers, initializer=_worker_init)
        return self.executor.submit(self.task, [d for d, _, _ in items], comps)

    def thaw(self) -> None:
        """End the freeze of `submit` in this process (the run is over: what it held is collected as before)."""
        if self.frozen:
            gc.unfreeze()
            self.frozen = False

    def discard(self) -> None:
        """Drop a broken pool (the next submit starts a fresh one)."""
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None

    def stop(self) -> None:
        """Stop now (Ctrl-C, SIGTERM): queued batches are cancelled and running workers ended."""
        if self.executor is None:
            return
        # the executor has no public way to end running workers before Python 3.14 (terminate_workers)
        procs = dict(getattr(self.executor, "_processes", None) or {})
        manager = getattr(self.executor, "_executor_manager_thread", None)
        self.executor.shutdown(wait=False, cancel_futures=True)
        for proc in procs.values():
            if proc.is_alive():
                proc.terminate()
        # the executor's manager thread reaps the workers it sees end: until it is done, a worker it has reaped
        # but not yet marked ended still reads as alive here (both wait on the same pid), so wait for it
        if manager is not None:
            manager.join(10)
        for proc in procs.values():
            proc.join(5)
            if proc.is_alive():  # (a loaded machine: SIGTERM not acted on in time)
                proc.kill()
                proc.join(5)
        self.executor = None


def in_pool(
    work: Iterator[list[Item]],
    workers: int,
    task: Task,
    comps: tuple[str, ...],
    warm: Callable[[], None] | None = None,
) -> Iterator[list[Item]]:
    """Process batches in worker processes, a bounded window in flight (memory stays flat in corpus size);
    yields the processed batches. A batch whose worker died (or that raised) is re-run one document at a
    time in a fresh pool; a document that kills its worker again on its own comes back failed, with DIED.
    Batches come back in the order given (those re-run after a death, after the others then in flight).
    `warm`, if given, runs once in this process before the first worker is forked (see _Pool.submit)."""
    pool = _Pool(workers, task, warm)
    inflight: dict[Future, list[Item]] = {}

    def done_in_order() -> list[Future]:
        """Wait for the oldest batch in flight; the finished batches from it on, in the order submitted (the
        store's order is the input's, whichever worker is quicker: later stages such as linking follow it)."""
        wait([next(iter(inflight))])
        finished = []
        for f in inflight:
            if not f.done():
                break
            finished.append(f)
        return finished

    def settle(finished: Iterable[Future]) -> Iterator[list[Item]]:
        suspects: list[Item] = []
        broken = False
        for f in list(finished):
            items = inflight.pop(f)
            exc = f.exception()
            if exc is None:
                yield with_results(items, f.result())
                continue
            broken = broken or isinstance(exc, BrokenProcessPool)
            suspects += items
        if broken:  # every batch still in flight is lost with the pool: wait for them all, then re-run
            rest = list(inflight)
            wait(rest)
            for f in rest:
                items = inflight.pop(f)
                if f.exception() is None:
                    yield with_results(items, f.result())
                else:
                    suspects += items
            pool.discard()
        if suspects:
            yield from _isolate(suspects, pool, comps)

    try:
        for batch in work:
            inflight[pool.submit(batch, comps)] = batch
            if len(inflight) >= 2 * workers:
                yield from settle(done_in_order())
        while inflight:
            yield from settle(done_in_order())
    except BaseException:
        pool.stop()
        raise
    finally:
        pool.thaw()
    pool.discard()


def with_results(items: list[Item], docs: list[Document]) -> list[Item]:
    return [(doc, source, rh) for doc, (_, source, rh) in zip(docs, items, strict=True)]


def in_process(batch: list[Item], task: Task, comps: tuple[str, ...]) -> Iterator[list[Item]]:
    """Process one batch in this process with the contract of `in_pool`: if the task raises, the batch is run
    again one document at a time, each from a copy taken before the first try (a task may have half-annotated a
    document before it raised), and a document that raises on its own comes back failed with the exception.
    KeyboardInterrupt and SystemExit are not caught."""
    fresh = [_copy(doc) for doc, _, _ in batch]
    try:
        yield with_results(batch, task([d for d, _, _ in batch], comps))
        return
    except Exception as exc:
        if len(batch) == 1:  # nothing to tell apart: the one document is the culprit
            yield [_failed(fresh[0], exc, batch[0])]
            return
    for doc, item in zip(fresh, batch, strict=True):
        try:
            yield with_results([item], task([doc], comps))
        except Exception as exc:
            yield [_failed(doc, exc, item)]


def _failed(doc: Document, exc: BaseException, item: Item) -> Item:
    doc.status = "failed"
    doc.extra.setdefault("errors", []).append(f"{type(exc).__name__}: {str(exc)[:300]}")
    return doc, item[1], item[2]


def _copy(doc: Document) -> Document:
    """A copy of an unprocessed document that the task cannot change through: its own lists and dicts (the
    records in them are not copied: an unprocessed document has none)."""
    dup = copy.copy(doc)
    for name, value in vars(doc).items():
        if isinstance(value, (list, dict)):
            setattr(dup, name, copy.copy(value))
    return dup


def _isolate(suspects: list[Item], pool: _Pool, comps: tuple[str, ...]) -> Iterator[list[Item]]:
    """Re-run the documents of failed batches one per task, `workers` at a time; when a pool dies with
    several in flight, those are re-run strictly one at a time, so the culprit is the one that dies alone."""
    queue, alone = deque(suspects), deque[Item]()
    deaths = 0
    while queue or alone:
        chunk = (
            [alone.popleft()] if alone else [queue.popleft() for _ in range(min(pool.workers, len(queue)))]
        )
        futures = {pool.submit([item], comps): item for item in chunk}
        wait(futures)
        lost: list[tuple[Item, BaseException]] = []
        for f, item in futures.items():
            exc = f.exception()
            if exc is None:
                deaths = 0
                yield with_results([item], f.result())
            else:
                lost.append((item, exc))
        if any(isinstance(exc, BrokenProcessPool) for _, exc in lost):
            pool.discard()
        if len(lost) > 1:
            alone.extend(item for item, _ in lost)
            continue
        for (doc, source, rh), exc in lost:
            died = isinstance(exc, BrokenProcessPool)
            deaths = deaths + 1 if died else 0
            if deaths >= _DEATHS_IN_A_ROW:
                raise BrokenProcessPool(f"worker processes died on {deaths} documents in a row, each alone")
            doc.status = "failed"
            reason = DIED if died else f"{type(exc).__name__}: {str(exc)[:300]}"
            doc.extra.setdefault("errors", []).append(reason)
            yield [(doc, source, rh)]
