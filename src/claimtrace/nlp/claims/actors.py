"""The actors a claim names: linked mentions from the analysis, plus descriptor phrases the
NER does not tag as names ("government forces", "Streitkräfte des Regimes", "the regime")
matched against the actor table with the document's countries as context."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from claimtrace.kb.actors.table import ActorMatch
from claimtrace.nlp.analyse import Analysis, actor_table
from claimtrace.nlp.claims.lexicon import Lexicon

_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’\-]*")
_MAX_WORDS = 5
_STRONG = 1  # spelling, stem or transliteration matches only (see kb/normalise.py)
# a phrase starting with one of these is not a name ("to government" is no actor)
_FUNCTION_WORDS = frozenset(
    [
        "to",
        "by",
        "of",
        "in",
        "on",
        "at",
        "for",
        "from",
        "with",
        "into",
        "onto",
        "and",
        "or",
        "but",
        "back",
        "that",
        "which",
        "who",
        "as",
        "than",
        "via",
        "over",
        "under",
        "between",
        "against",
        "after",
        "before",
        "about",
        "zu",
        "von",
        "vom",
        "mit",
        "im",
        "an",
        "am",
        "auf",
        "für",
        "aus",
        "bei",
        "nach",
        "und",
        "oder",
        "gegen",
        "zwischen",
        "durch",
        "über",
        "à",
        "de",
        "du",
        "des",
        "par",
        "pour",
        "avec",
        "en",
        "dans",
        "et",
        "ou",
        "contre",
        "entre",
        "sur",
        "a",
        "del",
        "por",
        "para",
        "con",
        "y",
        "o",
        "sobre",
    ]
)


@dataclass(frozen=True)
class ActorSpan:
    start: int
    end: int
    actor_id: str
    text: str
    place: bool = False  # the mention is also a place ("Syria", "Damascus")


def document_context(analysis: Analysis) -> frozenset[str]:
    """Country codes of the document's places: they disambiguate "the regime"."""
    return frozenset(p.country_code for p in analysis.places if p.country_code)


def actors_in(
    text: str,
    start: int,
    end: int,
    analysis: Analysis,
    lexicon: Lexicon,
    context: frozenset[str],
) -> list[ActorSpan]:
    """Actors named in ``text[start:end]``, in text order, longest phrase winning."""
    found = [
        ActorSpan(lm.mention.start, lm.mention.end, lm.actor_id, lm.mention.text, bool(lm.place_id))
        for lm in analysis.mentions
        if lm.actor_id
        and start <= lm.mention.start
        and lm.mention.end <= end
        and not modifier_only(text, lm.mention.start, lm.mention.end, lm.mention.label, lexicon)
        and not _located(text, lm.mention.start, lm.mention.end, lm.actor_id)
        and not backer_only(text, lm.mention.start, lm.mention.end, lexicon.language)
    ]
    for phrase in _descriptor_phrases(text, start, end, lexicon, context):
        inside = [a for a in found if phrase.start <= a.start and a.end <= phrase.end]
        if any(a.start < phrase.end and phrase.start < a.end for a in found if a not in inside):
            continue
        found = [a for a in found if a not in inside] + [phrase]
    return sorted(found, key=lambda a: a.start)


