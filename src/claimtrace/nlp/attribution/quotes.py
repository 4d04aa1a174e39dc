"""Direct quotes and their speakers."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import regex

from claimtrace.nlp.attribution.base import sentence_of
from claimtrace.records import Attribution, Document, Span

# one pair per typographic convention; a quote never crosses a blank line
QUOTE = regex.compile(
    r"“(?P<q>[^“”\n]+)”|„(?P<q>[^„“”\n]+)[“”]|«(?P<q>[^«»\n]+)»|\"(?P<q>[^\"\n]+)\""
)
QUOTE_MARKS = frozenset('“”„«»"')
GAP = ' \t.,“”"«»„'
MIN_QUOTE_WORDS = 4  # shorter quoted phrases are mostly names and scare quotes


def find_quotes(text: str) -> list[tuple[int, int, int, int]]:
    """(open mark start, content start, content end, close mark end) of each long quote."""
    out = []
    for m in QUOTE.finditer(text):
        start, end = m.span("q")
        while start < end and text[start].isspace():
            start += 1  # « Nous … »: French sets the marks apart with spaces
        while end > start and text[end - 1].isspace():
            end -= 1
        if len(m.group("q").split()) >= MIN_QUOTE_WORDS:
            out.append((m.start(), start, end, m.end()))
    return out


def add_quotes(
    doc: Document, sentences: Sequence[tuple[int, int]], found: list[Attribution]
) -> list[Attribution]:
    """Give each direct quote an attribution: extend the one it starts in, or make one.

    A quote already inside an attribution's content is left alone; one that starts inside
    a content but runs on into later sentences ("X said: “A. B.”") extends that content.
    A quote nobody covers, if it is most of its sentence (direct speech, not a quoted
    phrase), gets the speaker of the same or an adjacent sentence, cue_kind "quote".
    """
    out = list(found)
    for open_at, start, end, _close in find_quotes(doc.text):
        while end > start and doc.text[end - 1] in ".,;: ":
            end -= 1  # the same trim as every other span (base.make_span)
        ending = next(
            (
                i
                for i, a in enumerate(out)
                if start < a.content.start and end - 1 <= a.content.end <= _close + 1
            ),
            None,
        )
        if ending is not None:  # "“A. B,” she said": the content ends with the quote
            a = out[ending]
            content = Span(start, a.content.end, doc.text[start : a.content.end])
            out[ending] = dataclasses.replace(a, content=content)
            continue
        holder = next(
            (i for i, a in enumerate(out) if a.content.start <= start <= a.content.end + 1), None
        )
        if holder is not None:
            a = out[holder]
            if a.content.end < end:
                content = Span(a.content.start, end, doc.text[a.content.start : end])
                out[holder] = dataclasses.replace(a, content=content)
            continue
        here = sentence_of(sentences, open_at)
        if here is None or (end - start) < 0.5 * (here[1] - here[0]):
            continue
        follows = _adjacent(doc.text, out, open_at, end)
        if follows is not None:  # 'X said: “A.” “B.”': one statement in several quotes
            a = out[follows]
            lo, hi = min(a.content.start, start), max(a.content.end, end)
            out[follows] = dataclasses.replace(a, content=Span(lo, hi, doc.text[lo:hi]))
            continue
        speaker = _adjacent_speaker(sentences, here, out)
        if speaker is None:
            continue
        cue = Span(open_at, start, doc.text[open_at:start])
        sentence = Span(here[0], here[1], doc.text[here[0] : here[1]])
        content = Span(start, end, doc.text[start:end])
        out.append(
            Attribution(
                doc.id,
                sentence,
                cue,
                content,
                speaker.source,
                "quote",
                speaker.language,
                backend=speaker.backend,
            )
        )
    return out


def _adjacent(text: str, found: list[Attribution], open_at: int, end: int) -> int | None:
    """The attribution whose quoted content ends right before this quote or starts right
    after it: 'X said: “A.” “B.”' is one statement in two quotes."""
    for i, a in enumerate(found):
        quoted_end = text[a.content.end : a.content.end + 2].lstrip(".,")[:1] in QUOTE_MARKS
        gap_before = text[a.content.end : open_at]
        if a.content.end <= open_at and quoted_end and not gap_before.strip(GAP):
            return i
        quoted_start = text[a.content.start - 1 : a.content.start] in QUOTE_MARKS
        gap_after = text[end : a.content.start]
        if a.content.start >= end and quoted_start and not gap_after.strip(GAP):
            return i
    return None


def _adjacent_speaker(
    sentences: Sequence[tuple[int, int]], here: tuple[int, int], found: list[Attribution]
) -> Attribution | None:
    index = list(sentences).index(here)
    for k in (index, index - 1, index + 1):
        if 0 <= k < len(sentences):
            near = [a for a in found if a.sentence.start == sentences[k][0] and a.source]
            if near:
                return near[-1] if k <= index else near[0]
    return None
