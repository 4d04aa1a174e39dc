"""First names of many countries (gender-guesser's list of about 40,000), folded: a word
on it is a person's name before it is a stem of a country's name ("Georges", "Francois")
or a small town's name."""

from __future__ import annotations

import functools

from claimtrace.kb.normalise import fold

__all__ = ["is_first_name"]


@functools.lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    try:
        import gender_guesser.detector as gender
    except ImportError:  # optional: without the list, first names are not recognised
        return frozenset()
    return frozenset(fold(name) for name in gender.Detector().names)


def is_first_name(word: str) -> bool:
    """Whether gender-guesser's name list (40,000 first names of many countries) has it."""
    return fold(word) in _first_names()
