"""Bytes to text in whatever encoding the input came in."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Return (text, encoding, warnings).

    Valid UTF-8 (with or without BOM) is taken as is. Mostly-valid UTF-8 with a few broken
    bytes is kept as UTF-8 with U+FFFD in their place and a warning, because guessing a
    legacy encoding would garble every valid multi-byte character. Otherwise
    charset-normalizer picks the legacy encoding (cp1252, cp1251, windows-1256, ...).
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name, ()
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd")
    valid_multibyte = sum(1 for ch in lenient if ord(ch) > 127 and ch != "\ufffd")
    if valid_multibyte > broken:
        return lenient, "utf-8", (f"invalid UTF-8: {broken} undecodable byte(s) replaced",)
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding, ()
    return lenient, "utf-8", (f"invalid UTF-8: {broken} undecodable byte(s) replaced",)
