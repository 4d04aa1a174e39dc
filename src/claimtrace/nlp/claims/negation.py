"""Whether a claim's relation is negated ("did not attack", "lieferte keine Waffen")."""

from __future__ import annotations

import regex

from claimtrace.nlp.claims.hedges import patterns
from claimtrace.nlp.claims.lexicon import lexicon_for

_WINDOW_WORDS = 4
# "not only ... but", "nicht nur", "non seulement", "no solo": additive, not negative
_NOT_ONLY = regex.compile(
    r"(?<!\w)(?:not\s+(?:only|just)|nicht\s+nur|non\s+seulement|pas\s+seulement|no\s+s[oó]lo)"
    r"(?!\w)",
    regex.IGNORECASE,
)


def is_negated(text: str, verb_start: int, verb_end: int, language: str | None) -> bool:
    """A negation within a few words before the verb (also after it in German, where it
    follows the finite verb: "lieferte keine Waffen")."""
    pattern = patterns(language)["negation"]
    if pattern is None:
        return False
    before = text[:verb_start]
    words = list(regex.finditer(r"\S+", before))
    window_start = words[-_WINDOW_WORDS].start() if len(words) >= _WINDOW_WORDS else 0
    windows = [(window_start, verb_end)]
    if lexicon_for(language).verb_final:
        after = list(regex.finditer(r"\S+", text[verb_end:]))
        stop = verb_end + (after[min(_WINDOW_WORDS, len(after)) - 1].end() if after else 0)
        windows.append((verb_end, stop))
    for start, end in windows:
        piece = _NOT_ONLY.sub(" ", text[start:end])
        if pattern.search(piece):
            return True
    return False
