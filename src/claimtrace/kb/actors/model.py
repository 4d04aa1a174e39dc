"""Records of the actor table: an actor and the names it goes by."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

ActorType = Literal[
    "state",
    "government",
    "armed_group",
    "international_org",
    "media_outlet",
    "person",
    "party",
    "other",
]
ACTOR_TYPES: frozenset[str] = frozenset(ActorType.__args__)  # type: ignore[attr-defined]


def looks_like_acronym(text: str) -> bool:
    """Short all-capital aliases (``IS``, ``UN``, ``AP``, ``WHO``) match only in capitals."""
    letters = [c for c in text if c.isalpha()]
    return 0 < len(letters) <= 5 and all(c.isupper() for c in letters)


@dataclass(frozen=True, slots=True)
class Alias:
    """One name of an actor in one language (``*`` = any). ``case_sensitive`` aliases match
    only in that exact case (``IS``, never ``is``); ``requires`` lists context tokens that must
    all be present for an ambiguous alias to match (``SY`` for "the regime", ``role:actor``
    for "Damascus" standing for the Syrian government)."""

    text: str
    language: str = "*"
    case_sensitive: bool = False
    requires: tuple[str, ...] = ()

    @property
    def ambiguous(self) -> bool:
        return bool(self.requires)

    @classmethod
    def parse(cls, raw: str | dict[str, Any], language: str) -> Alias:
        if isinstance(raw, str):
            return cls(raw, language, case_sensitive=looks_like_acronym(raw))
        requires = raw.get("requires", ())
        if raw.get("ambiguous") and not requires:
            requires = ("role:actor",)
        return cls(
            text=str(raw["text"]),
            language=str(raw.get("language", language)),
            case_sensitive=bool(raw.get("case_sensitive", False)),
            requires=tuple(requires) if isinstance(requires, list | tuple) else (str(requires),),
        )


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor. ``id`` is stable (``actor:islamic-state``, ``actor:state-ir``,
    ``actor:gov-sy``); ``name`` is the canonical English name; ``parent`` links forces and
    branches to the actor they belong to (``actor:forces-sy`` -> ``actor:gov-sy``)."""

    id: str
    name: str
    type: ActorType
    country: str | None = None
    aliases: tuple[Alias, ...] = ()
    wikidata: str | None = None
    parent: str | None = None
    notes: str | None = field(default=None, compare=False)

    @property
    def alias_pairs(self) -> tuple[tuple[str, str], ...]:
        """Aliases as (alias, language) pairs."""
        return tuple((a.text, a.language) for a in self.aliases)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "wikidata": self.wikidata,
            "parent": self.parent,
            "aliases": [
                {
                    "text": a.text,
                    "language": a.language,
                    "case_sensitive": a.case_sensitive,
                    "requires": list(a.requires),
                }
                for a in self.aliases
            ],
        }
