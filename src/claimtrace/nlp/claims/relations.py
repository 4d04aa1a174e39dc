"""The relation ontology of claims: a small set of codes aligned with PLOVER where it fits.

Each code names what one actor does to or with another. ``plover`` is the PLOVER event
category it corresponds to (docs/relations.md explains the choices); ``cameo`` the CAMEO
root or sub-codes that map onto it (used by bench/events.py to score relation typing).
The words that signal each relation live per language in ``nlp/claims/lexicon/``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Relation:
    code: str
    plover: str | None  # the PLOVER category, None when PLOVER has no counterpart
    cameo: tuple[str, ...]  # CAMEO codes (roots or sub-codes) that map onto this relation
    description: str


RELATIONS: tuple[Relation, ...] = (
    Relation(
        "cooperate",
        "COOPERATE",
        ("05", "06", "062", "063"),
        "collude, collaborate, coordinate, work with",
    ),
    Relation("agree", "AGREE", ("03", "057"), "agree, sign or strike a deal, reach an accord"),
    Relation("negotiate", "CONSULT", ("04",), "negotiate, meet, hold talks, mediate"),
    Relation("trade", "COOPERATE", ("061",), "trade, exchange goods, buy, sell"),
    Relation("supply_weapons", "AID", ("072",), "supply, send or deliver weapons; arm"),
    Relation("fund", "AID", ("071",), "fund, finance, pay"),
    Relation("aid", "AID", ("07", "073", "074", "075"), "aid, help, assist, protect, shelter"),
    Relation("support", "SUPPORT", ("051",), "support, back, endorse, praise"),
    Relation(
        "transport", "MOBILIZE", (), "transport, smuggle, move, relocate, evacuate people or goods"
    ),
    Relation("deploy", "MOBILIZE", ("15",), "deploy, send or station troops, mobilise, reinforce"),
    Relation(
        "hand_over",
        "RETREAT",
        ("08", "082", "083", "084", "085", "086"),
        "hand over or back, cede, surrender, release",
    ),
    Relation(
        "withdraw",
        "RETREAT",
        ("087", "0871", "0872", "0873", "0874"),
        "withdraw, retreat, pull out",
    ),
    Relation(
        "attack",
        "FIGHT",
        ("19", "20", "18", "183", "190"),
        "attack, fight, strike, bomb, shell, besiege, capture territory",
    ),
    Relation(
        "kill_injure",
        "ASSAULT",
        ("180", "181", "182", "184", "185", "186", "202", "203"),
        "kill, injure, execute, abduct, torture",
    ),
    Relation("arrest", "COERCE", ("17", "173", "174"), "arrest, detain, seize, expel"),
    Relation(
        "prosecute",
        "COERCE",
        (),
        "charge, indict, prosecute, convict, sentence or sue (CAMEO puts charges under 173)",
    ),
    Relation(
        "restrict",
        "COERCE",
        ("172", "1721", "1722", "1723", "1724"),
        "impose restrictions, bans, curfews or lockdowns; close borders",
    ),
    Relation(
        "ease",
        "CONCEDE",
        ("081", "0811", "0812", "0813", "0814"),
        "ease or lift restrictions, bans, curfews or lockdowns",
    ),
    Relation(
        "sanction", "SANCTION", ("16", "163"), "sanction, impose an embargo, cut or suspend ties"
    ),
    Relation("threaten", "THREATEN", ("13",), "threaten, warn of force, give an ultimatum"),
    Relation("accuse", "ACCUSE", ("112",), "accuse, blame, charge"),
    Relation("condemn", "DISAPPROVE", ("11", "111"), "condemn, criticise, denounce"),
    Relation("deny", "REJECT", ("12", "016", "125", "128"), "deny, reject, refuse, dismiss"),
    Relation("demand", "DEMAND", ("10", "02"), "demand, call for, urge, appeal, request"),
    Relation("protest", "PROTEST", ("14",), "protest, demonstrate, strike, riot"),
    Relation("investigate", "INVESTIGATE", ("09",), "investigate, inquire, probe"),
    Relation(
        "statement",
        None,
        ("01", "010", "011", "012", "013", "014", "015", "017", "018", "019"),
        "a public statement whose content names no deed: say, report, announce, assert "
        "(the speech act types the claim, its content is what was said)",
    ),
    Relation("other", None, (), "anything else about actors: control, presence, relationships"),
)

# what an attribution's cue kind makes of a claim whose content names no deed: a statement,
# unless the cue itself accuses or denies (the cue's own words may type it more closely)
SPEECH_ACTS = {"allege": "accuse", "deny": "deny"}

BY_CODE: dict[str, Relation] = {r.code: r for r in RELATIONS}
CODES: tuple[str, ...] = tuple(BY_CODE)


def relation_for_cameo(code: str) -> str:
    """The relation a CAMEO event code maps to: the longest listed prefix wins."""
    code = code.strip()
    best, length = "other", 0
    for relation in RELATIONS:
        for prefix in relation.cameo:
            if code.startswith(prefix) and len(prefix) > length:
                best, length = relation.code, len(prefix)
    return best


def relation_for_plover(category: str) -> str:
    """The relation a PLOVER category maps to (the first listed with that category)."""
    category = category.strip().upper()
    if category in _PLOVER_EXTRA:
        return _PLOVER_EXTRA[category]
    for relation in RELATIONS:
        if relation.plover == category:
            return relation.code
    return "other"


# PLOVER categories with no relation of their own, or shared by several: the nearest one
_PLOVER_EXTRA = {
    "CONCEDE": "hand_over",
    "REQUEST": "demand",
    "MOBILIZE": "deploy",
    "SACTION": "sanction",  # sic, a spelling in the UniversalPetrarch Spanish files
    "CRIME": "other",
    "CONSULT": "negotiate",
    "COOPERATE": "cooperate",
    "AID": "aid",
    "RETREAT": "withdraw",
}
