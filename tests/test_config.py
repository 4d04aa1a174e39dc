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
    with pytest.raises(ClaimtraceError, match="must be a int"):
        load_config(max_record_bytes="lots")
