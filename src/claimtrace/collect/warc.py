"""Every response kept as a WARC record (warcio) before anything is extracted from it.

One gzipped WARC file per run in ``<store>.warc/`` beside the store; each record is
flushed as it is written, so a crash keeps every response before it. A body cut short
(over the size limit, too slow) is marked with ``WARC-Truncated``.
"""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# the body is stored decoded, so the headers describing its transfer encoding no longer hold
_DROP = frozenset({"content-encoding", "transfer-encoding", "content-length"})


class WarcLog:
    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.path: Path | None = None
        self._handle: io.BufferedWriter | None = None
        self._writer: WARCWriter | None = None

    def _open(self) -> WARCWriter:
        if self._writer is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
            self.path = self.folder / f"collect-{stamp}-{os.getpid()}-{time.monotonic_ns()}.warc.gz"
            self._handle = open(self.path, "ab")  # noqa: SIM115 - held for the whole run
            self._writer = WARCWriter(self._handle, gzip=True)
        return self._writer

    def write(
        self,
        url: str,
        status: int,
        reason: str,
        headers: list[tuple[str, str]],
        body: bytes,
        truncated: str | None = None,
    ) -> tuple[str, str, int]:
        """Write one response record; returns (file, record id, offset in the file)."""
        writer = self._open()
        assert self._handle is not None
        offset = self._handle.tell()
        kept = [(k, v) for k, v in headers if k.lower() not in _DROP]
        kept.append(("Content-Length", str(len(body))))
        http = StatusAndHeaders(f"{status} {reason}".strip(), kept, protocol="HTTP/1.1")
        extra = {"WARC-Truncated": truncated} if truncated else None
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http,
            warc_headers_dict=extra,
        )  # fmt: skip
        writer.write_record(record)
        self._handle.flush()
        return str(self.path), str(record.rec_headers.get_header("WARC-Record-ID")), offset

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
            self._writer = None


def read_payload(path: str, offset: int, max_bytes: int) -> bytes:
    """The body of the response record at ``offset`` (OSError, ValueError if it is gone)."""
    with open(path, "rb") as handle:
        handle.seek(offset)
        for record in ArchiveIterator(handle):
            return bytes(record.content_stream().read(max_bytes + 1))
    raise ValueError(f"no WARC record at offset {offset} of {path}")
