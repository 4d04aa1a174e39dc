"""Walk the paths a user named and turn every input record into a RawPage or a Failure."""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from claimtrace.ids import sha256_bytes
from claimtrace.ingest.containers import read_json_array, read_jsonl, read_warc
from claimtrace.ingest.decode import decode_bytes
from claimtrace.ingest.sniff import binary_kind, sniff
from claimtrace.records import Failure, RawPage

Item = RawPage | Failure
_HEAD = 65536


def iter_files(
    paths: Iterable[str | Path], exclude: frozenset[Path] = frozenset()
) -> Iterator[Path | Failure]:
    """Files below the given paths in a stable order, less ``exclude`` (the store's own files).

    Inside a directory, hidden entries are skipped and a symlink is followed only when its
    target stays inside that directory, so a planted link cannot make us read elsewhere.
    """
    for entry in _iter_all(paths):
        if isinstance(entry, Failure) or entry.resolve() not in exclude:
            yield entry


def _iter_all(paths: Iterable[str | Path]) -> Iterator[Path | Failure]:
    for given in paths:
        path = Path(given)
        if not path.exists() and not path.is_symlink():
            yield Failure(str(given), "read", "no such file or directory")
        elif path.is_dir():
            yield from _walk(path)
        else:
            yield path.absolute()


def _walk(root: Path) -> Iterator[Path | Failure]:
    real_root = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root, onerror=None):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        here = Path(dirpath)
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = here / name
            if path.is_symlink() and not path.resolve().is_relative_to(real_root):
                yield Failure(str(path.absolute()), "read", f"symlink points outside {root}")
                continue
            yield path.absolute()


STDIN = "-"


def read_inputs(
    paths: Iterable[str | Path], max_bytes: int, exclude: frozenset[Path] = frozenset()
) -> Iterator[Item]:
    """Every record below ``paths``; ``-`` reads one input (any format but WARC) from stdin."""
    paths = list(paths)
    if STDIN in paths:
        paths.remove(STDIN)
        yield from _read_stdin(max_bytes)
    for entry in iter_files(paths, exclude):
        if isinstance(entry, Failure):
            yield entry
            continue
        try:
            yield from read_file(entry, max_bytes)
        except OSError as exc:
            yield Failure(str(entry), "read", exc.strerror or str(exc))


def _read_stdin(max_bytes: int) -> Iterator[Item]:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if not data.strip():
        yield Failure("<stdin>", "read", "empty input")
    elif sniff(data[:_HEAD]) == "gzip":
        yield from _read_gzip(Path("<stdin>"), data, max_bytes)
    elif sniff(data[:_HEAD]) == "jsonl":
        yield from read_jsonl(Path("<stdin>"), max_bytes, data=data)
    else:
        yield from pages_from_bytes("<stdin>", "<stdin>", data, max_bytes)


def read_file(path: Path, max_bytes: int) -> Iterator[Item]:
    source = str(path)
    with path.open("rb") as handle:
        head = handle.read(_HEAD)
    if not head:
        yield Failure(source, "read", "empty file")
        return
    kind = sniff(head)
    if kind == "warc" or (kind == "gzip" and _gzip_head(path).startswith(b"WARC/")):
        yield from read_warc(path, max_bytes)
        return
    if kind == "jsonl":
        yield from read_jsonl(path, max_bytes)
        return
    size = path.stat().st_size
    if size > max_bytes and kind != "gzip":
        yield Failure(source, "read", f"{size:,} bytes is over the {max_bytes:,}-byte limit")
        return
    data = path.read_bytes()
    if kind == "gzip":
        yield from _read_gzip(path, data, max_bytes)
        return
    yield from pages_from_bytes(source, str(path), data, max_bytes)


def pages_from_bytes(source: str, path: str, data: bytes, max_bytes: int) -> Iterator[Item]:
    """A standalone document (HTML or text) or a JSON array of documents."""
    if len(data) > max_bytes:
        yield Failure(source, "read", f"{len(data):,} bytes is over the {max_bytes:,}-byte limit")
        return
    kind = sniff(data[:_HEAD])
    if kind == "binary":
        yield Failure(source, "detect", f"not a text document: {binary_kind(data[:_HEAD])}")
        return
    if kind == "json":
        yield from read_json_array(source, path, data, max_bytes)
        return
    if kind == "jsonl":
        kind = "text"  # a lone "{" line that is not JSON Lines: read it as text
    sha = sha256_bytes(data)
    if kind == "html":
        yield RawPage(source=source, path=path, sha256=sha, format="html", content=data)
        return
    text, encoding, warnings = decode_bytes(data)
    yield RawPage(
        source=source,
        path=path,
        sha256=sha,
        format="text",
        content=data,
        body=text,
        encoding=encoding,
        warnings=warnings,
    )


def _gzip_head(path: Path) -> bytes:
    try:
        with gzip.open(path, "rb") as handle:
            return handle.read(16)
    except (OSError, EOFError, zlib.error):
        return b""


def _read_gzip(path: Path, data: bytes, max_bytes: int) -> Iterator[Item]:
    source = str(path)
    try:
        inner = _gunzip(data, max_bytes)
    except (OSError, EOFError, zlib.error) as exc:
        yield Failure(source, "decompress", f"corrupt or truncated gzip: {exc}")
        return
    except ValueError as exc:
        yield Failure(source, "decompress", str(exc))
        return
    if sniff(inner[:_HEAD]) == "jsonl":
        yield from read_jsonl(path, max_bytes, data=inner)
        return
    yield from pages_from_bytes(source, source, inner, max_bytes)


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = decompressor.decompress(data, max_bytes + 1)
    if len(out) > max_bytes:
        raise ValueError(f"decompresses to over the {max_bytes:,}-byte limit")
    if not decompressor.eof:
        raise EOFError("compressed file ended before the end-of-stream marker")
    return out
