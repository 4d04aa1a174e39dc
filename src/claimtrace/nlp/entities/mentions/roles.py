"""Roles of people: "the US-led coalition's spokesman Ryan Dillon", "Ryan Dillon, a spokesman
for the coalition", "Sprecher X", "le porte-parole X", "الرئيس السوري بشار الأسد".

A role word (``data/roles.json``) right before a person's name (at most one word between,
as in "Syrian President Bashar al-Assad" or "الرئيس السوري بشار الأسد"), or in an apposition
right after it (", a spokesman for ..."), gives the person's role; an actor named next to
the role word (before it, or after "for/of/de/des/von") gives the affiliation.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import replace

import regex

from claimtrace.kb.actors.files import curated_json
from claimtrace.kb.normalise import fold
from claimtrace.nlp.entities.mentions.records import ActorRef, LinkedMention
from claimtrace.nlp.entities.ner import Mention
from claimtrace.nlp.entities.ner.lexicon import STOPWORDS
from claimtrace.nlp.entities.scan.places import is_common_word
from claimtrace.nlp.text.tokens import ARABIC, Token, WordCache, joined

__all__ = ["assign_roles", "role_after", "role_before", "role_cued_names", "role_word"]

_WORD = regex.compile(r"[\p{L}\p{M}\p{Nd}]+")
_MAX_TERM = 4
_WINDOW = 80
_BREAK = regex.compile(r"[.;:!?\n()\[\]\"“”„«»]|,\s")
_APPOSITION = regex.compile(
    r"\s*,\s*(?:(?:a|an|the|der|die|das|ein|eine|le|la|l'|un|une|el|los|uno|una)\s+)?"
)
_LINKERS = frozenset(
    [
        "for",
        "of",
        "at",
        "with",
        "to",
        "des",
        "der",
        "von",
        "vom",
        "bei",
        "de",
        "du",
        "del",
        "la",
        "le",
        "l",
        "the",
    ]
)


@functools.lru_cache(maxsize=1)
def _terms() -> tuple[dict[tuple[str, ...], str], tuple[tuple[int, dict[str, str]], ...]]:
    """Role terms as folded word tuples -> role; German compound endings -> role, grouped
    by length, longest first."""
    terms: dict[tuple[str, ...], str] = {}
    endings: dict[int, dict[str, str]] = {}
    for role, by_language in curated_json("roles.json")["roles"].items():
        for language, words in by_language.items():
            for term in words:
                key = tuple(fold(term).split())
                terms.setdefault(key, role)
                if language == "de" and len(key) == 1 and len(key[0]) >= 6:
                    endings.setdefault(len(key[0]), {}).setdefault(key[0], role)
    return terms, tuple(sorted(endings.items(), reverse=True))


def _role_of(words: Sequence[str]) -> str | None:
    terms, endings = _terms()
    key = tuple(words)
    if key in terms:
        return terms[key]
    if len(key) == 1:
        word = key[0]
        for size, by_ending in endings:
            if len(word) > size + 2 and word[-size:] in by_ending:
                return by_ending[word[-size:]]
    return None


_MIN_TAIL_ROLE = 7  # "King", "Bishop", "Judge", "Prince": surnames too


def role_word(words: Sequence[str]) -> bool:
    """Whether ``words`` open with a role term of at least seven letters that is no common
    surname ("Bürgermeisterin", "President"; not "King" of Martin Luther King)."""
    for size in range(min(_MAX_TERM, len(words)), 0, -1):
        key = [_folded(w) for w in words[:size]]
        if len("".join(key)) >= _MIN_TAIL_ROLE and _role_of(key) is not None:
            return True
    return False


@functools.lru_cache(maxsize=100_000)
def _folded(word: str) -> str:
    return fold(word)


def _words(text: str, offset: int) -> list[tuple[int, int, str]]:
    return [(offset + m.start(), offset + m.end(), fold(m.group())) for m in _WORD.finditer(text)]


def role_before(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """(role, role start, role end) for a role word before or at the head of the name
    ``text[start:end]``."""
    lo = max(0, start - _WINDOW)
    breaks = list(_BREAK.finditer(text, lo, start))
    if breaks:
        lo = breaks[-1].end()
    words = _words(text[lo:end], lo)
    name_words = [w for w in words if w[0] >= start]
    best = None
    for i in range(len(words)):
        for size in range(min(_MAX_TERM, len(words) - i), 0, -1):
            last = i + size - 1
            role = _role_of([w[2] for w in words[i : last + 1]])
            if role is None:
                continue
            after = [w for w in words[last + 1 :] if w[0] < start]
            inside = words[last][1] > start
            left = [w for w in name_words if w[0] > words[last][1]]
            fits = (inside and len(left) >= 1) or (not inside and len(after) <= 1)
            if fits and (best is None or words[last][1] > best[2]):
                best = (role, words[i][0], words[last][1])
            break
    return best


def role_after(text: str, end: int) -> tuple[str, int, int] | None:
    """(role, start, end) of an apposition ", a spokesman for ..." after a name."""
    m = _APPOSITION.match(text, end, min(len(text), end + 40))
    if m is None or m.end() == end:
        return None
    stop = _BREAK.search(text, m.end(), min(len(text), m.end() + 60))
    words = _words(text[m.end() : stop.start() if stop else m.end() + 60], m.end())
    for count in range(min(_MAX_TERM + 2, len(words)), 0, -1):
        for size in range(min(_MAX_TERM, count), 0, -1):
            first = count - size
            if first > 2:
                continue
            role = _role_of([w[2] for w in words[first:count]])
            if role is not None:
                rest = words[count:]
                if not rest or rest[0][2] in _LINKERS:
                    return role, words[first][0], words[count - 1][1]
    return None


def role_next(text: str, end: int) -> tuple[str, int, int] | None:
    """(role, start, end) of a role word right after a name, a space between ("wird
    Claudia Brandes Bürgermeisterin der Stadt"): seven letters at least (see role_word)."""
    if text[end : end + 1] != " ":
        return None
    words = _words(text[end : min(len(text), end + 60)], end)
    if not words or words[0][0] != end + 1:
        return None
    for size in range(min(_MAX_TERM, len(words)), 0, -1):
        key = [w[2] for w in words[:size]]
        role = _role_of(key)
        linked = not _BREAK.search(text, end, words[size - 1][1])
        if role is not None and linked and len("".join(key)) >= _MIN_TAIL_ROLE:
            return role, words[0][0], words[size - 1][1]
    return None


def _affiliation(
    text: str, role: tuple[str, int, int], person: LinkedMention, linked: Sequence[LinkedMention]
) -> str | None:
    """The actor named next to the role: ending just before it, or right after it."""
    _, r_start, r_end = role
    for lm in linked:
        if lm is person or lm.actor_id is None:
            continue
        m = lm.mention
        if m.end <= r_start and not _gap_breaks(text[m.end : r_start], 2):
            return lm.actor_id
        if m.start >= r_end and m.start - r_end < 40:
            gap = [w for w in _words(text[r_end : m.start], r_end)]
            if (
                len(gap) <= 2
                and all(w[2] in _LINKERS for w in gap)
                and not _BREAK.search(text, r_end, m.start)
                and (gap or m.start < person.mention.start)
            ):
                return lm.actor_id
    return None


def _names_another(
    role: tuple[str, int, int], person: LinkedMention, linked: Sequence[LinkedMention]
) -> bool:
    """Whether the role word is part of another named mention: "King asked Scott" (Gayle
    King), "Bishop said" (a Mr Bishop) are names, not roles."""
    _, start, end = role
    return any(
        lm is not person
        and lm.actor_id is not None
        and lm.mention.start < end
        and start < lm.mention.end
        for lm in linked
    )


def _gap_breaks(gap: str, max_words: int) -> bool:
    return bool(_BREAK.search(gap)) or len(_WORD.findall(gap.replace("'s", " "))) > max_words


def assign_roles(
    text: str,
    linked: Sequence[LinkedMention],
    refs: dict[str, ActorRef],
    name_actor: Callable[[str, str], str | None] | None = None,
) -> dict[str, ActorRef]:
    """``refs`` with the role and affiliation of each person the text gives one (the first
    the document states wins). ``name_actor(words, language)`` names the actor of words
    inside the person's own mention ("Syrian" in "Syrian President Bashar al-Assad")."""
    out = dict(refs)
    for lm in linked:
        ref = out.get(lm.actor_id or "")
        if ref is None or ref.type != "person" or ref.role is not None:
            continue
        m = lm.mention
        role = role_before(text, m.start, m.end) or role_after(text, m.end)
        role = role or role_next(text, m.end)
        if role is None or _names_another(role, lm, linked):
            continue
        affiliation = _affiliation(text, role, lm, linked)
        head = text[m.start : role[1]].strip(" -'’")
        if affiliation is None and head and name_actor is not None:
            affiliation = name_actor(head, m.language)
        out[ref.id] = replace(ref, role=role[0], affiliation=affiliation)
    return out


def role_cued_names(
    text: str,
    paragraphs: Sequence[tuple[int, int, str | None]],
    cache: WordCache | None = None,
) -> list[Mention]:
    """Names right after a role word, which models without German ("Außenministerin Annalena
    Baerbock", "Regierungssprecher Steffen Hebestreit") or any model may miss: up to three
    capitalised words. Uncased scripts are left to the Arabic rules."""
    found: list[Mention] = []
    cache = cache if cache is not None else WordCache()
    for p_start, p_end, language in paragraphs:
        lang = language or "und"
        words = cache.get(text, p_start, p_end, lang)
        stop = STOPWORDS.get(lang, frozenset())
        i = 0
        while i < len(words):
            end = _role_end(words, i)
            if end is None:
                i += 1
                continue
            name = _name_after(words, end, stop, lang)
            if name:
                start, stop_at = words[name[0]].start, words[name[-1]].end
                found.append(Mention(start, stop_at, text[start:stop_at], "PERSON", lang, "roles"))
                i = name[-1] + 1
            else:
                i = end + 1
    return found


def _role_end(words: Sequence[Token], i: int) -> int | None:
    """Index of the last word of a role term starting at word ``i``."""
    for size in (3, 2, 1):
        last = i + size - 1
        if last >= len(words):
            continue
        linked = all(joined(words[k - 1], words[k]) for k in range(i + 1, last + 1))
        if linked and _role_of([_folded(w.text) for w in words[i : last + 1]]):
            return last
    return None


_NAME_PARTICLES = frozenset(
    {"de", "von", "van", "du", "da", "di", "del", "della", "le", "la", "al", "bin", "ibn", "zu"}
)


def _name_after(words: Sequence[Token], end: int, stop: frozenset[str], language: str) -> list[int]:
    """Up to three name words after a role: parts of a hyphenated word count as one
    ("Jean-Yves"), a particle between name words does not count ("Amélie de Montchalin")."""
    name: list[int] = []
    size = 0
    k = end + 1
    while k < len(words) and size < 3 and joined(words[k - 1], words[k]):
        word = words[k].text
        particle = (
            bool(name)
            and word in _NAME_PARTICLES
            and k + 1 < len(words)
            and joined(words[k], words[k + 1])
            and words[k + 1].text[:1].isupper()
        )
        if not particle and (
            ARABIC.match(word) or not word[:1].isupper() or word.casefold() in stop
        ):
            break
        if _role_end(words, k) is not None:
            break
        hyphen = bool(name) and words[k].gap.strip() in ("-", "\u2010", "\u2011")
        name.append(k)
        size += 0 if particle or hyphen else 1
        k += 1
    if len(name) == 1 and is_common_word(words[name[0]].text, language):
        return []
    return name
