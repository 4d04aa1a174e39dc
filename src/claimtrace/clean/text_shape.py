"""Shape measurements of single text lines, shared by the text-cleaner modules.

Everything here looks at the form of a line (length, punctuation, script,
spacing), never at what a particular site writes, so the same rules hold for
every language with spaces between words.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable

import regex

# Runs of 2+ horizontal blanks (including no-break spaces) and lone tabs become
# one space. A single no-break or narrow no-break space is kept because French
# typography puts one before ";:!?" and inside guillemets.
_SPACE_RUN = regex.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|\t")
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}'’\-.]*")
_TERMINAL = ".!?…؟。！？"
# Closing quotes and brackets may follow the terminal mark: ...attacked.”
_CLOSERS = "\"'”’»«“‘›)]」』"
_CONTINUATION = ",;:–—-"

# Prose needs some length *and* sentence punctuation, or a lot of length;
# headings, captions and prompts are short or unpunctuated.
PROSE_MIN_WORDS = 8
LONG_LINE_WORDS = 25


def squeeze_spaces(line: str) -> str:
    """Collapse runs of blanks inside a line and strip its ends."""
    return _SPACE_RUN.sub(" ", line).strip()


def words(line: str) -> list[str]:
    """Word-like tokens (letters or digits), punctuation left out."""
    return _WORD.findall(line)


def word_count(line: str) -> int:
    return len(words(line))


def last_mark(line: str) -> str:
    """The last character that is not a closing quote, bracket or blank."""
    stripped = line.rstrip().rstrip(_CLOSERS).rstrip()
    return stripped[-1] if stripped else ""


def ends_sentence(line: str) -> bool:
    return last_mark(line) in _TERMINAL and last_mark(line) != ""


def ends_open(line: str) -> bool:
    """True when a line ends mid-sentence on a comma, colon, dash and the like."""
    mark = last_mark(line)
    return mark != "" and mark in _CONTINUATION


def has_sentence_mark(line: str) -> bool:
    return any(ch in _TERMINAL for ch in line)


def looks_like_prose(line: str) -> bool:
    """Running prose: enough words and sentence punctuation, or simply long."""
    n = word_count(line)
    if n >= LONG_LINE_WORDS:
        return True
    return n >= PROSE_MIN_WORDS and ends_sentence(line)


def starts_lowercase(text: str) -> bool | None:
    """Case of the first letter; None for scripts without case (Arabic...)."""
    for ch in text:
        if ch.isalpha():
            if ch.islower():
                return True
            if ch.isupper():
                return False
            return None
    return None


def char_script(ch: str) -> str | None:
    """Rough Unicode script of a letter from its character name (LATIN, ARABIC...)."""
    if not ch.isalpha():
        return None
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return None
    first = name.split(" ", 1)[0]
    # CJK ideographs and kana share a writing system for our purposes.
    return "CJK" if first in {"HIRAGANA", "KATAKANA"} else first


def script_counts(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for ch in text:
        script = char_script(ch)
        if script:
            counts[script] += 1
    return counts


def dominant_script(texts: Iterable[str], share: float = 0.0) -> str | None:
    """The script holding most letters, if it holds more than `share` of them."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(script_counts(text))
    if not counts:
        return None
    script, n = counts.most_common(1)[0]
    return script if n > share * sum(counts.values()) else None


def uppercase_share(text: str) -> float:
    """Share of cased letters that are uppercase (0.0 when nothing is cased)."""
    upper = sum(1 for ch in text if ch.isupper())
    lower = sum(1 for ch in text if ch.islower())
    return upper / (upper + lower) if upper + lower else 0.0
