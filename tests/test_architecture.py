"""The layout holds: dependencies point one way, no import cycle, no import hidden in a
function, the engine stays pure, and every module imports on its own.

Read from the source with `ast`, so a violation names the file and line.
"""

import ast
import subprocess
import sys
from pathlib import Path

import app

APP = Path(app.__file__).parent
PROJECT_ROOT = APP.parent

# Lowest first: a unit may import itself and the units of earlier layers, nothing later.
LAYERS: list[set[str]] = [
    {"app", "app.config", "app.errors", "app.reference"},
    {"app.core"},
    {"app.matching"},
    {"app.db", "app.migrate", "app.catalog"},
    {"app.ops"},  # HTTP-side plumbing: may run a unit of work (reference checks of bad input)
    {"app.changes"},
    {"app.auth"},
    {"app.vocab"},
    {"app.regions"},
    {"app.actors"},
    {"app.calls"},
    {"app.consortia"},
    {"app.feedback"},
    {"app.matching_service"},
    {"app.transfer"},
    {"app.webhooks"},
    {"app.sync", "app.seed", "app.tracking", "app.models"},
    {"app.routers"},
    {"app.explore"},
    {"app.main", "app.cli"},
]
LAYER_OF = {unit: depth for depth, units in enumerate(LAYERS) for unit in units}
WEB = ("fastapi", "starlette")
DATABASE = ("sqlalchemy", "sqlmodel", "alembic", "psycopg")
HTTP_SIDE = {"app.routers", "app.explore", "app.main", "app.ops"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def unit_of(module: str) -> str:
    """The package (or top-level module) a module belongs to: app.regions.service ->
    app.regions."""
    parts = module.split(".")
    return ".".join(parts[:2])


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(APP.rglob("*.py"))}


def imports(path: Path) -> list[tuple[str, int, bool]]:
    """(imported module, line, at module level?) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top_level = {id(node) for node in tree.body}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from app.matching import rules` imports the module app.matching.rules.
            names = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        else:
            continue
        out += [(name, node.lineno, id(node) in top_level) for name in names]
    return out


def app_imports(known: dict[str, Path], path: Path) -> list[tuple[str, int, bool]]:
    return [(name, line, top) for name, line, top in imports(path) if name in known]


def test_every_unit_has_a_layer() -> None:
    assert {unit_of(m) for m in modules()} <= set(LAYER_OF)


def test_dependencies_point_down() -> None:
    known = modules()
    wrong = []
    for module, path in known.items():
        mine = LAYER_OF[unit_of(module)]
        for name, line, _top in app_imports(known, path):
            theirs = unit_of(name)
            if theirs != unit_of(module) and LAYER_OF[theirs] >= mine:
                wrong.append(f"{path.relative_to(PROJECT_ROOT)}:{line} imports {name}")
    assert wrong == []


def test_no_import_inside_a_function() -> None:
    known = modules()
    hidden = [
        f"{path.relative_to(PROJECT_ROOT)}:{line} imports {name}"
        for path in known.values()
        for name, line, top in app_imports(known, path)
        if not top
    ]
    assert hidden == []


def test_no_import_cycle() -> None:
    known = modules()
    graph = {
        module: {name for name, _line, _top in app_imports(known, path) if name != module}
        for module, path in known.items()
    }
    # A package's __init__ is imported before its modules; that is not a cycle.
    for module in graph:
        graph[module] -= {p for p in graph if module.startswith(p + ".")}
    state: dict[str, str] = {}
    cycles: list[list[str]] = []

    def visit(module: str, trail: list[str]) -> None:
        state[module] = "open"
        for nxt in sorted(graph[module]):
            if state.get(nxt) == "open":
                cycles.append([*trail[trail.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_engine_is_pure_and_services_need_no_web_framework() -> None:
    wrong = []
    for module, path in modules().items():
        for name, line, _top in imports(path):
            root = name.split(".")[0]
            where = f"{path.relative_to(PROJECT_ROOT)}:{line} imports {name}"
            if module.startswith("app.matching.") and (
                root in (*WEB, *DATABASE, "pydantic")
                or (name.startswith("app.") and not name.startswith("app.matching."))
            ):
                wrong.append(where)
            if root in WEB and unit_of(module) not in HTTP_SIDE:
                wrong.append(where)
    assert wrong == []


def test_every_module_imports_first_in_a_fresh_interpreter() -> None:
    """An import cycle shows when the module that closes it is imported first, so each
    module is imported with every app module forgotten (third-party ones stay loaded)."""
    script = """
import importlib, sys
from sqlmodel import SQLModel
failed = []
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m == "app" or m.startswith("app.")]:
        del sys.modules[loaded]
    SQLModel.metadata.clear()  # the forgotten modules' tables
    SQLModel._sa_registry.dispose()
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed.append(f"{name}: {type(exc).__name__}: {exc}")
print("\\n".join(failed))
"""
    result = subprocess.run(
        [sys.executable, "-c", script, *sorted(modules())],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=True,
    )
    assert result.stdout.strip() == ""


def test_api_processes_do_not_load_the_fitting_code() -> None:
    """Fitting is the CLI's work: the app does not import it, so workers start as fast as
    before it existed."""
    script = "import sys, app.main; print(sorted(m for m in sys.modules if m in sys.argv[1:]))"
    heavy = ["app.matching.learning", "app.matching_service.learning", "sklearn.linear_model"]
    result = subprocess.run(
        [sys.executable, "-c", script, *heavy],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=True,
    )
    assert result.stdout.strip() == "[]"
