"""How strongly a claim is put: from the attribution cue and the hedges in the content."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from claimtrace.nlp.claims.hedges import has

# Attribution.cue_kind -> modality (records.MODALITIES)
CUE_MODALITY = {
    "say": "reported",
    "according": "reported",
    "report": "reported",
    "quote": "reported",
    "claim": "claimed",
    "allege": "alleged",
    "confirm": "confirmed",
    "deny": "denied",
    "question": "questioned",
    "believe": "opinion",
    "stance": "opinion",
}


def modality_of(cue_kinds: Sequence[str], content: str, language: str | None) -> str:
    """``cue_kinds`` outermost first; empty for an unattributed sentence.

    The innermost cue is the one that vouches for the content ("Business Insider notes ...
    documents revealed ..." is confirmed by the documents). A hedge in the content
    ("reportedly", "angeblich", "soll ... haben") weakens any cue short of a denial to an
    allegation; content that asks a question is questioned; a denial or doubt anywhere in
    the chain wins over everything else.
    """
    kinds = [CUE_MODALITY.get(k, "reported") for k in cue_kinds]
    for strong in ("denied", "questioned"):
        if strong in kinds:
            return strong
    if _asks(content):
        return "questioned"  # the content asks: "whether X is working with Y?"
    modality = kinds[-1] if kinds else "asserted"
    # a hedge in the content itself ("deals the regime supposedly made") keeps even a
    # confirmation from vouching for more than an allegation
    if modality in ("asserted", "reported", "confirmed", "claimed") and has(
        "alleged", content, language
    ):
        return "alleged"
    if modality == "asserted" and (
        has("speculative", content, language) or has("evaluative", content, language)
    ):
        return "opinion"
    return modality


def _asks(content: str) -> bool:
    """The content is a question, not a statement with a closing one ("X did Y - but why?")."""
    stripped = content.rstrip().rstrip("\"'”’»")
    return (
        stripped.endswith(("?", "؟")) and regex.search(r"[:;\u2013\u2014]|\s-\s", stripped) is None
    )
