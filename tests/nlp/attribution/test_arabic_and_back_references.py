"""Arabic cues (verb first: cue, source, "إن", content) and sentences that name the source
of the sentence before them ("Das berichteten örtliche Behörden.")."""

from __future__ import annotations

from claimtrace.nlp.text.sentences import split_sentences
from tests.nlp.attribution.conftest import Extract, by_cue


def test_arabic_verb_first_cue(extract: Extract) -> None:
    found = extract("وقالت الأمم المتحدة إن نحو 400 ألف شخص يعتمدون على محطة الضخ.", "ar")
    a = by_cue(found, "وقالت")
    assert a.cue_kind == "say"
    assert a.source is not None and a.source.text == "الأمم المتحدة"
    assert a.content.text.startswith("نحو 400 ألف شخص")  # without the "that"


def test_arabic_according_to_after_the_content(extract: Extract) -> None:
    found = extract("توقف ضخ المياه إلى شرق حلب يوم الاثنين، بحسب مسؤولين محليين.", "ar")
    a = by_cue(found, "بحسب")
    assert a.source is not None and a.source.text == "مسؤولين محليين"
    assert a.content.text == "توقف ضخ المياه إلى شرق حلب يوم الاثنين"


def test_arabic_comma_ends_no_sentence() -> None:
    text = "توقف ضخ المياه إلى شرق حلب، بحسب مسؤولين محليين. وقالت الأمم المتحدة إن الوضع صعب."
    assert len(split_sentences(text, "ar")) == 2


def test_german_sentence_naming_the_source_of_the_one_before(extract: Extract) -> None:
    text = (
        "Nach einem Angriff ist die Wasserversorgung im Osten der Stadt unterbrochen. "
        "Das berichteten örtliche Behörden am Montag."
    )
    a = by_cue(extract(text, "de"), "berichteten")
    assert a.cue_kind == "report"
    assert a.source is not None and a.source.text == "örtliche Behörden"
    assert a.content.text.startswith("Nach einem Angriff ist die Wasserversorgung")


def test_german_back_reference_needs_an_unattributed_sentence_before(extract: Extract) -> None:
    text = "Der Minister sagte, die Lage sei ruhig. Das berichteten örtliche Behörden am Montag."
    found = extract(text, "de")
    assert not any(a.cue.text == "berichteten" for a in found)
