"""What the parser should not see: acronyms that spell a function word, no-break spaces."""

from __future__ import annotations

import regex

_SPACES = regex.compile(r"[\u00a0\u2000-\u200a\u202f\u205f]")
_ACRONYM = regex.compile(r"(?<!\w)\p{Lu}{2,4}(?!\w)")


def mask_for_parser(text: str, stop_words: frozenset[str] | set[str]) -> str:
    """The text with acronyms that spell a function word ("IS", "US") replaced by a neutral
    name of the same length, so the parser does not read "150 IS fighters" as a verb, and
    no-break spaces replaced by spaces (a SPACE token would break the clause in two).
    Offsets stay the same. Line by line: a line in capitals (a headline) keeps its acronyms.
    """
    return "\n".join(_masked_line(line, stop_words) for line in text.split("\n"))


def _masked_line(text: str, stop_words: frozenset[str] | set[str]) -> str:
    text = _SPACES.sub(" ", text)
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) > len(letters) / 2:
        return text

    def neutral(m: regex.Match[str]) -> str:
        word = m.group()
        return "X" + "q" * (len(word) - 1) if word.casefold() in stop_words else word

    return _ACRONYM.sub(neutral, text)
