"""The ingest stage run end to end: read -> clean -> deduplicate -> store.

Each input record is committed with its document in one transaction (batched for speed),
so an interrupted run leaves only whole records behind and a re-run skips them by
(source, sha256): every document ends up stored exactly once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from claimtrace.clean import build_document
from claimtrace.clean.fingerprint import Fingerprint, fingerprint
from claimtrace.config import Config
from claimtrace.errors import ClaimtraceError
from claimtrace.executors import Mapper, OrderedMap, make_executor, ordered_pool, worker_count
from claimtrace.ingest import read_inputs
from claimtrace.nlp.analyse import Analysis
from claimtrace.records import Attribution, Claim, Document, Failure, IngestSummary, RawPage
from claimtrace.store.base import Store

if TYPE_CHECKING:
    from claimtrace.link.run import LinkSummary
    from claimtrace.nlp.engine import EngineSettings, Outcome

BATCH = 32


@dataclass
class _Tally:
    added: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    def summary(self) -> IngestSummary:
        return IngestSummary(
            tuple(self.added), tuple(self.duplicates), tuple(self.skipped), tuple(self.failures)
        )


def run_ingest(
    paths: Iterable[str | Path],
    store: Store,
    config: Config,
    on_item: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Cleaning and fingerprinting run outside any transaction; each batch is then stored
    in one short write transaction, so a second process waits for milliseconds, not for a
    batch to be cleaned. What another writer stored meanwhile is found again inside the
    transaction, so two runs over the same inputs store every document once."""
    tally = _Tally()
    items = iter(read_inputs(paths, config.max_record_bytes, _store_files(config.db)))
    with make_executor(config) as mapper:
        while batch := list(islice(items, BATCH)):
            prepared = _prepare(batch, store, config, mapper, tally)
            with store.transaction():
                store.lock_keys(_keys(prepared))
                for entry in prepared:
                    _store_entry(entry, store, config, tally)
            if on_item is not None:
                for item in batch:
                    on_item(item.source)
    return tally.summary()


