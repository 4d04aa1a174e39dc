"""The upload page and a job's progress page (it reloads itself while the job runs: a meta
refresh, no script)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from claimtrace.errors import NotFoundError
from claimtrace.web.deps import Settings, settings
from claimtrace.web.errors import ApiError
from claimtrace.web.pages import page
from claimtrace.web.routes_jobs import runner, start_job

router = APIRouter(include_in_schema=False)


@router.get("/upload", response_class=HTMLResponse)
def upload_form(request: Request, s: Annotated[Settings, Depends(settings)]) -> HTMLResponse:
    jobs = runner(request).all()[:20]
    return page("upload.html", jobs=jobs, limit=s.max_upload_bytes, read_only=s.read_only)


@router.post("/upload")
def upload(
    request: Request,
    s: Annotated[Settings, Depends(settings)],
    files: Annotated[list[UploadFile], File()] = [],  # noqa: B006
    text: Annotated[str | None, Form()] = None,
    title: Annotated[str | None, Form(max_length=500)] = None,
) -> Response:
    try:
        job = start_job(runner(request), s.max_upload_bytes, files, text, title)
    except ApiError as exc:
        jobs = runner(request).all()[:20]
        return page("upload.html", status=exc.status, jobs=jobs, limit=s.max_upload_bytes,
                    read_only=s.read_only, error=exc.message)  # fmt: skip
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(job_id: str, request: Request) -> HTMLResponse:
    job = runner(request).get(job_id)
    if job is None:
        raise NotFoundError(f"job {job_id!r} was not found")
    return page("job.html", job=job, running=job.state in ("queued", "running"))
