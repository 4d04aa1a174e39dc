"""Name normalisation for matching names across languages and scripts.

``match_keys`` turns a name into several keys, strictest first; two names that share a key
are candidates for the same thing, and the position of the first shared key says how loose
the match was. Keys are never shown to users.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

import regex
import snowballstemmer
from anyascii import anyascii

from claimtrace.kb.inflect import base_forms

_DASHES = dict.fromkeys(
    map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-"
)
_QUOTES = dict.fromkeys(
    map(ord, "\u2018\u2019\u201a\u201b\u2032\u02bc\u02bb\u0060\u00b4\u02b9\u02be\u02bf\u055a"), "'"
)
_DROPPED = dict.fromkeys(map(ord, '"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u00ad\u0640'))
_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_TRANSLATION = {**_DASHES, **_QUOTES, **_DROPPED}

_ELISION = re.compile(r"\b([ldjmnstc]|qu)'(?=\w)")
_POSSESSIVE = re.compile(r"(?<=\w)'s\b")
_INNER_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_NON_WORD = re.compile(r"[\W_]+")
_MARKS = regex.compile(r"\p{Mn}+")
_DOT = re.compile(r"\.")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
# Scripts whose transliteration to Latin is reliable enough for loose keys.
_TRANSLITERABLE = re.compile(
    r"^[\s\d\W\u0000-\u024f\u1e00-\u1eff\u0370-\u03ff\u0400-\u052f\u0590-\u05ff"
    r"\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]*$"
)

LEADING_ARTICLES: dict[str, frozenset[str]] = {
    "en": frozenset({"the"}),
    "de": frozenset({"der", "die", "das", "dem", "den", "des"}),
    "fr": frozenset({"le", "la", "les", "l"}),
    "es": frozenset({"el", "la", "los", "las"}),
    "it": frozenset({"il", "lo", "la", "gli", "le", "l"}),
    "pt": frozenset({"o", "a", "os", "as"}),
    "ar": frozenset({"al", "el", "ال"}),
}
# Arabic article in Latin spelling, including its sun-letter assimilations (ash-Sham, ad-Dawla).
ARABIC_ARTICLES = frozenset(
    {"al", "el", "ul", "il", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ed", "en"}
    | {"er", "es", "esh", "et", "ez", "ets"}
)
_ANY_ARTICLE = frozenset().union(*LEADING_ARTICLES.values()) | {"al", "el", "as", "ash", "an", "ar"}
_ASSIMILATED = re.compile(r"^[ae](?=([b-df-hj-np-tv-z])\1\w{2,})")
_ARABIC_PROCLITIC = re.compile(r"^(?:[وفبكل]?ال|لل)(?=\w{2,})")

_STEMMERS = {
    "ar": "arabic",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "it": "italian",
    "nl": "dutch",
    "pt": "portuguese",
    "ru": "russian",
    "tr": "turkish",
    "fa": "persian",
    "uk": "russian",
    "sv": "swedish",
    "da": "danish",
    "no": "norwegian",
}
_RU_ENDING = re.compile(r"(?:ами|ями|ого|его|ому|ему|ой|ей|ом|ем|ов|ев|ам|ям|ах|ях|ы|и|а|я|у|ю|е)$")
_DE_ENDING = re.compile(r"(?<=[a-zäöü]{2}[a-rtvwyäöü])s$")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """NFKC, casefolded, without diacritics or tatweel, one kind of quote and dash, words
    separated by single spaces; hyphens, dots and other punctuation are word breaks."""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATION).casefold()
    text = _POSSESSIVE.sub("", text)
    text = _ELISION.sub(r"\1 ", text)
    text = _INNER_APOSTROPHE.sub("", _DOT.sub("", text))
    if not text.isascii():
        text = _MARKS.sub("", unicodedata.normalize("NFD", text))
        text = unicodedata.normalize("NFC", text).translate(_ARABIC_LETTERS)
    return _NON_WORD.sub(" ", text).strip()


def exact_key(text: str) -> str:
    """The strictest key: NFKC, casefold, unified punctuation, collapsed spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATION).casefold()
    return " ".join(text.split())


def strip_articles(tokens: list[str], language: str | None) -> list[str]:
    """Drop a leading article (and a glued Arabic ال) when a name remains after it."""
    articles = LEADING_ARTICLES.get(language or "", _ANY_ARTICLE)
    if language not in (None, "ar"):
        articles = articles | {"al", "el", "ال"}
    out = list(tokens)
    while len(out) > 1 and out[0] in articles:
        out.pop(0)
    if out and _ARABIC.match(out[0]):
        out[0] = _ARABIC_PROCLITIC.sub("", out[0])
    return out


@lru_cache(maxsize=1 << 16)
def strip_articles_cased(name: str, language: str | None) -> str:
    """The name with a leading article removed, case kept (for case-sensitive aliases)."""
    text = _POSSESSIVE.sub("", unicodedata.normalize("NFKC", name).translate(_TRANSLATION))
    words = text.split()
    while len(words) > 1 and fold(words[0]) in LEADING_ARTICLES.get(language or "", _ANY_ARTICLE):
        words.pop(0)
    return " ".join(words).strip(" .,;:!?()[]")