def ingest_item(
    item: RawPage | Failure,
    store: Store,
    config: Config,
    then: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """One record read elsewhere (collect/: a fetched page) through the same clean ->
    deduplicate -> store steps as ``run_ingest``; ``then`` writes in the same transaction
    (the fetch state), so the record and what is known of it are stored together or not."""
    tally = _Tally()
    prepared = _prepare([item], store, config, _serial_map, tally)
    with store.transaction():
        store.lock_keys(_keys(prepared))
        for entry in prepared:
            _store_entry(entry, store, config, tally)
        summary = tally.summary()
        if then is not None:
            then(summary)
    return summary


def _serial_map(func: Callable[[RawPage], Document | Failure], items: list[RawPage]) -> list:
    return [func(item) for item in items]


def _keys(prepared: list[_Prepared]) -> list[str]:
    """What two writers of the same inputs would both write: source keys, content hashes,
    document ids (locked by the store for the transaction, so they take turns)."""
    keys: list[str] = []
    for entry in prepared:
        if isinstance(entry, Failure):
            keys.append(f"source:{entry.source}")
            continue
        page, result, _ = entry
        keys += [f"source:{page.source}", f"sha256:{page.sha256}"]
        if isinstance(result, Document):
            keys.append(f"document:{result.id}")
    return keys


def _store_files(db: str) -> frozenset[str]:
    path = os.path.realpath(db)
    return frozenset(path + suffix for suffix in ("", "-wal", "-shm", "-journal"))


_Prepared = tuple[RawPage, Document | Failure, Fingerprint | None] | Failure


def _prepare(
    batch: list[RawPage | Failure], store: Store, config: Config, mapper: Mapper, tally: _Tally
) -> list[_Prepared]:
    """The CPU work of a batch, done before its write transaction: clean and fingerprint."""
    failures: list[_Prepared] = []
    pages: list[RawPage] = []
    for item in batch:
        if isinstance(item, Failure):
            failures.append(item)
        elif store.source_seen(item.source, item.sha256):
            tally.skipped.append(item.source)
        else:
            pages.append(item)
    built = mapper(partial(build_safely, config=config), pages)
    prepared = failures
    for page, result in zip(pages, built, strict=True):
        print_ = None
        if isinstance(result, Document):
            print_ = fingerprint(result.text, config.minhash_permutations)
        prepared.append((page, result, print_))
    return prepared


def _store_entry(entry: _Prepared, store: Store, config: Config, tally: _Tally) -> None:
    if isinstance(entry, Failure):
        _fail(entry, store, tally)
        return
    page, result, print_ = entry
    if store.source_seen(page.source, page.sha256):  # another process stored it meanwhile
        tally.skipped.append(page.source)
        return
    for warning in page.warnings:
        _fail(Failure(page.source, "decode", warning, "warning"), store, tally)
    if isinstance(result, Failure):
        _fail(result, store, tally)
    elif print_ is not None:
        _store_document(page, result, print_, store, config, tally)


def build_safely(page: RawPage, config: Config) -> Document | Failure:
    try:
        return build_document(page, config)
    except ClaimtraceError:
        raise  # a wrong setting, not a bad page: stop the run
    except RecursionError:
        return Failure(page.source, "extract", "nested too deeply to parse")
    except Exception as exc:
        # library parsers raise anything on pathological input; one page must not stop a batch
        return Failure(page.source, "extract", f"{type(exc).__name__}: {exc}")


def _store_document(
    raw: RawPage, doc: Document, print_: Fingerprint, store: Store, config: Config, tally: _Tally
) -> None:
    if store.document_exists(doc.id):
        store.add_source(raw, doc.id, "exact-duplicate", 1.0)
        tally.duplicates.append((raw.source, doc.id))
        return
    match = _near_duplicate(print_, store, config.near_duplicate_threshold)
    if match is not None:
        existing, similarity = match
        store.add_source(raw, existing, "near-duplicate", round(similarity, 3))
        tally.duplicates.append((raw.source, existing))
        return
    store.add_document(doc, print_.signature, print_.bands, print_.size)
    store.add_source(raw, doc.id, "original", None)
    tally.added.append(doc.id)


def _near_duplicate(
    print_: Fingerprint, store: Store, threshold: float
) -> tuple[str, float] | None:
    best: tuple[str, float] | None = None
    for candidate, signature, size in store.near_duplicate_candidates(print_.bands):
        similarity = print_.overlap(signature, size)
        if similarity >= threshold and (best is None or similarity > best[1]):
            best = (candidate, similarity)
    return best


def _fail(failure: Failure, store: Store, tally: _Tally) -> None:
    store.record_failure(failure)
    tally.failures.append(failure)


# bump when attribution or claim extraction changes, so stored documents are re-analysed
CLAIMS_VERSION = "10"  # 4: sources across sentences, speech acts, stance cues; 5: one clause
# per claim, Arabic cues, "Das berichteten X"; 6: speaker subjects, prosecute/restrict/ease;
# 7: statements typed from the speech act, no claim about no one nowhere, split "according to"
# 8: asides are no sources, evidence held by an outlet, no nameless source links, twins merged
# 9: a deed by no one is the named speaker's statement, unparsed verbless sentences dropped
# 10: a backer is no role ("factions backed by X"), denials of a noun phrase and by relatives


def run_analyse(
    store: Store,
    config: Config,
    on_item: Callable[[str], None] | None = None,
    workers: int | None = None,
    pool: OrderedMap | None = None,
) -> list[str]:
    """Analyse every document not yet analysed by this version: sentences, entities, times,
    attributions and claims. Documents go in batches (``analyse_batch``) through the NLP
    stage (nlp/engine.py: one parse per batch), in this process or spread over ``workers``
    processes (default: the ``analyse_workers`` setting; 0 = one per CPU); this process is
    the one writer and stores each batch in one transaction, batches in order, so the store
    is the same for any number of workers. A document that fails is recorded (stage
    "analyse") and the rest of its batch is stored. Returns the ids analysed."""
    from claimtrace.nlp.analyse import ANALYSIS_VERSION
    from claimtrace.nlp.claims import get_extractor
    from claimtrace.nlp.engine import analyse_batch

    get_extractor(config.claim_backend or None)  # a wrong setting fails the run, not each doc
    version = f"{ANALYSIS_VERSION}.{CLAIMS_VERSION}"
    settings = engine_settings(config)
    size = max(1, int(config.analyse_batch))
    count = worker_count(workers if workers is not None else int(config.analyse_workers))
    batches: Iterable[list[str]]
    claim = getattr(store, "claim_documents", None)
    if claim is not None:  # a store many processes analyse at once: take unclaimed batches
        batches = iter(partial(claim, version, size), [])
    else:
        pending = store.documents_to_analyse(version)
        batches = [pending[i : i + size] for i in range(0, len(pending), size)]
        count = min(count, len(batches))
    done: list[str] = []

    def load(ids: list[str]) -> list[Document]:
        return [store.get_document(doc_id) for doc_id in ids]

    work = partial(analyse_batch, settings=settings)
    if pool is not None:
        for outcomes in pool(work, (load(ids) for ids in batches)):
            _store_outcomes(store, outcomes, version, done, on_item)
    elif config.executor == "dask":
        from claimtrace.executors_dask import dask_ordered_map
        from claimtrace.nlp.engine import warm_up

        with dask_ordered_map(config, workers, warm_up, (settings,)) as imap:
            for outcomes in imap(work, (load(ids) for ids in batches)):
                _store_outcomes(store, outcomes, version, done, on_item)
    elif count <= 1:
        for ids in batches:
            _store_outcomes(store, work(load(ids)), version, done, on_item)
    else:
        from claimtrace.nlp.engine import warm_up

        with ordered_pool(count, warm_up, (settings,)) as imap:
            for outcomes in imap(work, (load(ids) for ids in batches)):
                _store_outcomes(store, outcomes, version, done, on_item)
    return done


def engine_settings(config: Config) -> EngineSettings:
    from claimtrace.nlp.engine import EngineSettings

    return EngineSettings(
        config.ner_backends or None,
        config.attribution_backends or None,
        config.claim_backend or None,
    )


def _store_outcomes(
    store: Store,
    outcomes: list[Outcome],
    version: str,
    done: list[str],
    on_item: Callable[[str], None] | None,
) -> None:
    with store.transaction():
        for outcome in outcomes:
            if outcome.analysis is None:
                reason = outcome.error or "no analysis"
                store.record_failure(Failure(outcome.document_id, "analyse", reason))
                continue
            analysis = replace(outcome.analysis, version=version)
            store.save_analysis(analysis, outcome.attributions, outcome.claims)
            done.append(outcome.document_id)
    if on_item is not None:
        for outcome in outcomes:
            on_item(outcome.document_id)


def analyse_claims(
    doc: Document, config: Config
) -> tuple[Analysis, list[Attribution], list[Claim]]:
    """The per-document NLP stages in order: analyse -> attributions -> claims (a document
    alone; ``run_analyse`` runs batches)."""
    from claimtrace.nlp.engine import analyse_batch

    outcome = analyse_batch([doc], engine_settings(config))[0]
    if outcome.analysis is None:
        raise ClaimtraceError(f"analysis of {doc.id} failed: {outcome.error}")
    return outcome.analysis, list(outcome.attributions), list(outcome.claims)


def run_link(
    store: Store, config: Config, on_item: Callable[[str], None] | None = None
) -> LinkSummary:
    """Link every analysed document not linked yet: its claims join claim groups, the
    document joins a story (incremental: nothing else is recomputed)."""
    from claimtrace.link.run import link_new

    with store.link_lock():
        return link_new(store, config, on_item)
