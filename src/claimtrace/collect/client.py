"""One polite HTTP client (httpx): robots.txt, a delay and a concurrency cap per host, a
clear User-Agent, conditional GET, retries with backoff, bounded redirects, a size and a
time limit per response, content types checked. Every response is written to the WARC log
first. Nothing a server sends escapes as an exception: it becomes a Response with a reason.
"""

from __future__ import annotations

import asyncio
import time
import zlib
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from claimtrace.collect.addresses import refusal
from claimtrace.collect.options import FetchOptions
from claimtrace.collect.robots import Rules, rules_from
from claimtrace.collect.urls import BadURL, host_of, normalise
from claimtrace.collect.warc import WarcLog

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRY = frozenset({429, 500, 502, 503, 504})
_TEXT_TYPES = frozenset(
    {
        "text/html", "application/xhtml+xml", "text/plain", "text/xml", "application/xml",
        "application/rss+xml", "application/atom+xml", "application/rdf+xml",
        "application/json", "application/feed+json",
    }
)  # fmt: skip
# a gzip file (sitemap.xml.gz): read, kept as received, then decompressed within the limit
_GZIP_TYPES = frozenset({"application/gzip", "application/x-gzip", "application/x-gunzip"})


@dataclass(frozen=True)
class Response:
    url: str  # the URL finally answered (after redirects)
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    warc_file: str | None = None
    warc_record: str | None = None
    warc_offset: int | None = None
    stage: str = "fetch"
    reason: str | None = None  # set: the fetch failed

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


class _Host:
    def __init__(self, concurrency: int) -> None:
        self.slots = asyncio.Semaphore(concurrency)
        self.lock = asyncio.Lock()
        self.next_start = 0.0
        self.rules: Rules | None = None
        self.rules_lock = asyncio.Lock()


