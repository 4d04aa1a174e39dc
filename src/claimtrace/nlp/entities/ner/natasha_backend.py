"""Russian NER with natasha (slovnet weights ship in the natasha and navec wheels)."""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Sequence
from typing import Any

from claimtrace.errors import MissingDependencyError
from claimtrace.nlp.entities.ner.base import Span, chunks, trim

NATASHA_REQUIREMENT = "natasha==1.6.0"
# natasha tags a whole text as one sequence; short pieces keep memory and time linear.
CHUNK_CHARS = 3_000
LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}

_lock = threading.Lock()
_tagger: list[Any] = []


def tagger() -> Any:
    """natasha's NewsNERTagger, built once per process."""
    with _lock:
        if not _tagger:
            if importlib.util.find_spec("natasha") is None:
                raise MissingDependencyError(
                    "NER backend 'natasha' (Russian) needs natasha, which is not installed: "
                    f"pip install {NATASHA_REQUIREMENT} (or pip install 'claimtrace[nlp]')"
                )
            from natasha import NewsEmbedding, NewsNERTagger

            _tagger.append(NewsNERTagger(NewsEmbedding()))
        return _tagger[0]


class NatashaBackend:
    name = "natasha"

    def __init__(self) -> None:
        self.tagger = tagger()

    def extract(self, texts: Sequence[str], language: str) -> list[list[Span]]:
        pieces: list[str] = []
        owners: list[tuple[int, int]] = []
        for index, text in enumerate(texts):
            for offset, piece in chunks(text, CHUNK_CHARS):
                if piece.strip():
                    pieces.append(piece)
                    owners.append((index, offset))
        out: list[list[Span]] = [[] for _ in texts]
        markups = self.tagger.map(pieces)
        for markup, piece, (index, offset) in zip(markups, pieces, owners, strict=True):
            for found in markup.spans:
                label = LABELS.get(found.type)
                if label is None:
                    continue
                span = trim(piece, Span(found.start, found.stop, label))
                if span is not None:
                    out[index].append(Span(offset + span.start, offset + span.end, label))
        return out
