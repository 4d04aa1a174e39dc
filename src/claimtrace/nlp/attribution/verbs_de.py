"""German cue verbs over part-of-speech tags: the source is the subject noun phrase of the
cue's own clause.

German main clauses put the finite verb second: the subject is the whole field before it
("Ingo hat ja gesagt" -> Ingo), or, when that field is an adverbial, an object or empty
because the content came first, the first noun phrase after it ("Am Montag sagte der
Sprecher", "„…“, bezeichnete X das Lager"). A cue coordinated with "und" shares the subject
of the verb before ("X bezeichnete … und kündigte an, …"). In a subordinate clause the
subject follows the conjunction ("weil der Minister sagte, dass …"); a relative clause or an
indirect question ("was Ingo gesagt hat") has no content and is no attribution. Every cue
needs a content: a dass/ob clause, a colon or quote, a comma clause after it, or the content
before it ("…, sagte X"). Verbs that also take a plain object ("schreiben", "zeigen") need a
dass clause, a quote or speech in the subjunctive.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimtrace.nlp.attribution.base import Lexicon, words
from claimtrace.nlp.attribution.found import Found, around, token_span
from claimtrace.nlp.attribution.tags_de import (
    BOUNDARIES,
    DETERMINERS,
    RELATIVES,
    SUBORDINATORS,
    Tagged,
    is_noun,
    np_end,
    subject_span,
)
from claimtrace.nlp.attribution.tokens import OPEN_QUOTES, QUOTES, Token
from claimtrace.nlp.attribution.verbs import _particle, _past_adverbial

# cues that are also ordinary transitive verbs: "damit Petra den Text schreibt"
OBJECT_VERBS = words(
    "schreiben zeigen sprechen belegen beweisen enthüllen geben stellen melden denken meinen "
    "glauben"
)
# Konjunktiv II stands in for Konjunktiv I in reported speech ("X unterstellte, A hätten")
SUBJUNCTIVE_II = words("hätte hätten wäre wären würde würden könnten müssten")
COORDINATORS = frozenset({"und", "oder", "aber", "sondern"})
SKIPPABLE = frozenset({"ADV", "ADJ(D)", "PTKNEG", "PROAV", "PAV", "PTKA"})


def verbal_de(tokens: Sequence[Token], lex: Lexicon, used: set[int], tagged: Tagged) -> list[Found]:
    tags = tagged.tags
    if _question(tokens):
        return []  # "Was sagt Professor Drosten dazu?": asks, attributes nothing
    found: list[Found] = []
    for i, token in enumerate(tokens):
        if i in used or token.lower not in lex.verbs or not tags[i].startswith("VV"):
            continue  # "der Laut", "die Belege": not verbs
        if i > 0 and tags[i - 1] == "PTKZU":
            continue  # "zu sagen"
        last = _particle(tokens, i, lex)
        if last is None:
            continue
        hit = _clause(tokens, tagged, i, last, lex)
        if hit is None:
            continue
        kind = lex.particle_kinds.get(tokens[last].lower, lex.verbs[token.lower])
        cue = (token.start, tokens[last].end) if last == i + 1 else (token.start, token.end)
        found.append(Found(cue, kind, hit[0], hit[1]))
        used.add(i)
    return found


def _question(tokens: Sequence[Token]) -> bool:
    k = len(tokens) - 1
    while k > 0 and tokens[k].text in QUOTES:
        k -= 1
    return tokens[k].text == "?"


def _clause_start(tokens: Sequence[Token], tags: Sequence[str], i: int) -> int:
    j = i
    while j > 0:
        if tokens[j - 1].text == ")" and (opened := _opening(tokens, j - 1)) is not None:
            j = opened  # "Prof. X (Referent für …) erklärt": an aside, not a boundary
            continue
        if tokens[j - 1].text == "," and (opened := _aside(tokens, j - 1)) is not None:
            j = opened  # "Lokale Sender, darunter das X-Netzwerk, berichteten"
            continue
        if tags[j - 1] in BOUNDARIES or tags[j - 1] in SUBORDINATORS:
            break
        j -= 1
    return j


def _subordinate(tokens: Sequence[Token], tags: Sequence[str], k: int) -> bool:
    start = _clause_start(tokens, tags, k)
    return start > 0 and tags[start - 1] in SUBORDINATORS


# words opening an aside between commas inside a noun phrase
ASIDES = words("darunter einschließlich insbesondere etwa namentlich vor allem allen voran")


def _aside(tokens: Sequence[Token], close: int) -> int | None:
    """The comma opening an aside that the comma at ``close`` ends: ", darunter X,"."""
    for k in range(close - 1, max(-1, close - 15), -1):
        if tokens[k].text == ",":
            return k if k > 0 and tokens[k + 1].lower in ASIDES else None
    return None


def _opening(tokens: Sequence[Token], close: int) -> int | None:
    for k in range(close - 1, max(-1, close - 40), -1):
        if tokens[k].text == "(":
            return k if k > 0 else None
        if tokens[k].text == ")":
            return None
    return None


def _finite(tags: Sequence[str], start: int, i: int) -> int:
    """The finite verb of the main clause holding cue i: an auxiliary or modal before it
    ("Ingo hat ja gesagt", "kann man sagen", where HanTa may tag "sagen" finite), or the
    cue itself."""
    finite = ("VA(FIN)", "VM(FIN)") if tags[i].endswith("(FIN)") else ("(FIN)",)
    return next((k for k in range(i - 1, start - 1, -1) if tags[k].endswith(finite)), i)


def _clause(
    tokens: Sequence[Token], tagged: Tagged, i: int, last: int, lex: Lexicon
) -> tuple[tuple[int, int] | None, tuple[int, int]] | None:
    tags = tagged.tags
    start = _clause_start(tokens, tags, i)
    weak = tagged.lemma(i) in OBJECT_VERBS
    if start > 0 and tokens[start - 1].lower in lex.as_clause:
        subject = _np_after(tokens, tags, start, i)  # "Wie die Agentur berichtet, …"
        return (subject, around(tokens, start - 1, last + 1)) if subject else None
    if start > 0 and tags[start - 1] in SUBORDINATORS:
        if tags[start - 1] in RELATIVES or tags[start - 1] == "KOUI":
            return None  # "…, die das bestätigen", "was Ingo gesagt hat"
        subject = _np_after(tokens, tags, start, i)
        content = _content_after(tokens, tags, last + 1, lex, weak, subordinate=True)
        return (subject, content) if subject and content else None
    finite = _finite(tags, start, i)
    subject = _subject(tokens, tags, start, finite, i)
    if subject is None:
        return None
    if finite == start and start > 1 and tokens[start - 1].text in {",", ":", "—", "–", *QUOTES}:
        content = _content_before(tokens, tags, start - 1, max(last, subject[1] - 1) + 1, weak)
        if content is not None:
            return token_span(tokens, *subject), content
    content = _content_after(tokens, tags, max(last, subject[1] - 1) + 1, lex, weak)
    return (token_span(tokens, *subject), content) if content else None


def _subject(
    tokens: Sequence[Token], tags: Sequence[str], start: int, finite: int, i: int
) -> tuple[int, int] | None:
    """Token bounds of the subject of the main clause whose finite verb is ``finite``."""
    if finite > start and tokens[finite - 1].lower in COORDINATORS:
        # "X bestätigte, dass …, und stellte fest": the subject of the main clause's verb,
        # the first finite verb outside a subordinate clause
        earlier = next(
            (
                k
                for k in range(finite - 1)
                if tags[k].endswith("(FIN)") and not _subordinate(tokens, tags, k)
            ),
            None,
        )
        if earlier is None:
            return None
        first = _clause_start(tokens, tags, earlier)
        return _subject(tokens, tags, first, earlier, earlier)
    s = start
    while s < finite and tags[s] in SKIPPABLE | {"KON"}:
        s += 1  # "Auch die Regierung", "Nun hat Ingo"
    end = finite
    if end > s and tokens[end - 1].text == ")":
        end = _opening(tokens, end - 1) or end  # "Prof. X (Referent für …) erklärt" -> Prof. X
    if end > s and tokens[end - 1].text == ",":
        end = _aside(tokens, end - 1) or end  # "Lokale Sender, darunter X, berichteten"
    if s < end and _one_noun_phrase(tokens, tags, s, end):
        return subject_span(tokens, tags, s, end)  # the field before the verb
    j = finite + 1
    while j < len(tokens) and tags[j] in SKIPPABLE | {"PTKVZ"}:
        j += 1
    if finite == start and j < len(tokens) and tags[j] in {"APPR", "APPRART"}:
        # "…, sagte am Montag der Sprecher" (after a fronted adverbial, the subject is first)
        k = np_end(tokens, tags, j + 1, len(tokens))
        if k > j + 1 and np_end(tokens, tags, k, len(tokens)) > k:
            j = k
    end = np_end(tokens, tags, j, len(tokens) if i == finite else i)
    return subject_span(tokens, tags, j, end) if end > j else None


def _one_noun_phrase(tokens: Sequence[Token], tags: Sequence[str], s: int, end: int) -> bool:
    """Whether tokens[s:end], the field before a verb-second verb, is a noun phrase.

    That field holds exactly one constituent: if it opens like a noun phrase it is one, with
    whatever attaches to it ("Der Sprecher des Arbeitskreises in der Partei Frank L.").
    """
    if np_end(tokens, tags, s, end) == end:
        return True
    opens = tags[s] in DETERMINERS or is_noun(tags[s]) or tags[s] in {"ADJ(A)", "PPER"}
    inside = tags[s:end]
    return (
        opens
        and np_end(tokens, tags, s, end) > s
        and is_noun(inside[-1])
        and not any(t in BOUNDARIES or t.startswith("V") for t in inside)
    )


def _np_after(
    tokens: Sequence[Token], tags: Sequence[str], j: int, limit: int
) -> tuple[int, int] | None:
    while j < limit and tags[j] in SKIPPABLE:
        j += 1
    end = np_end(tokens, tags, j, limit)
    return token_span(tokens, *subject_span(tokens, tags, j, end)) if end > j else None


def _content_after(
    tokens: Sequence[Token],
    tags: Sequence[str],
    j: int,
    lex: Lexicon,
    weak: bool,
    subordinate: bool = False,
) -> tuple[int, int] | None:
    """The content opened right after the cue (and its subject): "…, dass", ":", a quote,
    or a clause after a comma — but a finite verb right after the comma of a subordinate
    clause opens the main clause ("Solange X berichten, habe ich …"), not a content."""
    while j < len(tokens) and (tags[j] in SKIPPABLE or tokens[j].lower in lex.auxiliaries):
        j += 1  # "sagte dabei", "erklärte später"
    if j >= len(tokens):
        return None
    skipped = _past_adverbial(tokens, j, lex)  # "schrieb in einer Mitteilung, dass"
    if skipped > j and tokens[skipped].text == "," and not _speech(tokens, tags, skipped + 1, lex):
        return None  # "berichten über eure Ideen, ihr könnt …": the PP was the complement
    j = skipped
    t = tokens[j]
    if t.lower in lex.complementizers and tags[j] in {"KOUS", "PWAV", "PWS", "KOKOM"}:
        begin = j
    elif t.text == ":" and j + 1 < len(tokens):
        begin = j + 1
    elif t.text in OPEN_QUOTES and j + 1 < len(tokens):
        begin = j
    elif t.text == "," and j + 1 < len(tokens):
        nxt = j + 1
        if tags[nxt] in {"KOUI", "PRELS", "PRELAT"}:
            return None  # "…, um … zu", "…, der …": no content ("…, wie/was …" is)
        if subordinate and tags[nxt].endswith("(FIN)"):
            return None
        if weak and not _speech(tokens, tags, nxt, lex):
            return None
        begin = nxt
    else:
        return None
    end = len(tokens)
    for k in range(begin + 1, len(tokens) - 1):
        nxt = k + 1  # "…, dass A, und stellte fest, dass B": the second cue's content
        if tokens[k].lower in COORDINATORS and tokens[nxt].lower in lex.verbs:
            end = k if tags[nxt].endswith("(FIN)") else end
            if end == k:
                break
    while end > begin + 1 and not tokens[end - 1].is_word and tokens[end - 1].text not in QUOTES:
        end -= 1
    return tokens[begin].start, tokens[end - 1].end


def _speech(tokens: Sequence[Token], tags: Sequence[str], j: int, lex: Lexicon) -> bool:
    """Whether the clause at ``j`` is reported: dass/ob, a quote, or a subjunctive verb."""
    if tokens[j].lower in {"dass", "daß", "ob"} or tokens[j].text in OPEN_QUOTES:
        return True  # not "wie": "sprachen darüber, wie …" names a topic, not a claim
    for k in range(j, len(tokens)):
        if tags[k] == "$.":
            return False  # the subjunctive may come after a list: "…, A, B und C hätten"
        if tokens[k].lower in lex.subjunctive or tokens[k].lower in SUBJUNCTIVE_II:
            return True
    return False


def _content_before(
    tokens: Sequence[Token], tags: Sequence[str], boundary: int, after: int, weak: bool
) -> tuple[int, int] | None:
    """ "„…“, sagte X." — the content before the cue, if the cue closes its clause."""
    tail = next((k for k in range(after, len(tokens)) if tags[k] in BOUNDARIES), len(tokens))
    if any(t.endswith("(FIN)") or t == "KON" for t in tags[after:tail]):
        return None  # "…, sagte er und ging", "…, erklärt die X und die Y": not a closing cue
    colon = after < len(tokens) and tokens[after].text == ":" or tokens[after - 1].text == ":"
    if colon and tokens[boundary - 1].text not in QUOTES:
        return None  # "A, betonte X: „B“": the quote after the colon is the content
    end = boundary
    while end > 0 and not tokens[end - 1].is_word and tokens[end - 1].text not in QUOTES:
        end -= 1
    if end == 0 or (weak and tokens[end - 1].text not in QUOTES and end < 3):
        return None
    return tokens[0].start, tokens[end - 1].end
