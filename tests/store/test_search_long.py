"""Long queries stay fast (issue 10, case 13): a pasted article is a bounded search."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from claimtrace import api
from claimtrace.config import Config
from claimtrace.store.fts import MAX_ALL_WORDS, MAX_ANY_WORDS, build_query
from claimtrace.store.search_syntax import SearchSyntaxError
from tests.conftest import ARTICLE_DE, ARTICLE_EN, ARTICLE_FR, ARTICLE_RU

LANGUAGES: list[str | None] = ["en", "de", "fr", "ru", "es", "it", "pt", "nl", "sv", "pl"]


def _words(count: int) -> str:
    pool = (ARTICLE_EN + " " + ARTICLE_DE + " " + ARTICLE_FR).split()
    return " ".join(f"{pool[i % len(pool)]}{i // len(pool) or ''}" for i in range(count))


def test_a_500_word_query_is_a_bounded_expression() -> None:
    expression = build_query(_words(500), LANGUAGES)
    assert expression is not None
    terms = expression.count(" : ")
    assert terms <= MAX_ANY_WORDS * (len(LANGUAGES) + 1), terms
    assert " AND " not in expression


def test_repeated_words_are_searched_once() -> None:
    expression = build_query("dam Dam DAM dam dam dam", ["en"])
    assert expression == '(stems : "dam" OR {title body} : "dam")'


def test_short_queries_still_need_every_word() -> None:
    words = " ".join(f"word{i}" for i in range(MAX_ALL_WORDS))
    expression = build_query(words, ["en"])
    assert expression is not None and expression.count(" AND ") == MAX_ALL_WORDS - 1


def test_long_query_hostile_input_stays_quoted() -> None:
    hostile = " ".join(["title:x", "NEAR(a b)", '"', "*", "-", "OR", "^x", "{body}:y"] * 40)
    many = " ".join(f"w{i}" for i in range(40))  # and the long-query path
    for query in (hostile, hostile.replace('"', "")):  # short: read, and refused as unreadable
        with pytest.raises(SearchSyntaxError):
            build_query(query, LANGUAGES)
    for query in (f"{hostile} {many}", f"{many} {hostile}"):  # long: words only, any quoted
        expression = build_query(query, LANGUAGES)
        assert expression is not None
        syntax = re.sub(r'"(?:[^"]|"")*"', " ", expression).replace("(", " ").replace(")", " ")
        assert set(syntax.split()) <= {"{title", "body}", "body", "stems", ":", "OR", "AND"}


def test_a_pasted_article_finds_itself_fast(tmp_path: Path, store_config: Config) -> None:
    config = store_config
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name, text in (
        ("en", ARTICLE_EN),
        ("de", ARTICLE_DE),
        ("fr", ARTICLE_FR),
        ("ru", ARTICLE_RU),
    ):
        (corpus / f"{name}.txt").write_text(text)
    api.ingest([corpus], config=config)
    query = " ".join([ARTICLE_EN] * 8)  # a pasted article: over 500 words
    started = time.perf_counter()
    hits = api.search(query, db=config.db)
    assert time.perf_counter() - started < 1.0
    assert hits and hits[0].language == "en"
