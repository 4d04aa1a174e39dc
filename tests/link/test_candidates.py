"""Candidate groups of a document's claims: read once, capped, kept current in memory."""

from __future__ import annotations

from pathlib import Path

from claimtrace.config import load_config
from claimtrace.ids import make_id
from claimtrace.link.candidates import Candidates, related_codes
from claimtrace.link.run import link_new
from claimtrace.records import Claim, Document, Paragraph
from claimtrace.store import open_store
from claimtrace.store.sqlite_link import insert_linkable
from tests.link.test_stories import make_claim

ARMY, PORT = "act:army", "pl:port"
TOPICS = [
    "The army shelled the northern villages overnight",
    "Fishermen protested against the new quota at the harbour",
    "The central bank raised its interest rate by half a point",
    "A ferry capsized on the lake with sixty passengers aboard",
    "The football club sacked its coach after five defeats",
    "Farmers blocked the motorway with tractors for a day",
]


def article(key: str, text: str) -> Document:
    return Document(
        id=make_id("doc", key), text=text, title=text, language="en", languages=("en",),
        paragraphs=(Paragraph(0, 0, len(text), "en"),), published="2025-03-01",
    )  # fmt: skip


def linked_store(tmp_path: Path) -> tuple[object, list[Claim]]:
    """One claim per article, all naming the army, each about something else (a group each)."""
    config = load_config(db=str(tmp_path / "c.db"))
    store = open_store(config)
    made = []
    for n, text in enumerate(TOPICS):
        doc = article(f"old{n}", text)
        claim = make_claim(doc, text, "other", subjects=(ARMY,))
        with store.transaction():
            insert_linkable(store.db, doc, [("actor", ARMY, "army")], [claim])
        made.append(claim)
        link_new(store, config)
    return store, made


def test_groups_per_claim_are_capped_newest_first(tmp_path: Path) -> None:
    store, old = linked_store(tmp_path)
    groups_of = {c: g for c, (g, _) in store.groups_of([c.id for c in old]).items()}
    assert len(set(groups_of.values())) == len(TOPICS)  # a group each
    doc = article("new", "The army withdrew from the border town")
    claim = make_claim(doc, doc.text, "other", subjects=(ARMY,))
    pool = Candidates(store, [claim], [[]], (12, 32, 3, 8))
    found = pool.groups_for(0)
    # the three groups of the latest claims naming the army, each with its members
    assert list(found) == [groups_of[c.id] for c in reversed(old)][:3]
    assert all(found[g] == [c.id for c in old if groups_of[c.id] == g] for g in found)
    wide = Candidates(store, [claim], [[]], (12, 32, 12, 8)).groups_for(0)
    assert len(wide) == len(TOPICS)


def test_own_claims_are_followed_in_memory(tmp_path: Path) -> None:
    store, old = linked_store(tmp_path)
    doc = article("new", "The army withdrew. The army returned to the port.")
    first = make_claim(doc, "The army withdrew from the town", "withdraw", subjects=(ARMY,))
    second = make_claim(doc, "The army returned to the port", "other", subjects=(ARMY,))
    pool = Candidates(store, [first, second], [[], []], (12, 32, 12, 8))
    target = store.groups_of([old[0].id])[old[0].id][0]
    pool.join(first, target)  # as if the first claim had joined the oldest group
    found = pool.groups_for(1)
    assert next(iter(found)) == target  # the newest claim naming the army is the first one
    assert found[target][-1] == first.id  # and it is that group's latest member
    opened = make_id("grp", second.id)
    pool.join(second, opened)
    assert pool.groups_for(0)[opened] == [second.id]


def test_places_come_with_a_related_relation() -> None:
    assert {"withdraw", "hand_over"} <= related_codes("withdraw")  # PLOVER's RETREAT
    assert "attack" not in related_codes("withdraw")
    assert related_codes("no-such-code") == {"no-such-code"}
