"""Telegram Desktop JSON: the chat-miner conformance files and our own fixtures."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from reciprocity.errors import ImportFormatError
from reciprocity.evidence import telegram
from reciprocity.evidence.message import MessageKind, ParseOptions

FIXTURES = Path(__file__).parent / "fixtures" / "telegram"

# chat-miner wrote target.json with utcfromtimestamp, so it is in UTC; its
# test_target.csv came from an earlier chat-miner that used the local zone of
# a machine in Central Europe (10:39:10 UTC is 11:39:10 there in December).
# Reproducing both, each in its own zone, shows the epoch conversion is right
# and not merely shifted to fit one of them.
BERLIN = ZoneInfo("Europe/Berlin")


def _target_json(path: Path) -> list[tuple[datetime, str]]:
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [(datetime.fromisoformat(row["timestamp"]), row["author"]) for row in rows]


def _target_csv(path: Path) -> list[tuple[datetime, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            (datetime.fromisoformat(row["timestamp"]), row["author"])
            for row in csv.DictReader(handle)
        ]


@pytest.mark.parametrize(
    ("export", "options"),
    [
        ("test_single_export.json", ParseOptions()),
        ("test_batch_export.json", ParseOptions(chat_name="Chatname")),
        ("test_batch_export.json", ParseOptions(chat_name="CHATNAME")),  # case-insensitive
        ("test_batch_export.json", ParseOptions()),  # one chat only: no name needed
    ],
)
def test_corpus_exports_reproduce_the_targets(
    corpus: Path, export: str, options: ParseOptions
) -> None:
    folder = corpus / "chat-miner" / "test" / "telegram"
    in_utc = [(m.sent, m.author) for m in telegram.parse(folder / export, options, tz=UTC).messages]
    in_berlin = [
        (m.sent, m.author) for m in telegram.parse(folder / export, options, tz=BERLIN).messages
    ]
    assert in_utc == _target_json(folder / "target.json")
    assert in_berlin == _target_csv(folder / "test_target.csv")
    assert len(in_utc) == 2


def test_text_entities_are_joined_as_written(corpus: Path) -> None:
    chat = telegram.parse(
        corpus / "chat-miner" / "test" / "telegram" / "test_single_export.json", tz=UTC
    )
    texts = [message.text for message in chat.messages]
    assert texts == ["Minimal Message", "Link:https://telegram.org/"]
    assert chat.format == "telegram"
    assert chat.participants == {"Author 1": 1, "Author 2": 1}


def test_account_export_with_several_chats_needs_a_name() -> None:
    with pytest.raises(ImportFormatError) as caught:
        telegram.parse(FIXTURES / "account.json")
    assert '"Alex Rivera", "Book club"' in str(caught.value)
    assert "2 chats" in str(caught.value)


def test_unknown_chat_name_lists_the_chats() -> None:
    with pytest.raises(ImportFormatError, match=r'no chat called "Nobody".*"Book club"'):
        telegram.parse(FIXTURES / "account.json", ParseOptions(chat_name="Nobody"))


def test_account_export_chat_by_name() -> None:
    chat = telegram.parse(FIXTURES / "account.json", ParseOptions(chat_name="alex rivera"), tz=UTC)
    messages = list(chat.messages)
    assert chat.me == "Robin Ng"  # from personal_information
    assert chat.title == "Alex Rivera"
    assert [(m.author, m.kind) for m in messages] == [
        ("Robin Ng", MessageKind.CALL),  # a phone call service record is a call
        ("Alex Rivera", MessageKind.TEXT),
        ("Robin Ng", MessageKind.MEDIA),
        ("Deleted Account", MessageKind.TEXT),
    ]
    # "date" is the wall-clock time the export shows; tz does not move it.
    assert messages[1].sent == datetime(2023, 5, 1, 9, 5)
    assert messages[1].text == "See https://example.org 🙂"
    assert [(s.line, s.reason) for s in chat.skipped] == [(6, "message without a usable date")]
    assert chat.notes == [
        "1 service message (a join, a pin, a title change …) is not counted as a message"
    ]
    assert chat.participants == {"Robin Ng": 2, "Alex Rivera": 1, "Deleted Account": 1}


def test_owner_of_a_one_chat_export_is_inferred_from_ids(tmp_path: Path) -> None:
    account = json.loads((FIXTURES / "account.json").read_text(encoding="utf-8"))
    one_chat = account["chats"]["list"][0]
    path = tmp_path / "result.json"
    path.write_text(json.dumps(one_chat), encoding="utf-8")
    chat = telegram.parse(path)
    list(chat.messages)  # the owner is known once the messages are read
    assert chat.me == "Robin Ng"  # the author whose from_id is not the chat's id


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ('{"messages": [{"type": "message", "from": "A",', 1),
        ('{\n  "messages": [\n    {"type": "message" "from": "A"}\n  ]\n}', 3),
    ],
)
def test_broken_json_says_where(tmp_path: Path, content: str, where: int) -> None:
    path = tmp_path / "result.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFormatError) as caught:
        list(telegram.parse(path).messages)  # a problem past the head is met while reading
    assert caught.value.line == where
    assert "not valid JSON" in caught.value.reason


@pytest.mark.parametrize("content", ['{"messages": {"a": 1}}', "[1, 2]", '{"chats": {"list": []}}'])
def test_wrong_structure_is_a_format_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "result.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFormatError):
        list(telegram.parse(path).messages)


def test_bad_records_are_skipped_with_their_index(tmp_path: Path) -> None:
    records = [
        "not an object",
        {"type": "message", "date_unixtime": "1544006350", "from": "A", "text": 5},
        {"type": "message", "date_unixtime": "soon", "from": "A", "text": "x"},
        {"type": "message", "date_unixtime": "1544006350", "text": "no author"},
    ]
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"messages": records}), encoding="utf-8")
    chat = telegram.parse(path, tz=UTC)
    assert [(m.author, m.text) for m in chat.messages] == [("A", "")]
    assert [s.line for s in chat.skipped] == [1, 3, 4]


def test_sniff() -> None:
    assert telegram.sniff((FIXTURES / "account.json").read_bytes())
    assert telegram.sniff(
        b'\xef\xbb\xbf{"name": "A", "type": "personal_chat", "id": 1, "messages": []}'
    )
    assert not telegram.sniff(b'{"messages": [{"sender_name": "A", "timestamp_ms": 1}]}')
    assert not telegram.sniff(b"12/24/19, 11:23 - John Doe: hi")
