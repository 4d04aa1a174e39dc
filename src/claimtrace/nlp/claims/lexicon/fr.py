"""French relation vocabulary (stems with any ending; participles and common forms)."""

from __future__ import annotations

from claimtrace.nlp.claims.lexicon import Lexicon

_ARMS = r"(?:armes?|roquettes?|missiles?|munitions?|drones?|obus|fusils)"

LEXICON = Lexicon(
    language="fr",
    relations={
        "hand_over": (
            r"(?:remi[st]e?s?|remettre|rend(?:u|ue|us|ues|it|irent|re|ent)|restitu\w+|livr(?:é|ée|és|ées)\s+(?:à|aux))",
            r"(?:céd\w+|cèd\w+|capitul\w+|rendu\w*\s+les\s+armes)",
            r"n:(?:remise|restitution|reddition|capitulation)",
        ),
        "withdraw": (
            r"(?:retir\w+|repli\w+|évacu\w+\s+(?:ses|leurs|les)\s+positions)",
            r"n:(?:retrait|repli)",
        ),
        "supply_weapons": (
            r"(?:fourni\w*|livr\w+|envoy\w+|envoi\w*|transf[ée]r\w+|vend\w+|vendu\w*)"
            r"\s+(?:\S+\s+){0,4}?(?:des\s+|d')?" + _ARMS,
            # not "armée" (army) nor "groupes armés" (armed groups)
            r"(?:arm(?:er|ait|aient|èrent)|(?:a|ont|avait|avaient)\s+armé)\b",
            _ARMS + r"[^.;]{0,160}?\b(?P<v>(?:proviennent|provenaient|provient|provenant"
            r"|viennent|venaient|originaires?))",
            r"n:(?:livraisons?\s+d'armes)",
        ),
        "trade": (
            r"(?:commer[cç]\w+|échang\w+|vend\w+|vendu\w*|achet\w+|achèt\w+|troqu\w+)",
            r"n:(?:commerce|échanges?\s+commerciaux|contrebande)",
        ),
        "transport": (
            r"(?:transport\w+|achemin\w+|relocalis\w+|transf[ée]r\w+|évacu\w+|déplac\w+|passer\s+en\s+contrebande)",
            r"n:(?:convoi|transfert)",
        ),
        "deploy": (
            r"(?:déploi\w+|déploy\w+|stationn\w+|mobilis\w+|dépêch\w+|renforc\w+)",
            r"(?:envoy\w+|envoi\w*)\s+(?:\S+\s+){0,3}?(?:des\s+)?(?:troupes|soldats|renforts|forces|combattants)",
            r"n:(?:déploiement|renforts)",
        ),
        "kill_injure": (
            r"(?:tu(?:é|ée|és|ées|er|ent|ait|aient)|assassin\w+|exécut\w+|massacr\w+|bless\w+|enlev\w+|enlèv\w+|kidnapp\w+|tortur\w+)",
            r"n:(?:morts?|exécutions?|massacres?)",
        ),
        "attack": (
            r"(?:attaqu\w+|bombard\w+|frapp\w+|pilonn\w+|combatt\w+|combattu\w*|assiég\w+|reconqui\w+|conqui\w+|captur\w+|s'empar\w+|envah\w+)",
            r"n:(?:attaques?|offensive|assauts?|frappes?|combats?|affrontements?|raids?)",
        ),
        "arrest": (
            r"(?:arrêt(?:é|ée|és|ées|er|ent|ait)|détenu\w*|détien\w+|emprisonn\w+|interpell\w+|expuls\w+)",
            r"n:(?:arrestations?|détention)",
        ),
        "sanction": (
            r"(?:sanctionn\w+|impos\w+\s+(?:\S+\s+){0,2}?(?:sanctions|embargo)|gel(?:é|er|ait)\s+(?:\S+\s+){0,2}?avoirs|bloqu\w+)",
            r"n:(?:sanctions|embargo)",
        ),
        "fund": (r"(?:financ\w+|pay\w+|pai\w+)", r"n:(?:financement)"),
        "aid": (r"(?:aid\w+|assist\w+|protég\w+|protèg\w+|secour\w+)", r"n:(?:aide|protection)"),
        "support": (
            r"(?:soutien\w*|soutenu\w*|souten\w+|appui\w+|appuy\w+|salu\w+|félicit\w+|renforc\w+)",
            r"n:(?:soutien|appui)",
        ),
        "cooperate": (
            r"(?:coopér\w+|collabor\w+|coordonn\w+|colludé|pactis\w+|allié\w*|travaill\w+\s+avec|infiltr\w+)",
            r"n:(?:coopération|collaboration|coordination|collusion|alliance|accords?\s+secrets?)",
        ),
        "agree": (
            r"(?:accept\w+|convenu\w*|sign(?:é|ée|és|er|ent|ait)|s'accord\w+)",
            r"n:(?:accords?|trêve|cessez-le-feu)",
        ),
        "negotiate": (
            r"(?:négoci\w+|rencontr\w+|discut\w+|entretenu\w*|s'entret\w+|médi\w+|visit\w+)",
            r"n:(?:négociations?|pourparlers|entretiens?|sommet|médiation)",
        ),
        "threaten": (r"(?:menac\w+)", r"n:(?:menaces?|ultimatum)"),
        "accuse": (r"(?:accus\w+|reproch\w+|imput\w+)", r"n:(?:accusations?)"),
        "condemn": (
            r"(?:condamn\w+|critiqu\w+|dénonc\w+|fustig\w+)",
            r"n:(?:condamnation|critiques?)",
        ),
        "deny": (r"(?:dément\w*|démenti\w*|ni(?:é|er|e|ent|ait)|rejet\w+|rejeté\w*|refus\w+)",),
        "demand": (r"(?:exig\w+|réclam\w+|demand\w+|appel\w+\s+à)", r"n:(?:exigences?|appels?)"),
        "protest": (
            r"(?:manifest(?:é|ent|er|aient|ait|ant|èrent)|protest(?:é|ent|er|aient|ait|ant|èrent))",
            r"n:(?:manifestants|émeutiers|manifestations?|protestations?|grève|émeutes?)",
        ),
        "investigate": (r"(?:enquêt\w+|examin\w+)", r"n:(?:enquête|investigation)"),
    },
    plural_anaphors=("les deux camps", "les deux parties", "des deux camps"),
    agent=("par",),
    passive=r"(?:a\s+été|ont\s+été|été|est|sont|était|étaient|fut|furent|sera|seront)\s+",
    origin=("de", "d'", "du", "des"),
    negation=(r"ne", r"n'", r"pas", r"jamais", r"aucun\w*", r"ni", r"sans"),
    alleged=(
        r"présumé\w*",
        r"prétendument",
        r"supposé\w*",
        r"aurai(?:t|ent)\s+\w+",
        r"selon\s+toute\s+vraisemblance",
    ),
    speculative=(
        r"pourrai\w+",
        r"peut-être",
        r"probablement",
        r"sembl\w+",
        r"paraît",
        r"si",
        r"devrai\w+",
    ),
    evaluative=(
        r"malheureusement",
        r"heureusement",
        r"étonnant\w*",
        r"choquant\w*",
        r"inquiétant\w*",
        r"doi(?:t|vent)",
        r"il\s+faut",
    ),
    first_person=frozenset(["je", "nous", "notre", "nos", "mon", "ma", "mes"]),
    vague_sources=frozenset(
        [
            "source",
            "sources",
            "responsable",
            "responsables",
            "officiels",
            "expert",
            "experts",
            "observateurs",
            "témoins",
            "habitants",
            "militants",
            "analystes",
            "médias",
            "documents",
            "certains",
            "plusieurs",
        ]
    ),
    pronouns=frozenset(
        ["il", "elle", "ils", "elles", "on", "nous", "je", "ce", "cela", "ceci", "qui"]
    ),
    group_nouns=frozenset(
        [
            "forces",
            "régime",
            "gouvernement",
            "armée",
            "troupes",
            "milices",
            "rebelles",
            "combattants",
            "coalition",
            "militaires",
            "police",
        ]
    ),
)
