"""Where CPU-bound stage work runs: in this process, or spread over local processes.

A stage hands a pure function and a batch of records to a mapper and gets the results back
in order; storing stays in the calling process, so any executor gives the same store.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

from claimtrace.config import Config
from claimtrace.errors import ClaimtraceError

T = TypeVar("T")
Mapper = Callable[[Callable[[Any], Any], list[Any]], list[Any]]


def _serial(func: Callable[[Any], Any], items: list[Any]) -> list[Any]:
    return [func(item) for item in items]


@contextmanager
def make_executor(config: Config) -> Iterator[Mapper]:
    kind = config.executor
    if kind == "serial":
        yield _serial
        return
    if kind != "processes":
        raise ClaimtraceError(f"unknown executor {kind!r}; choose 'serial' or 'processes'")
    workers = config.workers or os.cpu_count() or 1
    with ProcessPoolExecutor(max_workers=workers) as pool:

        def mapper(func: Callable[[Any], Any], items: list[Any]) -> list[Any]:
            if len(items) < 2:
                return _serial(func, items)
            return list(pool.map(func, items, chunksize=max(1, len(items) // (workers * 2))))

        yield mapper
