"""Article text as HTML with the evidence sentences of its claims marked, and search
snippets with their matches marked — every piece of text escaped first."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from markupsafe import Markup, escape

from claimtrace.records import Claim, Document

_MATCH = re.compile(r"\[([^\[\]]{1,200})\]")


def snippet_html(snippet: str) -> Markup:
    """The snippet escaped, its [matches] as <mark>."""
    escaped = str(escape(snippet))
    return Markup(_MATCH.sub(r"<mark>\1</mark>", escaped))


def evidence_html(
    document: Document, claims: Sequence[Claim], groups: Mapping[str, str]
) -> list[Markup]:
    """One Markup per paragraph: its text, with each claim's evidence sentence as a link to
    the claim's group (or a plain mark when the claim has no group yet)."""
    spans = sorted({(c.start, c.end): c for c in claims if c.end > c.start}.items())
    paragraphs = []
    for para in document.paragraphs:
        out, at = [], para.start
        for (start, end), claim in spans:
            if end <= at or start >= para.end or start < at:
                continue  # outside, or overlapping a sentence already marked
            end = min(end, para.end)
            out.append(str(escape(document.text[at:start])))
            sentence = str(escape(document.text[start:end]))
            group = groups.get(claim.id)
            if group:
                out.append(f'<a class="evidence" href="/groups/{escape(group)}">{sentence}</a>')
            else:
                out.append(f'<mark class="evidence">{sentence}</mark>')
            at = end
        out.append(str(escape(document.text[at : para.end])))
        paragraphs.append(Markup("".join(out)))
    return paragraphs
