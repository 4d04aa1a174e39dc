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


# above this share of undecodable bytes, "text with a few broken bytes" is binary data
MAX_BROKEN_SHARE = 0.02


class NotTextError(ValueError):
    """The bytes decode as no text in any encoding (random or binary data)."""


def decode_bytes(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Return (text, encoding, warnings); raise NotTextError for data that is not text.

    Valid UTF-8 (with or without BOM) is taken as is. Mostly-valid UTF-8 with a few broken
    bytes is kept as UTF-8 with U+FFFD in their place and a warning, because guessing a
    legacy encoding would garble every valid multi-byte character. Otherwise
    charset-normalizer picks the legacy encoding (cp1252, cp1251, windows-1256, ...); when
    it finds none that reads as text, the bytes are refused.
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
    few = broken <= max(2, MAX_BROKEN_SHARE * len(data))
    if valid_multibyte > broken and few:
        return lenient, "utf-8", (f"invalid UTF-8: {broken} undecodable byte(s) replaced",)
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding, ()
    raise NotTextError(
        f"{broken:,} of {len(data):,} bytes are not valid UTF-8 and no other encoding fits"
    )
