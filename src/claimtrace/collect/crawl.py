"""The crawl: visit each target, expand feeds and sitemaps into their article links, and
hand every outcome to a CollectState (the store) as it comes.

Restart safety lives in the state: a container's links are queued in the same transaction
that records the container (its ETag), and a page leaves the queue in the transaction that
stores it; a crawl starts with whatever the last one left queued. So an interrupted crawl,
run again, fetches each page it had not stored yet, and only those.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, Protocol, TypeVar

from claimtrace.collect.client import Client, Response
from claimtrace.collect.expand import (
    classify,
    feed_links,
    is_robots,
    robots_sitemaps,
    sitemap_links,
)
from claimtrace.collect.options import FetchOptions
from claimtrace.collect.records import Fetched, Known, Target
from claimtrace.collect.warc import WarcLog

_MAX_SITEMAP_DEPTH = 3
T = TypeVar("T")


class CollectState(Protocol):
    """Where the crawl's outcomes go; called from one thread, one call at a time."""

    def known(self, url: str) -> Known | None: ...

    def pending(self) -> list[Target]:
        """Links queued by an earlier crawl and not fetched yet."""
        ...

    def expanded(self, result: Fetched, children: list[Target]) -> None:
        """A feed or sitemap was read: remember it and queue its new links, at once."""
        ...

    def done(self, result: Fetched) -> None:
        """A page, a 304 or a failure: store it and take it off the queue, at once."""
        ...


def crawl(
    targets: Iterable[Target],
    options: FetchOptions,
    state: CollectState,
    warc_folder: str | Path,
    on_result: Callable[[Fetched], None] | None = None,
) -> list[Fetched]:
    """Visit every target (and what the last crawl left queued) and every new article link
    of the feeds and sitemaps among them; returns every outcome."""
    return asyncio.run(_Crawl(options, state, WarcLog(warc_folder), on_result).run(targets))


class _Crawl:
    def __init__(
        self,
        options: FetchOptions,
        state: CollectState,
        warc: WarcLog,
        on_result: Callable[[Fetched], None] | None,
    ) -> None:
        self.options = options
        self.state = state
        self.warc = warc
        self.on_result = on_result
        self.results: list[Fetched] = []
        self.visited: set[str] = set()
        self.tasks: set[asyncio.Task[None]] = set()
        self.db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="collect-store")

    async def _call(self, fn: Callable[..., T], *args: Any) -> T:
        """Store calls run on one thread, one at a time, off the event loop."""
        return await asyncio.get_running_loop().run_in_executor(self.db, partial(fn, *args))

    async def run(self, targets: Iterable[Target]) -> list[Fetched]:
        self.client = Client(self.options, self.warc)
        try:
            for target in await self._call(self.state.pending):
                self._spawn(target)
            for target in targets:
                self._spawn(target)
            while self.tasks:
                await asyncio.gather(*list(self.tasks))
        finally:
            await self.client.close()
            self.warc.close()
            self.db.shutdown(wait=True)
        return self.results

    def _spawn(self, target: Target) -> None:
        if target.url in self.visited:
            return
        self.visited.add(target.url)
        task = asyncio.create_task(self._visit(target))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _visit(self, target: Target) -> None:
        try:
            await self._visit_unguarded(target)
        except Exception as exc:  # one URL's surprise must not stop the crawl
            reason = f"{type(exc).__name__}: {exc}"
            await self._finish(Fetched(target, "failed", stage="fetch", reason=reason))

    async def _visit_unguarded(self, target: Target) -> None:
        known = await self._call(self.state.known, target.url)
        container = known is not None and known.kind in ("feed", "sitemap")
        if known is not None and known.kind == "page" and not self.options.refetch:
            self._record(Fetched(target, "seen"))  # fetched before: not again unless asked
            return
        conditional = known is not None and (container or self.options.refetch)
        response = await self.client.get(
            target.url,
            known.etag if conditional and known else None,
            known.last_modified if conditional and known else None,
            given=target.given,
        )
        result = _fetched(target, response)
        if result.kind != "page":
            await self._finish(result)
            return
        if is_robots(target.url, target.kind):  # the sitemaps it announces
            await self._expand(replace(result, kind="sitemap"), robots=True)
            return
        kind = classify(result.body, result.content_type or "", target.kind)
        if kind == "xml":
            result = replace(result, kind="failed", stage="detect",
                             reason="XML that is neither a feed nor a sitemap")  # fmt: skip
        elif kind in ("feed", "sitemap"):
            await self._expand(replace(result, kind=kind))
            return
        elif target.kind in ("feed", "sitemap"):
            result = replace(result, kind="failed", stage="detect",
                             reason=f"expected a {target.kind}, got a web page")  # fmt: skip
        await self._finish(result)

    async def _expand(self, result: Fetched, robots: bool = False) -> None:
        limit = self.options.max_links
        target = result.target
        maps: list[str] = []
        pages: list[str] = []
        if robots:
            maps = robots_sitemaps(result.body, result.final_url or target.url, limit)
        elif result.kind == "feed":
            pages = feed_links(result.body, result.final_url or target.url, limit)
        else:
            pages, maps = sitemap_links(result.body, result.final_url or target.url, limit)
        result = replace(result, links=tuple(pages), sitemaps=tuple(maps))
        children = []
        for url in pages:
            if url in self.visited:
                continue
            known = await self._call(self.state.known, url)
            if known is None or known.kind == "failed" or self.options.refetch:
                children.append(_child(target, url, None))
            else:
                self._record(Fetched(_child(target, url, None), "seen"))
        if target.depth < _MAX_SITEMAP_DEPTH:
            children += [_child(target, url, "sitemap") for url in maps if url not in self.visited]
        await self._call(self.state.expanded, result, children)
        self._record(result)
        for child in children:
            self._spawn(child)

    async def _finish(self, result: Fetched) -> None:
        await self._call(self.state.done, result)
        self._record(result)

    def _record(self, result: Fetched) -> None:
        self.results.append(result)
        if self.on_result is not None:
            self.on_result(result)


def _child(parent: Target, url: str, kind: str | None) -> Target:
    depth = parent.depth + 1 if kind == "sitemap" else parent.depth
    return Target(url, parent.url, parent.language, parent.label, kind, depth, given=False)


def _fetched(target: Target, response: Response) -> Fetched:
    common: dict[str, Any] = {
        "status": response.status,
        "final_url": response.url,
        "content_type": response.content_type or None,
        "etag": response.headers.get("etag"),
        "last_modified": response.headers.get("last-modified"),
        "warc_file": response.warc_file,
        "warc_record": response.warc_record,
        "warc_offset": response.warc_offset,
    }
    if response.reason is not None:
        return Fetched(target, "failed", stage=response.stage, reason=response.reason, **common)
    if response.status == 304:
        return Fetched(target, "unchanged", **common)
    if not response.body.strip():
        return Fetched(target, "failed", reason="empty response body", **common)
    return Fetched(target, "page", body=response.body, **common)
