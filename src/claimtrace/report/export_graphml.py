"""GraphML: actors linked by co-occurrence in claims, and the citation graph, in one graph.

Citation nodes keyed by an actor id are the actor's node, so "Sky News" the cited source
and "Sky News" the actor are one node. Citation edges run citing -> cited. Co-occurrence
edges (relation "co-claim") have no direction: they run from the smaller id to the larger,
because readers such as networkx refuse graphs that mix directed and undirected edges.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from claimtrace.report.svg import clean

_NS = "http://graphml.graphdrawing.org/xmlns"
# (id, for, attr.name, attr.type)
_KEYS = (
    ("label", "node", "label", "string"),
    ("kind", "node", "kind", "string"),  # actor | outlet | source
    ("actor_type", "node", "actor_type", "string"),
    ("roles", "node", "roles", "string"),
    ("mentions", "node", "mentions", "int"),
    ("node_claims", "node", "claims", "int"),
    ("node_first_seen", "node", "first_seen", "string"),
    ("relation", "edge", "relation", "string"),  # co-claim | cites
    ("weight", "edge", "weight", "int"),
    ("edge_first_seen", "edge", "first_seen", "string"),
)


def render_graphml(snap: dict[str, Any]) -> bytes:
    root = ET.Element("graphml", {"xmlns": _NS})
    for key, domain, name, kind in _KEYS:
        ET.SubElement(root, "key", {"id": key, "for": domain, "attr.name": name,
                                    "attr.type": kind})  # fmt: skip
    graph = ET.SubElement(root, "graph", {"id": "claimtrace", "edgedefault": "directed"})
    nodes: dict[str, dict[str, Any]] = {}
    for actor in snap["actors"]:
        nodes[actor["id"]] = {
            "label": actor["name"],
            "kind": "actor",
            "actor_type": actor["type"],
            "mentions": actor["mentions"],
        }
    for node in snap["citations"]["nodes"]:
        entry = nodes.setdefault(node["id"], {"label": node["label"], "kind": "source"})
        if "outlet" in node["roles"] and entry["kind"] == "source":
            entry["kind"] = "outlet"
        entry.update(roles=" ".join(node["roles"]), node_claims=node["claims"],
                     node_first_seen=node["first_seen"])  # fmt: skip
    for node_id in sorted(nodes):
        _data(ET.SubElement(graph, "node", {"id": clean(node_id)}), nodes[node_id])
    for i, link in enumerate(snap["actor_links"]):
        edge = ET.SubElement(
            graph,
            "edge",
            {
                "id": f"a{i}",
                "source": clean(link["source"]),
                "target": clean(link["target"]),
            },
        )
        _data(edge, {"relation": "co-claim", "weight": link["count"]})
    for i, link in enumerate(snap["citations"]["edges"]):
        ends = {"source": clean(link["source"]), "target": clean(link["target"])}
        edge = ET.SubElement(graph, "edge", {"id": f"c{i}", **ends})
        _data(edge, {"relation": "cites", "weight": link["count"],
                     "edge_first_seen": link["first_seen"]})  # fmt: skip
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _data(parent: ET.Element, values: dict[str, Any]) -> None:
    for key in (k for k, *_ in _KEYS):
        value = values.get(key)
        if value is not None and value != "":
            ET.SubElement(parent, "data", {"key": key}).text = clean(value)
