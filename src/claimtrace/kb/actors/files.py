"""Reading actor data: the curated ``data/actors.json`` and users' own alias files.

A user file is CSV with a header ``id,alias,language`` (optional columns ``case_sensitive``
and ``requires``, the latter ``;``-separated), or JSON/YAML holding either a list of such rows
or ``{"actors": [...]}`` in the format of ``data/actors.json`` (to add whole new actors).
"""

from __future__ import annotations

import csv
import json
from importlib import resources
from pathlib import Path
from typing import Any

from claimtrace.errors import ClaimtraceError
from claimtrace.kb.actors.model import ACTOR_TYPES, Actor, Alias, looks_like_acronym


class ActorFileError(ClaimtraceError):
    """An actor or alias file that cannot be read; the message names the file and the row."""


def curated_json(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("claimtrace.data").joinpath(name).read_text("utf-8")
    )
    return data


def parse_actor(raw: dict[str, Any], where: str) -> Actor:
    try:
        actor_type = raw["type"]
        if actor_type not in ACTOR_TYPES:
            raise ActorFileError(
                f"{where}: type {actor_type!r} is not one of {sorted(ACTOR_TYPES)}"
            )
        aliases = [Alias(raw["name"], "en", looks_like_acronym(raw["name"]))]
        for language, items in (raw.get("aliases") or {}).items():
            aliases.extend(Alias.parse(item, language) for item in items)
        return Actor(
            id=raw["id"],
            name=raw["name"],
            type=actor_type,
            country=raw.get("country"),
            aliases=tuple(dict.fromkeys(aliases)),
            wikidata=raw.get("wikidata"),
            parent=raw.get("parent"),
            notes=raw.get("notes"),
        )
    except KeyError as exc:
        raise ActorFileError(f"{where}: missing field {exc.args[0]!r}") from exc


def _rows_to_aliases(rows: list[dict[str, Any]], where: str) -> list[tuple[str, Alias]]:
    out = []
    for number, row in enumerate(rows, 1):
        if not row.get("id") or not row.get("alias"):
            raise ActorFileError(f"{where}, row {number}: needs 'id' and 'alias'")
        requires = row.get("requires") or ()
        if isinstance(requires, str):
            requires = tuple(r.strip() for r in requires.split(";") if r.strip())
        case = str(row.get("case_sensitive", "")).strip().lower() in ("1", "true", "yes")
        language = str(row.get("language") or "*").strip() or "*"
        alias = Alias(str(row["alias"]).strip(), language, case, tuple(requires))
        out.append((str(row["id"]).strip(), alias))
    return out


def _load_structured(path: Path) -> Any:
    text = path.read_text("utf-8")
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            import yaml
        except ImportError as exc:
            raise ActorFileError(f"{path}: reading YAML needs PyYAML (pip install pyyaml)") from exc
        return yaml.safe_load(text)
    return json.loads(text)


def read_user_file(path: Path) -> tuple[list[Actor], list[tuple[str, Alias]]]:
    """New actors and (actor id, alias) pairs from a user's file."""
    where = str(path)
    try:
        if path.suffix.lower() in (".csv", ".tsv"):
            with path.open(newline="", encoding="utf-8") as handle:
                dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
                return [], _rows_to_aliases(list(csv.DictReader(handle, dialect=dialect)), where)
        data = _load_structured(path)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ActorFileError(f"{where}: {exc}") from exc
    if isinstance(data, list):
        return [], _rows_to_aliases(data, where)
    if isinstance(data, dict):
        actors = [
            parse_actor(a, f"{where}, actor {i}") for i, a in enumerate(data.get("actors", []))
        ]
        return actors, _rows_to_aliases(list(data.get("aliases", [])), where)
    raise ActorFileError(f"{where}: expected a list of alias rows or an object with 'actors'")
