"""Recognise scrape debris lines by their shape: tickers, credits, captions...

`find_debris` looks at whole lines (already squeezed, "" for blank lines) and
returns the index and reason of each line to drop. Context-free shapes are
judged line by line; captions and script-based language links need their
neighbours or the article body, so they are judged afterwards.
"""

from __future__ import annotations

import regex

from claimtrace.clean.text_language import is_language_link_phrase
from claimtrace.clean.text_shape import (
    dominant_script,
    ends_open,
    ends_sentence,
    has_sentence_mark,
    looks_like_prose,
    script_counts,
    starts_lowercase,
    uppercase_share,
    word_count,
)
from claimtrace.clean.text_ui import is_ui_prompt, prompt_core

_FLAGS = regex.IGNORECASE | regex.VERSION1

# --- tickers and navigation -------------------------------------------------

# Tickers glue headlines together with wide gaps or bullets; prose never does.
_TICKER_GAP = regex.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]{2,}|\t|\s[|•·◆■▪]\s")
_WIDE_GAP = regex.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]{2,}|\t")
# Bullets also separate list items inside articles ("Ihr braucht: Schere • Kleber • ..."):
# a bullet-only line is a ticker when its segments are headline-long, not one-word items.
BULLET_TICKER_MIN_MEDIAN_WORDS = 3
_NAV_GAP = regex.compile(r"\s+[|•·›»>/]\s+")
TICKER_MIN_SEGMENTS = 4
TICKER_MIN_CHARS = 80
TICKER_MAX_SEGMENT_WORDS = 20
NAV_MIN_SEGMENTS = 3
NAV_MAX_SEGMENT_WORDS = 4

# --- credits and captions ---------------------------------------------------

_CREDIT_LABEL = regex.compile(
    r"^\(?(?:photos?|fotos?|bild(?:er)?|images?|picture|pic|credits?|crédits?(?: photo)?|crédito"
    r"|photographie|fotografía|imagen|illustration|grafik|screenshot|capture d'écran"
    r"|صورة|الصورة|تصوير|фото|фотография|снимок|иллюстрация)"
    r"(?:\s+(?:credit|crédit|source|quelle))?\s*(?:[:：|©/]|\s(?:by|von|par|por)\s)\s*\S",
    _FLAGS,
)
_COPYRIGHT_MARK = regex.compile(r"^\(?(?:©|\(c\))\s*\S", _FLAGS)
# Generic credit vocabulary: the words agencies and photo desks sign with.
_CREDIT_WORD = regex.compile(
    r"^(?:images?|photos?|fotos?|pool|via|press|presse|agency|agentur|archiv[eo]?|handout|stock"
    r"|afp|ap|epa|efe|dpa|reuters|getty|imago|xinhua|anadolu|ansa|sana|tass|sputnik|ria"
    r"|shutterstock|keystone|ritzau|apa|belga|anp|tt|ntb|ria novosti)$",
    _FLAGS,
)
CREDIT_MAX_WORDS = 12
SLASH_CREDIT_MAX_WORDS = 8
BARE_CREDIT_MAX_WORDS = 4
CAPTION_MAX_WORDS = 12
LANGUAGE_LINK_MAX_WORDS = 5
BODY_SCRIPT_SHARE = 0.6


