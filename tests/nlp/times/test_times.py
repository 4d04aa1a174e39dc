from __future__ import annotations

import time
from pathlib import Path

import pytest

from claimtrace.nlp.times import TimeExpression, find_times

SEEDS = Path(__file__).resolve().parents[4] / "shared" / "corpus" / "seeds"


def only(text: str, language: str | None, published: str | None) -> TimeExpression:
    found = find_times(text, language, published)
    assert len(found) == 1, found
    return found[0]


def find(text: str, language: str | None, published: str | None, span: str) -> TimeExpression:
    for expression in find_times(text, language, published):
        if expression.text == span:
            return expression
    raise AssertionError(f"{span!r} not found in {find_times(text, language, published)}")


ABSOLUTE_DAYS = [
    ("en", "It happened on 14 September 2017.", "on 14 September 2017"),
    ("en", "It happened September 14, 2017, at night.", "September 14, 2017"),
    ("en", "It happened Sept. 14th, 2017.", "Sept. 14th, 2017"),
    ("en", "It happened on the 14th of September 2017.", "on the 14th of September 2017"),
    ("en", "Stand: 14.09.2017", "14.09.2017"),
    ("en", "Updated 2017-09-14 by staff", "2017-09-14"),
    ("en", "Published in Al-Ahram Weekly on 14 - 09 - 2017", "on 14 - 09 - 2017"),
    ("de", "Es geschah am 14. September 2017 in Homs.", "am 14. September 2017"),
    ("de", "Freitag, 14.09.2017 / 12:33 Uhr", "Freitag, 14.09.2017"),
    ("fr", "Il est arrivé le 14 septembre 2017 à Homs.", "le 14 septembre 2017"),
    ("es", "Llegó el 14 de septiembre de 2017 a Homs.", "el 14 de septiembre de 2017"),
    ("ru", "Это случилось 14 сентября 2017 года в Хомсе.", "14 сентября 2017 года"),
    ("ar", "وقع الهجوم في 14 سبتمبر 2017 قرب حمص", "في 14 سبتمبر 2017"),
    ("ar", "وقع الهجوم 14 أيلول 2017 قرب حمص", "14 أيلول 2017"),
    ("ar", "وقع الهجوم 14 سبتمبر/أيلول 2017 قرب حمص", "14 سبتمبر/أيلول 2017"),
]


@pytest.mark.parametrize(("language", "text", "span"), ABSOLUTE_DAYS)
def test_absolute_day(language: str, text: str, span: str) -> None:
    expression = only(text, language, "2020-01-01")
    assert expression.text == span
    assert text[expression.start : expression.end] == span
    assert (expression.value, expression.granularity, expression.kind) == (
        "2017-09-14",
        "day",
        "absolute",
    )
    assert expression.range_start == expression.range_end == "2017-09-14"


@pytest.mark.parametrize(
    ("language", "text", "span"),
    [
        ("fr", "Il est parti le 5 avril 2019.", "le 5 avril 2019"),
        ("es", "Salió el 5 de abril de 2019.", "el 5 de abril de 2019"),
        ("ru", "Он уехал 5 апреля 2019 года.", "5 апреля 2019 года"),
        ("de", "Er reiste am 5. April 2019 ab.", "am 5. April 2019"),
    ],
)
def test_fifth_of_april(language: str, text: str, span: str) -> None:
    expression = only(text, language, None)
    assert (expression.text, expression.value) == (span, "2019-04-05")


@pytest.mark.parametrize(
    ("language", "text", "published", "span", "value"),
    [
        ("de", "Die Patrouille am 13. April war kurz.", "2020-05-02", "am 13. April", "2020-04-13"),
        ("en", "on 8 September the coalition", "2017-09-14", "on 8 September", "2017-09-08"),
        ("en", "On 28 August, Hizbullah", "2017-09-14", "On 28 August", "2017-08-28"),
        ("en", "off on Apr 25 marking", "2017-09-14", "on Apr 25", "2017-04-25"),
        ("en", "a vote on 25 December", "2017-09-14", "on 25 December", "2016-12-25"),
        ("fr", "Il est arrivé le 5 avril.", "2019-06-01", "le 5 avril", "2019-04-05"),
        ("es", "Llegó el 5 de abril.", "2019-06-01", "el 5 de abril", "2019-04-05"),
        ("ru", "Он приехал 5 апреля.", "2019-06-01", "5 апреля", "2019-04-05"),
        ("ar", "وصل في 5 أبريل إلى دمشق", "2019-06-01", "في 5 أبريل", "2019-04-05"),
    ],
)
def test_partial_date_resolves_against_publication(
    language: str, text: str, published: str, span: str, value: str
) -> None:
    expression = find(text, language, published, span)
    assert (expression.value, expression.kind, expression.granularity) == (value, "partial", "day")


