"""``claimtrace serve`` refuses to expose the store without a token."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from claimtrace.cli import main
from claimtrace.cli_serve import is_loopback


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "example.org"])
def test_serve_refuses_a_public_address_without_a_token(
    host: str, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CLAIMTRACE_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "s.db"), "--host", host])
    assert result.exit_code == 1
    assert "refusing to listen" in result.output and "CLAIMTRACE_TOKEN" in result.output


def test_serve_refuses_a_short_token(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMTRACE_TOKEN", "short")
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "s.db"),
                                       "--host", "0.0.0.0"])  # fmt: skip
    assert result.exit_code == 1 and "too short" in result.output


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.0.0.2", True), ("::1", True), ("[::1]", True),
     ("localhost", True), ("0.0.0.0", False), ("10.0.0.1", False), ("localhost.evil", False)],
)  # fmt: skip
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_worker_processes_build_the_same_app(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    import json

    from claimtrace.web.app import SERVE_ENVIRONMENT, app_from_environment

    options = {"db": str(tmp_path / "s.db"), "read_only": True, "allowed_hosts": ["127.0.0.1"],
               "max_upload_bytes": 1234}  # fmt: skip
    monkeypatch.setenv(SERVE_ENVIRONMENT, json.dumps(options))
    monkeypatch.setenv("CLAIMTRACE_TOKEN", "a-long-enough-test-token")
    settings = app_from_environment().state.settings
    assert (settings.db, settings.read_only, settings.max_upload_bytes) == (
        options["db"],
        True,
        1234,
    )
    assert settings.token == "a-long-enough-test-token"
