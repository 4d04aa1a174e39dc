"""Full-text search on PostgreSQL: each paragraph under its language's text-search
configuration, ranked by ts_rank; the query language of store/search_syntax.py.

A document's tsvector is its title (weight A) and each paragraph (weight D), every part
parsed by the configuration of its language (german, english, french, spanish, russian,
arabic, ... ; ``simple`` where PostgreSQL has no stemmer). A query word matches when any
configuration of the stored languages (and ``simple``, the word as written) reduces it to a
lexeme of the document; a phrase must occur in that order. The query is built from the
parsed tree with plainto/phraseto_tsquery, so no user text is read as tsquery syntax.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from claimtrace.records import Document
from claimtrace.store.fts import Expand, long_query_words
from claimtrace.store.search_syntax import And, Node, Not, Term, parse_query

# ISO 639-1 -> the PostgreSQL 15 text-search configuration (pg_ts_config)
CONFIGS = {
    "ar": "arabic", "ca": "catalan", "da": "danish", "de": "german", "el": "greek",
    "en": "english", "es": "spanish", "eu": "basque", "fi": "finnish", "fr": "french",
    "ga": "irish", "hi": "hindi", "hu": "hungarian", "hy": "armenian", "id": "indonesian",
    "it": "italian", "lt": "lithuanian", "ne": "nepali", "nl": "dutch", "no": "norwegian",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian", "sv": "swedish",
    "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}  # fmt: skip


def config_for(language: str | None) -> str:
    return CONFIGS.get((language or "").split("-")[0], "simple")


def index_document(db: Any, doc: Document) -> None:
    """Write the document's tsvector: title, then each paragraph in its configuration."""
    parts = ["setweight(to_tsvector(?::regconfig, ?), 'A')"]
    params: list[Any] = [config_for(doc.language), doc.title or ""]
    for p in doc.paragraphs:
        parts.append("to_tsvector(?::regconfig, ?)")
        params += [config_for(p.language or doc.language), doc.text[p.start : p.end]]
    db.execute(
        "INSERT INTO document_search (document_id, tsv) VALUES (?, " + " || ".join(parts) + ")"
        " ON CONFLICT (document_id) DO UPDATE SET tsv = excluded.tsv",
        [doc.id, *params],
    )


class _Query:
    """A tsquery expression with its parameters, built from the parsed query."""

    def __init__(self, configs: Sequence[str], expand: Expand | None) -> None:
        self.configs = list(dict.fromkeys([*configs, "simple"]))
        self.expand = expand
        self.params: list[Any] = []

    def _any(self, function: str, text: str, configs: Sequence[str] | None = None) -> str:
        parts = []
        for config in configs or self.configs:
            parts.append(f"{function}(?::regconfig, ?)")
            self.params += [config, text]
        return "(" + " || ".join(parts) + ")"

    def compile(self, node: Node) -> str:
        if isinstance(node, Term):
            return self.term(node)
        if isinstance(node, Not):
            return f"({self.compile(node.keep)} && !!{self.compile(node.drop)})"
        joiner = " && " if isinstance(node, And) else " || "
        return "(" + joiner.join(self.compile(part) for part in node.parts) + ")"

    def term(self, term: Term) -> str:
        names, replace = self.expand(term) if self.expand is not None else ((), False)
        options: list[str] = []
        if term.prefix:
            words = [w.casefold() for w in term.words]
            lexemes = " <-> ".join(f"'{w}'" for w in words[:-1])
            last = f"'{words[-1]}':*"
            self.params.append(f"{lexemes} <-> {last}" if lexemes else last)
            options.append("to_tsquery('simple', ?)")
        elif not (names and replace):
            function = "phraseto_tsquery" if term.phrase else "plainto_tsquery"
            options.append(self._any(function, term.text))
        for alias in names:
            options.append(self._any("phraseto_tsquery", alias))
        return "(" + " || ".join(options) + ")" if options else "''::tsquery"


def search_sql(
    query: str, languages: Sequence[str | None], expand: Expand | None
) -> tuple[str, list[Any]] | None:
    """The tsquery expression of a query and its parameters (None: no word to search)."""
    configs = sorted({config_for(lang) for lang in languages})
    built = _Query(configs, expand)
    words = long_query_words(query)
    if words is not None:
        return " || ".join(built._any("plainto_tsquery", w) for w in words), built.params
    tree = parse_query(query)
    if tree is None:
        return None
    return built.compile(tree), built.params


def _config_case() -> str:
    """The text search configuration of a row's language, as SQL."""
    cases = " ".join(f"WHEN '{code}' THEN '{name}'" for code, name in CONFIGS.items())
    return f"CASE language {cases} ELSE 'simple' END::regconfig"


_HEADLINE = (
    "ts_headline({config}, text, query, 'StartSel=[, StopSel=], MaxWords=16, MinWords=6,"
    ' MaxFragments=1, FragmentDelimiter=" … "\')'
)


def search(
    db: Any,
    query: str,
    languages: Sequence[str | None],
    expand: Expand | None,
    limit: int,
    language: str | None,
    snippets: bool = True,
) -> list[Any]:
    """Rows (id, title, language, published, outlet, snippet, score), best first; without
    ``snippets`` each snippet is empty (ranked only)."""
    built = search_sql(query, languages, expand)
    if built is None:
        return []
    expression, params = built
    sql = (
        f"WITH q AS (SELECT {expression} AS query),"
        " hits AS (SELECT d.id, d.title, d.text, d.language, d.published, d.outlet,"
        " ts_rank(s.tsv, q.query) AS score, q.query FROM document_search s"
        " JOIN documents d ON d.id = s.document_id, q WHERE s.tsv @@ q.query"
    )
    if language:
        sql += " AND (d.language = ? OR d.languages LIKE ?)"
        params += [language, f'%"{language}"%']
    cut = _HEADLINE.format(config=_config_case()) if snippets else "''"
    sql += (
        " ORDER BY score DESC, d.id LIMIT ?)"
        f" SELECT id, title, language, published, outlet, {cut} AS snippet, score"
        " FROM hits ORDER BY score DESC, id"
    )
    params.append(limit)
    return list(db.execute(sql, params).fetchall())


def snippets(
    db: Any,
    query: str,
    languages: Sequence[str | None],
    expand: Expand | None,
    document_ids: Sequence[str],
) -> dict[str, str]:
    """Document id -> its snippet for ``query``, for the given documents the query matches."""
    built = search_sql(query, languages, expand)
    if built is None or not document_ids:
        return {}
    expression, params = built
    marks = ",".join("?" * len(document_ids))
    sql = (
        f"WITH q AS (SELECT {expression} AS query)"
        f" SELECT d.id, {_HEADLINE.format(config=_config_case())} FROM document_search s"
        " JOIN documents d ON d.id = s.document_id, q"
        f" WHERE s.tsv @@ q.query AND d.id IN ({marks})"
    )
    rows = db.execute(sql, [*params, *document_ids]).fetchall()
    return {row[0]: row[1] for row in rows}
