"""Main-text extraction quality on the trafilatura evaluation set (../shared/evaldata).

Scores bare trafilatura and claimtrace's clean stage side by side with the snippet metric of
trafilatura-eval/PROVENANCE.md and writes bench/results/extraction.json.

    .venv/bin/python bench/extraction.py               # all 990 pages
    .venv/bin/python bench/extraction.py --limit 100   # a quick look
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import re
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import trafilatura
from _common import (
    EvalPage,
    add_common_arguments,
    command_line,
    display_path,
    load_eval_pages,
    machine_info,
    read_html,
    trafilatura_eval_dir,
    write_result,
)
from tqdm import tqdm

from claimtrace.clean.document import build_document
from claimtrace.clean.html import extract_html
from claimtrace.config import Config, load_config
from claimtrace.records import Document, RawPage

BARE = "trafilatura (bare)"
PRE_CLEAN = "trafilatura (claimtrace settings, before clean_text)"
CLAIMTRACE = "claimtrace"
TITLE_TEXT = "claimtrace (title+text)"
SYSTEMS = (BARE, PRE_CLEAN, CLAIMTRACE, TITLE_TEXT)
GAP_SYSTEM = TITLE_TEXT  # compared page by page with BARE; the title is stored too
MAX_GAP_PAGES = 20

_WHITESPACE = re.compile(r"\s+")
_HTML_LANG = re.compile(rb"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_STATE: dict[str, Any] = {}  # per process: eval folder and claimtrace config


# --- metric -----------------------------------------------------------------------------


def normalise(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    tn: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.tn += other.tn
        self.fn += other.fn

    def metrics(self) -> dict[str, float]:
        total = self.tp + self.fp + self.tn + self.fn
        return {
            "precision": _ratio(self.tp, self.tp + self.fp),
            "recall": _ratio(self.tp, self.tp + self.fn),
            "accuracy": _ratio(self.tp + self.tn, total),
            "f1": _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn),
        }


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


@dataclass(frozen=True)
class Score:
    """One system on one page: the gold snippets it missed and the boilerplate it kept."""

    counts: Counts
    missed: tuple[str, ...]
    extra: tuple[str, ...]

    @property
    def errors(self) -> int:
        return self.counts.fp + self.counts.fn


def score_output(output: str, page: EvalPage) -> Score:
    text = normalise(output)
    missed = tuple(s for s in page.with_ if normalise(s) not in text)
    extra = tuple(s for s in page.without if normalise(s) in text)
    counts = Counts(
        tp=len(page.with_) - len(missed),
        fp=len(extra),
        tn=len(page.without) - len(extra),
        fn=len(missed),
    )
    return Score(counts, missed, extra)


# --- systems ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Output:
    text: str
    seconds: float
    error: str | None = None  # "Type: message" when the system raised
    note: str | None = None  # e.g. the Failure reason when claimtrace returned no document


@dataclass(frozen=True)
class ClaimtraceRun:
    text: str
    title: str
    note: str | None
    removed: tuple[tuple[str, str], ...]


def _timed(func: Callable[[], Any]) -> tuple[Any, float, str | None]:
    start = time.perf_counter()
    try:
        value = func()
    except Exception as exc:  # a crash counts as empty output
        return None, time.perf_counter() - start, describe_error(exc)
    return value, time.perf_counter() - start, None


def describe_error(exc: Exception) -> str:
    """``Type: message (at file:line in function)`` of the innermost frame."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = ""
    if frames:
        last = frames[-1]
        where = f" (at {Path(last.filename).name}:{last.lineno} in {last.name})"
    message = f": {exc}" if str(exc) else ""
    return f"{type(exc).__name__}{message}"[:240] + where


def _bare(html: bytes) -> str:
    return trafilatura.extract(html) or ""


def _pre_clean(html: bytes, url: str | None) -> str:
    page = extract_html(html, url)
    return page.text if page is not None else ""


def _claimtrace(html: bytes, page: EvalPage, config: Config) -> ClaimtraceRun:
    raw = RawPage(
        source=page.file, path=page.file, sha256="", format="html", content=html, url=page.real_url
    )
    built = build_document(raw, config)
    if not isinstance(built, Document):
        return ClaimtraceRun("", "", f"{built.stage}: {built.reason}", ())
    return ClaimtraceRun(built.text, built.title or "", None, built.removed)


