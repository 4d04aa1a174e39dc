"""NER quality and speed per language on ../shared/evaldata/ner-news.

Entity-level micro P/R/F1 with exact span and type (CoNLL style; our GPE and LOC count as
LOC, NORP/EVENT/OTHER as MISC), plus a lenient type-agnostic variant where a prediction and
a gold entity match when their spans overlap. Sentences are the gold tokens joined by
spaces; a predicted span matches exactly when it starts at a gold entity's first token and
ends at its last. Speed is gold words per second of backend time (model load excluded,
reported separately).

Arabic has no test set here (see ner_arabic.py): it gets a small hand-annotated set of our
own (``ar-handmade``, through the rules backend and through the whole analyse stage) and a
table of actor recall on the Arabic event-coding sentences.

    .venv/bin/python bench/ner.py --limit 2000
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from _common import DEFAULT_EVALDATA, command_line, display_path, machine_info, write_result
from ner_arabic import (
    ANALYSE,
    HANDMADE,
    HANDMADE_LABEL,
    print_event_rows,
    read_anercorp,
    read_handmade,
    run_event_coding,
    run_handmade_analyse,
)
from tqdm import tqdm

from claimtrace.errors import MissingDependencyError
from claimtrace.nlp.entities.ner import DEFAULT_BACKENDS, get_backend, mentions_in_texts

# (folder, language, gold?) — the sets PROVENANCE.md lists that are present here.
SETS = [
    ("wikigold/en", "en", "gold"),
    ("wikineural/en", "en", "silver"),
    ("wikineural/de", "de", "silver"),
    ("wikineural/fr", "fr", "silver"),
    ("wikineural/es", "es", "silver"),
    ("wikineural/ru", "ru", "silver"),
    ("wikiann/es", "es", "silver"),
    ("wikiann/ru", "ru", "silver"),
    ("anercorp-camel", "ar", "gold"),  # listed in PROVENANCE.md, absent from the copy here
    ("ar-handmade", "ar", "own"),  # bench/fixtures/ner/ar-handmade.jsonl, see ner_arabic.py
    ("de-news", "de", "own"),  # bench/fixtures/ner/de-news.jsonl: German news paragraphs
]
DE_NEWS = Path(__file__).resolve().parent / "fixtures" / "ner" / "de-news.jsonl"
SCORE_LABEL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}  # rest: MISC
BATCH = 256

Entity = tuple[int, int, str]  # character start, end, gold-style label


def read_sentences(path: Path) -> Iterator[list[tuple[str, str]]]:
    opener: Any = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        sentence: list[tuple[str, str]] = []
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                if sentence:
                    yield sentence
                sentence = []
                continue
            if parts[1] != "-DOCSTART-":
                sentence.append((parts[1], parts[2]))
        if sentence:
            yield sentence


def to_text(sentence: list[tuple[str, str]]) -> tuple[str, list[Entity]]:
    """The sentence as text, with its gold entities as character spans (IOB2 decoded)."""
    text, gold, offset = [], [], 0
    current: list[Any] | None = None
    for token, tag in sentence:
        start, end = offset, offset + len(token)
        text.append(token)
        offset = end + 1
        kind = tag[2:] if len(tag) > 2 else ""
        if tag.startswith("B-") or (tag.startswith("I-") and (not current or current[2] != kind)):
            current = [start, end, kind]
            gold.append(current)
        elif tag.startswith("I-") and current:
            current[1] = end
        else:
            current = None
    return " ".join(text), [(s, e, k) for s, e, k in gold]


def score(pairs: list[tuple[list[Entity], list[Entity]]]) -> dict[str, float]:
    tp = n_pred = n_gold = 0
    lenient_pred = lenient_gold = 0
    for gold, pred in pairs:
        gold_set, pred_set = set(gold), set(pred)
        tp += len(gold_set & pred_set)
        n_pred += len(pred_set)
        n_gold += len(gold_set)
        overlaps = [(p, g) for p in pred_set for g in gold_set if p[0] < g[1] and g[0] < p[1]]
        lenient_pred += len({p for p, _ in overlaps})
        lenient_gold += len({g for _, g in overlaps})
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    lp = lenient_pred / n_pred if n_pred else 0.0
    lr = lenient_gold / n_gold if n_gold else 0.0
    return {
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "lenient_f1": 2 * lp * lr / (lp + lr) if lp + lr else 0.0,
        "gold": n_gold,
        "predicted": n_pred,
    }


def load_set(folder: Path, limit: int, offset: int = 0) -> list[tuple[str, list[Entity]]] | None:
    """At most ``limit`` sentences of a set; ``offset`` skips the first sentences of the
    Wikipedia-derived sets (not of our own small sets, which are always read whole)."""
    if folder.name == "ar-handmade":
        return read_handmade(HANDMADE)[:limit]
    if folder.name == "de-news":
        return read_handmade(DE_NEWS)[:limit]
    anercorp = folder / "ANERCorp_CamelLab_test.txt"
    if folder.name == "anercorp-camel":
        return [to_text(s) for s in read_anercorp(anercorp)[:limit]] if anercorp.is_file() else None
    files = sorted(folder.glob("test.conllu*"))
    if not files:
        return None
    sentences = []
    for i, sentence in enumerate(read_sentences(files[0])):
        if i >= offset + limit:
            break
        if i >= offset:
            sentences.append(to_text(sentence))
    return sentences


def run_set(
    folder: Path, language: str, backend: str, limit: int, offset: int = 0
) -> dict[str, Any] | None:
    sentences = load_set(folder, limit, offset)
    if not sentences:
        return None
    load_start = time.perf_counter()
    try:
        get_backend(backend)
    except MissingDependencyError as exc:
        print(f"skip {folder.name}/{language} {backend}: {exc}", file=sys.stderr)
        return None
    load_seconds = time.perf_counter() - load_start
    pairs: list[tuple[list[Entity], list[Entity]]] = []
    seconds = 0.0
    words = sum(len(text.split()) for text, _ in sentences)
    label = f"{folder.parent.name}/{folder.name} {backend}"
    for i in tqdm(range(0, len(sentences), BATCH), desc=label, file=sys.stderr, leave=False):
        batch = sentences[i : i + BATCH]
        start = time.perf_counter()
        found = mentions_in_texts([text for text, _ in batch], language, backend)
        seconds += time.perf_counter() - start
        for (_text, gold), mentions in zip(batch, found, strict=True):
            pred = [(m.start, m.end, SCORE_LABEL.get(m.label, "MISC")) for m in mentions]
            pairs.append((gold, pred))
    return {
        **score(pairs),
        "sentences": len(sentences),
        "words": words,
        "seconds": seconds,
        "words_per_second": words / seconds if seconds else 0.0,
        "load_seconds": load_seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--evaldata", type=Path, default=DEFAULT_EVALDATA)
    parser.add_argument("--limit", type=int, default=2000, help="sentences per set (2000)")
    parser.add_argument(
        "--offset",
        type=int,
        default=0,
        help="skip this many sentences of the Wikipedia-derived sets first (0); German rules "
        "were tuned on sentences 0-1999 of WikiNEuRal de, 4000-7999 are held out",
    )
    parser.add_argument(
        "--no-rules", action="store_true", help="skip the rules baseline on model languages"
    )
    parser.add_argument("--only", help="run only this language's rows, e.g. 'ar'")
    args = parser.parse_args()
    root = args.evaldata / "ner-news"
    rows: list[dict[str, Any]] = []
    for name, language, kind in SETS:
        if args.only and language != args.only:
            continue
        default = DEFAULT_BACKENDS.get(language, DEFAULT_BACKENDS["*"])
        backends = [default] if args.no_rules or default == "rules" else [default, "rules"]
        for backend in backends:
            result = run_set(root / name, language, backend, args.limit, args.offset)
            if result is not None:
                rows.append({"language": language, "set": name, "kind": kind, "backend": backend})
                rows[-1].update(result)
        if name == "ar-handmade":
            rows.append({"language": language, "set": name, "kind": kind, "backend": ANALYSE})
            rows[-1].update(run_handmade_analyse(score))
    header = f"{'lang':4} {'set':14} {'kind':6} {'backend':24} {'P':>5} {'R':>5} {'F1':>5}"
    print(header + f" {'lenF1':>5} {'words/s':>8} {'load s':>6} {'sents':>6}")
    for r in rows:
        print(
            f"{r['language']:4} {r['set']:14} {r['kind']:6} {r['backend']:24} "
            f"{r['precision']:5.3f} {r['recall']:5.3f} {r['f1']:5.3f} {r['lenient_f1']:5.3f} "
            f"{r['words_per_second']:8.0f} {r['load_seconds']:6.1f} {r['sentences']:6d}"
        )
    print(f"\nar-handmade = {HANDMADE_LABEL}: {display_path(HANDMADE)}")
    events = run_event_coding(args.evaldata, args.limit) if args.only in {None, "ar"} else []
    print_event_rows(events)
    payload = {"command": command_line(), "machine": machine_info(), "rows": rows}
    path = write_result("ner", {**payload, "arabic_event_coding": events})
    print(f"\ncommand: {command_line()}\nresults: {display_path(path)}")


if __name__ == "__main__":
    main()
