"""Thin command-line layer over claimtrace.api: parse options, call, print."""

from __future__ import annotations

import sys

import click
from tqdm import tqdm

from claimtrace import api
from claimtrace.cli_actors import actors
from claimtrace.cli_claims import claims, describe
from claimtrace.cli_collect import alerts, fetch, watch
from claimtrace.cli_common import (
    db_option,
    emit_json,
    executor_options,
    friendly_errors,
    json_option,
    safe,
)
from claimtrace.cli_links import compare, groups, show_link, stories
from claimtrace.cli_report import export, report
from claimtrace.cli_serve import serve
from claimtrace.config import load_config


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claimtrace")
def main() -> None:
    """claimtrace: who claims what about whom, where and when, on whose authority."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@json_option
@click.option("--strict", is_flag=True, help="Exit with status 1 if any input failed.")
@click.option("--workers", type=int, default=None, help="Clean in N local worker processes.")
@executor_options
@friendly_errors
def ingest(
    paths: tuple[str, ...], db: str | None, as_json: bool, strict: bool, workers: int | None,
    executor: str | None, scheduler: str | None,
) -> None:  # fmt: skip
    """Read files, folders, JSONL, JSON and WARC archives into the store."""
    config = load_config(db=db, executor=executor, scheduler=scheduler)
    if workers and workers > 1 and config.executor != "dask":
        config = config.with_overrides(executor="processes", workers=workers)
    elif workers:
        config = config.with_overrides(workers=workers)
    with tqdm(desc="ingest", unit=" records", disable=None, file=sys.stderr) as bar:
        summary = api.ingest(paths, config=config, on_item=lambda _s: bar.update())
    if as_json:
        emit_json(summary.to_dict())
    else:
        click.echo(
            f"{len(summary.added)} added, {len(summary.duplicates)} duplicate(s), "
            f"{len(summary.skipped)} already stored, {len(summary.errors)} failed"
            f" -> {config.db}"
        )
        for failure in summary.failures:
            label = "failed" if failure.severity == "error" else "warning"
            click.echo(
                f"  {label}: {safe(failure.source)} [{failure.stage}] {safe(failure.reason)}"
            )
    if strict and summary.errors:
        sys.exit(1)


@main.command()
@db_option
@json_option
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=None,
    help="Worker processes (default: the analyse_workers setting; 0: one per CPU; 1: none).",
)
@click.option("--force", is_flag=True, help="Analyse every document again, not only new ones.")
@executor_options
@friendly_errors
def analyse(
    db: str | None, as_json: bool, workers: int | None, force: bool, executor: str | None,
    scheduler: str | None,
) -> None:  # fmt: skip
    """Find entities, times, attributions and claims in new documents; link them into
    claim groups and stories. The analyst's corrections (`actors`) apply to the result."""
    config = load_config(db=db, analyse_workers=workers, executor=executor, scheduler=scheduler)
    with tqdm(desc="analyse", unit=" docs", disable=None, file=sys.stderr) as bar:
        done = api.analyse(config=config, on_item=lambda _d: bar.update(), link=False, force=force)
    with tqdm(desc="link", unit=" docs", disable=None, file=sys.stderr) as bar:
        linked = api.link(config=config, on_item=lambda _d: bar.update())
    if as_json:
        emit_json({"analysed": done, "linked": linked.to_dict()})
    else:
        groups = _merged(linked.groups_merged, "group(s)")
        stories = _merged(linked.stories_merged, "story(ies)")
        click.echo(
            f"{len(done)} document(s) analysed, {len(linked.documents)} linked: "
            f"{linked.groups_created} new claim group(s), {linked.groups_joined} claim(s) joined"
            f" a group{groups}, {linked.stories_created} new and {linked.stories_joined} joined"
            f" story(ies){stories} -> {config.db}"
        )


def _merged(count: int, plural: str) -> str:
    """The words " (2 group(s) merged)" when documents bridged some, else nothing."""
    return f" ({count} {plural} merged)" if count else ""


