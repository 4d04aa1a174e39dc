"""The map of places: an equirectangular lon/lat plot with a graticule, no tiles."""

from __future__ import annotations

import math
from typing import Any

from claimtrace.report.svg import Labels, add, empty, label, short, svg_root, to_string

_WIDTH, _PAD = 900, 40
_STEPS = (0.5, 1, 2, 5, 10, 15, 30, 45, 90)


def map_svg(places: list[dict[str, Any]], limit: int = 150) -> str:
    located = [p for p in places if p["lat"] is not None and p["lon"] is not None]
    if not located:
        return empty("No places with coordinates: no map to draw.", "map")
    located.sort(key=lambda p: (-p["mentions"] - len(p["claims"]), p["name"], p["id"]))
    # a country's centroid says little and would stretch the map over half the globe: draw
    # countries only when nothing finer is known
    finer = [p for p in located if p["kind"] != "country"]
    located = (finer or located)[:limit]
    lats, lons = [p["lat"] for p in located], [p["lon"] for p in located]
    # at least 4 degrees each way so one city is not drawn on an absurd scale
    south, north = _widen(min(lats), max(lats), 4)
    west, east = _widen(min(lons), max(lons), 4)
    south, north = max(south, -90), min(north, 90)
    west, east = max(west, -180), min(east, 180)
    # equirectangular, with longitude shrunk by the cosine of the middle latitude
    aspect = math.cos(math.radians((south + north) / 2))
    scale = (_WIDTH - 2 * _PAD) / max((east - west) * aspect, 1e-6)
    height = min(max((north - south) * scale + 2 * _PAD, 240), 900)
    scale = min(scale, (height - 2 * _PAD) / max(north - south, 1e-6))

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return _PAD + (lon - west) * aspect * scale, _PAD + (north - lat) * scale

    root = svg_root(_WIDTH, height, "Map of places named in the documents", "map")
    step = next((s for s in _STEPS if max(north - south, east - west) / s <= 8), 90)
    for lat in _range(south, north, step):
        (x1, y), (x2, _) = xy(lat, west), xy(lat, east)
        add(root, "line", x1=x1, y1=y, x2=x2, y2=y, class_="grid")
        label(root, 4, y + 4, f"{lat:g}°", class_="tick")
    for lon in _range(west, east, step):
        (x, y1), (_, y2) = xy(north, lon), xy(south, lon)
        add(root, "line", x1=x, y1=y1, x2=x, y2=y2, class_="grid")
        label(root, x, height - 8, f"{lon:g}°", text_anchor="middle", class_="tick")
    labels = Labels()
    for place in located:
        x, y = xy(place["lat"], place["lon"])
        tip = (f"{place['name']} ({place['lat']:.3f}, {place['lon']:.3f}): "
               f"{place['mentions']} mention(s), {len(place['claims'])} claim(s)")  # fmt: skip
        group = add(root, "g", title=tip, class_="node place")
        add(group, "circle", cx=x, cy=y, r=3 + min(9, math.sqrt(place["mentions"] or 1)))
        name = short(place["name"], 22)
        if labels.free(x + 8, y - 6, name):
            label(group, x + 8, y - 6, name)
    return to_string(root)


def _widen(low: float, high: float, minimum: float) -> tuple[float, float]:
    middle, half = (low + high) / 2, max((high - low) / 2 * 1.15, minimum / 2)
    return middle - half, middle + half


def _range(low: float, high: float, step: float) -> list[float]:
    first = math.ceil(low / step) * step
    return [first + i * step for i in range(int((high - first) // step) + 1)]
