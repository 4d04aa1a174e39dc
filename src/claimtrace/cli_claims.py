"""Commands about claims: list them, and print one with its evidence highlighted."""

from __future__ import annotations

import click

from claimtrace import api
from claimtrace.cli_common import db_option, emit_json, friendly_errors, json_option, safe
from claimtrace.nlp.claims import RELATIONS
from claimtrace.records import MODALITIES, Claim


def highlighted(claim: Claim) -> str:
    """The evidence sentence with the claim's content span in bold (terminal styling only)."""
    start = max(claim.content.start - claim.start, 0)
    end = min(max(claim.content.end - claim.start, start), len(claim.text))
    before, inside, after = claim.text[:start], claim.text[start:end], claim.text[end:]
    return safe(before) + click.style(safe(inside), bold=True, underline=True) + safe(after)


def describe(claim: Claim, names: dict[str, str]) -> list[str]:
    """A claim in a few lines: relation, actors, modality, source chain, place, time."""

    def name(ids: tuple[str, ...]) -> str:
        return ", ".join(safe(names.get(i, i)) for i in ids) or "-"

    negated = "NOT " if claim.negated else ""
    lines = [
        f"{name(claim.subjects)} --{negated}{claim.relation} ({safe(claim.verb)})--> "
        f"{name(claim.objects)}   [{claim.modality}, {claim.language}]"
    ]
    if claim.sources:
        chain = " > ".join(
            (safe(s.name) or "(unnamed)") + (f" ({safe(s.cue)})" if s.cue else "")
            for s in claim.sources
        )
        lines.append(f"  source: {chain}")
    if claim.places or claim.time:
        lines.append(f"  where/when: {name(claim.places)} / {claim.time or '-'}")
    lines.append(f"  evidence [{claim.start}:{claim.end}]: {highlighted(claim)}")
    return lines


@click.command()
@db_option
@json_option
@click.option("--actor", default=None, help="Actor id, name or surface form (subject or object).")
@click.option("--source", default=None, help="Actor id or part of a source's name.")
@click.option(
    "--relation",
    type=click.Choice([r.code for r in RELATIONS]),
    default=None,
    help="Only claims with this relation (docs/relations.md).",
)
@click.option("--lang", default=None, help="Only claims in this language.")
@click.option("--doc", "document", default=None, help="Only claims of this document id.")
@click.option("--modality", type=click.Choice(MODALITIES), default=None, help="Only this modality.")
@click.option("--limit", default=100, show_default=True)
@friendly_errors
def claims(
    db: str | None,
    as_json: bool,
    actor: str | None,
    source: str | None,
    relation: str | None,
    lang: str | None,
    document: str | None,
    modality: str | None,
    limit: int,
) -> None:
    """Claims: who claims what about whom, with the source chain and the evidence sentence."""
    found = api.claims(db, actor, source, relation, lang, document, modality, limit)
    if as_json:
        emit_json(found.to_dict())
        return
    for claim in found.claims:
        click.echo(click.style(f"{claim.id}  doc {claim.document_id}", dim=True))
        for line in describe(claim, found.names):
            click.echo(line)
        click.echo()
    click.echo(f"{len(found.claims)} claim(s)")
