"""French attribution cues: verbs of saying (lemmas and their common finite forms)."""

from __future__ import annotations

from claimtrace.nlp.attribution.base import Lexicon
from claimtrace.nlp.attribution.base import words as _words

# regular -er verbs by kind; their forms are generated below
ER_VERBS = {
    "say": "déclarer expliquer ajouter annoncer indiquer préciser souligner raconter "
    "affirmer_not confier estimer_not rappeler signaler noter avertir_not insister_not "
    "répliquer répondre_not assurer témoigner commenter évoquer mentionner relater "
    "prévenir_not alerter marteler",
    "report": "rapporter relayer révéler montrer",
    "claim": "affirmer prétendre_not revendiquer clamer",
    "allege": "accuser alléguer",
    "confirm": "confirmer prouver démontrer attester",
    "deny": "démentir_not nier rejeter contester réfuter",
    "question": "douter questionner",
    "believe": "penser estimer juger considérer croire_not craindre_not espérer",
}
IRREGULAR = {
    "say": "dire dit disent dis disait disaient dira diront disant écrire écrit écrivent "
    "écrivait écrivaient écrivant avertit averti avertissent prévient prévenu prévenaient "
    "répond répondu répondent répondait reconnaît reconnait reconnu reconnaissent "
    "admet admis admettent soutient soutenu soutiennent",
    "claim": "prétend prétendu prétendent prétendait soutient soutenu insiste insisté",
    "deny": "dément démenti démentent démentait",
    "believe": "croit cru croient croyait craint craignent",
}
IRREGULAR_LEMMAS = {
    "dire": "say",
    "écrire": "say",
    "avertir": "say",
    "prévenir": "say",
    "répondre": "say",
    "reconnaître": "say",
    "admettre": "say",
    "soutenir": "claim",
    "prétendre": "claim",
    "insister": "claim",
    "démentir": "deny",
    "croire": "believe",
    "craindre": "believe",
}
ER_ENDINGS = ("e", "es", "ent", "é", "ée", "és", "ées", "ait", "aient", "a", "èrent", "ant")


def _lemmas() -> dict[str, str]:
    lemmas = dict(IRREGULAR_LEMMAS)
    for kind, verbs in ER_VERBS.items():
        for verb in verbs.split():
            if not verb.endswith("_not"):
                lemmas.setdefault(verb, kind)
    return lemmas


def _forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for kind, verbs in ER_VERBS.items():
        for verb in verbs.split():
            if verb.endswith("_not"):
                continue
            stem = verb[:-2]
            for ending in ER_ENDINGS:
                forms.setdefault(stem + ending, kind)
    for kind, words in IRREGULAR.items():
        for word in words.split():
            forms.setdefault(word, kind)
    return forms


LEXICON = Lexicon(
    language="fr",
    verbs=_forms(),
    lemmas=_lemmas(),
    preps={
        "selon": "according",
        "d'après": "according",
        "d’après": "according",
        "de l'avis de": "according",
        "aux dires de": "according",
        "citant": "according",
        "cité par": "according",
        "comme l'a rapporté": "report",
        "comme le rapporte": "report",
    },
    complementizers=_words("que qu' qu’ si"),
    auxiliaries=_words(
        "a ont avait avaient aurait auraient est sont était été a-t-il a-t-elle aussi "
        "également déjà encore pourtant ne pas n' n’ y lundi mardi mercredi jeudi vendredi "
        "samedi dimanche hier récemment publiquement"
    ),
    determiners=_words("le la les l' l’ un une des du de ce cette ces son sa ses leur leurs"),
    pronouns=_words("il elle ils elles on nous je qui"),
    conjunctions=_words("et mais ou donc car puis alors"),
    adverbs=_words("cependant toutefois pourtant ainsi par ailleurs néanmoins aussi hier"),
    prepositions=_words("à au aux de du des en dans par pour sur sous avec chez vers"),
    passives={
        "il a été rapporté": "report",
        "il est rapporté": "report",
        "aurait": "allege",
        "auraient": "allege",
        "selon certaines informations": "allege",
        "prétendument": "allege",
    },
    as_clause=frozenset({"comme"}),
    objects_after=frozenset(),
)
