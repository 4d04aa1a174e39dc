from __future__ import annotations

from collections.abc import Callable

import pytest

from claimtrace.nlp.attribution import find_attributions
from claimtrace.nlp.text.sentences import split_sentences
from claimtrace.records import Attribution, Document, Paragraph


def make_document(text: str, language: str, doc_id: str = "doc_test") -> Document:
    """One paragraph per blank-line block, all in ``language``."""
    paragraphs = []
    start = 0
    for index, block in enumerate(text.split("\n\n")):
        begin = text.index(block, start)
        paragraphs.append(Paragraph(index, begin, begin + len(block), language))
        start = begin + len(block)
    return Document(doc_id, text, None, language, (language,), tuple(paragraphs))


def sentences_of(doc: Document) -> list[tuple[int, int]]:
    out = []
    for p in doc.paragraphs:
        for s, e in split_sentences(doc.text[p.start : p.end], p.language):
            out.append((p.start + s, p.start + e))
    return out


Extract = Callable[..., list[Attribution]]


@pytest.fixture
def extract() -> Extract:
    def run(text: str, language: str, backends: str | None = None) -> list[Attribution]:
        doc = make_document(text, language)
        return find_attributions(doc, sentences_of(doc), backends)

    return run


def by_cue(found: list[Attribution], cue: str) -> Attribution:
    hits = [a for a in found if a.cue.text == cue]
    assert hits, f"no attribution with cue {cue!r} in {[a.cue.text for a in found]}"
    return hits[0]
