"""Writing an export or report exactly where asked: a file path, or '-' for stdout."""

from __future__ import annotations

import sys
from pathlib import Path

from claimtrace.errors import ClaimtraceError


class OutputError(ClaimtraceError):
    """The output path cannot be written (a directory, or a folder that does not exist)."""


def check_output(out: str | Path) -> Path | None:
    """The path to write, or None for stdout; refuses what would write elsewhere or clobber
    a directory. Nothing is created here, so a bad path fails before any work is done."""
    if str(out) == "-":
        return None
    path = Path(out)
    if path.is_dir():
        raise OutputError(f"{path} is a directory; give a file name to write")
    if not path.parent.is_dir():
        raise OutputError(f"folder {path.parent} does not exist; create it first")
    return path


def write_output(out: str | Path, data: bytes) -> str:
    """Write ``data`` to ``out`` (replacing a file there) or to stdout; returns what was
    written to ('-' for stdout)."""
    path = check_output(out)
    if path is None:
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a text-only stream (some test runners, notebooks)
            sys.stdout.write(data.decode("utf-8"))
        else:
            buffer.write(data)
            buffer.flush()
        return "-"
    # the path itself, not a temporary sibling: write only where the user asked
    with path.open("wb") as handle:
        handle.write(data)
    return str(path)
