from __future__ import annotations

from pathlib import Path

import pytest

from claimtrace.config import load_config
from claimtrace.errors import ClaimtraceError


def test_defaults_env_file_and_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_config().near_duplicate_threshold == 0.8
    conf = tmp_path / "c.toml"
    conf.write_text('db = "from-file.db"\nmax_record_bytes = 1000\n')
    monkeypatch.setenv("CLAIMTRACE_CONFIG", str(conf))
    monkeypatch.setenv("CLAIMTRACE_MAX_RECORD_BYTES", "2000")
    config = load_config(near_duplicate_threshold=0.9)
    assert config.db == "from-file.db"
    assert config.max_record_bytes == 2000
    assert config.near_duplicate_threshold == 0.9


def test_unknown_and_mistyped_settings_are_clear() -> None:
    with pytest.raises(ClaimtraceError, match="unknown setting 'colour'"):
        load_config(colour="red")
    with pytest.raises(ClaimtraceError, match="max_record_bytes.*must be a whole number"):
        load_config(max_record_bytes="lots")


# issue 10, case 12: every setting is checked when loaded, with its name in the error


@pytest.mark.parametrize(
    ("name", "value", "problem"),
    [
        ("minhash_permutations", 0, "between 1 and 4,096"),
        ("minhash_permutations", 10**9, "between 1 and 4,096"),
        ("workers", -3, "between 0 and 1,024"),
        ("max_record_bytes", float("inf"), "a whole number"),
        ("max_record_bytes", -1, "between 1 and 1,000,000,000"),
        ("max_record_bytes", True, "a whole number"),
        ("max_record_bytes", 2.5, "a whole number"),
        ("near_duplicate_threshold", 1.5, "between 0 and 1"),
        ("near_duplicate_threshold", float("nan"), "a finite number"),
        ("claim_group_threshold", -0.1, "between 0 and 1"),
        ("story_threshold", True, "a finite number"),
        ("lock_timeout", -1, "between 0 and 86,400"),
        ("executor", "spark", "one of: serial, processes, dask"),
        ("html_extractor", "readability", "one of: claimtrace, trafilatura"),
        ("store", "postgres", "one of: sqlite"),
        ("languages", "en,,xx yy", "ISO 639-1"),
        ("db", "", "path of a store file"),
        ("db", ":memory:", "path of a store file"),
        ("languages", 5, "a string"),
    ],
)
def test_bad_value_names_the_setting(name: str, value: object, problem: str) -> None:
    with pytest.raises(ClaimtraceError, match=f"setting '{name}'.*{problem}"):
        load_config(**{name: value})


def test_values_from_a_toml_file_are_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conf = tmp_path / "c.toml"
    conf.write_text("max_record_bytes = 1e400\n")  # TOML reads this as infinity
    monkeypatch.setenv("CLAIMTRACE_CONFIG", str(conf))
    with pytest.raises(ClaimtraceError, match=f"'max_record_bytes' in {conf}.*whole number"):
        load_config()
    conf.write_text("max_record_bytes = true\n")
    with pytest.raises(ClaimtraceError, match="'max_record_bytes'.*whole number"):
        load_config()
    conf.write_text("max_record_bytes = 2e7\nlock_timeout = 3\n")  # whole floats are fine
    config = load_config()
    assert config.max_record_bytes == 20_000_000 and config.lock_timeout == 3.0


def test_values_from_the_environment_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMTRACE_WORKERS", "-3")
    with pytest.raises(ClaimtraceError, match=r"'workers' \(CLAIMTRACE_WORKERS\)"):
        load_config()
    monkeypatch.setenv("CLAIMTRACE_WORKERS", "2")
    monkeypatch.setenv("CLAIMTRACE_DB", "")
    with pytest.raises(ClaimtraceError, match="'db' .*path of a store file"):
        load_config()


def test_config_file_not_utf8(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    conf = tmp_path / "c.toml"
    conf.write_bytes(b'db = "caf\xe9.db"\n')
    monkeypatch.setenv("CLAIMTRACE_CONFIG", str(conf))
    with pytest.raises(ClaimtraceError, match=f"config file {conf} is not UTF-8"):
        load_config()


def test_config_file_malformed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    conf = tmp_path / "c.toml"
    conf.write_text("db = \n[[[")
    monkeypatch.setenv("CLAIMTRACE_CONFIG", str(conf))
    with pytest.raises(ClaimtraceError, match=f"config file {conf} is not valid TOML"):
        load_config()


def test_config_file_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMTRACE_CONFIG", str(tmp_path / "none.toml"))
    with pytest.raises(ClaimtraceError, match="cannot read config file .*none.toml"):
        load_config()


def test_cli_reports_a_bad_setting_without_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from claimtrace.cli import main

    monkeypatch.setenv("CLAIMTRACE_MINHASH_PERMUTATIONS", "0")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1 and "'minhash_permutations'" in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
