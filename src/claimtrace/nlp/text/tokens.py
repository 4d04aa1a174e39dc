"""Word tokens with offsets and the keys the alias and gazetteer scanners match on.

Hyphens and apostrophes split words ("Assad-Regime" -> Assad, Regime; "IS’s" -> IS, s), as
``normalise.fold`` does, so an alias and a running text give the same token keys whatever
punctuation joins their words. A key is the folded word (no case, no diacritics, one form of
Arabic alif), stemmed with the paragraph language's Snowball stemmer so that inflected forms
("Regimes", "Syriens", "Исламского государства") meet their alias. Keys only propose
candidates: the actor table and the gazetteer decide.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import regex
import snowballstemmer

from claimtrace.kb.normalise import fold

WORD = regex.compile(r"[\p{L}\p{Nd}][\p{L}\p{M}\p{Nd}]*")
ARABIC = regex.compile(r"\p{Arabic}")
# One-letter Arabic proclitics (and, so, with, for, like) glued to the next word: "والأسد".
ARABIC_CLITICS = frozenset("وفبلك")
_STEMMED = {
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "it": "italian",
    "nl": "dutch",
    "pt": "portuguese",
    "ru": "russian",
    "uk": "russian",
    "tr": "turkish",
}


class Token(NamedTuple):
    start: int
    end: int
    text: str
    key: str
    # Arabic: (key, letters skipped) without one or two proclitics ("و", "ول"), else ()
    bare: tuple[tuple[str, int], ...]
    gap: str  # the characters between the previous token and this one


@functools.lru_cache(maxsize=16)
def _stemmer(language: str) -> snowballstemmer.stemmer | None:
    algorithm = _STEMMED.get(language)
    return snowballstemmer.stemmer(algorithm) if algorithm else None


@functools.lru_cache(maxsize=200_000)
def word_key(word: str, language: str) -> str:
    """The scan key of one word in ``language``."""
    folded = fold(word).replace(" ", "")
    stemmer = _stemmer(language)
    if stemmer is None or not folded.isalpha() or ARABIC.match(folded):
        return folded
    return str(stemmer.stemWord(folded))


def tokens(text: str, language: str, offset: int = 0) -> list[Token]:
    """Word tokens of ``text``; offsets are shifted by ``offset``."""
    out: list[Token] = []
    previous = 0
    for m in WORD.finditer(text):
        word = m.group()
        bare: list[tuple[str, int]] = []
        if len(word) > 3 and word[0] in ARABIC_CLITICS and ARABIC.match(word):
            bare.append((word_key(word[1:], language), 1))
            if word[0] in "وف" and word[1] in "بلك" and len(word) > 4:
                bare.append((word_key(word[2:], language), 2))
        out.append(
            Token(
                offset + m.start(),
                offset + m.end(),
                word,
                word_key(word, language),
                tuple(bare),
                text[previous : m.start()],
            )
        )
        previous = m.end()
    return out


def phrase_keys(phrase: str, language: str) -> tuple[str, ...]:
    """The keys of a phrase's words (an alias or a place name)."""
    return tuple(word_key(m.group(), language) for m in WORD.finditer(phrase))


def joined(before: Token, after: Token) -> bool:
    """Whether two adjacent words can belong to one name: spaces, one hyphen or apostrophe,
    the dot of an initial ("U.S."), but no comma, bracket, quote or line break."""
    gap = after.gap
    stripped = gap.replace(" ", "").replace("\u00a0", "")
    if "\n" in gap:
        return False
    if stripped == ".":
        return len(before.text) == 1
    return stripped in ("", "-", "\u2010", "\u2011", "'", "\u2019")


class WordCache:
    """The word tokens of each paragraph, made once and shared by every scanner (actors,
    places, role-cued names); keyed by the paragraph's offsets and language."""

    def __init__(self) -> None:
        self._made: dict[tuple[int, int, str], list[Token]] = {}

    def get(self, text: str, start: int, end: int, language: str) -> list[Token]:
        """The tokens of ``text[start:end]`` in ``language``, offsets into ``text``."""
        key = (start, end, language)
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = tokens(text[start:end], language, start)
        return found
