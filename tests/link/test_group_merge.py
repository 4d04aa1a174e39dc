"""Groups of one fact founded apart in two languages merge when a third version matches both;
groups of one language, or sharing a document, never do."""

from __future__ import annotations

from pathlib import Path

from claimtrace import api
from claimtrace.config import load_config
from claimtrace.ids import make_id
from claimtrace.link.run import LinkSummary, claim_groups, link_new
from claimtrace.records import Claim, Document, Paragraph
from claimtrace.store import open_store
from claimtrace.store.sqlite_link import insert_linkable
from tests.link.test_stories import make_claim

SDF, ALEPPO = "act:sdf", "pl:aleppo"


def article(key: str, language: str, text: str) -> Document:
    return Document(
        id=make_id("doc", key), text=text, title=text, language=language, languages=(language,),
        paragraphs=(Paragraph(0, 0, len(text), language),), published="2024-03-12",
    )  # fmt: skip


def put(store: object, config: object, key: str, language: str, text: str) -> Claim:
    """Store one article with one claim (the whole text) and link it."""
    return put_linked(store, config, key, language, text)[0]


def put_linked(
    store: object, config: object, key: str, language: str, text: str
) -> tuple[Claim, LinkSummary]:
    doc = article(key, language, text)
    claim = make_claim(doc, text, "attack", places=(ALEPPO,), time="2024-03-11")
    with store.transaction():  # type: ignore[attr-defined]
        insert_linkable(store.db, doc, [("place", ALEPPO, "Aleppo")], [claim])  # type: ignore[attr-defined]
    return claim, link_new(store, config)


def founded_apart(tmp_path: Path, first: tuple[str, str], second: tuple[str, str]) -> tuple:
    """Two versions of a fact linked with a threshold no score reaches: a group each."""
    strict = load_config(db=str(tmp_path / "c.db"), claim_group_threshold=1.0)
    store = open_store(strict)
    a = put(store, strict, "a", *first)
    b = put(store, strict, "b", *second)
    groups = store.groups_of([a.id, b.id])
    assert groups[a.id][0] != groups[b.id][0]
    return store, a, b


WATER_ES = ("es", "Un ataque con drones cortó el suministro de agua a la ciudad de Alepo el lunes.")
WATER_AR = ("ar", "قطع هجوم بطائرة مسيرة إمدادات المياه عن مدينة حلب يوم الاثنين.")
WATER_EN = "A drone attack cut the water supply to the city of Aleppo on Monday."


def test_a_third_language_bridges_two_groups_of_one_fact(tmp_path: Path) -> None:
    store, es, ar = founded_apart(tmp_path, WATER_ES, WATER_AR)
    before = store.groups_of([es.id, ar.id])
    config = load_config(db=str(tmp_path / "c.db"))
    en, summary = put_linked(store, config, "c", "en", WATER_EN)
    assert summary.groups_joined == 1 and summary.groups_merged == 1
    groups = store.groups_of([es.id, ar.id, en.id])
    assert groups[es.id][0] == groups[ar.id][0] == groups[en.id][0]
    (group,) = [g for g in claim_groups(store) if en.id in g.claims]
    assert set(group.languages) == {"es", "ar", "en"} and group.contradicting == ()
    assert len(claim_groups(store)) == 1  # the merged group is gone, not left empty
    # the merged group's id (a shared link, an export) still finds the claims
    (gone,) = {g for g, _ in before.values()} - {group.id}
    found = api.group_detail(gone, db=tmp_path / "c.db")
    assert found["id"] == group.id and len(found["members"]) == 3


def test_groups_of_one_language_are_not_merged(tmp_path: Path) -> None:
    store, one, two = founded_apart(
        tmp_path,
        ("en", "A drone attack cut the water supply to Aleppo city on Monday."),
        ("en", "Eastern Aleppo has had no running water since the drone attack of Monday."),
    )
    config = load_config(db=str(tmp_path / "c.db"))
    german = "Ein Drohnenangriff unterbrach am Montag die Wasserversorgung der Stadt Aleppo."
    third = put(store, config, "c", "de", german)
    groups = store.groups_of([one.id, two.id, third.id])
    assert groups[one.id][0] != groups[two.id][0]  # English topic groups stay apart
    assert groups[third.id][0] in {groups[one.id][0], groups[two.id][0]}


def test_a_watch_on_a_merged_group_follows_it(tmp_path: Path) -> None:
    store, es, ar = founded_apart(tmp_path, WATER_ES, WATER_AR)
    old = {c: g for c, (g, _) in store.groups_of([es.id, ar.id]).items()}
    with store.transaction():
        for group in old.values():
            store.db.execute("INSERT INTO watches (kind, target) VALUES ('group', ?)", (group,))
    config = load_config(db=str(tmp_path / "c.db"))
    put(store, config, "c", "en", WATER_EN)
    (kept,) = {g for g, _ in store.groups_of([es.id, ar.id]).values()}
    targets = [r[0] for r in store.db.execute("SELECT target FROM watches")]
    assert targets == [kept, kept]
