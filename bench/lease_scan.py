"""The cost of taking work for analysis on PostgreSQL as the store grows (issue 14).

On a scratch PostgreSQL store (e.g. the 10 k search store ``bench/scale.py --parts
search`` copies into schema ``bench_search``), every document is taken for analysis in
batches of ``--batch`` through ``PostgresStore.claim_documents`` and marked analysed at
once, as ``analyse`` does: once as the store does it, and once with the claim's cursor
reset before each call (every call reads from the first document, as before session 6).
Prints the calls, the median and the total time of each. It writes and then deletes rows
of ``analyses`` and ``analysis_leases`` in that schema: never point it at a real store.

    .venv/bin/python bench/lease_scan.py 'postgresql://postgres@127.0.0.1:5432/test?schema=bench_search'
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from claimtrace.store.pg_open import close_pool
from claimtrace.store.postgres import PostgresStore


def run(url: str, batch: int, reset: bool) -> list[float]:
    store = PostgresStore(url)
    store.db.execute("DELETE FROM analysis_leases")
    store.db.execute("DELETE FROM analyses")
    times: list[float] = []
    try:
        while True:
            if reset:
                store._claim_after = ""  # noqa: SLF001 - the old behaviour, for comparison
            started = time.perf_counter()
            ids = store.claim_documents("bench", batch)
            times.append((time.perf_counter() - started) * 1000)
            if not ids:
                break
            store.db.executemany(
                "INSERT INTO analyses (document_id, version) VALUES (?, 'bench')",
                [(i,) for i in ids],
            )
            store.db.execute("DELETE FROM analysis_leases")
    finally:
        store.db.execute("DELETE FROM analysis_leases")
        store.db.execute("DELETE FROM analyses")
        store.close()
        close_pool(url)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", help="a scratch PostgreSQL store (?schema=...)")
    parser.add_argument("--batch", type=int, default=8)
    args = parser.parse_args()
    print("command:", Path(sys.executable).name, *sys.argv, "(busy machine)")
    for name, reset in (("from the first document each call", True), ("cursor", False)):
        times = run(args.url, args.batch, reset)
        print(
            f"{name:<34} {len(times)} calls: median {statistics.median(times):.1f} ms, "
            f"max {max(times):.1f} ms, total {sum(times) / 1000:.1f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
