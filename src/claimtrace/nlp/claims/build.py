"""Assembling Claim records: one per attribution content, one per unattributed sentence
that states a fact (or an opinion) about actors."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

import regex

from claimtrace.ids import claim_id
from claimtrace.nlp.analyse import Analysis
from claimtrace.nlp.attribution import named_sources
from claimtrace.nlp.attribution.discourse import carried_report, is_evidence
from claimtrace.nlp.attribution.rules_backend import lexicon_for as cue_lexicon
from claimtrace.nlp.attribution.spacy_backend import STATEMENT_NOUNS
from claimtrace.nlp.claims.actors import ActorSpan, actors_in, document_context
from claimtrace.nlp.claims.clauses import split_clauses
from claimtrace.nlp.claims.deproles import Roles
from claimtrace.nlp.claims.lexicon import Lexicon, lexicon_for
from claimtrace.nlp.claims.modality import modality_of
from claimtrace.nlp.claims.negation import is_negated
from claimtrace.nlp.claims.relations import SPEECH_ACTS
from claimtrace.nlp.claims.roles import SYMMETRIC, acting, assign_roles
from claimtrace.nlp.claims.sources import chain, source_links
from claimtrace.nlp.claims.speaker import speaker_is_subject
from claimtrace.nlp.claims.syntax import (
    Parses,
    dependency_roles,
    relation_candidates,
    root_roles,
)
from claimtrace.nlp.claims.timing import claim_time
from claimtrace.nlp.claims.verbs import RelationMatch
from claimtrace.nlp.claims.worthiness import judge
from claimtrace.nlp.text.annotate import AnnotatedDocument
from claimtrace.records import Attribution, Claim, Document, SourceLink, Span

_MIN_CONTENT_WORDS = 3
# attitudes rather than statements: the sentence keeps its own claim about the holder
STANCES = frozenset({"stance"})
_SEMICOLON = regex.compile(r";\s+")


class RulesExtractor:
    """The default extractor: lexicons, token order and the analysis' linked mentions."""

    name = "rules"

    def extract(
        self,
        doc: Document,
        analysis: Analysis,
        attributions: Sequence[Attribution],
        annotated: AnnotatedDocument | None = None,
    ) -> list[Claim]:
        """``annotated``: the document's one parse, which claims read (else each claim's
        text is parsed on its own)."""
        context = document_context(analysis)
        parses = Parses(annotated)
        claims: dict[str, Claim] = {}
        named = named_sources(doc.text, analysis.sentences, attributions)
        for index, attribution in enumerate(attributions):
            if attribution.cue_kind in STANCES:
                continue  # "X plans to cut taxes": a claim about X, the sentence's own
            inner = [a for a in attributions if a.parent == index and a.cue_kind not in STANCES]
            own = _before_nested(doc.text, attribution, inner) if inner else None
            if own is not None and attribution.cue_kind in SPEECH_ACTS:
                # "denied any involvement and said …", "acusaron a facciones …, que
                # negaron …": the denial or accusation is a claim of its own, its content
                # what comes before the nested report
                attribution = own
            elif _only_nested(doc.text, attribution, inner):
                continue  # "X said that Y confirmed Z": Z is claimed once, with X > Y
            words = len(attribution.content.text.split())
            if words < (1 if attribution.cue_kind in SPEECH_ACTS else _MIN_CONTENT_WORDS):
                continue  # "denied any involvement": a denial needs no clause
            links = source_links(doc.text, attributions, index, analysis, context, parses, named)
            kinds = [_kind(a) for a in chain(attributions, index)]
            start = min(attribution.sentence.start, attribution.content.start)
            end = max(attribution.sentence.end, attribution.content.end)
            shared: tuple[str, ...] = ()
            for part, shares in _parts(attribution.content, attribution.language, parses):
                claim = _claim(
                    doc,
                    analysis,
                    context,
                    (start, end),
                    part,
                    attribution.language,
                    parses,
                    links=links,
                    kinds=kinds,
                    cue=attribution.cue,
                    own=(attribution.cue, attribution.source),
                    speaker=links[-1].actor if links else None,
                    nested=[
                        (a.content.start - part.start, a.content.end - part.start)
                        for a in attributions
                        if a.parent == index
                    ],
                    shared=shared if shares else (),
                )
                if claim is not None:
                    claims.setdefault(claim.id, claim)
                    if not shares:
                        shared = claim.subjects
        spoken = [a for a in attributions if a.cue_kind not in STANCES]
        shared = ()
        for clause, shares in _unattributed_parts(doc, analysis, parses):
            start, end = clause.start, clause.end
            content = clause
            language = _language_at(doc, start)
            if not shares:
                shared = ()
            if not _unattributed_relation(content, language, spoken, parses):
                continue
            earlier = [c for c in claims.values() if c.content.end <= start]
            previous = max(earlier, key=lambda c: c.content.end) if earlier else None
            # "Sky News reported … . One of these documents is …": the report goes on
            report = carried_report(doc.text, analysis.sentences, attributions, start, end)
            links: tuple[SourceLink, ...] = ()
            kinds: list[str] = []
            if report is not None:
                links = source_links(
                    doc.text, attributions, report, analysis, context, parses, named
                )
                kinds = [_kind(a) for a in chain(attributions, report)]
            claim = _claim(
                doc,
                analysis,
                context,
                (start, end),
                content,
                language,
                parses,
                judged=True,
                previous=previous,
                links=links,
                kinds=kinds,
                exclude=_attributed_parts(content, spoken),
                shared=shared if shares else (),
            )
            if claim is not None:
                claims.setdefault(claim.id, claim)
                if not shares:
                    shared = claim.subjects
        kept = _without_twins(doc, _without_restated(list(claims.values())))
        return sorted(kept, key=lambda c: (c.content.start, c.content.end))


