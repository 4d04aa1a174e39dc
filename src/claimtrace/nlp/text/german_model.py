"""claimtrace's German spaCy pipeline: trained on GermEval 2014 (CC BY 4.0) by
scripts/train_ner_de.py and shipped inside the package (data/models/ner_de).

No German NER model ships in a PyPI wheel (docs/model-survey.md), so claimtrace trains a
small one: spaCy's German tokenizer, the feature component of german_features.py (HanTa
part-of-speech tags and a lexical class per token), a CNN tok2vec and a transition-based
NER with CoNLL labels (PER, LOC, ORG, MISC). It has no parser: sentences come from the
German splitter. ``spacy_models.MODELS`` loads it like a model package (``load``).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from claimtrace.errors import MissingDependencyError

NAME = "claimtrace_ner_de"


def model_path() -> Path:
    return Path(str(resources.files("claimtrace.data").joinpath("models", "ner_de")))


def load(exclude: list[str] | None = None, path: Path | None = None) -> Any:
    """The German pipeline from ``path`` (default: the model shipped in the package)."""
    folder = path or model_path()
    try:
        import spacy

        from claimtrace.nlp.text import german_features  # noqa: F401  (registers its component)
    except ImportError as exc:
        raise MissingDependencyError(
            "the German NER model needs spaCy: pip install 'claimtrace[nlp]'"
        ) from exc
    if not (folder / "config.cfg").is_file():
        raise MissingDependencyError(
            f"German NER model not found in {folder}: reinstall claimtrace, train it with "
            "scripts/train_ner_de.py, or set ner_backends to 'de=rules'"
        )
    return spacy.load(folder, exclude=exclude or [])
