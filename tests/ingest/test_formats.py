"""Formats are detected from content; every encoding is decoded; containers are unpacked."""

from __future__ import annotations

import json
from pathlib import Path

from claimtrace import api
from claimtrace.config import Config
from claimtrace.ingest.decode import decode_bytes
from claimtrace.ingest.sniff import sniff
from tests.conftest import ARTICLE_DE, ARTICLE_EN, ARTICLE_FR, ARTICLE_RU, gzip_bytes, make_warc


def test_sniff_by_content() -> None:
    assert sniff(b"  <!DOCTYPE html><html><body><p>x</p>") == "html"
    assert sniff(b'\xef\xbb\xbf{"id": 1}\n') == "jsonl"
    assert sniff(b'[{"text": "x"}]') == "json"
    assert sniff(b"WARC/1.0\r\n") == "warc"
    assert sniff(b"\x1f\x8b\x08\x00") == "gzip"
    assert sniff(b"%PDF-1.7 ...") == "binary"
    assert sniff("Ein ganz normaler Text über <Dinge>.".encode()) == "text"


def test_html_saved_as_txt_is_read_as_html(tmp_path: Path, config: Config, html_page) -> None:
    page = tmp_path / "saved.txt"
    page.write_bytes(html_page("Reservoir at record low", ARTICLE_EN))
    [doc_id] = api.ingest([page], config=config).added
    doc = api.show(doc_id, db=config.db).document
    assert doc.title == "Reservoir at record low"
    assert "<p>" not in doc.text and "All rights reserved" not in doc.text
    assert "lowest level in twenty years" in doc.text
    assert len(doc.paragraphs) >= 2, "paragraph structure is kept"


def test_jsonl_with_odd_extension(tmp_path: Path, config: Config) -> None:
    feed = tmp_path / "export.dat"
    rows = [
        {"id": "1", "url": "https://a.example/1", "title": "Reservoir", "text": ARTICLE_EN,
         "published": "2024-05-02", "outlet": "Valley Times"},
        {"id": "2", "title": "Stausee", "html": f"<html><body><p>{ARTICLE_DE}</p></body></html>"},
    ]  # fmt: skip
    feed.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    added = api.ingest([feed], config=config).added
    assert len(added) == 2
    docs = {api.show(d, db=config.db).document.title: api.show(d, db=config.db) for d in added}
    first = docs["Reservoir"]
    assert first.document.published == "2024-05-02"
    assert first.document.outlet == "Valley Times"
    assert first.document.url == "https://a.example/1"
    assert first.sources[0]["key"].endswith("#id=1")
    assert docs["Stausee"].document.language == "de"


def test_json_array_dump(tmp_path: Path, config: Config) -> None:
    dump = tmp_path / "dump.json"
    dump.write_text(json.dumps([{"title": "A", "text": ARTICLE_EN}, {"text": ARTICLE_RU}]))
    assert len(api.ingest([dump], config=config).added) == 2


def test_gzipped_jsonl(tmp_path: Path, config: Config) -> None:
    feed = tmp_path / "feed.jsonl.gz"
    feed.write_bytes(gzip_bytes(json.dumps({"id": "x", "text": ARTICLE_EN}).encode()))
    assert len(api.ingest([feed], config=config).added) == 1


def test_warc_gz(tmp_path: Path, config: Config, html_page) -> None:
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(
        make_warc(
            [
                ("https://example.org/en", html_page("Reservoir at record low", ARTICLE_EN)),
                ("https://example.org/de", html_page("Stausee auf Rekordtief", ARTICLE_DE)),
            ]
        )
    )
    added = api.ingest([archive], config=config).added
    assert len(added) == 2
    urls = {api.show(d, db=config.db).document.url for d in added}
    assert urls == {"https://example.org/en", "https://example.org/de"}


def test_legacy_encodings(tmp_path: Path, config: Config) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ru.txt").write_bytes(ARTICLE_RU.encode("cp1251"))
    (corpus / "de.txt").write_bytes(ARTICLE_DE.encode("utf-16"))
    (corpus / "fr.txt").write_bytes(ARTICLE_FR.encode("latin-1"))
    summary = api.ingest([corpus], config=config)
    assert len(summary.added) == 3 and summary.failures == ()
    texts = [api.show(d, db=config.db).document for d in summary.added]
    assert {d.language for d in texts} == {"ru", "de", "fr"}
    assert any("водохранилища" in d.text for d in texts)
    assert any("Wasserbehörde" in d.text for d in texts)
    assert any("L'autorité régionale" in d.text for d in texts)


def test_decode_prefers_utf8_when_mostly_valid() -> None:
    text, encoding, warnings = decode_bytes("Grüße aus Köln".encode() + b"\xff")
    assert encoding == "utf-8" and text.startswith("Grüße aus Köln") and warnings


def test_mixed_language_document(tmp_path: Path, config: Config) -> None:
    page = tmp_path / "mixed.txt"
    page.write_text(f"{ARTICLE_DE}\n\n{ARTICLE_EN}\n\n{ARTICLE_EN.upper().lower()}", "utf-8")
    [doc_id] = api.ingest([page], config=config).added
    doc = api.show(doc_id, db=config.db).document
    assert doc.language == "de", "the opening's language is the article's"
    assert set(doc.languages) == {"de", "en"}
    assert [p.language for p in doc.paragraphs][:2] == ["de", "de"]
    assert doc.paragraphs[-1].language == "en"


def test_directory_walk_skips_hidden_and_outside_links(tmp_path: Path, config: Config) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "sub" / "a.txt").write_text(ARTICLE_EN)
    (corpus / ".hidden.txt").write_text(ARTICLE_DE)
    secret = tmp_path / "secret.txt"
    secret.write_text(ARTICLE_RU)
    (corpus / "link.txt").symlink_to(secret)
    summary = api.ingest([corpus], config=config)
    assert len(summary.added) == 1
    [failure] = summary.failures
    assert "outside" in failure.reason
    assert all(
        "водохранилища" not in api.show(d, db=config.db).document.text for d in summary.added
    )


def test_store_inside_the_corpus_is_not_read(tmp_path: Path) -> None:
    from claimtrace.config import load_config

    (tmp_path / "a.txt").write_text(ARTICLE_EN)
    config = load_config(db=str(tmp_path / "store.db"))
    api.ingest([tmp_path], config=config)
    summary = api.ingest([tmp_path], config=config)
    assert summary.failures == () and summary.added == ()
