"""Finding and typing the relation verb of a claim with the per-language lexicons."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from claimtrace.nlp.claims.lexicon import Lexicon, lexicon_for

_FLAGS = regex.IGNORECASE | regex.UNICODE


@dataclass(frozen=True)
class RelationMatch:
    code: str
    start: int  # the verb phrase, as offsets into the text searched
    end: int
    verb: str
    noun: bool = False  # matched a noun ("cooperation"), not a verb


@cache
def _compiled(language: str) -> tuple[tuple[str, regex.Pattern[str], bool], ...]:
    lexicon = lexicon_for(language)
    out: list[tuple[str, regex.Pattern[str], bool]] = []
    for code, patterns in lexicon.relations.items():
        verbs = [p for p in patterns if not p.startswith("n:")]
        nouns = [p[2:] for p in patterns if p.startswith("n:")]
        for group, is_noun in ((verbs, False), (nouns, True)):
            if group:
                body = "|".join(f"(?:{p})" for p in group)
                out.append((code, regex.compile(rf"(?<!\w)(?:{body})(?!\w)", _FLAGS), is_noun))
    return tuple(out)


def find_relations(text: str, language: str | None) -> list[RelationMatch]:
    """Every relation word in ``text``, verbs before nouns, then by position."""
    return list(_relations(text, language))


@lru_cache(maxsize=4096)
def _relations(text: str, language: str | None) -> tuple[RelationMatch, ...]:
    # a clause is searched for its own claim and again for the claims around it
    lexicon = lexicon_for(language)
    lang = lexicon.language
    found: list[tuple[bool, int, int, int, RelationMatch]] = []
    for order, (code, pattern, is_noun) in enumerate(_compiled(lang)):
        for m in pattern.finditer(text):
            start, end = m.span("v") if m.groupdict().get("v") else m.span()
            single = not any(c.isspace() for c in text[start:end])
            if (
                not is_noun
                and single
                and lexicon.capitalised_nouns
                and _capitalised_word(text, start)
            ):
                continue  # German "Kämpfer" is a noun, "kämpfen" the verb
            verb = text[start:end].strip()
            match = RelationMatch(code, start, end, verb, is_noun)
            # at one position the longer phrase wins: "striking deals" is a deal, not a strike
            found.append((is_noun, start, -(m.end() - m.start()), order, match))
    found.sort(key=lambda item: item[:4])
    return tuple(item[4] for item in found)


def find_relation(text: str, language: str | None) -> RelationMatch | None:
    """The relation ``text`` states: its first verb in the lexicon, else its first noun."""
    found = find_relations(text, language)
    return found[0] if found else None


def _capitalised_word(text: str, start: int) -> bool:
    """A capitalised word that does not open a sentence."""
    if not text[start : start + 1].isupper():
        return False
    before = text[:start].rstrip(" \"'„“”«»‚‘’(")
    return bool(before) and before[-1] not in ".!?:;"


def lexicon(language: str | None) -> Lexicon:
    return lexicon_for(language)