def test_partial_date_soon_after_publication_stays_in_the_year() -> None:
    expression = only("The vote on 1 November", "en", "2017-09-14")
    assert expression.value == "2017-11-01"


@pytest.mark.parametrize(
    ("language", "text", "span", "value", "start", "end", "granularity"),
    [
        ("en", "IS grew in 2015.", "in 2015", "2015", "2015-01-01", "2015-12-31", "year"),
        ("en", "It has been hostile since 2013.", "since 2013", "2013", "2013-01-01", "2020-05-02",
         "year"),
        ("de", "seit 2013 aktiv", "seit 2013", "2013", "2013-01-01", "2020-05-02", "year"),
        ("de", "im Sommer 2014 erbeutet", "im Sommer 2014", "2014", "2014-06-01", "2014-08-31",
         "season"),
        ("de", "Ende 2019 erklärte", "Ende 2019", "2019", "2019-10-01", "2019-12-31", "year"),
        ("de", "im Jahr 2015 begann", "im Jahr 2015", "2015", "2015-01-01", "2015-12-31", "year"),
        ("en", "in April 2019 it", "in April 2019", "2019-04", "2019-04-01", "2019-04-30", "month"),
        ("de", "im April 2019 kam", "im April 2019", "2019-04", "2019-04-01", "2019-04-30",
         "month"),
        ("fr", "en avril 2019", "en avril 2019", "2019-04", "2019-04-01", "2019-04-30", "month"),
        ("es", "en abril de 2019", "en abril de 2019", "2019-04", "2019-04-01", "2019-04-30",
         "month"),
        ("ru", "в апреле 2019 года", "в апреле 2019 года", "2019-04", "2019-04-01", "2019-04-30",
         "month"),
        ("ar", "في أبريل 2019", "في أبريل 2019", "2019-04", "2019-04-01", "2019-04-30", "month"),
        ("fr", "depuis 2013", "depuis 2013", "2013", "2013-01-01", "2020-05-02", "year"),
        ("es", "desde 2013", "desde 2013", "2013", "2013-01-01", "2020-05-02", "year"),
        ("ru", "с 2013 года", "с 2013 года", "2013", "2013-01-01", "2020-05-02", "year"),
        ("ru", "в 2015 году", "в 2015 году", "2015", "2015-01-01", "2015-12-31", "year"),
        ("ar", "منذ عام 2013", "منذ عام 2013", "2013", "2013-01-01", "2020-05-02", "year"),
        ("ar", "في عام 2015", "في عام 2015", "2015", "2015-01-01", "2015-12-31", "year"),
        ("en", "in the summer of 2014", "in the summer of 2014", "2014", "2014-06-01",
         "2014-08-31", "season"),
        ("fr", "à l'été 2014", "l'été 2014", "2014", "2014-06-01", "2014-08-31", "season"),
        ("es", "en el verano de 2014", "en el verano de 2014", "2014", "2014-06-01", "2014-08-31",
         "season"),
        ("ru", "летом 2014 года", "летом 2014 года", "2014", "2014-06-01", "2014-08-31", "season"),
        ("ar", "في صيف 2014", "في صيف 2014", "2014", "2014-06-01", "2014-08-31", "season"),
        ("en", "in late 2019", "in late 2019", "2019", "2019-10-01", "2019-12-31", "year"),
        ("fr", "fin 2019", "fin 2019", "2019", "2019-10-01", "2019-12-31", "year"),
        ("es", "a finales de 2019", "a finales de 2019", "2019", "2019-10-01", "2019-12-31",
         "year"),
        ("ru", "в конце 2019 года", "в конце 2019 года", "2019", "2019-10-01", "2019-12-31",
         "year"),
        ("ar", "أواخر عام 2019", "أواخر عام 2019", "2019", "2019-10-01", "2019-12-31", "year"),
        ("en", "in the 1990s", "in the 1990s", "199", "1990-01-01", "1999-12-31", "decade"),
        ("de", "in den 1990er Jahren", "in den 1990er Jahren", "199", "1990-01-01", "1999-12-31",
         "decade"),
        ("fr", "dans les années 1990", "les années 1990", "199", "1990-01-01", "1999-12-31",
         "decade"),
        ("es", "en los años noventa", "en los años noventa", "199", "1990-01-01", "1999-12-31",
         "decade"),
        ("ru", "в 1990-х годах", "в 1990-х годах", "199", "1990-01-01", "1999-12-31", "decade"),
        ("ar", "في التسعينيات", "في التسعينيات", "199", "1990-01-01", "1999-12-31", "decade"),
    ],
)  # fmt: skip
def test_months_years_seasons_decades(
    language: str, text: str, span: str, value: str, start: str, end: str, granularity: str
) -> None:
    expression = find(text, language, "2020-05-02", span)
    assert expression.value == value
    assert (expression.range_start, expression.range_end) == (start, end)
    assert (expression.granularity, expression.kind) == (granularity, "absolute")


