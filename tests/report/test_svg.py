"""The SVG pieces on hand-made data: dates, ticks, escaping, label placement, map extent."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from claimtrace.report.output import OutputError, check_output, write_output
from claimtrace.report.svg import Labels
from claimtrace.report.svg_graphs import citation_svg, network_svg
from claimtrace.report.svg_map import map_svg
from claimtrace.report.svg_timeline import _ticks, parse_day, time_span, timeline_svg

SVG = "{http://www.w3.org/2000/svg}"


def _place(name: str, lat: float, lon: float, kind: str = "locality") -> dict:
    return {"id": name, "name": name, "kind": kind, "country": None, "lat": lat, "lon": lon,
            "aliases": [], "mentions": 2, "documents": [], "claims": []}  # fmt: skip


def test_dates_and_spans() -> None:
    assert parse_day("2019-04-05T12:00:00") == date(2019, 4, 5)
    assert parse_day("2019-02", end=True) == date(2019, 2, 28)
    assert parse_day("2015", end=True) == date(2015, 12, 31)
    assert parse_day("soon") is None and parse_day(None) is None
    assert time_span("2015-05/2015-06") == (date(2015, 5, 1), date(2015, 6, 30))
    assert time_span("2019-13-40") is None


def test_ticks_are_round() -> None:
    ticks, step = _ticks(date(2012, 12, 31), date(2020, 1, 2))
    assert step == 12 and ticks[0] == date(2013, 1, 1) and ticks[-1] == date(2020, 1, 1)
    ticks, step = _ticks(date(2019, 3, 4), date(2019, 9, 1))
    assert step == 1 and ticks[0] == date(2019, 4, 1) and len(ticks) == 6
    ticks, step = _ticks(date(2019, 3, 4), date(2019, 4, 1))
    assert step == 0 and all(t.weekday() == 0 for t in ticks)


def test_timeline_escapes_and_parses() -> None:
    docs = [{"id": "d", "published": "2019-04-05", "outlet": "<script>x</script>", "title": None}]
    claims = [{"id": "c", "time": "2019-04", "text": "a <b>", "modality": "reported"}]
    svg = timeline_svg(docs, claims)
    root = ET.fromstring(svg)
    assert "<script>" not in svg and root.find(f"{SVG}script") is None
    assert any("<script>x</script>" in (t.text or "") for t in root.iter(f"{SVG}title"))


def test_map_leaves_out_countries_when_cities_are_known() -> None:
    svg = map_svg([_place("Raqqa", 35.95, 39.01), _place("Homs", 34.73, 36.72),
                   _place("United States", 39.8, -98.6, "country")])  # fmt: skip
    assert "Raqqa" in svg and "United States" not in svg
    assert "°" in svg  # graticule labels
    assert "United States" in map_svg([_place("United States", 39.8, -98.6, "country")])
    assert "no map" in map_svg([{**_place("Nowhere", 0, 0), "lat": None}])


def test_graphs_with_nothing_to_draw() -> None:
    assert "no citation chains" in citation_svg({"nodes": [], "edges": []})
    assert "no actor network" in network_svg([], [])


def test_labels_do_not_overlap() -> None:
    labels = Labels()
    assert labels.free(10, 10, "Damascus")
    assert not labels.free(12, 12, "Homs")
    assert labels.free(10, 40, "Homs")


def test_output_paths(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert check_output("-") is None
    with pytest.raises(OutputError, match="directory"):
        check_output(tmp_path)
    with pytest.raises(OutputError, match="does not exist"):
        write_output(tmp_path / "missing" / "x.json", b"{}")
    assert write_output(tmp_path / "x.json", b"{}") == str(tmp_path / "x.json")
    assert write_output("-", b"hello") == "-"
    assert capsysbinary.readouterr().out == b"hello"
