"""The words of a source span that can name the source: its head noun and what stands for
it, not the names in its modifiers.

"One businessman close to the Assad regime" is a businessman, not the regime; "Our analysis
of the Islamic State files" is no statement by Islamic State; "Ryan Dillon, a spokesman for
the coalition" is Ryan Dillon. On the dependency parse (en/fr/es) the source is named by the
root of the span and by the words joined to it as parts of a name, apposition, conjunction
or possessor; a partitive ("a third of the IS interviewees", "some of the residents") or
"such as" passes the role on to its noun.
"""

from __future__ import annotations

from typing import Any

from claimtrace.nlp.claims.syntax import Parses
from claimtrace.records import Span

_NAME_PARTS = frozenset(
    {
        "compound",
        "flat",
        "flat:name",
        "appos",
        "conj",
        "poss",
        "nmod:poss",
        "amod",
        "nummod",
        "det",
        "case",
        "cc",
        "punct",
        "fixed",
    }
)
_PARTITIVES = frozenset(
    {
        "one",
        "some",
        "many",
        "most",
        "half",
        "third",
        "quarter",
        "several",
        "all",
        "none",
        "number",
        "majority",
        "minority",
        "group",
        "members",
        "member",
        "part",
        "partie",
        "plupart",
        "certains",
        "parte",
        "mayoría",
        "algunos",
        "uno",
        "un",
        "une",
    }
)
_PARTITIVE_CASES = frozenset({"of", "de", "d'", "des", "du", "del"})
_FRAGMENT_NOUNS = frozenset({"dobj", "obj", "nsubj", "attr", "nsubjpass", "nsubj:pass"})
_SUCH_AS = frozenset({"as", "como", "comme"})


def source_head(
    text: str, source: Span, language: str | None, parses: Parses | None = None
) -> list[tuple[int, int]] | None:
    """Document offsets of the words that can name the source; None without a parse."""
    piece = text[source.start : source.end]
    doc = (parses or Parses()).of(source.start, piece, language)
    if doc is None or len(doc) == 0:
        return None
    root = next(t for t in doc if t.head.i == t.i)
    if root.pos_ in ("VERB", "AUX"):  # a fragment read as a clause: "leaked secret files"
        nouns = [c for c in root.children if c.dep_ in _FRAGMENT_NOUNS]
        root = nouns[0] if nouns else root
    keep: list[Any] = []
    stack = [root]
    while stack:
        token = stack.pop()
        keep.append(token)
        for child in token.children:
            if _such_as(child):
                keep.extend(child.subtree)
            elif child.dep_ in _NAME_PARTS or _passes_on(token, child):
                stack.append(child)
    return [(source.start + t.idx, source.start + t.idx + len(t)) for t in keep]


def _passes_on(head: Any, child: Any) -> bool:
    """A partitive head hands the role to its "of" phrase: "a third of the interviewees"."""
    if head.dep_ == "prep" and head.lower_ in _PARTITIVE_CASES:
        return child.dep_ == "pobj"  # reached only from a partitive (below)
    if head.lower_ not in _PARTITIVES:
        return False
    if child.dep_ == "prep":
        return child.lower_ in _PARTITIVE_CASES
    return child.dep_ in ("nmod", "obl") and any(
        c.dep_ == "case" and c.lower_ in _PARTITIVE_CASES for c in child.children
    )


def _such_as(token: Any) -> bool:
    """ "agencies such as X": X is one of the agencies (however the parser attaches X)."""
    if token.dep_ not in ("prep", "nmod", "obl", "advcl", "acl"):
        return False
    words = [token, *token.children]
    return any(w.lower_ in _SUCH_AS for w in words) and any(
        w.lower_ in ("such", "tales", "tels", "telles", "como", "comme", "as") for w in words
    )
