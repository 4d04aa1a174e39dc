"""How strongly a claim is put: from the attribution cue and the hedges in the content."""

from __future__ import annotations

from collections.abc import Sequence

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
}


def modality_of(cue_kinds: Sequence[str], content: str, language: str | None) -> str:
    """``cue_kinds`` outermost first; empty for an unattributed sentence.

    The innermost cue is the one that vouches for the content ("Business Insider notes ...
    documents revealed ..." is confirmed by the documents). A hedge in the content
    ("reportedly", "angeblich", "soll ... haben") weakens a neutral or absent cue to an
    allegation; a denial or doubt anywhere in the chain wins over everything else.
    """
    kinds = [CUE_MODALITY.get(k, "reported") for k in cue_kinds]
    for strong in ("denied", "questioned"):
        if strong in kinds:
            return strong
    modality = kinds[-1] if kinds else "asserted"
    if modality in ("asserted", "reported") and has("alleged", content, language):
        return "alleged"
    if modality == "asserted" and (
        has("speculative", content, language) or has("evaluative", content, language)
    ):
        return "opinion"
    return modality