@pytest.mark.parametrize(
    ("language", "text", "span"),
    [
        ("en", "in April, prices rose", "in April"),
        ("de", "im April stiegen", "im April"),
        ("fr", "en avril, les prix", "en avril"),
        ("es", "en abril, los precios", "en abril"),
        ("ru", "в апреле цены", "в апреле"),
        ("ar", "في نيسان ارتفعت", "في نيسان"),
    ],
)
def test_month_without_year_is_partial(language: str, text: str, span: str) -> None:
    expression = find(text, language, "2019-06-10", span)
    assert (expression.value, expression.kind, expression.granularity) == (
        "2019-04",
        "partial",
        "month",
    )


# Published on Thursday 2017-09-14: the previous ISO week is 2017-W36 (4-10 September).
LAST_WEEK = [
    ("en", "announced last week that", "last week"),
    ("de", "sagte letzte Woche", "letzte Woche"),
    ("de", "sagte vergangene Woche", "vergangene Woche"),
    ("de", "sagte in der vergangenen Woche", "in der vergangenen Woche"),
    ("fr", "a dit la semaine dernière", "la semaine dernière"),
    ("es", "dijo la semana pasada", "la semana pasada"),
    ("ru", "заявил на прошлой неделе", "на прошлой неделе"),
    ("ar", "قال الأسبوع الماضي إن", "الأسبوع الماضي"),
]


@pytest.mark.parametrize(("language", "text", "span"), LAST_WEEK)
def test_last_week(language: str, text: str, span: str) -> None:
    expression = only(text, language, "2017-09-14")
    assert expression.text == span
    assert (expression.value, expression.range_start, expression.range_end) == (
        "2017-W36",
        "2017-09-04",
        "2017-09-10",
    )
    assert (expression.granularity, expression.kind) == ("week", "relative")


WEEKDAYS = [
    ("en", "said on Monday that", "on Monday"),
    ("en", "said Monday that", "Monday"),
    ("de", "sagte am Montag", "am Montag"),
    ("fr", "a déclaré lundi que", "lundi"),
    ("es", "dijo el lunes que", "el lunes"),
    ("ru", "заявил в понедельник", "в понедельник"),
    ("ar", "قال يوم الاثنين إن", "يوم الاثنين"),
]


@pytest.mark.parametrize(("language", "text", "span"), WEEKDAYS)
def test_weekday_is_the_latest_on_or_before_publication(
    language: str, text: str, span: str
) -> None:
    expression = only(text, language, "2017-09-14")  # a Thursday
    assert (expression.text, expression.value, expression.kind) == (span, "2017-09-11", "relative")
    assert only(text, language, "2017-09-11").value == "2017-09-11"


def test_weekday_with_last_and_next() -> None:
    assert only("last Thursday", "en", "2017-09-14").value == "2017-09-07"
    assert only("next Monday", "en", "2017-09-14").value == "2017-09-18"
    assert only("lundi prochain", "fr", "2017-09-14").value == "2017-09-18"
    assert only("الاثنين المقبل", "ar", "2017-09-14").value == "2017-09-18"