def run_systems(html: bytes, page: EvalPage, config: Config) -> tuple[dict[str, Output], Any]:
    """Every system's output for one page, plus claimtrace's run (None if it crashed)."""
    bare, bare_s, bare_err = _timed(lambda: _bare(html))
    pre, pre_s, pre_err = _timed(lambda: _pre_clean(html, page.real_url))
    run, ct_s, ct_err = _timed(lambda: _claimtrace(html, page, config))
    text = run.text if run else ""
    title_text = f"{run.title}\n{run.text}" if run else ""
    note = run.note if run else None
    outputs = {
        BARE: Output(bare or "", bare_s, bare_err),
        PRE_CLEAN: Output(pre or "", pre_s, pre_err),
        CLAIMTRACE: Output(text, ct_s, ct_err, note),
        TITLE_TEXT: Output(title_text, ct_s, ct_err, note),
    }
    return outputs, run


# --- one page ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PageResult:
    page: EvalPage
    language: str
    outputs: dict[str, Output]
    scores: dict[str, Score]
    in_pre_clean: frozenset[str]  # gold/boilerplate snippets present before clean_text
    removed_hits: tuple[dict[str, str], ...]  # cleaner-removed lines holding a missed snippet


def guess_language(html: bytes) -> str:
    """The <html lang> attribute (cheap, independent of both systems), else "unknown"."""
    match = _HTML_LANG.search(html[:200_000])
    return match.group(1).decode("ascii").lower()[:2] if match else "unknown"


def _removed_hits(
    missed: tuple[str, ...], removed: tuple[tuple[str, str], ...]
) -> list[dict[str, str]]:
    hits = []
    for snippet in missed:
        wanted = normalise(snippet)
        for line, why in removed:
            got = normalise(line)
            if got and (wanted in got or got in wanted):
                hits.append({"snippet": snippet, "removed_line": line[:300], "why": why})
    return hits


def evaluate_page(page: EvalPage) -> PageResult:
    html = read_html(_STATE["folder"], page.file)
    outputs, run = run_systems(html, page, _STATE["config"])
    scores = {name: score_output(out.text, page) for name, out in outputs.items()}
    pre_text = normalise(outputs[PRE_CLEAN].text)
    present = frozenset(s for s in (*page.with_, *page.without) if normalise(s) in pre_text)
    removed = run.removed if run else ()
    hits = _removed_hits(scores[TITLE_TEXT].missed, removed)
    return PageResult(page, guess_language(html), outputs, scores, present, tuple(hits))


_WARM_UP = (
    b"<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>"
    + b"<p>This paragraph only loads the language models before timing starts.</p>" * 5
    + b"</article></body></html>"
)


def _init_worker(folder: Path) -> None:
    logging.disable(logging.CRITICAL)  # trafilatura/htmldate warnings would flood the output
    _STATE["folder"] = folder
    _STATE["config"] = load_config()
    page = EvalPage("https://example.org/warm-up", "warm-up.html", (), ())
    _timed(lambda: _claimtrace(_WARM_UP, page, _STATE["config"]))  # one-time model loading


def iter_results(pages: list[EvalPage], folder: Path, workers: int) -> Iterator[PageResult]:
    if workers <= 1:
        _init_worker(folder)
        yield from map(evaluate_page, pages)
        return
    with multiprocessing.Pool(workers, initializer=_init_worker, initargs=(folder,)) as pool:
        yield from pool.imap(evaluate_page, pages, chunksize=4)


# --- aggregation ------------------------------------------------------------------------


@dataclass
class SystemTally:
    counts: Counts = field(default_factory=Counts)
    pages: int = 0
    crashes: int = 0
    empty: int = 0  # no crash, but no text (e.g. claimtrace returned a Failure record)
    seconds: float = 0.0
    errors: Counter[str] = field(default_factory=Counter)
    notes: Counter[str] = field(default_factory=Counter)

    def add(self, output: Output, score: Score) -> None:
        self.counts.add(score.counts)
        self.pages += 1
        self.seconds += output.seconds
        if output.error is not None:
            self.crashes += 1
            self.errors[output.error] += 1
        elif not output.text.strip():
            self.empty += 1
        if output.note:
            self.notes[output.note] += 1

    def to_dict(self) -> dict[str, Any]:
        return {
            **{k: round(v, 4) for k, v in self.counts.metrics().items()},
            "tp": self.counts.tp,
            "fp": self.counts.fp,
            "tn": self.counts.tn,
            "fn": self.counts.fn,
            "pages": self.pages,
            "crashes": self.crashes,
            "empty_outputs": self.empty,
            "seconds": round(self.seconds, 2),
            "crash_examples": dict(self.errors.most_common(5)),
            "no_document_reasons": dict(self.notes.most_common(5)),
        }


