"""The library API; every CLI command is a thin wrapper over the function of the same name."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimtrace.config import Config, load_config
from claimtrace.errors import ClaimtraceError, NotFoundError
from claimtrace.kb.corrections import Correction
from claimtrace.pipeline import run_analyse, run_ingest, run_link
from claimtrace.records import (
    Attribution,
    Claim,
    ClaimGroup,
    Document,
    Failure,
    IngestSummary,
    Story,
)
from claimtrace.store import SearchHit, Store, open_store
from claimtrace.store import sqlite_corrections as corrections_sql
from claimtrace.store import sqlite_pages as pages
from claimtrace.store.sqlite_claims import ClaimFilter
from claimtrace.store.sqlite_pages import DocumentFilter, Key

if TYPE_CHECKING:
    from claimtrace.collect import Fetched
    from claimtrace.link.compare import Comparison
    from claimtrace.link.run import LinkSummary
    from claimtrace.watch import FetchSummary
    from claimtrace.watch.rounds import RoundSummary


# store path -> a function giving an open read-only store that stays open (the web server's
# one store per worker thread): read-only ``opened`` of that path uses it (see share_reads)
_SHARED_READS: dict[str, Callable[[], Store]] = {}


def share_reads(db: str | Path, reader: Callable[[], Store] | None) -> None:
    """Serve every read-only ``opened(db)`` (without its own config) from ``reader``, a store
    kept open by its caller, instead of opening and closing the store each time; None ends
    it. A server answering many small reads saves the open (inspecting the file, its schema
    version, a new connection) on each."""
    if reader is None:
        _SHARED_READS.pop(str(db), None)
    else:
        _SHARED_READS[str(db)] = reader


@contextmanager
def opened(
    db: str | Path | None = None, config: Config | None = None, read_only: bool = False
) -> Iterator[Store]:
    """The store, closed afterwards; ``read_only`` for verbs that only read (the store must
    exist; it is opened so that nothing can be written, on read-only media too)."""
    reader = _SHARED_READS.get(str(db)) if read_only and config is None and db else None
    if reader is not None:
        yield reader()  # kept open by whoever shares it
        return
    config = config or load_config()
    if db is not None:
        config = config.with_overrides(db=str(db))
    store = open_store(config, read_only=read_only)
    try:
        yield store
    finally:
        store.close()


def ingest(
    paths: Iterable[str | Path],
    db: str | Path | None = None,
    config: Config | None = None,
    on_item: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Read every input below ``paths`` into the store; returns what was added and failed."""
    config = config or load_config()
    with opened(db, config) as store:
        return run_ingest(paths, store, config, on_item)


def search(
    query: str,
    db: str | Path | None = None,
    limit: int = 20,
    language: str | None = None,
    aliases: bool = True,
) -> list[SearchHit]:
    """Full-text search over titles and texts, matching inflected forms in each language;
    phrases, AND, OR, NOT, prefixes (store/search_syntax.py; SearchSyntaxError when the
    query cannot be read). With ``aliases`` a term naming a known actor or place also
    matches its other names in every language (Daesh = "Islamic State" = داعش)."""
    with opened(db, read_only=True) as store:
        return store.search(query, limit=limit, language=language, aliases=aliases)


def search_names(query: str, db: str | Path | None = None) -> dict[str, list[str]]:
    """The other names ``search`` matches for each term of the query that names a known
    actor or place (term as typed -> names)."""
    with opened(db, read_only=True) as store:
        return store.search_names(query)


def analyse(
    db: str | Path | None = None,
    config: Config | None = None,
    on_item: Callable[[str], None] | None = None,
    link: bool = True,
    force: bool = False,
) -> list[str]:
    """Find sentences, entities (linked to actors and places), times, attributions and
    claims in every document not analysed yet (every document with ``force``), then
    (unless ``link`` is False) join claims to claim groups and documents to stories;
    returns the ids analysed. The analyst's corrections apply to what is written."""
    config = config or load_config()
    with opened(db, config) as store:
        if force:
            store.forget_analyses()
        done = run_analyse(store, config, on_item)
        if link:
            run_link(store, config)
        return done


def copy_store(
    source: str | Path,
    target: str | Path,
    config: Config | None = None,
    on_table: Callable[[str, int], None] | None = None,
) -> dict[str, int]:
    """Copy every table of the store ``source`` into the new or empty store ``target`` (an
    SQLite file or a postgresql:// URL, either way); returns the rows copied per table."""
    from claimtrace.store.copy import copy_store as copy

    config = config or load_config()
    with opened(source, config, read_only=True) as src, opened(target, config) as dst:
        return copy(src, dst, on_table)


