"""Attribution from a dependency parse (spaCy; English, French, Spanish).

A cue verb (its lemma in the language's lexicon) gives the source from its subject (or the
agent of a passive; none for "it was reported"), and the content from its clausal
complement, or, when the cue is a parenthetical ("..., sources said"), from the clause it
hangs on. Prepositional cues ("according to", "selon", "según") and source-less phrases
come from the token patterns of rules_backend, run on the same sentences.

The parse is the document's one annotation (nlp/text/annotate.py: the full pipeline of the
language, shared with NER, sentences and claims); only a text analysed without one is parsed
here, with that same pipeline.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterator, Sequence
from typing import Any

from claimtrace.errors import MissingDependencyError
from claimtrace.nlp.attribution.base import Lexicon, words
from claimtrace.nlp.attribution.discourse import EVIDENCE
from claimtrace.nlp.attribution.found import Found, to_attribution
from claimtrace.nlp.attribution.rules_backend import lexicon_for, sentence_attributions
from claimtrace.nlp.attribution.tokens import tokenize
from claimtrace.nlp.text.annotate import Piece
from claimtrace.nlp.text.mask import mask_for_parser
from claimtrace.nlp.text.spacy_models import (
    BATCH_SIZE,
    CHUNK_CHARS,
    DEFAULT_MODELS,
    MODELS,
    install_hint,
    installed,
    pipeline,
)
from claimtrace.records import Attribution, Span

SUBJECTS = {"nsubj", "nsubj:pass", "csubj"}
AUX = {"aux", "aux:tense", "aux:pass", "auxpass"}  # "», a déclaré le ministre"
PASSIVE_SUBJECTS = {"nsubjpass", "nsubj:pass"}
AGENTS = {"agent", "obl:agent"}
CONTENTS = {"ccomp", "xcomp", "csubj", "parataxis"}
OBJECTS = {"dobj", "obj"}
CLOSERS = {"”", '"', "»", "“", "''"}
OPENERS = {"“", '"', "«", "„", "``", "''"}
QUOTE_CLOSERS = frozenset('”"»“')
GAP = ' \t\n,.?!”"»“'


def parse_model(language: str, model_name: str | None = None) -> str:
    """The spaCy model that parses ``language`` for this backend (MissingDependencyError
    naming the package when it is not installed)."""
    name = model_name or DEFAULT_MODELS.get(language)
    if name is None or name not in MODELS or not MODELS[name].parser:
        raise MissingDependencyError(f"no spaCy parser is known for language '{language}'")
    if MODELS[name].language != language:
        raise MissingDependencyError(f"spaCy model {name} does not parse '{language}'")
    if not installed(name):
        raise MissingDependencyError(
            f"attribution backend 'spacy' for '{language}' needs "
            f"{install_hint(MODELS[name])} (or use 'rules' for this language)"
        )
    return name


class SpacyAttributionBackend:
    """``spacy`` (the default model per language) or ``spacy:<model>`` (spacy_models.MODELS)."""

    def __init__(self, model_name: str | None = None) -> None:
        self.model_name = model_name
        self.name = f"spacy:{model_name}" if model_name else "spacy"

    def extract(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        language: str,
        document_id: str,
        pieces: Sequence[Piece] = (),
    ) -> list[Attribution]:
        """``pieces``: the document's annotation (nlp/text/annotate.py); the sentences are
        read off its parse when this backend's model made it, else parsed here."""
        lex = lexicon_for(language)
        if lex is None or not sentences:
            return []
        model = parse_model(language, self.model_name)
        bounds = sorted(sentences)
        starts = [s for s, _ in bounds]
        by_sentence: dict[int, list[Found]] = {s: [] for s in starts}
        for start, doc in _parses(text, bounds, model, pieces):
            for token in doc:
                at = start + token.idx
                k = bisect.bisect_right(starts, at) - 1
                if k < 0 or at >= bounds[k][1]:
                    continue  # between sentences (whitespace, dropped debris)
                cues = _evidence(token, lex, start)
                if not cues:
                    cue = _from_cue(token, lex, start, starts[k] == at)
                    cues = [cue] if cue is not None else []
                for cue in cues:
                    cue = _to_sentence(cue, bounds[k], text)
                    if cue is not None:
                        by_sentence[starts[k]].append(cue)
        out: list[Attribution] = []
        for s, e in bounds:
            found = by_sentence[s]
            for extra in sentence_attributions(tokenize(text, s, e), lex):
                if extra.pattern != "verb" and not any(_overlaps(extra.cue, f.cue) for f in found):
                    found.append(extra)
            sentence = Span(s, e, text[s:e])
            for f in found:
                a = to_attribution(text, sentence, f, language, document_id, "spacy")
                if a is not None:
                    out.append(a)
        return out