def tally_systems(results: list[PageResult]) -> dict[str, SystemTally]:
    tallies = {name: SystemTally() for name in SYSTEMS}
    for result in results:
        for name in SYSTEMS:
            tallies[name].add(result.outputs[name], result.scores[name])
    return tallies


def tally_languages(results: list[PageResult]) -> dict[str, dict[str, Any]]:
    by_lang: dict[str, dict[str, Counts]] = {}
    pages: Counter[str] = Counter()
    for result in results:
        pages[result.language] += 1
        counts = by_lang.setdefault(result.language, {name: Counts() for name in SYSTEMS})
        for name in SYSTEMS:
            counts[name].add(result.scores[name].counts)
    return {
        lang: {"pages": pages[lang], **{n: _rounded(c.metrics()) for n, c in counts.items()}}
        for lang, counts in sorted(by_lang.items(), key=lambda item: -pages[item[0]])
    }


def _rounded(metrics: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 4) for k, v in metrics.items()}


def cleaner_effect(results: list[PageResult]) -> dict[str, Any]:
    """Snippets present in the extractor output before clean_text but gone after it.

    Counted on title+text (a headline lifted into the title is not lost) and only over the
    pages where claimtrace did not crash, so a crashing cleaner does not read as a lossy one.
    """
    pages = dropped = 0
    lost: list[dict[str, Any]] = []
    for result in results:
        if result.outputs[TITLE_TEXT].error is not None:
            continue
        after = result.scores[TITLE_TEXT]
        pages += 1
        lost += [_lost_entry(result, s) for s in after.missed if s in result.in_pre_clean]
        dropped += sum(
            1 for s in result.page.without if s in result.in_pre_clean and s not in after.extra
        )
    return {
        "pages": pages,
        "gold_snippets_lost": len(lost),
        "boilerplate_snippets_removed": dropped,
        "lost": lost[:MAX_GAP_PAGES],
    }


def _lost_entry(result: PageResult, snippet: str) -> dict[str, Any]:
    hits = [h for h in result.removed_hits if h["snippet"] == snippet]
    return {"file": result.page.file, "snippet": snippet, "cleaner_removed": hits}


def gap_pages(results: list[PageResult]) -> dict[str, Any]:
    """Pages where GAP_SYSTEM makes more snippet errors (FP+FN) than bare trafilatura."""
    worse = [r for r in results if r.scores[GAP_SYSTEM].errors > r.scores[BARE].errors]
    better = sum(1 for r in results if r.scores[GAP_SYSTEM].errors < r.scores[BARE].errors)
    worse.sort(key=lambda r: (r.scores[BARE].errors - r.scores[GAP_SYSTEM].errors, r.page.file))
    return {
        "compared": [GAP_SYSTEM, BARE],
        "worse_pages": len(worse),
        "better_pages": better,
        "pages": [_gap_entry(r) for r in worse[:MAX_GAP_PAGES]],
    }


def _gap_entry(result: PageResult) -> dict[str, Any]:
    ours, bare = result.scores[GAP_SYSTEM], result.scores[BARE]
    output = result.outputs[GAP_SYSTEM]
    via_title = set(ours.extra) - set(result.scores[CLAIMTRACE].extra)
    return {
        "file": result.page.file,
        "url": result.page.url,
        "language": result.language,
        "errors": {"claimtrace": ours.errors, "trafilatura_bare": bare.errors},
        "missed": [
            _snippet(s, {"found_by_bare_trafilatura": s not in bare.missed}, result)
            for s in ours.missed
        ],
        "extra": [
            _snippet(
                s,
                {"also_in_bare_trafilatura": s in bare.extra, "only_via_title": s in via_title},
                result,
            )
            for s in ours.extra
        ],
        "cleaner_removed": list(result.removed_hits),
        "claimtrace_error": output.error or output.note,
    }


