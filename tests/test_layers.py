"""Layers run one way: pages -> ui -> sanitasi views -> sanitasi engine -> data, read from the imports themselves.

A page may import only streamlit, the ui layer and its own view module, and call only Streamlit, the ui layer,
its view and Streamlit containers: anything else (a pandas method, arithmetic on a result) is a calculation that
belongs in the view. The checks are functions of source text, so the tests below also show each of them catching
a violation written for the purpose.
"""

from __future__ import annotations

import ast
import builtins
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

ROOT = Path(__file__).resolve().parent.parent
PAGE_DIR = ROOT / "app_pages"

# what a page may call besides st.*, ui.* and its view module: containers' methods and a few builtins
CONTAINER_METHODS = {name for name in dir(DeltaGenerator) if not name.startswith("_")}
PAGE_BUILTINS = {"zip", "enumerate", "len", "str", "bool", "dict", "list", "tuple", "isinstance"}


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def layer(module: str) -> int | None:
    """4 pages and the frame, 3 the ui layer, 2 the page views, 1 the engine; None: outside the app."""
    if module == "app" or module.startswith("app_pages."):
        return 4
    if module == "ui" or module.startswith("ui."):
        return 3
    if module == "sanitasi.views" or module.startswith("sanitasi.views."):
        return 2
    if module == "sanitasi" or module.startswith("sanitasi."):
        return 1
    return None


