"""``claimtrace serve``: the HTTP API on uvicorn."""

from __future__ import annotations

import ipaddress
import json
import os
from typing import Any

import click

from claimtrace.cli_common import db_option, emit_json, friendly_errors, json_option
from claimtrace.config import load_config
from claimtrace.errors import ClaimtraceError, MissingDependencyError

LOOPBACK_NAMES = ("localhost",)


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; any but loopback needs an access token.")  # fmt: skip
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--read-only", is_flag=True, help="Refuse every write (uploads, jobs) with 403.")
@click.option(
    "--token",
    default=None,
    help="Access token every request must send as 'Authorization: Bearer <token>', or type "
    "once in the browser's login form (default: $CLAIMTRACE_TOKEN).",
)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes (each answers requests; uploads run in the one that got "
              "them).")  # fmt: skip
@click.option("--max-upload-mb", type=click.IntRange(1, 100_000), default=50, show_default=True,
              help="Largest upload (files, zip or pasted text) in megabytes.")  # fmt: skip
@json_option
@friendly_errors
def serve(
    db: str | None,
    host: str,
    port: int,
    read_only: bool,
    token: str | None,
    workers: int,
    max_upload_mb: int,
    as_json: bool,
) -> None:
    """Serve the HTTP API (JSON under /api/v1, described at /api/v1/openapi.json)."""
    config = load_config(db=db)
    token = token or os.environ.get("CLAIMTRACE_TOKEN") or None
    if not is_loopback(host) and not token:
        raise ClaimtraceError(
            f"refusing to listen on {host}: anyone who can reach it could read the store. "
            "Set an access token (CLAIMTRACE_TOKEN or --token), or keep --host 127.0.0.1"
        )
    if token is not None and len(token) < 16:
        raise ClaimtraceError("the access token is too short: use at least 16 characters")
    try:
        import uvicorn

        from claimtrace.web import create_app
        from claimtrace.web.app import SERVE_ENVIRONMENT
    except ImportError as exc:
        raise MissingDependencyError(
            f"serve needs the web extra ({exc.name} is missing): pip install 'claimtrace[web]'"
        ) from exc
    # on loopback without a token, answer only to loopback names (DNS rebinding)
    hosts = None if token else [f"{h}" for h in ("127.0.0.1", "localhost", "[::1]", host)]
    options: dict[str, Any] = {"db": str(config.db), "read_only": read_only, "allowed_hosts": hosts,
               "max_upload_bytes": max_upload_mb * 1_000_000}  # fmt: skip
    app = create_app(**options, token=token)
    url = f"http://{host}:{port}/api/v1"
    if as_json:  # where it listens, for scripts that start it
        emit_json({"url": url, "db": str(config.db), "read_only": read_only, "token": bool(token)})
    else:
        click.echo(f"claimtrace API on {url} over {config.db}", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
        return
    os.environ[SERVE_ENVIRONMENT] = json.dumps(options)
    if token:
        os.environ["CLAIMTRACE_TOKEN"] = token  # the workers read it there, not from argv
    uvicorn.run("claimtrace.web.app:app_from_environment", factory=True, workers=workers,
                host=host, port=port, log_level="warning", server_header=False)  # fmt: skip
