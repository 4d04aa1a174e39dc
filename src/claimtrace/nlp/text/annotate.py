"""One pass over a document: every paragraph tokenised and run through its language's
pipeline exactly once; every later step reads the result.

``annotate(documents, models)`` groups the paragraphs of a whole batch of documents by the
spaCy model of their language and runs each model once over them (``nlp.pipe``, every
component: tok2vec, tagger, parser, lemmatizer, ner). The unit a model sees is a *piece*:
a run of consecutive paragraphs in one language (at most ``CHUNK_CHARS``), so speech that
runs across paragraphs is parsed in context. Sentences come from that parse, cut at
paragraph breaks and repaired like every splitter's output (``sentences.finish``).
Languages without a spaCy model get the same shape from their splitter (razdel, pysbd,
regex) and no parse. The scanners' word tokens (``tokens.WordCache``) are made once per
paragraph and shared.

Before the pipeline each piece is masked once (``mask_for_parser``, same length, so every
offset stays exact): acronyms spelling a function word ("IS", "US") would be parsed as
verbs or pronouns. Steps read spans of the original text by offset; token texts in the
parse are those of the masked text.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from claimtrace.nlp.text.mask import mask_for_parser
from claimtrace.nlp.text.sentences import finish, split_sentences
from claimtrace.nlp.text.spacy_models import CHUNK_CHARS, MODELS, pipeline
from claimtrace.nlp.text.tokens import WordCache
from claimtrace.nlp.text.words import chunks
from claimtrace.records import Document, Paragraph

__all__ = ["AnnotatedDocument", "Piece", "annotate", "mask_for_parser", "paragraph_language"]

PIPE_BATCH = 16  # pieces per nlp.pipe batch (a piece may be a whole article)


@dataclass(frozen=True)
class Piece:
    """A stretch of the document text the model of its language parsed as one text;
    ``doc`` is None when the language has no model. Offsets index ``Document.text``."""

    start: int
    end: int
    language: str
    model: str | None
    doc: Any | None = None


@dataclass
class AnnotatedDocument:
    """A document with its one parse, its sentences and its scanner tokens."""

    document: Document
    pieces: tuple[Piece, ...]
    sentences: tuple[tuple[int, int], ...]
    words: WordCache = field(default_factory=WordCache)
    _local: dict[tuple[int, int], Any] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        return self.document.text

    def piece_at(self, offset: int) -> Piece | None:
        for piece in self.pieces:
            if piece.start <= offset < piece.end:
                return piece
        return None

    def parse(self, start: int, end: int) -> Any | None:
        """The parse of ``text[start:end]`` as a Doc of its own (``Span.as_doc``: token
        offsets count from ``start``; heads outside the span become roots), or None when
        the text there has no parse or ``start`` falls inside a token."""
        key = (start, end)
        if key not in self._local:
            self._local[key] = self._cut(start, end)
        return self._local[key]

    def _cut(self, start: int, end: int) -> Any | None:
        piece = self.piece_at(start)
        if piece is None or piece.doc is None or end > piece.end:
            return None
        span = piece.doc.char_span(start - piece.start, end - piece.start, alignment_mode="expand")
        if span is None or len(span) == 0 or span.start_char != start - piece.start:
            return None
        return _span_doc(span, self._arrays(piece))

    def _arrays(self, piece: Piece) -> Any:
        key = (piece.start, -1)
        if key not in self._local:
            self._local[key] = piece.doc.to_array(_attr_ids())
        return self._local[key]


# what the steps read off a parse; entities and vectors are not copied (Span.as_doc copies
# both, and computing a span's vector and the whole document's entities for every claim
# costs more than the parse itself)
_SPAN_ATTRS = ("TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD")


@functools.cache
def _attr_ids() -> list[int]:
    from spacy.attrs import IDS

    return [IDS[name] for name in _SPAN_ATTRS]


def _span_doc(span: Any, arrays: Any) -> Any:
    """``Span.as_doc`` without entities and vectors: the span's tokens and their parse as a
    Doc of its own; heads outside the span are rewired to an ancestor inside it, or made
    roots."""
    from spacy.tokens import Doc

    words = [t.text for t in span]
    spaces = [bool(t.whitespace_) for t in span]
    doc = Doc(span.doc.vocab, words=words, spaces=spaces)
    array = arrays[span.start : span.end].copy()
    span._fix_dep_copy(_attr_ids(), array)
    doc.from_array(_attr_ids(), array)
    return doc


def paragraph_language(paragraph: Paragraph, document: Document) -> str:
    """The paragraph's language as the steps key it ("en" for "en-GB"; "und" unknown)."""
    return (paragraph.language or document.language or "und").split("-")[0].lower()


