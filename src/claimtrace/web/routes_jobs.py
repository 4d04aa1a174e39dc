"""Ingest from the API: upload files (a zip is unpacked) or paste text; it runs as a
background job (ingest -> analyse -> link) whose progress ``GET /jobs/{id}`` shows."""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile

from claimtrace.web.deps import Settings, settings
from claimtrace.web.errors import ERROR_RESPONSES, ApiError
from claimtrace.web.jobs import Job, JobRunner, jobs_folder
from claimtrace.web.models import Out
from claimtrace.web.uploads import (
    UploadError,
    remove_folder,
    save_stream,
    save_text,
    unpack_zip,
)

router = APIRouter(tags=["jobs"], responses=ERROR_RESPONSES)
MAX_TEXT = 5_000_000  # characters of pasted text
_ZIP_MAGIC = b"PK\x03\x04"
_START = threading.Lock()


class JobOut(Out):
    id: str
    created: str
    state: str
    stage: str
    files: list[str]
    ingested: int
    analysed: int
    linked: int
    added: list[str]
    duplicates: int
    skipped: int
    failures: list[dict[str, str]]
    error: str | None
    finished: str | None


class JobList(Out):
    items: list[JobOut]


def runner(request: Request) -> JobRunner:
    """The app's one job runner (one writer), made on first use."""
    with _START:
        found: JobRunner | None = getattr(request.app.state, "jobs", None)
        if found is None:
            s: Settings = request.app.state.settings
            found = JobRunner(s.db, jobs_folder(s.db, s.jobs_dir))
            request.app.state.jobs = found
        return found


def start_job(
    jobs: JobRunner, limit: int, files: list[UploadFile], text: str | None, title: str | None
) -> Job:
    """Save the upload into a new job folder and queue the job; ApiError when it breaks a
    rule (nothing is kept then)."""
    files = [f for f in files if f.filename or f.size]
    if not files and not (text and text.strip()):
        raise ApiError(400, "send files (a zip is unpacked) or text to ingest", "empty_upload")
    job_id, folder = jobs.new_folder()
    budget, names = limit, []
    try:
        for upload in files:
            saved = save_stream(folder, upload.filename or "upload", upload.file, budget)
            budget -= saved.bytes
            names.append(upload.filename or saved.path.name)
            with open(saved.path, "rb") as head:
                is_zip = head.read(4) == _ZIP_MAGIC
            if is_zip:
                budget -= sum(s.bytes for s in unpack_zip(saved.path, folder, budget))
        if text and text.strip():
            if len(text) > MAX_TEXT:
                raise UploadError(f"the pasted text is longer than {MAX_TEXT:,} characters")
            budget -= save_text(folder, text, title).bytes
            names.append("pasted text")
        if budget < 0:
            raise UploadError(f"the upload is larger than the limit ({limit:,} bytes)")
    except UploadError as exc:
        remove_folder(folder.parent)
        status = 413 if "larger than the limit" in str(exc) else 400
        code = "too_large" if status == 413 else "invalid_upload"
        raise ApiError(status, str(exc), code) from None
    return jobs.submit(job_id, names)


@router.post("/jobs", response_model=JobOut, status_code=202)
def create_job(
    request: Request,
    s: Annotated[Settings, Depends(settings)],
    files: Annotated[list[UploadFile], File(description="files to ingest; a zip is unpacked")] = [],  # noqa: B006
    text: Annotated[str | None, Form(description="pasted article text")] = None,
    title: Annotated[str | None, Form(max_length=500, description="its title")] = None,
) -> Any:
    """Ingest uploaded files or pasted text in the background (ingest -> analyse -> link);
    poll ``GET /jobs/{id}`` for its progress. The request may be at most the server's upload
    limit (413 past it); inputs that fail are recorded as ``claimtrace ingest`` does."""
    return start_job(runner(request), s.max_upload_bytes, files, text, title).to_dict()


@router.get("/jobs", response_model=JobList)
def list_jobs(request: Request) -> dict[str, object]:
    """Ingest jobs started by this server, newest first."""
    return {"items": [j.to_dict() for j in runner(request).all()]}


@router.get("/jobs/{job_id}", response_model=JobOut)
def get_job(job_id: str, request: Request) -> Any:
    """One job: its state (queued, running, done, failed, interrupted), stage, counts of
    inputs ingested, documents analysed and linked, the documents added and the failures."""
    found = runner(request).get(job_id)
    if found is None:
        raise ApiError(404, f"job {job_id!r} was not found")
    return found.to_dict()
