"""claimtrace's German NER model (trained by scripts/train_ner_de.py, shipped in the
package): loads offline, finds names in German news sentences written for this test, and
fails with a clear message when its model folder is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrace.errors import MissingDependencyError
from claimtrace.nlp.entities.ner import DEFAULT_BACKENDS, get_backend
from claimtrace.nlp.text.german_model import NAME as MODEL
from claimtrace.nlp.text.german_model import load, model_path

pytest.importorskip("spacy")
pytestmark = pytest.mark.slow

SENTENCES = [
    "Bundeskanzler Olaf Scholz traf am Montag in Paris den Präsidenten Emmanuel Macron.",
    "Die Vereinten Nationen warnten vor einer Hungersnot im Jemen.",
    "Nach Angaben der Nachrichtenagentur Reuters wurden in Aleppo drei Schulen zerstört.",
]


def _found(spans: list, text: str) -> set[tuple[str, str]]:
    return {(text[s.start : s.end], s.label) for s in spans}


def test_german_is_the_default_for_de() -> None:
    assert DEFAULT_BACKENDS["de"] == f"spacy:{MODEL}"
    assert (model_path() / "config.cfg").is_file()


def test_finds_people_places_and_organisations() -> None:
    backend = get_backend(f"spacy:{MODEL}")
    found = [
        _found(spans, text)
        for spans, text in zip(backend.extract(SENTENCES, "de"), SENTENCES, strict=True)
    ]
    assert ("Olaf Scholz", "PERSON") in found[0]
    assert ("Emmanuel Macron", "PERSON") in found[0]
    assert ("Paris", "GPE") in found[0]
    assert any(label == "GPE" and name in {"Jemen", "im Jemen"} for name, label in found[1])
    assert ("Aleppo", "GPE") in found[2]
    # common nouns are not names, though German capitalises them
    words = {name for spans in found for name, _ in spans}
    assert not words & {"Bundeskanzler", "Montag", "Hungersnot", "Schulen", "Angaben"}


def test_offsets_index_the_text_given() -> None:
    text = "Einleitung.\n\n" + SENTENCES[0]
    spans = get_backend(f"spacy:{MODEL}").extract([text], "de")[0]
    assert spans and all(text[s.start : s.end].strip() == text[s.start : s.end] for s in spans)
    assert "Olaf Scholz" in {text[s.start : s.end] for s in spans}


def test_a_missing_model_folder_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(MissingDependencyError, match="train_ner_de.py"):
        load(path=tmp_path / "nothing-here")
