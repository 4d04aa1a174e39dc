"""Datelines, "published in <outlet> on <date>" lines and bylines.

A dateline is accepted only when the line is made of nothing but date and
time tokens, weekday and month names and a few dateline words ("Uhr",
"Published", "Mis à jour le"...). That shape check runs before dateparser,
so a sentence that merely contains a date is never taken for a dateline.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import dateparser
import regex
from dateparser.languages.loader import default_loader

from claimtrace.clean.text_shape import ends_sentence, starts_lowercase, word_count

_FLAGS = regex.IGNORECASE | regex.VERSION1

# Languages whose month and weekday names may appear in a dateline.
DATE_LANGUAGES = ("en", "de", "fr", "es", "ar", "ru", "it", "pt", "nl", "tr", "uk")
_CALENDAR_KEYS = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "am", "pm",
)  # fmt: skip

# Words that surround a date in a dateline but carry no date themselves.
_FILLER = frozenset([
    "published", "posted", "updated", "last", "modified", "on", "at", "date", "first",
    "created", "dated",
    "veröffentlicht", "aktualisiert", "zuletzt", "stand", "erstellt", "geändert", "am", "um",
    "uhr", "datum", "vom",
    "publié", "publiée", "mis", "mise", "à", "jour", "modifié", "modifiée", "actualisé", "le",
    "du", "h",
    "publicado", "publicada", "actualizado", "actualizada", "modificado", "el", "a", "las",
    "la", "de", "del", "fecha", "hs",
    "опубликовано", "обновлено", "изменено", "в", "г", "года", "дата", "публикации", "от",
    "نشر", "نُشر", "في", "بتاريخ", "تاريخ", "النشر", "آخر", "تحديث", "الساعة", "يوم", "م", "هـ",
    "gmt", "utc", "cet", "cest", "mez", "mesz", "est", "edt", "bst", "msk", "eet", "eest",
    "m", "p",
])  # fmt: skip
DATELINE_MAX_CHARS = 80
DATELINE_MAX_WORDS = 8

_SETTINGS = {
    "DATE_ORDER": "DMY",  # dotted and dashed numeric dates in the corpus are day-first
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
}
_LETTERS = regex.compile(r"\p{L}[\p{L}\p{M}]*")
_DIGITS = regex.compile(r"\d+")
# "14 - 09 - 2017" -> "14-09-2017": dateparser reads spaced separators poorly.
_SPACED_DATE = regex.compile(r"\b(\d{1,4})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{1,4})\b")
_QUOTES = "\"'«»“”„‹›‚‘’ \u00a0\u202f"

_OUTLET_INTROS = [
    r"(?:this (?:article|story|piece|report) )?(?:was )?(?:first |originally )?"
    r"(?:published|posted|appeared) (?:in|by|at|on)",
    r"(?:dieser (?:artikel|beitrag|text) )?(?:ist )?(?:zuerst |erstmals |ursprünglich )?"
    r"(?:veröffentlicht|erschienen|erschien)(?: zuerst| erstmals)? (?:in|im|bei|auf)",
    r"(?:cet article (?:a été )?)?(?:initialement |d'abord )?(?:publié|publiée|paru|parue)"
    r"(?: initialement| d'abord)? (?:dans|par|sur|chez)",
    r"(?:este artículo (?:fue )?)?(?:publicado|publicada|aparecido|aparecida)"
    r"(?: originalmente| primero)? (?:en|por)",
    r"(?:впервые |первоначально )?(?:опубликовано|опубликована|опубликован|вышло|вышла) (?:в|на)",
    r"(?:نشر|نُشر|نشرت|نُشرت)(?: هذا المقال| المقال)? (?:في|فى|على)",
    r"(?:source|quelle|fuente|источник|المصدر)\s*:",
]
_OUTLET_INTRO = regex.compile(r"^(?:" + "|".join(_OUTLET_INTROS) + r")\s+(?P<rest>.+)$", _FLAGS)
_OUTLET_JOINERS = frozenset(
    ["on", "dated", "am", "vom", "le", "du", "el", "del", "от", "بتاريخ", "يوم", "في"]
)
OUTLET_MAX_WORDS = 8

_BYLINE = regex.compile(
    r"^(?:by|von|par|por|text|texte|author|autor|autorin|auteur|автор|текст|بقلم|كتب|كتبت)"
    r"\s*:?\s+(?P<name>.+)$",
    _FLAGS,
)
_NAME_CONNECTORS = frozenset([
    "and", "und", "et", "y", "e", "и", "van", "von", "de", "da", "del", "der", "den", "di",
    "du", "la", "le", "al", "el", "bin", "ibn", "abu", "و",
])  # fmt: skip
BYLINE_MAX_WORDS = 6


@cache
def _calendar_words() -> dict[str, frozenset[str]]:
    """Month/weekday/am-pm names (lowercase) -> languages that use them."""
    vocab: dict[str, set[str]] = {}
    for lang in DATE_LANGUAGES:
        info = default_loader.get_locale(lang).info
        for key in _CALENDAR_KEYS:
            for name in info.get(key, []):
                for part in _LETTERS.findall(name.lower()):
                    vocab.setdefault(part, set()).add(lang)
    return {word: frozenset(langs) for word, langs in vocab.items()}


def _date_languages(text: str) -> list[str] | None:
    """Languages of the calendar words in `text`; None if a word is not date-like."""
    calendar = _calendar_words()
    languages: set[str] = set()
    names = _LETTERS.findall(text.lower())
    if len(names) > DATELINE_MAX_WORDS:
        return None
    for name in names:
        if name in calendar:
            languages |= calendar[name]
        elif name not in _FILLER:
            return None
    return sorted(languages) or ["en"]


def _strip_filler(text: str) -> str:
    """Drop dateline words and lone separators that dateparser does not expect."""
    kept = []
    for token in text.split():
        letters = "".join(_LETTERS.findall(token.lower()))
        has_digit = any(ch.isdigit() for ch in token)
        if not has_digit and (not letters or letters in _FILLER):
            continue
        kept.append(token)
    return " ".join(kept)


def parse_date_phrase(text: str) -> str | None:
    """ISO date of a text that is nothing but a date (plus dateline words)."""
    text = _SPACED_DATE.sub(r"\1\2\3\2\4", text.strip())
    if not text or len(text) > DATELINE_MAX_CHARS or len(_DIGITS.findall(text)) < 2:
        return None
    languages = _date_languages(text)
    if languages is None:
        return None
    candidate = _strip_filler(text)
    if not candidate:
        return None
    parsed = dateparser.parse(candidate, languages=languages, settings=_SETTINGS)
    if parsed is None or not 1900 <= parsed.year <= dt.date.today().year + 1:
        return None
    return parsed.date().isoformat()


def parse_dateline(line: str) -> str | None:
    """ISO date when the whole line is a dateline ("Freitag, 05.04.2019 / 12:33 Uhr")."""
    return parse_date_phrase(line)


def _clean_outlet(words: list[str]) -> str | None:
    outlet = " ".join(words).rstrip(",،").strip(_QUOTES)
    if not outlet or word_count(outlet) > OUTLET_MAX_WORDS or ends_sentence(outlet):
        return None
    return outlet


def parse_outlet_line(line: str) -> tuple[str, str] | None:
    """(outlet, ISO date) from "Published in <outlet> on <date>" and its kin."""
    match = _OUTLET_INTRO.match(line.strip())
    if match is None:
        return None
    words = match.group("rest").split()
    for k in range(1, min(len(words), OUTLET_MAX_WORDS + 1)):
        head, rest = words[:k], words[k:]
        # The outlet must be closed off: by a joiner word ("on", "am", "le"),
        # a comma, or a date that starts right away with a digit.
        joined = rest[0].lower() in _OUTLET_JOINERS
        if not (joined or head[-1].endswith((",", "،")) or rest[0][0].isdigit()):
            continue
        date = parse_date_phrase(" ".join(rest[1:] if joined else rest).rstrip("."))
        outlet = _clean_outlet(head)
        if date and outlet:
            return outlet, date
    return None


def _is_name_word(word: str) -> bool:
    if word.lower() in _NAME_CONNECTORS:
        return True
    case = starts_lowercase(word.lstrip("'’("))
    # Uncased scripts (Arabic) give None: accept, the length limit guards them.
    return case is not True


def parse_byline(line: str) -> str | None:
    """Author name from "By Jane Doe", "Von Max Muster, dpa", "بقلم ..."."""
    match = _BYLINE.match(line.strip())
    if match is None:
        return None
    name = regex.split(r"\s*(?:[,،|/(]|\s[-–—]\s)\s*", match.group("name"))[0].strip()
    parts = name.split()
    if not 0 < len(parts) <= BYLINE_MAX_WORDS or ends_sentence(name):
        return None
    if any(ch.isdigit() for ch in name) or not all(_is_name_word(p) for p in parts):
        return None
    if parts[0].lower() in _NAME_CONNECTORS:
        return None
    return name
