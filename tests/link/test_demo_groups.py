"""The bundled demo corpus (samples/corpus: one event told in ar, de, en, es and fr): each
fact all five articles state is one claim group of five languages, and no group mixes
facts or flags a contradiction (issue 12)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimtrace import api
from claimtrace.config import load_config

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "corpus"
FIVE = {"ar", "de", "en", "es", "fr"}
# how each article names the two facts every one of them states
ALEPPO = ("Aleppo", "Alepo", "Alep", "حلب")  # the water cut in (eastern) Aleppo
FIGURE = ("400,000", "400.000", "400 000", "400 ألف")  # people depending on the station


@pytest.fixture(scope="module")
def groups(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    folder = tmp_path_factory.mktemp("demo")
    shutil.copytree(SAMPLES, folder / "corpus")
    db = str(folder / "demo.db")
    api.ingest([folder / "corpus"], db=db)
    api.analyse(db=db, config=load_config(db=db))
    listed = api.group_page(db, 2, limit=100)
    return [api.group_detail(g["id"], db=db) for g in listed]


def _texts(group: dict) -> list[str]:
    return [m["claim"].text for m in group["members"]]


@pytest.mark.parametrize(("fact", "names"), [("water cut", ALEPPO), ("400,000", FIGURE)])
def test_a_fact_all_five_articles_state_is_one_group(
    groups: list[dict], fact: str, names: tuple[str, ...]
) -> None:
    holding = [g for g in groups if any(any(n in t for n in names) for t in _texts(g))]
    best = max(holding, key=lambda g: len(g["languages"]), default=None)
    assert best is not None, fact
    assert set(best["languages"]) == FIVE, (fact, best["languages"], _texts(best))
    assert all(any(n in t for n in names) for t in _texts(best)), _texts(best)


def test_no_group_flags_a_contradiction(groups: list[dict]) -> None:
    assert [g["id"] for g in groups if g["contradicting"]] == []
