"""Fault injection: real pages plus every hostile kind of file, ingested and analysed with
kill -9 at random points and two concurrent writers, checked against a clean run.

The corpus (bench/faults_corpus.py) is built from the trafilatura evaluation pages in
DATA_DIR plus FIFOs, sockets, devices, symlink loops, deep JSON/JSONL/HTML, names that are
not UTF-8, random bytes, gzip and zip bombs, huge lines, empty and truncated files. Every run
is the installed ``claimtrace`` CLI in a subprocess.

1. clean: one ``ingest`` into clean.db.
2. faulted: ``--kills`` rounds of two concurrent ``ingest`` runs into resumed.db, both
   killed with SIGKILL at a random moment; then two concurrent runs to the end.
3. analyse: the first ``--analyse-limit`` good pages, ingested into two small stores; one
   analysed cleanly, the other with ``--kills`` kill -9 and a re-run; claims compared.

Checks: every good file stored exactly once (or, for a real page without main text, failed
with the same reason as in the clean run), every bad file named with a reason, no crash
(a run that was not killed exits 0 without a traceback), resumed store == clean store
(documents, sources, failures; claims after analyse). Prints the counts and the command.

    .venv/bin/python bench/faults.py
    .venv/bin/python bench/faults.py ../shared/evaldata/trafilatura-eval --pages 1000 \
        --kills 3 --hostile-frac 0.05 --analyse-limit 12
"""

from __future__ import annotations

import argparse
import os
import random
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from faults_corpus import Corpus, build_corpus

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "evaldata" / "trafilatura-eval"
CLI = str(Path(sys.executable).with_name("claimtrace"))


