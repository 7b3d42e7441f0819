"""The layers hold (docs/ARCHITECTURE.md): no module below the views imports `desktop.views`,
at the top of the file or inside a function, absolutely, relatively or by a string given to
`importlib.import_module` / `__import__`; the chart modules never open the repository."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

LOWER = ("charts", "data", "domain", "pages", "printing", "models")
PACKAGE = ROOT / "desktop"


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(path: Path, root: Path = ROOT) -> list[tuple[int, str]]:
    """Every module name the file imports, wherever the import statement is, resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            # `from desktop import views` imports the views package too
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
        elif (isinstance(node, ast.Call) and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
              and ((isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
                   or (isinstance(node.func, ast.Name)
                       and node.func.id in ("import_module", "__import__")))):
            found.append((node.lineno, node.args[0].value))
    return found


def views_imports(folder: str, root: Path = ROOT) -> list[tuple[str, int]]:
    """(file, line) of every import of desktop.views under desktop/<folder>."""
    problems = set()
    for path in sorted((root / "desktop" / folder).rglob("*.py")):
        for line, name in imported_names(path, root):
            if name == "desktop.views" or name.startswith("desktop.views."):
                problems.add((str(path.relative_to(root)), line))
    return sorted(problems)


@pytest.mark.parametrize("folder", LOWER)
def test_no_lower_layer_imports_the_views(folder):
    assert (PACKAGE / folder).is_dir()
    assert views_imports(folder) == []


def test_the_scan_finds_every_kind_of_import(tmp_path):
    """The scanner itself: a top-level, a function-level, a relative and a string import."""
    fake = tmp_path / "desktop" / "charts"
    fake.mkdir(parents=True)
    (fake / "bad.py").write_text(
        "import desktop.views.palette\n"
        "def f():\n"
        "    from desktop.views.error_dialogs import show_known_error\n"
        "    from ..views import charts_view\n"
        "    from .. import views\n"
        "    import importlib\n"
        "    importlib.import_module('desktop.views.find_bar')\n"
        "from desktop.charts import chart_data\n")
    assert [line for _, line in views_imports("charts", tmp_path)] == [1, 3, 4, 5, 7]


def test_the_chart_modules_never_open_the_repository():
    """`desktop/charts` draws from details it is given; the command opens the data."""
    for path in sorted((PACKAGE / "charts").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        opened = [node.lineno for node in ast.walk(tree)
                  if isinstance(node, ast.Attribute) and node.attr in ("open", "open_default")
                  and isinstance(node.value, ast.Name) and node.value.id == "Repository"]
        assert not opened, f"{path.name}:{opened}"
