"""Load on `claimtrace serve` over loopback: N concurrent clients for a fixed time doing a mix
of full-text searches, claim filters and document pages; prints requests/s, p50/p95/p99 per
kind of request and overall, and the error count (any status but 200, or a failed request).

The store is given (``--db``) or built (``--build N``): link_scale.py's synthetic store (the
documents, mentions, claims, groups and stories of N documents, written in bulk), whose
documents then get text made of real news sentences (bench/fixtures/linking/ and the
samples), outlets, and their full-text index rows, so that searches match many documents as
in a real store. The server runs as its own process (`claimtrace serve`, as a user starts
it); the clients are one asyncio process, each with its own keep-alive connection. Each
client waits ``--think`` seconds (uniform 0.5x-1.5x) between requests, as a person reading a
page does; ``--think 0`` is a closed loop (each client sends its next request at once).
The server's CPU time per request is printed too: on a shared machine it is the figure that
does not depend on what else runs.

    .venv/bin/python bench/serve_load.py --build 10000 --db /tmp/serve-10k.db
    .venv/bin/python bench/serve_load.py --db /tmp/serve-10k.db --clients 200 --seconds 60
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import httpx
import numpy as np
from _common import REPO_DIR, command_line, machine_info, write_result

from claimtrace.records import Document, Paragraph
from claimtrace.store.fts import stem_words

TEXTS = [REPO_DIR / "bench" / "fixtures" / "linking" / "stories.jsonl"]
SAMPLES = REPO_DIR / "samples" / "corpus"
SENTENCE = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"[A-Za-z]{5,}")
MIX = (("search", 0.4), ("claims", 0.3), ("document", 0.3))
OUTLETS = 60
TIMEOUT = 30.0  # seconds a request may take before it counts as an error


def _sentences() -> list[str]:
    found: list[str] = []
    for path in TEXTS:
        for line in path.read_text("utf-8").splitlines():
            found += SENTENCE.split(json.loads(line)["text"])
    for path in SAMPLES.glob("*.txt"):
        found += SENTENCE.split(path.read_text("utf-8"))
    return [" ".join(s.split()) for s in found if 30 <= len(s) <= 400]


def build(path: Path, size: int, claims: int) -> None:
    """link_scale's synthetic store, then readable text, outlets and the full-text index."""
    sys.path.insert(0, str(Path(__file__).parent))
    from link_scale import build_store

    rng = np.random.default_rng(size)
    seconds = build_store(path, size, claims, rng)
    sentences = _sentences()
    pick = random.Random(size)
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous=OFF")
    rows = db.execute("SELECT id, title, published FROM documents").fetchall()
    updates, index = [], []
    for doc_id, title, published in rows:
        paragraphs = [" ".join(pick.sample(sentences, 3)) for _ in range(4)]
        text, spans, at = "\n\n".join(paragraphs), [], 0
        for i, para in enumerate(paragraphs):
            spans.append(Paragraph(i, at, at + len(para), "en"))
            at += len(para) + 2
        outlet = f"Outlet {pick.randrange(OUTLETS)}"
        doc = Document(id=doc_id, title=title, text=text, language="en", languages=("en",),
                       published=published,
                       outlet=outlet, paragraphs=tuple(spans))  # fmt: skip
        updates.append((text, outlet, json.dumps(doc.to_dict()), doc_id))
        stems = " ".join(stem_words(text, "en") + stem_words(title, "en"))
        index.append((doc_id, title, text, stems))
    with db:
        db.executemany("UPDATE documents SET text = ?, outlet = ?, record = ? WHERE id = ?",
                       updates)  # fmt: skip
        db.execute("DELETE FROM documents_fts")
        db.executemany("INSERT INTO documents_fts (document_id, title, body, stems)"
                       " VALUES (?,?,?,?)", index)  # fmt: skip
    db.close()
    print(f"built {path}: {size} documents in {seconds:.0f} s (+ text and index)", flush=True)


