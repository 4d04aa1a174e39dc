"""The package tree shows the stages in order, and data flows one way through them:
no module imports from a later stage (imports inside functions and TYPE_CHECKING blocks
count too)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "claimtrace"

# the order data flows in; a module may import from its own rank or an earlier one
ORDER: tuple[tuple[str, ...], ...] = (
    ("records", "config", "errors", "ids", "data", "executors", "executors_dask", "registry"),
    ("ingest",),
    ("collect",),
    ("clean",),
    ("kb",),
    ("nlp",),
    ("link",),
    ("store",),
    ("report",),
    ("pipeline",),
    ("watch",),
    ("api",),
    (
        "cli",
        "cli_actors",
        "cli_claims",
        "cli_collect",
        "cli_common",
        "cli_links",
        "cli_report",
        "cli_serve",
        "web",
    ),
    ("__init__", "__main__"),
)
RANK = {name: rank for rank, names in enumerate(ORDER) for name in names}
# inside nlp/: one sub-package per step, in the order they read a text
# (analyse: the entities and times of a document, the Analysis record attribution reads)
NLP_ORDER = ("text", "entities", "times", "analyse", "attribution", "claims", "engine")
NLP_RANK = {name: rank for rank, name in enumerate(NLP_ORDER)}


def _module(path: Path) -> tuple[str, ...]:
    parts = path.relative_to(SRC).with_suffix("").parts
    return parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts


def _imports(path: Path) -> list[tuple[int, tuple[str, ...]]]:
    tree = ast.parse(path.read_text("utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] == "claimtrace":
                base = tuple(node.module.split(".")[1:])
                for alias in node.names:  # "from claimtrace.nlp import claims" names a module
                    found.append((node.lineno, (*base, alias.name) if base else (alias.name,)))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "claimtrace":
                    found.append((node.lineno, tuple(alias.name.split(".")[1:])))
    return found


def _rank(parts: tuple[str, ...]) -> tuple[int, int]:
    top = parts[0] if parts else "__init__"
    if top not in RANK:
        raise AssertionError(f"claimtrace.{top} has no place in tests/test_layout.py ORDER")
    sub = NLP_RANK.get(parts[1], -1) if top == "nlp" and len(parts) > 1 else -1
    return RANK[top], sub


def _upward(importer: tuple[str, ...], imported: tuple[str, ...]) -> bool:
    (a, a_sub), (b, b_sub) = _rank(importer), _rank(imported)
    if b != a:
        return b > a
    return a_sub >= 0 and b_sub > a_sub


MODULES = sorted(SRC.rglob("*.py"))


def test_every_top_level_package_has_a_stage() -> None:
    for path in SRC.iterdir():
        if path.name.startswith((".", "_")) and path.name != "__init__.py":
            continue
        if path.is_dir() and not (path / "__init__.py").exists():
            continue  # data folders (templates, migrations)
        if path.is_dir() or path.suffix == ".py":
            _rank((path.stem,))


def test_nlp_steps_are_subpackages_in_order() -> None:
    steps = {p.stem for p in (SRC / "nlp").iterdir() if not p.name.startswith("_")}
    assert steps <= set(NLP_ORDER), steps - set(NLP_ORDER)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_imports_from_a_later_stage(path: Path) -> None:
    importer = _module(path)
    upward = [
        f"line {line}: claimtrace.{'.'.join(target)}"
        for line, target in _imports(path)
        if _upward(importer, target)
    ]
    assert not upward, f"{path.relative_to(SRC)} imports from a later stage: {upward}"


def test_the_checker_sees_an_upward_import(tmp_path: Path) -> None:
    assert _upward(("nlp", "claims", "build"), ("link", "claim_groups"))
    assert _upward(("nlp", "text", "sentences"), ("nlp", "claims"))
    assert not _upward(("link", "run"), ("nlp", "claims", "relations"))
    assert not _upward(("nlp", "claims", "build"), ("kb", "actors", "table"))
