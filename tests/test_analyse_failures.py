"""A document whose analysis fails is recorded and the batch goes on; a re-run analyses it
once, with nothing duplicated. A wrong backend setting fails the whole run with a message."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrace import api
from claimtrace.cli import main
from claimtrace.config import Config
from claimtrace.errors import ClaimtraceError
from claimtrace.nlp.analyse import Analysis
from claimtrace.nlp.claims import get_extractor, register_extractor
from claimtrace.nlp.text.annotate import AnnotatedDocument
from claimtrace.records import Attribution, Claim, Document
from tests.conftest import ARTICLE_DE, ARTICLE_EN


class _FailsOnGerman:
    """A claim backend plugged in through the public registry that breaks on one input,
    as a heavier model might on a pathological text."""

    name = "fails-on-german"

    def extract(
        self,
        doc: Document,
        analysis: Analysis,
        attributions: Sequence[Attribution],
        annotated: AnnotatedDocument | None = None,
    ) -> list[Claim]:
        if doc.language == "de":
            raise ValueError("model crashed on this text")
        return get_extractor("rules").extract(doc, analysis, attributions, annotated)


def _count(db: str, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(sql).fetchone()[0])


def test_one_failing_document_does_not_stop_the_batch(tmp_path: Path, config: Config) -> None:
    register_extractor("fails-on-german", _FailsOnGerman)
    (tmp_path / "en.txt").write_text(ARTICLE_EN, encoding="utf-8")
    (tmp_path / "de.txt").write_text(ARTICLE_DE, encoding="utf-8")
    api.ingest([tmp_path / "en.txt", tmp_path / "de.txt"], config=config)

    done = api.analyse(config=config.with_overrides(claim_backend="fails-on-german"))
    assert len(done) == 1
    failures = api.failures(db=config.db)
    assert [(f["stage"], "model crashed" in f["reason"]) for f in failures] == [("analyse", True)]

    claims_before = _count(config.db, "SELECT COUNT(*) FROM claims")
    again = api.analyse(config=config)  # the default backend: only the failed one is left
    assert len(again) == 1 and again[0] not in done
    assert api.analyse(config=config) == []
    assert _count(config.db, "SELECT COUNT(*) FROM analyses") == 2
    assert _count(config.db, "SELECT COUNT(*) FROM claims") >= claims_before
    ids = _count(config.db, "SELECT COUNT(*) FROM claims")
    assert ids == _count(config.db, "SELECT COUNT(DISTINCT id) FROM claims")


def test_unknown_claim_backend_fails_the_run_with_the_setting_named(
    tmp_path: Path, config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "en.txt").write_text(ARTICLE_EN, encoding="utf-8")
    api.ingest([tmp_path / "en.txt"], config=config)
    with pytest.raises(ClaimtraceError, match="claim_backend"):
        api.analyse(config=config.with_overrides(claim_backend="no-such-model"))
    monkeypatch.setenv("CLAIMTRACE_CLAIM_BACKEND", "no-such-model")
    result = CliRunner().invoke(main, ["analyse", "--db", config.db])
    assert result.exit_code == 1 and "no-such-model" in result.output
    assert api.failures(db=config.db) == []
