"""The analyse engine: a document's analysis depends only on the document, the models and
the settings (not on what the process analysed before, issue 10 case 7), and the store is
the same whether one process or several workers analyse it.

Real pages: the seed articles and German pages of the trafilatura evaluation set."""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from claimtrace import api
from claimtrace.config import Config
from tests.conftest import SEEDS, SHARED

TRAFILATURA = SHARED / "evaldata" / "trafilatura-eval"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not SEEDS.is_dir() or not TRAFILATURA.is_dir(), reason="../shared data not present"
    ),
]
# what analyse writes, per document; the link stage's tables are not compared
TABLES = (
    "analyses",
    "sentences",
    "mentions",
    "time_expressions",
    "attributions",
    "claims",
    "claim_actors",
    "claim_places",
    "claim_sources",
    "actors",
    "places",
    "failures",
)
CLOCK_COLUMNS = frozenset({"analysed_at", "first_seen", "last_seen", "created_at"})


def dump(db: str, document_id: str | None = None) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the analysis tables (one document's, if given), clock columns left out,
    in a stable order."""
    out: dict[str, list[tuple[object, ...]]] = {}
    with sqlite3.connect(db) as conn:
        for table in TABLES:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            keep = [c for c in columns if c not in CLOCK_COLUMNS]
            where, args = "", ()
            if document_id is not None:
                if "document_id" in columns:
                    where, args = " WHERE document_id = ?", (document_id,)
                elif "claim_id" in columns:
                    where = " WHERE claim_id IN (SELECT id FROM claims WHERE document_id = ?)"
                    args = (document_id,)
                else:
                    continue  # shared tables (actors, places) depend on the other documents
            names = ", ".join(f'"{c}"' for c in keep)
            rows = conn.execute(f"SELECT {names} FROM {table}{where}", args).fetchall()
            out[table] = sorted(rows, key=repr)
    return out


def german_pages(count: int) -> list[tuple[str, bytes]]:
    """The first ``count`` pages (by file name) whose URL is on a .de host."""
    meta = json.loads((TRAFILATURA / "evaldata.json").read_text("utf-8"))
    files = sorted(
        v["file"] for k, v in meta.items() if (urlsplit(k).hostname or "").endswith(".de")
    )
    return [(name, page(name)) for name in files[:count]]


def page(name: str) -> bytes:
    return gzip.decompress((TRAFILATURA / "html" / f"{name}.gz").read_bytes())


def _corpus(folder: Path, seeds: tuple[str, ...], pages: int, *named: str) -> Path:
    folder.mkdir()
    for path in sorted(SEEDS.iterdir()):
        if path.name[:3] in seeds:
            (folder / path.name).write_bytes(path.read_bytes())
    for name, data in german_pages(pages):
        (folder / name).write_bytes(data)
    for name in named:
        (folder / name).write_bytes(page(name))
    return folder


def _analyse_in_fresh_process(*dbs: str) -> None:
    """``api.analyse`` on each store in turn, in one new Python process (nothing loaded)."""
    code = "import sys\nfrom claimtrace import api\nfor db in sys.argv[1:]:\n" + (
        "    api.analyse(db=db, link=False)\n"
    )
    env = {**os.environ, "CLAIMTRACE_ANALYSE_WORKERS": "1"}
    subprocess.run([sys.executable, "-c", code, *dbs], check=True, env=env, timeout=900)


def test_a_document_alone_equals_it_after_other_documents(tmp_path: Path, config: Config) -> None:
    alone, after, others = (str(tmp_path / f"{n}.db") for n in ("alone", "after", "others"))
    # an English news page whose sentences once depended on the models loaded before it
    target = _corpus(tmp_path / "target", (), 0, "abc13.com-Copperfield.html")
    api.ingest([target], db=alone, config=config)
    api.ingest([target], db=after, config=config)
    api.ingest([_corpus(tmp_path / "others", ("002", "004", "000"), 2)], db=others, config=config)
    (doc_id,) = [d["id"] for d in api.documents(db=alone)]

    _analyse_in_fresh_process(alone)
    _analyse_in_fresh_process(others, after)

    first, second = dump(alone, doc_id), dump(after, doc_id)
    assert first["sentences"] and first["claims"]
    assert first == second


def test_one_and_two_workers_store_the_same(tmp_path: Path, config: Config) -> None:
    corpus = _corpus(tmp_path / "corpus", ("000", "002", "003", "004"), 3)
    config = config.with_overrides(analyse_batch=2)
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    for db in (one, two):
        api.ingest([corpus], db=db, config=config)
    done_one = api.analyse(db=one, config=config.with_overrides(analyse_workers=1), link=False)
    done_two = api.analyse(db=two, config=config.with_overrides(analyse_workers=2), link=False)
    assert len(done_one) >= 6 and done_one == done_two
    first, second = dump(one), dump(two)
    assert first["claims"] and first["mentions"]
    assert first == second


def test_negative_worker_count_is_refused(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from claimtrace.cli import main

    result = CliRunner().invoke(
        main, ["analyse", "--db", str(tmp_path / "s.db"), "--workers", "-3"]
    )
    assert result.exit_code == 2 and "--workers" in result.output
