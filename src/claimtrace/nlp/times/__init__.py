"""Time expressions in news text, normalised against the publication date.

``find_times(text, language, published)`` finds dates ("14 September 2017", "14.09.2017",
"el 5 de abril de 2019"), yearless dates ("am 13. April"), months, years, seasons and
decades ("im Sommer 2014", "Ende 2019", "the 1990s") and expressions relative to
publication ("last week", "vor drei Jahren", "الأسبوع الماضي"). Candidate spans come from
regexes built from dateparser's month and weekday names plus hand-written phrase tables for
English, German, French, Spanish, Arabic and Russian; other languages dateparser knows get
the absolute rules with their own month names. A leading preposition or modifier is kept in
the span ("am 13. April", "since 2013"), because it is often what the expression means.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date, datetime
from functools import lru_cache

import dateparser

from claimtrace.nlp.times.absolute import Vocabulary, absolute_rules
from claimtrace.nlp.times.calendars import Resolution
from claimtrace.nlp.times.lexicon import CORE_LANGUAGES, known_language
from claimtrace.nlp.times.patterns import Rule
from claimtrace.nlp.times.relative import relative_rules

GRANULARITIES = ("day", "week", "month", "year", "decade", "season", "unknown")
# "inferred": a partial date whose year was read off the text's latest absolute date
# (times/anchor.py), the document having no publication date
KINDS = ("absolute", "relative", "partial", "inferred")


@dataclass(frozen=True)
class TimeExpression:
    """A time expression: ``text == source[start:end]``; ``value`` is an ISO date, month
    ("2020-04"), year ("2015"), ISO week ("2017-W36"), decade ("199") or None when it cannot
    be resolved; seasons carry their year as value. ``range_start``/``range_end`` are the
    first and last ISO day covered, or None when unknown."""

    text: str
    start: int
    end: int
    value: str | None
    range_start: str | None
    range_end: str | None
    granularity: str
    kind: str

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> TimeExpression:
        fields = cls.__dataclass_fields__
        return cls(**{name: data.get(name) for name in fields})  # type: ignore[arg-type]


_LEAD_WINDOW = 60
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def parse_published(published: str | None) -> date | None:
    """The publication day from an ISO date or datetime (anything else via dateparser)."""
    if not published or not published.strip():
        return None
    match = _ISO_DATE.match(published)
    if match:
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
    parsed = dateparser.parse(published, settings={"STRICT_PARSING": True})
    return parsed.date() if isinstance(parsed, datetime) else None


def _language_key(language: str | None) -> str | None:
    if not language:
        return None
    key = language.strip().lower().replace("_", "-")
    if key in CORE_LANGUAGES:
        return key
    base = key.split("-")[0]
    if base in CORE_LANGUAGES:
        return base
    return base if known_language(base) else None


@lru_cache(maxsize=32)
def rules_for(language: str | None) -> tuple[Rule, ...]:
    """Compiled rules for a language (None: the six core languages together)."""
    if language is None:
        languages: tuple[str, ...] = CORE_LANGUAGES
    else:
        languages = (language,)
    core = tuple(lang for lang in languages if lang in CORE_LANGUAGES)
    vocab = Vocabulary(languages, core)
    return tuple(absolute_rules(vocab) + relative_rules(core))


def _candidates(
    text: str, rules: tuple[Rule, ...], published: date | None
) -> list[tuple[int, int, int, Resolution]]:
    found: list[tuple[int, int, int, Resolution]] = []
    for rule in rules:
        for match in rule.pattern.finditer(text):
            start, pre = match.start(), None
            if rule.lead is not None:
                lead = rule.lead.search(text, max(0, start - _LEAD_WINDOW), start)
                if lead is not None:
                    start, pre = lead.start(), lead.groupdict().get("pre")
            resolution = rule.handler(match, pre, published)
            if resolution is not None and match.end() > start:
                found.append((start, match.end(), rule.priority, resolution))
    return found


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def find_times(text: str, language: str | None, published: str | None) -> list[TimeExpression]:
    """Time expressions in ``text``, in order, without overlaps (the longest span wins)."""
    if not text:
        return []
    publication = parse_published(published)
    rules = rules_for(_language_key(language))
    candidates = _candidates(text, rules, publication)
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken: list[tuple[int, int, Resolution]] = []
    for start, end, _, resolution in candidates:
        if all(end <= other_start or start >= other_end for other_start, other_end, _ in taken):
            taken.append((start, end, resolution))
    taken.sort(key=lambda item: item[0])
    return [
        TimeExpression(
            text=text[start:end],
            start=start,
            end=end,
            value=resolution.value,
            range_start=_iso(resolution.range_start),
            range_end=_iso(resolution.range_end),
            granularity=resolution.granularity,
            kind=resolution.kind,
        )
        for start, end, resolution in taken
    ]
