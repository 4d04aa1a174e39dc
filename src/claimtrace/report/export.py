"""``claimtrace export``: the snapshot of the store (or of one story) in one format.

- ``json``: the snapshot as one object (fields in ``report/snapshot.py`` and the README).
- ``jsonl``: one record a line, each with a ``type`` field: ``document``, ``actor``,
  ``place``, ``claim``, ``claim_group``, ``story``, ``actor_link``, ``citation_node``,
  ``citation_edge``; an actor's own type is in ``actor_type``.
- ``csv``: the claims, one row each, with outlet, date and language of their document, the
  names of their actors and places and the source chain joined by " > ". When the output
  name ends in ``.zip``, a zip of several CSV files instead: documents, actors, places,
  claims, claim_groups, stories and citation_edges.
- ``graphml``: actors (with co-occurrence edges: named in one claim) and the citation
  graph (outlet -> cited source edges with counts and first-seen dates), one graph.
- ``geojson``: places with coordinates as Point features with their mention counts, the
  claims set there and the documents naming them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimtrace.errors import ClaimtraceError
from claimtrace.report.export_csv import render_csv, render_csv_zip
from claimtrace.report.export_graphml import render_graphml
from claimtrace.report.export_json import render_geojson, render_json, render_jsonl
from claimtrace.report.output import check_output, write_output
from claimtrace.report.snapshot import snapshot
from claimtrace.store.base import Store

Renderer = Callable[[dict[str, Any]], bytes]
_RENDERERS: dict[str, Renderer] = {
    "json": render_json,
    "jsonl": render_jsonl,
    "csv": render_csv,
    "graphml": render_graphml,
    "geojson": render_geojson,
}
FORMATS = tuple(_RENDERERS)


def render_export(snap: dict[str, Any], format: str, zipped: bool = False) -> bytes:
    """The bytes of one export of a snapshot; ``zipped`` only applies to csv."""
    if format not in _RENDERERS:
        raise ClaimtraceError(f"unknown export format {format!r}; choose one of {FORMATS}")
    if format == "csv" and zipped:
        return render_csv_zip(snap)
    return _RENDERERS[format](snap)


def export(store: Store, format: str, out: str | Path, story: str | None = None) -> str:
    """Write the store (or story ``story``) as ``format`` to ``out`` ('-' = stdout);
    returns what was written to."""
    if format not in _RENDERERS:
        raise ClaimtraceError(f"unknown export format {format!r}; choose one of {FORMATS}")
    check_output(out)  # fail on a bad path before reading the store
    zipped = format == "csv" and str(out).lower().endswith(".zip")
    return write_output(out, render_export(snapshot(store, story), format, zipped))
