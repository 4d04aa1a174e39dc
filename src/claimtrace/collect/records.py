"""What the collect stage passes on: the URLs to visit and what each visit gave."""

from __future__ import annotations

from dataclasses import dataclass

# what a URL turned out to be, or why nothing came of it
KINDS = ("page", "feed", "sitemap", "unchanged", "seen", "failed")


@dataclass(frozen=True)
class Target:
    """A URL to visit (normalised), with where it was found and the watch source's hints."""

    url: str
    parent: str | None = None  # the feed or sitemap that linked to it
    language: str | None = None  # a language hint (ISO 639-1) for the pages
    label: str | None = None  # the watch source's label
    kind: str | None = None  # "feed" | "sitemap" | "page" when the user said so
    depth: int = 0  # sitemaps inside sitemap indexes
    given: bool = True  # named by the user, not found in a feed or sitemap


@dataclass(frozen=True)
class Known:
    """What the store remembers of a URL from an earlier visit."""

    url: str
    kind: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Fetched:
    """One visit: a page, a feed or sitemap with its links, "unchanged" (304), or "failed"
    with the stage and the reason. ``warc_file``/``warc_record`` locate the response kept."""

    target: Target
    kind: str
    status: int | None = None
    final_url: str | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    body: bytes = b""
    warc_file: str | None = None
    warc_record: str | None = None
    warc_offset: int | None = None
    stage: str = "fetch"
    reason: str | None = None
    links: tuple[str, ...] = ()  # a feed's or sitemap's article links, normalised
    sitemaps: tuple[str, ...] = ()  # a sitemap index's sitemaps

    @property
    def url(self) -> str:
        return self.target.url
