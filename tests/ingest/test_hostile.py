"""Hostile folders (issue 10, cases 1-5 and 15): each odd input becomes a failure with its
reason, never a hang or a crash, and the good files of the same batch are still stored."""

from __future__ import annotations

import os
import random
import signal
import socket
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from claimtrace import api
from claimtrace.config import Config
from claimtrace.records import IngestSummary
from tests.conftest import ARTICLE_DE, ARTICLE_EN


@contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging the suite if a reader blocks (a FIFO opened for reading)."""

    def expire(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"ingest still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE_EN, encoding="utf-8")
    return folder


def _ingest(paths: list[Path], config: Config) -> IngestSummary:
    with _deadline(30):
        return api.ingest(paths, config=config)


def _reason(summary: IngestSummary, name: str) -> tuple[str, str]:
    [failure] = [f for f in summary.failures if name in f.source]
    return failure.stage, failure.reason


def test_fifo_in_folder_is_skipped(tmp_path: Path, config: Config) -> None:  # case 1
    folder = _folder(tmp_path)
    os.mkfifo(folder / "p.html")
    summary = _ingest([folder], config)
    assert len(summary.added) == 1
    assert _reason(summary, "p.html") == ("read", "not a regular file: a FIFO (named pipe)")


def test_fifo_named_directly_is_skipped(tmp_path: Path, config: Config) -> None:  # case 1
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    summary = _ingest([fifo, _folder(tmp_path)], config)
    assert len(summary.added) == 1
    assert "FIFO" in _reason(summary, "pipe.txt")[1]


def test_socket_and_device_are_skipped(tmp_path: Path, config: Config) -> None:
    folder = _folder(tmp_path)
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "s.sock"))
    try:
        summary = _ingest([folder, Path("/dev/zero")], config)
    finally:
        server.close()
    assert len(summary.added) == 1
    assert "socket" in _reason(summary, "s.sock")[1]
    assert "character device" in _reason(summary, "/dev/zero")[1]


def test_symlink_loop_in_folder(tmp_path: Path, config: Config) -> None:  # case 2
    folder = _folder(tmp_path)
    (folder / "b").symlink_to("a")
    (folder / "a").symlink_to("b")
    summary = _ingest([folder], config)
    assert len(summary.added) == 1
    assert _reason(summary, "in/a")[1].startswith("symlink loop")
    assert _reason(summary, "in/b")[1].startswith("symlink loop")


def test_symlink_loop_named_directly(tmp_path: Path, config: Config) -> None:  # case 2
    loop = tmp_path / "loop.txt"
    loop.symlink_to("loop.txt")
    summary = _ingest([loop, _folder(tmp_path)], config)
    assert len(summary.added) == 1
    assert _reason(summary, "loop.txt") == (
        "read",
        "symlink loop (too many levels of symbolic links)",
    )


def test_symlinked_folder_loop_is_not_followed(tmp_path: Path, config: Config) -> None:
    folder = _folder(tmp_path)
    (folder / "again").symlink_to(folder)
    summary = _ingest([folder], config)
    assert len(summary.added) == 1
    assert "not followed" in _reason(summary, "again")[1]


def test_deeply_nested_json_file(tmp_path: Path, config: Config) -> None:  # case 3
    folder = _folder(tmp_path)
    (folder / "d.json").write_text("[" * 100_000 + "]" * 100_000)
    summary = _ingest([folder], config)
    assert len(summary.added) == 1
    assert _reason(summary, "d.json") == ("parse", "JSON nested too deeply to parse")


def test_deeply_nested_jsonl_line(tmp_path: Path, config: Config) -> None:  # case 3
    folder = _folder(tmp_path)
    deep = '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    good = '{"id": "ok", "text": "' + ARTICLE_DE.replace("\n", " ") + '"}'
    (folder / "feed.jsonl").write_text(good + "\n" + deep + "\n")
    summary = _ingest([folder], config)
    assert len(summary.added) == 2, "the good line and the good file"
    assert _reason(summary, "feed.jsonl#L2") == ("parse", "JSON nested too deeply to parse")


def test_file_name_not_utf8(tmp_path: Path, config: Config) -> None:  # case 4
    folder = _folder(tmp_path)
    bad_name = os.fsencode(folder) + b"/n\xff.txt"
    with open(bad_name, "w", encoding="utf-8") as handle:
        handle.write(ARTICLE_DE)
    summary = _ingest([folder], config)
    assert len(summary.added) == 2 and not summary.failures
    with sqlite3.connect(config.db) as db:
        keys = sorted(row[0] for row in db.execute("SELECT key FROM sources"))
    assert keys[1].endswith("/in/n\\xff.txt"), keys
    again = _ingest([folder], config)  # the stored key is found again: nothing is added twice
    assert again.added == () and len(again.skipped) == 2


def test_file_name_not_utf8_named_directly(tmp_path: Path, config: Config) -> None:  # case 4
    bad_name = os.fsencode(tmp_path) + b"/\xe9t\xe9.txt"
    with open(bad_name, "w", encoding="utf-8") as handle:
        handle.write(ARTICLE_EN)
    summary = _ingest([Path(os.fsdecode(bad_name))], config)
    assert len(summary.added) == 1
    assert api.show(summary.added[0], db=config.db).sources[0]["key"].endswith("\\xe9t\\xe9.txt")


@pytest.mark.parametrize("low", [0, 1, 32, 128])
def test_random_bytes_are_not_text(tmp_path: Path, config: Config, low: int) -> None:  # case 5
    folder = _folder(tmp_path)
    noise = random.Random(low)
    (folder / "noise.txt").write_bytes(bytes(noise.randrange(low, 256) for _ in range(1000)))
    summary = _ingest([folder], config)
    assert len(summary.added) == 1, "random bytes must not become a document"
    stage, reason = _reason(summary, "noise.txt")
    assert stage == "detect" and reason.startswith("not a text document"), reason


def test_text_inside_very_deep_html_is_kept(tmp_path: Path, config: Config) -> None:  # case 15
    sentence = "The army attacked the dam near Kherson on Monday, officials said. "
    page = (
        "<html><head><title>Dam attacked</title></head><body>"
        + "<div>" * 100_000
        + f"<p>{sentence * 8}</p>"
        + "</div>" * 100_000
        + "</body></html>"
    )
    (tmp_path / "deep.html").write_text(page)
    summary = _ingest([tmp_path / "deep.html"], config)
    assert len(summary.added) == 1, summary.failures
    doc = api.show(summary.added[0], db=config.db).document
    assert doc.title == "Dam attacked" and "attacked the dam near Kherson" in doc.text


def test_endless_jsonl_line_is_read_in_pieces(tmp_path: Path, config: Config) -> None:
    feed = tmp_path / "feed.jsonl"
    good = '{"id": "ok", "text": "' + ARTICLE_DE.replace("\n", " ") + '"}\n'
    huge = b'{"text": "' + b"x" * 3_000_000 + b'"}\n'
    feed.write_bytes(good.encode() + huge + good.replace("ok", "copy").encode())
    config = config.with_overrides(max_record_bytes=1_000_000)
    summary = _ingest([feed], config)
    assert len(summary.added) == 1 and len(summary.duplicates) == 1
    assert _reason(summary, "#L2") == ("parse", "line of 3,000,013 bytes is over the limit")


def test_gzip_bomb_stops_at_the_limit(tmp_path: Path, config: Config) -> None:
    import gzip

    folder = _folder(tmp_path)
    (folder / "bomb.txt.gz").write_bytes(gzip.compress(b"A" * 50_000_000, 9))
    summary = _ingest([folder], config.with_overrides(max_record_bytes=5_000_000))
    assert len(summary.added) == 1
    assert _reason(summary, "bomb") == (
        "decompress",
        "decompresses to over the 5,000,000-byte limit",
    )


def test_every_hostile_kind_in_one_folder_keeps_the_good_files(
    tmp_path: Path, config: Config
) -> None:  # cases 1-5 together: one batch
    folder = _folder(tmp_path)
    (folder / "de.txt").write_text(ARTICLE_DE, encoding="utf-8")
    os.mkfifo(folder / "p.html")
    (folder / "b").symlink_to("a")
    (folder / "a").symlink_to("b")
    (folder / "d.json").write_text("[" * 50_000 + "]" * 50_000)
    with open(os.fsencode(folder) + b"/n\xff.txt", "w") as handle:
        handle.write("The army attacked the bridge at dawn, the ministry said. " * 20)
    (folder / "r.txt").write_bytes(bytes(random.Random(5).randrange(1, 256) for _ in range(999)))
    summary = _ingest([folder], config)
    assert len(summary.added) == 3
    assert len(summary.errors) == 5
