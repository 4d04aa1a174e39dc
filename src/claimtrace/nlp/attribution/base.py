"""What every attribution backend shares: the cue lexicon shape, the backend protocol and
the registry of backends by name (chosen per language by the ``attribution_backends``
setting, like the NER backends in nlp/entities/ner/__init__.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from claimtrace.nlp.text.annotate import Piece
from claimtrace.records import Attribution, Span

CUE_KINDS = (
    "say",
    "according",
    "report",
    "claim",
    "allege",
    "confirm",
    "deny",
    "question",
    "believe",
    "quote",
    "stance",  # an intention or position held: "wants", "plans", "supports", "opposes"
)
DEFAULT_BACKENDS: dict[str, str] = {"en": "spacy", "fr": "spacy", "es": "spacy", "*": "rules"}


@dataclass(frozen=True)
class Lexicon:
    """The cues of one language, as data (see cues_en.py and its siblings).

    ``verbs`` maps inflected forms (lowercase) to a cue kind for the token-pattern backend;
    ``lemmas`` maps lemmas for the parser backend. ``preps`` are phrases before a source
    ("according to"), ``postps`` phrases after it ("zufolge"); ``particles`` complete a
    separable verb ("wies ... hin"); ``passives`` are source-less cue phrases ("it was
    reported"); ``source_nouns`` head nouns that make an unnamed source ("sources").
    """

    language: str
    verbs: Mapping[str, str]
    lemmas: Mapping[str, str]
    preps: Mapping[str, str] = field(default_factory=dict)
    postps: Mapping[str, str] = field(default_factory=dict)
    complementizers: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    conjunctions: frozenset[str] = frozenset()
    adverbs: frozenset[str] = frozenset()  # fronted non-subjects ("Gleichzeitig", "Meanwhile")
    prepositions: frozenset[str] = frozenset()
    particles: Mapping[str, frozenset[str]] = field(default_factory=dict)
    passives: Mapping[str, str] = field(default_factory=dict)
    objects_after: frozenset[str] = frozenset()  # verbs with an addressee: "told Reuters"
    verb_second: bool = False  # German main clauses: the subject may follow the cue
    back_references: frozenset[str] = frozenset()  # "Das berichteten X.": the sentence before
    verb_first: bool = False  # Arabic: cue, then source, then "إن"/"أن" and the content
    particle_kinds: Mapping[str, str] = field(default_factory=dict)  # "weist zurück": deny
    as_clause: frozenset[str] = frozenset()
    subjunctive: frozenset[str] = (
        frozenset()
    )  # reported-speech verb forms (Konjunktiv I)  # "as X reported", "wie X berichtet"


class AttributionBackend(Protocol):
    name: str

    def extract(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        language: str,
        document_id: str,
        pieces: Sequence[Piece] = (),
    ) -> list[Attribution]:
        """Attributions in ``sentences`` (offsets into ``text``), spans into ``text``;
        ``pieces``: the document's annotation, for a backend that reads a parse."""
        ...


_FACTORIES: dict[str, Callable[[], AttributionBackend]] = {}
_loaded: dict[str, AttributionBackend] = {}
_lock = threading.Lock()


def register_backend(name: str, factory: Callable[[], AttributionBackend]) -> None:
    _FACTORIES[name] = factory


def available_backends() -> list[str]:
    return sorted(_FACTORIES)


def get_backend(name: str) -> AttributionBackend:
    """The backend registered as ``name``, built once per process (KeyError if unknown)."""
    with _lock:
        if name not in _loaded:
            _loaded[name] = _FACTORIES[name]()
        return _loaded[name]


def parse_backends(option: str | Mapping[str, str] | None) -> dict[str, str]:
    """``"en=spacy,*=rules"`` (or a mapping) merged over DEFAULT_BACKENDS."""
    chosen = dict(DEFAULT_BACKENDS)
    if isinstance(option, Mapping):
        chosen.update(option)
        return chosen
    for part in (option or "").split(","):
        if "=" in part:
            language, name = (s.strip() for s in part.split("=", 1))
            if language and name:
                chosen[language] = name
    return chosen


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``: word lists are kept as readable data."""
    return frozenset(text.split())


def make_span(text: str, start: int, end: int) -> Span | None:
    """A span trimmed of surrounding whitespace and clause punctuation, or None if empty."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-،"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-.،"):
        end -= 1
    return Span(start, end, text[start:end]) if end > start else None


def sentence_of(sentences: Sequence[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    for start, end in sentences:
        if start <= offset < end:
            return start, end
    return None
