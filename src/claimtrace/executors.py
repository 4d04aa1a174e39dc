"""Where CPU-bound stage work runs: in this process, or spread over local processes.

A stage hands a pure function and a batch of records to a mapper and gets the results back
in order; storing stays in the calling process, so any executor gives the same store.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

from claimtrace.config import Config
from claimtrace.errors import ClaimtraceError

T = TypeVar("T")
Mapper = Callable[[Callable[[Any], Any], list[Any]], list[Any]]
# a lazy map whose results come back in input order
OrderedMap = Callable[[Callable[[Any], Any], Iterable[Any]], Iterator[Any]]


def _serial(func: Callable[[Any], Any], items: list[Any]) -> list[Any]:
    return [func(item) for item in items]


@contextmanager
def make_executor(config: Config) -> Iterator[Mapper]:
    kind = config.executor
    if kind == "serial":
        yield _serial
        return
    if kind == "dask":
        from claimtrace.executors_dask import dask_mapper

        with dask_mapper(config) as mapper:
            yield mapper
        return
    if kind != "processes":
        raise ClaimtraceError(f"unknown executor {kind!r}; choose 'serial', 'processes' or 'dask'")
    workers = config.workers or os.cpu_count() or 1
    with ProcessPoolExecutor(max_workers=workers) as pool:

        def mapper(func: Callable[[Any], Any], items: list[Any]) -> list[Any]:
            if len(items) < 2:
                return _serial(func, items)
            return list(pool.map(func, items, chunksize=max(1, len(items) // (workers * 2))))

        yield mapper


# numeric libraries read these when they load; one thread each, so N workers use N cores
_ONE_THREAD = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "NUMEXPR_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
)


def worker_count(setting: int) -> int:
    """The number of worker processes a ``*workers`` setting asks for (0: one per CPU)."""
    if setting > 0:
        return setting
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _start_worker(initializer: Callable[..., None] | None, args: tuple[Any, ...]) -> None:
    for name in _ONE_THREAD:
        os.environ[name] = "1"
    try:  # thinc's own thread setting, where the installed version has one
        from thinc.api import set_num_threads  # type: ignore[attr-defined]

        set_num_threads(1)
    except (ImportError, AttributeError):
        pass
    if initializer is not None:
        initializer(*args)


@contextmanager
def ordered_pool(
    workers: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[OrderedMap]:
    """A lazy, ordered map over ``workers`` local processes: results come back in the order
    of the inputs, at most two batches per worker in flight (bounded memory). Each worker
    runs ``initializer(*initargs)`` once (load models) with one numeric thread."""
    context = multiprocessing.get_context("fork" if "fork" in _methods() else None)
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(initializer, initargs),
    ) as pool:

        def imap(func: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
            pending: deque[Future[Any]] = deque()
            for item in items:
                pending.append(pool.submit(func, item))
                if len(pending) >= workers * 2:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()

        yield imap


def _methods() -> list[str]:
    return multiprocessing.get_all_start_methods()
