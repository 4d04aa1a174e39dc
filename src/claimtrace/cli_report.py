"""Commands that write files: the HTML report and the open exports."""

from __future__ import annotations

import click

from claimtrace import api
from claimtrace.cli_common import db_option, emit_json, friendly_errors
from claimtrace.report.export import FORMATS

json_option_written = click.option(
    "--json", "as_json", is_flag=True, help="Print what was written (path, format) as JSON."
)
_OUT = "File to write ('-' for standard output); an existing file is replaced, a folder refused."


@click.command()
@db_option
@click.option("--story", default=None, help="Only the documents of this story (its id).")
@click.option("-o", "--out", default="report.html", show_default=True, help=_OUT)
@click.option("--app-url", default=None, metavar="URL",
              help="Link each claim group and document to the web app served there "
              "(claimtrace serve), e.g. http://127.0.0.1:8000.")  # fmt: skip
@json_option_written
@friendly_errors
def report(db: str | None, story: str | None, out: str, app_url: str | None, as_json: bool) -> None:
    """Write one self-contained HTML report (works offline; nothing in it runs)."""
    _refuse_json_to_stdout(as_json, out)
    written = api.report(out, db=db, story=story, app_url=app_url)
    if as_json:
        emit_json({"written": written, "format": "html", "story": story})
    elif written != "-":
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
@json_option_written
@friendly_errors
def export(db: str | None, fmt: str, story: str | None, out: str, as_json: bool) -> None:
    """Export documents, actors, places, claims, groups, stories and citations."""
    _refuse_json_to_stdout(as_json, out)
    written = api.export(fmt, out, db=db, story=story)
    if as_json:
        emit_json({"written": written, "format": fmt, "story": story})
    elif written != "-":
        click.echo(written, err=True)


def _refuse_json_to_stdout(as_json: bool, out: str) -> None:
    if as_json and out == "-":
        raise click.UsageError("--json prints what was written; give a file with -o")
