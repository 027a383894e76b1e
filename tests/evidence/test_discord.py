"""DiscordChatExporter JSON and CSV."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from reciprocity.errors import ImportFormatError
from reciprocity.evidence import discord
from reciprocity.evidence.message import MessageKind, ParseOptions

FIXTURES = Path(__file__).parent / "fixtures" / "discord"
HEADER = "AuthorID,Author,Date,Content,Attachments,Reactions\n"


def test_json_export() -> None:
    chat = discord.parse(FIXTURES / "dm.json", tz=UTC)
    messages = list(chat.messages)
    # Timestamps carry the exporter's offset (+01:00) and are shown in tz.
    assert [(m.sent, m.author, m.kind, m.line) for m in messages] == [
        (datetime(2024, 2, 1, 20, 25, 24, 307000), "Kit", MessageKind.TEXT, 1),
        (datetime(2024, 2, 1, 20, 40), "Jo", MessageKind.TEXT, 2),  # a reply is a message
        (datetime(2024, 2, 1, 20, 41), "Jo", MessageKind.MEDIA, 3),
        (datetime(2024, 2, 2, 17, 0), "Kit", MessageKind.CALL, 4),
    ]
    assert chat.title == "kit"
    assert chat.notes == ["1 channel events (joins, pins, renames …) are not counted as messages"]
    paris = [
        m.sent for m in discord.parse(FIXTURES / "dm.json", tz=ZoneInfo("Europe/Paris")).messages
    ]
    assert paris[0] == datetime(2024, 2, 1, 21, 25, 24, 307000)


def test_csv_export() -> None:
    chat = discord.parse(FIXTURES / "dm.csv")
    messages = list(chat.messages)
    assert [(m.sent, m.author, m.kind, m.line) for m in messages] == [
        (datetime(2024, 1, 2, 21, 25), "kit_", MessageKind.TEXT, 2),
        (datetime(2024, 1, 2, 21, 40), "jo.p", MessageKind.TEXT, 3),
        (datetime(2024, 1, 3, 21, 41), "jo.p", MessageKind.MEDIA, 5),  # the row above spans 2 lines
        (datetime(2024, 1, 4, 18, 0), "kit_", MessageKind.CALL, 6),
    ]
    assert messages[1].text == "yes! sunday?\nor saturday, either works"
    # No field passes 12, so the order is inferred: the second field changes, so it is the day.
    assert (chat.date_order, chat.date_order_inferred) == ("MDY", True)
    assert [(s.line, s.reason) for s in chat.skipped] == [
        (8, "date 'not a date' not understood"),
        (9, "row has 5 fields, not 6"),
    ]


def test_date_order_can_be_given(tmp_path: Path) -> None:
    path = tmp_path / "dm.csv"
    path.write_text(HEADER + '"1","a","01/02/2024 10:00","x","",""\n', encoding="utf-8")
    chat = discord.parse(path, ParseOptions(date_order="dmy"))
    assert [m.sent for m in chat.messages] == [datetime(2024, 2, 1, 10, 0)]
    assert (chat.date_order, chat.date_order_inferred) == ("DMY", False)


@pytest.mark.parametrize(
    ("dates", "order", "first"),
    [
        (["16.09.2020 21:25", "17.09.2020 08:00"], "DMY", datetime(2020, 9, 16, 21, 25)),
        (["9/16/2020 9:25 PM", "9/17/2020 12:05 AM"], "MDY", datetime(2020, 9, 16, 21, 25)),
        (["2020/09/16 21:25", "2020/09/17 8:00"], "YMD", datetime(2020, 9, 16, 21, 25)),
    ],
)
def test_culture_dates(tmp_path: Path, dates: list[str], order: str, first: datetime) -> None:
    path = tmp_path / "dm.csv"
    rows = "".join(f'"1","a","{date}","x","",""\n' for date in dates)
    path.write_text(HEADER + rows, encoding="utf-8")
    chat = discord.parse(path)
    sent = [m.sent for m in chat.messages]
    assert (chat.date_order, chat.date_order_inferred) == (order, False)
    assert sent[0] == first
    assert len(sent) == 2


def test_older_and_iso_csv_dates(tmp_path: Path) -> None:
    path = tmp_path / "dm.csv"
    rows = '"1","a","16-Sep-20 09:25 PM","x","",""\n"1","a","2020-09-16T21:30:00+02:00","y","",""\n'
    path.write_text(HEADER + rows, encoding="utf-8")
    chat = discord.parse(path, tz=UTC)
    assert [m.sent for m in chat.messages] == [
        datetime(2020, 9, 16, 21, 25),
        datetime(2020, 9, 16, 19, 30),
    ]
    assert chat.date_order is None


def test_wrong_structure(tmp_path: Path) -> None:
    path = tmp_path / "dm.json"
    path.write_text('{"guild": {}, "channel": {}, "messages": null}', encoding="utf-8")
    with pytest.raises(ImportFormatError, match='"messages" is not a list'):
        discord.parse(path)
    path.write_text(
        '{"guild": {}, "messages": [{"author": "x"}, {"author": {"name": "a"}}]}', encoding="utf-8"
    )
    chat = discord.parse(path)
    assert list(chat.messages) == []
    assert [(s.line, s.reason) for s in chat.skipped] == [
        (1, "message without an author"),
        (2, "message without a usable timestamp"),
    ]


def test_sniff() -> None:
    assert discord.sniff((FIXTURES / "dm.json").read_bytes())
    assert discord.sniff((FIXTURES / "dm.csv").read_bytes())
    assert discord.sniff(b'"AuthorID","Author","Date","Content","Attachments","Reactions"\r\n')
    assert not discord.sniff(b"time,author,text\n")
    assert not discord.sniff(b'{"messages": []}')
