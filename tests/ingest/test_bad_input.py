"""Each kind of bad input is recorded with its stage and reason; the rest is ingested."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from claimtrace import api
from claimtrace.config import Config
from tests.conftest import ARTICLE_DE, ARTICLE_EN, gzip_bytes, make_warc


def _failures(config: Config) -> list[tuple[str, str, str, str]]:
    with sqlite3.connect(config.db) as db:
        return db.execute("SELECT source, stage, reason, severity FROM failures").fetchall()


def _good(tmp_path: Path) -> Path:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE_EN, encoding="utf-8")
    return good


def _ingest_with_good(tmp_path: Path, bad: Path, config: Config) -> list[tuple[str, str, str, str]]:
    summary = api.ingest([bad, _good(tmp_path)], config=config)
    assert len(summary.added) == 1, "the good document must still be ingested"
    rows = _failures(config)
    assert any(row[0].startswith(str(bad.absolute())) for row in rows), rows
    assert {f.source for f in summary.failures} >= {row[0] for row in rows}
    return [row for row in rows if row[0].startswith(str(bad.absolute()))]


def test_empty_file(tmp_path: Path, config: Config) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    [(_, stage, reason, severity)] = _ingest_with_good(tmp_path, bad, config)
    assert (stage, severity) == ("read", "error") and "empty" in reason


def test_whitespace_only_file(tmp_path: Path, config: Config) -> None:
    bad = tmp_path / "blank.txt"
    bad.write_bytes(b"   \n\n\t  \n")
    [(_, stage, reason, _sev)] = _ingest_with_good(tmp_path, bad, config)
    assert stage == "clean" and "no article text" in reason


def test_binary_file(tmp_path: Path, config: Config) -> None:
    bad = tmp_path / "photo.txt"  # the extension lies; the content decides
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    [(_, stage, reason, _sev)] = _ingest_with_good(tmp_path, bad, config)
    assert stage == "detect" and "PNG" in reason


def test_truncated_gzip(tmp_path: Path, config: Config) -> None:
    bad = tmp_path / "article.html.gz"
    bad.write_bytes(gzip_bytes(ARTICLE_DE.encode() * 50)[:200])
    [(_, stage, reason, _sev)] = _ingest_with_good(tmp_path, bad, config)
    assert stage == "decompress" and "truncated" in reason


def test_truncated_warc_keeps_complete_records(tmp_path: Path, config: Config, html_page) -> None:
    first = html_page("Reservoir at record low", ARTICLE_EN)
    second = html_page("Stausee auf Rekordtief", ARTICLE_DE)
    whole = make_warc([("https://example.org/a", first), ("https://example.org/b", second)])
    bad = tmp_path / "crawl.warc.gz"
    bad.write_bytes(whole[: len(whole) - 300])
    summary = api.ingest([bad], config=config)
    assert len(summary.added) == 1
    rows = _failures(config)
    assert all(stage == "read-warc" for _, stage, _, _ in rows)
    assert any(source == str(bad) and "truncated" in reason for source, _, reason, _ in rows)


def test_cut_off_uncompressed_warc(tmp_path: Path, config: Config, html_page) -> None:
    whole = make_warc([("https://example.org/a", html_page("Reservoir", ARTICLE_EN))], False)
    bad = tmp_path / "crawl.warc"
    bad.write_bytes(whole[:-200])
    summary = api.ingest([bad], config=config)
    assert summary.added == ()
    [(source, stage, reason, _sev)] = _failures(config)
    assert source.startswith(f"{bad}#") and "cut off" in reason


def test_invalid_utf8_is_repaired_and_warned(tmp_path: Path, config: Config) -> None:
    bad = tmp_path / "broken.txt"
    data = ARTICLE_DE.encode("utf-8")
    bad.write_bytes(data[:100] + b"\xff\xfe\xc3" + data[100:])
    summary = api.ingest([bad], config=config)
    assert len(summary.added) == 1, "a few broken bytes must not lose the article"
    [(_, stage, reason, severity)] = _failures(config)
    assert (stage, severity) == ("decode", "warning") and "invalid UTF-8" in reason
    doc = api.show(summary.added[0], db=config.db).document
    assert "Landwirte im Tal sagten" in doc.text


def test_huge_single_line(tmp_path: Path, config: Config) -> None:
    bad = tmp_path / "dump.txt"
    with bad.open("wb") as handle:
        chunk = b"x" * 1_000_000
        for _ in range(50):
            handle.write(chunk)
    [(_, stage, reason, _sev)] = _ingest_with_good(tmp_path, bad, config)
    assert stage == "read" and "limit" in reason


def test_malformed_jsonl_line_among_good_ones(tmp_path: Path, config: Config) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a", "title": "Reservoir", "text": ARTICLE_EN}),
        '{"id": "b", "title": "cut off", "text": "half',
        json.dumps({"id": "c", "title": "Stausee", "text": ARTICLE_DE, "language": "de"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "e", "title": "no body"}),
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = api.ingest([feed], config=config)
    assert len(summary.added) == 2
    rows = {row[0].rsplit("#", 1)[1]: row for row in _failures(config)}
    assert set(rows) == {"L2", "L4", "id=e"}
    assert rows["L2"][1] == "parse" and "invalid JSON" in rows["L2"][2]
    assert "expected a JSON object" in rows["L4"][2]
    assert "no text" in rows["id=e"][2]


def test_html_with_no_text(tmp_path: Path, config: Config) -> None:
    bad = tmp_path / "empty.html"
    bad.write_text("<html><head><title>x</title></head><body><div></div></body></html>")
    [(_, stage, reason, _sev)] = _ingest_with_good(tmp_path, bad, config)
    assert stage == "extract" and "no article text" in reason


def test_missing_path(tmp_path: Path, config: Config) -> None:
    missing = tmp_path / "nope" / "missing.txt"
    summary = api.ingest([missing, _good(tmp_path)], config=config)
    assert len(summary.added) == 1
    [(source, stage, reason, _sev)] = _failures(config)
    assert source == str(missing) and stage == "read" and "no such file" in reason


def test_unreadable_path(tmp_path: Path, config: Config) -> None:
    # a directory named like a file cannot be read as one, whoever runs the test (root too)
    bad = tmp_path / "folder.txt"
    bad.mkdir()
    (bad / "inner.bin").write_bytes(b"\x00\x01\x02\x03" * 10)
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    summary = api.ingest([bad, dangling, _good(tmp_path)], config=config)
    assert len(summary.added) == 1
    stages = {(Path(row[0]).name, row[1]) for row in _failures(config)}
    assert ("inner.bin", "detect") in stages
    assert ("dangling.txt", "read") in stages


def test_strict_mode_exit_status(tmp_path: Path, config: Config) -> None:
    from click.testing import CliRunner

    from claimtrace.cli import main

    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    runner = CliRunner()
    relaxed = runner.invoke(main, ["ingest", str(bad), str(_good(tmp_path)), "--db", config.db])
    assert relaxed.exit_code == 0, relaxed.output
    assert "1 failed" in relaxed.output and "empty file" in relaxed.output
    strict = runner.invoke(main, ["ingest", str(bad), "--strict", "--db", config.db])
    assert strict.exit_code == 1
