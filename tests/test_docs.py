"""Every command and every setting is documented in the README; it opens with the two commands."""

from __future__ import annotations

from pathlib import Path

from claimtrace.cli import main
from claimtrace.config import SETTINGS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


def test_every_command_is_documented() -> None:
    for name in main.commands:
        assert f"claimtrace {name}" in README, name


def test_every_setting_is_documented() -> None:
    for setting in SETTINGS:
        assert f"| `{setting.name}` |" in README, setting.name


def test_readme_shows_the_two_commands_first() -> None:
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    assert "make demo" in first_block and "make test" in first_block
