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

import dataclasses
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
from claimtrace.nlp.attribution.junk import clean_sources
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
    found = [a for a in clean_sources(doc.text, found) if not _hedge(a)]
    found = trim_contents(doc.text, found)
    found += layout_speakers(doc, sentences, found)
    found = clean_sources(doc.text, add_quotes(doc, sentences, found))
    found.sort(key=lambda a: (a.sentence.start, a.cue.start))
    found = _without_asides(link_chains(found))
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


# cue kinds of an aside inside what another source says ("X said she
# thinks …", "X said he is confident …"): part of X's content, not a source of its own
ASIDE_KINDS = frozenset({"believe", "question"})
# pronouns that, inside another source's content, mostly stand for a speaker already named
# ("Clinton said she hopes …", "“… as he says he is”"); a relative pronoun stands for the
# noun before it ("an investigation, which reveals …") and stays a source
ASIDE_SOURCES = SELF | words(
    "he she it they one him her them er sie es il elle ils elles él ella ellos ellas"
)


def _without_asides(found: list[Attribution]) -> list[Attribution]:
    """Drop an attribution nested in another's content (``parent`` set by link_chains)
    whose source is a pronoun or whose cue is a belief or a doubt: "Clinton said she
    thinks …" is Clinton's statement, not a second source (the news-attribution
    annotation of PolNeAR reads it so, and so does an analyst).
    A direct quote keeps its speaker, and named evidence its place in the chain ("the
    paper reported that documents confirm …")."""
    out = []
    for a in found:
        parent = found[a.parent] if a.parent is not None else None
        aside = (
            parent is not None
            and parent.source is not None
            and a.cue_kind != "quote"
            and (
                a.cue_kind in ASIDE_KINDS
                or (a.source is not None and a.source.text.lower() in ASIDE_SOURCES)
            )
        )
        if not aside:
            out.append(dataclasses.replace(a, parent=None))
    return out


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
