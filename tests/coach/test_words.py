"""The words live in ``coach``, by subject: every template's word exists, and no word is dead."""

from __future__ import annotations

import ast
import os
import re
from collections import Counter
from pathlib import Path

import pytest

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


def _sentences() -> list[str]:
    """Every string a coach module holds (in dicts and tuples too), docstrings aside."""
    import importlib

    found: list[str] = []
    for module in sorted(COACH.glob("*.py")):
        loaded = importlib.import_module(f"reciprocity.coach.{module.stem}")
        for name, value in vars(loaded).items():
            if name.startswith("_"):
                continue
            values = value.values() if isinstance(value, dict) else value
            if isinstance(value, str):
                found.append(value)
            elif isinstance(value, dict | tuple | list):
                found.extend(v for v in values if isinstance(v, str))
    return found


def test_no_sentence_of_the_seed_texts_is_quoted() -> None:
    seeds = SOURCE.parents[2] / "shared" / "seeds"
    if not seeds.is_dir():
        reason = f"the seed texts are not beside the checkout ({seeds})"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must run this test")
        pytest.skip(reason)

    def grams(text: str, n: int = 6) -> set[tuple[str, ...]]:
        tokens = re.findall(r"[a-z']+", text.lower().replace("\u2019", "'"))
        return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}

    quoted = set().union(*(grams(p.read_text(encoding="utf-8")) for p in seeds.glob("*.txt")))
    assert quoted, "the seed texts were read"
    assert [text for text in _sentences() if grams(text) & quoted] == []


def test_each_dimension_has_one_name() -> None:
    from reciprocity.coach.report import DIMENSION_SHORT
    from reciprocity.coach.suggestions import DIMENSION_NAMES
    from reciprocity.coach.terms import DIMENSION_TITLES

    for dimension, title in DIMENSION_TITLES.items():
        assert DIMENSION_NAMES[str(dimension)] == title.lower()
        assert DIMENSION_SHORT[dimension] == title
