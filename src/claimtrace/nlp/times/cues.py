"""Words around a date that belong to the time expression: prepositions that lead into it
(kept in the span, as in "am 13. April"), the modifiers among them that change what it
covers ("since", "early", "mid", "late"), and the words that mark a bare number as a year."""

from __future__ import annotations

# form -> meaning; None for a plain preposition.
PREFIXES: dict[str, dict[str, str | None]] = {
    "en": {
        "on": None, "in": None, "in the": None, "during": None, "during the": None,
        "from": None, "until": None, "till": None, "by": None, "before": None, "after": None,
        "as of": None, "since": "since", "ever since": "since",
        "early": "early", "in early": "early", "the beginning of": "early",
        "at the beginning of": "early", "beginning of": "early", "the start of": "early",
        "at the start of": "early", "start of": "early",
        "mid": "mid", "mid-": "mid", "in mid": "mid", "in mid-": "mid", "the middle of": "mid",
        "in the middle of": "mid",
        "late": "late", "in late": "late", "the end of": "late", "at the end of": "late",
        "by the end of": "late", "end of": "late", "towards the end of": "late",
    },
    "de": {
        "am": None, "im": None, "in": None, "vom": None, "von": None, "bis": None,
        "bis zum": None, "ab": None, "ab dem": None, "zum": None, "vor dem": None,
        "vor": None, "nach dem": None, "nach": None, "zwischen": None, "im laufe des": None,
        "seit": "since", "seit dem": "since",
        "anfang": "early", "zu beginn": "early", "mitte": "mid", "ende": "late",
    },
    "fr": {
        "le": None, "en": None, "au": None, "du": None, "avant": None, "avant le": None,
        "après": None, "après le": None, "jusqu'au": None, "jusqu'en": None, "jusqu’au": None,
        "jusqu’en": None, "à partir de": None, "à partir du": None, "courant": None,
        "depuis": "since", "depuis le": "since", "dès": "since", "dès le": "since",
        "début": "early", "au début de": "early", "début de": "early", "mi-": "mid",
        "à la mi-": "mid", "fin": "late", "à la fin de": "late", "fin de": "late",
    },
    "es": {
        "el": None, "en": None, "del": None, "al": None, "hasta": None, "hasta el": None,
        "antes de": None, "antes del": None, "después de": None, "después del": None,
        "para": None, "durante": None, "desde": "since", "desde el": "since",
        "a principios de": "early", "principios de": "early", "a comienzos de": "early",
        "comienzos de": "early", "a mediados de": "mid", "mediados de": "mid",
        "a finales de": "late", "finales de": "late", "a fines de": "late", "fines de": "late",
    },
    "ru": {
        "в": None, "во": None, "до": None, "к": None, "по": None, "после": None,
        "на": None, "в течение": None, "с": "since", "со": "since",
        "в начале": "early", "с начала": "since", "в середине": "mid",
        "в конце": "late", "к концу": "late",
    },
    "ar": {
        "في": None, "حتى": None, "خلال": None, "بعد": None, "قبل": None, "يوم": None,
        "بتاريخ": None, "بحلول": None, "منذ": "since", "أوائل": "early", "بداية": "early",
        "مطلع": "early", "في بداية": "early", "في مطلع": "early", "في أوائل": "early",
        "منتصف": "mid", "أواسط": "mid", "في منتصف": "mid", "أواخر": "late",
        "نهاية": "late", "في أواخر": "late", "في نهاية": "late", "مع نهاية": "late",
    },
}  # fmt: skip

# Between a preposition and a year: "im Jahr 2015", "en el año 2015", "في عام 2015".
YEAR_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("the year",),
    "de": ("jahr", "jahre", "des jahres", "dem jahr"),
    "fr": ("l'an", "l'année", "l’an", "l’année", "année"),
    "es": ("el año", "año", "del año"),
    "ru": (),
    "ar": ("عام", "العام", "سنة", "عامي"),
}

# After a year: "в 2015 году", "2017م".
YEAR_SUFFIXES: dict[str, tuple[str, ...]] = {
    "ru": ("года", "году", "год", "г.", "гг.", "г"),
    "ar": ("م",),
}

# Between a month and its year: "5 de abril de 2019", "September of 2017", "سبتمبر عام 2017".
MONTH_YEAR_JOINERS: dict[str, tuple[str, ...]] = {
    "en": ("of",),
    "es": ("de", "del"),
    "fr": ("de",),
    "ar": ("من عام", "عام", "من العام", "سنة"),
}

# Between a day and its month: "5 de abril", "the 14th of September".
DAY_MONTH_JOINERS: dict[str, tuple[str, ...]] = {"en": ("of",), "es": ("de",)}

# Between a season and its year: "summer of 2014", "verano de 2014".
SEASON_JOINERS: dict[str, tuple[str, ...]] = {
    "en": ("of",),
    "es": ("de", "del"),
    "fr": ("de",),
    "ar": ("عام", "العام", "سنة"),
}

# A year never comes right before these ("in 2000 cases" is not a year).
NOT_AFTER_YEAR = (
    r"%|‰|٪|percent|per\s*cent|prozent|pour\s*cent|por\s*ciento|процент\w*|km\b|kilo\w*|"
    r"meter\w*|metre\w*|miles?\b|people|persons|soldiers|fighters|troops|members|cases|"
    r"menschen|personen|personnes|personas|человек|شخص|dollars?|euros?|\$|€|£|usd\b|eur\b"
)
