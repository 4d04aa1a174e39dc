"""Language of documents and paragraphs, with lingua's bundled models (no download)."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Any

from lingua import IsoCode639_1, LanguageDetectorBuilder

from claimtrace.errors import ClaimtraceError

MIN_CHARS = 40  # below this, n-gram statistics are noise: a paragraph inherits
MIN_CONFIDENCE = 0.5


@lru_cache(maxsize=4)
def _detector(codes: tuple[str, ...]) -> Any:
    try:
        isos = [getattr(IsoCode639_1, code.strip().upper()) for code in codes]
    except AttributeError as exc:
        raise ClaimtraceError(f"unknown language code in setting 'languages': {exc}") from None
    return LanguageDetectorBuilder.from_iso_codes_639_1(*isos).build()


def detect(text: str, codes: tuple[str, ...]) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence), or (None, 0.0) when the text is too short or unclear."""
    sample = text.strip()
    if len(sample) < MIN_CHARS:
        return None, 0.0
    values = _detector(codes).compute_language_confidence_values(sample[:5000])
    if not values:
        return None, 0.0
    best = values[0]
    if best.value < MIN_CONFIDENCE:
        return None, best.value
    return best.language.iso_code_639_1.name.lower(), best.value


def paragraph_languages(
    paragraphs: list[str], codes: tuple[str, ...], hint: str | None = None
) -> tuple[list[str | None], str | None, tuple[str, ...]]:
    """Language per paragraph, the document's language and every language it contains.

    The document's language is that of its opening (title and first paragraph) when that
    language holds a fair share of the text: an article in German quoting an English source
    at length is a German article with an English part, even if the quote is longer.
    """
    detected = [detect(p, codes)[0] for p in paragraphs]
    weights: Counter[str] = Counter()
    for text, lang in zip(paragraphs, detected, strict=True):
        if lang:
            weights[lang] += len(text)
    if not weights:
        fallback = hint.lower() if hint else None
        return [fallback] * len(paragraphs), fallback, (fallback,) if fallback else ()
    total = sum(weights.values())
    opening = next((lang for lang in detected if lang), None)
    main = opening if opening and weights[opening] >= 0.2 * total else weights.most_common(1)[0][0]
    if hint and hint.lower() in weights:
        main = hint.lower()
    filled: list[str | None] = [lang or main for lang in detected]
    present = tuple(lang for lang, w in weights.most_common() if w >= 0.05 * total)
    return filled, main, present
