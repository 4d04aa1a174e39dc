"""Story clustering quality (pairwise P/R/F1) and the time to link one new document.

Labelled sets (documents whose story is known), each ingested and analysed by claimtrace
itself (ingest -> analyse -> link_new), into stores kept under --workdir for re-runs:

- ``fixtures``: bench/fixtures/linking/stories.jsonl, 21 invented articles in en/de/fr/es
  telling 8 stories, with hard negatives (two Tanzanian ferry accidents, two Rotterdam port
  stories, two central-bank rate decisions, Chile's rates vs Chile's wildfires).
- ``seeds+samples``: ../shared/corpus/seeds (five de/en articles, one story) and the demo
  samples/corpus (one story in en/de/fr/es/ar, about a related region): two stories.
- ``polnear-halves``: ../shared/evaldata/polnear/dev has no story labels; each article is
  cut in two at a paragraph boundary and both halves are labelled with the article. 2016 US
  election news, so different articles share most actors: a test of precision. Two articles
  on one event count as different stories here, so precision is a lower bound.

Claim pairs: ``--claim-pairs`` (default bench/fixtures/linking/claim_pairs_multilingual.jsonl,
346 hand-written pairs in en/de/fr/es/ar/ru split into dev and test halves; layout in
bench/README.md): P/R/F1 of same-claim decisions per half and per same-/cross-language
kind, and stance() on pairs labelled contradict.

Pairwise metrics: every pair of documents in one predicted story is a positive; it is true
when both carry one label. ``--sweep`` also prints F1 over story thresholds, each from the
online linking run again over a copy of the store (stored vectors reused) and the spread
of pairwise compare() scores within and across stories.

Speed: stores of 1k and 10k *synthetic* linked documents (vectors, mentions, claims, claim
groups and stories written directly, no NLP), then the wall time of link_new for one new
real document (analysed entities and claims inserted directly), split into embedding and the
rest. Printed with the command.

    .venv/bin/python bench/linking.py                 # all sets, 1k and 10k timings
    .venv/bin/python bench/linking.py --sweep --sizes 1000
    .venv/bin/python bench/linking.py --sizes '' --sets ''   # claim pairs only
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from _common import DEFAULT_EVALDATA, REPO_DIR, command_line, machine_info, write_result

from claimtrace import api
from claimtrace.config import load_config
from claimtrace.ids import claim_id, make_id
from claimtrace.link.claim_groups import claim_score, claim_text, stance
from claimtrace.link.compare import compare
from claimtrace.link.embed import get_embedder
from claimtrace.link.run import link_new, model_name, stories, thresholds
from claimtrace.link.verify import qualifies
from claimtrace.records import Claim, Document, Paragraph, Span
from claimtrace.store import open_store
from claimtrace.store.sqlite_link import insert_linkable

FIXTURES = REPO_DIR / "bench" / "fixtures" / "linking" / "stories.jsonl"
CLAIM_PAIRS = REPO_DIR / "bench" / "fixtures" / "linking" / "claim_pairs.jsonl"  # the first 24
CLAIM_PAIRS_ML = REPO_DIR / "bench" / "fixtures" / "linking" / "claim_pairs_multilingual.jsonl"
SEEDS = REPO_DIR.parent / "shared" / "corpus" / "seeds"
SAMPLES = REPO_DIR / "samples" / "corpus"


# -- labelled sets --------------------------------------------------------------------------


def fixture_set(work: Path) -> tuple[list[Path], dict[str, str]]:
    labels = {}
    for line in FIXTURES.read_text("utf-8").splitlines():
        record = json.loads(line)
        labels[f"#id={record['id']}"] = record["story"]
    return [FIXTURES], labels


def seeds_set(work: Path) -> tuple[list[Path], dict[str, str]]:
    return [SEEDS, SAMPLES], {str(SEEDS): "seeds", str(SAMPLES): "samples"}


def polnear_set(
    work: Path, evaldata: Path, limit: int, offset: int = 0, name: str = "polnear-halves"
) -> tuple[list[Path], dict[str, str]]:
    """Articles ``offset`` to ``offset + limit`` of PolNeAR dev, cut in halves."""
    texts = sorted((evaldata / "polnear" / "dev" / "text").glob("*.txt"))[offset:][:limit]
    out = work / f"{name}.jsonl"
    labels = {}
    with out.open("w", encoding="utf-8") as handle:
        for path in texts:
            title, _, body = path.read_text("utf-8").partition("\n")
            paragraphs = [p for p in body.split("\n") if p.strip() and p.strip() != "ABSTRACT."]
            if len(paragraphs) < 4:
                continue
            middle = len(paragraphs) // 2
            for half, part in (("a", paragraphs[:middle]), ("b", paragraphs[middle:])):
                key = f"{path.stem}-{half}"
                record = {"id": key, "language": "en", "text": "\n\n".join(part)}
                if half == "a":
                    record["title"] = title.strip()
                handle.write(json.dumps(record) + "\n")
                labels[f"#id={key}"] = path.stem
    return [out], labels


def analysed_store(work: Path, name: str, inputs: list[Path]) -> str:
    """An ingested and analysed store for a set (kept, so re-runs only link)."""
    base = work / f"{name}.analysed.db"
    if not base.exists():
        print(f"  ingesting and analysing {name} (once; kept in {base})", file=sys.stderr)
        api.ingest(inputs, db=str(base))
        api.analyse(db=str(base))
    linked = work / f"{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{linked}{suffix}").unlink(missing_ok=True)
    source = open_store(load_config(db=str(base)))
    source.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    source.db.execute("VACUUM INTO ?", (str(linked),))
    source.close()
    clear_links(str(linked))  # analyse may have linked already: measure linking from scratch
    return str(linked)


def clear_links(db: str) -> None:
    """Forget every link (keeping the vectors, which are reused)."""
    store = open_store(load_config(db=db))
    for table in ("story_documents", "stories", "claim_group_members", "claim_groups",
                  "linked_documents"):  # fmt: skip
        store.db.execute(f"DELETE FROM {table}")
    store.db.execute("INSERT OR REPLACE INTO link_queue (document_id) SELECT document_id"
                     " FROM analyses ORDER BY document_id")  # fmt: skip
    store.close()


def gold_labels(db: str, labels: dict[str, str]) -> dict[str, str]:
    """document id -> story label, by the source key of each document's first source."""
    store = open_store(load_config(db=db))
    gold = {}
    for row in store.list_documents(limit=100_000):
        for source in store.sources_of(row["id"]):
            found = [v for k, v in labels.items() if k in source.key or source.key.startswith(k)]
            if found:
                gold[row["id"]] = found[0]
                break
    return gold


