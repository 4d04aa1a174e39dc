"""Attribution by token patterns over a cue lexicon: any language with a lexicon, no model.

This is the German backend (no German parser ships on PyPI) and the fallback for every
other language. Patterns, per sentence: a source after a preposition ("according to X",
"laut X", "selon X"), before a postposition ("X zufolge"), in an as-clause ("wie X
berichtet"), and around a cue verb: "X said (that) ...", "..., X said", "..., berichten X",
German verb-second "Ende 2019 erklärte X: ..." (those are in verbs.py); source-less
phrases ("it was reported"); German subjunctive speech running on after its cue. German
sentences with a cue word are part-of-speech tagged (HanTa, tags_de.py) so that sources are
the subject noun phrase of the cue (verbs_de.py); without HanTa, verbs.py's heuristics.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimtrace.nlp.attribution import cues_ar, cues_de, cues_en, cues_es, cues_fr
from claimtrace.nlp.attribution.base import Lexicon, make_span
from claimtrace.nlp.attribution.base import words as _words
from claimtrace.nlp.attribution.found import Found, around, to_attribution, token_span
from claimtrace.nlp.attribution.tags_de import Tagged, noun_position, tag_german
from claimtrace.nlp.attribution.tokens import Token, match_phrase, np_after, tokenize
from claimtrace.nlp.attribution.verbs import verbal
from claimtrace.nlp.attribution.verbs_de import verbal_de
from claimtrace.nlp.text.annotate import Piece
from claimtrace.records import Attribution, Span

__all__ = ["RulesBackend", "lexicon_for", "sentence_attributions"]

LEXICONS: dict[str, Lexicon] = {
    lex.language: lex
    for lex in (cues_en.LEXICON, cues_de.LEXICON, cues_fr.LEXICON, cues_es.LEXICON, cues_ar.LEXICON)
}
MAX_SENTENCE_TOKENS = 1000


def lexicon_for(language: str | None) -> Lexicon | None:
    return LEXICONS.get((language or "").split("-")[0].lower())


class RulesBackend:
    name = "rules"

    def extract(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        language: str,
        document_id: str,
        pieces: Sequence[Piece] = (),  # token patterns need no parse
    ) -> list[Attribution]:
        lex = lexicon_for(language)
        if lex is None:
            return []
        out: list[Attribution] = []
        previous: Attribution | None = None
        before: tuple[int, int] | None = None  # the sentence before, when unattributed
        for start, end in sentences:
            tokens = tokenize(text, start, end)
            sentence = Span(start, end, text[start:end])
            back = _back_reference(text, tokens, sentence, before, lex, document_id)
            found = (
                [back]
                if back is not None
                else [
                    a
                    for f in sentence_attributions(tokens, lex)
                    if (a := to_attribution(text, sentence, f, language, document_id)) is not None
                ]
            )
            if not found and previous is not None and lex.subjunctive:
                continued = _continued_speech(text, tokens, sentence, previous, lex)
                found = [continued] if continued is not None else []
            out.extend(found)
            previous = found[-1] if found else None
            paragraph_goes_on = "\n" not in text[start:end]
            before = (start, end) if not found and paragraph_goes_on else None
        return out


# "Das berichteten örtliche Behörden am Montag.": the source of the sentence before
_TIME_WORDS = _words(
    "montag dienstag mittwoch donnerstag freitag samstag sonntag wochenende abend morgen "
    "vormittag nachmittag mittag heute gestern"
)


def _back_reference(
    text: str,
    tokens: Sequence[Token],
    sentence: Span,
    before: tuple[int, int] | None,
    lex: Lexicon,
    document_id: str,
) -> Attribution | None:
    """A sentence that only names who said the sentence before it: "Das berichteten
    örtliche Behörden." / "Dies teilte das Ministerium mit." (``back_references``)."""
    if before is None or len(tokens) < 3 or tokens[0].lower not in lex.back_references:
        return None
    verb = tokens[1]
    if verb.lower not in lex.verbs:
        return None
    end = np_after(tokens, 2, lex)
    if end == 2:
        return None
    for k in range(2, end - 1):
        if tokens[k].lower in lex.prepositions and tokens[k + 1].lower in _TIME_WORDS:
            end = k  # "örtliche Behörden am Montag": the day is no part of the source
            break
    rest = [t for t in tokens[end:] if t.is_word]
    if len(rest) > 4 or end <= 2:
        return None  # more than "mit" or "am Montag": a sentence of its own
    source = make_span(text, tokens[2].start, tokens[end - 1].end)
    content = make_span(text, *before)
    cue = Span(verb.start, verb.end, verb.text)
    if source is None or content is None:
        return None
    kind = lex.verbs[verb.lower]
    return Attribution(
        document_id, sentence, cue, content, source, kind, lex.language, backend="rules"
    )


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


