"""One RawPage in, one clean Document (or a Failure) out."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from claimtrace.clean.dates import normalise_date
from claimtrace.clean.html import extract_html
from claimtrace.clean.language import paragraph_languages
from claimtrace.clean.outlet import outlet_name, page_url
from claimtrace.clean.text import CleanedText, clean_text
from claimtrace.clean.title import headline
from claimtrace.config import Config
from claimtrace.errors import ClaimtraceError
from claimtrace.ids import document_id, normalise_for_hash
from claimtrace.ingest.decode import decode_bytes
from claimtrace.records import Document, Failure, Paragraph, RawPage

_BLANK_LINES = re.compile(r"\n\s*\n")
# control characters (bar tab and newline) carry no article text, only terminal tricks
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def build_document(raw: RawPage, config: Config) -> Document | Failure:
    if raw.format == "html":
        extractor = config.html_extractor
        if extractor not in _HTML_EXTRACTORS:
            known = ", ".join(sorted(_HTML_EXTRACTORS))
            raise ClaimtraceError(f"unknown html_extractor {extractor!r}; choose one of: {known}")
        cleaned = _HTML_EXTRACTORS[extractor](raw)
    else:
        text = raw.body if raw.body is not None else decode_bytes(raw.content)[0]
        cleaned = clean_text(text.replace("\r\n", "\n").replace("\r", "\n"))
        extractor = "claimtrace-text"
    if cleaned is None or not cleaned.text.strip():
        stage = "extract" if raw.format == "html" else "clean"
        return Failure(raw.source, stage, "no article text found")
    return _assemble(raw, cleaned, extractor, config)


def _from_html_bare(raw: RawPage) -> CleanedText | None:
    page = extract_html(raw.body if raw.body is not None else raw.content, raw.url)
    if page is None:
        return None
    body = "\n\n".join(line for line in page.text.splitlines() if line.strip())
    return CleanedText(body, page.title, page.published, page.outlet, page.author, url=page.url)


def _from_html(raw: RawPage) -> CleanedText | None:
    page = _from_html_bare(raw)
    if page is None:
        return None
    cleaned = clean_text(page.text)
    text, lifted = cleaned.text, cleaned.title
    if lifted and page.title and normalise_for_hash(lifted) != normalise_for_hash(page.title):
        text = f"{lifted}\n\n{text}"  # a kicker or subtitle, not the headline: keep it
    return CleanedText(
        text=text,
        title=page.title or lifted,
        published=page.published or cleaned.published,
        outlet=page.outlet or cleaned.outlet,
        author=page.author or cleaned.author,
        removed=cleaned.removed,
        url=page.url,
    )


_HTML_EXTRACTORS: dict[str, Callable[[RawPage], CleanedText | None]] = {
    "claimtrace": _from_html,
    "trafilatura": _from_html_bare,
}


def split_paragraphs(text: str) -> list[str]:
    return [p.strip() for p in _BLANK_LINES.split(text) if p.strip()]


def _assemble(raw: RawPage, cleaned: CleanedText, extractor: str, config: Config) -> Document:
    # NFC: one form for every character, so search, ids and offsets agree across sources
    parts = split_paragraphs(unicodedata.normalize("NFC", _CONTROL.sub("", cleaned.text)))
    text = "\n\n".join(parts)
    codes = tuple(c.strip() for c in config.languages.split(",") if c.strip())
    langs, main, present = paragraph_languages(parts, codes, hint=raw.language)
    paragraphs = []
    offset = 0
    for index, (part, lang) in enumerate(zip(parts, langs, strict=True)):
        paragraphs.append(Paragraph(index, offset, offset + len(part), lang))
        offset += len(part) + 2
    url = page_url(cleaned.url) or page_url(raw.url)  # the canonical address first
    return Document(
        id=document_id(text),
        text=text,
        title=headline(raw.title or cleaned.title, (raw.outlet, cleaned.outlet), url),
        language=main,
        languages=present,
        paragraphs=tuple(paragraphs),
        published=normalise_date(raw.published) or normalise_date(cleaned.published),
        outlet=outlet_name(raw.outlet, cleaned.outlet, url=url),
        author=raw.author or cleaned.author,
        url=url,
        extractor=extractor,
        removed=cleaned.removed,
    )
