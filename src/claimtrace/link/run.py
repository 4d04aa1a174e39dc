"""The link stage: after analysis, claims join claim groups and documents join stories.

``link_new`` links every document the store has queued since its analysis or claims were
written (store migration 007), in batches of BATCH: one encoder call embeds every claim and
document of a batch (link/vectors.py), then each document is linked in its own transaction,
so an interrupted run loses nothing and a re-run does nothing. A document whose analysis
changed is unlinked and linked again; nothing else is.

Documents are linked in ingest order: the same order however and in whatever order they
were analysed. What still depends on order is what any
online method has: a claim or document joins the groups and stories that exist when it is
linked; stories it bridges merge, groups never do (README, "Linking and order").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from claimtrace.link.claim_groups import CLAIM_GROUP_THRESHOLD, group_claims
from claimtrace.link.compare import features
from claimtrace.link.embed import DEFAULT_MODEL, STORY_THRESHOLDS, Embedder, get_embedder
from claimtrace.link.index import VectorIndex, forget
from claimtrace.link.stories import STORY_THRESHOLD, assign_story
from claimtrace.link.vectors import Prepared, prepare_batch
from claimtrace.link.verify import Verifier
from claimtrace.records import ClaimGroup, Story, _Record

BATCH = 64  # documents embedded together
SIMILAR_CLAIMS = 24  # nearest claims by vector that are candidates for each claim


@dataclass(frozen=True)
class LinkSummary(_Record):
    documents: tuple[str, ...] = ()  # the documents linked in this run
    groups_created: int = 0
    groups_joined: int = 0  # claims that joined an existing group
    contradicting: int = 0  # of those, claims that contradict their group
    groups_merged: int = 0  # groups folded into another because a claim bridged them
    stories_created: int = 0
    stories_joined: int = 0
    stories_merged: int = 0  # stories folded into another because a document bridged them


def thresholds(config: Any) -> tuple[float, float]:
    """(claim group, story) thresholds: the settings, or for 0 the calibrated defaults (the
    story threshold of the configured encoder)."""
    claim = float(getattr(config, "claim_group_threshold", 0.0) or 0.0)
    story = float(getattr(config, "story_threshold", 0.0) or 0.0)
    model = model_name(config)
    return claim or CLAIM_GROUP_THRESHOLD, story or STORY_THRESHOLDS.get(model, STORY_THRESHOLD)


def model_name(config: Any) -> str:
    """The configured embedding model's name, as get_embedder keys it."""
    return (getattr(config, "embedding_model", "") or DEFAULT_MODEL).strip().lower()


def embedder_for(config: Any) -> Embedder:
    return get_embedder(model_name(config))


def verifier_for(store: Any, config: Any, embedder: Embedder) -> Verifier | None:
    """The second-opinion encoder of link/verify.py, or None when unset or the same model."""
    name = (getattr(config, "embedding_verifier", "") or "").strip().lower()
    if not name or name == model_name(config):
        return None
    return Verifier(store, get_embedder(name))


def link_new(
    store: Any, config: Any = None, on_item: Callable[[str], None] | None = None
) -> LinkSummary:
    """Link every analysed document not linked yet: claim groups, then its story."""
    pending = store.documents_to_link()
    if not pending:
        return LinkSummary()
    embedder = embedder_for(config)
    verifier = verifier_for(store, config, embedder)
    counts = dict.fromkeys(
        (
            "groups_created",
            "groups_joined",
            "contradicting",
            "groups_merged",
            "stories_created",
            "stories_joined",
            "stories_merged",
        ),
        0,
    )
    done: list[str] = []
    try:
        for start in range(0, len(pending), BATCH):
            batch = pending[start : start + BATCH]
            again = [d for d, _, before in batch if before]
            if again:
                with store.transaction():
                    for doc_id in again:
                        store.unlink_document(doc_id)
            linker = _Linker(store, embedder, thresholds(config), counts, verifier)
            for item, (doc_id, fingerprint, _) in zip(
                prepare_batch(store, embedder, [d for d, _, _ in batch]), batch, strict=True
            ):
                with store.transaction():
                    linker.link(item)
                    store.mark_linked(doc_id, fingerprint)
                done.append(doc_id)
                if on_item is not None:
                    on_item(doc_id)
            linker.save_indexes()
    except BaseException:
        forget(store)  # the indexes may hold vectors of a transaction rolled back
        raise
    return LinkSummary(documents=tuple(done), **counts)


class _Linker:
    """Links prepared documents one by one against the store's vector indexes."""

    def __init__(
        self,
        store: Any,
        embedder: Embedder,
        limits: tuple[float, float],
        counts: dict[str, int],
        verifier: Verifier | None = None,
    ) -> None:
        self.store, self.embedder, self.counts, self.verifier = store, embedder, counts, verifier
        self.claim_threshold, self.story_threshold = limits
        # opened before the batch's vectors are stored; each document's vectors are added
        # just before it is linked, so no document sees the ones linked after it
        self.claims = VectorIndex.open(store, "claim", embedder.name, embedder.dim)
        self.documents = VectorIndex.open(store, "document", embedder.name, embedder.dim)

    def link(self, item: Prepared) -> None:
        self._add(item)
        if item.claims:
            rows = np.stack([item.claim_vectors[c.id] for c in item.claims])
            similar = self.claims.nearest(rows, SIMILAR_CLAIMS)
            results = group_claims(
                self.store,
                self.embedder,
                item.claims,
                item.claim_vectors,
                similar,
                self.claim_threshold,
                self.verifier,
            )
            for result in results:
                if result.created:
                    self.counts["groups_created"] += 1
                else:
                    self.counts["groups_joined"] += 1
                    self.counts["contradicting"] += result.stance == "contradict"
                self.counts["groups_merged"] += len(result.merged)
        profile = self.store.link_profile(item.document_id)  # with the groups just joined
        story = assign_story(
            self.store,
            features(profile, item.vector),
            self.documents,
            self.embedder.name,
            self.embedder.document_floor,
            self.story_threshold,
        )
        self.counts["stories_created" if story.created else "stories_joined"] += 1
        self.counts["stories_merged"] += len(story.merged)

    def _add(self, item: Prepared) -> None:
        ids = self.store.vector_ids("claim", list(item.claim_vectors))
        keys = sorted(ids, key=ids.__getitem__)
        if keys:
            self.claims.add([ids[k] for k in keys], np.stack([item.claim_vectors[k] for k in keys]))
        own = self.store.vector_ids("document", [item.document_id])
        if own:
            self.documents.add([own[item.document_id]], item.vector[None, :])

    def save_indexes(self) -> None:
        self.claims.save_if_due()
        self.documents.save_if_due()


def claim_groups(store: Any, story: str | None = None) -> list[ClaimGroup]:
    """Every claim group (one claim or more), or those with a claim in one story."""
    return list(store.claim_group_records(story))


def stories(store: Any) -> list[Story]:
    return list(store.story_records())
