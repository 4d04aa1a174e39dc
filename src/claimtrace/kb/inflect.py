"""Base-form guesses for inflected place names in languages whose case endings change the
end of a name beyond what a stemmer undoes ("w Polsce" -> "Polska", "Moskwie" -> "Moskwa",
"Wielkiej Brytanii" -> "Wielka Brytania"). Each guess is only a key to look up: a guess
that names no place finds nothing."""

from __future__ import annotations

from itertools import product

__all__ = ["base_forms"]

# (ending, replacement) of Polish declension on folded words (diacritics already gone, so
# "Pragę" is "prage"); every rule that applies gives one guess
_POLISH: tuple[tuple[str, str], ...] = (
    ("ii", "ia"),
    ("ji", "ja"),
    ("sce", "ska"),
    ("ce", "ka"),
    ("dze", "ga"),
    ("wie", "wa"),
    ("ie", "a"),
    ("ie", ""),
    ("iem", ""),
    ("em", ""),
    ("owi", ""),
    ("ach", "y"),
    ("ch", "chy"),
    ("ych", "e"),
    ("iej", "a"),
    ("ej", "a"),
    ("ego", "e"),
    ("e", "a"),
    ("y", "a"),
    ("i", "a"),
    ("i", ""),
    ("u", ""),
    ("a", ""),
    ("a", "o"),
)
# German dative plural and genitive: "den Niederlanden", "des Vereinigten Königreichs"
_GERMAN: tuple[tuple[str, str], ...] = (("en", "e"), ("n", ""), ("es", ""), ("s", ""))
_RULES = {"pl": _POLISH, "de": _GERMAN}
_MIN_STEM = 3
_MAX_GUESSES = 30


def _word_forms(word: str, rules: tuple[tuple[str, str], ...]) -> list[str]:
    forms = [word]
    for ending, replacement in rules:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            form = word[: len(word) - len(ending)] + replacement
            if form not in forms:
                forms.append(form)
    return forms


def base_forms(words: list[str], language: str | None) -> list[list[str]]:
    """Guessed nominative forms of a folded multi-word name (the name itself excluded);
    empty for languages without rules here."""
    rules = _RULES.get(language or "")
    if rules is None or not words or len(words) > 3:
        return []
    options = [_word_forms(w, rules) for w in words]
    out: list[list[str]] = []
    for combo in product(*options):
        guess = list(combo)
        if guess != words:
            out.append(guess)
        if len(out) >= _MAX_GUESSES:
            break
    return out
