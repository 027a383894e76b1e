"""``reciprocity serve`` through its real entry point: a server on loopback, on demo data."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.browser.server import running_server


def test_serve_demo_answers_on_loopback_only() -> None:
    import httpx2

    with running_server() as server:
        page = httpx2.get(server.url)
        assert page.status_code == 200 and "Jordan" in page.text and "demo data" in page.text
        foreign = httpx2.get(server.url, headers={"Host": "rebound.example"})
        assert foreign.status_code == 400
        assert server.output().startswith("reciprocity is open at http://127.0.0.1:")


def test_the_command_line_defaults_match_the_app_settings() -> None:
    from reciprocity.cli import serve
    from reciprocity.web import settings

    assert serve.DEFAULT_PORT == settings.DEFAULT_PORT
    assert serve.UPLOAD_LIMIT_MB * 1024 * 1024 == settings.DEFAULT_UPLOAD_LIMIT


def _serve(*arguments: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reciprocity", "serve", "--demo", *arguments],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "BROWSER": "false"},
    )


def test_a_busy_port_is_said_in_one_line_before_anything_opens() -> None:
    with socket.create_server(("127.0.0.1", 0)) as held:
        port = held.getsockname()[1]
        done = _serve("--port", str(port))
    assert done.returncode == 2 and done.stdout == ""
    [line] = done.stderr.splitlines()
    assert f"Port {port} on 127.0.0.1 cannot be used (Address already in use)" in line
    assert "--port" in line and "Traceback" not in done.stderr


def test_only_this_computer_is_served() -> None:
    for host in ("0.0.0.0", "::", "192.168.1.20", "example.org"):
        done = _serve("--host", host, "--no-browser")
        assert done.returncode == 2 and done.stdout == "", host
        [line] = done.stderr.splitlines()
        assert f"on {host}, anyone on your network could read everything" in line


def test_a_polite_stop_removes_the_demo_copy_and_a_new_start_sweeps_what_a_kill_left(
    tmp_path: Path,
) -> None:
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    left = Path(tempfile.gettempdir()) / f"reciprocity-imports-{gone.stdout.strip()}-abcd1234"
    (left / "job").mkdir(parents=True)
    (left / "job" / "chat.txt").write_text("12/03/2024, 10:00 - Sam: private words")
    with running_server() as server:
        assert not left.exists(), "a dead process's upload is swept away at start"
        pid = server.process.pid
        mine = list(Path(tempfile.gettempdir()).glob(f"reciprocity-demo-{pid}-*"))
        assert len(mine) == 1 and (mine[0] / "demo.db").is_file()
        assert stat.S_IMODE(mine[0].stat().st_mode) == 0o700
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(timeout=30) == 0
        assert not mine[0].exists(), "the demo's copy goes with the server"
