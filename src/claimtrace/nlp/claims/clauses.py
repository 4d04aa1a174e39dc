"""One clause per claim: a content that joins two statements with "and" is two claims.

"About 400,000 people depended on the station and called on all sides to spare water
facilities" states two things; stored as one claim it matches neither the German "rund
400.000 Menschen sind auf die Pumpstation angewiesen" nor a call to spare the facilities.

On the dependency parse (en, fr, es) a content is cut before each coordinating
conjunction that joins a verb conjunct to the clause's root verb, when both sides keep at
least ``MIN_WORDS`` words. A conjunct with no subject of its own shares the first clause's
subject (``Part.shares_subject``). Arabic (no parser here) is cut at "، و" before a word
the relation or cue lexicons know as a verb ("، ودعت جميع الأطراف": "and called on all
sides"). Other languages stay whole: without a parse "und" joins noun phrases as often as
clauses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from claimtrace.nlp.claims.verbs import find_relations

MIN_WORDS = 3
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj", "expl"})
_CLAUSE_HEADS = frozenset({"VERB", "AUX"})
# Arabic: a comma, then "and" glued to a verb ("، ودعت", "، وقال")
_AR_CUT = regex.compile(r"[،,]\s*(?=و\p{Arabic})")
_AR_SAY = regex.compile(r"و(?:قال|قالت|أضاف|أضافت|أكد|أكدت|أعلن|أعلنت|أشار|أشارت)\b")


@dataclass(frozen=True)
class Part:
    start: int  # offsets into the content's text
    end: int
    shares_subject: bool = False  # a conjunct without its own subject: the first clause's


def split_clauses(text: str, language: str | None, parse: Any | None) -> list[Part]:
    """The clauses of a content ``text`` (offsets into it); one part when it is one."""
    whole = [Part(0, len(text))]
    if parse is not None and len(parse):
        return _split_parsed(text, parse) or whole
    if (language or "").split("-")[0] == "ar":
        return _split_arabic(text) or whole
    return whole


def _split_parsed(text: str, doc: Any) -> list[Part]:
    roots = [t for t in doc if t.head.i == t.i]
    if len(roots) != 1 or roots[0].pos_ not in _CLAUSE_HEADS:
        return []
    root = roots[0]
    cuts: list[tuple[int, int, bool]] = []  # (end of the part before, start of the next, shares)
    for conj in root.children:
        if conj.dep_ != "conj" or conj.pos_ not in _CLAUSE_HEADS or conj.i < root.i:
            continue
        # UD hangs "and" on the second conjunct, spaCy's English scheme on the first
        cc = next((c for c in conj.children if c.dep_ == "cc" and c.i < conj.i), None) or next(
            (c for c in root.children if c.dep_ == "cc" and root.i < c.i < conj.i), None
        )
        if cc is None:
            continue
        left = cc.i
        while left > 0 and doc[left - 1].is_punct and doc[left - 1].text in ",;":
            left -= 1
        if left == 0:
            continue
        own_subject = any(c.dep_ in _SUBJECTS for c in conj.children)
        after = cc.i + 1
        cuts.append((doc[left - 1].idx + len(doc[left - 1].text), doc[after].idx, not own_subject))
    if not cuts:
        return []
    parts: list[Part] = []
    lo, shares = 0, False
    for end, nxt, next_shares in sorted(cuts):
        parts.append(Part(lo, end, shares))
        lo, shares = nxt, next_shares
    parts.append(Part(lo, len(text), shares))
    if any(len(text[p.start : p.end].split()) < MIN_WORDS for p in parts):
        return []
    return parts


def _split_arabic(text: str) -> list[Part]:
    parts: list[Part] = []
    lo = 0
    for m in _AR_CUT.finditer(text):
        rest = text[m.end() :]
        word = rest.split(maxsplit=1)[0] if rest.strip() else ""
        verb = _AR_SAY.match(word) or any(r.start == 0 for r in find_relations(word, "ar"))
        if not verb:
            continue
        parts.append(Part(lo, m.start(), lo > 0))
        lo = m.end()
    if not parts:
        return []
    parts.append(Part(lo, len(text), True))
    if any(len(text[p.start : p.end].split()) < MIN_WORDS for p in parts):
        return []
    return parts
