"""Every export format, written from a store filled by the real pipeline plus fixture rows."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from claimtrace.errors import ClaimtraceError
from claimtrace.report import FORMATS, export, snapshot
from claimtrace.report.export_graphml import render_graphml
from claimtrace.report.output import OutputError
from claimtrace.store.sqlite import SQLiteStore
from tests.report.conftest import HOSTILE_IMG, Fixture

pytestmark = pytest.mark.slow  # the analyse stage loads the NER models
G = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def store(filled: Fixture):  # type: ignore[no-untyped-def]
    opened = SQLiteStore(filled.db)
    yield opened
    opened.close()


def test_json_is_the_snapshot(store: SQLiteStore, tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    assert export(store, "json", path) == str(path)
    data = json.loads(path.read_text("utf-8"))
    assert data == json.loads(json.dumps(snapshot(store)))
    assert {"documents", "actors", "claims", "claim_groups", "stories"} <= set(data)


def test_jsonl_has_one_typed_record_a_line(store: SQLiteStore, tmp_path: Path) -> None:
    export(store, "jsonl", tmp_path / "out.jsonl")
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").open(encoding="utf-8")]
    kinds = {r["type"] for r in records}
    assert {"document", "actor", "place", "claim", "claim_group", "story", "citation_edge",
            "citation_node", "actor_link"} == kinds  # fmt: skip
    actor = next(r for r in records if r["type"] == "actor")
    assert "actor_type" in actor
    snap = snapshot(store)
    assert sum(r["type"] == "claim" for r in records) == len(snap["claims"])


def test_csv_claims(store: SQLiteStore, tmp_path: Path) -> None:
    export(store, "csv", tmp_path / "claims.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "claims.csv").read_text("utf-8-sig"))))
    by_id = {r["id"]: r for r in rows}
    assert by_id["clm_fixture01"]["sources"] == "Sky News > leaked Islamic State files"
    assert by_id["clm_fixture01"]["group_label"] == "Palmyra handed back to the regime"
    assert HOSTILE_IMG in by_id["clm_fixture09"]["text"]
    assert by_id["clm_fixture09"]["outlet"] == "Hostile <b>Times</b>"


def test_csv_zip_holds_every_table(store: SQLiteStore, tmp_path: Path) -> None:
    export(store, "csv", tmp_path / "all.zip")
    with zipfile.ZipFile(tmp_path / "all.zip") as archive:
        names = set(archive.namelist())
        documents = archive.read("documents.csv").decode("utf-8-sig")
    assert names == {"documents.csv", "actors.csv", "places.csv", "claims.csv",
                     "claim_groups.csv", "stories.csv", "citation_edges.csv",
                     "corrections.csv"}  # fmt: skip
    assert len(list(csv.DictReader(io.StringIO(documents)))) == 6


def test_graphml_is_valid_and_merges_actors_with_citation_nodes(
    store: SQLiteStore, tmp_path: Path
) -> None:
    export(store, "graphml", tmp_path / "graph.graphml")
    root = ET.parse(tmp_path / "graph.graphml").getroot()
    graph = root.find(f"{G}graph")
    assert root.tag == f"{G}graphml" and graph is not None
    keys = {k.get("id") for k in root.findall(f"{G}key")}
    nodes = {n.get("id") for n in graph.findall(f"{G}node")}
    assert len(nodes) == len(graph.findall(f"{G}node"))  # ids unique
    for edge in graph.findall(f"{G}edge"):
        assert edge.get("source") in nodes and edge.get("target") in nodes
        assert all(d.get("key") in keys for d in edge.findall(f"{G}data"))
    sky = [n for n in graph.findall(f"{G}node") if n.get("id") == "actor:sky-news"]
    assert len(sky) == 1
    data = {d.get("key"): d.text for d in sky[0].findall(f"{G}data")}
    assert data["kind"] == "actor" and "cited" in data["roles"].split()
    relations = {d.text for d in graph.iter(f"{G}data") if d.get("key") == "relation"}
    assert relations == {"co-claim", "cites"}


def test_graphml_reads_back_in_networkx(store: SQLiteStore, tmp_path: Path) -> None:
    networkx = pytest.importorskip("networkx", reason="networkx not installed (optional check)")
    export(store, "graphml", tmp_path / "graph.graphml")
    graph = networkx.read_graphml(tmp_path / "graph.graphml")
    assert graph.nodes["actor:sky-news"]["kind"] == "actor"


def test_graphml_drops_characters_xml_cannot_hold() -> None:
    snap = {"actors": [{"id": "a1", "name": "bad\x00\x1bname", "type": "person", "mentions": 1}],
            "actor_links": [], "citations": {"nodes": [], "edges": []}}  # fmt: skip
    root = ET.fromstring(render_graphml(snap))
    assert [d.text for d in root.iter(f"{G}data")][0] == "badname"


def test_geojson_points(store: SQLiteStore, tmp_path: Path) -> None:
    export(store, "geojson", tmp_path / "places.geojson")
    data = json.loads((tmp_path / "places.geojson").read_text("utf-8"))
    assert data["type"] == "FeatureCollection" and data["features"]
    for feature in data["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point"
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert {"name", "mentions", "claims"} <= set(feature["properties"])
    hostile = next(f for f in data["features"] if f["id"] == "place:x-hostile")
    assert hostile["properties"]["claims"] == ["clm_fixture09"]


def test_story_export(store: SQLiteStore, filled: Fixture, tmp_path: Path) -> None:
    export(store, "json", tmp_path / "story.json", story=filled.hostile_story)
    data = json.loads((tmp_path / "story.json").read_text("utf-8"))
    assert [d["id"] for d in data["documents"]] == [filled.hostile]


def test_stdout(store: SQLiteStore, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert export(store, "geojson", "-") == "-"
    assert json.loads(capsysbinary.readouterr().out)["type"] == "FeatureCollection"


@pytest.mark.parametrize("fmt", FORMATS)
def test_refuses_to_overwrite_a_directory(store: SQLiteStore, tmp_path: Path, fmt: str) -> None:
    (tmp_path / "keep").mkdir()
    with pytest.raises(OutputError, match="directory"):
        export(store, fmt, tmp_path / "keep")
    assert (tmp_path / "keep").is_dir() and not any((tmp_path / "keep").iterdir())


def test_refuses_a_missing_folder_and_unknown_format(store: SQLiteStore, tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        export(store, "json", tmp_path / "nope" / "out.json")
    assert not (tmp_path / "nope").exists()
    with pytest.raises(ClaimtraceError, match="unknown export format"):
        export(store, "xlsx", tmp_path / "out.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_writes_only_the_file_asked_for(store: SQLiteStore, tmp_path: Path) -> None:
    (tmp_path / "old.json").write_text("stale")
    export(store, "json", tmp_path / "old.json")
    assert [p.name for p in tmp_path.iterdir()] == ["old.json"]
    assert json.loads((tmp_path / "old.json").read_text("utf-8"))["documents"]
