"""The command line on a PostgreSQL database, through the real ``reciprocity`` entry point.

As a separate process (``python -m reciprocity``) where it matters, in-process for the rest.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_runner import Cli
from tests.databases import Databases, postgresql_only


@postgresql_only
def test_a_postgresql_address_works_as_a_file_does(
    databases: Databases, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = databases.new("cli", layout=False)  # an empty database: the layout is made on first use
    assert url.startswith("postgresql+psycopg://")
    cli = Cli(tmp_path / "unused.db", capsys, url=url)
    added = cli.process("people", "add", "Sam", "--kind", "friend", "--their-care", "practical")
    assert added.code == 0, added.err
    for day in range(1, 8):
        logged = cli("log", "Sam", f"Sam fixed the bike, week {day}", "--by", "them",
                             "--dim", "crisis", "--on", f"{day} days ago")  # fmt: skip
        assert logged.code == 0, logged.err
    pattern = cli.process("patterns", "Sam", "--json")
    assert pattern.code == 0, pattern.err
    assert pattern.json()["dimensions"]["crisis"]["moments"]["them"] == 7

    export = tmp_path / "backup.json"
    assert cli("export", str(export)).code == 0
    elsewhere = databases.new("elsewhere", layout=False)
    restored = subprocess.run(
        [sys.executable, "-m", "reciprocity", "import", str(export), "--json"],
        env={**os.environ, "RECIPROCITY_DB": elsewhere},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert restored.returncode == 0, restored.stderr
    assert json.loads(restored.stdout)["moments"] == 7

    refused = cli("import", str(export))
    assert refused.code == 1 and "already holds 1 person" in refused.err
    replaced = cli.process("import", str(export), "--replace")
    assert replaced.code == 0, replaced.err
    kept = list((tmp_path / "data" / "reciprocity").glob("postgresql-t*_cli.before-import.*.json"))
    assert len(kept) == 1 and f"Kept a copy of what was there at {kept[0]}." in replaced.out
    assert json.loads(kept[0].read_text(encoding="utf-8"))["people"][0]["name"] == "Sam"
    assert not (tmp_path / "unused.db").exists(), "nothing was written to a SQLite file"
