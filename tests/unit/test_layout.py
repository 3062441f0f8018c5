"""The layout of DESIGN.md section 2, read from the code's own imports (ast): floors that only import downwards, no
import cycles, Streamlit only in ui/ and pages/, connections only in db/, and no module over 600 lines."""
from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

from tests.support import ROOT

PACKAGE = ROOT / "dk2020dash"
# Each room (a top-level module or sub-package of dk2020dash) on a floor. A room imports rooms of lower floors only;
# the bottom floor's rooms may import each other (without a cycle). metrics/ sits beside queries.py, so it imports
# neither the database nor the reads: plain functions over plain data.
FLOORS: list[set[str]] = [
    {"config", "domain", "i18n", "labels", "names", "errors", "logs"},
    {"db"},
    {"queries", "metrics"},
    {"views", "figures", "ingest", "auth", "demo"},
    {"edits", "exports"},
    {"cli", "ui"},
    {"__main__"},
]
FLOOR = {room: n for n, rooms in enumerate(FLOORS) for room in rooms}
LONGEST = 600
# String tables (key -> Danish, English) may grow past LONGEST: they hold prose, not code.
STRING_TABLES = {p for p in (PACKAGE / "i18n").glob("*.py") if p.name != "__init__.py"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def code_files() -> list[Path]:
    return sorted([*PACKAGE.rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"])


def imports(path: Path) -> set[str]:
    """Every dk2020dash module (or name in one) the file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path}: relative import (the layout test reads absolute ones)"
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def room(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "dk2020dash" and len(parts) > 1 else None


def module_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports (a name imported from a module counts as that module)."""
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in modules.items():
        for target in imports(path):
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name and not name.startswith(target + "."):  # a package's own __init__
                graph[name].add(target)
    return graph


def test_every_room_has_a_floor() -> None:
    rooms = {room(module_name(p)) for p in PACKAGE.rglob("*.py")} - {None}
    assert rooms <= set(FLOOR), f"rooms without a floor in FLOORS: {sorted(rooms - set(FLOOR))}"


def test_rooms_import_only_downwards() -> None:
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        source = room(module_name(path))
        for target in imports(path):
            to = room(target)
            if to is None or to == source or source is None:
                continue
            if not (FLOOR[to] < FLOOR[source] or FLOOR[to] == FLOOR[source] == 0):
                wrong.append(f"{path.relative_to(ROOT)} imports {target} ({source} on floor {FLOOR[source]}, "
                             f"{to} on floor {FLOOR[to]})")
    assert not wrong, "\n".join(wrong)


def test_there_is_no_import_cycle() -> None:
    graph = module_graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in list(graph):
        if node not in index:
            visit(node)
    assert not cycles, f"import cycles: {cycles}"


def test_only_ui_and_pages_import_streamlit() -> None:
    outside = [str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py")
               if not p.is_relative_to(PACKAGE / "ui")
               and any(m == "streamlit" or m.startswith("streamlit.") for m in imports(p))]
    assert not outside, outside


@pytest.mark.parametrize("call", ["duckdb.connect(", "psycopg.connect("])
def test_only_db_opens_connections(call: str) -> None:
    outside = [str(p.relative_to(ROOT)) for p in code_files()
               if not p.is_relative_to(PACKAGE / "db") and call in p.read_text(encoding="utf-8")]
    assert not outside, outside


def test_no_module_of_code_is_over_600_lines() -> None:
    long = {str(p.relative_to(ROOT)): n for p in code_files() if p not in STRING_TABLES
            and (n := len(p.read_text(encoding="utf-8").splitlines())) > LONGEST}
    assert not long, long

