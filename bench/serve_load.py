"""A bounded load on ``claimtrace serve``, on loopback only (issue 13).

Starts the server on 127.0.0.1 (never any other address) over a store, then runs N
asyncio clients for T seconds, each looping over a mix of full-text searches, claim
filters and document pages drawn from what the store holds; prints requests/s, p50/p95/p99
per kind and overall, the error count and the command line, writes
bench/results/serve_load.json, and stops the server.

    .venv/bin/python bench/serve_load.py                         # the samples, 200 clients, 60 s
    .venv/bin/python bench/serve_load.py --db /tmp/s10k.db --clients 50 --seconds 20

Without ``--db`` it builds a store from samples/corpus (ingest + analyse, about a minute).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx
from _common import command_line, machine_info, write_result

from claimtrace import api

HOST = "127.0.0.1"  # loopback only: the bench never listens anywhere else
SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "corpus"
MIX = (("search", 0.4), ("claims", 0.3), ("document", 0.3))


def build_store(folder: Path) -> str:
    db = str(folder / "samples.db")
    api.ingest([SAMPLES], db=db)
    api.analyse(db=db)
    return db


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def start_server(db: str, port: int) -> subprocess.Popen[bytes]:
    code = "from claimtrace.cli import main; main()"
    args = [sys.executable, "-c", code, "serve", "--db", db, "--host", HOST, "--port", str(port)]
    return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_until_up(base: str, server: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            err = server.stderr.read().decode("utf-8", "replace") if server.stderr else ""
            raise SystemExit(f"the server stopped at start:\n{err}")
        try:
            if httpx.get(f"{base}/stats", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not answer within a minute")


def workload(db: str, rng: random.Random) -> dict[str, list[str]]:
    """Ids, actors and search words drawn from the store, so requests find something."""
    docs = api.documents(db=db, limit=5000)
    words = sorted({w for d in docs for w in (d["title"] or "").split() if len(w) > 5})
    actors = [e["id"] for e in api.entities(db=db, kind=None, limit=200)]
    return {
        "documents": [d["id"] for d in docs] or ["doc_none"],
        "words": rng.sample(words, min(len(words), 200)) or ["dam"],
        "actors": actors or ["actor:none"],
        "languages": sorted({d["language"] for d in docs if d["language"]}) or ["en"],
    }


def pick_request(rng: random.Random, pool: dict[str, list[str]]) -> tuple[str, str, dict]:
    kind = rng.choices([k for k, _ in MIX], [w for _, w in MIX])[0]
    if kind == "search":
        return kind, "/search", {"q": rng.choice(pool["words"]), "limit": 20}
    if kind == "claims":
        params: dict[str, Any] = rng.choice(
            [{"actor": rng.choice(pool["actors"])}, {"lang": rng.choice(pool["languages"])},
             {"modality": "reported"}, {}]
        )  # fmt: skip
        return kind, "/claims", {**params, "limit": 50}
    return kind, f"/documents/{rng.choice(pool['documents'])}", {}


async def client_loop(
    http: httpx.AsyncClient, deadline: float, seed: int, pool: dict[str, list[str]],
    timings: dict[str, list[float]], errors: list[str],
) -> None:  # fmt: skip
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        kind, path, params = pick_request(rng, pool)
        started = time.perf_counter()
        try:
            response = await http.get(path, params=params)
            if response.status_code != 200:
                errors.append(f"{kind} {response.status_code}")
        except httpx.HTTPError as exc:
            errors.append(f"{kind} {type(exc).__name__}")
        timings[kind].append(time.perf_counter() - started)


async def run_load(
    base: str, clients: int, seconds: float, pool: dict[str, list[str]]
) -> tuple[dict[str, list[float]], list[str], float]:
    timings: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0) as http:
        started = time.monotonic()
        deadline = started + seconds
        await asyncio.gather(
            *(client_loop(http, deadline, i, pool, timings, errors) for i in range(clients))
        )
        return timings, errors, time.monotonic() - started


def percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {"p50": 0.0, "p95": 0.0, "p99": 0.0}
    cuts = statistics.quantiles(values, n=100, method="inclusive") if len(values) > 1 else values
    pick = (lambda q: cuts[q - 1]) if len(values) > 1 else (lambda q: values[0])
    return {f"p{q}": round(pick(q) * 1000, 1) for q in (50, 95, 99)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="store to serve (default: build one from samples/corpus)")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        db = args.db or build_store(Path(work))
        pool = workload(db, random.Random(args.seed))
        port = free_port()
        base = f"http://{HOST}:{port}/api/v1"
        server = start_server(db, port)
        try:
            wait_until_up(base, server)
            timings, errors, elapsed = asyncio.run(run_load(base, args.clients, args.seconds, pool))
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    every = [t for values in timings.values() for t in values]
    stats = api.stats(db=db) if args.db else {"documents": len(pool["documents"])}
    result = {
        "documents": stats["documents"],
        "clients": args.clients,
        "seconds": round(elapsed, 1),
        "requests": len(every),
        "requests_per_second": round(len(every) / elapsed, 1) if elapsed else 0.0,
        "errors": len(errors),
        "error_kinds": dict(sorted({e: errors.count(e) for e in set(errors)}.items())),
        "overall_ms": percentiles(every),
        "by_kind_ms": {k: {"n": len(v), **percentiles(v)} for k, v in sorted(timings.items())},
        "command": command_line(),
        "machine": machine_info(),
    }
    print(f"store: {result['documents']} documents; {args.clients} clients for {elapsed:.0f} s")
    print(f"requests: {result['requests']}  ({result['requests_per_second']} /s)  "
          f"errors: {result['errors']} {result['error_kinds'] or ''}")  # fmt: skip
    o = result["overall_ms"]
    print(f"latency ms  all: p50 {o['p50']}  p95 {o['p95']}  p99 {o['p99']}")
    for kind, row in result["by_kind_ms"].items():
        print(f"  {kind:9} n={row['n']:6}  p50 {row['p50']}  p95 {row['p95']}  p99 {row['p99']}")
    print(f"command: {result['command']}")
    print(f"result: {write_result('serve_load', result)}")


if __name__ == "__main__":
    main()
