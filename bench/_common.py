"""Helpers shared by the benchmark scripts: eval-data location, loading, result files."""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shlex
import subprocess
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
DEFAULT_EVALDATA = REPO_DIR.parent / "shared" / "evaldata"
RESULTS_DIR = BENCH_DIR / "results"
TRAFILATURA_EVAL = "trafilatura-eval"


@dataclass(frozen=True)
class EvalPage:
    """One page of the trafilatura evaluation set with its gold snippets."""

    url: str
    file: str
    with_: tuple[str, ...]
    without: tuple[str, ...]

    @property
    def real_url(self) -> str | None:
        """The key when it is an http(s) URL; some keys are labels such as ``hard::x.html``."""
        return self.url if self.url.startswith(("http://", "https://")) else None


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--evaldata",
        type=Path,
        default=DEFAULT_EVALDATA,
        help=f"folder holding the shared evaluation data (default: {DEFAULT_EVALDATA})",
    )
    parser.add_argument(
        "--limit", type=int, default=None, help="use only the first N pages (quick runs)"
    )


def trafilatura_eval_dir(evaldata: Path) -> Path:
    folder = evaldata / TRAFILATURA_EVAL
    if not (folder / "evaldata.json").is_file():
        sys.exit(f"error: {folder}/evaldata.json not found; pass --evaldata <folder>")
    return folder


def load_eval_pages(folder: Path, limit: int | None = None) -> list[EvalPage]:
    """Pages in the order of evaldata.json, the first ``limit`` of them if given."""
    data = json.loads((folder / "evaldata.json").read_text("utf-8"))
    pages = [
        EvalPage(url, entry["file"], tuple(entry["with"]), tuple(entry["without"]))
        for url, entry in data.items()
    ]
    return pages if limit is None else pages[: max(limit, 0)]


def read_html(folder: Path, file: str) -> bytes:
    """The raw HTML bytes of one page (stored gzip-compressed as html/<file>.gz)."""
    with gzip.open(folder / "html" / f"{file}.gz", "rb") as handle:
        return handle.read()


def command_line() -> str:
    """The command that is running, as typed, prefixed with the directory it ran in."""
    return f"(cd {shlex.quote(os.getcwd())} && {shlex.join(sys.orig_argv)})"


def _git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "-C", str(REPO_DIR), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def machine_info() -> dict[str, Any]:
    return {
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "trafilatura": _version("trafilatura"),
        "claimtrace": _version("claimtrace"),
        "git_commit": _git_commit(),
    }


def write_result(name: str, payload: dict[str, Any]) -> Path:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{name}.json"
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return path


def display_path(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
