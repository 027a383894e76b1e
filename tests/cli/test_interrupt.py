"""Ctrl-C, typed on a real terminal: one calm line, exit code 130, and nothing half-written.

A write in progress runs in one transaction, so an interrupt rolls it back and
"Nothing was changed" is true; ``serve`` is meant to be stopped this way, so it
ends calmly (exit 0) and says that what was saved is kept.
"""

from __future__ import annotations

import re
import time
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path

from reciprocity.coach import app as app_words
from tests.cli_runner import Cli, Terminal

STOPPED = f"reciprocity: {app_words.INTERRUPTED}"


def _said_after_interrupt(term: Terminal) -> list[str]:
    """The lines shown after the ^C the terminal echoed."""
    return [line.strip() for line in term.since.split("^C", 1)[-1].splitlines() if line.strip()]


def test_ctrl_c_in_a_check_in_says_one_line_and_saves_nothing(demo_cli: Cli) -> None:
    before = demo_cli("checkin", "list", "--json").json()
    term = Terminal(demo_cli.db, "checkin", "Jordan")
    term.expect("Enter to leave it): ")
    term.interrupt()
    assert term.wait() == 130
    assert _said_after_interrupt(term) == [STOPPED]
    assert demo_cli("checkin", "list", "--json").json() == before


def test_ctrl_c_at_are_you_sure_removes_nothing(demo_cli: Cli) -> None:
    term = Terminal(demo_cli.db, "people", "remove", "Theo")
    term.expect("Continue? [y/N]: ")
    term.interrupt()
    assert term.wait() == 130
    assert _said_after_interrupt(term) == [STOPPED]
    assert "Theo" in [p["name"] for p in demo_cli("people", "list", "--json").json()]


def test_ctrl_c_during_an_import_rolls_the_whole_import_back(cli: Cli, tmp_path: Path) -> None:
    export = tmp_path / "chat.txt"
    start = datetime(2020, 1, 1, 8, 0)
    with export.open("w", encoding="utf-8") as out:
        for i in range(400_000):
            when = start + timedelta(minutes=5 * i)
            out.write(f"{when:%d/%m/%Y, %H:%M} - {'Sam' if i % 3 else 'Alex'}: message {i}\n")
    term = Terminal(cli.db, "import", str(export), "--me", "Alex", timeout=180)
    term.expect("Reading messages")
    term.interrupt()
    assert term.wait() == 130, term.shown[-2000:]
    assert STOPPED in term.since
    assert "Read 400,000 messages" not in term.shown, "it was stopped part way"
    assert cli("people", "list", "--json").json() == [], "nothing of the import was kept"


def test_ctrl_c_stops_serve_calmly_and_says_what_is_kept(cli: Cli) -> None:
    assert cli("people", "add", "Sam").code == 0
    term = Terminal(cli.db, "serve", "--no-browser", "--port", "0")
    term.expect("(press Ctrl+C to stop).")
    found = re.search(r"open at (http://\S+/) ", term.shown)
    assert found, term.shown
    deadline = time.monotonic() + 30
    while True:  # Ctrl+C once it answers, as a person would
        try:
            with urllib.request.urlopen(found.group(1), timeout=2) as answer:
                assert answer.status == 200
                break
        except OSError:
            assert time.monotonic() < deadline, term.shown
            time.sleep(0.1)
    term.interrupt()
    assert term.wait() == 0
    assert _said_after_interrupt(term) == [app_words.SERVE_STOPPED]
    assert [p["name"] for p in cli("people", "list", "--json").json()] == ["Sam"]
