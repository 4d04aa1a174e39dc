"""The claim extractor protocol and the registry of extractors by name, so that a heavier
model (a parser- or LLM-based extractor) can replace the default rules by configuration
(the ``claim_backend`` setting)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Protocol

from claimtrace.errors import ClaimtraceError
from claimtrace.nlp.analyse import Analysis
from claimtrace.nlp.text.annotate import AnnotatedDocument
from claimtrace.records import Attribution, Claim, Document

DEFAULT_BACKEND = "rules"


class ClaimExtractor(Protocol):
    """Turns a document's attributions and unattributed assertions into claims.

    Built once per process and reused; ``extract`` must not keep state between documents.
    """

    name: str

    def extract(
        self,
        doc: Document,
        analysis: Analysis,
        attributions: Sequence[Attribution],
        annotated: AnnotatedDocument | None = None,
    ) -> list[Claim]: ...


_FACTORIES: dict[str, Callable[[], ClaimExtractor]] = {}
_loaded: dict[str, ClaimExtractor] = {}
_lock = threading.Lock()


def register_extractor(name: str, factory: Callable[[], ClaimExtractor]) -> None:
    """Make ``factory`` available as ``name``; it is called once, on first use."""
    with _lock:
        _FACTORIES[name] = factory
        _loaded.pop(name, None)


def available_extractors() -> list[str]:
    return sorted(_FACTORIES)


def get_extractor(name: str | None = None) -> ClaimExtractor:
    name = name or DEFAULT_BACKEND
    with _lock:
        if name in _loaded:
            return _loaded[name]
        factory = _FACTORIES.get(name)
    if factory is None:
        raise ClaimtraceError(
            f"unknown claim backend {name!r}; known: {', '.join(available_extractors())} "
            "(set claim_backend, or register one with register_extractor)"
        )
    extractor = factory()
    with _lock:
        return _loaded.setdefault(name, extractor)
