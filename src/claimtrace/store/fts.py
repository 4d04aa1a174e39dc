"""Language-aware full-text search on SQLite FTS5.

FTS5's own tokenizers stem only English (porter). We index each paragraph twice: as written
(unicode61, diacritics folded) and as Snowball stems in the paragraph's language, and expand
every query word into its stems in each language the store holds.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import snowballstemmer

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


def build_query(query: str, languages: list[str | None]) -> str | None:
    """An FTS5 MATCH expression: every word must match as written or by its stem.

    Text in double quotes is searched as a phrase. User input never reaches FTS5 syntax
    unquoted, so no query can fail to parse or address other columns. Words are taken once
    each; a query of more than MAX_ALL_WORDS words matches any of its MAX_ANY_WORDS longest
    words instead, so its cost stays bounded (every word of a 500-word query, each expanded
    into its stems in every stored language, made one search take most of a minute).
    """
    phrases: list[str] = []
    words: dict[str, str] = {}
    for phrase, word in _PHRASE.findall(query):
        if phrase:
            inner = _WORD.findall(phrase)
            if inner and " ".join(inner) not in phrases:
                phrases.append(" ".join(inner))
            continue
        for token in _WORD.findall(word):
            words.setdefault(token.casefold(), token)
    if len(phrases) + len(words) > MAX_ALL_WORDS:
        for phrase in phrases:
            for token in phrase.split():
                words.setdefault(token.casefold(), token)
        longest = sorted(words.values(), key=len, reverse=True)[:MAX_ANY_WORDS]
        options = set().union(*(_word_options(w, languages) for w in longest))
        return " OR ".join(sorted(options)) if options else None
    clauses = [f"body : {_quote(phrase)}" for phrase in phrases]
    for token in words.values():
        clauses.append("(" + " OR ".join(sorted(_word_options(token, languages))) + ")")
    return " AND ".join(clauses) if clauses else None


def _word_options(token: str, languages: list[str | None]) -> set[str]:
    """A word as written (title or body) or any of its stems in the stored languages."""
    options = {f"{{title body}} : {_quote(token)}"}
    for language in languages or [None]:
        for stem in stem_words(token, language):
            options.add(f"stems : {_quote(stem)}")
    return options
