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


def build_query(query: str, languages: list[str | None]) -> str | None:
    """An FTS5 MATCH expression: every word must match as written or by its stem.

    Text in double quotes is searched as a phrase. User input never reaches FTS5 syntax
    unquoted, so no query can fail to parse or address other columns.
    """
    clauses = []
    for phrase, word in _PHRASE.findall(query):
        if phrase:
            words = _WORD.findall(phrase)
            if words:
                clauses.append("body : " + _quote(" ".join(words)))
            continue
        for token in _WORD.findall(word):
            options = {f"{{title body}} : {_quote(token)}"}
            for language in languages or [None]:
                for stem in stem_words(token, language):
                    options.add(f"stems : {_quote(stem)}")
            clauses.append("(" + " OR ".join(sorted(options)) + ")")
    return " AND ".join(clauses) if clauses else None
