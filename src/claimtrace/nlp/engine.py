"""The NLP stage over a batch of documents, in whichever process runs it.

``analyse_batch(documents, settings)`` annotates the whole batch once (one ``nlp.pipe``
per language model over the paragraphs of every document, nlp/text/annotate.py), then runs
the per-document steps on each annotation: entities and times (``analyse_annotated``),
attributions, claims. It returns one frozen, picklable ``Outcome`` per document, in input
order, so a worker process can send them back to the single writer. A document whose
analysis fails becomes an ``Outcome`` with a failure; the others are unaffected. Nothing
here reads what an earlier batch left behind: the result for a document depends only on
the document, the models and the settings.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from claimtrace.errors import MissingDependencyError
from claimtrace.nlp.analyse import Analysis, analyse_annotated
from claimtrace.nlp.analyse import parse_models as ner_models
from claimtrace.nlp.attribution import find_attributions
from claimtrace.nlp.attribution import parse_models as attribution_models
from claimtrace.nlp.claims import extract_claims, get_extractor
from claimtrace.nlp.text.annotate import AnnotatedDocument, annotate
from claimtrace.nlp.text.spacy_models import installed
from claimtrace.records import Attribution, Claim, Document, Paragraph

__all__ = ["EngineSettings", "Outcome", "analyse_batch", "annotation_models", "warm_up"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EngineSettings:
    """The settings the NLP steps read (a picklable slice of ``Config``)."""

    ner_backends: str | None = None
    attribution_backends: str | None = None
    claim_backend: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What the NLP stage found in one document, or why it failed."""

    document_id: str
    analysis: Analysis | None = None
    attributions: tuple[Attribution, ...] = ()
    claims: tuple[Claim, ...] = ()
    error: str | None = None


def annotation_models(settings: EngineSettings) -> dict[str, str]:
    """Language -> the one spaCy model that parses it: the NER backend's model, else the
    attribution parser's (installed models only)."""
    models = {
        language: model
        for language, model in attribution_models(settings.attribution_backends).items()
        if installed(model)
    }
    models.update(ner_models(settings.ner_backends))
    models.pop("*", None)
    return models


def warm_up(settings: EngineSettings) -> None:
    """Load every model the settings name and build the lazy tables (a worker does this
    once, before its first batch), so no document's timing pays for it."""
    get_extractor(settings.claim_backend)
    documents = []
    for language in dict.fromkeys(("en", "de", *annotation_models(settings))):
        # a person, a role, an outlet, a date and places: every lazy table gets built
        text = _WARM_UP_TEXTS.get(language, _WARM_UP_TEXTS["en"])
        documents.append(Document(f"warm-up-{language}", text, None, language, (language,),
                                  (Paragraph(0, 0, len(text), language),)))  # fmt: skip
    analyse_batch(documents, settings)


_WARM_UP_TEXTS = {
    "en": "Interior Minister John Smith told Reuters on Monday, 3 March 2020, that the army "
    "had attacked Aleppo in northern Syria. He said 12 people were killed.",
    "de": "Innenminister Hans Müller sagte am Montag, dem 3. März 2020, der Zeitung Die Welt, "
    "die Armee habe Aleppo in Nordsyrien angegriffen. Zwölf Menschen seien getötet worden.",
}


def analyse_batch(documents: Sequence[Document], settings: EngineSettings) -> list[Outcome]:
    """One ``Outcome`` per document, in order."""
    models = annotation_models(settings)
    try:
        annotated: list[AnnotatedDocument | Outcome] = list(annotate(documents, models))
    except MissingDependencyError:
        raise
    except Exception:  # one text broke the batch's parse: annotate each alone
        annotated = [_annotate_alone(doc, models) for doc in documents]
    return [
        item if isinstance(item, Outcome) else _analyse_one(item, settings) for item in annotated
    ]


def _annotate_alone(doc: Document, models: dict[str, str]) -> AnnotatedDocument | Outcome:
    try:
        return annotate([doc], models)[0]
    except MissingDependencyError:
        raise
    except Exception as exc:
        return Outcome(doc.id, error=f"{type(exc).__name__}: {exc}")


def _analyse_one(annotated: AnnotatedDocument, settings: EngineSettings) -> Outcome:
    doc = annotated.document
    try:
        analysis = analyse_annotated(annotated, settings.ner_backends)
        attributions = find_attributions(
            doc, analysis.sentences, settings.attribution_backends, annotated.pieces
        )
        claims = extract_claims(doc, analysis, attributions, settings.claim_backend, annotated)
    except MissingDependencyError:
        raise
    except Exception as exc:  # one pathological text must not stop the batch
        log.debug("analysis of %s failed", doc.id, exc_info=True)
        return Outcome(doc.id, error=f"{type(exc).__name__}: {exc}")
    return Outcome(doc.id, analysis, tuple(attributions), tuple(claims))
