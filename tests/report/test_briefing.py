"""The report's claims section is a briefing: the groups that spread furthest first (more
documents, then more languages), headed subject -> relation -> object, at most MAX_GROUPS of
them with the rest counted; times read as a reader would."""

from __future__ import annotations

from typing import Any

from claimtrace.report.html_parts import MAX_GROUPS, claim_tables, document_views


def _snapshot(groups: int) -> dict[str, Any]:
    documents = [
        {
            "id": f"d{i}",
            "title": f"T{i}",
            "text": "x" * 50,
            "published": "2024-03-01",
            "outlet": f"O{i}",
            "language": "en" if i % 2 else "de",
        }
        for i in range(6)
    ]
    claims, table = [], []
    for g in range(groups):
        spread = 1 + g % 5  # documents this group reaches
        members = []
        for k in range(spread):
            cid = f"c{g}-{k}"
            members.append(cid)
            claims.append(
                {
                    "id": cid,
                    "document": f"d{k}",
                    "start": 0,
                    "end": 5,
                    "language": None,
                    "modality": "reported",
                    "negated": False,
                    "stance": "agree",
                    "sources": [],
                    "subject": ["act:a"],
                    "object": ["act:b"],
                    "places": [],
                    "time": "199",
                    "text": f"claim {cid}",
                    "group": f"g{g}",
                }
            )
        languages = sorted({"en" if k % 2 else "de" for k in range(spread)})
        table.append(
            {
                "id": f"g{g}",
                "label": f"group {g}",
                "relation": "attack",
                "claims": members,
                "documents": [f"d{k}" for k in range(spread)],
                "languages": languages,
                "modalities": ["reported"],
                "contradicting": [],
            }
        )
    claims.append({**claims[0], "id": "loose", "group": None})
    return {
        "documents": documents,
        "claims": claims,
        "claim_groups": table,
        "actors": [{"id": "act:a", "name": "Alpha"}, {"id": "act:b", "name": "Beta"}],
        "places": [],
    }


def test_groups_that_spread_furthest_come_first_and_the_rest_are_counted() -> None:
    snap = _snapshot(MAX_GROUPS + 12)
    found = claim_tables(snap, document_views(snap))
    tables = [t for t in found["tables"] if not t.get("loose")]
    assert len(tables) == MAX_GROUPS
    spreads = [(t["documents"], len(t["languages"])) for t in tables]
    assert spreads == sorted(spreads, reverse=True) and spreads[0] == (5, 2)
    assert found["more_groups"] == 12
    shown = sum(len(t["rows"]) for t in tables)
    assert shown + found["more_group_claims"] == len(snap["claims"]) - 1  # all but the loose one
    assert tables[0]["headline"] == "Alpha → attack → Beta"
    assert tables[0]["rows"][0]["time"] == "1990s"
    assert found["tables"][-1]["loose"] and found["more_loose"] == 0


def test_a_small_store_shows_every_group() -> None:
    snap = _snapshot(3)
    found = claim_tables(snap, document_views(snap))
    assert found["more_groups"] == 0 and len(found["tables"]) == 4  # three groups, loose
