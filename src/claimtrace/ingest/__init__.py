"""Read inputs (files, directories, JSONL, WARC) into RawPage records or Failures."""

from claimtrace.ingest.reader import read_inputs

__all__ = ["read_inputs"]