def is_ticker(line: str) -> bool:
    """Many short headline-like segments separated by wide gaps or bullets."""
    if len(line) < TICKER_MIN_CHARS:
        return False
    segments = [s.strip() for s in _TICKER_GAP.split(line) if s.strip()]
    if len(segments) < TICKER_MIN_SEGMENTS:
        return False
    if any(word_count(s) > TICKER_MAX_SEGMENT_WORDS for s in segments):
        return False
    if not _WIDE_GAP.search(line):
        lengths = sorted(word_count(s) for s in segments)
        if lengths[len(lengths) // 2] < BULLET_TICKER_MIN_MEDIAN_WORDS:
            return False
    # Headlines carry no final full stop, and each starts a fresh phrase; prose
    # with stray double spaces has fragments ending in "." or starting lowercase.
    punctuated = sum(1 for s in segments if ends_sentence(s) and not s.endswith("?"))
    lowercase = sum(1 for s in segments if starts_lowercase(s))
    return punctuated <= len(segments) * 0.25 and lowercase <= len(segments) * 0.2


def is_navigation(line: str) -> bool:
    """Breadcrumbs and menus: a few one-to-four-word items between separators."""
    segments = [s.strip() for s in _NAV_GAP.split(line)]
    if len(segments) < NAV_MIN_SEGMENTS or not all(segments):
        return False
    if any(word_count(s) > NAV_MAX_SEGMENT_WORDS or has_sentence_mark(s) for s in segments):
        return False
    return not any(starts_lowercase(s) for s in segments)


def _credit_words(line: str) -> list[str]:
    return [w for w in regex.split(r"[\s/\-]+", line.strip("()")) if w]


def is_photo_credit(line: str) -> bool:
    """Agency or photographer credits: "Foto: dpa", "NAME/AFP/Getty Images"..."""
    n = word_count(line)
    if n == 0 or n > CREDIT_MAX_WORDS or looks_like_prose(line):
        return False
    if _CREDIT_LABEL.match(line) or (_COPYRIGHT_MARK.match(line) and n <= SLASH_CREDIT_MAX_WORDS):
        return True
    if ends_sentence(line) or ends_open(line):
        return False
    tokens = _credit_words(line)
    if "/" in line and n <= SLASH_CREDIT_MAX_WORDS:
        parts = [p.strip() for p in line.split("/")]
        # "NAME SURNAME/AGENCY" in capitals, or agency vocabulary; a bare
        # "ISIS/ISIL" or "US/UK" pair is neither.
        signed = uppercase_share(line) >= 0.6 and any(word_count(p) >= 2 for p in parts)
        return all(parts) and (signed or any(_CREDIT_WORD.match(t) for t in tokens))
    return n <= BARE_CREDIT_MAX_WORDS and all(_CREDIT_WORD.match(t) for t in tokens)


def is_caption_shaped(line: str) -> bool:
    """A few words of label text, without sentence punctuation."""
    n = word_count(line)
    return 0 < n <= CAPTION_MAX_WORDS and not ends_sentence(line) and not ends_open(line)


def context_free_reason(line: str, raw: str) -> str | None:
    """Reason to drop a line judged on its own, or None to keep it.

    `raw` is the line before blanks were squeezed: tickers show in its gaps.
    """
    if is_ticker(raw.strip()):
        return "ticker"
    if is_ui_prompt(line):
        return "ui-prompt"
    if is_photo_credit(line):
        return "photo-credit"
    if word_count(line) <= LANGUAGE_LINK_MAX_WORDS and is_language_link_phrase(prompt_core(line)):
        return "language-link"
    return None


def prose_bounds(lines: list[str], dropped: dict[int, str]) -> tuple[int, int] | None:
    """Index of the first and last kept prose line, or None without prose."""
    prose = [
        i for i, line in enumerate(lines) if line and i not in dropped and looks_like_prose(line)
    ]
    return (prose[0], prose[-1]) if prose else None


def _is_foreign_script_link(line: str, body_script: str) -> bool:
    """A short label written in another script than the article body."""
    if not 0 < word_count(line) <= LANGUAGE_LINK_MAX_WORDS:
        return False
    if any(ch.isdigit() for ch in line) or ends_sentence(line):
        return False
    counts = script_counts(line)
    return bool(counts) and counts.most_common(1)[0][0] != body_script


def _edge(lines: list[str], i: int, dropped: dict[int, str]) -> bool:
    """True past either end, on a blank line or on a dropped line."""
    return i < 0 or i >= len(lines) or not lines[i] or i in dropped


def _mark_captions(lines: list[str], dropped: dict[int, str]) -> None:
    """Drop a short label standing with a credit line, directly before or after it.

    The label must be set apart from other short lines (an edge or prose
    beyond it), and a label right below a credit that opens the page is left
    alone: there it is more likely the headline than a caption.
    """
    credits = sorted(i for i, reason in dropped.items() if reason == "photo-credit")
    first_content = next((i for i, line in enumerate(lines) if line and i not in dropped), None)
    for i in credits:
        for j, beyond in ((i - 1, i - 2), (i + 1, i + 2)):
            if _edge(lines, j, dropped) or not is_caption_shaped(lines[j]):
                continue
            if not (_edge(lines, beyond, dropped) or looks_like_prose(lines[beyond])):
                continue
            if j > i and j == first_content:
                continue
            dropped[j] = "caption"


def _mark_foreign_links(lines: list[str], dropped: dict[int, str]) -> None:
    """Drop short other-script labels above or below the article prose."""
    bounds = prose_bounds(lines, dropped)
    if bounds is None:
        return
    prose = [
        line for i, line in enumerate(lines) if line and i not in dropped and looks_like_prose(line)
    ]
    body_script = dominant_script(prose, share=BODY_SCRIPT_SHARE)
    if body_script is None:
        return
    first, last = bounds
    for i, line in enumerate(lines):
        outside_body = i < first or i > last
        if (
            line
            and i not in dropped
            and outside_body
            and _is_foreign_script_link(line, body_script)
        ):
            dropped[i] = "language-link"


def find_debris(lines: list[str], raw_lines: list[str]) -> dict[int, str]:
    """Map line index -> reason for every debris line.

    `lines` are squeezed ("" when blank); `raw_lines` are the same lines as
    scraped, with their original spacing.
    """
    dropped: dict[int, str] = {}
    for i, (line, raw) in enumerate(zip(lines, raw_lines, strict=True)):
        if line:
            reason = context_free_reason(line, raw)
            if reason:
                dropped[i] = reason
    _mark_navigation(lines, dropped)
    _mark_captions(lines, dropped)
    _mark_foreign_links(lines, dropped)
    return dropped


def _mark_navigation(lines: list[str], dropped: dict[int, str]) -> None:
    """Menus and breadcrumbs stand above or below the article; inside it, such a line is a
    list ("Zutaten: Mehl • Zucker • Eier")."""
    bounds = prose_bounds(lines, dropped)
    for i, line in enumerate(lines):
        inside = bounds is not None and bounds[0] < i < bounds[1]
        if line and i not in dropped and not inside and is_navigation(line):
            dropped[i] = "navigation"
