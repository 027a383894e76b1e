"""Facebook Messenger and Instagram JSON: conformance files and our own fixtures."""

from __future__ import annotations

import csv
import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from reciprocity import evidence
from reciprocity.errors import ImportFormatError
from reciprocity.evidence import meta
from reciprocity.evidence.message import MessageKind

FIXTURES = Path(__file__).parent / "fixtures"

# chat-miner's JSON targets were written with utcfromtimestamp (UTC). Its
# instagram/testlog_target.csv came from an earlier version that used the
# local zone of a machine in Central Europe: 1579294140000 is 20:49 UTC and
# the CSV says 21:49 (CET, winter); 1569324600000 is 11:30 UTC and the CSV
# says 13:30 (CEST, summer). Europe/Berlin reproduces both offsets.
BERLIN = ZoneInfo("Europe/Berlin")


def _pairs(path: Path, tz: ZoneInfo | None = None) -> list[tuple[datetime, str]]:
    return [(m.sent, m.author) for m in meta.parse(path, tz=tz or UTC).messages]


def test_messenger_corpus_reproduces_the_target(corpus: Path) -> None:
    folder = corpus / "chat-miner" / "test" / "facebookMessenger"
    target = json.loads((folder / "target.json").read_text(encoding="utf-8"))
    expected = [
        (datetime.fromtimestamp(row["datetime"] / 1000, UTC).replace(tzinfo=None), row["author"])
        for row in target
    ]
    # The target's own "hour" column confirms it is UTC.
    assert [sent.hour for sent, _ in expected] == [row["hour"] for row in target]
    chat = meta.parse(folder / "testlog.json", tz=UTC)
    assert Counter((m.sent, m.author) for m in chat.messages) == Counter(expected)
    assert chat.format == "messenger"  # every message carries Messenger's "type"


def test_instagram_minimal_export_reproduces_the_target(corpus: Path) -> None:
    folder = corpus / "chat-miner" / "test" / "instagram"
    target = json.loads((folder / "target.json").read_text(encoding="utf-8"))
    expected = [(datetime.fromisoformat(row["timestamp"]), row["author"]) for row in target]
    chat = meta.parse(folder / "test_export.json", tz=UTC)
    messages = list(chat.messages)
    # The target lists the newest first, as Meta writes them; we hand them on oldest first.
    assert [(m.sent, m.author) for m in messages] == expected[::-1]
    assert chat.format == "instagram"


def test_instagram_newer_layout_reproduces_the_csv_target(corpus: Path) -> None:
    folder = corpus / "chat-miner" / "test" / "instagram"
    with (folder / "testlog_target.csv").open(encoding="utf-8", newline="") as handle:
        expected = [
            (datetime.fromisoformat(row["timestamp"]), row["author"])
            for row in csv.DictReader(handle)
        ]
    chat = meta.parse(folder / "testlog.json", tz=BERLIN)
    messages = list(chat.messages)
    assert Counter((m.sent, m.author) for m in messages) == Counter(expected)
    assert len(messages) == 11  # 13 records, less 2 poll notices
    assert chat.format == "instagram"
    assert chat.title == "Test Log"
    # The mis-encoded names come out as written.
    assert {"J❤️hn Doe", "❤️"} <= set(chat.participants)
    kinds = Counter(m.kind for m in messages)
    assert kinds[MessageKind.MEDIA] == 4  # audio, video, photo, a shared post
    assert kinds[MessageKind.DELETED] == 1  # the record with nothing left but reactions
    assert chat.notes == [
        "2 notices (reactions, poll updates, people joining or leaving) are not counted as messages"
    ]


def test_mis_encoded_messenger_is_repaired() -> None:
    chat = meta.parse(FIXTURES / "messenger" / "mis_encoded.json", tz=UTC)
    messages = list(chat.messages)
    assert chat.format == "messenger"
    assert chat.title == "Zoë Martín"
    assert [(m.author, m.text, m.kind) for m in messages] == [
        ("Zoë Martín", "Ça va? Übermorgen 😊", MessageKind.TEXT),
        ("Sam Okafor", "Sam Okafor called you.", MessageKind.CALL),
        ("Sam Okafor", "", MessageKind.MEDIA),
        ("Zoë Martín", "", MessageKind.DELETED),  # is_unsent
        ("Zoë Martín", "Bonne année ! 🎉 Café demain ?", MessageKind.TEXT),
    ]
    assert messages[0].sent == datetime(2024, 1, 1, 7, 0)
    assert [m.line for m in messages] == [6, 4, 3, 2, 1]  # record index in the file
    assert chat.participants == {"Zoë Martín": 3, "Sam Okafor": 2}
    # A reaction notice and a "Subscribe" event are not messages, and are said so.
    assert chat.notes == [
        "2 notices (reactions, poll updates, people joining or leaving) are not counted as messages"
    ]


