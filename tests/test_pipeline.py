"""Idempotent, resumable ingest; exact and near duplicates become extra sources."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from claimtrace import api
from claimtrace.config import Config
from tests.conftest import ARTICLE_DE, ARTICLE_EN, ARTICLE_FR, ARTICLE_RU


def _corpus(tmp_path: Path, count: int = 4) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = [ARTICLE_EN, ARTICLE_DE, ARTICLE_FR, ARTICLE_RU]
    for i in range(count):
        (corpus / f"{i:02d}.txt").write_text(texts[i % 4] + f"\n\nPostscript number {i}.")
    return corpus


def _count(config: Config, table: str) -> int:
    with sqlite3.connect(config.db) as db:
        return int(db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_second_ingest_adds_nothing(tmp_path: Path, config: Config) -> None:
    corpus = _corpus(tmp_path)
    first = api.ingest([corpus], config=config)
    assert len(first.added) == 4
    second = api.ingest([corpus], config=config)
    assert second.added == () and len(second.skipped) == 4
    assert _count(config, "documents") == 4 and _count(config, "sources") == 4
    assert _count(config, "documents_fts") == 4 and _count(config, "paragraphs") >= 8


def test_interrupted_ingest_resumes_exactly_once(tmp_path: Path, config: Config) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    rng = random.Random(7)
    words = ARTICLE_EN.split()
    for i in range(100):  # several commit batches; shuffled words make distinct texts
        rng.shuffle(words)
        (corpus / f"{i:03d}.txt").write_text(" ".join(words))
    seen = []

    def crash_midway(source: str) -> None:
        seen.append(source)
        if len(seen) == 37:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        api.ingest([corpus], config=config, on_item=crash_midway)
    partial = _count(config, "documents")
    assert 0 < partial < 100, "whole batches before the crash were committed"
    api.ingest([corpus], config=config)
    assert _count(config, "documents") == 100
    assert _count(config, "sources") == 100
    assert _count(config, "documents_fts") == 100


def test_exact_duplicate_is_one_document_with_two_sources(tmp_path: Path, config: Config) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_EN)
    (tmp_path / "b.txt").write_text("  " + ARTICLE_EN.replace(". ", ".  ") + "\n")
    summary = api.ingest([tmp_path / "a.txt", tmp_path / "b.txt"], config=config)
    assert len(summary.added) == 1 and len(summary.duplicates) == 1
    view = api.show(summary.added[0], db=config.db)
    assert [s["relation"] for s in view.sources] == ["original", "exact-duplicate"]


def test_near_duplicate_syndication(tmp_path: Path, config: Config) -> None:
    (tmp_path / "wire.txt").write_text(ARTICLE_EN + "\n\nReporting by Jane Roe.")
    (tmp_path / "partner.txt").write_text(
        ARTICLE_EN + "\n\nThis story first appeared on Partner Daily."
    )
    (tmp_path / "other.txt").write_text(ARTICLE_DE)
    summary = api.ingest([tmp_path], config=config)
    assert len(summary.added) == 2 and len(summary.duplicates) == 1
    source, doc_id = summary.duplicates[0]
    view = api.show(doc_id, db=config.db)
    near = [s for s in view.sources if s["relation"] == "near-duplicate"]
    assert len(near) == 1 and near[0]["similarity"] >= 0.8


def test_edited_file_is_ingested_again_without_losing_the_old(
    tmp_path: Path, config: Config
) -> None:
    page = tmp_path / "a.txt"
    page.write_text(ARTICLE_EN)
    api.ingest([page], config=config)
    page.write_text(ARTICLE_DE)
    summary = api.ingest([page], config=config)
    assert len(summary.added) == 1
    assert _count(config, "documents") == 2 and _count(config, "sources") == 2


def test_original_bytes_are_kept(tmp_path: Path, config: Config) -> None:
    from claimtrace.api import opened

    page = tmp_path / "a.txt"
    raw = ("Breaking\n\n" + ARTICLE_EN).encode("utf-16")
    page.write_bytes(raw)
    [doc_id] = api.ingest([page], config=config).added
    with opened(config=config) as store:
        [source] = store.sources_of(doc_id)
        assert store.original(source.sha256) == raw


def test_process_executor_gives_the_same_store(tmp_path: Path) -> None:
    from claimtrace.config import load_config

    corpus = _corpus(tmp_path, count=8)
    serial = load_config(db=str(tmp_path / "serial.db"))
    parallel = load_config(db=str(tmp_path / "parallel.db"), executor="processes", workers=2)
    first = api.ingest([corpus], config=serial)
    second = api.ingest([corpus], config=parallel)
    assert sorted(first.added) == sorted(second.added) and len(first.added) == 4
    assert sorted(first.duplicates) == sorted(second.duplicates)
