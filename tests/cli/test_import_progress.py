"""On a terminal, a long import shows how far it has read; piped, it shows nothing extra."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from tests.cli_runner import Cli


def _export(path: Path, messages: int) -> None:
    start = datetime(2025, 1, 1, 8, 0)
    lines = [
        f"{start + timedelta(minutes=7 * i):%d/%m/%Y, %H:%M} - {'Sam' if i % 3 else 'Alex'}: "
        f"message {i}"
        for i in range(messages)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_terminal_sees_progress_and_the_summary(cli: Cli, tmp_path: Path) -> None:
    export = tmp_path / "chat.txt"
    _export(export, 60_000)
    controller, terminal = pty.openpty()
    environment = {**os.environ, "COLUMNS": "120", "TERM": "xterm"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "reciprocity",
            "--db",
            cli.url,
            "import",
            str(export),
            "--me",
            "Alex",
        ],
        stdout=subprocess.PIPE,
        stderr=terminal,
        env=environment,
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closes when the import ends
            break
        if not chunk:
            break
        shown += chunk
    out, _ = process.communicate(timeout=120)
    os.close(controller)
    assert process.returncode == 0, shown.decode(errors="replace")
    assert b"Reading messages" in shown
    assert b"60,000" in shown or b"50,000" in shown
    assert "Read 60,000 messages (60,000 new)" in out.decode()


def test_piped_output_has_no_progress(cli: Cli, tmp_path: Path) -> None:
    export = tmp_path / "chat.txt"
    _export(export, 100)
    result = cli.process("import", str(export), "--me", "Alex")
    assert result.code == 0, result.err
    assert "Reading messages" not in result.err + result.out