def targets(db_path: Path, rng: random.Random) -> dict[str, list[str]]:
    """Request paths per kind, drawn from what the store holds."""
    db = sqlite3.connect(db_path)
    docs = [r[0] for r in db.execute("SELECT id FROM documents ORDER BY random() LIMIT 2000")]
    sql = "SELECT actor_id FROM claim_actors GROUP BY actor_id ORDER BY random() LIMIT 200"
    actors = [r[0] for r in db.execute(sql)]
    relations = [r[0] for r in db.execute("SELECT DISTINCT relation FROM claims")]
    text = " ".join(r[0] for r in db.execute("SELECT text FROM documents LIMIT 300"))
    db.close()
    words = [w for w, _ in Counter(w.lower() for w in WORD.findall(text)).most_common(400)]
    searches = [rng.choice(words) for _ in range(300)]
    searches += [f"{rng.choice(words)} {rng.choice(words)}" for _ in range(200)]
    searches += [f'"{a} {b}"' for a, b in zip(words[::7], words[1::7], strict=False)]
    claims = [f"/api/v1/claims?actor={a}&limit=20" for a in actors]
    claims += [f"/api/v1/claims?relation={r}&limit=20" for r in relations]
    claims += [f"/api/v1/claims?actor={a}&modality=asserted&limit=20" for a in actors[:50]]
    return {
        "search": [
            str(httpx.URL("/api/v1/search", params={"q": q, "limit": 20})) for q in searches
        ],  # fmt: skip
        "claims": claims,
        "document": [f"/documents/{d}" for d in docs],
    }