def _parses(
    text: str, bounds: list[tuple[int, int]], model: str, pieces: Sequence[Piece]
) -> Iterator[tuple[int, Any]]:
    """(offset, parse) covering the sentences: the annotation's pieces that hold them, and
    a parse of its own for sentences no piece of ``model`` holds (a text analysed without
    an annotation, or a backend set to another model than the annotation's)."""
    parsed = [p for p in pieces if p.doc is not None and p.model == model]
    used: list[Piece] = []
    rest: list[tuple[int, int]] = []
    for s, e in bounds:
        piece = next((p for p in parsed if p.start <= s and e <= p.end), None)
        if piece is None:
            rest.append((s, e))
        elif piece not in used:
            used.append(piece)
    for piece in used:
        yield piece.start, piece.doc
    if rest:
        nlp = pipeline(model)
        runs = _runs(rest)
        texts = [mask_for_parser(text[s:e], nlp.Defaults.stop_words) for s, e in runs]
        for (start, _end), doc in zip(runs, nlp.pipe(texts, batch_size=BATCH_SIZE), strict=True):
            yield start, doc


def _runs(bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs of whole sentences of at most CHUNK_CHARS each (bounded parse memory)."""
    pieces: list[tuple[int, int]] = []
    for s, e in bounds:
        if pieces and e - pieces[-1][0] <= CHUNK_CHARS:
            pieces[-1] = (pieces[-1][0], e)
        else:
            pieces.append((s, e))
    return pieces


def _to_sentence(found: Found, sentence: tuple[int, int], text: str) -> Found | None:
    """The content within the cue's sentence: after its cue it runs to the sentence end,
    before it from the sentence start (parses cut long clauses short, and join sentences
    the splitter kept apart). A content wholly in another sentence is no content."""
    first, end = sentence
    start, stop = found.content
    lead = min(found.cue[0], found.source[0] if found.source else found.cue[0])
    if stop <= first and text[stop - 1 : stop] in QUOTE_CLOSERS and not text[stop:lead].strip(GAP):
        return found  # '“… Are we ready?” he said.': the quote just before is the content
    if start >= end and text[found.cue[1] : start].strip() == ":":
        return found  # "He said:" closing its sentence: the next sentence is what he said
    if start >= found.cue[1]:
        stop = end
    elif stop <= found.cue[0] and (found.source is None or found.source[0] >= stop):
        start = first
    start, stop = max(start, first), min(stop, end)
    if stop <= start:
        return None
    return dataclasses.replace(found, content=(start, stop))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _edges(tokens: Sequence[Any], offset: int) -> tuple[int, int] | None:
    words = [t for t in tokens if not t.is_punct or t.text in '”"»“']
    if not words:
        return None
    first, last = min(words, key=lambda t: t.i), max(words, key=lambda t: t.i)
    return offset + first.idx, offset + last.idx + len(last.text)


def _subtree(token: Any) -> list[Any]:
    return list(token.subtree)


INHERITS = {"conj", "advcl", "xcomp"}  # "X says A and said B", "X said, adding that B"
OBJECT_CONTENT = {"call", "cite", "ask", "describe", "accuse", "deny", "confirm"} | {
    # an evaluation's object is what it says something about: "criticized the deals"
    *words("criticize criticise condemn denounce deride blast slam mock praise label brand liken")
}
# "X responded to the charge", "responded by attacking Y": what they answered or did
ANSWER = {"respond", "reply", "react", "point"}


def _from_cue(token: Any, lex: Lexicon, offset: int, initial: bool) -> Found | None:
    if token.pos_ != "VERB" or (token.text[0].isupper() and not initial and not _title(token)):
        return None  # "State", "Report": a capitalised cue word inside a name
    lemma = token.lemma_.lower()
    kind = lex.lemmas.get(lemma) or lex.verbs.get(token.lower_)
    if kind is None:
        return None
    if token.tag_ == "VBG" and token.dep_ == "acl" and token.head.lemma_ in STATEMENT_NOUNS:
        return _statement(token, kind, offset)
    if token.tag_ == "VBG" and token.dep_ != "advcl" and not _has(token, {"aux"}):
        return None  # "Assad finding ISIS useful": a gerund, not a report
    if lemma == "point" and not any(c.lower_ in {"out", "to"} for c in token.children):
        return None
    if lemma == "call" and not any(
        c.lower_ in {"for", "on"} or c.dep_ in {"oprd", "xcomp", "ccomp"} or _named_as(c)
        for c in token.children
    ):
        return None  # "called for talks", "called him a liar" state something; "called him" not
    if any(c.tag_ == "TO" for c in token.children):
        return None  # "plans to say", "refused to confirm": not (yet) a statement
    if token.dep_ == "conj" and any(c.tag_ == "TO" for c in token.head.children):
        return None  # "needs to sell herself and tell more jokes"
    if token.dep_ in {"ccomp", "xcomp"} and token.head.lemma_ in {"let", "make", "help"}:
        return None  # "may not let editorials tell them how to vote"
    source_tokens, passive = _source(token, lex)
    content = _content(token, kind, offset, passive)
    if content is None:
        return None
    source = _edges(source_tokens, offset) if source_tokens else None
    # "A and criticized B", "…, citing B": a joined or participle cue with the subject of
    # the clause it joins ("« … », a déclaré le ministre" is an inverted subject instead)
    inherited = (
        source is not None
        and not _has(token, SUBJECTS | AGENTS)
        and (_has(token, {"cc"}) or token.tag_ == "VBG")
    )
    if content[0] < offset + token.idx and (source is None or _overlaps(source, content)):
        obj = next((c for c in token.children if c.dep_ in OBJECTS and c.i > token.i), None)
        if inherited:
            # "Graham urged A and criticized B", "the court blocked A, citing B": the
            # subject is the one of the clause the cue joins, what follows the cue its content
            content = _edges(_subtree(obj), offset) if obj is not None else None
            if content is None:
                return None
        else:
            # "« … », a déclaré le ministre": the parser takes the inverted subject for an object
            source = _edges(_subtree(obj), offset) if obj is not None else None
    if (source is None and not passive) or (source is not None and _overlaps(source, content)):
        return None
    aux = [c for c in token.children if c.dep_.startswith("aux") and c.i < token.i]
    cue_start = token.idx if not aux else min(a.idx for a in aux)
    particle = [c for c in token.children if c.dep_ in {"prt", "compound:prt"}]
    cue_end = token.idx + len(token.text)
    if particle and particle[0].i == token.i + 1:
        cue_end = particle[0].idx + len(particle[0].text)
    return Found((offset + cue_start, offset + cue_end), kind, source, content, "parse")


STATEMENT_NOUNS = words(
    "statement communique communiqué letter report message post tweet video note "
    "declaration announcement release"
)


def _statement(token: Any, kind: str, offset: int) -> Found | None:
    """ "The ministry issued a statement stressing the need to …": the statement's issuer
    says what the gerund introduces (its clause or its object)."""
    noun, verb = token.head, token.head.head
    if noun.dep_ not in OBJECTS or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    said = next((c for c in token.children if c.dep_ in CONTENTS | OBJECTS and c.i > token.i), None)
    if subject is None or said is None:
        return None
    source = _edges(_subtree(subject), offset)
    content = _edges(_subtree(said), offset)
    if source is None or content is None:
        return None
    cue = (offset + verb.idx, offset + token.idx + len(token.text))
    return Found(cue, kind, source, content, "parse")


HOLDING = words("obtain publish release post show present reveal leak see acquire receive find")


def _evidence(token: Any, lex: Lexicon, offset: int) -> list[Found]:
    """ "Sky News obtained documents proving that …", "the paper published photos showing
    that …": the documents prove, the outlet holds them. Gives the holder's report
    (cue: its verb, content: from the documents on) and, inside it, the evidence's (source:
    the documents, cue: the participle, kind ``report``: what papers show is reported,
    not vouched for), so the chain runs outlet → documents."""
    if token.tag_ != "VBG" or token.pos_ != "VERB" or token.dep_ not in {"acl", "advcl"}:
        return []
    if not (lex.lemmas.get(token.lemma_.lower()) or lex.verbs.get(token.lower_)):
        return []
    if token.dep_ == "acl":
        noun, verb = token.head, token.head.head
    else:
        verb = token.head
        noun = next((c for c in verb.children if c.dep_ in OBJECTS and c.i < token.i), None)
    if noun is None or noun.lower_ not in EVIDENCE or noun.dep_ not in OBJECTS:
        return []
    said = next((c for c in token.children if c.dep_ in CONTENTS and c.i > token.i), None)
    if said is None:
        return []
    content = _edges(_subtree(said), offset)
    papers = _edges([t for t in _subtree(noun) if t.i < token.i and t.i not in _ids(token)], offset)
    if content is None or papers is None:
        return []
    cue = (offset + token.idx, offset + token.idx + len(token.text))
    out = [Found(cue, "report", papers, content, "parse")]
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if verb.lemma_.lower() in HOLDING and subject is not None and subject.i < verb.i:
        holder = _edges(_subtree(subject), offset)
        held = (papers[0], content[1])
        if holder is not None:
            verb_cue = (offset + verb.idx, offset + verb.idx + len(verb.text))
            out.insert(0, Found(verb_cue, "report", holder, held, "parse"))
    return out


def _ids(token: Any) -> set[int]:
    return {t.i for t in token.subtree}


def _title(token: Any) -> bool:
    """A headline in title case ("Obama Says Museum Will Tell of Suffering"): a
    capitalised "Says" there is the verb, when its subject is a name before it."""
    words = [t for t in token.sent if t.is_alpha]
    capitals = sum(1 for t in words if t.text[0].isupper())
    subject = next((c for c in token.children if c.dep_ in SUBJECTS), None)
    return (
        len(words) >= 4
        and capitals >= 0.7 * len(words)
        and token.lower_ in {"says", "said", "tells", "told", "warns", "claims", "reports"}
        and subject is not None
        and subject.pos_ == "PROPN"
    )


def _has(token: Any, deps: set[str]) -> bool:
    return any(c.dep_ in deps for c in token.children)


def _source(token: Any, lex: Lexicon | None = None) -> tuple[list[Any] | None, bool]:
    """The source's tokens, and whether the cue is passive ("it was reported")."""
    passive = any(c.dep_ in PASSIVE_SUBJECTS | {"auxpass", "aux:pass"} for c in token.children)
    for child in token.children:
        if child.dep_ in SUBJECTS:
            # "an investigation, which reveals": the source is "which", as written; what it
            # stands for is read off the parse by the claims (nlp/claims/sources.py)
            return _subtree(child), False
        if child.dep_ in AGENTS:
            # "Assad had been warned by his officials": still passive, the addressee is the
            # subject, and what he was warned of is no content without a clause
            agent = [t for t in _subtree(child) if t.i != child.i or child.dep_ != "agent"]
            return agent, passive
    head = token
    while not passive and head.dep_ in INHERITS and head.head.i != head.i:
        head = head.head
        if head.dep_ == "ccomp" and lex is not None and _cue_verb(head.head, lex):
            # "X said A depended on B and called on C": the parser hangs the second cue on
            # the first one's content; it is X who called, not A
            head = head.head
        subject = next((c for c in head.children if c.dep_ in SUBJECTS), None)
        if subject is not None:
            return _subtree(subject), False
    return None, passive


