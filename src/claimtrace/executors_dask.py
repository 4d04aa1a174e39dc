"""Stage work on a Dask distributed cluster (``--executor dask [--scheduler tcp://H:8786]``).

The calling process stays the one writer: it hands batches to the cluster and stores the
results as they come back, in input order, exactly as with local processes
(executors.py). So a worker killed mid-run loses nothing and stores nothing twice: the
scheduler runs its unfinished tasks again on another worker, and only results that reach
the caller are stored. Each worker runs the stage's warm-up (loading the models) once, as a
worker plugin, before its first task; a worker that joins later (or is restarted by its
nanny) runs it too. Without a scheduler address a LocalCluster of ``workers`` processes
(one thread each) is started for the run.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from claimtrace.config import Config
from claimtrace.errors import ClaimtraceError, MissingDependencyError
from claimtrace.executors import Mapper, OrderedMap, worker_count


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise MissingDependencyError(
            "executor 'dask' needs dask.distributed: pip install 'claimtrace[dask]'"
        ) from exc
    return distributed


try:  # the plugin's base class, where dask.distributed is installed
    from distributed.diagnostics.plugin import WorkerPlugin as _PluginBase
except ImportError:  # pragma: no cover - dask_client says what to install
    _PluginBase = object  # type: ignore[assignment,misc]


class _WarmUp(_PluginBase):  # type: ignore[misc,valid-type]
    """A worker plugin: run ``initializer(*args)`` once in each worker process."""

    name = "claimtrace-warm-up"

    def __init__(self, initializer: Callable[..., None], args: tuple[Any, ...]) -> None:
        self.initializer, self.args = initializer, args

    def setup(self, worker: Any) -> None:
        from claimtrace.executors import _start_worker

        _start_worker(self.initializer, self.args)


@contextmanager
def dask_client(config: Config, workers: int | None = None) -> Iterator[Any]:
    """A client of the cluster at ``config.scheduler``, or of a LocalCluster of
    ``workers`` processes (default: the ``workers`` setting; 0: one per CPU)."""
    distributed = _distributed()
    if config.scheduler:
        try:
            client = distributed.Client(config.scheduler, timeout=30)
        except OSError as exc:
            raise ClaimtraceError(
                f"cannot reach the Dask scheduler at {config.scheduler}: {exc}"
            ) from exc
        with client:
            yield client
        return
    count = worker_count(workers if workers is not None else int(config.workers))
    with (
        distributed.LocalCluster(
            n_workers=count, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@contextmanager
def dask_mapper(config: Config) -> Iterator[Mapper]:
    """A Mapper (executors.make_executor) whose items run as tasks on the cluster."""
    with dask_client(config) as client:

        def mapper(func: Callable[[Any], Any], items: list[Any]) -> list[Any]:
            if not items:
                return []
            return list(client.gather(client.map(func, items, pure=False)))

        yield mapper


@contextmanager
def dask_ordered_map(
    config: Config,
    workers: int | None,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[OrderedMap]:
    """Like executors.ordered_pool on the cluster: a lazy map, results in input order, at
    most two tasks per worker in flight; ``initializer`` runs once per worker."""
    with dask_client(config, workers) as client:
        if initializer is not None:
            client.register_plugin(_WarmUp(initializer, initargs))
        slots = max(1, len(client.scheduler_info().get("workers", {}))) * 2

        def imap(func: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
            pending: deque[Any] = deque()
            for item in items:
                pending.append(client.submit(func, item, pure=False))
                if len(pending) >= slots:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()

        yield imap
