"""Speakers named by layout rather than by a verb: a quote signed with a dash
("“We will win.” ― Ana Ruiz") and a line opened by a speaker label ("WALLACE: If I may …",
"Sanders: Clinton needs …"), as in interview transcripts and headlines.

A label is an all-capitals name, or one to three capitalised words with no common words
among them; single words that label a page part ("Photo:", "Update:", "Quelle:") are not
speakers. In languages that capitalise every noun (German) a label needs capitals only.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from claimtrace.nlp.attribution.base import sentence_of, words
from claimtrace.records import Attribution, Document, Span

_NAME_WORD = r"\p{Lu}[\p{L}\p{M}’'\-]*\.?"
# a closing quote mark, a dash, then a name closing its line or sentence
SIGNED = regex.compile(
    rf"[”\"“»](?P<gap>[ \t\u00a0]*)(?P<dash>[―—–]|--)[ \t\u00a0]*"
    rf"(?P<name>{_NAME_WORD}(?:[ \t\u00a0]+(?:{_NAME_WORD}|de|del|la|van|von|al-)){{0,5}})"
    r"[ \t\u00a0]*[.,]?[ \t\u00a0]*(?=\n|$|[“\"])"
)
# a line that opens with a full name (two to five words, maybe after a dash) and then a
# quote: reader reactions and vox pops ("Ana Ruiz “We will win.”")
NAMED = regex.compile(
    rf"(?m)^[ \t]*(?:(?:[―—–]|--)[ \t\u00a0]*)?"
    rf"(?P<name>{_NAME_WORD}(?:[ \t\u00a0]+(?:{_NAME_WORD}|de|del|la|van|von|al-)){{1,4}})"
    r"[ \t\u00a0]+[“\"«](?P<content>[^”\"»\n]+)[”\"»][ \t\u00a0]*(?:[―—–]|--)?[ \t]*$"
)
ARTICLES = words("the a an der die das ein eine le la les un une el los las una")
LABEL = regex.compile(
    rf"(?m)^[\"“„«]?(?P<name>\p{{Lu}}{{2,}}(?:[ \t]+\p{{Lu}}{{2,}}){{0,2}}"
    rf"|{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}):[ \t]+(?P<content>\S[^\n]*)"
)
NOT_SPEAKERS = words(
    "photo photos foto fotos image images bild bilder video videos update updates source "
    "sources quelle quellen fuente fuentes crédit credit credits note notes editor "
    "correction corrections related read lesen lire leer watch listen tags share teilen "
    "more mehr plus más also auch advertisement anzeige exclusive breaking analysis opinion "
    "editorial live latest watch subscribe author autor auteur date datum fecha published "
    "veröffentlicht publié publicado q a question answer frage antwort titre title "
    "warning warnung attention achtung hinweis info information informationen summary "
    "fazit hintergrund background context kontext why how what who when where"
)
MIN_CONTENT_WORDS = 3


def layout_speakers(
    doc: Document, sentences: Sequence[tuple[int, int]], found: Sequence[Attribution]
) -> list[Attribution]:
    """Attributions for signed quotes and speaker labels no other attribution covers."""
    text = doc.text
    out: list[Attribution] = []
    taken = [(a.content.start, a.content.end) for a in found if a.source is not None]
    for m in SIGNED.finditer(text):
        close = m.start()
        opener = _opening(text, close)
        if opener is None:
            continue
        content = Span(opener + 1, close, text[opener + 1 : close])
        made = _make(doc, sentences, m.span("dash"), m.span("name"), content, taken)
        if made is not None:
            out.append(made)
    for m in NAMED.finditer(text):
        parts = m.group("name").split()
        if parts[0].casefold() in ARTICLES | NOT_SPEAKERS or _common(parts, doc.language):
            continue
        start = m.start("content")
        content = Span(start, m.end("content"), m.group("content"))
        made = _make(doc, sentences, (start - 1, start), m.span("name"), content, taken)
        if made is not None:
            out.append(made)
            taken.append((content.start, content.end))
    for m in LABEL.finditer(text):
        name = m.group("name")
        parts = name.split()
        if parts[0].casefold().strip(".") in NOT_SPEAKERS or _common(parts, doc.language):
            continue
        body = m.group("content").rstrip().rstrip('"”')
        if len(body.split()) < MIN_CONTENT_WORDS:
            continue
        start = m.start("content")
        content = Span(start, start + len(body), body)
        colon = m.end("name")
        # a transcript's all-capitals label governs its whole turn, cues inside it
        # included ("PENCE: … Clinton apparently thinks …" is Pence speaking)
        transcript = all(p.isupper() for p in parts)
        made = _make(
            doc, sentences, (colon, colon + 1), m.span("name"), content, [] if transcript else taken
        )
        if made is not None:
            out.append(made)
    return out


def _common(parts: list[str], language: str | None) -> bool:
    """A label of capitalised common words ("Another challenge", "Wichtige Hinweise")."""
    if all(p.isupper() for p in parts):
        return False
    if any(p[:1].islower() for p in parts):
        return True
    # German capitalises nouns: a one-word label is a heading ("Fazit"), not a name
    return (language or "").startswith("de") and len(parts) < 2


def _opening(text: str, close: int) -> int | None:
    """The opening mark of the quote that closes at ``close`` (on the same line)."""
    line_start = text.rfind("\n", 0, close) + 1
    for k in range(close - 1, line_start - 1, -1):
        if text[k] in '“"«„”' and k < close - 1:
            return k
    return None


_LETTERS = regex.compile(r"(?<![\w@.])[^\W\d_]{2,}(?![\w@])")


def _make(
    doc: Document,
    sentences: Sequence[tuple[int, int]],
    cue: tuple[int, int],
    name: tuple[int, int],
    content: Span,
    taken: list[tuple[int, int]],
) -> Attribution | None:
    if len(_LETTERS.findall(content.text)) < MIN_CONTENT_WORDS:
        return None  # "Press office: press@example.org, Tel. 030 / 123": contacts, no words
    if any(s < content.end and content.start < e for s, e in taken):
        return None  # a verb or a quote already gave this content its source
    here = sentence_of(sentences, content.start) or sentence_of(sentences, cue[0])
    if here is None:
        return None
    text = doc.text
    source = Span(name[0], name[1], text[name[0] : name[1]].rstrip("."))
    source = Span(source.start, source.start + len(source.text), source.text)
    language = next(
        (p.language for p in doc.paragraphs if p.start <= content.start < p.end and p.language),
        doc.language or "",
    )
    return Attribution(
        doc.id,
        Span(here[0], here[1], text[here[0] : here[1]]),
        Span(cue[0], cue[1], text[cue[0] : cue[1]]),
        content,
        source,
        "quote",
        (language or "").split("-")[0],
        backend="rules",
    )