def link(
    db: str | Path | None = None,
    config: Config | None = None,
    on_item: Callable[[str], None] | None = None,
) -> LinkSummary:
    """Join the claims of every analysed, not yet linked document to claim groups and the
    document to a story (``analyse`` does this too)."""
    config = config or load_config()
    with opened(db, config) as store:
        return run_link(store, config, on_item)


def correct(
    action: str, entity: str, db: str | Path | None = None, **options: Any
) -> list[Correction]:
    """Record one of the analyst's corrections (merge, split, reject, rename, retype; see
    kb/corrections.py) and apply it to everything stored; later analyses apply it too.
    Options: others, alias, document, value, into, note, analyst."""
    with opened(db) as store:
        return store.correct(action, entity, **options)


def undo_correction(correction_id: int, analyst: str, db: str | Path | None = None) -> Correction:
    """Undo a correction: it stays in the audit trail, marked undone, and no longer applies."""
    with opened(db) as store:
        return store.undo_correction(correction_id, analyst)


def corrections(db: str | Path | None = None, include_undone: bool = False) -> list[Correction]:
    """The analyst's corrections, oldest first (undone ones too with ``include_undone``)."""
    with opened(db, read_only=True) as store:
        return store.corrections(include_undone)


def compare(doc_a: str, doc_b: str, db: str | Path | None = None) -> Comparison:
    """How alike two documents are (any languages), with the reasons: shared actors, claim
    groups, places, time and text similarity."""
    from claimtrace.link.compare import compare as compare_documents

    config = load_config()
    with opened(db, config, read_only=True) as store:
        a, b = store.get_document(doc_a).id, store.get_document(doc_b).id
        return compare_documents(store, a, b, config)


def stories(db: str | Path | None = None) -> list[Story]:
    """Stories: documents in any language that tell the same story, largest first."""
    from claimtrace.link.run import stories as read_stories

    with opened(db, read_only=True) as store:
        return read_stories(store)


def groups(db: str | Path | None = None, story: str | None = None) -> list[ClaimGroup]:
    """Claim groups (claims that state the same thing across documents), largest first;
    ``story`` (an id or a prefix of one) keeps those with a claim in that story."""
    from claimtrace.link.run import claim_groups, stories

    with opened(db, read_only=True) as store:
        if story is not None:
            story = resolve_id(story, [s.id for s in stories(store)], "story", store)
        return claim_groups(store, story)


def resolve_id(prefix: str, ids: Iterable[str], kind: str, store: Store) -> str:
    """The one id that is ``prefix`` or starts with it; NotFoundError otherwise."""
    found = [i for i in ids if i == prefix] or [i for i in ids if i.startswith(prefix)]
    if len(found) != 1:
        why = "is ambiguous" if found else "was not found"
        raise NotFoundError(f"{kind} {prefix!r} {why} in {getattr(store, 'path', 'the store')}")
    return found[0]


@dataclass(frozen=True)
class GroupView:
    group: ClaimGroup
    claims: list[Claim]
    stories: dict[str, str]  # document id -> story id
    names: dict[str, str]  # actor and place ids -> names

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.group.to_dict(),
            "claims": [c.to_dict() for c in self.claims],
            "stories": self.stories,
            "names": self.names,
        }


def group(group_id: str, db: str | Path | None = None) -> GroupView:
    """One claim group (an id prefix is enough): its claims, and the stories of their
    documents."""
    from claimtrace.link.run import claim_groups

    with opened(db, read_only=True) as store:
        every = {g.id: g for g in claim_groups(store)}
        found = every[resolve_id(group_id, every, "claim group", store)]
        members = {c.id: c for c in store.claims_by_ids(found.claims)}
        claims_ = [members[i] for i in found.claims if i in members]
        stories_ = store.stories_of(found.documents)
        return GroupView(found, claims_, stories_, store.names(_claim_ids(claims_)))


@dataclass(frozen=True)
class StoryView:
    story: Story
    documents: list[dict[str, Any]]  # id, title, language, published, outlet
    groups: list[ClaimGroup]

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.story.to_dict(),
            "documents": self.documents,
            "groups": [g.to_dict() for g in self.groups],
        }


def story(story_id: str, db: str | Path | None = None) -> StoryView:
    """One story (an id prefix is enough): its documents and its claim groups."""
    from claimtrace.link.run import claim_groups, stories

    with opened(db, read_only=True) as store:
        every = {s.id: s for s in stories(store)}
        found = every[resolve_id(story_id, every, "story", store)]
        docs = []
        for doc_id in found.documents:
            doc = store.get_document(doc_id)
            docs.append(
                {"id": doc.id, "title": doc.title, "language": doc.language,
                 "published": doc.published, "outlet": doc.outlet}
            )  # fmt: skip
        return StoryView(found, docs, claim_groups(store, found.id))


