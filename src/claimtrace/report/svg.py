"""Shared SVG building: ElementTree escapes every text and attribute, so labels taken from
articles (hostile) can never become markup. Styling is by class (the report's stylesheet)
and presentation attributes, never ``style=`` attributes, which the report's CSP forbids."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from typing import Any

# characters XML 1.0 cannot carry at all; they would make the page fail to parse
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: Any) -> str:
    return _NOT_XML.sub("", str(text))


def short(text: str, limit: int = 32) -> str:
    text = " ".join(clean(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def svg_root(width: float, height: float, label: str, css_class: str) -> ET.Element:
    return ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {width:.0f} {height:.0f}",
            "width": f"{width:.0f}",
            "height": f"{height:.0f}",
            "role": "img",
            "aria-label": clean(label),
            "class": f"chart {css_class}",
        },
    )


def add(parent: ET.Element, tag: str, title: str | None = None, **attrs: Any) -> ET.Element:
    """A child element; ``class_`` sets class; ``title`` adds a tooltip."""
    fixed = {k.rstrip("_").replace("_", "-"): _value(v) for k, v in attrs.items()}
    element = ET.SubElement(parent, tag, fixed)
    if title:
        ET.SubElement(element, "title").text = clean(title)
    return element


def label(parent: ET.Element, x: float, y: float, text: str, **attrs: Any) -> ET.Element:
    element = add(parent, "text", x=x, y=y, **attrs)
    element.text = clean(text)
    return element


def arrow_marker(root: ET.Element, marker_id: str) -> None:
    defs = add(root, "defs")
    # in user units, so thick (frequent) edges do not get giant arrowheads
    marker = add(defs, "marker", id=marker_id, viewBox="0 0 10 10", refX=9, refY=5,
                 markerWidth=9, markerHeight=9, markerUnits="userSpaceOnUse",
                 orient="auto-start-reverse")  # fmt: skip
    add(marker, "path", d="M 0 0 L 10 5 L 0 10 z", class_="arrowhead")


class Labels:
    """Greedy label placement: a label that would overlap one already placed is left out
    (its point keeps its tooltip), so the most important labels, placed first, stay legible."""

    def __init__(self) -> None:
        self.boxes: list[tuple[float, float, float, float]] = []

    def free(self, x: float, y: float, text: str, anchor: str = "start") -> bool:
        width, height = 6.2 * len(text), 12.0
        left = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
        box = (left, y - height, left + width, y + 2)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3]
               for b in self.boxes):  # fmt: skip
            return False
        self.boxes.append(box)
        return True


def empty(message: str, css_class: str) -> str:
    root = svg_root(600, 60, message, css_class)
    label(root, 20, 35, message, class_="empty")
    return to_string(root)


def to_string(root: ET.Element) -> str:
    return ET.tostring(root, encoding="unicode", short_empty_elements=True)


def stroke_for(count: int) -> float:
    return round(1 + 1.5 * math.log2(max(count, 1)), 2)


def _value(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.1f}"
    return clean(value)
