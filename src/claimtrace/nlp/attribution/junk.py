"""Source spans that are page debris or a misread clause, not who speaks.

A source never runs over a line break or a "|" separator ("Más sobre La Tercera AM\n\n- El
Café Diario", "LEE MÁS | Kenji Fujimori"): only the part after the last one can name the
speaker. A source opened by a preposition is an adverbial the pattern took for a subject
("En ese contexto, Álvarez" -> "Álvarez"; "Nach AstraZeneca-Stopp" names no one). A date,
a time or a page label ("Posted", "Veröffentlicht", "Publié le") names no one either; nor
does a negative pronoun ("nobody", "niemand", "personne", "nadie").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import regex

from claimtrace.nlp.attribution.base import words
from claimtrace.nlp.attribution.rules_backend import lexicon_for
from claimtrace.records import Attribution, Span

BREAKS = regex.compile(r"[\n\r|•·]")
LEADING = " \t-–—*•·:,;\"'“”„«»"
LABELS = words(
    "posted published updated copyright photo foto bild image video gepostet veröffentlicht "
    "aktualisiert publié publiée mis actualisé publicado publicada actualizado actualizada "
    "updated: stand datum date fecha"
)
NOBODY = words("nobody noone niemand keiner keine personne aucun nadie ninguno ninguna")
DATE = regex.compile(
    r"^\W*(?:\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?|\d{1,2}:\d{2}|\d{4})\b|"
    r"^\W*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|"
    r"mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|"
    r"samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b,?\s*\d",
    regex.IGNORECASE,
)
# name particles that are also prepositions: "Von der Leyen", "De Gaulle", "Al-Assad"
PARTICLES = words("von van vom zu de del della di da du des al el la le bin ibn")
_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’\-]*")


def clean_sources(text: str, found: Sequence[Attribution]) -> list[Attribution]:
    """The attributions with their sources cut to the words that can name a speaker;
    an attribution whose source names no one after that is dropped."""
    out = []
    for a in found:
        if a.source is None:
            out.append(a)
            continue
        source = cleaned(text, a.source, a.language)
        if source is None:
            continue
        out.append(a if source == a.source else dataclasses.replace(a, source=source))
    return out


def cleaned(text: str, source: Span, language: str | None) -> Span | None:
    start, end = source.start, source.end
    breaks = list(BREAKS.finditer(text, start, end))
    if breaks:
        start = breaks[-1].end()
    while start < end and text[start] in LEADING:
        start += 1
    while end > start and text[end - 1] in " \t,;:":
        end -= 1
    found = _WORD.findall(text, start, end)
    if not found:
        return None
    first = found[0].casefold()
    lexicon = lexicon_for(language)
    prepositions = (lexicon.prepositions if lexicon is not None else frozenset()) - PARTICLES
    if first in prepositions:
        comma = text.rfind(",", start, end)
        if comma < 0:
            return None  # "Nach AstraZeneca-Stopp": an adverbial, no speaker
        start = comma + 1
        while start < end and text[start] in LEADING:
            start += 1
        found = _WORD.findall(text, start, end)
        if not found:
            return None
        first = found[0].casefold()
    if first in LABELS or DATE.search(text[start:end]):
        return None
    if first in NOBODY:
        return None  # "Nobody", "Personne n'a …"
    if language == "de" and len(found) > 1 and found[-1][:1].islower():
        return None  # "Regierungskreise berichtet": German names end on a capitalised noun
    if len(found) == 2 and (first + found[1].casefold()) == "noone":
        return None
    if (start, end) == (source.start, source.end):
        return source
    return Span(start, end, text[start:end])
