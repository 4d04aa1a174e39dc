"""Word tokens with offsets, and the noun-phrase bounds the token-pattern rules need."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from claimtrace.nlp.attribution.base import Lexicon

# words keep inner apostrophes and hyphens ("d'après", "US-led"); initials and short
# capitalised abbreviations keep their dot ("U.S.", "Mr.", "Gen.", "Prof."); anything else is
# one char
_TOKEN = regex.compile(
    r"(?:\p{Lu}\.){2,}|\p{Lu}\p{Ll}{0,3}\.(?=\s+\p{Lu})|\w+(?:[-'’]\w+)*|[^\w\s]"
)
OPEN_QUOTES = frozenset('“„«‹"‚‘')
CLOSE_QUOTES = frozenset('”“»›"’‘')
QUOTES = OPEN_QUOTES | CLOSE_QUOTES
CLAUSE_PUNCT = frozenset(",;:()[]—–!?.")
MAX_SOURCE_TOKENS = 14


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    lower: str
    index: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


def tokenize(text: str, start: int, end: int) -> list[Token]:
    out: list[Token] = []
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        out.append(Token(m.start(), m.end(), word, word.lower(), len(out)))
    return out


def match_phrase(tokens: Sequence[Token], i: int, phrase: Sequence[str]) -> bool:
    """Whether ``phrase`` (lowercase words) starts at token ``i``."""
    if i + len(phrase) > len(tokens):
        return False
    return all(tokens[i + k].lower == word for k, word in enumerate(phrase))


def _adjective_like(token: Token) -> bool:
    # German/French/Spanish attributive adjectives before a noun: lowercase, inflected
    return not token.capitalised and token.lower.endswith(("e", "en", "er", "es", "em", "s"))


def np_after(tokens: Sequence[Token], i: int, lex: Lexicon) -> int:
    """Index one past the noun phrase starting at token ``i`` (== i when there is none)."""
    j = i
    while j < len(tokens) and j - i < MAX_SOURCE_TOKENS:
        t = tokens[j]
        if not t.is_word:
            if t.text in "'’-/&" and j > i:  # "Reuters'", "US-led"
                j += 1
                continue
            break
        if t.lower in lex.verbs and j > i and (j + 1 == len(tokens) or not tokens[j + 1].is_word):
            j += 1  # "according to news reports,": a plural noun closing the phrase
            break
        if (
            t.lower in lex.complementizers
            or t.lower in lex.verbs
            or (t.lower in lex.auxiliaries and not t.capitalised)
        ):
            break
        if lex.verb_second and not t.capitalised and j > i:
            # German nouns are capitalised: only articles, prepositions and adjectives
            # that lead to a later capitalised word continue the phrase
            joins = t.lower in lex.determiners or t.lower in lex.prepositions
            joins = joins or t.lower in {"und", "oder", "sowie"}  # "Beobachter und Experten"
            # an adjective follows an article, a preposition or another adjective, not a noun
            attributive = _adjective_like(t) and (
                j == i or not tokens[j - 1].capitalised or tokens[j - 1].lower in lex.determiners
            )
            if not (joins or attributive) or not _capital_ahead(tokens, j):
                break
        such_as = t.lower == "as" and j > i and tokens[j - 1].lower == "such"
        if t.lower in lex.conjunctions and t.lower not in {"and", "und", "et", "y"} and not such_as:
            break
        j += 1
    while j > i and (
        tokens[j - 1].lower in lex.prepositions
        or tokens[j - 1].lower in lex.determiners
        or tokens[j - 1].lower in lex.conjunctions
        or not tokens[j - 1].is_word
    ):
        j -= 1
    return j


def _capital_ahead(tokens: Sequence[Token], j: int) -> bool:
    for t in tokens[j + 1 : j + 4]:
        if t.capitalised:
            return True
        if not t.is_word:
            return False
    return False


def np_before(tokens: Sequence[Token], end: int, floor: int, lex: Lexicon) -> int:
    """Start index of the subject noun phrase ending just before token ``end`` (== end when
    there is none).

    Walks left to a clause boundary; one comma is crossed when what lies between it and the
    verb is an apposition of a name ("Ryan Dillon, a spokesman for the coalition, said").
    """
    stop = end
    closed = stop > floor and tokens[stop - 1].text == ","
    if closed:
        stop -= 1
    start = _segment_start(tokens, stop, floor, lex)
    if start >= stop:
        return end
    appositive = tokens[start].lower in lex.determiners and start - 1 > floor
    if appositive and tokens[start - 1].text == ",":
        name = _segment_start(tokens, start - 1, floor, lex)
        if name < start - 1 and all(t.capitalised for t in tokens[name : start - 1]):
            return name
    return end if closed else start


def _segment_start(tokens: Sequence[Token], end: int, floor: int, lex: Lexicon) -> int:
    j = end
    while j > floor and end - j < MAX_SOURCE_TOKENS:
        t = tokens[j - 1]
        if not t.is_word and t.text not in "'’-&/" and t.text not in QUOTES:
            break
        if t.lower in lex.complementizers or t.lower in lex.verbs:
            break
        if t.lower in lex.conjunctions and t.lower not in {"and", "und", "et", "y"}:
            break
        relative = t.lower in {"who", "which", "qui", "quien", "der", "die", "welche"}
        if relative and j < end and (not lex.verb_second or tokens[j - 2].text == ","):
            break
        j -= 1
    while j < end and (
        tokens[j].lower in lex.conjunctions
        or tokens[j].lower in lex.adverbs
        or not tokens[j].is_word
    ):
        j += 1
    return j
