"""A page's headline without the site name or date its title carries.

A page's ``<title>`` (and the ``og:title`` trafilatura prefers) is often "Headline | Site",
"Site - Headline", "Headline - infosperber" or "Headline : 31.10.2023, 10.19 Uhr". Story
labels, the report and the document list show titles, so ``headline`` removes from either
end the parts that name the outlet (its name or the page's domain, compared without case,
accents, spaces and punctuation) or hold only a date or a time. A part is removed only when
it is recognised as one of those: "Parité hommes-femmes en Tunisie : Au-dessous de la
moyenne mondiale" keeps both halves, and a title that is nothing else is kept whole.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

# " | ", " - ", " – ", " — ", " : ", " :: ", " · ", " » ", and "|" without spaces
_SEPARATOR = re.compile(r"\s+(?:[|\-–—:·»«/]|::)\s+|\s*\|\s*")
_DATE_OR_TIME = re.compile(
    r"(?i)[\d\s.,:/\-]*\d[\d\s.,:/\-]*(?:\s*(?:uhr|h|am|pm|utc|gmt|cet|mez|mesz))?\s*"
)
_MIN_DOMAIN = 4  # shorter domain labels ("taz", "ft") are words in too many headlines


def _key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum())


def outlet_keys(outlets: tuple[str | None, ...], url: str | None) -> frozenset[str]:
    """What a title part naming the outlet reads as: each name, and the page's domain with
    and without its suffix ("lapresse.tn", "lapresse")."""
    keys = {_key(name) for name in outlets if name}
    host = (urlsplit(url).hostname or "") if url else ""
    host = host.removeprefix("www.")
    if host:
        keys.add(_key(host))
        label = host.rsplit(".", 1)[0] if "." in host else host
        label = label.rsplit(".", 1)[-1]
        if len(label) >= _MIN_DOMAIN:
            keys.add(_key(label))
    return frozenset(k for k in keys if k)


def headline(title: str | None, outlets: tuple[str | None, ...] = (), url: str | None = None
             ) -> str | None:  # fmt: skip
    """The title without leading or trailing parts that name the outlet or are a date."""
    if not title:
        return title
    text = " ".join(title.split())
    keys = outlet_keys(outlets, url)
    parts = _SEPARATOR.split(text)
    separators = _SEPARATOR.findall(text)
    if len(parts) < 2:
        return text

    def debris(part: str) -> bool:
        return bool(_DATE_OR_TIME.fullmatch(part)) or (bool(keys) and _key(part) in keys)

    if all(debris(part) for part in parts):
        return text
    first, last = 0, len(parts)
    while last - first > 1 and debris(parts[last - 1]):
        last -= 1
    while last - first > 1 and debris(parts[first]):
        first += 1
    if (first, last) == (0, len(parts)):
        return text
    kept = parts[first]
    for separator, part in zip(separators[first : last - 1], parts[first + 1 : last], strict=True):
        kept += separator + part
    return kept.strip() or text
