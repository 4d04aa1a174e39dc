"""Attribution by token patterns over a cue lexicon: any language with a lexicon, no model.

This is the German backend (no German parser ships on PyPI) and the fallback for every
other language. Patterns, per sentence: a source after a preposition ("according to X",
"laut X", "selon X"), before a postposition ("X zufolge"), in an as-clause ("wie X
berichtet"), and around a cue verb: "X said (that) ...", "..., X said", "..., berichten X",
German verb-second "Ende 2019 erklärte X: ...", separable verbs ("wies darauf hin, dass").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimtrace.nlp.attribution import cues_de, cues_en, cues_es, cues_fr
from claimtrace.nlp.attribution.base import Lexicon, make_span
from claimtrace.nlp.attribution.tokens import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    QUOTES,
    Token,
    match_phrase,
    np_after,
    np_before,
    tokenize,
)
from claimtrace.records import Attribution, Span

LEXICONS: dict[str, Lexicon] = {
    lex.language: lex
    for lex in (cues_en.LEXICON, cues_de.LEXICON, cues_fr.LEXICON, cues_es.LEXICON)
}
CLOSER_OF = {"“": "”", "„": "“", "«": "»", "‹": "›", "‚": "‘", '"': '"'}
RELATIVES = frozenset(
    ["der", "die", "das", "dem", "den", "deren", "dessen", "welche", "welcher", "welches"]
)
_SKIP_AFTER_VERB = 4  # adverbs, time words and particles between a cue and its content


@dataclass(frozen=True)
class Found:
    """One attribution inside a sentence, as character offsets."""

    cue: tuple[int, int]
    kind: str
    source: tuple[int, int] | None
    content: tuple[int, int]
    pattern: str = "verb"  # verb | prep | post | as | passive | parse


def lexicon_for(language: str | None) -> Lexicon | None:
    return LEXICONS.get((language or "").split("-")[0].lower())


class RulesBackend:
    name = "rules"

    def extract(
        self, text: str, sentences: Sequence[tuple[int, int]], language: str, document_id: str
    ) -> list[Attribution]:
        lex = lexicon_for(language)
        if lex is None:
            return []
        out: list[Attribution] = []
        previous: Attribution | None = None
        for start, end in sentences:
            tokens = tokenize(text, start, end)
            sentence = Span(start, end, text[start:end])
            found = [
                a
                for f in sentence_attributions(tokens, lex)
                if (a := to_attribution(text, sentence, f, language, document_id)) is not None
            ]
            if not found and previous is not None and lex.subjunctive:
                continued = _continued_speech(text, tokens, sentence, previous, lex)
                found = [continued] if continued is not None else []
            out.extend(found)
            previous = found[-1] if found else None
        return out


def _continued_speech(
    text: str, tokens: Sequence[Token], sentence: Span, previous: Attribution, lex: Lexicon
) -> Attribution | None:
    """German reported speech runs on in the subjunctive after its cue: "Der Minister
    sagte, die Lage sei ruhig. Es gebe keine Gefahr." — the second sentence is his too."""
    if any(t.lower in lex.pronouns and t.lower in {"ich", "wir"} for t in tokens):
        return None  # "ich habe": indicative, the same form as the subjunctive
    verb = next((t for t in tokens if t.lower in lex.subjunctive), None)
    if verb is None or previous.source is None:
        return None
    content = make_span(text, sentence.start, sentence.end)
    if content is None:
        return None
    cue = Span(verb.start, verb.end, verb.text)
    return Attribution(
        previous.document_id,
        sentence,
        cue,
        content,
        previous.source,
        previous.cue_kind,
        previous.language,
        backend="rules",
    )


def to_attribution(
    text: str, sentence: Span, found: Found, language: str, document_id: str, backend: str = "rules"
) -> Attribution | None:
    cue = make_span(text, *found.cue)
    start, end = _unquoted(text, *found.content)
    content = make_span(text, start, end)
    source = make_span(text, *found.source) if found.source else None
    if cue is None or content is None or len(content.text.split()) < 2:
        return None
    return Attribution(
        document_id, sentence, cue, content, source, found.kind, language, backend=backend
    )


def _unquoted(text: str, start: int, end: int) -> tuple[int, int]:
    """A content that is a direct quote is given without its quote marks."""
    while end > start and text[end - 1] in ".,;: ":
        end -= 1
    if text[start : start + 1] in OPEN_QUOTES:
        closer = CLOSER_OF.get(text[start], text[start])
        close_at = text.find(closer, start + 1, end)
        if close_at > 0:  # „Wir bleiben.“ Der Kommandeur …: only the quote
            return start + 1, close_at
        return start + 1, end
    if text[end - 1 : end] in CLOSE_QUOTES and not any(
        c in OPEN_QUOTES for c in text[start : end - 1]
    ):
        return start, end - 1
    return start, end


