"""A found attribution as offsets, before it becomes a record; span helpers shared by the
token-pattern and parser backends."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimtrace.nlp.attribution.base import make_span
from claimtrace.nlp.attribution.tokens import CLOSE_QUOTES, OPEN_QUOTES, Token
from claimtrace.records import Attribution, Span


@dataclass(frozen=True)
class Found:
    """One attribution inside a sentence, as character offsets."""

    cue: tuple[int, int]
    kind: str
    source: tuple[int, int] | None
    content: tuple[int, int]
    pattern: str = "verb"  # verb | prep | post | as | passive | parse


CLOSER_OF = {"“": "”", "„": "“", "«": "»", "‹": "›", "‚": "‘", '"': '"'}


def to_attribution(
    text: str, sentence: Span, found: Found, language: str, document_id: str, backend: str = "rules"
) -> Attribution | None:
    cue = make_span(text, *found.cue)
    start, end = unquoted(text, *found.content)
    content = make_span(text, start, end)
    source = source_span(text, *found.source) if found.source else None
    if cue is None or content is None or len(content.text.split()) < 2:
        return None
    return Attribution(
        document_id, sentence, cue, content, source, found.kind, language, backend=backend
    )


OPENERS = "([{"
CLOSERS = ")]}"
QUOTE_MARKS = '“”„«»"‘’‚'


def source_span(text: str, start: int, end: int) -> Span | None:
    """A source cut cleanly: brackets balanced ("Forces (SDF" takes its ")" or loses
    "(SDF"), no dangling quote marks or clause punctuation at either end."""
    span = make_span(text, start, end)
    if span is None:
        return None
    start, end = span.start, span.end
    for _ in range(3):
        while end > start and text[end - 1] in QUOTE_MARKS + ",;:" and _unpaired(text, start, end):
            end -= 1
        while start < end and text[start] in QUOTE_MARKS and _unpaired(text, start, end):
            start += 1
        for opener, closer in zip(OPENERS, CLOSERS, strict=True):
            piece = text[start:end]
            if piece.count(opener) > piece.count(closer):
                if text[end : end + 1] == closer:
                    end += 1
                else:
                    end = start + piece.rindex(opener)
            elif piece.count(closer) > piece.count(opener) and piece.endswith(closer):
                end -= 1
        span = make_span(text, start, end)
        if span is None:
            return None
        start, end = span.start, span.end
    return Span(start, end, text[start:end])


def _unpaired(text: str, start: int, end: int) -> bool:
    """Whether the quote marks of text[start:end] do not pair up (or it ends in a comma)."""
    piece = text[start:end]
    if piece[-1:] in ",;:":
        return True
    opening = sum(piece.count(c) for c in "“„«‘‚")
    closing = sum(piece.count(c) for c in "”»’")
    straight = piece.count('"')
    return opening != closing or straight % 2 == 1


def unquoted(text: str, start: int, end: int) -> tuple[int, int]:
    """A content that is a direct quote is given without its quote marks."""
    while end > start and text[end - 1] in ".,;: ":
        end -= 1
    if text[start : start + 1] in OPEN_QUOTES:
        closer = CLOSER_OF.get(text[start], text[start])
        close_at = text.find(closer, start + 1, end)
        if close_at > 0:  # „Wir bleiben.“ Der Kommandeur …: only the quote
            return start + 1, close_at
        return start + 1, end
    if text[end - 1 : end] in CLOSE_QUOTES and not any(
        c in OPEN_QUOTES for c in text[start : end - 1]
    ):
        return start, end - 1
    return start, end


SPLIT_SIDE = 4  # tokens on each side of a mid-sentence cue block for it to split a content


def around(tokens: Sequence[Token], first: int, last: int) -> tuple[int, int]:
    """The content beside a cue block tokens[first:last]: the longer side of the sentence,
    or the whole sentence when the block splits it ("X, according to Y, did Z": both sides
    are what Y says; the claims leave the block's own words out of the roles)."""
    before, after = first, len(tokens) - last  # tokens, punctuation included: cheap, enough
    if before >= SPLIT_SIDE and after >= SPLIT_SIDE and tokens[first - 1].text in ",(–—":
        return tokens[0].start, tokens[-1].end
    if after >= before and last < len(tokens):
        return tokens[last].start, tokens[-1].end
    if first == 0:
        return tokens[-1].end, tokens[-1].end
    return tokens[0].start, tokens[first - 1].end


def token_span(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int]:
    return tokens[start].start, tokens[end - 1].end
