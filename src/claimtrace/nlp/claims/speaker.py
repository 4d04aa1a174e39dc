"""The speaker as the subject of what they say: "We baled the government out", "er sei
bereit", "Smith said he would resign" — a first-person subject in reported content is the
speaker, and so is "he"/"she" when the speaker is a person. Precision first: "it", "they"
and "sie" (she or they) stay unresolved, as does "il" in "il faut".
"""

from __future__ import annotations

from typing import Any

FIRST_PERSON = {
    "en": frozenset({"i", "we"}),
    "de": frozenset({"ich", "wir"}),
    "fr": frozenset({"je", "j'", "j’", "nous"}),
    "es": frozenset({"yo", "nosotros", "nosotras"}),
}
THIRD_PERSON = {
    "en": frozenset({"he", "she"}),
    "de": frozenset({"er"}),
    "fr": frozenset({"il", "elle"}),
    "es": frozenset({"él", "ella"}),
}
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
_IMPERSONAL = frozenset({"falloir", "agir", "sembler", "paraître", "rester", "exister"})
_LEADS = frozenset({"that", "dass", "que", "qu'", "qu’", "daß"})
_PRO_DROP = frozenset({"es"})


def speaker_is_subject(text: str, language: str | None, parse: Any | None, person: bool) -> bool:
    """Whether the subject of the content ``text`` is its speaker (``person``: the speaker
    is a person, so "he"/"she" may stand for them)."""
    lang = (language or "").split("-")[0]
    first, third = FIRST_PERSON.get(lang), THIRD_PERSON.get(lang)
    if first is None or third is None:
        return False
    if parse is not None and len(parse):
        return _on_parse(parse, lang, first, third, person)
    words = [w.strip("\"'„“”«»,").casefold() for w in text.split()[:3]]
    words = [w for w in words if w and w not in _LEADS]
    if not words:
        return False
    return words[0] in first or (person and words[0] in third)


def _on_parse(
    doc: Any, lang: str, first: frozenset[str], third: frozenset[str], person: bool
) -> bool:
    roots = [t for t in doc if t.head.i == t.i]
    if not roots:
        return False
    root = roots[0]
    subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
    if subject is None:
        # Spanish drops the pronoun: "Hemos pedido ..." is the speaker's own act
        return lang in _PRO_DROP and root.pos_ in ("VERB", "AUX") and _first_person(root)
    word = subject.lower_
    if word in first:
        return True
    if not person or word not in third:
        return False
    return root.lemma_.lower() not in _IMPERSONAL and not any(
        c.lower_ == "y" for c in root.children
    )


def _first_person(token: Any) -> bool:
    marks = [token, *(c for c in token.children if c.dep_.startswith("aux"))]
    return any(t.morph.get("Person") == ["1"] for t in marks)
