"""CPU per request of the web app, in process: the requests of serve_load.py's mix (search,
claims, document pages) and the search page with facets, sent through the ASGI app with no
HTTP server and no thread hop, timed by this process's CPU clock, so the figure holds on a
busy machine. ``--profile KIND`` prints where that kind's time goes (needs pyinstrument).

    .venv/bin/python bench/serve_cpu.py --db /tmp/serve-bench/s10k.db
    .venv/bin/python bench/serve_cpu.py --db /tmp/serve-bench/s10k.db --profile search
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import statistics
import time
from pathlib import Path
from typing import Any

import fastapi.dependencies.utils
import fastapi.routing
import httpx
from _common import command_line, write_result

WORDS = ("people", "attack", "water", "station", "government", "officials", "police said",
         "hospital", "army", "minister")  # fmt: skip


async def _inline(func: Any, *args: Any, **kwargs: Any) -> Any:
    return func(*args, **kwargs)


def paths(db: Path, count: int) -> dict[str, list[str]]:
    connection = sqlite3.connect(db)
    docs = [r[0] for r in connection.execute("SELECT id FROM documents LIMIT ?", (count,))]
    sql = "SELECT actor_id FROM claim_actors GROUP BY actor_id LIMIT ?"
    actors = [r[0] for r in connection.execute(sql, (count,))]
    connection.close()
    return {
        "search": [str(httpx.URL("/api/v1/search", params={"q": w, "limit": 20})) for w in WORDS],
        "claims": [f"/api/v1/claims?actor={a}&limit=20" for a in actors],
        "document": [f"/documents/{d}" for d in docs],
        "search page": [str(httpx.URL("/search", params={"q": w})) for w in WORDS],
    }


async def measure(db: Path, rounds: int, profile: str | None) -> dict[str, Any]:
    # sync routes run here, not on a worker thread, so that one clock sees all their work
    fastapi.routing.run_in_threadpool = _inline  # type: ignore[assignment]
    fastapi.dependencies.utils.run_in_threadpool = _inline  # type: ignore[assignment]
    from claimtrace.web import create_app
    from claimtrace.web.readers import warm

    warm()
    app = create_app(str(db), read_only=True)
    result: dict[str, Any] = {}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        for kind, listed in paths(db, 40).items():
            for path in listed[:3]:  # warm the store's pages
                response = await client.get(path)
                assert response.status_code == 200, (path, response.status_code)
            spent = []
            for path in listed * rounds:
                start = time.process_time()
                await client.get(path)
                spent.append((time.process_time() - start) * 1000)
            median, mean = statistics.median(spent), statistics.mean(spent)
            result[kind] = {"requests": len(spent), "median_ms": round(median, 2),
                            "mean_ms": round(mean, 2)}  # fmt: skip
            print(f"{kind:>12}: {len(spent):4d} requests, CPU median {median:6.1f} ms, "
                  f"mean {mean:6.1f} ms")  # fmt: skip
        if profile:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0005, async_mode="enabled")
            profiler.start()
            for path in paths(db, 40)[profile] * rounds:
                await client.get(path)
            profiler.stop()
            print(profiler.output_text(unicode=False, color=False))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="the store (serve_load --build)")
    parser.add_argument("--rounds", type=int, default=3, help="times each request is sent")
    parser.add_argument("--profile", choices=("search", "claims", "document", "search page"))
    args = parser.parse_args()
    print(f"command: {command_line()}", flush=True)
    result = asyncio.run(measure(args.db, args.rounds, args.profile))
    print(f"wrote {write_result('serve_cpu', {'command': command_line(), **result})}")


if __name__ == "__main__":
    main()