class Connection:
    """One client's keep-alive HTTP/1.1 connection, as a browser tab holds one: a minimal
    client (GET, Content-Length or chunked bodies), so that the load generator costs far less
    CPU than the server it measures (httpx spent ~15 ms of CPU a request with 200 clients,
    more than the server, and the bench measured itself)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        """The response's status; a connection the server closed while idle is opened again
        once (as every HTTP client does); any other failure raises."""
        for attempt in (0, 1):
            reused = self.writer is not None
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
            try:
                return await self._exchange(path)
            except (ConnectionError, asyncio.IncompleteReadError) as exc:
                self.close()
                nothing_read = not getattr(exc, "partial", b"")
                if not (reused and attempt == 0 and nothing_read):
                    raise
        raise AssertionError("unreachable")

    async def _exchange(self, path: str) -> int:
        assert self.reader is not None and self.writer is not None
        request = f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n"
        self.writer.write(request.encode("ascii"))
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        if "content-length" in headers:
            await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def client(
    base: tuple[str, int], paths: dict[str, list[str]], until: float, think: float,
    rng: random.Random, times: dict[str, list[float]], errors: Counter[str],
) -> None:  # fmt: skip
    kinds, weights = zip(*MIX, strict=True)
    http = Connection(*base)
    while time.monotonic() < until:
        kind = rng.choices(kinds, weights)[0]
        path = rng.choice(paths[kind])
        start = time.perf_counter()
        try:
            status = await asyncio.wait_for(http.get(path), TIMEOUT)
            ok = status == 200
            if not ok:
                errors[f"{kind} {status}"] += 1
        except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError) as exc:
            ok = False
            errors[f"{kind} {type(exc).__name__}"] += 1
            http.close()
        if ok:
            times[kind].append(time.perf_counter() - start)
        if think:
            await asyncio.sleep(think * rng.uniform(0.5, 1.5))
    http.close()


async def run(base: tuple[str, int], paths: dict[str, list[str]], clients: int, seconds: float,
              think: float) -> tuple[dict[str, list[float]], Counter[str], float]:  # fmt: skip
    times: dict[str, list[float]] = defaultdict(list)
    errors: Counter[str] = Counter()
    start = time.monotonic()
    until = start + seconds
    await asyncio.gather(*(
        client(base, paths, until, think, random.Random(i), times, errors)
        for i in range(clients)))  # fmt: skip
    return times, errors, time.monotonic() - start


def percentiles(values: list[float]) -> dict[str, float]:
    if len(values) < 2:
        return {"p50": float("nan"), "p95": float("nan"), "p99": float("nan")}
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return {"p50": cuts[49] * 1000, "p95": cuts[94] * 1000, "p99": cuts[98] * 1000}


def serve(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    claimtrace = Path(sys.executable).with_name("claimtrace")
    process = subprocess.Popen(
        [str(claimtrace), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port),
         "--read-only", "--workers", str(workers)],
        stdout=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    for _ in range(600):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process
        except OSError:
            if process.poll() is not None:
                sys.exit(f"error: claimtrace serve exited with {process.returncode}")
            time.sleep(0.1)
    process.kill()
    sys.exit("error: claimtrace serve did not start in 60 s")


def cpu_seconds(pid: int) -> float:
    """CPU time used so far by a process and its children (the server's workers)."""
    import psutil

    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="the store served")
    parser.add_argument("--build", type=int, metavar="N", help="first build a synthetic store")
    parser.add_argument("--claims", type=int, default=5, help="claims per built document")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--think", type=float, default=1.0, help="seconds between requests")
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds not counted")
    args = parser.parse_args()
    print(f"command: {command_line()}", flush=True)
    if args.build:
        build(args.db, args.build, args.claims)
        if not args.seconds:
            return
    documents = sqlite3.connect(args.db).execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    paths = targets(args.db, random.Random(7))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = serve(args.db, port, args.workers)
    base = ("127.0.0.1", port)
    try:
        if args.warmup:
            asyncio.run(run(base, paths, min(args.clients, 20), args.warmup, args.think))
        server_cpu, client_cpu = cpu_seconds(server.pid), time.process_time()
        times, errors, elapsed = asyncio.run(
            run(base, paths, args.clients, args.seconds, args.think)
        )
        server_cpu = cpu_seconds(server.pid) - server_cpu
        client_cpu = time.process_time() - client_cpu
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    done = sum(len(v) for v in times.values())
    total = done + sum(errors.values())
    print(f"store {args.db} ({documents} documents); {args.workers} server process(es); "
          f"{args.clients} clients for "
          f"{elapsed:.0f} s, think {args.think} s; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} CPUs")  # fmt: skip
    print(f"requests {total}, {total / elapsed:.1f}/s; errors {sum(errors.values())}"
          + (f" ({dict(errors)})" if errors else ""))  # fmt: skip
    # CPU per request: what the server costs whatever else the machine is doing
    print(f"CPU per request: server {server_cpu / max(total, 1) * 1000:.1f} ms, "
          f"load client {client_cpu / max(total, 1) * 1000:.1f} ms "
          f"(server {server_cpu / elapsed:.2f} CPUs busy on average)")  # fmt: skip
    server_ms = round(server_cpu / max(total, 1) * 1000, 2)
    result: dict[str, Any] = {"command": command_line(), "machine": machine_info(),
                              "server_cpu_ms_per_request": server_ms,
                              "documents": documents, "clients": args.clients,
                              "seconds": round(elapsed, 1), "think": args.think,
                              "requests": total, "errors": dict(errors)}  # fmt: skip
    for kind in [k for k, _ in MIX] + ["all"]:
        values = [t for v in times.values() for t in v] if kind == "all" else times[kind]
        cuts = percentiles(values)
        result[kind] = {"count": len(values), **{k: round(v, 1) for k, v in cuts.items()}}
        print(
            f"{kind:>9}: {len(values):6d} ok, {len(values) / elapsed:6.1f}/s, p50 "
            f"{cuts['p50']:7.1f} ms, p95 {cuts['p95']:7.1f} ms, p99 {cuts['p99']:7.1f} ms"
        )
    print(f"wrote {write_result('serve_load', result)}")


if __name__ == "__main__":
    main()