def _without_restated(claims: list[Claim]) -> list[Claim]:
    """Drop a statement whose content lies inside another claim's content ("called" with
    "to spare water facilities" beside the clause "called on all sides to spare water
    facilities"): the other claim, which types what was said, already says it. Inside
    another statement ("A said that B said X") it stays: it carries the longer chain."""

    def inside(a: Claim, b: Claim) -> bool:
        return (
            b.relation != "statement"
            and b.content.start <= a.content.start
            and a.content.end <= b.content.end
            and (a.content.start, a.content.end) != (b.content.start, b.content.end)
        )

    return [
        c
        for c in claims
        if c.relation != "statement" or not any(inside(c, other) for other in claims)
    ]


_WORDS = regex.compile(r"\w+")


def _only_nested(text: str, outer: Attribution, inner: Sequence[Attribution]) -> bool:
    """Whether ``outer``'s content is no more than what the attributions inside it say,
    with their sources and cues ("that inspectors confirmed Z", "documents last year
    proving that Z"): at most three words of its own."""
    if not inner:
        return False
    start, end = outer.content.start, outer.content.end
    kept = [True] * (end - start)
    for a in inner:
        for span in (a.content, a.cue, a.source):
            if span is None:
                continue
            for k in range(max(span.start, start), min(span.end, end)):
                kept[k - start] = False
    rest = "".join(ch if keep else " " for ch, keep in zip(text[start:end], kept, strict=True))
    return len(_WORDS.findall(rest)) <= 3


_TRAILING = regex.compile(r"[\s,;:–—-]*(?:\b(?:and|und|et|y|e|but|aber|mais|pero)\s*)?$")


_NO_CONTENT = regex.compile(r"\W*(?:that|dass|que|qu['’]|whether|ob|si)?\W*", regex.I)


def _before_nested(
    text: str, outer: Attribution, inner: Sequence[Attribution]
) -> Attribution | None:
    """``outer`` with its content cut where the first nested attribution starts (its
    source, cue or content), without a trailing conjunction; None when that leaves no
    words of its own ("denied that …")."""
    start, end = outer.content.start, outer.content.end
    cut = min(
        (
            span.start
            for a in inner
            for span in (a.source, a.cue, a.content)
            if span is not None and span.start > start
        ),
        default=end,
    )
    if not start < cut <= end:
        return None
    trimmed = _TRAILING.search(text, start, cut)
    stop = trimmed.start() if trimmed is not None else cut
    if stop <= start or _NO_CONTENT.fullmatch(text, start, stop):
        return None
    return dataclasses.replace(outer, content=Span(start, stop, text[start:stop]))


def _without_twins(doc: Document, claims: list[Claim]) -> list[Claim]:
    """One claim for the clauses of one sentence that say the same thing of the same actors
    ("X announced that it had split into two and that one group had stayed": two clauses,
    one statement by X about no one): the first, its content running over all of them."""
    out: list[Claim] = []
    seen: dict[tuple[Any, ...], int] = {}
    for c in sorted(claims, key=lambda c: (c.content.start, c.content.end)):
        key = (
            c.start, c.end, c.relation, c.verb, c.subjects, c.objects, c.sources,
            c.modality, c.negated,
        )  # fmt: skip
        if key not in seen:
            seen[key] = len(out)
            out.append(c)
            continue
        first = out[seen[key]]
        lo, hi = min(first.content.start, c.content.start), max(first.content.end, c.content.end)
        out[seen[key]] = dataclasses.replace(
            first,
            id=claim_id(doc.id, lo, hi, first.relation),
            content=Span(lo, hi, doc.text[lo:hi]),
            places=tuple(dict.fromkeys(first.places + c.places)),
        )
    return out


