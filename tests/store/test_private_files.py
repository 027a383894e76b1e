"""Intimate data stays its owner's: the data folder 0700, the database and its copies 0600.

Checked on disk, through the real entry point, under the usual umask of 022.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

from reciprocity.store import open_database
from reciprocity.store.backup import copy_aside


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "RECIPROCITY_DB"}
    environment["XDG_DATA_HOME"] = str(home)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sys; os.umask(0o022); "
            "from reciprocity.cli.main import main; sys.argv[0] = 'reciprocity'; main()",
            *args,
        ],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )


def test_a_new_install_is_private_whatever_the_umask(tmp_path: Path) -> None:
    made = _cli("demo", home=tmp_path)
    assert made.returncode == 0, made.stderr
    folder = tmp_path / "reciprocity"
    assert _mode(folder) == 0o700
    assert _mode(folder / "reciprocity.db") == 0o600


def test_an_older_install_is_made_private_on_the_next_start(tmp_path: Path) -> None:
    folder = tmp_path / "reciprocity"
    assert _cli("demo", home=tmp_path).returncode == 0
    folder.chmod(0o755)
    (folder / "reciprocity.db").chmod(0o644)
    assert _cli("people", "list", home=tmp_path).returncode == 0
    assert _mode(folder) == 0o700
    assert _mode(folder / "reciprocity.db") == 0o600


def test_the_write_ahead_log_and_every_copy_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = tmp_path / "mine.db"
        database = open_database(f"sqlite:///{path}")
        try:
            with database.transaction() as session:
                session.connection()  # a write keeps the WAL and shared memory open
                holder = sqlite3.connect(path)
                holder.execute("CREATE TABLE IF NOT EXISTS scratch (x)")
                holder.execute("INSERT INTO scratch VALUES (1)")
                holder.commit()
                side = [tmp_path / "mine.db-wal", tmp_path / "mine.db-shm"]
                assert all(p.exists() for p in side)
                assert [_mode(p) for p in side] == [0o600, 0o600]
                holder.close()
            copy = copy_aside(database.engine, path, reason="backup")
            assert _mode(copy) == 0o600 and _mode(path) == 0o600
        finally:
            database.close()
    finally:
        os.umask(old)