@pytest.mark.parametrize(
    ("language", "text", "value", "granularity", "start", "end"),
    [
        ("en", "yesterday", "2017-09-13", "day", "2017-09-13", "2017-09-13"),
        ("de", "gestern", "2017-09-13", "day", "2017-09-13", "2017-09-13"),
        ("fr", "hier", "2017-09-13", "day", "2017-09-13", "2017-09-13"),
        ("es", "ayer", "2017-09-13", "day", "2017-09-13", "2017-09-13"),
        ("ru", "вчера", "2017-09-13", "day", "2017-09-13", "2017-09-13"),
        ("ar", "أمس", "2017-09-13", "day", "2017-09-13", "2017-09-13"),
        ("en", "earlier this month", "2017-09", "month", "2017-09-01", "2017-09-14"),
        ("en", "this month", "2017-09", "month", "2017-09-01", "2017-09-30"),
        ("de", "diesen Monat", "2017-09", "month", "2017-09-01", "2017-09-30"),
        ("fr", "ce mois-ci", "2017-09", "month", "2017-09-01", "2017-09-30"),
        ("es", "este mes", "2017-09", "month", "2017-09-01", "2017-09-30"),
        ("ru", "в этом месяце", "2017-09", "month", "2017-09-01", "2017-09-30"),
        ("ar", "هذا الشهر", "2017-09", "month", "2017-09-01", "2017-09-30"),
        ("en", "last year", "2016", "year", "2016-01-01", "2016-12-31"),
        ("de", "im vergangenen Jahr", "2016", "year", "2016-01-01", "2016-12-31"),
        ("fr", "l'année dernière", "2016", "year", "2016-01-01", "2016-12-31"),
        ("es", "el año pasado", "2016", "year", "2016-01-01", "2016-12-31"),
        ("ru", "в прошлом году", "2016", "year", "2016-01-01", "2016-12-31"),
        ("ar", "العام الماضي", "2016", "year", "2016-01-01", "2016-12-31"),
        ("en", "three years ago", "2014", "year", "2014-01-01", "2014-12-31"),
        ("de", "vor drei Jahren", "2014", "year", "2014-01-01", "2014-12-31"),
        ("fr", "il y a trois ans", "2014", "year", "2014-01-01", "2014-12-31"),
        ("es", "hace tres años", "2014", "year", "2014-01-01", "2014-12-31"),
        ("ru", "три года назад", "2014", "year", "2014-01-01", "2014-12-31"),
        ("ar", "قبل ثلاث سنوات", "2014", "year", "2014-01-01", "2014-12-31"),
        ("ar", "قبل عامين", "2015", "year", "2015-01-01", "2015-12-31"),
        ("en", "two months ago", "2017-07", "month", "2017-07-01", "2017-07-31"),
    ],
)
def test_relative(
    language: str, text: str, value: str, granularity: str, start: str, end: str
) -> None:
    expression = only(text, language, "2017-09-14")
    assert expression.text == text
    assert (expression.value, expression.granularity, expression.kind) == (
        value,
        granularity,
        "relative",
    )
    assert (expression.range_start, expression.range_end) == (start, end)


@pytest.mark.parametrize(
    ("language", "text", "start"),
    [
        ("en", "over the last eighteen months", "2016-03-14"),
        ("en", "in the past two years", "2015-09-14"),
        ("de", "in den vergangenen zwei Jahren", "2015-09-14"),
        ("fr", "au cours des trois derniers mois", "2017-06-14"),
        ("es", "en los últimos dos años", "2015-09-14"),
        ("ru", "за последние три года", "2014-09-14"),
        ("ar", "خلال السنوات الثلاث الماضية", "2014-09-14"),
    ],
)
def test_counted_range_ends_at_publication(language: str, text: str, start: str) -> None:
    expression = only(text, language, "2017-09-14")
    assert expression.text == text
    assert (expression.range_start, expression.range_end) == (start, "2017-09-14")
    assert expression.kind == "relative"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "In den letzten Monaten"),
        ("en", "in recent months"),
        ("fr", "ces derniers mois"),
        ("es", "en los últimos meses"),
        ("ru", "в последние месяцы"),
        ("ar", "خلال الأشهر الماضية"),
    ],
)
def test_vague_range_ends_at_publication(language: str, text: str) -> None:
    expression = only(text, language, "2020-04-20")
    assert expression.text == text
    assert (expression.range_start, expression.range_end) == (None, "2020-04-20")
    assert (expression.granularity, expression.kind) == ("month", "relative")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "18 members of the forces were killed"),
        ("en", "no more than 2% of the territory"),
        ("en", "across 600 km of desert"),
        ("en", "113 IS members announced that they had joined"),
        ("en", "At 12:30 the talks resumed, at 09:15 they ended."),
        ("en", "Observers may see it differently; you may go."),
        ("en", "They march on the capital. Sunni and Shia leaders met."),
        ("en", "In 2000 cases the army acted."),
        ("en", "The Sunday Times reported it."),
        ("de", "18 Mitglieder, 2% des Gebiets, 600 km, um 12:33 Uhr"),
        ("fr", "18 membres, 600 km, à 12h30"),
        ("es", "18 miembros, 600 km, el mar, a las 12:30. Domingo Pérez dijo"),
        ("ru", "18 членов, 600 км, в 12:30"),
        ("ar", "18 عضوا، 600 كم، الساعة 12:30"),
    ],
)
def test_no_false_positives(language: str, text: str) -> None:
    assert find_times(text, language, "2017-09-14") == []
    assert find_times(text, None, "2017-09-14") == []


