"""Analyse throughput against the bare model pass, from one run on the same texts.

English: the 84 PolNeAR dev articles (``../shared/evaldata/polnear/dev/text``) by default, or
the files and folders given as arguments. German: the first ``--german`` pages (default 40)
of the trafilatura evaluation set whose metadata ``region`` is ``DE``, in the order of
``evaldata.json`` (``--german 0`` skips them). Every text is ingested first (not timed);
the timed runs read the stored documents' cleaned texts.

Printed, per language set:
  bare     the bare model pass over the same cleaned texts. English: ``en_core_web_md``
           loaded on its own, every shipped component (tok2vec, tagger, parser,
           attribute_ruler, lemmatizer, ner), ``nlp.pipe`` over the document texts.
           German: claimtrace's own German pipeline (``claimtrace_ner_de``: HanTa features,
           tok2vec, ner; no parser, so analyse adds the pysbd splitter), loaded the same way,
           ``nlp.pipe`` over the German pages' texts (their few non-German paragraphs too).
  analyse  ``pipeline.run_analyse`` in this process (workers=1): parse, entities, times,
           attributions, claims, stored.
  link     ``pipeline.run_link`` right after (claim groups, stories; the encoder).
  ratios   analyse / bare and (analyse + link) / bare.
Then documents/s of ``run_analyse`` with 1 worker (this process) and with 2 worker
processes on a fresh copy of the same store, and peak RSS of this process and of the
largest worker.

Model loading is excluded from every timing: models (ours, the bare pipeline, the encoder)
are loaded and warmed up before the clocks start, and the worker pool is started and warmed
(each worker loads the models once, ``nlp.engine.warm_up``) before its clock starts.

The time to add one document to stores of 1 k, 10 k and 100 k documents is the link
stage's figure: ``bench/link_scale.py`` prints it.

    .venv/bin/python bench/throughput.py
    .venv/bin/python bench/throughput.py ~/texts/ --german 20 --batch 16
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import DEFAULT_EVALDATA, command_line, display_path, machine_info, write_result

from claimtrace import api
from claimtrace.config import Config, load_config
from claimtrace.executors import ordered_pool
from claimtrace.nlp.engine import warm_up
from claimtrace.pipeline import engine_settings, run_analyse, run_link
from claimtrace.records import Document
from claimtrace.store import open_store

POLNEAR = DEFAULT_EVALDATA / "polnear" / "dev" / "text"
TRAFILATURA = DEFAULT_EVALDATA / "trafilatura-eval"


def german_pages(count: int) -> list[tuple[str, bytes]]:
    import gzip

    meta = json.loads((TRAFILATURA / "evaldata.json").read_text("utf-8"))
    files = [v["file"] for v in meta.values() if v.get("region") == "DE"][:count]
    return [(f, gzip.decompress((TRAFILATURA / "html" / f"{f}.gz").read_bytes())) for f in files]


def ingest(paths: list[Path], db: Path, config: Config) -> list[Document]:
    api.ingest(paths, db=db, config=config)
    store = open_store(config.with_overrides(db=str(db)))
    try:
        return [store.get_document(i) for i in store.documents_to_analyse("none")]
    finally:
        store.close()


def timed(func: Any, *args: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = func(*args)
    return time.perf_counter() - start, result


def bare_pass(model: str, texts: list[str]) -> float:
    """``nlp.pipe`` over ``texts`` with the model's own package loaded afresh, as shipped."""
    import importlib
    import warnings

    from claimtrace.nlp.text.spacy_models import MODELS

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp = importlib.import_module(MODELS[model].package).load()
    list(nlp.pipe(["Warm-up sentence for the bare pipeline."] * 4))
    seconds, _ = timed(lambda: sum(len(d) for d in nlp.pipe(texts)))
    return seconds


def analyse_and_link(db: Path, config: Config, link: bool) -> tuple[float, float, int]:
    config = config.with_overrides(db=str(db))
    store = open_store(config)
    try:
        analyse_s, done = timed(run_analyse, store, config, None, 1)
        link_s = timed(run_link, store, config)[0] if link else 0.0
    finally:
        store.close()
    return analyse_s, link_s, len(done)


def with_workers(db: Path, config: Config, workers: int) -> tuple[float, float, int]:
    """Wall-clock seconds, CPU seconds (this process and its workers) and documents."""
    config = config.with_overrides(db=str(db))
    store = open_store(config)
    try:
        if workers == 1:
            cpu = cpu_seconds()
            seconds, done = timed(run_analyse, store, config, None, 1)
            return seconds, cpu_seconds() - cpu, len(done)
        with ordered_pool(workers, warm_up, (engine_settings(config),)) as pool:
            list(pool(time.sleep, [0.5] * (workers * 2)))  # every worker started and warm
            cpu = cpu_seconds()
            seconds, done = timed(run_analyse, store, config, None, workers, pool)
            used = cpu_seconds() - cpu
        return seconds, used, len(done)
    finally:
        store.close()


