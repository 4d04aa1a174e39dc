"""The fetch settings (declared in config.py) as one typed record."""

from __future__ import annotations

from dataclasses import dataclass

from claimtrace.config import Config


@dataclass(frozen=True)
class FetchOptions:
    user_agent: str
    obey_robots: bool = True
    delay: float = 1.0
    host_concurrency: int = 2
    concurrency: int = 8
    timeout: float = 30.0
    max_bytes: int = 10_000_000
    retries: int = 2
    backoff: float = 1.0
    max_redirects: int = 5
    max_links: int = 1000
    refetch: bool = False  # fetch URLs seen before again (conditionally)
    allow_private: bool = False  # links and redirects may reach non-public addresses

    @classmethod
    def from_config(cls, config: Config, refetch: bool = False) -> FetchOptions:
        return cls(
            user_agent=config.fetch_user_agent,
            obey_robots=config.fetch_robots == "obey",
            delay=float(config.fetch_delay),
            host_concurrency=int(config.fetch_host_concurrency),
            concurrency=int(config.fetch_concurrency),
            timeout=float(config.fetch_timeout),
            max_bytes=int(config.fetch_max_bytes),
            retries=int(config.fetch_retries),
            backoff=float(config.fetch_backoff),
            max_redirects=int(config.fetch_max_redirects),
            max_links=int(config.fetch_max_links),
            refetch=refetch,
            allow_private=config.fetch_private == "allow",
        )
