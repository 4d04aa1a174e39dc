"""Claims and attributions round-trip through the store (both backends), filtered by actor
and source."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from claimtrace.config import Config
from claimtrace.ids import claim_id, document_id
from claimtrace.nlp.analyse import ActorRef, Analysis
from claimtrace.records import Attribution, Claim, Document, Paragraph, SourceLink, Span
from claimtrace.store import Store, open_store
from claimtrace.store.sqlite_claims import ClaimFilter

TEXT = "According to Sky News, the group sold oil. Reuters said nothing."


@pytest.fixture()
def store(store_config: Config) -> Iterator[Store]:
    s = open_store(store_config)
    doc = Document(
        document_id(TEXT), TEXT, None, "en", ("en",), (Paragraph(0, 0, len(TEXT), "en"),)
    )
    with s.transaction():
        s.add_document(doc, b"", (), 0)
    yield s
    s.close()


def _records(doc_id: str) -> tuple[Attribution, Claim]:
    content = Span(23, 42, TEXT[23:42])
    att = Attribution(
        doc_id, Span(0, 42, TEXT[:42]), Span(0, 12, "According to"), content,
        Span(13, 21, "Sky News"), "according", "en",
    )  # fmt: skip
    claim = Claim(
        claim_id(doc_id, 23, 42, "trade"), doc_id, 0, 42, TEXT[:42], content, ("act_group",),
        (), "trade", "sold", (), None, "reported", False,
        (SourceLink("Sky News", "act_sky", "According to", "according"),), "en",
    )  # fmt: skip
    return att, claim


def test_claims_round_trip_and_replace(store: Store) -> None:
    doc_id = document_id(TEXT)
    att, claim = _records(doc_id)
    analysis = Analysis(
        doc_id, ((0, 42),), (), (), (ActorRef("act_group", "The group", "armed_group"),)
    )
    store.save_analysis(analysis, [att], [claim, claim])
    store.save_analysis(analysis, [att], [claim])  # re-analysis replaces, never duplicates
    assert store.claims(ClaimFilter()) == [claim]
    assert store.document_attributions(doc_id) == [att]
    assert store.claims(ClaimFilter(actor="act_group")) == [claim]
    assert store.claims(ClaimFilter(actor="the group")) == [claim]
    assert store.claims(ClaimFilter(source="sky")) == [claim]
    assert store.claims(ClaimFilter(source="Reuters")) == []
    assert store.claims(ClaimFilter(relation="attack")) == []
    assert store.names(["act_group"]) == {"act_group": "The group"}