def annotate(documents: Sequence[Document], models: Mapping[str, str]) -> list[AnnotatedDocument]:
    """The one annotation of each document; ``models`` maps a language to the spaCy model
    that parses it (a language not in it gets a splitter's sentences and no parse)."""
    planned = [_plan(doc, models) for doc in documents]
    by_model: dict[str, list[tuple[int, int]]] = {}
    for d, (_paragraphs, pieces) in enumerate(planned):
        for p, piece in enumerate(pieces):
            if piece.model is not None:
                by_model.setdefault(piece.model, []).append((d, p))
    parsed: dict[tuple[int, int], Any] = {}
    for name, where in by_model.items():
        nlp = pipeline(name)
        texts = [_masked_piece(documents[d].text, planned[d][1][p], nlp) for d, p in where]
        for key, doc in zip(where, nlp.pipe(texts, batch_size=PIPE_BATCH), strict=True):
            parsed[key] = doc
    out: list[AnnotatedDocument] = []
    for d, (paragraphs, pieces) in enumerate(planned):
        done = tuple(
            Piece(x.start, x.end, x.language, x.model, parsed.get((d, p)))
            for p, x in enumerate(pieces)
        )
        sentences = _sentences(documents[d], paragraphs, done)
        out.append(AnnotatedDocument(documents[d], done, sentences))
    return out


def _plan(
    doc: Document, models: Mapping[str, str]
) -> tuple[list[tuple[int, int, str]], list[Piece]]:
    """The paragraphs (start, end, language) with text, and the pieces that cover them."""
    paragraphs = [
        (p.start, p.end, paragraph_language(p, doc))
        for p in doc.paragraphs
        if doc.text[p.start : p.end].strip()
    ]
    pieces: list[Piece] = []
    for start, end, language in paragraphs:
        model = models.get(language)
        model = model if model in MODELS else None
        last = pieces[-1] if pieces else None
        if (
            last is not None
            and last.language == language
            and last.model == model
            and end - last.start <= CHUNK_CHARS
        ):
            pieces[-1] = Piece(last.start, end, language, model)
        elif end - start <= CHUNK_CHARS:
            pieces.append(Piece(start, end, language, model))
        else:
            for offset, part in chunks(doc.text[start:end], CHUNK_CHARS):
                pieces.append(Piece(start + offset, start + offset + len(part), language, model))
    return paragraphs, pieces


def _masked_piece(text: str, piece: Piece, nlp: Any) -> str:
    return mask_for_parser(text[piece.start : piece.end], nlp.Defaults.stop_words)


def _sentences(
    doc: Document, paragraphs: list[tuple[int, int, str]], pieces: tuple[Piece, ...]
) -> tuple[tuple[int, int], ...]:
    """Sentences per paragraph: the parse's sentences cut at the paragraph's bounds, or the
    language's splitter where there is no parse; offsets index the document text."""
    # each parse's sentences once, as document offsets in text order
    parsed = [
        (x, [(x.start + t.start_char, x.start + t.end_char) for t in x.doc.sents])
        for x in pieces
        if x.doc is not None and x.doc.has_annotation("SENT_START")  # no parser: splitter
    ]
    out: list[tuple[int, int]] = []
    for start, end, language in paragraphs:
        text = doc.text[start:end]
        inside = [spans for x, spans in parsed if x.start < end and start < x.end]
        if not inside:
            local = split_sentences(text, language, use_model=False)
        else:
            cuts: list[tuple[int, int]] = []
            for spans in inside:
                first = bisect.bisect_right(spans, (start, start)) - 1
                for lo, hi in spans[max(first, 0) :]:
                    if lo >= end:
                        break
                    lo, hi = max(lo, start), min(hi, end)
                    if lo < hi:
                        cuts.append((lo - start, hi - start))
            local = finish(text, cuts)
        out.extend((start + s, start + e) for s, e in local)
    return tuple(out)
