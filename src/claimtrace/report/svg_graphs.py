"""The citation graph (layered, citing -> cited, left to right) and the actor network
(actors on a circle, linked when one claim names both)."""

from __future__ import annotations

import math
from collections import defaultdict, deque
from typing import Any

from claimtrace.report.svg import (
    add,
    arrow_marker,
    empty,
    label,
    short,
    stroke_for,
    svg_root,
    to_string,
)

_COLUMN, _ROW, _MARGIN = 230, 34, 30


def citation_svg(citations: dict[str, Any], limit: int = 120) -> str:
    nodes = {n["id"]: n for n in citations["nodes"]}
    if not nodes:
        return empty("No attributed claims: no citation chains to draw.", "citations")
    kept = sorted(nodes.values(), key=lambda n: (-n["claims"], n["label"], n["id"]))[:limit]
    keep = {n["id"] for n in kept}
    edges = [e for e in citations["edges"] if e["source"] in keep and e["target"] in keep]
    depth = _depths(keep, edges, {n["id"] for n in kept if "outlet" in n["roles"]})
    columns: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for node in sorted(kept, key=lambda n: (-n["claims"], n["label"], n["id"])):
        columns[depth[node["id"]]].append(node)
    width = _MARGIN * 2 + _COLUMN * len(columns) + 80
    height = _MARGIN * 2 + _ROW * max(len(c) for c in columns.values())
    root = svg_root(width, height, "Citation graph: who cites whom", "citations")
    arrow_marker(root, "cite-arrow")
    where: dict[str, tuple[float, float]] = {}
    for index, level in enumerate(sorted(columns)):
        for row, node in enumerate(columns[level]):
            where[node["id"]] = (_MARGIN + 10 + index * _COLUMN, _MARGIN + 10 + row * _ROW)
    for edge in edges:
        (x1, y1), (x2, y2) = where[edge["source"]], where[edge["target"]]
        bend = 0 if x2 > x1 else 60  # back or same-column links arc below
        path = f"M {x1:.0f} {y1:.0f} C {x1 + 80:.0f} {y1 + bend:.0f} {x2 - 80:.0f} " \
               f"{y2 + bend:.0f} {x2 - 8:.0f} {y2:.0f}"  # fmt: skip
        tip = (
            f"{nodes[edge['source']]['label']} → {nodes[edge['target']]['label']}: "
            f"{edge['count']} claim(s), first seen {edge['first_seen'] or 'undated'}"
        )
        add(root, "path", title=tip, d=path, class_="edge", stroke_width=stroke_for(edge["count"]),
            marker_end="url(#cite-arrow)")  # fmt: skip
    for node_id, (x, y) in where.items():
        node = nodes[node_id]
        role = node["roles"][0]  # outlet, else cited, else original
        tip = (
            f"{node['label']} ({', '.join(node['roles'])}): {node['claims']} claim(s), "
            f"first seen {node['first_seen'] or 'undated'}"
        )
        group = add(root, "g", title=tip, class_=f"node {role}")
        add(group, "circle", cx=x, cy=y, r=7)
        label(group, x + 11, y + 4, short(node["label"], 30))
    return to_string(root)


def _depths(keep: set[str], edges: list[dict[str, Any]], outlets: set[str]) -> dict[str, int]:
    """Shortest distance from an outlet; nodes no outlet reaches sit in the first column."""
    following: dict[str, list[str]] = defaultdict(list)
    for edge in edges:
        following[edge["source"]].append(edge["target"])
    depth = {node: 0 for node in outlets}
    queue = deque(sorted(outlets))
    while queue:
        node = queue.popleft()
        for target in following[node]:
            if target not in depth:
                depth[target] = depth[node] + 1
                queue.append(target)
    return {node: depth.get(node, 0) for node in keep}


def network_svg(actors: list[dict[str, Any]], links: list[dict[str, Any]], limit: int = 30) -> str:
    weight: dict[str, int] = defaultdict(int)
    for link in links:
        weight[link["source"]] += link["count"]
        weight[link["target"]] += link["count"]
    if not weight:
        return empty("No claim names two actors yet: no actor network to draw.", "network")
    names = {a["id"]: a["name"] for a in actors}
    mentions = {a["id"]: a["mentions"] for a in actors}
    chosen = sorted(weight, key=lambda a: (-weight[a], names.get(a, a), a))[:limit]
    size = 260 + 14 * len(chosen)
    centre, radius = size / 2 + 180, size / 2
    root = svg_root(size + 360, size + 80, "Actor network: actors named in one claim", "network")
    where = {}
    for i, actor in enumerate(chosen):
        angle = 2 * math.pi * i / len(chosen) - math.pi / 2
        where[actor] = (centre + radius * math.cos(angle), 40 + radius + radius * math.sin(angle))
    for link in links:
        if link["source"] in where and link["target"] in where:
            (x1, y1), (x2, y2) = where[link["source"]], where[link["target"]]
            tip = (
                f"{names.get(link['source'], link['source'])} – "
                f"{names.get(link['target'], link['target'])}: {link['count']} claim(s)"
            )
            add(root, "line", title=tip, x1=x1, y1=y1, x2=x2, y2=y2, class_="edge",
                stroke_width=stroke_for(link["count"]))  # fmt: skip
    for actor, (x, y) in where.items():
        name = names.get(actor, actor)
        tip = f"{name}: {mentions.get(actor, 0)} mention(s), {weight[actor]} link(s)"
        group = add(root, "g", title=tip, class_="node actor")
        add(group, "circle", cx=x, cy=y, r=4 + min(10, math.sqrt(mentions.get(actor, 0) or 1)))
        anchor = "start" if x >= centre else "end"
        label(group, x + (14 if x >= centre else -14), y + 4, short(name, 26),
              text_anchor=anchor)  # fmt: skip
    return to_string(root)
