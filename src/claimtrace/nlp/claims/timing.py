"""When a claim happened: a time expression in its content, else in its sentence, else, when
the sentence points back to a time already given ("at the time", "that day", "damals", "ce
jour-là", "ese día"), the nearest time expression before it in the same paragraph. A past
tense alone points nowhere in particular, so it gets no time."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from claimtrace.nlp.analyse import Analysis
from claimtrace.records import Document, Span

# phrases that refer back to a time named before ("then" alone is too often logical)
_BACK_REFERENCE = regex.compile(
    r"(?<!\w)(?:at\s+the\s+(?:same\s+)?time|at\s+that\s+time|that\s+(?:same\s+)?(?:day|night|"
    r"week|month|morning|evening|year)|the\s+same\s+(?:day|night|week|month|year)|"
    r"(?:on\s+)?the\s+(?:following|next)\s+(?:day|night|morning|week)|days?\s+later|"
    r"damals|zu\s+dieser\s+Zeit|zur\s+selben\s+Zeit|am\s+selben\s+Tag|an\s+diesem\s+Tag|"
    r"am\s+(?:nächsten|folgenden)\s+Tag|tags\s+darauf|"
    r"à\s+l'époque|à\s+ce\s+moment(?:-là)?|ce\s+jour-là|le\s+même\s+jour|le\s+lendemain|"
    r"ese\s+(?:mismo\s+)?día|aquel\s+día|en\s+aquel\s+momento|en\s+ese\s+momento|"
    r"el\s+mismo\s+día|al\s+día\s+siguiente)(?!\w)",
    regex.IGNORECASE,
)


def claim_time(
    doc: Document, analysis: Analysis, content: Span, sentence: tuple[int, int]
) -> str | None:
    """The claim's time as ISO value or "start/end" range (see the module docstring)."""
    for lo, hi in ((content.start, content.end), sentence):
        found = _first_value(analysis, lo, hi)
        if found is not None:
            return found
    start, end = sentence
    if not _BACK_REFERENCE.search(doc.text, start, end):
        return None
    paragraph_start = next((p.start for p in doc.paragraphs if p.start <= start < p.end), 0)
    earlier = [t for t in analysis.times if paragraph_start <= t.start and t.end <= start]
    for t in sorted(earlier, key=lambda t: t.start, reverse=True):
        value = _value(t)
        if value is not None:
            return value
    return None


def _first_value(analysis: Analysis, lo: int, hi: int) -> str | None:
    for t in analysis.times:
        if lo <= t.start and t.end <= hi:
            value = _value(t)
            if value is not None:
                return value
    return None


def _value(t: object) -> str | None:
    value = getattr(t, "value", None)
    if value:
        return str(value)
    first, last = getattr(t, "range_start", None), getattr(t, "range_end", None)
    return f"{first}/{last}" if first and last else None


__all__: Sequence[str] = ("claim_time",)
