"""The time to link one more document as the store grows: 1k, 10k, 100k documents.

Each store is synthetic, written straight into SQLite with bulk inserts (no NLP, no
encoder): DOCS_PER_STORY documents per story, ``--claims`` claims per document (PolNeAR
halves average 15, the seeds 16), actor and place mentions drawn from a Zipf law (so the
most common actors are in a large share of the documents, as "Syria" is in a store about
Syria), claims in groups per story and relation, and precomputed random unit vectors
clustered by story around the mean vector of real fixture articles, so that real documents
embedded by the model land among them. The vector indexes are built once after the store
(timed apart, like model loading).

Then ``--runs`` real fixture articles are added one at a time (entities and claims written
directly, as analysis would) and ``link_new`` is timed for each: embedding its claims and
lead, candidate search, claim groups, story. Printed: the median per size, the embedding
part, and the 100k/1k ratio, with the command.

    .venv/bin/python bench/link_scale.py
    .venv/bin/python bench/link_scale.py --sizes 1000,10000 --runs 5
    .venv/bin/python bench/link_scale.py --keep ...; then --reuse: time again, no rebuild
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import time
from pathlib import Path
from typing import Any

import numpy as np
from _common import REPO_DIR, command_line, machine_info, write_result

from claimtrace.config import load_config
from claimtrace.ids import claim_id, make_id
from claimtrace.link.embed import get_embedder
from claimtrace.link.index import VectorIndex
from claimtrace.link.run import link_new
from claimtrace.records import Claim, Document, Paragraph, Span
from claimtrace.store import open_store
from claimtrace.store.sqlite_link import insert_linkable

FIXTURES = REPO_DIR / "bench" / "fixtures" / "linking" / "stories.jsonl"
DOCS_PER_STORY, ACTORS, PLACES, RELATIONS = 10, 5000, 3000, 20
ACTOR_MENTIONS, PLACE_MENTIONS = 12, 6
CHUNK = 5000  # documents written per executemany round


def zipf(rng: np.random.Generator, n: int, size: int | tuple[int, ...]) -> np.ndarray:
    return (rng.zipf(1.3, size=size) - 1) % n


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=-1, keepdims=True)).astype(np.float32)


def build_store(path: Path, n_docs: int, claims: int, rng: np.random.Generator) -> float:
    """Write a linked synthetic store of ``n_docs`` documents; seconds taken."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(f"{path}.vindex", ignore_errors=True)
    start = time.perf_counter()
    config = load_config(db=str(path))
    store = open_store(config)
    embedder = get_embedder(config.embedding_model)
    texts = [json.loads(x)["text"] for x in FIXTURES.read_text("utf-8").splitlines()]
    base, dim, model = embedder.embed(texts).mean(axis=0), embedder.dim, embedder.name
    n_stories = max(1, n_docs // DOCS_PER_STORY)
    centres = unit(base[None, :] * 2.5 + rng.normal(size=(n_stories, dim)) / np.sqrt(dim) * 1.5)
    story_actors = zipf(rng, ACTORS, (n_stories, 4))
    story_places = zipf(rng, PLACES, (n_stories, 2))
    db = store.db
    db.execute("PRAGMA synchronous=OFF")
    db.execute("BEGIN")
    db.executemany("INSERT INTO actors (id, name, type) VALUES (?, ?, 'synthetic')",
                   [(f"act:syn{i}", f"Synthetic actor {i}") for i in range(ACTORS)])  # fmt: skip
    db.executemany("INSERT INTO places (id, name, kind) VALUES (?, ?, 'synthetic')",
                   [(f"pl:syn{i}", f"Synthetic place {i}") for i in range(PLACES)])  # fmt: skip
    db.executemany("INSERT INTO stories (id, label) VALUES (?, ?)",
                   [(make_id("sty", str(k)), f"story {k}") for k in range(n_stories)])  # fmt: skip
    for first in range(0, n_docs, CHUNK):
        _write_chunk(db, range(first, min(n_docs, first + CHUNK)), claims, model, rng,
                     centres, story_actors, story_places)  # fmt: skip
    db.execute("DELETE FROM link_queue")
    db.execute("COMMIT")
    db.execute("PRAGMA synchronous=NORMAL")
    store.close()
    return time.perf_counter() - start


def _write_chunk(
    db: Any, docs: range, claims: int, model: str, rng: np.random.Generator,
    centres: np.ndarray, story_actors: np.ndarray, story_places: np.ndarray,
) -> None:  # fmt: skip
    n, dim = len(docs), centres.shape[1]
    stories = np.array([i // DOCS_PER_STORY for i in docs]) % len(centres)
    doc_vectors = unit(centres[stories] + rng.normal(size=(n, dim)) / np.sqrt(dim) * 0.5)
    claim_vectors = unit(np.repeat(doc_vectors, claims, 0)
                         + rng.normal(size=(n * claims, dim)) / np.sqrt(dim) * 0.6)  # fmt: skip
    actors = np.concatenate([story_actors[stories], zipf(rng, ACTORS, (n, ACTOR_MENTIONS - 4))], 1)
    places = np.concatenate([story_places[stories], zipf(rng, PLACES, (n, PLACE_MENTIONS - 2))], 1)
    relations = rng.integers(0, RELATIONS, (n, claims))
    rows: dict[str, list[tuple[Any, ...]]] = {k: [] for k in (
        "documents", "mentions", "analyses", "claims", "claim_actors", "claim_places",
        "groups", "members", "vectors", "story_documents", "linked")}  # fmt: skip
    for j, i in enumerate(docs):
        k, doc = int(stories[j]), f"doc_syn{i:07d}"
        rows["documents"].append((doc, f"Story {k} article {i}", f"Article {i} of story {k}.",
                                  f"2024-{1 + k % 12:02d}-{1 + i % 28:02d}"))  # fmt: skip
        rows["mentions"] += [
            (doc, m, f"a{a}", f"act:syn{a}", None) for m, a in enumerate(actors[j])
        ]
        rows["mentions"] += [(doc, 100 + m, f"p{p}", None, f"pl:syn{p}")
                             for m, p in enumerate(places[j])]  # fmt: skip
        rows["analyses"].append((doc,))
        for c in range(claims):
            rel = f"rel{int(relations[j, c])}"
            cid = claim_id(doc, c, c + 1, rel)
            rows["claims"].append((cid, doc, c, c + 1, f"claim {c} of {doc}", rel))
            subject, obj = f"act:syn{actors[j][c % 4]}", f"act:syn{actors[j][4 + c % 8]}"
            rows["claim_actors"] += [(cid, "subject", 0, subject),
                                     (cid, "object", 0, obj)]  # fmt: skip
            rows["claim_places"].append((cid, 0, f"pl:syn{places[j][c % 2]}"))
            gid = make_id("grp", str(k), rel)
            rows["groups"].append((gid, f"group {k} {rel}", rel, cid))
            rows["members"].append((cid, gid))
            rows["vectors"].append(("claim", cid, model, claim_vectors[j * claims + c].tobytes()))
        rows["vectors"].append(("document", doc, model, doc_vectors[j].tobytes()))
        rows["story_documents"].append((doc, make_id("sty", str(k))))
        rows["linked"].append((doc, "synthetic"))
    db.executemany("INSERT INTO documents (id, title, text, language, published, record)"
                   " VALUES (?,?,?,'en',?,'{}')", rows["documents"])  # fmt: skip
    db.executemany('INSERT INTO mentions (document_id, start, "end", text, label, language,'
                   " backend, actor_id, place_id) VALUES (?,?,?+1,?,'X','en','synthetic',?,?)",
                   [(d, s, s, t, a, p) for d, s, t, a, p in rows["mentions"]])  # fmt: skip
    db.executemany("INSERT INTO analyses (document_id, version) VALUES (?, 'synthetic')",
                   rows["analyses"])  # fmt: skip
    db.executemany('INSERT INTO claims (id, document_id, start, "end", text, content_start,'
                   " content_end, content_text, relation, verb, modality, negated, language,"
                   " backend) VALUES (?,?,?,?,'claim',0,1,?,?,'','asserted',0,'en','synthetic')",
                   rows["claims"])  # fmt: skip
    db.executemany("INSERT INTO claim_actors (claim_id, role, position, actor_id)"
                   " VALUES (?,?,?,?)", rows["claim_actors"])  # fmt: skip
    db.executemany("INSERT INTO claim_places (claim_id, position, place_id) VALUES (?,?,?)",
                   rows["claim_places"])  # fmt: skip
    db.executemany("INSERT OR IGNORE INTO claim_groups (id, label, relation, anchor)"
                   " VALUES (?,?,?,?)", rows["groups"])  # fmt: skip
    db.executemany("INSERT INTO claim_group_members (claim_id, group_id) VALUES (?, ?)",
                   rows["members"])  # fmt: skip
    db.executemany("INSERT INTO vectors (kind, key, model, vector) VALUES (?,?,?,?)",
                   rows["vectors"])  # fmt: skip
    db.executemany("INSERT INTO story_documents (document_id, story_id) VALUES (?, ?)",
                   rows["story_documents"])  # fmt: skip
    db.executemany("INSERT INTO linked_documents (document_id, fingerprint) VALUES (?, ?)",
                   rows["linked"])  # fmt: skip


def new_document(record: dict[str, Any], run: int, claims: int, rng: np.random.Generator
                 ) -> tuple[Document, list[tuple[str, str, str]], list[Claim]]:  # fmt: skip
    """A real fixture article as analysis would store it, with entities from the store's."""
    text = record["text"]
    doc = Document(
        id=make_id("doc", "timing", str(run), str(time.time_ns())), text=text,
        title=record["title"], language=record["language"], languages=(record["language"],),
        paragraphs=(Paragraph(0, 0, len(text), record["language"]),),
        published=record["published"],
    )  # fmt: skip
    actors = [f"act:syn{int(a)}" for a in zipf(rng, ACTORS, ACTOR_MENTIONS)]
    places = [f"pl:syn{int(p)}" for p in zipf(rng, PLACES, PLACE_MENTIONS)]
    entities = [("actor", a, a) for a in actors] + [("place", p, p) for p in places]
    sentences = [s.strip() for s in text.replace("\n", " ").split(". ") if s.strip()]
    sentences = [f"{sentences[i % len(sentences)]} ({i})" for i in range(claims)]
    made = [
        Claim(id=claim_id(doc.id, i, i + 1, f"rel{i % RELATIONS}"), document_id=doc.id,
              start=0, end=1, text=s, content=Span(0, 1, s), subjects=(actors[i % 4],),
              objects=(actors[4 + i % 8],), relation=f"rel{i % RELATIONS}", verb="",
              places=(places[i % 2],), time=None, modality="asserted", negated=False,
              sources=(), language=doc.language or "")
        for i, s in enumerate(sentences)
    ]  # fmt: skip
    return doc, entities, made


def time_additions(path: Path, runs: int, claims: int, rng: np.random.Generator) -> dict[str, Any]:
    config = load_config(db=str(path))
    store = open_store(config)
    embedder = get_embedder(config.embedding_model)
    embedder.embed(["warm up"])
    start = time.perf_counter()  # the indexes are loaded (or built) once per process
    for kind in ("claim", "document"):
        VectorIndex.open(store, kind, embedder.name, embedder.dim).save()
    index_seconds = time.perf_counter() - start
    records = [json.loads(x) for x in FIXTURES.read_text("utf-8").splitlines()]
    totals, embeds = [], []
    for run in range(runs):
        doc, entities, made = new_document(records[run % len(records)], run, claims, rng)
        with store.transaction():
            insert_linkable(store.db, doc, entities, made)
        begin = time.perf_counter()
        embedder.embed([c.text for c in made] + [doc.title or "", doc.text[:600]])
        embeds.append(time.perf_counter() - begin)
        begin = time.perf_counter()
        summary = link_new(store, config)
        totals.append(time.perf_counter() - begin)
        assert summary.documents == (doc.id,), summary
    store.close()
    return {
        "median_ms": round(1000 * statistics.median(totals), 1),
        "embedding_ms": round(1000 * statistics.median(embeds), 1),
        "all_ms": [round(1000 * t, 1) for t in totals],
        "index_load_seconds": round(index_seconds, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=9, help="documents added per size")
    parser.add_argument("--claims", type=int, default=12, help="claims per document")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/claimtrace-bench-scale"))
    parser.add_argument("--keep", action="store_true", help="keep the stores (else deleted)")
    parser.add_argument(
        "--reuse", action="store_true", help="time on stores an earlier --keep run kept"
    )
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    print(f"command: {command_line()}")
    print(f"model {load_config().embedding_model}; {args.claims} claims and "
          f"{ACTOR_MENTIONS}+{PLACE_MENTIONS} actor+place mentions per document")  # fmt: skip
    results: dict[str, Any] = {}
    for size in [int(s) for s in args.sizes.split(",") if s]:
        rng = np.random.default_rng(size)
        path = args.workdir / f"scale-{size}.db"
        reuse = args.reuse and path.exists()  # its build time was printed when it was built
        built = 0.0 if reuse else build_store(path, size, args.claims, rng)
        timing = time_additions(path, args.runs, args.claims, rng)
        disk = sum(f.stat().st_size for f in args.workdir.glob(f"scale-{size}.db*") if f.is_file())
        results[str(size)] = {**timing, "build_seconds": round(built, 1),
                              "store_mb": round(disk / 1e6)}  # fmt: skip
        print(f"{size:>7} documents: add one {timing['median_ms']:7.1f} ms median of "
              f"{args.runs} (embedding ~{timing['embedding_ms']} ms); store built in "
              f"{built:.0f} s, {disk / 1e6:.0f} MB; indexes loaded/built in "
              f"{timing['index_load_seconds']} s", flush=True)  # fmt: skip
        if not args.keep:
            for f in args.workdir.glob(f"scale-{size}.db*"):
                shutil.rmtree(f) if f.is_dir() else f.unlink()
    sizes = sorted(results, key=int)
    if len(sizes) > 1:
        ratio = results[sizes[-1]]["median_ms"] / results[sizes[0]]["median_ms"]
        print(f"ratio {sizes[-1]}/{sizes[0]}: {ratio:.2f}")
        results["ratio"] = round(ratio, 2)
    path = write_result("link_scale", {"command": command_line(), "machine": machine_info(),
                                       "claims_per_document": args.claims, **results})  # fmt: skip
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
