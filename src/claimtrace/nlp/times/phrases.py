"""Fixed relative phrases per language ("last week", "la semaine dernière", "الأسبوع الماضي")
and the words that make a weekday or a count of units relative to publication."""

from __future__ import annotations

from typing import NamedTuple


class Phrase(NamedTuple):
    """``unit`` shifted by ``offset`` from publication; ``part`` "to_pub" ends the range at
    publication ("earlier this month"), "from_pub" starts it there ("later this month")."""

    pattern: str
    unit: str
    offset: int
    part: str | None = None


_A = "['’]"  # French apostrophes
_ALIF = "[أا]"

PHRASES: dict[str, tuple[Phrase, ...]] = {
    "en": (
        Phrase(r"(?:the\s+)?day\s+before\s+yesterday", "day", -2),
        Phrase(r"yesterday", "day", -1),
        Phrase(r"today", "day", 0),
        Phrase(r"tomorrow", "day", 1),
        Phrase(r"earlier\s+this\s+week", "week", 0, "to_pub"),
        Phrase(r"earlier\s+this\s+month", "month", 0, "to_pub"),
        Phrase(r"earlier\s+this\s+year", "year", 0, "to_pub"),
        Phrase(r"later\s+this\s+week", "week", 0, "from_pub"),
        Phrase(r"later\s+this\s+month", "month", 0, "from_pub"),
        Phrase(r"later\s+this\s+year", "year", 0, "from_pub"),
        Phrase(r"(?:this|the\s+current)\s+week", "week", 0),
        Phrase(r"(?:this|the\s+current)\s+month", "month", 0),
        Phrase(r"(?:this|the\s+current)\s+year", "year", 0),
        Phrase(r"last\s+week", "week", -1),
        Phrase(r"last\s+month", "month", -1),
        Phrase(r"last\s+year", "year", -1),
        Phrase(r"next\s+week", "week", 1),
        Phrase(r"next\s+month", "month", 1),
        Phrase(r"next\s+year", "year", 1),
    ),
    "de": (
        Phrase(r"vorgestern", "day", -2),
        Phrase(r"gestern", "day", -1),
        Phrase(r"heute", "day", 0),
        Phrase(r"übermorgen", "day", 2),
        Phrase(r"(?:in\s+der\s+)?(?:letzten|vergangenen|vorigen)\s+Woche", "week", -1),
        Phrase(r"(?:letzte|vergangene|vorige)\s+Woche", "week", -1),
        Phrase(r"(?:im\s+)?(?:letzten|vergangenen|vorigen)\s+Monat", "month", -1),
        Phrase(r"(?:im\s+)?(?:letzten|vergangenen|vorigen)\s+Jahr", "year", -1),
        Phrase(r"(?:letztes|vergangenes|voriges)\s+Jahr|im\s+Vorjahr", "year", -1),
        Phrase(r"Anfang\s+(?:dieser|der)\s+Woche", "week", 0, "to_pub"),
        Phrase(r"Anfang\s+(?:dieses|des)\s+Monats", "month", 0, "to_pub"),
        Phrase(r"Anfang\s+(?:dieses|des)\s+Jahres", "year", 0, "to_pub"),
        Phrase(r"(?:in\s+)?(?:dieser|diese)\s+Woche", "week", 0),
        Phrase(r"(?:in\s+)?diesem\s+Monat|diesen\s+Monat", "month", 0),
        Phrase(r"(?:in\s+)?diesem\s+Jahr|dieses\s+Jahr", "year", 0),
        Phrase(r"(?:in\s+der\s+)?(?:nächsten|kommenden)\s+Woche", "week", 1),
        Phrase(r"(?:nächste|kommende)\s+Woche", "week", 1),
        Phrase(r"(?:im\s+)?(?:nächsten|kommenden)\s+Monat", "month", 1),
        Phrase(r"(?:im\s+)?(?:nächsten|kommenden)\s+Jahr", "year", 1),
        Phrase(r"(?:nächstes|kommendes)\s+Jahr", "year", 1),
    ),
    "fr": (
        Phrase(r"avant-hier", "day", -2),
        Phrase(r"hier", "day", -1),
        Phrase(rf"aujourd{_A}hui", "day", 0),
        Phrase(r"après-demain", "day", 2),
        Phrase(r"demain", "day", 1),
        Phrase(r"plus\s+tôt\s+cette\s+semaine", "week", 0, "to_pub"),
        Phrase(r"plus\s+tôt\s+ce\s+mois(?:-ci)?", "month", 0, "to_pub"),
        Phrase(r"plus\s+tôt\s+cette\s+année", "year", 0, "to_pub"),
        Phrase(r"(?:la\s+)?semaine\s+(?:dernière|passée)", "week", -1),
        Phrase(r"(?:le\s+)?mois\s+(?:dernier|passé)", "month", -1),
        Phrase(rf"(?:l{_A})?(?:année\s+(?:dernière|passée)|an\s+(?:dernier|passé))", "year", -1),
        Phrase(r"cette\s+semaine", "week", 0),
        Phrase(r"ce\s+mois(?:-ci)?", "month", 0),
        Phrase(r"cette\s+année", "year", 0),
        Phrase(r"(?:la\s+)?semaine\s+prochaine", "week", 1),
        Phrase(r"(?:le\s+)?mois\s+prochain", "month", 1),
        Phrase(rf"(?:l{_A})?(?:année\s+prochaine|an\s+prochain)", "year", 1),
    ),
    "es": (
        Phrase(r"anteayer|antier|antes\s+de\s+ayer", "day", -2),
        Phrase(r"ayer", "day", -1),
        Phrase(r"hoy", "day", 0),
        Phrase(r"pasado\s+mañana", "day", 2),
        Phrase(r"a\s+(?:principios|comienzos)\s+de\s+esta\s+semana", "week", 0, "to_pub"),
        Phrase(r"a\s+(?:principios|comienzos)\s+de\s+este\s+mes", "month", 0, "to_pub"),
        Phrase(r"a\s+(?:principios|comienzos)\s+de\s+este\s+año", "year", 0, "to_pub"),
        Phrase(r"(?:la\s+)?(?:semana\s+(?:pasada|anterior)|pasada\s+semana)", "week", -1),
        Phrase(r"(?:el\s+)?(?:mes\s+pasado|pasado\s+mes)", "month", -1),
        Phrase(r"(?:el\s+)?(?:año\s+pasado|pasado\s+año)", "year", -1),
        Phrase(r"esta\s+semana", "week", 0),
        Phrase(r"este\s+mes", "month", 0),
        Phrase(r"este\s+año", "year", 0),
        Phrase(r"(?:la\s+)?(?:próxima\s+semana|semana\s+(?:próxima|que\s+viene))", "week", 1),
        Phrase(r"(?:el\s+)?(?:próximo\s+mes|mes\s+(?:próximo|que\s+viene))", "month", 1),
        Phrase(r"(?:el\s+)?(?:próximo\s+año|año\s+(?:próximo|que\s+viene))", "year", 1),
    ),
    "ru": (
        Phrase(r"позавчера", "day", -2),
        Phrase(r"вчера", "day", -1),
        Phrase(r"сегодня", "day", 0),
        Phrase(r"послезавтра", "day", 2),
        Phrase(r"завтра", "day", 1),
        Phrase(r"ранее\s+на\s+этой\s+неделе", "week", 0, "to_pub"),
        Phrase(r"ранее\s+в\s+этом\s+месяце", "month", 0, "to_pub"),
        Phrase(r"ранее\s+в\s+этом\s+году", "year", 0, "to_pub"),
        Phrase(r"на\s+(?:прошлой|минувшей|прошедшей)\s+неделе", "week", -1),
        Phrase(r"в\s+(?:прошлом|минувшем)\s+месяце", "month", -1),
        Phrase(r"в\s+(?:прошлом|минувшем)\s+году", "year", -1),
        Phrase(r"на\s+(?:этой|текущей)\s+неделе", "week", 0),
        Phrase(r"в\s+(?:этом|текущем)\s+месяце", "month", 0),
        Phrase(r"в\s+(?:этом|текущем|нынешнем)\s+году", "year", 0),
        Phrase(r"на\s+(?:следующей|будущей)\s+неделе", "week", 1),
        Phrase(r"в\s+(?:следующем|будущем)\s+месяце", "month", 1),
        Phrase(r"в\s+(?:следующем|будущем)\s+году", "year", 1),
    ),
    "ar": (
        Phrase(r"(?:أول|اول)\s+(?:من\s+)?(?:أمس|امس)", "day", -2),
        Phrase(r"(?:يوم\s+)?(?:أمس|الأمس|امس|البارحة)", "day", -1),
        Phrase(r"اليوم", "day", 0),
        Phrase(r"غد(?:ا|ًا|اً)", "day", 1),
        Phrase(r"في\s+وقت\s+سابق\s+من\s+هذا\s+الشهر", "month", 0, "to_pub"),
        Phrase(r"في\s+وقت\s+سابق\s+من\s+هذا\s+العام", "year", 0, "to_pub"),
        Phrase(rf"ال{_ALIF}سبوع\s+(?:الماضي|المنصرم)", "week", -1),
        Phrase(r"الشهر\s+(?:الماضي|المنصرم)", "month", -1),
        Phrase(r"(?:العام\s+(?:الماضي|المنصرم)|السنة\s+الماضية)", "year", -1),
        Phrase(rf"(?:هذا\s+ال{_ALIF}سبوع|ال{_ALIF}سبوع\s+(?:الجاري|الحالي))", "week", 0),
        Phrase(r"(?:هذا\s+الشهر|الشهر\s+(?:الجاري|الحالي))", "month", 0),
        Phrase(r"(?:هذا\s+العام|العام\s+(?:الجاري|الحالي)|السنة\s+الحالية)", "year", 0),
        Phrase(rf"ال{_ALIF}سبوع\s+(?:المقبل|القادم)", "week", 1),
        Phrase(r"الشهر\s+(?:المقبل|القادم)", "month", 1),
        Phrase(r"(?:العام\s+(?:المقبل|القادم)|السنة\s+(?:المقبلة|القادمة))", "year", 1),
    ),
}