def sentence_attributions(tokens: Sequence[Token], lex: Lexicon) -> list[Found]:
    if not tokens or len(tokens) > MAX_SENTENCE_TOKENS:
        return []  # a "sentence" this long is a list or a run-on scrape, not reported speech
    used: set[int] = set()
    tagged = _tags(tokens, lex)
    found = _passive(tokens, lex, used, multiword=True)  # before "reported" is a verb cue
    found += _prepositional(tokens, lex, used, tagged)
    found += _as_clauses(tokens, lex, used)
    found += verbal(tokens, lex, used) if tagged is None else verbal_de(tokens, lex, used, tagged)
    if not found:  # "reportedly" inside an attributed sentence adds nothing
        found += _passive(tokens, lex, used, multiword=False)
    return found


def _tags(tokens: Sequence[Token], lex: Lexicon) -> Tagged | None:
    """German part-of-speech tags, for sentences with a cue word only (tagging costs)."""
    if lex.language != "de":
        return None
    cues = lex.verbs.keys() | {p.split()[0] for p in lex.preps}
    if not any(t.lower in cues for t in tokens):
        return None
    return tag_german(tokens)


def _noun(tokens: Sequence[Token], tagged: Tagged, i: int) -> bool:
    # German prepositions are lowercase unless they open the sentence or a quote
    capital = i > 0 and tokens[i].capitalised and tokens[i - 1].is_word
    return capital or noun_position(tagged.tags, i)


def _prepositional(
    tokens: Sequence[Token], lex: Lexicon, used: set[int], tagged: Tagged | None = None
) -> list[Found]:
    found: list[Found] = []
    phrases = _by_first_word(lex)
    for i in range(len(tokens)):
        if i in used or (tagged is not None and _noun(tokens, tagged, i)):
            continue  # "der charakteristische Laut": a noun, not "laut"
        for words, kind in phrases.get(tokens[i].lower, ()):
            if not match_phrase(tokens, i, words):
                continue
            k = i + len(words)
            end = np_after(tokens, k, lex)
            if end > k:
                used.update(range(i, end))
                cue, source = token_span(tokens, i, k), token_span(tokens, k, end)
                found.append(Found(cue, kind, source, around(tokens, i, end), "prep"))
            break
        if tokens[i].lower in lex.postps and i > 0:
            start = i
            while start > 0 and i - start < 8 and tokens[start - 1].is_word:
                start -= 1
            if start < i:
                used.update(range(start, i + 1))
                kind = lex.postps[tokens[i].lower]
                content = around(tokens, start, i + 1)
                source = token_span(tokens, start, i)
                found.append(Found(token_span(tokens, i, i + 1), kind, source, content, "post"))
    return found


_PREP_INDEX: dict[int, tuple[Lexicon, dict[str, list[tuple[list[str], str]]]]] = {}


def _by_first_word(lex: Lexicon) -> dict[str, list[tuple[list[str], str]]]:
    """The prepositional cue phrases by their first word, longest first (built once per
    lexicon object; the lexicon is kept beside its index so the id cannot be reused)."""
    entry = _PREP_INDEX.get(id(lex))
    if entry is None or entry[0] is not lex:
        phrases = sorted(((p.split(), k) for p, k in lex.preps.items()), key=lambda x: -len(x[0]))
        index: dict[str, list[tuple[list[str], str]]] = {}
        for words, kind in phrases:
            index.setdefault(words[0], []).append((words, kind))
        entry = _PREP_INDEX[id(lex)] = (lex, index)
    return entry[1]


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
        content = around(tokens, i, last)
        source = token_span(tokens, i + 1, end)
        found.append(Found(token_span(tokens, end, end + 1), kind, source, content, "as"))
    return found


def _passive(tokens: Sequence[Token], lex: Lexicon, used: set[int], multiword: bool) -> list[Found]:
    found: list[Found] = []
    starts: dict[str, list[int]] = {}
    for i, token in enumerate(tokens):
        starts.setdefault(token.lower, []).append(i)
    for phrase, kind in lex.passives.items():
        words = phrase.split()
        if (len(words) > 1) != multiword:
            continue
        for i in starts.get(words[0], ()):  # a phrase can only start at its first word
            if i in used or not match_phrase(tokens, i, words):
                continue
            k = i + len(words)
            used.update(range(i, k))
            content = around(tokens, i, k) if multiword else token_span(tokens, 0, len(tokens))
            found.append(Found(token_span(tokens, i, k), kind, None, content, "passive"))
    return found
