"""Words for dates: month and weekday names (from dateparser's language data), plus the forms
and words it lacks for the languages claimtrace reads most (English, German, French, Spanish,
Arabic, Russian)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dateparser.languages.loader import default_loader

CORE_LANGUAGES = ("en", "de", "fr", "es", "ar", "ru")

_MONTH_KEYS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Forms dateparser does not list: Russian prepositional/accusative case, the Levantine and
# Maghrebi Arabic month names and spellings without hamza.
_EXTRA_MONTHS: dict[str, dict[int, tuple[str, ...]]] = {
    "ru": {
        1: ("январе",),
        2: ("феврале",),
        3: ("марте",),
        4: ("апреле",),
        5: ("мае",),
        6: ("июне",),
        7: ("июле",),
        8: ("августе",),
        9: ("сентябре",),
        10: ("октябре",),
        11: ("ноябре",),
        12: ("декабре",),
    },
    "ar": {
        1: ("كانون الثاني", "جانفي"),
        2: ("شباط", "فيفري"),
        3: ("آذار",),
        4: ("نيسان", "ابريل", "إبريل", "أفريل"),
        5: ("أيار", "مايو", "ماي"),
        6: ("حزيران", "جوان"),
        7: ("تموز", "جويلية", "يوليوز"),
        8: ("آب", "اغسطس", "أوت", "غشت"),
        9: ("أيلول", "ايلول", "شتنبر"),
        10: ("تشرين الأول", "تشرين الاول", "اكتوبر"),
        11: ("تشرين الثاني", "نونبر"),
        12: ("كانون الأول", "كانون الاول", "دجنبر"),
    },
}
_EXTRA_WEEKDAYS: dict[str, dict[int, tuple[str, ...]]] = {
    "ru": {2: ("среду",), 4: ("пятницу",), 5: ("субботу",)},
    "ar": {0: ("الأثنين",), 2: ("الاربعاء",), 6: ("الاحد",)},
}


@dataclass(frozen=True)
class Names:
    """Month or weekday forms of one language: lower-case form -> number (1-12 or 0-6)."""

    full: dict[str, int]
    abbreviated: dict[str, int]

    def lookup(self, form: str) -> int | None:
        key = " ".join(form.lower().rstrip(".").split())
        return self.full.get(key, self.abbreviated.get(key))


def _split(forms_by_number: dict[int, list[str]]) -> Names:
    full: dict[str, int] = {}
    abbreviated: dict[str, int] = {}
    for number, forms in forms_by_number.items():
        lowered = {form.lower() for form in forms}
        for form in lowered:
            # A form that starts another form of the same month ("sep" of "september") is
            # an abbreviation; so is any form of two letters or fewer.
            is_abbreviation = len(form) <= 2 or any(
                other != form and other.startswith(form) for other in lowered
            )
            (abbreviated if is_abbreviation else full)[form] = number
    return Names(full, abbreviated)


def _locale_info(language: str) -> dict[str, object]:
    try:
        info = default_loader.get_locale(language).info
    except (KeyError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}


def _forms(info: dict[str, object], key: str) -> list[str]:
    value = info.get(key)
    return [str(form) for form in value] if isinstance(value, list) else []


@lru_cache(maxsize=64)
def month_names(language: str) -> Names:
    info = _locale_info(language)
    forms = {number: _forms(info, key) for number, key in enumerate(_MONTH_KEYS, start=1)}
    for number, extra in _EXTRA_MONTHS.get(language, {}).items():
        forms[number] = forms[number] + list(extra)
    return _split(forms)


@lru_cache(maxsize=64)
def weekday_names(language: str) -> Names:
    info = _locale_info(language)
    forms = {number: _forms(info, key) for number, key in enumerate(_WEEKDAY_KEYS)}
    for number, extra in _EXTRA_WEEKDAYS.get(language, {}).items():
        forms[number] = forms[number] + list(extra)
    return _split(forms)


def known_language(language: str) -> bool:
    return bool(_locale_info(language))


# Number words up to what news usually counts in; None marks a vague amount ("several").
NUMBER_WORDS: dict[str, dict[str, int | None]] = {
    "en": {
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
        "fifteen": 15, "eighteen": 18, "twenty": 20, "thirty": 30, "a couple of": 2,
        "a few": None, "few": None, "several": None, "some": None, "many": None,
    },
    "de": {
        "ein": 1, "einem": 1, "einer": 1, "eines": 1, "zwei": 2, "drei": 3, "vier": 4,
        "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11,
        "zwölf": 12, "fünfzehn": 15, "achtzehn": 18, "zwanzig": 20, "dreißig": 30,
        "einigen": None, "mehreren": None, "wenigen": None, "vielen": None,
    },
    "fr": {
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
        "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15,
        "dix-huit": 18, "vingt": 20, "trente": 30, "quelques": None, "plusieurs": None,
    },
    "es": {
        "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
        "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12,
        "quince": 15, "dieciocho": 18, "veinte": 20, "treinta": 30, "unos": None,
        "unas": None, "varios": None, "varias": None, "algunos": None, "algunas": None,
    },
    "ru": {
        "один": 1, "одну": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трёх": 3, "трех": 3,
        "четыре": 4, "четырёх": 4, "четырех": 4, "пять": 5, "пяти": 5, "шесть": 6,
        "шести": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "двенадцать": 12,
        "пятнадцать": 15, "восемнадцать": 18, "двадцать": 20, "несколько": None,
        "нескольких": None,
    },
    "ar": {
        "واحد": 1, "اثنين": 2, "اثنان": 2, "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4,
        "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثماني": 8,
        "ثمانية": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10, "بضع": None, "بضعة": None,
        "عدة": None,
    },
}  # fmt: skip

# Unit forms: form -> (unit, count implied when no number is given: "a year" in Arabic
# "عام", the dual "عامين" = two years; None for a bare plural, "years").
UNIT_WORDS: dict[str, dict[str, tuple[str, int | None]]] = {
    "en": {
        "day": ("day", 1), "days": ("day", None), "week": ("week", 1), "weeks": ("week", None),
        "month": ("month", 1), "months": ("month", None), "year": ("year", 1),
        "years": ("year", None),
    },
    "de": {
        "tag": ("day", 1), "tagen": ("day", None), "tage": ("day", None),
        "woche": ("week", 1), "wochen": ("week", None), "monat": ("month", 1),
        "monaten": ("month", None), "monate": ("month", None), "jahr": ("year", 1),
        "jahren": ("year", None), "jahre": ("year", None),
    },
    "fr": {
        "jour": ("day", 1), "jours": ("day", None), "semaine": ("week", 1),
        "semaines": ("week", None), "mois": ("month", None), "an": ("year", 1),
        "ans": ("year", None), "année": ("year", 1), "années": ("year", None),
    },
    "es": {
        "día": ("day", 1), "días": ("day", None), "semana": ("week", 1),
        "semanas": ("week", None), "mes": ("month", 1), "meses": ("month", None),
        "año": ("year", 1), "años": ("year", None),
    },
    "ru": {
        "день": ("day", 1), "дня": ("day", None), "дней": ("day", None),
        "неделю": ("week", 1), "недели": ("week", None), "недель": ("week", None),
        "месяц": ("month", 1), "месяца": ("month", None), "месяцев": ("month", None),
        "месяцы": ("month", None), "год": ("year", 1), "года": ("year", None),
        "лет": ("year", None), "годы": ("year", None),
    },
    "ar": {
        "يوم": ("day", 1), "يوما": ("day", None), "يومًا": ("day", None), "أيام": ("day", None),
        "يومين": ("day", 2), "أسبوع": ("week", 1), "أسبوعا": ("week", None),
        "أسابيع": ("week", None), "أسبوعين": ("week", 2), "شهر": ("month", 1),
        "شهرا": ("month", None), "شهرًا": ("month", None), "أشهر": ("month", None),
        "شهور": ("month", None), "شهرين": ("month", 2), "عام": ("year", 1),
        "عاما": ("year", None), "عامًا": ("year", None), "أعوام": ("year", None),
        "سنة": ("year", 1), "سنوات": ("year", None), "سنين": ("year", None),
        "عامين": ("year", 2), "سنتين": ("year", 2),
    },
}  # fmt: skip

SEASON_WORDS: dict[str, dict[str, str]] = {
    "en": {"spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn",
           "winter": "winter"},
    "de": {"frühling": "spring", "frühjahr": "spring", "sommer": "summer", "herbst": "autumn",
           "winter": "winter"},
    "fr": {"printemps": "spring", "été": "summer", "l'été": "summer", "automne": "autumn",
           "l'automne": "autumn", "hiver": "winter", "l'hiver": "winter"},
    "es": {"primavera": "spring", "verano": "summer", "otoño": "autumn", "invierno": "winter"},
    "ru": {"весна": "spring", "весной": "spring", "весну": "spring", "лето": "summer",
           "летом": "summer", "осень": "autumn", "осенью": "autumn", "зима": "winter",
           "зимой": "winter", "зиму": "winter"},
    "ar": {"الربيع": "spring", "ربيع": "spring", "الصيف": "summer", "صيف": "summer",
           "الخريف": "autumn", "خريف": "autumn", "الشتاء": "winter", "شتاء": "winter"},
}  # fmt: skip
