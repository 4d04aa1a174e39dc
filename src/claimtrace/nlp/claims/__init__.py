"""Claims: who does what to whom, where and when, on whose authority, with the evidence.

    claims = extract_claims(doc, analysis, attributions)

Each attribution's content, and each unattributed sentence stating a fact (or an opinion)
about actors, becomes a ``records.Claim``. The relation ontology is in ``relations.py``
(docs/relations.md); the default extractor (``rules``) uses the lexicons in ``lexicon/``.
Register a heavier extractor with ``register_extractor(name, factory)`` and choose it with
the ``claim_backend`` setting or the ``backend`` argument.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimtrace.nlp.analyse import Analysis
from claimtrace.nlp.claims.base import (
    ClaimExtractor,
    available_extractors,
    get_extractor,
    register_extractor,
)
from claimtrace.nlp.claims.build import RulesExtractor
from claimtrace.nlp.claims.relations import CODES, RELATIONS
from claimtrace.nlp.text.annotate import AnnotatedDocument
from claimtrace.records import Attribution, Claim, Document

__all__ = [
    "CODES",
    "RELATIONS",
    "ClaimExtractor",
    "available_extractors",
    "extract_claims",
    "get_extractor",
    "register_extractor",
]

register_extractor("rules", RulesExtractor)


def extract_claims(
    doc: Document,
    analysis: Analysis,
    attributions: Sequence[Attribution],
    backend: str | None = None,
    annotated: AnnotatedDocument | None = None,
) -> list[Claim]:
    """The claims of ``doc``, sorted by position; ``backend`` names a registered extractor
    (default ``rules``); ``annotated`` is the document's one parse (nlp/text/annotate.py)."""
    extractor = get_extractor(backend)
    claims = extractor.extract(doc, analysis, attributions, annotated)
    return [c if c.backend == extractor.name else _with_backend(c, extractor.name) for c in claims]


def _with_backend(claim: Claim, name: str) -> Claim:
    from dataclasses import replace

    return replace(claim, backend=name)
