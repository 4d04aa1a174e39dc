"""What a gazetteer link needs besides a key match: evidence that the words are a place name
and that they spell that place's name.

Gazetteers hold hundreds of thousands of names, many of them also everyday words, surnames,
first names or acronyms in some language ("W" is Palau in one alphabet, "Dabei" an
alternate name of Dubai, "Lucke" stems to Łuck). A link is kept only when

- the words are a proper name: not lowercase, not one letter, not a function word of any of
  our languages, not an acronym unless the place itself is known by that exact acronym;
- the words spell one of the place's names, give or take case, accents, articles,
  transliteration and grammatical case endings — a stemmed match ("Neubauer" ~ Neubau,
  "Véran" ~ Véranne) is no evidence;
- a word the document uses as a person's surname ("Bernd Lucke" ... "Lucke") or a first name
  names a place only when that place is a country, or a big city a model took for a place;
- an everyday word ("Queen", "Roman", "Dabei") names a place only by the place's own main
  name (for a country: its name in the text's language or English);
- a small town's name agrees with the words on the article: "Charité" is not "La Charité"
  (-sur-Loire), "Americas" not "Las Américas", and "La Cámpora" not Campora; the article is
  part of such names, and a name that differs by it is another name.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from difflib import SequenceMatcher

from claimtrace.errors import MissingDependencyError
from claimtrace.kb.first_names import is_first_name
from claimtrace.kb.inflect import base_forms
from claimtrace.kb.normalise import (
    STRONG,
    WEAK,
    fold,
    inflection_variant,
    strip_articles,
    strip_articles_cased,
    weighted_keys,
)
from claimtrace.kb.places.gazetteer import split_qualifier
from claimtrace.kb.places.place import Place
from claimtrace.nlp.entities.ner.lexicon import STOPWORDS, zipf
from claimtrace.nlp.text.german_features import tag_german_word
from claimtrace.nlp.text.words import split_words

__all__ = [
    "FUNCTION_WORDS",
    "everyday_word",
    "is_acronym",
    "german_common_noun",
    "is_first_name",
    "main_names",
    "person_words",
    "sentence_initial",
    "spelled_like",
]

# function words of languages the rules lists above lack (Polish "W", "Po", "We" are
# prepositions that start sentences; Italian, Portuguese and Dutch likewise)
_MORE_FUNCTION_WORDS = split_words(
    "w we z ze na do od po za o u i a ale lub czy że nie to jak jest są był była było "
    "przez przy pod nad przed między dla bez oraz także tak jednak już ten ta te tym "
    "il lo gli della delle dei degli nel nella con per tra fra una uno ma se non che "
    "o os um uma das dos no na nos nas em com por para pelo pela mas não que "
    "de het een en van op aan met voor door bij uit naar als maar niet dat dit ook"
)
FUNCTION_WORDS: frozenset[str] = frozenset().union(*STOPWORDS.values(), _MORE_FUNCTION_WORDS)
_BIG_CITY = 100_000


def is_acronym(text: str) -> bool:
    """ "NDR", "SMN", "AStA", "U.S.": two or more capitals and no run of lowercase letters
    that starts the word, or a capital after a lowercase letter inside one word."""
    word = text.replace(".", "").strip()
    if " " in word or len(word) < 2:
        return False
    upper = sum(c.isupper() for c in word)
    if upper >= 2 and word.isupper():
        return True
    return any(a.islower() and b.isupper() for a, b in zip(word, word[1:], strict=False))


@functools.lru_cache(maxsize=50_000)
def _keys_of_place(place: Place, script: bool = False) -> frozenset[str]:
    return frozenset(
        k
        for name in evidence_names(place, script)
        for k in _name_keys(name)
        if not k.startswith("~")
    )


_EXONYM_CITY = 250_000
_MANY_NAMES = 10
_MIN_SIMILAR = 0.5


def evidence_names(place: Place, script: bool = False) -> tuple[str, ...]:
    """The names of ``place`` whose spelling is evidence of it. Left out: alternates written
    all in lowercase Latin letters (romanisation keys such as "hare" for Halle or
    "antakyh"), and for a town, alternates of three letters or fewer ("Bim" for Bima), every
    alternate of a numbered district ("Élysée" for "Paris 08 Élysée"), and an alternate
    unlike its own name ("Thanet" for Saint Peters) unless the town is known abroad
    (big, or named in many languages: "Danzig", "Palmyra"). For a surface written in
    another script (``script``) the last two rules are for Latin alternates only: Arabic
    writes Aleppo in three letters (حلب); transliterated, such short names match Latin
    words ("Komu" would be Qom), so a Latin surface never reaches them."""
    names = [place.name]
    city = place.kind == "city"
    numbered = city and any(c.isdigit() for c in place.name)
    own = fold(place.name)
    for name in place.alternate_names:
        letters = [c for c in name if c.isalpha()]
        if letters and all(c.islower() and c.isascii() for c in letters):
            continue
        if not script and _abjad(letters):
            continue  # transliterated without its vowels: "دورس" (Durrës) -> "drs" ~ "Drs."
        if not city:
            names.append(name)
            continue
        if numbered:
            continue
        # spelling rules for Latin alternates only: Arabic writes Aleppo in three letters
        # (حلب), and another script's spelling cannot be compared with the own name's
        latin = all(_latin(c) for c in letters)
        if len(letters) <= 3 and (latin or not script or not _known_abroad(place)):
            continue  # "Bim" (or "Бим") for Bima; but حلب for Aleppo
        if (latin or not script) and not _known_abroad(place) and not _similar(fold(name), own):
            continue
        names.append(name)
    return tuple(names)


def _abjad(letters: list[str]) -> bool:
    """Arabic or Hebrew letters, written without vowels: their transliteration is a
    consonant skeleton that Latin abbreviations and words match by chance."""
    return any("\u0590" <= c <= "\u06ff" or "\u0750" <= c <= "\u08ff" for c in letters)


def _latin(letter: str) -> bool:
    return letter < "\u0250"  # Basic Latin to Latin Extended-B


def _known_abroad(place: Place) -> bool:
    """A town big enough, or named in enough languages, to have exonyms ("Palmyra" for
    Tadmur, "Danzig" for Gdańsk)."""
    return place.population >= _EXONYM_CITY or len(place.alternate_names) >= _MANY_NAMES


def _similar(a: str, b: str) -> bool:
    return a in b or b in a or SequenceMatcher(None, a, b).ratio() >= _MIN_SIMILAR


@functools.lru_cache(maxsize=50_000)
def _surface_keys(surface: str, language: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """(spelling keys, keys of guessed base forms): spelling-level keys, the language's
    genitive undone, plus transliteration (other scripts) -- but no stems, since a shared
    stem is not a shared name; guessed nominatives ("Polsce" -> "polska") apart."""
    plain: set[str] = set()
    guessed: set[str] = set()
    for name in dict.fromkeys((surface, split_qualifier(surface)[0])):
        plain.update(k for k, s in weighted_keys(name, None) if s != WEAK)
        bare = strip_articles(fold(name).split(), language)
        plain.add(" ".join(inflection_variant(bare, language)))
        guessed.update(" ".join(guess) for guess in base_forms(bare, language))
    return frozenset(plain), frozenset(guessed - plain)


def spelled_like(surface: str, place: Place, language: str | None) -> bool:
    """Whether ``surface`` spells one of ``place``'s names (see the module doc). A name
    reached only by guessing its base form must be a country, region or big city: the
    guesses of common words ("Wortes", "Horden") hit small towns. A small town's name
    must agree with ``surface`` on a leading article."""
    plain, guessed = _surface_keys(surface, language)
    script = not all(_latin(c) for c in surface if c.isalpha())
    keys = _keys_of_place(place, script)
    if not plain.isdisjoint(keys):
        if place.kind != "city" or big_city(place):
            return True
        article = _has_article(surface)
        return any(
            _has_article(name) == article and not plain.isdisjoint(_name_keys(name))
            for name in evidence_names(place, script)
        )
    return not guessed.isdisjoint(keys) and (place.kind != "city" or big_city(place))


# articles that are part of a place's name ("La Charité", "Las Américas", "El Paso", "The
# Hague"); Arabic "al-" is left out: transliterations add and drop it freely
_NAME_ARTICLES = split_words("the le la les l el los las il lo gli der die das den des dem")


def _has_article(name: str) -> bool:
    words = fold(name).split()
    return len(words) > 1 and words[0] in _NAME_ARTICLES


@functools.lru_cache(maxsize=200_000)
def _name_keys(name: str) -> frozenset[str]:
    return frozenset(k for k, _ in weighted_keys(name, None) if not k.startswith("~"))


def main_names(place: Place, language: str | None) -> frozenset[str]:
    """Folded names that are the place's own: its main name; for a country also its names
    in ``language`` and English (CLDR) and the curated ones."""
    names = {fold(place.name)}
    if place.kind == "country":
        # its names in the text's language and English: "Island" is Iceland in German, an
        # everyday word in English
        names.update(fold(n) for n in _country_names(place.country_code, language))
        names.update(fold(n) for n in place.alternate_names if is_acronym(n))  # "UK", "USA"
    elif place.kind != "city":  # curated region names, not gazetteer alternates
        names.update(fold(n) for n in place.alternate_names)
    return frozenset(names)


@functools.lru_cache(maxsize=2_000)
def _country_names(code: str, language: str | None) -> tuple[str, ...]:
    from babel import Locale
    from babel.core import UnknownLocaleError

    names = []
    for locale in dict.fromkeys(("en", language or "en")):
        try:
            name = Locale.parse(locale).territories.get(code)
        except (UnknownLocaleError, ValueError):
            continue
        if name:
            names.append(name)
    return tuple(names)


def person_words(names: Iterable[str]) -> frozenset[str]:
    """Casefolded last words of the multi-word person names a document mentions, with a
    German genitive -s also stripped ("Luckes")."""
    out: set[str] = set()
    for name in names:
        words = name.split()
        if len(words) < 2:
            continue
        last = words[-1].strip(".,;:'’").casefold()
        out.add(last)
    return frozenset(out)


def names_a_person(surface: str, persons: frozenset[str]) -> bool:
    word = surface.strip().casefold()
    if " " in word:
        return False
    return word in persons or (word.endswith("s") and word[:-1] in persons)


def has_place_name_shape(surface: str, place: Place, language: str | None = None) -> bool:
    """Proper-name shape: capitalised (or uncased script), more than one letter, not a
    function word, and an acronym only when the place has that very acronym as a name."""
    text = strip_articles_cased(surface.strip(), language)
    if text[:1].islower():
        return False
    if sum(c.isalnum() for c in text) <= 1:
        return False
    if text.casefold() in FUNCTION_WORDS:
        return False
    if is_acronym(text):
        bare = text.replace(".", "")
        own = {n.replace(".", "") for n in (place.name, *place.alternate_names)}
        return place.kind != "city" and bare in own
    return True


def is_main_name(surface: str, place: Place, language: str | None) -> bool:
    folded = {k for k, s in weighted_keys(surface, language) if s == STRONG}
    return not folded.isdisjoint(main_names(place, language))


_OPENERS = "\"'“”„«»‚‘’([¿¡-–— \t"
_ENDERS = ".!?:;\n…"


def sentence_initial(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a line or the text (quotes and
    brackets before it skipped): where every language capitalises common words."""
    i = start
    while i > 0 and text[i - 1] in _OPENERS:
        i -= 1
    return i == 0 or text[i - 1] in _ENDERS


