"""How sanitasi's modules import each other: no cycles, not even behind a function-local import."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sanitasi"


def _module(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    return ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)


MODULES = {_module(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path) -> set[str]:
    """The sanitasi modules a module imports, at its top or inside a function alike."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out |= {f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in MODULES else node.module
                    for a in node.names}
    return out


def _guarded(tree: ast.Module, node: ast.stmt) -> bool:
    """A module-level `try: import x / except ImportError` (an optional dependency) is not function-local."""
    return any(isinstance(t, ast.Try) and node in t.body for t in tree.body)


GRAPH = {m: {n for n in _imports(p) if n in MODULES and n != m} for m, p in MODULES.items()}


def test_no_import_cycles_in_sanitasi() -> None:
    cycles, done, stack = [], set(), []

    def visit(m: str) -> None:
        stack.append(m)
        for n in sorted(GRAPH[m]):
            if n in stack:
                cycles.append(" -> ".join([*stack[stack.index(n):], n]))
            elif n not in done:
                visit(n)
        stack.pop()
        done.add(m)

    for m in MODULES:
        if m not in done:
            visit(m)
    assert cycles == []


# The modules of the table-kind registry and its readers: a function-local import there says why on its line
# (a heavy dependency only some calls need). The view modules are being moved (issue 11) and follow later.
REGISTRY_MODULES = ("sanitasi.kinds", "sanitasi.contracts", "sanitasi.headers", "sanitasi.load", "sanitasi.store",
                    "sanitasi.schema", "sanitasi.tables", "sanitasi.matching", "sanitasi.exports",
                    "sanitasi.versions", "sanitasi.cli", *(m for m in MODULES if m.startswith("sanitasi.readers")))


@pytest.mark.parametrize("module", REGISTRY_MODULES)
def test_function_local_imports_say_why(module: str) -> None:
    path = MODULES[module]
    lines = path.read_text(encoding="utf-8").splitlines()
    tree = ast.parse("\n".join(lines))
    top = set(map(id, tree.body))
    local = [n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom) and id(n) not in top
             and not _guarded(tree, n)]
    silent = [f"{path.name}:{n.lineno}" for n in local if "#" not in lines[n.lineno - 1]]
    assert silent == []
