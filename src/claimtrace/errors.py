"""The one base exception and the few subclasses a user can act on."""

from __future__ import annotations


class ClaimtraceError(Exception):
    """Base of every error claimtrace raises on purpose; its message is meant for the user."""


class InputError(ClaimtraceError):
    """An input (file, record, URL) cannot be read or understood.

    Carries the input and the stage so the failure can be recorded and reported.
    """

    def __init__(self, source: str, stage: str, reason: str) -> None:
        super().__init__(f"{source}: {stage}: {reason}")
        self.source = source
        self.stage = stage
        self.reason = reason


class StoreError(ClaimtraceError):
    """The store cannot be opened, migrated or written."""


class NotFoundError(ClaimtraceError):
    """A document or other object asked for by id does not exist."""


class MissingDependencyError(ClaimtraceError):
    """An optional component is not installed; the message names what to install."""
