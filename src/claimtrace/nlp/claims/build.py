"""Assembling Claim records: one per attribution content, one per unattributed sentence
that states a fact (or an opinion) about actors."""

from __future__ import annotations

from collections.abc import Sequence

from claimtrace.ids import claim_id
from claimtrace.nlp.analyse import Analysis
from claimtrace.nlp.claims.actors import ActorSpan, actors_in, document_context
from claimtrace.nlp.claims.lexicon import Lexicon, lexicon_for
from claimtrace.nlp.claims.modality import modality_of
from claimtrace.nlp.claims.negation import is_negated
from claimtrace.nlp.claims.roles import acting, assign_roles
from claimtrace.nlp.claims.sources import chain, source_links
from claimtrace.nlp.claims.syntax import choose_relation, dependency_roles
from claimtrace.nlp.claims.verbs import find_relation
from claimtrace.nlp.claims.worthiness import judge
from claimtrace.records import Attribution, Claim, Document, SourceLink, Span

_MIN_CONTENT_WORDS = 3


class RulesExtractor:
    """The default extractor: lexicons, token order and the analysis' linked mentions."""

    name = "rules"

    def extract(
        self, doc: Document, analysis: Analysis, attributions: Sequence[Attribution]
    ) -> list[Claim]:
        context = document_context(analysis)
        claims: dict[str, Claim] = {}
        for index, attribution in enumerate(attributions):
            if len(attribution.content.text.split()) < _MIN_CONTENT_WORDS:
                continue
            links = source_links(doc.text, attributions, index, analysis, context)
            kinds = [a.cue_kind for a in chain(attributions, index)]
            start = min(attribution.sentence.start, attribution.content.start)
            end = max(attribution.sentence.end, attribution.content.end)
            claim = _claim(
                doc,
                analysis,
                context,
                (start, end),
                attribution.content,
                attribution.language,
                links=links,
                kinds=kinds,
            )
            if claim is not None:
                claims.setdefault(claim.id, claim)
        for start, end in analysis.sentences:
            content = Span(start, end, doc.text[start:end])
            language = _language_at(doc, start)
            if not _unattributed_relation(content, language, attributions):
                continue
            earlier = [c for c in claims.values() if c.content.end <= start]
            previous = max(earlier, key=lambda c: c.content.end) if earlier else None
            claim = _claim(
                doc,
                analysis,
                context,
                (start, end),
                content,
                language,
                judged=True,
                previous=previous,
            )
            if claim is not None:
                claims.setdefault(claim.id, claim)
        return sorted(claims.values(), key=lambda c: (c.content.start, c.content.end))


def _claim(
    doc: Document,
    analysis: Analysis,
    context: frozenset[str],
    evidence: tuple[int, int],
    content: Span,
    language: str | None,
    *,
    links: tuple[SourceLink, ...] = (),
    kinds: Sequence[str] = (),
    judged: bool = False,
    previous: Claim | None = None,
) -> Claim | None:
    """The claim ``content`` makes; with ``judged``, None unless the sentence is worth one."""
    lexicon = lexicon_for(language)
    actors = actors_in(doc.text, content.start, content.end, analysis, lexicon, context)
    local = acting(
        content.text,
        [
            ActorSpan(a.start - content.start, a.end - content.start, a.actor_id, a.text, a.place)
            for a in actors
        ],
    )
    verb = choose_relation(content.text, language)
    modality = modality_of(kinds, content.text, language)
    # "both sides were trading oil": the actors of the claim just before
    inherited = _plural_anaphor(content.text, lexicon, previous) if not actors else ()
    if judged:
        worth = judge(
            content.text, language, len({a.actor_id for a in actors} | set(inherited)), verb
        )
        if worth is None:
            return None
        if worth == "opinion":
            modality = "opinion"
    parsed = dependency_roles(content.text, local, verb, language) if verb else None
    ordered = assign_roles(content.text, local, verb, lexicon)
    subjects, objects = _merge(parsed, ordered) if not inherited else (inherited, ())
    relation = verb.code if verb else "other"
    start, end = evidence
    return Claim(
        id=claim_id(doc.id, content.start, content.end, relation),
        document_id=doc.id,
        start=start,
        end=end,
        text=doc.text[start:end],
        content=content,
        subjects=subjects,
        objects=objects,
        relation=relation,
        verb=verb.verb if verb else "",
        places=_places(analysis, start, end),
        time=_time(analysis, content, (start, end)),
        modality=modality,
        negated=verb is not None and is_negated(content.text, verb.start, verb.end, language),
        sources=links,
        language=language or doc.language or "",
    )


def _plural_anaphor(text: str, lexicon: Lexicon, previous: Claim | None) -> tuple[str, ...]:
    if previous is None or not lexicon.plural_anaphors:
        return ()
    folded = text.casefold()
    if not any(anaphor in folded for anaphor in lexicon.plural_anaphors):
        return ()
    return tuple(dict.fromkeys(previous.subjects + previous.objects))


def _unattributed_relation(
    sentence: Span, language: str | None, attributions: Sequence[Attribution]
) -> bool:
    """Whether the sentence states something on the article's own authority: it has no
    attribution, or its relation verb lies outside every attribution's parts ("Other deals
    included “trading oil for fertilizer”" when only a later quote is attributed)."""
    inside = [
        a
        for a in attributions
        if a.sentence.start < sentence.end and sentence.start < a.sentence.end
    ]
    if not inside:
        return True
    verb = find_relation(sentence.text, language)
    if verb is None:
        return False
    lo, hi = sentence.start + verb.start, sentence.start + verb.end
    parts = [p for a in inside for p in (a.content, a.cue, a.source) if p is not None]
    return not any(p.start < hi and lo < p.end for p in parts)


def _merge(
    parsed: tuple[tuple[str, ...], tuple[str, ...]] | None,
    ordered: tuple[tuple[str, ...], tuple[str, ...]],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The parse's roles, a role it leaves empty filled from token order."""
    if parsed is None:
        return ordered
    if not parsed[0] and ordered[0]:
        return ordered  # e.g. "handed over between X and Y": token order knows "between"
    subjects = parsed[0]
    objects = parsed[1] or tuple(i for i in ordered[1] if i not in subjects)
    return subjects, objects


def _places(analysis: Analysis, start: int, end: int) -> tuple[str, ...]:
    found = [
        lm.place_id
        for lm in analysis.mentions
        if lm.place_id and start <= lm.mention.start and lm.mention.end <= end
    ]
    return tuple(dict.fromkeys(found))


def _time(analysis: Analysis, content: Span, sentence: tuple[int, int]) -> str | None:
    """The first resolvable time expression in the content, else in the sentence."""
    for lo, hi in ((content.start, content.end), sentence):
        for t in analysis.times:
            if lo <= t.start and t.end <= hi:
                if t.value:
                    return t.value
                if t.range_start and t.range_end:
                    return f"{t.range_start}/{t.range_end}"
    return None


def _language_at(doc: Document, offset: int) -> str | None:
    for p in doc.paragraphs:
        if p.start <= offset < p.end:
            return p.language or doc.language
    return doc.language
