"""Attribution extraction quality and speed on ../shared/evaldata/polnear/dev (English).

Per role (source, cue, content): span precision, recall and F1, micro-summed over the
articles, in two variants:
  exact   — a predicted span equals a gold span (both stripped of surrounding whitespace and
            punctuation; a discontinuous gold span counts by its full extent);
  overlap — a predicted span and a gold span share at least one word token (tokens are
            runs of letters/digits; a discontinuous gold span counts only its fragments).
P = matched predictions / predictions, R = matched gold spans / gold spans. Relations with
no Source (PolNeAR leaves some implicit) contribute only their cue and content. One
annotation file per article (the first by name; some articles have two annotators).
Sentences come from claimtrace's splitter (nlp/text/sentences.py), paragraphs from blank lines.
Speed: gold-text words per second of find_attributions time (model load excluded).

    .venv/bin/python bench/attribution.py
    .venv/bin/python bench/attribution.py --backends "en=rules"   # the token-pattern backend
    .venv/bin/python bench/attribution.py --half 1   # the first half (tuning), --half 2 held out
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _common import DEFAULT_EVALDATA, command_line, display_path, machine_info, write_result

from claimtrace.nlp.attribution import find_attributions
from claimtrace.nlp.text.sentences import split_sentences
from claimtrace.records import Attribution, Document, Paragraph

ROLES = ("source", "cue", "content")
WORD = re.compile(r"\w+")
STRIP = " \t\n\r.,;:!?\"'“”‘’«»()[]—–-"

Fragments = tuple[tuple[int, int], ...]


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    exact_p: int = 0
    exact_g: int = 0
    overlap_p: int = 0
    overlap_g: int = 0


@dataclass
class Article:
    name: str
    text: str
    gold: dict[str, list[Fragments]] = field(default_factory=dict)


def read_ann(path: Path) -> dict[str, list[Fragments]]:
    spans: dict[str, tuple[str, Fragments]] = {}
    gold: dict[str, list[Fragments]] = {role: [] for role in ROLES}
    for line in path.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, offsets = parts[1].partition(" ")
            frags = tuple(
                (int(a), int(b)) for a, b in (piece.split() for piece in offsets.split(";"))
            )
            spans[parts[0]] = (kind, frags)
        elif line.startswith("E") and len(parts) >= 2:
            for arg in parts[1].split()[1:]:
                role, _, ref = arg.partition(":")
                if role.lower() in gold and ref in spans:
                    gold[role.lower()].append(spans[ref][1])
    return gold


def load_articles(folder: Path, limit: int | None, half: int | None = None) -> list[Article]:
    """The articles in name order; ``half`` 1 or 2: the first or second half of them
    (the first is the one tuned on, the second held out)."""
    articles = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        anns = sorted((folder / "attributions").glob(f"{text_path.stem}_*.ann"))
        if not anns:
            continue
        articles.append(Article(text_path.stem, text_path.read_text("utf-8"), read_ann(anns[0])))
    if half is not None:
        middle = (len(articles) + 1) // 2
        articles = articles[:middle] if half == 1 else articles[middle:]
    return articles if limit is None else articles[:limit]


def to_document(name: str, text: str) -> tuple[Document, list[tuple[int, int]]]:
    paragraphs, sentences = [], []
    for i, m in enumerate(re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text)):
        paragraphs.append(Paragraph(i, m.start(), m.end(), "en"))
        for s, e in split_sentences(m.group(), "en"):
            sentences.append((m.start() + s, m.start() + e))
    doc = Document(name, text, None, "en", ("en",), tuple(paragraphs))
    return doc, sentences


def _exact(text: str, frags: Fragments) -> tuple[int, int]:
    start, end = frags[0][0], frags[-1][1]
    while start < end and text[start] in STRIP:
        start += 1
    while end > start and text[end - 1] in STRIP:
        end -= 1
    return start, end


def _words(text: str, frags: Fragments) -> set[int]:
    return {m.start() for s, e in frags for m in WORD.finditer(text, s, e)}


def score(text: str, gold: list[Fragments], pred: list[Fragments], counts: Counts) -> None:
    gold_exact = {_exact(text, g) for g in gold}
    pred_exact = [_exact(text, p) for p in pred]
    gold_words = [_words(text, g) for g in gold]
    pred_words = [_words(text, p) for p in pred]
    counts.gold += len(gold)
    counts.predicted += len(pred)
    counts.exact_p += sum(1 for p in pred_exact if p in gold_exact)
    counts.exact_g += len(gold_exact & set(pred_exact))
    counts.overlap_p += sum(1 for p in pred_words if any(p & g for g in gold_words))
    counts.overlap_g += sum(1 for g in gold_words if any(g & p for p in pred_words))


def predicted(found: Iterable[Attribution], role: str) -> list[Fragments]:
    out = []
    for a in found:
        span = getattr(a, role)
        if span is not None:
            out.append(((span.start, span.end),))
    return list(dict.fromkeys(out))


def source_errors(
    article: Article, sentences: list[tuple[int, int]], pred: list[Fragments]
) -> list[str]:
    """One line per false source (FALSE) and per missed gold source (MISS), with the
    sentence it stands in."""
    text = article.text
    gold_words = [_words(text, g) for g in article.gold["source"]]
    pred_words = [_words(text, p) for p in pred]

    def line(kind: str, frags: Fragments) -> str:
        start, end = frags[0][0], frags[-1][1]
        sent = next(((s, e) for s, e in sentences if s <= start < e), (start, end))
        phrase = " ".join(text[s:e] for s, e in frags)
        context = " ".join(text[sent[0] : sent[1]].split())
        return f"{kind}\t{article.name}\t{phrase}\t{context}"

    out = [
        line("FALSE", p)
        for p, w in zip(pred, pred_words, strict=True)
        if not any(w & g for g in gold_words)
    ]
    out += [
        line("MISS", g)
        for g, w in zip(article.gold["source"], gold_words, strict=True)
        if not any(w & p for p in pred_words)
    ]
    return out


def prf(tp_p: int, tp_g: int, n_p: int, n_g: int) -> dict[str, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--evaldata", type=Path, default=DEFAULT_EVALDATA)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--backends", default=None, help="attribution_backends, e.g. en=rules")
    parser.add_argument(
        "--show",
        type=Path,
        default=None,
        help="write the false and missed sources (overlap) with their sentences to this file",
    )
    parser.add_argument(
        "--half",
        type=int,
        choices=(1, 2),
        default=None,
        help="1: the first half of the articles by name (tuned on); 2: the second (held out)",
    )
    args = parser.parse_args()
    articles = load_articles(args.evaldata / "polnear" / "dev", args.limit, args.half)
    counts = {role: Counts() for role in ROLES}
    load_start = time.perf_counter()
    warm, warm_sentences = to_document("warm-up", "The minister said that it rained.")
    find_attributions(warm, warm_sentences, args.backends)
    load_seconds = time.perf_counter() - load_start
    seconds, words, relations, found_total = 0.0, 0, 0, 0
    shown: list[str] = []
    for article in articles:
        doc, sentences = to_document(article.name, article.text)
        start = time.perf_counter()
        found = find_attributions(doc, sentences, args.backends)
        seconds += time.perf_counter() - start
        words += len(article.text.split())
        relations += len(article.gold["cue"])
        found_total += len(found)
        for role in ROLES:
            score(article.text, article.gold[role], predicted(found, role), counts[role])
        if args.show is not None:
            shown.extend(source_errors(article, sentences, predicted(found, "source")))
    rows: list[dict[str, Any]] = []
    print(
        f"{'role':8} {'exP':>5} {'exR':>5} {'exF1':>5}  {'ovP':>5} {'ovR':>5} {'ovF1':>5}"
        f" {'gold':>5} {'pred':>5}"
    )
    for role in ROLES:
        c = counts[role]
        exact = prf(c.exact_p, c.exact_g, c.predicted, c.gold)
        overlap = prf(c.overlap_p, c.overlap_g, c.predicted, c.gold)
        rows.append(
            {
                "role": role,
                "exact": exact,
                "overlap": overlap,
                "gold": c.gold,
                "predicted": c.predicted,
            }
        )
        print(
            f"{role:8} {exact['precision']:5.3f} {exact['recall']:5.3f} {exact['f1']:5.3f}  "
            f"{overlap['precision']:5.3f} {overlap['recall']:5.3f} {overlap['f1']:5.3f}"
            f" {c.gold:5d} {c.predicted:5d}"
        )
    if args.show is not None:
        args.show.write_text("\n".join(shown) + "\n", "utf-8")
        print(f"source errors: {display_path(args.show)} ({len(shown)} lines)")
    speed = words / seconds if seconds else 0.0
    print(
        f"\narticles {len(articles)}, gold relations {relations}, predicted {found_total}; "
        f"{words} words in {seconds:.1f} s = {speed:.0f} words/s (load {load_seconds:.1f} s)"
    )
    payload = {
        "command": command_line(),
        "machine": machine_info(),
        "rows": rows,
        "articles": len(articles),
        "words_per_second": speed,
        "load_seconds": load_seconds,
        "backends": args.backends,
        "half": args.half,
    }
    suffix = re.sub(r"[^a-z0-9]+", "-", (args.backends or "").lower()).strip("-")
    if args.half:
        suffix = f"{suffix}-half{args.half}".strip("-")
    path = write_result(f"attribution-{suffix}" if suffix else "attribution", payload)
    print(f"\ncommand: {command_line()}\nresults: {display_path(path)}")


if __name__ == "__main__":
    main()
