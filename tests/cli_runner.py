"""Running the real ``reciprocity`` entry point against a real SQLite file (or any database URL)."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
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

    def __init__(
        self, db: Path, capsys: pytest.CaptureFixture[str], url: str | None = None
    ) -> None:
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


_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class Terminal:
    """The real entry point on a pseudo-terminal: standard input is a terminal, and
    Ctrl-C reaches the process as a real interrupt (SIGINT), as when a person types it."""

    def __init__(self, db: Path, *args: str, timeout: float = 60.0) -> None:
        environment = {**os.environ, "COLUMNS": "200", "TERM": "xterm", "NO_COLOR": "1"}
        command = [sys.executable, "-m", "reciprocity", "--db", f"sqlite:///{db}", *args]
        pid, fd = pty.fork()
        if pid == 0:  # the child: its terminal is the pty, 200 columns wide
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
                os.execve(sys.executable, command, environment)
            finally:
                os._exit(127)
        self.pid, self.fd, self.timeout = pid, fd, timeout
        self.shown = ""
        """Everything the terminal has shown so far (what was typed is echoed in it)."""
        self._read_to = 0

    def expect(self, text: str) -> None:
        """Wait until ``text`` is shown after what was expected last."""
        deadline = time.monotonic() + self.timeout
        while text not in self.shown[self._read_to :]:
            if not self._read(deadline - time.monotonic()):
                raise AssertionError(
                    f"{text!r} was not shown; the terminal shows:\n{self.shown[-3000:]}"
                )
        self._read_to = self.shown.index(text, self._read_to) + len(text)

    def send(self, line: str) -> None:
        os.write(self.fd, f"{line}\r".encode())

    def interrupt(self) -> None:
        """Ctrl-C, as typed: a moment after the text expected, as a person reads before typing.

        Sent in the very instant a prompt is printed, the signal can land before the
        command waits for input; a person never types that fast, and the test would
        hang now and then on a busy machine.
        """
        time.sleep(0.3)
        os.write(self.fd, b"\x03")

    def wait(self) -> int:
        """Read what is left until the process ends; its exit code."""
        deadline = time.monotonic() + self.timeout
        while self._read(deadline - time.monotonic()):
            pass
        while True:
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
            if time.monotonic() > deadline:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                raise AssertionError(f"the command did not end; it shows:\n{self.shown[-3000:]}")
            time.sleep(0.05)

    @property
    def since(self) -> str:
        """What was shown after the last text expected."""
        return self.shown[self._read_to :]

    def _read(self, seconds: float) -> bool:
        if seconds <= 0:
            return False
        ready, _, _ = select.select([self.fd], [], [], seconds)
        if not ready:
            return False
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:  # the process ended and the terminal closed
            return False
        self.shown += _ESCAPES.sub("", chunk.decode("utf-8", "replace")).replace("\r\n", "\n")
        return bool(chunk)
