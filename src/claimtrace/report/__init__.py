"""Exports (json, jsonl, csv, graphml, geojson) and the self-contained HTML report."""

from __future__ import annotations

from claimtrace.report.export import FORMATS, export, render_export
from claimtrace.report.html import render_report, report
from claimtrace.report.snapshot import build_snapshot, snapshot

__all__ = [
    "FORMATS", "build_snapshot", "export", "render_export", "render_report", "report", "snapshot",
]  # fmt: skip
