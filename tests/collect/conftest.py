"""A local HTTP server on 127.0.0.1 (no other address is ever contacted) whose routes each
test sets: static answers, or handlers for slow, endless and conditional responses."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from claimtrace.config import Config, load_config

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Site:
    base: str = ""
    routes: dict[str, tuple[int, dict[str, str], bytes] | Handler] = field(default_factory=dict)
    hits: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    posts: list[tuple[str, bytes]] = field(default_factory=list)  # (path, body) of each POST
    post_status: int = 204

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str, ctype: str = "text/html; charset=utf-8",
            status: int = 200, **headers: str) -> str:  # fmt: skip
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = (status, {"Content-Type": ctype, **headers}, data)
        return self.url(path)

    def count(self, path: str) -> int:
        return sum(1 for hit, _ in self.hits if hit == path)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handle(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            site.hits.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = site.routes.get(self.path)
            if route is None:
                route = (404, {"Content-Type": "text/plain"}, b"not found")
            if callable(route):
                route(self)
                return
            status, headers, body = route
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length", "0"))
            site.posts.append((self.path, self.rfile.read(length)))
            self.send_response(site.post_status)
            self.send_header("Content-Length", "0")
            self.end_headers()

    return Handle


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up (the fetcher closing a kept-alive connection) is no error:
        socketserver would print its traceback to sys.stderr, which a CliRunner test reads
        as the command's output."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site()
    server = _Server(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    server.block_on_close = False
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


@pytest.fixture
def fetch_config(tmp_path: Path) -> Config:
    """Politeness kept on (robots.txt, one host slot) but without waiting between requests,
    and small limits so that faults show quickly. The server is on 127.0.0.1, which links
    and redirects may reach only when allowed (test_faults.py shows the refusal)."""
    return load_config(
        db=str(tmp_path / "store.db"),
        fetch_private="allow",
        fetch_delay=0.0,
        fetch_backoff=0.01,
        fetch_retries=1,
        fetch_timeout=2.0,
        fetch_max_bytes=300_000,
    )


def drip(pause: float, total: float) -> Handler:
    """Headers at once, then one byte every ``pause`` seconds for ``total`` seconds."""

    def handle(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", "100000")
        request.end_headers()
        end = time.monotonic() + total
        try:
            while time.monotonic() < end:
                request.wfile.write(b"<p>")
                request.wfile.flush()
                time.sleep(pause)
        except OSError:
            pass

    return handle


def endless(chunk: int = 65536, limit: int = 50_000_000) -> Handler:
    """A body that claims no length and keeps coming (until the client hangs up)."""

    def handle(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Connection", "close")
        request.end_headers()
        sent = 0
        try:
            request.wfile.write(b"<html><body><p>")
            while sent < limit:
                request.wfile.write(b"a" * chunk)
                sent += chunk
        except OSError:
            pass
        request.close_connection = True

    return handle


def conditional(body: bytes, etag: str, ctype: str) -> Handler:
    """200 with an ETag, 304 when the request's If-None-Match holds it."""

    def handle(request: BaseHTTPRequestHandler) -> None:
        if request.headers.get("If-None-Match") == etag:
            request.send_response(304)
            request.send_header("ETag", etag)
            request.send_header("Content-Length", "0")
            request.end_headers()
            return
        request.send_response(200)
        request.send_header("Content-Type", ctype)
        request.send_header("ETag", etag)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    return handle