@main.command()
@db_option
@json_option
@click.option("--type", "kind", default=None, help="Only this type: place, state, person, ...")
@click.option("--lang", default=None, help="Only mentions in this language.")
@click.option("--limit", default=50, show_default=True)
@friendly_errors
def entities(db: str | None, as_json: bool, kind: str | None, lang: str | None, limit: int) -> None:
    """Actors and places with mention counts per language and document."""
    rows = api.entities(db=db, kind=kind, language=lang, limit=limit)
    if as_json:
        emit_json(rows)
        return
    if not rows:
        click.echo("no entities (run `claimtrace analyse` first)")
    for row in rows:
        langs = ", ".join(f"{k} {v}" for k, v in sorted(row["by_language"].items()))
        where = f" @ {row['lat']:.3f},{row['lon']:.3f}" if row.get("lat") is not None else ""
        forms = safe(" | ".join(row["forms"][:6]))
        kind = row["type"] + (f", {safe(row['role'])}" if row.get("role") else "")
        fixed = "".join(f" #{c['id']}" for c in row.get("corrections", []))
        click.echo(
            f"{row['mentions']:>4}  {safe(row['name'])} [{kind}]{where}  "
            f"({langs}; {row['documents']} doc)  {forms}"
            + f"  {row['id']}"
            + (f"  corrected:{fixed}" if fixed else "")
        )


@main.command()
@click.argument("query")
@db_option
@json_option
@click.option("--limit", default=20, show_default=True, help="Most hits to show.")
@click.option("--lang", default=None, help="Only documents in (or containing) this language.")
@click.option(
    "--aliases/--no-aliases",
    default=True,
    show_default=True,
    help="A term naming a known actor or place also matches its names in other languages.",
)
@friendly_errors
def search(
    query: str, db: str | None, as_json: bool, limit: int, lang: str | None, aliases: bool
) -> None:
    """Full-text search; words match their inflected forms in each stored language.

    \b
    Syria Damascus            both words (AND is implied)
    "Islamic State" OR Daesh  a phrase, or a word
    Syria NOT Damascus        without the second ("Syria AND NOT Damascus" too)
    Syr*                      words starting so
    (IS OR Daesh) AND Raqqa   parentheses group
    AND, OR, NOT are operators in capitals only. A term naming a known actor or place also
    matches its other names (Daesh: "Islamic State", داعش, ...) unless --no-aliases.
    """
    hits = api.search(query, db=db, limit=limit, language=lang, aliases=aliases)
    if as_json:
        emit_json([h.to_dict() for h in hits])
        return
    for term, names in (api.search_names(query, db=db) if aliases else {}).items():
        shown = " | ".join(names[:8]) + (f" (+{len(names) - 8})" if len(names) > 8 else "")
        click.echo(f"{safe(term)} also matches: {safe(shown)}  (--no-aliases: words only)")
    if not hits:
        click.echo("no matches")
    for hit in hits:
        meta = " · ".join(safe(x) for x in (hit.language, hit.published, hit.outlet) if x)
        click.echo(f"{hit.document_id}  {safe(hit.title) or '(untitled)'}  [{meta}]")
        click.echo(f"    {safe(hit.snippet)}")


