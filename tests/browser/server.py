"""Run the real ``reciprocity serve`` in a subprocess on a free loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def running_server(*arguments: str, timeout: float = 30.0) -> Iterator[Server]:
    """``reciprocity serve --demo --no-browser`` (plus ``arguments``), stopped afterwards."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="reciprocity-serve-") as folder:
        log = Path(folder) / "server.log"
        with log.open("wb") as sink:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "reciprocity",
                    "serve",
                    "--demo",
                    "--no-browser",
                    "--port",
                    str(port),
                    *arguments,
                ],
                stdout=sink,
                stderr=subprocess.STDOUT,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
            )
            server = Server(f"http://127.0.0.1:{port}/", process, log)
            try:
                _wait(server, timeout)
                yield server
            finally:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def _wait(server: Server, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"reciprocity serve stopped early:\n{server.output()}")
        try:
            with urllib.request.urlopen(server.url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"reciprocity serve did not answer within {timeout}s:\n{server.output()}")
