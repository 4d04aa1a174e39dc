"""Stories: online clustering across languages, order independence, labels."""

from __future__ import annotations

from pathlib import Path

from claimtrace.config import load_config
from claimtrace.ids import claim_id, make_id
from claimtrace.link.run import link_new, stories
from claimtrace.link.stories import story_label
from claimtrace.records import Claim, Document, Paragraph, Span
from claimtrace.store import open_store
from claimtrace.store.sqlite import SQLiteStore
from claimtrace.store.sqlite_link import insert_linkable

# Invented articles: three stories, each told in several languages, plus one loner.
ARTICLES = {
    "ferry-en": (
        "ferry",
        "en",
        "2025-05-02",
        "Ferry capsizes on Lake Victoria near Mwanza, dozens missing",
        "A passenger ferry capsized on Lake Victoria near the Tanzanian city of Mwanza on "
        "Thursday. Police said at least 30 people drowned and dozens were missing.\n\n"
        "The regional commissioner said the vessel was overloaded and rescue divers were "
        "searching the water near Ukerewe island.",
        [
            ("actor", "act:tz-police", "Tanzania Police"),
            ("place", "pl:mwanza", "Mwanza"),
            ("place", "pl:victoria", "Lake Victoria"),
            ("place", "pl:ukerewe", "Ukerewe"),
        ],
    ),
    "ferry-de": (
        "ferry",
        "de",
        "2025-05-03",
        "Fähre kentert auf dem Victoriasee – Dutzende Vermisste",
        "Auf dem Victoriasee ist nahe der tansanischen Stadt Mwanza eine Passagierfähre "
        "gekentert. Nach Angaben der Polizei ertranken mindestens 30 Menschen.\n\n"
        "Die Fähre sei überladen gewesen, sagte der Regionalkommissar. Taucher suchen vor der "
        "Insel Ukerewe nach Vermissten.",
        [
            ("actor", "act:tz-police", "Tanzania Police"),
            ("place", "pl:mwanza", "Mwanza"),
            ("place", "pl:victoria", "Lake Victoria"),
        ],
    ),
    "ferry-fr": (
        "ferry",
        "fr",
        "2025-05-03",
        "Naufrage d'un ferry sur le lac Victoria en Tanzanie",
        "Un ferry transportant des passagers a chaviré sur le lac Victoria près de Mwanza, en "
        "Tanzanie. La police fait état d'au moins 30 morts et de dizaines de disparus.\n\n"
        "Selon le commissaire régional, le bateau était surchargé.",
        [("actor", "act:tz-police", "Tanzania Police"), ("place", "pl:mwanza", "Mwanza")],
    ),
    "port-en": (
        "port",
        "en",
        "2025-02-10",
        "Cyberattack halts container terminals at the port of Rotterdam",
        "A ransomware attack shut down the booking systems of two container terminals in the "
        "port of Rotterdam on Monday, the port authority said.\n\n"
        "Trucks queued for kilometres while engineers restored the systems from backups.",
        [
            ("actor", "act:port-rdam", "Port of Rotterdam Authority"),
            ("place", "pl:rotterdam", "Rotterdam"),
        ],
    ),
    "port-es": (
        "port",
        "es",
        "2025-02-11",
        "Un ciberataque paraliza las terminales de contenedores del puerto de Róterdam",
        "Un ataque de ransomware dejó fuera de servicio los sistemas de reservas de dos "
        "terminales de contenedores del puerto de Róterdam, informó la autoridad portuaria.\n\n"
        "Los camiones formaron colas de varios kilómetros.",
        [
            ("actor", "act:port-rdam", "Port of Rotterdam Authority"),
            ("place", "pl:rotterdam", "Rotterdam"),
        ],
    ),
    "rates-en": (
        "rates",
        "en",
        "2025-03-20",
        "Chile's central bank raises interest rates to curb inflation",
        "Chile's central bank raised its benchmark interest rate by half a point to 6 percent "
        "on Wednesday, citing stubborn inflation.\n\n"
        "Economists in Santiago had expected a smaller increase.",
        [("actor", "act:bcch", "Central Bank of Chile"), ("place", "pl:santiago", "Santiago")],
    ),
    "rates-de": (
        "rates",
        "de",
        "2025-03-21",
        "Chiles Zentralbank erhöht den Leitzins",
        "Die chilenische Zentralbank hat ihren Leitzins um einen halben Punkt auf 6 Prozent "
        "angehoben. Sie begründete den Schritt mit der hartnäckigen Inflation.\n\n"
        "Ökonomen in Santiago hatten mit einer kleineren Erhöhung gerechnet.",
        [("actor", "act:bcch", "Central Bank of Chile"), ("place", "pl:santiago", "Santiago")],
    ),
    "choir-en": (
        "choir",
        "en",
        "2025-06-15",
        "Village choir wins regional singing contest",
        "A village choir from the Welsh valleys won the regional singing contest in Cardiff on "
        "Saturday with a programme of folk songs.",
        [("place", "pl:cardiff", "Cardiff")],
    ),
}


