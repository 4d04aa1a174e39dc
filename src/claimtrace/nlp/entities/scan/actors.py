"""Alias scanner: every alias of the actor table found in running text, NER or not.

A token trie over the scan keys of all aliases (see ``scan_text``) proposes spans in one
left-to-right pass (longest match first); the actor table then decides whether the span
names an actor, with its case rules, its context gates ("the regime" only in a document
about Syria) and its ranking. A dict-of-dicts trie over word keys is enough here: aliases are
a few words long and a word-level walk keeps offsets, inflection and Arabic proclitics simple,
which a character automaton (pyahocorasick) over folded text would not.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from claimtrace.kb.actors.table import ActorMatch, ActorTable
from claimtrace.kb.normalise import strip_articles_cased
from claimtrace.nlp.entities.ner.lexicon import zipf
from claimtrace.nlp.entities.scan.places import first_name_of
from claimtrace.nlp.text.tokens import Token, WordCache, joined, phrase_keys

__all__ = ["ActorHit", "ActorScanner", "label_for"]

_MAX_WORDS = 8
_END = ""  # trie key marking that an alias ends at this node (word keys are never empty)
_LABELS = {"state": "GPE", "person": "PERSON"}


@dataclass(frozen=True)
class ActorHit:
    """A span naming an actor: ``matches`` are the best, equally ranked candidates (more than
    one when the table cannot decide, e.g. "the regime" in a text about Syria and Iran)."""

    start: int
    end: int
    text: str
    language: str
    matches: tuple[ActorMatch, ...]


def label_for(match: ActorMatch, text: str) -> str:
    """The NER label a scanned actor mention gets: a state's adjective is NORP."""
    actor = match.actor
    if actor.type == "state":
        # scripts without case (Arabic) name the state unless the word is an adjective
        named = text[:1].isupper() or not text[:1].islower()
        return "GPE" if named and not _adjective(text) else "NORP"
    return _LABELS.get(actor.type, "ORG")


def _adjective(text: str) -> bool:
    word = text.split()[-1].casefold()
    return word.endswith(("ian", "ese", "ish", "isch", "ische", "ischen", "ien", "ienne", "ano"))


class ActorScanner:
    """Finds aliases of ``table`` in text; one trie per paragraph language, built lazily."""

    def __init__(self, table: ActorTable) -> None:
        self.table = table
        self._tries: dict[str, dict[str, dict]] = {}  # type: ignore[type-arg]
        self._lock = threading.Lock()

    def _trie(self, language: str) -> dict[str, dict]:  # type: ignore[type-arg]
        with self._lock:
            trie = self._tries.get(language)
            if trie is None:
                trie = {}
                for actor in self.table.actors.values():
                    for alias in actor.aliases:
                        keys = phrase_keys(alias.text, language)
                        if not keys or len(keys) > _MAX_WORDS:
                            continue
                        node = trie
                        for key in keys:
                            node = node.setdefault(key, {})
                        node[_END] = {}
                self._tries[language] = trie
            return trie

    def scan(
        self,
        text: str,
        paragraphs: Sequence[tuple[int, int, str | None]],
        context: Iterable[str] = (),
        cache: WordCache | None = None,
    ) -> list[ActorHit]:
        """Actor mentions in ``text``, paragraph by paragraph, without overlaps."""
        context = frozenset(context)
        cache = cache if cache is not None else WordCache()
        hits: list[ActorHit] = []
        for start, end, language in paragraphs:
            lang = language or "und"
            words = cache.get(text, start, end, lang)
            hits.extend(self._scan_words(text, words, lang, context))
        return hits

    def _scan_words(
        self, text: str, words: list[Token], language: str, context: frozenset[str]
    ) -> list[ActorHit]:
        trie = self._trie(language)
        hits: list[ActorHit] = []
        i = 0
        while i < len(words):
            hit = self._longest(text, words, i, trie, language, context)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            while i < len(words) and words[i].start < hit.end:
                i += 1
        return hits

    def _longest(
        self,
        text: str,
        words: list[Token],
        i: int,
        trie: dict[str, dict],  # type: ignore[type-arg]
        language: str,
        context: frozenset[str],
    ) -> ActorHit | None:
        first = words[i]
        for key, shift in ((first.key, 0), *first.bare):
            if key not in trie:
                continue
            ends: list[int] = []
            node = trie[key]
            j = i
            while True:
                if _END in node:
                    ends.append(j)
                if j + 1 >= len(words) or j + 1 - i >= _MAX_WORDS:
                    break
                nxt = words[j + 1]
                if not joined(words[j], nxt) or nxt.key not in node:
                    break
                node = node[nxt.key]
                j += 1
            for last in reversed(ends):
                start, end = first.start + shift, words[last].end
                following = text[end : end + 40]
                hit = self._verify(text[start:end], start, end, language, context, following)
                if hit is not None:
                    return hit
        return None

    def _verify(
        self,
        span: str,
        start: int,
        end: int,
        language: str,
        context: frozenset[str],
        following: str = "",
    ) -> ActorHit | None:
        if first_name_of(span, following, language):
            return None  # "Dominique Parent-Massin", "Georges Prêtre": a person, not a country
        keys = phrase_keys(span, language)
        # the candidate must be an alias the trie walked (same scan keys): a looser table
        # match ("بيروت" Beirut ~ "بيرو" Peru) of a context-gated alias is not a hit
        found = [
            m
            for m in self.table.candidates(span, language, context)
            if m.strength <= 1
            and m.rule == "alias"
            and _case_fits(span, m, language)
            and _language_fits(span, m, language)
            and phrase_keys(m.alias.text, language) == keys
        ]
        if not found:
            return None
        best = tuple(m for m in found if m.rank == found[0].rank)
        return ActorHit(start, end, span, language, best)


_EVERYDAY_ZIPF = 4.0


def _language_fits(span: str, match: ActorMatch, language: str) -> bool:
    """An alias of another language that is an everyday word of the text's language is
    that word: German "Island" (Iceland) in English text is "island"."""
    alias_language = match.alias.language
    if alias_language in ("*", language) or " " in span.strip():
        return True
    return zipf(span.strip().casefold(), language) < _EVERYDAY_ZIPF


def _case_fits(span: str, match: ActorMatch, language: str) -> bool:
    """An alias written with a capital never matches an all-lowercase word in running text:
    "Time" (the magazine) is not "time", "Mirror" is not "mirror"."""
    alias = strip_articles_cased(match.alias.text, match.alias.language)
    mention = strip_articles_cased(span, language)
    if not alias or not mention:
        return True
    return not (alias[0].isupper() and mention[0].islower())