def test_messenger_end_to_end_encrypted_layout() -> None:
    chat = meta.parse(FIXTURES / "messenger" / "e2ee.json", tz=UTC)
    messages = list(chat.messages)
    assert chat.format == "messenger"
    assert chat.title == "Zoë Martín_7"
    assert [(m.author, m.kind) for m in messages] == [
        ("Zoë Martín", MessageKind.DELETED),
        ("Zoë Martín", MessageKind.MEDIA),
        ("Sam Okafor", MessageKind.TEXT),
    ]
    assert messages[-1].text == "Pizza tonight? 🍕"


def test_instagram_fixture() -> None:
    chat = meta.parse(FIXTURES / "instagram" / "inbox.json", tz=UTC)
    messages = list(chat.messages)
    assert chat.format == "instagram"
    assert [(m.author, m.kind) for m in messages] == [
        ("Léa", MessageKind.MEDIA),
        ("Noor", MessageKind.TEXT),
        ("Léa", MessageKind.MEDIA),
    ]
    assert [(s.line, s.reason) for s in chat.skipped] == [(5, "message without a usable timestamp")]


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("Caf\u00c3\u00a9", "Café"),
        ("\u00e2\u009d\u00a4\u00ef\u00b8\u008f", "❤️"),
        ("Café", "Café"),  # already right: é alone is not valid UTF-8, so it stays
        ("❤️", "❤️"),  # cannot be Latin-1 encoded, so it stays
        ("plain", "plain"),
    ],
)
def test_repair(text: str, repaired: str) -> None:
    assert meta.repair(text) == repaired


def test_timestamps_follow_the_zone(tmp_path: Path) -> None:
    path = tmp_path / "message_1.json"
    path.write_text(
        json.dumps(
            {"messages": [{"sender_name": "A", "timestamp_ms": 1719835200000, "content": "x"}]}
        ),
        encoding="utf-8",
    )
    (utc,) = _pairs(path, ZoneInfo("UTC"))
    (tokyo,) = _pairs(path, ZoneInfo("Asia/Tokyo"))
    assert utc[0] == datetime(2024, 7, 1, 12, 0)
    assert tokyo[0] == datetime(2024, 7, 1, 21, 0)


def test_wrong_structure(tmp_path: Path) -> None:
    path = tmp_path / "message_1.json"
    path.write_text('{"messages": "none"}', encoding="utf-8")
    with pytest.raises(ImportFormatError, match='"messages" is not a list'):
        meta.parse(path)
    path.write_text('{"messages": [1, {"sender_name": 5}, {"sender_name": "A"}]}', encoding="utf-8")
    chat = meta.parse(path)
    assert list(chat.messages) == []
    assert [s.line for s in chat.skipped] == [1, 2, 3]


def test_platform_from_path_when_content_says_nothing() -> None:
    sample = b'{"messages": [{"sender_name": "A", "timestamp_ms": 1, "content": "x"}]}'
    folder = Path("facebook-someone-2024-01-01") / "messages" / "inbox" / "a_1" / "message_1.json"
    assert meta.platform(sample, folder) == "messenger"
    folder = Path("instagram-someone-2024-01-01") / "messages" / "inbox" / "a_1" / "message_1.json"
    assert meta.platform(sample, folder) == "instagram"


def test_sniff() -> None:
    assert meta.sniff((FIXTURES / "messenger" / "e2ee.json").read_bytes())
    assert meta.sniff((FIXTURES / "messenger" / "mis_encoded.json").read_bytes())
    assert not meta.sniff(b'{"messages": [{"type": "message", "date_unixtime": "1"}]}')
    assert not meta.sniff(b"<smses>")


def test_the_content_decides_before_the_name_of_the_file_or_its_folders(tmp_path: Path) -> None:
    typed = b'{"messages": [{"sender_name": "A", "timestamp_ms": 1, "content": "x", "type": "Generic"}]}'
    for name in ("instagram.json", "instagram-me-2024/message_1.json", "ig/instagram_chat.json"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(typed)
        assert meta.platform(typed, path) == "messenger", name
        assert evidence.detect(path) == "messenger", name
    untyped = b'{"messages": [{"sender_name": "A", "timestamp_ms": 1, "content": "x"}]}'
    path = tmp_path / "facebook.json"
    path.write_bytes(untyped)
    assert evidence.detect(path) == "instagram"  # a file name is no folder