def _cue_verb(token: Any, lex: Lexicon) -> bool:
    return token.pos_ == "VERB" and bool(
        lex.lemmas.get(token.lemma_.lower()) or lex.verbs.get(token.lower_)
    )


def _content(token: Any, kind: str, offset: int, passive: bool) -> tuple[int, int] | None:
    children = list(token.children)
    after = next((c for c in children if c.dep_ in CONTENTS and c.i > token.i), None)
    if after is None and kind == "say":
        # "Trump said after the convention he would not accept …": a clause with a subject
        # of its own and no conjunction, parsed as an adverbial clause
        after = next(
            (
                c
                for c in children
                if c.dep_ == "advcl"
                and c.i > token.i
                and _has(c, SUBJECTS)
                and not _has(c, {"mark"})
            ),
            None,
        )
    head = after or next((c for c in children if c.dep_ in CONTENTS), None)
    relative = token.dep_ in {"relcl", "acl:relcl"}
    if (
        head is not None
        and relative
        and head.i > token.i
        and not _has(head, {"mark"})
        and not _own_subject(token)
    ):
        return None  # "fighters that concluded the deal … left": a misparse, no "that"
    if head is not None:
        return _edges(_subtree(head), offset)
    if passive:
        return None  # "Assad had been warned by his officials": the addressee is the subject
    quoted = _quote_before(token)
    if quoted is not None:
        return _edges(quoted, offset)
    colon = next((t for t in token.doc[token.i + 1 : token.i + 8] if t.text == ":"), None)
    if colon is not None and colon.i + 1 < len(token.doc):
        rest = [t for t in token.doc[colon.i + 1 :] if t.sent == colon.sent]
        if not [t for t in rest if not t.is_space]:
            # "He said:" closing its sentence: what follows is the next sentence
            after = token.doc[colon.sent.end :]
            rest = [t for t in after[0].sent if not t.is_space] if len(after) else []
        return _edges(rest, offset)
    subject = next((c for c in children if c.dep_ in SUBJECTS), None)
    inverted = subject is None or subject.i > token.i
    postposed = token.dep_ in {"parataxis", "advcl", "ccomp"} or (
        token.dep_ == "conj" and inverted and token.head.i < token.i
    )
    if postposed and token.dep_ == "ccomp" and _cue_like(token.head):
        return None  # "Qasim alleges that … Assad had been warned …": the head's content
    if postposed and token.head.i != token.i:
        # "..., sources said": the content is the clause the cue hangs on, minus the cue
        cue_part = {t.i for t in token.subtree}
        rest = [t for t in token.head.subtree if t.i not in cue_part and t.i < token.left_edge.i]
        return _edges(rest, offset)
    if kind == "report":
        # "Sky News reports on the results of an investigation, which reveals that …"
        about = next(
            (c for c in children if c.dep_ == "prep" and c.lower_ in {"on", "about"}), None
        )
        target = next((c for c in about.children if c.dep_ == "pobj"), None) if about else None
        if target is not None:
            return _edges(_subtree(target), offset)
    if token.lemma_.lower() in ANSWER and not (head is not None or _has(token, {"prt"})):
        prep = next(
            (c for c in children if c.dep_ in {"prep", "obl"} and c.lower_ in {"to", "by", "with"}),
            None,
        )
        return _edges(_subtree(prep), offset) if prep is not None else None
    if kind not in {"say", "report", "believe"} or token.lemma_.lower() in OBJECT_CONTENT:
        obj = next((c for c in children if c.dep_ in OBJECTS), None)
        if obj is None:
            prep = next((c for c in children if c.dep_ in {"prep", "obl"} and c.i > token.i), None)
            obj = prep if prep is not None and prep.lower_ in {"for", "on", "to"} else None
        return _edges(_subtree(obj), offset) if obj is not None else None
    return None