class Runs:
    """Every CLI process started, and how each ended."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.crashes: list[str] = []
        self.finished = self.killed = 0

    def start(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=self.env
        )

    def finish(self, proc: subprocess.Popen[str]) -> None:
        out, err = proc.communicate()
        self.finished += 1
        if proc.returncode != 0 or "Traceback" in err:
            self.crashes.append(f"exit {proc.returncode}: {(err or out).strip()[-400:]}")

    def kill_after(self, procs: list[subprocess.Popen[str]], seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and any(p.poll() is None for p in procs):
            time.sleep(0.05)
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                proc.communicate()
                self.killed += 1
            else:
                self.finish(proc)


def _rows(db: Path, sql: str) -> set[tuple[object, ...]]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return set(conn.execute(sql).fetchall())


def _store_state(db: Path) -> dict[str, set[tuple[object, ...]]]:
    return {
        "documents": _rows(db, "SELECT id, record FROM documents"),
        "sources": _rows(db, "SELECT key, sha256, document_id FROM sources"),
        "failures": _rows(db, "SELECT source, stage, reason FROM failures"),
    }


def _check_files(corpus: Corpus, db: Path, clean: Path) -> dict[str, int]:
    keys = Counter(k for (k,) in _rows_list(db, "SELECT key FROM sources"))
    failed = {s: r for s, r in _rows(db, "SELECT source, reason FROM failures")}
    clean_failed = {s: r for s, r in _rows(clean, "SELECT source, reason FROM failures")}
    counts = Counter[str]()
    for key in corpus.good:
        if keys[key] == 1:
            counts["good stored once"] += 1
        elif keys[key] > 1:
            counts["good duplicated"] += 1
        elif key in failed and failed[key] == clean_failed.get(key):
            counts["good failed as in the clean run (no main text)"] += 1
        else:
            counts["good lost"] += 1
    for key in corpus.bad:
        if keys[key]:
            counts["bad stored"] += 1
        elif key in failed:
            counts["bad named with a reason"] += 1
        else:
            counts["bad not named"] += 1
    return dict(counts)


def _rows_list(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return conn.execute(sql).fetchall()


def _faulted_ingest(
    runs: Runs, corpus: Path, db: Path, kills: int, span: float, rng: random.Random
) -> None:
    for _ in range(kills):
        pair = [runs.start("ingest", str(corpus), "--db", str(db)) for _ in range(2)]
        runs.kill_after(pair, rng.uniform(0.1, 0.6) * span)
    pair = [runs.start("ingest", str(corpus), "--db", str(db)) for _ in range(2)]
    for proc in pair:
        runs.finish(proc)


def _analyse_check(
    runs: Runs, corpus: Corpus, work: Path, limit: int, kills: int, rng: random.Random
) -> dict[str, object]:
    sub = work / "analyse-input"
    sub.mkdir()
    pages = [Path(k) for k in corpus.good if "/part" in k and Path(k).is_file()][:limit]
    for n, page in enumerate(pages):
        shutil.copy(page, sub / f"{n:04d}-{page.name}")
    dbs = {name: work / f"analyse-{name}.db" for name in ("clean", "resumed")}
    for db in dbs.values():
        runs.finish(runs.start("ingest", str(sub), "--db", str(db)))
    started = time.monotonic()
    runs.finish(runs.start("analyse", "--db", str(dbs["clean"])))
    span = time.monotonic() - started
    for _ in range(kills):
        runs.kill_after(
            [runs.start("analyse", "--db", str(dbs["resumed"]))], rng.uniform(0.3, 0.9) * span
        )
    runs.finish(runs.start("analyse", "--db", str(dbs["resumed"])))
    sql = "SELECT id, document_id, relation, modality, negated, text FROM claims"
    claims = {name: _rows(db, sql) for name, db in dbs.items()}
    docs = _rows(dbs["clean"], "SELECT COUNT(*) FROM documents")
    return {
        "documents analysed": next(iter(docs))[0],
        "claims clean": len(claims["clean"]),
        "claims resumed": len(claims["resumed"]),
        "claims only in one": len(claims["clean"] ^ claims["resumed"]),
        "analyse seconds (clean run)": round(span, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--pages", type=int, default=1000, help="real pages (files) to ingest")
    parser.add_argument("--kills", type=int, default=3, help="kill -9 rounds per phase")
    parser.add_argument("--hostile-frac", type=float, default=0.05, help="share of bad files")
    parser.add_argument("--analyse-limit", type=int, default=12, help="pages to analyse (0: skip)")
    parser.add_argument("--max-record-bytes", type=int, default=4_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=None, help="keep the corpus and stores here")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="claimtrace-faults-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        corpus = build_corpus(
            args.data_dir,
            work / "corpus",
            args.pages,
            args.hostile_frac,
            args.max_record_bytes,
            args.seed,
        )
        env = {
            **os.environ,
            "TQDM_DISABLE": "1",
            "CLAIMTRACE_MAX_RECORD_BYTES": str(args.max_record_bytes),
        }
        runs = Runs(env)
        clean, resumed = work / "clean.db", work / "resumed.db"
        started = time.monotonic()
        runs.finish(runs.start("ingest", str(corpus.root), "--db", str(clean)))
        span = time.monotonic() - started
        _faulted_ingest(runs, corpus.root, resumed, args.kills, span, rng)
        clean_state, resumed_state = _store_state(clean), _store_state(resumed)
        files = _check_files(corpus, resumed, clean)
        analysed = (
            _analyse_check(runs, corpus, work, args.analyse_limit, args.kills, rng)
            if args.analyse_limit
            else {}
        )
    kinds = Counter(corpus.bad.values())
    print(
        f"corpus: {len(corpus.good)} good files, {len(corpus.bad)} bad inputs ({len(kinds)} kinds)"
    )
    print("  bad kinds: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    print(
        f"clean ingest: {span:.0f} s; runs finished {runs.finished}, killed (kill -9) {runs.killed}"
    )
    for name, value in sorted(files.items()):
        print(f"  {name}: {value}")
    lost = files.get("good lost", 0) + files.get("bad not named", 0)
    print(
        f"lost: {lost}  duplicated: {files.get('good duplicated', 0)}  crashes: {len(runs.crashes)}"
    )
    for crash in runs.crashes[:5]:
        print(f"  crash: {crash}")
    for table in ("documents", "sources", "failures"):
        same = clean_state[table] == resumed_state[table]
        diff = len(clean_state[table] ^ resumed_state[table])
        print(
            f"resumed == clean ({table}): {same}  ({len(clean_state[table])} rows, {diff} differ)"
        )
    for name, value in analysed.items():
        print(f"analyse: {name}: {value}")
    if analysed:
        print(f"resumed == clean (claims): {analysed['claims only in one'] == 0}")
    print(f"command: (cd {shlex.quote(os.getcwd())} && {shlex.join(sys.orig_argv)})")


if __name__ == "__main__":
    main()
