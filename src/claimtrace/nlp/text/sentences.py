"""Sentence segmentation per language, as character offsets into the input text.

Order of preference: the parse of the language's spaCy pipeline when one is installed
(the same full pipeline nlp/text/annotate.py runs, so a text alone and inside a document get
the same sentences, whatever ran before in the process); razdel for Russian (installed with
natasha); pysbd for the languages it knows; a regex otherwise.
Every splitter's output is then repaired the same way: a cut before a lowercase word, or
after an initial or a known abbreviation ("Sr.", "Dr.", "M."), is undone.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Callable
from typing import Any

import regex

from claimtrace.nlp.text import spacy_models
from claimtrace.nlp.text.mask import mask_for_parser
from claimtrace.nlp.text.words import chunks, split_words

__all__ = ["finish", "split_sentences", "splitter_for"]

PYSBD_LANGUAGES = split_words(
    "en hi mr zh es am ar hy bg ur ru pl fa nl da fr my el it ja de kk sk"
)
ABBREVIATIONS = split_words(
    "mr mrs ms dr prof gen col lt sgt st sr sra srta dña d no nr nº art abs bzw ca dr. "
    "etc vgl z.b u.a m mme mlle me pr av jan feb mar apr jun jul aug sep sept oct okt nov "
    "dec dez ene abr ago dic janv févr avr juil déc г гг т.е т.к т.д т.п ул им"
)
# A sentence ends at . ! ? … (with closing quotes/brackets) followed by space; or at a
# blank line. Arabic and other scripts' marks too.
REGEX_END = regex.compile(r"(?<=[.!?…。！？؟][\"'”’»)\]]*)\s+|\n\s*\n")
OPENERS = frozenset(":«„“‚‹([{—")
MAX_QUOTED = 1000  # a quote left open longer than this is a typo, not one sentence
Splitter = Callable[[str], list[tuple[int, int]]]


def split_sentences(
    text: str, language: str | None, *, use_model: bool = True
) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence: ``text[start:end]`` is the sentence, stripped.
    ``use_model=False`` skips the spaCy pipeline (the caller has none for this text)."""
    if not text.strip():
        return []
    return finish(text, splitter_for(language, use_model=use_model)(text))


def finish(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Any splitter's spans stripped of whitespace, and false cuts undone."""
    return _repair(text, _stripped(text, spans))


def splitter_for(language: str | None, *, use_model: bool = True) -> Splitter:
    lang = (language or "").lower()
    model = spacy_models.DEFAULT_MODELS.get(lang) if use_model else None
    if model is not None and spacy_models.MODELS[model].parser and spacy_models.installed(model):
        return functools.partial(_parsed, model)
    if lang == "ru" and importlib.util.find_spec("razdel") is not None:
        return _razdel
    if lang in PYSBD_LANGUAGES and importlib.util.find_spec("pysbd") is not None:
        return functools.partial(_pysbd, lang)
    return _regex


def _parsed(model: str, text: str) -> list[tuple[int, int]]:
    nlp = spacy_models.pipeline(model)
    spans: list[tuple[int, int]] = []
    for offset, piece in chunks(text, spacy_models.CHUNK_CHARS):
        doc = nlp(mask_for_parser(piece, nlp.Defaults.stop_words))
        spans.extend((offset + s.start_char, offset + s.end_char) for s in doc.sents)
    return spans


def _razdel(text: str) -> list[tuple[int, int]]:
    from razdel import sentenize

    return [(s.start, s.stop) for s in sentenize(text)]


@functools.lru_cache(maxsize=32)
def _pysbd_segmenter(language: str) -> Any:
    import pysbd

    return pysbd.Segmenter(language=language, clean=False)


def _pysbd(language: str, text: str) -> list[tuple[int, int]]:
    """pysbd's segments located in ``text`` (its own char_span is unreliable on repeats)."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for segment in _pysbd_segmenter(language).segment(text):
        piece = segment.strip()
        if not piece:
            continue
        found = text.find(piece, cursor)
        if found < 0:  # pysbd altered the text: give up on it for this input
            return _regex(text)
        spans.append((found, found + len(piece)))
        cursor = found + len(piece)
    return spans


def _regex(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in REGEX_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _stripped(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def _repair(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and _false_cut(text, out[-1], start, end):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _inside_quote(piece: str) -> bool:
    """Whether ``piece`` ends inside a quotation: an odd number of straight quotes, or a
    typographic quote opened and not closed ("“" closes a German "„" and opens otherwise)."""
    if piece.count('"') % 2:
        return True
    stack: list[str] = []
    for c in piece:
        if c in "„«‹":
            stack.append(c)
        elif c == "“":
            if stack and stack[-1] == "„":
                stack.pop()
            else:
                stack.append(c)
        elif c in "”»›" and stack:
            stack.pop()
    return bool(stack)


def _false_cut(text: str, previous: tuple[int, int], start: int, end: int) -> bool:
    if "\n" in text[previous[1] : start]:
        return False
    if previous[1] - previous[0] < MAX_QUOTED and _inside_quote(text[previous[0] : previous[1]]):
        return True  # 'He said: "We will win. | They will lose."'

    if text[start].islower() or not any(c.isalnum() for c in text[start:end]):
        return True  # "... pas. » Puis": a lone closing quote belongs to the sentence
    if text[previous[1] - 1] in "،؛,;":
        return True  # pysbd ends Arabic sentences at the comma "،": a comma ends none
    if text[previous[1] - 1] in OPENERS:
        return True  # "a déclaré : «" | "Nous ne céderons pas."
    last = text[previous[0] : previous[1]].rsplit(None, 1)[-1]
    if not last.endswith("."):
        return False
    word = last[:-1].lstrip("(\"'«„“").lower()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())
