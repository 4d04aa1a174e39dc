"""Rules for dates written with a month name, digits, a season or a decade: absolute when
they carry a year, partial (resolved against publication) when they do not."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from claimtrace.nlp.times.calendars import (
    Resolution,
    day_period,
    month_period,
    narrow,
    partial_day,
    partial_month_year,
    safe_date,
    season_period,
    unresolved,
    year_period,
)
from claimtrace.nlp.times.cues import (
    DAY_MONTH_JOINERS,
    MONTH_YEAR_JOINERS,
    NOT_AFTER_YEAR,
    PREFIXES,
    SEASON_JOINERS,
    YEAR_SUFFIXES,
    YEAR_WORDS,
)
from claimtrace.nlp.times.decades import decade_rules
from claimtrace.nlp.times.lexicon import SEASON_WORDS, month_names, weekday_names
from claimtrace.nlp.times.patterns import (
    END,
    START,
    Handler,
    Rule,
    alternation,
    compile_pattern,
    lookup,
    names_pattern,
    normalise,
)

_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th|er|ᵉʳ|º|°|-го|\.)?"
_MIN_YEAR, _MAX_YEAR = 1000, 2100


class Vocabulary:
    """Everything the absolute rules need to know about the languages being read."""

    def __init__(self, languages: tuple[str, ...], core: tuple[str, ...]) -> None:
        month_languages = dict.fromkeys((*languages, "en"))
        self.months = {lang: month_names(lang) for lang in month_languages}
        self.weekdays = {lang: weekday_names(lang) for lang in languages}
        self.prefixes: dict[str, str | None] = {}
        for lang in core:
            self.prefixes.update({normalise(k): v for k, v in PREFIXES[lang].items()})
        self.seasons = {normalise(k): v for lang in core for k, v in SEASON_WORDS[lang].items()}
        self.slash_month_first = languages == ("en",)
        self.core = core
        abbreviations = len(languages) == 1 or languages[0] not in core
        self.month_any = names_pattern(self.months, abbreviations=abbreviations)
        self.month_full = names_pattern(self.months, abbreviations=False)
        self.weekday = names_pattern(self.weekdays, abbreviations=False)
        self.year_suffix = self._words(YEAR_SUFFIXES)
        self.year_words = self._words(YEAR_WORDS)

    def _words(self, table: dict[str, tuple[str, ...]]) -> str:
        return alternation(w for lang in self.core for w in table.get(lang, ()))

    def joiners(self, table: dict[str, tuple[str, ...]]) -> str:
        return alternation(w for lang in self.core for w in table.get(lang, ()))

    def lead(self, weekday: bool) -> re.Pattern[str] | None:
        """What may lead into a date: a preposition or modifier, then perhaps a weekday."""
        parts = []
        if self.prefixes:
            parts.append(rf"(?:(?P<pre>{alternation(self.prefixes)})(?:(?<=-)|\s+))?")
        if weekday:
            parts.append(rf"(?:{self.weekday},?\s+)?")
        return compile_pattern(START + "".join(parts) + r"\Z") if parts else None

    def meaning(self, pre: str | None) -> str | None:
        return self.prefixes.get(normalise(pre)) if pre else None

    def year(self, optional: bool) -> str:
        suffix = rf"(?:\s*(?:{self.year_suffix}){END})?" if self.year_suffix else ""
        joiner = self.joiners(MONTH_YEAR_JOINERS)
        core = rf"(?:\s*,\s*|\s+)(?:(?:{joiner})\s+)?(?P<y>\d{{4}})(?![\d]|[-/.]\d){suffix}"
        return f"(?:{core})?" if optional else core


_VocabHandler = Callable[[Vocabulary, re.Match[str], str | None, date | None], Resolution | None]


def _year(match: re.Match[str]) -> int | None:
    text = match.groupdict().get("y")
    if not text:
        return None
    year = int(text)
    return year if _MIN_YEAR <= year <= _MAX_YEAR else None


def _month(vocab: Vocabulary, match: re.Match[str]) -> int | None:
    return lookup(vocab.months, match.group("m"))


def _bare_abbreviation(vocab: Vocabulary, form: str) -> bool:
    """A lower-case abbreviation without a year is too weak a cue ("3 mar" is "3 seas")."""
    key = normalise(form).rstrip(".")
    is_full = any(key in names.full for names in vocab.months.values())
    return not is_full and not form[:1].isupper()


def _dated(
    vocab: Vocabulary, match: re.Match[str], pre: str | None, published: date | None
) -> Resolution | None:
    month, day = _month(vocab, match), int(match.group("d"))
    if month is None or not 1 <= day <= 31:
        return None
    year = _year(match)
    if match.group("y") and year is None:
        return None
    if year is None and _bare_abbreviation(vocab, match.group("m")):
        return None
    if year is not None:
        found = safe_date(year, month, day)
        resolution = day_period(found, "absolute") if found else None
    elif published is None:
        return unresolved("day", "partial")
    else:
        found = partial_day(month, day, published)
        resolution = day_period(found, "partial") if found else None
    return narrow(resolution, vocab.meaning(pre), published) if resolution else None


def _month_year(
    vocab: Vocabulary, match: re.Match[str], pre: str | None, published: date | None
) -> Resolution | None:
    month, year = _month(vocab, match), _year(match)
    if month is None:
        return None
    if year is None:
        if pre is None:
            return None
        if published is None:
            return unresolved("month", "partial")
        resolution = month_period(partial_month_year(month, published), month, "partial")
    else:
        resolution = month_period(year, month, "absolute")
    return narrow(resolution, vocab.meaning(pre), published)


def _numeric(
    vocab: Vocabulary, match: re.Match[str], pre: str | None, published: date | None
) -> Resolution | None:
    first, second, year = int(match.group("a")), int(match.group("b")), _year(match)
    if year is None:
        return None
    month_first = match.group("sep") == "/" and vocab.slash_month_first
    day, month = (second, first) if month_first else (first, second)
    if month > 12 >= day:
        day, month = month, day
    found = safe_date(year, month, day)
    return narrow(day_period(found, "absolute"), vocab.meaning(pre), published) if found else None


def _iso(
    vocab: Vocabulary, match: re.Match[str], pre: str | None, published: date | None
) -> Resolution | None:
    found = safe_date(int(match.group("y")), int(match.group("b")), int(match.group("a")))
    return day_period(found, "absolute") if found else None


def _bare_year(
    vocab: Vocabulary, match: re.Match[str], pre: str | None, published: date | None
) -> Resolution | None:
    year = _year(match)
    groups = match.groupdict()
    if year is None or not (pre or groups.get("yw") or groups.get("ys")):
        return None
    if not groups.get("yw") and not 1800 <= year <= _MAX_YEAR:
        return None
    return narrow(year_period(year, "absolute"), vocab.meaning(pre), published)


def _season(
    vocab: Vocabulary, match: re.Match[str], pre: str | None, published: date | None
) -> Resolution | None:
    year = _year(match)
    season = vocab.seasons.get(normalise(match.group("s")))
    if year is None or season is None:
        return None
    return narrow(season_period(year, season, "absolute"), vocab.meaning(pre), published)


def absolute_rules(vocab: Vocabulary) -> list[Rule]:
    month, year = vocab.month_any, vocab.year(optional=False)
    alt_month = rf"(?:\s*[/(]\s*(?:{vocab.month_full})(?:\s*\))?)?"
    day_joiner = vocab.joiners(DAY_MONTH_JOINERS)
    season_joiner = vocab.joiners(SEASON_JOINERS)
    not_amount = rf"(?!\s*(?:{NOT_AFTER_YEAR}))"
    # (name, pattern, handler, lead may hold a weekday)
    sources: list[tuple[str, str, _VocabHandler, bool]] = [
        (
            "day-month",
            rf"{START}(?:the\s+)?{_DAY}(?:\s*(?:{day_joiner})\s+|\s*)(?P<m>{month}){END}"
            rf"{alt_month}{vocab.year(optional=True)}",
            _dated,
            True,
        ),
        (
            "month-day",
            rf"{START}(?P<m>{month})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
            rf"(?!\s*[.:]\d)(?:,?\s+(?P<y>\d{{4}})(?!\d))?",
            _dated,
            True,
        ),
        ("month-year", rf"{START}(?P<m>{month}){END}{alt_month}{year}", _month_year, False),
        (
            "month",
            rf"{START}(?P<m>{vocab.month_full}){END}{alt_month}(?!\s*\d)",
            _month_year,
            False,
        ),
        (
            "numeric",
            rf"{START}(?P<a>\d{{1,2}})\s{{0,2}}(?P<sep>[./-])\s{{0,2}}"
            rf"(?P<b>\d{{1,2}})\s{{0,2}}(?P=sep)\s{{0,2}}(?P<y>\d{{4}})(?![./-]?\d)",
            _numeric,
            True,
        ),
        ("iso", r"(?<![\d.])(?P<y>\d{4})([-/])(?P<b>\d{2})\2(?P<a>\d{2})(?!\d)", _iso, True),
        (
            "year",
            rf"{START}(?:(?P<yw>{vocab.year_words})\s+)?(?P<y>\d{{4}})(?!\d)"
            rf"(?P<ys>\s*(?:{vocab.year_suffix}){END})?{not_amount}(?![-/.]\d)",
            _bare_year,
            False,
        ),
        (
            "season",
            rf"{START}(?:(?:the|el|la|der|dem)\s+)?(?P<s>{alternation(vocab.seasons)}){END}"
            rf"(?:\s+(?:{season_joiner}))?(?:\s+(?:{vocab.year_words}))?\s+(?P<y>\d{{4}})"
            rf"(?!\d)(?:\s*(?:{vocab.year_suffix}){END})?",
            _season,
            False,
        ),
    ]
    leads = {True: vocab.lead(weekday=True), False: vocab.lead(weekday=False)}
    rules = [
        Rule(name, compile_pattern(source), _bind(vocab, handler), index, leads[weekday])
        for index, (name, source, handler, weekday) in enumerate(sources)
        if name != "month" or vocab.prefixes
    ]
    return rules + decade_rules(vocab.core, leads[False])


def _bind(vocab: Vocabulary, handler: _VocabHandler) -> Handler:
    def bound(match: re.Match[str], pre: str | None, published: date | None) -> Resolution | None:
        return handler(vocab, match, pre, published)

    return bound
