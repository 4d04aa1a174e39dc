"""CSV renderings: the claims as one table, or a zip of one CSV per kind of record."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from typing import Any

CLAIM_COLUMNS = (
    "id", "document", "outlet", "published", "language", "modality", "negated", "relation",
    "verb", "subject", "subject_names", "object", "object_names", "sources", "source_actors",
    "places", "place_names", "time", "group", "group_label", "stance", "start", "end", "text",
)  # fmt: skip
_TABLES = {
    "documents": ("id", "source", "title", "language", "languages", "published", "outlet",
                  "author", "url", "copies", "text"),
    "actors": ("id", "name", "type", "country", "aliases", "mentions", "documents",
               "corrections"),
    "places": ("id", "name", "kind", "country", "lat", "lon", "aliases", "mentions",
               "documents", "claims", "corrections"),
    "claim_groups": ("id", "label", "relation", "claims", "documents", "languages",
                     "modalities", "contradicting"),
    "stories": ("id", "label", "documents"),
    "corrections": ("id", "action", "entity", "target", "alias", "document_id", "value",
                    "note", "analyst", "created_at", "undone_at", "undone_by"),
}  # fmt: skip
_EDGE_COLUMNS = ("source", "target", "count", "first_seen", "documents", "claims")
# a cell a spreadsheet would run as a formula; article text is hostile
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def claim_rows(snap: dict[str, Any]) -> list[dict[str, Any]]:
    documents = {d["id"]: d for d in snap["documents"]}
    actors = {a["id"]: a["name"] for a in snap["actors"]}
    places = {p["id"]: p["name"] for p in snap["places"]}
    groups = {g["id"]: g["label"] for g in snap["claim_groups"]}
    rows = []
    for claim in snap["claims"]:
        doc = documents.get(claim["document"], {})
        rows.append(
            {
                **{k: claim[k] for k in CLAIM_COLUMNS if k in claim},
                "outlet": doc.get("outlet"),
                "published": doc.get("published"),
                "subject_names": [actors.get(a, a) for a in claim["subject"]],
                "object_names": [actors.get(a, a) for a in claim["object"]],
                "sources": " > ".join(s["name"] for s in claim["sources"]),
                "source_actors": " > ".join(s["actor"] or "" for s in claim["sources"]),
                "place_names": [places.get(p, p) for p in claim["places"]],
                "group_label": groups.get(claim["group"]),
            }
        )
    return rows


def render_csv(snap: dict[str, Any]) -> bytes:
    return _table(CLAIM_COLUMNS, claim_rows(snap))


def render_csv_zip(snap: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, columns in _TABLES.items():
            _add(archive, f"{name}.csv", _table(columns, snap[name]))
        _add(archive, "claims.csv", render_csv(snap))
        _add(archive, "citation_edges.csv", _table(_EDGE_COLUMNS, snap["citations"]["edges"]))
    return buffer.getvalue()


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    # a fixed timestamp keeps the zip byte-identical across runs
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


def _table(columns: Iterable[str], rows: Iterable[dict[str, Any]]) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    columns = tuple(columns)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    # a BOM so spreadsheets read the UTF-8 (Arabic, Cyrillic) correctly
    return ("\ufeff" + text.getvalue()).encode("utf-8")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    if not isinstance(value, int | float) and text.startswith(_FORMULA_START):
        return "'" + text
    return text