def _parts(content: Span, language: str | None, parses: Parses) -> list[tuple[Span, bool]]:
    """The clauses of ``content`` (one claim each), with whether each shares the subject
    of the clause before it (clauses.py)."""
    parse = parses.of(content.start, content.text, language)
    return [
        (Span(content.start + p.start, content.start + p.end, content.text[p.start : p.end]),
         p.shares_subject)
        for p in split_clauses(content.text, language, parse)
    ]  # fmt: skip


def _unattributed_parts(
    doc: Document, analysis: Analysis, parses: Parses
) -> list[tuple[Span, bool]]:
    out: list[tuple[Span, bool]] = []
    for start, end in _clauses(doc.text, analysis.sentences):
        sentence = Span(start, end, doc.text[start:end])
        out.extend(_parts(sentence, _language_at(doc, start), parses))
    return out


def _kind(attribution: Attribution) -> str:
    """The cue kind as modality reads it: documents or files that "confirm" something are
    evidence someone reports, not a confirmation by anyone (the claim is reported)."""
    if attribution.cue_kind == "confirm" and is_evidence(attribution.source):
        return "report"
    return attribution.cue_kind


def _claim(
    doc: Document,
    analysis: Analysis,
    context: frozenset[str],
    evidence: tuple[int, int],
    content: Span,
    language: str | None,
    parses: Parses,
    *,
    links: tuple[SourceLink, ...] = (),
    kinds: Sequence[str] = (),
    judged: bool = False,
    previous: Claim | None = None,
    exclude: Sequence[tuple[int, int]] = (),
    nested: Sequence[tuple[int, int]] = (),
    cue: Span | None = None,
    own: Sequence[Span | None] = (),
    speaker: str | None = None,
    shared: tuple[str, ...] = (),
) -> Claim | None:
    """The claim ``content`` makes; with ``judged``, None unless the sentence is worth one."""
    lexicon = lexicon_for(language)
    actors = actors_in(doc.text, content.start, content.end, analysis, lexicon, context)
    # "X, according to Y, did Z": the content spans the cue block, whose source is no role
    actors = [a for a in actors if not any(_inside(a, span) for span in own)]
    local = acting(content.text, _local(actors, content.start))
    parse = parses.of(content.start, content.text, language)
    candidates = relation_candidates(content.text, language, exclude, parse)
    verb = candidates[0] if candidates else None
    # a hedge inside a nested attribution's content ("A notes that documents revealed
    # deals X supposedly made") qualifies that inner claim, not A's
    own = content.text
    for lo, hi in nested:
        lo, hi = max(lo, 0), min(hi, len(own))
        if lo < hi:
            own = own[:lo] + " " * (hi - lo) + own[hi:]
    modality = modality_of(kinds, own, language)
    # "both sides were trading oil": the actors of the claim just before
    inherited = (
        _plural_anaphor(doc.text, analysis, context, content.text, lexicon, previous)
        if not actors
        else ()
    )
    if judged:
        worth = judge(
            content.text,
            language,
            len({a.actor_id for a in actors} | set(inherited) | set(shared)),
            verb,
        )
        if worth is None:
            return None
        if worth == "opinion":
            modality = "opinion"
        elif worth == "question":
            modality = "questioned"
    verb, parsed = _with_roles(content.text, local, candidates, language, parse)
    if verb is None and parsed is not None and not (parsed.subjects or parsed.objects):
        parsed = None  # "It is too early to celebrate victory over X": about X all the same
    unplaced = parsed is not None and not (parsed.subjects or parsed.objects)
    if not judged and verb is not None and verb.noun and unplaced:
        # attributed content naming a relation by a noun the parse leaves without actors
        # ("deals the regime made with X", parsed as a verb): token order
        parsed = None
    ordered = assign_roles(content.text, local, verb, lexicon)
    subjects, objects = _merge(parsed, ordered) if not inherited else (inherited, ())
    if not subjects and speaker and _speaker_acts(content.text, language, parse, speaker, analysis):
        subjects = (speaker,)  # "We have asked the ministry", "er sei bereit": the speaker
        objects = tuple(i for i in objects if i != speaker)
    if not subjects and shared:
        # "X withdrew and handed the city over": the conjunct's subject is the first clause's
        subjects = shared
        objects = tuple(i for i in objects if i not in shared)
    if verb is not None and verb.code in SYMMETRIC and objects and not subjects:
        subjects, objects = objects[:1], objects[1:]  # "X and Y are aligned": mutual
    negated = verb is not None and is_negated(content.text, verb.start, verb.end, language)
    speech = None
    # "Fun won't kill you, he says", "Police said the driver was killed": a deed with no
    # one doing it, to no one, nowhere, is what a named speaker said, not a deed to trace
    unowned = (
        cue is not None
        and speaker is not None
        and verb is not None
        and not subjects
        and not objects
        and not _places(analysis, content.start, content.end)
    )
    if cue is not None and (verb is None or unowned or (parse is not None and not _clause(parse))):
        # "issued a statement stressing the need to …", "accused X of the strike", "X said
        # the campaign is as close as ever": what was said names no deed, or is no clause
        # of its own; the claim is the speech act, what was said its content
        cue_parse = parses.of(cue.start, cue.text, language)
        spoken = relation_candidates(cue.text, language, (), cue_parse)
        if verb is None or unowned or spoken or STATEMENT_NOUNS & set(cue.text.casefold().split()):
            verb = spoken[0] if spoken else None
            speech = cue.text.strip()
            subjects = (speaker,) if speaker else ()
            objects = tuple(dict.fromkeys(a.actor_id for a in local if a.actor_id != speaker))
            negated = False
    if verb is not None:
        relation, verb_text = verb.code, verb.verb
    elif speech is not None:
        relation, verb_text = SPEECH_ACTS.get(kinds[-1] if kinds else "", "statement"), speech
        if not subjects and not objects and not _named(links, language):
            # a statement by no known actor about none, from "researchers", "tests" or
            # nobody: nothing to trace ("the dam's administration" is kept)
            return None
    else:
        if judged and not links and parse is None:
            # no relation word, no source, and no parse to say who acts (German, Arabic,
            # Russian): the roles would be token order alone ("Frankfurt am Main
            # (iwr-pressedienst) - Sunwin Energy ..." is no claim by Frankfurt)
            return None
        relation, verb_text = "other", ""
    if speech is not None and relation == "deny" and modality == "denied":
        # "X denied any involvement": the claim is the denial, which the text reports (as
        # "Die Türkei wies jede Beteiligung zurück" asserts it), not a denied deed
        modality = "reported"
    start, end = evidence
    places = _places(analysis, start, end)
    vague = relation == "other" or (verb is not None and verb.noun)
    if not subjects and not objects and not places and vague:
        # "a strike is planned", "protection": no one, nowhere; a deed named by its verb
        # ("officials said the ministry denied the report", "Other deals included trading
        # oil for fertilizer") is kept
        return None
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
        verb=verb_text,
        places=places,
        time=claim_time(doc, analysis, content, (start, end)),
        modality=modality,
        negated=negated,
        sources=links,
        language=language or doc.language or "",
    )


