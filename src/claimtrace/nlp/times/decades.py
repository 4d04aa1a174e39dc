"""Decades: "the 1990s", "the '90s", "in den 1990er Jahren", "les années 1990",
"los años noventa", "в 1990-х годах", "التسعينيات"."""

from __future__ import annotations

import re
from datetime import date

from claimtrace.nlp.times.calendars import Resolution, decade_period
from claimtrace.nlp.times.patterns import (
    END,
    START,
    Handler,
    Rule,
    alternation,
    compile_pattern,
)

_FULL = r"(?P<full>1[0-9]{2}0|20[0-9]0)"
_SHORT = r"(?P<short>[0-9]0)"

_PATTERNS: dict[str, str] = {
    "en": rf"(?:the\s+)?(?:{_FULL}['’]?s|['’]{_SHORT}s){END}",
    "de": rf"(?:(?:den|die|der)\s+)?(?:{_FULL}|{_SHORT})er(?:[\s-]*Jahren?|{END})",
    "fr": rf"(?:(?:les|des|aux)\s+)?années\s+(?:{_FULL}|{_SHORT}){END}",
    "es": rf"(?:(?:los|la)\s+)?(?:años|década\s+de(?:\s+los)?)\s+(?:{_FULL}|{_SHORT}){END}",
    "ru": rf"(?:{_FULL}|{_SHORT})-(?:х|е|x)(?:\s+год(?:ах|ы|ов))?{END}",
}

_WORDS: dict[str, dict[str, int]] = {
    "es": {"veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
           "setenta": 70, "ochenta": 80, "noventa": 90},
    "ar": {"العشرينيات": 20, "الثلاثينيات": 30, "الأربعينيات": 40, "الخمسينيات": 50,
           "الستينيات": 60, "السبعينيات": 70, "الثمانينيات": 80, "التسعينيات": 90,
           "عشرينيات": 20, "ثلاثينيات": 30, "أربعينيات": 40, "خمسينيات": 50,
           "ستينيات": 60, "سبعينيات": 70, "ثمانينيات": 80, "تسعينيات": 90},
}  # fmt: skip

_WORD_PATTERNS: dict[str, str] = {
    "es": r"(?:(?:los|la)\s+)?(?:años|década\s+de(?:\s+los)?)\s+(?P<word>{words}){end}",
    "ar": r"(?P<word>{words}){end}(?:\s+(?:من\s+)?القرن\s+(?:الماضي|العشرين))?",
}


def _first_year(short: int, published: date | None) -> int:
    """A two-digit decade is this century's unless that lies ahead of publication."""
    limit = published.year if published else date.today().year
    return 2000 + short if 2000 + short <= limit else 1900 + short


def _numeric(match: re.Match[str], _pre: str | None, published: date | None) -> Resolution | None:
    full, short = match.group("full"), match.group("short")
    first = int(full) if full else _first_year(int(short), published)
    return decade_period(first, "absolute")


def _worded(language: str) -> Handler:
    words = _WORDS[language]

    def handle(match: re.Match[str], _pre: str | None, published: date | None) -> Resolution | None:
        short = words.get(match.group("word").lower())
        if short is None:
            return None
        first = 1900 + short if language == "ar" else _first_year(short, published)
        return decade_period(first, "absolute")

    return handle


def decade_rules(languages: tuple[str, ...], lead: re.Pattern[str] | None) -> list[Rule]:
    rules: list[Rule] = []
    for language in languages:
        if language in _PATTERNS:
            source = START + _PATTERNS[language]
            rules.append(Rule(f"decade-{language}", compile_pattern(source), _numeric, 9, lead))
        if language in _WORD_PATTERNS:
            source = START + _WORD_PATTERNS[language].format(
                words=alternation(_WORDS[language]), end=END
            )
            handler = _worded(language)
            rules.append(
                Rule(f"decade-words-{language}", compile_pattern(source), handler, 9, lead)
            )
    return rules
