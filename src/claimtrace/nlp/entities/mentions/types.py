"""Types of names the actor table does not know, from evidence in the name and the text.

An NER model's PERSON is a guess, and for German news (every noun capitalised) often a wrong
one: "Fairness", "Petersallee", "Jungle World", "Free Cash Flow". An unknown name stays a
person only with evidence: a first name from gender-guesser's list, a role the text gives it
("Sprecher X", "X, the minister"), or a full name of the same document it is the surname of.
Otherwise it is an outlet (a newspaper, agency or broadcaster word in the name), a street or
other name (a street word), or, for an everyday word alone, no entity at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from claimtrace.nlp.entities.mentions.records import ActorRef, LinkedMention
from claimtrace.nlp.entities.ner.lexicon import zipf
from claimtrace.nlp.entities.scan.evidence import (
    everyday_word,
    german_common_noun,
    is_first_name,
    sentence_initial,
)
from claimtrace.nlp.text.words import split_words

__all__ = ["settle_unknown_types", "unknown_type"]

_OUTLET_WORDS = split_words(
    "news times post wire world herald gazette tribune journal press presse agency "
    "agentur zeitung tagblatt rundschau kurier anzeiger nachrichten allgemeine tageszeitung "
    "radio tv fernsehen rundfunk magazin magazine monde figaro libération diario periódico "
    "gazeta dziennik wiadomości telegraph guardian observer chronicle courier reuters "
    "express mirror bulletin"
)
_OUTLET_ENDINGS = ("zeitung", "funk", "blatt", "presse", "news", "nachrichten")
_STREET_WORDS = split_words(
    "street avenue road boulevard lane square quay wharf pier straße strasse allee weg platz "
    "gasse damm ufer kai chaussee rue place quai calle avenida plaza muelle via piazza viale "
    "ulica aleja plac"
)
_STREET_ENDINGS = ("straße", "strasse", "allee", "gasse", "chaussee", "platz", "damm", "ufer")
# words of a body's name: "Stanford Universität", "Bill Gates Foundation", "Hapag-Lloyd AG"
_BODY_WORDS = split_words(
    "university universität universidad université universita college foundation stiftung "
    "fundación fundacion fondation institute institut instituto hospital klinik klinikum "
    "clínica clinique clinic ministry ministerium ministerio ministère company companies "
    "corporation holding holdings group inc ltd llc plc gmbh ag sa nv bv spa kg se oy oyj ab "
    "association verband verein union partei partido party council bank verlag publishing"
)
# nouns that type a name next to them as a company: "la compañía belga", "the firm"
_COMPANY_NOUNS = split_words(
    "company firm corporation conglomerate multinational carrier compañía compania empresa "
    "naviera firma sociedad multinacional konzern unternehmen hersteller gesellschaft "
    "société societe entreprise compagnie groupe"
)
_CUE_WINDOW = 80
_SENTENCE_END = ".!?\n"
_PARTICLES = split_words("von van der de di da del la le al el bin ibn ben du dos das zu")
_COMMON_ZIPF = 3.5
_EVERYDAY_ZIPF = 4.5
_WEAK_BACKENDS = frozenset({"rules", "spacy:claimtrace_ner_de"})
_ENGLISH = "en"


def _words(name: str) -> list[str]:
    return [w.strip(".,;:!?\"'’„“”()").casefold() for w in name.split() if w.strip()]


def _common(word: str, language: str | None) -> bool:
    return any(zipf(word.casefold(), lang) >= _COMMON_ZIPF for lang in {language, _ENGLISH} if lang)


def _first_name(word: str, language: str | None) -> bool:
    """A first name that is not first of all an everyday word ("Última" is in the list)."""
    return _is_first_name(word, language) and not everyday_word(
        word, language, False, first_names=False
    )


def _is_first_name(word: str, language: str | None) -> bool:
    """A first name, or in Polish one in a case form: "Zbigniewa" (genitive of Zbigniew),
    "Rafałowi" (dative of Rafał), "Mateuszem" (instrumental)."""
    if is_first_name(word):
        return True
    if language != "pl" or not word[:1].isupper():
        return False
    from claimtrace.kb.inflect import base_forms

    return any(is_first_name(form[0]) for form in base_forms([word.casefold()], "pl"))


def unknown_type(
    name: str,
    language: str | None,
    *,
    role: bool,
    strict: bool,
    company: bool = False,
    never_short: bool = False,
) -> str | None:
    """``person``, ``media_outlet``, ``other`` or None (no entity) for an unknown name an
    NER model called a person; ``role``: the text gives it a role; ``strict``: the model
    is one whose PERSON is a weak guess (German nouns, the rules), so a multi-word name needs
    a first name too; ``company``: a company noun stands next to it ("la compañía ...");
    ``never_short``: the text names it in full again and again, never by a surname, as it
    does a company ("Katoen Natie") and rarely a person."""
    text = name.strip()
    words = _words(text)
    if not words or not text[:1].isupper():
        return None
    if any(w in _OUTLET_WORDS or w.endswith(_OUTLET_ENDINGS) for w in words):
        return "media_outlet"
    if any(w in _STREET_WORDS or w.endswith(_STREET_ENDINGS) for w in words):
        return "other"
    if len(words) > 1 and any(w in _BODY_WORDS for w in words):
        return "other"
    if _names_a_place(text):
        return "other"  # "Milton Keynes North" (a constituency)
    no_first_name = not _first_name(text.split()[0], language)
    everyday = len(words) > 1 and all(_common(w, language) for w in words)
    if role:
        # "Última Hora" (a newspaper) was given "journalist": words, no person's name
        return "other" if everyday and no_first_name else "person"
    first = text.split()[0]
    if len(words) > 1 and (company or never_short) and not _is_first_name(first, language):
        return "other"
    if everyday and no_first_name:
        return None  # "Education Officer", "Chief Executive": a role, nobody named
    if len(words) == 1:
        word = text.split()[0]
        if _is_first_name(word, language):
            return None  # "Peta", "Suresh": a first name alone names nobody we can tell
        # an everyday word of the text's language ("Fairness", "Travailler"); a known
        # surname alone ("Hitler") is frequent too, but less so
        everyday = zipf(word.casefold(), language or _ENGLISH) >= _EVERYDAY_ZIPF
        if everyday or (language == "de" and german_common_noun(word)):
            return None
        return "other"
    if not strict:
        return "person"
    originals = text.split()
    if any(w[:1].islower() and w not in _PARTICLES for w in originals[1:-1]):
        return "other"  # "Nine to Five"
    if _is_first_name(first, language):
        return "person"
    if language == "de" and any(german_common_noun(w) for w in originals):
        return "other"
    if sum(_common(w, language) for w in words) >= len(words) - 1:
        return "other"  # "Free Cash Flow", "Nine to Five"
    return "person"


def _names_a_place(name: str) -> bool:
    """A town, region or country named by its own name, alone or with a direction or
    qualifier word ("Milton Keynes North", "Kent County")."""
    from claimtrace.kb.normalise import fold
    from claimtrace.kb.places.gazetteer import candidates, split_qualifier
    from claimtrace.nlp.entities.scan.places import names_a_direction

    words = name.split()
    core = split_qualifier(name)[0]
    if len(words) > 1 and names_a_direction(words[-1]):
        core = " ".join(words[:-1])
    if core == name and len(words) < 2:
        return False
    for found in candidates(core, None, 0)[:3]:
        place = found.place
        if fold(place.name) == fold(core) and (place.kind != "city" or place.population >= 50_000):
            return True
    return False


def _company_cue(text: str, start: int, end: int) -> bool:
    """A company noun in the same sentence, at most ``_CUE_WINDOW`` characters away."""
    lo = max(0, start - _CUE_WINDOW)
    hi = min(len(text), end + _CUE_WINDOW)
    before = text[lo:start]
    after = text[end:hi]
    for mark in _SENTENCE_END:
        before = before.rsplit(mark, 1)[-1]
        after = after.split(mark, 1)[0]
    return any(w in _COMPANY_NOUNS for w in _words(f"{before} {after}"))


def settle_unknown_types(
    linked: Sequence[LinkedMention], actors: dict[str, ActorRef], text: str = ""
) -> tuple[list[LinkedMention], dict[str, ActorRef]]:
    """Unknown persons retyped by evidence (see the module doc); names that are no entity
    lose their actor link. ``text``: the document's text, for the words around mentions."""
    out = dict(actors)
    dropped: set[str] = set()
    for ref in actors.values():
        if not ref.id.startswith("actor:x-"):
            continue
        mentions = [lm.mention for lm in linked if lm.actor_id == ref.id]
        if mentions and all(
            len(m.text.split()) == 1
            and everyday_word(m.text, m.language, bool(text) and sentence_initial(text, m.start))
            for m in mentions
        ):
            dropped.add(ref.id)  # "Además", "Ningún", "¿Cuáles": no name at all
            del out[ref.id]
            continue
        if ref.type != "person":
            continue
        mentions = [lm.mention for lm in linked if lm.actor_id == ref.id]
        language = mentions[0].language if mentions else None
        # a full name among the mentions is the evidence the short ones lack
        name = max((m.text for m in mentions), key=len, default=ref.name)
        strict = any(m.backend in _WEAK_BACKENDS for m in mentions)
        company = bool(text) and any(_company_cue(text, m.start, m.end) for m in mentions)
        full = [m for m in mentions if len(m.text.split()) > 1]
        never_short = len(full) >= 2 and len(full) == len(mentions)
        kind = unknown_type(
            name,
            language,
            role=ref.role is not None,
            strict=strict,
            company=company,
            never_short=never_short,
        )
        if kind is None:
            dropped.add(ref.id)
            del out[ref.id]
        elif kind != "person":
            out[ref.id] = replace(ref, type=kind, role=None, affiliation=None)
    kept = [replace(lm, actor_id=None) if lm.actor_id in dropped else lm for lm in linked]
    return kept, out