_KNOWN_WORD_SCORE = -16.0  # HanTa scores words of its lexicon above this, guesses below


@functools.lru_cache(maxsize=50_000)
def german_common_noun(word: str) -> bool:
    """Whether HanTa's German lexicon knows ``word`` as a common noun ("Speicher", "Stapel",
    "Netzes"): German capitalises every noun, so the capital is no evidence of a name.
    Words HanTa only guesses at (most town names) are not."""
    try:
        tags = tag_german_word(word)
    except MissingDependencyError:  # no HanTa: no POS evidence either way
        return False
    if not tags:
        return False
    tag, score = tags[0]
    return tag == "NN" and score > _KNOWN_WORD_SCORE


def german_adjective(word: str) -> bool:
    """Whether ``word`` is a German adjective written with a capital ("Mobile Daten",
    "Freie Wähler"): HanTa does not take it for a name, and knows its lowercase form as an
    adjective."""
    try:
        tags = tag_german_word(word)
        lower = tag_german_word(word.casefold())
    except MissingDependencyError:
        return False
    if not tags or not lower or tags[0][0] == "NE":
        return False
    tag, score = lower[0]
    return tag.startswith("ADJ") and score > _KNOWN_WORD_SCORE


def big_city(place: Place) -> bool:
    return place.kind == "city" and place.population >= _BIG_CITY


