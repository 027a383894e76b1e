"""No ledger, anywhere: no user-facing string frames care as debt or a score.

Product rule 1 of DESIGN.md. Scanned:

* every string literal in ``src/reciprocity/**/*.py`` (f-string parts, class and
  function docstrings included: command docstrings in ``cli/`` become
  ``--help``, and other docstrings surface in the library's ``help()``), except
  module docstrings, which are developer notes and may explain what the
  product does not do ("the ledger we never keep");
* every template-like file (``*.html``, ``*.md``, ``*.txt``, ``*.jinja``,
  ``*.j2``) under ``src/reciprocity``. (``src/*.egg-info`` is build output.)

Comments are not string literals, so they are not scanned.

The one exception is ``ALLOWED_REGEX_MODULES``: the phrasing checker detects
debt and score wording in what a user writes, so its *regex patterns* must name
those words. In those modules a literal is exempt only when it is a pattern
(the first argument of a ``re`` function, a raw string, or written in regex
syntax) or a bare lowercase key such as an enum value naming what was detected
(``"debt"``); its plain sentences, such as explanations and suggested
rewrites, are scanned as usual.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "reciprocity"

FORBIDDEN: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\bowe[sd]?\b",
        r"\bowing\b",
        r"\bdebts?\b",
        r"\bindebted\b",
        r"\b(?:pay|pays|paid|paying)\s+(?:\w+\s+)?back\b",
        r"\bpay-?backs?\b",
        r"\brepa(?:y|ys|id|ying|yment|yments)\b",
        r"\bscores?\s+against\b",
        r"\bkeep(?:s|ing)?\s+(?:a\s+|the\s+)?score\b",
        r"\bscore-?keeping\b",
        r"\bscore-?(?:card|board)s?\b",
        r"\byour\s+turn\s+to\b",
        r"\bin\s+the\s+red\b",
        r"\bbalance\s+owed\b",
        r"\bledgers?\b",
        # A head-to-head tally: a count "by you" beside theirs, or one count over another.
        r"\}\s*(?:started\s+)?(?:by|from)\s+you\b",
        r"\}\s*/\s*\{",
    )
)

ALLOWED_REGEX_MODULES: dict[str, str] = {
    # The phrasing checker (gentle nudges on blame and debt wording in what the
    # user writes) must spell out the words it looks for in its regex patterns.
    "coach/phrasing.py": "detects debt and score wording; its patterns name the words",
}

TEMPLATE_SUFFIXES = {".html", ".md", ".txt", ".jinja", ".jinja2", ".j2"}
_RE_FUNCTIONS = {
    "compile",
    "search",
    "match",
    "fullmatch",
    "sub",
    "subn",
    "split",
    "findall",
    "finditer",
}
_REGEX_SYNTAX = re.compile(r"\\[bBwWsSdD]|\(\?|\[\^?[^\]]*\]|\|")
_KEY = re.compile(r"[a-z][a-z0-9_-]*")


@dataclass(frozen=True)
class Hit:
    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


def _forbidden(text: str) -> str | None:
    for pattern in FORBIDDEN:
        found = pattern.search(text)
        if found:
            return found.group(0)
    return None


def _module_docstring(tree: ast.Module) -> ast.AST | None:
    first = tree.body[0] if tree.body else None
    if (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    ):
        return first.value
    return None


def _pattern_literals(tree: ast.Module, source: str) -> set[int]:
    """ids of the literals that are regex patterns or bare keys (see the module notes)."""
    exempt: set[int] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr in _RE_FUNCTIONS
        ):
            arguments = [*node.args[:1], *(k.value for k in node.keywords if k.arg == "pattern")]
            exempt.update(id(a) for a in arguments if isinstance(a, ast.Constant))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            segment = ast.get_source_segment(source, node) or ""
            raw = segment[:1].lower() == "r" or segment[:2].lower() in ("br", "rb")
            if raw or _REGEX_SYNTAX.search(node.value) or _KEY.fullmatch(node.value):
                exempt.add(id(node))
    return exempt


def _line_of(node: ast.Constant, word: str, lines: list[str]) -> int:
    """The physical line holding ``word``; the literal's first line if it is split."""
    end = node.end_lineno or node.lineno
    needle = re.compile(re.escape(word), re.IGNORECASE)
    for number in range(node.lineno, end + 1):
        if needle.search(lines[number - 1]):
            return number
    return node.lineno