def imports(source: str, known: frozenset[str] = frozenset()) -> list[tuple[str, int, bool]]:
    """(imported module, line, inside a function) for every import statement, the function-local ones too.

    `from sanitasi import views` names the module sanitasi.views; `from sanitasi.views import KABUPATEN`
    names sanitasi.views.
    """
    out: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, local: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = local or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import):
                out.extend((a.name, child.lineno, local) for a in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                for a in child.names:
                    full = f"{child.module}.{a.name}"
                    submodule = layer(full) is not None and (full in known or is_module(full))
                    out.append((full if submodule else child.module, child.lineno, local))
            visit(child, inner)

    visit(ast.parse(source), False)
    return out


def is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def app_files() -> list[Path]:
    return [ROOT / "app.py", *sorted(PAGE_DIR.glob("*.py")), *sorted((ROOT / "ui").rglob("*.py")),
            *sorted((ROOT / "sanitasi").rglob("*.py"))]


def wrong_way(files: Iterable[tuple[str, str]]) -> list[str]:
    """Every import of a higher layer, or of `streamlit` below the ui layer: 'module:line imports other'."""
    files = list(files)
    known = frozenset(m for m, _ in files)
    bad = []
    for module, source in files:
        here = layer(module)
        for name, line, _ in imports(source, known):
            there = layer(name)
            if there is not None and here is not None and there > here:
                bad.append(f"{module}:{line} imports {name}")
            if here is not None and here <= 2 and name.split(".")[0] == "streamlit":
                bad.append(f"{module}:{line} imports {name}")
    return bad


def cycles(files: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Import cycles among the app's modules (function-local imports count: they only hide a cycle)."""
    files = list(files)
    known = frozenset(m for m, _ in files)
    graph: dict[str, set[str]] = {}
    for module, source in files:
        deps = {name for name, _, _ in imports(source, known) if layer(name) is not None and name != module}
        # importing a package's submodule runs the package too
        graph[module] = deps | {".".join(d.split(".")[:i]) for d in deps for i in range(1, d.count(".") + 1)}
        graph[module] -= {module}
    found: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def walk(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for d in sorted(graph.get(m, ())):
            if d not in graph:
                continue
            if state.get(d) == 1 and not (m.startswith(d + ".") and is_package(d)):
                found.append(stack[stack.index(d):] + [d])
            elif d not in state:
                walk(d)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            walk(m)
    return found


def is_package(name: str) -> bool:
    return (ROOT.joinpath(*name.split(".")) / "__init__.py").exists()


def local_imports(files: Iterable[tuple[str, str]]) -> list[str]:
    """Function-local imports without a reason on the line or the line above (a heavy optional dependency)."""
    files = list(files)
    known = frozenset(m for m, _ in files)
    bad = []
    for module, source in files:
        lines = source.splitlines()
        for name, line, local in imports(source, known):
            if not local:
                continue
            said = "#" in lines[line - 1] or lines[line - 2].strip().startswith("#")
            if layer(name) is not None or not said:
                bad.append(f"{module}:{line} imports {name} inside a function")
    return bad


def page_problems(name: str, source: str) -> list[str]:
    """What a page file does beyond reading widgets, calling its view and rendering."""
    view = f"sanitasi.views.{name}"
    tree = ast.parse(source)
    bad = []
    for mod, line, _ in imports(source):
        if mod not in ("streamlit", "ui", view):
            bad.append(f"{name}:{line} imports {mod} (a page imports streamlit, ui and {view} only)")
    allowed_roots = {"st", "ui", name}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if isinstance(f, ast.Name):
            local_defs = {d.name for d in ast.walk(tree) if isinstance(d, ast.FunctionDef)}
            if f.id not in PAGE_BUILTINS and f.id not in local_defs:
                bad.append(f"{name}:{node.lineno} calls {f.id}()")
        elif isinstance(f, ast.Attribute):
            root = f.value
            while isinstance(root, ast.Attribute | ast.Subscript | ast.Call):
                root = root.value if not isinstance(root, ast.Call) else root.func
            direct = isinstance(f.value, ast.Name | ast.Attribute)  # st.x(), ui.render.x(), peta.view()
            if isinstance(root, ast.Name) and root.id in allowed_roots and direct:
                continue
            if f.attr not in CONTAINER_METHODS:
                bad.append(f"{name}:{node.lineno} calls .{f.attr}() on a value")
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp | ast.Compare | ast.UnaryOp) and _computes(node):
            bad.append(f"{name}:{node.lineno} computes {ast.unparse(node)}")
    return bad


def _computes(node: ast.AST) -> bool:
    """Arithmetic or an ordering is a calculation; choosing what to draw by a word (`view == "petak"`, `x is
    None`, `not shown`) is rendering."""
    if isinstance(node, ast.UnaryOp):  # `not shown` chooses; `-1` is a number as written
        return not isinstance(node.op, ast.Not) and not isinstance(node.operand, ast.Constant)
    if isinstance(node, ast.BinOp):
        return True
    ops_ok = all(isinstance(op, ast.Eq | ast.NotEq | ast.Is | ast.IsNot | ast.In | ast.NotIn) for op in node.ops)
    numbers = any(isinstance(c, ast.Constant) and isinstance(c.value, int | float) and not isinstance(c.value, bool)
                  for c in [node.left, *node.comparators])
    return not ops_ok or numbers


def sources() -> list[tuple[str, str]]:
    return [(module_name(p), p.read_text(encoding="utf-8")) for p in app_files()]


# ----------------------------------------------------------------------------------------- the real code
def test_layers_run_one_way() -> None:
    assert wrong_way(sources()) == []


def test_no_import_cycles() -> None:
    assert cycles(sources()) == []


def test_function_local_imports_are_rare_and_say_why() -> None:
    assert local_imports(sources()) == []


@pytest.mark.parametrize("page", sorted(p.stem for p in PAGE_DIR.glob("*.py")))
def test_a_page_only_reads_widgets_calls_its_view_and_renders(page: str) -> None:
    assert (ROOT / "sanitasi" / "views" / f"{page}.py").exists(), f"no view module for the page {page}"
    assert page_problems(page, (PAGE_DIR / f"{page}.py").read_text(encoding="utf-8")) == []


def test_every_page_is_in_the_navigation() -> None:
    """A page file the navigation does not list is unreachable."""
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    for page in PAGE_DIR.glob("*.py"):
        assert f'"app_pages/{page.name}"' in app, page.name


def test_modules_stay_small() -> None:
    """No module under sanitasi/ or ui/ over 500 lines (the text catalogue excepted)."""
    big = {module_name(p): n for p in [*(ROOT / "sanitasi").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]
           if p.name != "i18n.py" and (n := len(p.read_text(encoding="utf-8").splitlines())) > 500}
    assert big == {}


# ----------------------------------------------------------------------------------------- the checks catch
def test_a_wrong_way_import_is_caught() -> None:
    files = [("sanitasi.maps", "from sanitasi.views import peta\nimport streamlit as st\n"),
             ("ui.cache", "from sanitasi import maps\n"),
             ("sanitasi.views.peta", "import ui\n")]
    assert wrong_way(files) == ["sanitasi.maps:1 imports sanitasi.views.peta", "sanitasi.maps:2 imports streamlit",
                                "sanitasi.views.peta:1 imports ui"]


def test_a_cycle_hidden_in_a_function_is_caught() -> None:
    files = [("sanitasi.readers", "def f():\n    from sanitasi import boundaries  # lazy\n"),
             ("sanitasi.boundaries", "from sanitasi import readers\n")]
    assert cycles(files) == [["sanitasi.boundaries", "sanitasi.readers", "sanitasi.boundaries"]]
    assert local_imports(files) == ["sanitasi.readers:2 imports sanitasi.boundaries inside a function"]


def test_a_page_that_calculates_is_caught() -> None:
    source = ("import streamlit as st\nimport ui\nfrom sanitasi import fmt\nfrom sanitasi.views import peta\n"
              "r = ui.view(peta.view, peta.Settings())\n"
              "n = r.table['status'].value_counts()\n"
              "goal = 90.0 if r.arah > 0 else 0.0\n"
              "col, _ = st.columns(2)\ncol.metric('a', r.nilai)\n")
    found = page_problems("peta", source)
    assert any("imports sanitasi.fmt" in p for p in found)
    assert any(".value_counts()" in p for p in found)
    assert any("computes r.arah > 0" in p for p in found)
    assert not any("metric" in p or "columns" in p for p in found)


def test_the_checks_know_streamlit_and_python() -> None:
    # the allow-lists name real things: a typo there would quietly allow everything or nothing
    assert {"metric", "caption", "markdown", "columns", "popover"} <= CONTAINER_METHODS
    assert all(hasattr(builtins, b) for b in PAGE_BUILTINS)
    assert hasattr(st, "columns") and "value_counts" not in CONTAINER_METHODS
    assert sys.version_info >= (3, 11)