def transliterate(text: str) -> str:
    """Latin-letter form of any script, lowercase, alphanumeric words only."""
    return _NON_WORD.sub(" ", anyascii(text).lower()).strip()


def inflection_variant(tokens: list[str], language: str | None) -> list[str]:
    if not tokens:
        return tokens
    last = tokens[-1]
    if language == "de":
        last = _DE_ENDING.sub("", last)
    elif language in ("ru", "uk") and len(last) > 4:
        last = _RU_ENDING.sub("", last)
    return [*tokens[:-1], last]


def _stem(tokens: list[str], language: str | None) -> list[str]:
    algorithm = _STEMMERS.get(language or "")
    if algorithm is None:
        return tokens
    return list(_stemmer(algorithm).stemWords(tokens))


@lru_cache(maxsize=32)
def _stemmer(algorithm: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(algorithm)


def loose(latin: str) -> str:
    """Latin key without inner Arabic articles (``deir ez zor`` and ``deir ezzor`` both give
    ``deir zor``) and without doubled letters."""
    words = latin.split()
    kept: list[str] = []
    for i, word in enumerate(words):
        if word in ARABIC_ARTICLES and i + 1 < len(words):
            continue
        if i > 0:
            word = _ASSIMILATED.sub("", word)
        kept.append(word)
    return _DOUBLED.sub(r"\1", " ".join(kept))


_PHONETIC = {
    "sch": "s",
    "sh": "s",
    "ch": "k",
    "kh": "k",
    "gh": "g",
    "th": "t",
    "dh": "d",
    "ph": "f",
    "ck": "k",
    "q": "k",
    "c": "k",
    "x": "ks",
    "z": "s",
    "j": "g",
    "v": "w",
}
_PHONETIC_RE = re.compile("|".join(sorted(_PHONETIC, key=len, reverse=True)))
_DOUBLED = re.compile(r"(\w)\1+")
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")
_VOWELISH = re.compile(r"[aeiouyw]")


def skeleton(latin: str) -> str:
    """The loosest key: consonants of the loose key in broad sound classes, vowels, w, y and
    a final -h dropped (``Dayr az Zawr`` = ``Deir ez-Zor``; ``Hasakah`` = ``al-Hassake``)."""
    text = _FINAL_H.sub("", loose(latin)).replace(" ", "")
    text = _PHONETIC_RE.sub(lambda m: _PHONETIC[m.group()], text)
    if not text:
        return ""
    return _DOUBLED.sub(r"\1", text[0] + _VOWELISH.sub("", text[1:]))


def is_transliterable(text: str) -> bool:
    return bool(_TRANSLITERABLE.match(text))


STRONG, MEDIUM, WEAK = 0, 1, 2


@lru_cache(maxsize=65536)
def weighted_keys(name: str, language: str | None = None) -> tuple[tuple[str, int], ...]:
    """``match_keys`` with the strength of each key: STRONG for spelling-level keys (exact,
    folded, without article, inflection-stripped), MEDIUM for stemmed and transliterated ones,
    WEAK for the sound skeleton (marked with a leading ``~`` so it never equals another key)."""
    keys = [(exact_key(name), STRONG)]
    folded = fold(name)
    keys.append((folded, STRONG))
    if is_transliterable(folded):
        bare = strip_articles(folded.split(), language)
        keys.append((" ".join(bare), STRONG))
        keys.append((" ".join(inflection_variant(bare, language)), STRONG))
        keys.extend((" ".join(guess), STRONG) for guess in base_forms(bare, language))
        keys.append((" ".join(_stem(bare, language)), MEDIUM))
        latin = transliterate(" ".join(_ARABIC_PROCLITIC.sub("", w) for w in bare))
        keys.append((latin, MEDIUM))
        keys.append((loose(latin), MEDIUM))
        shape = skeleton(latin)
        if len(shape) >= 3:
            keys.append(("~" + shape, WEAK))
    seen: dict[str, int] = {}
    for key, strength in keys:
        if key.strip("~") and key not in seen:
            seen[key] = strength
    return tuple(seen.items())


def match_keys(name: str, language: str | None = None) -> tuple[str, ...]:
    """Keys of a name, strict to loose: exact, folded, without article, inflection-stripped,
    stemmed, transliterated, loose, skeleton. Two names sharing a key may be the same name.
    Duplicates and empty keys are left out; keys past the folded one are only made for Latin,
    Greek, Cyrillic, Hebrew and Arabic script."""
    return tuple(key for key, _ in weighted_keys(name, language))


@lru_cache(maxsize=1 << 16)
def loose_form(name: str, language: str | None = None) -> str:
    """The transliterated, article-free, doubled-letter-free form used for similarity."""
    bare = strip_articles(fold(name).split(), language)
    return loose(transliterate(" ".join(_ARABIC_PROCLITIC.sub("", w) for w in bare)))


def similarity(a: str, b: str, language: str | None = None) -> float:
    """0..1 similarity of two names across scripts: the ratio of their loose forms, raised to
    at least 0.85 when their skeletons are equal and long enough to mean something."""
    la, lb = loose_form(a, language), loose_form(b, language)
    if not la or not lb:
        return 0.0
    ratio = SequenceMatcher(None, la, lb).ratio()
    sa, sb = skeleton(la), skeleton(lb)
    if sa == sb and len(sa) >= 4:
        ratio = max(ratio, 0.85)
    return ratio
