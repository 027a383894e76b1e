"""Chat imports through the real entry point: what real exports by other people showed (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_runner import Cli


def _telegram(path: Path, records: list[dict[str, object]]) -> Path:
    document = {"name": "Sam", "type": "personal_chat", "id": 100, "messages": records}
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_a_call_is_contact_of_its_own_not_a_message(cli: Cli, tmp_path: Path) -> None:
    export = _telegram(
        tmp_path / "result.json",
        [
            {
                "id": 1,
                "type": "service",
                "date": "2025-04-01T08:59:30",
                "actor": "Sam",
                "actor_id": "user100",
                "action": "phone_call",
                "duration_seconds": 300,
            },
            {
                "id": 2,
                "type": "message",
                "date": "2025-04-01T09:10:07",
                "from": "Sam",
                "from_id": "user100",
                "text": "thanks for picking up",
            },
            {
                "id": 3,
                "type": "message",
                "date": "2025-04-01T09:12:41",
                "from": "Alex",
                "from_id": "user200",
                "text": "any time",
            },
        ],
    )
    result = cli("import", str(export), "--me", "Alex", "--json")
    assert result.code == 0, result.err
    summary = result.json()
    assert (summary["messages"], summary["new"]) == (2, 2)
    assert (summary["calls"], summary["new_calls"]) == (1, 1)
    assert summary["first"] == "2025-04-01T09:10:07"  # the first message, to the second
    assert summary["last"] == "2025-04-01T09:12:41"
    assert summary["participants"] == {"Sam": 1, "Alex": 1}
    assert summary["evidence"]["Sam"]["calls"] == {"me": 0, "them": 1}
    again = cli("import", str(export), "--json").json()
    assert (again["new"], again["new_calls"]) == (0, 0)
    words = cli("import", str(export))
    assert "Calls read too: 1 (0 new)" in words.out


def _sms(path: Path, rows: list[tuple[int, int, str]]) -> Path:
    """(epoch ms, type 1 received / 2 sent, body) rows with Sam."""
    items = "\n".join(
        f'  <sms address="+15550001234" date="{when}" type="{box}" body="{body}" contact_name="Sam" />'
        for when, box, body in rows
    )
    path.write_text(
        f"<?xml version='1.0' encoding='UTF-8'?>\n<smses>\n{items}\n</smses>\n", "utf-8"
    )
    return path


def test_me_names_the_unnamed_owner_of_an_sms_backup(cli: Cli, tmp_path: Path) -> None:
    export = _sms(tmp_path / "sms.xml", [(1735722000000, 1, "hi"), (1735722060000, 2, "hello!")])
    result = cli("import", str(export), "--me", "Alex", "--json")
    assert result.code == 0, result.err
    summary = result.json()
    assert summary["me"] == "Me" and summary["people"] == {"Sam": "Sam"}
    assert summary["evidence"]["Sam"]["started"] == {"me": 0, "them": 1}


def test_an_sms_backup_with_only_received_messages_is_read_and_says_so(
    cli: Cli, tmp_path: Path
) -> None:
    export = _sms(tmp_path / "sms.xml", [(1735722000000, 1, "hi"), (1735808400000, 1, "you ok?")])
    result = cli("import", str(export), "--me", "Alex", "--json")
    assert result.code == 0, result.err
    summary = result.json()
    assert (summary["messages"], summary["new"]) == (2, 2)
    assert summary["evidence"]["Sam"]["unanswered"] == {"me": 0, "them": 2}
    assert any("Only Sam's side of this chat is in the export" in note for note in summary["notes"])
    fuller = _sms(
        tmp_path / "sms2.xml",
        [(1735722000000, 1, "hi"), (1735722060000, 2, "hey!"), (1735808400000, 1, "you ok?")],
    )
    assert cli("import", str(fuller), "--json").json()["new"] == 1  # the same chat


def _whatsapp(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_chat_where_only_they_wrote_is_the_same_chat_as_the_fuller_export(
    cli: Cli, tmp_path: Path
) -> None:
    theirs = _whatsapp(
        tmp_path / "WhatsApp Chat with Sam.txt",
        ["02/03/2025, 09:00 - Sam: are you there?", "03/03/2025, 09:00 - Sam: hello?"],
    )
    refused = cli("import", str(theirs))
    assert refused.code == 2
    assert "Only Sam writes in this chat, so it does not show which side is you" in refused.err
    result = cli("import", str(theirs), "--me", "Alex", "--json")
    assert result.code == 0, result.err
    assert result.json()["evidence"]["Sam"]["unanswered"] == {"me": 0, "them": 2}
    both = _whatsapp(
        tmp_path / "both.txt",
        [
            "02/03/2025, 09:00 - Sam: are you there?",
            "02/03/2025, 09:30 - Alex: yes, sorry!",
            "03/03/2025, 09:00 - Sam: hello?",
        ],
    )
    assert cli("import", str(both), "--json").json()["new"] == 1  # --me is remembered


def test_a_chat_where_only_i_wrote_takes_the_other_side_from_its_title(
    cli: Cli, tmp_path: Path
) -> None:
    mine = _whatsapp(
        tmp_path / "WhatsApp Chat with Sam.txt",
        ["02/03/2025, 09:00 - Alex: thinking of you", "09/03/2025, 09:00 - Alex: how are you?"],
    )
    result = cli("import", str(mine), "--me", "Alex", "--json")
    assert result.code == 0, result.err
    summary = result.json()
    assert summary["people"] == {"Sam": "Sam"} and summary["added"] == ["Sam"]
    assert summary["evidence"]["Sam"]["started"] == {"me": 2, "them": 0}
    assert any("Only your side of this chat is in the export" in n for n in summary["notes"])
    untitled = _whatsapp(tmp_path / "chat.txt", ["02/03/2025, 09:00 - Alex: anyone?"])
    refused = cli("import", str(untitled), "--me", "Alex")
    assert refused.code == 2 and "does not show who the other side is" in refused.err
    told = cli("import", str(untitled), "--me", "Alex", "--person", "Sam", "--json")
    assert told.code == 0, told.err


def test_epoch_seconds_where_milliseconds_belong_are_read_as_seconds(
    cli: Cli, tmp_path: Path
) -> None:
    from datetime import datetime

    when = datetime(2025, 1, 1, 9, 0, 5)
    seconds = int(when.timestamp())
    export = _sms(tmp_path / "old-tool.xml", [(seconds, 1, "hi"), (seconds + 60, 2, "hello")])
    summary = cli("import", str(export), "--me", "Alex", "--json").json()
    assert summary["first"] == "2025-01-01T09:00:05"
    assert any(
        note.startswith(
            "Times written in seconds where this kind of export writes milliseconds: 2."
        )
        for note in summary["notes"]
    )
    meta = tmp_path / "message_1.json"
    meta.write_text(
        json.dumps(
            {
                "messages": [
                    {
                        "sender_name": "Sam",
                        "timestamp_ms": seconds + 120,
                        "content": "x",
                        "type": "Generic",
                    },
                ]
            }
        ),
        encoding="utf-8",
    )
    assert (
        cli("import", str(meta), "--me", "Alex", "--json").json()["first"] == "2025-01-01T09:02:05"
    )


def test_a_one_sided_chat_takes_the_name_you_have_had_in_every_chat(
    cli: Cli, tmp_path: Path
) -> None:
    both = _whatsapp(
        tmp_path / "WhatsApp Chat with Sam.txt",
        ["02/03/2025, 09:00 - Sam: hi", "02/03/2025, 09:30 - Alex: hello"],
    )
    assert cli("import", str(both), "--me", "Alex").code == 0
    only_rosa = _whatsapp(
        tmp_path / "WhatsApp Chat with Rosa.txt", ["05/03/2025, 09:00 - Rosa: you there?"]
    )
    result = cli("import", str(only_rosa), "--json")
    assert result.code == 0, result.err
    assert result.json()["me"] == "Alex" and result.json()["people"] == {"Rosa": "Rosa"}
