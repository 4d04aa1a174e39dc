"""The model-free "rules" NER backend, for languages without a statistical model.

Latin script: runs of capitalised words (with name particles such as "al-", "bin", "von"),
stopwords stripped, labelled from cues (organisation words, country names, titles before a
name, place prepositions). German capitalises every noun, so a German run is kept only when
it holds a name-like word: an acronym, a country, a name particle, a hyphenated compound
ending in an organisation word ("Assad-Regime"), or a word that wordfreq does not rate as a
common German word (rare, not a compound of two common words, no common-noun suffix) or that
is about as frequent in English as in German (names travel: "Biden", "Hamas").
Quoted names („Calibre Obscura“) are kept as OTHER/ORG. Arabic script goes to ner_rules_ar.
Precision is modest and recall on German single-word names (Moskau, Scholz) is low: see
bench/ner.py for measured figures.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import regex

from claimtrace.nlp.entities.ner.base import Span, drop_overlaps
from claimtrace.nlp.entities.ner.lexicon import (
    GERMAN_NOUN_SUFFIXES,
    NAME_PARTICLES,
    ORG_WORDS,
    PERSON_CUES,
    PERSON_PARTICLES,
    PLACE_CUES,
    STOPWORDS,
    country_names,
    split_words,
    zipf,
)
from claimtrace.nlp.entities.ner.rules_ar import arabic_share, extract_arabic

TOKEN = regex.compile(
    r"\b(?:qu|[ldjmnstc])['’](?=\p{L})|\p{L}[\p{L}\p{M}\p{Nd}'’\-]*\p{L}|\p{L}|\p{Nd}+|\S"
)
PARTICLE_PREFIX = regex.compile(r"^(?:al|el|bin|ibn|abu|abd|ad|as|ash|an)-\p{Lu}", regex.I)
QUOTED = regex.compile(r"[„“”\"«‹]\s?(\p{Lu}[^„“”\"«»‹›\n]{1,60}?)\s?[“”\"»›]")
SENTENCE_END = frozenset('.!?:;"„“«»()[]—–-')
COMMON_ZIPF = 4.0  # at or above: a common word (sentence-initial capitals are dropped)
RARE_DE_ZIPF = 3.0  # below: a German word rare enough to be a name
DEMONYM_SUFFIXES = tuple(
    split_words(
        "ischen ische ischer isches ischem isch esischen esische esisch",
        "iennes ienne iens ien aises aise ais ianos iana iano ians ian ans an ese ish",
    )
)


@functools.lru_cache(maxsize=100_000)
def demonym(word: str, language: str) -> bool:
    """``word`` is an adjective or noun of nationality derived from a country name."""
    folded = word.casefold()
    for suffix in DEMONYM_SUFFIXES:
        if folded.endswith(suffix) and len(folded) - len(suffix) >= 3:
            stem = folded[: -len(suffix)]
            for country in country_names(language):
                common = len(_prefix(stem, country))
                if common >= max(4, min(len(stem), len(country)) - 2):
                    return True
    return False


def _prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isupper() and word.isalpha()


def _org_word(word: str) -> bool:
    return word.casefold() in ORG_WORDS or word.split("-")[-1].casefold() in ORG_WORDS


@functools.lru_cache(maxsize=100_000)
def german_name_like(word: str) -> bool:
    """A capitalised German word that is probably part of a name, not a common noun."""
    folded = word.casefold()
    if _is_acronym(word) or folded in country_names("de") or PARTICLE_PREFIX.match(word):
        return True
    if folded in STOPWORDS["de"]:
        return False
    if "-" in word:
        parts = [p for p in word.split("-") if p]
        if parts and parts[-1].casefold() in ORG_WORDS:
            return True
        return all(p[:1].isupper() and german_name_like(p) for p in parts)
    if any(folded.endswith(s) and len(folded) > len(s) + 3 for s in GERMAN_NOUN_SUFFIXES):
        return False
    de, en = zipf(folded, "de"), zipf(folded, "en")
    if en >= 2.5 and en >= de - 0.5:
        return True
    return de < RARE_DE_ZIPF and not _german_compound(folded)


def _german_place(tokens: list[_Token], index: int) -> bool:
    """A lone capitalised word after "in/aus/nach" that is not a common noun: "aus Teheran"."""
    word = tokens[index].text
    folded = word.casefold()
    if tokens[index - 1].text.casefold() not in PLACE_CUES or zipf(folded, "de") >= COMMON_ZIPF:
        return False
    if any(folded.endswith(s) and len(folded) > len(s) + 3 for s in GERMAN_NOUN_SUFFIXES):
        return False
    return not _german_compound(folded)


def _german_compound(folded: str) -> bool:
    for cut in range(3, len(folded) - 3):
        head, tail = folded[:cut], folded[cut:]
        if zipf(tail, "de") < 3.0:
            continue
        heads = (head, head[:-1], head[:-2]) if head.endswith(("s", "n", "en", "es")) else (head,)
        if any(len(h) >= 3 and zipf(h, "de") >= 3.0 for h in heads):
            return True
    return False


class _Token:
    __slots__ = ("start", "end", "text", "initial")

    def __init__(self, start: int, end: int, text: str, initial: bool) -> None:
        self.start, self.end, self.text, self.initial = start, end, text, initial

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper() or bool(PARTICLE_PREFIX.match(self.text))


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    initial = True
    for m in TOKEN.finditer(text):
        word = m.group()
        out.append(_Token(m.start(), m.end(), word, initial))
        newline = "\n" in text[out[-2].end : m.start()] if len(out) > 1 else False
        initial = word in SENTENCE_END or newline
    return out


def _runs(tokens: list[_Token], language: str) -> list[list[int]]:
    """Index runs of capitalised words, joined over name particles ("Ursula von der Leyen")."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, tok in enumerate(tokens):
        if tok.capitalised and tok.text[:1].isalpha():
            current.append(i)
            continue
        if current and tok.text.casefold() in NAME_PARTICLES:
            ahead = i + 1
            while ahead < len(tokens) and tokens[ahead].text.casefold() in NAME_PARTICLES:
                ahead += 1
            if ahead - i <= 2 and _joins(tokens, current[-1], ahead, language):
                current.append(i)
                continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return runs


