"""Citation chains: who cites whom, from the claims' source chains.

Each claim's chain runs from the outlet that published the document through the sources it
names, outermost first, to the original source: "Breitbart -> Sky News -> a Russian
officer". Nodes are outlets and cited outlets, persons or groups; a node is keyed by its
actor id when the source resolved to an actor, otherwise by its normalised name, and an
outlet whose name some link resolved to an actor is merged into that actor's node. Every
edge and node carries the date it was first seen (the earliest publication date of a
document showing it) and how many claims show it.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from claimtrace.records import Claim, Document

OUTLET, CITED, ORIGINAL = "outlet", "cited", "original"
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=16)
def _stop_words(language: str) -> frozenset[str]:
    try:  # spaCy's per-language stop word lists ship with the library, no model needed
        module = importlib.import_module(f"spacy.lang.{language}.stop_words")
    except (ImportError, ValueError):
        return frozenset()
    return frozenset(getattr(module, "STOP_WORDS", ()))


def vague(name: str, language: str | None) -> bool:
    """A source named only by pronouns and function words ("it", "they", "the other"):
    not a node of its own in the graph (the claim keeps it in its chain)."""
    words = [w.casefold() for w in _WORD.findall(name)]
    stop = _stop_words(language or "en") | _stop_words("en")
    return not words or all(w in stop for w in words)


@dataclass(frozen=True)
class CitationNode:
    id: str  # actor id, "name:<normalised name>" or "document:<id>" (no outlet known)
    label: str
    roles: tuple[str, ...]  # outlet | cited | original
    actor: str | None
    documents: tuple[str, ...]
    claims: int  # claims whose chain shows this node
    first_seen: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class CitationEdge:
    source: str  # the citing node
    target: str  # the cited node
    count: int  # claims showing this link
    first_seen: str | None
    documents: tuple[str, ...]
    claims: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class CitationGraph:
    nodes: tuple[CitationNode, ...]
    edges: tuple[CitationEdge, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "nodes": [n.to_dict() for n in self.nodes],
            "edges": [e.to_dict() for e in self.edges],
        }

    def node(self, node_id: str) -> CitationNode:
        return next(n for n in self.nodes if n.id == node_id)


def normalise_name(name: str) -> str:
    folded = unicodedata.normalize("NFKC", name).casefold()
    return _SPACE.sub(" ", folded).strip(" .,;:\"'“”‘’")


def citation_graph(
    claims: Iterable[Claim],
    documents: Iterable[Document],
    names: Mapping[str, str] | None = None,
) -> CitationGraph:
    """The citation graph of ``claims``; ``documents`` give outlets and dates, ``names``
    optional display names for actor ids (else the most frequent name written)."""
    docs = {d.id: d for d in documents}
    chained = [c for c in claims if c.sources]
    resolved = _name_to_actor(chained)
    keys = _Keys(resolved)
    edges: dict[tuple[str, str], _Tally] = defaultdict(_Tally)
    nodes: dict[str, _Tally] = defaultdict(_Tally)
    for claim in sorted(chained, key=lambda c: c.id):
        doc = docs.get(claim.document_id)
        published = doc.published if doc else None
        path = [keys.outlet(claim.document_id, doc)]
        path += [
            keys.link(link.name, link.actor)
            for link in claim.sources
            if link.actor or not vague(link.name, claim.language)
        ]
        for position, key in enumerate(path):
            role = OUTLET if position == 0 else ORIGINAL if position == len(path) - 1 else CITED
            nodes[key].see(claim, published, role)
        for source, target in zip(path, path[1:], strict=False):
            if source != target:  # "Sky News, citing Sky News sources" is not a link
                edges[(source, target)].see(claim, published, None)
    node_list = tuple(
        CitationNode(
            id=key,
            label=(names or {}).get(key) or keys.label(key),
            roles=tuple(r for r in (OUTLET, CITED, ORIGINAL) if r in tally.roles),
            actor=key if keys.is_actor(key) else None,
            documents=tuple(sorted(tally.documents)),
            claims=len(tally.claims),
            first_seen=tally.first_seen,
        )
        for key, tally in sorted(nodes.items())
    )
    edge_list = tuple(
        CitationEdge(
            source=source,
            target=target,
            count=len(tally.claims),
            first_seen=tally.first_seen,
            documents=tuple(sorted(tally.documents)),
            claims=tuple(sorted(tally.claims)),
        )
        for (source, target), tally in sorted(edges.items())
    )
    return CitationGraph(node_list, edge_list)


class _Tally:
    def __init__(self) -> None:
        self.claims: set[str] = set()
        self.documents: set[str] = set()
        self.roles: set[str] = set()
        self.first_seen: str | None = None

    def see(self, claim: Claim, published: str | None, role: str | None) -> None:
        self.claims.add(claim.id)
        self.documents.add(claim.document_id)
        if role:
            self.roles.add(role)
        if published and (self.first_seen is None or published < self.first_seen):
            self.first_seen = published


def _name_to_actor(claims: list[Claim]) -> dict[str, str]:
    """Normalised source name -> the actor id it most often resolved to (ties: smallest id)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for claim in claims:
        for link in claim.sources:
            if link.actor:
                votes[normalise_name(link.name)][link.actor] += 1
    return {
        name: min(counter, key=lambda actor: (-counter[actor], actor))
        for name, counter in votes.items()
    }


class _Keys:
    """Node keys, and the names written for each key (for labels)."""

    def __init__(self, resolved: dict[str, str]) -> None:
        self.resolved = resolved
        self.written: dict[str, Counter[str]] = defaultdict(Counter)
        self.actors: set[str] = set()

    def link(self, name: str, actor: str | None) -> str:
        norm = normalise_name(name)
        key = actor or self.resolved.get(norm) or f"name:{norm}"
        if key != f"name:{norm}":
            self.actors.add(key)
        self.written[key][name.strip()] += 1
        return key

    def outlet(self, document_id: str, doc: Document | None) -> str:
        if doc is None or not (doc.outlet or "").strip():
            key = f"document:{document_id}"
            self.written[key][(doc.title if doc else None) or document_id] += 1
            return key
        return self.link(doc.outlet or "", None)

    def is_actor(self, key: str) -> bool:
        return key in self.actors

    def label(self, key: str) -> str:
        written = self.written.get(key)
        if not written:
            return key
        return min(written, key=lambda name: (-written[name], len(name), name))
