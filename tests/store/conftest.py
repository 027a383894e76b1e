"""The store's tests run on both backends: the command line here is bound to the test's database."""

from __future__ import annotations

import pytest

from tests.cli_runner import Cli
from tests.databases import Databases


@pytest.fixture
def cli(databases: Databases, capsys: pytest.CaptureFixture[str]) -> Cli:
    """The command line on the test's backend (for SQLite: ``reciprocity.db``, as everywhere)."""
    return databases.cli(capsys)
