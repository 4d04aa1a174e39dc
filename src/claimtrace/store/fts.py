"""Language-aware full-text search on SQLite FTS5.

FTS5's own tokenizers stem only English (porter). We index each paragraph twice: as written
(unicode61, diacritics folded) and as Snowball stems in the paragraph's language, and expand
every query word into its stems in each language the store holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

import snowballstemmer

from claimtrace.store.search_syntax import OPERATORS, And, Node, Not, Term, parse_query

_WORD = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]+)"|(\S+)')
_SNOWBALL = {
    "ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german",
    "el": "greek", "en": "english", "es": "spanish", "fa": "persian", "fi": "finnish",
    "fr": "french", "hu": "hungarian", "it": "italian", "nl": "dutch", "no": "norwegian",
    "pl": "polish", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sv": "swedish",
    "tr": "turkish",
}  # fmt: skip


@lru_cache(maxsize=64)
def _stemmer(language: str | None) -> Any:
    name = _SNOWBALL.get(language or "")
    return snowballstemmer.stemmer(name) if name else None


def stem_words(text: str, language: str | None) -> list[str]:
    words = [w.casefold() for w in _WORD.findall(text)]
    stemmer = _stemmer(language)
    return stemmer.stemWords(words) if stemmer else words


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


# up to this many distinct words (and phrases), every one must match, as written or stemmed
MAX_ALL_WORDS = 12
# a longer query (a pasted paragraph or article) is a "documents like this" search: its
# longest distinct words, any of which may match, ranked by bm25
MAX_ANY_WORDS = 32


# a term's other names, and whether they replace it: a term that is an everyday word as
# well ("IS" = "is") is searched by the entity's other names only
Expand = Callable[[Term], tuple[Sequence[str], bool]]


def build_query(
    query: str, languages: list[str | None], expand: Expand | None = None
) -> str | None:
    """An FTS5 MATCH expression for a query in the language of ``store/search_syntax.py``.

    A word matches as written or by its stem in any stored language; text in double quotes
    is a phrase; AND, OR, NOT, parentheses and ``word*`` prefixes are the query's own
    operators. User text never reaches FTS5 syntax unquoted, so no query can address other
    columns or reach FTS5's own parser in a form it rejects; a query that cannot be read
    raises SearchSyntaxError. ``expand`` gives the other names of an entity a term names
    (aliases in every language); each is matched as a phrase, as an alternative to the term.

    A query of more than MAX_ALL_WORDS words (a pasted paragraph or article: a "documents
    like this" search) matches any of its MAX_ANY_WORDS longest words instead, ranked by
    bm25; its operators and quotes are not read. Its cost stays bounded (every word of a
    500-word query, each expanded into its stems in every stored language, made one search
    take most of a minute).
    """
    long = long_query(query, languages)
    if long is not None:
        return long or None
    tree = parse_query(query)
    return _compile(tree, languages, expand) if tree is not None else None


def long_query(query: str, languages: list[str | None]) -> str | None:
    """The ranked-OR expression of a long plain query; None when the query is short."""
    longest = long_query_words(query)
    if longest is None:
        return None
    options = set().union(*(_word_options(w, languages) for w in longest))
    return " OR ".join(sorted(options))


def long_query_words(query: str) -> list[str] | None:
    """The MAX_ANY_WORDS longest distinct words of a long plain query (any of which may
    match); None when the query is short (MAX_ALL_WORDS words and phrases or fewer)."""
    phrases: list[str] = []
    words: dict[str, str] = {}
    for phrase, word in _PHRASE.findall(query):
        if phrase:
            inner = _WORD.findall(phrase)
            if inner and " ".join(inner) not in phrases:
                phrases.append(" ".join(inner))
            continue
        if word in OPERATORS:
            continue
        for token in _WORD.findall(word):
            words.setdefault(token.casefold(), token)
    if len(phrases) + len(words) <= MAX_ALL_WORDS:
        return None
    for phrase in phrases:
        for token in phrase.split():
            words.setdefault(token.casefold(), token)
    return sorted(words.values(), key=len, reverse=True)[:MAX_ANY_WORDS]


def _compile(node: Node, languages: list[str | None], expand: Expand | None) -> str:
    if isinstance(node, Term):
        return _term(node, languages, expand)
    if isinstance(node, Not):
        keep = _compile(node.keep, languages, expand)
        return f"({keep} NOT {_compile(node.drop, languages, expand)})"
    joiner = " AND " if isinstance(node, And) else " OR "
    parts = dict.fromkeys(_compile(part, languages, expand) for part in node.parts)
    return next(iter(parts)) if len(parts) == 1 else "(" + joiner.join(parts) + ")"


def _term(term: Term, languages: list[str | None], expand: Expand | None) -> str:
    if term.prefix:
        head = _quote(" ".join(w.casefold() for w in term.words))
        return f"({{title body}} : {head} *)"
    if term.phrase:
        options = {f"{{title body}} : {_quote(term.text.lower())}"}
        for language in languages or [None]:
            stems = stem_words(term.text, language)
            if stems:
                options.add(f"stems : {_quote(' '.join(stems))}")
    else:
        options = _word_options(term.words[0], languages)
    names, replace = expand(term) if expand is not None else ((), False)
    if names and replace:
        options = set()
    for alias in names:
        words = _WORD.findall(alias)
        if words:
            options.add(f"{{title body}} : {_quote(' '.join(words).lower())}")
    return "(" + " OR ".join(sorted(options)) + ")"


def _word_options(token: str, languages: list[str | None]) -> set[str]:
    """A word as written (title or body) or any of its stems in the stored languages."""
    options = {f"{{title body}} : {_quote(token.lower())}"}
    for language in languages or [None]:
        for stem in stem_words(token, language):
            options.add(f"stems : {_quote(stem)}")
    return options
