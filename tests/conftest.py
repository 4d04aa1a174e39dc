from __future__ import annotations

import gzip
import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimtrace.config import Config, load_config

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "corpus" / "seeds"

ARTICLE_EN = (
    "The regional water authority said on Tuesday that the northern reservoir had fallen to "
    "its lowest level in twenty years. Engineers warned that pumping would have to be "
    "rationed if the dry weather continued through the summer months.\n\n"
    'Farmers in the valley said they had already lost part of their harvest. "We cannot '
    'plant without water," one grower told reporters at the market in the town centre.'
)
ARTICLE_DE = (
    "Die Wasserbehörde der Region teilte am Dienstag mit, dass der nördliche Stausee den "
    "niedrigsten Stand seit zwanzig Jahren erreicht habe. Ingenieure warnten, das Pumpen "
    "müsse rationiert werden, falls das trockene Wetter den ganzen Sommer anhalte.\n\n"
    "Landwirte im Tal sagten, sie hätten bereits einen Teil ihrer Ernte verloren."
)
ARTICLE_RU = (
    "Региональное управление водных ресурсов сообщило во вторник, что уровень северного "
    "водохранилища опустился до самой низкой отметки за двадцать лет. Инженеры предупредили, "
    "что подачу воды придётся ограничить, если засуха продлится всё лето."
)
ARTICLE_FR = (
    "L'autorité régionale de l'eau a déclaré mardi que le réservoir du nord était tombé à son "
    "niveau le plus bas depuis vingt ans. Les ingénieurs ont prévenu que le pompage devrait "
    "être rationné si la sécheresse se prolongeait pendant tout l'été."
)


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return load_config(db=str(tmp_path / "store.db"))


@pytest.fixture(params=["sqlite", "postgresql"])
def store_config(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Config]:
    """A fresh store on each backend: an SQLite file, and a new PostgreSQL schema."""
    if request.param == "sqlite":
        yield load_config(db=str(tmp_path / "store.db"))
        return
    from tests.pg import fresh_store_url

    with fresh_store_url() as url:
        yield load_config(db=url)


@pytest.fixture
def html_page() -> Callable[[str, str], bytes]:
    def make(title: str, body: str) -> bytes:
        paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
        return (
            f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><nav><a href='/'>Home</a> | <a href='/news'>News</a></nav>"
            f"<article><h1>{title}</h1>{paragraphs}</article>"
            f"<footer>© Example Media. All rights reserved.</footer></body></html>"
        ).encode()

    return make


def make_warc(pages: list[tuple[str, bytes]], compress: bool = True) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for uri, payload in pages:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(payload), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data)
