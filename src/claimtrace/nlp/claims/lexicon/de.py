"""German relation vocabulary. Verbs come as stems with any ending, participles with ge-;
separable verbs are matched with their particle up to a few words away."""

from __future__ import annotations

from claimtrace.nlp.claims.lexicon import Lexicon

_GAP = r"(?:\S+\s+){0,8}?"  # the words between a separable verb and its particle
_ARMS = r"(?:Waffen|Raketen|Flugkörper|Munition|Drohnen|Geschosse|Granaten|Gewehre)"

LEXICON = Lexicon(
    language="de",
    relations={
        "hand_over": (
            r"(?:übergeben|übergab\w*|übergibt|überlass\w*|überließ\w*|ausgeliefert|abgetreten|zurückgegeben|zurückgab\w*)",
            r"(?:gab|gaben|gibt|geben)\s+" + _GAP + r"(?:zurück|ab)\b",
            r"(?:kapitulier\w*|ergab\w*|ergeben)",
            r"n:(?:Übergabe|Kapitulation)",
        ),
        "withdraw": (
            r"(?:zog|zogen|zieht|ziehen)\s+" + _GAP + r"(?:zurück|ab)\b",
            r"(?:zurückgezogen|abgezogen|zurückzuziehen|abzuziehen)",
            r"n:(?:Rückzug|Abzug)",
        ),
        "supply_weapons": (
            r"(?:lieferte?n?|liefert|geliefert|schickte?n?|geschickt|schmuggel\w*|geschmuggelt)\s+(?:\S+\s+){0,4}?"
            + _ARMS,
            _ARMS + r"\s+(?:\S+\s+){0,4}?(?:geliefert|geschickt|geschmuggelt)",
            r"bewaffne\w*",
            _ARMS + r"[^.;]{0,160}?\b(?P<v>(?:stamm\w*|kommen|kamen|herkommen|erreicht\w*))",
            r"n:(?:Waffenlieferung\w*)",
        ),
        "trade": (
            r"(?:handel\w*|gehandelt|tausch\w*|getauscht|verkauf\w*|kauf\w*|gekauft)",
            r"n:(?:Handel|Geschäft\w*|Ölgeschäft\w*)",
        ),
        "transport": (
            r"(?:schmuggel\w*|geschmuggelt|transportier\w*|verleg\w*|evakuier\w*|umgesiedelt|überführ\w*)",
            r"(?:brachte?n?|gebracht|fliegen|flog\w*|geflogen)\s+" + _GAP + r"(?:nach|in|aus)\b",
            r"n:(?:Konvoi|Transport|Verlegung)",
        ),
        "deploy": (
            r"(?:stationier\w*|entsand\w*|entsandt|entsende\w*|mobilisier\w*|verstärk\w*)",
            r"(?:schickte?n?|geschickt|schicken|schickt)\s+(?:\S+\s+){0,3}?(?:Truppen|Soldaten|Verstärkung\w*|Kämpfer|Einheiten|Militärpolizei)",
            r"(?:Truppen|Soldaten|Verstärkung\w*|Einheiten)\s+(?:\S+\s+){0,8}?(?P<v>geschickt|entsandt)",
            r"n:(?:Verstärkung|Stationierung|Truppenverlegung)",
        ),
        "kill_injure": (
            r"(?:töte\w*|getötet|ermorde\w*|hingerichtet|exekutier\w*|verletz\w*|verwunde\w*|entführ\w*|foltert?\w*|gefoltert|massakr\w*)",
            r"n:(?:Tod|Tote|Hinrichtung\w*|Massaker)",
        ),
        "attack": (
            r"(?:greift|griff\w*|angegriffen|angreifen|anzugreifen)",
            r"(?:attackier\w*|bombardier\w*|beschoss\w*|beschossen|bekämpf\w*|kämpf\w*(?!\s+(?:um|für|darum|dafür)\s)|gekämpft|belager\w*|eroberte?n?|erobert|eingenommen|nahmen?\s+"
            + _GAP
            + r"ein\b|überr[ae]nn\w*)",
            r"(?:Waffen|Raketen)\s+(?:\S+\s+){0,2}?(?P<v>eingesetzt|einsetzt|einsetzten|einzusetzen)",
            r"n:(?:Angriff\w*|Anschlag\w*|Anschläg\w*|Offensive|Zusammenstöß\w*|Kämpfe\w*|Gefecht\w*|Luftangriff\w*|Operationen)",
            # compounds: "Drohnenangriff", "Raketenbeschuss", "Bombenanschlag"
            r"n:\w+(?:angriff|angriffe|angriffen|angriffs|anschlag|anschläge|anschlägen|beschuss)",
        ),
        "arrest": (
            r"(?:verhafte\w*|festgenommen|nahmen?\s+"
            + _GAP
            + r"fest\b|inhaftier\w*|ausgewiesen|abgeschoben)",
            r"n:(?:Verhaftung\w*|Festnahme\w*)",
        ),
        "sanction": (
            r"(?:sanktionier\w*|verhängt\w*\s+(?:\S+\s+){0,2}?(?:Sanktionen|Embargo))",
            r"(?:brach|brachen|abgebrochen)\s+(?:\S+\s+){0,3}?Beziehungen",
            r"n:(?:Sanktion\w*|Embargo)",
        ),
        "fund": (
            r"(?:finanzier\w*|bezahl\w*|zahlte?n?|gezahlt)",
            r"n:(?:Finanzierung|Gewinn\w*)",
        ),
        "aid": (
            r"(?:hilft|half\w*|geholfen|helfen|unterstützt?\w*\s+(?:\S+\s+){0,2}?mit|schütz\w*|geschützt|beschützt\w*)",
            r"n:(?:Hilfe|Schutz|Luftunterstützung)",
        ),
        "support": (
            r"(?:unterstütz\w*|befürwort\w*|lobte?n?|gelobt|begrüß\w*|stärk\w*|gestärkt)",
            r"n:(?:Unterstützung)",
        ),
        "cooperate": (
            r"(?:kooperier\w*|koordinier\w*|kollaborier\w*|zusammenarbeit\w*|zusammengearbeitet|paktier\w*|verbündet\w*)",
            r"(?:arbeite\w*)\s+" + _GAP + r"zusammen\b",
            r"zusammen\s+(?:arbeite\w*|gearbeitet)",  # written apart in a verb-final clause
            r"n:(?:Kooperation|Zusammenarbeit|Koordination|Kollaboration|Deal\w*|Abkommen|Bündnis|Beziehung\w*)",
        ),
        "agree": (
            r"(?:vereinbar\w*|einigte?n?|geeinigt|unterzeichne\w*|stimmte?n?\s+"
            + _GAP
            + r"zu\b|zugestimmt)",
            r"n:(?:Vereinbarung\w*|Abkommen|Waffenstillstand|Einigung)",
        ),
        "negotiate": (
            r"(?:verhandel\w*|verhandelt|traf\w*|getroffen|treffen|besuchte?n?|besucht|vermittel\w*|berie?te?n?)",
            r"(?:nach|zu)\s+(?:\w+\s+){0,3}?(?P<v>reisen|gereist)",  # a visit (CAMEO 042)
            r"n:(?:Verhandlung\w*|Gespräch\w*|Gipfel\w*|Treffen)",
        ),
        "threaten": (
            r"(?:droh\w*|gedroht|bedroh\w*)",
            r"n:(?:Drohung\w*|Bedrohung\w*|Ultimatum)",
        ),
        "accuse": (
            r"(?:beschuldig\w*|beschuldigt|vorgeworfen|warf\w*\s+"
            + _GAP
            + r"vor\b|wirft\s+"
            + _GAP
            + r"vor\b|bezichtig\w*)",
            r"n:(?:Vorwurf|Vorwürfe\w*|Anschuldigung\w*)",
        ),
        "condemn": (
            r"(?:verurteil\w*|kritisier\w*|prangerte?n?|angeprangert)",
            r"n:(?:Kritik|Verurteilung)",
        ),
        "deny": (
            r"(?:bestritt\w*|bestreite\w*|bestritten|dementier\w*|leugne\w*|geleugnet|wies\w*\s+"
            + _GAP
            + r"zurück\b|zurückgewiesen|lehnte?n?\s+"
            + _GAP
            + r"ab\b|abgelehnt|verweigert?\w*)",
        ),
        "demand": (
            r"(?:forder\w*|gefordert|verlang\w*|appellier\w*|rief\w*\s+"
            + _GAP
            + r"auf\b|aufgerufen)",
            r"n:(?:Forderung\w*|Aufruf)",
        ),
        "protest": (
            r"(?:protestier\w*|demonstrier\w*|streik\w*)",
            r"n:(?:Protest\w*|Demonstration\w*|Kundgebung\w*|Unruhen)",
        ),
        "prosecute": (
            r"(?:angeklagt|anklagte?n?|verklagt\w*|verklagen)",
            r"(?:verurteilt|verurteilte?n?)\s+(?:\S+\s+){0,4}?(?:zu|wegen)\b",
            r"(?:zu|wegen)\s+(?:\S+\s+){0,6}?(?P<v>verurteilt)",
            r"n:(?:Anklage\w*|Prozess|Gerichtsverfahren|Strafverfahren\w*|Klage)",
        ),
        "restrict": (
            r"(?:verbiete\w*|verbot\w*|verboten|untersagt\w*)",
            r"(?:verhäng\w*|verlänger\w*|verschärf\w*)\s+(?:\S+\s+){0,3}?(?:Ausgangssperre\w*|Lockdown\w*|Beschränkungen|Einschränkungen|Maßnahmen|Kontaktbeschränkungen)",
            r"n:(?:Verbot\w*|Ausgangssperre\w*|Lockdown\w*|Grenzschließung\w*|Ausgangsbeschränkung\w*|Kontaktbeschränkung\w*|Einreiseverbot\w*)",
        ),
        "ease": (
            r"(?:gelockert|lockert\w*|aufgehoben|hebt\s+(?:\S+\s+){0,4}?auf\b|hoben\s+(?:\S+\s+){0,4}?auf\b)",
            r"n:(?:Lockerung\w*)",
        ),
        "investigate": (
            r"(?:ermittel\w*|ermittelt|untersuch\w*|prüfte?n?|überprüf\w*)",
            r"n:(?:Ermittlung\w*|Untersuchung\w*)",
        ),
    },
    plural_anaphors=("beide seiten", "beiden seiten", "beide parteien", "beiden parteien"),
    agent=("von", "vom", "durch"),
    passive=r"(?:wurde|wurden|wird|werden|worden|ist|sind|war|waren)\s+",
    origin=("aus", "aus dem", "aus der", "von"),
    negation=(r"nicht", r"nie", r"niemals", r"keine?[nmrs]?", r"weder", r"ohne"),
    alleged=(
        r"angeblich",
        r"mutmaßlich\w*",
        r"vermeintlich\w*",
        r"soll(?:en|te|ten)?\s+(?:\S+\s+){0,8}?haben",
        r"soll(?:en|te|ten)?\s+(?:\S+\s+){0,8}?(?:sein|worden)",
        r"Berichten\s+zufolge",
    ),
    speculative=(
        r"könnte?n?",
        r"dürfte?n?",
        r"wahrscheinlich",
        r"vermutlich",
        r"möglicherweise",
        r"vielleicht",
        r"scheint",
        r"scheinen",
        r"wohl",
        r"falls",  # not "wenn": it is as often "whenever" as "if"
    ),
    evaluative=(
        r"leider",
        r"bemerkenswert",
        r"erschreckend\w*",
        r"überraschend\w*",
        r"offenes\s+Geheimnis",
        r"sollte?n?",
        r"müsste?n?",
        r"kleineres\s+Übel",
        r"Diktator\w*",
        r"es\s+ist\s+(?:klar|offensichtlich|wichtig|Zeit)",
    ),
    first_person=frozenset(["ich", "wir", "unser", "unsere", "unseren", "uns", "mein", "meine"]),
    vague_sources=frozenset(
        [
            "quelle",
            "quellen",
            "beamte",
            "beamter",
            "experten",
            "experte",
            "beobachter",
            "zeugen",
            "bewohner",
            "aktivisten",
            "analysten",
            "insider",
            "medien",
            "berichte",
            "berichten",
            "dokumente",
            "kreise",
            "organisationen",
            "nachrichtensender",
            "einige",
            "andere",
            "viele",
        ]
    ),
    pronouns=frozenset(
        [
            "er",
            "sie",
            "es",
            "wir",
            "ich",
            "ihr",
            "man",
            "dieser",
            "diese",
            "dies",
            "der",
            "die",
            "das",
        ]
    ),
    group_nouns=frozenset(
        [
            "streitkräfte",
            "streitkräften",
            "truppen",
            "regime",
            "regimes",
            "regierung",
            "armee",
            "milizen",
            "miliz",
            "rebellen",
            "kämpfer",
            "koalition",
            "militär",
            "polizei",
            "behörden",
            "militärpolizei",
        ]
    ),
    verb_final=True,
    capitalised_nouns=True,
    state_nouns=(
        "einfall",
        "invasion",
        "angriff",
        "offensive",
        "operation",
        "rolle",
        "reaktion",
        "intervention",
        "präsenz",
        "beteiligung",
        "bombard",
        "eskalation",
        "rückzug",
        "besatzung",
        "aggression",
        "politik",
        "entscheidung",
        "plan",
        "vorschlag",
        "waffe",
        "rakete",
        "drohne",
        "flugzeug",
        "kampfjet",
        "hubschrauber",
        "soldat",
        "truppe",
        "offizier",
        "beamt",
        "kommandeur",
        "diplomat",
        "agent",
        "geheimdienst",
        "behörde",
        "ministeri",
        "minister",
        "präsident",
        "führung",
        "staat",
        "marine",
        "luftwaffe",
        "botschaft",
        "unterstützung",
        "militär",
        "streitkr",
        "armee",
        "regierung",
        "regime",
        "miliz",
        "polizei",
        "medien",
        "gesandt",
        "sprecher",
        "berater",
        "delegation",
    ),
)
