"""``--executor dask`` (executors_dask.py) on a real LocalCluster: ingest's clean stage and
analyse run on Dask workers, results go to the PostgreSQL store, and a worker killed while
it runs a task loses and duplicates nothing (its tasks run again on the other worker): the
samples and the seeds give the same documents, claims, groups and stories as SQLite."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimtrace import api
from claimtrace.config import load_config
from tests.conftest import ARTICLE_DE, ARTICLE_EN, ARTICLE_FR, SEEDS, SHARED
from tests.pg import fresh_store_url
from tests.store.test_postgres import SAMPLES, _knowledge

distributed = pytest.importorskip("distributed")
PAGES = SHARED / "evaldata" / "trafilatura-eval" / "html"


@pytest.fixture
def url() -> Iterator[str]:
    with fresh_store_url() as found:
        yield found


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as found:
        yield found


def test_ingest_cleans_on_the_cluster(url: str, tmp_path: Path, cluster: Any) -> None:
    for name, text in (("en", ARTICLE_EN), ("de", ARTICLE_DE), ("fr", ARTICLE_FR)):
        (tmp_path / f"{name}.txt").write_text(text)
    config = load_config(db=url, executor="dask", scheduler=cluster.scheduler_address)
    summary = api.ingest([tmp_path], config=config)
    assert len(summary.added) == 3
    serial = api.ingest([tmp_path], db=tmp_path / "serial.db")
    assert sorted(summary.added) == sorted(serial.added)


class _Killer(threading.Thread):
    """Kills (SIGKILL) the first worker seen running a task, once."""

    def __init__(self, client: Any) -> None:
        super().__init__(daemon=True)
        self.client, self.killed, self.stop = client, "", threading.Event()

    def run(self) -> None:
        pids = self.client.run(os.getpid)
        while not self.stop.is_set() and not self.killed:
            busy = [w for w, tasks in self.client.processing().items() if tasks]
            if busy:
                os.kill(pids[busy[0]], signal.SIGKILL)
                self.killed = busy[0]
            time.sleep(0.02)


def test_a_killed_worker_loses_and_duplicates_nothing(
    url: str, tmp_path: Path, cluster: Any
) -> None:
    if not PAGES.is_dir():
        pytest.skip(f"real pages not found in {PAGES}")
    corpus = tmp_path / "pages"
    corpus.mkdir()
    for page in sorted(PAGES.iterdir())[:64]:
        (corpus / page.name).write_bytes(page.read_bytes())
    expected = api.ingest([corpus], db=tmp_path / "serial.db")
    config = load_config(db=url, executor="dask", scheduler=cluster.scheduler_address)
    with distributed.Client(cluster) as client:
        killer = _Killer(client)
        killer.start()
        summary = api.ingest([corpus], config=config)
        killer.stop.set()
        killer.join()
    assert killer.killed, "no worker was killed while it ran a task"
    assert sorted(summary.added) == sorted(expected.added)
    with api.opened(url, read_only=True) as store:
        q = store.db.execute  # type: ignore[attr-defined]
        assert q("SELECT COUNT(*) FROM documents").fetchone()[0] == len(expected.added)
        sources, distinct = q("SELECT COUNT(*), COUNT(DISTINCT key) FROM sources").fetchone()
    assert sources == distinct == len(expected.added) + len(expected.duplicates)


@pytest.mark.slow
def test_analyse_with_a_killed_worker_gives_the_sqlite_knowledge_base(
    url: str, tmp_path: Path, cluster: Any
) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed corpus is not at {SEEDS} (it is read there, not copied)")
    corpus = [SAMPLES, SEEDS]
    sqlite_db = str(tmp_path / "serial.db")
    api.ingest(corpus, db=sqlite_db)
    api.analyse(db=sqlite_db)
    api.ingest(corpus, db=url)
    # one document a task, so that the kill lands in the middle of the run
    config = load_config(
        db=url, executor="dask", scheduler=cluster.scheduler_address, analyse_batch=1
    )
    with distributed.Client(cluster) as client:
        killer = _Killer(client)
        killer.start()
        analysed = api.analyse(config=config)
        killer.stop.set()
        killer.join()
    assert killer.killed, "no worker was killed while it ran a task"
    on_sqlite, on_postgres = _knowledge(sqlite_db), _knowledge(url)
    assert on_sqlite["documents"] and on_sqlite["claims"] and on_sqlite["groups"]
    assert len(set(analysed)) == len(analysed) == len(on_sqlite["documents"])
    for part in on_sqlite:
        assert on_postgres[part] == on_sqlite[part], part
    failures = []
    for db in (sqlite_db, url):
        with api.opened(db, read_only=True) as store:
            q = store.db.execute  # type: ignore[attr-defined]
            failures.append(q("SELECT COUNT(*) FROM failures").fetchone()[0])
            if db == url:  # every lease ended with its analysis stored
                assert q("SELECT COUNT(*) FROM analysis_leases").fetchone()[0] == 0
    assert failures[0] == failures[1]
