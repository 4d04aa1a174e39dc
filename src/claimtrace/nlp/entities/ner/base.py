"""What every NER backend provides, and helpers the backends share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple, Protocol

from claimtrace.nlp.text.words import chunks as chunks  # shared by the backends


class Span(NamedTuple):
    """A mention found by a backend: character offsets into the text it was given."""

    start: int
    end: int
    label: str  # one of LABELS


LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "OTHER")


class NerBackend(Protocol):
    """A named-entity recogniser for one or more languages.

    ``extract`` takes a batch of texts in ``language`` and returns, per text, its spans with
    offsets into that text. A backend is built once per process and must be reusable.
    """

    name: str

    def extract(self, texts: Sequence[str], language: str) -> list[list[Span]]: ...


def drop_overlaps(spans: list[Span]) -> list[Span]:
    """Spans sorted by start, keeping the longer (then earlier) of any two that overlap."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if all(span.end <= other.start or span.start >= other.end for other in kept):
            kept.append(span)
    return sorted(kept)


_OPENING_MARKS = "¿¡-–—"  # "¿Cuáles", "¡Viva"
_DASHES = "-–—"  # "Morales Ojeda-" before a dash of the sentence


def trim(text: str, span: Span) -> Span | None:
    """The span without surrounding whitespace and punctuation; None when nothing is left."""
    start, end = span.start, span.end
    strip = " \t\r\n.,;:!?()[]{}\"'«»„“”‘’‚‹›"
    while start < end and (text[start] in strip or text[start] in _OPENING_MARKS):
        start += 1
    while end > start and (text[end - 1] in strip or text[end - 1] in _DASHES):
        # keep the period of an abbreviation such as "U.S." or "Corp."
        if text[end - 1] == "." and end - start > 2 and text[end - 3 : end - 1].count(".") > 0:
            break
        end -= 1
    return Span(start, end, span.label) if end > start else None
