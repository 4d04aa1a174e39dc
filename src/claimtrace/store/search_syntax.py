"""The search query language, parsed into a tree the FTS backends compile.

    Syria Damascus            both words (AND is implied between terms)
    Syria AND Damascus        the same, spelled out
    "Islamic State" OR Daesh  either; text in double quotes is a phrase
    Syria NOT Damascus        the first without the second; "Syria AND NOT Damascus" too
    Syr*  "Islamic Sta"*      prefix: words (or a phrase's last word) starting so
    (IS OR Daesh) AND Raqqa   parentheses group

AND, OR and NOT are operators only in capitals ("and" is a word). NOT binds tightest, then
AND, then OR. Anything else that cannot be read (an unclosed quote or parenthesis, an
operator with nothing on one side, a query that is only NOT ...) raises SearchSyntaxError
naming the problem and where it is, instead of searching for something else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimtrace.errors import ClaimtraceError

_WORD = re.compile(r"\w+", re.UNICODE)
_TOKEN = re.compile(r'\s*(?:(\()|(\))|"([^"]*)("?)(\*?)|([^\s()"]+))')
OPERATORS = frozenset({"AND", "OR", "NOT"})
MIN_PREFIX = 2  # letters before a "*": "a*" would match most of the index
MAX_TERMS = 64


class SearchSyntaxError(ClaimtraceError):
    """A search query that cannot be read; the message says why and where."""


@dataclass(frozen=True)
class Term:
    """A word (or a run of words written as one token, "al-Assad") or a quoted phrase."""

    words: tuple[str, ...]
    phrase: bool = False
    prefix: bool = False
    raw: str = ""  # as typed, without quotes or "*" ("Da'esh")

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class And:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    keep: Node
    drop: Node


Node = Term | And | Or | Not


def _tokens(query: str) -> list[tuple[str, str, int]]:
    """(kind, text, position): kind is ( ) op term phrase phrase* term*."""
    out: list[tuple[str, str, int]] = []
    at = 0
    while at < len(query):
        if query[at:].strip() == "":
            break
        m = _TOKEN.match(query, at)
        if m is None:  # cannot happen: every character starts one of the alternatives
            raise SearchSyntaxError(f"cannot read the query at character {at + 1}")
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        opening, closing, phrase, closed, star, word = m.groups()
        if opening:
            out.append(("(", "(", start))
        elif closing:
            out.append((")", ")", start))
        elif phrase is not None:
            if not closed:
                raise SearchSyntaxError(
                    f'unclosed quote at character {start + 1}: end the phrase with "'
                )
            out.append(("phrase*" if star else "phrase", phrase, start))
        elif word in OPERATORS:
            out.append(("op", word, start))
        else:
            out.append(("term*" if word.endswith("*") else "term", word, start))
        at = m.end()
    return out


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _tokens(query)
        self.i = 0
        self.terms = 0

    def peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def where(self, token: tuple[str, str, int] | None) -> str:
        return f"at character {token[2] + 1}" if token else "at the end of the query"

    def parse(self) -> Node | None:
        if not self.tokens:
            return None
        node = self.or_()
        token = self.peek()
        if token is not None:  # only a stray ")" stops the top level early
            raise SearchSyntaxError(f"unmatched ')' {self.where(token)}")
        return node

    def or_(self) -> Node | None:
        parts = [self.and_()]
        while (token := self.peek()) and token[:2] == ("op", "OR"):
            self.i += 1
            parts.append(self.and_(after="OR"))
        kept = tuple(p for p in parts if p is not None)
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else Or(kept)

    def and_(self, after: str | None = None) -> Node | None:
        parts: list[Node | None] = []
        while (token := self.peek()) and token[0] != ")" and token[:2] != ("op", "OR"):
            if token[:2] == ("op", "AND"):
                if not parts:
                    raise SearchSyntaxError(f"AND has nothing before it {self.where(token)}")
                self.i += 1
                nxt = self.peek()
                if nxt is None or nxt[0] == ")" or nxt[:2] in (("op", "AND"), ("op", "OR")):
                    raise SearchSyntaxError(f"AND has nothing after it {self.where(nxt)}")
                continue
            if token[:2] == ("op", "NOT"):
                found = [p for p in parts if p is not None]
                if not found:
                    raise SearchSyntaxError(
                        f"NOT needs something to keep before it {self.where(token)}: write"
                        " e.g. Syria NOT Damascus"
                    )
                self.i += 1
                drop = self.unary("NOT")
                keep = found[0] if len(found) == 1 else And(tuple(found))
                parts = [Not(keep, drop)] if drop is not None else [keep]
                continue
            parts.append(self.unary())
        if not parts:
            if after:
                raise SearchSyntaxError(f"{after} has nothing after it {self.where(self.peek())}")
            token = self.peek()
            if token is not None and token[0] != ")":
                raise SearchSyntaxError(f"OR has nothing before it {self.where(token)}")
            return None
        kept = tuple(p for p in parts if p is not None)
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else And(kept)

    def unary(self, after: str | None = None) -> Node | None:
        token = self.peek()
        if token is None or token[0] in (")", "op"):
            what = after or "the query"
            raise SearchSyntaxError(f"{what} has nothing after it {self.where(token)}")
        self.i += 1
        kind, text, _ = token
        if kind == "(":
            inner = self.or_()
            close = self.peek()
            if close is None or close[0] != ")":
                raise SearchSyntaxError(f"unclosed '(' {self.where(token)}")
            self.i += 1
            if inner is None:
                raise SearchSyntaxError(f"empty parentheses {self.where(token)}")
            return inner
        return self.term(kind, text, token)

    def term(self, kind: str, text: str, token: tuple[str, str, int]) -> Term | None:
        prefix = kind.endswith("*")
        words = tuple(_WORD.findall(text))
        if prefix and (not words or len(words[-1]) < MIN_PREFIX or not text.rstrip("*")):
            raise SearchSyntaxError(
                f"prefix {text if kind.startswith('term') else repr(text) + '*'} "
                f"{self.where(token)} needs at least {MIN_PREFIX} letters before '*'"
            )
        if prefix and kind == "term" + "*" and not text.rstrip("*")[-1:].isalnum():
            raise SearchSyntaxError(f"'*' must follow a letter {self.where(token)}")
        if not words:
            if kind.startswith("phrase"):
                raise SearchSyntaxError(f"empty phrase {self.where(token)}")
            return None  # punctuation between words ("Syria - Iraq") is no term
        self.terms += 1
        if self.terms > MAX_TERMS:
            raise SearchSyntaxError(f"the query has more than {MAX_TERMS} terms")
        raw = " ".join(text.rstrip("*").split()) if kind.startswith("term") else text.strip()
        is_phrase = kind.startswith("phrase") or len(words) > 1
        return Term(words, phrase=is_phrase, prefix=prefix, raw=raw)


def parse_query(query: str) -> Node | None:
    """The query's tree (None when it holds no word); SearchSyntaxError when unreadable."""
    return _Parser(query).parse()


def terms(node: Node | None) -> list[Term]:
    """The query's terms, left to right."""
    if node is None:
        return []
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Not):
        return [*terms(node.keep), *terms(node.drop)]
    return [t for part in node.parts for t in terms(part)]
