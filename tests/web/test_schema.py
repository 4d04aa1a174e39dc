"""A property-based run against the OpenAPI schema: no request makes the server fail.

Each operation's cases come from schemathesis' strategies, driven by hypothesis here (its
pytest fixture loader does not run on pytest 9)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from claimtrace.web import create_app
from tests.web.conftest import Store

EXAMPLES = 12  # per operation: the run stays within seconds


def test_no_request_is_a_server_error(store: Store, tmp_path: Path) -> None:
    db = str(tmp_path / "schema.db")  # uploads write: a copy of the shared store
    with sqlite3.connect(store.db) as source, sqlite3.connect(db) as copy:
        source.backup(copy)
    app = create_app(db)
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 14

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))  # fmt: skip
        def no_server_error(case: schemathesis.Case) -> None:
            response = case.call()
            case.validate_response(response, checks=[not_a_server_error])
            assert response.headers["content-type"][0].startswith("application/json")

        no_server_error()
    jobs = getattr(app.state, "jobs", None)
    if jobs is not None:  # the uploads it made run to their end, without a server error
        jobs.wait(timeout=900)
        assert all(job.state in ("done", "failed") for job in jobs.all())
        assert not [job.error for job in jobs.all() if job.state == "failed"]
