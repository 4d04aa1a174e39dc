"""The analyst's corrections to entities: knowledge later stages read, like the actor table.

Analysis links each mention to the actor or place it found (``found`` id); the store keeps
that id and writes, next to it, the id the analyst's corrections resolve it to. Corrections
apply in the order they were made, each to the id the earlier ones left:

- ``merge``  the entity is the same referent as ``target`` (``actors merge KEEP OTHER``);
- ``split``  its mentions written ``alias`` (or those in ``document``) are another referent,
  ``target`` (a new actor unless the analyst named an existing one);
- ``reject`` its mentions (all, or those written ``alias`` or in ``document``) are not an
  entity at all: they resolve to no id;
- ``rename`` / ``retype`` the actor's display name or type (``value``).

Undone corrections stay in the store as the audit trail and are no longer applied.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, Literal

from claimtrace.kb.actors.model import ACTOR_TYPES

Action = Literal["merge", "split", "reject", "rename", "retype"]
ACTIONS: tuple[str, ...] = ("merge", "split", "reject", "rename", "retype")
# what retype accepts: the actor table's types (a place is a gazetteer link, not a type)
ENTITY_TYPES: frozenset[str] = ACTOR_TYPES


@dataclass(frozen=True, slots=True)
class Correction:
    """One correction as stored (``id`` 0 until the store numbers it)."""

    action: str
    entity: str
    target: str | None = None
    alias: str | None = None
    document_id: str | None = None
    value: str | None = None
    note: str | None = None
    analyst: str = ""
    id: int = 0
    created_at: str | None = None
    undone_at: str | None = None
    undone_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def active(self) -> bool:
        return self.undone_at is None

    def covers(self, document_id: str | None, form: str | None) -> bool:
        """Whether a mention (its document and text as written) falls under this correction;
        a reference whose form is unknown (a claim's subject) falls under no alias split."""
        if self.document_id is not None and document_id != self.document_id:
            return False
        if self.alias is not None:
            return form is not None and _fold(form) == _fold(self.alias)
        return True

    def describe(self) -> str:
        where = ""
        if self.alias is not None:
            where += f" written {self.alias!r}"
        if self.document_id is not None:
            where += f" in {self.document_id}"
        if self.action == "merge":
            return f"merge {self.entity} into {self.target}"
        if self.action == "split":
            return f"split {self.entity}{where} -> {self.target}"
        if self.action == "reject":
            return f"not an entity: {self.entity}{where}"
        return f"{self.action} {self.entity} -> {self.value!r}"


def _fold(text: str) -> str:
    # exact case: "BERLIN" in a dateline and "Berlin" in the text are told apart
    return " ".join(text.split())


def split_actor_id(entity: str, alias: str | None, document_id: str | None, name: str) -> str:
    """A deterministic id for the actor a split creates (the same split gives the same id)."""
    key = "\x1f".join((entity, alias or "", document_id or "", name))
    return "actor:split-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


class Corrections:
    """The active corrections, in order; resolves ids found by analysis."""

    def __init__(self, items: Iterable[Correction] = ()) -> None:
        self.items = tuple(c for c in items if c.active)
        self._linking = tuple(c for c in self.items if c.action in ("merge", "split", "reject"))
        self.sources = frozenset(c.entity for c in self._linking)

    def __bool__(self) -> bool:
        return bool(self.items)

    def resolve(self, found: str | None, document_id: str | None, form: str | None) -> str | None:
        """The id a mention found as ``found`` resolves to (None: not an entity)."""
        current = found
        if current is None or current not in self.sources:
            return current
        for c in self._linking:
            if current != c.entity or not c.covers(document_id, form):
                continue
            if c.action == "reject":
                return None
            current = c.target
        return current

    def names(self) -> dict[str, str]:
        """Actor id -> the name the analyst gave it (renames, and actors made by splits)."""
        out: dict[str, str] = {}
        for c in self.items:
            if c.action == "rename" and c.value:
                out[c.entity] = c.value
            elif c.action == "split" and c.target and c.value:
                out.setdefault(c.target, c.value)
        return out

    def types(self) -> dict[str, str]:
        return {c.entity: c.value for c in self.items if c.action == "retype" and c.value}

    def merged_into(self, entity: str) -> set[str]:
        """Every id whose mentions now resolve to ``entity`` by merges (its own included)."""
        found = {entity}
        changed = True
        while changed:
            changed = False
            for c in self.items:
                if c.action == "merge" and c.target in found and c.entity not in found:
                    found.add(c.entity)
                    changed = True
        return found

    def about(self, entity: str) -> list[Correction]:
        """The active corrections that name ``entity`` (as the corrected or the target)."""
        return [c for c in self.items if entity in (c.entity, c.target)]