_OWN_WORD_ZIPF = 4.5  # an everyday word wherever it stands
_INITIAL_WORD_ZIPF = 3.5  # an everyday word at the start of a sentence
_OTHER_LANGUAGES_BELOW = 2.0  # ... and that much rarer in every other language
_VERY_COMMON_ZIPF = 5.0  # a word this frequent is a word first, whatever name lists hold
# languages unlike each other's vocabularies (Spanish "partido" is Portuguese too)
_CONTRAST_LANGUAGES = ("en", "de", "fr", "es")


def everyday_word(word: str, language: str | None, initial: bool, first_names: bool = True) -> bool:
    """Whether a single capitalised word is a common word of the text's language rather
    than a name ("Además", "Partido", "Regierung"; sentence-initial "Revisa",
    "Prepararse"). Names are frequent in every language that writes about them
    ("Facebook", "Madrid", "Merkel"); common words only in their own. A first name
    (gender-guesser's list) is none unless it is very frequent ("Qué", "Última" are
    listed) or ``first_names`` is False."""
    if not language:
        return False
    folded = word.strip("¿¡\"'“”„«»()").casefold()
    own = zipf(folded, language)
    if own < (_INITIAL_WORD_ZIPF if initial else _OWN_WORD_ZIPF):
        return False
    if first_names and own < _VERY_COMMON_ZIPF and is_first_name(folded):
        return False
    others = max(zipf(folded, lang) for lang in _CONTRAST_LANGUAGES if lang != language)
    return own - others >= _OTHER_LANGUAGES_BELOW