def pairwise(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(gold), 2):
        same_pred = predicted.get(a) is not None and predicted.get(a) == predicted.get(b)
        same_gold = gold[a] == gold[b]
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp,
            "fp": fp, "fn": fn}  # fmt: skip


def relink(db: str, labels: dict[str, str], story_threshold: float) -> dict[str, float]:
    """Link a copy of the store again from scratch with another story threshold; stored
    vectors are reused, so this costs no embedding."""
    copy = f"{db}.sweep.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    source = open_store(load_config(db=db))
    source.db.execute("VACUUM INTO ?", (copy,))
    source.close()
    clear_links(copy)
    config = load_config(db=copy, story_threshold=story_threshold)
    store = open_store(config)
    link_new(store, config)
    predicted = {d: s.id for s in stories(store) for d in s.documents}
    store.close()
    return pairwise(predicted, gold_labels(copy, labels))


def evaluate_set(name: str, db: str, labels: dict[str, str], sweep: bool) -> dict[str, Any]:
    config = load_config(db=db)
    store = open_store(config)
    gold = gold_labels(db, labels)
    start = time.perf_counter()
    summary = link_new(store, config)
    seconds = time.perf_counter() - start
    predicted = {d: s.id for s in stories(store) for d in s.documents}
    result: dict[str, Any] = {
        "documents": len(gold), "stories": len(set(gold.values())),
        "predicted_stories": len({predicted[d] for d in gold if d in predicted}),
        "link_seconds": round(seconds, 1), "groups_joined": summary.groups_joined,
        **pairwise(predicted, gold),
    }  # fmt: skip
    if sweep:
        ids = sorted(gold)
        pairs = itertools.combinations(ids, 2)
        edges = {(a, b): compare(store, a, b, config).score for a, b in pairs}
        result["edge_scores"] = _score_spread(edges, gold)
        result["sweep"] = {
            f"{t:.2f}": relink(db, labels, float(t))["f1"] for t in np.arange(0.4, 0.71, 0.05)
        }
    store.close()
    return result