def entities(
    db: str | Path | None = None,
    kind: str | None = None,
    language: str | None = None,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Actors and places with mention counts per language, most mentioned first."""
    with opened(db, read_only=True) as store:
        return store.entities(kind, language, limit)


@dataclass(frozen=True)
class DocumentView:
    document: Document
    sources: list[dict[str, Any]]
    mentions: list[dict[str, Any]] = field(default_factory=list)
    times: list[dict[str, Any]] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # actor and place ids -> names

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.document.to_dict(),
            "sources": self.sources,
            "mentions": self.mentions,
            "times": self.times,
            "attributions": [a.to_dict() for a in self.attributions],
            "claims": [c.to_dict() for c in self.claims],
            "names": self.names,
        }


def show(document_id: str, db: str | Path | None = None) -> DocumentView:
    """One document with every source it was found in (an id prefix is enough)."""
    with opened(db, read_only=True) as store:
        doc = store.get_document(document_id)
        found = store.claims(ClaimFilter(document=doc.id, limit=100_000))
        return DocumentView(
            doc,
            [s.to_dict() for s in store.sources_of(doc.id)],
            store.document_mentions(doc.id),
            store.document_times(doc.id),
            found,
            store.document_attributions(doc.id),
            store.names(_claim_ids(found)),
        )


def claims(
    db: str | Path | None = None,
    actor: str | None = None,
    source: str | None = None,
    relation: str | None = None,
    language: str | None = None,
    document: str | None = None,
    modality: str | None = None,
    limit: int = 100,
) -> ClaimList:
    """Claims with their evidence, filtered by actor (id, name or surface form, as subject or
    object), source (actor id or part of a source's name), relation, language, document."""
    where = ClaimFilter(actor, source, relation, language, document, modality, limit)
    with opened(db, read_only=True) as store:
        found = store.claims(where)
        return ClaimList(found, store.names(_claim_ids(found)))


@dataclass(frozen=True)
class ClaimList:
    claims: list[Claim]
    names: dict[str, str]  # actor and place ids -> display names

    def to_dict(self) -> dict[str, Any]:
        return {"claims": [c.to_dict() for c in self.claims], "names": self.names}


def _claim_ids(found: Iterable[Claim]) -> list[str]:
    ids: list[str] = []
    for c in found:
        ids += [*c.subjects, *c.objects, *c.places]
        ids += [s.actor for s in c.sources if s.actor]
    return ids


def documents(
    db: str | Path | None = None, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """Stored documents, oldest publication first: id, title, languages, date, outlet, sources."""
    with opened(db, read_only=True) as store:
        return store.list_documents(limit, offset)


def stats(db: str | Path | None = None) -> dict[str, Any]:
    """Counts of documents, sources, languages and failures."""
    with opened(db, read_only=True) as store:
        return store.stats()


def failures(db: str | Path | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """The inputs that were skipped or repaired, newest first."""
    with opened(db, read_only=True) as store:
        return [f.to_dict() for f in store.failures(limit)]


def report(
    out: str | Path,
    db: str | Path | None = None,
    story: str | None = None,
    app_url: str | None = None,
) -> str:
    """Write the self-contained HTML report (whole store or one story) to ``out`` ('-' =
    stdout); returns the path written. ``app_url``: link groups and documents to the web
    app served there."""
    from claimtrace.report import report as write_report

    with opened(db, read_only=True) as store:
        return write_report(store, out, story, app_url)


def export(
    format: str, out: str | Path, db: str | Path | None = None, story: str | None = None
) -> str:
    """Write the store (or one story) as json, jsonl, csv, graphml or geojson to ``out``."""
    from claimtrace.report import export as write_export

    with opened(db, read_only=True) as store:
        return write_export(store, format, out, story)


# -- reads for the HTTP API (``claimtrace serve``): pages after a key, one object by id ------


def store_version(db: str | Path | None = None) -> str:
    """Changes whenever the store is written (its files' sizes and times), without opening it:
    the HTTP API's ETags are made from it."""
    name = str(db if db is not None else load_config().db)
    if "://" in name:
        return f"unversioned-{time.time_ns()}"  # a database server: never served stale
    path = Path(name)
    parts = []
    for suffix in ("", "-wal"):
        try:
            st = Path(f"{path}{suffix}").stat()
        except FileNotFoundError:
            continue
        parts.append(f"{st.st_size}.{st.st_mtime_ns}.{st.st_ino}")
    return "-".join(parts) or "empty"


def _connection(store: Store) -> Any:
    connection = getattr(store, "db", None)
    if connection is None:
        raise ClaimtraceError("paged reads need the sqlite store backend")
    return connection


def document_page(
    db: str | Path | None, where: DocumentFilter, after: Key | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    """Documents matching ``where``, by date then id, after the key of the last one seen."""
    with opened(db, read_only=True) as store:
        return pages.document_page(_connection(store), where, after, limit)


def claim_page(
    db: str | Path | None, where: ClaimFilter, after: Key | None = None
) -> tuple[list[tuple[Key, Claim]], dict[str, str]]:
    """Claims matching ``where`` (``where.limit`` of them) after a key, and their names."""
    with opened(db, read_only=True) as store:
        found = pages.claim_page(_connection(store), where, after, where.limit)
        return found, store.names(_claim_ids(c for _, c in found))


def claim(claim_id: str, db: str | Path | None = None) -> dict[str, Any]:
    """One claim with its group, stance and the names of its actors and places."""
    with opened(db, read_only=True) as store:
        try:
            found, group, stance = pages.claim_one(_connection(store), claim_id)
        except KeyError:
            raise NotFoundError(f"claim {claim_id!r} was not found") from None
        return {
            **found.to_dict(),
            "group": group,
            "stance": stance,
            "names": store.names(_claim_ids([found])),
        }


def actor(actor_id: str, db: str | Path | None = None, limit: int = 50) -> dict[str, Any]:
    """An actor or place: names as written per language, mention counts per language, and
    claims where it is the subject, the object, a source or the place."""
    with opened(db, read_only=True) as store:
        found = pages.actor_detail(_connection(store), actor_id, limit)
        if found is None:
            raise NotFoundError(f"actor or place {actor_id!r} was not found")
        listed = [c for role in found["claims"].values() for c in role["claims"]]
        fixes = corrections_sql.about(_connection(store), [found["id"]]).get(found["id"], [])
        return {**found, "names": store.names(_claim_ids(listed)), "corrections": fixes}


def group_page(
    db: str | Path | None,
    min_docs: int = 1,
    story: str | None = None,
    after: Key | None = None,
    limit: int = 50,
    by_spread: bool = False,
) -> list[dict[str, Any]]:
    """Claim groups with their spread (documents, languages, first seen), oldest first; with
    ``by_spread`` the most documents, then languages, first (one page)."""
    with opened(db, read_only=True) as store:
        connection = _connection(store)
        return pages.group_page(connection, min_docs, story, after, limit, by_spread)


def group_detail(group_id: str, db: str | Path | None = None) -> dict[str, Any]:
    """One claim group by its id (or the id of a group merged into it): every member claim
    with its document, date and stance, agreeing and contradicting members, first and last
    seen."""
    with opened(db, read_only=True) as store:
        found = pages.group_detail(_connection(store), group_id)
        if found is None:
            raise NotFoundError(f"claim group {group_id!r} was not found")
        listed = [m["claim"] for m in found["members"]]
        return {**found, "names": store.names(_claim_ids(listed))}


def story_page(
    db: str | Path | None, after: Key | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    with opened(db, read_only=True) as store:
        return pages.story_page(_connection(store), after, limit)


def story_detail(story_id: str, db: str | Path | None = None) -> dict[str, Any]:
    """One story: its documents by date and the claim groups its documents join."""
    with opened(db, read_only=True) as store:
        found = pages.story_detail(_connection(store), story_id)
        if found is None:
            raise NotFoundError(f"story {story_id!r} was not found")
        return found


def search_page(
    query: str,
    db: str | Path | None = None,
    language: str | None = None,
    offset: int = 0,
    limit: int = 20,
    aliases: bool = True,
    snippets: bool = True,
) -> list[SearchHit]:
    """The ranked hits of ``search`` from ``offset`` on (without ``snippets``: ranked only,
    for counting; ``search_snippets`` then cuts them for the hits shown)."""
    with opened(db, read_only=True) as store:
        found = store.search(
            query, limit=offset + limit, language=language, aliases=aliases, snippets=snippets
        )
        return found[offset:]


def search_snippets(
    query: str, document_ids: Sequence[str], db: str | Path | None = None, aliases: bool = True
) -> dict[str, str]:
    """Document id -> its snippet for ``query`` (matches in [brackets]), for those documents."""
    with opened(db, read_only=True) as store:
        return store.snippets(query, list(document_ids), aliases=aliases)


def snapshot_part(
    part: str, db: str | Path | None = None, story: str | None = None
) -> dict[str, Any]:
    """One part of the export snapshot (e.g. ``citations``: its nodes and edges)."""
    from claimtrace.report.snapshot import snapshot

    with opened(db, read_only=True) as store:
        found: dict[str, Any] = snapshot(store, story)[part]
        return found


def export_bytes(format: str, db: str | Path | None = None, story: str | None = None) -> bytes:
    """What ``export`` would write, as bytes."""
    from claimtrace.report.export import render_export
    from claimtrace.report.snapshot import snapshot

    with opened(db, read_only=True) as store:
        return render_export(snapshot(store, story), format)


def groups_of_claims(claim_ids: list[str], db: str | Path | None = None) -> dict[str, str]:
    """claim id -> the id of the claim group it is in (claims not linked yet are absent)."""
    with opened(db, read_only=True) as store:
        return {claim: group for claim, (group, _) in store.groups_of(claim_ids).items()}


# -- collect and watch (collect/, watch/) ------------------------------------------------------


def fetch(
    inputs: Iterable[str],
    db: str | Path | None = None,
    config: Config | None = None,
    refetch: bool = False,
    on_result: Callable[[Fetched], None] | None = None,
) -> FetchSummary:
    """Fetch pages, feeds and sitemaps (URLs, or files of URLs) politely into the store:
    feeds and sitemaps are expanded to their article links, every response is kept in
    ``<db>.warc/``, pages go through ingest; URLs fetched before are skipped unless
    ``refetch``. Inputs that are not URLs are failures in the summary."""
    from claimtrace.collect import Target, read_targets
    from claimtrace.watch import fetch_into

    config = config or load_config()
    targets: list[Target] = []
    bad: list[Failure] = []
    for item in read_targets(inputs):
        (targets if isinstance(item, Target) else bad).append(item)  # type: ignore[arg-type]
    with opened(db, config) as store:
        with store.transaction():
            for failure in bad:
                store.record_failure(failure)
        summary = fetch_into(targets, store, config, refetch=refetch, on_result=on_result)
    if bad:
        summary.failures[:0] = bad
        summary.counts["failed"] += len(bad)
    return summary


def watch(
    sources: str | Path,
    db: str | Path | None = None,
    config: Config | None = None,
    every: float | None = None,
    once: bool = False,
    on_round: Callable[[RoundSummary], None] | None = None,
    on_result: Callable[[Fetched], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[RoundSummary]:
    """Poll the sources of a TOML file (``watch/sources.py``) on their schedule: each round
    fetches the sources due, ingests their new articles, analyses and links them and raises
    alerts. ``once``: one round, then return (for cron); otherwise rounds go on until
    interrupted. ``every``: the interval of sources that set none (default 30 min)."""
    from claimtrace.watch.rounds import watch_round
    from claimtrace.watch.sources import load_sources

    config = config or load_config()
    found, problems = load_sources(sources, every)
    done: list[RoundSummary] = []
    with opened(db, config) as store:
        if problems:
            with store.transaction():
                for failure in problems:
                    store.record_failure(failure)
        while True:
            summary = watch_round(found, store, config, on_result=on_result)
            if not done:
                summary.failures[:0] = problems
            done.append(summary)
            if on_round is not None:
                on_round(summary)
            if once or not found:
                return done
            wait = (summary.next_due or time.time() + (every or 1800)) - time.time()
            sleep(min(max(wait, 1.0), 86_400.0))


def add_watch(
    kind: str,
    target: str,
    event: str = "any",
    language: str | None = None,
    label: str | None = None,
    db: str | Path | None = None,
) -> dict[str, Any]:
    """Save a watch on an actor, a claim group (``*``: any), a search query or a source;
    claims linked from now on that match it raise alerts (``alerts``)."""
    from claimtrace.watch.alerts import add_watch as add

    with opened(db) as store:
        return add(store, kind, target, event, language, label)


def watches(db: str | Path | None = None, include_removed: bool = False) -> list[dict[str, Any]]:
    from claimtrace.watch.alerts import list_watches

    with opened(db, read_only=True) as store:
        return list_watches(store, include_removed)


def remove_watch(watch_id: int, db: str | Path | None = None) -> None:
    from claimtrace.watch.alerts import remove_watch as remove

    with opened(db) as store:
        remove(store, watch_id)


def alerts(
    db: str | Path | None = None, limit: int = 100, watch_id: int | None = None
) -> list[dict[str, Any]]:
    """Alerts, newest first: the watch, the claim, the document, why, and the webhook's
    delivery."""
    from claimtrace.watch.alerts import list_alerts

    with opened(db, read_only=True) as store:
        return list_alerts(store, limit, watch_id)
