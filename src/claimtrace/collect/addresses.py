"""Which hosts a fetch may reach: a guard against server-side request forgery.

A feed or a sitemap is written by someone else, and so is a redirect: left alone, a hostile
feed could make claimtrace fetch ``http://169.254.169.254/`` (a cloud's metadata service),
a router's admin page or a database's HTTP port on the analyst's own network, and store the
answer where it may be shared. So a URL that came from a feed, a sitemap or a redirect is
refused, before any connection, when its host is or resolves to an address that is not
public (loopback, private, link-local, carrier-grade NAT, multicast, reserved,
unspecified). A URL the user named (command line, URL file, SOURCES.toml) is fetched as
given: they asked for it. ``fetch_private = "allow"`` lifts the guard (an intranet, the
tests' server on 127.0.0.1).

The check resolves the name once before connecting; a name that resolves differently at
connect time (DNS rebinding) is not caught — a guard, not a sandbox.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit


def _kind(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address is not public, or None when it is."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return _kind(address.ipv4_mapped)
    for name in ("loopback", "link_local", "private", "multicast", "unspecified", "reserved"):
        if getattr(address, f"is_{name}"):
            return name.replace("_", "-")
    return None if address.is_global else "non-public"


async def refusal(url: str) -> str | None:
    """Why ``url`` may not be fetched from a link or a redirect, or None when its host
    resolves to public addresses only."""
    host = urlsplit(url).hostname or ""
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(
                host, None, type=socket.SOCK_STREAM
            )
        except (OSError, UnicodeError):
            return None  # the fetch itself reports that the name does not resolve
        addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    for address in addresses:
        kind = _kind(address)
        if kind is not None:
            return (
                f"refused: {host} is a {kind} address ({address}); links and redirects "
                "may reach public addresses only (setting fetch_private = 'allow' lifts this)"
            )
    return None
