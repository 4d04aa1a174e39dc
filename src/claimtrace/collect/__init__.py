"""Collect: fetch pages, RSS/Atom/JSON feeds and sitemaps politely over HTTP, keep every
response as a WARC record, and hand the pages on to ingest's RawPage."""

from claimtrace.collect.crawl import CollectState, crawl
from claimtrace.collect.options import FetchOptions
from claimtrace.collect.records import Fetched, Known, Target
from claimtrace.collect.urls import normalise, read_targets

__all__ = [
    "CollectState",
    "FetchOptions",
    "Fetched",
    "Known",
    "Target",
    "crawl",
    "normalise",
    "read_targets",
]
