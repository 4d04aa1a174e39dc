"""Scale-out figures (issue 14): documents/s for ingest and analyse on each backend and
executor, two concurrent ingests into one PostgreSQL store, search latency on both backends,
and table sizes on PostgreSQL.

    .venv/bin/python bench/scale.py samples/corpus
    .venv/bin/python bench/scale.py ../shared/corpus/seeds --parts ingest,analyse
    .venv/bin/python bench/scale.py samples/corpus --parts search,sizes --search-store /tmp/s10k.db

Modes: SQLite serial, SQLite with 2 local processes, PostgreSQL + Dask LocalCluster with 1
and with 2 workers (each a fresh store; analyse includes linking and, for Dask, starting
the cluster and loading the models in each worker). ``--search-store`` is an SQLite store
(e.g. the 10k store bench/search_speed.py builds with ``--docs 10000 --db``): it is copied
into PostgreSQL (copy-store) and the same queries are timed on both. The PostgreSQL server
is ``--pg`` (default: database test on 127.0.0.1). Prints each figure and the command.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimtrace import api
from claimtrace.config import load_config

CLI = str(Path(sys.executable).with_name("claimtrace"))
MODES = {
    "sqlite-serial": ("sqlite", {"executor": "serial", "analyse_workers": 1}),
    "sqlite-processes-2": ("sqlite", {"executor": "processes", "workers": 2, "analyse_workers": 2}),
    "postgres-dask-1": ("pg", {"executor": "dask", "workers": 1}),
    "postgres-dask-2": ("pg", {"executor": "dask", "workers": 2}),
}


def _schema_url(server: str, name: str) -> str:
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
    return f"{server}?schema={name}"


def run_modes(corpus: Path, server: str, work: Path, analyse: bool) -> None:
    for mode, (backend, settings) in MODES.items():
        db = (
            str(work / f"{mode}.db")
            if backend == "sqlite"
            else _schema_url(server, f"bench_{mode.replace('-', '_')}")
        )
        config = load_config(db=db, **settings)
        started = time.perf_counter()
        added = len(api.ingest([corpus], config=config).added)
        ingest_s = time.perf_counter() - started
        print(
            f"ingest  {mode:<20} {added} docs in {ingest_s:.1f} s = {added / ingest_s:.2f} docs/s"
        )
        if analyse:
            started = time.perf_counter()
            done = len(api.analyse(config=config))
            took = time.perf_counter() - started
            print(f"analyse {mode:<20} {done} docs in {took:.1f} s = {done / took:.3f} docs/s")


def run_concurrent(corpus: Path, server: str) -> None:
    url = _schema_url(server, "bench_concurrent")
    env = {**os.environ, "TQDM_DISABLE": "1"}
    started = time.perf_counter()
    procs = [
        subprocess.Popen([CLI, "ingest", str(corpus), "--db", url], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for _ in range(2)
    ]  # fmt: skip
    outputs = [p.communicate()[0].strip().splitlines()[-1] for p in procs]
    took = time.perf_counter() - started
    with api.opened(url, read_only=True) as store:
        q = store.db.execute  # type: ignore[attr-defined]
        docs = q("SELECT COUNT(*) FROM documents").fetchone()[0]
        sources, keys = q("SELECT COUNT(*), COUNT(DISTINCT (key, sha256)) FROM sources").fetchone()
        texts = q("SELECT COUNT(DISTINCT text) FROM documents").fetchone()[0]
    print(
        f"two concurrent ingests: {took:.1f} s; {docs} documents ({texts} distinct texts), "
        f"{sources} sources ({keys} distinct); duplicates: {docs - texts + sources - keys}"
    )
    for line in outputs:
        print("  ", line)


def run_search(sqlite_db: Path, server: str, queries: int) -> None:
    url = _schema_url(server, "bench_search")
    started = time.perf_counter()
    api.copy_store(sqlite_db, url)
    print(f"copy-store {sqlite_db} -> PostgreSQL: {time.perf_counter() - started:.1f} s")
    rng = random.Random(14)
    with api.opened(sqlite_db, read_only=True) as store:
        docs = [d.text.split() for _, d in zip(range(300), store.iter_documents(), strict=False)]
        count = store.stats()["documents"]
    words = [w.strip(".,:;\"'()") for text in docs for w in text if len(w) > 5]
    asked = [" ".join(rng.sample(words, rng.choice((1, 2)))) for _ in range(queries)]
    for name, db in (("sqlite", str(sqlite_db)), ("postgresql", url)):
        with api.opened(db, read_only=True) as store:
            store.search(asked[0])  # warm caches
            times = []
            for query in asked:
                started = time.perf_counter()
                store.search(query)
                times.append((time.perf_counter() - started) * 1000)
        times.sort()
        p95 = times[int(0.95 * (len(times) - 1))]
        print(
            f"search {name:<10} {count} docs, {len(times)} queries of 1-2 words: "
            f"p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms"
        )


def run_sizes(server: str, schema: str) -> None:
    """Table sizes (heap, indexes, toast) of one bench schema, per document and times
    1,000 (10 M documents from the 10 k store)."""
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        found = conn.execute(
            "SELECT 1 FROM information_schema.tables WHERE table_schema = %s"
            " AND table_name = 'documents'",
            (schema,),
        ).fetchone()
        if found is None:
            print(f"sizes: no store in schema {schema} (run its part first)")
            return
        rows = conn.execute(
            "SELECT c.relname, pg_total_relation_size(c.oid), pg_relation_size(c.oid),"
            " pg_indexes_size(c.oid), 0"
            " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = %s AND c.relkind = 'r' ORDER BY 2 DESC",
            (schema,),
        ).fetchall()
        docs = conn.execute(f"SELECT COUNT(*) FROM {schema}.documents").fetchone()[0]
        rows = [
            (
                name,
                size,
                heap,
                idx,
                conn.execute(f"SELECT COUNT(*) FROM {schema}.{name}").fetchone()[0],
            )
            for name, size, heap, idx, _ in rows
        ]
    total = sum(r[1] for r in rows)
    scale = 10_000_000 // max(docs, 1)
    print(
        f"PostgreSQL sizes in schema {schema}, {docs} documents (MB; x{scale:,} "
        "= 10 M documents, GB):"
    )
    print(f"  {'table':<24} {'total':>8} {'heap':>8} {'indexes':>8} {'rows':>9}  kB/doc  at 10M")
    for name, size, heap, indexes, tuples in rows[:14]:
        per = size / max(docs, 1)
        print(
            f"  {name:<24} {size / 1e6:8.1f} {heap / 1e6:8.1f} {indexes / 1e6:8.1f} "
            f"{max(tuples, 0):>9}  {per / 1e3:6.2f}  {per * 1e7 / 1e9:7.1f}"
        )
    per = total / max(docs, 1)
    print(
        f"  {'total':<24} {total / 1e6:8.1f} MB = {per / 1e3:.1f} kB/document -> "
        f"{per * 1e7 / 1e9:.0f} GB at 10 M documents"
    )


def run_sqlite_sizes(db: Path) -> None:
    """Table sizes (with their indexes) of an SQLite store from SQLite's dbstat table, per
    document and times the factor to 10 M: for an analysed store too big to analyse here
    (e.g. bench/link_scale.py's synthetic 10 k store, kept with --keep)."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    owner = dict(conn.execute("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index'"))
    sizes: dict[str, list[int]] = {}
    for name, size in conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"):
        table = owner.get(name, name)
        if table.startswith("sqlite_autoindex_"):
            table = table.removeprefix("sqlite_autoindex_").rsplit("_", 1)[0]
        sizes.setdefault(table, [0, 0])[0 if table == name else 1] += size
    docs = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    print(f"SQLite sizes of {db}, {docs} documents (MB; at 10 M documents, GB):")
    ranked = sorted(sizes.items(), key=lambda item: -sum(item[1]))
    for table, (heap, indexes) in ranked[:14]:
        rows = conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
        per = (heap + indexes) / max(docs, 1)
        print(
            f"  {table:<24} {(heap + indexes) / 1e6:8.1f} (indexes {indexes / 1e6:6.1f}) "
            f"rows {rows:>9}  {per / 1e3:6.2f} kB/doc  {per * 1e7 / 1e9:7.1f}"
        )
    per = sum(sum(v) for v in sizes.values()) / max(docs, 1)
    print(
        f"  total {per * docs / 1e6:.1f} MB = {per / 1e3:.1f} kB/document -> "
        f"{per * 1e7 / 1e9:.0f} GB at 10 M documents"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--parts", default="ingest,analyse,concurrent")
    parser.add_argument("--search-store", type=Path, default=None)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument(
        "--sqlite-sizes",
        type=Path,
        default=None,
        help="an analysed and linked SQLite store (e.g. bench/link_scale.py's 10 k store, "
        "kept with --keep) whose table sizes to print (part sizes)",
    )
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]), "(busy machine)")
    with tempfile.TemporaryDirectory() as tmp:
        if parts & {"ingest", "analyse"}:
            run_modes(args.corpus, args.pg, Path(tmp), "analyse" in parts)
        if "concurrent" in parts:
            run_concurrent(args.corpus, args.pg)
    if "search" in parts and args.search_store is not None:
        run_search(args.search_store, args.pg, args.queries)
    if "sizes" in parts:
        run_sizes(args.pg, "bench_search")  # documents and search: the 10 k store
        run_sizes(args.pg, "bench_postgres_dask_2")  # analysed and linked: the corpus
        if args.sqlite_sizes is not None:
            run_sqlite_sizes(args.sqlite_sizes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
