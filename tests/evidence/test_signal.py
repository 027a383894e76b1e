"""Signal exports written by signal-export: Markdown and JSON lines."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from reciprocity.errors import ImportFormatError
from reciprocity.evidence import signal
from reciprocity.evidence.message import MessageKind

FIXTURES = Path(__file__).parent / "fixtures" / "signal"


def test_corpus_export_reproduces_the_target(corpus: Path) -> None:
    # signal/target.json matches test_export.txt (chat-miner's test_signal.py).
    # signal/test_target.csv is left over from an older test_export.txt
    # ("Author 1", "Author 2" on 2019-05-29) and describes no file in the corpus.
    folder = corpus / "chat-miner" / "test" / "signal"
    target = json.loads((folder / "target.json").read_text(encoding="utf-8"))
    expected = [(datetime.fromisoformat(row["timestamp"]), row["author"]) for row in target]
    chat = signal.parse(folder / "test_export.txt")
    messages = list(chat.messages)
    # Signal times are wall-clock text: no zone is involved. The target is newest first.
    assert [(m.sent, m.author) for m in messages] == expected[::-1]
    assert [m.text for m in messages] == ["Hello John!", "Hello\nJane!"]  # line breaks kept
    assert chat.participants == {"Jane Doe": 1, "John Doe": 1}
    assert chat.me is None  # nobody is "Me" in this file
    assert chat.skipped == []


def test_markdown_fixture() -> None:
    chat = signal.parse(FIXTURES / "chat.md")
    messages = list(chat.messages)
    assert [(m.sent, m.author, m.kind, m.line) for m in messages] == [
        (datetime(2024, 3, 10, 8, 15, 2), "Me", MessageKind.TEXT, 1),
        (datetime(2024, 3, 10, 8, 40, 55), "Aya", MessageKind.TEXT, 3),
        (datetime(2024, 3, 10, 8, 41, 10), "Aya", MessageKind.MEDIA, 11),
        (datetime(2024, 3, 10, 12, 0), "Me", MessageKind.CALL, 13),
        (datetime(2024, 3, 11, 19, 30), "Aya", MessageKind.DELETED, 15),
        (datetime(2024, 3, 12, 7, 0), "Aya", MessageKind.TEXT, 20),
    ]
    # The quoted reply and the reactions line are not part of what Aya wrote.
    assert messages[1].text == "It went well I think 😅\nStill waiting to hear back."
    assert messages[0].text == "Morning! How did the interview go?"  # trailing spaces gone
    assert messages[5].text.startswith("[2024-01-01 00:00] is how")
    # A header with an impossible date is skipped, and its body goes with it.
    assert [(s.line, s.reason) for s in chat.skipped] == [
        (17, "2024-02-30 10:00:00 is not a real date")
    ]
    assert chat.me == "Me"
    assert chat.participants == {"Me": 2, "Aya": 4}


def test_json_lines_fixture() -> None:
    chat = signal.parse(FIXTURES / "data.json", tz=UTC)
    messages = list(chat.messages)
    assert [(m.sent, m.author, m.text, m.kind) for m in messages] == [
        (
            datetime(2024, 3, 10, 8, 15, 2),
            "Me",
            "Morning! How did the interview go?",
            MessageKind.TEXT,
        ),
        (datetime(2024, 3, 10, 8, 40, 55), "Aya", "It went well I think 😅", MessageKind.TEXT),
        (datetime(2024, 3, 10, 8, 41, 10), "Aya", "", MessageKind.MEDIA),
        (
            datetime(2024, 3, 10, 12, 0),
            "Me",
            "Outgoing voice call (accepted, 3m 2s)",
            MessageKind.CALL,
        ),
        (datetime(2024, 3, 11, 19, 30), "Aya", "", MessageKind.DELETED),
    ]
    assert [(s.line, s.reason) for s in chat.skipped] == [(6, "line is not a JSON object")]
    assert chat.me == "Me"


def test_json_array_and_offsets(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    records = [
        {"date": "2024-03-10T08:15:02+00:00", "sender": "Me", "body": "hi"},
        {"date": "2024-03-10T08:16:00", "sender": "Aya", "body": "hey", "sticker": {"emoji": "👋"}},
        {"date": None, "sender": "Aya", "body": "no date"},
        {"date": "2024-03-10T08:17:00", "sender": "", "body": "no sender"},
    ]
    path.write_text(json.dumps(records), encoding="utf-8")
    chat = signal.parse(path, tz=ZoneInfo("Europe/Berlin"))
    messages = list(chat.messages)
    # An instant with an offset goes to the zone; a naive time stays as written.
    assert [(m.sent, m.kind) for m in messages] == [
        (datetime(2024, 3, 10, 9, 15, 2), MessageKind.TEXT),
        (datetime(2024, 3, 10, 8, 16), MessageKind.MEDIA),
    ]
    assert [s.line for s in chat.skipped] == [3, 4]


def test_text_before_the_first_message_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "chat.md"
    path.write_text("# exported chat\n[2019-05-29, 15:04] Me: How is everyone?\n", encoding="utf-8")
    chat = signal.parse(path)
    assert [m.author for m in chat.messages] == ["Me"]
    assert [(s.line, s.reason) for s in chat.skipped] == [(1, "text before the first message")]


def test_json_array_that_is_not_a_list(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_text(
        '[{"date": "2024-03-10T08:15:02", "sender": "Me", "body": "hi"', encoding="utf-8"
    )
    with pytest.raises(ImportFormatError, match="not valid JSON"):
        list(signal.parse(path).messages)  # read a record at a time: met while reading


def test_sniff() -> None:
    assert signal.sniff((FIXTURES / "chat.md").read_bytes())
    assert signal.sniff((FIXTURES / "data.json").read_bytes())
    assert signal.sniff(b"[2019-05-29, 15:04] Me: How is everyone?\n")
    # WhatsApp on iOS writes a comma and seconds; signal-export never does both.
    assert not signal.sniff(b"[2019-05-29, 15:04:05] Me: How is everyone?\n")
    assert not signal.sniff(b"[01/01/19 11:25] John Doe: Lorem ipsum\n")
    assert not signal.sniff(b'{"messages": []}')