def test_offsets_match_text() -> None:
    text = "Вчера, 5 апреля 2019 года, и на прошлой неделе; am 13. April; last week; أمس"
    found = find_times(text, None, "2019-04-10")
    assert len(found) == 6
    for expression in found:
        assert text[expression.start : expression.end] == expression.text
    assert [e.start for e in found] == sorted(e.start for e in found)


def test_no_publication_date_still_finds_relative_and_partial() -> None:
    found = find_times("am 13. April und letzte Woche, Ende 2019", "de", None)
    assert [(e.text, e.value, e.kind) for e in found] == [
        ("am 13. April", None, "partial"),
        ("letzte Woche", None, "relative"),
        ("Ende 2019", "2019", "absolute"),
    ]
    assert found[0].range_start is None and found[1].range_end is None


def test_publication_datetime_and_unknown_language() -> None:
    assert only("am 13. April", "de", "2020-05-02T10:00:00+02:00").value == "2020-04-13"
    assert only("am 13. April", "de-AT", "2020-05-02").value == "2020-04-13"
    found = find_times("Il 5 aprile 2019 e nel maggio 2018", "it", None)
    assert [(e.text, e.value) for e in found] == [
        ("5 aprile 2019", "2019-04-05"),
        ("maggio 2018", "2018-05"),
    ]


def test_to_dict_round_trips() -> None:
    expression = only("last week", "en", "2017-09-14")
    data = expression.to_dict()
    assert data["value"] == "2017-W36" and data["text"] == "last week"
    assert TimeExpression.from_dict(data) == expression


def test_seed_001_german_article() -> None:
    path = SEEDS / "001_5dbf36eb7229fa83.txt"
    if not path.exists():
        pytest.skip("seed corpus not available")
    text = path.read_text(encoding="utf-8")
    found = {e.text: e for e in find_times(text, "de", "2020-04-20")}
    assert found["am 13. April"].value == "2020-04-13"
    assert found["im Sommer 2014"].granularity == "season"
    assert found["Ende 2019"].range_end == "2019-12-31"
    assert "In den letzten Monaten" in found
    assert not any(e.text.startswith(("18", "11", "2")) for e in found.values())


def test_seed_004_english_article() -> None:
    path = SEEDS / "004_72a6c21420755888.txt"
    if not path.exists():
        pytest.skip("seed corpus not available")
    text = path.read_text(encoding="utf-8")
    found = {e.text: e.value for e in find_times(text, "en", "2017-09-14")}
    assert found["on 8 September"] == "2017-09-08"
    assert found["On 28 August"] == "2017-08-28"
    assert found["last week"] == "2017-W36"
    assert found["earlier this month"] == "2017-09"
    assert found["since 2013"] == "2013"
    assert found["on 14 - 09 - 2017"] == "2017-09-14"
    find_times(text, "en", "2017-09-14")  # warm
    started = time.perf_counter()
    find_times(text, "en", "2017-09-14")
    assert time.perf_counter() - started < 1.0  # generous: the figure is in the report


def test_partial_date_resolves_against_the_latest_date_in_an_undated_text() -> None:
    from claimtrace.nlp.times.anchor import anchor_partial_times

    text = "Ende 2019 erklärte der Ausschuss etwas. Die Patrouille kam am 13. April."
    found = find_times(text, "de", None)
    assert find(text, "de", None, "am 13. April").value is None
    times, anchor = anchor_partial_times(text, [(0, len(text), "de")], found)
    assert anchor == "2019-12-31"
    april = [t for t in times if t.text == "am 13. April"][0]
    assert (april.value, april.kind) == ("2020-04-13", "inferred")  # the year is ours
    assert text[april.start : april.end] == "am 13. April"


def test_anchor_is_the_nearest_occurrence_and_ignores_the_future() -> None:
    from datetime import date

    from claimtrace.nlp.times.anchor import anchor_partial_times, infer_anchor

    text = "On 2 May 2021 the talks ended. On 13 April the convoy left."
    times, anchor = anchor_partial_times(text, [(0, len(text), "en")], find_times(text, "en", None))
    assert anchor == "2021-05-02"
    assert [t.value for t in times if t.kind == "inferred"] == ["2021-04-13"]
    future = find_times("The plan runs until 2090.", "en", None)
    assert infer_anchor(future, today=date(2026, 1, 1)) is None


def test_undated_text_without_absolute_dates_keeps_partials_open() -> None:
    from claimtrace.nlp.times.anchor import anchor_partial_times

    text = "Am 13. April kam die Patrouille."
    times, anchor = anchor_partial_times(text, [(0, len(text), "de")], find_times(text, "de", None))
    assert anchor is None and times[0].value is None
