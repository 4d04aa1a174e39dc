"""``claimtrace report``: one self-contained HTML file an analyst can open offline.

Everything is inside the file: the stylesheet inline, every graphic an inline SVG computed
here, no script at all. Article text is hostile, so it only reaches the page through
Jinja2's autoescaping or ElementTree (the SVGs), and a Content-Security-Policy forbids
scripts, inline event handlers and every external load even if something slipped through.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from claimtrace.errors import ClaimtraceError
from claimtrace.report.html_parts import citation_rows, claim_tables, document_views, summary
from claimtrace.report.output import check_output, write_output
from claimtrace.report.snapshot import snapshot
from claimtrace.report.svg_graphs import citation_svg, network_svg
from claimtrace.report.svg_map import map_svg
from claimtrace.report.svg_timeline import timeline_svg
from claimtrace.store.base import Store

CITATION_NODES = 40  # the most cited: a graph of 100+ names is not read, the table lists more
SECTIONS = ("summary", "claims", "citations", "actors", "timeline", "map", "documents")


def report(
    store: Store, out: str | Path, story: str | None = None, app_url: str | None = None
) -> str:
    """Write the report of the store (or of story ``story``) to ``out`` ('-' = stdout);
    returns what was written to. With ``app_url`` (where ``claimtrace serve`` answers), each
    claim group and document links to its page in the web app."""
    check_output(out)
    app = app_base(app_url)
    return write_output(out, render_report(snapshot(store, story), app).encode("utf-8"))


def app_base(url: str | None) -> str | None:
    """``url`` as the base of links into the web app: http(s) with a host, nothing after
    the path; ClaimtraceError otherwise (a report never links to javascript: or data:)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ClaimtraceError(
            f"--app-url must be the web app's address, e.g. http://127.0.0.1:8000, not {url!r}"
        )
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def render_report(snap: dict[str, Any], app_url: str | None = None) -> str:
    css = _stylesheet()
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    # no script-src source at all: neither scripts nor on* handlers nor javascript: URLs run
    policy = (
        "default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; "
        f"form-action 'none'; style-src 'sha256-{digest}'"
    )
    docs = document_views(snap)
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            policy=policy,
            css=Markup(css),  # our own file, not article text
            story=snap.get("story"),
            summary=summary(snap),
            claims=claim_tables(snap, docs),
            documents=docs,
            citations=Markup(citation_svg(snap["citations"], limit=CITATION_NODES)),
            citation_rows=citation_rows(snap),
            network=Markup(network_svg(snap["actors"], snap["actor_links"])),
            timeline=Markup(timeline_svg(snap["documents"], snap["claims"])),
            map=Markup(map_svg(snap["places"])),
            places=[p for p in snap["places"] if p["lat"] is not None][:60],
            sections=SECTIONS,
            app=app_url,
        )
    )


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("claimtrace.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


@lru_cache(maxsize=1)
def _stylesheet() -> str:
    return (resources.files("claimtrace.report") / "static" / "report.css").read_text("utf-8")
