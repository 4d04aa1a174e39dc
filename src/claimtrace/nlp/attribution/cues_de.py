"""German attribution cues: verbs of saying in their finite forms, "laut", "zufolge" …

German has no parser that ships on PyPI, so the token-pattern backend needs inflected
forms; weak verbs are generated from their stem, strong ones listed.
"""

from __future__ import annotations

from claimtrace.nlp.attribution.base import Lexicon
from claimtrace.nlp.attribution.base import words as _words

# weak verbs: stem -> kind ("sag" -> sage, sagst, sagt, sagen, sagte, sagten, gesagt)
WEAK = {
    "say": "sag erklär äußer beton meld bekräftig unterstreich antwort ergänz erläuter "
    "warn mahn kommentier zitier",
    "report": "bericht zeig enthüll",
    "claim": "behaupt versicher",
    "allege": "unterstell",
    "confirm": "bestätig beleg",
    "deny": "dementier leugn",
    "question": "hinterfrag",
    "believe": "glaub vermut befürcht mein",
}
STRONG = {
    "say": "schreibt schrieb schrieben geschrieben spricht sprach sprachen gesprochen "
    "teilt teilte teilten mitgeteilt weist wies wiesen hingewiesen stellt stellte stellten "
    "festgestellt gibt gab gaben angegeben fügt fügte fügten hinzugefügt "
    "verkündet verkündete verkündeten kündigte kündigt angekündigt erklärt "
    "sagt sagte sagten gesagt räumt räumte eingeräumt",
    "report": "berichtet berichtete berichteten berichten berichtet meldet meldete meldeten "
    "gemeldet enthüllt enthüllte enthüllten",
    "claim": "behauptet behauptete behaupteten behaupten beharrt beharrte",
    "allege": "wirft warf warfen vorgeworfen beschuldigt beschuldigte beschuldigten",
    "confirm": "bestätigt bestätigte bestätigten bestätigen belegt belegte belegen "
    "bewiesen beweist bewies",
    "deny": "bestreitet bestritt bestritten weist_zurück dementiert dementierte "
    "dementierten leugnet leugnete widerspricht widersprach widersprachen",
    "question": "bezweifelt bezweifelte bezweifelten zweifelt zweifelte",
    "believe": "glaubt glaubte glauben meint meinte meinten denkt dachte dachten "
    "vermutet vermutete befürchtet befürchtete geht_davon_aus",
}
# separable verbs: the finite form only cues when its particle closes the clause
PARTICLES = {
    "teilt": "mit",
    "teilte": "mit",
    "teilten": "mit",
    "weist": "hin zurück",
    "wies": "hin zurück",
    "wiesen": "hin zurück",
    "stellt": "fest klar",
    "stellte": "fest klar",
    "stellten": "fest klar",
    "gibt": "an zu",
    "gab": "an zu",
    "gaben": "an zu",
    "fügt": "hinzu",
    "fügte": "hinzu",
    "fügten": "hinzu",
    "kündigte": "an",
    "kündigt": "an",
    "räumt": "ein",
    "räumte": "ein",
    "wirft": "vor",
    "warf": "vor",
    "warfen": "vor",
}
PARTICLE_KIND = {"zurück": "deny", "zu": "confirm", "ein": "confirm", "vor": "allege"}


def _forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for kind, stems in WEAK.items():
        for stem in stems.split():
            glue = "e" if stem.endswith(("t", "d")) else ""
            for ending in ("e", "st", "t", "en", "te", "ten", "test"):
                word = stem + (glue + ending if ending[0] != "e" else ending)
                forms.setdefault(word, kind)
            forms.setdefault("ge" + stem + glue + "t", kind)
    for kind, words in STRONG.items():
        for word in words.split():
            if "_" not in word:
                forms.setdefault(word, kind)
    # Konjunktiv I of the cue verbs themselves ("er sage", "sie habe berichtet") is content
    return forms


LEXICON = Lexicon(
    language="de",
    verbs=_forms(),
    lemmas={},
    preps={
        "laut": "according",
        "nach angaben von": "according",
        "nach angaben der": "according",
        "nach angaben des": "according",
        "nach angaben": "according",
        "nach informationen von": "according",
        "nach informationen der": "according",
        "nach informationen des": "according",
        "nach aussage von": "according",
        "nach aussagen von": "according",
        "gemäß": "according",
        "zitiert nach": "according",
        "unter berufung auf": "according",
    },
    postps={"zufolge": "according"},
    complementizers=_words("dass daß ob wie"),
    auxiliaries=_words(
        "hat haben hatte hatten ist sind war waren wird werden wurde wurden habe sei "
        "auch am bereits zudem außerdem erneut jedoch nun mehrfach ebenfalls kürzlich "
        "gestern heute am montag dienstag mittwoch donnerstag freitag samstag sonntag "
        "vergangene vergangenen woche zuvor später dabei damals öffentlich ausdrücklich "
        "ja eben halt wohl schon mal"  # particles: "Ingo hat ja gesagt" (without HanTa tags)
    ),
    determiners=_words(
        "der die das den dem des ein eine einen einem einer eines diese dieser dieses "
        "diesen jene mehrere einige viele zahlreiche lokale lokalen sein seine ihr ihre"
    ),
    pronouns=_words("er sie es wir ich man dieser diese"),
    conjunctions=_words("und aber oder denn sondern doch während weil obwohl als"),
    adverbs=_words(
        "gleichzeitig zudem außerdem inzwischen nun jetzt heute gestern dann später "
        "damals bereits auch daher deshalb jedoch allerdings ebenfalls zuvor zuletzt "
        "kürzlich unterdessen indes so dabei hierzu dazu darüber demnach offenbar"
    ),
    prepositions=_words(
        "am im in an auf aus bei mit nach seit von vor zu zum zur über unter ende anfang "
        "mitte für gegen"
    ),
    particles={word: frozenset(p.split()) for word, p in PARTICLES.items()},
    passives={
        "es heißt": "report",
        "hieß es": "report",
        "heißt es": "report",
        "es wurde berichtet": "report",
        "wurde berichtet": "report",
        "wird berichtet": "report",
        "wurde bestätigt": "confirm",
        "angeblich": "allege",
        "mutmaßlich": "allege",
        "soll": "allege",
        "sollen": "allege",
    },
    as_clause=frozenset({"wie"}),
    objects_after=frozenset(),
    particle_kinds=PARTICLE_KIND,
    verb_second=True,
    back_references=frozenset({"das", "dies"}),
    # Konjunktiv I, 3rd person: unambiguous forms only ("sei"; "habe" but not "haben")
    subjunctive=_words(
        "sei seien habe gebe werde könne müsse solle dürfe wolle möge wisse liege stehe "
        "bleibe komme gehe handle fehle zeige brauche verfüge plane"
    ),
)
