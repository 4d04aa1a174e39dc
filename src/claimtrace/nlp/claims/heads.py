"""Which of a claim's relation words states the claim: the head of its clause, not the
first lexicon match.

"The Russians supported this, backed by regime forces" states support; "Other deals
included “trading oil for fertilizer”" states trade although its main verb is light; "the
deal between X and Y raises questions about the party that brokered it" is about the deal,
not the brokering in a relative clause. Each match is ranked by how deep it sits below the
clause root (nouns one level deeper than verbs, so a verb of the same clause wins); an
attributive participle ("the armed opposition", "der von der Türkei unterstützten
Nationalarmee") states no relation at all.

English, French and Spanish are ranked on the dependency parse; German, which has no parser
here, on its clause marks: a verb in a relative clause (", die ... hat,") ranks below one in a
"dass" clause, which ranks below the main clause, as the parse would rank them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import regex

from claimtrace.nlp.claims.verbs import RelationMatch

_ATTRIBUTIVE_DEPS = frozenset({"amod", "compound", "nmod:poss"})
_NOUN_POS = frozenset({"NOUN", "PROPN", "ADJ"})
_SUBORDINATE = frozenset({"advcl", "relcl", "acl", "acl:relcl", "parataxis"})

# German clause marks: a relative pronoun after a comma, a subordinating conjunction
_DE_RELATIVE = regex.compile(
    r",\s*(?:(?:von|mit|bei|in|an|auf|aus|für|gegen|über|unter|zu|nach)\s+)?"
    r"(?:der|die|das|dem|den|deren|dessen|denen|welche[rsmn]?)\s",
    regex.IGNORECASE,
)
_DE_SUBORDINATE = regex.compile(
    r"(?<!\w)(?:dass|daß|weil|ob|wenn|als|nachdem|obwohl|während|damit|bevor|indem|sodass)\s",
    regex.IGNORECASE,
)
_DE_CLAUSE_END = regex.compile(r"[,;:()\u2013\u2014]|\s[\"„“”»«]")
_DE_ARTICLES = frozenset(
    "der die das den dem des ein eine einer einem einen eines kein keine keinen keinem".split()  # noqa: SIM905
)
_DE_ATTRIBUTIVE_END = regex.compile(r"(?:e|en|em|er|es)$")


def rank_parsed(matches: Sequence[RelationMatch], doc: Any) -> list[RelationMatch]:
    """The matches nearest the root of their sentence in the parse ``doc`` first, without
    the attributive ones ("hostile to the armed opposition" states no arming)."""
    ranked: list[tuple[tuple[int, int, int], RelationMatch]] = []
    for order, match in enumerate(matches):
        tokens = [t for t in doc if match.start <= t.idx < match.end]
        if not tokens:
            continue
        anchor = min(tokens, key=_depth)
        as_noun = (
            all(t.pos_ in ("NOUN", "PROPN") for t in tokens)
            and anchor.dep_ != "ROOT"
            and not anchor.lower_.endswith("ing")  # a gerund names the act: "trading fuel"
        )
        if not match.noun and as_noun:
            continue  # a verb form used as a noun ("building blocks"): the noun list decides
        noun = match.noun or all(t.pos_ in _NOUN_POS for t in tokens)
        depth = _depth(anchor) + (1 if noun else 0)
        if not _attributive(anchor, tokens, noun):
            ranked.append(((depth, 1 if noun else 0, order), match))
    return [m for _, m in sorted(ranked, key=lambda item: item[0])]


def _depth(token: Any) -> int:
    """Steps up to the root; a step out of a relative, adverbial or participial clause
    ("before the army attacked", "the party that brokered it") counts double."""
    depth = 0
    for _ in range(50):
        if token.head.i == token.i:
            break
        depth += 2 if token.dep_ in _SUBORDINATE else 1
        token = token.head
    return depth


def _attributive(anchor: Any, tokens: Sequence[Any], noun: bool) -> bool:
    """A participle or adjective modifying a noun: "the armed opposition", "negotiating
    team" (a one-word match only: "striking deals" keeps its verb)."""
    if noun or len(tokens) > 1:
        return False
    if anchor.dep_ in _ATTRIBUTIVE_DEPS:
        return True
    # "the backed faction": a participle before its noun, whatever label it got
    return (
        anchor.tag_ in ("VBN", "VBG", "JJ")
        and anchor.head.i > anchor.i
        and (anchor.head.pos_ in ("NOUN", "PROPN"))
    )


def rank_german(matches: Sequence[RelationMatch], text: str) -> list[RelationMatch]:
    """The matches in the shallowest clause of ``text`` first (no parse: clause marks),
    without the attributive ones."""
    relative = _spans(text, _DE_RELATIVE)
    subordinate = _spans(text, _DE_SUBORDINATE)
    ranked: list[tuple[tuple[int, int, int], RelationMatch]] = []
    for order, match in enumerate(matches):
        depth = (
            2 if _inside(match.start, relative) else 1 if _inside(match.start, subordinate) else 0
        )
        if match.noun:
            depth += 1
        elif _german_attributive(text, match):
            continue
        ranked.append(((depth, 1 if match.noun else 0, order), match))
    return [m for _, m in sorted(ranked, key=lambda item: item[0])]


def _spans(text: str, opener: regex.Pattern[str]) -> list[tuple[int, int]]:
    """From each clause opener to the end of that clause (the next comma or dash)."""
    out = []
    for m in opener.finditer(text):
        end = _DE_CLAUSE_END.search(text, m.end())
        out.append((m.start(), end.start() if end else len(text)))
    return out


def _inside(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(lo <= offset < hi for lo, hi in spans)


def _german_attributive(text: str, match: RelationMatch) -> bool:
    """ "der von der Türkei unterstützten Nationalarmee": an inflected one-word verb form
    directly before a capitalised noun, not at the head of its clause (where a finite verb
    before its subject stands: "Gestern unterstützten Soldaten ...")."""
    word = text[match.start : match.end]
    if " " in word.strip() or not _DE_ATTRIBUTIVE_END.search(word):
        return False
    follow = regex.match(r"\s+(\p{Lu})", text[match.end :])
    if follow is None:
        return False
    clause_start = 0
    for m in _DE_CLAUSE_END.finditer(text, 0, match.start):
        clause_start = m.end()
    words_before = regex.findall(r"\S+", text[clause_start : match.start])
    # a finite verb is never right after an article: "die unterstützten Milizen"
    return len(words_before) >= 2 or (
        bool(words_before) and words_before[-1].casefold() in _DE_ARTICLES
    )
