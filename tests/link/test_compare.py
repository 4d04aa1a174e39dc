"""compare(store, a, b): a score in [0, 1] with reasons, across languages."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from claimtrace.config import load_config
from claimtrace.link.compare import Comparison, compare, lead_chunks, time_similarity
from claimtrace.link.run import link_new
from claimtrace.store import open_store
from tests.link.test_stories import add


def test_same_story_in_two_languages_scores_above_an_unrelated_pair(tmp_path: Path) -> None:
    config = load_config(db=str(tmp_path / "c.db"))
    store = open_store(config)
    en, de, rates = add(store, "ferry-en"), add(store, "ferry-de"), add(store, "rates-en")
    link_new(store, config)
    same = compare(store, en.id, de.id, config)
    other = compare(store, en.id, rates.id, config)
    assert 0.0 <= other.score < same.score <= 1.0
    assert same.languages == ("de", "en")
    kinds = {r.kind: r for r in same.reasons}
    assert {"text", "actors", "places", "time"} <= set(kinds)
    assert kinds["actors"].items == ("act:tz-police",)
    assert "pl:mwanza" in kinds["places"].items
    assert "actors" not in {r.kind for r in other.reasons}


def test_compare_works_before_linking_and_with_id_prefixes(tmp_path: Path) -> None:
    config = load_config(db=str(tmp_path / "c.db"))
    store = open_store(config)
    a, b = add(store, "port-en"), add(store, "port-es")
    result = compare(store, a.id[:10], b.id[:10])
    assert (result.document_a, result.document_b) == (a.id, b.id)
    assert result.score > 0.5


def test_comparison_is_frozen_and_serialisable(tmp_path: Path) -> None:
    config = load_config(db=str(tmp_path / "c.db"))
    store = open_store(config)
    a, b = add(store, "port-en"), add(store, "choir-en")
    result = compare(store, a.id, b.id, config)
    with pytest.raises(FrozenInstanceError):
        result.score = 1.0  # type: ignore[misc]
    data = result.to_dict()
    assert data["reasons"][0]["kind"] == "text"
    assert Comparison(**{**data, "reasons": result.reasons}) == result


def test_time_similarity_decays_with_distance_and_ignores_unknown_dates() -> None:
    assert time_similarity("2025-01-01", "2025-01-20")[0] == 1.0
    far, days = time_similarity("2023-01-01", "2025-06-01")
    assert far == 0.0 and days == 882
    assert time_similarity(None, "2025-01-01") == (None, None)


def test_lead_chunks_are_title_and_opening_paragraphs() -> None:
    text = "\n\n".join(f"Paragraph {i} " + "word " * 60 for i in range(6))
    chunks = lead_chunks("A title", text)
    assert chunks[0] == "A title" and len(chunks) == 3
    assert chunks[1].startswith("Paragraph 0") and "Paragraph 5" not in " ".join(chunks)
