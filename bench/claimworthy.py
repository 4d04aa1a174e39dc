"""Claim-worthiness: F1 of the "Yes" class on CheckThat! 2024 task 1 (English dev-test).

Each sentence is analysed (NER, actors) as a one-sentence document and run through
``extract_claims`` with no attributions; it is predicted check-worthy ("Yes") when it yields
a claim that is not an opinion (modality asserted or alleged). Two variants are printed:
``facts`` (as the pipeline decides) and ``facts+opinions`` (opinions counted too). The
sentences are debate transcripts, so many factual claims name no actor ("we lost 70,000
factories"): the decision is built for news about actors, and recall shows that limit.

    .venv/bin/python bench/claimworthy.py
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path
from typing import Any

from _common import DEFAULT_EVALDATA, command_line, display_path, machine_info, write_result

from claimtrace.ids import document_id
from claimtrace.nlp.analyse import analyse_document
from claimtrace.nlp.claims import extract_claims
from claimtrace.records import Document, Paragraph

FILE = "checkthat2024-task1/english/CT24_checkworthy_english_dev-test.tsv"


def read_rows(path: Path, limit: int | None) -> list[tuple[str, bool]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [
            (row["Text"], row["class_label"].strip() == "Yes")
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]
    return rows[:limit] if limit else rows


def predict(text: str) -> set[str]:
    doc = Document(
        id=document_id(text),
        text=text,
        title=None,
        language="en",
        languages=("en",),
        paragraphs=(Paragraph(0, 0, len(text), "en"),),
    )
    return {c.modality for c in extract_claims(doc, analyse_document(doc), [])}


def f1(pairs: list[tuple[bool, bool]]) -> dict[str, float]:
    tp = sum(p and g for p, g in pairs)
    fp = sum(p and not g for p, g in pairs)
    fn = sum(g and not p for p, g in pairs)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": round(precision, 3), "r": round(recall, 3), "f1": round(score, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--evaldata", type=Path, default=DEFAULT_EVALDATA)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    rows = read_rows(args.evaldata / FILE, args.limit)
    started = time.perf_counter()
    predicted = [(predict(text), gold) for text, gold in rows]
    seconds = time.perf_counter() - started
    facts = f1([(bool(m - {"opinion"}), g) for m, g in predicted])
    both = f1([(bool(m), g) for m, g in predicted])
    baseline = f1([(True, g) for _, g in predicted])
    result: dict[str, Any] = {
        "sentences": len(rows),
        "positives": sum(g for _, g in rows),
        "facts": facts,
        "facts+opinions": both,
        "all-yes baseline": baseline,
        "seconds": round(seconds, 1),
    }
    print(f"CheckThat! 2024 task 1, English dev-test: {len(rows)} sentences")
    for name in ("facts", "facts+opinions", "all-yes baseline"):
        row = result[name]
        print(f"  {name:<17} P {row['p']:.3f}  R {row['r']:.3f}  F1(Yes) {row['f1']:.3f}")
    path = write_result(
        "claimworthy", {"command": command_line(), "machine": machine_info(), **result}
    )
    print(f"\ncommand: {command_line()}\nresults: {display_path(path)}")


if __name__ == "__main__":
    main()
