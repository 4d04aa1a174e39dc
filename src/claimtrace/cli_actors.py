"""`claimtrace actors ...`: the analyst's corrections to actors and places."""

from __future__ import annotations

import getpass
import os

import click

from claimtrace import api
from claimtrace.cli_common import db_option, emit_json, friendly_errors, json_option, safe
from claimtrace.kb.corrections import ENTITY_TYPES, Correction


def _analyst() -> str:
    try:
        return os.environ.get("CLAIMTRACE_ANALYST") or getpass.getuser()
    except (KeyError, OSError):  # no user name on this system
        return "unknown"


analyst_option = click.option(
    "--by", "analyst", default=None,
    help="Who makes the correction (default: $CLAIMTRACE_ANALYST, else the login name).",
)  # fmt: skip
note_option = click.option("--note", default=None, help="Why (kept in the audit trail).")


def _show(made: list[Correction], as_json: bool) -> None:
    if as_json:
        emit_json([c.to_dict() for c in made])
        return
    for c in made:
        click.echo(f"#{c.id} {safe(c.describe())}  [{safe(c.analyst)}, {c.created_at}]")


@click.group()
def actors() -> None:
    """Correct actors and places; corrections last across re-analysis and can be undone."""


@actors.command()
@click.argument("keep")
@click.argument("others", nargs=-1, required=True)
@db_option
@json_option
@analyst_option
@note_option
@friendly_errors
def merge(
    keep: str, others: tuple[str, ...], db: str | None, as_json: bool, analyst: str | None,
    note: str | None,
) -> None:  # fmt: skip
    """KEEP and OTHERS are one referent: OTHERS' mentions become KEEP's (with their names
    as aliases). Give ids or exact names."""
    made = api.correct(
        "merge", keep, db=db, others=others, note=note, analyst=analyst or _analyst()
    )
    _show(made, as_json)


@actors.command()
@click.argument("entity")
@click.option("--alias", default=None, help="Only mentions written exactly so.")
@click.option("--document", default=None, help="Only mentions in this document (full id).")
@click.option("--name", "value", default=None, help="Name of the new actor.")
@click.option("--into", default=None, help="Move the mentions to this existing actor instead.")
@db_option
@json_option
@analyst_option
@note_option
@friendly_errors
def split(
    entity: str, alias: str | None, document: str | None, value: str | None, into: str | None,
    db: str | None, as_json: bool, analyst: str | None, note: str | None,
) -> None:  # fmt: skip
    """Some mentions of ENTITY are another referent: those written --alias, or those in
    --document, become a new actor (or --into an existing one)."""
    made = api.correct(
        "split", entity, db=db, alias=alias, document=document, value=value, into=into,
        note=note, analyst=analyst or _analyst(),
    )  # fmt: skip
    _show(made, as_json)


@actors.command()
@click.argument("entity")
@click.argument("name")
@db_option
@json_option
@analyst_option
@note_option
@friendly_errors
def rename(
    entity: str, name: str, db: str | None, as_json: bool, analyst: str | None, note: str | None
) -> None:
    """Give actor ENTITY the display name NAME."""
    made = api.correct(
        "rename", entity, db=db, value=name, note=note, analyst=analyst or _analyst()
    )
    _show(made, as_json)


@actors.command()
@click.argument("entity")
@click.argument("type_", metavar=f"[{'|'.join(sorted(ENTITY_TYPES))}]")
@db_option
@json_option
@analyst_option
@note_option
@friendly_errors
def retype(
    entity: str, type_: str, db: str | None, as_json: bool, analyst: str | None, note: str | None
) -> None:
    """Give actor ENTITY another type (filters such as `entities --type` follow it)."""
    made = api.correct(
        "retype", entity, db=db, value=type_, note=note, analyst=analyst or _analyst()
    )
    _show(made, as_json)


@actors.command()
@click.argument("entity")
@click.option("--alias", default=None, help="Only mentions written exactly so.")
@click.option("--document", default=None, help="Only mentions in this document (full id).")
@db_option
@json_option
@analyst_option
@note_option
@friendly_errors
def reject(
    entity: str, alias: str | None, document: str | None, db: str | None, as_json: bool,
    analyst: str | None, note: str | None,
) -> None:  # fmt: skip
    """Not an entity: ENTITY's mentions (or those written --alias / in --document) are
    unlinked from the actor or place; e.g. `reject geonames:292223 --alias Dabei`."""
    made = api.correct(
        "reject", entity, db=db, alias=alias, document=document, note=note,
        analyst=analyst or _analyst(),
    )  # fmt: skip
    _show(made, as_json)


@actors.group()
def corrections() -> None:
    """The audit trail of corrections: list them, undo one."""


@corrections.command(name="list")
@db_option
@json_option
@click.option("--all", "include_undone", is_flag=True, help="Undone corrections too.")
@friendly_errors
def list_(db: str | None, as_json: bool, include_undone: bool) -> None:
    """Corrections, oldest first: id, what, who, when (and who undid it when)."""
    found = api.corrections(db=db, include_undone=include_undone)
    if as_json:
        emit_json([c.to_dict() for c in found])
        return
    if not found:
        click.echo("no corrections")
    for c in found:
        undone = f"  UNDONE {c.undone_at} by {safe(c.undone_by)}" if c.undone_at else ""
        why = f"  ({safe(c.note)})" if c.note else ""
        click.echo(
            f"#{c.id:<4} {c.created_at}  {safe(c.analyst)}: {safe(c.describe())}{why}{undone}"
        )


@corrections.command()
@click.argument("correction_id", type=int)
@db_option
@json_option
@analyst_option
@friendly_errors
def undo(correction_id: int, db: str | None, as_json: bool, analyst: str | None) -> None:
    """Undo correction CORRECTION_ID (it stays in the trail, marked undone)."""
    done = api.undo_correction(correction_id, analyst or _analyst(), db=db)
    if as_json:
        emit_json(done.to_dict())
        return
    click.echo(f"undone #{done.id} {safe(done.describe())}")
