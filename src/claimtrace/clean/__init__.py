"""Turn RawPage records into clean Documents: main text, debris removal, metadata, language."""

from claimtrace.clean.document import build_document

__all__ = ["build_document"]
