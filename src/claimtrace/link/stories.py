"""Stories: documents, in any language, that tell the same story, clustered online.

A new document is scored (link/compare.py) against a few candidates: its nearest documents
by vector and documents sharing its rarest actors and places. Each story among them gets
half its best member's score plus half the mean over its members found; the document joins
the best story that clears the threshold, or opens a story of its own. When it clears the
threshold for several stories they merge. Stories are never re-clustered as a whole.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from claimtrace.ids import make_id
from claimtrace.link.claim_groups import shorten
from claimtrace.link.compare import DocFeatures, features, score_pair
from claimtrace.link.index import VectorIndex

# Calibrated with bench/linking.py --sweep (together with compare.WEIGHTS) over its three
# labelled sets: pairwise F1 0.914 (own fixtures), 1.0 (seeds+samples), 0.744 (PolNeAR
# halves); at 0.5 one German seed opens a story of its own (seeds F1 0.79)
STORY_THRESHOLD = 0.45
LINKAGE_TOP = 0  # how many of a story's best-scoring members the mean runs over (0: all)
NEIGHBOURS = 20  # nearest documents by vector that are scored
SHARING = 20  # documents sharing the rarest entities that are scored
RARE_ENTITIES = 5
LABEL_MEMBERS = 50  # the most recent members the label is chosen among
LABEL_CHARS = 90


@dataclass(frozen=True)
class StoryResult:
    document_id: str
    story_id: str
    created: bool
    similarity: float | None
    merged: tuple[str, ...] = ()  # stories this document bridged into story_id


def candidates(store: Any, doc: DocFeatures, index: VectorIndex) -> list[str]:
    (near,) = index.nearest(doc.vector[None, :], NEIGHBOURS, exclude=frozenset({doc.id}))
    entities = [*doc.actors, *doc.places]
    if entities:
        _, df = store.entity_frequencies(entities)
        rare = sorted(entities, key=lambda e: (df.get(e, 0), e))[:RARE_ENTITIES]
        near += [d for d in store.documents_sharing(rare, doc.id, SHARING) if d not in near]
    return near


def assign_story(
    store: Any,
    doc: DocFeatures,
    index: VectorIndex,
    model: str,
    floor: float,
    threshold: float,
) -> StoryResult:
    """Join the story of the best-matching candidate above ``threshold``, or open one.

    When the document clears the threshold for several stories it bridges them and they
    merge into the largest, so a story told first in two unconnected halves becomes one
    when the article linking them arrives: clusters depend less on arrival order.
    """
    by_story: dict[str, list[float]] = {}
    for story_id, score in _story_scores(store, doc, index, model, floor):
        by_story.setdefault(story_id, []).append(score)
    # half the best match, half the mean over the story's members among the candidates:
    # one close article is not enough to enter a broad story, which keeps a store of news
    # on one subject (an election, a war) from chaining into a single story
    best = {sid: linkage(scores) for sid, scores in by_story.items()}
    best = {sid: score for sid, score in best.items() if score >= threshold}
    if not best:
        story_id = make_id("sty", doc.id)
        store.save_story_member(story_id, doc.id, None, story_label(store, [doc.id]))
        return StoryResult(doc.id, story_id, True, None)
    sizes = {sid: store.story_size(sid) for sid in best}
    target = max(best, key=lambda sid: (sizes[sid], best[sid], sid))
    members = [m for sid in best for m in store.story_members(sid, LABEL_MEMBERS)] + [doc.id]
    label = story_label(store, members[-LABEL_MEMBERS:])
    store.save_story_member(target, doc.id, round(best[target], 4), label)
    merged = tuple(sorted(sid for sid in best if sid != target))
    if merged:
        store.merge_stories(target, merged, label)
    return StoryResult(doc.id, target, False, best[target], merged)


def linkage(scores: list[float]) -> float:
    """Half the best score, half the mean of the LINKAGE_TOP best (all when 0)."""
    ranked = sorted(scores, reverse=True)
    top = ranked[:LINKAGE_TOP] if LINKAGE_TOP else ranked
    return (ranked[0] + sum(top) / len(top)) / 2


def _story_scores(
    store: Any, doc: DocFeatures, index: VectorIndex, model: str, floor: float
) -> list[tuple[str, float]]:
    nearby = candidates(store, doc, index)
    owners = store.stories_of(nearby)
    scored = [d for d in nearby if d in owners]
    if not scored:
        return []
    vectors = store.load_vectors("document", model, scored)
    profiles = store.link_profiles([d for d in scored if d in vectors])
    others = [features(profiles[d], vectors[d]) for d in scored if d in profiles]
    ids = {e for f in [doc, *others] for e in (*f.actors, *f.places)}
    total, df = store.entity_frequencies(sorted(ids))
    return [(owners[o.id], score_pair(doc, o, df, total, floor).score) for o in others]


def story_label(store: Any, document_ids: list[str]) -> str:
    """The headline of the story's most central document: the one whose actors and places
    the other members mention most (the earliest published on a tie). Without a headline,
    the opening of its text; without text, the actors and places most members mention."""
    found = store.link_profiles(document_ids)
    profiles = [found[d] for d in document_ids if d in found]
    if not profiles:
        return document_ids[0] if document_ids else ""
    mentions: Counter[str] = Counter()
    for profile in profiles:
        mentions.update({*profile.get("actors", {}), *profile.get("places", {})})

    def centrality(profile: dict[str, Any]) -> int:
        own = {*profile.get("actors", {}), *profile.get("places", {})}
        return sum(mentions[e] - 1 for e in own)

    best = max(centrality(p) for p in profiles)
    # among equals the earliest published, where the story began (min keeps the first)
    central = min(
        (p for p in profiles if centrality(p) == best), key=lambda p: p.get("published") or "~"
    )
    if central.get("title", "").strip():
        return shorten(central["title"], LABEL_CHARS)
    opening = " ".join(central.get("text", "").split()[:40])
    return shorten(opening, LABEL_CHARS) if opening else _entity_label(store, profiles)


def _entity_label(store: Any, profiles: list[dict[str, Any]]) -> str:
    """The actors and places most of the profiles mention."""
    actors: Counter[str] = Counter()
    places: Counter[str] = Counter()
    for profile in profiles:
        actors.update(profile.get("actors", {}).keys())
        places.update(k for k in profile.get("places", {}) if k not in profile.get("actors", {}))
    # an entity in one document of a large story is incidental
    floor = 1 if len(profiles) < 3 else 2
    top = [a for a, n in actors.most_common(3) if n >= floor]
    top += [p for p, n in places.most_common(2) if n >= floor]
    names = store.names(top) if top else {}
    return shorten(", ".join(dict.fromkeys(names.get(k, k) for k in top)), LABEL_CHARS)