def scan_python(path: Path, shown: Path, allow_regex: bool) -> Iterator[Hit]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(path))
    lines = source.splitlines()
    skip = {id(node) for node in [_module_docstring(tree)] if node is not None}
    if allow_regex:
        skip |= _pattern_literals(tree, source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            word = _forbidden(node.value)
            if word is not None:
                yield Hit(shown, _line_of(node, word, lines), word)


def scan_template(path: Path, shown: Path) -> Iterator[Hit]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        word = _forbidden(line)
        if word is not None:
            yield Hit(shown, number, word)


def scan(package: Path, shown_from: Path) -> list[Hit]:
    """Every hit under ``package``; paths are shown relative to ``shown_from``."""
    hits: list[Hit] = []
    for path in sorted(package.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(package).as_posix()
        shown = path.relative_to(shown_from)
        if path.suffix == ".py":
            hits.extend(scan_python(path, shown, relative in ALLOWED_REGEX_MODULES))
        elif path.suffix in TEMPLATE_SUFFIXES:
            hits.extend(scan_template(path, shown))
    return sorted(hits, key=lambda hit: (hit.path.as_posix(), hit.line))


def test_no_debt_or_score_wording_in_the_product() -> None:
    hits = scan(PACKAGE, REPO)
    assert not hits, "debt or score wording in user-facing text:\n" + "\n".join(map(str, hits))


@pytest.fixture()
def planted(tmp_path: Path) -> Path:
    package = tmp_path / "reciprocity"
    (package / "cli").mkdir(parents=True)
    (package / "coach").mkdir()
    (package / "web" / "templates").mkdir(parents=True)
    (package / "words.py").write_text(
        '"""Module notes may say: we never keep a ledger."""\n'
        "\n"
        "# a comment about debt is developer text\n"
        'CALM = "Thanks for reaching out."\n'
        'NUDGE = "It is your turn to call."\n'
        "NAME = 'Sam'\n"
        'LINE = f"{NAME} paid you back"\n'
        'TALLY = "{mine} by you, {theirs} by {name}"\n',
        encoding="utf-8",
    )
    (package / "cli" / "people.py").write_text(
        '"""The people commands."""\n'
        "\n"
        "def add() -> None:\n"
        '    """Add someone, and see what they owe you."""\n',
        encoding="utf-8",
    )
    (package / "coach" / "phrasing.py").write_text(
        '"""The phrasing check."""\n'
        "import re\n"
        "\n"
        'DEBT = re.compile("you owe me")\n'
        'SCORE = r"(?:you|we) keep score"\n'
        'REWRITE = "You owe me a call."\n'
        'DEBT = "debt"\n',
        encoding="utf-8",
    )
    (package / "web" / "templates" / "person.html").write_text(
        "<h1>{{ name }}</h1>\n<p>Balance owed: 3</p>\n<td>{{ mine }} / {{ theirs }}</td>\n",
        encoding="utf-8",
    )
    return package


def test_the_scanner_catches_planted_phrases(planted: Path) -> None:
    found = {(hit.path.as_posix(), hit.line) for hit in scan(planted, planted.parent)}
    assert found == {
        ("reciprocity/words.py", 5),  # "your turn to"
        ("reciprocity/words.py", 7),  # an f-string part
        ("reciprocity/words.py", 8),  # a count by you beside theirs
        ("reciprocity/cli/people.py", 4),  # a command docstring becomes --help
        ("reciprocity/coach/phrasing.py", 6),  # a plain sentence, even in the checker
        ("reciprocity/web/templates/person.html", 2),
        ("reciprocity/web/templates/person.html", 3),  # one count over another
    }


def test_an_unlisted_module_gets_no_regex_exemption(planted: Path) -> None:
    moved = planted / "coach" / "other.py"
    (planted / "coach" / "phrasing.py").rename(moved)
    lines = {hit.line for hit in scan(planted, planted.parent) if hit.path.name == "other.py"}
    assert lines == {4, 5, 6, 7}
