"""Text pieces every step shares: word lists and chunks of bounded length."""

from __future__ import annotations

from collections.abc import Iterator


def split_words(*texts: str) -> frozenset[str]:
    """The set of whitespace-separated words in ``texts`` (keeps long word lists readable)."""
    return frozenset(word for text in texts for word in text.split())


def chunks(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """``text`` cut into pieces of at most ``limit`` characters, each with its start offset.

    Cuts fall on a paragraph break, else a line break, else a sentence end, else a space,
    in the last half of the window, so no mention is split except in pathological text.
    """
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            pos = window.rfind(sep, limit // 2)
            if pos > 0:
                cut = pos + len(sep)
                break
        if cut <= 0:
            cut = limit
        yield start, text[start : start + cut]
        start += cut
    if start < len(text):
        yield start, text[start:]