def _named(links: Sequence[SourceLink], language: str | None) -> bool:
    """A source named by more than one word besides its determiners ("the dam's
    administration", "die Verwaltung des Staudamms"), not "researchers", "die Leute" or
    "many institutions", nor a paper ("the letter", "une vidéo")."""
    # "the letter", "post mortem tests": papers say it, no one named to ask (unless a
    # named outlet holds them: "Die Zeitung Nordkurier > Die Dokumente")
    cues = cue_lexicon(language)
    determiners = cues.determiners if cues is not None else frozenset()
    return any(
        sum(w.casefold() not in determiners for w in _WORDS.findall(link.name)) >= 2
        and not is_evidence(Span(0, len(link.name), link.name))
        for link in links
    )


def _inside(actor: ActorSpan, span: Span | None) -> bool:
    return span is not None and span.start <= actor.start and actor.end <= span.end


def _speaker_acts(
    text: str, language: str | None, parse: Any, speaker: str, analysis: Analysis
) -> bool:
    kind = next((a.type for a in analysis.actors if a.id == speaker), None)
    return speaker_is_subject(text, language, parse, kind == "person")


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj", "expl", "expl:pass"})


def _clause(parse: Any) -> bool:
    """Whether a parsed content is a clause (a verb with its subject), not a noun phrase."""
    return any(t.dep_ in _SUBJECT_DEPS and t.head.pos_ in ("VERB", "AUX") for t in parse)