def cpu_seconds() -> float:
    """User + system CPU seconds of this process and its live child processes (/proc)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    total = own.ru_utime + own.ru_stime
    ticks = os.sysconf("SC_CLK_TCK")
    me = os.getpid()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == me:  # ppid; utime and stime follow at 11 and 12
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def warm_link(folder: Path, config: Config) -> None:
    """Load the encoder: link a one-document store."""
    text = folder / "warm.txt"
    text.write_text("The minister said on Monday that the army attacked the town.", "utf-8")
    db = folder / "warm.db"
    api.ingest([text], db=db, config=config)
    api.analyse(db=db, config=config.with_overrides(analyse_workers=1))


def peak_rss_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[POLNEAR])
    parser.add_argument("--german", type=int, default=40, help="German pages (0: none)")
    parser.add_argument("--batch", type=int, default=16, help="documents per analyse batch")
    parser.add_argument("--workers", type=int, default=2, help="workers for the parallel run")
    parser.add_argument("--no-link", action="store_true", help="skip the link stage")
    args = parser.parse_args()
    config = load_config(analyse_batch=args.batch)
    work = Path(tempfile.mkdtemp(prefix="ct-throughput-"))
    results: dict[str, Any] = {}
    try:
        english = ingest(list(args.paths), work / "en.db", config)
        shutil.copy(work / "en.db", work / "en-1.db")
        shutil.copy(work / "en.db", work / "en-n.db")
        german: list[Document] = []
        if args.german:
            pages = work / "de"
            pages.mkdir()
            for name, data in german_pages(args.german):
                (pages / name).write_bytes(data)
            german = ingest([pages], work / "de.db", config)
        warm_up(engine_settings(config))
        if not args.no_link:
            warm_link(work, config)

        bare_en = bare_pass("en_core_web_md", [d.text for d in english])
        analyse_en, link_en, count = analyse_and_link(work / "en.db", config, not args.no_link)
        results["en"] = _figures(len(english), count, bare_en, analyse_en, link_en)
        if german:
            bare_de = bare_pass("claimtrace_ner_de", [d.text for d in german])
            analyse_de, link_de, count_de = analyse_and_link(
                work / "de.db", config, not args.no_link
            )
            results["de"] = _figures(len(german), count_de, bare_de, analyse_de, link_de)
        one_s, one_cpu, one_n = with_workers(work / "en-1.db", config, 1)
        many_s, many_cpu, many_n = with_workers(work / "en-n.db", config, args.workers)
        results["workers"] = {
            "1": _rate(one_n, one_s, one_cpu),
            str(args.workers): _rate(many_n, many_s, many_cpu),
            "speedup": (many_n / many_s) / (one_n / one_s),
            # what N free cores would give: N x (CPU per document alone / CPU per document
            # with N workers); equals the measured speed-up on an otherwise idle machine
            "speedup_free_cores": args.workers * (one_cpu / one_n) / (many_cpu / many_n),
            "load_average": os.getloadavg()[0],
        }
        own, child = peak_rss_mb()
        results["peak_rss_mb"] = {"this_process": round(own), "largest_worker": round(child)}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    _print(results, args)
    results["machine"] = machine_info()
    results["command"] = command_line()
    print(f"results: {display_path(write_result('throughput', results))}")


def _rate(documents: int, seconds: float, cpu: float) -> dict[str, Any]:
    return {
        "documents": documents,
        "seconds": round(seconds, 2),
        "cpu_s": round(cpu, 2),
        "docs_per_s": documents / seconds,
        "cpu_s_per_doc": cpu / documents,
    }


def _figures(docs: int, analysed: int, bare: float, analyse: float, link: float) -> dict[str, Any]:
    return {
        "documents": docs,
        "analysed": analysed,
        "bare_s": round(bare, 2),
        "analyse_s": round(analyse, 2),
        "link_s": round(link, 2),
        "analyse_ratio": round(analyse / bare, 2),
        "analyse_link_ratio": round((analyse + link) / bare, 2),
    }


def _print(results: dict[str, Any], args: argparse.Namespace) -> None:
    print("set  docs   bare s  analyse s  link s  analyse/bare  (analyse+link)/bare")
    for key, label in (("en", "en"), ("de", "de")):
        r = results.get(key)
        if r:
            print(
                f"{label:<4} {r['documents']:>4} {r['bare_s']:>8.2f} {r['analyse_s']:>10.2f} "
                f"{r['link_s']:>7.2f} {r['analyse_ratio']:>13.2f} {r['analyse_link_ratio']:>19.2f}"
            )
    w = results["workers"]
    for key in (k for k in w if k.isdigit()):
        r = w[key]
        print(f"workers {key}: {r['documents']} docs in {r['seconds']} s = "
              f"{r['docs_per_s']:.2f} docs/s; {r['cpu_s_per_doc']:.3f} CPU s/doc")  # fmt: skip
    print(f"speed-up with {args.workers} workers: {w['speedup']:.2f}x measured "
          f"(load average {w['load_average']:.1f} on {os.cpu_count()} cores); "
          f"{w['speedup_free_cores']:.2f}x on free cores (from CPU per document)")  # fmt: skip
    rss = results["peak_rss_mb"]
    print(f"peak RSS: {rss['this_process']} MB (this process), {rss['largest_worker']} MB "
          "(largest worker)")  # fmt: skip
    print(
        "bare: the language's pipeline as shipped (en_core_web_md; claimtrace_ner_de), every "
        "component, nlp.pipe over the same texts"
    )
    print(f"command: {command_line()}")


if __name__ == "__main__":
    main()
