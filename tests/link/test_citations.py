"""The citation graph from hand-made claims: chains, merged nodes, first-seen dates, counts."""

from __future__ import annotations

from claimtrace.link.citations import citation_graph, normalise_name
from claimtrace.records import Claim, Document, SourceLink, Span


def _doc(doc_id: str, outlet: str | None, published: str | None) -> Document:
    return Document(doc_id, "text", None, "en", ("en",), (), published=published, outlet=outlet)


def _claim(claim_id: str, doc_id: str, *chain: tuple[str, str | None]) -> Claim:
    return Claim(
        id=claim_id, document_id=doc_id, start=0, end=4, text="text",
        content=Span(0, 4, "text"), subjects=(), objects=(), relation="other", verb="said",
        places=(), time=None, modality="reported", negated=False,
        sources=tuple(SourceLink(name, actor, "according to", "according")
                      for name, actor in chain),
        language="en",
    )  # fmt: skip


DOCS = [
    _doc("d1", "Breitbart", "2017-05-02"),
    _doc("d2", "Example Post", "2017-04-20"),
    _doc("d3", "Sky News", "2017-04-18"),
    _doc("d4", None, None),
]


def test_chain_runs_from_outlet_through_each_link() -> None:
    claims = [_claim("c1", "d1", ("Sky News", "actor:sky-news"), ("a defector", None))]
    graph = citation_graph(claims, DOCS)
    edges = {(e.source, e.target) for e in graph.edges}
    assert edges == {("name:breitbart", "actor:sky-news"), ("actor:sky-news", "name:a defector")}
    assert graph.node("name:breitbart").roles == ("outlet",)
    assert graph.node("actor:sky-news").roles == ("cited",)
    assert graph.node("name:a defector").roles == ("original",)
    assert graph.node("actor:sky-news").actor == "actor:sky-news"
    assert graph.node("name:a defector").actor is None


def test_edges_count_claims_and_keep_the_earliest_date() -> None:
    claims = [
        _claim("c1", "d1", ("Sky News", "actor:sky-news")),
        _claim("c2", "d2", ("Sky News", "actor:sky-news")),
        _claim("c3", "d2", ("sky news", None)),  # same source, unresolved and lower case
    ]
    graph = citation_graph(claims, DOCS)
    into_sky = [e for e in graph.edges if e.target == "actor:sky-news"]
    assert {e.source for e in into_sky} == {"name:breitbart", "name:example post"}
    post = next(e for e in into_sky if e.source == "name:example post")
    assert post.count == 2 and post.claims == ("c2", "c3")
    assert graph.node("actor:sky-news").first_seen == "2017-04-20"
    assert graph.node("actor:sky-news").claims == 3
    assert graph.node("actor:sky-news").label == "Sky News"


def test_an_outlet_that_is_a_cited_actor_is_one_node() -> None:
    claims = [
        _claim("c1", "d1", ("Sky News", "actor:sky-news")),
        _claim("c2", "d3", ("a defector", None)),  # published by Sky News itself
    ]
    graph = citation_graph(claims, DOCS)
    sky = graph.node("actor:sky-news")
    assert sky.roles == ("outlet", "original")
    assert sky.first_seen == "2017-04-18"
    assert ("actor:sky-news", "name:a defector") in {(e.source, e.target) for e in graph.edges}
    assert not any(n.id == "name:sky news" for n in graph.nodes)


def test_self_citation_adds_no_loop_and_claims_without_sources_add_nothing() -> None:
    claims = [
        _claim("c1", "d3", ("Sky News", "actor:sky-news"), ("officials", None)),
        _claim("c2", "d1"),
    ]
    graph = citation_graph(claims, DOCS)
    assert {(e.source, e.target) for e in graph.edges} == {("actor:sky-news", "name:officials")}
    assert "name:breitbart" not in {n.id for n in graph.nodes}


def test_document_without_outlet_and_undated_edges() -> None:
    graph = citation_graph([_claim("c1", "d4", ("Reuters", "actor:reuters"))], DOCS)
    edge = graph.edges[0]
    assert edge.source == "document:d4" and edge.first_seen is None
    # a claim whose document is unknown still gets a node
    graph = citation_graph([_claim("c9", "missing", ("Reuters", None))], DOCS)
    assert graph.edges[0].source == "document:missing"


def test_display_names_and_deterministic_order() -> None:
    claims = [
        _claim("c2", "d2", ("AFP", "actor:afp")),
        _claim("c1", "d1", ("Agence France-Presse", "actor:afp")),
    ]
    names = {"actor:afp": "Agence France-Presse (AFP)"}
    graph = citation_graph(claims, DOCS, names)
    assert graph.node("actor:afp").label == "Agence France-Presse (AFP)"
    assert citation_graph(list(reversed(claims)), DOCS, names) == graph
    assert [n.id for n in graph.nodes] == sorted(n.id for n in graph.nodes)
    assert graph.to_dict()["edges"][0]["source"] == "name:breitbart"


def test_normalise_name() -> None:
    assert normalise_name("  “Sky  News” ") == "sky news"
    assert normalise_name("ＳＫＹ News.") == "sky news"


def test_pronoun_sources_are_not_nodes_but_named_vague_sources_are() -> None:
    claims = [
        _claim("c1", "d1", ("It", None)),
        _claim("c2", "d1", ("Sky News", "actor:sky-news"), ("they", None)),
        _claim("c3", "d2", ("sources in Daraa", None)),
    ]
    graph = citation_graph(claims, DOCS)
    ids = {n.id for n in graph.nodes}
    assert "name:it" not in ids and "name:they" not in ids
    assert {"actor:sky-news", "name:sources in daraa"} <= ids
    assert graph.node("actor:sky-news").roles == ("original",)
