"""Commands that write files: the HTML report and the open exports."""

from __future__ import annotations

import click

from claimtrace import api
from claimtrace.cli_common import db_option, friendly_errors
from claimtrace.report.export import FORMATS

_OUT = "File to write ('-' for standard output); an existing file is replaced, a folder refused."


@click.command()
@db_option
@click.option("--story", default=None, help="Only the documents of this story (its id).")
@click.option("-o", "--out", default="report.html", show_default=True, help=_OUT)
@friendly_errors
def report(db: str | None, story: str | None, out: str) -> None:
    """Write one self-contained HTML report (works offline; nothing in it runs)."""
    written = api.report(out, db=db, story=story)
    if written != "-":
        click.echo(written)


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True)
@click.option("--story", default=None, help="Only the documents of this story (its id).")
@click.option(
    "-o",
    "--out",
    default="-",
    show_default=True,
    help=_OUT + " For csv, a name ending in .zip writes every table.",
)
@friendly_errors
def export(db: str | None, fmt: str, story: str | None, out: str) -> None:
    """Export documents, actors, places, claims, groups, stories and citations."""
    written = api.export(fmt, out, db=db, story=story)
    if written != "-":
        click.echo(written, err=True)
