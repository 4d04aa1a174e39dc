"""The link stage: after analysis, claims join claim groups and documents join stories.

``link_new`` links every analysed document that is not linked from its current analysis
yet, one document per transaction, so an interrupted run loses nothing and a re-run does
nothing. A document whose analysis changed is unlinked and linked again; nothing else is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from claimtrace.link.claim_groups import CLAIM_GROUP_THRESHOLD, claim_text, group_claims
from claimtrace.link.compare import document_vector, features
from claimtrace.link.embed import DEFAULT_MODEL, Embedder, get_embedder
from claimtrace.link.stories import NEIGHBOURS, STORY_THRESHOLD, VectorIndex, assign_story
from claimtrace.records import ClaimGroup, Story, _Record


@dataclass(frozen=True)
class LinkSummary(_Record):
    documents: tuple[str, ...] = ()  # the documents linked in this run
    groups_created: int = 0
    groups_joined: int = 0  # claims that joined an existing group
    contradicting: int = 0  # of those, claims that contradict their group
    stories_created: int = 0
    stories_joined: int = 0
    stories_merged: int = 0  # stories folded into another because a document bridged them


def thresholds(config: Any) -> tuple[float, float]:
    """(claim group, story) thresholds: the settings, or the calibrated defaults for 0."""
    claim = float(getattr(config, "claim_group_threshold", 0.0) or 0.0)
    story = float(getattr(config, "story_threshold", 0.0) or 0.0)
    return claim or CLAIM_GROUP_THRESHOLD, story or STORY_THRESHOLD


def embedder_for(config: Any) -> Embedder:
    return get_embedder(getattr(config, "embedding_model", "") or DEFAULT_MODEL)


def link_new(
    store: Any, config: Any = None, on_item: Callable[[str], None] | None = None
) -> LinkSummary:
    """Link every analysed document not linked yet: claim groups, then its story."""
    pending = store.documents_to_link()
    if not pending:
        return LinkSummary()
    embedder = embedder_for(config)
    claim_threshold, story_threshold = thresholds(config)
    index = VectorIndex.load(store, embedder.name, embedder.dim)
    counts = dict.fromkeys(
        (
            "groups_created",
            "groups_joined",
            "contradicting",
            "stories_created",
            "stories_joined",
            "stories_merged",
        ),
        0,
    )
    done = []
    for doc_id, fingerprint, linked_before in pending:
        with store.transaction():
            if linked_before:
                store.unlink_document(doc_id)
                index.remove(doc_id)
            vector = _link_document(store, embedder, doc_id, index, claim_threshold, counts)
            profile = store.link_profile(doc_id)  # now with the claim groups just joined
            story = assign_story(
                store, features(profile, vector), index, embedder.name, embedder.floor,
                story_threshold,
            )  # fmt: skip
            counts["stories_created" if story.created else "stories_joined"] += 1
            counts["stories_merged"] += len(story.merged)
            store.mark_linked(doc_id, fingerprint)
        index.add(doc_id, vector)
        done.append(doc_id)
        if on_item is not None:
            on_item(doc_id)
    return LinkSummary(documents=tuple(done), **counts)


def _link_document(
    store: Any,
    embedder: Embedder,
    doc_id: str,
    index: VectorIndex,
    threshold: float,
    counts: dict[str, int],
) -> np.ndarray:
    """Embed the document and its claims, store the vectors, group the claims."""
    claims = store.claims_by_ids(store.document_claim_ids(doc_id))
    # vectors already stored for these claims (same model) are reused: claim ids change
    # when the text does, and unlinking drops the document vector
    vectors = store.load_vectors("claim", embedder.name, [c.id for c in claims])
    missing = [c for c in claims if c.id not in vectors]
    if missing:
        rows = embedder.embed([claim_text(c) for c in missing])
        fresh = {c.id: rows[i] for i, c in enumerate(missing)}
        store.save_vectors("claim", embedder.name, fresh)
        vectors.update(fresh)
    vector = store.load_vectors("document", embedder.name, [doc_id]).get(doc_id)
    if vector is None:
        profile = store.link_profile(doc_id)
        vector = document_vector(embedder, profile, [vectors[c.id] for c in claims])
        store.save_vectors("document", embedder.name, {doc_id: vector})
    if claims:
        near = [doc_id, *index.nearest(vector, NEIGHBOURS, exclude=doc_id)]
        for result in group_claims(store, embedder, claims, vectors, near, threshold):
            if result.created:
                counts["groups_created"] += 1
            else:
                counts["groups_joined"] += 1
                counts["contradicting"] += result.stance == "contradict"
    return vector


def claim_groups(store: Any, story: str | None = None) -> list[ClaimGroup]:
    """Every claim group (one claim or more), or those with a claim in one story."""
    return list(store.claim_group_records(story))


def stories(store: Any) -> list[Story]:
    return list(store.story_records())
