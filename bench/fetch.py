"""Fetch speed and alert latency against a local HTTP server (127.0.0.1 only).

The trafilatura evaluation pages (../shared/evaldata, real news HTML in many languages) are
served by a server this script starts, listed in an RSS feed. Figures:

1. pages/s fetched and ingested (``claimtrace.api.fetch`` of the feed into an empty store:
   fetch, WARC, clean, deduplicate, store), with the politeness limits off (robots.txt
   ignored, no delay, 8 requests per host) and on (the defaults: robots.txt, 1 s between
   requests to a host, 2 at a time) — the second is bounded by the delay by design, so it
   runs over fewer pages (``--polite-pages``);
2. seconds from a new article appearing in a watched feed to its alert: a store with one
   watch round done (models loaded) and a source watch; the article is added to the feed and
   one ``watch --once`` round runs (fetch, ingest, analyse, link, alert): once in a fresh
   process (the NLP models load in that round), then again with a second article.

    .venv/bin/python bench/fetch.py
    .venv/bin/python bench/fetch.py --limit 100 --polite-pages 10
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import threading
import time
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from _common import (
    add_common_arguments,
    command_line,
    load_eval_pages,
    machine_info,
    read_html,
    trafilatura_eval_dir,
    write_result,
)

from claimtrace import api
from claimtrace.config import load_config

ALERT_ARTICLE = (
    b"<html><head><title>Ferry capsizes on Lake Victoria</title></head><body><article>"
    b"<h1>Ferry capsizes on Lake Victoria</h1><p>A passenger ferry capsized on Lake Victoria "
    b"near the Tanzanian city of Mwanza on Thursday. Police said at least 30 people drowned "
    b"and dozens were missing.</p><p>The regional commissioner said the vessel was "
    b"overloaded and rescue divers were searching the water near Ukerewe island.</p>"
    b"</article></body></html>"
)
ALERT_ARTICLE_2 = (
    b"<html><head><title>More bodies recovered after ferry disaster</title></head><body>"
    b"<article><h1>More bodies recovered after ferry disaster</h1><p>Rescue teams on Lake "
    b"Victoria recovered more bodies on Friday after the ferry disaster near Mwanza. Police "
    b"said 41 people drowned when the overloaded vessel capsized.</p><p>Relatives gathered "
    b"at the port of Mwanza waiting for news of the missing.</p></article></body></html>"
)


class Routes(dict[str, tuple[str, bytes]]):
    pass


def serve(routes: Routes) -> tuple[ThreadingHTTPServer, str]:
    class Handle(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            ctype, body = routes.get(self.path, ("text/plain", b""))
            status = 200 if self.path in routes else 404
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handle)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def rss(base: str, paths: list[str]) -> bytes:
    items = "".join(f"<item><link>{escape(base + p)}</link></item>" for p in paths)
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>bench</title>'
        f"<link>{base}/</link>{items}</channel></rss>"
    ).encode()


def timed_fetch(base: str, feed: str, work: Path, name: str, **settings: object) -> dict:
    # the local server is on 127.0.0.1: links to it are allowed explicitly
    config = load_config(db=str(work / f"{name}.db"), fetch_private="allow", **settings)
    start = time.perf_counter()
    summary = api.fetch([base + feed], config=config)
    seconds = time.perf_counter() - start
    pages = len(summary.added) + len(summary.duplicates) + summary.counts["failed"]
    return {
        "pages": pages,
        "added": len(summary.added),
        "duplicates": len(summary.duplicates),
        "failed": summary.counts["failed"],
        "seconds": round(seconds, 2),
        "pages_per_s": round(pages / seconds, 2) if seconds else None,
    }


def alert_latency(routes: Routes, base: str, work: Path) -> dict:
    config = load_config(db=str(work / "watch.db"), fetch_delay=0.0, fetch_private="allow")
    routes["/watch.xml"] = ("application/rss+xml", rss(base, []))
    sources = work / "sources.toml"
    sources.write_text(f'[[source]]\nurl = "{base}/watch.xml"\nlabel = "bench"\ninterval = "1s"\n')
    api.watch(sources, config=config, once=True)  # round 1: nothing yet, state made
    api.add_watch("source", "bench", db=config.db)
    found = {}
    for name, article in (("cold", ALERT_ARTICLE), ("warm", ALERT_ARTICLE_2)):
        routes[f"/{name}.html"] = ("text/html; charset=utf-8", article)
        listed = ["/cold.html", "/warm.html"] if name == "warm" else ["/cold.html"]
        routes["/watch.xml"] = ("application/rss+xml", rss(base, listed))
        time.sleep(1.0)  # the source is due again
        appeared = time.perf_counter()
        [round_] = api.watch(sources, config=config, once=True)
        found[name] = {"seconds": round(time.perf_counter() - appeared, 2),
                       "alerts": len(round_.alerts)}  # fmt: skip
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_common_arguments(parser)
    parser.add_argument("--polite-pages", type=int, default=10,
                        help="pages for the run with politeness on (1 s apart)")  # fmt: skip
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    folder = trafilatura_eval_dir(args.evaldata)
    pages = load_eval_pages(folder, args.limit if args.limit is not None else 200)
    routes = Routes()
    paths = []
    for number, page in enumerate(pages):
        path = f"/a/{number}.html"
        routes[path] = ("text/html", read_html(folder, page.file))
        paths.append(path)
    routes["/all.xml"] = ("application/rss+xml", b"")
    server, base = serve(routes)
    routes["/all.xml"] = ("application/rss+xml", rss(base, paths))
    routes["/polite.xml"] = ("application/rss+xml", rss(base, paths[: args.polite_pages]))
    with tempfile.TemporaryDirectory(prefix="bench-fetch-") as tmp:
        work = Path(tmp)
        off = timed_fetch(base, "/all.xml", work, "off", fetch_robots="ignore", fetch_delay=0.0,
                          fetch_host_concurrency=8, fetch_concurrency=8)  # fmt: skip
        on = timed_fetch(base, "/polite.xml", work, "on")
        latency = alert_latency(routes, base, work)
    server.shutdown()
    result = {"command": command_line(), "machine": machine_info(), "politeness_off": off,
              "politeness_on": on, "feed_to_alert": latency}  # fmt: skip
    out = write_result("fetch", result)
    print(
        f"politeness off: {off['pages']} pages in {off['seconds']} s = "
        f"{off['pages_per_s']} pages/s fetched and ingested "
        f"({off['added']} new, {off['duplicates']} duplicates, {off['failed']} failed)"
    )
    print(
        f"politeness on:  {on['pages']} pages in {on['seconds']} s = "
        f"{on['pages_per_s']} pages/s (fetch_delay 1 s per host)"
    )
    cold, warm = latency["cold"], latency["warm"]
    print(f"new feed article -> alert, one watch round: {cold['seconds']} s with the NLP "
          f"models loading ({cold['alerts']} alert(s)), {warm['seconds']} s with them loaded "
          f"({warm['alerts']} alert(s))")  # fmt: skip
    print(f"command: {command_line()}")
    print(f"wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
