"""How complete the claims are on real pages: share of claims with a subject, an object,
a relation other than ``other`` and a source, per language.

The pages are named in a list file (one trafilatura-eval file name a line, ``#`` comments;
``bench/fixtures/claims/pages-tune.txt`` is the set the lexicons were tuned on,
``pages-heldout.txt`` the 40 pages read at the end of session 4, never tuned on) or given as
paths of HTML/text files. They are ingested once into a store kept in ``--work`` (reused on
the next run), then analysed in this process with the claim stage as it is now (nothing is
written back), so a run measures the code, not what the store holds.

    .venv/bin/python bench/claims.py bench/fixtures/claims/pages-heldout.txt
    .venv/bin/python bench/claims.py bench/fixtures/claims/pages-tune.txt --dump /tmp/c.jsonl

Figures per language and overall: ``claims`` (count), ``subject``, ``object`` (share with
at least one), ``neither`` (share with no subject and no object; target < 0.20),
``other`` (share whose relation is ``other``; target < 0.25), ``source`` (share with a
source chain). ``--dump`` writes every claim (sentence, content, relation, verb, actors,
sources) as JSON lines for reading.
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from _common import DEFAULT_EVALDATA, command_line, display_path, machine_info, write_result

from claimtrace import api
from claimtrace.config import load_config
from claimtrace.nlp.engine import analyse_batch
from claimtrace.pipeline import engine_settings
from claimtrace.records import Claim
from claimtrace.store import open_store

TRAFILATURA = "trafilatura-eval"


def page_paths(inputs: list[Path], evaldata: Path, into: Path) -> list[Path]:
    """HTML/text files to ingest: list files are read as trafilatura-eval names."""
    out: list[Path] = []
    for item in inputs:
        if item.suffix == ".txt" and item.is_file() and item.parent.name == "claims":
            for line in item.read_text("utf-8").splitlines():
                name = line.split("#", 1)[0].strip()
                if not name:
                    continue
                source = evaldata / TRAFILATURA / "html" / f"{name}.html.gz"
                if not source.is_file():
                    raise SystemExit(f"error: {source} not found (listed in {item})")
                target = into / f"{name}.html"
                if not target.exists():
                    target.write_bytes(gzip.decompress(source.read_bytes()))
                out.append(target)
        else:
            out.append(item)
    return out


def shares(claims: list[Claim]) -> dict[str, Any]:
    n = len(claims) or 1
    return {
        "claims": len(claims),
        "subject": round(sum(bool(c.subjects) for c in claims) / n, 3),
        "object": round(sum(bool(c.objects) for c in claims) / n, 3),
        "neither": round(sum(not c.subjects and not c.objects for c in claims) / n, 3),
        "other": round(sum(c.relation == "other" for c in claims) / n, 3),
        "source": round(sum(bool(c.sources) for c in claims) / n, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", type=Path, help="page list files or page paths")
    parser.add_argument("--evaldata", type=Path, default=DEFAULT_EVALDATA)
    parser.add_argument("--work", type=Path, default=None, help="folder kept between runs")
    parser.add_argument("--dump", type=Path, default=None, help="write the claims as JSONL")
    args = parser.parse_args()

    work = args.work or Path(tempfile.mkdtemp(prefix="claims-bench-"))
    (work / "pages").mkdir(parents=True, exist_ok=True)
    paths = page_paths(args.inputs, args.evaldata, work / "pages")
    config = load_config().with_overrides(db=str(work / "store.db"))
    api.ingest(paths, config=config)
    store = open_store(config)
    try:
        documents = [store.get_document(i) for i in store.documents_to_analyse("none")]
    finally:
        store.close()
    outcomes = analyse_batch(documents, engine_settings(config))
    by_language: dict[str, list[Claim]] = defaultdict(list)
    names: dict[str, str] = {}
    failures = [o for o in outcomes if o.error]
    for outcome in outcomes:
        if outcome.analysis is not None:
            for ref in outcome.analysis.actors:
                names[ref.id] = ref.name
        for claim in outcome.claims:
            by_language[claim.language].append(claim)
    every = [c for claims in by_language.values() for c in claims]
    result: dict[str, Any] = {"all": shares(every)}
    for language in sorted(by_language, key=lambda k: -len(by_language[k])):
        result[language] = shares(by_language[language])
    relations = Counter(c.relation for c in every)

    print(f"{len(documents)} documents, {len(every)} claims, {len(failures)} failures")
    print(f"{'':6}" + "".join(f"{k:>9}" for k in result["all"]))
    for key, row in result.items():
        print(f"{key:6}" + "".join(f"{v:>9}" for v in row.values()))
    print("relations:", ", ".join(f"{k} {v}" for k, v in relations.most_common()))
    print("command:", command_line())
    if args.dump:
        titles = {d.id: d.title for d in documents}
        with args.dump.open("w", encoding="utf-8") as out:
            for claim in every:
                row = {
                    "doc": titles.get(claim.document_id),
                    "lang": claim.language,
                    "sentence": claim.text,
                    "content": claim.content.text if claim.content else None,
                    "relation": claim.relation,
                    "verb": claim.verb,
                    "subjects": [names.get(a, a) for a in claim.subjects],
                    "objects": [names.get(a, a) for a in claim.objects],
                    "sources": [s.name for s in claim.sources],
                    "source_actors": [s.actor for s in claim.sources],
                    "places": list(claim.places),
                    "modality": claim.modality,
                }
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print("claims written to", display_path(args.dump))
    write_result(
        "claims",
        {
            "command": command_line(),
            "inputs": [str(p) for p in args.inputs],
            "documents": len(documents),
            "figures": result,
            "relations": dict(relations),
            "machine": machine_info(),
        },
    )


if __name__ == "__main__":
    main()
