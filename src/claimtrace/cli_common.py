"""What every command shares: option decorators, safe printing, readable errors."""

from __future__ import annotations

import functools
import json
import re
import sqlite3
from collections.abc import Callable
from typing import Any

import click

from claimtrace.config import SETTINGS
from claimtrace.errors import ClaimtraceError

# Article text is hostile: never let it drive the terminal (ANSI escapes, OSC links, ...).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe(text: object) -> str:
    return _CONTROL.sub("", str(text)) if text is not None else ""


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def friendly_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ClaimtraceError as exc:
            raise click.ClickException(safe(exc)) from exc
        except sqlite3.Error as exc:  # the stores turn their own errors into StoreError
            raise click.ClickException(f"store error: {safe(exc)}") from exc

    return wrapper


_DB_HELP = next(s.help for s in SETTINGS if s.name == "db")
db_option = click.option("--db", type=click.Path(dir_okay=False), default=None, help=_DB_HELP)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


def executor_options(func: Any) -> Any:
    """--executor serial|processes|dask and --scheduler tcp://HOST:8786."""
    func = click.option(
        "--scheduler",
        default=None,
        help="Dask scheduler address (tcp://HOST:8786) for --executor dask; without it a "
        "LocalCluster of --workers processes runs.",
    )(func)
    return click.option(
        "--executor",
        type=click.Choice(["serial", "processes", "dask"]),
        default=None,
        help="Where the work runs (default: the executor setting).",
    )(func)
