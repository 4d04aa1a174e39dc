"""The token-pattern backend on English, French and Spanish (the fallback; no model)."""

from __future__ import annotations

import pytest

from tests.nlp.attribution.conftest import Extract, by_cue
from tests.nlp.attribution.test_parse_languages import CASES


@pytest.mark.parametrize(("language", "text", "cue", "source", "kind", "content"), CASES)
def test_rules_backend_finds_each_cue(
    extract: Extract, language: str, text: str, cue: str, source: str, kind: str, content: str
) -> None:
    found = extract(text, language, f"{language}=rules")
    a = by_cue(found, cue.split()[-1] if cue.startswith(("has ", "a ")) else cue)
    assert a.backend == "rules" and a.cue_kind == kind
    assert a.source is not None and a.source.text == source
    assert set(a.content.text.split()) & set(content.split())


@pytest.mark.parametrize(
    ("language", "text", "kind"),
    [
        ("en", "It was reported that the dam had collapsed.", "report"),
        ("en", "The army allegedly shelled the village.", "allege"),
        ("fr", "Il a été rapporté que le barrage avait cédé.", "report"),
        ("es", "Se informó que la presa había colapsado.", "report"),
        ("de", "Es wurde berichtet, dass der Damm gebrochen sei.", "report"),
    ],
)
def test_sourceless_cues(extract: Extract, language: str, text: str, kind: str) -> None:
    found = extract(text, language, f"{language}=rules")
    assert [(a.source, a.cue_kind) for a in found] == [(None, kind)]


def test_noun_after_article_is_not_a_cue(extract: Extract) -> None:
    assert extract("The report on the dam was published on Monday.", "en", "en=rules") == []
