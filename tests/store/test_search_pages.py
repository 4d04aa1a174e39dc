"""A page of search hits is the head of the longer ranking: SQLite ranks a short page first and
cuts snippets for its hits only (store/sqlite.py, TWO_STEP_LIMIT), a long one in one pass;
both must give the same hits, order, scores and snippets, with and without a language."""

from __future__ import annotations

import json
import random
import string
from pathlib import Path

from claimtrace import api
from claimtrace.config import Config
from claimtrace.store import open_store
from claimtrace.store.sqlite import TWO_STEP_LIMIT

FILLER = "The council met on Monday and discussed the budget for the coming year."


def _corpus(folder: Path, count: int) -> Path:
    """``count`` documents naming the reservoir 1-4 times (scores differ, and tie), every
    fifth one in German."""
    rng = random.Random(count)
    lines = []
    for i in range(count):
        german = i % 5 == 0
        said = "Der Stausee ist leer, sagte der Rat." if german else "The reservoir is low."
        own = [_words(rng, 12) for _ in range(6)]  # no two documents alike (no duplicates)
        text = " ".join([f"Report {i}."] + [said] * (1 + i % 4) + [FILLER] + own)
        lines.append(json.dumps({"id": f"doc-{i}", "title": f"Report number {i}",
                                 "text": text, "language": "de" if german else "en",
                                 "outlet": f"Outlet {i % 7}"}))  # fmt: skip
    path = folder / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _words(rng: random.Random, count: int) -> str:
    letters = string.ascii_lowercase
    return " ".join("".join(rng.choices(letters, k=rng.randint(4, 9))) for _ in range(count)) + "."


def test_a_short_page_is_the_head_of_the_long_ranking(store_config: Config, tmp_path: Path) -> None:
    count = TWO_STEP_LIMIT + 26
    api.ingest([_corpus(tmp_path, count)], config=store_config)
    store = open_store(store_config, read_only=True)
    try:
        for query, language in (("reservoir", None), ("Stausee OR reservoir", None),
                                ("reservoir", "en"), ("Stausee", "de")):  # fmt: skip
            everything = store.search(query, limit=count + 5, language=language)
            assert len(everything) >= (2 if language else TWO_STEP_LIMIT), (query, language)
            assert len({h.document_id for h in everything}) == len(everything)
            scores = [h.score for h in everything]
            assert scores == sorted(scores, reverse=True)
            if language:
                assert {h.language for h in everything} == {language}
            for size in (1, 7, 20, TWO_STEP_LIMIT):
                page = store.search(query, limit=size, language=language)
                assert page == everything[:size], (query, language, size)
            marked = [h for h in everything[:2] if "[" in h.snippet and "]" in h.snippet]
            assert len(marked) == 2, [h.snippet for h in everything[:2]]
    finally:
        store.close()


def test_ranked_only_then_snippets_for_the_shown_hits(store_config: Config, tmp_path: Path) -> None:
    """The web search page ranks many hits without snippets (to count facets), then cuts
    snippets for the page it shows: the same hits, order and snippets as a full search."""
    count = TWO_STEP_LIMIT + 10
    api.ingest([_corpus(tmp_path, count)], config=store_config)
    store = open_store(store_config, read_only=True)
    try:
        for query in ("reservoir", "Stausee OR reservoir"):
            full = store.search(query, limit=count)
            ranked = store.search(query, limit=count, snippets=False)
            assert [(h.document_id, h.score) for h in ranked] == [
                (h.document_id, h.score) for h in full
            ]
            assert {h.snippet for h in ranked} == {""}
            shown = [h.document_id for h in ranked[3:9]]
            cut = store.snippets(query, shown)
            assert cut == {h.document_id: h.snippet for h in full[3:9]}
            assert all("[" in snippet for snippet in cut.values())
        assert store.snippets("reservoir", []) == {}
        assert store.snippets("nowhere-to-be-found", shown) == {}
    finally:
        store.close()
