"""Shapes of mentions around an actor's name: "forces of X" and descriptor words.

Both return the part of the mention that names the actor, with its case kept (``IS`` must
stay in capitals to be the Islamic State), or None when the mention has no such shape.
"""

from __future__ import annotations

import re

from claimtrace.kb.normalise import fold

_FORCES = frozenset(
    {
        "forces",
        "troops",
        "army",
        "military",
        "soldiers",
        "streitkrafte",
        "truppen",
        "armee",
        "militar",
        "krafte",
        "soldaten",
        "einheiten",
        "troupes",
        "soldats",
        "fuerzas",
        "tropas",
        "ejercito",
        "soldados",
        "силы",
        "войска",
        "армия",
        "военные",
        "قوات",
        "جيش",
    }
)
_LINKS = frozenset(
    {
        "of",
        "the",
        "loyal",
        "to",
        "des",
        "der",
        "dem",
        "den",
        "die",
        "von",
        "du",
        "de",
        "la",
        "l",
        "del",
        "los",
        "las",
        "el",
        "s",
    }
)
# Words that describe what kind of group a name is without being part of it.
_DESCRIPTORS = frozenset(
    {
        "organisation",
        "organization",
        "group",
        "militia",
        "militias",
        "movement",
        "terrorist",
        "terror",
        "jihadist",
        "network",
        "agency",
        "news",
        "outlet",
        "faction",
        "party",
        "terrororganisation",
        "terrormiliz",
        "miliz",
        "milizen",
        "gruppe",
        "terrorgruppe",
        "bewegung",
        "netzwerk",
        "nachrichtenagentur",
        "zeitung",
        "sender",
        "partei",
        "dschihadistenmiliz",
        "islamistenmiliz",
        "groupe",
        "mouvement",
        "milice",
        "agence",
        "parti",
        "organizacion",
        "grupo",
        "movimiento",
        "milicia",
        "agencia",
        "partido",
        "группировка",
        "организация",
        "движение",
        "группа",
        "агентство",
        "партия",
        "تنظيم",
        "حركة",
        "جماعة",
        "ميليشيا",
        "ميليشيات",
        "وكالة",
        "حزب",
    }
)
_SPLIT = re.compile(r"[\s\-\u2010\u2011]+")


def _words(mention: str) -> list[str]:
    return [w for w in _SPLIT.split(mention.strip()) if w]


def _is(word: str, vocabulary: frozenset[str]) -> bool:
    key = fold(word).replace(" ", "")
    return key in vocabulary or (key.endswith("s") and key[:-1] in vocabulary)


def forces_target(mention: str, language: str | None = None) -> str | None:
    """``Streitkräfte des Assad-Regimes`` -> ``Assad-Regimes``; ``Assad regime forces`` ->
    ``Assad regime``; ``قوات النظام`` -> ``النظام``."""
    words = mention.split()
    if len(words) < 2:
        words = _words(mention)
    if len(words) < 2:
        return None
    if _is(words[0], _FORCES):
        rest = words[1:]
        while rest and fold(rest[0]) in _LINKS:
            rest = rest[1:]
        return " ".join(rest) or None
    if _is(words[-1], _FORCES):
        rest = words[:-1]
        text = re.sub(r"(?<=\w)['’]s$", "", " ".join(rest))
        return text or None
    return None


def descriptor_core(mention: str, language: str | None = None) -> str | None:
    """``ISIS-Organisation`` -> ``ISIS``; ``the Hamas movement`` -> ``Hamas``; None when
    nothing but descriptors and articles remain (``extremistische Organisation`` keeps
    ``extremistische``, which names no actor)."""
    words = _words(mention)
    kept = [w for w in words if not _is(w, _DESCRIPTORS)]
    while kept and fold(kept[0]) in _LINKS:
        kept = kept[1:]
    if not kept or len(kept) == len(words):
        return None
    return " ".join(kept)
