"""Commands across documents: stories, claim groups, and comparing two documents."""

from __future__ import annotations

import click

from claimtrace import api
from claimtrace.cli_claims import describe
from claimtrace.cli_common import db_option, emit_json, friendly_errors, json_option, safe


@click.command()
@db_option
@json_option
@friendly_errors
def stories(db: str | None, as_json: bool) -> None:
    """Stories: documents in any language that tell the same story."""
    found = api.stories(db)
    if as_json:
        emit_json([s.to_dict() for s in found])
        return
    for story in found:
        click.echo(f"{story.id}  {len(story.documents)} doc  {safe(story.label)}")
    if not found:
        click.echo("no stories (run `claimtrace analyse` first)")


@click.command()
@db_option
@json_option
@click.option("--story", default=None, help="Only the claim groups of this story (id or prefix).")
@click.option("--min-docs", default=1, show_default=True, help="Only groups spanning N documents.")
@friendly_errors
def groups(db: str | None, as_json: bool, story: str | None, min_docs: int) -> None:
    """Claim groups: claims that state the same thing, with their documents and languages."""
    found = [g for g in api.groups(db, story) if len(g.documents) >= min_docs]
    if as_json:
        emit_json([g.to_dict() for g in found])
        return
    for group in found:
        against = f", {len(group.contradicting)} contradicting" if group.contradicting else ""
        click.echo(
            f"{group.id}  {len(group.claims)} claim(s) in {len(group.documents)} doc "
            f"[{', '.join(group.languages)}]{against}  {safe(group.label)}"
        )
    click.echo(f"{len(found)} group(s)")


@click.command()
@click.argument("doc_a")
@click.argument("doc_b")
@db_option
@json_option
@friendly_errors
def compare(doc_a: str, doc_b: str, db: str | None, as_json: bool) -> None:
    """How alike two documents are (any languages), and why."""
    result = api.compare(doc_a, doc_b, db)
    if as_json:
        emit_json(result.to_dict())
        return
    click.echo(f"similarity {result.score:.2f}  {result.document_a} ~ {result.document_b}")
    for reason in result.reasons:
        items = f": {safe(', '.join(reason.items[:8]))}" if reason.items else ""
        click.echo(f"  {reason.kind:>7} {reason.score:.2f}  {safe(reason.detail)}{items}")


def show_link(item_id: str, db: str | None, as_json: bool) -> None:
    """`show` for a claim group (grp_…) or a story (sty_…); an id prefix is enough."""
    if item_id.startswith("grp_"):
        view = api.group(item_id, db)
        if as_json:
            emit_json(view.to_dict())
            return
        found = view.group
        click.echo(click.style(safe(found.label) or "(unlabelled)", bold=True))
        click.echo(f"{'id':>10}: {found.id}")
        click.echo(f"{'languages':>10}: {', '.join(found.languages)}")
        for doc_id in found.documents:
            story = view.stories.get(doc_id)
            click.echo(f"{'document':>10}: {doc_id}" + (f"  (story {story})" if story else ""))
        click.echo(click.style(f"\n{len(view.claims)} claim(s)", bold=True))
        for claim in view.claims:
            against = "  [contradicting]" if claim.id in found.contradicting else ""
            click.echo(click.style(f"{claim.id}  doc {claim.document_id}{against}", dim=True))
            click.echo("\n".join(describe(claim, view.names)))
        return
    told = api.story(item_id, db)
    if as_json:
        emit_json(told.to_dict())
        return
    click.echo(click.style(safe(told.story.label) or "(unlabelled)", bold=True))
    click.echo(f"{'id':>10}: {told.story.id}")
    for doc in told.documents:
        meta = " · ".join(safe(x) for x in (doc["language"], doc["published"], doc["outlet"]) if x)
        click.echo(f"{'document':>10}: {doc['id']}  {safe(doc['title']) or '(untitled)'}  [{meta}]")
    for group in told.groups:
        click.echo(f"{'group':>10}: {group.id}  {len(group.claims)} claim(s)  {safe(group.label)}")
