"""Commands that collect: fetch, watch, alerts (thin wrappers over claimtrace.api)."""

from __future__ import annotations

import json
import sys
import time
from typing import TYPE_CHECKING

import click

from claimtrace import api
from claimtrace.cli_common import db_option, emit_json, friendly_errors, json_option, safe
from claimtrace.collect import Fetched
from claimtrace.config import load_config

if TYPE_CHECKING:
    from claimtrace.watch.rounds import RoundSummary


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@json_option
@click.option("--refetch", is_flag=True, help="Fetch URLs fetched before again (conditional GET).")
@click.option("--strict", is_flag=True, help="Exit with status 1 if any input failed.")
@friendly_errors
def fetch(inputs: tuple[str, ...], db: str | None, as_json: bool, refetch: bool,
          strict: bool) -> None:  # fmt: skip
    """Fetch web pages, RSS/Atom feeds and sitemaps (URLs, or files of URLs one a line)
    into the store, politely; feeds and sitemaps are expanded to their articles."""
    config = load_config(db=db)

    def progress(result: Fetched) -> None:
        if not as_json:
            click.echo(f"  {result.kind:<9} {safe(result.url)}", err=True)

    summary = api.fetch(inputs, config=config, refetch=refetch, on_result=progress)
    if as_json:
        emit_json(summary.to_dict())
    else:
        counts = summary.counts
        click.echo(
            f"{len(summary.added)} added, {len(summary.duplicates)} duplicate(s), "
            f"{counts['feed'] + counts['sitemap']} feed(s)/sitemap(s) read, "
            f"{counts['unchanged']} unchanged, {counts['seen']} fetched before, "
            f"{len(summary.failures)} failed -> {config.db}"
        )
        for failure in summary.failures:
            click.echo(f"  failed: {safe(failure.source)} [{failure.stage}] {safe(failure.reason)}")
    if strict and summary.failures:
        sys.exit(1)


@click.command()
@click.argument("sources", type=click.Path(exists=True, dir_okay=False))
@db_option
@json_option
@click.option(
    "--every", default=None, help="Interval of sources that set none: 90s, 30m, 1h (default 30m)."
)
@click.option("--once", is_flag=True, help="One round, then exit (for cron).")
@friendly_errors
def watch(sources: str, db: str | None, as_json: bool, every: str | None, once: bool) -> None:
    """Poll the feeds, sitemaps and pages listed in SOURCES (TOML) on their schedule: new
    articles are ingested, analysed and linked each round, and watches raise alerts."""
    from claimtrace.watch.sources import parse_duration

    config = load_config(db=db)
    try:
        interval = parse_duration(every) if every is not None else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--every") from exc

    def report(summary: RoundSummary) -> None:
        if as_json:
            click.echo(json.dumps(summary.to_dict(), ensure_ascii=False))
            return
        stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime())
        click.echo(f"round at {stamp}: {len(summary.added)} new document(s), "
                   f"{summary.analysed} analysed, {summary.linked} linked, "
                   f"{len(summary.alerts)} alert(s)")  # fmt: skip
        for part in summary.sources:
            click.echo(f"  {safe(part.label)}: {part.new} new, {part.unchanged} unchanged, "
                       f"{part.failed} failed")  # fmt: skip
        for failure in summary.failures:
            click.echo(f"  failed: {safe(failure.source)} [{failure.stage}] {safe(failure.reason)}")
        for alert in summary.alerts:
            click.echo(
                f"  alert #{alert.id}: {safe(alert.reason)} — {safe(alert.row['claim_text'])}"
            )

    try:
        api.watch(sources, config=config, every=interval, once=once, on_round=report)
    except KeyboardInterrupt:
        click.echo("stopped; the next run carries on where this one stopped", err=True)


@click.group(invoke_without_command=True)
@db_option
@json_option
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--watch", "watch_id", type=int, default=None, help="Only this watch's alerts.")
@click.pass_context
@friendly_errors
def alerts(ctx: click.Context, db: str | None, as_json: bool, limit: int,
           watch_id: int | None) -> None:  # fmt: skip
    """Alerts raised by saved watches, newest first (`alerts add` saves a watch)."""
    if ctx.invoked_subcommand is not None:
        return
    rows = api.alerts(db=_db(db), limit=limit, watch_id=watch_id)
    if as_json:
        emit_json(rows)
        return
    if not rows:
        click.echo("no alerts")
    for row in rows:
        doc = row["document"]
        click.echo(f"#{row['id']} {row['created_at']} [watch {row['watch']['id']}] "
                   f"{safe(row['reason'])}")  # fmt: skip
        click.echo(f"    {safe(row['claim']['text'])}")
        click.echo(f"    {doc['id']} {safe(doc['outlet'] or '')} {safe(doc['url'] or '')}")


def _db(db: str | None) -> str:
    return str(load_config(db=db).db)


@alerts.command("add")
@click.argument("kind", type=click.Choice(["actor", "group", "query", "source"]))
@click.argument("target")
@click.option("--event", type=click.Choice(["any", "new-outlet", "contradiction"]),
              default="any", show_default=True,
              help="Group watches: any new claim, one from an outlet new to the group, "
              "or one that contradicts it.")  # fmt: skip
@click.option("--lang", "language", default=None, help="Only claims in this language.")
@click.option("--label", default=None, help="A name for the watch.")
@db_option
@json_option
@friendly_errors
def add_watch(kind: str, target: str, event: str, language: str | None, label: str | None,
              db: str | None, as_json: bool) -> None:  # fmt: skip
    """Watch an ACTOR (id or name), a claim GROUP (id, or * for any), a search QUERY or a
    SOURCE (outlet, URL prefix or watch-source label): new matching claims raise alerts."""
    found = api.add_watch(kind, target, event, language, label, db=_db(db))
    if as_json:
        emit_json(found)
    else:
        lang = f", {found['language']}" if found["language"] else ""
        click.echo(f"watch #{found['id']}: {found['kind']} {safe(found['target'])} "
                   f"({found['event']}{lang})")  # fmt: skip


@alerts.command("watches")
@click.option("--all", "include_removed", is_flag=True, help="Removed watches too.")
@db_option
@json_option
@friendly_errors
def list_watches(include_removed: bool, db: str | None, as_json: bool) -> None:
    """The saved watches."""
    rows = api.watches(db=_db(db), include_removed=include_removed)
    if as_json:
        emit_json(rows)
        return
    if not rows:
        click.echo("no watches")
    for row in rows:
        gone = f" (removed {row['removed_at']})" if row["removed_at"] else ""
        lang = f" in {row['language']}" if row["language"] else ""
        click.echo(f"#{row['id']} {row['kind']} {safe(row['target'])} {row['event']}{lang}{gone}")


@alerts.command("remove")
@click.argument("watch_id", type=int)
@db_option
@json_option
@friendly_errors
def remove_watch(watch_id: int, db: str | None, as_json: bool) -> None:
    """Stop a watch (its alerts are kept)."""
    api.remove_watch(watch_id, db=_db(db))
    if as_json:
        emit_json({"removed": watch_id})
    else:
        click.echo(f"watch #{watch_id} removed")