def sentence_attributions(tokens: Sequence[Token], lex: Lexicon) -> list[Found]:
    if not tokens:
        return []
    used: set[int] = set()
    found = _passive(tokens, lex, used, multiword=True)  # before "reported" is a verb cue
    found += _prepositional(tokens, lex, used)
    found += _as_clauses(tokens, lex, used)
    found += _verbal(tokens, lex, used)
    if not found:  # "reportedly" inside an attributed sentence adds nothing
        found += _passive(tokens, lex, used, multiword=False)
    return found


def _around(tokens: Sequence[Token], first: int, last: int) -> tuple[int, int]:
    """The content beside a cue block tokens[first:last]: the longer side of the sentence."""
    before = sum(1 for t in tokens[:first] if t.is_word)
    after = sum(1 for t in tokens[last:] if t.is_word)
    if after >= before and last < len(tokens):
        return tokens[last].start, tokens[-1].end
    if first == 0:
        return tokens[-1].end, tokens[-1].end
    return tokens[0].start, tokens[first - 1].end


def _span(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int]:
    return tokens[start].start, tokens[end - 1].end


def _prepositional(tokens: Sequence[Token], lex: Lexicon, used: set[int]) -> list[Found]:
    found: list[Found] = []
    phrases = sorted(((p.split(), k) for p, k in lex.preps.items()), key=lambda x: -len(x[0]))
    for i in range(len(tokens)):
        if i in used:
            continue
        for words, kind in phrases:
            if not match_phrase(tokens, i, words):
                continue
            k = i + len(words)
            end = np_after(tokens, k, lex)
            if end > k:
                used.update(range(i, end))
                content = _around(tokens, i, end)
                found.append(
                    Found(_span(tokens, i, k), kind, _span(tokens, k, end), content, "prep")
                )
            break
        if tokens[i].lower in lex.postps and i > 0:
            start = i
            while start > 0 and i - start < 8 and tokens[start - 1].is_word:
                start -= 1
            if start < i:
                used.update(range(start, i + 1))
                kind = lex.postps[tokens[i].lower]
                content = _around(tokens, start, i + 1)
                source = _span(tokens, start, i)
                found.append(Found(_span(tokens, i, i + 1), kind, source, content, "post"))
    return found


def _as_clauses(tokens: Sequence[Token], lex: Lexicon, used: set[int]) -> list[Found]:
    found: list[Found] = []
    for i, token in enumerate(tokens):
        if token.lower not in lex.as_clause or i in used:
            continue
        end = np_after(tokens, i + 1, lex)
        if end == i + 1 or end >= len(tokens) or tokens[end].lower not in lex.verbs:
            continue
        last = end + 1
        while last < len(tokens) and tokens[last].is_word and last - end < 3:
            last += 1  # "wie X berichtet hatte", "as X reported on Monday"
        used.update(range(i, last))
        kind = lex.verbs[tokens[end].lower]
        content = _around(tokens, i, last)
        source = _span(tokens, i + 1, end)
        found.append(Found(_span(tokens, end, end + 1), kind, source, content, "as"))
    return found


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


def _verbal(tokens: Sequence[Token], lex: Lexicon, used: set[int]) -> list[Found]:
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
    source: tuple[int, int] | None = _span(tokens, start, end) if start < end else None
    if source is None:
        after = np_after(tokens, tail, lex)
        if after == tail:
            return None
        source, tail = _span(tokens, tail, after), after
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
    source: tuple[int, int] | None = _span(tokens, start, end) if start < end else None
    j = last + 1
    fronted = start < end and (
        tokens[start].lower in lex.adverbs
        or tokens[start].lower in lex.prepositions
        or tokens[start].text[0].isdigit()
    )
    relative = start > 1 and tokens[start - 2].text == "," and tokens[start - 1].lower in RELATIVES
    if lex.verb_second and relative:
        return None  # a relative clause: "…, die die Haltung bestätigen" (who is subject?)
    if lex.verb_second and (source is None or fronted):
        after = np_after(tokens, j, lex)
        source = _span(tokens, j, after) if after > j else None
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
        begin = j
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


def _passive(tokens: Sequence[Token], lex: Lexicon, used: set[int], multiword: bool) -> list[Found]:
    found: list[Found] = []
    for phrase, kind in lex.passives.items():
        words = phrase.split()
        if (len(words) > 1) != multiword:
            continue
        for i in range(len(tokens)):
            if i in used or not match_phrase(tokens, i, words):
                continue
            k = i + len(words)
            used.update(range(i, k))
            content = _around(tokens, i, k) if multiword else _span(tokens, 0, len(tokens))
            found.append(Found(_span(tokens, i, k), kind, None, content, "passive"))
    return found