def _cue_like(token: Any) -> bool:
    lex = lexicon_for(token.lang_)
    return lex is not None and _cue_verb(token, lex)


def _named_as(child: Any) -> bool:
    """ "called the charges unsubstantiated": an object with a predicate after it."""
    return child.dep_ in OBJECTS and any(
        g.dep_ in {"acl", "amod", "appos"} and g.i > child.i and g.pos_ in {"ADJ", "NOUN", "VERB"}
        for g in child.children
    )


def _own_subject(token: Any) -> bool:
    """ "in which he said he was skeptical": a relative clause whose cue has a subject of
    its own (not the relative pronoun) is a report, "that" or not."""
    subject = next((c for c in token.children if c.dep_ in SUBJECTS), None)
    return subject is not None and subject.tag_ not in {"WDT", "WP"} and subject.lower_ != "that"


def _quote_before(token: Any) -> list[Any] | None:
    """'“We will win,” she said': the quote closing just before the cue clause."""
    before = [c for c in token.children if c.i < token.i and c.dep_ in SUBJECTS | AUX]
    j = min([token.i, *(c.left_edge.i for c in before)]) - 1
    while j >= 0 and token.doc[j].text in {",", "—", "–"}:
        j -= 1
    if j < 0 or token.doc[j].text not in CLOSERS:
        return None
    closer = token.doc[j]
    k = j - 1
    while k >= 0 and token.doc[k].text not in OPENERS and j - k < 400:
        if token.doc[k].text == "\n\n":
            return None
        k -= 1
    if k < 0 or token.doc[k].text not in OPENERS:
        return None
    return list(token.doc[k : closer.i + 1])
