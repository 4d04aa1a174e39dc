"""Watch: fetch into the store (collect -> ingest), poll sources on a schedule, and raise
alerts on saved watches. Runs after the pipeline stages it drives."""

from claimtrace.watch.fetch import FetchSummary, fetch_into

__all__ = ["FetchSummary", "fetch_into"]