# "the dam on the Euphrates", "am Euphrat", "sur l'Euphrate", "a orillas del Éufrates": a
# name the actor table does not know, placed by a feature it lies on, is a river or a
# region, not an actor
_LOCATED_BEFORE = regex.compile(
    r"(?:\b(?:dam|bridge|city|town|village|port|bank|banks|shore|shores|valley|crossing|"
    r"island|coast|border)\s+(?:[\p{L}\-]+\s+){0,2}?(?:on|of|along)\s+the|"
    r"\b(?:along|across|upstream\s+on|downstream\s+on)\s+the|"
    r"\b(?:am|an\s+der|entlang\s+des|entlang\s+der|jenseits\s+des|flussaufwärts\s+am)|"
    r"\b(?:barrage|pont|ville|rive|rives|vallée)\s+(?:[\p{L}\-]+\s+){0,2}?(?:sur|de)\s+l['’]|"
    r"\b(?:le\s+long\s+de|au\s+bord\s+de)\s+l['’]|"
    r"\b(?:presa|puente|ciudad|orilla|orillas|valle)\s+(?:[\p{L}\-]+\s+){0,2}?"
    r"(?:sobre|en|de)\s+el|\ba\s+orillas\s+del)\s*$",
    regex.IGNORECASE,
)
_LOCATED_AFTER = regex.compile(
    r"^\s+(?:river|valley|basin|Fluss|Tal|fleuve|vallée|río|valle)\b", regex.I
)


def _located(text: str, start: int, end: int, actor_id: str) -> bool:
    """An unknown name (``actor:x-…``) a feature places: a river or region, no actor."""
    if not actor_id.startswith("actor:x-"):
        return False
    before = text[max(0, start - 60) : start]
    return bool(_LOCATED_BEFORE.search(before) or _LOCATED_AFTER.match(text, end, end + 20))


_NEXT_WORD = regex.compile(r"[ \t\u00a0]+([\p{L}\p{M}][\p{L}\p{M}\-]*)")
_PREVIOUS_WORD = regex.compile(r"([\p{L}\p{M}][\p{L}\p{M}\-]*)[ \t\u00a0]+$")


def modifier_only(text: str, start: int, end: int, label: str, lexicon: Lexicon) -> bool:
    """A name that only modifies another word and names no actor: the first half of
    "Iran-linked", "IS-controlled", or a national adjective before a noun other than one
    through which a state acts ("Syrian civilians", "the Syrian dictator", "syrische
    Organisationen", "civils syriens"; but "Iranian weapons", "Russian officials")."""
    joined = text[end : end + 1] == "-" and text[end + 1 : end + 2].isalpha()
    if joined and (text[end + 1 : end + 2].islower() or label == "NORP"):
        return True  # "Iran-linked", "the Syrian-Lebanese border"
    if label != "NORP":
        return False
    surface = text[start:end]
    if surface[:1].islower() and lexicon.language in ("fr", "es"):
        before = _PREVIOUS_WORD.search(text, 0, start)  # "les civils syriens"
        noun = before.group(1) if before else None
    else:
        after = _NEXT_WORD.match(text, end)
        noun = after.group(1) if after else None
    if noun is None or noun.casefold() in _FUNCTION_WORDS:
        return False  # "the Iranians", "Syrians and Iraqis"
    folded = noun.casefold()
    if lexicon.language == "de":  # compounds end on their head: "Verteidigungsministerium"
        return not any(
            folded.startswith(stem) or (len(stem) >= 6 and stem in folded)
            for stem in lexicon.state_nouns
        )
    return not any(folded.startswith(stem) for stem in lexicon.state_nouns)


# participles of backing and control: "factions backed by Turkey", "soutenues par la
# Turquie", "respaldadas por Turquía", "von der Türkei unterstützte Milizen" name the
# factions; the backer only describes them (stems; the endings vary)
_BACKED = {
    "en": r"(?:backed|supported|sponsored|funded|financed|armed|trained|allied|aligned|"
    r"affiliated|linked|controlled|led|run|commanded)",
    "fr": r"(?:soutenu|appuyé|parrainé|financé|armé|formé|allié|affilié|lié|contrôlé|"
    r"dirigé|commandé)(?:e|s|es)?",
    "es": r"(?:respaldad|apoyad|patrocinad|financiad|armad|entrenad|aliad|afiliad|vinculad|"
    r"controlad|dirigid|comandad)(?:o|a|os|as)",
    "de": r"(?:unterstützt|gestützt|gesponsert|finanziert|bewaffnet|ausgebildet|verbündet|"
    r"kontrolliert|geführt|gesteuert|befehligt)(?:e|en|er|es|em)",
}
_BACKER_BEFORE = {
    lang: regex.compile(
        rf"(?<![,;:(]\s*)(?<=\p{{L}}\s+){body}\s+(?:by|par|por)\s+"
        r"(?:(?:the|la|le|les|l['’]|el|los|las)\s*)?$",
        regex.IGNORECASE,
    )
    for lang, body in _BACKED.items()
    if lang != "de"
}
_BACKER_DE = regex.compile(rf"^\s+{_BACKED['de']}\s+\p{{Lu}}")
_VON = regex.compile(r"\b(?:von|vom)\s+(?:(?:der|dem|den)\s+)?$", regex.IGNORECASE)
_AUXILIARIES = regex.compile(
    r"\b(?:is|are|was|were|be|been|being|est|sont|été|était|étaient|fut|es|son|fue|fueron|"
    r"sido|era|eran)\s+\p{L}+\s+\p{L}+\s+(?:(?:the|la|le|les|l['’]|el|los|las)\s*)?$",
    regex.IGNORECASE,
)


