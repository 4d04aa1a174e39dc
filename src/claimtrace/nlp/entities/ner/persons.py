"""What a person's span must not hold, whatever backend found it.

- A role word after the name, also of a first name and a name the model took for a body
  ("wird die 32 Jahre alte Claudia Brandes Bürgermeisterin"):
  the name ends before it (roles.py reads it as the person's role).
- An opening quote without its closing one ('Eduardo "Wado' of 'Eduardo "Wado" de
  Pedro'): the name ends before the quote.
- A word of a show, prize or event after a person's name ("the Dan Wootton Interview
  podcast", "Nobel Prize"): a work named after the person, not the person (``OTHER``).
- A definite article first ("La Cámpora", "Die Linke"): no person's name ("Le Pen",
  "De Gaulle" keep theirs: "le"/"de" are no article here), ``ORG``.
- Two names joined by "&" or "and" ("Smeets & Duchateau", a citation; "Koch & Stevenson",
  a firm): no one person, ``OTHER``.
- A surname with the initials of a reference list ("Chittka L", "Guerin PM", "van Bebber
  C"): an author of a cited work, not a person the text talks about: dropped.
- Words before the first first name that are no name (a demonym or a party acronym:
  "Brytyjczyk Simon McCabe", "PSL Władysław Kosiniak-Kamysz"): left out.
- A digit, bracket or symbol (a line-up's marks "Alexander López(7", a postcode
  "CA 95064", a menu's "Accueil >"): the name ends before it; one word left is no name
  the text gave (dropped).
- No letter at all (of any label: "€", "--"): no entity.
"""

from __future__ import annotations

import regex

from claimtrace.nlp.entities.ner.base import Span
from claimtrace.nlp.text.words import split_words

_WORK_WORDS = split_words(
    "interview podcast show award awards prize preis trophy cup pokal memorial lecture "
    "festival foundation stiftung fundación fondation prix premio nagroda"
)
_ARTICLES = frozenset({"La", "El", "Los", "Las", "Die", "Der", "Das", "The", "Les", "Il", "Gli"})
_JOINERS = frozenset({"&", "and", "und", "et"})  # not "y": "Diego Silang y Andaya"
_INITIALS = regex.compile(r"^\p{Lu}{1,3}$")
_REGNAL = regex.compile(r"^[IVX]+$")  # "Konstantin II", "Napoleon I": no initials
_OPEN_QUOTES = '"“„«‹'
_CLOSE_QUOTES = '"”“»›'
_WORD = regex.compile(r"\S+")
_NOT_IN_NAME = regex.compile(r"[\p{N}()\[\]{}<>|/\\@#%=+*\p{Sc}]")
_LETTER = regex.compile(r"\p{L}")


def clean_person(text: str, span: Span) -> Span | None:
    """``span`` (a PERSON) without what no person's name holds (see the module doc), with
    another label when it names no person, or None when it is no entity to keep."""
    if not _LETTER.search(_t(text, span)):
        return None
    if span.label != "PERSON":
        return _person_with_role(text, span)
    span = _before_open_quote(text, span)
    if span is not None:
        span = _before_non_name(text, span)
    if span is None:
        return None
    words = [(span.start + m.start(), span.start + m.end()) for m in _WORD.finditer(_t(text, span))]
    names = [text[s:e] for s, e in words]
    if not names:
        return None
    if len(names) > 1 and names[0] in _ARTICLES:
        return span._replace(label="ORG")
    if any(w in _JOINERS for w in names[1:-1]):
        return span._replace(label="OTHER")
    if len(names) > 1 and _citation(names):
        return None
    if len(names) > 1 and names[-1].strip(".,").casefold() in _WORK_WORDS:
        return span._replace(label="OTHER")
    cut = _role_tail(names)
    if cut < len(names):
        span = span._replace(end=words[cut - 1][1])
        words, names = words[:cut], names[:cut]
    lead = _leading_non_names(names)
    if lead:
        span = span._replace(start=words[lead][0])
    return span


def _person_with_role(text: str, span: Span) -> Span:
    """A first name, a name and a role word the model took for a body ("Petra Lindner
    Bürgermeisterin" as ORG): the person's name."""
    words = [(span.start + m.start(), span.start + m.end()) for m in _WORD.finditer(_t(text, span))]
    names = [text[s:e] for s, e in words]
    if len(names) < 3 or not _first(names[0]):
        return span
    cut = _role_tail(names)
    if cut == len(names):
        return span
    return Span(span.start, words[cut - 1][1], "PERSON")


def _t(text: str, span: Span) -> str:
    return text[span.start : span.end]


def _before_non_name(text: str, span: Span) -> Span | None:
    """The name before its first digit, bracket or symbol; None when that leaves less than
    two words ("CA 95064", "Accueil >")."""
    found = _NOT_IN_NAME.search(_t(text, span))
    if found is None:
        return span
    head = _t(text, span)[: found.start()].rstrip(" -–,.;:'\"")
    if len(head.split()) < 2:
        return None
    return span._replace(end=span.start + len(head))


def _before_open_quote(text: str, span: Span) -> Span | None:
    name = _t(text, span)
    opened = -1
    for i, c in enumerate(name):
        if opened < 0 and c in _OPEN_QUOTES:
            opened = i
        elif opened >= 0 and c in _CLOSE_QUOTES:
            opened = -1
    if opened <= 0:
        return span
    head = name[:opened].rstrip()
    return span._replace(end=span.start + len(head)) if head else None


def _citation(names: list[str]) -> bool:
    """ "Chittka L", "Guerin PM", "van Bebber C": a surname, then initials without periods,
    and no first name first."""
    *head, last = names
    capitalised = [w for w in head if w[:1].isupper()]
    if not _INITIALS.match(last) or _REGNAL.match(last) or not capitalised:
        return False
    if _first(capitalised[0]):
        return False
    return all(w[:1].isupper() or w in ("van", "von", "de", "der", "den") for w in head)


def _role_tail(names: list[str]) -> int:
    """How many words to keep: the name before a role word that ends it."""
    from claimtrace.nlp.entities.mentions.roles import role_word

    for keep in range(2, len(names)):
        if role_word(names[keep:]):
            return keep
    return len(names)


def _leading_non_names(names: list[str]) -> int:
    """Words before the first first name that are no name: a demonym or title (a common
    word of some language) or an acronym, when a first name and a surname follow."""
    for i, word in enumerate(names[:3]):
        if _first(word):
            if 0 < i < len(names) - 1 and all(_no_name(w) for w in names[:i]):
                return i
            return 0
    return 0


def _first(word: str) -> bool:
    """A first name, or a hyphenated one of first names ("Jean-Yves")."""
    from claimtrace.nlp.entities.scan.evidence import is_first_name

    parts = word.split("-")
    return is_first_name(word) or (len(parts) > 1 and all(is_first_name(p) for p in parts))


def _no_name(word: str) -> bool:
    from claimtrace.nlp.entities.ner.lexicon import zipf

    if word.isupper() and 2 <= len(word) <= 5:
        return True  # a party or body acronym: "PSL", "CDU"
    low = word.casefold()
    return any(zipf(low, lang) >= 3.0 for lang in ("en", "de", "fr", "es", "pl"))