def _joins(tokens: list[_Token], before: int, after: int, language: str) -> bool:
    if after >= len(tokens) or not tokens[after].capitalised:
        return False
    if language != "de":
        return True
    # German "von der"/"aus der" are mostly prepositions: join only name to name.
    left, right = tokens[before].text, tokens[after].text
    return german_name_like(left) and german_name_like(right) and not _org_word(right)


def _keep(tokens: list[_Token], run: list[int], language: str) -> list[int]:
    stop = STOPWORDS.get(language, frozenset())
    run = list(run)
    while run and (tokens[run[0]].text.casefold() in stop or not tokens[run[0]].capitalised):
        run.pop(0)
    while run and not tokens[run[-1]].capitalised:
        run.pop()
    if not run:
        return run
    first = tokens[run[0]]
    if language == "de":
        if 2 <= len(run) <= 3 and _org_word(tokens[run[-1]].text):
            return run  # "Deutsche Bank", "Islamische Republik Partei"
        if len(run) == 1 and run[0] > 0 and _german_place(tokens, run[0]):
            return run
        return _keep_german(tokens, run)
    if first.initial and not _is_acronym(first.text) and zipf(first.text, language) >= COMMON_ZIPF:
        run.pop(0)
    return run


def _keep_german(tokens: list[_Token], run: list[int]) -> list[int]:
    """A name inside a German run: name-like words, or plain words forming a name pattern.

    "Bundeskanzler Olaf Scholz" -> "Olaf Scholz" (two plain words: a multi-token name);
    "Kanzler Scholz" -> "Scholz" (one plain word after a title); "Regierung" -> nothing.
    """
    strong = {i for i in run if german_name_like(tokens[i].text)}
    plain = {i for i in run if i in strong or _german_plain(tokens[i].text)}
    while run and run[0] not in plain:
        run.pop(0)
    while run and run[-1] not in plain:
        run.pop()
    if len(run) >= 2 and all(i in plain for i in run):
        return run
    if len(run) == 1:
        before = tokens[run[0] - 1].text.casefold() if run[0] > 0 else ""
        return run if run[0] in strong or before in PERSON_CUES else []
    while run and run[0] not in strong:
        run.pop(0)
    while run and run[-1] not in strong:
        run.pop()
    return run