def backer_only(text: str, start: int, end: int, language: str | None) -> bool:
    """A name that only says who backs or controls the noun before it ("factions backed by
    Turkey", "von der Türkei unterstützte Milizen"): not the one acting or acted on. A
    passive ("was backed by Turkey") keeps its agent."""
    if language == "de":
        return bool(_VON.search(text, max(0, start - 20), start)) and bool(
            _BACKER_DE.match(text[end : end + 40])
        )
    pattern = _BACKER_BEFORE.get(language or "")
    if pattern is None:
        return False
    before = text[max(0, start - 60) : start]
    return bool(pattern.search(before)) and not _AUXILIARIES.search(before)


def _descriptor_phrases(
    text: str, start: int, end: int, lexicon: Lexicon, context: frozenset[str]
) -> list[ActorSpan]:
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]
    folded = [w.casefold() for _, _, w in words]
    group = [f in lexicon.group_nouns for f in folded]
    capital = [w[:1].isupper() for _, _, w in words]
    tokens = frozenset(context) | {"role:actor"}
    out: list[ActorSpan] = []
    i = 0
    while i < len(words):
        matched = None
        for n in range(min(_MAX_WORDS, len(words) - i), 0, -1):
            if not _candidate(folded, group, capital, i, n, lexicon):
                continue
            piece = words[i : i + n]
            phrase = text[piece[0][0] : piece[-1][1]]
            found = _table_candidates(phrase, lexicon.language, tokens)
            if not found or found[0].strength > _STRONG:
                continue
            if found[0].rule == "descriptor" and not phrase[:1].isupper():
                continue  # "to government": a descriptor rule needs a name to stand on
            if len(found) > 1 and found[1].rank == found[0].rank:
                continue
            matched = ActorSpan(piece[0][0], piece[-1][1], found[0].actor.id, phrase)
            i += n
            break
        if matched is None:
            i += 1
        else:
            out.append(matched)
    return out


@functools.lru_cache(maxsize=50_000)
def _table_candidates(
    phrase: str, language: str, context: frozenset[str]
) -> tuple[ActorMatch, ...]:
    """The actor table's answer for a phrase (the table is fixed for the process, so the
    answer depends only on the key; contents overlap, and the same phrases come back)."""
    return tuple(actor_table().candidates(phrase, language, context))


def _candidate(
    folded: Sequence[str],
    group: Sequence[bool],
    capital: Sequence[bool],
    i: int,
    n: int,
    lexicon: Lexicon,
) -> bool:
    """Whether words ``i`` to ``i + n`` are worth a table lookup: they hold a group noun
    ("forces"), or name with capitals (``folded``, ``group``, ``capital``: per word)."""
    if folded[i] in _FUNCTION_WORDS:
        return False
    if any(group[i : i + n]):
        return True
    # German capitalises every noun, so capitals alone say nothing there
    return lexicon.language != "de" and n > 1 and all(capital[i : i + n])
