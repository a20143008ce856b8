"""Running chunks in parallel: forked workers that inherit the screener, results in input order."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import math
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

from screening.settings import MEMORY

if TYPE_CHECKING:
    pass


Job = TypeVar("Job")
Chunk = TypeVar("Chunk")
Item = TypeVar("Item")
Result = TypeVar("Result")

_worker_job: Any = None  # set in each worker process by ``_install_job``
_PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>


def ordered_map(
    task: Callable[[Job, Chunk], Result], job: Job, chunks: Iterable[Chunk], workers: int
) -> Generator[Result, None, None]:
    """``task(job, chunk)`` for each chunk, results in input order, on ``workers`` processes.

    Only a few chunks per worker are in flight at once, so memory stays flat however
    long ``chunks`` is. With one worker everything runs here, in this process.
    """
    if workers <= 1:
        for chunk in chunks:
            yield task(job, chunk)
        return
    pool = _start_pool(job, workers)
    pending: deque[Future[Result]] = deque()
    finished = False
    try:
        for chunk in chunks:
            pending.append(pool.submit(_run_task, task, chunk))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:
            stop_workers(pool)


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """End a pool at once (an interrupt, an error, the reader stopped): its workers are
    killed rather than awaited, since the chunks they hold will be screened again by a
    resumed run. Waiting for them is what made a Ctrl-C hang."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    results = getattr(pool, "_result_queue", None)  # gone from the pool after shutdown
    for process in processes:
        process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=2)
    if results is not None and not any(process.is_alive() for process in processes):
        _close_result_writer(results)


def _close_result_writer(results: Any) -> None:
    """A worker killed while sending a result leaves half a message in the result pipe,
    and the pool's manager thread waits for the rest forever: at interpreter exit too,
    which joins that thread, so the process never ends. With every worker gone, this
    process holds the pipe's last writing end; closing it turns the wait into an end of
    file, which the pool reads as a broken pool, and its thread ends."""
    writer = getattr(results, "_writer", None)
    if writer is not None:
        with contextlib.suppress(OSError):
            writer.close()


def _start_pool(job: Any, workers: int) -> ProcessPoolExecutor:
    """Start the worker processes now, sharing ``job`` (the built screener) with them.

    Forked workers inherit the job copy-on-write instead of unpickling a copy each.
    Freezing the garbage collector across the fork keeps the children's collections
    from writing to, and so copying, every page of the parent's objects.
    """
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_install_job, initargs=(job, os.getpid())
    )
    gc.freeze()
    try:
        pool.submit(_ready).result()  # with fork, the first submit starts every worker
    except BaseException:
        stop_workers(pool)
        raise
    finally:
        gc.unfreeze()
    return pool


def _install_job(job: Any, parent: int) -> None:
    global _worker_job
    _worker_job = job
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this worker when its parent dies: a worker waiting for tasks
    would otherwise outlive a killed run forever, holding its memory."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _ready() -> bool:
    return True


def _run_task(task: Callable[[Any, Chunk], Result], chunk: Chunk) -> Result:
    return task(_worker_job, chunk)


def make_chunks(
    items: Iterable[Item], size: int, first_row: int = 1
) -> Iterator[tuple[int, list[Item]]]:
    """Consecutive lists of ``size`` items, each with the row number of its first item."""
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield first_row, batch
            first_row += len(batch)
            batch = []
    if batch:
        yield first_row, batch


def task_size(size: int, workers: int, items_left: float) -> int:
    """Items per task: ``size`` at most, fewer when ``items_left`` is too few to give each
    of several workers ``tasks_per_worker`` tasks. Tasks of 1,000 rows for a file of
    1,500 keep one of two workers idle for half the run; smaller tasks keep both busy to
    the end, and a long file is cut in tasks of ``size``."""
    if workers <= 1:
        return size
    wanted = math.ceil(items_left / (workers * MEMORY.batch_tasks_per_worker))
    return max(1, min(size, wanted))


def default_workers() -> int:
    return os.cpu_count() or 1
