"""The candidate groups of a document's claims, read from the store once per document.

Linking one document used to ask the store again for every claim: its grouped claims per
actor and place, their groups, those groups' latest members, the members' claims, vectors
and parent actors (about 40 queries a claim, ~600 a document). ``Candidates`` asks once
for the whole document, before any of its claims is grouped, and then follows in memory
what grouping the document's own claims changes: a claim joins or opens a group, becomes
that group's latest member and the newest claim of its actors' and places' postings, just
as the store would answer if asked again. So every claim sees the candidates it saw
before, and the store work per document no longer grows with its claims.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from claimtrace.nlp.claims.relations import BY_CODE, RELATIONS
from claimtrace.records import Claim


def related_codes(code: str) -> frozenset[str]:
    """The code and the other codes of its PLOVER category, as the store's place postings
    match them ("withdraw" and "hand_over")."""
    family = BY_CODE.get(code)
    if family is None or not family.plover:
        return frozenset({code})
    return frozenset({code, *(r.code for r in RELATIONS if r.plover == family.plover)})


class Candidates:
    """Candidate groups (with their latest members) for each claim of one document."""

    def __init__(
        self,
        store: Any,
        claims: Sequence[Claim],
        similar: Sequence[Sequence[str]],
        limits: tuple[int, int, int, int],
    ) -> None:
        self.per_key, self.cap, self.group_cap, self.members_kept = limits
        self.store = store
        self.claims = list(claims)
        self.similar = [list(near) for near in similar]
        self.own = {c.id: c for c in claims}
        self.postings = store.grouped_postings(
            [a for c in claims for a in (*c.subjects, *c.objects)],
            [(p, c.relation) for c in claims for p in c.places],
            self.per_key,
        )
        stored = {i for ids in self.postings.values() for i in ids}
        stored |= {i for near in self.similar for i in near if i not in self.own}
        self.group_of = {k: g for k, (g, _) in store.groups_of(sorted(stored)).items()}
        self.joined: list[tuple[Claim, str]] = []  # own claims grouped so far, in order
        wanted = {g for i in range(len(self.claims)) for g in self._group_ids(i)}
        self.members: dict[str, list[str]] = store.group_members(sorted(wanted), self.members_kept)

    def groups_for(self, index: int) -> dict[str, list[str]]:
        """Candidate group id -> its latest member ids, for claim ``index``: the groups of
        its nearest claims by vector, then of the latest grouped claims sharing an actor, or
        a place and a relation of its category, up to the caps (claims, then groups)."""
        groups = self._group_ids(index)
        missing = [g for g in groups if g not in self.members]
        if missing:  # a stored group first reached through a claim of this document
            self.members.update(self.store.group_members(missing, self.members_kept))
        return {g: self.members[g] for g in groups}

    def _group_ids(self, index: int) -> list[str]:
        claim = self.claims[index]
        related = related_codes(claim.relation)
        found: dict[str, None] = dict.fromkeys(self.similar[index])
        for actor in dict.fromkeys([*claim.subjects, *claim.objects]):
            own = [c.id for c, _ in reversed(self.joined) if actor in (*c.subjects, *c.objects)]
            found.update(dict.fromkeys((own + self.postings[("actor", actor)])[: self.per_key]))
        for place in dict.fromkeys(claim.places):
            own = [c.id for c, _ in reversed(self.joined)
                   if place in c.places and c.relation in related]  # fmt: skip
            stored = self.postings[("place", place, claim.relation)]
            found.update(dict.fromkeys((own + stored)[: self.per_key]))
        found.pop(claim.id, None)
        groups: dict[str, None] = {}
        for key in list(found)[: self.cap]:
            group = self._group(key)
            if group is not None:
                groups[group] = None
        return list(groups)[: self.group_cap]

    def _group(self, claim_id: str) -> str | None:
        if claim_id in self.own:
            return next((g for c, g in self.joined if c.id == claim_id), None)
        return self.group_of.get(claim_id)

    def join(self, claim: Claim, group: str) -> None:
        """Record that ``claim`` (of this document) was put into ``group``."""
        self.joined.append((claim, group))
        latest = [*self.members.get(group, []), claim.id]
        self.members[group] = latest[-self.members_kept :]

    def merge(self, target: str, others: Sequence[str]) -> None:
        """Record that the groups ``others`` were merged into ``target``."""
        gone = set(others)
        self.group_of = {k: target if g in gone else g for k, g in self.group_of.items()}
        self.joined = [(c, target if g in gone else g) for c, g in self.joined]
        merged = [m for g in [target, *others] for m in self.members.pop(g, [])]
        self.members[target] = merged[-self.members_kept :]

    def stored_member_ids(self) -> set[str]:
        """Every member id of the groups read from the store."""
        return {m for ms in self.members.values() for m in ms}
