"""Ingest speed: documents per second for the trafilatura-eval HTML pages (../shared/evaldata).

The pages are gunzipped into a temporary folder first (not timed); then
``claimtrace.api.ingest([folder], db=<temporary sqlite file>)`` is timed twice: a first run
into an empty store and a second run over the same folder (everything already stored).
Writes bench/results/ingest_speed.json.

    .venv/bin/python bench/ingest_speed.py
    .venv/bin/python bench/ingest_speed.py --limit 100
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _common import (
    EvalPage,
    add_common_arguments,
    command_line,
    display_path,
    load_eval_pages,
    machine_info,
    read_html,
    trafilatura_eval_dir,
    write_result,
)
from tqdm import tqdm

from claimtrace.api import ingest
from claimtrace.records import IngestSummary


@dataclass(frozen=True)
class RunResult:
    label: str
    documents: int  # input files offered to ingest
    seconds: float
    summary: IngestSummary | None
    error: str | None = None

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "documents": self.documents,
            "seconds": round(self.seconds, 3),
            "docs_per_second": round(self.docs_per_second, 2),
            "error": self.error,
        }
        if self.summary is not None:
            out.update(summary_counts(self.summary))
            out["top_failure_reasons"] = top_failures(self.summary)
        return out


def summary_counts(summary: IngestSummary) -> dict[str, int]:
    warnings = sum(1 for f in summary.failures if f.severity != "error")
    return {
        "added": len(summary.added),
        "duplicates": len(summary.duplicates),
        "skipped_already_stored": len(summary.skipped),
        "failures": len(summary.errors),
        "warnings": warnings,
    }


def top_failures(summary: IngestSummary, n: int = 5) -> dict[str, int]:
    reasons = Counter(f"{f.severity} {f.stage}: {f.reason[:100]}" for f in summary.failures)
    return dict(reasons.most_common(n))


def materialise(pages: list[EvalPage], folder: Path, target: Path) -> int:
    """Write each page's gunzipped HTML as <target>/<file>; returns the number written."""
    target.mkdir(parents=True, exist_ok=True)
    for page in tqdm(pages, desc="unpacking", unit="page", file=sys.stderr):
        name = Path(page.file).name
        if not name.endswith((".html", ".htm")):
            name += ".html"
        (target / name).write_bytes(read_html(folder, page.file))
    return sum(1 for _ in target.iterdir())


def timed_ingest(label: str, pages_dir: Path, db: Path, documents: int) -> RunResult:
    bar = tqdm(total=documents, desc=label, unit="doc", file=sys.stderr)
    start = time.perf_counter()
    try:
        summary = ingest([pages_dir], db=db, on_item=lambda _source: bar.update())
    except Exception as exc:  # a benchmark reports a broken pipeline instead of dying
        seconds = time.perf_counter() - start
        bar.close()
        return RunResult(label, documents, seconds, None, f"{type(exc).__name__}: {exc}")
    seconds = time.perf_counter() - start
    bar.close()
    return RunResult(label, documents, seconds, summary)


def print_run(run: RunResult) -> None:
    line = f"{run.label:<22} {run.documents:5d} docs  {run.seconds:8.2f} s  "
    line += f"{run.docs_per_second:8.1f} docs/s"
    if run.summary is not None:
        counts = summary_counts(run.summary)
        line += (
            f"  added {counts['added']}, duplicates {counts['duplicates']}, "
            f"failures {counts['failures']} (+{counts['warnings']} warnings), "
            f"skipped {counts['skipped_already_stored']}"
        )
    print(line)
    if run.error:
        print(f"  ERROR: ingest raised {run.error}")
    elif run.summary is not None:
        for reason, count in top_failures(run.summary).items():
            print(f"  {count} x {reason}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_common_arguments(parser)
    return parser.parse_args(argv)


def run_benchmark(pages: list[EvalPage], folder: Path, work: Path) -> dict[str, Any]:
    pages_dir, db = work / "pages", work / "store" / "bench.db"
    db.parent.mkdir()
    documents = materialise(pages, folder, pages_dir)
    first = timed_ingest("first run (cold store)", pages_dir, db, documents)
    second = timed_ingest("second run (all stored)", pages_dir, db, documents)
    for run in (first, second):
        print_run(run)
    size = db.stat().st_size if db.exists() else 0
    print(f"store size after both runs: {size / 1e6:.1f} MB")
    return {"first_run": first.to_dict(), "second_run": second.to_dict(), "store_bytes": size}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.disable(logging.CRITICAL)  # library warnings would flood the output
    folder = trafilatura_eval_dir(args.evaldata)
    pages = load_eval_pages(folder, args.limit)
    command = command_line()
    machine = machine_info()
    print(f"command: {command}")
    print(f"machine: {machine['cpu_count']} CPUs (os.cpu_count()), {machine['platform']}")
    with tempfile.TemporaryDirectory(prefix="claimtrace-bench-") as tmp:
        runs = run_benchmark(pages, folder, Path(tmp))
    payload = {
        "benchmark": "ingest_speed",
        "command": command,
        "dataset": str(folder),
        "pages": len(pages),
        "limit": args.limit,
        "machine": machine,
        **runs,
    }
    print(f"wrote {display_path(write_result('ingest_speed', payload))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
