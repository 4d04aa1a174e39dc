"""claimtrace: who claims what about whom, where and when, on whose authority."""

from claimtrace.api import ingest, search, show, stats

__all__ = ["ingest", "search", "show", "stats"]
__version__ = "0.1.0"
