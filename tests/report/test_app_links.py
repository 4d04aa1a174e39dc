"""With --app-url the report links each claim group and document to its page in the web
app; an address that is not http(s) is refused, never written into the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrace import api
from claimtrace.cli import main
from claimtrace.errors import ClaimtraceError
from claimtrace.report.html import app_base
from tests.report.conftest import Fixture


def test_report_links_groups_and_documents_to_the_web_app(filled: Fixture, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        main, ["report", "--db", filled.db, "-o", str(out), "--app-url", "http://127.0.0.1:8000/"]
    )
    assert result.exit_code == 0, result.output
    page = out.read_text("utf-8")
    groups = {g.id for g in api.groups(db=filled.db)}
    linked = {g for g in groups if f'href="http://127.0.0.1:8000/groups/{g}"' in page}
    assert linked and linked <= groups
    assert f'href="http://127.0.0.1:8000/documents/{filled.hostile}"' in page
    plain = tmp_path / "plain.html"
    api.report(plain, db=filled.db)
    assert "127.0.0.1:8000" not in plain.read_text("utf-8")


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,x", "file:///etc", "http://", "http://h/?q=1"]
)
def test_only_a_web_address_is_taken(url: str) -> None:
    with pytest.raises(ClaimtraceError):
        app_base(url)


def test_app_base_keeps_a_path_prefix() -> None:
    assert app_base("https://news.example/claimtrace/") == "https://news.example/claimtrace"
    assert app_base(None) is None and app_base("") is None
