"""Rules for expressions relative to publication: fixed phrases ("last week"), weekdays
("am Montag"), counts back ("vor drei Jahren") and ranges up to publication ("over the last
eighteen months")."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from claimtrace.nlp.times.calendars import (
    Resolution,
    back_from,
    day_period,
    shifted,
    unresolved,
    weekday_near,
)
from claimtrace.nlp.times.lexicon import NUMBER_WORDS, UNIT_WORDS, Names, weekday_names
from claimtrace.nlp.times.patterns import (
    END,
    START,
    Rule,
    alternation,
    compile_pattern,
    names_pattern,
    normalise,
)
from claimtrace.nlp.times.phrases import (
    AGO_PATTERNS,
    ARABIC_PLURAL_UNITS,
    LAST_PATTERNS,
    PHRASES,
    WEEKDAY_AFTER,
    WEEKDAY_BEFORE,
    Phrase,
)

_NUMBER = r"\d{1,3}"
_NAME_FOLLOWS = re.compile(r"[ \t]+[A-Z]")


def _phrase_rule(language: str) -> Rule:
    phrases = PHRASES[language]
    source = (
        START
        + "(?:"
        + "|".join(f"(?P<p{index}>{item.pattern})" for index, item in enumerate(phrases))
        + ")"
        + END
    )

    def handle(match: re.Match[str], _pre: str | None, published: date | None) -> Resolution | None:
        item: Phrase = phrases[int(str(match.lastgroup)[1:])]
        if published is None:
            return unresolved(item.unit, "relative")
        resolution = shifted(published, item.unit, item.offset, "relative")
        if item.part == "to_pub":
            return replace(resolution, range_end=published)
        if item.part == "from_pub":
            return replace(resolution, range_start=published)
        return resolution

    return Rule(f"phrase-{language}", compile_pattern(source), handle, priority=1)


def _weekday_rule(language: str) -> Rule:
    names: dict[str, Names] = {language: weekday_names(language)}
    before, after = WEEKDAY_BEFORE[language], WEEKDAY_AFTER[language]
    day = names_pattern(names, abbreviations=False)
    if language == "es":  # "Domingo" is also a name; Spanish weekdays are lower-case
        day = "(?-i:" + day + ")"
    source = rf"{START}(?:(?P<before>{alternation(before)})\s+)?(?P<wd>{day}){END}"
    if after:
        source += rf"(?:\s+(?P<after>{alternation(after)}){END})?"
    source += r"(?!\s*\d)"  # "Monday 14 September" is a date rule's

    def handle(match: re.Match[str], _pre: str | None, published: date | None) -> Resolution | None:
        weekday = names[language].lookup(match.group("wd"))
        if weekday is None:
            return None
        if published is None:
            return unresolved("day", "relative")
        groups = match.groupdict()
        if (
            language == "en"
            and not groups.get("before")
            and _NAME_FOLLOWS.match(match.string, match.end())
        ):
            return None  # "The Sunday Times", "Monday Night Football"
        direction = before.get(normalise(groups.get("before") or ""))
        if groups.get("after"):
            direction = after.get(normalise(groups["after"]), direction)
        found = weekday_near(published, weekday, direction or "on_or_before")
        return day_period(found, "relative")

    return Rule(f"weekday-{language}", compile_pattern(source), handle, priority=2)


def _count(language: str, match: re.Match[str]) -> tuple[str, int | None] | None:
    """The unit and how many of it; the count is None when vague ("vor Jahren")."""
    groups = match.groupdict()
    unit_form = normalise(groups.get("u") or groups.get("u2") or "")
    unit_entry = UNIT_WORDS[language].get(unit_form)
    if language == "ar" and unit_form in ARABIC_PLURAL_UNITS:
        unit_entry = (ARABIC_PLURAL_UNITS[unit_form], None)
    if unit_entry is None:
        return None
    unit, implied = unit_entry
    number = groups.get("n")
    if not number:
        return unit, implied
    number = normalise(number)
    if number.isdigit():
        return unit, int(number)
    return unit, NUMBER_WORDS[language].get(number)


def _count_source(template: str, language: str) -> str:
    numbers = alternation(NUMBER_WORDS[language])
    units = alternation(UNIT_WORDS[language])
    return START + template.format(num=f"{_NUMBER}|{numbers}", unit=units) + END


def _ago_rule(language: str) -> Rule:
    def handle(match: re.Match[str], _pre: str | None, published: date | None) -> Resolution | None:
        counted = _count(language, match)
        if counted is None:
            return None
        unit, count = counted
        if published is None or count is None:
            return unresolved(unit, "relative")
        return shifted(published, unit, -count, "relative")

    source = _count_source(AGO_PATTERNS[language], language)
    return Rule(f"ago-{language}", compile_pattern(source), handle, priority=3)


def _last_rule(language: str) -> Rule:
    def handle(match: re.Match[str], _pre: str | None, published: date | None) -> Resolution | None:
        counted = _count(language, match)
        if counted is None:
            return None
        unit, count = counted
        if published is None:
            return unresolved(unit, "relative")
        start = back_from(published, unit, count) if count is not None else None
        return Resolution(None, start, published, unit, "relative")

    source = _count_source(LAST_PATTERNS[language], language)
    return Rule(f"last-{language}", compile_pattern(source), handle, priority=3)


def relative_rules(languages: tuple[str, ...]) -> list[Rule]:
    rules: list[Rule] = []
    for language in languages:
        rules += [
            _phrase_rule(language),
            _weekday_rule(language),
            _ago_rule(language),
            _last_rule(language),
        ]
    return rules
