"""German NER: claimtrace's own spaCy model, trained on GermEval 2014 (CC BY 4.0) by
scripts/train_ner_de.py and shipped inside the package (data/models/ner_de).

No German NER model ships in a PyPI wheel (docs/model-survey.md), so claimtrace trains a
small one: spaCy's CNN tok2vec and transition-based NER over the word, its affixes and
shape, HanTa's part-of-speech tag and a lexical class (german_features.py). Labels follow
CoNLL (PER, LOC, ORG, MISC) and map onto claimtrace's set as for WikiNER models. Another
model with the same labels can be used instead with the backend ``spacy-path:<folder>``.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from claimtrace.errors import MissingDependencyError
from claimtrace.nlp.entities.ner.base import Span, trim
from claimtrace.nlp.entities.ner.spacy_backend import WIKINER
from claimtrace.nlp.text.spacy_models import BATCH_SIZE, _pieces

MODEL = "claimtrace_ner_de"
_lock = threading.Lock()


def model_path() -> Path:
    return Path(str(resources.files("claimtrace.data").joinpath("models", "ner_de")))


def load_pipeline(path: Path | None = None) -> Any:
    """The German NER pipeline from ``path`` (default: the model shipped in the package)."""
    folder = path or model_path()
    try:
        import spacy

        from claimtrace.nlp.entities.ner import german_features  # noqa: F401  (its component)
    except ImportError as exc:
        raise MissingDependencyError(
            "German NER needs spaCy, HanTa, wordfreq and gender-guesser: "
            "pip install 'claimtrace[nlp]'"
        ) from exc
    if not (folder / "config.cfg").is_file():
        raise MissingDependencyError(
            f"German NER model not found in {folder}: reinstall claimtrace, or train it with "
            "scripts/train_ner_de.py, or set ner_backends to 'de=rules'"
        )
    return spacy.load(folder)


class GermanBackend:
    """NER with claimtrace's German model (all its components run: the NER reads the
    features and the tok2vec)."""

    def __init__(self, path: Path | None = None) -> None:
        self.name = f"spacy:{MODEL}" if path is None else f"spacy-path:{path}"
        with _lock:
            self.nlp = load_pipeline(path)

    def extract(self, texts: Sequence[str], language: str) -> list[list[Span]]:
        pieces, owners = _pieces(texts)
        out: list[list[Span]] = [[] for _ in texts]
        with _lock:  # the feature component's tagger keeps per-call state
            docs = list(self.nlp.pipe(pieces, batch_size=BATCH_SIZE))
        for doc, piece, (index, offset) in zip(docs, pieces, owners, strict=True):
            for ent in doc.ents:
                label = WIKINER.get(ent.label_)
                span = trim(piece, Span(ent.start_char, ent.end_char, label)) if label else None
                if span is not None:
                    out[index].append(Span(offset + span.start, offset + span.end, span.label))
        return out
