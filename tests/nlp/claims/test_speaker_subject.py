"""The speaker as the subject of their own words (nlp/claims/speaker.py)."""

from __future__ import annotations

import pytest

from claimtrace.nlp.claims.speaker import speaker_is_subject
from claimtrace.nlp.claims.syntax import parsed


@pytest.mark.parametrize(
    ("language", "text", "person", "expected"),
    [
        ("en", "We have asked the ministry for the files", False, True),
        ("en", "he would resign at the end of the month", True, True),
        ("en", "he would resign at the end of the month", False, False),  # an organisation
        ("en", "it would resign at the end of the month", True, False),
        ("en", "they would resign at the end of the month", True, False),
        ("fr", "il faut agir vite contre la crise", True, False),
        ("fr", "nous avons demandé des explications au ministère", False, True),
        ("es", "Hemos pedido explicaciones al ministerio", False, True),
        ("es", "El ministerio pidió explicaciones", True, False),
    ],
)
def test_speaker_on_the_parse(language: str, text: str, person: bool, expected: bool) -> None:
    assert speaker_is_subject(text, language, parsed(text, language), person) is expected


@pytest.mark.parametrize(
    ("text", "person", "expected"),
    [
        ("wir müssen die Kosten an die Kunden weitergeben", False, True),
        ("er sei zum Rücktritt bereit", True, True),
        ("sie sei zum Rücktritt bereit", True, False),  # she or they: left alone
        ("die Regierung sei zum Rücktritt bereit", True, False),
    ],
)
def test_speaker_in_german_without_a_parse(text: str, person: bool, expected: bool) -> None:
    assert speaker_is_subject(text, "de", None, person) is expected
