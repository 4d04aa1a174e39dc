"""Regex building blocks shared by the absolute and relative time rules."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from claimtrace.nlp.times.calendars import Resolution
from claimtrace.nlp.times.lexicon import Names

# (match, leading preposition or None, publication day) -> meaning, or None to reject.
Handler = Callable[[re.Match[str], str | None, date | None], Resolution | None]

# A span may start after an Arabic proclitic ("وفي", "بـ") as well as at a word boundary.
START = r"(?:(?<!\w)|(?<=(?<!\w)[وفبل]))"
END = r"(?!\w)"


@dataclass(frozen=True)
class Rule:
    """One pattern and what a match of it means; lower ``priority`` wins ties in length.

    ``lead`` matches what may precede a match and belongs to it (a preposition, a weekday);
    it is searched backwards from each match rather than tried at every position, which keeps
    the scan fast."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    priority: int = 5
    lead: re.Pattern[str] | None = None


def normalise(form: str) -> str:
    return " ".join(form.lower().replace("’", "'").split())


def phrase(form: str) -> str:
    """A literal word or phrase as a regex: inner spaces match any whitespace."""
    escaped = re.escape(form.replace("’", "'"))
    return escaped.replace(r"\ ", r"\s+").replace("'", "['’]")


def alternation(forms: Iterable[str]) -> str:
    unique = sorted(set(forms), key=lambda form: (-len(form), form))
    return "|".join(phrase(form) for form in unique) or r"(?!x)x"


def cased(forms: Iterable[str]) -> str:
    """English month and weekday names must be capitalised: "May" the month, not "may"."""
    variants: set[str] = set()
    for form in forms:
        variants.add(form[:1].upper() + form[1:])
        variants.add(form.upper())
    return (
        "(?-i:"
        + "|".join(phrase(form) for form in sorted(variants, key=lambda f: (-len(f), f)))
        + ")"
    )


def names_pattern(names_by_language: dict[str, Names], abbreviations: bool) -> str:
    """Alternation of month or weekday names; abbreviations may carry a full stop."""
    parts: list[str] = []
    for language, names in names_by_language.items():
        full = list(names.full)
        short = list(names.abbreviated) if abbreviations else []
        if language == "en":
            if full:
                parts.append(cased(full))
            if short:
                parts.append(f"(?:{cased(short)}\\.?)")
        else:
            parts.append(alternation(full))
            if short:
                parts.append(f"(?:(?:{alternation(short)})\\.?)")
    return "(?:" + "|".join(part for part in parts if part) + ")"


def lookup(names_by_language: dict[str, Names], form: str) -> int | None:
    for names in names_by_language.values():
        number = names.lookup(form)
        if number is not None:
            return number
    return None


def compile_pattern(source: str) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE)
