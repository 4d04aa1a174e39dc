"""The real scraped seed articles: what issue 2 promises an analyst gets from them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimtrace import api
from claimtrace.config import load_config
from claimtrace.records import Document
from tests.conftest import SEEDS

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds not present")


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    summary = api.ingest([SEEDS], db=db)
    assert summary.errors == ()
    docs = {}
    for doc_id in summary.added:
        view = api.show(doc_id, db=db)
        docs[Path(view.sources[0]["path"]).name[:3]] = view.document
    return docs


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_five_documents_with_languages(seeds: dict[str, Document]) -> None:
    assert sorted(seeds) == ["000", "001", "002", "003", "004"]
    assert seeds["000"].language == "de" and "en" in seeds["000"].languages
    assert seeds["001"].language == "de"
    assert {seeds[k].language for k in ("002", "003", "004")} == {"en"}


def test_titles_dates_and_outlet(seeds: dict[str, Document]) -> None:
    assert seeds["000"].title == "Die Kooperation zwischen Assad und dem IS geht weiter"
    assert seeds["000"].published is not None and seeds["000"].published.startswith("2019-04-05")
    assert seeds["001"].title is None
    assert seeds["002"].title == "Report Claims Assad Regime Has Been Colluding with Islamic State"
    assert seeds["003"].title == "Is Assad colluding with ISIS in Syria?"
    assert seeds["004"].title == "Investing in IS"
    assert seeds["004"].published == "2017-09-14"
    assert seeds["004"].outlet == "Al-Ahram Weekly"


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_no_article_line_lost_and_no_debris_left(seeds: dict[str, Document], key: str) -> None:
    doc = seeds[key]
    original = next(SEEDS.glob(f"{key}_*.txt")).read_text("utf-8")
    removed = {_squash(line) for line, _why in doc.removed}
    body = _squash(doc.text)
    for line in original.splitlines():
        line = _squash(line)
        if not line or line in removed or line == doc.title:
            continue
        assert line in body, f"lost from {key}: {line[:80]}"
    for line in doc.text.split("\n"):
        assert len(re.split(r"\s{3,}", line)) < 5, f"ticker left in {key}: {line[:80]}"


def test_debris_reasons(seeds: dict[str, Document]) -> None:
    reasons = {why for doc in seeds.values() for _line, why in doc.removed}
    assert {"ticker", "photo-credit", "language-link", "dateline"} <= reasons
    assert all(
        len(line) < 200 or why == "ticker" for doc in seeds.values() for line, why in doc.removed
    )
    assert not seeds["001"].removed and not seeds["003"].removed


def test_paragraph_languages_of_the_mixed_article(seeds: dict[str, Document]) -> None:
    doc = seeds["000"]
    by_language = {p.language for p in doc.paragraphs}
    assert by_language == {"de", "en"}
    english = [
        t for p, t in zip(doc.paragraphs, doc.paragraph_texts(), strict=True) if p.language == "en"
    ]
    assert any(t.startswith("Multiple sources in the city of Suwayda") for t in english)


def test_search_across_the_seeds(seeds: dict[str, Document], tmp_path: Path) -> None:
    config = load_config(db=str(tmp_path / "s.db"))
    api.ingest([SEEDS], config=config)
    hits = {h.document_id for h in api.search("Palmyra", db=config.db)}
    assert {seeds["002"].id, seeds["003"].id, seeds["004"].id} <= hits
    german = {h.document_id for h in api.search("Waffe", db=config.db)}  # "Waffen" in 001
    assert seeds["001"].id in german
