"""The source chain of an attribution: its parents outermost first, each resolved to an
actor when the source span names one."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from claimtrace.kb.actors.table import unknown_actor_id
from claimtrace.nlp.analyse import Analysis, LinkedMention
from claimtrace.nlp.attribution.base import words as _words
from claimtrace.nlp.attribution.discourse import EVIDENCE, RELATIVES, is_pronoun
from claimtrace.nlp.claims.actors import actors_in, modifier_only
from claimtrace.nlp.claims.lexicon import lexicon_for
from claimtrace.nlp.claims.source_heads import source_head
from claimtrace.nlp.claims.syntax import Parses
from claimtrace.records import Attribution, SourceLink, Span

_LABEL_RANK = {"PERSON": 0, "ORG": 1, "OTHER": 2, "NORP": 3, "GPE": 4}
_NAME_LABELS = frozenset({"PERSON", "ORG", "OTHER"})
_QUOTED = regex.compile(r"[„“\"«»‚']([^„“”\"«»]{2,60})[“”\"«»‘']")
_ARTICLES = frozenset(["the", "a", "an", "le", "la", "les", "l'", "el", "los", "las", "un", "une"])
_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’\-]*")
# lower-case words inside a name: "Federation of Ireland", "Banco de España"
_NAME_CONNECTORS = frozenset(["of", "for", "and", "de", "du", "des", "del", "la", "y", "et"])
_CONNECTOR = regex.compile(r"\s(?:of|for|de|du|des|del)\s")
# head nouns of sources that belong to an actor without speaking for it: its (former)
# members and its papers are sources of their own, not the actor ("ISIS defectors")
OWNED = EVIDENCE | _words(
    "members member defectors defector deserters detainees prisoners captives "
    "mitglieder überläufer deserteure gefangene häftlinge "
    "membres transfuges déserteurs détenus prisonniers "
    "miembros desertores detenidos prisioneros"
)


def chain(attributions: Sequence[Attribution], index: int) -> list[Attribution]:
    """The attribution at ``index`` and its parents, outermost first (cycles are cut)."""
    return [attributions[i] for i in chain_indices(attributions, index)]


def chain_indices(attributions: Sequence[Attribution], index: int) -> list[int]:
    out: list[int] = []
    current: int | None = index
    while current is not None and current not in out and 0 <= current < len(attributions):
        out.append(current)
        current = attributions[current].parent
    return out[::-1]


def source_links(
    text: str,
    attributions: Sequence[Attribution],
    index: int,
    analysis: Analysis,
    context: frozenset[str],
    parses: Parses | None = None,
    named: Sequence[Span | None] | None = None,
) -> tuple[SourceLink, ...]:
    """The chain of ``attributions[index]``, outermost first; ``named``: the span naming
    each attribution's source (attribution.named_sources: "he" → "Maria Lenz"). A source
    that names no one (a pronoun without an antecedent, "Another said", "it was
    reported") is no link: the chain holds only sources a reader can name, and the cue's
    modality still says the claim is reported."""
    links = []
    for i in chain_indices(attributions, index):
        a = attributions[i]
        source = named[i] if named is not None else a.source
        if source is not None and is_pronoun(source, indefinite=True):
            if source.text.casefold() in RELATIVES and a.parent is not None:
                # "accused factions, which denied it": the article says who denied, not
                # the accuser; the chain starts at the relative clause
                links = []
            # "an architect who said": the noun "who" stands for; else no named source
            source = relative_antecedent(text, a, source, parses)
        if source is None or not any(ch.isalnum() for ch in source.text):
            continue
        links.append(
            SourceLink(
                name=source.text,
                actor=source_actor(text, source, a.language, analysis, context, parses),
                cue=cue_text(a),
                kind=a.cue_kind,
            )
        )
    return tuple(links)


def relative_antecedent(
    text: str, attribution: Attribution, pronoun: Span, parses: Parses | None
) -> Span | None:
    """The noun phrase a relative pronoun source stands for ("an architect who said …"),
    read off the parse of its sentence; None for any other pronoun or without a parse."""
    if parses is None or pronoun.text.casefold() not in RELATIVES:
        return None
    sentence = attribution.sentence
    doc = parses.of(sentence.start, sentence.text, attribution.language)
    if doc is None:
        return None
    at = pronoun.start - sentence.start
    token = next((t for t in doc if t.idx == at), None)
    if token is None or token.head.dep_ not in ("relcl", "acl:relcl", "acl"):
        return None
    clause, noun = token.head, token.head.head
    inner = {t.i for t in clause.subtree}
    kept = [t for t in noun.subtree if t.i not in inner and t.i < clause.left_edge.i]
    kept = [t for t in kept if not t.is_punct]
    while kept and kept[0].dep_ == "case":  # "(acusaron) a facciones …, que": no "a"
        kept = kept[1:]
    if not kept or noun.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    start = sentence.start + kept[0].idx
    end = sentence.start + kept[-1].idx + len(kept[-1].text)
    return Span(start, end, text[start:end])


def cue_text(attribution: Attribution) -> str:
    """The cue as written, or the cue kind's word when the cue is only a quote mark."""
    cue = attribution.cue.text.strip()
    return cue if any(c.isalnum() for c in cue) else attribution.cue_kind


def source_actor(
    text: str,
    source: Span | None,
    language: str | None,
    analysis: Analysis,
    context: frozenset[str],
    parses: Parses | None = None,
) -> str | None:
    """The actor a source span names: a linked mention inside it (a person before an
    organisation), else a descriptor the actor table knows, else a stable id for a name;
    None for pronouns and vague sources ("sources in the city", "officials")."""
    if source is None:
        return None
    lexicon = lexicon_for(language)
    heads = source_head(text, source, language, parses)
    inside = [
        lm
        for lm in analysis.mentions
        if source.start <= lm.mention.start
        and lm.mention.end <= source.end
        and not modifier_only(text, lm.mention.start, lm.mention.end, lm.mention.label, lexicon)
        and (
            heads is None or any(lo < lm.mention.end and lm.mention.start < hi for lo, hi in heads)
        )
    ]
    words = list(_WORD.finditer(text, source.start, source.end))
    if len(words) == 1 and words[0].group().casefold() in lexicon.pronouns:
        return None
    if words and words[-1].group().casefold() in OWNED:
        return None  # "ISIS defectors", "leaked Islamic State files": not a statement by ISIS
    linked = [lm for lm in inside if lm.actor_id and not _place_only(lm)]
    vague = [w.start() for w in words if w.group().casefold() in lexicon.vague_sources]
    first_linked = min((lm.mention.start for lm in linked), default=source.end)
    if vague and vague[0] < first_linked:
        after = _after_agent(text, vague[0], source.end, lexicon.agent)
        if after is None:
            return None  # "sources in Daraa", "documents captured in a raid on X": not X
        # "a report by The Daily Beast": the source is the author of the report
        return source_actor(
            text,
            Span(after, source.end, text[after : source.end]),
            language,
            analysis,
            context,
            parses,
        )
    if linked:
        best = min(linked, key=lambda lm: _LABEL_RANK.get(lm.mention.label, 5))
        return best.actor_id
    phrases = [
        p
        for p in actors_in(text, source.start, source.end, analysis, lexicon, context)
        if heads is None or any(lo < p.end and p.start < hi for lo, hi in heads)
    ]
    if phrases:
        return phrases[-1].actor_id
    names = [lm for lm in inside if lm.mention.label in _NAME_LABELS and not lm.place_id]
    if names:  # a name the actor table does not know yet
        best = min(names, key=lambda lm: _LABEL_RANK.get(lm.mention.label, 5))
        return unknown_actor_id(best.mention.text, language)
    named = _name_in(source.text, language)
    if any(lm.place_id for lm in inside) and not (named and _CONNECTOR.search(named)):
        # located, but not named ("sources in Daraa"); "The Vintners Federation of
        # Ireland" is a name that holds a place
        return None
    return unknown_actor_id(named, language) if named else None


def _after_agent(text: str, start: int, end: int, markers: Sequence[str]) -> int | None:
    if not markers:
        return None
    body = "|".join(regex.escape(m) for m in markers)
    m = regex.match(rf"[\p{{L}}\p{{M}}'’\-]+\s+(?:{body})\s+", text[start:end], regex.IGNORECASE)
    return start + m.end() if m else None


def _place_only(lm: LinkedMention) -> bool:
    return bool(lm.place_id) and lm.mention.label in {"GPE", "LOC"}


def _name_in(span: str, language: str | None) -> str | None:
    quoted = _QUOTED.search(span)
    if quoted:
        return quoted.group(1).strip()
    lexicon = lexicon_for(language)
    words = _WORD.findall(span)
    while words and words[0].casefold() in _ARTICLES:
        span = span[span.index(words[0]) + len(words[0]) :]
        words = words[1:]
    if language == "de" or not words:
        return None  # German capitalises every noun: capitals do not make a name
    capitals = [w[:1].isupper() for w in words]
    inner = [w.casefold() in _NAME_CONNECTORS for w in words]
    # "Vintners Federation of Ireland", "Banco de España": capitals joined by of/de
    if (
        capitals[0]
        and capitals[-1]
        and all(c or joined for c, joined in zip(capitals, inner, strict=True))
        and words[0].casefold() not in lexicon.pronouns
    ):
        return span.strip(" ,.;:\"'“”„«»")
    return None
