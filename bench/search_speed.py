"""Search time against query length on a store of many documents (issue 10, case 13).

Real pages from the trafilatura evaluation set are ingested into a seed store; their
paragraphs are then recombined (fixed seed) into ``--docs`` documents, written straight
into a second store with the store's own add_document (so the full-text index is the real
one). Queries of each length are pasted runs of words from stored texts (someone searching
with a whole article) and short queries; each is timed through ``SQLiteStore.search``.

    .venv/bin/python bench/search_speed.py
    .venv/bin/python bench/search_speed.py --docs 10000 --words 5 100 500 --db /tmp/s10k.db
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import (
    add_common_arguments,
    command_line,
    load_eval_pages,
    read_html,
    trafilatura_eval_dir,
)

from claimtrace.api import ingest
from claimtrace.records import Document, Paragraph
from claimtrace.store.sqlite import SQLiteStore


def _seed_paragraphs(folder: Path, pages: int, work: Path) -> list[tuple[str, str | None]]:
    html = work / "pages"
    html.mkdir()
    for page in load_eval_pages(folder, pages):
        (html / page.file).write_bytes(read_html(folder, page.file))
    seed = work / "seed.db"
    ingest([html], db=seed)
    store = SQLiteStore(seed, read_only=True)
    found = [
        (text, p.language)
        for doc in store.iter_documents()
        for p, text in zip(doc.paragraphs, doc.paragraph_texts(), strict=True)
        if len(text) > 80
    ]
    store.close()
    return found


def _build(db: Path, paragraphs: list[tuple[str, str | None]], count: int) -> None:
    rng = random.Random(10)
    store = SQLiteStore(db)
    for start in range(0, count, 500):
        with store.transaction():
            for i in range(start, min(start + 500, count)):
                store.add_document(
                    _document(i, rng.sample(paragraphs, rng.randint(3, 9))), b"", (), 0
                )
    store.close()


def _document(i: int, parts: list[tuple[str, str | None]]) -> Document:
    text, spans, offset = "", [], 0
    for index, (body, language) in enumerate(parts):
        if text:
            text += "\n\n"
            offset += 2
        spans.append(Paragraph(index, offset, offset + len(body), language))
        text += body
        offset += len(body)
    languages = tuple(sorted({lang for _, lang in parts if lang}))
    title = " ".join(parts[0][0].split()[:8])
    return Document(f"doc_bench{i:07d}", text, title, parts[0][1], languages, tuple(spans))


def _queries(store: SQLiteStore, words: int, count: int) -> list[str]:
    rng = random.Random(words)
    texts = [d.text.split() for d in store.iter_documents() if len(d.text.split()) > words]
    runs = []
    for _ in range(count):
        tokens = rng.choice(texts) if texts else ["water"]
        start = rng.randrange(0, max(len(tokens) - words, 1))
        runs.append(" ".join(tokens[start : start + words]))
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_common_arguments(parser)
    parser.add_argument("--docs", type=int, default=10_000, help="documents in the store")
    parser.add_argument("--seed-pages", type=int, default=200, help="real pages to recombine")
    parser.add_argument("--words", type=int, nargs="+", default=[3, 20, 100, 500])
    parser.add_argument("--queries", type=int, default=5, help="queries per length")
    parser.add_argument("--db", type=Path, default=None, help="store to build or reuse")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "search.db"
        if not db.exists():
            folder = trafilatura_eval_dir(args.evaldata)
            started = time.perf_counter()
            _build(db, _seed_paragraphs(folder, args.seed_pages, Path(tmp)), args.docs)
            print(f"built {args.docs:,} documents in {time.perf_counter() - started:.0f} s: {db}")
        store = SQLiteStore(db, read_only=True)
        print(f"store: {store.stats()['documents']:,} documents")
        for words in args.words:
            times, hits = [], []
            for query in _queries(store, words, args.queries):
                started = time.perf_counter()
                hits.append(len(store.search(query)))
                times.append(time.perf_counter() - started)
            print(
                f"{words:>4} words: median {statistics.median(times):.3f} s, "
                f"max {max(times):.3f} s, hits {hits}"
            )
        store.close()
    print(f"command: {command_line()}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