# Words before / after a weekday: meaning "before" (strictly before publication), "after",
# or None (the most recent such day on or before publication).
WEEKDAY_BEFORE: dict[str, dict[str, str | None]] = {
    "en": {"on": None, "last": "before", "this past": "before", "on last": "before",
           "next": "after", "this coming": "after", "this": None, "on the": None},
    "de": {"am": None, "letzten": "before", "vergangenen": "before", "am vergangenen": "before",
           "am letzten": "before", "vorigen": "before", "kommenden": "after",
           "am kommenden": "after", "nächsten": "after", "am nächsten": "after",
           "diesen": None, "an diesem": None},
    "fr": {"ce": None},
    "es": {"el": None, "este": None, "el pasado": "before", "el último": "before",
           "el próximo": "after", "este próximo": "after"},
    "ru": {"в": None, "во": None, "в прошлый": "before", "в прошлую": "before",
           "в прошлое": "before", "в минувший": "before", "в минувшую": "before",
           "в минувшее": "before", "в следующий": "after", "в следующую": "after",
           "в следующее": "after", "в этот": None, "в эту": None, "в это": None},
    "ar": {"يوم": None, "في يوم": None, "مساء": None, "صباح": None, "مساء يوم": None,
           "صباح يوم": None},
}  # fmt: skip
WEEKDAY_AFTER: dict[str, dict[str, str | None]] = {
    "en": {"last": "before"},
    "de": {},
    "fr": {"dernier": "before", "passé": "before", "prochain": "after"},
    "es": {"pasado": "before", "próximo": "after", "que viene": "after"},
    "ru": {},
    "ar": {"الماضي": "before", "المنصرم": "before", "المقبل": "after", "القادم": "after"},
}