class Client:
    def __init__(self, options: FetchOptions, warc: WarcLog) -> None:
        self.options = options
        self.warc = warc
        self._hosts: dict[str, _Host] = {}
        self._all = asyncio.Semaphore(options.concurrency)
        self._http = httpx.AsyncClient(
            follow_redirects=False,
            timeout=httpx.Timeout(options.timeout),
            headers={"User-Agent": options.user_agent, "Accept-Encoding": "gzip, deflate"},
        )

    async def close(self) -> None:
        await self._http.aclose()

    def _host(self, url: str) -> _Host:
        key = host_of(url)
        if key not in self._hosts:
            self._hosts[key] = _Host(self.options.host_concurrency)
        return self._hosts[key]

    async def get(
        self, url: str, etag: str | None = None, modified: str | None = None, given: bool = True
    ) -> Response:
        """GET with redirects followed (each hop checked against robots.txt); a 304 comes
        back as status 304 with no body. A URL not ``given`` by the user (a feed's or
        sitemap's link) and every redirect must reach a public address
        (collect/addresses.py) unless the options allow private ones."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        chain = [url]
        for hop in range(self.options.max_redirects + 1):
            if (hop or not given) and not self.options.allow_private:
                refused = await refusal(chain[-1])
                if refused is not None:
                    return Response(chain[-1], stage="address", reason=refused)
            refused = await self._robots_refuse(chain[-1])
            if refused is not None:
                return Response(chain[-1], stage="robots", reason=refused)
            response = await self._with_retries(chain[-1], headers)
            if response.reason is not None or response.status not in _REDIRECTS:
                return response
            location = response.headers.get("location", "")
            try:
                target = normalise(urljoin(chain[-1], location)) if location else ""
            except BadURL as exc:
                return _failed(response, f"redirect to {exc}")
            if not target:
                return _failed(response, f"HTTP {response.status} redirect without a Location")
            if target in chain:
                loop = " -> ".join([*chain[chain.index(target) :], target])
                return _failed(response, f"redirect loop: {loop}")
            chain.append(target)
            headers = {}  # validators belong to the first URL
        return _failed(response, f"more than {self.options.max_redirects} redirects")

    async def _robots_refuse(self, url: str) -> str | None:
        if not self.options.obey_robots:
            return None
        host = self._host(url)
        async with host.rules_lock:
            if host.rules is None:
                host.rules = await self._read_robots(url)
        if host.rules.allows(url, self.options.user_agent):
            return None
        return host.rules.unreachable or "disallowed by robots.txt"

    async def _read_robots(self, url: str) -> Rules:
        robots = host_of(url) + "/robots.txt"
        for _ in range(5):  # RFC 9309: follow at least five redirects
            response = await self._with_retries(robots, {})
            if response.reason is not None or response.status not in _REDIRECTS:
                break
            robots = urljoin(robots, response.headers.get("location", ""))
            if urlsplit(robots).scheme not in ("http", "https"):
                break
            refused = None if self.options.allow_private else await refusal(robots)
            if refused is not None:
                return rules_from(None, b"", refused)
        else:
            return rules_from(None, b"", "too many redirects")
        error = response.reason if response.status is None else None
        return rules_from(response.status, response.body, error)

    async def _with_retries(self, url: str, headers: dict[str, str]) -> Response:
        wait = self.options.backoff
        for attempt in range(self.options.retries + 1):
            response, retry_after = await self._once(url, headers)
            retryable = response.status in _RETRY or (
                response.status is None and response.reason is not None
            )
            if not retryable or attempt == self.options.retries:
                return response
            await asyncio.sleep(min(retry_after if retry_after is not None else wait, 60.0))
            wait *= 2
        return response  # pragma: no cover - the loop always returns

    async def _once(self, url: str, headers: dict[str, str]) -> tuple[Response, float | None]:
        host = self._host(url)
        async with self._all, host.slots:
            async with host.lock:
                now = time.monotonic()
                start = max(now, host.next_start)
                delay = max(self.options.delay, host.rules.delay(self.options.user_agent)
                            if host.rules else 0.0)  # fmt: skip
                host.next_start = start + delay
            if start > now:
                await asyncio.sleep(start - now)
            return await self._request(url, headers)

    async def _request(self, url: str, headers: dict[str, str]) -> tuple[Response, float | None]:
        limit, status, phrase = self.options.max_bytes, None, ""
        got: list[tuple[str, str]] = []
        body = bytearray()
        truncated = reason = None
        try:
            async with asyncio.timeout(self.options.timeout):
                async with self._http.stream("GET", url, headers=headers) as answer:
                    status, phrase = answer.status_code, answer.reason_phrase
                    got = list(answer.headers.multi_items())
                    mime = answer.headers.get("content-type", "").split(";")[0].strip().lower()
                    gzipped = mime in _GZIP_TYPES or (
                        mime == "application/octet-stream" and urlsplit(url).path.endswith(".gz")
                    )
                    if status == 200 and mime and mime not in _TEXT_TYPES and not gzipped:
                        reason, truncated = f"unsupported content type {mime!r}", "unspecified"
                    elif status == 200:
                        async for chunk in answer.aiter_bytes():
                            body.extend(chunk)
                            if len(body) > limit:
                                del body[limit:]
                                truncated = "length"
                                reason = f"response is over the {limit:,}-byte limit"
                                break
        except TimeoutError:
            truncated = "time"
            reason = f"no complete response within {self.options.timeout:g} s"
        except httpx.HTTPError as exc:
            truncated = "unspecified"
            reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        names = {k.lower(): v for k, v in got}
        warc_file = warc_record = warc_offset = None
        if status is not None:
            warc_file, warc_record, warc_offset = self.warc.write(
                url, status, phrase, got, bytes(body), truncated
            )
        elif reason is not None and status is None:
            reason = f"{reason} (no response)" if "(no response)" not in reason else reason
        if reason is None and status is not None and status not in _REDIRECTS | {200, 304}:
            reason = f"HTTP {status} {phrase}".strip()
        data = bytes(body)
        if reason is None and status == 200 and data[:2] == b"\x1f\x8b":
            data, reason = _gunzip(data, limit)
        response = Response(
            url, status, names, data, warc_file, warc_record, warc_offset, "fetch", reason
        )
        return response, _retry_after(names.get("retry-after"))


def _failed(response: Response, reason: str) -> Response:
    return Response(
        response.url, response.status, response.headers, b"", response.warc_file,
        response.warc_record, response.warc_offset, "fetch", reason,
    )  # fmt: skip


def _gunzip(data: bytes, limit: int) -> tuple[bytes, str | None]:
    """A gzip body decompressed, up to ``limit`` bytes (a small file may unpack to
    gigabytes); (b"", why) when it is over or broken."""
    inflate = zlib.decompressobj(wbits=31)
    try:
        out = inflate.decompress(data, limit + 1)
    except zlib.error as exc:
        return b"", f"malformed gzip body: {exc}"
    if len(out) > limit:
        return b"", f"gzip body unpacks to over the {limit:,}-byte limit"
    if not inflate.eof:
        return b"", "gzip body is cut short"
    return out, None


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None