def _snippet(text: str, bare: dict[str, bool], result: PageResult) -> dict[str, Any]:
    return {"snippet": text, **bare, "present_before_clean_text": text in result.in_pre_clean}


# --- output -----------------------------------------------------------------------------


def print_table(tallies: dict[str, SystemTally]) -> None:
    width = max(len(name) for name in SYSTEMS)
    print(f"{'system':<{width}}      P      R    Acc     F1  pages  crashes  empty  seconds")
    for name, tally in tallies.items():
        m = tally.counts.metrics()
        print(
            f"{name:<{width}}  {m['precision']:.3f}  {m['recall']:.3f}  {m['accuracy']:.3f}"
            f"  {m['f1']:.3f}  {tally.pages:5d}  {tally.crashes:7d}  {tally.empty:5d}"
            f"  {tally.seconds:7.1f}"
        )


def print_crashes(tallies: dict[str, SystemTally]) -> None:
    for name, tally in tallies.items():
        for error, count in tally.errors.most_common(3):
            print(f"  crashes in {name}: {count} x {error}")
        if tally.pages and tally.crashes == tally.pages:
            print(f"  WARNING: {name} crashed on every page; its scores are those of empty output")


def print_languages(by_lang: dict[str, dict[str, Any]]) -> None:
    shown = (BARE, CLAIMTRACE, TITLE_TEXT)
    print("F1 by language (<html lang>):  " + " | ".join(shown))
    for lang, row in by_lang.items():
        cells = "  ".join(f"{row[name]['f1']:.3f}" for name in shown)
        print(f"  {lang:<8} {row['pages']:4d} pages  {cells}")


def print_gap(gap: dict[str, Any], effect: dict[str, Any]) -> None:
    print(
        f"clean_text effect over {effect['pages']} pages where claimtrace ran: "
        f"{effect['gold_snippets_lost']} gold snippets lost, "
        f"{effect['boilerplate_snippets_removed']} boilerplate snippets removed"
    )
    for entry in effect["lost"]:
        whys = sorted({hit["why"] for hit in entry["cleaner_removed"]}) or ["?"]
        print(f"  lost in {entry['file']}: {entry['snippet']!r} (removed as {', '.join(whys)})")
    print(
        f"pages where {GAP_SYSTEM} is worse than {BARE}: {gap['worse_pages']} "
        f"(better: {gap['better_pages']}); first {len(gap['pages'])} in the JSON"
    )


# --- main -------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_common_arguments(parser)
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    return parser.parse_args(argv)


def collect(pages: list[EvalPage], folder: Path, workers: int) -> list[PageResult]:
    results = iter_results(pages, folder, workers)
    return list(tqdm(results, total=len(pages), desc="extraction", unit="page", file=sys.stderr))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    folder = trafilatura_eval_dir(args.evaldata)
    pages = load_eval_pages(folder, args.limit)
    started = time.perf_counter()
    results = collect(pages, folder, args.workers)
    wall = time.perf_counter() - started
    tallies = tally_systems(results)
    by_lang = tally_languages(results)
    effect = cleaner_effect(results)
    gap = gap_pages(results)
    command = command_line()
    print(f"command: {command}")
    print(
        f"trafilatura-eval: {len(pages)} pages, {sum(len(p.with_) for p in pages)} gold + "
        f"{sum(len(p.without) for p in pages)} boilerplate snippets; wall {wall:.1f} s, "
        f"{args.workers} worker(s)"
    )
    print_table(tallies)
    print_crashes(tallies)
    print_languages(by_lang)
    print_gap(gap, effect)
    payload = {
        "benchmark": "extraction",
        "command": command,
        "dataset": str(folder),
        "pages": len(pages),
        "limit": args.limit,
        "workers": args.workers,
        "wall_seconds": round(wall, 2),
        "machine": machine_info(),
        "systems": {name: tally.to_dict() for name, tally in tallies.items()},
        "by_language": by_lang,
        "clean_text_effect": effect,
        "gap": gap,
    }
    print(f"wrote {display_path(write_result('extraction', payload))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