# "three years ago": where the count and unit sit around the word for "ago".
AGO_PATTERNS: dict[str, str] = {
    "en": r"(?:(?P<n>{num})\s+)?(?P<u>{unit})\s+ago",
    "de": r"vor\s+(?:(?P<n>{num})\s+)?(?P<u>{unit})",
    "fr": r"il\s+y\s+a\s+(?:(?P<n>{num})\s+)?(?P<u>{unit})",
    "es": r"hace\s+(?:(?P<n>{num})\s+)?(?P<u>{unit})",
    "ru": r"(?:(?P<n>{num})\s+)?(?P<u>{unit})\s+назад",
    "ar": r"(?:قبل|منذ)\s+(?:(?P<n>{num})\s+)?(?P<u>{unit})",
}

# "over the last eighteen months": a range ending at publication.
LAST_PATTERNS: dict[str, str] = {
    "en": r"(?:over|in|during|for|within)\s+the\s+(?:last|past|previous)\s+"
    r"(?:(?P<n>{num})\s+)?(?P<u>{unit})|in\s+recent\s+(?P<u2>{unit})",
    "de": r"(?:(?:in|während|innerhalb|seit)\s+(?:den|der)\s+)?(?:letzten|vergangenen|"
    r"zurückliegenden)\s+(?:(?P<n>{num})\s+)?(?P<u>Tagen|Wochen|Monaten|Jahren)",
    "fr": r"(?:(?:au\s+cours|lors)\s+des|(?:pendant|durant|depuis)\s+les|ces|les)\s+"
    r"(?:(?P<n>{num})\s+)?(?:derniers|dernières|derniere?s)\s+(?P<u>{unit})",
    "es": r"(?:(?:en|durante|a\s+lo\s+largo\s+de)\s+)?(?:los|las)\s+(?:últimos|últimas|"
    r"pasados|pasadas)\s+(?:(?P<n>{num})\s+)?(?P<u>{unit})",
    "ru": r"(?:(?:за|в|в\s+течение|на\s+протяжении)\s+)?(?:последние|последних|прошедшие|"
    r"минувшие)\s+(?:(?P<n>{num})\s+)?(?P<u>{unit})",
    "ar": r"(?:(?:خلال|في|على\s+مدى|طوال)\s+)?(?P<u>الأيام|الأسابيع|الأشهر|الشهور|"
    r"السنوات|الأعوام|السنين)(?:\s+(?:ال)?(?P<n>{num}))?\s+(?:الماضية|الأخيرة|المنصرمة)",
}

ARABIC_PLURAL_UNITS = {
    "الأيام": "day",
    "الأسابيع": "week",
    "الأشهر": "month",
    "الشهور": "month",
    "السنوات": "year",
    "الأعوام": "year",
    "السنين": "year",
}
