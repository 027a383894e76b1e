"""Running the real ``reciprocity`` entry point against a real SQLite file (or any database URL)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from reciprocity.cli.main import run


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class Cli:
    """Calls the CLI in-process (fast) or as a real subprocess (with stdin)."""

    def __init__(self, db: Path, capsys: pytest.CaptureFixture[str], url: str | None = None) -> None:
        self.db = db
        self.url = url or f"sqlite:///{db}"
        self.capsys = capsys

    def __call__(self, *args: str) -> Result:
        self.capsys.readouterr()
        code = run(["--db", self.url, *args])
        captured = self.capsys.readouterr()
        return Result(code, captured.out, captured.err)

    def process(self, *args: str, stdin: str = "", env: dict[str, str] | None = None) -> Result:
        environment = {**os.environ, "COLUMNS": "200", **(env or {})}
        done = subprocess.run(
            [sys.executable, "-m", "reciprocity", "--db", self.url, *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=environment,
            timeout=120,
        )
        return Result(done.returncode, done.stdout, done.stderr)
