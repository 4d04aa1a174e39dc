"""Find the input files below the paths a user named, and open them safely.

A folder may hold anything: FIFOs that would block a reader forever, sockets, devices,
symlink loops, links out of the folder, names that are not valid UTF-8. Each becomes a
Failure with its reason; only regular files are opened, and never in a blocking way.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from claimtrace.records import Failure

_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a directory"),
)


@dataclass(frozen=True)
class InputFile:
    """A regular file to read: ``path`` to open it, ``key`` to name it in the store."""

    path: Path
    key: str


class NotRegularFileError(OSError):
    """The path is a FIFO, socket, device or directory, not a file to read."""


def source_key(path: str | Path) -> str:
    """The path as storable text; bytes of a name that are not UTF-8 are shown as ``\\xNN``.

    The mapping is fixed, so a re-run finds the same key; the file itself is always opened
    through its original (surrogate-escaped) path.
    """
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def special_kind(mode: int) -> str | None:
    for test, name in _SPECIAL:
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a regular file"


def iter_files(
    paths: Iterable[str | Path], exclude: frozenset[str] = frozenset()
) -> Iterator[InputFile | Failure]:
    """Files below the given paths in a stable order, less ``exclude`` (real paths of the
    store's own files).

    Inside a directory, hidden entries are skipped and a symlink is followed only when its
    target stays inside that directory, so a planted link cannot make us read elsewhere.
    """
    for entry in _iter_all(paths):
        if isinstance(entry, Failure) or os.path.realpath(entry.path) not in exclude:
            yield entry


def _iter_all(paths: Iterable[str | Path]) -> Iterator[InputFile | Failure]:
    for given in paths:
        path = Path(given).absolute()
        try:
            is_dir = stat.S_ISDIR(os.stat(path).st_mode)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path)
        else:
            yield _check(path, None)


def _walk(root: Path) -> Iterator[InputFile | Failure]:
    real_root = os.path.realpath(root)
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        yield from _walk_errors(errors)
        here = Path(dirpath)
        kept = []
        for name in sorted(dirnames):
            if name.startswith("."):
                continue
            if os.path.islink(here / name):
                yield Failure(source_key(here / name), "read", "symlink to a folder: not followed")
            else:
                kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            if not name.startswith("."):
                yield _check(here / name, real_root)
    yield from _walk_errors(errors)


def _walk_errors(errors: list[OSError]) -> Iterator[Failure]:
    while errors:
        exc = errors.pop(0)
        where = exc.filename if exc.filename is not None else "?"
        yield Failure(source_key(where), "read", f"cannot list folder: {exc.strerror or exc}")


def _check(path: Path, root: str | None) -> InputFile | Failure:
    """An InputFile for a regular file (or a link to one inside ``root``), else a Failure."""
    key = source_key(path)
    try:
        link = stat.S_ISLNK(os.lstat(path).st_mode)
        mode = os.stat(path).st_mode
    except OSError as exc:
        return Failure(key, "read", _stat_reason(exc))
    if link and root is not None:
        target = os.path.realpath(path)
        if os.path.commonpath([target, root]) != root:
            return Failure(key, "read", f"symlink points outside {source_key(root)}")
    kind = special_kind(mode)
    if kind is not None:
        return Failure(key, "read", f"not a regular file: {kind}")
    return InputFile(path, key)


def _stat_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)"
    if exc.errno == errno.ENOENT:
        return "no such file or directory (or a broken symlink)"
    return exc.strerror or str(exc)


def open_regular(path: Path) -> BinaryIO:
    """Open a file for reading without ever blocking: a FIFO or device swapped in after
    the walk is refused here, not read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    try:
        kind = special_kind(os.fstat(fd).st_mode)
        if kind is not None:
            raise NotRegularFileError(errno.EINVAL, f"not a regular file: {kind}")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
