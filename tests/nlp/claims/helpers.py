"""Building documents, analyses and attributions by hand for the claim tests."""

from __future__ import annotations

from collections.abc import Sequence

from claimtrace.ids import document_id
from claimtrace.nlp.analyse import Analysis, LinkedMention
from claimtrace.nlp.entities.ner import Mention
from claimtrace.nlp.text.sentences import split_sentences
from claimtrace.nlp.times import find_times
from claimtrace.records import Attribution, Document, Paragraph, Span

# (surface text, actor id, place id, NER label)
MentionSpec = tuple[str, str | None, str | None, str]


def document(text: str, language: str, published: str | None = None) -> Document:
    return Document(
        id=document_id(text),
        text=text,
        title=None,
        language=language,
        languages=(language,),
        paragraphs=(Paragraph(0, 0, len(text), language),),
        published=published,
    )


def analysis(doc: Document, mentions: Sequence[MentionSpec]) -> Analysis:
    """The analysis of ``doc`` with the given mentions (each surface's every occurrence)."""
    linked: list[LinkedMention] = []
    for surface, actor, place, label in mentions:
        start = doc.text.find(surface)
        while start >= 0:
            mention = Mention(start, start + len(surface), surface, label, doc.language, "test")
            linked.append(LinkedMention(mention, actor, place))
            start = doc.text.find(surface, start + 1)
    linked.sort(key=lambda lm: lm.mention.start)
    return Analysis(
        document_id=doc.id,
        sentences=tuple(split_sentences(doc.text, doc.language)),
        mentions=tuple(linked),
        times=tuple(find_times(doc.text, doc.language, doc.published)),
    )


def span(doc: Document, piece: str, after: int = 0) -> Span:
    start = doc.text.index(piece, after)
    return Span(start, start + len(piece), piece)


def attribution(
    doc: Document,
    cue: str,
    content: str,
    source: str | None,
    kind: str,
    parent: int | None = None,
) -> Attribution:
    content_span = span(doc, content)
    sentence = next(
        Span(s, e, doc.text[s:e])
        for s, e in split_sentences(doc.text, doc.language)
        if s <= content_span.start < e
    )
    return Attribution(
        document_id=doc.id,
        sentence=sentence,
        cue=span(doc, cue, sentence.start),
        content=content_span,
        source=span(doc, source, sentence.start) if source else None,
        cue_kind=kind,
        language=doc.language or "en",
        parent=parent,
    )