def _plural_anaphor(
    text: str,
    analysis: Analysis,
    context: frozenset[str],
    sentence: str,
    lexicon: Lexicon,
    previous: Claim | None,
) -> tuple[str, ...]:
    """ "Both sides": the two or more actors of the claim before, else of its sentence."""
    if previous is None or not lexicon.plural_anaphors:
        return ()
    folded = sentence.casefold()
    if not any(anaphor in folded for anaphor in lexicon.plural_anaphors):
        return ()
    found = tuple(dict.fromkeys(previous.subjects + previous.objects))
    if len(found) >= 2:
        return found
    lo, hi = previous.content.start, previous.content.end  # not its source
    named = actors_in(text, lo, hi, analysis, lexicon, context)
    people = acting(text[lo:hi], _local(named, lo))
    together = tuple(dict.fromkeys(found + tuple(a.actor_id for a in people)))
    return together if len(together) >= 2 else found


def _local(actors: Sequence[ActorSpan], offset: int) -> list[ActorSpan]:
    return [
        ActorSpan(a.start - offset, a.end - offset, a.actor_id, a.text, a.place) for a in actors
    ]


def _unattributed_relation(
    sentence: Span, language: str | None, attributions: Sequence[Attribution], parses: Parses
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
    parse = parses.of(sentence.start, sentence.text, language)
    exclude = _attributed_parts(sentence, inside)
    return bool(relation_candidates(sentence.text, language, exclude, parse))


def _with_roles(
    text: str,
    actors: Sequence[ActorSpan],
    candidates: Sequence[RelationMatch],
    language: str | None,
    parse: Any,
) -> tuple[RelationMatch | None, Roles | None]:
    """The best candidate relation; a noun only when the text gives it actors, else the
    next candidate that has them ("a request for passage ... to exchange oil for fertilizer
    with the regime": the exchange, not the request). Roles around the main verb when there
    is no candidate."""
    if not candidates:
        return None, root_roles(text, actors, language, parse)
    first = dependency_roles(text, actors, candidates[0], language, parse)
    if not candidates[0].noun or (first is not None and (first.subjects or first.objects)):
        return candidates[0], first
    for verb in candidates[1:]:
        roles = dependency_roles(text, actors, verb, language, parse)
        if roles is not None and (roles.subjects or roles.objects):
            return verb, roles
    return candidates[0], first


def _clauses(text: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences, each split at its semicolons when every part is a clause of its own
    (five words or more): "X smuggled fighters; some accused Y of aiding them" is two
    claims."""
    out: list[tuple[int, int]] = []
    for start, end in sentences:
        parts: list[tuple[int, int]] = []
        lo = start
        for m in _SEMICOLON.finditer(text, start, end):
            parts.append((lo, m.start()))
            lo = m.end()
        parts.append((lo, end))
        if len(parts) > 1 and all(len(text[a:b].split()) >= 5 for a, b in parts):
            out.extend(parts)
        else:
            out.append((start, end))
    return out


def _attributed_parts(sentence: Span, attributions: Sequence[Attribution]) -> list[tuple[int, int]]:
    """The parts of attributions inside ``sentence``, as offsets into it: the sentence's own
    claim is about what lies outside them (the attributed content has its own claim)."""
    out = []
    for a in attributions:
        for part in (a.content, a.cue, a.source):
            if part is not None and part.start < sentence.end and sentence.start < part.end:
                out.append((part.start - sentence.start, part.end - sentence.start))
    return out


def _merge(
    parsed: Roles | None, ordered: tuple[tuple[str, ...], tuple[str, ...]]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The parse's roles; a role the parse has no slot for is filled from token order (e.g.
    "handed over between X and Y": token order knows "between"). A slot the parse has but
    no actor fills ("It described ...") stays empty."""
    if parsed is None:
        subjects, objects = ordered
    else:
        placed = set(parsed.subjects) | set(parsed.objects)
        subjects = (
            parsed.subjects
            if parsed.subject_slot
            else tuple(i for i in ordered[0] if i not in parsed.objects)
        )
        objects = (
            parsed.objects
            if parsed.object_slot
            else tuple(i for i in ordered[1] if i not in placed or i in parsed.objects)
        )
    # one actor is never both sides of its own claim
    return subjects, tuple(i for i in objects if i not in subjects)


def _places(analysis: Analysis, start: int, end: int) -> tuple[str, ...]:
    found = [
        lm.place_id
        for lm in analysis.mentions
        if lm.place_id and start <= lm.mention.start and lm.mention.end <= end
    ]
    return tuple(dict.fromkeys(found))


def _language_at(doc: Document, offset: int) -> str | None:
    for p in doc.paragraphs:
        if p.start <= offset < p.end:
            return p.language or doc.language
    return doc.language
