"""The store on both backends (SQLite, PostgreSQL): full-text search across languages,
hostile queries; SQLite migrations."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrace import api
from claimtrace.config import Config
from claimtrace.errors import NotFoundError, StoreError
from claimtrace.store.fts import build_query
from claimtrace.store.search_syntax import SearchSyntaxError
from claimtrace.store.sqlite import SQLiteStore, migrations
from tests.conftest import ARTICLE_DE, ARTICLE_EN, ARTICLE_RU


@pytest.fixture
def filled(tmp_path: Path, store_config: Config) -> Config:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "en.txt").write_text(ARTICLE_EN)
    (corpus / "de.txt").write_text(ARTICLE_DE)
    (corpus / "ru.txt").write_text(ARTICLE_RU)
    api.ingest([corpus], config=store_config)
    return store_config


def test_migrations_run_once_and_set_version(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    latest = migrations()[-1][0]
    store = SQLiteStore(path)
    assert store.schema_version == latest
    store.close()
    again = SQLiteStore(path)  # re-opening must not re-run (CREATE TABLE would fail)
    assert again.schema_version == latest
    assert again.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    again.close()


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database " * 100)
    with pytest.raises(StoreError, match="notes.db"):
        SQLiteStore(path)


def test_search_matches_inflected_forms_per_language(filled: Config) -> None:
    german = api.search("Ingenieur warnt", db=filled.db)  # text has "Ingenieure warnten"
    assert [h.language for h in german] == ["de"]
    english = api.search("reservoirs", db=filled.db)
    assert [h.language for h in english] == ["en"]
    russian = api.search("водохранилище", db=filled.db)  # text has "водохранилища"
    assert [h.language for h in russian] == ["ru"]


def test_search_phrase_and_language_filter(filled: Config) -> None:
    assert len(api.search('"lowest level in twenty years"', db=filled.db)) == 1
    assert api.search('"twenty lowest years"', db=filled.db) == []
    assert api.search("reservoir", db=filled.db, language="de") == []


@pytest.mark.parametrize(
    "query", ["NEAR(a b)", "title:x", "-", "^start", "'; DROP TABLE x; --", "", "{body}:y"]
)
def test_hostile_queries_do_not_break(filled: Config, query: str) -> None:
    assert isinstance(api.search(query, db=filled.db), list)


@pytest.mark.parametrize("query", ['"unbalanced', "NEAR(a b", "a OR", "*", "NOT a"])
def test_unreadable_queries_are_clear_errors(filled: Config, query: str) -> None:
    with pytest.raises(SearchSyntaxError):
        api.search(query, db=filled.db)


def test_build_query_quotes_every_term() -> None:
    expression = build_query('Ingenieure "ab c" title:x', ["de"])
    assert expression is not None
    assert '"ingenieur"' in expression and 'body} : "ab c"' in expression
    assert "title:x" not in expression.replace('"title"', "")


def test_show_by_prefix_and_missing(filled: Config) -> None:
    doc_id = api.search("reservoir", db=filled.db)[0].document_id
    assert api.show(doc_id[:9], db=filled.db).document.id == doc_id
    with pytest.raises(NotFoundError, match="was not found"):
        api.show("doc_ffffffffffff", db=filled.db)


def test_stats(filled: Config) -> None:
    data = api.stats(db=filled.db)
    assert data["documents"] == 3 and data["sources"] == 3
    assert data["documents_by_language"] == {"en": 1, "de": 1, "ru": 1}