def document(key: str) -> Document:
    _, language, published, title, text, _ = ARTICLES[key]
    paragraphs, start = [], 0
    for i, part in enumerate(text.split("\n\n")):
        start = text.index(part, start)
        paragraphs.append(Paragraph(i, start, start + len(part), language))
    return Document(
        id=make_id("doc", key), text=text, title=title, language=language,
        languages=(language,), paragraphs=tuple(paragraphs), published=published,
    )  # fmt: skip


def make_claim(
    doc: Document, content: str, relation: str, subjects: tuple[str, ...] = (),
    objects: tuple[str, ...] = (), modality: str = "asserted", negated: bool = False,
    places: tuple[str, ...] = (), time: str | None = None,
) -> Claim:  # fmt: skip
    return Claim(
        id=claim_id(doc.id, 0, len(content), relation + content[:20]), document_id=doc.id,
        start=0, end=len(content), text=content, content=Span(0, len(content), content),
        subjects=subjects, objects=objects, relation=relation, verb="", places=places,
        time=time, modality=modality, negated=negated, sources=(), language=doc.language or "",
    )  # fmt: skip


def add(store: SQLiteStore, key: str, claims: list[Claim] | None = None) -> Document:
    doc = document(key)
    with store.transaction():
        insert_linkable(store.db, doc, ARTICLES[key][5], claims or [])
    return doc


def partition(store: SQLiteStore, keys: list[str]) -> set[frozenset[str]]:
    by_id = {make_id("doc", k): k for k in keys}
    return {frozenset(by_id[d] for d in s.documents) for s in stories(store)}


EXPECTED = {
    frozenset({"ferry-en", "ferry-de", "ferry-fr"}),
    frozenset({"port-en", "port-es"}),
    frozenset({"rates-en", "rates-de"}),
    frozenset({"choir-en"}),
}


def test_documents_in_several_languages_form_one_story_each(tmp_path: Path) -> None:
    config = load_config(db=str(tmp_path / "s.db"))
    store = open_store(config)
    keys = list(ARTICLES)
    for key in keys:
        add(store, key)
    summary = link_new(store, config)
    assert partition(store, keys) == EXPECTED
    assert summary.stories_created + summary.stories_joined == len(keys)


def test_clusters_do_not_depend_on_arrival_order(tmp_path: Path) -> None:
    config = load_config(db=str(tmp_path / "s.db"))
    store = open_store(config)
    keys = ["ferry-en", "port-en", "rates-de", "choir-en", "ferry-fr", "rates-en", "port-es",
            "ferry-de"]  # fmt: skip
    for key in keys:  # one document at a time, as they would arrive
        add(store, key)
        link_new(store, config)
    assert partition(store, keys) == EXPECTED


def test_story_label_is_the_headline_of_the_most_central_document(tmp_path: Path) -> None:
    config = load_config(db=str(tmp_path / "s.db"))
    store = open_store(config)
    for key in ("ferry-fr", "ferry-de", "ferry-en"):
        add(store, key)
    link_new(store, config)
    (story,) = stories(store)
    # ferry-en and ferry-de share the most with the others; ferry-en was published first
    assert story.label == ARTICLES["ferry-en"][3]


def test_story_label_without_headline_is_the_opening_then_the_entities(tmp_path: Path) -> None:
    store = open_store(load_config(db=str(tmp_path / "s.db")))
    doc = add(store, "choir-en")
    store.db.execute("UPDATE documents SET title = '' WHERE id = ?", (doc.id,))
    assert story_label(store, [doc.id]).startswith("A village choir from the Welsh valleys")
    store.db.execute("UPDATE documents SET text = '' WHERE id = ?", (doc.id,))
    assert "Cardiff" in story_label(store, [doc.id])


def test_a_high_threshold_keeps_every_document_apart(tmp_path: Path) -> None:
    config = load_config(db=str(tmp_path / "s.db"), story_threshold=0.99)
    store = open_store(config)
    for key in ("ferry-en", "ferry-de"):
        add(store, key)
    assert link_new(store, config).stories_created == 2
