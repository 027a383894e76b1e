"""A rule of the source that import-linter cannot state: no module imports another's private name.

The arrows between packages are import-linter contracts (``pyproject.toml``,
run by ``scripts/test``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "src" / "reciprocity"


def imports(path: Path) -> Iterator[tuple[int, str, list[str]]]:
    """(line, module, names) of every import in ``path``, wherever it is (lazy ones too)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, []
        elif isinstance(node, ast.ImportFrom):
            yield node.lineno, "." * node.level + (node.module or ""), [a.name for a in node.names]


def test_no_module_imports_a_private_name_of_another() -> None:
    found = [
        f"{path.relative_to(SOURCE)}:{line} imports {name} from {module}"
        for path in sorted(SOURCE.rglob("*.py"))
        for line, module, names in imports(path)
        for name in names
        if name.startswith("_") and not name.startswith("__")
    ]
    assert found == []
