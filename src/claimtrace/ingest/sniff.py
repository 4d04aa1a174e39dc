"""Detect an input's format from its first bytes, not only from its name."""

from __future__ import annotations

import re

_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"7z\xbc\xaf", "7-Zip archive"),
    (b"RIFF", "RIFF media file"),
    (b"\x00\x00\x00", "binary data"),
    (b"SQLite format 3", "SQLite database"),
)
_HTML_TAG = re.compile(rb"<\s*(!doctype\s+html|html|head|body|article|div|p|meta|title)\b", re.I)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def binary_kind(head: bytes) -> str | None:
    """Name of the binary format the bytes start with, or None if they look like text."""
    if head.startswith(_BOMS[1:]):
        return None  # UTF-16 text has NULs but is text
    for magic, name in _BINARY_MAGIC:
        if head.startswith(magic):
            return name
    if b"\x00" in head[:4096]:
        return "binary data (contains NUL bytes)"
    sample = head[:4096]
    if sample:
        controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
        if controls / len(sample) > 0.1:
            return "binary data (control characters)"
    return None


def sniff(head: bytes) -> str:
    """One of: gzip, warc, html, jsonl, json, text, binary."""
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"WARC/"):
        return "warc"
    if binary_kind(head) is not None:
        return "binary"
    body = head
    for bom in _BOMS:
        if body.startswith(bom):
            body = body[len(bom) :]
            break
    body = body.lstrip()
    if body.startswith(b"<") and _HTML_TAG.search(body[:20000]):
        return "html"
    if body.startswith(b"{"):
        return "jsonl"
    if body.startswith(b"["):
        return "json"
    if len(_HTML_TAG.findall(body[:20000])) >= 3:
        return "html"
    return "text"
