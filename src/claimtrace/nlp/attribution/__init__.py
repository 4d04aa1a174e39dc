"""Attribution extraction: who says what, through which cue, on whose authority.

``find_attributions(doc, sentences, backends)`` runs, per paragraph, the backend chosen for
the paragraph's language (``attribution_backends``, e.g. ``"en=spacy,*=rules"``): the
dependency-parse backend for en/fr/es and the token-pattern backend for every other
language. A backend that cannot load (no model installed) falls back to rules and never
raises. Direct quotes then get their speakers; attributions inside another's content
point at it through ``parent``, and so does evidence ("the documents show") that follows a
named report (discourse.py). A source is kept as the text words it ("he", "the ministry");
``named_sources`` gives the earlier named source each one stands for.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping, Sequence

from claimtrace.nlp.attribution.base import (
    CUE_KINDS,
    DEFAULT_BACKENDS,
    AttributionBackend,
    available_backends,
    get_backend,
    parse_backends,
    register_backend,
    words,
)
from claimtrace.nlp.attribution.chains import link_chains, trim_contents
from claimtrace.nlp.attribution.discourse import named_sources, report_parents
from claimtrace.nlp.attribution.quotes import add_quotes
from claimtrace.nlp.attribution.rules_backend import RulesBackend
from claimtrace.nlp.attribution.spacy_backend import SpacyAttributionBackend
from claimtrace.nlp.attribution.speakers import layout_speakers
from claimtrace.nlp.text.annotate import Piece
from claimtrace.nlp.text.spacy_models import DEFAULT_MODELS, MODELS
from claimtrace.records import Attribution, Document, Paragraph

__all__ = [
    "CUE_KINDS",
    "DEFAULT_BACKENDS",
    "AttributionBackend",
    "available_backends",
    "find_attributions",
    "get_backend",
    "named_sources",
    "parse_backends",
    "parse_models",
    "register_backend",
]

log = logging.getLogger(__name__)
register_backend("rules", RulesBackend)
register_backend("spacy", SpacyAttributionBackend)
for _model in MODELS:  # "en=spacy:en_core_web_sm"
    register_backend(f"spacy:{_model}", functools.partial(SpacyAttributionBackend, _model))


def find_attributions(
    doc: Document,
    sentences: Sequence[tuple[int, int]],
    backends: str | Mapping[str, str] | None = None,
    pieces: Sequence[Piece] = (),
) -> list[Attribution]:
    """Every attribution in ``doc``, in text order, spans as offsets into ``doc.text``.
    ``pieces``: the document's annotation (nlp/text/annotate.py), whose parse the
    dependency backend reads instead of parsing again."""
    chosen = parse_backends(backends)
    found: list[Attribution] = []
    for language, inside in _runs(doc, sentences):
        name = chosen.get(language, chosen.get("*", "rules"))
        found.extend(_extract(name, doc, inside, language, pieces))
    found = [a for a in found if not _hedge(a)]
    found = trim_contents(doc.text, found)
    found += layout_speakers(doc, sentences, found)
    found = add_quotes(doc, sentences, found)
    found.sort(key=lambda a: (a.sentence.start, a.cue.start))
    return report_parents(doc.text, sentences, link_chains(found))


def _runs(
    doc: Document, sentences: Sequence[tuple[int, int]]
) -> list[tuple[str, list[tuple[int, int]]]]:
    """The sentences grouped into runs of consecutive paragraphs in one language, so a
    backend sees as much context as it can (one parse, speech running across paragraphs)."""
    ordered = sorted(sentences)
    paragraphs = doc.paragraphs or (Paragraph(0, 0, len(doc.text), doc.language),)
    runs: list[tuple[str, list[tuple[int, int]]]] = []
    for paragraph in paragraphs:
        language = (paragraph.language or doc.language or "und").split("-")[0].lower()
        inside = [(s, e) for s, e in ordered if paragraph.start <= s < paragraph.end]
        if not inside:
            continue
        if runs and runs[-1][0] == language:
            runs[-1][1].extend(inside)
        else:
            runs.append((language, inside))
    return runs


# "I think", "we believe": a speaker hedging their own words, not a source for a claim
SELF = words("i we you ich wir du ihr je nous tu vous yo nosotros tú")


def _hedge(a: Attribution) -> bool:
    return (
        a.cue_kind in ("believe", "stance")
        and a.source is not None
        and a.source.text.lower() in SELF
    )


def parse_models(backends: str | Mapping[str, str] | None = None) -> dict[str, str]:
    """Language -> the spaCy model the dependency backend parses it with."""
    out: dict[str, str] = {}
    for language, name in parse_backends(backends).items():
        model = DEFAULT_MODELS.get(language) if name == "spacy" else name.partition(":")[2]
        if name.startswith("spacy") and model in MODELS and MODELS[model].parser:
            out[language] = model
    return out


def _extract(
    name: str,
    doc: Document,
    sentences: list[tuple[int, int]],
    language: str,
    pieces: Sequence[Piece] = (),
) -> list[Attribution]:
    try:
        return get_backend(name).extract(doc.text, sentences, language, doc.id, pieces)
    except Exception as exc:  # a missing model or a parser failure must not stop analysis
        if name != "rules":
            log.warning(
                "attribution backend %r failed for %s (%s); using rules", name, language, exc
            )
            return _extract("rules", doc, sentences, language)
        log.exception("attribution rules failed on %s (%s sentences)", doc.id, len(sentences))
        return []
