"""Files sent from the browser or the API, written into one job's folder and nowhere else.

A name from the client is only a hint: its last path part, with every character that is not
a letter, digit, dot, dash or underscore replaced, never starting with a dot. A zip archive
is unpacked member by member under the same rule (no absolute paths, no "..", no links), with
limits on members and unpacked bytes so a small zip cannot fill the disk. Whatever breaks a
rule is refused with the reason, as an ingest failure would be.
"""

from __future__ import annotations

import re
import shutil
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import IO

_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)
MAX_MEMBERS = 5000
MAX_NAME = 120
_CHUNK = 1 << 16


class UploadError(ValueError):
    """An upload broke a rule (size, name, archive); the message says which."""


@dataclass(frozen=True)
class Saved:
    name: str  # as the client sent it
    path: Path  # inside the job folder
    bytes: int


def safe_name(name: str, fallback: str = "upload") -> str:
    """The last part of ``name`` (either slash) made safe to create in a folder."""
    last = PureWindowsPath(PurePosixPath(name or "").name).name
    cleaned = _UNSAFE.sub("_", last).lstrip(".")[:MAX_NAME]
    return cleaned or fallback


def _unique(folder: Path, name: str) -> Path:
    target, n = folder / name, 1
    while target.exists():
        stem, dot, suffix = name.partition(".")
        target = folder / f"{stem}-{n}{dot}{suffix}"
        n += 1
    return target


def _inside(folder: Path, target: Path) -> Path:
    resolved = target.resolve()
    if not resolved.is_relative_to(folder.resolve()):
        raise UploadError(f"{target.name!r} would be written outside its folder")
    return resolved


def save_stream(folder: Path, name: str, stream: IO[bytes], budget: int) -> Saved:
    """Copy ``stream`` to a new file in ``folder``; UploadError past ``budget`` bytes."""
    target = _inside(folder, _unique(folder, safe_name(name)))
    written = 0
    with open(target, "xb") as out:
        while chunk := stream.read(_CHUNK):
            written += len(chunk)
            if written > budget:
                out.close()
                target.unlink(missing_ok=True)
                raise UploadError(f"the upload is larger than the limit ({budget:,} bytes)")
            out.write(chunk)
    return Saved(name, target, written)


def save_text(folder: Path, text: str, title: str | None) -> Saved:
    """Pasted text as a .txt file (its first line the title when one is given)."""
    body = f"{title.strip()}\n\n{text}" if title and title.strip() else text
    target = _inside(folder, _unique(folder, "pasted.txt"))
    target.write_text(body, encoding="utf-8")
    return Saved("pasted text", target, target.stat().st_size)


def unpack_zip(archive: Path, folder: Path, budget: int) -> list[Saved]:
    """Every file member of ``archive`` under ``folder`` (flat, names made safe), then the
    archive itself removed; UploadError on a link member, too many members or too many
    unpacked bytes (checked while reading, not trusted from the directory)."""
    saved: list[Saved] = []
    try:
        with zipfile.ZipFile(archive) as zipped:
            members = [m for m in zipped.infolist() if not m.is_dir()]
            if len(members) > MAX_MEMBERS:
                raise UploadError(f"the zip holds {len(members)} files (at most {MAX_MEMBERS})")
            for member in members:
                if stat.S_ISLNK(member.external_attr >> 16):
                    raise UploadError(f"the zip member {member.filename!r} is a link")
                with zipped.open(member) as stream:
                    saved.append(save_stream(folder, member.filename, stream, budget))
                budget -= saved[-1].bytes
    except zipfile.BadZipFile as exc:
        raise UploadError(f"not a readable zip archive: {exc}") from None
    except UploadError:
        for item in saved:
            item.path.unlink(missing_ok=True)
        raise
    archive.unlink()
    return saved


def remove_folder(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
