"""Recognise "read in <language>" switcher links ("Lire en français", "На русском").

Sites put a link to the same story in another language above or below it. The
table pairs a handful of generic "read / version / in" phrasings per language
with language names, so it matches any such link, not one site's wording.
"""

from __future__ import annotations

import regex

_FLAGS = regex.IGNORECASE | regex.VERSION1

# Language names as they appear in switchers: endonyms plus the names used in
# the en/de/fr/es/ar/ru interfaces. Order matters only for readability.
_LANGUAGE_NAMES = [
    # endonyms
    "english", "deutsch", "français", "francais", "español", "espanol", "italiano",
    "português", "nederlands", "polski", "türkçe", "русский", "русском", "українська",
    "українською", "العربية", "عربي", "فارسی", "فارسي", "עברית", "kurdî", "کوردی",
    "中文", "日本語", "한국어",
    # English exonyms
    "arabic", "german", "french", "spanish", "russian", "turkish", "persian", "farsi",
    "ukrainian", "hebrew", "kurdish", "chinese", "italian", "portuguese",
    # German exonyms
    "englisch", "arabisch", "französisch", "spanisch", "russisch", "türkisch", "persisch",
    # French exonyms
    "anglais", "arabe", "allemand", "espagnol", "russe", "turc", "persan",
    # Spanish exonyms
    "inglés", "ingles", "árabe", "alemán", "francés", "ruso", "turco", "persa",
    # Arabic exonyms (with and without the article)
    "الإنجليزية", "الانجليزية", "الإنكليزية", "الفرنسية", "الألمانية", "الإسبانية",
    "الروسية", "التركية", "الفارسية", "انجليزي", "فرنسي",
    # adjectives agreeing with "version"/"versión"/"версия"
    "anglaise", "allemande", "espagnole", "française", "inglesa", "alemana", "francesa",
    "española", "rusa", "русская", "английская", "немецкая", "французская", "арабская",
    # Russian exonyms, nominative and prepositional
    "английский", "английском", "арабский", "арабском", "немецкий", "немецком",
    "французский", "французском", "испанский", "испанском", "турецком",
]  # fmt: skip

_LANG = "(?:" + "|".join(regex.escape(name) for name in _LANGUAGE_NAMES) + ")"

_SWITCHER_FORMS = [
    # a bare language name, optionally "version"/"edition"
    rf"{_LANG}(?: version| edition| edición| édition| ausgabe| версия)?",
    rf"(?:version|édition|versión|edición|ausgabe|النسخة|версия)"
    rf"(?: en| auf| in| на| باللغة)? {_LANG}",
    # "in English", "en français", "auf Deutsch", "на русском", "بالعربية"
    rf"(?:in|en|auf|на) {_LANG}(?: языке)?|(?:ب|باللغة ){_LANG}",
    # "read (this article) in ..."
    rf"(?:read|view|see|switch to)(?: this| the)?(?: article| story| page| version)?"
    rf" (?:in )?{_LANG}",
    rf"(?:lire|voir)(?: cet article| l'article| la version)? (?:en )?{_LANG}",
    rf"(?:leer|ver)(?: este artículo| la noticia| el artículo| la versión)? (?:en )?{_LANG}",
    rf"(?:(?:diesen |den )?artikel )?(?:auf|in) {_LANG} lesen",
    rf"lesen sie (?:diesen artikel |den artikel )?auf {_LANG}",
    rf"(?:читать|читайте)(?: эту статью| статью| новость)? (?:на )?{_LANG}(?: языке)?",
    rf"(?:اقرأ|اقرا)(?: هذا| المقال| الخبر| المادة)* (?:باللغة |ب){_LANG}",
]

_SWITCHER = regex.compile("(?:" + "|".join(_SWITCHER_FORMS) + ")", _FLAGS)


def is_language_link_phrase(core: str) -> bool:
    """True when the whole (trimmed) line says "read this in <language>"."""
    return bool(core) and _SWITCHER.fullmatch(core) is not None
