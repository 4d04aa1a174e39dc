"""The web app: server-rendered pages over the same library calls as the API.

Pages carry no script at all; every value from the store is escaped by Jinja2's autoescape
(article text is hostile), and a strict Content-Security-Policy allows only the app's own
stylesheet. Each page links to the next one an analyst wants: a search hit to its document,
a claim's evidence sentence to its claim group, a group's members to their documents, a
story to its documents and groups, a source or an actor to its page with its claims by
role (on its authority, by it, to it, at it).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from claimtrace import api
from claimtrace.report.svg_timeline import timeline_svg
from claimtrace.report.times import time_label
from claimtrace.web import overview_data
from claimtrace.web.deps import Settings, settings
from claimtrace.web.facets import faceted_search
from claimtrace.web.group_spread import spread, stories_of
from claimtrace.web.highlight import evidence_html, snippet_html
from claimtrace.web.story_data import story_claims, story_places

router = APIRouter(include_in_schema=False)
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
LIST_LIMIT = 50
OVERVIEW_GROUPS = 20  # the claims that spread furthest
Store = Annotated[Settings, Depends(settings)]


@lru_cache(maxsize=1)
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("claimtrace.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["time"] = time_label
    return environment


def page(name: str, status: int = 200, **values: Any) -> HTMLResponse:
    html = _environment().get_template(name).render(**values)
    return HTMLResponse(html, status_code=status, headers={"content-security-policy": PAGE_CSP})


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(status_code=204)  # no icon, and no 404 in the browser's console


@router.get("/", response_class=HTMLResponse)
def overview(s: Store) -> HTMLResponse:
    return page(
        "overview.html",
        stats=api.stats(db=s.db),
        stories=api.story_page(s.db, None, LIST_LIMIT),
        groups=api.group_page(s.db, 2, None, None, OVERVIEW_GROUPS, by_spread=True),
        outlets=overview_data.outlets(s.db),
        months=overview_data.months(s.db),
    )


FacetParam = Annotated[str | None, Query(max_length=200)]


@router.get("/search", response_class=HTMLResponse)
def search(
    s: Store,
    q: Annotated[str, Query(max_length=500)] = "",
    language: FacetParam = None,
    outlet: FacetParam = None,
    date: FacetParam = None,
    actor: FacetParam = None,
    relation: FacetParam = None,
    modality: FacetParam = None,
) -> HTMLResponse:
    chosen = {"language": language, "outlet": outlet, "date": date, "actor": actor,
              "relation": relation, "modality": modality}  # fmt: skip
    found, error = None, None
    if q.strip():
        try:
            found = faceted_search(q, s.db, {k: v for k, v in chosen.items() if v})
        except api.ClaimtraceError as exc:  # invalid query syntax: say so, never a silent miss
            error = str(exc)
    hits = found.hits[:LIST_LIMIT] if found else []
    cut = api.search_snippets(q, [h.document_id for h in hits], db=s.db) if hits else {}
    rows = [{**h.to_dict(), "snippet": cut.get(h.document_id, ""),
             "snippet_html": snippet_html(cut.get(h.document_id, ""))} for h in hits]  # fmt: skip
    selected = found.selected if found else {}

    def toggle(facet: str, value: str) -> str:
        """This search with ``facet`` set to ``value`` (or cleared when it is already)."""
        params = {"q": q, **selected}
        if params.get(facet) == value:
            params.pop(facet)
        else:
            params[facet] = value
        return "/search?" + urlencode(params)

    return page("search.html", q=q, hits=rows, found=found, error=error, toggle=toggle,
                 status=400 if error else 200)  # fmt: skip


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document(document_id: str, s: Store) -> HTMLResponse:
    view = api.show(document_id, db=s.db)
    groups = api.groups_of_claims([c.id for c in view.claims], db=s.db)
    paragraphs = evidence_html(view.document, view.claims, groups)
    return page("document.html", view=view, paragraphs=paragraphs, groups=groups)


@router.get("/groups/{group_id}", response_class=HTMLResponse)
def group(group_id: str, s: Store) -> HTMLResponse:
    found = api.group_detail(group_id, db=s.db)
    stories = stories_of(s.db, found["documents"])
    beside = []  # the other groups of its stories: what else is claimed about the events
    for story in stories[:3]:
        listed = api.group_page(s.db, 1, story["id"], None, LIST_LIMIT, by_spread=True)
        beside += [g for g in listed if g["id"] != found["id"] and g not in beside]
    return page("group.html", group=found, spread=spread(found), stories=stories,
                beside=beside[:LIST_LIMIT],
                days=overview_data.spread_days(found["members"]))  # fmt: skip


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(actor_id: str, s: Store) -> HTMLResponse:
    found = api.actor(actor_id, db=s.db, limit=LIST_LIMIT)
    listed = [c.id for role in found["claims"].values() for c in role["claims"]]
    groups = api.groups_of_claims(listed, db=s.db)
    return page("actor.html", actor=found, groups=groups, roles=ROLE_TITLES,
                network=overview_data.network(s.db, found["id"]))  # fmt: skip


ROLE_TITLES = {
    "source": "Claims on its authority",
    "subject": "Claims about what it does",
    "object": "Claims about what is done to it",
    "place": "Claims set here",
}


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(story_id: str, s: Store) -> HTMLResponse:
    found = api.story_detail(story_id, db=s.db)
    groups = api.group_page(s.db, 1, found["id"], None, LIST_LIMIT)
    claims = story_claims(s.db, found["id"])
    timeline = Markup(timeline_svg(found["documents"], claims))  # ElementTree escaped it
    places = story_places(s.db, found["id"])
    return page("story.html", story=found, groups=groups, timeline=timeline, places=places)


@router.get("/graph", response_class=HTMLResponse)
def graph(s: Store, story: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    found = api.story_detail(story, db=s.db) if story else None
    data = api.snapshot_part("citations", db=s.db, story=found["id"] if found else None)
    ranked = sorted(data["nodes"], key=lambda n: (-n["claims"], n["label"]))
    outlets = [n for n in ranked if "outlet" in n["roles"]]
    sources = [n for n in ranked if set(n["roles"]) - {"outlet"}]
    return page("graph.html", graph=data, outlets=outlets, sources=sources, story=found)


@router.get("/alerts", response_class=HTMLResponse)
def alerts(s: Store, watch: Annotated[int | None, Query(ge=1, le=2**62)] = None) -> HTMLResponse:
    found = api.alerts(db=s.db, limit=LIST_LIMIT * 4, watch_id=watch)
    return page("alerts.html", alerts=found, watches=api.watches(db=s.db), watch=watch)