@main.command()
@click.argument("document_id")
@db_option
@json_option
@friendly_errors
def show(document_id: str, db: str | None, as_json: bool) -> None:
    """One document (doc_…): metadata, sources, and its paragraphs with their language; or
    one claim group (grp_…) with its claims, or one story (sty_…) with its documents."""
    if document_id.startswith(("grp_", "sty_")):
        show_link(document_id, db, as_json)
        return
    view = api.show(document_id, db=db)
    if as_json:
        emit_json(view.to_dict())
        return
    doc = view.document
    click.echo(click.style(safe(doc.title) or "(untitled)", bold=True))
    for label, value in (
        ("id", doc.id),
        ("language", ", ".join(doc.languages) if doc.languages else doc.language),
        ("published", doc.published),
        ("outlet", doc.outlet),
        ("author", doc.author),
        ("url", doc.url),
    ):
        if value:
            click.echo(f"{label:>10}: {safe(value)}")
    for source in view.sources:
        extra = f" ({source['similarity']})" if source.get("similarity") else ""
        click.echo(f"{'source':>10}: {safe(source['key'])} [{source['relation']}{extra}]")
    for line, why in doc.removed:
        click.echo(f"{'removed':>10}: [{why}] {safe(line)[:100]}")
    linked: dict[str, set[str]] = {}
    for m in view.mentions:
        target = m["actor"] or m["place"]
        if target:
            linked.setdefault(target, set()).add(m["text"])
    for target, forms in sorted(linked.items()):
        click.echo(f"{'entity':>10}: {safe(target)} <- {safe(' | '.join(sorted(forms)))}")
    for t in view.times:
        value = t["value"] or f"{t['range_start']}..{t['range_end']}"
        note = " (year inferred from the text's latest date)" if t["kind"] == "inferred" else ""
        click.echo(f"{'time':>10}: {safe(t['text'])} = {value}{note}")
    if view.claims:
        click.echo(click.style(f"\n{len(view.claims)} claim(s)", bold=True))
    for claim in view.claims:
        click.echo("\n".join(describe(claim, view.names)))
    click.echo()
    for paragraph, text in zip(doc.paragraphs, doc.paragraph_texts(), strict=True):
        click.echo(f"[{paragraph.language or '?'}] {safe(text)}\n")


@main.command(name="documents")
@db_option
@json_option
@click.option("--limit", default=100, show_default=True)
@click.option("--offset", default=0)
@friendly_errors
def documents_(db: str | None, as_json: bool, limit: int, offset: int) -> None:
    """List stored documents: id, languages, date, outlet, number of sources, title."""
    rows = api.documents(db=db, limit=limit, offset=offset)
    if as_json:
        emit_json(rows)
        return
    for row in rows:
        langs = "+".join(row["languages"]) or "?"
        outlet = safe(row["outlet"] or "")[:22]
        title = safe(row["title"]) or "(untitled)"
        click.echo(
            f"{row['id']}  {langs:<6} {row['published'] or '':<16.16} "
            f"{outlet:<22}  {row['sources']}  {title}"
        )


@main.command()
@db_option
@json_option
@friendly_errors
def stats(db: str | None, as_json: bool) -> None:
    """Counts of documents, sources, languages and failures."""
    data = api.stats(db=db)
    if as_json:
        emit_json(data)
        return
    for key, value in data.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items()) or "none"
        click.echo(f"{key:>22}: {safe(value)}")


@main.command(name="copy-store")
@click.argument("source")
@click.argument("target")
@json_option
@friendly_errors
def copy_store(source: str, target: str, as_json: bool) -> None:
    """Copy every table of store SOURCE into the new or empty store TARGET (SQLite file or
    postgresql:// URL, either way)."""
    counts = api.copy_store(source, target)
    if as_json:
        emit_json(counts)
        return
    for table, rows in counts.items():
        click.echo(f"{table:>22}: {rows}")


@main.command()
@db_option
@json_option
@click.option("--limit", default=100, show_default=True)
@friendly_errors
def failures(db: str | None, as_json: bool, limit: int) -> None:
    """Inputs that were skipped (errors) or repaired (warnings), newest first."""
    rows = api.failures(db=db, limit=limit)
    if as_json:
        emit_json(rows)
        return
    if not rows:
        click.echo("no failures")
    for row in rows:
        click.echo(
            f"{row['severity']:>7}  {safe(row['source'])}  [{row['stage']}] {safe(row['reason'])}"
        )


main.add_command(actors)
main.add_command(claims)
main.add_command(stories)
main.add_command(groups)
main.add_command(compare)
main.add_command(report)
main.add_command(export)
main.add_command(serve)
main.add_command(fetch)
main.add_command(watch)
main.add_command(alerts)
