"""The search query language: what each operator compiles to, and one clear error per kind
of query that cannot be read."""

from __future__ import annotations

import pytest

from claimtrace.store.fts import build_query
from claimtrace.store.search_syntax import (
    And,
    Not,
    Or,
    SearchSyntaxError,
    Term,
    parse_query,
)


def test_words_are_anded_and_operators_are_capitals_only() -> None:
    assert parse_query("Syria and Iraq") == And(
        (Term(("Syria",), raw="Syria"), Term(("and",), raw="and"), Term(("Iraq",), raw="Iraq"))
    )
    assert parse_query("Syria AND Iraq") == parse_query("Syria Iraq")


def test_or_binds_loosest_and_not_tightest() -> None:
    tree = parse_query("a b OR c NOT d")
    assert isinstance(tree, Or)
    left, right = tree.parts
    assert isinstance(left, And) and isinstance(right, Not)
    assert right.keep == Term(("c",), raw="c") and right.drop == Term(("d",), raw="d")


def test_and_not_reads_as_not() -> None:
    assert parse_query("Syria AND NOT Damascus") == parse_query("Syria NOT Damascus")


def test_phrase_prefix_and_parentheses() -> None:
    tree = parse_query('("Islamic State" OR Daesh) Raq*')
    assert isinstance(tree, And)
    group, prefix = tree.parts
    assert isinstance(group, Or)
    assert group.parts[0] == Term(("Islamic", "State"), phrase=True, raw="Islamic State")
    assert prefix == Term(("Raq",), prefix=True, raw="Raq")


def test_compiled_operators_reach_fts5_as_operators() -> None:
    expression = build_query('"Islamic State" OR Daesh NOT Raqqa', ["en"])
    assert expression is not None
    assert " OR " in expression and " NOT " in expression
    assert build_query("Syr*", ["en"]) == '{title body} : "syr" *'.join("()")


def test_punctuation_alone_is_no_query() -> None:
    assert build_query("-", ["en"]) is None
    assert build_query("", ["en"]) is None


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"Islamic State', "unclosed quote at character 1"),
        ("(Syria OR Iraq", "unclosed '(' at character 1"),
        ("Syria)", "unmatched ')' at character 6"),
        ("()", "empty parentheses"),
        ('""', "empty phrase"),
        ("Syria OR", "OR has nothing after it at the end"),
        ("OR Syria", "OR has nothing before it at character 1"),
        ("Syria AND", "AND has nothing after it"),
        ("AND Syria", "AND has nothing before it"),
        ("Syria AND OR Iraq", "AND has nothing after it"),
        ("NOT Syria", "NOT needs something to keep before it"),
        ("Syria NOT", "NOT has nothing after it"),
        ("*", "needs at least 2 letters before '*'"),
        ("S*", "needs at least 2 letters before '*'"),
    ],
)
def test_unreadable_query_is_a_clear_error(query: str, message: str) -> None:
    with pytest.raises(SearchSyntaxError, match=message.replace("(", r"\(").replace(")", r"\)")):
        build_query(query, ["en"])


def test_too_many_terms_with_operators() -> None:
    query = " OR ".join(["Syria", "Iraq"] * 35)  # few distinct words: read as written
    with pytest.raises(SearchSyntaxError, match="more than 64 terms"):
        build_query(query, ["en"])


def test_a_long_query_is_still_a_ranked_or_of_its_words() -> None:
    expression = build_query(" ".join(f"word{i}" for i in range(40)), ["en"])
    assert expression is not None and " AND " not in expression
    expression = build_query(" AND ".join(f"word{i}" for i in range(13)) + ' "x', ["en"])
    assert expression is not None and " AND " not in expression and " NOT " not in expression
