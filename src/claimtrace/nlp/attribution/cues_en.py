"""English attribution cues (general vocabulary of reported speech, not tuned to any text)."""

from __future__ import annotations

from claimtrace.nlp.attribution.base import Lexicon
from claimtrace.nlp.attribution.base import words as _words

# cue kind -> lemmas
KINDS = {
    "say": "say tell state add announce explain note write tweet declare remark comment "
    "stress emphasize emphasise warn recall describe quote respond reply answer testify "
    "disclose mention argue suggest indicate signal acknowledge admit concede agree promise "
    "vow pledge urge caution observe conclude estimate predict call criticize criticise "
    "condemn point discuss speak reference blast slam echo detail recount complain mock "
    # "point" only with "out" or "to" (checked by the parser backend)
    "label demand decline denounce deride brand liken",
    "according": "cite",
    # what a source reveals or shows is reported, not vouched for
    "report": "report learn reveal show find document publish",
    "claim": "claim insist maintain contend assert purport boast",
    "allege": "allege accuse charge",
    "confirm": "confirm prove verify establish",
    "deny": "deny reject dispute refute dismiss rebut contradict",
    "question": "question doubt wonder ask",
    "believe": "believe think feel fear expect suspect assume hope worry know",
    "stance": "plan propose intend oppose endorse defend praise encourage want seek support "
    "admire welcome advocate champion tout",
}
LEMMAS = {lemma: kind for kind, lemmas in KINDS.items() for lemma in _words(lemmas)}

IRREGULAR = {
    "say": "says said saying",
    "tell": "tells told telling",
    "write": "writes wrote written writing",
    "think": "thinks thought thinking",
    "feel": "feels felt feeling",
    "find": "finds found finding",
    "show": "shows showed shown showing",
    "prove": "proves proved proven proving",
    "learn": "learns learned learnt learning",
    "hold": "holds held holding",
    "make": "makes made making",
    "know": "knows knew known knowing",
    "speak": "speaks spoke spoken speaking",
}


def _regular(lemma: str) -> list[str]:
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith(("sh", "ch", "ss", "x")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    if lemma in {"admit", "regret", "commit"}:
        return [lemma, lemma + "s", lemma + "ted", lemma + "ting"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


def _forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for lemma, kind in LEMMAS.items():
        words = IRREGULAR.get(lemma, "").split() or _regular(lemma)
        for word in [lemma, *words]:
            forms.setdefault(word, kind)
    return forms


LEXICON = Lexicon(
    language="en",
    verbs=_forms(),
    lemmas=LEMMAS,
    preps={
        "according to": "according",
        "as reported by": "report",
        "as cited by": "according",
        "citing": "according",
        "quoted by": "according",
        "in the words of": "according",
    },
    postps={},
    complementizers=_words("that whether if how"),
    auxiliaries=_words(
        "has have had is are was were be been being will would could can may might should "
        "did does do also reportedly previously earlier later repeatedly recently allegedly "
        "publicly again not never already now further then"
    ),
    determiners=_words("the a an this that these those his her their its our my some many"),
    pronouns=_words("he she they it we i you who which"),
    conjunctions=_words("and but or so yet while as because although though when since"),
    adverbs=_words(
        "meanwhile however moreover also still yet then now today yesterday earlier later "
        "separately additionally furthermore nevertheless instead indeed"
    ),
    prepositions=_words("in on at by for from with of to into after before during"),
    particles={"point": frozenset({"out"}), "pointed": frozenset({"out"})},
    passives={
        "it was reported": "report",
        "it has been reported": "report",
        "it is reported": "report",
        "it was claimed": "claim",
        "it is claimed": "claim",
        "it was alleged": "allege",
        "it is alleged": "allege",
        "it was confirmed": "confirm",
        "it has been confirmed": "confirm",
        "it is believed": "believe",
        "it was believed": "believe",
        "it is said": "say",
        "it was said": "say",
        "reportedly": "allege",
        "allegedly": "allege",
    },
    as_clause=frozenset({"as"}),
    objects_after=_words("tell told tells telling assure assured inform informed warn warned"),
)
