"""`watch`: rounds add only new articles, analysed and linked; a restart loses and
duplicates nothing; one failing source never stops the others; alerts fire once. Each
test runs on an SQLite store and on a PostgreSQL store."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimtrace import api
from claimtrace.config import Config
from claimtrace.errors import ClaimtraceError
from tests.collect.conftest import Site, conditional
from tests.collect.pages import article, rss

FERRY_EN = (
    "A passenger ferry capsized on Lake Victoria near the Tanzanian city of Mwanza on "
    "Thursday. Police said at least 30 people drowned and dozens were missing.\n\n"
    "The regional commissioner said the vessel was overloaded and rescue divers were "
    "searching the water near Ukerewe island."
)
FERRY_EN_2 = (
    "Rescue teams on Lake Victoria recovered more bodies on Friday after the ferry disaster "
    "near Mwanza. Police said 41 people drowned when the overloaded vessel capsized.\n\n"
    "Relatives gathered at the port of Mwanza waiting for news of the missing."
)
FERRY_FR = (
    "Un ferry transportant des passagers a chaviré sur le lac Victoria près de Mwanza, en "
    "Tanzanie. La police fait état d'au moins 30 morts et de dizaines de disparus.\n\n"
    "Selon le commissaire régional, le bateau était surchargé."
)


def _sources(tmp_path: Path, *entries: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text("\n".join(entries))
    return path


def _entry(url: str, label: str, **more: str) -> str:
    extra = "".join(f'{k} = "{v}"\n' for k, v in more.items())
    return f'[[source]]\nurl = "{url}"\nlabel = "{label}"\ninterval = "1s"\n{extra}'


@pytest.fixture(params=["sqlite", "postgresql"])
def fetch_config(
    request: pytest.FixtureRequest, fetch_config: Config, tmp_path: Path
) -> Iterator[Config]:
    """The collect tests' settings on each backend (a PostgreSQL store keeps its WARC
    files where warc_dir says)."""
    if request.param == "sqlite":
        yield fetch_config
        return
    from tests.pg import fresh_store_url

    with fresh_store_url() as url:
        yield fetch_config.with_overrides(db=url, warc_dir=str(tmp_path / "warc"))


def _rows(config: Config, sql: str) -> list[tuple]:
    with api.opened(config=config, read_only=True) as store:
        return [tuple(r) for r in store.db.execute(sql).fetchall()]  # type: ignore[attr-defined]


def test_rounds_add_only_new_articles(site: Site, fetch_config: Config, tmp_path: Path) -> None:
    one = site.add("/n/1.html", article("Ferry capsizes", FERRY_EN))
    two = site.add("/n/2.html", article("Naufrage", FERRY_FR, "fr"))
    site.add("/feed.xml", rss([one, two]), "application/rss+xml")
    sources = _sources(tmp_path, _entry(site.url("/feed.xml"), "Lake news"),
                       _entry(site.url("/down.xml"), "Broken", kind="feed"))  # fmt: skip
    [first] = api.watch(sources, config=fetch_config, once=True)
    parts = {p.label: (p.new, p.unchanged, p.failed) for p in first.sources}
    assert parts == {"Lake news": (2, 0, 0), "Broken": (0, 0, 1)}
    assert first.analysed == 2 and first.linked == 2
    three = site.add("/n/3.html", article("More bodies found", FERRY_EN_2))
    site.add("/feed.xml", rss([one, two, three]), "application/rss+xml")
    time.sleep(1.1)
    [second] = api.watch(sources, config=fetch_config, once=True)
    parts = {p.label: (p.new, p.unchanged, p.failed) for p in second.sources}
    assert parts == {"Lake news": (1, 2, 0), "Broken": (0, 0, 1)}
    assert second.analysed == 1 and second.linked == 1
    assert site.count("/n/1.html") == site.count("/n/2.html") == site.count("/n/3.html") == 1
    assert _rows(fetch_config, "SELECT COUNT(*) FROM documents") == [(3,)]
    [(rounds,)] = _rows(fetch_config, "SELECT rounds FROM watch_sources WHERE label = 'Lake news'")
    assert rounds == 2


def test_a_source_not_due_is_not_polled(site: Site, fetch_config: Config, tmp_path: Path) -> None:
    site.add("/n/1.html", article("Ferry capsizes", FERRY_EN))
    site.add("/feed.xml", rss([site.url("/n/1.html")]), "application/rss+xml")
    sources = _sources(tmp_path, f'[[source]]\nurl = "{site.url("/feed.xml")}"\n')
    api.watch(sources, config=fetch_config, once=True)
    [again] = api.watch(sources, config=fetch_config, once=True)  # due in 30 minutes
    assert again.sources == [] and site.count("/feed.xml") == 1


def test_a_restart_mid_round_loses_and_duplicates_nothing(
    site: Site, fetch_config: Config, tmp_path: Path
) -> None:
    links = [site.add(f"/n/{n}.html", article(f"Ferry {n}", text))
             for n, text in enumerate([FERRY_EN, FERRY_EN_2, FERRY_FR])]  # fmt: skip
    site.routes["/feed.xml"] = conditional(rss(links).encode(), '"f1"', "application/rss+xml")
    sources = _sources(tmp_path, _entry(site.url("/feed.xml"), "Lake news"))
    pages = 0

    def interrupt(result: api.Fetched) -> None:
        nonlocal pages
        pages += result.kind == "page"
        if pages == 1:
            raise KeyboardInterrupt  # Ctrl-C after the first page was fetched

    with pytest.raises(KeyboardInterrupt):
        api.watch(sources, config=fetch_config, once=True, on_result=interrupt)
    assert _rows(fetch_config, "SELECT COUNT(*) FROM documents") == [(0,)]
    time.sleep(1.1)
    [resumed] = api.watch(sources, config=fetch_config, once=True)
    stored = _rows(fetch_config, "SELECT id FROM documents")
    assert sorted(resumed.added) == sorted(r[0] for r in stored)
    assert _rows(fetch_config, "SELECT COUNT(*) FROM documents") == [(3,)]
    assert _rows(fetch_config, "SELECT COUNT(*) FROM sources") == [(3,)]
    feed_hits = [h for p, h in site.hits if p == "/feed.xml"]
    assert feed_hits[-1].get("if-none-match") == '"f1"'  # the feed said 304: the queue held them
    assert all(site.count(f"/n/{n}.html") <= 2 for n in range(3))
    assert resumed.analysed == 3 and not _rows(fetch_config, "SELECT url FROM fetch_queue")


def test_bad_sources_file_entries(site: Site, fetch_config: Config, tmp_path: Path) -> None:
    site.add("/n/1.html", article("Ferry capsizes", FERRY_EN))
    sources = _sources(tmp_path, _entry(site.url("/n/1.html"), "Page"),
                       '[[source]]\nurl = "ftp://x.invalid/"\n',
                       f'[[source]]\nurl = "{site.url("/x")}"\nkind = "video"\n')  # fmt: skip
    [first] = api.watch(sources, config=fetch_config, once=True)
    assert [p.label for p in first.sources] == ["Page"] and len(first.added) == 1
    reasons = sorted(f.reason for f in first.failures)
    assert reasons[0].startswith("kind must be one of") and "not an http(s) URL" in reasons[1]
    bad = tmp_path / "bad.toml"
    bad.write_text("[[source]\n")
    with pytest.raises(ClaimtraceError, match="is not valid TOML"):
        api.watch(bad, config=fetch_config, once=True)


def test_an_alert_fires_once_for_a_new_matching_claim(
    site: Site, fetch_config: Config, tmp_path: Path
) -> None:
    one = site.add("/n/1.html", article("Ferry capsizes", FERRY_EN))
    site.add("/feed.xml", rss([one]), "application/rss+xml")
    sources = _sources(tmp_path, _entry(site.url("/feed.xml"), "Lake news"))
    config = fetch_config.with_overrides(webhook_url=site.url("/hook"))
    api.watch(sources, config=config, once=True)
    watch = api.add_watch("query", "drowned", language="en", db=config.db)
    api.add_watch("query", "drowned", language="ar", db=config.db)  # never matches
    # claims stored before the watch was made never alert
    assert api.alerts(db=config.db) == [] and site.posts == []
    two = site.add("/n/2.html", article("More bodies found", FERRY_EN_2))
    three = site.add("/n/3.html", article("Naufrage", FERRY_FR, "fr"))
    site.add("/feed.xml", rss([one, two, three]), "application/rss+xml")
    time.sleep(1.1)
    [second] = api.watch(sources, config=config, once=True)
    alerts = api.alerts(db=config.db)
    assert alerts and {a["watch"]["id"] for a in alerts} == {watch["id"]}
    [doc_two] = [r[0] for r in _rows(config, f"SELECT id FROM documents WHERE url = '{two}'")]
    assert {a["document"]["id"] for a in alerts} == {doc_two}, [
        (a["document"]["url"], a["claim"]["text"], a["claim"]["language"]) for a in alerts
    ]
    assert all("drowned" in a["claim"]["text"] for a in alerts)
    assert sorted(a.id for a in second.alerts) == sorted(a["id"] for a in alerts)
    posted = [json.loads(body) for path, body in site.posts if path == "/hook"]
    assert sorted(p["id"] for p in posted) == sorted(a["id"] for a in alerts)
    assert posted[0]["claim"]["text"] and posted[0]["document"]["url"] == two
    time.sleep(1.1)
    [third] = api.watch(sources, config=config, once=True)  # nothing new: no alert again
    assert third.alerts == [] and len(api.alerts(db=config.db)) == len(alerts)
    assert len(site.posts) == len(posted)


def test_a_failed_webhook_is_retried_next_round(
    site: Site, fetch_config: Config, tmp_path: Path
) -> None:
    one = site.add("/n/1.html", article("Ferry capsizes", FERRY_EN))
    sources = _sources(tmp_path, _entry(site.url("/feed.xml"), "Lake news"))
    site.add("/feed.xml", rss([]), "application/rss+xml")
    config = fetch_config.with_overrides(webhook_url=site.url("/hook"))
    api.watch(sources, config=config, once=True)
    api.add_watch("source", "Lake news", db=config.db)
    site.add("/feed.xml", rss([one]), "application/rss+xml")
    site.post_status = 503
    time.sleep(1.1)
    api.watch(sources, config=config, once=True)
    alerts = api.alerts(db=config.db)
    assert alerts and all(a["delivery_error"] == "HTTP 503" for a in alerts)
    site.post_status = 204
    time.sleep(1.1)
    api.watch(sources, config=config, once=True)
    assert all(a["delivered_at"] for a in api.alerts(db=config.db))
    ids = [json.loads(body)["id"] for _, body in site.posts]
    assert sorted(ids) == sorted([a["id"] for a in alerts] * 2)  # failed once, then sent


def test_watch_validation(fetch_config: Config) -> None:
    with pytest.raises(ClaimtraceError, match="group watches only"):
        api.add_watch("actor", "x", event="contradiction", db=fetch_config.db)
    with pytest.raises(ClaimtraceError, match="names no claim group"):
        api.add_watch("group", "grp_nothing", db=fetch_config.db)
    with pytest.raises(ClaimtraceError, match="watch query"):
        api.add_watch("query", '"unclosed', db=fetch_config.db)
    assert api.add_watch("group", "*", event="contradiction", db=fetch_config.db)["id"] == 1
