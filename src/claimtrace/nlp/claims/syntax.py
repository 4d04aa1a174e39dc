"""The dependency parse of a claim's text (English, French, Spanish) and what is read off it:
which relation word heads the claim (``heads.py``) and who plays which role
(``deproles.py``).

The parse is cut from the document's one annotation (nlp/text/annotate.py) by ``Parses``:
a claim's content is a span of a sentence parsed in its paragraph, read as a Doc of its own
(``Span.as_doc``). Only a text without an annotation (a bench sentence) or a span that
starts inside a token is parsed on its own, with the same pipeline and the same masking.
Without a parse the caller falls back to clause marks (German) and token order
(``roles.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from claimtrace.errors import MissingDependencyError
from claimtrace.nlp.attribution.spacy_backend import parse_model
from claimtrace.nlp.claims.actors import ActorSpan
from claimtrace.nlp.claims.deproles import Roles, roles_on_parse
from claimtrace.nlp.claims.heads import rank_german, rank_parsed
from claimtrace.nlp.claims.lexicon import lexicon_for
from claimtrace.nlp.claims.verbs import RelationMatch, find_relations
from claimtrace.nlp.text.annotate import AnnotatedDocument
from claimtrace.nlp.text.mask import mask_for_parser
from claimtrace.nlp.text.spacy_models import pipeline

log = logging.getLogger(__name__)
PARSED_LANGUAGES = frozenset({"en", "fr", "es"})
_ALONE: Any = object()  # no parse given: parse the text on its own


class Parses:
    """The parse of a span of one document: cut from its annotation when there is one,
    else parsed alone; each span once."""

    def __init__(self, annotated: AnnotatedDocument | None = None) -> None:
        self.annotated = annotated
        self.cut = 0  # spans read off the annotation
        self.alone = 0  # spans parsed on their own

    def of(self, start: int, text: str, language: str | None) -> Any | None:
        """The parse of ``text``, which starts at ``start`` in the document."""
        if language not in PARSED_LANGUAGES or not text.strip():
            return None
        if self.annotated is not None:
            doc = self.annotated.parse(start, start + len(text))
            if doc is not None:
                self.cut += 1
                return doc
        self.alone += 1
        return parsed(text, language)


def dependency_roles(
    text: str,
    actors: Sequence[ActorSpan],
    verb: RelationMatch,
    language: str | None,
    doc: Any = _ALONE,
) -> Roles | None:
    """The roles of ``verb``'s actors on the parse ``doc`` of ``text`` (parsed here when not
    given), or None without a parse."""
    if not actors:
        return None
    doc = parsed(text, language) if doc is _ALONE else doc
    if doc is None:
        return None
    return roles_on_parse(doc, actors, verb.start, verb.end, verb.noun)


def root_roles(
    text: str, actors: Sequence[ActorSpan], language: str | None, doc: Any = _ALONE
) -> Roles | None:
    """Roles around the main verb of ``text``, for a claim no lexicon word types ("they had
    joined forces loyal to the regime": "they" acts, not the regime)."""
    if not actors:
        return None
    doc = parsed(text, language) if doc is _ALONE else doc
    if doc is None or len(doc) == 0:
        return None
    root = next(t for t in doc if t.head.i == t.i)
    if root.pos_ not in ("VERB", "AUX"):
        return None
    return roles_on_parse(doc, actors, root.idx, root.idx + len(root), False)


def choose_relation(
    text: str, language: str | None, exclude: Sequence[tuple[int, int]] = (), doc: Any = _ALONE
) -> RelationMatch | None:
    """The lexicon match that heads the claim (see ``relation_candidates``)."""
    found = relation_candidates(text, language, exclude, doc)
    return found[0] if found else None


def relation_candidates(
    text: str, language: str | None, exclude: Sequence[tuple[int, int]] = (), doc: Any = _ALONE
) -> list[RelationMatch]:
    """The lexicon matches that may head the claim, best first (``heads.py``): nearest the
    root of the parse for en/fr/es, in the shallowest clause for German, else in text order
    (verbs before nouns). Matches overlapping an ``exclude`` span (offsets into ``text``)
    are left out."""
    matches = [
        m
        for m in find_relations(text, language)
        if not any(lo < m.end and m.start < hi for lo, hi in exclude)
    ]
    if not matches:
        return []
    doc = parsed(text, language) if doc is _ALONE else doc
    if doc is not None:
        return rank_parsed(matches, doc)
    if lexicon_for(language).language == "de":
        return rank_german(matches, text)
    return matches


@lru_cache(maxsize=256)
def parsed(text: str, language: str | None) -> Any | None:
    """The dependency parse of ``text`` alone (cached: relation choice and roles share it;
    the key is the whole input, and the pipeline is fixed per language)."""
    if language not in PARSED_LANGUAGES:
        return None
    nlp = _parser(language)
    return nlp(mask_for_parser(text, nlp.Defaults.stop_words)) if nlp is not None else None


def _parser(language: str) -> Any | None:
    try:
        return pipeline(parse_model(language))
    except MissingDependencyError as exc:  # no model installed: token order
        log.debug("no dependency parser for %s (%s): token order", language, exc)
        return None
