"""Fixtures shared by every test: real files in temporary folders, nothing mocked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli_runner import Cli
from tests.databases import backend, databases, postgres_cluster  # noqa: F401  (SQLite and PostgreSQL)

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


def corpus_present() -> bool:
    return (CORPUS / "README.md").is_file()


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared conformance corpus (``../shared/corpus`` beside the checkout).

    A fresh clone has no ``../shared``: the tests that read it skip, saying so. CI
    always has it (``.ci/run`` checks), and there a missing corpus fails instead.
    """
    if not corpus_present():
        reason = f"the conformance corpus is not beside this checkout ({CORPUS})"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must run the tests that read it")
        pytest.skip(reason)
    return CORPUS


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    """The command line, bound to a fresh SQLite file in a temporary folder."""
    return Cli(tmp_path / "reciprocity.db", capsys)


@pytest.fixture
def demo_cli(cli: Cli) -> Cli:
    """The command line on a database holding the demo."""
    assert cli("demo").code == 0
    return cli
