"""Arabic attribution cues: verbs of saying in their common past and present forms, with the
conjunctions و/ف that attach to them ("وقالت الأمم المتحدة إن …": "and the UN said that …").

Arabic news puts the cue first (verb, source, إن/أن, content), so the lexicon is
``verb_first``: the source is the noun phrase after the cue. Words are plain data; the
token-pattern backend (rules_backend.py) reads them like the other languages' lexicons.
"""

from __future__ import annotations

from claimtrace.nlp.attribution.base import Lexicon
from claimtrace.nlp.attribution.base import words as _words

# past (he / she / they) and present (he / she / they) forms of each verb
VERBS = {
    "say": "قال قالت قالوا يقول تقول يقولون "
    "أضاف أضافت أضافوا يضيف تضيف "
    "أوضح أوضحت أوضحوا يوضح توضح "
    "صرح صرحت صرّح صرّحت يصرح تصرح "
    "أشار أشارت أشاروا يشير تشير "
    "أكد أكدت أكّد أكّدت أكدوا يؤكد تؤكد "
    "أعلن أعلنت أعلنوا يعلن تعلن "
    "حذر حذرت حذّر حذّرت يحذر تحذر",
    "report": "أفاد أفادت أفادوا يفيد تفيد ذكر ذكرت يذكر تذكر كشف كشفت يكشف تكشف "
    "نقلت نقل أوردت أورد",
    "claim": "زعم زعمت زعموا يزعم تزعم ادعى ادعت يدعي تدعي",
    "allege": "اتهم اتهمت اتهموا يتهم تتهم",
    "deny": "نفى نفت نفوا ينفي تنفي",
    "confirm": "أثبت أثبتت",
    "believe": "اعتبر اعتبرت يعتبر تعتبر رأى رأت يرى ترى",
}


def _forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for kind, verbs in VERBS.items():
        for verb in verbs.split():
            for prefix in ("", "و", "ف"):
                forms.setdefault(prefix + verb, kind)
    return forms


LEXICON = Lexicon(
    language="ar",
    verbs=_forms(),
    lemmas={},
    preps={
        "بحسب": "according",
        "وبحسب": "according",
        "حسب": "according",
        "وحسب": "according",
        "نقلا عن": "according",
        "نقلاً عن": "according",
    },
    complementizers=_words("إن أن بأن إنه أنه إنها أنها إنهم أنهم"),
    auxiliaries=_words("قد لقد كان كانت"),
    pronouns=_words("هو هي هم"),
    conjunctions=_words("و أو لكن بينما"),
    prepositions=_words("في من على إلى عن مع"),
    verb_first=True,
)
