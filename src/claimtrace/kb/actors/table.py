"""The actor table: canonical actors and the many names they go by, across languages.

    >>> table = load_actor_table()
    >>> table.match("Daesh", "en").id
    'actor:islamic-state'

Context tokens (``context``) let ambiguous aliases match: a country code in capitals (``SY``:
Syria is in the document, so "the regime" is the Syrian one), ``role:actor`` (the mention is
the agent of a claim or act, so "Damascus" stands for the Syrian government), or any token a
user's alias file names in ``requires``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from claimtrace.kb.actors.files import curated_json, parse_actor, read_user_file
from claimtrace.kb.actors.model import Actor, ActorType, Alias
from claimtrace.kb.actors.rules import descriptor_core, forces_target
from claimtrace.kb.actors.states import derived_actors
from claimtrace.kb.first_names import is_first_name
from claimtrace.kb.normalise import (
    WEAK,
    fold,
    loose_form,
    strip_articles,
    strip_articles_cased,
    transliterate,
    weighted_keys,
)

__all__ = ["Actor", "ActorMatch", "ActorTable", "Alias", "load_actor_table", "unknown_actor_id"]

_MIN_WEAK_RATIO = 0.8
ANSWERS_KEPT = 50_000  # cached candidates() answers per table
_GROUP_TYPES: frozenset[ActorType] = frozenset(
    {"armed_group", "party", "international_org", "media_outlet", "other", "government"}
)


@dataclass(frozen=True, slots=True)
class ActorMatch:
    actor: Actor
    alias: Alias
    strength: int  # 0 spelling, 1 stem/transliteration, 2 sound skeleton (see normalise)
    rule: str = "alias"  # alias | forces | descriptor

    @property
    def rank(self) -> tuple[int, int]:
        return (self.strength, int(self.alias.ambiguous))


def _case_form(text: str) -> str:
    return re.sub(r"[.\s\-]", "", text)


def _context(context: Iterable[str] | None) -> frozenset[str]:
    return frozenset(t.upper() if len(t) == 2 else t for t in context or ())


class ActorTable:
    """Actors by id and an index from match keys to their aliases."""

    def __init__(self, actors: Iterable[Actor] = ()) -> None:
        self.actors: dict[str, Actor] = {}
        self._index: dict[str, list[tuple[str, Alias, int]]] = {}
        # candidates() answers by mention, language and context: a name recurs in an
        # article and across a batch; emptied whenever an alias is added
        self._answers: dict[tuple[str, str | None, frozenset[str]], list[ActorMatch]] = {}
        for actor in actors:
            self.add(actor)

    def __len__(self) -> int:
        return len(self.actors)

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def add(self, actor: Actor) -> None:
        """Add an actor, or merge its aliases into the actor with the same id."""
        old = self.actors.get(actor.id)
        if old is not None:
            actor = replace(old, aliases=tuple(dict.fromkeys(old.aliases + actor.aliases)))
        self.actors[actor.id] = actor
        for alias in actor.aliases:
            self._index_alias(actor.id, alias)

    def add_alias(self, actor_id: str, alias: Alias) -> None:
        actor = self.actors.get(actor_id)
        if actor is None:
            raise KeyError(f"no actor {actor_id!r} to add the alias {alias.text!r} to")
        if alias not in actor.aliases:
            self.actors[actor_id] = replace(actor, aliases=(*actor.aliases, alias))
            self._index_alias(actor_id, alias)

    def _index_alias(self, actor_id: str, alias: Alias) -> None:
        self._answers.clear()
        language = None if alias.language == "*" else alias.language
        keys: dict[str, int] = {}
        for lang in dict.fromkeys((language, None)):
            for key, strength in weighted_keys(alias.text, lang):
                if alias.case_sensitive and strength > 0:
                    continue
                if strength == WEAK and len(key) < 5:
                    continue
                keys[key] = min(strength, keys.get(key, strength))
        for key, strength in keys.items():
            entries = self._index.setdefault(key, [])
            if not any(a == actor_id and al == alias for a, al, _ in entries):
                entries.append((actor_id, alias, strength))

    def _direct(
        self, mention: str, language: str | None, context: frozenset[str]
    ) -> list[ActorMatch]:
        bare = strip_articles_cased(mention, language)
        cased = _case_form(bare)
        lowercase = bare[:1].islower()
        query = loose_form(mention, language)
        best: dict[str, ActorMatch] = {}
        for key, q_strength in weighted_keys(mention, language):
            for actor_id, alias, a_strength in self._index.get(key, ()):
                strength = max(q_strength, a_strength)
                if alias.case_sensitive and cased != _case_form(alias.text):
                    continue
                if lowercase and _capitalised(alias):
                    continue  # "time" is not Time (the magazine), "mirror" not the Mirror
                if not context.issuperset(alias.requires):
                    continue
                if strength == WEAK and not _close(query, loose_form(alias.text)):
                    continue
                if strength > 0 and not _inflected_form(
                    bare, alias, self.actors[actor_id], strength, language
                ):
                    continue
                found = ActorMatch(self.actors[actor_id], alias, strength)
                if actor_id not in best or found.rank < best[actor_id].rank:
                    best[actor_id] = found
        return sorted(best.values(), key=lambda m: (m.rank, m.actor.id))

    def candidates(
        self, mention: str, language: str | None = None, context: Iterable[str] | None = None
    ) -> list[ActorMatch]:
        """Actors the mention may name, best first. Falls back to "forces of X" (the forces of
        the actor X names) and to descriptor words ("ISIS-Organisation", "Hamas movement")."""
        mention = mention.strip().strip("\"'“”„«»()[]")
        tokens = _context(context)
        key = (mention, language, tokens)
        found = self._answers.get(key)
        if found is None:
            if len(self._answers) >= ANSWERS_KEPT:
                self._answers.clear()
            found = self._answers[key] = self._candidates(mention, language, tokens)
        return list(found)

    def _candidates(
        self, mention: str, language: str | None, tokens: frozenset[str]
    ) -> list[ActorMatch]:
        direct = self._direct(mention, language, tokens)
        if direct:
            return direct
        target = forces_target(mention, language)
        if target:
            return [self._as_forces(m) for m in self._direct(target, language, tokens)]
        core = descriptor_core(mention, language)
        if core:
            found = self._direct(core, language, tokens)
            return [replace(m, rule="descriptor") for m in found if m.actor.type in _GROUP_TYPES]
        return []

    def _as_forces(self, found: ActorMatch) -> ActorMatch:
        actor = found.actor
        if actor.country and actor.type in ("state", "government"):
            forces = self.actors.get(f"actor:forces-{actor.country.lower()}")
            if forces is not None:
                actor = forces
        return replace(found, actor=actor, rule="forces")

    def match(
        self, mention: str, language: str | None = None, context: Iterable[str] | None = None
    ) -> Actor | None:
        """The one actor the mention names, or None when none or several fit equally well."""
        found = self.candidates(mention, language, context)
        if not found:
            return None
        if len(found) > 1 and found[1].rank == found[0].rank:
            return None
        return found[0].actor


def _capitalised(alias: Alias) -> bool:
    """Whether the alias, without its article, starts with a capital letter."""
    return strip_articles_cased(alias.text, alias.language)[:1].isupper()


_TITLE_TYPES = frozenset({"media_outlet"})
# what may follow a proper name inside a word, by language of the text: German genitive and
# dative ("Irans", "Deutschlands", "den Niederlanden"), the English and Dutch -s, and the
# adjective endings of a name ("Paraguayo", "colombiano"). Spanish, French, Italian and
# Portuguese names take no -s: "Cubas" is a surname, "Granados" no "Granada",
# "Libération" no "Liberia". Languages not listed (Polish, Russian, ...) keep what their
# stemmers allow.
_ROMANCE = ("o", "a", "os", "as", "no", "na", "nos", "nas")
_NAME_ENDINGS: dict[str, tuple[str, ...]] = {
    "de": ("s", "es", "n", "en", "e", "er", "em"),  # and adjectives ("US-amerikanischer")
    "en": ("s", "n", "ns", "an", "ans"),
    "nl": ("s",),
    "es": _ROMANCE,
    "pt": _ROMANCE,
    "it": ("o", "a", "i", "e", "no", "na", "ni", "ne"),
    "fr": ("n", "ns", "ne", "nes", "ain", "ains", "aine", "aines", "ais", "aise", "aises"),
}


def _inflected_form(
    mention: str, alias: Alias, actor: Actor, strength: int, language: str | None = None
) -> bool:
    """Whether a stemmed or sound-alike match may stand. Inflection adds to a name: a Latin
    mention shorter than the alias is a word of its own that happens to be the alias's
    stem ("franc" is no "France" or "français", "Pana" no "Panama", "G" no "Gine"), save
    a plural's -s ("Houthi" of "Houthis") or, for a sound-alike, one letter that is not
    the end ("Gaddafi", "Kadhafi"). A longer mention of a capitalised name is the name
    and an ending its language adds to names (``_NAME_ENDINGS``): "Faser" is no "Fas"
    (Turkish for Morocco). A title ("Time") is not inflected at all: "Times" is another
    paper."""
    if actor.type in _TITLE_TYPES:
        return False
    if is_first_name(mention.strip()):
        return False  # "Georges" (Prêtre) is no form of "Georgia", "Francois" none of "France"
    words, name = loose_form(mention), loose_form(alias.text)
    if not (words.isascii() and name.isascii()):
        return True  # another script: lengths say nothing
    if len(words) >= len(name):
        endings = _NAME_ENDINGS.get(language or "")
        if endings is None or not _capitalised(alias) or strength == WEAK:
            return True
        if alias.language not in (language, "*"):
            return False  # inflected by the rules of another language: "Faser" no "Fas" (tr)
        said, named = words.split(), name.split()
        if len(said) != len(named):
            return True  # words added or left out: the stemmed key matched, let it stand
        return all(
            w.startswith(n) and w[len(n) :] in ("", *endings)
            for w, n in zip(said, named, strict=True)
        )
    if strength == WEAK:  # "Franc" is France cut short, not another spelling of it
        return len(words) == len(name) - 1 and not name.startswith(words)
    return name.endswith("s") and words == name[:-1]


def _close(a: str, b: str) -> bool:
    return bool(a and b) and SequenceMatcher(None, a, b).ratio() >= _MIN_WEAK_RATIO


def unknown_actor_id(name: str, language: str | None = None) -> str:
    """A stable id for a name not in the table: ``actor:x-`` and the transliterated name
    without article, so "Calibre Obscura" in any language and script gives one id."""
    bare = " ".join(strip_articles(fold(name).split(), language))
    slug = "-".join(transliterate(bare).split())
    if not slug:
        return "actor:x-" + hashlib.sha256(fold(name).encode()).hexdigest()[:16]
    if len(slug) > 60:
        slug = slug[:48].rstrip("-") + "-" + hashlib.sha256(slug.encode()).hexdigest()[:8]
    return "actor:x-" + slug


def _curated() -> tuple[list[Actor], list[Actor]]:
    new, extensions = [], []
    for i, raw in enumerate(curated_json("actors.json")["actors"]):
        if raw.get("extend"):
            aliases: list[Alias] = []
            for language, items in raw.get("aliases", {}).items():
                aliases.extend(Alias.parse(item, language) for item in items)
            extensions.append(Actor(raw["id"], raw["id"], "other", aliases=tuple(aliases)))
        else:
            new.append(parse_actor(raw, f"actors.json, actor {i}"))
    return new, extensions


@lru_cache(maxsize=1)
def _default_actors() -> tuple[Actor, ...]:
    table = ActorTable(derived_actors())
    new, extensions = _curated()
    for actor in new:
        table.add(actor)
    for ext in extensions:
        if ext.id not in table.actors:
            raise KeyError(f"actors.json extends unknown actor {ext.id!r}")
        for alias in ext.aliases:
            table.add_alias(ext.id, alias)
    return tuple(table.actors.values())


def load_actor_table(extra_paths: Sequence[str | Path] = ()) -> ActorTable:
    """The curated table (CLDR states, curated actors) merged with users' alias files."""
    table = ActorTable(_default_actors())
    for path in extra_paths:
        actors, aliases = read_user_file(Path(path))
        for actor in actors:
            table.add(actor)
        for actor_id, alias in aliases:
            table.add_alias(actor_id, alias)
    return table
