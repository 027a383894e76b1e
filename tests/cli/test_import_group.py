"""A group chat through the real entry point: who joins the list is asked, never assumed.

Strangers, phone numbers and emoji names in a group do not become people
silently: ``--person NAME`` (once for each) says whom to add, a terminal is
asked, and a script without either is told the names in one line and stops
before anything is written. The summary says what the chat suggests as a
leaning with how sure it can be; the counts stay in ``--json``.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

from tests.cli_runner import Cli, Terminal

TALLY = re.compile(
    r"\d\s*/\s*\d|\d+\s+(?:started\s+)?(?:by|from)\s|\b(?:by|from) you\b", re.IGNORECASE
)
"""What a head-to-head tally looks like in words: "41 / 0", "58 by you", "10 from you"."""

STRANGER = "🌵 Cactus Fan"
PHONE = "+44 7700 900123"


def group_export(path: Path) -> Path:
    """A climbing group: Alex (the user), Sam and Rosa, a cactus emoji and a phone number."""
    lines = [
        "01/06/2026, 09:00 - Alex: anyone up for the wall tonight?",
        "01/06/2026, 09:10 - Sam: yes!",
        "02/06/2026, 10:00 - Alex: shoes left at the gym, whose are they?",
        "03/06/2026, 18:00 - Rosa: how are you all doing?",
        "03/06/2026, 18:20 - Alex: good, tired",
        "04/06/2026, 12:00 - Sam: lunch?",
        "04/06/2026, 12:05 - Rosa: sure",
        f"05/06/2026, 08:00 - {STRANGER}: selling climbing shoes, size 42",
        f"14/06/2026, 08:30 - {PHONE}: who added me?",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def stored(db: Path) -> tuple[list[str], int]:
    """The people in the list, and how many chats are stored."""
    if not db.exists():
        return [], 0
    with sqlite3.connect(db) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if "person" not in tables:
            return [], 0
        names = [row[0] for row in connection.execute("SELECT name FROM person ORDER BY id")]
        return names, connection.execute("SELECT count(*) FROM chat").fetchone()[0]


def test_a_group_adds_only_the_people_named(cli: Cli, tmp_path: Path) -> None:
    export = group_export(tmp_path / "WhatsApp Chat with Climbing.txt")
    result = cli("import", str(export), "--me", "Alex", "--person", "Sam", "--person", "rosa")
    assert result.code == 0, result.err
    assert "Added to your list: Sam, Rosa." in result.out
    assert f"Not added to your list: {STRANGER}, {PHONE}." in result.out
    assert "With Sam:" in result.out and "With Rosa:" in result.out
    assert STRANGER not in result.out.split("Not added")[0], "no reading for someone not added"
    assert not TALLY.search(result.out), result.out
    assert stored(cli.db) == (["Sam", "Rosa"], 1)

    # The counts stay for scripts, in --json; the one not added is named there too.
    again = cli("import", str(export), "--person", "Sam", "--json")
    assert again.code == 0, again.err
    summary = again.json()
    assert summary["new"] == 0 and summary["added"] == []
    assert summary["not_added"] == [STRANGER, PHONE], "Rosa is in the list now, so she is read"
    assert sorted(summary["evidence"]) == ["Rosa", "Sam"]
    assert summary["evidence"]["Sam"]["started"] == {"me": 1, "them": 0}
    assert stored(cli.db)[0] == ["Sam", "Rosa"]


def test_a_later_import_adds_someone_left_out_before(cli: Cli, tmp_path: Path) -> None:
    export = group_export(tmp_path / "climbing.txt")
    assert cli("import", str(export), "--me", "Alex", "--person", "Sam").code == 0
    assert stored(cli.db) == (["Sam"], 1)
    later = cli("import", str(export), "--person", "Rosa", "--json")
    assert later.code == 0, later.err
    summary = later.json()
    assert summary["added"] == ["Rosa"] and summary["new"] == 0
    assert summary["evidence"]["Rosa"]["started"] == {"me": 0, "them": 1}, (
        "read from the stored chat"
    )
    assert sorted(summary["evidence"]) == ["Rosa", "Sam"]
    assert stored(cli.db) == (["Sam", "Rosa"], 1)


def test_without_a_terminal_the_names_are_said_and_nothing_is_written(
    cli: Cli, tmp_path: Path
) -> None:
    export = group_export(tmp_path / "climbing.txt")
    for result in (
        cli("import", str(export), "--me", "Alex"),
        cli.process("import", str(export), "--me", "Alex"),  # stdin is a pipe, not a terminal
    ):
        assert result.code == 2, result
        assert result.out == ""
        lines = result.err.strip().splitlines()
        assert len(lines) == 1, result.err
        assert f"Sam, Rosa, {STRANGER}, {PHONE}" in lines[0]
        assert "--person NAME" in lines[0] and "--add-none" in lines[0]
        assert stored(cli.db) == ([], 0)


def test_adding_none_of_them_is_an_answer(cli: Cli, tmp_path: Path) -> None:
    export = group_export(tmp_path / "climbing.txt")
    both = cli("import", str(export), "--me", "Alex", "--person", "Sam", "--add-none")
    assert both.code == 2 and "not both" in both.err
    assert stored(cli.db) == ([], 0)
    none = cli("import", str(export), "--me", "Alex", "--add-none")
    assert none.code == 0, none.err
    assert f"Not added to your list: Sam, Rosa, {STRANGER}, {PHONE}." in none.out
    assert "With " not in none.out
    assert stored(cli.db) == ([], 1)


def test_a_name_not_in_the_group_is_refused_with_the_names_in_it(cli: Cli, tmp_path: Path) -> None:
    export = group_export(tmp_path / "climbing.txt")
    said = {}
    for wrong in ("Samantha", "alex"):
        result = cli("import", str(export), "--me", "Alex", "--person", "Sam", "--person", wrong)
        assert result.code == 2
        assert len(result.err.strip().splitlines()) == 1
        said[wrong] = result.err
    assert (
        f"'Samantha' does not write in this chat; the people who do are: Sam, Rosa, {STRANGER}"
        in (said["Samantha"])
    )
    assert "'Alex' is you in this chat" in said["alex"]
    assert stored(cli.db) == ([], 0)


def test_a_terminal_is_asked_whom_to_add(cli: Cli, tmp_path: Path) -> None:
    export = group_export(tmp_path / "climbing.txt")
    term = Terminal(cli.db, "import", str(export), "--me", "Alex")
    term.expect("Which of them would you like to add?")
    for number, name in enumerate(["Sam", "Rosa", STRANGER, PHONE], 1):
        term.expect(f"{number}. {name}")
    term.expect("(press Enter to add no one): ")
    term.send("2, someone else")
    term.expect("'someone else' is not one of the numbers or names above")
    term.expect("(press Enter to add no one): ")
    term.send("rosa, 1")
    assert term.wait() == 0
    assert "Added to your list: Sam, Rosa." in term.shown
    assert f"Not added to your list: {STRANGER}, {PHONE}." in term.shown
    assert stored(cli.db) == (["Sam", "Rosa"], 1)


def test_a_terminal_may_add_no_one(cli: Cli, tmp_path: Path) -> None:
    export = group_export(tmp_path / "climbing.txt")
    term = Terminal(cli.db, "import", str(export), "--me", "Alex")
    term.expect("(press Enter to add no one): ")
    term.send("")
    assert term.wait() == 0
    assert "Not added to your list: Sam, Rosa" in term.shown
    assert stored(cli.db) == ([], 1)


def test_a_two_person_chat_takes_one_name(cli: Cli, tmp_path: Path) -> None:
    export = tmp_path / "pair.txt"
    export.write_text(
        "01/06/2026, 09:00 - Alex: hi\n01/06/2026, 09:10 - Sam: hello\n", encoding="utf-8"
    )
    twice = cli("import", str(export), "--me", "Alex", "--person", "Sam", "--person", "Sammy")
    assert twice.code == 2 and "only one name can be given" in twice.err
    assert stored(cli.db) == ([], 0)
    once = cli("import", str(export), "--me", "Alex", "--person", "Samira")
    assert once.code == 0, once.err
    assert stored(cli.db) == (["Samira"], 1), "a two-person chat is never asked about"


def test_the_summary_says_a_leaning_with_how_sure_never_a_tally(cli: Cli, tmp_path: Path) -> None:
    """Alex starts every one of forty conversations: the summary leans, and counts nothing."""
    export = tmp_path / "WhatsApp Chat with Sam.txt"
    start = datetime.combine(date.today() - timedelta(days=60), datetime.min.time())
    lines = []
    for day in range(40):
        when = start + timedelta(days=day)
        lines.append(f"{when:%d/%m/%Y}, 09:00 - Alex: morning! how did it go yesterday?")
        lines.append(f"{when:%d/%m/%Y}, 09:05 - Sam: good, thanks")
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("import", str(export), "--me", "Alex")
    assert result.code == 0, result.err
    assert "Initiation: you have been carrying more" in result.out
    assert "read from 40 signs in this chat" in result.out
    assert not TALLY.search(result.out), result.out
    assert "40 by you" not in result.out and "0 by Sam" not in result.out
    counted = cli("import", str(export), "--json").json()
    assert counted["evidence"]["Sam"]["started"] == {"me": 40, "them": 0}, "scripts keep counts"


def test_a_large_group_is_named_in_one_line_and_asked_in_full(cli: Cli, tmp_path: Path) -> None:
    export = tmp_path / "street.txt"
    lines = ["01/06/2026, 09:00 - Alex: the bins go out on thursday now"]
    lines += [f"01/06/2026, 09:{n + 1:02d} - +44 7700 9001{n:02d}: thanks!" for n in range(20)]
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("import", str(export), "--me", "Alex")
    assert result.code == 2 and len(result.err.strip().splitlines()) == 1
    assert "+44 7700 900111 and 8 more." in result.err and "900112" not in result.err
    term = Terminal(cli.db, "import", str(export), "--me", "Alex")
    term.expect("20. +44 7700 900119")
    term.expect("(press Enter to add no one): ")
    term.send("20")
    assert term.wait() == 0
    assert stored(cli.db) == (["+44 7700 900119"], 1)
