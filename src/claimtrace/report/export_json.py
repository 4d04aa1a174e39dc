"""JSON, JSON Lines and GeoJSON renderings of a snapshot."""

from __future__ import annotations

import json
from typing import Any

# snapshot key -> the ``type`` of its records in JSON Lines
_JSONL_TYPES = (
    ("documents", "document"), ("actors", "actor"), ("places", "place"), ("claims", "claim"),
    ("claim_groups", "claim_group"), ("stories", "story"), ("actor_links", "actor_link"),
    ("corrections", "correction"),
)  # fmt: skip


def render_json(snap: dict[str, Any]) -> bytes:
    return (json.dumps(snap, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def render_jsonl(snap: dict[str, Any]) -> bytes:
    lines = []
    for key, kind in _JSONL_TYPES:
        for record in snap[key]:
            lines.append(_line(kind, record))
    for node in snap["citations"]["nodes"]:
        lines.append(_line("citation_node", node))
    for edge in snap["citations"]["edges"]:
        lines.append(_line("citation_edge", edge))
    return "".join(lines).encode("utf-8")


def _line(kind: str, record: dict[str, Any]) -> str:
    fields = dict(record)
    if "type" in fields:  # actors carry their own type (person, organisation, ...)
        fields[f"{kind}_type"] = fields.pop("type")
    return json.dumps({"type": kind, **fields}, ensure_ascii=False) + "\n"


def render_geojson(snap: dict[str, Any]) -> bytes:
    features = [
        {
            "type": "Feature",
            "id": place["id"],
            "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
            "properties": {
                "id": place["id"],
                "name": place["name"],
                "kind": place["kind"],
                "country": place["country"],
                "aliases": place["aliases"],
                "mentions": place["mentions"],
                "claims": place["claims"],
                "documents": place["documents"],
            },
        }
        for place in snap["places"]
        if place["lat"] is not None and place["lon"] is not None
    ]
    collection = {"type": "FeatureCollection", "features": features}
    return (json.dumps(collection, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
