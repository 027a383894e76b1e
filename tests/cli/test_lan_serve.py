"""``reciprocity serve --lan`` and ``reciprocity pair`` through the real entry point.

The "network" is 127.0.0.2 (Linux routes all of 127/8 to this machine): the
app answers on 127.0.0.1, the phones' listener on 127.0.0.2, each in its own
process's view exactly as on a home network.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from reciprocity.cli.app import bare_lan
from reciprocity.cli.serve import duration, lan_address, network_address
from reciprocity.coach import devices as words
from reciprocity.errors import InputError
from tests.browser.server import free_port

TOKEN = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')
ENV = {**os.environ, "PYTHONUNBUFFERED": "1", "BROWSER": "false"}


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reciprocity", "--db", f"sqlite:///{db}", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=ENV,
    )


@dataclass
class Served:
    home: str
    lan: str
    process: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextmanager
def serving(tmp_path: Path, db: Path, *extra: str) -> Iterator[Served]:
    port, lan_port = free_port(), free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "reciprocity",
                "--db",
                f"sqlite:///{db}",
                "serve",
                "--no-browser",
                "--port",
                str(port),
                "--lan",
                f"127.0.0.2:{lan_port}",
                *extra,
            ],
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=ENV,
        )
    served = Served(f"http://127.0.0.1:{port}", f"http://127.0.0.2:{lan_port}", process, log)
    try:
        deadline = time.monotonic() + 30
        while not _answers(served.home):
            assert process.poll() is None, served.output()
            assert time.monotonic() < deadline, served.output()
            time.sleep(0.1)
        yield served
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _answers(url: str) -> bool:
    import httpx2

    try:
        return httpx2.get(url + "/", timeout=2).status_code == 200
    except httpx2.HTTPError:
        return False


def _refused(url: str, within: float = 10.0) -> bool:
    """Whether the listener at ``url`` stops taking connections within ``within`` seconds."""
    host, port = url.removeprefix("http://").split(":")
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, int(port)), timeout=1):
                pass
        except ConnectionRefusedError:
            return True
        time.sleep(0.2)
    return False


def test_a_phone_pairs_notes_a_moment_and_the_listener_closes(tmp_path: Path) -> None:
    import httpx2

    db = tmp_path / "mine.db"
    assert _cli(db, "people", "add", "Sam").returncode == 0
    with serving(tmp_path, db) as served:
        output = served.output()
        assert f"Open to phones on your network at {served.lan}/ until " in output
        made = _cli(db, "pair", "--json")
        assert made.returncode == 0, made.stderr
        link = json.loads(made.stdout)["url"]
        assert link.startswith(served.lan + "/pair/")
        shown = _cli(db, "pair")
        assert shown.returncode == 0 and served.lan + "/pair/" in shown.stdout
        assert "▀" in shown.stdout or "█" in shown.stdout  # the QR code, drawn in text
        with httpx2.Client() as phone:
            form = phone.get(link)
            assert form.status_code == 200 and words.LAN_TRUST_NOTE in form.text
            token = TOKEN.search(form.text).group(1)  # type: ignore[union-attr]
            paired = phone.post(link, data={"name": "Alex's phone", "csrf_token": token})
            assert paired.status_code == 303 and paired.headers["location"] == "/capture?paired=1"
            page = phone.get(served.lan + "/capture")
            assert page.status_code == 200 and "<option>Sam</option>" in page.text
            saved = phone.post(
                served.lan + "/capture",
                data={
                    "csrf_token": token,
                    "person": "Sam",
                    "text": "Sam walked me home",
                    "by": "them",
                    "dimensions": "crisis",
                },
            )
            assert saved.status_code == 200 and "Noted with Sam" in saved.text
            for elsewhere in ("/", "/api/people", "/data/export.json", "/people/1", "/settings"):
                assert phone.get(served.lan + elsewhere).status_code == 404, elsewhere
            assert (
                phone.get(served.lan + "/capture", headers={"host": "evil.example"}).status_code
                == 400
            )
        listed = _cli(db, "moment", "list", "--json")
        assert "Sam walked me home" in listed.stdout

        with httpx2.Client() as home:
            token = TOKEN.search(home.get(served.home + "/phones").text).group(1)  # type: ignore[union-attr]
            closed = home.post(
                served.home + "/phones/close", data={"csrf_token": token, "back": "/"}
            )
            assert closed.status_code == 303
            assert _refused(served.lan), "the listener's socket no longer takes connections"
            assert home.get(served.home + "/").status_code == 200  # the app goes on
        after = _cli(db, "pair")
        assert after.returncode != 0 and words.PAIR_NO_LISTENER in after.stderr
        assert words.SERVE_LAN_CLOSED in served.output()


def test_the_listener_closes_itself_when_its_time_is_up(tmp_path: Path) -> None:
    db = tmp_path / "mine.db"
    with serving(tmp_path, db, "--lan-for", "4s") as served:
        assert "Open to phones on your network" in served.output()
        assert _refused(served.lan, within=20)
        assert _answers(served.home)
        assert words.SERVE_LAN_CLOSED in served.output()


def test_without_lan_nothing_listens_beyond_this_computer(tmp_path: Path) -> None:
    from tests.browser.server import running_server

    with running_server() as server:
        port = int(server.url.rstrip("/").rsplit(":", 1)[1])
        for target in (port, port + 1):
            with pytest.raises(ConnectionRefusedError):
                socket.create_connection(("127.0.0.2", target), timeout=2).close()
        assert "phones" not in server.output()


def test_a_bad_lan_address_or_time_is_one_line_and_nothing_opens(tmp_path: Path) -> None:
    for arguments, said in (
        (["--lan", "8.8.8.8:8766"], "not an address on a private network"),
        (["--lan", "127.0.0.2", "--lan-for", "forever"], "'forever' is not a length of time"),
    ):
        done = _cli(tmp_path / "x.db", "serve", "--no-browser", "--port", "0", *arguments)
        assert done.returncode == 2 and done.stdout == ""
        [line] = done.stderr.splitlines()
        assert said in line
    for value, said in (
        ("0.0.0.0", words.SERVE_LAN_NOT_PRIVATE.format(address="0.0.0.0")),
        ("my-laptop.local", words.SERVE_LAN_BAD.format(value="my-laptop.local")),
        ("127.0.0.2:99999", words.SERVE_LAN_BAD.format(value="127.0.0.2:99999")),
        ("127.0.0.2:http", words.SERVE_LAN_BAD.format(value="127.0.0.2:http")),
    ):
        with pytest.raises(InputError) as refused:
            lan_address(value)
        assert str(refused.value) == said
    for value in ("0m", "25h", "2x", ""):
        with pytest.raises(InputError, match="is not a length of time"):
            duration(value)


def test_pair_without_a_listener_says_how_to_open_one(tmp_path: Path) -> None:
    done = _cli(tmp_path / "x.db", "pair")
    assert done.returncode != 0 and done.stdout == ""
    assert done.stderr.strip() == f"reciprocity: {words.PAIR_NO_LISTENER}"


def test_the_lan_option_reads_like_its_help() -> None:
    assert bare_lan(["serve", "--lan"]) == ["serve", "--lan="]
    assert bare_lan(["--db", "x", "serve", "--lan", "--port", "3"]) == [
        "--db",
        "x",
        "serve",
        "--lan=",
        "--port",
        "3",
    ]
    assert bare_lan(["serve", "--lan", "10.0.0.2:9000"]) == ["serve", "--lan", "10.0.0.2:9000"]
    assert bare_lan(["log", "Sam", "--lan"]) == ["log", "Sam", "--lan"]
    assert lan_address("192.168.1.20") == ("192.168.1.20", None)
    assert lan_address("10.0.0.5:9000") == ("10.0.0.5", 9000)
    assert lan_address("[fd00::5]:9000") == ("fd00::5", 9000)
    with pytest.raises(InputError):
        lan_address("[::]:9000")
    found = network_address()
    assert found is None or not found.startswith("127.")
    if found is None:
        with pytest.raises(InputError, match="no network address"):
            lan_address("")
    else:
        assert lan_address("") == (found, None)
    assert duration("2h") == 7200 and duration("1h30m") == 5400 and duration("45s") == 45


def test_a_busy_port_for_phones_is_one_line(tmp_path: Path) -> None:
    with socket.create_server(("127.0.0.2", 0)) as held:
        port = held.getsockname()[1]
        done = _cli(
            tmp_path / "x.db", "serve", "--no-browser", "--port", "0", "--lan", f"127.0.0.2:{port}"
        )
    assert done.returncode == 2 and done.stdout == ""
    [line] = done.stderr.splitlines()
    assert f"Port {port} on 127.0.0.2 cannot be used for phones" in line
    assert "--lan 127.0.0.2:PORT" in line
