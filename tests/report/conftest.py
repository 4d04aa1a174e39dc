"""A store filled by the real pipeline (ingest + analyse of the seeds and one hostile
article), plus claim, group and story rows inserted here with SQL: those stages are built
elsewhere, and these tests are about what the report and the exports make of such rows."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from claimtrace import api
from tests.conftest import SEEDS

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_ACTOR = "<svg onload=alert(2)>"
HOSTILE_ARTICLE = {
    "id": "hostile-1",
    "title": "<script>alert('title')</script> Dam report",
    "outlet": "Hostile <b>Times</b>",
    "published": "2019-04-06",
    "language": "en",
    "url": "javascript:alert(3)",
    "text": (
        f"Residents said the dam near Raqqa was damaged on Monday. {HOSTILE_SCRIPT} was found"
        " in the page.\n\nA second paragraph says " + HOSTILE_IMG + " and the officials denied"
        " everything, according to the local council."
    ),
}


@dataclass(frozen=True)
class Fixture:
    db: str
    seeds: tuple[str, ...]  # document ids of the seeds
    hostile: str  # document id of the hostile article
    story: str  # the seeds' story
    hostile_story: str


@dataclass(frozen=True)
class Planned:
    doc: str
    needle: str
    group: str | None
    chain: tuple[tuple[str, str | None], ...] = ()
    modality: str = "reported"
    time: str | None = None
    stance: str = "agree"
    subject: str | None = None


@pytest.fixture(scope="session")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Fixture:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds not present")
    root = tmp_path_factory.mktemp("report")
    hostile = root / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE_ARTICLE) + "\n", encoding="utf-8")
    db = str(root / "report.db")
    summary = api.ingest([SEEDS, hostile], db=db)
    assert not summary.errors and len(summary.added) == 6
    api.analyse(db=db)
    with sqlite3.connect(db) as conn:
        return _fill(conn, db)


def _doc(conn: sqlite3.Connection, name: str) -> str:
    row = conn.execute("SELECT document_id FROM sources WHERE path LIKE ?", (f"%{name}",))
    return str(row.fetchone()[0])


def _fill(conn: sqlite3.Connection, db: str) -> Fixture:
    de, breitbart, second = (_doc(conn, n) for n in ("000_6c0cc02384d89cfd.txt",
                                                     "002_7bc597c510ea5f18.txt",
                                                     "003_dc2dc7da15cfbc98.txt"))  # fmt: skip
    hostile = _doc(conn, "hostile.jsonl")
    sky = ("Sky News", "actor:sky-news")
    conn.execute(
        "INSERT OR IGNORE INTO actors (id, name, type) VALUES ('actor:x-hostile', ?, 'person')",
        (HOSTILE_ACTOR,),
    )
    conn.execute(
        "INSERT OR IGNORE INTO places (id, name, kind, country, lat, lon)"
        " VALUES ('place:x-hostile', ?, 'locality', 'SY', 35.0, 38.5)",
        ("<b>Hostile Place</b>",),
    )
    plans = [
        Planned(breitbart, "one major instance of such cooperation", "grp_palmyra", (sky,),
                time="2015"),
        Planned(second, "Assad withdrew his forces to let ISIS take Palmyra", "grp_palmyra",
                (sky, ("leaked Islamic State files", None)), "confirmed", "2015-05"),
        Planned(second, "handed over in an orderly manner", "grp_palmyra",
                (("Hassoun", None),), "confirmed"),
        Planned(breitbart, "trading oil for fertilizer", "grp_oil", (sky,)),
        Planned(second, "trading oil for fertiliser", "grp_oil", (), "asserted"),
        Planned(de, "Multiple sources in the city of Suwayda", "grp_smuggling",
                (("Multiple sources in the city of Suwayda", None),), "claimed",
                "2019-03-20/2019-04-05"),
        Planned(de, "has also confirmed that the militants", "grp_smuggling",
                (("Suwayda24", "actor:suwayda24"),), "confirmed"),
        Planned(de, "mit dem IS zusammen arbeitet", "grp_collusion", (), "asserted"),
        Planned(breitbart, "actively colluding with the regime", "grp_collusion", (sky,)),
        Planned(hostile, "onerror", "grp_collusion", (("the local council", None),), "denied",
                "2019-04-01", "contradict", "actor:x-hostile"),
        Planned(hostile, "<script>", None, (("Residents", None),), "reported", "2019-04-01"),
    ]  # fmt: skip
    groups = {
        "grp_palmyra": "Palmyra handed back to the regime",
        "grp_oil": "Trading oil for fertilizer",
        "grp_smuggling": "IS fighters smuggled to eastern Suwayda",
        "grp_collusion": "The Assad regime works with IS",
    }
    conn.executemany(
        "INSERT OR REPLACE INTO claim_groups (id, label, relation) VALUES (?, ?, 'cooperate')",
        sorted(groups.items()),
    )
    for i, plan in enumerate(plans):
        _insert_claim(conn, f"clm_fixture{i:02d}", plan)
    conn.executemany(
        "INSERT OR REPLACE INTO stories (id, label) VALUES (?, ?)",
        [("sto_fixture_seeds", "Assad and IS"), ("sto_fixture_hostile", "Dam <i>story</i>")],
    )
    seeds = tuple(r[0] for r in conn.execute("SELECT id FROM documents WHERE id != ?",
                                              (hostile,)))  # fmt: skip
    conn.executemany(
        "INSERT OR REPLACE INTO story_documents (document_id, story_id) VALUES (?, ?)",
        [(d, "sto_fixture_seeds") for d in seeds] + [(hostile, "sto_fixture_hostile")],
    )
    conn.commit()
    return Fixture(db, seeds, hostile, "sto_fixture_seeds", "sto_fixture_hostile")


def _insert_claim(conn: sqlite3.Connection, claim_id: str, plan: Planned) -> None:
    text = conn.execute("SELECT text FROM documents WHERE id = ?", (plan.doc,)).fetchone()[0]
    at = text.index(plan.needle)
    row = conn.execute(
        'SELECT start, "end" FROM sentences WHERE document_id = ? AND start <= ? AND "end" > ?',
        (plan.doc, at, at),
    ).fetchone()
    start, end = row if row else (at, at + len(plan.needle))
    mentions = conn.execute(
        "SELECT actor_id, place_id FROM mentions WHERE document_id = ? AND start >= ?"
        ' AND "end" <= ? ORDER BY start',
        (plan.doc, start, end),
    ).fetchall()
    actors = list(dict.fromkeys(a for a, _ in mentions if a))
    places = list(dict.fromkeys(p for a, p in mentions if p and not a))
    if plan.subject:  # the hostile claim also names the hostile actor and place
        actors.insert(0, plan.subject)
        places.append("place:x-hostile")
    language = conn.execute("SELECT language FROM documents WHERE id = ?", (plan.doc,))
    conn.execute(
        "INSERT INTO claims (id, document_id, start, \"end\", text, content_start, content_end,"
        " content_text, relation, verb, time, modality, negated, language, backend)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'fixture')",
        (claim_id, plan.doc, start, end, text[start:end], at, at + len(plan.needle),
         plan.needle, "cooperate", "said", plan.time, plan.modality,
         int(plan.modality == "denied"), language.fetchone()[0]),
    )  # fmt: skip
    roles = [("subject", 0, a) for a in actors[:1]] + [
        ("object", i, a) for i, a in enumerate(actors[1:])
    ]
    conn.executemany(
        "INSERT INTO claim_actors (claim_id, role, position, actor_id) VALUES (?,?,?,?)",
        [(claim_id, role, pos, actor) for role, pos, actor in roles],
    )
    conn.executemany(
        "INSERT INTO claim_places (claim_id, position, place_id) VALUES (?,?,?)",
        [(claim_id, i, p) for i, p in enumerate(places)],
    )
    conn.executemany(
        "INSERT INTO claim_sources (claim_id, position, name, actor_id, cue, kind)"
        " VALUES (?,?,?,?,'according to','according')",
        [(claim_id, i, name, actor) for i, (name, actor) in enumerate(plan.chain)],
    )
    if plan.group:
        conn.execute(
            "INSERT INTO claim_group_members (claim_id, group_id, stance) VALUES (?,?,?)",
            (claim_id, plan.group, plan.stance),
        )


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    return tmp_path
