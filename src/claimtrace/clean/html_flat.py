"""A shallow copy of a page too deeply nested for lxml.

libxml2 (under lxml and so trafilatura) stops building the tree at depth 256 and drops
everything below, so the real text of a 100,000-deep page is lost. Python's streaming
HTMLParser has no depth limit: it collects the text blocks, and the page is rebuilt one
block per paragraph for the extractor to read as usual.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

# libxml2's default limit on tree depth (XML_PARSE_HUGE lifts it, lxml's HTML parser does not)
LXML_MAX_DEPTH = 255
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math", "head"})
_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = self.max_depth = self.skipping = 0
        self.in_title = False
        self.title: list[str] = []
        self.blocks: list[str] = []
        self.current: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag in _BLOCK:
                self._flush()
            return
        self.depth += 1
        self.max_depth = max(self.max_depth, self.depth)
        if tag == "title":
            self.in_title = True
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        self.depth = max(self.depth - 1, 0)
        if tag == "title":
            self.in_title = False
        if tag in _SKIP:
            self.skipping = max(self.skipping - 1, 0)
        elif tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self.current.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current = []


def flatten_deep_html(html: str) -> str | None:
    """The page rebuilt shallow, or None when it is not nested beyond lxml's limit."""
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    parser._flush()
    if parser.max_depth <= LXML_MAX_DEPTH or not parser.blocks:
        return None
    title = escape(" ".join("".join(parser.title).split()))
    body = "".join(f"<p>{escape(block)}</p>" for block in parser.blocks)
    return f"<html><head><title>{title}</title></head><body><article>{body}</article></body></html>"
