"""Commands that collect: fetch, watch, alerts (thin wrappers over claimtrace.api)."""

from __future__ import annotations

import sys

import click

from claimtrace import api
from claimtrace.cli_common import db_option, emit_json, friendly_errors, json_option, safe
from claimtrace.collect import Fetched
from claimtrace.config import load_config


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
