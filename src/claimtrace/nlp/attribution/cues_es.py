"""Spanish attribution cues: verbs of saying (lemmas and their common finite forms)."""

from __future__ import annotations

from claimtrace.nlp.attribution.base import Lexicon
from claimtrace.nlp.attribution.base import words as _words

AR_VERBS = {
    "say": "declarar explicar añadir agregar anunciar indicar precisar señalar subrayar "
    "destacar comentar relatar contar recordar manifestar expresar informar apuntar "
    "advertir_not avisar alertar insistir_not reiterar mencionar",
    "report": "reportar informar_report publicar difundir revelar mostrar",
    "claim": "afirmar asegurar aseverar reivindicar",
    "allege": "acusar alegar denunciar",
    "confirm": "confirmar demostrar probar constatar ratificar",
    "deny": "negar rechazar desmentir_not refutar",
    "question": "cuestionar dudar",
    "believe": "pensar_not considerar estimar opinar creer_not esperar",
}
IRREGULAR = {
    "say": "dice dicen dijo dijeron decía decían dicho diciendo dirá escribe escriben "
    "escribió escribieron escrito advierte advierten advirtió advirtieron añade "
    "reconoce reconocen reconoció reconocieron admite admitió admitieron sostiene "
    "sostuvo sostienen",
    "claim": "insiste insistió insisten sostiene sostuvo",
    "deny": "desmiente desmintió desmienten desmintieron",
    "believe": "cree creen creyó piensa piensan pensó",
}
IRREGULAR_LEMMAS = {
    "decir": "say",
    "escribir": "say",
    "advertir": "say",
    "reconocer": "say",
    "admitir": "say",
    "añadir": "say",
    "sostener": "claim",
    "insistir": "claim",
    "desmentir": "deny",
    "creer": "believe",
    "pensar": "believe",
}
AR_ENDINGS = ("a", "an", "ó", "aron", "aba", "aban", "ado", "ando", "ará", "arán", "e", "en")


def _clean(verb: str) -> str | None:
    if verb.endswith("_not"):
        return None
    return verb.split("_", 1)[0]


def _lemmas() -> dict[str, str]:
    lemmas = dict(IRREGULAR_LEMMAS)
    for kind, verbs in AR_VERBS.items():
        for verb in verbs.split():
            lemma = _clean(verb)
            if lemma:
                lemmas.setdefault(lemma, kind)
    return lemmas


def _forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for kind, verbs in AR_VERBS.items():
        for verb in verbs.split():
            lemma = _clean(verb)
            if lemma:
                for ending in AR_ENDINGS:
                    forms.setdefault(lemma[:-2] + ending, kind)
    for kind, words in IRREGULAR.items():
        for word in words.split():
            forms.setdefault(word, kind)
    return forms


LEXICON = Lexicon(
    language="es",
    verbs=_forms(),
    lemmas=_lemmas(),
    preps={
        "según": "according",
        "de acuerdo con": "according",
        "de acuerdo a": "according",
        "conforme a": "according",
        "citando a": "according",
        "citado por": "according",
        "en palabras de": "according",
        "a juicio de": "according",
    },
    complementizers=_words("que si"),
    auxiliaries=_words(
        "ha han había habían habría ha sido es son fue fueron también ya no además "
        "lunes martes miércoles jueves viernes sábado domingo ayer recientemente "
        "públicamente este esta"
    ),
    determiners=_words("el la los las un una unos unas este esta estos estas su sus"),
    pronouns=_words("él ella ellos ellas nosotros yo quien"),
    conjunctions=_words("y e pero o u aunque mientras porque pues"),
    adverbs=_words("sin embargo además asimismo también entretanto mientras tanto ayer hoy"),
    prepositions=_words("a al de del en por para con sin sobre tras desde hasta entre"),
    passives={
        "se informó": "report",
        "se ha informado": "report",
        "se dice": "say",
        "se afirma": "claim",
        "se confirmó": "confirm",
        "supuestamente": "allege",
        "presuntamente": "allege",
        "habría": "allege",
        "habrían": "allege",
    },
    as_clause=frozenset({"como"}),
    objects_after=frozenset(),
)
