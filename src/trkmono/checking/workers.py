"""Work split among worker processes when there is enough of it; a worker never outlives its run.

Used by validate (check files) and by the library (compile files it has not seen). Where
processes cannot start (some sandboxes lack them) or one dies, the work is done in this process
instead: parallelism can cost speed, never the answer.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Callable

MIN_ITEMS_PER_WORKER = 32
"""Below this many items per process, starting processes costs more than it saves."""


def map_split(work: Callable[[list], list], items: list, jobs: int | None = None) -> list:
    """``work`` over parts of ``items``, results in the order of the items (``work`` maps a list of
    items to a list of results of the same length and must be a module-level function)."""
    workers = min(jobs or cpu_count(), len(items) // MIN_ITEMS_PER_WORKER)
    if workers < 2:
        return work(items)
    from concurrent.futures import BrokenExecutor
    try:
        return _in_processes(work, items, workers)
    except (OSError, ImportError, BrokenExecutor):
        return work(items)


def _in_processes(work: Callable[[list], list], items: list, workers: int) -> list:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    parts = workers * 4  # small parts even out items of different sizes
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                             initargs=(os.getpid(),)) as pool:
        done = list(pool.map(work, [items[i::parts] for i in range(parts)]))
    ordered: list = [None] * len(items)
    for part, results in enumerate(done):
        ordered[part::parts] = results
    return ordered


def _start_worker(parent: int) -> None:
    """In a worker: be killed when the run that started it dies, however it dies (Linux), and
    leave what it inherited (modules, the schema) out of garbage collection, which then scans only
    what the worker makes (gc.freeze after fork, as the gc module's documentation advises: 4-6 %
    off validate on 1,000 files)."""
    if sys.platform == "linux":
        import ctypes
        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
    gc.freeze()


def cpu_count() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1
