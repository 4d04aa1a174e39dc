"""The PostgreSQL store (store/postgres.py) against a real server: migrations, many writers
at once, leases for analysis, the link lock, and the same knowledge base as SQLite."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimtrace import api
from claimtrace.config import load_config
from claimtrace.errors import NotFoundError, StoreError
from claimtrace.store import open_store
from claimtrace.store.pg_dialect import translate
from claimtrace.store.pg_open import migrations
from claimtrace.store.postgres import PostgresStore
from claimtrace.store.sqlite import migrations as sqlite_migrations
from claimtrace.store.sqlite_claims import ClaimFilter
from tests.conftest import ARTICLE_DE, ARTICLE_EN, ARTICLE_FR, ARTICLE_RU, SHARED
from tests.pg import fresh_store_url

CLI = str(Path(sys.executable).with_name("claimtrace"))
PAGES = SHARED / "evaldata" / "trafilatura-eval" / "html"
SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "corpus"


@pytest.fixture
def url() -> Iterator[str]:
    with fresh_store_url() as found:
        yield found


def test_migrations_mirror_sqlite_and_run_once(url: str) -> None:
    assert [v for v, _ in migrations()] == [v for v, _ in sqlite_migrations()]
    store = PostgresStore(url)
    assert store.schema_version == migrations()[-1][0]
    store.close()
    again = PostgresStore(url)  # CREATE TABLE would fail if the migrations ran again
    assert again.schema_version == migrations()[-1][0]
    again.close()


def test_read_only_open_of_a_missing_store_says_so(url: str) -> None:
    with pytest.raises(NotFoundError, match="no store at"):
        PostgresStore(url, read_only=True)


def test_unreachable_server_is_a_clear_error() -> None:
    bad = "postgresql://postgres@127.0.0.1:1/test?schema=nothing&connect_timeout=1"
    with pytest.raises(StoreError, match="cannot connect"):
        PostgresStore(bad)


def test_read_only_store_refuses_writes(url: str, tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text(ARTICLE_EN)
    api.ingest([tmp_path], db=url)
    store = PostgresStore(url, read_only=True)
    with pytest.raises(StoreError, match="read-only"):
        store.forget_analyses()
    store.close()


def test_sqlite_spellings_are_translated() -> None:
    sql = translate("INSERT OR REPLACE INTO vectors (kind, key, model, vector) VALUES (?,?,?,?)")
    assert sql.endswith(
        'ON CONFLICT (kind, key) DO UPDATE SET "model" = EXCLUDED."model",'
        ' "vector" = EXCLUDED."vector", id = DEFAULT'
    )
    assert translate("SELECT COALESCE(x, '?') FROM t WHERE a = ?") == (
        "SELECT COALESCE(x, '?') FROM t WHERE a = %s"
    )
    assert translate("SELECT 1 WHERE story_id = :story AND b LIKE '50%'") == (
        "SELECT 1 WHERE story_id = %(story)s AND b LIKE '50%%'"
    )
    with pytest.raises(ValueError, match="no conflict key"):
        translate("INSERT OR REPLACE INTO unknown_table (a) VALUES (?)")


def test_original_inputs_are_kept(url: str, tmp_path: Path) -> None:
    (tmp_path / "de.txt").write_text(ARTICLE_DE)
    api.ingest([tmp_path], db=url)
    with api.opened(url) as store:
        doc = next(store.iter_documents())
        source = store.sources_of(doc.id)[0]
        assert store.original(source.sha256) == ARTICLE_DE.encode()


def test_leases_hand_each_document_to_one_process(url: str, tmp_path: Path) -> None:
    for name, text in (("en", ARTICLE_EN), ("de", ARTICLE_DE)):
        (tmp_path / f"{name}.txt").write_text(text)
    api.ingest([tmp_path], db=url)
    first, second = PostgresStore(url), PostgresStore(url)
    taken = first.claim_documents("v1", 1)
    other = second.claim_documents("v1", 5)
    assert len(taken) == 1 and len(other) == 1 and set(taken).isdisjoint(other)
    assert first.claim_documents("v1", 5) == []  # both leased: nothing left to take
    first.close()
    second.close()


def test_documents_stored_behind_the_claim_cursor_are_taken(url: str, tmp_path: Path) -> None:
    texts = {"en": ARTICLE_EN, "de": ARTICLE_DE, "fr": ARTICLE_FR, "ru": ARTICLE_RU}
    for name in ("en", "de"):
        (tmp_path / "a").mkdir(exist_ok=True)
        (tmp_path / "a" / f"{name}.txt").write_text(texts[name])
    api.ingest([tmp_path / "a"], db=url)
    store = PostgresStore(url)
    taken = store.claim_documents("v1", 2)  # the cursor is now after the larger id
    for name in ("fr", "ru"):
        (tmp_path / "b").mkdir(exist_ok=True)
        (tmp_path / "b" / f"{name}.txt").write_text(texts[name])
    later = api.ingest([tmp_path / "b"], db=url).added
    assert min(later) < max(taken), "the fixed texts should give one id behind the cursor"
    while batch := store.claim_documents("v1", 1):
        taken += batch
    store.close()
    assert sorted(taken) == sorted(_ids(url)) and len(set(taken)) == len(taken) == 4


def _ids(url: str) -> list[str]:
    with api.opened(url, read_only=True) as store:
        return [r[0] for r in store.db.execute("SELECT id FROM documents")]  # type: ignore[attr-defined]


def test_one_linker_at_a_time(url: str) -> None:
    import psycopg

    store = PostgresStore(url)
    with store.link_lock(), psycopg.connect(url.split("?")[0], autocommit=True) as other:
        key = other.execute(
            "SELECT objid FROM pg_locks WHERE locktype = 'advisory' AND pid = %s",
            (store._conn.info.backend_pid,),
        ).fetchall()
        assert key, "the link lock is not held"
    store.close()


def _count(url: str) -> tuple[int, int, int]:
    with api.opened(url) as store:
        one = store.db.execute
        docs = one("SELECT COUNT(*) FROM documents").fetchone()[0]
        keys = one("SELECT COUNT(*), COUNT(DISTINCT key) FROM sources").fetchone()
        indexed = one("SELECT COUNT(*) FROM document_search").fetchone()[0]
    assert indexed == docs
    return docs, keys[0], keys[1]


def test_two_concurrent_ingests_store_every_document_once(url: str, tmp_path: Path) -> None:
    if not PAGES.is_dir():
        pytest.skip(f"real pages not found in {PAGES}")
    corpus = tmp_path / "pages"
    corpus.mkdir()
    for page in sorted(PAGES.iterdir())[:40]:
        (corpus / page.name).write_bytes(page.read_bytes())
    env = {**os.environ, "TQDM_DISABLE": "1"}
    procs = [
        subprocess.Popen(
            [CLI, "ingest", str(corpus), "--db", url],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
        )
        for _ in range(2)
    ]  # fmt: skip
    for proc in procs:
        out, _ = proc.communicate(timeout=300)
        assert proc.returncode == 0 and "Traceback" not in out, out
    clean = tmp_path / "clean.db"
    api.ingest([corpus], db=clean)
    docs, sources, distinct = _count(url)
    with api.opened(clean) as sqlite_store:
        expected = sqlite_store.stats()
    assert (docs, sources) == (expected["documents"], expected["sources"])
    assert sources == distinct, "a source stored twice"


def _knowledge(db: str) -> dict[str, Any]:
    with api.opened(db, read_only=True) as store:
        return {
            "documents": sorted(d.to_dict().__repr__() for d in store.iter_documents()),
            "claims": sorted(repr(c) for c in store.claims(ClaimFilter(limit=100_000))),
            "groups": sorted(repr(g) for g in store.claim_group_records()),
            "stories": sorted(repr(s) for s in store.story_records()),
            "entities": store.entities(limit=100_000),
            "search": [h.document_id for h in store.search("Staudamm")],
        }


@pytest.mark.slow
def test_same_knowledge_base_as_sqlite(url: str, tmp_path: Path) -> None:
    sqlite_db = str(tmp_path / "s.db")
    for db in (sqlite_db, url):
        config = load_config(db=db)
        api.ingest([SAMPLES], config=config)
        api.analyse(config=config)
    on_sqlite, on_postgres = _knowledge(sqlite_db), _knowledge(url)
    assert on_sqlite["claims"] and on_sqlite["groups"] and on_sqlite["stories"]
    assert on_sqlite["search"]
    for part in on_sqlite:
        assert on_postgres[part] == on_sqlite[part], part


def test_open_store_picks_postgres_by_url(url: str) -> None:
    store = open_store(load_config(db=url))
    assert isinstance(store, PostgresStore)
    store.close()
