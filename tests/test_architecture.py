"""The arrows between modules that the README promises, checked on the source.

``evidence`` is pure: it imports no database, store, CLI or web code. And no
module imports a private name (``_name``) of another module.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "src" / "reciprocity"
OUTSIDE_EVIDENCE = (
    "sqlalchemy",
    "alembic",
    "reciprocity.model",
    "reciprocity.store",
    "reciprocity.services",
    "reciprocity.cli",
    "reciprocity.web",
)


def imports(path: Path) -> Iterator[tuple[int, str, list[str]]]:
    """(line, module, names) of every import in ``path``, wherever it is (lazy ones too)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, []
        elif isinstance(node, ast.ImportFrom):
            yield node.lineno, "." * node.level + (node.module or ""), [a.name for a in node.names]


def test_evidence_imports_no_store_database_cli_or_web() -> None:
    found = [
        f"{path.relative_to(SOURCE)}:{line} imports {module}"
        for path in sorted((SOURCE / "evidence").rglob("*.py"))
        for line, module, _names in imports(path)
        if any(module == name or module.startswith(f"{name}.") for name in OUTSIDE_EVIDENCE)
    ]
    assert found == []


def test_no_module_imports_a_private_name_of_another() -> None:
    found = [
        f"{path.relative_to(SOURCE)}:{line} imports {name} from {module}"
        for path in sorted(SOURCE.rglob("*.py"))
        for line, module, names in imports(path)
        for name in names
        if name.startswith("_") and not name.startswith("__")
    ]
    assert found == []
