"""The package layout holds: article understanding sits below the framework, with no import cycle.

Imports are read from the source (module level and inside functions, which run as surely,
only later); imports under `if TYPE_CHECKING:` are for annotations and never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import consistency

PACKAGE = Path(consistency.__file__).parent
UNDERSTANDING = "consistency.understanding"
# What the understanding modules may use from the framework: data models and small utilities
# that import nothing of the package themselves.
FRAMEWORK_BELOW_UNDERSTANDING = {"consistency.models", "consistency.datacache", "consistency.errors"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking_block(node: ast.AST) -> bool:
    if not isinstance(node, ast.If):
        return False
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_imports(path: Path) -> set[str]:
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if _is_type_checking_block(node):
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: {m for m in _runtime_imports(path) if m in modules and m != name} for name, path in modules.items()}


def _cycle_from(graph: dict[str, set[str]], start: str) -> list[str] | None:
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, trail = stack.pop()
        for nxt in graph.get(node, ()):
            if nxt == start:
                return trail + [start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, trail + [nxt]))
    return None


def test_understanding_modules_import_no_framework_module_above_them():
    graph = _graph()
    for module, imports in graph.items():
        if module.startswith(UNDERSTANDING):
            upward = {m for m in imports if not m.startswith(UNDERSTANDING) and m not in FRAMEWORK_BELOW_UNDERSTANDING}
            assert not upward, f"{module} imports {sorted(upward)} from the framework"


def test_understanding_has_no_import_cycle():
    graph = _graph()
    for module in graph:
        if module.startswith(UNDERSTANDING) or module == "consistency.analysis":
            cycle = _cycle_from(graph, module)
            assert cycle is None, " -> ".join(cycle or [])


def test_the_readers_live_in_the_understanding_package():
    for name in ("people", "gazetteer", "timeline", "quantities", "ledger", "lexicon", "tokens"):
        assert (PACKAGE / "understanding" / f"{name}.py").is_file()
        assert not (PACKAGE / f"{name}.py").exists()
