"""Importing chat exports through the real entry point: summary, privacy, no double counting."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.cli_runner import Cli

FIXTURES = Path(__file__).resolve().parents[1] / "evidence" / "fixtures"


def _write_chat(path: Path, start: datetime, days: int, *, she_starts_every: int = 3) -> None:
    """A WhatsApp export in which Alex starts most conversations and Sam asks how things went."""
    lines = []
    for day in range(days):
        when = start + timedelta(days=day)
        first, second = ("Sam", "Alex") if day % she_starts_every == 0 else ("Alex", "Sam")
        lines.append(
            f"{when:%d/%m/%Y}, 09:{day % 50:02d} - {first}: morning! how did it go yesterday?"
        )
        lines.append(f"{when:%d/%m/%Y}, 09:{day % 50 + 5:02d} - {second}: good, thanks")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_import_a_whatsapp_export_then_again(cli: Cli, tmp_path: Path) -> None:
    export = tmp_path / "WhatsApp Chat with Sam.txt"
    start = datetime.combine(date.today() - timedelta(days=45), datetime.min.time())
    _write_chat(export, start, 30)
    first = cli("import", str(export), "--me", "Alex", "--json")
    assert first.code == 0, first.err
    summary = first.json()
    assert summary["format"] == "whatsapp"
    assert summary["messages"] == summary["new"] == 60
    assert summary["conversations"] == 30
    assert summary["first"] == f"{start:%Y-%m-%d}T09:00:00"
    assert summary["participants"] == {"Sam": 30, "Alex": 30}
    assert summary["people"] == {"Sam": "Sam"} and summary["added"] == ["Sam"]
    assert summary["evidence"]["Sam"]["started"] == {"me": 20, "them": 10}

    again = cli("import", str(export), "--json")  # --me is remembered
    assert again.code == 0, again.err
    assert again.json()["new"] == 0 and again.json()["me"] == "Alex"

    longer = tmp_path / "longer.txt"
    _write_chat(longer, start, 40)
    overlapping = cli("import", str(longer), "--json").json()
    assert overlapping["messages"] == 80 and overlapping["new"] == 20
    with sqlite3.connect(cli.db) as db:
        assert db.execute("SELECT sum(messages), count(*) FROM chat_day").fetchone() == (80, 40)
        assert db.execute("SELECT count(*) FROM chat_day WHERE texts IS NOT NULL").fetchone() == (
            0,
        )
        starts = db.execute("SELECT count(*) FROM evidence WHERE kind = 'started'").fetchone()
        assert starts == (40,)  # derived again from every stored message, once each

    pattern = cli("patterns", "Sam", "--json").json()
    assert (
        pattern["dimensions"]["initiation"]["moments"]["me"]
        + pattern["dimensions"]["initiation"]["moments"]["them"]
        > 0
    )


def test_keep_text_is_an_opt_in(cli: Cli, tmp_path: Path) -> None:
    export = tmp_path / "chat.txt"
    _write_chat(export, datetime(2026, 6, 1), 3)
    result = cli("import", str(export), "--me", "Alex", "--person", "Sam Lee", "--keep-text")
    assert result.code == 0, result.err
    assert "text was kept" in result.out
    with sqlite3.connect(cli.db) as db:
        texts = db.execute("SELECT texts FROM chat_day ORDER BY day").fetchall()
    assert json.loads(texts[0][0]) == ["morning! how did it go yesterday?", "good, thanks"]
    assert [p["name"] for p in cli("people", "list", "--json").json()] == ["Sam Lee"]


def test_who_am_i_is_asked_with_the_participants(cli: Cli, corpus: Path) -> None:
    result = cli("import", str(corpus / "pitfalls" / "case_crlf.txt"))
    assert result.code == 2
    assert "Alice, Bob" in result.err and "--me" in result.err
    wrong = cli("import", str(corpus / "pitfalls" / "case_crlf.txt"), "--me", "Carol")
    assert wrong.code == 2 and "Alice, Bob" in wrong.err
    assert cli("people", "list", "--json").json() == []


def test_person_cannot_be_me(cli: Cli, corpus: Path) -> None:
    result = cli(
        "import", str(corpus / "pitfalls" / "case_crlf.txt"), "--me", "Alice", "--person", "alice"
    )
    assert result.code == 2
    assert "'Alice' is you in this chat" in result.err
    assert cli("people", "list", "--json").json() == []


@pytest.mark.parametrize(
    ("fixture", "options", "format_name", "person"),
    [
        (
            "telegram/account.json",
            ["--chat", "Alex Rivera", "--person", "Alex Rivera"],
            "telegram",
            "Alex Rivera",
        ),
        ("sms/messages.xml", ["--chat", "Priya"], "sms", "Priya"),
        ("discord/dm.json", ["--me", "Jo"], "discord", "Kit"),
        ("csv/messages.csv", [], "csv", "Sam"),
        ("signal/data.json", [], "signal", "Aya"),
        ("messenger/mis_encoded.json", ["--me", "Sam Okafor"], "messenger", "Zoë Martín"),
        (
            "whatsapp/WhatsApp Chat - Family.zip",
            ["--me", "Alice", "--person", "Bob"],
            "whatsapp",
            "Bob",
        ),
    ],
)
def test_every_format_imports(
    cli: Cli, fixture: str, options: list[str], format_name: str, person: str
) -> None:
    result = cli("import", str(FIXTURES / fixture), "--json", *options)
    assert result.code == 0, result.err
    summary = result.json()
    assert summary["format"] == format_name
    assert summary["messages"] > 0 and summary["new"] == summary["messages"]
    assert person in summary["people"].values()
    assert person in [p["name"] for p in cli("people", "list", "--json").json()]


def test_broken_exports_change_nothing(cli: Cli, tmp_path: Path) -> None:
    cases = {
        "random.bin": bytes(range(256)) * 4,
        "truncated.json": b'{"name": "Sam", "type": "personal_chat", "messages": [{"id": 1, "date": "20',
        "empty.txt": b"",
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        result = cli("import", str(path), "--me", "Alex")
        assert result.code != 0, name
        assert str(path) in result.err and len(result.err.strip().splitlines()) == 1, result.err
    bomb = cli("import", str(FIXTURES / "sms" / "billion_laughs.xml"))
    assert bomb.code != 0 and "billion_laughs.xml" in bomb.err
    assert cli("people", "list", "--json").json() == []


def test_in_a_group_only_shared_conversations_count_for_each_person(
    cli: Cli, tmp_path: Path
) -> None:
    """Alex writing to the group is not Alex starting a conversation with everyone in it."""
    export = tmp_path / "WhatsApp Chat with Climbing.txt"
    export.write_text(
        "\n".join(
            [
                # Day 1: Alex and Sam talk; Rosa is silent.
                "01/06/2026, 09:00 - Alex: anyone up for the wall tonight?",
                "01/06/2026, 09:10 - Sam: yes!",
                # Day 2: Alex writes, nobody answers.
                "02/06/2026, 10:00 - Alex: shoes left at the gym, whose are they?",
                # Day 3: Rosa starts, Alex answers; Sam is silent.
                "03/06/2026, 18:00 - Rosa: how are you all doing?",
                "03/06/2026, 18:20 - Alex: good, tired",
                # Day 4: Sam and Rosa talk without Alex.
                "04/06/2026, 12:00 - Sam: lunch?",
                "04/06/2026, 12:05 - Rosa: sure",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    result = cli(
        "import", str(export), "--me", "Alex", "--person", "Sam", "--person", "Rosa", "--json"
    )
    assert result.code == 0, result.err
    evidence = result.json()["evidence"]
    assert evidence["Sam"]["conversations"] == 1
    assert evidence["Sam"]["started"] == {"me": 1, "them": 0}
    assert evidence["Rosa"]["conversations"] == 1
    assert evidence["Rosa"]["started"] == {"me": 0, "them": 1}
    assert evidence["Sam"]["unanswered"] == evidence["Rosa"]["unanswered"] == {"me": 0, "them": 0}


def test_a_whole_sms_backup_is_imported_one_conversation_at_a_time(cli: Cli) -> None:
    backup = FIXTURES / "sms" / "messages.xml"
    whole = cli("import", str(backup))
    assert whole.code == 2
    assert "3 conversations" in whole.err and "Priya" in whole.err and "--chat" in whole.err
    assert cli("people", "list", "--json").json() == []
    one = cli("import", str(backup), "--chat", "Priya", "--json")
    assert one.code == 0, one.err
    assert one.json()["people"] == {"Priya": "Priya"}


def test_chats_travel_in_the_export_and_are_still_recognised(cli: Cli, tmp_path: Path) -> None:
    export = tmp_path / "chat.txt"
    _write_chat(export, datetime(2026, 5, 1), 12)
    assert cli("import", str(export), "--me", "Alex", "--keep-text").code == 0
    first = tmp_path / "first.json"
    wrote = cli("export", str(first))
    assert wrote.code == 0 and "1 imported chat " in wrote.out
    chats = json.loads(first.read_text())["chats"]
    assert [c["members"] for c in chats] == [[{"name": "Sam", "person": "Sam"}, {"name": "Alex"}]]
    assert len(chats[0]["messages"]["minutes"]) == len(chats[0]["texts"]) == 24

    other = Cli(tmp_path / "other.db", cli.capsys)
    restored = other("import", str(first), "--json")
    assert restored.code == 0, restored.err
    assert restored.json()["chats"] == 1 and restored.json()["chat_messages"] == 24
    second = tmp_path / "second.json"
    assert other("export", str(second)).code == 0
    assert json.loads(second.read_text())["chats"] == chats
    with sqlite3.connect(cli.db) as a, sqlite3.connect(other.db) as b:
        query = "SELECT day, giver, kind FROM evidence ORDER BY day, giver, kind"
        assert a.execute(query).fetchall() == b.execute(query).fetchall() != []
    again = other("import", str(export), "--json")
    assert again.code == 0 and again.json()["new"] == 0


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda c: c["messages"].update(authors=[5] * 24), "chats[0].messages: 'authors'"),
        (lambda c: c["messages"]["minutes"].pop(), "same length"),
        (lambda c: c["messages"].update(kinds="text"), "'kinds' should be a list"),
        (lambda c: c.update(me="Nobody"), "chats[0]: 'Nobody'"),
        (lambda c: c["members"][0].update(person="Ghost"), "chats[0].members[0]"),
    ],
)
def test_a_damaged_chat_in_an_export_changes_nothing(
    cli: Cli, tmp_path: Path, change: Any, where: str
) -> None:
    export = tmp_path / "chat.txt"
    _write_chat(export, datetime(2026, 5, 1), 12)
    assert cli("import", str(export), "--me", "Alex").code == 0
    document = tmp_path / "all.json"
    assert cli("export", str(document)).code == 0
    data = json.loads(document.read_text())
    change(data["chats"][0])
    document.write_text(json.dumps(data))
    other = Cli(tmp_path / "other.db", cli.capsys)
    result = other("import", str(document))
    assert result.code != 0 and where in result.err, result.err
    assert other("people", "list", "--json").json() == []


def test_a_damaged_stored_day_is_named_and_nothing_changes(cli: Cli, tmp_path: Path) -> None:
    export = tmp_path / "chat.txt"
    _write_chat(export, datetime(2026, 5, 1), 3)
    assert cli("import", str(export), "--me", "Alex").code == 0
    with sqlite3.connect(cli.db) as db:
        db.execute("UPDATE chat_day SET outline = X'0102' WHERE day = '2026-05-02'")
    longer = tmp_path / "longer.txt"
    _write_chat(longer, datetime(2026, 5, 1), 5)
    result = cli("import", str(longer), "--me", "Alex")
    assert result.code != 0
    assert "2 May 2026" in result.err and "backup" in result.err
    assert len(result.err.strip().splitlines()) == 1
    with sqlite3.connect(cli.db) as db:
        assert db.execute("SELECT count(*) FROM chat_day").fetchone() == (3,)
