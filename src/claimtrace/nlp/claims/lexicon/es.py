"""Spanish relation vocabulary (stems with any ending; participles and common forms)."""

from __future__ import annotations

from claimtrace.nlp.claims.lexicon import Lexicon

_ARMS = r"(?:armas?|cohetes?|misiles?|municiones?|drones?|fusiles|armamento)"

LEXICON = Lexicon(
    language="es",
    relations={
        "hand_over": (
            r"(?:entreg\w+|devol\w+|devuel\w+|ced\w+|cedi\w+|rindi\w+|rendi\w+|capitul\w+|liber(?:ó|aron|ado|ada|ados|ar)\s+(?:a\s+)?(?:los\s+)?(?:rehenes|prisioneros|secuestrados))",
            r"n:(?:entrega|devolución|rendición|capitulación)",
        ),
        "withdraw": (
            r"(?:retir\w+|repleg\w+|evacu\w+\s+(?:sus|las)\s+posiciones)",
            r"n:(?:retirada|repliegue)",
        ),
        "supply_weapons": (
            r"(?:suministr\w+|proporcion\w+|envi\w+|enví\w+|entreg\w+|vend\w+|contraband\w+)\s+(?:\S+\s+){0,4}?"
            + _ARMS,
            r"arm(?:ó|aron|ar|aba|aban)\b",
            _ARMS
            + r"[^.;]{0,160}?\b(?P<v>(?:proceden|procedían|provienen|provenían|vienen|venían))",
            r"n:(?:tráfico\s+de\s+armas|suministro\s+de\s+armas)",
        ),
        "trade": (
            r"(?:comerci\w+|intercambi\w+|vend\w+|compr\w+|canje\w+)",
            r"n:(?:comercio|negocios?)",
        ),
        "transport": (
            r"(?:transport\w+|traslad\w+|contraband\w+|reubic\w+|evacu\w+|moviliz\w+\s+(?:a\s+)?(?:combatientes|tropas))",
            r"n:(?:convoy|traslado)",
        ),
        "deploy": (
            r"(?:despleg\w+|despliega\w*|desplieg\w+|estacion\w+|moviliz\w+|refuerz\w+|reforz\w+)",
            r"(?:envi\w+|enví\w+|mand\w+)\s+(?:\S+\s+){0,3}?(?:tropas|soldados|refuerzos|fuerzas|militares|policías|agentes)",
            r"n:(?:despliegue|refuerzos|movilización)",
        ),
        "kill_injure": (
            r"(?:d(?:io|ieron|ar)\s+muerte|desaparec(?:ió|ieron)\s+a|mat(?:ó|aron|ado|ados|ar|an|aba)|asesin\w+|ejecut\w+|masacr\w+|her(?:ido|idos|ida|idas|ir)|hiri\w+|secuestr\w+|tortur\w+)",
            r"n:(?:muertos?|muerte|ejecuciones?|masacres?|víctimas)",
        ),
        "attack": (
            r"(?:atac\w+|ataqu\w+|bombard\w+|combat\w+|lucha\w*(?!\s+(?:por|para)\s)|asedi\w+|conquist\w+|captur\w+|tom(?:ó|aron)\s+(?:el\s+)?control|invad\w+|invadi\w+|hostig\w+|emboscad\w+|enfrent\w+)",
            r"n:(?:ataques?|ofensiva|asaltos?|bombardeos?|combates?|enfrentamientos?|choques)",
        ),
        "arrest": (
            r"(?:arrest\w+|detuv\w+|deten\w+|captur\w+\s+a|encarcel\w+|expuls\w+|apres\w+)",
            r"n:(?:arrestos?|detenciones?|detención)",
        ),
        "sanction": (
            r"(?:sancion\w+|impus\w+\s+(?:\S+\s+){0,2}?(?:sanciones|embargo)|congel\w+\s+(?:\S+\s+){0,2}?activos|bloque\w+)",
            r"n:(?:sanciones|embargo)",
        ),
        "fund": (r"(?:financi\w+|pag\w+)", r"n:(?:financiación|financiamiento)"),
        "aid": (r"(?:ayud\w+|asist\w+|proteg\w+|protej\w+|socorr\w+)", r"n:(?:ayuda|protección)"),
        "support": (
            r"(?:apoy\w+|respald\w+|elogi\w+|celebr\w+|fortalec\w+)",
            r"n:(?:apoyo|respaldo)",
        ),
        "cooperate": (
            r"(?:cooper\w+|colabor\w+|coordin\w+|coludi\w+|confabul\w+|ali(?:ó|aron|ado|ados)|trabaj\w+\s+con|infiltr\w+)",
            r"n:(?:cooperación|colaboración|coordinación|colusión|alianza)",
        ),
        "agree": (
            r"(?:acord\w+|pact\w+|firm(?:ó|aron|ado|ar|an)|acept\w+)",
            r"n:(?:acuerdos?|tregua|alto\s+el\s+fuego)",
        ),
        "negotiate": (
            r"(?:negoci\w+|reuni\w+|reún\w+|dialog\w+|conversa\w+|discuti\w+|medi(?:ó|aron|ar)|visit\w+)",
            r"n:(?:negociaciones?|conversaciones|diálogo|cumbre|mediación)",
        ),
        "threaten": (r"(?:amenaz\w+)", r"n:(?:amenazas?|ultimátum)"),
        "accuse": (
            r"(?:acus\w+|culp\w+|imput\w+|señal(?:ó|aron)\s+como\s+responsable)",
            r"n:(?:acusaciones?|denuncias?)",
        ),
        "condemn": (
            r"(?:conden\w+|critic\w+|critiqu\w+|denunci\w+|repudi\w+|rechaz\w+\s+(?:el|la|los|las)\s+(?:ataque|atentado|violencia))",
            r"n:(?:condena|críticas?|repudio)",
        ),
        "deny": (
            r"(?:neg(?:ó|aron|ado|ar|aba|ó)|niega\w*|desmint\w+|desmient\w+|rechaz\w+|rehus\w+)",
        ),
        "demand": (
            r"(?:exig\w+|reclam\w+|ped\w+|pid\w+|instó|insta\w*|llam(?:ó|aron)\s+a)",
            r"n:(?:exigencias?|reclamos?|peticiones?)",
        ),
        "protest": (
            r"(?:protest(?:ó|aron|ar|an|aban|aba|ando)|manifest(?:ó|aron|ar|an|aban|aba|ando)|march(?:aron|an|ó|aban)|bloque\w+\s+(?:la|las)\s+(?:vías?|carreteras?|calles?)|huelga\w*)",
            r"n:(?:protestas?|manifestantes|manifestaciones?|marchas?|huelgas?|paros?|disturbios|movilizaciones?)",
        ),
        "prosecute": (
            r"(?:procesad\w+|enjuici\w+|demand(?:ó|aron)\s+a)",
            r"(?:conden(?:ó|aron|ado|ada|ados|adas))\s+(?:\S+\s+){0,4}?(?:a|por)\s+(?:\S+\s+){0,3}?(?:años|prisión|cárcel|pena)",
            r"n:(?:juicio|imputación|procesamiento|acusación\s+formal)",
        ),
        "restrict": (
            r"(?:prohib\w+)",
            r"(?:impus\w+|impon\w+|extend\w+|prorrog\w+|endurec\w+)\s+(?:\S+\s+){0,3}?(?:cuarentena|toque\s+de\s+queda|restricciones|confinamiento)",
            r"n:(?<!\bsin\s)(?:cuarentena|toque\s+de\s+queda|restricciones|confinamiento|prohibición|cierre\s+de\s+fronteras)",
        ),
        "ease": (
            r"(?:levant\w+|flexibiliz\w+|relaj\w+)\s+(?:\S+\s+){0,3}?(?:restricciones|cuarentena|toque\s+de\s+queda|prohibición|medidas)",
        ),
        "investigate": (
            r"(?:investig\w+|indag\w+|examin\w+)",
            r"n:(?:investigaciones?|pesquisas?)",
        ),
    },
    plural_anaphors=("ambas partes", "ambos bandos", "los dos bandos"),
    agent=("por",),
    passive=r"(?:fue|fueron|ha\s+sido|han\s+sido|sido|es|son|era|eran|será|serán)\s+",
    origin=("de", "del", "desde"),
    negation=(r"no", r"nunca", r"jamás", r"ningun\w*", r"ni", r"sin"),
    alleged=(
        r"presunta?mente",
        r"supuesta?mente",
        r"presunt[oa]s?",
        r"supuest[oa]s?",
        r"habría\w*\s+\w+",
    ),
    speculative=(r"podría\w*", r"quizás?", r"probablemente", r"posiblemente", r"parece\w*", r"si"),
    evaluative=(
        r"lamentablemente",
        r"afortunadamente",
        r"sorprendente\w*",
        r"alarmante\w*",
        r"debe\w*",
        r"hay\s+que",
    ),
    first_person=frozenset(
        ["yo", "nosotros", "nosotras", "nuestro", "nuestra", "nuestros", "nuestras", "mi", "mis"]
    ),
    vague_sources=frozenset(
        [
            "fuente",
            "fuentes",
            "funcionarios",
            "funcionario",
            "expertos",
            "observadores",
            "testigos",
            "residentes",
            "vecinos",
            "activistas",
            "analistas",
            "medios",
            "documentos",
            "algunos",
            "varios",
        ]
    ),
    pronouns=frozenset(["él", "ella", "ellos", "ellas", "nosotros", "yo", "esto", "eso", "quien"]),
    group_nouns=frozenset(
        [
            "fuerzas",
            "régimen",
            "gobierno",
            "ejército",
            "tropas",
            "milicias",
            "rebeldes",
            "combatientes",
            "coalición",
            "militares",
            "policía",
            "guerrilla",
        ]
    ),
    state_nouns=(
        "incursión",
        "invasión",
        "ataque",
        "bombard",
        "ofensiva",
        "operación",
        "papel",
        "respuesta",
        "intervención",
        "implicación",
        "presencia",
        "escalada",
        "retirada",
        "ocupación",
        "agresión",
        "política",
        "decisión",
        "plan",
        "propuesta",
        "arma",
        "misil",
        "cohete",
        "dron",
        "avión",
        "aviones",
        "helicóptero",
        "soldado",
        "tropa",
        "oficial",
        "funcionario",
        "comandante",
        "diplomático",
        "agente",
        "inteligencia",
        "autoridad",
        "ministerio",
        "ministro",
        "presidente",
        "dirigente",
        "líder",
        "estado",
        "marina",
        "embajada",
        "apoyo",
        "militar",
        "fuerza",
        "ejército",
        "gobierno",
        "régimen",
        "milicia",
        "policía",
        "medios",
        "enviado",
        "portavoz",
        "asesor",
        "delegación",
    ),
)
