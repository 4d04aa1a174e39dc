"""Background ingest jobs: files or pasted text saved into the job's own folder, then
ingest -> analyse -> link on one worker thread (one writer for the store), with progress a
client can poll. A job's state is kept in memory and in ``job.json`` in its folder, so the
list survives a restart (a job cut off by one is marked "interrupted")."""

from __future__ import annotations

import json
import re
import secrets
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from claimtrace import api

STATES = ("queued", "running", "done", "failed", "interrupted")
STAGES = ("saved", "ingest", "analyse", "link", "finished")


@dataclass(frozen=True)
class Job:
    id: str
    created: str
    state: str = "queued"
    stage: str = "saved"
    files: tuple[str, ...] = ()
    ingested: int = 0  # inputs read so far
    analysed: int = 0
    linked: int = 0
    added: tuple[str, ...] = ()
    duplicates: int = 0
    skipped: int = 0
    failures: tuple[dict[str, str], ...] = field(default=())  # as the CLI's failure records
    error: str | None = None
    finished: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def jobs_folder(db: str, configured: str | None) -> Path:
    """Where uploads go: the configured folder, else ``<store>.uploads`` beside a file store."""
    if configured:
        return Path(configured)
    if "://" in db:
        raise api.ClaimtraceError("uploads to a database server need a jobs folder (jobs_dir)")
    return Path(f"{db}.uploads")


class JobRunner:
    def __init__(self, db: str, folder: Path) -> None:
        self.db = db
        self.folder = folder
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="claimtrace-job")
        self._load()

    def new_folder(self) -> tuple[str, Path]:
        job_id = f"job_{secrets.token_hex(8)}"
        path = self.folder / job_id / "input"
        path.mkdir(parents=True)
        return job_id, path

    def submit(self, job_id: str, files: list[str]) -> Job:
        job = Job(job_id, _now(), files=tuple(files))
        self._set(job)
        self._worker.submit(self._run, job_id)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            found = self._jobs.get(job_id)
        if found is None and _JOB_ID.match(job_id):  # another server process's job
            found = _read(self.folder / job_id / "job.json")
        return found

    def all(self) -> list[Job]:
        with self._lock:
            mine = dict(self._jobs)
        others = (_read(p) for p in self.folder.glob("job_*/job.json") if p.parent.name not in mine)
        every = [*mine.values(), *(job for job in others if job is not None)]
        return sorted(every, key=lambda j: (j.created, j.id), reverse=True)

    def wait(self, timeout: float | None = None) -> None:
        """Until every job submitted so far has finished (tests, shutdown)."""
        self._worker.submit(lambda: None).result(timeout)

    def _run(self, job_id: str) -> None:
        inputs = self.folder / job_id / "input"
        try:
            self._update(job_id, state="running", stage="ingest")
            summary = api.ingest([inputs], db=self.db, on_item=self._counter(job_id, "ingested"))
            failures = tuple(
                {**f.to_dict(), "source": _relative(f.source, inputs)} for f in summary.failures
            )
            counts = {"duplicates": len(summary.duplicates), "skipped": len(summary.skipped)}
            self._update(job_id, stage="analyse", added=summary.added, failures=failures, **counts)
            api.analyse(db=self.db, on_item=self._counter(job_id, "analysed"), link=False)
            self._update(job_id, stage="link")
            api.link(db=self.db, on_item=self._counter(job_id, "linked"))
            self._update(job_id, state="done", stage="finished", finished=_now())
        except Exception as exc:  # the job records why; the server goes on
            self._update(job_id, state="failed", error=f"{type(exc).__name__}: {exc}",
                         finished=_now())  # fmt: skip

    def _counter(self, job_id: str, name: str) -> Callable[[str], None]:
        saved = time.monotonic()

        def count(_: str) -> None:
            nonlocal saved
            with self._lock:
                job = self._jobs[job_id]
                job = self._jobs[job_id] = replace(job, **{name: getattr(job, name) + 1})
            if time.monotonic() - saved > 1.0:  # other server processes read the file
                saved = time.monotonic()
                self._save(job)

        return count

    def _update(self, job_id: str, **changes: Any) -> None:
        with self._lock:
            job = replace(self._jobs[job_id], **changes)
            self._jobs[job_id] = job
        self._save(job)

    def _set(self, job: Job) -> None:
        with self._lock:
            self._jobs[job.id] = job
        self._save(job)

    def _save(self, job: Job) -> None:
        path = self.folder / job.id / "job.json"
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(job.to_dict()), encoding="utf-8")
        temporary.replace(path)

    def _load(self) -> None:
        """Jobs of an earlier run: one cut off by a restart is marked so (with several
        server processes, start them together: a job another one runs is left alone
        only once it has been seen running)."""
        for path in self.folder.glob("job_*/job.json") if self.folder.is_dir() else ():
            job = _read(path)
            if job is not None and job.state in ("queued", "running") and _stale(path):
                job = replace(job, state="interrupted", error="the server stopped during the job")
                self._set(job)


_JOB_ID = re.compile(r"^job_[0-9a-f]{16}$")
_STALE_SECONDS = 600  # a running job writes its state at every document


def _stale(path: Path) -> bool:
    try:
        return time.time() - path.stat().st_mtime > _STALE_SECONDS
    except OSError:
        return True


def _read(path: Path) -> Job | None:
    try:
        data = json.loads(path.read_text("utf-8"))
        fields: dict[str, Any] = {
            k: tuple(v) if isinstance(v, list) else v for k, v in data.items()
        }
        return Job(**fields)
    except (OSError, ValueError, TypeError):
        return None


def _relative(source: str, inputs: Path) -> str:
    """A failure's source named within the upload, not by the server's own path."""
    prefix = str(inputs) + "/"
    return source[len(prefix) :] if source.startswith(prefix) else source
