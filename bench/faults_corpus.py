"""The corpus of bench/faults.py: real pages plus every hostile kind of file, each known
to be good (must be stored exactly once) or bad (must be named with a reason)."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import socket
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ARTICLE = (
    "The regional water authority said on Tuesday that the northern reservoir had fallen to "
    "its lowest level in twenty years. Engineers warned that pumping would be rationed. "
)


@dataclass
class Corpus:
    root: Path
    good: list[str] = field(default_factory=list)  # source keys that must be stored once
    bad: dict[str, str] = field(default_factory=dict)  # source key -> hostile kind

    def key(self, path: Path) -> str:
        text = str(path.absolute())
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return os.fsencode(text).decode("utf-8", "backslashreplace")
        return text


def build_corpus(
    data_dir: Path, root: Path, pages: int, hostile_frac: float, max_bytes: int, seed: int
) -> Corpus:
    corpus = Corpus(root)
    files = sorted((data_dir / "html").glob("*.html.gz"))
    if not files:
        raise SystemExit(f"no pages in {data_dir}/html (expected <name>.html.gz)")
    for i in range(pages):
        source = files[i % len(files)]
        folder = root / f"part{i // 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        if (i // len(files)) % 2 == 0:  # first round as saved pages, the next gzipped
            target = folder / source.name.removesuffix(".gz")
            target.write_bytes(gzip.decompress(source.read_bytes()))
        else:
            target = folder / f"copy{i}-{source.name}"
            target.write_bytes(source.read_bytes())
        corpus.good.append(corpus.key(target))
    count = max(1, round(pages * hostile_frac / (1 - hostile_frac)))
    rng = random.Random(seed)
    hostile = root / "hostile"
    hostile.mkdir(exist_ok=True)
    kinds = list(HOSTILE)
    for n in range(count):
        kind = kinds[n % len(kinds)]
        HOSTILE[kind](corpus, hostile / f"h{n:04d}", rng, max_bytes)
    return corpus


def _bad(corpus: Corpus, path: Path, kind: str) -> None:
    corpus.bad[corpus.key(path)] = kind


def _fifo(c: Corpus, base: Path, _r: random.Random, _m: int) -> None:
    os.mkfifo(base.with_suffix(".html"))
    _bad(c, base.with_suffix(".html"), "fifo")


def _socket(c: Corpus, base: Path, _r: random.Random, _m: int) -> None:
    path = base.with_suffix(".sock")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()  # the socket file stays behind
    _bad(c, path, "socket")


def _device(c: Corpus, base: Path, _r: random.Random, _m: int) -> None:
    path = base.with_suffix(".txt")
    try:
        os.mknod(path, 0o644 | stat.S_IFCHR, os.makedev(1, 3))  # like /dev/null
    except OSError:
        path.symlink_to(path.name)  # not root: another symlink loop instead
    _bad(c, path, "device")


def _symlink_loop(c: Corpus, base: Path, _r: random.Random, _m: int) -> None:
    a, b = base.with_name(base.name + "a"), base.with_name(base.name + "b")
    a.symlink_to(b.name)
    b.symlink_to(a.name)
    _bad(c, a, "symlink-loop")
    _bad(c, b, "symlink-loop")


def _broken_link(c: Corpus, base: Path, _r: random.Random, _m: int) -> None:
    base.with_suffix(".txt").symlink_to("/nonexistent/claimtrace/file")
    _bad(c, base.with_suffix(".txt"), "broken-symlink")


def _outside_link(c: Corpus, base: Path, _r: random.Random, _m: int) -> None:
    base.with_suffix(".txt").symlink_to("/etc/hostname")
    _bad(c, base.with_suffix(".txt"), "symlink-outside")


def _deep_json(c: Corpus, base: Path, _r: random.Random, _m: int) -> None:
    base.with_suffix(".json").write_text("[" * 100_000 + "]" * 100_000)
    _bad(c, base.with_suffix(".json"), "deep-json")


def _deep_jsonl(c: Corpus, base: Path, _r: random.Random, _m: int) -> None:
    path = base.with_suffix(".jsonl")
    path.write_text('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    c.bad[c.key(path) + "#L1"] = "deep-jsonl"


def _bad_name(c: Corpus, base: Path, r: random.Random, _m: int) -> None:
    raw = os.fsencode(base) + b"-n\xff\xfe.txt"
    words = " ".join(f"w{r.randrange(10**6)}" for _ in range(120))
    with open(raw, "w", encoding="utf-8") as handle:
        handle.write(f"The army attacked the bridge at dawn, the ministry said. {words}.")
    c.good.append(c.key(Path(os.fsdecode(raw))))  # an odd name, good content: stored


def _random_bytes(c: Corpus, base: Path, r: random.Random, _m: int) -> None:
    base.with_suffix(".txt").write_bytes(bytes(r.randrange(1, 256) for _ in range(1000)))
    _bad(c, base.with_suffix(".txt"), "random-bytes")


def _gzip_bomb(c: Corpus, base: Path, _r: random.Random, max_bytes: int) -> None:
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9) as handle:
        chunk = b"\0" * (1 << 20)
        for _ in range(max_bytes // len(chunk) + 8):
            handle.write(chunk)
    base.with_suffix(".txt.gz").write_bytes(out.getvalue())
    _bad(c, base.with_suffix(".txt.gz"), "gzip-bomb")


def _zip_bomb(c: Corpus, base: Path, _r: random.Random, max_bytes: int) -> None:
    with zipfile.ZipFile(base.with_suffix(".zip"), "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", b"\0" * (max_bytes + 1))
    _bad(c, base.with_suffix(".zip"), "zip-bomb")


def _huge_line(c: Corpus, base: Path, _r: random.Random, max_bytes: int) -> None:
    with base.with_suffix(".jsonl").open("wb") as handle:
        handle.write(b'{"text": "' + b"x" * (max_bytes + 10) + b'"}\n')
    c.bad[c.key(base.with_suffix(".jsonl")) + "#L1"] = "huge-line"


def _empty(c: Corpus, base: Path, _r: random.Random, _m: int) -> None:
    base.with_suffix(".txt").write_bytes(b"")
    _bad(c, base.with_suffix(".txt"), "empty")


def _truncated_gzip(c: Corpus, base: Path, _r: random.Random, _m: int) -> None:
    base.with_suffix(".html.gz").write_bytes(gzip.compress(ARTICLE.encode() * 50)[:120])
    _bad(c, base.with_suffix(".html.gz"), "truncated-gzip")


def _truncated_warc(c: Corpus, base: Path, _r: random.Random, _m: int) -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    html = f"<html><body><article><p>{ARTICLE * 4}</p></article></body></html>".encode()
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        "https://example.org/a", "response", payload=io.BytesIO(html), http_headers=headers
    )
    writer.write_record(record)
    base.with_suffix(".warc.gz").write_bytes(out.getvalue()[:-60])
    _bad(c, base.with_suffix(".warc.gz"), "truncated-warc")


def _png(c: Corpus, base: Path, r: random.Random, _m: int) -> None:
    base.with_suffix(".html").write_bytes(b"\x89PNG\r\n\x1a\n" + r.randbytes(2000))
    _bad(c, base.with_suffix(".html"), "binary")


def _invalid_json(c: Corpus, base: Path, _r: random.Random, _m: int) -> None:
    base.with_suffix(".json").write_text('[{"title": "cut off", "text": "half')
    _bad(c, base.with_suffix(".json"), "invalid-json")


def _no_text_html(c: Corpus, base: Path, _r: random.Random, _m: int) -> None:
    base.with_suffix(".html").write_text("<html><head><title>x</title></head><body></body></html>")
    _bad(c, base.with_suffix(".html"), "html-without-text")


def _deep_html(c: Corpus, base: Path, r: random.Random, _m: int) -> None:
    words = " ".join(f"w{r.randrange(10**6)}" for _ in range(80))
    body = f"<p>The militia shelled the port on Sunday, witnesses said. {words}.</p>"
    page = "<html><body>" + "<div>" * 100_000 + body + "</div>" * 100_000 + "</body></html>"
    base.with_suffix(".html").write_text(page)
    c.good.append(c.key(base.with_suffix(".html")))  # its text must be found and stored


def _json_not_objects(c: Corpus, base: Path, _r: random.Random, _m: int) -> None:
    base.with_suffix(".json").write_text(json.dumps([1, 2, 3]))
    for i in range(3):
        c.bad[f"{c.key(base.with_suffix('.json'))}#{i}"] = "json-not-objects"


HOSTILE: dict[str, Callable[[Corpus, Path, random.Random, int], None]] = {
    "fifo": _fifo,
    "symlink-loop": _symlink_loop,
    "deep-json": _deep_json,
    "bad-name": _bad_name,
    "random-bytes": _random_bytes,
    "gzip-bomb": _gzip_bomb,
    "deep-html": _deep_html,
    "socket": _socket,
    "deep-jsonl": _deep_jsonl,
    "zip-bomb": _zip_bomb,
    "huge-line": _huge_line,
    "empty": _empty,
    "truncated-gzip": _truncated_gzip,
    "truncated-warc": _truncated_warc,
    "device": _device,
    "broken-symlink": _broken_link,
    "symlink-outside": _outside_link,
    "binary": _png,
    "invalid-json": _invalid_json,
    "html-without-text": _no_text_html,
    "json-not-objects": _json_not_objects,
}
