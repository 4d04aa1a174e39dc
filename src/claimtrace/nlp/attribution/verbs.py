"""Cue verbs in token patterns: "X said (that) ...", "..., X said", "..., berichten X",
German verb-second "Ende 2019 erklärte X: ...", separable verbs ("wies darauf hin, dass")."""

from __future__ import annotations

from collections.abc import Sequence

from claimtrace.nlp.attribution.base import Lexicon
from claimtrace.nlp.attribution.found import Found, token_span
from claimtrace.nlp.attribution.tokens import OPEN_QUOTES, QUOTES, Token, np_after, np_before

RELATIVES = frozenset(
    ["der", "die", "das", "dem", "den", "deren", "dessen", "welche", "welcher", "welches"]
)


_SKIP_AFTER_VERB = 4


def _particle(tokens: Sequence[Token], i: int, lex: Lexicon) -> int | None:
    """Index of the particle completing separable verb tokens[i] in its clause."""
    wanted = lex.particles.get(tokens[i].lower)
    if not wanted:
        return i
    for j in range(i + 1, min(len(tokens), i + 12)):
        if tokens[j].lower in wanted:
            return j
        if not tokens[j].is_word or tokens[j].lower in lex.complementizers:
            return None
    return None


def verbal(tokens: Sequence[Token], lex: Lexicon, used: set[int]) -> list[Found]:
    found: list[Found] = []
    for i, token in enumerate(tokens):
        if i in used or token.lower not in lex.verbs or token.lower.endswith("ing"):
            continue
        if token.capitalised and i > 0:
            continue  # "Belege", "Report": a noun or a name, not a cue verb
        if i > 0 and tokens[i - 1].lower in lex.determiners:
            continue  # "the report", "die Behauptung": a noun, not a cue
        last = _particle(tokens, i, lex)
        if last is None:
            continue
        kind = lex.particle_kinds.get(tokens[last].lower, lex.verbs[token.lower])
        hit = _postposed(tokens, i, last, lex) or _preposed(tokens, i, last, lex)
        if hit is not None:
            source, content = hit
            cue = (token.start, tokens[last].end) if last == i + 1 else (token.start, token.end)
            found.append(Found(cue, kind, source, content))
            used.add(i)
    return found


def _subject_end(tokens: Sequence[Token], i: int, lex: Lexicon) -> int:
    j = i
    while j > 0 and tokens[j - 1].lower in lex.auxiliaries and not tokens[j - 1].capitalised:
        j -= 1
    return j


def _opens_clause(t: Token, lex: Lexicon) -> bool:
    """Whether a word right after an English cue can start its that-less complement."""
    closed = lex.prepositions | lex.conjunctions | lex.adverbs | lex.auxiliaries
    return t.lower not in closed and t.lower not in {"to", "so", "nothing", "yes", "no"}


def _past_adverbial(tokens: Sequence[Token], j: int, lex: Lexicon) -> int:
    """Skip "in the letter", "on its website" between a cue and its "that"/":"/quote."""
    if tokens[j].lower not in lex.prepositions:
        return j
    for k in range(j + 1, min(len(tokens), j + 9)):
        t = tokens[k]
        if t.lower in lex.complementizers or t.text == ":":
            return k
        if t.text == "," and k + 1 < len(tokens):
            return k
        if not t.is_word and t.text not in "'’-":
            break
    return j


def _postposed(
    tokens: Sequence[Token], i: int, last: int, lex: Lexicon
) -> tuple[tuple[int, int] | None, tuple[int, int]] | None:
    """ "..., X said." / "..., said X." / "..., berichten X." — content before the cue."""
    end = _subject_end(tokens, i, lex)
    start = np_before(tokens, end, 0, lex)
    if start == end:
        start = end  # inverted: "..., said the minister"
    boundary = start - 1
    if boundary < 1 or tokens[boundary].text not in {",", *QUOTES, ":", "—", "–"}:
        return None
    if start < end and (
        tokens[start].lower in lex.prepositions or tokens[start].lower in RELATIVES
    ):
        return None  # "…, über das immer wieder berichtet wurde": a relative clause
    tail = last + 1
    source: tuple[int, int] | None = token_span(tokens, start, end) if start < end else None
    if source is None:
        after = np_after(tokens, tail, lex)
        if after == tail:
            return None
        source, tail = token_span(tokens, tail, after), after
    clause_end = next((k for k in range(tail, len(tokens)) if tokens[k].text == ","), None)
    words_after = [t for t in tokens[tail:clause_end] if t.is_word]
    if len(words_after) > 4:  # "..., X said in a statement" is fine; a new clause is not
        return None
    content_end = boundary
    while (
        content_end > 0
        and not tokens[content_end - 1].is_word
        and tokens[content_end - 1].text not in QUOTES
    ):
        content_end -= 1
    if content_end == 0:
        return None
    return source, (tokens[0].start, tokens[content_end - 1].end)


def _preposed(
    tokens: Sequence[Token], i: int, last: int, lex: Lexicon
) -> tuple[tuple[int, int] | None, tuple[int, int]] | None:
    """ "X said (that) ..." / "X bestätigte, dass ..." / "Ende 2019 erklärte X: ..."."""
    end = _subject_end(tokens, i, lex)
    start = np_before(tokens, end, 0, lex)
    source: tuple[int, int] | None = token_span(tokens, start, end) if start < end else None
    j = last + 1
    fronted = start < end and (
        tokens[start].lower in lex.adverbs
        or tokens[start].lower in lex.prepositions
        or tokens[start].text[0].isdigit()
    )
    relative = start > 1 and tokens[start - 2].text == "," and tokens[start - 1].lower in RELATIVES
    if lex.verb_second and relative:
        return None  # a relative clause: "…, die die Haltung bestätigen" (who is subject?)
    if lex.verb_first and source is None:
        after = np_after(tokens, j, lex)  # "وقالت الأمم المتحدة إن": cue, source, "that"
        source = token_span(tokens, j, after) if after > j else None
        j = after
    elif lex.verb_second and (source is None or fronted):
        after = np_after(tokens, j, lex)
        source = token_span(tokens, j, after) if after > j else None
        j = after
    if tokens[i].lower in lex.objects_after and j < len(tokens):
        j = max(j, np_after(tokens, j, lex))  # "told Reuters that"
    skipped = 0
    while j < len(tokens) and skipped < _SKIP_AFTER_VERB:
        t = tokens[j]
        if t.lower in lex.complementizers or not t.is_word:
            break
        if t.lower in lex.auxiliaries or t.lower in lex.adverbs or t.lower in {"darauf", "dabei"}:
            j, skipped = j + 1, skipped + 1
            continue
        break
    if last > i + 1 and j <= last:
        j = last + 1
    if j >= len(tokens) or source is None:
        return None
    j = _past_adverbial(tokens, j, lex)
    t = tokens[j]
    if t.lower in lex.complementizers:
        begin = j + 1 if lex.verb_first and j + 1 < len(tokens) else j
    elif t.text in {":", ","} and j + 1 < len(tokens):
        nxt = tokens[j + 1]
        if t.text == "," and not (lex.verb_second or nxt.text in OPEN_QUOTES):
            return None
        begin = j + 1
    elif t.text in OPEN_QUOTES:
        begin = j
    elif lex.language == "en" and t.is_word and _opens_clause(t, lex):
        begin = j  # "X said the ...": English drops "that"
    else:
        return None
    return source, (tokens[begin].start, tokens[-1].end)
