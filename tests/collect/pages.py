"""Fixture feeds, sitemaps and articles for the local server (written for these tests)."""

from __future__ import annotations

from html import escape

from tests.conftest import ARTICLE_DE, ARTICLE_EN, ARTICLE_FR, ARTICLE_RU

ARTICLE_AR = (
    "قالت هيئة المياه الإقليمية يوم الثلاثاء إن مستوى الخزان الشمالي انخفض إلى أدنى مستوى له "
    "منذ عشرين عاما. وحذر المهندسون من أن الضخ سيتعين تقنينه إذا استمر الطقس الجاف طوال أشهر "
    "الصيف.\n\nوقال مزارعون في الوادي إنهم فقدوا بالفعل جزءا من محصولهم."
)
ARTICLES = {
    "en": ARTICLE_EN, "de": ARTICLE_DE, "fr": ARTICLE_FR, "ru": ARTICLE_RU, "ar": ARTICLE_AR,
}  # fmt: skip


def article(title: str, text: str, lang: str = "en") -> bytes:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{escape(title)}</h1>{paragraphs}</article>"
        f"<footer>Example Media</footer></body></html>"
    ).encode()


def rss(links: list[str], title: str = "Example news", home: str = "http://127.0.0.1/") -> str:
    items = "".join(
        f"<item><title>Item {n}</title><link>{escape(link)}</link>"
        f"<guid>{escape(link)}</guid></item>"
        for n, link in enumerate(links)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>{home}</link>"
        f"<description>news</description>{items}</channel></rss>"
    )


def atom(links: list[str]) -> str:
    entries = "".join(
        f'<entry><title>Entry {n}</title><link rel="alternate" href="{escape(link)}"/>'
        f"<id>urn:entry:{n}</id><updated>2026-11-29T08:00:00Z</updated></entry>"
        for n, link in enumerate(links)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        '<title>Example Atom</title><link rel="self" href="/atom.xml"/>'
        f"<id>urn:feed</id><updated>2026-11-29T08:00:00Z</updated>{entries}</feed>"
    )


def urlset(links: list[str]) -> str:
    urls = "".join(f"<url><loc>{escape(link)}</loc></url>" for link in links)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    )


def sitemap_index(links: list[str]) -> str:
    maps = "".join(f"<sitemap><loc>{escape(link)}</loc></sitemap>" for link in links)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{maps}</sitemapindex>'
    )