def _score_spread(edges: dict[tuple[str, str], float], gold: dict[str, str]) -> dict[str, Any]:
    same = [s for (a, b), s in edges.items() if gold[a] == gold[b]]
    other = [s for (a, b), s in edges.items() if gold[a] != gold[b]]
    return {
        "same_story_min_median": [round(min(same), 3), round(statistics.median(same), 3)]
        if same else None,
        "other_story_max_p99": [round(max(other), 3), round(float(np.percentile(other, 99)), 3)]
        if other else None,
    }  # fmt: skip


# -- claim pairs -----------------------------------------------------------------------------


def claim_pairs(threshold: float, path: Path = CLAIM_PAIRS) -> dict[str, Any]:
    """Same-claim decisions on hand-labelled claim pairs (cross-language paraphrases,
    same-actor different claims, denials and other figures of one claim): P/R/F1 at the
    threshold per half (dev, test) and per kind (same or cross language), over a sweep, the
    best dev threshold and what it gives on test, and how often stance() calls a pair
    labelled ``"stance": "contradict"`` a contradiction. A pair the verifier qualifies
    (link/verify.py) and the encoder scores below a threshold gets the verifier's score when
    higher, as in linking. Layout: bench/README.md."""
    config = load_config()
    embedder = get_embedder(config.embedding_model)
    second = config.embedding_verifier.strip().lower()
    verifier = get_embedder(second) if second and second != model_name(config) else None
    lines = [x for x in path.read_text("utf-8").splitlines() if x.strip()]
    pairs = [json.loads(x) for x in lines]

    scored = []  # (encoder score, verifier score or None, same, half, kind, stance)
    for i, (line, pair) in enumerate(zip(lines, pairs, strict=True)):
        a, b = pair_claim(pair["a"], f"{i}a"), pair_claim(pair["b"], f"{i}b")
        va, vb = embedder.embed([claim_text(a), claim_text(b)])
        cosine = float(va @ vb)
        checked = None
        if verifier is not None and qualifies(a, b, cosine, embedder.floor):
            wa, wb = verifier.embed([claim_text(a), claim_text(b)])
            checked = claim_score(a, b, float(wa @ wb), verifier.floor)
        kind = "same-language" if a.language == b.language else "cross-language"
        found = stance(a, b) if pair.get("stance") else None
        scored.append((claim_score(a, b, cosine, embedder.floor), checked, pair["same"],
                       pair_half(pair, line), kind, (pair.get("stance"), found)))  # fmt: skip

    def prf(t: float, rows: list[Any]) -> dict[str, Any]:
        scores = [(max(s, c) if c is not None and s < t else s, same) for s, c, same, *_ in rows]
        tp = sum(s >= t and same for s, same in scores)
        fp = sum(s >= t and not same for s, same in scores)
        fn = sum(s < t and same for s, same in scores)
        p, r = tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0
        return {"pairs": len(rows), "precision": round(p, 3), "recall": round(r, 3),
                "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}  # fmt: skip

    grid = [round(float(t), 2) for t in np.arange(0.30, 0.81, 0.025)]
    result: dict[str, Any] = {"file": str(path), "pairs": len(scored),
                              "verifiable": sum(c is not None for _, c, *_ in scored)}  # fmt: skip
    for half in ("dev", "test"):
        rows = [x for x in scored if x[3] == half]
        stances = [x[5] for x in rows if x[5][0]]
        result[half] = {
            **prf(threshold, rows),
            **{kind: prf(threshold, [x for x in rows if x[4] == kind])
               for kind in ("same-language", "cross-language")},
            "sweep": {f"{t:.3f}": prf(t, rows)["f1"] for t in grid[::2]},
            "stance_pairs": len(stances),
            "stance_accuracy": round(sum(g == f for g, f in stances) / len(stances), 3)
            if stances else None,
        }  # fmt: skip
    dev = [x for x in scored if x[3] == "dev"]
    best = max(grid, key=lambda t: (prf(t, dev)["f1"], -abs(t - threshold)))
    result["best_dev_threshold"] = best
    result["test_at_best_dev"] = prf(best, [x for x in scored if x[3] == "test"])
    return result


def pair_claim(side: list[Any], key: str) -> Claim:
    """A claim from one side of a labelled pair: [language, text, relation, subjects,
    objects] and optionally a dict of places, modality and negated."""
    language, text, relation, subjects, objects, *rest = side
    extra = rest[0] if rest else {}
    return Claim(id=key, document_id=f"doc_{key}", start=0, end=len(text), text=text,
                 content=Span(0, len(text), text), subjects=tuple(subjects),
                 objects=tuple(objects), relation=relation, verb="",
                 places=tuple(extra.get("places", ())), time=None,
                 modality=extra.get("modality", "asserted"),
                 negated=bool(extra.get("negated", False)), sources=(),
                 language=language)  # fmt: skip


def pair_half(pair: dict[str, Any], line: str) -> str:
    """The pair's "split" field, else by a stable hash of its line (even -> dev)."""
    if pair.get("split") in ("dev", "test"):
        return str(pair["split"])
    return "dev" if hashlib.sha1(line.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def print_claim_pairs(c: dict[str, Any], threshold: float) -> None:
    print(f"claim pairs     {c['pairs']} hand-labelled in {c['file']} ({c['verifiable']}"
          f" verifiable), at threshold {threshold}:")  # fmt: skip
    for half in ("dev", "test"):
        h = c[half]
        kinds = "; ".join(
            f"{k} {h[k]['pairs']}: P {h[k]['precision']:.3f} R {h[k]['recall']:.3f}"
            f" F1 {h[k]['f1']:.3f}"
            for k in ("same-language", "cross-language")
        )
        print(f"  {half:4} {h['pairs']:3} pairs: P {h['precision']:.3f} R {h['recall']:.3f}"
              f" F1 {h['f1']:.3f} ({kinds}); stance accuracy on {h['stance_pairs']}"
              f" contradict pairs {h['stance_accuracy']}")  # fmt: skip
        print(f"       F1 by threshold: {h['sweep']}")
    t = c["test_at_best_dev"]
    print(
        f"  best dev threshold {c['best_dev_threshold']}: test P {t['precision']:.3f}"
        f" R {t['recall']:.3f} F1 {t['f1']:.3f} (not shipped; the lead sets thresholds)"
    )


# -- speed on synthetic stores --------------------------------------------------------------

DOCS_PER_STORY, ENTITIES, CLAIMS_PER_DOC, RELATIONS = 10, 5000, 4, 20


def synthetic_store(path: Path, n_docs: int, rng: np.random.Generator) -> Any:
    """A store holding ``n_docs`` linked synthetic documents, written directly."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    config = load_config(db=str(path))
    store = open_store(config)
    embedder = get_embedder(config.embedding_model)
    cone = embedder.embed([json.loads(x)["text"] for x in FIXTURES.read_text().splitlines()])
    base, dim = cone.mean(axis=0), embedder.dim

    def unit(rows: int) -> np.ndarray:
        x = rng.normal(size=(rows, dim)).astype(np.float32)
        return x / np.linalg.norm(x, axis=1, keepdims=True)

    def around(centres: np.ndarray, spread: float) -> np.ndarray:
        x = centres + spread * unit(len(centres))
        return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)

    n_stories = max(1, n_docs // DOCS_PER_STORY)
    story_centres = around(np.repeat(base[None, :], n_stories, 0) * 2.5, 1.0)
    zipf = lambda k: (rng.zipf(1.3, size=k) - 1) % ENTITIES  # noqa: E731
    db = store.db
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO actors (id, name, type) VALUES (?, ?, 'synthetic')",
        [(f"act:syn{i}", f"Synthetic actor {i}") for i in range(ENTITIES)],
    )
    story_entities = [zipf(4) for _ in range(n_stories)]
    doc_story = rng.integers(0, n_stories, n_docs)
    doc_vectors = around(story_centres[doc_story], 0.25)
    for i in range(n_docs):
        k, doc_id = int(doc_story[i]), f"doc_syn{i:06d}"
        text = f"Synthetic article {i} of story {k}. " * 20
        db.execute(
            "INSERT INTO documents (id, title, text, language, published, record) VALUES"
            " (?,?,?,?,?,'{}')",
            (
                doc_id,
                f"Story {k} article {i}",
                text,
                "en",
                f"2024-{1 + k % 12:02d}-{1 + i % 28:02d}",
            ),
        )
        entities = [*story_entities[k][:3], *zipf(3)]
        db.executemany(
            'INSERT INTO mentions (document_id, start, "end", text, label, language, backend,'
            " actor_id) VALUES (?,?,?,?,'ORG','en','synthetic',?)",
            [(doc_id, j, j + 1, f"e{e}", f"act:syn{e}") for j, e in enumerate(entities)],
        )
        db.execute("INSERT INTO analyses (document_id, version) VALUES (?, 'synthetic')", (doc_id,))
        claim_vectors = around(np.repeat(doc_vectors[i][None, :], CLAIMS_PER_DOC, 0), 0.1)
        for j in range(CLAIMS_PER_DOC):
            rel = f"rel{int(rng.integers(RELATIONS))}"
            cid = claim_id(doc_id, j, j + 1, rel)
            db.execute(
                'INSERT INTO claims (id, document_id, start, "end", text, content_start,'
                " content_end, content_text, relation, verb, modality, negated, language,"
                " backend) VALUES (?,?,?,?,?,?,?,?,?,'',?,0,'en','synthetic')",
                (cid, doc_id, j, j + 1, "claim", j, j + 1, f"claim {j} of {doc_id}", rel,
                 "asserted"),
            )  # fmt: skip
            db.executemany(
                "INSERT INTO claim_actors (claim_id, role, position, actor_id) VALUES (?,?,?,?)",
                [(cid, "subject", 0, f"act:syn{entities[j]}"),
                 (cid, "object", 0, f"act:syn{entities[j + 1]}")],
            )  # fmt: skip
            gid = make_id("grp", str(k), rel)
            db.execute(
                "INSERT OR IGNORE INTO claim_groups (id, label, relation, anchor) VALUES (?,?,?,?)",
                (gid, f"group {k} {rel}", rel, cid),
            )
            db.execute(
                "INSERT INTO claim_group_members (claim_id, group_id) VALUES (?, ?)", (cid, gid)
            )
            store.save_vectors("claim", embedder.name, {cid: claim_vectors[j]})
        store.save_vectors("document", embedder.name, {doc_id: doc_vectors[i]})
        sid = make_id("sty", str(k))
        db.execute("INSERT OR IGNORE INTO stories (id, label) VALUES (?, ?)", (sid, f"story {k}"))
        db.execute(
            "INSERT INTO story_documents (document_id, story_id) VALUES (?, ?)", (doc_id, sid)
        )
    for doc_id, fingerprint, _ in store.documents_to_link():
        store.mark_linked(doc_id, fingerprint)
    db.execute("COMMIT")
    return store


def time_one_document(store: Any, rng: np.random.Generator, runs: int) -> dict[str, Any]:
    config = load_config(db=store.path)
    embedder = get_embedder(config.embedding_model)
    records = [json.loads(x) for x in FIXTURES.read_text().splitlines()]
    totals, embeds = [], []
    for run in range(runs):
        record = records[run % len(records)]
        text = record["text"]
        doc = Document(
            id=make_id("doc", "timing", str(run), str(rng.integers(1 << 30))),
            text=text, title=record["title"],
            language=record["language"], languages=(record["language"],),
            paragraphs=(Paragraph(0, 0, len(text), record["language"]),),
            published=record["published"],
        )  # fmt: skip
        entities = [
            ("actor", f"act:syn{int(e)}", f"e{e}") for e in (rng.zipf(1.3, 6) - 1) % ENTITIES
        ]
        sentences = [s.strip() for s in text.replace("\n", " ").split(". ") if s.strip()][:4]
        claims = [
            Claim(id=claim_id(doc.id, i, i + 1, "rel1"), document_id=doc.id, start=0, end=1,
                  text=s, content=Span(0, 1, s), subjects=(entities[i][1],),
                  objects=(entities[i + 1][1],), relation=f"rel{i}", verb="", places=(),
                  time=None, modality="asserted", negated=False, sources=(),
                  language=doc.language or "")
            for i, s in enumerate(sentences)
        ]  # fmt: skip
        with store.transaction():
            insert_linkable(store.db, doc, entities, claims)
        start = time.perf_counter()
        embedder.embed([c.text for c in claims])
        embedder.embed([record["title"], text[:600], text[600:1200] or text[:10]])
        embeds.append(time.perf_counter() - start)
        start = time.perf_counter()
        summary = link_new(store, config)
        totals.append(time.perf_counter() - start)
        assert summary.documents == (doc.id,)
    return {
        "link_new_seconds_median": round(statistics.median(totals), 3),
        "embedding_seconds_median": round(statistics.median(embeds), 3),
        "runs": runs,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--evaldata", type=Path, default=DEFAULT_EVALDATA)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/claimtrace-bench-linking"))
    parser.add_argument("--polnear-articles", type=int, default=40)
    parser.add_argument("--sets", default="fixtures,seeds+samples,polnear-halves")
    parser.add_argument("--sizes", default="1000,10000", help="synthetic store sizes ('' = none)")
    parser.add_argument("--runs", type=int, default=3, help="timed documents per store size")
    parser.add_argument("--sweep", action="store_true", help="F1 over story thresholds")
    parser.add_argument("--claim-pairs", type=Path, default=CLAIM_PAIRS_ML,
                        help="labelled claim pairs (JSONL, layout in bench/README.md)")  # fmt: skip
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    claim_t, story_t = thresholds(load_config())
    print(f"command: {command_line()}")
    print(
        f"thresholds: claim_group {claim_t}, story {story_t}; model {load_config().embedding_model}"
    )
    makers = {
        "fixtures": lambda: fixture_set(args.workdir),
        "seeds+samples": lambda: seeds_set(args.workdir),
        "polnear-halves": lambda: polnear_set(args.workdir, args.evaldata, args.polnear_articles),
        # articles 40-79: the part thresholds are tuned on (bench/encoders.py); not a default
        "polnear-tune": lambda: polnear_set(
            args.workdir,
            args.evaldata,
            args.polnear_articles,
            args.polnear_articles,
            "polnear-tune",
        ),
    }
    results: dict[str, Any] = {
        "sets": {}, "speed": {}, "claim_pairs": claim_pairs(claim_t, args.claim_pairs)
    }  # fmt: skip
    print_claim_pairs(results["claim_pairs"], claim_t)
    for name in [s for s in args.sets.split(",") if s]:
        inputs, labels = makers[name]()
        db = analysed_store(args.workdir, name, inputs)
        result = evaluate_set(name, db, labels, args.sweep)
        results["sets"][name] = result
        print(f"{name:15} docs {result['documents']:3} stories {result['stories']:3} -> "
              f"{result['predicted_stories']:3}  P {result['precision']:.3f} "
              f"R {result['recall']:.3f} F1 {result['f1']:.3f}  (link_new "
              f"{result['link_seconds']} s)")  # fmt: skip
        if args.sweep:
            print(f"{'':15} F1 by threshold: {result['sweep']}")
            print(f"{'':15} pair scores: {result['edge_scores']}")
    rng = np.random.default_rng(5)
    for size in [int(s) for s in args.sizes.split(",") if s]:
        start = time.perf_counter()
        store = synthetic_store(args.workdir / f"synthetic-{size}.db", size, rng)
        built = time.perf_counter() - start
        timing = time_one_document(store, rng, args.runs)
        store.close()
        results["speed"][str(size)] = {**timing, "build_seconds": round(built, 1)}
        print(f"add one document to a store of {size} synthetic linked documents "
              f"(written directly, {CLAIMS_PER_DOC} claims each): link_new "
              f"{timing['link_new_seconds_median']} s median of {args.runs}, of which "
              f"embedding ~{timing['embedding_seconds_median']} s")  # fmt: skip
    path = write_result("linking", {"command": command_line(), "machine": machine_info(),
                                    "thresholds": [claim_t, story_t], **results})  # fmt: skip
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
