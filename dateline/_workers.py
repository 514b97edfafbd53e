"""Worker processes for `dateline.pipeline.ingest`: batches run in a pool with a bounded window in flight; a
document that kills its worker (out of memory, a crash inside a library) is found by re-running the lost batches
one document at a time and comes back failed with the reason DIED; Ctrl-C stops the workers at once.

Public here (for the pipeline): `in_pool`, `with_results`, `Item`, `DIED`."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from dateline.model import Document

Item = tuple[Document, str, str]  # a document to process, its source, its raw hash
Task = Callable[[list[Document], tuple[str, ...]], list[Document]]  # a picklable top-level function


def _worker_init() -> None:
    """Workers ignore Ctrl-C (SIGINT goes to the whole process group): the parent stops them, so that an
    interrupt is one clean line and never mistaken for a document that killed its worker."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


DIED = "worker process died while processing it (out of memory?)"
# a fresh pool that dies on this many documents in a row, each on its own, is taken for a broken environment
# (a worker that cannot start), not for that many poisonous documents: the ingest stops instead
_DEATHS_IN_A_ROW = 8


class _Pool:
    """A ProcessPoolExecutor that can be replaced when a worker dies, and stopped at once on Ctrl-C."""

    def __init__(self, workers: int, task: Task) -> None:
        self.workers = workers
        self.task = task
        self.executor: ProcessPoolExecutor | None = None

    def submit(self, items: list[Item], comps: tuple[str, ...]) -> Future:
        if self.executor is None:
            self.executor = ProcessPoolExecutor(max_workers=self.workers, initializer=_worker_init)
        return self.executor.submit(self.task, [d for d, _, _ in items], comps)

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
        procs = list((getattr(self.executor, "_processes", None) or {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
        for proc in procs:
            proc.join(5)
        self.executor = None


def in_pool(
    work: Iterator[list[Item]], workers: int, task: Task, comps: tuple[str, ...]
) -> Iterator[list[Item]]:
    """Process batches in worker processes, a bounded window in flight (memory stays flat in corpus size);
    yields the processed batches. A batch whose worker died (or that raised) is re-run one document at a
    time in a fresh pool; a document that kills its worker again on its own comes back failed, with DIED."""
    pool = _Pool(workers, task)
    inflight: dict[Future, list[Item]] = {}

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
                finished, _ = wait(inflight, return_when=FIRST_COMPLETED)
                yield from settle(finished)
        while inflight:
            finished, _ = wait(inflight, return_when=FIRST_COMPLETED)
            yield from settle(finished)
    except BaseException:
        pool.stop()
        raise
    pool.discard()


def with_results(items: list[Item], docs: list[Document]) -> list[Item]:
    return [(doc, source, rh) for doc, (_, source, rh) in zip(docs, items, strict=True)]


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