@functools.lru_cache(maxsize=100_000)
def _german_plain(word: str) -> bool:
    """Not visibly a common noun: no noun suffix, no compound, not very frequent, no cue."""
    folded = word.casefold()
    if folded in STOPWORDS["de"] or folded in PERSON_CUES or folded in ORG_WORDS:
        return False
    if "-" in word or zipf(folded, "de") >= 4.5:
        return False
    if any(folded.endswith(s) and len(folded) > len(s) + 3 for s in GERMAN_NOUN_SUFFIXES):
        return False
    return not _german_compound(folded)


def _label(tokens: list[_Token], run: list[int], text: str, language: str) -> str:
    words = [tokens[i].text for i in run]
    phrase = text[tokens[run[0]].start : tokens[run[-1]].end].casefold()
    before = tokens[run[0] - 1].text.casefold() if run[0] > 0 else ""
    if _org_word(words[-1]) or (len(words) == 1 and _is_acronym(words[0])):
        return "GPE" if phrase in country_names(language) else "ORG"
    if phrase in country_names(language):
        return "GPE"
    if len(words) == 1 and demonym(words[0], language):
        return "NORP"
    lowered = {w.casefold() for w in words}
    if (
        before in PERSON_CUES
        or lowered & PERSON_PARTICLES
        or any(PARTICLE_PREFIX.match(w) for w in words)
    ):
        return "PERSON"
    if len(words) == 1 and before in PLACE_CUES:
        return "GPE"
    if 2 <= len(words) <= 4 and all(zipf(w, language) < 5.2 for w in words):
        return "PERSON"
    return "OTHER"


def extract_latin(text: str, language: str) -> list[Span]:
    tokens = _tokens(text)
    spans = _quoted(text)  # first, so a quote wins over an equally long run
    for run in _runs(tokens, language):
        kept = _keep(tokens, run, language)
        if kept:
            start, end = tokens[kept[0]].start, tokens[kept[-1]].end
            spans.append(Span(start, end, _label(tokens, kept, text, language)))
    for tok in tokens:
        if tok.text[:1].islower() and len(tok.text) > 4 and demonym(tok.text, language):
            spans.append(Span(tok.start, tok.end, "NORP"))
    return drop_overlaps(spans)


def _quoted(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in QUOTED.finditer(text):
        name = m.group(1).rstrip(" ,.;:")
        if len(name.split()) <= 6:
            start = m.start(1)
            label = "ORG" if _org_word(name.split()[-1]) else "OTHER"
            spans.append(Span(start, start + len(name), label))
    return spans


class RulesBackend:
    name = "rules"

    def extract(self, texts: Sequence[str], language: str) -> list[list[Span]]:
        out: list[list[Span]] = []
        for text in texts:
            if language == "ar" or (language in {"", "und"} and arabic_share(text) > 0.5):
                out.append(extract_arabic(text))
            else:
                out.append(extract_latin(text, language))
        return out


class NoneBackend:
    """Finds nothing: for languages a user wants skipped."""

    name = "none"

    def extract(self, texts: Sequence[str], language: str) -> list[list[Span]]:
        return [[] for _ in texts]
