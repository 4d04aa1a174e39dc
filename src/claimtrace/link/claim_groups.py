"""Claims in different documents and languages that state the same thing: claim groups.

Two claims match on what they say (the multilingual embedding of their content, rescaled
above the model's unrelated-text floor) corrected by who, what, where and when: shared actor
ids and the same relation raise the score, disjoint actors, a different relation, other
places or an incompatible time lower it. A claim that matches a group but denies what the
group's founding claim asserts (or negates it, or gives other figures) joins with stance
``contradict``, so agreement and dispute sit side by side.

Linking is incremental: a new claim is scored only against the groups of at most
MAX_CANDIDATES claims — its nearest claims by vector (link/index.py), then the latest claims
sharing an actor, or a place and the relation — at most MAX_GROUPS groups, each on its
GROUP_MEMBERS latest members, so its cost does not grow with the store (in a large store
each candidate sits in a group of its own: without the group cap a claim scored 32 groups
at 100k documents against 11 at 1k); groups it does not join are never touched. What the
store holds about a document's candidates is read once for all its claims
(link/candidates.py), and the verifier embeds every pair it will be asked about in one call.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import numpy as np

from claimtrace.ids import make_id
from claimtrace.link.candidates import Candidates
from claimtrace.link.embed import Embedder
from claimtrace.nlp.claims.relations import BY_CODE
from claimtrace.records import Claim

if TYPE_CHECKING:
    from claimtrace.link.verify import Verifier

# Calibrated on bench/fixtures/linking/claim_pairs.jsonl (bench/linking.py prints P/R/F1 by
# threshold: F1 0.73 here, 0.76 at 0.6) and on the seeds, where 0.55 keeps the German and
# English collusion claims together and the Palmyra claims apart from them
CLAIM_GROUP_THRESHOLD = 0.55
ACTOR_WEIGHT = 0.25  # Jaccard of subject+object actor ids
DISJOINT_ACTORS = 0.1  # both name actors, none shared
SAME_RELATION = 0.1
RELATED_RELATION = 0.05  # two codes of one PLOVER category (hand_over and withdraw: RETREAT)
OTHER_RELATION = 0.2
PARENT_MATCH = 0.5  # an actor counts half when only its parent is shared (army ~ government)
PLACE_WEIGHT = 0.05
OTHER_TIME = 0.2
# an article seldom states one claim twice; without this, a long article's claims on one
# topic pile into one group
SAME_DOCUMENT = 0.1
TIME_SLACK_DAYS = 3
CANDIDATES_PER_KEY = 12  # most recent grouped claims per shared actor / place
MAX_CANDIDATES = 32  # candidate claims per new claim: its nearest by vector first
# candidate groups per new claim, those of its nearest candidates first: in a large store
# every candidate claim sits in a group of its own, and each group is scored on its members
MAX_GROUPS = 12
GROUP_MEMBERS = 8  # a candidate group is scored on this many of its latest members
# groups one claim may merge into the group it joins (link/claim_groups._bridged)
MAX_BRIDGED = 2
# the verifier re-scores at most this many pairs per new claim, the best-scoring first, so
# its cost per claim does not grow with the store (bench/link_scale.py)
VERIFY_PER_CLAIM = 2
LABEL_CHARS = 90
LABEL_MEMBERS = 50  # the latest members of a group its label is chosen among
# relation codes that say nothing about what happened: they neither match nor clash
GENERIC_RELATIONS = frozenset({"", "other", "say", "statement", "state", "unknown", "assert"})

_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[ .,\u00a0\u202f]\d{3})+(?![\d])|\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class GroupingResult:
    claim_id: str
    group_id: str
    created: bool
    stance: str
    similarity: float | None
    merged: tuple[str, ...] = ()  # groups this claim bridged into its own (_bridged)


# words that multiply the figure before them ("400 ألف", "400.000" and "400,000" are one
# figure); "mil millones" is read before "mil"
_MULTIPLIERS = {
    "mil millones": 10**9, "thousand": 10**3, "thousands": 10**3, "tausend": 10**3,
    "mil": 10**3, "mille": 10**3, "ألف": 10**3, "آلاف": 10**3, "الف": 10**3, "тысяч": 10**3,
    "тысячи": 10**3, "тыс": 10**3, "million": 10**6, "millions": 10**6, "millionen": 10**6,
    "mio": 10**6, "millón": 10**6, "millones": 10**6, "مليون": 10**6, "ملايين": 10**6,
    "млн": 10**6, "миллион": 10**6, "миллиона": 10**6, "миллионов": 10**6, "billion": 10**9,
    "billions": 10**9, "milliard": 10**9, "milliards": 10**9, "milliarde": 10**9,
    "milliarden": 10**9, "mrd": 10**9, "bn": 10**9, "مليار": 10**9, "млрд": 10**9,
}  # fmt: skip
_MULTIPLIER = re.compile(
    r"\s*(" + "|".join(sorted(map(re.escape, _MULTIPLIERS), key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
)


def numbers(text: str) -> frozenset[str]:
    """Figures in a text, with thousands separators removed and multiplier words applied
    ("400 000", "400.000", "400 thousand" and "400 ألف" are one figure); bare years are left
    out (they date a claim rather than quantify it)."""
    found = set()
    for match in _NUMBER.finditer(text):
        raw = match.group(0)
        scale = _MULTIPLIER.match(text, match.end())
        if re.fullmatch(r"(19|20)\d\d", raw) and scale is None:
            continue
        digits = re.sub(r"[ .,\u00a0\u202f](?=\d{3}\b)", "", raw).replace(",", ".")
        if scale is not None:
            value = float(digits) * _MULTIPLIERS[scale.group(1).lower()]
            digits = str(int(value)) if value.is_integer() else str(value)
        found.add(digits)
    return frozenset(found)


def _range(value: str | None) -> tuple[date, date] | None:
    if not value:
        return None
    first, _, last = value.partition("/")
    try:
        start = _day(first, end=False)
        end = _day(last or first, end=True)
    except ValueError:
        return None
    return start, end


def _day(value: str, end: bool) -> date:
    parts = value[:10].split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return date(year, 12, 31) if end else date(year, 1, 1)
    month = int(parts[1])
    if len(parts) == 2:
        if not end:
            return date(year, month, 1)
        following = date(year + month // 12, month % 12 + 1, 1)
        return following - timedelta(days=1)
    return date(year, month, int(parts[2]))


def times_compatible(a: str | None, b: str | None) -> bool:
    ra, rb = _range(a), _range(b)
    if ra is None or rb is None:
        return True
    slack = timedelta(days=TIME_SLACK_DAYS)
    return ra[0] <= rb[1] + slack and rb[0] <= ra[1] + slack


def actor_overlap(a: set[str], b: set[str], parents: Mapping[str, str | None]) -> float:
    """Soft Dice overlap of two actor sets: a shared actor counts 1, an actor whose parent
    (or child) is in the other set counts PARENT_MATCH."""
    if not a and not b:
        return 0.0

    def lineage(actor: str) -> set[str]:
        parent = parents.get(actor)
        return {actor, parent} if parent else {actor}

    family_a = set().union(*(lineage(x) for x in a))
    family_b = set().union(*(lineage(y) for y in b))

    def credit(actor: str, other: set[str], family: set[str]) -> float:
        if actor in other:
            return 1.0
        return PARENT_MATCH if lineage(actor) & family else 0.0

    total = sum(credit(x, b, family_b) for x in a) + sum(credit(y, a, family_a) for y in b)
    return total / (len(a) + len(b))


def relation_match(a: str, b: str) -> float:
    if a in GENERIC_RELATIONS or b in GENERIC_RELATIONS:
        return 0.0
    if a == b:
        return SAME_RELATION
    family_a, family_b = BY_CODE.get(a), BY_CODE.get(b)
    if family_a and family_b and family_a.plover and family_a.plover == family_b.plover:
        return RELATED_RELATION
    return -OTHER_RELATION


def claim_score(
    a: Claim, b: Claim, cosine: float, floor: float, parents: Mapping[str, str | None] = {}
) -> float:
    """How surely two claims state the same thing (whatever their stance), in [0, 1]."""
    score = min(1.0, max(0.0, (cosine - floor) / (1.0 - floor)))  # rescale, for one float
    actors_a, actors_b = {*a.subjects, *a.objects}, {*b.subjects, *b.objects}
    if actors_a and actors_b:
        overlap = actor_overlap(actors_a, actors_b, parents)
        score += ACTOR_WEIGHT * overlap
        if not overlap:
            score -= DISJOINT_ACTORS
    score += relation_match(a.relation, b.relation)
    if a.places and b.places:
        score += PLACE_WEIGHT if set(a.places) & set(b.places) else -PLACE_WEIGHT
    if not times_compatible(a.time, b.time):
        score -= OTHER_TIME
    if a.document_id == b.document_id:
        score -= SAME_DOCUMENT
    return max(0.0, min(1.0, score))


def polarity(claim: Claim) -> bool:
    """True when the claim affirms its content; a denial or a negation flips it."""
    return claim.negated == (claim.modality == "denied")


def stance(claim: Claim, anchor: Claim) -> str:
    """``contradict`` when the claim disputes its group's founding claim about one event:
    one denies or negates what the other affirms, or each gives one figure and they differ.
    A claim about another deed, other actors, places or times that the encoder put near it
    is no dispute (on PolNeAR, 16 of 16 flags without this rule were such pairs: a pledge
    asked in a question, two polls, "did not support Trump" against "Trump admires
    Putin")."""
    if (
        claim.document_id == anchor.document_id
        and claim.start < anchor.end
        and anchor.start < claim.end
    ):
        return "agree"  # one sentence (a report and the claim it reports) never disputes itself
    if not same_event(claim, anchor):
        return "agree"
    if polarity(claim) != polarity(anchor):
        return "contradict"
    mine, theirs = numbers(claim.content.text), numbers(anchor.content.text)
    if len(mine) == 1 and len(theirs) == 1 and mine != theirs:
        return "contradict"
    return "agree"


def same_event(a: Claim, b: Claim) -> bool:
    """Whether two claims of one group speak of one event closely enough to dispute it: a
    question asserts nothing; the relations do not clash, and the actors, places and times
    both name overlap. When either relation is generic ("other", a statement), a shared
    place ties them to one event, or the same relation and a shared actor with one side
    denying or negating: figures alone do not (two polls, two donation totals)."""
    if "questioned" in (a.modality, b.modality):
        return False
    match = relation_match(a.relation, b.relation)
    if match < 0:
        return False
    actors_a, actors_b = {*a.subjects, *a.objects}, {*b.subjects, *b.objects}
    if actors_a and actors_b and not actors_a & actors_b:
        return False
    if a.places and b.places and not set(a.places) & set(b.places):
        return False
    if not times_compatible(a.time, b.time):
        return False
    if match > 0 or set(a.places) & set(b.places):
        return True
    return a.relation == b.relation and bool(actors_a & actors_b) and polarity(a) != polarity(b)


def claim_text(claim: Claim) -> str:
    """What a claim's vector is made of: its content, or the sentence up to the end of the
    content when that is a stub ("The Turkish defence ministry denied any involvement",
    not what the sentence goes on to say after it)."""
    content = claim.content.text.strip()
    if len(content.split()) >= 4:
        return content
    cut = claim.content.end - claim.start
    if 0 < cut < len(claim.text) and claim.start <= claim.content.start:
        return claim.text[:cut].strip()
    return claim.text.strip()


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.-") + "…"


def group_claims(
    store: Any,
    embedder: Embedder,
    claims: Sequence[Claim],
    vectors: dict[str, np.ndarray],
    similar: Sequence[Sequence[str]],
    threshold: float,
    verifier: Verifier | None = None,
) -> list[GroupingResult]:
    """Put each claim (already stored, vectors saved) into its best group or a new one;
    ``similar`` holds each claim's nearest claims by vector. The claims are those of one
    document: what the store holds about their candidates is read once (link/candidates.py)."""
    caps = (CANDIDATES_PER_KEY, MAX_CANDIDATES, MAX_GROUPS, GROUP_MEMBERS)
    pool = Candidates(store, claims, similar, caps)
    known = {c.id: c for c in store.claims_by_ids(sorted(pool.stored_member_ids()))}
    _ensure_vectors(store, embedder, list(known.values()), vectors)
    parents: dict[str, str | None] = store.actor_parents(
        sorted({a for c in [*claims, *known.values()] for a in (*c.subjects, *c.objects)})
    )
    limits = (embedder.floor, threshold)
    cache: dict[tuple[str, str], float] = {}  # pair scores: a claim meets a member again
    if verifier is not None:
        _prefetch(store, embedder, pool, known, vectors, parents, limits, verifier, cache)
    results: list[GroupingResult] = []
    for index, claim in enumerate(claims):
        candidates = _candidate_groups(store, embedder, pool, index, known, vectors, parents)
        matched = _matching_groups(claim, candidates, vectors, parents, limits, verifier, cache)
        best = matched[0] if matched else None
        bridged: list[str] = []
        if best is not None:
            bridged = _bridged(store, claim, best, matched[1:], candidates, known)
            if bridged:
                store.merge_groups(best[0], bridged)
                pool.merge(best[0], bridged)
        if best is None:
            group_id = make_id("grp", claim.id)
            store.save_group_member(
                group_id, claim.id, "agree", None, shorten(claim_text(claim)), claim.relation
            )
            results.append(GroupingResult(claim.id, group_id, True, "agree", None))
        else:
            group_id, similarity, _ = best
            anchor_id, members = store.group_info(group_id, LABEL_MEMBERS)
            anchor = known.get(anchor_id or "") or _first(store, anchor_id, members, known)
            position = stance(claim, anchor) if anchor is not None else "agree"
            _ensure_vectors(store, embedder, [known[m] for m in members if m in known], vectors)
            label = _central_label(claim, [*members, claim.id], known, vectors)
            store.save_group_member(
                group_id, claim.id, position, round(similarity, 4), label, claim.relation
            )
            results.append(
                GroupingResult(claim.id, group_id, False, position, similarity, tuple(bridged))
            )
        pool.join(claim, group_id)
        known[claim.id] = claim
    return results


def _prefetch(
    store: Any,
    embedder: Embedder,
    pool: Candidates,
    known: dict[str, Claim],
    vectors: dict[str, np.ndarray],
    parents: dict[str, str | None],
    limits: tuple[float, float],
    verifier: Verifier,
    cache: dict[tuple[str, str], float],
) -> None:
    """Embed with the verifier, in one call, every claim the document's pairs will ask it
    about, as far as the candidates read before grouping tell (the groups the document's
    own claims open add few; those are embedded when asked)."""
    wanted: dict[str, Claim] = {}
    for index, claim in enumerate(pool.claims):
        if claim.id not in vectors:
            continue
        groups = _candidate_groups(store, embedder, pool, index, known, vectors, parents)
        scored, scores = _scores(claim, groups, vectors, parents, limits[0], cache)
        for _, group, i in _doubtful(claim, scored, scores, verifier, parents, limits):
            wanted[claim.id] = claim
            other = scored[group][i][0]
            wanted[other.id] = other
    verifier.prepare(wanted.values())


def _candidate_groups(
    store: Any,
    embedder: Embedder,
    pool: Candidates,
    index: int,
    known: dict[str, Claim],
    vectors: dict[str, np.ndarray],
    parents: dict[str, str | None],
) -> dict[str, list[Claim]]:
    """Claim ``index``'s candidate groups with their members (loaded when not yet known,
    with their vectors and their actors' parents)."""
    claim = pool.claims[index]
    groups = pool.groups_for(index)
    absent = sorted({m for ms in groups.values() for m in ms if m not in known})
    if absent:
        fresh = store.claims_by_ids(absent)
        known.update((c.id, c) for c in fresh)
        _ensure_vectors(store, embedder, fresh, vectors)
        actors = {a for c in fresh for a in (*c.subjects, *c.objects)} - parents.keys()
        parents.update(store.actor_parents(sorted(actors)))
    return {g: [known[m] for m in ms if m in known and m != claim.id] for g, ms in groups.items()}


def _scores(
    claim: Claim,
    groups: dict[str, list[Claim]],
    vectors: dict[str, np.ndarray],
    parents: Mapping[str, str | None],
    floor: float,
    cache: dict[tuple[str, str], float] | None = None,
) -> tuple[dict[str, list[tuple[Claim, float]]], dict[str, list[float]]]:
    """Each candidate group's members with their cosine to the claim, and their scores
    (``cache``: scores of pairs already scored for this document)."""
    cache = {} if cache is None else cache
    scored: dict[str, list[tuple[Claim, float]]] = {}
    for group_id, members in groups.items():
        usable = [c for c in members if c.id in vectors]
        if usable:
            cosines = np.stack([vectors[c.id] for c in usable]) @ vectors[claim.id]
            scored[group_id] = list(zip(usable, (float(x) for x in cosines), strict=True))
    scores: dict[str, list[float]] = {}
    for group_id, pairs in scored.items():
        row = scores[group_id] = []
        for other, cosine in pairs:
            key = (claim.id, other.id)
            if key not in cache:
                cache[key] = claim_score(claim, other, cosine, floor, parents)
            row.append(cache[key])
    return scored, scores


def _matching_groups(
    claim: Claim,
    groups: dict[str, list[Claim]],
    vectors: dict[str, np.ndarray],
    parents: Mapping[str, str | None],
    limits: tuple[float, float],
    verifier: Verifier | None = None,
    cache: dict[tuple[str, str], float] | None = None,
) -> list[tuple[str, float, bool]]:
    """Every candidate group the claim matches above the threshold, best first: (group,
    score, whether it matched claims of other documents)."""
    floor, threshold = limits
    if claim.id not in vectors:
        return []
    scored, scores = _scores(claim, groups, vectors, parents, floor, cache)
    if verifier is not None:
        _verify(claim, scored, scores, verifier, parents, limits)
    matched: list[tuple[tuple[bool, float], str, float]] = []
    for group_id, pairs in scored.items():
        found = [(s, c.document_id == claim.document_id)
                 for (c, _), s in zip(pairs, scores[group_id], strict=True)]  # fmt: skip
        # half best match, half mean over the members: one close member is not enough to
        # join a broad group, which keeps groups from chaining into a topic. Members from
        # the claim's own document (another sentence of the same article) say nothing
        # about whether other articles state it: they count only when the group has
        # nothing else, and such a group is chosen only when no group of other
        # documents' claims matches.
        others = [score for score, own in found if not own]
        ranked = others or [score for score, _ in found]
        score = (max(ranked) + sum(ranked) / len(ranked)) / 2
        if score >= threshold:
            matched.append(((bool(others), score), group_id, score))
    matched.sort(key=lambda m: (m[0], m[1]), reverse=True)
    return [(group_id, score, rank[0]) for rank, group_id, score in matched]


def _bridged(
    store: Any,
    claim: Claim,
    best: tuple[str, float, bool],
    others: Sequence[tuple[str, float, bool]],
    groups: dict[str, list[Claim]],
    known: dict[str, Claim],
) -> list[str]:
    """The other matched groups that hold the claim's fact in other languages: groups never
    merge otherwise, and the fast encoder, which ranks claims of one language well, scores
    two translations of one fact below the threshold more often than a third version that
    matches both. So a group is merged into the best one only when the claim matched both on
    other documents' claims, the two share no language and no document (a broad English
    claim bridging English topic groups is no evidence), and the claim takes the same
    stance towards both founding claims (measured in docs/roadmap.md, session 7)."""
    target, _, target_on_others = best
    if not others or not target_on_others:
        return []
    members = groups.get(target, [])
    languages = {m.language for m in members}
    documents = {m.document_id for m in members}
    position = _stance_towards(store, claim, target, known)
    bridged: list[str] = []
    for group_id, _, on_others in others:
        if len(bridged) >= MAX_BRIDGED or not on_others:
            continue
        theirs = groups.get(group_id, [])
        if not theirs or languages & {m.language for m in theirs}:
            continue
        if documents & {m.document_id for m in theirs}:
            continue
        if _stance_towards(store, claim, group_id, known) != position:
            continue
        bridged.append(group_id)
        languages |= {m.language for m in theirs}
        documents |= {m.document_id for m in theirs}
    return bridged


def _stance_towards(store: Any, claim: Claim, group_id: str, known: dict[str, Claim]) -> str:
    anchor_id, members = store.group_info(group_id, 1)
    anchor = known.get(anchor_id or "") or _first(store, anchor_id, members, known)
    return stance(claim, anchor) if anchor is not None else "agree"


def _doubtful(
    claim: Claim,
    scored: dict[str, list[tuple[Claim, float]]],
    scores: dict[str, list[float]],
    verifier: Verifier,
    parents: Mapping[str, str | None],
    limits: tuple[float, float],
) -> list[tuple[float, str, int]]:
    """The VERIFY_PER_CLAIM best-scoring pairs below the threshold that the verifier
    qualifies and could lift over it: (minus score, group, member position)."""
    floor, threshold = limits
    return sorted(
        (
            (-scores[g][i], g, i)
            for g, pairs in scored.items()
            for i, (c, cos) in enumerate(pairs)
            if scores[g][i] < threshold
            and verifier.qualifies(claim, c, cos, floor)
            and verifier.promising(claim, c, parents, threshold)
        ),
        key=lambda item: item[:2] + (scored[item[1]][item[2]][0].id,),
    )[:VERIFY_PER_CLAIM]


def _verify(
    claim: Claim,
    scored: dict[str, list[tuple[Claim, float]]],
    scores: dict[str, list[float]],
    verifier: Verifier,
    parents: Mapping[str, str | None],
    limits: tuple[float, float],
) -> None:
    """Raise to the verifier's score the doubtful pairs (``_doubtful``), embedded in one call
    unless prefetched."""
    doubtful = _doubtful(claim, scored, scores, verifier, parents, limits)
    if not doubtful:
        return
    verifier.prepare([claim, *(scored[g][i][0] for _, g, i in doubtful)])
    for _, g, i in doubtful:
        scores[g][i] = max(scores[g][i], verifier.score(claim, scored[g][i][0], parents))


def _ensure_vectors(
    store: Any, embedder: Embedder, claims: list[Claim], vectors: dict[str, np.ndarray]
) -> None:
    """Load candidates' vectors; embed (and store) those made by another model or none."""
    wanted = [c.id for c in claims if c.id not in vectors]
    if not wanted:
        return
    vectors.update(store.load_vectors("claim", embedder.name, wanted))
    absent = [c for c in claims if c.id not in vectors]
    if absent:
        fresh = dict(zip([c.id for c in absent], embedder.embed([claim_text(c) for c in absent]),
                         strict=True))  # fmt: skip
        store.save_vectors("claim", embedder.name, fresh)
        vectors.update(fresh)


def _first(
    store: Any, anchor_id: str | None, members: list[str], known: dict[str, Claim]
) -> Claim | None:
    wanted = [i for i in [anchor_id, *members] if i]
    for found in store.claims_by_ids([i for i in wanted if i not in known]):
        known[found.id] = found
    return next((known[i] for i in wanted if i in known), None)


def _central_label(
    claim: Claim, member_ids: list[str], known: dict[str, Claim], vectors: dict[str, np.ndarray]
) -> str:
    """The content of the member closest to all others, shortened."""
    members = [known.get(i) or (claim if i == claim.id else None) for i in member_ids]
    usable = [m for m in members if m is not None and m.id in vectors]
    if not usable:
        return shorten(claim_text(claim))
    matrix = np.stack([vectors[m.id] for m in usable])
    centre = int(np.argmax((matrix @ matrix.T).sum(axis=1)))
    return shorten(claim_text(usable[centre]))
