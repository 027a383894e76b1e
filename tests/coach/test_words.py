"""The words live in ``coach``, by subject: every template's word exists, and no word is dead."""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

from reciprocity.report.html import environment as report_environment
from reciprocity.web.render import environment as web_environment

SOURCE = Path(__file__).resolve().parents[2] / "src" / "reciprocity"
COACH = SOURCE / "coach"
USE = re.compile(r"\b([wqpsr])\.([A-Za-z_][A-Za-z0-9_]*)")
LOCAL = re.compile(r"{%-?\s*(?:for|set)\s+([a-z_, ]+?)\s+(?:in|=)")
"""A template's own loop and ``set`` names (``for s in suggestions``) shadow a space there."""


def test_every_word_a_template_reads_is_there() -> None:
    missing = []
    for folder, env in (("web", web_environment()), ("report", report_environment())):
        for template in sorted((SOURCE / folder / "templates").glob("*.html")):
            content = template.read_text(encoding="utf-8")
            local = {n.strip() for found in LOCAL.findall(content) for n in found.split(",")}
            for line, text in enumerate(content.splitlines(), 1):
                for space, name in USE.findall(text):
                    if space in local:
                        continue
                    found = env.globals.get(space)
                    if found is not None and not hasattr(found, name):
                        missing.append(f"{folder}/templates/{template.name}:{line} {space}.{name}")
    assert missing == []


def _defined(path: Path) -> list[str]:
    names = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            names.append(node.targets[0].id)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.append(node.name)
    return [n for n in names if not n.startswith("_")]


def test_no_word_is_left_that_nothing_says() -> None:
    sources = [p for p in SOURCE.rglob("*") if p.suffix in (".py", ".html")]
    said = Counter(
        word for p in sources for word in re.findall(r"\w+", p.read_text(encoding="utf-8"))
    )
    dead = [
        f"coach/{module.name}: {name}"
        for module in sorted(COACH.glob("*.py"))
        for name in _defined(module)
        if said[name] <= 1  # its own definition only
    ]
    assert dead == []
